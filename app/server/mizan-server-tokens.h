/* mizan-server-tokens.h — bearer tokens: made from the system's random source, kept only as hashes
 * And the per-token rate limit (a token bucket) that every authenticated request passes. */
#pragma once

#include <glib.h>

#include "mizan-server-store.h"

G_BEGIN_DECLS

#define MIZAN_SERVER_TOKEN_BYTES 32

/* 32 random bytes (getrandom), base64url without padding: 43 characters. */
char     *mizan_server_token_generate (GError       **error);
/* SHA-256 of the token text into @hash (MIZAN_SERVER_TOKEN_HASH_SIZE bytes). */
void      mizan_server_token_hash     (const char    *token,
                                       guint8        *hash);
/* The token of an "Authorization: Bearer …" value, or NULL. */
char     *mizan_server_token_from_authorization (const char *header);

typedef struct _MizanRateLimiter MizanRateLimiter;

/* @rate tokens per second refill a bucket of @burst. */
MizanRateLimiter *mizan_rate_limiter_new   (double            rate,
                                            double            burst);
void              mizan_rate_limiter_free  (MizanRateLimiter *self);
/* Takes one from @key's bucket at @now_us (monotonic µs); FALSE and the
 * seconds until one is available when it is empty. */
gboolean          mizan_rate_limiter_take  (MizanRateLimiter *self,
                                            gint64            key,
                                            gint64            now_us,
                                            double           *retry_after);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MizanRateLimiter, mizan_rate_limiter_free)

G_END_DECLS
