/* test-backup.c — rolling backups, restore, and damaged databases left as they are
 * Real files in a temporary folder: what a person would find on disk after each step. */

#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "mizan-backup.h"
#include "mizan-backup-private.h"
#include "mizan-store.h"

typedef struct {
  char *dir;
  char *path;      /* dir/mizan.db */
  char *backups;   /* dir/backups */
} Fixture;

static void
rm_rf (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        rm_rf (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("mizan-backup-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "mizan.db", NULL);
  fixture->backups = g_build_filename (fixture->dir, "backups", NULL);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  rm_rf (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->backups);
}

static MizanAssessment *
make_assessment (const char *id,
                 const char *title)
{
  MizanAssessment *assessment = mizan_assessment_new (id);

  mizan_assessment_set_title (assessment, title);
  mizan_assessment_set_framework (assessment, "oic-ccmm", "1.0.0");
  mizan_assessment_set_created (assessment, 1735689600);
  mizan_assessment_set_updated (assessment, 1735776000);
  mizan_assessment_set_organization (assessment, "Ministry of Energy", "MAR", "energy", "large");
  mizan_assessment_set_answer (assessment, "GOV.1.1", MIZAN_STATUS_FULLY, "approved", NULL, 1735700000);
  return assessment;
}

static void
store_assessment (const char *path,
                  const char *id,
                  const char *title)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MizanStore) store = mizan_store_open (path, &error);
  g_autoptr(MizanAssessment) assessment = make_assessment (id, title);

  g_assert_no_error (error);
  g_assert_true (mizan_store_save_assessment (store, assessment, FALSE, &error));
  g_assert_no_error (error);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The ids stored in @path, sorted, joined by spaces. */
static char *
stored_ids (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MizanStore) store = mizan_store_open (path, &error);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();

  g_assert_no_error (error);
  list = mizan_store_list_assessments (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < list->len; i++)
    g_ptr_array_add (ids, ((MizanAssessmentSummary *) g_ptr_array_index (list, i))->id);
  g_ptr_array_sort (ids, compare_strings);
  g_ptr_array_add (ids, NULL);
  return g_strjoinv (" ", (char **) ids->pdata);
}

#define assert_ids(path, expected) \
  G_STMT_START { \
    g_autofree char *ids_ = stored_ids (path); \
    g_assert_cmpstr (ids_, ==, expected); \
  } G_STMT_END

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static guint
n_backups (const char *db_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = mizan_backup_list (db_path, &error);

  g_assert_no_error (error);
  return list->len;
}

static void
test_daily_once_and_pruned (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *created = NULL;
  g_autofree char *again = NULL;
  g_autoptr(GPtrArray) list = NULL;
  GStatBuf st;

  store_assessment (fixture->path, "a1", "First");
  g_assert_true (mizan_backup_ensure_daily (fixture->path, 3, &created, &error));
  g_assert_no_error (error);
  g_assert_nonnull (created);
  g_assert_true (g_str_has_prefix (created, fixture->backups));
  /* As private as the database itself. */
  g_assert_cmpint (g_stat (created, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (fixture->backups, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_true (mizan_backup_check (created, &error));
  g_assert_no_error (error);
  assert_ids (created, "a1");

  /* Once a day: the second call leaves today's backup as it was. */
  store_assessment (fixture->path, "a2", "Second");
  g_assert_true (mizan_backup_ensure_daily (fixture->path, 3, &again, &error));
  g_assert_null (again);
  assert_ids (created, "a1");

  /* Older days beyond the newest three go; today's stays. */
  for (int day = 1; day <= 4; day++)
    {
      g_autofree char *name = g_strdup_printf ("%s/mizan-2020-01-0%d.db", fixture->backups, day);

      g_assert_true (mizan_backup_create (fixture->path, name, &error));
      g_assert_no_error (error);
    }
  g_assert_cmpuint (n_backups (fixture->path), ==, 5);
  g_assert_true (mizan_backup_ensure_daily (fixture->path, 3, NULL, &error));
  g_assert_no_error (error);
  list = mizan_backup_list (fixture->path, &error);
  g_assert_cmpuint (list->len, ==, 3);
  g_assert_cmpstr (((MizanBackupInfo *) g_ptr_array_index (list, 0))->path, ==, created);
  g_assert_cmpstr (((MizanBackupInfo *) g_ptr_array_index (list, 1))->name, ==, "mizan-2020-01-04.db");
  g_assert_cmpstr (((MizanBackupInfo *) g_ptr_array_index (list, 2))->name, ==, "mizan-2020-01-03.db");
}

static void
test_restore_keeps_current_aside (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = g_build_filename (fixture->backups, "mizan-2020-01-01.db", NULL);
  g_autofree char *aside = NULL;
  g_autofree char *aside_again = NULL;
  g_autofree char *resolved = NULL;
  g_autoptr(GPtrArray) list = NULL;

  store_assessment (fixture->path, "a1", "First");
  g_assert_true (mizan_backup_create (fixture->path, backup, &error));
  g_assert_no_error (error);
  store_assessment (fixture->path, "a2", "Second");

  resolved = mizan_backup_resolve (fixture->path, "mizan-2020-01-01.db", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (resolved, ==, backup);
  g_assert_true (mizan_backup_restore (fixture->path, resolved, &aside, &error));
  g_assert_no_error (error);
  assert_ids (fixture->path, "a1");

  /* What was there before is one restore away, with the edit made after
   * the backup: nothing is lost by restoring. */
  g_assert_nonnull (aside);
  g_assert_true (g_str_has_prefix (aside, fixture->backups));
  list = mizan_backup_list (fixture->path, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpint (((MizanBackupInfo *) g_ptr_array_index (list, 0))->kind, ==, MIZAN_BACKUP_BEFORE_RESTORE);
  g_assert_true (mizan_backup_restore (fixture->path, aside, &aside_again, &error));
  g_assert_no_error (error);
  assert_ids (fixture->path, "a1 a2");
  g_assert_cmpstr (aside_again, !=, aside);
}

/* The last writes of a database that was open when it was moved aside are
 * in its -wal; restoring it must bring them back. */
static void
test_restore_brings_back_wal (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *copy = g_build_filename (fixture->dir, "copy.db", NULL);
  g_autofree char *copy_wal = g_build_filename (fixture->dir, "copy.db-wal", NULL);
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autoptr(MizanStore) store = NULL;
  g_autoptr(MizanAssessment) second = make_assessment ("a2", "Second");
  g_autoptr(GBytes) main_bytes = NULL;
  g_autoptr(GBytes) wal_bytes = NULL;

  store_assessment (fixture->path, "a1", "First");
  store = mizan_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (mizan_store_save_assessment (store, second, FALSE, &error));
  /* A snapshot of the files as a crash would leave them: a2 only in the -wal. */
  main_bytes = read_bytes (fixture->path);
  wal_bytes = read_bytes (wal);
  g_assert_cmpuint (g_bytes_get_size (wal_bytes), >, 0);
  g_clear_object (&store);
  g_assert_true (g_file_set_contents (copy, g_bytes_get_data (main_bytes, NULL), g_bytes_get_size (main_bytes), NULL));
  g_assert_true (g_file_set_contents (copy_wal, g_bytes_get_data (wal_bytes, NULL), g_bytes_get_size (wal_bytes), NULL));

  g_assert_true (mizan_backup_restore (fixture->path, copy, NULL, &error));
  g_assert_no_error (error);
  assert_ids (fixture->path, "a1 a2");
}

static void
test_restore_refused_while_open (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = g_build_filename (fixture->backups, "mizan-2020-01-01.db", NULL);
  g_autoptr(MizanStore) store = NULL;

  store_assessment (fixture->path, "a1", "First");
  g_assert_true (mizan_backup_create (fixture->path, backup, &error));
  store_assessment (fixture->path, "a2", "Second");

  /* The app has the database open: restoring under it would send its next
   * edits to a file nobody reads. */
  store = mizan_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_false (mizan_backup_restore (fixture->path, backup, NULL, &error));
  g_assert_error (error, MIZAN_BACKUP_ERROR, MIZAN_BACKUP_ERROR_BUSY);
  g_assert_nonnull (strstr (error->message, fixture->path));
  g_clear_error (&error);
  g_clear_object (&store);

  assert_ids (fixture->path, "a1 a2");
  g_assert_cmpuint (n_backups (fixture->path), ==, 1);
}

static void
test_restore_refuses_bad_backup (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *notes = g_build_filename (fixture->dir, "notes.db", NULL);
  g_autofree char *foreign = g_build_filename (fixture->dir, "foreign.db", NULL);
  g_autofree char *outside = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  sqlite3 *db = NULL;

  store_assessment (fixture->path, "a1", "First");
  before = read_bytes (fixture->path);

  g_assert_true (g_file_set_contents (notes, "not a database at all", -1, NULL));
  g_assert_false (mizan_backup_restore (fixture->path, notes, NULL, &error));
  g_assert_error (error, MIZAN_BACKUP_ERROR, MIZAN_BACKUP_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, notes));
  g_clear_error (&error);

  g_assert_cmpint (sqlite3_open (foreign, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE contacts (name TEXT)", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_false (mizan_backup_restore (fixture->path, foreign, NULL, &error));
  g_assert_error (error, MIZAN_BACKUP_ERROR, MIZAN_BACKUP_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "not a Mizan database"));
  g_clear_error (&error);

  /* A name is looked up in the backup folder only. */
  outside = mizan_backup_resolve (fixture->path, "notes.db", &error);
  g_assert_null (outside);
  g_assert_error (error, MIZAN_BACKUP_ERROR, MIZAN_BACKUP_ERROR_NOT_FOUND);
  g_clear_error (&error);

  after = read_bytes (fixture->path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_cmpuint (n_backups (fixture->path), ==, 0);
}

static void
truncate_file (const char *path)
{
  g_autoptr(GBytes) bytes = read_bytes (path);

  /* Half of it, on a page boundary, as a copy interrupted half-way leaves it. */
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL),
                                      g_bytes_get_size (bytes) / 2 / 4096 * 4096, NULL));
}

static void
test_truncated_database_untouched (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = g_build_filename (fixture->backups, "mizan-2020-01-01.db", NULL);
  g_autofree char *aside = NULL;
  g_autoptr(MizanStore) store = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GBytes) kept = NULL;

  for (int i = 0; i < 40; i++)
    {
      g_autofree char *id = g_strdup_printf ("a%02d", i);

      store_assessment (fixture->path, id, "A long enough database to lose half of it");
    }
  g_assert_true (mizan_backup_create (fixture->path, backup, &error));
  g_assert_no_error (error);
  truncate_file (fixture->path);
  before = read_bytes (fixture->path);

  store = mizan_store_open (fixture->path, &error);
  g_assert_null (store);
  g_assert_error (error, MIZAN_STORE_ERROR, MIZAN_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "cut off"));
  g_assert_nonnull (strstr (error->message, "left untouched"));
  g_clear_error (&error);
  after = read_bytes (fixture->path);
  g_assert_true (g_bytes_equal (before, after));

  /* A restore puts the backup back and keeps the damaged file, byte for byte. */
  g_assert_true (mizan_backup_restore (fixture->path, backup, &aside, &error));
  g_assert_no_error (error);
  kept = read_bytes (aside);
  g_assert_true (g_bytes_equal (before, kept));
  store = mizan_store_open (fixture->path, &error);
  g_assert_no_error (error);
}

/* A damaged page in the middle: the open may succeed, the first read fails
 * with a clear error, and nothing of ours writes to the file after that. */
static void
test_damaged_page_untouched (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MizanStore) store = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(MizanAssessment) fresh = make_assessment ("b1", "After the damage");
  g_autofree char *contents = NULL;
  gsize length;

  for (int i = 0; i < 40; i++)
    {
      g_autofree char *id = g_strdup_printf ("a%02d", i);

      store_assessment (fixture->path, id, "Enough rows to fill several pages");
    }
  g_assert_true (g_file_get_contents (fixture->path, &contents, &length, NULL));
  g_assert_cmpuint (length, >=, 4 * 4096);
  /* Every page after the schema: garbage over the b-tree headers. */
  for (gsize page = 1; page < length / 4096; page++)
    memset (contents + page * 4096, 0xA5, 64);
  g_assert_true (g_file_set_contents (fixture->path, contents, length, NULL));
  before = read_bytes (fixture->path);

  store = mizan_store_open (fixture->path, &error);
  if (store != NULL)
    {
      list = mizan_store_list_assessments (store, &error);
      g_assert_null (list);
      g_assert_error (error, MIZAN_STORE_ERROR, MIZAN_STORE_ERROR_CORRUPT);
      g_assert_nonnull (strstr (error->message, "backup"));
      g_clear_error (&error);
      g_assert_false (mizan_store_save_assessment (store, fresh, FALSE, &error));
      g_assert_nonnull (error);
      g_clear_object (&store);
    }
  g_clear_error (&error);
  after = read_bytes (fixture->path);
  g_assert_true (g_bytes_equal (before, after));
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autoptr(GBytes) bytes = read_bytes (from);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (to, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error));
  g_assert_no_error (error);
}

static guint
n_snapshots (const char *db_path,
             const char *operation)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = mizan_backup_list (db_path, &error);
  guint n = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < list->len; i++)
    {
      MizanBackupInfo *info = g_ptr_array_index (list, i);

      if (info->kind == MIZAN_BACKUP_SNAPSHOT && (operation == NULL || g_strcmp0 (info->operation, operation) == 0))
        n++;
    }
  return n;
}

/* A snapshot file named as taken @age seconds before now. */
static void
fake_snapshot (Fixture    *fixture,
               const char *source,
               gint64      age,
               guint       n,
               const char *operation)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (g_get_real_time () / G_USEC_PER_SEC - age);
  g_autofree char *stamp = g_date_time_format (when, "%Y%m%dT%H%M%S");
  g_autofree char *name = g_strdup_printf ("mizan-snapshot-%s.%03u-%s.db", stamp, n, operation);
  g_autofree char *path = g_build_filename (fixture->backups, name, NULL);

  copy_file (source, path);
}

static void
test_snapshot_listed_and_pruned (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *created = NULL;
  g_autofree char *description = NULL;
  g_autoptr(GPtrArray) list = NULL;
  MizanBackupInfo *info;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  const gint64 day = 24 * 60 * 60;

  store_assessment (fixture->path, "a", "First");
  g_assert_true (mizan_backup_snapshot (fixture->path, "trash", &created, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (created, fixture->backups));
  g_assert_true (mizan_backup_check (created, &error));
  assert_ids (created, "a");

  list = mizan_backup_list (fixture->path, &error);
  g_assert_cmpuint (list->len, ==, 1);
  info = g_ptr_array_index (list, 0);
  g_assert_cmpint (info->kind, ==, MIZAN_BACKUP_SNAPSHOT);
  g_assert_cmpstr (info->operation, ==, "trash");
  g_assert_cmpint (ABS (info->modified - now), <=, 2);
  description = mizan_backup_describe (info);
  g_assert_nonnull (strstr (description, "Trash"));
  /* What `mizan-cli restore NAME` takes. */
  g_clear_pointer (&created, g_free);
  created = mizan_backup_resolve (fixture->path, info->name, &error);
  g_assert_no_error (error);

  /* 15 taken 40 days ago and 5 an hour ago: the newest 10 whatever their
   * age, and everything within 30 days. */
  for (guint i = 0; i < 15; i++)
    fake_snapshot (fixture, created, 40 * day, i, "purge");
  for (guint i = 0; i < 5; i++)
    fake_snapshot (fixture, created, 60 * 60, i, "delete");
  g_assert_true (mizan_backup_prune_snapshots (fixture->path, now, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_snapshots (fixture->path, "delete"), ==, 5);
  g_assert_cmpuint (n_snapshots (fixture->path, "trash"), ==, 1);
  g_assert_cmpuint (n_snapshots (fixture->path, "purge"), ==, MIZAN_BACKUP_SNAPSHOT_KEEP_MIN - 6);

  /* A month on (the clock injected), only the newest 10 are left. */
  g_assert_true (mizan_backup_prune_snapshots (fixture->path, now + 31 * day, &error));
  g_assert_cmpuint (n_snapshots (fixture->path, NULL), ==, MIZAN_BACKUP_SNAPSHOT_KEEP_MIN);

  /* Never more than 50, however recent. */
  for (guint i = 0; i < 60; i++)
    fake_snapshot (fixture, created, 60, i, "replace");
  g_assert_true (mizan_backup_prune_snapshots (fixture->path, now, &error));
  g_assert_cmpuint (n_snapshots (fixture->path, NULL), ==, MIZAN_BACKUP_SNAPSHOT_KEEP_MAX);
  /* The newest first: the real one, taken a minute after the fakes, stays. */
  g_assert_cmpuint (n_snapshots (fixture->path, "trash"), ==, 1);
}

static const char *kill_at;

static void
kill_at_step (const char *step)
{
  if (g_strcmp0 (step, kill_at) == 0)
    raise (SIGKILL);
}

/* kill -9 after each step of a restore: the next open finds either the
 * database as it was, or the backup in its place with the database as it
 * was kept aside, never a missing file or a -wal beside the wrong one. */
static void
test_restore_killed_at_every_step (Fixture       *fixture,
                                   gconstpointer  data)
{
  static const char * const steps[] = { "incoming", "marker", "moved", "-wal", "-shm", "-journal", "in-place" };
  g_autofree char *backup = g_build_filename (fixture->dir, "backup-a.db", NULL);

  store_assessment (fixture->path, "a", "First");
  g_assert_true (mizan_backup_create (fixture->path, backup, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autofree char *dir = g_strdup_printf ("%s/step-%u", fixture->dir, i);
      g_autofree char *path = g_build_filename (dir, "mizan.db", NULL);
      g_autofree char *marker = g_strconcat (path, ".restoring-aside", NULL);
      g_autofree char *ids = NULL;
      g_autoptr(GPtrArray) list = NULL;
      int status = 0;
      pid_t pid;

      g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
      store_assessment (path, "a", "First");
      store_assessment (path, "b", "Second");

      pid = fork ();
      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          kill_at = steps[i];
          mizan_backup_set_step_hook (kill_at_step);
          mizan_backup_restore (path, backup, NULL, NULL);
          _exit (0);
        }
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_assert_true (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);

      ids = stored_ids (path);   /* opening finishes what was cut off */
      g_assert_false (g_file_test (marker, G_FILE_TEST_EXISTS));
      list = mizan_backup_list (path, NULL);
      if (i == 0)
        {
          /* Before the marker: the restore never began. */
          g_assert_cmpstr (ids, ==, "a b");
          g_assert_cmpuint (list->len, ==, 0);
        }
      else
        {
          MizanBackupInfo *aside = g_ptr_array_index (list, 0);

          g_assert_cmpstr (ids, ==, "a");
          g_assert_cmpuint (list->len, ==, 1);
          g_assert_cmpint (aside->kind, ==, MIZAN_BACKUP_BEFORE_RESTORE);
          assert_ids (aside->path, "a b");
        }
    }
}

#define ADD(name, func) \
  g_test_add (name, Fixture, NULL, fixture_setup, func, fixture_teardown)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD ("/backup/daily-once-and-pruned", test_daily_once_and_pruned);
  ADD ("/backup/restore/keeps-current-aside", test_restore_keeps_current_aside);
  ADD ("/backup/restore/brings-back-wal", test_restore_brings_back_wal);
  ADD ("/backup/restore/refused-while-open", test_restore_refused_while_open);
  ADD ("/backup/restore/refuses-bad-backup", test_restore_refuses_bad_backup);
  ADD ("/backup/damaged/truncated-untouched", test_truncated_database_untouched);
  ADD ("/backup/damaged/page-untouched", test_damaged_page_untouched);
  ADD ("/backup/snapshot/listed-and-pruned", test_snapshot_listed_and_pruned);
  ADD ("/backup/restore/killed-at-every-step", test_restore_killed_at_every_step);

  return g_test_run ();
}
