/* mizan-questionnaire.c — the questionnaire: a sidebar of domains and capabilities, and a capability page
 * The sidebar is a GtkListBox bound to the session's capability model, with domain headers;
 * the search results are a GtkListView, so a framework of thousands of practices stays quick. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <adwaita.h>

#include "mizan-capability-row.h"
#include "mizan-questionnaire.h"
#include "mizan-gui.h"

struct _MizanQuestionnaire
{
  GtkWidget            parent_instance;

  MizanSession        *session;
  MizanCapability     *current;
  GtkFilterListModel  *outline_model;
  GtkFilterListModel  *search_model;
  char                *needle;
  MizanPracticeFilter  filter;
  gboolean             selecting;

  AdwFlap             *flap;
  GtkSearchBar        *search_bar;
  GtkSearchEntry      *search_entry;
  GtkStack            *sidebar_stack;
  GtkListBox          *outline_list;
  GtkListView         *search_list;
  GtkCheckButton      *unanswered_check;
  GtkCheckButton      *confirm_check;
  MizanCapabilityPage *page;
};

G_DEFINE_FINAL_TYPE (MizanQuestionnaire, mizan_questionnaire, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SEARCH_MODE,
  PROP_SIDEBAR_VISIBLE,
  PROP_FOLDED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Outline */

static gboolean
has_to_confirm (MizanAssessment *assessment)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, mizan_assessment_get_answers (assessment));
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (((const MizanAnswer *) value)->to_confirm)
      return TRUE;
  return FALSE;
}

/* Whether @capability has a practice still to answer (in scope). */
static gboolean
has_unanswered (MizanQuestionnaire *self,
                MizanCapability    *capability)
{
  for (guint i = 0; i < capability->n_practices; i++)
    if (mizan_session_is_to_answer (self->session, capability->practices[i]))
      return TRUE;
  return FALSE;
}

/* Alt+Down / Alt+Up past the page's last or first unanswered practice: the
 * next capability (in the model's order) with one, its practice focused. */
static void
on_move_beyond (MizanCapabilityPage *page,
                int                  direction,
                MizanQuestionnaire  *self)
{
  MizanFramework *framework;
  guint n;

  if (self->session == NULL || self->current == NULL)
    return;
  framework = mizan_session_get_framework (self->session);
  n = mizan_framework_get_n_capabilities (framework);
  for (int i = (int) self->current->index + direction; i >= 0 && i < (int) n; i += direction)
    {
      MizanCapability *capability = mizan_framework_get_capability (framework, i);

      if (has_unanswered (self, capability))
        {
          mizan_questionnaire_show_capability (self, capability, NULL);
          mizan_capability_page_focus_unanswered (self->page, direction);
          return;
        }
    }
  gtk_widget_error_bell (GTK_WIDGET (self));
}

/* A capability passes when one of its practices does. */
static gboolean
capability_passes (MizanQuestionnaire *self,
                   MizanCapability    *capability)
{
  for (guint i = 0; i < capability->n_practices; i++)
    if (mizan_practice_filter_accepts (self->filter, self->session, capability->practices[i]))
      return TRUE;
  return FALSE;
}

static gboolean
filter_outline (gpointer item,
                gpointer user_data)
{
  MizanQuestionnaire *self = user_data;
  MizanOutlineItem *outline = MIZAN_OUTLINE_ITEM (item);

  if (self->filter == 0)
    return TRUE;
  /* Unanswered alone: the item's own count says it without a walk. */
  if (self->filter == MIZAN_PRACTICE_FILTER_UNANSWERED || self->session == NULL)
    return !mizan_outline_item_is_complete (outline);
  return capability_passes (self, mizan_outline_item_get_capability (outline));
}

static GtkWidget *
create_outline_row (gpointer item,
                    gpointer user_data)
{
  return mizan_capability_row_new (MIZAN_OUTLINE_ITEM (item));
}

static GtkWidget *
create_domain_header (MizanQuestionnaire *self,
                      MizanDomain        *domain)
{
  MizanOutlineItem *item = mizan_session_get_domain_item (self->session, domain);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *title = gtk_label_new (mizan_outline_item_get_title (item));
  GtkWidget *progress = gtk_label_new (NULL);

  gtk_widget_add_css_class (box, "mizan-domain-header");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  /* Wrapping labels ask for their whole text's width otherwise, and the
   * sidebar would take half the window. */
  gtk_label_set_max_width_chars (GTK_LABEL (title), 26);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_widget_add_css_class (progress, "caption");
  gtk_widget_add_css_class (progress, "numeric");
  gtk_widget_add_css_class (progress, "dim-label");
  g_object_bind_property (item, "progress", progress, "label", G_BINDING_SYNC_CREATE);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), progress);
  g_object_set_data (G_OBJECT (box), "mizan-domain", domain);
  return box;
}

static void
outline_header (GtkListBoxRow *row,
                GtkListBoxRow *before,
                gpointer       user_data)
{
  MizanQuestionnaire *self = user_data;
  MizanDomain *domain = mizan_outline_item_get_domain (mizan_capability_row_get_item (MIZAN_CAPABILITY_ROW (row)));
  GtkWidget *header = gtk_list_box_row_get_header (row);

  if (self->session == NULL)
    return;
  if (before != NULL &&
      mizan_outline_item_get_domain (mizan_capability_row_get_item (MIZAN_CAPABILITY_ROW (before))) == domain)
    {
      if (header != NULL)
        gtk_list_box_row_set_header (row, NULL);
      return;
    }
  if (header == NULL || g_object_get_data (G_OBJECT (header), "mizan-domain") != domain)
    gtk_list_box_row_set_header (row, create_domain_header (self, domain));
}

GtkWidget *
mizan_questionnaire_get_row (MizanQuestionnaire *self,
                             MizanCapability    *capability)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (MIZAN_IS_QUESTIONNAIRE (self), NULL);

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->outline_list, i)) != NULL; i++)
    if (mizan_outline_item_get_capability (mizan_capability_row_get_item (MIZAN_CAPABILITY_ROW (row))) == capability)
      return GTK_WIDGET (row);
  return NULL;
}

/* The neighbours among what the sidebar lists, in framework order. */
static MizanCapability *
find_neighbour (MizanQuestionnaire *self,
                int                 direction)
{
  GListModel *model = G_LIST_MODEL (self->outline_model);
  guint n = g_list_model_get_n_items (model);
  MizanCapability *found = NULL;

  if (self->current == NULL)
    return NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MizanOutlineItem) item = g_list_model_get_item (model, i);
      MizanCapability *capability = mizan_outline_item_get_capability (item);

      if (direction < 0 && capability->index < self->current->index)
        found = capability;
      else if (direction > 0 && capability->index > self->current->index)
        return capability;
    }
  return found;
}

static void
update_neighbours (MizanQuestionnaire *self)
{
  MizanCapability *previous = find_neighbour (self, -1);
  MizanCapability *next = find_neighbour (self, +1);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "questionnaire.previous", previous != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "questionnaire.next", next != NULL);
  mizan_capability_page_set_neighbours (self->page, previous, next);
}

static void
update_outline_page (MizanQuestionnaire *self)
{
  if (self->needle != NULL && self->needle[0] != '\0')
    return;
  if (self->session != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->outline_model)) == 0)
    gtk_stack_set_visible_child_name (self->sidebar_stack, "all-answered");
  else
    gtk_stack_set_visible_child_name (self->sidebar_stack, "outline");
}

void
mizan_questionnaire_show_capability (MizanQuestionnaire *self,
                                     MizanCapability    *capability,
                                     const char         *practice_id)
{
  GtkWidget *row;

  g_return_if_fail (MIZAN_IS_QUESTIONNAIRE (self));

  if (self->session == NULL || capability == NULL)
    return;

  if (self->current != capability)
    {
      self->current = capability;
      mizan_capability_page_set_capability (self->page, self->session, capability, self->filter);
    }

  self->selecting = TRUE;
  row = mizan_questionnaire_get_row (self, capability);
  if (row != NULL)
    gtk_list_box_select_row (self->outline_list, GTK_LIST_BOX_ROW (row));
  else
    gtk_list_box_unselect_all (self->outline_list);
  self->selecting = FALSE;

  update_neighbours (self);
  if (practice_id != NULL)
    mizan_capability_page_focus_practice (self->page, practice_id);
  else
    mizan_capability_page_scroll_to_top (self->page);
}

MizanCapability *
mizan_questionnaire_get_capability (MizanQuestionnaire *self)
{
  g_return_val_if_fail (MIZAN_IS_QUESTIONNAIRE (self), NULL);
  return self->current;
}

static void
on_row_selected (GtkListBox         *list_box,
                 GtkListBoxRow      *row,
                 MizanQuestionnaire *self)
{
  MizanOutlineItem *item;

  if (row == NULL || self->selecting)
    return;
  item = mizan_capability_row_get_item (MIZAN_CAPABILITY_ROW (row));
  mizan_questionnaire_show_capability (self, mizan_outline_item_get_capability (item), NULL);
}

static void
on_row_activated (GtkListBox         *list_box,
                  GtkListBoxRow      *row,
                  MizanQuestionnaire *self)
{
  on_row_selected (list_box, row, self);
  /* A narrow window shows the sidebar over the page: get it out of the way. */
  if (adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, FALSE);
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  MizanQuestionnaire *self = MIZAN_QUESTIONNAIRE (widget);

  mizan_questionnaire_show_capability (self, find_neighbour (self, -1), NULL);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  MizanQuestionnaire *self = MIZAN_QUESTIONNAIRE (widget);

  mizan_questionnaire_show_capability (self, find_neighbour (self, +1), NULL);
}

void
mizan_questionnaire_set_unanswered_only (MizanQuestionnaire *self,
                                         gboolean            unanswered_only)
{
  g_return_if_fail (MIZAN_IS_QUESTIONNAIRE (self));

  gtk_check_button_set_active (self->unanswered_check, unanswered_only);
}

static void
on_filter_toggled (GtkCheckButton     *check,
                   MizanQuestionnaire *self)
{
  MizanCapability *current = self->current;
  MizanPracticeFilter before = self->filter;

  self->filter = (gtk_check_button_get_active (self->unanswered_check) ? MIZAN_PRACTICE_FILTER_UNANSWERED : 0) |
                 (gtk_check_button_get_active (self->confirm_check) ? MIZAN_PRACTICE_FILTER_TO_CONFIRM : 0);
  /* The filter is applied now, not on every answer, so that what the user
   * is working on does not vanish under them. */
  gtk_filter_changed (gtk_filter_list_model_get_filter (self->outline_model),
                      before == 0 ? GTK_FILTER_CHANGE_MORE_STRICT
                      : self->filter == 0 ? GTK_FILTER_CHANGE_LESS_STRICT
                      : GTK_FILTER_CHANGE_DIFFERENT);
  update_outline_page (self);

  if (self->session == NULL)
    return;

  self->current = NULL;
  if (self->filter != 0 && current != NULL && !capability_passes (self, current))
    {
      g_autoptr(MizanOutlineItem) first = g_list_model_get_item (G_LIST_MODEL (self->outline_model), 0);

      if (first != NULL)
        current = mizan_outline_item_get_capability (first);
    }
  mizan_questionnaire_show_capability (self, current, NULL);
}

/* Search */

static gboolean
filter_search (gpointer item,
               gpointer user_data)
{
  MizanQuestionnaire *self = user_data;
  MizanPractice *practice;

  /* Nothing searched, nothing listed: the hidden list then costs no rows. */
  if (self->session == NULL || self->needle == NULL || self->needle[0] == '\0')
    return FALSE;
  practice = mizan_framework_lookup_practice (mizan_session_get_framework (self->session),
                                              gtk_string_object_get_string (GTK_STRING_OBJECT (item)));
  return practice != NULL && mizan_session_practice_matches (self->session, practice, self->needle);
}

static void
setup_search_item (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *where = gtk_label_new (NULL);
  GtkWidget *text = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_label_set_xalign (GTK_LABEL (where), 0);
  gtk_label_set_ellipsize (GTK_LABEL (where), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (where), 30);
  gtk_widget_add_css_class (where, "caption");
  gtk_widget_add_css_class (where, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (text), 3);
  gtk_label_set_max_width_chars (GTK_LABEL (text), 30);
  gtk_label_set_ellipsize (GTK_LABEL (text), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), where);
  gtk_box_append (GTK_BOX (box), text);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_search_item (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  gpointer                  user_data)
{
  MizanQuestionnaire *self = user_data;
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *where = gtk_widget_get_first_child (box);
  GtkWidget *text = gtk_widget_get_next_sibling (where);
  const char *id = gtk_string_object_get_string (gtk_list_item_get_item (list_item));
  MizanPractice *practice;
  g_autofree char *location = NULL;

  if (self->session == NULL)
    return;
  practice = mizan_framework_lookup_practice (mizan_session_get_framework (self->session), id);
  /* Translators: where a search result is: practice id · capability title */
  location = g_strdup_printf (_("%s · %s"), practice->id, mizan_text_localized (practice->capability->title));
  gtk_label_set_label (GTK_LABEL (where), location);
  gtk_label_set_label (GTK_LABEL (text), mizan_text_localized (practice->text));
}

void
mizan_questionnaire_activate_search_result (MizanQuestionnaire *self,
                                            guint               position)
{
  g_autoptr(GtkStringObject) item = NULL;
  MizanPractice *practice;

  g_return_if_fail (MIZAN_IS_QUESTIONNAIRE (self));

  item = g_list_model_get_item (G_LIST_MODEL (self->search_model), position);
  if (item == NULL || self->session == NULL)
    return;
  practice = mizan_framework_lookup_practice (mizan_session_get_framework (self->session),
                                              gtk_string_object_get_string (item));
  mizan_questionnaire_show_capability (self, practice->capability, practice->id);
  if (adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, FALSE);
}

static void
on_search_activate (GtkListView        *list_view,
                    guint               position,
                    MizanQuestionnaire *self)
{
  mizan_questionnaire_activate_search_result (self, position);
}

static void
on_search_changed (GtkSearchEntry     *entry,
                   MizanQuestionnaire *self)
{
  g_free (self->needle);
  self->needle = mizan_session_prepare_needle (gtk_editable_get_text (GTK_EDITABLE (entry)));
  gtk_filter_changed (gtk_filter_list_model_get_filter (self->search_model), GTK_FILTER_CHANGE_DIFFERENT);

  if (self->needle[0] == '\0')
    update_outline_page (self);
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->search_model)) == 0)
    gtk_stack_set_visible_child_name (self->sidebar_stack, "no-results");
  else
    gtk_stack_set_visible_child_name (self->sidebar_stack, "search");
}

static void
on_search_entry_activate (GtkSearchEntry     *entry,
                          MizanQuestionnaire *self)
{
  /* Enter jumps to the first match. */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->search_model)) > 0)
    mizan_questionnaire_activate_search_result (self, 0);
}

void
mizan_questionnaire_set_search_text (MizanQuestionnaire *self,
                                     const char         *text)
{
  g_return_if_fail (MIZAN_IS_QUESTIONNAIRE (self));

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  /* Not waiting for the entry's typing delay. */
  on_search_changed (self->search_entry, self);
}

GListModel *
mizan_questionnaire_get_search_results (MizanQuestionnaire *self)
{
  g_return_val_if_fail (MIZAN_IS_QUESTIONNAIRE (self), NULL);
  return G_LIST_MODEL (self->search_model);
}

void
mizan_questionnaire_start_search (MizanQuestionnaire *self)
{
  g_return_if_fail (MIZAN_IS_QUESTIONNAIRE (self));

  adw_flap_set_reveal_flap (self->flap, TRUE);
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
on_search_mode_changed (MizanQuestionnaire *self)
{
  if (!gtk_search_bar_get_search_mode (self->search_bar))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      on_search_changed (self->search_entry, self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH_MODE]);
}

/* Session */

void
mizan_questionnaire_set_session (MizanQuestionnaire *self,
                                 MizanSession       *session)
{
  g_autoptr(MizanOutlineItem) first = NULL;

  g_return_if_fail (MIZAN_IS_QUESTIONNAIRE (self));
  g_return_if_fail (session == NULL || MIZAN_IS_SESSION (session));

  if (self->session == session)
    return;

  self->current = NULL;
  mizan_capability_page_set_capability (self->page, NULL, NULL, 0);
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  /* The rows go before the session they show. */
  gtk_filter_list_model_set_model (self->outline_model, NULL);
  gtk_filter_list_model_set_model (self->search_model, NULL);
  g_set_object (&self->session, session);

  if (session != NULL)
    {
      gtk_filter_list_model_set_model (self->outline_model, mizan_session_get_capabilities (session));
      gtk_filter_list_model_set_model (self->search_model, mizan_session_get_practice_ids (session));
    }
  /* The "to confirm" filter is offered where answers were carried over. */
  {
    gboolean carried = session != NULL && has_to_confirm (mizan_session_get_assessment (session));

    if (!carried)
      gtk_check_button_set_active (self->confirm_check, FALSE);
    gtk_widget_set_visible (GTK_WIDGET (self->confirm_check), carried);
  }
  update_outline_page (self);

  if (session == NULL)
    return;

  /* Where the work is: the first capability with a practice to answer, the
   * keyboard on that practice; a finished assessment opens at its start. */
  {
    MizanFramework *framework = mizan_session_get_framework (session);

    for (guint i = 0; i < mizan_framework_get_n_capabilities (framework); i++)
      {
        MizanCapability *capability = mizan_framework_get_capability (framework, i);

        if (has_unanswered (self, capability))
          {
            mizan_questionnaire_show_capability (self, capability, NULL);
            mizan_capability_page_focus_unanswered (self->page, 1);
            return;
          }
      }
  }
  first = g_list_model_get_item (G_LIST_MODEL (self->outline_model), 0);
  if (first == NULL)
    first = g_list_model_get_item (mizan_session_get_capabilities (session), 0);
  if (first != NULL)
    mizan_questionnaire_show_capability (self, mizan_outline_item_get_capability (first), NULL);
}

gboolean
mizan_questionnaire_get_folded (MizanQuestionnaire *self)
{
  g_return_val_if_fail (MIZAN_IS_QUESTIONNAIRE (self), FALSE);
  return adw_flap_get_folded (self->flap);
}

MizanCapabilityPage *
mizan_questionnaire_get_page (MizanQuestionnaire *self)
{
  g_return_val_if_fail (MIZAN_IS_QUESTIONNAIRE (self), NULL);
  return self->page;
}

/* GObject */

static void
mizan_questionnaire_dispose (GObject *object)
{
  MizanQuestionnaire *self = MIZAN_QUESTIONNAIRE (object);

  if (self->page != NULL)
    mizan_questionnaire_set_session (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), MIZAN_TYPE_QUESTIONNAIRE);
  mizan_gui_unparent_children (GTK_WIDGET (self));
  g_clear_object (&self->outline_model);
  g_clear_object (&self->search_model);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (mizan_questionnaire_parent_class)->dispose (object);
}

static void
mizan_questionnaire_finalize (GObject *object)
{
  MizanQuestionnaire *self = MIZAN_QUESTIONNAIRE (object);

  g_clear_pointer (&self->needle, g_free);

  G_OBJECT_CLASS (mizan_questionnaire_parent_class)->finalize (object);
}

static void
mizan_questionnaire_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  MizanQuestionnaire *self = MIZAN_QUESTIONNAIRE (object);

  switch (prop_id)
    {
    case PROP_SEARCH_MODE:
      g_value_set_boolean (value, gtk_search_bar_get_search_mode (self->search_bar));
      break;
    case PROP_SIDEBAR_VISIBLE:
      g_value_set_boolean (value, adw_flap_get_reveal_flap (self->flap));
      break;
    case PROP_FOLDED:
      g_value_set_boolean (value, adw_flap_get_folded (self->flap));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mizan_questionnaire_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  MizanQuestionnaire *self = MIZAN_QUESTIONNAIRE (object);

  switch (prop_id)
    {
    case PROP_SEARCH_MODE:
      if (g_value_get_boolean (value))
        mizan_questionnaire_start_search (self);
      else
        gtk_search_bar_set_search_mode (self->search_bar, FALSE);
      break;
    case PROP_SIDEBAR_VISIBLE:
      adw_flap_set_reveal_flap (self->flap, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mizan_questionnaire_class_init (MizanQuestionnaireClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mizan_questionnaire_dispose;
  object_class->finalize = mizan_questionnaire_finalize;
  object_class->get_property = mizan_questionnaire_get_property;
  object_class->set_property = mizan_questionnaire_set_property;

  properties[PROP_SEARCH_MODE] =
    g_param_spec_boolean ("search-mode", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SIDEBAR_VISIBLE] =
    g_param_spec_boolean ("sidebar-visible", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FOLDED] =
    g_param_spec_boolean ("folded", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/comstech/Mizan/mizan-questionnaire.ui");
  gtk_widget_class_bind_template_child (widget_class, MizanQuestionnaire, flap);
  gtk_widget_class_bind_template_child (widget_class, MizanQuestionnaire, search_bar);
  gtk_widget_class_bind_template_child (widget_class, MizanQuestionnaire, search_entry);
  gtk_widget_class_bind_template_child (widget_class, MizanQuestionnaire, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, MizanQuestionnaire, outline_list);
  gtk_widget_class_bind_template_child (widget_class, MizanQuestionnaire, search_list);
  gtk_widget_class_bind_template_child (widget_class, MizanQuestionnaire, unanswered_check);
  gtk_widget_class_bind_template_child (widget_class, MizanQuestionnaire, confirm_check);
  gtk_widget_class_bind_template_child (widget_class, MizanQuestionnaire, page);

  gtk_widget_class_install_action (widget_class, "questionnaire.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "questionnaire.next", NULL, next_action);
}

static void
notify_flap (MizanQuestionnaire *self,
             GParamSpec         *pspec)
{
  if (g_strcmp0 (pspec->name, "folded") == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOLDED]);
  else if (g_strcmp0 (pspec->name, "reveal-flap") == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIDEBAR_VISIBLE]);
}

static void
mizan_questionnaire_init (MizanQuestionnaire *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;
  GtkListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));
  mizan_gui_fix_mnemonic_names (GTK_WIDGET (self));

  self->outline_model = gtk_filter_list_model_new (NULL, GTK_FILTER (gtk_custom_filter_new (filter_outline, self, NULL)));
  gtk_list_box_bind_model (self->outline_list, G_LIST_MODEL (self->outline_model), create_outline_row, self, NULL);
  gtk_list_box_set_header_func (self->outline_list, outline_header, self, NULL);
  g_signal_connect (self->outline_list, "row-selected", G_CALLBACK (on_row_selected), self);
  g_signal_connect (self->outline_list, "row-activated", G_CALLBACK (on_row_activated), self);

  self->search_model = gtk_filter_list_model_new (NULL, GTK_FILTER (gtk_custom_filter_new (filter_search, self, NULL)));
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_search_item), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_search_item), self);
  gtk_list_view_set_factory (self->search_list, factory);
  g_object_unref (factory);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->search_model)));
  gtk_list_view_set_model (self->search_list, GTK_SELECTION_MODEL (selection));
  g_signal_connect (self->search_list, "activate", G_CALLBACK (on_search_activate), self);

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  g_signal_connect (self->search_entry, "search-changed", G_CALLBACK (on_search_changed), self);
  g_signal_connect (self->search_entry, "activate", G_CALLBACK (on_search_entry_activate), self);
  g_signal_connect_swapped (self->search_bar, "notify::search-mode-enabled", G_CALLBACK (on_search_mode_changed), self);
  g_signal_connect (self->unanswered_check, "toggled", G_CALLBACK (on_filter_toggled), self);
  g_signal_connect (self->confirm_check, "toggled", G_CALLBACK (on_filter_toggled), self);
  g_signal_connect (self->page, "move-beyond", G_CALLBACK (on_move_beyond), self);
  g_signal_connect_swapped (self->flap, "notify", G_CALLBACK (notify_flap), self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "questionnaire.previous", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "questionnaire.next", FALSE);
}
