/* test-benchmark-charts.c — the box plot and the member-state map, checked by their pixels
 * The map is drawn by librsvg with the stylesheet; samples at known places prove the colours. */

#include "config.h"

#include <math.h>
#include <string.h>

#include <pango/pangocairo.h>

#include "mizan-benchmark-charts.h"

/* The projection of build-aux/make-oic-map.py, to find a country's pixels. */
#define LON0 -64.0
#define LAT1 57.0
#define MAP_WIDTH 1000.0

static void
project (double  lon,
         double  lat,
         double *x,
         double *y)
{
  double xs = MAP_WIDTH / 208.0;
  double ys = xs / cos (20 * G_PI / 180);

  *x = (lon - LON0) * xs;
  *y = (LAT1 - lat) * ys;
}

/* Where data/oic-map.svg puts a small member state's circle. */
static void
circle_centre (const char *code,
               double     *x,
               double     *y)
{
  g_autofree char *dir = g_path_get_dirname (g_getenv ("MIZAN_FRAMEWORKS_DIR"));
  g_autofree char *path = g_build_filename (dir, "oic-map.svg", NULL);
  g_autofree char *svg = NULL;
  g_autofree char *needle = g_strdup_printf ("class=\"dot c-%s\" cx=\"", code);
  const char *at;

  g_assert_true (g_file_get_contents (path, &svg, NULL, NULL));
  at = strstr (svg, needle);
  g_assert_nonnull (at);
  *x = g_ascii_strtod (at + strlen (needle), NULL);
  at = strstr (at, "cy=\"");
  *y = g_ascii_strtod (at + 4, NULL);
}

static guint32
pixel (cairo_surface_t *surface,
       double           x,
       double           y)
{
  const unsigned char *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint32 v;

  g_assert_cmpint ((int) x, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint ((int) y, <, cairo_image_surface_get_height (surface));
  memcpy (&v, data + (int) y * stride + 4 * (int) x, sizeof v);
  return v & 0xffffff;   /* opaque here: the background is painted */
}

static cairo_surface_t *
draw_map (const MizanMapCountry *countries,
          guint                  n,
          gboolean               dark)
{
  MizanChartStyle style = { .dark = dark };
  double height = MAP_WIDTH / mizan_map_get_aspect () + 80;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, MAP_WIDTH, height);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GError) error = NULL;

  g_assert_true (mizan_map_draw (cr, countries, n, 0, 5, "Mean maturity index", MAP_WIDTH, height, &style, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static void
test_map_colours_each_member_state (void)
{
  const MizanMapCountry countries[] = {
    { "PAK", MIZAN_MAP_VALUE, 5.0 },
    { "TUR", MIZAN_MAP_VALUE, 0.0 },
    { "BHR", MIZAN_MAP_VALUE, 5.0 },
    { "SAU", MIZAN_MAP_SUPPRESSED, 0 },
  };
  cairo_surface_t *surface = draw_map (countries, G_N_ELEMENTS (countries), FALSE);
  double x, y;
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

  /* The ends of the scale, as the stylesheet gives them. */
  project (69, 30, &x, &y);                      /* Pakistan */
  g_assert_cmphex (pixel (surface, x, y), ==, 0x1a4f96);
  project (35, 39, &x, &y);                      /* central Anatolia */
  g_assert_cmphex (pixel (surface, x, y), ==, 0xc6dcf6);
  /* Bahrain is too small to see, so it is also a circle, coloured alike. */
  circle_centre ("BHR", &x, &y);
  g_assert_cmphex (pixel (surface, x, y), ==, 0x1a4f96);
  /* Iran has no figures: the no-data colour, not the scale's. */
  project (54, 32, &x, &y);
  g_assert_cmphex (pixel (surface, x, y), ==, 0xf6f5f4);
  /* India is not a member state. */
  project (78, 22, &x, &y);
  g_assert_cmphex (pixel (surface, x, y), ==, 0xdeddda);

  /* Saudi Arabia is hatched: both the hatch and its background show. */
  project (45, 24, &x, &y);
  for (int dx = 0; dx < 8; dx++)
    for (int dy = 0; dy < 8; dy++)
      g_hash_table_add (seen, GUINT_TO_POINTER (pixel (surface, x + dx, y + dy)));
  g_assert_true (g_hash_table_contains (seen, GUINT_TO_POINTER (0xffffff)));
  g_assert_cmpuint (g_hash_table_size (seen), >=, 3);
  g_assert_false (g_hash_table_contains (seen, GUINT_TO_POINTER (0x1a4f96)));

  cairo_surface_destroy (surface);
}

static void
test_map_dark (void)
{
  const MizanMapCountry countries[] = { { "PAK", MIZAN_MAP_VALUE, 5.0 } };
  cairo_surface_t *surface = draw_map (countries, 1, TRUE);
  double x, y;

  project (69, 30, &x, &y);
  g_assert_cmphex (pixel (surface, x, y), ==, 0xb5d3f7);
  project (78, 22, &x, &y);
  g_assert_cmphex (pixel (surface, x, y), ==, 0x3d3846);
  cairo_surface_destroy (surface);
}

static void
test_map_stylesheet_takes_only_country_codes (void)
{
  /* Codes come from the server: nothing else may reach the stylesheet. */
  const MizanMapCountry countries[] = {
    { "PAK", MIZAN_MAP_VALUE, 2.5 },
    { "X}*{", MIZAN_MAP_VALUE, 1 },
    { "pak", MIZAN_MAP_SUPPRESSED, 0 },
    { "SAU", MIZAN_MAP_SUPPRESSED, 0 },
  };
  g_autofree char *css = mizan_map_stylesheet (countries, G_N_ELEMENTS (countries), 0, 5, NULL);
  g_autofree char *description = mizan_map_describe (countries, G_N_ELEMENTS (countries), "Mean maturity index");

  g_assert_nonnull (strstr (css, "#PAK, .c-PAK { fill: #"));
  g_assert_nonnull (strstr (css, "#SAU, .c-SAU { fill: url(#suppressed); }"));
  g_assert_null (strstr (css, "X}"));
  g_assert_null (strstr (css, "pak"));
  g_assert_nonnull (strstr (description, "Mean maturity index"));
  g_assert_nonnull (strstr (description, "PAK 2.50"));
}

static int
max_x_of (cairo_surface_t *surface,
          guint32          color,
          gboolean         want_max)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int best = want_max ? -1 : width;

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      if (pixel (surface, x, y) == color)
        best = want_max ? MAX (best, x) : MIN (best, x);
  return best;
}

static cairo_surface_t *
draw_box_plot (const MizanBoxPlotRow *rows,
               guint                  n,
               gboolean               rtl)
{
  MizanChartStyle style = { .rtl = rtl };
  int width = 600;
  int height = (int) ceil (mizan_box_plot_get_preferred_height (n, width, &style));
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);

  mizan_box_plot_draw (cr, rows, n, 5, width, height, &style);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static void
test_box_plot_own_marker_and_mirroring (void)
{
  /* Peers low (0.5..1.0), own high (4.8): the marker is on the far side. */
  const MizanBoxPlotRow rows[] = {
    { "Governance", TRUE, 12, 0.5, 0.75, 1.0, TRUE, 4.8 },
    { "Legal", FALSE, 0, 0, 0, 0, TRUE, 4.8 },
  };
  cairo_surface_t *ltr = draw_box_plot (rows, G_N_ELEMENTS (rows), FALSE);
  cairo_surface_t *rtl = draw_box_plot (rows, G_N_ELEMENTS (rows), TRUE);
  int width = cairo_image_surface_get_width (ltr);
  const guint32 current = 0x1c71d8;
  g_autofree char *description = mizan_box_plot_describe (rows, G_N_ELEMENTS (rows));

  g_assert_cmpint (max_x_of (ltr, current, TRUE), >, width * 0.85);
  g_assert_cmpint (max_x_of (rtl, current, FALSE), <, width * 0.15);
  g_assert_nonnull (strstr (description, "Governance: yours 4.8; 12 peers, median 0.8, middle half 0.5 to 1.0."));
  g_assert_nonnull (strstr (description, "Legal: yours 4.8; not enough peers yet."));
  cairo_surface_destroy (ltr);
  cairo_surface_destroy (rtl);
}

const char *__lsan_default_suppressions (void);
const char *
__lsan_default_suppressions (void)
{
  return "leak:libfontconfig.so\n";
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/map/colours", test_map_colours_each_member_state);
  g_test_add_func ("/map/dark", test_map_dark);
  g_test_add_func ("/map/stylesheet", test_map_stylesheet_takes_only_country_codes);
  g_test_add_func ("/box-plot/own-marker-and-mirroring", test_box_plot_own_marker_and_mirroring);
  status = g_test_run ();
  pango_cairo_font_map_set_default (NULL);
  return status;
}
