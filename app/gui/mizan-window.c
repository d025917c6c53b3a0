/* mizan-window.c — a Mizan window: the start page, or one open assessment
 * Window actions (new, import, open, search, page switching) and the import flow live here. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mizan-exchange.h"
#include "mizan-session.h"
#include "mizan-window.h"

/* An error body longer than this many lines is cut, saying how many more there are. */
#define MAX_ERROR_LINES 12

struct _MizanWindow
{
  AdwApplicationWindow  parent_instance;

  MizanStore           *store;
  MizanCatalog         *catalog;
  MizanPreferences     *preferences;

  AdwToastOverlay      *toast_overlay;
  GtkStack             *stack;
  MizanStartPage       *start_page;
  MizanAssessmentView  *assessment_view;

  GtkFileChooserNative *import_chooser;
};

G_DEFINE_FINAL_TYPE (MizanWindow, mizan_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CATALOG,
  PROP_PREFERENCES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_action_enabled (MizanWindow *self,
                    const char  *name,
                    gboolean     enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), name);

  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

static void
update_actions (MizanWindow *self)
{
  gboolean in_assessment = mizan_assessment_view_get_session (self->assessment_view) != NULL &&
                           g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "assessment") == 0;

  set_action_enabled (self, "new-assessment", self->store != NULL);
  set_action_enabled (self, "import", self->store != NULL);
  set_action_enabled (self, "search", in_assessment);
  set_action_enabled (self, "show-page", in_assessment);
  set_action_enabled (self, "show-start", in_assessment);
  set_action_enabled (self, "previous-capability", in_assessment);
  set_action_enabled (self, "next-capability", in_assessment);
}

void
mizan_window_show_error (MizanWindow *self,
                         const char  *heading,
                         const char  *body)
{
  g_auto(GStrv) lines = NULL;
  g_autoptr(GString) shown = g_string_new (NULL);
  GtkWidget *dialog;
  guint n_lines;

  g_return_if_fail (MIZAN_IS_WINDOW (self));

  /* A broken file can have hundreds of problems; the first ones say enough
   * to act on, and mizan-cli validate lists them all. */
  lines = g_strsplit (body != NULL ? body : "", "\n", -1);
  n_lines = g_strv_length (lines);
  for (guint i = 0; i < n_lines && i < MAX_ERROR_LINES; i++)
    {
      if (i > 0)
        g_string_append_c (shown, '\n');
      g_string_append (shown, lines[i]);
    }
  if (n_lines > MAX_ERROR_LINES)
    {
      guint more = n_lines - MAX_ERROR_LINES;

      g_string_append_c (shown, '\n');
      g_string_append_printf (shown, g_dngettext (GETTEXT_PACKAGE, "…and %u more problem", "…and %u more problems", more),
                              more);
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, shown->str);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

void
mizan_window_add_toast (MizanWindow *self,
                        AdwToast    *toast)
{
  g_return_if_fail (MIZAN_IS_WINDOW (self));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
update_title (MizanWindow *self)
{
  MizanSession *session = mizan_assessment_view_get_session (self->assessment_view);

  if (session != NULL && g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "assessment") == 0)
    {
      MizanAssessment *assessment = mizan_session_get_assessment (session);
      /* Translators: the window title with an assessment open */
      g_autofree char *title = g_strdup_printf (_("%s — Mizan"), mizan_assessment_get_title (assessment));

      gtk_window_set_title (GTK_WINDOW (self), title);
    }
  else
    gtk_window_set_title (GTK_WINDOW (self), _("Mizan"));
}

void
mizan_window_show_start (MizanWindow *self)
{
  g_return_if_fail (MIZAN_IS_WINDOW (self));

  /* Closing the view writes any note still being typed, so the list shows
   * the final completion. */
  mizan_assessment_view_set_session (self->assessment_view, NULL);
  mizan_start_page_reload (self->start_page);
  gtk_stack_set_visible_child_name (self->stack, "start");
  update_title (self);
  update_actions (self);
}

gboolean
mizan_window_open_assessment (MizanWindow  *self,
                              const char   *id,
                              GError      **error)
{
  g_autoptr(MizanAssessment) assessment = NULL;
  g_autoptr(MizanSession) session = NULL;
  MizanFramework *framework;

  g_return_val_if_fail (MIZAN_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (self->store == NULL)
    {
      g_set_error_literal (error, MIZAN_STORE_ERROR, MIZAN_STORE_ERROR_OPEN,
                           _("The database is not open"));
      return FALSE;
    }

  assessment = mizan_store_load_assessment (self->store, id, error);
  if (assessment == NULL)
    return FALSE;

  framework = mizan_catalog_lookup (self->catalog,
                                    mizan_assessment_get_framework_id (assessment),
                                    mizan_assessment_get_framework_version (assessment));
  if (framework == NULL)
    {
      g_set_error (error, MIZAN_EXCHANGE_ERROR, MIZAN_EXCHANGE_ERROR_UNKNOWN_FRAMEWORK,
                   _("It was made with the framework “%s” version %s, which is not installed. "
                     "Install that framework under %s and open it again."),
                   mizan_assessment_get_framework_id (assessment),
                   mizan_assessment_get_framework_version (assessment),
                   mizan_catalog_get_builtin_dir ());
      return FALSE;
    }

  session = mizan_session_new (self->store, framework, assessment);
  if (mizan_framework_get_supersedes_version (framework) != NULL)
    mizan_session_set_predecessor (session,
                                   mizan_catalog_lookup (self->catalog, mizan_framework_get_id (framework),
                                                         mizan_framework_get_supersedes_version (framework)));
  mizan_assessment_view_set_session (self->assessment_view, session);
  mizan_assessment_view_set_successor (self->assessment_view,
                                       mizan_catalog_lookup_successor (self->catalog, framework));
  gtk_stack_set_visible_child_name (self->stack, "assessment");
  update_title (self);
  update_actions (self);
  return TRUE;
}

static void
open_or_report (MizanWindow *self,
                const char  *id)
{
  g_autoptr(GError) error = NULL;

  if (!mizan_window_open_assessment (self, id, &error))
    mizan_window_show_error (self, _("Cannot Open the Assessment"), error->message);
}

/* Import */

typedef struct {
  MizanWindow     *window;
  MizanAssessment *assessment;
} ImportData;

static void
import_data_free (gpointer  user_data,
                  GClosure *closure)
{
  ImportData *data = user_data;

  g_object_unref (data->window);
  g_object_unref (data->assessment);
  g_free (data);
}

static void
finish_import (MizanWindow     *self,
               MizanAssessment *assessment,
               gboolean         replace)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  if (!mizan_store_save_assessment (self->store, assessment, replace, &error))
    {
      mizan_window_show_error (self, _("Cannot Store the Imported Assessment"), error->message);
      return;
    }

  /* Markup in a toast: the title comes from the file. */
  escaped = g_markup_escape_text (mizan_assessment_get_title (assessment), -1);
  toast = adw_toast_new_format (_("Imported “%s”"), escaped);
  mizan_window_add_toast (self, toast);
  mizan_start_page_reload (self->start_page);
  open_or_report (self, mizan_assessment_get_id (assessment));
}

static void
on_exists_response (AdwMessageDialog *dialog,
                    const char       *response,
                    ImportData       *data)
{
  if (g_strcmp0 (response, "replace") == 0)
    {
      /* The open view may show the assessment being replaced. */
      MizanSession *session = mizan_assessment_view_get_session (data->window->assessment_view);

      if (session != NULL &&
          g_strcmp0 (mizan_assessment_get_id (mizan_session_get_assessment (session)),
                     mizan_assessment_get_id (data->assessment)) == 0)
        mizan_assessment_view_set_session (data->window->assessment_view, NULL);
      finish_import (data->window, data->assessment, TRUE);
    }
  else if (g_strcmp0 (response, "copy") == 0)
    {
      g_autofree char *id = g_uuid_string_random ();

      mizan_assessment_set_id (data->assessment, id);
      finish_import (data->window, data->assessment, FALSE);
    }
}

void
mizan_window_import_file (MizanWindow *self,
                          GFile       *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MizanAssessment) assessment = NULL;
  g_autofree char *path = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *heading = NULL;

  g_return_if_fail (MIZAN_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  basename = g_file_get_basename (file);
  /* Translators: %s is a file name */
  heading = g_strdup_printf (_("Cannot Import “%s”"), basename);

  if (self->store == NULL)
    {
      mizan_window_show_error (self, heading, _("The database is not open."));
      return;
    }

  path = g_file_get_path (file);
  if (path == NULL)
    {
      mizan_window_show_error (self, heading, _("Only files on this computer can be imported."));
      return;
    }

  assessment = mizan_exchange_read_file (path, self->catalog, &error);
  if (assessment == NULL)
    {
      mizan_window_show_error (self, heading, error->message);
      return;
    }

  if (mizan_store_has_assessment (self->store, mizan_assessment_get_id (assessment), NULL))
    {
      ImportData *data;
      GtkWidget *dialog;

      dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                       _("Assessment Already Here"),
                                       NULL);
      adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                      _("“%s” is already stored on this computer. Replace it with the file’s "
                                        "answers, or keep both by importing the file as a copy?"),
                                      mizan_assessment_get_title (assessment));
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "cancel", _("_Cancel"),
                                        "copy", _("Import as _Copy"),
                                        "replace", _("_Replace"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "replace",
                                                  ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "copy");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

      data = g_new0 (ImportData, 1);
      data->window = g_object_ref (self);
      data->assessment = g_steal_pointer (&assessment);
      g_signal_connect_data (dialog, "response", G_CALLBACK (on_exists_response),
                             data, import_data_free, 0);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  finish_import (self, assessment, FALSE);
}

static void
on_import_response (GtkNativeDialog *chooser,
                    int              response,
                    MizanWindow     *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        mizan_window_import_file (self, file);
    }
  g_clear_object (&self->import_chooser);
}

static void
import_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  MizanWindow *self = user_data;
  g_autoptr(GtkFileFilter) mizan_filter = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all_filter = gtk_file_filter_new ();

  if (self->import_chooser != NULL)
    {
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->import_chooser));
      return;
    }

  self->import_chooser = gtk_file_chooser_native_new (_("Import Assessment"),
                                                      GTK_WINDOW (self),
                                                      GTK_FILE_CHOOSER_ACTION_OPEN,
                                                      _("_Import"),
                                                      _("_Cancel"));
  gtk_file_filter_set_name (mizan_filter, _("Mizan assessments"));
  gtk_file_filter_add_pattern (mizan_filter, "*.mizan");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->import_chooser), mizan_filter);
  gtk_file_filter_set_name (all_filter, _("All files"));
  gtk_file_filter_add_pattern (all_filter, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->import_chooser), all_filter);

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->import_chooser), TRUE);
  g_signal_connect (self->import_chooser, "response", G_CALLBACK (on_import_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->import_chooser));
}

/* New assessment */

static void
on_assessment_created (MizanNewAssessmentDialog *dialog,
                       const char               *id,
                       MizanWindow              *self)
{
  mizan_start_page_reload (self->start_page);
  open_or_report (self, id);
}

MizanNewAssessmentDialog *
mizan_window_new_assessment (MizanWindow *self)
{
  MizanNewAssessmentDialog *dialog;

  g_return_val_if_fail (MIZAN_IS_WINDOW (self), NULL);
  g_return_val_if_fail (self->store != NULL, NULL);

  dialog = mizan_new_assessment_dialog_new (GTK_WINDOW (self), self->store, self->catalog, self->preferences);
  g_signal_connect_object (dialog, "created", G_CALLBACK (on_assessment_created), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
new_assessment_action (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  mizan_window_new_assessment (MIZAN_WINDOW (user_data));
}

static void
open_assessment_action (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  open_or_report (MIZAN_WINDOW (user_data), g_variant_get_string (parameter, NULL));
}

static void
show_start_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  mizan_window_show_start (MIZAN_WINDOW (user_data));
}

static void
show_page_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  MizanWindow *self = user_data;

  mizan_assessment_view_show_page (self->assessment_view, g_variant_get_string (parameter, NULL));
}

static void
search_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  MizanWindow *self = user_data;

  mizan_assessment_view_start_search (self->assessment_view);
}

static void
previous_capability_action (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  MizanWindow *self = user_data;

  mizan_assessment_view_show_page (self->assessment_view, "questionnaire");
  gtk_widget_activate_action (GTK_WIDGET (mizan_assessment_view_get_questionnaire (self->assessment_view)),
                              "questionnaire.previous", NULL);
}

static void
next_capability_action (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  MizanWindow *self = user_data;

  mizan_assessment_view_show_page (self->assessment_view, "questionnaire");
  gtk_widget_activate_action (GTK_WIDGET (mizan_assessment_view_get_questionnaire (self->assessment_view)),
                              "questionnaire.next", NULL);
}

static const GActionEntry win_actions[] = {
  { "previous-capability", previous_capability_action },
  { "next-capability", next_capability_action },
  { "new-assessment", new_assessment_action },
  { "import", import_action },
  { "open-assessment", open_assessment_action, "s" },
  { "show-start", show_start_action },
  { "show-page", show_page_action, "s" },
  { "search", search_action },
};

/* GObject */

static void
mizan_window_constructed (GObject *object)
{
  MizanWindow *self = MIZAN_WINDOW (object);

  G_OBJECT_CLASS (mizan_window_parent_class)->constructed (object);

  g_return_if_fail (MIZAN_IS_CATALOG (self->catalog));
  g_return_if_fail (MIZAN_IS_PREFERENCES (self->preferences));

  mizan_start_page_set_store (self->start_page, self->store, self->catalog);
  update_actions (self);
}

static void
mizan_window_dispose (GObject *object)
{
  MizanWindow *self = MIZAN_WINDOW (object);

  if (self->import_chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->import_chooser));
  g_clear_object (&self->import_chooser);

  gtk_widget_dispose_template (GTK_WIDGET (self), MIZAN_TYPE_WINDOW);

  G_OBJECT_CLASS (mizan_window_parent_class)->dispose (object);
}

static void
mizan_window_finalize (GObject *object)
{
  MizanWindow *self = MIZAN_WINDOW (object);

  g_clear_object (&self->store);
  g_clear_object (&self->catalog);
  g_clear_object (&self->preferences);

  G_OBJECT_CLASS (mizan_window_parent_class)->finalize (object);
}

static void
mizan_window_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  MizanWindow *self = MIZAN_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_CATALOG:
      g_value_set_object (value, self->catalog);
      break;
    case PROP_PREFERENCES:
      g_value_set_object (value, self->preferences);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mizan_window_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  MizanWindow *self = MIZAN_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_CATALOG:
      self->catalog = g_value_dup_object (value);
      break;
    case PROP_PREFERENCES:
      self->preferences = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mizan_window_class_init (MizanWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = mizan_window_constructed;
  object_class->dispose = mizan_window_dispose;
  object_class->finalize = mizan_window_finalize;
  object_class->get_property = mizan_window_get_property;
  object_class->set_property = mizan_window_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, MIZAN_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CATALOG] =
    g_param_spec_object ("catalog", NULL, NULL, MIZAN_TYPE_CATALOG,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PREFERENCES] =
    g_param_spec_object ("preferences", NULL, NULL, MIZAN_TYPE_PREFERENCES,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/comstech/Mizan/mizan-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MizanWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, MizanWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, MizanWindow, start_page);
  gtk_widget_class_bind_template_child (widget_class, MizanWindow, assessment_view);
}

static void
mizan_window_init (MizanWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
#if MIZAN_DEVELOPMENT
  /* libadwaita's stripes: a development build is told apart at a glance. */
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif

  g_action_map_add_action_entries (G_ACTION_MAP (self), win_actions, G_N_ELEMENTS (win_actions), self);
  g_signal_connect_object (self->stack, "notify::visible-child", G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
}

MizanWindow *
mizan_window_new (MizanApplication *application)
{
  MizanWindow *self;

  g_return_val_if_fail (MIZAN_IS_APPLICATION (application), NULL);

  self = g_object_new (MIZAN_TYPE_WINDOW,
                       "application", application,
                       "store", mizan_application_get_store (application),
                       "catalog", mizan_application_get_catalog (application),
                       "preferences", mizan_application_get_preferences (application),
                       NULL);

  if (mizan_application_get_store (application) == NULL)
    {
      const GError *error = mizan_application_get_store_error (application);

      mizan_start_page_show_error (self->start_page, error != NULL ? error->message : NULL);
    }
  return self;
}

MizanStore *
mizan_window_get_store (MizanWindow *self)
{
  g_return_val_if_fail (MIZAN_IS_WINDOW (self), NULL);
  return self->store;
}

MizanCatalog *
mizan_window_get_catalog (MizanWindow *self)
{
  g_return_val_if_fail (MIZAN_IS_WINDOW (self), NULL);
  return self->catalog;
}

MizanStartPage *
mizan_window_get_start_page (MizanWindow *self)
{
  g_return_val_if_fail (MIZAN_IS_WINDOW (self), NULL);
  return self->start_page;
}

MizanAssessmentView *
mizan_window_get_assessment_view (MizanWindow *self)
{
  g_return_val_if_fail (MIZAN_IS_WINDOW (self), NULL);
  return self->assessment_view;
}
