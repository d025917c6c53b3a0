/* mizan-start-page.c — the first thing a user meets: recent assessments, New and Import
 * The list is a GtkListBox bound to a GListStore of MizanAssessmentItem. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <adwaita.h>

#include "mizan-assessment-item.h"
#include "mizan-assessment-row.h"
#include "mizan-start-page.h"
#include "mizan-trash-dialog.h"
#include "mizan-gui.h"

/* A deletion the user can still undo; shared by the page and the toast's
 * handlers, whichever goes first. It moves the assessment to the Trash. */
typedef struct {
  MizanStore          *store;
  MizanAssessmentItem *item;
  GWeakRef             page;
  gboolean             done;
  gboolean             trashed;   /* Undo now brings it back from the Trash */
} PendingDeletion;

struct _MizanStartPage
{
  GtkWidget      parent_instance;

  MizanStore    *store;
  MizanCatalog  *catalog;
  GListStore    *assessments;
  GPtrArray     *pending;   /* PendingDeletion, refcounted */

  GtkStack      *content_stack;
  GtkListBox    *list_box;
  AdwStatusPage *error_page;
};

G_DEFINE_FINAL_TYPE (MizanStartPage, mizan_start_page, GTK_TYPE_WIDGET)

static void
pending_deletion_clear (PendingDeletion *pending)
{
  g_clear_object (&pending->store);
  g_clear_object (&pending->item);
  g_weak_ref_clear (&pending->page);
}

static void
pending_deletion_unref (gpointer data)
{
  g_rc_box_release_full (data, (GDestroyNotify) pending_deletion_clear);
}

static void
pending_deletion_notify (gpointer  data,
                         GClosure *closure)
{
  pending_deletion_unref (data);
}

static void
pending_deletion_commit (PendingDeletion *pending)
{
  g_autoptr(GError) error = NULL;

  if (pending->done)
    return;
  pending->done = TRUE;
  if (mizan_store_trash_assessment (pending->store, mizan_assessment_item_get_id (pending->item), &error))
    pending->trashed = TRUE;
  else if (!g_error_matches (error, MIZAN_STORE_ERROR, MIZAN_STORE_ERROR_NOT_FOUND))
    g_warning ("Cannot move the assessment %s to the Trash: %s",
               mizan_assessment_item_get_id (pending->item), error->message);
}

static void
update_visible_page (MizanStartPage *self)
{
  if (self->store == NULL)
    gtk_stack_set_visible_child_name (self->content_stack, "error");
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->assessments)) == 0)
    gtk_stack_set_visible_child_name (self->content_stack, "empty");
  else
    gtk_stack_set_visible_child_name (self->content_stack, "list");
}

static gboolean
is_pending (MizanStartPage *self,
            const char     *id)
{
  for (guint i = 0; i < self->pending->len; i++)
    {
      PendingDeletion *pending = g_ptr_array_index (self->pending, i);

      if (!pending->done && g_strcmp0 (mizan_assessment_item_get_id (pending->item), id) == 0)
        return TRUE;
    }
  return FALSE;
}

void
mizan_start_page_reload (MizanStartPage *self)
{
  g_autoptr(GPtrArray) summaries = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;

  g_return_if_fail (MIZAN_IS_START_PAGE (self));

  if (self->store == NULL)
    {
      g_list_store_remove_all (self->assessments);
      update_visible_page (self);
      return;
    }

  summaries = mizan_store_list_assessments (self->store, &error);
  if (summaries == NULL)
    {
      mizan_start_page_show_error (self, error->message);
      return;
    }

  items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < summaries->len; i++)
    {
      const MizanAssessmentSummary *summary = g_ptr_array_index (summaries, i);

      if (!is_pending (self, summary->id))
        g_ptr_array_add (items, mizan_assessment_item_new (summary, self->catalog));
    }
  g_list_store_splice (self->assessments, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->assessments)),
                       items->pdata, items->len);
  update_visible_page (self);
}

void
mizan_start_page_set_store (MizanStartPage *self,
                            MizanStore     *store,
                            MizanCatalog   *catalog)
{
  g_return_if_fail (MIZAN_IS_START_PAGE (self));
  g_return_if_fail (store == NULL || MIZAN_IS_STORE (store));
  g_return_if_fail (MIZAN_IS_CATALOG (catalog));

  g_set_object (&self->store, store);
  g_set_object (&self->catalog, catalog);
  mizan_start_page_reload (self);
}

void
mizan_start_page_show_error (MizanStartPage *self,
                             const char     *message)
{
  g_autofree char *escaped = NULL;

  g_return_if_fail (MIZAN_IS_START_PAGE (self));

  escaped = message != NULL ? g_markup_escape_text (message, -1) : NULL;
  /* The description is markup; the message names files and quotes SQLite. */
  adw_status_page_set_description (self->error_page, escaped);
  gtk_stack_set_visible_child_name (self->content_stack, "error");
}

GListModel *
mizan_start_page_get_model (MizanStartPage *self)
{
  g_return_val_if_fail (MIZAN_IS_START_PAGE (self), NULL);
  return G_LIST_MODEL (self->assessments);
}

void
mizan_start_page_commit_deletions (MizanStartPage *self)
{
  g_return_if_fail (MIZAN_IS_START_PAGE (self));

  for (guint i = 0; i < self->pending->len; i++)
    pending_deletion_commit (g_ptr_array_index (self->pending, i));
  g_ptr_array_set_size (self->pending, 0);
}

static gboolean
find_item (MizanStartPage *self,
           const char     *id,
           guint          *position)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->assessments));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MizanAssessmentItem) item = g_list_model_get_item (G_LIST_MODEL (self->assessments), i);

      if (g_strcmp0 (mizan_assessment_item_get_id (item), id) == 0)
        {
          *position = i;
          return TRUE;
        }
    }
  return FALSE;
}

static void
on_toast_undo (AdwToast        *toast,
               PendingDeletion *pending)
{
  g_autoptr(MizanStartPage) page = NULL;
  g_autoptr(GError) error = NULL;

  /* Already in the Trash (the page went, or the Trash was opened): out again. */
  if (pending->trashed)
    {
      pending->trashed = FALSE;
      if (!mizan_store_untrash_assessment (pending->store, mizan_assessment_item_get_id (pending->item), &error))
        g_warning ("Cannot restore the assessment %s: %s",
                   mizan_assessment_item_get_id (pending->item), error->message);
    }
  else if (pending->done)
    return;
  pending->done = TRUE;

  /* The store still has the row, so reloading shows it again. */
  page = g_weak_ref_get (&pending->page);
  if (page != NULL)
    mizan_start_page_reload (page);
}

static void
on_toast_dismissed (AdwToast        *toast,
                    PendingDeletion *pending)
{
  g_autoptr(MizanStartPage) page = g_weak_ref_get (&pending->page);

  pending_deletion_commit (pending);
  if (page != NULL)
    g_ptr_array_remove (page->pending, pending);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  MizanStartPage *self = MIZAN_START_PAGE (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  g_autoptr(MizanAssessmentItem) item = NULL;
  PendingDeletion *pending;
  GtkWidget *overlay;
  g_autofree char *escaped = NULL;
  AdwToast *toast;
  guint position;

  if (self->store == NULL || !find_item (self, id, &position))
    return;

  item = g_list_model_get_item (G_LIST_MODEL (self->assessments), position);
  g_list_store_remove (self->assessments, position);
  update_visible_page (self);

  pending = g_rc_box_new0 (PendingDeletion);
  pending->store = g_object_ref (self->store);
  pending->item = g_object_ref (item);
  g_weak_ref_init (&pending->page, self);
  g_ptr_array_add (self->pending, g_rc_box_acquire (pending));

  overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (overlay == NULL)
    {
      /* Nowhere to offer Undo: delete now rather than never. */
      mizan_start_page_commit_deletions (self);
      pending_deletion_unref (pending);
      return;
    }

  /* A toast's title is Pango markup in libadwaita 1.2: the title is the user's text. */
  escaped = g_markup_escape_text (mizan_assessment_item_get_title (item), -1);
  toast = adw_toast_new_format (_("“%s” moved to the Trash"), escaped);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_toast_undo),
                         g_rc_box_acquire (pending), pending_deletion_notify, 0);
  g_signal_connect_data (toast, "dismissed", G_CALLBACK (on_toast_dismissed),
                         pending, pending_deletion_notify, 0);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

static void
on_trash_changed (MizanTrashDialog *dialog,
                  MizanStartPage   *self)
{
  mizan_start_page_reload (self);
}

static void
show_trash_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  MizanStartPage *self = MIZAN_START_PAGE (widget);
  MizanTrashDialog *dialog;

  if (self->store == NULL)
    return;
  /* What waits for its Undo toast belongs in the Trash shown; Undo still works. */
  for (guint i = 0; i < self->pending->len; i++)
    pending_deletion_commit (g_ptr_array_index (self->pending, i));
  dialog = mizan_trash_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->store);
  g_signal_connect_object (dialog, "changed", G_CALLBACK (on_trash_changed), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
duplicate_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  MizanStartPage *self = MIZAN_START_PAGE (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  g_autoptr(MizanAssessment) assessment = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *new_id = g_uuid_string_random ();
  g_autofree char *title = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  GtkWidget *overlay;

  if (self->store == NULL)
    return;

  assessment = mizan_store_load_assessment (self->store, id, &error);
  if (assessment != NULL)
    {
      /* Translators: the title of a duplicated assessment */
      title = g_strdup_printf (_("%s (copy)"), mizan_assessment_get_title (assessment));
      mizan_assessment_set_id (assessment, new_id);
      mizan_assessment_set_title (assessment, title);
      mizan_assessment_set_created (assessment, now);
      mizan_assessment_set_updated (assessment, now);
    }
  if (assessment == NULL || !mizan_store_save_assessment (self->store, assessment, FALSE, &error))
    {
      GtkWidget *dialog;

      dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                       _("Cannot Duplicate the Assessment"), error->message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  mizan_start_page_reload (self);
  overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (title, -1);

      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay),
                                   adw_toast_new_format (_("Created “%s”"), escaped));
    }
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  return mizan_assessment_row_new (MIZAN_ASSESSMENT_ITEM (item));
}

static void
mizan_start_page_dispose (GObject *object)
{
  MizanStartPage *self = MIZAN_START_PAGE (object);

  /* A toast that outlives the page still deletes when it goes; anything
   * not yet offered back is deleted now, as the user asked. */
  mizan_start_page_commit_deletions (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), MIZAN_TYPE_START_PAGE);
  mizan_gui_unparent_children (GTK_WIDGET (self));

  G_OBJECT_CLASS (mizan_start_page_parent_class)->dispose (object);
}

static void
mizan_start_page_finalize (GObject *object)
{
  MizanStartPage *self = MIZAN_START_PAGE (object);

  g_clear_object (&self->store);
  g_clear_object (&self->catalog);
  g_clear_object (&self->assessments);
  g_clear_pointer (&self->pending, g_ptr_array_unref);

  G_OBJECT_CLASS (mizan_start_page_parent_class)->finalize (object);
}

static void
mizan_start_page_class_init (MizanStartPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mizan_start_page_dispose;
  object_class->finalize = mizan_start_page_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/comstech/Mizan/mizan-start-page.ui");
  gtk_widget_class_bind_template_child (widget_class, MizanStartPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, MizanStartPage, list_box);
  gtk_widget_class_bind_template_child (widget_class, MizanStartPage, error_page);

  gtk_widget_class_install_action (widget_class, "start.duplicate", "s", duplicate_action);
  gtk_widget_class_install_action (widget_class, "start.delete", "s", delete_action);
  gtk_widget_class_install_action (widget_class, "start.show-trash", NULL, show_trash_action);
}

static void
mizan_start_page_init (MizanStartPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  mizan_gui_fix_mnemonic_names (GTK_WIDGET (self));

  self->assessments = g_list_store_new (MIZAN_TYPE_ASSESSMENT_ITEM);
  self->pending = g_ptr_array_new_with_free_func (pending_deletion_unref);
  gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (self->assessments), create_row, NULL, NULL);
  update_visible_page (self);
}
