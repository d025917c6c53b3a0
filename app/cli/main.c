/* main.c — entry point of mizan-cli
 * All the work is in mizan-cli.c so that it builds into a library. */
#include "mizan-cli.h"

int
main (int   argc,
      char *argv[])
{
  return mizan_cli_run (argc, argv);
}
