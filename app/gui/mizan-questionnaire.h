/* mizan-questionnaire.h — the questionnaire: a sidebar of domains and capabilities, and a capability page
 * With progress per capability, an "unanswered only" filter and a search across all practices. */
#pragma once

#include <gtk/gtk.h>

#include "mizan-capability-page.h"
#include "mizan-session.h"

G_BEGIN_DECLS

#define MIZAN_TYPE_QUESTIONNAIRE (mizan_questionnaire_get_type ())
G_DECLARE_FINAL_TYPE (MizanQuestionnaire, mizan_questionnaire, MIZAN, QUESTIONNAIRE, GtkWidget)

/* Shows the first capability of @session; NULL empties the questionnaire
 * (saving any note being typed). */
void                 mizan_questionnaire_set_session        (MizanQuestionnaire *self,
                                                             MizanSession       *session);
void                 mizan_questionnaire_show_capability    (MizanQuestionnaire *self,
                                                             MizanCapability    *capability,
                                                             const char         *practice_id);
MizanCapability     *mizan_questionnaire_get_capability     (MizanQuestionnaire *self);
/* Reveals the search entry in the sidebar and focuses it. */
void                 mizan_questionnaire_start_search       (MizanQuestionnaire *self);
/* Typing @text in the search entry, as a test or the user would. */
void                 mizan_questionnaire_set_search_text    (MizanQuestionnaire *self,
                                                             const char         *text);
/* Matching practices while searching, as shown (GtkStringObject of practice ids). */
GListModel          *mizan_questionnaire_get_search_results (MizanQuestionnaire *self);
void                 mizan_questionnaire_activate_search_result (MizanQuestionnaire *self,
                                                                 guint               position);
void                 mizan_questionnaire_set_unanswered_only (MizanQuestionnaire *self,
                                                              gboolean            unanswered_only);
gboolean             mizan_questionnaire_get_folded         (MizanQuestionnaire *self);
MizanCapabilityPage *mizan_questionnaire_get_page           (MizanQuestionnaire *self);
/* The sidebar row of @capability, or NULL when it is filtered out. */
GtkWidget           *mizan_questionnaire_get_row            (MizanQuestionnaire *self,
                                                             MizanCapability    *capability);

G_END_DECLS
