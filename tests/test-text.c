/* test-text.c — tests of MizanText, the localized strings of a framework
 * Exact lookups, locale-name matching by base language, the user's language order and the English fallback. */

#include "config.h"

#include <locale.h>

#include "mizan-text.h"

static MizanText *
make_text (void)
{
  MizanText *text = mizan_text_new ();

  mizan_text_set (text, "en", "Governance");
  mizan_text_set (text, "ar", "الحوكمة");
  mizan_text_set (text, "fr", "Gouvernance");
  return text;
}

static void
test_text_set_get (void)
{
  g_autoptr(MizanText) text = make_text ();
  const char *lang, *value;

  g_assert_cmpstr (mizan_text_get (text, "en"), ==, "Governance");
  g_assert_cmpstr (mizan_text_get (text, "ar"), ==, "الحوكمة");
  g_assert_null (mizan_text_get (text, "de"));
  /* Exact means exact: no base-language matching here. */
  g_assert_null (mizan_text_get (text, "ar_EG"));

  g_assert_cmpuint (mizan_text_get_n_langs (text), ==, 3);
  mizan_text_get_nth (text, 1, &lang, &value);
  g_assert_cmpstr (lang, ==, "ar");
  g_assert_cmpstr (value, ==, "الحوكمة");

  /* Setting a language again replaces its string and keeps its place. */
  mizan_text_set (text, "ar", "حوكمة");
  g_assert_cmpuint (mizan_text_get_n_langs (text), ==, 3);
  mizan_text_get_nth (text, 1, &lang, &value);
  g_assert_cmpstr (lang, ==, "ar");
  g_assert_cmpstr (value, ==, "حوكمة");
  mizan_text_get_nth (text, 2, &lang, NULL);
  g_assert_cmpstr (lang, ==, "fr");
}

static void
test_text_get_for (void)
{
  g_autoptr(MizanText) text = make_text ();

  g_assert_cmpstr (mizan_text_get_for (text, "ar"), ==, "الحوكمة");
  g_assert_cmpstr (mizan_text_get_for (text, "ar_EG"), ==, "الحوكمة");
  g_assert_cmpstr (mizan_text_get_for (text, "ar_EG.UTF-8"), ==, "الحوكمة");
  g_assert_cmpstr (mizan_text_get_for (text, "ar_EG@x"), ==, "الحوكمة");
  g_assert_cmpstr (mizan_text_get_for (text, "ar_EG.UTF-8@x"), ==, "الحوكمة");
  g_assert_cmpstr (mizan_text_get_for (text, "fr_CA"), ==, "Gouvernance");

  /* Unknown languages, and no language at all, fall back to English. */
  g_assert_cmpstr (mizan_text_get_for (text, "de_DE.UTF-8"), ==, "Governance");
  g_assert_cmpstr (mizan_text_get_for (text, "C"), ==, "Governance");
  g_assert_cmpstr (mizan_text_get_for (text, ""), ==, "Governance");
  g_assert_cmpstr (mizan_text_get_for (text, NULL), ==, "Governance");
  /* "a" is not "ar": base languages compare whole. */
  g_assert_cmpstr (mizan_text_get_for (text, "a"), ==, "Governance");
}

static void
test_text_regional (void)
{
  g_autoptr(MizanText) text = mizan_text_new ();
  g_autoptr(MizanText) brazil_only = mizan_text_new ();

  mizan_text_set (text, "en", "Policy");
  mizan_text_set (text, "pt", "Política (pt)");
  mizan_text_set (text, "pt_BR", "Política (BR)");
  mizan_text_set (text, "sr", "Политика");
  mizan_text_set (text, "sr@latin", "Politika");

  /* The most specific match wins, the base language next. */
  g_assert_cmpstr (mizan_text_get_for (text, "pt_BR.UTF-8"), ==, "Política (BR)");
  g_assert_cmpstr (mizan_text_get_for (text, "pt_PT.UTF-8"), ==, "Política (pt)");
  g_assert_cmpstr (mizan_text_get_for (text, "pt"), ==, "Política (pt)");
  g_assert_cmpstr (mizan_text_get_for (text, "sr_RS.UTF-8@latin"), ==, "Politika");
  g_assert_cmpstr (mizan_text_get_for (text, "sr_RS.UTF-8"), ==, "Политика");

  /* A regional text still serves a reader of the same language. */
  mizan_text_set (brazil_only, "en", "Policy");
  mizan_text_set (brazil_only, "pt_BR", "Política (BR)");
  g_assert_cmpstr (mizan_text_get_for (brazil_only, "pt_PT"), ==, "Política (BR)");
  g_assert_cmpstr (mizan_text_get_for (brazil_only, "pt"), ==, "Política (BR)");
}

static void
test_text_no_english (void)
{
  g_autoptr(MizanText) text = mizan_text_new ();
  g_autoptr(MizanText) empty = mizan_text_new ();

  /* Files always have English; a text built by hand may not. Some text beats none. */
  mizan_text_set (text, "fr", "Gouvernance");
  mizan_text_set (text, "ar", "الحوكمة");
  g_assert_cmpstr (mizan_text_get_for (text, "de"), ==, "Gouvernance");
  g_assert_cmpstr (mizan_text_get_for (text, "ar"), ==, "الحوكمة");

  g_assert_null (mizan_text_get_for (empty, "en"));
  g_assert_null (mizan_text_localized (empty));
  g_assert_cmpuint (mizan_text_get_n_langs (empty), ==, 0);
}

static void
test_text_many_languages (void)
{
  g_autoptr(MizanText) text = mizan_text_new ();
  const char *lang, *value;

  /* Past a handful of languages the text indexes them; nothing may change. */
  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *code = g_strdup_printf ("x%c%c", 'a' + i / 26, 'a' + i % 26);
      g_autofree char *string = g_strdup_printf ("text %u", i);

      mizan_text_set (text, code, string);
      g_assert_cmpuint (mizan_text_get_n_langs (text), ==, i + 1);
    }
  mizan_text_set (text, "en", "English");
  mizan_text_set (text, "xab", "replaced");

  g_assert_cmpuint (mizan_text_get_n_langs (text), ==, 41);
  g_assert_cmpstr (mizan_text_get (text, "xaa"), ==, "text 0");
  g_assert_cmpstr (mizan_text_get (text, "xab"), ==, "replaced");
  g_assert_cmpstr (mizan_text_get (text, "xbn"), ==, "text 39");
  g_assert_null (mizan_text_get (text, "xbo"));
  g_assert_cmpstr (mizan_text_get_for (text, "xbn_ZZ.UTF-8"), ==, "text 39");
  g_assert_cmpstr (mizan_text_get_for (text, "de"), ==, "English");
  mizan_text_get_nth (text, 1, &lang, &value);
  g_assert_cmpstr (lang, ==, "xab");
  g_assert_cmpstr (value, ==, "replaced");
  mizan_text_get_nth (text, 40, &lang, &value);
  g_assert_cmpstr (lang, ==, "en");
}

static void
set_languages (const char *language,
               const char *lc_all)
{
  /* g_get_language_names() re-reads these whenever their values change. */
  g_setenv ("LANGUAGE", language, TRUE);
  g_setenv ("LC_ALL", lc_all, TRUE);
}

static void
test_text_localized (void)
{
  g_autoptr(MizanText) text = make_text ();
  g_autofree char *saved_language = g_strdup (g_getenv ("LANGUAGE"));
  g_autofree char *saved_lc_all = g_strdup (g_getenv ("LC_ALL"));

  set_languages ("fr", "C.UTF-8");
  g_assert_cmpstr (mizan_text_localized (text), ==, "Gouvernance");

  /* The first language that has a string wins. */
  set_languages ("de:ar_EG:fr", "C.UTF-8");
  g_assert_cmpstr (mizan_text_localized (text), ==, "الحوكمة");

  set_languages ("de", "C.UTF-8");
  g_assert_cmpstr (mizan_text_localized (text), ==, "Governance");

  /* "C" names no language: the fallback serves it, not a text called "C". */
  set_languages ("", "C.UTF-8");
  g_assert_cmpstr (mizan_text_localized (text), ==, "Governance");
  mizan_text_set (text, "C", "not a language");
  set_languages ("", "POSIX");
  g_assert_cmpstr (mizan_text_localized (text), ==, "Governance");

  /* Without LANGUAGE the locale variables decide. */
  set_languages ("", "ar_EG.UTF-8");
  g_assert_cmpstr (mizan_text_localized (text), ==, "الحوكمة");

  set_languages (saved_language != NULL ? saved_language : "",
                 saved_lc_all != NULL ? saved_lc_all : "");
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/text/set-get", test_text_set_get);
  g_test_add_func ("/text/get-for", test_text_get_for);
  g_test_add_func ("/text/regional", test_text_regional);
  g_test_add_func ("/text/no-english", test_text_no_english);
  g_test_add_func ("/text/many-languages", test_text_many_languages);
  g_test_add_func ("/text/localized", test_text_localized);

  return g_test_run ();
}
