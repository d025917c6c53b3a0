/* test-charts.c — the radar, gap bars and heat map, checked by their pixels
 * Each chart is drawn on an image surface; samples prove what a reader would see. */

#include "config.h"

#include <math.h>
#include <string.h>

#include "mizan-chart-private.h"
#include "render-fixture.h"

typedef struct {
  double r, g, b, a;
} Pixel;

static cairo_surface_t *
render (MizanChartKind         kind,
        const Fixture         *fx,
        const MizanStatus     *statuses,
        int                    width,
        int                    height,
        const MizanChartStyle *style)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);

  mizan_chart_draw (kind, cr, fx->results, statuses, width, height, style);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static Pixel
pixel_at (cairo_surface_t *surface,
          double           x,
          double           y)
{
  int ix = (int) floor (x), iy = (int) floor (y);
  const unsigned char *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint32 v;
  Pixel p;

  g_assert_cmpint (ix, >=, 0);
  g_assert_cmpint (iy, >=, 0);
  g_assert_cmpint (ix, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (iy, <, cairo_image_surface_get_height (surface));

  memcpy (&v, data + iy * stride + 4 * ix, sizeof v);
  p.a = (v >> 24) / 255.0;
  /* ARGB32 is premultiplied */
  p.r = p.a > 0 ? ((v >> 16) & 0xff) / 255.0 / p.a : 0;
  p.g = p.a > 0 ? ((v >> 8) & 0xff) / 255.0 / p.a : 0;
  p.b = p.a > 0 ? (v & 0xff) / 255.0 / p.a : 0;
  return p;
}

/* Whether @p shows @color as painted over the (opaque) background. */
static gboolean
shows (Pixel                    p,
       const MizanChartColor   *color,
       const MizanChartPalette *palette)
{
  const MizanChartColor *bg = &palette->background;
  double a = color->alpha;
  double r = color->red * a + bg->red * (1 - a);
  double g = color->green * a + bg->green * (1 - a);
  double b = color->blue * a + bg->blue * (1 - a);
  /* Inside a mark colours are exact; not met is only 5 % off white. */
  double tolerance = 0.025;

  return fabs (p.r - r) < tolerance && fabs (p.g - g) < tolerance && fabs (p.b - b) < tolerance;
}

static guint
count_color (cairo_surface_t         *surface,
             int                      x0,
             int                      y0,
             int                      x1,
             int                      y1,
             const MizanChartColor   *color,
             const MizanChartPalette *palette,
             double                  *mean_x)
{
  guint count = 0;
  double sum = 0;

  for (int y = MAX (y0, 0); y < MIN (y1, cairo_image_surface_get_height (surface)); y++)
    for (int x = MAX (x0, 0); x < MIN (x1, cairo_image_surface_get_width (surface)); x++)
      if (shows (pixel_at (surface, x, y), color, palette))
        {
          count++;
          sum += x;
        }
  if (mean_x != NULL)
    *mean_x = count > 0 ? sum / count : -1;
  return count;
}

/* Every chart draws marks besides its background, in both palettes. */
static void
test_draws_something (void)
{
  Fixture fx;
  const MizanChartKind kinds[] = { MIZAN_CHART_RADAR, MIZAN_CHART_GAP_BARS, MIZAN_CHART_HEAT_MAP };

  fixture_load (&fx);
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    for (int dark = 0; dark <= 1; dark++)
      {
        MizanChartStyle style = { .dark = dark };
        MizanChartPalette palette;
        cairo_surface_t *surface = render (kinds[k], &fx, fx.statuses, 480, 360, &style);
        guint background;

        mizan_chart_style_get_palette (&style, &palette);
        background = count_color (surface, 0, 0, 480, 360, &palette.background, &palette, NULL);
        /* Drawn marks cover a real part of the picture, and some are in the accent blue. */
        g_assert_cmpuint (background, <, 480 * 360 * 0.97);
        g_assert_cmpuint (background, >, 480 * 360 * 0.3);
        g_assert_cmpuint (count_color (surface, 0, 0, 480, 360,
                                       kinds[k] == MIZAN_CHART_HEAT_MAP ? &palette.passed : &palette.current,
                                       &palette, NULL), >, 50);
        cairo_surface_destroy (surface);
      }
  fixture_clear (&fx);
}

static double
luminance (Pixel p)
{
  return 0.2126 * p.r + 0.7152 * p.g + 0.0722 * p.b;
}

static void
test_dark_background (void)
{
  Fixture fx;
  const MizanChartKind kinds[] = { MIZAN_CHART_RADAR, MIZAN_CHART_GAP_BARS, MIZAN_CHART_HEAT_MAP };

  fixture_load (&fx);
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      MizanChartStyle light = { .dark = FALSE };
      MizanChartStyle dark = { .dark = TRUE };
      cairo_surface_t *ls = render (kinds[k], &fx, fx.statuses, 400, 300, &light);
      cairo_surface_t *ds = render (kinds[k], &fx, fx.statuses, 400, 300, &dark);

      /* Corners and the bottom middle are background in every chart. */
      g_assert_cmpfloat (luminance (pixel_at (ds, 1, 1)), <, 0.15);
      g_assert_cmpfloat (luminance (pixel_at (ds, 398, 298)), <, 0.15);
      g_assert_cmpfloat (luminance (pixel_at (ls, 1, 1)), >, 0.95);
      g_assert_cmpfloat (luminance (pixel_at (ls, 398, 298)), >, 0.95);
      g_assert_cmpfloat (pixel_at (ds, 1, 1).a, ==, 1.0);
      cairo_surface_destroy (ls);
      cairo_surface_destroy (ds);
    }
  fixture_clear (&fx);
}

/* A host that paints its own background (a widget) gets only the marks, and
 * nothing outside the rectangle it gave. */
static void
test_transparent_and_clipped (void)
{
  Fixture fx;
  MizanChartStyle style = { .transparent = TRUE };
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 600, 400);
  cairo_t *cr = cairo_create (surface);
  cairo_matrix_t before, after;
  guint inside = 0, outside = 0;

  fixture_load (&fx);
  cairo_translate (cr, 100, 50);
  cairo_get_matrix (cr, &before);
  mizan_chart_draw_gap_bars (cr, fx.results, 300, 200, &style);
  cairo_get_matrix (cr, &after);
  g_assert_cmpmem (&before, sizeof before, &after, sizeof after);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  for (int y = 0; y < 400; y++)
    for (int x = 0; x < 600; x++)
      {
        gboolean in_rect = x >= 100 && x < 400 && y >= 50 && y < 250;

        if (pixel_at (surface, x, y).a > 0)
          {
            if (in_rect)
              inside++;
            else
              outside++;
          }
      }
  g_assert_cmpuint (outside, ==, 0);
  g_assert_cmpuint (inside, >, 1000);
  g_assert_cmpfloat (pixel_at (surface, 101, 249).a, ==, 0);
  cairo_surface_destroy (surface);
  fixture_clear (&fx);
}

/* A widget before its first allocation asks for a 0 × 0 chart: nothing drawn. */
static void
test_empty_size (void)
{
  Fixture fx;
  const MizanChartKind kinds[] = { MIZAN_CHART_RADAR, MIZAN_CHART_GAP_BARS, MIZAN_CHART_HEAT_MAP };

  fixture_load (&fx);
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 50, 50);
      cairo_t *cr = cairo_create (surface);

      mizan_chart_draw (kinds[k], cr, fx.results, fx.statuses, 0, 0, NULL);
      mizan_chart_draw (kinds[k], cr, fx.results, fx.statuses, 50, -1, NULL);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      for (int y = 0; y < 50; y++)
        for (int x = 0; x < 50; x++)
          g_assert_cmpfloat (pixel_at (surface, x, y).a, ==, 0);
      cairo_surface_destroy (surface);
    }
  fixture_clear (&fx);
}

static void
gap_bars_geometry (const Fixture         *fx,
                   const MizanChartStyle *style,
                   double                 width,
                   double                 height,
                   MizanGapBarsGeometry  *g)
{
  MizanChartCtx ctx;

  mizan_chart_ctx_init (&ctx, NULL, style);
  mizan_gap_bars_geometry (&ctx, fx->results, width, height, g);
  mizan_chart_ctx_clear (&ctx);
}

static double
bar_x (const MizanGapBarsGeometry *g,
       double                      value)
{
  return (g->x_zero + value * g->x_per_unit) * g->scale;
}

static double
row_y (const MizanGapBarsGeometry *g,
       guint                       i)
{
  return (g->rows_top + (i + 0.5) * g->row_height) * g->scale;
}

/* Left-to-right bars start on the left; right-to-left ones on the right, as
 * the mirror image. */
static void
test_text_direction (void)
{
  /* The first strong character decides, and the bidi marks are strong. */
  g_assert_cmpint (mizan_chart_text_direction ("GOV.1.3 · level 2"), ==, PANGO_DIRECTION_LTR);
  g_assert_cmpint (mizan_chart_text_direction ("المستوى 2"), ==, PANGO_DIRECTION_RTL);
  g_assert_cmpint (mizan_chart_text_direction ("\u200fGOV.1.3 · المستوى 2"), ==, PANGO_DIRECTION_RTL);
  g_assert_cmpint (mizan_chart_text_direction ("\u061cGOV.1.3"), ==, PANGO_DIRECTION_RTL);
  g_assert_cmpint (mizan_chart_text_direction ("12 \u200eالمستوى"), ==, PANGO_DIRECTION_LTR);
  g_assert_cmpint (mizan_chart_text_direction ("1.00 · 55%"), ==, PANGO_DIRECTION_NEUTRAL);
}

static void
test_gap_bars_direction (void)
{
  Fixture fx;
  MizanChartStyle ltr = { .rtl = FALSE };
  MizanChartStyle rtl = { .rtl = TRUE };
  MizanChartPalette palette;
  MizanGapBarsGeometry gl, gr;
  cairo_surface_t *ls, *rs;
  double mean_l, mean_r, y = 0;
  int top;

  fixture_load (&fx);
  mizan_chart_style_get_palette (&ltr, &palette);
  ls = render (MIZAN_CHART_GAP_BARS, &fx, NULL, 480, 320, &ltr);
  rs = render (MIZAN_CHART_GAP_BARS, &fx, NULL, 480, 320, &rtl);
  gap_bars_geometry (&fx, &ltr, 480, 320, &gl);
  gap_bars_geometry (&fx, &rtl, 480, 320, &gr);

  /* D1 (index 2): the bar's start edge. */
  y = row_y (&gl, 0);
  g_assert_cmpfloat (bar_x (&gl, 0), <, 240);
  g_assert_true (shows (pixel_at (ls, bar_x (&gl, 0) + 2, y), &palette.current, &palette));
  g_assert_false (shows (pixel_at (ls, bar_x (&gl, 0) - 3, y), &palette.current, &palette));
  g_assert_true (shows (pixel_at (ls, bar_x (&gl, 1.9), y), &palette.current, &palette));

  g_assert_cmpfloat (bar_x (&gr, 0), >, 240);
  g_assert_true (shows (pixel_at (rs, bar_x (&gr, 0) - 2, y), &palette.current, &palette));
  g_assert_false (shows (pixel_at (rs, bar_x (&gr, 0) + 3, y), &palette.current, &palette));
  g_assert_true (shows (pixel_at (rs, bar_x (&gr, 1.9), y), &palette.current, &palette));
  g_assert_cmpfloat (bar_x (&gr, 1.9), <, bar_x (&gr, 0));

  /* All the bars together: on the left half, and mirrored on the right. */
  top = (int) ceil (gl.rows_top * gl.scale);
  g_assert_cmpuint (count_color (ls, 0, top, 480, 320, &palette.current, &palette, &mean_l), >, 500);
  g_assert_cmpuint (count_color (rs, 0, top, 480, 320, &palette.current, &palette, &mean_r), >, 500);
  g_assert_cmpfloat (mean_l, <, 240);
  g_assert_cmpfloat (mean_r, >, 240);
  g_assert_cmpfloat (fabs (mean_l + mean_r - 479), <, 4);

  cairo_surface_destroy (ls);
  cairo_surface_destroy (rs);
  fixture_clear (&fx);
}

static void
mean_color (cairo_surface_t *surface,
            double           x0,
            double           x1,
            double           y0,
            double           y1,
            Pixel           *mean)
{
  guint n = 0;

  memset (mean, 0, sizeof *mean);
  for (int y = (int) ceil (y0); y < y1; y++)
    for (int x = (int) ceil (MIN (x0, x1)); x < MAX (x0, x1); x++)
      {
        Pixel p = pixel_at (surface, x, y);

        mean->r += p.r;
        mean->g += p.g;
        mean->b += p.b;
        n++;
      }
  g_assert_cmpuint (n, >, 0);
  mean->r /= n;
  mean->g /= n;
  mean->b /= n;
}

/* The stretch from current to target stands out in the target's hue; a domain
 * over its target has none; a domain that does not apply has no bar at all. */
static void
test_gap_bars_gap_and_not_applicable (void)
{
  Fixture fx;
  MizanChartStyle style = { 0 };
  MizanChartPalette palette;
  MizanGapBarsGeometry g;
  cairo_surface_t *surface;
  Pixel mean;
  double y, h;

  fixture_load (&fx);
  mizan_chart_style_get_palette (&style, &palette);
  surface = render (MIZAN_CHART_GAP_BARS, &fx, NULL, 480, 320, &style);
  gap_bars_geometry (&fx, &style, 480, 320, &g);
  h = g.bar_height * g.scale;

  /* D2: index 1, target 3: between 1.4 and 2.6 the gap, orange over white. */
  y = row_y (&g, 1);
  mean_color (surface, bar_x (&g, 1.4), bar_x (&g, 2.6), y - h / 4, y + h / 4, &mean);
  g_assert_cmpfloat (mean.r, >, mean.b + 0.1);
  g_assert_cmpfloat (mean.r, >, 0.8);
  g_assert_false (shows (pixel_at (surface, bar_x (&g, 2.0), y), &palette.current, &palette));
  /* … and past the target, nothing. */
  g_assert_true (shows (pixel_at (surface, bar_x (&g, 3.5), y), &palette.background, &palette));

  /* D3: index 4 over target 3: the same stretch is solid current blue. */
  y = row_y (&g, 2);
  mean_color (surface, bar_x (&g, 1.4), bar_x (&g, 2.6), y - h / 4, y + h / 4, &mean);
  g_assert_cmpfloat (mean.b, >, mean.r + 0.3);
  g_assert_true (shows (pixel_at (surface, bar_x (&g, 3.8), y), &palette.current, &palette));

  /* D4 is not applicable: its whole row holds no bar and no gap. */
  y = row_y (&g, 3);
  g_assert_cmpuint (count_color (surface, 0, (int) (y - g.row_height * g.scale / 3), 480,
                                 (int) (y + g.row_height * g.scale / 3), &palette.current, &palette, NULL), ==, 0);
  mean_color (surface, bar_x (&g, 1.4), bar_x (&g, 3.6), y - h / 4, y + h / 4, &mean);
  g_assert_cmpfloat (fabs (mean.r - mean.b), <, 0.05);
  /* … but says so in words where the bar would start. */
  g_assert_cmpuint (count_color (surface, (int) bar_x (&g, 0) + 2, (int) (y - h), (int) bar_x (&g, 1), (int) (y + h),
                                 &palette.background, &palette, NULL),
                    <, (guint) ((bar_x (&g, 1) - bar_x (&g, 0) - 2) * 2 * h * 0.97));

  cairo_surface_destroy (surface);
  fixture_clear (&fx);
}

/* Current values sit on their axes; right-to-left turns the other way;
 * a domain that does not apply has no point. */
static void
test_radar (void)
{
  Fixture fx;
  MizanChartStyle ltr = { .rtl = FALSE };
  MizanChartStyle rtl = { .rtl = TRUE };
  MizanChartPalette palette;
  MizanRadarGeometry g;
  MizanChartCtx ctx;
  cairo_surface_t *ls, *rs;
  guint both = 0, only_l = 0;

  fixture_load (&fx);
  mizan_chart_style_get_palette (&ltr, &palette);
  ls = render (MIZAN_CHART_RADAR, &fx, NULL, 480, 360, &ltr);
  rs = render (MIZAN_CHART_RADAR, &fx, NULL, 480, 360, &rtl);
  mizan_chart_ctx_init (&ctx, NULL, &ltr);
  mizan_radar_geometry (&ctx, fx.results, 480, 360, &g);
  mizan_chart_ctx_clear (&ctx);
  g_assert_cmpfloat (g.radius, >, 60);
  g_assert_true (g.titles);

  /* D1 (2 of 4) straight up; D3 (4 of 4) straight down, on the outer ring. */
  g_assert_true (shows (pixel_at (ls, g.cx, g.cy - g.radius / 2), &palette.current, &palette));
  g_assert_true (shows (pixel_at (ls, g.cx, g.cy + g.radius), &palette.current, &palette));
  /* D2 (1 of 4) is the second axis: to the right, or to the left when mirrored. */
  g_assert_true (shows (pixel_at (ls, g.cx + g.radius / 4, g.cy), &palette.current, &palette));
  g_assert_false (shows (pixel_at (ls, g.cx - g.radius / 4, g.cy), &palette.current, &palette));
  g_assert_true (shows (pixel_at (rs, g.cx - g.radius / 4, g.cy), &palette.current, &palette));
  g_assert_false (shows (pixel_at (rs, g.cx + g.radius / 4, g.cy), &palette.current, &palette));

  /* D4 (not applicable) would be on the left: no current mark along its axis. */
  for (double t = 0.15; t <= 1.0; t += 0.01)
    g_assert_false (shows (pixel_at (ls, g.cx - t * g.radius, g.cy), &palette.current, &palette));

  /* The whole drawing in current blue, legend included, is the mirror image. */
  for (int y = 0; y < 360; y++)
    for (int x = 0; x < 480; x++)
      if (shows (pixel_at (ls, x, y), &palette.current, &palette))
        {
          if (shows (pixel_at (rs, 479 - x, y), &palette.current, &palette))
            both++;
          else
            only_l++;
        }
  g_assert_cmpuint (both, >, 300);
  g_assert_cmpuint (only_l, <, both / 10);

  cairo_surface_destroy (ls);
  cairo_surface_destroy (rs);
  fixture_clear (&fx);
}

/* The level gate of DESIGN.md, cell by cell. */
static void
test_heat_cells (void)
{
  Fixture fx;
  MizanCell cell;
  const MizanCapabilityResult *d11;
  MizanPractice *p5, *p6;

  fixture_load (&fx);
  d11 = &fx.results->capabilities[0];
  g_assert_cmpstr (d11->capability->id, ==, "D1.1");

  mizan_chart_heat_cell (fx.results, d11, fx.statuses, 1, &cell);
  g_assert_cmpint (cell.state, ==, MIZAN_CELL_PASSED);
  g_assert_cmpuint (cell.passing, ==, 1);
  g_assert_cmpuint (cell.applicable, ==, 1);
  mizan_chart_heat_cell (fx.results, d11, fx.statuses, 2, &cell);
  g_assert_cmpint (cell.state, ==, MIZAN_CELL_PARTLY);
  g_assert_cmpuint (cell.passing, ==, 1);
  g_assert_cmpuint (cell.applicable, ==, 2);
  /* Level 3 passes although the capability stopped at level 1. */
  mizan_chart_heat_cell (fx.results, d11, fx.statuses, 3, &cell);
  g_assert_cmpint (cell.state, ==, MIZAN_CELL_PASSED);
  /* Level 4: one practice na (left out), one unanswered: it fails the
   * gate, but nobody has assessed the level yet, so it is not "not met". */
  mizan_chart_heat_cell (fx.results, d11, fx.statuses, 4, &cell);
  g_assert_cmpint (cell.state, ==, MIZAN_CELL_NOT_ASSESSED);
  g_assert_cmpuint (cell.passing, ==, 0);
  g_assert_cmpuint (cell.applicable, ==, 1);
  g_assert_cmpuint (cell.unanswered, ==, 1);
  /* D1.2 level 4 is answered "not": not met. */
  mizan_chart_heat_cell (fx.results, &fx.results->capabilities[1], fx.statuses, 4, &cell);
  g_assert_cmpint (cell.state, ==, MIZAN_CELL_NOT_MET);
  g_assert_cmpuint (cell.unanswered, ==, 0);

  /* All na at a level: no applicable practice. */
  p5 = mizan_framework_lookup_practice (fx.framework, "D1.1.5");
  p6 = mizan_framework_lookup_practice (fx.framework, "D1.1.6");
  fx.statuses[p6->index] = MIZAN_STATUS_NA;
  mizan_chart_heat_cell (fx.results, d11, fx.statuses, 4, &cell);
  g_assert_cmpint (cell.state, ==, MIZAN_CELL_NOT_APPLICABLE);
  /* An out-of-range status reads as unanswered, not past a table. */
  fx.statuses[p5->index] = (MizanStatus) 77;
  mizan_chart_heat_cell (fx.results, d11, fx.statuses, 4, &cell);
  g_assert_cmpint (cell.state, ==, MIZAN_CELL_NOT_ASSESSED);
  /* One of two answered "not", the other unanswered: not met. */
  fx.statuses[p5->index] = MIZAN_STATUS_NOT;
  fx.statuses[p6->index] = MIZAN_STATUS_NONE;
  mizan_chart_heat_cell (fx.results, d11, fx.statuses, 4, &cell);
  g_assert_cmpint (cell.state, ==, MIZAN_CELL_NOT_MET);
  g_assert_cmpuint (cell.unanswered, ==, 1);

  /* Without statuses only the capability level is known. */
  mizan_chart_heat_cell (fx.results, d11, NULL, 1, &cell);
  g_assert_cmpint (cell.state, ==, MIZAN_CELL_PASSED);
  mizan_chart_heat_cell (fx.results, d11, NULL, 3, &cell);
  g_assert_cmpint (cell.state, ==, MIZAN_CELL_NOT_MET);

  /* D4.1: the capability does not apply. */
  mizan_chart_heat_cell (fx.results, &fx.results->capabilities[4], fx.statuses, 1, &cell);
  g_assert_cmpint (cell.state, ==, MIZAN_CELL_NOT_APPLICABLE);
  fixture_clear (&fx);
}

static void
heat_geometry (const Fixture         *fx,
               const MizanChartStyle *style,
               double                 width,
               double                 height,
               MizanHeatMapGeometry  *g,
               double                 cell_x[5])
{
  MizanChartCtx ctx;

  mizan_chart_ctx_init (&ctx, NULL, style);
  mizan_heat_map_geometry (&ctx, fx->results, width, height, g);
  for (guint l = 1; l <= 4; l++)
    cell_x[l] = mizan_heat_map_cell_x (&ctx, g, fx->results, l);
  mizan_chart_ctx_clear (&ctx);
}

/* A point inside the cell, clear of its check mark, count and target outline. */
static Pixel
cell_pixel (cairo_surface_t            *surface,
            const MizanHeatMapGeometry *g,
            const double                cell_x[5],
            guint                       capability,
            guint                       level)
{
  return pixel_at (surface,
                   (cell_x[level] + g->cell_width * 0.18) * g->scale,
                   (g->row_top[capability] + g->cell_height * 0.3) * g->scale);
}

static void
test_heat_map (void)
{
  Fixture fx;
  MizanChartStyle ltr = { 0 };
  MizanChartStyle rtl = { .rtl = TRUE };
  MizanChartPalette pal;
  MizanHeatMapGeometry gl, gr, gs;
  double xl[5], xr[5], xs[5];
  double height;
  cairo_surface_t *ls, *rs, *ns, *small;

  fixture_load (&fx);
  mizan_chart_style_get_palette (&ltr, &pal);
  height = mizan_chart_get_preferred_height (MIZAN_CHART_HEAT_MAP, fx.results, 480, &ltr);
  g_assert_cmpfloat (height, >, 100);
  ls = render (MIZAN_CHART_HEAT_MAP, &fx, fx.statuses, 480, (int) height, &ltr);
  rs = render (MIZAN_CHART_HEAT_MAP, &fx, fx.statuses, 480, (int) height, &rtl);
  ns = render (MIZAN_CHART_HEAT_MAP, &fx, NULL, 480, (int) height, &ltr);
  heat_geometry (&fx, &ltr, 480, height, &gl, xl);
  heat_geometry (&fx, &rtl, 480, height, &gr, xr);
  g_assert_cmpfloat (gl.scale, ==, 1);

  /* D1.1: passed, partly met, passed, not assessed (empty, not the fill of
   * not met, which D1.2's level 4 shows). */
  g_assert_true (shows (cell_pixel (ls, &gl, xl, 0, 1), &pal.passed, &pal));
  g_assert_true (shows (cell_pixel (ls, &gl, xl, 0, 2), &pal.partly, &pal));
  g_assert_true (shows (cell_pixel (ls, &gl, xl, 0, 3), &pal.passed, &pal));
  g_assert_true (shows (cell_pixel (ls, &gl, xl, 0, 4), &pal.background, &pal));
  g_assert_false (shows (cell_pixel (ls, &gl, xl, 0, 4), &pal.not_met, &pal));
  g_assert_true (shows (cell_pixel (ls, &gl, xl, 1, 4), &pal.not_met, &pal));
  /* Columns run left to right, or right to left as the mirror image. */
  g_assert_cmpfloat (xl[1], <, xl[4]);
  g_assert_cmpfloat (xr[1], >, xr[4]);
  g_assert_cmpfloat (fabs (xr[1] + gr.cell_width - (480 - xl[1])), <, 0.01);
  g_assert_true (shows (cell_pixel (rs, &gr, xr, 0, 1), &pal.passed, &pal));
  g_assert_true (shows (cell_pixel (rs, &gr, xr, 0, 2), &pal.partly, &pal));
  g_assert_true (shows (cell_pixel (rs, &gr, xr, 0, 4), &pal.background, &pal));
  /* D3.1 passes every level. */
  for (guint l = 1; l <= 4; l++)
    g_assert_true (shows (cell_pixel (ls, &gl, xl, 3, l), &pal.passed, &pal));
  /* D4.1 does not apply: nothing passed or partly met on its row. */
  g_assert_cmpuint (count_color (ls, 0, (int) gl.row_top[4], 480, (int) (gl.row_top[4] + gl.cell_height),
                                 &pal.passed, &pal, NULL), ==, 0);
  g_assert_cmpuint (count_color (ls, 0, (int) gl.row_top[4], 480, (int) (gl.row_top[4] + gl.cell_height),
                                 &pal.partly, &pal, NULL), ==, 0);

  /* Without the answers, level 3 of D1.1 cannot be told from not met. */
  g_assert_true (shows (cell_pixel (ns, &gl, xl, 0, 1), &pal.passed, &pal));
  g_assert_true (shows (cell_pixel (ns, &gl, xl, 0, 3), &pal.not_met, &pal));

  /* At half the height the whole map shrinks to fit: the last row is still there. */
  small = render (MIZAN_CHART_HEAT_MAP, &fx, fx.statuses, 480, (int) (height / 2), &ltr);
  heat_geometry (&fx, &ltr, 480, (int) (height / 2), &gs, xs);
  g_assert_cmpfloat (gs.scale, <, 0.55);
  g_assert_cmpfloat ((gs.row_top[4] + gs.cell_height) * gs.scale, <=, (int) (height / 2));
  g_assert_true (shows (cell_pixel (small, &gs, xs, 3, 4), &pal.passed, &pal));

  g_free (gl.row_top);
  g_free (gl.domain_top);
  g_free (gr.row_top);
  g_free (gr.domain_top);
  g_free (gs.row_top);
  g_free (gs.domain_top);
  cairo_surface_destroy (ls);
  cairo_surface_destroy (rs);
  cairo_surface_destroy (ns);
  cairo_surface_destroy (small);
  fixture_clear (&fx);
}

/* Gap bars squeezed below their natural height shrink as a whole. */
static void
test_gap_bars_shrink (void)
{
  Fixture fx;
  MizanChartStyle style = { 0 };
  MizanChartPalette palette;
  MizanGapBarsGeometry g;
  double natural = 0;
  cairo_surface_t *surface;

  fixture_load (&fx);
  mizan_chart_style_get_palette (&style, &palette);
  natural = mizan_chart_get_preferred_height (MIZAN_CHART_GAP_BARS, fx.results, 480, &style);
  g_assert_cmpfloat (natural, >, 4 * 2 * MIZAN_CHART_DEFAULT_FONT_SIZE);

  surface = render (MIZAN_CHART_GAP_BARS, &fx, NULL, 480, (int) (natural / 2), &style);
  gap_bars_geometry (&fx, &style, 480, (int) (natural / 2), &g);
  g_assert_cmpfloat (g.scale, <, 0.55);
  g_assert_cmpfloat ((g.rows_top + 4 * g.row_height) * g.scale, <=, natural / 2 + 0.5);
  g_assert_true (shows (pixel_at (surface, bar_x (&g, 3.5), row_y (&g, 2)), &palette.current, &palette));
  cairo_surface_destroy (surface);
  fixture_clear (&fx);
}

static void
test_describe (void)
{
  Fixture fx;
  g_autofree char *radar = NULL;
  g_autofree char *bars = NULL;
  g_autofree char *heat = NULL;
  g_autofree char *heat_no_statuses = NULL;
  g_autofree char *by_kind = NULL;

  fixture_load (&fx);
  radar = mizan_chart_describe_radar (fx.results);
  g_assert_nonnull (strstr (radar, "scale from 0 to 4"));
  g_assert_nonnull (strstr (radar, "Governance: 2.0 of target 3.0."));
  g_assert_nonnull (strstr (radar, "Protection: 1.0 of target 3.0."));
  g_assert_nonnull (strstr (radar, "Detection: 4.0 of target 3.0."));
  g_assert_nonnull (strstr (radar, "Cooperation: not applicable."));

  bars = mizan_chart_describe_gap_bars (fx.results);
  g_assert_nonnull (strstr (bars, "Governance: current 2.0, target 3.0, gap 1.0."));
  g_assert_nonnull (strstr (bars, "Detection: current 4.0, target 3.0, gap 0.0."));
  g_assert_nonnull (strstr (bars, "Cooperation: not applicable."));
  g_assert_nonnull (strstr (bars, "The largest gap is in Protection."));

  heat = mizan_chart_describe_heat_map (fx.results, fx.statuses);
  g_assert_nonnull (strstr (heat, "D1.1 Strategy: level 1, target 3. Levels passed: 1, 3. "
                                  "Levels partly met: 2 (1 of 2 practices). Levels not assessed yet: 4."));
  g_assert_nonnull (strstr (heat, "D3.1 Monitoring: level 4, target 3. Levels passed: 1, 2, 3, 4."));
  g_assert_nonnull (strstr (heat, "D4.1 Information sharing: not applicable."));
  heat_no_statuses = mizan_chart_describe_heat_map (fx.results, NULL);
  g_assert_nonnull (strstr (heat_no_statuses, "D1.1 Strategy: level 1, target 3. Levels passed: 1. Levels not met: 2, 3, 4."));

  by_kind = mizan_chart_describe (MIZAN_CHART_RADAR, fx.results, NULL);
  g_assert_cmpstr (by_kind, ==, radar);
  fixture_clear (&fx);
}

static void
test_statuses_from_assessment (void)
{
  Fixture fx;
  g_autoptr(MizanAssessment) assessment = mizan_assessment_new (NULL);
  g_autofree MizanStatus *statuses = NULL;
  MizanPractice *a, *b;

  fixture_load (&fx);
  a = mizan_framework_lookup_practice (fx.framework, "D1.2.2");
  b = mizan_framework_lookup_practice (fx.framework, "D4.1.1");
  mizan_assessment_set_answer (assessment, "D1.2.2", MIZAN_STATUS_LARGELY, NULL, NULL, 0);
  mizan_assessment_set_answer (assessment, "D4.1.1", MIZAN_STATUS_NA, "note", NULL, 0);
  mizan_assessment_set_answer (assessment, "UNKNOWN.1", MIZAN_STATUS_FULLY, NULL, NULL, 0);

  statuses = mizan_results_effective_statuses (fx.framework, assessment);
  for (guint i = 0; i < mizan_framework_get_n_practices (fx.framework); i++)
    {
      MizanStatus expected = i == a->index ? MIZAN_STATUS_LARGELY
                             : i == b->index ? MIZAN_STATUS_NA
                             : MIZAN_STATUS_NONE;

      g_assert_cmpint (statuses[i], ==, expected);
    }
  fixture_clear (&fx);
}

/* Framework texts follow the language asked for (a report in Arabic from an
 * English desktop), else the user's. */
static void
test_language (void)
{
  Fixture fx;
  MizanChartStyle arabic = { .language = "ar", .rtl = TRUE };
  MizanChartCtx ctx;
  const MizanDomain *d1;
  cairo_surface_t *surface;

  fixture_load (&fx);
  d1 = fx.results->domains[0].domain;
  mizan_chart_ctx_init (&ctx, NULL, &arabic);
  g_assert_cmpstr (mizan_chart_ctx_text (&ctx, d1->title), ==, "الحوكمة");
  mizan_chart_ctx_clear (&ctx);
  mizan_chart_ctx_init (&ctx, NULL, NULL);
  g_assert_cmpstr (mizan_chart_ctx_text (&ctx, d1->title), ==, "Governance");
  mizan_chart_ctx_clear (&ctx);

  /* Arabic labels lay out and draw. */
  surface = render (MIZAN_CHART_HEAT_MAP, &fx, fx.statuses, 480, 300, &arabic);
  cairo_surface_destroy (surface);
  fixture_clear (&fx);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/charts/draws-something", test_draws_something);
  g_test_add_func ("/charts/dark-background", test_dark_background);
  g_test_add_func ("/charts/transparent-and-clipped", test_transparent_and_clipped);
  g_test_add_func ("/charts/empty-size", test_empty_size);
  g_test_add_func ("/charts/text-direction", test_text_direction);
  g_test_add_func ("/charts/gap-bars/direction", test_gap_bars_direction);
  g_test_add_func ("/charts/gap-bars/gap-and-not-applicable", test_gap_bars_gap_and_not_applicable);
  g_test_add_func ("/charts/gap-bars/shrink", test_gap_bars_shrink);
  g_test_add_func ("/charts/radar", test_radar);
  g_test_add_func ("/charts/heat-map/cells", test_heat_cells);
  g_test_add_func ("/charts/heat-map/draw", test_heat_map);
  g_test_add_func ("/charts/describe", test_describe);
  g_test_add_func ("/charts/statuses-from-assessment", test_statuses_from_assessment);
  g_test_add_func ("/charts/language", test_language);

  return fixture_release_fonts (g_test_run ());
}
