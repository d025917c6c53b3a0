/* mizan-catalog.h — the frameworks a user can assess against
 * Built-in ones installed with the app, then the user's own under $XDG_DATA_HOME/mizan/frameworks. */
#pragma once

#include "mizan-framework.h"

G_BEGIN_DECLS

#define MIZAN_TYPE_CATALOG (mizan_catalog_get_type ())
G_DECLARE_FINAL_TYPE (MizanCatalog, mizan_catalog, MIZAN, CATALOG, GObject)

/* The built-in directory: $MIZAN_FRAMEWORKS_DIR when set (uninstalled runs
 * and tests), else the installed pkgdatadir/frameworks. */
const char     *mizan_catalog_get_builtin_dir    (void);
/* "references" beside the built-in directory: the identifiers of the
 * standards frameworks cite (see mizan-references.h). */
char           *mizan_catalog_get_references_dir (void);
/* $XDG_DATA_HOME/mizan/frameworks */
char           *mizan_catalog_get_user_dir       (void);

MizanCatalog   *mizan_catalog_new                (void);
/* Built-in and user directories. A file that fails to load is skipped and
 * its problems are kept in the warnings. */
MizanCatalog   *mizan_catalog_new_default        (void);
/* Loads every *.json in @dir (a missing directory is not an error). */
void            mizan_catalog_add_directory      (MizanCatalog   *self,
                                                  const char     *dir);
void            mizan_catalog_add                (MizanCatalog   *self,
                                                  MizanFramework *framework);
/* Frameworks sorted by id then version; transfer none. */
GPtrArray      *mizan_catalog_get_frameworks     (MizanCatalog   *self);
/* @version NULL: the highest version of @id. Transfer none; NULL when absent. */
MizanFramework *mizan_catalog_lookup             (MizanCatalog   *self,
                                                  const char     *id,
                                                  const char     *version);
/* The newest version of @framework's model that says how to carry answers
 * from @framework's version (its supersedes map), or NULL. */
MizanFramework *mizan_catalog_lookup_successor   (MizanCatalog   *self,
                                                  MizanFramework *framework);
/* One string per problem met while loading; transfer none. */
GPtrArray      *mizan_catalog_get_warnings       (MizanCatalog   *self);

G_END_DECLS
