/* mizan-store.c — the local SQLite database of organizations and assessments
 * Checks a file's schema before writing to it; every edit is one IMMEDIATE transaction. */

#include "config.h"

#include <inttypes.h>

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <gio/gio.h>
#include <sqlite3.h>

#include "mizan-backup.h"
#include "mizan-store.h"

/* Long enough for the app and mizan-cli to take turns on one file. */
#define BUSY_TIMEOUT_MS 5000

struct _MizanStore
{
  GObject  parent_instance;

  char    *path;
  sqlite3 *db;
};

G_DEFINE_FINAL_TYPE (MizanStore, mizan_store, G_TYPE_OBJECT)
G_DEFINE_QUARK (mizan-store-error-quark, mizan_store_error)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

typedef struct {
  int         version;
  const char *sql;
} Migration;

/* Ordered; each step runs in its own transaction together with the
 * user_version bump, so a database is always at exactly one version.
 * Never edit a released step: add a new one. */
static const Migration migrations[] = {
  { 1,
    "CREATE TABLE organizations ("
    "  id      INTEGER PRIMARY KEY,"
    "  name    TEXT,"
    "  country TEXT,"
    "  sector  TEXT,"
    "  size    TEXT,"
    "  UNIQUE (name, country)"
    ");"
    "CREATE TABLE assessments ("
    "  id                TEXT NOT NULL PRIMARY KEY,"
    "  organization_id   INTEGER REFERENCES organizations (id),"
    "  title             TEXT,"
    "  assessor          TEXT,"
    "  framework_id      TEXT,"
    "  framework_version TEXT,"
    "  created           INTEGER NOT NULL,"
    "  updated           INTEGER NOT NULL"
    ");"
    "CREATE INDEX assessments_by_organization ON assessments (organization_id);"
    "CREATE INDEX assessments_by_updated ON assessments (updated);"
    "CREATE TABLE answers ("
    "  assessment_id TEXT NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,"
    "  practice_id   TEXT NOT NULL,"
    "  status        TEXT CHECK (status IN ('fully', 'largely', 'partially', 'not', 'na')),"
    "  note          TEXT,"
    "  evidence      TEXT,"
    "  updated       INTEGER NOT NULL DEFAULT 0,"
    "  PRIMARY KEY (assessment_id, practice_id),"
    "  CHECK (status IS NOT NULL OR note IS NOT NULL OR evidence IS NOT NULL)"
    ");"
    "CREATE TABLE targets ("
    "  assessment_id TEXT NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,"
    "  capability_id TEXT NOT NULL,"
    "  target        INTEGER NOT NULL CHECK (target >= 0),"
    "  PRIMARY KEY (assessment_id, capability_id)"
    ");"
    "CREATE TABLE submissions ("
    "  assessment_id TEXT NOT NULL PRIMARY KEY REFERENCES assessments (id) ON DELETE CASCADE,"
    "  submission_id TEXT NOT NULL UNIQUE"
    ");"
    "PRAGMA application_id = " G_STRINGIFY (MIZAN_STORE_APPLICATION_ID) ";"
  },
  /* The sync client's state: when a submission last reached the server,
   * and what still has to (a send or a withdrawal), retried with backoff. */
  { 2,
    "ALTER TABLE submissions ADD COLUMN delivered INTEGER;"
    "CREATE TABLE sync_queue ("
    "  submission_id TEXT NOT NULL PRIMARY KEY,"
    "  assessment_id TEXT NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,"
    "  action        TEXT NOT NULL CHECK (action IN ('send', 'withdraw')),"
    "  payload       TEXT,"
    "  attempts      INTEGER NOT NULL DEFAULT 0,"
    "  next_attempt  INTEGER NOT NULL,"
    "  last_error    TEXT"
    ");"
    "CREATE INDEX sync_queue_by_assessment ON sync_queue (assessment_id);"
  },
  /* Model 2.0: the organization's answers to the framework's profile
   * questions, and answers carried from an older version to be confirmed. */
  { 3,
    "ALTER TABLE answers ADD COLUMN to_confirm INTEGER NOT NULL DEFAULT 0 CHECK (to_confirm IN (0, 1));"
    "CREATE TABLE profile_answers ("
    "  assessment_id TEXT NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,"
    "  question_id   TEXT NOT NULL,"
    "  answer        INTEGER NOT NULL CHECK (answer IN (0, 1)),"
    "  PRIMARY KEY (assessment_id, question_id)"
    ");"
  },
  /* The Trash: a deleted assessment keeps its rows, marked with the time it
   * went (NULL: not deleted), until it is restored or removed for good. */
  { 4,
    "ALTER TABLE assessments ADD COLUMN deleted INTEGER;"
    "CREATE INDEX assessments_by_deleted ON assessments (deleted);"
  },
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == MIZAN_STORE_SCHEMA_VERSION);

static gint64
now_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

/* What a person can do about a failure, by SQLite's primary result code. */
static const char *
hint_for_result (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return _("Another program kept the database busy; try again, or close other Mizan windows and commands.");
    case SQLITE_FULL:
      return _("The disk is full; free some space and try again.");
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
    case SQLITE_AUTH:
      return _("Check that the file and its folder exist and that you are allowed to write to them.");
    case SQLITE_IOERR:
      return _("The disk reported an error; check the disk and try again.");
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return _("The file is damaged; restore it from a backup.");
    default:
      return NULL;
    }
}

/* Must be called before anything else runs on the connection (a ROLLBACK
 * included), since that replaces sqlite3_errmsg(). */
static void
set_sqlite_error (MizanStore  *self,
                  int          rc,
                  GError     **error)
{
  int primary = rc & 0xff;
  MizanStoreError code = MIZAN_STORE_ERROR_FAILED;
  const char *hint = hint_for_result (rc);
  const char *message = self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc);

  if (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB)
    {
      code = MIZAN_STORE_ERROR_CORRUPT;
      /* A damaged file must not be written to any further, not even by
       * the checkpoint that closing would run: it is the evidence a
       * restore or a repair starts from. */
      if (self->db != NULL)
        sqlite3_db_config (self->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
    }

  if (hint != NULL)
    /* Translators: the first %s is a file path, the second SQLite's own
     * (English) message, the third what to do about it */
    g_set_error (error, MIZAN_STORE_ERROR, code, _("database “%s”: %s. %s"),
                 self->path, message, hint);
  else
    /* Translators: the first %s is a file path, the second SQLite's own message */
    g_set_error (error, MIZAN_STORE_ERROR, code, _("database “%s”: %s"),
                 self->path, message);
}

/* Errors the user gets as they are, without a "could not …" prefix. */
static gboolean
error_is (GError          **error,
          MizanStoreError   code)
{
  return error != NULL && g_error_matches (*error, MIZAN_STORE_ERROR, code);
}

static gboolean
exec_sql (MizanStore  *self,
          const char  *sql,
          GError     **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      set_sqlite_error (self, rc, error);
      return FALSE;
    }

  return TRUE;
}

static sqlite3_stmt *
prepare (MizanStore  *self,
         const char  *sql,
         GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      set_sqlite_error (self, rc, error);
      sqlite3_finalize (stmt);
      return NULL;
    }

  return stmt;
}

/* For statements that return no rows. */
static gboolean
step_done (MizanStore    *self,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, rc, error);
      return FALSE;
    }

  return TRUE;
}

static void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  /* NULL binds SQL NULL. Binding only fails for a bad index, a bug. */
  if (sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT) != SQLITE_OK)
    g_critical ("Cannot bind parameter %d", index);
}

static void
bind_int64 (sqlite3_stmt *stmt,
            int           index,
            gint64        value)
{
  if (sqlite3_bind_int64 (stmt, index, value) != SQLITE_OK)
    g_critical ("Cannot bind parameter %d", index);
}

static char *
column_dup (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

/* IMMEDIATE takes the write lock up front, so a transaction never fails
 * half-way because another connection started writing meanwhile; the busy
 * timeout covers the wait for it. */
static gboolean
begin_write (MizanStore  *self,
             GError     **error)
{
  return exec_sql (self, "BEGIN IMMEDIATE", error);
}

static gboolean
begin_read (MizanStore  *self,
            GError     **error)
{
  return exec_sql (self, "BEGIN", error);
}

static gboolean
commit (MizanStore  *self,
        GError     **error)
{
  return exec_sql (self, "COMMIT", error);
}

static void
rollback (MizanStore *self)
{
  /* SQLite rolls back by itself after some errors (SQLITE_FULL, …). */
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

static void
mizan_store_finalize (GObject *object)
{
  MizanStore *self = (MizanStore *)object;

  g_clear_pointer (&self->db, sqlite3_close_v2);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (mizan_store_parent_class)->finalize (object);
}

static void
mizan_store_class_init (MizanStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mizan_store_finalize;
}

static void
mizan_store_init (MizanStore *self)
{
}

void
mizan_assessment_summary_free (MizanAssessmentSummary *summary)
{
  if (summary == NULL)
    return;

  g_free (summary->id);
  g_free (summary->title);
  g_free (summary->org_name);
  g_free (summary->framework_id);
  g_free (summary->framework_version);
  g_free (summary);
}

void
mizan_organization_free (MizanOrganization *organization)
{
  if (organization == NULL)
    return;

  g_free (organization->name);
  g_free (organization->country);
  g_free (organization->sector);
  g_free (organization->size);
  g_free (organization);
}

char *
mizan_store_get_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "mizan", "mizan.db", NULL);
}

/* Opening ----------------------------------------------------------------- */

/* The file holds an organization's security posture: only its owner may
 * read it. SQLite gives the -wal and -shm files the database file's mode,
 * so getting the main file right covers them too. */
static gboolean
ensure_file (MizanStore  *self,
             GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (self->path);
  int fd;

  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      /* chmod as well because the umask may have removed bits from 0700. */
      if (g_mkdir_with_parents (dir, 0700) != 0 || g_chmod (dir, 0700) != 0)
        {
          int saved_errno = errno;

          g_set_error (error, MIZAN_STORE_ERROR, MIZAN_STORE_ERROR_OPEN,
                       _("Could not create the folder “%s” for the database: %s. "
                         "Check that you are allowed to write there."),
                       dir, g_strerror (saved_errno));
          return FALSE;
        }
    }

  fd = open (self->path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd >= 0)
    {
      int saved_errno = 0;

      if (fchmod (fd, 0600) != 0)
        saved_errno = errno;
      close (fd);

      if (saved_errno != 0)
        {
          g_set_error (error, MIZAN_STORE_ERROR, MIZAN_STORE_ERROR_OPEN,
                       _("Could not restrict the permissions of the new database “%s”: %s."),
                       self->path, g_strerror (saved_errno));
          return FALSE;
        }
    }
  else if (errno != EEXIST)
    {
      int saved_errno = errno;

      g_set_error (error, MIZAN_STORE_ERROR, MIZAN_STORE_ERROR_OPEN,
                   _("Could not create the database “%s”: %s. "
                     "Check that you are allowed to write to its folder."),
                   self->path, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

typedef struct {
  gint64 application_id;
  gint64 version;
  gint64 n_objects;
} Header;

/* One statement, so the three values come from one snapshot. */
static int
read_header (sqlite3 *db,
             Header  *header)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db,
                           "SELECT (SELECT application_id FROM pragma_application_id ()),"
                           "       (SELECT user_version FROM pragma_user_version ()),"
                           "       (SELECT count(*) FROM sqlite_schema)",
                           -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return rc;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return rc;

  header->application_id = sqlite3_column_int64 (stmt, 0);
  header->version = sqlite3_column_int64 (stmt, 1);
  header->n_objects = sqlite3_column_int64 (stmt, 2);

  return SQLITE_OK;
}

static void
set_corrupt_error (MizanStore  *self,
                   const char  *reason,
                   GError     **error)
{
  g_set_error (error, MIZAN_STORE_ERROR, MIZAN_STORE_ERROR_CORRUPT,
               _("“%s” is not a Mizan database or is damaged (%s). It was left untouched; "
                 "restore it from a backup, or move it away to start a new database."),
               self->path, reason);
}

static gboolean
check_header (MizanStore    *self,
              const Header  *header,
              GError       **error)
{
  if (header->application_id != 0 && header->application_id != MIZAN_STORE_APPLICATION_ID)
    {
      set_corrupt_error (self, _("it belongs to another program"), error);
      return FALSE;
    }

  if (header->version > MIZAN_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, MIZAN_STORE_ERROR, MIZAN_STORE_ERROR_TOO_NEW,
                   _("The database “%s” was written by a newer version of Mizan "
                     "(schema %" PRId64 "; this version knows up to %d). "
                     "Update Mizan to open it; the file was left untouched."),
                   self->path, header->version, MIZAN_STORE_SCHEMA_VERSION);
      return FALSE;
    }

  /* Schema 0 with tables in it is some other program's database. */
  if (header->version == 0 && header->n_objects > 0)
    {
      set_corrupt_error (self, _("it holds tables Mizan did not create"), error);
      return FALSE;
    }

  return TRUE;
}

/* SQLite reads a cut-off file without complaint until it needs a missing
 * page, so a truncated database is recognized here, from the size its own
 * header states (when the header vouches for that size). */
static gboolean
check_not_truncated (MizanStore  *self,
                     GError     **error)
{
  guint8 header[100];
  g_autoptr(GFile) file = g_file_new_for_path (self->path);
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  gsize n_read = 0;
  guint32 page_size, page_count;
  goffset size;

  stream = g_file_read (file, NULL, NULL);
  if (stream == NULL ||
      !g_input_stream_read_all (G_INPUT_STREAM (stream), header, sizeof header, &n_read, NULL, NULL) ||
      (info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE, NULL, NULL)) == NULL)
    return TRUE;   /* SQLite will tell what is wrong */
  size = g_file_info_get_size (info);
  if (n_read < sizeof header || memcmp (header, "SQLite format 3", 16) != 0)
    return TRUE;

  page_size = (header[16] << 8) | header[17];
  if (page_size == 1)
    page_size = 65536;
  page_count = ((guint32) header[28] << 24) | (header[29] << 16) | (header[30] << 8) | header[31];
  /* "Version valid for" equal to the change counter: the size is current. */
  if (memcmp (header + 92, header + 24, 4) != 0 || page_count == 0)
    return TRUE;

  if (size < (goffset) page_count * page_size)
    {
      g_autofree char *reason = g_strdup_printf (_("the file is %lld bytes, its header says %lld: it was cut off"),
                                                 (long long) size, (long long) page_count * page_size);

      set_corrupt_error (self, reason, error);
      return FALSE;
    }
  return TRUE;
}

/* Looks at the file through a read-only connection that does not
 * checkpoint on close, so a database we must refuse is never written to,
 * not even by SQLite's own housekeeping. Returns FALSE with @error set only
 * for a verdict; when this connection cannot decide (say, a read-only WAL
 * file without its -shm), the read-write connection checks again before
 * its first write. */
static gboolean
check_schema_read_only (MizanStore  *self,
                        GError     **error)
{
  sqlite3 *db = NULL;
  Header header = { 0 };
  int rc;

  rc = sqlite3_open_v2 (self->path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_EXRESCODE, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_db_config (db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
      sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);
      rc = read_header (db, &header);
    }

  if (rc != SQLITE_OK)
    {
      int primary = rc & 0xff;

      if (primary == SQLITE_NOTADB || primary == SQLITE_CORRUPT)
        {
          set_corrupt_error (self, sqlite3_errmsg (db), error);
          sqlite3_close_v2 (db);
          return FALSE;
        }

      g_debug ("Read-only check of %s inconclusive: %s", self->path, sqlite3_errmsg (db));
      sqlite3_close_v2 (db);
      return TRUE;
    }

  sqlite3_close_v2 (db);

  return check_header (self, &header, error);
}

static gboolean
open_read_write (MizanStore  *self,
                 GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  Header header = { 0 };
  const char *mode;
  int rc;

  rc = sqlite3_open_v2 (self->path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_EXRESCODE, NULL);
  if (rc != SQLITE_OK)
    {
      const char *hint = hint_for_result (rc);

      g_set_error (error, MIZAN_STORE_ERROR, MIZAN_STORE_ERROR_OPEN,
                   _("Could not open the database “%s”: %s. %s"),
                   self->path, sqlite3_errmsg (self->db),
                   hint != NULL ? hint : "");
      return FALSE;
    }

  /* No checkpoint on close until the schema is known to be ours: a
   * checkpoint writes the main file. */
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);

  rc = read_header (self->db, &header);
  if (rc != SQLITE_OK)
    {
      int primary = rc & 0xff;

      if (primary == SQLITE_NOTADB || primary == SQLITE_CORRUPT)
        set_corrupt_error (self, sqlite3_errmsg (self->db), error);
      else
        set_sqlite_error (self, rc, error);
      return FALSE;
    }

  if (!check_header (self, &header, error))
    return FALSE;

  /* From here on the file is ours to write. WAL lets the app read while
   * mizan-cli writes; synchronous=FULL because an answer shown as saved
   * must survive a power cut, not just a crash. */
  stmt = prepare (self, "PRAGMA journal_mode = WAL", error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      set_sqlite_error (self, rc, error);
      return FALSE;
    }
  mode = (const char *) sqlite3_column_text (stmt, 0);
  if (g_strcmp0 (mode, "wal") != 0)
    g_warning ("Database %s stays in journal mode %s: the file system does not support WAL",
               self->path, mode);
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!exec_sql (self,
                 "PRAGMA synchronous = FULL;"
                 "PRAGMA foreign_keys = ON;",
                 error))
    return FALSE;

  return TRUE;
}

static gboolean
read_user_version (MizanStore  *self,
                   gint64      *version,
                   GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = prepare (self, "PRAGMA user_version", error);
  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      set_sqlite_error (self, rc, error);
      return FALSE;
    }

  *version = sqlite3_column_int64 (stmt, 0);

  return TRUE;
}

static gboolean
apply_migration (MizanStore       *self,
                 const Migration  *migration,
                 GError          **error)
{
  g_autofree char *bump = NULL;
  gint64 version;

  if (!read_user_version (self, &version, error))
    return FALSE;

  /* Another process may have migrated since we looked. */
  if (version > MIZAN_STORE_SCHEMA_VERSION)
    {
      Header header = { .version = version };

      return check_header (self, &header, error);
    }
  if (version >= migration->version)
    return TRUE;

  if (version != migration->version - 1)
    {
      g_set_error (error, MIZAN_STORE_ERROR, MIZAN_STORE_ERROR_FAILED,
                   _("database “%s”: unexpected schema version %" PRId64),
                   self->path, version);
      return FALSE;
    }

  if (!exec_sql (self, migration->sql, error))
    return FALSE;

  /* PRAGMA takes no parameters; the number is ours, not user input. */
  bump = g_strdup_printf ("PRAGMA user_version = %d", migration->version);

  return exec_sql (self, bump, error);
}

static gboolean
migrate (MizanStore  *self,
         GError     **error)
{
  gint64 version;

  /* An upgrade rewrites tables the user's data lives in: the database as
   * this version found it is kept first. A new, empty file has nothing to keep. */
  if (!read_user_version (self, &version, error))
    return FALSE;
  if (version >= 1 && version < MIZAN_STORE_SCHEMA_VERSION &&
      !mizan_store_snapshot (self, "upgrade", error))
    {
      g_prefix_error (error, _("The database was not upgraded: "));
      return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (migrations); i++)
    {
      if (!begin_write (self, error) ||
          !apply_migration (self, &migrations[i], error) ||
          !commit (self, error))
        {
          rollback (self);
          if (!error_is (error, MIZAN_STORE_ERROR_TOO_NEW))
            g_prefix_error (error, _("Could not upgrade the database to schema %d: "),
                          migrations[i].version);
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * mizan_store_open:
 * @path: (nullable): the database file, or %NULL for mizan_store_get_default_path()
 */
MizanStore *
mizan_store_open (const char  *path,
                  GError     **error)
{
  g_autoptr(MizanStore) self = NULL;
  g_autofree char *default_path = NULL;
  g_autoptr(GError) purge_error = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (path == NULL)
    path = default_path = mizan_store_get_default_path ();

  self = g_object_new (MIZAN_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  if (!mizan_backup_recover (self->path, error) ||
      !ensure_file (self, error) ||
      !check_not_truncated (self, error) ||
      !check_schema_read_only (self, error) ||
      !open_read_write (self, error) ||
      !migrate (self, error))
    return NULL;

  /* The schema is ours now: let closing fold the WAL back into the file. */
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 0, NULL);

  /* Not a reason to refuse the database: what is due stays in the Trash
   * (shown as due) until a later open manages. */
  if (!mizan_store_purge_trash (self, now_seconds (), NULL, &purge_error))
    {
      /* A damaged file is reported by whatever reads it next, in words. */
      if (g_error_matches (purge_error, MIZAN_STORE_ERROR, MIZAN_STORE_ERROR_CORRUPT))
        g_debug ("%s", purge_error->message);
      else
        g_warning ("%s", purge_error->message);
    }

  return g_steal_pointer (&self);
}

const char *
mizan_store_get_path (MizanStore *self)
{
  g_return_val_if_fail (MIZAN_IS_STORE (self), NULL);

  return self->path;
}

/* Reading ----------------------------------------------------------------- */

#define SUMMARY_COLUMNS \
  "SELECT a.id, a.title, o.name, a.framework_id, a.framework_version, a.updated," \
  "       (SELECT count(*) FROM answers AS x"                                     \
  "         WHERE x.assessment_id = a.id AND x.status IS NOT NULL),"              \
  "       coalesce (a.deleted, 0)"                                                \
  "  FROM assessments AS a"                                                       \
  "  LEFT JOIN organizations AS o ON o.id = a.organization_id"

static GPtrArray *
list_summaries (MizanStore  *self,
                gboolean     trash,
                GError     **error)
{
  g_autoptr(GPtrArray) summaries = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (trash)
    stmt = prepare (self,
                    SUMMARY_COLUMNS
                    " WHERE a.deleted IS NOT NULL"
                    " ORDER BY a.deleted DESC, a.updated DESC, a.id",
                    error);
  else
    stmt = prepare (self,
                    SUMMARY_COLUMNS
                    " WHERE a.deleted IS NULL"
                    " ORDER BY a.updated DESC, a.created DESC, a.id",
                    error);
  if (stmt == NULL)
    return NULL;

  summaries = g_ptr_array_new_with_free_func ((GDestroyNotify) mizan_assessment_summary_free);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      MizanAssessmentSummary *summary = g_new0 (MizanAssessmentSummary, 1);

      summary->id = column_dup (stmt, 0);
      summary->title = column_dup (stmt, 1);
      summary->org_name = column_dup (stmt, 2);
      summary->framework_id = column_dup (stmt, 3);
      summary->framework_version = column_dup (stmt, 4);
      summary->updated = sqlite3_column_int64 (stmt, 5);
      summary->answered = (guint) sqlite3_column_int64 (stmt, 6);
      summary->deleted = sqlite3_column_int64 (stmt, 7);
      g_ptr_array_add (summaries, summary);
    }

  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&summaries);
}

GPtrArray *
mizan_store_list_assessments (MizanStore  *self,
                              GError     **error)
{
  GPtrArray *summaries;

  g_return_val_if_fail (MIZAN_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  summaries = list_summaries (self, FALSE, error);
  if (summaries == NULL)
    g_prefix_error (error, _("Could not list the assessments: "));
  return summaries;
}

GPtrArray *
mizan_store_list_trash (MizanStore  *self,
                        GError     **error)
{
  GPtrArray *summaries;

  g_return_val_if_fail (MIZAN_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  summaries = list_summaries (self, TRUE, error);
  if (summaries == NULL)
    g_prefix_error (error, _("Could not list the Trash: "));
  return summaries;
}

static int
compare_nullable_collate (const char *a,
                          const char *b)
{
  if (a == NULL || b == NULL)
    return (a == NULL) - (b == NULL);

  return g_utf8_collate (a, b);
}

static int
compare_organizations (gconstpointer a,
                       gconstpointer b)
{
  const MizanOrganization *org_a = *(MizanOrganization * const *) a;
  const MizanOrganization *org_b = *(MizanOrganization * const *) b;
  int cmp;

  if ((cmp = compare_nullable_collate (org_a->name, org_b->name)) != 0)
    return cmp;
  if ((cmp = compare_nullable_collate (org_a->country, org_b->country)) != 0)
    return cmp;

  return (org_a->id > org_b->id) - (org_a->id < org_b->id);
}

GPtrArray *
mizan_store_list_organizations (MizanStore  *self,
                                GError     **error)
{
  g_autoptr(GPtrArray) organizations = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (MIZAN_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = prepare (self, "SELECT id, name, country, sector, size FROM organizations", error);
  if (stmt == NULL)
    goto failed;

  organizations = g_ptr_array_new_with_free_func ((GDestroyNotify) mizan_organization_free);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      MizanOrganization *organization = g_new0 (MizanOrganization, 1);

      organization->id = sqlite3_column_int64 (stmt, 0);
      organization->name = column_dup (stmt, 1);
      organization->country = column_dup (stmt, 2);
      organization->sector = column_dup (stmt, 3);
      organization->size = column_dup (stmt, 4);
      g_ptr_array_add (organizations, organization);
    }

  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, rc, error);
      goto failed;
    }

  /* Sorted here rather than in SQL: SQLite's collations only know ASCII,
   * and names are Arabic, French, … */
  g_ptr_array_sort (organizations, compare_organizations);

  return g_steal_pointer (&organizations);

failed:
  g_prefix_error (error, _("Could not list the organizations: "));
  return NULL;
}

static gboolean
assessment_exists (MizanStore  *self,
                   const char  *id,
                   gboolean    *exists,
                   GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = prepare (self, "SELECT 1 FROM assessments WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  bind_text (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      set_sqlite_error (self, rc, error);
      return FALSE;
    }

  *exists = (rc == SQLITE_ROW);

  return TRUE;
}

gboolean
mizan_store_has_assessment (MizanStore  *self,
                            const char  *id,
                            GError     **error)
{
  gboolean exists = FALSE;

  g_return_val_if_fail (MIZAN_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!assessment_exists (self, id, &exists, error))
    {
      g_prefix_error (error, _("Could not look for assessment “%s”: "), id);
      return FALSE;
    }

  return exists;
}

static void
set_not_found_error (MizanStore  *self,
                     const char  *id,
                     GError     **error)
{
  g_set_error (error, MIZAN_STORE_ERROR, MIZAN_STORE_ERROR_NOT_FOUND,
               _("There is no assessment “%s” in the database “%s”. "
                 "List the stored assessments to find its id."),
               id, self->path);
}

static MizanAssessment *
load_metadata (MizanStore  *self,
               const char  *id,
               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(MizanAssessment) assessment = NULL;
  int rc;

  stmt = prepare (self,
                  "SELECT a.title, a.assessor, a.framework_id, a.framework_version,"
                  "       a.created, a.updated, a.organization_id,"
                  "       o.name, o.country, o.sector, o.size"
                  "  FROM assessments AS a"
                  "  LEFT JOIN organizations AS o ON o.id = a.organization_id"
                  " WHERE a.id = ?1",
                  error);
  if (stmt == NULL)
    return NULL;

  bind_text (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      set_not_found_error (self, id, error);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      set_sqlite_error (self, rc, error);
      return NULL;
    }

  assessment = mizan_assessment_new (id);
  mizan_assessment_set_title (assessment, (const char *) sqlite3_column_text (stmt, 0));
  mizan_assessment_set_assessor (assessment, (const char *) sqlite3_column_text (stmt, 1));
  mizan_assessment_set_framework (assessment,
                                  (const char *) sqlite3_column_text (stmt, 2),
                                  (const char *) sqlite3_column_text (stmt, 3));
  mizan_assessment_set_created (assessment, sqlite3_column_int64 (stmt, 4));
  mizan_assessment_set_updated (assessment, sqlite3_column_int64 (stmt, 5));
  mizan_assessment_set_org_id (assessment, sqlite3_column_int64 (stmt, 6));
  mizan_assessment_set_organization (assessment,
                                     (const char *) sqlite3_column_text (stmt, 7),
                                     (const char *) sqlite3_column_text (stmt, 8),
                                     (const char *) sqlite3_column_text (stmt, 9),
                                     (const char *) sqlite3_column_text (stmt, 10));

  return g_steal_pointer (&assessment);
}

static gboolean
load_answers (MizanStore       *self,
              MizanAssessment  *assessment,
              GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = prepare (self,
                  "SELECT practice_id, status, note, evidence, updated, to_confirm"
                  "  FROM answers WHERE assessment_id = ?1",
                  error);
  if (stmt == NULL)
    return FALSE;

  bind_text (stmt, 1, mizan_assessment_get_id (assessment));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *practice_id = (const char *) sqlite3_column_text (stmt, 0);
      const char *status_string = (const char *) sqlite3_column_text (stmt, 1);
      MizanStatus status = MIZAN_STATUS_NONE;

      /* The CHECK constraint should make this impossible; a file edited by
       * hand is still better refused than silently misread. */
      if (status_string != NULL && !mizan_status_from_string (status_string, &status))
        {
          g_set_error (error, MIZAN_STORE_ERROR, MIZAN_STORE_ERROR_CORRUPT,
                       _("database “%s”: practice “%s” has an unknown status “%s”"),
                       self->path, practice_id, status_string);
          return FALSE;
        }

      mizan_assessment_set_answer (assessment, practice_id, status,
                                   (const char *) sqlite3_column_text (stmt, 2),
                                   (const char *) sqlite3_column_text (stmt, 3),
                                   sqlite3_column_int64 (stmt, 4));
      if (sqlite3_column_int (stmt, 5))
        mizan_assessment_set_to_confirm (assessment, practice_id, TRUE);
    }

  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, rc, error);
      return FALSE;
    }

  return TRUE;
}

static gboolean
load_targets (MizanStore       *self,
              MizanAssessment  *assessment,
              GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = prepare (self,
                  "SELECT capability_id, target FROM targets WHERE assessment_id = ?1",
                  error);
  if (stmt == NULL)
    return FALSE;

  bind_text (stmt, 1, mizan_assessment_get_id (assessment));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    mizan_assessment_set_target (assessment,
                                 (const char *) sqlite3_column_text (stmt, 0),
                                 sqlite3_column_int (stmt, 1));

  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, rc, error);
      return FALSE;
    }

  return TRUE;
}

static gboolean
load_profile (MizanStore       *self,
              MizanAssessment  *assessment,
              GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = prepare (self,
                  "SELECT question_id, answer FROM profile_answers WHERE assessment_id = ?1",
                  error);
  if (stmt == NULL)
    return FALSE;

  bind_text (stmt, 1, mizan_assessment_get_id (assessment));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    mizan_assessment_set_profile_answer (assessment,
                                         (const char *) sqlite3_column_text (stmt, 0),
                                         sqlite3_column_int (stmt, 1) ? MIZAN_PROFILE_YES : MIZAN_PROFILE_NO);

  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, rc, error);
      return FALSE;
    }

  return TRUE;
}

MizanAssessment *
mizan_store_load_assessment (MizanStore  *self,
                             const char  *id,
                             GError     **error)
{
  g_autoptr(MizanAssessment) assessment = NULL;

  g_return_val_if_fail (MIZAN_IS_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* One read transaction: the CLI may be writing this assessment meanwhile,
   * and metadata, answers and targets must come from the same moment. */
  if (!begin_read (self, error) ||
      (assessment = load_metadata (self, id, error)) == NULL ||
      !load_answers (self, assessment, error) ||
      !load_targets (self, assessment, error) ||
      !load_profile (self, assessment, error) ||
      !commit (self, error))
    {
      rollback (self);
      if (!error_is (error, MIZAN_STORE_ERROR_NOT_FOUND))
        g_prefix_error (error, _("Could not load assessment “%s”: "), id);
      return NULL;
    }

  return g_steal_pointer (&assessment);
}

/* Writing ----------------------------------------------------------------- */

/* Matched by name and country ("IS" so that a missing country matches a
 * missing country); the profile's sector and size are the latest said. */
static gboolean
save_organization (MizanStore       *self,
                   MizanAssessment  *assessment,
                   gint64           *org_id,
                   GError          **error)
{
  const char *name = mizan_assessment_get_org_name (assessment);
  const char *country = mizan_assessment_get_org_country (assessment);
  const char *sector = mizan_assessment_get_org_sector (assessment);
  const char *size = mizan_assessment_get_org_size (assessment);
  g_autoptr(sqlite3_stmt) find = NULL;
  g_autoptr(sqlite3_stmt) write = NULL;
  int rc;

  *org_id = 0;

  if (name == NULL && country == NULL && sector == NULL && size == NULL)
    return TRUE;

  find = prepare (self,
                  "SELECT id FROM organizations WHERE name IS ?1 AND country IS ?2"
                  " ORDER BY id LIMIT 1",
                  error);
  if (find == NULL)
    return FALSE;

  bind_text (find, 1, name);
  bind_text (find, 2, country);
  rc = sqlite3_step (find);
  if (rc == SQLITE_ROW)
    {
      *org_id = sqlite3_column_int64 (find, 0);

      write = prepare (self, "UPDATE organizations SET sector = ?2, size = ?3 WHERE id = ?1", error);
      if (write == NULL)
        return FALSE;
      bind_int64 (write, 1, *org_id);
      bind_text (write, 2, sector);
      bind_text (write, 3, size);

      return step_done (self, write, error);
    }
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, rc, error);
      return FALSE;
    }

  write = prepare (self,
                   "INSERT INTO organizations (name, country, sector, size)"
                   " VALUES (?1, ?2, ?3, ?4)",
                   error);
  if (write == NULL)
    return FALSE;
  bind_text (write, 1, name);
  bind_text (write, 2, country);
  bind_text (write, 3, sector);
  bind_text (write, 4, size);
  if (!step_done (self, write, error))
    return FALSE;

  *org_id = sqlite3_last_insert_rowid (self->db);

  return TRUE;
}

static gboolean
save_metadata (MizanStore       *self,
               MizanAssessment  *assessment,
               gint64            org_id,
               gboolean          exists,
               GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  /* UPDATE rather than delete and insert: the submission id hangs off the
   * assessment and must survive a replace, so that re-sending replaces. */
  if (exists)
    stmt = prepare (self,
                    "UPDATE assessments SET organization_id = ?2, title = ?3, assessor = ?4,"
                    "       framework_id = ?5, framework_version = ?6, created = ?7, updated = ?8,"
                    "       deleted = NULL"
                    " WHERE id = ?1",
                    error);
  else
    stmt = prepare (self,
                    "INSERT INTO assessments (id, organization_id, title, assessor,"
                    "                         framework_id, framework_version, created, updated)"
                    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                    error);
  if (stmt == NULL)
    return FALSE;

  bind_text (stmt, 1, mizan_assessment_get_id (assessment));
  if (org_id > 0)
    bind_int64 (stmt, 2, org_id);
  else
    sqlite3_bind_null (stmt, 2);
  bind_text (stmt, 3, mizan_assessment_get_title (assessment));
  bind_text (stmt, 4, mizan_assessment_get_assessor (assessment));
  bind_text (stmt, 5, mizan_assessment_get_framework_id (assessment));
  bind_text (stmt, 6, mizan_assessment_get_framework_version (assessment));
  bind_int64 (stmt, 7, mizan_assessment_get_created (assessment));
  bind_int64 (stmt, 8, mizan_assessment_get_updated (assessment));

  return step_done (self, stmt, error);
}

static gboolean
delete_contents (MizanStore  *self,
                 const char  *id,
                 GError     **error)
{
  static const char * const statements[] = {
    "DELETE FROM answers WHERE assessment_id = ?1",
    "DELETE FROM targets WHERE assessment_id = ?1",
    "DELETE FROM profile_answers WHERE assessment_id = ?1",
  };

  for (guint i = 0; i < G_N_ELEMENTS (statements); i++)
    {
      g_autoptr(sqlite3_stmt) stmt = prepare (self, statements[i], error);

      if (stmt == NULL)
        return FALSE;
      bind_text (stmt, 1, id);
      if (!step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
save_answers (MizanStore       *self,
              MizanAssessment  *assessment,
              GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GHashTableIter iter;
  gpointer key, value;

  stmt = prepare (self,
                  "INSERT INTO answers (assessment_id, practice_id, status, note, evidence, updated, to_confirm)"
                  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                  error);
  if (stmt == NULL)
    return FALSE;

  bind_text (stmt, 1, mizan_assessment_get_id (assessment));

  g_hash_table_iter_init (&iter, mizan_assessment_get_answers (assessment));
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const MizanAnswer *answer = value;

      bind_text (stmt, 2, key);
      bind_text (stmt, 3, mizan_status_to_string (answer->status));
      bind_text (stmt, 4, answer->note);
      bind_text (stmt, 5, answer->evidence);
      bind_int64 (stmt, 6, answer->updated);
      bind_int64 (stmt, 7, answer->to_confirm ? 1 : 0);

      if (!step_done (self, stmt, error))
        {
          g_prefix_error (error, _("practice “%s”: "), (const char *) key);
          return FALSE;
        }
      sqlite3_reset (stmt);
    }

  return TRUE;
}

static gboolean
save_targets (MizanStore       *self,
              MizanAssessment  *assessment,
              GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_auto(GStrv) capabilities = NULL;

  stmt = prepare (self,
                  "INSERT INTO targets (assessment_id, capability_id, target)"
                  " VALUES (?1, ?2, ?3)",
                  error);
  if (stmt == NULL)
    return FALSE;

  bind_text (stmt, 1, mizan_assessment_get_id (assessment));

  capabilities = mizan_assessment_list_targets (assessment);
  for (guint i = 0; capabilities[i] != NULL; i++)
    {
      bind_text (stmt, 2, capabilities[i]);
      bind_int64 (stmt, 3, mizan_assessment_get_target (assessment, capabilities[i]));

      if (!step_done (self, stmt, error))
        {
          g_prefix_error (error, _("target of capability “%s”: "), capabilities[i]);
          return FALSE;
        }
      sqlite3_reset (stmt);
    }

  return TRUE;
}

static gboolean
save_profile (MizanStore       *self,
              MizanAssessment  *assessment,
              GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_auto(GStrv) questions = NULL;

  stmt = prepare (self,
                  "INSERT INTO profile_answers (assessment_id, question_id, answer)"
                  " VALUES (?1, ?2, ?3)",
                  error);
  if (stmt == NULL)
    return FALSE;

  bind_text (stmt, 1, mizan_assessment_get_id (assessment));

  questions = mizan_assessment_list_profile (assessment);
  for (guint i = 0; questions[i] != NULL; i++)
    {
      bind_text (stmt, 2, questions[i]);
      bind_int64 (stmt, 3, mizan_assessment_get_profile_answer (assessment, questions[i]) == MIZAN_PROFILE_YES);

      if (!step_done (self, stmt, error))
        {
          g_prefix_error (error, _("profile question “%s”: "), questions[i]);
          return FALSE;
        }
      sqlite3_reset (stmt);
    }

  return TRUE;
}

static gboolean
save_in_transaction (MizanStore       *self,
                     MizanAssessment  *assessment,
                     gboolean          replace,
                     gint64           *org_id,
                     GError          **error)
{
  const char *id = mizan_assessment_get_id (assessment);
  gboolean exists = FALSE;

  if (!assessment_exists (self, id, &exists, error))
    return FALSE;

  if (exists && !replace)
    {
      g_set_error (error, MIZAN_STORE_ERROR, MIZAN_STORE_ERROR_EXISTS,
                   _("An assessment with the id “%s” is already stored in the database “%s”. "
                     "Replace it, or save a copy under a new id."),
                   id, self->path);
      return FALSE;
    }

  /* Taken inside the write transaction: the snapshot is exactly what the
   * replace overwrites, with no other writer in between. */
  if (exists && !mizan_store_snapshot (self, "replace", error))
    return FALSE;

  return (save_organization (self, assessment, org_id, error) &&
          save_metadata (self, assessment, *org_id, exists, error) &&
          (!exists || delete_contents (self, id, error)) &&
          save_answers (self, assessment, error) &&
          save_targets (self, assessment, error) &&
          save_profile (self, assessment, error));
}

gboolean
mizan_store_save_assessment (MizanStore       *self,
                             MizanAssessment  *assessment,
                             gboolean          replace,
                             GError          **error)
{
  gint64 org_id = 0;

  g_return_val_if_fail (MIZAN_IS_STORE (self), FALSE);
  g_return_val_if_fail (MIZAN_IS_ASSESSMENT (assessment), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!begin_write (self, error) ||
      !save_in_transaction (self, assessment, replace, &org_id, error) ||
      !commit (self, error))
    {
      rollback (self);
      if (!error_is (error, MIZAN_STORE_ERROR_EXISTS))
        g_prefix_error (error, _("Could not save assessment “%s”; nothing was written: "),
                        mizan_assessment_get_id (assessment));
      return FALSE;
    }

  /* Only now: before the commit the row id could still have been rolled back. */
  mizan_assessment_set_org_id (assessment, org_id);

  return TRUE;
}

/* Every single edit marks the assessment as changed, and doubles as the
 * check that it exists: an UPDATE that matches nothing. */
static gboolean
touch_assessment (MizanStore  *self,
                  const char  *id,
                  GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = prepare (self, "UPDATE assessments SET updated = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  bind_text (stmt, 1, id);
  bind_int64 (stmt, 2, now_seconds ());
  if (!step_done (self, stmt, error))
    return FALSE;

  if (sqlite3_changes (self->db) == 0)
    {
      set_not_found_error (self, id, error);
      return FALSE;
    }

  return TRUE;
}

static gboolean
write_answer (MizanStore   *self,
              const char   *assessment_id,
              const char   *practice_id,
              MizanStatus   status,
              const char   *note,
              const char   *evidence,
              GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (status == MIZAN_STATUS_NONE && note == NULL && evidence == NULL)
    {
      stmt = prepare (self,
                      "DELETE FROM answers WHERE assessment_id = ?1 AND practice_id = ?2",
                      error);
      if (stmt == NULL)
        return FALSE;
    }
  else
    {
      stmt = prepare (self,
                      "INSERT INTO answers (assessment_id, practice_id, status, note, evidence, updated)"
                      " VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
                      " ON CONFLICT (assessment_id, practice_id) DO UPDATE"
                      " SET status = excluded.status, note = excluded.note,"
                      "     evidence = excluded.evidence, updated = excluded.updated,"
                      "     to_confirm = 0",
                      error);
      if (stmt == NULL)
        return FALSE;

      bind_text (stmt, 3, mizan_status_to_string (status));
      bind_text (stmt, 4, note);
      bind_text (stmt, 5, evidence);
      bind_int64 (stmt, 6, now_seconds ());
    }

  bind_text (stmt, 1, assessment_id);
  bind_text (stmt, 2, practice_id);

  return step_done (self, stmt, error);
}

gboolean
mizan_store_set_answer (MizanStore   *self,
                        const char   *assessment_id,
                        const char   *practice_id,
                        MizanStatus   status,
                        const char   *note,
                        const char   *evidence,
                        GError      **error)
{
  g_return_val_if_fail (MIZAN_IS_STORE (self), FALSE);
  g_return_val_if_fail (assessment_id != NULL, FALSE);
  g_return_val_if_fail (practice_id != NULL, FALSE);
  g_return_val_if_fail ((int) status >= 0 && (int) status < MIZAN_N_STATUSES, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* As in MizanAssessment: a cleared text field means no note. */
  if (note != NULL && *note == '\0')
    note = NULL;
  if (evidence != NULL && *evidence == '\0')
    evidence = NULL;

  if (!begin_write (self, error) ||
      !touch_assessment (self, assessment_id, error) ||
      !write_answer (self, assessment_id, practice_id, status, note, evidence, error) ||
      !commit (self, error))
    {
      rollback (self);
      if (!error_is (error, MIZAN_STORE_ERROR_NOT_FOUND))
        g_prefix_error (error, _("Could not save the answer to practice “%s”; nothing was written: "),
                        practice_id);
      return FALSE;
    }

  return TRUE;
}

static gboolean
write_target (MizanStore  *self,
              const char  *assessment_id,
              const char  *capability_id,
              int          target,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (target < 0)
    stmt = prepare (self,
                    "DELETE FROM targets WHERE assessment_id = ?1 AND capability_id = ?2",
                    error);
  else
    stmt = prepare (self,
                    "INSERT INTO targets (assessment_id, capability_id, target)"
                    " VALUES (?1, ?2, ?3)"
                    " ON CONFLICT (assessment_id, capability_id) DO UPDATE"
                    " SET target = excluded.target",
                    error);
  if (stmt == NULL)
    return FALSE;

  bind_text (stmt, 1, assessment_id);
  bind_text (stmt, 2, capability_id);
  if (target >= 0)
    bind_int64 (stmt, 3, target);

  return step_done (self, stmt, error);
}

gboolean
mizan_store_set_target (MizanStore  *self,
                        const char  *assessment_id,
                        const char  *capability_id,
                        int          target,
                        GError     **error)
{
  g_return_val_if_fail (MIZAN_IS_STORE (self), FALSE);
  g_return_val_if_fail (assessment_id != NULL, FALSE);
  g_return_val_if_fail (capability_id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!begin_write (self, error) ||
      !touch_assessment (self, assessment_id, error) ||
      !write_target (self, assessment_id, capability_id, target, error) ||
      !commit (self, error))
    {
      rollback (self);
      if (!error_is (error, MIZAN_STORE_ERROR_NOT_FOUND))
        g_prefix_error (error, _("Could not save the target of capability “%s”; nothing was written: "),
                        capability_id);
      return FALSE;
    }

  return TRUE;
}

static gboolean
write_profile_answer (MizanStore          *self,
                      const char          *assessment_id,
                      const char          *question_id,
                      MizanProfileAnswer   answer,
                      GError             **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (answer == MIZAN_PROFILE_UNANSWERED)
    stmt = prepare (self,
                    "DELETE FROM profile_answers WHERE assessment_id = ?1 AND question_id = ?2",
                    error);
  else
    stmt = prepare (self,
                    "INSERT INTO profile_answers (assessment_id, question_id, answer)"
                    " VALUES (?1, ?2, ?3)"
                    " ON CONFLICT (assessment_id, question_id) DO UPDATE"
                    " SET answer = excluded.answer",
                    error);
  if (stmt == NULL)
    return FALSE;

  bind_text (stmt, 1, assessment_id);
  bind_text (stmt, 2, question_id);
  if (answer != MIZAN_PROFILE_UNANSWERED)
    bind_int64 (stmt, 3, answer == MIZAN_PROFILE_YES);

  return step_done (self, stmt, error);
}

gboolean
mizan_store_set_profile_answer (MizanStore          *self,
                                const char          *assessment_id,
                                const char          *question_id,
                                MizanProfileAnswer   answer,
                                GError             **error)
{
  g_return_val_if_fail (MIZAN_IS_STORE (self), FALSE);
  g_return_val_if_fail (assessment_id != NULL, FALSE);
  g_return_val_if_fail (question_id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!begin_write (self, error) ||
      !touch_assessment (self, assessment_id, error) ||
      !write_profile_answer (self, assessment_id, question_id, answer, error) ||
      !commit (self, error))
    {
      rollback (self);
      if (!error_is (error, MIZAN_STORE_ERROR_NOT_FOUND))
        g_prefix_error (error, _("Could not save the answer to the profile question “%s”; nothing was written: "),
                        question_id);
      return FALSE;
    }

  return TRUE;
}

static gboolean
delete_in_transaction (MizanStore  *self,
                       const char  *id,
                       GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  /* Answers, targets and the submission id go with it (ON DELETE CASCADE).
   * The organization stays: other assessments may share it. */
  stmt = prepare (self, "DELETE FROM assessments WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  bind_text (stmt, 1, id);
  if (!step_done (self, stmt, error))
    return FALSE;

  if (sqlite3_changes (self->db) == 0)
    {
      set_not_found_error (self, id, error);
      return FALSE;
    }

  return TRUE;
}

gboolean
mizan_store_snapshot (MizanStore  *self,
                      const char  *operation,
                      GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (MIZAN_IS_STORE (self), FALSE);

  if (!mizan_backup_snapshot (self->path, operation, NULL, &local_error))
    {
      /* Nothing is removed without its snapshot: the caller stops here. */
      g_set_error (error, MIZAN_STORE_ERROR, MIZAN_STORE_ERROR_FAILED,
                   _("no backup snapshot could be taken first, so nothing was changed: %s"),
                   local_error->message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
delete_for_good (MizanStore  *self,
                 const char  *id,
                 GError     **error)
{
  gboolean exists = FALSE;

  if (!assessment_exists (self, id, &exists, error))
    return FALSE;
  if (!exists)
    {
      set_not_found_error (self, id, error);
      return FALSE;
    }
  return mizan_store_snapshot (self, "delete", error) &&
         delete_in_transaction (self, id, error);
}

gboolean
mizan_store_delete_assessment (MizanStore  *self,
                               const char  *id,
                               GError     **error)
{
  g_return_val_if_fail (MIZAN_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!begin_write (self, error) ||
      !delete_for_good (self, id, error) ||
      !commit (self, error))
    {
      rollback (self);
      if (!error_is (error, MIZAN_STORE_ERROR_NOT_FOUND))
        g_prefix_error (error, _("Could not delete assessment “%s”: "), id);
      return FALSE;
    }

  return TRUE;
}

/* Only the one column changes, so a trashed assessment comes back exactly
 * as it went, its sharing state included. */
static gboolean
set_deleted (MizanStore  *self,
             const char  *id,
             gboolean     to_trash,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (to_trash)
    stmt = prepare (self, "UPDATE assessments SET deleted = ?2 WHERE id = ?1 AND deleted IS NULL", error);
  else
    stmt = prepare (self, "UPDATE assessments SET deleted = NULL WHERE id = ?1 AND deleted IS NOT NULL", error);
  if (stmt == NULL)
    return FALSE;

  bind_text (stmt, 1, id);
  if (to_trash)
    bind_int64 (stmt, 2, now_seconds ());
  if (!step_done (self, stmt, error))
    return FALSE;

  if (sqlite3_changes (self->db) == 0)
    {
      if (to_trash)
        set_not_found_error (self, id, error);
      else
        g_set_error (error, MIZAN_STORE_ERROR, MIZAN_STORE_ERROR_NOT_FOUND,
                     _("There is no assessment “%s” in the Trash of the database “%s”."),
                     id, self->path);
      return FALSE;
    }
  return TRUE;
}

static gboolean
move_trash (MizanStore  *self,
            const char  *id,
            gboolean     to_trash,
            GError     **error)
{
  g_return_val_if_fail (MIZAN_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!begin_write (self, error) ||
      (to_trash && !mizan_store_snapshot (self, "trash", error)) ||
      !set_deleted (self, id, to_trash, error) ||
      !commit (self, error))
    {
      rollback (self);
      if (error_is (error, MIZAN_STORE_ERROR_NOT_FOUND))
        return FALSE;
      if (to_trash)
        g_prefix_error (error, _("Could not move assessment “%s” to the Trash: "), id);
      else
        g_prefix_error (error, _("Could not restore assessment “%s” from the Trash: "), id);
      return FALSE;
    }
  return TRUE;
}

gboolean
mizan_store_trash_assessment (MizanStore  *self,
                              const char  *id,
                              GError     **error)
{
  return move_trash (self, id, TRUE, error);
}

gboolean
mizan_store_untrash_assessment (MizanStore  *self,
                                const char  *id,
                                GError     **error)
{
  return move_trash (self, id, FALSE, error);
}

/* Everything deleted at or before @cutoff, in one transaction after one
 * snapshot; no snapshot when nothing is due. */
static gboolean
remove_trashed (MizanStore  *self,
                gint64       cutoff,
                const char  *operation,
                guint       *n_removed,
                GError     **error)
{
  g_autoptr(sqlite3_stmt) count = NULL;
  g_autoptr(sqlite3_stmt) remove = NULL;
  gint64 n = 0;
  int rc;

  if (n_removed != NULL)
    *n_removed = 0;

  if (!begin_write (self, error))
    return FALSE;

  count = prepare (self, "SELECT count(*) FROM assessments WHERE deleted IS NOT NULL AND deleted <= ?1", error);
  if (count == NULL)
    goto failed;
  bind_int64 (count, 1, cutoff);
  if ((rc = sqlite3_step (count)) != SQLITE_ROW)
    {
      set_sqlite_error (self, rc, error);
      goto failed;
    }
  n = sqlite3_column_int64 (count, 0);
  g_clear_pointer (&count, sqlite3_finalize);

  if (n > 0)
    {
      /* Answers, targets, profile, sharing and queue go with them (ON DELETE CASCADE). */
      remove = prepare (self, "DELETE FROM assessments WHERE deleted IS NOT NULL AND deleted <= ?1", error);
      if (remove == NULL)
        goto failed;
      bind_int64 (remove, 1, cutoff);
      if (!mizan_store_snapshot (self, operation, error) ||
          !step_done (self, remove, error))
        goto failed;
    }
  if (!commit (self, error))
    goto failed;

  if (n_removed != NULL)
    *n_removed = (guint) n;
  return TRUE;

failed:
  rollback (self);
  g_prefix_error (error, _("Could not remove assessments from the Trash: "));
  return FALSE;
}

gboolean
mizan_store_purge_trash (MizanStore  *self,
                         gint64       now,
                         guint       *n_purged,
                         GError     **error)
{
  g_return_val_if_fail (MIZAN_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return remove_trashed (self, now - (gint64) MIZAN_STORE_TRASH_DAYS * 24 * 60 * 60,
                         "purge", n_purged, error);
}

gboolean
mizan_store_empty_trash (MizanStore  *self,
                         guint       *n_removed,
                         GError     **error)
{
  g_return_val_if_fail (MIZAN_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return remove_trashed (self, G_MAXINT64, "empty-trash", n_removed, error);
}

guint
mizan_store_trash_days_left (gint64 deleted,
                             gint64 now)
{
  const gint64 day = 24 * 60 * 60;
  gint64 left = deleted + MIZAN_STORE_TRASH_DAYS * day - now;

  if (left <= 0)
    return 0;
  return (guint) MIN ((left + day - 1) / day, MIZAN_STORE_TRASH_DAYS);
}

static char *
submission_id_in_transaction (MizanStore  *self,
                              const char  *assessment_id,
                              GError     **error)
{
  g_autoptr(sqlite3_stmt) find = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autofree char *submission_id = NULL;
  gboolean exists = FALSE;
  int rc;

  if (!assessment_exists (self, assessment_id, &exists, error))
    return NULL;
  if (!exists)
    {
      set_not_found_error (self, assessment_id, error);
      return NULL;
    }

  find = prepare (self, "SELECT submission_id FROM submissions WHERE assessment_id = ?1", error);
  if (find == NULL)
    return NULL;

  bind_text (find, 1, assessment_id);
  rc = sqlite3_step (find);
  if (rc == SQLITE_ROW)
    return column_dup (find, 0);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, rc, error);
      return NULL;
    }

  /* Random (UUID v4) and unrelated to the assessment id, so the server
   * cannot link a submission to anything stored here. */
  submission_id = g_uuid_string_random ();

  insert = prepare (self,
                    "INSERT INTO submissions (assessment_id, submission_id) VALUES (?1, ?2)",
                    error);
  if (insert == NULL)
    return NULL;

  bind_text (insert, 1, assessment_id);
  bind_text (insert, 2, submission_id);
  if (!step_done (self, insert, error))
    return NULL;

  return g_steal_pointer (&submission_id);
}

char *
mizan_store_get_submission_id (MizanStore  *self,
                               const char  *assessment_id,
                               GError     **error)
{
  g_autofree char *submission_id = NULL;

  g_return_val_if_fail (MIZAN_IS_STORE (self), NULL);
  g_return_val_if_fail (assessment_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!begin_write (self, error) ||
      (submission_id = submission_id_in_transaction (self, assessment_id, error)) == NULL ||
      !commit (self, error))
    {
      rollback (self);
      if (!error_is (error, MIZAN_STORE_ERROR_NOT_FOUND))
        g_prefix_error (error, _("Could not get the submission id of assessment “%s”: "),
                        assessment_id);
      return NULL;
    }

  return g_steal_pointer (&submission_id);
}

/* The sync queue ---------------------------------------------------------------------------- */

void
mizan_sync_entry_free (MizanSyncEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->assessment_id);
  g_free (entry->submission_id);
  g_free (entry->payload);
  g_free (entry->last_error);
  g_free (entry);
}

static gboolean
run_write (MizanStore  *self,
           const char  *sql,
           const char  *text1,
           const char  *text2,
           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, text1);
  if (text2 != NULL)
    bind_text (stmt, 2, text2);
  return step_done (self, stmt, error);
}

gboolean
mizan_store_queue_put (MizanStore            *self,
                       const MizanSyncEntry  *entry,
                       GError               **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (MIZAN_IS_STORE (self), FALSE);
  g_return_val_if_fail (entry != NULL && entry->assessment_id != NULL && entry->submission_id != NULL, FALSE);

  stmt = prepare (self,
                  "INSERT OR REPLACE INTO sync_queue (assessment_id, action, submission_id, payload,"
                  " attempts, next_attempt, last_error) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                  error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, entry->assessment_id);
  bind_text (stmt, 2, entry->action == MIZAN_SYNC_ACTION_WITHDRAW ? "withdraw" : "send");
  bind_text (stmt, 3, entry->submission_id);
  bind_text (stmt, 4, entry->payload);
  bind_int64 (stmt, 5, entry->attempts);
  bind_int64 (stmt, 6, entry->next_attempt);
  bind_text (stmt, 7, entry->last_error);
  if (!step_done (self, stmt, error))
    {
      g_prefix_error (error, _("Could not queue the submission: "));
      return FALSE;
    }
  return TRUE;
}

static MizanSyncEntry *
read_entry (sqlite3_stmt *stmt)
{
  MizanSyncEntry *entry = g_new0 (MizanSyncEntry, 1);

  entry->assessment_id = column_dup (stmt, 0);
  entry->action = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 1), "withdraw") == 0
                  ? MIZAN_SYNC_ACTION_WITHDRAW : MIZAN_SYNC_ACTION_SEND;
  entry->submission_id = column_dup (stmt, 2);
  entry->payload = column_dup (stmt, 3);
  entry->attempts = (guint) sqlite3_column_int64 (stmt, 4);
  entry->next_attempt = sqlite3_column_int64 (stmt, 5);
  entry->last_error = column_dup (stmt, 6);
  return entry;
}

#define ENTRY_COLUMNS "assessment_id, action, submission_id, payload, attempts, next_attempt, last_error"

GPtrArray *
mizan_store_queue_list (MizanStore  *self,
                        GError     **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) mizan_sync_entry_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (MIZAN_IS_STORE (self), NULL);

  /* A send waits while its assessment is in the Trash; a withdrawal does not. */
  stmt = prepare (self, "SELECT " ENTRY_COLUMNS " FROM sync_queue"
                  " WHERE action = 'withdraw' OR assessment_id NOT IN"
                  "  (SELECT id FROM assessments WHERE deleted IS NOT NULL)"
                  " ORDER BY next_attempt, assessment_id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, read_entry (stmt));
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

MizanSyncEntry *
mizan_store_queue_get (MizanStore  *self,
                       const char  *assessment_id,
                       GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (MIZAN_IS_STORE (self), NULL);

  stmt = prepare (self, "SELECT " ENTRY_COLUMNS " FROM sync_queue WHERE assessment_id = ?1"
                  " ORDER BY action = 'send' DESC LIMIT 1", error);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, assessment_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return read_entry (stmt);
  if (rc != SQLITE_DONE)
    set_sqlite_error (self, rc, error);
  return NULL;
}

gboolean
mizan_store_queue_remove (MizanStore  *self,
                          const char  *submission_id,
                          GError     **error)
{
  g_return_val_if_fail (MIZAN_IS_STORE (self), FALSE);
  return run_write (self, "DELETE FROM sync_queue WHERE submission_id = ?1", submission_id, NULL, error);
}

gboolean
mizan_store_set_delivered (MizanStore  *self,
                           const char  *assessment_id,
                           gint64       when,
                           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (MIZAN_IS_STORE (self), FALSE);

  stmt = prepare (self, "UPDATE submissions SET delivered = ?2 WHERE assessment_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, assessment_id);
  bind_int64 (stmt, 2, when);
  return step_done (self, stmt, error);
}

gboolean
mizan_store_get_sharing (MizanStore  *self,
                         const char  *assessment_id,
                         char       **submission_id,
                         gint64      *delivered,
                         GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (MIZAN_IS_STORE (self), FALSE);

  *submission_id = NULL;
  *delivered = 0;
  stmt = prepare (self, "SELECT submission_id, coalesce (delivered, 0) FROM submissions WHERE assessment_id = ?1",
                  error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, assessment_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *submission_id = column_dup (stmt, 0);
      *delivered = sqlite3_column_int64 (stmt, 1);
      return TRUE;
    }
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

gboolean
mizan_store_forget_submission (MizanStore  *self,
                               const char  *assessment_id,
                               GError     **error)
{
  g_return_val_if_fail (MIZAN_IS_STORE (self), FALSE);

  if (!begin_write (self, error) ||
      !run_write (self, "DELETE FROM sync_queue WHERE submission_id IN"
                        " (SELECT submission_id FROM submissions WHERE assessment_id = ?1)",
                  assessment_id, NULL, error) ||
      !run_write (self, "DELETE FROM submissions WHERE assessment_id = ?1", assessment_id, NULL, error) ||
      !commit (self, error))
    {
      rollback (self);
      g_prefix_error (error, _("Could not clear the sharing state of assessment “%s”: "), assessment_id);
      return FALSE;
    }
  return TRUE;
}
