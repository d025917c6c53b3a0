/* mizan-references.c — the identifiers of the standards a framework may cite
 * Reads the JSON files of data/references/ once, on first use from any thread; a broken file is a warning and is skipped. */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "mizan-catalog.h"
#include "mizan-json-file.h"
#include "mizan-references.h"

/* Far above the largest standard's list of controls. */
#define MAX_FILE_SIZE (4 * 1024 * 1024)

struct _MizanReferenceScheme
{
  char       *id;
  char       *title;
  GPtrArray  *ids;      /* char *, file order, NULL-terminated */
  GHashTable *titles;   /* id (owned by @ids) → title */
};

static void
scheme_free (gpointer data)
{
  MizanReferenceScheme *scheme = data;

  g_hash_table_unref (scheme->titles);
  g_ptr_array_unref (scheme->ids);
  g_free (scheme->title);
  g_free (scheme->id);
  g_free (scheme);
}

/* The member @name of @object when it is a string, else NULL. */
static const char *
get_string_member (JsonObject *object,
                   const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/* A scheme, or NULL after saying in @error what is wrong with the file. */
static MizanReferenceScheme *
read_scheme (const char  *path,
             GError     **error)
{
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;
  JsonNode *entries_node;
  JsonArray *entries;
  const char *id, *title;
  MizanReferenceScheme *scheme;

  root = mizan_json_parse_file (path, MAX_FILE_SIZE, G_IO_ERROR, G_IO_ERROR_FAILED,
                                G_IO_ERROR_INVALID_DATA, error);
  if (root == NULL)
    return NULL;

  object = JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  if (object == NULL ||
      g_strcmp0 (get_string_member (object, "format"), "mizan-references") != 0 ||
      !json_object_has_member (object, "format_version") ||
      json_node_get_value_type (json_object_get_member (object, "format_version")) != G_TYPE_INT64 ||
      json_object_get_int_member (object, "format_version") != 1)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%s: not a mizan-references file of format version 1"), path);
      return NULL;
    }

  id = get_string_member (object, "id");
  title = get_string_member (object, "title");
  entries_node = json_object_get_member (object, "entries");
  if (id == NULL || *id == '\0' || title == NULL || entries_node == NULL ||
      !JSON_NODE_HOLDS_ARRAY (entries_node))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%s: needs an \"id\", a \"title\" and an array of \"entries\""), path);
      return NULL;
    }
  entries = json_node_get_array (entries_node);

  scheme = g_new0 (MizanReferenceScheme, 1);
  scheme->id = g_strdup (id);
  scheme->title = g_strdup (*title != '\0' ? title : id);
  scheme->ids = g_ptr_array_new_null_terminated (json_array_get_length (entries), g_free, TRUE);
  scheme->titles = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      JsonNode *entry_node = json_array_get_element (entries, i);
      JsonObject *entry = JSON_NODE_HOLDS_OBJECT (entry_node) ? json_node_get_object (entry_node) : NULL;
      const char *entry_id = entry != NULL ? get_string_member (entry, "id") : NULL;
      /* Titles are still being written: an empty or missing one is allowed. */
      const char *entry_title = entry != NULL ? get_string_member (entry, "title") : NULL;
      char *key;

      if (entry_id == NULL || *entry_id == '\0' || g_hash_table_contains (scheme->titles, entry_id))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("%s: entries[%u] needs an \"id\" of its own"), path, i);
          scheme_free (scheme);
          return NULL;
        }

      key = g_strdup (entry_id);
      g_ptr_array_add (scheme->ids, key);
      g_hash_table_insert (scheme->titles, key, g_strdup (entry_title != NULL ? entry_title : ""));
    }

  return scheme;
}

/* scheme id → MizanReferenceScheme, never freed: the data is the program's. */
static gpointer
load_schemes (gpointer data)
{
  GHashTable *schemes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, scheme_free);
  g_autofree char *dir = mizan_catalog_get_references_dir ();
  g_autoptr(GDir) gdir = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;

  gdir = g_dir_open (dir, 0, &error);
  if (gdir == NULL)
    {
      /* Without the data, cited identifiers go unchecked, as for any scheme Mizan does not ship. */
      g_debug ("%s: cannot read the reference schemes: %s", dir, error->message);
      return schemes;
    }

  while ((name = g_dir_read_name (gdir)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autoptr(GError) scheme_error = NULL;
      MizanReferenceScheme *scheme;

      if (!g_str_has_suffix (name, ".json") || name[0] == '.')
        continue;

      path = g_build_filename (dir, name, NULL);
      scheme = read_scheme (path, &scheme_error);
      if (scheme == NULL)
        g_warning ("%s", scheme_error->message);
      else if (g_hash_table_contains (schemes, scheme->id))
        {
          g_warning ("%s: the reference scheme %s is defined twice; this copy is ignored", path, scheme->id);
          scheme_free (scheme);
        }
      else
        g_hash_table_insert (schemes, scheme->id, scheme);
    }

  return schemes;
}

const MizanReferenceScheme *
mizan_references_lookup_scheme (const char *scheme)
{
  static GOnce once = G_ONCE_INIT;
  GHashTable *schemes;

  g_return_val_if_fail (scheme != NULL, NULL);

  schemes = g_once (&once, load_schemes, NULL);
  return g_hash_table_lookup (schemes, scheme);
}

const char *
mizan_reference_scheme_get_title (const MizanReferenceScheme *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->title;
}

const char *
mizan_reference_scheme_lookup (const MizanReferenceScheme *self,
                               const char                 *id)
{
  g_return_val_if_fail (self != NULL, NULL);

  return id != NULL ? g_hash_table_lookup (self->titles, id) : NULL;
}

const char * const *
mizan_reference_scheme_get_ids (const MizanReferenceScheme *self)
{
  static const char * const none[] = { NULL };

  g_return_val_if_fail (self != NULL, NULL);

  /* An empty null-terminated GPtrArray may not have allocated its pdata. */
  return self->ids->pdata != NULL ? (const char * const *) self->ids->pdata : none;
}

char *
mizan_references_format (const MizanReference *references,
                         guint                 n_references)
{
  g_autoptr(GString) line = g_string_new (NULL);

  for (guint i = 0; i < n_references; i++)
    {
      const MizanReferenceScheme *scheme = mizan_references_lookup_scheme (references[i].scheme);
      g_autofree char *ids = NULL;

      if (references[i].ids == NULL || references[i].ids[0] == NULL)
        continue;

      ids = g_strjoinv (", ", references[i].ids);
      if (line->len > 0)
        g_string_append (line, "; ");
      /* Each standard's run is isolated (FSI … PDI): in a right-to-left
       * line its identifiers stay beside its name, in their own order. */
      g_string_append_printf (line, "\u2068%s: %s\u2069",
                              scheme != NULL ? mizan_reference_scheme_get_title (scheme) : references[i].scheme,
                              ids);
    }

  return line->len > 0 ? g_string_free (g_steal_pointer (&line), FALSE) : NULL;
}
