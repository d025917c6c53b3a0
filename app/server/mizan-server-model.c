/* mizan-server-model.c — the stored submissions in memory, and the answers computed from them
 * Every figure goes through MizanDisclosure first; a suppressed group is answered without its count.
 * Thread-safe: the HTTP workers read it while the store's writer thread changes it. */

#include "config.h"

#include <math.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "mizan-aggregate.h"
#include "mizan-countries.h"
#include "mizan-server-model.h"

typedef struct _FrameworkState FrameworkState;

typedef struct {
  MizanServerSubmission *submission;
  const double          *values;     /* submission->values, one hop less when aggregating */
  FrameworkState        *state;
  guint                  position;   /* in state->entries */
  guint16                country;
  guint8                 sector;
  guint8                 size;
} Entry;

struct _FrameworkState {
  MizanFramework  *framework;
  GPtrArray       *entries;          /* Entry, unordered */
  MizanDisclosure *disclosure;       /* NULL until asked, and after each change */
  GHashTable      *answers;          /* query key → GBytes, emptied on each change */
};

struct _MizanServerModel
{
  GObject       parent_instance;

  /* The HTTP workers read, the store's writer thread changes: lock covers
   * states and entries, and so every answer and its cache. Answers already
   * made are read under the reader lock, so that workers never wait for
   * each other; making one, or any change, takes the writer lock. */
  GRWLock       lock;

  MizanCatalog *catalog;
  GStrv         countries;
  guint         n_countries;
  guint         k;
  GHashTable   *country_index;   /* alpha-3 → position + 1 */
  GHashTable   *states;          /* MizanFramework → FrameworkState */
  GHashTable   *entries;         /* submission id → Entry */
};

G_DEFINE_FINAL_TYPE (MizanServerModel, mizan_server_model, G_TYPE_OBJECT)

static int
vocabulary_index (const char * const *list,
                  const char         *value)
{
  for (int i = 0; list[i] != NULL; i++)
    if (strcmp (list[i], value) == 0)
      return i;
  return -1;
}

static void
framework_state_free (FrameworkState *state)
{
  g_ptr_array_unref (state->entries);
  g_clear_pointer (&state->disclosure, mizan_disclosure_free);
  g_hash_table_unref (state->answers);
  g_object_unref (state->framework);
  g_free (state);
}

static void
entry_free (Entry *entry)
{
  mizan_server_submission_free (entry->submission);
  g_free (entry);
}

static void
mizan_server_model_finalize (GObject *object)
{
  MizanServerModel *self = MIZAN_SERVER_MODEL (object);

  g_clear_pointer (&self->entries, g_hash_table_unref);
  g_clear_pointer (&self->states, g_hash_table_unref);
  g_clear_pointer (&self->country_index, g_hash_table_unref);
  g_clear_pointer (&self->countries, g_strfreev);
  g_clear_object (&self->catalog);
  g_rw_lock_clear (&self->lock);

  G_OBJECT_CLASS (mizan_server_model_parent_class)->finalize (object);
}

static void
mizan_server_model_class_init (MizanServerModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mizan_server_model_finalize;
}

static void
mizan_server_model_init (MizanServerModel *self)
{
  self->states = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                        (GDestroyNotify) framework_state_free);
  self->entries = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) entry_free);
  self->country_index = g_hash_table_new (g_str_hash, g_str_equal);
  g_rw_lock_init (&self->lock);
}

MizanServerModel *
mizan_server_model_new (MizanCatalog       *catalog,
                        const char * const *countries,
                        guint               k)
{
  MizanServerModel *self;

  g_return_val_if_fail (MIZAN_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (countries != NULL && countries[0] != NULL, NULL);
  g_return_val_if_fail (k >= 1, NULL);

  self = g_object_new (MIZAN_TYPE_SERVER_MODEL, NULL);
  self->catalog = g_object_ref (catalog);
  self->countries = g_strdupv ((char **) countries);
  self->n_countries = g_strv_length (self->countries);
  self->k = k;
  for (guint i = 0; i < self->n_countries; i++)
    g_hash_table_insert (self->country_index, self->countries[i], GUINT_TO_POINTER (i + 1));
  return self;
}

MizanCatalog *
mizan_server_model_get_catalog (MizanServerModel *self)
{
  g_return_val_if_fail (MIZAN_IS_SERVER_MODEL (self), NULL);
  return self->catalog;
}

const char * const *
mizan_server_model_get_countries (MizanServerModel *self)
{
  g_return_val_if_fail (MIZAN_IS_SERVER_MODEL (self), NULL);
  return (const char * const *) self->countries;
}

guint
mizan_server_model_get_k (MizanServerModel *self)
{
  g_return_val_if_fail (MIZAN_IS_SERVER_MODEL (self), 0);
  return self->k;
}

int
mizan_server_model_country_index (MizanServerModel *self,
                                  const char       *country)
{
  g_return_val_if_fail (MIZAN_IS_SERVER_MODEL (self), -1);

  if (country == NULL)
    return -1;
  return GPOINTER_TO_INT (g_hash_table_lookup (self->country_index, country)) - 1;
}

static FrameworkState *
get_state (MizanServerModel *self,
           MizanFramework   *framework,
           gboolean          create)
{
  FrameworkState *state = g_hash_table_lookup (self->states, framework);

  if (state == NULL && create)
    {
      state = g_new0 (FrameworkState, 1);
      state->framework = g_object_ref (framework);
      state->entries = g_ptr_array_new ();
      state->answers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_bytes_unref);
      g_hash_table_insert (self->states, framework, state);
    }
  return state;
}

static void
state_changed (FrameworkState *state)
{
  g_clear_pointer (&state->disclosure, mizan_disclosure_free);
  g_hash_table_remove_all (state->answers);
}

static void
detach_entry (Entry *entry)
{
  GPtrArray *entries = entry->state->entries;
  Entry *last = g_ptr_array_index (entries, entries->len - 1);

  /* Swap-remove: order inside a framework carries no meaning. */
  last->position = entry->position;
  g_ptr_array_remove_index_fast (entries, entry->position);
  state_changed (entry->state);
}

static gboolean
remove_locked (MizanServerModel *self,
               const char       *id)
{
  Entry *entry = g_hash_table_lookup (self->entries, id);

  if (entry == NULL)
    return FALSE;
  detach_entry (entry);
  return g_hash_table_remove (self->entries, id);
}

gboolean
mizan_server_model_remove (MizanServerModel *self,
                           const char       *id)
{
  g_autoptr(GRWLockWriterLocker) locker = NULL;

  g_return_val_if_fail (MIZAN_IS_SERVER_MODEL (self), FALSE);

  locker = g_rw_lock_writer_locker_new (&self->lock);
  return remove_locked (self, id);
}

gboolean
mizan_server_model_put (MizanServerModel      *self,
                        MizanServerSubmission *submission)
{
  g_autoptr(GRWLockWriterLocker) locker = NULL;
  Entry *entry;
  int country, sector, size;

  g_return_val_if_fail (MIZAN_IS_SERVER_MODEL (self), FALSE);
  g_return_val_if_fail (submission != NULL, FALSE);

  locker = g_rw_lock_writer_locker_new (&self->lock);
  remove_locked (self, submission->id);

  country = mizan_server_model_country_index (self, submission->country);
  sector = vocabulary_index (mizan_sectors_get_all (), submission->sector);
  size = vocabulary_index (mizan_sizes_get_all (), submission->size);
  /* Only a submission stored under another --countries list lands here. */
  if (country < 0 || sector < 0 || size < 0)
    {
      mizan_server_submission_free (submission);
      return FALSE;
    }

  /* The payload is on disk; memory holds only the figures. */
  g_clear_pointer (&submission->payload, g_free);

  entry = g_new0 (Entry, 1);
  entry->submission = submission;
  entry->values = submission->values;
  entry->state = get_state (self, submission->framework, TRUE);
  entry->country = (guint16) country;
  entry->sector = (guint8) sector;
  entry->size = (guint8) size;
  entry->position = entry->state->entries->len;
  g_ptr_array_add (entry->state->entries, entry);
  g_hash_table_insert (self->entries, submission->id, entry);
  state_changed (entry->state);
  return TRUE;
}

guint
mizan_server_model_get_n_submissions (MizanServerModel *self)
{
  g_autoptr(GRWLockReaderLocker) locker = NULL;

  g_return_val_if_fail (MIZAN_IS_SERVER_MODEL (self), 0);

  locker = g_rw_lock_reader_locker_new (&self->lock);
  return g_hash_table_size (self->entries);
}

/* Disclosure items: each domain, then each capability — what a submission can leave out. */
static MizanDisclosure *
get_disclosure (MizanServerModel *self,
                FrameworkState   *state)
{
  MizanFramework *framework = state->framework;
  guint n_domains = mizan_framework_get_n_domains (framework);
  guint n_items = n_domains + mizan_framework_get_n_capabilities (framework);
  g_autofree gboolean *has_item = NULL;

  if (state->disclosure != NULL)
    return state->disclosure;

  state->disclosure = mizan_disclosure_new (self->n_countries,
                                            g_strv_length ((char **) mizan_sectors_get_all ()),
                                            g_strv_length ((char **) mizan_sizes_get_all ()),
                                            n_items, self->k);
  has_item = g_new0 (gboolean, n_items);
  for (guint i = 0; i < state->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (state->entries, i);
      const double *values = entry->values;

      for (guint d = 0; d < n_domains; d++)
        has_item[d] = !isnan (values[mizan_slot_domain (d, MIZAN_DOMAIN_LEVEL)]);
      for (guint c = 0; c < n_items - n_domains; c++)
        has_item[n_domains + c] = !isnan (values[mizan_slot_capability (framework, c, MIZAN_CAPABILITY_LEVEL)]);
      mizan_disclosure_add (state->disclosure, entry->country, entry->sector, entry->size, has_item);
    }
  mizan_disclosure_solve (state->disclosure);
  return state->disclosure;
}

static gboolean
entry_matches (Entry *entry,
               int    country,
               int    sector,
               int    size)
{
  return (country == MIZAN_ANY || entry->country == country) &&
         (sector == MIZAN_ANY || entry->sector == sector) &&
         (size == MIZAN_ANY || entry->size == size);
}

/* Summaries of every slot over @group (n = 0 where no submission has the
 * slot). The values are copied out a block of slots at a time, in one pass
 * over the group each: reading slot after slot across 100,000 submissions
 * would cost a cache miss per value. */
#define SLOTS_PER_PASS 16

static MizanSummary *
summarize (GPtrArray *group,
           guint      n_slots,
           gboolean   quartiles)
{
  MizanSummary *summaries = g_new0 (MizanSummary, n_slots);
  double *columns[SLOTS_PER_PASS];
  gsize lengths[SLOTS_PER_PASS];

  if (group->len == 0)
    return summaries;

  for (guint s = 0; s < SLOTS_PER_PASS; s++)
    columns[s] = g_new (double, group->len);

  for (guint first = 0; first < n_slots; first += SLOTS_PER_PASS)
    {
      guint count = MIN (SLOTS_PER_PASS, n_slots - first);

      memset (lengths, 0, sizeof lengths);
      for (guint i = 0; i < group->len; i++)
        {
          const double *values = ((Entry *) g_ptr_array_index (group, i))->values + first;

          for (guint s = 0; s < count; s++)
            if (!isnan (values[s]))
              columns[s][lengths[s]++] = values[s];
        }
      for (guint s = 0; s < count; s++)
        {
          if (lengths[s] == 0)
            continue;
          if (quartiles)
            mizan_summary_compute (columns[s], lengths[s], &summaries[first + s]);
          else
            {
              summaries[first + s].n = lengths[s];
              summaries[first + s].mean = mizan_mean (columns[s], lengths[s]);
            }
        }
    }

  for (guint s = 0; s < SLOTS_PER_PASS; s++)
    g_free (columns[s]);
  return summaries;
}

static void
add_summary (JsonBuilder        *builder,
             const char         *name,
             const MizanSummary *summary)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "mean");
  json_builder_add_double_value (builder, summary->mean);
  json_builder_set_member_name (builder, "p25");
  json_builder_add_double_value (builder, summary->p25);
  json_builder_set_member_name (builder, "median");
  json_builder_add_double_value (builder, summary->median);
  json_builder_set_member_name (builder, "p75");
  json_builder_add_double_value (builder, summary->p75);
  json_builder_end_object (builder);
}

static void
add_framework (JsonBuilder    *builder,
               MizanFramework *framework)
{
  json_builder_set_member_name (builder, "framework");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, mizan_framework_get_id (framework));
  json_builder_set_member_name (builder, "version");
  json_builder_add_string_value (builder, mizan_framework_get_version (framework));
  json_builder_end_object (builder);
}

static void
add_nullable_string (JsonBuilder *builder,
                     const char  *name,
                     const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_suppressed_item (JsonBuilder *builder,
                     const char  *id)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, id);
  json_builder_set_member_name (builder, "suppressed");
  json_builder_add_boolean_value (builder, TRUE);
  json_builder_end_object (builder);
}

static GBytes *
builder_to_bytes (JsonBuilder *builder)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  char *text = json_to_string (root, FALSE);

  return g_bytes_new_take (text, strlen (text));
}

static GPtrArray *
select_group (FrameworkState *state,
              int             country,
              int             sector,
              int             size)
{
  GPtrArray *group = g_ptr_array_new ();

  for (guint i = 0; i < state->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (state->entries, i);

      if (entry_matches (entry, country, sector, size))
        g_ptr_array_add (group, entry);
    }
  return group;
}

static GBytes *
compute_benchmarks (MizanServerModel *self,
                    FrameworkState   *state,
                    MizanFramework   *framework,
                    int               country,
                    int               sector,
                    int               size)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  MizanDisclosure *disclosure = state ? get_disclosure (self, state) : NULL;
  g_autoptr(GPtrArray) group = NULL;
  g_autofree MizanSummary *summaries = NULL;
  guint n_domains = mizan_framework_get_n_domains (framework);

  json_builder_begin_object (builder);
  add_framework (builder, framework);
  json_builder_set_member_name (builder, "filter");
  json_builder_begin_object (builder);
  add_nullable_string (builder, "country", country == MIZAN_ANY ? NULL : self->countries[country]);
  add_nullable_string (builder, "sector", sector == MIZAN_ANY ? NULL : mizan_sectors_get_all ()[sector]);
  add_nullable_string (builder, "size", size == MIZAN_ANY ? NULL : mizan_sizes_get_all ()[size]);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "k");
  json_builder_add_int_value (builder, self->k);

  if (disclosure == NULL || !mizan_disclosure_is_answerable (disclosure, country, sector, size))
    {
      json_builder_set_member_name (builder, "suppressed");
      json_builder_add_boolean_value (builder, TRUE);
      json_builder_end_object (builder);
      return builder_to_bytes (builder);
    }

  group = select_group (state, country, sector, size);
  summaries = summarize (group, mizan_slots_count (framework), TRUE);

  json_builder_set_member_name (builder, "n");
  json_builder_add_int_value (builder, group->len);

  json_builder_set_member_name (builder, "overall");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "n");
  json_builder_add_int_value (builder, group->len);
  add_summary (builder, "index", &summaries[mizan_slot_overall (framework, MIZAN_OVERALL_INDEX)]);
  add_summary (builder, "score", &summaries[mizan_slot_overall (framework, MIZAN_OVERALL_SCORE)]);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "domains");
  json_builder_begin_array (builder);
  for (guint d = 0; d < n_domains; d++)
    {
      const char *id = mizan_framework_get_domain (framework, d)->id;

      if (!mizan_disclosure_item_is_answerable (disclosure, country, sector, size, d))
        {
          add_suppressed_item (builder, id);
          continue;
        }
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, id);
      json_builder_set_member_name (builder, "n");
      json_builder_add_int_value (builder, summaries[mizan_slot_domain (d, MIZAN_DOMAIN_LEVEL)].n);
      add_summary (builder, "level", &summaries[mizan_slot_domain (d, MIZAN_DOMAIN_LEVEL)]);
      add_summary (builder, "index", &summaries[mizan_slot_domain (d, MIZAN_DOMAIN_INDEX)]);
      add_summary (builder, "score", &summaries[mizan_slot_domain (d, MIZAN_DOMAIN_SCORE)]);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "capabilities");
  json_builder_begin_array (builder);
  for (guint c = 0; c < mizan_framework_get_n_capabilities (framework); c++)
    {
      const char *id = mizan_framework_get_capability (framework, c)->id;
      const MizanSummary *level = &summaries[mizan_slot_capability (framework, c, MIZAN_CAPABILITY_LEVEL)];

      if (!mizan_disclosure_item_is_answerable (disclosure, country, sector, size, n_domains + c))
        {
          add_suppressed_item (builder, id);
          continue;
        }
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, id);
      json_builder_set_member_name (builder, "n");
      json_builder_add_int_value (builder, level->n);
      add_summary (builder, "level", level);
      add_summary (builder, "score", &summaries[mizan_slot_capability (framework, c, MIZAN_CAPABILITY_SCORE)]);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_end_object (builder);
  return builder_to_bytes (builder);
}

/* What a query asks for, passed through get_answer() to its compute function. */
typedef struct {
  int country;
  int sector;
  int size;
} Filter;

typedef GBytes *(*ComputeFunc) (MizanServerModel *self,
                                FrameworkState   *state,
                                MizanFramework   *framework,
                                const Filter     *filter);

static GBytes *
compute_benchmarks_filtered (MizanServerModel *self,
                             FrameworkState   *state,
                             MizanFramework   *framework,
                             const Filter     *filter)
{
  return compute_benchmarks (self, state, framework, filter->country, filter->sector, filter->size);
}

/* The answer kept under @key, made by @compute (and kept) when missing.
 * Without a submission for @framework it is made each time, unkept. */
static GBytes *
get_answer (MizanServerModel *self,
            MizanFramework   *framework,
            const char       *key,
            ComputeFunc       compute,
            const Filter     *filter)
{
  FrameworkState *state;
  GBytes *answer = NULL;

  g_rw_lock_reader_lock (&self->lock);
  state = get_state (self, framework, FALSE);
  if (state != NULL && (answer = g_hash_table_lookup (state->answers, key)) != NULL)
    g_bytes_ref (answer);
  g_rw_lock_reader_unlock (&self->lock);
  if (answer != NULL)
    return answer;

  /* Another worker may have made it between the two locks. */
  g_rw_lock_writer_lock (&self->lock);
  state = get_state (self, framework, FALSE);
  if (state == NULL)
    answer = compute (self, NULL, framework, filter);
  else if ((answer = g_hash_table_lookup (state->answers, key)) != NULL)
    g_bytes_ref (answer);
  else
    {
      answer = compute (self, state, framework, filter);
      g_hash_table_insert (state->answers, g_strdup (key), g_bytes_ref (answer));
    }
  g_rw_lock_writer_unlock (&self->lock);
  return answer;
}

GBytes *
mizan_server_model_benchmarks (MizanServerModel *self,
                               MizanFramework   *framework,
                               int               country,
                               int               sector,
                               int               size)
{
  Filter filter = { country, sector, size };
  char key[48];

  g_return_val_if_fail (MIZAN_IS_SERVER_MODEL (self), NULL);
  g_return_val_if_fail (MIZAN_IS_FRAMEWORK (framework), NULL);
  g_return_val_if_fail (country >= MIZAN_ANY && country < (int) self->n_countries, NULL);

  g_snprintf (key, sizeof key, "b:%d:%d:%d", country, sector, size);
  return get_answer (self, framework, key, compute_benchmarks_filtered, &filter);
}

static GBytes *
compute_countries (MizanServerModel *self,
                   FrameworkState   *state,
                   MizanFramework   *framework)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  MizanDisclosure *disclosure = state ? get_disclosure (self, state) : NULL;
  guint n_domains = mizan_framework_get_n_domains (framework);
  g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  /* One pass sorts the submissions by member state. */
  for (guint c = 0; c < self->n_countries; c++)
    g_ptr_array_add (groups, g_ptr_array_new ());
  for (guint i = 0; state != NULL && i < state->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (state->entries, i);

      g_ptr_array_add (g_ptr_array_index (groups, entry->country), entry);
    }

  json_builder_begin_object (builder);
  add_framework (builder, framework);
  json_builder_set_member_name (builder, "k");
  json_builder_add_int_value (builder, self->k);
  json_builder_set_member_name (builder, "countries");
  json_builder_begin_array (builder);

  for (guint c = 0; c < self->n_countries; c++)
    {
      GPtrArray *group = g_ptr_array_index (groups, c);
      g_autofree MizanSummary *summaries = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "country");
      json_builder_add_string_value (builder, self->countries[c]);

      /* Every accepted member state is listed, so that the list itself
       * does not tell who has submitted. */
      if (disclosure == NULL || !mizan_disclosure_is_answerable (disclosure, (int) c, MIZAN_ANY, MIZAN_ANY))
        {
          json_builder_set_member_name (builder, "suppressed");
          json_builder_add_boolean_value (builder, TRUE);
          json_builder_end_object (builder);
          continue;
        }

      summaries = summarize (group, mizan_slots_count (framework), FALSE);
      json_builder_set_member_name (builder, "n");
      json_builder_add_int_value (builder, group->len);
      json_builder_set_member_name (builder, "mean_index");
      json_builder_add_double_value (builder, summaries[mizan_slot_overall (framework, MIZAN_OVERALL_INDEX)].mean);
      json_builder_set_member_name (builder, "mean_score");
      json_builder_add_double_value (builder, summaries[mizan_slot_overall (framework, MIZAN_OVERALL_SCORE)].mean);

      json_builder_set_member_name (builder, "domains");
      json_builder_begin_array (builder);
      for (guint d = 0; d < n_domains; d++)
        {
          const char *id = mizan_framework_get_domain (framework, d)->id;

          if (!mizan_disclosure_item_is_answerable (disclosure, (int) c, MIZAN_ANY, MIZAN_ANY, d))
            {
              add_suppressed_item (builder, id);
              continue;
            }
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "id");
          json_builder_add_string_value (builder, id);
          json_builder_set_member_name (builder, "n");
          json_builder_add_int_value (builder, summaries[mizan_slot_domain (d, MIZAN_DOMAIN_INDEX)].n);
          json_builder_set_member_name (builder, "mean_index");
          json_builder_add_double_value (builder, summaries[mizan_slot_domain (d, MIZAN_DOMAIN_INDEX)].mean);
          json_builder_set_member_name (builder, "mean_score");
          json_builder_add_double_value (builder, summaries[mizan_slot_domain (d, MIZAN_DOMAIN_SCORE)].mean);
          json_builder_set_member_name (builder, "mean_level");
          json_builder_add_double_value (builder, summaries[mizan_slot_domain (d, MIZAN_DOMAIN_LEVEL)].mean);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }

  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return builder_to_bytes (builder);
}

static GBytes *
compute_countries_unfiltered (MizanServerModel *self,
                              FrameworkState   *state,
                              MizanFramework   *framework,
                              const Filter     *filter)
{
  return compute_countries (self, state, framework);
}

GBytes *
mizan_server_model_countries (MizanServerModel *self,
                              MizanFramework   *framework)
{
  g_return_val_if_fail (MIZAN_IS_SERVER_MODEL (self), NULL);
  g_return_val_if_fail (MIZAN_IS_FRAMEWORK (framework), NULL);

  return get_answer (self, framework, "countries", compute_countries_unfiltered, NULL);
}
