/* mizan-cli.h — the headless command line of Mizan
 * Exit 0 on success, 1 on a user error (one line on stderr), 2 on a usage error. */
#pragma once

int mizan_cli_run (int argc, char *argv[]);
