/* mizan-carry-dialog.c — previews carrying an assessment to a newer model version, then does it
 * The preview is the carry itself, made in memory: what it says is what is stored. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <adwaita.h>

#include "mizan-carry-dialog.h"
#include "mizan-migration.h"

typedef struct {
  GtkWidget       *parent;
  MizanStore      *store;
  MizanAssessment *carried;
} Carry;

static void
carry_free (gpointer data)
{
  Carry *carry = data;

  g_object_unref (carry->parent);
  g_object_unref (carry->store);
  g_object_unref (carry->carried);
  g_free (carry);
}

static void
carry_closure_free (gpointer  data,
                    GClosure *closure)
{
  carry_free (data);
}

static void
on_response (AdwMessageDialog *dialog,
             const char       *response,
             Carry            *carry)
{
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "carry"))
    return;
  /* As `mizan-cli migrate` does: a snapshot before every migrate. */
  if (!mizan_store_snapshot (carry->store, "migrate", &error) ||
      !mizan_store_save_assessment (carry->store, carry->carried, FALSE, &error))
    {
      GtkWidget *failed = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (carry->parent)),
                                                  _("Cannot Carry the Assessment"), error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (failed), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (failed));
      return;
    }
  gtk_widget_activate_action (carry->parent, "win.open-assessment", "s",
                              mizan_assessment_get_id (carry->carried));
}

/* A list of practice ids with their text, for the preview's details. */
static void
append_practices (GString        *details,
                  const char     *heading,
                  GPtrArray      *ids,
                  MizanFramework *framework)
{
  if (ids->len == 0)
    return;
  if (details->len > 0)
    g_string_append_c (details, '\n');
  g_string_append_printf (details, "%s\n", heading);
  for (guint i = 0; i < ids->len; i++)
    {
      MizanPractice *practice = mizan_framework_lookup_practice (framework, ids->pdata[i]);

      g_string_append_printf (details, "%s  %s\n", (const char *) ids->pdata[i],
                              practice != NULL ? mizan_text_localized (practice->text) : "");
    }
}

void
mizan_carry_dialog_present (GtkWidget      *parent,
                            MizanSession   *session,
                            MizanFramework *to)
{
  g_auto(MizanMigrationSummary) summary = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(GString) details = g_string_new (NULL);
  g_autofree char *heading = NULL;
  g_autofree char *carry_label = NULL;
  MizanFramework *from = mizan_session_get_framework (session);
  MizanAssessment *carried;
  GtkWidget *dialog;
  Carry *carry;

  g_return_if_fail (GTK_IS_WIDGET (parent));
  g_return_if_fail (MIZAN_IS_SESSION (session));
  g_return_if_fail (MIZAN_IS_FRAMEWORK (to));

  carried = mizan_migration_carry (mizan_session_get_assessment (session), from, to, &summary, &error);
  if (carried == NULL)
    {
      dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (parent)),
                                       _("Cannot Carry the Assessment"), error->message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  /* Translators: %s is a version of the model, e.g. 2.0.0 */
  heading = g_strdup_printf (_("Carry to Version %s?"), mizan_framework_get_version (to));
  g_string_append_printf (body,
                          /* Translators: %s is a version of the model */
                          _("A new assessment on version %s is made from this one, for the same organization. "
                            "This assessment stays as it is."),
                          mizan_framework_get_version (to));
  g_string_append (body, "\n\n");
  g_string_append_printf (body,
                          g_dngettext (GETTEXT_PACKAGE,
                                       "• %u of %u answered practice carries over",
                                       "• %u of %u answered practices carry over",
                                       summary.old_answered),
                          summary.carried, summary.old_answered);
  g_string_append (body, "\n");
  g_string_append_printf (body,
                          g_dngettext (GETTEXT_PACKAGE,
                                       "• %u answered practice has no successor and is left behind",
                                       "• %u answered practices have no successor and are left behind",
                                       summary.dropped->len),
                          summary.dropped->len);
  g_string_append (body, "\n");
  g_string_append_printf (body,
                          g_dngettext (GETTEXT_PACKAGE,
                                       "• %u answer to confirm: it came from a practice that was split, or from answers that differed",
                                       "• %u answers to confirm: they came from practices that were split, or from answers that differed",
                                       summary.to_confirm->len),
                          summary.to_confirm->len);
  g_string_append (body, "\n");
  g_string_append_printf (body,
                          g_dngettext (GETTEXT_PACKAGE,
                                       "• %u practice of version %s is left to answer",
                                       "• %u practices of version %s are left to answer",
                                       summary.new_unanswered),
                          summary.new_unanswered, mizan_framework_get_version (to));

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (parent)), heading, body->str);
  append_practices (details, _("Left behind (no successor):"), summary.dropped, from);
  append_practices (details, _("To confirm:"), summary.to_confirm, to);
  if (details->len > 0)
    {
      GtkWidget *expander = gtk_expander_new (_("Show the practices"));

      /* GTK 4.8 leaves the expander itself unnamed; a screen reader meets it. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (expander), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Show the practices"), -1);
      GtkWidget *scroller = gtk_scrolled_window_new ();
      GtkWidget *label = gtk_label_new (details->str);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), label);
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
      gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 200);
      gtk_expander_set_child (GTK_EXPANDER (expander), scroller);
      adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), expander);
    }

  /* Translators: the button that makes the new assessment; %s is a version */
  carry_label = g_strdup_printf (_("_Carry to %s"), mizan_framework_get_version (to));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "carry", carry_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "carry", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "carry");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  carry = g_new0 (Carry, 1);
  carry->parent = g_object_ref (parent);
  carry->store = g_object_ref (mizan_session_get_store (session));
  carry->carried = carried;
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_response), carry, carry_closure_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
