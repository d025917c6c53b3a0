/* fuzz-exchange.c — libFuzzer harness for the .mizan importer
 * Any bytes: an error, or an assessment that scores, exports and reads back the same. */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "mizan-exchange.h"
#include "mizan-submission.h"

#include "fuzz-common.h"

static MizanCatalog *catalog;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  catalog = fuzz_catalog_new ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(MizanAssessment) assessment = NULL;
  g_autoptr(MizanAssessment) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) submission = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *reexported = NULL;
  g_autofree char *csv = NULL;
  MizanFramework *framework;
  MizanResults *results;
  gsize length, relength, csv_length;

  assessment = mizan_exchange_read_data ((const char *) data, size, "fuzz.mizan", catalog, &error);
  if (assessment == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (g_str_has_prefix (error->message, "fuzz.mizan"));
      return 0;
    }
  g_assert_no_error (error);

  framework = mizan_catalog_lookup (catalog, mizan_assessment_get_framework_id (assessment),
                                    mizan_assessment_get_framework_version (assessment));
  g_assert_nonnull (framework);

  results = mizan_results_compute (framework, assessment);
  csv = mizan_exchange_to_csv (assessment, framework, results, &csv_length);
  g_assert_nonnull (csv);
  submission = mizan_submission_build (assessment, results, "00000000-0000-4000-8000-000000000000");
  g_assert_nonnull (submission);
  mizan_results_free (results);

  /* What was accepted must export to a file that is accepted again, and
   * that file must be a fixed point. */
  exported = mizan_exchange_to_data (assessment, &length);
  again = mizan_exchange_read_data (exported, length, "fuzz.mizan (exported)", catalog, &error);
  if (again == NULL)
    {
      /* abort (), not g_error (): libFuzzer keeps the input on SIGABRT. */
      fprintf (stderr, "an accepted file does not read back after export: %s\n%s\n", error->message, exported);
      abort ();
    }
  g_assert_cmpuint (mizan_assessment_count_answered (again), ==, mizan_assessment_count_answered (assessment));
  reexported = mizan_exchange_to_data (again, &relength);
  g_assert_cmpstr (reexported, ==, exported);
  return 0;
}
