/* mizan-translation.h — one gettext catalog in one chosen language, whatever the user's
 * Reads the compiled .mo file itself, so a report can be written in Arabic from an English session. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _MizanTranslation MizanTranslation;

/* The catalog of @domain for @lang ("ar", "fr", "ar_EG" — the part before "_"
 * is tried too) under @localedir/LANG/LC_MESSAGES/DOMAIN.mo; @localedir NULL
 * means $MIZAN_LOCALEDIR when set (the build tree), else Mizan's LOCALEDIR.
 * Never fails: without a catalog (English, or a language not translated yet)
 * every string is its own translation. */
MizanTranslation *mizan_translation_new      (const char       *domain,
                                              const char       *lang,
                                              const char       *localedir);
void              mizan_translation_free     (MizanTranslation *self);
/* The translation of @msgid, or @msgid itself; valid while @self lives. */
const char       *mizan_translation_get      (MizanTranslation *self,
                                              const char       *msgid) G_GNUC_FORMAT (2);
/* TRUE when a catalog was found and read. */
gboolean          mizan_translation_is_loaded (MizanTranslation *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MizanTranslation, mizan_translation_free)

G_END_DECLS
