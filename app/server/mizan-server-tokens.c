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

/* A token bucket kept as one number, so that workers update it with a
 * compare-and-swap and never wait for each other: the bucket's debt
 * horizon, in requests, on a clock that counts rate requests a second
 * (GCRA, the generic cell rate algorithm). A request may pass when its
 * token has taken no more than burst − 1 requests ahead of that clock; it
 * then moves the horizon on by one. With rate 0 the clock stands still,
 * and a token has burst requests for the server's lifetime. */
typedef struct {
  gint64 horizon;   /* a double's bits, read and written atomically */
} Bucket;

struct _MizanRateLimiter
{
  double      rate;
  double      burst;
  gint64      epoch_us;
  GRWLock     lock;      /* covers buckets: found under the reader lock, added under the writer lock */
  GHashTable *buckets;   /* gint64 key → Bucket */
};

MizanRateLimiter *
mizan_rate_limiter_new (double rate,
                        double burst)
{
  MizanRateLimiter *self = g_new0 (MizanRateLimiter, 1);

  self->rate = MAX (rate, 0.0);
  self->burst = MAX (burst, 1.0);
  self->epoch_us = g_get_monotonic_time ();
  self->buckets = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_rw_lock_init (&self->lock);
  return self;
}

void
mizan_rate_limiter_free (MizanRateLimiter *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->buckets);
  g_rw_lock_clear (&self->lock);
  g_free (self);
}

static Bucket *
get_bucket (MizanRateLimiter *self,
            gint64            key)
{
  Bucket *bucket;

  g_rw_lock_reader_lock (&self->lock);
  bucket = g_hash_table_lookup (self->buckets, &key);
  g_rw_lock_reader_unlock (&self->lock);
  if (bucket != NULL)
    return bucket;

  g_rw_lock_writer_lock (&self->lock);
  bucket = g_hash_table_lookup (self->buckets, &key);
  if (bucket == NULL)
    {
      double empty = -G_MAXDOUBLE;

      bucket = g_new (Bucket, 1);
      memcpy (&bucket->horizon, &empty, sizeof empty);
      g_hash_table_insert (self->buckets, g_memdup2 (&key, sizeof key), bucket);
    }
  g_rw_lock_writer_unlock (&self->lock);
  return bucket;
}

gboolean
mizan_rate_limiter_take (MizanRateLimiter *self,
                         gint64            key,
                         gint64            now_us,
                         double           *retry_after)
{
  Bucket *bucket = get_bucket (self, key);
  /* Counted from the limiter's start, so that the clock stays small enough
   * for a double to count single requests exactly. */
  double clock = self->rate * (double) (now_us - self->epoch_us) / G_USEC_PER_SEC;
  gint64 old_bits, new_bits;
  double horizon, ahead;

  old_bits = __atomic_load_n (&bucket->horizon, __ATOMIC_ACQUIRE);
  do
    {
      memcpy (&horizon, &old_bits, sizeof horizon);
      horizon = MAX (horizon, clock);
      ahead = horizon - clock;
      /* With room for rounding: ahead is a difference of two sums. */
      if (ahead > self->burst - 1.0 + 1e-9)
        {
          if (retry_after != NULL)
            *retry_after = self->rate > 0.0 ? (ahead - (self->burst - 1.0)) / self->rate : 3600.0;
          return FALSE;
        }
      horizon += 1.0;
      memcpy (&new_bits, &horizon, sizeof new_bits);
    }
  while (!__atomic_compare_exchange_n (&bucket->horizon, &old_bits, new_bits, TRUE,
                                       __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE));
  return TRUE;
}
