/* mizan-json-tree.c — Mizan's one strict JSON (RFC 8259) parser, into a compact read-only tree
 * Exact lines and columns, a nesting cap, every value in one arena; frameworks, exchange files and submissions. */

#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "mizan-json-tree.h"

/* json-glib 1.6's JsonParser accepts comments, single quotes, leading
 * zeros, unknown escapes, data after the document and repeated member names
 * (keeping the last); it wraps integers that overflow, truncates strings at
 * \u0000, stores lone surrogates as invalid UTF-8, places its errors a token
 * off and recurses without limit (a file of "[[[[…" crashes it). Each of
 * these would let a file mean something other than what it says without a
 * word. Its tree also costs a hash table per object: building and freeing
 * it alone took longer than the whole load may for a 10,000-practice
 * framework. So Mizan parses strict JSON itself, into this tree. */

/* ------------------------------------------------------------------------ */
/* The tree: compact values in one arena, freed at once. */

typedef struct {
  GSList *blocks;
  char   *next;
  gsize   left;
} Arena;

#define ARENA_BLOCK_SIZE (64 * 1024)

struct _MizanJsonTree {
  Arena          arena;
  MizanJsonValue root;
};

static gpointer
arena_alloc (Arena *arena,
             gsize  size)
{
  gpointer result;

  size = (size + 7) & ~(gsize) 7;
  if (size > arena->left)
    {
      /* A big request gets a block of its own, so little space is wasted. */
      if (size > ARENA_BLOCK_SIZE / 4)
        {
          char *block = g_malloc (size);

          arena->blocks = g_slist_prepend (arena->blocks, block);
          return block;
        }
      arena->next = g_malloc (ARENA_BLOCK_SIZE);
      arena->left = ARENA_BLOCK_SIZE;
      arena->blocks = g_slist_prepend (arena->blocks, arena->next);
    }

  result = arena->next;
  arena->next += size;
  arena->left -= size;
  return result;
}

void
mizan_json_tree_free (MizanJsonTree *self)
{
  if (self == NULL)
    return;
  g_slist_free_full (self->arena.blocks, g_free);
  g_free (self);
}

const MizanJsonValue *
mizan_json_tree_get_root (MizanJsonTree *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return &self->root;
}

/* ------------------------------------------------------------------------ */
/* The parser. */

typedef struct {
  const char *display_name;
  gboolean    ascii_quotes;
  const char *start;        /* after any byte order mark */
  const char *p;
  const char *end;

  /* Newlines only occur between tokens, so the parser counts them there. */
  guint       line;
  const char *line_start;
  const char *col_pos;      /* the last column computed, to stay linear */
  guint       col;

  GString    *buffer;       /* the string being decoded */
  Arena      *arena;
  GArray     *node_stack;   /* MizanJsonValue: elements of the open arrays */
  GArray     *member_stack; /* MizanJsonMember: members of the open objects */
  GPtrArray  *problems;     /* repeated members, when they do not stop the parse */
  char       *fatal;        /* the fault that stopped the parse */
} Parser;

static void
parser_position (Parser     *s,
                 const char *pos,
                 guint      *line,
                 guint      *col)
{
  /* Columns count characters, as editors show them. */
  if (s->col_pos == NULL || s->col_pos < s->line_start || s->col_pos > pos)
    {
      s->col_pos = s->line_start;
      s->col = 1;
    }
  s->col += g_utf8_strlen (s->col_pos, pos - s->col_pos);
  s->col_pos = pos;

  *line = s->line;
  *col = s->col;
}

/* Mizan's own @text, with its quotes made plain when the caller asks;
 * never what the file says, which is quoted as it is. */
static char *
parser_quotes (Parser     *s,
               const char *text)
{
  GString *out;

  if (!s->ascii_quotes)
    return g_strdup (text);

  out = g_string_new (NULL);
  for (const char *p = text; *p != '\0'; p++)
    if (g_str_has_prefix (p, "“") || g_str_has_prefix (p, "”"))
      {
        g_string_append_c (out, '"');
        p += strlen ("“") - 1;
      }
    else
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

static char *
parser_vprintf (Parser     *s,
                const char *format,
                va_list     args)
{
  g_autofree char *quoted = parser_quotes (s, format);

  return g_strdup_vprintf (quoted, args);
}

static char *parser_printf (Parser     *s,
                            const char *format,
                            ...) G_GNUC_PRINTF (2, 3);

static char *
parser_printf (Parser     *s,
               const char *format,
               ...)
{
  va_list args;
  char *result;

  va_start (args, format);
  result = parser_vprintf (s, format, args);
  va_end (args);
  return result;
}

/* "NAME:LINE:COL: message" */
static char *
parser_line (Parser     *s,
             const char *pos,
             const char *message)
{
  guint line, col;

  parser_position (s, pos, &line, &col);
  return g_strdup_printf ("%s:%u:%u: %s", s->display_name, line, col, message);
}

static gboolean parser_fail (Parser     *s,
                             const char *pos,
                             const char *format,
                             ...) G_GNUC_PRINTF (3, 4);

/* Always returns FALSE, so that callers can `return parser_fail (…)`. */
static gboolean
parser_fail (Parser     *s,
             const char *pos,
             const char *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  if (s->fatal != NULL)
    return FALSE;

  va_start (args, format);
  message = parser_vprintf (s, format, args);
  va_end (args);
  s->fatal = parser_line (s, pos, message);
  return FALSE;
}

static void
skip_whitespace (Parser *s)
{
  while (s->p < s->end)
    {
      switch (*s->p)
        {
        case '\n':
          s->line++;
          s->line_start = s->p + 1;
          G_GNUC_FALLTHROUGH;
        case ' ':
        case '\t':
        case '\r':
          s->p++;
          break;

        default:
          return;
        }
    }
}

/* What the user wrote at @pos, for "expected X, found Y". */
static char *
describe_found (Parser     *s,
                const char *pos)
{
  const char *word_end = pos;

  if (pos >= s->end)
    return g_strdup (_("the end of the file"));

  if (*pos == '/' && pos + 1 < s->end && (pos[1] == '/' || pos[1] == '*'))
    return g_strdup (_("a comment (JSON has no comments)"));

  if (*pos == '"')
    return g_strdup (_("a string"));

  if ((guchar) *pos < 0x20)
    return g_strdup_printf (_("the control character U+%04X"), (guint) (guchar) *pos);

  /* Show bare words whole: “tru”, “None”. */
  while (word_end < s->end && word_end - pos < 24 &&
         (g_ascii_isalnum (*word_end) || *word_end == '_'))
    word_end++;
  if (word_end == pos)
    word_end = g_utf8_next_char (pos);
  return parser_printf (s, "“%.*s”", (int) (word_end - pos), pos);
}

/* Two values in a row nearly always mean a forgotten comma between them. */
static const char *
comma_hint (Parser *s)
{
  if (s->p < s->end && *s->p != '\0' && strchr ("\"{[-0123456789tfn", *s->p) != NULL)
    return _("; is a comma missing?");
  return "";
}

static gboolean parse_value (Parser *s, guint depth, MizanJsonValue *out);

static gboolean
parse_hex4 (Parser     *s,
            const char *escape,
            gunichar   *out)
{
  gunichar c = 0;

  for (guint i = 0; i < 4; i++)
    {
      if (s->p >= s->end || !g_ascii_isxdigit (*s->p))
        return parser_fail (s, escape, _("“\\u” must be followed by four hexadecimal digits"));
      c = c * 16 + g_ascii_xdigit_value (*s->p);
      s->p++;
    }
  *out = c;
  return TRUE;
}

static gboolean
parse_escape (Parser     *s,
              const char *open)
{
  const char *escape = s->p;
  gunichar u = 0;

  s->p++;
  if (s->p >= s->end)
    return parser_fail (s, open, _("string not closed before the end of the file"));

  switch (*s->p++)
    {
    case '"':  g_string_append_c (s->buffer, '"');  return TRUE;
    case '\\': g_string_append_c (s->buffer, '\\'); return TRUE;
    case '/':  g_string_append_c (s->buffer, '/');  return TRUE;
    case 'b':  g_string_append_c (s->buffer, '\b'); return TRUE;
    case 'f':  g_string_append_c (s->buffer, '\f'); return TRUE;
    case 'n':  g_string_append_c (s->buffer, '\n'); return TRUE;
    case 'r':  g_string_append_c (s->buffer, '\r'); return TRUE;
    case 't':  g_string_append_c (s->buffer, '\t'); return TRUE;
    case 'u':  break;
    default:
      s->p--;
      return parser_fail (s, escape,
                          _("invalid escape “\\%.*s” in a string; the escapes are "
                            "\\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX"),
                          (int) (g_utf8_next_char (s->p) - s->p), s->p);
    }

  if (!parse_hex4 (s, escape, &u))
    return FALSE;
  /* The string would end there for C, losing the rest silently. */
  if (u == 0)
    return parser_fail (s, escape, _("“\\u0000” (a NUL character) is not allowed in a string"));
  if (u >= 0xDC00 && u <= 0xDFFF)
    return parser_fail (s, escape, _("“\\u%04X” is the second half of a surrogate pair "
                                     "without its first half"), u);
  if (u >= 0xD800 && u <= 0xDBFF)
    {
      const char *second = s->p;
      gunichar low = 0;

      if (s->end - s->p < 2 || s->p[0] != '\\' || s->p[1] != 'u')
        return parser_fail (s, escape, _("“\\u%04X” starts a surrogate pair that is not "
                                         "completed"), u);
      s->p += 2;
      if (!parse_hex4 (s, second, &low))
        return FALSE;
      if (low < 0xDC00 || low > 0xDFFF)
        return parser_fail (s, escape, _("“\\u%04X” starts a surrogate pair that is not "
                                         "completed"), u);
      u = 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00);
    }
  g_string_append_unichar (s->buffer, u);
  return TRUE;
}

/* Decodes the string at s->p into s->buffer; s->p ends past the closing quote. */
static gboolean
parse_string (Parser *s)
{
  const char *open = s->p;

  g_string_truncate (s->buffer, 0);
  s->p++;

  while (s->p < s->end)
    {
      const char *run = s->p;

      /* The input is valid UTF-8 already: copy plain runs whole. */
      while (s->p < s->end && *s->p != '"' && *s->p != '\\' && (guchar) *s->p >= 0x20)
        s->p++;
      g_string_append_len (s->buffer, run, s->p - run);
      if (s->p >= s->end)
        break;

      if (*s->p == '"')
        {
          s->p++;
          return TRUE;
        }

      if (*s->p == '\\')
        {
          if (!parse_escape (s, open))
            return FALSE;
          continue;
        }

      if (*s->p == '\n' || *s->p == '\r')
        return parser_fail (s, open,
                            _("string not closed on its line; close it with \" (a line break "
                              "inside a string is written \\n)"));
      return parser_fail (s, s->p,
                          _("control character U+%04X in a string; write it as an escape "
                            "such as \\t or \\u%04X"),
                          (guint) (guchar) *s->p, (guint) (guchar) *s->p);
    }

  return parser_fail (s, open, _("string not closed before the end of the file"));
}

static gboolean
parse_digits (Parser     *s,
              const char *what)
{
  if (s->p >= s->end || !g_ascii_isdigit (*s->p))
    {
      g_autofree char *found = describe_found (s, s->p);
      g_autofree char *quoted = parser_quotes (s, what);

      return parser_fail (s, s->p, _("expected a digit %s, found %s"), quoted, found);
    }
  while (s->p < s->end && g_ascii_isdigit (*s->p))
    s->p++;
  return TRUE;
}

static gboolean
parse_number (Parser         *s,
              MizanJsonValue *out)
{
  const char *start = s->p;
  gboolean is_integer = TRUE;
  char small[64];
  g_autofree char *large = NULL;
  const char *copy;
  gsize length;
  int shown;
  gint64 integer = 0;
  double number = 0;

  if (*s->p == '-')
    s->p++;

  if (s->p < s->end && *s->p == '0')
    {
      s->p++;
      if (s->p < s->end && g_ascii_isdigit (*s->p))
        return parser_fail (s, start, _("a number must not start with 0; write it without leading zeros"));
    }
  else if (!parse_digits (s, _("after “-”")))
    return FALSE;

  if (s->p < s->end && *s->p == '.')
    {
      s->p++;
      is_integer = FALSE;
      if (!parse_digits (s, _("after the decimal point")))
        return FALSE;
    }

  if (s->p < s->end && (*s->p == 'e' || *s->p == 'E'))
    {
      s->p++;
      is_integer = FALSE;
      if (s->p < s->end && (*s->p == '+' || *s->p == '-'))
        s->p++;
      if (!parse_digits (s, _("in the exponent")))
        return FALSE;
    }

  /* The C conversions want a terminated string; numbers are nearly always short. */
  length = s->p - start;
  if (length < sizeof small)
    {
      memcpy (small, start, length);
      small[length] = '\0';
      copy = small;
    }
  else
    copy = large = g_strndup (start, length);

  /* Integers beyond 64 bits and numbers beyond a double would need silent
   * wrapping or infinity; a number too small for a double is simply 0. */
  if (is_integer)
    {
      errno = 0;
      integer = g_ascii_strtoll (copy, NULL, 10);
      if (errno != ERANGE)
        {
          *out = (MizanJsonValue) { .type = MIZAN_JSON_INTEGER, .u.integer = integer };
          return TRUE;
        }
    }
  else
    {
      number = g_ascii_strtod (copy, NULL);
      if (isfinite (number))
        {
          *out = (MizanJsonValue) { .type = MIZAN_JSON_NUMBER, .u.number = number };
          return TRUE;
        }
    }

  shown = (int) MIN (length, 40);
  return parser_fail (s, start, _("the number %.*s%s is too large"),
                      shown, start, (gsize) shown < length ? "…" : "");
}

static gboolean
parse_literal (Parser     *s,
               const char *literal)
{
  gsize len = strlen (literal);

  /* "true_" or "nullx" is one bare word, reported whole. */
  if ((gsize) (s->end - s->p) >= len && memcmp (s->p, literal, len) == 0 &&
      (s->p + len == s->end || !(g_ascii_isalnum (s->p[len]) || s->p[len] == '_')))
    {
      s->p += len;
      return TRUE;
    }
  return FALSE;
}

static const char *
arena_strdup_buffer (Parser *s)
{
  char *copy = arena_alloc (s->arena, s->buffer->len + 1);

  memcpy (copy, s->buffer->str, s->buffer->len + 1);
  return copy;
}

/* After a member or an element: past “,” or @close (setting *@closed)
 * and TRUE, or FALSE for the caller to say what it expected. */
static gboolean
parse_separator (Parser   *s,
                 char      close,
                 gboolean *closed)
{
  skip_whitespace (s);
  if (s->p < s->end && *s->p == close)
    {
      s->p++;
      *closed = TRUE;
      return TRUE;
    }
  if (s->p < s->end && *s->p == ',')
    {
      s->p++;
      skip_whitespace (s);
      return TRUE;
    }
  return FALSE;
}

/* Makes *@out the object or array of what was pushed on @stack since
 * @base, moved into the arena. Inline, for the size to be a constant. */
static inline void
parse_close (Parser         *s,
             GArray         *stack,
             gsize           size,
             guint           base,
             MizanJsonValue *out)
{
  guint n = stack->len - base;
  /* An empty array or object has no items: NULL, not a zero-sized block
   * (which, from a fresh arena, would be pointer arithmetic on NULL). */
  gpointer items = n > 0 ? arena_alloc (s->arena, n * size) : NULL;

  if (n > 0)
    memcpy (items, stack->data + base * size, n * size);
  g_array_set_size (stack, base);
  if (stack == s->member_stack)
    *out = (MizanJsonValue) { .type = MIZAN_JSON_OBJECT, .length = n, .u.members = items };
  else
    *out = (MizanJsonValue) { .type = MIZAN_JSON_ARRAY, .length = n, .u.elements = items };
}

#define SMALL_OBJECT 16

static gboolean
parse_object (Parser         *s,
              guint           depth,
              MizanJsonValue *out)
{
  guint base = s->member_stack->len;
  g_autoptr(GHashTable) names = NULL;
  gboolean closed = FALSE;
  guint n;

  s->p++;  /* { */
  skip_whitespace (s);
  if (s->p < s->end && *s->p == '}')
    s->p++;
  else
    while (!closed)
      {
        const char *key_pos = s->p;
        MizanJsonMember member;
        gboolean repeated = FALSE;

        if (s->p >= s->end || *s->p != '"')
          {
            g_autofree char *found = describe_found (s, s->p);

            if (s->member_stack->len > base && s->p < s->end && *s->p == '}')
              return parser_fail (s, s->p, _("expected a member name after “,”, found “}”; "
                                             "remove the comma after the last member"));
            return parser_fail (s, s->p, _("expected a member name in double quotes, found %s"), found);
          }

        if (!parse_string (s))
          return FALSE;
        member.name = arena_strdup_buffer (s);

        /* JSON leaves repeated names undefined; a parser that keeps the last
         * one silently would hide half of a capability's practices, or one
         * of two answers. Big objects switch to a hash set so that they
         * stay linear. */
        n = s->member_stack->len - base;
        if (names != NULL)
          repeated = !g_hash_table_add (names, (gpointer) member.name);
        else
          {
            MizanJsonMember *open = &g_array_index (s->member_stack, MizanJsonMember, base);

            for (guint i = 0; i < n && !repeated; i++)
              repeated = strcmp (open[i].name, member.name) == 0;
            if (!repeated && n + 1 >= SMALL_OBJECT)
              {
                names = g_hash_table_new (g_str_hash, g_str_equal);
                for (guint i = 0; i < n; i++)
                  g_hash_table_add (names, (gpointer) open[i].name);
                g_hash_table_add (names, (gpointer) member.name);
              }
          }
        if (repeated)
          {
            g_autofree char *message = parser_printf (s, _("member “%s” appears more than once in "
                                                           "this object"), member.name);

            /* The caller may take it as one problem among others. */
            if (s->problems == NULL)
              return parser_fail (s, key_pos, "%s", message);
            g_ptr_array_add (s->problems, parser_line (s, key_pos, message));
          }

        skip_whitespace (s);
        if (s->p >= s->end || *s->p != ':')
          {
            g_autofree char *found = describe_found (s, s->p);
            return parser_fail (s, s->p, _("expected “:” after the member name “%s”, found %s"),
                                member.name, found);
          }
        s->p++;
        skip_whitespace (s);

        if (!parse_value (s, depth, &member.value))
          return FALSE;
        g_array_append_val (s->member_stack, member);

        if (!parse_separator (s, '}', &closed))
          {
            g_autofree char *found = describe_found (s, s->p);
            return parser_fail (s, s->p, _("expected “,” or “}” after the value of “%s”, found %s%s"),
                                member.name, found, comma_hint (s));
          }
      }

  parse_close (s, s->member_stack, sizeof (MizanJsonMember), base, out);
  return TRUE;
}

static gboolean
parse_array (Parser         *s,
             guint           depth,
             MizanJsonValue *out)
{
  guint base = s->node_stack->len;
  gboolean closed = FALSE;

  s->p++;  /* [ */
  skip_whitespace (s);
  if (s->p < s->end && *s->p == ']')
    s->p++;
  else
    while (!closed)
      {
        MizanJsonValue element;

        if (s->p < s->end && *s->p == ']')
          return parser_fail (s, s->p, _("expected a value after “,”, found “]”; "
                                         "remove the comma after the last element"));
        if (!parse_value (s, depth, &element))
          return FALSE;
        g_array_append_val (s->node_stack, element);

        if (!parse_separator (s, ']', &closed))
          {
            g_autofree char *found = describe_found (s, s->p);
            return parser_fail (s, s->p, _("expected “,” or “]” after an array element, found %s%s"),
                                found, comma_hint (s));
          }
      }

  parse_close (s, s->node_stack, sizeof (MizanJsonValue), base, out);
  return TRUE;
}

/* @depth counts the containers around the value. FALSE with s->fatal set on error. */
static gboolean
parse_value (Parser         *s,
             guint           depth,
             MizanJsonValue *out)
{
  g_autofree char *found = NULL;

  if (s->p < s->end)
    {
      switch (*s->p)
        {
        case '{':
        case '[':
          if (depth >= MIZAN_JSON_MAX_DEPTH)
            return parser_fail (s, s->p, _("nested more than %d levels deep"), MIZAN_JSON_MAX_DEPTH);
          return *s->p == '{' ? parse_object (s, depth + 1, out) : parse_array (s, depth + 1, out);

        case '"':
          if (!parse_string (s))
            return FALSE;
          *out = (MizanJsonValue) { .type = MIZAN_JSON_STRING, .u.string = arena_strdup_buffer (s) };
          return TRUE;

        case '-':
        case '0': case '1': case '2': case '3': case '4':
        case '5': case '6': case '7': case '8': case '9':
          return parse_number (s, out);

        case 't':
          if (!parse_literal (s, "true"))
            break;
          *out = (MizanJsonValue) { .type = MIZAN_JSON_BOOLEAN, .u.boolean = TRUE };
          return TRUE;

        case 'f':
          if (!parse_literal (s, "false"))
            break;
          *out = (MizanJsonValue) { .type = MIZAN_JSON_BOOLEAN, .u.boolean = FALSE };
          return TRUE;

        case 'n':
          if (!parse_literal (s, "null"))
            break;
          *out = (MizanJsonValue) { .type = MIZAN_JSON_NULL };
          return TRUE;

        case '\'':
          return parser_fail (s, s->p, _("strings must be in double quotes, found “'”"));

        default:
          break;
        }
    }

  found = describe_found (s, s->p);
  return parser_fail (s, s->p, _("expected a value (a string, number, object, array, true, false "
                                 "or null), found %s"), found);
}

/* FALSE with s->fatal set when the data is not strict JSON. */
static gboolean
parse_document (Parser         *s,
                MizanJsonValue *root)
{
  const char *invalid;

  if (!g_utf8_validate_len (s->start, s->end - s->start, &invalid))
    {
      /* Counted from scratch: the parser has not been there. */
      for (const char *p = s->start; p < invalid; p++)
        if (*p == '\n')
          {
            s->line++;
            s->line_start = p + 1;
          }
      if (*invalid == '\0')
        return parser_fail (s, invalid, _("a NUL byte: the file is not valid UTF-8 text"));
      return parser_fail (s, invalid, _("invalid UTF-8 (byte 0x%02X): the file is not valid UTF-8 "
                                        "text; save the file as UTF-8"), (guint) (guchar) *invalid);
    }

  skip_whitespace (s);
  if (s->p >= s->end)
    return parser_fail (s, s->p, _("the file is empty"));

  if (!parse_value (s, 0, root))
    return FALSE;

  skip_whitespace (s);
  if (s->p < s->end)
    {
      g_autofree char *found = describe_found (s, s->p);
      return parser_fail (s, s->p, _("unexpected %s after the end of the JSON data"), found);
    }

  return TRUE;
}

MizanJsonTree *
mizan_json_tree_parse (const char          *data,
                       gsize                length,
                       const char          *display_name,
                       MizanJsonTreeFlags   flags,
                       GPtrArray           *problems,
                       GQuark               domain,
                       int                  code,
                       GError             **error)
{
  g_autoptr(MizanJsonTree) tree = g_new0 (MizanJsonTree, 1);
  Parser s = { 0 };
  gboolean ok;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  s.display_name = display_name;
  s.ascii_quotes = (flags & MIZAN_JSON_TREE_ASCII_QUOTES) != 0;
  s.start = data;
  s.end = data + length;
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    s.start += 3;  /* a byte order mark, as some Windows editors write */
  s.p = s.start;
  s.line = 1;
  s.line_start = s.start;
  s.buffer = g_string_sized_new (256);
  s.arena = &tree->arena;
  s.node_stack = g_array_sized_new (FALSE, FALSE, sizeof (MizanJsonValue), 64);
  s.member_stack = g_array_sized_new (FALSE, FALSE, sizeof (MizanJsonMember), 64);
  s.problems = problems;

  ok = parse_document (&s, &tree->root);

  g_string_free (s.buffer, TRUE);
  g_array_unref (s.node_stack);
  g_array_unref (s.member_stack);
  if (!ok)
    {
      g_set_error_literal (error, domain, code, s.fatal);
      g_free (s.fatal);
      return NULL;
    }
  return g_steal_pointer (&tree);
}
