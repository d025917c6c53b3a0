/* test-submission.c — the anonymized mizan-submission/1 payload
 * Only the allowed keys leave the machine, and nothing identifying hides in their values. */

#include "config.h"

#include <stdarg.h>
#include <string.h>

#include "mizan-submission.h"

#define EPS 1e-12

#define P(id, lvl)          "{\"id\":\"" id "\",\"level\":" #lvl ",\"text\":\"x\"}"
#define CAP(id, ps)         "{\"id\":\"" id "\",\"title\":\"x\",\"practices\":[" ps "]}"
#define DOM(id, cs)         "{\"id\":\"" id "\",\"title\":\"x\",\"capabilities\":[" cs "]}"

/* Three domains: GOV applicable, NA all na (left out), OPS with one na capability. */
static const char framework_json[] =
  "{\"format\":\"mizan-framework\",\"format_version\":1,\"id\":\"sub-fw\",\"version\":\"2.0.1\","
  "\"title\":\"Submission test\",\"default_target\":2,"
  "\"levels\":[{\"level\":1,\"name\":\"One\"},{\"level\":2,\"name\":\"Two\"}],"
  "\"domains\":["
    DOM ("GOV", CAP ("GOV.1", P ("GOV.1.1", 1) "," P ("GOV.1.2", 2)) ","
                CAP ("GOV.2", P ("GOV.2.1", 1) "," P ("GOV.2.2", 2))) ","
    DOM ("NA",  CAP ("NA.1",  P ("NA.1.1", 1)  "," P ("NA.1.2", 2))) ","
    DOM ("OPS", CAP ("OPS.1", P ("OPS.1.1", 1) "," P ("OPS.1.2", 2)) ","
                CAP ("OPS.2", P ("OPS.2.1", 1) "," P ("OPS.2.2", 2)))
  "]}";

#define ASSESSMENT_ID "5d1f0c2e-8a47-4b6e-9f3d-71c2a9e4b806"
#define ORG_NAME      "Qamar Sentinel Ministry of Distinct Affairs"
#define TITLE         "Annual review Zephyrine-4471"
#define ASSESSOR      "Dr. Halima Oyelaran-Quistgaard"
#define NOTE          "note-text-Xylophrastic-0091"
#define EVIDENCE      "https://intranet.example/evidence/Vorticellid-5523.pdf"

/* 2026-11-05T08:09:10Z and 2025-02-14T16:30:00Z */
#define UPDATED 1793866150
#define CREATED 1739550600

static MizanFramework *
load_framework (void)
{
  g_autoptr(GError) error = NULL;
  MizanFramework *framework;

  framework = mizan_framework_new_from_data (framework_json, -1, "submission.json", &error);
  g_assert_no_error (error);
  return framework;
}

static MizanAssessment *
make_assessment (void)
{
  MizanAssessment *a = mizan_assessment_new (ASSESSMENT_ID);

  mizan_assessment_set_framework (a, "sub-fw", "2.0.1");
  mizan_assessment_set_title (a, TITLE);
  mizan_assessment_set_assessor (a, ASSESSOR);
  mizan_assessment_set_organization (a, ORG_NAME, "PAK", "finance", "large");
  mizan_assessment_set_org_id (a, 424242);

  mizan_assessment_set_answer (a, "GOV.1.1", MIZAN_STATUS_FULLY, NOTE, EVIDENCE, UPDATED);
  mizan_assessment_set_answer (a, "GOV.1.2", MIZAN_STATUS_LARGELY, NOTE " 2", EVIDENCE "#2", UPDATED);
  mizan_assessment_set_answer (a, "GOV.2.1", MIZAN_STATUS_PARTIALLY, NULL, EVIDENCE, UPDATED);
  mizan_assessment_set_answer (a, "NA.1.1", MIZAN_STATUS_NA, NOTE, NULL, UPDATED);
  mizan_assessment_set_answer (a, "NA.1.2", MIZAN_STATUS_NA, NULL, NULL, UPDATED);
  mizan_assessment_set_answer (a, "OPS.1.1", MIZAN_STATUS_FULLY, NULL, NULL, UPDATED);
  mizan_assessment_set_answer (a, "OPS.2.1", MIZAN_STATUS_NA, NULL, NULL, UPDATED);
  mizan_assessment_set_answer (a, "OPS.2.2", MIZAN_STATUS_NA, NULL, NULL, UPDATED);
  /* A note on an unanswered practice is still a note. */
  mizan_assessment_set_answer (a, "OPS.1.2", MIZAN_STATUS_NONE, NOTE " 3", EVIDENCE "#3", UPDATED);
  mizan_assessment_set_target (a, "GOV.1", 2);

  mizan_assessment_set_created (a, CREATED);
  mizan_assessment_set_updated (a, UPDATED);
  return a;
}

/* The object's keys are exactly the NULL-terminated list: no more, no fewer. */
static void
assert_keys (JsonObject *object,
             const char *where,
             ...)
{
  g_autoptr(GList) members = json_object_get_members (object);
  g_autoptr(GPtrArray) expected = g_ptr_array_new ();
  const char *key;
  va_list args;

  va_start (args, where);
  while ((key = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (expected, (gpointer) key);
  va_end (args);

  for (GList *l = members; l != NULL; l = l->next)
    if (!g_ptr_array_find_with_equal_func (expected, l->data, g_str_equal, NULL))
      g_error ("%s: key “%s” is not allowed in a submission", where, (const char *) l->data);
  for (guint i = 0; i < expected->len; i++)
    if (!json_object_has_member (object, g_ptr_array_index (expected, i)))
      g_error ("%s: missing key “%s”", where, (const char *) g_ptr_array_index (expected, i));
}

/* What would go over the wire, parsed back as the server would. */
static JsonNode *
roundtrip (JsonNode  *payload,
           char     **text_out)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = json_to_string (payload, TRUE);
  JsonNode *root = json_from_string (text, &error);

  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
  if (text_out != NULL)
    *text_out = g_steal_pointer (&text);
  return root;
}

static void
test_keys (void)
{
  g_autoptr(MizanFramework) fw = load_framework ();
  g_autoptr(MizanAssessment) a = make_assessment ();
  g_autoptr(MizanResults) r = mizan_results_compute (fw, a);
  g_autoptr(JsonNode) payload = mizan_submission_build (a, r, "e8c1d3b5-6f27-4a90-8b14-3c5d7e9f0a21");
  g_autoptr(JsonNode) root = roundtrip (payload, NULL);
  JsonObject *o = json_node_get_object (root);
  JsonArray *domains, *capabilities;

  assert_keys (o, "submission", "schema", "submission_id", "framework", "country", "sector",
               "size", "period", "domains", "capabilities", NULL);
  assert_keys (json_object_get_object_member (o, "framework"), "framework", "id", "version", NULL);

  g_assert_cmpstr (json_object_get_string_member (o, "schema"), ==, "mizan-submission/1");
  g_assert_cmpstr (json_object_get_string_member (o, "submission_id"), ==, "e8c1d3b5-6f27-4a90-8b14-3c5d7e9f0a21");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (o, "framework"), "id"), ==, "sub-fw");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (o, "framework"), "version"), ==, "2.0.1");
  g_assert_cmpstr (json_object_get_string_member (o, "country"), ==, "PAK");
  g_assert_cmpstr (json_object_get_string_member (o, "sector"), ==, "finance");
  g_assert_cmpstr (json_object_get_string_member (o, "size"), ==, "large");
  g_assert_cmpstr (json_object_get_string_member (o, "period"), ==, "2026-Q4");

  /* The NA domain and the all-na capabilities NA.1 and OPS.2 have no figures
   * to compare and are left out. */
  domains = json_object_get_array_member (o, "domains");
  g_assert_cmpuint (json_array_get_length (domains), ==, 2);
  for (guint i = 0; i < json_array_get_length (domains); i++)
    {
      g_autofree char *where = g_strdup_printf ("domains[%u]", i);

      assert_keys (json_array_get_object_element (domains, i), where, "id", "level", "index", "score", NULL);
    }

  /* GOV: GOV.1 level 2 (fully, largely), score (1 + 2/3) / 2 = 5/6;
   * GOV.2 level 0 (partially, unanswered), score (1/3 + 0) / 2 = 1/6;
   * domain level 0, index (2 + 0) / 2 = 1, score (5/6 + 1/6) / 2 = 1/2 */
  {
    JsonObject *gov = json_array_get_object_element (domains, 0);

    g_assert_cmpstr (json_object_get_string_member (gov, "id"), ==, "GOV");
    g_assert_cmpint (json_object_get_int_member (gov, "level"), ==, 0);
    g_assert_cmpfloat_with_epsilon (json_object_get_double_member (gov, "index"), 1.0, EPS);
    g_assert_cmpfloat_with_epsilon (json_object_get_double_member (gov, "score"), 0.5, EPS);
  }
  /* OPS: only OPS.1, level 1 (OPS.1.2 unanswered), score (1 + 0) / 2 */
  {
    JsonObject *ops = json_array_get_object_element (domains, 1);

    g_assert_cmpstr (json_object_get_string_member (ops, "id"), ==, "OPS");
    g_assert_cmpint (json_object_get_int_member (ops, "level"), ==, 1);
    g_assert_cmpfloat_with_epsilon (json_object_get_double_member (ops, "index"), 1.0, EPS);
    g_assert_cmpfloat_with_epsilon (json_object_get_double_member (ops, "score"), 0.5, EPS);
  }

  capabilities = json_object_get_array_member (o, "capabilities");
  g_assert_cmpuint (json_array_get_length (capabilities), ==, 3);
  {
    const char *ids[] = { "GOV.1", "GOV.2", "OPS.1" };
    const gint64 levels[] = { 2, 0, 1 };
    const double scores[] = { 5.0 / 6.0, 1.0 / 6.0, 0.5 };

    for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
      {
        JsonObject *c = json_array_get_object_element (capabilities, i);
        g_autofree char *where = g_strdup_printf ("capabilities[%u]", i);

        assert_keys (c, where, "id", "level", "score", NULL);
        g_assert_cmpstr (json_object_get_string_member (c, "id"), ==, ids[i]);
        g_assert_cmpint (json_object_get_int_member (c, "level"), ==, levels[i]);
        g_assert_cmpfloat_with_epsilon (json_object_get_double_member (c, "score"), scores[i], EPS);
      }
  }
}

static void
test_nothing_identifying (void)
{
  g_autoptr(MizanFramework) fw = load_framework ();
  g_autoptr(MizanAssessment) a = make_assessment ();
  g_autoptr(MizanResults) r = mizan_results_compute (fw, a);
  g_autoptr(JsonNode) payload = mizan_submission_build (a, r, NULL);
  g_autofree char *text = NULL;
  g_autoptr(JsonNode) root = roundtrip (payload, &text);
  const char *submission_id;
  g_autofree char *updated_s = g_strdup_printf ("%d", UPDATED);
  g_autofree char *created_s = g_strdup_printf ("%d", CREATED);
  const char *forbidden[] = {
    ORG_NAME, "Qamar", TITLE, "Zephyrine", ASSESSOR, "Oyelaran", NOTE, "Xylophrastic",
    EVIDENCE, "Vorticellid", "intranet.example", ASSESSMENT_ID, "5d1f0c2e",
    /* exact dates, in any form a serializer might pick */
    "2026-11-05", "2026-11", "2025-02-14", "08:09:10", updated_s, created_s,
    "424242",
  };

  for (guint i = 0; i < G_N_ELEMENTS (forbidden); i++)
    if (strstr (text, forbidden[i]) != NULL)
      g_error ("the payload holds “%s”:\n%s", forbidden[i], text);

  /* The random id is a v4 UUID and differs from the local assessment id. */
  submission_id = json_object_get_string_member (json_node_get_object (root), "submission_id");
  g_assert_true (g_uuid_string_is_valid (submission_id));
  g_assert_cmpint (submission_id[14], ==, '4');
  g_assert_cmpstr (submission_id, !=, ASSESSMENT_ID);

  /* and is fresh each time when the caller has none to keep */
  {
    g_autoptr(JsonNode) again = mizan_submission_build (a, r, NULL);

    g_assert_cmpstr (json_object_get_string_member (json_node_get_object (again), "submission_id"), !=,
                     submission_id);
  }
}

static gint64
utc (int year, int month, int day, int hour, int minute, int second)
{
  g_autoptr(GDateTime) dt = g_date_time_new_utc (year, month, day, hour, minute, second);

  g_assert_nonnull (dt);
  return g_date_time_to_unix (dt);
}

static void
assert_period (gint64 t, const char *expected)
{
  g_autofree char *period = mizan_submission_period (t);

  g_assert_cmpstr (period, ==, expected);
}

static void
test_period (void)
{
  /* TZ is set far from UTC in main(), so a local-time slip would show here. */
  assert_period (utc (2026, 1, 1, 0, 0, 0), "2026-Q1");
  assert_period (utc (2026, 3, 31, 23, 59, 59), "2026-Q1");
  assert_period (utc (2026, 4, 1, 0, 0, 0), "2026-Q2");
  assert_period (utc (2026, 6, 30, 23, 59, 59), "2026-Q2");
  assert_period (utc (2026, 7, 1, 0, 0, 0), "2026-Q3");
  assert_period (utc (2026, 9, 30, 23, 59, 59), "2026-Q3");
  assert_period (utc (2026, 10, 1, 0, 0, 0), "2026-Q4");
  assert_period (utc (2026, 12, 31, 23, 59, 59), "2026-Q4");
  assert_period (utc (2027, 1, 1, 0, 0, 0), "2027-Q1");
  assert_period (UPDATED, "2026-Q4");
  assert_period (0, "1970-Q1");
}

static void
test_period_follows_updated (void)
{
  g_autoptr(MizanFramework) fw = load_framework ();
  g_autoptr(MizanAssessment) a = make_assessment ();
  g_autoptr(MizanResults) r = mizan_results_compute (fw, a);

  /* The last change, not the creation, decides the quarter. */
  mizan_assessment_set_created (a, utc (2025, 12, 31, 23, 59, 59));
  mizan_assessment_set_updated (a, utc (2026, 3, 31, 23, 59, 59));
  {
    g_autoptr(JsonNode) payload = mizan_submission_build (a, r, "id");

    g_assert_cmpstr (json_object_get_string_member (json_node_get_object (payload), "period"), ==, "2026-Q1");
  }

  mizan_assessment_set_updated (a, utc (2026, 4, 1, 0, 0, 0));
  {
    g_autoptr(JsonNode) payload = mizan_submission_build (a, r, "id");

    g_assert_cmpstr (json_object_get_string_member (json_node_get_object (payload), "period"), ==, "2026-Q2");
  }
}

int
main (int   argc,
      char *argv[])
{
  /* UTC+14: Mar 31 23:59:59 UTC is already April here. */
  g_setenv ("TZ", "Pacific/Kiritimati", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/submission/keys", test_keys);
  g_test_add_func ("/submission/nothing-identifying", test_nothing_identifying);
  g_test_add_func ("/submission/period", test_period);
  g_test_add_func ("/submission/period-follows-updated", test_period_follows_updated);

  return g_test_run ();
}
