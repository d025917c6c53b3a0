/* mizan-export.h — Export… and Print… of an open assessment
 * A file chooser for every export format, a toast that opens the result, and printing with the report's renderer. */
#pragma once

#include <gtk/gtk.h>

#include "mizan-charts.h"
#include "mizan-report.h"
#include "mizan-session.h"

G_BEGIN_DECLS

typedef enum {
  MIZAN_EXPORT_PDF,
  MIZAN_EXPORT_XLSX,
  MIZAN_EXPORT_CSV,
  MIZAN_EXPORT_MIZAN,
  MIZAN_EXPORT_SVG,
  MIZAN_EXPORT_PNG,
} MizanExportFormat;

/* The report of @session's assessment, branded with the preferences (consultant, logo, paper, language). */
MizanReport *mizan_export_new_report (MizanSession      *session,
                                      GError           **error);
/* Writes @session's assessment to @path (whole or not at all); @chart is used by SVG and PNG. */
gboolean     mizan_export_write      (MizanSession      *session,
                                      MizanExportFormat  format,
                                      MizanChartKind     chart,
                                      const char        *path,
                                      GError           **error);
/* Asks where and in which format, writes, and shows a toast in @widget's toast overlay. */
void         mizan_export_choose     (GtkWidget         *widget,
                                      MizanSession      *session);
/* The print dialog, pages drawn by the report renderer. */
void         mizan_export_print      (GtkWidget         *widget,
                                      MizanSession      *session);

G_END_DECLS
