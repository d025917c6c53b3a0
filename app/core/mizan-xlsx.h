/* mizan-xlsx.h — an assessment and its results as an Excel workbook, for consultants' own analyses
 * Sheets Summary, Domains, Capabilities, Answers and Roadmap with real numbers, number formats and frozen headers. */
#pragma once

#include "mizan-results.h"

G_BEGIN_DECLS

#define MIZAN_XLSX_ERROR (mizan_xlsx_error_quark ())
typedef enum {
  MIZAN_XLSX_ERROR_FAILED,   /* libxlsxwriter could not build the workbook */
} MizanXlsxError;
GQuark mizan_xlsx_error_quark (void);

/* The workbook's bytes. */
GBytes   *mizan_xlsx_build (MizanAssessment    *assessment,
                            const MizanResults *results,
                            GError            **error);
/* Written whole or not at all (a temporary file beside @path, then a rename). */
gboolean  mizan_xlsx_write (MizanAssessment    *assessment,
                            const MizanResults *results,
                            const char         *path,
                            GError            **error);

G_END_DECLS
