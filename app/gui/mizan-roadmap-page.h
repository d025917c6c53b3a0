/* mizan-roadmap-page.h — the roadmap: what to do next to reach the targets
 * The results' roadmap grouped by phase (Next, Then, Later), each action with its capability, level and guidance. */
#pragma once

#include <gtk/gtk.h>

#include "mizan-session.h"

G_BEGIN_DECLS

#define MIZAN_TYPE_ROADMAP_PAGE (mizan_roadmap_page_get_type ())
G_DECLARE_FINAL_TYPE (MizanRoadmapPage, mizan_roadmap_page, MIZAN, ROADMAP_PAGE, GtkWidget)

/* Emits "show-capability" (capability id, practice id) when the user opens an action. */
void        mizan_roadmap_page_set_session (MizanRoadmapPage *self,
                                            MizanSession     *session);
void        mizan_roadmap_page_refresh     (MizanRoadmapPage *self);
/* The list of a phase, for tests */
GtkListBox *mizan_roadmap_page_get_list    (MizanRoadmapPage *self,
                                            MizanPhase        phase);

G_END_DECLS
