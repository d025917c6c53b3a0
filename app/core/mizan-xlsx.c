/* mizan-xlsx.c — an assessment and its results as an Excel workbook, for consultants' own analyses
 * Built with libxlsxwriter in a private temporary directory, then handed over as bytes. */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <xlsxwriter.h>

#include "mizan-countries.h"
#include "mizan-exchange.h"
#include "mizan-xlsx.h"

G_DEFINE_QUARK (mizan-xlsx-error-quark, mizan_xlsx_error)

typedef struct {
  lxw_workbook *workbook;
  lxw_format   *header;
  lxw_format   *index;     /* 0.00 */
  lxw_format   *percent;   /* 0.0% */
  lxw_format   *integer;
  lxw_format   *wrap;
  lxw_format   *date;
  lxw_error     error;     /* the first failure */
} Book;

static void
check (Book      *book,
       lxw_error  error)
{
  if (book->error == LXW_NO_ERROR)
    book->error = error;
}

static lxw_worksheet *
add_sheet (Book               *book,
           const char         *name,
           const char * const *headers,
           const double       *widths)
{
  lxw_worksheet *sheet = workbook_add_worksheet (book->workbook, name);

  if (sheet == NULL)
    {
      check (book, LXW_ERROR_MEMORY_MALLOC_FAILED);
      return NULL;
    }
  for (lxw_col_t c = 0; headers[c] != NULL; c++)
    {
      check (book, worksheet_write_string (sheet, 0, c, headers[c], book->header));
      check (book, worksheet_set_column (sheet, c, c, widths[c], NULL));
    }
  /* The header row stays in view while scrolling. */
  worksheet_freeze_panes (sheet, 1, 0);
  return sheet;
}

static void
put_string (Book          *book,
            lxw_worksheet *sheet,
            lxw_row_t      row,
            lxw_col_t      col,
            const char    *text,
            lxw_format    *format)
{
  if (text != NULL && *text != '\0')
    check (book, worksheet_write_string (sheet, row, col, text, format));
}

static void
put_number (Book          *book,
            lxw_worksheet *sheet,
            lxw_row_t      row,
            lxw_col_t      col,
            gboolean       present,
            double         value,
            lxw_format    *format)
{
  /* Not applicable is an empty cell, as null is in the results JSON. */
  if (present)
    check (book, worksheet_write_number (sheet, row, col, value, format));
}

static const char *
text_of (const MizanText *text)
{
  return text != NULL ? mizan_text_localized (text) : NULL;
}

static void
write_summary (Book               *book,
               MizanAssessment    *a,
               const MizanResults *r)
{
  const char *headers[] = { _("Item"), _("Value"), NULL };
  static const double widths[] = { 28, 60 };
  lxw_worksheet *sheet = add_sheet (book, _("Summary"), headers, widths);
  MizanFramework *fw = r->framework;
  g_autoptr(GDateTime) updated = g_date_time_new_from_unix_utc (mizan_assessment_get_updated (a));
  g_autofree char *updated_text = updated != NULL ? g_date_time_format (updated, "%Y-%m-%d %H:%M UTC") : NULL;
  struct { const char *label, *value; } texts[] = {
    { _("Organization"), mizan_assessment_get_org_name (a) },
    { _("Country"), mizan_country_get_name (mizan_assessment_get_org_country (a)) },
    { _("Sector"), mizan_sector_get_label (mizan_assessment_get_org_sector (a)) },
    { _("Size"), mizan_size_get_label (mizan_assessment_get_org_size (a)) },
    { _("Assessment"), mizan_assessment_get_title (a) },
    { _("Assessment id"), mizan_assessment_get_id (a) },
    { _("Assessor"), mizan_assessment_get_assessor (a) },
    { _("Framework"), text_of (mizan_framework_get_title (fw)) },
    { _("Framework id"), mizan_framework_get_id (fw) },
    { _("Framework version"), mizan_framework_get_version (fw) },
    { _("Updated"), updated_text },
  };
  lxw_row_t row = 1;

  if (sheet == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++, row++)
    {
      put_string (book, sheet, row, 0, texts[i].label, NULL);
      put_string (book, sheet, row, 1, texts[i].value, NULL);
    }
  put_string (book, sheet, row, 0, _("Maturity index"), NULL);
  put_number (book, sheet, row++, 1, r->applicable, r->index, book->index);
  put_string (book, sheet, row, 0, _("Highest level"), NULL);
  put_number (book, sheet, row++, 1, TRUE, mizan_framework_get_n_levels (fw), book->integer);
  put_string (book, sheet, row, 0, _("Score"), NULL);
  put_number (book, sheet, row++, 1, r->applicable, r->score, book->percent);
  put_string (book, sheet, row, 0, _("Completion"), NULL);
  put_number (book, sheet, row++, 1, TRUE, r->completion, book->percent);
  put_string (book, sheet, row, 0, _("Practices answered"), NULL);
  put_number (book, sheet, row++, 1, TRUE, r->answered, book->integer);
  put_string (book, sheet, row, 0, _("Practices"), NULL);
  put_number (book, sheet, row++, 1, TRUE, r->total, book->integer);
}

static void
write_domains (Book               *book,
               const MizanResults *r)
{
  const char *headers[] = { _("Domain"), _("Title"), _("Weight"), _("Level"), _("Index"), _("Score"),
                            _("Target"), _("Gap"), _("Completion"), NULL };
  static const double widths[] = { 10, 44, 8, 8, 8, 9, 8, 8, 11 };
  lxw_worksheet *sheet = add_sheet (book, _("Domains"), headers, widths);

  if (sheet == NULL)
    return;
  for (guint i = 0; i < r->n_domains; i++)
    {
      const MizanDomainResult *d = &r->domains[i];
      lxw_row_t row = i + 1;

      put_string (book, sheet, row, 0, d->domain->id, NULL);
      put_string (book, sheet, row, 1, text_of (d->domain->title), NULL);
      put_number (book, sheet, row, 2, TRUE, d->domain->weight, NULL);
      put_number (book, sheet, row, 3, d->applicable, d->level, book->integer);
      put_number (book, sheet, row, 4, d->applicable, d->index, book->index);
      put_number (book, sheet, row, 5, d->applicable, d->score, book->percent);
      put_number (book, sheet, row, 6, d->applicable, d->target, book->index);
      put_number (book, sheet, row, 7, d->applicable, d->gap, book->index);
      put_number (book, sheet, row, 8, TRUE, d->completion, book->percent);
    }
  worksheet_autofilter (sheet, 0, 0, r->n_domains, 8);
}

static void
write_capabilities (Book               *book,
                    const MizanResults *r)
{
  const char *headers[] = { _("Domain"), _("Capability"), _("Title"), _("Weight"), _("Level"), _("Score"),
                            _("Completion"), _("Target"), _("Gap"), _("Priority"), NULL };
  static const double widths[] = { 10, 12, 44, 8, 8, 9, 11, 8, 8, 9 };
  lxw_worksheet *sheet = add_sheet (book, _("Capabilities"), headers, widths);
  g_autofree double *priority = g_new0 (double, MAX (r->n_capabilities, 1));

  if (sheet == NULL)
    return;
  for (guint i = 0; i < r->n_priorities; i++)
    priority[r->priorities[i].capability->index] = r->priorities[i].priority;

  for (guint i = 0; i < r->n_capabilities; i++)
    {
      const MizanCapabilityResult *c = &r->capabilities[i];
      lxw_row_t row = i + 1;

      put_string (book, sheet, row, 0, c->capability->domain->id, NULL);
      put_string (book, sheet, row, 1, c->capability->id, NULL);
      put_string (book, sheet, row, 2, text_of (c->capability->title), NULL);
      put_number (book, sheet, row, 3, TRUE, c->capability->weight, NULL);
      put_number (book, sheet, row, 4, c->applicable, c->level, book->integer);
      put_number (book, sheet, row, 5, c->applicable, c->score, book->percent);
      put_number (book, sheet, row, 6, TRUE, c->completion, book->percent);
      put_number (book, sheet, row, 7, TRUE, c->target, book->integer);
      put_number (book, sheet, row, 8, c->applicable, c->gap, book->integer);
      put_number (book, sheet, row, 9, c->applicable && c->gap > 0, priority[i], book->index);
    }
  worksheet_autofilter (sheet, 0, 0, r->n_capabilities, 9);
}

static void
write_answers (Book               *book,
               MizanAssessment    *a,
               const MizanResults *r)
{
  const char *headers[] = { _("Practice"), _("Capability"), _("Level"), _("Text"), _("Status"), _("Credit"),
                            _("Note"), _("Evidence"), _("Answered"), NULL };
  static const double widths[] = { 12, 12, 7, 60, 22, 8, 40, 40, 18 };
  lxw_worksheet *sheet = add_sheet (book, _("Answers"), headers, widths);
  guint n = mizan_framework_get_n_practices (r->framework);

  if (sheet == NULL)
    return;
  for (guint i = 0; i < n; i++)
    {
      const MizanPractice *p = mizan_framework_get_practice (r->framework, i);
      const MizanAnswer *answer = mizan_assessment_get_answer (a, p->id);
      MizanStatus status = answer != NULL ? answer->status : MIZAN_STATUS_NONE;
      lxw_row_t row = i + 1;

      put_string (book, sheet, row, 0, p->id, NULL);
      put_string (book, sheet, row, 1, p->capability->id, NULL);
      put_number (book, sheet, row, 2, TRUE, p->level, book->integer);
      put_string (book, sheet, row, 3, text_of (p->text), book->wrap);
      put_string (book, sheet, row, 4, mizan_status_get_label (status), NULL);
      put_number (book, sheet, row, 5, mizan_status_is_answered (status) && status != MIZAN_STATUS_NA,
                  mizan_status_get_credit (status), book->percent);
      if (answer != NULL)
        {
          put_string (book, sheet, row, 6, answer->note, book->wrap);
          put_string (book, sheet, row, 7, answer->evidence, book->wrap);
          /* Excel counts days from 1899-12-30; Unix time from 1970-01-01, 25569 days later. */
          put_number (book, sheet, row, 8, answer->updated > 0,
                      answer->updated / 86400.0 + 25569.0, book->date);
        }
    }
  worksheet_autofilter (sheet, 0, 0, n, 8);
}

static void
write_roadmap (Book               *book,
               const MizanResults *r)
{
  const char *headers[] = { _("Order"), _("Phase"), _("Capability"), _("Practice"), _("Level"), _("Status"),
                            _("Text"), _("Action"), NULL };
  static const double widths[] = { 7, 7, 12, 12, 7, 22, 50, 60 };
  lxw_worksheet *sheet = add_sheet (book, _("Roadmap"), headers, widths);

  if (sheet == NULL)
    return;
  for (guint i = 0; i < r->n_roadmap; i++)
    {
      const MizanRoadmapItem *item = &r->roadmap[i];
      lxw_row_t row = i + 1;

      put_number (book, sheet, row, 0, TRUE, i + 1, book->integer);
      put_number (book, sheet, row, 1, TRUE, item->phase, book->integer);
      put_string (book, sheet, row, 2, item->practice->capability->id, NULL);
      put_string (book, sheet, row, 3, item->practice->id, NULL);
      put_number (book, sheet, row, 4, TRUE, item->practice->level, book->integer);
      put_string (book, sheet, row, 5, mizan_status_get_label (item->status), NULL);
      put_string (book, sheet, row, 6, text_of (item->practice->text), book->wrap);
      put_string (book, sheet, row, 7, text_of (item->practice->guidance), book->wrap);
    }
  if (r->n_roadmap > 0)
    worksheet_autofilter (sheet, 0, 0, r->n_roadmap, 7);
}

static lxw_format *
new_format (Book       *book,
            const char *number_format)
{
  lxw_format *format = workbook_add_format (book->workbook);

  if (number_format != NULL)
    format_set_num_format (format, number_format);
  return format;
}

static guint32
le16 (const guint8 *p)
{
  return p[0] | (guint32) p[1] << 8;
}

static guint32
le32 (const guint8 *p)
{
  return p[0] | (guint32) p[1] << 8 | (guint32) p[2] << 16 | (guint32) p[3] << 24;
}

/* An XML part is whole when it ends by closing the element it opened first. */
static gboolean
xml_part_is_whole (const char *xml,
                   gsize       length)
{
  const char *root = xml, *end = xml + length;
  g_autofree char *closing = NULL;
  gsize n;

  while (end > xml && g_ascii_isspace (end[-1]))
    end--;
  do
    root = memchr (root, '<', end - root);
  while (root != NULL && ++root < end && (*root == '?' || *root == '!'));
  if (root == NULL || root >= end)
    return FALSE;
  n = strcspn (root, " \t\r\n/>");
  closing = g_strdup_printf ("</%.*s>", (int) n, root);
  return (gsize) (end - xml) >= strlen (closing) &&
         memcmp (end - strlen (closing), closing, strlen (closing)) == 0;
}

/* libxlsxwriter writes each part to a temporary file before zipping it and
 * does not notice when such a write fails (a full disk): the zip comes out
 * valid with parts cut short. Every part is inflated and checked. */
static gboolean
workbook_is_whole (const char *data,
                   gsize       length)
{
  const guint8 *z = (const guint8 *) data;
  gsize eocd = G_MAXSIZE, dir;
  guint n_entries;

  for (gsize i = length >= 22 ? length - 22 + 1 : 0; i-- > 0 && length - i <= 22 + 65535;)
    if (memcmp (z + i, "PK\5\6", 4) == 0)
      {
        eocd = i;
        break;
      }
  if (eocd == G_MAXSIZE)
    return FALSE;
  n_entries = le16 (z + eocd + 10);
  dir = le32 (z + eocd + 16);

  for (guint e = 0; e < n_entries; e++)
    {
      g_autoptr(GConverter) inflater = NULL;
      g_autofree char *xml = NULL;
      guint32 method, compressed, size, name_len, extra_len, comment_len, local, data_start;
      gsize read = 0, written = 0;

      if (dir > length || length - dir < 46 || memcmp (z + dir, "PK\1\2", 4) != 0)
        return FALSE;
      method = le16 (z + dir + 10);
      compressed = le32 (z + dir + 20);
      size = le32 (z + dir + 24);
      name_len = le16 (z + dir + 28);
      extra_len = le16 (z + dir + 30);
      comment_len = le16 (z + dir + 32);
      local = le32 (z + dir + 42);
      if (local > length || length - local < 30 || memcmp (z + local, "PK\3\4", 4) != 0)
        return FALSE;
      data_start = local + 30 + le16 (z + local + 26) + le16 (z + local + 28);
      if (data_start > length || length - data_start < compressed || size > 64 * 1024 * 1024)
        return FALSE;

      xml = g_malloc (size + 1);
      if (method == 0 && compressed == size)
        memcpy (xml, z + data_start, size);
      else if (method == 8)
        {
          inflater = G_CONVERTER (g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_RAW));
          if (g_converter_convert (inflater, z + data_start, compressed, xml, size + 1,
                                   G_CONVERTER_INPUT_AT_END | G_CONVERTER_FLUSH,
                                   &read, &written, NULL) == G_CONVERTER_ERROR || written != size)
            return FALSE;
        }
      else
        return FALSE;
      xml[size] = '\0';

      if (name_len > 4 && memcmp (z + dir + 46 + name_len - 4, ".xml", 4) == 0 && !xml_part_is_whole (xml, size))
        return FALSE;
      if (name_len > 5 && memcmp (z + dir + 46 + name_len - 5, ".rels", 5) == 0 && !xml_part_is_whole (xml, size))
        return FALSE;
      dir += 46 + name_len + extra_len + comment_len;
    }
  return n_entries > 0;
}

GBytes *
mizan_xlsx_build (MizanAssessment    *assessment,
                  const MizanResults *results,
                  GError            **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *data = NULL;
  lxw_workbook_options options = { 0 };
  lxw_doc_properties properties = { 0 };
  g_autofree char *title = NULL;
  Book book = { 0 };
  gsize length = 0;
  lxw_error closed;

  g_return_val_if_fail (MIZAN_IS_ASSESSMENT (assessment), NULL);
  g_return_val_if_fail (results != NULL, NULL);

  /* libxlsxwriter writes to a file name; a private directory keeps its
   * files (and their names) away from everyone else's. */
  dir = g_dir_make_tmp ("mizan-xlsx-XXXXXX", error);
  if (dir == NULL)
    {
      g_prefix_error (error, _("cannot make the workbook: "));
      return NULL;
    }
  path = g_build_filename (dir, "assessment.xlsx", NULL);
  options.tmpdir = dir;
  book.workbook = workbook_new_opt (path, &options);
  if (book.workbook == NULL)
    {
      g_set_error (error, MIZAN_XLSX_ERROR, MIZAN_XLSX_ERROR_FAILED, _("cannot make the workbook in %s"), dir);
      g_rmdir (dir);
      return NULL;
    }

  book.header = workbook_add_format (book.workbook);
  format_set_bold (book.header);
  format_set_bottom (book.header, LXW_BORDER_THIN);
  format_set_bg_color (book.header, 0xDDE7F5);
  book.index = new_format (&book, "0.00");
  book.percent = new_format (&book, "0.0%");
  book.integer = new_format (&book, "0");
  book.date = new_format (&book, "yyyy-mm-dd hh:mm");
  book.wrap = workbook_add_format (book.workbook);
  format_set_text_wrap (book.wrap);
  format_set_align (book.wrap, LXW_ALIGN_VERTICAL_TOP);

  title = g_strdup_printf ("%s — %s", mizan_assessment_get_org_name (assessment), mizan_assessment_get_title (assessment));
  properties.title = title;
  properties.author = (char *) mizan_assessment_get_assessor (assessment);
  properties.comments = (char *) "Mizan " PACKAGE_VERSION;
  check (&book, workbook_set_properties (book.workbook, &properties));

  write_summary (&book, assessment, results);
  write_domains (&book, results);
  write_capabilities (&book, results);
  write_answers (&book, assessment, results);
  write_roadmap (&book, results);

  closed = workbook_close (book.workbook);
  check (&book, closed);
  if (book.error == LXW_NO_ERROR && !g_file_get_contents (path, &data, &length, error))
    g_prefix_error (error, _("cannot read the workbook back: "));
  else if (book.error != LXW_NO_ERROR)
    g_set_error (error, MIZAN_XLSX_ERROR, MIZAN_XLSX_ERROR_FAILED,
                 _("cannot make the workbook: %s"), lxw_strerror (book.error));
  g_unlink (path);
  g_rmdir (dir);

  if (data == NULL)
    return NULL;
  if (!workbook_is_whole (data, length))
    {
      g_set_error (error, MIZAN_XLSX_ERROR, MIZAN_XLSX_ERROR_FAILED,
                   _("cannot make the workbook: its temporary file in %s came out incomplete (is the disk full?)"),
                   g_get_tmp_dir ());
      return NULL;
    }
  return g_bytes_new_take (g_steal_pointer (&data), length);
}

gboolean
mizan_xlsx_write (MizanAssessment    *assessment,
                  const MizanResults *results,
                  const char         *path,
                  GError            **error)
{
  g_autoptr(GBytes) bytes = mizan_xlsx_build (assessment, results, error);
  gsize size;
  const char *data;

  if (bytes == NULL)
    {
      g_prefix_error (error, _("cannot write %s: "), path);
      return FALSE;
    }
  data = g_bytes_get_data (bytes, &size);
  return mizan_write_file_atomic (path, data, size, error);
}
