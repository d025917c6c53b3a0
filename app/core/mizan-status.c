/* mizan-status.c — the status of one practice's answer and its credit
 * The strings here are the exchange and database spelling; labels are for people. */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "mizan-status.h"

/* Indexed by MizanStatus; NONE has no spelling because an unanswered
 * practice is stored and exchanged as an absent status, never as a word. */
static const char * const status_strings[MIZAN_N_STATUSES] = {
  [MIZAN_STATUS_NONE]      = NULL,
  [MIZAN_STATUS_FULLY]     = "fully",
  [MIZAN_STATUS_LARGELY]   = "largely",
  [MIZAN_STATUS_PARTIALLY] = "partially",
  [MIZAN_STATUS_NOT]       = "not",
  [MIZAN_STATUS_NA]        = "na",
};

static gboolean
status_is_valid (MizanStatus status)
{
  /* The enum may be unsigned or signed depending on the compiler. */
  return (int) status >= 0 && (int) status < MIZAN_N_STATUSES;
}

const char *
mizan_status_to_string (MizanStatus status)
{
  g_return_val_if_fail (status_is_valid (status), NULL);

  return status_strings[status];
}

gboolean
mizan_status_from_string (const char  *string,
                          MizanStatus *status)
{
  if (string == NULL)
    return FALSE;

  for (int i = 0; i < MIZAN_N_STATUSES; i++)
    {
      if (status_strings[i] != NULL && strcmp (status_strings[i], string) == 0)
        {
          if (status != NULL)
            *status = (MizanStatus) i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
mizan_status_get_label (MizanStatus status)
{
  switch (status)
    {
    case MIZAN_STATUS_FULLY:
      return _("Fully implemented");
    case MIZAN_STATUS_LARGELY:
      return _("Largely implemented");
    case MIZAN_STATUS_PARTIALLY:
      return _("Partially implemented");
    case MIZAN_STATUS_NOT:
      return _("Not implemented");
    case MIZAN_STATUS_NA:
      return _("Not applicable");
    case MIZAN_STATUS_NONE:
      return _("Not answered");
    default:
      break;
    }

  g_return_val_if_reached (NULL);
}

double
mizan_status_get_credit (MizanStatus status)
{
  /* DESIGN.md "Scoring". NA earns 0 here as well; leaving it out of the
   * denominator is the scorer's job, which knows the weights. */
  switch (status)
    {
    case MIZAN_STATUS_FULLY:
      return 1.0;
    case MIZAN_STATUS_LARGELY:
      return 2.0 / 3.0;
    case MIZAN_STATUS_PARTIALLY:
      return 1.0 / 3.0;
    case MIZAN_STATUS_NOT:
    case MIZAN_STATUS_NA:
    case MIZAN_STATUS_NONE:
      return 0.0;
    default:
      break;
    }

  g_return_val_if_reached (0.0);
}

gboolean
mizan_status_passes (MizanStatus status)
{
  return status == MIZAN_STATUS_FULLY || status == MIZAN_STATUS_LARGELY;
}

gboolean
mizan_status_is_answered (MizanStatus status)
{
  return status != MIZAN_STATUS_NONE && status_is_valid (status);
}
