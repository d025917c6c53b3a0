/* mizan-framework.c — loads and validates mizan-framework files
 * Strict JSON into mizan-json-tree's compact tree (exact positions), then every rule of the format, reporting all problems. */

#include "config.h"

#include <inttypes.h>

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <string.h>
#include <sys/stat.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "mizan-framework.h"
#include "mizan-json-tree.h"
#include "mizan-references.h"

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
  MizanText  *status;
  MizanText  *rubric[MIZAN_N_STATUSES];   /* by MizanStatus; NONE unused */
  MizanProfileQuestion *profile;
  guint       n_profile;
  GHashTable *question_by_id;

  char       *supersedes_version;
  GPtrArray  *superseded_ids;  /* char *, file order, NULL-terminated */
  GHashTable *successors;      /* old id (owned by @superseded_ids) → GStrv */

  GPtrArray  *domains;        /* owns MizanDomain */
  GPtrArray  *capabilities;   /* owns MizanCapability, file order */
  GPtrArray  *practices;      /* owns MizanPractice, file order */
  GHashTable *domain_by_id;
  GHashTable *capability_by_id;
  GHashTable *practice_by_id;
};

G_DEFINE_FINAL_TYPE (MizanFramework, mizan_framework, G_TYPE_OBJECT)

static void
references_free (MizanReference *references,
                 guint           n_references)
{
  for (guint i = 0; i < n_references; i++)
    {
      g_free (references[i].scheme);
      g_strfreev (references[i].ids);
    }
  g_free (references);
}

static void
domain_free (gpointer data)
{
  MizanDomain *domain = data;

  g_free (domain->id);
  g_clear_pointer (&domain->title, mizan_text_free);
  g_clear_pointer (&domain->description, mizan_text_free);
  g_clear_pointer (&domain->weight_reason, mizan_text_free);
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
  g_clear_pointer (&capability->weight_reason, mizan_text_free);
  g_free (capability->applies_if);
  references_free (capability->references, capability->n_references);
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
  g_clear_pointer (&practice->fully_when, mizan_text_free);
  g_clear_pointer (&practice->weight_reason, mizan_text_free);
  g_free (practice->applies_if);
  references_free (practice->references, practice->n_references);
  g_free (practice);
}

static void
mizan_framework_finalize (GObject *object)
{
  MizanFramework *self = MIZAN_FRAMEWORK (object);

  g_clear_pointer (&self->domain_by_id, g_hash_table_unref);
  g_clear_pointer (&self->capability_by_id, g_hash_table_unref);
  g_clear_pointer (&self->practice_by_id, g_hash_table_unref);
  g_clear_pointer (&self->successors, g_hash_table_unref);
  g_clear_pointer (&self->superseded_ids, g_ptr_array_unref);
  g_free (self->supersedes_version);
  g_clear_pointer (&self->question_by_id, g_hash_table_unref);
  for (guint i = 0; i < self->n_profile; i++)
    {
      g_free (self->profile[i].id);
      g_clear_pointer (&self->profile[i].text, mizan_text_free);
    }
  g_free (self->profile);
  for (guint i = 0; i < MIZAN_N_STATUSES; i++)
    g_clear_pointer (&self->rubric[i], mizan_text_free);
  g_clear_pointer (&self->status, mizan_text_free);
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
  self->question_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->superseded_ids = g_ptr_array_new_null_terminated (0, g_free, TRUE);
  self->successors = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_strfreev);
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
  gboolean        profile_broken;
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
describe_node (const MizanJsonValue *node)
{
  switch (node->type)
    {
    case MIZAN_JSON_OBJECT:
      return _("an object");
    case MIZAN_JSON_ARRAY:
      return _("an array");
    case MIZAN_JSON_NULL:
      return "null";
    case MIZAN_JSON_STRING:
      return _("a string");
    case MIZAN_JSON_INTEGER:
      return _("an integer");
    case MIZAN_JSON_NUMBER:
      return _("a decimal number");
    case MIZAN_JSON_BOOLEAN:
      return node->u.boolean ? "true" : "false";
    default:
      g_assert_not_reached ();
    }
}

/* The members each kind of object may have, required ones first. */
static const char * const root_members[] = {
  "format", "format_version", "id", "version", "title", "levels", "default_target", "domains",
  "description", "publisher", "status", "rubric", "profile", "supersedes", NULL };
static const char * const level_members[] = { "level", "name", "description", NULL };
static const char * const domain_members[] = {
  "id", "title", "capabilities", "description", "weight", "weight_reason", NULL };
static const char * const capability_members[] = {
  "id", "title", "practices", "description", "weight", "weight_reason", "references",
  "applies_if", NULL };
static const char * const practice_members[] = {
  "id", "level", "text", "guidance", "evidence", "fully_when", "weight", "weight_reason",
  "references", "applies_if", NULL };
/* A rubric explains every status but none (mizan_status_to_string()). */
static const char * const rubric_members[] = { "fully", "largely", "partially", "not", "na", NULL };
static const char * const question_members[] = { "id", "text", NULL };
static const char * const supersedes_members[] = { "version", "map", NULL };

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
check_unknown_members (Validator            *v,
                       const Path           *path,
                       const MizanJsonValue *object,
                       const char * const   *allowed)
{
  for (guint i = 0; i < object->length; i++)
    {
      const char *name = object->u.members[i].name;
      Path member_path = MEMBER (path, name);
      const char *suggestion;

      if (g_strv_contains (allowed, name))
        continue;

      suggestion = suggest_member (name, allowed);
      if (suggestion != NULL && mizan_json_value_get_member (object, suggestion) == NULL)
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
static const MizanJsonValue *
require_member (Validator            *v,
                const Path           *member_path,
                const MizanJsonValue *object,
                const char * const   *allowed)
{
  const MizanJsonValue *node = mizan_json_value_get_member (object, member_path->member);

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

static const MizanJsonValue *
expect_object (Validator            *v,
               const Path           *path,
               const MizanJsonValue *node)
{
  if (node->type == MIZAN_JSON_OBJECT)
    return node;
  problem (v, path, _("expected an object, found %s"), describe_node (node));
  return NULL;
}

/* A non-empty array, or NULL after reporting. */
static const MizanJsonValue *
expect_array (Validator            *v,
              const Path           *path,
              const MizanJsonValue *node,
              const char           *empty_message)
{
  const MizanJsonValue *array;

  if (node->type != MIZAN_JSON_ARRAY)
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
expect_string (Validator            *v,
               const Path           *path,
               const MizanJsonValue *node)
{
  if (node->type == MIZAN_JSON_STRING)
    return node->u.string;
  problem (v, path, _("expected a string, found %s"), describe_node (node));
  return NULL;
}

static gboolean
expect_integer (Validator            *v,
                const Path           *path,
                const MizanJsonValue *node,
                gint64               *out)
{
  if (node->type == MIZAN_JSON_INTEGER)
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
read_text (Validator            *v,
           const Path           *path,
           const MizanJsonValue *node)
{
  g_autoptr(MizanText) text = NULL;
  gboolean ok = TRUE;

  if (node->type == MIZAN_JSON_STRING)
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

  if (node->type != MIZAN_JSON_OBJECT)
    {
      problem (v, path, _("expected a string or an object of translations such as "
                          "{\"en\": \"…\", \"ar\": \"…\"}, found %s"), describe_node (node));
      return NULL;
    }

  text = mizan_text_new ();
  for (guint i = 0; i < node->length; i++)
    {
      const char *lang = node->u.members[i].name;
      const MizanJsonValue *value_node = &node->u.members[i].value;
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

  if (mizan_json_value_get_member (node, "en") == NULL)
    {
      problem (v, path, _("the English (\"en\") text is missing; every text needs one"));
      ok = FALSE;
    }

  return ok ? g_steal_pointer (&text) : NULL;
}

static MizanText *
read_optional_text (Validator            *v,
                    const Path           *parent,
                    const MizanJsonValue *object,
                    const char           *name)
{
  Path path = MEMBER (parent, name);
  const MizanJsonValue *node = mizan_json_value_get_member (object, name);

  return node != NULL ? read_text (v, &path, node) : NULL;
}

static MizanText *
read_required_text (Validator            *v,
                    const Path           *parent,
                    const MizanJsonValue *object,
                    const char           *name,
                    const char * const   *allowed)
{
  Path path = MEMBER (parent, name);
  const MizanJsonValue *node = require_member (v, &path, object, allowed);

  return node != NULL ? read_text (v, &path, node) : NULL;
}

/* An optional weight: > 0, 1 when absent. */
static double
read_weight (Validator            *v,
             const Path           *parent,
             const MizanJsonValue *object)
{
  Path path = MEMBER (parent, "weight");
  const MizanJsonValue *node = mizan_json_value_get_member (object, "weight");
  double weight;

  if (node == NULL)
    return 1.0;

  if (node->type == MIZAN_JSON_INTEGER)
    weight = node->u.integer;
  else if (node->type == MIZAN_JSON_NUMBER)
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
read_element_id (Validator            *v,
                 const Path           *parent,
                 const MizanJsonValue *object,
                 const char * const   *allowed)
{
  Path path = MEMBER (parent, "id");
  const MizanJsonValue *node = require_member (v, &path, object, allowed);
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
read_level_number (Validator            *v,
                   const Path           *path,
                   const MizanJsonValue *node)
{
  guint max = v->n_levels > 0 ? v->n_levels : MIZAN_FRAMEWORK_MAX_LEVELS;
  gint64 level;

  if (!expect_integer (v, path, node, &level))
    return 0;
  if (level < 1 || level > max)
    {
      if (max == 1)
        problem (v, path, _("%" PRId64 " is out of range; the only level is 1"), level);
      else
        problem (v, path, _("%" PRId64 " is out of range; levels go from 1 to %u"), level, max);
      return 0;
    }
  return (guint) level;
}

/* {scheme: [id, …]}. An id that a scheme Mizan ships does not know is a
 * problem; other schemes are the author's business. */
static void
read_references (Validator            *v,
                 const Path           *parent,
                 const MizanJsonValue *object,
                 MizanReference      **references_out,
                 guint                *n_references_out)
{
  Path path = MEMBER (parent, "references");
  const MizanJsonValue *node = mizan_json_value_get_member (object, "references");
  const MizanJsonValue *references_node;
  MizanReference *references;
  guint n = 0;

  if (node == NULL)
    return;
  references_node = expect_object (v, &path, node);
  if (references_node == NULL)
    return;

  references = g_new0 (MizanReference, references_node->length);
  for (guint k = 0; k < references_node->length; k++)
    {
      const char *scheme = references_node->u.members[k].name;
      const MizanJsonValue *ids_node = &references_node->u.members[k].value;
      Path scheme_path = MEMBER (&path, scheme);
      const MizanReferenceScheme *known;
      g_autoptr(GPtrArray) ids = NULL;
      const MizanJsonValue *array;

      if (*scheme == '\0')
        {
          problem (v, &scheme_path, _("the name of a reference scheme must not be empty"));
          continue;
        }
      if (ids_node->type != MIZAN_JSON_ARRAY)
        {
          problem (v, &scheme_path, _("expected an array of strings, found %s"), describe_node (ids_node));
          continue;
        }

      known = mizan_references_lookup_scheme (scheme);
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
          else if (known != NULL && mizan_reference_scheme_lookup (known, id) == NULL)
            problem (v, &id_path, _("%s has no identifier \"%s\""), mizan_reference_scheme_get_title (known), id);
          else
            g_ptr_array_add (ids, g_strdup (id));
        }
      g_ptr_array_add (ids, NULL);

      references[n].scheme = g_strdup (scheme);
      references[n].ids = (GStrv) g_ptr_array_free (g_steal_pointer (&ids), FALSE);
      n++;
    }
  *references_out = references;
  *n_references_out = n;
}

/* One scheme of a capability's united references. */
typedef struct {
  const char *scheme;
  GPtrArray  *ids;    /* char * */
  GHashTable *seen;   /* the ids in @ids */
} UnitedScheme;

static void
united_scheme_clear (gpointer data)
{
  UnitedScheme *united = data;

  g_clear_pointer (&united->ids, g_ptr_array_unref);
  g_clear_pointer (&united->seen, g_hash_table_unref);
}

static void
unite_references (GArray               *united,
                  GHashTable           *position_by_scheme,
                  const MizanReference *references,
                  guint                 n_references)
{
  for (guint i = 0; i < n_references; i++)
    {
      gpointer position = g_hash_table_lookup (position_by_scheme, references[i].scheme);
      UnitedScheme *entry;

      if (position == NULL)
        {
          UnitedScheme fresh = { references[i].scheme, g_ptr_array_new_with_free_func (g_free),
                                 g_hash_table_new (g_str_hash, g_str_equal) };

          g_array_append_val (united, fresh);
          position = GUINT_TO_POINTER (united->len);
          g_hash_table_insert (position_by_scheme, (gpointer) references[i].scheme, position);
        }

      entry = &g_array_index (united, UnitedScheme, GPOINTER_TO_UINT (position) - 1);
      for (guint j = 0; references[i].ids[j] != NULL; j++)
        if (g_hash_table_add (entry->seen, references[i].ids[j]))
          g_ptr_array_add (entry->ids, g_strdup (references[i].ids[j]));
    }
}

/* A capability cites what its practices cite: its own references, then
 * each practice's, each scheme once and each id once, in the order met. */
static void
unite_capability_references (MizanCapability *capability)
{
  g_autoptr(GArray) united = g_array_new (FALSE, FALSE, sizeof (UnitedScheme));
  /* Keys and the sets' members belong to the references being united. */
  g_autoptr(GHashTable) position_by_scheme = g_hash_table_new (g_str_hash, g_str_equal);
  MizanReference *references;

  g_array_set_clear_func (united, united_scheme_clear);
  unite_references (united, position_by_scheme, capability->references, capability->n_references);
  for (guint i = 0; i < capability->n_practices; i++)
    unite_references (united, position_by_scheme, capability->practices[i]->references,
                      capability->practices[i]->n_references);

  references = g_new0 (MizanReference, united->len);
  for (guint i = 0; i < united->len; i++)
    {
      UnitedScheme *entry = &g_array_index (united, UnitedScheme, i);

      g_ptr_array_add (entry->ids, NULL);
      references[i].scheme = g_strdup (entry->scheme);
      references[i].ids = (GStrv) g_ptr_array_free (g_steal_pointer (&entry->ids), FALSE);
    }

  references_free (capability->references, capability->n_references);
  capability->references = references;
  capability->n_references = united->len;
}

/* The id of a profile question, or NULL after reporting. */
static char *
read_applies_if (Validator            *v,
                 const Path           *parent,
                 const MizanJsonValue *object)
{
  MizanFramework *fw = v->fw;
  Path path = MEMBER (parent, "applies_if");
  const MizanJsonValue *node = mizan_json_value_get_member (object, "applies_if");
  const char *id;

  if (node == NULL)
    return NULL;
  id = expect_string (v, &path, node);
  if (id == NULL)
    return NULL;

  if (g_hash_table_contains (fw->question_by_id, id))
    return g_strdup (id);

  /* A broken profile has its own problems; judging by it would repeat them. */
  if (v->profile_broken)
    return NULL;
  if (fw->n_profile == 0)
    problem (v, &path, _("\"%s\" names no question: this framework has no \"profile\""), id);
  else if (fw->n_profile <= 10)
    {
      g_autoptr(GString) list = g_string_new (fw->profile[0].id);

      for (guint i = 1; i < fw->n_profile; i++)
        g_string_append_printf (list, ", %s", fw->profile[i].id);
      problem (v, &path, _("\"%s\" is not a question of the profile; its questions are %s"), id, list->str);
    }
  /* A long list would bury the message. */
  else
    problem (v, &path, _("\"%s\" is not a question of the profile"), id);
  return NULL;
}

static void
read_practice (Validator            *v,
               const Path           *path,
               const MizanJsonValue *node,
               MizanCapability      *capability,
               GPtrArray            *practices,
               guint                *levels_seen,
               gboolean             *level_problem)
{
  MizanFramework *fw = v->fw;
  const char * const *allowed = practice_members;
  MizanPractice *practice;
  const MizanJsonValue *object;
  Path level_path = MEMBER (path, "level");
  const MizanJsonValue *level_node;

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
  practice->fully_when = read_optional_text (v, path, object, "fully_when");
  practice->weight = read_weight (v, path, object);
  practice->weight_reason = read_optional_text (v, path, object, "weight_reason");
  read_references (v, path, object, &practice->references, &practice->n_references);
  practice->applies_if = read_applies_if (v, path, object);

  check_unknown_members (v, path, object, allowed);
}

static void
read_capability (Validator            *v,
                 const Path           *path,
                 const MizanJsonValue *node,
                 MizanDomain          *domain,
                 GPtrArray            *capabilities)
{
  MizanFramework *fw = v->fw;
  const char * const *allowed = capability_members;
  MizanCapability *capability;
  const MizanJsonValue *object;
  Path practices_path = MEMBER (path, "practices");
  const MizanJsonValue *practices_node;

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
  capability->weight_reason = read_optional_text (v, path, object, "weight_reason");
  read_references (v, path, object, &capability->references, &capability->n_references);
  capability->applies_if = read_applies_if (v, path, object);

  practices_node = require_member (v, &practices_path, object, allowed);
  if (practices_node != NULL)
    {
      const MizanJsonValue *array = expect_array (v, &practices_path, practices_node,
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
  unite_capability_references (capability);

  check_unknown_members (v, path, object, allowed);
}

static void
read_domain (Validator            *v,
             const Path           *path,
             const MizanJsonValue *node)
{
  MizanFramework *fw = v->fw;
  const char * const *allowed = domain_members;
  MizanDomain *domain;
  const MizanJsonValue *object;
  Path capabilities_path = MEMBER (path, "capabilities");
  const MizanJsonValue *capabilities_node;

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
  domain->weight_reason = read_optional_text (v, path, object, "weight_reason");

  capabilities_node = require_member (v, &capabilities_path, object, allowed);
  if (capabilities_node != NULL)
    {
      const MizanJsonValue *array = expect_array (v, &capabilities_path, capabilities_node,
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
read_levels (Validator            *v,
             const MizanJsonValue *root)
{
  MizanFramework *fw = v->fw;
  Path path = MEMBER (NULL, "levels");
  const MizanJsonValue *node = require_member (v, &path, root, root_members);
  const MizanJsonValue *array;
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
      const MizanJsonValue *object;
      const MizanJsonValue *number_node;
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
                problem (v, &number_path, _("expected %u, found %" PRId64 "; levels are "
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
read_domains (Validator            *v,
              const MizanJsonValue *root)
{
  Path path = MEMBER (NULL, "domains");
  const MizanJsonValue *node = require_member (v, &path, root, root_members);
  const MizanJsonValue *array;

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

/* Question ids are written into assessments and exchange files: keep them plain. */
static gboolean
is_question_id (const char *id)
{
  for (const char *p = id; *p != '\0'; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '_')
      return FALSE;
  return TRUE;
}

/* The yes/no questions that capabilities and practices may depend on;
 * read before the domains, whose applies_if name them. */
static void
read_profile (Validator            *v,
              const MizanJsonValue *root)
{
  MizanFramework *fw = v->fw;
  Path path = MEMBER (NULL, "profile");
  const MizanJsonValue *node = mizan_json_value_get_member (root, "profile");
  const MizanJsonValue *array;
  guint problems_before = v->problems->len;

  if (node == NULL)
    return;
  array = expect_array (v, &path, node, _("must list at least one question; leave \"profile\" "
                                          "out when there are none"));
  if (array == NULL)
    {
      v->profile_broken = TRUE;
      return;
    }

  fw->profile = g_new0 (MizanProfileQuestion, array->length);
  fw->n_profile = array->length;
  for (guint i = 0; i < array->length; i++)
    {
      Path question_path = ELEMENT (&path, i);
      Path id_path = MEMBER (&question_path, "id");
      MizanProfileQuestion *question = &fw->profile[i];
      const MizanJsonValue *object = expect_object (v, &question_path, &array->u.elements[i]);
      const MizanJsonValue *id_node;
      const char *id = NULL;
      MizanProfileQuestion *first;

      if (object == NULL)
        continue;

      id_node = require_member (v, &id_path, object, question_members);
      if (id_node != NULL)
        id = expect_string (v, &id_path, id_node);
      if (id != NULL && *id == '\0')
        problem (v, &id_path, _("must not be empty"));
      else if (id != NULL && !is_question_id (id))
        problem (v, &id_path, _("\"%s\" may only contain lowercase letters a to z, digits and \"_\""), id);
      else if (id != NULL && (first = g_hash_table_lookup (fw->question_by_id, id)) != NULL)
        problem (v, &id_path, _("\"%s\" is already used at profile[%u].id"), id, (guint) (first - fw->profile));
      else if (id != NULL)
        {
          question->id = g_strdup (id);
          g_hash_table_insert (fw->question_by_id, question->id, question);
        }

      question->text = read_required_text (v, &question_path, object, "text", question_members);
      check_unknown_members (v, &question_path, object, question_members);
    }

  v->profile_broken = v->problems->len > problems_before;
}

/* What each answer means in this model: all five statuses or none. */
static void
read_rubric (Validator            *v,
             const MizanJsonValue *root)
{
  Path path = MEMBER (NULL, "rubric");
  const MizanJsonValue *node = mizan_json_value_get_member (root, "rubric");
  const MizanJsonValue *object;

  if (node == NULL)
    return;
  object = expect_object (v, &path, node);
  if (object == NULL)
    return;

  for (MizanStatus status = MIZAN_STATUS_FULLY; status <= MIZAN_STATUS_NA; status++)
    v->fw->rubric[status] = read_required_text (v, &path, object, mizan_status_to_string (status),
                                                rubric_members);
  check_unknown_members (v, &path, object, rubric_members);
}

/* The successors of one practice of the superseded version: practices of
 * this file, each once. */
static GStrv
read_successors (Validator            *v,
                 const Path           *path,
                 const MizanJsonValue *node)
{
  MizanFramework *fw = v->fw;
  g_autoptr(GPtrArray) successors = NULL;
  g_autoptr(GHashTable) listed = NULL;

  if (node->type != MIZAN_JSON_ARRAY)
    {
      problem (v, path, _("expected an array of practice ids ([] when none succeeds it), found %s"),
               describe_node (node));
      return NULL;
    }

  successors = g_ptr_array_new_with_free_func (g_free);
  listed = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < node->length; i++)
    {
      Path new_path = ELEMENT (path, i);
      const char *new_id = expect_string (v, &new_path, &node->u.elements[i]);

      if (new_id == NULL)
        continue;
      if (g_hash_table_contains (fw->practice_by_id, new_id))
        {
          if (g_hash_table_add (listed, (gpointer) new_id))
            g_ptr_array_add (successors, g_strdup (new_id));
          else
            problem (v, &new_path, _("\"%s\" is listed twice"), new_id);
        }
      else if (g_hash_table_contains (fw->capability_by_id, new_id))
        problem (v, &new_path, _("\"%s\" is a capability; the map leads to practices of this version"), new_id);
      else if (g_hash_table_contains (fw->domain_by_id, new_id))
        problem (v, &new_path, _("\"%s\" is a domain; the map leads to practices of this version"), new_id);
      else
        problem (v, &new_path, _("\"%s\" is not a practice of this version"), new_id);
    }

  g_ptr_array_add (successors, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&successors), FALSE);
}

/* Which practices of an earlier version became which of this one; read
 * after the domains, whose practices the map leads to. */
static void
read_supersedes (Validator            *v,
                 const MizanJsonValue *root)
{
  MizanFramework *fw = v->fw;
  Path path = MEMBER (NULL, "supersedes");
  Path version_path = MEMBER (&path, "version");
  Path map_path = MEMBER (&path, "map");
  const MizanJsonValue *node = mizan_json_value_get_member (root, "supersedes");
  const MizanJsonValue *object;
  const MizanJsonValue *map = NULL;

  if (node == NULL)
    return;
  object = expect_object (v, &path, node);
  if (object == NULL)
    return;

  node = require_member (v, &version_path, object, supersedes_members);
  if (node != NULL)
    {
      const char *version = expect_string (v, &version_path, node);

      if (version != NULL && is_blank (version))
        problem (v, &version_path, _("must not be empty"));
      else if (version != NULL && g_strcmp0 (version, fw->version) == 0)
        problem (v, &version_path, _("\"%s\" is this file's own version; name the earlier version "
                                     "that this one replaces"), version);
      else if (version != NULL)
        fw->supersedes_version = g_strdup (version);
    }

  node = require_member (v, &map_path, object, supersedes_members);
  if (node != NULL)
    map = expect_object (v, &map_path, node);
  for (guint i = 0; map != NULL && i < map->length; i++)
    {
      const char *old_id = map->u.members[i].name;
      Path old_path = MEMBER (&map_path, old_id);
      GStrv successors;
      char *key;

      if (*old_id == '\0' || has_whitespace (old_id))
        {
          problem (v, &old_path, _("\"%s\" is not a practice id"), old_id);
          continue;
        }
      successors = read_successors (v, &old_path, &map->u.members[i].value);
      if (successors == NULL)
        continue;

      key = g_strdup (old_id);
      g_ptr_array_add (fw->superseded_ids, key);
      g_hash_table_insert (fw->successors, key, successors);
    }

  check_unknown_members (v, &path, object, supersedes_members);
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
read_format (Validator            *v,
             const MizanJsonValue *root)
{
  Path format_path = MEMBER (NULL, "format");
  Path version_path = MEMBER (NULL, "format_version");
  const MizanJsonValue *node;
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
      problem (v, &version_path, _("version %" PRId64 " is not supported; this version "
                                   "of Mizan reads version 1"), version);
      if (version > 1)
        return FALSE;
    }

  return TRUE;
}

static void
read_root (Validator            *v,
           const MizanJsonValue *root_node)
{
  MizanFramework *fw = v->fw;
  const char * const *allowed = root_members;
  const MizanJsonValue *root;
  Path id_path = MEMBER (NULL, "id");
  Path version_path = MEMBER (NULL, "version");
  Path target_path = MEMBER (NULL, "default_target");
  const MizanJsonValue *node;

  if (root_node->type != MIZAN_JSON_OBJECT)
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
  fw->status = read_optional_text (v, NULL, root, "status");
  read_rubric (v, root);

  read_levels (v, root);

  node = require_member (v, &target_path, root, allowed);
  if (node != NULL)
    {
      gint64 target;

      if (expect_integer (v, &target_path, node, &target))
        {
          if (v->n_levels > 0 && (target < 1 || target > v->n_levels))
            problem (v, &target_path, _("%" PRId64 " is out of range; levels go from 1 to %u"),
                     target, v->n_levels);
          else if (target < 1 || target > MIZAN_FRAMEWORK_MAX_LEVELS)
            problem (v, &target_path, _("%" PRId64 " is out of range; levels go from 1 to "
                                        "at most %d"), target, MIZAN_FRAMEWORK_MAX_LEVELS);
          else
            fw->default_target = (guint) target;
        }
    }

  read_profile (v, root);
  read_domains (v, root);
  read_supersedes (v, root);
  check_unknown_members (v, NULL, root, allowed);
}

static char *
join_problems (GPtrArray *problems)
{
  g_ptr_array_add (problems, NULL);
  return g_strjoinv ("\n", (char **) problems->pdata);
}

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
  g_autoptr(MizanJsonTree) tree = NULL;
  g_autoptr(GError) syntax_error = NULL;
  Validator v = { 0 };

  if (length > MIZAN_FRAMEWORK_MAX_FILE_SIZE)
    {
      g_autofree char *size = g_format_size_full (length, G_FORMAT_SIZE_IEC_UNITS);
      g_autofree char *limit = g_format_size_full (MIZAN_FRAMEWORK_MAX_FILE_SIZE, G_FORMAT_SIZE_IEC_UNITS);

      g_set_error (error, MIZAN_FRAMEWORK_ERROR, MIZAN_FRAMEWORK_ERROR_TOO_LARGE,
                   _("%s: the framework is %s (%zu bytes); a framework file may be "
                     "at most %s (%d bytes)"),
                   display_name, size, length, limit, MIZAN_FRAMEWORK_MAX_FILE_SIZE);
      return NULL;
    }

  /* Repeated member names go to @problems and the parse goes on: they are
   * reported with the faults of meaning, all at once. */
  tree = mizan_json_tree_parse (data, length, display_name, MIZAN_JSON_TREE_ASCII_QUOTES, problems,
                                MIZAN_FRAMEWORK_ERROR, MIZAN_FRAMEWORK_ERROR_SYNTAX, &syntax_error);
  if (tree == NULL)
    {
      g_ptr_array_add (problems, g_strdup (syntax_error->message));
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
  read_root (&v, mizan_json_tree_get_root (tree));

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
                   _("%s: the file is %s (%" PRIu64 " bytes); a framework file may be "
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

const MizanText *
mizan_framework_get_status (MizanFramework *self)
{
  g_return_val_if_fail (MIZAN_IS_FRAMEWORK (self), NULL);

  return self->status;
}

const MizanText *
mizan_framework_get_rubric (MizanFramework *self,
                            MizanStatus     status)
{
  g_return_val_if_fail (MIZAN_IS_FRAMEWORK (self), NULL);
  g_return_val_if_fail (status < MIZAN_N_STATUSES, NULL);

  /* rubric[MIZAN_STATUS_NONE] stays NULL: "unanswered" needs no rubric. */
  return self->rubric[status];
}

guint
mizan_framework_get_n_profile_questions (MizanFramework *self)
{
  g_return_val_if_fail (MIZAN_IS_FRAMEWORK (self), 0);

  return self->n_profile;
}

const MizanProfileQuestion *
mizan_framework_get_profile_question (MizanFramework *self,
                                      guint           index)
{
  g_return_val_if_fail (MIZAN_IS_FRAMEWORK (self), NULL);
  g_return_val_if_fail (index < self->n_profile, NULL);

  return &self->profile[index];
}

const MizanProfileQuestion *
mizan_framework_lookup_profile_question (MizanFramework *self,
                                         const char     *id)
{
  g_return_val_if_fail (MIZAN_IS_FRAMEWORK (self), NULL);

  return id != NULL ? g_hash_table_lookup (self->question_by_id, id) : NULL;
}

const char *
mizan_framework_get_supersedes_version (MizanFramework *self)
{
  g_return_val_if_fail (MIZAN_IS_FRAMEWORK (self), NULL);

  return self->supersedes_version;
}

const char * const *
mizan_framework_get_successors (MizanFramework *self,
                                const char     *old_id)
{
  g_return_val_if_fail (MIZAN_IS_FRAMEWORK (self), NULL);

  return old_id != NULL ? g_hash_table_lookup (self->successors, old_id) : NULL;
}

const char * const *
mizan_framework_get_superseded_ids (MizanFramework *self)
{
  static const char * const none[] = { NULL };

  g_return_val_if_fail (MIZAN_IS_FRAMEWORK (self), NULL);

  /* An empty null-terminated GPtrArray may not have allocated its pdata yet. */
  return self->superseded_ids->pdata != NULL ? (const char * const *) self->superseded_ids->pdata : none;
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
