/* mizan-results.c — scoring, gaps, priorities and roadmap of an assessment
 * Implements DESIGN.md "Scoring" and "Provisional results" in one pass over
 * the practices, then the rollups. */

#include "config.h"

#include <stdlib.h>

#include "mizan-results.h"

/* Each level's gate is a bit: set when an applicable practice at that level
 * is neither fully nor largely implemented. */
G_STATIC_ASSERT (MIZAN_FRAMEWORK_MAX_LEVELS < 32);

static inline MizanStatus
sanitize_status (MizanStatus status)
{
  /* A status array can come from outside (a caller, a database row); an
   * out-of-range value is treated as unanswered rather than read past a table. */
  if ((guint) status >= MIZAN_N_STATUSES)
    return MIZAN_STATUS_NONE;
  return status;
}

static guint
effective_target (MizanFramework *framework,
                  int             override)
{
  guint n_levels = mizan_framework_get_n_levels (framework);
  guint target;

  if (override < 0)
    target = mizan_framework_get_default_target (framework);
  else
    target = (guint) override;

  /* A target above the top level can never be reached; clamping keeps gaps,
   * priorities and the roadmap meaningful instead of inflating them. */
  return MIN (target, n_levels);
}

static void
score_capability (MizanFramework        *framework,
                  const MizanCapability *capability,
                  const MizanStatus     *statuses,
                  guint                  n_statuses,
                  int                    target_override,
                  MizanCapabilityResult *result)
{
  guint n_levels = mizan_framework_get_n_levels (framework);
  guint32 failed_levels = 0;
  double weight_sum = 0.0;
  double credit_sum = 0.0;
  gboolean any_applicable = FALSE;

  result->capability = capability;
  result->total = capability->n_practices;
  result->answered = 0;
  result->unassessed = 0;
  result->target = effective_target (framework, target_override);

  for (guint i = 0; i < capability->n_practices; i++)
    {
      const MizanPractice *practice = capability->practices[i];
      MizanStatus status = MIZAN_STATUS_NONE;

      if (practice->index < n_statuses)
        status = sanitize_status (statuses[practice->index]);

      if (status != MIZAN_STATUS_NONE)
        result->answered++;
      else if (practice->level <= result->target)
        result->unassessed++;

      if (status == MIZAN_STATUS_NA)
        continue;

      /* Unanswered practices are applicable: they earn no credit and hold the gate. */
      any_applicable = TRUE;
      weight_sum += practice->weight;
      credit_sum += practice->weight * mizan_status_get_credit (status);

      if (!mizan_status_passes (status) && practice->level < 32)
        failed_levels |= 1u << practice->level;
    }

  result->completion = result->total > 0 ? (double) result->answered / result->total : 0.0;
  result->applicable = any_applicable;
  /* An unanswered practice is applicable, so only an applicable capability
   * can be provisional; its level is a floor until they are answered. */
  result->provisional = result->unassessed > 0;

  if (!any_applicable)
    {
      result->level = 0;
      result->score = 0.0;
      result->gap = 0;
      return;
    }

  /* A level with no applicable practice has no bit set, so it passes. */
  result->level = 0;
  for (guint level = 1; level <= n_levels; level++)
    {
      if (failed_levels & (1u << level))
        break;
      result->level = level;
    }

  result->score = weight_sum > 0.0 ? credit_sum / weight_sum : 0.0;
  result->gap = result->target > result->level ? result->target - result->level : 0;
}

static void
score_domain (const MizanDomain     *domain,
              MizanCapabilityResult *capabilities,
              guint                  n_capabilities,
              MizanDomainResult     *result)
{
  double weight_sum = 0.0;
  double level_sum = 0.0;
  double score_sum = 0.0;
  double target_sum = 0.0;
  double gap_sum = 0.0;
  guint min_level = G_MAXUINT;

  result->domain = domain;
  result->answered = 0;
  result->total = 0;
  result->provisional = FALSE;

  for (guint i = 0; i < domain->n_capabilities; i++)
    {
      const MizanCapability *capability = domain->capabilities[i];
      const MizanCapabilityResult *cr;
      double weight;

      if (capability->index >= n_capabilities)
        continue;

      cr = &capabilities[capability->index];

      /* Completion counts every practice of the domain, like the overall
       * completion does for the whole framework, na capabilities included. */
      result->answered += cr->answered;
      result->total += cr->total;

      if (!cr->applicable)
        continue;

      result->provisional |= cr->provisional;
      weight = capability->weight;
      weight_sum += weight;
      level_sum += weight * cr->level;
      score_sum += weight * cr->score;
      target_sum += weight * cr->target;
      gap_sum += weight * cr->gap;
      min_level = MIN (min_level, cr->level);
    }

  result->completion = result->total > 0 ? (double) result->answered / result->total : 0.0;
  result->applicable = weight_sum > 0.0;

  if (!result->applicable)
    {
      result->level = 0;
      result->index = 0.0;
      result->score = 0.0;
      result->target = 0.0;
      result->gap = 0.0;
      return;
    }

  result->level = min_level;
  result->index = level_sum / weight_sum;
  result->score = score_sum / weight_sum;
  result->target = target_sum / weight_sum;
  result->gap = gap_sum / weight_sum;
}

typedef struct {
  gboolean provisional;  /* the assessed come first, the rest apart */
  double   priority;
  guint    position;     /* flat capability index: file order breaks ties */
} PriorityKey;

static int
compare_priority (const void *a,
                  const void *b)
{
  const PriorityKey *ka = a;
  const PriorityKey *kb = b;

  if (ka->provisional != kb->provisional)
    return ka->provisional ? 1 : -1;
  if (ka->priority > kb->priority)
    return -1;
  if (ka->priority < kb->priority)
    return 1;
  return (ka->position > kb->position) - (ka->position < kb->position);
}

static void
build_priorities (MizanResults *results)
{
  g_autofree PriorityKey *keys = g_new (PriorityKey, MAX (results->n_capabilities, 1));
  guint n_keys = 0;

  for (guint i = 0; i < results->n_capabilities; i++)
    {
      const MizanCapabilityResult *cr = &results->capabilities[i];

      if (!cr->applicable || cr->gap == 0)
        continue;

      keys[n_keys].provisional = cr->provisional;
      keys[n_keys].priority = cr->gap * cr->capability->weight * cr->capability->domain->weight;
      keys[n_keys].position = i;
      n_keys++;
      if (!cr->provisional)
        results->n_assessed_priorities++;
    }

  qsort (keys, n_keys, sizeof *keys, compare_priority);

  results->n_priorities = n_keys;
  results->priorities = g_new0 (MizanPriority, MAX (n_keys, 1));

  for (guint i = 0; i < n_keys; i++)
    {
      const MizanCapabilityResult *cr = &results->capabilities[keys[i].position];

      results->priorities[i].capability = cr->capability;
      results->priorities[i].gap = cr->gap;
      results->priorities[i].priority = keys[i].priority;
      results->priorities[i].provisional = keys[i].provisional;
    }
}

static void
build_roadmap (MizanResults      *results,
               const MizanStatus *statuses,
               guint              n_statuses)
{
  g_autoptr(GArray) items = g_array_new (FALSE, TRUE, sizeof (MizanRoadmapItem));
  g_autoptr(GArray) to_assess = g_array_new (FALSE, TRUE, sizeof (MizanRoadmapToAssess));

  for (guint p = 0; p < results->n_priorities; p++)
    {
      const MizanCapability *capability = results->priorities[p].capability;
      const MizanCapabilityResult *cr = &results->capabilities[capability->index];

      /* Every unanswered practice at a level ≤ target lies above the
       * capability's level (it holds its gate), so this is the count the
       * passes below leave out. */
      if (cr->unassessed > 0)
        {
          MizanRoadmapToAssess entry = { capability, cr->unassessed };

          g_array_append_val (to_assess, entry);
        }

      /* Levels up to the capability's own level have passed, so what is left
       * lies between it and the target; a few passes over a capability's
       * practices keep lowest-level-first with file order inside a level. */
      for (guint level = cr->level + 1; level <= cr->target; level++)
        {
          for (guint i = 0; i < capability->n_practices; i++)
            {
              const MizanPractice *practice = capability->practices[i];
              MizanStatus status = MIZAN_STATUS_NONE;
              MizanRoadmapItem item;
              guint distance;

              if (practice->level != level)
                continue;

              if (practice->index < n_statuses)
                status = sanitize_status (statuses[practice->index]);

              if (status != MIZAN_STATUS_PARTIALLY && status != MIZAN_STATUS_NOT)
                continue;

              distance = practice->level - cr->level;
              item.practice = practice;
              item.status = status;
              item.phase = distance >= MIZAN_PHASE_LATER ? MIZAN_PHASE_LATER : (MizanPhase) distance;
              g_array_append_val (items, item);
            }
        }
    }

  results->n_roadmap = items->len;
  results->roadmap = (MizanRoadmapItem *) (void *) g_array_free (g_steal_pointer (&items), FALSE);
  results->n_to_assess = to_assess->len;
  results->to_assess = (MizanRoadmapToAssess *) (void *) g_array_free (g_steal_pointer (&to_assess), FALSE);
}

MizanResults *
mizan_results_compute_statuses (MizanFramework    *framework,
                                const MizanStatus *statuses,
                                const int         *targets)
{
  MizanResults *results;
  guint n_practices;
  double weight_sum = 0.0;
  double index_sum = 0.0;
  double score_sum = 0.0;

  g_return_val_if_fail (MIZAN_IS_FRAMEWORK (framework), NULL);

  n_practices = mizan_framework_get_n_practices (framework);
  g_return_val_if_fail (statuses != NULL || n_practices == 0, NULL);

  results = g_new0 (MizanResults, 1);
  results->framework = g_object_ref (framework);
  results->n_domains = mizan_framework_get_n_domains (framework);
  results->n_capabilities = mizan_framework_get_n_capabilities (framework);
  results->domains = g_new0 (MizanDomainResult, MAX (results->n_domains, 1));
  results->capabilities = g_new0 (MizanCapabilityResult, MAX (results->n_capabilities, 1));

  for (guint i = 0; i < results->n_capabilities; i++)
    {
      const MizanCapability *capability = mizan_framework_get_capability (framework, i);

      score_capability (framework, capability, statuses, n_practices,
                        targets != NULL ? targets[i] : -1,
                        &results->capabilities[i]);
      results->answered += results->capabilities[i].answered;
      results->total += results->capabilities[i].total;
      results->unassessed += results->capabilities[i].unassessed;
    }

  for (guint i = 0; i < results->n_domains; i++)
    {
      const MizanDomain *domain = mizan_framework_get_domain (framework, i);
      MizanDomainResult *dr = &results->domains[i];

      score_domain (domain, results->capabilities, results->n_capabilities, dr);

      if (!dr->applicable)
        continue;

      results->provisional |= dr->provisional;
      weight_sum += domain->weight;
      index_sum += domain->weight * dr->index;
      score_sum += domain->weight * dr->score;
    }

  results->completion = results->total > 0 ? (double) results->answered / results->total : 0.0;
  results->applicable = weight_sum > 0.0;
  if (results->applicable)
    {
      results->index = index_sum / weight_sum;
      results->score = score_sum / weight_sum;
    }

  build_priorities (results);
  build_roadmap (results, statuses, n_practices);

  return results;
}

const MizanProfileQuestion *
mizan_results_excluded_by (MizanFramework      *framework,
                           MizanAssessment     *assessment,
                           const MizanPractice *practice)
{
  const char *questions[] = { practice->capability->applies_if, practice->applies_if };

  g_return_val_if_fail (MIZAN_IS_FRAMEWORK (framework), NULL);
  g_return_val_if_fail (MIZAN_IS_ASSESSMENT (assessment), NULL);

  /* The capability's question first: when it rules the whole capability
   * out, that is the reason a reader needs. */
  for (guint i = 0; i < G_N_ELEMENTS (questions); i++)
    if (questions[i] != NULL &&
        mizan_assessment_get_profile_answer (assessment, questions[i]) == MIZAN_PROFILE_NO)
      return mizan_framework_lookup_profile_question (framework, questions[i]);
  return NULL;
}

MizanStatus *
mizan_results_effective_statuses (MizanFramework  *framework,
                                  MizanAssessment *assessment)
{
  MizanStatus *statuses;
  guint n_practices;

  g_return_val_if_fail (MIZAN_IS_FRAMEWORK (framework), NULL);
  g_return_val_if_fail (MIZAN_IS_ASSESSMENT (assessment), NULL);

  n_practices = mizan_framework_get_n_practices (framework);
  statuses = g_new0 (MizanStatus, MAX (n_practices, 1));
  for (guint i = 0; i < n_practices; i++)
    {
      const MizanPractice *practice = mizan_framework_get_practice (framework, i);
      const MizanAnswer *answer = mizan_assessment_get_answer (assessment, practice->id);

      /* Out of scope by the organization's profile: exactly like na. */
      if (mizan_results_excluded_by (framework, assessment, practice) != NULL)
        statuses[i] = MIZAN_STATUS_NA;
      else
        statuses[i] = answer != NULL ? answer->status : MIZAN_STATUS_NONE;
    }
  return statuses;
}

MizanResults *
mizan_results_compute (MizanFramework  *framework,
                       MizanAssessment *assessment)
{
  g_autofree MizanStatus *statuses = NULL;
  g_autofree int *targets = NULL;
  g_auto(GStrv) target_ids = NULL;
  guint n_capabilities;

  g_return_val_if_fail (MIZAN_IS_FRAMEWORK (framework), NULL);
  g_return_val_if_fail (MIZAN_IS_ASSESSMENT (assessment), NULL);

  n_capabilities = mizan_framework_get_n_capabilities (framework);

  statuses = mizan_results_effective_statuses (framework, assessment);
  targets = g_new (int, MAX (n_capabilities, 1));
  for (guint i = 0; i < n_capabilities; i++)
    targets[i] = -1;

  target_ids = mizan_assessment_list_targets (assessment);
  for (guint i = 0; target_ids != NULL && target_ids[i] != NULL; i++)
    {
      const MizanCapability *capability = mizan_framework_lookup_capability (framework, target_ids[i]);

      if (capability != NULL && capability->index < n_capabilities)
        targets[capability->index] = mizan_assessment_get_target (assessment, target_ids[i]);
    }

  return mizan_results_compute_statuses (framework, statuses, targets);
}

void
mizan_results_free (MizanResults *results)
{
  if (results == NULL)
    return;

  g_clear_object (&results->framework);
  g_free (results->domains);
  g_free (results->capabilities);
  g_free (results->priorities);
  g_free (results->roadmap);
  g_free (results->to_assess);
  g_free (results);
}

guint
mizan_results_n_unanswered (const MizanResults *results)
{
  g_return_val_if_fail (results != NULL, 0);

  return results->total - results->answered;
}

static void
add_double_or_null (JsonBuilder *builder,
                    const char  *name,
                    gboolean     present,
                    double       value)
{
  json_builder_set_member_name (builder, name);
  if (present)
    json_builder_add_double_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_int_or_null (JsonBuilder *builder,
                 const char  *name,
                 gboolean     present,
                 gint64       value)
{
  json_builder_set_member_name (builder, name);
  if (present)
    json_builder_add_int_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_boolean_or_null (JsonBuilder *builder,
                     const char  *name,
                     gboolean     present,
                     gboolean     value)
{
  json_builder_set_member_name (builder, name);
  if (present)
    json_builder_add_boolean_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_capability (JsonBuilder                 *builder,
                const MizanCapabilityResult *cr)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, cr->capability->id);
  add_int_or_null (builder, "level", cr->applicable, cr->level);
  add_double_or_null (builder, "score", cr->applicable, cr->score);
  add_double_or_null (builder, "completion", TRUE, cr->completion);
  add_int_or_null (builder, "target", TRUE, cr->target);
  add_int_or_null (builder, "gap", cr->applicable, cr->gap);
  add_boolean_or_null (builder, "provisional", cr->applicable, cr->provisional);
  add_int_or_null (builder, "not_assessed", cr->applicable, cr->unassessed);
  json_builder_end_object (builder);
}

static void
add_domain (JsonBuilder             *builder,
            const MizanResults      *results,
            const MizanDomainResult *dr)
{
  gboolean applicable = dr->applicable;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, dr->domain->id);
  add_int_or_null (builder, "level", applicable, dr->level);
  add_double_or_null (builder, "index", applicable, dr->index);
  add_double_or_null (builder, "score", applicable, dr->score);
  add_double_or_null (builder, "target", applicable, dr->target);
  add_double_or_null (builder, "gap", applicable, dr->gap);
  add_boolean_or_null (builder, "provisional", applicable, dr->provisional);

  json_builder_set_member_name (builder, "capabilities");
  json_builder_begin_array (builder);
  for (guint i = 0; i < dr->domain->n_capabilities; i++)
    {
      guint position = dr->domain->capabilities[i]->index;

      if (position < results->n_capabilities)
        add_capability (builder, &results->capabilities[position]);
    }
  json_builder_end_array (builder);

  json_builder_end_object (builder);
}

JsonNode *
mizan_results_to_json (const MizanResults *results,
                       const char         *assessment_id)
{
  g_autoptr(JsonBuilder) builder = NULL;

  g_return_val_if_fail (results != NULL, NULL);

  builder = json_builder_new ();
  json_builder_begin_object (builder);

  json_builder_set_member_name (builder, "assessment");
  if (assessment_id != NULL)
    json_builder_add_string_value (builder, assessment_id);
  else
    json_builder_add_null_value (builder);

  json_builder_set_member_name (builder, "framework");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, mizan_framework_get_id (results->framework));
  json_builder_set_member_name (builder, "version");
  json_builder_add_string_value (builder, mizan_framework_get_version (results->framework));
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "overall");
  json_builder_begin_object (builder);
  add_double_or_null (builder, "index", results->applicable, results->index);
  add_double_or_null (builder, "score", results->applicable, results->score);
  add_double_or_null (builder, "completion", TRUE, results->completion);
  add_boolean_or_null (builder, "provisional", results->applicable, results->provisional);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "domains");
  json_builder_begin_array (builder);
  for (guint i = 0; i < results->n_domains; i++)
    add_domain (builder, results, &results->domains[i]);
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "priorities");
  json_builder_begin_array (builder);
  for (guint i = 0; i < results->n_priorities; i++)
    {
      const MizanPriority *priority = &results->priorities[i];

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "capability");
      json_builder_add_string_value (builder, priority->capability->id);
      json_builder_set_member_name (builder, "gap");
      json_builder_add_int_value (builder, priority->gap);
      json_builder_set_member_name (builder, "priority");
      json_builder_add_double_value (builder, priority->priority);
      json_builder_set_member_name (builder, "provisional");
      json_builder_add_boolean_value (builder, priority->provisional);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}
