/* bench-report.c — figures for the PDF report and the XLSX of the built-in model, fully answered
 * Prints the median time and the size of each; not a test, no pass or fail. Aim: under 1 s and 3 MB. */

#include "config.h"

#include <stdio.h>

#include "mizan-catalog.h"
#include "mizan-report.h"
#include "mizan-xlsx.h"

#define RUNS 7

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

/* Every practice answered, cycling through the statuses, a note on every third. */
static MizanAssessment *
full_assessment (MizanFramework *framework)
{
  static const MizanStatus cycle[] = { MIZAN_STATUS_FULLY, MIZAN_STATUS_LARGELY, MIZAN_STATUS_PARTIALLY,
                                       MIZAN_STATUS_NOT, MIZAN_STATUS_NA, MIZAN_STATUS_FULLY };
  MizanAssessment *assessment = mizan_assessment_new (NULL);

  mizan_assessment_set_framework (assessment, mizan_framework_get_id (framework), mizan_framework_get_version (framework));
  mizan_assessment_set_organization (assessment, "Ministry of Benchmarks", "PAK", "government", "large");
  mizan_assessment_set_title (assessment, "Annual review");
  mizan_assessment_set_assessor (assessment, "A. Assessor");
  for (guint i = 0; i < mizan_framework_get_n_practices (framework); i++)
    mizan_assessment_set_answer (assessment, mizan_framework_get_practice (framework, i)->id,
                                 cycle[i % G_N_ELEMENTS (cycle)],
                                 i % 3 == 0 ? "Discussed with the security officer; the draft is not signed yet." : NULL,
                                 i % 4 == 0 ? "Minutes of the board, March, item 4" : NULL, 0);
  return assessment;
}

static void
bench_report (MizanFramework  *framework,
              MizanAssessment *assessment,
              const char      *lang)
{
  MizanReportOptions options = { .language = lang, .consultant = "Acme Advisory" };
  double times[RUNS];
  gsize size = 0;
  guint pages = 0;

  for (guint run = 0; run < RUNS; run++)
    {
      g_autoptr(GError) error = NULL;
      gint64 begin = g_get_monotonic_time ();
      g_autoptr(MizanReport) report = mizan_report_new (framework, assessment, &options, &error);
      g_autoptr(GBytes) pdf = report != NULL ? mizan_report_to_pdf (report, &error) : NULL;

      if (pdf == NULL)
        {
          fprintf (stderr, "report failed: %s\n", error->message);
          exit (1);
        }
      times[run] = (g_get_monotonic_time () - begin) / 1000.0;
      size = g_bytes_get_size (pdf);
      pages = mizan_report_get_n_pages (report);
    }
  qsort (times, RUNS, sizeof *times, compare_doubles);
  printf ("| PDF report (%s, %u pages) of the fully answered built-in model: time, size | %.0f ms, %.0f KB | < 1 s, < 3 MB | %s |\n",
          lang, pages, times[RUNS / 2], size / 1024.0,
          times[RUNS / 2] < 1000 && size < 3 * 1024 * 1024 ? "yes" : "**no**");
}

int
main (void)
{
  g_autoptr(MizanCatalog) catalog = mizan_catalog_new_default ();
  MizanFramework *framework = mizan_catalog_lookup (catalog, "oic-ccmm", NULL);
  g_autoptr(MizanAssessment) assessment = NULL;
  g_autoptr(MizanResults) results = NULL;
  double times[RUNS];
  gsize size = 0;

  if (framework == NULL)
    {
      fprintf (stderr, "the built-in model oic-ccmm is not installed (set MIZAN_FRAMEWORKS_DIR)\n");
      return 1;
    }
  assessment = full_assessment (framework);
  results = mizan_results_compute (framework, assessment);

  printf ("PDF report and XLSX of %s %s, %u practices all answered; median of %d runs (aim: < 1 s, < 3 MB)\n",
          mizan_framework_get_id (framework), mizan_framework_get_version (framework),
          mizan_framework_get_n_practices (framework), RUNS);
  printf ("%-26s %12s %12s\n", "report language", "time", "size");
  bench_report (framework, assessment, "en");
  bench_report (framework, assessment, "ar");
  bench_report (framework, assessment, "fr");

  for (guint run = 0; run < RUNS; run++)
    {
      g_autoptr(GError) error = NULL;
      gint64 begin = g_get_monotonic_time ();
      g_autoptr(GBytes) xlsx = mizan_xlsx_build (assessment, results, &error);

      if (xlsx == NULL)
        {
          fprintf (stderr, "xlsx failed: %s\n", error->message);
          return 1;
        }
      times[run] = (g_get_monotonic_time () - begin) / 1000.0;
      size = g_bytes_get_size (xlsx);
    }
  qsort (times, RUNS, sizeof *times, compare_doubles);
  printf ("| XLSX export of the fully answered built-in model: time, size | %.0f ms, %.0f KB | | |\n",
          times[RUNS / 2], size / 1024.0);
  return 0;
}
