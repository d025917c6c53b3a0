/* mizan-assessment-view.c — one open assessment: questionnaire, results, roadmap and comparison
 * Wires the pages to one session, and the header's save indicator to its state. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <adwaita.h>

#include "mizan-assessment-view.h"
#include "mizan-benchmark-page.h"
#include "mizan-carry-dialog.h"
#include "mizan-gui.h"
#ifdef MIZAN_HAVE_RENDER
#include "mizan-export.h"
#endif
#include "mizan-member-states-page.h"
#include "mizan-profile-dialog.h"

struct _MizanAssessmentView
{
  GtkWidget             parent_instance;

  MizanSession         *session;
  gulong                save_state_handler;

  AdwHeaderBar         *header_bar;
  GtkToggleButton      *sidebar_button;
  GtkToggleButton      *search_button;
  AdwViewSwitcherTitle *switcher_title;
  GtkBox               *save_box;
  GtkImage             *save_icon;
  GtkLabel             *save_label;
  AdwViewStack         *view_stack;
  MizanQuestionnaire   *questionnaire;
  MizanResultsPage     *results_page;
  MizanRoadmapPage     *roadmap_page;
  MizanComparePage     *compare_page;
  MizanBenchmarkPage   *benchmark_page;
  MizanMemberStatesPage *member_states_page;
  GtkRevealer          *newer_revealer;
  GtkLabel             *newer_label;
  GtkButton            *newer_button;
  MizanFramework       *successor;  /* a newer version that can take the assessment, or NULL */
};

G_DEFINE_FINAL_TYPE (MizanAssessmentView, mizan_assessment_view, GTK_TYPE_WIDGET)

static void
update_save_state (MizanAssessmentView *self)
{
  MizanSaveState state = self->session != NULL ? mizan_session_get_save_state (self->session)
                                               : MIZAN_SAVE_STATE_UNCHANGED;
  const char *error;

  gtk_widget_set_visible (GTK_WIDGET (self->save_box), state != MIZAN_SAVE_STATE_UNCHANGED);
  gtk_widget_remove_css_class (GTK_WIDGET (self->save_box), "error");

  switch (state)
    {
    case MIZAN_SAVE_STATE_UNCHANGED:
      gtk_label_set_label (self->save_label, "");
      break;
    case MIZAN_SAVE_STATE_SAVED:
      gtk_label_set_label (self->save_label, _("Saved"));
      gtk_image_set_from_icon_name (self->save_icon, "emblem-ok-symbolic");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->save_box), _("Every change is saved on this computer"));
      break;
    case MIZAN_SAVE_STATE_PENDING:
      gtk_label_set_label (self->save_label, _("Saving…"));
      gtk_image_set_from_icon_name (self->save_icon, "emblem-synchronizing-symbolic");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->save_box), _("Saved when you pause typing"));
      break;
    case MIZAN_SAVE_STATE_FAILED:
      error = mizan_session_get_save_error (self->session);
      gtk_label_set_label (self->save_label, _("Not saved"));
      gtk_image_set_from_icon_name (self->save_icon, "dialog-warning-symbolic");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->save_box), error);
      gtk_widget_add_css_class (GTK_WIDGET (self->save_box), "error");
      if (error != NULL)
        {
          GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
          g_autofree char *escaped = g_markup_escape_text (error, -1);
          /* Translators: %s says why a change could not be written */
          g_autofree char *message = g_strdup_printf (_("Your last change was not saved: %s"), escaped);

          if (overlay != NULL)
            adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
        }
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
update_header (MizanAssessmentView *self)
{
  gboolean on_questionnaire = g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack),
                                         "questionnaire") == 0;

  gtk_widget_set_visible (GTK_WIDGET (self->search_button), on_questionnaire);
  gtk_widget_set_visible (GTK_WIDGET (self->sidebar_button), on_questionnaire);
}

void
mizan_assessment_view_set_session (MizanAssessmentView *self,
                                   MizanSession        *session)
{
  g_return_if_fail (MIZAN_IS_ASSESSMENT_VIEW (self));
  g_return_if_fail (session == NULL || MIZAN_IS_SESSION (session));

  if (self->session == session)
    return;

  if (self->session != NULL)
    g_clear_signal_handler (&self->save_state_handler, self->session);

  /* The questionnaire goes first: closing it writes any pending note. */
  mizan_questionnaire_set_session (self->questionnaire, session);
  mizan_results_page_set_session (self->results_page, session);
  mizan_roadmap_page_set_session (self->roadmap_page, session);
  mizan_compare_page_set_session (self->compare_page, session);
  mizan_benchmark_page_set_session (self->benchmark_page, session);
  mizan_member_states_page_set_session (self->member_states_page, session);
  g_set_object (&self->session, session);

  if (session != NULL)
    {
      MizanAssessment *assessment = mizan_session_get_assessment (session);

      self->save_state_handler = g_signal_connect_object (session, "notify::save-state",
                                                          G_CALLBACK (update_save_state), self,
                                                          G_CONNECT_SWAPPED);
      adw_view_switcher_title_set_title (self->switcher_title, mizan_assessment_get_title (assessment));
      adw_view_switcher_title_set_subtitle (self->switcher_title, mizan_assessment_get_org_name (assessment));
      adw_view_stack_set_visible_child_name (self->view_stack, "questionnaire");
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.profile",
                                 session != NULL &&
                                 mizan_framework_get_n_profile_questions (mizan_session_get_framework (session)) > 0);
  update_save_state (self);
  update_header (self);
}

void
mizan_assessment_view_set_successor (MizanAssessmentView *self,
                                     MizanFramework      *successor)
{
  g_return_if_fail (MIZAN_IS_ASSESSMENT_VIEW (self));
  g_return_if_fail (successor == NULL || MIZAN_IS_FRAMEWORK (successor));

  g_set_object (&self->successor, successor);
  if (successor != NULL)
    {
      /* Translators: %s is a version of the model, e.g. 2.0.0 */
      g_autofree char *text = g_strdup_printf (_("A newer version of this model exists: %s. "
                                                 "Carry the answers to it in a new assessment; this one stays as it is."),
                                               mizan_framework_get_version (successor));
      /* Translators: a button; %s is a version of the model */
      g_autofree char *button = g_strdup_printf (_("_Carry to %s…"), mizan_framework_get_version (successor));

      gtk_label_set_label (self->newer_label, text);
      gtk_button_set_label (self->newer_button, button);
      mizan_gui_fix_mnemonic_names (GTK_WIDGET (self->newer_button));
    }
  gtk_revealer_set_reveal_child (self->newer_revealer, successor != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.carry", successor != NULL);
}

static void
profile_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  MizanAssessmentView *self = MIZAN_ASSESSMENT_VIEW (widget);

  if (self->session != NULL)
    mizan_profile_dialog_present (widget, self->session);
}

static void
carry_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  MizanAssessmentView *self = MIZAN_ASSESSMENT_VIEW (widget);

  if (self->session != NULL && self->successor != NULL)
    mizan_carry_dialog_present (widget, self->session, self->successor);
}

MizanSession *
mizan_assessment_view_get_session (MizanAssessmentView *self)
{
  g_return_val_if_fail (MIZAN_IS_ASSESSMENT_VIEW (self), NULL);
  return self->session;
}

void
mizan_assessment_view_show_page (MizanAssessmentView *self,
                                 const char          *name)
{
  g_return_if_fail (MIZAN_IS_ASSESSMENT_VIEW (self));

  if (g_strcmp0 (name, "questionnaire") == 0 ||
      g_strcmp0 (name, "results") == 0 ||
      g_strcmp0 (name, "roadmap") == 0 ||
      g_strcmp0 (name, "compare") == 0 ||
      g_strcmp0 (name, "benchmark") == 0 ||
      g_strcmp0 (name, "member-states") == 0)
    adw_view_stack_set_visible_child_name (self->view_stack, name);
}

const char *
mizan_assessment_view_get_page (MizanAssessmentView *self)
{
  g_return_val_if_fail (MIZAN_IS_ASSESSMENT_VIEW (self), NULL);
  return adw_view_stack_get_visible_child_name (self->view_stack);
}

void
mizan_assessment_view_start_search (MizanAssessmentView *self)
{
  g_return_if_fail (MIZAN_IS_ASSESSMENT_VIEW (self));

  if (self->session == NULL)
    return;
  adw_view_stack_set_visible_child_name (self->view_stack, "questionnaire");
  mizan_questionnaire_start_search (self->questionnaire);
}

void
mizan_assessment_view_show_capability (MizanAssessmentView *self,
                                       MizanCapability     *capability,
                                       const char          *practice_id)
{
  g_return_if_fail (MIZAN_IS_ASSESSMENT_VIEW (self));

  if (self->session == NULL || capability == NULL)
    return;
  adw_view_stack_set_visible_child_name (self->view_stack, "questionnaire");
  mizan_questionnaire_show_capability (self->questionnaire, capability, practice_id);
}

static void
on_show_capability (GtkWidget           *page,
                    const char          *capability_id,
                    const char          *practice_id,
                    MizanAssessmentView *self)
{
  MizanCapability *capability;

  if (self->session == NULL)
    return;
  capability = mizan_framework_lookup_capability (mizan_session_get_framework (self->session), capability_id);
  mizan_assessment_view_show_capability (self, capability, practice_id);
}

MizanQuestionnaire *
mizan_assessment_view_get_questionnaire (MizanAssessmentView *self)
{
  g_return_val_if_fail (MIZAN_IS_ASSESSMENT_VIEW (self), NULL);
  return self->questionnaire;
}

MizanResultsPage *
mizan_assessment_view_get_results_page (MizanAssessmentView *self)
{
  g_return_val_if_fail (MIZAN_IS_ASSESSMENT_VIEW (self), NULL);
  return self->results_page;
}

const char *
mizan_assessment_view_get_save_text (MizanAssessmentView *self)
{
  g_return_val_if_fail (MIZAN_IS_ASSESSMENT_VIEW (self), NULL);
  return gtk_label_get_label (self->save_label);
}

static void
share_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  MizanAssessmentView *self = MIZAN_ASSESSMENT_VIEW (widget);

  if (self->session == NULL)
    return;
  /* Sharing lives on the Benchmark page, where its state and the peers show. */
  adw_view_stack_set_visible_child_name (self->view_stack, "benchmark");
  gtk_widget_activate_action (GTK_WIDGET (self->benchmark_page), "benchmark.share", NULL);
}

static void
mizan_assessment_view_dispose (GObject *object)
{
  MizanAssessmentView *self = MIZAN_ASSESSMENT_VIEW (object);

  if (self->questionnaire != NULL)
    mizan_assessment_view_set_session (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), MIZAN_TYPE_ASSESSMENT_VIEW);
  mizan_gui_unparent_children (GTK_WIDGET (self));
  g_clear_object (&self->session);
  g_clear_object (&self->successor);

  G_OBJECT_CLASS (mizan_assessment_view_parent_class)->dispose (object);
}

#ifdef MIZAN_HAVE_RENDER
static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  MizanAssessmentView *self = MIZAN_ASSESSMENT_VIEW (widget);

  if (self->session == NULL)
    return;
  if (g_str_equal (action_name, "view.print"))
    mizan_export_print (widget, self->session);
  else
    mizan_export_choose (widget, self->session);
}
#endif

static void
mizan_assessment_view_class_init (MizanAssessmentViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mizan_assessment_view_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/comstech/Mizan/mizan-assessment-view.ui");
  gtk_widget_class_bind_template_child (widget_class, MizanAssessmentView, header_bar);
  gtk_widget_class_bind_template_child (widget_class, MizanAssessmentView, sidebar_button);
  gtk_widget_class_bind_template_child (widget_class, MizanAssessmentView, search_button);
  gtk_widget_class_bind_template_child (widget_class, MizanAssessmentView, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, MizanAssessmentView, save_box);
  gtk_widget_class_bind_template_child (widget_class, MizanAssessmentView, save_icon);
  gtk_widget_class_bind_template_child (widget_class, MizanAssessmentView, save_label);
  gtk_widget_class_bind_template_child (widget_class, MizanAssessmentView, view_stack);
  gtk_widget_class_bind_template_child (widget_class, MizanAssessmentView, questionnaire);
  gtk_widget_class_bind_template_child (widget_class, MizanAssessmentView, results_page);
  gtk_widget_class_bind_template_child (widget_class, MizanAssessmentView, roadmap_page);
  gtk_widget_class_bind_template_child (widget_class, MizanAssessmentView, compare_page);

#ifdef MIZAN_HAVE_RENDER
  gtk_widget_class_install_action (widget_class, "view.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "view.print", NULL, export_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "view.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "view.print", NULL);
#endif
  gtk_widget_class_bind_template_child (widget_class, MizanAssessmentView, benchmark_page);
  gtk_widget_class_bind_template_child (widget_class, MizanAssessmentView, member_states_page);
  gtk_widget_class_install_action (widget_class, "assessment.share", NULL, share_action);
  gtk_widget_class_bind_template_child (widget_class, MizanAssessmentView, newer_revealer);
  gtk_widget_class_bind_template_child (widget_class, MizanAssessmentView, newer_label);
  gtk_widget_class_bind_template_child (widget_class, MizanAssessmentView, newer_button);
  gtk_widget_class_install_action (widget_class, "view.carry", NULL, carry_action);
  gtk_widget_class_install_action (widget_class, "view.profile", NULL, profile_action);
}

static void
mizan_assessment_view_init (MizanAssessmentView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_object_bind_property (self->questionnaire, "search-mode",
                          self->search_button, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->questionnaire, "sidebar-visible",
                          self->sidebar_button, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->view_stack, "notify::visible-child", G_CALLBACK (update_header), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->questionnaire, "notify::folded", G_CALLBACK (update_header), self, G_CONNECT_SWAPPED);
  g_signal_connect (self->results_page, "show-capability", G_CALLBACK (on_show_capability), self);
  g_signal_connect (self->roadmap_page, "show-capability", G_CALLBACK (on_show_capability), self);
  g_signal_connect (self->compare_page, "show-capability", G_CALLBACK (on_show_capability), self);
  g_signal_connect (self->benchmark_page, "show-capability", G_CALLBACK (on_show_capability), self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.carry", FALSE);
  update_header (self);
}
