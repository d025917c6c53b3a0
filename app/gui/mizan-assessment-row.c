/* mizan-assessment-row.c — a row of the start page's assessment list
 * Its actions hand the assessment id to the window (open) or the start page (duplicate, delete). */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mizan-assessment-row.h"
#include "mizan-gui.h"

struct _MizanAssessmentRow
{
  AdwActionRow         parent_instance;

  MizanAssessmentItem *item;

  GtkLevelBar         *completion_bar;
  GtkMenuButton       *menu_button;
};

G_DEFINE_FINAL_TYPE (MizanAssessmentRow, mizan_assessment_row, ADW_TYPE_ACTION_ROW)

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  MizanAssessmentRow *self = MIZAN_ASSESSMENT_ROW (widget);

  gtk_widget_activate_action (widget, "win.open-assessment", "s", mizan_assessment_item_get_id (self->item));
}

static void
duplicate_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  MizanAssessmentRow *self = MIZAN_ASSESSMENT_ROW (widget);

  gtk_widget_activate_action (widget, "start.duplicate", "s", mizan_assessment_item_get_id (self->item));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  MizanAssessmentRow *self = MIZAN_ASSESSMENT_ROW (widget);

  gtk_widget_activate_action (widget, "start.delete", "s", mizan_assessment_item_get_id (self->item));
}

static void
on_activated (MizanAssessmentRow *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "row.open", NULL);
}

static void
mizan_assessment_row_dispose (GObject *object)
{
  MizanAssessmentRow *self = MIZAN_ASSESSMENT_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), MIZAN_TYPE_ASSESSMENT_ROW);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (mizan_assessment_row_parent_class)->dispose (object);
}

static void
mizan_assessment_row_class_init (MizanAssessmentRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mizan_assessment_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/comstech/Mizan/mizan-assessment-row.ui");
  gtk_widget_class_bind_template_child (widget_class, MizanAssessmentRow, completion_bar);
  gtk_widget_class_bind_template_child (widget_class, MizanAssessmentRow, menu_button);

  gtk_widget_class_install_action (widget_class, "row.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "row.duplicate", NULL, duplicate_action);
  gtk_widget_class_install_action (widget_class, "row.delete", NULL, delete_action);
}

static void
mizan_assessment_row_init (MizanAssessmentRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self, "activated", G_CALLBACK (on_activated), NULL);
}

GtkWidget *
mizan_assessment_row_new (MizanAssessmentItem *item)
{
  MizanAssessmentRow *self;
  g_autofree char *when = NULL;
  g_autofree char *completion = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *menu_label = NULL;
  double fraction;

  g_return_val_if_fail (MIZAN_IS_ASSESSMENT_ITEM (item), NULL);

  self = g_object_new (MIZAN_TYPE_ASSESSMENT_ROW, NULL);
  self->item = g_object_ref (item);

  fraction = mizan_assessment_item_get_completion (item);
  when = mizan_gui_format_time (mizan_assessment_item_get_updated (item));
  if (fraction >= 0)
    {
      g_autofree char *percent = mizan_gui_format_percent (fraction);
      /* Translators: e.g. "45% answered" */
      completion = g_strdup_printf (_("%s answered"), percent);
    }
  else
    completion = g_strdup (_("framework not installed"));

  /* Translators: organization · framework · completion · last change */
  subtitle = g_strdup_printf (_("%s · %s\n%s · changed %s"),
                              mizan_assessment_item_get_organization (item),
                              mizan_assessment_item_get_framework_title (item),
                              completion, when);

  /* Before the title: a title parsed as markup even once is mangled (and warns). */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), mizan_assessment_item_get_title (item));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);

  gtk_level_bar_set_value (self->completion_bar, MAX (fraction, 0.0));
  gtk_widget_set_visible (GTK_WIDGET (self->completion_bar), fraction >= 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->completion_bar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, completion, -1);

  /* Translators: accessible name of the menu button of an assessment in the list */
  menu_label = g_strdup_printf (_("Actions for “%s”"), mizan_assessment_item_get_title (item));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->menu_button), menu_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, menu_label, -1);

  return GTK_WIDGET (self);
}

MizanAssessmentItem *
mizan_assessment_row_get_item (MizanAssessmentRow *self)
{
  g_return_val_if_fail (MIZAN_IS_ASSESSMENT_ROW (self), NULL);
  return self->item;
}
