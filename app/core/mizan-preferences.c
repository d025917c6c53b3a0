/* mizan-preferences.c — the user's preferences, kept by GSettings under org.comstech.Mizan
 * Finds the schema where GLib looks (installed, or GSETTINGS_SCHEMA_DIR in the build tree). */
#include "config.h"

#include <glib/gi18n-lib.h>
#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>

#include "mizan-framework.h"
#include "mizan-preferences.h"

/* The group a key file keeps the schema's keys in. */
#define KEY_FILE_GROUP "Mizan"

struct _MizanPreferences
{
  GObject    parent_instance;

  GSettings *settings;
};

G_DEFINE_FINAL_TYPE (MizanPreferences, mizan_preferences, G_TYPE_OBJECT)
G_DEFINE_QUARK (mizan-preferences-error-quark, mizan_preferences_error)

enum {
  PROP_0,
  PROP_DEFAULT_TARGET,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
on_settings_changed (MizanPreferences *self,
                     const char       *key)
{
  if (g_strcmp0 (key, "default-target") == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEFAULT_TARGET]);
}

static void
mizan_preferences_finalize (GObject *object)
{
  MizanPreferences *self = MIZAN_PREFERENCES (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (mizan_preferences_parent_class)->finalize (object);
}

static void
mizan_preferences_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  MizanPreferences *self = MIZAN_PREFERENCES (object);

  switch (prop_id)
    {
    case PROP_DEFAULT_TARGET:
      g_value_set_uint (value, mizan_preferences_get_default_target (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mizan_preferences_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  MizanPreferences *self = MIZAN_PREFERENCES (object);

  switch (prop_id)
    {
    case PROP_DEFAULT_TARGET:
      mizan_preferences_set_default_target (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mizan_preferences_class_init (MizanPreferencesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mizan_preferences_finalize;
  object_class->get_property = mizan_preferences_get_property;
  object_class->set_property = mizan_preferences_set_property;

  properties[PROP_DEFAULT_TARGET] =
    g_param_spec_uint ("default-target", NULL, NULL,
                       0, MIZAN_FRAMEWORK_MAX_LEVELS, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mizan_preferences_init (MizanPreferences *self)
{
}

MizanPreferences *
mizan_preferences_new (const char  *path,
                       GError     **error)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettingsBackend) backend = NULL;
  MizanPreferences *self;

  /* g_settings_new() aborts on a missing schema; a clear error serves better. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, MIZAN_SETTINGS_SCHEMA_ID, TRUE);
  if (schema == NULL)
    {
      g_set_error (error, MIZAN_PREFERENCES_ERROR, MIZAN_PREFERENCES_ERROR_NO_SCHEMA,
                   _("The settings schema %s is not installed: install Mizan, or run it from its build folder with “meson devenv”"),
                   MIZAN_SETTINGS_SCHEMA_ID);
      return NULL;
    }

  if (path != NULL)
    backend = g_keyfile_settings_backend_new (path, "/org/comstech/Mizan/", KEY_FILE_GROUP);

  self = g_object_new (MIZAN_TYPE_PREFERENCES, NULL);
  self->settings = g_settings_new_full (schema, backend, NULL);
  g_signal_connect_object (self->settings, "changed", G_CALLBACK (on_settings_changed),
                           self, G_CONNECT_SWAPPED);
  return self;
}

GSettings *
mizan_preferences_get_settings (MizanPreferences *self)
{
  g_return_val_if_fail (MIZAN_IS_PREFERENCES (self), NULL);
  return self->settings;
}

guint
mizan_preferences_get_default_target (MizanPreferences *self)
{
  g_return_val_if_fail (MIZAN_IS_PREFERENCES (self), 0);
  return g_settings_get_uint (self->settings, "default-target");
}

void
mizan_preferences_set_default_target (MizanPreferences *self,
                                      guint             target)
{
  g_return_if_fail (MIZAN_IS_PREFERENCES (self));
  g_return_if_fail (target <= MIZAN_FRAMEWORK_MAX_LEVELS);

  /* The "changed" signal notifies, also for changes made elsewhere. */
  g_settings_set_uint (self->settings, "default-target", target);
}
