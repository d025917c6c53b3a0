/* test-countries.c — tests of the organization-profile vocabularies
 * Countries from iso-codes with translated names, the 57 OIC member states, sectors and sizes. */

#include "config.h"

#include <libintl.h>
#include <locale.h>
#include <string.h>

#include "mizan-countries.h"

static void
test_countries_valid (void)
{
  g_assert_true (mizan_country_is_valid ("PAK"));
  g_assert_true (mizan_country_is_valid ("FRA"));
  g_assert_true (mizan_country_is_valid ("ABW"));  /* first in alpha-3 order */
  g_assert_true (mizan_country_is_valid ("ZWE"));  /* last */
  g_assert_false (mizan_country_is_valid ("XXX"));
  g_assert_false (mizan_country_is_valid ("pak"));  /* codes are upper case, as exchanged */
  g_assert_false (mizan_country_is_valid ("PK"));   /* alpha-2 is not alpha-3 */
  g_assert_false (mizan_country_is_valid ("PAKI"));
  g_assert_false (mizan_country_is_valid (""));
  g_assert_false (mizan_country_is_valid (NULL));
}

static void
test_countries_all (void)
{
  guint n = 0;
  const MizanCountry *all = mizan_countries_get_all (&n);

  /* iso-codes has had 249 entries for years. */
  g_assert_cmpuint (n, >=, 240);
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpuint (strlen (all[i].alpha3), ==, 3);
      g_assert_nonnull (all[i].name);
      if (i > 0)
        g_assert_cmpstr (all[i - 1].alpha3, <, all[i].alpha3);
    }
  g_assert_cmpstr (all[0].alpha3, ==, "ABW");
  g_assert_cmpstr (all[0].name, ==, "Aruba");
}

static void
test_countries_names (void)
{
  g_assert_cmpstr (mizan_country_get_name ("PAK"), ==, "Pakistan");
  g_assert_cmpstr (mizan_country_get_name ("FRA"), ==, "France");
  g_assert_cmpstr (mizan_country_get_name ("EGY"), ==, "Egypt");
  g_assert_null (mizan_country_get_name ("XXX"));
  g_assert_null (mizan_country_get_name (NULL));
}

static void
set_language (const char *language)
{
  g_setenv ("LANGUAGE", language, TRUE);
  /* Re-reading the locale also drops gettext's cache of translations. */
  setlocale (LC_ALL, "");
}

static void
test_countries_translated (void)
{
  g_autofree char *saved = g_strdup (g_getenv ("LANGUAGE"));

  set_language ("fr");
  if (g_strcmp0 (dgettext ("iso_3166-1", "Germany"), "Germany") == 0)
    {
      set_language (saved != NULL ? saved : "");
      g_test_skip ("iso-codes' French translations are not installed");
      return;
    }
  g_assert_cmpstr (mizan_country_get_name ("DEU"), ==, "Allemagne");
  g_assert_cmpstr (mizan_country_get_name ("EGY"), ==, "Égypte");

  set_language ("ar");
  g_assert_cmpstr (mizan_country_get_name ("EGY"), ==, "مصر");

  set_language ("");
  g_assert_cmpstr (mizan_country_get_name ("DEU"), ==, "Germany");
  set_language (saved != NULL ? saved : "");
}

static void
test_countries_oic (void)
{
  const char * const *oic = mizan_countries_get_oic ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_true (mizan_country_is_oic_member ("PAK"));
  g_assert_true (mizan_country_is_oic_member ("SAU"));
  g_assert_true (mizan_country_is_oic_member ("YEM"));
  g_assert_true (mizan_country_is_oic_member ("GUY"));
  /* Valid countries that are not members. */
  g_assert_true (mizan_country_is_valid ("FRA"));
  g_assert_false (mizan_country_is_oic_member ("FRA"));
  g_assert_false (mizan_country_is_oic_member ("IND"));
  g_assert_false (mizan_country_is_oic_member ("XXX"));
  g_assert_false (mizan_country_is_oic_member ("pak"));
  g_assert_false (mizan_country_is_oic_member (NULL));

  /* 57 distinct members, each a real country. */
  g_assert_cmpuint (g_strv_length ((char **) oic), ==, 57);
  for (guint i = 0; oic[i] != NULL; i++)
    {
      g_assert_true (mizan_country_is_valid (oic[i]));
      g_assert_true (mizan_country_is_oic_member (oic[i]));
      g_assert_true (g_hash_table_add (seen, (gpointer) oic[i]));
    }
}

static void
test_sectors (void)
{
  static const char * const expected[] = {
    "government", "defence", "finance", "energy", "telecom",
    "health", "transport", "water", "education", "other", NULL };
  const char * const *sectors = mizan_sectors_get_all ();

  g_assert_cmpstrv (sectors, expected);
  for (guint i = 0; sectors[i] != NULL; i++)
    {
      g_assert_true (mizan_sector_is_valid (sectors[i]));
      g_assert_nonnull (mizan_sector_get_label (sectors[i]));
    }
  g_assert_cmpstr (mizan_sector_get_label ("telecom"), ==, "Telecommunications");
  g_assert_cmpstr (mizan_sector_get_label ("defence"), ==, "Defence");

  g_assert_false (mizan_sector_is_valid ("defense"));
  g_assert_false (mizan_sector_is_valid ("Government"));
  g_assert_false (mizan_sector_is_valid (""));
  g_assert_false (mizan_sector_is_valid (NULL));
  g_assert_null (mizan_sector_get_label ("military"));
  g_assert_null (mizan_sector_get_label (NULL));
}

static void
test_sizes (void)
{
  static const char * const expected[] = { "small", "medium", "large", "very-large", NULL };
  const char * const *sizes = mizan_sizes_get_all ();

  g_assert_cmpstrv (sizes, expected);
  for (guint i = 0; sizes[i] != NULL; i++)
    g_assert_true (mizan_size_is_valid (sizes[i]));

  /* The labels carry the staff bands, so people pick the right one. */
  g_assert_nonnull (strstr (mizan_size_get_label ("small"), "100"));
  g_assert_nonnull (strstr (mizan_size_get_label ("medium"), "100–999"));
  g_assert_nonnull (strstr (mizan_size_get_label ("large"), "1,000–9,999"));
  g_assert_nonnull (strstr (mizan_size_get_label ("very-large"), "10,000"));

  g_assert_false (mizan_size_is_valid ("very_large"));
  g_assert_false (mizan_size_is_valid ("huge"));
  g_assert_false (mizan_size_is_valid (NULL));
  g_assert_null (mizan_size_get_label ("huge"));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/countries/valid", test_countries_valid);
  g_test_add_func ("/countries/all", test_countries_all);
  g_test_add_func ("/countries/names", test_countries_names);
  g_test_add_func ("/countries/translated", test_countries_translated);
  g_test_add_func ("/countries/oic", test_countries_oic);
  g_test_add_func ("/sectors", test_sectors);
  g_test_add_func ("/sizes", test_sizes);

  return g_test_run ();
}
