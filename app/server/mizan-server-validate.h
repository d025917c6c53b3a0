/* mizan-server-validate.h — checks a mizan-submission/1 body before anything is stored
 * Exact keys, types, ranges and ids against the framework; the first fault is named by its JSON path. */
#pragma once

#include "mizan-catalog.h"
#include "mizan-server-submission.h"

G_BEGIN_DECLS

#define MIZAN_SERVER_VALIDATE_ERROR (mizan_server_validate_error_quark ())
typedef enum {
  MIZAN_SERVER_VALIDATE_ERROR_SYNTAX,             /* not JSON, or nested too deeply */
  MIZAN_SERVER_VALIDATE_ERROR_MISSING_FIELD,
  MIZAN_SERVER_VALIDATE_ERROR_UNKNOWN_FIELD,
  MIZAN_SERVER_VALIDATE_ERROR_WRONG_TYPE,
  MIZAN_SERVER_VALIDATE_ERROR_INVALID_VALUE,      /* out of range, malformed, unknown id */
  MIZAN_SERVER_VALIDATE_ERROR_UNKNOWN_FRAMEWORK,
  MIZAN_SERVER_VALIDATE_ERROR_INCONSISTENT,       /* domain figures disagree with its capabilities */
} MizanServerValidateError;
GQuark       mizan_server_validate_error_quark (void);

/* The "code" of the API's error body for @code, e.g. "unknown_field". */
const char  *mizan_server_validate_error_name  (MizanServerValidateError code);

/* Checks @data (@length bytes) as a mizan-submission/1 document: frameworks
 * from @catalog, countries from @countries, the period no later than the
 * quarter of @now (unix seconds, a day of clock skew allowed). On failure
 * sets @error and, when the fault has a place, @field to its JSON path
 * ("domains[2].level"). */
MizanServerSubmission *mizan_server_validate_submission (const char          *data,
                                                         gsize                length,
                                                         MizanCatalog        *catalog,
                                                         const char * const  *countries,
                                                         gint64               now,
                                                         char               **field,
                                                         GError             **error);

/* TRUE for a canonical UUID version 4 (either case). */
gboolean     mizan_server_is_uuid_v4           (const char *text);

G_END_DECLS
