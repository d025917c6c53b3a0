/* main.c — the mizan desktop app's entry point
 * Sets up translations and hands over to MizanApplication. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>

#include "mizan-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(MizanApplication) app = NULL;

  setlocale (LC_ALL, "");
  /* MIZAN_LOCALEDIR: the build tree's catalogues, for the tests and `meson devenv`. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("MIZAN_LOCALEDIR") ? g_getenv ("MIZAN_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  /* Deliberately no textdomain(): once an app sets one, GLib stops translating
   * GTK's own strings, text direction included, in any language the app has no
   * catalogue for yet, and an Arabic desktop would not be mirrored. Mizan's
   * strings name their domain (gi18n-lib.h, domain="mizan" in the templates). */

  app = mizan_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
