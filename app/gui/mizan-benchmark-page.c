/* mizan-benchmark-page.c — the Benchmark page: share the anonymized scores, and see them beside the peers'
 * The exact payload is shown before the first send; every send, success and failure is told in a toast. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <adwaita.h>

#include "mizan-benchmark-chart.h"
#include "mizan-benchmark-page.h"
#include "mizan-countries.h"
#include "mizan-gui.h"
#include "mizan-sharing.h"
#include "mizan-submission.h"

struct _MizanBenchmarkPage
{
  GtkWidget            parent_instance;

  MizanSession        *session;
  GCancellable        *cancellable;      /* the benchmark query */
  GCancellable        *send_cancellable;
  gboolean             sending;

  AdwActionRow        *status_row;
  GtkSpinner          *spinner;
  GtkButton           *share_button;
  GtkButton           *withdraw_button;
  AdwComboRow         *sector_row;
  AdwComboRow         *country_row;
  AdwComboRow         *size_row;
  GtkStack            *stack;
  AdwStatusPage       *off_page;
  AdwStatusPage       *error_page;
  AdwStatusPage       *suppressed_page;
  GtkLabel            *peers_label;
  MizanBenchmarkChart *chart;
};

G_DEFINE_FINAL_TYPE (MizanBenchmarkPage, mizan_benchmark_page, GTK_TYPE_WIDGET)

enum {
  SHOW_CAPABILITY,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
toast (MizanBenchmarkPage *self,
       const char         *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  AdwToast *t;

  if (overlay == NULL)
    return;
  t = adw_toast_new (message);
  adw_toast_set_timeout (t, 8);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), t);
}

/* The filter value of a combo row: NULL for its first entry ("Any …"). */
static const char *
filter_value (AdwComboRow *row)
{
  guint selected = adw_combo_row_get_selected (row);
  const char * const *codes = g_object_get_data (G_OBJECT (row), "codes");

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION || codes == NULL)
    return NULL;
  return codes[selected - 1];
}

static void
fill_filter (AdwComboRow        *row,
             const char         *any,
             const char * const *codes,
             const char        *(*label) (const char *))
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, any);
  for (guint i = 0; codes[i] != NULL; i++)
    {
      const char *text = label (codes[i]);

      gtk_string_list_append (list, text != NULL ? text : codes[i]);
    }
  g_object_set_data (G_OBJECT (row), "codes", (gpointer) codes);
  adw_combo_row_set_model (row, G_LIST_MODEL (list));
}

static void
update_status (MizanBenchmarkPage *self)
{
  g_autofree char *text = NULL;
  gboolean shared = FALSE, queued = FALSE;
  MizanAssessment *assessment;
  guint left;

  if (self->session == NULL)
    return;
  assessment = mizan_session_get_assessment (self->session);
  text = mizan_sharing_describe (mizan_session_get_store (self->session), mizan_assessment_get_id (assessment),
                                 &shared, &queued);
  left = mizan_results_n_unanswered (mizan_session_get_results (self->session));
  if (self->sending)
    {
      g_free (text);
      text = g_strdup (_("Sending…"));
    }
  else if (left > 0)
    {
      /* Translators: the sharing state ("Not shared"), then why it cannot be sent yet */
      g_autofree char *with_left = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                 "%s · %u practice left to answer before sharing",
                                                                 "%s · %u practices left to answer before sharing",
                                                                 left),
                                                    text, left);

      g_free (text);
      text = g_steal_pointer (&with_left);
    }
  adw_action_row_set_subtitle (self->status_row, text);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), self->sending);
  gtk_spinner_set_spinning (self->spinner, self->sending);
  gtk_button_set_label (self->share_button, shared || queued ? _("_Send Again") : _("_Share…"));
  /* A new label is a new child: name the button by its plain text again. */
  mizan_gui_fix_mnemonic_names (GTK_WIDGET (self->share_button));
  if (left > 0)
    {
      g_autofree char *tooltip = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                               "Only a complete assessment is shared: %u practice is left to answer",
                                                               "Only a complete assessment is shared: %u practices are left to answer",
                                                               left),
                                                  left);

      gtk_widget_set_tooltip_text (GTK_WIDGET (self->share_button), tooltip);
    }
  else
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->share_button),
                                 shared || queued ? _("Replace the shared scores with the current ones")
                                                  : _("See exactly what would be sent, then share it"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "benchmark.share", !self->sending);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "benchmark.withdraw", !self->sending && (shared || queued));
}

static void
show_rows (MizanBenchmarkPage   *self,
           const MizanBenchmark *benchmark)
{
  const MizanResults *results = mizan_session_get_results (self->session);
  g_autofree MizanBoxPlotRow *rows = g_new0 (MizanBoxPlotRow, results->n_domains);
  g_autofree char *heading = NULL;

  for (guint i = 0; i < results->n_domains; i++)
    {
      const MizanDomainResult *d = &results->domains[i];
      const MizanBenchmarkItem *peers = mizan_benchmark_find_domain (benchmark, d->domain->id);

      rows[i].label = mizan_text_localized (d->domain->title);
      rows[i].has_own = d->applicable;
      rows[i].own = d->index;
      if (peers != NULL && !peers->suppressed)
        {
          rows[i].has_peers = TRUE;
          rows[i].n = peers->n;
          rows[i].p25 = peers->index.p25;
          rows[i].median = peers->index.median;
          rows[i].p75 = peers->index.p75;
        }
    }
  mizan_benchmark_chart_set_box_plot (self->chart, rows, results->n_domains,
                                      mizan_framework_get_n_levels (mizan_session_get_framework (self->session)));
  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%u organization’s anonymized scores",
                                          "%u organizations’ anonymized scores", benchmark->n),
                             benchmark->n);
  gtk_label_set_label (self->peers_label, heading);
  gtk_stack_set_visible_child_name (self->stack, "chart");
}

static void
on_benchmark (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  MizanBenchmarkPage *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(MizanBenchmark) benchmark = NULL;

  benchmark = mizan_sync_client_benchmark_finish (MIZAN_SYNC_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (benchmark == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }
  if (benchmark->suppressed)
    {
      g_autofree char *text = g_strdup_printf (
        g_dngettext (GETTEXT_PACKAGE,
                     "Fewer than %u organization matching these filters has shared its scores. Figures are shown only from at least %u, so that no organization can be singled out. Try fewer filters.",
                     "Fewer than %u organizations matching these filters have shared their scores. Figures are shown only from at least %u, so that no organization can be singled out. Try fewer filters.",
                     benchmark->k),
        benchmark->k, benchmark->k);
      adw_status_page_set_description (self->suppressed_page, text);
      gtk_stack_set_visible_child_name (self->stack, "suppressed");
      return;
    }
  show_rows (self, benchmark);
}

void
mizan_benchmark_page_refresh (MizanBenchmarkPage *self)
{
  g_autoptr(MizanSyncClient) client = NULL;
  g_autoptr(GError) error = NULL;
  MizanFramework *framework;

  g_return_if_fail (MIZAN_IS_BENCHMARK_PAGE (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->session == NULL)
    return;
  update_status (self);

  client = mizan_sharing_new_client (mizan_sharing_get_preferences (), &error);
  if (client == NULL)
    {
      adw_status_page_set_description (self->off_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "off");
      return;
    }

  framework = mizan_session_get_framework (self->session);
  self->cancellable = g_cancellable_new ();
  gtk_stack_set_visible_child_name (self->stack, "loading");
  mizan_sync_client_benchmark_async (client, mizan_framework_get_id (framework),
                                     mizan_framework_get_version (framework),
                                     filter_value (self->country_row), filter_value (self->sector_row),
                                     filter_value (self->size_row), self->cancellable, on_benchmark, self);
}

const char *
mizan_benchmark_page_get_state (MizanBenchmarkPage *self)
{
  g_return_val_if_fail (MIZAN_IS_BENCHMARK_PAGE (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

/* Share ------------------------------------------------------------------------------------- */

static JsonNode *
build_payload (MizanBenchmarkPage  *self,
               GError             **error)
{
  MizanAssessment *assessment = mizan_session_get_assessment (self->session);
  g_autofree char *submission_id = mizan_store_get_submission_id (mizan_session_get_store (self->session),
                                                                  mizan_assessment_get_id (assessment), error);

  if (submission_id == NULL)
    return NULL;
  return mizan_submission_build (assessment, mizan_session_get_results (self->session), submission_id);
}

static void
on_shared (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(MizanBenchmarkPage) self = user_data;
  g_autoptr(GError) error = NULL;
  MizanSyncSent sent;

  self->sending = FALSE;
  if (!mizan_sync_share_finish (result, &sent, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          /* Translators: %s says why, and whether it was queued */
          g_autofree char *message = g_strdup_printf (_("Not shared: %s"), error->message);
          toast (self, message);
        }
    }
  else
    toast (self, sent == MIZAN_SYNC_SENT_CREATED ? _("Anonymized scores shared")
                                                 : _("Shared scores replaced with the current ones"));
  mizan_benchmark_page_refresh (self);
}

static void
send_now (MizanBenchmarkPage *self)
{
  g_autoptr(MizanSyncClient) client = NULL;
  g_autoptr(JsonNode) payload = NULL;
  g_autoptr(GError) error = NULL;

  client = mizan_sharing_new_client (mizan_sharing_get_preferences (), &error);
  if (client != NULL)
    payload = build_payload (self, &error);
  if (payload == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Not shared: %s"), error->message);
      toast (self, message);
      return;
    }

  self->sending = TRUE;
  update_status (self);
  g_clear_object (&self->send_cancellable);
  self->send_cancellable = g_cancellable_new ();
  mizan_sync_share_async (client, mizan_session_get_store (self->session),
                          mizan_assessment_get_id (mizan_session_get_assessment (self->session)),
                          payload, self->send_cancellable, on_shared, g_object_ref (self));
}

static void
on_share_response (AdwMessageDialog   *dialog,
                   const char         *response,
                   MizanBenchmarkPage *self)
{
  if (g_strcmp0 (response, "share") == 0)
    send_now (self);
}

static GtkWidget *
payload_view (const char *text)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *heading = gtk_label_new (_("Exactly what will be sent:"));
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *view = gtk_text_view_new ();
  GtkWidget *not_sent = gtk_label_new (_("What will not be sent: the organization’s name, the assessment’s title and assessor, any note or evidence, exact dates, and this computer’s assessment id. The submission id is random; it lets you replace or withdraw these scores later, and nothing else links it to you."));

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
  gtk_text_view_set_editable (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_monospace (GTK_TEXT_VIEW (view), TRUE);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 6);
  /* JSON reads left to right in every language. */
  gtk_widget_set_direction (view, GTK_TEXT_DIR_LTR);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("The anonymized payload"), -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 260);
  gtk_widget_add_css_class (scrolled, "card");
  gtk_label_set_wrap (GTK_LABEL (not_sent), TRUE);
  gtk_label_set_xalign (GTK_LABEL (not_sent), 0);
  gtk_widget_add_css_class (not_sent, "dim-label");
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), scrolled);
  gtk_box_append (GTK_BOX (box), not_sent);
  return box;
}

static void
show_first_unanswered (MizanBenchmarkPage *self)
{
  MizanFramework *framework = mizan_session_get_framework (self->session);
  g_autofree MizanStatus *statuses = mizan_results_effective_statuses (framework,
                                                                       mizan_session_get_assessment (self->session));

  for (guint i = 0; i < mizan_framework_get_n_practices (framework); i++)
    if (statuses[i] == MIZAN_STATUS_NONE)
      {
        const MizanPractice *practice = mizan_framework_get_practice (framework, i);

        g_signal_emit (self, signals[SHOW_CAPABILITY], 0, practice->capability->id, practice->id);
        return;
      }
}

static void
on_incomplete_response (AdwMessageDialog   *dialog,
                        const char         *response,
                        MizanBenchmarkPage *self)
{
  if (g_strcmp0 (response, "show") == 0 && self->session != NULL)
    show_first_unanswered (self);
}

/* Peers compare finished assessments (DESIGN.md "Provisional results"):
 * an incomplete one is refused, saying how many practices are left. */
static gboolean
refuse_incomplete (MizanBenchmarkPage *self)
{
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  GtkRoot *root;

  if (mizan_submission_check_complete (mizan_session_get_results (self->session), &error))
    return FALSE;

  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       _("Not Ready to Share"), error->message));
  gtk_window_set_title (GTK_WINDOW (dialog), _("Not Ready to Share"));
  adw_message_dialog_add_responses (dialog, "close", _("_Close"), "show", _("_Show Unanswered"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "show", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "show");
  adw_message_dialog_set_close_response (dialog, "close");
  mizan_gui_fix_mnemonic_names (GTK_WIDGET (dialog));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_incomplete_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static void
share_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  MizanBenchmarkPage *self = MIZAN_BENCHMARK_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) payload = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autofree char *text = NULL;
  g_autofree char *submission_id = NULL;
  g_autoptr(MizanSyncEntry) queued = NULL;
  gint64 delivered = 0;
  AdwMessageDialog *dialog;
  GtkRoot *root;

  if (self->session == NULL || self->sending)
    return;
  if (refuse_incomplete (self))
    return;

  /* Before the first send the user sees the exact payload. */
  mizan_store_get_sharing (mizan_session_get_store (self->session),
                           mizan_assessment_get_id (mizan_session_get_assessment (self->session)),
                           &submission_id, &delivered, NULL);
  queued = mizan_store_queue_get (mizan_session_get_store (self->session),
                                  mizan_assessment_get_id (mizan_session_get_assessment (self->session)), NULL);
  if (delivered > 0 || queued != NULL)
    {
      send_now (self);
      return;
    }

  payload = build_payload (self, &error);
  if (payload == NULL)
    {
      toast (self, error->message);
      return;
    }
  generator = json_generator_new ();
  json_generator_set_root (generator, payload);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  text = json_generator_to_data (generator, NULL);

  root = gtk_widget_get_root (widget);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       _("Share Anonymized Scores?"),
                                                       _("COMSTECH’s benchmark server will keep these scores so that member states can compare themselves. You can withdraw them at any time.")));
  /* The window title names the dialog for screen readers. */
  gtk_window_set_title (GTK_WINDOW (dialog), _("Share Anonymized Scores?"));
  adw_message_dialog_set_extra_child (dialog, payload_view (text));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "share", _("_Share"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "share", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  gtk_window_set_default_size (GTK_WINDOW (dialog), 560, -1);
  mizan_gui_fix_mnemonic_names (GTK_WIDGET (dialog));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_share_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Withdraw ---------------------------------------------------------------------------------- */

static void
on_withdrawn (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(MizanBenchmarkPage) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean withdrawn = FALSE;

  self->sending = FALSE;
  if (!mizan_sync_withdraw_finish (result, &withdrawn, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autofree char *message = g_strdup_printf (_("Not withdrawn yet: %s"), error->message);
          toast (self, message);
        }
    }
  else
    toast (self, withdrawn ? _("Shared scores withdrawn from the benchmark server") : _("Nothing was shared"));
  mizan_benchmark_page_refresh (self);
}

static void
on_withdraw_response (AdwMessageDialog   *dialog,
                      const char         *response,
                      MizanBenchmarkPage *self)
{
  g_autoptr(MizanSyncClient) client = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "withdraw") != 0 || self->session == NULL)
    return;
  client = mizan_sharing_new_client (mizan_sharing_get_preferences (), &error);
  if (client == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Not withdrawn: %s"), error->message);
      toast (self, message);
      return;
    }
  self->sending = TRUE;
  update_status (self);
  g_clear_object (&self->send_cancellable);
  self->send_cancellable = g_cancellable_new ();
  mizan_sync_withdraw_async (client, mizan_session_get_store (self->session),
                             mizan_assessment_get_id (mizan_session_get_assessment (self->session)),
                             self->send_cancellable, on_withdrawn, g_object_ref (self));
}

static void
withdraw_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  MizanBenchmarkPage *self = MIZAN_BENCHMARK_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       _("Withdraw Shared Scores?"),
                                                       _("They are deleted from the benchmark server, and this assessment no longer counts among anyone’s peers. Sharing again later sends them as new.")));
  gtk_window_set_title (GTK_WINDOW (dialog), _("Withdraw Shared Scores?"));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "withdraw", _("_Withdraw"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "withdraw", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  mizan_gui_fix_mnemonic_names (GTK_WIDGET (dialog));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_withdraw_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  mizan_benchmark_page_refresh (MIZAN_BENCHMARK_PAGE (widget));
}

/* Life cycle -------------------------------------------------------------------------------- */

void
mizan_benchmark_page_set_session (MizanBenchmarkPage *self,
                                  MizanSession       *session)
{
  g_return_if_fail (MIZAN_IS_BENCHMARK_PAGE (self));

  if (self->session == session)
    return;
  g_cancellable_cancel (self->send_cancellable);
  g_set_object (&self->session, session);
  if (session != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)))
    mizan_benchmark_page_refresh (self);
}

static void
mizan_benchmark_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (mizan_benchmark_page_parent_class)->map (widget);
  /* The peers change while the page is away; ask again when it is shown. */
  mizan_benchmark_page_refresh (MIZAN_BENCHMARK_PAGE (widget));
}

static void
mizan_benchmark_page_dispose (GObject *object)
{
  MizanBenchmarkPage *self = MIZAN_BENCHMARK_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->send_cancellable);
  g_clear_object (&self->send_cancellable);
  g_clear_object (&self->session);
  gtk_widget_dispose_template (GTK_WIDGET (self), MIZAN_TYPE_BENCHMARK_PAGE);
  mizan_gui_unparent_children (GTK_WIDGET (self));

  G_OBJECT_CLASS (mizan_benchmark_page_parent_class)->dispose (object);
}

static void
mizan_benchmark_page_class_init (MizanBenchmarkPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mizan_benchmark_page_dispose;
  widget_class->map = mizan_benchmark_page_map;

  signals[SHOW_CAPABILITY] = mizan_gui_new_show_capability_signal (G_TYPE_FROM_CLASS (klass));

  g_type_ensure (MIZAN_TYPE_BENCHMARK_CHART);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/comstech/Mizan/mizan-benchmark-page.ui");
  gtk_widget_class_bind_template_child (widget_class, MizanBenchmarkPage, status_row);
  gtk_widget_class_bind_template_child (widget_class, MizanBenchmarkPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, MizanBenchmarkPage, share_button);
  gtk_widget_class_bind_template_child (widget_class, MizanBenchmarkPage, withdraw_button);
  gtk_widget_class_bind_template_child (widget_class, MizanBenchmarkPage, sector_row);
  gtk_widget_class_bind_template_child (widget_class, MizanBenchmarkPage, country_row);
  gtk_widget_class_bind_template_child (widget_class, MizanBenchmarkPage, size_row);
  gtk_widget_class_bind_template_child (widget_class, MizanBenchmarkPage, stack);
  gtk_widget_class_bind_template_child (widget_class, MizanBenchmarkPage, off_page);
  gtk_widget_class_bind_template_child (widget_class, MizanBenchmarkPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, MizanBenchmarkPage, suppressed_page);
  gtk_widget_class_bind_template_child (widget_class, MizanBenchmarkPage, peers_label);
  gtk_widget_class_bind_template_child (widget_class, MizanBenchmarkPage, chart);

  gtk_widget_class_install_action (widget_class, "benchmark.share", NULL, share_action);
  gtk_widget_class_install_action (widget_class, "benchmark.withdraw", NULL, withdraw_action);
  gtk_widget_class_install_action (widget_class, "benchmark.refresh", NULL, refresh_action);
}

static void
mizan_benchmark_page_init (MizanBenchmarkPage *self)
{
  MizanPreferences *preferences;

  gtk_widget_init_template (GTK_WIDGET (self));
  mizan_gui_combo_row_name_items (self->sector_row);
  mizan_gui_combo_row_name_items (self->country_row);
  mizan_gui_combo_row_name_items (self->size_row);

  fill_filter (self->sector_row, _("Any sector"), mizan_sectors_get_all (), mizan_sector_get_label);
  fill_filter (self->country_row, _("Any member state"), mizan_countries_get_oic (), mizan_country_get_name);
  fill_filter (self->size_row, _("Any size"), mizan_sizes_get_all (), mizan_size_get_label);
  g_signal_connect_swapped (self->sector_row, "notify::selected", G_CALLBACK (mizan_benchmark_page_refresh), self);
  g_signal_connect_swapped (self->country_row, "notify::selected", G_CALLBACK (mizan_benchmark_page_refresh), self);
  g_signal_connect_swapped (self->size_row, "notify::selected", G_CALLBACK (mizan_benchmark_page_refresh), self);

  preferences = mizan_sharing_get_preferences ();
  if (preferences != NULL)
    g_signal_connect_object (mizan_preferences_get_settings (preferences), "changed",
                             G_CALLBACK (mizan_benchmark_page_refresh), self, G_CONNECT_SWAPPED);
  mizan_gui_fix_mnemonic_names (GTK_WIDGET (self));
}
