/* mizan-sharing.c — the app's side of sharing: a sync client from the preferences, background retries
 * The token comes from its file (mode 0600), never from GSettings. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mizan-application.h"
#include "mizan-gui.h"
#include "mizan-sharing.h"

#define RETRY_INTERVAL_SECONDS 60

MizanPreferences *
mizan_sharing_get_preferences (void)
{
  GApplication *app = g_application_get_default ();

  return MIZAN_IS_APPLICATION (app) ? mizan_application_get_preferences (MIZAN_APPLICATION (app)) : NULL;
}

MizanSyncClient *
mizan_sharing_new_client (MizanPreferences  *preferences,
                          GError           **error)
{
  GSettings *settings;
  g_autofree char *server = NULL;
  g_autofree char *token = NULL;

  if (preferences == NULL)
    {
      g_set_error (error, MIZAN_SYNC_ERROR, MIZAN_SYNC_ERROR_CONFIG, _("Mizan’s preferences are not available"));
      return NULL;
    }
  settings = mizan_preferences_get_settings (preferences);
  if (!g_settings_get_boolean (settings, "sharing-enabled"))
    {
      g_set_error (error, MIZAN_SYNC_ERROR, MIZAN_SYNC_ERROR_CONFIG,
                   _("Sharing is off. Turn it on in Preferences → Sharing."));
      return NULL;
    }
  server = g_settings_get_string (settings, "server-url");
  token = mizan_sync_load_token (error);
  if (token == NULL && error != NULL && *error != NULL)
    return NULL;
  return mizan_sync_client_new (server, token, g_getenv ("MIZAN_CA_FILE"), error);
}

typedef struct {
  MizanPreferences *preferences;
  GWeakRef          store;
  gboolean          busy;
  gboolean          due_only;   /* FALSE for the first try after a start */
} Retries;

static void
retries_free (gpointer data)
{
  Retries *retries = data;

  g_clear_object (&retries->preferences);
  g_weak_ref_clear (&retries->store);
  g_free (retries);
}

static void
on_flushed (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Retries *retries = user_data;
  g_autoptr(MizanSyncFlush) flush = mizan_sync_flush_finish (result, NULL);

  retries->busy = FALSE;
  if (flush != NULL && flush->delivered > 0)
    g_debug ("Delivered %u queued submission changes", flush->delivered);
}

static gboolean
retry_now (gpointer user_data)
{
  Retries *retries = user_data;
  g_autoptr(MizanStore) store = g_weak_ref_get (&retries->store);
  g_autoptr(MizanSyncClient) client = NULL;
  g_autoptr(GPtrArray) queue = NULL;

  if (store == NULL)
    return G_SOURCE_REMOVE;
  if (retries->busy)
    return G_SOURCE_CONTINUE;
  queue = mizan_store_queue_list (store, NULL);
  if (queue == NULL || queue->len == 0)
    return G_SOURCE_CONTINUE;
  client = mizan_sharing_new_client (retries->preferences, NULL);
  if (client == NULL)
    return G_SOURCE_CONTINUE;

  retries->busy = TRUE;
  mizan_sync_flush_async (client, store, retries->due_only, NULL, on_flushed, retries);
  retries->due_only = TRUE;
  return G_SOURCE_CONTINUE;
}

static gboolean
retry_once (gpointer user_data)
{
  retry_now (user_data);
  return G_SOURCE_REMOVE;
}

void
mizan_sharing_start_retries (MizanPreferences *preferences,
                             MizanStore       *store)
{
  Retries *retries;

  g_return_if_fail (MIZAN_IS_STORE (store));

  retries = g_new0 (Retries, 1);
  retries->preferences = preferences ? g_object_ref (preferences) : NULL;
  g_weak_ref_init (&retries->store, store);
  /* A start is a fresh chance: the first try does not wait for the backoff. */
  retries->due_only = FALSE;
  /* The retries live as long as the app; a pending flush holds no
   * reference of its own to them, so they are never freed under it. */
  g_timeout_add_seconds_full (G_PRIORITY_LOW, RETRY_INTERVAL_SECONDS, retry_now, retries, retries_free);
  g_idle_add (retry_once, retries);
}

char *
mizan_sharing_describe (MizanStore *store,
                        const char *assessment_id,
                        gboolean   *shared,
                        gboolean   *queued)
{
  g_autofree char *submission_id = NULL;
  g_autoptr(MizanSyncEntry) entry = NULL;
  gint64 delivered = 0;

  *shared = *queued = FALSE;
  if (!mizan_store_get_sharing (store, assessment_id, &submission_id, &delivered, NULL))
    return g_strdup (_("The sharing state cannot be read"));
  entry = mizan_store_queue_get (store, assessment_id, NULL);
  *shared = submission_id != NULL && delivered > 0;

  if (entry != NULL)
    {
      g_autofree char *when = mizan_gui_format_time (entry->next_attempt);

      *queued = TRUE;
      if (entry->action == MIZAN_SYNC_ACTION_WITHDRAW)
        /* Translators: %s is when, e.g. "Today at 14:05"; then the reason */
        return g_strdup_printf (_("Withdrawal queued, next try %s. %s"), when, entry->last_error ? entry->last_error : "");
      return g_strdup_printf (_("Queued, next try %s. %s"), when, entry->last_error ? entry->last_error : "");
    }
  if (*shared)
    {
      g_autofree char *when = mizan_gui_format_time (delivered);

      /* Translators: %s is when, e.g. "Today at 14:05" */
      return g_strdup_printf (_("Shared anonymously, last sent %s"), when);
    }
  return g_strdup (_("Not shared"));
}
