/* mizan-server-submission.h — one validated submission as the benchmark server holds it
 * The figures sit in numbered slots laid out from the framework, so that aggregating is array work. */
#pragma once

#include <math.h>

#include "mizan-framework.h"

G_BEGIN_DECLS

/* Per domain: level, index, score; per capability: level, score; then the
 * submission's overall index and score (weight-averaged over its domains). */
typedef enum {
  MIZAN_DOMAIN_LEVEL,
  MIZAN_DOMAIN_INDEX,
  MIZAN_DOMAIN_SCORE,
  MIZAN_N_DOMAIN_METRICS,
} MizanDomainMetric;

typedef enum {
  MIZAN_CAPABILITY_LEVEL,
  MIZAN_CAPABILITY_SCORE,
  MIZAN_N_CAPABILITY_METRICS,
} MizanCapabilityMetric;

typedef enum {
  MIZAN_OVERALL_INDEX,
  MIZAN_OVERALL_SCORE,
  MIZAN_N_OVERALL_METRICS,
} MizanOverallMetric;

static inline guint
mizan_slot_domain (guint domain,
                   guint metric)
{
  return domain * MIZAN_N_DOMAIN_METRICS + metric;
}

static inline guint
mizan_slot_capability (MizanFramework *framework,
                       guint           capability,
                       guint           metric)
{
  return mizan_framework_get_n_domains (framework) * MIZAN_N_DOMAIN_METRICS
         + capability * MIZAN_N_CAPABILITY_METRICS + metric;
}

static inline guint
mizan_slot_overall (MizanFramework *framework,
                    guint           metric)
{
  return mizan_framework_get_n_domains (framework) * MIZAN_N_DOMAIN_METRICS
         + mizan_framework_get_n_capabilities (framework) * MIZAN_N_CAPABILITY_METRICS
         + metric;
}

static inline guint
mizan_slots_count (MizanFramework *framework)
{
  return mizan_slot_overall (framework, MIZAN_N_OVERALL_METRICS);
}

typedef struct {
  char           *id;          /* the submission_id, lower case */
  MizanFramework *framework;   /* a reference is held */
  char           *country;
  char           *sector;
  char           *size;
  char           *period;
  double         *values;      /* mizan_slots_count() slots; NAN where not applicable */
  char           *payload;     /* the document as stored: compact JSON */
} MizanServerSubmission;

MizanServerSubmission *mizan_server_submission_new  (MizanFramework        *framework);
void                   mizan_server_submission_free (MizanServerSubmission *self);

/* The figures as stored beside the payload, so that a restart need not parse
 * JSON: a tag of the framework's layout (its ids in order), then the slots. */
GBytes                *mizan_server_submission_pack_figures   (const MizanServerSubmission *self);
/* FALSE when @data was packed for another layout (the framework file changed). */
gboolean               mizan_server_submission_unpack_figures (MizanServerSubmission       *self,
                                                               const void                  *data,
                                                               gsize                        length);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MizanServerSubmission, mizan_server_submission_free)

G_END_DECLS
