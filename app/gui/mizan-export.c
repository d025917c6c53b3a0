/* mizan-export.c — Export… and Print… of an open assessment
 * The same writers as mizan-cli (report, XLSX, CSV, .mizan, charts), behind a file chooser and a toast. */
#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>
#include <adwaita.h>

#include "mizan-application.h"
#include "mizan-exchange.h"
#include "mizan-export.h"
#include "mizan-xlsx.h"

typedef struct {
  const char        *name;       /* the filter's label */
  const char        *extension;
  const char        *mime_type;
  MizanExportFormat  format;
} ExportFormat;

static const ExportFormat formats[] = {
  { N_("PDF report"), "pdf", "application/pdf", MIZAN_EXPORT_PDF },
  { N_("Excel workbook"), "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", MIZAN_EXPORT_XLSX },
  { N_("CSV table"), "csv", "text/csv", MIZAN_EXPORT_CSV },
  { N_("Mizan assessment file"), "mizan", NULL, MIZAN_EXPORT_MIZAN },
  { N_("Chart as SVG image"), "svg", "image/svg+xml", MIZAN_EXPORT_SVG },
  { N_("Chart as PNG image"), "png", "image/png", MIZAN_EXPORT_PNG },
};

static const struct { const char *id, *label; MizanChartKind kind; } charts[] = {
  { "radar", N_("Radar"), MIZAN_CHART_RADAR },
  { "gaps", N_("Gap bars"), MIZAN_CHART_GAP_BARS },
  { "heatmap", N_("Heat map"), MIZAN_CHART_HEAT_MAP },
};

static GSettings *
report_settings (void)
{
  GApplication *app = g_application_get_default ();
  MizanPreferences *preferences;

  if (!MIZAN_IS_APPLICATION (app))
    return NULL;
  preferences = mizan_application_get_preferences (MIZAN_APPLICATION (app));
  return preferences != NULL ? mizan_preferences_get_settings (preferences) : NULL;
}

MizanReport *
mizan_export_new_report (MizanSession  *session,
                         GError       **error)
{
  GSettings *settings = report_settings ();
  g_autofree char *consultant = NULL, *logo = NULL, *paper = NULL, *language = NULL;
  MizanReportOptions options = { 0 };

  g_return_val_if_fail (MIZAN_IS_SESSION (session), NULL);

  if (settings != NULL)
    {
      consultant = g_settings_get_string (settings, "report-consultant");
      logo = g_settings_get_string (settings, "report-logo");
      paper = g_settings_get_string (settings, "report-paper");
      language = g_settings_get_string (settings, "report-language");
    }
  options.consultant = consultant;
  options.logo_path = logo;
  options.language = language;
  options.paper = g_strcmp0 (paper, "letter") == 0 ? MIZAN_PAPER_LETTER : MIZAN_PAPER_A4;
  return mizan_report_new (mizan_session_get_framework (session), mizan_session_get_assessment (session),
                           &options, error);
}

gboolean
mizan_export_write (MizanSession      *session,
                    MizanExportFormat  format,
                    MizanChartKind     chart,
                    const char        *path,
                    GError           **error)
{
  MizanFramework *framework = mizan_session_get_framework (session);
  MizanAssessment *assessment = mizan_session_get_assessment (session);
  const MizanResults *results = mizan_session_get_results (session);
  g_autofree char *data = NULL;
  gsize length = 0;

  switch (format)
    {
    case MIZAN_EXPORT_PDF:
      {
        g_autoptr(MizanReport) report = mizan_export_new_report (session, error);

        return report != NULL && mizan_report_write_pdf (report, path, error);
      }
    case MIZAN_EXPORT_XLSX:
      return mizan_xlsx_write (assessment, results, path, error);
    case MIZAN_EXPORT_CSV:
      data = mizan_exchange_to_csv (assessment, framework, results, &length);
      return mizan_write_file_atomic (path, data, length, error);
    case MIZAN_EXPORT_MIZAN:
      data = mizan_exchange_to_data (assessment, &length);
      return mizan_write_file_atomic (path, data, length, error);
    case MIZAN_EXPORT_SVG:
    case MIZAN_EXPORT_PNG:
      {
        double width = chart == MIZAN_CHART_RADAR ? 720 : 800;
        double height = ceil (mizan_chart_get_preferred_height (chart, results, width, NULL));

        return mizan_chart_write (chart, results, mizan_session_get_statuses (session), path,
                                  format == MIZAN_EXPORT_SVG ? MIZAN_CHART_FORMAT_SVG : MIZAN_CHART_FORMAT_PNG,
                                  width, MAX (height, 1), NULL, error);
      }
    default:
      g_return_val_if_reached (FALSE);
    }
}

static void
add_toast (GtkWidget *widget,
           AdwToast  *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static void
on_open_clicked (AdwToast   *toast,
                 const char *uri)
{
  g_autoptr(GError) error = NULL;

  /* GTK 4.8 has neither gtk_show_uri's successor nor GtkFileLauncher. */
  if (!g_app_info_launch_default_for_uri (uri, NULL, &error))
    g_warning ("Could not open %s: %s", uri, error->message);
}

typedef struct {
  GtkWidget    *widget;
  MizanSession *session;
  GHashTable   *filters;    /* GtkFileFilter → ExportFormat */
} ChooseData;

static void
choose_data_free (ChooseData *data)
{
  g_clear_object (&data->widget);
  g_clear_object (&data->session);
  g_hash_table_unref (data->filters);
  g_free (data);
}

static void
on_chooser_response (GtkNativeDialog *dialog,
                     int              response,
                     ChooseData      *data)
{
  GtkFileChooser *chooser = GTK_FILE_CHOOSER (dialog);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *display = NULL;
  g_autofree char *message = NULL;
  const ExportFormat *format = NULL;
  const char *chart_id = NULL;
  MizanChartKind chart = MIZAN_CHART_RADAR;
  AdwToast *toast;

  if (response != GTK_RESPONSE_ACCEPT || (file = gtk_file_chooser_get_file (chooser)) == NULL)
    goto out;
  path = g_file_get_path (file);
  if (path == NULL)
    goto out;

  /* The format of the name's extension, else the chosen filter's (and its extension added). */
  for (guint i = 0; i < G_N_ELEMENTS (formats) && format == NULL; i++)
    {
      g_autofree char *suffix = g_strconcat (".", formats[i].extension, NULL);

      if (g_str_has_suffix (path, suffix))
        format = &formats[i];
    }
  if (format == NULL)
    {
      GtkFileFilter *filter = gtk_file_chooser_get_filter (chooser);

      format = filter != NULL ? g_hash_table_lookup (data->filters, filter) : NULL;
      if (format == NULL)
        format = &formats[0];
      {
        char *with_extension = g_strconcat (path, ".", format->extension, NULL);

        g_free (path);
        path = with_extension;
      }
    }

  chart_id = gtk_file_chooser_get_choice (chooser, "chart");
  for (guint i = 0; i < G_N_ELEMENTS (charts); i++)
    if (g_strcmp0 (chart_id, charts[i].id) == 0)
      chart = charts[i].kind;

  display = g_filename_display_basename (path);
  g_debug ("Exporting %s as %s", path, format->extension);
  if (!mizan_export_write (data->session, format->format, chart, path, &error))
    {
      /* Translators: %s says why, e.g. "The logo “x.svg” does not exist" */
      message = g_strdup_printf (_("Could not export: %s"), error->message);
      toast = adw_toast_new (message);
      adw_toast_set_timeout (toast, 0);
      add_toast (data->widget, toast);
      goto out;
    }

  /* Translators: %s is a file name */
  message = g_strdup_printf (_("Exported “%s”"), display);
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("Open"));
  {
    /* What was written, which may have had its extension added. */
    g_autoptr(GFile) written = g_file_new_for_path (path);

    g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_open_clicked),
                           g_file_get_uri (written), (GClosureNotify) G_CALLBACK (g_free), 0);
  }
  add_toast (data->widget, toast);

out:
  choose_data_free (data);
  g_object_unref (dialog);
}

static char *
suggested_name (MizanSession *session)
{
  MizanAssessment *assessment = mizan_session_get_assessment (session);
  const char *org = mizan_assessment_get_org_name (assessment);
  g_autofree char *base = g_strdup (org != NULL && *org != '\0' ? org : _("assessment"));

  g_strdelimit (base, "/\\:", '-');
  return g_strconcat (base, ".pdf", NULL);
}

void
mizan_export_choose (GtkWidget    *widget,
                     MizanSession *session)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *native;
  ChooseData *data;
  g_autofree char *name = NULL;
  const char *chart_ids[G_N_ELEMENTS (charts) + 1] = { NULL };
  const char *chart_labels[G_N_ELEMENTS (charts) + 1] = { NULL };

  g_return_if_fail (MIZAN_IS_SESSION (session));

  native = gtk_file_chooser_native_new (_("Export Assessment"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);

  data = g_new0 (ChooseData, 1);
  data->widget = g_object_ref (widget);
  data->session = g_object_ref (session);
  data->filters = g_hash_table_new_full (g_direct_hash, g_direct_equal, g_object_unref, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      GtkFileFilter *filter = gtk_file_filter_new ();
      g_autofree char *pattern = g_strconcat ("*.", formats[i].extension, NULL);
      g_autofree char *label = g_strdup_printf ("%s (.%s)", _(formats[i].name), formats[i].extension);

      gtk_file_filter_set_name (filter, label);
      gtk_file_filter_add_pattern (filter, pattern);
      if (formats[i].mime_type != NULL)
        gtk_file_filter_add_mime_type (filter, formats[i].mime_type);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
      g_hash_table_insert (data->filters, filter, (gpointer) &formats[i]);
      if (i == 0)
        gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (native), filter);
    }
  for (guint i = 0; i < G_N_ELEMENTS (charts); i++)
    {
      chart_ids[i] = charts[i].id;
      chart_labels[i] = _(charts[i].label);
    }
  /* Translators: which chart an SVG or PNG export draws */
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (native), "chart", _("Chart"), chart_ids, chart_labels);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (native), "chart", "radar");

  name = suggested_name (session);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  g_signal_connect (native, "response", G_CALLBACK (on_chooser_response), data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* Printing */

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              MizanReport       *report)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width, height, scale;

  mizan_report_get_page_size (report, &width, &height);
  /* The printer's page may differ from the report's paper: fit it whole. */
  scale = MIN (gtk_print_context_get_width (context) / width, gtk_print_context_get_height (context) / height);
  cairo_scale (cr, scale, scale);
  mizan_report_draw_page (report, cr, page);
}

static void
on_print_done (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               GtkWidget               *widget)
{
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *message = NULL;

      gtk_print_operation_get_error (operation, &error);
      message = g_strdup_printf (_("Could not print: %s"), error != NULL ? error->message : _("unknown error"));
      add_toast (widget, adw_toast_new (message));
    }
}

void
mizan_export_print (GtkWidget    *widget,
                    MizanSession *session)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkPageSetup) setup = NULL;
  g_autoptr(GtkPaperSize) paper = NULL;
  MizanReport *report;
  GtkRoot *root = gtk_widget_get_root (widget);
  double width, height;

  g_return_if_fail (MIZAN_IS_SESSION (session));

  report = mizan_export_new_report (session, &error);
  if (report == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Could not print: %s"), error->message);
      add_toast (widget, adw_toast_new (message));
      return;
    }

  mizan_report_get_page_size (report, &width, &height);
  paper = gtk_paper_size_new (width > 600 ? GTK_PAPER_NAME_LETTER : GTK_PAPER_NAME_A4);
  setup = gtk_page_setup_new ();
  gtk_page_setup_set_paper_size_and_default_margins (setup, paper);

  operation = gtk_print_operation_new ();
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_n_pages (operation, mizan_report_get_n_pages (report));
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (operation, mizan_assessment_get_org_name (mizan_session_get_assessment (session)));
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_object_set_data_full (G_OBJECT (operation), "mizan-report", report, (GDestroyNotify) mizan_report_free);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), report);
  g_signal_connect_object (operation, "done", G_CALLBACK (on_print_done), widget, 0);

  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autofree char *message = g_strdup_printf (_("Could not print: %s"), error->message);
      add_toast (widget, adw_toast_new (message));
    }
}
