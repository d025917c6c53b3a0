/* main.c — entry point of mizan-server
 * All the work is in the mizan-server library so that tests link the same code. */
#include "mizan-server-cli.h"

int
main (int   argc,
      char *argv[])
{
  return mizan_server_cli_run (argc, argv);
}
