/* mizan-text.h — localized text of a framework file
 * A text is one string per language code; lookups fall back to English. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _MizanText MizanText;

MizanText  *mizan_text_new          (void);
void        mizan_text_free         (MizanText       *text);
void        mizan_text_set          (MizanText       *text,
                                     const char      *lang,
                                     const char      *value);
/* The string for exactly @lang, or NULL. */
const char *mizan_text_get          (const MizanText *text,
                                     const char      *lang);
/* The string for @lang ("ar", "ar_EG.UTF-8" and "ar_EG" all match "ar"), else English. */
const char *mizan_text_get_for      (const MizanText *text,
                                     const char      *lang);
/* The string in the user's first language that has one (LANGUAGE, LC_ALL,
 * LC_MESSAGES, LANG, as g_get_language_names() orders them), else English. */
const char *mizan_text_localized    (const MizanText *text);
guint       mizan_text_get_n_langs  (const MizanText *text);
/* The @i-th (language, string) pair, in the order they were set. */
void        mizan_text_get_nth      (const MizanText *text,
                                     guint            i,
                                     const char     **lang,
                                     const char     **value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MizanText, mizan_text_free)

G_END_DECLS
