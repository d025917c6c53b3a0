/* mizan-countries.c — countries (ISO 3166-1 alpha-3, from iso-codes), sectors and sizes
 * iso-codes' list is read once, on first use; names are translated through iso-codes' own gettext domain. */

#include "config.h"

#include <libintl.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "mizan-countries.h"

#define ISO_3166_DOMAIN "iso_3166-1"

static const char * const oic_members[] = {
  "AFG", "ALB", "DZA", "AZE", "BHR", "BGD", "BEN", "BRN", "BFA", "CMR", "TCD", "COM",
  "CIV", "DJI", "EGY", "GAB", "GMB", "GIN", "GNB", "GUY", "IDN", "IRN", "IRQ", "JOR",
  "KAZ", "KWT", "KGZ", "LBN", "LBY", "MYS", "MDV", "MLI", "MRT", "MAR", "MOZ", "NER",
  "NGA", "OMN", "PAK", "PSE", "QAT", "SAU", "SEN", "SLE", "SOM", "SDN", "SUR", "SYR",
  "TJK", "TGO", "TUN", "TUR", "TKM", "UGA", "ARE", "UZB", "YEM",
  NULL
};

static const char * const sectors[] = {
  "government", "defence", "finance", "energy", "telecom",
  "health", "transport", "water", "education", "other",
  NULL
};

static const char * const sizes[] = {
  "small", "medium", "large", "very-large",
  NULL
};

static MizanCountry *countries;
static guint n_countries;

static int
compare_countries (const void *a,
                   const void *b)
{
  return strcmp (((const MizanCountry *) a)->alpha3, ((const MizanCountry *) b)->alpha3);
}

/* The list lives as long as the process: callers hold its strings. */
static void
load_countries (void)
{
  g_autofree char *path = g_build_filename (ISO_CODES_DIR, "json", "iso_3166-1.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) list = g_array_new (FALSE, FALSE, sizeof (MizanCountry));
  JsonNode *root;
  JsonNode *entries_node = NULL;
  JsonArray *entries;

  /* Names go out as UTF-8 whatever the locale's charset. */
  bind_textdomain_codeset (ISO_3166_DOMAIN, "UTF-8");

  if (!json_parser_load_from_file (parser, path, &error))
    {
      g_warning ("Cannot read the list of countries from iso-codes: %s", error->message);
      return;
    }

  root = json_parser_get_root (parser);
  if (root != NULL && JSON_NODE_HOLDS_OBJECT (root))
    entries_node = json_object_get_member (json_node_get_object (root), "3166-1");
  if (entries_node == NULL || !JSON_NODE_HOLDS_ARRAY (entries_node))
    {
      g_warning ("%s has no \"3166-1\" list of countries", path);
      return;
    }

  entries = json_node_get_array (entries_node);
  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      JsonNode *node = json_array_get_element (entries, i);
      JsonObject *entry;
      const char *alpha3, *name;
      MizanCountry country;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      entry = json_node_get_object (node);
      alpha3 = json_object_get_string_member_with_default (entry, "alpha_3", NULL);
      name = json_object_get_string_member_with_default (entry, "name", NULL);
      if (alpha3 == NULL || name == NULL)
        continue;

      country.alpha3 = g_intern_string (alpha3);
      country.name = g_intern_string (name);
      g_array_append_val (list, country);
    }

  g_array_sort (list, compare_countries);
  n_countries = list->len;
  countries = (MizanCountry *) (void *) g_array_free (g_steal_pointer (&list), FALSE);
}

static void
ensure_countries (void)
{
  static gsize loaded = 0;

  if (g_once_init_enter (&loaded))
    {
      load_countries ();
      g_once_init_leave (&loaded, 1);
    }
}

const MizanCountry *
mizan_countries_get_all (guint *out_n_countries)
{
  ensure_countries ();

  if (out_n_countries != NULL)
    *out_n_countries = n_countries;
  return countries;
}

static const MizanCountry *
find_country (const char *alpha3)
{
  MizanCountry key = { alpha3, NULL };

  if (alpha3 == NULL)
    return NULL;

  ensure_countries ();
  if (countries == NULL)
    return NULL;
  return bsearch (&key, countries, n_countries, sizeof (MizanCountry), compare_countries);
}

gboolean
mizan_country_is_valid (const char *alpha3)
{
  return find_country (alpha3) != NULL;
}

const char *
mizan_country_get_name (const char *alpha3)
{
  const MizanCountry *country = find_country (alpha3);

  if (country == NULL)
    return NULL;
  return dgettext (ISO_3166_DOMAIN, country->name);
}

gboolean
mizan_country_is_oic_member (const char *alpha3)
{
  return alpha3 != NULL && g_strv_contains (oic_members, alpha3);
}

const char * const *
mizan_countries_get_oic (void)
{
  return oic_members;
}

const char * const *
mizan_sectors_get_all (void)
{
  return sectors;
}

gboolean
mizan_sector_is_valid (const char *sector)
{
  return sector != NULL && g_strv_contains (sectors, sector);
}

const char *
mizan_sector_get_label (const char *sector)
{
  if (g_strcmp0 (sector, "government") == 0)
    return _("Government");
  if (g_strcmp0 (sector, "defence") == 0)
    return _("Defence");
  if (g_strcmp0 (sector, "finance") == 0)
    return _("Finance");
  if (g_strcmp0 (sector, "energy") == 0)
    return _("Energy");
  if (g_strcmp0 (sector, "telecom") == 0)
    return _("Telecommunications");
  if (g_strcmp0 (sector, "health") == 0)
    return _("Health");
  if (g_strcmp0 (sector, "transport") == 0)
    return _("Transport");
  if (g_strcmp0 (sector, "water") == 0)
    return _("Water");
  if (g_strcmp0 (sector, "education") == 0)
    return _("Education");
  if (g_strcmp0 (sector, "other") == 0)
    return _("Other");
  return NULL;
}

const char * const *
mizan_sizes_get_all (void)
{
  return sizes;
}

gboolean
mizan_size_is_valid (const char *size)
{
  return size != NULL && g_strv_contains (sizes, size);
}

const char *
mizan_size_get_label (const char *size)
{
  if (g_strcmp0 (size, "small") == 0)
    return _("Small (fewer than 100 staff)");
  if (g_strcmp0 (size, "medium") == 0)
    return _("Medium (100–999 staff)");
  if (g_strcmp0 (size, "large") == 0)
    return _("Large (1,000–9,999 staff)");
  if (g_strcmp0 (size, "very-large") == 0)
    return _("Very large (10,000 staff or more)");
  return NULL;
}
