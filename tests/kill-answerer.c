/* kill-answerer.c — answers practices one edit at a time, printing each edit once it is saved
 * A helper, not a test: test-safety.py kills it with SIGKILL at random points and checks the database. */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "mizan-store.h"

/* Usage: kill-answerer DB ASSESSMENT_ID PRACTICE_ID… ; edits the practices
 * in turn forever, the note of edit N being "edit N". */
int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MizanStore) store = NULL;

  if (argc < 4)
    {
      fprintf (stderr, "usage: kill-answerer DB ASSESSMENT_ID PRACTICE_ID…\n");
      return 2;
    }
  store = mizan_store_open (argv[1], &error);
  if (store == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }

  for (guint64 n = 0;; n++)
    {
      const char *practice = argv[3 + n % (argc - 3)];
      g_autofree char *note = g_strdup_printf ("edit %" G_GUINT64_FORMAT, n);

      if (!mizan_store_set_answer (store, argv[2], practice, (MizanStatus) (1 + n % 5), note, NULL, &error))
        {
          fprintf (stderr, "%s\n", error->message);
          return 1;
        }
      /* Only now is the edit "shown as saved". */
      printf ("%" G_GUINT64_FORMAT " %s\n", n, practice);
      fflush (stdout);
    }
}
