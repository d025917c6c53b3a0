/* mizan-trash-dialog.c — the assessments in the Trash, to restore or delete for good
 * One row per assessment, most recently deleted first; deleting for good and emptying ask first. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mizan-gui.h"
#include "mizan-trash-dialog.h"

struct _MizanTrashDialog
{
  AdwWindow      parent_instance;

  MizanStore    *store;

  GtkStack      *stack;
  GtkListBox    *list;
};

G_DEFINE_FINAL_TYPE (MizanTrashDialog, mizan_trash_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void reload (MizanTrashDialog *self);

static void
show_error (MizanTrashDialog *self,
            const char       *heading,
            const char       *message)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
changed (MizanTrashDialog *self)
{
  reload (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static GtkWidget *
make_row (const MizanAssessmentSummary *summary,
          gint64                        now)
{
  guint left = mizan_store_trash_days_left (summary->deleted, now);
  const char *title = summary->title != NULL && *summary->title != '\0' ? summary->title : _("Untitled Assessment");
  g_autofree char *when = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *restore_name = NULL;
  g_autofree char *delete_name = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *restore = gtk_button_new_with_mnemonic (_("_Restore"));
  GtkWidget *delete = gtk_button_new_from_icon_name ("user-trash-full-symbolic");

  if (left > 0)
    when = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Deleted for good in %u day",
                                         "Deleted for good in %u days", left), left);
  else
    when = g_strdup (_("Deleted for good when Mizan next starts"));
  /* An Arabic name must not turn an English line right-to-left, nor the
   * other way round: the name is isolated (FSI … PDI), and a mark of the
   * interface's direction starts the line, since Pango takes a label's
   * direction from its first strong character. */
  if (summary->org_name != NULL)
    {
      const char *mark = gtk_widget_get_default_direction () == GTK_TEXT_DIR_RTL ? "\u200f" : "\u200e";
      g_autofree char *isolated = g_strconcat (mark, "\u2068", summary->org_name, "\u2069", NULL);

      /* Translators: an organization's name, then when its assessment leaves the Trash */
      subtitle = g_strdup_printf (_("%s · %s"), isolated, when);
    }
  else
    subtitle = g_strdup (when);

  /* Names and titles are the user's text: never read as markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  /* Translators: the accessible name of a button; %s is an assessment's title */
  restore_name = g_strdup_printf (_("Restore “%s”"), title);
  gtk_widget_set_valign (restore, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (restore), "trash.restore");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (restore), "s", summary->id);
  /* The name says which assessment, not just "Restore" from the label. */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (restore), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (restore),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, restore_name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, when, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), restore);

  /* Translators: the accessible name of a button; %s is an assessment's title */
  delete_name = g_strdup_printf (_("Delete “%s” for Good"), title);
  gtk_widget_set_valign (delete, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (delete, _("Delete for Good"));
  gtk_widget_add_css_class (delete, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (delete), "trash.delete");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (delete), "s", summary->id);
  gtk_accessible_update_property (GTK_ACCESSIBLE (delete),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, delete_name, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), delete);

  g_object_set_data_full (G_OBJECT (row), "mizan-title", g_strdup (title), g_free);
  g_object_set_data_full (G_OBJECT (row), "mizan-id", g_strdup (summary->id), g_free);
  return row;
}

static void
reload (MizanTrashDialog *self)
{
  g_autoptr(GPtrArray) trash = NULL;
  g_autoptr(GError) error = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  mizan_gui_list_box_clear (self->list);
  trash = mizan_store_list_trash (self->store, &error);
  if (trash == NULL)
    {
      show_error (self, _("Cannot Show the Trash"), error->message);
      return;
    }
  for (guint i = 0; i < trash->len; i++)
    gtk_list_box_append (self->list, make_row (g_ptr_array_index (trash, i), now));
  gtk_stack_set_visible_child_name (self->stack, trash->len > 0 ? "list" : "empty");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "trash.empty", trash->len > 0);
}

/* The title shown on the row of @id, for the dialogs that name it. */
static const char *
title_of (MizanTrashDialog *self,
          const char       *id)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "mizan-id"), id) == 0)
      return g_object_get_data (G_OBJECT (row), "mizan-title");
  return id;
}

static void
restore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  MizanTrashDialog *self = MIZAN_TRASH_DIALOG (widget);
  g_autoptr(GError) error = NULL;

  if (!mizan_store_untrash_assessment (self->store, g_variant_get_string (parameter, NULL), &error))
    show_error (self, _("Cannot Restore the Assessment"), error->message);
  changed (self);
}

static void
on_delete_response (AdwMessageDialog *dialog,
                    const char       *response,
                    MizanTrashDialog *self)
{
  const char *id = g_object_get_data (G_OBJECT (dialog), "mizan-id");
  g_autoptr(GError) error = NULL;
  gboolean done;

  if (!g_str_equal (response, "delete"))
    return;
  done = id != NULL ? mizan_store_delete_assessment (self->store, id, &error)
                    : mizan_store_empty_trash (self->store, NULL, &error);
  if (!done)
    show_error (self, _("Cannot Delete for Good"), error->message);
  changed (self);
}

static void
confirm (MizanTrashDialog *self,
         const char       *id,
         const char       *heading,
         const char       *body,
         const char       *button)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", button,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  /* Enter must not delete anything for good. */
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "mizan-id", g_strdup (id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  MizanTrashDialog *self = MIZAN_TRASH_DIALOG (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  /* Translators: %s is an assessment's title */
  g_autofree char *heading = g_strdup_printf (_("Delete “%s” for Good?"), title_of (self, id));

  confirm (self, id, heading,
           _("It can no longer be restored from the Trash. A backup of the database is taken first."),
           _("_Delete for Good"));
}

static void
empty_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  MizanTrashDialog *self = MIZAN_TRASH_DIALOG (widget);
  guint n = 0;
  g_autofree char *body = NULL;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    n++;
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u assessment will be deleted for good. A backup of the database is taken first.",
                                       "%u assessments will be deleted for good. A backup of the database is taken first.",
                                       n), n);
  confirm (self, NULL, _("Empty the Trash?"), body, _("_Empty Trash"));
}

static void
mizan_trash_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), MIZAN_TYPE_TRASH_DIALOG);
  G_OBJECT_CLASS (mizan_trash_dialog_parent_class)->dispose (object);
}

static void
mizan_trash_dialog_finalize (GObject *object)
{
  MizanTrashDialog *self = MIZAN_TRASH_DIALOG (object);

  g_clear_object (&self->store);
  G_OBJECT_CLASS (mizan_trash_dialog_parent_class)->finalize (object);
}

static void
mizan_trash_dialog_class_init (MizanTrashDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mizan_trash_dialog_dispose;
  object_class->finalize = mizan_trash_dialog_finalize;

  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/comstech/Mizan/mizan-trash-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, MizanTrashDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, MizanTrashDialog, list);

  gtk_widget_class_install_action (widget_class, "trash.restore", "s", restore_action);
  gtk_widget_class_install_action (widget_class, "trash.delete", "s", delete_action);
  gtk_widget_class_install_action (widget_class, "trash.empty", NULL, empty_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
mizan_trash_dialog_init (MizanTrashDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  mizan_gui_fix_mnemonic_names (GTK_WIDGET (self));
}

MizanTrashDialog *
mizan_trash_dialog_new (GtkWindow  *parent,
                        MizanStore *store)
{
  MizanTrashDialog *self;

  g_return_val_if_fail (MIZAN_IS_STORE (store), NULL);

  self = g_object_new (MIZAN_TYPE_TRASH_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  reload (self);
  return self;
}
