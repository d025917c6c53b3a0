/* mizan-catalog.c — the frameworks a user can assess against
 * Loads the built-in directory, then the user's; broken or duplicate files become warnings, never failures. */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "mizan-catalog.h"

struct _MizanCatalog
{
  GObject    parent_instance;

  GPtrArray *frameworks;   /* MizanFramework, sorted by id then version */
  GPtrArray *warnings;     /* char * */
};

G_DEFINE_FINAL_TYPE (MizanCatalog, mizan_catalog, G_TYPE_OBJECT)

static void
mizan_catalog_finalize (GObject *object)
{
  MizanCatalog *self = MIZAN_CATALOG (object);

  g_clear_pointer (&self->frameworks, g_ptr_array_unref);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);

  G_OBJECT_CLASS (mizan_catalog_parent_class)->finalize (object);
}

static void
mizan_catalog_class_init (MizanCatalogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mizan_catalog_finalize;
}

static void
mizan_catalog_init (MizanCatalog *self)
{
  self->frameworks = g_ptr_array_new_with_free_func (g_object_unref);
  self->warnings = g_ptr_array_new_with_free_func (g_free);
}

const char *
mizan_catalog_get_builtin_dir (void)
{
  const char *dir = g_getenv ("MIZAN_FRAMEWORKS_DIR");

  if (dir != NULL && *dir != '\0')
    return dir;
  return MIZAN_FRAMEWORKS_DIR;
}

char *
mizan_catalog_get_references_dir (void)
{
  g_autofree char *data_dir = g_path_get_dirname (mizan_catalog_get_builtin_dir ());

  return g_build_filename (data_dir, "references", NULL);
}

char *
mizan_catalog_get_user_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "mizan", "frameworks", NULL);
}

MizanCatalog *
mizan_catalog_new (void)
{
  return g_object_new (MIZAN_TYPE_CATALOG, NULL);
}

MizanCatalog *
mizan_catalog_new_default (void)
{
  MizanCatalog *self = mizan_catalog_new ();
  g_autofree char *user_dir = mizan_catalog_get_user_dir ();

  /* Built-in first: a user file never shadows the framework the app ships. */
  mizan_catalog_add_directory (self, mizan_catalog_get_builtin_dir ());
  mizan_catalog_add_directory (self, user_dir);
  return self;
}

static void
add_warning (MizanCatalog *self,
             char         *warning)
{
  g_ptr_array_add (self->warnings, warning);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

void
mizan_catalog_add_directory (MizanCatalog *self,
                             const char   *dir)
{
  g_autoptr(GDir) gdir = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) names = NULL;
  const char *name;

  g_return_if_fail (MIZAN_IS_CATALOG (self));
  g_return_if_fail (dir != NULL);

  gdir = g_dir_open (dir, 0, &error);
  if (gdir == NULL)
    {
      if (!g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        add_warning (self, g_strdup_printf (_("%s: cannot read the directory: %s"), dir, error->message));
      return;
    }

  /* Sorted, so that which of two clashing files wins does not depend on the file system. */
  names = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (gdir)) != NULL)
    if (g_str_has_suffix (name, ".json") && name[0] != '.')
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir, g_ptr_array_index (names, i), NULL);
      g_autoptr(MizanFramework) framework = NULL;
      g_autoptr(GError) load_error = NULL;

      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
        continue;

      framework = mizan_framework_new_from_file (path, &load_error);
      if (framework == NULL)
        {
          g_auto(GStrv) lines = g_strsplit (load_error->message, "\n", -1);

          /* One warning per problem, as the header promises. */
          for (guint j = 0; lines[j] != NULL; j++)
            if (*lines[j] != '\0')
              add_warning (self, g_strdup (lines[j]));
          continue;
        }

      mizan_catalog_add (self, framework);
    }
}

/* Dotted versions compare by number: 1.10.0 comes after 1.9.0. Runs of
 * digits compare as numbers of any length, everything else byte by byte. */
static int
compare_versions (const char *a,
                  const char *b)
{
  const char *pa = a, *pb = b;

  while (*pa != '\0' && *pb != '\0')
    {
      if (g_ascii_isdigit (*pa) && g_ascii_isdigit (*pb))
        {
          const char *da, *db;
          gsize la, lb;
          int cmp;

          while (*pa == '0' && g_ascii_isdigit (pa[1]))
            pa++;
          while (*pb == '0' && g_ascii_isdigit (pb[1]))
            pb++;
          for (da = pa; g_ascii_isdigit (*da); da++)
            ;
          for (db = pb; g_ascii_isdigit (*db); db++)
            ;
          la = da - pa;
          lb = db - pb;
          if (la != lb)
            return la < lb ? -1 : 1;
          cmp = memcmp (pa, pb, la);
          if (cmp != 0)
            return cmp < 0 ? -1 : 1;
          pa = da;
          pb = db;
        }
      else
        {
          if (*pa != *pb)
            return (guchar) *pa < (guchar) *pb ? -1 : 1;
          pa++;
          pb++;
        }
    }

  if (*pa != *pb)
    return *pa == '\0' ? -1 : 1;
  /* "1.0" and "1.00" are equal as numbers; keep the order total. */
  return strcmp (a, b);
}

static int
compare_frameworks (gconstpointer a,
                    gconstpointer b)
{
  MizanFramework *fa = *(MizanFramework * const *) a;
  MizanFramework *fb = *(MizanFramework * const *) b;
  int cmp = strcmp (mizan_framework_get_id (fa), mizan_framework_get_id (fb));

  if (cmp != 0)
    return cmp;
  return compare_versions (mizan_framework_get_version (fa), mizan_framework_get_version (fb));
}

void
mizan_catalog_add (MizanCatalog   *self,
                   MizanFramework *framework)
{
  const char *id, *version;

  g_return_if_fail (MIZAN_IS_CATALOG (self));
  g_return_if_fail (MIZAN_IS_FRAMEWORK (framework));

  id = mizan_framework_get_id (framework);
  version = mizan_framework_get_version (framework);

  for (guint i = 0; i < self->frameworks->len; i++)
    {
      MizanFramework *other = g_ptr_array_index (self->frameworks, i);

      if (strcmp (mizan_framework_get_id (other), id) == 0 &&
          strcmp (mizan_framework_get_version (other), version) == 0)
        {
          const char *path = mizan_framework_get_path (framework);
          const char *other_path = mizan_framework_get_path (other);

          /* The first one stays: assessments made against it must keep
           * meaning what they meant. */
          add_warning (self,
                       g_strdup_printf (_("%s: framework %s version %s is already loaded from %s; "
                                          "this copy is ignored (give it a new version to use it)"),
                                        path != NULL ? path : id, id, version,
                                        other_path != NULL ? other_path : _("memory")));
          return;
        }
    }

  g_ptr_array_add (self->frameworks, g_object_ref (framework));
  g_ptr_array_sort (self->frameworks, compare_frameworks);
}

GPtrArray *
mizan_catalog_get_frameworks (MizanCatalog *self)
{
  g_return_val_if_fail (MIZAN_IS_CATALOG (self), NULL);

  return self->frameworks;
}

MizanFramework *
mizan_catalog_lookup (MizanCatalog *self,
                      const char   *id,
                      const char   *version)
{
  MizanFramework *found = NULL;

  g_return_val_if_fail (MIZAN_IS_CATALOG (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  /* Sorted by version within an id, so the last match is the highest. */
  for (guint i = 0; i < self->frameworks->len; i++)
    {
      MizanFramework *framework = g_ptr_array_index (self->frameworks, i);

      if (strcmp (mizan_framework_get_id (framework), id) != 0)
        continue;
      if (version == NULL)
        found = framework;
      else if (strcmp (mizan_framework_get_version (framework), version) == 0)
        return framework;
    }

  return found;
}

MizanFramework *
mizan_catalog_lookup_successor (MizanCatalog   *self,
                                MizanFramework *framework)
{
  MizanFramework *found = NULL;

  g_return_val_if_fail (MIZAN_IS_CATALOG (self), NULL);
  g_return_val_if_fail (MIZAN_IS_FRAMEWORK (framework), NULL);

  for (guint i = 0; i < self->frameworks->len; i++)
    {
      MizanFramework *other = g_ptr_array_index (self->frameworks, i);

      if (strcmp (mizan_framework_get_id (other), mizan_framework_get_id (framework)) == 0 &&
          g_strcmp0 (mizan_framework_get_supersedes_version (other), mizan_framework_get_version (framework)) == 0)
        found = other;
    }

  return found;
}

GPtrArray *
mizan_catalog_get_warnings (MizanCatalog *self)
{
  g_return_val_if_fail (MIZAN_IS_CATALOG (self), NULL);

  return self->warnings;
}
