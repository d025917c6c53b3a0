/* test-sync.c — the sync client's pieces that need no server: parsing, token file, queue, backoff
 * The HTTP side is tested against the real mizan-server in tests/server/test-sync.py. */

#include "config.h"

#include <sys/stat.h>

#include <glib/gstdio.h>

#include "mizan-sync-queue.h"

static void
test_backoff_doubles_and_caps (void)
{
  g_assert_cmpint (mizan_sync_backoff_seconds (1), ==, 30);
  g_assert_cmpint (mizan_sync_backoff_seconds (2), ==, 60);
  g_assert_cmpint (mizan_sync_backoff_seconds (5), ==, 480);
  g_assert_cmpint (mizan_sync_backoff_seconds (20), ==, 6 * 3600);
  g_assert_cmpint (mizan_sync_backoff_seconds (G_MAXUINT), ==, 6 * 3600);
}

static void
test_token_file_is_private_and_masked (void)
{
  g_autofree char *dir = g_dir_make_tmp ("mizan-sync-XXXXXX", NULL);
  g_autofree char *path = NULL;
  g_autofree char *loaded = NULL;
  g_autofree char *masked = NULL;
  g_autoptr(GError) error = NULL;
  const char *token = "3q2-7wAAAbcdEFGHijklMNOPqrstUVWXyz0123456_9";
  GStatBuf st;

  g_setenv ("XDG_CONFIG_HOME", dir, TRUE);
  path = mizan_sync_get_token_path ();
  g_assert_true (g_str_has_prefix (path, dir));

  g_assert_null (mizan_sync_load_token (&error));
  g_assert_no_error (error);

  g_assert_true (mizan_sync_save_token (token, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  loaded = mizan_sync_load_token (&error);
  g_assert_cmpstr (loaded, ==, token);

  masked = mizan_sync_mask_token (token);
  g_assert_cmpstr (masked, ==, "••••56_9");
  g_clear_pointer (&masked, g_free);
  masked = mizan_sync_mask_token ("short");
  g_assert_null (strstr (masked, "rt"));

  /* A token that could add a header line is refused, and the old one kept. */
  g_assert_false (mizan_sync_save_token ("abc\r\nX-Evil: 1", &error));
  g_assert_error (error, MIZAN_SYNC_ERROR, MIZAN_SYNC_ERROR_CONFIG);
  g_clear_error (&error);
  g_clear_pointer (&loaded, g_free);
  loaded = mizan_sync_load_token (NULL);
  g_assert_cmpstr (loaded, ==, token);

  g_assert_true (mizan_sync_save_token (NULL, &error));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_true (mizan_sync_save_token (NULL, &error));

  g_unsetenv ("XDG_CONFIG_HOME");
  {
    g_autofree char *parent = g_path_get_dirname (path);
    g_rmdir (parent);
  }
  g_rmdir (dir);
}

static void
test_client_refuses_unsafe_addresses (void)
{
  static const char *const bad[] = {
    "", "bench.example.org", "ftp://bench.example.org", "http://bench.example.org",
    "http://192.0.2.1:8080", "https://user:pw@bench.example.org", "https://bench.example.org/?x=1",
  };
  static const char *const good[] = {
    "https://bench.example.org", "https://bench.example.org:8443/mizan/", "http://127.0.0.1:8080",
    "http://localhost:1", "http://[::1]:8080",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(MizanSyncClient) client = mizan_sync_client_new (bad[i], "abc", NULL, &error);

      g_assert_null (client);
      g_assert_error (error, MIZAN_SYNC_ERROR, MIZAN_SYNC_ERROR_CONFIG);
    }
  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(MizanSyncClient) client = mizan_sync_client_new (good[i], "abc", NULL, &error);

      g_assert_no_error (error);
      g_assert_false (g_str_has_suffix (mizan_sync_client_get_server_url (client), "/"));
    }
}

#define STATS "{\"mean\": 2.5, \"p25\": 1, \"median\": 2, \"p75\": 3}"
#define GOOD_BENCHMARK \
  "{\"framework\": {\"id\": \"oic-ccmm\", \"version\": \"1.0.0\"}," \
  " \"filter\": {\"country\": null, \"sector\": \"government\", \"size\": null}, \"k\": 5, \"n\": 6," \
  " \"overall\": {\"n\": 6, \"index\": " STATS ", \"score\": " STATS "}," \
  " \"domains\": [{\"id\": \"GOV\", \"n\": 6, \"level\": " STATS ", \"index\": " STATS ", \"score\": " STATS "}," \
  "               {\"id\": \"EMT\", \"suppressed\": true}]," \
  " \"capabilities\": [{\"id\": \"GOV.1\", \"n\": 6, \"level\": " STATS ", \"score\": " STATS "}]}"

static void
test_benchmark_parse (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MizanBenchmark) b = mizan_benchmark_parse (GOOD_BENCHMARK, strlen (GOOD_BENCHMARK), &error);
  g_autoptr(MizanBenchmark) suppressed = NULL;
  const char *text;

  g_assert_no_error (error);
  g_assert_cmpuint (b->n, ==, 6);
  g_assert_cmpuint (b->k, ==, 5);
  g_assert_null (b->country);
  g_assert_cmpstr (b->sector, ==, "government");
  g_assert_cmpuint (b->domains->len, ==, 2);
  g_assert_cmpfloat (mizan_benchmark_find_domain (b, "GOV")->index.median, ==, 2.0);
  g_assert_true (mizan_benchmark_find_domain (b, "EMT")->suppressed);
  g_assert_null (mizan_benchmark_find_domain (b, "NOPE"));

  text = "{\"framework\": {\"id\": \"oic-ccmm\", \"version\": \"1.0.0\"},"
         " \"filter\": {\"country\": null, \"sector\": null, \"size\": null}, \"k\": 5, \"suppressed\": true}";
  suppressed = mizan_benchmark_parse (text, strlen (text), &error);
  g_assert_no_error (error);
  g_assert_true (suppressed->suppressed);
}

static void
test_parsers_check_every_node (void)
{
  /* Each breaks one node of a good answer; each must be refused, naming it. */
  static const struct { const char *from, *to, *path; } cases[] = {
    { "\"k\": 5", "\"k\": \"5\"", "k" },
    { "\"n\": 6,", "\"n\": -6,", "n" },
    { "\"median\": 2", "\"median\": null", "overall.index.median" },
    { "\"id\": \"GOV\"", "\"id\": 7", "domains[0].id" },
    { "\"suppressed\": true", "\"suppressed\": false", "domains[1]" },
    { "\"domains\": [", "\"domains\": 3, \"x\": [", "domains" },
    { "\"sector\": \"government\"", "\"sector\": 1", "filter.sector" },
    { "\"capabilities\": [", "\"capabilities\": [7, ", "capabilities[0]" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) text = g_string_new (GOOD_BENCHMARK);
      g_autoptr(GError) error = NULL;
      g_autoptr(MizanBenchmark) b = NULL;

      g_assert_cmpint (g_string_replace (text, cases[i].from, cases[i].to, 1), ==, 1);
      b = mizan_benchmark_parse (text->str, text->len, &error);
      g_assert_null (b);
      g_assert_error (error, MIZAN_SYNC_ERROR, MIZAN_SYNC_ERROR_PROTOCOL);
      if (strstr (error->message, cases[i].path) == NULL)
        g_error ("case %u: “%s” does not name %s", i, error->message, cases[i].path);
    }

  {
    g_autoptr(GError) error = NULL;
    const char *truncated = "{\"framework\": {\"id\": ";
    g_autoptr(MizanCountryTable) t = mizan_country_table_parse (truncated, strlen (truncated), &error);
    g_assert_null (t);
    g_assert_error (error, MIZAN_SYNC_ERROR, MIZAN_SYNC_ERROR_PROTOCOL);
  }
  {
    g_autoptr(GError) error = NULL;
    const char *text = "{\"framework\": {\"id\": \"oic-ccmm\", \"version\": \"1.0.0\"}, \"k\": 5, \"countries\": ["
                       "{\"country\": \"AFG\", \"suppressed\": true},"
                       "{\"country\": \"PAK\", \"n\": 6, \"mean_index\": 2.4, \"mean_score\": 0.5, \"domains\": ["
                       "{\"id\": \"GOV\", \"n\": 6, \"mean_index\": 2.7, \"mean_score\": 0.5, \"mean_level\": 1.5},"
                       "{\"id\": \"EMT\", \"suppressed\": true}]}]}";
    g_autoptr(MizanCountryTable) t = mizan_country_table_parse (text, strlen (text), &error);
    const MizanCountryRow *pak;

    g_assert_no_error (error);
    g_assert_cmpuint (t->countries->len, ==, 2);
    pak = g_ptr_array_index (t->countries, 1);
    g_assert_cmpstr (pak->country, ==, "PAK");
    g_assert_cmpuint (pak->domains->len, ==, 2);
    g_assert_true (((MizanCountryDomain *) g_ptr_array_index (pak->domains, 1))->suppressed);
  }
}

static void
test_store_queue (void)
{
  g_autofree char *dir = g_dir_make_tmp ("mizan-sync-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "mizan.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(MizanStore) store = mizan_store_open (path, &error);
  g_autoptr(MizanAssessment) assessment = mizan_assessment_new (NULL);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(MizanSyncEntry) got = NULL;
  g_autofree char *sid = NULL;
  g_autofree char *current = NULL;
  gint64 delivered = -1;
  MizanSyncEntry entry = { 0 };
  const char *aid;

  g_assert_no_error (error);
  mizan_assessment_set_framework (assessment, "oic-ccmm", "1.0.0");
  mizan_assessment_set_organization (assessment, "Ministry", "PAK", "government", "large");
  g_assert_true (mizan_store_save_assessment (store, assessment, FALSE, &error));
  aid = mizan_assessment_get_id (assessment);

  g_assert_true (mizan_store_get_sharing (store, aid, &current, &delivered, &error));
  g_assert_null (current);
  sid = mizan_store_get_submission_id (store, aid, &error);
  g_assert_true (mizan_store_get_sharing (store, aid, &current, &delivered, &error));
  g_assert_cmpstr (current, ==, sid);
  g_assert_cmpint (delivered, ==, 0);
  g_assert_true (mizan_store_set_delivered (store, aid, 1234, &error));
  g_clear_pointer (&current, g_free);
  g_assert_true (mizan_store_get_sharing (store, aid, &current, &delivered, &error));
  g_assert_cmpint (delivered, ==, 1234);

  entry.assessment_id = (char *) aid;
  entry.submission_id = sid;
  entry.payload = (char *) "{}";
  entry.attempts = 1;
  entry.next_attempt = 99;
  entry.last_error = (char *) "down";
  g_assert_true (mizan_store_queue_put (store, &entry, &error));
  entry.attempts = 2;
  g_assert_true (mizan_store_queue_put (store, &entry, &error));
  list = mizan_store_queue_list (store, &error);
  g_assert_cmpuint (list->len, ==, 1);
  got = mizan_store_queue_get (store, aid, &error);
  g_assert_cmpuint (got->attempts, ==, 2);
  g_assert_cmpint (got->action, ==, MIZAN_SYNC_ACTION_SEND);
  g_assert_cmpstr (got->last_error, ==, "down");

  /* Withdrawn: the id and what was queued for it are gone. */
  g_assert_true (mizan_store_forget_submission (store, aid, &error));
  g_clear_pointer (&current, g_free);
  g_assert_true (mizan_store_get_sharing (store, aid, &current, &delivered, &error));
  g_assert_null (current);
  g_clear_pointer (&got, mizan_sync_entry_free);
  got = mizan_store_queue_get (store, aid, &error);
  g_assert_null (got);
  g_assert_no_error (error);

  /* A queued withdrawal goes with its assessment when that is deleted. */
  entry.action = MIZAN_SYNC_ACTION_WITHDRAW;
  entry.payload = NULL;
  g_assert_true (mizan_store_queue_put (store, &entry, &error));
  g_assert_true (mizan_store_delete_assessment (store, aid, &error));
  g_clear_pointer (&list, g_ptr_array_unref);
  list = mizan_store_queue_list (store, &error);
  g_assert_cmpuint (list->len, ==, 0);

  g_clear_object (&store);
  g_remove (path);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);
    g_remove (wal);
    g_remove (shm);
  }
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sync/backoff", test_backoff_doubles_and_caps);
  g_test_add_func ("/sync/token-file", test_token_file_is_private_and_masked);
  g_test_add_func ("/sync/client-addresses", test_client_refuses_unsafe_addresses);
  g_test_add_func ("/sync/benchmark-parse", test_benchmark_parse);
  g_test_add_func ("/sync/parsers-check-every-node", test_parsers_check_every_node);
  g_test_add_func ("/sync/store-queue", test_store_queue);

  return g_test_run ();
}
