/* mizan-start-page.h — the first thing a user meets: recent assessments, New and Import
 * An empty state on first run; deleting moves to the Trash, with Undo offered first. */
#pragma once

#include <gtk/gtk.h>

#include "mizan-catalog.h"
#include "mizan-store.h"

G_BEGIN_DECLS

#define MIZAN_TYPE_START_PAGE (mizan_start_page_get_type ())
G_DECLARE_FINAL_TYPE (MizanStartPage, mizan_start_page, MIZAN, START_PAGE, GtkWidget)

/* @store may be NULL (the database could not be opened). Reloads the list. */
void        mizan_start_page_set_store  (MizanStartPage *self,
                                         MizanStore     *store,
                                         MizanCatalog   *catalog);
/* Re-reads the assessments from the store (those waiting for their Undo
 * toast to go are left out). */
void        mizan_start_page_reload     (MizanStartPage *self);
/* Shows why there is no list, instead of the list. */
void        mizan_start_page_show_error (MizanStartPage *self,
                                         const char     *message);
/* MizanAssessmentItem, newest first */
GListModel *mizan_start_page_get_model  (MizanStartPage *self);
/* Moves to the Trash every assessment still waiting for its Undo toast to go. */
void        mizan_start_page_commit_deletions (MizanStartPage *self);

G_END_DECLS
