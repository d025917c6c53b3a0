/* mizan-profile-dialog.h — the organization's answers to the model's profile questions
 * Each switch is stored at once and the results follow; items answered out of scope count as na. */
#pragma once

#include <gtk/gtk.h>

#include "mizan-session.h"

G_BEGIN_DECLS

/* Shows every profile question of @session's framework, answerable in
 * place, over @parent's window. Does nothing when the framework has none. */
void mizan_profile_dialog_present (GtkWidget    *parent,
                                   MizanSession *session);

G_END_DECLS
