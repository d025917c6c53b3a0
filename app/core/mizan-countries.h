/* mizan-countries.h — countries (ISO 3166-1 alpha-3, from iso-codes), sectors and sizes
 * The vocabularies an organization profile is checked against, with localized names. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  const char *alpha3;
  const char *name;   /* English, as iso-codes has it */
} MizanCountry;

/* All countries iso-codes knows, sorted by alpha-3; transfer none. */
const MizanCountry *mizan_countries_get_all      (guint      *n_countries);
gboolean            mizan_country_is_valid       (const char *alpha3);
/* Name in the user's language (iso-codes' translations), else English; NULL if unknown. */
const char         *mizan_country_get_name       (const char *alpha3);
/* The 57 OIC member states of DESIGN.md */
gboolean            mizan_country_is_oic_member  (const char *alpha3);
const char * const *mizan_countries_get_oic      (void);

const char * const *mizan_sectors_get_all        (void);
gboolean            mizan_sector_is_valid        (const char *sector);
const char         *mizan_sector_get_label       (const char *sector);
const char * const *mizan_sizes_get_all          (void);
gboolean            mizan_size_is_valid          (const char *size);
const char         *mizan_size_get_label         (const char *size);

G_END_DECLS
