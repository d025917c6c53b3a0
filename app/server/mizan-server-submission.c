/* mizan-server-submission.c — one validated submission as the benchmark server holds it
 * Allocation only; the validator fills it in and the model aggregates it. */

#include "config.h"

#include <string.h>

#include "mizan-server-submission.h"

#define LAYOUT_TAG_SIZE 8

MizanServerSubmission *
mizan_server_submission_new (MizanFramework *framework)
{
  MizanServerSubmission *self = g_new0 (MizanServerSubmission, 1);
  guint n_slots = mizan_slots_count (framework);

  self->framework = g_object_ref (framework);
  self->values = g_new (double, n_slots);
  /* A slot stays NAN unless the submission carries that figure. */
  for (guint i = 0; i < n_slots; i++)
    self->values[i] = NAN;
  return self;
}

void
mizan_server_submission_free (MizanServerSubmission *self)
{
  if (self == NULL)
    return;

  g_free (self->id);
  g_clear_object (&self->framework);
  g_free (self->country);
  g_free (self->sector);
  g_free (self->size);
  g_free (self->period);
  g_free (self->values);
  g_free (self->payload);
  g_free (self);
}

/* The first bytes of SHA-256 over the framework's id, version and the ids of
 * its domains and capabilities in order: what the slot numbers depend on. */
static void
layout_tag (MizanFramework *framework,
            guint8         *tag)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  guint8 digest[32];
  gsize length = sizeof digest;

  g_checksum_update (checksum, (const guchar *) mizan_framework_get_id (framework), -1);
  g_checksum_update (checksum, (const guchar *) "\n", 1);
  g_checksum_update (checksum, (const guchar *) mizan_framework_get_version (framework), -1);
  for (guint d = 0; d < mizan_framework_get_n_domains (framework); d++)
    {
      g_checksum_update (checksum, (const guchar *) "\nD", 2);
      g_checksum_update (checksum, (const guchar *) mizan_framework_get_domain (framework, d)->id, -1);
    }
  for (guint c = 0; c < mizan_framework_get_n_capabilities (framework); c++)
    {
      g_checksum_update (checksum, (const guchar *) "\nC", 2);
      g_checksum_update (checksum, (const guchar *) mizan_framework_get_capability (framework, c)->id, -1);
    }
  g_checksum_get_digest (checksum, digest, &length);
  memcpy (tag, digest, LAYOUT_TAG_SIZE);
}

GBytes *
mizan_server_submission_pack_figures (const MizanServerSubmission *self)
{
  gsize n_bytes = mizan_slots_count (self->framework) * sizeof (double);
  guint8 *data = g_malloc (LAYOUT_TAG_SIZE + n_bytes);

  layout_tag (self->framework, data);
  memcpy (data + LAYOUT_TAG_SIZE, self->values, n_bytes);
  return g_bytes_new_take (data, LAYOUT_TAG_SIZE + n_bytes);
}

gboolean
mizan_server_submission_unpack_figures (MizanServerSubmission *self,
                                        const void            *data,
                                        gsize                  length)
{
  gsize n_bytes = mizan_slots_count (self->framework) * sizeof (double);
  guint8 tag[LAYOUT_TAG_SIZE];

  if (data == NULL || length != LAYOUT_TAG_SIZE + n_bytes)
    return FALSE;
  layout_tag (self->framework, tag);
  if (memcmp (tag, data, LAYOUT_TAG_SIZE) != 0)
    return FALSE;
  memcpy (self->values, (const guint8 *) data + LAYOUT_TAG_SIZE, n_bytes);
  return TRUE;
}
