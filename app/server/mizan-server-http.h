/* mizan-server-http.h — the HTTP side of mizan-server: routes, authentication, limits, shutdown
 * One SoupServer per worker thread (worker 0 on the main loop); writes go to the store's writer thread and answer after commit. */
#pragma once

#include <gio/gio.h>

#include "mizan-server-model.h"
#include "mizan-server-store.h"

G_BEGIN_DECLS

#define MIZAN_SERVER_MAX_BODY (256 * 1024)

typedef struct {
  gsize    max_body;          /* bytes; larger bodies answer 413 */
  double   rate;              /* requests per second per token */
  double   burst;             /* bucket size per token */
  guint    request_timeout;   /* seconds from the first byte to the last of the answer */
  gboolean quiet;             /* no request log lines */
  gboolean allow_plain_http;  /* serve http on a non-loopback address (behind a TLS proxy) */
  guint    threads;           /* HTTP workers; 0: two per processor */
} MizanServerHttpOptions;

void mizan_server_http_options_init (MizanServerHttpOptions *options);

#define MIZAN_TYPE_SERVER_HTTP (mizan_server_http_get_type ())
G_DECLARE_FINAL_TYPE (MizanServerHttp, mizan_server_http, MIZAN, SERVER_HTTP, GObject)

MizanServerHttp *mizan_server_http_new    (MizanServerStore             *store,
                                           MizanServerModel             *model,
                                           const MizanServerHttpOptions *options);
/* @address is "HOST:PORT" with an IP address ("[::1]:8080"; "localhost"
 * means 127.0.0.1); port 0 picks a free one. With @certificate, https;
 * without, only a loopback address unless the options allow plain http. */
gboolean         mizan_server_http_listen (MizanServerHttp              *self,
                                           const char                   *address,
                                           GTlsCertificate              *certificate,
                                           GError                      **error);
/* Serves one connection that is already open on @stream, as if accepted
 * from 127.0.0.1: the same parsing, routing and answers without a socket
 * (the request fuzzer drives the server this way). */
gboolean         mizan_server_http_accept_stream (MizanServerHttp        *self,
                                                  GIOStream              *stream,
                                                  GError                **error);
/* "http://127.0.0.1:8080", the address actually bound. */
char            *mizan_server_http_get_url (MizanServerHttp             *self);
/* Worker threads serving (the main thread's counts as one). */
guint            mizan_server_http_get_n_workers (MizanServerHttp       *self);
/* Serves until SIGTERM or SIGINT, then stops accepting, finishes the
 * requests in flight, commits every accepted write and returns. Call it
 * from the thread whose thread-default main context made @self. */
void             mizan_server_http_run    (MizanServerHttp              *self);
/* Begins the same stop as a signal. */
void             mizan_server_http_stop   (MizanServerHttp              *self);

G_END_DECLS
