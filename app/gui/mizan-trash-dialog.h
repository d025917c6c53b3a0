/* mizan-trash-dialog.h — the assessments in the Trash, to restore or delete for good
 * Opened from the start page; says how many days each has left before it goes. */
#pragma once

#include <adwaita.h>

#include "mizan-store.h"

G_BEGIN_DECLS

#define MIZAN_TYPE_TRASH_DIALOG (mizan_trash_dialog_get_type ())
G_DECLARE_FINAL_TYPE (MizanTrashDialog, mizan_trash_dialog, MIZAN, TRASH_DIALOG, AdwWindow)

/* Emits "changed" after each restore or deletion, for the start page to reload. */
MizanTrashDialog *mizan_trash_dialog_new (GtkWindow  *parent,
                                          MizanStore *store);

G_END_DECLS
