/* mizan-sync.h — the client of mizan-server: send, withdraw, benchmarks, member states
 * One SoupSession per client, async GTask calls with a GCancellable; answers parsed node by node. */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define MIZAN_SYNC_ERROR (mizan_sync_error_quark ())
GQuark mizan_sync_error_quark (void);

typedef enum {
  MIZAN_SYNC_ERROR_CONFIG,        /* no server URL, a bad URL, no token, a bad CA file */
  MIZAN_SYNC_ERROR_NETWORK,       /* no answer: refused, unreachable, timed out */
  MIZAN_SYNC_ERROR_INSECURE,      /* TLS failed: a certificate not trusted, or no TLS */
  MIZAN_SYNC_ERROR_REFUSED,       /* 400, 413, 415: the payload itself is wrong */
  MIZAN_SYNC_ERROR_UNAUTHORIZED,  /* 401: unknown or revoked token */
  MIZAN_SYNC_ERROR_FORBIDDEN,     /* 403: the token may not do this (role, country) */
  MIZAN_SYNC_ERROR_NOT_FOUND,     /* 404 */
  MIZAN_SYNC_ERROR_BUSY,          /* 429, 5xx: try again later */
  MIZAN_SYNC_ERROR_PROTOCOL,      /* an answer that is not what the API says */
} MizanSyncError;

/* Whether trying again later may succeed (the failure was the network's or
 * the server's, not the request's): such sends are queued. */
gboolean mizan_sync_error_is_transient (const GError *error);

/* Statistics of one figure over a group. */
typedef struct {
  double mean;
  double p25;
  double median;
  double p75;
} MizanSyncStats;

typedef struct {
  char           *id;
  gboolean        suppressed;   /* then nothing below is set */
  guint           n;
  MizanSyncStats  level;
  MizanSyncStats  index;        /* domains only */
  MizanSyncStats  score;
} MizanBenchmarkItem;

typedef struct {
  char           *framework_id;
  char           *framework_version;
  char           *country;      /* the filter; NULL: any */
  char           *sector;
  char           *size;
  guint           k;
  gboolean        suppressed;   /* the whole group: nothing below is set */
  guint           n;
  MizanSyncStats  overall_index;
  MizanSyncStats  overall_score;
  GPtrArray      *domains;      /* MizanBenchmarkItem */
  GPtrArray      *capabilities; /* MizanBenchmarkItem */
} MizanBenchmark;

void mizan_benchmark_free (MizanBenchmark *benchmark);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MizanBenchmark, mizan_benchmark_free)
const MizanBenchmarkItem *mizan_benchmark_find_domain (const MizanBenchmark *benchmark,
                                                       const char           *id);

typedef struct {
  char     *id;
  gboolean  suppressed;
  guint     n;
  double    mean_index;
  double    mean_score;
  double    mean_level;
} MizanCountryDomain;

typedef struct {
  char      *country;
  gboolean   suppressed;
  guint      n;
  double     mean_index;
  double     mean_score;
  GPtrArray *domains;           /* MizanCountryDomain; empty when suppressed */
} MizanCountryRow;

typedef struct {
  char      *framework_id;
  char      *framework_version;
  guint      k;
  GPtrArray *countries;         /* MizanCountryRow, in the server's order */
} MizanCountryTable;

void mizan_country_table_free (MizanCountryTable *table);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MizanCountryTable, mizan_country_table_free)

typedef enum {
  MIZAN_SYNC_SENT_CREATED,
  MIZAN_SYNC_SENT_REPLACED,
} MizanSyncSent;

#define MIZAN_TYPE_SYNC_CLIENT (mizan_sync_client_get_type ())
G_DECLARE_FINAL_TYPE (MizanSyncClient, mizan_sync_client, MIZAN, SYNC_CLIENT, GObject)

/* @server_url: "https://host[:port][/prefix]"; plain http only to a
 * loopback address, since the token would travel in the clear.
 * @ca_file: NULL for the system's certificate authorities, else a PEM file
 * of the only ones to trust. Certificates are always verified. */
MizanSyncClient *mizan_sync_client_new              (const char       *server_url,
                                                     const char       *token,
                                                     const char       *ca_file,
                                                     GError          **error);
const char      *mizan_sync_client_get_server_url   (MizanSyncClient  *self);

void             mizan_sync_client_send_async       (MizanSyncClient     *self,
                                                     JsonNode            *payload,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
gboolean         mizan_sync_client_send_finish      (MizanSyncClient     *self,
                                                     GAsyncResult        *result,
                                                     MizanSyncSent       *sent,
                                                     GError             **error);

/* A submission the server does not have (404) counts as withdrawn. */
void             mizan_sync_client_withdraw_async   (MizanSyncClient     *self,
                                                     const char          *submission_id,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
gboolean         mizan_sync_client_withdraw_finish  (MizanSyncClient     *self,
                                                     GAsyncResult        *result,
                                                     GError             **error);

/* The peers on @framework_version of the model (each version is benchmarked
 * on its own; NULL: the server's newest). @country, @sector, @size: NULL or
 * "" for any. */
void             mizan_sync_client_benchmark_async  (MizanSyncClient     *self,
                                                     const char          *framework_id,
                                                     const char          *framework_version,
                                                     const char          *country,
                                                     const char          *sector,
                                                     const char          *size,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
MizanBenchmark  *mizan_sync_client_benchmark_finish (MizanSyncClient     *self,
                                                     GAsyncResult        *result,
                                                     GError             **error);

/* Needs an analyst token. */
/* @framework_version: NULL for the server's newest. */
void             mizan_sync_client_countries_async  (MizanSyncClient     *self,
                                                     const char          *framework_id,
                                                     const char          *framework_version,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
MizanCountryTable *mizan_sync_client_countries_finish (MizanSyncClient   *self,
                                                       GAsyncResult      *result,
                                                       GError           **error);

/* Parsers of the answers, exposed for the tests and the benchmark. */
MizanBenchmark    *mizan_benchmark_parse     (const char  *data,
                                              gsize        length,
                                              GError     **error);
MizanCountryTable *mizan_country_table_parse (const char  *data,
                                              gsize        length,
                                              GError     **error);

/* The token file: $XDG_CONFIG_HOME/mizan/token, mode 0600. */
char      *mizan_sync_get_token_path    (void);
/* NULL without an error when there is none. */
char      *mizan_sync_load_token        (GError     **error);
/* Written to a temporary file of mode 0600 and renamed; NULL or "" removes it. */
gboolean   mizan_sync_save_token        (const char  *token,
                                         GError     **error);
/* "••••abcd": enough to recognize a token, never enough to use it. */
char      *mizan_sync_mask_token        (const char  *token);

G_END_DECLS
