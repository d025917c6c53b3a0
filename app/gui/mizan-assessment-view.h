/* mizan-assessment-view.h — one open assessment: questionnaire, results and roadmap
 * The header shows where the user is and whether every change is saved. */
#pragma once

#include <gtk/gtk.h>

#include "mizan-questionnaire.h"
#include "mizan-results-page.h"
#include "mizan-roadmap-page.h"
#include "mizan-compare-page.h"
#include "mizan-session.h"

G_BEGIN_DECLS

#define MIZAN_TYPE_ASSESSMENT_VIEW (mizan_assessment_view_get_type ())
G_DECLARE_FINAL_TYPE (MizanAssessmentView, mizan_assessment_view, MIZAN, ASSESSMENT_VIEW, GtkWidget)

/* NULL closes the assessment (any text being typed is saved first). */
void                mizan_assessment_view_set_session       (MizanAssessmentView *self,
                                                             MizanSession        *session);
MizanSession       *mizan_assessment_view_get_session       (MizanAssessmentView *self);
/* A newer version of the model that can take the assessment (a banner
 * offers to carry it there), or NULL. */
void                mizan_assessment_view_set_successor     (MizanAssessmentView *self,
                                                             MizanFramework      *successor);
/* "questionnaire", "results" or "roadmap" */
void                mizan_assessment_view_show_page         (MizanAssessmentView *self,
                                                             const char          *name);
const char         *mizan_assessment_view_get_page          (MizanAssessmentView *self);
void                mizan_assessment_view_start_search      (MizanAssessmentView *self);
/* Opens the questionnaire at @capability, with @practice_id (nullable) in view. */
void                mizan_assessment_view_show_capability   (MizanAssessmentView *self,
                                                             MizanCapability     *capability,
                                                             const char          *practice_id);
MizanQuestionnaire *mizan_assessment_view_get_questionnaire (MizanAssessmentView *self);
MizanResultsPage   *mizan_assessment_view_get_results_page  (MizanAssessmentView *self);
/* The text of the save indicator ("Saved", "Saving…", "Not saved") */
const char         *mizan_assessment_view_get_save_text     (MizanAssessmentView *self);

G_END_DECLS
