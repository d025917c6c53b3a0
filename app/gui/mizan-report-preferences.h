/* mizan-report-preferences.h — the Reports page of the Preferences window
 * Consultant name, logo, paper and language of PDF reports, bound to their GSettings keys. */
#pragma once

#include <adwaita.h>

#include "mizan-preferences.h"

G_BEGIN_DECLS

#define MIZAN_TYPE_REPORT_PREFERENCES (mizan_report_preferences_get_type ())
G_DECLARE_FINAL_TYPE (MizanReportPreferences, mizan_report_preferences, MIZAN, REPORT_PREFERENCES, AdwPreferencesPage)

GtkWidget *mizan_report_preferences_new (MizanPreferences *preferences);

G_END_DECLS
