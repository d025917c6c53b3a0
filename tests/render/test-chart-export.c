/* test-chart-export.c — charts written to SVG and PNG files, whole or not at all
 * Files are read back (GMarkup, cairo's PNG reader); failures must leave no file behind. */

#include "config.h"

#include <errno.h>
#include <math.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "mizan-charts.h"
#include "render-fixture.h"

typedef struct {
  Fixture  fx;
  char    *dir;
} Env;

static void
env_setup (Env           *env,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture_load (&env->fx);
  env->dir = g_dir_make_tmp ("mizan-chart-export-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    {
      g_unlink (path);
    }
}

static void
env_teardown (Env           *env,
              gconstpointer  data)
{
  g_chmod (env->dir, 0700);
  remove_tree (env->dir);
  g_free (env->dir);
  fixture_clear (&env->fx);
}

/* The names in @dir, sorted, joined by spaces. */
static char *
list_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

typedef struct {
  guint  depth;
  char  *root;
  char  *width;
  char  *height;
  guint  elements;
} SvgInfo;

static void
svg_start (GMarkupParseContext  *context,
           const char           *element,
           const char          **names,
           const char          **values,
           gpointer              data,
           GError              **error)
{
  SvgInfo *info = data;

  if (info->depth++ == 0)
    {
      info->root = g_strdup (element);
      for (guint i = 0; names[i] != NULL; i++)
        {
          if (strcmp (names[i], "width") == 0)
            info->width = g_strdup (values[i]);
          else if (strcmp (names[i], "height") == 0)
            info->height = g_strdup (values[i]);
        }
    }
  info->elements++;
}

static void
svg_end (GMarkupParseContext  *context,
         const char           *element,
         gpointer              data,
         GError              **error)
{
  SvgInfo *info = data;

  info->depth--;
}

static void
test_svg (Env           *env,
          gconstpointer  data)
{
  const MizanChartKind kinds[] = { MIZAN_CHART_RADAR, MIZAN_CHART_GAP_BARS, MIZAN_CHART_HEAT_MAP };
  const GMarkupParser parser = { svg_start, svg_end, NULL, NULL, NULL };

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autofree char *path = g_build_filename (env->dir, "chart.svg", NULL);
      g_autofree char *contents = NULL;
      g_autofree char *listing = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GMarkupParseContext) context = NULL;
      MizanChartStyle style = { .dark = k == 1 };
      SvgInfo info = { 0 };
      gsize length;

      g_assert_true (mizan_chart_write (kinds[k], env->fx.results, env->fx.statuses, path,
                                        MIZAN_CHART_FORMAT_SVG, 400, 300, &style, &error));
      g_assert_no_error (error);

      g_file_get_contents (path, &contents, &length, &error);
      g_assert_no_error (error);
      context = g_markup_parse_context_new (&parser, G_MARKUP_IGNORE_QUALIFIED, &info, NULL);
      g_assert_true (g_markup_parse_context_parse (context, contents, length, &error));
      g_assert_no_error (error);
      g_assert_true (g_markup_parse_context_end_parse (context, &error));
      g_assert_no_error (error);

      g_assert_cmpstr (info.root, ==, "svg");
      g_assert_cmpstr (info.width, ==, "400px");
      g_assert_cmpstr (info.height, ==, "300px");
      g_assert_cmpuint (info.elements, >, 20);

      /* Only the file: no temporary left beside it. */
      listing = list_dir (env->dir);
      g_assert_cmpstr (listing, ==, "chart.svg");

      g_free (info.root);
      g_free (info.width);
      g_free (info.height);
    }
}

static void
test_png (Env           *env,
          gconstpointer  data)
{
  g_autofree char *path = g_build_filename (env->dir, "gaps.png", NULL);
  g_autofree char *listing = NULL;
  g_autoptr(GError) error = NULL;
  MizanChartStyle style = { .rtl = TRUE };
  cairo_surface_t *surface;

  /* An existing file is replaced whole. */
  g_file_set_contents (path, "old", -1, &error);
  g_assert_no_error (error);

  g_assert_true (mizan_chart_write (MIZAN_CHART_GAP_BARS, env->fx.results, NULL, path,
                                    MIZAN_CHART_FORMAT_PNG, 333, 222.4, &style, &error));
  g_assert_no_error (error);

  surface = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 333);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 222);
  cairo_surface_destroy (surface);

  listing = list_dir (env->dir);
  g_assert_cmpstr (listing, ==, "gaps.png");
}

static void
test_heat_map_png_without_statuses (Env           *env,
                                    gconstpointer  data)
{
  g_autofree char *path = g_build_filename (env->dir, "heat.png", NULL);
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;

  g_assert_true (mizan_chart_write (MIZAN_CHART_HEAT_MAP, env->fx.results, NULL, path,
                                    MIZAN_CHART_FORMAT_PNG, 500, 400, NULL, &error));
  g_assert_no_error (error);
  surface = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 500);
  cairo_surface_destroy (surface);
}

static void
test_missing_directory (Env           *env,
                        gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (env->dir, "missing", NULL);
  g_autofree char *path = g_build_filename (missing, "chart.png", NULL);
  g_autofree char *listing = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (mizan_chart_write (MIZAN_CHART_RADAR, env->fx.results, NULL, path,
                                     MIZAN_CHART_FORMAT_PNG, 300, 200, NULL, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  /* The message names the file and the reason. */
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, g_strerror (ENOENT)));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  listing = list_dir (env->dir);
  g_assert_cmpstr (listing, ==, "");
}

static void
test_unwritable_directory (Env           *env,
                           gconstpointer  data)
{
  g_autofree char *path = g_build_filename (env->dir, "chart.svg", NULL);
  g_autoptr(GError) error = NULL;

  if (geteuid () == 0)
    {
      g_test_skip ("root writes anywhere");
      return;
    }
  g_assert_cmpint (g_chmod (env->dir, 0500), ==, 0);
  g_assert_false (mizan_chart_write (MIZAN_CHART_RADAR, env->fx.results, NULL, path,
                                     MIZAN_CHART_FORMAT_SVG, 300, 200, NULL, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_ACCES);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_bad_size (Env           *env,
               gconstpointer  data)
{
  const double sizes[][2] = { { 0, 100 }, { 100, -5 }, { NAN, 100 }, { 100, 1e9 }, { 0.4, 100 } };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    for (int format = MIZAN_CHART_FORMAT_SVG; format <= MIZAN_CHART_FORMAT_PNG; format++)
      {
        g_autofree char *path = g_build_filename (env->dir, "chart", NULL);
        g_autofree char *listing = NULL;
        g_autoptr(GError) error = NULL;

        g_assert_false (mizan_chart_write (MIZAN_CHART_RADAR, env->fx.results, NULL, path, format,
                                           sizes[i][0], sizes[i][1], NULL, &error));
        g_assert_error (error, MIZAN_CHART_ERROR, MIZAN_CHART_ERROR_INVALID);
        g_assert_nonnull (strstr (error->message, "pixels wide and high"));
        listing = list_dir (env->dir);
        g_assert_cmpstr (listing, ==, "");
      }
}

/* A disk that fills up mid-write (simulated with a file size limit): a clear
 * error, the old file untouched, no temporary left. Runs in a subprocess so
 * the limit stays there. */
static void
test_disk_full (Env           *env,
                gconstpointer  data)
{
  if (g_test_subprocess ())
    {
      g_autofree char *path = g_build_filename (env->dir, "chart.png", NULL);
      g_autofree char *contents = NULL;
      g_autofree char *listing = NULL;
      g_autoptr(GError) error = NULL;
      struct rlimit limit = { 2048, 2048 };

      g_file_set_contents (path, "old", -1, &error);
      g_assert_no_error (error);
      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

      g_assert_false (mizan_chart_write (MIZAN_CHART_HEAT_MAP, env->fx.results, env->fx.statuses, path,
                                         MIZAN_CHART_FORMAT_PNG, 800, 600, NULL, &error));
      /* GLib has no code of its own for EFBIG; the message carries the reason. */
      g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED);
      g_assert_nonnull (strstr (error->message, path));
      g_assert_nonnull (strstr (error->message, g_strerror (EFBIG)));

      g_file_get_contents (path, &contents, NULL, NULL);
      g_assert_cmpstr (contents, ==, "old");
      listing = list_dir (env->dir);
      g_assert_cmpstr (listing, ==, "chart.png");

      g_clear_error (&error);
      g_assert_false (mizan_chart_write (MIZAN_CHART_RADAR, env->fx.results, NULL, path,
                                         MIZAN_CHART_FORMAT_SVG, 800, 600, NULL, &error));
      g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED);
      g_free (listing);
      listing = list_dir (env->dir);
      g_assert_cmpstr (listing, ==, "chart.png");
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add ("/chart-export/" name, Env, NULL, env_setup, func, env_teardown)
  ADD ("svg", test_svg);
  ADD ("png", test_png);
  ADD ("heat-map-png-without-statuses", test_heat_map_png_without_statuses);
  ADD ("missing-directory", test_missing_directory);
  ADD ("unwritable-directory", test_unwritable_directory);
  ADD ("bad-size", test_bad_size);
  ADD ("disk-full", test_disk_full);
#undef ADD

  return fixture_release_fonts (g_test_run ());
}
