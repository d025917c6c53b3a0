/* mizan-capability-row.h — a capability in the questionnaire's sidebar
 * Its id, title and live progress (answered/total), with a check when complete. */
#pragma once

#include <gtk/gtk.h>

#include "mizan-outline-item.h"

G_BEGIN_DECLS

#define MIZAN_TYPE_CAPABILITY_ROW (mizan_capability_row_get_type ())
G_DECLARE_FINAL_TYPE (MizanCapabilityRow, mizan_capability_row, MIZAN, CAPABILITY_ROW, GtkListBoxRow)

GtkWidget        *mizan_capability_row_new           (MizanOutlineItem   *item);
MizanOutlineItem *mizan_capability_row_get_item      (MizanCapabilityRow *self);
/* What the row shows as progress, e.g. "3/7" */
const char       *mizan_capability_row_get_progress  (MizanCapabilityRow *self);

G_END_DECLS
