/* mizan-chart-view.c — a widget showing one of app/render's charts of the session's results
 * The drawing is app/render's; this only sizes it (height for width), picks the style, and redraws. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <adwaita.h>

#include "mizan-chart-view.h"
#include "mizan-gui.h"

/* Narrower than this the labels of a chart overlap. */
#define MIN_WIDTH 260
#define NATURAL_WIDTH 420
/* A radar larger than this only wastes space. */
#define MAX_RADAR_SIZE 440

struct _MizanChartView
{
  GtkWidget       parent_instance;

  MizanChartKind  kind;
  MizanSession   *session;
  gulong          changed_handler;
};

G_DEFINE_FINAL_TYPE (MizanChartView, mizan_chart_view, GTK_TYPE_WIDGET)

static void
get_style (MizanChartView  *self,
           MizanChartStyle *style)
{
  memset (style, 0, sizeof *style);
  style->dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  style->rtl = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;
  /* The card behind the chart paints the background. */
  style->transparent = TRUE;
}

static char *
describe_kind (MizanChartKind kind)
{
  switch (kind)
    {
    case MIZAN_CHART_RADAR:
      return g_strdup (_("Radar chart of the current and target index of each domain"));
    case MIZAN_CHART_GAP_BARS:
      return g_strdup (_("Bar chart of each domain’s index and its gap to the target"));
    case MIZAN_CHART_HEAT_MAP:
    default:
      return g_strdup (_("Heat map of each capability’s levels: passed, partly met or not met"));
    }
}

static void
update_description (MizanChartView *self)
{
  g_autofree char *description = NULL;

  if (self->session != NULL)
    description = mizan_chart_describe (self->kind,
                                        mizan_session_get_results (self->session),
                                        mizan_session_get_statuses (self->session));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description != NULL ? description : "",
                                  -1);
}

static void
on_results_changed (MizanChartView *self)
{
  gtk_widget_queue_resize (GTK_WIDGET (self));
  /* Described only when on screen: the description walks every practice. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    update_description (self);
}

void
mizan_chart_view_set_session (MizanChartView *self,
                              MizanSession   *session)
{
  g_return_if_fail (MIZAN_IS_CHART_VIEW (self));
  g_return_if_fail (session == NULL || MIZAN_IS_SESSION (session));

  if (self->session == session)
    return;
  mizan_gui_follow_session (self, &self->session, &self->changed_handler, session,
                            G_CALLBACK (on_results_changed));
  on_results_changed (self);
}

MizanChartKind
mizan_chart_view_get_kind (MizanChartView *self)
{
  g_return_val_if_fail (MIZAN_IS_CHART_VIEW (self), MIZAN_CHART_RADAR);
  return self->kind;
}

static GtkSizeRequestMode
mizan_chart_view_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
mizan_chart_view_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  MizanChartView *self = MIZAN_CHART_VIEW (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MIN_WIDTH;
      *natural = NATURAL_WIDTH;
    }
  else
    {
      MizanChartStyle style;
      double width = for_size > 0 ? for_size : NATURAL_WIDTH;
      double height = 0;

      if (self->session != NULL)
        {
          get_style (self, &style);
          if (self->kind == MIZAN_CHART_RADAR)
            width = MIN (width, MAX_RADAR_SIZE);
          height = mizan_chart_get_preferred_height (self->kind, mizan_session_get_results (self->session),
                                                     width, &style);
        }
      *minimum = *natural = (int) ceil (height);
    }
}

static void
mizan_chart_view_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  MizanChartView *self = MIZAN_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  MizanChartStyle style;
  double x = 0;
  double chart_width = width;
  cairo_t *cr;

  if (self->session == NULL || width <= 0 || height <= 0)
    return;

  get_style (self, &style);
  /* The radar keeps its square, centred in whatever width it is given. */
  if (self->kind == MIZAN_CHART_RADAR && chart_width > MIN (height, MAX_RADAR_SIZE))
    {
      chart_width = MIN (height, MAX_RADAR_SIZE);
      x = (width - chart_width) / 2;
    }

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_translate (cr, x, 0);
  mizan_chart_draw (self->kind, cr,
                    mizan_session_get_results (self->session),
                    mizan_session_get_statuses (self->session),
                    chart_width, height, &style);
  cairo_destroy (cr);
}

static void
mizan_chart_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (mizan_chart_view_parent_class)->map (widget);
  update_description (MIZAN_CHART_VIEW (widget));
}

static void
mizan_chart_view_direction_changed (GtkWidget        *widget,
                                    GtkTextDirection  previous)
{
  gtk_widget_queue_draw (widget);
}

static void
mizan_chart_view_dispose (GObject *object)
{
  MizanChartView *self = MIZAN_CHART_VIEW (object);

  mizan_gui_follow_session (self, &self->session, &self->changed_handler, NULL, NULL);

  G_OBJECT_CLASS (mizan_chart_view_parent_class)->dispose (object);
}

static void
mizan_chart_view_class_init (MizanChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mizan_chart_view_dispose;
  widget_class->get_request_mode = mizan_chart_view_get_request_mode;
  widget_class->measure = mizan_chart_view_measure;
  widget_class->snapshot = mizan_chart_view_snapshot;
  widget_class->map = mizan_chart_view_map;
  widget_class->direction_changed = mizan_chart_view_direction_changed;

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
  gtk_widget_class_set_css_name (widget_class, "mizan-chart");
}

static void
mizan_chart_view_init (MizanChartView *self)
{
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
}

GtkWidget *
mizan_chart_view_new (MizanChartKind kind)
{
  MizanChartView *self = g_object_new (MIZAN_TYPE_CHART_VIEW, NULL);
  g_autofree char *label = describe_kind (kind);

  self->kind = kind;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return GTK_WIDGET (self);
}
