/* mizan-chart-view.h — a widget showing one of app/render's charts of the session's results
 * Follows the light/dark style and the text direction; describes itself to screen readers. */
#pragma once

#include <gtk/gtk.h>

#include "mizan-charts.h"
#include "mizan-session.h"

G_BEGIN_DECLS

#define MIZAN_TYPE_CHART_VIEW (mizan_chart_view_get_type ())
G_DECLARE_FINAL_TYPE (MizanChartView, mizan_chart_view, MIZAN, CHART_VIEW, GtkWidget)

GtkWidget      *mizan_chart_view_new         (MizanChartKind  kind);
MizanChartKind  mizan_chart_view_get_kind    (MizanChartView *self);
/* Redrawn whenever the session's results change; NULL shows nothing. */
void            mizan_chart_view_set_session (MizanChartView *self,
                                              MizanSession   *session);

G_END_DECLS
