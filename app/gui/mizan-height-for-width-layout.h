/* mizan-height-for-width-layout.h — a single-child layout whose width never depends on its height
 * For the content of a GtkViewport that scrolls vertically only. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define MIZAN_TYPE_HEIGHT_FOR_WIDTH_LAYOUT (mizan_height_for_width_layout_get_type ())
G_DECLARE_FINAL_TYPE (MizanHeightForWidthLayout, mizan_height_for_width_layout, MIZAN, HEIGHT_FOR_WIDTH_LAYOUT, GtkLayoutManager)

GtkLayoutManager *mizan_height_for_width_layout_new (void);

G_END_DECLS
