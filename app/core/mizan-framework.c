/* mizan-framework.c — loads and validates mizan-framework files
 * Checks strict JSON syntax itself (exact positions, no stack overflow), then every rule of the format, reporting all problems. */

#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <string.h>
#include <sys/stat.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "mizan-framework.h"

/* A framework nests about seven containers deep; anything far deeper is not
 * a framework, and the parser recurses once per level. */
#define MAX_DEPTH 64

G_DEFINE_QUARK (mizan-framework-error-quark, mizan_framework_error)

struct _MizanFramework
{
  GObject     parent_instance;

  char       *id;
  char       *version;
  char       *path;
  MizanText  *title;
  MizanText  *description;
  MizanText  *publisher;
  MizanLevel *levels;
  guint       n_levels;
  guint       default_target;

  GPtrArray  *domains;        /* owns MizanDomain */
  GPtrArray  *capabilities;   /* owns MizanCapability, file order */
  GPtrArray  *practices;      /* owns MizanPractice, file order */
  GHashTable *domain_by_id;
  GHashTable *capability_by_id;
  GHashTable *practice_by_id;
};

G_DEFINE_FINAL_TYPE (MizanFramework, mizan_framework, G_TYPE_OBJECT)

static void
domain_free (gpointer data)
{
  MizanDomain *domain = data;

  g_free (domain->id);
  g_clear_pointer (&domain->title, mizan_text_free);
  g_clear_pointer (&domain->description, mizan_text_free);
  g_free (domain->capabilities);
  g_free (domain);
}

static void
capability_free (gpointer data)
{
  MizanCapability *capability = data;

  g_free (capability->id);
  g_clear_pointer (&capability->title, mizan_text_free);
  g_clear_pointer (&capability->description, mizan_text_free);
  for (guint i = 0; i < capability->n_references; i++)
    {
      g_free (capability->references[i].scheme);
      g_strfreev (capability->references[i].ids);
    }
  g_free (capability->references);
  g_free (capability->practices);
  g_free (capability);
}

static void
practice_free (gpointer data)
{
  MizanPractice *practice = data;

  g_free (practice->id);
  g_clear_pointer (&practice->text, mizan_text_free);
  g_clear_pointer (&practice->guidance, mizan_text_free);
  g_clear_pointer (&practice->evidence, mizan_text_free);
  g_free (practice);
}

static void
mizan_framework_finalize (GObject *object)
{
  MizanFramework *self = MIZAN_FRAMEWORK (object);

  g_clear_pointer (&self->domain_by_id, g_hash_table_unref);
  g_clear_pointer (&self->capability_by_id, g_hash_table_unref);
  g_clear_pointer (&self->practice_by_id, g_hash_table_unref);
  g_clear_pointer (&self->practices, g_ptr_array_unref);
  g_clear_pointer (&self->capabilities, g_ptr_array_unref);
  g_clear_pointer (&self->domains, g_ptr_array_unref);
  for (guint i = 0; i < self->n_levels; i++)
    {
      g_clear_pointer (&self->levels[i].name, mizan_text_free);
      g_clear_pointer (&self->levels[i].description, mizan_text_free);
    }
  g_free (self->levels);
  g_clear_pointer (&self->title, mizan_text_free);
  g_clear_pointer (&self->description, mizan_text_free);
  g_clear_pointer (&self->publisher, mizan_text_free);
  g_free (self->id);
  g_free (self->version);
  g_free (self->path);

  G_OBJECT_CLASS (mizan_framework_parent_class)->finalize (object);
}

static void
mizan_framework_class_init (MizanFrameworkClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mizan_framework_finalize;
}

static void
mizan_framework_init (MizanFramework *self)
{
  self->domains = g_ptr_array_new_with_free_func (domain_free);
  self->capabilities = g_ptr_array_new_with_free_func (capability_free);
  self->practices = g_ptr_array_new_with_free_func (practice_free);
  /* Keys are the ids the values own. */
  self->domain_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->capability_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->practice_by_id = g_hash_table_new (g_str_hash, g_str_equal);
}

/* ------------------------------------------------------------------------ */
/* The document tree: compact nodes in one arena, freed at once.
 *
 * json-glib 1.6's JsonParser accepts comments, single quotes and leading
 * zeros, wraps integers that overflow, truncates strings at \u0000, reports
 * positions a token off and recurses without limit (a file of "[[[[…"
 * crashes it). Its tree costs a hash table per object: parsing and freeing
 * it alone took longer than the whole load may for a 10,000-practice
 * framework. So the loader parses strict JSON itself into this tree, giving
 * exact lines and columns and loading several times faster. */

typedef enum {
  NODE_NULL,
  NODE_BOOLEAN,
  NODE_INTEGER,
  NODE_NUMBER,    /* with a fraction or an exponent */
  NODE_STRING,
  NODE_OBJECT,
  NODE_ARRAY,
} NodeType;

typedef struct _Node   Node;
typedef struct _Member Member;

struct _Node {
  NodeType type;
  guint    length;        /* members or elements */
  union {
    gboolean    boolean;
    gint64      integer;
    double      number;
    const char *string;
    Member     *members;  /* in file order */
    Node       *elements;
  } u;
};

struct _Member {
  const char *name;
  Node        value;
};

typedef struct {
  GSList *blocks;
  char   *next;
  gsize   left;
} Arena;

#define ARENA_BLOCK_SIZE (64 * 1024)

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

static void
arena_clear (Arena *arena)
{
  g_slist_free_full (g_steal_pointer (&arena->blocks), g_free);
  arena->next = NULL;
  arena->left = 0;
}

static const Node *
object_get_member (const Node *object,
                   const char *name)
{
  /* Objects here hold a handful of members: a scan beats hashing. */
  for (guint i = 0; i < object->length; i++)
    if (strcmp (object->u.members[i].name, name) == 0)
      return &object->u.members[i].value;
  return NULL;
}

static gboolean
object_has_member (const Node *object,
                   const char *name)
{
  return object_get_member (object, name) != NULL;
}

/* ------------------------------------------------------------------------ */
/* Syntax: a strict RFC 8259 parser. */

typedef struct {
  const char *display_name;
  const char *start;        /* after any byte order mark */
  const char *p;
  const char *end;

  /* Newlines only occur between tokens, so the parser counts them there. */
  guint       line;
  const char *line_start;
  const char *col_pos;      /* the last column computed, to stay linear */
  guint       col;

  GString    *buffer;       /* the string being decoded */
  Arena       arena;
  GArray     *node_stack;   /* Node: elements of the open arrays */
  GArray     *member_stack; /* Member: members of the open objects */
  GPtrArray  *problems;     /* lines that do not stop the parse (repeated members) */
  char       *fatal;        /* the syntax error that stopped the parse */
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

static char *
parser_format (Parser     *s,
               const char *pos,
               const char *format,
               va_list     args)
{
  g_autofree char *message = g_strdup_vprintf (format, args);
  guint line, col;

  parser_position (s, pos, &line, &col);
  return g_strdup_printf ("%s:%u:%u: %s", s->display_name, line, col, message);
}

static gboolean parser_fail (Parser    *s,
                              const char *pos,
                              const char *format,
                              ...) G_GNUC_PRINTF (3, 4);

/* Always returns FALSE, so that callers can `return parser_fail (…)`. */
static gboolean
parser_fail (Parser    *s,
              const char *pos,
              const char *format,
              ...)
{
  va_list args;

  if (s->fatal != NULL)
    return FALSE;

  va_start (args, format);
  s->fatal = parser_format (s, pos, format, args);
  va_end (args);
  return FALSE;
}

static void parser_warn (Parser    *s,
                          const char *pos,
                          const char *format,
                          ...) G_GNUC_PRINTF (3, 4);

static void
parser_warn (Parser    *s,
              const char *pos,
              const char *format,
              ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (s->problems, parser_format (s, pos, format, args));
  va_end (args);
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

  /* Show bare words whole: "tru", "None". */
  while (word_end < s->end && word_end - pos < 24 &&
         (g_ascii_isalnum (*word_end) || *word_end == '_'))
    word_end++;
  if (word_end > pos)
    return g_strdup_printf ("\"%.*s\"", (int) (word_end - pos), pos);

  if (*pos == '"')
    return g_strdup (_("a string"));

  if ((guchar) *pos < 0x20)
    return g_strdup_printf (_("the control character U+%04X"), (guint) (guchar) *pos);

  return g_strdup_printf ("\"%.*s\"",
                          (int) (g_utf8_next_char (pos) - pos), pos);
}

/* Two values in a row nearly always mean a forgotten comma between them. */
static const char *
comma_hint (Parser *s)
{
  if (s->p < s->end && *s->p != '\0' && strchr ("\"{[-0123456789tfn", *s->p) != NULL)
    return _("; is a comma missing?");
  return "";
}

static gboolean parse_value (Parser *s, guint depth, Node *out);

static gboolean
parse_hex4 (Parser     *s,
            const char *escape,
            gunichar   *out)
{
  gunichar c = 0;

  for (guint i = 0; i < 4; i++)
    {
      if (s->p >= s->end || !g_ascii_isxdigit (*s->p))
        return parser_fail (s, escape, _("\"\\u\" must be followed by four hexadecimal digits"));
      c = c * 16 + g_ascii_xdigit_value (*s->p);
      s->p++;
    }
  *out = c;
  return TRUE;
}

static gboolean
parse_escape (Parser *s)
{
  const char *escape = s->p;
  gunichar u;

  s->p++;
  if (s->p >= s->end)
    return parser_fail (s, escape, _("string not closed before the end of the file"));

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
                           _("invalid escape \"\\%.*s\" in a string; the escapes are "
                             "\\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX"),
                           (int) (g_utf8_next_char (s->p) - s->p), s->p);
    }

  if (!parse_hex4 (s, escape, &u))
    return FALSE;
  /* The string would end there for C, losing the rest silently. */
  if (u == 0)
    return parser_fail (s, escape, _("\"\\u0000\" (a NUL character) is not allowed in a string"));
  if (u >= 0xDC00 && u <= 0xDFFF)
    return parser_fail (s, escape, _("\"\\u%04X\" is the second half of a surrogate pair "
                                      "without its first half"), u);
  if (u >= 0xD800 && u <= 0xDBFF)
    {
      const char *second = s->p;
      gunichar low;

      if (s->end - s->p < 2 || s->p[0] != '\\' || s->p[1] != 'u')
        return parser_fail (s, escape, _("\"\\u%04X\" starts a surrogate pair that is not "
                                          "completed"), u);
      s->p += 2;
      if (!parse_hex4 (s, second, &low))
        return FALSE;
      if (low < 0xDC00 || low > 0xDFFF)
        return parser_fail (s, escape, _("\"\\u%04X\" starts a surrogate pair that is not "
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
          if (!parse_escape (s))
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
      return parser_fail (s, s->p, _("expected a digit %s, found %s"), what, found);
    }
  while (s->p < s->end && g_ascii_isdigit (*s->p))
    s->p++;
  return TRUE;
}

static gboolean
parse_number (Parser *s,
              Node   *out)
{
  const char *start = s->p;
  gboolean is_integer = TRUE;
  char copy[64];
  gint64 integer = 0;
  double number = 0;

  if (*s->p == '-')
    s->p++;

  if (s->p < s->end && *s->p == '0')
    {
      s->p++;
      if (s->p < s->end && g_ascii_isdigit (*s->p))
        {
          return parser_fail (s, start, _("a number must not start with 0; write it without leading zeros"));
        }
    }
  else if (!parse_digits (s, _("after \"-\"")))
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

  /* Numbers a framework needs are short; anything longer than this is
   * beyond 64-bit integers and doubles' precision alike. */
  if (s->p - start >= (gssize) sizeof copy)
    {
      parser_fail (s, start, _("the number %.*s… is too long"), 20, start);
      return FALSE;
    }
  memcpy (copy, start, s->p - start);
  copy[s->p - start] = '\0';

  /* Integers beyond 64 bits and numbers beyond a double would need
   * silent rounding: no framework means them. */
  errno = 0;
  if (is_integer)
    integer = g_ascii_strtoll (copy, NULL, 10);
  else
    {
      number = g_ascii_strtod (copy, NULL);
      if (!isfinite (number))
        errno = ERANGE;
    }
  if (errno == ERANGE)
    {
      parser_fail (s, start, _("the number %s is too large"), copy);
      return FALSE;
    }

  if (is_integer)
    *out = (Node) { .type = NODE_INTEGER, .u.integer = integer };
  else
    *out = (Node) { .type = NODE_NUMBER, .u.number = number };
  return TRUE;
}

static gboolean
parse_literal (Parser     *s,
               const char *literal)
{
  gsize len = strlen (literal);

  if ((gsize) (s->end - s->p) >= len && memcmp (s->p, literal, len) == 0 &&
      (s->p + len == s->end || !g_ascii_isalnum (s->p[len])))
    {
      s->p += len;
      return TRUE;
    }
  return FALSE;
}

static const char *
arena_strdup_buffer (Parser *s)
{
  char *copy = arena_alloc (&s->arena, s->buffer->len + 1);

  memcpy (copy, s->buffer->str, s->buffer->len + 1);
  return copy;
}

#define SMALL_OBJECT 16

static gboolean
parse_object (Parser *s,
              guint   depth,
              Node   *out)
{
  guint base = s->member_stack->len;
  g_autoptr(GHashTable) names = NULL;
  Member *members;
  guint n;

  s->p++;  /* { */
  skip_whitespace (s);
  if (s->p < s->end && *s->p == '}')
    s->p++;
  else
    for (;;)
      {
        const char *key_pos = s->p;
        Member member;
        gboolean repeated = FALSE;

        if (s->p >= s->end || *s->p != '"')
          {
            g_autofree char *found = describe_found (s, s->p);

            if (s->member_stack->len > base && s->p < s->end && *s->p == '}')
              return parser_fail (s, s->p, _("expected a member name after \",\", found \"}\"; "
                                              "remove the comma after the last member"));
            return parser_fail (s, s->p, _("expected a member name in double quotes, found %s"), found);
          }

        if (!parse_string (s))
          return FALSE;
        member.name = arena_strdup_buffer (s);

        /* JSON leaves repeated names undefined; a parser that keeps the last
         * one silently would hide half of a capability's practices. Big
         * objects switch to a hash set so that they stay linear. */
        n = s->member_stack->len - base;
        if (names != NULL)
          repeated = !g_hash_table_add (names, (gpointer) member.name);
        else
          {
            Member *open = &g_array_index (s->member_stack, Member, base);

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
          parser_warn (s, key_pos, _("member \"%s\" appears more than once in this object"), member.name);

        skip_whitespace (s);
        if (s->p >= s->end || *s->p != ':')
          {
            g_autofree char *found = describe_found (s, s->p);
            return parser_fail (s, s->p, _("expected \":\" after the member name \"%s\", found %s"),
                                 member.name, found);
          }
        s->p++;
        skip_whitespace (s);

        if (!parse_value (s, depth, &member.value))
          return FALSE;
        g_array_append_val (s->member_stack, member);

        skip_whitespace (s);
        if (s->p < s->end && *s->p == ',')
          {
            s->p++;
            skip_whitespace (s);
            continue;
          }
        if (s->p < s->end && *s->p == '}')
          {
            s->p++;
            break;
          }

        {
          g_autofree char *found = describe_found (s, s->p);
          return parser_fail (s, s->p, _("expected \",\" or \"}\" after the value of \"%s\", found %s%s"),
                               member.name, found, comma_hint (s));
        }
      }

  n = s->member_stack->len - base;
  members = arena_alloc (&s->arena, n * sizeof (Member));
  if (n > 0)
    memcpy (members, &g_array_index (s->member_stack, Member, base), n * sizeof (Member));
  g_array_set_size (s->member_stack, base);
  *out = (Node) { .type = NODE_OBJECT, .length = n, .u.members = members };
  return TRUE;
}

static gboolean
parse_array (Parser *s,
             guint   depth,
             Node   *out)
{
  guint base = s->node_stack->len;
  Node *elements;
  guint n;

  s->p++;  /* [ */
  skip_whitespace (s);
  if (s->p < s->end && *s->p == ']')
    s->p++;
  else
    for (;;)
      {
        Node element;

        if (s->p < s->end && *s->p == ']')
          return parser_fail (s, s->p, _("expected a value after \",\", found \"]\"; "
                                          "remove the comma after the last element"));
        if (!parse_value (s, depth, &element))
          return FALSE;
        g_array_append_val (s->node_stack, element);

        skip_whitespace (s);
        if (s->p < s->end && *s->p == ',')
          {
            s->p++;
            skip_whitespace (s);
            continue;
          }
        if (s->p < s->end && *s->p == ']')
          {
            s->p++;
            break;
          }

        {
          g_autofree char *found = describe_found (s, s->p);
          return parser_fail (s, s->p, _("expected \",\" or \"]\" after an array element, found %s%s"),
                               found, comma_hint (s));
        }
      }

  n = s->node_stack->len - base;
  elements = arena_alloc (&s->arena, n * sizeof (Node));
  if (n > 0)
    memcpy (elements, &g_array_index (s->node_stack, Node, base), n * sizeof (Node));
  g_array_set_size (s->node_stack, base);
  *out = (Node) { .type = NODE_ARRAY, .length = n, .u.elements = elements };
  return TRUE;
}

/* @depth counts the containers around the value. FALSE with s->fatal set on error. */
static gboolean
parse_value (Parser *s,
             guint   depth,
             Node   *out)
{
  g_autofree char *found = NULL;

  if (s->p < s->end)
    {
      switch (*s->p)
        {
        case '{':
        case '[':
          if (depth >= MAX_DEPTH)
            return parser_fail (s, s->p, _("nested more than %d levels deep"), MAX_DEPTH);
          return *s->p == '{' ? parse_object (s, depth + 1, out) : parse_array (s, depth + 1, out);

        case '"':
          if (!parse_string (s))
            return FALSE;
          *out = (Node) { .type = NODE_STRING, .u.string = arena_strdup_buffer (s) };
          return TRUE;

        case '-':
        case '0': case '1': case '2': case '3': case '4':
        case '5': case '6': case '7': case '8': case '9':
          return parse_number (s, out);

        case 't':
          if (!parse_literal (s, "true"))
            break;
          *out = (Node) { .type = NODE_BOOLEAN, .u.boolean = TRUE };
          return TRUE;

        case 'f':
          if (!parse_literal (s, "false"))
            break;
          *out = (Node) { .type = NODE_BOOLEAN, .u.boolean = FALSE };
          return TRUE;

        case 'n':
          if (!parse_literal (s, "null"))
            break;
          *out = (Node) { .type = NODE_NULL };
          return TRUE;

        case '\'':
          return parser_fail (s, s->p, _("strings must be in double quotes, found \"'\""));

        default:
          break;
        }
    }

  found = describe_found (s, s->p);
  return parser_fail (s, s->p, _("expected a value (a string, number, object, array, true, false "
                                  "or null), found %s"), found);
}

/* The position of @pos counted from scratch, for problems met before parsing. */
static void
position_of (const char *start,
             const char *pos,
             guint      *line,
             guint      *col)
{
  const char *line_start = start;

  *line = 1;
  for (const char *p = start; p < pos; p++)
    if (*p == '\n')
      {
        (*line)++;
        line_start = p + 1;
      }
  *col = 1 + g_utf8_strlen (line_start, pos - line_start);
}

/* FALSE with s->fatal set when @data is not strict JSON. The tree lives in s->arena. */
static gboolean
parse_document (Parser     *s,
                const char *data,
                gsize       length,
                Node       *root)
{
  const char *invalid;

  s->start = data;
  s->end = data + length;
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    s->start += 3;  /* a byte order mark, as some Windows editors write */
  s->p = s->start;
  s->line = 1;
  s->line_start = s->start;

  if (!g_utf8_validate_len (s->start, s->end - s->start, &invalid))
    {
      guint line, col;

      position_of (s->start, invalid, &line, &col);
      if (*invalid == '\0')
        s->fatal = g_strdup_printf (_("%s:%u:%u: a NUL byte; a framework file is UTF-8 text"),
                                    s->display_name, line, col);
      else
        s->fatal = g_strdup_printf (_("%s:%u:%u: invalid UTF-8 (byte 0x%02X); save the file as UTF-8"),
                                    s->display_name, line, col, (guint) (guchar) *invalid);
      return FALSE;
    }

  skip_whitespace (s);
  if (s->p >= s->end)
    return parser_fail (s, s->p, _("the file is empty; expected a JSON object"));

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

/* ------------------------------------------------------------------------ */
/* Meaning: every rule of the format, building the framework on the way. */

/* A place in the document, built on the stack as the validator descends. */
typedef struct _Path Path;
struct _Path {
  const Path *parent;
  const char *member;   /* NULL for an array element */
  guint       index;
};

#define MEMBER(parent, name) { (parent), (name), 0 }
#define ELEMENT(parent, i) { (parent), NULL, (i) }

typedef struct {
  guint depth;          /* 1 domain, 2 capability, 3 practice */
  guint domain;
  guint capability;
  guint practice;
} IdLocation;

typedef struct {
  const char     *display_name;
  GPtrArray      *problems;
  MizanFramework *fw;
  GHashTable     *ids;         /* id → 1 + index into locations */
  GArray         *locations;   /* IdLocation */
  guint           n_levels;    /* L when the levels are sound, else 0 */
  IdLocation      here;
} Validator;

static gboolean
is_identifier (const char *name)
{
  if (!g_ascii_isalpha (*name) && *name != '_')
    return FALSE;
  for (const char *p = name; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '_' && *p != '-')
      return FALSE;
  return TRUE;
}

static void
append_path (GString    *out,
             const Path *path)
{
  if (path == NULL)
    return;

  append_path (out, path->parent);
  if (path->member == NULL)
    g_string_append_printf (out, "[%u]", path->index);
  else if (is_identifier (path->member))
    {
      if (path->parent != NULL)
        g_string_append_c (out, '.');
      g_string_append (out, path->member);
    }
  else
    {
      g_string_append (out, "[\"");
      for (const char *p = path->member; *p != '\0'; p++)
        {
          if (*p == '"' || *p == '\\')
            g_string_append_c (out, '\\');
          if ((guchar) *p < 0x20)
            g_string_append_printf (out, "\\u%04X", (guint) (guchar) *p);
          else
            g_string_append_c (out, *p);
        }
      g_string_append (out, "\"]");
    }
}

static char *
path_to_string (const Path *path)
{
  GString *out = g_string_new (NULL);

  append_path (out, path);
  return g_string_free (out, FALSE);
}

static void problem (Validator  *v,
                     const Path *path,
                     const char *format,
                     ...) G_GNUC_PRINTF (3, 4);

static void
problem (Validator  *v,
         const Path *path,
         const char *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (path == NULL)
    g_ptr_array_add (v->problems, g_strdup_printf ("%s: %s", v->display_name, message));
  else
    {
      g_autofree char *where = path_to_string (path);
      g_ptr_array_add (v->problems, g_strdup_printf ("%s: %s: %s", v->display_name, where, message));
    }
}

static const char *
describe_node (const Node *node)
{
  switch (node->type)
    {
    case NODE_OBJECT:
      return _("an object");
    case NODE_ARRAY:
      return _("an array");
    case NODE_NULL:
      return "null";
    case NODE_STRING:
      return _("a string");
    case NODE_INTEGER:
      return _("an integer");
    case NODE_NUMBER:
      return _("a decimal number");
    case NODE_BOOLEAN:
      return node->u.boolean ? "true" : "false";
    default:
      g_assert_not_reached ();
    }
}

/* The members each kind of object may have, required ones first. */
static const char * const root_members[] = {
  "format", "format_version", "id", "version", "title", "levels", "default_target", "domains",
  "description", "publisher", NULL };
static const char * const level_members[] = { "level", "name", "description", NULL };
static const char * const domain_members[] = {
  "id", "title", "capabilities", "description", "weight", NULL };
static const char * const capability_members[] = {
  "id", "title", "practices", "description", "weight", "references", NULL };
static const char * const practice_members[] = {
  "id", "level", "text", "guidance", "evidence", "weight", NULL };

/* Damerau–Levenshtein distance (optimal string alignment), for typo hints. */
static guint
edit_distance (const char *a,
               const char *b)
{
  gsize la = strlen (a), lb = strlen (b);
  g_autofree guint *d = NULL;

  if (la > 32 || lb > 32)
    return G_MAXUINT;

  d = g_new (guint, (la + 1) * (lb + 1));
#define D(i, j) d[(i) * (lb + 1) + (j)]
  for (gsize i = 0; i <= la; i++)
    D (i, 0) = i;
  for (gsize j = 0; j <= lb; j++)
    D (0, j) = j;
  for (gsize i = 1; i <= la; i++)
    for (gsize j = 1; j <= lb; j++)
      {
        guint cost = g_ascii_tolower (a[i - 1]) == g_ascii_tolower (b[j - 1]) ? 0 : 1;
        guint best = MIN (D (i - 1, j) + 1, D (i, j - 1) + 1);

        best = MIN (best, D (i - 1, j - 1) + cost);
        if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
          best = MIN (best, D (i - 2, j - 2) + 1);
        D (i, j) = best;
      }
  return D (la, lb);
#undef D
}

/* The allowed member @name most likely meant, or NULL. */
static const char *
suggest_member (const char         *name,
                const char * const *allowed)
{
  const char *best = NULL;
  guint best_distance = G_MAXUINT;
  gsize len = strlen (name);

  for (guint i = 0; allowed[i] != NULL; i++)
    {
      guint distance = edit_distance (name, allowed[i]);

      if (distance < best_distance)
        {
          best_distance = distance;
          best = allowed[i];
        }
    }

  /* Two edits turn "id" into anything short; demand more similarity there. */
  if (best_distance <= (len <= 4 ? 1 : 2))
    return best;
  return NULL;
}

static void
check_unknown_members (Validator          *v,
                       const Path         *path,
                       const Node         *object,
                       const char * const *allowed)
{
  for (guint i = 0; i < object->length; i++)
    {
      const char *name = object->u.members[i].name;
      Path member_path = MEMBER (path, name);
      const char *suggestion;

      if (g_strv_contains (allowed, name))
        continue;

      suggestion = suggest_member (name, allowed);
      if (suggestion != NULL && !object_has_member (object, suggestion))
        problem (v, &member_path, _("unknown member; did you mean \"%s\"?"), suggestion);
      else
        {
          g_autofree char *list = g_strjoinv (", ", (char **) allowed);
          problem (v, &member_path, _("unknown member; the members allowed here are %s"), list);
        }
    }
}

/* A required member, or NULL after reporting it missing. A misspelt member
 * that check_unknown_members() will point at is not reported twice. */
static const Node *
require_member (Validator          *v,
                const Path         *member_path,
                const Node         *object,
                const char * const *allowed)
{
  const Node *node = object_get_member (object, member_path->member);

  if (node != NULL)
    return node;

  for (guint i = 0; i < object->length; i++)
    {
      const char *name = object->u.members[i].name;

      if (!g_strv_contains (allowed, name) &&
          g_strcmp0 (suggest_member (name, allowed), member_path->member) == 0)
        return NULL;
    }

  problem (v, member_path, _("required member is missing"));
  return NULL;
}

static const Node *
expect_object (Validator  *v,
               const Path *path,
               const Node *node)
{
  if (node->type == NODE_OBJECT)
    return node;
  problem (v, path, _("expected an object, found %s"), describe_node (node));
  return NULL;
}

/* A non-empty array, or NULL after reporting. */
static const Node *
expect_array (Validator  *v,
              const Path *path,
              const Node *node,
              const char *empty_message)
{
  const Node *array;

  if (node->type != NODE_ARRAY)
    {
      problem (v, path, _("expected an array, found %s"), describe_node (node));
      return NULL;
    }
  array = node;
  if (array->length == 0)
    {
      problem (v, path, "%s", empty_message);
      return NULL;
    }
  return array;
}

static const char *
expect_string (Validator  *v,
               const Path *path,
               const Node *node)
{
  if (node->type == NODE_STRING)
    return node->u.string;
  problem (v, path, _("expected a string, found %s"), describe_node (node));
  return NULL;
}

static gboolean
expect_integer (Validator  *v,
                const Path *path,
                const Node *node,
                gint64     *out)
{
  if (node->type == NODE_INTEGER)
    {
      *out = node->u.integer;
      return TRUE;
    }
  problem (v, path, _("expected an integer, found %s"), describe_node (node));
  return FALSE;
}

static gboolean
is_blank (const char *s)
{
  for (; *s != '\0'; s++)
    if (!g_ascii_isspace (*s))
      return FALSE;
  return TRUE;
}

static gboolean
has_whitespace (const char *s)
{
  for (const char *p = s; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || g_unichar_iscntrl (c))
        return TRUE;
    }
  return FALSE;
}

/* "en", "ar", "fil", "pt_BR", "zh_Hans", "es_419", "sr@latin": what gettext
 * names languages by, so that the user's locale finds them. */
static gboolean
is_language_code (const char *s)
{
  const char *p = s;
  gsize n;

  for (n = 0; g_ascii_islower (*p); p++)
    n++;
  if (n < 2 || n > 3)
    return FALSE;

  if (*p == '_')
    {
      p++;
      for (n = 0; g_ascii_isalnum (*p); p++)
        n++;
      if (n < 2 || n > 4)
        return FALSE;
    }

  if (*p == '@')
    {
      p++;
      for (n = 0; g_ascii_islower (*p); p++)
        n++;
      if (n == 0)
        return FALSE;
    }

  return *p == '\0';
}

/* A text, or NULL after reporting what is wrong with it. */
static MizanText *
read_text (Validator  *v,
           const Path *path,
           const Node *node)
{
  g_autoptr(MizanText) text = NULL;
  gboolean ok = TRUE;

  if (node->type == NODE_STRING)
    {
      const char *value = node->u.string;

      if (is_blank (value))
        {
          problem (v, path, _("must not be empty"));
          return NULL;
        }
      text = mizan_text_new ();
      mizan_text_set (text, "en", value);
      return g_steal_pointer (&text);
    }

  if (node->type != NODE_OBJECT)
    {
      problem (v, path, _("expected a string or an object of translations such as "
                          "{\"en\": \"…\", \"ar\": \"…\"}, found %s"), describe_node (node));
      return NULL;
    }

  text = mizan_text_new ();
  for (guint i = 0; i < node->length; i++)
    {
      const char *lang = node->u.members[i].name;
      const Node *value_node = &node->u.members[i].value;
      Path lang_path = MEMBER (path, lang);
      const char *value;

      if (!is_language_code (lang))
        {
          problem (v, &lang_path, _("\"%s\" is not a language code; write codes like \"en\", "
                                    "\"ar\" or \"pt_BR\""), lang);
          ok = FALSE;
          continue;
        }
      value = expect_string (v, &lang_path, value_node);
      if (value == NULL)
        ok = FALSE;
      else if (is_blank (value))
        {
          problem (v, &lang_path, _("must not be empty"));
          ok = FALSE;
        }
      else
        mizan_text_set (text, lang, value);
    }

  if (!object_has_member (node, "en"))
    {
      problem (v, path, _("the English (\"en\") text is missing; every text needs one"));
      ok = FALSE;
    }

  return ok ? g_steal_pointer (&text) : NULL;
}

static MizanText *
read_optional_text (Validator  *v,
                    const Path *parent,
                    const Node *object,
                    const char *name)
{
  Path path = MEMBER (parent, name);
  const Node *node = object_get_member (object, name);

  return node != NULL ? read_text (v, &path, node) : NULL;
}

static MizanText *
read_required_text (Validator          *v,
                    const Path         *parent,
                    const Node         *object,
                    const char         *name,
                    const char * const *allowed)
{
  Path path = MEMBER (parent, name);
  const Node *node = require_member (v, &path, object, allowed);

  return node != NULL ? read_text (v, &path, node) : NULL;
}

/* An optional weight: > 0, 1 when absent. */
static double
read_weight (Validator  *v,
             const Path *parent,
             const Node *object)
{
  Path path = MEMBER (parent, "weight");
  const Node *node = object_get_member (object, "weight");
  double weight;

  if (node == NULL)
    return 1.0;

  if (node->type == NODE_INTEGER)
    weight = node->u.integer;
  else if (node->type == NODE_NUMBER)
    weight = node->u.number;
  else
    {
      problem (v, &path, _("expected a number, found %s"), describe_node (node));
      return 1.0;
    }

  if (!(weight > 0) || !isfinite (weight))
    {
      problem (v, &path, _("must be greater than 0, found %g"), weight);
      return 1.0;
    }
  return weight;
}

static void
append_id_location (GString          *out,
                    const IdLocation *where)
{
  g_string_append_printf (out, "domains[%u]", where->domain);
  if (where->depth >= 2)
    g_string_append_printf (out, ".capabilities[%u]", where->capability);
  if (where->depth >= 3)
    g_string_append_printf (out, ".practices[%u]", where->practice);
  g_string_append (out, ".id");
}

/* Domains, capabilities and practices share one namespace: answers, targets
 * and submissions name them by id alone. Returns a copy of a sound id. */
static char *
read_element_id (Validator          *v,
                 const Path         *parent,
                 const Node         *object,
                 const char * const *allowed)
{
  Path path = MEMBER (parent, "id");
  const Node *node = require_member (v, &path, object, allowed);
  const char *id;
  gpointer first;

  if (node == NULL)
    return NULL;
  id = expect_string (v, &path, node);
  if (id == NULL)
    return NULL;

  if (*id == '\0')
    {
      problem (v, &path, _("must not be empty"));
      return NULL;
    }
  if (has_whitespace (id))
    {
      problem (v, &path, _("\"%s\" must not contain spaces or other whitespace"), id);
      return NULL;
    }

  first = g_hash_table_lookup (v->ids, id);
  if (first != NULL)
    {
      g_autoptr(GString) where = g_string_new (NULL);

      append_id_location (where, &g_array_index (v->locations, IdLocation, GPOINTER_TO_UINT (first) - 1));
      problem (v, &path, _("\"%s\" is already used at %s"), id, where->str);
      return NULL;
    }

  g_array_append_val (v->locations, v->here);
  g_hash_table_insert (v->ids, (gpointer) id, GUINT_TO_POINTER (v->locations->len));
  return g_strdup (id);
}

/* A level number in 1..L, or 0 after reporting. */
static guint
read_level_number (Validator  *v,
                   const Path *path,
                   const Node *node)
{
  guint max = v->n_levels > 0 ? v->n_levels : MIZAN_FRAMEWORK_MAX_LEVELS;
  gint64 level;

  if (!expect_integer (v, path, node, &level))
    return 0;
  if (level < 1 || level > max)
    {
      if (max == 1)
        problem (v, path, _("%" G_GINT64_FORMAT " is out of range; the only level is 1"), level);
      else
        problem (v, path, _("%" G_GINT64_FORMAT " is out of range; levels go from 1 to %u"), level, max);
      return 0;
    }
  return (guint) level;
}

static void
read_practice (Validator       *v,
               const Path      *path,
               const Node      *node,
               MizanCapability *capability,
               GPtrArray       *practices,
               guint           *levels_seen,
               gboolean        *level_problem)
{
  MizanFramework *fw = v->fw;
  const char * const *allowed = practice_members;
  MizanPractice *practice;
  const Node *object;
  Path level_path = MEMBER (path, "level");
  const Node *level_node;

  object = expect_object (v, path, node);
  if (object == NULL)
    {
      *level_problem = TRUE;
      return;
    }

  practice = g_new0 (MizanPractice, 1);
  practice->index = fw->practices->len;
  practice->capability = capability;
  g_ptr_array_add (fw->practices, practice);
  g_ptr_array_add (practices, practice);

  practice->id = read_element_id (v, path, object, allowed);
  if (practice->id != NULL)
    g_hash_table_insert (fw->practice_by_id, practice->id, practice);

  level_node = require_member (v, &level_path, object, allowed);
  if (level_node != NULL)
    practice->level = read_level_number (v, &level_path, level_node);
  if (practice->level == 0)
    *level_problem = TRUE;
  else
    *levels_seen |= 1u << practice->level;

  practice->text = read_required_text (v, path, object, "text", allowed);
  practice->guidance = read_optional_text (v, path, object, "guidance");
  practice->evidence = read_optional_text (v, path, object, "evidence");
  practice->weight = read_weight (v, path, object);

  check_unknown_members (v, path, object, allowed);
}

static void
read_references (Validator       *v,
                 const Path      *parent,
                 const Node      *object,
                 MizanCapability *capability)
{
  Path path = MEMBER (parent, "references");
  const Node *node = object_get_member (object, "references");
  const Node *references;
  guint n = 0;

  if (node == NULL)
    return;
  references = expect_object (v, &path, node);
  if (references == NULL)
    return;

  capability->references = g_new0 (MizanReference, references->length);
  for (guint k = 0; k < references->length; k++)
    {
      const char *scheme = references->u.members[k].name;
      const Node *ids_node = &references->u.members[k].value;
      Path scheme_path = MEMBER (&path, scheme);
      g_autoptr(GPtrArray) ids = NULL;
      const Node *array;

      if (*scheme == '\0')
        {
          problem (v, &scheme_path, _("the name of a reference scheme must not be empty"));
          continue;
        }
      if (ids_node->type != NODE_ARRAY)
        {
          problem (v, &scheme_path, _("expected an array of strings, found %s"), describe_node (ids_node));
          continue;
        }

      array = ids_node;
      ids = g_ptr_array_new_with_free_func (g_free);
      for (guint i = 0; i < array->length; i++)
        {
          Path id_path = ELEMENT (&scheme_path, i);
          const char *id = expect_string (v, &id_path, &array->u.elements[i]);

          if (id == NULL)
            continue;
          if (is_blank (id))
            problem (v, &id_path, _("must not be empty"));
          else
            g_ptr_array_add (ids, g_strdup (id));
        }
      g_ptr_array_add (ids, NULL);

      capability->references[n].scheme = g_strdup (scheme);
      capability->references[n].ids = (GStrv) g_ptr_array_free (g_steal_pointer (&ids), FALSE);
      n++;
    }
  capability->n_references = n;
}

static void
read_capability (Validator   *v,
                 const Path  *path,
                 const Node  *node,
                 MizanDomain *domain,
                 GPtrArray   *capabilities)
{
  MizanFramework *fw = v->fw;
  const char * const *allowed = capability_members;
  MizanCapability *capability;
  const Node *object;
  Path practices_path = MEMBER (path, "practices");
  const Node *practices_node;

  object = expect_object (v, path, node);
  if (object == NULL)
    return;

  capability = g_new0 (MizanCapability, 1);
  capability->index = fw->capabilities->len;
  capability->domain = domain;
  g_ptr_array_add (fw->capabilities, capability);
  g_ptr_array_add (capabilities, capability);

  v->here.depth = 2;
  capability->id = read_element_id (v, path, object, allowed);
  if (capability->id != NULL)
    g_hash_table_insert (fw->capability_by_id, capability->id, capability);

  capability->title = read_required_text (v, path, object, "title", allowed);
  capability->description = read_optional_text (v, path, object, "description");
  capability->weight = read_weight (v, path, object);
  read_references (v, path, object, capability);

  practices_node = require_member (v, &practices_path, object, allowed);
  if (practices_node != NULL)
    {
      const Node *array = expect_array (v, &practices_path, practices_node,
                                       _("must list at least one practice"));
      g_autoptr(GPtrArray) practices = g_ptr_array_new ();
      guint levels_seen = 0;
      gboolean level_problem = FALSE;
      guint n = array != NULL ? array->length : 0;

      for (guint i = 0; i < n; i++)
        {
          Path practice_path = ELEMENT (&practices_path, i);

          v->here.depth = 3;
          v->here.practice = i;
          read_practice (v, &practice_path, &array->u.elements[i],
                         capability, practices, &levels_seen, &level_problem);
        }

      /* A practice with a broken level already has its own problem; the
       * gap it leaves would only repeat it. */
      if (array != NULL && !level_problem)
        for (guint level = 1; level <= v->n_levels; level++)
          if ((levels_seen & (1u << level)) == 0)
            problem (v, path, _("no practice at level %u; every capability needs at least one "
                                "practice at each level"), level);

      capability->n_practices = practices->len;
      capability->practices = (MizanPractice **) g_ptr_array_steal (practices, NULL);
    }

  check_unknown_members (v, path, object, allowed);
}

static void
read_domain (Validator  *v,
             const Path *path,
             const Node *node)
{
  MizanFramework *fw = v->fw;
  const char * const *allowed = domain_members;
  MizanDomain *domain;
  const Node *object;
  Path capabilities_path = MEMBER (path, "capabilities");
  const Node *capabilities_node;

  object = expect_object (v, path, node);
  if (object == NULL)
    return;

  domain = g_new0 (MizanDomain, 1);
  domain->index = fw->domains->len;
  g_ptr_array_add (fw->domains, domain);

  v->here.depth = 1;
  domain->id = read_element_id (v, path, object, allowed);
  if (domain->id != NULL)
    g_hash_table_insert (fw->domain_by_id, domain->id, domain);

  domain->title = read_required_text (v, path, object, "title", allowed);
  domain->description = read_optional_text (v, path, object, "description");
  domain->weight = read_weight (v, path, object);

  capabilities_node = require_member (v, &capabilities_path, object, allowed);
  if (capabilities_node != NULL)
    {
      const Node *array = expect_array (v, &capabilities_path, capabilities_node,
                                       _("must list at least one capability"));
      g_autoptr(GPtrArray) capabilities = g_ptr_array_new ();
      guint n = array != NULL ? array->length : 0;

      for (guint i = 0; i < n; i++)
        {
          Path capability_path = ELEMENT (&capabilities_path, i);

          v->here.capability = i;
          read_capability (v, &capability_path, &array->u.elements[i],
                           domain, capabilities);
        }

      domain->n_capabilities = capabilities->len;
      domain->capabilities = (MizanCapability **) g_ptr_array_steal (capabilities, NULL);
    }

  check_unknown_members (v, path, object, allowed);
}

static void
read_levels (Validator  *v,
             const Node *root)
{
  MizanFramework *fw = v->fw;
  Path path = MEMBER (NULL, "levels");
  const Node *node = require_member (v, &path, root, root_members);
  const Node *array;
  guint n;
  gboolean sound = TRUE;
  gint64 previous = 0;

  if (node == NULL)
    return;
  array = expect_array (v, &path, node, _("must define at least one level"));
  if (array == NULL)
    return;

  n = array->length;
  if (n > MIZAN_FRAMEWORK_MAX_LEVELS)
    {
      problem (v, &path, _("defines %u levels; at most %d are allowed"), n, MIZAN_FRAMEWORK_MAX_LEVELS);
      sound = FALSE;
    }

  fw->levels = g_new0 (MizanLevel, n);
  fw->n_levels = n;
  for (guint i = 0; i < n; i++)
    {
      Path level_path = ELEMENT (&path, i);
      Path number_path = MEMBER (&level_path, "level");
      MizanLevel *level = &fw->levels[i];
      const Node *object;
      const Node *number_node;
      gint64 number;

      object = expect_object (v, &level_path, &array->u.elements[i]);
      if (object == NULL)
        {
          sound = FALSE;
          previous++;
          continue;
        }

      number_node = require_member (v, &number_path, object, level_members);
      if (number_node == NULL || !expect_integer (v, &number_path, number_node, &number))
        {
          sound = FALSE;
          previous++;
        }
      else
        {
          /* After a gap or a repeat, judge the next levels by their
           * predecessor, so that one slip is one problem. */
          if (number != (gint64) i + 1)
            {
              sound = FALSE;
              if (number != previous + 1)
                problem (v, &number_path, _("expected %u, found %" G_GINT64_FORMAT "; levels are "
                                            "numbered 1, 2, 3… in order, without gaps"),
                         i + 1, number);
            }
          previous = number;
        }
      level->level = i + 1;

      level->name = read_required_text (v, &level_path, object, "name", level_members);
      level->description = read_optional_text (v, &level_path, object, "description");
      check_unknown_members (v, &level_path, object, level_members);
    }

  /* Practice levels and coverage are only judged against sound levels. */
  v->n_levels = sound ? n : 0;
}

static void
read_domains (Validator  *v,
              const Node *root)
{
  Path path = MEMBER (NULL, "domains");
  const Node *node = require_member (v, &path, root, root_members);
  const Node *array;

  if (node == NULL)
    return;
  array = expect_array (v, &path, node, _("must list at least one domain"));
  if (array == NULL)
    return;

  for (guint i = 0; i < array->length; i++)
    {
      Path domain_path = ELEMENT (&path, i);

      v->here.domain = i;
      read_domain (v, &domain_path, &array->u.elements[i]);
    }
}

static gboolean
is_framework_id (const char *id)
{
  for (const char *p = id; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '.' && *p != '_' && *p != '-')
      return FALSE;
  return TRUE;
}

/* Returns FALSE when the file is something else (another format, a newer
 * version) whose members it would be noise to judge by these rules. */
static gboolean
read_format (Validator  *v,
             const Node *root)
{
  Path format_path = MEMBER (NULL, "format");
  Path version_path = MEMBER (NULL, "format_version");
  const Node *node;
  gint64 version;

  node = require_member (v, &format_path, root, root_members);
  if (node != NULL)
    {
      const char *format = expect_string (v, &format_path, node);

      if (format != NULL && strcmp (format, "mizan-framework") != 0)
        {
          problem (v, &format_path, _("expected \"mizan-framework\", found \"%s\"; this is not a "
                                      "framework file"), format);
          return FALSE;
        }
    }

  node = require_member (v, &version_path, root, root_members);
  if (node != NULL && expect_integer (v, &version_path, node, &version) && version != 1)
    {
      problem (v, &version_path, _("version %" G_GINT64_FORMAT " is not supported; this version "
                                   "of Mizan reads version 1"), version);
      if (version > 1)
        return FALSE;
    }

  return TRUE;
}

static void
read_root (Validator  *v,
           const Node *root_node)
{
  MizanFramework *fw = v->fw;
  const char * const *allowed = root_members;
  const Node *root;
  Path id_path = MEMBER (NULL, "id");
  Path version_path = MEMBER (NULL, "version");
  Path target_path = MEMBER (NULL, "default_target");
  const Node *node;

  if (root_node->type != NODE_OBJECT)
    {
      problem (v, NULL, _("expected an object at the top level, found %s"), describe_node (root_node));
      return;
    }
  root = root_node;

  if (!read_format (v, root))
    return;

  node = require_member (v, &id_path, root, allowed);
  if (node != NULL)
    {
      const char *id = expect_string (v, &id_path, node);

      if (id != NULL && *id == '\0')
        problem (v, &id_path, _("must not be empty"));
      else if (id != NULL && !is_framework_id (id))
        problem (v, &id_path, _("\"%s\" may only contain letters, digits, \".\", \"_\" and \"-\""), id);
      else if (id != NULL)
        fw->id = g_strdup (id);
    }

  node = require_member (v, &version_path, root, allowed);
  if (node != NULL)
    {
      const char *version = expect_string (v, &version_path, node);

      if (version != NULL && is_blank (version))
        problem (v, &version_path, _("must not be empty"));
      else if (version != NULL)
        fw->version = g_strdup (version);
    }

  fw->title = read_required_text (v, NULL, root, "title", allowed);
  fw->description = read_optional_text (v, NULL, root, "description");
  fw->publisher = read_optional_text (v, NULL, root, "publisher");

  read_levels (v, root);

  node = require_member (v, &target_path, root, allowed);
  if (node != NULL)
    {
      gint64 target;

      if (expect_integer (v, &target_path, node, &target))
        {
          if (v->n_levels > 0 && (target < 1 || target > v->n_levels))
            problem (v, &target_path, _("%" G_GINT64_FORMAT " is out of range; levels go from 1 to %u"),
                     target, v->n_levels);
          else if (target < 1 || target > MIZAN_FRAMEWORK_MAX_LEVELS)
            problem (v, &target_path, _("%" G_GINT64_FORMAT " is out of range; levels go from 1 to "
                                        "at most %d"), target, MIZAN_FRAMEWORK_MAX_LEVELS);
          else
            fw->default_target = (guint) target;
        }
    }

  read_domains (v, root);
  check_unknown_members (v, NULL, root, allowed);
}

static char *
join_problems (GPtrArray *problems)
{
  g_ptr_array_add (problems, NULL);
  return g_strjoinv ("\n", (char **) problems->pdata);
}

static void
parser_clear (Parser *s)
{
  g_clear_pointer (&s->fatal, g_free);
  if (s->buffer != NULL)
    g_string_free (g_steal_pointer (&s->buffer), TRUE);
  g_clear_pointer (&s->node_stack, g_array_unref);
  g_clear_pointer (&s->member_stack, g_array_unref);
  arena_clear (&s->arena);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Parser, parser_clear)

static MizanFramework *
load (const char  *data,
      gsize        length,
      const char  *display_name,
      const char  *path,
      GError     **error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(MizanFramework) fw = NULL;
  g_autoptr(GHashTable) ids = NULL;
  g_autoptr(GArray) locations = NULL;
  g_autofree char *message = NULL;
  g_auto(Parser) parser = { 0 };
  Validator v = { 0 };
  Node root;

  if (length > MIZAN_FRAMEWORK_MAX_FILE_SIZE)
    {
      g_autofree char *size = g_format_size_full (length, G_FORMAT_SIZE_IEC_UNITS);
      g_autofree char *limit = g_format_size_full (MIZAN_FRAMEWORK_MAX_FILE_SIZE, G_FORMAT_SIZE_IEC_UNITS);

      g_set_error (error, MIZAN_FRAMEWORK_ERROR, MIZAN_FRAMEWORK_ERROR_TOO_LARGE,
                   _("%s: the framework is %s (%" G_GSIZE_FORMAT " bytes); a framework file may be "
                     "at most %s (%d bytes)"),
                   display_name, size, length, limit, MIZAN_FRAMEWORK_MAX_FILE_SIZE);
      return NULL;
    }

  parser.display_name = display_name;
  parser.problems = problems;
  parser.buffer = g_string_sized_new (256);
  parser.node_stack = g_array_sized_new (FALSE, FALSE, sizeof (Node), 64);
  parser.member_stack = g_array_sized_new (FALSE, FALSE, sizeof (Member), 64);
  if (!parse_document (&parser, data, length, &root))
    {
      g_ptr_array_add (problems, g_steal_pointer (&parser.fatal));
      message = join_problems (problems);
      g_set_error_literal (error, MIZAN_FRAMEWORK_ERROR, MIZAN_FRAMEWORK_ERROR_SYNTAX, message);
      return NULL;
    }

  fw = g_object_new (MIZAN_TYPE_FRAMEWORK, NULL);
  /* Keys are the tree's strings, which outlive the validation. */
  ids = g_hash_table_new (g_str_hash, g_str_equal);
  locations = g_array_new (FALSE, FALSE, sizeof (IdLocation));
  v.display_name = display_name;
  v.problems = problems;
  v.fw = fw;
  v.ids = ids;
  v.locations = locations;
  read_root (&v, &root);

  if (problems->len > 0)
    {
      message = join_problems (problems);
      g_set_error_literal (error, MIZAN_FRAMEWORK_ERROR, MIZAN_FRAMEWORK_ERROR_INVALID, message);
      return NULL;
    }

  fw->path = g_strdup (path);
  return g_steal_pointer (&fw);
}

MizanFramework *
mizan_framework_new_from_data (const char  *data,
                               gssize       length,
                               const char  *display_name,
                               GError     **error)
{
  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length < 0)
    length = strlen (data);
  if (display_name == NULL)
    display_name = _("(framework data)");

  return load (data, length, display_name, NULL, error);
}

MizanFramework *
mizan_framework_new_from_file (const char  *path,
                               GError     **error)
{
  g_autofree char *contents = NULL;
  gsize length;
  GStatBuf st;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Refuse a huge file before reading a byte of it. */
  if (g_stat (path, &st) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "%s: %s", path, g_strerror (saved_errno));
      return NULL;
    }
  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, G_FILE_ERROR, S_ISDIR (st.st_mode) ? G_FILE_ERROR_ISDIR : G_FILE_ERROR_INVAL,
                   _("%s: not a regular file"), path);
      return NULL;
    }
  if (st.st_size > MIZAN_FRAMEWORK_MAX_FILE_SIZE)
    {
      g_autofree char *size = g_format_size_full (st.st_size, G_FORMAT_SIZE_IEC_UNITS);
      g_autofree char *limit = g_format_size_full (MIZAN_FRAMEWORK_MAX_FILE_SIZE, G_FORMAT_SIZE_IEC_UNITS);

      g_set_error (error, MIZAN_FRAMEWORK_ERROR, MIZAN_FRAMEWORK_ERROR_TOO_LARGE,
                   _("%s: the file is %s (%" G_GUINT64_FORMAT " bytes); a framework file may be "
                     "at most %s (%d bytes)"),
                   path, size, (guint64) st.st_size, limit, MIZAN_FRAMEWORK_MAX_FILE_SIZE);
      return NULL;
    }

  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;

  /* load() checks the size again: the file may have grown since g_stat(). */
  return load (contents, length, path, path, error);
}

const char *
mizan_framework_get_id (MizanFramework *self)
{
  g_return_val_if_fail (MIZAN_IS_FRAMEWORK (self), NULL);

  return self->id;
}

const char *
mizan_framework_get_version (MizanFramework *self)
{
  g_return_val_if_fail (MIZAN_IS_FRAMEWORK (self), NULL);

  return self->version;
}

const char *
mizan_framework_get_path (MizanFramework *self)
{
  g_return_val_if_fail (MIZAN_IS_FRAMEWORK (self), NULL);

  return self->path;
}

const MizanText *
mizan_framework_get_title (MizanFramework *self)
{
  g_return_val_if_fail (MIZAN_IS_FRAMEWORK (self), NULL);

  return self->title;
}

const MizanText *
mizan_framework_get_description (MizanFramework *self)
{
  g_return_val_if_fail (MIZAN_IS_FRAMEWORK (self), NULL);

  return self->description;
}

const MizanText *
mizan_framework_get_publisher (MizanFramework *self)
{
  g_return_val_if_fail (MIZAN_IS_FRAMEWORK (self), NULL);

  return self->publisher;
}

guint
mizan_framework_get_n_levels (MizanFramework *self)
{
  g_return_val_if_fail (MIZAN_IS_FRAMEWORK (self), 0);

  return self->n_levels;
}

const MizanLevel *
mizan_framework_get_level (MizanFramework *self,
                           guint           level)
{
  g_return_val_if_fail (MIZAN_IS_FRAMEWORK (self), NULL);
  g_return_val_if_fail (level >= 1 && level <= self->n_levels, NULL);

  return &self->levels[level - 1];
}

guint
mizan_framework_get_default_target (MizanFramework *self)
{
  g_return_val_if_fail (MIZAN_IS_FRAMEWORK (self), 0);

  return self->default_target;
}

guint
mizan_framework_get_n_domains (MizanFramework *self)
{
  g_return_val_if_fail (MIZAN_IS_FRAMEWORK (self), 0);

  return self->domains->len;
}

MizanDomain *
mizan_framework_get_domain (MizanFramework *self,
                            guint           index)
{
  g_return_val_if_fail (MIZAN_IS_FRAMEWORK (self), NULL);
  g_return_val_if_fail (index < self->domains->len, NULL);

  return g_ptr_array_index (self->domains, index);
}

guint
mizan_framework_get_n_capabilities (MizanFramework *self)
{
  g_return_val_if_fail (MIZAN_IS_FRAMEWORK (self), 0);

  return self->capabilities->len;
}

MizanCapability *
mizan_framework_get_capability (MizanFramework *self,
                                guint           index)
{
  g_return_val_if_fail (MIZAN_IS_FRAMEWORK (self), NULL);
  g_return_val_if_fail (index < self->capabilities->len, NULL);

  return g_ptr_array_index (self->capabilities, index);
}

guint
mizan_framework_get_n_practices (MizanFramework *self)
{
  g_return_val_if_fail (MIZAN_IS_FRAMEWORK (self), 0);

  return self->practices->len;
}

MizanPractice *
mizan_framework_get_practice (MizanFramework *self,
                              guint           index)
{
  g_return_val_if_fail (MIZAN_IS_FRAMEWORK (self), NULL);
  g_return_val_if_fail (index < self->practices->len, NULL);

  return g_ptr_array_index (self->practices, index);
}

MizanDomain *
mizan_framework_lookup_domain (MizanFramework *self,
                               const char     *id)
{
  g_return_val_if_fail (MIZAN_IS_FRAMEWORK (self), NULL);

  return id != NULL ? g_hash_table_lookup (self->domain_by_id, id) : NULL;
}

MizanCapability *
mizan_framework_lookup_capability (MizanFramework *self,
                                   const char     *id)
{
  g_return_val_if_fail (MIZAN_IS_FRAMEWORK (self), NULL);

  return id != NULL ? g_hash_table_lookup (self->capability_by_id, id) : NULL;
}

MizanPractice *
mizan_framework_lookup_practice (MizanFramework *self,
                                 const char     *id)
{
  g_return_val_if_fail (MIZAN_IS_FRAMEWORK (self), NULL);

  return id != NULL ? g_hash_table_lookup (self->practice_by_id, id) : NULL;
}
