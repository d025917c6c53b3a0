/* mizan-comparison.c — what changed between two assessments of one organization and framework
 * Scores both with one framework and lists the domain deltas and the practices whose status moved. */
#include "config.h"

#include "mizan-comparison.h"

static MizanStatus
status_of (MizanAssessment     *assessment,
           const MizanPractice *practice)
{
  const MizanAnswer *answer = mizan_assessment_get_answer (assessment, practice->id);

  return answer != NULL ? answer->status : MIZAN_STATUS_NONE;
}

MizanComparison *
mizan_comparison_new (MizanFramework  *framework,
                      MizanAssessment *before,
                      MizanAssessment *after)
{
  MizanComparison *self;
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (MizanPracticeChange));
  guint n_practices;

  g_return_val_if_fail (MIZAN_IS_FRAMEWORK (framework), NULL);
  g_return_val_if_fail (MIZAN_IS_ASSESSMENT (before), NULL);
  g_return_val_if_fail (MIZAN_IS_ASSESSMENT (after), NULL);

  self = g_new0 (MizanComparison, 1);
  self->before = mizan_results_compute (framework, before);
  self->after = mizan_results_compute (framework, after);
  self->comparable = self->before->applicable && self->after->applicable;
  if (self->comparable)
    {
      self->index_delta = self->after->index - self->before->index;
      self->score_delta = self->after->score - self->before->score;
    }
  self->completion_delta = self->after->completion - self->before->completion;

  self->n_domains = self->after->n_domains;
  self->domains = g_new0 (MizanDomainDelta, self->n_domains);
  for (guint i = 0; i < self->n_domains; i++)
    {
      MizanDomainDelta *delta = &self->domains[i];

      delta->domain = self->after->domains[i].domain;
      delta->before = &self->before->domains[i];
      delta->after = &self->after->domains[i];
      delta->comparable = delta->before->applicable && delta->after->applicable;
      if (delta->comparable)
        {
          delta->index_delta = delta->after->index - delta->before->index;
          delta->score_delta = delta->after->score - delta->before->score;
          delta->level_delta = (int) delta->after->level - (int) delta->before->level;
        }
    }

  n_practices = mizan_framework_get_n_practices (framework);
  for (guint i = 0; i < n_practices; i++)
    {
      const MizanPractice *practice = mizan_framework_get_practice (framework, i);
      MizanPracticeChange change = {
        .practice = practice,
        .before = status_of (before, practice),
        .after = status_of (after, practice),
      };

      if (change.before != change.after)
        g_array_append_val (changes, change);
    }
  self->n_changes = changes->len;
  self->changes = (MizanPracticeChange *) g_array_free (g_steal_pointer (&changes), FALSE);
  return self;
}

void
mizan_comparison_free (MizanComparison *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->before, mizan_results_free);
  g_clear_pointer (&self->after, mizan_results_free);
  g_free (self->domains);
  g_free (self->changes);
  g_free (self);
}
