/* mizan-sync-queue.c — sharing an assessment: send now, or queue and retry with backoff
 * Each outcome is written to the store before the caller hears of it. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "mizan-sync-queue.h"

#define BACKOFF_FIRST_SECONDS 30
#define BACKOFF_MAX_SECONDS   (6 * 3600)

gint64
mizan_sync_backoff_seconds (guint attempts)
{
  gint64 delay = BACKOFF_FIRST_SECONDS;

  for (guint i = 1; i < attempts && delay < BACKOFF_MAX_SECONDS; i++)
    delay *= 2;
  return MIN (delay, BACKOFF_MAX_SECONDS);
}

static gint64
now_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

typedef struct {
  MizanSyncClient *client;
  MizanStore      *store;
  char            *assessment_id;
  char            *submission_id;
  char            *payload;
} Job;

static void
job_free (Job *job)
{
  g_clear_object (&job->client);
  g_clear_object (&job->store);
  g_free (job->assessment_id);
  g_free (job->submission_id);
  g_free (job->payload);
  g_free (job);
}

static Job *
job_new (MizanSyncClient *client,
         MizanStore      *store,
         const char      *assessment_id)
{
  Job *job = g_new0 (Job, 1);

  job->client = g_object_ref (client);
  job->store = g_object_ref (store);
  job->assessment_id = g_strdup (assessment_id);
  return job;
}

/* Puts (or keeps) the action on the queue with its next try pushed back;
 * then adds to @error when it will be tried again. */
static void
queue_again (MizanStore       *store,
             const char       *assessment_id,
             MizanSyncAction   action,
             const char       *submission_id,
             const char       *payload,
             GError          **error)
{
  g_autoptr(MizanSyncEntry) old = NULL;
  g_autoptr(GError) store_error = NULL;
  g_autoptr(GPtrArray) list = mizan_store_queue_list (store, NULL);
  MizanSyncEntry entry = { 0 };
  gint64 delay;

  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      MizanSyncEntry *e = g_ptr_array_index (list, i);

      if (g_strcmp0 (e->submission_id, submission_id) == 0)
        entry.attempts = e->attempts;
    }

  entry.assessment_id = (char *) assessment_id;
  entry.action = action;
  entry.submission_id = (char *) submission_id;
  entry.payload = (char *) payload;
  entry.attempts++;
  delay = mizan_sync_backoff_seconds (entry.attempts);
  entry.next_attempt = now_seconds () + delay;
  entry.last_error = (*error)->message;

  if (!mizan_store_queue_put (store, &entry, &store_error))
    {
      g_prefix_error (error, "%s; ", store_error->message);
      return;
    }

  if (delay < 120)
    g_prefix_error (error, g_dngettext (GETTEXT_PACKAGE,
                                        "Queued, to be tried again in %d second: ",
                                        "Queued, to be tried again in %d seconds: ", (int) delay),
                    (int) delay);
  else
    g_prefix_error (error, g_dngettext (GETTEXT_PACKAGE,
                                        "Queued, to be tried again in %d minute: ",
                                        "Queued, to be tried again in %d minutes: ", (int) (delay / 60)),
                    (int) (delay / 60));
}

/* Share ------------------------------------------------------------------------------------- */

static void
on_share_sent (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Job *job = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  MizanSyncSent sent;

  if (!mizan_sync_client_send_finish (MIZAN_SYNC_CLIENT (source), result, &sent, &error))
    {
      if (mizan_sync_error_is_transient (error))
        queue_again (job->store, job->assessment_id, MIZAN_SYNC_ACTION_SEND,
                     job->submission_id, job->payload, &error);
      else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        /* Refused as it is: sending it again would be refused again. */
        mizan_store_queue_remove (job->store, job->submission_id, NULL);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (!mizan_store_set_delivered (job->store, job->assessment_id, now_seconds (), &error) ||
      !mizan_store_queue_remove (job->store, job->submission_id, &error))
    {
      g_prefix_error (&error, _("Sent, but not recorded here: "));
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_int (task, sent);
}

static const char *
payload_submission_id (JsonNode *payload)
{
  JsonObject *object = JSON_NODE_HOLDS_OBJECT (payload) ? json_node_get_object (payload) : NULL;
  JsonNode *node = object && json_object_has_member (object, "submission_id")
                   ? json_object_get_member (object, "submission_id") : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

void
mizan_sync_share_async (MizanSyncClient     *client,
                        MizanStore          *store,
                        const char          *assessment_id,
                        JsonNode            *payload,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  Job *job = job_new (client, store, assessment_id);

  g_task_set_source_tag (task, mizan_sync_share_async);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  job->submission_id = g_strdup (payload_submission_id (payload));
  job->payload = json_to_string (payload, FALSE);
  if (job->submission_id == NULL)
    {
      g_task_return_new_error (task, MIZAN_SYNC_ERROR, MIZAN_SYNC_ERROR_CONFIG,
                               "The payload has no submission_id");
      return;
    }

  mizan_sync_client_send_async (client, payload, cancellable, on_share_sent, g_steal_pointer (&task));
}

gboolean
mizan_sync_share_finish (GAsyncResult  *result,
                         MizanSyncSent *sent,
                         GError       **error)
{
  gssize value;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  value = g_task_propagate_int (G_TASK (result), error);
  if (value < 0)
    return FALSE;
  if (sent != NULL)
    *sent = (MizanSyncSent) value;
  return TRUE;
}

/* Withdraw ---------------------------------------------------------------------------------- */

static void
on_withdrawn (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Job *job = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) store_error = NULL;

  if (!mizan_sync_client_withdraw_finish (MIZAN_SYNC_CLIENT (source), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      if (!mizan_sync_error_is_transient (error))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      /* The user asked for it gone: forget it here now, and tell the server
       * as soon as it can hear. */
      if (!mizan_store_forget_submission (job->store, job->assessment_id, &store_error))
        {
          g_task_return_error (task, g_steal_pointer (&store_error));
          return;
        }
      queue_again (job->store, job->assessment_id, MIZAN_SYNC_ACTION_WITHDRAW,
                   job->submission_id, NULL, &error);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (!mizan_store_forget_submission (job->store, job->assessment_id, &store_error))
    {
      g_task_return_error (task, g_steal_pointer (&store_error));
      return;
    }
  g_task_return_int (task, TRUE);
}

void
mizan_sync_withdraw_async (MizanSyncClient     *client,
                           MizanStore          *store,
                           const char          *assessment_id,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  Job *job = job_new (client, store, assessment_id);
  g_autoptr(GError) error = NULL;
  gint64 delivered = 0;

  g_task_set_source_tag (task, mizan_sync_withdraw_async);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);

  if (!mizan_store_get_sharing (store, assessment_id, &job->submission_id, &delivered, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (job->submission_id == NULL)
    {
      g_task_return_int (task, FALSE);
      return;
    }

  /* Even when no send was acknowledged: one may have arrived and its answer
   * got lost. The server answers 404 for what it does not have. */
  mizan_sync_client_withdraw_async (client, job->submission_id, cancellable, on_withdrawn,
                                    g_steal_pointer (&task));
}

gboolean
mizan_sync_withdraw_finish (GAsyncResult  *result,
                            gboolean      *withdrawn,
                            GError       **error)
{
  gssize value;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  value = g_task_propagate_int (G_TASK (result), error);
  if (value < 0)
    return FALSE;
  if (withdrawn != NULL)
    *withdrawn = value != 0;
  return TRUE;
}

/* Flush ------------------------------------------------------------------------------------- */

void
mizan_sync_flush_free (MizanSyncFlush *flush)
{
  if (flush == NULL)
    return;
  g_clear_pointer (&flush->problems, g_ptr_array_unref);
  g_free (flush);
}

typedef struct {
  MizanSyncClient *client;
  MizanStore      *store;
  GPtrArray       *entries;
  guint            next;
  MizanSyncFlush  *flush;
} Flush;

static void
flush_state_free (Flush *state)
{
  g_clear_object (&state->client);
  g_clear_object (&state->store);
  g_clear_pointer (&state->entries, g_ptr_array_unref);
  mizan_sync_flush_free (state->flush);
  g_free (state);
}

static void flush_next (GTask *task);

static void
flush_record (GTask          *task,
              MizanSyncEntry *entry,
              GError         *error)
{
  Flush *state = g_task_get_task_data (task);

  if (error == NULL)
    {
      g_autoptr(GError) store_error = NULL;
      g_autofree char *current = NULL;
      gint64 delivered = 0;

      state->flush->delivered++;
      mizan_store_queue_remove (state->store, entry->submission_id, &store_error);
      if (entry->action == MIZAN_SYNC_ACTION_SEND &&
          mizan_store_get_sharing (state->store, entry->assessment_id, &current, &delivered, NULL) &&
          g_strcmp0 (current, entry->submission_id) == 0)
        mizan_store_set_delivered (state->store, entry->assessment_id, now_seconds (), NULL);
      if (store_error != NULL)
        g_ptr_array_add (state->flush->problems,
                         g_strdup_printf ("%s: %s", entry->assessment_id, store_error->message));
      return;
    }

  if (mizan_sync_error_is_transient (error))
    {
      GError *copy = g_error_copy (error);

      state->flush->waiting++;
      queue_again (state->store, entry->assessment_id, entry->action, entry->submission_id,
                   entry->payload, &copy);
      g_ptr_array_add (state->flush->problems, g_strdup_printf ("%s: %s", entry->assessment_id, copy->message));
      g_error_free (copy);
      return;
    }

  state->flush->dropped++;
  mizan_store_queue_remove (state->store, entry->submission_id, NULL);
  g_ptr_array_add (state->flush->problems,
                   g_strdup_printf (entry->action == MIZAN_SYNC_ACTION_SEND
                                    ? _("%s: not sent, and taken off the queue: %s")
                                    : _("%s: not withdrawn, and taken off the queue: %s"),
                                    entry->assessment_id, error->message));
}

static void
on_flush_done (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GTask *task = user_data;
  Flush *state = g_task_get_task_data (task);
  MizanSyncEntry *entry = g_ptr_array_index (state->entries, state->next - 1);
  g_autoptr(GError) error = NULL;

  if (entry->action == MIZAN_SYNC_ACTION_WITHDRAW)
    mizan_sync_client_withdraw_finish (MIZAN_SYNC_CLIENT (source), result, &error);
  else
    mizan_sync_client_send_finish (MIZAN_SYNC_CLIENT (source), result, NULL, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }
  flush_record (task, entry, error);
  flush_next (task);
}

/* Holds one reference on @task from the start until it returns. */
static void
flush_next (GTask *task)
{
  Flush *state = g_task_get_task_data (task);

  while (state->next < state->entries->len)
    {
      MizanSyncEntry *entry = g_ptr_array_index (state->entries, state->next++);
      g_autoptr(JsonParser) parser = NULL;

      if (entry->action == MIZAN_SYNC_ACTION_WITHDRAW)
        {
          mizan_sync_client_withdraw_async (state->client, entry->submission_id,
                                            g_task_get_cancellable (task), on_flush_done, task);
          return;
        }

      parser = json_parser_new ();
      if (entry->payload == NULL || !json_parser_load_from_data (parser, entry->payload, -1, NULL))
        {
          g_autoptr(GError) error = g_error_new (MIZAN_SYNC_ERROR, MIZAN_SYNC_ERROR_PROTOCOL,
                                                 _("the queued payload is damaged"));
          flush_record (task, entry, error);
          continue;
        }
      mizan_sync_client_send_async (state->client, json_parser_get_root (parser),
                                    g_task_get_cancellable (task), on_flush_done, task);
      return;
    }

  g_task_return_pointer (task, g_steal_pointer (&state->flush), (GDestroyNotify) mizan_sync_flush_free);
  g_object_unref (task);
}

void
mizan_sync_flush_async (MizanSyncClient     *client,
                        MizanStore          *store,
                        gboolean             due_only,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  Flush *state = g_new0 (Flush, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;
  gint64 now = now_seconds ();

  g_task_set_source_tag (task, mizan_sync_flush_async);
  g_task_set_task_data (task, state, (GDestroyNotify) flush_state_free);
  state->client = g_object_ref (client);
  state->store = g_object_ref (store);
  state->flush = g_new0 (MizanSyncFlush, 1);
  state->flush->problems = g_ptr_array_new_with_free_func (g_free);
  state->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) mizan_sync_entry_free);

  all = mizan_store_queue_list (store, &error);
  if (all == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }
  for (guint i = 0; i < all->len; i++)
    {
      MizanSyncEntry *entry = g_ptr_array_index (all, i);

      if (due_only && entry->next_attempt > now)
        state->flush->waiting++;
      else
        g_ptr_array_add (state->entries, g_ptr_array_steal_index (all, i--));
    }

  flush_next (task);
}

MizanSyncFlush *
mizan_sync_flush_finish (GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
