/* mizan-report.c — the PDF report of an assessment: options, language, pages, PDF output
 * Lays the report out once in points, then draws any page on any cairo_t (a PDF surface, a printer). */

#include "config.h"

#include <math.h>
#include <string.h>
#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>

#include "mizan-countries.h"
#include "mizan-exchange.h"
#include "mizan-migration.h"
#include "mizan-report-private.h"

G_DEFINE_QUARK (mizan-report-error-quark, mizan_report_error)

static const char * const report_languages[] = { "en", "ar", "fr", NULL };

#define COLOR_DIM 0x5e5c64
#define COLOR_RULE 0xc0bfbc
#define COLOR_DRAFT 0xa51d2d   /* GNOME red 5: a draft must not pass for the final report */

/* Strings */

const char *
mizan_report_tr (MizanReport *self,
                 const char  *msgid)
{
  return mizan_translation_get (self->tr, msgid);
}

const char *
mizan_report_text (MizanReport     *self,
                   const MizanText *text)
{
  const char *value = text != NULL ? mizan_text_get_for (text, self->lang) : NULL;

  return value != NULL ? value : "";
}

char *
mizan_report_format_index (MizanReport *self,
                           double       value)
{
  char *text = g_strdup_printf ("%.2f", value);

  /* French writes a decimal comma; Arabic reports keep the point, as
   * official Arabic documents with Western digits do. */
  if (g_str_equal (self->lang, "fr"))
    g_strdelimit (text, ".", ',');
  return text;
}

char *
mizan_report_format_percent (MizanReport *self,
                             double       fraction)
{
  /* French puts a (narrow no-break) space before the sign. */
  if (g_str_equal (self->lang, "fr"))
    return g_strdup_printf ("%.0f\u202f%%", 100 * fraction);
  return g_strdup_printf ("%.0f%%", 100 * fraction);
}

const char *
mizan_report_status_label (MizanReport *self,
                           MizanStatus  status)
{
  /* The same words as mizan_status_get_label(), in the report's language. */
  switch (status)
    {
    case MIZAN_STATUS_FULLY:
      return mizan_report_tr (self, N_("Fully implemented"));
    case MIZAN_STATUS_LARGELY:
      return mizan_report_tr (self, N_("Largely implemented"));
    case MIZAN_STATUS_PARTIALLY:
      return mizan_report_tr (self, N_("Partially implemented"));
    case MIZAN_STATUS_NOT:
      return mizan_report_tr (self, N_("Not implemented"));
    case MIZAN_STATUS_NA:
      return mizan_report_tr (self, N_("Not applicable"));
    case MIZAN_STATUS_NONE:
    default:
      return mizan_report_tr (self, N_("Not answered"));
    }
}

char *
mizan_report_draft_text (MizanReport *self)
{
  const MizanResults *r = self->results;
  g_autofree char *percent = NULL;

  if (r->answered >= r->total)
    return NULL;
  /* Rounded down: a draft never claims 100 %. */
  percent = mizan_report_format_percent (self, floor (100.0 * r->answered / r->total) / 100.0);
  /* Translators: on every page of the report of an incomplete assessment; %s is e.g. "8%" */
  return g_strdup_printf (mizan_report_tr (self, N_("Draft — %s answered")), percent);
}

/* Options */

static char *
pick_language (const char  *asked,
               GError     **error)
{
  if (asked != NULL && *asked != '\0')
    {
      if (!g_strv_contains (report_languages, asked))
        {
          g_set_error (error, MIZAN_REPORT_ERROR, MIZAN_REPORT_ERROR_INVALID,
                       _("A report can be written in English (en), Arabic (ar) or French (fr), not “%s”"),
                       asked);
          return NULL;
        }
      return g_strdup (asked);
    }

  for (const char * const *names = g_get_language_names (); *names != NULL; names++)
    {
      g_autofree char *base = g_strndup (*names, strcspn (*names, "_.@"));

      if (g_strv_contains (report_languages, base))
        return g_steal_pointer (&base);
    }
  return g_strdup ("en");
}

/* librsvg's messages may span lines; an error here is one line. */
static const char *
one_line (GError *error)
{
  g_strstrip (g_strdelimit (error->message, "\r\n", ' '));
  return error->message;
}

static RsvgHandle *
load_logo (const char  *path,
           GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GObject) handle_object = NULL;
  RsvgHandle *handle;
  g_autofree char *display = g_filename_display_name (path);
  cairo_surface_t *surface;
  cairo_t *cr;
  RsvgRectangle viewport = { 0, 0, 100, 100 };
  gboolean drawn;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, MIZAN_REPORT_ERROR, MIZAN_REPORT_ERROR_LOGO,
                   _("The logo “%s” does not exist or is not a file"), display);
      return NULL;
    }
  /* librsvg 2.54 has no autoptr for its handle */
  handle = rsvg_handle_new_from_file (path, &local_error);
  handle_object = (GObject *) handle;
  if (handle == NULL)
    {
      g_set_error (error, MIZAN_REPORT_ERROR, MIZAN_REPORT_ERROR_LOGO,
                   _("The logo “%s” is not a readable SVG image: %s"), display, one_line (local_error));
      return NULL;
    }

  /* Drawn once now, so a logo that loads but cannot render fails here, not in the middle of the PDF. */
  surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cr = cairo_create (surface);
  drawn = rsvg_handle_render_document (handle, cr, &viewport, &local_error);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  if (!drawn)
    {
      g_set_error (error, MIZAN_REPORT_ERROR, MIZAN_REPORT_ERROR_LOGO,
                   _("The logo “%s” cannot be drawn: %s"), display, one_line (local_error));
      return NULL;
    }
  g_steal_pointer (&handle_object);
  return handle;
}

static void
setup_pango (MizanReport *self)
{
  cairo_font_options_t *options = cairo_font_options_create ();

  /* The thread's shared font map, as the charts use: a private one would load
   * fontconfig's whole font set again for each report. */
  self->font_map = g_object_ref (pango_cairo_font_map_get_default ());
  self->pango = pango_font_map_create_context (self->font_map);
  pango_cairo_context_set_resolution (self->pango, 72.0);
  /* Unhinted: the layout measured here is the one every surface draws. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->pango, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (self->pango, FALSE);
  pango_context_set_base_dir (self->pango, self->rtl ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR);
  pango_context_set_language (self->pango, pango_language_from_string (self->lang));
  /* Naskh is the book face of Arabic; Latin falls back to Noto Sans and the other way round. */
  self->font_family = self->rtl ? "Noto Naskh Arabic, Noto Sans, sans" : "Noto Sans, Noto Naskh Arabic, sans";
}

static void
capability_bars_free (gpointer data)
{
  MizanCapabilityBars *bars = data;

  g_free (bars->rows);
  g_free (bars->row_results);
  g_free (bars);
}

/* Per domain, its capabilities as the rows of a gap-bar chart: level against target. */
static void
build_capability_bars (MizanReport *self)
{
  self->bars = g_ptr_array_new_with_free_func (capability_bars_free);
  for (guint d = 0; d < self->results->n_domains; d++)
    {
      const MizanDomain *domain = self->results->domains[d].domain;
      MizanCapabilityBars *bars = g_new0 (MizanCapabilityBars, 1);

      bars->rows = g_new0 (MizanDomain, MAX (domain->n_capabilities, 1));
      bars->row_results = g_new0 (MizanDomainResult, MAX (domain->n_capabilities, 1));
      for (guint c = 0; c < domain->n_capabilities; c++)
        {
          const MizanCapability *capability = domain->capabilities[c];
          const MizanCapabilityResult *cr = &self->results->capabilities[capability->index];

          bars->rows[c].id = capability->id;
          bars->rows[c].index = c;
          bars->rows[c].weight = capability->weight;
          bars->rows[c].title = capability->title;
          bars->row_results[c] = (MizanDomainResult) {
            .domain = &bars->rows[c],
            .applicable = cr->applicable,
            .level = cr->level,
            .index = cr->level,
            .score = cr->score,
            .target = cr->target,
            .gap = cr->gap,
            .completion = cr->completion,
            .answered = cr->answered,
            .total = cr->total,
          };
        }
      bars->results.framework = self->framework;
      bars->results.applicable = self->results->domains[d].applicable;
      bars->results.domains = bars->row_results;
      bars->results.n_domains = domain->n_capabilities;
      g_ptr_array_add (self->bars, bars);
    }
}

MizanReport *
mizan_report_new (MizanFramework           *framework,
                  MizanAssessment          *assessment,
                  const MizanReportOptions *options,
                  GError                  **error)
{
  static const MizanReportOptions defaults = { 0 };
  g_autoptr(MizanReport) self = NULL;
  g_autoptr(GDateTime) date = NULL;

  g_return_val_if_fail (MIZAN_IS_FRAMEWORK (framework), NULL);
  g_return_val_if_fail (MIZAN_IS_ASSESSMENT (assessment), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (options == NULL)
    options = &defaults;

  self = g_new0 (MizanReport, 1);
  self->framework = g_object_ref (framework);
  self->assessment = g_object_ref (assessment);
  self->blocks = g_array_new (FALSE, TRUE, sizeof (MizanBlock));
  self->tables = g_array_new (FALSE, TRUE, sizeof (MizanReportTable));
  self->placements = g_array_new (FALSE, TRUE, sizeof (MizanPlacement));

  self->lang = pick_language (options->language, error);
  if (self->lang == NULL)
    return NULL;
  self->rtl = g_str_equal (self->lang, "ar");

  if (options->paper != MIZAN_PAPER_A4 && options->paper != MIZAN_PAPER_LETTER)
    {
      g_set_error (error, MIZAN_REPORT_ERROR, MIZAN_REPORT_ERROR_INVALID,
                   _("Unknown paper size; a report is printed on A4 or US Letter"));
      return NULL;
    }
  if (options->paper == MIZAN_PAPER_LETTER)
    {
      self->page_width = 612.0;
      self->page_height = 792.0;
    }
  else
    {
      self->page_width = 595.276;
      self->page_height = 841.89;
    }
  self->margin_x = 56.0;
  self->margin_top = 68.0;
  self->margin_bottom = 64.0;
  self->text_width = self->page_width - 2 * self->margin_x;

  if (options->logo_path != NULL && *options->logo_path != '\0')
    {
      self->logo = load_logo (options->logo_path, error);
      if (self->logo == NULL)
        return NULL;
    }

  if (options->compare != NULL)
    {
      MizanFramework *earlier = options->compare_framework != NULL ? options->compare_framework : framework;

      if (!g_str_equal (mizan_framework_get_id (earlier), mizan_framework_get_id (framework)))
        {
          g_set_error (error, MIZAN_REPORT_ERROR, MIZAN_REPORT_ERROR_INVALID,
                       _("Assessment %s uses framework %s and cannot be compared with one that uses %s"),
                       mizan_assessment_get_id (options->compare), mizan_framework_get_id (earlier),
                       mizan_framework_get_id (framework));
          return NULL;
        }
      if (earlier != framework &&
          g_strcmp0 (mizan_framework_get_supersedes_version (framework), mizan_framework_get_version (earlier)) == 0)
        {
          /* An earlier assessment on the version this one supersedes reads
           * through the supersedes map, practice by practice on this version. */
          self->compare = mizan_migration_carry (options->compare, earlier, framework, NULL, error);
          if (self->compare == NULL)
            return NULL;
          mizan_assessment_set_id (self->compare, mizan_assessment_get_id (options->compare));
          mizan_assessment_set_created (self->compare, mizan_assessment_get_created (options->compare));
          mizan_assessment_set_updated (self->compare, mizan_assessment_get_updated (options->compare));
          earlier = framework;
        }
      else
        self->compare = g_object_ref (options->compare);
      self->compare_framework = g_object_ref (earlier);
      self->compare_results = mizan_results_compute (earlier, self->compare);
    }

  self->consultant = g_strdup (options->consultant != NULL && *options->consultant != '\0'
                               ? options->consultant : NULL);
  self->date_unix = options->date != 0 ? options->date : g_get_real_time () / G_USEC_PER_SEC;
  date = g_date_time_new_from_unix_utc (self->date_unix);
  if (date == NULL)
    date = g_date_time_new_now_utc ();
  /* ISO 8601: the one date form read the same way in all three languages. */
  self->date = g_date_time_format (date, "%Y-%m-%d");

  self->tr = mizan_translation_new (GETTEXT_PACKAGE, self->lang, NULL);
  self->iso = mizan_translation_new ("iso_3166-1", self->lang, "/usr/share/locale");
  self->results = mizan_results_compute (framework, assessment);
  self->statuses = mizan_results_effective_statuses (framework, assessment);
  build_capability_bars (self);
  setup_pango (self);

  mizan_report_build (self);
  mizan_report_paginate (self);
  return g_steal_pointer (&self);
}

void
mizan_report_free (MizanReport *self)
{
  if (self == NULL)
    return;

  for (guint i = 0; i < self->blocks->len; i++)
    {
      MizanBlock *block = &g_array_index (self->blocks, MizanBlock, i);

      g_clear_object (&block->layout);
      for (guint j = 0; j < block->n_cells; j++)
        g_clear_object (&block->cells[j]);
      g_free (block->cells);
    }
  g_array_unref (self->blocks);
  g_array_unref (self->tables);
  g_array_unref (self->placements);
  g_free (self->page_start);
  g_clear_pointer (&self->bars, g_ptr_array_unref);
  g_clear_pointer (&self->results, mizan_results_free);
  g_clear_pointer (&self->compare_results, mizan_results_free);
  g_free (self->statuses);
  g_clear_object (&self->pango);
  g_clear_object (&self->font_map);
  g_clear_object (&self->logo);
  g_clear_pointer (&self->tr, mizan_translation_free);
  g_clear_pointer (&self->iso, mizan_translation_free);
  g_free (self->lang);
  g_free (self->consultant);
  g_free (self->date);
  g_clear_object (&self->compare);
  g_clear_object (&self->compare_framework);
  g_clear_object (&self->assessment);
  g_clear_object (&self->framework);
  g_free (self);
}

guint
mizan_report_get_n_pages (MizanReport *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_pages;
}

void
mizan_report_get_page_size (MizanReport *self,
                            double      *width,
                            double      *height)
{
  g_return_if_fail (self != NULL);
  if (width != NULL)
    *width = self->page_width;
  if (height != NULL)
    *height = self->page_height;
}

const char *
mizan_report_get_language (MizanReport *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->lang;
}

/* Pages */

static void
draw_running_header (MizanReport *self,
                     cairo_t     *cr,
                     guint        page)
{
  double half = self->text_width / 2 - 6;
  g_autofree char *number = g_strdup_printf (mizan_report_tr (self, N_("Page %u of %u")), page + 1, self->n_pages);
  g_autoptr(PangoLayout) org = mizan_report_layout_new (self, mizan_assessment_get_org_name (self->assessment),
                                                        MIZAN_REPORT_SMALL_SIZE, FALSE, half, MIZAN_CELL_START);
  g_autoptr(PangoLayout) title = mizan_report_layout_new (self, mizan_report_tr (self, N_("Cybersecurity maturity report")),
                                                          MIZAN_REPORT_SMALL_SIZE, FALSE, half, MIZAN_CELL_START);
  g_autofree char *draft = mizan_report_draft_text (self);
  g_autofree char *footer = draft != NULL ? g_strdup_printf ("%s · %s", self->date, draft) : g_strdup (self->date);
  g_autoptr(PangoLayout) date = mizan_report_layout_new (self, footer, MIZAN_REPORT_SMALL_SIZE, draft != NULL,
                                                         half, MIZAN_CELL_START);
  g_autoptr(PangoLayout) pages = mizan_report_layout_new (self, number, MIZAN_REPORT_SMALL_SIZE, FALSE,
                                                          half, MIZAN_CELL_START);
  double header_y = self->margin_top - 34;
  double footer_y = self->page_height - self->margin_bottom + 22;
  PangoAlignment end = self->rtl ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT;

  pango_layout_set_ellipsize (org, PANGO_ELLIPSIZE_END);
  pango_layout_set_ellipsize (title, PANGO_ELLIPSIZE_END);
  mizan_report_layout_align (self, title, end);
  mizan_report_layout_align (self, pages, end);

  mizan_report_show_layout (self, cr, org, mizan_report_start_x (self, 0, half), header_y, COLOR_DIM);
  mizan_report_show_layout (self, cr, title, mizan_report_start_x (self, self->text_width - half, half),
                            header_y, COLOR_DIM);
  mizan_report_show_layout (self, cr, date, mizan_report_start_x (self, 0, half), footer_y,
                            draft != NULL ? COLOR_DRAFT : COLOR_DIM);
  mizan_report_show_layout (self, cr, pages, mizan_report_start_x (self, self->text_width - half, half),
                            footer_y, COLOR_DIM);

  cairo_set_source_rgb (cr, (COLOR_RULE >> 16) / 255.0, (COLOR_RULE >> 8 & 0xff) / 255.0, (COLOR_RULE & 0xff) / 255.0);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, self->margin_x, header_y + 16);
  cairo_rel_line_to (cr, self->text_width, 0);
  cairo_move_to (cr, self->margin_x, footer_y - 6);
  cairo_rel_line_to (cr, self->text_width, 0);
  cairo_stroke (cr);
}

void
mizan_report_draw_page (MizanReport *self,
                        cairo_t     *cr,
                        guint        page)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page < self->n_pages);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, 0, 0, self->page_width, self->page_height);
  cairo_fill (cr);
  if (page == 0)
    mizan_report_draw_cover (self, cr);
  else
    {
      draw_running_header (self, cr, page);
      mizan_report_draw_blocks (self, cr, page);
    }
  cairo_restore (cr);
}

static cairo_status_t
append_bytes (void                *data,
              const unsigned char *bytes,
              unsigned int         length)
{
  g_byte_array_append (data, bytes, length);
  return CAIRO_STATUS_SUCCESS;
}

GBytes *
mizan_report_to_pdf (MizanReport  *self,
                     GError      **error)
{
  g_autoptr(GByteArray) buffer = g_byte_array_new ();
  g_autoptr(GDateTime) date = g_date_time_new_from_unix_utc (self->date_unix);
  g_autofree char *iso_date = date != NULL ? g_date_time_format (date, "%Y-%m-%dT%H:%M:%SZ") : NULL;
  g_autofree char *title = NULL;
  g_autofree char *creator = g_strdup_printf ("Mizan %s", PACKAGE_VERSION);
  const char *author;
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;

  g_return_val_if_fail (self != NULL, NULL);

  surface = cairo_pdf_surface_create_for_stream (append_bytes, buffer, self->page_width, self->page_height);
  title = g_strdup_printf ("%s — %s", mizan_report_tr (self, N_("Cybersecurity maturity report")),
                           mizan_assessment_get_org_name (self->assessment));
  author = self->consultant != NULL ? self->consultant : mizan_assessment_get_assessor (self->assessment);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  if (author != NULL && *author != '\0')
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, author);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT,
                                  mizan_report_text (self, mizan_framework_get_title (self->framework)));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, creator);
  if (iso_date != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, iso_date);

  cr = cairo_create (surface);
  /* Bookmarks: one per section, so a reader's sidebar lists them. */
  for (guint i = 0; i < self->blocks->len; i++)
    {
      MizanBlock *block = &g_array_index (self->blocks, MizanBlock, i);

      if (block->kind == MIZAN_BLOCK_HEADING && block->level == 1)
        {
          g_autofree char *link = g_strdup_printf ("page=%u", block->page + 1);

          cairo_pdf_surface_add_outline (surface, CAIRO_PDF_OUTLINE_ROOT,
                                         pango_layout_get_text (block->layout), link, 0);
        }
    }
  for (guint page = 0; page < self->n_pages; page++)
    {
      mizan_report_draw_page (self, cr, page);
      cairo_show_page (cr);
    }
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, MIZAN_REPORT_ERROR, MIZAN_REPORT_ERROR_FAILED,
                   _("Could not produce the PDF: %s"), cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

gboolean
mizan_report_write_pdf (MizanReport  *self,
                        const char   *path,
                        GError      **error)
{
  g_autoptr(GBytes) pdf = NULL;
  gsize size;
  const char *data;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  pdf = mizan_report_to_pdf (self, error);
  if (pdf == NULL)
    return FALSE;
  data = g_bytes_get_data (pdf, &size);
  return mizan_write_file_atomic (path, data, size, error);
}
