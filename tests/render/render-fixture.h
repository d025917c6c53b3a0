/* render-fixture.h — the small framework and answers the chart tests draw
 * tests/data/render/charts.json: D1 index 2, D2 index 1, D3 index 4 (over target), D4 not applicable. */
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>
#include "mizan-charts.h"

static const struct {
  const char  *id;
  MizanStatus  status;
} fixture_answers[] = {
  /* D1.1: level 1 passes, level 2 one of two, level 3 passes, level 4 none of
   * its one applicable practice (the other is na): capability level 1. */
  { "D1.1.1", MIZAN_STATUS_FULLY }, { "D1.1.2", MIZAN_STATUS_FULLY }, { "D1.1.3", MIZAN_STATUS_NOT },
  { "D1.1.4", MIZAN_STATUS_FULLY }, { "D1.1.5", MIZAN_STATUS_NA }, { "D1.1.6", MIZAN_STATUS_NONE },
  /* D1.2: level 3. D1 index (1 + 3) / 2 = 2. */
  { "D1.2.1", MIZAN_STATUS_FULLY }, { "D1.2.2", MIZAN_STATUS_LARGELY }, { "D1.2.3", MIZAN_STATUS_FULLY },
  { "D1.2.4", MIZAN_STATUS_NOT },
  /* D2.1: level 1. */
  { "D2.1.1", MIZAN_STATUS_LARGELY }, { "D2.1.2", MIZAN_STATUS_PARTIALLY }, { "D2.1.3", MIZAN_STATUS_NOT },
  /* D3.1: level 4, above the target of 3. */
  { "D3.1.1", MIZAN_STATUS_FULLY }, { "D3.1.2", MIZAN_STATUS_FULLY }, { "D3.1.3", MIZAN_STATUS_FULLY },
  { "D3.1.4", MIZAN_STATUS_FULLY },
  /* D4: nothing applies. */
  { "D4.1.1", MIZAN_STATUS_NA }, { "D4.1.2", MIZAN_STATUS_NA }, { "D4.1.3", MIZAN_STATUS_NA },
  { "D4.1.4", MIZAN_STATUS_NA },
};

typedef struct {
  MizanFramework *framework;
  MizanStatus    *statuses;
  MizanResults   *results;
} Fixture;

static inline void
fixture_load (Fixture *fixture)
{
  g_autofree char *path = g_build_filename (g_getenv ("MIZAN_TEST_DATA"), "render", "charts.json", NULL);
  g_autoptr(GError) error = NULL;
  guint n;

  fixture->framework = mizan_framework_new_from_file (path, &error);
  g_assert_no_error (error);
  n = mizan_framework_get_n_practices (fixture->framework);
  fixture->statuses = g_new0 (MizanStatus, n);
  for (guint i = 0; i < G_N_ELEMENTS (fixture_answers); i++)
    {
      MizanPractice *practice = mizan_framework_lookup_practice (fixture->framework, fixture_answers[i].id);

      g_assert_nonnull (practice);
      fixture->statuses[practice->index] = fixture_answers[i].status;
    }
  fixture->results = mizan_results_compute_statuses (fixture->framework, fixture->statuses, NULL);

  /* The figures the pixel checks rely on. */
  g_assert_cmpuint (fixture->results->n_domains, ==, 4);
  g_assert_cmpfloat_with_epsilon (fixture->results->domains[0].index, 2.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (fixture->results->domains[1].index, 1.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (fixture->results->domains[2].index, 4.0, 1e-9);
  g_assert_false (fixture->results->domains[3].applicable);
}

static inline void
fixture_clear (Fixture *fixture)
{
  g_clear_pointer (&fixture->results, mizan_results_free);
  g_clear_pointer (&fixture->statuses, g_free);
  g_clear_object (&fixture->framework);
}

/* Pango keeps a font map, and with it fontconfig's patterns, for the life of
 * the process; let it go at the end so the leak checker reports only real leaks. */
static inline int
fixture_release_fonts (int status)
{
  pango_cairo_font_map_set_default (NULL);
  return status;
}

/* Read by LeakSanitizer when the tests run under it. Fontconfig 2.14 loses a
 * few hundred bytes parsing its own configuration (FcInitLoadConfigAndFonts,
 * in pango's start-up thread), and pango's font caches can keep the font map,
 * and with it fontconfig's patterns, past the reset above. Only allocations
 * made inside fontconfig are ignored; its frames lack frame pointers, so the
 * library's name is the only handle. Our own leaks (strings, cairo objects,
 * anything made in pango, cairo or GLib on our behalf) are still reported. */
const char *__lsan_default_suppressions (void);
const char *
__lsan_default_suppressions (void)
{
  return "leak:libfontconfig.so\n";
}
