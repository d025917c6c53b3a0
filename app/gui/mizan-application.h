/* mizan-application.h — the single-instance org.comstech.Mizan application
 * Owns the framework catalog, the database and the preferences that every window shares. */
#pragma once

#include <adwaita.h>

#include "mizan-catalog.h"
#include "mizan-preferences.h"
#include "mizan-store.h"

G_BEGIN_DECLS

#define MIZAN_TYPE_APPLICATION (mizan_application_get_type ())
G_DECLARE_FINAL_TYPE (MizanApplication, mizan_application, MIZAN, APPLICATION, AdwApplication)

MizanApplication *mizan_application_new             (void);

/* Valid after startup. */
MizanCatalog     *mizan_application_get_catalog     (MizanApplication *self);
/* NULL when the database could not be opened; see the store error. */
MizanStore       *mizan_application_get_store       (MizanApplication *self);
const GError     *mizan_application_get_store_error (MizanApplication *self);
MizanPreferences *mizan_application_get_preferences (MizanApplication *self);
/* Closes every window, puts @backup in place of the database (the current
 * file kept as a backup of its own), reopens and shows a new window. */
gboolean          mizan_application_restore_backup  (MizanApplication *self,
                                                     const char       *backup,
                                                     GError          **error);

G_END_DECLS
