/* mizan-preferences.h — the user's preferences, kept in a key file until GSettings arrives
 * $XDG_CONFIG_HOME/mizan/preferences.ini; an unreadable file means the defaults. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define MIZAN_TYPE_PREFERENCES (mizan_preferences_get_type ())
G_DECLARE_FINAL_TYPE (MizanPreferences, mizan_preferences, MIZAN, PREFERENCES, GObject)

/* $XDG_CONFIG_HOME/mizan/preferences.ini */
char             *mizan_preferences_get_default_path   (void);

/* @path NULL: the default path. Reads it now; writes it on each change. */
MizanPreferences *mizan_preferences_new                (const char       *path);

/* 0: each framework's own default target; 1..9: that level (capped at the
 * framework's top level) for every capability of a new assessment. */
guint             mizan_preferences_get_default_target (MizanPreferences *self);
void              mizan_preferences_set_default_target (MizanPreferences *self,
                                                        guint             target);

G_END_DECLS
