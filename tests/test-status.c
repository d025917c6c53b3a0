/* test-status.c — answer statuses: spelling, labels and credit
 * The spelling is the exchange and database format, so it must never drift. */

#include "config.h"

#include "mizan-status.h"

static void
test_status_strings_round_trip (void)
{
  static const struct {
    MizanStatus  status;
    const char  *string;
  } cases[] = {
    { MIZAN_STATUS_FULLY, "fully" },
    { MIZAN_STATUS_LARGELY, "largely" },
    { MIZAN_STATUS_PARTIALLY, "partially" },
    { MIZAN_STATUS_NOT, "not" },
    { MIZAN_STATUS_NA, "na" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      MizanStatus parsed = MIZAN_STATUS_NONE;

      g_assert_cmpstr (mizan_status_to_string (cases[i].status), ==, cases[i].string);
      g_assert_true (mizan_status_from_string (cases[i].string, &parsed));
      g_assert_cmpint (parsed, ==, cases[i].status);
    }

  g_assert_null (mizan_status_to_string (MIZAN_STATUS_NONE));
}

static void
test_status_rejects_unknown (void)
{
  static const char * const bad[] = {
    "", "none", "Fully", "FULLY", " fully", "fully ", "n/a", "NA", "yes", "1", "partial",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      MizanStatus parsed = MIZAN_STATUS_LARGELY;

      g_assert_false (mizan_status_from_string (bad[i], &parsed));
      /* A failed parse must not clobber the caller's value. */
      g_assert_cmpint (parsed, ==, MIZAN_STATUS_LARGELY);
    }

  g_assert_false (mizan_status_from_string (NULL, NULL));
}

static void
test_status_credit (void)
{
  g_assert_cmpfloat_with_epsilon (mizan_status_get_credit (MIZAN_STATUS_FULLY), 1.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (mizan_status_get_credit (MIZAN_STATUS_LARGELY), 2.0 / 3.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (mizan_status_get_credit (MIZAN_STATUS_PARTIALLY), 1.0 / 3.0, 1e-12);
  g_assert_cmpfloat (mizan_status_get_credit (MIZAN_STATUS_NOT), ==, 0.0);
  g_assert_cmpfloat (mizan_status_get_credit (MIZAN_STATUS_NONE), ==, 0.0);
  g_assert_cmpfloat (mizan_status_get_credit (MIZAN_STATUS_NA), ==, 0.0);
}

static void
test_status_passes_and_answered (void)
{
  g_assert_true (mizan_status_passes (MIZAN_STATUS_FULLY));
  g_assert_true (mizan_status_passes (MIZAN_STATUS_LARGELY));
  g_assert_false (mizan_status_passes (MIZAN_STATUS_PARTIALLY));
  g_assert_false (mizan_status_passes (MIZAN_STATUS_NOT));
  g_assert_false (mizan_status_passes (MIZAN_STATUS_NA));
  g_assert_false (mizan_status_passes (MIZAN_STATUS_NONE));

  g_assert_false (mizan_status_is_answered (MIZAN_STATUS_NONE));
  for (int s = MIZAN_STATUS_FULLY; s < MIZAN_N_STATUSES; s++)
    g_assert_true (mizan_status_is_answered ((MizanStatus) s));
}

static void
test_status_labels (void)
{
  /* LC_ALL=C.UTF-8 in the test environment: the English source strings. */
  g_assert_cmpstr (mizan_status_get_label (MIZAN_STATUS_FULLY), ==, "Fully implemented");
  g_assert_cmpstr (mizan_status_get_label (MIZAN_STATUS_LARGELY), ==, "Largely implemented");
  g_assert_cmpstr (mizan_status_get_label (MIZAN_STATUS_PARTIALLY), ==, "Partially implemented");
  g_assert_cmpstr (mizan_status_get_label (MIZAN_STATUS_NOT), ==, "Not implemented");
  g_assert_cmpstr (mizan_status_get_label (MIZAN_STATUS_NA), ==, "Not applicable");
  g_assert_cmpstr (mizan_status_get_label (MIZAN_STATUS_NONE), ==, "Not answered");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/status/strings-round-trip", test_status_strings_round_trip);
  g_test_add_func ("/status/rejects-unknown", test_status_rejects_unknown);
  g_test_add_func ("/status/credit", test_status_credit);
  g_test_add_func ("/status/passes-and-answered", test_status_passes_and_answered);
  g_test_add_func ("/status/labels", test_status_labels);

  return g_test_run ();
}
