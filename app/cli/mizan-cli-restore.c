/* mizan-cli-restore.c — `mizan-cli restore [BACKUP]` and the daily backup every command makes
 * Lists the backups, or restores one while keeping the current database aside. */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "mizan-backup.h"
#include "mizan-cli-restore.h"
#include "mizan-store.h"

/* Overrides MIZAN_BACKUP_KEEP_DEFAULT, e.g. for a machine with little space. */
static guint
backups_to_keep (void)
{
  const char *value = g_getenv ("MIZAN_BACKUP_KEEP");
  guint64 keep;

  if (value != NULL && g_ascii_string_to_unsigned (value, 10, 1, 1000, &keep, NULL))
    return (guint) keep;
  return MIZAN_BACKUP_KEEP_DEFAULT;
}

void
mizan_cli_backup_daily (const char *db_path)
{
  g_autofree char *default_path = db_path ? NULL : mizan_store_get_default_path ();
  g_autoptr(GError) error = NULL;

  if (!mizan_backup_ensure_daily (db_path ? db_path : default_path, backups_to_keep (), NULL, &error))
    fprintf (stderr, _("mizan-cli: warning: no backup made today: %s\n"), error->message);
}

char *
mizan_cli_restore_hint (const char *db_path)
{
  g_autofree char *default_path = db_path ? NULL : mizan_store_get_default_path ();
  g_autoptr(GPtrArray) backups = mizan_backup_list (db_path ? db_path : default_path, NULL);

  if (backups == NULL || backups->len == 0)
    return NULL;
  return g_strdup_printf (_("%u backups are available: “mizan-cli restore” lists them, "
                            "“mizan-cli restore %s” restores the newest."),
                          backups->len,
                          ((MizanBackupInfo *) g_ptr_array_index (backups, 0))->name);
}

static int
list_backups (const char *db_path)
{
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = mizan_backup_get_dir (db_path);

  backups = mizan_backup_list (db_path, &error);
  if (backups == NULL)
    {
      fprintf (stderr, "mizan-cli: %s\n", error->message);
      return 1;
    }
  if (backups->len == 0)
    {
      printf (_("No backups yet in %s. Mizan makes one a day when it opens the database.\n"), dir);
      return 0;
    }

  printf ("%-44s %-16s %10s  %s\n", _("BACKUP"), _("TAKEN"), _("SIZE"), _("KIND"));
  for (guint i = 0; i < backups->len; i++)
    {
      MizanBackupInfo *info = g_ptr_array_index (backups, i);
      g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (info->modified);
      g_autofree char *when = g_date_time_format (time, "%Y-%m-%d %H:%M");
      g_autofree char *size = g_format_size (info->size);
      g_autofree char *snapshot = info->kind == MIZAN_BACKUP_SNAPSHOT ? mizan_backup_describe (info) : NULL;

      printf ("%-44s %-16s %10s  %s\n", info->name, when, size,
              snapshot != NULL ? snapshot
              : info->kind == MIZAN_BACKUP_DAILY ? _("daily") : _("kept before a restore"));
    }
  printf (_("Restore one with: mizan-cli restore BACKUP\n"));
  return 0;
}

int
mizan_cli_restore (const char  *db_path,
                   int          argc,
                   char       **argv)
{
  g_autofree char *default_path = db_path ? NULL : mizan_store_get_default_path ();
  g_autofree char *backup = NULL;
  g_autofree char *aside = NULL;
  g_autoptr(GError) error = NULL;

  if (db_path == NULL)
    db_path = default_path;

  if (argc > 2)
    {
      fprintf (stderr, _("mizan-cli: restore takes at most one BACKUP\n"
                         "Usage: mizan-cli [--db PATH] restore [BACKUP]\n"));
      return 2;
    }
  if (argc == 1)
    return list_backups (db_path);

  if ((backup = mizan_backup_resolve (db_path, argv[1], &error)) == NULL ||
      !mizan_backup_restore (db_path, backup, &aside, &error))
    {
      fprintf (stderr, "mizan-cli: %s\n", error->message);
      return 1;
    }

  printf (_("Restored %s from %s.\n"), db_path, backup);
  if (aside != NULL)
    printf (_("The database as it was is kept as %s (mizan-cli restore %s brings it back).\n"),
            aside, strrchr (aside, G_DIR_SEPARATOR) + 1);
  return 0;
}
