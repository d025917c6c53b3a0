/* mizan-profile-row.c — one yes/no question about the organization, as a switch row
 * The row's title names the switch for a screen reader; toggling it emits "answer-changed". */
#include "config.h"

#include "mizan-profile-row.h"

struct _MizanProfileRow
{
  AdwActionRow                parent_instance;

  const MizanProfileQuestion *question;  /* owned by the framework, which outlives the row */
  GtkSwitch                  *toggle;
  gboolean                    syncing;
};

G_DEFINE_FINAL_TYPE (MizanProfileRow, mizan_profile_row, ADW_TYPE_ACTION_ROW)

enum {
  ANSWER_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_active_changed (MizanProfileRow *self)
{
  if (!self->syncing)
    g_signal_emit (self, signals[ANSWER_CHANGED], 0);
}

static void
mizan_profile_row_class_init (MizanProfileRowClass *klass)
{
  /* The user turned the switch; mizan_profile_row_get_answer() says to what. */
  signals[ANSWER_CHANGED] =
    g_signal_new ("answer-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
mizan_profile_row_init (MizanProfileRow *self)
{
  self->toggle = GTK_SWITCH (gtk_switch_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->toggle), GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), GTK_WIDGET (self->toggle));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self), GTK_WIDGET (self->toggle));
  g_signal_connect_swapped (self->toggle, "notify::active", G_CALLBACK (on_active_changed), self);
}

GtkWidget *
mizan_profile_row_new (const MizanProfileQuestion *question,
                       MizanProfileAnswer          answer)
{
  MizanProfileRow *self;
  const char *text;

  g_return_val_if_fail (question != NULL, NULL);

  self = g_object_new (MIZAN_TYPE_PROFILE_ROW, NULL);
  self->question = question;
  text = mizan_text_localized (question->text);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), text);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (self), 0);
  /* The switch is named by the question: the row labels its activatable
   * widget with its title. */
  mizan_profile_row_set_answer (self, answer);
  return GTK_WIDGET (self);
}

const MizanProfileQuestion *
mizan_profile_row_get_question (MizanProfileRow *self)
{
  g_return_val_if_fail (MIZAN_IS_PROFILE_ROW (self), NULL);
  return self->question;
}

MizanProfileAnswer
mizan_profile_row_get_answer (MizanProfileRow *self)
{
  g_return_val_if_fail (MIZAN_IS_PROFILE_ROW (self), MIZAN_PROFILE_UNANSWERED);
  return gtk_switch_get_active (self->toggle) ? MIZAN_PROFILE_YES : MIZAN_PROFILE_NO;
}

void
mizan_profile_row_set_answer (MizanProfileRow    *self,
                              MizanProfileAnswer  answer)
{
  g_return_if_fail (MIZAN_IS_PROFILE_ROW (self));

  self->syncing = TRUE;
  gtk_switch_set_active (self->toggle, answer != MIZAN_PROFILE_NO);
  self->syncing = FALSE;
}
