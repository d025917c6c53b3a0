/* mizan-capability-page.h — one capability of the questionnaire
 * Its description, level ladder, target, and practices grouped by level, each answerable. */
#pragma once

#include <gtk/gtk.h>

#include "mizan-practice-row.h"
#include "mizan-session.h"

G_BEGIN_DECLS

#define MIZAN_TYPE_CAPABILITY_PAGE (mizan_capability_page_get_type ())
G_DECLARE_FINAL_TYPE (MizanCapabilityPage, mizan_capability_page, MIZAN, CAPABILITY_PAGE, GtkWidget)

/* Which practices a page shows, as they are when it is built: all (0), or
 * those unanswered and/or those carried from an older version to confirm. */
typedef enum {
  MIZAN_PRACTICE_FILTER_UNANSWERED = 1 << 0,
  MIZAN_PRACTICE_FILTER_TO_CONFIRM = 1 << 1,
} MizanPracticeFilter;

/* Whether @practice passes @filter (0 passes everything). */
gboolean          mizan_practice_filter_accepts          (MizanPracticeFilter  filter,
                                                          MizanSession        *session,
                                                          MizanPractice       *practice);

/* NULL @session or @capability empties the page. */
void              mizan_capability_page_set_capability   (MizanCapabilityPage *self,
                                                          MizanSession        *session,
                                                          MizanCapability     *capability,
                                                          MizanPracticeFilter  filter);
MizanCapability  *mizan_capability_page_get_capability   (MizanCapabilityPage *self);
/* Labels the previous/next buttons; NULL when there is none. */
void              mizan_capability_page_set_neighbours   (MizanCapabilityPage *self,
                                                          MizanCapability     *previous,
                                                          MizanCapability     *next);
/* Scrolls @practice_id into view and focuses its status choice. */
void              mizan_capability_page_focus_practice   (MizanCapabilityPage *self,
                                                          const char          *practice_id);
/* Puts the keyboard on the first unanswered practice shown (@direction
 * >= 0), or the last (< 0); FALSE when every one shown has an answer. */
gboolean          mizan_capability_page_focus_unanswered (MizanCapabilityPage *self,
                                                          int                  direction);
void              mizan_capability_page_scroll_to_top    (MizanCapabilityPage *self);
/* NULL when the practice is not on the page */
MizanPracticeRow *mizan_capability_page_get_practice_row (MizanCapabilityPage *self,
                                                          const char          *practice_id);
GtkSpinButton    *mizan_capability_page_get_target_spin  (MizanCapabilityPage *self);

G_END_DECLS
