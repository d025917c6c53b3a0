/* mizan-json-file.c — reading the JSON files Mizan is given, with limits
 * mizan-json-tree parses strict JSON, turned here into json-glib nodes; used by the exchange importer and the server. */

#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "mizan-json-file.h"

/* The tree as json-glib nodes; the tree's nesting cap bounds the recursion. */
static JsonNode *
to_json_node (const MizanJsonValue *value)
{
  JsonNode *node;

  switch (value->type)
    {
    case MIZAN_JSON_NULL:
      return json_node_new (JSON_NODE_NULL);

    case MIZAN_JSON_BOOLEAN:
      return json_node_init_boolean (json_node_alloc (), value->u.boolean);

    case MIZAN_JSON_INTEGER:
      return json_node_init_int (json_node_alloc (), value->u.integer);

    case MIZAN_JSON_NUMBER:
      return json_node_init_double (json_node_alloc (), value->u.number);

    case MIZAN_JSON_STRING:
      return json_node_init_string (json_node_alloc (), value->u.string);

    case MIZAN_JSON_OBJECT:
      {
        JsonObject *object = json_object_new ();

        for (guint i = 0; i < value->length; i++)
          json_object_set_member (object, value->u.members[i].name,
                                  to_json_node (&value->u.members[i].value));
        node = json_node_new (JSON_NODE_OBJECT);
        json_node_take_object (node, object);
        return node;
      }

    case MIZAN_JSON_ARRAY:
      {
        JsonArray *array = json_array_sized_new (value->length);

        for (guint i = 0; i < value->length; i++)
          json_array_add_element (array, to_json_node (&value->u.elements[i]));
        node = json_node_new (JSON_NODE_ARRAY);
        json_node_take_array (node, array);
        return node;
      }

    default:
      g_assert_not_reached ();
    }
}

JsonNode *
mizan_json_parse_data (const char  *data,
                       gssize       length,
                       const char  *display_name,
                       GQuark       domain,
                       int          syntax_code,
                       GError     **error)
{
  g_autoptr(MizanJsonTree) tree = NULL;
  JsonNode *root;

  g_return_val_if_fail (data != NULL, NULL);

  if (length < 0)
    length = strlen (data);

  /* No list for repeated names: the first one stops the parse. */
  tree = mizan_json_tree_parse (data, length, display_name, MIZAN_JSON_TREE_DEFAULT, NULL,
                                domain, syntax_code, error);
  if (tree == NULL)
    return NULL;

  /* Callers read the tree and never change it, as with json-glib's immutable parser. */
  root = to_json_node (mizan_json_tree_get_root (tree));
  json_node_seal (root);
  return root;
}

JsonNode *
mizan_json_parse_file (const char  *path,
                       gsize        max_size,
                       GQuark       domain,
                       int          too_large_code,
                       int          syntax_code,
                       GError     **error)
{
  g_autofree char *contents = NULL;
  GStatBuf st;
  gsize length;

  if (g_stat (path, &st) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("%s: cannot read: %s"), path, g_strerror (saved_errno));
      return NULL;
    }
  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   _("%s: not a regular file"), path);
      return NULL;
    }
  if ((guint64) st.st_size > max_size)
    {
      g_autofree char *size = g_format_size (st.st_size);
      g_autofree char *limit = g_format_size (max_size);

      /* Just over the limit, both round to the same figure: give the bytes. */
      if (g_str_equal (size, limit))
        {
          g_free (size);
          g_free (limit);
          size = g_format_size_full (st.st_size, G_FORMAT_SIZE_LONG_FORMAT);
          limit = g_format_size_full (max_size, G_FORMAT_SIZE_LONG_FORMAT);
        }

      g_set_error (error, domain, too_large_code,
                   _("%s: the file is %s, larger than the %s Mizan accepts"), path, size, limit);
      return NULL;
    }

  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;
  /* The file may have grown since the check above. */
  if (length > max_size)
    {
      g_set_error (error, domain, too_large_code, _("%s: the file is larger than Mizan accepts"), path);
      return NULL;
    }

  return mizan_json_parse_data (contents, length, path, domain, syntax_code, error);
}

struct _MizanProblems {
  char    *display_name;
  GString *lines;
  guint    count;
};

MizanProblems *
mizan_problems_new (const char *display_name)
{
  MizanProblems *self = g_new0 (MizanProblems, 1);

  self->display_name = g_strdup (display_name);
  self->lines = g_string_new (NULL);
  return self;
}

void
mizan_problems_free (MizanProblems *self)
{
  if (self == NULL)
    return;
  g_free (self->display_name);
  g_string_free (self->lines, TRUE);
  g_free (self);
}

void
mizan_problems_add (MizanProblems *self,
                    const char    *path,
                    const char    *format,
                    ...)
{
  va_list args;

  if (self->count > 0)
    g_string_append_c (self->lines, '\n');
  g_string_append_printf (self->lines, "%s: %s: ", self->display_name, path);
  va_start (args, format);
  g_string_append_vprintf (self->lines, format, args);
  va_end (args);
  self->count++;
}

guint
mizan_problems_get_count (MizanProblems *self)
{
  return self->count;
}

gboolean
mizan_problems_to_error (MizanProblems  *self,
                         GQuark          domain,
                         int             code,
                         GError        **error)
{
  if (self->count == 0)
    return FALSE;
  g_set_error_literal (error, domain, code, self->lines->str);
  return TRUE;
}
