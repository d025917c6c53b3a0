/* test-assessment.c — the in-memory assessment: ids, properties, answers, targets
 * The GTK app binds to these properties and redraws on these signals. */

#include "config.h"

#include "mizan-assessment.h"

typedef struct {
  guint  count;
  char  *last;
} Recorder;

static void
recorder_clear (Recorder *recorder)
{
  g_clear_pointer (&recorder->last, g_free);
  recorder->count = 0;
}

static void
on_id_signal (MizanAssessment *assessment,
              const char      *id,
              Recorder        *recorder)
{
  recorder->count++;
  g_free (recorder->last);
  recorder->last = g_strdup (id);
}

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           guint      *count)
{
  (*count)++;
}

static void
test_assessment_new_ids (void)
{
  g_autoptr(MizanAssessment) a = mizan_assessment_new (NULL);
  g_autoptr(MizanAssessment) b = mizan_assessment_new (NULL);
  g_autoptr(MizanAssessment) c = mizan_assessment_new ("3f2504e0-4f89-41d3-9a0c-0305e82c3301");
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  g_assert_true (g_uuid_string_is_valid (mizan_assessment_get_id (a)));
  g_assert_true (g_uuid_string_is_valid (mizan_assessment_get_id (b)));
  g_assert_cmpstr (mizan_assessment_get_id (a), !=, mizan_assessment_get_id (b));
  g_assert_cmpstr (mizan_assessment_get_id (c), ==, "3f2504e0-4f89-41d3-9a0c-0305e82c3301");

  /* created and updated start at now (allow a slow machine a few seconds) */
  g_assert_cmpint (mizan_assessment_get_created (a), <=, now);
  g_assert_cmpint (mizan_assessment_get_created (a), >=, now - 5);
  g_assert_cmpint (mizan_assessment_get_updated (a), ==, mizan_assessment_get_created (a));

  /* Nothing else is set on a new assessment. */
  g_assert_null (mizan_assessment_get_title (a));
  g_assert_null (mizan_assessment_get_org_name (a));
  g_assert_cmpint (mizan_assessment_get_org_id (a), ==, 0);
  g_assert_cmpuint (g_hash_table_size (mizan_assessment_get_answers (a)), ==, 0);
  g_assert_cmpuint (mizan_assessment_count_answered (a), ==, 0);
}

static void
test_assessment_set_id_null_is_new_random (void)
{
  g_autoptr(MizanAssessment) a = mizan_assessment_new ("fixed-id");

  mizan_assessment_set_id (a, NULL);
  g_assert_true (g_uuid_string_is_valid (mizan_assessment_get_id (a)));
  g_assert_cmpstr (mizan_assessment_get_id (a), !=, "fixed-id");
}

static void
test_assessment_properties (void)
{
  g_autoptr(MizanAssessment) a = mizan_assessment_new ("p-1");
  g_autofree char *title = NULL;
  g_autofree char *assessor = NULL;
  g_autofree char *framework_id = NULL;
  g_autofree char *framework_version = NULL;
  g_autofree char *org_name = NULL;
  g_autofree char *org_country = NULL;
  g_autofree char *org_sector = NULL;
  g_autofree char *org_size = NULL;
  gint64 created = 0, updated = 0, org_id = 0;

  g_object_set (a,
                "title", "Annual review",
                "assessor", "Aisha",
                "framework-id", "oic-ccmm",
                "framework-version", "1.0.0",
                "created", (gint64) 1700000000,
                "updated", (gint64) 1700000600,
                "org-name", "Ministry of Digital Affairs",
                "org-country", "PAK",
                "org-sector", "government",
                "org-size", "large",
                "org-id", (gint64) 7,
                NULL);

  /* Getters see what the properties set ... */
  g_assert_cmpstr (mizan_assessment_get_title (a), ==, "Annual review");
  g_assert_cmpstr (mizan_assessment_get_assessor (a), ==, "Aisha");
  g_assert_cmpstr (mizan_assessment_get_framework_id (a), ==, "oic-ccmm");
  g_assert_cmpstr (mizan_assessment_get_framework_version (a), ==, "1.0.0");
  g_assert_cmpint (mizan_assessment_get_created (a), ==, 1700000000);
  g_assert_cmpint (mizan_assessment_get_updated (a), ==, 1700000600);
  g_assert_cmpstr (mizan_assessment_get_org_name (a), ==, "Ministry of Digital Affairs");
  g_assert_cmpstr (mizan_assessment_get_org_country (a), ==, "PAK");
  g_assert_cmpstr (mizan_assessment_get_org_sector (a), ==, "government");
  g_assert_cmpstr (mizan_assessment_get_org_size (a), ==, "large");
  g_assert_cmpint (mizan_assessment_get_org_id (a), ==, 7);

  /* ... and properties see what the setters set. */
  mizan_assessment_set_framework (a, "other", "2.1");
  mizan_assessment_set_organization (a, "Central Bank", "MYS", "finance", "medium");
  g_object_get (a,
                "title", &title,
                "assessor", &assessor,
                "framework-id", &framework_id,
                "framework-version", &framework_version,
                "created", &created,
                "updated", &updated,
                "org-name", &org_name,
                "org-country", &org_country,
                "org-sector", &org_sector,
                "org-size", &org_size,
                "org-id", &org_id,
                NULL);
  g_assert_cmpstr (title, ==, "Annual review");
  g_assert_cmpstr (assessor, ==, "Aisha");
  g_assert_cmpstr (framework_id, ==, "other");
  g_assert_cmpstr (framework_version, ==, "2.1");
  g_assert_cmpint (created, ==, 1700000000);
  g_assert_cmpint (updated, ==, 1700000600);
  g_assert_cmpstr (org_name, ==, "Central Bank");
  g_assert_cmpstr (org_country, ==, "MYS");
  g_assert_cmpstr (org_sector, ==, "finance");
  g_assert_cmpstr (org_size, ==, "medium");
  g_assert_cmpint (org_id, ==, 7);
}

static void
test_assessment_notify_only_on_change (void)
{
  g_autoptr(MizanAssessment) a = mizan_assessment_new ("n-1");
  guint title_count = 0, sector_count = 0, name_count = 0, updated_count = 0;

  g_signal_connect (a, "notify::title", G_CALLBACK (on_notify), &title_count);
  g_signal_connect (a, "notify::org-sector", G_CALLBACK (on_notify), &sector_count);
  g_signal_connect (a, "notify::org-name", G_CALLBACK (on_notify), &name_count);
  g_signal_connect (a, "notify::updated", G_CALLBACK (on_notify), &updated_count);

  mizan_assessment_set_title (a, "One");
  mizan_assessment_set_title (a, "One");
  g_object_set (a, "title", "One", NULL);
  g_assert_cmpuint (title_count, ==, 1);
  mizan_assessment_set_title (a, NULL);
  g_assert_cmpuint (title_count, ==, 2);

  /* Changing one field of the profile notifies that field only. */
  mizan_assessment_set_organization (a, "Org", "SAU", "energy", "small");
  g_assert_cmpuint (name_count, ==, 1);
  g_assert_cmpuint (sector_count, ==, 1);
  mizan_assessment_set_organization (a, "Org", "SAU", "water", "small");
  g_assert_cmpuint (name_count, ==, 1);
  g_assert_cmpuint (sector_count, ==, 2);

  mizan_assessment_set_updated (a, 42);
  mizan_assessment_set_updated (a, 42);
  g_assert_cmpuint (updated_count, ==, 1);
}

static void
test_assessment_property_binding (void)
{
  g_autoptr(MizanAssessment) a = mizan_assessment_new ("b-1");
  g_autoptr(MizanAssessment) b = mizan_assessment_new ("b-2");

  /* What a GTK entry bound to "title" relies on. */
  g_object_bind_property (a, "title", b, "title", G_BINDING_BIDIRECTIONAL);
  mizan_assessment_set_title (a, "Bound");
  g_assert_cmpstr (mizan_assessment_get_title (b), ==, "Bound");
  mizan_assessment_set_title (b, "Back");
  g_assert_cmpstr (mizan_assessment_get_title (a), ==, "Back");
}

static void
test_assessment_answers (void)
{
  g_autoptr(MizanAssessment) a = mizan_assessment_new ("a-1");
  g_autofree char *note = g_strdup ("a note");
  const MizanAnswer *answer;

  g_assert_null (mizan_assessment_get_answer (a, "GOV.1.1"));

  mizan_assessment_set_answer (a, "GOV.1.1", MIZAN_STATUS_LARGELY, note, "doc-17", 1700000000);
  /* A copy is stored: the caller's buffer is its own. */
  note[0] = 'X';

  answer = mizan_assessment_get_answer (a, "GOV.1.1");
  g_assert_nonnull (answer);
  g_assert_cmpint (answer->status, ==, MIZAN_STATUS_LARGELY);
  g_assert_cmpstr (answer->note, ==, "a note");
  g_assert_cmpstr (answer->evidence, ==, "doc-17");
  g_assert_cmpint (answer->updated, ==, 1700000000);

  /* An unanswered practice with a note is kept but not counted. */
  mizan_assessment_set_answer (a, "GOV.1.2", MIZAN_STATUS_NONE, "to check", NULL, 0);
  mizan_assessment_set_answer (a, "GOV.1.3", MIZAN_STATUS_NA, NULL, NULL, 0);
  mizan_assessment_set_answer (a, "GOV.1.4", MIZAN_STATUS_NOT, NULL, NULL, 0);
  g_assert_nonnull (mizan_assessment_get_answer (a, "GOV.1.2"));
  g_assert_cmpint (mizan_assessment_get_answer (a, "GOV.1.2")->status, ==, MIZAN_STATUS_NONE);
  g_assert_cmpuint (g_hash_table_size (mizan_assessment_get_answers (a)), ==, 4);
  g_assert_cmpuint (mizan_assessment_count_answered (a), ==, 3);  /* na counts */

  /* NONE with nothing else removes; a cleared (empty) field is nothing. */
  mizan_assessment_set_answer (a, "GOV.1.2", MIZAN_STATUS_NONE, "", "", 0);
  g_assert_null (mizan_assessment_get_answer (a, "GOV.1.2"));
  mizan_assessment_set_answer (a, "GOV.1.4", MIZAN_STATUS_NONE, NULL, NULL, 0);
  g_assert_null (mizan_assessment_get_answer (a, "GOV.1.4"));
  g_assert_cmpuint (mizan_assessment_count_answered (a), ==, 2);

  /* Re-setting an answer from its own fields (what an editor does when
   * only the status changes) must not read freed memory. */
  answer = mizan_assessment_get_answer (a, "GOV.1.1");
  mizan_assessment_set_answer (a, "GOV.1.1", MIZAN_STATUS_FULLY,
                               answer->note, answer->evidence, 1700000100);
  answer = mizan_assessment_get_answer (a, "GOV.1.1");
  g_assert_cmpint (answer->status, ==, MIZAN_STATUS_FULLY);
  g_assert_cmpstr (answer->note, ==, "a note");
  g_assert_cmpstr (answer->evidence, ==, "doc-17");
  g_assert_cmpint (answer->updated, ==, 1700000100);
}

static void
test_assessment_answer_changed_signal (void)
{
  g_autoptr(MizanAssessment) a = mizan_assessment_new ("s-1");
  Recorder recorder = { 0 };
  const MizanAnswer *answer;

  g_signal_connect (a, "answer-changed", G_CALLBACK (on_id_signal), &recorder);

  mizan_assessment_set_answer (a, "DEF.2.1", MIZAN_STATUS_PARTIALLY, NULL, NULL, 10);
  g_assert_cmpuint (recorder.count, ==, 1);
  g_assert_cmpstr (recorder.last, ==, "DEF.2.1");

  /* Same content, only a newer time: no redraw needed, but the time is kept. */
  mizan_assessment_set_answer (a, "DEF.2.1", MIZAN_STATUS_PARTIALLY, NULL, NULL, 20);
  g_assert_cmpuint (recorder.count, ==, 1);
  g_assert_cmpint (mizan_assessment_get_answer (a, "DEF.2.1")->updated, ==, 20);

  mizan_assessment_set_answer (a, "DEF.2.1", MIZAN_STATUS_PARTIALLY, "why", NULL, 30);
  g_assert_cmpuint (recorder.count, ==, 2);
  mizan_assessment_set_answer (a, "DEF.2.1", MIZAN_STATUS_PARTIALLY, "why", "where", 30);
  g_assert_cmpuint (recorder.count, ==, 3);

  /* Removing is a change; removing what is not there is not. */
  mizan_assessment_set_answer (a, "DEF.2.1", MIZAN_STATUS_NONE, NULL, NULL, 40);
  g_assert_cmpuint (recorder.count, ==, 4);
  mizan_assessment_set_answer (a, "DEF.2.1", MIZAN_STATUS_NONE, NULL, NULL, 40);
  g_assert_cmpuint (recorder.count, ==, 4);

  /* The practice id handed to handlers stays valid even when the caller
   * passed the table's own key and the answer was removed. */
  mizan_assessment_set_answer (a, "DEF.2.2", MIZAN_STATUS_FULLY, NULL, NULL, 0);
  {
    GHashTableIter iter;
    gpointer key;

    g_hash_table_iter_init (&iter, mizan_assessment_get_answers (a));
    g_assert_true (g_hash_table_iter_next (&iter, &key, NULL));
    mizan_assessment_set_answer (a, key, MIZAN_STATUS_NONE, NULL, NULL, 0);
  }
  g_assert_cmpstr (recorder.last, ==, "DEF.2.2");
  answer = mizan_assessment_get_answer (a, "DEF.2.2");
  g_assert_null (answer);

  recorder_clear (&recorder);
}

static void
test_assessment_targets (void)
{
  g_autoptr(MizanAssessment) a = mizan_assessment_new ("t-1");
  g_auto(GStrv) targets = NULL;
  g_auto(GStrv) after_removal = NULL;
  Recorder recorder = { 0 };

  g_signal_connect (a, "target-changed", G_CALLBACK (on_id_signal), &recorder);

  g_assert_cmpint (mizan_assessment_get_target (a, "GOV.1"), ==, -1);

  mizan_assessment_set_target (a, "GOV.2", 4);
  mizan_assessment_set_target (a, "GOV.1", 0);  /* 0 is a real target, not "unset" */
  mizan_assessment_set_target (a, "DEF.1", 2);
  g_assert_cmpuint (recorder.count, ==, 3);
  g_assert_cmpint (mizan_assessment_get_target (a, "GOV.1"), ==, 0);
  g_assert_cmpint (mizan_assessment_get_target (a, "GOV.2"), ==, 4);

  targets = mizan_assessment_list_targets (a);
  g_assert_cmpuint (g_strv_length (targets), ==, 3);
  g_assert_cmpstr (targets[0], ==, "DEF.1");
  g_assert_cmpstr (targets[1], ==, "GOV.1");
  g_assert_cmpstr (targets[2], ==, "GOV.2");

  mizan_assessment_set_target (a, "GOV.2", 4);
  g_assert_cmpuint (recorder.count, ==, 3);

  mizan_assessment_set_target (a, "GOV.2", -5);
  g_assert_cmpuint (recorder.count, ==, 4);
  g_assert_cmpstr (recorder.last, ==, "GOV.2");
  g_assert_cmpint (mizan_assessment_get_target (a, "GOV.2"), ==, -1);
  mizan_assessment_set_target (a, "GOV.2", -1);
  g_assert_cmpuint (recorder.count, ==, 4);

  after_removal = mizan_assessment_list_targets (a);
  g_assert_cmpuint (g_strv_length (after_removal), ==, 2);

  recorder_clear (&recorder);
}

static void
test_assessment_list_targets_empty (void)
{
  g_autoptr(MizanAssessment) a = mizan_assessment_new ("t-2");
  g_auto(GStrv) targets = mizan_assessment_list_targets (a);

  g_assert_nonnull (targets);
  g_assert_null (targets[0]);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/assessment/new-ids", test_assessment_new_ids);
  g_test_add_func ("/assessment/set-id-null", test_assessment_set_id_null_is_new_random);
  g_test_add_func ("/assessment/properties", test_assessment_properties);
  g_test_add_func ("/assessment/notify-only-on-change", test_assessment_notify_only_on_change);
  g_test_add_func ("/assessment/property-binding", test_assessment_property_binding);
  g_test_add_func ("/assessment/answers", test_assessment_answers);
  g_test_add_func ("/assessment/answer-changed-signal", test_assessment_answer_changed_signal);
  g_test_add_func ("/assessment/targets", test_assessment_targets);
  g_test_add_func ("/assessment/list-targets-empty", test_assessment_list_targets_empty);

  return g_test_run ();
}
