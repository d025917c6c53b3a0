/* mizan-cli.c — the headless command line of Mizan
 * Parses the command, runs it on the core and maps errors to exit codes 1 and 2. */

#include "config.h"

#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "mizan-catalog.h"
#include "mizan-cli.h"
#include "mizan-cli-restore.h"
#include "mizan-countries.h"
#include "mizan-exchange.h"
#include "mizan-results.h"
#include "mizan-store.h"
#include "mizan-submission.h"

enum {
  EXIT_OK = 0,
  EXIT_USER = 1,
  EXIT_USAGE = 2,
};

typedef struct {
  const char *db_path;   /* NULL: the app's own database */
  MizanCatalog *catalog;
} Cli;

typedef int (*CommandFunc) (Cli *cli, int argc, char **argv);

typedef struct {
  const char *name;
  const char *synopsis;
  const char *summary;
  CommandFunc func;
} Command;

static const Command *find_command (const char *name);

/* A user error: one line on stderr, exit 1. Multi-line problem lists (a
 * framework's faults) are printed whole, since every line names its place. */
static int
fail (const char *format,
      ...) G_GNUC_PRINTF (1, 2);

static int
fail (const char *format,
      ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  fprintf (stderr, "mizan-cli: %s\n", message);
  return EXIT_USER;
}

static int
usage_error (const char *command,
             const char *format,
             ...) G_GNUC_PRINTF (2, 3);

static int
usage_error (const char *command,
             const char *format,
             ...)
{
  va_list args;
  g_autofree char *message = NULL;
  const Command *cmd = command ? find_command (command) : NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  fprintf (stderr, "mizan-cli: %s\n", message);
  if (cmd != NULL)
    fprintf (stderr, _("Usage: mizan-cli [--db PATH] %s %s\n"), cmd->name, cmd->synopsis);
  else
    fprintf (stderr, _("Try “mizan-cli --help”.\n"));
  return EXIT_USAGE;
}

static MizanCatalog *
cli_get_catalog (Cli *cli)
{
  if (cli->catalog == NULL)
    cli->catalog = mizan_catalog_new_default ();
  return cli->catalog;
}

static MizanStore *
cli_open_store (Cli     *cli,
                GError **error)
{
  g_autofree char *path = cli->db_path ? g_strdup (cli->db_path) : mizan_store_get_default_path ();
  MizanStore *store = mizan_store_open (path, error);
  g_autofree char *hint = NULL;

  if (store != NULL)
    mizan_cli_backup_daily (path);
  else if (error != NULL &&
           (g_error_matches (*error, MIZAN_STORE_ERROR, MIZAN_STORE_ERROR_CORRUPT) ||
            g_error_matches (*error, MIZAN_STORE_ERROR, MIZAN_STORE_ERROR_TOO_NEW)) &&
           (hint = mizan_cli_restore_hint (path)) != NULL)
    {
      /* Still one line: the reason, then what to do about it. */
      char *message = g_strdup_printf ("%s %s", (*error)->message, hint);

      g_free ((*error)->message);
      (*error)->message = message;
    }
  return store;
}

/* Accepts a whole assessment id or a unique prefix of at least four characters,
 * so that ids copied from `list` can be shortened as with git. */
static char *
resolve_assessment_id (MizanStore  *store,
                       const char  *given,
                       GError     **error)
{
  g_autoptr(GPtrArray) list = NULL;
  const char *match = NULL;
  guint n_matches = 0;

  if (mizan_store_has_assessment (store, given, NULL))
    return g_strdup (given);

  list = mizan_store_list_assessments (store, error);
  if (list == NULL)
    return NULL;

  if (strlen (given) >= 4)
    for (guint i = 0; i < list->len; i++)
      {
        MizanAssessmentSummary *summary = g_ptr_array_index (list, i);

        if (g_str_has_prefix (summary->id, given))
          {
            match = summary->id;
            n_matches++;
          }
      }

  if (n_matches == 1)
    return g_strdup (match);

  if (n_matches > 1)
    g_set_error (error, MIZAN_STORE_ERROR, MIZAN_STORE_ERROR_NOT_FOUND,
                 _("“%s” matches %u assessments; give more of the id"), given, n_matches);
  else
    g_set_error (error, MIZAN_STORE_ERROR, MIZAN_STORE_ERROR_NOT_FOUND,
                 _("no assessment “%s” in %s (see “mizan-cli list”)"),
                 given, mizan_store_get_path (store));
  return NULL;
}

/* The assessment and the framework it was made with; a missing framework is
 * an error that says which one is needed and which are installed. */
static gboolean
load_assessment (Cli              *cli,
                 MizanStore       *store,
                 const char       *given_id,
                 MizanAssessment **out_assessment,
                 MizanFramework  **out_framework,
                 GError          **error)
{
  g_autofree char *id = NULL;
  g_autoptr(MizanAssessment) assessment = NULL;
  MizanFramework *framework;
  const char *fw_id, *fw_version;

  id = resolve_assessment_id (store, given_id, error);
  if (id == NULL)
    return FALSE;

  assessment = mizan_store_load_assessment (store, id, error);
  if (assessment == NULL)
    return FALSE;

  fw_id = mizan_assessment_get_framework_id (assessment);
  fw_version = mizan_assessment_get_framework_version (assessment);
  framework = mizan_catalog_lookup (cli_get_catalog (cli), fw_id, fw_version);
  if (framework == NULL)
    {
      MizanFramework *other = mizan_catalog_lookup (cli_get_catalog (cli), fw_id, NULL);
      g_autofree char *user_dir = mizan_catalog_get_user_dir ();

      if (other != NULL)
        g_set_error (error, MIZAN_EXCHANGE_ERROR, MIZAN_EXCHANGE_ERROR_UNKNOWN_FRAMEWORK,
                     _("assessment %s uses framework %s version %s, which is not installed "
                       "(only version %s is); put that version’s file in %s"),
                     id, fw_id, fw_version, mizan_framework_get_version (other), user_dir);
      else
        g_set_error (error, MIZAN_EXCHANGE_ERROR, MIZAN_EXCHANGE_ERROR_UNKNOWN_FRAMEWORK,
                     _("assessment %s uses framework %s version %s, which is not installed; "
                       "put its file in %s"),
                     id, fw_id, fw_version, user_dir);
      return FALSE;
    }

  *out_assessment = g_steal_pointer (&assessment);
  *out_framework = g_object_ref (framework);
  return TRUE;
}

static int
compare_string_ptrs (gconstpointer a,
                     gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Every language in which every text of @framework is present: the
 * "complete in" figure of `validate`, so translators see gaps at once. */
static GPtrArray *
complete_languages (MizanFramework *framework)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();
  GPtrArray *complete = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  gpointer key, value;

#define ADD_TEXT(t) G_STMT_START { if ((t) != NULL) g_ptr_array_add (texts, (gpointer) (t)); } G_STMT_END
  ADD_TEXT (mizan_framework_get_title (framework));
  ADD_TEXT (mizan_framework_get_description (framework));
  for (guint l = 1; l <= mizan_framework_get_n_levels (framework); l++)
    {
      const MizanLevel *level = mizan_framework_get_level (framework, l);
      ADD_TEXT (level->name);
      ADD_TEXT (level->description);
    }
  for (guint i = 0; i < mizan_framework_get_n_domains (framework); i++)
    {
      MizanDomain *domain = mizan_framework_get_domain (framework, i);
      ADD_TEXT (domain->title);
      ADD_TEXT (domain->description);
    }
  for (guint i = 0; i < mizan_framework_get_n_capabilities (framework); i++)
    {
      MizanCapability *capability = mizan_framework_get_capability (framework, i);
      ADD_TEXT (capability->title);
      ADD_TEXT (capability->description);
    }
  for (guint i = 0; i < mizan_framework_get_n_practices (framework); i++)
    {
      MizanPractice *practice = mizan_framework_get_practice (framework, i);
      ADD_TEXT (practice->text);
      ADD_TEXT (practice->guidance);
      ADD_TEXT (practice->evidence);
    }
#undef ADD_TEXT

  for (guint i = 0; i < texts->len; i++)
    {
      const MizanText *text = g_ptr_array_index (texts, i);

      for (guint j = 0; j < mizan_text_get_n_langs (text); j++)
        {
          const char *lang, *string;

          mizan_text_get_nth (text, j, &lang, &string);
          if (string != NULL && *string != '\0')
            g_hash_table_insert (counts, (gpointer) lang,
                                 GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, lang)) + 1));
        }
    }

  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (GPOINTER_TO_UINT (value) == texts->len)
      g_ptr_array_add (complete, g_strdup (key));
  g_ptr_array_sort (complete, compare_string_ptrs);
  return complete;
}

static int
cmd_frameworks (Cli   *cli,
                int    argc,
                char **argv)
{
  MizanCatalog *catalog;
  GPtrArray *frameworks, *warnings;

  if (argc > 1)
    return usage_error ("frameworks", _("unexpected argument “%s”"), argv[1]);

  catalog = cli_get_catalog (cli);
  warnings = mizan_catalog_get_warnings (catalog);
  for (guint i = 0; i < warnings->len; i++)
    fprintf (stderr, _("warning: %s\n"), (const char *) g_ptr_array_index (warnings, i));

  frameworks = mizan_catalog_get_frameworks (catalog);
  if (frameworks->len == 0)
    return fail (_("no frameworks installed (looked in %s and the user directory)"),
                 mizan_catalog_get_builtin_dir ());

  printf ("%-16s %-9s %7s %12s %9s  %s\n",
          _("ID"), _("VERSION"), _("DOMAINS"), _("CAPABILITIES"), _("PRACTICES"), _("TITLE"));
  for (guint i = 0; i < frameworks->len; i++)
    {
      MizanFramework *fw = g_ptr_array_index (frameworks, i);

      printf ("%-16s %-9s %7u %12u %9u  %s\n",
              mizan_framework_get_id (fw), mizan_framework_get_version (fw),
              mizan_framework_get_n_domains (fw), mizan_framework_get_n_capabilities (fw),
              mizan_framework_get_n_practices (fw),
              mizan_text_localized (mizan_framework_get_title (fw)));
    }
  return EXIT_OK;
}

/* Problem lists go to stdout, one per line, and a one-line reason to stderr. */
static int
report_problems (const char *path,
                 GError     *error)
{
  g_auto(GStrv) lines = g_strsplit (error->message, "\n", -1);
  guint n = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    if (*lines[i] != '\0')
      {
        printf ("%s\n", lines[i]);
        n++;
      }
  return fail (g_dngettext (GETTEXT_PACKAGE, "%s: %u problem", "%s: %u problems", n), path, n);
}

static int
cmd_validate (Cli   *cli,
              int    argc,
              char **argv)
{
  g_autoptr(GError) error = NULL;
  const char *path;

  if (argc != 2)
    return usage_error ("validate", argc < 2 ? _("missing FILE") : _("unexpected argument “%s”"), argv[argc - 1]);
  path = argv[1];

  if (g_str_has_suffix (path, ".mizan"))
    {
      g_autoptr(MizanAssessment) assessment = mizan_exchange_read_file (path, cli_get_catalog (cli), &error);

      if (assessment == NULL)
        return report_problems (path, error);
      printf (_("%s: valid assessment %s of “%s” against %s %s, %u practices answered\n"),
              path, mizan_assessment_get_id (assessment), mizan_assessment_get_org_name (assessment),
              mizan_assessment_get_framework_id (assessment),
              mizan_assessment_get_framework_version (assessment),
              mizan_assessment_count_answered (assessment));
    }
  else
    {
      g_autoptr(MizanFramework) fw = mizan_framework_new_from_file (path, &error);
      g_autoptr(GPtrArray) langs = NULL;
      g_autofree char *lang_list = NULL;

      if (fw == NULL)
        {
          if (g_error_matches (error, MIZAN_FRAMEWORK_ERROR, MIZAN_FRAMEWORK_ERROR_SYNTAX) ||
              g_error_matches (error, MIZAN_FRAMEWORK_ERROR, MIZAN_FRAMEWORK_ERROR_INVALID))
            return report_problems (path, error);
          return fail ("%s", error->message);
        }

      langs = complete_languages (fw);
      g_ptr_array_add (langs, NULL);
      lang_list = g_strjoinv (", ", (char **) langs->pdata);
      printf (_("%s: valid framework %s %s: %u levels, %u domains, %u capabilities, %u practices; "
                "text complete in %s\n"),
              path, mizan_framework_get_id (fw), mizan_framework_get_version (fw),
              mizan_framework_get_n_levels (fw), mizan_framework_get_n_domains (fw),
              mizan_framework_get_n_capabilities (fw), mizan_framework_get_n_practices (fw),
              lang_list);
    }
  return EXIT_OK;
}

static int
cmd_import (Cli   *cli,
            int    argc,
            char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MizanStore) store = NULL;
  g_autoptr(MizanAssessment) assessment = NULL;
  const char *path = NULL;
  gboolean replace = FALSE, copy = FALSE;
  gboolean exists;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--replace"))
        replace = TRUE;
      else if (g_str_equal (argv[i], "--copy"))
        copy = TRUE;
      else if (argv[i][0] == '-' && argv[i][1] != '\0')
        return usage_error ("import", _("unknown option “%s”"), argv[i]);
      else if (path == NULL)
        path = argv[i];
      else
        return usage_error ("import", _("unexpected argument “%s”"), argv[i]);
    }
  if (path == NULL)
    return usage_error ("import", _("missing FILE"));
  if (replace && copy)
    return usage_error ("import", _("--replace and --copy cannot be used together"));

  assessment = mizan_exchange_read_file (path, cli_get_catalog (cli), &error);
  if (assessment == NULL)
    {
      if (g_error_matches (error, MIZAN_EXCHANGE_ERROR, MIZAN_EXCHANGE_ERROR_SYNTAX) ||
          g_error_matches (error, MIZAN_EXCHANGE_ERROR, MIZAN_EXCHANGE_ERROR_INVALID))
        return report_problems (path, error);
      return fail ("%s", error->message);
    }

  store = cli_open_store (cli, &error);
  if (store == NULL)
    return fail ("%s", error->message);

  exists = mizan_store_has_assessment (store, mizan_assessment_get_id (assessment), &error);
  if (error != NULL)
    return fail ("%s", error->message);

  if (exists && copy)
    {
      g_autofree char *new_id = g_uuid_string_random ();
      mizan_assessment_set_id (assessment, new_id);
    }
  else if (exists && !replace)
    return fail (_("assessment %s is already in the database; use --replace to overwrite it "
                   "or --copy to import it under a new id"),
                 mizan_assessment_get_id (assessment));

  if (!mizan_store_save_assessment (store, assessment, replace, &error))
    return fail ("%s", error->message);

  printf ("%s\n", mizan_assessment_get_id (assessment));
  return EXIT_OK;
}

static gboolean
write_output (const char  *path,
              const char  *data,
              gsize        length,
              GError     **error)
{
  if (g_str_equal (path, "-"))
    {
      if (fwrite (data, 1, length, stdout) != length || fflush (stdout) != 0)
        {
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno),
                       _("cannot write to standard output: %s"), g_strerror (errno));
          return FALSE;
        }
      return TRUE;
    }
  return mizan_write_file_atomic (path, data, length, error);
}

static int
cmd_export (Cli   *cli,
            int    argc,
            char **argv)
{
  static const char * const later_formats[] = { "xlsx", "pdf", "svg", "png", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(MizanStore) store = NULL;
  g_autoptr(MizanAssessment) assessment = NULL;
  g_autoptr(MizanFramework) framework = NULL;
  g_autofree char *data = NULL;
  const char *id = NULL, *format = NULL, *output = NULL;
  gsize length = 0;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--format") || g_str_equal (argv[i], "-o") || g_str_equal (argv[i], "--output"))
        {
          if (i + 1 >= argc)
            return usage_error ("export", _("%s needs a value"), argv[i]);
          if (g_str_equal (argv[i], "--format"))
            format = argv[++i];
          else
            output = argv[++i];
        }
      else if (argv[i][0] == '-')
        return usage_error ("export", _("unknown option “%s”"), argv[i]);
      else if (id == NULL)
        id = argv[i];
      else
        return usage_error ("export", _("unexpected argument “%s”"), argv[i]);
    }
  if (id == NULL)
    return usage_error ("export", _("missing ID"));
  if (format == NULL)
    return usage_error ("export", _("missing --format"));
  if (output == NULL)
    return usage_error ("export", _("missing -o FILE"));
  if (g_strv_contains (later_formats, format))
    return fail (_("export format “%s” is not available in this version yet; use json or csv"), format);
  if (!g_str_equal (format, "json") && !g_str_equal (format, "csv"))
    return usage_error ("export", _("unknown format “%s” (json, csv, xlsx, pdf, svg or png)"), format);

  store = cli_open_store (cli, &error);
  if (store == NULL)
    return fail ("%s", error->message);

  if (g_str_equal (format, "json"))
    {
      g_autofree char *full_id = resolve_assessment_id (store, id, &error);

      if (full_id != NULL)
        assessment = mizan_store_load_assessment (store, full_id, &error);
      if (assessment == NULL)
        return fail ("%s", error->message);
      data = mizan_exchange_to_data (assessment, &length);
    }
  else
    {
      g_autoptr(MizanResults) results = NULL;

      if (!load_assessment (cli, store, id, &assessment, &framework, &error))
        return fail ("%s", error->message);
      results = mizan_results_compute (framework, assessment);
      data = mizan_exchange_to_csv (assessment, framework, results, &length);
    }

  if (!write_output (output, data, length, &error))
    return fail ("%s", error->message);
  return EXIT_OK;
}

static int
cmd_list (Cli   *cli,
          int    argc,
          char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MizanStore) store = NULL;
  g_autoptr(GPtrArray) list = NULL;

  if (argc > 1)
    return usage_error ("list", _("unexpected argument “%s”"), argv[1]);

  store = cli_open_store (cli, &error);
  if (store == NULL)
    return fail ("%s", error->message);
  list = mizan_store_list_assessments (store, &error);
  if (list == NULL)
    return fail ("%s", error->message);

  if (list->len == 0)
    {
      printf (_("No assessments yet. Create one in Mizan or import a .mizan file.\n"));
      return EXIT_OK;
    }

  printf ("%-36s  %-28s  %-18s  %10s  %s\n",
          _("ID"), _("ORGANIZATION"), _("FRAMEWORK"), _("COMPLETION"), _("UPDATED"));
  for (guint i = 0; i < list->len; i++)
    {
      MizanAssessmentSummary *summary = g_ptr_array_index (list, i);
      MizanFramework *fw = mizan_catalog_lookup (cli_get_catalog (cli), summary->framework_id,
                                                 summary->framework_version);
      g_autoptr(GDateTime) updated = g_date_time_new_from_unix_local (summary->updated);
      g_autofree char *when = updated ? g_date_time_format (updated, "%Y-%m-%d %H:%M") : g_strdup ("?");
      g_autofree char *fw_name = g_strdup_printf ("%s %s", summary->framework_id, summary->framework_version);
      g_autofree char *completion = NULL;

      if (fw != NULL && mizan_framework_get_n_practices (fw) > 0)
        completion = g_strdup_printf ("%.0f%%", 100.0 * summary->answered / mizan_framework_get_n_practices (fw));
      else
        completion = g_strdup (_("no framework"));

      printf ("%-36s  %-28s  %-18s  %10s  %s\n",
              summary->id, summary->org_name, fw_name, completion, when);
    }
  return EXIT_OK;
}

static void
print_json (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_root (generator, node);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  text = json_generator_to_data (generator, NULL);
  printf ("%s\n", text);
}

static void
print_results (MizanAssessment    *assessment,
               const MizanResults *results)
{
  MizanFramework *fw = results->framework;
  guint n_levels = mizan_framework_get_n_levels (fw);

  printf (_("Assessment: %s — %s\n"), mizan_assessment_get_title (assessment),
          mizan_assessment_get_org_name (assessment));
  printf (_("Framework:  %s %s\n"), mizan_text_localized (mizan_framework_get_title (fw)),
          mizan_framework_get_version (fw));
  if (results->applicable)
    printf (_("Maturity index %.2f of %u, score %.0f%%, completion %.0f%%\n\n"),
            results->index, n_levels, 100 * results->score, 100 * results->completion);
  else
    printf (_("Maturity index not applicable, completion %.0f%%\n\n"), 100 * results->completion);

  printf ("%-8s %5s %6s %6s %6s %5s  %s\n",
          _("DOMAIN"), _("LEVEL"), _("INDEX"), _("SCORE"), _("TARGET"), _("GAP"), _("TITLE"));
  for (guint i = 0; i < results->n_domains; i++)
    {
      const MizanDomainResult *d = &results->domains[i];

      if (d->applicable)
        printf ("%-8s %5u %6.2f %5.0f%% %6.2f %5.2f  %s\n", d->domain->id, d->level, d->index,
                100 * d->score, d->target, d->gap, mizan_text_localized (d->domain->title));
      else
        printf ("%-8s %5s %6s %6s %6s %5s  %s\n", d->domain->id, "—", "—", "—", "—", "—",
                mizan_text_localized (d->domain->title));
    }

  if (results->n_priorities > 0)
    {
      printf (_("\nPriorities:\n"));
      for (guint i = 0; i < results->n_priorities && i < 10; i++)
        printf (_("%2u. %-8s gap %u  %s\n"), i + 1, results->priorities[i].capability->id,
                results->priorities[i].gap,
                mizan_text_localized (results->priorities[i].capability->title));
    }
}

static int
cmd_score (Cli   *cli,
           int    argc,
           char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MizanStore) store = NULL;
  g_autoptr(MizanAssessment) assessment = NULL;
  g_autoptr(MizanFramework) framework = NULL;
  g_autoptr(MizanResults) results = NULL;
  const char *id = NULL;
  gboolean json = FALSE;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--json"))
        json = TRUE;
      else if (argv[i][0] == '-')
        return usage_error ("score", _("unknown option “%s”"), argv[i]);
      else if (id == NULL)
        id = argv[i];
      else
        return usage_error ("score", _("unexpected argument “%s”"), argv[i]);
    }
  if (id == NULL)
    return usage_error ("score", _("missing ID"));

  store = cli_open_store (cli, &error);
  if (store == NULL)
    return fail ("%s", error->message);
  if (!load_assessment (cli, store, id, &assessment, &framework, &error))
    return fail ("%s", error->message);

  results = mizan_results_compute (framework, assessment);
  if (json)
    {
      g_autoptr(JsonNode) node = mizan_results_to_json (results, mizan_assessment_get_id (assessment));
      print_json (node);
    }
  else
    print_results (assessment, results);
  return EXIT_OK;
}

static int
cmd_submission (Cli   *cli,
                int    argc,
                char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MizanStore) store = NULL;
  g_autoptr(MizanAssessment) assessment = NULL;
  g_autoptr(MizanFramework) framework = NULL;
  g_autoptr(MizanResults) results = NULL;
  g_autoptr(JsonNode) payload = NULL;
  g_autofree char *submission_id = NULL;

  if (argc != 2)
    return usage_error ("submission", argc < 2 ? _("missing ID") : _("unexpected argument “%s”"), argv[argc - 1]);

  store = cli_open_store (cli, &error);
  if (store == NULL)
    return fail ("%s", error->message);
  if (!load_assessment (cli, store, argv[1], &assessment, &framework, &error))
    return fail ("%s", error->message);

  submission_id = mizan_store_get_submission_id (store, mizan_assessment_get_id (assessment), &error);
  if (submission_id == NULL)
    return fail ("%s", error->message);

  results = mizan_results_compute (framework, assessment);
  payload = mizan_submission_build (assessment, results, submission_id);
  print_json (payload);
  return EXIT_OK;
}

static int
cmd_not_yet (Cli   *cli,
             int    argc,
             char **argv)
{
  return fail (_("“%s” is not available in this version of Mizan yet"), argv[0]);
}

static int
cmd_restore (Cli   *cli,
             int    argc,
             char **argv)
{
  return mizan_cli_restore (cli->db_path, argc, argv);
}

static const Command commands[] = {
  { "frameworks", "", N_("List the installed frameworks"), cmd_frameworks },
  { "validate", N_("FILE"), N_("Check a framework file (or a .mizan file) and list every problem"), cmd_validate },
  { "import", N_("FILE [--replace | --copy]"), N_("Import a .mizan assessment; prints its id"), cmd_import },
  { "export", N_("ID --format json|csv|xlsx|pdf|svg|png -o FILE"), N_("Export an assessment"), cmd_export },
  { "list", "", N_("List the assessments"), cmd_list },
  { "score", N_("ID [--json]"), N_("Show the maturity scores, gaps and priorities"), cmd_score },
  { "report", N_("ID -o FILE.pdf [--lang ar|en|fr] [--logo FILE.svg]"), N_("Write a PDF report (not yet available)"), cmd_not_yet },
  { "submission", N_("ID"), N_("Print the anonymized payload that sync would send"), cmd_submission },
  { "sync", N_("ID [--server URL] [--token TOKEN]"), N_("Send the anonymized scores (not yet available)"), cmd_not_yet },
  { "benchmark", N_("ID"), N_("Show the peers’ distribution (not yet available)"), cmd_not_yet },
  { "restore", N_("[BACKUP]"), N_("List the database’s backups, or restore one (the current file is kept)"), cmd_restore },
};

static const Command *
find_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (commands[i].name, name))
      return &commands[i];
  return NULL;
}

static void
print_help (void)
{
  printf (_("Usage: mizan-cli [--db PATH] COMMAND [ARGS…]\n\n"
            "Assess cybersecurity capability maturity from the command line.\n"
            "The default database is Mizan’s own, in the user data directory.\n\n"
            "Commands:\n"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *line = g_strdup_printf ("%s %s", commands[i].name, _(commands[i].synopsis));
      printf ("  %-52s %s\n", line, _(commands[i].summary));
    }
  printf (_("\nExit status: 0 success, 1 error (reason on stderr), 2 usage error.\n"));
}

int
mizan_cli_run (int   argc,
               char *argv[])
{
  Cli cli = { NULL, NULL };
  const Command *command;
  int i = 1;
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  for (; i < argc && argv[i][0] == '-'; i++)
    {
      if (g_str_equal (argv[i], "--help") || g_str_equal (argv[i], "-h"))
        {
          print_help ();
          return EXIT_OK;
        }
      else if (g_str_equal (argv[i], "--version"))
        {
          printf ("mizan-cli %s\n", PACKAGE_VERSION);
          return EXIT_OK;
        }
      else if (g_str_equal (argv[i], "--db"))
        {
          if (++i >= argc)
            return usage_error (NULL, _("--db needs a PATH"));
          cli.db_path = argv[i];
        }
      else if (g_str_has_prefix (argv[i], "--db="))
        cli.db_path = argv[i] + strlen ("--db=");
      else
        return usage_error (NULL, _("unknown option “%s”"), argv[i]);
    }

  if (i >= argc)
    return usage_error (NULL, _("missing COMMAND"));

  command = find_command (argv[i]);
  if (command == NULL)
    return usage_error (NULL, _("unknown command “%s”"), argv[i]);

  status = command->func (&cli, argc - i, argv + i);
  g_clear_object (&cli.catalog);
  return status;
}
