/* test-gui-window.c — the start page and the window: list, delete with Undo, duplicate, import
 * Deleting only happens once the Undo toast is gone; a bad file is refused whole, with a dialog. */
#include "gui-test.h"

#include "mizan-assessment-item.h"
#include "mizan-exchange.h"
#include "mizan-preferences-window.h"
#include "mizan-window.h"

static MizanWindow *
create_window (GuiFixture *fixture)
{
  MizanWindow *window = g_object_new (MIZAN_TYPE_WINDOW,
                                      "store", fixture->store,
                                      "catalog", fixture->catalog,
                                      "preferences", fixture->preferences,
                                      NULL);

  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static const char *
visible_start_page (MizanWindow *window)
{
  GObject *stack = gtk_widget_get_template_child (GTK_WIDGET (mizan_window_get_start_page (window)),
                                                  MIZAN_TYPE_START_PAGE, "content_stack");

  return gtk_stack_get_visible_child_name (GTK_STACK (stack));
}

static gboolean
stored (GuiFixture *fixture,
        const char *id)
{
  g_autoptr(GError) error = NULL;
  gboolean has = mizan_store_has_assessment (fixture->store, id, &error);

  g_assert_no_error (error);
  return has;
}

static gboolean
in_trash (GuiFixture *fixture,
          const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) trash = mizan_store_list_trash (fixture->store, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < trash->len; i++)
    if (g_str_equal (((MizanAssessmentSummary *) trash->pdata[i])->id, id))
      return TRUE;
  return FALSE;
}

/* The toast's Undo button, found the way a user finds it: on screen. */
static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_empty_state (GuiFixture    *fixture,
                  gconstpointer  data)
{
  MizanWindow *window = create_window (fixture);

  g_assert_cmpstr (visible_start_page (window), ==, "empty");
  g_assert_cmpuint (g_list_model_get_n_items (mizan_start_page_get_model (mizan_window_get_start_page (window))), ==, 0);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_list_shows_assessments (GuiFixture    *fixture,
                             gconstpointer  data)
{
  g_autoptr(MizanAssessment) assessment = gui_test_store_assessment (fixture, "Listed");
  MizanWindow *window;
  GListModel *model;
  g_autoptr(MizanAssessmentItem) item = NULL;
  g_autoptr(GError) error = NULL;

  mizan_store_set_answer (fixture->store, mizan_assessment_get_id (assessment), "GOV.1.1",
                          MIZAN_STATUS_FULLY, NULL, NULL, &error);
  g_assert_no_error (error);

  window = create_window (fixture);
  g_assert_cmpstr (visible_start_page (window), ==, "list");
  model = mizan_start_page_get_model (mizan_window_get_start_page (window));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  item = g_list_model_get_item (model, 0);
  g_assert_cmpstr (mizan_assessment_item_get_title (item), ==, "Listed");
  g_assert_cmpstr (mizan_assessment_item_get_organization (item), ==, "Ministry of Tests");
  g_assert_cmpfloat_with_epsilon (mizan_assessment_item_get_completion (item), 1.0 / 11.0, 1e-9);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_delete_undo_then_delete (GuiFixture    *fixture,
                              gconstpointer  data)
{
  g_autoptr(MizanAssessment) keep = gui_test_store_assessment (fixture, "Keep");
  g_autoptr(MizanAssessment) doomed = gui_test_store_assessment (fixture, "Doomed");
  const char *id = mizan_assessment_get_id (doomed);
  MizanWindow *window = create_window (fixture);
  MizanStartPage *page = mizan_window_get_start_page (window);
  GListModel *model = mizan_start_page_get_model (page);
  GtkWidget *undo;

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);

  /* Gone from the list at once, but still stored while Undo is offered. */
  gtk_widget_activate_action (GTK_WIDGET (page), "start.delete", "s", id);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  g_assert_true (stored (fixture, id));

  undo = find_button (GTK_WIDGET (window), "_Undo");
  g_assert_nonnull (undo);
  gui_test_click (undo);
  gui_test_spin (50);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  g_assert_true (stored (fixture, id));

  g_assert_false (in_trash (fixture, id));

  /* Deleted again, the window closing before the toast goes: in the Trash. */
  gtk_widget_activate_action (GTK_WIDGET (page), "start.delete", "s", id);
  g_assert_false (in_trash (fixture, id));
  gtk_window_destroy (GTK_WINDOW (window));
  gui_test_spin (50);
  g_assert_true (in_trash (fixture, id));
  g_assert_false (in_trash (fixture, mizan_assessment_get_id (keep)));
  g_assert_true (stored (fixture, mizan_assessment_get_id (keep)));
}

static void
test_duplicate (GuiFixture    *fixture,
                gconstpointer  data)
{
  g_autoptr(MizanAssessment) original = gui_test_store_assessment (fixture, "Original");
  g_autoptr(GPtrArray) summaries = NULL;
  g_autoptr(GError) error = NULL;
  MizanWindow *window;
  MizanStartPage *page;
  const char *copy_id = NULL;

  mizan_store_set_answer (fixture->store, mizan_assessment_get_id (original), "OPS.1.1",
                          MIZAN_STATUS_LARGELY, "kept", NULL, &error);
  g_assert_no_error (error);
  window = create_window (fixture);
  page = mizan_window_get_start_page (window);

  gtk_widget_activate_action (GTK_WIDGET (page), "start.duplicate", "s", mizan_assessment_get_id (original));
  g_assert_cmpuint (g_list_model_get_n_items (mizan_start_page_get_model (page)), ==, 2);

  summaries = mizan_store_list_assessments (fixture->store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < summaries->len; i++)
    {
      MizanAssessmentSummary *summary = g_ptr_array_index (summaries, i);

      if (g_strcmp0 (summary->title, "Original (copy)") == 0)
        copy_id = summary->id;
    }
  g_assert_nonnull (copy_id);
  g_assert_cmpstr (copy_id, !=, mizan_assessment_get_id (original));
  {
    g_autoptr(MizanAssessment) copy = mizan_store_load_assessment (fixture->store, copy_id, &error);

    g_assert_no_error (error);
    g_assert_cmpint (mizan_assessment_get_answer (copy, "OPS.1.1")->status, ==, MIZAN_STATUS_LARGELY);
    g_assert_cmpstr (mizan_assessment_get_answer (copy, "OPS.1.1")->note, ==, "kept");
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkWindow *
find_dialog (const char *heading)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)) &&
          g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window)), heading) == 0)
        return window;
    }
  return NULL;
}

static char *
write_file (GuiFixture *fixture,
            const char *name,
            const char *contents)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (fixture->root, name, NULL);

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return path;
}

#define GOOD_FILE \
  "{\"format\": \"mizan-assessment\", \"format_version\": 1," \
  " \"framework\": {\"id\": \"mini\", \"version\": \"1.0.0\"}," \
  " \"organization\": {\"name\": \"Imported Org\", \"country\": \"SEN\", \"sector\": \"health\", \"size\": \"small\"}," \
  " \"assessment\": {\"id\": \"0b7c9a52-1f1e-4c1a-9d3e-2a6f5b8c7d10\", \"title\": \"From a file\", \"assessor\": \"X\"," \
  "                  \"created\": \"2025-03-01T10:00:00Z\", \"updated\": \"2025-03-02T10:00:00Z\"}," \
  " \"targets\": {\"GOV.1\": 3}," \
  " \"answers\": {\"GOV.1.1\": {\"status\": \"fully\"}}}"

static void
test_import (GuiFixture    *fixture,
             gconstpointer  data)
{
  g_autofree char *good = write_file (fixture, "good.mizan", GOOD_FILE);
  g_autoptr(GFile) file = g_file_new_for_path (good);
  MizanWindow *window = create_window (fixture);
  MizanSession *session;
  GtkWindow *dialog;

  mizan_window_import_file (window, file);
  g_assert_true (stored (fixture, "0b7c9a52-1f1e-4c1a-9d3e-2a6f5b8c7d10"));
  /* It opens at once. */
  session = mizan_assessment_view_get_session (mizan_window_get_assessment_view (window));
  g_assert_nonnull (session);
  g_assert_cmpstr (mizan_assessment_get_title (mizan_session_get_assessment (session)), ==, "From a file");
  g_assert_cmpint (mizan_session_get_status (session, "GOV.1.1"), ==, MIZAN_STATUS_FULLY);

  /* The same file again: the user is asked; "Import as Copy" keeps both. */
  mizan_window_import_file (window, file);
  dialog = find_dialog ("Assessment Already Here");
  g_assert_nonnull (dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "copy");
  gui_test_spin (20);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) summaries = mizan_store_list_assessments (fixture->store, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (summaries->len, ==, 2);
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_import_refuses_bad_file (GuiFixture    *fixture,
                              gconstpointer  data)
{
  /* An unknown practice: the whole file is refused, nothing is stored. */
  g_autoptr(GString) bad_contents = g_string_new (GOOD_FILE);
  g_autofree char *bad = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) summaries = NULL;
  MizanWindow *window = create_window (fixture);
  GtkWindow *dialog;
  const char *body;

  g_string_replace (bad_contents, "GOV.1.1", "GOV.9.9", 0);
  bad = write_file (fixture, "bad.mizan", bad_contents->str);
  file = g_file_new_for_path (bad);

  mizan_window_import_file (window, file);
  dialog = find_dialog ("Cannot Import “bad.mizan”");
  g_assert_nonnull (dialog);
  body = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog));
  g_assert_nonnull (strstr (body, "GOV.9.9"));   /* it says where */

  summaries = mizan_store_list_assessments (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summaries->len, ==, 0);
  g_assert_null (mizan_assessment_view_get_session (mizan_window_get_assessment_view (window)));
  gtk_window_destroy (dialog);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_preferences_window (GuiFixture    *fixture,
                         gconstpointer  data)
{
  GtkWidget *window = mizan_preferences_window_new (fixture->preferences);
  AdwComboRow *row = ADW_COMBO_ROW (gtk_widget_get_template_child (window, MIZAN_TYPE_PREFERENCES_WINDOW,
                                                                   "default_target_row"));
  g_autofree char *path = g_build_filename (fixture->root, "config", "mizan", "preferences.ini", NULL);
  g_autoptr(MizanPreferences) reread = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 0);   /* the framework's own default */
  adw_combo_row_set_selected (row, 4);
  g_assert_cmpuint (mizan_preferences_get_default_target (fixture->preferences), ==, 4);

  /* Written at once, and read back by the next start. */
  reread = mizan_preferences_new (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mizan_preferences_get_default_target (reread), ==, 4);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_preferences_ignore_bad_file (GuiFixture    *fixture,
                                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->root, "bad-preferences.ini", NULL);
  g_autoptr(MizanPreferences) preferences = NULL;
  g_autoptr(GError) error = NULL;

  /* Out of range: the default is kept rather than a target no framework has. */
  g_file_set_contents (path, "[Mizan]\ndefault-target=42\n", -1, &error);
  g_assert_no_error (error);
  preferences = mizan_preferences_new (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mizan_preferences_get_default_target (preferences), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  gui_test_init (&argc, &argv);

  GUI_TEST_ADD ("/gui/window/empty-state", test_empty_state);
  GUI_TEST_ADD ("/gui/window/list-shows-assessments", test_list_shows_assessments);
  GUI_TEST_ADD ("/gui/window/delete-undo-then-delete", test_delete_undo_then_delete);
  GUI_TEST_ADD ("/gui/window/duplicate", test_duplicate);
  GUI_TEST_ADD ("/gui/window/import", test_import);
  GUI_TEST_ADD ("/gui/window/import-refuses-bad-file", test_import_refuses_bad_file);
  GUI_TEST_ADD ("/gui/window/preferences-window", test_preferences_window);
  GUI_TEST_ADD ("/gui/window/preferences-ignore-bad-file", test_preferences_ignore_bad_file);

  return g_test_run ();
}
