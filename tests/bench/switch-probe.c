/* switch-probe.c — how long the questionnaire takes to show the built-in model and to switch capabilities
 * Times from the call to the frame that shows it (GdkFrameClock "after-paint"); prints medians, not a test. */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <stdio.h>

#include "mizan-assessment-view.h"
#include "mizan-catalog.h"
#include "mizan-gui.h"
#include "mizan-renderer.h"

static gboolean painted;

static void
on_after_paint (GdkFrameClock *clock,
                gpointer       data)
{
  painted = TRUE;
}

/* Runs the main loop until the window has painted a frame after now. */
static double
until_painted (GtkWindow *window,
               gint64     begin)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));

  painted = FALSE;
  if (clock != NULL)
    gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  return (g_get_monotonic_time () - begin) / 1000.0;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("mizan-bench-switch-XXXXXX", &error);
  g_autofree char *db_path = NULL;
  g_autoptr(MizanStore) store = NULL;
  g_autoptr(MizanCatalog) catalog = NULL;
  g_autoptr(MizanAssessment) assessment = NULL;
  g_autoptr(MizanSession) session = NULL;
  g_autoptr(GArray) switches = g_array_new (FALSE, FALSE, sizeof (double));
  MizanFramework *framework;
  MizanAssessmentView *view;
  GtkWindow *window;
  GdkFrameClock *clock;
  double open_ms;
  gint64 begin, session_us, view_us;
  guint n;
  guint limit = G_MAXUINT;

  /* MIZAN_BENCH_SWITCHES=N stops after N switches, for a short run under callgrind. */
  if (g_getenv ("MIZAN_BENCH_SWITCHES") != NULL)
    limit = (guint) g_ascii_strtoull (g_getenv ("MIZAN_BENCH_SWITCHES"), NULL, 10);

  gtk_init ();
  adw_init ();
  mizan_gui_init ();
  /* As the app does at startup; bench-app.sh names the choice in its rows. */
  mizan_renderer_choose ();
  g_printerr ("renderer: %s\n", g_getenv ("GSK_RENDERER") ? g_getenv ("GSK_RENDERER") : "default");

  db_path = g_build_filename (dir, "mizan.db", NULL);
  store = mizan_store_open (db_path, &error);
  g_assert_no_error (error);
  catalog = mizan_catalog_new_default ();
  framework = mizan_catalog_lookup (catalog, "oic-ccmm", NULL);
  if (framework == NULL)
    {
      g_printerr ("switch-probe: the built-in model is not found (set MIZAN_FRAMEWORKS_DIR)\n");
      return 1;
    }

  /* Every practice answered, with a note: the heaviest page there is. */
  assessment = mizan_assessment_new (NULL);
  mizan_assessment_set_title (assessment, "Benchmark");
  mizan_assessment_set_framework (assessment, mizan_framework_get_id (framework), mizan_framework_get_version (framework));
  mizan_assessment_set_organization (assessment, "Ministry of Communications", "PAK", "government", "large");
  n = mizan_framework_get_n_practices (framework);
  for (guint i = 0; i < n; i++)
    mizan_assessment_set_answer (assessment, mizan_framework_get_practice (framework, i)->id,
                                 MIZAN_STATUS_FULLY + i % 5, "Reviewed with the IT unit", "DOC-42", 0);
  mizan_store_save_assessment (store, assessment, FALSE, &error);
  g_assert_no_error (error);

  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 1100, 760);
  view = g_object_new (MIZAN_TYPE_ASSESSMENT_VIEW, NULL);
  gtk_window_set_child (window, GTK_WIDGET (view));
  gtk_window_present (window);
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), NULL);
  until_painted (window, g_get_monotonic_time ());

  /* Opening: the session (scoring, outline) and the first capability page. */
  begin = g_get_monotonic_time ();
  session = mizan_session_new (store, framework, assessment);
  session_us = g_get_monotonic_time ();
  mizan_assessment_view_set_session (view, session);
  view_us = g_get_monotonic_time ();
  open_ms = until_painted (window, begin);
  /* A note, not a row: where the time to open goes. */
  g_printerr ("open: session %.1f ms, building the pages %.1f ms, style, layout and the frame %.1f ms\n",
              (session_us - begin) / 1000.0, (view_us - session_us) / 1000.0, open_ms - (view_us - begin) / 1000.0);

  /* Every capability, twice round, as a user pressing Next would. */
  for (guint round = 0; round < 2 && switches->len < limit; round++)
    for (guint d = 0; d < mizan_framework_get_n_domains (framework) && switches->len < limit; d++)
      {
        MizanDomain *domain = mizan_framework_get_domain (framework, d);

        for (guint c = 0; c < domain->n_capabilities && switches->len < limit; c++)
          {
            double ms;

            begin = g_get_monotonic_time ();
            mizan_assessment_view_show_capability (view, domain->capabilities[c], NULL);
            ms = until_painted (window, begin);
            g_array_append_val (switches, ms);
          }
      }

  g_array_sort (switches, compare_doubles);
  /* Rows of build-aux/bench.sh's table: | figure | value | aim | met | */
  printf ("| questionnaire: open the built-in model (%u practices, all answered) to its first frame | %.0f ms | < 300 ms | %s |\n",
          n, open_ms, open_ms < 300 ? "yes" : "**no**");
  if (switches->len > 0)
    {
      double median = g_array_index (switches, double, switches->len / 2);

      printf ("| questionnaire: switch capability to its frame, median / p95 / slowest of %u | %.1f / %.1f / %.1f ms | median < 50 ms | %s |\n",
              switches->len, median,
              g_array_index (switches, double, (guint) ((switches->len - 1) * 0.95 + 0.5)),
              g_array_index (switches, double, switches->len - 1),
              median < 50 ? "yes" : "**no**");
    }

  gtk_window_destroy (window);
  g_clear_object (&store);
  g_unlink (db_path);
  {
    g_autofree char *wal = g_strconcat (db_path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (db_path, "-shm", NULL);

    g_unlink (wal);
    g_unlink (shm);
  }
  g_rmdir (dir);
  return 0;
}
