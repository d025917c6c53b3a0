/* mizan-backup-private.h — a test's view into a restore, step by step
 * Lets test-backup.c kill a restore after each of its steps and check that nothing is lost. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Called after each step of mizan_backup_restore() with its name
 * ("incoming", "marker", "moved", "-wal", "-shm", "-journal", "in-place"). */
typedef void (*MizanBackupStepHook) (const char *step);

void mizan_backup_set_step_hook (MizanBackupStepHook hook);

G_END_DECLS
