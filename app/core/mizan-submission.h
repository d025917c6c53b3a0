/* mizan-submission.h — the anonymized mizan-submission/1 payload
 * Only what DESIGN.md allows leaves the machine: no names, notes, evidence, dates or local ids. */
#pragma once

#include <json-glib/json-glib.h>
#include "mizan-assessment.h"
#include "mizan-results.h"

G_BEGIN_DECLS

#define MIZAN_SUBMISSION_SCHEMA "mizan-submission/1"

#define MIZAN_SUBMISSION_ERROR (mizan_submission_error_quark ())
typedef enum {
  MIZAN_SUBMISSION_ERROR_INCOMPLETE,  /* applicable practices are still unanswered */
} MizanSubmissionError;

GQuark    mizan_submission_error_quark (void);

/* "2026-Q4" for the quarter holding @unix_time (UTC). */
char     *mizan_submission_period     (gint64              unix_time);
/* The payload for @assessment scored as @results; period is the quarter of
 * the assessment's last change. A not-applicable domain or capability is
 * left out (it has no figures to compare). */
JsonNode *mizan_submission_build      (MizanAssessment    *assessment,
                                       const MizanResults *results,
                                       const char         *submission_id);
/* Only a complete assessment is shared (DESIGN.md "Provisional results"):
 * FALSE with an error saying how many practices are left when any applicable
 * one is unanswered (na and out of scope count as answered). */
gboolean  mizan_submission_check_complete (const MizanResults  *results,
                                           GError             **error);

G_END_DECLS
