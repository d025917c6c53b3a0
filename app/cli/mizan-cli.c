/* mizan-cli.c — the headless command line of Mizan
 * Parses the command, runs it on the core and maps errors to exit codes 1 and 2. */

#include "config.h"

#include <errno.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "mizan-catalog.h"
#include "mizan-cli.h"
#include "mizan-cli-restore.h"
#include "mizan-countries.h"
#include "mizan-charts.h"
#include "mizan-exchange.h"
#include "mizan-migration.h"
#include "mizan-preferences.h"
#include "mizan-report.h"
#include "mizan-results.h"
#include "mizan-store.h"
#include "mizan-submission.h"
#include "mizan-xlsx.h"
#include "mizan-preferences.h"
#include "mizan-sync-queue.h"

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

/* The one summary in @list whose id is @given or starts with it (at least
 * four characters), as with git; NULL with @error set otherwise. */
static const MizanAssessmentSummary *
match_summary (GPtrArray   *list,
               const char  *given,
               GError     **error)
{
  const MizanAssessmentSummary *match = NULL;
  guint n_matches = 0;

  for (guint i = 0; i < list->len; i++)
    {
      const MizanAssessmentSummary *summary = g_ptr_array_index (list, i);

      if (g_str_equal (summary->id, given))
        return summary;
      if (strlen (given) >= 4 && g_str_has_prefix (summary->id, given))
        {
          match = summary;
          n_matches++;
        }
    }

  if (n_matches == 1)
    return match;
  if (n_matches > 1)
    g_set_error (error, MIZAN_STORE_ERROR, MIZAN_STORE_ERROR_NOT_FOUND,
                 _("“%s” matches %u assessments; give more of the id"), given, n_matches);
  return NULL;
}

/* Accepts a whole assessment id or a unique prefix of at least four characters,
 * so that ids copied from `list` can be shortened as with git. */
static char *
resolve_assessment_id (MizanStore  *store,
                       const char  *given,
                       GError     **error)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) local_error = NULL;
  const MizanAssessmentSummary *match;

  if (mizan_store_has_assessment (store, given, NULL))
    return g_strdup (given);

  list = mizan_store_list_assessments (store, error);
  if (list == NULL)
    return NULL;

  match = match_summary (list, given, &local_error);
  if (match != NULL)
    return g_strdup (match->id);

  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
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
  ADD_TEXT (mizan_framework_get_status (framework));
  for (MizanStatus status = MIZAN_STATUS_FULLY; status <= MIZAN_STATUS_NA; status++)
    ADD_TEXT (mizan_framework_get_rubric (framework, status));
  for (guint i = 0; i < mizan_framework_get_n_profile_questions (framework); i++)
    ADD_TEXT (mizan_framework_get_profile_question (framework, i)->text);
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
      ADD_TEXT (domain->weight_reason);
    }
  for (guint i = 0; i < mizan_framework_get_n_capabilities (framework); i++)
    {
      MizanCapability *capability = mizan_framework_get_capability (framework, i);
      ADD_TEXT (capability->title);
      ADD_TEXT (capability->description);
      ADD_TEXT (capability->weight_reason);
    }
  for (guint i = 0; i < mizan_framework_get_n_practices (framework); i++)
    {
      MizanPractice *practice = mizan_framework_get_practice (framework, i);
      ADD_TEXT (practice->text);
      ADD_TEXT (practice->guidance);
      ADD_TEXT (practice->evidence);
      ADD_TEXT (practice->fully_when);
      ADD_TEXT (practice->weight_reason);
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

/* The database (with the day's backup made first) and an assessment in it,
 * with its framework. */
static gboolean
open_assessment (Cli              *cli,
                 const char       *given_id,
                 MizanStore      **out_store,
                 MizanAssessment **out_assessment,
                 MizanFramework  **out_framework,
                 GError          **error)
{
  *out_store = cli_open_store (cli, error);
  return *out_store != NULL &&
         load_assessment (cli, *out_store, given_id, out_assessment, out_framework, error);
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

/* What `report` and `export --format pdf` take; the branding left unset
 * comes from the app's preferences when their schema is installed. */
typedef struct {
  const char *lang;
  const char *logo;
  const char *paper;
  const char *consultant;
  const char *compare;
} ReportArgs;

static gboolean
report_option (ReportArgs  *args,
               const char  *option,
               const char  *value)
{
  if (g_str_equal (option, "--lang"))
    args->lang = value;
  else if (g_str_equal (option, "--logo"))
    args->logo = value;
  else if (g_str_equal (option, "--paper"))
    args->paper = value;
  else if (g_str_equal (option, "--consultant"))
    args->consultant = value;
  else if (g_str_equal (option, "--compare"))
    args->compare = value;
  else
    return FALSE;
  return TRUE;
}

static int
check_report_args (const char       *command,
                   const ReportArgs *args)
{
  static const char * const langs[] = { "en", "ar", "fr", NULL };
  static const char * const papers[] = { "a4", "letter", NULL };

  if (args->lang != NULL && !g_strv_contains (langs, args->lang))
    return usage_error (command, _("unknown language “%s” (en, ar or fr)"), args->lang);
  if (args->paper != NULL && !g_strv_contains (papers, args->paper))
    return usage_error (command, _("unknown paper “%s” (a4 or letter)"), args->paper);
  return EXIT_OK;
}

static int
write_report (Cli              *cli,
              MizanStore       *store,
              const char       *id,
              const ReportArgs *args,
              const char       *output)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MizanAssessment) assessment = NULL;
  g_autoptr(MizanFramework) framework = NULL;
  g_autoptr(MizanAssessment) earlier = NULL;
  g_autoptr(MizanFramework) earlier_framework = NULL;
  g_autoptr(MizanPreferences) preferences = mizan_preferences_new (NULL, NULL);
  g_autofree char *pref_lang = NULL, *pref_logo = NULL, *pref_paper = NULL, *pref_consultant = NULL;
  g_autoptr(MizanReport) report = NULL;
  g_autoptr(GBytes) pdf = NULL;
  MizanReportOptions options = { 0 };
  const char *paper;
  gsize size;
  const char *data;

  if (preferences != NULL)
    {
      GSettings *settings = mizan_preferences_get_settings (preferences);

      pref_lang = g_settings_get_string (settings, "report-language");
      pref_logo = g_settings_get_string (settings, "report-logo");
      pref_paper = g_settings_get_string (settings, "report-paper");
      pref_consultant = g_settings_get_string (settings, "report-consultant");
    }

  if (!load_assessment (cli, store, id, &assessment, &framework, &error))
    return fail ("%s", error->message);
  if (args->compare != NULL &&
      !load_assessment (cli, store, args->compare, &earlier, &earlier_framework, &error))
    return fail ("%s", error->message);

  paper = args->paper != NULL ? args->paper : pref_paper;
  options.language = args->lang != NULL ? args->lang : pref_lang;
  options.logo_path = args->logo != NULL ? args->logo : pref_logo;
  options.consultant = args->consultant != NULL ? args->consultant : pref_consultant;
  options.paper = g_strcmp0 (paper, "letter") == 0 ? MIZAN_PAPER_LETTER : MIZAN_PAPER_A4;
  options.compare = earlier;
  options.compare_framework = earlier_framework;

  report = mizan_report_new (framework, assessment, &options, &error);
  if (report != NULL)
    pdf = mizan_report_to_pdf (report, &error);
  if (pdf == NULL)
    return fail ("%s", error->message);
  data = g_bytes_get_data (pdf, &size);
  if (!write_output (output, data, size, &error))
    return fail ("%s", error->message);
  return EXIT_OK;
}

static int
cmd_report (Cli   *cli,
            int    argc,
            char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MizanStore) store = NULL;
  ReportArgs args = { 0 };
  const char *id = NULL, *output = NULL;
  int status;

  for (int i = 1; i < argc; i++)
    {
      if (argv[i][0] == '-' && argv[i][1] != '\0')
        {
          if (i + 1 >= argc)
            return usage_error ("report", _("%s needs a value"), argv[i]);
          if (g_str_equal (argv[i], "-o") || g_str_equal (argv[i], "--output"))
            output = argv[++i];
          else if (report_option (&args, argv[i], argv[i + 1]))
            i++;
          else
            return usage_error ("report", _("unknown option “%s”"), argv[i]);
        }
      else if (id == NULL)
        id = argv[i];
      else
        return usage_error ("report", _("unexpected argument “%s”"), argv[i]);
    }
  if (id == NULL)
    return usage_error ("report", _("missing ID"));
  if (output == NULL)
    return usage_error ("report", _("missing -o FILE.pdf"));
  if ((status = check_report_args ("report", &args)) != EXIT_OK)
    return status;

  store = cli_open_store (cli, &error);
  if (store == NULL)
    return fail ("%s", error->message);
  return write_report (cli, store, id, &args, output);
}

static gboolean
chart_from_string (const char     *name,
                   MizanChartKind *kind)
{
  if (g_str_equal (name, "radar"))
    *kind = MIZAN_CHART_RADAR;
  else if (g_str_equal (name, "gaps"))
    *kind = MIZAN_CHART_GAP_BARS;
  else if (g_str_equal (name, "heatmap"))
    *kind = MIZAN_CHART_HEAT_MAP;
  else
    return FALSE;
  return TRUE;
}

/* A chart at a size that shows every row: 800 wide, as tall as it needs. */
static gboolean
write_chart (MizanFramework   *framework,
             MizanAssessment  *assessment,
             MizanChartKind    kind,
             MizanChartFormat  format,
             const char       *output,
             GError          **error)
{
  g_autoptr(MizanResults) results = mizan_results_compute (framework, assessment);
  g_autofree MizanStatus *statuses = mizan_results_effective_statuses (framework, assessment);
  double width = kind == MIZAN_CHART_RADAR ? 720 : 800;
  double height = ceil (mizan_chart_get_preferred_height (kind, results, width, NULL));

  return mizan_chart_write (kind, results, statuses, output, format, width, MAX (height, 1), NULL, error);
}

static int
cmd_export (Cli   *cli,
            int    argc,
            char **argv)
{
  static const char * const formats[] = { "json", "csv", "xlsx", "pdf", "svg", "png", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(MizanStore) store = NULL;
  g_autoptr(MizanAssessment) assessment = NULL;
  g_autoptr(MizanFramework) framework = NULL;
  g_autofree char *data = NULL;
  const char *id = NULL, *format = NULL, *output = NULL, *chart = NULL;
  ReportArgs args = { 0 };
  MizanChartKind kind = MIZAN_CHART_RADAR;
  gsize length = 0;
  int status;

  for (int i = 1; i < argc; i++)
    {
      if (argv[i][0] == '-' && argv[i][1] != '\0')
        {
          if (i + 1 >= argc)
            return usage_error ("export", _("%s needs a value"), argv[i]);
          if (g_str_equal (argv[i], "--format"))
            format = argv[++i];
          else if (g_str_equal (argv[i], "-o") || g_str_equal (argv[i], "--output"))
            output = argv[++i];
          else if (g_str_equal (argv[i], "--chart"))
            chart = argv[++i];
          else if (report_option (&args, argv[i], argv[i + 1]))
            i++;
          else
            return usage_error ("export", _("unknown option “%s”"), argv[i]);
        }
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
  if (!g_strv_contains (formats, format))
    return usage_error ("export", _("unknown format “%s” (json, csv, xlsx, pdf, svg or png)"), format);
  if (chart != NULL && !chart_from_string (chart, &kind))
    return usage_error ("export", _("unknown chart “%s” (radar, gaps or heatmap)"), chart);
  if (chart != NULL && !g_str_equal (format, "svg") && !g_str_equal (format, "png"))
    return usage_error ("export", _("--chart goes with --format svg or png"));
  if ((args.lang != NULL || args.logo != NULL || args.paper != NULL || args.consultant != NULL ||
       args.compare != NULL) && !g_str_equal (format, "pdf"))
    return usage_error ("export", _("--lang, --logo, --paper, --consultant and --compare go with --format pdf"));
  if ((status = check_report_args ("export", &args)) != EXIT_OK)
    return status;

  store = cli_open_store (cli, &error);
  if (store == NULL)
    return fail ("%s", error->message);

  if (g_str_equal (format, "pdf"))
    return write_report (cli, store, id, &args, output);

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

      if (g_str_equal (format, "svg") || g_str_equal (format, "png"))
        {
          MizanChartFormat chart_format = g_str_equal (format, "svg") ? MIZAN_CHART_FORMAT_SVG : MIZAN_CHART_FORMAT_PNG;

          if (g_str_equal (output, "-"))
            return usage_error ("export", _("a chart is written to a file, not to standard output"));
          if (!write_chart (framework, assessment, kind, chart_format, output, &error))
            return fail ("%s", error->message);
          return EXIT_OK;
        }

      results = mizan_results_compute (framework, assessment);
      if (g_str_equal (format, "xlsx"))
        {
          g_autoptr(GBytes) bytes = mizan_xlsx_build (assessment, results, &error);

          if (bytes == NULL)
            return fail (_("cannot write %s: %s"), output, error->message);
          data = g_bytes_unref_to_data (g_steal_pointer (&bytes), &length);
        }
      else
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
  if (results->provisional)
    printf (g_dngettext (GETTEXT_PACKAGE,
                         "Provisional: %u practice at or below its target is not assessed yet; the levels marked provisional can still rise.\n\n",
                         "Provisional: %u practices at or below their targets are not assessed yet; the levels marked provisional can still rise.\n\n",
                         results->unassessed),
            results->unassessed);

  printf ("%-8s %5s %6s %6s %6s %5s  %s\n",
          _("DOMAIN"), _("LEVEL"), _("INDEX"), _("SCORE"), _("TARGET"), _("GAP"), _("TITLE"));
  for (guint i = 0; i < results->n_domains; i++)
    {
      const MizanDomainResult *d = &results->domains[i];

      if (d->applicable)
        printf ("%-8s %5u %6.2f %5.0f%% %6.2f %5.2f  %s%s\n", d->domain->id, d->level, d->index,
                100 * d->score, d->target, d->gap, mizan_text_localized (d->domain->title),
                d->provisional ? _(" (provisional)") : "");
      else
        printf ("%-8s %5s %6s %6s %6s %5s  %s\n", d->domain->id, "—", "—", "—", "—", "—",
                mizan_text_localized (d->domain->title));
    }

  if (results->n_assessed_priorities > 0)
    {
      printf (_("\nPriorities:\n"));
      for (guint i = 0; i < results->n_assessed_priorities && i < 10; i++)
        printf (_("%2u. %-8s gap %u  %s\n"), i + 1, results->priorities[i].capability->id,
                results->priorities[i].gap,
                mizan_text_localized (results->priorities[i].capability->title));
    }
  if (results->n_priorities > results->n_assessed_priorities)
    {
      guint n_shown = 0;

      /* Their gaps are floors: listing them among the assessed would let
       * capabilities never looked at lead the priorities. */
      printf (_("\nNot yet assessed (provisional):\n"));
      for (guint i = results->n_assessed_priorities; i < results->n_priorities && n_shown < 10; i++, n_shown++)
        {
          const MizanCapability *capability = results->priorities[i].capability;
          guint left = results->capabilities[capability->index].unassessed;

          printf ("    %-8s ", capability->id);
          printf (g_dngettext (GETTEXT_PACKAGE, "level %u · provisional — %u practice not assessed",
                               "level %u · provisional — %u practices not assessed", left),
                  results->capabilities[capability->index].level, left);
          printf ("  %s\n", mizan_text_localized (capability->title));
        }
      if (results->n_priorities - results->n_assessed_priorities > n_shown)
        printf (_("    … and %u more\n"), results->n_priorities - results->n_assessed_priorities - n_shown);
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

  if (!open_assessment (cli, id, &store, &assessment, &framework, &error))
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

static void
print_id_list (FILE       *out,
               const char *heading,
               GPtrArray  *ids)
{
  if (ids->len == 0)
    return;
  fprintf (out, "%s\n", heading);
  for (guint i = 0; i < ids->len; i++)
    fprintf (out, "  %s\n", (const char *) ids->pdata[i]);
}

static int
cmd_migrate (Cli   *cli,
             int    argc,
             char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MizanStore) store = NULL;
  g_autoptr(MizanAssessment) assessment = NULL;
  g_autoptr(MizanFramework) framework = NULL;
  g_autoptr(MizanAssessment) carried = NULL;
  g_auto(MizanMigrationSummary) summary = { 0 };
  MizanFramework *to;
  FILE *out;
  const char *id = NULL;
  const char *version = NULL;
  gboolean dry_run = FALSE;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--dry-run"))
        dry_run = TRUE;
      else if (g_str_equal (argv[i], "--to"))
        {
          if (++i >= argc)
            return usage_error ("migrate", _("--to needs a VERSION"));
          version = argv[i];
        }
      else if (argv[i][0] == '-')
        return usage_error ("migrate", _("unknown option “%s”"), argv[i]);
      else if (id == NULL)
        id = argv[i];
      else
        return usage_error ("migrate", _("unexpected argument “%s”"), argv[i]);
    }
  if (id == NULL)
    return usage_error ("migrate", _("missing ID"));
  if (version == NULL)
    return usage_error ("migrate", _("missing --to VERSION"));

  if (!open_assessment (cli, id, &store, &assessment, &framework, &error))
    return fail ("%s", error->message);

  to = mizan_catalog_lookup (cli_get_catalog (cli), mizan_framework_get_id (framework), version);
  if (to == NULL)
    return fail (_("framework %s version %s is not installed (see “mizan-cli frameworks”)"),
                 mizan_framework_get_id (framework), version);
  if (to == framework)
    return fail (_("assessment %s is already on %s %s"), mizan_assessment_get_id (assessment),
                 mizan_framework_get_id (framework), version);

  carried = mizan_migration_carry (assessment, framework, to, &summary, &error);
  if (carried == NULL)
    return fail ("%s", error->message);

  /* The summary is what a dry run is for; otherwise standard output carries
   * only the new id, as import prints its own, for scripts. */
  out = dry_run ? stdout : stderr;
  fprintf (out, _("From %s %s to %s %s:\n"), mizan_framework_get_id (framework), mizan_framework_get_version (framework),
           mizan_framework_get_id (to), version);
  fprintf (out, _("  %u of %u answered practices carried; %u without a successor\n"),
           summary.carried, summary.old_answered, summary.dropped->len);
  fprintf (out, _("  %u practices of %s answered, %u to confirm, %u left to answer\n"),
           summary.new_answered, version, summary.to_confirm->len, summary.new_unanswered);
  fprintf (out, _("  %u target overrides kept, %u dropped (capability gone)\n"),
           summary.targets_kept, summary.targets_dropped);
  print_id_list (out, _("Answered, without a successor:"), summary.dropped);
  print_id_list (out, _("To confirm (one old answer became several, or several disagreed):"), summary.to_confirm);

  if (dry_run)
    {
      printf (_("Dry run: nothing was stored.\n"));
      return EXIT_OK;
    }

  if (!mizan_store_snapshot (store, "migrate", &error) ||
      !mizan_store_save_assessment (store, carried, FALSE, &error))
    return fail ("%s", error->message);
  fprintf (stderr, _("The original assessment %s is unchanged; the new one is:\n"), mizan_assessment_get_id (assessment));
  printf ("%s\n", mizan_assessment_get_id (carried));
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

  if (!open_assessment (cli, argv[1], &store, &assessment, &framework, &error))
    return fail ("%s", error->message);

  submission_id = mizan_store_get_submission_id (store, mizan_assessment_get_id (assessment), &error);
  if (submission_id == NULL)
    return fail ("%s", error->message);

  results = mizan_results_compute (framework, assessment);
  /* Still a preview of what sync would send once the assessment is complete. */
  if (!mizan_submission_check_complete (results, &error))
    fprintf (stderr, _("mizan-cli: warning: %s; sync will refuse it until then\n"), error->message);
  payload = mizan_submission_build (assessment, results, submission_id);
  print_json (payload);
  return EXIT_OK;
}

/* sync, benchmark, countries: the benchmark server ------------------------------------------ */

typedef struct {
  const char *server;
  const char *token;
  const char *ca_file;
} ServerOptions;

/* Takes --server, --token and --ca-file (also as --name=VALUE) at argv[*i];
 * returns -1 when argv[*i] is none of them, else 0, or EXIT_USAGE. */
static int
take_server_option (const char     *command,
                    int             argc,
                    char          **argv,
                    int            *i,
                    ServerOptions  *options)
{
  static const struct { const char *name; gsize offset; } names[] = {
    { "--server", G_STRUCT_OFFSET (ServerOptions, server) },
    { "--token", G_STRUCT_OFFSET (ServerOptions, token) },
    { "--ca-file", G_STRUCT_OFFSET (ServerOptions, ca_file) },
  };

  for (guint n = 0; n < G_N_ELEMENTS (names); n++)
    {
      gsize len = strlen (names[n].name);
      const char **slot = G_STRUCT_MEMBER_P (options, names[n].offset);

      if (g_str_equal (argv[*i], names[n].name))
        {
          if (++*i >= argc)
            return usage_error (command, _("%s needs a value"), names[n].name);
          *slot = argv[*i];
          return 0;
        }
      if (strncmp (argv[*i], names[n].name, len) == 0 && argv[*i][len] == '=')
        {
          *slot = argv[*i] + len + 1;
          return 0;
        }
    }
  return -1;
}

/* The server and token given, else the preferences' server and the token file. */
static MizanSyncClient *
open_client (const ServerOptions  *options,
             GError              **error)
{
  g_autofree char *server = NULL;
  g_autofree char *token = NULL;

  if (options->server != NULL)
    server = g_strdup (options->server);
  else
    {
      g_autoptr(MizanPreferences) preferences = mizan_preferences_new (NULL, NULL);

      if (preferences != NULL)
        server = g_settings_get_string (mizan_preferences_get_settings (preferences), "server-url");
    }

  if (options->token != NULL)
    token = g_strdup (options->token);
  else
    {
      token = mizan_sync_load_token (error);
      if (token == NULL && error != NULL && *error != NULL)
        return NULL;
    }

  return mizan_sync_client_new (server, token, options->ca_file, error);
}

static void
on_async_done (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* The CLI has nothing else to do meanwhile. */
static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

static int
sync_queued (MizanSyncClient *client,
             MizanStore      *store)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(MizanSyncFlush) flush = NULL;
  g_autoptr(GError) error = NULL;

  mizan_sync_flush_async (client, store, FALSE, NULL, on_async_done, &result);
  flush = mizan_sync_flush_finish (wait_for (&result), &error);
  if (flush == NULL)
    return fail ("%s", error->message);

  for (guint i = 0; i < flush->problems->len; i++)
    fprintf (stderr, "mizan-cli: %s\n", (const char *) g_ptr_array_index (flush->problems, i));
  printf (_("Delivered %u, still queued %u, dropped %u\n"), flush->delivered, flush->waiting, flush->dropped);
  return flush->problems->len == 0 ? EXIT_OK : EXIT_USER;
}

static int
cmd_sync (Cli   *cli,
          int    argc,
          char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MizanStore) store = NULL;
  g_autoptr(MizanSyncClient) client = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(MizanAssessment) assessment = NULL;
  g_autoptr(MizanFramework) framework = NULL;
  ServerOptions options = { NULL };
  const char *id = NULL;
  gboolean withdraw = FALSE;

  for (int i = 1; i < argc; i++)
    {
      int taken = take_server_option ("sync", argc, argv, &i, &options);

      if (taken > 0)
        return taken;
      if (taken == 0)
        continue;
      if (g_str_equal (argv[i], "--withdraw"))
        withdraw = TRUE;
      else if (argv[i][0] == '-')
        return usage_error ("sync", _("unknown option “%s”"), argv[i]);
      else if (id == NULL)
        id = argv[i];
      else
        return usage_error ("sync", _("unexpected argument “%s”"), argv[i]);
    }
  if (withdraw && id == NULL)
    return usage_error ("sync", _("--withdraw needs an ID"));

  store = cli_open_store (cli, &error);
  if (store == NULL)
    return fail ("%s", error->message);
  if (id != NULL && !load_assessment (cli, store, id, &assessment, &framework, &error))
    return fail ("%s", error->message);
  if (id != NULL && !withdraw)
    {
      g_autoptr(MizanResults) results = mizan_results_compute (framework, assessment);

      if (!mizan_submission_check_complete (results, &error))
        return fail (_("not sent: %s"), error->message);
    }
  client = open_client (&options, &error);
  if (client == NULL)
    return fail ("%s", error->message);

  /* Without an ID: deliver what is queued, now, whatever its backoff. */
  if (id == NULL)
    return sync_queued (client, store);

  if (withdraw)
    {
      gboolean withdrawn = FALSE;

      mizan_sync_withdraw_async (client, store, mizan_assessment_get_id (assessment), NULL, on_async_done, &result);
      if (!mizan_sync_withdraw_finish (wait_for (&result), &withdrawn, &error))
        return fail ("%s", error->message);
      printf (withdrawn ? _("Withdrawn from %s\n") : _("Nothing to withdraw: not shared with %s\n"),
              mizan_sync_client_get_server_url (client));
      return EXIT_OK;
    }

  {
    g_autoptr(MizanResults) results = mizan_results_compute (framework, assessment);
    g_autofree char *submission_id = NULL;
    g_autoptr(JsonNode) payload = NULL;
    MizanSyncSent sent;

    submission_id = mizan_store_get_submission_id (store, mizan_assessment_get_id (assessment), &error);
    if (submission_id == NULL)
      return fail ("%s", error->message);
    payload = mizan_submission_build (assessment, results, submission_id);
    mizan_sync_share_async (client, store, mizan_assessment_get_id (assessment), payload, NULL,
                            on_async_done, &result);
    if (!mizan_sync_share_finish (wait_for (&result), &sent, &error))
      return fail ("%s", error->message);
    printf (sent == MIZAN_SYNC_SENT_CREATED ? _("Sent to %s (new submission)\n")
                                            : _("Sent to %s (replaced the earlier submission)\n"),
            mizan_sync_client_get_server_url (client));
  }
  return EXIT_OK;
}

static void
add_stats (JsonBuilder          *builder,
           const char           *name,
           const MizanSyncStats *stats)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "mean");
  json_builder_add_double_value (builder, stats->mean);
  json_builder_set_member_name (builder, "p25");
  json_builder_add_double_value (builder, stats->p25);
  json_builder_set_member_name (builder, "median");
  json_builder_add_double_value (builder, stats->median);
  json_builder_set_member_name (builder, "p75");
  json_builder_add_double_value (builder, stats->p75);
  json_builder_end_object (builder);
}

static void
add_nullable_string (JsonBuilder *builder,
                     const char  *name,
                     const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

/* Own domain figures beside the peers': {"filter", "k", "suppressed" | "n",
 * "domains": [{"id", "own": {level, index, score} | null, "peers": {n,
 * level, index, score} | {"suppressed": true}}]}. */
static JsonNode *
benchmark_to_json (const MizanResults   *results,
                   const MizanBenchmark *benchmark)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "filter");
  json_builder_begin_object (builder);
  add_nullable_string (builder, "country", benchmark->country);
  add_nullable_string (builder, "sector", benchmark->sector);
  add_nullable_string (builder, "size", benchmark->size);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "k");
  json_builder_add_int_value (builder, benchmark->k);
  if (benchmark->suppressed)
    {
      json_builder_set_member_name (builder, "suppressed");
      json_builder_add_boolean_value (builder, TRUE);
    }
  else
    {
      json_builder_set_member_name (builder, "n");
      json_builder_add_int_value (builder, benchmark->n);
    }
  json_builder_set_member_name (builder, "domains");
  json_builder_begin_array (builder);
  for (guint i = 0; i < results->n_domains; i++)
    {
      const MizanDomainResult *d = &results->domains[i];
      const MizanBenchmarkItem *peers = mizan_benchmark_find_domain (benchmark, d->domain->id);

      json_builder_begin_object (builder);
      add_nullable_string (builder, "id", d->domain->id);
      json_builder_set_member_name (builder, "own");
      if (d->applicable)
        {
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "level");
          json_builder_add_int_value (builder, d->level);
          json_builder_set_member_name (builder, "index");
          json_builder_add_double_value (builder, d->index);
          json_builder_set_member_name (builder, "score");
          json_builder_add_double_value (builder, d->score);
          json_builder_end_object (builder);
        }
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "peers");
      json_builder_begin_object (builder);
      if (peers == NULL || peers->suppressed)
        {
          json_builder_set_member_name (builder, "suppressed");
          json_builder_add_boolean_value (builder, TRUE);
        }
      else
        {
          json_builder_set_member_name (builder, "n");
          json_builder_add_int_value (builder, peers->n);
          add_stats (builder, "level", &peers->level);
          add_stats (builder, "index", &peers->index);
          add_stats (builder, "score", &peers->score);
        }
      json_builder_end_object (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static void
print_benchmark (const MizanResults   *results,
                 const MizanBenchmark *benchmark)
{
  if (benchmark->suppressed)
    {
      printf (_("Not enough peers yet: fewer than %u submissions match these filters.\n"), benchmark->k);
      return;
    }

  printf (_("Peers: %u submissions. Maturity index by domain (own beside the peers’ quartiles):\n\n"),
          benchmark->n);
  printf ("%-8s %6s %6s %6s %6s %6s %6s  %s\n",
          _("DOMAIN"), _("OWN"), _("PEERS"), _("P25"), _("MEDIAN"), _("P75"), _("MEAN"), _("TITLE"));
  for (guint i = 0; i < results->n_domains; i++)
    {
      const MizanDomainResult *d = &results->domains[i];
      const MizanBenchmarkItem *peers = mizan_benchmark_find_domain (benchmark, d->domain->id);
      g_autofree char *own = d->applicable ? g_strdup_printf ("%.2f", d->index) : g_strdup ("—");

      if (peers == NULL || peers->suppressed)
        printf ("%-8s %6s %6s %6s %6s %6s %6s  %s\n", d->domain->id, own, _("<k"), "", "", "", "",
                mizan_text_localized (d->domain->title));
      else
        printf ("%-8s %6s %6u %6.2f %6.2f %6.2f %6.2f  %s\n", d->domain->id, own, peers->n,
                peers->index.p25, peers->index.median, peers->index.p75, peers->index.mean,
                mizan_text_localized (d->domain->title));
    }
}

static int
cmd_benchmark (Cli   *cli,
               int    argc,
               char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MizanStore) store = NULL;
  g_autoptr(MizanSyncClient) client = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(MizanAssessment) assessment = NULL;
  g_autoptr(MizanFramework) framework = NULL;
  g_autoptr(MizanResults) results = NULL;
  g_autoptr(MizanBenchmark) benchmark = NULL;
  ServerOptions options = { NULL };
  const char *filters[3] = { NULL, NULL, NULL };
  static const char *const filter_names[3] = { "--country", "--sector", "--size" };
  const char *id = NULL;
  gboolean json = FALSE;

  for (int i = 1; i < argc; i++)
    {
      int taken = take_server_option ("benchmark", argc, argv, &i, &options);
      gboolean is_filter = FALSE;

      if (taken > 0)
        return taken;
      if (taken == 0)
        continue;
      for (guint f = 0; f < G_N_ELEMENTS (filter_names); f++)
        if (g_str_equal (argv[i], filter_names[f]))
          {
            if (++i >= argc)
              return usage_error ("benchmark", _("%s needs a value"), filter_names[f]);
            filters[f] = argv[i];
            is_filter = TRUE;
            break;
          }
      if (is_filter)
        continue;
      if (g_str_equal (argv[i], "--json"))
        json = TRUE;
      else if (argv[i][0] == '-')
        return usage_error ("benchmark", _("unknown option “%s”"), argv[i]);
      else if (id == NULL)
        id = argv[i];
      else
        return usage_error ("benchmark", _("unexpected argument “%s”"), argv[i]);
    }
  if (id == NULL)
    return usage_error ("benchmark", _("missing ID"));

  if (!open_assessment (cli, id, &store, &assessment, &framework, &error))
    return fail ("%s", error->message);
  client = open_client (&options, &error);
  if (client == NULL)
    return fail ("%s", error->message);

  mizan_sync_client_benchmark_async (client, mizan_framework_get_id (framework),
                                     mizan_framework_get_version (framework),
                                     filters[0], filters[1], filters[2], NULL, on_async_done, &result);
  benchmark = mizan_sync_client_benchmark_finish (client, wait_for (&result), &error);
  if (benchmark == NULL)
    return fail ("%s", error->message);

  results = mizan_results_compute (framework, assessment);
  if (json)
    {
      g_autoptr(JsonNode) node = benchmark_to_json (results, benchmark);
      print_json (node);
    }
  else
    print_benchmark (results, benchmark);
  return EXIT_OK;
}

static int
cmd_countries (Cli   *cli,
               int    argc,
               char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MizanSyncClient) client = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(MizanCountryTable) table = NULL;
  ServerOptions options = { NULL };
  const char *framework = "oic-ccmm";
  const char *version = NULL;

  for (int i = 1; i < argc; i++)
    {
      int taken = take_server_option ("countries", argc, argv, &i, &options);

      if (taken > 0)
        return taken;
      if (taken == 0)
        continue;
      if (g_str_equal (argv[i], "--framework") || g_str_equal (argv[i], "--version"))
        {
          const char *option = argv[i];

          if (++i >= argc)
            return usage_error ("countries", _("%s needs a value"), option);
          if (g_str_equal (option, "--framework"))
            framework = argv[i];
          else
            version = argv[i];
        }
      else
        return usage_error ("countries", _("unexpected argument “%s”"), argv[i]);
    }

  client = open_client (&options, &error);
  if (client == NULL)
    return fail ("%s", error->message);
  /* Each version of a model is compared on its own; without --version, the
   * server's newest. */
  mizan_sync_client_countries_async (client, framework, version, NULL, on_async_done, &result);
  table = mizan_sync_client_countries_finish (client, wait_for (&result), &error);
  if (table == NULL)
    return fail ("%s", error->message);

  printf ("%-8s %6s %10s %10s\n", _("COUNTRY"), _("N"), _("INDEX"), _("SCORE"));
  for (guint i = 0; i < table->countries->len; i++)
    {
      const MizanCountryRow *row = g_ptr_array_index (table->countries, i);

      if (row->suppressed)
        printf ("%-8s %6s\n", row->country, _("<k"));
      else
        printf ("%-8s %6u %10.2f %9.0f%%\n", row->country, row->n, row->mean_index, 100 * row->mean_score);
    }
  return EXIT_OK;
}

/* The Trash ----------------------------------------------------------------- */

/* A single ID argument, and @flag (nullable) when given. */
static int
parse_id_args (const char   *command,
               int           argc,
               char        **argv,
               const char   *flag,
               gboolean     *flag_given,
               const char  **id)
{
  *id = NULL;
  for (int i = 1; i < argc; i++)
    {
      if (flag != NULL && g_str_equal (argv[i], flag))
        *flag_given = TRUE;
      else if (argv[i][0] == '-')
        return usage_error (command, _("unknown option “%s”"), argv[i]);
      else if (*id == NULL)
        *id = argv[i];
      else
        return usage_error (command, _("unexpected argument “%s”"), argv[i]);
    }
  if (*id == NULL)
    return usage_error (command, _("missing ID"));
  return EXIT_OK;
}

static int
cmd_delete (Cli   *cli,
            int    argc,
            char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MizanStore) store = NULL;
  g_autofree char *id = NULL;
  const char *given;
  gboolean for_good = FALSE;
  int status = parse_id_args ("delete", argc, argv, "--for-good", &for_good, &given);

  if (status != EXIT_OK)
    return status;
  store = cli_open_store (cli, &error);
  if (store == NULL || (id = resolve_assessment_id (store, given, &error)) == NULL)
    return fail ("%s", error->message);

  if (for_good)
    {
      if (!mizan_store_delete_assessment (store, id, &error))
        return fail ("%s", error->message);
      printf (_("Deleted %s for good (a snapshot taken before is listed by “mizan-cli restore”).\n"), id);
      return EXIT_OK;
    }
  if (!mizan_store_trash_assessment (store, id, &error))
    return fail ("%s", error->message);
  printf (g_dngettext (GETTEXT_PACKAGE,
                       "Moved %s to the Trash; “mizan-cli untrash %s” brings it back within %u day.\n",
                       "Moved %s to the Trash; “mizan-cli untrash %s” brings it back within %u days.\n",
                       MIZAN_STORE_TRASH_DAYS),
          id, id, MIZAN_STORE_TRASH_DAYS);
  return EXIT_OK;
}

static int
cmd_trash (Cli   *cli,
           int    argc,
           char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MizanStore) store = NULL;
  g_autoptr(GPtrArray) list = NULL;
  gboolean empty = FALSE;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  guint removed = 0;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--empty"))
        empty = TRUE;
      else
        return usage_error ("trash", _("unexpected argument “%s”"), argv[i]);
    }

  store = cli_open_store (cli, &error);
  if (store == NULL)
    return fail ("%s", error->message);

  if (empty)
    {
      if (!mizan_store_empty_trash (store, &removed, &error))
        return fail ("%s", error->message);
      printf (g_dngettext (GETTEXT_PACKAGE, "Removed %u assessment from the Trash for good.\n",
                           "Removed %u assessments from the Trash for good.\n", removed), removed);
      return EXIT_OK;
    }

  list = mizan_store_list_trash (store, &error);
  if (list == NULL)
    return fail ("%s", error->message);
  if (list->len == 0)
    {
      printf (_("The Trash is empty.\n"));
      return EXIT_OK;
    }

  printf ("%-36s  %-28s  %-16s  %s\n", _("ID"), _("ORGANIZATION"), _("DELETED"), _("REMOVED IN"));
  for (guint i = 0; i < list->len; i++)
    {
      MizanAssessmentSummary *summary = g_ptr_array_index (list, i);
      g_autoptr(GDateTime) deleted = g_date_time_new_from_unix_local (summary->deleted);
      g_autofree char *when = deleted ? g_date_time_format (deleted, "%Y-%m-%d %H:%M") : g_strdup ("?");
      guint left = mizan_store_trash_days_left (summary->deleted, now);

      printf ("%-36s  %-28s  %-16s  ", summary->id, summary->org_name, when);
      printf (g_dngettext (GETTEXT_PACKAGE, "%u day\n", "%u days\n", left), left);
    }
  printf (_("Restore one with: mizan-cli untrash ID\n"));
  return EXIT_OK;
}

static int
cmd_untrash (Cli   *cli,
             int    argc,
             char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MizanStore) store = NULL;
  g_autoptr(GPtrArray) list = NULL;
  const MizanAssessmentSummary *match = NULL;
  const char *given;
  int status = parse_id_args ("untrash", argc, argv, NULL, NULL, &given);

  if (status != EXIT_OK)
    return status;
  store = cli_open_store (cli, &error);
  if (store == NULL || (list = mizan_store_list_trash (store, &error)) == NULL)
    return fail ("%s", error->message);
  match = match_summary (list, given, &error);
  if (match == NULL)
    return error != NULL ? fail ("%s", error->message)
                         : fail (_("no assessment “%s” in the Trash (see “mizan-cli trash”)"), given);
  if (!mizan_store_untrash_assessment (store, match->id, &error))
    return fail ("%s", error->message);
  printf (_("Restored %s from the Trash.\n"), match->id);
  return EXIT_OK;
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
  { "export", N_("ID --format json|csv|xlsx|pdf|svg|png -o FILE [--chart radar|gaps|heatmap]"), N_("Export an assessment"), cmd_export },
  { "list", "", N_("List the assessments"), cmd_list },
  { "score", N_("ID [--json]"), N_("Show the maturity scores, gaps and priorities"), cmd_score },
  { "report", N_("ID -o FILE.pdf [--lang en|ar|fr] [--logo FILE.svg] [--paper a4|letter] [--consultant NAME] [--compare ID2]"), N_("Write the PDF report"), cmd_report },
  { "migrate", N_("ID --to VERSION [--dry-run]"), N_("Carry an assessment to a newer version of its framework, as a new assessment"), cmd_migrate },
  { "submission", N_("ID"), N_("Print the anonymized payload that sync would send"), cmd_submission },
  { "sync", N_("[ID] [--server URL] [--token TOKEN] [--ca-file PEM] [--withdraw]"), N_("Send (or withdraw) the anonymized scores; without ID, deliver the queued ones"), cmd_sync },
  { "benchmark", N_("ID [--sector S] [--country C] [--size S] [--json]"), N_("Show own scores beside the peers’ distribution"), cmd_benchmark },
  { "countries", N_("[--framework ID] [--version V] [--server URL] [--token TOKEN]"), N_("Compare member states (analyst token)"), cmd_countries },
  { "restore", N_("[BACKUP]"), N_("List the database’s backups, or restore one (the current file is kept)"), cmd_restore },
  { "delete", N_("ID [--for-good]"), N_("Move an assessment to the Trash (kept 30 days), or delete it for good"), cmd_delete },
  { "trash", N_("[--empty]"), N_("List the assessments in the Trash, or empty it"), cmd_trash },
  { "untrash", N_("ID"), N_("Restore an assessment from the Trash"), cmd_untrash },
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

  /* Every command answers --help, before it reads anything else. */
  for (int j = i + 1; j < argc; j++)
    if (g_str_equal (argv[j], "--help") || g_str_equal (argv[j], "-h"))
      {
        printf (_("Usage: mizan-cli [--db PATH] %s %s\n"), command->name, _(command->synopsis));
        printf ("%s\n", _(command->summary));
        return EXIT_OK;
      }

  status = command->func (&cli, argc - i, argv + i);
  g_clear_object (&cli.catalog);
  return status;
}
