/* mizan-backup.c — rolling backups of the assessment database, and restoring one
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
#include "mizan-store.h"

#define DAILY_PREFIX "mizan-"
#define ASIDE_PREFIX "mizan-before-restore-"
#define SUFFIX ".db"

G_DEFINE_QUARK (mizan-backup-error-quark, mizan_backup_error)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

void
mizan_backup_info_free (MizanBackupInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->path);
  g_free (info->name);
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
      gboolean aside = g_str_has_prefix (name, ASIDE_PREFIX) && g_str_has_suffix (name, SUFFIX);

      if ((!aside && !parse_daily_name (name)) || g_stat (path, &st) != 0 || !S_ISREG (st.st_mode))
        continue;
      info = g_new0 (MizanBackupInfo, 1);
      info->path = g_steal_pointer (&path);
      info->name = g_strdup (name);
      info->kind = aside ? MIZAN_BACKUP_BEFORE_RESTORE : MIZAN_BACKUP_DAILY;
      info->modified = st.st_mtime;
      info->size = st.st_size;
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

gboolean
mizan_backup_restore (const char  *db_path,
                      const char  *backup,
                      char       **kept_aside,
                      GError     **error)
{
  static const char * const companions[] = { "", "-wal", "-shm", "-journal" };
  g_autofree char *dir = mizan_backup_get_dir (db_path);
  g_autofree char *incoming = g_strconcat (db_path, ".restoring", NULL);
  g_autofree char *aside = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%S");

  if (kept_aside != NULL)
    *kept_aside = NULL;

  /* Copied through SQLite, not byte for byte, so that a backup with a -wal
   * of its own (one kept aside by an earlier restore) comes back whole. */
  if (!mizan_backup_check (backup, error) ||
      !mizan_backup_create (backup, incoming, error))
    return FALSE;

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
      /* The -wal holds committed transactions not yet in the main file: it
       * moves with it, under the name SQLite will look for. */
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
              g_unlink (incoming);
              return FALSE;
            }
        }
    }

  /* The database is now either absent (the previous one aside) or the
   * whole backup. */
  if (g_rename (incoming, db_path) != 0)
    {
      g_set_error (error, MIZAN_BACKUP_ERROR, MIZAN_BACKUP_ERROR_FAILED,
                   _("Could not put the restored database in place: %s. The previous one is kept as “%s”."),
                   g_strerror (errno), aside != NULL ? aside : db_path);
      g_unlink (incoming);
      return FALSE;
    }

  if (kept_aside != NULL)
    *kept_aside = g_steal_pointer (&aside);
  return TRUE;
}
