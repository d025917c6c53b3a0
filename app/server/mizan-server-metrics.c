/* mizan-server-metrics.c — counters of mizan-server for /metrics (Prometheus text format 0.0.4)
 * Labels come only from fixed lists (method, endpoint, status), so no caller can grow the series. */

#include "config.h"

#include "mizan-server-metrics.h"

typedef struct {
  guint64 count;
  double  seconds;
} Counter;

struct _MizanServerMetrics
{
  GHashTable *requests;   /* "method\tendpoint\tstatus" → Counter */
};

MizanServerMetrics *
mizan_server_metrics_new (void)
{
  MizanServerMetrics *self = g_new0 (MizanServerMetrics, 1);

  self->requests = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return self;
}

void
mizan_server_metrics_free (MizanServerMetrics *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->requests);
  g_free (self);
}

void
mizan_server_metrics_request (MizanServerMetrics *self,
                              const char         *method,
                              const char         *endpoint,
                              guint               status,
                              double              seconds)
{
  g_autofree char *key = g_strdup_printf ("%s\t%s\t%u", method, endpoint, status);
  Counter *counter = g_hash_table_lookup (self->requests, key);

  if (counter == NULL)
    {
      counter = g_new0 (Counter, 1);
      g_hash_table_insert (self->requests, g_steal_pointer (&key), counter);
    }
  counter->count++;
  counter->seconds += seconds;
}

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

char *
mizan_server_metrics_render (MizanServerMetrics      *self,
                             const MizanServerGauges *gauges)
{
  GString *out = g_string_new (NULL);
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  g_hash_table_iter_init (&iter, self->requests);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (keys, key);
  /* Sorted, so that two scrapes list the series in the same order. */
  g_ptr_array_sort (keys, compare_keys);

  g_string_append (out,
                   "# HELP mizan_http_requests_total HTTP requests answered, by method, endpoint and status (0: aborted).\n"
                   "# TYPE mizan_http_requests_total counter\n");
  for (guint i = 0; i < keys->len; i++)
    {
      g_auto(GStrv) parts = g_strsplit (g_ptr_array_index (keys, i), "\t", 3);
      Counter *counter = g_hash_table_lookup (self->requests, g_ptr_array_index (keys, i));

      g_string_append_printf (out, "mizan_http_requests_total{method=\"%s\",endpoint=\"%s\",status=\"%s\"} %" G_GUINT64_FORMAT "\n",
                              parts[0], parts[1], parts[2], counter->count);
    }

  g_string_append (out,
                   "# HELP mizan_http_request_duration_seconds_sum Time spent answering, by method and endpoint.\n"
                   "# TYPE mizan_http_request_duration_seconds_sum counter\n");
  for (guint i = 0; i < keys->len; i++)
    {
      g_auto(GStrv) parts = g_strsplit (g_ptr_array_index (keys, i), "\t", 3);
      Counter *counter = g_hash_table_lookup (self->requests, g_ptr_array_index (keys, i));

      g_string_append_printf (out, "mizan_http_request_duration_seconds_sum{method=\"%s\",endpoint=\"%s\",status=\"%s\"} %s\n",
                              parts[0], parts[1], parts[2],
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
                          "mizan_store_pending_writes %u\n",
                          gauges->submissions_stored, gauges->k, gauges->in_flight, gauges->pending_writes);
  g_string_append_printf (out,
                          "# HELP mizan_uptime_seconds Seconds since the server started.\n"
                          "# TYPE mizan_uptime_seconds gauge\n"
                          "mizan_uptime_seconds %s\n",
                          g_ascii_formatd (number, sizeof number, "%.3f", gauges->uptime_seconds));
  return g_string_free (out, FALSE);
}
