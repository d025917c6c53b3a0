/* mizan-chart.c — what every chart shares: style and palette, Pango text, legend, markers
 * Also the entry points that pick a chart by kind, and the heat map's per-level rule. */

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "mizan-chart-private.h"

G_DEFINE_QUARK (mizan-chart-error-quark, mizan_chart_error)

#define RGB(hex, a) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0, (a) }

/* libadwaita's view colours and the GNOME palette: blue is the accent (what is
 * achieved), orange the target. Blue against orange stays apart for the common
 * kinds of colour blindness, and every mark also differs in shape or dash. */
static const MizanChartPalette light_palette = {
  .background   = RGB (0xffffff, 1.0),
  .foreground   = RGB (0x000000, 0.8),
  .dim          = RGB (0x000000, 0.55),
  .grid         = RGB (0x000000, 0.15),
  .current      = RGB (0x1c71d8, 1.0),
  .current_fill = RGB (0x3584e4, 0.22),
  .target       = RGB (0xc64600, 1.0),
  .gap          = RGB (0xe66100, 0.16),
  .passed       = RGB (0x3584e4, 1.0),
  .on_passed    = RGB (0xffffff, 1.0),
  .partly       = RGB (0x3584e4, 0.22),
  .not_met      = RGB (0x000000, 0.05),
};

static const MizanChartPalette dark_palette = {
  .background   = RGB (0x1e1e1e, 1.0),
  .foreground   = RGB (0xffffff, 1.0),
  .dim          = RGB (0xffffff, 0.6),
  .grid         = RGB (0xffffff, 0.17),
  .current      = RGB (0x78aeed, 1.0),
  .current_fill = RGB (0x3584e4, 0.35),
  .target       = RGB (0xffa348, 1.0),
  .gap          = RGB (0xffa348, 0.2),
  .passed       = RGB (0x3584e4, 1.0),
  .on_passed    = RGB (0xffffff, 1.0),
  .partly       = RGB (0x3584e4, 0.35),
  .not_met      = RGB (0xffffff, 0.07),
};

void
mizan_chart_style_get_palette (const MizanChartStyle *style,
                               MizanChartPalette     *palette)
{
  g_return_if_fail (palette != NULL);

  *palette = (style != NULL && style->dark) ? dark_palette : light_palette;
}

/* Drawing context */

static PangoContext *
new_pango_context (MizanChartCtx  *ctx,
                   PangoDirection  direction)
{
  PangoContext *context = pango_cairo_create_context (ctx->cr);
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Unhinted metrics: the layout measured for a PNG is the one a PDF gets. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (context, FALSE);
  pango_context_set_base_dir (context, direction);
  if (ctx->language != NULL)
    pango_context_set_language (context, pango_language_from_string (ctx->language));
  return context;
}

void
mizan_chart_ctx_init (MizanChartCtx         *ctx,
                      cairo_t               *cr,
                      const MizanChartStyle *style)
{
  static const MizanChartStyle default_style = { 0 };

  if (style == NULL)
    style = &default_style;

  memset (ctx, 0, sizeof *ctx);
  if (cr != NULL)
    {
      ctx->cr = cairo_reference (cr);
    }
  else
    {
      cairo_surface_t *scratch = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);

      ctx->cr = cairo_create (scratch);
      cairo_surface_destroy (scratch);
    }

  mizan_chart_style_get_palette (style, &ctx->palette);
  ctx->rtl = style->rtl;
  ctx->transparent = style->transparent;
  ctx->language = style->language;
  ctx->translate = style->translate;
  ctx->translate_data = style->translate_data;
  ctx->f = style->font_size > 0 ? style->font_size : MIZAN_CHART_DEFAULT_FONT_SIZE;

  ctx->font = pango_font_description_from_string (style->font_family != NULL
                                                  ? style->font_family
                                                  : MIZAN_CHART_DEFAULT_FONT);
  /* Sizes are in user units, not points, so a chart looks the same whatever
   * resolution the surface (screen, PDF, SVG) reports. */
  pango_font_description_set_absolute_size (ctx->font, ctx->f * PANGO_SCALE);

  ctx->pango_ltr = new_pango_context (ctx, PANGO_DIRECTION_LTR);
  ctx->pango_rtl = new_pango_context (ctx, PANGO_DIRECTION_RTL);
  ctx->pango = ctx->rtl ? ctx->pango_rtl : ctx->pango_ltr;
}

void
mizan_chart_ctx_update (MizanChartCtx *ctx)
{
  pango_cairo_update_context (ctx->cr, ctx->pango_ltr);
  pango_cairo_update_context (ctx->cr, ctx->pango_rtl);
}

void
mizan_chart_ctx_clear (MizanChartCtx *ctx)
{
  ctx->pango = NULL;
  g_clear_object (&ctx->pango_ltr);
  g_clear_object (&ctx->pango_rtl);
  g_clear_pointer (&ctx->font, pango_font_description_free);
  g_clear_pointer (&ctx->cr, cairo_destroy);
}

void
mizan_chart_ctx_background (MizanChartCtx *ctx,
                            double         width,
                            double         height)
{
  if (ctx->transparent)
    return;
  mizan_chart_set_color (ctx->cr, &ctx->palette.background);
  cairo_rectangle (ctx->cr, 0, 0, width, height);
  cairo_fill (ctx->cr);
}

const char *
mizan_chart_ctx_text (MizanChartCtx   *ctx,
                      const MizanText *text)
{
  const char *value;

  if (text == NULL)
    return "";
  value = ctx->language != NULL ? mizan_text_get_for (text, ctx->language)
                                : mizan_text_localized (text);
  return value != NULL ? value : "";
}

const char *
mizan_chart_ctx_gettext (MizanChartCtx *ctx,
                         const char    *msgid)
{
  if (ctx->translate != NULL)
    return ctx->translate (msgid, ctx->translate_data);
  return g_dgettext (GETTEXT_PACKAGE, msgid);
}

/* Text */

/* The direction of the first letter that has one, as the Unicode
 * bidirectional algorithm takes a paragraph's; NEUTRAL when there is none. */
PangoDirection
mizan_chart_text_direction (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* The marks are strong characters too: a translation that starts
       * with a Latin id ("‏%s · …" in Arabic) leads with one. */
      if (c == 0x200F || c == 0x061C)  /* RIGHT-TO-LEFT MARK, ARABIC LETTER MARK */
        return PANGO_DIRECTION_RTL;
      if (c == 0x200E)  /* LEFT-TO-RIGHT MARK */
        return PANGO_DIRECTION_LTR;
      switch (g_unichar_get_script (c))
        {
        case G_UNICODE_SCRIPT_ARABIC:
        case G_UNICODE_SCRIPT_HEBREW:
        case G_UNICODE_SCRIPT_SYRIAC:
        case G_UNICODE_SCRIPT_THAANA:
        case G_UNICODE_SCRIPT_NKO:
        case G_UNICODE_SCRIPT_ADLAM:
          if (g_unichar_isalpha (c))
            return PANGO_DIRECTION_RTL;
          break;
        default:
          if (g_unichar_isalpha (c))
            return PANGO_DIRECTION_LTR;
          break;
        }
    }
  return PANGO_DIRECTION_NEUTRAL;
}

PangoLayout *
mizan_chart_layout (MizanChartCtx  *ctx,
                    const char     *text,
                    double          scale,
                    gboolean        bold,
                    double          max_width,
                    int             max_lines,
                    PangoAlignment  align)
{
  PangoDirection direction = mizan_chart_text_direction (text);
  PangoContext *context;
  PangoLayout *layout;
  PangoFontDescription *font = pango_font_description_copy (ctx->font);

  /* Like a GTK label: a text takes the direction of its first strong letter
   * (Arabic right-to-left, English left-to-right), and the chart's when it
   * has none (numbers). Alignment stays visual: left means left. */
  if (direction == PANGO_DIRECTION_LTR)
    context = ctx->pango_ltr;
  else if (direction == PANGO_DIRECTION_RTL)
    context = ctx->pango_rtl;
  else
    context = ctx->pango;
  layout = pango_layout_new (context);

  pango_font_description_set_absolute_size (font, ctx->f * scale * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);

  pango_layout_set_auto_dir (layout, FALSE);
  pango_layout_set_alignment (layout, align);
  if (max_width > 0)
    {
      pango_layout_set_width (layout, pango_units_from_double (max_width));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_height (layout, -MAX (max_lines, 1));
    }
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  return layout;
}

void
mizan_chart_layout_size (PangoLayout *layout,
                         double      *width,
                         double      *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  if (width != NULL)
    *width = pango_units_to_double (logical.width);
  if (height != NULL)
    *height = pango_units_to_double (logical.height);
}

void
mizan_chart_show_layout (MizanChartCtx         *ctx,
                         PangoLayout           *layout,
                         double                 x,
                         double                 y,
                         const MizanChartColor *color)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  mizan_chart_set_color (ctx->cr, color);
  cairo_move_to (ctx->cr,
                 x - pango_units_to_double (logical.x),
                 y - pango_units_to_double (logical.y));
  pango_cairo_show_layout (ctx->cr, layout);
  cairo_new_path (ctx->cr);
}

char *
mizan_chart_format_index (double value)
{
  return g_strdup_printf ("%.1f", value);
}

/* Marks */

void
mizan_chart_set_color (cairo_t               *cr,
                       const MizanChartColor *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

void
mizan_chart_marker_current (MizanChartCtx *ctx,
                            double         x,
                            double         y)
{
  cairo_t *cr = ctx->cr;
  double r = ctx->f * 0.3;

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_arc (cr, x, y, r + 1.5, 0, 2 * G_PI);
  mizan_chart_set_color (cr, &ctx->palette.background);
  if (!ctx->transparent)
    cairo_fill (cr);
  cairo_new_path (cr);
  cairo_arc (cr, x, y, r, 0, 2 * G_PI);
  mizan_chart_set_color (cr, &ctx->palette.current);
  cairo_fill (cr);
  cairo_restore (cr);
}

void
mizan_chart_marker_target (MizanChartCtx *ctx,
                           double         x,
                           double         y)
{
  cairo_t *cr = ctx->cr;
  double r = ctx->f * 0.38;

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_move_to (cr, x, y - r);
  cairo_line_to (cr, x + r, y);
  cairo_line_to (cr, x, y + r);
  cairo_line_to (cr, x - r, y);
  cairo_close_path (cr);
  mizan_chart_set_color (cr, &ctx->palette.background);
  cairo_fill_preserve (cr);
  cairo_set_line_width (cr, 2.0);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);
  mizan_chart_set_color (cr, &ctx->palette.target);
  cairo_stroke (cr);
  cairo_restore (cr);
}

void
mizan_chart_set_target_dash (MizanChartCtx *ctx)
{
  double dash[] = { ctx->f * 0.45, ctx->f * 0.3 };

  cairo_set_dash (ctx->cr, dash, G_N_ELEMENTS (dash), 0);
}

void
mizan_chart_hatch (MizanChartCtx         *ctx,
                   double                 x,
                   double                 y,
                   double                 width,
                   double                 height,
                   const MizanChartColor *color)
{
  cairo_t *cr = ctx->cr;
  double step = MAX (ctx->f * 0.4, 3.0);

  if (width <= 0 || height <= 0)
    return;
  cairo_save (cr);
  cairo_rectangle (cr, x, y, width, height);
  cairo_clip (cr);
  cairo_new_path (cr);
  /* Lines run the same way in both directions: a hatch carries no meaning of
   * its own, and mirroring it would only make two exports differ. */
  for (double d = -height; d < width; d += step)
    {
      cairo_move_to (cr, x + d, y + height);
      cairo_line_to (cr, x + d + height, y);
    }
  cairo_set_line_width (cr, 1.0);
  mizan_chart_set_color (cr, color);
  cairo_stroke (cr);
  cairo_restore (cr);
}

void
mizan_chart_not_assessed_cell (MizanChartCtx *ctx,
                               double         x,
                               double         y,
                               double         width,
                               double         height)
{
  cairo_t *cr = ctx->cr;
  double dash = MAX (ctx->f * 0.25, 2.0);

  /* Empty, with a dashed outline: neither a colour of the level scale nor
   * the hatch of not applicable, so it reads as "still open". */
  cairo_save (cr);
  cairo_new_path (cr);
  cairo_rectangle (cr, x + 1, y + 1, width - 2, height - 2);
  cairo_set_dash (cr, &dash, 1, 0);
  cairo_set_line_width (cr, 1.5);
  mizan_chart_set_color (cr, &ctx->palette.dim);
  cairo_stroke (cr);
  cairo_restore (cr);
}

void
mizan_chart_check_mark (MizanChartCtx         *ctx,
                        double                 cx,
                        double                 cy,
                        double                 size,
                        const MizanChartColor *color)
{
  cairo_t *cr = ctx->cr;

  cairo_save (cr);
  cairo_new_path (cr);
  /* A drawn path, not a glyph: no font on the machine has to carry "✓". */
  cairo_move_to (cr, cx - 0.34 * size, cy + 0.02 * size);
  cairo_line_to (cr, cx - 0.1 * size, cy + 0.26 * size);
  cairo_line_to (cr, cx + 0.36 * size, cy - 0.26 * size);
  cairo_set_line_width (cr, MAX (1.5, 0.15 * size));
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  mizan_chart_set_color (cr, color);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* Legend */

static double
swatch_width (MizanChartCtx     *ctx,
              MizanLegendSwatch  swatch)
{
  switch (swatch)
    {
    case MIZAN_LEGEND_CURRENT_LINE:
    case MIZAN_LEGEND_TARGET_LINE:
    case MIZAN_LEGEND_CURRENT_BAR:
    case MIZAN_LEGEND_GAP:
      return ctx->f * 2.0;
    case MIZAN_LEGEND_TARGET_MARK:
    case MIZAN_LEGEND_PASSED:
    case MIZAN_LEGEND_PARTLY:
    case MIZAN_LEGEND_NOT_MET:
    case MIZAN_LEGEND_NOT_APPLICABLE:
    case MIZAN_LEGEND_TARGET_CELL:
    default:
      return ctx->f * 1.2;
    }
}

static void
draw_swatch (MizanChartCtx     *ctx,
             MizanLegendSwatch  swatch,
             double             x,
             double             y,
             double             w,
             double             h)
{
  cairo_t *cr = ctx->cr;
  const MizanChartPalette *pal = &ctx->palette;
  double cy = y + h / 2;

  cairo_save (cr);
  cairo_new_path (cr);
  switch (swatch)
    {
    case MIZAN_LEGEND_CURRENT_LINE:
      cairo_move_to (cr, x, cy);
      cairo_line_to (cr, x + w, cy);
      cairo_set_line_width (cr, 2.5);
      mizan_chart_set_color (cr, &pal->current);
      cairo_stroke (cr);
      mizan_chart_marker_current (ctx, x + w / 2, cy);
      break;

    case MIZAN_LEGEND_TARGET_LINE:
      cairo_move_to (cr, x, cy);
      cairo_line_to (cr, x + w, cy);
      cairo_set_line_width (cr, 2.0);
      mizan_chart_set_target_dash (ctx);
      mizan_chart_set_color (cr, &pal->target);
      cairo_stroke (cr);
      mizan_chart_marker_target (ctx, x + w / 2, cy);
      break;

    case MIZAN_LEGEND_CURRENT_BAR:
      cairo_rectangle (cr, x, cy - h * 0.3, w, h * 0.6);
      mizan_chart_set_color (cr, &pal->current);
      cairo_fill (cr);
      break;

    case MIZAN_LEGEND_TARGET_MARK:
      cairo_move_to (cr, x + w / 2, y);
      cairo_line_to (cr, x + w / 2, y + h);
      cairo_set_line_width (cr, 2.0);
      mizan_chart_set_target_dash (ctx);
      mizan_chart_set_color (cr, &pal->target);
      cairo_stroke (cr);
      mizan_chart_marker_target (ctx, x + w / 2, cy);
      break;

    case MIZAN_LEGEND_GAP:
      cairo_rectangle (cr, x, cy - h * 0.3, w, h * 0.6);
      mizan_chart_set_color (cr, &pal->gap);
      cairo_fill (cr);
      mizan_chart_hatch (ctx, x, cy - h * 0.3, w, h * 0.6, &pal->target);
      break;

    case MIZAN_LEGEND_PASSED:
      cairo_rectangle (cr, x, y, w, h);
      mizan_chart_set_color (cr, &pal->passed);
      cairo_fill (cr);
      mizan_chart_check_mark (ctx, x + w / 2, cy, h * 0.8, &pal->on_passed);
      break;

    case MIZAN_LEGEND_PARTLY:
      cairo_rectangle (cr, x, y, w, h);
      mizan_chart_set_color (cr, &pal->partly);
      cairo_fill (cr);
      cairo_rectangle (cr, ctx->rtl ? x + w / 2 : x, y + h - 3, w / 2, 3);
      mizan_chart_set_color (cr, &pal->passed);
      cairo_fill (cr);
      break;

    case MIZAN_LEGEND_NOT_MET:
      cairo_rectangle (cr, x + 0.5, y + 0.5, w - 1, h - 1);
      mizan_chart_set_color (cr, &pal->not_met);
      cairo_fill_preserve (cr);
      cairo_set_line_width (cr, 1.0);
      mizan_chart_set_color (cr, &pal->grid);
      cairo_stroke (cr);
      break;

    case MIZAN_LEGEND_NOT_APPLICABLE:
      {
        MizanChartColor hatch = pal->dim;

        hatch.alpha *= 0.55;   /* as the heat map's cells */
        mizan_chart_hatch (ctx, x, y, w, h, &hatch);
      }
      break;

    case MIZAN_LEGEND_NOT_ASSESSED:
      mizan_chart_not_assessed_cell (ctx, x, y, w, h);
      break;

    case MIZAN_LEGEND_TARGET_CELL:
    default:
      cairo_rectangle (cr, x + 1, y + 1, w - 2, h - 2);
      cairo_set_line_width (cr, 2.0);
      mizan_chart_set_target_dash (ctx);
      mizan_chart_set_color (cr, &pal->target);
      cairo_stroke (cr);
      break;
    }
  cairo_restore (cr);
}

double
mizan_chart_legend (MizanChartCtx         *ctx,
                    const MizanLegendItem *items,
                    guint                  n_items,
                    double                 x,
                    double                 y,
                    double                 width,
                    gboolean               draw)
{
  double f = ctx->f;
  double row_height = f * 1.6;
  double swatch_height = f * 1.0;
  double pos = 0;      /* distance from the start edge */
  double row = 0;

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(PangoLayout) layout = mizan_chart_layout (ctx, items[i].label, 0.92, FALSE,
                                                          0, 1, PANGO_ALIGN_LEFT);
      double sw = swatch_width (ctx, items[i].swatch);
      double tw, th, item_width;

      mizan_chart_layout_size (layout, &tw, &th);
      item_width = sw + f * 0.45 + tw;
      if (pos > 0 && pos + item_width > width)
        {
          pos = 0;
          row += row_height;
        }

      if (draw)
        {
          double cy = y + row + row_height / 2;
          double sx, tx;

          if (ctx->rtl)
            {
              sx = x + width - pos - sw;
              tx = sx - f * 0.45 - tw;
            }
          else
            {
              sx = x + pos;
              tx = sx + sw + f * 0.45;
            }
          draw_swatch (ctx, items[i].swatch, sx, cy - swatch_height / 2, sw, swatch_height);
          mizan_chart_show_layout (ctx, layout, tx, cy - th / 2, &ctx->palette.foreground);
        }
      pos += item_width + f * 1.3;
    }
  return n_items > 0 ? row + row_height : 0;
}

/* Heat map cells, by the level gate of DESIGN.md "Scoring" */

void
mizan_chart_heat_cell (const MizanResults          *results,
                       const MizanCapabilityResult *capability,
                       const MizanStatus           *statuses,
                       guint                        level,
                       MizanCell                   *cell)
{
  const MizanCapability *cap = capability->capability;
  guint n_practices = mizan_framework_get_n_practices (results->framework);

  cell->passing = 0;
  cell->applicable = 0;
  cell->unanswered = 0;

  if (!capability->applicable)
    {
      cell->state = MIZAN_CELL_NOT_APPLICABLE;
      return;
    }

  if (statuses == NULL)
    {
      /* Without the answers only the capability level is known: the levels up
       * to it passed; above it nothing can be told apart from not met. */
      cell->state = level <= capability->level ? MIZAN_CELL_PASSED : MIZAN_CELL_NOT_MET;
      return;
    }

  for (guint i = 0; i < cap->n_practices; i++)
    {
      const MizanPractice *practice = cap->practices[i];
      MizanStatus status = MIZAN_STATUS_NONE;

      if (practice->level != level)
        continue;
      if (practice->index < n_practices && (guint) statuses[practice->index] < MIZAN_N_STATUSES)
        status = statuses[practice->index];
      if (status == MIZAN_STATUS_NA)
        continue;
      cell->applicable++;
      if (mizan_status_passes (status))
        cell->passing++;
      else if (status == MIZAN_STATUS_NONE)
        cell->unanswered++;
    }

  /* An unanswered practice fails the gate like "not", but a level nobody
   * has looked at yet must not read as a level found wanting. */
  if (cell->applicable == 0)
    cell->state = MIZAN_CELL_NOT_APPLICABLE;
  else if (cell->unanswered == cell->applicable)
    cell->state = MIZAN_CELL_NOT_ASSESSED;
  else if (cell->passing == cell->applicable)
    cell->state = MIZAN_CELL_PASSED;
  else if (cell->passing > 0)
    cell->state = MIZAN_CELL_PARTLY;
  else
    cell->state = MIZAN_CELL_NOT_MET;
}

/* Entry points by kind */

double
mizan_chart_get_preferred_height (MizanChartKind         kind,
                                  const MizanResults    *results,
                                  double                 width,
                                  const MizanChartStyle *style)
{
  MizanChartCtx ctx;
  double height = 0;

  g_return_val_if_fail (results != NULL, 0);

  mizan_chart_ctx_init (&ctx, NULL, style);
  switch (kind)
    {
    case MIZAN_CHART_RADAR:
      /* Labels sit beside the circle, so a landscape box wastes least. */
      height = MAX (width * 0.8, ctx.f * 16);
      break;
    case MIZAN_CHART_GAP_BARS:
      height = mizan_gap_bars_natural_height (&ctx, results, width);
      break;
    case MIZAN_CHART_HEAT_MAP:
      {
        MizanHeatMapGeometry geometry;

        mizan_heat_map_geometry (&ctx, results, width, G_MAXDOUBLE, &geometry);
        height = geometry.height;
        g_free (geometry.row_top);
        g_free (geometry.domain_top);
      }
      break;
    default:
      g_return_val_if_reached (0);
    }
  mizan_chart_ctx_clear (&ctx);
  return ceil (height);
}

void
mizan_chart_draw (MizanChartKind         kind,
                  cairo_t               *cr,
                  const MizanResults    *results,
                  const MizanStatus     *statuses,
                  double                 width,
                  double                 height,
                  const MizanChartStyle *style)
{
  switch (kind)
    {
    case MIZAN_CHART_RADAR:
      mizan_chart_draw_radar (cr, results, width, height, style);
      break;
    case MIZAN_CHART_GAP_BARS:
      mizan_chart_draw_gap_bars (cr, results, width, height, style);
      break;
    case MIZAN_CHART_HEAT_MAP:
      mizan_chart_draw_heat_map (cr, results, statuses, width, height, style);
      break;
    default:
      g_return_if_reached ();
    }
}

char *
mizan_chart_describe (MizanChartKind      kind,
                      const MizanResults *results,
                      const MizanStatus  *statuses)
{
  switch (kind)
    {
    case MIZAN_CHART_RADAR:
      return mizan_chart_describe_radar (results);
    case MIZAN_CHART_GAP_BARS:
      return mizan_chart_describe_gap_bars (results);
    case MIZAN_CHART_HEAT_MAP:
      return mizan_chart_describe_heat_map (results, statuses);
    default:
      g_return_val_if_reached (NULL);
    }
}
