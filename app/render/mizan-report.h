/* mizan-report.h — the PDF report of an assessment, for leadership
 * Laid out once (cover, contents, summary, domains, roadmap, comparison, method, CSF appendix), then drawn page by page on any cairo_t. */
#pragma once

#include <cairo.h>
#include <glib.h>
#include "mizan-assessment.h"
#include "mizan-framework.h"

G_BEGIN_DECLS

#define MIZAN_REPORT_ERROR (mizan_report_error_quark ())
typedef enum {
  MIZAN_REPORT_ERROR_LOGO,      /* the logo is missing or not a readable SVG */
  MIZAN_REPORT_ERROR_INVALID,   /* a language, paper or comparison the report cannot use */
  MIZAN_REPORT_ERROR_FAILED,    /* cairo could not produce the PDF */
} MizanReportError;
GQuark mizan_report_error_quark (void);

typedef enum {
  MIZAN_PAPER_A4,
  MIZAN_PAPER_LETTER,
} MizanPaper;

typedef struct {
  const char      *language;            /* "en", "ar" or "fr"; NULL or "": the user's, if one of them, else English */
  MizanPaper       paper;
  const char      *consultant;          /* nullable: shown on the cover */
  const char      *logo_path;           /* nullable: an SVG file drawn on the cover */
  MizanAssessment *compare;             /* nullable: an earlier assessment of the same framework */
  MizanFramework  *compare_framework;   /* the framework @compare was made with (may differ in version) */
  gint64           date;                /* Unix time shown as the report's date; 0: now */
} MizanReportOptions;

typedef struct _MizanReport MizanReport;

/* Lays the whole report out. Fails on a logo that cannot be read (the error
 * names the file and why), an unknown language, or a comparison with another framework. */
MizanReport *mizan_report_new             (MizanFramework           *framework,
                                           MizanAssessment          *assessment,
                                           const MizanReportOptions *options,
                                           GError                  **error);
void         mizan_report_free            (MizanReport              *self);

guint        mizan_report_get_n_pages     (MizanReport              *self);
/* In points (1/72 inch): 595.3 × 841.9 for A4, 612 × 792 for US Letter. */
void         mizan_report_get_page_size   (MizanReport              *self,
                                           double                   *width,
                                           double                   *height);
/* The language the report is written in: "en", "ar" or "fr". */
const char  *mizan_report_get_language    (MizanReport              *self);
/* Draws page @page (0-based) in the rectangle (0, 0, width, height) of @cr's
 * user space, in points: scale @cr first to print at another size. */
void         mizan_report_draw_page       (MizanReport              *self,
                                           cairo_t                  *cr,
                                           guint                     page);
/* The whole PDF, with its metadata (title, author, subject, creation date). */
GBytes      *mizan_report_to_pdf          (MizanReport              *self,
                                           GError                  **error);
/* Writes the PDF to @path whole or not at all (a temporary file beside it, then a rename). */
gboolean     mizan_report_write_pdf       (MizanReport              *self,
                                           const char               *path,
                                           GError                  **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MizanReport, mizan_report_free)

G_END_DECLS
