/* mizan-comparison.h — what changed between two assessments of one organization and framework
 * Both are scored against the same framework; the deltas read "later minus earlier". */
#pragma once

#include "mizan-results.h"

G_BEGIN_DECLS

typedef struct {
  const MizanDomain       *domain;
  const MizanDomainResult *before;   /* in the comparison's results */
  const MizanDomainResult *after;
  gboolean                 comparable;   /* applicable in both */
  double                   index_delta;  /* when comparable */
  double                   score_delta;
  int                      level_delta;
} MizanDomainDelta;

typedef struct {
  const MizanPractice *practice;
  MizanStatus          before;
  MizanStatus          after;
} MizanPracticeChange;

typedef struct {
  MizanResults        *before;
  MizanResults        *after;
  gboolean             comparable;      /* both have an overall index */
  double               index_delta;
  double               score_delta;
  double               completion_delta;
  MizanDomainDelta    *domains;         /* framework order */
  guint                n_domains;
  MizanPracticeChange *changes;         /* practices whose status differs, framework order */
  guint                n_changes;
} MizanComparison;

/* Scores @before and @after with @framework (answers to practices it lacks
 * are left out, so a re-assessment on a newer framework version compares on
 * what both share). */
MizanComparison *mizan_comparison_new  (MizanFramework  *framework,
                                        MizanAssessment *before,
                                        MizanAssessment *after);
void             mizan_comparison_free (MizanComparison *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MizanComparison, mizan_comparison_free)

G_END_DECLS
