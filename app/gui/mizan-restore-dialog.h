/* mizan-restore-dialog.h — lists the database's backups and restores the one chosen
 * The restore itself is the application's: it closes the windows, swaps the file and reopens. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define MIZAN_TYPE_RESTORE_DIALOG (mizan_restore_dialog_get_type ())
G_DECLARE_FINAL_TYPE (MizanRestoreDialog, mizan_restore_dialog, MIZAN, RESTORE_DIALOG, AdwWindow)

/* Emits "restore" with the chosen backup's path. */
MizanRestoreDialog *mizan_restore_dialog_new (const char *db_path);

G_END_DECLS
