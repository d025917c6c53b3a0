/* mizan-profile-dialog.c — the organization's answers to the model's profile questions
 * One switch row per question; a failed save puts the switch back and says why in the header. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <adwaita.h>

#include "mizan-profile-dialog.h"
#include "mizan-profile-row.h"

static void
on_answer_changed (MizanProfileRow *row,
                   MizanSession    *session)
{
  const MizanProfileQuestion *question = mizan_profile_row_get_question (row);
  g_autoptr(GError) error = NULL;

  if (!mizan_session_set_profile_answer (session, question->id, mizan_profile_row_get_answer (row), &error))
    mizan_profile_row_set_answer (row, mizan_assessment_get_profile_answer (mizan_session_get_assessment (session),
                                                                            question->id));
}

void
mizan_profile_dialog_present (GtkWidget    *parent,
                              MizanSession *session)
{
  MizanFramework *framework;
  MizanAssessment *assessment;
  AdwPreferencesWindow *window;
  AdwPreferencesPage *page;
  AdwPreferencesGroup *group;

  g_return_if_fail (GTK_IS_WIDGET (parent));
  g_return_if_fail (MIZAN_IS_SESSION (session));

  framework = mizan_session_get_framework (session);
  assessment = mizan_session_get_assessment (session);
  if (mizan_framework_get_n_profile_questions (framework) == 0)
    return;

  window = ADW_PREFERENCES_WINDOW (adw_preferences_window_new ());
  gtk_window_set_title (GTK_WINDOW (window), _("Organization Profile"));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (gtk_widget_get_root (parent)));
  gtk_window_set_default_size (GTK_WINDOW (window), 560, 520);
  adw_preferences_window_set_search_enabled (window, FALSE);

  page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, _("What the Organization Does"));
  adw_preferences_group_set_description (group,
                                         _("Practices about what the organization does not do are not applicable "
                                           "and left out of its scores, charts, reports and shared figures."));
  for (guint i = 0; i < mizan_framework_get_n_profile_questions (framework); i++)
    {
      const MizanProfileQuestion *question = mizan_framework_get_profile_question (framework, i);
      GtkWidget *row = mizan_profile_row_new (question, mizan_assessment_get_profile_answer (assessment, question->id));

      /* The session outlives the dialog: it is modal over the assessment. */
      g_signal_connect_object (row, "answer-changed", G_CALLBACK (on_answer_changed), session, 0);
      adw_preferences_group_add (group, row);
    }
  adw_preferences_page_add (page, group);
  adw_preferences_window_add (window, page);
  gtk_window_present (GTK_WINDOW (window));
}
