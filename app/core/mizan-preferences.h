/* mizan-preferences.h — the user's preferences: the GSettings schema org.comstech.Mizan
 * Shared by the app and the CLI; the widgets bind to mizan_preferences_get_settings(). */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define MIZAN_SETTINGS_SCHEMA_ID "org.comstech.Mizan"

#define MIZAN_TYPE_PREFERENCES (mizan_preferences_get_type ())
G_DECLARE_FINAL_TYPE (MizanPreferences, mizan_preferences, MIZAN, PREFERENCES, GObject)

#define MIZAN_PREFERENCES_ERROR (mizan_preferences_error_quark ())
GQuark mizan_preferences_error_quark (void);

typedef enum {
  MIZAN_PREFERENCES_ERROR_NO_SCHEMA,
} MizanPreferencesError;

/* @path NULL: the desktop's settings (dconf, or GSETTINGS_BACKEND). A path:
 * a key file there (tests, and a portable setup), read now and written on
 * each change. Fails only when the schema is not installed (nor found in
 * GSETTINGS_SCHEMA_DIR), with a message that says so. */
MizanPreferences *mizan_preferences_new                (const char       *path,
                                                        GError          **error);

/* The settings themselves, to read or bind every key of the schema. */
GSettings        *mizan_preferences_get_settings       (MizanPreferences *self);

/* 0: each framework's own default target; 1..9: that level (capped at the
 * framework's top level) for every capability of a new assessment. */
guint             mizan_preferences_get_default_target (MizanPreferences *self);
void              mizan_preferences_set_default_target (MizanPreferences *self,
                                                        guint             target);

G_END_DECLS
