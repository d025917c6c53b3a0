/* mizan-assessment-row.h — a row of the start page's assessment list
 * Title, organization, framework, completion and last change, with open/duplicate/delete. */
#pragma once

#include <adwaita.h>

#include "mizan-assessment-item.h"

G_BEGIN_DECLS

#define MIZAN_TYPE_ASSESSMENT_ROW (mizan_assessment_row_get_type ())
G_DECLARE_FINAL_TYPE (MizanAssessmentRow, mizan_assessment_row, MIZAN, ASSESSMENT_ROW, AdwActionRow)

GtkWidget           *mizan_assessment_row_new      (MizanAssessmentItem *item);
MizanAssessmentItem *mizan_assessment_row_get_item (MizanAssessmentRow  *self);

G_END_DECLS
