/* fuzz-framework.c — libFuzzer harness for the framework loader and validator
 * Any bytes must give either a framework whose lookups agree with it, or an error; never a crash. */

#include "config.h"

#include "fuzz-common.h"
#include "mizan-framework.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(MizanFramework) framework = NULL;
  g_autoptr(GError) error = NULL;

  framework = mizan_framework_new_from_data ((const char *) data, size, "fuzz.json", &error);
  if (framework == NULL)
    {
      /* Every problem line names the file. */
      g_assert_nonnull (error);
      g_assert_true (g_str_has_prefix (error->message, "fuzz.json"));
      return 0;
    }

  g_assert_no_error (error);
  /* What the loader promises of a valid file. */
  g_assert_cmpuint (mizan_framework_get_n_levels (framework), >=, 1);
  g_assert_cmpuint (mizan_framework_get_n_levels (framework), <=, MIZAN_FRAMEWORK_MAX_LEVELS);
  for (guint i = 0; i < mizan_framework_get_n_practices (framework); i++)
    {
      MizanPractice *practice = mizan_framework_get_practice (framework, i);

      g_assert_true (mizan_framework_lookup_practice (framework, practice->id) == practice);
      g_assert_cmpuint (practice->level, >=, 1);
      g_assert_cmpuint (practice->level, <=, mizan_framework_get_n_levels (framework));
      g_assert_cmpfloat (practice->weight, >, 0.0);
      g_assert_true (practice->applies_if == NULL ||
                     mizan_framework_lookup_profile_question (framework, practice->applies_if) != NULL);
    }
  for (guint i = 0; i < mizan_framework_get_n_capabilities (framework); i++)
    {
      MizanCapability *capability = mizan_framework_get_capability (framework, i);

      g_assert_true (mizan_framework_lookup_capability (framework, capability->id) == capability);
      g_assert_cmpuint (capability->n_practices, >, 0);
      g_assert_true (capability->applies_if == NULL ||
                     mizan_framework_lookup_profile_question (framework, capability->applies_if) != NULL);
    }
  /* The supersedes map leads only to practices of this version. */
  for (const char * const *old_id = mizan_framework_get_superseded_ids (framework); *old_id != NULL; old_id++)
    for (const char * const *new_id = mizan_framework_get_successors (framework, *old_id); *new_id != NULL; new_id++)
      g_assert_nonnull (mizan_framework_lookup_practice (framework, *new_id));
  return 0;
}
