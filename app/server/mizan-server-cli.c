/* mizan-server-cli.c — the mizan-server command line: serve, and token create|list|revoke
 * Global options come before the command; without a command the server serves. */

#include "config.h"

#include <inttypes.h>

#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "mizan-catalog.h"
#include "mizan-countries.h"
#include "mizan-server-cli.h"
#include "mizan-server-http.h"
#include "mizan-server-model.h"
#include "mizan-server-store.h"
#include "mizan-server-submission.h"
#include "mizan-server-tokens.h"
#include "mizan-server-validate.h"

enum {
  EXIT_OK = 0,
  EXIT_USER = 1,
  EXIT_USAGE = 2,
};

#define DEFAULT_LISTEN "127.0.0.1:8080"
#define DEFAULT_K 5
#define MAX_K 1000

typedef struct {
  const char *db_path;
  const char *listen;
  const char *tls_cert;
  const char *tls_key;
  const char *frameworks_dir;
  const char *countries_list;
  guint       k;
  MizanServerHttpOptions http;
} Options;

static int G_GNUC_PRINTF (1, 2)
fail (const char *format,
      ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  fprintf (stderr, "mizan-server: %s\n", message);
  return EXIT_USER;
}

static int G_GNUC_PRINTF (1, 2)
usage_error (const char *format,
             ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  fprintf (stderr, "mizan-server: %s\n", message);
  fprintf (stderr, _("Try “mizan-server --help”.\n"));
  return EXIT_USAGE;
}

static void
print_help (void)
{
  printf (_("Usage: mizan-server [OPTION…] [serve]\n"
            "       mizan-server [--db FILE] token create --role submitter --country ISO3\n"
            "       mizan-server [--db FILE] token create --role analyst\n"
            "       mizan-server [--db FILE] token list\n"
            "       mizan-server [--db FILE] token revoke ID\n"
            "\n"
            "The COMSTECH benchmark server: receives anonymized mizan-submission/1\n"
            "payloads and answers only aggregates of at least k submissions.\n"
            "\n"
            "Options:\n"
            "  --db FILE              database (default: $XDG_DATA_HOME/mizan-server/mizan-server.db)\n"
            "  --listen ADDR:PORT     address to listen on (default: 127.0.0.1:8080; port 0: any free port)\n"
            "  --tls-cert PEM         serve https with this certificate…\n"
            "  --tls-key PEM          …and this private key\n"
            "  --allow-plain-http     serve http on a non-loopback address (only behind a TLS proxy)\n"
            "  --k N                  smallest group whose figures are shown (default: 5)\n"
            "  --frameworks DIR       frameworks to accept (default: the built-in and the user's)\n"
            "  --countries A,B,…      accepted member states, ISO 3166-1 alpha-3 (default: the 57 OIC members)\n"
            "  --rate N               requests per second per token (default: 10)\n"
            "  --burst N              requests a token may make at once (default: 100)\n"
            "  --request-timeout S    seconds a request may take, idle connections included (default: 30)\n"
            "  --threads N            threads answering HTTP, 1 to 64 (default: two per processor)\n"
            "  --quiet                no request log on stderr\n"
            "  --help, --version\n"));
}

/* "--name VALUE" or "--name=VALUE"; advances *i past what it used. */
static gboolean
take_value (int          argc,
            char       **argv,
            int         *i,
            const char  *name,
            const char **value,
            int         *status)
{
  gsize length = strlen (name);

  if (strcmp (argv[*i], name) == 0)
    {
      if (*i + 1 >= argc)
        {
          *status = usage_error (_("%s needs a value"), name);
          return TRUE;
        }
      *value = argv[++(*i)];
      return TRUE;
    }
  if (strncmp (argv[*i], name, length) == 0 && argv[*i][length] == '=')
    {
      *value = argv[*i] + length + 1;
      return TRUE;
    }
  return FALSE;
}

/* take_value() of a whole number from @min to @max; @problem (already
 * translated) is the usage error for any other value. */
static gboolean
take_unsigned (int          argc,
               char       **argv,
               int         *i,
               const char  *name,
               guint64      min,
               guint64      max,
               const char  *problem,
               guint       *out,
               int         *status)
{
  const char *value = NULL;
  guint64 number;

  if (!take_value (argc, argv, i, name, &value, status))
    return FALSE;
  if (*status < 0)
    {
      if (g_ascii_string_to_unsigned (value, 10, min, max, &number, NULL))
        *out = (guint) number;
      else
        *status = usage_error ("%s", problem);
    }
  return TRUE;
}

static gboolean
parse_double (const char *text,
              double      min,
              double     *out)
{
  char *end = NULL;
  double value = g_ascii_strtod (text, &end);

  if (end == text || *end != '\0' || !(value >= min) || value > 1e9)
    return FALSE;
  *out = value;
  return TRUE;
}

/* Parses the global options; returns the index of the command, or -status - 1. */
static int
parse_options (int      argc,
               char   **argv,
               Options *options)
{
  g_autofree char *k_problem = g_strdup_printf (_("--k must be a whole number from 2 to %d"), MAX_K);
  int i;

  for (i = 1; i < argc && argv[i][0] == '-'; i++)
    {
      const char *value = NULL;
      int status = -1;

      if (strcmp (argv[i], "--help") == 0 || strcmp (argv[i], "-h") == 0)
        {
          print_help ();
          return -EXIT_OK - 1;
        }
      if (strcmp (argv[i], "--version") == 0)
        {
          printf ("mizan-server %s\n", PACKAGE_VERSION);
          return -EXIT_OK - 1;
        }
      if (strcmp (argv[i], "--quiet") == 0)
        {
          options->http.quiet = TRUE;
          continue;
        }
      if (strcmp (argv[i], "--allow-plain-http") == 0)
        {
          options->http.allow_plain_http = TRUE;
          continue;
        }

      if (take_value (argc, argv, &i, "--db", &options->db_path, &status) ||
          take_value (argc, argv, &i, "--listen", &options->listen, &status) ||
          take_value (argc, argv, &i, "--tls-cert", &options->tls_cert, &status) ||
          take_value (argc, argv, &i, "--tls-key", &options->tls_key, &status) ||
          take_value (argc, argv, &i, "--frameworks", &options->frameworks_dir, &status) ||
          take_value (argc, argv, &i, "--countries", &options->countries_list, &status))
        {
          if (status >= 0)
            return -status - 1;
          continue;
        }

      if (take_unsigned (argc, argv, &i, "--k", 2, MAX_K, k_problem, &options->k, &status) ||
          take_unsigned (argc, argv, &i, "--request-timeout", 1, 3600,
                         _("--request-timeout must be a number of seconds from 1 to 3600"),
                         &options->http.request_timeout, &status) ||
          take_unsigned (argc, argv, &i, "--threads", 1, 64, _("--threads must be a whole number from 1 to 64"),
                         &options->http.threads, &status))
        {
          if (status >= 0)
            return -status - 1;
          continue;
        }
      if (take_value (argc, argv, &i, "--rate", &value, &status))
        {
          if (status >= 0)
            return -status - 1;
          if (!parse_double (value, 0.0, &options->http.rate))
            return -usage_error (_("--rate must be a number of requests per second")) - 1;
          continue;
        }
      if (take_value (argc, argv, &i, "--burst", &value, &status))
        {
          if (status >= 0)
            return -status - 1;
          if (!parse_double (value, 1.0, &options->http.burst))
            return -usage_error (_("--burst must be a number of at least 1")) - 1;
          continue;
        }

      return -usage_error (_("unknown option “%s”"), argv[i]) - 1;
    }
  return i;
}

/* The accepted member states: --countries, else the OIC's 57. */
static GStrv
accepted_countries (Options  *options,
                    int      *status)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) parts = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (options->countries_list == NULL)
    return g_strdupv ((char **) mizan_countries_get_oic ());

  parts = g_strsplit (options->countries_list, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *code = g_ascii_strup (g_strstrip (parts[i]), -1);

      if (*code == '\0')
        continue;
      if (!mizan_country_is_valid (code))
        {
          *status = usage_error (_("--countries: “%s” is not an ISO 3166-1 alpha-3 country code"), code);
          return NULL;
        }
      if (g_hash_table_add (seen, g_strdup (code)))
        g_strv_builder_add (builder, code);
    }
  if (g_hash_table_size (seen) == 0)
    {
      *status = usage_error (_("--countries lists no country"));
      return NULL;
    }
  return g_strv_builder_end (builder);
}

static MizanServerStore *
open_store (Options  *options,
            GError  **error)
{
  g_autofree char *path = options->db_path ? g_strdup (options->db_path) : mizan_server_store_get_default_path ();

  return mizan_server_store_open (path, error);
}

/* token … ------------------------------------------------------------------ */

static char *
format_time (gint64 unix_time)
{
  g_autoptr(GDateTime) time = NULL;

  if (unix_time == 0)
    return g_strdup ("-");
  time = g_date_time_new_from_unix_utc (unix_time);
  return time ? g_date_time_format (time, "%FT%TZ") : g_strdup ("?");
}

static int
token_create (Options *options,
              int      argc,
              char   **argv)
{
  const char *role_text = NULL;
  const char *country_arg = NULL;
  MizanServerRole role;
  g_autofree char *country = NULL;
  g_auto(GStrv) countries = NULL;
  g_autoptr(MizanServerStore) store = NULL;
  g_autofree char *token = NULL;
  guint8 hash[MIZAN_SERVER_TOKEN_HASH_SIZE];
  g_autoptr(GError) error = NULL;
  gint64 id;
  int status = -1;

  for (int i = 0; i < argc; i++)
    {
      if (take_value (argc, argv, &i, "--role", &role_text, &status) ||
          take_value (argc, argv, &i, "--country", &country_arg, &status))
        {
          if (status >= 0)
            return status;
          continue;
        }
      return usage_error (_("token create: unexpected “%s”"), argv[i]);
    }

  if (role_text == NULL || !mizan_server_role_from_string (role_text, &role))
    return usage_error (_("token create needs --role submitter or --role analyst"));
  if (role == MIZAN_SERVER_ROLE_SUBMITTER && country_arg == NULL)
    return usage_error (_("a submitter token is bound to one member state: give --country ISO3"));
  if (role == MIZAN_SERVER_ROLE_ANALYST && country_arg != NULL)
    return usage_error (_("an analyst token is not bound to a country: leave out --country"));

  if (country_arg != NULL)
    {
      country = g_ascii_strup (country_arg, -1);
      countries = accepted_countries (options, &status);
      if (countries == NULL)
        return status;
      if (!g_strv_contains ((const char * const *) countries, country))
        return fail (_("“%s” is not one of the member states this server accepts"), country_arg);
    }

  if ((token = mizan_server_token_generate (&error)) == NULL ||
      (store = open_store (options, &error)) == NULL)
    return fail ("%s", error->message);

  mizan_server_token_hash (token, hash);
  id = mizan_server_store_add_token (store, hash, role, country, &error);
  if (id == 0)
    return fail ("%s", error->message);
  mizan_server_store_close (store);

  /* The token alone on stdout, so that scripts can capture it. */
  printf ("%s\n", token);
  fflush (stdout);
  if (country != NULL)
    fprintf (stderr, _("Token %" PRId64 " (submitter for %s) created. "
                       "It is shown only this once: hand it over safely.\n"), id, country);
  else
    fprintf (stderr, _("Token %" PRId64 " (analyst) created. "
                       "It is shown only this once: hand it over safely.\n"), id);
  return EXIT_OK;
}

static int
token_list (Options *options,
            int      argc,
            char   **argv)
{
  g_autoptr(MizanServerStore) store = NULL;
  g_autoptr(GPtrArray) tokens = NULL;
  g_autoptr(GError) error = NULL;

  if (argc > 0)
    return usage_error (_("token list takes no arguments"));

  if ((store = open_store (options, &error)) == NULL ||
      (tokens = mizan_server_store_list_tokens (store, &error)) == NULL)
    return fail ("%s", error->message);

  printf ("%-6s %-10s %-8s %-21s %s\n", "ID", "ROLE", "COUNTRY", "CREATED", "REVOKED");
  for (guint i = 0; i < tokens->len; i++)
    {
      MizanServerToken *token = g_ptr_array_index (tokens, i);
      g_autofree char *created = format_time (token->created);
      g_autofree char *revoked = format_time (token->revoked);

      printf ("%-6" G_GINT64_FORMAT " %-10s %-8s %-21s %s\n", token->id,
              mizan_server_role_to_string (token->role),
              token->country ? token->country : "-", created, revoked);
    }
  return EXIT_OK;
}

static int
token_revoke (Options *options,
              int      argc,
              char   **argv)
{
  g_autoptr(MizanServerStore) store = NULL;
  g_autoptr(GError) error = NULL;
  guint64 id;

  if (argc != 1)
    return usage_error (_("token revoke needs one token ID (see “token list”)"));
  if (!g_ascii_string_to_unsigned (argv[0], 10, 1, G_MAXINT64, &id, NULL))
    return usage_error (_("“%s” is not a token ID"), argv[0]);

  if ((store = open_store (options, &error)) == NULL ||
      !mizan_server_store_revoke_token (store, (gint64) id, &error))
    return fail ("%s", error->message);

  printf (_("Token %" PRIu64 " revoked.\n"), id);
  return EXIT_OK;
}

static int
run_token (Options *options,
           int      argc,
           char   **argv)
{
  if (argc < 1)
    return usage_error (_("token needs a subcommand: create, list or revoke"));
  if (strcmp (argv[0], "create") == 0)
    return token_create (options, argc - 1, argv + 1);
  if (strcmp (argv[0], "list") == 0)
    return token_list (options, argc - 1, argv + 1);
  if (strcmp (argv[0], "revoke") == 0)
    return token_revoke (options, argc - 1, argv + 1);
  return usage_error (_("unknown token subcommand “%s”"), argv[0]);
}

/* serve -------------------------------------------------------------------- */

typedef struct {
  MizanServerModel *model;
  guint             loaded;
  guint             skipped;
  char             *first_problem;
} Loading;

static gboolean
load_row (const MizanServerStoredRow *row,
          gpointer                    user_data)
{
  Loading *loading = user_data;
  g_autoptr(GError) error = NULL;
  MizanServerSubmission *submission = NULL;
  MizanFramework *framework;

  /* The figures stored beside the payload, when the framework file still
   * has the layout they were stored with; else the payload is validated
   * again, by the same rules as when it arrived. */
  framework = mizan_catalog_lookup (mizan_server_model_get_catalog (loading->model), row->framework, row->version);
  if (framework != NULL)
    {
      submission = mizan_server_submission_new (framework);
      if (mizan_server_submission_unpack_figures (submission, row->figures, row->figures_length))
        {
          submission->id = g_strdup (row->id);
          submission->country = g_strdup (row->country);
          submission->sector = g_strdup (row->sector);
          submission->size = g_strdup (row->size);
          submission->period = g_strdup (row->period);
        }
      else
        g_clear_pointer (&submission, mizan_server_submission_free);
    }

  if (submission == NULL)
    {
      const char *payload = mizan_server_stored_row_get_payload (row);

      submission = mizan_server_validate_submission (payload, strlen (payload),
                                                     mizan_server_model_get_catalog (loading->model),
                                                     mizan_server_model_get_countries (loading->model),
                                                     g_get_real_time () / G_USEC_PER_SEC, NULL, &error);
      if (submission != NULL)
        g_clear_pointer (&submission->payload, g_free);
    }

  if (submission == NULL || !mizan_server_model_put (loading->model, submission))
    {
      loading->skipped++;
      if (loading->first_problem == NULL)
        loading->first_problem = g_strdup_printf ("%s: %s", row->id,
                                                  error ? error->message : "country, sector or size not accepted");
      return TRUE;
    }
  loading->loaded++;
  return TRUE;
}

static int
serve (Options *options)
{
  g_auto(GStrv) countries = NULL;
  g_autoptr(MizanCatalog) catalog = NULL;
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autoptr(MizanServerStore) store = NULL;
  g_autoptr(MizanServerModel) model = NULL;
  g_autoptr(MizanServerHttp) http = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  Loading loading = { 0, };
  GPtrArray *warnings;
  int status = EXIT_OK;

  if ((options->tls_cert == NULL) != (options->tls_key == NULL))
    return usage_error (_("--tls-cert and --tls-key go together"));

  countries = accepted_countries (options, &status);
  if (countries == NULL)
    return status;

  if (options->frameworks_dir != NULL)
    {
      if (!g_file_test (options->frameworks_dir, G_FILE_TEST_IS_DIR))
        return fail (_("--frameworks: “%s” is not a folder"), options->frameworks_dir);
      catalog = mizan_catalog_new ();
      mizan_catalog_add_directory (catalog, options->frameworks_dir);
    }
  else
    catalog = mizan_catalog_new_default ();

  warnings = mizan_catalog_get_warnings (catalog);
  for (guint i = 0; i < warnings->len; i++)
    fprintf (stderr, "mizan-server: %s\n", (const char *) g_ptr_array_index (warnings, i));
  if (mizan_catalog_get_frameworks (catalog)->len == 0)
    return fail (_("no framework to accept submissions for; give --frameworks DIR"));

  if (options->tls_cert != NULL)
    {
      certificate = g_tls_certificate_new_from_files (options->tls_cert, options->tls_key, &error);
      if (certificate == NULL)
        return fail (_("could not load the TLS certificate and key: %s"), error->message);
    }

  if ((store = open_store (options, &error)) == NULL)
    return fail ("%s", error->message);

  model = mizan_server_model_new (catalog, (const char * const *) countries, options->k);
  loading.model = model;
  if (!mizan_server_store_foreach_submission (store, load_row, &loading, &error))
    {
      g_free (loading.first_problem);
      return fail ("%s", error->message);
    }
  if (!options->http.quiet)
    fprintf (stderr, "mizan-server: %u submissions loaded\n", loading.loaded);
  if (loading.skipped > 0)
    fprintf (stderr, "mizan-server: %u stored submissions left out of the figures (their framework "
             "or country is no longer accepted), e.g. %s\n", loading.skipped, loading.first_problem);
  g_free (loading.first_problem);

  http = mizan_server_http_new (store, model, &options->http);
  if (!mizan_server_http_listen (http, options->listen, certificate, &error))
    return fail ("%s", error->message);

  url = mizan_server_http_get_url (http);
  if (!options->http.quiet)
    fprintf (stderr, "mizan-server: answering on %u threads\n", mizan_server_http_get_n_workers (http));
  printf ("listening on %s\n", url ? url : options->listen);
  fflush (stdout);

  mizan_server_http_run (http);
  if (!options->http.quiet)
    fprintf (stderr, "mizan-server: stopped\n");
  return EXIT_OK;
}

int
mizan_server_cli_run (int   argc,
                      char *argv[])
{
  Options options = { 0, };
  int command;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  /* A client hanging up mid-answer must not kill the server. */
  signal (SIGPIPE, SIG_IGN);

  options.listen = DEFAULT_LISTEN;
  options.k = DEFAULT_K;
  mizan_server_http_options_init (&options.http);

  command = parse_options (argc, argv, &options);
  if (command < 0)
    return -command - 1;

  if (command >= argc || strcmp (argv[command], "serve") == 0)
    {
      if (command < argc - 1)
        return usage_error (_("serve takes no arguments"));
      return serve (&options);
    }
  if (strcmp (argv[command], "token") == 0)
    return run_token (&options, argc - command - 1, argv + command + 1);
  return usage_error (_("unknown command “%s”"), argv[command]);
}
