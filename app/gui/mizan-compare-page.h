/* mizan-compare-page.h — the open assessment beside an earlier one of the same organization and framework
 * Overall and per-domain deltas, and the practices whose status changed. */
#pragma once

#include <gtk/gtk.h>

#include "mizan-session.h"

G_BEGIN_DECLS

#define MIZAN_TYPE_COMPARE_PAGE (mizan_compare_page_get_type ())
G_DECLARE_FINAL_TYPE (MizanComparePage, mizan_compare_page, MIZAN, COMPARE_PAGE, GtkWidget)

/* Emits "show-capability" (capability id, practice id) when the user opens a changed practice. */
void        mizan_compare_page_set_session   (MizanComparePage *self,
                                              MizanSession     *session);
/* Re-reads the assessments it can compare with, then recomputes. */
void        mizan_compare_page_refresh       (MizanComparePage *self);
/* Picks the assessment to compare with by id; FALSE when it is not one of the choices. */
gboolean    mizan_compare_page_select        (MizanComparePage *self,
                                              const char       *assessment_id);
/* For tests: the rows of the domain deltas and of the changed practices. */
GtkListBox *mizan_compare_page_get_domain_list (MizanComparePage *self);
GtkListBox *mizan_compare_page_get_change_list (MizanComparePage *self);

G_END_DECLS
