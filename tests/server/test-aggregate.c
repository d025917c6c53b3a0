/* test-aggregate.c — quartiles and the k-anonymity rule of mizan-server
 * Percentiles against a sort-based reference; disclosure decisions against an independent check of the blocks they create. */

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "mizan-aggregate.h"

#define EPS 1e-12

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* numpy's "linear" method, straight from its definition on a sorted copy. */
static double
reference_percentile (const double *values,
                      gsize         n,
                      double        q)
{
  g_autofree double *sorted = g_memdup2 (values, n * sizeof (double));
  double h = (n - 1) * q;
  gsize lo = (gsize) floor (h);
  gsize hi = MIN (lo + 1, n - 1);

  qsort (sorted, n, sizeof (double), compare_doubles);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

static void
test_percentile_known_values (void)
{
  double four[] = { 4, 1, 3, 2 };
  double one[] = { 7.5 };
  double ties[] = { 2, 2, 2, 1, 3, 2 };
  MizanSummary s;

  /* numpy.percentile([1,2,3,4], [25,50,75]) == [1.75, 2.5, 3.25] */
  mizan_summary_compute (four, 4, &s);
  g_assert_cmpuint (s.n, ==, 4);
  g_assert_cmpfloat_with_epsilon (s.mean, 2.5, EPS);
  g_assert_cmpfloat_with_epsilon (s.p25, 1.75, EPS);
  g_assert_cmpfloat_with_epsilon (s.median, 2.5, EPS);
  g_assert_cmpfloat_with_epsilon (s.p75, 3.25, EPS);

  mizan_summary_compute (one, 1, &s);
  g_assert_cmpfloat_with_epsilon (s.p25, 7.5, EPS);
  g_assert_cmpfloat_with_epsilon (s.median, 7.5, EPS);
  g_assert_cmpfloat_with_epsilon (s.p75, 7.5, EPS);

  mizan_summary_compute (ties, 6, &s);
  g_assert_cmpfloat_with_epsilon (s.p25, 2.0, EPS);
  g_assert_cmpfloat_with_epsilon (s.median, 2.0, EPS);
  g_assert_cmpfloat_with_epsilon (s.p75, 2.0, EPS);
  g_assert_cmpfloat_with_epsilon (s.mean, 2.0, EPS);
}

static void
test_percentile_random (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261128);

  for (guint round = 0; round < 500; round++)
    {
      gsize n = 1 + g_rand_int_range (rand, 0, round < 250 ? 12 : round < 400 ? 400 : 5000);
      g_autofree double *values = g_new (double, n);
      g_autofree double *work = g_new (double, n);
      const double fractions[] = { 0.0, 0.1, 0.25, 0.5, 0.75, 0.9, 1.0 };

      for (gsize i = 0; i < n; i++)
        /* Few distinct values half the time: ties are where selection breaks. */
        values[i] = round % 2 ? g_rand_int_range (rand, 0, 4) : g_rand_double (rand);

      for (guint f = 0; f < G_N_ELEMENTS (fractions); f++)
        {
          memcpy (work, values, n * sizeof (double));
          g_assert_cmpfloat_with_epsilon (mizan_percentile (work, n, fractions[f]),
                                          reference_percentile (values, n, fractions[f]), 1e-12);
        }

      /* The summary finds its three quartiles in one array, one after the other. */
      {
        MizanSummary s;
        double sum = 0.0;

        memcpy (work, values, n * sizeof (double));
        mizan_summary_compute (work, n, &s);
        for (gsize i = 0; i < n; i++)
          sum += values[i];
        g_assert_cmpuint (s.n, ==, n);
        g_assert_cmpfloat_with_epsilon (s.mean, sum / n, 1e-9);
        g_assert_cmpfloat_with_epsilon (s.p25, reference_percentile (values, n, 0.25), 1e-12);
        g_assert_cmpfloat_with_epsilon (s.median, reference_percentile (values, n, 0.5), 1e-12);
        g_assert_cmpfloat_with_epsilon (s.p75, reference_percentile (values, n, 0.75), 1e-12);
      }
    }
}

/* Disclosure -------------------------------------------------------------- */

#define N_C 3
#define N_S 3
#define N_Z 2

static guint
cell (guint c, guint s, guint z)
{
  return (c * N_S + s) * N_Z + z;
}

static gboolean
query_covers (const int q[3], guint c, guint s, guint z)
{
  return (q[0] == MIZAN_ANY || (guint) q[0] == c) &&
         (q[1] == MIZAN_ANY || (guint) q[1] == s) &&
         (q[2] == MIZAN_ANY || (guint) q[2] == z);
}

static MizanDisclosure *
solve (const guint *counts,
       guint        k)
{
  MizanDisclosure *d = mizan_disclosure_new (N_C, N_S, N_Z, 0, k);

  for (guint c = 0; c < N_C; c++)
    for (guint s = 0; s < N_S; s++)
      for (guint z = 0; z < N_Z; z++)
        for (guint i = 0; i < counts[cell (c, s, z)]; i++)
          mizan_disclosure_add (d, c, s, z, NULL);
  mizan_disclosure_solve (d);
  return d;
}

/* What an attacker holding every answer can isolate: the regions of the Venn
 * diagram of the answered queries (cells grouped by which answered queries
 * contain them). Each must hold 0 or ≥ k submissions — checked here without
 * using the library's own blocks. */
static void
assert_no_small_region (MizanDisclosure *d,
                        const guint     *counts,
                        guint            k)
{
  g_autoptr(GHashTable) regions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer key, value;

  for (guint c = 0; c < N_C; c++)
    for (guint s = 0; s < N_S; s++)
      for (guint z = 0; z < N_Z; z++)
        {
          GString *signature = g_string_new (NULL);
          guint so_far;

          for (int qc = MIZAN_ANY; qc < N_C; qc++)
            for (int qs = MIZAN_ANY; qs < N_S; qs++)
              for (int qz = MIZAN_ANY; qz < N_Z; qz++)
                {
                  const int q[3] = { qc, qs, qz };

                  g_string_append_c (signature,
                                     mizan_disclosure_is_answerable (d, qc, qs, qz) && query_covers (q, c, s, z) ? '1' : '0');
                }
          so_far = GPOINTER_TO_UINT (g_hash_table_lookup (regions, signature->str));
          g_hash_table_replace (regions, g_string_free (signature, FALSE),
                                GUINT_TO_POINTER (so_far + counts[cell (c, s, z)]));
        }

  g_hash_table_iter_init (&iter, regions);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint n = GPOINTER_TO_UINT (value);

      /* Cells in no answered query at all are not described by any answer. */
      if (strchr (key, '1') == NULL)
        continue;
      if (n != 0 && n < k)
        g_error ("a region of the answered queries holds %u < k = %u submissions", n, k);
    }

  /* And each answered query has at least k itself. */
  for (int qc = MIZAN_ANY; qc < N_C; qc++)
    for (int qs = MIZAN_ANY; qs < N_S; qs++)
      for (int qz = MIZAN_ANY; qz < N_Z; qz++)
        if (mizan_disclosure_is_answerable (d, qc, qs, qz))
          {
            const int q[3] = { qc, qs, qz };
            guint n = 0;

            for (guint c = 0; c < N_C; c++)
              for (guint s = 0; s < N_S; s++)
                for (guint z = 0; z < N_Z; z++)
                  if (query_covers (q, c, s, z))
                    n += counts[cell (c, s, z)];
            g_assert_cmpuint (n, >=, k);
          }
}

static void
test_disclosure_threshold (void)
{
  guint counts[N_C * N_S * N_Z] = { 0, };
  g_autoptr(MizanDisclosure) four = NULL;
  g_autoptr(MizanDisclosure) five = NULL;

  counts[cell (0, 0, 0)] = 4;
  four = solve (counts, 5);
  g_assert_false (mizan_disclosure_is_answerable (four, MIZAN_ANY, MIZAN_ANY, MIZAN_ANY));
  g_assert_false (mizan_disclosure_is_answerable (four, 0, 0, 0));

  counts[cell (0, 0, 0)] = 5;
  five = solve (counts, 5);
  g_assert_true (mizan_disclosure_is_answerable (five, MIZAN_ANY, MIZAN_ANY, MIZAN_ANY));
  /* All five in one cell: every query holding it says the same, and the
   * empty rest is no secret about anyone. */
  g_assert_true (mizan_disclosure_is_answerable (five, 0, MIZAN_ANY, MIZAN_ANY));
  g_assert_true (mizan_disclosure_is_answerable (five, 0, 0, 0));
  g_assert_false (mizan_disclosure_is_answerable (five, 1, MIZAN_ANY, MIZAN_ANY));
  assert_no_small_region (five, counts, 5);
}

/* all − (sector 0) would isolate the 3 of sector 1 if both were answered. */
static void
test_disclosure_difference (void)
{
  guint counts[N_C * N_S * N_Z] = { 0, };
  g_autoptr(MizanDisclosure) d = NULL;

  counts[cell (0, 0, 0)] = 5;
  counts[cell (0, 0, 1)] = 3;
  d = solve (counts, 5);

  g_assert_true (mizan_disclosure_is_answerable (d, MIZAN_ANY, MIZAN_ANY, MIZAN_ANY));
  g_assert_true (mizan_disclosure_is_answerable (d, 0, 0, MIZAN_ANY));
  g_assert_false (mizan_disclosure_is_answerable (d, MIZAN_ANY, MIZAN_ANY, 0));
  g_assert_false (mizan_disclosure_is_answerable (d, 0, 0, 0));
  g_assert_false (mizan_disclosure_is_answerable (d, MIZAN_ANY, MIZAN_ANY, 1));
  assert_no_small_region (d, counts, 5);
}

/* The case a pairwise "child and its complement in each parent ≥ k" rule
 * lets through: every pairwise difference is ≥ 5, yet
 * all − sector 0 − size 0 + (sector 0, size 0) is the single submission
 * of sector 1, size 1. */
static void
test_disclosure_inclusion_exclusion (void)
{
  guint counts[N_C * N_S * N_Z] = { 0, };
  g_autoptr(MizanDisclosure) d = NULL;
  gboolean sector, size, both;

  counts[cell (0, 0, 0)] = 5;
  counts[cell (0, 0, 1)] = 5;
  counts[cell (0, 1, 0)] = 5;
  counts[cell (0, 1, 1)] = 1;
  d = solve (counts, 5);

  sector = mizan_disclosure_is_answerable (d, MIZAN_ANY, 0, MIZAN_ANY);
  size = mizan_disclosure_is_answerable (d, MIZAN_ANY, MIZAN_ANY, 0);
  both = mizan_disclosure_is_answerable (d, MIZAN_ANY, 0, 0);
  g_assert_true (mizan_disclosure_is_answerable (d, MIZAN_ANY, MIZAN_ANY, MIZAN_ANY));
  g_assert_false (sector && size && both);
  /* Sectors come before sizes: the sector split is the one kept. */
  g_assert_true (sector);
  assert_no_small_region (d, counts, 5);
}

static void
test_disclosure_random (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (5);
  guint answered = 0;

  for (guint round = 0; round < 3000; round++)
    {
      guint counts[N_C * N_S * N_Z];
      guint k = 2 + g_rand_int_range (rand, 0, 5);
      g_autoptr(MizanDisclosure) d = NULL;
      guint total = 0;

      for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
        {
          /* Mostly empty and small cells, as with few participants. */
          guint r = g_rand_int_range (rand, 0, 10);

          counts[i] = r < 5 ? 0 : r < 8 ? g_rand_int_range (rand, 1, k + 1) : g_rand_int_range (rand, 1, 3 * k);
          total += counts[i];
        }
      d = solve (counts, k);
      assert_no_small_region (d, counts, k);
      g_assert_cmpint (mizan_disclosure_is_answerable (d, MIZAN_ANY, MIZAN_ANY, MIZAN_ANY), ==, total >= k);

      for (int c = 0; c < N_C; c++)
        answered += mizan_disclosure_is_answerable (d, c, MIZAN_ANY, MIZAN_ANY);
    }
  /* The rule must not simply refuse everything. */
  g_assert_cmpuint (answered, >, 1000);
}

/* A submission may leave out a not-applicable item; the item's figures come
 * from fewer submissions than the group's. */
static void
test_disclosure_items (void)
{
  g_autoptr(MizanDisclosure) d = mizan_disclosure_new (N_C, N_S, N_Z, 2, 5);
  const gboolean both[] = { TRUE, TRUE };
  const gboolean first[] = { TRUE, FALSE };

  for (guint i = 0; i < 6; i++)
    mizan_disclosure_add (d, 0, 0, 0, i < 2 ? first : both);
  for (guint i = 0; i < 5; i++)
    mizan_disclosure_add (d, 1, 0, 0, both);
  mizan_disclosure_solve (d);

  g_assert_true (mizan_disclosure_is_answerable (d, 0, MIZAN_ANY, MIZAN_ANY));
  g_assert_true (mizan_disclosure_item_is_answerable (d, 0, MIZAN_ANY, MIZAN_ANY, 0));
  /* Country 0 has 4 submissions with item 1: not enough on their own, and
   * the whole (9 with it) would differ from country 1's by those 4. */
  g_assert_false (mizan_disclosure_item_is_answerable (d, 0, MIZAN_ANY, MIZAN_ANY, 1));
  g_assert_false (mizan_disclosure_item_is_answerable (d, MIZAN_ANY, MIZAN_ANY, MIZAN_ANY, 1));
  g_assert_true (mizan_disclosure_item_is_answerable (d, 1, MIZAN_ANY, MIZAN_ANY, 1));
  g_assert_true (mizan_disclosure_item_is_answerable (d, MIZAN_ANY, MIZAN_ANY, MIZAN_ANY, 0));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/aggregate/percentile/known", test_percentile_known_values);
  g_test_add_func ("/aggregate/percentile/random", test_percentile_random);
  g_test_add_func ("/aggregate/disclosure/threshold", test_disclosure_threshold);
  g_test_add_func ("/aggregate/disclosure/difference", test_disclosure_difference);
  g_test_add_func ("/aggregate/disclosure/inclusion-exclusion", test_disclosure_inclusion_exclusion);
  g_test_add_func ("/aggregate/disclosure/random", test_disclosure_random);
  g_test_add_func ("/aggregate/disclosure/items", test_disclosure_items);

  return g_test_run ();
}
