/* mizan-server-validate.c — checks a mizan-submission/1 body before anything is stored
 * Strict JSON first (core's checker refuses deep nesting before json-glib recurses), then every field in document order. */

#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "mizan-countries.h"
#include "mizan-json-file.h"
#include "mizan-server-validate.h"
#include "mizan-submission.h"

G_DEFINE_QUARK (mizan-server-validate-error-quark, mizan_server_validate_error)

#define MAX_ID_LENGTH 64
/* Figures are recomputed from the capabilities; JSON keeps 17 digits, so only
 * the order of additions can differ. */
#define CONSISTENCY_TOLERANCE 1e-6
/* Clients stamp the period from their own clock. */
#define CLOCK_SKEW_SECONDS (24 * 60 * 60)

static const char * const top_members[] = {
  "schema", "submission_id", "framework", "country", "sector", "size", "period",
  "domains", "capabilities", NULL
};
static const char * const framework_members[] = { "id", "version", NULL };
static const char * const domain_members[] = { "id", "level", "index", "score", NULL };
static const char * const capability_members[] = { "id", "level", "score", NULL };

const char *
mizan_server_validate_error_name (MizanServerValidateError code)
{
  switch (code)
    {
    case MIZAN_SERVER_VALIDATE_ERROR_SYNTAX:
      return "invalid_json";
    case MIZAN_SERVER_VALIDATE_ERROR_MISSING_FIELD:
      return "missing_field";
    case MIZAN_SERVER_VALIDATE_ERROR_UNKNOWN_FIELD:
      return "unknown_field";
    case MIZAN_SERVER_VALIDATE_ERROR_WRONG_TYPE:
      return "wrong_type";
    case MIZAN_SERVER_VALIDATE_ERROR_INVALID_VALUE:
      return "invalid_value";
    case MIZAN_SERVER_VALIDATE_ERROR_UNKNOWN_FRAMEWORK:
      return "unknown_framework";
    case MIZAN_SERVER_VALIDATE_ERROR_INCONSISTENT:
      return "inconsistent";
    default:
      return "invalid";
    }
}

gboolean
mizan_server_is_uuid_v4 (const char *text)
{
  static const int dashes[] = { 8, 13, 18, 23 };

  if (text == NULL || strlen (text) != 36)
    return FALSE;

  for (int i = 0; i < 36; i++)
    {
      gboolean dash = i == dashes[0] || i == dashes[1] || i == dashes[2] || i == dashes[3];

      if (dash ? text[i] != '-' : !g_ascii_isxdigit (text[i]))
        return FALSE;
    }
  /* Version nibble 4, RFC 4122 variant 10xx. */
  return text[14] == '4' && strchr ("89abAB", text[19]) != NULL;
}

typedef struct {
  char   **field;
  GError **error;
} Check;

static gboolean G_GNUC_PRINTF (4, 5)
fail (Check      *check,
      int         code,
      const char *field,
      const char *format,
      ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (check->field != NULL)
    *check->field = g_strdup (field);
  g_set_error_literal (check->error, MIZAN_SERVER_VALIDATE_ERROR, code, message);
  return FALSE;
}

static char *
member_path (const char *parent,
             const char *name)
{
  return parent != NULL ? g_strdup_printf ("%s.%s", parent, name) : g_strdup (name);
}

static const char *
node_kind (JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      return "an object";
    case JSON_NODE_ARRAY:
      return "an array";
    case JSON_NODE_NULL:
      return "null";
    case JSON_NODE_VALUE:
    default:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING:
          return "a string";
        case G_TYPE_BOOLEAN:
          return "a boolean";
        default:
          return "a number";
        }
    }
}

/* Exactly @names: an unknown member is named first (it is the likelier
 * mistake, and a misspelt key also makes the right one "missing"). */
static gboolean
check_members (Check              *check,
               JsonObject         *object,
               const char         *path,
               const char * const *names)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    if (!g_strv_contains (names, l->data))
      {
        g_autofree char *field = member_path (path, l->data);

        return fail (check, MIZAN_SERVER_VALIDATE_ERROR_UNKNOWN_FIELD, field,
                     _("Unknown field “%s”: a submission holds only the fields of mizan-submission/1."),
                     field);
      }

  for (guint i = 0; names[i] != NULL; i++)
    if (!json_object_has_member (object, names[i]))
      {
        g_autofree char *field = member_path (path, names[i]);

        return fail (check, MIZAN_SERVER_VALIDATE_ERROR_MISSING_FIELD, field,
                     _("The field “%s” is missing."), field);
      }

  return TRUE;
}

static JsonObject *
get_object (Check      *check,
            JsonNode   *node,
            const char *field)
{
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      fail (check, MIZAN_SERVER_VALIDATE_ERROR_WRONG_TYPE, field,
            _("“%s” must be an object, not %s."), field ? field : "body", node_kind (node));
      return NULL;
    }
  return json_node_get_object (node);
}

static const char *
get_string (Check      *check,
            JsonObject *object,
            const char *path,
            const char *name)
{
  JsonNode *node = json_object_get_member (object, name);
  g_autofree char *field = member_path (path, name);
  const char *value;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      fail (check, MIZAN_SERVER_VALIDATE_ERROR_WRONG_TYPE, field,
            _("“%s” must be a string, not %s."), field, node_kind (node));
      return NULL;
    }

  value = json_node_get_string (node);
  if (*value == '\0')
    {
      fail (check, MIZAN_SERVER_VALIDATE_ERROR_INVALID_VALUE, field, _("“%s” must not be empty."), field);
      return NULL;
    }
  return value;
}

static gboolean
get_number (Check      *check,
            JsonObject *object,
            const char *path,
            const char *name,
            double      max,
            double     *out)
{
  JsonNode *node = json_object_get_member (object, name);
  g_autofree char *field = member_path (path, name);
  double value;

  if (!JSON_NODE_HOLDS_VALUE (node) ||
      (json_node_get_value_type (node) != G_TYPE_INT64 && json_node_get_value_type (node) != G_TYPE_DOUBLE))
    return fail (check, MIZAN_SERVER_VALIDATE_ERROR_WRONG_TYPE, field,
                 _("“%s” must be a number, not %s."), field, node_kind (node));

  value = json_node_get_value_type (node) == G_TYPE_INT64
          ? (double) json_node_get_int (node)
          : json_node_get_double (node);
  if (!isfinite (value) || value < 0.0 || value > max)
    return fail (check, MIZAN_SERVER_VALIDATE_ERROR_INVALID_VALUE, field,
                 _("“%s” must be between 0 and %g."), field, max);

  *out = value;
  return TRUE;
}

/* An integer; 2.0 is accepted as 2, since some JSON writers only have doubles. */
static gboolean
get_level (Check      *check,
           JsonObject *object,
           const char *path,
           guint       max,
           guint      *out)
{
  JsonNode *node = json_object_get_member (object, "level");
  g_autofree char *field = member_path (path, "level");
  double value;

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64)
    {
      gint64 level = json_node_get_int (node);

      if (level < 0 || level > max)
        return fail (check, MIZAN_SERVER_VALIDATE_ERROR_INVALID_VALUE, field,
                     _("“%s” must be a whole number from 0 to %u."), field, max);
      *out = (guint) level;
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_DOUBLE)
    return fail (check, MIZAN_SERVER_VALIDATE_ERROR_WRONG_TYPE, field,
                 _("“%s” must be a whole number, not %s."), field, node_kind (node));

  value = json_node_get_double (node);
  if (!isfinite (value) || value != floor (value) || value < 0.0 || value > max)
    return fail (check, MIZAN_SERVER_VALIDATE_ERROR_INVALID_VALUE, field,
                 _("“%s” must be a whole number from 0 to %u."), field, max);
  *out = (guint) value;
  return TRUE;
}

static gboolean
check_id_text (Check      *check,
               const char *field,
               const char *id)
{
  if (strlen (id) > MAX_ID_LENGTH)
    return fail (check, MIZAN_SERVER_VALIDATE_ERROR_INVALID_VALUE, field,
                 _("“%s” is longer than %d characters."), field, MAX_ID_LENGTH);
  return TRUE;
}

/* "YYYY-Qn", from 2000 up to the current quarter. */
static gboolean
check_period (Check      *check,
              const char *period,
              gint64      now)
{
  g_autofree char *latest = mizan_submission_period (now + CLOCK_SKEW_SECONDS);
  guint year;
  guint quarter;

  if (strlen (period) != 7 || period[4] != '-' || period[5] != 'Q' ||
      !g_ascii_isdigit (period[0]) || !g_ascii_isdigit (period[1]) ||
      !g_ascii_isdigit (period[2]) || !g_ascii_isdigit (period[3]) ||
      period[6] < '1' || period[6] > '4')
    return fail (check, MIZAN_SERVER_VALIDATE_ERROR_INVALID_VALUE, "period",
                 _("“period” must be a quarter written as YYYY-Qn, for example 2026-Q4."));

  year = (guint) g_ascii_strtoull (period, NULL, 10);
  quarter = (guint) (period[6] - '0');
  if (year < 2000)
    return fail (check, MIZAN_SERVER_VALIDATE_ERROR_INVALID_VALUE, "period",
                 _("“period” must not be before 2000."));
  /* Same width, so the strings compare as the quarters do. */
  if (latest != NULL && strcmp (period, latest) > 0)
    return fail (check, MIZAN_SERVER_VALIDATE_ERROR_INVALID_VALUE, "period",
                 _("“period” %u-Q%u is in the future."), year, quarter);
  return TRUE;
}

static gboolean
check_vocabulary (Check              *check,
                  const char         *field,
                  const char         *value,
                  const char * const *allowed)
{
  g_autofree char *list = NULL;

  if (g_strv_contains (allowed, value))
    return TRUE;

  list = g_strjoinv (", ", (char **) allowed);
  return fail (check, MIZAN_SERVER_VALIDATE_ERROR_INVALID_VALUE, field,
               _("“%s” must be one of %s."), field, list);
}

static JsonArray *
get_array (Check      *check,
           JsonObject *object,
           const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      fail (check, MIZAN_SERVER_VALIDATE_ERROR_WRONG_TYPE, name,
            _("“%s” must be an array, not %s."), name, node_kind (node));
      return NULL;
    }
  return json_node_get_array (node);
}

static gboolean
check_domains (Check                 *check,
               JsonArray             *array,
               MizanServerSubmission *sub,
               guint                  n_levels)
{
  MizanFramework *framework = sub->framework;
  guint n = json_array_get_length (array);

  if (n == 0)
    return fail (check, MIZAN_SERVER_VALIDATE_ERROR_INVALID_VALUE, "domains",
                 _("“domains” must list at least one domain."));

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *path = g_strdup_printf ("domains[%u]", i);
      g_autofree char *id_field = g_strdup_printf ("%s.id", path);
      JsonObject *object;
      const char *id;
      MizanDomain *domain;
      guint level;
      double index, score;

      if ((object = get_object (check, json_array_get_element (array, i), path)) == NULL ||
          !check_members (check, object, path, domain_members) ||
          (id = get_string (check, object, path, "id")) == NULL ||
          !check_id_text (check, id_field, id))
        return FALSE;

      domain = mizan_framework_lookup_domain (framework, id);
      if (domain == NULL)
        return fail (check, MIZAN_SERVER_VALIDATE_ERROR_INVALID_VALUE, id_field,
                     _("“%s” is not a domain of %s %s."), id,
                     mizan_framework_get_id (framework), mizan_framework_get_version (framework));
      if (!isnan (sub->values[mizan_slot_domain (domain->index, MIZAN_DOMAIN_LEVEL)]))
        return fail (check, MIZAN_SERVER_VALIDATE_ERROR_INVALID_VALUE, id_field,
                     _("The domain “%s” is listed twice."), id);

      if (!get_level (check, object, path, n_levels, &level) ||
          !get_number (check, object, path, "index", n_levels, &index) ||
          !get_number (check, object, path, "score", 1.0, &score))
        return FALSE;

      sub->values[mizan_slot_domain (domain->index, MIZAN_DOMAIN_LEVEL)] = level;
      sub->values[mizan_slot_domain (domain->index, MIZAN_DOMAIN_INDEX)] = index;
      sub->values[mizan_slot_domain (domain->index, MIZAN_DOMAIN_SCORE)] = score;
    }
  return TRUE;
}

static gboolean
check_capabilities (Check                 *check,
                    JsonArray             *array,
                    MizanServerSubmission *sub,
                    guint                  n_levels)
{
  MizanFramework *framework = sub->framework;
  guint n = json_array_get_length (array);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *path = g_strdup_printf ("capabilities[%u]", i);
      g_autofree char *id_field = g_strdup_printf ("%s.id", path);
      JsonObject *object;
      const char *id;
      MizanCapability *capability;
      guint level;
      double score;

      if ((object = get_object (check, json_array_get_element (array, i), path)) == NULL ||
          !check_members (check, object, path, capability_members) ||
          (id = get_string (check, object, path, "id")) == NULL ||
          !check_id_text (check, id_field, id))
        return FALSE;

      capability = mizan_framework_lookup_capability (framework, id);
      if (capability == NULL)
        return fail (check, MIZAN_SERVER_VALIDATE_ERROR_INVALID_VALUE, id_field,
                     _("“%s” is not a capability of %s %s."), id,
                     mizan_framework_get_id (framework), mizan_framework_get_version (framework));
      if (!isnan (sub->values[mizan_slot_capability (framework, capability->index, MIZAN_CAPABILITY_LEVEL)]))
        return fail (check, MIZAN_SERVER_VALIDATE_ERROR_INVALID_VALUE, id_field,
                     _("The capability “%s” is listed twice."), id);
      if (isnan (sub->values[mizan_slot_domain (capability->domain->index, MIZAN_DOMAIN_LEVEL)]))
        return fail (check, MIZAN_SERVER_VALIDATE_ERROR_INCONSISTENT, id_field,
                     _("The capability “%s” is listed but its domain “%s” is not."),
                     id, capability->domain->id);

      if (!get_level (check, object, path, n_levels, &level) ||
          !get_number (check, object, path, "score", 1.0, &score))
        return FALSE;

      sub->values[mizan_slot_capability (framework, capability->index, MIZAN_CAPABILITY_LEVEL)] = level;
      sub->values[mizan_slot_capability (framework, capability->index, MIZAN_CAPABILITY_SCORE)] = score;
    }
  return TRUE;
}

static guint
domain_position (JsonArray   *domains,
                 MizanDomain *domain)
{
  for (guint i = 0; i < json_array_get_length (domains); i++)
    {
      JsonObject *object = json_array_get_object_element (domains, i);

      if (g_strcmp0 (json_object_get_string_member (object, "id"), domain->id) == 0)
        return i;
    }
  return 0;
}

/* DESIGN.md's scoring: a domain's level is the least of its applicable
 * capabilities' levels, its index and score their weighted means. A payload
 * that disagrees was not made by Mizan's scoring and would skew the peers. */
static gboolean
check_consistency (Check                 *check,
                   JsonArray             *domains,
                   MizanServerSubmission *sub)
{
  MizanFramework *framework = sub->framework;
  double weight_sum = 0.0, index_sum = 0.0, score_sum = 0.0;

  for (guint d = 0; d < mizan_framework_get_n_domains (framework); d++)
    {
      MizanDomain *domain = mizan_framework_get_domain (framework, d);
      double level = G_MAXDOUBLE, levels = 0.0, scores = 0.0, weights = 0.0;
      g_autofree char *path = NULL;

      if (isnan (sub->values[mizan_slot_domain (d, MIZAN_DOMAIN_LEVEL)]))
        continue;

      path = g_strdup_printf ("domains[%u]", domain_position (domains, domain));
      for (guint c = 0; c < domain->n_capabilities; c++)
        {
          MizanCapability *capability = domain->capabilities[c];
          double cap_level = sub->values[mizan_slot_capability (framework, capability->index, MIZAN_CAPABILITY_LEVEL)];
          double cap_score = sub->values[mizan_slot_capability (framework, capability->index, MIZAN_CAPABILITY_SCORE)];

          if (isnan (cap_level))
            continue;
          level = MIN (level, cap_level);
          levels += capability->weight * cap_level;
          scores += capability->weight * cap_score;
          weights += capability->weight;
        }

      if (weights == 0.0)
        return fail (check, MIZAN_SERVER_VALIDATE_ERROR_INCONSISTENT, path,
                     _("The domain “%s” is listed but none of its capabilities is."), domain->id);
      if (sub->values[mizan_slot_domain (d, MIZAN_DOMAIN_LEVEL)] != level)
        {
          g_autofree char *field = g_strdup_printf ("%s.level", path);

          return fail (check, MIZAN_SERVER_VALIDATE_ERROR_INCONSISTENT, field,
                       _("“%s” must be %g, the lowest level of the domain’s capabilities."), field, level);
        }
      if (fabs (sub->values[mizan_slot_domain (d, MIZAN_DOMAIN_INDEX)] - levels / weights) > CONSISTENCY_TOLERANCE)
        {
          g_autofree char *field = g_strdup_printf ("%s.index", path);

          return fail (check, MIZAN_SERVER_VALIDATE_ERROR_INCONSISTENT, field,
                       _("“%s” must be %g, the weighted mean of the domain’s capability levels."),
                       field, levels / weights);
        }
      if (fabs (sub->values[mizan_slot_domain (d, MIZAN_DOMAIN_SCORE)] - scores / weights) > CONSISTENCY_TOLERANCE)
        {
          g_autofree char *field = g_strdup_printf ("%s.score", path);

          return fail (check, MIZAN_SERVER_VALIDATE_ERROR_INCONSISTENT, field,
                       _("“%s” must be %g, the weighted mean of the domain’s capability scores."),
                       field, scores / weights);
        }

      weight_sum += domain->weight;
      index_sum += domain->weight * sub->values[mizan_slot_domain (d, MIZAN_DOMAIN_INDEX)];
      score_sum += domain->weight * sub->values[mizan_slot_domain (d, MIZAN_DOMAIN_SCORE)];
    }

  sub->values[mizan_slot_overall (framework, MIZAN_OVERALL_INDEX)] = index_sum / weight_sum;
  sub->values[mizan_slot_overall (framework, MIZAN_OVERALL_SCORE)] = score_sum / weight_sum;
  return TRUE;
}

/* What is stored: the same fields, in framework order, nothing else. */
static char *
canonical_payload (MizanServerSubmission *sub)
{
  MizanFramework *framework = sub->framework;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "schema");
  json_builder_add_string_value (builder, MIZAN_SUBMISSION_SCHEMA);
  json_builder_set_member_name (builder, "submission_id");
  json_builder_add_string_value (builder, sub->id);
  json_builder_set_member_name (builder, "framework");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, mizan_framework_get_id (framework));
  json_builder_set_member_name (builder, "version");
  json_builder_add_string_value (builder, mizan_framework_get_version (framework));
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "country");
  json_builder_add_string_value (builder, sub->country);
  json_builder_set_member_name (builder, "sector");
  json_builder_add_string_value (builder, sub->sector);
  json_builder_set_member_name (builder, "size");
  json_builder_add_string_value (builder, sub->size);
  json_builder_set_member_name (builder, "period");
  json_builder_add_string_value (builder, sub->period);

  json_builder_set_member_name (builder, "domains");
  json_builder_begin_array (builder);
  for (guint d = 0; d < mizan_framework_get_n_domains (framework); d++)
    {
      if (isnan (sub->values[mizan_slot_domain (d, MIZAN_DOMAIN_LEVEL)]))
        continue;
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, mizan_framework_get_domain (framework, d)->id);
      json_builder_set_member_name (builder, "level");
      json_builder_add_int_value (builder, (gint64) sub->values[mizan_slot_domain (d, MIZAN_DOMAIN_LEVEL)]);
      json_builder_set_member_name (builder, "index");
      json_builder_add_double_value (builder, sub->values[mizan_slot_domain (d, MIZAN_DOMAIN_INDEX)]);
      json_builder_set_member_name (builder, "score");
      json_builder_add_double_value (builder, sub->values[mizan_slot_domain (d, MIZAN_DOMAIN_SCORE)]);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "capabilities");
  json_builder_begin_array (builder);
  for (guint c = 0; c < mizan_framework_get_n_capabilities (framework); c++)
    {
      guint level_slot = mizan_slot_capability (framework, c, MIZAN_CAPABILITY_LEVEL);

      if (isnan (sub->values[level_slot]))
        continue;
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, mizan_framework_get_capability (framework, c)->id);
      json_builder_set_member_name (builder, "level");
      json_builder_add_int_value (builder, (gint64) sub->values[level_slot]);
      json_builder_set_member_name (builder, "score");
      json_builder_add_double_value (builder, sub->values[mizan_slot_capability (framework, c, MIZAN_CAPABILITY_SCORE)]);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

MizanServerSubmission *
mizan_server_validate_submission (const char          *data,
                                  gsize                length,
                                  MizanCatalog        *catalog,
                                  const char * const  *countries,
                                  gint64               now,
                                  char               **field,
                                  GError             **error)
{
  Check check = { field, error };
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(MizanServerSubmission) sub = NULL;
  JsonObject *object, *framework_object;
  const char *schema, *submission_id, *framework_id, *framework_version;
  const char *country, *sector, *size, *period;
  JsonArray *domains, *capabilities;
  MizanFramework *framework;
  guint n_levels;

  g_return_val_if_fail (MIZAN_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (countries != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (field != NULL)
    *field = NULL;

  root = mizan_json_parse_data (data, (gssize) length, "body",
                                MIZAN_SERVER_VALIDATE_ERROR, MIZAN_SERVER_VALIDATE_ERROR_SYNTAX, error);
  if (root == NULL)
    return NULL;

  if ((object = get_object (&check, root, NULL)) == NULL ||
      !check_members (&check, object, NULL, top_members))
    return NULL;

  if ((schema = get_string (&check, object, NULL, "schema")) == NULL)
    return NULL;
  if (g_strcmp0 (schema, MIZAN_SUBMISSION_SCHEMA) != 0)
    {
      fail (&check, MIZAN_SERVER_VALIDATE_ERROR_INVALID_VALUE, "schema",
            _("“schema” must be “%s”."), MIZAN_SUBMISSION_SCHEMA);
      return NULL;
    }

  if ((submission_id = get_string (&check, object, NULL, "submission_id")) == NULL)
    return NULL;
  if (!mizan_server_is_uuid_v4 (submission_id))
    {
      fail (&check, MIZAN_SERVER_VALIDATE_ERROR_INVALID_VALUE, "submission_id",
            _("“submission_id” must be a random UUID (version 4)."));
      return NULL;
    }

  if ((framework_object = get_object (&check, json_object_get_member (object, "framework"), "framework")) == NULL ||
      !check_members (&check, framework_object, "framework", framework_members) ||
      (framework_id = get_string (&check, framework_object, "framework", "id")) == NULL ||
      (framework_version = get_string (&check, framework_object, "framework", "version")) == NULL)
    return NULL;
  framework = mizan_catalog_lookup (catalog, framework_id, framework_version);
  if (framework == NULL)
    {
      fail (&check, MIZAN_SERVER_VALIDATE_ERROR_UNKNOWN_FRAMEWORK, "framework",
            _("The server does not know the framework %s %s."), framework_id, framework_version);
      return NULL;
    }

  if ((country = get_string (&check, object, NULL, "country")) == NULL)
    return NULL;
  if (!g_strv_contains (countries, country))
    {
      fail (&check, MIZAN_SERVER_VALIDATE_ERROR_INVALID_VALUE, "country",
            _("“country” must be one of the member states this server accepts (ISO 3166-1 alpha-3), not “%s”."),
            country);
      return NULL;
    }

  if ((sector = get_string (&check, object, NULL, "sector")) == NULL ||
      !check_vocabulary (&check, "sector", sector, mizan_sectors_get_all ()) ||
      (size = get_string (&check, object, NULL, "size")) == NULL ||
      !check_vocabulary (&check, "size", size, mizan_sizes_get_all ()) ||
      (period = get_string (&check, object, NULL, "period")) == NULL ||
      !check_period (&check, period, now))
    return NULL;

  sub = mizan_server_submission_new (framework);
  sub->id = g_ascii_strdown (submission_id, -1);
  sub->country = g_strdup (country);
  sub->sector = g_strdup (sector);
  sub->size = g_strdup (size);
  sub->period = g_strdup (period);

  n_levels = mizan_framework_get_n_levels (framework);
  if ((domains = get_array (&check, object, "domains")) == NULL ||
      (capabilities = get_array (&check, object, "capabilities")) == NULL ||
      !check_domains (&check, domains, sub, n_levels) ||
      !check_capabilities (&check, capabilities, sub, n_levels) ||
      !check_consistency (&check, domains, sub))
    return NULL;

  sub->payload = canonical_payload (sub);
  return g_steal_pointer (&sub);
}
