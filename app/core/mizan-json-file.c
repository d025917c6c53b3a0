/* mizan-json-file.c — reading the JSON files Mizan is given, with limits
 * Shared by the framework loader and the exchange-file importer. */

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "mizan-json-file.h"

/* Line and column (both from 1, the column counted in characters) of byte @offset. */
static void
position_of (const char *data,
             gsize       offset,
             guint      *line,
             guint      *column)
{
  const char *p = data;
  const char *end = data + offset;
  const char *line_start = data;

  *line = 1;
  for (; p < end; p++)
    if (*p == '\n')
      {
        (*line)++;
        line_start = p + 1;
      }
  *column = 1;
  for (p = line_start; p < end; p++)
    if (((guchar) *p & 0xC0) != 0x80)
      (*column)++;
}

/* Finds where brackets nest deeper than MIZAN_JSON_MAX_DEPTH, skipping strings. */
static gboolean
check_depth (const char *data,
             gsize       length,
             gsize      *offset)
{
  guint depth = 0;
  gboolean in_string = FALSE;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > MIZAN_JSON_MAX_DEPTH)
            {
              *offset = i;
              return FALSE;
            }
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }
  return TRUE;
}

JsonNode *
mizan_json_parse_data (const char  *data,
                       gssize       length,
                       const char  *display_name,
                       GQuark       domain,
                       int          syntax_code,
                       GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *invalid = NULL;
  gsize offset;
  guint line, column;

  g_return_val_if_fail (data != NULL, NULL);

  if (length < 0)
    length = strlen (data);

  if (!g_utf8_validate (data, length, &invalid))
    {
      position_of (data, invalid - data, &line, &column);
      g_set_error (error, domain, syntax_code,
                   _("%s:%u:%u: the file is not valid UTF-8 text"), display_name, line, column);
      return NULL;
    }

  if (!check_depth (data, length, &offset))
    {
      position_of (data, offset, &line, &column);
      g_set_error (error, domain, syntax_code,
                   _("%s:%u:%u: nested more than %d levels deep"),
                   display_name, line, column, MIZAN_JSON_MAX_DEPTH);
      return NULL;
    }

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      /* json-glib says "<data>:LINE:COL: Parse error: what"; keep LINE:COL and what. */
      const char *message = local_error->message;
      const char *what;
      int n_chars = 0;

      line = column = 0;
      if (sscanf (message, "<data>:%u:%u: %n", &line, &column, &n_chars) == 2 && n_chars > 0)
        {
          what = message + n_chars;
          if (g_str_has_prefix (what, "Parse error: "))
            what += strlen ("Parse error: ");
          g_set_error (error, domain, syntax_code, "%s:%u:%u: %s", display_name, line, column, what);
        }
      else
        g_set_error (error, domain, syntax_code, "%s:1:1: %s", display_name, message);
      return NULL;
    }

  if (json_parser_get_root (parser) == NULL)
    {
      g_set_error (error, domain, syntax_code, _("%s:1:1: the file is empty"), display_name);
      return NULL;
    }

  return json_parser_steal_root (parser);
}

JsonNode *
mizan_json_parse_file (const char  *path,
                       gsize        max_size,
                       GQuark       domain,
                       int          too_large_code,
                       int          syntax_code,
                       GError     **error)
{
  g_autofree char *contents = NULL;
  GStatBuf st;
  gsize length;

  if (g_stat (path, &st) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("%s: cannot read: %s"), path, g_strerror (saved_errno));
      return NULL;
    }
  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   _("%s: not a regular file"), path);
      return NULL;
    }
  if ((guint64) st.st_size > max_size)
    {
      g_autofree char *size = g_format_size (st.st_size);
      g_autofree char *limit = g_format_size (max_size);

      g_set_error (error, domain, too_large_code,
                   _("%s: the file is %s, larger than the %s Mizan accepts"), path, size, limit);
      return NULL;
    }

  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;
  /* The file may have grown since the check above. */
  if (length > max_size)
    {
      g_set_error (error, domain, too_large_code, _("%s: the file is larger than Mizan accepts"), path);
      return NULL;
    }

  return mizan_json_parse_data (contents, length, path, domain, syntax_code, error);
}

struct _MizanProblems {
  char    *display_name;
  GString *lines;
  guint    count;
};

MizanProblems *
mizan_problems_new (const char *display_name)
{
  MizanProblems *self = g_new0 (MizanProblems, 1);

  self->display_name = g_strdup (display_name);
  self->lines = g_string_new (NULL);
  return self;
}

void
mizan_problems_free (MizanProblems *self)
{
  if (self == NULL)
    return;
  g_free (self->display_name);
  g_string_free (self->lines, TRUE);
  g_free (self);
}

void
mizan_problems_add (MizanProblems *self,
                    const char    *path,
                    const char    *format,
                    ...)
{
  va_list args;

  if (self->count > 0)
    g_string_append_c (self->lines, '\n');
  g_string_append_printf (self->lines, "%s: %s: ", self->display_name, path);
  va_start (args, format);
  g_string_append_vprintf (self->lines, format, args);
  va_end (args);
  self->count++;
}

guint
mizan_problems_get_count (MizanProblems *self)
{
  return self->count;
}

gboolean
mizan_problems_to_error (MizanProblems  *self,
                         GQuark          domain,
                         int             code,
                         GError        **error)
{
  if (self->count == 0)
    return FALSE;
  g_set_error_literal (error, domain, code, self->lines->str);
  return TRUE;
}
