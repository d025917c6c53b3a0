/* mizan-chart-heatmap.c — capability × level heat map: passed, partly met, not met or not assessed
 * Rows are capabilities under their domain, columns levels 1..L; the target cell is outlined. */

#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "mizan-chart-private.h"

#define CAP_ROW 1.9        /* × the base font size */
#define DOMAIN_ROW 2.2
#define HEADER 2.7
#define LABEL_SCALE 0.88

#define MAX_LEGEND_ITEMS 6

/* Returns the number of items; "Not assessed" only while some practice is
 * unanswered, so a finished assessment's map keeps its legend. */
static guint
legend_items (MizanChartCtx      *ctx,
              const MizanResults *results,
              MizanLegendItem     items[MAX_LEGEND_ITEMS])
{
  guint n = 0;

  items[n++] = (MizanLegendItem) { MIZAN_LEGEND_PASSED, mizan_chart_ctx_gettext (ctx, N_("Passed")) };
  items[n++] = (MizanLegendItem) { MIZAN_LEGEND_PARTLY, mizan_chart_ctx_gettext (ctx, N_("Partly met")) };
  items[n++] = (MizanLegendItem) { MIZAN_LEGEND_NOT_MET, mizan_chart_ctx_gettext (ctx, N_("Not met")) };
  if (results->answered < results->total)
    items[n++] = (MizanLegendItem) { MIZAN_LEGEND_NOT_ASSESSED, mizan_chart_ctx_gettext (ctx, N_("Not assessed")) };
  items[n++] = (MizanLegendItem) { MIZAN_LEGEND_NOT_APPLICABLE, mizan_chart_ctx_gettext (ctx, N_("Not applicable")) };
  items[n++] = (MizanLegendItem) { MIZAN_LEGEND_TARGET_CELL, mizan_chart_ctx_gettext (ctx, N_("Target level")) };
  return n;
}

/* Widths of the id and title columns of the capability labels. */
static void
label_widths (MizanChartCtx      *ctx,
              const MizanResults *results,
              double             *id_width,
              double             *title_width)
{
  *id_width = 0;
  *title_width = 0;
  for (guint i = 0; i < results->n_capabilities; i++)
    {
      const MizanCapability *cap = results->capabilities[i].capability;
      g_autoptr(PangoLayout) id = mizan_chart_layout (ctx, cap->id, LABEL_SCALE, FALSE, 0, 1, PANGO_ALIGN_LEFT);
      g_autoptr(PangoLayout) title = mizan_chart_layout (ctx, mizan_chart_ctx_text (ctx, cap->title),
                                                         LABEL_SCALE, FALSE, 0, 1, PANGO_ALIGN_LEFT);
      double w;

      mizan_chart_layout_size (id, &w, NULL);
      *id_width = MAX (*id_width, ceil (w));
      mizan_chart_layout_size (title, &w, NULL);
      *title_width = MAX (*title_width, ceil (w));
    }
}

static void
layout_at (MizanChartCtx        *ctx,
           const MizanResults   *results,
           double                width,
           MizanHeatMapGeometry *g)
{
  MizanLegendItem items[MAX_LEGEND_ITEMS];
  guint n_items;
  guint n_levels = MAX (mizan_framework_get_n_levels (results->framework), 1);
  double f = ctx->f, m = f * 0.75, space = f * 0.75;
  double available = MAX (width - 2 * m, f);
  double id_w, title_w, y;

  g->cell_width = CLAMP (available * 0.5 / n_levels, f * 2.6, f * 6.5);
  label_widths (ctx, results, &id_w, &title_w);
  g->label_width = MIN (id_w + f * 0.6 + title_w, available - space - n_levels * g->cell_width);
  g->label_width = MAX (g->label_width, MIN (f * 4, available * 0.3));
  if (g->label_width + space + n_levels * g->cell_width > available)
    g->cell_width = MAX ((available - space - g->label_width) / n_levels, f * 1.5);

  if (ctx->rtl)
    {
      g->label_x = width - m - g->label_width;
      g->cells_x = g->label_x - space - n_levels * g->cell_width;
    }
  else
    {
      g->label_x = m;
      g->cells_x = m + g->label_width + space;
    }
  g->cell_height = f * CAP_ROW;

  n_items = legend_items (ctx, results, items);
  y = m + mizan_chart_legend (ctx, items, n_items, m, m, width - 2 * m, FALSE) + f * 0.5;
  g->header_top = y;
  y += f * HEADER;

  g->row_top = g_new0 (double, MAX (results->n_capabilities, 1));
  g->domain_top = g_new0 (double, MAX (results->n_domains, 1));
  for (guint d = 0; d < results->n_domains; d++)
    {
      const MizanDomain *domain = results->domains[d].domain;

      g->domain_top[d] = y;
      y += f * DOMAIN_ROW;
      for (guint c = 0; c < domain->n_capabilities; c++)
        {
          guint index = domain->capabilities[c]->index;

          if (index < results->n_capabilities)
            g->row_top[index] = y;
          y += g->cell_height;
        }
    }
  g->height = y + m;
}

void
mizan_heat_map_geometry (MizanChartCtx        *ctx,
                         const MizanResults   *results,
                         double                width,
                         double                height,
                         MizanHeatMapGeometry *g)
{
  memset (g, 0, sizeof *g);
  g->scale = 1;
  layout_at (ctx, results, width, g);
  if (height < g->height)
    {
      double scale = height / g->height;

      /* Shrink everything alike so labels keep their place beside the cells;
       * the wider space may wrap the legend differently, so lay out again. */
      g_free (g->row_top);
      g_free (g->domain_top);
      layout_at (ctx, results, width / scale, g);
      g->scale = MIN (scale, height / g->height);
    }
}

double
mizan_heat_map_cell_x (MizanChartCtx              *ctx,
                       const MizanHeatMapGeometry *g,
                       const MizanResults         *results,
                       guint                       level)
{
  guint n_levels = MAX (mizan_framework_get_n_levels (results->framework), 1);

  if (ctx->rtl)
    return g->cells_x + (n_levels - level) * g->cell_width;
  return g->cells_x + (level - 1) * g->cell_width;
}

static void
draw_cell (MizanChartCtx   *ctx,
           const MizanCell *cell,
           double           x,
           double           y,
           double           w,
           double           h)
{
  cairo_t *cr = ctx->cr;
  const MizanChartPalette *pal = &ctx->palette;
  double inset = 1.5;
  double cx = x + inset, cy = y + inset, cw = w - 2 * inset, ch = h - 2 * inset;

  cairo_new_path (cr);
  switch (cell->state)
    {
    case MIZAN_CELL_PASSED:
      cairo_rectangle (cr, cx, cy, cw, ch);
      mizan_chart_set_color (cr, &pal->passed);
      cairo_fill (cr);
      mizan_chart_check_mark (ctx, x + w / 2, y + h / 2, MIN (ch * 0.7, ctx->f * 1.1), &pal->on_passed);
      break;

    case MIZAN_CELL_PARTLY:
    case MIZAN_CELL_NOT_MET:
      {
        gboolean partly = cell->state == MIZAN_CELL_PARTLY;

        cairo_rectangle (cr, cx, cy, cw, ch);
        mizan_chart_set_color (cr, partly ? &pal->partly : &pal->not_met);
        cairo_fill (cr);
        if (partly && cell->applicable > 0)
          {
            /* The share that passes, as a bar from the start side. */
            double share = (double) cell->passing / cell->applicable;
            double bh = MAX (3, ch * 0.14);

            cairo_rectangle (cr, ctx->rtl ? cx + cw * (1 - share) : cx, cy + ch - bh, cw * share, bh);
            mizan_chart_set_color (cr, &pal->passed);
            cairo_fill (cr);
          }
        if (cell->applicable > 0)
          {
            /* Translators: practices passing of those applicable at a level, in a heat map cell, e.g. "2/3" */
            g_autofree char *text = g_strdup_printf (C_("heat-map", "%u/%u"), cell->passing, cell->applicable);
            g_autoptr(PangoLayout) layout = mizan_chart_layout (ctx, text, 0.78, FALSE, 0, 1, PANGO_ALIGN_LEFT);
            double tw, th;

            mizan_chart_layout_size (layout, &tw, &th);
            if (tw + 4 <= cw)
              mizan_chart_show_layout (ctx, layout, x + (w - tw) / 2, y + (h - th) / 2 - (partly ? 1 : 0),
                                       partly ? &pal->foreground : &pal->dim);
          }
      }
      break;

    case MIZAN_CELL_NOT_ASSESSED:
      mizan_chart_not_assessed_cell (ctx, cx, cy, cw, ch);
      break;

    case MIZAN_CELL_NOT_APPLICABLE:
    default:
      {
        MizanChartColor hatch = pal->dim;

        hatch.alpha *= 0.55;
        mizan_chart_hatch (ctx, cx, cy, cw, ch, &hatch);
      }
      break;
    }
}

void
mizan_chart_draw_heat_map (cairo_t               *cr,
                           const MizanResults    *results,
                           const MizanStatus     *statuses,
                           double                 width,
                           double                 height,
                           const MizanChartStyle *style)
{
  MizanChartCtx ctx;
  MizanHeatMapGeometry g;
  MizanLegendItem items[MAX_LEGEND_ITEMS];
  guint n_items;
  const MizanChartPalette *pal;
  guint n_levels;
  double f, m, w, id_w, title_w;

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
  n_levels = mizan_framework_get_n_levels (results->framework);

  mizan_chart_ctx_background (&ctx, width, height);
  mizan_heat_map_geometry (&ctx, results, width, height, &g);
  if (g.scale != 1)
    {
      cairo_scale (cr, g.scale, g.scale);
      mizan_chart_ctx_update (&ctx);
    }
  w = width / g.scale;

  n_items = legend_items (&ctx, results, items);
  mizan_chart_legend (&ctx, items, n_items, m, m, w - 2 * m, TRUE);

  /* Column headers: the level number, and its name when it fits. */
  for (guint l = 1; l <= n_levels; l++)
    {
      const MizanLevel *level = mizan_framework_get_level (results->framework, l);
      double x = mizan_heat_map_cell_x (&ctx, &g, results, l);
      g_autofree char *number = g_strdup_printf ("%u", l);
      g_autoptr(PangoLayout) num = mizan_chart_layout (&ctx, number, 0.9, TRUE, 0, 1, PANGO_ALIGN_LEFT);
      g_autoptr(PangoLayout) name = mizan_chart_layout (&ctx, level != NULL ? mizan_chart_ctx_text (&ctx, level->name) : "",
                                                        0.72, FALSE, g.cell_width - 2, 1, PANGO_ALIGN_CENTER);
      double tw, th, nw, nh;

      mizan_chart_layout_size (num, &tw, &th);
      mizan_chart_layout_size (name, &nw, &nh);
      mizan_chart_show_layout (&ctx, num, x + (g.cell_width - tw) / 2,
                               g.header_top + f * HEADER - f * 0.3 - nh - th, &pal->foreground);
      mizan_chart_show_layout (&ctx, name, x + (g.cell_width - nw) / 2,
                               g.header_top + f * HEADER - f * 0.3 - nh, &pal->dim);
    }

  label_widths (&ctx, results, &id_w, &title_w);
  id_w = MIN (id_w, g.label_width * 0.4);

  for (guint d = 0; d < results->n_domains; d++)
    {
      const MizanDomainResult *dr = &results->domains[d];
      const MizanDomain *domain = dr->domain;
      g_autoptr(PangoLayout) heading = mizan_chart_layout (&ctx, mizan_chart_ctx_text (&ctx, domain->title),
                                                           0.95, TRUE, w - 2 * m, 1,
                                                           ctx.rtl ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
      double hw, hh;
      double top = g.domain_top[d];

      if (d > 0)
        {
          cairo_new_path (cr);
          cairo_move_to (cr, m, round (top) + 0.5);
          cairo_line_to (cr, w - m, round (top) + 0.5);
          cairo_set_line_width (cr, 1.0);
          mizan_chart_set_color (cr, &pal->grid);
          cairo_stroke (cr);
        }
      mizan_chart_layout_size (heading, &hw, &hh);
      mizan_chart_show_layout (&ctx, heading, ctx.rtl ? w - m - hw : m,
                               top + f * DOMAIN_ROW - hh - f * 0.25,
                               dr->applicable ? &pal->foreground : &pal->dim);

      for (guint c = 0; c < domain->n_capabilities; c++)
        {
          guint index = domain->capabilities[c]->index;
          const MizanCapabilityResult *cap_result;
          const MizanCapability *cap;
          const MizanChartColor *color;
          g_autoptr(PangoLayout) id = NULL;
          g_autoptr(PangoLayout) title = NULL;
          double title_width = MAX (g.label_width - id_w - f * 0.6, f);
          double y, iw, ih, tw, th;

          if (index >= results->n_capabilities)
            continue;
          cap_result = &results->capabilities[index];
          cap = cap_result->capability;
          y = g.row_top[index];
          color = cap_result->applicable ? &pal->foreground : &pal->dim;
          id = mizan_chart_layout (&ctx, cap->id, LABEL_SCALE, FALSE, id_w, 1, PANGO_ALIGN_LEFT);
          title = mizan_chart_layout (&ctx, mizan_chart_ctx_text (&ctx, cap->title), LABEL_SCALE, FALSE,
                                      title_width, 1, ctx.rtl ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);

          mizan_chart_layout_size (id, &iw, &ih);
          mizan_chart_layout_size (title, &tw, &th);
          if (ctx.rtl)
            {
              mizan_chart_show_layout (&ctx, id, g.label_x + g.label_width - iw,
                                       y + (g.cell_height - ih) / 2, &pal->dim);
              mizan_chart_show_layout (&ctx, title, g.label_x + g.label_width - id_w - f * 0.6 - tw,
                                       y + (g.cell_height - th) / 2, color);
            }
          else
            {
              mizan_chart_show_layout (&ctx, id, g.label_x, y + (g.cell_height - ih) / 2, &pal->dim);
              mizan_chart_show_layout (&ctx, title, g.label_x + id_w + f * 0.6,
                                       y + (g.cell_height - th) / 2, color);
            }

          if (!cap_result->applicable)
            {
              g_autoptr(PangoLayout) na = mizan_chart_layout (&ctx, mizan_chart_ctx_gettext (&ctx, N_("Not applicable")), 0.8, FALSE,
                                                              n_levels * g.cell_width, 1, PANGO_ALIGN_LEFT);
              double span = n_levels * g.cell_width;

              cairo_new_path (cr);
              cairo_rectangle (cr, g.cells_x + 1.5, y + 1.5, span - 3, g.cell_height - 3);
              mizan_chart_set_color (cr, &pal->not_met);
              cairo_fill (cr);
              mizan_chart_layout_size (na, &tw, &th);
              mizan_chart_show_layout (&ctx, na, g.cells_x + (span - tw) / 2,
                                       y + (g.cell_height - th) / 2, &pal->dim);
              continue;
            }

          for (guint l = 1; l <= n_levels; l++)
            {
              MizanCell cell;

              mizan_chart_heat_cell (results, cap_result, statuses, l, &cell);
              draw_cell (&ctx, &cell, mizan_heat_map_cell_x (&ctx, &g, results, l), y,
                         g.cell_width, g.cell_height);
            }

          if (cap_result->target >= 1 && cap_result->target <= n_levels)
            {
              double x = mizan_heat_map_cell_x (&ctx, &g, results, cap_result->target);

              cairo_save (cr);
              cairo_new_path (cr);
              cairo_rectangle (cr, x + 1, y + 1, g.cell_width - 2, g.cell_height - 2);
              cairo_set_line_width (cr, 2.0);
              mizan_chart_set_target_dash (&ctx);
              mizan_chart_set_color (cr, &pal->target);
              cairo_stroke (cr);
              cairo_restore (cr);
            }
        }
    }

  g_free (g.row_top);
  g_free (g.domain_top);
  mizan_chart_ctx_clear (&ctx);
  cairo_restore (cr);
}

static void
append_level (GString *list,
              guint    level)
{
  if (list->len > 0)
    g_string_append (list, ", ");
  g_string_append_printf (list, "%u", level);
}

/* Appends a sentence after a space, unless @list is empty. */
static void G_GNUC_PRINTF (3, 4)
append_sentence (GString       *text,
                 const GString *list,
                 const char    *format,
                 ...)
{
  va_list args;

  if (list->len == 0)
    return;
  g_string_append_c (text, ' ');
  va_start (args, format);
  g_string_append_vprintf (text, format, args);
  va_end (args);
}

char *
mizan_chart_describe_heat_map (const MizanResults *results,
                               const MizanStatus  *statuses)
{
  GString *text;
  guint n_levels;

  g_return_val_if_fail (results != NULL, NULL);

  n_levels = mizan_framework_get_n_levels (results->framework);
  text = g_string_new (NULL);
  g_string_append_printf (text,
                          /* Translators: the accessible description of the heat map; %u is the top level */
                          _("Heat map of each capability by level, from 1 to %u. A level is passed when all its applicable practices are fully or largely implemented."),
                          n_levels);

  for (guint i = 0; i < results->n_capabilities; i++)
    {
      const MizanCapabilityResult *cr = &results->capabilities[i];
      const MizanCapability *cap = cr->capability;
      const char *title = mizan_text_localized (cap->title);
      g_autoptr(GString) passed = g_string_new (NULL);
      g_autoptr(GString) partly = g_string_new (NULL);
      g_autoptr(GString) not_met = g_string_new (NULL);
      g_autoptr(GString) not_assessed = g_string_new (NULL);
      g_autoptr(GString) na = g_string_new (NULL);

      g_string_append_c (text, ' ');
      if (!cr->applicable)
        {
          /* Translators: capability id and title */
          g_string_append_printf (text, _("%s %s: not applicable."), cap->id, title);
          continue;
        }

      if (cr->provisional)
        g_string_append_printf (text,
                                /* Translators: capability id and title, its level, its target
                                 * level and the count of practices up to the target not yet answered */
                                g_dngettext (GETTEXT_PACKAGE,
                                             "%s %s: level %u (provisional, %u practice not assessed), target %u.",
                                             "%s %s: level %u (provisional, %u practices not assessed), target %u.",
                                             cr->unassessed),
                                cap->id, title, cr->level, cr->unassessed, cr->target);
      else
        /* Translators: capability id and title, its level and its target level */
        g_string_append_printf (text, _("%s %s: level %u, target %u."), cap->id, title, cr->level, cr->target);
      for (guint l = 1; l <= n_levels; l++)
        {
          MizanCell cell;

          mizan_chart_heat_cell (results, cr, statuses, l, &cell);
          switch (cell.state)
            {
            case MIZAN_CELL_PASSED:
              append_level (passed, l);
              break;
            case MIZAN_CELL_PARTLY:
              append_level (partly, l);
              g_string_append (partly, " (");
              /* Translators: practices passing of those applicable at a level */
              g_string_append_printf (partly, g_dngettext (GETTEXT_PACKAGE, "%u of %u practice", "%u of %u practices",
                                                           cell.applicable),
                                      cell.passing, cell.applicable);
              g_string_append_c (partly, ')');
              break;
            case MIZAN_CELL_NOT_MET:
              append_level (not_met, l);
              break;
            case MIZAN_CELL_NOT_ASSESSED:
              append_level (not_assessed, l);
              break;
            case MIZAN_CELL_NOT_APPLICABLE:
            default:
              append_level (na, l);
              break;
            }
        }
      append_sentence (text, passed, _("Levels passed: %s."), passed->str);
      append_sentence (text, partly, _("Levels partly met: %s."), partly->str);
      append_sentence (text, not_met, _("Levels not met: %s."), not_met->str);
      append_sentence (text, not_assessed, _("Levels not assessed yet: %s."), not_assessed->str);
      append_sentence (text, na, _("Levels with no applicable practice: %s."), na->str);
    }
  return g_string_free (text, FALSE);
}
