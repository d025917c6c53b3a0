/* mizan-server-metrics.h — counters of mizan-server for /metrics (Prometheus text format 0.0.4)
 * Requests by endpoint and status with their durations; gauges are passed in when rendering. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _MizanServerMetrics MizanServerMetrics;

typedef struct {
  guint  submissions_stored;   /* already coarsened by the caller */
  guint  k;
  guint  in_flight;
  guint  workers;
  guint  pending_writes;
  double uptime_seconds;
} MizanServerGauges;

MizanServerMetrics *mizan_server_metrics_new     (void);
void                mizan_server_metrics_free    (MizanServerMetrics      *self);
/* @method and @endpoint are fixed labels ("GET", "submissions", …): string
 * constants, kept by pointer, never copied. @status 0 for an aborted request. */
void                mizan_server_metrics_request (MizanServerMetrics      *self,
                                                  const char              *method,
                                                  const char              *endpoint,
                                                  guint                    status,
                                                  double                   seconds);
/* The counters of all @parts added up, then @gauges. */
char               *mizan_server_metrics_render  (MizanServerMetrics * const *parts,
                                                  guint                      n_parts,
                                                  const MizanServerGauges   *gauges);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MizanServerMetrics, mizan_server_metrics_free)

G_END_DECLS
