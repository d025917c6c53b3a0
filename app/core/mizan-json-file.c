/* mizan-json-file.c — reading the JSON files Mizan is given, with limits
 * Strict JSON is checked here first, then json-glib builds the tree; used by the exchange-file importer. */

#include "config.h"

#include <errno.h>
#include <math.h>
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

/* Strict JSON (RFC 8259), checked before json-glib builds the tree. json-glib
 * 1.6 accepts comments, single quotes, unknown escapes, data after the
 * document, repeated member names, lone surrogates (stored as invalid UTF-8),
 * "\u0000" (which cuts a string short) and integers beyond 64 bits (which
 * wrap around into plausible values); and it places its errors on the token
 * before the fault. All of these would let a file mean something other than
 * what it says without a word. */
typedef struct {
  const char *start;
  const char *p;
  const char *end;
  const char *fault;     /* where the first fault is */
  char       *message;
  GString    *name;      /* the member name being read, decoded */
} Checker;

static gboolean G_GNUC_PRINTF (3, 4)
checker_fail (Checker    *c,
              const char *at,
              const char *format,
              ...)
{
  va_list args;

  c->fault = at;
  va_start (args, format);
  c->message = g_strdup_vprintf (format, args);
  va_end (args);
  return FALSE;
}

static void
skip_whitespace (Checker *c)
{
  while (c->p < c->end && (*c->p == ' ' || *c->p == '\t' || *c->p == '\n' || *c->p == '\r'))
    c->p++;
}

/* What the file holds at @pos, for "expected X, found Y". */
static char *
describe_found (Checker    *c,
                const char *pos)
{
  const char *word_end = pos;

  if (pos >= c->end)
    return g_strdup (_("the end of the file"));
  if (*pos == '/' && pos + 1 < c->end && (pos[1] == '/' || pos[1] == '*'))
    return g_strdup (_("a comment (JSON has no comments)"));
  if (*pos == '"')
    return g_strdup (_("a string"));
  if ((guchar) *pos < 0x20)
    return g_strdup_printf (_("the control character U+%04X"), (guint) (guchar) *pos);

  /* Bare words whole: “tru”, “None”. */
  while (word_end < c->end && word_end - pos < 24 && (g_ascii_isalnum (*word_end) || *word_end == '_'))
    word_end++;
  if (word_end == pos)
    word_end = g_utf8_next_char (pos);
  return g_strdup_printf ("“%.*s”", (int) (word_end - pos), pos);
}

/* Two values in a row nearly always mean a forgotten comma between them. */
static const char *
comma_hint (Checker *c)
{
  if (c->p < c->end && strchr ("\"{[-0123456789tfn", *c->p) != NULL)
    return _("; is a comma missing?");
  return "";
}

static gboolean
check_hex4 (Checker    *c,
            const char *escape,
            gunichar   *out)
{
  gunichar u = 0;

  for (guint i = 0; i < 4; i++, c->p++)
    {
      if (c->p >= c->end || !g_ascii_isxdigit (*c->p))
        return checker_fail (c, escape, _("“\\u” must be followed by four hexadecimal digits"));
      u = u * 16 + g_ascii_xdigit_value (*c->p);
    }
  *out = u;
  return TRUE;
}

static gboolean
check_escape (Checker    *c,
              const char *open,
              GString    *out)
{
  const char *escape = c->p;
  gunichar u;

  c->p++;
  if (c->p >= c->end)
    return checker_fail (c, open, _("string not closed before the end of the file"));

  switch (*c->p)
    {
    case '"': case '\\': case '/':
      u = *c->p;
      break;
    case 'b': u = '\b'; break;
    case 'f': u = '\f'; break;
    case 'n': u = '\n'; break;
    case 'r': u = '\r'; break;
    case 't': u = '\t'; break;
    case 'u':
      c->p++;
      if (!check_hex4 (c, escape, &u))
        return FALSE;
      if (u == 0)
        return checker_fail (c, escape, _("“\\u0000” (a NUL character) is not allowed in a string"));
      if (u >= 0xDC00 && u <= 0xDFFF)
        return checker_fail (c, escape, _("“\\u%04X” is the second half of a surrogate pair "
                                          "without its first half"), u);
      if (u >= 0xD800 && u <= 0xDBFF)
        {
          const char *second = c->p;
          gunichar low = 0;

          if (c->end - c->p < 2 || c->p[0] != '\\' || c->p[1] != 'u')
            return checker_fail (c, escape, _("“\\u%04X” starts a surrogate pair that is not completed"), u);
          c->p += 2;
          if (!check_hex4 (c, second, &low))
            return FALSE;
          if (low < 0xDC00 || low > 0xDFFF)
            return checker_fail (c, escape, _("“\\u%04X” starts a surrogate pair that is not completed"), u);
          u = 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00);
        }
      if (out != NULL)
        g_string_append_unichar (out, u);
      return TRUE;
    default:
      return checker_fail (c, escape,
                           _("invalid escape “\\%.*s” in a string; the escapes are "
                             "\\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX"),
                           (int) (g_utf8_next_char (c->p) - c->p), c->p);
    }

  c->p++;
  if (out != NULL)
    g_string_append_c (out, (char) u);
  return TRUE;
}

/* The string at c->p, decoded into @out when not NULL; c->p ends past its closing quote. */
static gboolean
check_string (Checker *c,
              GString *out)
{
  const char *open = c->p;

  if (out != NULL)
    g_string_truncate (out, 0);
  c->p++;

  while (c->p < c->end)
    {
      const char *run = c->p;

      /* The data is valid UTF-8 already: plain runs go whole. */
      while (c->p < c->end && *c->p != '"' && *c->p != '\\' && (guchar) *c->p >= 0x20)
        c->p++;
      if (out != NULL)
        g_string_append_len (out, run, c->p - run);
      if (c->p >= c->end)
        break;

      if (*c->p == '"')
        {
          c->p++;
          return TRUE;
        }
      if (*c->p == '\\')
        {
          if (!check_escape (c, open, out))
            return FALSE;
          continue;
        }
      if (*c->p == '\n' || *c->p == '\r')
        return checker_fail (c, open, _("string not closed on its line; close it with \" "
                                        "(a line break inside a string is written \\n)"));
      return checker_fail (c, c->p, _("control character U+%04X in a string; write it as \\u%04X"),
                           (guint) (guchar) *c->p, (guint) (guchar) *c->p);
    }

  return checker_fail (c, open, _("string not closed before the end of the file"));
}

static gboolean
check_digits (Checker    *c,
              const char *what)
{
  if (c->p >= c->end || !g_ascii_isdigit (*c->p))
    {
      g_autofree char *found = describe_found (c, c->p);
      return checker_fail (c, c->p, _("expected a digit %s, found %s"), what, found);
    }
  while (c->p < c->end && g_ascii_isdigit (*c->p))
    c->p++;
  return TRUE;
}

static gboolean
check_number (Checker *c)
{
  const char *start = c->p;
  gboolean is_integer = TRUE;
  gboolean too_large;
  g_autofree char *copy = NULL;
  int length;

  if (*c->p == '-')
    c->p++;
  if (c->p < c->end && *c->p == '0')
    {
      c->p++;
      if (c->p < c->end && g_ascii_isdigit (*c->p))
        return checker_fail (c, start, _("a number must not start with 0; write it without leading zeros"));
    }
  else if (!check_digits (c, _("after “-”")))
    return FALSE;

  if (c->p < c->end && *c->p == '.')
    {
      c->p++;
      is_integer = FALSE;
      if (!check_digits (c, _("after the decimal point")))
        return FALSE;
    }
  if (c->p < c->end && (*c->p == 'e' || *c->p == 'E'))
    {
      c->p++;
      is_integer = FALSE;
      if (c->p < c->end && (*c->p == '+' || *c->p == '-'))
        c->p++;
      if (!check_digits (c, _("in the exponent")))
        return FALSE;
    }

  /* json-glib would wrap such an integer around 64 bits, or make the number infinite. */
  copy = g_strndup (start, c->p - start);
  length = MIN (c->p - start, 40);
  if (is_integer)
    {
      errno = 0;
      g_ascii_strtoll (copy, NULL, 10);
      too_large = errno == ERANGE;
    }
  else
    too_large = !isfinite (g_ascii_strtod (copy, NULL));  /* underflow to 0 is fine */
  if (too_large)
    return checker_fail (c, start, _("the number %.*s%s is too large"),
                         length, start, length < c->p - start ? "…" : "");
  return TRUE;
}

static gboolean
check_literal (Checker    *c,
               const char *literal)
{
  gsize length = strlen (literal);

  if ((gsize) (c->end - c->p) >= length && memcmp (c->p, literal, length) == 0 &&
      (c->p + length == c->end || !(g_ascii_isalnum (c->p[length]) || c->p[length] == '_')))
    {
      c->p += length;
      return TRUE;
    }
  return FALSE;
}

static gboolean check_value (Checker *c, guint depth);

static gboolean
check_object (Checker *c,
              guint    depth)
{
  g_autoptr(GHashTable) names = NULL;

  c->p++;  /* { */
  skip_whitespace (c);
  if (c->p < c->end && *c->p == '}')
    {
      c->p++;
      return TRUE;
    }

  names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (;;)
    {
      const char *name_pos = c->p;
      char *name;

      if (c->p >= c->end || *c->p != '"')
        {
          g_autofree char *found = describe_found (c, c->p);

          if (g_hash_table_size (names) > 0 && c->p < c->end && *c->p == '}')
            return checker_fail (c, c->p, _("expected a member name after “,”, found “}”; "
                                            "remove the comma after the last member"));
          return checker_fail (c, c->p, _("expected a member name in double quotes, found %s"), found);
        }
      if (!check_string (c, c->name))
        return FALSE;

      /* JSON leaves repeated names undefined, and json-glib keeps the last
       * one: two answers for one practice would lose one without a word. */
      name = g_strndup (c->name->str, c->name->len);
      if (!g_hash_table_add (names, name))
        return checker_fail (c, name_pos, _("member “%s” appears more than once in this object"), name);

      skip_whitespace (c);
      if (c->p >= c->end || *c->p != ':')
        {
          g_autofree char *found = describe_found (c, c->p);
          return checker_fail (c, c->p, _("expected “:” after the member name “%s”, found %s"), name, found);
        }
      c->p++;
      skip_whitespace (c);
      if (!check_value (c, depth))
        return FALSE;

      skip_whitespace (c);
      if (c->p < c->end && *c->p == ',')
        {
          c->p++;
          skip_whitespace (c);
          continue;
        }
      if (c->p < c->end && *c->p == '}')
        {
          c->p++;
          return TRUE;
        }

      {
        g_autofree char *found = describe_found (c, c->p);
        return checker_fail (c, c->p, _("expected “,” or “}” after the value of “%s”, found %s%s"),
                             name, found, comma_hint (c));
      }
    }
}

static gboolean
check_array (Checker *c,
             guint    depth)
{
  c->p++;  /* [ */
  skip_whitespace (c);
  if (c->p < c->end && *c->p == ']')
    {
      c->p++;
      return TRUE;
    }

  for (;;)
    {
      if (c->p < c->end && *c->p == ']')
        return checker_fail (c, c->p, _("expected a value after “,”, found “]”; "
                                        "remove the comma after the last element"));
      if (!check_value (c, depth))
        return FALSE;

      skip_whitespace (c);
      if (c->p < c->end && *c->p == ',')
        {
          c->p++;
          skip_whitespace (c);
          continue;
        }
      if (c->p < c->end && *c->p == ']')
        {
          c->p++;
          return TRUE;
        }

      {
        g_autofree char *found = describe_found (c, c->p);
        return checker_fail (c, c->p, _("expected “,” or “]” after an array element, found %s%s"),
                             found, comma_hint (c));
      }
    }
}

/* @depth counts the containers around the value, so recursion stays shallow. */
static gboolean
check_value (Checker *c,
             guint    depth)
{
  g_autofree char *found = NULL;

  if (c->p < c->end)
    switch (*c->p)
      {
      case '{':
      case '[':
        if (depth >= MIZAN_JSON_MAX_DEPTH)
          return checker_fail (c, c->p, _("nested more than %d levels deep"), MIZAN_JSON_MAX_DEPTH);
        return *c->p == '{' ? check_object (c, depth + 1) : check_array (c, depth + 1);
      case '"':
        return check_string (c, NULL);
      case '-':
      case '0': case '1': case '2': case '3': case '4':
      case '5': case '6': case '7': case '8': case '9':
        return check_number (c);
      case 't':
        if (check_literal (c, "true"))
          return TRUE;
        break;
      case 'f':
        if (check_literal (c, "false"))
          return TRUE;
        break;
      case 'n':
        if (check_literal (c, "null"))
          return TRUE;
        break;
      case '\'':
        return checker_fail (c, c->p, _("strings must be in double quotes, found “'”"));
      default:
        break;
      }

  found = describe_found (c, c->p);
  return checker_fail (c, c->p, _("expected a value (a string, number, object, array, true, false "
                                  "or null), found %s"), found);
}

/* FALSE with @c's fault and message set when @c's data is not strict JSON. */
static gboolean
check_document (Checker *c)
{
  skip_whitespace (c);
  if (c->p >= c->end)
    return checker_fail (c, c->p, _("the file is empty"));
  if (!check_value (c, 0))
    return FALSE;
  skip_whitespace (c);
  if (c->p < c->end)
    {
      g_autofree char *found = describe_found (c, c->p);
      return checker_fail (c, c->p, _("expected nothing after the end of the JSON data, found %s"), found);
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
  guint line, column;

  g_return_val_if_fail (data != NULL, NULL);

  if (length < 0)
    length = strlen (data);

  /* A byte order mark, as some Windows editors write: not part of the text. */
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  if (!g_utf8_validate_len (data, length, &invalid))
    {
      position_of (data, invalid - data, &line, &column);
      if (*invalid == '\0')
        g_set_error (error, domain, syntax_code,
                     _("%s:%u:%u: the file is not valid UTF-8 text (a NUL byte)"),
                     display_name, line, column);
      else
        g_set_error (error, domain, syntax_code,
                     _("%s:%u:%u: the file is not valid UTF-8 text (byte 0x%02X); save it as UTF-8"),
                     display_name, line, column, (guint) (guchar) *invalid);
      return NULL;
    }

  {
    g_autoptr(GString) name = g_string_new (NULL);
    Checker c = { data, data, data + length, NULL, NULL, name };

    if (!check_document (&c))
      {
        g_autofree char *message = c.message;

        position_of (data, c.fault - data, &line, &column);
        g_set_error (error, domain, syntax_code, "%s:%u:%u: %s", display_name, line, column, message);
        return NULL;
      }
  }

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      /* Not expected after the check above; json-glib says
       * "<data>:LINE:COL: Parse error: what": keep LINE:COL and what. */
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

      /* Just over the limit, both round to the same figure: give the bytes. */
      if (g_str_equal (size, limit))
        {
          g_free (size);
          g_free (limit);
          size = g_format_size_full (st.st_size, G_FORMAT_SIZE_LONG_FORMAT);
          limit = g_format_size_full (max_size, G_FORMAT_SIZE_LONG_FORMAT);
        }

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
