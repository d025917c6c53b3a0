/* mizan-server-tokens.c — bearer tokens: made from the system's random source, kept only as hashes
 * GLib's g_random is not for secrets, so the bytes come from getrandom(2). */

#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/random.h>

#include <glib/gi18n-lib.h>

#include "mizan-server-tokens.h"

char *
mizan_server_token_generate (GError **error)
{
  guint8 bytes[MIZAN_SERVER_TOKEN_BYTES];
  gsize filled = 0;
  g_autofree char *base64 = NULL;

  while (filled < sizeof bytes)
    {
      ssize_t n = getrandom (bytes + filled, sizeof bytes - filled, 0);

      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno),
                       _("Could not read random bytes for the token: %s."), g_strerror (errno));
          return NULL;
        }
      filled += (gsize) n;
    }

  base64 = g_base64_encode (bytes, sizeof bytes);
  memset (bytes, 0, sizeof bytes);

  /* base64url (RFC 4648 §5): safe in headers and shells, no padding. */
  for (char *p = base64; *p != '\0'; p++)
    {
      if (*p == '+')
        *p = '-';
      else if (*p == '/')
        *p = '_';
      else if (*p == '=')
        {
          *p = '\0';
          break;
        }
    }
  return g_steal_pointer (&base64);
}

void
mizan_server_token_hash (const char *token,
                         guint8     *hash)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  gsize length = MIZAN_SERVER_TOKEN_HASH_SIZE;

  g_checksum_update (checksum, (const guchar *) token, (gssize) strlen (token));
  g_checksum_get_digest (checksum, hash, &length);
}

char *
mizan_server_token_from_authorization (const char *header)
{
  const char *p;
  gsize length;

  if (header == NULL || g_ascii_strncasecmp (header, "Bearer ", 7) != 0)
    return NULL;

  p = header + 7;
  while (*p == ' ')
    p++;
  length = strlen (p);
  while (length > 0 && p[length - 1] == ' ')
    length--;
  /* Anything but a plausible token is refused before it is hashed. */
  if (length == 0 || length > 256)
    return NULL;
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isalnum (p[i]) && p[i] != '-' && p[i] != '_')
      return NULL;
  return g_strndup (p, length);
}

/* Rate limit -------------------------------------------------------------- */

typedef struct {
  double level;
  gint64 updated_us;
} Bucket;

/* Thread-safe: every HTTP worker takes from the same buckets. */
struct _MizanRateLimiter
{
  GMutex      lock;
  double      rate;
  double      burst;
  GHashTable *buckets;   /* gint64 key → Bucket */
};

MizanRateLimiter *
mizan_rate_limiter_new (double rate,
                        double burst)
{
  MizanRateLimiter *self = g_new0 (MizanRateLimiter, 1);

  self->rate = MAX (rate, 0.0);
  self->burst = MAX (burst, 1.0);
  self->buckets = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_mutex_init (&self->lock);
  return self;
}

void
mizan_rate_limiter_free (MizanRateLimiter *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->buckets);
  g_mutex_clear (&self->lock);
  g_free (self);
}

gboolean
mizan_rate_limiter_take (MizanRateLimiter *self,
                         gint64            key,
                         gint64            now_us,
                         double           *retry_after)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->lock);
  Bucket *bucket = g_hash_table_lookup (self->buckets, &key);

  if (bucket == NULL)
    {
      gint64 *stored_key = g_new (gint64, 1);

      *stored_key = key;
      bucket = g_new (Bucket, 1);
      bucket->level = self->burst;
      bucket->updated_us = now_us;
      g_hash_table_insert (self->buckets, stored_key, bucket);
    }

  bucket->level = MIN (self->burst, bucket->level + self->rate * (double) (now_us - bucket->updated_us) / G_USEC_PER_SEC);
  bucket->updated_us = now_us;

  if (bucket->level >= 1.0)
    {
      bucket->level -= 1.0;
      return TRUE;
    }

  if (retry_after != NULL)
    *retry_after = self->rate > 0.0 ? (1.0 - bucket->level) / self->rate : 3600.0;
  return FALSE;
}
