/* mizan-member-states-page.h — the Member states page (analyst token): a map and a table per member state
 * The figures are the server's per-state aggregates; a state with fewer than k submissions shows none. */
#pragma once

#include <gtk/gtk.h>

#include "mizan-session.h"

G_BEGIN_DECLS

#define MIZAN_TYPE_MEMBER_STATES_PAGE (mizan_member_states_page_get_type ())
G_DECLARE_FINAL_TYPE (MizanMemberStatesPage, mizan_member_states_page, MIZAN, MEMBER_STATES_PAGE, GtkWidget)

void        mizan_member_states_page_set_session (MizanMemberStatesPage *self,
                                                  MizanSession          *session);
void        mizan_member_states_page_refresh     (MizanMemberStatesPage *self);
/* "off", "loading", "error" or "table". */
const char *mizan_member_states_page_get_state   (MizanMemberStatesPage *self);

G_END_DECLS
