/* mizan-restore-dialog.c — lists the database's backups and restores the one chosen
 * One row per backup, newest first and preselected; "restore" carries the chosen file to the application. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mizan-backup.h"
#include "mizan-restore-dialog.h"

struct _MizanRestoreDialog
{
  AdwWindow             parent_instance;

  GtkStack             *stack;
  GtkListBox           *list;
  AdwStatusPage        *empty_page;

  GPtrArray            *backups;   /* MizanBackupInfo, in row order */
  GPtrArray            *checks;    /* GtkCheckButton, in row order */
};

G_DEFINE_FINAL_TYPE (MizanRestoreDialog, mizan_restore_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_RESTORE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
restore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  MizanRestoreDialog *self = MIZAN_RESTORE_DIALOG (widget);

  for (guint i = 0; self->checks != NULL && i < self->checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->checks, i)))
      {
        MizanBackupInfo *info = g_ptr_array_index (self->backups, i);
        g_autofree char *path = g_strdup (info->path);
        /* The application destroys every window while it restores, this one too. */
        g_autoptr(MizanRestoreDialog) hold = g_object_ref (self);

        gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
        g_signal_emit (self, signals[SIGNAL_RESTORE], 0, path);
        gtk_window_destroy (GTK_WINDOW (self));
        return;
      }
}

static GtkWidget *
make_row (MizanRestoreDialog *self,
          MizanBackupInfo    *info,
          GtkCheckButton     *group)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (info->modified);
  /* Translators: the date and time a backup was taken, see g_date_time_format() */
  g_autofree char *title = g_date_time_format (time, _("%A %-d %B %Y, %H:%M"));
  g_autofree char *size = g_format_size (info->size);
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  if (info->kind == MIZAN_BACKUP_SNAPSHOT)
    {
      g_autofree char *what = mizan_backup_describe (info);

      /* Translators: what a snapshot was taken before, then a size such as 2.1 MB */
      subtitle = g_strdup_printf (_("%s, %s"), what, size);
    }
  else
    subtitle = g_strdup_printf (info->kind == MIZAN_BACKUP_DAILY
                                  /* Translators: %s is a size such as 2.1 MB */
                                  ? _("Daily backup, %s")
                                  : _("The database as it was before a restore, %s"),
                                size);
  /* Names come from the disk: never read as markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  if (group != NULL)
    gtk_check_button_set_group (GTK_CHECK_BUTTON (check), group);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle,
                                  -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  g_ptr_array_add (self->checks, check);
  return row;
}

static void
mizan_restore_dialog_finalize (GObject *object)
{
  MizanRestoreDialog *self = MIZAN_RESTORE_DIALOG (object);

  g_clear_pointer (&self->backups, g_ptr_array_unref);
  g_clear_pointer (&self->checks, g_ptr_array_unref);

  G_OBJECT_CLASS (mizan_restore_dialog_parent_class)->finalize (object);
}

static void
mizan_restore_dialog_class_init (MizanRestoreDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = mizan_restore_dialog_finalize;

  /**
   * MizanRestoreDialog::restore:
   * @path: the backup file chosen
   */
  signals[SIGNAL_RESTORE] = g_signal_new ("restore", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/comstech/Mizan/mizan-restore-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, MizanRestoreDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, MizanRestoreDialog, list);
  gtk_widget_class_bind_template_child (widget_class, MizanRestoreDialog, empty_page);

  gtk_widget_class_install_action (widget_class, "dialog.restore", NULL, restore_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
mizan_restore_dialog_init (MizanRestoreDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->checks = g_ptr_array_new ();
}

MizanRestoreDialog *
mizan_restore_dialog_new (const char *db_path)
{
  MizanRestoreDialog *self = g_object_new (MIZAN_TYPE_RESTORE_DIALOG, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *escaped = NULL;

  self->backups = mizan_backup_list (db_path, &error);
  if (self->backups == NULL)
    {
      adw_status_page_set_title (self->empty_page, _("Cannot Read the Backups"));
      /* The description is markup: a path or a message may hold “&” or “<”. */
      escaped = g_markup_escape_text (error->message, -1);
      adw_status_page_set_description (self->empty_page, escaped);
    }

  if (self->backups == NULL || self->backups->len == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.restore", FALSE);
      return self;
    }

  for (guint i = 0; i < self->backups->len; i++)
    gtk_list_box_append (self->list, make_row (self, g_ptr_array_index (self->backups, i),
                                               i > 0 ? g_ptr_array_index (self->checks, 0) : NULL));
  gtk_check_button_set_active (g_ptr_array_index (self->checks, 0), TRUE);
  return self;
}
