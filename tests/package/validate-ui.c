/* validate-ui.c — builds every .ui file of ui/ the way the app does, and reports GtkBuilder's errors
 * gtk4-builder-tool 4.8 links GTK only, so it cannot resolve libadwaita's or Mizan's types in templates. */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include <glib/gstdio.h>

#include "mizan-catalog.h"
#include "mizan-gui.h"
#include "mizan-preferences.h"

/* Why not gtk4-builder-tool: it fails every template whose parent or
 * children are libadwaita or Mizan types ("Failed to lookup template parent
 * type AdwActionRow"), or validates a fake subclass that has none of the
 * class's template children and callbacks. Here every type is registered
 * (mizan_gui_init), a template is checked by building an instance of its
 * real class, so its children, callbacks and properties are bound exactly
 * as in the app, and a plain builder file is loaded with GtkBuilder. Every
 * warning or critical GTK logs while doing so is a failure. */

static GPtrArray *messages;

static GLogWriterOutput
collect (GLogLevelFlags   level,
         const GLogField *fields,
         gsize            n_fields,
         gpointer         user_data)
{
  if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    {
      for (gsize i = 0; i < n_fields; i++)
        if (g_strcmp0 (fields[i].key, "MESSAGE") == 0)
          g_ptr_array_add (messages, g_strdup (fields[i].value));
      return G_LOG_WRITER_HANDLED;
    }
  return g_log_writer_default (level, fields, n_fields, user_data);
}

typedef struct {
  char *template_class;
  char *template_parent;
} UiFile;

static void
start_element (GMarkupParseContext *context,
               const char          *element,
               const char         **names,
               const char         **values,
               gpointer             user_data,
               GError             **error)
{
  UiFile *ui = user_data;

  if (g_strcmp0 (element, "template") != 0 || ui->template_class != NULL)
    return;
  for (guint i = 0; names[i] != NULL; i++)
    {
      if (g_str_equal (names[i], "class"))
        ui->template_class = g_strdup (values[i]);
      else if (g_str_equal (names[i], "parent"))
        ui->template_parent = g_strdup (values[i]);
    }
}

/* A class reads its template from the app's resources: those must hold this
 * very file, or the check would validate a stale copy. */
static gboolean
same_as_resource (const char *path,
                  const char *contents,
                  gsize       length)
{
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *parent = g_path_get_basename (dir);
  g_autofree char *resource = NULL;
  g_autoptr(GBytes) bytes = NULL;

  resource = g_str_equal (parent, "ui")
    ? g_strconcat ("/org/comstech/Mizan/", name, NULL)
    : g_strconcat ("/org/comstech/Mizan/", parent, "/", name, NULL);
  bytes = g_resources_lookup_data (resource, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  if (bytes == NULL)
    {
      g_printerr ("%s: not in the app's resources as %s (ui/mizan.gresource.xml)\n", path, resource);
      return FALSE;
    }
  if (g_bytes_get_size (bytes) != length || memcmp (g_bytes_get_data (bytes, NULL), contents, length) != 0)
    {
      g_printerr ("%s: differs from the resource %s built into this program; rebuild\n", path, resource);
      return FALSE;
    }
  return TRUE;
}

/* Some widgets need what the app hands them (MizanWindow: a catalog and the
 * preferences); they get empty ones, as on a first start. */
static GObject *
new_like_the_app (GType type)
{
  GObjectClass *klass = g_type_class_ref (type);
  static MizanCatalog *catalog;
  static MizanPreferences *preferences;
  const char *names[2];
  GValue values[2] = { G_VALUE_INIT, G_VALUE_INIT };
  guint n = 0;
  GObject *object;

  if (catalog == NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *dir = g_dir_make_tmp ("mizan-validate-ui-XXXXXX", NULL);
      g_autofree char *token = g_build_filename (dir, "token", NULL);

      catalog = mizan_catalog_new ();
      preferences = mizan_preferences_new (token, &error);
      if (preferences == NULL)
        g_printerr ("preferences: %s\n", error->message);
      g_rmdir (dir);
    }
  if (g_object_class_find_property (klass, "catalog") != NULL)
    {
      names[n] = "catalog";
      g_value_init (&values[n], MIZAN_TYPE_CATALOG);
      g_value_set_object (&values[n++], catalog);
    }
  if (g_object_class_find_property (klass, "preferences") != NULL && preferences != NULL)
    {
      names[n] = "preferences";
      g_value_init (&values[n], MIZAN_TYPE_PREFERENCES);
      g_value_set_object (&values[n++], preferences);
    }
  object = g_object_new_with_properties (type, n, names, values);
  g_type_class_unref (klass);
  for (guint i = 0; i < n; i++)
    g_value_unset (&values[i]);
  return object;
}

static gboolean
validate (const char *path)
{
  static const GMarkupParser parser = { start_element };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  UiFile ui = { NULL, NULL };
  gsize length;
  gboolean ok = TRUE;

  if (!g_file_get_contents (path, &contents, &length, &error))
    {
      g_printerr ("%s: %s\n", path, error->message);
      return FALSE;
    }
  context = g_markup_parse_context_new (&parser, 0, &ui, NULL);
  if (!g_markup_parse_context_parse (context, contents, length, &error) ||
      !g_markup_parse_context_end_parse (context, &error))
    {
      g_printerr ("%s: not well-formed XML: %s\n", path, error->message);
      return FALSE;
    }

  g_ptr_array_set_size (messages, 0);
  if (!same_as_resource (path, contents, length))
    ok = FALSE;
  else if (ui.template_class != NULL)
    {
      GType type = g_type_from_name (ui.template_class);

      if (type == G_TYPE_INVALID)
        {
          g_printerr ("%s: template class %s is not a registered type (is it in mizan_gui_init()?)\n",
                      path, ui.template_class);
          ok = FALSE;
        }
      else if (ui.template_parent == NULL || !g_type_is_a (type, g_type_from_name (ui.template_parent)))
        {
          g_printerr ("%s: %s does not derive from the template's parent %s\n",
                      path, ui.template_class, ui.template_parent ? ui.template_parent : "(none)");
          ok = FALSE;
        }
      else
        {
          /* The class builds its template from the resource compiled from
           * this very file (same_as_resource). */
          GObject *object = new_like_the_app (type);

          if (G_IS_INITIALLY_UNOWNED (object))
            g_object_ref_sink (object);
          if (GTK_IS_WINDOW (object))
            gtk_window_destroy (GTK_WINDOW (object));
          g_object_unref (object);
        }
    }
  else
    {
      g_autoptr(GtkBuilder) builder = gtk_builder_new ();

      if (!gtk_builder_add_from_string (builder, contents, length, &error))
        {
          g_printerr ("%s: %s\n", path, error->message);
          ok = FALSE;
        }
    }

  for (guint i = 0; i < messages->len; i++)
    {
      g_printerr ("%s: %s\n", path, (const char *) messages->pdata[i]);
      ok = FALSE;
    }
  g_free (ui.template_class);
  g_free (ui.template_parent);
  return ok;
}

int
main (int   argc,
      char *argv[])
{
  int failed = 0;

  if (argc < 2)
    {
      g_printerr ("usage: %s FILE.ui…\n", argv[0]);
      return 2;
    }
  gtk_init ();
  adw_init ();
  mizan_gui_init ();
  messages = g_ptr_array_new_with_free_func (g_free);
  /* Reported and counted here instead of aborting at the first. */
  g_log_set_always_fatal (G_LOG_FATAL_MASK);
  g_log_set_writer_func (collect, NULL, NULL);

  for (int i = 1; i < argc; i++)
    {
      if (validate (argv[i]))
        g_print ("%s: ok\n", argv[i]);
      else
        failed++;
    }
  g_ptr_array_unref (messages);
  if (failed > 0)
    g_printerr ("%d of %d files failed\n", failed, argc - 1);
  return failed > 0 ? 1 : 0;
}
