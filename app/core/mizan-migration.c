/* mizan-migration.c — carrying an assessment to a newer version of its model
 * Old answers go to their successors; where several meet or one splits, the assessor confirms. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "mizan-migration.h"

G_DEFINE_QUARK (mizan-migration-error-quark, mizan_migration_error)

void
mizan_migration_summary_clear (MizanMigrationSummary *summary)
{
  g_clear_pointer (&summary->dropped, g_ptr_array_unref);
  g_clear_pointer (&summary->to_confirm, g_ptr_array_unref);
  memset (summary, 0, sizeof *summary);
}

/* The old answers that reach one new practice. */
typedef struct {
  GPtrArray *old_ids;   /* const char *, old file order */
  gboolean   split;     /* one of them went to several successors */
} Incoming;

static void
incoming_free (gpointer data)
{
  Incoming *incoming = data;

  g_ptr_array_unref (incoming->old_ids);
  g_free (incoming);
}

/* When answers of several old practices meet in one new practice and
 * disagree, the new one takes the weakest: a merged practice is only as
 * implemented as its least implemented part. na only when all were na. */
static MizanStatus
weakest (MizanStatus a,
         MizanStatus b)
{
  if (a == MIZAN_STATUS_NONE || a == MIZAN_STATUS_NA)
    return b == MIZAN_STATUS_NONE ? a : b;
  if (b == MIZAN_STATUS_NONE || b == MIZAN_STATUS_NA)
    return a;
  return mizan_status_get_credit (b) < mizan_status_get_credit (a) ? b : a;
}

/* One old text, or each prefixed with its old practice id when several meet. */
static char *
join_texts (MizanAssessment *from,
            GPtrArray       *old_ids,
            gboolean         evidence)
{
  g_autoptr(GString) joined = g_string_new (NULL);
  guint n_texts = 0;

  for (guint i = 0; i < old_ids->len; i++)
    {
      const MizanAnswer *answer = mizan_assessment_get_answer (from, old_ids->pdata[i]);
      const char *text = evidence ? answer->evidence : answer->note;

      if (text != NULL)
        n_texts++;
    }
  for (guint i = 0; i < old_ids->len; i++)
    {
      const MizanAnswer *answer = mizan_assessment_get_answer (from, old_ids->pdata[i]);
      const char *text = evidence ? answer->evidence : answer->note;

      if (text == NULL)
        continue;
      if (joined->len > 0)
        g_string_append_c (joined, '\n');
      if (n_texts > 1)
        g_string_append_printf (joined, "%s: ", (const char *) old_ids->pdata[i]);
      g_string_append (joined, text);
    }
  return joined->len > 0 ? g_string_free (g_steal_pointer (&joined), FALSE) : NULL;
}

MizanAssessment *
mizan_migration_carry (MizanAssessment        *from,
                       MizanFramework         *from_framework,
                       MizanFramework         *to,
                       MizanMigrationSummary  *summary,
                       GError                **error)
{
  g_autoptr(MizanAssessment) carried = NULL;
  g_autoptr(GHashTable) incoming = NULL;  /* new practice id → Incoming */
  g_auto(MizanMigrationSummary) local = { 0 };
  g_auto(GStrv) targets = NULL;
  const char *version;

  g_return_val_if_fail (MIZAN_IS_ASSESSMENT (from), NULL);
  g_return_val_if_fail (MIZAN_IS_FRAMEWORK (from_framework), NULL);
  g_return_val_if_fail (MIZAN_IS_FRAMEWORK (to), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  version = mizan_framework_get_version (from_framework);
  if (!g_str_equal (mizan_framework_get_id (to), mizan_framework_get_id (from_framework)) ||
      g_strcmp0 (mizan_framework_get_supersedes_version (to), version) != 0)
    {
      g_set_error (error, MIZAN_MIGRATION_ERROR, MIZAN_MIGRATION_ERROR_NOT_SUPERSEDED,
                   _("%s %s does not say how to carry answers from %s %s"),
                   mizan_framework_get_id (to), mizan_framework_get_version (to),
                   mizan_framework_get_id (from_framework), version);
      return NULL;
    }

  local.dropped = g_ptr_array_new_with_free_func (g_free);
  local.to_confirm = g_ptr_array_new_with_free_func (g_free);
  incoming = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, incoming_free);

  for (guint i = 0; i < mizan_framework_get_n_practices (from_framework); i++)
    {
      const MizanPractice *old = mizan_framework_get_practice (from_framework, i);
      const MizanAnswer *answer = mizan_assessment_get_answer (from, old->id);
      const char * const *successors;
      guint n_successors;

      if (answer == NULL)
        continue;
      if (answer->status != MIZAN_STATUS_NONE)
        local.old_answered++;
      successors = mizan_framework_get_successors (to, old->id);
      n_successors = successors != NULL ? g_strv_length ((char **) successors) : 0;
      if (n_successors == 0)
        {
          if (answer->status != MIZAN_STATUS_NONE)
            g_ptr_array_add (local.dropped, g_strdup (old->id));
          continue;
        }
      if (answer->status != MIZAN_STATUS_NONE)
        local.carried++;

      for (guint j = 0; j < n_successors; j++)
        {
          /* The map names practices of @to (the loader checked it): the
           * key stays valid as long as @to. */
          const MizanPractice *successor = mizan_framework_lookup_practice (to, successors[j]);
          Incoming *in = g_hash_table_lookup (incoming, successor->id);

          if (in == NULL)
            {
              in = g_new0 (Incoming, 1);
              in->old_ids = g_ptr_array_new ();
              g_hash_table_insert (incoming, successor->id, in);
            }
          g_ptr_array_add (in->old_ids, old->id);
          in->split |= n_successors > 1;
        }
    }

  carried = mizan_assessment_new (NULL);
  mizan_assessment_set_framework (carried, mizan_framework_get_id (to), mizan_framework_get_version (to));
  mizan_assessment_set_title (carried, mizan_assessment_get_title (from));
  mizan_assessment_set_assessor (carried, mizan_assessment_get_assessor (from));
  mizan_assessment_set_organization (carried,
                                     mizan_assessment_get_org_name (from),
                                     mizan_assessment_get_org_country (from),
                                     mizan_assessment_get_org_sector (from),
                                     mizan_assessment_get_org_size (from));

  /* New practices in file order, so that the summary lists read in order. */
  for (guint i = 0; i < mizan_framework_get_n_practices (to); i++)
    {
      const MizanPractice *practice = mizan_framework_get_practice (to, i);
      Incoming *in = g_hash_table_lookup (incoming, practice->id);
      MizanStatus status = MIZAN_STATUS_NONE;
      gboolean disagree = FALSE;
      gint64 updated = 0;
      g_autofree char *note = NULL;
      g_autofree char *evidence = NULL;

      if (in == NULL)
        {
          local.new_unanswered++;
          continue;
        }
      for (guint j = 0; j < in->old_ids->len; j++)
        {
          const MizanAnswer *answer = mizan_assessment_get_answer (from, in->old_ids->pdata[j]);

          if (j > 0 && answer->status != status)
            disagree = TRUE;
          status = j == 0 ? answer->status : weakest (status, answer->status);
          updated = MAX (updated, answer->updated);
        }
      note = join_texts (from, in->old_ids, FALSE);
      evidence = join_texts (from, in->old_ids, TRUE);
      mizan_assessment_set_answer (carried, practice->id, status, note, evidence, updated);
      if (status == MIZAN_STATUS_NONE)
        local.new_unanswered++;
      else
        local.new_answered++;
      if (status != MIZAN_STATUS_NONE && (in->split || disagree))
        {
          mizan_assessment_set_to_confirm (carried, practice->id, TRUE);
          g_ptr_array_add (local.to_confirm, g_strdup (practice->id));
        }
    }

  targets = mizan_assessment_list_targets (from);
  for (guint i = 0; targets[i] != NULL; i++)
    {
      if (mizan_framework_lookup_capability (to, targets[i]) == NULL)
        {
          local.targets_dropped++;
          continue;
        }
      mizan_assessment_set_target (carried, targets[i], mizan_assessment_get_target (from, targets[i]));
      local.targets_kept++;
    }

  if (summary != NULL)
    {
      *summary = local;
      memset (&local, 0, sizeof local);
    }
  return g_steal_pointer (&carried);
}
