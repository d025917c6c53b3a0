/* mizan-translation.c — one gettext catalog in one chosen language, whatever the user's
 * A reader of GNU .mo files (the format gettext compiles to): a table of msgid → msgstr. */

#include "config.h"

#include <string.h>

#include "mizan-translation.h"

#define MO_MAGIC 0x950412deU
#define MO_MAGIC_SWAPPED 0xde120495U

struct _MizanTranslation {
  GBytes     *data;      /* the whole file; keys and values point into it */
  GHashTable *strings;   /* msgid → msgstr, both NUL-terminated inside data */
};

static gboolean
read_u32 (const guint8 *base,
          gsize         size,
          gsize         offset,
          gboolean      swapped,
          guint32      *value)
{
  guint32 v;

  if (offset > size || size - offset < 4)
    return FALSE;
  memcpy (&v, base + offset, 4);
  *value = swapped ? GUINT32_SWAP_LE_BE (v) : v;
  return TRUE;
}

/* A string of the file that lies inside it and ends with its NUL. */
static const char *
read_string (const guint8 *base,
             gsize         size,
             gsize         table,
             guint32       i,
             gboolean      swapped)
{
  guint32 length, offset;

  if (!read_u32 (base, size, table + 8 * (gsize) i, swapped, &length) ||
      !read_u32 (base, size, table + 8 * (gsize) i + 4, swapped, &offset))
    return NULL;
  if ((gsize) offset > size || size - offset <= length || base[(gsize) offset + length] != '\0')
    return NULL;
  return (const char *) base + offset;
}

static gboolean
load (MizanTranslation *self,
      const char       *path)
{
  g_autoptr(GMappedFile) file = g_mapped_file_new (path, FALSE, NULL);
  const guint8 *base;
  gsize size;
  guint32 magic, revision, n, originals, translations;
  gboolean swapped;

  if (file == NULL)
    return FALSE;
  self->data = g_mapped_file_get_bytes (file);
  base = g_bytes_get_data (self->data, &size);
  if (!read_u32 (base, size, 0, FALSE, &magic) || (magic != MO_MAGIC && magic != MO_MAGIC_SWAPPED))
    goto invalid;
  swapped = magic == MO_MAGIC_SWAPPED;
  if (!read_u32 (base, size, 4, swapped, &revision) || (revision >> 16) > 1 ||
      !read_u32 (base, size, 8, swapped, &n) ||
      !read_u32 (base, size, 12, swapped, &originals) ||
      !read_u32 (base, size, 16, swapped, &translations))
    goto invalid;

  for (guint32 i = 0; i < n; i++)
    {
      const char *msgid = read_string (base, size, originals, i, swapped);
      const char *msgstr = read_string (base, size, translations, i, swapped);

      if (msgid == NULL || msgstr == NULL)
        goto invalid;
      /* The header (empty msgid) and untranslated entries are left out; a
       * plural entry is found by its singular and gives its first form. */
      if (*msgid != '\0' && *msgstr != '\0')
        g_hash_table_insert (self->strings, (gpointer) msgid, (gpointer) msgstr);
    }
  return TRUE;

invalid:
  g_warning ("%s is not a valid gettext catalog; its strings are left untranslated", path);
  g_hash_table_remove_all (self->strings);
  g_clear_pointer (&self->data, g_bytes_unref);
  return FALSE;
}

MizanTranslation *
mizan_translation_new (const char *domain,
                       const char *lang,
                       const char *localedir)
{
  MizanTranslation *self = g_new0 (MizanTranslation, 1);
  g_autofree char *base_lang = NULL;
  g_autofree char *mo = NULL;
  const char *candidates[2];

  g_return_val_if_fail (domain != NULL, self);

  self->strings = g_hash_table_new (g_str_hash, g_str_equal);
  if (lang == NULL || *lang == '\0' || strchr (lang, '/') != NULL)
    return self;

  if (localedir == NULL)
    localedir = g_getenv ("MIZAN_LOCALEDIR");
  if (localedir == NULL || *localedir == '\0')
    localedir = LOCALEDIR;

  /* "ar_EG.UTF-8" → "ar_EG", then "ar" */
  base_lang = g_strndup (lang, strcspn (lang, ".@"));
  candidates[0] = base_lang;
  candidates[1] = NULL;
  if (strchr (base_lang, '_') != NULL)
    candidates[1] = g_strndup (base_lang, strcspn (base_lang, "_"));

  mo = g_strconcat (domain, ".mo", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (candidates) && candidates[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (localedir, candidates[i], "LC_MESSAGES", mo, NULL);

      if (load (self, path))
        break;
    }
  g_free ((char *) candidates[1]);
  return self;
}

void
mizan_translation_free (MizanTranslation *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->strings);
  g_clear_pointer (&self->data, g_bytes_unref);
  g_free (self);
}

const char *
mizan_translation_get (MizanTranslation *self,
                       const char       *msgid)
{
  const char *msgstr;

  g_return_val_if_fail (msgid != NULL, NULL);

  if (self == NULL)
    return msgid;
  msgstr = g_hash_table_lookup (self->strings, msgid);
  return msgstr != NULL ? msgstr : msgid;
}

gboolean
mizan_translation_is_loaded (MizanTranslation *self)
{
  return self != NULL && self->data != NULL;
}
