/* render-shots.c — writes every chart in light, dark and right-to-left to PNG files
 * For people to look at: the built-in model with a realistic, fixed answer set. */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "mizan-charts.h"

/* How far each domain of the built-in model has got, roughly in levels:
 * a ministry strong on governance and weak on detection. Unknown ids get 2. */
static double
strength_of (const char *domain_id)
{
  static const struct { const char *id; double strength; } table[] = {
    { "GOV", 3.6 }, { "LEG", 2.9 }, { "RSK", 2.3 }, { "VUL", 1.7 }, { "PRO", 3.1 },
    { "DET", 1.2 }, { "IRR", 2.1 }, { "WFA", 2.7 }, { "COP", 1.9 }, { "EMT", 0.8 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    if (g_strcmp0 (table[i].id, domain_id) == 0)
      return table[i].strength;
  return 2.0;
}

static MizanStatus *
realistic_statuses (MizanFramework *framework,
                    const char     *na_domain)
{
  guint n = mizan_framework_get_n_practices (framework);
  MizanStatus *statuses = g_new0 (MizanStatus, MAX (n, 1));
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260401);

  for (guint i = 0; i < n; i++)
    {
      MizanPractice *practice = mizan_framework_get_practice (framework, i);
      MizanDomain *domain = practice->capability->domain;
      double s = strength_of (domain->id);
      /* Passing gets likelier the further the level lies below the domain's strength. */
      double p = 1.0 / (1.0 + exp (-2.2 * (s - practice->level + 0.5)));
      double roll = g_rand_double (rand);

      if (g_strcmp0 (domain->id, na_domain) == 0)
        statuses[i] = MIZAN_STATUS_NA;
      else if (g_rand_double (rand) < 0.03)
        statuses[i] = MIZAN_STATUS_NA;
      else if (roll < p * 0.6)
        statuses[i] = MIZAN_STATUS_FULLY;
      else if (roll < p)
        statuses[i] = MIZAN_STATUS_LARGELY;
      else if (roll < p + (1 - p) * 0.45)
        statuses[i] = MIZAN_STATUS_PARTIALLY;
      else if (roll < p + (1 - p) * 0.85)
        statuses[i] = MIZAN_STATUS_NOT;
      else
        statuses[i] = MIZAN_STATUS_NONE;
    }

  /* One capability whose practices all do not apply, to show how that looks. */
  if (mizan_framework_get_n_capabilities (framework) > 3)
    {
      MizanCapability *cap = mizan_framework_get_capability (framework,
                                                             mizan_framework_get_n_capabilities (framework) - 3);

      for (guint i = 0; i < cap->n_practices; i++)
        statuses[cap->practices[i]->index] = MIZAN_STATUS_NA;
    }
  return statuses;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MizanFramework) framework = NULL;
  g_autoptr(MizanResults) results = NULL;
  g_autofree MizanStatus *statuses = NULL;
  g_autofree char *framework_path = NULL;
  g_autofree char *out_dir = NULL;
  g_autofree char *na_domain = NULL;
  g_autofree char *prefix = NULL;
  g_autofree int *targets = NULL;
  double width = 720;
  const GOptionEntry entries[] = {
    { "framework", 'f', 0, G_OPTION_ARG_FILENAME, &framework_path, "Framework file (default: the built-in model)", "FILE" },
    { "na-domain", 0, 0, G_OPTION_ARG_STRING, &na_domain, "Make every practice of this domain not applicable", "ID" },
    { "prefix", 'p', 0, G_OPTION_ARG_STRING, &prefix, "File name prefix (default: the language, or \"en\")", "TEXT" },
    { "width", 'w', 0, G_OPTION_ARG_DOUBLE, &width, "Width in pixels (default 720)", "PX" },
    { NULL }
  };
  static const struct { const char *name; MizanChartKind kind; } kinds[] = {
    { "radar", MIZAN_CHART_RADAR },
    { "gap-bars", MIZAN_CHART_GAP_BARS },
    { "heat-map", MIZAN_CHART_HEAT_MAP },
  };
  static const struct { const char *name; gboolean dark, rtl; } styles[] = {
    { "light", FALSE, FALSE },
    { "dark", TRUE, FALSE },
    { "rtl", FALSE, TRUE },
    { "rtl-dark", TRUE, TRUE },
  };

  setlocale (LC_ALL, "");
  context = g_option_context_new ("[OUTDIR] — write the charts as PNG files (default /tmp/render-shots)");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  out_dir = g_strdup (argc > 1 ? argv[1] : "/tmp/render-shots");
  if (framework_path == NULL)
    {
      const char *dir = g_getenv ("MIZAN_FRAMEWORKS_DIR");

      framework_path = g_build_filename (dir != NULL ? dir : MIZAN_FRAMEWORKS_DIR, "oic-ccmm.json", NULL);
    }
  if (prefix == NULL)
    {
      const char *language = g_get_language_names ()[0];

      /* "ar_EG.UTF-8" → "ar"; the C locale means English. */
      prefix = g_strndup (language, strcspn (language, "_.@"));
      if (g_strcmp0 (prefix, "C") == 0 || g_strcmp0 (prefix, "POSIX") == 0)
        {
          g_free (prefix);
          prefix = g_strdup ("en");
        }
    }

  framework = mizan_framework_new_from_file (framework_path, &error);
  if (framework == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  if (g_mkdir_with_parents (out_dir, 0755) != 0)
    {
      g_printerr ("Could not create %s\n", out_dir);
      return 1;
    }

  statuses = realistic_statuses (framework, na_domain);
  targets = g_new (int, MAX (mizan_framework_get_n_capabilities (framework), 1));
  for (guint i = 0; i < mizan_framework_get_n_capabilities (framework); i++)
    {
      MizanCapability *cap = mizan_framework_get_capability (framework, i);

      /* Governance aims higher, as ministries often set it. */
      targets[i] = g_str_has_prefix (cap->id, "GOV") ? 4 : -1;
    }
  results = mizan_results_compute_statuses (framework, statuses, targets);

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autofree char *description = mizan_chart_describe (kinds[k].kind, results, statuses);

      g_print ("%s: %s\n\n", kinds[k].name, description);
      for (guint s = 0; s < G_N_ELEMENTS (styles); s++)
        {
          MizanChartStyle style = { .dark = styles[s].dark, .rtl = styles[s].rtl };
          g_autofree char *name = g_strdup_printf ("%s-%s-%s.png", prefix, kinds[k].name, styles[s].name);
          g_autofree char *path = g_build_filename (out_dir, name, NULL);
          double height = kinds[k].kind == MIZAN_CHART_RADAR
                          ? round (width * 0.75)
                          : mizan_chart_get_preferred_height (kinds[k].kind, results, width, &style);

          if (!mizan_chart_write (kinds[k].kind, results, statuses, path, MIZAN_CHART_FORMAT_PNG,
                                  width, height, &style, &error))
            {
              g_printerr ("%s\n", error->message);
              return 1;
            }
          g_print ("wrote %s (%.0f × %.0f)\n", path, width, height);
        }
    }
  return 0;
}
