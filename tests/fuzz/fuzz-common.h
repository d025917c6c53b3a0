/* fuzz-common.h — what every Mizan fuzz harness shares
 * The libFuzzer entry points, and where the source tree's frameworks are. */
#pragma once

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <glib.h>

/* Called once before the first input (libFuzzer's name; the replay
 * runner calls it too). */
int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* The built-in model and the test frameworks, so that inputs get past the
 * syntax to the checks against a framework. The harnesses that use it
 * include mizan-catalog.h first. */
#ifdef MIZAN_TYPE_CATALOG
static inline MizanCatalog *
fuzz_catalog_new (void)
{
  MizanCatalog *catalog = mizan_catalog_new ();

  mizan_catalog_add_directory (catalog, MIZAN_SOURCE_DIR "/data/frameworks");
  mizan_catalog_add_directory (catalog, MIZAN_SOURCE_DIR "/tests/data/frameworks");
  g_assert_cmpuint (mizan_catalog_get_frameworks (catalog)->len, >=, 2);
  return catalog;
}
#endif

