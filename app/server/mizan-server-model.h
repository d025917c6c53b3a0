/* mizan-server-model.h — the stored submissions in memory, and the answers computed from them
 * Per framework version: the submissions, the disclosure decision and a cache of answers, all redone after each change. */
#pragma once

#include <glib-object.h>

#include "mizan-catalog.h"
#include "mizan-server-submission.h"

G_BEGIN_DECLS

#define MIZAN_TYPE_SERVER_MODEL (mizan_server_model_get_type ())
G_DECLARE_FINAL_TYPE (MizanServerModel, mizan_server_model, MIZAN, SERVER_MODEL, GObject)

/* @countries: the member states accepted, in the order they are listed. */
MizanServerModel *mizan_server_model_new              (MizanCatalog          *catalog,
                                                       const char * const    *countries,
                                                       guint                  k);
MizanCatalog     *mizan_server_model_get_catalog      (MizanServerModel      *self);
const char * const *mizan_server_model_get_countries  (MizanServerModel      *self);
guint             mizan_server_model_get_k            (MizanServerModel      *self);

/* Adds @submission (transfer full), replacing one with the same id; FALSE
 * (and @submission dropped) when its country, sector or size is not accepted. */
gboolean          mizan_server_model_put              (MizanServerModel      *self,
                                                       MizanServerSubmission *submission);
gboolean          mizan_server_model_remove           (MizanServerModel      *self,
                                                       const char            *id);
guint             mizan_server_model_get_n_submissions (MizanServerModel     *self);

/* Position of @country in the accepted list, or -1. */
int               mizan_server_model_country_index    (MizanServerModel      *self,
                                                       const char            *country);

/* JSON answers (see docs/server-api.md); country, sector, size are indices
 * into the accepted countries, mizan_sectors_get_all () and
 * mizan_sizes_get_all (), or MIZAN_ANY. */
GBytes           *mizan_server_model_benchmarks       (MizanServerModel      *self,
                                                       MizanFramework        *framework,
                                                       int                    country,
                                                       int                    sector,
                                                       int                    size);
GBytes           *mizan_server_model_countries        (MizanServerModel      *self,
                                                       MizanFramework        *framework);

G_END_DECLS
