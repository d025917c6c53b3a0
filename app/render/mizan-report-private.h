/* mizan-report-private.h — what the report's files share: the report, its blocks and pages
 * Sections add blocks (text, tables, charts); the layout places them on pages; drawing reads the placements. */
#pragma once

#include <pango/pangocairo.h>
#include <librsvg/rsvg.h>

#include "mizan-charts.h"
#include "mizan-report.h"
#include "mizan-results.h"
#include "mizan-translation.h"

G_BEGIN_DECLS

#define MIZAN_REPORT_MAX_COLUMNS 6

typedef enum {
  MIZAN_BLOCK_HEADING,    /* level 1: a section, on a new page and in the contents; 2 and 3: subsections */
  MIZAN_BLOCK_TEXT,
  MIZAN_BLOCK_FIGURES,    /* headline figures side by side: value over caption */
  MIZAN_BLOCK_ROW,        /* one row of a table */
  MIZAN_BLOCK_CHART,
  MIZAN_BLOCK_CONTENTS,   /* one line of the contents: a section's title and its page */
  MIZAN_BLOCK_BREAK,      /* what follows starts a new page */
} MizanBlockKind;

typedef enum {
  MIZAN_CELL_START,       /* text, at the reading start of its cell */
  MIZAN_CELL_CENTER,      /* figures */
} MizanCellAlign;

typedef struct {
  guint          n_columns;
  double         widths[MIZAN_REPORT_MAX_COLUMNS];   /* points, in reading order */
  MizanCellAlign align[MIZAN_REPORT_MAX_COLUMNS];
  guint          header;                             /* block index of its header row */
  guint          n_rows;
  gboolean       lists;                              /* cells hold lists of ids: see mizan_report_table_lists() */
} MizanReportTable;

typedef struct {
  MizanBlockKind      kind;
  double              height;          /* measured when added */
  double              space_before;
  double              indent;          /* from the start edge */
  gboolean            keep_with_next;  /* headings and captions stay with what follows */
  guint               level;           /* heading level */
  gboolean            dim;             /* secondary text */
  PangoLayout        *layout;          /* heading, text, contents line */
  PangoLayout       **cells;           /* row: one per column; figures: value, caption, value, … */
  guint               n_cells;
  guint               table;           /* row: index in tables */
  gboolean            header;          /* row: its table's header, repeated on each page the table spans */
  gboolean            shaded;
  guint               target;          /* contents: the block index of the heading it lists */
  MizanChartKind      chart;
  const MizanResults *chart_results;
  double              chart_width;
  guint               page;            /* where it was first placed */
} MizanBlock;

typedef struct {
  guint  block;
  guint  page;
  double y;
} MizanPlacement;

/* Gap bars of one domain's capabilities: results whose "domains" are the
 * capabilities, so the chart code draws them as it draws domains. */
typedef struct {
  MizanResults       results;
  MizanDomain       *rows;
  MizanDomainResult *row_results;
} MizanCapabilityBars;

struct _MizanReport {
  MizanFramework       *framework;
  MizanAssessment      *assessment;
  MizanResults         *results;
  MizanStatus          *statuses;
  MizanAssessment      *compare;
  MizanFramework       *compare_framework;
  MizanResults         *compare_results;
  GPtrArray            *bars;            /* MizanCapabilityBars per domain */

  char                 *lang;            /* en, ar or fr */
  gboolean              rtl;
  MizanTranslation     *tr;              /* Mizan's own strings */
  MizanTranslation     *iso;             /* country names (iso-codes) */
  char                 *consultant;
  RsvgHandle           *logo;
  char                 *date;            /* the report's date, as shown */
  gint64                date_unix;

  double                page_width, page_height;
  double                margin_x, margin_top, margin_bottom;
  double                text_width;

  PangoFontMap         *font_map;
  PangoContext         *pango;           /* points at 72 dpi, in the report's direction */
  const char           *font_family;

  GArray               *blocks;          /* MizanBlock */
  GArray               *tables;          /* MizanReportTable */
  GArray               *placements;      /* MizanPlacement, page order */
  guint                 n_pages;          /* the cover is page 1 */
  guint                *page_start;       /* first placement of each page; n_pages + 1 entries */
};

/* Base sizes, in points */
#define MIZAN_REPORT_BODY_SIZE 9.5
#define MIZAN_REPORT_SMALL_SIZE 8.0

/* A report string in the report's language; @msgid is marked with N_(). */
const char   *mizan_report_tr              (MizanReport           *self,
                                            const char            *msgid) G_GNUC_FORMAT (2);
/* Framework text in the report's language. */
const char   *mizan_report_text            (MizanReport           *self,
                                            const MizanText       *text);
/* "2.35", with a decimal comma in French */
char         *mizan_report_format_index    (MizanReport           *self,
                                            double                 value);
char         *mizan_report_format_percent  (MizanReport           *self,
                                            double                 fraction);
const char   *mizan_report_status_label    (MizanReport           *self,
                                            MizanStatus            status);
/* "Draft — 8 % answered" while any practice is unanswered, else NULL: on
 * the cover and every page (DESIGN.md "Provisional results"). */
char         *mizan_report_draft_text      (MizanReport           *self);

/* Layout (mizan-report-layout.c) */
PangoLayout  *mizan_report_layout_new      (MizanReport           *self,
                                            const char            *text,
                                            double                 size,
                                            gboolean               bold,
                                            double                 width,
                                            MizanCellAlign         align);
/* Sets the visual alignment of every line, whatever each paragraph's direction. */
void          mizan_report_layout_align    (MizanReport           *self,
                                            PangoLayout           *layout,
                                            PangoAlignment         visual);
guint         mizan_report_add_heading     (MizanReport           *self,
                                            guint                  level,
                                            const char            *text);
void          mizan_report_add_text        (MizanReport           *self,
                                            const char            *text,
                                            double                 size,
                                            gboolean               bold,
                                            gboolean               dim,
                                            double                 indent,
                                            double                 space_before);
/* The block added last stays on the page of the one that follows it. */
void          mizan_report_keep_with_next  (MizanReport           *self);
void          mizan_report_add_figures     (MizanReport           *self,
                                            const char * const    *values,
                                            const char * const    *captions,
                                            guint                  n);
/* @widths are fractions of the text width; returns the table's index. */
guint         mizan_report_add_table       (MizanReport           *self,
                                            guint                  n_columns,
                                            const double          *widths,
                                            const MizanCellAlign  *align,
                                            const char * const    *headers);
/* The cells of the rows added from now on hold lists of ids, one list a
 * line: they break only at spaces, so that "GOV.1.1" or "GV.OC-01" is never
 * split at its dot or dash, and a list that wraps hangs under its first line. */
void          mizan_report_table_lists     (MizanReport           *self,
                                            guint                  table);
void          mizan_report_add_row         (MizanReport           *self,
                                            guint                  table,
                                            const char * const    *cells);
void          mizan_report_add_chart       (MizanReport           *self,
                                            MizanChartKind         kind,
                                            const MizanResults    *results,
                                            double                 width,
                                            double                 height);
void          mizan_report_add_contents    (MizanReport           *self,
                                            guint                  heading,
                                            const char            *title);
void          mizan_report_add_break       (MizanReport           *self);
void          mizan_report_paginate        (MizanReport           *self);
void          mizan_report_draw_blocks     (MizanReport           *self,
                                            cairo_t               *cr,
                                            guint                  page);
void          mizan_report_chart_style     (MizanReport           *self,
                                            MizanChartStyle       *style);
/* x of the left edge of a box @width wide that starts @offset from the start edge */
double        mizan_report_start_x         (MizanReport           *self,
                                            double                 offset,
                                            double                 width);
void          mizan_report_show_layout     (MizanReport           *self,
                                            cairo_t               *cr,
                                            PangoLayout           *layout,
                                            double                 x,
                                            double                 y,
                                            guint32                rgb);

/* Sections (mizan-report-sections.c); the cover is drawn, not laid out */
void          mizan_report_build           (MizanReport           *self);
void          mizan_report_draw_cover      (MizanReport           *self,
                                            cairo_t               *cr);

/* The NIST CSF 2.0 appendix (mizan-report-coverage.c): its heading, or NULL
 * when no practice of the framework cites the CSF; then adding it adds nothing. */
char         *mizan_report_coverage_title  (MizanReport           *self);
void          mizan_report_add_coverage    (MizanReport           *self);

G_END_DECLS
