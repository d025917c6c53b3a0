/* bench-core.c — figures for the core: framework loading, scoring, durable saves
 * Prints a table of medians (and p99 for saves); not a test, no pass or fail. */

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>

#include "mizan-catalog.h"
#include "mizan-results.h"
#include "mizan-store.h"

#define RUNS 15

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

static double
time_load (const char *data,
           gsize       length,
           guint      *n_practices)
{
  double times[RUNS];

  for (guint i = 0; i < RUNS; i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();
      g_autoptr(MizanFramework) fw = mizan_framework_new_from_data (data, length, "bench", &error);

      times[i] = (g_get_monotonic_time () - start) / 1000.0;
      g_assert_no_error (error);
      *n_practices = mizan_framework_get_n_practices (fw);
    }
  return percentile (times, RUNS, 0.5);
}

int
main (void)
{
  g_autofree char *model_path = g_build_filename (mizan_catalog_get_builtin_dir (), "oic-ccmm.json", NULL);
  g_autofree char *model = NULL;
  g_autofree char *big = generate_framework (50);
  g_autoptr(MizanFramework) big_fw = NULL;
  g_autofree MizanStatus *statuses = NULL;
  g_autofree char *dir = g_dir_make_tmp ("mizan-bench-XXXXXX", NULL);
  g_autofree char *db_path = g_build_filename (dir, "bench.db", NULL);
  g_autoptr(MizanStore) store = NULL;
  g_autoptr(MizanAssessment) assessment = NULL;
  double times[200];
  gsize model_length;
  double median;
  guint n = 0;

  g_assert_true (g_file_get_contents (model_path, &model, &model_length, NULL));

  printf ("%-48s %12s\n", "figure", "value");
  median = time_load (model, model_length, &n);
  printf ("%-48s %9.2f ms  (%u practices)\n", "load + validate built-in model (median)", median, n);
  median = time_load (big, -1, &n);
  printf ("%-48s %9.2f ms  (%u practices)\n", "load + validate generated framework (median)", median, n);

  big_fw = mizan_framework_new_from_data (big, -1, "bench", NULL);
  n = mizan_framework_get_n_practices (big_fw);
  statuses = g_new (MizanStatus, n);
  for (guint i = 0; i < n; i++)
    statuses[i] = (MizanStatus) (i % MIZAN_N_STATUSES);
  for (guint i = 0; i < RUNS; i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(MizanResults) r = mizan_results_compute_statuses (big_fw, statuses, NULL);
      times[i] = (g_get_monotonic_time () - start) / 1000.0;
    }
  printf ("%-48s %9.3f ms  (%u practices)\n", "score an assessment (median)", percentile (times, RUNS, 0.5), n);

  /* Durable saves: each is one transaction with synchronous=FULL. */
  store = mizan_store_open (db_path, NULL);
  assessment = mizan_assessment_new (NULL);
  mizan_assessment_set_framework (assessment, "bench", "1");
  mizan_assessment_set_organization (assessment, "Bench", "PAK", "government", "large");
  mizan_assessment_set_title (assessment, "Bench");
  g_assert_true (mizan_store_save_assessment (store, assessment, FALSE, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    {
      g_autofree char *id = g_strdup_printf ("D0.0.%u", i % 20);
      gint64 start = g_get_monotonic_time ();

      g_assert_true (mizan_store_set_answer (store, mizan_assessment_get_id (assessment), id,
                                             (MizanStatus) (1 + i % 5), "note", NULL, NULL));
      times[i] = (g_get_monotonic_time () - start) / 1000.0;
    }
  printf ("%-48s %9.3f ms\n", "save one answer, durable (p50)", percentile (times, G_N_ELEMENTS (times), 0.5));
  printf ("%-48s %9.3f ms\n", "save one answer, durable (p99)", percentile (times, G_N_ELEMENTS (times), 0.99));

  g_clear_object (&store);
  for (guint i = 0; i < 3; i++)
    {
      static const char * const suffixes[] = { "", "-wal", "-shm" };
      g_autofree char *f = g_strconcat (db_path, suffixes[i], NULL);
      g_unlink (f);
    }
  g_rmdir (dir);
  return 0;
}
