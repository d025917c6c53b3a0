/* mizan-json-tree.h — Mizan's one strict JSON (RFC 8259) parser, into a compact read-only tree
 * Errors as "NAME:LINE:COL: message"; used by the framework loader directly and by mizan-json-file for JsonNodes. */
#pragma once

#include <string.h>

#include <glib.h>

G_BEGIN_DECLS

/* A framework nests about seven containers deep; anything far deeper is
 * not something Mizan reads, and the parser recurses once per level. */
#define MIZAN_JSON_MAX_DEPTH 64

typedef enum {
  MIZAN_JSON_NULL,
  MIZAN_JSON_BOOLEAN,
  MIZAN_JSON_INTEGER,
  MIZAN_JSON_NUMBER,    /* with a fraction or an exponent */
  MIZAN_JSON_STRING,
  MIZAN_JSON_OBJECT,
  MIZAN_JSON_ARRAY,
} MizanJsonType;

typedef struct _MizanJsonValue  MizanJsonValue;
typedef struct _MizanJsonMember MizanJsonMember;

/* Read the fields directly: the framework loader walks thousands of these. */
struct _MizanJsonValue {
  MizanJsonType type;
  guint         length;       /* members or elements */
  union {
    gboolean               boolean;
    gint64                 integer;
    double                 number;
    const char            *string;     /* UTF-8 without NUL */
    const MizanJsonMember *members;    /* in file order */
    const MizanJsonValue  *elements;
  } u;
};

struct _MizanJsonMember {
  const char     *name;
  MizanJsonValue  value;
};

typedef enum {
  MIZAN_JSON_TREE_DEFAULT      = 0,
  /* Quote names and text in messages with " rather than “ ”, for callers
   * whose own messages quote that way. */
  MIZAN_JSON_TREE_ASCII_QUOTES = 1 << 0,
} MizanJsonTreeFlags;

/* The parsed document: every value and string lives in it, freed at once. */
typedef struct _MizanJsonTree MizanJsonTree;

/* Parses @data (@length bytes, an optional UTF-8 byte order mark first).
 * Refuses anything RFC 8259 does not allow, and what it leaves undefined:
 * numbers beyond 64-bit integers or doubles, "\u0000", lone surrogates,
 * repeated member names. On a fault, returns NULL and sets @error in
 * @domain with @code and the message "DISPLAY_NAME:LINE:COL: message".
 *
 * Repeated member names stop the parse, unless @problems is given: then
 * each is added to it as such a line (newly allocated) and the parse goes
 * on, so that a caller can report them with the other faults it finds; the
 * tree keeps both members, and lookups find the first. */
MizanJsonTree        *mizan_json_tree_parse       (const char          *data,
                                                   gsize                length,
                                                   const char          *display_name,
                                                   MizanJsonTreeFlags   flags,
                                                   GPtrArray           *problems,
                                                   GQuark               domain,
                                                   int                  code,
                                                   GError             **error);
void                  mizan_json_tree_free        (MizanJsonTree       *self);
const MizanJsonValue *mizan_json_tree_get_root    (MizanJsonTree       *self);

/* The value of @object's first member called @name, or NULL. Inline: the
 * framework loader asks for members hundreds of thousands of times. */
static inline const MizanJsonValue *
mizan_json_value_get_member (const MizanJsonValue *object,
                             const char           *name)
{
  /* Objects hold a handful of members: a scan beats hashing. */
  for (guint i = 0; i < object->length; i++)
    if (strcmp (object->u.members[i].name, name) == 0)
      return &object->u.members[i].value;
  return NULL;
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MizanJsonTree, mizan_json_tree_free)

G_END_DECLS
