/* mizan-profile-row.h — one yes/no question about the organization, as a switch row
 * Shown where an assessment is made and on its profile page; "no" takes items out of scope. */
#pragma once

#include <adwaita.h>

#include "mizan-assessment.h"
#include "mizan-framework.h"

G_BEGIN_DECLS

#define MIZAN_TYPE_PROFILE_ROW (mizan_profile_row_get_type ())
G_DECLARE_FINAL_TYPE (MizanProfileRow, mizan_profile_row, MIZAN, PROFILE_ROW, AdwActionRow)

/* @answer UNANSWERED shows the switch on: an unanswered question applies. */
GtkWidget                  *mizan_profile_row_new          (const MizanProfileQuestion *question,
                                                            MizanProfileAnswer          answer);
const MizanProfileQuestion *mizan_profile_row_get_question (MizanProfileRow            *self);
MizanProfileAnswer          mizan_profile_row_get_answer   (MizanProfileRow            *self);
/* Without emitting "answer-changed". */
void                        mizan_profile_row_set_answer   (MizanProfileRow            *self,
                                                            MizanProfileAnswer          answer);

G_END_DECLS
