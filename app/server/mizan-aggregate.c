/* mizan-aggregate.c — summary statistics and the k-anonymity rule of mizan-server
 * Quartiles by selection (no full sort), and a greedy choice of answerable queries whose blocks all hold 0 or ≥ k submissions. */

#include "config.h"

#include <math.h>

#include "mizan-aggregate.h"

/* Statistics -------------------------------------------------------------- */

static inline void
swap_values (double *values,
             gssize  a,
             gssize  b)
{
  double t = values[a];

  values[a] = values[b];
  values[b] = t;
}

/* Reorders values[lo..hi] so that values[nth] is the one a sort would put
 * there, with nothing greater before it and nothing smaller after it
 * (Hoare's selection with a median-of-three pivot: linear on average). */
static void
select_nth (double *values,
            gssize  lo,
            gssize  hi,
            gssize  nth)
{
  while (hi > lo)
    {
      gssize mid = lo + (hi - lo) / 2;
      gssize i = lo;
      gssize j = hi;
      double pivot;

      /* The ends then bound both scans below, so they need no range checks. */
      if (values[mid] < values[lo])
        swap_values (values, mid, lo);
      if (values[hi] < values[lo])
        swap_values (values, hi, lo);
      if (values[hi] < values[mid])
        swap_values (values, hi, mid);
      pivot = values[mid];

      while (i <= j)
        {
          while (values[i] < pivot)
            i++;
          while (values[j] > pivot)
            j--;
          if (i <= j)
            {
              swap_values (values, i, j);
              i++;
              j--;
            }
        }

      if (nth <= j)
        hi = j;
      else if (nth >= i)
        lo = i;
      else
        return;  /* between the two halves everything equals the pivot */
    }
}

static double
least (const double *values,
       gsize         from,
       gsize         to)
{
  double m = values[from];

  for (gsize i = from + 1; i < to; i++)
    if (values[i] < m)
      m = values[i];
  return m;
}

/* The quantile at h (a rank, possibly between two) when values[lo..hi) holds
 * exactly the order statistics lo..hi−1, and @after is statistic hi. */
static double
quantile_in (double *values,
             gsize   lo,
             gsize   hi,
             double  h,
             double  after)
{
  gsize below = (gsize) floor (h);
  double low, high;

  select_nth (values, (gssize) lo, (gssize) hi - 1, (gssize) below);
  low = values[below];
  if (h == (double) below)
    return low;

  /* After selection the next order statistic is the least of what follows. */
  high = below + 1 < hi ? least (values, below + 1, hi) : after;
  return low + (h - (double) below) * (high - low);
}

double
mizan_percentile (double *values,
                  gsize   n,
                  double  fraction)
{
  g_return_val_if_fail (values != NULL && n > 0, NAN);

  fraction = CLAMP (fraction, 0.0, 1.0);
  return quantile_in (values, 0, n, (double) (n - 1) * fraction, NAN);
}

double
mizan_mean (const double *values,
            gsize         n)
{
  double sum = 0.0;
  double compensation = 0.0;

  g_return_val_if_fail (values != NULL && n > 0, NAN);

  /* Neumaier's summation: 100,000 scores add up without drifting. */
  for (gsize i = 0; i < n; i++)
    {
      double t = sum + values[i];

      if (fabs (sum) >= fabs (values[i]))
        compensation += (sum - t) + values[i];
      else
        compensation += (values[i] - t) + sum;
      sum = t;
    }
  return (sum + compensation) / (double) n;
}

void
mizan_summary_compute (double       *values,
                       gsize         n,
                       MizanSummary *summary)
{
  gsize middle = (n - 1) / 2;
  double h25 = (double) (n - 1) * 0.25;
  double h50 = (double) (n - 1) * 0.5;
  double h75 = (double) (n - 1) * 0.75;
  double at_middle, above_middle;

  g_return_if_fail (values != NULL && n > 0 && summary != NULL);

  summary->n = n;
  summary->mean = mizan_mean (values, n);

  /* The middle statistic first; each quartile is then looked for in its own
   * half, which leaves the middle and the other half where they are. */
  select_nth (values, 0, (gssize) n - 1, (gssize) middle);
  at_middle = values[middle];
  above_middle = middle + 1 < n ? least (values, middle + 1, n) : at_middle;

  summary->median = at_middle + (h50 - (double) middle) * (above_middle - at_middle);
  if ((gsize) floor (h25) == middle)
    summary->p25 = at_middle + (h25 - (double) middle) * (above_middle - at_middle);
  else
    summary->p25 = quantile_in (values, 0, middle, h25, at_middle);
  if ((gsize) floor (h75) == middle)
    summary->p75 = at_middle + (h75 - (double) middle) * (above_middle - at_middle);
  else
    summary->p75 = quantile_in (values, middle + 1, n, h75, NAN);
}

/* Disclosure control ------------------------------------------------------ */

/* The table's cells are country × sector × size. A query is a box in it: each
 * dimension one value or all of them. Every answer is computed from the
 * submissions of a union of "blocks": the coarsest partition of the cells
 * such that each answerable query is a union of blocks (the regions of the
 * Venn diagram of the answerable queries). A query becomes answerable only if
 * afterwards every block still holds 0 or ≥ k submissions, so whatever a
 * caller combines — differences, inclusion–exclusion, quartiles of unions —
 * depends on whole blocks only, never on fewer than k submissions. */
struct _MizanDisclosure
{
  guint     n_dims[3];      /* countries, sectors, sizes */
  guint     n_cells;
  guint     n_items;
  guint     k;

  guint    *cell_count;     /* per cell */
  guint    *cell_items;     /* per cell × item: submissions carrying the item */

  gboolean  solved;
  guint    *block_of_cell;
  guint     n_blocks;
  guint    *block_count;
  guint    *block_cells;
  guint8   *block_item_ok;  /* per block × item: 0 or ≥ k carry it */
  guint8   *answerable;     /* per query */
};

static inline guint
cell_index (MizanDisclosure *self,
            guint            country,
            guint            sector,
            guint            size)
{
  return (country * self->n_dims[1] + sector) * self->n_dims[2] + size;
}

/* Queries are numbered with 0 standing for "any" in each dimension. */
static inline guint
query_index (MizanDisclosure *self,
             int              country,
             int              sector,
             int              size)
{
  return ((guint) (country + 1) * (self->n_dims[1] + 1) + (guint) (sector + 1)) * (self->n_dims[2] + 1)
         + (guint) (size + 1);
}

static inline gboolean
is_safe_count (MizanDisclosure *self,
               guint            count)
{
  return count == 0 || count >= self->k;
}

MizanDisclosure *
mizan_disclosure_new (guint n_countries,
                      guint n_sectors,
                      guint n_sizes,
                      guint n_items,
                      guint k)
{
  MizanDisclosure *self;

  g_return_val_if_fail (n_countries > 0 && n_sectors > 0 && n_sizes > 0, NULL);
  g_return_val_if_fail (k >= 1, NULL);

  self = g_new0 (MizanDisclosure, 1);
  self->n_dims[0] = n_countries;
  self->n_dims[1] = n_sectors;
  self->n_dims[2] = n_sizes;
  self->n_cells = n_countries * n_sectors * n_sizes;
  self->n_items = n_items;
  self->k = k;
  self->cell_count = g_new0 (guint, self->n_cells);
  self->cell_items = g_new0 (guint, (gsize) self->n_cells * MAX (n_items, 1));
  return self;
}

void
mizan_disclosure_free (MizanDisclosure *self)
{
  if (self == NULL)
    return;

  g_free (self->cell_count);
  g_free (self->cell_items);
  g_free (self->block_of_cell);
  g_free (self->block_count);
  g_free (self->block_cells);
  g_free (self->block_item_ok);
  g_free (self->answerable);
  g_free (self);
}

void
mizan_disclosure_add (MizanDisclosure *self,
                      guint            country,
                      guint            sector,
                      guint            size,
                      const gboolean  *has_item)
{
  guint cell;

  g_return_if_fail (self != NULL && !self->solved);
  g_return_if_fail (country < self->n_dims[0] && sector < self->n_dims[1] && size < self->n_dims[2]);

  cell = cell_index (self, country, sector, size);
  self->cell_count[cell]++;
  for (guint i = 0; i < self->n_items; i++)
    if (has_item == NULL || has_item[i])
      self->cell_items[(gsize) cell * self->n_items + i]++;
}

typedef struct {
  guint lo[3];
  guint hi[3];   /* exclusive */
} Box;

static Box
query_box (MizanDisclosure *self,
           const int        query[3])
{
  Box box;

  for (guint d = 0; d < 3; d++)
    {
      box.lo[d] = query[d] == MIZAN_ANY ? 0 : (guint) query[d];
      box.hi[d] = query[d] == MIZAN_ANY ? self->n_dims[d] : (guint) query[d] + 1;
    }
  return box;
}

#define FOREACH_CELL(self, box, cell)                                          \
  for (guint _c = (box).lo[0]; _c < (box).hi[0]; _c++)                         \
    for (guint _s = (box).lo[1]; _s < (box).hi[1]; _s++)                       \
      for (guint _z = (box).lo[2], cell = cell_index ((self), _c, _s, _z);     \
           _z < (box).hi[2];                                                   \
           _z++, cell = cell_index ((self), _c, _s, _z))

/* Scratch space of one solve. */
typedef struct {
  guint  *seen;       /* per block: stamp of the last trial that touched it */
  guint   stamp;
  guint  *in_count;   /* per block: submissions inside the trial query */
  guint  *in_cells;   /* per block: cells inside the trial query */
  guint  *split_to;   /* per block: the new block of its inside part, or G_MAXUINT */
  GArray *touched;
} Trial;

/* Makes @query answerable if every block it cuts leaves two parts of 0 or ≥ k. */
static gboolean
try_add_query (MizanDisclosure *self,
               Trial           *trial,
               const int        query[3])
{
  Box box = query_box (self, query);
  guint total = 0;

  trial->stamp++;
  g_array_set_size (trial->touched, 0);

  FOREACH_CELL (self, box, cell)
    {
      guint block = self->block_of_cell[cell];

      if (trial->seen[block] != trial->stamp)
        {
          trial->seen[block] = trial->stamp;
          trial->in_count[block] = 0;
          trial->in_cells[block] = 0;
          g_array_append_val (trial->touched, block);
        }
      trial->in_count[block] += self->cell_count[cell];
      trial->in_cells[block]++;
      total += self->cell_count[cell];
    }

  /* A query itself needs k; 0 would answer nothing but still be "suppressed". */
  if (total < self->k)
    return FALSE;

  for (guint i = 0; i < trial->touched->len; i++)
    {
      guint block = g_array_index (trial->touched, guint, i);

      if (trial->in_cells[block] == self->block_cells[block])
        continue;
      if (!is_safe_count (self, trial->in_count[block]) ||
          !is_safe_count (self, self->block_count[block] - trial->in_count[block]))
        return FALSE;
    }

  for (guint i = 0; i < trial->touched->len; i++)
    {
      guint block = g_array_index (trial->touched, guint, i);
      guint part;

      trial->split_to[block] = G_MAXUINT;
      if (trial->in_cells[block] == self->block_cells[block])
        continue;

      part = self->n_blocks++;
      self->block_count[part] = trial->in_count[block];
      self->block_cells[part] = trial->in_cells[block];
      self->block_count[block] -= trial->in_count[block];
      self->block_cells[block] -= trial->in_cells[block];
      trial->split_to[block] = part;
    }

  FOREACH_CELL (self, box, cell)
    {
      guint block = self->block_of_cell[cell];

      /* New blocks are numbered above every block this trial touched. */
      if (trial->seen[block] == trial->stamp && trial->split_to[block] != G_MAXUINT)
        self->block_of_cell[cell] = trial->split_to[block];
    }

  self->answerable[query_index (self, query[0], query[1], query[2])] = TRUE;
  return TRUE;
}

/* The order in which queries are considered decides which of two
 * conflicting queries wins: the whole table, then one dimension fixed
 * (member states first, as comparing them is the server's purpose, then
 * sectors, then sizes), then two, then all three. Within a dimension the
 * configured order, so the choice depends on counts only through the rule. */
static void
solve_in_order (MizanDisclosure *self,
                Trial           *trial)
{
  static const guint8 shapes[][3] = {
    {1, 0, 0}, {0, 1, 0}, {0, 0, 1},
    {0, 1, 1}, {1, 1, 0}, {1, 0, 1},
    {1, 1, 1},
  };

  for (guint i = 0; i < G_N_ELEMENTS (shapes); i++)
    {
      guint n[3];
      int query[3];

      for (guint d = 0; d < 3; d++)
        n[d] = shapes[i][d] ? self->n_dims[d] : 1;

      for (guint a = 0; a < n[0]; a++)
        for (guint b = 0; b < n[1]; b++)
          for (guint c = 0; c < n[2]; c++)
            {
              query[0] = shapes[i][0] ? (int) a : MIZAN_ANY;
              query[1] = shapes[i][1] ? (int) b : MIZAN_ANY;
              query[2] = shapes[i][2] ? (int) c : MIZAN_ANY;
              try_add_query (self, trial, query);
            }
    }
}

void
mizan_disclosure_solve (MizanDisclosure *self)
{
  const int whole[3] = { MIZAN_ANY, MIZAN_ANY, MIZAN_ANY };
  guint n_queries;
  Trial trial = { 0, };

  g_return_if_fail (self != NULL && !self->solved);

  self->solved = TRUE;
  n_queries = (self->n_dims[0] + 1) * (self->n_dims[1] + 1) * (self->n_dims[2] + 1);
  self->answerable = g_new0 (guint8, n_queries);
  self->block_of_cell = g_new0 (guint, self->n_cells);
  self->block_count = g_new0 (guint, self->n_cells);
  self->block_cells = g_new0 (guint, self->n_cells);
  self->n_blocks = 1;
  self->block_cells[0] = self->n_cells;
  for (guint cell = 0; cell < self->n_cells; cell++)
    self->block_count[0] += self->cell_count[cell];

  trial.seen = g_new0 (guint, self->n_cells);
  trial.in_count = g_new0 (guint, self->n_cells);
  trial.in_cells = g_new0 (guint, self->n_cells);
  trial.split_to = g_new0 (guint, self->n_cells);
  trial.touched = g_array_new (FALSE, FALSE, sizeof (guint));

  /* Fewer than k in all: nothing at all can be said. */
  if (try_add_query (self, &trial, whole))
    solve_in_order (self, &trial);

  g_free (trial.seen);
  g_free (trial.in_count);
  g_free (trial.in_cells);
  g_free (trial.split_to);
  g_array_unref (trial.touched);

  self->block_item_ok = g_new0 (guint8, (gsize) self->n_blocks * MAX (self->n_items, 1));
  if (self->n_items > 0)
    {
      g_autofree guint *block_items = g_new0 (guint, (gsize) self->n_blocks * self->n_items);

      for (guint cell = 0; cell < self->n_cells; cell++)
        for (guint i = 0; i < self->n_items; i++)
          block_items[(gsize) self->block_of_cell[cell] * self->n_items + i] +=
            self->cell_items[(gsize) cell * self->n_items + i];
      for (gsize i = 0; i < (gsize) self->n_blocks * self->n_items; i++)
        self->block_item_ok[i] = is_safe_count (self, block_items[i]);
    }
}

static gboolean
query_is_valid (MizanDisclosure *self,
                const int        query[3])
{
  for (guint d = 0; d < 3; d++)
    if (query[d] != MIZAN_ANY && (query[d] < 0 || (guint) query[d] >= self->n_dims[d]))
      return FALSE;
  return TRUE;
}

gboolean
mizan_disclosure_is_answerable (MizanDisclosure *self,
                                int              country,
                                int              sector,
                                int              size)
{
  const int query[3] = { country, sector, size };

  g_return_val_if_fail (self != NULL && self->solved, FALSE);

  if (!query_is_valid (self, query))
    return FALSE;
  return self->answerable[query_index (self, country, sector, size)];
}

/* Submissions may leave out not-applicable domains and capabilities, so the
 * figures of one item come from a subset of each block: that subset must
 * also be 0 or ≥ k in every block of the query, and ≥ k in all. */
gboolean
mizan_disclosure_item_is_answerable (MizanDisclosure *self,
                                     int              country,
                                     int              sector,
                                     int              size,
                                     guint            item)
{
  const int query[3] = { country, sector, size };
  Box box;
  guint total = 0;

  g_return_val_if_fail (self != NULL && self->solved, FALSE);
  g_return_val_if_fail (item < self->n_items, FALSE);

  if (!mizan_disclosure_is_answerable (self, country, sector, size))
    return FALSE;

  box = query_box (self, query);
  FOREACH_CELL (self, box, cell)
    {
      if (!self->block_item_ok[(gsize) self->block_of_cell[cell] * self->n_items + item])
        return FALSE;
      total += self->cell_items[(gsize) cell * self->n_items + item];
    }
  return total >= self->k;
}

guint
mizan_disclosure_get_n_blocks (MizanDisclosure *self)
{
  g_return_val_if_fail (self != NULL && self->solved, 0);

  return self->n_blocks;
}
