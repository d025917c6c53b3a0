/* mizan-results.h — scoring, gaps, priorities and roadmap of an assessment
 * Exactly the rules of DESIGN.md "Scoring" and "Provisional results"; numbers are unrounded. */
#pragma once

#include <json-glib/json-glib.h>
#include "mizan-framework.h"
#include "mizan-assessment.h"

G_BEGIN_DECLS

typedef struct {
  const MizanCapability *capability;
  gboolean applicable;   /* FALSE when every practice is na */
  guint    level;        /* 0..L, when applicable */
  double   score;        /* 0..1, when applicable */
  double   completion;   /* answered (na counts) / all */
  guint    answered;
  guint    total;
  guint    target;       /* override or the framework's default */
  guint    gap;          /* max(0, target - level), when applicable */
  guint    unassessed;   /* unanswered practices at levels ≤ target */
  gboolean provisional;  /* unassessed > 0: the level may still rise */
} MizanCapabilityResult;

typedef struct {
  const MizanDomain *domain;
  gboolean applicable;   /* FALSE when no capability is applicable */
  guint    level;        /* min of applicable capabilities' levels */
  double   index;        /* weight-averaged capability levels */
  double   score;
  double   target;
  double   gap;
  double   completion;
  guint    answered;
  guint    total;
  gboolean provisional;  /* an applicable capability is provisional */
} MizanDomainResult;

typedef struct {
  const MizanCapability *capability;
  guint  gap;
  double priority;       /* gap × capability weight × domain weight */
  gboolean provisional;  /* the capability is not yet assessed */
} MizanPriority;

typedef enum {
  MIZAN_PHASE_NEXT = 1,
  MIZAN_PHASE_THEN = 2,
  MIZAN_PHASE_LATER = 3,
} MizanPhase;

typedef struct {
  const MizanPractice *practice;
  MizanStatus status;
  MizanPhase  phase;     /* practice level − capability level, 3 and above as LATER */
} MizanRoadmapItem;

/* A provisional capability's unanswered practices are not actions: the
 * roadmap only says how many are left to assess. */
typedef struct {
  const MizanCapability *capability;
  guint n_practices;
} MizanRoadmapToAssess;

typedef struct {
  MizanFramework        *framework;     /* a reference is held */
  gboolean               applicable;    /* FALSE when no domain is applicable */
  double                 index;         /* 0..L */
  double                 score;         /* 0..1 */
  double                 completion;    /* 0..1 */
  guint                  answered;
  guint                  total;
  gboolean               provisional;   /* an applicable domain is provisional */
  guint                  unassessed;    /* Σ capabilities' unassessed */
  MizanDomainResult     *domains;       /* framework order */
  guint                  n_domains;
  MizanCapabilityResult *capabilities;  /* framework order (flat index) */
  guint                  n_capabilities;
  /* Assessed capabilities first (highest first, then file order), then
   * from n_assessed_priorities on the provisional ones in the same order. */
  MizanPriority         *priorities;
  guint                  n_priorities;
  guint                  n_assessed_priorities;
  /* Practices answered partially or not: by priority, then lowest level first */
  MizanRoadmapItem      *roadmap;
  guint                  n_roadmap;
  MizanRoadmapToAssess  *to_assess;     /* by priority */
  guint                  n_to_assess;
} MizanResults;

/* @statuses has one entry per practice (framework order); @targets one per
 * capability, a negative entry meaning the framework's default; @targets may be NULL. */
MizanResults *mizan_results_compute_statuses (MizanFramework     *framework,
                                              const MizanStatus  *statuses,
                                              const int          *targets);
/* The profile question whose answer "no" takes @practice (or its capability)
 * out of scope for @assessment; NULL when it applies. */
const MizanProfileQuestion *
              mizan_results_excluded_by      (MizanFramework      *framework,
                                              MizanAssessment     *assessment,
                                              const MizanPractice *practice);
/* Every practice's status in framework order as scoring sees it: the answer,
 * or na where the organization's profile takes the practice out of scope.
 * Free with g_free(). */
MizanStatus  *mizan_results_effective_statuses (MizanFramework  *framework,
                                                MizanAssessment *assessment);
/* Answers and targets of @assessment whose ids the framework lacks are ignored;
 * practices out of scope by the organization's profile count as na. */
MizanResults *mizan_results_compute          (MizanFramework     *framework,
                                              MizanAssessment    *assessment);
void          mizan_results_free             (MizanResults       *results);
/* Practices still unanswered (na and out of scope count as answered): what
 * sharing waits for. */
guint         mizan_results_n_unanswered     (const MizanResults *results);
/* DESIGN.md "Results JSON" */
JsonNode     *mizan_results_to_json          (const MizanResults *results,
                                              const char         *assessment_id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MizanResults, mizan_results_free)

G_END_DECLS
