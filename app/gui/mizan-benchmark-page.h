/* mizan-benchmark-page.h — the Benchmark page: share the anonymized scores, and see them beside the peers'
 * Box plot per domain, filtered by sector, member state and size; a clear state when there are too few peers. */
#pragma once

#include <gtk/gtk.h>

#include "mizan-session.h"

G_BEGIN_DECLS

#define MIZAN_TYPE_BENCHMARK_PAGE (mizan_benchmark_page_get_type ())
G_DECLARE_FINAL_TYPE (MizanBenchmarkPage, mizan_benchmark_page, MIZAN, BENCHMARK_PAGE, GtkWidget)

void        mizan_benchmark_page_set_session (MizanBenchmarkPage *self,
                                              MizanSession       *session);
/* Asks the server again (after a filter or preference change). */
void        mizan_benchmark_page_refresh     (MizanBenchmarkPage *self);
/* "off", "loading", "error", "suppressed" or "chart". */
const char *mizan_benchmark_page_get_state   (MizanBenchmarkPage *self);

G_END_DECLS
