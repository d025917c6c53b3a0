/* test-server-validate.c — what mizan-server accepts as a mizan-submission/1 body
 * One valid body, then one fault at a time: each is refused with the right code and the JSON path of the fault. */

#include "config.h"

#include <math.h>
#include <string.h>

#include "mizan-server-validate.h"

#define EPS 1e-12
/* 2026-11-28T12:00:00Z: periods up to 2026-Q4 are not in the future. */
#define NOW 1795867200

/* tests/data/frameworks/mini.json: GOV (weight 2) = GOV.1 (1) + GOV.2 (0.5);
 * OPS (1) = OPS.1 (3); three levels. */
static const char valid[] =
  "{\"schema\":\"mizan-submission/1\","
  "\"submission_id\":\"0F8FAD5B-D9CB-469F-A165-70867728950E\","
  "\"framework\":{\"id\":\"mini\",\"version\":\"1.0.0\"},"
  "\"country\":\"PAK\",\"sector\":\"government\",\"size\":\"large\",\"period\":\"2026-Q3\","
  "\"domains\":[{\"id\":\"GOV\",\"level\":1,\"index\":1.6666666666666667,\"score\":0.7},"
               "{\"id\":\"OPS\",\"level\":3,\"index\":3,\"score\":1.0}],"
  "\"capabilities\":[{\"id\":\"GOV.1\",\"level\":2,\"score\":0.8},"
                    "{\"id\":\"GOV.2\",\"level\":1,\"score\":0.5},"
                    "{\"id\":\"OPS.1\",\"level\":3,\"score\":1}]}";

static const char * const countries[] = { "PAK", "SAU", "TUR", NULL };

static MizanCatalog *
make_catalog (void)
{
  g_autofree char *dir = g_build_filename (g_getenv ("MIZAN_TEST_DATA"), "frameworks", NULL);
  MizanCatalog *catalog = mizan_catalog_new ();

  mizan_catalog_add_directory (catalog, dir);
  g_assert_nonnull (mizan_catalog_lookup (catalog, "mini", "1.0.0"));
  return catalog;
}

static void
test_valid (void)
{
  g_autoptr(MizanCatalog) catalog = make_catalog ();
  g_autoptr(GError) error = NULL;
  g_autofree char *field = NULL;
  g_autoptr(MizanServerSubmission) sub = NULL;
  MizanFramework *fw;

  sub = mizan_server_validate_submission (valid, strlen (valid), catalog, countries, NOW, &field, &error);
  g_assert_no_error (error);
  g_assert_null (field);
  fw = sub->framework;

  /* The id is kept in lower case, so that two spellings are one submission. */
  g_assert_cmpstr (sub->id, ==, "0f8fad5b-d9cb-469f-a165-70867728950e");
  g_assert_cmpstr (sub->country, ==, "PAK");
  g_assert_cmpstr (sub->period, ==, "2026-Q3");
  g_assert_cmpfloat (sub->values[mizan_slot_domain (0, MIZAN_DOMAIN_LEVEL)], ==, 1);
  g_assert_cmpfloat_with_epsilon (sub->values[mizan_slot_domain (1, MIZAN_DOMAIN_INDEX)], 3.0, EPS);
  g_assert_cmpfloat_with_epsilon (sub->values[mizan_slot_capability (fw, 1, MIZAN_CAPABILITY_SCORE)], 0.5, EPS);
  /* Overall: domains weighted 2 and 1. */
  g_assert_cmpfloat_with_epsilon (sub->values[mizan_slot_overall (fw, MIZAN_OVERALL_INDEX)],
                                  (2 * (2.5 / 1.5) + 3.0) / 3.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (sub->values[mizan_slot_overall (fw, MIZAN_OVERALL_SCORE)],
                                  (2 * 0.7 + 1.0) / 3.0, 1e-9);
  g_assert_nonnull (strstr (sub->payload, "\"submission_id\":\"0f8fad5b-d9cb-469f-a165-70867728950e\""));
}

/* A domain left out as not applicable takes its capabilities with it. */
static void
test_not_applicable_domain (void)
{
  g_autoptr(MizanCatalog) catalog = make_catalog ();
  g_autoptr(GError) error = NULL;
  g_autoptr(MizanServerSubmission) sub = NULL;
  g_autoptr(GString) body = g_string_new (valid);

  g_string_replace (body, ",{\"id\":\"OPS\",\"level\":3,\"index\":3,\"score\":1.0}", "", 0);
  g_string_replace (body, ",{\"id\":\"OPS.1\",\"level\":3,\"score\":1}", "", 0);
  sub = mizan_server_validate_submission (body->str, body->len, catalog, countries, NOW, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (isnan (sub->values[mizan_slot_domain (1, MIZAN_DOMAIN_INDEX)]));
  g_assert_true (isnan (sub->values[mizan_slot_capability (sub->framework, 2, MIZAN_CAPABILITY_LEVEL)]));
  g_assert_cmpfloat_with_epsilon (sub->values[mizan_slot_overall (sub->framework, MIZAN_OVERALL_INDEX)],
                                  2.5 / 1.5, 1e-9);
}

typedef struct {
  const char *find;      /* NULL: the whole body is @replace */
  const char *replace;
  MizanServerValidateError code;
  const char *field;     /* NULL: no field */
} Fault;

static const Fault faults[] = {
  /* Syntax, nesting, emptiness. */
  { NULL, "", MIZAN_SERVER_VALIDATE_ERROR_SYNTAX, NULL },
  { NULL, "{\"schema\":\"mizan-submission/1\",\"submission_id\":", MIZAN_SERVER_VALIDATE_ERROR_SYNTAX, NULL },
  { NULL, "[1,2,3]", MIZAN_SERVER_VALIDATE_ERROR_WRONG_TYPE, NULL },
  { NULL, "null", MIZAN_SERVER_VALIDATE_ERROR_WRONG_TYPE, NULL },
  { "\"period\":\"2026-Q3\",", "\"period\":\"2026-Q3\",\"period\":\"2026-Q2\",", MIZAN_SERVER_VALIDATE_ERROR_SYNTAX, NULL },
  /* Keys. */
  { "\"size\":\"large\",", "\"size\":\"large\",\"organization\":\"Ministry\",", MIZAN_SERVER_VALIDATE_ERROR_UNKNOWN_FIELD, "organization" },
  { "\"score\":0.7}", "\"score\":0.7,\"note\":\"x\"}", MIZAN_SERVER_VALIDATE_ERROR_UNKNOWN_FIELD, "domains[0].note" },
  { "\"version\":\"1.0.0\"}", "\"version\":\"1.0.0\",\"title\":\"x\"}", MIZAN_SERVER_VALIDATE_ERROR_UNKNOWN_FIELD, "framework.title" },
  { "\"sector\":\"government\",", "", MIZAN_SERVER_VALIDATE_ERROR_MISSING_FIELD, "sector" },
  { "{\"id\":\"GOV.2\",\"level\":1,", "{\"id\":\"GOV.2\",", MIZAN_SERVER_VALIDATE_ERROR_MISSING_FIELD, "capabilities[1].level" },
  /* Types. */
  { "\"country\":\"PAK\"", "\"country\":586", MIZAN_SERVER_VALIDATE_ERROR_WRONG_TYPE, "country" },
  { "\"framework\":{\"id\":\"mini\",\"version\":\"1.0.0\"}", "\"framework\":\"mini\"", MIZAN_SERVER_VALIDATE_ERROR_WRONG_TYPE, "framework" },
  { "\"level\":2,\"score\":0.8", "\"level\":\"2\",\"score\":0.8", MIZAN_SERVER_VALIDATE_ERROR_WRONG_TYPE, "capabilities[0].level" },
  { "\"level\":2,\"score\":0.8", "\"level\":2,\"score\":true", MIZAN_SERVER_VALIDATE_ERROR_WRONG_TYPE, "capabilities[0].score" },
  { "\"level\":2,\"score\":0.8", "\"level\":null,\"score\":0.8", MIZAN_SERVER_VALIDATE_ERROR_WRONG_TYPE, "capabilities[0].level" },
  { "\"domains\":[", "\"domains\":{\"x\":[", MIZAN_SERVER_VALIDATE_ERROR_SYNTAX, NULL },
  { "\"capabilities\":[{", "\"capabilities\":[7,{", MIZAN_SERVER_VALIDATE_ERROR_WRONG_TYPE, "capabilities[0]" },
  /* Values. */
  { "mizan-submission/1", "mizan-submission/2", MIZAN_SERVER_VALIDATE_ERROR_INVALID_VALUE, "schema" },
  { "0F8FAD5B-D9CB-469F", "0F8FAD5B-D9CB-169F", MIZAN_SERVER_VALIDATE_ERROR_INVALID_VALUE, "submission_id" },
  { "0F8FAD5B-D9CB-469F-A165", "0F8FAD5B-D9CB-469F-7165", MIZAN_SERVER_VALIDATE_ERROR_INVALID_VALUE, "submission_id" },
  { "\"version\":\"1.0.0\"", "\"version\":\"9.0.0\"", MIZAN_SERVER_VALIDATE_ERROR_UNKNOWN_FRAMEWORK, "framework" },
  { "\"PAK\"", "\"FRA\"", MIZAN_SERVER_VALIDATE_ERROR_INVALID_VALUE, "country" },
  { "\"government\"", "\"Government\"", MIZAN_SERVER_VALIDATE_ERROR_INVALID_VALUE, "sector" },
  { "\"large\"", "\"huge\"", MIZAN_SERVER_VALIDATE_ERROR_INVALID_VALUE, "size" },
  { "2026-Q3", "2026-Q5", MIZAN_SERVER_VALIDATE_ERROR_INVALID_VALUE, "period" },
  { "2026-Q3", "2027-Q1", MIZAN_SERVER_VALIDATE_ERROR_INVALID_VALUE, "period" },
  { "2026-Q3", "1999-Q4", MIZAN_SERVER_VALIDATE_ERROR_INVALID_VALUE, "period" },
  { "2026-Q3", "2026-03", MIZAN_SERVER_VALIDATE_ERROR_INVALID_VALUE, "period" },
  { "{\"id\":\"OPS\",", "{\"id\":\"NET\",", MIZAN_SERVER_VALIDATE_ERROR_INVALID_VALUE, "domains[1].id" },
  { "{\"id\":\"OPS\",", "{\"id\":\"GOV\",", MIZAN_SERVER_VALIDATE_ERROR_INVALID_VALUE, "domains[1].id" },
  { "{\"id\":\"OPS.1\",", "{\"id\":\"OPS.9\",", MIZAN_SERVER_VALIDATE_ERROR_INVALID_VALUE, "capabilities[2].id" },
  { "{\"id\":\"OPS.1\",", "{\"id\":\"GOV.1\",", MIZAN_SERVER_VALIDATE_ERROR_INVALID_VALUE, "capabilities[2].id" },
  { "\"OPS.1\",\"level\":3", "\"OPS.1\",\"level\":4", MIZAN_SERVER_VALIDATE_ERROR_INVALID_VALUE, "capabilities[2].level" },
  { "\"OPS.1\",\"level\":3", "\"OPS.1\",\"level\":-1", MIZAN_SERVER_VALIDATE_ERROR_INVALID_VALUE, "capabilities[2].level" },
  { "\"OPS.1\",\"level\":3", "\"OPS.1\",\"level\":2.5", MIZAN_SERVER_VALIDATE_ERROR_INVALID_VALUE, "capabilities[2].level" },
  { "\"index\":3,", "\"index\":3.5,", MIZAN_SERVER_VALIDATE_ERROR_INVALID_VALUE, "domains[1].index" },
  { "\"score\":0.8}", "\"score\":1.2}", MIZAN_SERVER_VALIDATE_ERROR_INVALID_VALUE, "capabilities[0].score" },
  /* Core's strict JSON reader refuses what would turn into infinity. */
  { "\"score\":0.8}", "\"score\":1e400}", MIZAN_SERVER_VALIDATE_ERROR_SYNTAX, NULL },
  { "\"domains\":[{\"id\":\"GOV\",\"level\":1,\"index\":1.6666666666666667,\"score\":0.7},", "\"domains\":[",
    MIZAN_SERVER_VALIDATE_ERROR_INCONSISTENT, "capabilities[0].id" },
  /* The figures must be what Mizan's scoring makes of the capabilities. */
  { "\"level\":1,\"index\":1.66", "\"level\":2,\"index\":1.66", MIZAN_SERVER_VALIDATE_ERROR_INCONSISTENT, "domains[0].level" },
  { "1.6666666666666667", "1.5", MIZAN_SERVER_VALIDATE_ERROR_INCONSISTENT, "domains[0].index" },
  { "\"score\":0.7}", "\"score\":0.65}", MIZAN_SERVER_VALIDATE_ERROR_INCONSISTENT, "domains[0].score" },
  { ",{\"id\":\"OPS.1\",\"level\":3,\"score\":1}", "", MIZAN_SERVER_VALIDATE_ERROR_INCONSISTENT, "domains[1]" },
  { "\"domains\":[{\"id\":\"GOV\",\"level\":1,\"index\":1.6666666666666667,\"score\":0.7},{\"id\":\"OPS\",\"level\":3,\"index\":3,\"score\":1.0}]",
    "\"domains\":[]", MIZAN_SERVER_VALIDATE_ERROR_INVALID_VALUE, "domains" },
};

static void
test_faults (void)
{
  g_autoptr(MizanCatalog) catalog = make_catalog ();

  for (guint i = 0; i < G_N_ELEMENTS (faults); i++)
    {
      const Fault *fault = &faults[i];
      g_autoptr(GString) body = g_string_new (fault->find ? valid : fault->replace);
      g_autoptr(GError) error = NULL;
      g_autofree char *field = NULL;
      g_autoptr(MizanServerSubmission) sub = NULL;

      if (fault->find != NULL)
        g_assert_cmpuint (g_string_replace (body, fault->find, fault->replace, 1), ==, 1);

      sub = mizan_server_validate_submission (body->str, body->len, catalog, countries, NOW, &field, &error);
      if (sub != NULL || !g_error_matches (error, MIZAN_SERVER_VALIDATE_ERROR, (int) fault->code) ||
          g_strcmp0 (field, fault->field) != 0)
        g_error ("fault %u (%s → %s): expected %s at %s, got %s at %s: %s", i,
                 fault->find, fault->replace,
                 mizan_server_validate_error_name (fault->code), fault->field,
                 error ? mizan_server_validate_error_name (error->code) : "success", field,
                 error ? error->message : "");
      g_assert_cmpstr (error->message, !=, "");
    }
}

/* json-glib's parser recurses: 100,000 brackets must be refused before it sees them. */
static void
test_deep_nesting (void)
{
  g_autoptr(MizanCatalog) catalog = make_catalog ();
  g_autoptr(GString) body = g_string_new ("{\"domains\":");
  g_autoptr(GError) error = NULL;
  g_autoptr(MizanServerSubmission) sub = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (body, '[');
  sub = mizan_server_validate_submission (body->str, body->len, catalog, countries, NOW, NULL, &error);
  g_assert_null (sub);
  g_assert_error (error, MIZAN_SERVER_VALIDATE_ERROR, MIZAN_SERVER_VALIDATE_ERROR_SYNTAX);
}

static void
test_bytes_not_text (void)
{
  g_autoptr(MizanCatalog) catalog = make_catalog ();
  static const char nul_inside[] = "{\"schema\":\"mizan-\0submission/1\"}";
  static const char latin1[] = "{\"schema\":\"caf\xe9\"}";
  g_autoptr(GError) error = NULL;

  g_assert_null (mizan_server_validate_submission (nul_inside, sizeof nul_inside - 1, catalog, countries, NOW, NULL, &error));
  g_assert_error (error, MIZAN_SERVER_VALIDATE_ERROR, MIZAN_SERVER_VALIDATE_ERROR_SYNTAX);
  g_clear_error (&error);
  g_assert_null (mizan_server_validate_submission (latin1, sizeof latin1 - 1, catalog, countries, NOW, NULL, &error));
  g_assert_error (error, MIZAN_SERVER_VALIDATE_ERROR, MIZAN_SERVER_VALIDATE_ERROR_SYNTAX);
}

static void
test_uuid (void)
{
  g_assert_true (mizan_server_is_uuid_v4 ("0f8fad5b-d9cb-469f-a165-70867728950e"));
  g_assert_true (mizan_server_is_uuid_v4 ("0F8FAD5B-D9CB-469F-B165-70867728950E"));
  g_assert_false (mizan_server_is_uuid_v4 ("0f8fad5b-d9cb-469f-a165-70867728950"));
  g_assert_false (mizan_server_is_uuid_v4 ("0f8fad5bd9cb469fa16570867728950e"));
  g_assert_false (mizan_server_is_uuid_v4 ("0f8fad5b-d9cb-469f-c165-70867728950e"));
  g_assert_false (mizan_server_is_uuid_v4 ("0f8fad5b-d9cb-469f-a165-70867728950g"));
  g_assert_false (mizan_server_is_uuid_v4 ("../../etc/passwd"));
  g_assert_false (mizan_server_is_uuid_v4 (NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/server-validate/valid", test_valid);
  g_test_add_func ("/server-validate/not-applicable-domain", test_not_applicable_domain);
  g_test_add_func ("/server-validate/faults", test_faults);
  g_test_add_func ("/server-validate/deep-nesting", test_deep_nesting);
  g_test_add_func ("/server-validate/bytes-not-text", test_bytes_not_text);
  g_test_add_func ("/server-validate/uuid", test_uuid);

  return g_test_run ();
}
