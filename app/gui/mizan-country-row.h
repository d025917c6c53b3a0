/* mizan-country-row.h — a preferences row that picks a country from the iso-codes list
 * Localized names, searchable by name or ISO code; the value is the ISO 3166-1 alpha-3 code. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define MIZAN_TYPE_COUNTRY_ROW (mizan_country_row_get_type ())
G_DECLARE_FINAL_TYPE (MizanCountryRow, mizan_country_row, MIZAN, COUNTRY_ROW, AdwActionRow)

/* NULL until one is chosen */
const char *mizan_country_row_get_country (MizanCountryRow *self);
/* @alpha3 NULL or unknown: none chosen */
void        mizan_country_row_set_country (MizanCountryRow *self,
                                           const char      *alpha3);

G_END_DECLS
