/* mizan-aggregate.h — summary statistics and the k-anonymity rule of mizan-server
 * Percentiles as numpy's "linear" method, and which filter combinations may be answered at all. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  guint  n;
  double mean;
  double p25;
  double median;
  double p75;
} MizanSummary;

/* The @fraction (0..1) quantile by linear interpolation between the closest
 * ranks: h = (n − 1)·fraction, x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]) of the
 * sorted values. @values (n ≥ 1) are reordered. */
double mizan_percentile      (double       *values,
                              gsize         n,
                              double        fraction);
/* The mean of @values (n ≥ 1), with compensated summation. */
double mizan_mean            (const double *values,
                              gsize         n);
/* n, mean and quartiles of @values (n ≥ 1), which are reordered. */
void   mizan_summary_compute (double       *values,
                              gsize         n,
                              MizanSummary *summary);

/* Disclosure control over a table of cells country × sector × size (one
 * framework version). Each query fixes any of the three dimensions or leaves
 * it open (MIZAN_ANY). See docs/anonymity.md for the rule and its proof. */
#define MIZAN_ANY (-1)

typedef struct _MizanDisclosure MizanDisclosure;

/* @n_items: the things a submission may leave out (its not-applicable
 * domains and capabilities), counted separately per cell. */
MizanDisclosure *mizan_disclosure_new                (guint            n_countries,
                                                      guint            n_sectors,
                                                      guint            n_sizes,
                                                      guint            n_items,
                                                      guint            k);
void             mizan_disclosure_free               (MizanDisclosure *self);
/* Counts one submission in its cell; @has_item has n_items entries (NULL: has all). */
void             mizan_disclosure_add                (MizanDisclosure *self,
                                                      guint            country,
                                                      guint            sector,
                                                      guint            size,
                                                      const gboolean  *has_item);
/* Decides, once all submissions are added, which queries may be answered. */
void             mizan_disclosure_solve              (MizanDisclosure *self);
gboolean         mizan_disclosure_is_answerable      (MizanDisclosure *self,
                                                      int              country,
                                                      int              sector,
                                                      int              size);
/* Whether the figures of @item may be given for an answerable query. */
gboolean         mizan_disclosure_item_is_answerable (MizanDisclosure *self,
                                                      int              country,
                                                      int              sector,
                                                      int              size,
                                                      guint            item);
/* How many blocks of cells the answerable queries cut the table into (tests). */
guint            mizan_disclosure_get_n_blocks       (MizanDisclosure *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MizanDisclosure, mizan_disclosure_free)

G_END_DECLS
