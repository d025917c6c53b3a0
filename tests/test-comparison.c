/* test-comparison.c — deltas between two assessments of one organization and framework
 * Expected figures are worked out by hand from DESIGN.md "Scoring" on tests/data/frameworks/mini.json. */

#include "config.h"

#include "mizan-comparison.h"

#define EPS 1e-12

static MizanFramework *
load_mini (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_getenv ("MIZAN_TEST_DATA"), "frameworks", "mini.json", NULL);
  MizanFramework *framework = mizan_framework_new_from_file (path, &error);

  g_assert_no_error (error);
  return framework;
}

static MizanAssessment *
assessment_of (MizanFramework *framework)
{
  MizanAssessment *assessment = mizan_assessment_new (NULL);

  mizan_assessment_set_framework (assessment, mizan_framework_get_id (framework),
                                  mizan_framework_get_version (framework));
  return assessment;
}

static void
test_deltas_and_changes (void)
{
  g_autoptr(MizanFramework) framework = load_mini ();
  g_autoptr(MizanAssessment) before = assessment_of (framework);
  g_autoptr(MizanAssessment) after = assessment_of (framework);
  g_autoptr(MizanComparison) comparison = NULL;

  /* Before: GOV.1 at level 1 (GOV.1.1, GOV.1.2 fully); nothing else. */
  mizan_assessment_set_answer (before, "GOV.1.1", MIZAN_STATUS_FULLY, NULL, NULL, 0);
  mizan_assessment_set_answer (before, "GOV.1.2", MIZAN_STATUS_FULLY, NULL, NULL, 0);
  mizan_assessment_set_answer (before, "OPS.1.1", MIZAN_STATUS_NOT, "a note", NULL, 0);
  /* After: GOV.1 at level 2 (GOV.1.3 largely), OPS.1 at level 1 (OPS.1.1 fully). */
  mizan_assessment_set_answer (after, "GOV.1.1", MIZAN_STATUS_FULLY, NULL, NULL, 0);
  mizan_assessment_set_answer (after, "GOV.1.2", MIZAN_STATUS_FULLY, "same status, new note", NULL, 0);
  mizan_assessment_set_answer (after, "GOV.1.3", MIZAN_STATUS_LARGELY, NULL, NULL, 0);
  mizan_assessment_set_answer (after, "OPS.1.1", MIZAN_STATUS_FULLY, NULL, NULL, 0);

  comparison = mizan_comparison_new (framework, before, after);

  /* GOV (weight 2): capabilities GOV.1 (weight 1) and GOV.2 (0.5) at levels
   * (1, 0) before → index 1/1.5 = 2/3; (2, 0) after → 2/1.5 = 4/3.
   * OPS (weight 1): level 0 before, 1 after.
   * Overall: before (2·2/3 + 0)/3 = 4/9; after (2·4/3 + 1)/3 = 11/9. */
  g_assert_true (comparison->comparable);
  g_assert_cmpfloat_with_epsilon (comparison->before->index, 4.0 / 9.0, EPS);
  g_assert_cmpfloat_with_epsilon (comparison->after->index, 11.0 / 9.0, EPS);
  g_assert_cmpfloat_with_epsilon (comparison->index_delta, 7.0 / 9.0, EPS);

  g_assert_cmpuint (comparison->n_domains, ==, 2);
  g_assert_cmpstr (comparison->domains[0].domain->id, ==, "GOV");
  g_assert_true (comparison->domains[0].comparable);
  g_assert_cmpfloat_with_epsilon (comparison->domains[0].index_delta, 2.0 / 3.0, EPS);
  g_assert_cmpint (comparison->domains[0].level_delta, ==, 0);    /* min stays 0 (GOV.2) */
  g_assert_cmpfloat_with_epsilon (comparison->domains[1].index_delta, 1.0, EPS);
  g_assert_cmpint (comparison->domains[1].level_delta, ==, 1);

  /* Completion: before 3 of 11 answered, after 4 of 11. */
  g_assert_cmpfloat_with_epsilon (comparison->completion_delta, 1.0 / 11.0, EPS);

  /* Only status moves count: GOV.1.3 (none → largely), OPS.1.1 (not → fully);
   * GOV.1.2's new note is not a change of status. */
  g_assert_cmpuint (comparison->n_changes, ==, 2);
  g_assert_cmpstr (comparison->changes[0].practice->id, ==, "GOV.1.3");
  g_assert_cmpint (comparison->changes[0].before, ==, MIZAN_STATUS_NONE);
  g_assert_cmpint (comparison->changes[0].after, ==, MIZAN_STATUS_LARGELY);
  g_assert_cmpstr (comparison->changes[1].practice->id, ==, "OPS.1.1");
  g_assert_cmpint (comparison->changes[1].before, ==, MIZAN_STATUS_NOT);
  g_assert_cmpint (comparison->changes[1].after, ==, MIZAN_STATUS_FULLY);
}

static void
test_not_applicable_domain (void)
{
  g_autoptr(MizanFramework) framework = load_mini ();
  g_autoptr(MizanAssessment) before = assessment_of (framework);
  g_autoptr(MizanAssessment) after = assessment_of (framework);
  g_autoptr(MizanComparison) comparison = NULL;
  const char *ops[] = { "OPS.1.1", "OPS.1.2", "OPS.1.3", "OPS.1.4" };

  /* OPS is not applicable afterwards: its domain has no delta, and the
   * overall figures of each side leave it out. */
  for (guint i = 0; i < G_N_ELEMENTS (ops); i++)
    mizan_assessment_set_answer (after, ops[i], MIZAN_STATUS_NA, NULL, NULL, 0);
  comparison = mizan_comparison_new (framework, before, after);

  g_assert_true (comparison->domains[0].comparable);
  g_assert_false (comparison->domains[1].comparable);
  g_assert_cmpfloat (comparison->domains[1].index_delta, ==, 0);
  g_assert_cmpuint (comparison->n_changes, ==, 4);
}

static void
test_identical (void)
{
  g_autoptr(MizanFramework) framework = load_mini ();
  g_autoptr(MizanAssessment) one = assessment_of (framework);
  g_autoptr(MizanComparison) comparison = NULL;

  mizan_assessment_set_answer (one, "GOV.2.1", MIZAN_STATUS_PARTIALLY, NULL, NULL, 0);
  comparison = mizan_comparison_new (framework, one, one);
  g_assert_cmpuint (comparison->n_changes, ==, 0);
  g_assert_cmpfloat (comparison->index_delta, ==, 0);
  g_assert_cmpfloat (comparison->completion_delta, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/comparison/deltas-and-changes", test_deltas_and_changes);
  g_test_add_func ("/comparison/not-applicable-domain", test_not_applicable_domain);
  g_test_add_func ("/comparison/identical", test_identical);

  return g_test_run ();
}
