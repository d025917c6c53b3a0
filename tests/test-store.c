/* test-store.c — the SQLite store: round trips, safety of the file, transactions
 * Each test works in its own temporary folder; a raw SQLite connection checks what really landed. */

#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "mizan-store.h"

typedef struct {
  char *dir;
  char *path;
} Fixture;

static char *xdg_root;

static void
rm_rf (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          rm_rf (child);
        }
      g_rmdir (path);
    }
  else
    {
      g_remove (path);
    }
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  /* A subprocess works on its parent's file and may die without teardown. */
  if (g_test_subprocess ())
    return;

  fixture->dir = g_dir_make_tmp ("mizan-store-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "mizan.db", NULL);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  if (fixture->dir != NULL)
    rm_rf (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
  g_clear_pointer (&fixture->path, g_free);
}

static MizanStore *
open_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  MizanStore *store = mizan_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);

  return store;
}

/* A connection of our own, to see what is on disk behind the store's back. */
static sqlite3 *
raw_open (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);

  return db;
}

static void
raw_exec (sqlite3    *db,
          const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

/* The first column of the first row as text ("" for no row, "NULL" for NULL). */
static char *
raw_query (const char *path,
           const char *sql,
           const char *parameter)
{
  sqlite3 *db = raw_open (path);
  sqlite3_stmt *stmt = NULL;
  char *result;
  int rc;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (parameter != NULL)
    sqlite3_bind_text (stmt, 1, parameter, -1, SQLITE_TRANSIENT);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    result = sqlite3_column_type (stmt, 0) == SQLITE_NULL
             ? g_strdup ("NULL")
             : g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  else
    {
      g_assert_cmpint (rc, ==, SQLITE_DONE);
      result = g_strdup ("");
    }

  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return result;
}

static gint64
raw_count (const char *path,
           const char *sql,
           const char *parameter)
{
  g_autofree char *text = raw_query (path, sql, parameter);

  return g_ascii_strtoll (text, NULL, 10);
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

static guint
file_mode (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);

  return st.st_mode & 07777;
}

static gint64
now_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static MizanAssessment *
make_assessment (const char *id)
{
  MizanAssessment *assessment = mizan_assessment_new (id);

  mizan_assessment_set_title (assessment, "2025 baseline");
  mizan_assessment_set_assessor (assessment, "Fatima Zahra");
  mizan_assessment_set_framework (assessment, "oic-ccmm", "1.0.0");
  mizan_assessment_set_created (assessment, 1735689600);
  mizan_assessment_set_updated (assessment, 1735776000);
  mizan_assessment_set_organization (assessment, "Ministry of Communications", "PAK",
                                     "government", "large");
  mizan_assessment_set_answer (assessment, "GOV.1.1", MIZAN_STATUS_FULLY, "Policy approved", "POL-1", 1735700000);
  mizan_assessment_set_answer (assessment, "GOV.1.2", MIZAN_STATUS_LARGELY, NULL, NULL, 1735700001);
  mizan_assessment_set_answer (assessment, "GOV.1.3", MIZAN_STATUS_PARTIALLY, NULL, "scan.pdf", 1735700002);
  mizan_assessment_set_answer (assessment, "DEF.1.1", MIZAN_STATUS_NOT, "nothing yet", NULL, 1735700003);
  mizan_assessment_set_answer (assessment, "DEF.1.2", MIZAN_STATUS_NA, NULL, NULL, 1735700004);
  /* unanswered, but with a note: must survive the trip */
  mizan_assessment_set_answer (assessment, "DEF.1.3", MIZAN_STATUS_NONE, "ask IT", NULL, 1735700005);
  mizan_assessment_set_target (assessment, "GOV.1", 4);
  mizan_assessment_set_target (assessment, "DEF.1", 0);
  mizan_assessment_set_to_confirm (assessment, "GOV.1.2", TRUE);
  mizan_assessment_set_profile_answer (assessment, "runs_cert", MIZAN_PROFILE_NO);
  mizan_assessment_set_profile_answer (assessment, "uses_cloud_services", MIZAN_PROFILE_YES);

  return assessment;
}

static void
assert_same_assessment (MizanAssessment *expected,
                        MizanAssessment *actual)
{
  GHashTable *expected_answers = mizan_assessment_get_answers (expected);
  g_auto(GStrv) expected_targets = mizan_assessment_list_targets (expected);
  g_auto(GStrv) actual_targets = mizan_assessment_list_targets (actual);
  GHashTableIter iter;
  gpointer key, value;

  g_assert_cmpstr (mizan_assessment_get_id (actual), ==, mizan_assessment_get_id (expected));
  g_assert_cmpstr (mizan_assessment_get_title (actual), ==, mizan_assessment_get_title (expected));
  g_assert_cmpstr (mizan_assessment_get_assessor (actual), ==, mizan_assessment_get_assessor (expected));
  g_assert_cmpstr (mizan_assessment_get_framework_id (actual), ==, mizan_assessment_get_framework_id (expected));
  g_assert_cmpstr (mizan_assessment_get_framework_version (actual), ==, mizan_assessment_get_framework_version (expected));
  g_assert_cmpint (mizan_assessment_get_created (actual), ==, mizan_assessment_get_created (expected));
  g_assert_cmpint (mizan_assessment_get_updated (actual), ==, mizan_assessment_get_updated (expected));
  g_assert_cmpstr (mizan_assessment_get_org_name (actual), ==, mizan_assessment_get_org_name (expected));
  g_assert_cmpstr (mizan_assessment_get_org_country (actual), ==, mizan_assessment_get_org_country (expected));
  g_assert_cmpstr (mizan_assessment_get_org_sector (actual), ==, mizan_assessment_get_org_sector (expected));
  g_assert_cmpstr (mizan_assessment_get_org_size (actual), ==, mizan_assessment_get_org_size (expected));
  g_assert_cmpint (mizan_assessment_get_org_id (actual), ==, mizan_assessment_get_org_id (expected));

  g_assert_cmpuint (g_hash_table_size (mizan_assessment_get_answers (actual)), ==,
                    g_hash_table_size (expected_answers));
  g_hash_table_iter_init (&iter, expected_answers);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const MizanAnswer *want = value;
      const MizanAnswer *got = mizan_assessment_get_answer (actual, key);

      g_assert_nonnull (got);
      g_assert_cmpint (got->status, ==, want->status);
      g_assert_cmpstr (got->note, ==, want->note);
      g_assert_cmpstr (got->evidence, ==, want->evidence);
      g_assert_cmpint (got->updated, ==, want->updated);
      g_assert_cmpint (got->to_confirm, ==, want->to_confirm);
    }

  g_assert_cmpstrv (actual_targets, expected_targets);
  for (guint i = 0; expected_targets[i] != NULL; i++)
    g_assert_cmpint (mizan_assessment_get_target (actual, expected_targets[i]), ==,
                     mizan_assessment_get_target (expected, expected_targets[i]));

  {
    g_auto(GStrv) expected_profile = mizan_assessment_list_profile (expected);
    g_auto(GStrv) actual_profile = mizan_assessment_list_profile (actual);

    g_assert_cmpstrv (actual_profile, expected_profile);
    for (guint i = 0; expected_profile[i] != NULL; i++)
      g_assert_cmpint (mizan_assessment_get_profile_answer (actual, expected_profile[i]), ==,
                       mizan_assessment_get_profile_answer (expected, expected_profile[i]));
  }
}

/* Opening ------------------------------------------------------------------ */

static void
test_store_default_path_and_modes (void)
{
  g_autoptr(MizanStore) store = NULL;
  g_autoptr(MizanAssessment) assessment = make_assessment (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = g_build_filename (xdg_root, "mizan", "mizan.db", NULL);
  g_autofree char *dir = g_build_filename (xdg_root, "mizan", NULL);
  g_autofree char *default_path = mizan_store_get_default_path ();
  g_autofree char *wal = g_strconcat (expected, "-wal", NULL);
  g_autofree char *shm = g_strconcat (expected, "-shm", NULL);
  mode_t old_umask;

  g_assert_cmpstr (default_path, ==, expected);
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));

  /* The modes must not depend on the umask the user happens to have. */
  old_umask = umask (0);
  store = mizan_store_open (NULL, &error);
  umask (old_umask);
  g_assert_no_error (error);
  g_assert_cmpstr (mizan_store_get_path (store), ==, expected);

  g_assert_cmpuint (file_mode (dir), ==, 0700);
  g_assert_cmpuint (file_mode (expected), ==, 0600);

  /* The WAL files hold the same data and must be just as private. */
  old_umask = umask (0);
  g_assert_true (mizan_store_save_assessment (store, assessment, FALSE, &error));
  umask (old_umask);
  g_assert_no_error (error);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (shm, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (file_mode (wal), ==, 0600);
  g_assert_cmpuint (file_mode (shm), ==, 0600);

  g_clear_object (&store);
  rm_rf (dir);
}

static void
test_store_existing_dir_untouched (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(MizanStore) store = NULL;

  /* A folder the user already has (a --db elsewhere) keeps its mode. */
  g_assert_cmpint (g_chmod (fixture->dir, 0750), ==, 0);
  store = open_store (fixture->path);
  g_assert_cmpuint (file_mode (fixture->dir), ==, 0750);
  g_assert_cmpuint (file_mode (fixture->path), ==, 0600);
}

static void
test_store_fresh_schema_and_wal (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(MizanStore) store = NULL;
  g_autofree char *journal = NULL;
  g_autofree char *version = NULL;
  g_autofree char *tables = NULL;

  /* An empty file is a database at user_version 0: migrated from scratch. */
  g_assert_true (g_file_set_contents (fixture->path, "", 0, NULL));
  store = open_store (fixture->path);

  journal = raw_query (fixture->path, "PRAGMA journal_mode", NULL);
  g_assert_cmpstr (journal, ==, "wal");
  version = raw_query (fixture->path, "PRAGMA user_version", NULL);
  g_assert_cmpint (g_ascii_strtoll (version, NULL, 10), ==, MIZAN_STORE_SCHEMA_VERSION);
  tables = raw_query (fixture->path,
                      "SELECT group_concat(name, ',') FROM"
                      " (SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name)",
                      NULL);
  g_assert_cmpstr (tables, ==, "answers,assessments,organizations,profile_answers,submissions,sync_queue,targets");
}

static void
test_store_reopen_keeps_data (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(MizanStore) store = open_store (fixture->path);
  g_autoptr(MizanAssessment) assessment = make_assessment (NULL);
  g_autoptr(MizanAssessment) loaded = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (mizan_store_save_assessment (store, assessment, FALSE, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  store = open_store (fixture->path);
  loaded = mizan_store_load_assessment (store, mizan_assessment_get_id (assessment), &error);
  g_assert_no_error (error);
  assert_same_assessment (assessment, loaded);
}

static void
create_newer_database (const char *path,
                       gboolean    wal)
{
  sqlite3 *db = raw_open (path);
  g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %d", MIZAN_STORE_SCHEMA_VERSION + 1);

  if (wal)
    raw_exec (db, "PRAGMA journal_mode = WAL");
  raw_exec (db, "CREATE TABLE assessments (id TEXT PRIMARY KEY, future_column BLOB);"
                "INSERT INTO assessments VALUES ('from-the-future', x'00ff');");
  raw_exec (db, bump);
  /* Leave the newer program's last writes in the -wal file, as after a
   * crash or while it is running: folding them into the main file would
   * be a write, too. */
  if (wal)
    sqlite3_db_config (db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
  sqlite3_close (db);
}

static void
assert_newer_refused (const char *path)
{
  g_autoptr(MizanStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr(GBytes) before = read_bytes (path);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GBytes) wal_before = NULL;
  g_autoptr(GBytes) wal_after = NULL;
  g_autofree char *newer = g_strdup_printf ("schema %d", MIZAN_STORE_SCHEMA_VERSION + 1);
  g_autofree char *known = g_strdup_printf ("up to %d", MIZAN_STORE_SCHEMA_VERSION);
  guint mode_before = file_mode (path);

  if (g_file_test (wal, G_FILE_TEST_EXISTS))
    wal_before = read_bytes (wal);

  store = mizan_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, MIZAN_STORE_ERROR, MIZAN_STORE_ERROR_TOO_NEW);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, "newer version of Mizan"));
  g_assert_nonnull (strstr (error->message, newer));
  g_assert_nonnull (strstr (error->message, known));

  after = read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_cmpuint (file_mode (path), ==, mode_before);
  if (wal_before != NULL)
    {
      wal_after = read_bytes (wal);
      g_assert_true (g_bytes_equal (wal_before, wal_after));
    }

  /* Still the newer program's data, readable by it. */
  g_assert_cmpint (raw_count (path, "SELECT count(*) FROM assessments WHERE id = ?1",
                              "from-the-future"), ==, 1);
}

static void
test_store_refuses_newer_schema (Fixture       *fixture,
                                 gconstpointer  data)
{
  create_newer_database (fixture->path, FALSE);
  assert_newer_refused (fixture->path);
}

static void
test_store_refuses_newer_schema_wal (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);

  create_newer_database (fixture->path, TRUE);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  assert_newer_refused (fixture->path);
}

static void
test_store_refuses_non_database (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(MizanStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  for (int i = 0; i < 200; i++)
    g_string_append (text, "These are my meeting notes, not a database.\n");
  g_assert_true (g_file_set_contents (fixture->path, text->str, text->len, NULL));
  before = read_bytes (fixture->path);

  store = mizan_store_open (fixture->path, &error);
  g_assert_null (store);
  g_assert_error (error, MIZAN_STORE_ERROR, MIZAN_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, fixture->path));
  g_assert_nonnull (strstr (error->message, "left untouched"));

  after = read_bytes (fixture->path);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_store_refuses_foreign_database (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autoptr(MizanStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  sqlite3 *db = raw_open (fixture->path);

  /* Another program's SQLite file must not get our tables added to it. */
  raw_exec (db, "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('x');");
  sqlite3_close (db);
  before = read_bytes (fixture->path);

  store = mizan_store_open (fixture->path, &error);
  g_assert_null (store);
  g_assert_error (error, MIZAN_STORE_ERROR, MIZAN_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, fixture->path));

  after = read_bytes (fixture->path);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_store_open_error_names_path (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(MizanStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *blocker = g_build_filename (fixture->dir, "a-file", NULL);
  g_autofree char *path = g_build_filename (blocker, "sub", "mizan.db", NULL);

  g_assert_true (g_file_set_contents (blocker, "x", 1, NULL));

  store = mizan_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, MIZAN_STORE_ERROR, MIZAN_STORE_ERROR_OPEN);
  g_assert_nonnull (strstr (error->message, "a-file"));
}

/* Round trips -------------------------------------------------------------- */

static void
test_store_round_trip (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(MizanStore) store = open_store (fixture->path);
  g_autoptr(MizanAssessment) assessment = make_assessment (NULL);
  g_autoptr(MizanAssessment) loaded = NULL;
  g_autoptr(GPtrArray) summaries = NULL;
  g_autoptr(GPtrArray) organizations = NULL;
  g_autoptr(GError) error = NULL;
  const char *id = mizan_assessment_get_id (assessment);
  const MizanAssessmentSummary *summary;
  const MizanOrganization *organization;
  g_autofree char *status = NULL;

  g_assert_false (mizan_store_has_assessment (store, id, &error));
  g_assert_no_error (error);

  g_assert_true (mizan_store_save_assessment (store, assessment, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (mizan_assessment_get_org_id (assessment), >, 0);
  g_assert_true (mizan_store_has_assessment (store, id, &error));

  loaded = mizan_store_load_assessment (store, id, &error);
  g_assert_no_error (error);
  assert_same_assessment (assessment, loaded);
  g_assert_cmpint (mizan_assessment_get_answer (loaded, "DEF.1.3")->status, ==, MIZAN_STATUS_NONE);

  /* An unanswered practice is stored without a status, not as a word. */
  status = raw_query (fixture->path,
                      "SELECT status FROM answers WHERE practice_id = 'DEF.1.3' AND assessment_id = ?1",
                      id);
  g_assert_cmpstr (status, ==, "NULL");

  summaries = mizan_store_list_assessments (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summaries->len, ==, 1);
  summary = g_ptr_array_index (summaries, 0);
  g_assert_cmpstr (summary->id, ==, id);
  g_assert_cmpstr (summary->title, ==, "2025 baseline");
  g_assert_cmpstr (summary->org_name, ==, "Ministry of Communications");
  g_assert_cmpstr (summary->framework_id, ==, "oic-ccmm");
  g_assert_cmpstr (summary->framework_version, ==, "1.0.0");
  g_assert_cmpint (summary->updated, ==, 1735776000);
  g_assert_cmpuint (summary->answered, ==, 5);  /* na counts; the note-only one does not */
  g_assert_cmpuint (summary->answered, ==, mizan_assessment_count_answered (assessment));

  organizations = mizan_store_list_organizations (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (organizations->len, ==, 1);
  organization = g_ptr_array_index (organizations, 0);
  g_assert_cmpint (organization->id, ==, mizan_assessment_get_org_id (assessment));
  g_assert_cmpstr (organization->name, ==, "Ministry of Communications");
  g_assert_cmpstr (organization->country, ==, "PAK");
  g_assert_cmpstr (organization->sector, ==, "government");
  g_assert_cmpstr (organization->size, ==, "large");
}

static void
test_store_minimal_assessment (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(MizanStore) store = open_store (fixture->path);
  g_autoptr(MizanAssessment) assessment = mizan_assessment_new (NULL);
  g_autoptr(MizanAssessment) loaded = NULL;
  g_autoptr(GPtrArray) organizations = NULL;
  g_autoptr(GError) error = NULL;

  /* Nothing but an id: NULLs stay NULL, no organization is invented. */
  g_assert_true (mizan_store_save_assessment (store, assessment, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (mizan_assessment_get_org_id (assessment), ==, 0);

  loaded = mizan_store_load_assessment (store, mizan_assessment_get_id (assessment), &error);
  g_assert_no_error (error);
  assert_same_assessment (assessment, loaded);
  g_assert_null (mizan_assessment_get_title (loaded));

  organizations = mizan_store_list_organizations (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (organizations->len, ==, 0);
}

static void
test_store_hostile_strings (Fixture       *fixture,
                            gconstpointer  data)
{
  static const char * const hostile[] = {
    "'; DROP TABLE answers; --",
    "O'Brien \"the quoted\" `tick` \\backslash\\ %s %n %%",
    "وزارة الاتصالات وتقنية المعلومات — تقييم ٢٠٢٥",
    "Ministère de l’Économie, des Finances et de la Souveraineté",
    "line one\nline two\r\n\ttabbed",
    "🔐 emoji \u200F rtl mark \u0301 combining",
    "Robert'); DELETE FROM assessments WHERE ('1'='1",
  };
  g_autoptr(MizanStore) store = open_store (fixture->path);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autoptr(MizanAssessment) assessment = NULL;
      g_autoptr(MizanAssessment) loaded = NULL;
      g_autofree char *id = g_strdup_printf ("%s #%u", hostile[i], i);
      const MizanAnswer *answer;

      /* Everything a user types, ids included, goes through bound parameters. */
      assessment = mizan_assessment_new (id);
      mizan_assessment_set_title (assessment, hostile[i]);
      mizan_assessment_set_assessor (assessment, hostile[i]);
      mizan_assessment_set_framework (assessment, hostile[i], hostile[i]);
      mizan_assessment_set_organization (assessment, hostile[i], hostile[i], hostile[i], hostile[i]);
      mizan_assessment_set_answer (assessment, hostile[i], MIZAN_STATUS_FULLY, hostile[i], hostile[i], 1);
      mizan_assessment_set_target (assessment, hostile[i], 2);

      g_assert_true (mizan_store_save_assessment (store, assessment, FALSE, &error));
      g_assert_no_error (error);
      g_assert_true (mizan_store_set_answer (store, id, "edited", MIZAN_STATUS_NONE,
                                             hostile[i], hostile[i], &error));
      g_assert_no_error (error);

      loaded = mizan_store_load_assessment (store, id, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (mizan_assessment_get_title (loaded), ==, hostile[i]);
      g_assert_cmpstr (mizan_assessment_get_org_name (loaded), ==, hostile[i]);
      g_assert_cmpstr (mizan_assessment_get_org_country (loaded), ==, hostile[i]);
      g_assert_cmpint (mizan_assessment_get_target (loaded, hostile[i]), ==, 2);
      answer = mizan_assessment_get_answer (loaded, hostile[i]);
      g_assert_nonnull (answer);
      g_assert_cmpstr (answer->note, ==, hostile[i]);
      g_assert_cmpstr (answer->evidence, ==, hostile[i]);
      answer = mizan_assessment_get_answer (loaded, "edited");
      g_assert_nonnull (answer);
      g_assert_cmpstr (answer->note, ==, hostile[i]);
    }

  /* And the tables are all still there with everything in them. */
  g_assert_cmpint (raw_count (fixture->path, "SELECT count(*) FROM assessments", NULL),
                   ==, G_N_ELEMENTS (hostile));
  g_assert_cmpint (raw_count (fixture->path, "SELECT count(*) FROM answers", NULL),
                   ==, 2 * G_N_ELEMENTS (hostile));
}

static void
test_store_organizations_shared_and_sorted (Fixture       *fixture,
                                            gconstpointer  data)
{
  g_autoptr(MizanStore) store = open_store (fixture->path);
  g_autoptr(MizanAssessment) a = make_assessment (NULL);
  g_autoptr(MizanAssessment) b = make_assessment (NULL);
  g_autoptr(MizanAssessment) c = make_assessment (NULL);
  g_autoptr(MizanAssessment) d = make_assessment (NULL);
  g_autoptr(MizanAssessment) reloaded = NULL;
  g_autoptr(GPtrArray) organizations = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (mizan_store_save_assessment (store, a, FALSE, &error));
  g_assert_no_error (error);

  /* Same name and country: the same organization, its profile updated. */
  mizan_assessment_set_organization (b, "Ministry of Communications", "PAK", "telecom", "very-large");
  g_assert_true (mizan_store_save_assessment (store, b, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (mizan_assessment_get_org_id (b), ==, mizan_assessment_get_org_id (a));

  reloaded = mizan_store_load_assessment (store, mizan_assessment_get_id (a), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mizan_assessment_get_org_sector (reloaded), ==, "telecom");
  g_assert_cmpstr (mizan_assessment_get_org_size (reloaded), ==, "very-large");

  /* Same name in another country: a different organization. */
  mizan_assessment_set_organization (c, "Ministry of Communications", "MYS", "government", "large");
  g_assert_true (mizan_store_save_assessment (store, c, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (mizan_assessment_get_org_id (c), !=, mizan_assessment_get_org_id (a));

  mizan_assessment_set_organization (d, "Banque centrale", "SEN", "finance", "medium");
  g_assert_true (mizan_store_save_assessment (store, d, FALSE, &error));
  g_assert_no_error (error);

  organizations = mizan_store_list_organizations (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (organizations->len, ==, 3);
  g_assert_cmpstr (((MizanOrganization *) organizations->pdata[0])->name, ==, "Banque centrale");
  g_assert_cmpstr (((MizanOrganization *) organizations->pdata[1])->country, ==, "MYS");
  g_assert_cmpstr (((MizanOrganization *) organizations->pdata[2])->country, ==, "PAK");
}

static void
test_store_list_newest_first (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(MizanStore) store = open_store (fixture->path);
  g_autoptr(GPtrArray) summaries = NULL;
  g_autoptr(GError) error = NULL;
  static const gint64 updated[] = { 1500000000, 1600000000, 1400000000 };  /* all past */

  for (guint i = 0; i < G_N_ELEMENTS (updated); i++)
    {
      g_autofree char *id = g_strdup_printf ("assessment-%u", i);
      g_autoptr(MizanAssessment) assessment = mizan_assessment_new (id);

      mizan_assessment_set_updated (assessment, updated[i]);
      for (guint j = 0; j < i; j++)
        {
          g_autofree char *practice = g_strdup_printf ("P.%u", j);
          mizan_assessment_set_answer (assessment, practice, MIZAN_STATUS_NOT, NULL, NULL, 0);
        }
      g_assert_true (mizan_store_save_assessment (store, assessment, FALSE, &error));
      g_assert_no_error (error);
    }

  summaries = mizan_store_list_assessments (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summaries->len, ==, 3);
  g_assert_cmpstr (((MizanAssessmentSummary *) summaries->pdata[0])->id, ==, "assessment-1");
  g_assert_cmpstr (((MizanAssessmentSummary *) summaries->pdata[1])->id, ==, "assessment-0");
  g_assert_cmpstr (((MizanAssessmentSummary *) summaries->pdata[2])->id, ==, "assessment-2");
  g_assert_cmpuint (((MizanAssessmentSummary *) summaries->pdata[0])->answered, ==, 1);
  g_assert_cmpuint (((MizanAssessmentSummary *) summaries->pdata[2])->answered, ==, 2);
  g_assert_null (((MizanAssessmentSummary *) summaries->pdata[0])->org_name);

  /* An edit makes an assessment the newest. */
  g_assert_true (mizan_store_set_answer (store, "assessment-2", "P.9", MIZAN_STATUS_FULLY,
                                         NULL, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&summaries, g_ptr_array_unref);
  summaries = mizan_store_list_assessments (store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (((MizanAssessmentSummary *) summaries->pdata[0])->id, ==, "assessment-2");
  g_assert_cmpuint (((MizanAssessmentSummary *) summaries->pdata[0])->answered, ==, 3);
}

/* Edits -------------------------------------------------------------------- */

static void
test_store_set_answer_and_target (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(MizanStore) store = open_store (fixture->path);
  g_autoptr(MizanAssessment) assessment = make_assessment (NULL);
  g_autoptr(MizanAssessment) loaded = NULL;
  g_autoptr(GError) error = NULL;
  const char *id = mizan_assessment_get_id (assessment);
  const MizanAnswer *answer;
  gint64 before;

  g_assert_true (mizan_store_save_assessment (store, assessment, FALSE, &error));
  g_assert_no_error (error);

  before = now_seconds ();
  g_assert_true (mizan_store_set_answer (store, id, "GOV.1.2", MIZAN_STATUS_FULLY,
                                         "now documented", "POL-2", &error));
  g_assert_no_error (error);
  g_assert_true (mizan_store_set_answer (store, id, "NEW.1.1", MIZAN_STATUS_PARTIALLY,
                                         NULL, NULL, &error));
  g_assert_true (mizan_store_set_answer (store, id, "GOV.1.1", MIZAN_STATUS_NONE,
                                         NULL, NULL, &error));
  /* NONE keeping a note: the answer stays, without a status. */
  g_assert_true (mizan_store_set_answer (store, id, "DEF.1.1", MIZAN_STATUS_NONE,
                                         "nothing yet", NULL, &error));
  /* A cleared field is no field: this removes the note-only answer. */
  g_assert_true (mizan_store_set_answer (store, id, "DEF.1.3", MIZAN_STATUS_NONE,
                                         "", "", &error));
  g_assert_true (mizan_store_set_target (store, id, "GOV.1", 5, &error));
  g_assert_true (mizan_store_set_target (store, id, "DEF.1", -1, &error));
  g_assert_true (mizan_store_set_target (store, id, "NEW.1", 0, &error));
  g_assert_no_error (error);

  loaded = mizan_store_load_assessment (store, id, &error);
  g_assert_no_error (error);

  answer = mizan_assessment_get_answer (loaded, "GOV.1.2");
  g_assert_cmpint (answer->status, ==, MIZAN_STATUS_FULLY);
  g_assert_cmpstr (answer->note, ==, "now documented");
  g_assert_cmpstr (answer->evidence, ==, "POL-2");
  g_assert_cmpint (answer->updated, >=, before);
  g_assert_cmpint (mizan_assessment_get_answer (loaded, "NEW.1.1")->status, ==, MIZAN_STATUS_PARTIALLY);
  g_assert_null (mizan_assessment_get_answer (loaded, "GOV.1.1"));
  g_assert_null (mizan_assessment_get_answer (loaded, "DEF.1.3"));
  answer = mizan_assessment_get_answer (loaded, "DEF.1.1");
  g_assert_cmpint (answer->status, ==, MIZAN_STATUS_NONE);
  g_assert_cmpstr (answer->note, ==, "nothing yet");

  g_assert_cmpint (mizan_assessment_get_target (loaded, "GOV.1"), ==, 5);
  g_assert_cmpint (mizan_assessment_get_target (loaded, "DEF.1"), ==, -1);
  g_assert_cmpint (mizan_assessment_get_target (loaded, "NEW.1"), ==, 0);

  /* Every edit moved the assessment's updated time (it was in 2025). */
  g_assert_cmpint (mizan_assessment_get_updated (loaded), >=, before);
  g_assert_cmpint (mizan_assessment_get_created (loaded), ==, 1735689600);
}

/* A profile answer is stored at once; an answer the user sets is confirmed. */
static void
test_store_profile_and_confirm (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(MizanStore) store = open_store (fixture->path);
  g_autoptr(MizanAssessment) assessment = make_assessment (NULL);
  g_autoptr(MizanAssessment) loaded = NULL;
  g_autoptr(GError) error = NULL;
  const char *id = mizan_assessment_get_id (assessment);

  g_assert_true (mizan_store_save_assessment (store, assessment, FALSE, &error));
  g_assert_no_error (error);

  g_assert_true (mizan_store_set_profile_answer (store, id, "runs_cert", MIZAN_PROFILE_YES, &error));
  g_assert_true (mizan_store_set_profile_answer (store, id, "uses_cloud_services", MIZAN_PROFILE_UNANSWERED, &error));
  g_assert_true (mizan_store_set_profile_answer (store, id, "operates_ot", MIZAN_PROFILE_NO, &error));
  g_assert_true (mizan_store_set_answer (store, id, "GOV.1.2", MIZAN_STATUS_LARGELY, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (mizan_store_set_profile_answer (store, "no-such-id", "runs_cert", MIZAN_PROFILE_NO, &error));
  g_assert_error (error, MIZAN_STORE_ERROR, MIZAN_STORE_ERROR_NOT_FOUND);

  loaded = mizan_store_load_assessment (store, id, NULL);
  g_assert_nonnull (loaded);
  g_assert_cmpint (mizan_assessment_get_profile_answer (loaded, "runs_cert"), ==, MIZAN_PROFILE_YES);
  g_assert_cmpint (mizan_assessment_get_profile_answer (loaded, "uses_cloud_services"), ==, MIZAN_PROFILE_UNANSWERED);
  g_assert_cmpint (mizan_assessment_get_profile_answer (loaded, "operates_ot"), ==, MIZAN_PROFILE_NO);
  /* Answering again, even with the same status, confirms a carried answer. */
  g_assert_false (mizan_assessment_get_answer (loaded, "GOV.1.2")->to_confirm);
}

/* A database of schema 2 (before profiles) is upgraded in place, its data kept. */
static void
test_store_upgrades_schema_2 (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(MizanAssessment) assessment = make_assessment (NULL);
  g_autoptr(MizanAssessment) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *version = NULL;
  sqlite3 *db;

  /* What version 2 wrote: no profile answers, nothing to confirm. */
  mizan_assessment_set_to_confirm (assessment, "GOV.1.2", FALSE);
  mizan_assessment_set_profile_answer (assessment, "runs_cert", MIZAN_PROFILE_UNANSWERED);
  mizan_assessment_set_profile_answer (assessment, "uses_cloud_services", MIZAN_PROFILE_UNANSWERED);
  {
    g_autoptr(MizanStore) store = open_store (fixture->path);

    g_assert_true (mizan_store_save_assessment (store, assessment, FALSE, &error));
    g_assert_no_error (error);
  }
  db = raw_open (fixture->path);
  raw_exec (db, "DROP INDEX assessments_by_deleted;"
                "ALTER TABLE assessments DROP COLUMN deleted;"
                "DROP TABLE profile_answers;"
                "ALTER TABLE answers DROP COLUMN to_confirm;"
                "PRAGMA user_version = 2;");
  sqlite3_close (db);

  {
    g_autoptr(MizanStore) store = open_store (fixture->path);

    version = raw_query (fixture->path, "PRAGMA user_version", NULL);
    g_assert_cmpint (g_ascii_strtoll (version, NULL, 10), ==, MIZAN_STORE_SCHEMA_VERSION);
    loaded = mizan_store_load_assessment (store, mizan_assessment_get_id (assessment), &error);
    g_assert_no_error (error);
    mizan_assessment_set_org_id (assessment, mizan_assessment_get_org_id (loaded));
    assert_same_assessment (assessment, loaded);
    g_assert_true (mizan_store_set_profile_answer (store, mizan_assessment_get_id (assessment),
                                                   "runs_cert", MIZAN_PROFILE_NO, &error));
    g_assert_no_error (error);
  }
}

/* Snapshots taken before @operation, in the backups folder beside the database. */
static guint
n_snapshots (Fixture    *fixture,
             const char *operation)
{
  g_autofree char *dir = g_build_filename (fixture->dir, "backups", NULL);
  g_autofree char *suffix = g_strdup_printf ("-%s.db", operation);
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_prefix (name, "mizan-snapshot-") && g_str_has_suffix (name, suffix))
      n++;
  return n;
}

static void
test_store_upgrades_schema_3 (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(MizanAssessment) assessment = make_assessment (NULL);
  g_autoptr(MizanAssessment) loaded = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *version = NULL;
  sqlite3 *db;

  {
    g_autoptr(MizanStore) store = open_store (fixture->path);

    g_assert_true (mizan_store_save_assessment (store, assessment, FALSE, &error));
    g_assert_no_error (error);
  }
  /* What version 3 wrote: no Trash. */
  db = raw_open (fixture->path);
  raw_exec (db, "DROP INDEX assessments_by_deleted;"
                "ALTER TABLE assessments DROP COLUMN deleted;"
                "PRAGMA user_version = 3;");
  sqlite3_close (db);
  g_assert_cmpuint (n_snapshots (fixture, "upgrade"), ==, 0);

  {
    g_autoptr(MizanStore) store = open_store (fixture->path);

    version = raw_query (fixture->path, "PRAGMA user_version", NULL);
    g_assert_cmpint (g_ascii_strtoll (version, NULL, 10), ==, 4);
    loaded = mizan_store_load_assessment (store, mizan_assessment_get_id (assessment), &error);
    g_assert_no_error (error);
    mizan_assessment_set_org_id (assessment, mizan_assessment_get_org_id (loaded));
    assert_same_assessment (assessment, loaded);
    /* Not in the Trash: listed as before. */
    listed = mizan_store_list_assessments (store, &error);
    g_assert_cmpuint (listed->len, ==, 1);
    g_assert_cmpint (((MizanAssessmentSummary *) listed->pdata[0])->deleted, ==, 0);
  }
  /* The database as version 3 left it is kept. */
  g_assert_cmpuint (n_snapshots (fixture, "upgrade"), ==, 1);
  {
    g_autoptr(MizanStore) store = open_store (fixture->path);
  }
  g_assert_cmpuint (n_snapshots (fixture, "upgrade"), ==, 1);
}

static void
test_store_trash_and_restore (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(MizanStore) store = open_store (fixture->path);
  g_autoptr(MizanAssessment) kept = make_assessment (NULL);
  g_autoptr(MizanAssessment) deleted = make_assessment (NULL);
  g_autoptr(MizanAssessment) loaded = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GPtrArray) trash = NULL;
  g_autoptr(GError) error = NULL;
  const char *id = mizan_assessment_get_id (deleted);
  const MizanAssessmentSummary *summary;
  gint64 before = now_seconds ();

  g_assert_true (mizan_store_save_assessment (store, kept, FALSE, &error));
  g_assert_true (mizan_store_save_assessment (store, deleted, FALSE, &error));
  g_assert_no_error (error);

  g_assert_true (mizan_store_trash_assessment (store, id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_snapshots (fixture, "trash"), ==, 1);
  listed = mizan_store_list_assessments (store, &error);
  g_assert_cmpuint (listed->len, ==, 1);
  g_assert_cmpstr (((MizanAssessmentSummary *) listed->pdata[0])->id, ==, mizan_assessment_get_id (kept));
  trash = mizan_store_list_trash (store, &error);
  g_assert_cmpuint (trash->len, ==, 1);
  summary = trash->pdata[0];
  g_assert_cmpstr (summary->id, ==, id);
  g_assert_cmpstr (summary->org_name, ==, "Ministry of Communications");
  g_assert_cmpuint (summary->answered, ==, 5);
  g_assert_cmpint (summary->deleted, >=, before);
  g_assert_cmpint (summary->deleted, <=, now_seconds ());
  g_assert_cmpuint (mizan_store_trash_days_left (summary->deleted, summary->deleted), ==, 30);
  /* Its id stays taken; nothing of it is gone. */
  g_assert_true (mizan_store_has_assessment (store, id, &error));
  g_assert_cmpint (raw_count (fixture->path, "SELECT count(*) FROM answers WHERE assessment_id = ?1", id), ==, 6);

  g_assert_false (mizan_store_trash_assessment (store, id, &error));
  g_assert_error (error, MIZAN_STORE_ERROR, MIZAN_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (mizan_store_untrash_assessment (store, mizan_assessment_get_id (kept), &error));
  g_assert_error (error, MIZAN_STORE_ERROR, MIZAN_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (mizan_store_untrash_assessment (store, id, &error));
  g_assert_no_error (error);
  g_clear_pointer (&listed, g_ptr_array_unref);
  listed = mizan_store_list_assessments (store, &error);
  g_assert_cmpuint (listed->len, ==, 2);
  g_clear_pointer (&trash, g_ptr_array_unref);
  trash = mizan_store_list_trash (store, &error);
  g_assert_cmpuint (trash->len, ==, 0);
  loaded = mizan_store_load_assessment (store, id, &error);
  g_assert_no_error (error);
  mizan_assessment_set_org_id (deleted, mizan_assessment_get_org_id (loaded));
  assert_same_assessment (deleted, loaded);
}

static void
test_store_trash_purged_after_30_days (Fixture       *fixture,
                                       gconstpointer  data)
{
  g_autoptr(MizanAssessment) assessment = make_assessment (NULL);
  g_autoptr(GError) error = NULL;
  const char *id = mizan_assessment_get_id (assessment);
  const gint64 day = 24 * 60 * 60;
  gint64 deleted;
  guint n = 99;

  {
    g_autoptr(MizanStore) store = open_store (fixture->path);
    g_autofree char *text = NULL;

    g_assert_true (mizan_store_save_assessment (store, assessment, FALSE, &error));
    g_assert_true (mizan_store_trash_assessment (store, id, &error));
    g_assert_no_error (error);
    text = raw_query (fixture->path, "SELECT deleted FROM assessments WHERE id = ?1", id);
    deleted = g_ascii_strtoll (text, NULL, 10);

    /* The clock, injected: a day short of 30 days, nothing goes, and no snapshot. */
    g_assert_cmpuint (mizan_store_trash_days_left (deleted, deleted + 29 * day), ==, 1);
    g_assert_true (mizan_store_purge_trash (store, deleted + 30 * day - 1, &n, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (n, ==, 0);
    g_assert_true (mizan_store_has_assessment (store, id, NULL));
    g_assert_cmpuint (n_snapshots (fixture, "purge"), ==, 0);

    /* 30 days on: removed for good with everything of it, after a snapshot. */
    g_assert_cmpuint (mizan_store_trash_days_left (deleted, deleted + 30 * day), ==, 0);
    g_assert_true (mizan_store_purge_trash (store, deleted + 30 * day, &n, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (n, ==, 1);
    g_assert_false (mizan_store_has_assessment (store, id, NULL));
    g_assert_cmpint (raw_count (fixture->path, "SELECT count(*) FROM answers WHERE assessment_id = ?1", id), ==, 0);
    g_assert_cmpint (raw_count (fixture->path, "SELECT count(*) FROM profile_answers WHERE assessment_id = ?1", id), ==, 0);
    g_assert_cmpuint (n_snapshots (fixture, "purge"), ==, 1);
  }

  /* Opening the store purges what is due: one deleted 31 days ago goes,
   * one deleted 29 days ago stays. */
  {
    g_autoptr(MizanAssessment) old = make_assessment (NULL);
    g_autoptr(MizanAssessment) recent = make_assessment (NULL);
    g_autoptr(GPtrArray) trash = NULL;
    sqlite3 *db;
    sqlite3_stmt *stmt;

    {
      g_autoptr(MizanStore) store = open_store (fixture->path);

      g_assert_true (mizan_store_save_assessment (store, old, FALSE, &error));
      g_assert_true (mizan_store_save_assessment (store, recent, FALSE, &error));
      g_assert_true (mizan_store_trash_assessment (store, mizan_assessment_get_id (old), &error));
      g_assert_true (mizan_store_trash_assessment (store, mizan_assessment_get_id (recent), &error));
      g_assert_no_error (error);
    }
    db = raw_open (fixture->path);
    g_assert_cmpint (sqlite3_prepare_v2 (db, "UPDATE assessments SET deleted = ?2 WHERE id = ?1", -1, &stmt, NULL), ==, SQLITE_OK);
    sqlite3_bind_text (stmt, 1, mizan_assessment_get_id (old), -1, SQLITE_STATIC);
    sqlite3_bind_int64 (stmt, 2, now_seconds () - 31 * day);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
    sqlite3_reset (stmt);
    sqlite3_bind_text (stmt, 1, mizan_assessment_get_id (recent), -1, SQLITE_STATIC);
    sqlite3_bind_int64 (stmt, 2, now_seconds () - 29 * day);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
    sqlite3_finalize (stmt);
    sqlite3_close (db);

    {
      g_autoptr(MizanStore) store = open_store (fixture->path);

      trash = mizan_store_list_trash (store, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (trash->len, ==, 1);
      g_assert_cmpstr (((MizanAssessmentSummary *) trash->pdata[0])->id, ==, mizan_assessment_get_id (recent));
      g_assert_false (mizan_store_has_assessment (store, mizan_assessment_get_id (old), NULL));
      g_assert_cmpuint (n_snapshots (fixture, "purge"), ==, 2);

      /* Emptying takes the rest, after its own snapshot. */
      g_assert_true (mizan_store_empty_trash (store, &n, &error));
      g_assert_cmpuint (n, ==, 1);
      g_assert_cmpuint (n_snapshots (fixture, "empty-trash"), ==, 1);
      g_assert_false (mizan_store_has_assessment (store, mizan_assessment_get_id (recent), NULL));
    }
  }
}

/* In the Trash a queued send waits, a withdrawal still goes; restored, the
 * send goes again. */
static void
test_store_trash_holds_sends (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(MizanStore) store = open_store (fixture->path);
  g_autoptr(MizanAssessment) assessment = make_assessment (NULL);
  g_autoptr(GPtrArray) queue = NULL;
  g_autoptr(GError) error = NULL;
  const char *id = mizan_assessment_get_id (assessment);
  MizanSyncEntry send = { (char *) id, MIZAN_SYNC_ACTION_SEND, (char *) "new-submission", (char *) "{}", 0, 1, NULL };
  MizanSyncEntry withdraw = { (char *) id, MIZAN_SYNC_ACTION_WITHDRAW, (char *) "old-submission", NULL, 0, 2, NULL };

  g_assert_true (mizan_store_save_assessment (store, assessment, FALSE, &error));
  g_assert_true (mizan_store_queue_put (store, &send, &error));
  g_assert_true (mizan_store_queue_put (store, &withdraw, &error));
  g_assert_true (mizan_store_trash_assessment (store, id, &error));
  g_assert_no_error (error);

  queue = mizan_store_queue_list (store, &error);
  g_assert_cmpuint (queue->len, ==, 1);
  g_assert_cmpint (((MizanSyncEntry *) queue->pdata[0])->action, ==, MIZAN_SYNC_ACTION_WITHDRAW);

  g_assert_true (mizan_store_untrash_assessment (store, id, &error));
  g_clear_pointer (&queue, g_ptr_array_unref);
  queue = mizan_store_queue_list (store, &error);
  g_assert_cmpuint (queue->len, ==, 2);
}

static void
test_store_unknown_assessment (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(MizanStore) store = open_store (fixture->path);
  g_autoptr(MizanAssessment) other = make_assessment (NULL);
  g_autoptr(MizanAssessment) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *submission = NULL;
  g_autofree char *updated_before = NULL;
  g_autofree char *updated_after = NULL;

  g_assert_true (mizan_store_save_assessment (store, other, FALSE, &error));
  g_assert_no_error (error);
  updated_before = raw_query (fixture->path, "SELECT group_concat(updated) FROM assessments", NULL);

  g_assert_false (mizan_store_set_answer (store, "no-such-id", "GOV.1.1", MIZAN_STATUS_FULLY,
                                          "note", NULL, &error));
  g_assert_error (error, MIZAN_STORE_ERROR, MIZAN_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "no-such-id"));
  g_assert_nonnull (strstr (error->message, fixture->path));
  g_clear_error (&error);

  g_assert_false (mizan_store_set_target (store, "no-such-id", "GOV.1", 3, &error));
  g_assert_error (error, MIZAN_STORE_ERROR, MIZAN_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_false (mizan_store_delete_assessment (store, "no-such-id", &error));
  g_assert_error (error, MIZAN_STORE_ERROR, MIZAN_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  loaded = mizan_store_load_assessment (store, "no-such-id", &error);
  g_assert_null (loaded);
  g_assert_error (error, MIZAN_STORE_ERROR, MIZAN_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  submission = mizan_store_get_submission_id (store, "no-such-id", &error);
  g_assert_null (submission);
  g_assert_error (error, MIZAN_STORE_ERROR, MIZAN_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_false (mizan_store_has_assessment (store, "no-such-id", &error));
  g_assert_no_error (error);

  /* Nothing landed anywhere, and the other assessment was not touched. */
  g_assert_cmpint (raw_count (fixture->path, "SELECT count(*) FROM answers WHERE assessment_id = ?1",
                              "no-such-id"), ==, 0);
  g_assert_cmpint (raw_count (fixture->path, "SELECT count(*) FROM targets WHERE assessment_id = ?1",
                              "no-such-id"), ==, 0);
  g_assert_cmpint (raw_count (fixture->path, "SELECT count(*) FROM submissions", NULL), ==, 0);
  g_assert_cmpint (raw_count (fixture->path, "SELECT count(*) FROM assessments", NULL), ==, 1);
  updated_after = raw_query (fixture->path, "SELECT group_concat(updated) FROM assessments", NULL);
  g_assert_cmpstr (updated_after, ==, updated_before);
}

static void
test_store_save_existing_refused (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(MizanStore) store = open_store (fixture->path);
  g_autoptr(MizanAssessment) original = make_assessment (NULL);
  g_autoptr(MizanAssessment) changed = NULL;
  g_autoptr(MizanAssessment) loaded = NULL;
  g_autoptr(GPtrArray) organizations = NULL;
  g_autoptr(GError) error = NULL;
  const char *id = mizan_assessment_get_id (original);

  g_assert_true (mizan_store_save_assessment (store, original, FALSE, &error));
  g_assert_no_error (error);

  changed = make_assessment (id);
  mizan_assessment_set_title (changed, "Overwritten?");
  mizan_assessment_set_organization (changed, "Someone else", "TUR", "health", "small");
  mizan_assessment_set_answer (changed, "GOV.1.1", MIZAN_STATUS_NOT, NULL, NULL, 5);
  mizan_assessment_set_answer (changed, "EXTRA.1", MIZAN_STATUS_FULLY, NULL, NULL, 5);

  g_assert_false (mizan_store_save_assessment (store, changed, FALSE, &error));
  g_assert_error (error, MIZAN_STORE_ERROR, MIZAN_STORE_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, id));
  g_assert_nonnull (strstr (error->message, fixture->path));
  g_assert_cmpint (mizan_assessment_get_org_id (changed), ==, 0);
  g_clear_error (&error);

  loaded = mizan_store_load_assessment (store, id, &error);
  g_assert_no_error (error);
  assert_same_assessment (original, loaded);

  /* Not even the other organization was created. */
  organizations = mizan_store_list_organizations (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (organizations->len, ==, 1);
}

static void
test_store_replace (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(MizanStore) store = open_store (fixture->path);
  g_autoptr(MizanAssessment) original = make_assessment (NULL);
  g_autoptr(MizanAssessment) replacement = NULL;
  g_autoptr(MizanAssessment) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *submission_before = NULL;
  g_autofree char *submission_after = NULL;
  const char *id = mizan_assessment_get_id (original);

  g_assert_true (mizan_store_save_assessment (store, original, FALSE, &error));
  g_assert_no_error (error);
  submission_before = mizan_store_get_submission_id (store, id, &error);
  g_assert_no_error (error);

  replacement = mizan_assessment_new (id);
  mizan_assessment_set_title (replacement, "2026 re-assessment");
  mizan_assessment_set_framework (replacement, "oic-ccmm", "1.1.0");
  mizan_assessment_set_organization (replacement, "Ministry of Communications", "PAK",
                                     "government", "very-large");
  mizan_assessment_set_answer (replacement, "GOV.1.2", MIZAN_STATUS_FULLY, "better now", NULL, 1767225600);
  mizan_assessment_set_answer (replacement, "SEC.9.9", MIZAN_STATUS_NA, NULL, NULL, 1767225601);
  mizan_assessment_set_target (replacement, "SEC.9", 1);

  g_assert_true (mizan_store_save_assessment (store, replacement, TRUE, &error));
  g_assert_no_error (error);

  loaded = mizan_store_load_assessment (store, id, &error);
  g_assert_no_error (error);
  /* Replaced whole: answers and targets not in the new one are gone. */
  assert_same_assessment (replacement, loaded);
  g_assert_null (mizan_assessment_get_answer (loaded, "GOV.1.1"));
  g_assert_cmpint (mizan_assessment_get_target (loaded, "GOV.1"), ==, -1);
  g_assert_cmpint (raw_count (fixture->path, "SELECT count(*) FROM answers", NULL), ==, 2);

  /* Same assessment, same submission: a re-send replaces on the server. */
  submission_after = mizan_store_get_submission_id (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (submission_after, ==, submission_before);
}

static void
test_store_delete_cascades (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(MizanStore) store = open_store (fixture->path);
  g_autoptr(MizanAssessment) doomed = make_assessment (NULL);
  g_autoptr(MizanAssessment) kept = make_assessment (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *submission = NULL;
  const char *id = mizan_assessment_get_id (doomed);

  g_assert_true (mizan_store_save_assessment (store, doomed, FALSE, &error));
  g_assert_true (mizan_store_save_assessment (store, kept, FALSE, &error));
  g_assert_no_error (error);
  submission = mizan_store_get_submission_id (store, id, &error);
  g_assert_no_error (error);

  g_assert_true (mizan_store_delete_assessment (store, id, &error));
  g_assert_no_error (error);
  g_assert_false (mizan_store_has_assessment (store, id, &error));

  g_assert_cmpint (raw_count (fixture->path, "SELECT count(*) FROM answers WHERE assessment_id = ?1", id), ==, 0);
  g_assert_cmpint (raw_count (fixture->path, "SELECT count(*) FROM targets WHERE assessment_id = ?1", id), ==, 0);
  g_assert_cmpint (raw_count (fixture->path, "SELECT count(*) FROM submissions WHERE assessment_id = ?1", id), ==, 0);

  /* The other assessment and the shared organization remain. */
  g_assert_cmpint (raw_count (fixture->path, "SELECT count(*) FROM answers WHERE assessment_id = ?1",
                              mizan_assessment_get_id (kept)), ==, 6);
  g_assert_cmpint (raw_count (fixture->path, "SELECT count(*) FROM organizations", NULL), ==, 1);
}

static void
test_store_submission_id (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(MizanStore) store = open_store (fixture->path);
  g_autoptr(MizanStore) other_handle = NULL;
  g_autoptr(MizanAssessment) a = make_assessment (NULL);
  g_autoptr(MizanAssessment) b = make_assessment (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *from_other = NULL;
  g_autofree char *of_b = NULL;

  g_assert_true (mizan_store_save_assessment (store, a, FALSE, &error));
  g_assert_true (mizan_store_save_assessment (store, b, FALSE, &error));
  g_assert_no_error (error);

  first = mizan_store_get_submission_id (store, mizan_assessment_get_id (a), &error);
  g_assert_no_error (error);
  g_assert_true (g_uuid_string_is_valid (first));
  g_assert_cmpint (first[14], ==, '4');  /* version 4: random */
  g_assert_cmpstr (first, !=, mizan_assessment_get_id (a));

  second = mizan_store_get_submission_id (store, mizan_assessment_get_id (a), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (second, ==, first);

  /* Kept in the file, not in memory. */
  other_handle = open_store (fixture->path);
  from_other = mizan_store_get_submission_id (other_handle, mizan_assessment_get_id (a), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (from_other, ==, first);

  of_b = mizan_store_get_submission_id (store, mizan_assessment_get_id (b), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (of_b, !=, first);
}

/* Failures leave nothing behind ------------------------------------------- */

static void
test_store_failed_save_writes_nothing (Fixture       *fixture,
                                       gconstpointer  data)
{
  g_autoptr(MizanStore) store = open_store (fixture->path);
  g_autoptr(MizanAssessment) fresh = make_assessment (NULL);
  g_autoptr(MizanAssessment) original = make_assessment (NULL);
  g_autoptr(MizanAssessment) replacement = NULL;
  g_autoptr(MizanAssessment) loaded = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db;

  g_assert_true (mizan_store_save_assessment (store, original, FALSE, &error));
  g_assert_no_error (error);

  /* Make the last step of a save fail, after the organization, the
   * assessment row and every answer were already written in the transaction.
   * (The API cannot produce a negative target; a trigger stands in for the
   * CHECK constraint, a full disk, …) */
  db = raw_open (fixture->path);
  raw_exec (db, "CREATE TRIGGER fail_targets BEFORE INSERT ON targets"
                " BEGIN SELECT RAISE (ABORT, 'forced failure'); END;");
  sqlite3_close (db);

  mizan_assessment_set_organization (fresh, "Brand new org", "OMN", "water", "small");
  g_assert_false (mizan_store_save_assessment (store, fresh, FALSE, &error));
  g_assert_error (error, MIZAN_STORE_ERROR, MIZAN_STORE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "forced failure"));
  g_assert_nonnull (strstr (error->message, fixture->path));
  g_assert_nonnull (strstr (error->message, mizan_assessment_get_id (fresh)));
  g_clear_error (&error);

  g_assert_false (mizan_store_has_assessment (store, mizan_assessment_get_id (fresh), &error));
  g_assert_cmpint (raw_count (fixture->path, "SELECT count(*) FROM answers WHERE assessment_id = ?1",
                              mizan_assessment_get_id (fresh)), ==, 0);
  g_assert_cmpint (raw_count (fixture->path, "SELECT count(*) FROM organizations WHERE name = ?1",
                              "Brand new org"), ==, 0);
  g_assert_cmpint (mizan_assessment_get_org_id (fresh), ==, 0);

  /* A failed replace keeps the old version whole. */
  replacement = mizan_assessment_new (mizan_assessment_get_id (original));
  mizan_assessment_set_title (replacement, "half-written?");
  mizan_assessment_set_answer (replacement, "ONLY.1", MIZAN_STATUS_FULLY, NULL, NULL, 0);
  mizan_assessment_set_target (replacement, "ONLY", 1);
  g_assert_false (mizan_store_save_assessment (store, replacement, TRUE, &error));
  g_assert_error (error, MIZAN_STORE_ERROR, MIZAN_STORE_ERROR_FAILED);
  g_clear_error (&error);

  loaded = mizan_store_load_assessment (store, mizan_assessment_get_id (original), &error);
  g_assert_no_error (error);
  assert_same_assessment (original, loaded);

  /* The store is still usable after a failure. */
  g_assert_true (mizan_store_set_answer (store, mizan_assessment_get_id (original), "GOV.1.2",
                                         MIZAN_STATUS_NOT, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
test_store_failed_edit_writes_nothing (Fixture       *fixture,
                                       gconstpointer  data)
{
  g_autoptr(MizanStore) store = open_store (fixture->path);
  g_autoptr(MizanAssessment) assessment = make_assessment (NULL);
  g_autoptr(GError) error = NULL;
  const char *id = mizan_assessment_get_id (assessment);
  g_autofree char *updated_before = NULL;
  g_autofree char *updated_after = NULL;
  sqlite3 *db;

  g_assert_true (mizan_store_save_assessment (store, assessment, FALSE, &error));
  g_assert_no_error (error);
  updated_before = raw_query (fixture->path, "SELECT updated FROM assessments WHERE id = ?1", id);

  /* The answer write fails after the updated time was bumped: the bump
   * must be rolled back with it. */
  db = raw_open (fixture->path);
  raw_exec (db, "CREATE TRIGGER fail_answers BEFORE UPDATE ON answers"
                " BEGIN SELECT RAISE (ABORT, 'forced failure'); END;");
  sqlite3_close (db);

  g_assert_false (mizan_store_set_answer (store, id, "GOV.1.1", MIZAN_STATUS_NOT, NULL, NULL, &error));
  g_assert_error (error, MIZAN_STORE_ERROR, MIZAN_STORE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "GOV.1.1"));
  g_clear_error (&error);

  updated_after = raw_query (fixture->path, "SELECT updated FROM assessments WHERE id = ?1", id);
  g_assert_cmpstr (updated_after, ==, updated_before);
  g_assert_cmpint (raw_count (fixture->path,
                              "SELECT count(*) FROM answers WHERE status = 'fully' AND practice_id = ?1",
                              "GOV.1.1"), ==, 1);
}

/* Sharing the file --------------------------------------------------------- */

static void
test_store_two_handles_interleaved (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(MizanStore) app = open_store (fixture->path);
  g_autoptr(MizanStore) cli = open_store (fixture->path);
  g_autoptr(MizanAssessment) assessment = make_assessment (NULL);
  g_autoptr(MizanAssessment) seen_by_app = NULL;
  g_autoptr(GError) error = NULL;
  const char *id = mizan_assessment_get_id (assessment);

  g_assert_true (mizan_store_save_assessment (app, assessment, FALSE, &error));
  g_assert_no_error (error);

  for (int i = 0; i < 10; i++)
    {
      g_autofree char *app_practice = g_strdup_printf ("APP.%d", i);
      g_autofree char *cli_practice = g_strdup_printf ("CLI.%d", i);

      g_assert_true (mizan_store_set_answer (app, id, app_practice, MIZAN_STATUS_FULLY, NULL, NULL, &error));
      g_assert_no_error (error);
      g_assert_true (mizan_store_set_answer (cli, id, cli_practice, MIZAN_STATUS_NOT, NULL, NULL, &error));
      g_assert_no_error (error);
    }
  g_assert_true (mizan_store_set_target (cli, id, "GOV.1", 2, &error));
  g_assert_no_error (error);

  seen_by_app = mizan_store_load_assessment (app, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (mizan_assessment_get_answers (seen_by_app)), ==, 6 + 20);
  g_assert_cmpint (mizan_assessment_get_answer (seen_by_app, "CLI.9")->status, ==, MIZAN_STATUS_NOT);
  g_assert_cmpint (mizan_assessment_get_target (seen_by_app, "GOV.1"), ==, 2);
}

typedef struct {
  const char *path;
  const char *assessment_id;
  const char *prefix;
  int         n_writes;
} Writer;

static gpointer
writer_thread (gpointer data)
{
  Writer *writer = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(MizanStore) store = mizan_store_open (writer->path, &error);

  if (store == NULL)
    return g_strdup (error->message);

  for (int i = 0; i < writer->n_writes; i++)
    {
      g_autofree char *practice = g_strdup_printf ("%s.%d", writer->prefix, i);

      if (!mizan_store_set_answer (store, writer->assessment_id, practice,
                                   MIZAN_STATUS_LARGELY, "from a thread", NULL, &error))
        return g_strdup (error->message);
    }

  return NULL;
}

static void
test_store_concurrent_writers (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(MizanStore) store = open_store (fixture->path);
  g_autoptr(MizanAssessment) assessment = mizan_assessment_new (NULL);
  g_autoptr(MizanAssessment) loaded = NULL;
  g_autoptr(GError) error = NULL;
  Writer writers[] = {
    { fixture->path, mizan_assessment_get_id (assessment), "A", 25 },
    { fixture->path, mizan_assessment_get_id (assessment), "B", 25 },
  };
  GThread *threads[G_N_ELEMENTS (writers)];

  g_assert_true (mizan_store_save_assessment (store, assessment, FALSE, &error));
  g_assert_no_error (error);

  /* Like the app autosaving while mizan-cli imports: two connections
   * writing at once must wait for each other, never fail. */
  for (guint i = 0; i < G_N_ELEMENTS (writers); i++)
    threads[i] = g_thread_new ("writer", writer_thread, &writers[i]);
  for (guint i = 0; i < G_N_ELEMENTS (writers); i++)
    {
      g_autofree char *failure = g_thread_join (threads[i]);
      g_assert_null (failure);
    }

  loaded = mizan_store_load_assessment (store, mizan_assessment_get_id (assessment), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (mizan_assessment_get_answers (loaded)), ==, 50);
}

typedef struct {
  MizanStore *store;
  const char *assessment_id;
  gboolean    ok;
  char       *message;
  gint64      waited_us;
} BlockedWrite;

static gpointer
blocked_write_thread (gpointer data)
{
  BlockedWrite *write = data;
  g_autoptr(GError) error = NULL;
  gint64 start;

  start = g_get_monotonic_time ();
  write->ok = mizan_store_set_answer (write->store, write->assessment_id, "WAITED.1",
                                      MIZAN_STATUS_FULLY, NULL, NULL, &error);
  write->waited_us = g_get_monotonic_time () - start;
  if (error != NULL)
    write->message = g_strdup (error->message);

  return NULL;
}

static void
test_store_waits_for_lock (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(MizanStore) store = open_store (fixture->path);
  g_autoptr(MizanStore) other = open_store (fixture->path);
  g_autoptr(MizanAssessment) assessment = mizan_assessment_new (NULL);
  g_autoptr(GError) error = NULL;
  BlockedWrite write = { other, mizan_assessment_get_id (assessment), FALSE, NULL, 0 };
  GThread *thread;
  sqlite3 *db;

  g_assert_true (mizan_store_save_assessment (store, assessment, FALSE, &error));
  g_assert_no_error (error);

  /* Another program holds the write lock for a moment (well under the
   * 5 s busy timeout); the edit must wait for it rather than fail. */
  db = raw_open (fixture->path);
  raw_exec (db, "BEGIN IMMEDIATE");
  thread = g_thread_new ("blocked", blocked_write_thread, &write);
  g_usleep (400 * G_TIME_SPAN_MILLISECOND);
  raw_exec (db, "COMMIT");
  sqlite3_close (db);
  g_thread_join (thread);

  g_assert_null (write.message);
  g_assert_true (write.ok);
  /* It did wait: the write could only happen after the COMMIT. */
  g_assert_cmpint (write.waited_us, >=, 100 * G_TIME_SPAN_MILLISECOND);
  g_assert_cmpint (raw_count (fixture->path, "SELECT count(*) FROM answers WHERE practice_id = ?1",
                              "WAITED.1"), ==, 1);
}

static void
test_store_survives_kill (void)
{
  /* Under the shared XDG root, which the subprocess inherits. */
  g_autofree char *path = g_build_filename (xdg_root, "killed.db", NULL);

  if (g_test_subprocess ())
    {
      g_autoptr(MizanStore) store = NULL;
      g_autoptr(GError) error = NULL;

      store = mizan_store_open (path, &error);
      g_assert_no_error (error);
      g_assert_true (mizan_store_set_answer (store, "killed", "GOV.1.1", MIZAN_STATUS_FULLY,
                                             "saved before the crash", NULL, &error));
      g_assert_no_error (error);
      /* The answer is shown as saved; now the process dies without closing. */
      kill (getpid (), SIGKILL);
      return;
    }

  {
    g_autoptr(MizanStore) store = open_store (path);
    g_autoptr(MizanAssessment) assessment = mizan_assessment_new ("killed");
    g_autoptr(GError) error = NULL;

    g_assert_true (mizan_store_save_assessment (store, assessment, FALSE, &error));
    g_assert_no_error (error);
  }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();

  {
    g_autoptr(MizanStore) store = open_store (path);
    g_autoptr(MizanAssessment) loaded = NULL;
    g_autoptr(GError) error = NULL;
    const MizanAnswer *answer;

    loaded = mizan_store_load_assessment (store, "killed", &error);
    g_assert_no_error (error);
    answer = mizan_assessment_get_answer (loaded, "GOV.1.1");
    g_assert_nonnull (answer);
    g_assert_cmpstr (answer->note, ==, "saved before the crash");
  }
}

#define ADD(name, func) \
  g_test_add (name, Fixture, NULL, fixture_setup, func, fixture_teardown)

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int result;

  g_test_init (&argc, &argv, NULL);

  /* Before anything asks GLib for the data dir, which it caches. A
   * subprocess inherits its parent's. */
  if (!g_test_subprocess ())
    {
      xdg_root = g_dir_make_tmp ("mizan-xdg-XXXXXX", &error);
      g_assert_no_error (error);
      g_setenv ("XDG_DATA_HOME", xdg_root, TRUE);
    }
  else
    {
      xdg_root = g_strdup (g_getenv ("XDG_DATA_HOME"));
    }

  g_test_add_func ("/store/default-path-and-modes", test_store_default_path_and_modes);
  ADD ("/store/existing-dir-untouched", test_store_existing_dir_untouched);
  ADD ("/store/fresh-schema-and-wal", test_store_fresh_schema_and_wal);
  ADD ("/store/reopen-keeps-data", test_store_reopen_keeps_data);
  ADD ("/store/refuses-newer-schema", test_store_refuses_newer_schema);
  ADD ("/store/refuses-newer-schema-wal", test_store_refuses_newer_schema_wal);
  ADD ("/store/refuses-non-database", test_store_refuses_non_database);
  ADD ("/store/refuses-foreign-database", test_store_refuses_foreign_database);
  ADD ("/store/open-error-names-path", test_store_open_error_names_path);
  ADD ("/store/round-trip", test_store_round_trip);
  ADD ("/store/minimal-assessment", test_store_minimal_assessment);
  ADD ("/store/hostile-strings", test_store_hostile_strings);
  ADD ("/store/organizations-shared-and-sorted", test_store_organizations_shared_and_sorted);
  ADD ("/store/list-newest-first", test_store_list_newest_first);
  ADD ("/store/set-answer-and-target", test_store_set_answer_and_target);
  ADD ("/store/profile-and-confirm", test_store_profile_and_confirm);
  ADD ("/store/upgrades-schema-2", test_store_upgrades_schema_2);
  ADD ("/store/upgrades-schema-3", test_store_upgrades_schema_3);
  ADD ("/store/trash-and-restore", test_store_trash_and_restore);
  ADD ("/store/trash-purged-after-30-days", test_store_trash_purged_after_30_days);
  ADD ("/store/trash-holds-sends", test_store_trash_holds_sends);
  ADD ("/store/unknown-assessment", test_store_unknown_assessment);
  ADD ("/store/save-existing-refused", test_store_save_existing_refused);
  ADD ("/store/replace", test_store_replace);
  ADD ("/store/delete-cascades", test_store_delete_cascades);
  ADD ("/store/submission-id", test_store_submission_id);
  ADD ("/store/failed-save-writes-nothing", test_store_failed_save_writes_nothing);
  ADD ("/store/failed-edit-writes-nothing", test_store_failed_edit_writes_nothing);
  ADD ("/store/two-handles-interleaved", test_store_two_handles_interleaved);
  ADD ("/store/concurrent-writers", test_store_concurrent_writers);
  ADD ("/store/waits-for-lock", test_store_waits_for_lock);
  g_test_add_func ("/store/survives-kill", test_store_survives_kill);

  result = g_test_run ();

  if (!g_test_subprocess ())
    rm_rf (xdg_root);
  g_free (xdg_root);

  return result;
}
