/* mizan-map.c — the OIC member states coloured by a figure, drawn by librsvg from data/oic-map.svg
 * The map is made once (build-aux/make-oic-map.py); each draw gives librsvg a stylesheet with the colours. */

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <librsvg/rsvg.h>

#include "mizan-benchmark-charts.h"
#include "mizan-chart-private.h"
#include "mizan-render-resources.h"

/* librsvg 2.54 declares none. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RsvgHandle, g_object_unref)

#define MAP_RESOURCE "/org/comstech/Mizan/render/oic-map.svg"

typedef struct {
  const char *other;        /* countries that are not member states */
  const char *no_data;
  const char *outline;
  const char *low;          /* the colour scale's ends */
  const char *high;
  const char *hatch_back;
  const char *hatch;
} MapColors;

static const MapColors light_colors = {
  "#deddda", "#f6f5f4", "#ffffff", "#c6dcf6", "#1a4f96", "#ffffff", "#9a9996",
};
static const MapColors dark_colors = {
  "#3d3846", "#5e5c64", "#1e1e1e", "#1c3f6b", "#b5d3f7", "#1e1e1e", "#9a9996",
};

static const MapColors *
map_colors (const MizanChartStyle *style)
{
  return style != NULL && style->dark ? &dark_colors : &light_colors;
}

static void
parse_hex (const char      *hex,
           MizanChartColor *color)
{
  guint value = (guint) g_ascii_strtoull (hex + 1, NULL, 16);

  color->red = (value >> 16 & 0xff) / 255.0;
  color->green = (value >> 8 & 0xff) / 255.0;
  color->blue = (value & 0xff) / 255.0;
  color->alpha = 1.0;
}

/* @t in 0..1 along the scale, interpolated in sRGB: both ends are blues, so
 * the steps in between stay blues too. */
static void
scale_color (const MapColors *colors,
             double           t,
             MizanChartColor *color)
{
  MizanChartColor a, b;

  parse_hex (colors->low, &a);
  parse_hex (colors->high, &b);
  t = CLAMP (t, 0.0, 1.0);
  color->red = a.red + (b.red - a.red) * t;
  color->green = a.green + (b.green - a.green) * t;
  color->blue = a.blue + (b.blue - a.blue) * t;
  color->alpha = 1.0;
}

static gboolean
is_country_code (const char *code)
{
  return code != NULL && strlen (code) == 3 &&
         g_ascii_isupper (code[0]) && g_ascii_isupper (code[1]) && g_ascii_isupper (code[2]);
}

char *
mizan_map_stylesheet (const MizanMapCountry *countries,
                      guint                  n_countries,
                      double                 low,
                      double                 high,
                      const MizanChartStyle *style)
{
  const MapColors *c = map_colors (style);
  GString *css = g_string_new (NULL);

  g_string_append_printf (css,
                          ".other { fill: %s; stroke: %s; stroke-width: 0.4; }\n"
                          ".oic { fill: %s; stroke: %s; stroke-width: 0.6; }\n"
                          ".dot { fill: %s; stroke: %s; stroke-width: 1.2; }\n"
                          ".hatch-back { fill: %s; }\n"
                          ".hatch { stroke: %s; stroke-width: 1; }\n",
                          c->other, c->outline, c->no_data, c->outline, c->no_data, c->outline,
                          c->hatch_back, c->hatch);

  for (guint i = 0; i < n_countries; i++)
    {
      const MizanMapCountry *country = &countries[i];

      /* The codes come from the server: only three capitals go into CSS. */
      if (!is_country_code (country->country))
        continue;
      if (country->state == MIZAN_MAP_SUPPRESSED)
        g_string_append_printf (css, "#%s, .c-%s { fill: url(#suppressed); }\n",
                                country->country, country->country);
      else if (country->state == MIZAN_MAP_VALUE)
        {
          MizanChartColor color;

          scale_color (c, high > low ? (country->value - low) / (high - low) : 1.0, &color);
          g_string_append_printf (css, "#%s, .c-%s { fill: #%02x%02x%02x; }\n",
                                  country->country, country->country,
                                  (int) round (color.red * 255), (int) round (color.green * 255),
                                  (int) round (color.blue * 255));
        }
    }
  return g_string_free (css, FALSE);
}

static RsvgHandle *
load_map (GError **error)
{
  g_autoptr(GBytes) bytes = g_resource_lookup_data (mizan_render_get_resource (), MAP_RESOURCE,
                                                    G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  gsize size;
  const guint8 *data;

  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &size);
  return rsvg_handle_new_from_data (data, size, error);
}

double
mizan_map_get_aspect (void)
{
  static double aspect = 0;

  if (aspect == 0)
    {
      g_autoptr(RsvgHandle) handle = load_map (NULL);
      double w = 0, h = 0;

      if (handle != NULL && rsvg_handle_get_intrinsic_size_in_pixels (handle, &w, &h) && h > 0)
        aspect = w / h;
      else
        aspect = 2.3;
    }
  return aspect;
}

static double
legend_height (MizanChartCtx *ctx)
{
  return ctx->f * 4.2;
}

static void
draw_legend (MizanChartCtx         *ctx,
             const MizanMapCountry *countries,
             guint                  n_countries,
             double                 low,
             double                 high,
             const char            *title,
             double                 top,
             double                 width,
             const MapColors       *colors)
{
  cairo_t *cr = ctx->cr;
  double f = ctx->f, m = f * 0.75;
  double bar_w = MIN (width * 0.35, f * 16), bar_h = f * 0.8;
  double dir = ctx->rtl ? -1 : 1;
  double x = ctx->rtl ? width - m : m;
  double y = top + f * 0.5;
  g_autoptr(PangoLayout) title_layout = mizan_chart_layout (ctx, title, 0.9, TRUE, width - 2 * m, 1,
                                                            ctx->rtl ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
  g_autofree char *low_text = g_strdup_printf ("%.1f", low);
  g_autofree char *high_text = g_strdup_printf ("%.1f", high);
  g_autoptr(PangoLayout) low_layout = mizan_chart_layout (ctx, low_text, 0.8, FALSE, 0, 1, PANGO_ALIGN_LEFT);
  g_autoptr(PangoLayout) high_layout = mizan_chart_layout (ctx, high_text, 0.8, FALSE, 0, 1, PANGO_ALIGN_LEFT);
  g_autoptr(PangoLayout) hatch_layout = mizan_chart_layout (ctx, _("Too few submissions to show"), 0.85, FALSE,
                                                            0, 1, PANGO_ALIGN_LEFT);
  g_autoptr(PangoLayout) none_layout = mizan_chart_layout (ctx, _("No figures"), 0.85, FALSE, 0, 1,
                                                           PANGO_ALIGN_LEFT);
  cairo_pattern_t *gradient;
  MizanChartColor a, b, hatch_color, back;
  double tw, th, lw, lh, hw, hh;
  gboolean any_value = FALSE, any_none = FALSE;

  for (guint i = 0; i < n_countries; i++)
    {
      any_value |= countries[i].state == MIZAN_MAP_VALUE;
      any_none |= countries[i].state == MIZAN_MAP_NO_DATA;
    }

  mizan_chart_layout_size (title_layout, &tw, &th);
  mizan_chart_show_layout (ctx, title_layout, ctx->rtl ? width - m - tw : m, y, &ctx->palette.foreground);
  y += th + f * 0.4;

  if (any_value)
    {
      double bx = ctx->rtl ? x - bar_w : x;

      scale_color (colors, 0, &a);
      scale_color (colors, 1, &b);
      gradient = cairo_pattern_create_linear (ctx->rtl ? bx + bar_w : bx, 0, ctx->rtl ? bx : bx + bar_w, 0);
      cairo_pattern_add_color_stop_rgb (gradient, 0, a.red, a.green, a.blue);
      cairo_pattern_add_color_stop_rgb (gradient, 1, b.red, b.green, b.blue);
      cairo_rectangle (cr, bx, y, bar_w, bar_h);
      cairo_set_source (cr, gradient);
      cairo_fill (cr);
      cairo_pattern_destroy (gradient);

      mizan_chart_layout_size (low_layout, &lw, &lh);
      mizan_chart_layout_size (high_layout, &hw, &hh);
      mizan_chart_show_layout (ctx, low_layout, ctx->rtl ? x - lw : x, y + bar_h + 2, &ctx->palette.dim);
      mizan_chart_show_layout (ctx, high_layout, ctx->rtl ? x - bar_w : x + bar_w - hw, y + bar_h + 2,
                               &ctx->palette.dim);
      x += dir * (bar_w + f * 1.5);
    }

  /* The hatched swatch, as the map draws a suppressed member state. */
  parse_hex (colors->hatch, &hatch_color);
  parse_hex (colors->hatch_back, &back);
  {
    double sx = ctx->rtl ? x - f * 1.6 : x;

    cairo_rectangle (cr, sx, y, f * 1.6, bar_h);
    mizan_chart_set_color (cr, &back);
    cairo_fill (cr);
    mizan_chart_hatch (ctx, sx, y, f * 1.6, bar_h, &hatch_color);
    cairo_rectangle (cr, sx + 0.5, y + 0.5, f * 1.6 - 1, bar_h - 1);
    cairo_set_line_width (cr, 1);
    mizan_chart_set_color (cr, &ctx->palette.grid);
    cairo_stroke (cr);
    x += dir * (f * 1.6 + f * 0.4);
    mizan_chart_layout_size (hatch_layout, &tw, &th);
    mizan_chart_show_layout (ctx, hatch_layout, ctx->rtl ? x - tw : x, y + bar_h / 2 - th / 2,
                             &ctx->palette.foreground);
    x += dir * (tw + f * 1.5);
  }

  if (any_none)
    {
      double sx = ctx->rtl ? x - f * 1.6 : x;
      MizanChartColor none;

      parse_hex (colors->no_data, &none);
      cairo_rectangle (cr, sx, y, f * 1.6, bar_h);
      mizan_chart_set_color (cr, &none);
      cairo_fill_preserve (cr);
      mizan_chart_set_color (cr, &ctx->palette.grid);
      cairo_stroke (cr);
      x += dir * (f * 1.6 + f * 0.4);
      mizan_chart_layout_size (none_layout, &tw, &th);
      mizan_chart_show_layout (ctx, none_layout, ctx->rtl ? x - tw : x, y + bar_h / 2 - th / 2,
                               &ctx->palette.foreground);
    }
}

gboolean
mizan_map_draw (cairo_t               *cr,
                const MizanMapCountry *countries,
                guint                  n_countries,
                double                 low,
                double                 high,
                const char            *legend_title,
                double                 width,
                double                 height,
                const MizanChartStyle *style,
                GError               **error)
{
  g_autoptr(RsvgHandle) handle = NULL;
  g_autofree char *css = NULL;
  MizanChartCtx ctx;
  RsvgRectangle viewport;
  double aspect = mizan_map_get_aspect ();
  double map_w, map_h, legend;
  gboolean ok;

  g_return_val_if_fail (cr != NULL, FALSE);

  handle = load_map (error);
  if (handle == NULL)
    {
      g_prefix_error (error, _("Cannot load the member-state map: "));
      return FALSE;
    }
  css = mizan_map_stylesheet (countries, n_countries, low, high, style);
  if (!rsvg_handle_set_stylesheet (handle, (const guint8 *) css, strlen (css), error))
    return FALSE;

  cairo_save (cr);
  mizan_chart_ctx_init (&ctx, cr, style);
  mizan_chart_ctx_background (&ctx, width, height);
  legend = legend_height (&ctx);
  map_w = width;
  map_h = map_w / aspect;
  if (map_h > height - legend)
    {
      map_h = MAX (height - legend, 1);
      map_w = map_h * aspect;
    }
  /* A map is not mirrored in right-to-left: only its legend is. */
  viewport = (RsvgRectangle) { (width - map_w) / 2, 0, map_w, map_h };
  ok = rsvg_handle_render_document (handle, cr, &viewport, error);
  if (ok)
    draw_legend (&ctx, countries, n_countries, low, high, legend_title ? legend_title : "",
                 map_h, width, map_colors (style));
  mizan_chart_ctx_clear (&ctx);
  cairo_restore (cr);
  return ok;
}

char *
mizan_map_describe (const MizanMapCountry *countries,
                    guint                  n_countries,
                    const char            *legend_title)
{
  GString *text = g_string_new (NULL);
  guint shown = 0, suppressed = 0;

  for (guint i = 0; i < n_countries; i++)
    {
      if (countries[i].state == MIZAN_MAP_VALUE)
        shown++;
      else if (countries[i].state == MIZAN_MAP_SUPPRESSED)
        suppressed++;
    }
  /* Translators: the map's description; %s is the figure, such as "Mean maturity index" */
  g_string_append_printf (text, _("Map of the OIC member states coloured by %s."), legend_title);
  g_string_append_c (text, ' ');
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u member state has figures",
                                             "%u member states have figures", shown), shown);
  g_string_append (text, "; ");
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u has fewer than k submissions.",
                                             "%u have fewer than k submissions.", suppressed), suppressed);
  for (guint i = 0; i < n_countries; i++)
    if (countries[i].state == MIZAN_MAP_VALUE)
      g_string_append_printf (text, " %s %.2f.", countries[i].country, countries[i].value);
  return g_string_free (text, FALSE);
}
