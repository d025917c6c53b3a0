/* test-framework.c — tests of the framework loader, validator and catalog
 * A valid file builds the right model; every rule has a failing case checked by its exact path and position. */

#include "config.h"

#include <locale.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "mizan-catalog.h"
#include "mizan-framework.h"
#include "mizan-references.h"

#define DISPLAY_NAME "test.json"

static char *tmp_dir;

static char *
data_path (const char *name)
{
  const char *dir = g_getenv ("MIZAN_TEST_DATA");

  g_assert_nonnull (dir);
  return g_build_filename (dir, "frameworks", name, NULL);
}

static char *
read_data (const char *name)
{
  g_autofree char *path = data_path (name);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

/* ------------------------------------------------------------------------ */
/* Variants of mini.json: each sets or removes the value at a path. */

static JsonNode *
child_node (JsonNode   *node,
            const char *member,
            gint        index)
{
  if (member != NULL)
    {
      g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
      node = json_object_get_member (json_node_get_object (node), member);
    }
  if (index >= 0)
    {
      g_assert_true (JSON_NODE_HOLDS_ARRAY (node));
      node = json_array_get_element (json_node_get_array (node), index);
    }
  g_assert_nonnull (node);
  return node;
}

/* @path: "domains[0].capabilities[1].title", "levels[2]"; @value: JSON, or NULL to remove. */
static void
set_path (JsonNode   *root,
          const char *path,
          const char *value)
{
  g_auto(GStrv) segments = g_strsplit (path, ".", -1);
  JsonNode *node = root;
  guint n = g_strv_length (segments);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *member = g_strdup (segments[i]);
      char *bracket = strchr (member, '[');
      gint index = -1;
      gboolean last = i + 1 == n;

      if (bracket != NULL)
        {
          index = atoi (bracket + 1);
          *bracket = '\0';
        }

      if (!last)
        {
          node = child_node (node, member, index);
          continue;
        }

      if (index < 0)
        {
          JsonObject *object = json_node_get_object (node);

          if (value == NULL)
            json_object_remove_member (object, member);
          else
            json_object_set_member (object, member, json_from_string (value, NULL));
        }
      else
        {
          /* json-glib has no way to replace an element: rebuild the array. */
          JsonNode *array_node = child_node (node, member, -1);
          JsonArray *old = json_node_get_array (array_node);
          g_autoptr(JsonArray) array = json_array_new ();

          for (guint j = 0; j < json_array_get_length (old); j++)
            {
              if ((gint) j != index)
                json_array_add_element (array, json_node_copy (json_array_get_element (old, j)));
              else if (value != NULL)
                json_array_add_element (array, json_from_string (value, NULL));
            }
          json_node_set_array (array_node, array);
        }
    }
}

/* mini.json with (path, value) pairs applied; NULL-terminated. */
static char *
variant (const char *path,
         const char *value,
         ...)
{
  g_autofree char *base = read_data ("mini.json");
  g_autoptr(JsonNode) root = json_from_string (base, NULL);
  va_list args;

  g_assert_nonnull (root);
  va_start (args, value);
  while (path != NULL)
    {
      set_path (root, path, value);
      path = va_arg (args, const char *);
      if (path != NULL)
        value = va_arg (args, const char *);
    }
  va_end (args);

  return json_to_string (root, TRUE);
}

/* Loads @json expecting failure with @code; returns the problem lines. */
static GStrv
load_failing (const char *json,
              gssize      length,
              int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MizanFramework) fw = NULL;
  g_auto(GStrv) lines = NULL;

  fw = mizan_framework_new_from_data (json, length, DISPLAY_NAME, &error);
  g_assert_null (fw);
  g_assert_error (error, MIZAN_FRAMEWORK_ERROR, code);
  g_test_message ("%s", error->message);

  lines = g_strsplit (error->message, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    g_assert_true (g_str_has_prefix (lines[i], DISPLAY_NAME ":"));
  return g_steal_pointer (&lines);
}

/* Exactly one problem, at @where (NULL: the file as a whole), saying @says. */
static void
assert_one_problem (const char *json,
                    const char *where,
                    const char *says)
{
  g_auto(GStrv) lines = load_failing (json, -1, MIZAN_FRAMEWORK_ERROR_INVALID);
  g_autofree char *prefix = NULL;

  g_assert_cmpuint (g_strv_length (lines), ==, 1);
  if (where != NULL)
    prefix = g_strdup_printf (DISPLAY_NAME ": %s: ", where);
  else
    prefix = g_strdup (DISPLAY_NAME ": ");
  if (!g_str_has_prefix (lines[0], prefix) || strstr (lines[0] + strlen (prefix), says) == NULL)
    g_error ("expected “%s…%s…”, got “%s”", prefix, says, lines[0]);
  /* The path is whole: nothing else looks like a path after it. */
  if (where != NULL)
    g_assert_false (g_str_has_prefix (lines[0] + strlen (prefix), "."));
}

static void
assert_syntax_error (const char *json,
                     gssize      length,
                     const char *position,
                     const char *says)
{
  g_auto(GStrv) lines = load_failing (json, length, MIZAN_FRAMEWORK_ERROR_SYNTAX);
  g_autofree char *prefix = g_strdup_printf (DISPLAY_NAME ":%s: ", position);

  g_assert_cmpuint (g_strv_length (lines), ==, 1);
  if (!g_str_has_prefix (lines[0], prefix) || strstr (lines[0], says) == NULL)
    g_error ("expected “%s…%s…”, got “%s”", prefix, says, lines[0]);
}

typedef struct {
  const char *path;
  const char *value;    /* NULL: remove */
  const char *where;
  const char *says;
} Case;

/* Each case on mini.json, after setting @base_path (unless NULL) to @base_value. */
static void
run_cases_on (const char *base_path,
              const char *base_value,
              const Case *cases,
              gsize       n_cases)
{
  for (gsize i = 0; i < n_cases; i++)
    {
      g_autofree char *json = NULL;

      if (base_path != NULL)
        json = variant (base_path, base_value, cases[i].path, cases[i].value, NULL);
      else
        json = variant (cases[i].path, cases[i].value, NULL);
      g_test_message ("%s = %s", cases[i].path, cases[i].value ? cases[i].value : "(removed)");
      assert_one_problem (json, cases[i].where, cases[i].says);
    }
}

static void
run_cases (const Case *cases,
           gsize       n_cases)
{
  run_cases_on (NULL, NULL, cases, n_cases);
}

/* ------------------------------------------------------------------------ */

static MizanFramework *
load_mini (void)
{
  g_autofree char *path = data_path ("mini.json");
  g_autoptr(GError) error = NULL;
  MizanFramework *fw = mizan_framework_new_from_file (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (fw);
  g_assert_cmpstr (mizan_framework_get_path (fw), ==, path);
  return fw;
}

static void
test_valid_model (void)
{
  g_autoptr(MizanFramework) fw = load_mini ();
  const MizanLevel *level;
  MizanDomain *gov, *ops;
  MizanCapability *cap;
  MizanPractice *practice;
  guint flat = 0;

  g_assert_cmpstr (mizan_framework_get_id (fw), ==, "mini");
  g_assert_cmpstr (mizan_framework_get_version (fw), ==, "1.0.0");
  g_assert_cmpstr (mizan_text_get (mizan_framework_get_title (fw), "en"), ==, "Mini maturity model");
  g_assert_cmpstr (mizan_text_get (mizan_framework_get_title (fw), "fr"), ==, "Mini modèle de maturité");
  g_assert_cmpuint (mizan_text_get_n_langs (mizan_framework_get_title (fw)), ==, 3);
  g_assert_nonnull (mizan_framework_get_description (fw));
  g_assert_cmpstr (mizan_text_get (mizan_framework_get_publisher (fw), "en"), ==, "Mizan tests");

  g_assert_cmpuint (mizan_framework_get_n_levels (fw), ==, 3);
  g_assert_cmpuint (mizan_framework_get_default_target (fw), ==, 2);
  level = mizan_framework_get_level (fw, 2);
  g_assert_cmpuint (level->level, ==, 2);
  g_assert_cmpstr (mizan_text_get (level->name, "fr"), ==, "Géré");
  g_assert_null (level->description);
  g_assert_cmpstr (mizan_text_get (mizan_framework_get_level (fw, 1)->description, "en"), ==, "Ad hoc.");
  g_assert_cmpuint (mizan_framework_get_level (fw, 3)->level, ==, 3);

  g_assert_cmpuint (mizan_framework_get_n_domains (fw), ==, 2);
  g_assert_cmpuint (mizan_framework_get_n_capabilities (fw), ==, 3);
  g_assert_cmpuint (mizan_framework_get_n_practices (fw), ==, 11);

  gov = mizan_framework_get_domain (fw, 0);
  ops = mizan_framework_get_domain (fw, 1);
  g_assert_cmpstr (gov->id, ==, "GOV");
  g_assert_cmpuint (gov->index, ==, 0);
  g_assert_cmpfloat (gov->weight, ==, 2.0);
  g_assert_nonnull (gov->description);
  g_assert_cmpuint (gov->n_capabilities, ==, 2);
  g_assert_cmpstr (ops->id, ==, "OPS");
  g_assert_cmpuint (ops->index, ==, 1);
  g_assert_cmpfloat (ops->weight, ==, 1.0);  /* the default */
  g_assert_null (ops->description);
  g_assert_cmpstr (mizan_text_get (ops->title, "ar"), ==, "العمليات");

  /* Capabilities: one flat array in file order, each knowing its domain. */
  g_assert_true (gov->capabilities[0] == mizan_framework_get_capability (fw, 0));
  g_assert_true (gov->capabilities[1] == mizan_framework_get_capability (fw, 1));
  g_assert_true (ops->capabilities[0] == mizan_framework_get_capability (fw, 2));
  for (guint i = 0; i < 3; i++)
    g_assert_cmpuint (mizan_framework_get_capability (fw, i)->index, ==, i);
  g_assert_true (mizan_framework_get_capability (fw, 1)->domain == gov);
  g_assert_true (mizan_framework_get_capability (fw, 2)->domain == ops);
  g_assert_cmpfloat (mizan_framework_get_capability (fw, 0)->weight, ==, 1.0);
  g_assert_cmpfloat (mizan_framework_get_capability (fw, 1)->weight, ==, 0.5);
  g_assert_cmpfloat (mizan_framework_get_capability (fw, 2)->weight, ==, 3.0);

  cap = mizan_framework_get_capability (fw, 0);
  g_assert_cmpuint (cap->n_references, ==, 2);
  g_assert_cmpstr (cap->references[0].scheme, ==, "nist-csf-2.0");
  g_assert_cmpuint (g_strv_length (cap->references[0].ids), ==, 2);
  g_assert_cmpstr (cap->references[0].ids[1], ==, "GV.OC-02");
  g_assert_cmpstr (cap->references[1].scheme, ==, "iso-27001-2022");
  g_assert_cmpstr (cap->references[1].ids[0], ==, "5.1");
  g_assert_cmpuint (mizan_framework_get_capability (fw, 1)->n_references, ==, 0);

  /* Practices: flat in file order, and each capability's slice of them. */
  for (guint c = 0; c < mizan_framework_get_n_capabilities (fw); c++)
    {
      cap = mizan_framework_get_capability (fw, c);
      for (guint p = 0; p < cap->n_practices; p++, flat++)
        {
          practice = cap->practices[p];
          g_assert_true (practice == mizan_framework_get_practice (fw, flat));
          g_assert_cmpuint (practice->index, ==, flat);
          g_assert_true (practice->capability == cap);
        }
    }
  g_assert_cmpuint (flat, ==, 11);
  g_assert_cmpuint (mizan_framework_get_capability (fw, 0)->n_practices, ==, 4);
  g_assert_cmpuint (mizan_framework_get_capability (fw, 1)->n_practices, ==, 3);
  g_assert_cmpuint (mizan_framework_get_capability (fw, 2)->n_practices, ==, 4);

  practice = mizan_framework_get_practice (fw, 0);
  g_assert_cmpstr (practice->id, ==, "GOV.1.1");
  g_assert_cmpuint (practice->level, ==, 1);
  g_assert_cmpfloat (practice->weight, ==, 1.0);
  g_assert_cmpstr (mizan_text_get (practice->guidance, "en"), ==, "Write one.");
  g_assert_cmpstr (mizan_text_get (practice->evidence, "en"), ==, "The strategy document.");
  practice = mizan_framework_get_practice (fw, 1);
  g_assert_cmpfloat (practice->weight, ==, 2.0);
  g_assert_null (practice->guidance);
  g_assert_null (practice->evidence);
  practice = mizan_framework_get_practice (fw, 2);
  g_assert_cmpuint (practice->level, ==, 2);
  g_assert_cmpstr (mizan_text_get (practice->text, "fr"), ==, "La stratégie est approuvée par la direction.");
  g_assert_cmpfloat (mizan_framework_get_practice (fw, 8)->weight, ==, 0.5);
  g_assert_cmpstr (mizan_framework_get_practice (fw, 8)->id, ==, "OPS.1.2");
  g_assert_true (mizan_framework_get_practice (fw, 8)->capability->domain == ops);
}

static void
test_valid_lookups (void)
{
  g_autoptr(MizanFramework) fw = load_mini ();

  g_assert_true (mizan_framework_lookup_domain (fw, "OPS") == mizan_framework_get_domain (fw, 1));
  g_assert_true (mizan_framework_lookup_capability (fw, "GOV.2") == mizan_framework_get_capability (fw, 1));
  g_assert_true (mizan_framework_lookup_practice (fw, "OPS.1.4") == mizan_framework_get_practice (fw, 10));
  g_assert_true (mizan_framework_lookup_practice (fw, "GOV.1.1") == mizan_framework_get_practice (fw, 0));

  /* Each lookup knows its own kind. */
  g_assert_null (mizan_framework_lookup_practice (fw, "GOV.1"));
  g_assert_null (mizan_framework_lookup_capability (fw, "GOV"));
  g_assert_null (mizan_framework_lookup_domain (fw, "GOV.1.1"));
  g_assert_null (mizan_framework_lookup_practice (fw, "gov.1.1"));
  g_assert_null (mizan_framework_lookup_practice (fw, NULL));
}

static void
test_valid_from_data (void)
{
  g_autofree char *json = read_data ("mini.json");
  g_autofree char *with_bom = g_strconcat ("\xEF\xBB\xBF", json, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(MizanFramework) fw = NULL;
  g_autoptr(MizanFramework) fw_bom = NULL;
  g_autoptr(GString) escaped = g_string_new (json);
  g_autoptr(MizanFramework) fw_escaped = NULL;

  fw = mizan_framework_new_from_data (json, -1, "mini", &error);
  g_assert_no_error (error);
  g_assert_null (mizan_framework_get_path (fw));
  g_assert_cmpuint (mizan_framework_get_n_practices (fw), ==, 11);

  /* A byte order mark, as Windows editors write, is no problem. */
  fw_bom = mizan_framework_new_from_data (with_bom, -1, "mini", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mizan_framework_get_id (fw_bom), ==, "mini");

  /* Escapes decode, surrogate pairs included. */
  g_assert_cmpuint (g_string_replace (escaped, "Mini maturity model",
                                      "Caf\\u00e9 \\ud83d\\ude00 \\\"q\\\" \\\\ \\/ \\t", 1), ==, 1);
  fw_escaped = mizan_framework_new_from_data (escaped->str, -1, "mini", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mizan_text_get (mizan_framework_get_title (fw_escaped), "en"), ==,
                   "Café \xF0\x9F\x98\x80 \"q\" \\ / \t");
}

static void
test_localized_title (void)
{
  g_autoptr(MizanFramework) fw = load_mini ();
  g_autofree char *saved = g_strdup (g_getenv ("LANGUAGE"));

  g_setenv ("LANGUAGE", "fr", TRUE);
  g_assert_cmpstr (mizan_text_localized (mizan_framework_get_title (fw)), ==, "Mini modèle de maturité");
  g_setenv ("LANGUAGE", "ar", TRUE);
  g_assert_cmpstr (mizan_text_localized (mizan_framework_get_level (fw, 2)->name), ==, "مُدار");
  /* GOV.2's title has only English. */
  g_assert_cmpstr (mizan_text_localized (mizan_framework_get_capability (fw, 1)->title), ==, "Policy");
  g_setenv ("LANGUAGE", saved != NULL ? saved : "", TRUE);
}

/* ------------------------------------------------------------------------ */

static void
test_rules_root (void)
{
  static const Case cases[] = {
    { "format", NULL, "format", "required member is missing" },
    { "format", "7", "format", "expected a string, found an integer" },
    /* Another kind of file: one line, not a flood of unknown members. */
    { "format", "\"mizan-assessment\"", "format", "expected \"mizan-framework\", found \"mizan-assessment\"" },
    { "format_version", NULL, "format_version", "required member is missing" },
    { "format_version", "\"1\"", "format_version", "expected an integer, found a string" },
    { "format_version", "1.0", "format_version", "expected an integer, found a decimal number" },
    { "format_version", "2", "format_version", "version 2 is not supported" },
    { "format_version", "0", "format_version", "version 0 is not supported" },
    { "id", NULL, "id", "required member is missing" },
    { "id", "\"\"", "id", "must not be empty" },
    { "id", "\"mini model\"", "id", "\"mini model\" may only contain letters, digits" },
    { "id", "\"mini/1\"", "id", "may only contain" },
    { "id", "[]", "id", "expected a string, found an array" },
    { "version", NULL, "version", "required member is missing" },
    { "version", "\"\"", "version", "must not be empty" },
    { "version", "1", "version", "expected a string, found an integer" },
    { "colour", "\"blue\"", "colour", "unknown member; the members allowed here are format, format_version, id" },
    /* No "did you mean" for a member that is there already. */
    { "domians", "[]", "domians", "unknown member; the members allowed here are" },
  };

  run_cases (cases, G_N_ELEMENTS (cases));

  assert_one_problem ("[1, 2]", NULL, "expected an object at the top level, found an array");
  assert_one_problem ("\"framework\"", NULL, "expected an object at the top level, found a string");
}

static void
test_rules_text (void)
{
  static const Case cases[] = {
    { "title", NULL, "title", "required member is missing" },
    { "title", "42", "title", "expected a string or an object of translations" },
    { "title", "null", "title", "found null" },
    { "title", "\"\"", "title", "must not be empty" },
    { "title", "\"  \"", "title", "must not be empty" },
    { "title", "{}", "title", "the English (\"en\") text is missing" },
    { "title", "{\"fr\": \"Titre\", \"ar\": \"عنوان\"}", "title", "the English (\"en\") text is missing" },
    { "title", "{\"en\": \"\"}", "title.en", "must not be empty" },
    { "title", "{\"en\": null}", "title.en", "expected a string, found null" },
    { "title", "{\"en\": \"T\", \"pt-BR\": \"T\"}", "title.pt-BR", "\"pt-BR\" is not a language code" },
    { "title", "{\"en\": \"T\", \"AR\": \"T\"}", "title.AR", "is not a language code" },
    { "title", "{\"en\": \"T\", \"english\": \"T\"}", "title.english", "is not a language code" },
    { "title", "{\"en\": \"T\", \"fr\": [\"T\"]}", "title.fr", "expected a string, found an array" },
    { "description", "3", "description", "expected a string or an object of translations" },
    { "publisher", "{\"fr\": \"Éditeur\"}", "publisher", "the English (\"en\") text is missing" },
    { "domains[1].title", "{\"ar\": \"العمليات\"}", "domains[1].title", "the English (\"en\") text is missing" },
  };
  g_autofree char *regional = variant ("title", "{\"en\": \"T\", \"pt_BR\": \"T\", \"zh_Hans\": \"T\", "
                                       "\"sr@latin\": \"T\", \"fil\": \"T\"}", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(MizanFramework) fw = NULL;

  run_cases (cases, G_N_ELEMENTS (cases));

  /* Codes gettext uses are all accepted. */
  fw = mizan_framework_new_from_data (regional, -1, DISPLAY_NAME, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mizan_text_get (mizan_framework_get_title (fw), "sr@latin"), ==, "T");
}

static void
test_rules_levels (void)
{
  static const Case cases[] = {
    { "levels", NULL, "levels", "required member is missing" },
    { "levels", "[]", "levels", "must define at least one level" },
    { "levels", "{}", "levels", "expected an array, found an object" },
    { "levels[1]", "\"Managed\"", "levels[1]", "expected an object, found a string" },
    { "levels[1].level", "3", "levels[1].level", "expected 2, found 3" },
    { "levels[1].level", NULL, "levels[1].level", "required member is missing" },
    { "levels[2].level", "\"3\"", "levels[2].level", "expected an integer, found a string" },
    { "levels[2].level", "2.5", "levels[2].level", "expected an integer, found a decimal number" },
    { "levels[0].name", NULL, "levels[0].name", "required member is missing" },
    { "levels[1].name", "{\"ar\": \"مُدار\"}", "levels[1].name", "the English (\"en\") text is missing" },
    { "levels[0].description", "5", "levels[0].description", "expected a string or an object" },
    { "levels[0].colour", "\"red\"", "levels[0].colour", "unknown member; the members allowed here are level, name, description" },
    { "default_target", NULL, "default_target", "required member is missing" },
    { "default_target", "0", "default_target", "0 is out of range; levels go from 1 to 3" },
    { "default_target", "4", "default_target", "4 is out of range; levels go from 1 to 3" },
    { "default_target", "\"2\"", "default_target", "expected an integer, found a string" },
    { "default_target", "2.5", "default_target", "expected an integer, found a decimal number" },
  };
  g_autoptr(GString) ten = g_string_new ("[");
  g_autofree char *ten_levels = NULL;
  g_autofree char *gap = NULL;
  g_autofree char *practice_above = NULL;

  run_cases (cases, G_N_ELEMENTS (cases));

  for (guint i = 1; i <= 10; i++)
    g_string_append_printf (ten, "%s{\"level\": %u, \"name\": \"L%u\"}", i > 1 ? ", " : "", i, i);
  g_string_append (ten, "]");
  ten_levels = variant ("levels", ten->str, NULL);
  assert_one_problem (ten_levels, "levels", "defines 10 levels; at most 9 are allowed");

  /* A gap is one problem, not one per later level, and practices are
   * not judged against levels that are themselves wrong. */
  gap = variant ("levels", "[{\"level\": 1, \"name\": \"A\"}, {\"level\": 2, \"name\": \"B\"}, "
                 "{\"level\": 4, \"name\": \"D\"}, {\"level\": 5, \"name\": \"E\"}]", NULL);
  assert_one_problem (gap, "levels[2].level", "expected 3, found 4");

  practice_above = variant ("domains[0].capabilities[0].practices[3].level", "4", NULL);
  assert_one_problem (practice_above, "domains[0].capabilities[0].practices[3].level",
                      "4 is out of range; levels go from 1 to 3");
}

static void
test_rules_domains (void)
{
  static const Case cases[] = {
    { "domains", NULL, "domains", "required member is missing" },
    { "domains", "[]", "domains", "must list at least one domain" },
    { "domains", "\"GOV\"", "domains", "expected an array, found a string" },
    { "domains[1]", "5", "domains[1]", "expected an object, found an integer" },
    { "domains[0].id", NULL, "domains[0].id", "required member is missing" },
    { "domains[0].id", "\"\"", "domains[0].id", "must not be empty" },
    { "domains[0].id", "\"G OV\"", "domains[0].id", "\"G OV\" must not contain spaces" },
    { "domains[0].id", "\"GOV\\t\"", "domains[0].id", "must not contain spaces" },
    { "domains[0].id", "12", "domains[0].id", "expected a string, found an integer" },
    { "domains[1].title", NULL, "domains[1].title", "required member is missing" },
    { "domains[0].description", "[]", "domains[0].description", "expected a string or an object" },
    { "domains[0].weight", "0", "domains[0].weight", "must be greater than 0, found 0" },
    { "domains[0].weight", "-1.5", "domains[0].weight", "must be greater than 0, found -1.5" },
    { "domains[0].weight", "\"2\"", "domains[0].weight", "expected a number, found a string" },
    { "domains[0].weight", "true", "domains[0].weight", "expected a number, found true" },
    { "domains[0].capabilities", "[]", "domains[0].capabilities", "must list at least one capability" },
    { "domains[1].capabilities", NULL, "domains[1].capabilities", "required member is missing" },
    { "domains[1].capabilities", "{}", "domains[1].capabilities", "expected an array, found an object" },
    { "domains[1].practices", "[]", "domains[1].practices", "unknown member; the members allowed here are id, title, capabilities" },
  };

  run_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_rules_capabilities (void)
{
  static const Case cases[] = {
    { "domains[0].capabilities[1]", "[]", "domains[0].capabilities[1]", "expected an object, found an array" },
    { "domains[0].capabilities[1].id", NULL, "domains[0].capabilities[1].id", "required member is missing" },
    { "domains[0].capabilities[1].title", NULL, "domains[0].capabilities[1].title", "required member is missing" },
    { "domains[0].capabilities[1].weight", "0", "domains[0].capabilities[1].weight", "must be greater than 0" },
    { "domains[0].capabilities[1].practices", "[]", "domains[0].capabilities[1].practices", "must list at least one practice" },
    { "domains[0].capabilities[1].practices", NULL, "domains[0].capabilities[1].practices", "required member is missing" },
    { "domains[0].capabilities[0].references", "\"GV.OC-01\"", "domains[0].capabilities[0].references", "expected an object, found a string" },
    { "domains[0].capabilities[0].references", "{\"nist-csf-2.0\": \"GV.OC-01\"}",
      "domains[0].capabilities[0].references[\"nist-csf-2.0\"]", "expected an array of strings, found a string" },
    { "domains[0].capabilities[0].references", "{\"nist-csf-2.0\": [\"GV.OC-01\", \"\"]}",
      "domains[0].capabilities[0].references[\"nist-csf-2.0\"][1]", "must not be empty" },
    { "domains[0].capabilities[0].references", "{\"nist\": [3]}",
      "domains[0].capabilities[0].references.nist[0]", "expected a string, found an integer" },
    { "domains[0].capabilities[0].references", "{\"\": [\"x\"]}",
      "domains[0].capabilities[0].references[\"\"]", "the name of a reference scheme must not be empty" },
    /* The one practice at level 3 gone, or moved to another level. */
    { "domains[0].capabilities[1].practices[2]", NULL, "domains[0].capabilities[1]", "no practice at level 3" },
    { "domains[0].capabilities[1].practices[2].level", "2", "domains[0].capabilities[1]", "no practice at level 3" },
    { "domains[1].capabilities[0].practices[0].level", "3", "domains[1].capabilities[0]", "no practice at level 1" },
  };

  run_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_rules_practices (void)
{
  static const Case cases[] = {
    { "domains[1].capabilities[0].practices[1]", "\"OPS.1.2\"", "domains[1].capabilities[0].practices[1]", "expected an object, found a string" },
    { "domains[0].capabilities[0].practices[0].id", NULL, "domains[0].capabilities[0].practices[0].id", "required member is missing" },
    { "domains[0].capabilities[0].practices[0].id", "\"GOV 1.1\"", "domains[0].capabilities[0].practices[0].id", "must not contain spaces" },
    { "domains[0].capabilities[0].practices[1].level", NULL, "domains[0].capabilities[0].practices[1].level", "required member is missing" },
    /* A broken level is reported once, not again as a missing level. */
    { "domains[0].capabilities[1].practices[2].level", "0", "domains[0].capabilities[1].practices[2].level", "0 is out of range; levels go from 1 to 3" },
    { "domains[0].capabilities[1].practices[2].level", "7", "domains[0].capabilities[1].practices[2].level", "7 is out of range" },
    { "domains[0].capabilities[1].practices[2].level", "\"3\"", "domains[0].capabilities[1].practices[2].level", "expected an integer, found a string" },
    { "domains[0].capabilities[1].practices[2].level", "-1", "domains[0].capabilities[1].practices[2].level", "-1 is out of range" },
    { "domains[0].capabilities[0].practices[1].text", NULL, "domains[0].capabilities[0].practices[1].text", "required member is missing" },
    { "domains[0].capabilities[0].practices[1].text", "\"\"", "domains[0].capabilities[0].practices[1].text", "must not be empty" },
    { "domains[0].capabilities[0].practices[1].guidance", "5", "domains[0].capabilities[0].practices[1].guidance", "expected a string or an object" },
    { "domains[0].capabilities[0].practices[1].evidence", "{\"fr\": \"Preuve\"}", "domains[0].capabilities[0].practices[1].evidence", "the English (\"en\") text is missing" },
    { "domains[0].capabilities[0].practices[1].weight", "0", "domains[0].capabilities[0].practices[1].weight", "must be greater than 0, found 0" },
    { "domains[0].capabilities[0].practices[1].weight", "\"heavy\"", "domains[0].capabilities[0].practices[1].weight", "expected a number, found a string" },
    { "domains[0].capabilities[0].practices[1].note", "\"x\"", "domains[0].capabilities[0].practices[1].note", "unknown member" },
  };

  run_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_rules_ids (void)
{
  static const Case cases[] = {
    { "domains[1].capabilities[0].practices[2].id", "\"GOV.1.1\"", "domains[1].capabilities[0].practices[2].id",
      "\"GOV.1.1\" is already used at domains[0].capabilities[0].practices[0].id" },
    /* Domains, capabilities and practices share one namespace. */
    { "domains[1].id", "\"GOV.1\"", "domains[1].id", "\"GOV.1\" is already used at domains[0].capabilities[0].id" },
    { "domains[0].capabilities[1].id", "\"GOV\"", "domains[0].capabilities[1].id", "\"GOV\" is already used at domains[0].id" },
    { "domains[1].capabilities[0].practices[0].id", "\"OPS.1\"", "domains[1].capabilities[0].practices[0].id",
      "\"OPS.1\" is already used at domains[1].capabilities[0].id" },
    /* The framework's own id is not an element id. */
  };
  g_autofree char *same_as_framework = variant ("domains[0].id", "\"mini\"", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(MizanFramework) fw = NULL;

  run_cases (cases, G_N_ELEMENTS (cases));

  fw = mizan_framework_new_from_data (same_as_framework, -1, DISPLAY_NAME, &error);
  g_assert_no_error (error);
  g_assert_nonnull (mizan_framework_lookup_domain (fw, "mini"));
}

static void
test_typo_reported_once (void)
{
  g_autofree char *json = variant ("domains[0].title", NULL,
                                   "domains[0].titel", "\"Governance\"", NULL);
  g_autofree char *guidance = variant ("domains[0].capabilities[0].practices[0].guidance", NULL,
                                       "domains[0].capabilities[0].practices[0].guidence", "\"x\"", NULL);

  g_autofree char *domains = variant ("domains", NULL, "domians", "[]", NULL);

  /* Not also "domains[0].title: required member is missing". */
  assert_one_problem (json, "domains[0].titel", "unknown member; did you mean \"title\"?");
  assert_one_problem (guidance, "domains[0].capabilities[0].practices[0].guidence",
                      "unknown member; did you mean \"guidance\"?");
  assert_one_problem (domains, "domians", "unknown member; did you mean \"domains\"?");
}

static void
test_many_problems (void)
{
  g_autofree char *json = variant ("default_target", "9",
                                   "domains[0].weight", "0",
                                   "domains[0].capabilities[0].practices[3].level", "\"high\"",
                                   "domains[1].capabilities[0].title", "{}",
                                   "domains[1].capabilities[0].practices[0].id", "\"GOV.2.1\"",
                                   NULL);
  g_auto(GStrv) lines = load_failing (json, -1, MIZAN_FRAMEWORK_ERROR_INVALID);

  /* Every problem, in file order, not just the first. */
  g_assert_cmpuint (g_strv_length (lines), ==, 5);
  g_assert_true (g_str_has_prefix (lines[0], DISPLAY_NAME ": default_target: "));
  g_assert_true (g_str_has_prefix (lines[1], DISPLAY_NAME ": domains[0].weight: "));
  g_assert_true (g_str_has_prefix (lines[2], DISPLAY_NAME ": domains[0].capabilities[0].practices[3].level: "));
  g_assert_true (g_str_has_prefix (lines[3], DISPLAY_NAME ": domains[1].capabilities[0].title: "));
  g_assert_true (g_str_has_prefix (lines[4], DISPLAY_NAME ": domains[1].capabilities[0].practices[0].id: "
                                   "\"GOV.2.1\" is already used at domains[0].capabilities[1].practices[0].id"));
}

/* The acceptance criterion: five different faults, five lines, each naming the file. */
static void
test_five_faults (void)
{
  g_autofree char *path = data_path ("five-faults.json");
  g_autofree char *prefix = g_strconcat (path, ": ", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(MizanFramework) fw = mizan_framework_new_from_file (path, &error);
  g_auto(GStrv) lines = NULL;
  static const char * const expected[] = {
    "default_target: 5 is out of range",
    "domains[0].capabilities[0].practices[1].id: \"GOV.1.1\" is already used at domains[0].capabilities[0].practices[0].id",
    "domains[0].capabilities[0].practices[2].guidence: unknown member; did you mean \"guidance\"?",
    "domains[1].title: the English (\"en\") text is missing",
    "domains[1].capabilities[0]: no practice at level 3",
  };

  g_assert_null (fw);
  g_assert_error (error, MIZAN_FRAMEWORK_ERROR, MIZAN_FRAMEWORK_ERROR_INVALID);
  lines = g_strsplit (error->message, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 5);
  for (guint i = 0; i < 5; i++)
    {
      g_assert_true (g_str_has_prefix (lines[i], prefix));
      g_assert_true (g_str_has_prefix (lines[i] + strlen (prefix), expected[i]));
    }
}

/* ------------------------------------------------------------------------ */
/* The turn-2 members: rubric, status, profile, applies_if, fully_when,
 * weight_reason, practice references and supersedes. */

#define RUBRIC "{\"fully\": \"Done everywhere, with evidence.\", \"largely\": \"Done with small gaps.\", " \
               "\"partially\": \"Begun.\", \"not\": \"Not done.\", " \
               "\"na\": {\"en\": \"Does not apply here.\", \"fr\": \"Sans objet.\"}}"
#define PROFILE "[{\"id\": \"runs_cert\", \"text\": \"Does the body run a CERT?\"}, " \
                "{\"id\": \"has_ot2\", \"text\": {\"en\": \"Does it run industrial systems?\", " \
                "\"fr\": \"Exploite-t-il des systèmes industriels ?\"}}]"

/* mini.json with every new member; also a seed of the loader's fuzz corpus. */
static MizanFramework *
load_additions (void)
{
  g_autofree char *path = data_path ("additions.json");
  g_autoptr(GError) error = NULL;
  MizanFramework *fw = mizan_framework_new_from_file (path, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (mizan_framework_get_id (fw), ==, "additions");
  return fw;
}

static void
assert_strv (const char * const *actual,
             const char * const *expected)
{
  g_assert_nonnull (actual);
  g_assert_cmpstrv (actual, expected);
}

static void
test_additions_valid (void)
{
  g_autoptr(MizanFramework) fw = load_additions ();
  const MizanProfileQuestion *question;
  MizanCapability *cap;
  MizanPractice *practice;

  g_assert_cmpstr (mizan_text_get (mizan_framework_get_status (fw), "en"), ==, "Draft; not yet validated.");
  g_assert_cmpstr (mizan_text_get (mizan_framework_get_status (fw), "fr"), ==, "Brouillon.");

  g_assert_cmpstr (mizan_text_get (mizan_framework_get_rubric (fw, MIZAN_STATUS_FULLY), "en"), ==,
                   "Done everywhere, with evidence.");
  g_assert_cmpstr (mizan_text_get (mizan_framework_get_rubric (fw, MIZAN_STATUS_LARGELY), "en"), ==,
                   "Done with small gaps.");
  g_assert_cmpstr (mizan_text_get (mizan_framework_get_rubric (fw, MIZAN_STATUS_PARTIALLY), "en"), ==, "Begun.");
  g_assert_cmpstr (mizan_text_get (mizan_framework_get_rubric (fw, MIZAN_STATUS_NOT), "en"), ==, "Not done.");
  g_assert_cmpstr (mizan_text_get (mizan_framework_get_rubric (fw, MIZAN_STATUS_NA), "fr"), ==, "Sans objet.");
  g_assert_null (mizan_framework_get_rubric (fw, MIZAN_STATUS_NONE));

  g_assert_cmpuint (mizan_framework_get_n_profile_questions (fw), ==, 2);
  question = mizan_framework_get_profile_question (fw, 0);
  g_assert_cmpstr (question->id, ==, "runs_cert");
  g_assert_cmpstr (mizan_text_get (question->text, "en"), ==, "Does the body run a CERT?");
  question = mizan_framework_get_profile_question (fw, 1);
  g_assert_cmpstr (question->id, ==, "has_ot2");
  g_assert_cmpstr (mizan_text_get (question->text, "fr"), ==, "Exploite-t-il des systèmes industriels ?");
  g_assert_true (mizan_framework_lookup_profile_question (fw, "has_ot2") == question);
  g_assert_null (mizan_framework_lookup_profile_question (fw, "HAS_OT2"));
  g_assert_null (mizan_framework_lookup_profile_question (fw, NULL));

  g_assert_cmpstr (mizan_framework_get_capability (fw, 2)->applies_if, ==, "runs_cert");
  g_assert_null (mizan_framework_get_capability (fw, 0)->applies_if);
  g_assert_cmpstr (mizan_framework_lookup_practice (fw, "GOV.2.3")->applies_if, ==, "has_ot2");
  g_assert_null (mizan_framework_lookup_practice (fw, "GOV.2.2")->applies_if);

  g_assert_cmpstr (mizan_text_get (mizan_framework_get_domain (fw, 0)->weight_reason, "en"), ==,
                   "Governance steers everything else.");
  g_assert_null (mizan_framework_get_domain (fw, 1)->weight_reason);
  g_assert_cmpstr (mizan_text_get (mizan_framework_get_capability (fw, 1)->weight_reason, "en"), ==,
                   "Policy follows from strategy.");
  g_assert_null (mizan_framework_get_capability (fw, 0)->weight_reason);
  practice = mizan_framework_lookup_practice (fw, "GOV.1.2");
  g_assert_cmpstr (mizan_text_get (practice->weight_reason, "en"), ==, "Ownership decides the rest.");
  g_assert_null (practice->fully_when);
  practice = mizan_framework_lookup_practice (fw, "GOV.1.1");
  g_assert_cmpstr (mizan_text_get (practice->fully_when, "en"), ==, "The strategy is signed and published.");
  g_assert_null (practice->weight_reason);

  /* A practice keeps its own references, an unknown scheme ("cis-v8") included. */
  g_assert_cmpuint (practice->n_references, ==, 2);
  g_assert_cmpstr (practice->references[0].scheme, ==, "nist-csf-2.0");
  assert_strv ((const char * const *) practice->references[0].ids,
               (const char * const[]) { "GV.OC-02", "GV.RM-01", NULL });
  g_assert_cmpstr (practice->references[1].scheme, ==, "cis-v8");
  assert_strv ((const char * const *) practice->references[1].ids, (const char * const[]) { "1.1", NULL });
  g_assert_cmpuint (mizan_framework_lookup_practice (fw, "GOV.1.2")->n_references, ==, 0);

  /* The capability's: its own, then its practices', each scheme once and
   * each id once, in the order first met. */
  cap = mizan_framework_lookup_capability (fw, "GOV.1");
  g_assert_cmpuint (cap->n_references, ==, 3);
  g_assert_cmpstr (cap->references[0].scheme, ==, "nist-csf-2.0");
  assert_strv ((const char * const *) cap->references[0].ids,
               (const char * const[]) { "GV.OC-01", "GV.OC-02", "GV.RM-01", NULL });
  g_assert_cmpstr (cap->references[1].scheme, ==, "iso-27001-2022");
  assert_strv ((const char * const *) cap->references[1].ids, (const char * const[]) { "5.1", "A.5.1", NULL });
  g_assert_cmpstr (cap->references[2].scheme, ==, "cis-v8");
  assert_strv ((const char * const *) cap->references[2].ids, (const char * const[]) { "1.1", NULL });
  /* A capability without references of its own cites its practices'. */
  cap = mizan_framework_lookup_capability (fw, "GOV.2");
  g_assert_cmpuint (cap->n_references, ==, 1);
  g_assert_cmpstr (cap->references[0].scheme, ==, "iso-27001-2022");
  assert_strv ((const char * const *) cap->references[0].ids, (const char * const[]) { "5.2", NULL });
  g_assert_cmpuint (mizan_framework_lookup_capability (fw, "OPS.1")->n_references, ==, 0);

  g_assert_cmpstr (mizan_framework_get_supersedes_version (fw), ==, "0.9.0");
  assert_strv (mizan_framework_get_superseded_ids (fw), (const char * const[]) { "OLD.1", "OLD.2", "OLD.3", NULL });
  assert_strv (mizan_framework_get_successors (fw, "OLD.1"), (const char * const[]) { "GOV.1.1", "GOV.1.2", NULL });
  assert_strv (mizan_framework_get_successors (fw, "OLD.2"), (const char * const[]) { NULL });
  assert_strv (mizan_framework_get_successors (fw, "OLD.3"), (const char * const[]) { "OPS.1.4", NULL });
  /* The map is about the old version's ids, not this one's. */
  g_assert_null (mizan_framework_get_successors (fw, "GOV.1.1"));
  g_assert_null (mizan_framework_get_successors (fw, NULL));
}

/* Every new member is optional: a file without them reads as before. */
static void
test_additions_absent (void)
{
  g_autoptr(MizanFramework) fw = load_mini ();

  g_assert_null (mizan_framework_get_status (fw));
  for (MizanStatus status = MIZAN_STATUS_NONE; status < MIZAN_N_STATUSES; status++)
    g_assert_null (mizan_framework_get_rubric (fw, status));
  g_assert_cmpuint (mizan_framework_get_n_profile_questions (fw), ==, 0);
  g_assert_null (mizan_framework_lookup_profile_question (fw, "runs_cert"));
  g_assert_null (mizan_framework_get_supersedes_version (fw));
  assert_strv (mizan_framework_get_superseded_ids (fw), (const char * const[]) { NULL });
  g_assert_null (mizan_framework_get_successors (fw, "GOV.1.1"));
  for (guint i = 0; i < mizan_framework_get_n_practices (fw); i++)
    {
      MizanPractice *practice = mizan_framework_get_practice (fw, i);

      g_assert_null (practice->fully_when);
      g_assert_null (practice->weight_reason);
      g_assert_null (practice->applies_if);
      g_assert_cmpuint (practice->n_references, ==, 0);
    }
}

static void
test_additions_references (void)
{
  static const Case cases[] = {
    { "domains[0].capabilities[0].practices[3].references", "{\"nist-csf-2.0\": [\"GV.OC-01\", \"GV.XX-99\"]}",
      "domains[0].capabilities[0].practices[3].references[\"nist-csf-2.0\"][1]",
      "NIST CSF 2.0 has no identifier \"GV.XX-99\"" },
    /* Identifiers are exact: no leading "A." is assumed, no case folded. */
    { "domains[0].capabilities[0].references", "{\"iso-27001-2022\": [\"5.1\", \"a.5.1\"]}",
      "domains[0].capabilities[0].references.iso-27001-2022[1]",
      "ISO/IEC 27001:2022 has no identifier \"a.5.1\"" },
    { "domains[1].capabilities[0].practices[0].references", "{\"nist-csf-2.0\": [\"gv.oc-01\"]}",
      "domains[1].capabilities[0].practices[0].references[\"nist-csf-2.0\"][0]",
      "has no identifier \"gv.oc-01\"" },
    { "domains[1].capabilities[0].practices[0].references", "[\"GV.OC-01\"]",
      "domains[1].capabilities[0].practices[0].references", "expected an object, found an array" },
    { "domains[1].capabilities[0].practices[0].references", "{\"nist-csf-2.0\": [\" \"]}",
      "domains[1].capabilities[0].practices[0].references[\"nist-csf-2.0\"][0]", "must not be empty" },
  };
  g_autofree char *other_scheme = variant ("domains[0].capabilities[0].practices[0].references",
                                           "{\"cis-v8\": [\"GV.XX-99\"]}", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(MizanFramework) fw = NULL;

  run_cases (cases, G_N_ELEMENTS (cases));

  /* A scheme Mizan does not ship may cite anything. */
  fw = mizan_framework_new_from_data (other_scheme, -1, DISPLAY_NAME, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mizan_framework_get_practice (fw, 0)->references[0].ids[0], ==, "GV.XX-99");
}

static void
test_additions_profile (void)
{
  static const Case cases[] = {
    { "profile", "[]", "profile", "must list at least one question" },
    { "profile", "{\"runs_cert\": \"Does the body run a CERT?\"}", "profile", "expected an array, found an object" },
    { "profile[1].id", "\"runs_cert\"", "profile[1].id", "\"runs_cert\" is already used at profile[0].id" },
    { "profile[1].id", "\"Has_OT\"", "profile[1].id", "\"Has_OT\" may only contain lowercase letters" },
    { "profile[1].id", "\"has ot\"", "profile[1].id", "may only contain lowercase letters" },
    { "profile[1].id", "\"\"", "profile[1].id", "must not be empty" },
    { "profile[1].id", "7", "profile[1].id", "expected a string, found an integer" },
    { "profile[0].id", NULL, "profile[0].id", "required member is missing" },
    { "profile[0].text", NULL, "profile[0].text", "required member is missing" },
    { "profile[0].text", "{\"fr\": \"CERT ?\"}", "profile[0].text", "the English (\"en\") text is missing" },
    { "profile[0].answer", "true", "profile[0].answer", "unknown member; the members allowed here are id, text" },
    { "domains[1].capabilities[0].applies_if", "\"runs_soc\"", "domains[1].capabilities[0].applies_if",
      "\"runs_soc\" is not a question of the profile; its questions are runs_cert, has_ot2" },
    { "domains[0].capabilities[1].practices[2].applies_if", "\"RUNS_CERT\"",
      "domains[0].capabilities[1].practices[2].applies_if", "\"RUNS_CERT\" is not a question of the profile" },
    { "domains[0].capabilities[1].practices[2].applies_if", "[\"runs_cert\"]",
      "domains[0].capabilities[1].practices[2].applies_if", "expected a string, found an array" },
  };
  g_autofree char *no_profile = variant ("domains[1].capabilities[0].applies_if", "\"runs_cert\"", NULL);
  /* A broken question is reported once, not again by each applies_if naming it. */
  g_autofree char *broken_question = variant ("profile", PROFILE, "profile[0].id", "\"Runs-CERT\"",
                                              "domains[1].capabilities[0].applies_if", "\"runs_cert\"", NULL);

  /* On top of a profile, so that applies_if has questions to name. */
  run_cases_on ("profile", PROFILE, cases, G_N_ELEMENTS (cases));
  assert_one_problem (no_profile, "domains[1].capabilities[0].applies_if",
                      "\"runs_cert\" names no question: this framework has no \"profile\"");
  assert_one_problem (broken_question, "profile[0].id", "may only contain lowercase letters");
}

static void
test_additions_rubric_status (void)
{
  static const Case cases[] = {
    { "rubric", "\"Fully means fully.\"", "rubric", "expected an object, found a string" },
    { "rubric.na", NULL, "rubric.na", "required member is missing" },
    { "rubric.fully", NULL, "rubric.fully", "required member is missing" },
    { "rubric.mostly", "\"Most of it.\"", "rubric.mostly",
      "unknown member; the members allowed here are fully, largely, partially, not, na" },
    { "rubric.partially", "\"\"", "rubric.partially", "must not be empty" },
    { "rubric.not", "{\"fr\": \"Non.\"}", "rubric.not", "the English (\"en\") text is missing" },
    { "status", "\"\"", "status", "must not be empty" },
    { "status", "true", "status", "expected a string or an object of translations" },
    { "domains[0].weight_reason", "\" \"", "domains[0].weight_reason", "must not be empty" },
    { "domains[0].capabilities[0].weight_reason", "2", "domains[0].capabilities[0].weight_reason",
      "expected a string or an object" },
    { "domains[0].capabilities[0].practices[1].weight_reason", "{\"ar\": \"سبب\"}",
      "domains[0].capabilities[0].practices[1].weight_reason", "the English (\"en\") text is missing" },
    { "domains[0].capabilities[0].practices[1].fully_when", "[]",
      "domains[0].capabilities[0].practices[1].fully_when", "expected a string or an object" },
  };
  /* A misspelt status is one problem, not also a missing one. */
  g_autofree char *typo = variant ("rubric", RUBRIC, "rubric.largely", NULL, "rubric.larjely", "\"Mostly.\"", NULL);
  g_autofree char *domain_fully_when = variant ("domains[0].fully_when", "\"x\"", NULL);

  run_cases_on ("rubric", RUBRIC, cases, G_N_ELEMENTS (cases));
  assert_one_problem (typo, "rubric.larjely", "unknown member; did you mean \"largely\"?");
  /* fully_when belongs to practices only. */
  assert_one_problem (domain_fully_when, "domains[0].fully_when", "unknown member");
}

static void
test_additions_supersedes (void)
{
  /* Each a whole "supersedes": the map's keys have dots, which variant() would take for a path. */
  static const Case cases[] = {
    { "supersedes", "{\"version\": \"0.9.0\", \"map\": {\"OLD.1\": [\"GOV.1.1\", \"GOV.9.9\"]}}",
      "supersedes.map[\"OLD.1\"][1]", "\"GOV.9.9\" is not a practice of this version" },
    { "supersedes", "{\"version\": \"0.9.0\", \"map\": {\"OLD.1\": [\"GOV.1\"]}}",
      "supersedes.map[\"OLD.1\"][0]", "\"GOV.1\" is a capability; the map leads to practices of this version" },
    { "supersedes", "{\"version\": \"0.9.0\", \"map\": {\"OLD.1\": [\"OPS\"]}}",
      "supersedes.map[\"OLD.1\"][0]", "\"OPS\" is a domain; the map leads to practices of this version" },
    { "supersedes", "{\"version\": \"0.9.0\", \"map\": {\"OLD.1\": [\"GOV.1.1\", \"GOV.1.1\"]}}",
      "supersedes.map[\"OLD.1\"][1]", "\"GOV.1.1\" is listed twice" },
    { "supersedes", "{\"version\": \"0.9.0\", \"map\": {\"OLD.1\": \"GOV.1.1\"}}",
      "supersedes.map[\"OLD.1\"]", "expected an array of practice ids ([] when none succeeds it), found a string" },
    { "supersedes", "{\"version\": \"0.9.0\", \"map\": {\"OLD.1\": [3]}}",
      "supersedes.map[\"OLD.1\"][0]", "expected a string, found an integer" },
    { "supersedes", "{\"version\": \"0.9.0\", \"map\": {\"OLD 1\": []}}",
      "supersedes.map[\"OLD 1\"]", "\"OLD 1\" is not a practice id" },
    { "supersedes", "{\"version\": \"1.0.0\", \"map\": {}}", "supersedes.version",
      "\"1.0.0\" is this file's own version" },
    { "supersedes", "{\"version\": 1, \"map\": {}}", "supersedes.version", "expected a string, found an integer" },
    { "supersedes", "{\"version\": \"\", \"map\": {}}", "supersedes.version", "must not be empty" },
    { "supersedes", "{\"map\": {}}", "supersedes.version", "required member is missing" },
    { "supersedes", "{\"version\": \"0.9.0\"}", "supersedes.map", "required member is missing" },
    { "supersedes", "{\"version\": \"0.9.0\", \"map\": []}", "supersedes.map", "expected an object, found an array" },
    { "supersedes", "{\"version\": \"0.9.0\", \"map\": {}, \"date\": \"2025\"}", "supersedes.date",
      "unknown member; the members allowed here are version, map" },
    { "supersedes", "\"0.9.0\"", "supersedes", "expected an object, found a string" },
  };

  run_cases (cases, G_N_ELEMENTS (cases));
}

/* New rules report with the old ones, every problem at once. */
static void
test_additions_many_problems (void)
{
  g_autofree char *json = variant ("profile", PROFILE,
                                   "rubric", "{\"fully\": \"F\", \"largely\": \"L\", \"partially\": \"P\", \"not\": \"N\"}",
                                   "supersedes", "{\"version\": \"0.9.0\", \"map\": {\"OLD.1\": [\"NEW.1\"]}}",
                                   "domains[0].weight", "0",
                                   "domains[0].capabilities[0].practices[3].references", "{\"nist-csf-2.0\": [\"GV.XX-99\"]}",
                                   "domains[1].capabilities[0].applies_if", "\"runs_soc\"",
                                   NULL);
  g_auto(GStrv) lines = load_failing (json, -1, MIZAN_FRAMEWORK_ERROR_INVALID);

  g_assert_cmpuint (g_strv_length (lines), ==, 5);
  g_assert_true (g_str_has_prefix (lines[0], DISPLAY_NAME ": rubric.na: required member is missing"));
  g_assert_true (g_str_has_prefix (lines[1], DISPLAY_NAME ": domains[0].weight: "));
  g_assert_true (g_str_has_prefix (lines[2], DISPLAY_NAME ": domains[0].capabilities[0].practices[3]"
                                   ".references[\"nist-csf-2.0\"][0]: "));
  g_assert_true (g_str_has_prefix (lines[3], DISPLAY_NAME ": domains[1].capabilities[0].applies_if: "));
  g_assert_true (g_str_has_prefix (lines[4], DISPLAY_NAME ": supersedes.map[\"OLD.1\"][0]: "));
}

static char *
references_path (const char *scheme)
{
  g_autofree char *file = g_strconcat (scheme, ".json", NULL);
  g_autofree char *dir = mizan_catalog_get_references_dir ();

  return g_build_filename (dir, file, NULL);
}

/* The identifiers of a shipped scheme are the data file's, in its order. */
static void
test_references_schemes (void)
{
  static const char * const schemes[] = { "nist-csf-2.0", "iso-27001-2022" };

  for (guint s = 0; s < G_N_ELEMENTS (schemes); s++)
    {
      g_autofree char *path = references_path (schemes[s]);
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;
      const MizanReferenceScheme *scheme = mizan_references_lookup_scheme (schemes[s]);
      const char * const *ids;
      JsonObject *root;
      JsonArray *entries;

      json_parser_load_from_file (parser, path, &error);
      g_assert_no_error (error);
      root = json_node_get_object (json_parser_get_root (parser));
      entries = json_object_get_array_member (root, "entries");

      g_assert_nonnull (scheme);
      g_assert_cmpstr (mizan_reference_scheme_get_title (scheme), ==, json_object_get_string_member (root, "title"));
      ids = mizan_reference_scheme_get_ids (scheme);
      g_assert_cmpuint (g_strv_length ((char **) ids), ==, json_array_get_length (entries));
      g_assert_cmpuint (json_array_get_length (entries), >, 50);
      for (guint i = 0; i < json_array_get_length (entries); i++)
        {
          JsonObject *entry = json_array_get_object_element (entries, i);

          g_assert_cmpstr (ids[i], ==, json_object_get_string_member (entry, "id"));
          g_assert_cmpstr (mizan_reference_scheme_lookup (scheme, ids[i]), ==,
                           json_object_get_string_member (entry, "title"));
        }
      g_assert_null (mizan_reference_scheme_lookup (scheme, "no such control"));
      g_assert_null (mizan_reference_scheme_lookup (scheme, NULL));
    }

  g_assert_nonnull (mizan_reference_scheme_lookup (mizan_references_lookup_scheme ("nist-csf-2.0"), "GV.OC-01"));
  g_assert_nonnull (mizan_reference_scheme_lookup (mizan_references_lookup_scheme ("iso-27001-2022"), "A.5.1"));
  g_assert_null (mizan_references_lookup_scheme ("cis-v8"));
  g_assert_null (mizan_references_lookup_scheme ("nist-csf-2"));
}

static void
test_references_format (void)
{
  g_autoptr(MizanFramework) fw = load_additions ();
  MizanCapability *cap = mizan_framework_lookup_capability (fw, "GOV.1");
  g_autofree char *line = mizan_references_format (cap->references, cap->n_references);
  g_autofree char *none = mizan_references_format (NULL, 0);
  g_autofree char *expected = g_strdup_printf ("\u2068%s: GV.OC-01, GV.OC-02, GV.RM-01\u2069; "
                                               "\u2068%s: 5.1, A.5.1\u2069; \u2068cis-v8: 1.1\u2069",
                                               mizan_reference_scheme_get_title (mizan_references_lookup_scheme ("nist-csf-2.0")),
                                               mizan_reference_scheme_get_title (mizan_references_lookup_scheme ("iso-27001-2022")));

  g_assert_cmpstr (line, ==, expected);
  g_assert_null (none);
}

static gpointer
lookup_nist (gpointer data)
{
  return (gpointer) mizan_references_lookup_scheme ("nist-csf-2.0");
}

/* The first lookups may come from several threads at once (the server's workers). */
static void
test_references_threads (void)
{
  if (g_test_subprocess ())
    {
      GThread *threads[4];
      gpointer found[4];

      for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
        threads[i] = g_thread_new ("lookup", lookup_nist, NULL);
      for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
        found[i] = g_thread_join (threads[i]);
      for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
        {
          g_assert_nonnull (found[i]);
          g_assert_true (found[i] == found[0]);
        }
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

/* ------------------------------------------------------------------------ */

static void
test_syntax_positions (void)
{
  /* Columns count characters, not bytes: Arabic takes two bytes a letter. */
  assert_syntax_error ("{\n  \"a\": 1,\n  \"b\": [1, 2,, 3]\n}", -1, "3:14",
                       "expected a value (a string, number, object, array, true, false or null), found \",\"");
  assert_syntax_error ("{\"title\": \"ميزان\" \"x\": 1}", -1, "1:19",
                       "expected \",\" or \"}\" after the value of \"title\", found a string; is a comma missing?");
  assert_syntax_error ("{\n  \"a\": 1\n", -1, "3:1", "found the end of the file");
  assert_syntax_error ("[1, 2,]", -1, "1:7", "remove the comma after the last element");
  assert_syntax_error ("{\"a\": 1,\n}", -1, "2:1", "remove the comma after the last member");
  assert_syntax_error ("{\"a\" 1}", -1, "1:6", "expected \":\" after the member name \"a\", found \"1\"");
  assert_syntax_error ("{\"a\": \"abc", -1, "1:7", "string not closed before the end of the file");
  assert_syntax_error ("{\"a\": \"abc\n\"}", -1, "1:7", "string not closed on its line");
  assert_syntax_error ("{\"a\": \"x\ty\"}", -1, "1:9", "control character U+0009");
  assert_syntax_error ("{\"a\": \"\\q\"}", -1, "1:8", "invalid escape \"\\q\"");
  assert_syntax_error ("{\"a\": \"\\u12\"}", -1, "1:8", "four hexadecimal digits");
  assert_syntax_error ("{\"a\": \"x\\u0000y\"}", -1, "1:9", "NUL character");
  assert_syntax_error ("{\"a\": \"\\ud800\"}", -1, "1:8", "surrogate pair that is not completed");
  assert_syntax_error ("{\"a\": \"\\udc00\"}", -1, "1:8", "second half of a surrogate pair");
  assert_syntax_error ("{\"a\": tru}", -1, "1:7", "found \"tru\"");
  assert_syntax_error ("{\"a\": True}", -1, "1:7", "found \"True\"");
  assert_syntax_error ("{'a': 1}", -1, "1:2", "expected a member name in double quotes, found \"'\"");
  assert_syntax_error ("{\"a\": 'x'}", -1, "1:7", "strings must be in double quotes");
  assert_syntax_error ("{\n  // a comment\n  \"a\": 1}", -1, "2:3", "JSON has no comments");
  assert_syntax_error ("{\"a\": 1 /* x */}", -1, "1:9", "JSON has no comments");
  assert_syntax_error ("{\"a\": 01}", -1, "1:7", "must not start with 0");
  assert_syntax_error ("{\"a\": -}", -1, "1:8", "expected a digit after \"-\"");
  assert_syntax_error ("{\"a\": 1.}", -1, "1:9", "expected a digit after the decimal point");
  assert_syntax_error ("{\"a\": 1e}", -1, "1:9", "expected a digit in the exponent");
  assert_syntax_error ("{\"a\": 99999999999999999999}", -1, "1:7", "the number 99999999999999999999 is too large");
  assert_syntax_error ("{\"a\": 1e400}", -1, "1:7", "the number 1e400 is too large");
  assert_syntax_error ("", -1, "1:1", "the file is empty");
  assert_syntax_error ("  \n  ", -1, "2:3", "the file is empty");
  assert_syntax_error ("{} x", -1, "1:4", "unexpected \"x\" after the end of the JSON data");
  assert_syntax_error ("{}\n{}", -1, "2:1", "after the end of the JSON data");
}

static void
test_syntax_encoding (void)
{
  static const char nul[] = "{\"a\": 1}\0garbage";

  assert_syntax_error ("{\n  \"title\": \"ab\xff\"\n}", -1, "2:15", "invalid UTF-8 (byte 0xFF)");
  assert_syntax_error ("{\"t\": \"مي\xd8\"}", -1, "1:10", "invalid UTF-8 (byte 0xD8)");
  /* Latin-1, as an old editor might save it. */
  assert_syntax_error ("{\"title\": \"Caf\xe9\"}", -1, "1:15", "save the file as UTF-8");
  assert_syntax_error (nul, sizeof nul - 1, "1:9", "a NUL byte");
}

static void
test_syntax_deep_nesting (void)
{
  g_autoptr(GString) arrays = g_string_new (NULL);
  g_autoptr(GString) objects = g_string_new (NULL);
  g_autoptr(GString) shallow = g_string_new (NULL);
  g_autofree char *json = NULL;

  /* Deep enough to overflow any recursive parser's stack. */
  for (guint i = 0; i < 200000; i++)
    g_string_append_c (arrays, '[');
  assert_syntax_error (arrays->str, -1, "1:65", "nested more than 64 levels deep");

  for (guint i = 0; i < 100000; i++)
    g_string_append (objects, "{\"a\":");
  assert_syntax_error (objects->str, -1, "1:321", "nested more than 64 levels deep");

  /* Nesting within the limit is parsed and then judged like anything else. */
  for (guint i = 0; i < 60; i++)
    g_string_append_c (shallow, '[');
  for (guint i = 0; i < 60; i++)
    g_string_append_c (shallow, ']');
  json = variant ("extra", shallow->str, NULL);
  assert_one_problem (json, "extra", "unknown member");
}

static void
test_repeated_member (void)
{
  g_autofree char *base = read_data ("mini.json");
  g_autoptr(GString) json = g_string_new (base);
  g_auto(GStrv) lines = NULL;
  const char *at = strstr (json->str, "\"version\": \"1.0.0\",");
  guint line = 1;

  g_assert_nonnull (at);
  for (const char *p = json->str; p < at; p++)
    line += *p == '\n';
  g_string_insert (json, at - json->str, "\"version\": \"2.0.0\", ");

  /* Valid JSON, but one of the two would be silently lost. */
  lines = load_failing (json->str, -1, MIZAN_FRAMEWORK_ERROR_INVALID);
  g_assert_cmpuint (g_strv_length (lines), ==, 1);
  {
    g_autofree char *expected = g_strdup_printf (DISPLAY_NAME ":%u:23: member \"version\" appears more "
                                                 "than once in this object", line);
    g_assert_cmpstr (lines[0], ==, expected);
  }
}

/* ------------------------------------------------------------------------ */

static void
test_file_too_large (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "huge.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(MizanFramework) fw = NULL;

  /* Sparse: the disk and memory never hold 16 MiB. */
  g_file_set_contents (path, "{}", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (truncate (path, MIZAN_FRAMEWORK_MAX_FILE_SIZE + 1), ==, 0);

  fw = mizan_framework_new_from_file (path, &error);
  g_assert_null (fw);
  g_assert_error (error, MIZAN_FRAMEWORK_ERROR, MIZAN_FRAMEWORK_ERROR_TOO_LARGE);
  g_assert_true (g_str_has_prefix (error->message, path));
  g_assert_nonnull (strstr (error->message, "16777217 bytes"));
  g_assert_nonnull (strstr (error->message, "MiB (16777216 bytes)"));
  g_assert_null (strchr (error->message, '\n'));
  g_clear_error (&error);

  /* Exactly the limit is read (and found not to be JSON). */
  g_assert_cmpint (truncate (path, MIZAN_FRAMEWORK_MAX_FILE_SIZE), ==, 0);
  fw = mizan_framework_new_from_file (path, &error);
  g_assert_null (fw);
  g_assert_error (error, MIZAN_FRAMEWORK_ERROR, MIZAN_FRAMEWORK_ERROR_SYNTAX);
  g_assert_nonnull (strstr (error->message, ":1:3: a NUL byte"));

  g_assert_cmpint (g_unlink (path), ==, 0);
}

static void
test_file_errors (void)
{
  g_autofree char *missing = g_build_filename (tmp_dir, "missing.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(MizanFramework) fw = NULL;

  fw = mizan_framework_new_from_file (missing, &error);
  g_assert_null (fw);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_true (g_str_has_prefix (error->message, missing));
  g_clear_error (&error);

  fw = mizan_framework_new_from_file (tmp_dir, &error);
  g_assert_null (fw);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_ISDIR);
}

/* ------------------------------------------------------------------------ */

/* @n_domains × @n_capabilities × @n_practices practices over 5 levels, in three languages. */
static char *
generate_framework (guint n_domains,
                    guint n_capabilities,
                    guint n_practices)
{
  GString *json = g_string_new ("{\"format\": \"mizan-framework\", \"format_version\": 1, \"id\": \"big\", "
                                "\"version\": \"1.0.0\", \"title\": \"Big\", \"default_target\": 3, \"levels\": [");

  for (guint l = 1; l <= 5; l++)
    g_string_append_printf (json, "%s{\"level\": %u, \"name\": {\"en\": \"Level %u\", \"fr\": \"Niveau %u\"}}",
                            l > 1 ? "," : "", l, l, l);
  g_string_append (json, "],\n\"domains\": [");
  for (guint d = 0; d < n_domains; d++)
    {
      g_string_append_printf (json, "%s\n{\"id\": \"D%u\", \"title\": {\"en\": \"Domain %u\", \"ar\": \"مجال\"}, "
                              "\"weight\": 2, \"capabilities\": [", d > 0 ? "," : "", d, d);
      for (guint c = 0; c < n_capabilities; c++)
        {
          g_string_append_printf (json, "%s\n {\"id\": \"D%u.%u\", \"title\": \"Capability %u\", "
                                  "\"references\": {\"nist-csf-2.0\": [\"GV.OC-01\"]}, \"practices\": [",
                                  c > 0 ? "," : "", d, c, c);
          for (guint p = 0; p < n_practices; p++)
            g_string_append_printf (json, "%s\n  {\"id\": \"D%u.%u.%u\", \"level\": %u, "
                                    "\"text\": {\"en\": \"Practice D%u.%u.%u is carried out and recorded.\", "
                                    "\"ar\": \"يتم تنفيذ الممارسة وتسجيلها\", \"fr\": \"La pratique est appliquée.\"}, "
                                    "\"guidance\": {\"en\": \"Do it properly and write it down.\", \"fr\": \"Faites-le.\"}, "
                                    "\"evidence\": \"A record.\", \"weight\": 1.5}",
                                    p > 0 ? "," : "", d, c, p, p % 5 + 1, d, c, p);
          g_string_append (json, "]}");
        }
      g_string_append (json, "]}");
    }
  g_string_append (json, "]}\n");
  return g_string_free (json, FALSE);
}

/* Speed is measured by tests/bench/bench-core; here, that big files load whole. */
static void
test_load_large (void)
{
  g_autofree char *big = generate_framework (10, 100, 10);
  g_autoptr(GError) error = NULL;
  g_autoptr(MizanFramework) fw = mizan_framework_new_from_data (big, -1, "generated", &error);

  g_assert_no_error (error);
  g_assert_cmpuint (mizan_framework_get_n_practices (fw), ==, 10000);
  g_assert_cmpuint (mizan_framework_get_n_capabilities (fw), ==, 1000);
  g_assert_true (mizan_framework_lookup_practice (fw, "D9.99.9") ==
                 mizan_framework_get_practice (fw, 9999));
}

/* A hostile file with one text in 60,000 languages loads whole (bench-core times such loads). */
static void
test_load_many_languages (void)
{
  g_autoptr(GString) title = g_string_new ("{\"en\": \"Title\"");
  g_autofree char *json = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MizanFramework) fw = NULL;

  for (guint i = 0; i < 60000; i++)
    g_string_append_printf (title, ", \"%c%c_%02u\": \"t\"", 'a' + i / 100 / 26 % 26, 'a' + i / 100 % 26, i % 100);
  g_string_append (title, "}");
  json = variant ("title", title->str, NULL);

  fw = mizan_framework_new_from_data (json, -1, DISPLAY_NAME, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (mizan_text_get_n_langs (mizan_framework_get_title (fw)), ==, 60001);
  g_assert_cmpstr (mizan_text_get (mizan_framework_get_title (fw), "ab_99"), ==, "t");
}

/* ------------------------------------------------------------------------ */
/* Catalog */

static void
write_file (const char *dir,
            const char *name,
            const char *contents)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);
        remove_tree (child);
      }
  g_remove (path);
}

static gboolean
has_warning (MizanCatalog *catalog,
             const char   *start,
             const char   *contains)
{
  GPtrArray *warnings = mizan_catalog_get_warnings (catalog);

  for (guint i = 0; i < warnings->len; i++)
    {
      const char *warning = g_ptr_array_index (warnings, i);

      if (g_str_has_prefix (warning, start) && strstr (warning, contains) != NULL)
        return TRUE;
    }
  return FALSE;
}

static void
test_catalog_dirs (void)
{
  g_autofree char *saved = g_strdup (g_getenv ("MIZAN_FRAMEWORKS_DIR"));
  g_autofree char *user_dir = mizan_catalog_get_user_dir ();
  g_autofree char *expected_user = g_build_filename (tmp_dir, "data", "mizan", "frameworks", NULL);
  g_autofree char *references = NULL;

  g_setenv ("MIZAN_FRAMEWORKS_DIR", "/somewhere/frameworks", TRUE);
  g_assert_cmpstr (mizan_catalog_get_builtin_dir (), ==, "/somewhere/frameworks");
  references = mizan_catalog_get_references_dir ();
  g_assert_cmpstr (references, ==, "/somewhere/references");
  g_unsetenv ("MIZAN_FRAMEWORKS_DIR");
  g_assert_cmpstr (mizan_catalog_get_builtin_dir (), ==, MIZAN_FRAMEWORKS_DIR);
  g_setenv ("MIZAN_FRAMEWORKS_DIR", "", TRUE);
  g_assert_cmpstr (mizan_catalog_get_builtin_dir (), ==, MIZAN_FRAMEWORKS_DIR);
  if (saved != NULL)
    g_setenv ("MIZAN_FRAMEWORKS_DIR", saved, TRUE);

  g_assert_cmpstr (user_dir, ==, expected_user);
}

static void
test_catalog_default (void)
{
  g_autofree char *saved = g_strdup (g_getenv ("MIZAN_FRAMEWORKS_DIR"));
  g_autofree char *builtin = g_build_filename (tmp_dir, "builtin", NULL);
  g_autofree char *user = mizan_catalog_get_user_dir ();
  g_autofree char *mini = read_data ("mini.json");
  g_autofree char *five = read_data ("five-faults.json");
  g_autofree char *v1_9 = variant ("version", "\"1.9.0\"", NULL);
  g_autofree char *v1_10 = variant ("version", "\"1.10.0\"", "title", "\"Newest\"", NULL);
  g_autofree char *copy = variant ("title", "\"An impostor\"", NULL);
  g_autofree char *other = variant ("id", "\"alpha\"", NULL);
  g_autofree char *builtin_mini = g_build_filename (builtin, "mini.json", NULL);
  g_autofree char *user_copy = g_build_filename (user, "mini-copy.json", NULL);
  g_autofree char *broken = g_build_filename (builtin, "broken.json", NULL);
  g_autofree char *faulty = g_build_filename (user, "faulty.json", NULL);
  g_autoptr(MizanCatalog) catalog = NULL;
  GPtrArray *frameworks;
  MizanFramework *fw;

  write_file (builtin, "mini.json", mini);
  write_file (builtin, "broken.json", "{\"format\": \"mizan-framework\",,}");
  write_file (builtin, "notes.txt", "not a framework");
  write_file (user, "mini-copy.json", copy);
  write_file (user, "mini-1.9.json", v1_9);
  write_file (user, "mini-1.10.json", v1_10);
  write_file (user, "alpha.json", other);
  write_file (user, "faulty.json", five);
  g_assert_cmpint (g_mkdir_with_parents (user, 0700), ==, 0);
  {
    g_autofree char *dir_json = g_build_filename (user, "dir.json", NULL);
    g_assert_cmpint (g_mkdir (dir_json, 0700), ==, 0);
  }

  g_setenv ("MIZAN_FRAMEWORKS_DIR", builtin, TRUE);
  catalog = mizan_catalog_new_default ();
  if (saved != NULL)
    g_setenv ("MIZAN_FRAMEWORKS_DIR", saved, TRUE);

  /* Sorted by id, then by version as numbers: 1.10.0 after 1.9.0. */
  frameworks = mizan_catalog_get_frameworks (catalog);
  g_assert_cmpuint (frameworks->len, ==, 4);
  g_assert_cmpstr (mizan_framework_get_id (g_ptr_array_index (frameworks, 0)), ==, "alpha");
  g_assert_cmpstr (mizan_framework_get_version (g_ptr_array_index (frameworks, 1)), ==, "1.0.0");
  g_assert_cmpstr (mizan_framework_get_version (g_ptr_array_index (frameworks, 2)), ==, "1.9.0");
  g_assert_cmpstr (mizan_framework_get_version (g_ptr_array_index (frameworks, 3)), ==, "1.10.0");

  fw = mizan_catalog_lookup (catalog, "mini", NULL);
  g_assert_nonnull (fw);
  g_assert_cmpstr (mizan_framework_get_version (fw), ==, "1.10.0");
  g_assert_cmpstr (mizan_text_get (mizan_framework_get_title (fw), "en"), ==, "Newest");

  /* The user's copy of a built-in version does not replace it. */
  fw = mizan_catalog_lookup (catalog, "mini", "1.0.0");
  g_assert_nonnull (fw);
  g_assert_cmpstr (mizan_framework_get_path (fw), ==, builtin_mini);
  g_assert_cmpstr (mizan_text_get (mizan_framework_get_title (fw), "en"), ==, "Mini maturity model");
  g_assert_true (has_warning (catalog, user_copy, builtin_mini));

  g_assert_null (mizan_catalog_lookup (catalog, "mini", "2.0.0"));
  g_assert_null (mizan_catalog_lookup (catalog, "nothing", NULL));

  /* Broken files are skipped, each problem kept as its own warning. */
  g_assert_true (has_warning (catalog, broken, ":1:30: expected a member name"));
  g_assert_true (has_warning (catalog, faulty, "default_target: 5 is out of range"));
  g_assert_true (has_warning (catalog, faulty, "domains[1].capabilities[0]: no practice at level 3"));
  g_assert_cmpuint (mizan_catalog_get_warnings (catalog)->len, ==, 1 + 1 + 5);

  remove_tree (builtin);
  remove_tree (user);
}

static void
test_catalog_add (void)
{
  g_autoptr(MizanCatalog) catalog = mizan_catalog_new ();
  g_autofree char *json = read_data ("mini.json");
  g_autoptr(MizanFramework) first = mizan_framework_new_from_data (json, -1, "first", NULL);
  g_autoptr(MizanFramework) second = mizan_framework_new_from_data (json, -1, "second", NULL);
  g_autofree char *missing = g_build_filename (tmp_dir, "no-such-dir", NULL);

  g_assert_nonnull (first);
  g_assert_nonnull (second);
  g_assert_cmpuint (mizan_catalog_get_frameworks (catalog)->len, ==, 0);

  mizan_catalog_add (catalog, first);
  mizan_catalog_add (catalog, second);
  g_assert_cmpuint (mizan_catalog_get_frameworks (catalog)->len, ==, 1);
  g_assert_true (mizan_catalog_lookup (catalog, "mini", NULL) == first);
  g_assert_cmpuint (mizan_catalog_get_warnings (catalog)->len, ==, 1);
  g_assert_true (has_warning (catalog, "mini", "already loaded"));

  /* A missing directory is simply empty. */
  mizan_catalog_add_directory (catalog, missing);
  g_assert_cmpuint (mizan_catalog_get_warnings (catalog)->len, ==, 1);
}

static void
test_catalog_versions (void)
{
  static const char * const versions[] = { "2", "1.10.0", "1.9.0", "1.9", "1.0.10", "1.0.9", "1.00.2", "10.0" };
  static const char * const sorted[] = { "1.00.2", "1.0.9", "1.0.10", "1.9", "1.9.0", "1.10.0", "2", "10.0" };
  g_autoptr(MizanCatalog) catalog = mizan_catalog_new ();
  GPtrArray *frameworks;

  for (guint i = 0; i < G_N_ELEMENTS (versions); i++)
    {
      g_autofree char *version = g_strdup_printf ("\"%s\"", versions[i]);
      g_autofree char *json = variant ("version", version, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(MizanFramework) fw = mizan_framework_new_from_data (json, -1, versions[i], &error);

      g_assert_no_error (error);
      mizan_catalog_add (catalog, fw);
    }

  frameworks = mizan_catalog_get_frameworks (catalog);
  g_assert_cmpuint (frameworks->len, ==, G_N_ELEMENTS (sorted));
  for (guint i = 0; i < G_N_ELEMENTS (sorted); i++)
    g_assert_cmpstr (mizan_framework_get_version (g_ptr_array_index (frameworks, i)), ==, sorted[i]);
  g_assert_cmpstr (mizan_framework_get_version (mizan_catalog_lookup (catalog, "mini", NULL)), ==, "10.0");
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_home = NULL;
  int result;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  /* Before anything asks GLib for the user data directory, which it caches. */
  tmp_dir = g_dir_make_tmp ("mizan-test-framework-XXXXXX", &error);
  g_assert_no_error (error);
  data_home = g_build_filename (tmp_dir, "data", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  g_test_add_func ("/framework/valid/model", test_valid_model);
  g_test_add_func ("/framework/valid/lookups", test_valid_lookups);
  g_test_add_func ("/framework/valid/from-data", test_valid_from_data);
  g_test_add_func ("/framework/valid/localized", test_localized_title);
  g_test_add_func ("/framework/rules/root", test_rules_root);
  g_test_add_func ("/framework/rules/text", test_rules_text);
  g_test_add_func ("/framework/rules/levels", test_rules_levels);
  g_test_add_func ("/framework/rules/domains", test_rules_domains);
  g_test_add_func ("/framework/rules/capabilities", test_rules_capabilities);
  g_test_add_func ("/framework/rules/practices", test_rules_practices);
  g_test_add_func ("/framework/rules/ids", test_rules_ids);
  g_test_add_func ("/framework/rules/typo-once", test_typo_reported_once);
  g_test_add_func ("/framework/rules/many-problems", test_many_problems);
  g_test_add_func ("/framework/rules/five-faults", test_five_faults);
  g_test_add_func ("/framework/additions/valid", test_additions_valid);
  g_test_add_func ("/framework/additions/absent", test_additions_absent);
  g_test_add_func ("/framework/additions/references", test_additions_references);
  g_test_add_func ("/framework/additions/profile", test_additions_profile);
  g_test_add_func ("/framework/additions/rubric-status", test_additions_rubric_status);
  g_test_add_func ("/framework/additions/supersedes", test_additions_supersedes);
  g_test_add_func ("/framework/additions/many-problems", test_additions_many_problems);
  g_test_add_func ("/references/schemes", test_references_schemes);
  g_test_add_func ("/references/format", test_references_format);
  g_test_add_func ("/references/threads", test_references_threads);
  g_test_add_func ("/framework/syntax/positions", test_syntax_positions);
  g_test_add_func ("/framework/syntax/encoding", test_syntax_encoding);
  g_test_add_func ("/framework/syntax/deep-nesting", test_syntax_deep_nesting);
  g_test_add_func ("/framework/syntax/repeated-member", test_repeated_member);
  g_test_add_func ("/framework/file/too-large", test_file_too_large);
  g_test_add_func ("/framework/file/errors", test_file_errors);
  g_test_add_func ("/framework/large", test_load_large);
  g_test_add_func ("/framework/many-languages", test_load_many_languages);
  g_test_add_func ("/catalog/dirs", test_catalog_dirs);
  g_test_add_func ("/catalog/default", test_catalog_default);
  g_test_add_func ("/catalog/add", test_catalog_add);
  g_test_add_func ("/catalog/versions", test_catalog_versions);

  result = g_test_run ();

  remove_tree (tmp_dir);
  g_free (tmp_dir);
  return result;
}
