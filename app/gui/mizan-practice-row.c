/* mizan-practice-row.c — one practice of a capability page, answerable in place
 * A status click is stored at once; typed text once typing pauses, or when focus leaves. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mizan-practice-row.h"
#include "mizan-gui.h"
#include "mizan-references.h"

/* How long typing must pause before a note or evidence is written. */
#define COMMIT_DELAY_MS 600

struct _MizanPracticeRow
{
  GtkWidget        parent_instance;

  MizanSession    *session;
  MizanPractice   *practice;
  guint            commit_source;
  guint            highlight_source;
  gboolean         edit_open;
  gboolean         syncing;

  GtkLabel        *id_label;
  GtkLabel        *text_label;
  GtkBox          *status_box;
  GtkToggleButton *fully_button;
  GtkToggleButton *largely_button;
  GtkToggleButton *partially_button;
  GtkToggleButton *not_button;
  GtkToggleButton *na_button;
  GtkMenuButton   *rubric_button;
  GtkLabel        *rubric_label;
  GtkButton       *clear_button;
  GtkTextView     *note_view;
  GtkTextView     *evidence_view;
  GtkExpander     *guidance_expander;
  GtkLabel        *guidance_label;
  GtkLabel        *evidence_hint_label;
  GtkLabel        *fully_when_label;
  GtkLabel        *references_label;
  GtkLabel        *confirm_label;
};

G_DEFINE_FINAL_TYPE (MizanPracticeRow, mizan_practice_row, GTK_TYPE_WIDGET)

enum {
  MOVE,
  MOVE_UNANSWERED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const MizanStatus button_statuses[] = {
  MIZAN_STATUS_FULLY, MIZAN_STATUS_LARGELY, MIZAN_STATUS_PARTIALLY, MIZAN_STATUS_NOT, MIZAN_STATUS_NA,
};

GtkToggleButton *
mizan_practice_row_get_status_button (MizanPracticeRow *self,
                                      MizanStatus       status)
{
  g_return_val_if_fail (MIZAN_IS_PRACTICE_ROW (self), NULL);

  switch (status)
    {
    case MIZAN_STATUS_FULLY:
      return self->fully_button;
    case MIZAN_STATUS_LARGELY:
      return self->largely_button;
    case MIZAN_STATUS_PARTIALLY:
      return self->partially_button;
    case MIZAN_STATUS_NOT:
      return self->not_button;
    case MIZAN_STATUS_NA:
      return self->na_button;
    case MIZAN_STATUS_NONE:
    default:
      return NULL;
    }
}

/* One Tab stop for the group: the chosen status, or Fully while none is;
 * Left and Right move within it. */
static void
reset_group_focus (MizanPracticeRow *self)
{
  MizanStatus status = mizan_session_get_status (self->session, self->practice->id);

  for (guint i = 0; i < G_N_ELEMENTS (button_statuses); i++)
    gtk_widget_set_focusable (GTK_WIDGET (mizan_practice_row_get_status_button (self, button_statuses[i])),
                              button_statuses[i] == status || (status == MIZAN_STATUS_NONE && i == 0));
}

static void
on_group_focus_leave (GtkEventControllerFocus *controller,
                      MizanPracticeRow        *self)
{
  if (self->session != NULL)
    reset_group_focus (self);
}

static void
sync_from_session (MizanPracticeRow *self)
{
  MizanStatus status = mizan_session_get_status (self->session, self->practice->id);
  const MizanAnswer *answer;
  gboolean to_confirm;

  self->syncing = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (button_statuses); i++)
    {
      GtkToggleButton *button = mizan_practice_row_get_status_button (self, button_statuses[i]);

      gtk_toggle_button_set_active (button, button_statuses[i] == status);

      /* The buttons are radio buttons to assistive technology: the chosen
       * one is "checked", which a screen reader speaks as selected. */
      gtk_accessible_update_state (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_STATE_CHECKED,
                                   button_statuses[i] == status ? GTK_ACCESSIBLE_TRISTATE_TRUE
                                                                : GTK_ACCESSIBLE_TRISTATE_FALSE,
                                   -1);
    }
  answer = mizan_assessment_get_answer (mizan_session_get_assessment (self->session), self->practice->id);
  to_confirm = answer != NULL && answer->to_confirm;
  gtk_widget_set_visible (GTK_WIDGET (self->confirm_label), to_confirm);
  if (to_confirm)
    gtk_widget_add_css_class (GTK_WIDGET (self), "to-confirm");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "to-confirm");
  mizan_practice_row_update_scope (self);
  reset_group_focus (self);
  if (status == MIZAN_STATUS_NONE)
    gtk_widget_add_css_class (GTK_WIDGET (self), "unanswered");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "unanswered");
  self->syncing = FALSE;
}

void
mizan_practice_row_update_scope (MizanPracticeRow *self)
{
  GtkWidget *controls[] = {
    GTK_WIDGET (self->fully_button), GTK_WIDGET (self->largely_button), GTK_WIDGET (self->partially_button),
    GTK_WIDGET (self->not_button), GTK_WIDGET (self->na_button), GTK_WIDGET (self->clear_button),
    GTK_WIDGET (self->note_view), GTK_WIDGET (self->evidence_view),
  };
  gboolean in_scope;

  g_return_if_fail (MIZAN_IS_PRACTICE_ROW (self));

  if (self->session == NULL)
    return;
  in_scope = mizan_results_excluded_by (mizan_session_get_framework (self->session),
                                        mizan_session_get_assessment (self->session),
                                        self->practice) == NULL;
  /* Each control itself: GTK 4.8 reports a control disabled over AT-SPI
   * only when it is, not when a container above it is. */
  for (guint i = 0; i < G_N_ELEMENTS (controls); i++)
    gtk_widget_set_sensitive (controls[i], in_scope &&
                              (controls[i] != GTK_WIDGET (self->clear_button) ||
                               mizan_session_get_status (self->session, self->practice->id) != MIZAN_STATUS_NONE));
}

static void
close_edit (MizanPracticeRow *self)
{
  g_clear_handle_id (&self->commit_source, g_source_remove);
  if (self->edit_open)
    {
      self->edit_open = FALSE;
      mizan_session_end_edit (self->session);
    }
}

static char *
view_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
commit (MizanPracticeRow *self,
        MizanStatus       status)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *note = view_text (self->note_view);
  g_autofree char *evidence = view_text (self->evidence_view);
  gboolean ok;

  /* The typed text goes with the status, in the same transaction. */
  ok = mizan_session_set_answer (self->session, self->practice->id, status,
                                 note, evidence,
                                 &error);
  close_edit (self);
  if (!ok)
    g_debug ("Answer to %s not saved: %s", self->practice->id, error->message);
  sync_from_session (self);
}

void
mizan_practice_row_flush (MizanPracticeRow *self)
{
  g_return_if_fail (MIZAN_IS_PRACTICE_ROW (self));

  if (self->edit_open)
    commit (self, mizan_session_get_status (self->session, self->practice->id));
}

static gboolean
commit_timeout (gpointer user_data)
{
  MizanPracticeRow *self = user_data;

  self->commit_source = 0;
  mizan_practice_row_flush (self);
  return G_SOURCE_REMOVE;
}

static void
on_text_changed (GtkTextBuffer    *buffer,
                 MizanPracticeRow *self)
{
  if (self->syncing)
    return;
  if (!self->edit_open)
    {
      self->edit_open = TRUE;
      mizan_session_begin_edit (self->session);
    }
  g_clear_handle_id (&self->commit_source, g_source_remove);
  self->commit_source = g_timeout_add (COMMIT_DELAY_MS, commit_timeout, self);
}

static void
on_focus_leave (GtkEventControllerFocus *controller,
                MizanPracticeRow        *self)
{
  mizan_practice_row_flush (self);
}

static void
on_status_toggled (GtkToggleButton  *button,
                   MizanPracticeRow *self)
{
  if (self->syncing || !gtk_toggle_button_get_active (button))
    return;
  for (guint i = 0; i < G_N_ELEMENTS (button_statuses); i++)
    if (mizan_practice_row_get_status_button (self, button_statuses[i]) == button)
      commit (self, button_statuses[i]);
}

/* Choosing the status a carried answer already has confirms it: a toggle
 * that is already active emits no "toggled", only "clicked". */
static void
on_status_clicked (GtkButton        *button,
                   MizanPracticeRow *self)
{
  const MizanAnswer *answer = mizan_assessment_get_answer (mizan_session_get_assessment (self->session),
                                                           self->practice->id);

  if (answer == NULL || !answer->to_confirm || !gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)))
    return;
  for (guint i = 0; i < G_N_ELEMENTS (button_statuses); i++)
    if (GTK_BUTTON (mizan_practice_row_get_status_button (self, button_statuses[i])) == button)
      commit (self, button_statuses[i]);
}

static void
on_clear_clicked (GtkButton        *button,
                  MizanPracticeRow *self)
{
  commit (self, MIZAN_STATUS_NONE);
  /* Clear became insensitive; keep the keyboard in the status choice. */
  gtk_widget_grab_focus (GTK_WIDGET (self->fully_button));
}

/* The status a key stands for: 1-5 (top row, keypad, Arabic-Indic digits)
 * choose, 0 and BackSpace clear. FALSE for any other key. */
static gboolean
status_of_key (guint        keyval,
               MizanStatus *status)
{
  gunichar c = gdk_keyval_to_unicode (keyval);
  int digit = -1;

  if (keyval == GDK_KEY_BackSpace)
    digit = 0;
  else if (keyval >= GDK_KEY_KP_0 && keyval <= GDK_KEY_KP_9)
    digit = keyval - GDK_KEY_KP_0;
  else if (c >= '0' && c <= '9')
    digit = c - '0';
  else if (c >= 0x0660 && c <= 0x0669)      /* ٠ … ٩ */
    digit = c - 0x0660;
  else if (c >= 0x06F0 && c <= 0x06F9)      /* ۰ … ۹, Persian and Urdu */
    digit = c - 0x06F0;
  if (digit < 0 || digit > 5)
    return FALSE;
  *status = digit == 0 ? MIZAN_STATUS_NONE : button_statuses[digit - 1];
  return TRUE;
}

/* Left and Right move the keyboard between the five statuses without
 * choosing one (Space or a digit chooses). */
static void
move_within_group (MizanPracticeRow *self,
                   int               step)
{
  int current = -1;

  for (guint i = 0; i < G_N_ELEMENTS (button_statuses); i++)
    if (gtk_widget_has_focus (GTK_WIDGET (mizan_practice_row_get_status_button (self, button_statuses[i]))))
      current = i;
  if (current < 0 || current + step < 0 || current + step >= (int) G_N_ELEMENTS (button_statuses))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  {
    GtkWidget *next = GTK_WIDGET (mizan_practice_row_get_status_button (self, button_statuses[current + step]));

    gtk_widget_set_focusable (next, TRUE);
    gtk_widget_grab_focus (next);
  }
}

/* With the focus in the status choice: a digit answers, Up and Down move to
 * the previous or next practice, Alt with them to the previous or next
 * unanswered one, Enter goes to the note. Left and Right stay GTK's, moving
 * between the five statuses. */
static gboolean
on_status_key (GtkEventControllerKey *controller,
               guint                  keyval,
               guint                  keycode,
               GdkModifierType        state,
               MizanPracticeRow      *self)
{
  GdkModifierType mods = state & gtk_accelerator_get_default_mod_mask ();
  MizanStatus status;

  if (self->session == NULL)
    return FALSE;
  if (mods == 0 && status_of_key (keyval, &status))
    {
      if (gtk_widget_get_sensitive (GTK_WIDGET (self->fully_button)))
        {
          commit (self, status);
          mizan_practice_row_focus_status (self);
        }
      else
        gtk_widget_error_bell (GTK_WIDGET (self));
      return TRUE;
    }
  if ((mods == 0 || mods == GDK_ALT_MASK) &&
      (keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down || keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up))
    {
      int step = keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down ? 1 : -1;

      g_signal_emit (self, signals[mods == 0 ? MOVE : MOVE_UNANSWERED], 0, step);
      return TRUE;
    }
  if (mods == 0 && (keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter))
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->note_view));
      return TRUE;
    }
  if (mods == 0 && (keyval == GDK_KEY_Left || keyval == GDK_KEY_KP_Left ||
                    keyval == GDK_KEY_Right || keyval == GDK_KEY_KP_Right))
    {
      gboolean forward = keyval == GDK_KEY_Right || keyval == GDK_KEY_KP_Right;

      /* Right goes towards the end of the line: leftwards in right-to-left. */
      if (gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL)
        forward = !forward;
      move_within_group (self, forward ? 1 : -1);
      return TRUE;
    }
  return FALSE;
}

/* Escape in the note or evidence goes back to the practice's status. */
static gboolean
on_entry_key (GtkEventControllerKey *controller,
              guint                  keyval,
              guint                  keycode,
              GdkModifierType        state,
              MizanPracticeRow      *self)
{
  if (keyval != GDK_KEY_Escape || (state & gtk_accelerator_get_default_mod_mask ()) != 0)
    return FALSE;
  mizan_practice_row_flush (self);
  mizan_practice_row_focus_status (self);
  return TRUE;
}

static void
add_key_handler (GtkWidget *widget,
                 GCallback  callback,
                 gpointer   user_data)
{
  GtkEventController *controller = gtk_event_controller_key_new ();

  /* Capture: before the focused button or entry uses the key itself. */
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "key-pressed", callback, user_data);
  gtk_widget_add_controller (widget, controller);
}

static void
track_focus (MizanPracticeRow *self,
             GtkWidget        *entry)
{
  GtkEventController *controller = gtk_event_controller_focus_new ();

  g_signal_connect (controller, "leave", G_CALLBACK (on_focus_leave), self);
  gtk_widget_add_controller (entry, controller);
}

static void
set_accessible_label (GtkWidget  *widget,
                      const char *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
set_optional_label (GtkLabel   *label,
                    const char *text)
{
  gtk_label_set_label (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL);
}

/* What each status means in this model, and where the practice draws the
 * line for "fully", as the popover beside the status choice shows it. */
static char *
format_rubric (MizanFramework *framework,
               MizanPractice  *practice)
{
  g_autoptr(GString) markup = g_string_new (NULL);

  if (practice->fully_when != NULL)
    {
      g_autofree char *criterion = g_markup_escape_text (mizan_text_localized (practice->fully_when), -1);

      /* Translators: heading, then the practice's own criterion for "fully" */
      g_string_append_printf (markup, "<b>%s</b>\n%s\n\n", _("Fully implemented when"), criterion);
    }
  for (guint i = 0; i < G_N_ELEMENTS (button_statuses); i++)
    {
      const MizanText *meaning = mizan_framework_get_rubric (framework, button_statuses[i]);
      g_autofree char *label = NULL;
      g_autofree char *text = NULL;

      if (meaning == NULL)
        continue;
      label = g_markup_escape_text (mizan_status_get_label (button_statuses[i]), -1);
      text = g_markup_escape_text (mizan_text_localized (meaning), -1);
      g_string_append_printf (markup, "%s<b>%s</b>: %s", i > 0 ? "\n" : "", label, text);
    }
  if (markup->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&markup), FALSE);
}

/* Shows @practice of @session in place of what the row showed: a page reuses
 * its rows from one capability to the next, as building and measuring new
 * ones is most of the time a switch takes. NULL @practice lets go of both. */
void
mizan_practice_row_bind (MizanPracticeRow *self,
                         MizanSession     *session,
                         MizanPractice    *practice)
{
  const MizanAnswer *answer;
  g_autofree char *note_label = NULL;
  g_autofree char *evidence_label = NULL;
  g_autofree char *clear_label = NULL;
  g_autofree char *group_label = NULL;
  g_autofree char *guidance_label = NULL;
  g_autofree char *rubric_label = NULL;
  g_autofree char *rubric = NULL;
  g_autofree char *references = NULL;
  MizanFramework *framework;

  g_return_if_fail (MIZAN_IS_PRACTICE_ROW (self));
  g_return_if_fail (practice == NULL || MIZAN_IS_SESSION (session));

  /* What was typed for the practice shown so far is kept. */
  if (self->session != NULL)
    {
      mizan_practice_row_flush (self);
      close_edit (self);
    }
  if (practice == NULL)
    session = NULL;
  g_set_object (&self->session, session);
  self->practice = practice;
  /* The mark of where a search landed belongs to the practice shown. */
  g_clear_handle_id (&self->highlight_source, g_source_remove);
  gtk_widget_remove_css_class (GTK_WIDGET (self), "mizan-highlight");
  if (practice == NULL)
    return;

  framework = mizan_session_get_framework (session);
  gtk_label_set_label (self->id_label, practice->id);
  gtk_label_set_label (self->text_label, mizan_text_localized (practice->text));

  /* The visible labels are short; a screen reader hears which practice and
   * which status, e.g. "GOV.1.1: Fully implemented", and then what that
   * status means in this model, which a pointer user reads in the tooltip. */
  for (guint i = 0; i < G_N_ELEMENTS (button_statuses); i++)
    {
      GtkWidget *button = GTK_WIDGET (mizan_practice_row_get_status_button (self, button_statuses[i]));
      const MizanText *meaning = mizan_framework_get_rubric (framework, button_statuses[i]);
      const char *status_label = mizan_status_get_label (button_statuses[i]);
      /* Translators: accessible name of a status toggle: practice id: status */
      g_autofree char *label = g_strdup_printf (_("%s: %s"), practice->id, status_label);
      set_accessible_label (button, label);
      /* GTK gives the tooltip to assistive technology as the description:
       * Orca says "GOV.1.1: Largely implemented, selected radio button",
       * then the rubric's sentence. */
      if (meaning != NULL)
        {
          gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                          mizan_text_localized (meaning), -1);
          gtk_widget_set_tooltip_text (button, mizan_text_localized (meaning));
        }
      else
        {
          gtk_accessible_reset_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
          gtk_widget_set_tooltip_text (button, status_label);
        }
    }
  rubric = format_rubric (framework, practice);
  gtk_label_set_markup (self->rubric_label, rubric != NULL ? rubric : "");
  gtk_widget_set_visible (GTK_WIDGET (self->rubric_button), rubric != NULL);
  rubric_label = g_strdup_printf (_("%s: What the statuses mean"), practice->id);
  set_accessible_label (GTK_WIDGET (self->rubric_button), rubric_label);
  group_label = g_strdup_printf (_("Status of %s"), practice->id);
  set_accessible_label (GTK_WIDGET (self->status_box), group_label);
  clear_label = g_strdup_printf (_("%s: Clear answer"), practice->id);
  set_accessible_label (GTK_WIDGET (self->clear_button), clear_label);
  note_label = g_strdup_printf (_("%s: Note"), practice->id);
  set_accessible_label (GTK_WIDGET (self->note_view), note_label);
  evidence_label = g_strdup_printf (_("%s: Evidence"), practice->id);
  set_accessible_label (GTK_WIDGET (self->evidence_view), evidence_label);
  guidance_label = g_strdup_printf (_("%s: Guidance"), practice->id);
  set_accessible_label (GTK_WIDGET (self->guidance_expander), guidance_label);

  /* The guidance of one practice is not left open over the next. */
  gtk_expander_set_expanded (self->guidance_expander, FALSE);
  set_optional_label (self->guidance_label, practice->guidance != NULL ? mizan_text_localized (practice->guidance) : NULL);
  if (practice->fully_when != NULL)
    {
      /* Translators: %s is where a practice draws the line for "fully" */
      g_autofree char *criterion = g_strdup_printf (_("Fully implemented when: %s"),
                                                    mizan_text_localized (practice->fully_when));

      set_optional_label (self->fully_when_label, criterion);
    }
  else
    set_optional_label (self->fully_when_label, NULL);
  references = mizan_references_format (practice->references, practice->n_references);
  set_optional_label (self->references_label, references);
  if (practice->evidence != NULL)
    {
      /* Translators: %s is what an assessor can ask to see for this practice */
      g_autofree char *hint = g_strdup_printf (_("Evidence to look for: %s"), mizan_text_localized (practice->evidence));

      gtk_label_set_label (self->evidence_hint_label, hint);
    }
  else
    gtk_label_set_label (self->evidence_hint_label, "");
  gtk_widget_set_visible (GTK_WIDGET (self->evidence_hint_label), practice->evidence != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->guidance_expander),
                          practice->guidance != NULL || practice->evidence != NULL || references != NULL);

  answer = mizan_assessment_get_answer (mizan_session_get_assessment (session), practice->id);
  self->syncing = TRUE;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->note_view),
                            answer != NULL && answer->note != NULL ? answer->note : "", -1);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->evidence_view),
                            answer != NULL && answer->evidence != NULL ? answer->evidence : "", -1);
  self->syncing = FALSE;
  sync_from_session (self);
}

GtkWidget *
mizan_practice_row_new (MizanSession  *session,
                        MizanPractice *practice)
{
  MizanPracticeRow *self;

  g_return_val_if_fail (MIZAN_IS_SESSION (session), NULL);
  g_return_val_if_fail (practice != NULL, NULL);

  self = g_object_new (MIZAN_TYPE_PRACTICE_ROW, NULL);
  mizan_practice_row_bind (self, session, practice);
  return GTK_WIDGET (self);
}

MizanPractice *
mizan_practice_row_get_practice (MizanPracticeRow *self)
{
  g_return_val_if_fail (MIZAN_IS_PRACTICE_ROW (self), NULL);
  return self->practice;
}

GtkButton *
mizan_practice_row_get_clear_button (MizanPracticeRow *self)
{
  g_return_val_if_fail (MIZAN_IS_PRACTICE_ROW (self), NULL);
  return self->clear_button;
}

GtkTextBuffer *
mizan_practice_row_get_note_buffer (MizanPracticeRow *self)
{
  g_return_val_if_fail (MIZAN_IS_PRACTICE_ROW (self), NULL);
  return gtk_text_view_get_buffer (self->note_view);
}

GtkTextBuffer *
mizan_practice_row_get_evidence_buffer (MizanPracticeRow *self)
{
  g_return_val_if_fail (MIZAN_IS_PRACTICE_ROW (self), NULL);
  return gtk_text_view_get_buffer (self->evidence_view);
}

static gboolean
remove_highlight (gpointer user_data)
{
  MizanPracticeRow *self = user_data;

  self->highlight_source = 0;
  gtk_widget_remove_css_class (GTK_WIDGET (self), "mizan-highlight");
  return G_SOURCE_REMOVE;
}

void
mizan_practice_row_focus_status (MizanPracticeRow *self)
{
  MizanStatus status;
  GtkToggleButton *button;

  g_return_if_fail (MIZAN_IS_PRACTICE_ROW (self));

  status = mizan_session_get_status (self->session, self->practice->id);
  button = mizan_practice_row_get_status_button (self, status);
  if (button == NULL)
    button = self->fully_button;
  gtk_widget_set_focusable (GTK_WIDGET (button), TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (button));
}

void
mizan_practice_row_focus (MizanPracticeRow *self)
{
  g_return_if_fail (MIZAN_IS_PRACTICE_ROW (self));

  mizan_practice_row_focus_status (self);

  /* A brief mark on the card tells a sighted user where the search landed. */
  gtk_widget_add_css_class (GTK_WIDGET (self), "mizan-highlight");
  g_clear_handle_id (&self->highlight_source, g_source_remove);
  self->highlight_source = g_timeout_add_full (G_PRIORITY_DEFAULT, 1500, remove_highlight,
                                               g_object_ref (self), g_object_unref);
}

static void
mizan_practice_row_dispose (GObject *object)
{
  MizanPracticeRow *self = MIZAN_PRACTICE_ROW (object);

  /* The page is closed: what was typed is kept. */
  if (self->session != NULL)
    mizan_practice_row_bind (self, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), MIZAN_TYPE_PRACTICE_ROW);
  mizan_gui_unparent_children (GTK_WIDGET (self));

  G_OBJECT_CLASS (mizan_practice_row_parent_class)->dispose (object);
}

static void
mizan_practice_row_class_init (MizanPracticeRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mizan_practice_row_dispose;

  /* Up or Down (step -1 or +1) in the status choice: the page moves the
   * focus to the neighbouring practice. */
  signals[MOVE] =
    g_signal_new ("move",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT);
  /* Alt+Up or Alt+Down: to the previous or next unanswered practice,
   * in another capability if need be. */
  signals[MOVE_UNANSWERED] =
    g_signal_new ("move-unanswered",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/comstech/Mizan/mizan-practice-row.ui");
  gtk_widget_class_bind_template_child (widget_class, MizanPracticeRow, id_label);
  gtk_widget_class_bind_template_child (widget_class, MizanPracticeRow, text_label);
  gtk_widget_class_bind_template_child (widget_class, MizanPracticeRow, status_box);
  gtk_widget_class_bind_template_child (widget_class, MizanPracticeRow, fully_button);
  gtk_widget_class_bind_template_child (widget_class, MizanPracticeRow, largely_button);
  gtk_widget_class_bind_template_child (widget_class, MizanPracticeRow, partially_button);
  gtk_widget_class_bind_template_child (widget_class, MizanPracticeRow, not_button);
  gtk_widget_class_bind_template_child (widget_class, MizanPracticeRow, na_button);
  gtk_widget_class_bind_template_child (widget_class, MizanPracticeRow, rubric_button);
  gtk_widget_class_bind_template_child (widget_class, MizanPracticeRow, rubric_label);
  gtk_widget_class_bind_template_child (widget_class, MizanPracticeRow, clear_button);
  gtk_widget_class_bind_template_child (widget_class, MizanPracticeRow, note_view);
  gtk_widget_class_bind_template_child (widget_class, MizanPracticeRow, evidence_view);
  gtk_widget_class_bind_template_child (widget_class, MizanPracticeRow, guidance_expander);
  gtk_widget_class_bind_template_child (widget_class, MizanPracticeRow, guidance_label);
  gtk_widget_class_bind_template_child (widget_class, MizanPracticeRow, evidence_hint_label);
  gtk_widget_class_bind_template_child (widget_class, MizanPracticeRow, fully_when_label);
  gtk_widget_class_bind_template_child (widget_class, MizanPracticeRow, references_label);
  gtk_widget_class_bind_template_child (widget_class, MizanPracticeRow, confirm_label);
}

static void
mizan_practice_row_init (MizanPracticeRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (button_statuses); i++)
    {
      g_signal_connect (mizan_practice_row_get_status_button (self, button_statuses[i]), "toggled",
                        G_CALLBACK (on_status_toggled), self);
      g_signal_connect (mizan_practice_row_get_status_button (self, button_statuses[i]), "clicked",
                        G_CALLBACK (on_status_clicked), self);
    }
  g_signal_connect (self->clear_button, "clicked", G_CALLBACK (on_clear_clicked), self);
  /* Enter is a new line in a note; Escape, a pause or leaving saves it. */
  g_signal_connect (gtk_text_view_get_buffer (self->note_view), "changed", G_CALLBACK (on_text_changed), self);
  g_signal_connect (gtk_text_view_get_buffer (self->evidence_view), "changed", G_CALLBACK (on_text_changed), self);
  track_focus (self, GTK_WIDGET (self->note_view));
  track_focus (self, GTK_WIDGET (self->evidence_view));
  add_key_handler (GTK_WIDGET (self->status_box), G_CALLBACK (on_status_key), self);
  {
    GtkEventController *controller = gtk_event_controller_focus_new ();

    g_signal_connect (controller, "leave", G_CALLBACK (on_group_focus_leave), self);
    gtk_widget_add_controller (GTK_WIDGET (self->status_box), controller);
  }
  add_key_handler (GTK_WIDGET (self->note_view), G_CALLBACK (on_entry_key), self);
  add_key_handler (GTK_WIDGET (self->evidence_view), G_CALLBACK (on_entry_key), self);

  gtk_widget_set_tooltip_text (GTK_WIDGET (self->rubric_button), _("What the statuses mean"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->clear_button), _("Mark as unanswered"));
}
