/* mizan-charts.h — the charts of an assessment's results, drawn on any cairo_t
 * Radar, gap bars and heat map for the app, the PDF report and SVG/PNG exports; no GTK. */
#pragma once

#include <cairo.h>
#include <glib.h>
#include "mizan-results.h"

G_BEGIN_DECLS

#define MIZAN_CHART_ERROR (mizan_chart_error_quark ())
typedef enum {
  MIZAN_CHART_ERROR_INVALID,   /* a size, kind or format the charts cannot draw */
  MIZAN_CHART_ERROR_FAILED,    /* cairo could not draw or encode the chart */
} MizanChartError;
GQuark mizan_chart_error_quark (void);

typedef enum {
  MIZAN_CHART_RADAR,      /* current vs target index per domain */
  MIZAN_CHART_GAP_BARS,   /* current index bar and target mark per domain, gap highlighted */
  MIZAN_CHART_HEAT_MAP,   /* capability × level: passed, partly met, not met */
} MizanChartKind;

typedef enum {
  MIZAN_CHART_FORMAT_SVG,
  MIZAN_CHART_FORMAT_PNG,
} MizanChartFormat;

/* A zeroed struct (or NULL where a style is asked for) is the light,
 * left-to-right style in the default fonts. */
typedef struct {
  gboolean    dark;
  gboolean    rtl;           /* mirrored: axes turn the other way, bars grow from the right */
  const char *font_family;   /* NULL: "Cantarell, Noto Sans, Noto Sans Arabic, sans" */
  double      font_size;     /* in user units; 0: 13 */
  const char *language;      /* framework texts in this language ("ar"); NULL: the user's */
  gboolean    transparent;   /* leave the background to the host (a widget that paints its own) */
  /* The charts' own words (legend, "Not applicable") for a document in
   * another language than the user's, e.g. a report; NULL: gettext. */
  const char *(*translate) (const char *msgid,
                            gpointer    user_data);
  gpointer    translate_data;
} MizanChartStyle;

typedef struct {
  double red, green, blue, alpha;
} MizanChartColor;

/* The GNOME (libadwaita) colours the charts use, so a host can match them.
 * Current is blue and drawn solid with round markers; target is orange and
 * drawn dashed with diamond markers, so neither depends on colour alone. */
typedef struct {
  MizanChartColor background;
  MizanChartColor foreground;   /* text */
  MizanChartColor dim;          /* secondary text, not-applicable marks */
  MizanChartColor grid;
  MizanChartColor current;
  MizanChartColor current_fill;
  MizanChartColor target;
  MizanChartColor gap;          /* the stretch between current and target */
  MizanChartColor passed;       /* heat map cells */
  MizanChartColor on_passed;    /* the check mark drawn on a passed cell */
  MizanChartColor partly;
  MizanChartColor not_met;
} MizanChartPalette;

void     mizan_chart_style_get_palette      (const MizanChartStyle *style,
                                             MizanChartPalette     *palette);

/* The height the chart needs to show every row at its natural size when it
 * is @width wide (the radar answers a square). Smaller heights shrink it. */
double   mizan_chart_get_preferred_height   (MizanChartKind         kind,
                                             const MizanResults    *results,
                                             double                 width,
                                             const MizanChartStyle *style);

/* Draw in the rectangle (0, 0, @width, @height) of @cr's user space; the
 * state of @cr is saved and restored. @statuses (one per practice, see
 * mizan_results_effective_statuses) is needed by the heat map and ignored by the others;
 * without it the heat map can only tell levels up to the capability's level. */
void     mizan_chart_draw                   (MizanChartKind         kind,
                                             cairo_t               *cr,
                                             const MizanResults    *results,
                                             const MizanStatus     *statuses,
                                             double                 width,
                                             double                 height,
                                             const MizanChartStyle *style);
void     mizan_chart_draw_radar             (cairo_t               *cr,
                                             const MizanResults    *results,
                                             double                 width,
                                             double                 height,
                                             const MizanChartStyle *style);
void     mizan_chart_draw_gap_bars          (cairo_t               *cr,
                                             const MizanResults    *results,
                                             double                 width,
                                             double                 height,
                                             const MizanChartStyle *style);
void     mizan_chart_draw_heat_map          (cairo_t               *cr,
                                             const MizanResults    *results,
                                             const MizanStatus     *statuses,
                                             double                 width,
                                             double                 height,
                                             const MizanChartStyle *style);

/* Plain-language, translated summaries of what each chart shows, for
 * screen readers (accessible descriptions) and text alternatives in reports. */
char    *mizan_chart_describe               (MizanChartKind         kind,
                                             const MizanResults    *results,
                                             const MizanStatus     *statuses);
char    *mizan_chart_describe_radar         (const MizanResults    *results);
char    *mizan_chart_describe_gap_bars      (const MizanResults    *results);
char    *mizan_chart_describe_heat_map      (const MizanResults    *results,
                                             const MizanStatus     *statuses);

/* Writes the chart to @path as SVG (@width × @height px) or PNG (@width ×
 * @height pixels, rounded). The file appears whole or not at all: it is written
 * beside @path under a temporary name and renamed into place. Filesystem
 * failures are G_FILE_ERROR errors naming @path. */
gboolean mizan_chart_write                  (MizanChartKind         kind,
                                             const MizanResults    *results,
                                             const MizanStatus     *statuses,
                                             const char            *path,
                                             MizanChartFormat       format,
                                             double                 width,
                                             double                 height,
                                             const MizanChartStyle *style,
                                             GError               **error);

G_END_DECLS
