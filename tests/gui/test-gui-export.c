/* test-gui-export.c — Export… and the Reports preferences, through the widgets
 * The menu action opens the file chooser and writes the chosen file; each format's writer; rows bound to GSettings. */
#include "gui-test.h"

#include "mizan-assessment-view.h"
#include "mizan-export.h"
#include "mizan-report-preferences.h"

typedef struct {
  GtkWindow           *window;
  MizanAssessmentView *view;
  MizanSession        *session;
  MizanAssessment     *assessment;
} Setup;

static void
setup_view (Setup      *setup,
            GuiFixture *fixture)
{
  GtkWidget *overlay = adw_toast_overlay_new ();

  setup->assessment = gui_test_store_assessment (fixture, "Export test");
  setup->session = mizan_session_new (fixture->store, fixture->framework, setup->assessment);
  setup->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (setup->window, 1000, 700);
  setup->view = g_object_new (MIZAN_TYPE_ASSESSMENT_VIEW, NULL);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (setup->view));
  gtk_window_set_child (setup->window, overlay);
  gtk_window_present (setup->window);
  mizan_assessment_view_set_session (setup->view, setup->session);
}

static void
teardown_view (Setup *setup)
{
  gtk_window_destroy (setup->window);
  g_clear_object (&setup->session);
  g_clear_object (&setup->assessment);
}

static GtkWidget *
find_chooser (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);


      if (GTK_IS_FILE_CHOOSER_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)) &&
          g_strcmp0 (gtk_window_get_title (window), "Export Assessment") == 0)
        return GTK_WIDGET (window);
    }
  return NULL;
}

static gboolean
chooser_shown (gpointer data)
{
  return find_chooser () != NULL;
}

static gboolean
file_exists (gpointer path)
{
  return g_file_test (path, G_FILE_TEST_IS_REGULAR);
}

G_GNUC_BEGIN_IGNORE_DEPRECATIONS

static void
test_export_action_writes_chosen_file (GuiFixture    *fixture,
                                       gconstpointer  data)
{
  Setup setup = { 0 };
  g_autofree char *path = g_build_filename (fixture->root, "board", NULL);
  g_autofree char *written = g_strconcat (path, ".xlsx", NULL);
  g_autofree char *contents = NULL;
  GtkFileFilter *xlsx = NULL;
  GtkWidget *dialog;
  gsize length = 0;

  setup_view (&setup, fixture);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (setup.view), "view.export", NULL));
  gui_test_wait_until (chooser_shown, NULL);
  dialog = find_chooser ();

  /* A name without extension takes the chosen filter's: the workbook. */
  {
    g_autoptr(GListModel) filters = gtk_file_chooser_get_filters (GTK_FILE_CHOOSER (dialog));

    g_assert_cmpuint (g_list_model_get_n_items (filters), ==, 6);
    for (guint i = 0; i < g_list_model_get_n_items (filters); i++)
      {
        g_autoptr(GtkFileFilter) filter = g_list_model_get_item (filters, i);

        if (g_str_has_prefix (gtk_file_filter_get_name (filter), "Excel workbook"))
          xlsx = filter;
      }
  }
  g_assert_nonnull (xlsx);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (dialog), xlsx);
  /* Typed as a whole path in the name entry, as a person may. */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), path);
  gui_test_spin (200);
  /* As a person would: the Export button (the dialog checks the name before it answers). */
  gui_test_click (gtk_dialog_get_widget_for_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT));
  gui_test_wait_until (file_exists, written);

  g_assert_true (g_file_get_contents (written, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 1000);
  g_assert_cmpmem (contents, 2, "PK", 2);
  teardown_view (&setup);
}

G_GNUC_END_IGNORE_DEPRECATIONS

static void
test_every_format (GuiFixture    *fixture,
                   gconstpointer  data)
{
  static const struct { MizanExportFormat format; const char *name, *magic; } cases[] = {
    { MIZAN_EXPORT_PDF, "a.pdf", "%PDF" },
    { MIZAN_EXPORT_XLSX, "a.xlsx", "PK" },
    { MIZAN_EXPORT_CSV, "a.csv", "" },
    { MIZAN_EXPORT_MIZAN, "a.mizan", "{" },
    { MIZAN_EXPORT_SVG, "a.svg", "<?xml" },
    { MIZAN_EXPORT_PNG, "a.png", "\x89PNG" },
  };
  Setup setup = { 0 };

  setup_view (&setup, fixture);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *path = g_build_filename (fixture->root, cases[i].name, NULL);
      g_autofree char *contents = NULL;
      gsize length = 0;

      g_assert_true (mizan_export_write (setup.session, cases[i].format, MIZAN_CHART_HEAT_MAP, path, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      g_assert_cmpuint (length, >, 10);
      g_assert_true (g_str_has_prefix (contents, cases[i].magic));
    }
  teardown_view (&setup);
}

static void
assert_setting (GSettings  *settings,
                const char *key,
                const char *expected)
{
  g_autofree char *value = g_settings_get_string (settings, key);

  g_assert_cmpstr (value, ==, expected);
}

static void
test_report_preferences_rows (GuiFixture    *fixture,
                              gconstpointer  data)
{
  GSettings *settings = mizan_preferences_get_settings (fixture->preferences);
  g_autoptr(GtkWidget) page = g_object_ref_sink (mizan_report_preferences_new (fixture->preferences));
  GtkWidget *window = gtk_window_new ();
  AdwEntryRow *consultant = NULL;
  AdwComboRow *paper = NULL, *language = NULL;

  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));

  /* Found by title: what a person reads. */
  for (GtkWidget *w = gtk_widget_get_first_child (page); w != NULL;)
    {
      GtkWidget *next = gtk_widget_get_first_child (w);

      if (ADW_IS_ENTRY_ROW (w))
        consultant = ADW_ENTRY_ROW (w);
      else if (ADW_IS_COMBO_ROW (w) && g_str_has_suffix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (w)), "Size"))
        paper = ADW_COMBO_ROW (w);
      else if (ADW_IS_COMBO_ROW (w))
        language = ADW_COMBO_ROW (w);
      if (ADW_IS_PREFERENCES_ROW (w))
        next = NULL;
      while (next == NULL && w != NULL && w != page)
        {
          next = gtk_widget_get_next_sibling (w);
          if (next == NULL)
            w = gtk_widget_get_parent (w);
        }
      w = w == page ? NULL : next;
    }
  g_assert_nonnull (consultant);
  g_assert_nonnull (paper);
  g_assert_nonnull (language);

  gtk_editable_set_text (GTK_EDITABLE (consultant), "Acme Advisory");
  assert_setting (settings, "report-consultant", "Acme Advisory");
  adw_combo_row_set_selected (paper, 1);
  assert_setting (settings, "report-paper", "letter");
  g_settings_set_string (settings, "report-language", "ar");
  g_assert_cmpuint (adw_combo_row_get_selected (language), ==, 2);
  adw_combo_row_set_selected (language, 3);
  assert_setting (settings, "report-language", "fr");
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  gui_test_init (&argc, &argv);
  GUI_TEST_ADD ("/gui/export/action-writes-chosen-file", test_export_action_writes_chosen_file);
  GUI_TEST_ADD ("/gui/export/every-format", test_every_format);
  GUI_TEST_ADD ("/gui/export/report-preferences", test_report_preferences_rows);
  return g_test_run ();
}
