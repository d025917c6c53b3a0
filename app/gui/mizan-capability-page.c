/* mizan-capability-page.c — one capability of the questionnaire
 * Its rows are reused from one capability to the next; level, ladder and progress follow the session live. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <adwaita.h>

#include "mizan-capability-page.h"
#include "mizan-profile-row.h"
#include "mizan-references.h"
#include "mizan-gui.h"
#include "mizan-height-for-width-layout.h"

struct _MizanCapabilityPage
{
  GtkWidget          parent_instance;

  MizanSession      *session;
  MizanCapability   *capability;
  gulong             changed_handler;
  GHashTable        *practice_rows;   /* practice id → MizanPracticeRow shown, not owned */
  gboolean           updating;

  /* The framework the ladder and the level headings were made for: the same
   * for every capability, so a switch only marks them. */
  MizanFramework    *framework;
  GPtrArray         *headings;        /* GtkLabel of each level, from level 1 */
  GPtrArray         *rows;            /* MizanPracticeRow in practices_box, shown or spare */
  guint              n_shown;         /* rows[0 .. n_shown - 1] are shown, in order */
  GtkWidget         *all_answered;

  GtkScrolledWindow *scroller;
  GtkBox            *content;
  GtkLabel          *domain_label;
  GtkLabel          *title_label;
  GtkLabel          *description_label;
  GtkLabel          *references_label;
  GtkLabel          *level_label;
  GtkLabel          *progress_label;
  GtkSpinButton     *target_spin;
  GtkAdjustment     *target_adjustment;
  GtkExpander       *ladder_expander;
  GtkListBox        *ladder_list;
  GtkBox            *ladder_strip;
  GtkListBox        *scope_list;
  MizanProfileRow   *scope_row;       /* in scope_list, for the capability's applies_if */
  GtkBox            *practices_box;
  GtkBox            *navigation_box;
  GtkButton         *previous_button;
  GtkButton         *next_button;
  GtkLabel          *previous_label;
  GtkLabel          *next_label;
};

G_DEFINE_FINAL_TYPE (MizanCapabilityPage, mizan_capability_page, GTK_TYPE_WIDGET)

enum {
  MOVE_BEYOND,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
remove_children (GtkWidget *parent)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (parent)) != NULL)
    {
      if (GTK_IS_BOX (parent))
        gtk_box_remove (GTK_BOX (parent), child);
      else
        gtk_widget_unparent (child);
    }
}

static const MizanCapabilityResult *
get_result (MizanCapabilityPage *self)
{
  const MizanResults *results = mizan_session_get_results (self->session);

  return &results->capabilities[self->capability->index];
}

static GtkWidget *
create_ladder_row (MizanFramework *framework,
                   const MizanLevel *level)
{
  GtkWidget *row = gtk_list_box_row_new ();
  /* A grid: a GtkBox asks wrapping labels for their width at height after height. */
  GtkWidget *box = gtk_grid_new ();
  GtkWidget *text_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  g_autofree char *number = g_strdup_printf ("%u", level->level);
  GtkWidget *badge = gtk_label_new (number);
  GtkWidget *name = gtk_label_new (mizan_text_localized (level->name));
  GtkWidget *tag = gtk_label_new (_("Target"));
  GtkWidget *description;

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_widget_add_css_class (badge, "mizan-level-badge");
  gtk_widget_set_valign (badge, GTK_ALIGN_START);
  gtk_widget_add_css_class (name, "heading");
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_widget_add_css_class (tag, "mizan-target-tag");
  gtk_widget_set_visible (tag, FALSE);
  gtk_box_append (GTK_BOX (name_box), name);
  gtk_box_append (GTK_BOX (name_box), tag);
  gtk_box_append (GTK_BOX (text_box), name_box);
  if (level->description != NULL)
    {
      description = gtk_label_new (mizan_text_localized (level->description));
      gtk_label_set_wrap (GTK_LABEL (description), TRUE);
      gtk_label_set_xalign (GTK_LABEL (description), 0);
      gtk_widget_add_css_class (description, "dim-label");
      gtk_box_append (GTK_BOX (text_box), description);
    }
  gtk_widget_set_hexpand (text_box, TRUE);
  gtk_grid_set_column_spacing (GTK_GRID (box), 12);
  gtk_grid_attach (GTK_GRID (box), badge, 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (box), text_box, 1, 0, 1, 1);
  gtk_widget_add_css_class (box, "mizan-ladder-row");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  g_object_set_data (G_OBJECT (row), "mizan-badge", badge);
  g_object_set_data (G_OBJECT (row), "mizan-tag", tag);
  return row;
}

/* One step of the ladder in the summary: its number and name, filled once reached. */
static GtkWidget *
create_ladder_step (const MizanLevel *level)
{
  GtkWidget *step = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  g_autofree char *number = g_strdup_printf ("%u", level->level);
  GtkWidget *badge = gtk_label_new (number);
  GtkWidget *name = gtk_label_new (mizan_text_localized (level->name));
  GtkWidget *tag = gtk_label_new (_("Target"));

  gtk_widget_add_css_class (step, "mizan-ladder-step");
  gtk_widget_add_css_class (badge, "mizan-level-badge");
  gtk_widget_set_halign (badge, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (step, level->description != NULL ? mizan_text_localized (level->description) : NULL);
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_label_set_justify (GTK_LABEL (name), GTK_JUSTIFY_CENTER);
  gtk_label_set_max_width_chars (GTK_LABEL (name), 12);
  gtk_widget_add_css_class (name, "caption");
  gtk_widget_add_css_class (tag, "mizan-target-tag");
  gtk_widget_set_halign (tag, GTK_ALIGN_CENTER);
  gtk_widget_set_visible (tag, FALSE);
  gtk_box_append (GTK_BOX (step), badge);
  gtk_box_append (GTK_BOX (step), name);
  gtk_box_append (GTK_BOX (step), tag);

  g_object_set_data (G_OBJECT (step), "mizan-badge", badge);
  g_object_set_data (G_OBJECT (step), "mizan-tag", tag);
  return step;
}

static void
mark_level (GtkWidget  *widget,
            gboolean    passed,
            gboolean    target,
            const char *accessible)
{
  GtkWidget *badge = g_object_get_data (G_OBJECT (widget), "mizan-badge");
  GtkWidget *tag = g_object_get_data (G_OBJECT (widget), "mizan-tag");

  if (passed)
    gtk_widget_add_css_class (badge, "passed");
  else
    gtk_widget_remove_css_class (badge, "passed");
  gtk_widget_set_visible (tag, target);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

static void
update_summary (MizanCapabilityPage *self)
{
  MizanFramework *framework = mizan_session_get_framework (self->session);
  const MizanCapabilityResult *result = get_result (self);
  guint n_levels = mizan_framework_get_n_levels (framework);
  guint target = mizan_session_get_target (self->session, self->capability->id);
  g_autofree char *level_text = NULL;
  g_autofree char *progress_text = NULL;
  GtkListBoxRow *row;
  GtkWidget *step;
  const MizanProfileQuestion *excluded = NULL;

  if (self->capability->applies_if != NULL)
    {
      MizanAssessment *assessment = mizan_session_get_assessment (self->session);

      if (mizan_assessment_get_profile_answer (assessment, self->capability->applies_if) == MIZAN_PROFILE_NO)
        excluded = mizan_framework_lookup_profile_question (framework, self->capability->applies_if);
      mizan_profile_row_set_answer (self->scope_row,
                                    mizan_assessment_get_profile_answer (assessment, self->capability->applies_if));
    }
  /* Out of scope: the practices stay readable, greyed, and are not answered. */
  {
    GHashTableIter iter;
    gpointer practice_row;

    g_hash_table_iter_init (&iter, self->practice_rows);
    while (g_hash_table_iter_next (&iter, NULL, &practice_row))
      mizan_practice_row_update_scope (practice_row);
  }

  if (excluded != NULL)
    /* Translators: %s is a question about the organization, answered no */
    level_text = g_strdup_printf (_("Not applicable: the organization’s answer to “%s” is no"),
                                  mizan_text_localized (excluded->text));
  else if (!result->applicable)
    level_text = g_strdup (_("Not applicable: every practice is marked N/A"));
  else if (result->level == 0)
    level_text = g_strdup_printf (_("Current level 0 of %u: level 1 is not reached yet"), n_levels);
  else
    /* Translators: current level N of L: level name */
    level_text = g_strdup_printf (_("Current level %u of %u: %s"), result->level, n_levels,
                                  mizan_text_localized (mizan_framework_get_level (framework, result->level)->name));
  gtk_label_set_label (self->level_label, level_text);

  progress_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "%u of %u practice answered",
                                                "%u of %u practices answered", result->total),
                                   result->answered, result->total);
  gtk_label_set_label (self->progress_label, progress_text);

  self->updating = TRUE;
  gtk_adjustment_set_upper (self->target_adjustment, n_levels);
  gtk_adjustment_set_value (self->target_adjustment, target);
  self->updating = FALSE;

  step = gtk_widget_get_first_child (GTK_WIDGET (self->ladder_strip));
  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->ladder_list, i)) != NULL; i++)
    {
      guint level = i + 1;
      gboolean passed = result->applicable && level <= result->level;
      const char *name = mizan_text_localized (mizan_framework_get_level (framework, level)->name);
      g_autofree char *label = NULL;

      if (passed && level == target)
        /* Translators: accessible name of a level in the ladder, reached and the target */
        label = g_strdup_printf (_("Level %u, %s: reached, the target"), level, name);
      else if (passed)
        /* Translators: accessible name of a level in the ladder that the capability has reached */
        label = g_strdup_printf (_("Level %u, %s: reached"), level, name);
      else if (level == target)
        /* Translators: accessible name of the target level in the ladder */
        label = g_strdup_printf (_("Level %u, %s: the target"), level, name);
      else
        /* Translators: accessible name of a level in the ladder */
        label = g_strdup_printf (_("Level %u, %s"), level, name);

      mark_level (GTK_WIDGET (row), passed, level == target, label);
      if (step != NULL)
        {
          mark_level (step, passed, level == target, label);
          step = gtk_widget_get_next_sibling (step);
        }
    }
}

static void
on_target_changed (GtkAdjustment       *adjustment,
                   MizanCapabilityPage *self)
{
  g_autoptr(GError) error = NULL;

  if (self->updating || self->session == NULL || self->capability == NULL)
    return;
  if (!mizan_session_set_target (self->session, self->capability->id,
                                 (int) gtk_adjustment_get_value (adjustment), &error))
    update_summary (self);   /* back to what is stored; the header says why */
}

static char *
format_references (MizanCapability *capability)
{
  g_autofree char *text = mizan_references_format (capability->references, capability->n_references);

  if (text == NULL)
    return NULL;
  /* Translators: %s lists the other frameworks' ids a capability maps to */
  return g_strdup_printf (_("References: %s"), text);
}

static void
on_scope_changed (MizanProfileRow     *row,
                  MizanCapabilityPage *self)
{
  g_autoptr(GError) error = NULL;

  /* The session says "changed" and the page follows; on failure the save
   * state in the header says why, and the switch goes back. */
  if (!mizan_session_set_profile_answer (self->session, mizan_profile_row_get_question (row)->id,
                                         mizan_profile_row_get_answer (row), &error))
    update_summary (self);
}

/* The question that decides whether the capability applies, if it has one. */
static void
show_scope (MizanCapabilityPage *self,
            MizanFramework      *framework)
{
  const MizanProfileQuestion *question = NULL;

  if (self->scope_row != NULL)
    {
      gtk_list_box_remove (self->scope_list, GTK_WIDGET (self->scope_row));
      self->scope_row = NULL;
    }
  if (self->capability->applies_if != NULL)
    question = mizan_framework_lookup_profile_question (framework, self->capability->applies_if);
  gtk_widget_set_visible (GTK_WIDGET (self->scope_list), question != NULL);
  if (question == NULL)
    return;

  self->scope_row = MIZAN_PROFILE_ROW (mizan_profile_row_new (question, MIZAN_PROFILE_UNANSWERED));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->scope_row),
                               _("This capability applies only when the answer is yes."));
  g_signal_connect (self->scope_row, "answer-changed", G_CALLBACK (on_scope_changed), self);
  gtk_list_box_append (self->scope_list, GTK_WIDGET (self->scope_row));
}

static GtkWidget *
create_level_heading (const MizanLevel *level)
{
  /* Translators: heading of the practices of one level: "Level 2 · Developing" */
  g_autofree char *text = g_strdup_printf (_("Level %u · %s"), level->level, mizan_text_localized (level->name));
  GtkWidget *heading = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
  gtk_widget_add_css_class (heading, "title-4");
  gtk_widget_add_css_class (heading, "mizan-level-heading");
  gtk_accessible_update_property (GTK_ACCESSIBLE (heading), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
  return heading;
}

/* The ladder, its summary strip and the level headings: made once for a framework. */
static void
build_levels (MizanCapabilityPage *self,
              MizanFramework      *framework)
{
  remove_children (GTK_WIDGET (self->ladder_strip));
  mizan_gui_list_box_clear (self->ladder_list);
  for (guint i = 0; i < self->headings->len; i++)
    gtk_box_remove (self->practices_box, g_ptr_array_index (self->headings, i));
  g_ptr_array_set_size (self->headings, 0);

  g_set_object (&self->framework, framework);
  if (framework == NULL)
    return;

  for (guint level = 1; level <= mizan_framework_get_n_levels (framework); level++)
    {
      const MizanLevel *info = mizan_framework_get_level (framework, level);
      GtkWidget *heading = create_level_heading (info);

      gtk_list_box_append (self->ladder_list, create_ladder_row (framework, info));
      gtk_box_append (self->ladder_strip, create_ladder_step (info));
      gtk_widget_set_visible (heading, FALSE);
      gtk_box_append (self->practices_box, heading);
      g_ptr_array_add (self->headings, g_object_ref (heading));
    }
}

/* Shows @child right after @previous (NULL: first), moving it only if it is not there yet. */
static void
place_child (GtkBox     *box,
             GtkWidget  *child,
             GtkWidget **previous)
{
  if (gtk_widget_get_parent (child) == NULL)
    gtk_box_insert_child_after (box, child, *previous);
  else if (gtk_widget_get_prev_sibling (child) != *previous)
    gtk_box_reorder_child_after (box, child, *previous);
  gtk_widget_set_visible (child, TRUE);
  *previous = child;
}

gboolean
mizan_practice_filter_accepts (MizanPracticeFilter  filter,
                               MizanSession        *session,
                               MizanPractice       *practice)
{
  const MizanAnswer *answer;

  if (filter == 0)
    return TRUE;
  answer = mizan_assessment_get_answer (mizan_session_get_assessment (session), practice->id);
  if ((filter & MIZAN_PRACTICE_FILTER_UNANSWERED) &&
      (answer == NULL || !mizan_status_is_answered (answer->status)))
    return TRUE;
  return (filter & MIZAN_PRACTICE_FILTER_TO_CONFIRM) && answer != NULL && answer->to_confirm;
}

static guint
shown_index (MizanCapabilityPage *self,
             MizanPracticeRow    *row)
{
  for (guint i = 0; i < self->n_shown; i++)
    if (g_ptr_array_index (self->rows, i) == row)
      return i;
  return self->n_shown;
}

/* Down and Up: the next or previous practice shown, across the level
 * headings; at either end the keyboard stays where it is. */
static void
on_row_move (MizanPracticeRow    *row,
             int                  step,
             MizanCapabilityPage *self)
{
  guint i = shown_index (self, row);

  if (i >= self->n_shown || (step < 0 && i == 0) || (step > 0 && i + 1 >= self->n_shown))
    {
      gtk_widget_error_bell (GTK_WIDGET (row));
      return;
    }
  mizan_practice_row_focus_status (g_ptr_array_index (self->rows, step > 0 ? i + 1 : i - 1));
}

static gboolean
row_unanswered (MizanCapabilityPage *self,
                MizanPracticeRow    *row)
{
  return mizan_session_is_to_answer (self->session, mizan_practice_row_get_practice (row));
}

/* Alt+Down and Alt+Up: the next or previous unanswered practice of this
 * page, else the page asks for one beyond it. */
static void
on_row_move_unanswered (MizanPracticeRow    *row,
                        int                  step,
                        MizanCapabilityPage *self)
{
  guint i = shown_index (self, row);

  for (int j = (int) i + step; j >= 0 && j < (int) self->n_shown; j += step)
    if (row_unanswered (self, g_ptr_array_index (self->rows, j)))
      {
        mizan_practice_row_focus_status (g_ptr_array_index (self->rows, j));
        return;
      }
  g_signal_emit (self, signals[MOVE_BEYOND], 0, step);
}

static void
show_practices (MizanCapabilityPage *self,
                MizanPracticeFilter  filter)
{
  guint n_levels = self->headings->len;
  GtkWidget *previous = NULL;
  guint shown = 0;

  for (guint level = 1; level <= n_levels; level++)
    {
      GtkWidget *heading = g_ptr_array_index (self->headings, level - 1);
      gboolean has_heading = FALSE;

      for (guint i = 0; i < self->capability->n_practices; i++)
        {
          MizanPractice *practice = self->capability->practices[i];
          MizanPracticeRow *row;

          if (practice->level != level)
            continue;
          if (!mizan_practice_filter_accepts (filter, self->session, practice))
            continue;

          if (!has_heading)
            {
              place_child (self->practices_box, heading, &previous);
              has_heading = TRUE;
            }

          if (shown < self->rows->len)
            {
              row = g_ptr_array_index (self->rows, shown);
              mizan_practice_row_bind (row, self->session, practice);
            }
          else
            {
              row = MIZAN_PRACTICE_ROW (mizan_practice_row_new (self->session, practice));
              g_ptr_array_add (self->rows, g_object_ref_sink (row));
              g_signal_connect (row, "move", G_CALLBACK (on_row_move), self);
              g_signal_connect (row, "move-unanswered", G_CALLBACK (on_row_move_unanswered), self);
            }
          place_child (self->practices_box, GTK_WIDGET (row), &previous);
          g_hash_table_insert (self->practice_rows, practice->id, row);
          shown++;
        }
      if (!has_heading)
        gtk_widget_set_visible (heading, FALSE);
    }

  self->n_shown = shown;
  /* Spare rows wait hidden, holding nothing: hidden, they are neither measured nor presented. */
  for (guint i = shown; i < self->rows->len; i++)
    {
      MizanPracticeRow *row = g_ptr_array_index (self->rows, i);

      mizan_practice_row_bind (row, NULL, NULL);
      gtk_widget_set_visible (GTK_WIDGET (row), FALSE);
    }

  if (shown == 0)
    {
      gboolean unanswered = (filter & MIZAN_PRACTICE_FILTER_UNANSWERED) != 0;

      adw_status_page_set_title (ADW_STATUS_PAGE (self->all_answered),
                                 unanswered ? _("All Answered") : _("Nothing to Confirm"));
      adw_status_page_set_description (ADW_STATUS_PAGE (self->all_answered),
                                       unanswered ? _("Every practice of this capability has an answer.")
                                                  : _("No answer of this capability waits to be confirmed."));
      place_child (self->practices_box, self->all_answered, &previous);
    }
  else
    gtk_widget_set_visible (self->all_answered, FALSE);
}

static void
release_practices (MizanCapabilityPage *self)
{
  g_hash_table_remove_all (self->practice_rows);
  for (guint i = 0; i < self->rows->len; i++)
    {
      MizanPracticeRow *row = g_ptr_array_index (self->rows, i);

      /* Writes whatever note is still being typed. */
      mizan_practice_row_bind (row, NULL, NULL);
      gtk_widget_set_visible (GTK_WIDGET (row), FALSE);
    }
}

void
mizan_capability_page_set_capability (MizanCapabilityPage *self,
                                      MizanSession        *session,
                                      MizanCapability     *capability,
                                      MizanPracticeFilter  filter)
{
  g_autofree char *domain_text = NULL;
  g_autofree char *title_text = NULL;
  g_autofree char *references = NULL;
  g_autofree char *target_label = NULL;
  MizanFramework *framework;
  gint64 begin = g_get_monotonic_time ();

  g_return_if_fail (MIZAN_IS_CAPABILITY_PAGE (self));
  g_return_if_fail (session == NULL || MIZAN_IS_SESSION (session));

  if (self->session != NULL)
    g_clear_signal_handler (&self->changed_handler, self->session);

  /* The rows are rebound below, or released: either writes whatever note is
   * still being typed, to the practice it was typed for. */
  g_hash_table_remove_all (self->practice_rows);

  g_set_object (&self->session, session);
  self->capability = session != NULL ? capability : NULL;
  gtk_widget_set_visible (GTK_WIDGET (self->content), self->capability != NULL);
  if (self->capability == NULL)
    {
      release_practices (self);
      return;
    }

  framework = mizan_session_get_framework (session);
  if (framework != self->framework)
    build_levels (self, framework);

  /* Translators: domain id · domain title, above a capability */
  domain_text = g_strdup_printf (_("%s · %s"), capability->domain->id, mizan_text_localized (capability->domain->title));
  gtk_label_set_label (self->domain_label, domain_text);
  /* Translators: a capability's id and title; in a right-to-left language start with a right-to-left mark */
  title_text = g_strdup_printf (_("%s %s"), capability->id, mizan_text_localized (capability->title));
  gtk_label_set_label (self->title_label, title_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->title_label), GTK_ACCESSIBLE_PROPERTY_LEVEL, 1, -1);
  gtk_label_set_label (self->description_label,
                       capability->description != NULL ? mizan_text_localized (capability->description) : "");
  gtk_widget_set_visible (GTK_WIDGET (self->description_label), capability->description != NULL);
  references = format_references (capability);
  gtk_label_set_label (self->references_label, references != NULL ? references : "");
  gtk_widget_set_visible (GTK_WIDGET (self->references_label), references != NULL);

  show_scope (self, framework);

  /* Translators: accessible name of the target spin button */
  target_label = g_strdup_printf (_("Target level for %s"), capability->id);
  /* Only this name: the caption's mnemonic would otherwise be appended to it. */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (self->target_spin), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->target_spin),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, target_label, -1);

  show_practices (self, filter);
  update_summary (self);
  self->changed_handler = g_signal_connect_object (session, "changed", G_CALLBACK (update_summary),
                                                   self, G_CONNECT_SWAPPED);
  g_debug ("Capability %s built in %.1f ms", capability->id, (g_get_monotonic_time () - begin) / 1000.0);
}

MizanCapability *
mizan_capability_page_get_capability (MizanCapabilityPage *self)
{
  g_return_val_if_fail (MIZAN_IS_CAPABILITY_PAGE (self), NULL);
  return self->capability;
}

static void
label_neighbour (GtkButton       *button,
                 GtkLabel        *label,
                 MizanCapability *capability,
                 const char      *word,
                 const char      *accessible)
{
  gtk_widget_set_visible (GTK_WIDGET (button), capability != NULL);
  if (capability == NULL)
    return;
  gtk_label_set_label (GTK_LABEL (label), word);
  gtk_widget_set_tooltip_text (GTK_WIDGET (button), mizan_text_localized (capability->title));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

void
mizan_capability_page_set_neighbours (MizanCapabilityPage *self,
                                      MizanCapability     *previous,
                                      MizanCapability     *next)
{
  g_autofree char *previous_name = NULL;
  g_autofree char *next_name = NULL;

  g_return_if_fail (MIZAN_IS_CAPABILITY_PAGE (self));

  if (previous != NULL)
    /* Translators: accessible name of the button; %s %s are the id and title of the capability it goes to */
    previous_name = g_strdup_printf (_("Previous capability: %s %s"), previous->id, mizan_text_localized (previous->title));
  if (next != NULL)
    /* Translators: accessible name of the button; %s %s are the id and title of the capability it goes to */
    next_name = g_strdup_printf (_("Next capability: %s %s"), next->id, mizan_text_localized (next->title));
  label_neighbour (self->previous_button, self->previous_label, previous, _("Previous"), previous_name);
  label_neighbour (self->next_button, self->next_label, next, _("Next"), next_name);
}

MizanPracticeRow *
mizan_capability_page_get_practice_row (MizanCapabilityPage *self,
                                        const char          *practice_id)
{
  g_return_val_if_fail (MIZAN_IS_CAPABILITY_PAGE (self), NULL);
  return g_hash_table_lookup (self->practice_rows, practice_id);
}

void
mizan_capability_page_focus_practice (MizanCapabilityPage *self,
                                      const char          *practice_id)
{
  MizanPracticeRow *row;

  g_return_if_fail (MIZAN_IS_CAPABILITY_PAGE (self));

  row = mizan_capability_page_get_practice_row (self, practice_id);
  if (row != NULL)
    mizan_practice_row_focus (row);
}

gboolean
mizan_capability_page_focus_unanswered (MizanCapabilityPage *self,
                                        int                  direction)
{
  g_return_val_if_fail (MIZAN_IS_CAPABILITY_PAGE (self), FALSE);

  for (guint k = 0; k < self->n_shown; k++)
    {
      guint i = direction >= 0 ? k : self->n_shown - 1 - k;

      if (row_unanswered (self, g_ptr_array_index (self->rows, i)))
        {
          mizan_practice_row_focus (g_ptr_array_index (self->rows, i));
          return TRUE;
        }
    }
  return FALSE;
}

void
mizan_capability_page_scroll_to_top (MizanCapabilityPage *self)
{
  g_return_if_fail (MIZAN_IS_CAPABILITY_PAGE (self));
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

GtkSpinButton *
mizan_capability_page_get_target_spin (MizanCapabilityPage *self)
{
  g_return_val_if_fail (MIZAN_IS_CAPABILITY_PAGE (self), NULL);
  return self->target_spin;
}

static void
mizan_capability_page_dispose (GObject *object)
{
  MizanCapabilityPage *self = MIZAN_CAPABILITY_PAGE (object);

  if (self->practices_box != NULL)
    mizan_capability_page_set_capability (self, NULL, NULL, 0);
  gtk_widget_dispose_template (GTK_WIDGET (self), MIZAN_TYPE_CAPABILITY_PAGE);
  mizan_gui_unparent_children (GTK_WIDGET (self));
  g_clear_object (&self->session);
  g_clear_object (&self->framework);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->headings, g_ptr_array_unref);
  g_clear_object (&self->all_answered);

  G_OBJECT_CLASS (mizan_capability_page_parent_class)->dispose (object);
}

static void
mizan_capability_page_finalize (GObject *object)
{
  MizanCapabilityPage *self = MIZAN_CAPABILITY_PAGE (object);

  g_clear_pointer (&self->practice_rows, g_hash_table_unref);

  G_OBJECT_CLASS (mizan_capability_page_parent_class)->finalize (object);
}

static void
mizan_capability_page_class_init (MizanCapabilityPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mizan_capability_page_dispose;
  object_class->finalize = mizan_capability_page_finalize;

  /* No unanswered practice further on this page in that direction (+1, -1). */
  signals[MOVE_BEYOND] =
    g_signal_new ("move-beyond",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  g_type_ensure (MIZAN_TYPE_HEIGHT_FOR_WIDTH_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/comstech/Mizan/mizan-capability-page.ui");
  gtk_widget_class_bind_template_child (widget_class, MizanCapabilityPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, MizanCapabilityPage, content);
  gtk_widget_class_bind_template_child (widget_class, MizanCapabilityPage, domain_label);
  gtk_widget_class_bind_template_child (widget_class, MizanCapabilityPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, MizanCapabilityPage, description_label);
  gtk_widget_class_bind_template_child (widget_class, MizanCapabilityPage, references_label);
  gtk_widget_class_bind_template_child (widget_class, MizanCapabilityPage, level_label);
  gtk_widget_class_bind_template_child (widget_class, MizanCapabilityPage, progress_label);
  gtk_widget_class_bind_template_child (widget_class, MizanCapabilityPage, target_spin);
  gtk_widget_class_bind_template_child (widget_class, MizanCapabilityPage, target_adjustment);
  gtk_widget_class_bind_template_child (widget_class, MizanCapabilityPage, ladder_expander);
  gtk_widget_class_bind_template_child (widget_class, MizanCapabilityPage, ladder_list);
  gtk_widget_class_bind_template_child (widget_class, MizanCapabilityPage, ladder_strip);
  gtk_widget_class_bind_template_child (widget_class, MizanCapabilityPage, scope_list);
  gtk_widget_class_bind_template_child (widget_class, MizanCapabilityPage, practices_box);
  gtk_widget_class_bind_template_child (widget_class, MizanCapabilityPage, navigation_box);
  gtk_widget_class_bind_template_child (widget_class, MizanCapabilityPage, previous_button);
  gtk_widget_class_bind_template_child (widget_class, MizanCapabilityPage, next_button);
  gtk_widget_class_bind_template_child (widget_class, MizanCapabilityPage, previous_label);
  gtk_widget_class_bind_template_child (widget_class, MizanCapabilityPage, next_label);
}

static void
mizan_capability_page_init (MizanCapabilityPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->practice_rows = g_hash_table_new (g_str_hash, g_str_equal);
  self->rows = g_ptr_array_new_with_free_func (g_object_unref);
  self->headings = g_ptr_array_new_with_free_func (g_object_unref);

  self->all_answered = g_object_ref_sink (adw_status_page_new ());
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (self->all_answered), "emblem-ok-symbolic");
  gtk_widget_add_css_class (self->all_answered, "compact");
  gtk_widget_set_visible (self->all_answered, FALSE);
  gtk_box_append (self->practices_box, self->all_answered);
  g_signal_connect (self->target_adjustment, "value-changed", G_CALLBACK (on_target_changed), self);
  gtk_widget_set_visible (GTK_WIDGET (self->content), FALSE);
}
