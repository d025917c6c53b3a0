/* mizan-toolkit-catalogs.c — the toolkit's words in languages the system has no catalogue of
 * Debian 12's libadwaita 1.2 has no Arabic, so its About and Preferences windows
 * would say "Details", "Credits", "Search" in English in an Arabic Mizan. Mizan
 * ships its own catalogue of those words (po/toolkit/) and points libadwaita's
 * domain at it only when no language the user asks for has a system catalogue:
 * where the system has one (French, say), it is left alone. */

#include "config.h"

#include <glib/gi18n-lib.h>

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
}
