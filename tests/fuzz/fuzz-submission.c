/* fuzz-submission.c — libFuzzer harness for the server's submission validator
 * Any body: an error naming a known code, or a submission whose stored form validates again to the same figures. */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "mizan-countries.h"
#include "mizan-server-validate.h"

#include "fuzz-common.h"

/* 2026-12-01T00:00:00Z: a fixed "now", so each input always meets the same rules. */
#define FUZZ_NOW G_GINT64_CONSTANT (1796083200)

static MizanCatalog *catalog;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  catalog = fuzz_catalog_new ();
  return 0;
}

static gboolean
same_figure (double a,
             double b)
{
  return (isnan (a) && isnan (b)) || a == b;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(MizanServerSubmission) submission = NULL;
  g_autoptr(MizanServerSubmission) again = NULL;
  g_autoptr(MizanServerSubmission) unpacked = NULL;
  g_autoptr(GBytes) packed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *field = NULL;
  guint n_slots;

  submission = mizan_server_validate_submission ((const char *) data, size, catalog,
                                                 mizan_countries_get_oic (), FUZZ_NOW,
                                                 &field, &error);
  if (submission == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == MIZAN_SERVER_VALIDATE_ERROR);
      g_assert_nonnull (mizan_server_validate_error_name (error->code));
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_assert_true (field == NULL || g_utf8_validate (field, -1, NULL));
      return 0;
    }
  g_assert_no_error (error);
  g_assert_nonnull (submission->payload);

  /* The payload as stored is what a restart validates again. */
  again = mizan_server_validate_submission (submission->payload, strlen (submission->payload),
                                            catalog, mizan_countries_get_oic (), FUZZ_NOW,
                                            NULL, &error);
  if (again == NULL)
    {
      fprintf (stderr, "the stored form of an accepted submission is refused: %s\n%s\n",
               error->message, submission->payload);
      abort ();
    }
  g_assert_cmpstr (again->id, ==, submission->id);
  g_assert_cmpstr (again->payload, ==, submission->payload);

  n_slots = mizan_slots_count (submission->framework);
  packed = mizan_server_submission_pack_figures (submission);
  unpacked = mizan_server_submission_new (submission->framework);
  g_assert_true (mizan_server_submission_unpack_figures (unpacked, g_bytes_get_data (packed, NULL),
                                                         g_bytes_get_size (packed)));
  for (guint i = 0; i < n_slots; i++)
    {
      g_assert_true (same_figure (again->values[i], submission->values[i]));
      g_assert_true (same_figure (unpacked->values[i], submission->values[i]));
    }
  return 0;
}
