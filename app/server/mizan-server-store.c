/* mizan-server-store.c — the benchmark server's SQLite database: tokens and submissions
 * One connection for tokens and loading (shared by the HTTP workers under a lock), one for the writer thread (group commit, synchronous=FULL). */

#include "config.h"

#include <inttypes.h>

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#if HAVE_INOTIFY
#include <poll.h>
#include <sys/inotify.h>
#endif

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "mizan-server-store.h"

G_DEFINE_QUARK (mizan-server-store-error-quark, mizan_server_store_error)

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

/* "MZNS" — a file made by mizan-server, not the desktop app's database. */
#define STORE_APPLICATION_ID 0x4D5A4E53
#define STORE_VERSION 1
#define BUSY_TIMEOUT_MS 10000
/* Enough to amortize one fsync over many requests, small enough to keep
 * the latency of the first in the batch low. */
#define MAX_BATCH 512

typedef enum {
  OP_PUT,
  OP_DELETE,
  OP_STOP,
} OpKind;

typedef struct {
  OpKind  kind;
  GTask  *task;
  MizanServerSubmission *submission;   /* put */
  char   *id;
  char   *country;
  char   *framework;
  char   *version;
  char   *sector;
  char   *size;
  char   *period;
  GBytes *figures;
  char   *payload;
} Op;

struct _MizanServerStore
{
  GObject       parent_instance;

  char         *path;
  /* The HTTP workers share db for token lookups, one at a time: lock
   * covers db, find_token and starting the writer. */
  GMutex        lock;
  sqlite3      *db;
  sqlite3_stmt *find_token; /* on db, prepared once: every request looks up its token */
  /* Tokens found, by hash (MizanServerToken), while no process has written
   * to the database's folder since: see mizan_server_store_find_token().
   * cache_lock covers token_cache and reading watch_fd's events. */
  GRWLock       cache_lock;
  GHashTable   *token_cache;
  int           watch_fd;      /* inotify on the folder, or -1 */
  gboolean      watch_tried;
  int           watch_ok;      /* atomic: TRUE while its events can be trusted */
  sqlite3      *writer_db; /* writer thread */
  GThread      *writer;
  GAsyncQueue  *queue;     /* Op */
  guint         pending;   /* atomic */
  MizanServerStoreCommitFunc commit_func;
  gpointer      commit_data;
};

G_DEFINE_FINAL_TYPE (MizanServerStore, mizan_server_store, G_TYPE_OBJECT)

static void
op_free (Op *op)
{
  g_clear_object (&op->task);
  g_clear_pointer (&op->submission, mizan_server_submission_free);
  g_free (op->id);
  g_free (op->country);
  g_free (op->framework);
  g_free (op->version);
  g_free (op->sector);
  g_free (op->size);
  g_free (op->period);
  g_clear_pointer (&op->figures, g_bytes_unref);
  g_free (op->payload);
  g_free (op);
}

const char *
mizan_server_role_to_string (MizanServerRole role)
{
  return role == MIZAN_SERVER_ROLE_ANALYST ? "analyst" : "submitter";
}

gboolean
mizan_server_role_from_string (const char      *text,
                               MizanServerRole *role)
{
  if (g_strcmp0 (text, "submitter") == 0)
    *role = MIZAN_SERVER_ROLE_SUBMITTER;
  else if (g_strcmp0 (text, "analyst") == 0)
    *role = MIZAN_SERVER_ROLE_ANALYST;
  else
    return FALSE;
  return TRUE;
}

void
mizan_server_token_free (MizanServerToken *token)
{
  if (token == NULL)
    return;
  g_free (token->country);
  g_free (token);
}

static gboolean
set_sqlite_error (sqlite3     *db,
                  const char  *doing,
                  GError     **error)
{
  g_set_error (error, MIZAN_SERVER_STORE_ERROR, MIZAN_SERVER_STORE_ERROR_FAILED,
               _("The database failed while %s: %s."), doing, sqlite3_errmsg (db));
  return FALSE;
}

static gboolean
exec (sqlite3     *db,
      const char  *sql,
      GError     **error)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    {
      g_set_error (error, MIZAN_SERVER_STORE_ERROR, MIZAN_SERVER_STORE_ERROR_FAILED,
                   _("The database failed: %s."), message ? message : sqlite3_errmsg (db));
      sqlite3_free (message);
      return FALSE;
    }
  return TRUE;
}

static sqlite3_stmt *
prepare (sqlite3     *db,
         const char  *sql,
         GError     **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      set_sqlite_error (db, "preparing a statement", error);
      return NULL;
    }
  return stmt;
}

/* Opening ----------------------------------------------------------------- */

/* Tokens' hashes and submissions: only the server's user may read them. */
static gboolean
ensure_file (const char  *path,
             GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  if (!g_file_test (dir, G_FILE_TEST_IS_DIR) &&
      (g_mkdir_with_parents (dir, 0700) != 0 || g_chmod (dir, 0700) != 0))
    {
      int saved_errno = errno;

      g_set_error (error, MIZAN_SERVER_STORE_ERROR, MIZAN_SERVER_STORE_ERROR_OPEN,
                   _("Could not create the folder “%s” for the database: %s."),
                   dir, g_strerror (saved_errno));
      return FALSE;
    }

  fd = open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd >= 0)
    {
      int rc = fchmod (fd, 0600);

      close (fd);
      if (rc != 0)
        {
          g_set_error (error, MIZAN_SERVER_STORE_ERROR, MIZAN_SERVER_STORE_ERROR_OPEN,
                       _("Could not restrict the permissions of “%s”: %s."), path, g_strerror (errno));
          return FALSE;
        }
    }
  else if (errno != EEXIST)
    {
      g_set_error (error, MIZAN_SERVER_STORE_ERROR, MIZAN_SERVER_STORE_ERROR_OPEN,
                   _("Could not create the database “%s”: %s."), path, g_strerror (errno));
      return FALSE;
    }
  return TRUE;
}

static sqlite3 *
open_connection (const char  *path,
                 gboolean     writer,
                 GError     **error)
{
  sqlite3 *db = NULL;
  int rc;

  /* FULLMUTEX: harmless, and each connection stays on one thread anyway. */
  rc = sqlite3_open_v2 (path, &db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX | SQLITE_OPEN_EXRESCODE, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, MIZAN_SERVER_STORE_ERROR, MIZAN_SERVER_STORE_ERROR_OPEN,
                   _("Could not open the database “%s”: %s."), path,
                   db ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
      sqlite3_close (db);
      return NULL;
    }

  sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);
  /* FULL: a 2xx answer means the submission is on disk, power cut or not. */
  if (!exec (db, writer ? "PRAGMA synchronous = FULL;" : "PRAGMA synchronous = FULL; PRAGMA journal_mode = WAL;", error))
    {
      g_prefix_error (error, "%s: ", path);
      sqlite3_close (db);
      return NULL;
    }
  return db;
}

static const char schema_sql[] =
  "CREATE TABLE tokens ("
  "  id INTEGER PRIMARY KEY,"
  "  hash BLOB NOT NULL UNIQUE,"
  "  role TEXT NOT NULL CHECK (role IN ('submitter', 'analyst')),"
  "  country TEXT,"
  "  created INTEGER NOT NULL,"
  "  revoked INTEGER"
  ");"
  /* No token, time or address is kept with a submission, and no rowid: the
   * table, ordered by random ids, does not even keep the order of arrival. */
  "CREATE TABLE submissions ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  framework TEXT NOT NULL,"
  "  version TEXT NOT NULL,"
  "  country TEXT NOT NULL,"
  "  sector TEXT NOT NULL,"
  "  size TEXT NOT NULL,"
  "  period TEXT NOT NULL,"
  /* Before the payload, so that reading it does not walk overflow pages. */
  "  figures BLOB NOT NULL,"
  "  payload TEXT NOT NULL"
  ") WITHOUT ROWID;"
  "PRAGMA application_id = " G_STRINGIFY (STORE_APPLICATION_ID) ";"
  "PRAGMA user_version = " G_STRINGIFY (STORE_VERSION) ";";

static gboolean
ensure_schema (MizanServerStore  *self,
               GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 application_id, version, n_objects;

  /* IMMEDIATE: a `token create` racing the first start creates it once. */
  if (!exec (self->db, "BEGIN IMMEDIATE", error))
    return FALSE;

  stmt = prepare (self->db,
                  "SELECT (SELECT application_id FROM pragma_application_id ()),"
                  "       (SELECT user_version FROM pragma_user_version ()),"
                  "       (SELECT count(*) FROM sqlite_schema)", error);
  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    {
      if (stmt != NULL)
        set_sqlite_error (self->db, "reading its header", error);
      exec (self->db, "ROLLBACK", NULL);
      return FALSE;
    }
  application_id = sqlite3_column_int64 (stmt, 0);
  version = sqlite3_column_int64 (stmt, 1);
  n_objects = sqlite3_column_int64 (stmt, 2);
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (application_id == 0 && version == 0 && n_objects == 0)
    {
      if (!exec (self->db, schema_sql, error) || !exec (self->db, "COMMIT", error))
        {
          exec (self->db, "ROLLBACK", NULL);
          return FALSE;
        }
      return TRUE;
    }

  exec (self->db, "ROLLBACK", NULL);
  if (application_id != STORE_APPLICATION_ID)
    {
      g_set_error (error, MIZAN_SERVER_STORE_ERROR, MIZAN_SERVER_STORE_ERROR_FOREIGN,
                   _("“%s” is not a mizan-server database."), self->path);
      return FALSE;
    }
  if (version > STORE_VERSION)
    {
      g_set_error (error, MIZAN_SERVER_STORE_ERROR, MIZAN_SERVER_STORE_ERROR_FOREIGN,
                   _("“%s” was made by a newer mizan-server (schema %" PRId64 "); "
                     "this one knows schema %d."), self->path, version, STORE_VERSION);
      return FALSE;
    }
  /* Migrations from older schemas go here, in order, when there are any. */
  return TRUE;
}

char *
mizan_server_store_get_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "mizan-server", "mizan-server.db", NULL);
}

MizanServerStore *
mizan_server_store_open (const char  *path,
                         GError     **error)
{
  g_autoptr(MizanServerStore) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (MIZAN_TYPE_SERVER_STORE, NULL);
  self->path = g_strdup (path);

  if (!ensure_file (path, error) ||
      (self->db = open_connection (path, FALSE, error)) == NULL ||
      !ensure_schema (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

/* The writer thread ------------------------------------------------------- */

static gboolean
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  return sqlite3_bind_text (stmt, index, text, -1, SQLITE_STATIC) == SQLITE_OK;
}

/* The country a stored submission belongs to, or NULL; FALSE on failure. */
static gboolean
lookup_country (sqlite3     *db,
                const char  *id,
                char       **country,
                GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = prepare (db, "SELECT country FROM submissions WHERE id = ?1", error);
  int rc;

  *country = NULL;
  if (stmt == NULL || !bind_text (stmt, 1, id))
    return stmt == NULL ? FALSE : set_sqlite_error (db, "looking up a submission", error);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *country = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  else if (rc != SQLITE_DONE)
    return set_sqlite_error (db, "looking up a submission", error);
  return TRUE;
}

static gboolean
apply_op (sqlite3                *db,
          Op                     *op,
          MizanServerWriteResult *outcome,
          GError                **error)
{
  g_autofree char *owner = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!lookup_country (db, op->id, &owner, error))
    return FALSE;

  if (op->kind == OP_DELETE)
    {
      /* Another country's id answers as if it did not exist: no oracle. */
      if (owner == NULL || strcmp (owner, op->country) != 0)
        {
          *outcome = MIZAN_SERVER_WRITE_NOT_FOUND;
          return TRUE;
        }
      stmt = prepare (db, "DELETE FROM submissions WHERE id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      bind_text (stmt, 1, op->id);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        return set_sqlite_error (db, "deleting a submission", error);
      *outcome = MIZAN_SERVER_WRITE_DELETED;
      return TRUE;
    }

  if (owner != NULL && strcmp (owner, op->country) != 0)
    {
      *outcome = MIZAN_SERVER_WRITE_FORBIDDEN;
      return TRUE;
    }

  stmt = prepare (db,
                  owner != NULL
                  ? "UPDATE submissions SET framework = ?2, version = ?3, country = ?4, sector = ?5,"
                    " size = ?6, period = ?7, payload = ?8, figures = ?9 WHERE id = ?1"
                  : "INSERT INTO submissions (id, framework, version, country, sector, size, period, payload, figures)"
                    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                  error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, op->id);
  bind_text (stmt, 2, op->framework);
  bind_text (stmt, 3, op->version);
  bind_text (stmt, 4, op->country);
  bind_text (stmt, 5, op->sector);
  bind_text (stmt, 6, op->size);
  bind_text (stmt, 7, op->period);
  bind_text (stmt, 8, op->payload);
  sqlite3_bind_blob (stmt, 9, g_bytes_get_data (op->figures, NULL), (int) g_bytes_get_size (op->figures), SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return set_sqlite_error (db, "storing a submission", error);

  *outcome = owner != NULL ? MIZAN_SERVER_WRITE_REPLACED : MIZAN_SERVER_WRITE_CREATED;
  return TRUE;
}

/* One transaction for the whole batch: its fsync is shared by every request
 * in it, and each request is answered only after the commit. */
static void
commit_batch (MizanServerStore *self,
              GPtrArray        *batch)
{
  g_autofree MizanServerWriteResult *outcomes = g_new0 (MizanServerWriteResult, batch->len);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = exec (self->writer_db, "BEGIN IMMEDIATE", &error);
  for (guint i = 0; ok && i < batch->len; i++)
    ok = apply_op (self->writer_db, g_ptr_array_index (batch, i), &outcomes[i], &error);
  if (ok)
    ok = exec (self->writer_db, "COMMIT", &error);
  if (!ok)
    exec (self->writer_db, "ROLLBACK", NULL);

  /* Before any answer: whoever is told "stored" finds it in the figures. */
  for (guint i = 0; ok && self->commit_func != NULL && i < batch->len; i++)
    {
      Op *op = g_ptr_array_index (batch, i);

      self->commit_func (outcomes[i], op->id, &op->submission, self->commit_data);
    }

  for (guint i = 0; i < batch->len; i++)
    {
      Op *op = g_ptr_array_index (batch, i);

      /* Counted down first: the answer may reach the main thread at once, and
       * a stop waiting there for the last write must see it done. */
      g_atomic_int_dec_and_test (&self->pending);
      if (ok)
        g_task_return_int (op->task, outcomes[i]);
      else
        g_task_return_error (op->task, g_error_copy (error));
    }
}

static gpointer
writer_main (gpointer data)
{
  MizanServerStore *self = data;
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func ((GDestroyNotify) op_free);
  gboolean stop = FALSE;

  while (!stop)
    {
      Op *op = g_async_queue_pop (self->queue);

      do
        {
          if (op->kind == OP_STOP)
            {
              stop = TRUE;
              op_free (op);
            }
          else
            g_ptr_array_add (batch, op);
        }
      while (!stop && batch->len < MAX_BATCH && (op = g_async_queue_try_pop (self->queue)) != NULL);

      if (batch->len > 0)
        commit_batch (self, batch);
      g_ptr_array_set_size (batch, 0);
    }
  return NULL;
}

/* Called with self->lock held. */
static gboolean
ensure_writer (MizanServerStore  *self,
               GError           **error)
{
  if (self->writer != NULL)
    return TRUE;
  if (self->db == NULL)
    {
      g_set_error_literal (error, MIZAN_SERVER_STORE_ERROR, MIZAN_SERVER_STORE_ERROR_CLOSED,
                           _("The database is closed."));
      return FALSE;
    }

  self->writer_db = open_connection (self->path, TRUE, error);
  if (self->writer_db == NULL)
    return FALSE;
  self->writer = g_thread_new ("mizan-writer", writer_main, self);
  return TRUE;
}

static void
push_op (MizanServerStore    *self,
         Op                  *op,
         GCancellable        *cancellable,
         GAsyncReadyCallback  callback,
         gpointer             user_data)
{
  g_autoptr(GError) error = NULL;
  gboolean started;

  /* The answer comes back on the calling thread's main context. */
  op->task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (op->task, mizan_server_store_put_async);
  /* Not cancellable once queued: a commit cannot be taken back. */
  g_task_set_check_cancellable (op->task, FALSE);

  g_mutex_lock (&self->lock);
  started = ensure_writer (self, &error);
  g_mutex_unlock (&self->lock);
  if (!started)
    {
      g_task_return_error (op->task, g_steal_pointer (&error));
      op_free (op);
      return;
    }

  g_atomic_int_inc (&self->pending);
  g_async_queue_push (self->queue, op);
}

void
mizan_server_store_set_commit_func (MizanServerStore           *self,
                                    MizanServerStoreCommitFunc  func,
                                    gpointer                    user_data)
{
  g_return_if_fail (MIZAN_IS_SERVER_STORE (self));
  g_return_if_fail (self->writer == NULL);

  self->commit_func = func;
  self->commit_data = user_data;
}

void
mizan_server_store_put_async (MizanServerStore            *self,
                              MizanServerSubmission       *submission,
                              GCancellable                *cancellable,
                              GAsyncReadyCallback          callback,
                              gpointer                     user_data)
{
  Op *op;

  g_return_if_fail (MIZAN_IS_SERVER_STORE (self));
  g_return_if_fail (submission != NULL && submission->payload != NULL);

  op = g_new0 (Op, 1);
  op->kind = OP_PUT;
  op->id = g_strdup (submission->id);
  op->country = g_strdup (submission->country);
  op->framework = g_strdup (mizan_framework_get_id (submission->framework));
  op->version = g_strdup (mizan_framework_get_version (submission->framework));
  op->sector = g_strdup (submission->sector);
  op->size = g_strdup (submission->size);
  op->period = g_strdup (submission->period);
  op->payload = g_strdup (submission->payload);
  op->figures = mizan_server_submission_pack_figures (submission);
  op->submission = submission;
  push_op (self, op, cancellable, callback, user_data);
}

void
mizan_server_store_delete_async (MizanServerStore    *self,
                                 const char          *id,
                                 const char          *country,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  Op *op;

  g_return_if_fail (MIZAN_IS_SERVER_STORE (self));
  g_return_if_fail (id != NULL && country != NULL);

  op = g_new0 (Op, 1);
  op->kind = OP_DELETE;
  op->id = g_strdup (id);
  op->country = g_strdup (country);
  push_op (self, op, cancellable, callback, user_data);
}

gboolean
mizan_server_store_write_finish (MizanServerStore        *self,
                                 GAsyncResult            *result,
                                 MizanServerWriteResult  *outcome,
                                 GError                 **error)
{
  g_autoptr(GError) local_error = NULL;
  gssize value;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  value = g_task_propagate_int (G_TASK (result), &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  *outcome = (MizanServerWriteResult) value;
  return TRUE;
}

guint
mizan_server_store_get_pending (MizanServerStore *self)
{
  g_return_val_if_fail (MIZAN_IS_SERVER_STORE (self), 0);

  return (guint) g_atomic_int_get (&self->pending);
}

void
mizan_server_store_close (MizanServerStore *self)
{
  g_return_if_fail (MIZAN_IS_SERVER_STORE (self));

  if (self->writer != NULL)
    {
      Op *stop = g_new0 (Op, 1);

      /* Behind every queued write: those are committed first. */
      stop->kind = OP_STOP;
      g_async_queue_push (self->queue, stop);
      g_thread_join (g_steal_pointer (&self->writer));
    }
  g_clear_pointer (&self->writer_db, sqlite3_close);
  g_clear_pointer (&self->find_token, sqlite3_finalize);
  g_clear_pointer (&self->db, sqlite3_close);
  g_clear_pointer (&self->token_cache, g_hash_table_unref);
  g_atomic_int_set (&self->watch_ok, FALSE);
  if (self->watch_fd >= 0)
    close (self->watch_fd);
  self->watch_fd = -1;
}

/* Tokens ------------------------------------------------------------------ */

static gboolean
check_open (MizanServerStore  *self,
            GError           **error)
{
  if (self->db != NULL)
    return TRUE;
  g_set_error_literal (error, MIZAN_SERVER_STORE_ERROR, MIZAN_SERVER_STORE_ERROR_CLOSED,
                       _("The database is closed."));
  return FALSE;
}

gint64
mizan_server_store_add_token (MizanServerStore  *self,
                              const guint8      *hash,
                              MizanServerRole    role,
                              const char        *country,
                              GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (MIZAN_IS_SERVER_STORE (self), 0);
  g_return_val_if_fail (hash != NULL, 0);

  if (!check_open (self, error))
    return 0;
  stmt = prepare (self->db, "INSERT INTO tokens (hash, role, country, created) VALUES (?1, ?2, ?3, ?4)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_blob (stmt, 1, hash, MIZAN_SERVER_TOKEN_HASH_SIZE, SQLITE_STATIC);
  bind_text (stmt, 2, mizan_server_role_to_string (role));
  if (country != NULL)
    bind_text (stmt, 3, country);
  sqlite3_bind_int64 (stmt, 4, g_get_real_time () / G_USEC_PER_SEC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      set_sqlite_error (self->db, "storing the token", error);
      return 0;
    }
  return sqlite3_last_insert_rowid (self->db);
}

static MizanServerToken *
token_from_row (sqlite3_stmt *stmt)
{
  MizanServerToken *token = g_new0 (MizanServerToken, 1);

  token->id = sqlite3_column_int64 (stmt, 0);
  if (!mizan_server_role_from_string ((const char *) sqlite3_column_text (stmt, 1), &token->role))
    token->role = MIZAN_SERVER_ROLE_SUBMITTER;
  token->country = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  token->created = sqlite3_column_int64 (stmt, 3);
  token->revoked = sqlite3_column_int64 (stmt, 4);
  return token;
}

static MizanServerToken *
token_copy (const MizanServerToken *token)
{
  MizanServerToken *copy = g_memdup2 (token, sizeof *token);

  copy->country = g_strdup (token->country);
  return copy;
}

static guint
hash_hash (gconstpointer key)
{
  guint value;

  /* A SHA-256: any four of its bytes are as good a hash as any. */
  memcpy (&value, key, sizeof value);
  return value;
}

static gboolean
hash_equal (gconstpointer a,
            gconstpointer b)
{
  return memcmp (a, b, MIZAN_SERVER_TOKEN_HASH_SIZE) == 0;
}

static void
watch_folder (MizanServerStore *self)
{
#if HAVE_INOTIFY
  g_autofree char *folder = g_path_get_dirname (self->path);

  self->watch_tried = TRUE;
  self->watch_fd = inotify_init1 (IN_NONBLOCK | IN_CLOEXEC);
  if (self->watch_fd >= 0 &&
      inotify_add_watch (self->watch_fd, folder,
                         IN_MODIFY | IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO |
                         IN_DELETE_SELF | IN_MOVE_SELF) >= 0)
    {
      g_atomic_int_set (&self->watch_ok, TRUE);
      return;
    }
  g_warning ("Cannot watch %s for changes (%s); every request reads the token table", folder, g_strerror (errno));
  if (self->watch_fd >= 0)
    close (self->watch_fd);
  self->watch_fd = -1;
#else
  self->watch_tried = TRUE;
#endif
}

/* Without a lock: whether events wait to be read (or none can be trusted). */
static gboolean
watch_has_news (MizanServerStore *self)
{
#if HAVE_INOTIFY
  struct pollfd pfd = { .fd = self->watch_fd, .events = POLLIN };

  if (!g_atomic_int_get (&self->watch_ok))
    return TRUE;
  return poll (&pfd, 1, 0) != 0;
#else
  return TRUE;
#endif
}

/* Reads the events waiting; TRUE when there were any, or when the watch
 * can no longer be trusted. Called with cache_lock held for writing. */
static gboolean
watch_drain (MizanServerStore *self)
{
#if HAVE_INOTIFY
  char events[4096] __attribute__ ((aligned (__alignof__ (struct inotify_event))));
  gboolean news = FALSE;
  ssize_t n;

  if (!self->watch_tried)
    {
      watch_folder (self);
      return TRUE;
    }
  if (!g_atomic_int_get (&self->watch_ok))
    return TRUE;

  while ((n = read (self->watch_fd, events, sizeof events)) > 0)
    {
      news = TRUE;
      for (char *p = events; p < events + n; )
        {
          const struct inotify_event *event = (const struct inotify_event *) p;

          /* The folder itself went away or moved: nothing more will be seen. */
          if (event->mask & (IN_IGNORED | IN_DELETE_SELF | IN_MOVE_SELF))
            g_atomic_int_set (&self->watch_ok, FALSE);
          p += sizeof *event + event->len;
        }
    }
  if (n < 0 && errno != EAGAIN && errno != EINTR)
    g_atomic_int_set (&self->watch_ok, FALSE);
  return news || !g_atomic_int_get (&self->watch_ok);
#else
  return TRUE;
#endif
}

static MizanServerToken *
read_token (MizanServerStore  *self,
            const guint8      *hash,
            GError           **error)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->lock);
  MizanServerToken *token = NULL;
  sqlite3_stmt *stmt;
  int rc;

  if (!check_open (self, error))
    return NULL;
  if (self->find_token == NULL &&
      sqlite3_prepare_v3 (self->db, "SELECT id, role, country, created, coalesce (revoked, 0) FROM tokens WHERE hash = ?1",
                          -1, SQLITE_PREPARE_PERSISTENT, &self->find_token, NULL) != SQLITE_OK)
    {
      set_sqlite_error (self->db, "preparing a statement", error);
      return NULL;
    }
  stmt = self->find_token;
  sqlite3_bind_blob (stmt, 1, hash, MIZAN_SERVER_TOKEN_HASH_SIZE, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    token = token_from_row (stmt);
  else if (rc != SQLITE_DONE)
    set_sqlite_error (self->db, "looking up a token", error);
  sqlite3_reset (stmt);
  return token;
}

/* The tokens found are kept, until a change to the database's folder.
 * A `token revoke` (or create) in another process writes there, and
 * inotify queues the event in the kernel as the write happens, so the
 * first lookup after it sees it. A lookup between that process's first
 * write and its commit may keep what it is replacing; its closing of the
 * files queues events once more, so at the latest a lookup after the
 * command has ended reads the table again.
 *
 * The check for events takes no lock, and a kept token is read under the
 * reader lock: workers do not wait for each other. Events are drained, and
 * the table read, under the writer lock, so a lookup that finds no events
 * (drained by another) waits for the one that drains to have refreshed. */
MizanServerToken *
mizan_server_store_find_token (MizanServerStore  *self,
                               const guint8      *hash,
                               GError           **error)
{
  g_autoptr(GRWLockWriterLocker) locker = NULL;
  MizanServerToken *token = NULL;
  MizanServerToken *cached;

  g_return_val_if_fail (MIZAN_IS_SERVER_STORE (self), NULL);

  if (!watch_has_news (self))
    {
      g_rw_lock_reader_lock (&self->cache_lock);
      if (self->token_cache != NULL && (cached = g_hash_table_lookup (self->token_cache, hash)) != NULL)
        token = token_copy (cached);
      g_rw_lock_reader_unlock (&self->cache_lock);
      if (token != NULL)
        return token;
    }

  locker = g_rw_lock_writer_locker_new (&self->cache_lock);
  if (watch_drain (self))
    g_clear_pointer (&self->token_cache, g_hash_table_unref);
  else if (self->token_cache != NULL && (cached = g_hash_table_lookup (self->token_cache, hash)) != NULL)
    return token_copy (cached);

  token = read_token (self, hash, error);
  /* Only tokens that exist: their number is the operator's to decide, and
   * an unknown one must be looked for again once it is created. */
  if (token != NULL && g_atomic_int_get (&self->watch_ok))
    {
      if (self->token_cache == NULL)
        self->token_cache = g_hash_table_new_full (hash_hash, hash_equal, g_free,
                                                   (GDestroyNotify) mizan_server_token_free);
      g_hash_table_replace (self->token_cache, g_memdup2 (hash, MIZAN_SERVER_TOKEN_HASH_SIZE), token_copy (token));
    }
  return token;
}

GPtrArray *
mizan_server_store_list_tokens (MizanServerStore  *self,
                                GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) tokens = g_ptr_array_new_with_free_func ((GDestroyNotify) mizan_server_token_free);
  int rc;

  g_return_val_if_fail (MIZAN_IS_SERVER_STORE (self), NULL);

  if (!check_open (self, error))
    return NULL;
  stmt = prepare (self->db, "SELECT id, role, country, created, coalesce (revoked, 0) FROM tokens ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (tokens, token_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self->db, "listing tokens", error);
      return NULL;
    }
  return g_steal_pointer (&tokens);
}

gboolean
mizan_server_store_revoke_token (MizanServerStore  *self,
                                 gint64             id,
                                 GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (MIZAN_IS_SERVER_STORE (self), FALSE);

  if (!check_open (self, error))
    return FALSE;
  /* Revoking twice keeps the first time. */
  stmt = prepare (self->db, "UPDATE tokens SET revoked = coalesce (revoked, ?2) WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, g_get_real_time () / G_USEC_PER_SEC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return set_sqlite_error (self->db, "revoking the token", error);
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, MIZAN_SERVER_STORE_ERROR, MIZAN_SERVER_STORE_ERROR_NOT_FOUND,
                   _("There is no token with id %" PRId64 "."), id);
      return FALSE;
    }
  return TRUE;
}

/* Submissions ------------------------------------------------------------- */

const char *
mizan_server_stored_row_get_payload (const MizanServerStoredRow *row)
{
  const char *payload = (const char *) sqlite3_column_text (row->statement, 8);

  return payload != NULL ? payload : "";
}

gboolean
mizan_server_store_foreach_submission (MizanServerStore         *self,
                                       MizanServerStoreRowFunc   func,
                                       gpointer                  user_data,
                                       GError                  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (MIZAN_IS_SERVER_STORE (self), FALSE);

  if (!check_open (self, error))
    return FALSE;
  stmt = prepare (self->db,
                  "SELECT id, framework, version, country, sector, size, period, figures, payload FROM submissions",
                  error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      MizanServerStoredRow row;

      row.id = (const char *) sqlite3_column_text (stmt, 0);
      row.framework = (const char *) sqlite3_column_text (stmt, 1);
      row.version = (const char *) sqlite3_column_text (stmt, 2);
      row.country = (const char *) sqlite3_column_text (stmt, 3);
      row.sector = (const char *) sqlite3_column_text (stmt, 4);
      row.size = (const char *) sqlite3_column_text (stmt, 5);
      row.period = (const char *) sqlite3_column_text (stmt, 6);
      row.figures = sqlite3_column_blob (stmt, 7);
      row.figures_length = (gsize) sqlite3_column_bytes (stmt, 7);
      row.statement = stmt;
      if (!func (&row, user_data))
        return TRUE;
    }
  if (rc != SQLITE_DONE)
    return set_sqlite_error (self->db, "reading submissions", error);
  return TRUE;
}

/* GObject ----------------------------------------------------------------- */

static void
mizan_server_store_finalize (GObject *object)
{
  MizanServerStore *self = MIZAN_SERVER_STORE (object);

  mizan_server_store_close (self);
  g_clear_pointer (&self->queue, g_async_queue_unref);
  g_free (self->path);
  g_mutex_clear (&self->lock);
  g_rw_lock_clear (&self->cache_lock);

  G_OBJECT_CLASS (mizan_server_store_parent_class)->finalize (object);
}

static void
mizan_server_store_class_init (MizanServerStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mizan_server_store_finalize;
}

static void
mizan_server_store_init (MizanServerStore *self)
{
  self->queue = g_async_queue_new ();
  g_mutex_init (&self->lock);
  g_rw_lock_init (&self->cache_lock);
  self->watch_fd = -1;
}
