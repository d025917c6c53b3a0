/* mizan-chart-radar.c — radar chart of the maturity index per domain, current vs target
 * One axis per domain from 0 to the top level; labels outside, sized so none overlap. */

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "mizan-chart-private.h"

#define LABEL_SCALE 0.92
#define LABEL_LINES 3

static void
legend_items (MizanChartCtx   *ctx,
              MizanLegendItem items[2])
{
  items[0] = (MizanLegendItem) { MIZAN_LEGEND_CURRENT_LINE, mizan_chart_ctx_gettext (ctx, N_("Current")) };
  items[1] = (MizanLegendItem) { MIZAN_LEGEND_TARGET_LINE, mizan_chart_ctx_gettext (ctx, N_("Target")) };
}

double
mizan_radar_angle (const MizanRadarGeometry *geometry,
                   guint                     i,
                   guint                     n)
{
  /* The first domain points up; the others follow clockwise, or
   * counter-clockwise when mirrored for right-to-left readers. */
  return -G_PI / 2 + geometry->direction * 2 * G_PI * i / MAX (n, 1);
}

static PangoLayout *
radar_label (MizanChartCtx           *ctx,
             const MizanDomainResult *domain,
             gboolean                 titles,
             double                   wrap,
             double                   angle)
{
  double ux = cos (angle);
  PangoAlignment align = ux > 0.25 ? PANGO_ALIGN_LEFT : ux < -0.25 ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_CENTER;
  const char *name = titles ? mizan_chart_ctx_text (ctx, domain->domain->title) : domain->domain->id;
  g_autofree char *text = NULL;

  if (domain->applicable)
    text = g_strdup (name);
  else
    text = g_strdup_printf ("%s\n%s", name, mizan_chart_ctx_gettext (ctx, N_("Not applicable")));

  return mizan_chart_layout (ctx, text, LABEL_SCALE, FALSE,
                             titles ? wrap : 0, LABEL_LINES, align);
}

/* The label's box leans away from the circle: a label on the right starts at
 * its anchor, one at the top ends there, and those between slide smoothly. */
static void
label_box (double  cx,
           double  cy,
           double  distance,
           double  angle,
           double  w,
           double  h,
           double *x,
           double *y)
{
  double ux = cos (angle);
  double uy = sin (angle);

  *x = cx + distance * ux - w * (1 - ux) / 2;
  *y = cy + distance * uy - h * (1 - uy) / 2;
}

/* The largest radius at which every label fits inside the area, or -1 when
 * two labels overlap or one cannot fit at any radius; @top and @bottom get
 * the vertical extent of the labels and rings at that radius. */
static double
fit_labels (MizanChartCtx      *ctx,
            const MizanResults *results,
            MizanRadarGeometry *g,
            double              x0,
            double              y0,
            double              x1,
            double              y1,
            gboolean            titles,
            double              wrap,
            double             *top,
            double             *bottom)
{
  guint n = results->n_domains;
  double pad = ctx->f * 0.5;
  /* Rings are polygons from three domains on: their vertices, each under a
   * label, bound them. Fewer domains draw circles, which must fit whole. */
  double r = n >= 3 ? MAX (x1 - x0, y1 - y0) : MIN (x1 - x0, y1 - y0) / 2 - pad;
  g_autofree double *bw = g_new (double, n);
  g_autofree double *bh = g_new (double, n);
  g_autofree double *bx = g_new (double, n);
  g_autofree double *by = g_new (double, n);

  for (guint i = 0; i < n; i++)
    {
      double angle = mizan_radar_angle (g, i, n);
      double ux = cos (angle), uy = sin (angle);
      g_autoptr(PangoLayout) layout = radar_label (ctx, &results->domains[i], titles, wrap, angle);
      double w, h;

      mizan_chart_layout_size (layout, &w, &h);
      bw[i] = w;
      bh[i] = h;

      if (ux > 1e-6)
        r = MIN (r, (x1 - g->cx - w * (1 + ux) / 2) / ux - pad);
      else if (ux < -1e-6)
        r = MIN (r, (g->cx - w * (1 - ux) / 2 - x0) / -ux - pad);
      if (uy > 1e-6)
        r = MIN (r, (y1 - g->cy - h * (1 + uy) / 2) / uy - pad);
      else if (uy < -1e-6)
        r = MIN (r, (g->cy - h * (1 - uy) / 2 - y0) / -uy - pad);
    }

  if (r <= 0)
    return -1;

  *top = g->cy - (n >= 3 ? 0 : r);
  *bottom = g->cy + (n >= 3 ? 0 : r);
  for (guint i = 0; i < n; i++)
    {
      label_box (g->cx, g->cy, r + pad, mizan_radar_angle (g, i, n), bw[i], bh[i], &bx[i], &by[i]);
      /* A label along an axis that cannot move it sideways may still stick out. */
      if (bx[i] < x0 - 0.5 || bx[i] + bw[i] > x1 + 0.5 || by[i] < y0 - 0.5 || by[i] + bh[i] > y1 + 0.5)
        return -1;
      *top = MIN (*top, by[i]);
      *bottom = MAX (*bottom, by[i] + bh[i]);
    }

  for (guint i = 0; i < n; i++)
    for (guint j = i + 1; j < n; j++)
      {
        double gap = ctx->f * 0.2;

        if (bx[i] < bx[j] + bw[j] + gap && bx[j] < bx[i] + bw[i] + gap &&
            by[i] < by[j] + bh[j] + gap && by[j] < by[i] + bh[i] + gap)
          return -1;
      }

  return r;
}

void
mizan_radar_geometry (MizanChartCtx      *ctx,
                      const MizanResults *results,
                      double              width,
                      double              height,
                      MizanRadarGeometry *g)
{
  MizanLegendItem items[2];
  double f = ctx->f;
  double m = f * 0.75;
  double x0, y0, x1, y1, min_radius, top = 0, bottom = 0, shift;
  double base_wrap = CLAMP (width * 0.22, f * 5, f * 12);
  const double wraps[] = { base_wrap, base_wrap * 0.8, base_wrap * 0.65 };

  legend_items (ctx, items);
  memset (g, 0, sizeof *g);
  g->direction = ctx->rtl ? -1 : 1;
  g->legend_height = mizan_chart_legend (ctx, items, G_N_ELEMENTS (items), m, m, width - 2 * m, FALSE);

  x0 = m;
  x1 = width - m;
  y0 = m + g->legend_height + f * 0.5;
  y1 = height - m;
  g->cx = (x0 + x1) / 2;
  g->cy = (y0 + y1) / 2;

  /* Titles read best, but not at the price of a tiny radar. */
  min_radius = MAX (f * 3, 0.25 * MIN (x1 - x0, y1 - y0));
  g->titles = FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (wraps) && !g->titles; i++)
    {
      double r = fit_labels (ctx, results, g, x0, y0, x1, y1, TRUE, wraps[i], &top, &bottom);

      if (r >= min_radius)
        {
          g->radius = r;
          g->titles = TRUE;
          g->label_wrap = wraps[i];
        }
    }
  if (!g->titles)
    {
      g->radius = fit_labels (ctx, results, g, x0, y0, x1, y1, FALSE, 0, &top, &bottom);
      if (g->radius <= 0)
        {
          g->radius = MAX (MIN (x1 - x0, y1 - y0) / 2 - f * 2, f);
          return;
        }
    }

  /* An odd number of domains leaves more room below than above (a triangle
   * points up): centre what is drawn, not the circle, and grow into the room. */
  shift = (y0 + y1) / 2 - (top + bottom) / 2;
  if (fabs (shift) >= 1)
    {
      double r;

      g->cy += shift;
      r = fit_labels (ctx, results, g, x0, y0, x1, y1, g->titles, g->label_wrap, &top, &bottom);
      if (r >= g->radius)
        g->radius = r;
      else
        g->cy -= shift;
    }
}

static void
point_at (const MizanRadarGeometry *g,
          guint                     i,
          guint                     n,
          double                    value,
          guint                     n_levels,
          double                   *x,
          double                   *y)
{
  double angle = mizan_radar_angle (g, i, n);
  double r = g->radius * CLAMP (value, 0, n_levels) / n_levels;

  *x = g->cx + r * cos (angle);
  *y = g->cy + r * sin (angle);
}

static void
ring_path (cairo_t                  *cr,
           const MizanRadarGeometry *g,
           guint                     n,
           double                    r)
{
  if (n < 3)
    {
      cairo_new_sub_path (cr);
      cairo_arc (cr, g->cx, g->cy, r, 0, 2 * G_PI);
      return;
    }
  for (guint i = 0; i < n; i++)
    {
      double angle = mizan_radar_angle (g, i, n);

      if (i == 0)
        cairo_move_to (cr, g->cx + r * cos (angle), g->cy + r * sin (angle));
      else
        cairo_line_to (cr, g->cx + r * cos (angle), g->cy + r * sin (angle));
    }
  cairo_close_path (cr);
}

/* The polygon through the applicable domains' values; returns how many points. */
static guint
value_path (cairo_t                  *cr,
            const MizanResults       *results,
            const MizanRadarGeometry *g,
            gboolean                  target)
{
  guint n_levels = mizan_framework_get_n_levels (results->framework);
  guint count = 0;

  cairo_new_path (cr);
  for (guint i = 0; i < results->n_domains; i++)
    {
      const MizanDomainResult *d = &results->domains[i];
      double x, y;

      if (!d->applicable)
        continue;
      point_at (g, i, results->n_domains, target ? d->target : d->index, n_levels, &x, &y);
      if (count++ == 0)
        cairo_move_to (cr, x, y);
      else
        cairo_line_to (cr, x, y);
    }
  if (count >= 3)
    cairo_close_path (cr);
  return count;
}

void
mizan_chart_draw_radar (cairo_t               *cr,
                        const MizanResults    *results,
                        double                 width,
                        double                 height,
                        const MizanChartStyle *style)
{
  MizanChartCtx ctx;
  MizanRadarGeometry g;
  MizanLegendItem items[2];
  const MizanChartPalette *pal;
  guint n, n_levels;
  double f, m;

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
  n = results->n_domains;
  n_levels = mizan_framework_get_n_levels (results->framework);

  mizan_chart_ctx_background (&ctx, width, height);
  mizan_radar_geometry (&ctx, results, width, height, &g);
  legend_items (&ctx, items);
  mizan_chart_legend (&ctx, items, G_N_ELEMENTS (items), m, m, width - 2 * m, TRUE);

  if (n == 0 || n_levels == 0)
    goto out;

  /* Rings at each level, the top one firmer: it is the scale's end. */
  for (guint l = 1; l <= n_levels; l++)
    {
      cairo_new_path (cr);
      ring_path (cr, &g, n, g.radius * l / n_levels);
      cairo_set_line_width (cr, l == n_levels ? 1.5 : 1.0);
      mizan_chart_set_color (cr, &pal->grid);
      cairo_stroke (cr);
    }

  for (guint i = 0; i < n; i++)
    {
      double x, y;

      point_at (&g, i, n, n_levels, n_levels, &x, &y);
      cairo_new_path (cr);
      cairo_move_to (cr, g.cx, g.cy);
      cairo_line_to (cr, x, y);
      cairo_save (cr);
      cairo_set_line_width (cr, 1.0);
      if (results->domains[i].applicable)
        {
          mizan_chart_set_color (cr, &pal->grid);
        }
      else
        {
          double dash[] = { 2, 3 };

          cairo_set_dash (cr, dash, 2, 0);
          mizan_chart_set_color (cr, &pal->dim);
        }
      cairo_stroke (cr);
      cairo_restore (cr);
    }

  /* Current: filled, solid. Target: dashed outline on top, so both stay
   * visible where they cross. */
  if (value_path (cr, results, &g, FALSE) >= 3)
    {
      mizan_chart_set_color (cr, &pal->current_fill);
      cairo_fill_preserve (cr);
    }
  cairo_set_line_width (cr, 2.5);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  mizan_chart_set_color (cr, &pal->current);
  cairo_stroke (cr);

  value_path (cr, results, &g, TRUE);
  cairo_save (cr);
  cairo_set_line_width (cr, 2.0);
  mizan_chart_set_target_dash (&ctx);
  mizan_chart_set_color (cr, &pal->target);
  cairo_stroke (cr);
  cairo_restore (cr);

  for (guint i = 0; i < n; i++)
    {
      const MizanDomainResult *d = &results->domains[i];
      double x, y;

      if (!d->applicable)
        continue;
      point_at (&g, i, n, d->target, n_levels, &x, &y);
      mizan_chart_marker_target (&ctx, x, y);
    }
  for (guint i = 0; i < n; i++)
    {
      const MizanDomainResult *d = &results->domains[i];
      double x, y;

      if (!d->applicable)
        continue;
      point_at (&g, i, n, d->index, n_levels, &x, &y);
      mizan_chart_marker_current (&ctx, x, y);
    }

  /* Level numbers on the rings, between the first axis and the one before
   * it, where no value is marked; they turn with the chart when mirrored. */
  for (guint l = 1; l <= n_levels; l++)
    {
      g_autofree char *text = g_strdup_printf ("%u", l);
      g_autoptr(PangoLayout) layout = mizan_chart_layout (&ctx, text, 0.75, FALSE, 0, 1, PANGO_ALIGN_LEFT);
      double angle = mizan_radar_angle (&g, 0, n) - g.direction * G_PI / MAX (n, 1);
      double r = g.radius * l / n_levels * (n >= 3 ? cos (G_PI / n) : 1);
      double x = g.cx + r * cos (angle), y = g.cy + r * sin (angle);
      double tw, th;

      mizan_chart_layout_size (layout, &tw, &th);
      if (!ctx.transparent)
        {
          MizanChartColor halo = pal->background;

          halo.alpha = 0.85;
          cairo_new_path (cr);
          cairo_rectangle (cr, x - tw / 2 - 2, y - th / 2, tw + 4, th);
          mizan_chart_set_color (cr, &halo);
          cairo_fill (cr);
        }
      mizan_chart_show_layout (&ctx, layout, x - tw / 2, y - th / 2, &pal->dim);
    }

  for (guint i = 0; i < n; i++)
    {
      const MizanDomainResult *d = &results->domains[i];
      double angle = mizan_radar_angle (&g, i, n);
      g_autoptr(PangoLayout) layout = radar_label (&ctx, d, g.titles, g.label_wrap, angle);
      double w, h, x, y;

      mizan_chart_layout_size (layout, &w, &h);
      label_box (g.cx, g.cy, g.radius + f * 0.5, angle, w, h, &x, &y);
      mizan_chart_show_layout (&ctx, layout, x, y, d->applicable ? &pal->foreground : &pal->dim);
    }

out:
  mizan_chart_ctx_clear (&ctx);
  cairo_restore (cr);
}

char *
mizan_chart_describe_radar (const MizanResults *results)
{
  GString *text;
  guint n_levels;

  g_return_val_if_fail (results != NULL, NULL);

  n_levels = mizan_framework_get_n_levels (results->framework);
  text = g_string_new (NULL);
  g_string_append_printf (text,
                          /* Translators: the accessible description of the radar chart; %u is the top level */
                          _("Radar chart of the maturity index of each domain, current against target, on a scale from 0 to %u."),
                          n_levels);
  for (guint i = 0; i < results->n_domains; i++)
    {
      const MizanDomainResult *d = &results->domains[i];
      const char *title = mizan_text_localized (d->domain->title);

      g_string_append_c (text, ' ');
      if (d->applicable)
        {
          g_autofree char *index = mizan_chart_format_index (d->index);
          g_autofree char *target = mizan_chart_format_index (d->target);

          /* Translators: domain title, current index, target, e.g. "Governance: 2.4 of target 3.0." */
          g_string_append_printf (text, _("%s: %s of target %s."), title, index, target);
        }
      else
        {
          /* Translators: a domain none of whose practices apply */
          g_string_append_printf (text, _("%s: not applicable."), title);
        }
    }
  return g_string_free (text, FALSE);
}
