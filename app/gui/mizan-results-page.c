/* mizan-results-page.c — an assessment's results: maturity index, domains, priorities, charts
 * Figures come from the session's MizanResults; nothing here scores anything itself. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <adwaita.h>

#include "mizan-gui.h"
#include "mizan-results-page.h"
#ifdef MIZAN_HAVE_RENDER
#include "mizan-chart-view.h"
#endif

struct _MizanResultsPage
{
  GtkWidget             parent_instance;

  MizanSession         *session;
  gulong                changed_handler;
  gboolean              dirty;
  guint                 idle_source;
  GPtrArray            *domain_rows;   /* AdwActionRow per domain, framework order */
  GPtrArray            *charts;        /* MizanChartView */

  GtkLabel             *index_label;
  GtkLabel             *index_caption;
  GtkLabel             *score_label;
  GtkLabel             *completion_label;
  GtkLabel             *completion_caption;
  GtkBox               *charts_box;
  AdwPreferencesGroup  *domains_group;
  AdwPreferencesGroup  *priorities_group;
  GtkListBox           *priorities_list;
  GtkLabel             *no_priorities_label;
  AdwPreferencesGroup  *unassessed_group;
  GtkListBox           *unassessed_list;
};

G_DEFINE_FINAL_TYPE (MizanResultsPage, mizan_results_page, GTK_TYPE_WIDGET)

enum {
  SHOW_CAPABILITY,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkWidget *
create_domain_row (const MizanDomain *domain,
                   guint              n_levels)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *index = gtk_label_new (NULL);
  GtkWidget *bar = gtk_level_bar_new_for_interval (0, n_levels);
  /* Translators: a domain in the results: id · title */
  g_autofree char *title = g_strdup_printf (_("%s · %s"), domain->id, mizan_text_localized (domain->title));
  g_autofree char *bar_label = NULL;

  /* Before the title: a title parsed as markup even once is mangled (and warns). */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_add_css_class (index, "title-4");
  gtk_widget_add_css_class (index, "numeric");
  gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
  gtk_widget_set_size_request (bar, 100, -1);
  gtk_level_bar_set_mode (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_MODE_CONTINUOUS);
  /* The bar's own offsets colour low values red; here low is not an error. */
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_FULL);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), bar);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), index);
  /* Translators: accessible name of a domain's index bar in the results */
  bar_label = g_strdup_printf (_("Index of %s"), mizan_text_localized (domain->title));
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL, bar_label, -1);
  g_object_set_data (G_OBJECT (row), "mizan-index", index);
  g_object_set_data (G_OBJECT (row), "mizan-bar", bar);
  return row;
}

static void
update_domain_row (GtkWidget               *row,
                   const MizanDomainResult *result)
{
  GtkWidget *index = g_object_get_data (G_OBJECT (row), "mizan-index");
  GtkWidget *bar = g_object_get_data (G_OBJECT (row), "mizan-bar");
  g_autofree char *subtitle = NULL;
  g_autofree char *percent = mizan_gui_format_percent (result->completion);
  g_autofree char *accessible = NULL;

  if (result->applicable)
    {
      g_autofree char *index_text = mizan_gui_format_index (result->index);
      g_autofree char *target_text = mizan_gui_format_index (result->target);

      if (result->provisional)
        /* Translators: a domain's level, target and completion in the results,
         * while some of its capabilities are not fully assessed */
        subtitle = g_strdup_printf (_("Level %u · provisional · target %s · %s answered"),
                                    result->level, target_text, percent);
      else
        /* Translators: a domain's level, target and completion in the results */
        subtitle = g_strdup_printf (_("Level %u · target %s · %s answered"), result->level, target_text, percent);
      gtk_label_set_label (GTK_LABEL (index), index_text);
      gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), result->index);
      accessible = result->provisional
        /* Translators: accessible text of a domain's index in the results, not final yet */
        ? g_strdup_printf (_("Index %s, provisional"), index_text)
        /* Translators: accessible text of a domain's index in the results */
        : g_strdup_printf (_("Index %s"), index_text);
    }
  else
    {
      subtitle = g_strdup_printf (_("Not applicable · %s answered"), percent);
      gtk_label_set_label (GTK_LABEL (index), "—");
      gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), 0);
      accessible = g_strdup (_("Not applicable"));
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_visible (bar, result->applicable);
  gtk_accessible_update_property (GTK_ACCESSIBLE (index), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

/* @provisional: the figure of an assessment under way, and said so. */
static void
set_figure_name (GtkLabel   *label,
                 const char *what,
                 gboolean    provisional)
{
  /* Translators: a headline figure's value while the assessment is under way, e.g. "2.35, provisional" */
  g_autofree char *value = provisional ? g_strdup_printf (_("%s, provisional"), gtk_label_get_label (label))
                                       : g_strdup (gtk_label_get_label (label));
  /* Translators: accessible name of a headline figure, e.g. "Maturity index: 2.35" */
  g_autofree char *name = g_strdup_printf (_("%s: %s"), what, value);

  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static void
on_priority_activated (AdwActionRow     *row,
                       MizanResultsPage *self)
{
  mizan_gui_row_show_question (self, signals[SHOW_CAPABILITY], GTK_LIST_BOX_ROW (row));
}

static GtkWidget *
create_priority_row (MizanResultsPage            *self,
                     const MizanPriority         *priority,
                     const MizanCapabilityResult *result)
{
  const MizanCapability *capability = priority->capability;
  GtkWidget *row;
  /* Translators: a capability's id and title; in a right-to-left language start with a right-to-left mark */
  g_autofree char *title = g_strdup_printf (_("%s %s"), capability->id, mizan_text_localized (capability->title));
  g_autofree char *subtitle = NULL;
  g_autofree char *gap_text = NULL;
  const MizanPractice *first_open = NULL;

  if (priority->provisional)
    {
      g_autofree char *level = mizan_gui_format_level (result);

      /* Translators: a not yet assessed capability's provisional level
       * ("1 · provisional — 5 practices not assessed"), its target, then its domain */
      subtitle = g_strdup_printf (_("Level %s · target %u · %s"), level, result->target,
                                  mizan_text_localized (capability->domain->title));
      /* An upper bound: answering can only raise the level. */
      gap_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "up to %u level to go", "up to %u levels to go",
                                               priority->gap),
                                  priority->gap);
      first_open = mizan_gui_first_unassessed (self->session, result);
    }
  else
    {
      /* Translators: a priority's level and target, then its domain */
      subtitle = g_strdup_printf (_("Level %u, target %u · %s"), result->level, result->target,
                                  mizan_text_localized (capability->domain->title));
      gap_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u level to go", "%u levels to go", priority->gap),
                                  priority->gap);
    }

  row = mizan_gui_question_row_new (title, subtitle, gap_text, capability->id,
                                    first_open != NULL ? first_open->id : NULL);
  g_signal_connect (row, "activated", G_CALLBACK (on_priority_activated), self);
  return row;
}

void
mizan_results_page_refresh (MizanResultsPage *self)
{
  const MizanResults *results;
  MizanFramework *framework;
  g_autofree char *caption = NULL;
  g_autofree char *completion_caption = NULL;
  guint n_levels;
  gint64 begin = g_get_monotonic_time ();

  g_return_if_fail (MIZAN_IS_RESULTS_PAGE (self));

  g_clear_handle_id (&self->idle_source, g_source_remove);
  self->dirty = FALSE;
  if (self->session == NULL)
    return;

  results = mizan_session_get_results (self->session);
  framework = mizan_session_get_framework (self->session);
  n_levels = mizan_framework_get_n_levels (framework);

  if (results->applicable)
    {
      g_autofree char *index = mizan_gui_format_index (results->index);
      g_autofree char *score = mizan_gui_format_percent (results->score);

      gtk_label_set_label (self->index_label, index);
      gtk_label_set_label (self->score_label, score);
    }
  else
    {
      gtk_label_set_label (self->index_label, "—");
      gtk_label_set_label (self->score_label, "—");
    }
  /* GtkLabel names itself after its text; these names say what the figure is. */
  set_figure_name (self->index_label, _("Maturity index"), results->provisional);
  set_figure_name (self->score_label, _("Score"), results->provisional);

  if (results->provisional)
    caption = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            /* Translators: caption of the headline figure while the
                                             * assessment is under way; the first %u is the top level */
                                            "Provisional maturity index, from 0 to %u · %u practice not assessed yet",
                                            "Provisional maturity index, from 0 to %u · %u practices not assessed yet",
                                            results->unassessed),
                               n_levels, results->unassessed);
  else
    /* Translators: caption of the headline figure; %u is the top level */
    caption = g_strdup_printf (_("Maturity index, from 0 to %u"), n_levels);
  gtk_label_set_label (self->index_caption, caption);

  {
    g_autofree char *completion = mizan_gui_format_percent (results->completion);

    gtk_label_set_label (self->completion_label, completion);
    set_figure_name (self->completion_label, _("Answered"), FALSE);
  }
  completion_caption = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                     "%u of %u practice answered",
                                                     "%u of %u practices answered", results->total),
                                        results->answered, results->total);
  gtk_label_set_label (self->completion_caption, completion_caption);

  for (guint i = 0; i < results->n_domains && i < self->domain_rows->len; i++)
    update_domain_row (g_ptr_array_index (self->domain_rows, i), &results->domains[i]);

  /* The assessed rank first; the not yet assessed are listed apart, since
   * ranking their provisional gaps would put what nobody looked at first. */
  mizan_gui_list_box_clear (self->priorities_list);
  mizan_gui_list_box_clear (self->unassessed_list);
  for (guint i = 0; i < results->n_priorities; i++)
    {
      const MizanPriority *priority = &results->priorities[i];

      gtk_list_box_append (priority->provisional ? self->unassessed_list : self->priorities_list,
                           create_priority_row (self, priority, &results->capabilities[priority->capability->index]));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->priorities_list), results->n_assessed_priorities > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->no_priorities_label), results->n_assessed_priorities == 0);
  gtk_label_set_label (self->no_priorities_label,
                       results->n_priorities > 0 ? _("No assessed capability is below its target.")
                                                 : _("Every capability has reached its target."));
  gtk_widget_set_visible (GTK_WIDGET (self->unassessed_group), results->n_priorities > results->n_assessed_priorities);
  g_debug ("Results refreshed in %.1f ms", (g_get_monotonic_time () - begin) / 1000.0);

}

static gboolean
refresh_idle (gpointer user_data)
{
  MizanResultsPage *self = user_data;

  self->idle_source = 0;
  mizan_results_page_refresh (self);
  return G_SOURCE_REMOVE;
}

static void
on_session_changed (MizanResultsPage *self)
{
  /* Off screen, the work waits until the page is shown; on screen, a burst
   * of changes is drawn once. */
  self->dirty = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) && self->idle_source == 0)
    self->idle_source = g_idle_add (refresh_idle, self);
}

static void
clear_domains (MizanResultsPage *self)
{
  for (guint i = 0; i < self->domain_rows->len; i++)
    adw_preferences_group_remove (self->domains_group, g_ptr_array_index (self->domain_rows, i));
  g_ptr_array_set_size (self->domain_rows, 0);
}

void
mizan_results_page_set_session (MizanResultsPage *self,
                                MizanSession     *session)
{
  MizanFramework *framework;

  g_return_if_fail (MIZAN_IS_RESULTS_PAGE (self));
  g_return_if_fail (session == NULL || MIZAN_IS_SESSION (session));

  if (self->session == session)
    return;

  mizan_gui_follow_session (self, &self->session, &self->changed_handler, NULL, NULL);
  g_clear_handle_id (&self->idle_source, g_source_remove);
  clear_domains (self);
  mizan_gui_list_box_clear (self->priorities_list);
  mizan_gui_list_box_clear (self->unassessed_list);

#ifdef MIZAN_HAVE_RENDER
  for (guint i = 0; i < self->charts->len; i++)
    mizan_chart_view_set_session (g_ptr_array_index (self->charts, i), session);
#endif

  if (session == NULL)
    return;

  framework = mizan_session_get_framework (session);
  for (guint i = 0; i < mizan_framework_get_n_domains (framework); i++)
    {
      GtkWidget *row = create_domain_row (mizan_framework_get_domain (framework, i),
                                          mizan_framework_get_n_levels (framework));

      adw_preferences_group_add (self->domains_group, row);
      g_ptr_array_add (self->domain_rows, row);
    }

  mizan_gui_follow_session (self, &self->session, &self->changed_handler, session,
                            G_CALLBACK (on_session_changed));
  self->dirty = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    mizan_results_page_refresh (self);
}

const char *
mizan_results_page_get_index_text (MizanResultsPage *self)
{
  g_return_val_if_fail (MIZAN_IS_RESULTS_PAGE (self), NULL);
  return gtk_label_get_label (self->index_label);
}

GtkListBox *
mizan_results_page_get_priorities (MizanResultsPage *self)
{
  g_return_val_if_fail (MIZAN_IS_RESULTS_PAGE (self), NULL);
  return self->priorities_list;
}

GtkListBox *
mizan_results_page_get_unassessed (MizanResultsPage *self)
{
  g_return_val_if_fail (MIZAN_IS_RESULTS_PAGE (self), NULL);
  return self->unassessed_list;
}

static void
mizan_results_page_map (GtkWidget *widget)
{
  MizanResultsPage *self = MIZAN_RESULTS_PAGE (widget);

  GTK_WIDGET_CLASS (mizan_results_page_parent_class)->map (widget);
  if (self->dirty)
    mizan_results_page_refresh (self);
}

static void
mizan_results_page_dispose (GObject *object)
{
  MizanResultsPage *self = MIZAN_RESULTS_PAGE (object);

  if (self->domains_group != NULL)
    mizan_results_page_set_session (self, NULL);
  g_clear_handle_id (&self->idle_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), MIZAN_TYPE_RESULTS_PAGE);
  mizan_gui_unparent_children (GTK_WIDGET (self));
  g_clear_object (&self->session);

  G_OBJECT_CLASS (mizan_results_page_parent_class)->dispose (object);
}

static void
mizan_results_page_finalize (GObject *object)
{
  MizanResultsPage *self = MIZAN_RESULTS_PAGE (object);

  g_clear_pointer (&self->domain_rows, g_ptr_array_unref);
  g_clear_pointer (&self->charts, g_ptr_array_unref);

  G_OBJECT_CLASS (mizan_results_page_parent_class)->finalize (object);
}

static void
mizan_results_page_class_init (MizanResultsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mizan_results_page_dispose;
  object_class->finalize = mizan_results_page_finalize;
  widget_class->map = mizan_results_page_map;

  signals[SHOW_CAPABILITY] = mizan_gui_new_show_capability_signal (G_TYPE_FROM_CLASS (klass));

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/comstech/Mizan/mizan-results-page.ui");
  gtk_widget_class_bind_template_child (widget_class, MizanResultsPage, index_label);
  gtk_widget_class_bind_template_child (widget_class, MizanResultsPage, index_caption);
  gtk_widget_class_bind_template_child (widget_class, MizanResultsPage, score_label);
  gtk_widget_class_bind_template_child (widget_class, MizanResultsPage, completion_label);
  gtk_widget_class_bind_template_child (widget_class, MizanResultsPage, completion_caption);
  gtk_widget_class_bind_template_child (widget_class, MizanResultsPage, charts_box);
  gtk_widget_class_bind_template_child (widget_class, MizanResultsPage, domains_group);
  gtk_widget_class_bind_template_child (widget_class, MizanResultsPage, priorities_group);
  gtk_widget_class_bind_template_child (widget_class, MizanResultsPage, priorities_list);
  gtk_widget_class_bind_template_child (widget_class, MizanResultsPage, no_priorities_label);
  gtk_widget_class_bind_template_child (widget_class, MizanResultsPage, unassessed_group);
  gtk_widget_class_bind_template_child (widget_class, MizanResultsPage, unassessed_list);
}

static void
mizan_results_page_init (MizanResultsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->domain_rows = g_ptr_array_new ();
  self->charts = g_ptr_array_new ();

#ifdef MIZAN_HAVE_RENDER
  {
    GtkWidget *pair = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
    const MizanChartKind kinds[] = { MIZAN_CHART_RADAR, MIZAN_CHART_GAP_BARS, MIZAN_CHART_HEAT_MAP };

    gtk_box_set_homogeneous (GTK_BOX (pair), TRUE);
    gtk_box_append (self->charts_box, pair);
    for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
      {
        GtkWidget *chart = mizan_chart_view_new (kinds[i]);
        GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

        gtk_widget_add_css_class (card, "card");
        gtk_widget_add_css_class (card, "mizan-chart-card");
        /* The pair side by side share a height; each chart sits in the middle of its card. */
        gtk_widget_set_valign (card, kinds[i] == MIZAN_CHART_HEAT_MAP ? GTK_ALIGN_START : GTK_ALIGN_FILL);
        gtk_widget_set_valign (chart, GTK_ALIGN_CENTER);
        gtk_widget_set_vexpand (chart, TRUE);
        gtk_box_append (GTK_BOX (card), chart);
        gtk_box_append (kinds[i] == MIZAN_CHART_HEAT_MAP ? self->charts_box : GTK_BOX (pair), card);
        g_ptr_array_add (self->charts, chart);
      }
    gtk_widget_set_visible (GTK_WIDGET (self->charts_box), TRUE);
  }
#endif
}
