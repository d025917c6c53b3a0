/* test-gui-questionnaire.c — answering through the questionnaire's widgets
 * A toggle stores the answer and moves the sidebar's progress; notes, targets, filter, search, results. */
#include "gui-test.h"

#include "mizan-assessment-view.h"
#include "mizan-capability-row.h"
#include "mizan-results.h"

typedef struct {
  GtkWindow           *window;
  MizanAssessmentView *view;
  MizanQuestionnaire  *questionnaire;
  MizanSession        *session;
  MizanAssessment     *assessment;
} Setup;

static void
setup_view (Setup      *setup,
            GuiFixture *fixture)
{
  setup->assessment = gui_test_store_assessment (fixture, "Questionnaire test");
  setup->session = mizan_session_new (fixture->store, fixture->framework, setup->assessment);
  setup->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (setup->window, 1000, 700);
  setup->view = g_object_new (MIZAN_TYPE_ASSESSMENT_VIEW, NULL);
  gtk_window_set_child (setup->window, GTK_WIDGET (setup->view));
  gtk_window_present (setup->window);
  mizan_assessment_view_set_session (setup->view, setup->session);
  setup->questionnaire = mizan_assessment_view_get_questionnaire (setup->view);
}

static void
teardown_view (Setup *setup)
{
  gtk_window_destroy (setup->window);
  g_clear_object (&setup->session);
  g_clear_object (&setup->assessment);
}

static MizanPracticeRow *
practice_row (Setup      *setup,
              const char *practice_id)
{
  MizanPracticeRow *row = mizan_capability_page_get_practice_row (mizan_questionnaire_get_page (setup->questionnaire),
                                                                  practice_id);

  g_assert_nonnull (row);
  return row;
}

static void
click_status (Setup       *setup,
              const char  *practice_id,
              MizanStatus  status)
{
  gui_test_click (mizan_practice_row_get_status_button (practice_row (setup, practice_id), status));
}

static MizanStatus
stored_status (GuiFixture *fixture,
               Setup      *setup,
               const char *practice_id,
               const char **note)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MizanAssessment) stored = NULL;
  const MizanAnswer *answer;
  static char *last_note;

  stored = mizan_store_load_assessment (fixture->store, mizan_assessment_get_id (setup->assessment), &error);
  g_assert_no_error (error);
  answer = mizan_assessment_get_answer (stored, practice_id);
  g_clear_pointer (&last_note, g_free);
  if (note != NULL)
    *note = last_note = answer != NULL ? g_strdup (answer->note) : NULL;
  return answer != NULL ? answer->status : MIZAN_STATUS_NONE;
}

static const char *
sidebar_progress (Setup      *setup,
                  const char *capability_id)
{
  MizanCapability *capability = mizan_framework_lookup_capability (mizan_session_get_framework (setup->session),
                                                                   capability_id);
  GtkWidget *row = mizan_questionnaire_get_row (setup->questionnaire, capability);

  g_assert_nonnull (row);
  return mizan_capability_row_get_progress (MIZAN_CAPABILITY_ROW (row));
}

static void
test_toggle_stores_and_counts (GuiFixture    *fixture,
                               gconstpointer  data)
{
  Setup setup = { 0, };
  MizanOutlineItem *domain;

  setup_view (&setup, fixture);
  g_assert_cmpstr (mizan_questionnaire_get_capability (setup.questionnaire)->id, ==, "GOV.1");
  g_assert_cmpstr (sidebar_progress (&setup, "GOV.1"), ==, "0/4");
  g_assert_cmpstr (mizan_assessment_view_get_save_text (setup.view), ==, "");

  click_status (&setup, "GOV.1.1", MIZAN_STATUS_FULLY);
  g_assert_cmpint (stored_status (fixture, &setup, "GOV.1.1", NULL), ==, MIZAN_STATUS_FULLY);
  g_assert_cmpstr (sidebar_progress (&setup, "GOV.1"), ==, "1/4");
  g_assert_cmpstr (mizan_assessment_view_get_save_text (setup.view), ==, "Saved");
  domain = mizan_session_get_domain_item (setup.session, mizan_framework_lookup_domain (fixture->framework, "GOV"));
  g_assert_cmpuint (mizan_outline_item_get_answered (domain), ==, 1);

  /* Another status replaces it; the count does not change. */
  click_status (&setup, "GOV.1.1", MIZAN_STATUS_PARTIALLY);
  g_assert_cmpint (stored_status (fixture, &setup, "GOV.1.1", NULL), ==, MIZAN_STATUS_PARTIALLY);
  g_assert_true (gtk_toggle_button_get_active (mizan_practice_row_get_status_button (practice_row (&setup, "GOV.1.1"),
                                                                                      MIZAN_STATUS_PARTIALLY)));
  g_assert_false (gtk_toggle_button_get_active (mizan_practice_row_get_status_button (practice_row (&setup, "GOV.1.1"),
                                                                                       MIZAN_STATUS_FULLY)));
  g_assert_cmpstr (sidebar_progress (&setup, "GOV.1"), ==, "1/4");

  /* N/A counts as answered. */
  click_status (&setup, "GOV.1.2", MIZAN_STATUS_NA);
  g_assert_cmpint (stored_status (fixture, &setup, "GOV.1.2", NULL), ==, MIZAN_STATUS_NA);
  g_assert_cmpstr (sidebar_progress (&setup, "GOV.1"), ==, "2/4");
  g_assert_cmpuint (mizan_outline_item_get_answered (domain), ==, 2);

  /* Clear makes it unanswered again, in the store too. */
  gui_test_click (mizan_practice_row_get_clear_button (practice_row (&setup, "GOV.1.1")));
  g_assert_cmpint (stored_status (fixture, &setup, "GOV.1.1", NULL), ==, MIZAN_STATUS_NONE);
  g_assert_cmpstr (sidebar_progress (&setup, "GOV.1"), ==, "1/4");
  for (MizanStatus status = MIZAN_STATUS_FULLY; status <= MIZAN_STATUS_NA; status++)
    g_assert_false (gtk_toggle_button_get_active (mizan_practice_row_get_status_button (practice_row (&setup, "GOV.1.1"),
                                                                                         status)));
  teardown_view (&setup);
}

static gboolean
is_saved (gpointer data)
{
  return mizan_session_get_save_state (MIZAN_SESSION (data)) == MIZAN_SAVE_STATE_SAVED;
}

static void
test_note_saved_after_pause (GuiFixture    *fixture,
                             gconstpointer  data)
{
  Setup setup = { 0, };
  const char *note = NULL;

  setup_view (&setup, fixture);
  gtk_text_buffer_set_text (mizan_practice_row_get_note_buffer (practice_row (&setup, "GOV.1.3")), "Minutes of the board", -1);
  g_assert_cmpint (mizan_session_get_save_state (setup.session), ==, MIZAN_SAVE_STATE_PENDING);
  g_assert_cmpstr (mizan_assessment_view_get_save_text (setup.view), ==, "Saving…");
  gui_test_wait_until (is_saved, setup.session);
  g_assert_cmpstr (mizan_assessment_view_get_save_text (setup.view), ==, "Saved");

  /* A note alone is kept without making the practice answered. */
  g_assert_cmpint (stored_status (fixture, &setup, "GOV.1.3", &note), ==, MIZAN_STATUS_NONE);
  g_assert_cmpstr (note, ==, "Minutes of the board");
  g_assert_cmpstr (sidebar_progress (&setup, "GOV.1"), ==, "0/4");

  /* Typing and then leaving the capability at once still keeps it. */
  gtk_text_buffer_set_text (mizan_practice_row_get_evidence_buffer (practice_row (&setup, "GOV.1.4")), "Review calendar", -1);
  gtk_widget_activate_action (GTK_WIDGET (setup.questionnaire), "questionnaire.next", NULL);
  g_assert_cmpstr (mizan_questionnaire_get_capability (setup.questionnaire)->id, ==, "GOV.2");
  g_assert_cmpint (mizan_session_get_save_state (setup.session), ==, MIZAN_SAVE_STATE_SAVED);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(MizanAssessment) stored = mizan_store_load_assessment (fixture->store,
                                                                     mizan_assessment_get_id (setup.assessment), &error);

    g_assert_no_error (error);
    g_assert_cmpstr (mizan_assessment_get_answer (stored, "GOV.1.4")->evidence, ==, "Review calendar");
  }
  teardown_view (&setup);
}

static void
test_navigation_and_filter (GuiFixture    *fixture,
                            gconstpointer  data)
{
  Setup setup = { 0, };

  setup_view (&setup, fixture);
  gtk_widget_activate_action (GTK_WIDGET (setup.questionnaire), "questionnaire.previous", NULL);
  g_assert_cmpstr (mizan_questionnaire_get_capability (setup.questionnaire)->id, ==, "GOV.1");
  gtk_widget_activate_action (GTK_WIDGET (setup.questionnaire), "questionnaire.next", NULL);
  gtk_widget_activate_action (GTK_WIDGET (setup.questionnaire), "questionnaire.next", NULL);
  g_assert_cmpstr (mizan_questionnaire_get_capability (setup.questionnaire)->id, ==, "OPS.1");
  gtk_widget_activate_action (GTK_WIDGET (setup.questionnaire), "questionnaire.next", NULL);
  g_assert_cmpstr (mizan_questionnaire_get_capability (setup.questionnaire)->id, ==, "OPS.1");

  /* Answer one practice of GOV.1 and all of GOV.2, then ask for unanswered only. */
  mizan_questionnaire_show_capability (setup.questionnaire,
                                       mizan_framework_lookup_capability (fixture->framework, "GOV.1"), NULL);
  click_status (&setup, "GOV.1.1", MIZAN_STATUS_FULLY);
  mizan_questionnaire_show_capability (setup.questionnaire,
                                       mizan_framework_lookup_capability (fixture->framework, "GOV.2"), NULL);
  click_status (&setup, "GOV.2.1", MIZAN_STATUS_FULLY);
  click_status (&setup, "GOV.2.2", MIZAN_STATUS_NOT);
  click_status (&setup, "GOV.2.3", MIZAN_STATUS_LARGELY);
  g_assert_nonnull (mizan_questionnaire_get_row (setup.questionnaire,
                                                  mizan_framework_lookup_capability (fixture->framework, "GOV.2")));

  mizan_questionnaire_set_unanswered_only (setup.questionnaire, TRUE);
  g_assert_null (mizan_questionnaire_get_row (setup.questionnaire,
                                               mizan_framework_lookup_capability (fixture->framework, "GOV.2")));
  /* The complete capability it was on gave way to an open one. */
  g_assert_cmpstr (mizan_questionnaire_get_capability (setup.questionnaire)->id, ==, "GOV.1");
  /* Only the open practices of GOV.1 are listed. */
  g_assert_null (mizan_capability_page_get_practice_row (mizan_questionnaire_get_page (setup.questionnaire), "GOV.1.1"));
  g_assert_nonnull (mizan_capability_page_get_practice_row (mizan_questionnaire_get_page (setup.questionnaire), "GOV.1.2"));
  /* Next skips the complete GOV.2. */
  gtk_widget_activate_action (GTK_WIDGET (setup.questionnaire), "questionnaire.next", NULL);
  g_assert_cmpstr (mizan_questionnaire_get_capability (setup.questionnaire)->id, ==, "OPS.1");

  mizan_questionnaire_set_unanswered_only (setup.questionnaire, FALSE);
  g_assert_nonnull (mizan_questionnaire_get_row (setup.questionnaire,
                                                  mizan_framework_lookup_capability (fixture->framework, "GOV.2")));
  teardown_view (&setup);
}

static void
test_search_jumps (GuiFixture    *fixture,
                   gconstpointer  data)
{
  Setup setup = { 0, };
  GListModel *results;
  g_autoptr(GtkStringObject) first = NULL;
  GtkWidget *focus;

  setup_view (&setup, fixture);
  mizan_questionnaire_start_search (setup.questionnaire);

  /* Case-insensitive, anywhere in the text, across capabilities. */
  mizan_questionnaire_set_search_text (setup.questionnaire, "PLAN");
  results = mizan_questionnaire_get_search_results (setup.questionnaire);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 2);   /* OPS.1.2, OPS.1.4 */
  first = g_list_model_get_item (results, 0);
  g_assert_cmpstr (gtk_string_object_get_string (first), ==, "OPS.1.2");

  mizan_questionnaire_activate_search_result (setup.questionnaire, 0);
  g_assert_cmpstr (mizan_questionnaire_get_capability (setup.questionnaire)->id, ==, "OPS.1");
  /* The keyboard lands on the practice found. */
  focus = gtk_root_get_focus (GTK_ROOT (setup.window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (practice_row (&setup, "OPS.1.2"))));

  /* Ids are searchable too; nothing matching shows nothing. */
  mizan_questionnaire_set_search_text (setup.questionnaire, "gov.2.3");
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 1);
  mizan_questionnaire_set_search_text (setup.questionnaire, "zebra");
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 0);
  teardown_view (&setup);
}

static void
test_target_spin (GuiFixture    *fixture,
                  gconstpointer  data)
{
  Setup setup = { 0, };
  GtkSpinButton *spin;
  g_autoptr(GError) error = NULL;
  g_autoptr(MizanAssessment) stored = NULL;
  g_autoptr(MizanAssessment) reverted = NULL;

  setup_view (&setup, fixture);
  spin = mizan_capability_page_get_target_spin (mizan_questionnaire_get_page (setup.questionnaire));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, 2);   /* mini's default */

  gtk_spin_button_set_value (spin, 3);
  stored = mizan_store_load_assessment (fixture->store, mizan_assessment_get_id (setup.assessment), &error);
  g_assert_no_error (error);
  g_assert_cmpint (mizan_assessment_get_target (stored, "GOV.1"), ==, 3);

  /* Back to the default: the override goes, so it follows the framework again. */
  gtk_spin_button_set_value (spin, 2);
  reverted = mizan_store_load_assessment (fixture->store, mizan_assessment_get_id (setup.assessment), &error);
  g_assert_no_error (error);
  g_assert_cmpint (mizan_assessment_get_target (reverted, "GOV.1"), ==, -1);
  teardown_view (&setup);
}

static void
on_show_capability (GtkWidget   *page,
                    const char  *capability_id,
                    const char  *practice_id,
                    char       **out)
{
  *out = g_strdup (capability_id);
}

static void
test_results_follow_answers (GuiFixture    *fixture,
                             gconstpointer  data)
{
  Setup setup = { 0, };
  MizanResultsPage *results_page;
  g_autoptr(MizanResults) expected = NULL;
  g_autofree char *expected_text = NULL;
  g_autofree char *jumped = NULL;
  GtkListBox *priorities;
  GtkListBoxRow *first;

  setup_view (&setup, fixture);
  results_page = mizan_assessment_view_get_results_page (setup.view);
  g_signal_connect (results_page, "show-capability", G_CALLBACK (on_show_capability), &jumped);

  click_status (&setup, "GOV.1.1", MIZAN_STATUS_FULLY);
  click_status (&setup, "GOV.1.2", MIZAN_STATUS_FULLY);
  mizan_assessment_view_show_page (setup.view, "results");
  mizan_results_page_refresh (results_page);

  expected = mizan_results_compute (fixture->framework, setup.assessment);
  expected_text = g_strdup_printf ("%.2f", expected->index);
  g_assert_cmpstr (mizan_results_page_get_index_text (results_page), ==, expected_text);
  g_assert_cmpstr (mizan_results_page_get_index_text (results_page), !=, "0.00");

  /* An answer changes what the page shows. */
  mizan_assessment_view_show_page (setup.view, "questionnaire");
  click_status (&setup, "GOV.1.3", MIZAN_STATUS_FULLY);
  mizan_assessment_view_show_page (setup.view, "results");
  gui_test_spin (50);
  g_clear_pointer (&expected, mizan_results_free);
  g_clear_pointer (&expected_text, g_free);
  expected = mizan_results_compute (fixture->framework, setup.assessment);
  expected_text = g_strdup_printf ("%.2f", expected->index);
  g_assert_cmpstr (mizan_results_page_get_index_text (results_page), ==, expected_text);

  /* The assessed priorities and, apart, the not yet assessed ones: with
   * three answers GOV.1 is still provisional, like every other capability. */
  g_assert_cmpuint (expected->n_assessed_priorities, ==, 0);
  priorities = mizan_results_page_get_priorities (results_page);
  g_assert_null (gtk_list_box_get_row_at_index (priorities, 0));
  priorities = mizan_results_page_get_unassessed (results_page);
  g_assert_nonnull (gtk_list_box_get_row_at_index (priorities, expected->n_priorities - 1));
  g_assert_null (gtk_list_box_get_row_at_index (priorities, expected->n_priorities));

  /* The first of them opens its capability in the questionnaire. */
  first = gtk_list_box_get_row_at_index (priorities, 0);
  g_assert_nonnull (first);
  g_signal_emit_by_name (first, "activate");
  g_assert_cmpstr (jumped, ==, expected->priorities[0].capability->id);
  g_assert_cmpstr (mizan_assessment_view_get_page (setup.view), ==, "questionnaire");
  g_assert_cmpstr (mizan_questionnaire_get_capability (setup.questionnaire)->id, ==, jumped);
  teardown_view (&setup);
}

static void
test_failed_write_is_shown (GuiFixture    *fixture,
                            gconstpointer  data)
{
  Setup setup = { 0, };
  g_autoptr(GError) error = NULL;

  setup_view (&setup, fixture);
  /* The assessment disappears from the database behind the window's back
   * (another program deleted it): the next answer cannot be stored. */
  mizan_store_delete_assessment (fixture->store, mizan_assessment_get_id (setup.assessment), &error);
  g_assert_no_error (error);

  click_status (&setup, "GOV.1.1", MIZAN_STATUS_FULLY);
  g_assert_cmpint (mizan_session_get_save_state (setup.session), ==, MIZAN_SAVE_STATE_FAILED);
  g_assert_cmpstr (mizan_assessment_view_get_save_text (setup.view), ==, "Not saved");
  g_assert_nonnull (mizan_session_get_save_error (setup.session));
  /* The page does not pretend: the toggle goes back, the count stays. */
  g_assert_false (gtk_toggle_button_get_active (mizan_practice_row_get_status_button (practice_row (&setup, "GOV.1.1"),
                                                                                       MIZAN_STATUS_FULLY)));
  g_assert_cmpint (mizan_session_get_status (setup.session, "GOV.1.1"), ==, MIZAN_STATUS_NONE);
  g_assert_cmpstr (sidebar_progress (&setup, "GOV.1"), ==, "0/4");
  teardown_view (&setup);
}

int
main (int   argc,
      char *argv[])
{
  gui_test_init (&argc, &argv);

  GUI_TEST_ADD ("/gui/questionnaire/toggle-stores-and-counts", test_toggle_stores_and_counts);
  GUI_TEST_ADD ("/gui/questionnaire/note-saved-after-pause", test_note_saved_after_pause);
  GUI_TEST_ADD ("/gui/questionnaire/navigation-and-filter", test_navigation_and_filter);
  GUI_TEST_ADD ("/gui/questionnaire/search-jumps", test_search_jumps);
  GUI_TEST_ADD ("/gui/questionnaire/target-spin", test_target_spin);
  GUI_TEST_ADD ("/gui/questionnaire/results-follow-answers", test_results_follow_answers);
  GUI_TEST_ADD ("/gui/questionnaire/failed-write-is-shown", test_failed_write_is_shown);

  return g_test_run ();
}
