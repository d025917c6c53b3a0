/* mizan-chart-boxplot.c — per domain, the peers' middle half and median as a box, the user's own index as a marker
 * The marker is the charts' round "current" marker, so it reads without colour; too few peers is said in words. */

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "mizan-benchmark-charts.h"
#include "mizan-chart-private.h"

#define ROW_HEIGHT 2.4     /* × the base font size */
#define LABEL_SCALE 0.92

typedef struct {
  double legend_height;
  double label_x, label_width;
  double plot_start, plot_end;   /* visual x of value 0 and of max */
  double rows_top, row_height;
} Geometry;

static void
geometry (MizanChartCtx *ctx,
          guint          n_rows,
          double         width,
          double         height,
          Geometry      *g)
{
  double f = ctx->f, m = f * 0.75;
  double label_width = MIN (width * 0.32, f * 14);
  g_autoptr(PangoLayout) layout = mizan_chart_layout (ctx, _("Peers (middle half, median line)"), 0.9, FALSE,
                                                      0, 1, PANGO_ALIGN_LEFT);
  double lh;

  mizan_chart_layout_size (layout, NULL, &lh);
  g->legend_height = m + lh + f * 0.6;
  g->label_width = label_width;
  g->rows_top = g->legend_height + f * 1.4;   /* room for the axis numbers */
  g->row_height = n_rows > 0 ? MIN (f * ROW_HEIGHT, (height - g->rows_top - m) / n_rows) : f * ROW_HEIGHT;
  if (!ctx->rtl)
    {
      g->label_x = m;
      g->plot_start = m + label_width + f;
      g->plot_end = width - m - f * 0.5;
    }
  else
    {
      g->label_x = width - m - label_width;
      g->plot_start = width - m - label_width - f;
      g->plot_end = m + f * 0.5;
    }
}

static double
x_of (const Geometry *g,
      double          value,
      double          max)
{
  return g->plot_start + (g->plot_end - g->plot_start) * CLAMP (value, 0, max) / max;
}

double
mizan_box_plot_get_preferred_height (guint                  n_rows,
                                     double                 width,
                                     const MizanChartStyle *style)
{
  MizanChartCtx ctx;
  Geometry g;
  double height;

  mizan_chart_ctx_init (&ctx, NULL, style);
  geometry (&ctx, n_rows, width, G_MAXDOUBLE / 4, &g);
  height = g.rows_top + n_rows * ctx.f * ROW_HEIGHT + ctx.f * 0.75;
  mizan_chart_ctx_clear (&ctx);
  return height;
}

static void
draw_legend (MizanChartCtx *ctx,
             const Geometry *g,
             double          width)
{
  cairo_t *cr = ctx->cr;
  double f = ctx->f, m = f * 0.75;
  g_autoptr(PangoLayout) peers = mizan_chart_layout (ctx, _("Peers (middle half, median line)"), 0.9, FALSE,
                                                     0, 1, PANGO_ALIGN_LEFT);
  g_autoptr(PangoLayout) own = mizan_chart_layout (ctx, _("Your score"), 0.9, FALSE, 0, 1, PANGO_ALIGN_LEFT);
  double pw, ph, ow, oh, box = f * 1.6, x, y = m;
  double dir = ctx->rtl ? -1 : 1;

  mizan_chart_layout_size (peers, &pw, &ph);
  mizan_chart_layout_size (own, &ow, &oh);

  x = ctx->rtl ? width - m : m;
  /* The peers' swatch: a small box with its median line. */
  cairo_rectangle (cr, MIN (x, x + dir * box), y + ph * 0.15, box, ph * 0.7);
  mizan_chart_set_color (cr, &ctx->palette.current_fill);
  cairo_fill_preserve (cr);
  mizan_chart_set_color (cr, &ctx->palette.current);
  cairo_set_line_width (cr, 1.0);
  cairo_stroke (cr);
  cairo_move_to (cr, x + dir * box * 0.55, y + ph * 0.15);
  cairo_line_to (cr, x + dir * box * 0.55, y + ph * 0.85);
  cairo_set_line_width (cr, 2.0);
  cairo_stroke (cr);
  x += dir * (box + f * 0.4);
  mizan_chart_show_layout (ctx, peers, ctx->rtl ? x - pw : x, y, &ctx->palette.foreground);
  x += dir * (pw + f * 1.5);

  mizan_chart_marker_current (ctx, x + dir * f * 0.35, y + ph / 2);
  x += dir * (f * 0.7 + f * 0.4);
  mizan_chart_show_layout (ctx, own, ctx->rtl ? x - ow : x, y, &ctx->palette.foreground);
}

void
mizan_box_plot_draw (cairo_t               *cr,
                     const MizanBoxPlotRow *rows,
                     guint                  n_rows,
                     double                 max,
                     double                 width,
                     double                 height,
                     const MizanChartStyle *style)
{
  MizanChartCtx ctx;
  Geometry g;
  double f;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (rows != NULL || n_rows == 0);

  if (max <= 0)
    max = 1;
  cairo_save (cr);
  mizan_chart_ctx_init (&ctx, cr, style);
  f = ctx.f;
  mizan_chart_ctx_background (&ctx, width, height);
  geometry (&ctx, n_rows, width, height, &g);
  draw_legend (&ctx, &g, width);

  /* Axis: a line and a number at every whole level. */
  for (guint level = 0; level <= (guint) max; level++)
    {
      double x = x_of (&g, level, max);
      g_autofree char *text = g_strdup_printf ("%u", level);
      g_autoptr(PangoLayout) layout = mizan_chart_layout (&ctx, text, 0.8, FALSE, 0, 1, PANGO_ALIGN_LEFT);
      double tw, th;

      mizan_chart_layout_size (layout, &tw, &th);
      mizan_chart_show_layout (&ctx, layout, x - tw / 2, g.rows_top - th - f * 0.2, &ctx.palette.dim);
      cairo_move_to (cr, round (x) + 0.5, g.rows_top);
      cairo_line_to (cr, round (x) + 0.5, g.rows_top + n_rows * g.row_height);
      mizan_chart_set_color (cr, &ctx.palette.grid);
      cairo_set_line_width (cr, 1.0);
      cairo_stroke (cr);
    }

  for (guint i = 0; i < n_rows; i++)
    {
      const MizanBoxPlotRow *row = &rows[i];
      double top = g.rows_top + i * g.row_height;
      double cy = top + g.row_height / 2;
      g_autoptr(PangoLayout) label = mizan_chart_layout (&ctx, row->label, LABEL_SCALE, FALSE, g.label_width, 2,
                                                         ctx.rtl ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
      double lw, lh;

      mizan_chart_layout_size (label, &lw, &lh);
      mizan_chart_show_layout (&ctx, label, ctx.rtl ? g.label_x + g.label_width - lw : g.label_x,
                               cy - lh / 2, &ctx.palette.foreground);

      if (row->has_peers)
        {
          double x0 = x_of (&g, row->p25, max), x1 = x_of (&g, row->p75, max);
          double xm = x_of (&g, row->median, max);
          double bh = g.row_height * 0.5;

          cairo_rectangle (cr, MIN (x0, x1), cy - bh / 2, MAX (fabs (x1 - x0), 2.0), bh);
          mizan_chart_set_color (cr, &ctx.palette.current_fill);
          cairo_fill_preserve (cr);
          mizan_chart_set_color (cr, &ctx.palette.current);
          cairo_set_line_width (cr, 1.0);
          cairo_stroke (cr);
          cairo_move_to (cr, xm, cy - bh / 2 - 2);
          cairo_line_to (cr, xm, cy + bh / 2 + 2);
          cairo_set_line_width (cr, 2.5);
          cairo_stroke (cr);
        }
      else
        {
          g_autoptr(PangoLayout) none = mizan_chart_layout (&ctx, _("Not enough peers yet"), 0.85, FALSE,
                                                            0, 1, PANGO_ALIGN_LEFT);
          double nw, nh, mid = (g.plot_start + g.plot_end) / 2;

          mizan_chart_layout_size (none, &nw, &nh);
          mizan_chart_show_layout (&ctx, none, mid - nw / 2, cy - nh / 2, &ctx.palette.dim);
        }

      if (row->has_own)
        mizan_chart_marker_current (&ctx, x_of (&g, row->own, max), cy);
    }

  mizan_chart_ctx_clear (&ctx);
  cairo_restore (cr);
}

char *
mizan_box_plot_describe (const MizanBoxPlotRow *rows,
                         guint                  n_rows)
{
  GString *text = g_string_new (_("Your maturity index per domain beside your peers’."));

  for (guint i = 0; i < n_rows; i++)
    {
      const MizanBoxPlotRow *row = &rows[i];
      g_autofree char *own = row->has_own ? g_strdup_printf ("%.1f", row->own) : g_strdup (_("not applicable"));

      g_string_append_c (text, ' ');
      if (row->has_peers)
        /* Translators: domain, own index, number of peers, median, lower and upper quartile */
        g_string_append_printf (text, _("%s: yours %s; %u peers, median %.1f, middle half %.1f to %.1f."),
                                row->label, own, row->n, row->median, row->p25, row->p75);
      else
        g_string_append_printf (text, _("%s: yours %s; not enough peers yet."), row->label, own);
    }
  return g_string_free (text, FALSE);
}
