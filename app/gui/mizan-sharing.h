/* mizan-sharing.h — the app's side of sharing: a sync client from the preferences, background retries
 * Nothing is sent while the sharing-enabled preference is off. */
#pragma once

#include "mizan-preferences.h"
#include "mizan-store.h"
#include "mizan-sync-queue.h"

G_BEGIN_DECLS

/* The running MizanApplication's preferences; NULL without one (widget tests). */
MizanPreferences *mizan_sharing_get_preferences (void);

/* A client for the preferences' server and the saved token; an error that
 * says what to set (in Preferences → Sharing) when sharing is off or
 * something is missing. */
MizanSyncClient *mizan_sharing_new_client     (MizanPreferences *preferences,
                                               GError          **error);
/* Every minute while sharing is on, delivers what is queued and due; once
 * now, at the start, everything queued. Stops when @store is finalized. */
void             mizan_sharing_start_retries  (MizanPreferences *preferences,
                                               MizanStore       *store);
/* One line about the assessment's sharing, as the Benchmark page shows it:
 * not shared, shared (and when), queued (and why, and when it is retried). */
char            *mizan_sharing_describe       (MizanStore       *store,
                                               const char       *assessment_id,
                                               gboolean         *shared,
                                               gboolean         *queued);

G_END_DECLS
