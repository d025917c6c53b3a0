/* mizan-submission.c — the anonymized mizan-submission/1 payload
 * Built from an allow-list of fields so nothing identifying can slip in by accident. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "mizan-submission.h"

G_DEFINE_QUARK (mizan-submission-error-quark, mizan_submission_error)

gboolean
mizan_submission_check_complete (const MizanResults  *results,
                                 GError             **error)
{
  guint left;

  g_return_val_if_fail (results != NULL, FALSE);

  left = mizan_results_n_unanswered (results);
  if (left == 0)
    return TRUE;

  /* Peers compare finished assessments: a half-answered one would read as
   * a weak organization rather than an unfinished questionnaire. */
  g_set_error (error, MIZAN_SUBMISSION_ERROR, MIZAN_SUBMISSION_ERROR_INCOMPLETE,
               g_dngettext (GETTEXT_PACKAGE,
                            "%u practice is not answered yet; only a complete assessment can be shared (Not applicable counts as an answer)",
                            "%u practices are not answered yet; only a complete assessment can be shared (Not applicable counts as an answer)",
                            left),
               left);
  return FALSE;
}

char *
mizan_submission_period (gint64 unix_time)
{
  g_autoptr(GDateTime) datetime = g_date_time_new_from_unix_utc (unix_time);

  /* Only a corrupt timestamp falls outside GDateTime's years 1..9999. */
  if (datetime == NULL)
    return NULL;

  return g_strdup_printf ("%04d-Q%d",
                          g_date_time_get_year (datetime),
                          (g_date_time_get_month (datetime) - 1) / 3 + 1);
}

static void
add_string_or_null (JsonBuilder *builder,
                    const char  *name,
                    const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

JsonNode *
mizan_submission_build (MizanAssessment    *assessment,
                        const MizanResults *results,
                        const char         *submission_id)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autofree char *random_id = NULL;
  g_autofree char *period = NULL;

  g_return_val_if_fail (MIZAN_IS_ASSESSMENT (assessment), NULL);
  g_return_val_if_fail (results != NULL, NULL);

  /* A fresh random id can never be linked back to the local assessment id. */
  if (submission_id == NULL)
    submission_id = random_id = g_uuid_string_random ();

  period = mizan_submission_period (mizan_assessment_get_updated (assessment));

  builder = json_builder_new ();
  json_builder_begin_object (builder);

  add_string_or_null (builder, "schema", MIZAN_SUBMISSION_SCHEMA);
  add_string_or_null (builder, "submission_id", submission_id);

  json_builder_set_member_name (builder, "framework");
  json_builder_begin_object (builder);
  add_string_or_null (builder, "id", mizan_framework_get_id (results->framework));
  add_string_or_null (builder, "version", mizan_framework_get_version (results->framework));
  json_builder_end_object (builder);

  add_string_or_null (builder, "country", mizan_assessment_get_org_country (assessment));
  add_string_or_null (builder, "sector", mizan_assessment_get_org_sector (assessment));
  add_string_or_null (builder, "size", mizan_assessment_get_org_size (assessment));
  add_string_or_null (builder, "period", period);

  json_builder_set_member_name (builder, "domains");
  json_builder_begin_array (builder);
  for (guint i = 0; i < results->n_domains; i++)
    {
      const MizanDomainResult *dr = &results->domains[i];

      if (!dr->applicable)
        continue;

      json_builder_begin_object (builder);
      add_string_or_null (builder, "id", dr->domain->id);
      json_builder_set_member_name (builder, "level");
      json_builder_add_int_value (builder, dr->level);
      json_builder_set_member_name (builder, "index");
      json_builder_add_double_value (builder, dr->index);
      json_builder_set_member_name (builder, "score");
      json_builder_add_double_value (builder, dr->score);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "capabilities");
  json_builder_begin_array (builder);
  for (guint i = 0; i < results->n_capabilities; i++)
    {
      const MizanCapabilityResult *cr = &results->capabilities[i];

      if (!cr->applicable)
        continue;

      json_builder_begin_object (builder);
      add_string_or_null (builder, "id", cr->capability->id);
      json_builder_set_member_name (builder, "level");
      json_builder_add_int_value (builder, cr->level);
      json_builder_set_member_name (builder, "score");
      json_builder_add_double_value (builder, cr->score);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}
