/* test-exchange.c — the .mizan exchange file, CSV export and atomic writes
 * Reads fixtures under tests/data/exchange/ against tests/data/frameworks/mini.json. */

#include "config.h"

#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "mizan-exchange.h"
#include "mizan-json-file.h"
#include "mizan-store.h"

/* mini.json: GOV (weight 2) holds GOV.1 (GOV.1.1-1.4) and GOV.2 (GOV.2.1-2.3),
 * OPS holds OPS.1 (OPS.1.1-1.4); three levels, default target 2. */
static MizanCatalog *catalog;
static MizanFramework *framework;

#define VALID_ID "6f1c2a9e-3b7d-4c5e-9a1f-2d8e7b6c5a40"

/* ---------------------------------------------------------------------- */
/* Helpers */

static char *
data_path (const char *name)
{
  return g_build_filename (g_getenv ("MIZAN_TEST_DATA"), "exchange", name, NULL);
}

static char *
read_fixture (const char *name)
{
  g_autofree char *path = data_path (name);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static MizanAssessment *
read_valid (void)
{
  g_autofree char *path = data_path ("valid.mizan");
  g_autoptr(GError) error = NULL;
  MizanAssessment *assessment = mizan_exchange_read_file (path, catalog, &error);

  g_assert_no_error (error);
  g_assert_nonnull (assessment);
  return assessment;
}

static void
rm_rf (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      g_chmod (path, 0700);
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          rm_rf (child);
        }
      g_rmdir (path);
    }
  else
    g_remove (path);
}

/* A temporary folder that is also XDG_DATA_HOME, so nothing leaks into the user's. */
static char *
make_tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("mizan-exchange-XXXXXX", &error);

  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", dir, TRUE);
  return dir;
}

static guint
count_dir_entries (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

/* @json with the member at @path ("answers/GOV.1.1/status", segments split
 * on "/" because ids hold dots) set to the JSON text @value, or removed
 * when @value is NULL. */
static char *
mutate (const char *json,
        const char *path,
        const char *value)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) segments = g_strsplit (path, "/", -1);
  guint n = g_strv_length (segments);
  JsonObject *object;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  object = json_node_get_object (json_parser_get_root (parser));
  for (guint i = 0; i + 1 < n; i++)
    {
      JsonNode *child = json_object_get_member (object, segments[i]);

      if (child == NULL)
        {
          json_object_set_object_member (object, segments[i], json_object_new ());
          child = json_object_get_member (object, segments[i]);
        }
      g_assert_true (JSON_NODE_HOLDS_OBJECT (child));
      object = json_node_get_object (child);
    }

  if (value == NULL)
    {
      g_assert_true (json_object_has_member (object, segments[n - 1]));
      json_object_remove_member (object, segments[n - 1]);
    }
  else
    {
      g_autoptr(JsonParser) value_parser = json_parser_new ();

      json_parser_load_from_data (value_parser, value, -1, &error);
      g_assert_no_error (error);
      json_object_set_member (object, segments[n - 1], json_parser_steal_root (value_parser));
    }

  return json_to_string (json_parser_get_root (parser), TRUE);
}

/* Reads @data as "client.mizan", expects failure with @code, and returns the
 * lines of the message after checking each names the file. */
static GStrv
read_failing (const char *data,
              gssize      length,
              int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MizanAssessment) assessment = NULL;
  g_auto(GStrv) lines = NULL;

  assessment = mizan_exchange_read_data (data, length, "client.mizan", catalog, &error);
  g_assert_null (assessment);
  g_assert_error (error, MIZAN_EXCHANGE_ERROR, code);

  lines = g_strsplit (error->message, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), >=, 1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (!g_str_has_prefix (lines[i], "client.mizan:"))
      g_error ("line %u does not name the file: “%s”", i, lines[i]);
  return g_steal_pointer (&lines);
}

/* @line is "client.mizan: WHERE: …SAYS…" with nothing else before SAYS that looks like a path. */
static void
assert_problem_line (const char *line,
                     const char *where,
                     const char *says)
{
  g_autofree char *prefix = g_strdup_printf ("client.mizan: %s: ", where);

  if (!g_str_has_prefix (line, prefix) || strstr (line + strlen (prefix), says) == NULL)
    g_error ("expected “%s…%s…”, got “%s”", prefix, says, line);
}

static void
assert_one_problem (const char *data,
                    int         code,
                    const char *where,
                    const char *says)
{
  g_auto(GStrv) lines = read_failing (data, -1, code);

  if (g_strv_length (lines) != 1)
    g_error ("expected one problem at %s, got:\n%s", where, g_strjoinv ("\n", lines));
  assert_problem_line (lines[0], where, says);
}

/* Syntax faults are one line: "client.mizan:LINE:COL: …SAYS…". */
static void
assert_syntax_error (const char *data,
                     gssize      length,
                     const char *position,
                     const char *says)
{
  g_auto(GStrv) lines = read_failing (data, length, MIZAN_EXCHANGE_ERROR_SYNTAX);
  g_autofree char *prefix = g_strdup_printf ("client.mizan:%s: ", position);

  g_assert_cmpuint (g_strv_length (lines), ==, 1);
  if (!g_str_has_prefix (lines[0], prefix) || strstr (lines[0] + strlen (prefix), says) == NULL)
    g_error ("expected “%s…%s…”, got “%s”", prefix, says, lines[0]);
}

static void
assert_same_answer (const char        *id,
                    const MizanAnswer *a,
                    const MizanAnswer *b)
{
  g_test_message ("answer %s", id);
  g_assert_nonnull (a);
  g_assert_nonnull (b);
  g_assert_cmpint (a->status, ==, b->status);
  g_assert_cmpstr (a->note, ==, b->note);
  g_assert_cmpstr (a->evidence, ==, b->evidence);
  g_assert_cmpint (a->updated, ==, b->updated);
}

static void
assert_same_assessment (MizanAssessment *a,
                        MizanAssessment *b)
{
  g_auto(GStrv) targets_a = mizan_assessment_list_targets (a);
  g_auto(GStrv) targets_b = mizan_assessment_list_targets (b);
  GHashTable *answers_a = mizan_assessment_get_answers (a);
  GHashTableIter iter;
  gpointer key, value;

  g_assert_cmpstr (mizan_assessment_get_id (a), ==, mizan_assessment_get_id (b));
  g_assert_cmpstr (mizan_assessment_get_title (a), ==, mizan_assessment_get_title (b));
  g_assert_cmpstr (mizan_assessment_get_assessor (a), ==, mizan_assessment_get_assessor (b));
  g_assert_cmpstr (mizan_assessment_get_framework_id (a), ==, mizan_assessment_get_framework_id (b));
  g_assert_cmpstr (mizan_assessment_get_framework_version (a), ==, mizan_assessment_get_framework_version (b));
  g_assert_cmpint (mizan_assessment_get_created (a), ==, mizan_assessment_get_created (b));
  g_assert_cmpint (mizan_assessment_get_updated (a), ==, mizan_assessment_get_updated (b));
  g_assert_cmpstr (mizan_assessment_get_org_name (a), ==, mizan_assessment_get_org_name (b));
  g_assert_cmpstr (mizan_assessment_get_org_country (a), ==, mizan_assessment_get_org_country (b));
  g_assert_cmpstr (mizan_assessment_get_org_sector (a), ==, mizan_assessment_get_org_sector (b));
  g_assert_cmpstr (mizan_assessment_get_org_size (a), ==, mizan_assessment_get_org_size (b));

  g_assert_cmpuint (g_strv_length (targets_a), ==, g_strv_length (targets_b));
  for (guint i = 0; targets_a[i] != NULL; i++)
    {
      g_assert_cmpstr (targets_a[i], ==, targets_b[i]);
      g_assert_cmpint (mizan_assessment_get_target (a, targets_a[i]), ==,
                       mizan_assessment_get_target (b, targets_a[i]));
    }

  g_assert_cmpuint (g_hash_table_size (answers_a), ==, g_hash_table_size (mizan_assessment_get_answers (b)));
  g_hash_table_iter_init (&iter, answers_a);
  while (g_hash_table_iter_next (&iter, &key, &value))
    assert_same_answer (key, value, mizan_assessment_get_answer (b, key));
}

/* Same inputs, same arithmetic: every figure must be equal, not merely close. */
static void
assert_same_results (const MizanResults *a,
                     const MizanResults *b)
{
  g_assert_cmpint (a->applicable, ==, b->applicable);
  g_assert_cmpfloat (a->index, ==, b->index);
  g_assert_cmpfloat (a->score, ==, b->score);
  g_assert_cmpfloat (a->completion, ==, b->completion);
  g_assert_cmpuint (a->answered, ==, b->answered);
  g_assert_cmpuint (a->total, ==, b->total);

  g_assert_cmpuint (a->n_domains, ==, b->n_domains);
  for (guint i = 0; i < a->n_domains; i++)
    {
      const MizanDomainResult *x = &a->domains[i], *y = &b->domains[i];

      g_assert_true (x->domain == y->domain);
      g_assert_cmpint (x->applicable, ==, y->applicable);
      g_assert_cmpuint (x->level, ==, y->level);
      g_assert_cmpfloat (x->index, ==, y->index);
      g_assert_cmpfloat (x->score, ==, y->score);
      g_assert_cmpfloat (x->target, ==, y->target);
      g_assert_cmpfloat (x->gap, ==, y->gap);
      g_assert_cmpfloat (x->completion, ==, y->completion);
    }

  g_assert_cmpuint (a->n_capabilities, ==, b->n_capabilities);
  for (guint i = 0; i < a->n_capabilities; i++)
    {
      const MizanCapabilityResult *x = &a->capabilities[i], *y = &b->capabilities[i];

      g_assert_cmpint (x->applicable, ==, y->applicable);
      g_assert_cmpuint (x->level, ==, y->level);
      g_assert_cmpfloat (x->score, ==, y->score);
      g_assert_cmpfloat (x->completion, ==, y->completion);
      g_assert_cmpuint (x->target, ==, y->target);
      g_assert_cmpuint (x->gap, ==, y->gap);
    }

  g_assert_cmpuint (a->n_priorities, ==, b->n_priorities);
  for (guint i = 0; i < a->n_priorities; i++)
    {
      g_assert_true (a->priorities[i].capability == b->priorities[i].capability);
      g_assert_cmpfloat (a->priorities[i].priority, ==, b->priorities[i].priority);
    }

  g_assert_cmpuint (a->n_roadmap, ==, b->n_roadmap);
  for (guint i = 0; i < a->n_roadmap; i++)
    {
      g_assert_true (a->roadmap[i].practice == b->roadmap[i].practice);
      g_assert_cmpint (a->roadmap[i].status, ==, b->roadmap[i].status);
      g_assert_cmpint (a->roadmap[i].phase, ==, b->roadmap[i].phase);
    }
}

/* ---------------------------------------------------------------------- */
/* Reading a valid file */

static void
test_read_valid (void)
{
  g_autoptr(MizanAssessment) assessment = read_valid ();
  g_autoptr(MizanResults) results = NULL;
  g_auto(GStrv) targets = NULL;
  const MizanAnswer *answer;

  g_assert_cmpstr (mizan_assessment_get_framework_id (assessment), ==, "mini");
  g_assert_cmpstr (mizan_assessment_get_framework_version (assessment), ==, "1.0.0");

  g_assert_cmpstr (mizan_assessment_get_org_name (assessment), ==, "Ministry of Digital Affairs");
  g_assert_cmpstr (mizan_assessment_get_org_country (assessment), ==, "PAK");
  g_assert_cmpstr (mizan_assessment_get_org_sector (assessment), ==, "government");
  g_assert_cmpstr (mizan_assessment_get_org_size (assessment), ==, "large");

  /* The file's id is kept, so re-importing finds the same assessment. */
  g_assert_cmpstr (mizan_assessment_get_id (assessment), ==, VALID_ID);
  g_assert_cmpstr (mizan_assessment_get_title (assessment), ==, "Annual assessment 2026");
  g_assert_cmpstr (mizan_assessment_get_assessor (assessment), ==, "Aisha Rahman");
  /* date -u -d 2026-01-15T08:30:00Z +%s */
  g_assert_cmpint (mizan_assessment_get_created (assessment), ==, 1768465800);
  /* 14:05:09 at +03:00 is 11:05:09 UTC: the offset is applied, not dropped. */
  g_assert_cmpint (mizan_assessment_get_updated (assessment), ==, 1795863909);

  targets = mizan_assessment_list_targets (assessment);
  g_assert_cmpuint (g_strv_length (targets), ==, 3);
  g_assert_cmpint (mizan_assessment_get_target (assessment, "GOV.1"), ==, 3);
  g_assert_cmpint (mizan_assessment_get_target (assessment, "OPS.1"), ==, 1);
  /* A target of 0 is an override, not "follow the default". */
  g_assert_cmpint (mizan_assessment_get_target (assessment, "GOV.2"), ==, 0);

  g_assert_cmpuint (g_hash_table_size (mizan_assessment_get_answers (assessment)), ==, 7);
  g_assert_cmpuint (mizan_assessment_count_answered (assessment), ==, 6);

  answer = mizan_assessment_get_answer (assessment, "GOV.1.1");
  g_assert_nonnull (answer);
  g_assert_cmpint (answer->status, ==, MIZAN_STATUS_FULLY);
  g_assert_cmpstr (answer->note, ==, "Approved in March, signed by the minister.");
  g_assert_cmpstr (answer->evidence, ==, "DOC-17 \"Strategy\" v2");
  g_assert_cmpint (answer->updated, ==, 0);

  answer = mizan_assessment_get_answer (assessment, "GOV.1.2");
  g_assert_nonnull (answer);
  g_assert_cmpint (answer->status, ==, MIZAN_STATUS_LARGELY);
  g_assert_null (answer->note);
  g_assert_null (answer->evidence);

  answer = mizan_assessment_get_answer (assessment, "GOV.1.3");
  g_assert_nonnull (answer);
  g_assert_cmpint (answer->status, ==, MIZAN_STATUS_PARTIALLY);
  g_assert_cmpstr (answer->note, ==, "مسودة بانتظار الوزير\nDraft awaiting the minister.");

  answer = mizan_assessment_get_answer (assessment, "GOV.1.4");
  g_assert_nonnull (answer);
  g_assert_cmpint (answer->status, ==, MIZAN_STATUS_NOT);

  answer = mizan_assessment_get_answer (assessment, "GOV.2.1");
  g_assert_nonnull (answer);
  g_assert_cmpint (answer->status, ==, MIZAN_STATUS_NA);
  g_assert_cmpstr (answer->note, ==, "Covered by the national policy.");

  /* A null status with a note: unanswered, but the note is not lost. */
  answer = mizan_assessment_get_answer (assessment, "GOV.2.2");
  g_assert_nonnull (answer);
  g_assert_cmpint (answer->status, ==, MIZAN_STATUS_NONE);
  g_assert_cmpstr (answer->note, ==, "Ask HR next week.");
  g_assert_null (answer->evidence);

  answer = mizan_assessment_get_answer (assessment, "OPS.1.1");
  g_assert_nonnull (answer);
  g_assert_cmpint (answer->status, ==, MIZAN_STATUS_FULLY);
  g_assert_null (answer->note);
  g_assert_cmpstr (answer->evidence, ==, "https://intranet.example/ir");
  g_assert_cmpint (answer->updated, ==, 1795168800);

  g_assert_null (mizan_assessment_get_answer (assessment, "GOV.2.3"));
  g_assert_null (mizan_assessment_get_answer (assessment, "OPS.1.2"));

  /* The statuses reach scoring as written: GOV.1 passes level 1 (fully,
   * largely) but not level 2 (partially); its score is
   * (1·1 + 2·⅔ + 1·⅓ + 1·0) / (1 + 2 + 1 + 1) = 8/15. */
  results = mizan_results_compute (framework, assessment);
  g_assert_true (results->capabilities[0].applicable);
  g_assert_cmpuint (results->capabilities[0].level, ==, 1);
  g_assert_cmpfloat_with_epsilon (results->capabilities[0].score, 8.0 / 15.0, 1e-12);
  g_assert_cmpuint (results->capabilities[0].target, ==, 3);
  g_assert_cmpuint (results->capabilities[0].gap, ==, 2);
}

/* A byte order mark, as Windows editors write, does not make a valid file invalid. */
static void
test_read_byte_order_mark (void)
{
  g_autofree char *valid = read_fixture ("valid.mizan");
  g_autofree char *with_bom = g_strconcat ("\xEF\xBB\xBF", valid, NULL);
  g_autofree char *broken = g_strconcat ("\xEF\xBB\xBF", "{\"format\" \"mizan-assessment\"}", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(MizanAssessment) assessment = NULL;

  assessment = mizan_exchange_read_data (with_bom, -1, "client.mizan", catalog, &error);
  g_assert_no_error (error);
  g_assert_nonnull (assessment);
  g_assert_cmpstr (mizan_assessment_get_id (assessment), ==, VALID_ID);

  /* Columns are counted from the first character a person sees. */
  assert_syntax_error (broken, -1, "1:11", "expected “:”");
}

static void
test_read_missing_file (void)
{
  g_autofree char *path = data_path ("no-such-file.mizan");
  g_autofree char *dir = data_path (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(MizanAssessment) assessment = NULL;

  assessment = mizan_exchange_read_file (path, catalog, &error);
  g_assert_null (assessment);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, path));
  g_clear_error (&error);

  assessment = mizan_exchange_read_file (dir, catalog, &error);
  g_assert_null (assessment);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_assert_nonnull (strstr (error->message, dir));
}

/* ---------------------------------------------------------------------- */
/* Round trips */

static void
test_round_trip_data (void)
{
  g_autoptr(MizanAssessment) original = read_valid ();
  g_autoptr(MizanAssessment) copy = NULL;
  g_autoptr(MizanAssessment) again = NULL;
  g_autoptr(MizanResults) before = NULL;
  g_autoptr(MizanResults) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *data_again = NULL;
  g_autofree char *unsized = NULL;
  gsize length = 0, length_again = 0;

  data = mizan_exchange_to_data (original, &length);
  g_assert_nonnull (data);
  g_assert_cmpuint (length, ==, strlen (data));
  g_assert_true (g_str_has_prefix (data, "{"));
  g_assert_true (g_str_has_suffix (data, "}\n"));
  /* Pretty-printed: a person can read and diff it. */
  g_assert_nonnull (strstr (data, "\n  \"format\""));

  copy = mizan_exchange_read_data (data, length, "copy.mizan", catalog, &error);
  g_assert_no_error (error);
  g_assert_nonnull (copy);
  assert_same_assessment (original, copy);

  before = mizan_results_compute (framework, original);
  after = mizan_results_compute (framework, copy);
  /* Not a vacuous comparison: the assessment has a level and a gap. */
  g_assert_cmpfloat (before->index, >, 0);
  g_assert_cmpuint (before->n_priorities, >, 0);
  assert_same_results (before, after);

  /* Writing is stable: the same assessment gives the same bytes. */
  data_again = mizan_exchange_to_data (copy, &length_again);
  g_assert_cmpuint (length_again, ==, length);
  g_assert_cmpstr (data_again, ==, data);

  /* The length is optional, as GLib's out arguments are. */
  unsized = mizan_exchange_to_data (copy, NULL);
  g_assert_cmpstr (unsized, ==, data);

  again = mizan_exchange_read_data (data_again, -1, "again.mizan", catalog, &error);
  g_assert_no_error (error);
  assert_same_assessment (original, again);
}

/* Text a person types survives whole: quotes, backslashes, line breaks, tabs,
 * Arabic, characters beyond the BMP, and an answer that is only evidence. */
static void
test_round_trip_awkward_text (void)
{
  g_autoptr(MizanAssessment) original = mizan_assessment_new (NULL);
  g_autoptr(MizanAssessment) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length;

  mizan_assessment_set_framework (original, "mini", "1.0.0");
  mizan_assessment_set_title (original, "\"Quoted\" \\ back\\slash / slash");
  mizan_assessment_set_organization (original, "وزارة الاتصالات", "SAU", "telecom", "very-large");
  mizan_assessment_set_created (original, 1700000000);
  mizan_assessment_set_updated (original, 1700000001);
  mizan_assessment_set_answer (original, "GOV.1.1", MIZAN_STATUS_FULLY,
                               "line one\nline two\r\n\ttabbed \"quoted\" \\ 🛡️", "\x01 control", 1700000002);
  mizan_assessment_set_answer (original, "GOV.2.3", MIZAN_STATUS_NONE, NULL, "evidence only", 0);
  mizan_assessment_set_answer (original, "OPS.1.4", MIZAN_STATUS_NA, "", "", 0);
  mizan_assessment_set_target (original, "OPS.1", 3);

  data = mizan_exchange_to_data (original, &length);
  copy = mizan_exchange_read_data (data, length, "copy.mizan", catalog, &error);
  g_assert_no_error (error);
  g_assert_nonnull (copy);
  assert_same_assessment (original, copy);
  /* No assessor was given, and none appears from the round trip. */
  g_assert_null (mizan_assessment_get_assessor (copy));
}

static void
test_round_trip_store (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *db_one = g_build_filename (dir, "one.db", NULL);
  g_autofree char *db_two = g_build_filename (dir, "two.db", NULL);
  g_autofree char *file = g_build_filename (dir, "export.mizan", NULL);
  g_autoptr(MizanAssessment) original = read_valid ();
  g_autoptr(MizanAssessment) loaded = NULL;
  g_autoptr(MizanAssessment) imported = NULL;
  g_autoptr(MizanAssessment) loaded_two = NULL;
  g_autoptr(MizanResults) before = NULL;
  g_autoptr(MizanResults) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *data_two = NULL;
  gsize length, length_two;

  {
    g_autoptr(MizanStore) one = mizan_store_open (db_one, &error);

    g_assert_no_error (error);
    g_assert_true (mizan_store_save_assessment (one, original, FALSE, &error));
    g_assert_no_error (error);
    loaded = mizan_store_load_assessment (one, VALID_ID, &error);
    g_assert_no_error (error);
    g_assert_nonnull (loaded);
  }

  data = mizan_exchange_to_data (loaded, &length);
  g_assert_true (mizan_write_file_atomic (file, data, length, &error));
  g_assert_no_error (error);

  imported = mizan_exchange_read_file (file, catalog, &error);
  g_assert_no_error (error);
  g_assert_nonnull (imported);

  {
    g_autoptr(MizanStore) two = mizan_store_open (db_two, &error);

    g_assert_no_error (error);
    g_assert_true (mizan_store_save_assessment (two, imported, FALSE, &error));
    g_assert_no_error (error);
    loaded_two = mizan_store_load_assessment (two, VALID_ID, &error);
    g_assert_no_error (error);
    g_assert_nonnull (loaded_two);
  }

  assert_same_assessment (original, loaded_two);
  before = mizan_results_compute (framework, original);
  after = mizan_results_compute (framework, loaded_two);
  assert_same_results (before, after);

  data_two = mizan_exchange_to_data (loaded_two, &length_two);
  g_assert_cmpstr (data_two, ==, data);

  rm_rf (dir);
}

/* ---------------------------------------------------------------------- */
/* All or nothing: one fault, one line naming its place */

typedef struct {
  const char *member;   /* "/"-separated path in valid.mizan */
  const char *value;    /* JSON text, or NULL to remove the member */
  int         code;
  const char *where;
  const char *says;
} Fault;

static const Fault faults[] = {
  { "answers/X.9.9", "{\"status\": \"fully\"}", MIZAN_EXCHANGE_ERROR_INVALID,
    "answers[\"X.9.9\"]", "unknown practice “X.9.9” in mini 1.0.0" },
  { "answers/GOV.1.1/status", "\"done\"", MIZAN_EXCHANGE_ERROR_INVALID,
    "answers[\"GOV.1.1\"].status", "“done” is not a status (fully, largely, partially, not, na" },
  { "answers/GOV.1.1/status", "\"Fully\"", MIZAN_EXCHANGE_ERROR_INVALID,
    "answers[\"GOV.1.1\"].status", "“Fully” is not a status" },
  { "answers/GOV.1.1/status", "1", MIZAN_EXCHANGE_ERROR_INVALID,
    "answers[\"GOV.1.1\"].status", "expected a string, found an integer" },
  { "answers/GOV.1.1", "\"fully\"", MIZAN_EXCHANGE_ERROR_INVALID,
    "answers[\"GOV.1.1\"]", "expected an object, found a string" },
  { "answers/GOV.1.1/note", "[\"a\"]", MIZAN_EXCHANGE_ERROR_INVALID,
    "answers[\"GOV.1.1\"].note", "expected a string, found an array" },
  { "answers/GOV.1.1/notes", "\"typo\"", MIZAN_EXCHANGE_ERROR_INVALID,
    "answers[\"GOV.1.1\"].notes", "unknown member" },
  { "answers/GOV.1.1/updated", "\"last week\"", MIZAN_EXCHANGE_ERROR_INVALID,
    "answers[\"GOV.1.1\"].updated", "“last week” is not an RFC 3339 date and time" },
  { "answers", "[]", MIZAN_EXCHANGE_ERROR_INVALID,
    "answers", "expected an object, found an array" },
  { "organization/country", "\"ZZZ\"", MIZAN_EXCHANGE_ERROR_INVALID,
    "organization.country", "“ZZZ” is not an ISO 3166-1 alpha-3 country code" },
  { "organization/country", "\"pak\"", MIZAN_EXCHANGE_ERROR_INVALID,
    "organization.country", "“pak” is not an ISO 3166-1 alpha-3 country code" },
  { "organization/country", "\"PK\"", MIZAN_EXCHANGE_ERROR_INVALID,
    "organization.country", "“PK” is not an ISO 3166-1 alpha-3 country code" },
  { "organization/country", NULL, MIZAN_EXCHANGE_ERROR_INVALID,
    "organization.country", "missing" },
  { "organization/sector", "\"military\"", MIZAN_EXCHANGE_ERROR_INVALID,
    "organization.sector", "“military” is not a sector (government, defence, finance, energy, telecom, "
                           "health, transport, water, education, other)" },
  { "organization/size", "\"huge\"", MIZAN_EXCHANGE_ERROR_INVALID,
    "organization.size", "“huge” is not a size (small, medium, large, very-large)" },
  { "organization/size", "\"Large\"", MIZAN_EXCHANGE_ERROR_INVALID,
    "organization.size", "“Large” is not a size" },
  { "organization/name", "\"\"", MIZAN_EXCHANGE_ERROR_INVALID,
    "organization.name", "must not be empty" },
  { "organization/sectr", "\"finance\"", MIZAN_EXCHANGE_ERROR_INVALID,
    "organization.sectr", "unknown member" },
  { "organization", "\"Ministry\"", MIZAN_EXCHANGE_ERROR_INVALID,
    "organization", "expected an object, found a string" },
  { "targets/GOV.1", "4", MIZAN_EXCHANGE_ERROR_INVALID,
    "targets[\"GOV.1\"]", "target 4 is outside 0..3" },
  { "targets/GOV.1", "-1", MIZAN_EXCHANGE_ERROR_INVALID,
    "targets[\"GOV.1\"]", "target -1 is outside 0..3" },
  { "targets/GOV.1", "2.5", MIZAN_EXCHANGE_ERROR_INVALID,
    "targets[\"GOV.1\"]", "expected an integer level, found a decimal number" },
  { "targets/GOV.1", "\"3\"", MIZAN_EXCHANGE_ERROR_INVALID,
    "targets[\"GOV.1\"]", "expected an integer level, found a string" },
  { "targets/GOV.9", "2", MIZAN_EXCHANGE_ERROR_INVALID,
    "targets[\"GOV.9\"]", "unknown capability “GOV.9” in mini 1.0.0" },
  { "targets/GOV.1.1", "2", MIZAN_EXCHANGE_ERROR_INVALID,
    "targets[\"GOV.1.1\"]", "unknown capability “GOV.1.1”" },
  { "assessment/id", "\"not-a-uuid\"", MIZAN_EXCHANGE_ERROR_INVALID,
    "assessment.id", "“not-a-uuid” is not a UUID" },
  { "assessment/id", "\"6f1c2a9e-3b7d-4c5e-9a1f-2d8e7b6c5a4\"", MIZAN_EXCHANGE_ERROR_INVALID,
    "assessment.id", "is not a UUID" },
  { "assessment/id", NULL, MIZAN_EXCHANGE_ERROR_INVALID,
    "assessment.id", "missing" },
  { "assessment/title", "42", MIZAN_EXCHANGE_ERROR_INVALID,
    "assessment.title", "expected a string, found an integer" },
  { "assessment/created", "\"28/11/2026\"", MIZAN_EXCHANGE_ERROR_INVALID,
    "assessment.created", "“28/11/2026” is not an RFC 3339 date and time" },
  { "assessment/created", "\"2026-11-28\"", MIZAN_EXCHANGE_ERROR_INVALID,
    "assessment.created", "is not an RFC 3339 date and time" },
  /* Without an offset the time would depend on the reader's time zone. */
  { "assessment/created", "\"2026-01-15T08:30:00\"", MIZAN_EXCHANGE_ERROR_INVALID,
    "assessment.created", "is not an RFC 3339 date and time" },
  { "assessment/created", "\"2026-13-15T08:30:00Z\"", MIZAN_EXCHANGE_ERROR_INVALID,
    "assessment.created", "is not an RFC 3339 date and time" },
  { "assessment/created", "\"2026-01-15T25:30:00Z\"", MIZAN_EXCHANGE_ERROR_INVALID,
    "assessment.created", "is not an RFC 3339 date and time" },
  { "assessment/created", "1768465800", MIZAN_EXCHANGE_ERROR_INVALID,
    "assessment.created", "expected a string, found an integer" },
  { "assessment/updated", "\"2025-01-01T00:00:00Z\"", MIZAN_EXCHANGE_ERROR_INVALID,
    "assessment.updated", "is earlier than assessment.created" },
  { "assessment", NULL, MIZAN_EXCHANGE_ERROR_INVALID,
    "assessment", "missing" },
  { "answer", "{}", MIZAN_EXCHANGE_ERROR_INVALID,
    "answer", "unknown member" },
  { "format_version", "2", MIZAN_EXCHANGE_ERROR_INVALID,
    "format_version", "version 2 is not supported; this Mizan reads version 1 (a newer Mizan may have written the file)" },
  { "format_version", "\"1\"", MIZAN_EXCHANGE_ERROR_INVALID,
    "format_version", "expected an integer, found a string" },
  { "format_version", NULL, MIZAN_EXCHANGE_ERROR_INVALID,
    "format_version", "missing" },
  { "format", "\"mizan-framework\"", MIZAN_EXCHANGE_ERROR_INVALID,
    "format", "expected “mizan-assessment”, found “mizan-framework”" },
  { "framework/version", "\"2.0.0\"", MIZAN_EXCHANGE_ERROR_UNKNOWN_FRAMEWORK,
    "framework", "framework mini version 2.0.0 is not installed (version 1.0.0 is)" },
  { "framework/id", "\"oic-ccmm\"", MIZAN_EXCHANGE_ERROR_UNKNOWN_FRAMEWORK,
    "framework", "framework oic-ccmm version 1.0.0 is not installed" },
  { "framework/id", "7", MIZAN_EXCHANGE_ERROR_INVALID,
    "framework.id", "expected a string, found an integer" },
};

static void
test_faults (void)
{
  g_autofree char *valid = read_fixture ("valid.mizan");

  for (guint i = 0; i < G_N_ELEMENTS (faults); i++)
    {
      const Fault *fault = &faults[i];
      g_autofree char *data = mutate (valid, fault->member, fault->value);

      g_test_message ("%s = %s", fault->member, fault->value ? fault->value : "(removed)");
      assert_one_problem (data, fault->code, fault->where, fault->says);
    }
}

/* Another kind of file entirely gets one line, not a page of unknown members. */
static void
test_other_formats (void)
{
  g_autofree char *framework_path = g_build_filename (g_getenv ("MIZAN_TEST_DATA"), "frameworks", "mini.json", NULL);
  g_autofree char *framework_data = NULL;

  g_assert_true (g_file_get_contents (framework_path, &framework_data, NULL, NULL));
  assert_one_problem (framework_data, MIZAN_EXCHANGE_ERROR_INVALID,
                      "format", "expected “mizan-assessment”, found “mizan-framework”");
  assert_one_problem ("[1, 2]", MIZAN_EXCHANGE_ERROR_INVALID, "$", "expected an object, found an array");
  assert_one_problem ("\"mizan\"", MIZAN_EXCHANGE_ERROR_INVALID, "$", "expected an object, found a string");
}

/* An unknown framework is its own code, so the app can offer to install it,
 * even when the file has other faults too. */
static void
test_unknown_framework_with_other_faults (void)
{
  g_autofree char *valid = read_fixture ("valid.mizan");
  g_autofree char *step = mutate (valid, "framework/id", "\"oic-ccmm\"");
  g_autofree char *data = mutate (step, "organization/country", "\"ZZZ\"");
  g_auto(GStrv) lines = read_failing (data, -1, MIZAN_EXCHANGE_ERROR_UNKNOWN_FRAMEWORK);

  g_assert_cmpuint (g_strv_length (lines), ==, 2);
  assert_problem_line (lines[0], "framework", "framework oic-ccmm version 1.0.0 is not installed");
  assert_problem_line (lines[1], "organization.country", "“ZZZ”");
}

static void
test_several_faults (void)
{
  g_autofree char *path = data_path ("several-faults.mizan");
  g_autoptr(GError) error = NULL;
  g_autoptr(MizanAssessment) assessment = NULL;
  g_auto(GStrv) lines = NULL;
  /* In the order they appear in the file. */
  static const struct { const char *where; const char *says; } expected[] = {
    { "comment", "unknown member" },
    { "organization.country", "“ZZZ” is not an ISO 3166-1 alpha-3 country code" },
    { "organization.size", "“huge” is not a size" },
    { "assessment.updated", "“yesterday” is not an RFC 3339 date and time" },
    { "targets[\"GOV.1\"]", "target 7 is outside 0..3" },
    { "targets[\"GOV.9\"]", "unknown capability “GOV.9”" },
    { "answers[\"GOV.1.2\"].status", "“done” is not a status" },
    { "answers[\"X.9.9\"]", "unknown practice “X.9.9”" },
    { "answers[\"OPS.1.1\"].notes", "unknown member" },
  };

  assessment = mizan_exchange_read_file (path, catalog, &error);
  g_assert_null (assessment);
  g_assert_error (error, MIZAN_EXCHANGE_ERROR, MIZAN_EXCHANGE_ERROR_INVALID);

  lines = g_strsplit (error->message, "\n", -1);
  if (g_strv_length (lines) != G_N_ELEMENTS (expected))
    g_error ("expected %u problems, got:\n%s", (guint) G_N_ELEMENTS (expected), error->message);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *prefix = g_strdup_printf ("%s: %s: ", path, expected[i].where);

      if (!g_str_has_prefix (lines[i], prefix) || strstr (lines[i], expected[i].says) == NULL)
        g_error ("line %u: expected “%s…%s…”, got “%s”", i, prefix, expected[i].says, lines[i]);
    }
}

/* ---------------------------------------------------------------------- */
/* Syntax */

static void
test_syntax_positions (void)
{
  g_autofree char *valid = read_fixture ("valid.mizan");
  g_auto(GStrv) valid_lines = g_strsplit (valid, "\n", -1);
  g_autofree char *truncated = NULL;
  char *cut;

  assert_syntax_error ("{\n"
                       "  \"format\": \"mizan-assessment\",\n"
                       "  \"format_version\": 1\n"
                       "  \"framework\": {\"id\": \"mini\", \"version\": \"1.0.0\"}\n"
                       "}\n", -1, "4:3", "is a comma missing?");
  assert_syntax_error ("{\n  \"format\": \"mizan-assessment\",\n}\n", -1, "3:1",
                       "remove the comma after the last member");
  assert_syntax_error ("{\"targets\": {\"GOV.1\": [1, 2,]}}", -1, "1:29",
                       "remove the comma after the last element");
  assert_syntax_error ("{\"format\" \"mizan-assessment\"}", -1, "1:11",
                       "expected “:” after the member name “format”");
  assert_syntax_error ("{'format': 1}", -1, "1:2", "expected a member name in double quotes");
  assert_syntax_error ("{\"format\": 'mizan-assessment'}", -1, "1:12", "strings must be in double quotes");
  assert_syntax_error ("{\"status\": True}", -1, "1:12", "found “True”");
  assert_syntax_error ("{\"status\": ful}", -1, "1:12", "found “ful”");
  assert_syntax_error ("{\n  // exported by hand\n  \"format\": \"mizan-assessment\"\n}", -1, "2:3",
                       "JSON has no comments");
  assert_syntax_error ("{\"a\": 01}", -1, "1:7", "must not start with 0");
  assert_syntax_error ("{\"a\": 1.}", -1, "1:9", "expected a digit after the decimal point");
  assert_syntax_error ("{\"a\": \"x\ty\"}", -1, "1:9", "control character U+0009");
  assert_syntax_error ("{\"a\": \"\\q\"}", -1, "1:8", "invalid escape “\\q”");
  /* json-glib would cut the note at the NUL, or store half a surrogate pair
   * (not UTF-8): both would lose what a person typed without a word. */
  assert_syntax_error ("{\"note\": \"a\\u0000b\"}", -1, "1:12", "NUL");
  assert_syntax_error ("{\"note\": \"\\ud800\"}", -1, "1:11", "surrogate pair");
  /* Wrapping around 64 bits would turn this into a plausible target. */
  assert_syntax_error ("{\"targets\": {\"GOV.1\": 18446744073709551618}}", -1, "1:23", "too large");
  assert_syntax_error ("{\"format\": \"mizan-assessment\"} x", -1, "1:32",
                       "after the end of the JSON data");
  assert_syntax_error ("{\"format\": \"mizan-assessment\"}\n{}", -1, "2:1",
                       "after the end of the JSON data");
  assert_syntax_error ("", -1, "1:1", "the file is empty");
  assert_syntax_error ("\n\n", -1, "3:1", "the file is empty");

  /* Two answers for one practice: which one was meant is anyone's guess. */
  assert_syntax_error ("{\"answers\": {\"GOV.1.1\": {}, \"GOV.1.1\": {}}}", -1, "1:29", "“GOV.1.1” appears more than once");
  assert_syntax_error ("{\"a\": {\"GOV\\u002E1\": 1, \"GOV.1\": 2}}", -1, "1:25",
                       "“GOV.1” appears more than once");
  /* The same name in different objects is fine, as is a name equal to a value. */
  {
    g_auto(GStrv) lines = read_failing ("{\"x\": {\"id\": \"id\"}, \"y\": {\"id\": 1}}", -1,
                                        MIZAN_EXCHANGE_ERROR_INVALID);
    assert_problem_line (lines[0], "format", "missing");
  }

  /* A file cut short inside a string, and between members. */
  assert_syntax_error ("{\n  \"format\": \"mizan-assessment\",\n  \"answers\": {\n"
                       "    \"GOV.1.1\": {\"status\": \"ful", -1, "4:27",
                       "string not closed before the end of the file");
  g_assert_cmpuint (g_strv_length (valid_lines), >, 21);
  for (guint i = 20; valid_lines[i] != NULL; i++)
    g_clear_pointer (&valid_lines[i], g_free);
  valid_lines[20] = g_strdup ("");
  truncated = g_strjoinv ("\n", valid_lines);
  assert_syntax_error (truncated, -1, "21:1", "found the end of the file");

  /* Cut in the middle of a line, the column is where the file stops. */
  cut = strstr (truncated, "\"GOV.1.1\"");
  g_assert_nonnull (cut);
  assert_syntax_error (truncated, cut - truncated + 4, "20:5", "string not closed before the end of the file");
}

static void
test_syntax_utf8 (void)
{
  /* Latin-1, as an old editor might save it. */
  assert_syntax_error ("{\"organization\": {\"name\": \"Minist\xE8re\"}}", -1, "1:34", "not valid UTF-8");
  /* The column counts characters, not bytes: five Arabic letters before the fault. */
  assert_syntax_error ("{\n  \"note\": \"ميزان \xFF\"\n}", -1, "2:18", "not valid UTF-8");
  /* A NUL byte in the middle of the file is not text either. */
  assert_syntax_error ("{\"format\": \"mizan\0assessment\"}", 30, "1:18", "NUL");
}

static void
test_syntax_depth (void)
{
  const gsize n = 100000;
  g_autofree char *deep = g_malloc (2 * n + 1);
  g_autoptr(GString) objects = g_string_new (NULL);
  g_autofree char *limit = NULL;
  g_autofree char *position = g_strdup_printf ("1:%d", MIZAN_JSON_MAX_DEPTH + 1);

  /* Unclosed, then closed: neither reaches the recursive parser. */
  memset (deep, '[', n);
  deep[n] = '\0';
  assert_syntax_error (deep, n, position, "nested more than 64 levels deep");
  memset (deep + n, ']', n);
  deep[2 * n] = '\0';
  assert_syntax_error (deep, 2 * n, position, "nested more than 64 levels deep");

  for (guint i = 0; i < n; i++)
    g_string_append (objects, "{\"a\":");
  g_free (position);
  position = g_strdup_printf ("1:%d", 5 * MIZAN_JSON_MAX_DEPTH + 1);
  assert_syntax_error (objects->str, objects->len, position, "nested more than 64 levels deep");

  /* Brackets inside strings are text, not nesting. */
  g_string_truncate (objects, 0);
  g_string_append (objects, "{\"format\": \"");
  for (guint i = 0; i < 1000; i++)
    g_string_append (objects, "[{");
  g_string_append (objects, "\"}");
  assert_one_problem (objects->str, MIZAN_EXCHANGE_ERROR_INVALID, "format", "expected “mizan-assessment”");

  /* Exactly the limit is JSON Mizan reads; it is then the wrong shape. */
  limit = g_strnfill (MIZAN_JSON_MAX_DEPTH, '[');
  g_string_assign (objects, limit);
  g_free (limit);
  limit = g_strnfill (MIZAN_JSON_MAX_DEPTH, ']');
  g_string_append (objects, limit);
  assert_one_problem (objects->str, MIZAN_EXCHANGE_ERROR_INVALID, "$", "expected an object, found an array");
}

static void
test_too_large (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "huge.mizan", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(MizanAssessment) assessment = NULL;
  int fd;

  /* Sparse: the size is checked before anything is read. */
  fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (off_t) MIZAN_EXCHANGE_MAX_FILE_SIZE + 1), ==, 0);
  close (fd);

  assessment = mizan_exchange_read_file (path, catalog, &error);
  g_assert_null (assessment);
  g_assert_error (error, MIZAN_EXCHANGE_ERROR, MIZAN_EXCHANGE_ERROR_TOO_LARGE);
  g_assert_true (g_str_has_prefix (error->message, path));
  /* Both sizes round to the same figure, so the message gives the bytes. */
  g_assert_nonnull (strstr (error->message, "67108865 bytes"));
  g_assert_nonnull (strstr (error->message, "67108864 bytes"));
  g_clear_error (&error);

  /* At exactly the limit the file is read: its fault is then what it holds. */
  fd = g_open (path, O_WRONLY | O_TRUNC, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (off_t) MIZAN_EXCHANGE_MAX_FILE_SIZE), ==, 0);
  close (fd);
  assessment = mizan_exchange_read_file (path, catalog, &error);
  g_assert_null (assessment);
  g_assert_error (error, MIZAN_EXCHANGE_ERROR, MIZAN_EXCHANGE_ERROR_SYNTAX);
  g_assert_true (g_str_has_prefix (error->message, path));

  rm_rf (dir);
}

/* ---------------------------------------------------------------------- */
/* CSV */

/* Strict RFC 4180: rows of cells, every record ending in CRLF; NULL when malformed. */
static GPtrArray *
parse_csv (const char *data,
           gsize       length)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) row = g_ptr_array_new ();
  g_autoptr(GString) cell = g_string_new (NULL);
  const char *p = data, *end = data + length;

  while (p < end)
    {
      g_string_truncate (cell, 0);
      if (*p == '"')
        {
          for (p++;; p++)
            {
              if (p >= end)
                return NULL;
              if (*p == '"')
                {
                  if (p + 1 < end && p[1] == '"')
                    p++;
                  else
                    break;
                }
              g_string_append_c (cell, *p);
            }
          p++;
        }
      else
        while (p < end && *p != ',' && *p != '\r' && *p != '\n')
          {
            if (*p == '"')
              return NULL;
            g_string_append_c (cell, *p++);
          }

      g_ptr_array_add (row, g_strdup (cell->str));
      if (p < end && *p == ',')
        p++;
      else if (end - p >= 2 && p[0] == '\r' && p[1] == '\n')
        {
          p += 2;
          g_ptr_array_add (row, NULL);
          g_ptr_array_add (rows, g_ptr_array_free (g_steal_pointer (&row), FALSE));
          row = g_ptr_array_new ();
        }
      else
        return NULL;
    }
  if (row->len != 0)
    return NULL;
  return g_steal_pointer (&rows);
}

static const char * const csv_columns[] = {
  "domain", "domain_title", "capability", "capability_title", "capability_level",
  "capability_score", "capability_target", "capability_gap", "practice", "practice_level",
  "practice_text", "status", "note", "evidence", "answer_updated", NULL
};

static guint
csv_column (const char *name)
{
  for (guint i = 0; csv_columns[i] != NULL; i++)
    if (g_str_equal (csv_columns[i], name))
      return i;
  g_assert_not_reached ();
}

static const char *
csv_cell (GPtrArray  *rows,
          const char *practice_id,
          const char *column)
{
  for (guint i = 1; i < rows->len; i++)
    {
      char **row = g_ptr_array_index (rows, i);

      if (g_str_equal (row[csv_column ("practice")], practice_id))
        return row[csv_column (column)];
    }
  g_assert_not_reached ();
}

static void
test_csv (void)
{
  g_autoptr(MizanAssessment) assessment = read_valid ();
  g_autoptr(MizanResults) results = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *score = NULL;
  gsize length;

  mizan_assessment_set_answer (assessment, "GOV.1.1", MIZAN_STATUS_FULLY,
                               "Signed, \"finally\", by the minister\nafter two rounds", "DOC-17", 1795168800);
  mizan_assessment_set_answer (assessment, "GOV.1.2", MIZAN_STATUS_LARGELY, "=HYPERLINK(\"http://x\")", "-2", 0);
  mizan_assessment_set_answer (assessment, "GOV.1.4", MIZAN_STATUS_NOT, "@SUM(A1)", "+1", 0);
  /* Every GOV.2 practice na: the capability is not applicable. */
  mizan_assessment_set_answer (assessment, "GOV.2.1", MIZAN_STATUS_NA, NULL, NULL, 0);
  mizan_assessment_set_answer (assessment, "GOV.2.2", MIZAN_STATUS_NA, NULL, NULL, 0);
  mizan_assessment_set_answer (assessment, "GOV.2.3", MIZAN_STATUS_NA, NULL, NULL, 0);
  mizan_assessment_set_answer (assessment, "OPS.1.2", MIZAN_STATUS_NONE, "a note, no status", NULL, 0);
  results = mizan_results_compute (framework, assessment);

  csv = mizan_exchange_to_csv (assessment, framework, results, &length);
  g_assert_cmpuint (length, ==, strlen (csv));
  g_assert_true (g_str_has_suffix (csv, "\r\n"));
  rows = parse_csv (csv, length);
  if (rows == NULL)
    g_error ("not RFC 4180 CSV:\n%s", csv);

  /* A header, then one row per practice in framework order, all as wide. */
  g_assert_cmpuint (rows->len, ==, 1 + mizan_framework_get_n_practices (framework));
  g_assert_cmpstrv ((const char * const *) g_ptr_array_index (rows, 0), csv_columns);
  for (guint i = 1; i < rows->len; i++)
    {
      char **row = g_ptr_array_index (rows, i);

      g_assert_cmpuint (g_strv_length (row), ==, G_N_ELEMENTS (csv_columns) - 1);
      g_assert_cmpstr (row[csv_column ("practice")], ==, mizan_framework_get_practice (framework, i - 1)->id);
    }

  g_assert_cmpstr (csv_cell (rows, "GOV.1.1", "domain"), ==, "GOV");
  g_assert_cmpstr (csv_cell (rows, "GOV.1.1", "domain_title"), ==, "Governance");
  g_assert_cmpstr (csv_cell (rows, "GOV.1.1", "capability"), ==, "GOV.1");
  g_assert_cmpstr (csv_cell (rows, "GOV.1.1", "capability_title"), ==, "Strategy");
  g_assert_cmpstr (csv_cell (rows, "GOV.1.1", "practice_text"), ==, "A security strategy exists.");
  g_assert_cmpstr (csv_cell (rows, "GOV.1.1", "practice_level"), ==, "1");
  g_assert_cmpstr (csv_cell (rows, "GOV.1.4", "practice_level"), ==, "3");
  g_assert_cmpstr (csv_cell (rows, "GOV.1.1", "status"), ==, "fully");
  g_assert_cmpstr (csv_cell (rows, "GOV.1.4", "status"), ==, "not");
  g_assert_cmpstr (csv_cell (rows, "GOV.1.1", "answer_updated"), ==, "2026-11-20T10:00:00Z");

  /* Commas, quotes and line breaks come back exactly. */
  g_assert_cmpstr (csv_cell (rows, "GOV.1.1", "note"), ==, "Signed, \"finally\", by the minister\nafter two rounds");
  g_assert_cmpstr (csv_cell (rows, "GOV.1.3", "note"), ==, "مسودة بانتظار الوزير\nDraft awaiting the minister.");
  g_assert_nonnull (strstr (csv, "\"Signed, \"\"finally\"\", by the minister\nafter two rounds\""));

  /* What a person typed is never run as a spreadsheet formula. */
  g_assert_cmpstr (csv_cell (rows, "GOV.1.2", "note"), ==, "'=HYPERLINK(\"http://x\")");
  g_assert_cmpstr (csv_cell (rows, "GOV.1.2", "evidence"), ==, "'-2");
  g_assert_cmpstr (csv_cell (rows, "GOV.1.4", "note"), ==, "'@SUM(A1)");
  g_assert_cmpstr (csv_cell (rows, "GOV.1.4", "evidence"), ==, "'+1");
  g_assert_cmpstr (csv_cell (rows, "GOV.1.1", "evidence"), ==, "DOC-17");

  /* Unanswered practices are blank, with or without a note. */
  g_assert_cmpstr (csv_cell (rows, "OPS.1.2", "status"), ==, "");
  g_assert_cmpstr (csv_cell (rows, "OPS.1.2", "note"), ==, "a note, no status");
  g_assert_cmpstr (csv_cell (rows, "OPS.1.3", "status"), ==, "");
  g_assert_cmpstr (csv_cell (rows, "OPS.1.3", "note"), ==, "");
  g_assert_cmpstr (csv_cell (rows, "OPS.1.3", "answer_updated"), ==, "");

  /* Numbers are unrounded: the score is exactly what scoring computed (8/15). */
  g_assert_cmpstr (csv_cell (rows, "GOV.1.1", "capability_level"), ==, "1");
  score = g_strdup (csv_cell (rows, "GOV.1.1", "capability_score"));
  g_assert_cmpfloat (g_ascii_strtod (score, NULL), ==, results->capabilities[0].score);
  g_assert_cmpfloat_with_epsilon (g_ascii_strtod (score, NULL), 8.0 / 15.0, 1e-15);
  g_assert_cmpuint (strlen (score), >, 10);
  g_assert_cmpstr (csv_cell (rows, "GOV.1.1", "capability_target"), ==, "3");
  g_assert_cmpstr (csv_cell (rows, "GOV.1.1", "capability_gap"), ==, "2");
  /* OPS.1: OPS.1.1 fully, weights 1 + 0.5 + 1 + 1 → score 1/3.5, level 1, target 1. */
  g_assert_cmpfloat (g_ascii_strtod (csv_cell (rows, "OPS.1.1", "capability_score"), NULL), ==, 1 / 3.5);
  g_assert_cmpstr (csv_cell (rows, "OPS.1.1", "capability_level"), ==, "1");
  g_assert_cmpstr (csv_cell (rows, "OPS.1.1", "capability_gap"), ==, "0");

  /* Not applicable: no level, score or gap, but the target stays. */
  g_assert_false (results->capabilities[1].applicable);
  g_assert_cmpstr (csv_cell (rows, "GOV.2.1", "capability_level"), ==, "");
  g_assert_cmpstr (csv_cell (rows, "GOV.2.1", "capability_score"), ==, "");
  g_assert_cmpstr (csv_cell (rows, "GOV.2.1", "capability_gap"), ==, "");
  g_assert_cmpstr (csv_cell (rows, "GOV.2.1", "capability_target"), ==, "0");
  g_assert_cmpstr (csv_cell (rows, "GOV.2.1", "status"), ==, "na");

  /* The length is optional here too. */
  {
    g_autofree char *unsized = mizan_exchange_to_csv (assessment, framework, results, NULL);
    g_assert_cmpstr (unsized, ==, csv);
  }
}

/* ---------------------------------------------------------------------- */
/* Atomic writes */

static void
test_write_atomic (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "out.mizan", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  const char *long_text = "the first version, which is much longer than the second one\n";
  gsize length;

  g_assert_true (mizan_write_file_atomic (path, long_text, strlen (long_text), &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpstr (contents, ==, long_text);
  g_assert_cmpuint (count_dir_entries (dir), ==, 1);
  g_clear_pointer (&contents, g_free);

  /* Replaced whole, not overwritten in place: nothing of the old tail remains. */
  g_assert_true (mizan_write_file_atomic (path, "second\n", 7, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, ==, 7);
  g_assert_cmpstr (contents, ==, "second\n");
  g_assert_cmpuint (count_dir_entries (dir), ==, 1);
  g_clear_pointer (&contents, g_free);

  /* Binary-safe and exact in length. */
  g_assert_true (mizan_write_file_atomic (path, "a\0b", 3, &error));
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, ==, 3);
  g_assert_cmpmem (contents, 3, "a\0b", 3);
  g_clear_pointer (&contents, g_free);

  g_assert_true (mizan_write_file_atomic (path, "", 0, &error));
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, ==, 0);

  rm_rf (dir);
}

static void
test_write_atomic_missing_dir (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *missing = g_build_filename (dir, "missing", NULL);
  g_autofree char *path = g_build_filename (missing, "out.mizan", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (mizan_write_file_atomic (path, "x", 1, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_dir_entries (dir), ==, 0);
  g_clear_error (&error);

  /* A folder where the file should be is left alone. */
  g_assert_cmpint (g_mkdir (missing, 0700), ==, 0);
  g_assert_false (mizan_write_file_atomic (missing, "x", 1, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, missing));
  g_assert_true (g_file_test (missing, G_FILE_TEST_IS_DIR));
  g_assert_cmpuint (count_dir_entries (dir), ==, 1);

  rm_rf (dir);
}

static void
test_write_atomic_read_only_dir (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  if (geteuid () == 0)
    {
      g_test_skip ("root ignores directory permissions");
      return;
    }

  dir = make_tmp_dir ();
  path = g_build_filename (dir, "out.mizan", NULL);
  g_assert_true (mizan_write_file_atomic (path, "kept\n", 5, &error));
  g_assert_no_error (error);

  g_assert_cmpint (g_chmod (dir, 0500), ==, 0);
  g_assert_false (mizan_write_file_atomic (path, "lost\n", 5, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, path));
  /* The old file is intact and no temporary file is left behind. */
  g_assert_cmpuint (count_dir_entries (dir), ==, 1);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "kept\n");

  g_chmod (dir, 0700);
  rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *mini = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  mini = g_build_filename (g_getenv ("MIZAN_TEST_DATA"), "frameworks", "mini.json", NULL);
  framework = mizan_framework_new_from_file (mini, &error);
  g_assert_no_error (error);
  catalog = mizan_catalog_new ();
  mizan_catalog_add (catalog, framework);

  g_test_add_func ("/exchange/read/valid", test_read_valid);
  g_test_add_func ("/exchange/read/byte-order-mark", test_read_byte_order_mark);
  g_test_add_func ("/exchange/read/missing-file", test_read_missing_file);
  g_test_add_func ("/exchange/round-trip/data", test_round_trip_data);
  g_test_add_func ("/exchange/round-trip/awkward-text", test_round_trip_awkward_text);
  g_test_add_func ("/exchange/round-trip/store", test_round_trip_store);
  g_test_add_func ("/exchange/invalid/one-fault-each", test_faults);
  g_test_add_func ("/exchange/invalid/other-formats", test_other_formats);
  g_test_add_func ("/exchange/invalid/unknown-framework", test_unknown_framework_with_other_faults);
  g_test_add_func ("/exchange/invalid/several-faults", test_several_faults);
  g_test_add_func ("/exchange/syntax/positions", test_syntax_positions);
  g_test_add_func ("/exchange/syntax/utf8", test_syntax_utf8);
  g_test_add_func ("/exchange/syntax/depth", test_syntax_depth);
  g_test_add_func ("/exchange/syntax/too-large", test_too_large);
  g_test_add_func ("/exchange/csv", test_csv);
  g_test_add_func ("/exchange/write-atomic/replace", test_write_atomic);
  g_test_add_func ("/exchange/write-atomic/missing-dir", test_write_atomic_missing_dir);
  g_test_add_func ("/exchange/write-atomic/read-only-dir", test_write_atomic_read_only_dir);

  status = g_test_run ();

  g_object_unref (catalog);
  g_object_unref (framework);
  return status;
}
