/* mizan-sync-queue.h — sharing an assessment: send now, or queue and retry with backoff
 * The local state (submission id, delivered, queue) lives in the store, so it survives a restart. */
#pragma once

#include "mizan-store.h"
#include "mizan-sync.h"

G_BEGIN_DECLS

/* Seconds to wait after the @attempts-th failed try: 30 s doubling, at most 6 h. */
gint64   mizan_sync_backoff_seconds (guint attempts);

/* Sends @payload (built with the assessment's stored submission id). On
 * success the submission counts as delivered and anything queued for it is
 * dropped. When the network or the server failed, it is queued (the error
 * is returned all the same, and says so); when the server refused it, it is
 * not. */
void     mizan_sync_share_async     (MizanSyncClient     *client,
                                     MizanStore          *store,
                                     const char          *assessment_id,
                                     JsonNode            *payload,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data);
gboolean mizan_sync_share_finish    (GAsyncResult        *result,
                                     MizanSyncSent       *sent,
                                     GError             **error);

/* Deletes the assessment's submission on the server and forgets its id
 * locally; a withdrawal the server could not get is queued. *@withdrawn is
 * FALSE when there was nothing to withdraw. */
void     mizan_sync_withdraw_async  (MizanSyncClient     *client,
                                     MizanStore          *store,
                                     const char          *assessment_id,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data);
gboolean mizan_sync_withdraw_finish (GAsyncResult        *result,
                                     gboolean            *withdrawn,
                                     GError             **error);

typedef struct {
  guint      delivered;
  guint      waiting;    /* still queued: tried and failed again, or not due */
  guint      dropped;    /* refused by the server: taken off the queue */
  GPtrArray *problems;   /* one line per failure, naming the assessment */
} MizanSyncFlush;

void mizan_sync_flush_free (MizanSyncFlush *flush);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MizanSyncFlush, mizan_sync_flush_free)

/* Tries every queued action (@due_only: only those whose backoff is over). */
void            mizan_sync_flush_async  (MizanSyncClient     *client,
                                         MizanStore          *store,
                                         gboolean             due_only,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
MizanSyncFlush *mizan_sync_flush_finish (GAsyncResult        *result,
                                         GError             **error);

G_END_DECLS
