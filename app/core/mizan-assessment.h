/* mizan-assessment.h — one organization's assessment against one framework
 * An in-memory snapshot: metadata, organization profile, answers and target overrides. */
#pragma once

#include <glib-object.h>
#include "mizan-status.h"

G_BEGIN_DECLS

typedef struct {
  MizanStatus  status;
  char        *note;      /* nullable */
  char        *evidence;  /* nullable */
  gint64       updated;   /* Unix time in seconds (UTC); 0 when unknown */
  /* Carried from a practice of an older model version that has several
   * successors: the assessor should confirm it. Any change clears it. */
  gboolean     to_confirm;
} MizanAnswer;

/* An answer to one of the framework's profile questions ("Does the
 * organization run a CERT?"). Unanswered means every item applies. */
typedef enum {
  MIZAN_PROFILE_UNANSWERED = 0,
  MIZAN_PROFILE_NO,
  MIZAN_PROFILE_YES,
} MizanProfileAnswer;

#define MIZAN_TYPE_ASSESSMENT (mizan_assessment_get_type ())
G_DECLARE_FINAL_TYPE (MizanAssessment, mizan_assessment, MIZAN, ASSESSMENT, GObject)

/* @id NULL: a new random UUID. created and updated start at now. */
MizanAssessment   *mizan_assessment_new                   (const char      *id);

const char        *mizan_assessment_get_id                (MizanAssessment *self);
void               mizan_assessment_set_id                (MizanAssessment *self,
                                                           const char      *id);
const char        *mizan_assessment_get_title             (MizanAssessment *self);
void               mizan_assessment_set_title             (MizanAssessment *self,
                                                           const char      *title);
const char        *mizan_assessment_get_assessor          (MizanAssessment *self);
void               mizan_assessment_set_assessor          (MizanAssessment *self,
                                                           const char      *assessor);
const char        *mizan_assessment_get_framework_id      (MizanAssessment *self);
const char        *mizan_assessment_get_framework_version (MizanAssessment *self);
void               mizan_assessment_set_framework         (MizanAssessment *self,
                                                           const char      *id,
                                                           const char      *version);
/* Unix seconds, UTC */
gint64             mizan_assessment_get_created           (MizanAssessment *self);
void               mizan_assessment_set_created           (MizanAssessment *self,
                                                           gint64           created);
gint64             mizan_assessment_get_updated           (MizanAssessment *self);
void               mizan_assessment_set_updated           (MizanAssessment *self,
                                                           gint64           updated);

/* Organization profile (DESIGN.md "Assessment exchange file") */
const char        *mizan_assessment_get_org_name          (MizanAssessment *self);
const char        *mizan_assessment_get_org_country       (MizanAssessment *self);  /* ISO alpha-3 */
const char        *mizan_assessment_get_org_sector        (MizanAssessment *self);
const char        *mizan_assessment_get_org_size          (MizanAssessment *self);
void               mizan_assessment_set_organization      (MizanAssessment *self,
                                                           const char      *name,
                                                           const char      *country,
                                                           const char      *sector,
                                                           const char      *size);
/* The store's row id of the organization; 0 when not stored. */
gint64             mizan_assessment_get_org_id            (MizanAssessment *self);
void               mizan_assessment_set_org_id            (MizanAssessment *self,
                                                           gint64           org_id);

/* NULL when the practice is unanswered and has no note or evidence. */
const MizanAnswer *mizan_assessment_get_answer            (MizanAssessment *self,
                                                           const char      *practice_id);
/* Stores a copy. A NONE status with no note and no evidence removes the answer. */
void               mizan_assessment_set_answer            (MizanAssessment *self,
                                                           const char      *practice_id,
                                                           MizanStatus      status,
                                                           const char      *note,
                                                           const char      *evidence,
                                                           gint64           updated);
/* Marks an existing answer as carried over and still to be confirmed. */
void               mizan_assessment_set_to_confirm        (MizanAssessment *self,
                                                           const char      *practice_id,
                                                           gboolean         to_confirm);
/* practice id → MizanAnswer*; transfer none */
GHashTable        *mizan_assessment_get_answers           (MizanAssessment *self);
/* Answers whose status is not NONE (na counts). */
guint              mizan_assessment_count_answered        (MizanAssessment *self);

/* The overriding target of a capability, or -1 when it follows the default. */
int                mizan_assessment_get_target            (MizanAssessment *self,
                                                           const char      *capability_id);
/* @target < 0 removes the override. */
void               mizan_assessment_set_target            (MizanAssessment *self,
                                                           const char      *capability_id,
                                                           int              target);
/* Sorted capability ids that have an override; free with g_strfreev. */
GStrv              mizan_assessment_list_targets          (MizanAssessment *self);

/* The organization's answers to the framework's profile questions. */
MizanProfileAnswer mizan_assessment_get_profile_answer    (MizanAssessment    *self,
                                                           const char         *question_id);
void               mizan_assessment_set_profile_answer    (MizanAssessment    *self,
                                                           const char         *question_id,
                                                           MizanProfileAnswer  answer);
/* Sorted ids of the answered questions; free with g_strfreev. */
GStrv              mizan_assessment_list_profile          (MizanAssessment    *self);

G_END_DECLS
