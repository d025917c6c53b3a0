/* mizan-benchmark-chart.h — a thin widget showing app/render's box plot or member-state map
 * Holds a copy of what it draws; follows light/dark and the text direction; describes itself. */
#pragma once

#include <gtk/gtk.h>

#include "mizan-benchmark-charts.h"

G_BEGIN_DECLS

#define MIZAN_TYPE_BENCHMARK_CHART (mizan_benchmark_chart_get_type ())
G_DECLARE_FINAL_TYPE (MizanBenchmarkChart, mizan_benchmark_chart, MIZAN, BENCHMARK_CHART, GtkWidget)

GtkWidget  *mizan_benchmark_chart_new          (void);
/* Shows a box plot of @rows (copied) on an axis 0..@max. */
void        mizan_benchmark_chart_set_box_plot (MizanBenchmarkChart   *self,
                                                const MizanBoxPlotRow *rows,
                                                guint                  n_rows,
                                                double                 max);
/* Shows the map of @countries (copied), coloured from @low to @high. */
void        mizan_benchmark_chart_set_map      (MizanBenchmarkChart   *self,
                                                const MizanMapCountry *countries,
                                                guint                  n_countries,
                                                double                 low,
                                                double                 high,
                                                const char            *legend_title);
/* What it tells a screen reader. */
const char *mizan_benchmark_chart_get_description (MizanBenchmarkChart *self);

G_END_DECLS
