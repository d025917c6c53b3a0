/* mizan-benchmark-charts.h — the benchmark's charts: own scores beside the peers, and the member-state map
 * Box plot and map on any cairo_t, light/dark and right-to-left, with text descriptions; no GTK. */
#pragma once

#include "mizan-charts.h"

G_BEGIN_DECLS

/* One domain: the peers' quartiles of its index, and the user's own index. */
typedef struct {
  const char *label;        /* the domain's title */
  gboolean    has_peers;    /* FALSE: too few peers (suppressed) */
  guint       n;
  double      p25;
  double      median;
  double      p75;
  gboolean    has_own;      /* FALSE: not applicable to the user */
  double      own;
} MizanBoxPlotRow;

/* The height the rows need at their natural size when @width wide. */
double mizan_box_plot_get_preferred_height (guint                  n_rows,
                                            double                 width,
                                            const MizanChartStyle *style);
/* Axis 0..@max (the framework's top level). */
void   mizan_box_plot_draw                 (cairo_t               *cr,
                                            const MizanBoxPlotRow *rows,
                                            guint                  n_rows,
                                            double                 max,
                                            double                 width,
                                            double                 height,
                                            const MizanChartStyle *style);
char  *mizan_box_plot_describe             (const MizanBoxPlotRow *rows,
                                            guint                  n_rows);

typedef enum {
  MIZAN_MAP_NO_DATA,        /* not in the table */
  MIZAN_MAP_SUPPRESSED,     /* fewer than k submissions */
  MIZAN_MAP_VALUE,
} MizanMapState;

typedef struct {
  const char    *country;   /* ISO 3166-1 alpha-3 */
  MizanMapState  state;
  double         value;
} MizanMapCountry;

/* The map's own width / height, for hosts that keep its shape. */
double   mizan_map_get_aspect      (void);
/* The stylesheet that colours @countries on a scale from @low to @high
 * (what librsvg is given; exposed for the tests). */
char    *mizan_map_stylesheet      (const MizanMapCountry *countries,
                                    guint                  n_countries,
                                    double                 low,
                                    double                 high,
                                    const MizanChartStyle *style);
/* The map of the OIC member states in (0, 0, @width, @height), keeping its
 * shape, with a legend below titled @legend_title. Fails only when librsvg
 * cannot render the built-in map. */
gboolean mizan_map_draw            (cairo_t               *cr,
                                    const MizanMapCountry *countries,
                                    guint                  n_countries,
                                    double                 low,
                                    double                 high,
                                    const char            *legend_title,
                                    double                 width,
                                    double                 height,
                                    const MizanChartStyle *style,
                                    GError               **error);
char    *mizan_map_describe        (const MizanMapCountry *countries,
                                    guint                  n_countries,
                                    const char            *legend_title);

G_END_DECLS
