/* mizan-renderer.h — which GSK renderer draws Mizan's windows */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Call after gtk_init(), before the first window is shown. */
void mizan_renderer_choose (void);

G_END_DECLS
