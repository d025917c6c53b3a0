/* test-model.c — the built-in oic-ccmm model is complete
 * Size, levels, a practice at every level, guidance and evidence, and every string in en, ar and fr. */

#include "config.h"

#include <string.h>

#include "mizan-catalog.h"

static MizanFramework *
load_model (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (mizan_catalog_get_builtin_dir (), "oic-ccmm.json", NULL);
  MizanFramework *fw = mizan_framework_new_from_file (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (fw);
  return fw;
}

/* Share of letters that are Arabic script: Arabic text may quote acronyms
 * (CERT, MFA) but must be Arabic prose, not English left in place. */
static double
arabic_share (const char *s)
{
  guint letters = 0, arabic = 0;

  for (const char *p = s; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isalpha (c))
        continue;
      letters++;
      if (g_unichar_get_script (c) == G_UNICODE_SCRIPT_ARABIC)
        arabic++;
    }
  return letters ? (double) arabic / letters : 0;
}

static void
check_text (const MizanText *text,
            const char      *where,
            guint           *n_checked)
{
  const char *en, *ar, *fr;

  if (text == NULL)
    g_error ("%s: missing text", where);
  en = mizan_text_get (text, "en");
  ar = mizan_text_get (text, "ar");
  fr = mizan_text_get (text, "fr");
  if (en == NULL || *en == '\0')
    g_error ("%s: no English", where);
  if (ar == NULL || *ar == '\0')
    g_error ("%s: no Arabic", where);
  if (fr == NULL || *fr == '\0')
    g_error ("%s: no French", where);
  if (arabic_share (ar) < 0.6)
    g_error ("%s: Arabic text is mostly not Arabic script: %s", where, ar);
  /* Short names (e.g. "Initial") may be the same word in French. */
  if (strlen (en) > 24 && g_str_equal (en, fr))
    g_error ("%s: French text is the English one: %s", where, fr);
  (*n_checked)++;
}

static void
test_model_size (void)
{
  g_autoptr(MizanFramework) fw = load_model ();

  g_assert_cmpstr (mizan_framework_get_id (fw), ==, "oic-ccmm");
  g_assert_cmpuint (mizan_framework_get_n_levels (fw), ==, 5);
  g_assert_cmpuint (mizan_framework_get_default_target (fw), ==, 3);
  g_assert_cmpuint (mizan_framework_get_n_domains (fw), >=, 10);
  g_assert_cmpuint (mizan_framework_get_n_capabilities (fw), >=, 30);
  g_assert_cmpuint (mizan_framework_get_n_practices (fw), >=, 200);
  g_assert_cmpstr (mizan_text_get (mizan_framework_get_level (fw, 1)->name, "en"), ==, "Initial");
  g_assert_cmpstr (mizan_text_get (mizan_framework_get_level (fw, 5)->name, "en"), ==, "Optimizing");
}

/* The domains the model promises to cover, by id. */
static void
test_model_domains (void)
{
  static const char * const ids[] = { "GOV", "LEG", "RSK", "VUL", "PRO", "DET", "IRR", "WFA", "COP", "EMT" };
  g_autoptr(MizanFramework) fw = load_model ();

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_assert_nonnull (mizan_framework_lookup_domain (fw, ids[i]));
}

static void
test_model_practices (void)
{
  g_autoptr(MizanFramework) fw = load_model ();
  guint n_levels = mizan_framework_get_n_levels (fw);

  for (guint i = 0; i < mizan_framework_get_n_capabilities (fw); i++)
    {
      MizanCapability *cap = mizan_framework_get_capability (fw, i);
      gboolean has_nist = FALSE;

      for (guint level = 1; level <= n_levels; level++)
        {
          guint n = 0;

          for (guint j = 0; j < cap->n_practices; j++)
            n += cap->practices[j]->level == level;
          if (n == 0)
            g_error ("%s has no practice at level %u", cap->id, level);
        }
      for (guint j = 0; j < cap->n_practices; j++)
        {
          g_assert_nonnull (cap->practices[j]->guidance);
          g_assert_nonnull (cap->practices[j]->evidence);
        }
      for (guint r = 0; r < cap->n_references; r++)
        if (g_str_equal (cap->references[r].scheme, "nist-csf-2.0"))
          {
            has_nist = TRUE;
            for (guint k = 0; cap->references[r].ids[k]; k++)
              if (!g_regex_match_simple ("^(GV|ID|PR|DE|RS|RC)\\.[A-Z]{2}(-[0-9]{2})?$",
                                         cap->references[r].ids[k], 0, 0))
                g_error ("%s: “%s” is not a NIST CSF 2.0 identifier", cap->id, cap->references[r].ids[k]);
          }
      if (!has_nist)
        g_error ("%s has no NIST CSF 2.0 reference", cap->id);
    }
}

static void
test_model_languages (void)
{
  g_autoptr(MizanFramework) fw = load_model ();
  guint n = 0;

  check_text (mizan_framework_get_title (fw), "title", &n);
  check_text (mizan_framework_get_description (fw), "description", &n);
  check_text (mizan_framework_get_publisher (fw), "publisher", &n);
  for (guint l = 1; l <= mizan_framework_get_n_levels (fw); l++)
    {
      g_autofree char *where = g_strdup_printf ("level %u", l);
      check_text (mizan_framework_get_level (fw, l)->name, where, &n);
      check_text (mizan_framework_get_level (fw, l)->description, where, &n);
    }
  for (guint i = 0; i < mizan_framework_get_n_domains (fw); i++)
    {
      MizanDomain *d = mizan_framework_get_domain (fw, i);
      check_text (d->title, d->id, &n);
      check_text (d->description, d->id, &n);
    }
  for (guint i = 0; i < mizan_framework_get_n_capabilities (fw); i++)
    {
      MizanCapability *c = mizan_framework_get_capability (fw, i);
      check_text (c->title, c->id, &n);
      check_text (c->description, c->id, &n);
    }
  for (guint i = 0; i < mizan_framework_get_n_practices (fw); i++)
    {
      MizanPractice *p = mizan_framework_get_practice (fw, i);
      check_text (p->text, p->id, &n);
      check_text (p->guidance, p->id, &n);
      check_text (p->evidence, p->id, &n);
    }

  g_test_message ("%u texts complete in en, ar and fr", n);
  g_assert_cmpuint (n, ==, 3 + 2 * mizan_framework_get_n_levels (fw)
                           + 2 * mizan_framework_get_n_domains (fw)
                           + 2 * mizan_framework_get_n_capabilities (fw)
                           + 3 * mizan_framework_get_n_practices (fw));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/size", test_model_size);
  g_test_add_func ("/model/domains", test_model_domains);
  g_test_add_func ("/model/practices", test_model_practices);
  g_test_add_func ("/model/languages", test_model_languages);

  return g_test_run ();
}
