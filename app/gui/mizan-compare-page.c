/* mizan-compare-page.c — the open assessment beside an earlier one of the same organization and framework
 * Both are scored with the open assessment's framework; the deltas follow its answers live. */
#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>
#include <adwaita.h>

#include "mizan-comparison.h"
#include "mizan-compare-page.h"
#include "mizan-migration.h"
#include "mizan-gui.h"

struct _MizanComparePage
{
  GtkWidget        parent_instance;

  MizanSession    *session;
  gulong           changed_handler;
  gboolean         dirty;

  GPtrArray       *choices;     /* MizanAssessmentSummary, the combo row's order */
  MizanAssessment *other;       /* the chosen one, loaded */
  MizanComparison *comparison;
  GListStore      *changes;     /* GtkStringObject: practice ids whose status moved */

  GtkStack        *stack;
  AdwComboRow     *other_row;
  AdwActionRow    *index_row;
  AdwActionRow    *score_row;
  AdwActionRow    *completion_row;
  GtkLabel        *index_delta;
  GtkLabel        *score_delta;
  GtkLabel        *completion_delta;
  GtkListBox      *domain_list;
  AdwPreferencesGroup *change_group;
  GtkListBox      *change_list;
};

G_DEFINE_FINAL_TYPE (MizanComparePage, mizan_compare_page, GTK_TYPE_WIDGET)

enum {
  SHOW_CAPABILITY,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

GtkListBox *
mizan_compare_page_get_domain_list (MizanComparePage *self)
{
  g_return_val_if_fail (MIZAN_IS_COMPARE_PAGE (self), NULL);
  return self->domain_list;
}

GtkListBox *
mizan_compare_page_get_change_list (MizanComparePage *self)
{
  g_return_val_if_fail (MIZAN_IS_COMPARE_PAGE (self), NULL);
  return self->change_list;
}

static const char *
status_label (MizanStatus status)
{
  return status != MIZAN_STATUS_NONE ? mizan_status_get_label (status) : _("Unanswered");
}

#define NO_CHANGE "±0"

/* "+0.44", "−0.20" or "±0": the sign is what a reader looks for first. The
 * left-to-right mark keeps the sign before the digits in right-to-left text;
 * U+2212 MINUS SIGN reads better than a hyphen beside digits. */
static char *
format_delta (double delta,
              int    decimals,
              double scale)
{
  double shown = delta * scale;
  double rounded = round (shown * pow (10, decimals)) / pow (10, decimals);

  if (rounded == 0)
    return g_strdup (NO_CHANGE);
  return g_strdup_printf ("\u200E%s%.*f", rounded > 0 ? "+" : "\u2212", decimals, fabs (rounded));
}

/* "+7 points": a change of a percentage. */
static char *
format_points (double delta)
{
  g_autofree char *number = format_delta (delta, 0, 100);

  if (g_strcmp0 (number, NO_CHANGE) == 0)
    return g_steal_pointer (&number);
  /* Translators: a change of a percentage, in percentage points, e.g. "+7 points" */
  return g_strdup_printf (_("%s points"), number);
}

static void
set_delta_label (GtkLabel *label,
                 double    delta,
                 char     *text)   /* transfer full */
{
  gtk_label_set_label (label, text);
  gtk_widget_remove_css_class (GTK_WIDGET (label), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (label), "error");
  if (g_strcmp0 (text, NO_CHANGE) != 0)
    gtk_widget_add_css_class (GTK_WIDGET (label), delta > 0 ? "success" : "error");
  g_free (text);
}

/* The row's subtitle "1.06 → 1.50"; also its accessible description. */
static void
set_figure_row (AdwActionRow *row,
                char         *before,   /* transfer full */
                char         *after)    /* transfer full */
{
  /* Translators: a figure of the other assessment, then of this one; in a
   * right-to-left language the arrow points the other way (%s ← %s) */
  g_autofree char *subtitle = g_strdup_printf (_("%s → %s"), before, after);

  adw_action_row_set_subtitle (row, subtitle);
  g_free (before);
  g_free (after);
}

static GtkWidget *
create_domain_row (const MizanDomainDelta *delta)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new (NULL);
  g_autofree char *subtitle = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), mizan_text_localized (delta->domain->title));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_widget_add_css_class (label, "mizan-delta");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);

  if (delta->comparable)
    {
      g_autofree char *before = mizan_gui_format_index (delta->before->index);
      g_autofree char *after = mizan_gui_format_index (delta->after->index);

      /* Translators: a domain's maturity index and level in the other assessment, then in
       * this one; in a right-to-left language the arrows point the other way (←) */
      subtitle = g_strdup_printf (_("Index %s → %s · level %u → %u"), before, after,
                                  delta->before->level, delta->after->level);
      set_delta_label (GTK_LABEL (label), delta->index_delta, format_delta (delta->index_delta, 2, 1));
    }
  else
    {
      subtitle = g_strdup (!delta->after->applicable ? _("Not applicable in this assessment")
                                                     : _("Not applicable in the other assessment"));
      gtk_label_set_label (GTK_LABEL (label), "—");
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static GtkWidget *
create_change_row (gpointer item,
                   gpointer user_data)
{
  MizanComparePage *self = MIZAN_COMPARE_PAGE (user_data);
  const char *id = gtk_string_object_get_string (GTK_STRING_OBJECT (item));
  MizanFramework *framework = mizan_session_get_framework (self->session);
  const MizanPractice *practice = mizan_framework_lookup_practice (framework, id);
  const MizanAnswer *before = mizan_assessment_get_answer (self->other, id);
  GtkWidget *row = adw_action_row_new ();
  /* The id goes below the text: first in the title, a left-to-right id
   * would turn an Arabic practice's paragraph left-to-right. */
  /* Translators: a practice's id, then its status in the other assessment and in
   * this one; in a right-to-left language the arrow points the other way (←) */
  g_autofree char *subtitle = g_strdup_printf (_("%s · %s → %s"), id,
                                               status_label (before != NULL ? before->status : MIZAN_STATUS_NONE),
                                               status_label (mizan_session_get_status (self->session, id)));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), mizan_text_localized (practice->text));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  mizan_gui_row_set_question (GTK_LIST_BOX_ROW (row), practice->capability->id, id);
  return row;
}

static void
on_change_activated (GtkListBox       *list_box,
                     GtkListBoxRow    *row,
                     MizanComparePage *self)
{
  mizan_gui_row_show_question (self, signals[SHOW_CAPABILITY], row);
}

static void
update_figures (MizanComparePage *self)
{
  MizanAssessment *current = mizan_session_get_assessment (self->session);
  const MizanResults *before, *after;
  g_autofree char *changes_text = NULL;

  g_clear_pointer (&self->comparison, mizan_comparison_free);
  self->comparison = mizan_comparison_new (mizan_session_get_framework (self->session), self->other, current);
  before = self->comparison->before;
  after = self->comparison->after;

  if (self->comparison->comparable)
    {
      set_figure_row (self->index_row, mizan_gui_format_index (before->index), mizan_gui_format_index (after->index));
      set_delta_label (self->index_delta, self->comparison->index_delta,
                       format_delta (self->comparison->index_delta, 2, 1));
      set_figure_row (self->score_row, mizan_gui_format_percent (before->score), mizan_gui_format_percent (after->score));
      set_delta_label (self->score_delta, self->comparison->score_delta,
                       format_points (self->comparison->score_delta));
    }
  else
    {
      adw_action_row_set_subtitle (self->index_row, _("Not applicable in one of the two"));
      adw_action_row_set_subtitle (self->score_row, _("Not applicable in one of the two"));
      gtk_label_set_label (self->index_delta, "—");
      gtk_label_set_label (self->score_delta, "—");
    }
  set_figure_row (self->completion_row, mizan_gui_format_percent (before->completion),
                  mizan_gui_format_percent (after->completion));
  set_delta_label (self->completion_delta, self->comparison->completion_delta,
                   format_points (self->comparison->completion_delta));

  mizan_gui_list_box_clear (self->domain_list);
  for (guint i = 0; i < self->comparison->n_domains; i++)
    gtk_list_box_append (self->domain_list, create_domain_row (&self->comparison->domains[i]));

  /* One splice: the list box builds its rows once, not once per change. */
  {
    g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

    for (guint i = 0; i < self->comparison->n_changes; i++)
      g_ptr_array_add (items, gtk_string_object_new (self->comparison->changes[i].practice->id));
    g_list_store_splice (self->changes, 0, g_list_model_get_n_items (G_LIST_MODEL (self->changes)),
                         items->pdata, items->len);
  }
  changes_text = self->comparison->n_changes > 0
    ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u practice has another status than in the other assessment",
                                    "%u practices have another status than in the other assessment",
                                    self->comparison->n_changes),
                       self->comparison->n_changes)
    : g_strdup (_("Every practice has the status it has in the other assessment"));
  adw_preferences_group_set_description (self->change_group, changes_text);
}

/* An earlier assessment on the version the model supersedes is compared as
 * it reads through the supersedes map: practice by practice on this version. */
static void
carry_from_predecessor (MizanComparePage *self)
{
  MizanFramework *predecessor = mizan_session_get_predecessor (self->session);
  g_autoptr(GError) error = NULL;
  MizanAssessment *carried;

  if (predecessor == NULL ||
      g_strcmp0 (mizan_assessment_get_framework_version (self->other), mizan_framework_get_version (predecessor)) != 0)
    return;
  carried = mizan_migration_carry (self->other, predecessor, mizan_session_get_framework (self->session), NULL, &error);
  if (carried == NULL)
    {
      g_warning ("Cannot read %s through the model's map: %s", mizan_assessment_get_id (self->other), error->message);
      return;
    }
  /* The carried copy keeps the original's title and times for the labels. */
  mizan_assessment_set_id (carried, mizan_assessment_get_id (self->other));
  mizan_assessment_set_created (carried, mizan_assessment_get_created (self->other));
  mizan_assessment_set_updated (carried, mizan_assessment_get_updated (self->other));
  g_set_object (&self->other, carried);
  g_object_unref (carried);
}

static void
load_selected (MizanComparePage *self)
{
  guint selected = adw_combo_row_get_selected (self->other_row);
  MizanAssessmentSummary *summary;
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->other);
  if (self->session == NULL || self->choices == NULL || selected >= self->choices->len)
    return;
  summary = g_ptr_array_index (self->choices, selected);
  self->other = mizan_store_load_assessment (mizan_session_get_store (self->session), summary->id, &error);
  if (self->other == NULL)
    {
      g_warning ("Cannot open the assessment to compare with: %s", error->message);
      return;
    }
  carry_from_predecessor (self);
}

static void
on_other_selected (MizanComparePage *self)
{
  load_selected (self);
  if (self->other != NULL)
    update_figures (self);
}

/* The other assessments of this organization with this framework, newest first. */
static GPtrArray *
list_choices (MizanComparePage *self)
{
  MizanAssessment *current = mizan_session_get_assessment (self->session);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = mizan_store_list_assessments (mizan_session_get_store (self->session), &error);
  GPtrArray *choices = g_ptr_array_new_with_free_func ((GDestroyNotify) mizan_assessment_summary_free);

  if (all == NULL)
    {
      g_warning ("Cannot list the assessments to compare with: %s", error->message);
      return choices;
    }
  for (guint i = 0; i < all->len; i++)
    {
      MizanAssessmentSummary *summary = g_ptr_array_index (all, i);

      if (g_strcmp0 (summary->id, mizan_assessment_get_id (current)) == 0 ||
          g_strcmp0 (summary->org_name, mizan_assessment_get_org_name (current)) != 0 ||
          g_strcmp0 (summary->framework_id, mizan_assessment_get_framework_id (current)) != 0)
        continue;
      g_ptr_array_add (choices, g_ptr_array_steal_index (all, i));
      i--;
    }
  return choices;
}

void
mizan_compare_page_refresh (MizanComparePage *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autofree char *previous = NULL;
  guint selected = 0;

  g_return_if_fail (MIZAN_IS_COMPARE_PAGE (self));

  self->dirty = FALSE;
  if (self->other != NULL)
    previous = g_strdup (mizan_assessment_get_id (self->other));
  g_clear_pointer (&self->choices, g_ptr_array_unref);
  if (self->session == NULL)
    {
      g_clear_object (&self->other);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  self->choices = list_choices (self);
  for (guint i = 0; i < self->choices->len; i++)
    {
      MizanAssessmentSummary *summary = g_ptr_array_index (self->choices, i);
      g_autofree char *when = mizan_gui_format_time (summary->updated);
      /* Translators: an assessment to compare with: its title, then when it last changed */
      g_autofree char *label = g_strdup_printf (_("%s — changed %s"), summary->title, when);

      gtk_string_list_append (labels, label);
      if (g_strcmp0 (summary->id, previous) == 0)
        selected = i;
    }

  g_signal_handlers_block_by_func (self->other_row, on_other_selected, self);
  adw_combo_row_set_model (self->other_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->other_row, selected);
  g_signal_handlers_unblock_by_func (self->other_row, on_other_selected, self);

  load_selected (self);
  gtk_stack_set_visible_child_name (self->stack, self->other != NULL ? "compare" : "empty");
  if (self->other != NULL)
    update_figures (self);
}

gboolean
mizan_compare_page_select (MizanComparePage *self,
                           const char       *assessment_id)
{
  g_return_val_if_fail (MIZAN_IS_COMPARE_PAGE (self), FALSE);

  if (self->dirty || self->choices == NULL)
    mizan_compare_page_refresh (self);
  for (guint i = 0; self->choices != NULL && i < self->choices->len; i++)
    {
      MizanAssessmentSummary *summary = g_ptr_array_index (self->choices, i);

      if (g_strcmp0 (summary->id, assessment_id) == 0)
        {
          adw_combo_row_set_selected (self->other_row, i);
          return TRUE;
        }
    }
  return FALSE;
}

static void
on_session_changed (MizanComparePage *self)
{
  /* An answer changed: the other assessment stays, the figures move. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->dirty = TRUE;
      return;
    }
  if (self->other != NULL)
    update_figures (self);
}

void
mizan_compare_page_set_session (MizanComparePage *self,
                                MizanSession     *session)
{
  g_return_if_fail (MIZAN_IS_COMPARE_PAGE (self));
  g_return_if_fail (session == NULL || MIZAN_IS_SESSION (session));

  if (self->session == session)
    return;

  mizan_gui_follow_session (self, &self->session, &self->changed_handler, session,
                            G_CALLBACK (on_session_changed));
  g_clear_object (&self->other);
  g_clear_pointer (&self->comparison, mizan_comparison_free);
  g_list_store_remove_all (self->changes);
  self->dirty = TRUE;
  if (session == NULL || gtk_widget_get_mapped (GTK_WIDGET (self)))
    mizan_compare_page_refresh (self);
}

static void
mizan_compare_page_map (GtkWidget *widget)
{
  MizanComparePage *self = MIZAN_COMPARE_PAGE (widget);

  GTK_WIDGET_CLASS (mizan_compare_page_parent_class)->map (widget);
  /* Assessments may have been created, imported or deleted meanwhile. */
  mizan_compare_page_refresh (self);
}

static void
mizan_compare_page_dispose (GObject *object)
{
  MizanComparePage *self = MIZAN_COMPARE_PAGE (object);

  mizan_gui_follow_session (self, &self->session, &self->changed_handler, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), MIZAN_TYPE_COMPARE_PAGE);
  mizan_gui_unparent_children (GTK_WIDGET (self));
  g_clear_object (&self->other);
  g_clear_object (&self->changes);
  g_clear_pointer (&self->comparison, mizan_comparison_free);
  g_clear_pointer (&self->choices, g_ptr_array_unref);

  G_OBJECT_CLASS (mizan_compare_page_parent_class)->dispose (object);
}

static void
mizan_compare_page_class_init (MizanComparePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mizan_compare_page_dispose;
  widget_class->map = mizan_compare_page_map;

  signals[SHOW_CAPABILITY] = mizan_gui_new_show_capability_signal (G_TYPE_FROM_CLASS (klass));

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/comstech/Mizan/mizan-compare-page.ui");
  gtk_widget_class_bind_template_child (widget_class, MizanComparePage, stack);
  gtk_widget_class_bind_template_child (widget_class, MizanComparePage, other_row);
  gtk_widget_class_bind_template_child (widget_class, MizanComparePage, index_row);
  gtk_widget_class_bind_template_child (widget_class, MizanComparePage, score_row);
  gtk_widget_class_bind_template_child (widget_class, MizanComparePage, completion_row);
  gtk_widget_class_bind_template_child (widget_class, MizanComparePage, index_delta);
  gtk_widget_class_bind_template_child (widget_class, MizanComparePage, score_delta);
  gtk_widget_class_bind_template_child (widget_class, MizanComparePage, completion_delta);
  gtk_widget_class_bind_template_child (widget_class, MizanComparePage, domain_list);
  gtk_widget_class_bind_template_child (widget_class, MizanComparePage, change_group);
  gtk_widget_class_bind_template_child (widget_class, MizanComparePage, change_list);
}

static void
mizan_compare_page_init (MizanComparePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  mizan_gui_combo_row_name_items (self->other_row);

  self->changes = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  gtk_list_box_bind_model (self->change_list, G_LIST_MODEL (self->changes), create_change_row, self, NULL);
  g_signal_connect (self->change_list, "row-activated", G_CALLBACK (on_change_activated), self);
  g_signal_connect_swapped (self->other_row, "notify::selected", G_CALLBACK (on_other_selected), self);
}
