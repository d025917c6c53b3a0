/* mizan-outline-item.c — one domain or capability of the questionnaire's outline
 * Progress is a property so that sidebar rows bound to it update as answers come in. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mizan-outline-item.h"

struct _MizanOutlineItem
{
  GObject          parent_instance;

  MizanDomain     *domain;
  MizanCapability *capability;
  guint            answered;
  guint            total;
};

G_DEFINE_FINAL_TYPE (MizanOutlineItem, mizan_outline_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_ANSWERED,
  PROP_TOTAL,
  PROP_PROGRESS,
  PROP_COMPLETE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
mizan_outline_item_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  MizanOutlineItem *self = MIZAN_OUTLINE_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, mizan_outline_item_get_id (self));
      break;
    case PROP_TITLE:
      g_value_set_string (value, mizan_outline_item_get_title (self));
      break;
    case PROP_ANSWERED:
      g_value_set_uint (value, self->answered);
      break;
    case PROP_TOTAL:
      g_value_set_uint (value, self->total);
      break;
    case PROP_PROGRESS:
      /* Translators: progress of a capability or domain: answered practices / all practices */
      g_value_take_string (value, g_strdup_printf (C_("progress", "%u/%u"), self->answered, self->total));
      break;
    case PROP_COMPLETE:
      g_value_set_boolean (value, mizan_outline_item_is_complete (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mizan_outline_item_class_init (MizanOutlineItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = mizan_outline_item_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ANSWERED] =
    g_param_spec_uint ("answered", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TOTAL] =
    g_param_spec_uint ("total", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROGRESS] =
    g_param_spec_string ("progress", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COMPLETE] =
    g_param_spec_boolean ("complete", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mizan_outline_item_init (MizanOutlineItem *self)
{
}

MizanOutlineItem *
mizan_outline_item_new_domain (MizanDomain *domain)
{
  MizanOutlineItem *self;

  g_return_val_if_fail (domain != NULL, NULL);

  self = g_object_new (MIZAN_TYPE_OUTLINE_ITEM, NULL);
  self->domain = domain;
  for (guint i = 0; i < domain->n_capabilities; i++)
    self->total += domain->capabilities[i]->n_practices;
  return self;
}

MizanOutlineItem *
mizan_outline_item_new_capability (MizanCapability *capability)
{
  MizanOutlineItem *self;

  g_return_val_if_fail (capability != NULL, NULL);

  self = g_object_new (MIZAN_TYPE_OUTLINE_ITEM, NULL);
  self->domain = capability->domain;
  self->capability = capability;
  self->total = capability->n_practices;
  return self;
}

MizanDomain *
mizan_outline_item_get_domain (MizanOutlineItem *self)
{
  g_return_val_if_fail (MIZAN_IS_OUTLINE_ITEM (self), NULL);
  return self->domain;
}

MizanCapability *
mizan_outline_item_get_capability (MizanOutlineItem *self)
{
  g_return_val_if_fail (MIZAN_IS_OUTLINE_ITEM (self), NULL);
  return self->capability;
}

const char *
mizan_outline_item_get_id (MizanOutlineItem *self)
{
  g_return_val_if_fail (MIZAN_IS_OUTLINE_ITEM (self), NULL);
  return self->capability != NULL ? self->capability->id : self->domain->id;
}

const char *
mizan_outline_item_get_title (MizanOutlineItem *self)
{
  g_return_val_if_fail (MIZAN_IS_OUTLINE_ITEM (self), NULL);
  return mizan_text_localized (self->capability != NULL ? self->capability->title
                                                        : self->domain->title);
}

guint
mizan_outline_item_get_answered (MizanOutlineItem *self)
{
  g_return_val_if_fail (MIZAN_IS_OUTLINE_ITEM (self), 0);
  return self->answered;
}

void
mizan_outline_item_set_answered (MizanOutlineItem *self,
                                 guint             answered)
{
  gboolean was_complete;

  g_return_if_fail (MIZAN_IS_OUTLINE_ITEM (self));

  if (self->answered == answered)
    return;

  was_complete = mizan_outline_item_is_complete (self);
  self->answered = answered;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANSWERED]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
  if (was_complete != mizan_outline_item_is_complete (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLETE]);
}

guint
mizan_outline_item_get_total (MizanOutlineItem *self)
{
  g_return_val_if_fail (MIZAN_IS_OUTLINE_ITEM (self), 0);
  return self->total;
}

gboolean
mizan_outline_item_is_complete (MizanOutlineItem *self)
{
  g_return_val_if_fail (MIZAN_IS_OUTLINE_ITEM (self), FALSE);
  return self->answered >= self->total;
}
