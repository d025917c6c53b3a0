/* mizan-backup.h — rolling backups of the assessment database, snapshots, and restoring one
 * Daily copies and snapshots before destructive steps, made with SQLite's online backup API; a restore keeps the current file aside. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How many daily backups are kept when the caller has no other wish. */
#define MIZAN_BACKUP_KEEP_DEFAULT 7
/* Snapshots are kept as long as the Trash keeps what was deleted, at most
 * the newest MAX of them; the newest MIN are kept whatever their age, so
 * that one taken before a slip noticed late is still there. */
#define MIZAN_BACKUP_SNAPSHOT_KEEP_DAYS 30
#define MIZAN_BACKUP_SNAPSHOT_KEEP_MIN 10
#define MIZAN_BACKUP_SNAPSHOT_KEEP_MAX 50

#define MIZAN_BACKUP_ERROR (mizan_backup_error_quark ())
typedef enum {
  MIZAN_BACKUP_ERROR_FAILED,     /* could not read, write or copy */
  MIZAN_BACKUP_ERROR_INVALID,    /* the chosen backup is not a sound Mizan database */
  MIZAN_BACKUP_ERROR_NOT_FOUND,  /* no such backup */
  MIZAN_BACKUP_ERROR_BUSY,       /* another program has the database open */
} MizanBackupError;
GQuark mizan_backup_error_quark (void);

typedef enum {
  MIZAN_BACKUP_DAILY,            /* made automatically, pruned to the newest N */
  MIZAN_BACKUP_BEFORE_RESTORE,   /* the database as it was before a restore; never pruned */
  MIZAN_BACKUP_SNAPSHOT,         /* taken before a destructive step; pruned as said above */
} MizanBackupKind;

typedef struct {
  char            *path;
  char            *name;         /* the file name, what `mizan-cli restore NAME` takes */
  MizanBackupKind  kind;
  gint64           modified;     /* unix seconds */
  goffset          size;
  char            *operation;    /* snapshots: the step it preceded ("trash", "purge", …) */
} MizanBackupInfo;

void mizan_backup_info_free (MizanBackupInfo *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MizanBackupInfo, mizan_backup_info_free)

/* The folder "backups" beside @db_path (created 0700 when needed). */
char      *mizan_backup_get_dir        (const char  *db_path);
/* Copies @db_path, a consistent snapshot even while others write to it, to
 * @dest through a temporary file and a rename (mode 0600). */
gboolean   mizan_backup_create         (const char  *db_path,
                                        const char  *dest,
                                        GError     **error);
/* Makes today's backup unless there is one, then deletes the oldest daily
 * backups beyond @keep. Sets @created (nullable) to the new file, or NULL. */
gboolean   mizan_backup_ensure_daily   (const char  *db_path,
                                        guint        keep,
                                        char       **created,
                                        GError     **error);
/* Takes a snapshot of @db_path before @operation (lower-case letters and
 * '-': "trash", "delete", "purge", "empty-trash", "replace", "migrate",
 * "merge", "upgrade"), then prunes the old ones. @created (nullable). */
gboolean   mizan_backup_snapshot       (const char  *db_path,
                                        const char  *operation,
                                        char       **created,
                                        GError     **error);
/* Deletes the snapshots MIZAN_BACKUP_SNAPSHOT_KEEP_* lets go at @now (Unix
 * seconds), and leftovers of snapshots cut off by a crash. */
gboolean   mizan_backup_prune_snapshots (const char  *db_path,
                                         gint64       now,
                                         GError     **error);
/* What a backup is, in words for a person (translated). */
char      *mizan_backup_describe       (const MizanBackupInfo *info);
/* MizanBackupInfo, newest first; an empty array when there are none. */
GPtrArray *mizan_backup_list           (const char  *db_path,
                                        GError     **error);
/* @name_or_path: a name from mizan_backup_list() or a file path. */
char      *mizan_backup_resolve        (const char  *db_path,
                                        const char  *name_or_path,
                                        GError     **error);
/* TRUE when @path is an undamaged Mizan database this version can open. */
gboolean   mizan_backup_check          (const char  *path,
                                        GError     **error);
/* Puts @backup in place of @db_path. The current file (with its -wal) is
 * first moved, unchanged, into the backups folder; @kept_aside (nullable) is
 * set to where. Refuses while another program has @db_path open. A restore
 * cut off half-way (kill -9, power cut) is finished by mizan_backup_recover(). */
gboolean   mizan_backup_restore        (const char  *db_path,
                                        const char  *backup,
                                        char       **kept_aside,
                                        GError     **error);

/* Finishes a restore that was cut off, so that @db_path is never missing
 * or left beside another file's -wal; mizan_store_open() calls it first. */
gboolean   mizan_backup_recover        (const char  *db_path,
                                        GError     **error);

G_END_DECLS
