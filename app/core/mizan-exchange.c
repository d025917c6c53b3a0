/* mizan-exchange.c — the .mizan assessment exchange file and CSV export
 * Import checks everything against DESIGN.md and the framework before anything is stored. */

#include "config.h"

#include <inttypes.h>

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "mizan-countries.h"
#include "mizan-exchange.h"
#include "mizan-json-file.h"

#define FORMAT_NAME "mizan-assessment"
#define FORMAT_VERSION 1

G_DEFINE_QUARK (mizan-exchange-error-quark, mizan_exchange_error)

static const char *
describe_node (JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      return _("an object");
    case JSON_NODE_ARRAY:
      return _("an array");
    case JSON_NODE_NULL:
      return _("null");
    case JSON_NODE_VALUE:
    default:
      break;
    }
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return _("a string");
    case G_TYPE_BOOLEAN:
      return _("true or false");
    case G_TYPE_INT64:
      return _("an integer");
    default:
      return _("a decimal number");
    }
}

static char *
member_path (const char *parent,
             const char *member)
{
  return *parent ? g_strdup_printf ("%s.%s", parent, member) : g_strdup (member);
}

/* Ids contain dots, so they are quoted: answers["GOV.1.1"].status */
static char *
id_path (const char *parent,
         const char *id)
{
  g_autofree char *escaped = g_strescape (id, NULL);
  return g_strdup_printf ("%s[\"%s\"]", parent, escaped);
}

/* Objects are walked with json_object_get_members(), which keeps file order,
 * so that problems are listed as a person reads the file; json-glib 1.6's
 * JsonObjectIter goes in hash order. */
static void
check_members (MizanProblems      *problems,
               const char         *path,
               JsonObject         *object,
               const char * const *allowed)
{
  g_autoptr(GList) names = json_object_get_members (object);

  for (GList *l = names; l != NULL; l = l->next)
    if (!g_strv_contains (allowed, l->data))
      {
        g_autofree char *where = member_path (path, l->data);
        mizan_problems_add (problems, where, _("unknown member"));
      }
}

/* The object at @path.@member, or NULL (reported when @required or mistyped). */
static JsonObject *
get_object (MizanProblems *problems,
            JsonObject    *parent,
            const char    *path,
            const char    *member,
            gboolean       required)
{
  g_autofree char *where = member_path (path, member);
  JsonNode *node = json_object_get_member (parent, member);

  if (node == NULL)
    {
      if (required)
        mizan_problems_add (problems, where, _("missing"));
      return NULL;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      mizan_problems_add (problems, where, _("expected an object, found %s"), describe_node (node));
      return NULL;
    }
  return json_node_get_object (node);
}

/* The string at @path.@member; NULL when absent or null (reported when
 * @required), or mistyped (always reported). */
static const char *
get_string (MizanProblems *problems,
            JsonObject    *parent,
            const char    *path,
            const char    *member,
            gboolean       required)
{
  g_autofree char *where = member_path (path, member);
  JsonNode *node = json_object_get_member (parent, member);
  const char *value;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (required)
        mizan_problems_add (problems, where, _("missing"));
      return NULL;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      mizan_problems_add (problems, where, _("expected a string, found %s"), describe_node (node));
      return NULL;
    }
  value = json_node_get_string (node);
  if (required && *value == '\0')
    {
      mizan_problems_add (problems, where, _("must not be empty"));
      return NULL;
    }
  return value;
}

/* RFC 3339 time at @path.@member as Unix seconds; 0 when absent or bad. */
static gint64
get_time (MizanProblems *problems,
          JsonObject    *parent,
          const char    *path,
          const char    *member,
          gboolean       required)
{
  const char *string = get_string (problems, parent, path, member, required);
  g_autoptr(GDateTime) time = NULL;

  if (string == NULL)
    return 0;
  /* No default zone: RFC 3339 times always carry their offset. */
  time = g_date_time_new_from_iso8601 (string, NULL);
  if (time == NULL)
    {
      g_autofree char *where = member_path (path, member);
      mizan_problems_add (problems, where,
                          _("“%s” is not an RFC 3339 date and time (e.g. 2026-11-28T09:30:00Z)"), string);
      return 0;
    }
  return g_date_time_to_unix (time);
}

static void
read_organization (MizanProblems   *problems,
                   JsonObject      *root,
                   MizanAssessment *assessment)
{
  static const char * const members[] = { "name", "country", "sector", "size", NULL };
  JsonObject *org = get_object (problems, root, "", "organization", TRUE);
  const char *name, *country, *sector, *size;

  if (org == NULL)
    return;
  check_members (problems, "organization", org, members);

  name = get_string (problems, org, "organization", "name", TRUE);
  country = get_string (problems, org, "organization", "country", TRUE);
  sector = get_string (problems, org, "organization", "sector", TRUE);
  size = get_string (problems, org, "organization", "size", TRUE);

  if (country != NULL && !mizan_country_is_valid (country))
    {
      mizan_problems_add (problems, "organization.country",
                          _("“%s” is not an ISO 3166-1 alpha-3 country code (e.g. PAK)"), country);
      country = NULL;
    }
  if (sector != NULL && !mizan_sector_is_valid (sector))
    {
      g_autofree char *list = g_strjoinv (", ", (char **) mizan_sectors_get_all ());
      mizan_problems_add (problems, "organization.sector", _("“%s” is not a sector (%s)"), sector, list);
      sector = NULL;
    }
  if (size != NULL && !mizan_size_is_valid (size))
    {
      g_autofree char *list = g_strjoinv (", ", (char **) mizan_sizes_get_all ());
      mizan_problems_add (problems, "organization.size", _("“%s” is not a size (%s)"), size, list);
      size = NULL;
    }
  mizan_assessment_set_organization (assessment, name, country, sector, size);
}

static void
read_metadata (MizanProblems   *problems,
               JsonObject      *root,
               MizanAssessment *assessment)
{
  static const char * const members[] = { "id", "title", "assessor", "created", "updated", NULL };
  JsonObject *meta = get_object (problems, root, "", "assessment", TRUE);
  const char *id, *assessor;
  gint64 created, updated;

  if (meta == NULL)
    return;
  check_members (problems, "assessment", meta, members);

  id = get_string (problems, meta, "assessment", "id", TRUE);
  if (id != NULL && !g_uuid_string_is_valid (id))
    mizan_problems_add (problems, "assessment.id", _("“%s” is not a UUID"), id);
  else if (id != NULL)
    mizan_assessment_set_id (assessment, id);

  mizan_assessment_set_title (assessment, get_string (problems, meta, "assessment", "title", TRUE));
  /* Optional: an empty one is no assessor, as the exporter omits it. */
  assessor = get_string (problems, meta, "assessment", "assessor", FALSE);
  mizan_assessment_set_assessor (assessment, assessor != NULL && *assessor != '\0' ? assessor : NULL);

  created = get_time (problems, meta, "assessment", "created", TRUE);
  updated = get_time (problems, meta, "assessment", "updated", TRUE);
  if (created != 0)
    mizan_assessment_set_created (assessment, created);
  if (updated != 0)
    mizan_assessment_set_updated (assessment, updated);
  if (created != 0 && updated != 0 && updated < created)
    mizan_problems_add (problems, "assessment.updated", _("is earlier than assessment.created"));
}

static void
read_targets (MizanProblems   *problems,
              JsonObject      *root,
              MizanFramework  *framework,
              MizanAssessment *assessment)
{
  JsonObject *targets = get_object (problems, root, "", "targets", FALSE);
  guint n_levels = framework ? mizan_framework_get_n_levels (framework) : 0;
  g_autoptr(GList) ids = NULL;

  if (targets == NULL)
    return;

  ids = json_object_get_members (targets);
  for (GList *l = ids; l != NULL; l = l->next)
    {
      const char *capability_id = l->data;
      JsonNode *node = json_object_get_member (targets, capability_id);
      g_autofree char *where = id_path ("targets", capability_id);
      gint64 target;

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
        {
          mizan_problems_add (problems, where, _("expected an integer level, found %s"), describe_node (node));
          continue;
        }
      target = json_node_get_int (node);

      if (framework == NULL)
        continue;
      if (mizan_framework_lookup_capability (framework, capability_id) == NULL)
        mizan_problems_add (problems, where, _("unknown capability “%s” in %s %s"), capability_id,
                            mizan_framework_get_id (framework), mizan_framework_get_version (framework));
      else if (target < 0 || target > n_levels)
        mizan_problems_add (problems, where, _("target %" PRId64 " is outside 0..%u"), target, n_levels);
      else
        mizan_assessment_set_target (assessment, capability_id, (int) target);
    }
}

/* The organization's yes/no answers to the framework's profile questions. */
static void
read_profile (MizanProblems   *problems,
              JsonObject      *root,
              MizanFramework  *framework,
              MizanAssessment *assessment)
{
  JsonObject *profile = get_object (problems, root, "", "profile", FALSE);
  g_autoptr(GList) ids = NULL;

  if (profile == NULL)
    return;

  ids = json_object_get_members (profile);
  for (GList *l = ids; l != NULL; l = l->next)
    {
      const char *question_id = l->data;
      JsonNode *node = json_object_get_member (profile, question_id);
      g_autofree char *where = id_path ("profile", question_id);

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
        {
          mizan_problems_add (problems, where, _("expected true or false, found %s"), describe_node (node));
          continue;
        }
      if (framework == NULL)
        continue;
      if (mizan_framework_lookup_profile_question (framework, question_id) == NULL)
        mizan_problems_add (problems, where, _("unknown profile question “%s” in %s %s"), question_id,
                            mizan_framework_get_id (framework), mizan_framework_get_version (framework));
      else
        mizan_assessment_set_profile_answer (assessment, question_id,
                                             json_node_get_boolean (node) ? MIZAN_PROFILE_YES : MIZAN_PROFILE_NO);
    }
}

static void
read_answers (MizanProblems   *problems,
              JsonObject      *root,
              MizanFramework  *framework,
              MizanAssessment *assessment)
{
  static const char * const members[] = { "status", "note", "evidence", "updated", "to_confirm", NULL };
  JsonObject *answers = get_object (problems, root, "", "answers", FALSE);
  g_autoptr(GList) ids = NULL;

  if (answers == NULL)
    return;

  ids = json_object_get_members (answers);
  for (GList *l = ids; l != NULL; l = l->next)
    {
      const char *practice_id = l->data;
      JsonNode *node = json_object_get_member (answers, practice_id);
      g_autofree char *where = id_path ("answers", practice_id);
      g_autofree char *status_path = g_strconcat (where, ".status", NULL);
      JsonObject *answer;
      const char *status_string, *note, *evidence;
      MizanStatus status = MIZAN_STATUS_NONE;
      gint64 updated;

      if (framework != NULL && mizan_framework_lookup_practice (framework, practice_id) == NULL)
        {
          mizan_problems_add (problems, where, _("unknown practice “%s” in %s %s"), practice_id,
                              mizan_framework_get_id (framework), mizan_framework_get_version (framework));
          continue;
        }
      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          mizan_problems_add (problems, where, _("expected an object, found %s"), describe_node (node));
          continue;
        }
      answer = json_node_get_object (node);
      check_members (problems, where, answer, members);

      status_string = get_string (problems, answer, where, "status", FALSE);
      if (status_string != NULL && !mizan_status_from_string (status_string, &status))
        {
          mizan_problems_add (problems, status_path,
                              _("“%s” is not a status (fully, largely, partially, not, na, or null "
                                "for unanswered)"), status_string);
          continue;
        }
      note = get_string (problems, answer, where, "note", FALSE);
      evidence = get_string (problems, answer, where, "evidence", FALSE);
      updated = get_time (problems, answer, where, "updated", FALSE);

      mizan_assessment_set_answer (assessment, practice_id, status, note, evidence, updated);
      if (json_object_has_member (answer, "to_confirm"))
        {
          JsonNode *flag = json_object_get_member (answer, "to_confirm");
          g_autofree char *flag_path = g_strconcat (where, ".to_confirm", NULL);

          if (!JSON_NODE_HOLDS_VALUE (flag) || json_node_get_value_type (flag) != G_TYPE_BOOLEAN)
            mizan_problems_add (problems, flag_path, _("expected true or false, found %s"), describe_node (flag));
          else
            mizan_assessment_set_to_confirm (assessment, practice_id, json_node_get_boolean (flag));
        }
    }
}

static MizanFramework *
read_framework_ref (MizanProblems *problems,
                    JsonObject    *root,
                    MizanCatalog  *catalog,
                    gboolean      *unknown)
{
  static const char * const members[] = { "id", "version", NULL };
  JsonObject *ref = get_object (problems, root, "", "framework", TRUE);
  const char *id, *version;
  MizanFramework *framework;

  *unknown = FALSE;
  if (ref == NULL)
    return NULL;
  check_members (problems, "framework", ref, members);
  id = get_string (problems, ref, "framework", "id", TRUE);
  version = get_string (problems, ref, "framework", "version", TRUE);
  if (id == NULL || version == NULL)
    return NULL;

  framework = mizan_catalog_lookup (catalog, id, version);
  if (framework == NULL)
    {
      MizanFramework *other = mizan_catalog_lookup (catalog, id, NULL);

      *unknown = TRUE;
      if (other != NULL)
        mizan_problems_add (problems, "framework",
                            _("framework %s version %s is not installed (version %s is)"),
                            id, version, mizan_framework_get_version (other));
      else
        mizan_problems_add (problems, "framework", _("framework %s version %s is not installed"), id, version);
    }
  return framework;
}

static MizanAssessment *
read_document (JsonNode      *root_node,
               const char    *display_name,
               MizanCatalog  *catalog,
               GError       **error)
{
  static const char * const members[] = {
    "format", "format_version", "framework", "organization", "assessment", "profile", "targets",
    "answers", NULL
  };
  g_autoptr(MizanProblems) problems = mizan_problems_new (display_name);
  g_autoptr(MizanAssessment) assessment = NULL;
  MizanFramework *framework;
  JsonObject *root;
  JsonNode *version_node;
  const char *format;
  gboolean unknown_framework = FALSE;

  if (!JSON_NODE_HOLDS_OBJECT (root_node))
    {
      mizan_problems_add (problems, "$", _("expected an object, found %s"), describe_node (root_node));
      mizan_problems_to_error (problems, MIZAN_EXCHANGE_ERROR, MIZAN_EXCHANGE_ERROR_INVALID, error);
      return NULL;
    }
  root = json_node_get_object (root_node);

  format = get_string (problems, root, "", "format", TRUE);
  if (format != NULL && !g_str_equal (format, FORMAT_NAME))
    {
      mizan_problems_add (problems, "format", _("expected “%s”, found “%s”"), FORMAT_NAME, format);
      /* Some other kind of file: its members would only add noise. */
      mizan_problems_to_error (problems, MIZAN_EXCHANGE_ERROR, MIZAN_EXCHANGE_ERROR_INVALID, error);
      return NULL;
    }
  version_node = json_object_get_member (root, "format_version");
  if (version_node == NULL)
    mizan_problems_add (problems, "format_version", _("missing"));
  else if (!JSON_NODE_HOLDS_VALUE (version_node) || json_node_get_value_type (version_node) != G_TYPE_INT64)
    mizan_problems_add (problems, "format_version", _("expected an integer, found %s"), describe_node (version_node));
  else if (json_node_get_int (version_node) != FORMAT_VERSION)
    {
      mizan_problems_add (problems, "format_version",
                          _("version %" PRId64 " is not supported; this Mizan reads version %d "
                            "(a newer Mizan may have written the file)"),
                          json_node_get_int (version_node), FORMAT_VERSION);
      mizan_problems_to_error (problems, MIZAN_EXCHANGE_ERROR, MIZAN_EXCHANGE_ERROR_INVALID, error);
      return NULL;
    }
  check_members (problems, "", root, members);

  assessment = mizan_assessment_new (NULL);
  framework = read_framework_ref (problems, root, catalog, &unknown_framework);
  if (framework != NULL)
    mizan_assessment_set_framework (assessment, mizan_framework_get_id (framework),
                                    mizan_framework_get_version (framework));
  read_organization (problems, root, assessment);
  read_metadata (problems, root, assessment);
  read_profile (problems, root, framework, assessment);
  read_targets (problems, root, framework, assessment);
  read_answers (problems, root, framework, assessment);

  if (mizan_problems_to_error (problems, MIZAN_EXCHANGE_ERROR,
                               unknown_framework ? MIZAN_EXCHANGE_ERROR_UNKNOWN_FRAMEWORK
                                                 : MIZAN_EXCHANGE_ERROR_INVALID,
                               error))
    return NULL;

  return g_steal_pointer (&assessment);
}

MizanAssessment *
mizan_exchange_read_data (const char    *data,
                          gssize         length,
                          const char    *display_name,
                          MizanCatalog  *catalog,
                          GError       **error)
{
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (MIZAN_IS_CATALOG (catalog), NULL);

  root = mizan_json_parse_data (data, length, display_name,
                                MIZAN_EXCHANGE_ERROR, MIZAN_EXCHANGE_ERROR_SYNTAX, error);
  return root ? read_document (root, display_name, catalog, error) : NULL;
}

MizanAssessment *
mizan_exchange_read_file (const char    *path,
                          MizanCatalog  *catalog,
                          GError       **error)
{
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (MIZAN_IS_CATALOG (catalog), NULL);

  root = mizan_json_parse_file (path, MIZAN_EXCHANGE_MAX_FILE_SIZE, MIZAN_EXCHANGE_ERROR,
                                MIZAN_EXCHANGE_ERROR_TOO_LARGE, MIZAN_EXCHANGE_ERROR_SYNTAX, error);
  return root ? read_document (root, path, catalog, error) : NULL;
}

/* Orders ids as people number them: GOV.1.2 before GOV.1.10. */
static int
compare_ids (const char *a,
             const char *b)
{
  while (*a && *b)
    {
      if (g_ascii_isdigit (*a) && g_ascii_isdigit (*b))
        {
          char *end_a, *end_b;
          guint64 na = g_ascii_strtoull (a, &end_a, 10);
          guint64 nb = g_ascii_strtoull (b, &end_b, 10);

          if (na != nb)
            return na < nb ? -1 : 1;
          a = end_a;
          b = end_b;
        }
      else if (*a != *b)
        return (guchar) *a - (guchar) *b;
      else
        {
          a++;
          b++;
        }
    }
  return (guchar) *a - (guchar) *b;
}

static int
compare_id_ptrs (gconstpointer a,
                 gconstpointer b)
{
  return compare_ids (*(const char * const *) a, *(const char * const *) b);
}

static char *
format_time (gint64 unix_time)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (unix_time);
  int year, month, day;

  if (time == NULL)
    return NULL;
  /* Not g_date_time_format's %Y: it does not pad a year before 1000 to the
   * four digits RFC 3339 needs, and the file would not read back. */
  g_date_time_get_ymd (time, &year, &month, &day);
  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02dZ", year, month, day,
                          g_date_time_get_hour (time), g_date_time_get_minute (time),
                          g_date_time_get_second (time));
}

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, value ? value : "");
}

static void
add_time (JsonBuilder *builder,
          const char  *member,
          gint64       unix_time)
{
  g_autofree char *string = format_time (unix_time);

  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, string);
}

char *
mizan_exchange_to_data (MizanAssessment *assessment,
                        gsize           *length)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree const char **ids = NULL;
  guint n_ids;
  g_auto(GStrv) targets = NULL;
  g_auto(GStrv) profile = NULL;
  GHashTable *answers;
  const char *assessor;
  char *data;
  gsize data_length;

  json_builder_begin_object (builder);
  add_string (builder, "format", FORMAT_NAME);
  json_builder_set_member_name (builder, "format_version");
  json_builder_add_int_value (builder, FORMAT_VERSION);

  json_builder_set_member_name (builder, "framework");
  json_builder_begin_object (builder);
  add_string (builder, "id", mizan_assessment_get_framework_id (assessment));
  add_string (builder, "version", mizan_assessment_get_framework_version (assessment));
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "organization");
  json_builder_begin_object (builder);
  add_string (builder, "name", mizan_assessment_get_org_name (assessment));
  add_string (builder, "country", mizan_assessment_get_org_country (assessment));
  add_string (builder, "sector", mizan_assessment_get_org_sector (assessment));
  add_string (builder, "size", mizan_assessment_get_org_size (assessment));
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "assessment");
  json_builder_begin_object (builder);
  add_string (builder, "id", mizan_assessment_get_id (assessment));
  add_string (builder, "title", mizan_assessment_get_title (assessment));
  assessor = mizan_assessment_get_assessor (assessment);
  if (assessor != NULL && *assessor != '\0')
    add_string (builder, "assessor", assessor);
  add_time (builder, "created", mizan_assessment_get_created (assessment));
  add_time (builder, "updated", mizan_assessment_get_updated (assessment));
  json_builder_end_object (builder);

  profile = mizan_assessment_list_profile (assessment);
  if (profile[0] != NULL)
    {
      json_builder_set_member_name (builder, "profile");
      json_builder_begin_object (builder);
      for (guint i = 0; profile[i] != NULL; i++)
        {
          json_builder_set_member_name (builder, profile[i]);
          json_builder_add_boolean_value (builder, mizan_assessment_get_profile_answer (assessment, profile[i])
                                                   == MIZAN_PROFILE_YES);
        }
      json_builder_end_object (builder);
    }

  json_builder_set_member_name (builder, "targets");
  json_builder_begin_object (builder);
  targets = mizan_assessment_list_targets (assessment);
  for (guint i = 0; targets[i] != NULL; i++)
    {
      json_builder_set_member_name (builder, targets[i]);
      json_builder_add_int_value (builder, mizan_assessment_get_target (assessment, targets[i]));
    }
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "answers");
  json_builder_begin_object (builder);
  answers = mizan_assessment_get_answers (assessment);
  ids = (const char **) g_hash_table_get_keys_as_array (answers, &n_ids);
  qsort (ids, n_ids, sizeof *ids, compare_id_ptrs);
  for (guint i = 0; i < n_ids; i++)
    {
      const char *id = ids[i];
      const MizanAnswer *answer = g_hash_table_lookup (answers, id);

      json_builder_set_member_name (builder, id);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "status");
      if (answer->status == MIZAN_STATUS_NONE)
        json_builder_add_null_value (builder);
      else
        json_builder_add_string_value (builder, mizan_status_to_string (answer->status));
      if (answer->note != NULL && *answer->note != '\0')
        add_string (builder, "note", answer->note);
      if (answer->evidence != NULL && *answer->evidence != '\0')
        add_string (builder, "evidence", answer->evidence);
      if (answer->updated != 0)
        add_time (builder, "updated", answer->updated);
      if (answer->to_confirm)
        {
          json_builder_set_member_name (builder, "to_confirm");
          json_builder_add_boolean_value (builder, TRUE);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);

  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  data = json_generator_to_data (generator, &data_length);
  /* End with a newline, as text files do. */
  data = g_realloc (data, data_length + 2);
  data[data_length++] = '\n';
  data[data_length] = '\0';
  if (length != NULL)
    *length = data_length;
  return data;
}

/* RFC 4180 cell. Text a person typed is kept from being run as a formula by
 * spreadsheets (a cell starting with = + - @ gets a leading apostrophe). */
static void
csv_text (GString    *out,
          const char *value)
{
  if (value == NULL)
    value = "";
  g_string_append_c (out, '"');
  if (strchr ("=+-@\t\r", value[0]) != NULL && value[0] != '\0')
    g_string_append_c (out, '\'');
  for (const char *p = value; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
csv_number (GString *out,
            gboolean defined,
            double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (defined)
    g_string_append (out, g_ascii_dtostr (buffer, sizeof buffer, value));
}

char *
mizan_exchange_to_csv (MizanAssessment    *assessment,
                       MizanFramework     *framework,
                       const MizanResults *results,
                       gsize              *length)
{
  GString *out = g_string_new (NULL);

  g_string_append (out, "domain,domain_title,capability,capability_title,capability_level,"
                        "capability_score,capability_target,capability_gap,practice,practice_level,"
                        "practice_text,status,note,evidence,answer_updated\r\n");

  for (guint i = 0; i < mizan_framework_get_n_practices (framework); i++)
    {
      const MizanPractice *practice = mizan_framework_get_practice (framework, i);
      const MizanCapability *capability = practice->capability;
      const MizanCapabilityResult *cr = &results->capabilities[capability->index];
      const MizanAnswer *answer = mizan_assessment_get_answer (assessment, practice->id);
      g_autofree char *updated = answer && answer->updated ? format_time (answer->updated) : NULL;

      csv_text (out, capability->domain->id);
      g_string_append_c (out, ',');
      csv_text (out, mizan_text_localized (capability->domain->title));
      g_string_append_c (out, ',');
      csv_text (out, capability->id);
      g_string_append_c (out, ',');
      csv_text (out, mizan_text_localized (capability->title));
      g_string_append_c (out, ',');
      csv_number (out, cr->applicable, cr->level);
      g_string_append_c (out, ',');
      csv_number (out, cr->applicable, cr->score);
      g_string_append_c (out, ',');
      csv_number (out, TRUE, cr->target);
      g_string_append_c (out, ',');
      csv_number (out, cr->applicable, cr->gap);
      g_string_append_c (out, ',');
      csv_text (out, practice->id);
      g_string_append_c (out, ',');
      csv_number (out, TRUE, practice->level);
      g_string_append_c (out, ',');
      csv_text (out, mizan_text_localized (practice->text));
      g_string_append_c (out, ',');
      csv_text (out, answer ? mizan_status_to_string (answer->status) : NULL);
      g_string_append_c (out, ',');
      csv_text (out, answer ? answer->note : NULL);
      g_string_append_c (out, ',');
      csv_text (out, answer ? answer->evidence : NULL);
      g_string_append_c (out, ',');
      csv_text (out, updated);
      g_string_append (out, "\r\n");
    }

  if (length != NULL)
    *length = out->len;
  return g_string_free (out, FALSE);
}

gboolean
mizan_write_file_atomic (const char  *path,
                         const char  *data,
                         gsize        length,
                         GError     **error)
{
  /* GLib writes a temporary file beside @path, syncs it and renames it over,
   * and removes the temporary file when anything fails. */
  if (!g_file_set_contents_full (path, data, length,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, error))
    {
      g_prefix_error (error, _("cannot write %s: "), path);
      return FALSE;
    }
  return TRUE;
}
