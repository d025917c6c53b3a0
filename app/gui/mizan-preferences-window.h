/* mizan-preferences-window.h — the Preferences window
 * The default target level of new assessments; sync and report branding come with their issues. */
#pragma once

#include <adwaita.h>

#include "mizan-preferences.h"

G_BEGIN_DECLS

#define MIZAN_TYPE_PREFERENCES_WINDOW (mizan_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (MizanPreferencesWindow, mizan_preferences_window, MIZAN, PREFERENCES_WINDOW, AdwPreferencesWindow)

GtkWidget *mizan_preferences_window_new (MizanPreferences *preferences);

G_END_DECLS
