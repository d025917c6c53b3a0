/* mizan-session.h — one assessment open in a window: its store, framework and live results
 * Every edit goes to the store first (one transaction) and only then to the in-memory copy. */
#pragma once

#include <gio/gio.h>

#include "mizan-assessment.h"
#include "mizan-framework.h"
#include "mizan-outline-item.h"
#include "mizan-results.h"
#include "mizan-store.h"

G_BEGIN_DECLS

typedef enum {
  MIZAN_SAVE_STATE_UNCHANGED,   /* nothing edited since it was opened */
  MIZAN_SAVE_STATE_SAVED,       /* every edit is in the database */
  MIZAN_SAVE_STATE_PENDING,     /* a text edit is waiting for the typing to pause */
  MIZAN_SAVE_STATE_FAILED,      /* the last write failed; see the save error */
} MizanSaveState;

#define MIZAN_TYPE_SESSION (mizan_session_get_type ())
G_DECLARE_FINAL_TYPE (MizanSession, mizan_session, MIZAN, SESSION, GObject)

MizanSession     *mizan_session_new                 (MizanStore      *store,
                                                     MizanFramework  *framework,
                                                     MizanAssessment *assessment);

MizanStore       *mizan_session_get_store           (MizanSession    *self);
MizanFramework   *mizan_session_get_framework       (MizanSession    *self);
/* The version of the model that the session's framework supersedes (its
 * supersedes map carries answers from it), when it is installed; or NULL. */
void              mizan_session_set_predecessor     (MizanSession    *self,
                                                     MizanFramework  *predecessor);
MizanFramework   *mizan_session_get_predecessor     (MizanSession    *self);
MizanAssessment  *mizan_session_get_assessment      (MizanSession    *self);

/* MizanOutlineItem per domain / per capability, framework order. */
GListModel       *mizan_session_get_domains         (MizanSession    *self);
GListModel       *mizan_session_get_capabilities    (MizanSession    *self);
MizanOutlineItem *mizan_session_get_domain_item     (MizanSession    *self,
                                                     MizanDomain     *domain);
MizanOutlineItem *mizan_session_get_capability_item (MizanSession    *self,
                                                     MizanCapability *capability);

/* GtkStringList-like model of practice ids (GtkStringObject), framework order,
 * for the practice search. */
GListModel       *mizan_session_get_practice_ids    (MizanSession    *self);
/* Does @practice's text (in the user's language) or id contain @needle, which
 * must come from mizan_session_prepare_needle()? */
gboolean          mizan_session_practice_matches    (MizanSession    *self,
                                                     MizanPractice   *practice,
                                                     const char      *needle);
char             *mizan_session_prepare_needle      (const char      *text);

/* Stores the answer (one transaction), then updates the in-memory copy,
 * progress and results. Empty strings are stored as no note/evidence. */
gboolean          mizan_session_set_answer          (MizanSession    *self,
                                                     const char      *practice_id,
                                                     MizanStatus      status,
                                                     const char      *note,
                                                     const char      *evidence,
                                                     GError         **error);
/* Whether @practice still waits for a status: unanswered (a note alone is
 * no answer) and in scope by the organization's profile, as scoring counts it. */
gboolean          mizan_session_is_to_answer        (MizanSession        *self,
                                                     const MizanPractice *practice);
MizanStatus       mizan_session_get_status          (MizanSession    *self,
                                                     const char      *practice_id);
/* @target < 0 or equal to the framework default: follow the default. */
gboolean          mizan_session_set_target          (MizanSession    *self,
                                                     const char      *capability_id,
                                                     int              target,
                                                     GError         **error);
/* Stores the organization's answer to a profile question of the framework;
 * the results follow at once (items it rules out count as na). */
gboolean          mizan_session_set_profile_answer (MizanSession       *self,
                                                    const char         *question_id,
                                                    MizanProfileAnswer  answer,
                                                    GError            **error);
/* The override, else the framework's default. */
guint             mizan_session_get_target          (MizanSession    *self,
                                                     const char      *capability_id);

/* A text edit started or ended (saved or abandoned); while any is open the
 * state is PENDING. */
void              mizan_session_begin_edit          (MizanSession    *self);
void              mizan_session_end_edit            (MizanSession    *self);
MizanSaveState    mizan_session_get_save_state      (MizanSession    *self);
/* The message of the last failed write, or NULL. */
const char       *mizan_session_get_save_error      (MizanSession    *self);

/* Computed on demand after each change; transfer none, valid until the next change. */
const MizanResults *mizan_session_get_results       (MizanSession    *self);
/* One status per practice, framework order; transfer none, like the results. */
const MizanStatus  *mizan_session_get_statuses      (MizanSession    *self);

G_END_DECLS
