/* mizan-sync.c — the client of mizan-server: send, withdraw, benchmarks, member states
 * Checks the status before the body, and every JSON node's type before reading it. */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libsoup/soup.h>

#include "mizan-sync.h"

/* The server refuses more anyway; an answer this big is not mizan-server's. */
#define MAX_ANSWER_BYTES (16 * 1024 * 1024)
#define REQUEST_TIMEOUT_SECONDS 30

struct _MizanSyncClient {
  GObject      parent_instance;
  SoupSession *session;
  GUri        *base;
  char        *base_string;   /* without a trailing slash */
  char        *authorization;
};

G_DEFINE_FINAL_TYPE (MizanSyncClient, mizan_sync_client, G_TYPE_OBJECT)
G_DEFINE_QUARK (mizan-sync-error-quark, mizan_sync_error)

gboolean
mizan_sync_error_is_transient (const GError *error)
{
  return error != NULL &&
         (g_error_matches (error, MIZAN_SYNC_ERROR, MIZAN_SYNC_ERROR_NETWORK) ||
          g_error_matches (error, MIZAN_SYNC_ERROR, MIZAN_SYNC_ERROR_BUSY));
}

static void
mizan_sync_client_finalize (GObject *object)
{
  MizanSyncClient *self = (MizanSyncClient *)object;

  g_clear_object (&self->session);
  g_clear_pointer (&self->base, g_uri_unref);
  g_clear_pointer (&self->base_string, g_free);
  g_clear_pointer (&self->authorization, g_free);

  G_OBJECT_CLASS (mizan_sync_client_parent_class)->finalize (object);
}

static void
mizan_sync_client_class_init (MizanSyncClientClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mizan_sync_client_finalize;
}

static void
mizan_sync_client_init (MizanSyncClient *self)
{
}

static gboolean
is_loopback_host (const char *host)
{
  g_autoptr(GInetAddress) address = NULL;

  if (host == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;
  address = g_inet_address_new_from_string (host);
  return address != NULL && g_inet_address_get_is_loopback (address);
}

static gboolean
token_is_valid (const char *token)
{
  /* base64url, as mizan-server makes them; anything else could smuggle a
   * header line into the request. */
  if (token == NULL || *token == '\0')
    return FALSE;
  for (const char *p = token; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_')
      return FALSE;
  return TRUE;
}

MizanSyncClient *
mizan_sync_client_new (const char  *server_url,
                       const char  *token,
                       const char  *ca_file,
                       GError     **error)
{
  g_autoptr(MizanSyncClient) self = NULL;
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *scheme;
  g_autofree char *base = NULL;

  if (server_url == NULL || *server_url == '\0')
    {
      g_set_error (error, MIZAN_SYNC_ERROR, MIZAN_SYNC_ERROR_CONFIG,
                   _("No benchmark server is set: give one with --server or in Preferences → Sharing"));
      return NULL;
    }

  uri = g_uri_parse (server_url, G_URI_FLAGS_NONE, &local_error);
  if (uri == NULL)
    {
      g_set_error (error, MIZAN_SYNC_ERROR, MIZAN_SYNC_ERROR_CONFIG,
                   _("The server address “%s” is not a URL: %s"), server_url, local_error->message);
      return NULL;
    }

  scheme = g_uri_get_scheme (uri);
  if (g_ascii_strcasecmp (scheme, "https") != 0 &&
      !(g_ascii_strcasecmp (scheme, "http") == 0 && is_loopback_host (g_uri_get_host (uri))))
    {
      g_set_error (error, MIZAN_SYNC_ERROR, MIZAN_SYNC_ERROR_CONFIG,
                   _("The server address “%s” must start with https:// (plain http only to this machine, since the token would travel unencrypted)"),
                   server_url);
      return NULL;
    }
  if (g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0' ||
      g_uri_get_query (uri) != NULL || g_uri_get_fragment (uri) != NULL ||
      g_uri_get_userinfo (uri) != NULL)
    {
      g_set_error (error, MIZAN_SYNC_ERROR, MIZAN_SYNC_ERROR_CONFIG,
                   _("The server address “%s” must be just https://HOST[:PORT][/PATH]"), server_url);
      return NULL;
    }

  if (!token_is_valid (token))
    {
      g_set_error (error, MIZAN_SYNC_ERROR, MIZAN_SYNC_ERROR_CONFIG,
                   token == NULL || *token == '\0'
                   ? _("No token is set: give the one COMSTECH issued with --token or in Preferences → Sharing")
                   : _("The token is not one mizan-server issued (only letters, digits, “-” and “_”)"));
      return NULL;
    }

  self = g_object_new (MIZAN_TYPE_SYNC_CLIENT, NULL);
  self->session = soup_session_new_with_options ("timeout", REQUEST_TIMEOUT_SECONDS,
                                                 "idle-timeout", 60,
                                                 "user-agent", "Mizan/" PACKAGE_VERSION " ",
                                                 NULL);
  if (ca_file != NULL)
    {
      g_autoptr(GTlsDatabase) database = g_tls_file_database_new (ca_file, &local_error);

      if (database == NULL)
        {
          g_set_error (error, MIZAN_SYNC_ERROR, MIZAN_SYNC_ERROR_CONFIG,
                       _("Cannot use the certificate authority file “%s”: %s"), ca_file, local_error->message);
          return NULL;
        }
      soup_session_set_tls_database (self->session, database);
    }

  base = g_strdup (server_url);
  while (*base && base[strlen (base) - 1] == '/')
    base[strlen (base) - 1] = '\0';
  self->base_string = g_steal_pointer (&base);
  self->base = g_steal_pointer (&uri);
  self->authorization = g_strdup_printf ("Bearer %s", token);

  return g_steal_pointer (&self);
}

const char *
mizan_sync_client_get_server_url (MizanSyncClient *self)
{
  g_return_val_if_fail (MIZAN_IS_SYNC_CLIENT (self), NULL);
  return self->base_string;
}

/* The answer, checked -------------------------------------------------------------------- */

static const char *
status_phrase (guint status)
{
  /* libsoup has no phrase for 429 (RFC 6585) and the server's own is in the body. */
  if (status == 429)
    return "Too Many Requests";
  return soup_status_get_phrase (status);
}

/* "mizan-server answered 403 Forbidden: MESSAGE (field “country”)", from the
 * server's {"error": {code, message, field}}, or the bare status when the
 * body is not that (a proxy's page, say). */
static void
set_status_error (GError     **error,
                  guint        status,
                  GBytes      *body)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  const char *message = NULL;
  const char *field = NULL;
  const char *code = NULL;
  gsize size = 0;
  const char *data = body ? g_bytes_get_data (body, &size) : NULL;
  GString *text = g_string_new (NULL);
  int error_code;

  if (data != NULL && size > 0 && json_parser_load_from_data (parser, data, size, NULL))
    {
      JsonNode *root = json_parser_get_root (parser);
      JsonObject *object = JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
      JsonNode *inner = object ? json_object_get_member (object, "error") : NULL;

      if (inner != NULL && JSON_NODE_HOLDS_OBJECT (inner))
        {
          JsonObject *e = json_node_get_object (inner);
          JsonNode *node;

          if ((node = json_object_get_member (e, "message")) && JSON_NODE_HOLDS_VALUE (node) &&
              json_node_get_value_type (node) == G_TYPE_STRING)
            message = json_node_get_string (node);
          if ((node = json_object_get_member (e, "field")) && JSON_NODE_HOLDS_VALUE (node) &&
              json_node_get_value_type (node) == G_TYPE_STRING)
            field = json_node_get_string (node);
          if ((node = json_object_get_member (e, "code")) && JSON_NODE_HOLDS_VALUE (node) &&
              json_node_get_value_type (node) == G_TYPE_STRING)
            code = json_node_get_string (node);
        }
    }

  g_string_append_printf (text, _("mizan-server answered %u %s"), status, status_phrase (status));
  if (code != NULL)
    g_string_append_printf (text, " (%s)", code);
  if (message != NULL)
    {
      g_string_append (text, ": ");
      g_string_append (text, message);
      /* Our own sentences follow; one full stop is enough. */
      if (text->len > 0 && text->str[text->len - 1] == '.')
        g_string_truncate (text, text->len - 1);
    }
  if (field != NULL)
    g_string_append_printf (text, _(" [field “%s”]"), field);

  switch (status)
    {
    case 401: error_code = MIZAN_SYNC_ERROR_UNAUTHORIZED; break;
    case 403: error_code = MIZAN_SYNC_ERROR_FORBIDDEN; break;
    case 404: error_code = MIZAN_SYNC_ERROR_NOT_FOUND; break;
    case 408: case 429: error_code = MIZAN_SYNC_ERROR_BUSY; break;
    default:
      error_code = status >= 500 ? MIZAN_SYNC_ERROR_BUSY
                 : status >= 400 ? MIZAN_SYNC_ERROR_REFUSED
                 : MIZAN_SYNC_ERROR_PROTOCOL;
    }

  if (status == 401)
    g_string_append (text, _(". Check the token in Preferences → Sharing; it may have been revoked"));

  g_set_error_literal (error, MIZAN_SYNC_ERROR, error_code, text->str);
  g_string_free (text, TRUE);
}

static void
set_transport_error (MizanSyncClient  *self,
                     GError          **error,
                     const GError     *cause)
{
  if (cause->domain == G_TLS_ERROR)
    g_set_error (error, MIZAN_SYNC_ERROR, MIZAN_SYNC_ERROR_INSECURE,
                 _("Cannot make a secure connection to %s: %s"), self->base_string, cause->message);
  else
    g_set_error (error, MIZAN_SYNC_ERROR, MIZAN_SYNC_ERROR_NETWORK,
                 _("Cannot reach %s: %s"), self->base_string, cause->message);
}

typedef struct {
  SoupMessage *msg;
  guint        expected[2];   /* accepted statuses (0: unused) */
  gboolean     not_found_ok;
} Request;

static void
request_free (Request *request)
{
  g_clear_object (&request->msg);
  g_free (request);
}

static SoupMessage *
new_message (MizanSyncClient *self,
             const char      *method,
             const char      *path_and_query)
{
  g_autofree char *url = g_strconcat (self->base_string, path_and_query, NULL);
  SoupMessage *msg = soup_message_new (method, url);
  SoupMessageHeaders *headers = soup_message_get_request_headers (msg);

  soup_message_headers_replace (headers, "Authorization", self->authorization);
  soup_message_headers_replace (headers, "Accept", "application/json");
  return msg;
}

static void
on_sent (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  MizanSyncClient *self = g_task_get_source_object (task);
  Request *request = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;
  guint status;

  body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  if (body == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_task_return_error (task, g_steal_pointer (&error));
      else
        {
          GError *wrapped = NULL;

          set_transport_error (self, &wrapped, error);
          g_task_return_error (task, wrapped);
        }
      return;
    }

  status = soup_message_get_status (request->msg);
  if (status == request->expected[0] || (request->expected[1] != 0 && status == request->expected[1]) ||
      (status == 404 && request->not_found_ok))
    {
      g_object_set_data (G_OBJECT (task), "status", GUINT_TO_POINTER (status));
      g_task_return_pointer (task, g_steal_pointer (&body), (GDestroyNotify) g_bytes_unref);
      return;
    }

  {
    GError *status_error = NULL;

    set_status_error (&status_error, status, body);
    g_task_return_error (task, status_error);
  }
}

static void
start_request (MizanSyncClient     *self,
               SoupMessage         *msg,
               guint                expected,
               guint                also_expected,
               gboolean             not_found_ok,
               gpointer             source_tag,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  Request *request = g_new0 (Request, 1);

  g_task_set_source_tag (task, source_tag);
  request->msg = msg;
  request->expected[0] = expected;
  request->expected[1] = also_expected;
  request->not_found_ok = not_found_ok;
  g_task_set_task_data (task, request, (GDestroyNotify) request_free);
  soup_message_set_flags (msg, SOUP_MESSAGE_NO_REDIRECT);

  soup_session_send_and_read_async (self->session, msg, G_PRIORITY_DEFAULT, cancellable, on_sent, task);
}

static GBytes *
finish_request (GAsyncResult  *result,
                guint         *status,
                GError       **error)
{
  GBytes *body = g_task_propagate_pointer (G_TASK (result), error);

  if (body != NULL && status != NULL)
    *status = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (result), "status"));
  if (body != NULL && g_bytes_get_size (body) > MAX_ANSWER_BYTES)
    {
      g_bytes_unref (body);
      g_set_error (error, MIZAN_SYNC_ERROR, MIZAN_SYNC_ERROR_PROTOCOL,
                   _("The server’s answer is too large to be mizan-server’s"));
      return NULL;
    }
  return body;
}

/* JSON, node by node ----------------------------------------------------------------------- */

static gboolean
protocol_error (GError     **error,
                const char  *path,
                const char  *expected)
{
  g_set_error (error, MIZAN_SYNC_ERROR, MIZAN_SYNC_ERROR_PROTOCOL,
               _("The server’s answer is not what mizan-server sends: %s should be %s"), path, expected);
  return FALSE;
}

static JsonNode *
member (JsonObject *object,
        const char *name)
{
  return json_object_has_member (object, name) ? json_object_get_member (object, name) : NULL;
}

static gboolean
get_object (JsonObject   *parent,
            const char   *name,
            const char   *path,
            JsonObject  **out,
            GError      **error)
{
  JsonNode *node = member (parent, name);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return protocol_error (error, path, _("an object"));
  *out = json_node_get_object (node);
  return TRUE;
}

static gboolean
get_array (JsonObject  *parent,
           const char  *name,
           const char  *path,
           JsonArray  **out,
           GError     **error)
{
  JsonNode *node = member (parent, name);

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return protocol_error (error, path, _("an array"));
  *out = json_node_get_array (node);
  return TRUE;
}

static gboolean
get_number (JsonObject  *parent,
            const char  *name,
            const char  *path,
            double      *out,
            GError     **error)
{
  JsonNode *node = member (parent, name);
  GType type;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return protocol_error (error, path, _("a number"));
  type = json_node_get_value_type (node);
  if (type == G_TYPE_INT64)
    *out = (double) json_node_get_int (node);
  else if (type == G_TYPE_DOUBLE)
    *out = json_node_get_double (node);
  else
    return protocol_error (error, path, _("a number"));
  return TRUE;
}

static gboolean
get_count (JsonObject  *parent,
           const char  *name,
           const char  *path,
           guint       *out,
           GError     **error)
{
  JsonNode *node = member (parent, name);
  gint64 value;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return protocol_error (error, path, _("a whole number"));
  value = json_node_get_int (node);
  if (value < 0 || value > G_MAXINT32)
    return protocol_error (error, path, _("a count"));
  *out = (guint) value;
  return TRUE;
}

/* NULL when the member is JSON null; @nullable says whether that is allowed. */
static gboolean
get_string (JsonObject  *parent,
            const char  *name,
            const char  *path,
            gboolean     nullable,
            char       **out,
            GError     **error)
{
  JsonNode *node = member (parent, name);

  if (node != NULL && nullable && JSON_NODE_HOLDS_NULL (node))
    {
      *out = NULL;
      return TRUE;
    }
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return protocol_error (error, path, _("a string"));
  *out = g_strdup (json_node_get_string (node));
  return TRUE;
}

/* "suppressed": true, or absent. */
static gboolean
get_suppressed (JsonObject  *object,
                const char  *path,
                gboolean    *out,
                GError     **error)
{
  JsonNode *node = member (object, "suppressed");

  *out = FALSE;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN ||
      !json_node_get_boolean (node))
    return protocol_error (error, path, "true");
  *out = TRUE;
  return TRUE;
}

static gboolean
get_stats (JsonObject     *parent,
           const char     *name,
           const char     *path,
           MizanSyncStats *stats,
           GError        **error)
{
  g_autofree char *here = g_strdup_printf ("%s.%s", path, name);
  g_autofree char *p_mean = g_strdup_printf ("%s.mean", here);
  g_autofree char *p_p25 = g_strdup_printf ("%s.p25", here);
  g_autofree char *p_median = g_strdup_printf ("%s.median", here);
  g_autofree char *p_p75 = g_strdup_printf ("%s.p75", here);
  JsonObject *object;

  return get_object (parent, name, here, &object, error) &&
         get_number (object, "mean", p_mean, &stats->mean, error) &&
         get_number (object, "p25", p_p25, &stats->p25, error) &&
         get_number (object, "median", p_median, &stats->median, error) &&
         get_number (object, "p75", p_p75, &stats->p75, error);
}

static JsonObject *
parse_root (JsonParser  *parser,
            const char  *data,
            gsize        length,
            GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;

  if (!json_parser_load_from_data (parser, data, (gssize) length, &local_error))
    {
      g_set_error (error, MIZAN_SYNC_ERROR, MIZAN_SYNC_ERROR_PROTOCOL,
                   _("The server’s answer is not JSON: %s"), local_error->message);
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      protocol_error (error, _("the answer"), _("an object"));
      return NULL;
    }
  return json_node_get_object (root);
}

static void
benchmark_item_free (MizanBenchmarkItem *item)
{
  g_free (item->id);
  g_free (item);
}

void
mizan_benchmark_free (MizanBenchmark *benchmark)
{
  if (benchmark == NULL)
    return;
  g_free (benchmark->framework_id);
  g_free (benchmark->framework_version);
  g_free (benchmark->country);
  g_free (benchmark->sector);
  g_free (benchmark->size);
  g_clear_pointer (&benchmark->domains, g_ptr_array_unref);
  g_clear_pointer (&benchmark->capabilities, g_ptr_array_unref);
  g_free (benchmark);
}

const MizanBenchmarkItem *
mizan_benchmark_find_domain (const MizanBenchmark *benchmark,
                             const char           *id)
{
  for (guint i = 0; benchmark->domains && i < benchmark->domains->len; i++)
    {
      const MizanBenchmarkItem *item = g_ptr_array_index (benchmark->domains, i);

      if (g_strcmp0 (item->id, id) == 0)
        return item;
    }
  return NULL;
}

static gboolean
parse_framework (JsonObject  *root,
                 char       **id,
                 char       **version,
                 GError     **error)
{
  JsonObject *framework;

  return get_object (root, "framework", "framework", &framework, error) &&
         get_string (framework, "id", "framework.id", FALSE, id, error) &&
         get_string (framework, "version", "framework.version", FALSE, version, error);
}

static gboolean
parse_items (JsonObject   *root,
             const char   *name,
             gboolean      with_index,
             GPtrArray    *items,
             GError      **error)
{
  JsonArray *array;

  if (!get_array (root, name, name, &array, error))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autofree char *path = g_strdup_printf ("%s[%u]", name, i);
      g_autofree char *p_id = g_strdup_printf ("%s.id", path);
      g_autofree char *p_n = g_strdup_printf ("%s.n", path);
      MizanBenchmarkItem *item;
      JsonObject *object;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return protocol_error (error, path, _("an object"));
      object = json_node_get_object (node);

      item = g_new0 (MizanBenchmarkItem, 1);
      g_ptr_array_add (items, item);
      if (!get_string (object, "id", p_id, FALSE, &item->id, error) ||
          !get_suppressed (object, path, &item->suppressed, error))
        return FALSE;
      if (item->suppressed)
        continue;
      if (!get_count (object, "n", p_n, &item->n, error) ||
          !get_stats (object, "level", path, &item->level, error) ||
          (with_index && !get_stats (object, "index", path, &item->index, error)) ||
          !get_stats (object, "score", path, &item->score, error))
        return FALSE;
    }
  return TRUE;
}

MizanBenchmark *
mizan_benchmark_parse (const char  *data,
                       gsize        length,
                       GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(MizanBenchmark) benchmark = g_new0 (MizanBenchmark, 1);
  JsonObject *root = parse_root (parser, data, length, error);
  JsonObject *filter, *overall;

  if (root == NULL)
    return NULL;

  benchmark->domains = g_ptr_array_new_with_free_func ((GDestroyNotify) benchmark_item_free);
  benchmark->capabilities = g_ptr_array_new_with_free_func ((GDestroyNotify) benchmark_item_free);

  if (!parse_framework (root, &benchmark->framework_id, &benchmark->framework_version, error) ||
      !get_object (root, "filter", "filter", &filter, error) ||
      !get_string (filter, "country", "filter.country", TRUE, &benchmark->country, error) ||
      !get_string (filter, "sector", "filter.sector", TRUE, &benchmark->sector, error) ||
      !get_string (filter, "size", "filter.size", TRUE, &benchmark->size, error) ||
      !get_count (root, "k", "k", &benchmark->k, error) ||
      !get_suppressed (root, "suppressed", &benchmark->suppressed, error))
    return NULL;

  if (benchmark->suppressed)
    return g_steal_pointer (&benchmark);

  if (!get_count (root, "n", "n", &benchmark->n, error) ||
      !get_object (root, "overall", "overall", &overall, error) ||
      !get_stats (overall, "index", "overall", &benchmark->overall_index, error) ||
      !get_stats (overall, "score", "overall", &benchmark->overall_score, error) ||
      !parse_items (root, "domains", TRUE, benchmark->domains, error) ||
      !parse_items (root, "capabilities", FALSE, benchmark->capabilities, error))
    return NULL;

  return g_steal_pointer (&benchmark);
}

static void
country_domain_free (MizanCountryDomain *domain)
{
  g_free (domain->id);
  g_free (domain);
}

static void
country_row_free (MizanCountryRow *row)
{
  g_free (row->country);
  g_clear_pointer (&row->domains, g_ptr_array_unref);
  g_free (row);
}

void
mizan_country_table_free (MizanCountryTable *table)
{
  if (table == NULL)
    return;
  g_free (table->framework_id);
  g_free (table->framework_version);
  g_clear_pointer (&table->countries, g_ptr_array_unref);
  g_free (table);
}

static gboolean
parse_country (JsonObject       *object,
               const char       *path,
               MizanCountryRow  *row,
               GError          **error)
{
  g_autofree char *p_country = g_strdup_printf ("%s.country", path);
  g_autofree char *p_n = g_strdup_printf ("%s.n", path);
  g_autofree char *p_index = g_strdup_printf ("%s.mean_index", path);
  g_autofree char *p_score = g_strdup_printf ("%s.mean_score", path);
  g_autofree char *p_domains = g_strdup_printf ("%s.domains", path);
  JsonArray *domains;

  if (!get_string (object, "country", p_country, FALSE, &row->country, error) ||
      !get_suppressed (object, path, &row->suppressed, error))
    return FALSE;
  if (row->suppressed)
    return TRUE;
  if (!get_count (object, "n", p_n, &row->n, error) ||
      !get_number (object, "mean_index", p_index, &row->mean_index, error) ||
      !get_number (object, "mean_score", p_score, &row->mean_score, error) ||
      !get_array (object, "domains", p_domains, &domains, error))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (domains); i++)
    {
      JsonNode *node = json_array_get_element (domains, i);
      g_autofree char *here = g_strdup_printf ("%s[%u]", p_domains, i);
      g_autofree char *p_id = g_strdup_printf ("%s.id", here);
      g_autofree char *p_dn = g_strdup_printf ("%s.n", here);
      g_autofree char *p_di = g_strdup_printf ("%s.mean_index", here);
      g_autofree char *p_ds = g_strdup_printf ("%s.mean_score", here);
      g_autofree char *p_dl = g_strdup_printf ("%s.mean_level", here);
      MizanCountryDomain *domain;
      JsonObject *d;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return protocol_error (error, here, _("an object"));
      d = json_node_get_object (node);
      domain = g_new0 (MizanCountryDomain, 1);
      g_ptr_array_add (row->domains, domain);
      if (!get_string (d, "id", p_id, FALSE, &domain->id, error) ||
          !get_suppressed (d, here, &domain->suppressed, error))
        return FALSE;
      if (domain->suppressed)
        continue;
      if (!get_count (d, "n", p_dn, &domain->n, error) ||
          !get_number (d, "mean_index", p_di, &domain->mean_index, error) ||
          !get_number (d, "mean_score", p_ds, &domain->mean_score, error) ||
          !get_number (d, "mean_level", p_dl, &domain->mean_level, error))
        return FALSE;
    }
  return TRUE;
}

MizanCountryTable *
mizan_country_table_parse (const char  *data,
                           gsize        length,
                           GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(MizanCountryTable) table = g_new0 (MizanCountryTable, 1);
  JsonObject *root = parse_root (parser, data, length, error);
  JsonArray *countries;

  if (root == NULL)
    return NULL;

  table->countries = g_ptr_array_new_with_free_func ((GDestroyNotify) country_row_free);
  if (!parse_framework (root, &table->framework_id, &table->framework_version, error) ||
      !get_count (root, "k", "k", &table->k, error) ||
      !get_array (root, "countries", "countries", &countries, error))
    return NULL;

  for (guint i = 0; i < json_array_get_length (countries); i++)
    {
      JsonNode *node = json_array_get_element (countries, i);
      g_autofree char *path = g_strdup_printf ("countries[%u]", i);
      MizanCountryRow *row;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          protocol_error (error, path, _("an object"));
          return NULL;
        }
      row = g_new0 (MizanCountryRow, 1);
      row->domains = g_ptr_array_new_with_free_func ((GDestroyNotify) country_domain_free);
      g_ptr_array_add (table->countries, row);
      if (!parse_country (json_node_get_object (node), path, row, error))
        return NULL;
    }

  return g_steal_pointer (&table);
}

/* Send ------------------------------------------------------------------------------------- */

void
mizan_sync_client_send_async (MizanSyncClient     *self,
                              JsonNode            *payload,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GBytes) body = NULL;
  SoupMessage *msg;
  char *text;

  g_return_if_fail (MIZAN_IS_SYNC_CLIENT (self));
  g_return_if_fail (payload != NULL);

  text = json_to_string (payload, FALSE);
  body = g_bytes_new_take (text, strlen (text));
  msg = new_message (self, "POST", "/api/v1/submissions");
  soup_message_set_request_body_from_bytes (msg, "application/json", body);
  start_request (self, msg, SOUP_STATUS_CREATED, SOUP_STATUS_OK, FALSE,
                 mizan_sync_client_send_async, cancellable, callback, user_data);
}

gboolean
mizan_sync_client_send_finish (MizanSyncClient  *self,
                               GAsyncResult     *result,
                               MizanSyncSent    *sent,
                               GError          **error)
{
  g_autoptr(GBytes) body = NULL;
  guint status = 0;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  body = finish_request (result, &status, error);
  if (body == NULL)
    return FALSE;
  if (sent != NULL)
    *sent = status == SOUP_STATUS_CREATED ? MIZAN_SYNC_SENT_CREATED : MIZAN_SYNC_SENT_REPLACED;
  return TRUE;
}

/* Withdraw --------------------------------------------------------------------------------- */

void
mizan_sync_client_withdraw_async (MizanSyncClient     *self,
                                  const char          *submission_id,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autofree char *escaped = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (MIZAN_IS_SYNC_CLIENT (self));
  g_return_if_fail (submission_id != NULL);

  escaped = g_uri_escape_string (submission_id, NULL, FALSE);
  path = g_strconcat ("/api/v1/submissions/", escaped, NULL);
  start_request (self, new_message (self, "DELETE", path), SOUP_STATUS_NO_CONTENT, 0, TRUE,
                 mizan_sync_client_withdraw_async, cancellable, callback, user_data);
}

gboolean
mizan_sync_client_withdraw_finish (MizanSyncClient  *self,
                                   GAsyncResult     *result,
                                   GError          **error)
{
  g_autoptr(GBytes) body = NULL;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  body = finish_request (result, NULL, error);
  return body != NULL;
}

/* Benchmarks and member states --------------------------------------------------------------- */

static void
append_parameter (GString    *query,
                  const char *name,
                  const char *value)
{
  g_autofree char *escaped = NULL;

  if (value == NULL || *value == '\0')
    return;
  escaped = g_uri_escape_string (value, NULL, FALSE);
  g_string_append_printf (query, "&%s=%s", name, escaped);
}

void
mizan_sync_client_benchmark_async (MizanSyncClient     *self,
                                   const char          *framework_id,
                                   const char          *framework_version,
                                   const char          *country,
                                   const char          *sector,
                                   const char          *size,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GString) path = g_string_new ("/api/v1/benchmarks?");
  g_autofree char *framework = NULL;

  g_return_if_fail (MIZAN_IS_SYNC_CLIENT (self));
  g_return_if_fail (framework_id != NULL);

  framework = g_uri_escape_string (framework_id, NULL, FALSE);
  g_string_append_printf (path, "framework=%s", framework);
  append_parameter (path, "version", framework_version);
  append_parameter (path, "country", country);
  append_parameter (path, "sector", sector);
  append_parameter (path, "size", size);
  start_request (self, new_message (self, "GET", path->str), SOUP_STATUS_OK, 0, FALSE,
                 mizan_sync_client_benchmark_async, cancellable, callback, user_data);
}

MizanBenchmark *
mizan_sync_client_benchmark_finish (MizanSyncClient  *self,
                                    GAsyncResult     *result,
                                    GError          **error)
{
  g_autoptr(GBytes) body = NULL;
  gsize size;
  const char *data;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  body = finish_request (result, NULL, error);
  if (body == NULL)
    return NULL;
  data = g_bytes_get_data (body, &size);
  return mizan_benchmark_parse (data, size, error);
}

void
mizan_sync_client_countries_async (MizanSyncClient     *self,
                                   const char          *framework_id,
                                   const char          *framework_version,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GString) path = g_string_new ("/api/v1/countries?");
  g_autofree char *framework = NULL;

  g_return_if_fail (MIZAN_IS_SYNC_CLIENT (self));
  g_return_if_fail (framework_id != NULL);

  framework = g_uri_escape_string (framework_id, NULL, FALSE);
  g_string_append_printf (path, "framework=%s", framework);
  append_parameter (path, "version", framework_version);
  start_request (self, new_message (self, "GET", path->str), SOUP_STATUS_OK, 0, FALSE,
                 mizan_sync_client_countries_async, cancellable, callback, user_data);
}

MizanCountryTable *
mizan_sync_client_countries_finish (MizanSyncClient  *self,
                                    GAsyncResult     *result,
                                    GError          **error)
{
  g_autoptr(GBytes) body = NULL;
  gsize size;
  const char *data;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  body = finish_request (result, NULL, error);
  if (body == NULL)
    return NULL;
  data = g_bytes_get_data (body, &size);
  return mizan_country_table_parse (data, size, error);
}

/* The token file ---------------------------------------------------------------------------- */

char *
mizan_sync_get_token_path (void)
{
  return g_build_filename (g_get_user_config_dir (), "mizan", "token", NULL);
}

char *
mizan_sync_load_token (GError **error)
{
  g_autofree char *path = mizan_sync_get_token_path ();
  g_autofree char *contents = NULL;
  g_autoptr(GError) local_error = NULL;

  if (!g_file_get_contents (path, &contents, NULL, &local_error))
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return NULL;
      g_set_error (error, MIZAN_SYNC_ERROR, MIZAN_SYNC_ERROR_CONFIG,
                   _("Cannot read the token file: %s"), local_error->message);
      return NULL;
    }
  g_strstrip (contents);
  if (*contents == '\0')
    return NULL;
  return g_steal_pointer (&contents);
}

gboolean
mizan_sync_save_token (const char  *token,
                       GError     **error)
{
  g_autofree char *path = mizan_sync_get_token_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *temp = NULL;
  g_autofree char *line = NULL;
  int fd;
  gsize length, written = 0;

  if (token == NULL || *token == '\0')
    {
      if (g_unlink (path) != 0 && errno != ENOENT)
        {
          int saved = errno;
          g_set_error (error, MIZAN_SYNC_ERROR, MIZAN_SYNC_ERROR_CONFIG,
                       _("Cannot remove the token file “%s”: %s"), path, g_strerror (saved));
          return FALSE;
        }
      return TRUE;
    }
  if (!token_is_valid (token))
    {
      g_set_error (error, MIZAN_SYNC_ERROR, MIZAN_SYNC_ERROR_CONFIG,
                   _("The token is not one mizan-server issued (only letters, digits, “-” and “_”)"));
      return FALSE;
    }

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, MIZAN_SYNC_ERROR, MIZAN_SYNC_ERROR_CONFIG,
                   _("Cannot create “%s”: %s"), dir, g_strerror (saved));
      return FALSE;
    }

  /* g_mkstemp makes the file 0600 before anything is in it. */
  temp = g_build_filename (dir, ".token-XXXXXX", NULL);
  fd = g_mkstemp_full (temp, O_WRONLY, 0600);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, MIZAN_SYNC_ERROR, MIZAN_SYNC_ERROR_CONFIG,
                   _("Cannot write the token file in “%s”: %s"), dir, g_strerror (saved));
      return FALSE;
    }

  line = g_strconcat (token, "\n", NULL);
  length = strlen (line);
  while (written < length)
    {
      gssize n = write (fd, line + written, length - written);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        break;
      written += (gsize) n;
    }
  if (written < length || fsync (fd) != 0)
    {
      int saved = errno;
      close (fd);
      g_unlink (temp);
      g_set_error (error, MIZAN_SYNC_ERROR, MIZAN_SYNC_ERROR_CONFIG,
                   _("Cannot write the token file “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }
  if (close (fd) != 0 || g_rename (temp, path) != 0)
    {
      int saved = errno;
      g_unlink (temp);
      g_set_error (error, MIZAN_SYNC_ERROR, MIZAN_SYNC_ERROR_CONFIG,
                   _("Cannot write the token file “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }

  return TRUE;
}

char *
mizan_sync_mask_token (const char *token)
{
  gsize length = token ? strlen (token) : 0;

  if (length == 0)
    return g_strdup ("");
  /* A short string is not a real token; show none of it. */
  if (length < 12)
    return g_strdup ("••••");
  return g_strconcat ("••••", token + length - 4, NULL);
}
