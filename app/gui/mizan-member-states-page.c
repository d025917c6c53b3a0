/* mizan-member-states-page.c — the Member states page (analyst token): a map and a table per member state
 * The map is coloured by the chosen figure: the mean index, the mean score, or one domain's mean index. */
#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>
#include <adwaita.h>

#include "mizan-benchmark-chart.h"
#include "mizan-countries.h"
#include "mizan-gui.h"
#include "mizan-member-states-page.h"
#include "mizan-sharing.h"

struct _MizanMemberStatesPage
{
  GtkWidget            parent_instance;

  MizanSession        *session;
  GCancellable        *cancellable;
  MizanCountryTable   *table_data;

  GtkStack            *stack;
  AdwStatusPage       *off_page;
  AdwStatusPage       *error_page;
  AdwComboRow         *figure_row;
  MizanBenchmarkChart *map;
  GtkLabel            *note_label;
  GtkGrid             *table;
};

G_DEFINE_FINAL_TYPE (MizanMemberStatesPage, mizan_member_states_page, GTK_TYPE_WIDGET)

static const MizanCountryDomain *
find_domain (const MizanCountryRow *row,
             const char            *id)
{
  for (guint i = 0; i < row->domains->len; i++)
    {
      const MizanCountryDomain *d = g_ptr_array_index (row->domains, i);

      if (g_strcmp0 (d->id, id) == 0)
        return d;
    }
  return NULL;
}

/* Choice 0: mean index; 1: mean score (%); 2 + i: domain i's mean index. */
static gboolean
figure_of (MizanMemberStatesPage *self,
           const MizanCountryRow *row,
           guint                  choice,
           double                *value)
{
  MizanFramework *framework = mizan_session_get_framework (self->session);

  if (row->suppressed)
    return FALSE;
  if (choice == 0)
    *value = row->mean_index;
  else if (choice == 1)
    *value = row->mean_score * 100;
  else
    {
      MizanDomain *domain = mizan_framework_get_domain (framework, choice - 2);
      const MizanCountryDomain *d = domain ? find_domain (row, domain->id) : NULL;

      if (d == NULL || d->suppressed)
        return FALSE;
      *value = d->mean_index;
    }
  return TRUE;
}

static void
update_map (MizanMemberStatesPage *self)
{
  MizanFramework *framework;
  g_autofree MizanMapCountry *countries = NULL;
  g_autofree char *title = NULL;
  guint choice, n;
  double low, high;

  if (self->table_data == NULL || self->session == NULL)
    return;
  framework = mizan_session_get_framework (self->session);
  choice = adw_combo_row_get_selected (self->figure_row);
  if (choice == GTK_INVALID_LIST_POSITION)
    choice = 0;

  n = self->table_data->countries->len;
  countries = g_new0 (MizanMapCountry, n);
  for (guint i = 0; i < n; i++)
    {
      const MizanCountryRow *row = g_ptr_array_index (self->table_data->countries, i);

      countries[i].country = row->country;
      countries[i].state = figure_of (self, row, choice, &countries[i].value) ? MIZAN_MAP_VALUE
                                                                            : MIZAN_MAP_SUPPRESSED;
    }
  /* The scale spans the figures shown, in whole halves (or tens of
   * percent), so that close states still look different. */
  low = G_MAXDOUBLE;
  high = -G_MAXDOUBLE;
  for (guint i = 0; i < n; i++)
    if (countries[i].state == MIZAN_MAP_VALUE)
      {
        low = MIN (low, countries[i].value);
        high = MAX (high, countries[i].value);
      }
  {
    double step = choice == 1 ? 10 : 0.5;

    if (low > high)
      low = high = 0;
    low = floor (low / step) * step;
    high = MAX (ceil (high / step) * step, low + step);
  }
  title = choice == 0 ? g_strdup (_("Mean maturity index"))
        : choice == 1 ? g_strdup (_("Mean score (%)"))
        /* Translators: %s is a domain's title */
        : g_strdup_printf (_("Mean index: %s"),
                           mizan_text_localized (mizan_framework_get_domain (framework, choice - 2)->title));
  mizan_benchmark_chart_set_map (self->map, countries, n, low, high, title);
}

static GtkWidget *
cell (const char *text,
      gboolean    header,
      gboolean    number)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), number ? 1.0 : 0.0);
  if (header)
    gtk_widget_add_css_class (label, "heading");
  if (number)
    gtk_widget_add_css_class (label, "numeric");
  return label;
}

static void
fill_table (MizanMemberStatesPage *self)
{
  MizanFramework *framework = mizan_session_get_framework (self->session);
  guint n_domains = mizan_framework_get_n_domains (framework);
  GtkWidget *child;
  guint shown = 0;
  g_autofree char *note = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->table))) != NULL)
    gtk_grid_remove (self->table, child);

  gtk_grid_attach (self->table, cell (_("Member state"), TRUE, FALSE), 0, 0, 1, 1);
  gtk_grid_attach (self->table, cell (_("Submissions"), TRUE, TRUE), 1, 0, 1, 1);
  gtk_grid_attach (self->table, cell (_("Mean index"), TRUE, TRUE), 2, 0, 1, 1);
  for (guint d = 0; d < n_domains; d++)
    {
      MizanDomain *domain = mizan_framework_get_domain (framework, d);
      GtkWidget *header = cell (domain->id, TRUE, TRUE);

      gtk_widget_set_tooltip_text (header, mizan_text_localized (domain->title));
      gtk_grid_attach (self->table, header, 3 + d, 0, 1, 1);
    }

  for (guint i = 0; i < self->table_data->countries->len; i++)
    {
      const MizanCountryRow *row = g_ptr_array_index (self->table_data->countries, i);
      const char *name = mizan_country_get_name (row->country);
      int y = i + 1;

      gtk_grid_attach (self->table, cell (name ? name : row->country, FALSE, FALSE), 0, y, 1, 1);
      if (row->suppressed)
        {
          g_autofree char *text = g_strdup_printf (_("Fewer than %u submissions"), self->table_data->k);
          GtkWidget *label = cell (text, FALSE, FALSE);

          gtk_widget_add_css_class (label, "dim-label");
          gtk_grid_attach (self->table, label, 1, y, 2 + n_domains, 1);
          continue;
        }
      shown++;
      {
        g_autofree char *n = g_strdup_printf ("%u", row->n);
        g_autofree char *index = mizan_gui_format_index (row->mean_index);

        gtk_grid_attach (self->table, cell (n, FALSE, TRUE), 1, y, 1, 1);
        gtk_grid_attach (self->table, cell (index, FALSE, TRUE), 2, y, 1, 1);
      }
      for (guint d = 0; d < n_domains; d++)
        {
          const MizanCountryDomain *cd = find_domain (row, mizan_framework_get_domain (framework, d)->id);
          g_autofree char *text = cd && !cd->suppressed ? mizan_gui_format_index (cd->mean_index) : g_strdup ("—");

          gtk_grid_attach (self->table, cell (text, FALSE, TRUE), 3 + d, y, 1, 1);
        }
    }

  note = g_strdup_printf (_("%u of %u member states have at least %u submissions. The others show no figures, so that no organization can be singled out."),
                          shown, self->table_data->countries->len, self->table_data->k);
  gtk_label_set_label (self->note_label, note);
}

static void
on_countries (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  MizanMemberStatesPage *self = user_data;
  g_autoptr(GError) error = NULL;
  MizanCountryTable *table;

  table = mizan_sync_client_countries_finish (MIZAN_SYNC_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (table == NULL)
    {
      if (g_error_matches (error, MIZAN_SYNC_ERROR, MIZAN_SYNC_ERROR_FORBIDDEN))
        {
          adw_status_page_set_title (self->error_page, _("An Analyst Token Is Needed"));
          adw_status_page_set_description (self->error_page,
                                           _("Only COMSTECH analysts compare member states. Your token lets you share scores and see the benchmark."));
        }
      else
        {
          adw_status_page_set_title (self->error_page, _("The Member States Cannot Be Shown"));
          adw_status_page_set_description (self->error_page, error->message);
        }
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }
  g_clear_pointer (&self->table_data, mizan_country_table_free);
  self->table_data = table;
  fill_table (self);
  update_map (self);
  gtk_stack_set_visible_child_name (self->stack, "table");
}

void
mizan_member_states_page_refresh (MizanMemberStatesPage *self)
{
  g_autoptr(MizanSyncClient) client = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (MIZAN_IS_MEMBER_STATES_PAGE (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->session == NULL)
    return;

  client = mizan_sharing_new_client (mizan_sharing_get_preferences (), &error);
  if (client == NULL)
    {
      adw_status_page_set_description (self->off_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "off");
      return;
    }
  self->cancellable = g_cancellable_new ();
  if (self->table_data == NULL)
    gtk_stack_set_visible_child_name (self->stack, "loading");
  /* Member states are compared on the version of the model this assessment
   * uses: each version is benchmarked on its own. */
  mizan_sync_client_countries_async (client, mizan_framework_get_id (mizan_session_get_framework (self->session)),
                                     mizan_framework_get_version (mizan_session_get_framework (self->session)),
                                     self->cancellable, on_countries, self);
}

const char *
mizan_member_states_page_get_state (MizanMemberStatesPage *self)
{
  g_return_val_if_fail (MIZAN_IS_MEMBER_STATES_PAGE (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

void
mizan_member_states_page_set_session (MizanMemberStatesPage *self,
                                      MizanSession          *session)
{
  g_autoptr(GtkStringList) figures = NULL;

  g_return_if_fail (MIZAN_IS_MEMBER_STATES_PAGE (self));

  if (self->session == session)
    return;
  g_set_object (&self->session, session);
  g_clear_pointer (&self->table_data, mizan_country_table_free);
  if (session == NULL)
    return;

  figures = gtk_string_list_new (NULL);
  gtk_string_list_append (figures, _("Mean maturity index"));
  gtk_string_list_append (figures, _("Mean score"));
  for (guint d = 0; d < mizan_framework_get_n_domains (mizan_session_get_framework (session)); d++)
    {
      MizanDomain *domain = mizan_framework_get_domain (mizan_session_get_framework (session), d);

      gtk_string_list_append (figures, mizan_text_localized (domain->title));
    }
  adw_combo_row_set_model (self->figure_row, G_LIST_MODEL (figures));
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    mizan_member_states_page_refresh (self);
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  mizan_member_states_page_refresh (MIZAN_MEMBER_STATES_PAGE (widget));
}

static void
mizan_member_states_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (mizan_member_states_page_parent_class)->map (widget);
  mizan_member_states_page_refresh (MIZAN_MEMBER_STATES_PAGE (widget));
}

static void
mizan_member_states_page_dispose (GObject *object)
{
  MizanMemberStatesPage *self = MIZAN_MEMBER_STATES_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->session);
  g_clear_pointer (&self->table_data, mizan_country_table_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), MIZAN_TYPE_MEMBER_STATES_PAGE);
  mizan_gui_unparent_children (GTK_WIDGET (self));

  G_OBJECT_CLASS (mizan_member_states_page_parent_class)->dispose (object);
}

static void
mizan_member_states_page_class_init (MizanMemberStatesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mizan_member_states_page_dispose;
  widget_class->map = mizan_member_states_page_map;

  g_type_ensure (MIZAN_TYPE_BENCHMARK_CHART);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/comstech/Mizan/mizan-member-states-page.ui");
  gtk_widget_class_bind_template_child (widget_class, MizanMemberStatesPage, stack);
  gtk_widget_class_bind_template_child (widget_class, MizanMemberStatesPage, off_page);
  gtk_widget_class_bind_template_child (widget_class, MizanMemberStatesPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, MizanMemberStatesPage, figure_row);
  gtk_widget_class_bind_template_child (widget_class, MizanMemberStatesPage, map);
  gtk_widget_class_bind_template_child (widget_class, MizanMemberStatesPage, note_label);
  gtk_widget_class_bind_template_child (widget_class, MizanMemberStatesPage, table);
  gtk_widget_class_install_action (widget_class, "member-states.refresh", NULL, refresh_action);
}

static void
mizan_member_states_page_init (MizanMemberStatesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  mizan_gui_combo_row_name_items (self->figure_row);
  g_signal_connect_swapped (self->figure_row, "notify::selected", G_CALLBACK (update_map), self);
  mizan_gui_fix_mnemonic_names (GTK_WIDGET (self));
}
