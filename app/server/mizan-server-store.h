/* mizan-server-store.h — the benchmark server's SQLite database: tokens and submissions
 * WAL; submissions are written by one thread that commits whatever has queued up in one durable transaction. */
#pragma once

#include <gio/gio.h>

#include "mizan-server-submission.h"

G_BEGIN_DECLS

#define MIZAN_SERVER_STORE_ERROR (mizan_server_store_error_quark ())
typedef enum {
  MIZAN_SERVER_STORE_ERROR_OPEN,       /* cannot create or open the file */
  MIZAN_SERVER_STORE_ERROR_FOREIGN,    /* not a mizan-server database, or a newer one */
  MIZAN_SERVER_STORE_ERROR_FAILED,     /* SQLite failed (disk full, I/O) */
  MIZAN_SERVER_STORE_ERROR_NOT_FOUND,
  MIZAN_SERVER_STORE_ERROR_CLOSED,
} MizanServerStoreError;
GQuark mizan_server_store_error_quark (void);

typedef enum {
  MIZAN_SERVER_ROLE_SUBMITTER,
  MIZAN_SERVER_ROLE_ANALYST,
} MizanServerRole;

const char *mizan_server_role_to_string   (MizanServerRole  role);
gboolean    mizan_server_role_from_string (const char      *text,
                                           MizanServerRole *role);

#define MIZAN_SERVER_TOKEN_HASH_SIZE 32   /* SHA-256 */

typedef struct {
  gint64          id;
  MizanServerRole role;
  char           *country;   /* submitters only */
  gint64          created;   /* unix seconds */
  gint64          revoked;   /* unix seconds, 0 while valid */
} MizanServerToken;

void mizan_server_token_free (MizanServerToken *token);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MizanServerToken, mizan_server_token_free)

typedef enum {
  MIZAN_SERVER_WRITE_CREATED,
  MIZAN_SERVER_WRITE_REPLACED,
  MIZAN_SERVER_WRITE_DELETED,
  MIZAN_SERVER_WRITE_NOT_FOUND,   /* delete: no such id for that country */
  MIZAN_SERVER_WRITE_FORBIDDEN,   /* put: the id belongs to another country */
} MizanServerWriteResult;

#define MIZAN_TYPE_SERVER_STORE (mizan_server_store_get_type ())
G_DECLARE_FINAL_TYPE (MizanServerStore, mizan_server_store, MIZAN, SERVER_STORE, GObject)

/* $XDG_DATA_HOME/mizan-server/mizan-server.db */
char              *mizan_server_store_get_default_path   (void);
/* Creates the file (mode 0600) and its schema when missing. */
MizanServerStore  *mizan_server_store_open               (const char        *path,
                                                          GError           **error);
/* Finishes queued writes, stops the writer and closes the database. */
void               mizan_server_store_close              (MizanServerStore  *self);

gint64             mizan_server_store_add_token          (MizanServerStore  *self,
                                                          const guint8      *hash,
                                                          MizanServerRole    role,
                                                          const char        *country,
                                                          GError           **error);
/* NULL without an error when no token has @hash. */
MizanServerToken  *mizan_server_store_find_token         (MizanServerStore  *self,
                                                          const guint8      *hash,
                                                          GError           **error);
/* MizanServerToken, by id. */
GPtrArray         *mizan_server_store_list_tokens        (MizanServerStore  *self,
                                                          GError           **error);
gboolean           mizan_server_store_revoke_token       (MizanServerStore  *self,
                                                          gint64             id,
                                                          GError           **error);

typedef struct {
  const char   *id;
  const char   *framework;
  const char   *version;
  const char   *country;
  const char   *sector;
  const char   *size;
  const char   *period;
  const void   *figures;        /* see mizan_server_submission_pack_figures () */
  gsize         figures_length;
  /*< private >*/
  gpointer      statement;
} MizanServerStoredRow;

/* The stored JSON, read only when asked for: loading needs it only when the
 * figures no longer fit the framework file. */
const char        *mizan_server_stored_row_get_payload   (const MizanServerStoredRow *row);

typedef gboolean (*MizanServerStoreRowFunc) (const MizanServerStoredRow *row,
                                             gpointer                    user_data);
/* Calls @func with every stored submission until it returns FALSE. */
gboolean           mizan_server_store_foreach_submission (MizanServerStore        *self,
                                                          MizanServerStoreRowFunc  func,
                                                          gpointer                 user_data,
                                                          GError                 **error);

/* Called on the writer thread after each commit, once for every write in
 * it and in commit order, before any of them is answered; not for a write
 * that failed. @submission is the put one (NULL for a delete): the function
 * may take it, leaving NULL. */
typedef void (*MizanServerStoreCommitFunc) (MizanServerWriteResult   outcome,
                                            const char              *id,
                                            MizanServerSubmission  **submission,
                                            gpointer                 user_data);
/* Set before the first write. */
void               mizan_server_store_set_commit_func    (MizanServerStore            *self,
                                                          MizanServerStoreCommitFunc   func,
                                                          gpointer                     user_data);

/* Stores @submission (transfer full), replacing one with the same id of
 * the same country. Completes once the transaction holding it is on disk,
 * on the main context that was the thread default of the caller. */
void               mizan_server_store_put_async          (MizanServerStore            *self,
                                                          MizanServerSubmission       *submission,
                                                          GCancellable                *cancellable,
                                                          GAsyncReadyCallback          callback,
                                                          gpointer                     user_data);
/* Deletes the submission @id if it belongs to @country. */
void               mizan_server_store_delete_async       (MizanServerStore            *self,
                                                          const char                  *id,
                                                          const char                  *country,
                                                          GCancellable                *cancellable,
                                                          GAsyncReadyCallback          callback,
                                                          gpointer                     user_data);
gboolean           mizan_server_store_write_finish       (MizanServerStore            *self,
                                                          GAsyncResult                *result,
                                                          MizanServerWriteResult      *outcome,
                                                          GError                     **error);
/* Writes queued or being committed. */
guint              mizan_server_store_get_pending        (MizanServerStore            *self);

G_END_DECLS
