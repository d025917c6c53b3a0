/* mizan-cli-restore.h — `mizan-cli restore [BACKUP]` and the daily backup every command makes
 * Kept apart from mizan-cli.c: it never opens the database through the store, which may be the damaged thing. */
#pragma once

#include <glib.h>

/* @db_path: the database (NULL: the app's own); @argv[0] is "restore". */
int  mizan_cli_restore             (const char  *db_path,
                                    int          argc,
                                    char       **argv);
/* After a successful open: today's backup, once a day. A failure is a
 * warning on stderr, not a failed command. */
void mizan_cli_backup_daily        (const char  *db_path);
/* For an error opening @db_path: a line telling how to restore, or NULL
 * when there is no backup to offer. */
char *mizan_cli_restore_hint       (const char  *db_path);
