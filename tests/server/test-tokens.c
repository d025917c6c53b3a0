/* test-tokens.c — the bearer tokens and the per-token rate limit of mizan-server
 * The limit against a plain token bucket worked out by hand, and under workers taking from one bucket at once. */

#include "config.h"

#include <math.h>
#include <string.h>

#include "mizan-server-tokens.h"

#define SECOND ((gint64) G_USEC_PER_SEC)

static void
test_token_shape_and_hash (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *a = mizan_server_token_generate (&error);
  g_autofree char *b = mizan_server_token_generate (&error);
  g_autofree char *bearer = NULL;
  g_autofree char *from_header = NULL;
  guint8 hash_a[MIZAN_SERVER_TOKEN_HASH_SIZE], hash_again[MIZAN_SERVER_TOKEN_HASH_SIZE];

  g_assert_no_error (error);
  g_assert_cmpuint (strlen (a), ==, 43);
  g_assert_cmpstr (a, !=, b);
  for (const char *p = a; *p != '\0'; p++)
    g_assert_true (g_ascii_isalnum (*p) || *p == '-' || *p == '_');

  mizan_server_token_hash (a, hash_a);
  mizan_server_token_hash (a, hash_again);
  g_assert_cmpmem (hash_a, sizeof hash_a, hash_again, sizeof hash_again);

  bearer = g_strconcat ("Bearer ", a, NULL);
  from_header = mizan_server_token_from_authorization (bearer);
  g_assert_cmpstr (from_header, ==, a);
  g_assert_null (mizan_server_token_from_authorization (NULL));
  g_assert_null (mizan_server_token_from_authorization ("Basic dXNlcjpwYXNz"));
}

/* rate 2 a second, burst 3: three at once, then one every half second. */
static void
test_rate_limit_bucket (void)
{
  g_autoptr(MizanRateLimiter) limiter = mizan_rate_limiter_new (2.0, 3.0);
  gint64 t0 = g_get_monotonic_time ();
  double retry = -1.0;

  for (int i = 0; i < 3; i++)
    g_assert_true (mizan_rate_limiter_take (limiter, 1, t0, &retry));
  g_assert_false (mizan_rate_limiter_take (limiter, 1, t0, &retry));
  g_assert_cmpfloat_with_epsilon (retry, 0.5, 1e-6);

  /* Another key has a bucket of its own. */
  g_assert_true (mizan_rate_limiter_take (limiter, 2, t0, NULL));

  /* 0.4 s later still nothing; at 0.5 s one, and then none again. */
  g_assert_false (mizan_rate_limiter_take (limiter, 1, t0 + SECOND * 4 / 10, &retry));
  g_assert_cmpfloat_with_epsilon (retry, 0.1, 1e-6);
  g_assert_true (mizan_rate_limiter_take (limiter, 1, t0 + SECOND / 2, NULL));
  g_assert_false (mizan_rate_limiter_take (limiter, 1, t0 + SECOND / 2, NULL));

  /* A long pause fills the bucket up to the burst, not beyond. */
  for (int i = 0; i < 3; i++)
    g_assert_true (mizan_rate_limiter_take (limiter, 1, t0 + 100 * SECOND, NULL));
  g_assert_false (mizan_rate_limiter_take (limiter, 1, t0 + 100 * SECOND, NULL));
}

/* A burst that is not whole: 1.5 means one now and the next after half a token. */
static void
test_rate_limit_fractional_burst (void)
{
  g_autoptr(MizanRateLimiter) limiter = mizan_rate_limiter_new (1.0, 1.5);
  gint64 t0 = g_get_monotonic_time ();
  double retry = -1.0;

  g_assert_true (mizan_rate_limiter_take (limiter, 7, t0, NULL));
  g_assert_false (mizan_rate_limiter_take (limiter, 7, t0, &retry));
  g_assert_cmpfloat_with_epsilon (retry, 0.5, 1e-6);
  g_assert_true (mizan_rate_limiter_take (limiter, 7, t0 + SECOND / 2, NULL));
}

/* Rate 0: the burst is all a token ever gets. */
static void
test_rate_limit_zero_rate (void)
{
  g_autoptr(MizanRateLimiter) limiter = mizan_rate_limiter_new (0.0, 4.0);
  gint64 t0 = g_get_monotonic_time ();
  double retry = -1.0;

  for (int i = 0; i < 4; i++)
    g_assert_true (mizan_rate_limiter_take (limiter, 1, t0 + i * 1000 * SECOND, NULL));
  g_assert_false (mizan_rate_limiter_take (limiter, 1, t0 + 1000000 * SECOND, &retry));
  g_assert_cmpfloat (retry, >=, 1.0);
}

typedef struct {
  MizanRateLimiter *limiter;
  gint64            now;
  int               passed;   /* atomic */
} Race;

static gpointer
take_many (gpointer data)
{
  Race *race = data;

  for (int i = 0; i < 20000; i++)
    if (mizan_rate_limiter_take (race->limiter, 42, race->now, NULL))
      g_atomic_int_inc (&race->passed);
  return NULL;
}

/* Workers taking from one bucket at once: exactly the burst passes, none
 * counted twice or lost. */
static void
test_rate_limit_concurrent_takes (void)
{
  g_autoptr(MizanRateLimiter) limiter = mizan_rate_limiter_new (0.0, 5000.0);
  Race race = { limiter, g_get_monotonic_time (), 0 };
  GThread *threads[4];

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("taker", take_many, &race);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_thread_join (threads[i]);
  g_assert_cmpint (race.passed, ==, 5000);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tokens/shape-and-hash", test_token_shape_and_hash);
  g_test_add_func ("/tokens/rate-limit/bucket", test_rate_limit_bucket);
  g_test_add_func ("/tokens/rate-limit/fractional-burst", test_rate_limit_fractional_burst);
  g_test_add_func ("/tokens/rate-limit/zero-rate", test_rate_limit_zero_rate);
  g_test_add_func ("/tokens/rate-limit/concurrent-takes", test_rate_limit_concurrent_takes);
  return g_test_run ();
}
