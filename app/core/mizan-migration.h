/* mizan-migration.h — carrying an assessment to a newer version of its model
 * Through the newer version's supersedes map; the original assessment is never changed. */
#pragma once

#include <glib.h>

#include "mizan-assessment.h"
#include "mizan-framework.h"

G_BEGIN_DECLS

#define MIZAN_MIGRATION_ERROR (mizan_migration_error_quark ())
typedef enum {
  MIZAN_MIGRATION_ERROR_NOT_SUPERSEDED,  /* the newer version does not map from this one */
} MizanMigrationError;
GQuark mizan_migration_error_quark (void);

/* What a carry does, for its preview and its summary. Practice ids are of
 * the version named in the comment; the arrays own their strings. */
typedef struct {
  guint      old_answered;    /* old practices with a status */
  guint      carried;         /* of those, with at least one successor */
  GPtrArray *dropped;         /* old: answered, without a successor */
  guint      new_answered;    /* new practices that receive a status */
  GPtrArray *to_confirm;      /* new: received from a one-to-many or a disagreeing many-to-one map */
  guint      new_unanswered;  /* new practices left to answer */
  guint      targets_kept;    /* target overrides whose capability id still exists */
  guint      targets_dropped;
} MizanMigrationSummary;

void mizan_migration_summary_clear (MizanMigrationSummary *summary);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (MizanMigrationSummary, mizan_migration_summary_clear)

/* A new assessment (new id, created now) on @to with the answers of @from
 * mapped through @to's supersedes map, the same organization and title, and
 * the targets of capabilities that still exist; @summary (nullable) says
 * what was carried. Fails when @to does not supersede @from's version. */
MizanAssessment *mizan_migration_carry (MizanAssessment        *from,
                                        MizanFramework         *from_framework,
                                        MizanFramework         *to,
                                        MizanMigrationSummary  *summary,
                                        GError                **error);

G_END_DECLS
