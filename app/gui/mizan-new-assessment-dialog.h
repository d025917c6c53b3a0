/* mizan-new-assessment-dialog.h — the form that starts an assessment
 * Organization (new or known), country, sector, size, framework, title and assessor. */
#pragma once

#include <adwaita.h>

#include "mizan-catalog.h"
#include "mizan-preferences.h"
#include "mizan-store.h"

G_BEGIN_DECLS

#define MIZAN_TYPE_NEW_ASSESSMENT_DIALOG (mizan_new_assessment_dialog_get_type ())
G_DECLARE_FINAL_TYPE (MizanNewAssessmentDialog, mizan_new_assessment_dialog, MIZAN, NEW_ASSESSMENT_DIALOG, AdwWindow)

/* Emits "created" (the new assessment's id) once it is stored, then closes. */
MizanNewAssessmentDialog *mizan_new_assessment_dialog_new      (GtkWindow                *parent,
                                                                MizanStore               *store,
                                                                MizanCatalog             *catalog,
                                                                MizanPreferences         *preferences);
/* Whether the form is complete enough to create (Create is sensitive). */
gboolean                  mizan_new_assessment_dialog_is_valid (MizanNewAssessmentDialog *self);

G_END_DECLS
