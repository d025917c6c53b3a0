/* test-gui-new-assessment.c — the New Assessment dialog, used through its widgets
 * Create stays insensitive until the form is valid; what Create stores is what was filled in. */
#include "gui-test.h"

#include "mizan-countries.h"
#include "mizan-country-row.h"
#include "mizan-new-assessment-dialog.h"

static GtkWidget *
child (MizanNewAssessmentDialog *dialog,
       const char               *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (dialog), MIZAN_TYPE_NEW_ASSESSMENT_DIALOG, name);

  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}

static gboolean
create_sensitive (MizanNewAssessmentDialog *dialog)
{
  return gtk_widget_get_sensitive (child (dialog, "create_button"));
}

static guint
index_of (const char * const *values,
          const char         *value)
{
  for (guint i = 0; values[i] != NULL; i++)
    if (g_str_equal (values[i], value))
      return i;
  g_assert_not_reached ();
}

static void
on_created (MizanNewAssessmentDialog *dialog,
            const char               *id,
            char                    **out_id)
{
  *out_id = g_strdup (id);
}

static void
test_create_insensitive_until_valid (GuiFixture    *fixture,
                                     gconstpointer  data)
{
  MizanNewAssessmentDialog *dialog;
  g_autofree char *id = NULL;
  g_autoptr(MizanAssessment) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) targets = NULL;

  dialog = mizan_new_assessment_dialog_new (NULL, fixture->store, fixture->catalog, fixture->preferences);
  g_signal_connect (dialog, "created", G_CALLBACK (on_created), &id);
  gtk_window_present (GTK_WINDOW (dialog));

  /* A title is suggested; name and country are not. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (dialog, "title_row"))), !=, "");
  g_assert_false (create_sensitive (dialog));

  gtk_editable_set_text (GTK_EDITABLE (child (dialog, "name_row")), "Ministry of Water");
  g_assert_false (create_sensitive (dialog));   /* no country yet */

  mizan_country_row_set_country (MIZAN_COUNTRY_ROW (child (dialog, "country_row")), "EGY");
  g_assert_true (create_sensitive (dialog));

  gtk_editable_set_text (GTK_EDITABLE (child (dialog, "title_row")), "   ");
  g_assert_false (create_sensitive (dialog));   /* a blank title is no title */
  gtk_editable_set_text (GTK_EDITABLE (child (dialog, "title_row")), "Water 2026");
  g_assert_true (create_sensitive (dialog));

  gtk_editable_set_text (GTK_EDITABLE (child (dialog, "name_row")), " \t");
  g_assert_false (create_sensitive (dialog));
  gtk_editable_set_text (GTK_EDITABLE (child (dialog, "name_row")), "  Ministry of Water ");
  g_assert_true (create_sensitive (dialog));

  adw_combo_row_set_selected (ADW_COMBO_ROW (child (dialog, "sector_row")),
                              index_of (mizan_sectors_get_all (), "water"));
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (dialog, "size_row")),
                              index_of (mizan_sizes_get_all (), "very-large"));
  gtk_editable_set_text (GTK_EDITABLE (child (dialog, "assessor_row")), "A. Assessor");

  g_object_ref (dialog);
  gui_test_click (child (dialog, "create_button"));
  g_assert_nonnull (id);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));   /* it closed */
  g_object_unref (dialog);

  stored = mizan_store_load_assessment (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mizan_assessment_get_title (stored), ==, "Water 2026");
  g_assert_cmpstr (mizan_assessment_get_assessor (stored), ==, "A. Assessor");
  g_assert_cmpstr (mizan_assessment_get_org_name (stored), ==, "Ministry of Water");
  g_assert_cmpstr (mizan_assessment_get_org_country (stored), ==, "EGY");
  g_assert_cmpstr (mizan_assessment_get_org_sector (stored), ==, "water");
  g_assert_cmpstr (mizan_assessment_get_org_size (stored), ==, "very-large");
  g_assert_cmpstr (mizan_assessment_get_framework_id (stored), ==, "mini");
  g_assert_cmpstr (mizan_assessment_get_framework_version (stored), ==, "1.0.0");
  /* No preference: every capability follows the framework's default. */
  targets = mizan_assessment_list_targets (stored);
  g_assert_cmpint (g_strv_length (targets), ==, 0);
}

static void
test_preferred_target (GuiFixture    *fixture,
                       gconstpointer  data)
{
  MizanNewAssessmentDialog *dialog;
  g_autofree char *id = NULL;
  g_autoptr(MizanAssessment) stored = NULL;
  g_autoptr(GError) error = NULL;

  /* Level 5 asked for, but "mini" has 3 levels: its top one is used. */
  mizan_preferences_set_default_target (fixture->preferences, 5);
  dialog = mizan_new_assessment_dialog_new (NULL, fixture->store, fixture->catalog, fixture->preferences);
  g_signal_connect (dialog, "created", G_CALLBACK (on_created), &id);
  gtk_editable_set_text (GTK_EDITABLE (child (dialog, "name_row")), "Ministry of Health");
  mizan_country_row_set_country (MIZAN_COUNTRY_ROW (child (dialog, "country_row")), "JOR");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.create", NULL);
  g_assert_nonnull (id);

  stored = mizan_store_load_assessment (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (mizan_assessment_get_target (stored, "GOV.1"), ==, 3);
  g_assert_cmpint (mizan_assessment_get_target (stored, "GOV.2"), ==, 3);
  g_assert_cmpint (mizan_assessment_get_target (stored, "OPS.1"), ==, 3);
}

static gboolean
filtered_to_one (gpointer data)
{
  GtkListBox *list = data;

  return gtk_list_box_get_row_at_index (list, 0) != NULL && gtk_list_box_get_row_at_index (list, 1) == NULL;
}

static gboolean
filtered_to_none (gpointer data)
{
  return gtk_list_box_get_row_at_index (GTK_LIST_BOX (data), 0) == NULL;
}

static void
test_country_search (GuiFixture    *fixture,
                     gconstpointer  data)
{
  MizanNewAssessmentDialog *dialog;
  MizanCountryRow *row;
  GtkListBox *list;
  GtkEditable *search;

  dialog = mizan_new_assessment_dialog_new (NULL, fixture->store, fixture->catalog, fixture->preferences);
  row = MIZAN_COUNTRY_ROW (child (dialog, "country_row"));
  list = GTK_LIST_BOX (gtk_widget_get_template_child (GTK_WIDGET (row), MIZAN_TYPE_COUNTRY_ROW, "list_box"));
  search = GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (row), MIZAN_TYPE_COUNTRY_ROW, "search_entry"));

  /* Every iso-codes country is offered. */
  g_assert_nonnull (gtk_list_box_get_row_at_index (list, 200));

  /* A word start, in any case, finds it; so does the ISO code. */
  gtk_editable_set_text (search, "pakis");
  gui_test_wait_until (filtered_to_one, list);
  g_signal_emit_by_name (search, "activate");
  g_assert_cmpstr (mizan_country_row_get_country (row), ==, "PAK");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Pakistan");

  /* With ASCII alternates: "turki" finds Türkiye. */
  gtk_editable_set_text (search, "turki");
  gui_test_wait_until (filtered_to_one, list);
  g_assert_cmpstr (g_object_get_data (G_OBJECT (gtk_list_box_get_row_at_index (list, 0)), "alpha3"), ==, "TUR");

  /* The ISO code finds a country whose name does not contain it. */
  gtk_editable_set_text (search, "civ");
  gui_test_wait_until (filtered_to_one, list);
  g_assert_cmpstr (g_object_get_data (G_OBJECT (gtk_list_box_get_row_at_index (list, 0)), "alpha3"), ==, "CIV");

  /* Selecting a row (arrow keys, or a screen reader) chooses it. */
  gtk_editable_set_text (search, "morocco");
  gui_test_wait_until (filtered_to_one, list);
  gtk_list_box_select_row (list, gtk_list_box_get_row_at_index (list, 0));
  g_assert_cmpstr (mizan_country_row_get_country (row), ==, "MAR");

  gtk_editable_set_text (search, "no such country");
  gui_test_wait_until (filtered_to_none, list);
  g_assert_cmpstr (mizan_country_row_get_country (row), ==, "MAR");   /* the choice stays */
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_existing_organization (GuiFixture    *fixture,
                            gconstpointer  data)
{
  g_autoptr(MizanAssessment) first = gui_test_store_assessment (fixture, "Earlier");
  MizanNewAssessmentDialog *dialog;
  AdwComboRow *organization;
  g_autofree char *id = NULL;
  g_autoptr(MizanAssessment) stored = NULL;
  g_autoptr(GError) error = NULL;

  dialog = mizan_new_assessment_dialog_new (NULL, fixture->store, fixture->catalog, fixture->preferences);
  g_signal_connect (dialog, "created", G_CALLBACK (on_created), &id);
  organization = ADW_COMBO_ROW (child (dialog, "organization_row"));
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (organization)), ==, 2);

  /* Choosing the known organization fills in its profile and fixes its identity. */
  adw_combo_row_set_selected (organization, 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (dialog, "name_row"))), ==, "Ministry of Tests");
  g_assert_cmpstr (mizan_country_row_get_country (MIZAN_COUNTRY_ROW (child (dialog, "country_row"))), ==, "PAK");
  g_assert_false (gtk_widget_get_sensitive (child (dialog, "name_row")));
  g_assert_true (create_sensitive (dialog));

  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.create", NULL);
  stored = mizan_store_load_assessment (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (mizan_assessment_get_org_id (stored), ==, mizan_assessment_get_org_id (first));

  /* Back to "New organization": the form is empty again. */
  dialog = mizan_new_assessment_dialog_new (NULL, fixture->store, fixture->catalog, fixture->preferences);
  organization = ADW_COMBO_ROW (child (dialog, "organization_row"));
  adw_combo_row_set_selected (organization, 1);
  adw_combo_row_set_selected (organization, 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (dialog, "name_row"))), ==, "");
  g_assert_true (gtk_widget_get_sensitive (child (dialog, "name_row")));
  g_assert_false (create_sensitive (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_no_framework (GuiFixture    *fixture,
                   gconstpointer  data)
{
  g_autoptr(MizanCatalog) empty = mizan_catalog_new ();
  MizanNewAssessmentDialog *dialog;

  dialog = mizan_new_assessment_dialog_new (NULL, fixture->store, empty, fixture->preferences);
  gtk_editable_set_text (GTK_EDITABLE (child (dialog, "name_row")), "Ministry");
  mizan_country_row_set_country (MIZAN_COUNTRY_ROW (child (dialog, "country_row")), "PAK");
  g_assert_false (create_sensitive (dialog));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.create", NULL);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) summaries = mizan_store_list_assessments (fixture->store, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (summaries->len, ==, 0);
  }
  gtk_window_destroy (GTK_WINDOW (dialog));
}

int
main (int   argc,
      char *argv[])
{
  gui_test_init (&argc, &argv);

  GUI_TEST_ADD ("/gui/new-assessment/insensitive-until-valid", test_create_insensitive_until_valid);
  GUI_TEST_ADD ("/gui/new-assessment/preferred-target", test_preferred_target);
  GUI_TEST_ADD ("/gui/new-assessment/country-search", test_country_search);
  GUI_TEST_ADD ("/gui/new-assessment/existing-organization", test_existing_organization);
  GUI_TEST_ADD ("/gui/new-assessment/no-framework", test_no_framework);

  return g_test_run ();
}
