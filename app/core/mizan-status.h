/* mizan-status.h — the status of one practice's answer and its credit
 * fully 1, largely 2/3, partially 1/3, not 0, unanswered 0; na is left out. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  MIZAN_STATUS_NONE = 0,   /* unanswered */
  MIZAN_STATUS_FULLY,
  MIZAN_STATUS_LARGELY,
  MIZAN_STATUS_PARTIALLY,
  MIZAN_STATUS_NOT,
  MIZAN_STATUS_NA,
} MizanStatus;

#define MIZAN_N_STATUSES (MIZAN_STATUS_NA + 1)

/* "fully", "largely", "partially", "not", "na"; NULL for NONE. */
const char *mizan_status_to_string   (MizanStatus  status);
/* Accepts the strings above; FALSE for anything else (NULL included). */
gboolean    mizan_status_from_string (const char  *string,
                                      MizanStatus *status);
/* The translated label a person sees, e.g. "Largely implemented". */
const char *mizan_status_get_label   (MizanStatus  status);
double      mizan_status_get_credit  (MizanStatus  status);
/* fully or largely: enough for the level gate */
gboolean    mizan_status_passes      (MizanStatus  status);
gboolean    mizan_status_is_answered (MizanStatus  status);

G_END_DECLS
