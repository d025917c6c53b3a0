/* mizan-exchange.h — the .mizan assessment exchange file and CSV export
 * Reading is all-or-nothing: any fault is an error naming its place. */
#pragma once

#include "mizan-assessment.h"
#include "mizan-catalog.h"
#include "mizan-results.h"

G_BEGIN_DECLS

#define MIZAN_EXCHANGE_MAX_FILE_SIZE (64 * 1024 * 1024)

#define MIZAN_EXCHANGE_ERROR (mizan_exchange_error_quark ())
typedef enum {
  MIZAN_EXCHANGE_ERROR_TOO_LARGE,
  MIZAN_EXCHANGE_ERROR_SYNTAX,              /* "FILE:LINE:COL: message" */
  MIZAN_EXCHANGE_ERROR_INVALID,             /* "FILE: PATH: message", e.g. "answers.GOV.9.9: unknown practice" */
  MIZAN_EXCHANGE_ERROR_UNKNOWN_FRAMEWORK,
} MizanExchangeError;
GQuark mizan_exchange_error_quark (void);

/* Checks the file against DESIGN.md and against its framework in @catalog
 * (every practice and capability id, status, target range, country, sector,
 * size). Every problem is a line of the error message. */
MizanAssessment *mizan_exchange_read_file   (const char       *path,
                                             MizanCatalog     *catalog,
                                             GError          **error);
MizanAssessment *mizan_exchange_read_data   (const char       *data,
                                             gssize            length,
                                             const char       *display_name,
                                             MizanCatalog     *catalog,
                                             GError          **error);
/* Pretty-printed JSON of the exchange format. */
char            *mizan_exchange_to_data     (MizanAssessment  *assessment,
                                             gsize            *length);
/* Answers and results, one row per practice, RFC 4180 quoting, UTF-8. */
char            *mizan_exchange_to_csv      (MizanAssessment  *assessment,
                                             MizanFramework   *framework,
                                             const MizanResults *results,
                                             gsize            *length);
/* Writes @data to @path through a temporary file in the same directory and a
 * rename, so the destination is never left half-written. */
gboolean         mizan_write_file_atomic    (const char       *path,
                                             const char       *data,
                                             gsize             length,
                                             GError          **error);

G_END_DECLS
