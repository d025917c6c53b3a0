/* mizan-preferences-window.c — the Preferences window
 * Writes through MizanPreferences as soon as a choice changes; there is no Apply. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mizan-framework.h"
#include "mizan-preferences-window.h"
#ifdef MIZAN_HAVE_RENDER
#include "mizan-report-preferences.h"
#endif
#include "mizan-sync.h"

struct _MizanPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  MizanPreferences     *preferences;

  AdwComboRow          *default_target_row;
  GtkSwitch            *sharing_switch;
  AdwEntryRow          *server_row;
  AdwEntryRow          *token_entry_row;
  AdwActionRow         *token_row;
  GtkButton            *remove_token_button;
};

G_DEFINE_FINAL_TYPE (MizanPreferencesWindow, mizan_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
on_target_selected (MizanPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->default_target_row);

  if (selected != GTK_INVALID_LIST_POSITION && self->preferences != NULL)
    mizan_preferences_set_default_target (self->preferences, selected);
}

/* Sharing ------------------------------------------------------------------------------------ */

static void
update_token_row (MizanPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *token = mizan_sync_load_token (&error);
  g_autofree char *masked = token ? mizan_sync_mask_token (token) : NULL;

  /* Only the last characters: enough to tell tokens apart, never to use one. */
  adw_action_row_set_subtitle (self->token_row,
                               error != NULL ? error->message
                               : masked != NULL ? masked : _("None: paste the token COMSTECH gave you above"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->remove_token_button), token != NULL);
}

static void
show_toast (MizanPreferencesWindow *self,
            const char             *message)
{
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (message));
}

static void
on_token_apply (MizanPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *token = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->token_entry_row))));

  if (*token == '\0')
    return;
  if (!mizan_sync_save_token (token, &error))
    {
      show_toast (self, error->message);
      return;
    }
  /* Never shown again in full. */
  gtk_editable_set_text (GTK_EDITABLE (self->token_entry_row), "");
  update_token_row (self);
  show_toast (self, _("Token saved"));
}

static void
on_remove_token (MizanPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (!mizan_sync_save_token (NULL, &error))
    show_toast (self, error->message);
  update_token_row (self);
}

static void
on_server_apply (MizanPreferencesWindow *self)
{
  g_autofree char *url = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->server_row))));

  g_settings_set_string (mizan_preferences_get_settings (self->preferences), "server-url", url);
}

static void
mizan_preferences_window_dispose (GObject *object)
{
  MizanPreferencesWindow *self = MIZAN_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), MIZAN_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->preferences);

  G_OBJECT_CLASS (mizan_preferences_window_parent_class)->dispose (object);
}

static void
mizan_preferences_window_class_init (MizanPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mizan_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/comstech/Mizan/mizan-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MizanPreferencesWindow, default_target_row);
  gtk_widget_class_bind_template_child (widget_class, MizanPreferencesWindow, sharing_switch);
  gtk_widget_class_bind_template_child (widget_class, MizanPreferencesWindow, server_row);
  gtk_widget_class_bind_template_child (widget_class, MizanPreferencesWindow, token_entry_row);
  gtk_widget_class_bind_template_child (widget_class, MizanPreferencesWindow, token_row);
  gtk_widget_class_bind_template_child (widget_class, MizanPreferencesWindow, remove_token_button);
}

static void
mizan_preferences_window_init (MizanPreferencesWindow *self)
{
  g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_string_list_append (choices, _("As the framework says"));
  for (guint level = 1; level <= MIZAN_FRAMEWORK_MAX_LEVELS; level++)
    {
      /* Translators: a target level choice; a framework with fewer levels uses its top one */
      g_autofree char *label = g_strdup_printf (_("Level %u"), level);

      gtk_string_list_append (choices, label);
    }
  adw_combo_row_set_model (self->default_target_row, G_LIST_MODEL (choices));
}

GtkWidget *
mizan_preferences_window_new (MizanPreferences *preferences)
{
  MizanPreferencesWindow *self;

  g_return_val_if_fail (MIZAN_IS_PREFERENCES (preferences), NULL);

  self = g_object_new (MIZAN_TYPE_PREFERENCES_WINDOW, NULL);
  self->preferences = g_object_ref (preferences);
  adw_combo_row_set_selected (self->default_target_row, mizan_preferences_get_default_target (preferences));
  g_signal_connect_swapped (self->default_target_row, "notify::selected", G_CALLBACK (on_target_selected), self);
#ifdef MIZAN_HAVE_RENDER
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                              ADW_PREFERENCES_PAGE (mizan_report_preferences_new (preferences)));
#endif

  g_settings_bind (mizan_preferences_get_settings (preferences), "sharing-enabled",
                   self->sharing_switch, "active", G_SETTINGS_BIND_DEFAULT);
  {
    g_autofree char *url = g_settings_get_string (mizan_preferences_get_settings (preferences), "server-url");

    gtk_editable_set_text (GTK_EDITABLE (self->server_row), url);
  }
  g_signal_connect_swapped (self->server_row, "apply", G_CALLBACK (on_server_apply), self);
  g_signal_connect_swapped (self->token_entry_row, "apply", G_CALLBACK (on_token_apply), self);
  g_signal_connect_swapped (self->remove_token_button, "clicked", G_CALLBACK (on_remove_token), self);
  update_token_row (self);
  return GTK_WIDGET (self);
}
