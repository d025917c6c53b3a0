/* mizan-results-page.h — an assessment's results: maturity index, domains, priorities, charts
 * Live: recomputed after each change while it is on screen. */
#pragma once

#include <gtk/gtk.h>

#include "mizan-session.h"

G_BEGIN_DECLS

#define MIZAN_TYPE_RESULTS_PAGE (mizan_results_page_get_type ())
G_DECLARE_FINAL_TYPE (MizanResultsPage, mizan_results_page, MIZAN, RESULTS_PAGE, GtkWidget)

/* Emits "show-capability" (capability id, practice id or NULL) when the
 * user opens a priority. */
void        mizan_results_page_set_session    (MizanResultsPage *self,
                                               MizanSession     *session);
/* Brings the figures up to date now (they otherwise wait until the page is shown). */
void        mizan_results_page_refresh        (MizanResultsPage *self);
/* The maturity index as shown, e.g. "2.35" */
const char *mizan_results_page_get_index_text (MizanResultsPage *self);
/* The assessed priorities, and apart the not yet assessed (provisional) ones */
GtkListBox *mizan_results_page_get_priorities (MizanResultsPage *self);
GtkListBox *mizan_results_page_get_unassessed (MizanResultsPage *self);

G_END_DECLS
