/* mizan-preferences-window.c — the Preferences window
 * Writes through MizanPreferences as soon as a choice changes; there is no Apply. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mizan-framework.h"
#include "mizan-preferences-window.h"
#ifdef MIZAN_HAVE_RENDER
#include "mizan-report-preferences.h"
#endif

struct _MizanPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  MizanPreferences     *preferences;

  AdwComboRow          *default_target_row;
};

G_DEFINE_FINAL_TYPE (MizanPreferencesWindow, mizan_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
on_target_selected (MizanPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->default_target_row);

  if (selected != GTK_INVALID_LIST_POSITION && self->preferences != NULL)
    mizan_preferences_set_default_target (self->preferences, selected);
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
  return GTK_WIDGET (self);
}
