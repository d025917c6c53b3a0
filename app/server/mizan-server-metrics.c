/* mizan-server-metrics.c — counters of mizan-server for /metrics (Prometheus text format 0.0.4)
 * Labels come only from fixed lists (method, endpoint, status), so no caller can grow the series.
 * Each HTTP worker counts into a table of its own, under a lock no other worker takes; /metrics adds them up. */

#include "config.h"

#include <string.h>

#include "mizan-server-metrics.h"

typedef struct {
  const char *method;     /* string constants of the caller: never copied */
  const char *endpoint;
  guint       status;
  guint64     count;
  double      seconds;
} Counter;

struct _MizanServerMetrics
{
  GMutex      lock;
  GHashTable *requests;   /* Counter → itself, by method, endpoint and status */
};

static guint
counter_hash (gconstpointer key)
{
  const Counter *counter = key;

  return (g_str_hash (counter->method) * 31 + g_str_hash (counter->endpoint)) * 31 + counter->status;
}

static gboolean
counter_equal (gconstpointer a,
               gconstpointer b)
{
  const Counter *x = a, *y = b;

  return x->status == y->status && strcmp (x->method, y->method) == 0 && strcmp (x->endpoint, y->endpoint) == 0;
}

MizanServerMetrics *
mizan_server_metrics_new (void)
{
  MizanServerMetrics *self = g_new0 (MizanServerMetrics, 1);

  self->requests = g_hash_table_new_full (counter_hash, counter_equal, g_free, NULL);
  g_mutex_init (&self->lock);
  return self;
}

void
mizan_server_metrics_free (MizanServerMetrics *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->requests);
  g_mutex_clear (&self->lock);
  g_free (self);
}

/* Adds @count requests and @seconds to @key's series of @requests,
 * which it starts when missing. */
static void
counter_add (GHashTable    *requests,
             const Counter *key,
             guint64        count,
             double         seconds)
{
  Counter *counter = g_hash_table_lookup (requests, key);

  if (counter == NULL)
    {
      counter = g_memdup2 (key, sizeof *key);
      counter->count = 0;
      counter->seconds = 0.0;
      g_hash_table_add (requests, counter);
    }
  counter->count += count;
  counter->seconds += seconds;
}

/* Called once per request: a lookup, no allocation after the first of a series. */
void
mizan_server_metrics_request (MizanServerMetrics *self,
                              const char         *method,
                              const char         *endpoint,
                              guint               status,
                              double              seconds)
{
  Counter key = { method, endpoint, status, 0, 0.0 };
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->lock);

  counter_add (self->requests, &key, 1, seconds);
}

static int
compare_counters (gconstpointer a,
                  gconstpointer b)
{
  const Counter *x = *(const Counter * const *) a, *y = *(const Counter * const *) b;
  int order = strcmp (x->method, y->method);

  if (order == 0)
    order = strcmp (x->endpoint, y->endpoint);
  if (order == 0)
    order = (x->status > y->status) - (x->status < y->status);
  return order;
}

char *
mizan_server_metrics_render (MizanServerMetrics * const *parts,
                             guint                      n_parts,
                             const MizanServerGauges   *gauges)
{
  GString *out = g_string_new (NULL);
  g_autoptr(MizanServerMetrics) sum = mizan_server_metrics_new ();
  g_autoptr(GPtrArray) counters = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  for (guint i = 0; i < n_parts; i++)
    {
      g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&parts[i]->lock);

      g_hash_table_iter_init (&iter, parts[i]->requests);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        {
          const Counter *part = key;

          counter_add (sum->requests, part, part->count, part->seconds);
        }
    }

  g_hash_table_iter_init (&iter, sum->requests);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (counters, key);
  /* Sorted, so that two scrapes list the series in the same order. */
  g_ptr_array_sort (counters, compare_counters);

  g_string_append (out,
                   "# HELP mizan_http_requests_total HTTP requests answered, by method, endpoint and status (0: aborted).\n"
                   "# TYPE mizan_http_requests_total counter\n");
  for (guint i = 0; i < counters->len; i++)
    {
      const Counter *counter = g_ptr_array_index (counters, i);

      g_string_append_printf (out, "mizan_http_requests_total{method=\"%s\",endpoint=\"%s\",status=\"%u\"} %" G_GUINT64_FORMAT "\n",
                              counter->method, counter->endpoint, counter->status, counter->count);
    }

  g_string_append (out,
                   "# HELP mizan_http_request_duration_seconds_sum Time spent answering, by method and endpoint.\n"
                   "# TYPE mizan_http_request_duration_seconds_sum counter\n");
  for (guint i = 0; i < counters->len; i++)
    {
      const Counter *counter = g_ptr_array_index (counters, i);

      g_string_append_printf (out, "mizan_http_request_duration_seconds_sum{method=\"%s\",endpoint=\"%s\",status=\"%u\"} %s\n",
                              counter->method, counter->endpoint, counter->status,
                              g_ascii_formatd (number, sizeof number, "%.6f", counter->seconds));
    }

  g_string_append_printf (out,
                          "# HELP mizan_submissions_stored Submissions stored, rounded down to a multiple of k.\n"
                          "# TYPE mizan_submissions_stored gauge\n"
                          "mizan_submissions_stored %u\n"
                          "# HELP mizan_k_anonymity The k of k-anonymity this server applies.\n"
                          "# TYPE mizan_k_anonymity gauge\n"
                          "mizan_k_anonymity %u\n"
                          "# HELP mizan_http_requests_in_flight Requests being read, handled or answered.\n"
                          "# TYPE mizan_http_requests_in_flight gauge\n"
                          "mizan_http_requests_in_flight %u\n"
                          "# HELP mizan_store_pending_writes Writes waiting for their transaction to commit.\n"
                          "# TYPE mizan_store_pending_writes gauge\n"
                          "mizan_store_pending_writes %u\n"
                          "# HELP mizan_http_workers Threads answering HTTP requests.\n"
                          "# TYPE mizan_http_workers gauge\n"
                          "mizan_http_workers %u\n",
                          gauges->submissions_stored, gauges->k, gauges->in_flight, gauges->pending_writes,
                          gauges->workers);
  g_string_append_printf (out,
                          "# HELP mizan_uptime_seconds Seconds since the server started.\n"
                          "# TYPE mizan_uptime_seconds gauge\n"
                          "mizan_uptime_seconds %s\n",
                          g_ascii_formatd (number, sizeof number, "%.3f", gauges->uptime_seconds));
  return g_string_free (out, FALSE);
}
