/* mizan-report-preferences.c — the Reports page of the Preferences window
 * Every row writes its GSettings key at once (report-consultant, -logo, -paper, -language). */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <librsvg/rsvg.h>

#include "mizan-report-preferences.h"

struct _MizanReportPreferences
{
  AdwPreferencesPage  parent_instance;

  GSettings          *settings;

  AdwEntryRow        *consultant_row;
  AdwActionRow       *logo_row;
  AdwComboRow        *paper_row;
  AdwComboRow        *language_row;
};

G_DEFINE_FINAL_TYPE (MizanReportPreferences, mizan_report_preferences, ADW_TYPE_PREFERENCES_PAGE)

/* In the order of the combo rows' models */
static const char * const papers[] = { "a4", "letter", NULL };
static const char * const languages[] = { "", "en", "ar", "fr", NULL };

static gboolean
string_to_position (GValue   *value,
                    GVariant *variant,
                    gpointer  user_data)
{
  const char * const *choices = user_data;
  const char *string = g_variant_get_string (variant, NULL);

  for (guint i = 0; choices[i] != NULL; i++)
    if (g_str_equal (choices[i], string))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  g_value_set_uint (value, 0);
  return TRUE;
}

static GVariant *
position_to_string (const GValue       *value,
                    const GVariantType *type,
                    gpointer            user_data)
{
  const char * const *choices = user_data;
  guint position = g_value_get_uint (value);

  if (position >= g_strv_length ((char **) choices))
    return NULL;
  return g_variant_new_string (choices[position]);
}

static void
update_logo (MizanReportPreferences *self)
{
  g_autofree char *path = g_settings_get_string (self->settings, "report-logo");
  g_autofree char *name = *path != '\0' ? g_filename_display_basename (path) : NULL;

  adw_action_row_set_subtitle (self->logo_row, name != NULL ? name : _("None: the cover shows no logo"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.clear-logo", name != NULL);
}

static void
show_toast (MizanReportPreferences *self,
            const char             *message)
{
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_PREFERENCES_WINDOW);

  if (window != NULL)
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (window), adw_toast_new (message));
}

static void
on_logo_chosen (GtkNativeDialog        *dialog,
                int                     response,
                MizanReportPreferences *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  if (file != NULL)
    path = g_file_get_path (file);
  if (path != NULL)
    {
      g_autoptr(GError) error = NULL;
      GObject *handle = (GObject *) rsvg_handle_new_from_file (path, &error);

      /* Refused here rather than at the first report. */
      if (handle == NULL)
        {
          g_autofree char *display = g_filename_display_basename (path);
          /* Translators: a file name and why it cannot be used */
          g_autofree char *message = g_strdup_printf (_("“%s” is not an SVG image the report can use: %s"),
                                                      display, error->message);
          show_toast (self, message);
        }
      else
        {
          g_object_unref (handle);
          g_settings_set_string (self->settings, "report-logo", path);
        }
    }
  g_object_unref (dialog);
  g_object_unref (self);
}

static void
choose_logo (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  MizanReportPreferences *self = MIZAN_REPORT_PREFERENCES (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  native = gtk_file_chooser_native_new (_("Choose a Logo"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_filter_set_name (filter, _("SVG images"));
  gtk_file_filter_add_mime_type (filter, "image/svg+xml");
  gtk_file_filter_add_pattern (filter, "*.svg");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  g_signal_connect (native, "response", G_CALLBACK (on_logo_chosen), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
clear_logo (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  g_settings_set_string (MIZAN_REPORT_PREFERENCES (widget)->settings, "report-logo", "");
}

static void
mizan_report_preferences_dispose (GObject *object)
{
  MizanReportPreferences *self = MIZAN_REPORT_PREFERENCES (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), MIZAN_TYPE_REPORT_PREFERENCES);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (mizan_report_preferences_parent_class)->dispose (object);
}

static void
mizan_report_preferences_class_init (MizanReportPreferencesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mizan_report_preferences_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/comstech/Mizan/mizan-report-preferences.ui");
  gtk_widget_class_bind_template_child (widget_class, MizanReportPreferences, consultant_row);
  gtk_widget_class_bind_template_child (widget_class, MizanReportPreferences, logo_row);
  gtk_widget_class_bind_template_child (widget_class, MizanReportPreferences, paper_row);
  gtk_widget_class_bind_template_child (widget_class, MizanReportPreferences, language_row);
  gtk_widget_class_install_action (widget_class, "reports.choose-logo", NULL, choose_logo);
  gtk_widget_class_install_action (widget_class, "reports.clear-logo", NULL, clear_logo);
}

static void
mizan_report_preferences_init (MizanReportPreferences *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
mizan_report_preferences_new (MizanPreferences *preferences)
{
  MizanReportPreferences *self;

  g_return_val_if_fail (MIZAN_IS_PREFERENCES (preferences), NULL);

  self = g_object_new (MIZAN_TYPE_REPORT_PREFERENCES, NULL);
  self->settings = g_object_ref (mizan_preferences_get_settings (preferences));
  g_settings_bind (self->settings, "report-consultant", self->consultant_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (self->settings, "report-paper", self->paper_row, "selected", G_SETTINGS_BIND_DEFAULT,
                                string_to_position, position_to_string, (gpointer) papers, NULL);
  g_settings_bind_with_mapping (self->settings, "report-language", self->language_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, string_to_position, position_to_string,
                                (gpointer) languages, NULL);
  g_signal_connect_object (self->settings, "changed::report-logo", G_CALLBACK (update_logo), self, G_CONNECT_SWAPPED);
  update_logo (self);
  return GTK_WIDGET (self);
}
