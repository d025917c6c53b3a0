/* mizan-outline-item.h — one domain or capability of the questionnaire's outline
 * A list-model item carrying its live progress (answered of total practices). */
#pragma once

#include <glib-object.h>
#include "mizan-framework.h"

G_BEGIN_DECLS

#define MIZAN_TYPE_OUTLINE_ITEM (mizan_outline_item_get_type ())
G_DECLARE_FINAL_TYPE (MizanOutlineItem, mizan_outline_item, MIZAN, OUTLINE_ITEM, GObject)

/* The framework must outlive the item (the session holds it). */
MizanOutlineItem *mizan_outline_item_new_domain     (MizanDomain      *domain);
MizanOutlineItem *mizan_outline_item_new_capability (MizanCapability  *capability);

/* For a capability item, the capability's domain. */
MizanDomain      *mizan_outline_item_get_domain     (MizanOutlineItem *self);
/* NULL for a domain item. */
MizanCapability  *mizan_outline_item_get_capability (MizanOutlineItem *self);
const char       *mizan_outline_item_get_id         (MizanOutlineItem *self);
/* In the user's language */
const char       *mizan_outline_item_get_title      (MizanOutlineItem *self);
guint             mizan_outline_item_get_answered   (MizanOutlineItem *self);
void              mizan_outline_item_set_answered   (MizanOutlineItem *self,
                                                     guint             answered);
guint             mizan_outline_item_get_total      (MizanOutlineItem *self);
gboolean          mizan_outline_item_is_complete    (MizanOutlineItem *self);

G_END_DECLS
