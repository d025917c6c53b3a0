/* mizan-references.h — the identifiers of the standards a framework may cite
 * Loaded once from the JSON files of data/references/, beside the built-in frameworks: ids and short titles. */
#pragma once

#include <glib.h>

#include "mizan-framework.h"

G_BEGIN_DECLS

typedef struct _MizanReferenceScheme MizanReferenceScheme;

/* The scheme named @scheme (e.g. "nist-csf-2.0"), or NULL when none ships:
 * a framework may cite other schemes, whose ids are not checked. */
const MizanReferenceScheme *mizan_references_lookup_scheme   (const char *scheme);
/* "NIST CSF 2.0", "ISO/IEC 27001:2022" */
const char                 *mizan_reference_scheme_get_title (const MizanReferenceScheme *self);
/* The short title of @id, or NULL when the scheme has no such identifier. */
const char                 *mizan_reference_scheme_lookup    (const MizanReferenceScheme *self,
                                                              const char                 *id);
/* Every identifier, in the data file's order; transfer none. */
const char * const         *mizan_reference_scheme_get_ids   (const MizanReferenceScheme *self);

/* A reader's line of @references, each scheme by its standard's name and
 * direction-isolated: "NIST CSF 2.0: GV.OC-01, GV.RM-01; ISO/IEC 27001:2022: 5.1"
 * (with U+2068 … U+2069 around each run); a scheme that does not ship keeps
 * its id. NULL when there are none. */
char                       *mizan_references_format          (const MizanReference       *references,
                                                              guint                       n_references);

G_END_DECLS
