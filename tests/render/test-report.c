/* test-report.c — the report object: pages, paper, languages, bad options, drawing on any surface
 * The PDF's content is read back by tests/test-report.py; here the API a printer and the app use. */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gstdio.h>

#include "mizan-report.h"

typedef struct {
  MizanFramework  *framework;
  MizanAssessment *assessment;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *path = g_build_filename (g_getenv ("MIZAN_TEST_DATA"), "frameworks", "mini.json", NULL);
  g_autoptr(GError) error = NULL;

  fixture->framework = mizan_framework_new_from_file (path, &error);
  g_assert_no_error (error);
  fixture->assessment = mizan_assessment_new (NULL);
  mizan_assessment_set_framework (fixture->assessment, "mini", "1.0.0");
  mizan_assessment_set_organization (fixture->assessment, "Ministry of Tests", "PAK", "government", "large");
  mizan_assessment_set_title (fixture->assessment, "Report test");
  for (guint i = 0; i < mizan_framework_get_n_practices (fixture->framework); i++)
    mizan_assessment_set_answer (fixture->assessment, mizan_framework_get_practice (fixture->framework, i)->id,
                                 i % 3 == 0 ? MIZAN_STATUS_FULLY : MIZAN_STATUS_PARTIALLY,
                                 i == 1 ? "A note" : NULL, NULL, 0);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_object (&fixture->assessment);
  g_clear_object (&fixture->framework);
}

/* Every page drawn at half size, as a print preview would, leaves cairo without error. */
static void
test_pages_draw_scaled (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MizanReport) report = mizan_report_new (fixture->framework, fixture->assessment, NULL, &error);
  double width, height;

  g_assert_no_error (error);
  mizan_report_get_page_size (report, &width, &height);
  g_assert_cmpfloat_with_epsilon (width, 595.276, 0.01);
  g_assert_cmpfloat_with_epsilon (height, 841.89, 0.01);
  /* cover, contents, summary, heat map, 2 domains, roadmap, method */
  g_assert_cmpuint (mizan_report_get_n_pages (report), >=, 8);

  for (guint page = 0; page < mizan_report_get_n_pages (report); page++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 300, 421);
      cairo_t *cr = cairo_create (surface);
      const guint8 *pixels;
      gboolean inked = FALSE;

      cairo_scale (cr, 300 / width, 300 / width);
      mizan_report_draw_page (report, cr, page);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_surface_flush (surface);
      pixels = cairo_image_surface_get_data (surface);
      /* Something other than the white page is drawn on each. */
      for (int i = 0; i < cairo_image_surface_get_stride (surface) * 421 && !inked; i += 4)
        inked = pixels[i] < 200;
      g_assert_true (inked);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
}

static void
test_letter_and_languages (Fixture       *fixture,
                           gconstpointer  data)
{
  static const char * const langs[] = { "en", "ar", "fr" };

  for (guint i = 0; i < G_N_ELEMENTS (langs); i++)
    {
      MizanReportOptions options = { .language = langs[i], .paper = MIZAN_PAPER_LETTER };
      g_autoptr(GError) error = NULL;
      g_autoptr(MizanReport) report = mizan_report_new (fixture->framework, fixture->assessment, &options, &error);
      g_autoptr(GBytes) pdf = NULL;
      double width, height;

      g_assert_no_error (error);
      g_assert_cmpstr (mizan_report_get_language (report), ==, langs[i]);
      mizan_report_get_page_size (report, &width, &height);
      g_assert_cmpfloat (width, ==, 612);
      g_assert_cmpfloat (height, ==, 792);
      pdf = mizan_report_to_pdf (report, &error);
      g_assert_no_error (error);
      g_assert_cmpmem (g_bytes_get_data (pdf, NULL), 5, "%PDF-", 5);
    }
}

static void
test_bad_options (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *dir = g_dir_make_tmp ("mizan-report-XXXXXX", NULL);
  g_autofree char *not_svg = g_build_filename (dir, "logo.svg", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.svg", NULL);
  g_autofree char *other_path = g_build_filename (g_getenv ("MIZAN_TEST_DATA"), "render", "charts.json", NULL);
  g_autoptr(MizanFramework) other = mizan_framework_new_from_file (other_path, NULL);
  g_autoptr(MizanAssessment) earlier = mizan_assessment_new (NULL);
  const struct { MizanReportOptions options; MizanReportError code; const char *words; } cases[] = {
    { { .language = "de" }, MIZAN_REPORT_ERROR_INVALID, "“de”" },
    { { .paper = 7 }, MIZAN_REPORT_ERROR_INVALID, "paper" },
    { { .logo_path = missing }, MIZAN_REPORT_ERROR_LOGO, "does not exist" },
    { { .logo_path = not_svg }, MIZAN_REPORT_ERROR_LOGO, "not a readable SVG" },
    { { .compare = earlier, .compare_framework = other }, MIZAN_REPORT_ERROR_INVALID, "cannot be compared" },
  };

  g_assert_nonnull (other);
  g_assert_true (g_file_set_contents (not_svg, "GIF89a", -1, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(MizanReport) report = mizan_report_new (fixture->framework, fixture->assessment,
                                                        &cases[i].options, &error);

      g_assert_null (report);
      g_assert_error (error, MIZAN_REPORT_ERROR, (gint) cases[i].code);
      g_assert_nonnull (strstr (error->message, cases[i].words));
      g_assert_null (strchr (error->message, '\n'));
    }
  g_unlink (not_svg);
  g_rmdir (dir);
}

static void
test_write_is_atomic (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *dir = g_dir_make_tmp ("mizan-report-XXXXXX", NULL);
  g_autofree char *blocker = g_build_filename (dir, "file", NULL);
  g_autofree char *inside = g_build_filename (blocker, "report.pdf", NULL);
  g_autofree char *good = g_build_filename (dir, "report.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(MizanReport) report = mizan_report_new (fixture->framework, fixture->assessment, NULL, &error);
  g_autoptr(GDir) listing = NULL;
  guint n = 0;

  g_assert_true (g_file_set_contents (blocker, "x", -1, NULL));
  g_assert_false (mizan_report_write_pdf (report, inside, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, inside));
  g_clear_error (&error);
  g_assert_true (mizan_report_write_pdf (report, good, &error));
  g_assert_no_error (error);

  listing = g_dir_open (dir, 0, NULL);
  while (g_dir_read_name (listing) != NULL)
    n++;
  g_assert_cmpuint (n, ==, 2);   /* the blocker and the report: no temporary file left */
  g_unlink (good);
  g_unlink (blocker);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/report/pages-draw-scaled", Fixture, NULL, fixture_setup, test_pages_draw_scaled, fixture_teardown);
  g_test_add ("/report/letter-and-languages", Fixture, NULL, fixture_setup, test_letter_and_languages, fixture_teardown);
  g_test_add ("/report/bad-options", Fixture, NULL, fixture_setup, test_bad_options, fixture_teardown);
  g_test_add ("/report/write-is-atomic", Fixture, NULL, fixture_setup, test_write_is_atomic, fixture_teardown);
  return g_test_run ();
}
