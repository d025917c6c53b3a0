/* mizan-chart-export.c — writes a chart to an SVG or PNG file, whole or not at all
 * Drawn into a temporary file beside the destination, synced, then renamed into place. */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <unistd.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "mizan-chart-private.h"

/* Beyond this a PNG needs gigabytes of memory; no export has a use for it. */
#define MAX_SIDE 16384

typedef struct {
  int fd;
  int saved_errno;   /* of the first failed write, 0 if none */
} Sink;

static cairo_status_t
sink_write (void                *data,
            const unsigned char *bytes,
            unsigned int         length)
{
  Sink *sink = data;

  while (length > 0)
    {
      ssize_t written = write (sink->fd, bytes, length);

      if (written < 0)
        {
          if (errno == EINTR)
            continue;
          if (sink->saved_errno == 0)
            sink->saved_errno = errno;
          return CAIRO_STATUS_WRITE_ERROR;
        }
      bytes += written;
      length -= (unsigned int) written;
    }
  return CAIRO_STATUS_SUCCESS;
}

static void
set_file_error (GError     **error,
                int          saved_errno,
                const char  *path)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
               /* Translators: a file name and the system's reason, e.g. "No such file or directory" */
               _("Could not write “%s”: %s"), display, g_strerror (saved_errno));
}

static cairo_status_t
render (MizanChartKind         kind,
        const MizanResults    *results,
        const MizanStatus     *statuses,
        MizanChartFormat       format,
        double                 width,
        double                 height,
        const MizanChartStyle *style,
        Sink                  *sink)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;

  if (format == MIZAN_CHART_FORMAT_SVG)
    {
      surface = cairo_svg_surface_create_for_stream (sink_write, sink, width, height);
      /* Pixels, as the app measures charts; cairo 1.16 would say points. */
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
    }
  else
    {
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) width, (int) height);
    }

  cr = cairo_create (surface);
  mizan_chart_draw (kind, cr, results, statuses, width, height, style);
  status = cairo_status (cr);
  cairo_destroy (cr);

  if (status == CAIRO_STATUS_SUCCESS)
    {
      if (format == MIZAN_CHART_FORMAT_SVG)
        cairo_surface_finish (surface);
      else
        cairo_surface_write_to_png_stream (surface, sink_write, sink);
      status = cairo_surface_status (surface);
    }
  if (status == CAIRO_STATUS_SUCCESS && format == MIZAN_CHART_FORMAT_PNG && sink->saved_errno != 0)
    status = CAIRO_STATUS_WRITE_ERROR;
  cairo_surface_destroy (surface);
  return status;
}

gboolean
mizan_chart_write (MizanChartKind         kind,
                   const MizanResults    *results,
                   const MizanStatus     *statuses,
                   const char            *path,
                   MizanChartFormat       format,
                   double                 width,
                   double                 height,
                   const MizanChartStyle *style,
                   GError               **error)
{
  g_autofree char *tmp_path = NULL;
  g_autofree char *display = NULL;
  Sink sink = { -1, 0 };
  cairo_status_t status;

  g_return_val_if_fail (results != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  display = g_filename_display_name (path);
  if (kind != MIZAN_CHART_RADAR && kind != MIZAN_CHART_GAP_BARS && kind != MIZAN_CHART_HEAT_MAP)
    {
      g_set_error (error, MIZAN_CHART_ERROR, MIZAN_CHART_ERROR_INVALID,
                   _("Could not write “%s”: unknown kind of chart"), display);
      return FALSE;
    }
  if (format != MIZAN_CHART_FORMAT_SVG && format != MIZAN_CHART_FORMAT_PNG)
    {
      g_set_error (error, MIZAN_CHART_ERROR, MIZAN_CHART_ERROR_INVALID,
                   _("Could not write “%s”: unknown file format"), display);
      return FALSE;
    }
  if (format == MIZAN_CHART_FORMAT_PNG)
    {
      width = round (width);
      height = round (height);
    }
  /* Written so that NaN fails too. */
  if (!(width >= 1 && width <= MAX_SIDE && height >= 1 && height <= MAX_SIDE))
    {
      g_set_error (error, MIZAN_CHART_ERROR, MIZAN_CHART_ERROR_INVALID,
                   _("Could not write “%s”: a chart must be between 1 and %d pixels wide and high, not %g × %g"),
                   display, MAX_SIDE, width, height);
      return FALSE;
    }

  /* Beside the destination, so the rename stays on one filesystem and is atomic. */
  tmp_path = g_strconcat (path, ".XXXXXX", NULL);
  sink.fd = g_mkstemp_full (tmp_path, O_WRONLY | O_CLOEXEC, 0666);
  if (sink.fd < 0)
    {
      set_file_error (error, errno, path);
      return FALSE;
    }

  status = render (kind, results, statuses, format, width, height, style, &sink);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      if (sink.saved_errno != 0)
        set_file_error (error, sink.saved_errno, path);
      else
        g_set_error (error, MIZAN_CHART_ERROR, MIZAN_CHART_ERROR_FAILED,
                     _("Could not write “%s”: %s"), display, cairo_status_to_string (status));
      goto fail;
    }

  /* On disk before it takes the real name: a crash leaves the old file or the new, never half of one. */
  if (fsync (sink.fd) != 0)
    {
      set_file_error (error, errno, path);
      goto fail;
    }
  if (close (sink.fd) != 0)
    {
      sink.fd = -1;
      set_file_error (error, errno, path);
      goto fail;
    }
  sink.fd = -1;

  if (g_rename (tmp_path, path) != 0)
    {
      set_file_error (error, errno, path);
      goto fail;
    }
  return TRUE;

fail:
  if (sink.fd >= 0)
    close (sink.fd);
  g_unlink (tmp_path);
  return FALSE;
}
