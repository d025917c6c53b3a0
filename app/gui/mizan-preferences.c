/* mizan-preferences.c — the user's preferences, kept in a key file until GSettings arrives
 * No schema has to be installed for the app to run from the build tree. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <errno.h>

#include "mizan-framework.h"
#include "mizan-preferences.h"

#define GROUP "Assessments"
#define KEY_DEFAULT_TARGET "default-target"

struct _MizanPreferences
{
  GObject  parent_instance;

  char    *path;
  guint    default_target;
};

G_DEFINE_FINAL_TYPE (MizanPreferences, mizan_preferences, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DEFAULT_TARGET,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

char *
mizan_preferences_get_default_path (void)
{
  return g_build_filename (g_get_user_config_dir (), "mizan", "preferences.ini", NULL);
}

static void
load (MizanPreferences *self)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  int target;

  if (!g_key_file_load_from_file (key_file, self->path, G_KEY_FILE_NONE, &error))
    {
      if (!g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        g_warning ("Ignoring the preferences in %s: %s", self->path, error->message);
      return;
    }

  target = g_key_file_get_integer (key_file, GROUP, KEY_DEFAULT_TARGET, &error);
  if (error == NULL && target >= 0 && target <= MIZAN_FRAMEWORK_MAX_LEVELS)
    self->default_target = target;
}

static void
save (MizanPreferences *self)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_path_get_dirname (self->path);

  /* Keep whatever else is in the file (keys a newer Mizan may have written). */
  g_key_file_load_from_file (key_file, self->path, G_KEY_FILE_KEEP_COMMENTS, NULL);
  g_key_file_set_integer (key_file, GROUP, KEY_DEFAULT_TARGET, self->default_target);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_warning ("Cannot create %s to keep the preferences: %s", dir, g_strerror (errno));
      return;
    }
  if (!g_key_file_save_to_file (key_file, self->path, &error))
    g_warning ("Cannot save the preferences to %s: %s", self->path, error->message);
}

static void
mizan_preferences_finalize (GObject *object)
{
  MizanPreferences *self = MIZAN_PREFERENCES (object);

  g_clear_pointer (&self->path, g_free);

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
      g_value_set_uint (value, self->default_target);
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
mizan_preferences_new (const char *path)
{
  MizanPreferences *self = g_object_new (MIZAN_TYPE_PREFERENCES, NULL);

  self->path = path != NULL ? g_strdup (path) : mizan_preferences_get_default_path ();
  load (self);
  return self;
}

guint
mizan_preferences_get_default_target (MizanPreferences *self)
{
  g_return_val_if_fail (MIZAN_IS_PREFERENCES (self), 0);
  return self->default_target;
}

void
mizan_preferences_set_default_target (MizanPreferences *self,
                                      guint             target)
{
  g_return_if_fail (MIZAN_IS_PREFERENCES (self));
  g_return_if_fail (target <= MIZAN_FRAMEWORK_MAX_LEVELS);

  if (self->default_target == target)
    return;
  self->default_target = target;
  save (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEFAULT_TARGET]);
}
