/* mizan-country-row.c — a preferences row that picks a country from the iso-codes list
 * A popover with a search entry over a filtered list; selecting a row chooses it. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mizan-countries.h"
#include "mizan-country-row.h"
#include "mizan-session.h"

struct _MizanCountryRow
{
  AdwActionRow        parent_instance;

  char               *country;
  char               *needle;
  GtkFilterListModel *filtered;
  gboolean            updating;

  GtkMenuButton      *menu_button;
  GtkPopover         *popover;
  GtkSearchEntry     *search_entry;
  GtkListBox         *list_box;
};

G_DEFINE_FINAL_TYPE (MizanCountryRow, mizan_country_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_COUNTRY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static int
compare_names (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  GHashTable *keys = user_data;

  return strcmp (g_hash_table_lookup (keys, *(const char * const *) a),
                 g_hash_table_lookup (keys, *(const char * const *) b));
}

/* Codes sorted by their name in the user's language, as a person looks for them. */
static GtkStringList *
create_country_list (void)
{
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GPtrArray) codes = g_ptr_array_new ();
  const MizanCountry *countries;
  guint n_countries;

  countries = mizan_countries_get_all (&n_countries);
  for (guint i = 0; i < n_countries; i++)
    {
      g_ptr_array_add (codes, (gpointer) countries[i].alpha3);
      g_hash_table_insert (keys, (gpointer) countries[i].alpha3,
                           g_utf8_collate_key (mizan_country_get_name (countries[i].alpha3), -1));
    }
  g_ptr_array_sort_with_data (codes, compare_names, keys);
  g_ptr_array_add (codes, NULL);

  return gtk_string_list_new ((const char * const *) codes->pdata);
}

static gboolean
filter_country (gpointer item,
                gpointer user_data)
{
  MizanCountryRow *self = user_data;
  const char *alpha3 = gtk_string_object_get_string (GTK_STRING_OBJECT (item));
  g_autofree char *name = NULL;

  if (self->needle == NULL || self->needle[0] == '\0')
    return TRUE;
  if (g_ascii_strncasecmp (alpha3, self->needle, strlen (self->needle)) == 0)
    return TRUE;
  name = mizan_session_prepare_needle (mizan_country_get_name (alpha3));
  /* Word starts, with ASCII alternates: "cote" finds "Côte d’Ivoire". */
  return g_str_match_string (self->needle, name, TRUE) || strstr (name, self->needle) != NULL;
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  const char *alpha3 = gtk_string_object_get_string (GTK_STRING_OBJECT (item));
  const char *name = mizan_country_get_name (alpha3);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *name_label = gtk_label_new (name);
  GtkWidget *code_label = gtk_label_new (alpha3);

  gtk_label_set_xalign (GTK_LABEL (name_label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name_label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (name_label, TRUE);
  gtk_widget_add_css_class (code_label, "dim-label");
  gtk_widget_add_css_class (code_label, "caption");
  gtk_box_append (GTK_BOX (box), name_label);
  gtk_box_append (GTK_BOX (box), code_label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  g_object_set_data_full (G_OBJECT (row), "alpha3", g_strdup (alpha3), g_free);
  return row;
}

static void
update_subtitle (MizanCountryRow *self)
{
  if (self->country != NULL)
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self), mizan_country_get_name (self->country));
      gtk_widget_remove_css_class (GTK_WIDGET (self), "mizan-unset");
    }
  else
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self), _("Not chosen yet"));
      gtk_widget_add_css_class (GTK_WIDGET (self), "mizan-unset");
    }
}

static void
select_current_row (MizanCountryRow *self)
{
  GtkListBoxRow *row;

  self->updating = TRUE;
  gtk_list_box_unselect_all (self->list_box);
  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->list_box, i)) != NULL; i++)
    if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "alpha3"), self->country) == 0)
      {
        gtk_list_box_select_row (self->list_box, row);
        break;
      }
  self->updating = FALSE;
}

void
mizan_country_row_set_country (MizanCountryRow *self,
                               const char      *alpha3)
{
  g_return_if_fail (MIZAN_IS_COUNTRY_ROW (self));

  if (alpha3 != NULL && !mizan_country_is_valid (alpha3))
    alpha3 = NULL;
  if (g_strcmp0 (self->country, alpha3) == 0)
    return;

  g_free (self->country);
  self->country = g_strdup (alpha3);
  update_subtitle (self);
  if (!self->updating)
    select_current_row (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNTRY]);
}

const char *
mizan_country_row_get_country (MizanCountryRow *self)
{
  g_return_val_if_fail (MIZAN_IS_COUNTRY_ROW (self), NULL);
  return self->country;
}

static void
on_row_selected (GtkListBox      *list_box,
                 GtkListBoxRow   *row,
                 MizanCountryRow *self)
{
  if (row == NULL || self->updating)
    return;
  self->updating = TRUE;
  mizan_country_row_set_country (self, g_object_get_data (G_OBJECT (row), "alpha3"));
  self->updating = FALSE;
}

static void
on_row_activated (GtkListBox      *list_box,
                  GtkListBoxRow   *row,
                  MizanCountryRow *self)
{
  on_row_selected (list_box, row, self);
  gtk_popover_popdown (self->popover);
}

static void
on_search_changed (GtkSearchEntry  *entry,
                   MizanCountryRow *self)
{
  GtkFilter *filter = gtk_filter_list_model_get_filter (self->filtered);

  g_free (self->needle);
  self->needle = mizan_session_prepare_needle (gtk_editable_get_text (GTK_EDITABLE (entry)));
  gtk_filter_changed (filter, GTK_FILTER_CHANGE_DIFFERENT);
  select_current_row (self);
}

static void
on_search_activate (GtkSearchEntry  *entry,
                    MizanCountryRow *self)
{
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->list_box, 0);

  if (first != NULL)
    on_row_activated (self->list_box, first, self);
}

static void
on_popover_show (GtkPopover      *popover,
                 MizanCountryRow *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  select_current_row (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
mizan_country_row_dispose (GObject *object)
{
  MizanCountryRow *self = MIZAN_COUNTRY_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), MIZAN_TYPE_COUNTRY_ROW);
  g_clear_object (&self->filtered);

  G_OBJECT_CLASS (mizan_country_row_parent_class)->dispose (object);
}

static void
mizan_country_row_finalize (GObject *object)
{
  MizanCountryRow *self = MIZAN_COUNTRY_ROW (object);

  g_clear_pointer (&self->country, g_free);
  g_clear_pointer (&self->needle, g_free);

  G_OBJECT_CLASS (mizan_country_row_parent_class)->finalize (object);
}

static void
mizan_country_row_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  MizanCountryRow *self = MIZAN_COUNTRY_ROW (object);

  switch (prop_id)
    {
    case PROP_COUNTRY:
      g_value_set_string (value, self->country);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mizan_country_row_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  MizanCountryRow *self = MIZAN_COUNTRY_ROW (object);

  switch (prop_id)
    {
    case PROP_COUNTRY:
      mizan_country_row_set_country (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mizan_country_row_class_init (MizanCountryRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mizan_country_row_dispose;
  object_class->finalize = mizan_country_row_finalize;
  object_class->get_property = mizan_country_row_get_property;
  object_class->set_property = mizan_country_row_set_property;

  properties[PROP_COUNTRY] =
    g_param_spec_string ("country", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/comstech/Mizan/mizan-country-row.ui");
  gtk_widget_class_bind_template_child (widget_class, MizanCountryRow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, MizanCountryRow, popover);
  gtk_widget_class_bind_template_child (widget_class, MizanCountryRow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, MizanCountryRow, list_box);
}

static void
mizan_country_row_init (MizanCountryRow *self)
{
  GtkCustomFilter *filter;

  gtk_widget_init_template (GTK_WIDGET (self));

  filter = gtk_custom_filter_new (filter_country, self, NULL);
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (create_country_list ()), GTK_FILTER (filter));
  gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (self->filtered), create_row, NULL, NULL);

  g_signal_connect (self->list_box, "row-selected", G_CALLBACK (on_row_selected), self);
  g_signal_connect (self->list_box, "row-activated", G_CALLBACK (on_row_activated), self);
  g_signal_connect (self->search_entry, "search-changed", G_CALLBACK (on_search_changed), self);
  g_signal_connect (self->search_entry, "activate", G_CALLBACK (on_search_activate), self);
  g_signal_connect (self->popover, "show", G_CALLBACK (on_popover_show), self);
  update_subtitle (self);
}
