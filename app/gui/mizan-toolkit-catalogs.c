/* mizan-toolkit-catalogs.c — the toolkit's words in languages the system has no catalogue of
 * Debian 12's libadwaita 1.2 has no Arabic, so its About and Preferences windows
 * would say "Details", "Credits", "Search" in English in an Arabic Mizan. Mizan
 * ships its own catalogue of those words (po/toolkit/) and points libadwaita's
 * domain at it only when no language the user asks for has a system catalogue:
 * where the system has one (French, say), it is left alone.
 *
 * GTK's own catalogue for Arabic exists but lacks the descriptions of the
 * window buttons ("Close the window"), which a screen reader speaks. Those few
 * are Mizan's own messages, given to the buttons only where GTK has none. */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <gtk/gtk.h>

#include "mizan-toolkit-catalogs.h"

static const char * const domains[] = { "libadwaita", NULL };

/* Whether the locale folder @base holds @domain's catalogue for @language. */
static gboolean
has_catalogue (const char *base,
               const char *language,
               const char *domain)
{
  g_autofree char *file = g_strconcat (domain, ".mo", NULL);
  g_autofree char *path = g_build_filename (base, language, "LC_MESSAGES", file, NULL);

  return g_file_test (path, G_FILE_TEST_IS_REGULAR);
}

/* Window buttons ---------------------------------------------------------- */

/* The accessible descriptions GtkWindowControls (GTK 4.8) gives its buttons,
 * by the button's style class. */
static const struct {
  const char *style_class;
  const char *description;
} window_buttons[] = {
  /* Translators: what a screen reader says of the title bar's close button. */
  { "close", N_("Close the window") },
  /* Translators: what a screen reader says of the title bar's minimize button. */
  { "minimize", N_("Minimize the window") },
  /* Translators: what a screen reader says of the title bar's maximize button. */
  { "maximize", N_("Maximize the window") },
};

static void (*gtk_window_controls_root) (GtkWidget *widget);

/* Mizan's words for @english where GTK's catalogue has none and Mizan's has; else NULL. */
static const char *
instead_of_gtk (const char *english)
{
  const char *ours = _(english);

  return strcmp (g_dgettext ("gtk40", english), english) == 0 && strcmp (ours, english) != 0 ? ours : NULL;
}

static void
describe_window_buttons (GListModel *buttons,
                         guint       position,
                         guint       removed,
                         guint       added,
                         gpointer    user_data)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GtkWidget) button = g_list_model_get_item (buttons, i);

      for (guint b = 0; b < G_N_ELEMENTS (window_buttons); b++)
        {
          const char *ours = instead_of_gtk (window_buttons[b].description);

          if (ours != NULL && gtk_widget_has_css_class (button, window_buttons[b].style_class))
            gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                            GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, ours, -1);
        }
    }
}

/* GtkWindowControls builds its buttons anew whenever the window or the
 * decoration layout changes; watching its children catches every build. */
static void
window_controls_root (GtkWidget *controls)
{
  GListModel *buttons;

  gtk_window_controls_root (controls);

  if (g_object_get_data (G_OBJECT (controls), "mizan-buttons") != NULL)
    return;
  buttons = gtk_widget_observe_children (controls);
  g_object_set_data_full (G_OBJECT (controls), "mizan-buttons", buttons, g_object_unref);
  g_signal_connect (buttons, "items-changed", G_CALLBACK (describe_window_buttons), NULL);
  describe_window_buttons (buttons, 0, 0, g_list_model_get_n_items (buttons), NULL);
}

static void
watch_window_buttons (void)
{
  GtkWidgetClass *klass = g_type_class_ref (GTK_TYPE_WINDOW_CONTROLS);

  /* Only where the language needs it: elsewhere GTK is left as it is. The
   * class stays referenced, as GTK keeps it anyway. */
  if (klass->root == window_controls_root)
    return;
  for (guint b = 0; b < G_N_ELEMENTS (window_buttons); b++)
    if (instead_of_gtk (window_buttons[b].description) != NULL)
      {
        gtk_window_controls_root = klass->root;
        klass->root = window_controls_root;
        break;
      }
}

/* Binding ----------------------------------------------------------------- */

void
mizan_toolkit_catalogs_bind (void)
{
  /* MIZAN_LOCALEDIR: the build tree's catalogues, for the tests and `meson devenv`. */
  g_autofree char *ours = g_getenv ("MIZAN_LOCALEDIR") != NULL
                            ? g_build_filename (g_getenv ("MIZAN_LOCALEDIR"), "toolkit", NULL)
                            : g_build_filename (MIZAN_PKGDATADIR, "locale", NULL);
  const char * const *languages = g_get_language_names ();

  for (guint d = 0; domains[d] != NULL; d++)
    {
      /* Where the domain was bound (adw_init binds libadwaita's). */
      const char *system = bindtextdomain (domains[d], NULL);

      /* The first language, in the user's order, that either has a catalogue
       * decides: the system's if it has one, else ours. */
      for (guint i = 0; languages[i] != NULL && g_strcmp0 (languages[i], "C") != 0; i++)
        {
          if (system != NULL && has_catalogue (system, languages[i], domains[d]))
            break;
          if (has_catalogue (ours, languages[i], domains[d]))
            {
              g_debug ("Using Mizan's %s catalogue for %s from %s", domains[d], languages[i], ours);
              bindtextdomain (domains[d], ours);
              bind_textdomain_codeset (domains[d], "UTF-8");
              break;
            }
        }
    }

  watch_window_buttons ();
}
