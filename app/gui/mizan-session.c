/* mizan-session.c — one assessment open in a window: its store, framework and live results
 * The store is written first so that what the page shows is never ahead of the database. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <gtk/gtk.h>

#include "mizan-session.h"

struct _MizanSession
{
  GObject          parent_instance;

  MizanStore      *store;
  MizanFramework  *framework;
  MizanFramework  *predecessor;  /* the version @framework supersedes, when installed */
  MizanAssessment *assessment;

  GListStore      *domains;
  GListStore      *capabilities;
  GtkStringList   *practice_ids;
  /* Case-folded "ID text" per practice index, built on the first search. */
  GPtrArray       *search_keys;

  MizanResults    *results;
  MizanStatus     *statuses;

  MizanSaveState   save_state;
  char            *save_error;
  guint            open_edits;
};

G_DEFINE_FINAL_TYPE (MizanSession, mizan_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SAVE_STATE,
  N_PROPS
};

enum {
  ANSWER_CHANGED,
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
set_save_state (MizanSession   *self,
                MizanSaveState  state,
                const char     *error_message)
{
  g_free (self->save_error);
  self->save_error = g_strdup (error_message);

  if (self->save_state == state && state != MIZAN_SAVE_STATE_FAILED)
    return;
  self->save_state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVE_STATE]);
}

static void
invalidate_results (MizanSession *self)
{
  g_clear_pointer (&self->results, mizan_results_free);
  g_clear_pointer (&self->statuses, g_free);
  g_signal_emit (self, signals[CHANGED], 0);
}

static guint
count_answered (MizanSession    *self,
                MizanCapability *capability)
{
  guint answered = 0;

  for (guint i = 0; i < capability->n_practices; i++)
    {
      const MizanAnswer *answer = mizan_assessment_get_answer (self->assessment,
                                                               capability->practices[i]->id);

      if (answer != NULL && mizan_status_is_answered (answer->status))
        answered++;
    }
  return answered;
}

static void
update_progress (MizanSession    *self,
                 MizanCapability *capability)
{
  MizanDomain *domain = capability->domain;
  guint domain_answered = 0;

  mizan_outline_item_set_answered (mizan_session_get_capability_item (self, capability),
                                   count_answered (self, capability));

  for (guint i = 0; i < domain->n_capabilities; i++)
    domain_answered += mizan_outline_item_get_answered (mizan_session_get_capability_item (self, domain->capabilities[i]));
  mizan_outline_item_set_answered (mizan_session_get_domain_item (self, domain), domain_answered);
}

static void
mizan_session_finalize (GObject *object)
{
  MizanSession *self = MIZAN_SESSION (object);

  g_clear_object (&self->store);
  g_clear_object (&self->framework);
  g_clear_object (&self->predecessor);
  g_clear_object (&self->assessment);
  g_clear_object (&self->domains);
  g_clear_object (&self->capabilities);
  g_clear_object (&self->practice_ids);
  g_clear_pointer (&self->search_keys, g_ptr_array_unref);
  g_clear_pointer (&self->results, mizan_results_free);
  g_clear_pointer (&self->statuses, g_free);
  g_clear_pointer (&self->save_error, g_free);

  G_OBJECT_CLASS (mizan_session_parent_class)->finalize (object);
}

static void
mizan_session_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  MizanSession *self = MIZAN_SESSION (object);

  switch (prop_id)
    {
    case PROP_SAVE_STATE:
      g_value_set_int (value, self->save_state);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mizan_session_class_init (MizanSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mizan_session_finalize;
  object_class->get_property = mizan_session_get_property;

  properties[PROP_SAVE_STATE] =
    g_param_spec_int ("save-state", NULL, NULL,
                      MIZAN_SAVE_STATE_UNCHANGED, MIZAN_SAVE_STATE_FAILED,
                      MIZAN_SAVE_STATE_UNCHANGED,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A practice's answer was stored; the argument is its id. */
  signals[ANSWER_CHANGED] =
    g_signal_new ("answer-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
  /* Anything the results depend on changed (an answer or a target). */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
mizan_session_init (MizanSession *self)
{
  self->domains = g_list_store_new (MIZAN_TYPE_OUTLINE_ITEM);
  self->capabilities = g_list_store_new (MIZAN_TYPE_OUTLINE_ITEM);
  self->practice_ids = gtk_string_list_new (NULL);
}

MizanSession *
mizan_session_new (MizanStore      *store,
                   MizanFramework  *framework,
                   MizanAssessment *assessment)
{
  MizanSession *self;
  guint n_practices;
  g_autofree const char **ids = NULL;

  g_return_val_if_fail (MIZAN_IS_STORE (store), NULL);
  g_return_val_if_fail (MIZAN_IS_FRAMEWORK (framework), NULL);
  g_return_val_if_fail (MIZAN_IS_ASSESSMENT (assessment), NULL);

  self = g_object_new (MIZAN_TYPE_SESSION, NULL);
  self->store = g_object_ref (store);
  self->framework = g_object_ref (framework);
  self->assessment = g_object_ref (assessment);

  for (guint i = 0; i < mizan_framework_get_n_domains (framework); i++)
    {
      g_autoptr(MizanOutlineItem) item = mizan_outline_item_new_domain (mizan_framework_get_domain (framework, i));
      g_list_store_append (self->domains, item);
    }
  for (guint i = 0; i < mizan_framework_get_n_capabilities (framework); i++)
    {
      g_autoptr(MizanOutlineItem) item = mizan_outline_item_new_capability (mizan_framework_get_capability (framework, i));
      g_list_store_append (self->capabilities, item);
    }
  for (guint i = 0; i < mizan_framework_get_n_capabilities (framework); i++)
    update_progress (self, mizan_framework_get_capability (framework, i));

  n_practices = mizan_framework_get_n_practices (framework);
  ids = g_new0 (const char *, n_practices + 1);
  for (guint i = 0; i < n_practices; i++)
    ids[i] = mizan_framework_get_practice (framework, i)->id;
  gtk_string_list_splice (self->practice_ids, 0, 0, ids);

  return self;
}

MizanStore *
mizan_session_get_store (MizanSession *self)
{
  g_return_val_if_fail (MIZAN_IS_SESSION (self), NULL);
  return self->store;
}

void
mizan_session_set_predecessor (MizanSession   *self,
                               MizanFramework *predecessor)
{
  g_return_if_fail (MIZAN_IS_SESSION (self));
  g_return_if_fail (predecessor == NULL || MIZAN_IS_FRAMEWORK (predecessor));

  g_set_object (&self->predecessor, predecessor);
}

MizanFramework *
mizan_session_get_predecessor (MizanSession *self)
{
  g_return_val_if_fail (MIZAN_IS_SESSION (self), NULL);
  return self->predecessor;
}

MizanFramework *
mizan_session_get_framework (MizanSession *self)
{
  g_return_val_if_fail (MIZAN_IS_SESSION (self), NULL);
  return self->framework;
}

MizanAssessment *
mizan_session_get_assessment (MizanSession *self)
{
  g_return_val_if_fail (MIZAN_IS_SESSION (self), NULL);
  return self->assessment;
}

GListModel *
mizan_session_get_domains (MizanSession *self)
{
  g_return_val_if_fail (MIZAN_IS_SESSION (self), NULL);
  return G_LIST_MODEL (self->domains);
}

GListModel *
mizan_session_get_capabilities (MizanSession *self)
{
  g_return_val_if_fail (MIZAN_IS_SESSION (self), NULL);
  return G_LIST_MODEL (self->capabilities);
}

MizanOutlineItem *
mizan_session_get_domain_item (MizanSession *self,
                               MizanDomain  *domain)
{
  g_autoptr(MizanOutlineItem) item = NULL;

  g_return_val_if_fail (MIZAN_IS_SESSION (self), NULL);
  g_return_val_if_fail (domain != NULL, NULL);

  /* The store holds its own reference; this one is dropped at once. */
  item = g_list_model_get_item (G_LIST_MODEL (self->domains), domain->index);
  return item;
}

MizanOutlineItem *
mizan_session_get_capability_item (MizanSession    *self,
                                   MizanCapability *capability)
{
  g_autoptr(MizanOutlineItem) item = NULL;

  g_return_val_if_fail (MIZAN_IS_SESSION (self), NULL);
  g_return_val_if_fail (capability != NULL, NULL);

  item = g_list_model_get_item (G_LIST_MODEL (self->capabilities), capability->index);
  return item;
}

GListModel *
mizan_session_get_practice_ids (MizanSession *self)
{
  g_return_val_if_fail (MIZAN_IS_SESSION (self), NULL);
  return G_LIST_MODEL (self->practice_ids);
}

char *
mizan_session_prepare_needle (const char *text)
{
  g_autofree char *stripped = NULL;
  g_autofree char *normalized = NULL;

  if (text == NULL)
    return g_strdup ("");
  stripped = g_strstrip (g_strdup (text));
  normalized = g_utf8_normalize (stripped, -1, G_NORMALIZE_ALL);
  if (normalized == NULL)
    return g_strdup ("");
  return g_utf8_casefold (normalized, -1);
}

static void
build_search_keys (MizanSession *self)
{
  guint n = mizan_framework_get_n_practices (self->framework);

  self->search_keys = g_ptr_array_new_full (n, g_free);
  for (guint i = 0; i < n; i++)
    {
      MizanPractice *practice = mizan_framework_get_practice (self->framework, i);
      g_autofree char *joined = g_strconcat (practice->id, " ",
                                             mizan_text_localized (practice->text), NULL);

      g_ptr_array_add (self->search_keys, mizan_session_prepare_needle (joined));
    }
}

gboolean
mizan_session_practice_matches (MizanSession  *self,
                                MizanPractice *practice,
                                const char    *needle)
{
  g_return_val_if_fail (MIZAN_IS_SESSION (self), FALSE);
  g_return_val_if_fail (practice != NULL, FALSE);

  if (needle == NULL || needle[0] == '\0')
    return TRUE;
  if (self->search_keys == NULL)
    build_search_keys (self);
  return strstr (g_ptr_array_index (self->search_keys, practice->index), needle) != NULL;
}

static gboolean
same_text (const char *a,
           const char *b)
{
  return g_strcmp0 (a != NULL ? a : "", b != NULL ? b : "") == 0;
}

gboolean
mizan_session_set_answer (MizanSession  *self,
                          const char    *practice_id,
                          MizanStatus    status,
                          const char    *note,
                          const char    *evidence,
                          GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  MizanPractice *practice;
  const MizanAnswer *current;

  g_return_val_if_fail (MIZAN_IS_SESSION (self), FALSE);
  g_return_val_if_fail (practice_id != NULL, FALSE);

  practice = mizan_framework_lookup_practice (self->framework, practice_id);
  g_return_val_if_fail (practice != NULL, FALSE);

  if (note != NULL && note[0] == '\0')
    note = NULL;
  if (evidence != NULL && evidence[0] == '\0')
    evidence = NULL;

  /* An edit that changes nothing is not written: no empty transactions, and
   * the assessment's "last change" stays true. */
  current = mizan_assessment_get_answer (self->assessment, practice_id);
  if ((current == NULL && status == MIZAN_STATUS_NONE && note == NULL && evidence == NULL) ||
      (current != NULL && current->status == status && !current->to_confirm &&
       same_text (current->note, note) && same_text (current->evidence, evidence)))
    return TRUE;

  if (!mizan_store_set_answer (self->store,
                               mizan_assessment_get_id (self->assessment),
                               practice_id, status, note, evidence, &local_error))
    {
      set_save_state (self, MIZAN_SAVE_STATE_FAILED, local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  {
    gint64 now = g_get_real_time () / G_USEC_PER_SEC;

    mizan_assessment_set_answer (self->assessment, practice_id, status, note, evidence, now);
    /* Whatever the user sets is the user's answer: a carried one is confirmed. */
    mizan_assessment_set_to_confirm (self->assessment, practice_id, FALSE);
    mizan_assessment_set_updated (self->assessment, now);
  }

  update_progress (self, practice->capability);
  set_save_state (self, self->open_edits > 0 ? MIZAN_SAVE_STATE_PENDING : MIZAN_SAVE_STATE_SAVED, NULL);
  g_signal_emit (self, signals[ANSWER_CHANGED], 0, practice_id);
  invalidate_results (self);
  return TRUE;
}

gboolean
mizan_session_is_to_answer (MizanSession        *self,
                            const MizanPractice *practice)
{
  g_return_val_if_fail (MIZAN_IS_SESSION (self), FALSE);
  g_return_val_if_fail (practice != NULL, FALSE);

  return mizan_session_get_status (self, practice->id) == MIZAN_STATUS_NONE &&
         mizan_results_excluded_by (self->framework, self->assessment, practice) == NULL;
}

MizanStatus
mizan_session_get_status (MizanSession *self,
                          const char   *practice_id)
{
  const MizanAnswer *answer;

  g_return_val_if_fail (MIZAN_IS_SESSION (self), MIZAN_STATUS_NONE);

  answer = mizan_assessment_get_answer (self->assessment, practice_id);
  return answer != NULL ? answer->status : MIZAN_STATUS_NONE;
}

gboolean
mizan_session_set_target (MizanSession  *self,
                          const char    *capability_id,
                          int            target,
                          GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (MIZAN_IS_SESSION (self), FALSE);
  g_return_val_if_fail (mizan_framework_lookup_capability (self->framework, capability_id) != NULL, FALSE);

  /* The default stays a default, so that it follows the framework. */
  if (target == (int) mizan_framework_get_default_target (self->framework))
    target = -1;
  if (target < 0)
    target = -1;
  if (mizan_assessment_get_target (self->assessment, capability_id) == target)
    return TRUE;

  if (!mizan_store_set_target (self->store, mizan_assessment_get_id (self->assessment),
                               capability_id, target, &local_error))
    {
      set_save_state (self, MIZAN_SAVE_STATE_FAILED, local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  mizan_assessment_set_target (self->assessment, capability_id, target);
  mizan_assessment_set_updated (self->assessment, g_get_real_time () / G_USEC_PER_SEC);
  set_save_state (self, self->open_edits > 0 ? MIZAN_SAVE_STATE_PENDING : MIZAN_SAVE_STATE_SAVED, NULL);
  invalidate_results (self);
  return TRUE;
}

gboolean
mizan_session_set_profile_answer (MizanSession        *self,
                                  const char          *question_id,
                                  MizanProfileAnswer   answer,
                                  GError             **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (MIZAN_IS_SESSION (self), FALSE);
  g_return_val_if_fail (mizan_framework_lookup_profile_question (self->framework, question_id) != NULL, FALSE);

  if (mizan_assessment_get_profile_answer (self->assessment, question_id) == answer)
    return TRUE;

  if (!mizan_store_set_profile_answer (self->store, mizan_assessment_get_id (self->assessment),
                                       question_id, answer, &local_error))
    {
      set_save_state (self, MIZAN_SAVE_STATE_FAILED, local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  mizan_assessment_set_profile_answer (self->assessment, question_id, answer);
  mizan_assessment_set_updated (self->assessment, g_get_real_time () / G_USEC_PER_SEC);
  set_save_state (self, self->open_edits > 0 ? MIZAN_SAVE_STATE_PENDING : MIZAN_SAVE_STATE_SAVED, NULL);
  /* Which practices apply changed: every figure is computed again at once. */
  invalidate_results (self);
  return TRUE;
}

guint
mizan_session_get_target (MizanSession *self,
                          const char   *capability_id)
{
  int target;

  g_return_val_if_fail (MIZAN_IS_SESSION (self), 0);

  target = mizan_assessment_get_target (self->assessment, capability_id);
  return target >= 0 ? (guint) target : mizan_framework_get_default_target (self->framework);
}

void
mizan_session_begin_edit (MizanSession *self)
{
  g_return_if_fail (MIZAN_IS_SESSION (self));

  self->open_edits++;
  if (self->save_state != MIZAN_SAVE_STATE_FAILED)
    set_save_state (self, MIZAN_SAVE_STATE_PENDING, NULL);
}

void
mizan_session_end_edit (MizanSession *self)
{
  g_return_if_fail (MIZAN_IS_SESSION (self));
  g_return_if_fail (self->open_edits > 0);

  self->open_edits--;
  if (self->open_edits == 0 && self->save_state == MIZAN_SAVE_STATE_PENDING)
    set_save_state (self, MIZAN_SAVE_STATE_SAVED, NULL);
}

MizanSaveState
mizan_session_get_save_state (MizanSession *self)
{
  g_return_val_if_fail (MIZAN_IS_SESSION (self), MIZAN_SAVE_STATE_UNCHANGED);
  return self->save_state;
}

const char *
mizan_session_get_save_error (MizanSession *self)
{
  g_return_val_if_fail (MIZAN_IS_SESSION (self), NULL);
  return self->save_error;
}

const MizanResults *
mizan_session_get_results (MizanSession *self)
{
  g_return_val_if_fail (MIZAN_IS_SESSION (self), NULL);

  if (self->results == NULL)
    self->results = mizan_results_compute (self->framework, self->assessment);
  return self->results;
}

const MizanStatus *
mizan_session_get_statuses (MizanSession *self)
{
  g_return_val_if_fail (MIZAN_IS_SESSION (self), NULL);

  if (self->statuses == NULL)
    self->statuses = mizan_results_effective_statuses (self->framework, self->assessment);
  return self->statuses;
}
