/* mizan-toolkit-catalogs.h — the toolkit's words in languages the system has no catalogue of */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Call after adw_init() (which binds libadwaita's own folder), before the first window.
 * Also gives the window buttons Mizan's descriptions where GTK's catalogue has none. */
void mizan_toolkit_catalogs_bind (void);

G_END_DECLS
