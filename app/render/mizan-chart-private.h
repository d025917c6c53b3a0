/* mizan-chart-private.h — what the chart files share, and their geometry for tests
 * A drawing context (palette, Pango, direction), text and legend helpers, per-chart layouts. */
#pragma once

#include <pango/pangocairo.h>
#include "mizan-charts.h"

G_BEGIN_DECLS

#define MIZAN_CHART_DEFAULT_FONT "Cantarell, Noto Sans, Noto Sans Arabic, sans"
#define MIZAN_CHART_DEFAULT_FONT_SIZE 13.0

typedef struct {
  cairo_t              *cr;
  PangoContext         *pango;      /* in the chart's direction */
  PangoContext         *pango_ltr;
  PangoContext         *pango_rtl;
  PangoFontDescription *font;
  MizanChartPalette     palette;
  gboolean              rtl;
  gboolean              transparent;
  const char           *language;
  const char         *(*translate) (const char *msgid, gpointer user_data);
  gpointer              translate_data;
  double                f;          /* base font size, the unit of every spacing */
} MizanChartCtx;

/* @cr may be NULL to measure only (an internal scratch surface is used). */
void         mizan_chart_ctx_init        (MizanChartCtx         *ctx,
                                          cairo_t               *cr,
                                          const MizanChartStyle *style);
void         mizan_chart_ctx_clear       (MizanChartCtx         *ctx);
/* After the caller changes the cairo transformation, so Pango measures in the new space. */
void         mizan_chart_ctx_update      (MizanChartCtx         *ctx);
void         mizan_chart_ctx_background  (MizanChartCtx         *ctx,
                                          double                 width,
                                          double                 height);

const char  *mizan_chart_ctx_text        (MizanChartCtx         *ctx,
                                          const MizanText       *text);
/* One of the charts' own strings (marked N_()), in the style's language. */
const char  *mizan_chart_ctx_gettext     (MizanChartCtx         *ctx,
                                          const char            *msgid) G_GNUC_FORMAT (2);

/* The direction of @text's first strong letter (as the Unicode bidi
 * algorithm takes a paragraph's); NEUTRAL when it has none. */
PangoDirection mizan_chart_text_direction (const char           *text);

/* A layout of @text at @scale × the base size; @max_width > 0 wraps (at most
 * @max_lines lines, then an ellipsis). Alignment is visual (left means left). */
PangoLayout *mizan_chart_layout          (MizanChartCtx         *ctx,
                                          const char            *text,
                                          double                 scale,
                                          gboolean               bold,
                                          double                 max_width,
                                          int                    max_lines,
                                          PangoAlignment         align);
void         mizan_chart_layout_size     (PangoLayout           *layout,
                                          double                *width,
                                          double                *height);
/* Draws @layout with the top-left corner of its logical box at (@x, @y). */
void         mizan_chart_show_layout     (MizanChartCtx         *ctx,
                                          PangoLayout           *layout,
                                          double                 x,
                                          double                 y,
                                          const MizanChartColor *color);

void         mizan_chart_set_color       (cairo_t               *cr,
                                          const MizanChartColor *color);
void         mizan_chart_marker_current  (MizanChartCtx         *ctx,
                                          double                 x,
                                          double                 y);
void         mizan_chart_marker_target   (MizanChartCtx         *ctx,
                                          double                 x,
                                          double                 y);
void         mizan_chart_set_target_dash (MizanChartCtx         *ctx);
void         mizan_chart_hatch           (MizanChartCtx         *ctx,
                                          double                 x,
                                          double                 y,
                                          double                 width,
                                          double                 height,
                                          const MizanChartColor *color);
/* A heat map cell (and its legend swatch) not assessed yet. */
void         mizan_chart_not_assessed_cell (MizanChartCtx       *ctx,
                                          double                 x,
                                          double                 y,
                                          double                 width,
                                          double                 height);
void         mizan_chart_check_mark      (MizanChartCtx         *ctx,
                                          double                 cx,
                                          double                 cy,
                                          double                 size,
                                          const MizanChartColor *color);

typedef enum {
  MIZAN_LEGEND_CURRENT_LINE,   /* radar: solid line with a round marker */
  MIZAN_LEGEND_TARGET_LINE,    /* radar: dashed line with a diamond */
  MIZAN_LEGEND_CURRENT_BAR,
  MIZAN_LEGEND_TARGET_MARK,    /* gap bars: the target tick */
  MIZAN_LEGEND_GAP,
  MIZAN_LEGEND_PASSED,
  MIZAN_LEGEND_PARTLY,
  MIZAN_LEGEND_NOT_MET,
  MIZAN_LEGEND_NOT_APPLICABLE,
  MIZAN_LEGEND_NOT_ASSESSED,   /* heat map: an empty cell, outlined dashed */
  MIZAN_LEGEND_TARGET_CELL,
} MizanLegendSwatch;

typedef struct {
  MizanLegendSwatch swatch;
  const char       *label;
} MizanLegendItem;

/* Lays the items out in rows from the start edge of (@x, @width), wrapping
 * as needed; draws them when @draw. Returns the height used. */
double       mizan_chart_legend          (MizanChartCtx         *ctx,
                                          const MizanLegendItem *items,
                                          guint                  n_items,
                                          double                 x,
                                          double                 y,
                                          double                 width,
                                          gboolean               draw);

/* The localized one-decimal form of an index, e.g. "2.4". */
char        *mizan_chart_format_index    (double                 value);

/* Heat map cells */
typedef enum {
  MIZAN_CELL_NOT_APPLICABLE,   /* no applicable practice at this level, or the capability is n/a */
  MIZAN_CELL_NOT_MET,          /* no applicable practice passes */
  MIZAN_CELL_PARTLY,           /* some pass, not all */
  MIZAN_CELL_PASSED,           /* all applicable practices pass */
  MIZAN_CELL_NOT_ASSESSED,     /* no applicable practice is answered yet */
} MizanCellState;

typedef struct {
  MizanCellState state;
  guint          passing;      /* practices fully or largely implemented */
  guint          applicable;   /* 0 when counts are unknown (no statuses) */
  guint          unanswered;   /* of the applicable, those not answered yet */
} MizanCell;

void         mizan_chart_heat_cell       (const MizanResults    *results,
                                          const MizanCapabilityResult *capability,
                                          const MizanStatus     *statuses,
                                          guint                  level,
                                          MizanCell             *cell);

/* Geometry, in the chart's (width × height) space, shared by drawing and tests. */
typedef struct {
  double   legend_height;
  double   cx, cy, radius;
  double   direction;          /* +1 clockwise (left-to-right), -1 mirrored */
  gboolean titles;             /* domain titles fit; otherwise ids are shown */
  double   label_wrap;         /* width titles wrap at */
} MizanRadarGeometry;

typedef struct {
  double scale;                /* < 1 when the natural height did not fit */
  double x_zero;               /* where a bar starts (value 0) */
  double x_per_unit;           /* signed: negative when bars grow from the right */
  double rows_top;
  double row_height;
  double bar_height;
  double label_x, label_width;
  double value_x, value_width;
} MizanGapBarsGeometry;

typedef struct {
  double  scale;
  double  label_x, label_width;
  double  cells_x;             /* left edge of the level columns */
  double  cell_width;
  double  cell_height;
  double  header_top;
  double *row_top;             /* per capability (flat index); free with g_free */
  double *domain_top;          /* per domain */
  double  height;              /* natural height */
} MizanHeatMapGeometry;

double       mizan_radar_angle           (const MizanRadarGeometry *geometry,
                                          guint                  i,
                                          guint                  n);
void         mizan_radar_geometry        (MizanChartCtx         *ctx,
                                          const MizanResults    *results,
                                          double                 width,
                                          double                 height,
                                          MizanRadarGeometry    *geometry);
void         mizan_gap_bars_geometry     (MizanChartCtx         *ctx,
                                          const MizanResults    *results,
                                          double                 width,
                                          double                 height,
                                          MizanGapBarsGeometry  *geometry);
void         mizan_heat_map_geometry     (MizanChartCtx         *ctx,
                                          const MizanResults    *results,
                                          double                 width,
                                          double                 height,
                                          MizanHeatMapGeometry  *geometry);
/* The x of the left edge of level @level's column (1..L), mirrored in rtl. */
double       mizan_heat_map_cell_x       (MizanChartCtx         *ctx,
                                          const MizanHeatMapGeometry *geometry,
                                          const MizanResults    *results,
                                          guint                  level);

double       mizan_gap_bars_natural_height (MizanChartCtx       *ctx,
                                            const MizanResults  *results,
                                            double               width);

G_END_DECLS
