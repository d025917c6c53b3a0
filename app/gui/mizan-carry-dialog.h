/* mizan-carry-dialog.h — previews carrying an assessment to a newer model version, then does it
 * The original is never changed; the new assessment opens when it is stored. */
#pragma once

#include <gtk/gtk.h>

#include "mizan-session.h"

G_BEGIN_DECLS

/* Shows what carrying @session's assessment to @to would do; on "Carry" the
 * new assessment is stored and opened through the window's
 * "win.open-assessment" action. */
void mizan_carry_dialog_present (GtkWidget      *parent,
                                 MizanSession   *session,
                                 MizanFramework *to);

G_END_DECLS
