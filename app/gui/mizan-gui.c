/* mizan-gui.c — what every user of the GUI library calls first, and shared helpers
 * Templates name their child types, so every type must exist before the first template is read. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <adwaita.h>

#include "mizan-resources.h"

#include "mizan-application.h"
#include "mizan-assessment-row.h"
#include "mizan-assessment-view.h"
#include "mizan-benchmark-chart.h"
#include "mizan-benchmark-page.h"
#include "mizan-member-states-page.h"
#include "mizan-capability-page.h"
#include "mizan-capability-row.h"
#include "mizan-country-row.h"
#include "mizan-gui.h"
#include "mizan-new-assessment-dialog.h"
#include "mizan-practice-row.h"
#include "mizan-preferences-window.h"
#include "mizan-questionnaire.h"
#include "mizan-restore-dialog.h"
#include "mizan-results-page.h"
#include "mizan-roadmap-page.h"
#include "mizan-compare-page.h"
#include "mizan-start-page.h"
#include "mizan-trash-dialog.h"
#include "mizan-window.h"
#ifdef MIZAN_HAVE_RENDER
#include "mizan-chart-view.h"
#include "mizan-report-preferences.h"
#endif

void
mizan_gui_init (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      mizan_register_resource ();

      g_type_ensure (MIZAN_TYPE_ASSESSMENT_ROW);
      g_type_ensure (MIZAN_TYPE_ASSESSMENT_VIEW);
      g_type_ensure (MIZAN_TYPE_BENCHMARK_CHART);
      g_type_ensure (MIZAN_TYPE_BENCHMARK_PAGE);
      g_type_ensure (MIZAN_TYPE_MEMBER_STATES_PAGE);
      g_type_ensure (MIZAN_TYPE_CAPABILITY_PAGE);
      g_type_ensure (MIZAN_TYPE_CAPABILITY_ROW);
      g_type_ensure (MIZAN_TYPE_COMPARE_PAGE);
      g_type_ensure (MIZAN_TYPE_COUNTRY_ROW);
      g_type_ensure (MIZAN_TYPE_NEW_ASSESSMENT_DIALOG);
      g_type_ensure (MIZAN_TYPE_PRACTICE_ROW);
      g_type_ensure (MIZAN_TYPE_PREFERENCES_WINDOW);
      g_type_ensure (MIZAN_TYPE_QUESTIONNAIRE);
      g_type_ensure (MIZAN_TYPE_RESTORE_DIALOG);
      g_type_ensure (MIZAN_TYPE_RESULTS_PAGE);
      g_type_ensure (MIZAN_TYPE_ROADMAP_PAGE);
      g_type_ensure (MIZAN_TYPE_START_PAGE);
      g_type_ensure (MIZAN_TYPE_TRASH_DIALOG);
      g_type_ensure (MIZAN_TYPE_WINDOW);
#ifdef MIZAN_HAVE_RENDER
      g_type_ensure (MIZAN_TYPE_CHART_VIEW);
      g_type_ensure (MIZAN_TYPE_REPORT_PREFERENCES);
#endif

      g_once_init_leave (&initialized, 1);
    }
}

char *
mizan_gui_format_index (double index)
{
  return g_strdup_printf ("%.2f", index);
}

char *
mizan_gui_format_percent (double fraction)
{
  /* Translators: a percentage; %.0f is the number */
  return g_strdup_printf (_("%.0f%%"), CLAMP (fraction, 0.0, 1.0) * 100.0);
}

char *
mizan_gui_format_level (const MizanCapabilityResult *result)
{
  if (!result->provisional)
    return g_strdup_printf ("%u", result->level);
  /* Translators: a capability's level while some of its practices up to
   * the target are unanswered, e.g. "1 · provisional — 5 practices not assessed" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u · provisional — %u practice not assessed",
                                       "%u · provisional — %u practices not assessed",
                                       result->unassessed),
                          result->level, result->unassessed);
}

char *
mizan_gui_format_time (gint64 unix_time)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (unix_time);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) today = NULL;
  GTimeSpan since_midnight;

  if (when == NULL || now == NULL)
    return g_strdup ("");

  today = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                 g_date_time_get_day_of_month (now), 0, 0, 0);
  since_midnight = g_date_time_difference (when, today);
  if (since_midnight >= 0)
    /* Translators: a time today, in strftime format */
    return g_date_time_format (when, _("today at %H:%M"));
  if (since_midnight >= -G_TIME_SPAN_DAY)
    return g_strdup (_("yesterday"));
  if (g_date_time_get_year (when) == g_date_time_get_year (now))
    /* Translators: a date this year, in strftime format */
    return g_date_time_format (when, _("%-d %B"));
  /* Translators: a date of another year, in strftime format */
  return g_date_time_format (when, _("%-d %B %Y"));
}

void
mizan_gui_list_box_clear (GtkListBox *list_box)
{
  GtkWidget *child;

  g_return_if_fail (GTK_IS_LIST_BOX (list_box));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list_box))) != NULL)
    gtk_list_box_remove (list_box, child);
}

static char *
strip_mnemonic (const char *label)
{
  GString *plain = g_string_new (NULL);

  for (const char *p = label; *p != '\0'; p++)
    {
      if (*p == '_')
        {
          if (p[1] != '_')
            continue;
          p++;
        }
      g_string_append_c (plain, *p);
    }
  return g_string_free (plain, FALSE);
}

void
mizan_gui_fix_mnemonic_names (GtkWidget *root)
{
  const char *label = NULL;

  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_BUTTON (root) && gtk_button_get_use_underline (GTK_BUTTON (root)))
    label = gtk_button_get_label (GTK_BUTTON (root));
  else if (GTK_IS_CHECK_BUTTON (root) && gtk_check_button_get_use_underline (GTK_CHECK_BUTTON (root)))
    label = gtk_check_button_get_label (GTK_CHECK_BUTTON (root));

  if (label != NULL)
    {
      g_autofree char *plain = strip_mnemonic (label);

      gtk_accessible_reset_relation (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
      gtk_accessible_update_property (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_PROPERTY_LABEL, plain, -1);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    mizan_gui_fix_mnemonic_names (child);
}

void
mizan_gui_unparent_children (GtkWidget *widget)
{
  GtkWidget *child;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  while ((child = gtk_widget_get_first_child (widget)) != NULL)
    gtk_widget_unparent (child);
}

void
mizan_gui_follow_session (gpointer       page,
                          MizanSession **slot,
                          gulong        *handler,
                          MizanSession  *session,
                          GCallback      on_changed)
{
  g_return_if_fail (session == NULL || MIZAN_IS_SESSION (session));

  if (*slot != NULL)
    g_clear_signal_handler (handler, *slot);
  g_set_object (slot, session);
  if (session != NULL && on_changed != NULL)
    *handler = g_signal_connect_object (session, "changed", on_changed, page, G_CONNECT_SWAPPED);
}

guint
mizan_gui_new_show_capability_signal (GType type)
{
  return g_signal_new ("show-capability",
                       type,
                       G_SIGNAL_RUN_LAST,
                       0, NULL, NULL, NULL,
                       G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
}

void
mizan_gui_row_set_question (GtkListBoxRow *row,
                            const char    *capability_id,
                            const char    *practice_id)
{
  g_object_set_data_full (G_OBJECT (row), "mizan-capability", g_strdup (capability_id), g_free);
  g_object_set_data_full (G_OBJECT (row), "mizan-practice", g_strdup (practice_id), g_free);
}

GtkWidget *
mizan_gui_question_row_new (const char *title,
                            const char *subtitle,
                            const char *suffix,
                            const char *capability_id,
                            const char *practice_id)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new (suffix);
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

  /* Before the title: a title parsed as markup even once is mangled (and warns). */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_accessible_update_property (GTK_ACCESSIBLE (arrow), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  mizan_gui_row_set_question (GTK_LIST_BOX_ROW (row), capability_id, practice_id);
  return row;
}

const MizanPractice *
mizan_gui_first_unassessed (MizanSession                *session,
                            const MizanCapabilityResult *result)
{
  const MizanCapability *capability = result->capability;
  const MizanPractice *first = NULL;

  for (guint i = 0; i < capability->n_practices; i++)
    {
      const MizanPractice *practice = capability->practices[i];

      if (practice->level > result->target ||
          (first != NULL && practice->level >= first->level) ||
          !mizan_session_is_to_answer (session, practice))
        continue;
      first = practice;
    }
  return first;
}

void
mizan_gui_row_show_question (gpointer       page,
                             guint          signal_id,
                             GtkListBoxRow *row)
{
  g_signal_emit (page, signal_id, 0,
                 g_object_get_data (G_OBJECT (row), "mizan-capability"),
                 g_object_get_data (G_OBJECT (row), "mizan-practice"));
}

static void
setup_combo_item (GtkSignalListItemFactory *factory,
                  GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
bind_combo_item (GtkSignalListItemFactory *factory,
                 GtkListItem              *item)
{
  GtkWidget *label = gtk_list_item_get_child (item);
  GtkStringObject *string = gtk_list_item_get_item (item);
  const char *text = string != NULL ? gtk_string_object_get_string (string) : "";
  GtkWidget *item_widget = gtk_widget_get_parent (label);

  gtk_label_set_label (GTK_LABEL (label), text);
  /* The list view's own row widget is what AT-SPI reports as the item. */
  if (item_widget != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (item_widget), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
}

void
mizan_gui_combo_row_name_items (AdwComboRow *row)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_return_if_fail (ADW_IS_COMBO_ROW (row));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_combo_item), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_combo_item), NULL);
  adw_combo_row_set_factory (row, factory);
}
