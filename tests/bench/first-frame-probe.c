/* first-frame-probe.c — time from start to a program's first frame, and its resident memory
 * Watches the X server: the first damage to a newly mapped top-level window is the first frame drawn. */

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <X11/Xlib.h>
#include <X11/extensions/Xdamage.h>

/* Usage: bench-first-frame [--runs N] [--settle SECONDS] -- PROGRAM [ARGS…]
 * Prints one line per run and a median line:
 *   first-frame-ms=… map-ms=… rss-kib=…
 * The program is started fresh each run; after its first frame it is left
 * SECONDS to settle (load what it loads after showing) before its resident
 * memory is read from /proc, then it is stopped with SIGTERM. */

static double
now_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static long
rss_kib (pid_t pid)
{
  char path[64], line[256];
  long kib = -1;
  FILE *status;

  snprintf (path, sizeof path, "/proc/%d/status", (int) pid);
  status = fopen (path, "r");
  if (status == NULL)
    return -1;
  while (fgets (line, sizeof line, status) != NULL)
    if (sscanf (line, "VmRSS: %ld kB", &kib) == 1)
      break;
  fclose (status);
  return kib;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *values,
        int     n)
{
  qsort (values, n, sizeof *values, compare_doubles);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

/* Waits up to @timeout_ms for the next X event. */
static int
next_event (Display *display,
            XEvent  *event,
            double   deadline)
{
  while (!XPending (display))
    {
      int fd = ConnectionNumber (display);
      double left = deadline - now_ms ();
      struct timeval tv;
      fd_set fds;

      if (left <= 0)
        return 0;
      tv.tv_sec = (long) (left / 1000);
      tv.tv_usec = (long) ((left - tv.tv_sec * 1000.0) * 1000);
      FD_ZERO (&fds);
      FD_SET (fd, &fds);
      if (select (fd + 1, &fds, NULL, NULL, &tv) < 0 && errno != EINTR)
        return 0;
    }
  XNextEvent (display, event);
  return 1;
}

static int
run_once (Display *display,
          int      damage_event,
          char   **argv,
          double   settle_s,
          double  *first_frame,
          double  *mapped,
          long    *rss)
{
  Window root = DefaultRootWindow (display);
  double start, deadline;
  pid_t pid;
  int status;
  XEvent event;

  *first_frame = *mapped = -1;
  XSelectInput (display, root, SubstructureNotifyMask);
  XSync (display, False);

  start = now_ms ();
  pid = fork ();
  if (pid < 0)
    {
      perror ("fork");
      return 0;
    }
  if (pid == 0)
    {
      execvp (argv[0], argv);
      fprintf (stderr, "first-frame-probe: cannot start %s: %s\n", argv[0], strerror (errno));
      _exit (127);
    }

  deadline = start + 30000;
  while (*first_frame < 0 && next_event (display, &event, deadline))
    {
      if (event.type == MapNotify && !event.xmap.override_redirect && *mapped < 0)
        {
          *mapped = now_ms () - start;
          XDamageCreate (display, event.xmap.window, XDamageReportNonEmpty);
        }
      else if (event.type == damage_event + XDamageNotify)
        *first_frame = now_ms () - start;
    }

  if (*first_frame >= 0)
    {
      usleep ((useconds_t) (settle_s * 1e6));
      *rss = rss_kib (pid);
    }
  kill (pid, SIGTERM);
  waitpid (pid, &status, 0);
  XSelectInput (display, root, NoEventMask);
  /* Drop what the closed window left behind. */
  XSync (display, True);
  return *first_frame >= 0;
}

int
main (int   argc,
      char *argv[])
{
  int runs = 5, first = 1, damage_event, damage_error;
  double settle = 2.0;
  Display *display;
  double *frames, *maps, *rss;

  while (first < argc && strcmp (argv[first], "--") != 0)
    {
      if (strcmp (argv[first], "--runs") == 0 && first + 1 < argc)
        runs = atoi (argv[first + 1]), first += 2;
      else if (strcmp (argv[first], "--settle") == 0 && first + 1 < argc)
        settle = atof (argv[first + 1]), first += 2;
      else
        break;
    }
  if (first >= argc || strcmp (argv[first], "--") != 0 || first + 1 >= argc || runs < 1)
    {
      fprintf (stderr, "usage: %s [--runs N] [--settle SECONDS] -- PROGRAM [ARGS…]\n", argv[0]);
      return 2;
    }

  display = XOpenDisplay (NULL);
  if (display == NULL)
    {
      fprintf (stderr, "first-frame-probe: cannot open the X display (run it under xvfb-run)\n");
      return 1;
    }
  if (!XDamageQueryExtension (display, &damage_event, &damage_error))
    {
      fprintf (stderr, "first-frame-probe: the X server has no DAMAGE extension\n");
      return 1;
    }

  frames = calloc (runs, sizeof *frames);
  maps = calloc (runs, sizeof *maps);
  rss = calloc (runs, sizeof *rss);
  for (int i = 0; i < runs; i++)
    {
      long kib = -1;

      if (!run_once (display, damage_event, argv + first + 1, settle, &frames[i], &maps[i], &kib))
        {
          fprintf (stderr, "first-frame-probe: %s showed no frame within 30 s\n", argv[first + 1]);
          return 1;
        }
      rss[i] = kib;
      printf ("run %d: first-frame-ms=%.1f map-ms=%.1f rss-kib=%ld\n", i + 1, frames[i], maps[i], kib);
    }
  printf ("median: first-frame-ms=%.1f map-ms=%.1f rss-kib=%.0f\n",
          median (frames, runs), median (maps, runs), median (rss, runs));
  XCloseDisplay (display);
  return 0;
}
