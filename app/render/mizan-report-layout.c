/* mizan-report-layout.c — the report's blocks: measured when added, placed on pages, drawn
 * Text through Pango in points, tables that repeat their header on each page, charts from mizan-charts. */

#include "config.h"

#include "mizan-chart-private.h"
#include "mizan-report-private.h"

#define COLOR_TEXT    0x241f31
#define COLOR_DIM     0x5e5c64
#define COLOR_ACCENT  0x1a5fb4
#define COLOR_RULE    0xc0bfbc
#define COLOR_SHADE   0xf6f5f4
#define COLOR_HEADER  0xdde7f5
#define COLOR_BOX     0xeef3fb

#define CELL_PAD_X 4.0
#define CELL_PAD_Y 3.0

static void
set_rgb (cairo_t *cr,
         guint32  rgb)
{
  cairo_set_source_rgb (cr, (rgb >> 16 & 0xff) / 255.0, (rgb >> 8 & 0xff) / 255.0, (rgb & 0xff) / 255.0);
}

static double
layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return logical.height / (double) PANGO_SCALE;
}

PangoLayout *
mizan_report_layout_new (MizanReport    *self,
                         const char     *text,
                         double          size,
                         gboolean        bold,
                         double          width,
                         MizanCellAlign  align)
{
  PangoLayout *layout = pango_layout_new (self->pango);
  PangoFontDescription *font = pango_font_description_from_string (self->font_family);

  /* Absolute sizes: user units of the PDF surface are points. */
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);

  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  mizan_report_layout_align (self, layout,
                             align == MIZAN_CELL_CENTER ? PANGO_ALIGN_CENTER
                             : self->rtl ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
  return layout;
}

void
mizan_report_layout_align (MizanReport    *self,
                           PangoLayout    *layout,
                           PangoAlignment  visual)
{
  PangoDirection dir = mizan_chart_text_direction (pango_layout_get_text (layout));
  gboolean swapped = (dir == PANGO_DIRECTION_LTR && self->rtl) || (dir == PANGO_DIRECTION_RTL && !self->rtl);

  /* Each paragraph keeps its own direction (an English note in an Arabic
   * report reads left to right), but Pango swaps left and right alignment
   * for a paragraph against the report's direction; undo that, so every
   * line sits at the edge the report asks for. */
  if (swapped && visual == PANGO_ALIGN_LEFT)
    visual = PANGO_ALIGN_RIGHT;
  else if (swapped && visual == PANGO_ALIGN_RIGHT)
    visual = PANGO_ALIGN_LEFT;
  pango_layout_set_alignment (layout, visual);
}

double
mizan_report_start_x (MizanReport *self,
                      double       offset,
                      double       width)
{
  if (self->rtl)
    return self->margin_x + self->text_width - offset - width;
  return self->margin_x + offset;
}

void
mizan_report_show_layout (MizanReport *self,
                          cairo_t     *cr,
                          PangoLayout *layout,
                          double       x,
                          double       y,
                          guint32      rgb)
{
  set_rgb (cr, rgb);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static MizanBlock *
append_block (MizanReport    *self,
              MizanBlockKind  kind)
{
  MizanBlock block = { 0 };

  block.kind = kind;
  g_array_append_val (self->blocks, block);
  return &g_array_index (self->blocks, MizanBlock, self->blocks->len - 1);
}

void
mizan_report_add_break (MizanReport *self)
{
  if (self->blocks->len > 0 &&
      g_array_index (self->blocks, MizanBlock, self->blocks->len - 1).kind == MIZAN_BLOCK_BREAK)
    return;
  append_block (self, MIZAN_BLOCK_BREAK);
}

guint
mizan_report_add_heading (MizanReport *self,
                          guint        level,
                          const char  *text)
{
  static const double sizes[] = { 18.0, 13.0, 10.5 };
  static const double spaces[] = { 0.0, 16.0, 10.0 };
  MizanBlock *block;

  level = CLAMP (level, 1, 3);
  if (level == 1)
    mizan_report_add_break (self);
  block = append_block (self, MIZAN_BLOCK_HEADING);
  block->level = level;
  block->keep_with_next = TRUE;
  block->space_before = spaces[level - 1];
  block->layout = mizan_report_layout_new (self, text, sizes[level - 1], TRUE, self->text_width, MIZAN_CELL_START);
  block->height = layout_height (block->layout) + (level == 1 ? 12.0 : 4.0);
  return self->blocks->len - 1;
}

void
mizan_report_keep_with_next (MizanReport *self)
{
  g_return_if_fail (self->blocks->len > 0);
  g_array_index (self->blocks, MizanBlock, self->blocks->len - 1).keep_with_next = TRUE;
}

void
mizan_report_add_text (MizanReport *self,
                       const char  *text,
                       double       size,
                       gboolean     bold,
                       gboolean     dim,
                       double       indent,
                       double       space_before)
{
  MizanBlock *block = append_block (self, MIZAN_BLOCK_TEXT);

  block->indent = indent;
  block->dim = dim;
  block->space_before = space_before;
  block->layout = mizan_report_layout_new (self, text, size, bold, self->text_width - indent, MIZAN_CELL_START);
  block->height = layout_height (block->layout);
}

#define FIGURE_GAP 8.0

void
mizan_report_add_figures (MizanReport        *self,
                          const char * const *values,
                          const char * const *captions,
                          guint               n)
{
  MizanBlock *block = append_block (self, MIZAN_BLOCK_FIGURES);
  double box_width = (self->text_width - FIGURE_GAP * (n - 1)) / n;
  double tallest = 0;

  block->space_before = 8.0;
  block->n_cells = 2 * n;
  block->cells = g_new0 (PangoLayout *, 2 * n);
  for (guint i = 0; i < n; i++)
    {
      block->cells[2 * i] = mizan_report_layout_new (self, values[i], 20.0, TRUE, box_width - 8, MIZAN_CELL_CENTER);
      block->cells[2 * i + 1] = mizan_report_layout_new (self, captions[i], MIZAN_REPORT_SMALL_SIZE, FALSE,
                                                         box_width - 8, MIZAN_CELL_CENTER);
      tallest = MAX (tallest, layout_height (block->cells[2 * i]) + 2 + layout_height (block->cells[2 * i + 1]));
    }
  block->height = tallest + 16.0;
}

/* Forbids line breaks inside each run of non-space characters and indents wrapped lines. */
static void
set_list (PangoLayout *layout)
{
  const char *text = pango_layout_get_text (layout);
  PangoAttrList *attrs = pango_attr_list_new ();
  const char *p = text;

  while (*p != '\0')
    {
      const char *start;
      PangoAttribute *attr;

      while (*p != '\0' && g_unichar_isspace (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      start = p;
      while (*p != '\0' && !g_unichar_isspace (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (p == start)
        break;
      attr = pango_attr_allow_breaks_new (FALSE);
      attr->start_index = start - text;
      attr->end_index = p - text;
      pango_attr_list_insert (attrs, attr);
    }
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  /* Negative: a hanging indent, at the start edge in either direction. */
  pango_layout_set_indent (layout, -8 * PANGO_SCALE);
}

static MizanBlock *
add_row_block (MizanReport        *self,
               guint               table_index,
               const char * const *cells,
               gboolean            header)
{
  MizanReportTable *table = &g_array_index (self->tables, MizanReportTable, table_index);
  MizanReportTable copy = *table;
  MizanBlock *block = append_block (self, MIZAN_BLOCK_ROW);
  double tallest = 0;

  block->table = table_index;
  block->header = header;
  block->keep_with_next = header;
  block->shaded = !header && (copy.n_rows % 2 == 1);
  block->n_cells = copy.n_columns;
  block->cells = g_new0 (PangoLayout *, copy.n_columns);
  for (guint i = 0; i < copy.n_columns; i++)
    {
      double size = header ? MIZAN_REPORT_SMALL_SIZE : MIZAN_REPORT_SMALL_SIZE + 0.5;

      block->cells[i] = mizan_report_layout_new (self, cells[i], size, header,
                                                 copy.widths[i] - 2 * CELL_PAD_X, copy.align[i]);
      if (copy.lists && !header)
        set_list (block->cells[i]);
      tallest = MAX (tallest, layout_height (block->cells[i]));
    }
  block->height = tallest + 2 * CELL_PAD_Y;
  if (!header)
    g_array_index (self->tables, MizanReportTable, table_index).n_rows++;
  return block;
}

guint
mizan_report_add_table (MizanReport          *self,
                        guint                 n_columns,
                        const double         *widths,
                        const MizanCellAlign *align,
                        const char * const   *headers)
{
  MizanReportTable table = { 0 };
  MizanBlock *header;

  g_return_val_if_fail (n_columns > 0 && n_columns <= MIZAN_REPORT_MAX_COLUMNS, 0);

  table.n_columns = n_columns;
  for (guint i = 0; i < n_columns; i++)
    {
      table.widths[i] = widths[i] * self->text_width;
      table.align[i] = align != NULL ? align[i] : MIZAN_CELL_START;
    }
  table.header = self->blocks->len;
  g_array_append_val (self->tables, table);
  header = add_row_block (self, self->tables->len - 1, headers, TRUE);
  header->space_before = 6.0;
  return self->tables->len - 1;
}

void
mizan_report_table_lists (MizanReport *self,
                          guint        table)
{
  g_array_index (self->tables, MizanReportTable, table).lists = TRUE;
}

void
mizan_report_add_row (MizanReport        *self,
                      guint               table,
                      const char * const *cells)
{
  add_row_block (self, table, cells, FALSE);
}

void
mizan_report_add_chart (MizanReport        *self,
                        MizanChartKind      kind,
                        const MizanResults *results,
                        double              width,
                        double              height)
{
  MizanBlock *block = append_block (self, MIZAN_BLOCK_CHART);

  block->space_before = 8.0;
  block->chart = kind;
  block->chart_results = results;
  block->chart_width = MIN (width, self->text_width);
  block->height = height;
}

void
mizan_report_add_contents (MizanReport *self,
                           guint        heading,
                           const char  *title)
{
  MizanBlock *block = append_block (self, MIZAN_BLOCK_CONTENTS);

  block->target = heading;
  block->space_before = 4.0;
  block->layout = mizan_report_layout_new (self, title, MIZAN_REPORT_BODY_SIZE + 1, FALSE,
                                           self->text_width - 48, MIZAN_CELL_START);
  block->height = layout_height (block->layout);
}

static void
place (MizanReport *self,
       guint        block_index,
       guint        page,
       double       y)
{
  MizanPlacement placement = { block_index, page, y };
  MizanBlock *block = &g_array_index (self->blocks, MizanBlock, block_index);

  if (block->page == 0)
    block->page = page;
  g_array_append_val (self->placements, placement);
}

/* Page 0 is the cover; blocks flow from page 1. A block that does not fit
 * starts a new page, a heading (or table header) moves with what follows
 * it, and a table broken across pages repeats its header row. */
void
mizan_report_paginate (MizanReport *self)
{
  double top = self->margin_top;
  double bottom = self->page_height - self->margin_bottom;
  guint page = 1;
  double y = top;
  gint last_table = -1;   /* the table of the block placed last, or -1 */

  for (guint i = 0; i < self->blocks->len; i++)
    {
      MizanBlock *block = &g_array_index (self->blocks, MizanBlock, i);
      double gap, need;

      if (block->kind == MIZAN_BLOCK_BREAK)
        {
          if (y > top)
            {
              page++;
              y = top;
            }
          last_table = -1;
          continue;
        }

      gap = y > top ? block->space_before : 0;
      need = gap + block->height;
      /* A chain of keep-with-next blocks travels with the first block after it. */
      for (guint j = i; j + 1 < self->blocks->len; j++)
        {
          MizanBlock *cur = &g_array_index (self->blocks, MizanBlock, j);
          MizanBlock *next = &g_array_index (self->blocks, MizanBlock, j + 1);

          if (!cur->keep_with_next || next->kind == MIZAN_BLOCK_BREAK)
            break;
          need += next->space_before + next->height;
        }

      if (y + need > bottom && y > top)
        {
          page++;
          y = top;
          gap = 0;
          if (block->kind == MIZAN_BLOCK_ROW && !block->header && last_table == (gint) block->table)
            {
              MizanReportTable *table = &g_array_index (self->tables, MizanReportTable, block->table);
              MizanBlock *header = &g_array_index (self->blocks, MizanBlock, table->header);

              place (self, table->header, page, y);
              y += header->height;
            }
        }

      place (self, i, page, y + gap);
      y += gap + block->height;
      last_table = block->kind == MIZAN_BLOCK_ROW ? (gint) block->table : -1;
    }

  self->n_pages = page + 1;
  if (y <= top && page > 1)
    self->n_pages = page;   /* a trailing break left an empty page */
  self->page_start = g_new0 (guint, self->n_pages + 1);
  for (guint p = 0, k = 0; p <= self->n_pages; p++)
    {
      while (k < self->placements->len && g_array_index (self->placements, MizanPlacement, k).page < p)
        k++;
      self->page_start[p] = k;
    }
}

static const char *
report_translate (const char *msgid,
                  gpointer    user_data)
{
  return mizan_report_tr (user_data, msgid);
}

void
mizan_report_chart_style (MizanReport     *self,
                          MizanChartStyle *style)
{
  *style = (MizanChartStyle) {
    .dark = FALSE,
    .rtl = self->rtl,
    .font_family = self->font_family,
    .font_size = MIZAN_REPORT_SMALL_SIZE,
    .language = self->lang,
    .transparent = TRUE,
    .translate = report_translate,
    .translate_data = self,
  };
}

static void
draw_row (MizanReport *self,
          cairo_t     *cr,
          MizanBlock  *block,
          double       y)
{
  MizanReportTable *table = &g_array_index (self->tables, MizanReportTable, block->table);
  double offset = 0;

  if (block->header || block->shaded)
    {
      set_rgb (cr, block->header ? COLOR_HEADER : COLOR_SHADE);
      cairo_rectangle (cr, self->margin_x, y, self->text_width, block->height);
      cairo_fill (cr);
    }
  for (guint i = 0; i < table->n_columns; i++)
    {
      double x = mizan_report_start_x (self, offset, table->widths[i]);

      mizan_report_show_layout (self, cr, block->cells[i], x + CELL_PAD_X, y + CELL_PAD_Y,
                                block->header ? COLOR_ACCENT : COLOR_TEXT);
      offset += table->widths[i];
    }
  set_rgb (cr, COLOR_RULE);
  cairo_set_line_width (cr, 0.4);
  cairo_move_to (cr, self->margin_x, y + block->height);
  cairo_rel_line_to (cr, self->text_width, 0);
  cairo_stroke (cr);
}

static void
draw_figures (MizanReport *self,
              cairo_t     *cr,
              MizanBlock  *block,
              double       y)
{
  guint n = block->n_cells / 2;
  double box_width = (self->text_width - FIGURE_GAP * (n - 1)) / n;

  for (guint i = 0; i < n; i++)
    {
      double x = mizan_report_start_x (self, i * (box_width + FIGURE_GAP), box_width);

      set_rgb (cr, COLOR_BOX);
      cairo_rectangle (cr, x, y, box_width, block->height);
      cairo_fill (cr);
      mizan_report_show_layout (self, cr, block->cells[2 * i], x + 4, y + 8, COLOR_ACCENT);
      mizan_report_show_layout (self, cr, block->cells[2 * i + 1], x + 4,
                                y + 10 + layout_height (block->cells[2 * i]), COLOR_DIM);
    }
}

static void
draw_contents (MizanReport *self,
               cairo_t     *cr,
               MizanBlock  *block,
               double       y)
{
  MizanBlock *target = &g_array_index (self->blocks, MizanBlock, block->target);
  g_autofree char *number = g_strdup_printf ("%u", target->page + 1);
  g_autoptr(PangoLayout) layout = mizan_report_layout_new (self, number, MIZAN_REPORT_BODY_SIZE + 1, FALSE,
                                                           40, MIZAN_CELL_START);

  /* The page number sits at the end edge. */
  mizan_report_layout_align (self, layout, self->rtl ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT);
  mizan_report_show_layout (self, cr, block->layout, mizan_report_start_x (self, 0, self->text_width - 48),
                            y, COLOR_TEXT);
  mizan_report_show_layout (self, cr, layout, mizan_report_start_x (self, self->text_width - 40, 40),
                            y, COLOR_TEXT);
}

void
mizan_report_draw_blocks (MizanReport *self,
                          cairo_t     *cr,
                          guint        page)
{
  for (guint k = self->page_start[page]; k < self->page_start[page + 1]; k++)
    {
      MizanPlacement *placement = &g_array_index (self->placements, MizanPlacement, k);
      MizanBlock *block = &g_array_index (self->blocks, MizanBlock, placement->block);
      double y = placement->y;

      switch (block->kind)
        {
        case MIZAN_BLOCK_HEADING:
          mizan_report_show_layout (self, cr, block->layout, self->margin_x, y,
                                    block->level == 3 ? COLOR_TEXT : COLOR_ACCENT);
          if (block->level == 1)
            {
              set_rgb (cr, COLOR_ACCENT);
              cairo_set_line_width (cr, 1.2);
              cairo_move_to (cr, self->margin_x, y + block->height - 6);
              cairo_rel_line_to (cr, self->text_width, 0);
              cairo_stroke (cr);
            }
          break;
        case MIZAN_BLOCK_TEXT:
          mizan_report_show_layout (self, cr, block->layout,
                                    mizan_report_start_x (self, block->indent, self->text_width - block->indent),
                                    y, block->dim ? COLOR_DIM : COLOR_TEXT);
          break;
        case MIZAN_BLOCK_FIGURES:
          draw_figures (self, cr, block, y);
          break;
        case MIZAN_BLOCK_ROW:
          draw_row (self, cr, block, y);
          break;
        case MIZAN_BLOCK_CHART:
          {
            MizanChartStyle style;

            mizan_report_chart_style (self, &style);
            cairo_save (cr);
            cairo_translate (cr, self->margin_x + (self->text_width - block->chart_width) / 2, y);
            mizan_chart_draw (block->chart, cr, block->chart_results, self->statuses,
                              block->chart_width, block->height, &style);
            cairo_restore (cr);
          }
          break;
        case MIZAN_BLOCK_CONTENTS:
          draw_contents (self, cr, block, y);
          break;
        case MIZAN_BLOCK_BREAK:
        default:
          break;
        }
    }
}
