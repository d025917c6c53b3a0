/* test-gui-compare.c — the Compare page beside an earlier assessment of the same organization
 * Empty without one; with one, the deltas and changed practices follow the answers live. */
#include "gui-test.h"

#include "mizan-assessment-view.h"

typedef struct {
  GtkWindow           *window;
  MizanAssessmentView *view;
  MizanComparePage    *page;
  MizanSession        *session;
  MizanAssessment     *assessment;
} Setup;

static void
setup_view (Setup      *setup,
            GuiFixture *fixture)
{
  setup->assessment = gui_test_store_assessment (fixture, "This year");
  setup->session = mizan_session_new (fixture->store, fixture->framework, setup->assessment);
  setup->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (setup->window, 1000, 700);
  setup->view = g_object_new (MIZAN_TYPE_ASSESSMENT_VIEW, NULL);
  gtk_window_set_child (setup->window, GTK_WIDGET (setup->view));
  gtk_window_present (setup->window);
  mizan_assessment_view_set_session (setup->view, setup->session);
  setup->page = MIZAN_COMPARE_PAGE (gtk_widget_get_template_child (GTK_WIDGET (setup->view),
                                                                   MIZAN_TYPE_ASSESSMENT_VIEW, "compare_page"));
}

static void
teardown_view (Setup *setup)
{
  gtk_window_destroy (setup->window);
  g_clear_object (&setup->session);
  g_clear_object (&setup->assessment);
}

static const char *
visible_page (Setup *setup)
{
  GtkStack *stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (setup->page),
                                                              MIZAN_TYPE_COMPARE_PAGE, "stack"));

  return gtk_stack_get_visible_child_name (stack);
}

static const char *
row_subtitle (GtkListBox *list,
              int         index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, index);

  g_assert_nonnull (row);
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
}

static guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;
  return n;
}

static void
on_show_capability (MizanComparePage *page,
                    const char       *capability_id,
                    const char       *practice_id,
                    char            **out)
{
  *out = g_strdup (practice_id);
}

static void
test_empty_without_another (GuiFixture    *fixture,
                            gconstpointer  data)
{
  Setup setup = { 0, };
  g_autoptr(MizanAssessment) elsewhere = mizan_assessment_new (NULL);
  g_autoptr(GError) error = NULL;

  /* Another organization's assessment is no candidate. */
  mizan_assessment_set_title (elsewhere, "Other ministry");
  mizan_assessment_set_framework (elsewhere, "mini", "1.0.0");
  mizan_assessment_set_organization (elsewhere, "Ministry of Elsewhere", "PAK", "government", "large");
  mizan_store_save_assessment (fixture->store, elsewhere, FALSE, &error);
  g_assert_no_error (error);

  setup_view (&setup, fixture);
  mizan_assessment_view_show_page (setup.view, "compare");
  gui_test_spin (20);
  g_assert_cmpstr (visible_page (&setup), ==, "empty");
  g_assert_false (mizan_compare_page_select (setup.page, mizan_assessment_get_id (elsewhere)));
  teardown_view (&setup);
}

static void
test_deltas_follow_answers (GuiFixture    *fixture,
                            gconstpointer  data)
{
  Setup setup = { 0, };
  g_autoptr(MizanAssessment) earlier = gui_test_store_assessment (fixture, "Last year");
  g_autoptr(GError) error = NULL;
  g_autofree char *jumped = NULL;
  GtkListBox *domains, *changes;

  /* Last year: GOV.1 at level 1. */
  mizan_store_set_answer (fixture->store, mizan_assessment_get_id (earlier), "GOV.1.1", MIZAN_STATUS_FULLY, NULL, NULL, &error);
  g_assert_no_error (error);
  mizan_store_set_answer (fixture->store, mizan_assessment_get_id (earlier), "GOV.1.2", MIZAN_STATUS_FULLY, NULL, NULL, &error);
  g_assert_no_error (error);

  setup_view (&setup, fixture);
  g_signal_connect (setup.page, "show-capability", G_CALLBACK (on_show_capability), &jumped);
  mizan_assessment_view_show_page (setup.view, "compare");
  gui_test_spin (20);
  g_assert_cmpstr (visible_page (&setup), ==, "compare");
  g_assert_true (mizan_compare_page_select (setup.page, mizan_assessment_get_id (earlier)));

  domains = mizan_compare_page_get_domain_list (setup.page);
  changes = mizan_compare_page_get_change_list (setup.page);
  g_assert_cmpuint (count_rows (domains), ==, 2);
  /* This year has nothing yet: GOV's index fell from 2/3 to 0. */
  g_assert_cmpstr (row_subtitle (domains, 0), ==, "Index 0.67 → 0.00 · level 0 → 0");
  g_assert_cmpuint (count_rows (changes), ==, 2);
  g_assert_cmpstr (row_subtitle (changes, 0), ==, "GOV.1.1 · Fully implemented → Unanswered");

  /* Answering this year moves the figures and the list while the page shows. */
  mizan_session_set_answer (setup.session, "GOV.1.1", MIZAN_STATUS_FULLY, NULL, NULL, &error);
  g_assert_no_error (error);
  mizan_session_set_answer (setup.session, "OPS.1.1", MIZAN_STATUS_PARTIALLY, NULL, NULL, &error);
  g_assert_no_error (error);
  gui_test_spin (20);
  g_assert_cmpuint (count_rows (changes), ==, 2);   /* GOV.1.2 and OPS.1.1 */
  g_assert_cmpstr (row_subtitle (changes, 0), ==, "GOV.1.2 · Fully implemented → Unanswered");
  g_assert_cmpstr (row_subtitle (changes, 1), ==, "OPS.1.1 · Unanswered → Partially implemented");

  /* A changed practice opens in the questionnaire. */
  g_signal_emit_by_name (gtk_list_box_get_row_at_index (changes, 0), "activate");
  g_assert_cmpstr (jumped, ==, "GOV.1.2");
  g_assert_cmpstr (mizan_assessment_view_get_page (setup.view), ==, "questionnaire");
  teardown_view (&setup);
}

int
main (int   argc,
      char *argv[])
{
  gui_test_init (&argc, &argv);

  GUI_TEST_ADD ("/gui/compare/empty-without-another", test_empty_without_another);
  GUI_TEST_ADD ("/gui/compare/deltas-follow-answers", test_deltas_follow_answers);

  return g_test_run ();
}
