/* mizan-server-http.c — the HTTP side of mizan-server: routes, authentication, limits, shutdown
 * One SoupServer per worker thread, each on its own SO_REUSEPORT socket; a write is answered only once it is committed. */

#include "config.h"

#include <glib-unix.h>
#include <math.h>
#include <signal.h>
#include <string.h>

#include <gio/gnetworking.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "mizan-aggregate.h"
#include "mizan-countries.h"
#include "mizan-server-http.h"
#include "mizan-server-metrics.h"
#include "mizan-server-socket.h"
#include "mizan-server-tokens.h"
#include "mizan-server-validate.h"

#define SUBMISSIONS_PATH "/api/v1/submissions"
/* RFC 6585; libsoup 3.2 has no name for it. */
#define STATUS_TOO_MANY_REQUESTS 429
/* Time the in-flight requests get after SIGTERM beyond one request timeout. */
#define STOP_GRACE_SECONDS 5
#define MAX_WORKERS 64

/* One SoupServer and the thread that runs it. Worker 0 runs on the main
 * context of the thread that made the server (signals, stop); the others
 * each on a thread and main context of their own. Everything in a worker
 * is touched only from its thread, but in_flight (atomic, added up by the
 * main thread), metrics (under its own lock, added up by /metrics) and
 * the listener's descriptor (shut down by the main thread on SIGTERM). */
typedef struct {
  MizanServerHttp *self;
  GMainContext    *context;
  GMainLoop       *loop;        /* workers 1… */
  GThread         *thread;      /* workers 1… */
  SoupServer      *server;
  GSocket         *listener;      /* its listening socket, once listening */

  /* Every request and every idle keep-alive connection has the same
   * timeout, so each queue is in the order of its deadlines; one timer a
   * second closes what is due, where a timer each would cost more. */
  GQueue           requests_due;  /* Request, by deadline */
  GQueue           idle_due;      /* IdleWatch, by deadline, of connections between requests */
  GSource         *sweep;
  int              in_flight;     /* atomic */
  MizanServerMetrics *metrics;    /* this worker's counts: no lock shared with the others */
} Worker;

struct _MizanServerHttp
{
  GObject                 parent_instance;

  MizanServerStore       *store;
  MizanServerModel       *model;
  MizanServerHttpOptions  options;
  MizanRateLimiter       *limiter;
  GMainContext           *main_context;
  GMainLoop              *loop;
  gint64                  started_us;
  gboolean                https;

  GPtrArray              *workers;   /* Worker; worker 0 always exists */
  int                     stopping;  /* atomic: read by every worker */
  gboolean                stopped;
  guint                   stop_deadline_id;
  guint                   sigterm_id;
  guint                   sigint_id;
};

G_DEFINE_FINAL_TYPE (MizanServerHttp, mizan_server_http, G_TYPE_OBJECT)

/* What we keep about one request, for as long as libsoup keeps its message. */
typedef struct {
  Worker            *worker;
  SoupServerMessage *msg;
  gint64             started_us;
  GByteArray        *body;
  gboolean           collect;     /* only a submission's body is worth keeping */
  gboolean           too_large;
  gboolean           active;      /* its headers were read: it counts as in flight */
  gboolean           done;
  const char        *endpoint;    /* metrics and log label */
  GList              due;         /* in worker->requests_due while it can time out */
  gint64             deadline_us;
} Request;

static void check_stopped (MizanServerHttp *self);
static void notify_stop_progress (MizanServerHttp *self);
static void on_got_chunk (SoupServerMessage *msg,
                          GBytes            *chunk,
                          gpointer           user_data);

void
mizan_server_http_options_init (MizanServerHttpOptions *options)
{
  options->max_body = MIZAN_SERVER_MAX_BODY;
  options->rate = 10.0;
  options->burst = 100.0;
  options->request_timeout = 30;
  options->quiet = FALSE;
  options->allow_plain_http = FALSE;
  options->threads = 0;
}

static gboolean
is_stopping (MizanServerHttp *self)
{
  return g_atomic_int_get (&self->stopping) != 0;
}

static guint
count_in_flight (MizanServerHttp *self)
{
  guint n = 0;

  for (guint i = 0; i < self->workers->len; i++)
    n += (guint) g_atomic_int_get (&((Worker *) g_ptr_array_index (self->workers, i))->in_flight);
  return n;
}

/* Takes @link out of @queue if it is in: a link is in its queue while
 * its data is set. */
static void
due_remove (GQueue *queue,
            GList  *link)
{
  if (link->data == NULL)
    return;
  g_queue_unlink (queue, link);
  link->data = NULL;
}

static void
request_unwatch (Request *req)
{
  due_remove (&req->worker->requests_due, &req->due);
}

static void
request_free (Request *req)
{
  request_unwatch (req);
  g_clear_pointer (&req->body, g_byte_array_unref);
  g_free (req);
}

/* A quark made once: g_object_get_data() would look the name up under
 * GLib's global quark lock, twice a request, on every worker. */
G_DEFINE_QUARK (mizan-request, request)

static Request *
get_request (SoupServerMessage *msg)
{
  return g_object_get_qdata (G_OBJECT (msg), request_quark ());
}

/* Answers ----------------------------------------------------------------- */

static void
set_common_headers (SoupServerMessage *msg)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);

  /* Answers depend on the token; no cache between client and server may keep them. */
  soup_message_headers_replace (headers, "Cache-Control", "no-store");
  soup_message_headers_replace (headers, "X-Content-Type-Options", "nosniff");
}

static void
respond_bytes (SoupServerMessage *msg,
               guint              status,
               const char        *content_type,
               GBytes            *bytes)
{
  SoupMessageBody *body = soup_server_message_get_response_body (msg);

  soup_server_message_set_status (msg, status, NULL);
  set_common_headers (msg);
  soup_message_body_truncate (body);
  if (bytes != NULL)
    {
      soup_message_headers_set_content_type (soup_server_message_get_response_headers (msg), content_type, NULL);
      soup_message_body_append_bytes (body, bytes);
    }
  soup_message_body_complete (body);
}

static void
respond_json (SoupServerMessage *msg,
              guint              status,
              JsonBuilder       *builder)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  char *text = json_to_string (root, FALSE);
  g_autoptr(GBytes) bytes = g_bytes_new_take (text, strlen (text));

  respond_bytes (msg, status, "application/json", bytes);
}

/* {"error": {"code", "message", "field"}}; field is null when the fault has no place. */
static void
respond_error (SoupServerMessage *msg,
               guint              status,
               const char        *code,
               const char        *message,
               const char        *field)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "error");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "code");
  json_builder_add_string_value (builder, code);
  json_builder_set_member_name (builder, "message");
  json_builder_add_string_value (builder, message);
  json_builder_set_member_name (builder, "field");
  if (field != NULL)
    json_builder_add_string_value (builder, field);
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  respond_json (msg, status, builder);
}

static void
respond_method_not_allowed (SoupServerMessage *msg,
                            const char        *allow)
{
  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Allow", allow);
  respond_error (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, "method_not_allowed",
                 "This method is not allowed here.", NULL);
}

/* Authentication and rate limit ------------------------------------------ */

static MizanServerToken *
authenticate (MizanServerHttp   *self,
              SoupServerMessage *msg)
{
  const char *header = soup_message_headers_get_one (soup_server_message_get_request_headers (msg), "Authorization");
  g_autofree char *token = mizan_server_token_from_authorization (header);
  guint8 hash[MIZAN_SERVER_TOKEN_HASH_SIZE];
  g_autoptr(GError) error = NULL;
  g_autoptr(MizanServerToken) found = NULL;

  if (token != NULL)
    {
      mizan_server_token_hash (token, hash);
      found = mizan_server_store_find_token (self->store, hash, &error);
      if (error != NULL)
        {
          g_warning ("Token lookup failed: %s", error->message);
          respond_error (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, "storage_failed",
                         "The server could not check the token; try again later.", NULL);
          return NULL;
        }
    }

  /* Missing, unknown and revoked answer alike: nothing to learn by probing. */
  if (found == NULL || found->revoked != 0)
    {
      soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                    "WWW-Authenticate", "Bearer realm=\"mizan\"");
      respond_error (msg, SOUP_STATUS_UNAUTHORIZED, "unauthorized",
                     "A valid bearer token is required (Authorization: Bearer TOKEN).", NULL);
      return NULL;
    }
  return g_steal_pointer (&found);
}

static gboolean
check_rate (MizanServerHttp   *self,
            SoupServerMessage *msg,
            MizanServerToken  *token)
{
  double retry_after = 0.0;
  g_autofree char *seconds = NULL;

  if (mizan_rate_limiter_take (self->limiter, token->id, g_get_monotonic_time (), &retry_after))
    return TRUE;

  seconds = g_strdup_printf ("%d", (int) MAX (1.0, ceil (retry_after)));
  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Retry-After", seconds);
  respond_error (msg, STATUS_TOO_MANY_REQUESTS, "rate_limited",
                 "Too many requests with this token; retry after the time in Retry-After.", NULL);
  return FALSE;
}

static MizanServerToken *
authorize (MizanServerHttp   *self,
           SoupServerMessage *msg,
           gboolean           submitter_only,
           gboolean           analyst_only)
{
  g_autoptr(MizanServerToken) token = authenticate (self, msg);

  if (token == NULL)
    return NULL;
  if (submitter_only && token->role != MIZAN_SERVER_ROLE_SUBMITTER)
    {
      respond_error (msg, SOUP_STATUS_FORBIDDEN, "forbidden",
                     "Only a submitter token of a member state may change submissions.", NULL);
      return NULL;
    }
  if (analyst_only && token->role != MIZAN_SERVER_ROLE_ANALYST)
    {
      respond_error (msg, SOUP_STATUS_FORBIDDEN, "forbidden",
                     "The comparison of member states needs an analyst token.", NULL);
      return NULL;
    }
  if (!check_rate (self, msg, token))
    return NULL;
  return g_steal_pointer (&token);
}

/* Writes ------------------------------------------------------------------ */

typedef struct {
  MizanServerHttp       *self;
  SoupServerMessage     *msg;
  char                  *id;
} WriteData;

static void
write_data_free (WriteData *data)
{
  g_object_unref (data->self);
  g_object_unref (data->msg);
  g_free (data->id);
  g_free (data);
}

/* On the store's writer thread, in commit order: the figures follow the
 * database exactly, whichever workers the writes came from. */
static void
on_committed (MizanServerWriteResult   outcome,
              const char              *id,
              MizanServerSubmission  **submission,
              gpointer                 user_data)
{
  MizanServerHttp *self = user_data;

  switch (outcome)
    {
    case MIZAN_SERVER_WRITE_CREATED:
    case MIZAN_SERVER_WRITE_REPLACED:
      if (*submission != NULL)
        mizan_server_model_put (self->model, g_steal_pointer (submission));
      break;
    case MIZAN_SERVER_WRITE_DELETED:
      mizan_server_model_remove (self->model, id);
      break;
    case MIZAN_SERVER_WRITE_NOT_FOUND:
    case MIZAN_SERVER_WRITE_FORBIDDEN:
    default:
      break;
    }
}

static void
respond_written (SoupServerMessage *msg,
                 const char        *id,
                 guint              status,
                 const char        *outcome)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "submission_id");
  json_builder_add_string_value (builder, id);
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, outcome);
  json_builder_end_object (builder);
  respond_json (msg, status, builder);
}

static void
write_done (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  WriteData *data = user_data;
  MizanServerHttp *self = data->self;
  MizanServerWriteResult outcome;
  g_autoptr(GError) error = NULL;

  if (!mizan_server_store_write_finish (MIZAN_SERVER_STORE (source), result, &outcome, &error))
    {
      g_warning ("Storing a submission failed: %s", error->message);
      respond_error (data->msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, "storage_failed",
                     "The server could not store this; nothing was changed. Try again later.", NULL);
    }
  else
    switch (outcome)
      {
      /* The figures already hold it (on_committed). */
      case MIZAN_SERVER_WRITE_CREATED:
        respond_written (data->msg, data->id, SOUP_STATUS_CREATED, "created");
        break;
      case MIZAN_SERVER_WRITE_REPLACED:
        respond_written (data->msg, data->id, SOUP_STATUS_OK, "replaced");
        break;
      case MIZAN_SERVER_WRITE_DELETED:
        respond_bytes (data->msg, SOUP_STATUS_NO_CONTENT, NULL, NULL);
        break;
      case MIZAN_SERVER_WRITE_NOT_FOUND:
        respond_error (data->msg, SOUP_STATUS_NOT_FOUND, "not_found",
                       "There is no submission with this id for your member state.", NULL);
        break;
      case MIZAN_SERVER_WRITE_FORBIDDEN:
      default:
        respond_error (data->msg, SOUP_STATUS_FORBIDDEN, "forbidden",
                       "This submission_id belongs to another member state; only it may replace it.",
                       "submission_id");
        break;
      }

  /* Safe when the client has gone meanwhile: libsoup then ignores it. */
  soup_server_message_unpause (data->msg);
  write_data_free (data);
  notify_stop_progress (self);
}

static void
handle_submit (MizanServerHttp   *self,
               SoupServerMessage *msg,
               Request           *req)
{
  g_autoptr(MizanServerToken) token = NULL;
  const char *content_type;
  g_autoptr(MizanServerSubmission) submission = NULL;
  g_autofree char *field = NULL;
  g_autoptr(GError) error = NULL;
  WriteData *data;

  if ((token = authorize (self, msg, TRUE, FALSE)) == NULL)
    return;

  content_type = soup_message_headers_get_content_type (soup_server_message_get_request_headers (msg), NULL);
  if (content_type == NULL || g_ascii_strcasecmp (content_type, "application/json") != 0)
    {
      respond_error (msg, SOUP_STATUS_UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
                     "Send the submission as application/json.", NULL);
      return;
    }
  if (req->too_large)
    {
      respond_error (msg, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, "too_large",
                     "The body is larger than the server accepts (256 KiB).", NULL);
      return;
    }

  submission = mizan_server_validate_submission (req->body ? (const char *) req->body->data : "",
                                                 req->body ? req->body->len : 0,
                                                 mizan_server_model_get_catalog (self->model),
                                                 mizan_server_model_get_countries (self->model),
                                                 g_get_real_time () / G_USEC_PER_SEC,
                                                 &field, &error);
  if (submission == NULL)
    {
      respond_error (msg, SOUP_STATUS_BAD_REQUEST,
                     mizan_server_validate_error_name (error->code), error->message, field);
      return;
    }

  if (g_strcmp0 (submission->country, token->country) != 0)
    {
      respond_error (msg, SOUP_STATUS_FORBIDDEN, "forbidden",
                     "This token may only submit for its own member state.", "country");
      return;
    }

  data = g_new0 (WriteData, 1);
  data->self = g_object_ref (self);
  data->msg = g_object_ref (msg);
  data->id = g_strdup (submission->id);
  soup_server_message_pause (msg);
  mizan_server_store_put_async (self->store, g_steal_pointer (&submission), NULL, write_done, data);
}

static void
handle_delete (MizanServerHttp   *self,
               SoupServerMessage *msg,
               const char        *id)
{
  g_autoptr(MizanServerToken) token = NULL;
  WriteData *data;

  if ((token = authorize (self, msg, TRUE, FALSE)) == NULL)
    return;

  if (!mizan_server_is_uuid_v4 (id))
    {
      respond_error (msg, SOUP_STATUS_NOT_FOUND, "not_found",
                     "There is no submission with this id for your member state.", NULL);
      return;
    }

  data = g_new0 (WriteData, 1);
  data->self = g_object_ref (self);
  data->msg = g_object_ref (msg);
  data->id = g_ascii_strdown (id, -1);
  soup_server_message_pause (msg);
  mizan_server_store_delete_async (self->store, data->id, token->country, NULL, write_done, data);
}

/* Reads ------------------------------------------------------------------- */

static const char *
query_value (GHashTable *query,
             const char *name)
{
  const char *value = query ? g_hash_table_lookup (query, name) : NULL;

  /* "sector=" is how a form sends "any sector". */
  return value != NULL && *value != '\0' ? value : NULL;
}

static gboolean
check_query_names (SoupServerMessage  *msg,
                   GHashTable         *query,
                   const char * const *allowed)
{
  GHashTableIter iter;
  gpointer key;

  if (query == NULL)
    return TRUE;

  g_hash_table_iter_init (&iter, query);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_strv_contains (allowed, key))
      {
        respond_error (msg, SOUP_STATUS_BAD_REQUEST, "unknown_parameter",
                       "This parameter is not known here.", key);
        return FALSE;
      }
  return TRUE;
}

static MizanFramework *
query_framework (MizanServerHttp   *self,
                 SoupServerMessage *msg,
                 GHashTable        *query)
{
  const char *id = query_value (query, "framework");
  const char *version = query_value (query, "version");
  MizanFramework *framework;

  if (id == NULL)
    {
      respond_error (msg, SOUP_STATUS_BAD_REQUEST, "missing_parameter",
                     "Say which framework: ?framework=ID (and optionally &version=VERSION).", "framework");
      return NULL;
    }
  /* Without a version: the newest this server knows. */
  framework = mizan_catalog_lookup (mizan_server_model_get_catalog (self->model), id, version);
  if (framework == NULL)
    respond_error (msg, SOUP_STATUS_BAD_REQUEST, "unknown_framework",
                   "The server does not know this framework (or version).", version ? "version" : "framework");
  return framework;
}

static gboolean
query_index (SoupServerMessage  *msg,
             GHashTable         *query,
             const char         *name,
             const char * const *values,
             int                *index)
{
  const char *value = query_value (query, name);

  *index = MIZAN_ANY;
  if (value == NULL)
    return TRUE;
  for (int i = 0; values[i] != NULL; i++)
    if (strcmp (values[i], value) == 0)
      {
        *index = i;
        return TRUE;
      }
  respond_error (msg, SOUP_STATUS_BAD_REQUEST, "invalid_parameter",
                 "This value is not one the server accepts.", name);
  return FALSE;
}

static void
handle_benchmarks (MizanServerHttp   *self,
                   SoupServerMessage *msg,
                   GHashTable        *query)
{
  static const char * const allowed[] = { "framework", "version", "sector", "country", "size", NULL };
  g_autoptr(MizanServerToken) token = NULL;
  g_autoptr(GBytes) answer = NULL;
  MizanFramework *framework;
  int country, sector, size;

  if ((token = authorize (self, msg, FALSE, FALSE)) == NULL ||
      !check_query_names (msg, query, allowed) ||
      (framework = query_framework (self, msg, query)) == NULL ||
      !query_index (msg, query, "country", mizan_server_model_get_countries (self->model), &country) ||
      !query_index (msg, query, "sector", mizan_sectors_get_all (), &sector) ||
      !query_index (msg, query, "size", mizan_sizes_get_all (), &size))
    return;

  answer = mizan_server_model_benchmarks (self->model, framework, country, sector, size);
  respond_bytes (msg, SOUP_STATUS_OK, "application/json", answer);
}

static void
handle_countries (MizanServerHttp   *self,
                  SoupServerMessage *msg,
                  GHashTable        *query)
{
  static const char * const allowed[] = { "framework", "version", NULL };
  g_autoptr(MizanServerToken) token = NULL;
  g_autoptr(GBytes) answer = NULL;
  MizanFramework *framework;

  if ((token = authorize (self, msg, FALSE, TRUE)) == NULL ||
      !check_query_names (msg, query, allowed) ||
      (framework = query_framework (self, msg, query)) == NULL)
    return;

  answer = mizan_server_model_countries (self->model, framework);
  respond_bytes (msg, SOUP_STATUS_OK, "application/json", answer);
}

static void
handle_healthz (MizanServerHttp   *self,
                SoupServerMessage *msg)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, is_stopping (self) ? "stopping" : "ok");
  json_builder_end_object (builder);
  respond_json (msg, is_stopping (self) ? SOUP_STATUS_SERVICE_UNAVAILABLE : SOUP_STATUS_OK, builder);
}

static void
handle_metrics (MizanServerHttp   *self,
                SoupServerMessage *msg)
{
  MizanServerGauges gauges = { 0, };
  guint k = mizan_server_model_get_k (self->model);
  g_autofree MizanServerMetrics **parts = g_new (MizanServerMetrics *, self->workers->len);
  char *text;
  g_autoptr(GBytes) bytes = NULL;

  /* In steps of k: the figure itself never tells that fewer than k exist. */
  gauges.submissions_stored = mizan_server_model_get_n_submissions (self->model) / k * k;
  gauges.k = k;
  gauges.in_flight = count_in_flight (self);
  gauges.pending_writes = mizan_server_store_get_pending (self->store);
  gauges.workers = self->workers->len;
  gauges.uptime_seconds = (double) (g_get_monotonic_time () - self->started_us) / G_USEC_PER_SEC;
  for (guint i = 0; i < self->workers->len; i++)
    parts[i] = ((Worker *) g_ptr_array_index (self->workers, i))->metrics;
  text = mizan_server_metrics_render (parts, self->workers->len, &gauges);
  bytes = g_bytes_new_take (text, strlen (text));
  respond_bytes (msg, SOUP_STATUS_OK, "text/plain; version=0.0.4; charset=utf-8", bytes);
}

/* Routing ----------------------------------------------------------------- */

static void
handle_request (SoupServer        *server,
                SoupServerMessage *msg,
                const char        *path,
                GHashTable        *query,
                gpointer           user_data)
{
  MizanServerHttp *self = ((Worker *) user_data)->self;
  Request *req = get_request (msg);
  const char *method = soup_server_message_get_method (msg);
  gboolean get = strcmp (method, "GET") == 0;

  if (req == NULL)
    {
      respond_error (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, "internal", "Request state lost.", NULL);
      return;
    }

  if (strcmp (path, SUBMISSIONS_PATH) == 0)
    {
      req->endpoint = "submissions";
      if (strcmp (method, "POST") == 0)
        handle_submit (self, msg, req);
      else
        respond_method_not_allowed (msg, "POST");
    }
  else if (g_str_has_prefix (path, SUBMISSIONS_PATH "/"))
    {
      req->endpoint = "submission";
      if (strcmp (method, "DELETE") == 0)
        handle_delete (self, msg, path + strlen (SUBMISSIONS_PATH "/"));
      else
        respond_method_not_allowed (msg, "DELETE");
    }
  else if (strcmp (path, "/api/v1/benchmarks") == 0)
    {
      req->endpoint = "benchmarks";
      if (get)
        handle_benchmarks (self, msg, query);
      else
        respond_method_not_allowed (msg, "GET");
    }
  else if (strcmp (path, "/api/v1/countries") == 0)
    {
      req->endpoint = "countries";
      if (get)
        handle_countries (self, msg, query);
      else
        respond_method_not_allowed (msg, "GET");
    }
  else if (strcmp (path, "/healthz") == 0)
    {
      req->endpoint = "healthz";
      if (get)
        handle_healthz (self, msg);
      else
        respond_method_not_allowed (msg, "GET");
    }
  else if (strcmp (path, "/metrics") == 0)
    {
      req->endpoint = "metrics";
      if (get)
        handle_metrics (self, msg);
      else
        respond_method_not_allowed (msg, "GET");
    }
  else
    respond_error (msg, SOUP_STATUS_NOT_FOUND, "not_found", "There is nothing at this path.", NULL);
}

/* Runs once the headers are read, before the body. */
static void
early_handler (SoupServer        *server,
               SoupServerMessage *msg,
               const char        *path,
               GHashTable        *query,
               gpointer           user_data)
{
  MizanServerHttp *self = ((Worker *) user_data)->self;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  Request *req = get_request (msg);

  /* Here the headers are read: from now on it counts as in flight. */
  if (req != NULL && !req->active)
    {
      req->active = TRUE;
      req->started_us = g_get_monotonic_time ();
      g_atomic_int_inc (&req->worker->in_flight);
    }

  /* We collect the body ourselves, up to the limit; libsoup would keep all of it. */
  soup_message_body_set_accumulate (soup_server_message_get_request_body (msg), FALSE);
  if (req != NULL)
    req->collect = strcmp (path, SUBMISSIONS_PATH) == 0 &&
                   strcmp (soup_server_message_get_method (msg), "POST") == 0;
  /* Only a submission's body is read; any other is dropped by libsoup unseen. */
  if (req != NULL && req->collect)
    g_signal_connect (msg, "got-chunk", G_CALLBACK (on_got_chunk), req);

  if (is_stopping (self))
    {
      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Connection", "close");
      respond_error (msg, SOUP_STATUS_SERVICE_UNAVAILABLE, "stopping",
                     "The server is stopping; retry in a moment.", NULL);
      return;
    }

  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH &&
      soup_message_headers_get_content_length (headers) > (goffset) self->options.max_body)
    {
      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Connection", "close");
      respond_error (msg, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, "too_large",
                     "The body is larger than the server accepts (256 KiB).", NULL);
    }
}

/* Request life cycle ------------------------------------------------------ */

/* A keep-alive connection between two requests has no message whose
 * deadline could close it, so the connection gets its own: one watch per
 * socket, kept on it, armed when a request ends and disarmed when the next
 * starts. The socket owns the watch; an armed watch is in idle_due, and a
 * socket that goes away takes its watch out. */
typedef struct {
  Worker          *worker;
  GSocket         *socket;       /* not a reference: the watch lives on the socket */
  GList            due;          /* in worker->idle_due while armed (data set) */
  gint64           deadline_us;
} IdleWatch;

G_DEFINE_QUARK (mizan-idle-watch, idle_watch)

static void
idle_watch_disarm (IdleWatch *watch)
{
  due_remove (&watch->worker->idle_due, &watch->due);
}

static void
idle_watch_free (IdleWatch *watch)
{
  idle_watch_disarm (watch);
  g_free (watch);
}

static void
watch_idle (Worker            *worker,
            SoupServerMessage *msg)
{
  GSocket *socket = soup_server_message_get_socket (msg);
  IdleWatch *watch;

  if (socket == NULL)
    return;
  watch = g_object_get_qdata (G_OBJECT (socket), idle_watch_quark ());
  if (watch == NULL)
    {
      watch = g_new0 (IdleWatch, 1);
      watch->worker = worker;
      watch->socket = socket;
      g_object_set_qdata_full (G_OBJECT (socket), idle_watch_quark (), watch, (GDestroyNotify) idle_watch_free);
    }
  idle_watch_disarm (watch);
  watch->deadline_us = g_get_monotonic_time () + (gint64) worker->self->options.request_timeout * G_USEC_PER_SEC;
  watch->due.data = watch;
  g_queue_push_tail_link (&worker->idle_due, &watch->due);
}

static void
unwatch_idle (SoupServerMessage *msg)
{
  GSocket *socket = soup_server_message_get_socket (msg);
  IdleWatch *watch = socket ? g_object_get_qdata (G_OBJECT (socket), idle_watch_quark ()) : NULL;

  if (watch != NULL)
    idle_watch_disarm (watch);
}

/* shutdown, not close: libsoup still owns the descriptor and now reads EOF. */
static gboolean
on_sweep (gpointer user_data)
{
  Worker *worker = user_data;
  gint64 now = g_get_monotonic_time ();
  GList *head;

  while ((head = g_queue_peek_head_link (&worker->requests_due)) != NULL &&
         ((Request *) head->data)->deadline_us <= now)
    {
      Request *req = head->data;
      GSocket *socket = soup_server_message_get_socket (req->msg);

      request_unwatch (req);
      if (socket != NULL)
        g_socket_shutdown (socket, TRUE, TRUE, NULL);
    }
  while ((head = g_queue_peek_head_link (&worker->idle_due)) != NULL &&
         ((IdleWatch *) head->data)->deadline_us <= now)
    {
      IdleWatch *watch = head->data;

      idle_watch_disarm (watch);
      g_socket_shutdown (watch->socket, TRUE, TRUE, NULL);
    }
  return G_SOURCE_CONTINUE;
}

static void
on_got_chunk (SoupServerMessage *msg,
              GBytes            *chunk,
              gpointer           user_data)
{
  Request *req = user_data;
  gsize size = g_bytes_get_size (chunk);

  /* Already answered (413, 503), or a body no handler reads: drop it. */
  if (!req->collect || req->too_large || soup_server_message_get_status (msg) != 0)
    return;
  if (req->body == NULL)
    req->body = g_byte_array_new ();
  if (req->body->len + size > req->worker->self->options.max_body)
    {
      /* The rest is read and dropped: the answer will be 413. */
      req->too_large = TRUE;
      g_clear_pointer (&req->body, g_byte_array_unref);
      return;
    }
  g_byte_array_append (req->body, g_bytes_get_data (chunk, NULL), size);
}

static void
on_request_started (SoupServer        *server,
                    SoupServerMessage *msg,
                    gpointer           user_data)
{
  Worker *worker = user_data;
  MizanServerHttp *self = worker->self;
  Request *req = g_new0 (Request, 1);

  req->worker = worker;
  req->msg = msg;
  req->started_us = g_get_monotonic_time ();
  req->endpoint = "other";
  g_object_set_qdata_full (G_OBJECT (msg), request_quark (), req, (GDestroyNotify) request_free);
  /* Covers a slow sender, a client that does not read its answer, and an
   * idle keep-alive connection (whose next request has "started"). */
  req->deadline_us = req->started_us + (gint64) self->options.request_timeout * G_USEC_PER_SEC;
  req->due.data = req;
  g_queue_push_tail_link (&worker->requests_due, &req->due);

  unwatch_idle (msg);
}

static const char *
method_label (SoupServerMessage *msg)
{
  static const char * const known[] = { "GET", "POST", "DELETE", "HEAD", "PUT", "PATCH", "OPTIONS", NULL };
  const char *method = soup_server_message_get_method (msg);

  for (guint i = 0; known[i] != NULL; i++)
    if (g_strcmp0 (method, known[i]) == 0)
      return known[i];
  return "other";
}

static void
request_ended (Worker            *worker,
               SoupServerMessage *msg,
               guint              status)
{
  MizanServerHttp *self = worker->self;
  Request *req = get_request (msg);
  double seconds;

  if (req == NULL || req->done)
    return;
  req->done = TRUE;
  request_unwatch (req);
  if (status != 0 && !is_stopping (self))
    watch_idle (worker, msg);
  /* Refused by libsoup before any handler of ours (a path with "..", a
   * wrong scheme): logged and counted, but never in flight. */
  if (!req->active && (status == 0 || soup_server_message_get_method (msg) == NULL))
    return;

  seconds = (double) (g_get_monotonic_time () - req->started_us) / G_USEC_PER_SEC;
  mizan_server_metrics_request (worker->metrics, method_label (msg), req->endpoint, status, seconds);
  /* Method, endpoint, status, time: never a payload, a token or an address. */
  if (!self->options.quiet)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      g_autofree char *stamp = g_date_time_format (now, "%FT%TZ");

      g_printerr ("%s %s %s %u %.1f ms\n", stamp, method_label (msg), req->endpoint, status, seconds * 1000.0);
    }

  if (req->active)
    {
      g_atomic_int_dec_and_test (&worker->in_flight);
      notify_stop_progress (self);
    }
}

static void
on_request_finished (SoupServer        *server,
                     SoupServerMessage *msg,
                     gpointer           user_data)
{
  request_ended (user_data, msg, soup_server_message_get_status (msg));
}

static void
on_request_aborted (SoupServer        *server,
                    SoupServerMessage *msg,
                    gpointer           user_data)
{
  request_ended (user_data, msg, 0);
}

/* Stopping ---------------------------------------------------------------- */

static gboolean
worker_finish (gpointer user_data)
{
  Worker *worker = user_data;

  soup_server_disconnect (worker->server);
  if (worker->loop != NULL)
    g_main_loop_quit (worker->loop);
  return G_SOURCE_REMOVE;
}

/* Runs @func on @worker's thread: now when that is this one (or the worker
 * is not running yet), else as soon as its main loop gets to it. */
static void
worker_invoke (Worker      *worker,
               GSourceFunc  func)
{
  if (worker->thread == NULL || g_main_context_is_owner (worker->context))
    func (worker);
  else
    g_main_context_invoke (worker->context, func, worker);
}

/* Every worker disconnects its server and leaves its loop; the threads
 * are joined. From the main context. */
static void
stop_workers (MizanServerHttp *self)
{
  for (guint i = 0; i < self->workers->len; i++)
    worker_invoke (g_ptr_array_index (self->workers, i), worker_finish);
  for (guint i = 0; i < self->workers->len; i++)
    {
      Worker *worker = g_ptr_array_index (self->workers, i);

      if (worker->thread != NULL)
        g_thread_join (g_steal_pointer (&worker->thread));
    }
}

static void
finish_stop (MizanServerHttp *self)
{
  if (self->stopped)
    return;
  self->stopped = TRUE;
  g_clear_handle_id (&self->stop_deadline_id, g_source_remove);
  stop_workers (self);
  /* Commits whatever is still queued before closing. */
  mizan_server_store_close (self->store);
  if (self->loop != NULL)
    g_main_loop_quit (self->loop);
}

/* On the main context. */
static void
check_stopped (MizanServerHttp *self)
{
  if (is_stopping (self) && !self->stopped &&
      count_in_flight (self) == 0 && mizan_server_store_get_pending (self->store) == 0)
    finish_stop (self);
}

static gboolean
check_stopped_cb (gpointer user_data)
{
  check_stopped (user_data);
  return G_SOURCE_REMOVE;
}

/* From any worker: once stopping, each finished request or write may be
 * the last, which the main context decides. */
static void
notify_stop_progress (MizanServerHttp *self)
{
  if (!is_stopping (self))
    return;
  if (g_main_context_is_owner (self->main_context))
    check_stopped (self);
  else
    g_main_context_invoke_full (self->main_context, G_PRIORITY_DEFAULT, check_stopped_cb,
                                g_object_ref (self), g_object_unref);
}

static gboolean
on_stop_deadline (gpointer user_data)
{
  MizanServerHttp *self = user_data;

  self->stop_deadline_id = 0;
  g_printerr ("mizan-server: %u requests still in flight after the grace period; stopping anyway\n",
              count_in_flight (self));
  finish_stop (self);
  return G_SOURCE_REMOVE;
}

void
mizan_server_http_stop (MizanServerHttp *self)
{
  g_return_if_fail (MIZAN_IS_SERVER_HTTP (self));

  if (is_stopping (self))
    return;
  g_atomic_int_set (&self->stopping, 1);

  /* A listening socket shut down refuses new connections at once, while
   * the connections already accepted carry on. All of them, here and now:
   * a worker busy elsewhere must not leave its socket taking connections.
   * Only the descriptor is touched, which no worker changes. */
  for (guint i = 0; i < self->workers->len; i++)
    {
      Worker *worker = g_ptr_array_index (self->workers, i);

      if (worker->listener != NULL)
        shutdown (g_socket_get_fd (worker->listener), SHUT_RDWR);
    }

  if (!self->options.quiet)
    g_printerr ("mizan-server: stopping; finishing %u requests in flight\n", count_in_flight (self));

  self->stop_deadline_id = g_timeout_add_seconds (self->options.request_timeout + STOP_GRACE_SECONDS,
                                                  on_stop_deadline, self);
  check_stopped (self);
}

static gboolean
on_signal (gpointer user_data)
{
  MizanServerHttp *self = user_data;

  /* A second signal: stop now, still committing what was accepted. */
  if (is_stopping (self))
    finish_stop (self);
  else
    mizan_server_http_stop (self);
  return G_SOURCE_CONTINUE;
}

/* Setting up -------------------------------------------------------------- */

/* @context: NULL for the caller's thread-default one (worker 0). */
static Worker *
worker_new (MizanServerHttp *self,
            GMainContext    *context)
{
  Worker *worker = g_new0 (Worker, 1);

  worker->self = self;
  worker->metrics = mizan_server_metrics_new ();
  worker->context = context ? g_main_context_ref (context) : g_main_context_ref_thread_default ();
  worker->sweep = g_timeout_source_new_seconds (1);
  g_source_set_callback (worker->sweep, on_sweep, worker, NULL);
  g_source_attach (worker->sweep, worker->context);

  /* No version in the Server header: nothing to look up in a CVE list. */
  worker->server = soup_server_new ("server-header", "mizan-server", NULL);
  soup_server_add_early_handler (worker->server, NULL, early_handler, worker, NULL);
  soup_server_add_handler (worker->server, NULL, handle_request, worker, NULL);
  g_signal_connect (worker->server, "request-started", G_CALLBACK (on_request_started), worker);
  g_signal_connect (worker->server, "request-finished", G_CALLBACK (on_request_finished), worker);
  g_signal_connect (worker->server, "request-aborted", G_CALLBACK (on_request_aborted), worker);
  g_ptr_array_add (self->workers, worker);
  return worker;
}

/* With its thread ended (or never started). */
static void
worker_free (Worker *worker)
{
  /* Sockets may outlive the worker (a message still referenced): their
   * watches must no longer point into it. */
  while (worker->idle_due.head != NULL)
    idle_watch_disarm (worker->idle_due.head->data);
  if (worker->server != NULL)
    {
      g_signal_handlers_disconnect_by_data (worker->server, worker);
      soup_server_disconnect (worker->server);
      g_clear_object (&worker->server);
    }
  /* After the server: its messages' requests leave requests_due as they go. */
  if (worker->sweep != NULL)
    {
      g_source_destroy (worker->sweep);
      g_clear_pointer (&worker->sweep, g_source_unref);
    }
  g_clear_pointer (&worker->loop, g_main_loop_unref);
  g_clear_pointer (&worker->context, g_main_context_unref);
  g_clear_pointer (&worker->metrics, mizan_server_metrics_free);
  g_clear_object (&worker->listener);
  g_free (worker);
}

static gpointer
worker_main (gpointer data)
{
  Worker *worker = data;

  /* Connections, their sources and the store's answers all come back here. */
  g_main_context_push_thread_default (worker->context);
  g_main_loop_run (worker->loop);
  g_main_context_pop_thread_default (worker->context);
  return NULL;
}

static void
mizan_server_http_dispose (GObject *object)
{
  MizanServerHttp *self = MIZAN_SERVER_HTTP (object);

  g_clear_handle_id (&self->sigterm_id, g_source_remove);
  g_clear_handle_id (&self->sigint_id, g_source_remove);
  g_clear_handle_id (&self->stop_deadline_id, g_source_remove);
  if (self->workers != NULL)
    {
      /* Threads still run only when the owner never ran a stop. */
      stop_workers (self);
      g_clear_pointer (&self->workers, g_ptr_array_unref);
    }

  G_OBJECT_CLASS (mizan_server_http_parent_class)->dispose (object);
}

static void
mizan_server_http_finalize (GObject *object)
{
  MizanServerHttp *self = MIZAN_SERVER_HTTP (object);

  g_clear_object (&self->store);
  g_clear_object (&self->model);
  g_clear_pointer (&self->limiter, mizan_rate_limiter_free);
  g_clear_pointer (&self->loop, g_main_loop_unref);
  g_clear_pointer (&self->main_context, g_main_context_unref);

  G_OBJECT_CLASS (mizan_server_http_parent_class)->finalize (object);
}

static void
mizan_server_http_class_init (MizanServerHttpClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mizan_server_http_dispose;
  object_class->finalize = mizan_server_http_finalize;
}

static void
mizan_server_http_init (MizanServerHttp *self)
{
  self->workers = g_ptr_array_new_with_free_func ((GDestroyNotify) worker_free);
  self->main_context = g_main_context_ref_thread_default ();
  self->started_us = g_get_monotonic_time ();
}

MizanServerHttp *
mizan_server_http_new (MizanServerStore             *store,
                       MizanServerModel             *model,
                       const MizanServerHttpOptions *options)
{
  MizanServerHttp *self;

  g_return_val_if_fail (MIZAN_IS_SERVER_STORE (store), NULL);
  g_return_val_if_fail (MIZAN_IS_SERVER_MODEL (model), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  self = g_object_new (MIZAN_TYPE_SERVER_HTTP, NULL);
  self->store = g_object_ref (store);
  self->model = g_object_ref (model);
  self->options = *options;
  if (self->options.request_timeout == 0)
    self->options.request_timeout = 30;
  /* Twice the processors: libsoup's connections stay with the worker that
   * accepted them, and the kernel spreads them by a hash, so a few busy
   * keep-alive clients can load one worker and leave another idle; with
   * more workers than processors the scheduler evens out the load. A
   * worker waiting for a lock (answers being recomputed after a write)
   * leaves its processor to another, too. */
  if (self->options.threads == 0)
    self->options.threads = 2 * g_get_num_processors ();
  self->options.threads = CLAMP (self->options.threads, 1, MAX_WORKERS);
  self->limiter = mizan_rate_limiter_new (options->rate, options->burst);
  mizan_server_store_set_commit_func (store, on_committed, self);

  /* The others come with the sockets to listen on. */
  worker_new (self, NULL);
  return self;
}

static GSocketAddress *
parse_address (const char  *address,
               GError     **error)
{
  const char *colon = strrchr (address, ':');
  g_autofree char *host = NULL;
  g_autoptr(GInetAddress) inet = NULL;
  guint64 port;

  if (colon == NULL || colon == address ||
      !g_ascii_string_to_unsigned (colon + 1, 10, 0, 65535, &port, NULL))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not an address to listen on; write HOST:PORT, for example 127.0.0.1:8080."),
                   address);
      return NULL;
    }

  host = g_strndup (address, colon - address);
  if (host[0] == '[' && host[strlen (host) - 1] == ']')
    {
      host[strlen (host) - 1] = '\0';
      memmove (host, host + 1, strlen (host));
    }
  if (g_strcmp0 (host, "localhost") == 0)
    inet = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  else
    inet = g_inet_address_new_from_string (host);
  if (inet == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not an IP address (names are not looked up)."), host);
      return NULL;
    }
  return g_inet_socket_address_new (inet, (guint16) port);
}

static gboolean
worker_listen (Worker                  *worker,
               GSocket                 *socket,
               GTlsCertificate         *certificate,
               SoupServerListenOptions  options,
               GError                 **error)
{
  gboolean ok;

  if (certificate != NULL)
    soup_server_set_tls_certificate (worker->server, certificate);
  /* libsoup watches the socket on the thread-default context. */
  g_main_context_push_thread_default (worker->context);
  ok = soup_server_listen_socket (worker->server, socket, options, error);
  g_main_context_pop_thread_default (worker->context);
  if (ok)
    g_set_object (&worker->listener, socket);
  return ok;
}

gboolean
mizan_server_http_listen (MizanServerHttp  *self,
                          const char       *address,
                          GTlsCertificate  *certificate,
                          GError          **error)
{
  g_autoptr(GSocketAddress) socket_address = NULL;
  g_autoptr(GSocket) first = NULL;
  g_autoptr(GSocketAddress) bound = NULL;
  SoupServerListenOptions options = 0;
  MizanServerSocketMode mode;

  g_return_val_if_fail (MIZAN_IS_SERVER_HTTP (self), FALSE);
  g_return_val_if_fail (self->workers->len == 1, FALSE);

  socket_address = parse_address (address, error);
  if (socket_address == NULL)
    return FALSE;

  /* Tokens and submissions must not cross a network in clear text. Only
   * the machine itself (or an operator's TLS proxy in front) may speak
   * plain http to the server. */
  if (certificate == NULL && !self->options.allow_plain_http &&
      !g_inet_address_get_is_loopback (g_inet_socket_address_get_address (G_INET_SOCKET_ADDRESS (socket_address))))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                   _("Refusing to serve plain http on %s, which is not a loopback address: bearer "
                     "tokens and submissions would cross the network unencrypted. Give --tls-cert "
                     "and --tls-key, or --allow-plain-http when a TLS proxy in front of the server "
                     "encrypts the traffic."),
                   address);
      return FALSE;
    }

  if (certificate != NULL)
    {
      options |= SOUP_SERVER_LISTEN_HTTPS;
      self->https = TRUE;
    }

  /* The first socket settles the port (when 0 asks for any), the others join it. */
  mode = self->options.threads > 1 ? MIZAN_SERVER_SOCKET_FIRST : MIZAN_SERVER_SOCKET_ALONE;
  if ((first = mizan_server_socket_listen (socket_address, mode, error)) == NULL ||
      !worker_listen (g_ptr_array_index (self->workers, 0), first, certificate, options, error) ||
      (bound = g_socket_get_local_address (first, error)) == NULL)
    {
      g_prefix_error (error, _("Could not listen on %s: "), address);
      return FALSE;
    }

  for (guint i = 1; i < self->options.threads; i++)
    {
      g_autoptr(GMainContext) context = g_main_context_new ();
      g_autoptr(GSocket) socket = NULL;
      Worker *worker = worker_new (self, context);

      worker->loop = g_main_loop_new (context, FALSE);
      if ((socket = mizan_server_socket_listen (bound, MIZAN_SERVER_SOCKET_JOIN, error)) == NULL ||
          !worker_listen (worker, socket, certificate, options, error))
        {
          g_prefix_error (error, _("Could not listen on %s: "), address);
          /* Only the listening sockets are open yet: closed with their workers. */
          g_ptr_array_set_size (self->workers, 1);
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
mizan_server_http_accept_stream (MizanServerHttp  *self,
                                 GIOStream        *stream,
                                 GError          **error)
{
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) local = g_inet_socket_address_new (loopback, 80);
  g_autoptr(GSocketAddress) remote = g_inet_socket_address_new (loopback, 40000);
  Worker *worker;

  g_return_val_if_fail (MIZAN_IS_SERVER_HTTP (self), FALSE);
  g_return_val_if_fail (G_IS_IO_STREAM (stream), FALSE);

  worker = g_ptr_array_index (self->workers, 0);
  return soup_server_accept_iostream (worker->server, stream, local, remote, error);
}

char *
mizan_server_http_get_url (MizanServerHttp *self)
{
  g_autoptr(GSList) listeners = NULL;
  g_autoptr(GSocketAddress) local = NULL;
  g_autofree char *host = NULL;
  GInetAddress *inet;

  g_return_val_if_fail (MIZAN_IS_SERVER_HTTP (self), NULL);

  listeners = soup_server_get_listeners (((Worker *) g_ptr_array_index (self->workers, 0))->server);
  if (listeners == NULL || (local = g_socket_get_local_address (listeners->data, NULL)) == NULL ||
      !G_IS_INET_SOCKET_ADDRESS (local))
    return NULL;

  inet = g_inet_socket_address_get_address (G_INET_SOCKET_ADDRESS (local));
  host = g_inet_address_to_string (inet);
  return g_strdup_printf (g_inet_address_get_family (inet) == G_SOCKET_FAMILY_IPV6 ? "%s://[%s]:%u" : "%s://%s:%u",
                          self->https ? "https" : "http", host,
                          g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (local)));
}

guint
mizan_server_http_get_n_workers (MizanServerHttp *self)
{
  g_return_val_if_fail (MIZAN_IS_SERVER_HTTP (self), 0);
  return self->workers->len;
}

void
mizan_server_http_run (MizanServerHttp *self)
{
  g_return_if_fail (MIZAN_IS_SERVER_HTTP (self));

  self->loop = g_main_loop_new (self->main_context, FALSE);
  self->sigterm_id = g_unix_signal_add (SIGTERM, on_signal, self);
  self->sigint_id = g_unix_signal_add (SIGINT, on_signal, self);
  for (guint i = 1; i < self->workers->len && !self->stopped; i++)
    {
      Worker *worker = g_ptr_array_index (self->workers, i);
      g_autofree char *name = g_strdup_printf ("mizan-http-%u", i);

      worker->thread = g_thread_new (name, worker_main, worker);
    }
  if (!self->stopped)
    g_main_loop_run (self->loop);
  g_clear_handle_id (&self->sigterm_id, g_source_remove);
  g_clear_handle_id (&self->sigint_id, g_source_remove);
}
