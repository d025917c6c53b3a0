/* mizan-new-assessment-dialog.c — the form that starts an assessment
 * Create stays insensitive until the organization, country, framework and title are given. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mizan-countries.h"
#include "mizan-country-row.h"
#include "mizan-new-assessment-dialog.h"
#include "mizan-profile-row.h"
#include "mizan-gui.h"

struct _MizanNewAssessmentDialog
{
  AdwWindow         parent_instance;

  MizanStore       *store;
  MizanCatalog     *catalog;
  MizanPreferences *preferences;
  GPtrArray        *organizations;   /* MizanOrganization, in the order of the combo after "New" */

  AdwComboRow      *organization_row;
  AdwEntryRow      *name_row;
  MizanCountryRow  *country_row;
  AdwComboRow      *sector_row;
  AdwComboRow      *size_row;
  AdwComboRow      *framework_row;
  AdwEntryRow      *title_row;
  AdwEntryRow      *assessor_row;
  AdwPreferencesGroup *profile_group;
  GPtrArray        *profile_rows;    /* MizanProfileRow of the chosen framework's questions */
  GtkButton        *create_button;
};

G_DEFINE_FINAL_TYPE (MizanNewAssessmentDialog, mizan_new_assessment_dialog, ADW_TYPE_WINDOW)

enum {
  CREATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

static MizanFramework *
get_framework (MizanNewAssessmentDialog *self)
{
  GPtrArray *frameworks = mizan_catalog_get_frameworks (self->catalog);
  guint selected = adw_combo_row_get_selected (self->framework_row);

  if (selected == GTK_INVALID_LIST_POSITION || selected >= frameworks->len)
    return NULL;
  return g_ptr_array_index (frameworks, selected);
}

static MizanOrganization *
get_organization (MizanNewAssessmentDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->organization_row);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION || selected > self->organizations->len)
    return NULL;
  return g_ptr_array_index (self->organizations, selected - 1);
}

gboolean
mizan_new_assessment_dialog_is_valid (MizanNewAssessmentDialog *self)
{
  g_return_val_if_fail (MIZAN_IS_NEW_ASSESSMENT_DIALOG (self), FALSE);

  return !is_blank (gtk_editable_get_text (GTK_EDITABLE (self->name_row))) &&
         mizan_country_row_get_country (self->country_row) != NULL &&
         get_framework (self) != NULL &&
         !is_blank (gtk_editable_get_text (GTK_EDITABLE (self->title_row)));
}

static void
update_create (MizanNewAssessmentDialog *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.create",
                                 mizan_new_assessment_dialog_is_valid (self));
}

static guint
index_of (const char * const *values,
          const char         *value)
{
  for (guint i = 0; values[i] != NULL; i++)
    if (g_strcmp0 (values[i], value) == 0)
      return i;
  return 0;
}

static void
on_organization_selected (MizanNewAssessmentDialog *self)
{
  MizanOrganization *organization = get_organization (self);

  /* A known organization is identified by its name and country; only its
   * profile can still change. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->name_row), organization == NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->country_row), organization == NULL);
  if (organization != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), organization->name);
      mizan_country_row_set_country (self->country_row, organization->country);
      adw_combo_row_set_selected (self->sector_row, index_of (mizan_sectors_get_all (), organization->sector));
      adw_combo_row_set_selected (self->size_row, index_of (mizan_sizes_get_all (), organization->size));
    }
  else
    {
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), "");
      mizan_country_row_set_country (self->country_row, NULL);
    }
  update_create (self);
}

static char *
trimmed (const char *text)
{
  return g_strstrip (g_strdup (text != NULL ? text : ""));
}

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  MizanNewAssessmentDialog *self = MIZAN_NEW_ASSESSMENT_DIALOG (widget);
  g_autoptr(MizanAssessment) assessment = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  g_autofree char *assessor = NULL;
  MizanFramework *framework;
  guint preferred;

  if (!mizan_new_assessment_dialog_is_valid (self))
    return;

  framework = get_framework (self);
  name = trimmed (gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
  title = trimmed (gtk_editable_get_text (GTK_EDITABLE (self->title_row)));
  assessor = trimmed (gtk_editable_get_text (GTK_EDITABLE (self->assessor_row)));

  assessment = mizan_assessment_new (NULL);
  mizan_assessment_set_title (assessment, title);
  mizan_assessment_set_assessor (assessment, assessor[0] != '\0' ? assessor : NULL);
  mizan_assessment_set_framework (assessment,
                                  mizan_framework_get_id (framework),
                                  mizan_framework_get_version (framework));
  mizan_assessment_set_organization (assessment, name,
                                     mizan_country_row_get_country (self->country_row),
                                     mizan_sectors_get_all ()[adw_combo_row_get_selected (self->sector_row)],
                                     mizan_sizes_get_all ()[adw_combo_row_get_selected (self->size_row)]);

  for (guint i = 0; i < self->profile_rows->len; i++)
    {
      MizanProfileRow *row = g_ptr_array_index (self->profile_rows, i);

      mizan_assessment_set_profile_answer (assessment, mizan_profile_row_get_question (row)->id,
                                           mizan_profile_row_get_answer (row));
    }

  /* The preferred default target is written as overrides, so that the
   * assessment means the same wherever its file goes. */
  preferred = self->preferences != NULL ? mizan_preferences_get_default_target (self->preferences) : 0;
  if (preferred > 0)
    {
      guint target = MIN (preferred, mizan_framework_get_n_levels (framework));

      if (target != mizan_framework_get_default_target (framework))
        for (guint i = 0; i < mizan_framework_get_n_capabilities (framework); i++)
          mizan_assessment_set_target (assessment, mizan_framework_get_capability (framework, i)->id, target);
    }

  if (!mizan_store_save_assessment (self->store, assessment, FALSE, &error))
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                                  _("Cannot Create the Assessment"),
                                                  error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  g_signal_emit (self, signals[CREATED], 0, mizan_assessment_get_id (assessment));
  gtk_window_destroy (GTK_WINDOW (self));
}

/* One switch per profile question of the chosen framework: each starts on,
 * so that nothing is left out of the scores unless the user says so. */
static void
update_profile (MizanNewAssessmentDialog *self)
{
  MizanFramework *framework = get_framework (self);
  guint n = framework != NULL ? mizan_framework_get_n_profile_questions (framework) : 0;

  for (guint i = 0; i < self->profile_rows->len; i++)
    adw_preferences_group_remove (self->profile_group, g_ptr_array_index (self->profile_rows, i));
  g_ptr_array_set_size (self->profile_rows, 0);

  for (guint i = 0; i < n; i++)
    {
      GtkWidget *row = mizan_profile_row_new (mizan_framework_get_profile_question (framework, i),
                                              MIZAN_PROFILE_YES);

      adw_preferences_group_add (self->profile_group, row);
      g_ptr_array_add (self->profile_rows, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->profile_group), n > 0);
}

static void
on_entry_activated (AdwEntryRow              *row,
                    MizanNewAssessmentDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "dialog.create", NULL);
}

static GtkStringList *
labels_model (const char * const *values,
              const char *      (*get_label) (const char *))
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; values[i] != NULL; i++)
    gtk_string_list_append (list, get_label (values[i]));
  return list;
}

static void
populate (MizanNewAssessmentDialog *self)
{
  g_autoptr(GtkStringList) organizations = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) frameworks = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) sectors = labels_model (mizan_sectors_get_all (), mizan_sector_get_label);
  g_autoptr(GtkStringList) sizes = labels_model (mizan_sizes_get_all (), mizan_size_get_label);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *default_title = NULL;
  GPtrArray *known;
  GPtrArray *available = mizan_catalog_get_frameworks (self->catalog);

  gtk_string_list_append (organizations, _("New organization"));
  known = mizan_store_list_organizations (self->store, &error);
  if (known == NULL)
    g_warning ("Cannot list the known organizations: %s", error->message);
  else
    {
      for (guint i = 0; i < known->len; i++)
        {
          MizanOrganization *organization = g_ptr_array_index (known, i);
          const char *country = mizan_country_get_name (organization->country);
          /* Translators: an organization and its country in the organization list */
          g_autofree char *label = g_strdup_printf (_("%s (%s)"), organization->name,
                                                    country != NULL ? country : organization->country);

          gtk_string_list_append (organizations, label);
        }
      g_ptr_array_unref (self->organizations);
      self->organizations = known;
    }

  for (guint i = 0; i < available->len; i++)
    {
      MizanFramework *framework = g_ptr_array_index (available, i);
      /* Translators: a framework's title and version in the framework list */
      g_autofree char *label = g_strdup_printf (_("%s (version %s)"),
                                                mizan_text_localized (mizan_framework_get_title (framework)),
                                                mizan_framework_get_version (framework));

      gtk_string_list_append (frameworks, label);
    }

  adw_combo_row_set_model (self->organization_row, G_LIST_MODEL (organizations));
  adw_combo_row_set_model (self->sector_row, G_LIST_MODEL (sectors));
  adw_combo_row_set_model (self->size_row, G_LIST_MODEL (sizes));
  adw_combo_row_set_model (self->framework_row, G_LIST_MODEL (frameworks));
  /* A new assessment starts on the newest version of the first model; older
   * versions stay in the list for bodies that compare with earlier work. */
  for (guint i = 1; i < available->len; i++)
    if (g_str_equal (mizan_framework_get_id (g_ptr_array_index (available, i)),
                     mizan_framework_get_id (g_ptr_array_index (available, 0))))
      adw_combo_row_set_selected (self->framework_row, i);
  update_profile (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->organization_row), self->organizations->len > 0);
  if (available->len == 0)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->framework_row), _("No framework is installed"));

  /* Translators: the suggested title of a new assessment; %d is the year */
  default_title = g_strdup_printf (_("Maturity assessment %d"), g_date_time_get_year (now));
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), default_title);

  update_create (self);
}

static void
mizan_new_assessment_dialog_dispose (GObject *object)
{
  MizanNewAssessmentDialog *self = MIZAN_NEW_ASSESSMENT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), MIZAN_TYPE_NEW_ASSESSMENT_DIALOG);

  G_OBJECT_CLASS (mizan_new_assessment_dialog_parent_class)->dispose (object);
}

static void
mizan_new_assessment_dialog_finalize (GObject *object)
{
  MizanNewAssessmentDialog *self = MIZAN_NEW_ASSESSMENT_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->catalog);
  g_clear_object (&self->preferences);
  g_clear_pointer (&self->organizations, g_ptr_array_unref);
  g_clear_pointer (&self->profile_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (mizan_new_assessment_dialog_parent_class)->finalize (object);
}

static void
mizan_new_assessment_dialog_class_init (MizanNewAssessmentDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mizan_new_assessment_dialog_dispose;
  object_class->finalize = mizan_new_assessment_dialog_finalize;

  /* The assessment was stored; the argument is its id. */
  signals[CREATED] =
    g_signal_new ("created",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/comstech/Mizan/mizan-new-assessment-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, MizanNewAssessmentDialog, organization_row);
  gtk_widget_class_bind_template_child (widget_class, MizanNewAssessmentDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, MizanNewAssessmentDialog, country_row);
  gtk_widget_class_bind_template_child (widget_class, MizanNewAssessmentDialog, sector_row);
  gtk_widget_class_bind_template_child (widget_class, MizanNewAssessmentDialog, size_row);
  gtk_widget_class_bind_template_child (widget_class, MizanNewAssessmentDialog, framework_row);
  gtk_widget_class_bind_template_child (widget_class, MizanNewAssessmentDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, MizanNewAssessmentDialog, assessor_row);
  gtk_widget_class_bind_template_child (widget_class, MizanNewAssessmentDialog, profile_group);
  gtk_widget_class_bind_template_child (widget_class, MizanNewAssessmentDialog, create_button);

  gtk_widget_class_install_action (widget_class, "dialog.create", NULL, create_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
mizan_new_assessment_dialog_init (MizanNewAssessmentDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  mizan_gui_combo_row_name_items (self->organization_row);
  mizan_gui_combo_row_name_items (self->sector_row);
  mizan_gui_combo_row_name_items (self->size_row);
  mizan_gui_combo_row_name_items (self->framework_row);
  mizan_gui_fix_mnemonic_names (GTK_WIDGET (self));

  self->organizations = g_ptr_array_new_with_free_func ((GDestroyNotify) mizan_organization_free);
  self->profile_rows = g_ptr_array_new ();

  g_signal_connect_swapped (self->name_row, "changed", G_CALLBACK (update_create), self);
  g_signal_connect_swapped (self->title_row, "changed", G_CALLBACK (update_create), self);
  g_signal_connect_swapped (self->country_row, "notify::country", G_CALLBACK (update_create), self);
  g_signal_connect_swapped (self->framework_row, "notify::selected", G_CALLBACK (update_create), self);
  g_signal_connect_swapped (self->framework_row, "notify::selected", G_CALLBACK (update_profile), self);
  g_signal_connect (self->name_row, "entry-activated", G_CALLBACK (on_entry_activated), self);
  g_signal_connect (self->title_row, "entry-activated", G_CALLBACK (on_entry_activated), self);
  g_signal_connect (self->assessor_row, "entry-activated", G_CALLBACK (on_entry_activated), self);
}

MizanNewAssessmentDialog *
mizan_new_assessment_dialog_new (GtkWindow        *parent,
                                 MizanStore       *store,
                                 MizanCatalog     *catalog,
                                 MizanPreferences *preferences)
{
  MizanNewAssessmentDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (MIZAN_IS_STORE (store), NULL);
  g_return_val_if_fail (MIZAN_IS_CATALOG (catalog), NULL);

  self = g_object_new (MIZAN_TYPE_NEW_ASSESSMENT_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);
  self->catalog = g_object_ref (catalog);
  self->preferences = preferences != NULL ? g_object_ref (preferences) : NULL;
  populate (self);
  /* Connected after populating so that filling the combos is not taken
   * for the user choosing an organization. */
  g_signal_connect_swapped (self->organization_row, "notify::selected", G_CALLBACK (on_organization_selected), self);
  return self;
}
