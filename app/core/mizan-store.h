/* mizan-store.h — the local SQLite database of organizations and assessments
 * WAL, busy timeout, versioned schema; every user edit is one transaction. */
#pragma once

#include <glib-object.h>
#include "mizan-assessment.h"

G_BEGIN_DECLS

#define MIZAN_STORE_SCHEMA_VERSION 4
/* "MZAN" in the database header: another program's SQLite file is then
 * recognized as not ours instead of getting our tables added to it. */
#define MIZAN_STORE_APPLICATION_ID 1297760590

#define MIZAN_STORE_ERROR (mizan_store_error_quark ())
typedef enum {
  MIZAN_STORE_ERROR_OPEN,       /* cannot open or create the file */
  MIZAN_STORE_ERROR_TOO_NEW,    /* schema from a newer Mizan; left untouched */
  MIZAN_STORE_ERROR_CORRUPT,    /* not a database, or damaged */
  MIZAN_STORE_ERROR_NOT_FOUND,  /* no such assessment */
  MIZAN_STORE_ERROR_EXISTS,     /* an assessment with that id is already stored */
  MIZAN_STORE_ERROR_FAILED,     /* any other SQLite failure; nothing was written */
} MizanStoreError;
GQuark mizan_store_error_quark (void);

typedef struct {
  char   *id;
  char   *title;
  char   *org_name;
  char   *framework_id;
  char   *framework_version;
  gint64  updated;    /* Unix seconds */
  guint   answered;   /* answers whose status is set (na counts) */
  gint64  deleted;    /* Unix seconds it went to the Trash; 0: not in the Trash */
} MizanAssessmentSummary;

void mizan_assessment_summary_free (MizanAssessmentSummary *summary);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MizanAssessmentSummary, mizan_assessment_summary_free)

typedef struct {
  gint64  id;
  char   *name;
  char   *country;
  char   *sector;
  char   *size;
} MizanOrganization;

void mizan_organization_free (MizanOrganization *organization);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MizanOrganization, mizan_organization_free)

#define MIZAN_TYPE_STORE (mizan_store_get_type ())
G_DECLARE_FINAL_TYPE (MizanStore, mizan_store, MIZAN, STORE, GObject)

/* $XDG_DATA_HOME/mizan/mizan.db */
char            *mizan_store_get_default_path     (void);

/* Creates the file (mode 0600) and its directory (0700) when missing and
 * migrates an older schema; refuses a newer one without altering it. */
MizanStore      *mizan_store_open                 (const char       *path,
                                                   GError          **error);
const char      *mizan_store_get_path             (MizanStore       *self);

/* Newest first, without those in the Trash; element type MizanAssessmentSummary. */
GPtrArray       *mizan_store_list_assessments     (MizanStore       *self,
                                                   GError          **error);
GPtrArray       *mizan_store_list_organizations   (MizanStore       *self,
                                                   GError          **error);
/* TRUE for an assessment in the Trash too: its id is taken. */
gboolean         mizan_store_has_assessment       (MizanStore       *self,
                                                   const char       *id,
                                                   GError          **error);
MizanAssessment *mizan_store_load_assessment      (MizanStore       *self,
                                                   const char       *id,
                                                   GError          **error);
/* Writes the whole assessment (metadata, organization, answers, targets) in
 * one transaction. Without @replace an existing id is MIZAN_STORE_ERROR_EXISTS;
 * with it the stored one is replaced whole, after a snapshot ("replace"), and
 * comes out of the Trash if it was there. The organization is matched by
 * name and country, else created; its id is set on @assessment. */
gboolean         mizan_store_save_assessment      (MizanStore       *self,
                                                   MizanAssessment  *assessment,
                                                   gboolean          replace,
                                                   GError          **error);
/* One user edit, one transaction; also bumps the assessment's updated time.
 * A NONE status with no note and no evidence deletes the answer. */
gboolean         mizan_store_set_answer           (MizanStore       *self,
                                                   const char       *assessment_id,
                                                   const char       *practice_id,
                                                   MizanStatus       status,
                                                   const char       *note,
                                                   const char       *evidence,
                                                   GError          **error);
/* @target < 0 removes the override. */
gboolean         mizan_store_set_target           (MizanStore       *self,
                                                   const char       *assessment_id,
                                                   const char       *capability_id,
                                                   int               target,
                                                   GError          **error);
gboolean         mizan_store_set_profile_answer   (MizanStore         *self,
                                                   const char         *assessment_id,
                                                   const char         *question_id,
                                                   MizanProfileAnswer  answer,
                                                   GError            **error);
/* Removes the assessment for good, in the Trash or not, after a snapshot. */
gboolean         mizan_store_delete_assessment    (MizanStore       *self,
                                                   const char       *id,
                                                   GError          **error);

/* The Trash ----------------------------------------------------------------
 * Deleting moves an assessment to the Trash, where it stays restorable for
 * MIZAN_STORE_TRASH_DAYS days; mizan_store_open() then removes it for good.
 * While in the Trash, its sharing is left as it was: scores already on the
 * benchmark server stay there (withdraw them first if they should go), a
 * queued withdrawal still goes out, and a queued send waits (left out of
 * mizan_store_queue_list()) until the assessment is restored, or is dropped
 * with it. Every step that removes something takes a snapshot first. */
#define MIZAN_STORE_TRASH_DAYS 30

/* Newest deletion first; element type MizanAssessmentSummary. */
GPtrArray       *mizan_store_list_trash           (MizanStore       *self,
                                                   GError          **error);
gboolean         mizan_store_trash_assessment     (MizanStore       *self,
                                                   const char       *id,
                                                   GError          **error);
/* Back from the Trash; MIZAN_STORE_ERROR_NOT_FOUND when it is not there. */
gboolean         mizan_store_untrash_assessment   (MizanStore       *self,
                                                   const char       *id,
                                                   GError          **error);
/* Removes for good what has been in the Trash MIZAN_STORE_TRASH_DAYS days
 * or more at @now (Unix seconds: the clock, injectable); a snapshot first,
 * only when something is due. @n_purged (nullable): how many went. */
gboolean         mizan_store_purge_trash          (MizanStore       *self,
                                                   gint64            now,
                                                   guint            *n_purged,
                                                   GError          **error);
/* Removes everything in the Trash for good, after a snapshot. */
gboolean         mizan_store_empty_trash          (MizanStore       *self,
                                                   guint            *n_removed,
                                                   GError          **error);
/* Whole days (rounded up) until an assessment deleted at @deleted is
 * removed, at @now; 0 when it is due. */
guint            mizan_store_trash_days_left      (gint64            deleted,
                                                   gint64            now);
/* A backup snapshot of the database as it is now (mizan_backup_snapshot()),
 * for a destructive step done elsewhere: migrate, merge. */
gboolean         mizan_store_snapshot             (MizanStore       *self,
                                                   const char       *operation,
                                                   GError          **error);
/* The random submission id used for this assessment's anonymized
 * submissions, created on first use and kept, so re-sending replaces. */
char            *mizan_store_get_submission_id    (MizanStore       *self,
                                                   const char       *assessment_id,
                                                   GError          **error);

/* The sync client's queue: one pending action per submission id (a
 * withdrawal of an old id may wait beside a send of the new one). */
typedef enum {
  MIZAN_SYNC_ACTION_SEND,
  MIZAN_SYNC_ACTION_WITHDRAW,
} MizanSyncAction;

typedef struct {
  char            *assessment_id;
  MizanSyncAction  action;
  char            *submission_id;
  char            *payload;        /* sends: the exact JSON the user saw */
  guint            attempts;
  gint64           next_attempt;   /* Unix seconds */
  char            *last_error;
} MizanSyncEntry;

void mizan_sync_entry_free (MizanSyncEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MizanSyncEntry, mizan_sync_entry_free)

/* Adds, or replaces the entry of the same submission id. */
gboolean         mizan_store_queue_put            (MizanStore            *self,
                                                   const MizanSyncEntry  *entry,
                                                   GError               **error);
/* Soonest first, without sends of assessments in the Trash; element type
 * MizanSyncEntry. */
GPtrArray       *mizan_store_queue_list           (MizanStore            *self,
                                                   GError               **error);
/* The assessment's queued send, else its queued withdrawal; NULL without
 * an error when nothing is queued for it. */
MizanSyncEntry  *mizan_store_queue_get            (MizanStore            *self,
                                                   const char            *assessment_id,
                                                   GError               **error);
gboolean         mizan_store_queue_remove         (MizanStore            *self,
                                                   const char            *submission_id,
                                                   GError               **error);
gboolean         mizan_store_set_delivered        (MizanStore            *self,
                                                   const char            *assessment_id,
                                                   gint64                 when,
                                                   GError               **error);
/* *submission_id NULL: never shared (or withdrawn); *delivered 0: not yet
 * accepted by the server. */
gboolean         mizan_store_get_sharing          (MizanStore            *self,
                                                   const char            *assessment_id,
                                                   char                 **submission_id,
                                                   gint64                *delivered,
                                                   GError               **error);
/* After a withdrawal: drops the submission id and whatever is queued for
 * it, so the next share gets a new id. */
gboolean         mizan_store_forget_submission    (MizanStore            *self,
                                                   const char            *assessment_id,
                                                   GError               **error);

G_END_DECLS
