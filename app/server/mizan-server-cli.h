/* mizan-server-cli.h — the mizan-server command line: serve, and token create|list|revoke
 * Exit 0 on success, 1 on an error with a one-line reason on stderr, 2 on a usage error. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

int mizan_server_cli_run (int   argc,
                          char *argv[]);

G_END_DECLS
