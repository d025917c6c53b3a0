/* mizan-capability-row.c — a capability in the questionnaire's sidebar
 * Follows its outline item's progress as answers are stored. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mizan-capability-row.h"

struct _MizanCapabilityRow
{
  GtkListBoxRow     parent_instance;

  MizanOutlineItem *item;

  GtkLabel         *id_label;
  GtkLabel         *title_label;
  GtkLabel         *progress_label;
  GtkImage         *done_icon;
};

G_DEFINE_FINAL_TYPE (MizanCapabilityRow, mizan_capability_row, GTK_TYPE_LIST_BOX_ROW)

static void
update_progress (MizanCapabilityRow *self)
{
  guint answered = mizan_outline_item_get_answered (self->item);
  guint total = mizan_outline_item_get_total (self->item);
  g_autofree char *progress = NULL;
  g_autofree char *label = NULL;

  g_object_get (self->item, "progress", &progress, NULL);
  gtk_label_set_label (self->progress_label, progress);
  gtk_widget_set_visible (GTK_WIDGET (self->done_icon), answered >= total);

  /* Translators: accessible name of a capability in the sidebar: id, title, progress */
  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "%s %s, %u of %u practice answered",
                                        "%s %s, %u of %u practices answered", total),
                           mizan_outline_item_get_id (self->item),
                           mizan_outline_item_get_title (self->item),
                           answered, total);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
mizan_capability_row_dispose (GObject *object)
{
  MizanCapabilityRow *self = MIZAN_CAPABILITY_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), MIZAN_TYPE_CAPABILITY_ROW);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (mizan_capability_row_parent_class)->dispose (object);
}

static void
mizan_capability_row_class_init (MizanCapabilityRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mizan_capability_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/comstech/Mizan/mizan-capability-row.ui");
  gtk_widget_class_bind_template_child (widget_class, MizanCapabilityRow, id_label);
  gtk_widget_class_bind_template_child (widget_class, MizanCapabilityRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, MizanCapabilityRow, progress_label);
  gtk_widget_class_bind_template_child (widget_class, MizanCapabilityRow, done_icon);
}

static void
mizan_capability_row_init (MizanCapabilityRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
mizan_capability_row_new (MizanOutlineItem *item)
{
  MizanCapabilityRow *self;

  g_return_val_if_fail (MIZAN_IS_OUTLINE_ITEM (item), NULL);

  self = g_object_new (MIZAN_TYPE_CAPABILITY_ROW, NULL);
  self->item = g_object_ref (item);
  gtk_label_set_label (self->id_label, mizan_outline_item_get_id (item));
  gtk_label_set_label (self->title_label, mizan_outline_item_get_title (item));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->title_label), mizan_outline_item_get_title (item));
  g_signal_connect_object (item, "notify::answered", G_CALLBACK (update_progress), self, G_CONNECT_SWAPPED);
  update_progress (self);
  return GTK_WIDGET (self);
}

MizanOutlineItem *
mizan_capability_row_get_item (MizanCapabilityRow *self)
{
  g_return_val_if_fail (MIZAN_IS_CAPABILITY_ROW (self), NULL);
  return self->item;
}

const char *
mizan_capability_row_get_progress (MizanCapabilityRow *self)
{
  g_return_val_if_fail (MIZAN_IS_CAPABILITY_ROW (self), NULL);
  return gtk_label_get_label (self->progress_label);
}
