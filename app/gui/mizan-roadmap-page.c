/* mizan-roadmap-page.c — the roadmap: what to do next to reach the targets
 * Each action is a practice's guidance; activating one opens it in the questionnaire.
 * Unanswered practices are no actions: each capability says how many are left to assess. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <adwaita.h>

#include "mizan-gui.h"
#include "mizan-roadmap-page.h"

struct _MizanRoadmapPage
{
  GtkWidget            parent_instance;

  MizanSession        *session;
  gulong               changed_handler;
  gboolean             dirty;

  GtkStack            *stack;
  AdwPreferencesGroup *assess_group;
  GtkListBox          *assess_list;
  AdwPreferencesGroup *next_group;
  AdwPreferencesGroup *then_group;
  AdwPreferencesGroup *later_group;
  GtkListBox          *next_list;
  GtkListBox          *then_list;
  GtkListBox          *later_list;
};

G_DEFINE_FINAL_TYPE (MizanRoadmapPage, mizan_roadmap_page, GTK_TYPE_WIDGET)

enum {
  SHOW_CAPABILITY,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

GtkListBox *
mizan_roadmap_page_get_list (MizanRoadmapPage *self,
                             MizanPhase        phase)
{
  g_return_val_if_fail (MIZAN_IS_ROADMAP_PAGE (self), NULL);

  switch (phase)
    {
    case MIZAN_PHASE_NEXT:
      return self->next_list;
    case MIZAN_PHASE_THEN:
      return self->then_list;
    case MIZAN_PHASE_LATER:
    default:
      return self->later_list;
    }
}

static GtkWidget *
wrapped_label (const char *text,
               const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
create_item_row (MizanFramework         *framework,
                 const MizanRoadmapItem *item)
{
  const MizanPractice *practice = item->practice;
  const MizanCapability *capability = practice->capability;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  /* Only partially or not: unanswered practices are to assess, not actions. */
  const char *status = mizan_status_get_label (item->status);
  g_autofree char *where = NULL;
  g_autofree char *practice_line = NULL;
  g_autofree char *accessible = NULL;
  const char *action;

  /* Translators: where a roadmap action comes from: capability id and title · level N name · status */
  where = g_strdup_printf (_("%s %s · Level %u %s · %s"),
                           capability->id, mizan_text_localized (capability->title),
                           practice->level,
                           mizan_text_localized (mizan_framework_get_level (framework, practice->level)->name),
                           status);
  /* Translators: a practice's id and text; in a right-to-left language start with a right-to-left mark */
  practice_line = g_strdup_printf (_("%s · %s"), practice->id, mizan_text_localized (practice->text));
  action = practice->guidance != NULL ? mizan_text_localized (practice->guidance)
                                      : mizan_text_localized (practice->text);

  gtk_box_append (GTK_BOX (box), wrapped_label (action, "heading"));
  if (practice->guidance != NULL)
    gtk_box_append (GTK_BOX (box), wrapped_label (practice_line, NULL));
  gtk_box_append (GTK_BOX (box), wrapped_label (where, "dim-label"));
  gtk_widget_add_css_class (box, "mizan-roadmap-item");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  accessible = g_strdup_printf ("%s. %s. %s", action, practice_line, where);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  mizan_gui_row_set_question (GTK_LIST_BOX_ROW (row), capability->id, practice->id);
  return row;
}

static GtkWidget *
create_assess_row (MizanRoadmapPage           *self,
                   const MizanRoadmapToAssess *entry)
{
  const MizanResults *results = mizan_session_get_results (self->session);
  const MizanCapabilityResult *result = &results->capabilities[entry->capability->index];
  const MizanCapability *capability = entry->capability;
  const MizanPractice *first = mizan_gui_first_unassessed (self->session, result);
  /* Translators: a capability's id and title; in a right-to-left language start with a right-to-left mark */
  g_autofree char *title = g_strdup_printf (_("%s %s"), capability->id, mizan_text_localized (capability->title));
  g_autofree char *count_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u practice to assess",
                                                              "%u practices to assess", entry->n_practices),
                                                 entry->n_practices);
  /* Translators: a capability still to assess on the roadmap: its provisional level, its target */
  g_autofree char *subtitle = g_strdup_printf (_("Level %u · provisional · target %u"), result->level, result->target);

  return mizan_gui_question_row_new (title, subtitle, count_text, capability->id,
                                     first != NULL ? first->id : NULL);
}

static void
on_row_activated (GtkListBox       *list_box,
                  GtkListBoxRow    *row,
                  MizanRoadmapPage *self)
{
  mizan_gui_row_show_question (self, signals[SHOW_CAPABILITY], row);
}

void
mizan_roadmap_page_refresh (MizanRoadmapPage *self)
{
  const MizanResults *results;
  MizanFramework *framework;
  guint counts[MIZAN_PHASE_LATER + 1] = { 0, };
  AdwPreferencesGroup *groups[] = { NULL, self->next_group, self->then_group, self->later_group };
  gint64 begin = g_get_monotonic_time ();

  g_return_if_fail (MIZAN_IS_ROADMAP_PAGE (self));

  self->dirty = FALSE;
  for (MizanPhase phase = MIZAN_PHASE_NEXT; phase <= MIZAN_PHASE_LATER; phase++)
    mizan_gui_list_box_clear (mizan_roadmap_page_get_list (self, phase));
  mizan_gui_list_box_clear (self->assess_list);
  if (self->session == NULL)
    return;

  results = mizan_session_get_results (self->session);
  framework = mizan_session_get_framework (self->session);
  for (guint i = 0; i < results->n_roadmap; i++)
    {
      const MizanRoadmapItem *item = &results->roadmap[i];
      MizanPhase phase = CLAMP (item->phase, MIZAN_PHASE_NEXT, MIZAN_PHASE_LATER);

      gtk_list_box_append (mizan_roadmap_page_get_list (self, phase), create_item_row (framework, item));
      counts[phase]++;
    }

  /* First: until they are answered, the actions below are not the whole plan. */
  for (guint i = 0; i < results->n_to_assess; i++)
    gtk_list_box_append (self->assess_list, create_assess_row (self, &results->to_assess[i]));
  if (results->n_to_assess > 0)
    {
      g_autofree char *description =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "%u practice up to the targets is not answered yet. Unanswered practices are not actions: assess them first, and the roadmap completes itself.",
                                      "%u practices up to the targets are not answered yet. Unanswered practices are not actions: assess them first, and the roadmap completes itself.",
                                      results->unassessed),
                         results->unassessed);

      adw_preferences_group_set_description (self->assess_group, description);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->assess_group), results->n_to_assess > 0);

  for (MizanPhase phase = MIZAN_PHASE_NEXT; phase <= MIZAN_PHASE_LATER; phase++)
    {
      g_autofree char *description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u action", "%u actions", counts[phase]),
                                                      counts[phase]);

      adw_preferences_group_set_description (groups[phase], description);
      gtk_widget_set_visible (GTK_WIDGET (groups[phase]), counts[phase] > 0);
    }
  gtk_stack_set_visible_child_name (self->stack, results->n_roadmap > 0 || results->n_to_assess > 0 ? "roadmap" : "empty");
  g_debug ("Roadmap of %u actions built in %.1f ms", results->n_roadmap,
           (g_get_monotonic_time () - begin) / 1000.0);
}

static void
on_session_changed (MizanRoadmapPage *self)
{
  self->dirty = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    mizan_roadmap_page_refresh (self);
}

void
mizan_roadmap_page_set_session (MizanRoadmapPage *self,
                                MizanSession     *session)
{
  g_return_if_fail (MIZAN_IS_ROADMAP_PAGE (self));
  g_return_if_fail (session == NULL || MIZAN_IS_SESSION (session));

  if (self->session == session)
    return;

  mizan_gui_follow_session (self, &self->session, &self->changed_handler, session,
                            G_CALLBACK (on_session_changed));
  self->dirty = TRUE;
  if (session == NULL || gtk_widget_get_mapped (GTK_WIDGET (self)))
    mizan_roadmap_page_refresh (self);
}

static void
mizan_roadmap_page_map (GtkWidget *widget)
{
  MizanRoadmapPage *self = MIZAN_ROADMAP_PAGE (widget);

  GTK_WIDGET_CLASS (mizan_roadmap_page_parent_class)->map (widget);
  if (self->dirty)
    mizan_roadmap_page_refresh (self);
}

static void
mizan_roadmap_page_dispose (GObject *object)
{
  MizanRoadmapPage *self = MIZAN_ROADMAP_PAGE (object);

  mizan_gui_follow_session (self, &self->session, &self->changed_handler, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), MIZAN_TYPE_ROADMAP_PAGE);
  mizan_gui_unparent_children (GTK_WIDGET (self));

  G_OBJECT_CLASS (mizan_roadmap_page_parent_class)->dispose (object);
}

static void
mizan_roadmap_page_class_init (MizanRoadmapPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mizan_roadmap_page_dispose;
  widget_class->map = mizan_roadmap_page_map;

  signals[SHOW_CAPABILITY] = mizan_gui_new_show_capability_signal (G_TYPE_FROM_CLASS (klass));

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/comstech/Mizan/mizan-roadmap-page.ui");
  gtk_widget_class_bind_template_child (widget_class, MizanRoadmapPage, stack);
  gtk_widget_class_bind_template_child (widget_class, MizanRoadmapPage, assess_group);
  gtk_widget_class_bind_template_child (widget_class, MizanRoadmapPage, assess_list);
  gtk_widget_class_bind_template_child (widget_class, MizanRoadmapPage, next_group);
  gtk_widget_class_bind_template_child (widget_class, MizanRoadmapPage, then_group);
  gtk_widget_class_bind_template_child (widget_class, MizanRoadmapPage, later_group);
  gtk_widget_class_bind_template_child (widget_class, MizanRoadmapPage, next_list);
  gtk_widget_class_bind_template_child (widget_class, MizanRoadmapPage, then_list);
  gtk_widget_class_bind_template_child (widget_class, MizanRoadmapPage, later_list);
}

static void
mizan_roadmap_page_init (MizanRoadmapPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (MizanPhase phase = MIZAN_PHASE_NEXT; phase <= MIZAN_PHASE_LATER; phase++)
    g_signal_connect (mizan_roadmap_page_get_list (self, phase), "row-activated",
                      G_CALLBACK (on_row_activated), self);
  g_signal_connect (self->assess_list, "row-activated", G_CALLBACK (on_row_activated), self);
}
