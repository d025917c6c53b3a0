/* mizan-backup.c — rolling backups of the assessment database, snapshots, and restoring one
 * Backups are whole SQLite files beside the database; nothing here ever overwrites the only copy of anything. */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "mizan-backup.h"
#include "mizan-backup-private.h"
#include "mizan-store.h"

#define DAILY_PREFIX "mizan-"
#define ASIDE_PREFIX "mizan-before-restore-"
#define SNAPSHOT_PREFIX "mizan-snapshot-"
#define SUFFIX ".db"
/* Beside the database while a restore is under way: the incoming copy, and
 * the name the current file is being moved to (written before it moves). */
#define INCOMING_SUFFIX ".restoring"
#define MARKER_SUFFIX ".restoring-aside"

G_DEFINE_QUARK (mizan-backup-error-quark, mizan_backup_error)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

void
mizan_backup_info_free (MizanBackupInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->path);
  g_free (info->name);
  g_free (info->operation);
  g_free (info);
}

char *
mizan_backup_get_dir (const char *db_path)
{
  g_autofree char *dir = g_path_get_dirname (db_path);

  return g_build_filename (dir, "backups", NULL);
}

static gboolean
ensure_dir (const char  *dir,
            GError     **error)
{
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, MIZAN_BACKUP_ERROR, MIZAN_BACKUP_ERROR_FAILED,
                   _("Could not create the backup folder “%s”: %s."), dir, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

static void
set_sqlite_error (sqlite3     *db,
                  int          rc,
                  const char  *what,
                  const char  *path,
                  GError     **error)
{
  const char *message = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);

  if ((rc & 0xff) == SQLITE_FULL)
    /* Translators: the first %s says what was being done, the second is a path */
    g_set_error (error, MIZAN_BACKUP_ERROR, MIZAN_BACKUP_ERROR_FAILED,
                 _("%s “%s”: the disk is full; free some space and try again."), what, path);
  else
    /* Translators: the first %s says what was being done, the second is a path,
     * the third SQLite's own (English) message */
    g_set_error (error, MIZAN_BACKUP_ERROR, MIZAN_BACKUP_ERROR_FAILED,
                 _("%s “%s”: %s."), what, path, message);
}

/* Folds the file's -wal (if any) into a consistent copy: the backup API reads
 * through SQLite, so it sees every committed transaction and no torn page. */
gboolean
mizan_backup_create (const char  *db_path,
                     const char  *dest,
                     GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (dest);
  g_autofree char *tmp = NULL;
  sqlite3 *src = NULL, *dst = NULL;
  sqlite3_backup *backup;
  const char *what = _("Could not back up the database to");
  gboolean ok = FALSE;
  int rc, fd;

  if (!ensure_dir (dir, error))
    return FALSE;

  tmp = g_strconcat (dest, ".partial", NULL);
  g_unlink (tmp);
  /* Created 0600 before SQLite writes to it: a copy is as private as the original. */
  fd = open (tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, MIZAN_BACKUP_ERROR, MIZAN_BACKUP_ERROR_FAILED,
                   _("Could not create the backup “%s”: %s."), tmp, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);

  rc = sqlite3_open_v2 (db_path, &src, SQLITE_OPEN_READONLY, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_busy_timeout (src, 5000);
      rc = sqlite3_open_v2 (tmp, &dst, SQLITE_OPEN_READWRITE, NULL);
      if (rc != SQLITE_OK)
        set_sqlite_error (dst, rc, what, dest, error);
    }
  else
    set_sqlite_error (src, rc, _("Could not read the database"), db_path, error);

  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (dst, "main", src, "main");
      if (backup == NULL)
        set_sqlite_error (dst, sqlite3_errcode (dst), what, dest, error);
      else
        {
          /* All in one step: the copy is one snapshot of the source. */
          rc = sqlite3_backup_step (backup, -1);
          sqlite3_backup_finish (backup);
          if (rc != SQLITE_DONE)
            set_sqlite_error (NULL, rc, what, dest, error);
          /* A backup stands alone: no -wal beside it, synced to disk. */
          else if ((rc = sqlite3_exec (dst, "PRAGMA journal_mode = DELETE",
                                            NULL, NULL, NULL)) != SQLITE_OK)
            set_sqlite_error (dst, rc, what, dest, error);
          else
            ok = TRUE;
        }
    }

  if (ok && (fd = open (tmp, O_RDONLY | O_CLOEXEC)) >= 0)
    {
      if (fsync (fd) != 0)
        {
          int saved_errno = errno;

          g_set_error (error, MIZAN_BACKUP_ERROR, MIZAN_BACKUP_ERROR_FAILED,
                       _("Could not write the backup “%s”: %s."), dest, g_strerror (saved_errno));
          ok = FALSE;
        }
      close (fd);
    }

  sqlite3_close_v2 (dst);
  sqlite3_close_v2 (src);

  if (ok && g_rename (tmp, dest) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, MIZAN_BACKUP_ERROR, MIZAN_BACKUP_ERROR_FAILED,
                   _("Could not put the backup in place as “%s”: %s."), dest, g_strerror (saved_errno));
      ok = FALSE;
    }
  if (!ok)
    g_unlink (tmp);
  return ok;
}

static gboolean
parse_daily_name (const char *name)
{
  int year, month, day;
  char end;

  return strlen (name) == strlen (DAILY_PREFIX "YYYY-MM-DD" SUFFIX) &&
         g_str_has_prefix (name, DAILY_PREFIX) && g_str_has_suffix (name, SUFFIX) &&
         sscanf (name, DAILY_PREFIX "%4d-%2d-%2d%c", &year, &month, &day, &end) == 4 && end == '.';
}

static gboolean
is_operation (const char *text,
              gsize       length)
{
  if (length == 0)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_islower (text[i]) && text[i] != '-')
      return FALSE;
  return TRUE;
}

/* "mizan-snapshot-20261102T093000.123-trash.db": local time to the
 * millisecond, so that names sort as the snapshots were taken. */
static gboolean
parse_snapshot_name (const char  *name,
                     gint64      *taken,
                     char       **operation)
{
  int year, month, day, hour, minute, second, ms, end = 0;
  const char *op;
  gsize length = strlen (name);
  g_autoptr(GDateTime) time = NULL;

  if (!g_str_has_prefix (name, SNAPSHOT_PREFIX) || !g_str_has_suffix (name, SUFFIX) ||
      sscanf (name + strlen (SNAPSHOT_PREFIX), "%4d%2d%2dT%2d%2d%2d.%3d-%n",
              &year, &month, &day, &hour, &minute, &second, &ms, &end) != 7 || end == 0)
    return FALSE;
  op = name + strlen (SNAPSHOT_PREFIX) + end;
  if (op >= name + length - strlen (SUFFIX) || !is_operation (op, name + length - strlen (SUFFIX) - op))
    return FALSE;
  time = g_date_time_new_local (year, month, day, hour, minute, second);
  if (time == NULL)
    return FALSE;
  *taken = g_date_time_to_unix (time);
  *operation = g_strndup (op, name + length - strlen (SUFFIX) - op);
  return TRUE;
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const MizanBackupInfo *x = *(MizanBackupInfo * const *) a;
  const MizanBackupInfo *y = *(MizanBackupInfo * const *) b;

  /* The names hold the dates; the same order whatever the clock did to mtimes. */
  if (x->kind == y->kind)
    return -g_strcmp0 (x->name, y->name);
  if (x->modified != y->modified)
    return x->modified > y->modified ? -1 : 1;
  return -g_strcmp0 (x->name, y->name);
}

GPtrArray *
mizan_backup_list (const char  *db_path,
                   GError     **error)
{
  g_autofree char *dir_path = mizan_backup_get_dir (db_path);
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) mizan_backup_info_free);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *name;

  dir = g_dir_open (dir_path, 0, &local_error);
  if (dir == NULL)
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return g_steal_pointer (&list);
      g_set_error (error, MIZAN_BACKUP_ERROR, MIZAN_BACKUP_ERROR_FAILED,
                   _("Could not read the backup folder “%s”: %s."), dir_path, local_error->message);
      return NULL;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      MizanBackupInfo *info;
      GStatBuf st;
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      g_autofree char *operation = NULL;
      gboolean aside = g_str_has_prefix (name, ASIDE_PREFIX) && g_str_has_suffix (name, SUFFIX);
      gint64 taken = 0;
      gboolean snapshot = parse_snapshot_name (name, &taken, &operation);

      if ((!aside && !snapshot && !parse_daily_name (name)) ||
          g_stat (path, &st) != 0 || !S_ISREG (st.st_mode))
        continue;
      info = g_new0 (MizanBackupInfo, 1);
      info->path = g_steal_pointer (&path);
      info->name = g_strdup (name);
      info->kind = aside ? MIZAN_BACKUP_BEFORE_RESTORE : snapshot ? MIZAN_BACKUP_SNAPSHOT : MIZAN_BACKUP_DAILY;
      /* A snapshot's name says when it was taken, whatever a copy did to the mtime. */
      info->modified = snapshot ? taken : st.st_mtime;
      info->size = st.st_size;
      info->operation = g_steal_pointer (&operation);
      g_ptr_array_add (list, info);
    }
  g_ptr_array_sort (list, compare_newest_first);
  return g_steal_pointer (&list);
}

gboolean
mizan_backup_ensure_daily (const char  *db_path,
                           guint        keep,
                           char       **created,
                           GError     **error)
{
  g_autofree char *dir = mizan_backup_get_dir (db_path);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *name = g_date_time_format (now, DAILY_PREFIX "%Y-%m-%d" SUFFIX);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GPtrArray) list = NULL;
  guint kept = 0;

  if (created != NULL)
    *created = NULL;
  g_return_val_if_fail (keep >= 1, FALSE);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (!mizan_backup_create (db_path, path, error))
        return FALSE;
      if (created != NULL)
        *created = g_strdup (path);
    }

  list = mizan_backup_list (db_path, error);
  if (list == NULL)
    return FALSE;
  for (guint i = 0; i < list->len; i++)
    {
      MizanBackupInfo *info = g_ptr_array_index (list, i);

      if (info->kind != MIZAN_BACKUP_DAILY)
        continue;
      /* Newest first: the ones past @keep are the oldest. */
      if (++kept > keep && g_unlink (info->path) != 0)
        g_warning ("Could not delete the old backup %s: %s", info->path, g_strerror (errno));
    }
  return TRUE;
}

gboolean
mizan_backup_prune_snapshots (const char  *db_path,
                              gint64       now,
                              GError     **error)
{
  g_autofree char *dir_path = mizan_backup_get_dir (db_path);
  g_autoptr(GPtrArray) list = mizan_backup_list (db_path, error);
  g_autoptr(GDir) dir = NULL;
  const gint64 max_age = (gint64) MIZAN_BACKUP_SNAPSHOT_KEEP_DAYS * 24 * 60 * 60;
  const char *name;
  guint rank = 0;

  if (list == NULL)
    return FALSE;
  for (guint i = 0; i < list->len; i++)
    {
      MizanBackupInfo *info = g_ptr_array_index (list, i);
      gboolean keep;

      if (info->kind != MIZAN_BACKUP_SNAPSHOT)
        continue;
      /* Newest first: rank 0 is the latest snapshot. */
      keep = rank < MIZAN_BACKUP_SNAPSHOT_KEEP_MIN ||
             (rank < MIZAN_BACKUP_SNAPSHOT_KEEP_MAX && now - info->modified <= max_age);
      rank++;
      if (!keep && g_unlink (info->path) != 0)
        g_warning ("Could not delete the old snapshot %s: %s", info->path, g_strerror (errno));
    }

  /* A snapshot cut off by a crash leaves its .partial; an hour old, no
   * process is still writing it. */
  dir = g_dir_open (dir_path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      GStatBuf st;

      if (g_str_has_prefix (name, SNAPSHOT_PREFIX) && g_str_has_suffix (name, SUFFIX ".partial") &&
          g_stat (path, &st) == 0 && now - st.st_mtime > 60 * 60)
        g_unlink (path);
    }
  return TRUE;
}

gboolean
mizan_backup_snapshot (const char  *db_path,
                       const char  *operation,
                       char       **created,
                       GError     **error)
{
  g_autofree char *dir = mizan_backup_get_dir (db_path);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%S");
  g_autofree char *path = NULL;
  g_autoptr(GError) prune_error = NULL;
  int ms = g_date_time_get_microsecond (now) / 1000;

  if (created != NULL)
    *created = NULL;
  g_return_val_if_fail (operation != NULL && is_operation (operation, strlen (operation)), FALSE);

  /* Two snapshots in one millisecond: the later one a millisecond on, so
   * the names still sort in order. */
  do
    {
      g_free (path);
      path = g_strdup_printf ("%s/" SNAPSHOT_PREFIX "%s.%03d-%s" SUFFIX, dir, stamp, ms++, operation);
    }
  while (g_file_test (path, G_FILE_TEST_EXISTS) && ms < 1000);

  if (!mizan_backup_create (db_path, path, error))
    return FALSE;
  /* The snapshot is made; failing to tidy the old ones is no reason to stop. */
  if (!mizan_backup_prune_snapshots (db_path, g_date_time_to_unix (now), &prune_error))
    g_warning ("%s", prune_error->message);
  if (created != NULL)
    *created = g_steal_pointer (&path);
  return TRUE;
}

char *
mizan_backup_describe (const MizanBackupInfo *info)
{
  static const struct {
    const char *operation;
    const char *text;
  } snapshots[] = {
    { "trash", N_("Taken before an assessment was moved to the Trash") },
    { "delete", N_("Taken before an assessment was deleted for good") },
    { "purge", N_("Taken before the Trash removed assessments deleted 30 days ago") },
    { "empty-trash", N_("Taken before the Trash was emptied") },
    { "replace", N_("Taken before an import replaced an assessment") },
    { "migrate", N_("Taken before an assessment was carried to a newer framework version") },
    { "merge", N_("Taken before a merge") },
    { "upgrade", N_("Taken before the database was upgraded for this version of Mizan") },
  };

  g_return_val_if_fail (info != NULL, NULL);

  if (info->kind == MIZAN_BACKUP_DAILY)
    return g_strdup (_("Daily backup"));
  if (info->kind == MIZAN_BACKUP_BEFORE_RESTORE)
    return g_strdup (_("The database as it was before a restore"));
  for (guint i = 0; i < G_N_ELEMENTS (snapshots); i++)
    if (g_strcmp0 (info->operation, snapshots[i].operation) == 0)
      return g_strdup (_(snapshots[i].text));
  /* Translators: %s names a step, such as "merge", as the file name has it */
  return g_strdup_printf (_("Taken before “%s”"), info->operation);
}

char *
mizan_backup_resolve (const char  *db_path,
                      const char  *name_or_path,
                      GError     **error)
{
  g_autofree char *dir = mizan_backup_get_dir (db_path);
  g_autofree char *in_dir = NULL;

  /* A bare name is looked up in the backup folder, never elsewhere. */
  if (strchr (name_or_path, G_DIR_SEPARATOR) == NULL)
    {
      in_dir = g_build_filename (dir, name_or_path, NULL);
      if (g_file_test (in_dir, G_FILE_TEST_IS_REGULAR))
        return g_steal_pointer (&in_dir);
    }
  else if (g_file_test (name_or_path, G_FILE_TEST_IS_REGULAR))
    return g_strdup (name_or_path);

  g_set_error (error, MIZAN_BACKUP_ERROR, MIZAN_BACKUP_ERROR_NOT_FOUND,
               _("There is no backup “%s” (the backups are in “%s”)."), name_or_path, dir);
  return NULL;
}

gboolean
mizan_backup_check (const char  *path,
                    GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db = NULL;
  g_autofree char *problem = NULL;
  gint64 application_id = 0, version = 0;
  int rc;

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_db_config (db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
      rc = sqlite3_prepare_v2 (db,
                               "SELECT (SELECT application_id FROM pragma_application_id ()),"
                               "       (SELECT user_version FROM pragma_user_version ()),"
                               "       (SELECT group_concat (quick_check, '; ') FROM pragma_quick_check ())",
                               -1, &stmt, NULL);
    }
  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      application_id = sqlite3_column_int64 (stmt, 0);
      version = sqlite3_column_int64 (stmt, 1);
      if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 2), "ok") != 0)
        problem = g_strdup_printf (_("it is damaged (%s)"), sqlite3_column_text (stmt, 2));
      else if (application_id != MIZAN_STORE_APPLICATION_ID || version < 1)
        problem = g_strdup (_("it is not a Mizan database"));
      else if (version > MIZAN_STORE_SCHEMA_VERSION)
        problem = g_strdup (_("it was written by a newer version of Mizan"));
      rc = SQLITE_OK;
    }
  else
    problem = g_strdup_printf (_("it cannot be read as a database (%s)"),
                               db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));

  g_clear_pointer (&stmt, sqlite3_finalize);
  sqlite3_close_v2 (db);

  if (problem != NULL)
    {
      g_set_error (error, MIZAN_BACKUP_ERROR, MIZAN_BACKUP_ERROR_INVALID,
                   _("“%s” cannot be restored: %s."), path, problem);
      return FALSE;
    }
  return TRUE;
}

/* An exclusive lock is only granted when no other connection, in this
 * process or another, has the file open. The probe never checkpoints, so a
 * damaged file is not written to. */
static gboolean
check_not_in_use (const char  *db_path,
                  GError     **error)
{
  sqlite3 *db = NULL;
  int rc;

  rc = sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_db_config (db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
      rc = sqlite3_exec (db, "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; ROLLBACK", NULL, NULL, NULL);
    }
  sqlite3_close_v2 (db);

  if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
    {
      g_set_error (error, MIZAN_BACKUP_ERROR, MIZAN_BACKUP_ERROR_BUSY,
                   _("The database “%s” is in use by Mizan or mizan-cli; close them and try again."),
                   db_path);
      return FALSE;
    }
  /* Any other failure (a damaged file) does not stop a restore: that is what it is for. */
  return TRUE;
}

static gboolean
move_file (const char  *from,
           const char  *to,
           GError     **error)
{
  if (g_rename (from, to) == 0 || errno == ENOENT)
    return TRUE;

  g_set_error (error, MIZAN_BACKUP_ERROR, MIZAN_BACKUP_ERROR_FAILED,
               _("Could not move “%s” to “%s”: %s. Nothing was restored."), from, to, g_strerror (errno));
  return FALSE;
}

static const char * const companions[] = { "", "-wal", "-shm", "-journal" };

static MizanBackupStepHook step_hook;

void
mizan_backup_set_step_hook (MizanBackupStepHook hook)
{
  step_hook = hook;
}

static void
step_done (const char *step)
{
  if (step_hook != NULL)
    step_hook (step);
}

/* The database's files to @aside, the main file first: the -wal holds
 * committed transactions not yet in the main file and moves with it, under
 * the name SQLite will look for. A file already gone has moved before (a
 * restore being finished). */
static gboolean
move_database (const char  *db_path,
               const char  *aside,
               GError     **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (companions); i++)
    {
      g_autofree char *from = g_strconcat (db_path, companions[i], NULL);
      g_autofree char *to = g_strconcat (aside, companions[i], NULL);

      if (!move_file (from, to, error))
        {
          /* Put back what already moved. */
          for (guint j = 0; j < i; j++)
            {
              g_autofree char *back_from = g_strconcat (aside, companions[j], NULL);
              g_autofree char *back_to = g_strconcat (db_path, companions[j], NULL);

              g_rename (back_from, back_to);
            }
          return FALSE;
        }
      step_done (companions[i][0] != '\0' ? companions[i] : "moved");
    }
  return TRUE;
}

/* Once the marker naming the aside file is on disk, the restore is decided:
 * a crash after it is finished, never undone half-way, by moving what has
 * not moved yet and putting the incoming copy in place. Without a marker an
 * incoming copy is a restore that never began. */
gboolean
mizan_backup_recover (const char  *db_path,
                      GError     **error)
{
  g_autofree char *incoming = g_strconcat (db_path, INCOMING_SUFFIX, NULL);
  g_autofree char *marker = g_strconcat (db_path, MARKER_SUFFIX, NULL);
  g_autofree char *aside = NULL;
  g_autoptr(GError) local_error = NULL;

  if (!g_file_get_contents (marker, &aside, NULL, &local_error))
    {
      GStatBuf st;

      /* A minute's grace: another process may be just about to write its marker. */
      if (g_stat (incoming, &st) == 0 && g_get_real_time () / G_USEC_PER_SEC - st.st_mtime > 60)
        g_unlink (incoming);
      return TRUE;
    }

  if (g_file_test (incoming, G_FILE_TEST_EXISTS))
    {
      if (!move_database (db_path, aside, error))
        return FALSE;
      if (g_rename (incoming, db_path) != 0 && errno != ENOENT)
        {
          g_set_error (error, MIZAN_BACKUP_ERROR, MIZAN_BACKUP_ERROR_FAILED,
                       _("Could not finish the restore that was interrupted: %s. "
                         "The database as it was is kept as “%s”."),
                       g_strerror (errno), aside);
          return FALSE;
        }
    }
  g_unlink (marker);
  return TRUE;
}

/* A restored Trash starts its 30 days again: restoring the snapshot taken
 * before a purge must bring back what the purge removed, not hand it to
 * the next open to remove again. Only the incoming copy is changed. */
static gboolean
restart_trash_clock (const char  *incoming,
                     GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db = NULL;
  int rc;

  rc = sqlite3_open_v2 (incoming, &db, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db,
                             "UPDATE assessments SET deleted = ?1 WHERE deleted IS NOT NULL"
                             " AND (SELECT user_version FROM pragma_user_version ()) >= 4",
                             -1, &stmt, NULL);
  /* Before schema 4 there is no Trash, and no column to name. */
  if (rc != SQLITE_OK && db != NULL && strstr (sqlite3_errmsg (db), "no such column") != NULL)
    rc = SQLITE_DONE;
  else if (rc == SQLITE_OK)
    {
      sqlite3_bind_int64 (stmt, 1, g_get_real_time () / G_USEC_PER_SEC);
      rc = sqlite3_step (stmt);
    }
  if (rc != SQLITE_DONE)
    set_sqlite_error (db, rc, _("Could not prepare the restored copy"), incoming, error);
  g_clear_pointer (&stmt, sqlite3_finalize);
  sqlite3_close_v2 (db);
  return rc == SQLITE_DONE;
}

gboolean
mizan_backup_restore (const char  *db_path,
                      const char  *backup,
                      char       **kept_aside,
                      GError     **error)
{
  g_autofree char *dir = mizan_backup_get_dir (db_path);
  g_autofree char *incoming = g_strconcat (db_path, INCOMING_SUFFIX, NULL);
  g_autofree char *marker = g_strconcat (db_path, MARKER_SUFFIX, NULL);
  g_autofree char *aside = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%S");

  if (kept_aside != NULL)
    *kept_aside = NULL;

  if (!mizan_backup_recover (db_path, error))
    return FALSE;

  /* Copied through SQLite, not byte for byte, so that a backup with a -wal
   * of its own (one kept aside by an earlier restore) comes back whole. */
  if (!mizan_backup_check (backup, error) ||
      !mizan_backup_create (backup, incoming, error))
    return FALSE;
  if (!restart_trash_clock (incoming, error))
    {
      g_unlink (incoming);
      return FALSE;
    }
  step_done ("incoming");

  if (g_file_test (db_path, G_FILE_TEST_EXISTS))
    {
      if (!check_not_in_use (db_path, error) || !ensure_dir (dir, error))
        {
          g_unlink (incoming);
          return FALSE;
        }

      for (guint n = 0; aside == NULL || g_file_test (aside, G_FILE_TEST_EXISTS); n++)
        {
          g_free (aside);
          aside = n == 0 ? g_strdup_printf ("%s/" ASIDE_PREFIX "%s" SUFFIX, dir, stamp)
                         : g_strdup_printf ("%s/" ASIDE_PREFIX "%s-%u" SUFFIX, dir, stamp, n);
        }
      if (!g_file_set_contents_full (marker, aside, -1, G_FILE_SET_CONTENTS_CONSISTENT,
                                     0600, error) ||
          (step_done ("marker"), !move_database (db_path, aside, error)))
        {
          g_unlink (marker);
          g_unlink (incoming);
          return FALSE;
        }
    }

  /* The database is now either absent (the previous one aside) or the
   * whole backup. */
  if (g_rename (incoming, db_path) != 0)
    {
      g_set_error (error, MIZAN_BACKUP_ERROR, MIZAN_BACKUP_ERROR_FAILED,
                   _("Could not put the restored database in place: %s. The previous one is kept as “%s”."),
                   g_strerror (errno), aside != NULL ? aside : db_path);
      /* The marker stays: the next open finishes the restore. */
      return FALSE;
    }
  step_done ("in-place");
  g_unlink (marker);

  if (kept_aside != NULL)
    *kept_aside = g_steal_pointer (&aside);
  return TRUE;
}
