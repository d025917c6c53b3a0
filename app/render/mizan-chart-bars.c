/* mizan-chart-bars.c — gap bars: per domain, the current index as a bar and the target as a mark
 * The stretch from current to target is hatched so the gap reads without colour. */

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "mizan-chart-private.h"

#define ROW_HEIGHT 2.6     /* × the base font size */
#define AXIS_HEIGHT 1.5
#define LABEL_SCALE 0.92

static void
legend_items (MizanChartCtx   *ctx,
              MizanLegendItem items[3])
{
  items[0] = (MizanLegendItem) { MIZAN_LEGEND_CURRENT_BAR, mizan_chart_ctx_gettext (ctx, N_("Current")) };
  items[1] = (MizanLegendItem) { MIZAN_LEGEND_TARGET_MARK, mizan_chart_ctx_gettext (ctx, N_("Target")) };
  items[2] = (MizanLegendItem) { MIZAN_LEGEND_GAP, mizan_chart_ctx_gettext (ctx, N_("Gap")) };
}

static char *
value_text (MizanChartCtx           *ctx,
            const MizanDomainResult *d)
{
  g_autofree char *index = NULL;
  g_autofree char *target = NULL;

  if (!d->applicable)
    return g_strdup ("—");
  index = mizan_chart_format_index (d->index);
  target = mizan_chart_format_index (d->target);
  /* Translators: a domain's current index and its target on the gap bars, e.g. "2.4 of 3.0" */
  return g_strdup_printf (mizan_chart_ctx_gettext (ctx, N_("%s of %s")), index, target);
}

static double
header_height (MizanChartCtx *ctx,
               double         width)
{
  MizanLegendItem items[3];
  double f = ctx->f, m = f * 0.75;

  legend_items (ctx, items);
  return m + mizan_chart_legend (ctx, items, G_N_ELEMENTS (items), m, m, width - 2 * m, FALSE)
           + f * 0.4 + f * AXIS_HEIGHT;
}

static void columns (MizanChartCtx        *ctx,
                     const MizanResults   *results,
                     double                width,
                     MizanGapBarsGeometry *g);

/* A row is tall enough for its label on two lines with some air. */
static double
natural_row_height (MizanChartCtx              *ctx,
                    const MizanResults         *results,
                    const MizanGapBarsGeometry *g)
{
  double row = ROW_HEIGHT * ctx->f;

  for (guint i = 0; i < results->n_domains; i++)
    {
      g_autoptr(PangoLayout) label = mizan_chart_layout (ctx, mizan_chart_ctx_text (ctx, results->domains[i].domain->title),
                                                         LABEL_SCALE, FALSE, g->label_width, 2, PANGO_ALIGN_LEFT);
      double h;

      mizan_chart_layout_size (label, NULL, &h);
      row = MAX (row, h + ctx->f * 0.9);
    }
  return row;
}

double
mizan_gap_bars_natural_height (MizanChartCtx      *ctx,
                               const MizanResults *results,
                               double              width)
{
  MizanGapBarsGeometry g = { 0 };

  columns (ctx, results, width, &g);
  return header_height (ctx, width)
         + MAX (results->n_domains, 1) * natural_row_height (ctx, results, &g)
         + ctx->f * 0.75;
}

static void
columns (MizanChartCtx        *ctx,
         const MizanResults   *results,
         double                width,
         MizanGapBarsGeometry *g)
{
  guint n_levels = MAX (mizan_framework_get_n_levels (results->framework), 1);
  double f = ctx->f, m = f * 0.75, space = f * 0.9;
  double label_w = 0, value_w = 0;
  double plot_x0, plot_x1;

  for (guint i = 0; i < results->n_domains; i++)
    {
      const MizanDomainResult *d = &results->domains[i];
      g_autoptr(PangoLayout) label = mizan_chart_layout (ctx, mizan_chart_ctx_text (ctx, d->domain->title),
                                                         LABEL_SCALE, FALSE, 0, 1, PANGO_ALIGN_LEFT);
      g_autofree char *text = value_text (ctx, d);
      g_autoptr(PangoLayout) value = mizan_chart_layout (ctx, text, LABEL_SCALE, FALSE, 0, 1, PANGO_ALIGN_LEFT);
      double w;

      mizan_chart_layout_size (label, &w, NULL);
      label_w = MAX (label_w, w);
      mizan_chart_layout_size (value, &w, NULL);
      value_w = MAX (value_w, w);
    }
  /* Long titles wrap onto a second line rather than squeeze the bars. */
  label_w = MIN (ceil (label_w) + 1, MAX (width * 0.34, MIN (f * 6, width * 0.3)));
  value_w = ceil (value_w) + 1;

  g->label_width = label_w;
  g->value_width = value_w;
  if (ctx->rtl)
    {
      g->label_x = width - m - label_w;
      g->value_x = m;
      plot_x0 = m + value_w + space;
      plot_x1 = g->label_x - space;
      g->x_zero = plot_x1;
      g->x_per_unit = -MAX (plot_x1 - plot_x0, 1) / n_levels;
    }
  else
    {
      g->label_x = m;
      g->value_x = width - m - value_w;
      plot_x0 = m + label_w + space;
      plot_x1 = g->value_x - space;
      g->x_zero = plot_x0;
      g->x_per_unit = MAX (plot_x1 - plot_x0, 1) / n_levels;
    }
}

void
mizan_gap_bars_geometry (MizanChartCtx        *ctx,
                         const MizanResults   *results,
                         double                width,
                         double                height,
                         MizanGapBarsGeometry *g)
{
  double f = ctx->f;
  double natural = mizan_gap_bars_natural_height (ctx, results, width);
  double w, h, available;
  guint n = MAX (results->n_domains, 1);

  memset (g, 0, sizeof *g);
  g->scale = 1;
  if (height < natural)
    {
      /* Shrink the whole chart rather than the rows alone: text stays legible
       * relative to the bars and nothing overlaps. The wider space that
       * results changes the wrapping a little, so measure once more. */
      g->scale = height / natural;
      g->scale = height / mizan_gap_bars_natural_height (ctx, results, width / g->scale);
    }
  w = width / g->scale;
  h = height / g->scale;

  columns (ctx, results, w, g);
  g->rows_top = header_height (ctx, w);
  available = h - g->rows_top - f * 0.75;
  g->row_height = MIN (MAX (available / n, 0), natural_row_height (ctx, results, g) * 1.5);
  g->bar_height = MIN (g->row_height * 0.45, f * 1.1);
}

static double
x_of (const MizanGapBarsGeometry *g,
      double                      value)
{
  return g->x_zero + value * g->x_per_unit;
}

static void
span_rect (cairo_t *cr,
           double   xa,
           double   xb,
           double   y,
           double   height)
{
  cairo_rectangle (cr, MIN (xa, xb), y, fabs (xb - xa), height);
}

void
mizan_chart_draw_gap_bars (cairo_t               *cr,
                           const MizanResults    *results,
                           double                 width,
                           double                 height,
                           const MizanChartStyle *style)
{
  MizanChartCtx ctx;
  MizanGapBarsGeometry g;
  MizanLegendItem items[3];
  const MizanChartPalette *pal;
  guint n_levels;
  double f, m, w, rows_bottom;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (results != NULL);
  /* A widget not yet allocated asks for nothing: draw nothing, quietly. */
  if (!(width >= 1 && height >= 1))
    return;

  cairo_save (cr);
  mizan_chart_ctx_init (&ctx, cr, style);
  pal = &ctx.palette;
  f = ctx.f;
  m = f * 0.75;
  n_levels = MAX (mizan_framework_get_n_levels (results->framework), 1);

  mizan_chart_ctx_background (&ctx, width, height);
  mizan_gap_bars_geometry (&ctx, results, width, height, &g);
  if (g.scale != 1)
    {
      cairo_scale (cr, g.scale, g.scale);
      mizan_chart_ctx_update (&ctx);
    }
  w = width / g.scale;
  rows_bottom = g.rows_top + results->n_domains * g.row_height;

  legend_items (&ctx, items);
  mizan_chart_legend (&ctx, items, G_N_ELEMENTS (items), m, m, w - 2 * m, TRUE);

  /* The scale: a line and a number at each level. */
  for (guint l = 0; l <= n_levels; l++)
    {
      g_autofree char *text = g_strdup_printf ("%u", l);
      g_autoptr(PangoLayout) layout = mizan_chart_layout (&ctx, text, 0.8, FALSE, 0, 1, PANGO_ALIGN_LEFT);
      double x = round (x_of (&g, l)) + 0.5;
      double tw, th;

      mizan_chart_layout_size (layout, &tw, &th);
      mizan_chart_show_layout (&ctx, layout, x - tw / 2,
                               g.rows_top - f * 0.25 - th, &pal->dim);
      cairo_new_path (cr);
      cairo_move_to (cr, x, g.rows_top);
      cairo_line_to (cr, x, rows_bottom);
      cairo_set_line_width (cr, 1.0);
      mizan_chart_set_color (cr, l == 0 ? &pal->dim : &pal->grid);
      cairo_stroke (cr);
    }

  for (guint i = 0; i < results->n_domains; i++)
    {
      const MizanDomainResult *d = &results->domains[i];
      double y = g.rows_top + i * g.row_height;
      double cy = y + g.row_height / 2;
      double bar_y = cy - g.bar_height / 2;
      const MizanChartColor *text_color = d->applicable ? &pal->foreground : &pal->dim;
      g_autoptr(PangoLayout) label = mizan_chart_layout (&ctx, mizan_chart_ctx_text (&ctx, d->domain->title),
                                                         LABEL_SCALE, FALSE, g.label_width, 2,
                                                         ctx.rtl ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
      g_autofree char *value = value_text (&ctx, d);
      g_autoptr(PangoLayout) value_layout = mizan_chart_layout (&ctx, value, LABEL_SCALE, FALSE,
                                                                g.value_width, 1,
                                                                ctx.rtl ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
      double lw, lh;

      mizan_chart_layout_size (label, &lw, &lh);
      mizan_chart_show_layout (&ctx, label, ctx.rtl ? g.label_x + g.label_width - lw : g.label_x,
                               cy - lh / 2, text_color);
      mizan_chart_layout_size (value_layout, &lw, &lh);
      mizan_chart_show_layout (&ctx, value_layout, ctx.rtl ? g.value_x + g.value_width - lw : g.value_x,
                               cy - lh / 2, text_color);

      if (!d->applicable)
        {
          g_autoptr(PangoLayout) na = mizan_chart_layout (&ctx, mizan_chart_ctx_gettext (&ctx, N_("Not applicable")), 0.85, FALSE,
                                                          0, 1, PANGO_ALIGN_LEFT);

          mizan_chart_layout_size (na, &lw, &lh);
          mizan_chart_show_layout (&ctx, na,
                                   ctx.rtl ? g.x_zero - f * 0.5 - lw : g.x_zero + f * 0.5,
                                   cy - lh / 2, &pal->dim);
          continue;
        }

      cairo_new_path (cr);
      if (d->index > 0)
        {
          span_rect (cr, x_of (&g, 0), x_of (&g, d->index), bar_y, g.bar_height);
          mizan_chart_set_color (cr, &pal->current);
          cairo_fill (cr);
        }

      if (d->target > d->index)
        {
          double xa = x_of (&g, d->index), xb = x_of (&g, d->target);

          span_rect (cr, xa, xb, bar_y, g.bar_height);
          mizan_chart_set_color (cr, &pal->gap);
          cairo_fill (cr);
          mizan_chart_hatch (&ctx, MIN (xa, xb), bar_y, fabs (xb - xa), g.bar_height, &pal->target);
        }

      if (d->target > 0)
        {
          double x = x_of (&g, d->target);

          cairo_save (cr);
          cairo_new_path (cr);
          cairo_move_to (cr, x, cy - g.row_height * 0.36);
          cairo_line_to (cr, x, cy + g.row_height * 0.36);
          cairo_set_line_width (cr, 2.0);
          mizan_chart_set_target_dash (&ctx);
          mizan_chart_set_color (cr, &pal->target);
          cairo_stroke (cr);
          cairo_restore (cr);
          mizan_chart_marker_target (&ctx, x, cy);
        }
    }

  mizan_chart_ctx_clear (&ctx);
  cairo_restore (cr);
}

char *
mizan_chart_describe_gap_bars (const MizanResults *results)
{
  GString *text;
  const MizanDomainResult *largest = NULL;
  gboolean any_applicable = FALSE;

  g_return_val_if_fail (results != NULL, NULL);

  text = g_string_new (NULL);
  g_string_append_printf (text,
                          /* Translators: the accessible description of the gap bars; %u is the top level */
                          _("Bars of the current maturity index of each domain against its target, on a scale from 0 to %u."),
                          mizan_framework_get_n_levels (results->framework));
  for (guint i = 0; i < results->n_domains; i++)
    {
      const MizanDomainResult *d = &results->domains[i];
      const char *title = mizan_text_localized (d->domain->title);

      g_string_append_c (text, ' ');
      if (d->applicable)
        {
          g_autofree char *index = mizan_chart_format_index (d->index);
          g_autofree char *target = mizan_chart_format_index (d->target);
          g_autofree char *gap = mizan_chart_format_index (d->gap);

          /* Translators: domain title, current index, target and gap */
          g_string_append_printf (text, _("%s: current %s, target %s, gap %s."), title, index, target, gap);
          any_applicable = TRUE;
          if (d->gap > 0 && (largest == NULL || d->gap > largest->gap))
            largest = d;
        }
      else
        {
          g_string_append_printf (text, _("%s: not applicable."), title);
        }
    }

  if (largest != NULL)
    {
      g_string_append_c (text, ' ');
      /* Translators: the domain with the largest gap */
      g_string_append_printf (text, _("The largest gap is in %s."), mizan_text_localized (largest->domain->title));
    }
  else if (any_applicable)
    {
      g_string_append_c (text, ' ');
      g_string_append (text, _("Every domain meets its target."));
    }
  return g_string_free (text, FALSE);
}
