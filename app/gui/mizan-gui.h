/* mizan-gui.h — what every user of the GUI library calls first, and shared helpers
 * Registers the resources and widget types; formats figures the same way on every page. */
#pragma once

#include <gtk/gtk.h>
#include <adwaita.h>

#include "mizan-session.h"

G_BEGIN_DECLS

/* Registers the GResource and every widget type a template names. Safe to
 * call more than once; the app and the widget tests call it before any widget. */
void  mizan_gui_init                 (void);

/* "2.35": an index as the app shows it everywhere. */
char *mizan_gui_format_index         (double      index);
/* "61%": a 0..1 fraction as a whole percentage. */
char *mizan_gui_format_percent       (double      fraction);
/* A capability's level: "2", or while practices up to its target are
 * unanswered "1 · provisional — 5 practices not assessed". */
char *mizan_gui_format_level         (const MizanCapabilityResult *result);
/* "Today at 14:05", "Yesterday", or a date, for a Unix time in seconds. */
char *mizan_gui_format_time          (gint64      unix_time);

/* GTK 4.8 names a button with a mnemonic "_Create Create" (its raw label, then
 * the label it is labelled by). Gives every such button and check button under
 * @root its plain label as accessible name; templates call it after init. */
void  mizan_gui_fix_mnemonic_names   (GtkWidget  *root);

/* Unparents every child of @widget: what a GtkWidget subclass with a layout
 * manager does in dispose for the template's unbound top-level children. */
void  mizan_gui_unparent_children    (GtkWidget  *widget);

/* Removes every child of @list_box (GTK 4.8 has no gtk_list_box_remove_all). */
void  mizan_gui_list_box_clear       (GtkListBox *list_box);

/* Points *@slot at @session (a new reference) and keeps @on_changed, called
 * with @page, connected to its "changed" signal in place of the previous
 * session's; @session NULL just lets go (dispose). */
void  mizan_gui_follow_session       (gpointer       page,
                                      MizanSession **slot,
                                      gulong        *handler,
                                      MizanSession  *session,
                                      GCallback      on_changed);

/* The pages that open a question share one signal, "show-capability"
 * (capability id, practice id or NULL): installs it on @type. */
guint mizan_gui_new_show_capability_signal (GType type);
/* Remembers on @row which question it opens ... */
void  mizan_gui_row_set_question     (GtkListBoxRow *row,
                                      const char    *capability_id,
                                      const char    *practice_id);
/* An activatable row that opens a question: @title, @subtitle, a dim
 * @suffix and an arrow; remembers @capability_id and @practice_id. */
GtkWidget *mizan_gui_question_row_new (const char *title,
                                       const char *subtitle,
                                       const char *suffix,
                                       const char *capability_id,
                                       const char *practice_id);
/* The first practice (lowest level, then file order) of @result's capability
 * that keeps it provisional: where "assess it" should take the user. */
const MizanPractice *mizan_gui_first_unassessed (MizanSession                *session,
                                                 const MizanCapabilityResult *result);
/* ... and emits @page's "show-capability" @signal_id for it. */
void  mizan_gui_row_show_question    (gpointer       page,
                                      guint          signal_id,
                                      GtkListBoxRow *row);

/* Shows @row's items (a GtkStringList) as labels whose list items carry the
 * label as their accessible name: GTK 4.8 names none of a list view's items,
 * so a screen reader met an unnamed item in the row and in its popover. */
void  mizan_gui_combo_row_name_items (AdwComboRow   *row);

G_END_DECLS
