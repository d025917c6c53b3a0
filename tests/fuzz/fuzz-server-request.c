/* fuzz-server-request.c — libFuzzer harness for mizan-server's request handling
 * Raw bytes go through libsoup's HTTP parser into the real routes, tokens, validator and store, without a socket. */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include <glib/gstdio.h>

#include "mizan-countries.h"
#include "mizan-server-http.h"
#include "mizan-server-tokens.h"

#include "fuzz-common.h"

/* The seeds (tests/fuzz/seeds/server-request) carry these bearer tokens. */
#define SUBMITTER_TOKEN "fuzzSubmitterTokenForPAK0000000000000000000"
#define ANALYST_TOKEN   "fuzzAnalystToken000000000000000000000000000"

/* An input whose answer takes longer than this is a hang. */
#define ANSWER_DEADLINE_US (10 * G_USEC_PER_SEC)

static MizanServerStore *store;
static MizanServerHttp *http;
static char *database_dir;

/* A crash leaves the folder behind for a look at the database. */
static void
remove_database (void)
{
  const char *names[] = { "server.db", "server.db-wal", "server.db-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (database_dir, names[i], NULL);

      g_unlink (path);
    }
  g_rmdir (database_dir);
}

static void
add_token (const char      *token,
           MizanServerRole  role,
           const char      *country)
{
  guint8 hash[MIZAN_SERVER_TOKEN_HASH_SIZE];
  g_autoptr(GError) error = NULL;

  mizan_server_token_hash (token, hash);
  g_assert_cmpint (mizan_server_store_add_token (store, hash, role, country, &error), >, 0);
  g_assert_no_error (error);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(MizanCatalog) catalog = NULL;
  g_autoptr(MizanServerModel) model = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  MizanServerHttpOptions options;

  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL);
  /* The database lives as long as the process: in $MIZAN_FUZZ_TMPDIR
   * (build-aux/fuzz.sh gives a folder it removes afterwards: libFuzzer
   * ends without running atexit handlers), else /dev/shm when there is
   * one, since every accepted submission is a durable commit. */
  if (g_getenv ("MIZAN_FUZZ_TMPDIR") != NULL)
    g_setenv ("TMPDIR", g_getenv ("MIZAN_FUZZ_TMPDIR"), TRUE);
  else if (g_file_test ("/dev/shm", G_FILE_TEST_IS_DIR) && g_access ("/dev/shm", W_OK) == 0)
    g_setenv ("TMPDIR", "/dev/shm", TRUE);
  dir = g_dir_make_tmp ("mizan-fuzz-server-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "server.db", NULL);
  store = mizan_server_store_open (path, &error);
  g_assert_no_error (error);
  database_dir = g_strdup (dir);
  atexit (remove_database);
  add_token (SUBMITTER_TOKEN, MIZAN_SERVER_ROLE_SUBMITTER, "PAK");
  add_token (ANALYST_TOKEN, MIZAN_SERVER_ROLE_ANALYST, NULL);

  catalog = fuzz_catalog_new ();
  /* k = 2 so that a few inputs already reach the figures past suppression. */
  model = mizan_server_model_new (catalog, mizan_countries_get_oic (), 2);

  mizan_server_http_options_init (&options);
  options.quiet = TRUE;
  options.rate = 1e9;
  options.burst = 1e9;
  http = mizan_server_http_new (store, model, &options);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GInputStream) input = NULL;
  g_autoptr(GOutputStream) output = NULL;
  g_autoptr(GIOStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  gint64 deadline = g_get_monotonic_time () + ANSWER_DEADLINE_US;

  input = g_memory_input_stream_new_from_data (g_memdup2 (data, size), size, g_free);
  output = g_memory_output_stream_new_resizable ();
  stream = g_simple_io_stream_new (input, output);

  g_assert_true (mizan_server_http_accept_stream (http, stream, &error));
  g_assert_no_error (error);

  /* libsoup reads to the end of the input, answers every complete request
   * (writes wait for the store's commit), then closes the connection. */
  while (!g_io_stream_is_closed (stream))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("the server did not finish with this input within %d s",
                 (int) (ANSWER_DEADLINE_US / G_USEC_PER_SEC));
      /* Not blocking: a commit on the store's thread wakes no one here. */
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (50);
    }
  while (g_main_context_iteration (NULL, FALSE))
    ;

  /* MIZAN_FUZZ_DUMP=1 shows the answers, to see what an input reaches. */
  if (g_getenv ("MIZAN_FUZZ_DUMP") != NULL)
    fprintf (stderr, "%.*s\n", (int) g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (output)),
             (const char *) g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (output)));
  return 0;
}
