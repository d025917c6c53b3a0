/* bench-core.c — figures for the core: framework loading, scoring, durable saves
 * Prints rows of build-aux/bench.sh's table (medians; p50/p99 for saves); not a test, no pass or fail. */

#include "config.h"

#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "mizan-catalog.h"
#include "mizan-results.h"
#include "mizan-store.h"

#define RUNS 15
#define ROUNDS 5
#define SAVES 200

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static double
percentile (double *values,
            guint   n,
            double  p)
{
  qsort (values, n, sizeof *values, compare_doubles);
  return values[(guint) ((n - 1) * p + 0.5)];
}

/* A framework of @n_domains × 10 capabilities × 5 levels × 4 practices. */
static char *
generate_framework (guint n_domains)
{
  GString *s = g_string_new ("{\"format\":\"mizan-framework\",\"format_version\":1,\"id\":\"bench\","
                             "\"version\":\"1\",\"title\":{\"en\":\"Bench\",\"ar\":\"قياس\",\"fr\":\"Banc\"},"
                             "\"levels\":[");
  for (guint l = 1; l <= 5; l++)
    g_string_append_printf (s, "%s{\"level\":%u,\"name\":\"L%u\"}", l > 1 ? "," : "", l, l);
  g_string_append (s, "],\"default_target\":3,\"domains\":[");
  for (guint d = 0; d < n_domains; d++)
    {
      g_string_append_printf (s, "%s{\"id\":\"D%u\",\"title\":\"Domain %u\",\"capabilities\":[", d ? "," : "", d, d);
      for (guint c = 0; c < 10; c++)
        {
          g_string_append_printf (s, "%s{\"id\":\"D%u.%u\",\"title\":\"Capability\",\"practices\":[", c ? "," : "", d, c);
          for (guint p = 0; p < 20; p++)
            g_string_append_printf (s, "%s{\"id\":\"D%u.%u.%u\",\"level\":%u,"
                                    "\"text\":{\"en\":\"A practice that is in place\",\"ar\":\"ممارسة قائمة\",\"fr\":\"Une pratique en place\"},"
                                    "\"guidance\":\"Do the thing\",\"evidence\":\"A document\"}",
                                    p ? "," : "", d, c, p, p / 4 + 1);
          g_string_append (s, "]}");
        }
      g_string_append (s, "]}");
    }
  g_string_append (s, "]}");
  return g_string_free (s, FALSE);
}

/* One row of the table build-aux/bench.sh prints: figure, value, aim, met
 * (an @aim_ms of 0: no aim). */
static void
row (const char *figure,
     double      ms,
     double      aim_ms,
     const char *aim)
{
  printf ("| %s | %.3f ms | %s | %s |\n", figure, ms, aim,
          aim_ms <= 0 ? "—" : ms < aim_ms ? "yes" : "**no**");
}

static double
time_load (const char *path,
           guint      *n_practices)
{
  double times[RUNS];

  for (guint i = 0; i < RUNS; i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();
      g_autoptr(MizanFramework) fw = mizan_framework_new_from_file (path, &error);

      times[i] = (g_get_monotonic_time () - start) / 1000.0;
      g_assert_no_error (error);
      *n_practices = mizan_framework_get_n_practices (fw);
    }
  return percentile (times, RUNS, 0.5);
}

/* The floor under a durable save: one appended page made durable with
 * fdatasync(), which is what SQLite does per commit in WAL mode with
 * synchronous=FULL. Same folder, same file system, interleaved with the
 * saves so that both meet the same disk. */
static double
time_fdatasync (int fd)
{
  static const char page[4096] = { 0 };
  gint64 start = g_get_monotonic_time ();

  g_assert_cmpint (write (fd, page, sizeof page), ==, sizeof page);
  g_assert_cmpint (fdatasync (fd), ==, 0);
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
remove_database (const char *db_path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *f = g_strconcat (db_path, suffixes[i], NULL);

      g_unlink (f);
    }
}

int
main (void)
{
  g_autofree char *model_path = g_build_filename (mizan_catalog_get_builtin_dir (), "oic-ccmm.json", NULL);
  g_autofree char *big = generate_framework (50);
  g_autoptr(MizanFramework) big_fw = NULL;
  g_autofree char *dir = g_dir_make_tmp ("mizan-bench-XXXXXX", NULL);
  g_autofree char *big_path = g_build_filename (dir, "bench.json", NULL);
  g_autofree char *db_path = g_build_filename (dir, "bench.db", NULL);
  g_autoptr(MizanAssessment) scored = mizan_assessment_new (NULL);
  g_autofree char *figure = NULL;
  double times[SAVES], p50[ROUNDS], p99[ROUNDS];
  double ms, sync_p50, sync_p99;
  double sync_times[SAVES], sync50[ROUNDS], sync99[ROUNDS];
  g_autofree char *sync_path = NULL;
  guint n = 0;

  g_assert_true (g_file_set_contents (big_path, big, -1, NULL));
  sync_path = g_build_filename (dir, "fdatasync.bin", NULL);

  ms = time_load (model_path, &n);
  figure = g_strdup_printf ("load + validate the built-in model, %u practices (median of %d)", n, RUNS);
  row (figure, ms, 20, "< 20 ms");
  g_free (figure);
  ms = time_load (big_path, &n);
  figure = g_strdup_printf ("load + validate a generated %u-practice framework (median of %d)", n, RUNS);
  row (figure, ms, 150, "< 150 ms");
  g_free (figure);

  /* Every practice answered, as an assessment from the store holds them. */
  big_fw = mizan_framework_new_from_file (big_path, NULL);
  n = mizan_framework_get_n_practices (big_fw);
  mizan_assessment_set_framework (scored, "bench", "1");
  for (guint i = 0; i < n; i++)
    mizan_assessment_set_answer (scored, mizan_framework_get_practice (big_fw, i)->id,
                                 (MizanStatus) (1 + i % (MIZAN_N_STATUSES - 1)), NULL, NULL, 0);
  for (guint i = 0; i < RUNS; i++)
    {
      gint64 start = g_get_monotonic_time ();
      MizanResults *r = mizan_results_compute (big_fw, scored);

      times[i] = (g_get_monotonic_time () - start) / 1000.0;
      mizan_results_free (r);
    }
  figure = g_strdup_printf ("score a %u-practice assessment (median of %d)", n, RUNS);
  row (figure, percentile (times, RUNS, 0.5), 5, "< 5 ms");
  g_free (figure);

  /* Durable saves: each is one transaction with synchronous=FULL, on a
   * fresh database each round, in the temporary folder's file system. */
  for (guint round = 0; round < ROUNDS; round++)
    {
      g_autoptr(MizanStore) store = mizan_store_open (db_path, NULL);
      int fd = open (sync_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
      g_autoptr(MizanAssessment) assessment = mizan_assessment_new (NULL);

      mizan_assessment_set_framework (assessment, "bench", "1");
      mizan_assessment_set_organization (assessment, "Bench", "PAK", "government", "large");
      mizan_assessment_set_title (assessment, "Bench");
      g_assert_true (mizan_store_save_assessment (store, assessment, FALSE, NULL));
      for (guint i = 0; i < SAVES; i++)
        {
          g_autofree char *id = g_strdup_printf ("D0.0.%u", i % 20);
          gint64 start = g_get_monotonic_time ();

          g_assert_true (mizan_store_set_answer (store, mizan_assessment_get_id (assessment), id,
                                                 (MizanStatus) (1 + i % 5), "note", NULL, NULL));
          times[i] = (g_get_monotonic_time () - start) / 1000.0;
          sync_times[i] = time_fdatasync (fd);
        }
      close (fd);
      p50[round] = percentile (times, SAVES, 0.5);
      p99[round] = percentile (times, SAVES, 0.99);
      sync50[round] = percentile (sync_times, SAVES, 0.5);
      sync99[round] = percentile (sync_times, SAVES, 0.99);
      g_clear_object (&store);
      remove_database (db_path);
    }
  figure = g_strdup_printf ("save one answer, durable: p50 (median of %d × %d saves)", ROUNDS, SAVES);
  row (figure, percentile (p50, ROUNDS, 0.5), 0, "—");
  g_free (figure);
  figure = g_strdup_printf ("save one answer, durable: p99 (median of %d × %d saves)", ROUNDS, SAVES);
  row (figure, percentile (p99, ROUNDS, 0.5), 5, "p99 < 5 ms");
  g_free (figure);

  /* The disk's own floor beside it, and the save as a ratio to it. */
  g_unlink (sync_path);
  sync_p50 = percentile (sync50, ROUNDS, 0.5);
  sync_p99 = percentile (sync99, ROUNDS, 0.5);
  figure = g_strdup_printf ("peer: append 4 KiB + fdatasync(), between the saves: p50 / p99 (median of %d × %d)",
                            ROUNDS, SAVES);
  printf ("| %s | %.3f ms / %.3f ms | — | — |\n", figure, sync_p50, sync_p99);
  printf ("| save one answer ÷ one fdatasync(): p50 / p99 | %.2f / %.2f | — (one fdatasync per save) | — |\n",
          percentile (p50, ROUNDS, 0.5) / sync_p50, percentile (p99, ROUNDS, 0.5) / sync_p99);

  g_unlink (big_path);
  g_rmdir (dir);
  return 0;
}
