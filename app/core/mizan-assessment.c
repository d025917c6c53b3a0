/* mizan-assessment.c — one organization's assessment against one framework
 * A plain in-memory snapshot with properties to bind to; the store persists it. */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "mizan-assessment.h"

struct _MizanAssessment
{
  GObject     parent_instance;

  char       *id;
  char       *title;
  char       *assessor;
  char       *framework_id;
  char       *framework_version;
  gint64      created;
  gint64      updated;

  char       *org_name;
  char       *org_country;
  char       *org_sector;
  char       *org_size;
  gint64      org_id;

  GHashTable *answers;  /* practice id → MizanAnswer*, owned */
  GHashTable *targets;  /* capability id → GINT_TO_POINTER (target) */
  GHashTable *profile;  /* question id → GINT_TO_POINTER (MizanProfileAnswer), never UNANSWERED */
};

G_DEFINE_FINAL_TYPE (MizanAssessment, mizan_assessment, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_ASSESSOR,
  PROP_FRAMEWORK_ID,
  PROP_FRAMEWORK_VERSION,
  PROP_CREATED,
  PROP_UPDATED,
  PROP_ORG_NAME,
  PROP_ORG_COUNTRY,
  PROP_ORG_SECTOR,
  PROP_ORG_SIZE,
  PROP_ORG_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  ANSWER_CHANGED,
  TARGET_CHANGED,
  PROFILE_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
answer_free (MizanAnswer *answer)
{
  g_free (answer->note);
  g_free (answer->evidence);
  g_free (answer);
}

static gint64
now_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

/* An empty note is what a cleared text field gives; it means "no note",
 * so that clearing the last field of an unanswered practice removes it. */
static const char *
nonempty_or_null (const char *string)
{
  return (string != NULL && *string != '\0') ? string : NULL;
}

/* Replaces *field and notifies @pspec only when the value really changes,
 * so bound widgets do not loop and autosave does not fire for nothing. */
static gboolean
set_string (MizanAssessment *self,
            char           **field,
            const char      *value,
            GParamSpec      *pspec)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), pspec);

  return TRUE;
}

static void
mizan_assessment_finalize (GObject *object)
{
  MizanAssessment *self = (MizanAssessment *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->assessor, g_free);
  g_clear_pointer (&self->framework_id, g_free);
  g_clear_pointer (&self->framework_version, g_free);
  g_clear_pointer (&self->org_name, g_free);
  g_clear_pointer (&self->org_country, g_free);
  g_clear_pointer (&self->org_sector, g_free);
  g_clear_pointer (&self->org_size, g_free);
  g_clear_pointer (&self->answers, g_hash_table_unref);
  g_clear_pointer (&self->targets, g_hash_table_unref);
  g_clear_pointer (&self->profile, g_hash_table_unref);

  G_OBJECT_CLASS (mizan_assessment_parent_class)->finalize (object);
}

static void
mizan_assessment_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  MizanAssessment *self = MIZAN_ASSESSMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_ASSESSOR:
      g_value_set_string (value, self->assessor);
      break;
    case PROP_FRAMEWORK_ID:
      g_value_set_string (value, self->framework_id);
      break;
    case PROP_FRAMEWORK_VERSION:
      g_value_set_string (value, self->framework_version);
      break;
    case PROP_CREATED:
      g_value_set_int64 (value, self->created);
      break;
    case PROP_UPDATED:
      g_value_set_int64 (value, self->updated);
      break;
    case PROP_ORG_NAME:
      g_value_set_string (value, self->org_name);
      break;
    case PROP_ORG_COUNTRY:
      g_value_set_string (value, self->org_country);
      break;
    case PROP_ORG_SECTOR:
      g_value_set_string (value, self->org_sector);
      break;
    case PROP_ORG_SIZE:
      g_value_set_string (value, self->org_size);
      break;
    case PROP_ORG_ID:
      g_value_set_int64 (value, self->org_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mizan_assessment_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  MizanAssessment *self = MIZAN_ASSESSMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      mizan_assessment_set_id (self, g_value_get_string (value));
      break;
    case PROP_TITLE:
      mizan_assessment_set_title (self, g_value_get_string (value));
      break;
    case PROP_ASSESSOR:
      mizan_assessment_set_assessor (self, g_value_get_string (value));
      break;
    case PROP_FRAMEWORK_ID:
      mizan_assessment_set_framework (self, g_value_get_string (value), self->framework_version);
      break;
    case PROP_FRAMEWORK_VERSION:
      mizan_assessment_set_framework (self, self->framework_id, g_value_get_string (value));
      break;
    case PROP_CREATED:
      mizan_assessment_set_created (self, g_value_get_int64 (value));
      break;
    case PROP_UPDATED:
      mizan_assessment_set_updated (self, g_value_get_int64 (value));
      break;
    case PROP_ORG_NAME:
      mizan_assessment_set_organization (self, g_value_get_string (value),
                                         self->org_country, self->org_sector, self->org_size);
      break;
    case PROP_ORG_COUNTRY:
      mizan_assessment_set_organization (self, self->org_name, g_value_get_string (value),
                                         self->org_sector, self->org_size);
      break;
    case PROP_ORG_SECTOR:
      mizan_assessment_set_organization (self, self->org_name, self->org_country,
                                         g_value_get_string (value), self->org_size);
      break;
    case PROP_ORG_SIZE:
      mizan_assessment_set_organization (self, self->org_name, self->org_country,
                                         self->org_sector, g_value_get_string (value));
      break;
    case PROP_ORG_ID:
      mizan_assessment_set_org_id (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mizan_assessment_class_init (MizanAssessmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mizan_assessment_finalize;
  object_class->get_property = mizan_assessment_get_property;
  object_class->set_property = mizan_assessment_set_property;

  /* G_PARAM_CONSTRUCT so that an id is always assigned, random when none
   * is given, however the object is created. */
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT |
                          G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ASSESSOR] =
    g_param_spec_string ("assessor", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_FRAMEWORK_ID] =
    g_param_spec_string ("framework-id", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_FRAMEWORK_VERSION] =
    g_param_spec_string ("framework-version", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CREATED] =
    g_param_spec_int64 ("created", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_UPDATED] =
    g_param_spec_int64 ("updated", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ORG_NAME] =
    g_param_spec_string ("org-name", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ORG_COUNTRY] =
    g_param_spec_string ("org-country", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ORG_SECTOR] =
    g_param_spec_string ("org-sector", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ORG_SIZE] =
    g_param_spec_string ("org-size", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ORG_ID] =
    g_param_spec_int64 ("org-id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * MizanAssessment::answer-changed:
   * @practice_id: the practice whose answer was set, changed or removed
   *
   * Emitted only when the status, note or evidence really changed.
   */
  signals[ANSWER_CHANGED] =
    g_signal_new ("answer-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * MizanAssessment::target-changed:
   * @capability_id: the capability whose target override was set or removed
   */
  signals[TARGET_CHANGED] =
    g_signal_new ("target-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  /* A profile answer changed: which items apply, and so every figure. */
  signals[PROFILE_CHANGED] =
    g_signal_new ("profile-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
mizan_assessment_init (MizanAssessment *self)
{
  self->answers = g_hash_table_new_full (g_str_hash, g_str_equal,
                                         g_free, (GDestroyNotify) answer_free);
  self->targets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->profile = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->created = now_seconds ();
  self->updated = self->created;
}

MizanAssessment *
mizan_assessment_new (const char *id)
{
  return g_object_new (MIZAN_TYPE_ASSESSMENT, "id", id, NULL);
}

const char *
mizan_assessment_get_id (MizanAssessment *self)
{
  g_return_val_if_fail (MIZAN_IS_ASSESSMENT (self), NULL);

  return self->id;
}

/* @id NULL assigns a new random UUID, which is what "save as a copy" needs. */
void
mizan_assessment_set_id (MizanAssessment *self,
                         const char      *id)
{
  g_autofree char *random_id = NULL;

  g_return_if_fail (MIZAN_IS_ASSESSMENT (self));

  if (id == NULL)
    id = random_id = g_uuid_string_random ();

  set_string (self, &self->id, id, properties[PROP_ID]);
}

const char *
mizan_assessment_get_title (MizanAssessment *self)
{
  g_return_val_if_fail (MIZAN_IS_ASSESSMENT (self), NULL);

  return self->title;
}

void
mizan_assessment_set_title (MizanAssessment *self,
                            const char      *title)
{
  g_return_if_fail (MIZAN_IS_ASSESSMENT (self));

  set_string (self, &self->title, title, properties[PROP_TITLE]);
}

const char *
mizan_assessment_get_assessor (MizanAssessment *self)
{
  g_return_val_if_fail (MIZAN_IS_ASSESSMENT (self), NULL);

  return self->assessor;
}

void
mizan_assessment_set_assessor (MizanAssessment *self,
                               const char      *assessor)
{
  g_return_if_fail (MIZAN_IS_ASSESSMENT (self));

  set_string (self, &self->assessor, assessor, properties[PROP_ASSESSOR]);
}

const char *
mizan_assessment_get_framework_id (MizanAssessment *self)
{
  g_return_val_if_fail (MIZAN_IS_ASSESSMENT (self), NULL);

  return self->framework_id;
}

const char *
mizan_assessment_get_framework_version (MizanAssessment *self)
{
  g_return_val_if_fail (MIZAN_IS_ASSESSMENT (self), NULL);

  return self->framework_version;
}

void
mizan_assessment_set_framework (MizanAssessment *self,
                                const char      *id,
                                const char      *version)
{
  g_autofree char *id_copy = NULL;
  g_autofree char *version_copy = NULL;

  g_return_if_fail (MIZAN_IS_ASSESSMENT (self));

  /* The property setters pass our own fields back in; copy before freeing. */
  id_copy = g_strdup (id);
  version_copy = g_strdup (version);

  g_object_freeze_notify (G_OBJECT (self));
  set_string (self, &self->framework_id, id_copy, properties[PROP_FRAMEWORK_ID]);
  set_string (self, &self->framework_version, version_copy, properties[PROP_FRAMEWORK_VERSION]);
  g_object_thaw_notify (G_OBJECT (self));
}

gint64
mizan_assessment_get_created (MizanAssessment *self)
{
  g_return_val_if_fail (MIZAN_IS_ASSESSMENT (self), 0);

  return self->created;
}

void
mizan_assessment_set_created (MizanAssessment *self,
                              gint64           created)
{
  g_return_if_fail (MIZAN_IS_ASSESSMENT (self));

  if (self->created == created)
    return;

  self->created = created;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED]);
}

gint64
mizan_assessment_get_updated (MizanAssessment *self)
{
  g_return_val_if_fail (MIZAN_IS_ASSESSMENT (self), 0);

  return self->updated;
}

void
mizan_assessment_set_updated (MizanAssessment *self,
                              gint64           updated)
{
  g_return_if_fail (MIZAN_IS_ASSESSMENT (self));

  if (self->updated == updated)
    return;

  self->updated = updated;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATED]);
}

const char *
mizan_assessment_get_org_name (MizanAssessment *self)
{
  g_return_val_if_fail (MIZAN_IS_ASSESSMENT (self), NULL);

  return self->org_name;
}

const char *
mizan_assessment_get_org_country (MizanAssessment *self)
{
  g_return_val_if_fail (MIZAN_IS_ASSESSMENT (self), NULL);

  return self->org_country;
}

const char *
mizan_assessment_get_org_sector (MizanAssessment *self)
{
  g_return_val_if_fail (MIZAN_IS_ASSESSMENT (self), NULL);

  return self->org_sector;
}

const char *
mizan_assessment_get_org_size (MizanAssessment *self)
{
  g_return_val_if_fail (MIZAN_IS_ASSESSMENT (self), NULL);

  return self->org_size;
}

void
mizan_assessment_set_organization (MizanAssessment *self,
                                   const char      *name,
                                   const char      *country,
                                   const char      *sector,
                                   const char      *size)
{
  g_autofree char *name_copy = NULL;
  g_autofree char *country_copy = NULL;
  g_autofree char *sector_copy = NULL;
  g_autofree char *size_copy = NULL;

  g_return_if_fail (MIZAN_IS_ASSESSMENT (self));

  /* The property setters pass our own fields back in; copy before freeing. */
  name_copy = g_strdup (name);
  country_copy = g_strdup (country);
  sector_copy = g_strdup (sector);
  size_copy = g_strdup (size);

  g_object_freeze_notify (G_OBJECT (self));
  set_string (self, &self->org_name, name_copy, properties[PROP_ORG_NAME]);
  set_string (self, &self->org_country, country_copy, properties[PROP_ORG_COUNTRY]);
  set_string (self, &self->org_sector, sector_copy, properties[PROP_ORG_SECTOR]);
  set_string (self, &self->org_size, size_copy, properties[PROP_ORG_SIZE]);
  g_object_thaw_notify (G_OBJECT (self));
}

gint64
mizan_assessment_get_org_id (MizanAssessment *self)
{
  g_return_val_if_fail (MIZAN_IS_ASSESSMENT (self), 0);

  return self->org_id;
}

void
mizan_assessment_set_org_id (MizanAssessment *self,
                             gint64           org_id)
{
  g_return_if_fail (MIZAN_IS_ASSESSMENT (self));
  g_return_if_fail (org_id >= 0);

  if (self->org_id == org_id)
    return;

  self->org_id = org_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORG_ID]);
}

const MizanAnswer *
mizan_assessment_get_answer (MizanAssessment *self,
                             const char      *practice_id)
{
  g_return_val_if_fail (MIZAN_IS_ASSESSMENT (self), NULL);
  g_return_val_if_fail (practice_id != NULL, NULL);

  return g_hash_table_lookup (self->answers, practice_id);
}

void
mizan_assessment_set_answer (MizanAssessment *self,
                             const char      *practice_id,
                             MizanStatus      status,
                             const char      *note,
                             const char      *evidence,
                             gint64           updated)
{
  g_autofree char *id_copy = NULL;
  MizanAnswer *answer;
  gboolean changed;

  g_return_if_fail (MIZAN_IS_ASSESSMENT (self));
  g_return_if_fail (practice_id != NULL);
  g_return_if_fail ((int) status >= 0 && (int) status < MIZAN_N_STATUSES);

  /* Removing the entry frees its key, which may be what the caller passed. */
  practice_id = id_copy = g_strdup (practice_id);

  note = nonempty_or_null (note);
  evidence = nonempty_or_null (evidence);

  answer = g_hash_table_lookup (self->answers, practice_id);

  if (status == MIZAN_STATUS_NONE && note == NULL && evidence == NULL)
    {
      changed = g_hash_table_remove (self->answers, practice_id);
    }
  else if (answer == NULL)
    {
      answer = g_new0 (MizanAnswer, 1);
      answer->status = status;
      answer->note = g_strdup (note);
      answer->evidence = g_strdup (evidence);
      answer->updated = updated;
      g_hash_table_insert (self->answers, g_strdup (practice_id), answer);
      changed = TRUE;
    }
  else
    {
      changed = (answer->status != status ||
                 g_strcmp0 (answer->note, note) != 0 ||
                 g_strcmp0 (answer->evidence, evidence) != 0);

      /* @note may point into the answer itself (a caller re-setting what it
       * got from get_answer()), so copy before freeing. */
      if (changed)
        {
          char *new_note = g_strdup (note);
          char *new_evidence = g_strdup (evidence);

          g_free (answer->note);
          g_free (answer->evidence);
          answer->status = status;
          answer->note = new_note;
          answer->evidence = new_evidence;
          answer->to_confirm = FALSE;
        }

      /* A fresh timestamp alone is not a change anyone needs to redraw for. */
      answer->updated = updated;
    }

  if (changed)
    g_signal_emit (self, signals[ANSWER_CHANGED], 0, practice_id);
}

void
mizan_assessment_set_to_confirm (MizanAssessment *self,
                                 const char      *practice_id,
                                 gboolean         to_confirm)
{
  MizanAnswer *answer;

  g_return_if_fail (MIZAN_IS_ASSESSMENT (self));
  g_return_if_fail (practice_id != NULL);

  answer = g_hash_table_lookup (self->answers, practice_id);
  if (answer == NULL || answer->to_confirm == !!to_confirm)
    return;
  answer->to_confirm = !!to_confirm;
  g_signal_emit (self, signals[ANSWER_CHANGED], 0, practice_id);
}

GHashTable *
mizan_assessment_get_answers (MizanAssessment *self)
{
  g_return_val_if_fail (MIZAN_IS_ASSESSMENT (self), NULL);

  return self->answers;
}

guint
mizan_assessment_count_answered (MizanAssessment *self)
{
  GHashTableIter iter;
  gpointer value;
  guint count = 0;

  g_return_val_if_fail (MIZAN_IS_ASSESSMENT (self), 0);

  g_hash_table_iter_init (&iter, self->answers);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      const MizanAnswer *answer = value;

      if (mizan_status_is_answered (answer->status))
        count++;
    }

  return count;
}

int
mizan_assessment_get_target (MizanAssessment *self,
                             const char      *capability_id)
{
  gpointer value;

  g_return_val_if_fail (MIZAN_IS_ASSESSMENT (self), -1);
  g_return_val_if_fail (capability_id != NULL, -1);

  /* lookup_extended because a target of 0 is stored as a NULL pointer. */
  if (!g_hash_table_lookup_extended (self->targets, capability_id, NULL, &value))
    return -1;

  return GPOINTER_TO_INT (value);
}

void
mizan_assessment_set_target (MizanAssessment *self,
                             const char      *capability_id,
                             int              target)
{
  g_autofree char *id_copy = NULL;

  g_return_if_fail (MIZAN_IS_ASSESSMENT (self));
  g_return_if_fail (capability_id != NULL);

  if (target < 0)
    target = -1;

  if (mizan_assessment_get_target (self, capability_id) == target)
    return;

  /* Removing the entry frees its key, which may be what the caller passed. */
  id_copy = g_strdup (capability_id);

  if (target < 0)
    g_hash_table_remove (self->targets, id_copy);
  else
    g_hash_table_insert (self->targets, g_strdup (id_copy), GINT_TO_POINTER (target));

  g_signal_emit (self, signals[TARGET_CHANGED], 0, id_copy);
}

static int
compare_strings (const void *a,
                 const void *b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static GStrv
sorted_keys (GHashTable *table)
{
  g_autofree const char **keys = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  guint n_keys;

  keys = (const char **) g_hash_table_get_keys_as_array (table, &n_keys);
  qsort (keys, n_keys, sizeof (char *), compare_strings);

  builder = g_strv_builder_new ();
  for (guint i = 0; i < n_keys; i++)
    g_strv_builder_add (builder, keys[i]);

  return g_strv_builder_end (builder);
}

GStrv
mizan_assessment_list_targets (MizanAssessment *self)
{
  g_return_val_if_fail (MIZAN_IS_ASSESSMENT (self), NULL);

  return sorted_keys (self->targets);
}

MizanProfileAnswer
mizan_assessment_get_profile_answer (MizanAssessment *self,
                                     const char      *question_id)
{
  g_return_val_if_fail (MIZAN_IS_ASSESSMENT (self), MIZAN_PROFILE_UNANSWERED);
  g_return_val_if_fail (question_id != NULL, MIZAN_PROFILE_UNANSWERED);

  return GPOINTER_TO_INT (g_hash_table_lookup (self->profile, question_id));
}

void
mizan_assessment_set_profile_answer (MizanAssessment    *self,
                                     const char         *question_id,
                                     MizanProfileAnswer  answer)
{
  g_autofree char *id_copy = NULL;

  g_return_if_fail (MIZAN_IS_ASSESSMENT (self));
  g_return_if_fail (question_id != NULL);
  g_return_if_fail (answer <= MIZAN_PROFILE_YES);

  if (mizan_assessment_get_profile_answer (self, question_id) == answer)
    return;

  /* Removing the entry frees its key, which may be what the caller passed. */
  id_copy = g_strdup (question_id);
  if (answer == MIZAN_PROFILE_UNANSWERED)
    g_hash_table_remove (self->profile, id_copy);
  else
    g_hash_table_insert (self->profile, g_strdup (id_copy), GINT_TO_POINTER (answer));

  g_signal_emit (self, signals[PROFILE_CHANGED], 0, id_copy);
}

GStrv
mizan_assessment_list_profile (MizanAssessment *self)
{
  g_return_val_if_fail (MIZAN_IS_ASSESSMENT (self), NULL);

  return sorted_keys (self->profile);
}
