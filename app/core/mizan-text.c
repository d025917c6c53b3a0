/* mizan-text.c — localized text of a framework file
 * A handful of (language, string) pairs; lookups match by base language and fall back to English. */

#include "config.h"

#include <string.h>

#include "mizan-text.h"

/* One allocation holds "lang\0value\0": a framework has tens of
 * thousands of texts, and interning codes from a file would let a hostile
 * one grow the process for good. */
typedef struct {
  char       *lang;
  const char *value;   /* inside lang's block */
} TextEntry;

static void
entry_set (TextEntry  *entry,
           const char *lang,
           const char *value)
{
  gsize lang_size = strlen (lang) + 1;
  gsize value_size = strlen (value) + 1;
  char *block = g_malloc (lang_size + value_size);

  memcpy (block, lang, lang_size);
  memcpy (block + lang_size, value, value_size);
  g_free (entry->lang);
  entry->lang = block;
  entry->value = block + lang_size;
}

struct _MizanText {
  TextEntry  *entries;
  guint       n_entries;
  guint       n_allocated;
  GHashTable *index;    /* lang → 1 + position, once a text holds many languages */
};

/* Below this, scanning the entries beats hashing; above it, a file with
 * thousands of "languages" in one text must not make loading quadratic. */
#define INDEX_THRESHOLD 16

/* The position of @lang's entry, or -1. */
static gint
find_entry (const MizanText *text,
            const char      *lang)
{
  if (text->index != NULL)
    return GPOINTER_TO_INT (g_hash_table_lookup (text->index, lang)) - 1;

  for (guint i = 0; i < text->n_entries; i++)
    if (strcmp (text->entries[i].lang, lang) == 0)
      return i;
  return -1;
}

MizanText *
mizan_text_new (void)
{
  return g_new0 (MizanText, 1);
}

void
mizan_text_free (MizanText *text)
{
  if (text == NULL)
    return;

  for (guint i = 0; i < text->n_entries; i++)
    g_free (text->entries[i].lang);
  g_free (text->entries);
  g_clear_pointer (&text->index, g_hash_table_unref);
  g_free (text);
}

void
mizan_text_set (MizanText  *text,
                const char *lang,
                const char *value)
{
  gint i;

  g_return_if_fail (text != NULL);
  g_return_if_fail (lang != NULL && *lang != '\0');
  g_return_if_fail (value != NULL);

  i = find_entry (text, lang);
  if (i >= 0)
    {
      /* The index's key is the old block's lang: drop it first. */
      if (text->index != NULL)
        g_hash_table_remove (text->index, lang);
      entry_set (&text->entries[i], lang, value);
      if (text->index != NULL)
        g_hash_table_insert (text->index, text->entries[i].lang, GINT_TO_POINTER (i + 1));
      return;
    }

  if (text->n_entries == text->n_allocated)
    {
      /* Most texts hold one to three languages; start small. */
      text->n_allocated = MAX (2, text->n_allocated * 2);
      text->entries = g_renew (TextEntry, text->entries, text->n_allocated);
    }
  text->entries[text->n_entries] = (TextEntry) { NULL, NULL };
  entry_set (&text->entries[text->n_entries], lang, value);
  text->n_entries++;

  if (text->index != NULL)
    g_hash_table_insert (text->index, text->entries[text->n_entries - 1].lang,
                         GUINT_TO_POINTER (text->n_entries));
  else if (text->n_entries > INDEX_THRESHOLD)
    {
      text->index = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint j = 0; j < text->n_entries; j++)
        g_hash_table_insert (text->index, text->entries[j].lang, GUINT_TO_POINTER (j + 1));
    }
}

const char *
mizan_text_get (const MizanText *text,
                const char      *lang)
{
  gint i;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (lang != NULL, NULL);

  i = find_entry (text, lang);
  return i >= 0 ? text->entries[i].value : NULL;
}

/* Length of the language part of a locale name: "ar" in "ar_EG.UTF-8@x". */
static gsize
base_language_length (const char *lang)
{
  return strcspn (lang, "_.@");
}

/* Whether @entry_lang is exactly @a (@a_len bytes) followed by @b (@b_len bytes). */
static gboolean
lang_equals (const char *entry_lang,
             const char *a,
             gsize       a_len,
             const char *b,
             gsize       b_len)
{
  return strncmp (entry_lang, a, a_len) == 0 &&
         strncmp (entry_lang + a_len, b, b_len) == 0 &&
         entry_lang[a_len + b_len] == '\0';
}

/* The string for @lang without any fallback, most specific first as gettext
 * orders them: "sr_RS.UTF-8@latin" tries sr_RS@latin, sr@latin, sr_RS, sr
 * (the encoding says nothing about the language), then any regional
 * variant of the base language. */
static const char *
lookup_language (const MizanText *text,
                 const char      *lang)
{
  gsize base_len = base_language_length (lang);
  gsize territory_len = strcspn (lang, ".@");
  const char *modifier = strchr (lang, '@');
  gsize modifier_len = modifier != NULL ? strlen (modifier) : 0;

  if (base_len == 0)
    return NULL;

  if (modifier != NULL)
    {
      for (guint i = 0; i < text->n_entries; i++)
        if (lang_equals (text->entries[i].lang, lang, territory_len, modifier, modifier_len))
          return text->entries[i].value;
      for (guint i = 0; i < text->n_entries; i++)
        if (lang_equals (text->entries[i].lang, lang, base_len, modifier, modifier_len))
          return text->entries[i].value;
    }

  if (territory_len > base_len)
    for (guint i = 0; i < text->n_entries; i++)
      if (lang_equals (text->entries[i].lang, lang, territory_len, "", 0))
        return text->entries[i].value;

  for (guint i = 0; i < text->n_entries; i++)
    if (lang_equals (text->entries[i].lang, lang, base_len, "", 0))
      return text->entries[i].value;

  /* A Brazilian text still serves a reader who asked for "pt". */
  for (guint i = 0; i < text->n_entries; i++)
    {
      const char *entry_lang = text->entries[i].lang;

      if (base_language_length (entry_lang) == base_len &&
          strncmp (entry_lang, lang, base_len) == 0)
        return text->entries[i].value;
    }

  return NULL;
}

/* English, else whatever there is: a text built by hand may lack English,
 * and showing some text beats showing none. */
static const char *
fallback (const MizanText *text)
{
  const char *value = mizan_text_get (text, "en");

  if (value == NULL && text->n_entries > 0)
    value = text->entries[0].value;
  return value;
}

const char *
mizan_text_get_for (const MizanText *text,
                    const char      *lang)
{
  const char *value = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  if (lang != NULL)
    value = lookup_language (text, lang);
  return value != NULL ? value : fallback (text);
}

const char *
mizan_text_localized (const MizanText *text)
{
  const char * const *names;

  g_return_val_if_fail (text != NULL, NULL);

  names = g_get_language_names ();
  for (guint i = 0; names[i] != NULL; i++)
    {
      gsize base_len = base_language_length (names[i]);
      const char *value;

      /* "C", "C.UTF-8" and "POSIX" name no language: the fallback serves them. */
      if ((base_len == 1 && names[i][0] == 'C') ||
          (base_len == 5 && strncmp (names[i], "POSIX", 5) == 0))
        continue;

      value = lookup_language (text, names[i]);
      if (value != NULL)
        return value;
    }

  return fallback (text);
}

guint
mizan_text_get_n_langs (const MizanText *text)
{
  g_return_val_if_fail (text != NULL, 0);

  return text->n_entries;
}

void
mizan_text_get_nth (const MizanText  *text,
                    guint             i,
                    const char      **lang,
                    const char      **value)
{
  g_return_if_fail (text != NULL);
  g_return_if_fail (i < text->n_entries);

  if (lang != NULL)
    *lang = text->entries[i].lang;
  if (value != NULL)
    *value = text->entries[i].value;
}
