/* mizan-benchmark-chart.c — a thin widget showing app/render's box plot or member-state map
 * The drawing is app/render's; this keeps the data, sizes it (height for width) and redraws. */
#include "config.h"

#include <math.h>
#include <adwaita.h>

#include "mizan-benchmark-chart.h"

#define MIN_WIDTH 300
#define NATURAL_WIDTH 560

typedef enum {
  MODE_NONE,
  MODE_BOX_PLOT,
  MODE_MAP,
} Mode;

struct _MizanBenchmarkChart
{
  GtkWidget        parent_instance;

  Mode             mode;
  MizanBoxPlotRow *rows;
  guint            n_rows;
  double           max;
  MizanMapCountry *countries;
  guint            n_countries;
  double           low, high;
  char            *legend_title;
  GStrv            strings;      /* owns the labels and codes the arrays point to */
  char            *description;
};

G_DEFINE_FINAL_TYPE (MizanBenchmarkChart, mizan_benchmark_chart, GTK_TYPE_WIDGET)

static void
get_style (MizanBenchmarkChart *self,
           MizanChartStyle     *style)
{
  memset (style, 0, sizeof *style);
  style->dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  style->rtl = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;
  style->transparent = TRUE;
}

static void
clear (MizanBenchmarkChart *self)
{
  g_clear_pointer (&self->rows, g_free);
  g_clear_pointer (&self->countries, g_free);
  g_clear_pointer (&self->strings, g_strfreev);
  g_clear_pointer (&self->legend_title, g_free);
  g_clear_pointer (&self->description, g_free);
  self->n_rows = self->n_countries = 0;
  self->mode = MODE_NONE;
}

static void
update (MizanBenchmarkChart *self)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->description ? self->description : "",
                                  -1);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
mizan_benchmark_chart_set_box_plot (MizanBenchmarkChart   *self,
                                    const MizanBoxPlotRow *rows,
                                    guint                  n_rows,
                                    double                 max)
{
  g_return_if_fail (MIZAN_IS_BENCHMARK_CHART (self));

  clear (self);
  self->mode = MODE_BOX_PLOT;
  self->rows = g_memdup2 (rows, sizeof *rows * n_rows);
  self->n_rows = n_rows;
  self->max = max;
  self->strings = g_new0 (char *, n_rows + 1);
  for (guint i = 0; i < n_rows; i++)
    self->rows[i].label = self->strings[i] = g_strdup (rows[i].label);
  self->description = mizan_box_plot_describe (self->rows, n_rows);
  update (self);
}

void
mizan_benchmark_chart_set_map (MizanBenchmarkChart   *self,
                               const MizanMapCountry *countries,
                               guint                  n_countries,
                               double                 low,
                               double                 high,
                               const char            *legend_title)
{
  g_return_if_fail (MIZAN_IS_BENCHMARK_CHART (self));

  clear (self);
  self->mode = MODE_MAP;
  self->countries = g_memdup2 (countries, sizeof *countries * n_countries);
  self->n_countries = n_countries;
  self->low = low;
  self->high = high;
  self->legend_title = g_strdup (legend_title);
  self->strings = g_new0 (char *, n_countries + 1);
  for (guint i = 0; i < n_countries; i++)
    self->countries[i].country = self->strings[i] = g_strdup (countries[i].country);
  self->description = mizan_map_describe (self->countries, n_countries, legend_title);
  update (self);
}

const char *
mizan_benchmark_chart_get_description (MizanBenchmarkChart *self)
{
  g_return_val_if_fail (MIZAN_IS_BENCHMARK_CHART (self), NULL);
  return self->description;
}

GtkWidget *
mizan_benchmark_chart_new (void)
{
  return g_object_new (MIZAN_TYPE_BENCHMARK_CHART, NULL);
}

static GtkSizeRequestMode
mizan_benchmark_chart_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
mizan_benchmark_chart_measure (GtkWidget      *widget,
                               GtkOrientation  orientation,
                               int             for_size,
                               int            *minimum,
                               int            *natural,
                               int            *minimum_baseline,
                               int            *natural_baseline)
{
  MizanBenchmarkChart *self = MIZAN_BENCHMARK_CHART (widget);
  MizanChartStyle style;
  double width = for_size > 0 ? for_size : NATURAL_WIDTH;
  double height = 0;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MIN_WIDTH;
      *natural = NATURAL_WIDTH;
      return;
    }

  get_style (self, &style);
  if (self->mode == MODE_BOX_PLOT)
    height = mizan_box_plot_get_preferred_height (self->n_rows, width, &style);
  else if (self->mode == MODE_MAP)
    height = width / mizan_map_get_aspect () + 13 * 4.2;
  *minimum = *natural = (int) ceil (height);
}

static void
mizan_benchmark_chart_snapshot (GtkWidget   *widget,
                                GtkSnapshot *snapshot)
{
  MizanBenchmarkChart *self = MIZAN_BENCHMARK_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  MizanChartStyle style;
  cairo_t *cr;

  if (self->mode == MODE_NONE || width <= 0 || height <= 0)
    return;

  get_style (self, &style);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (self->mode == MODE_BOX_PLOT)
    mizan_box_plot_draw (cr, self->rows, self->n_rows, self->max, width, height, &style);
  else
    {
      g_autoptr(GError) error = NULL;

      if (!mizan_map_draw (cr, self->countries, self->n_countries, self->low, self->high,
                           self->legend_title, width, height, &style, &error))
        g_warning ("%s", error->message);
    }
  cairo_destroy (cr);
}

static void
mizan_benchmark_chart_direction_changed (GtkWidget        *widget,
                                         GtkTextDirection  previous)
{
  gtk_widget_queue_draw (widget);
}

static void
mizan_benchmark_chart_finalize (GObject *object)
{
  clear (MIZAN_BENCHMARK_CHART (object));
  G_OBJECT_CLASS (mizan_benchmark_chart_parent_class)->finalize (object);
}

static void
mizan_benchmark_chart_class_init (MizanBenchmarkChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = mizan_benchmark_chart_finalize;
  widget_class->get_request_mode = mizan_benchmark_chart_get_request_mode;
  widget_class->measure = mizan_benchmark_chart_measure;
  widget_class->snapshot = mizan_benchmark_chart_snapshot;
  widget_class->direction_changed = mizan_benchmark_chart_direction_changed;
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
mizan_benchmark_chart_init (MizanBenchmarkChart *self)
{
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
}
