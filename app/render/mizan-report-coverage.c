/* mizan-report-coverage.c — the report's appendix for NIST CSF 2.0 readers: which practices cover each category
 * Per CSF function a table of its categories, in the reference list's order, with the practices that cite them and their answers. */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "mizan-references.h"
#include "mizan-report-private.h"

#define tr(msgid) mizan_report_tr (self, msgid)

#define CSF_SCHEME "nist-csf-2.0"

/* The order in which a row lists a category's practices: what is in place first. */
static const MizanStatus status_order[] = { MIZAN_STATUS_FULLY, MIZAN_STATUS_LARGELY, MIZAN_STATUS_PARTIALLY,
                                            MIZAN_STATUS_NOT, MIZAN_STATUS_NA, MIZAN_STATUS_NONE };

/* One function or category of the CSF and what of the model reaches it. */
typedef struct {
  const char *id;
  GPtrArray  *practices;       /* MizanPractice *, file order, each once */
  GHashTable *subcategories;   /* the subcategory ids cited under a category */
} CoverageEntry;

static void
coverage_entry_free (gpointer data)
{
  CoverageEntry *entry = data;

  g_ptr_array_unref (entry->practices);
  g_hash_table_unref (entry->subcategories);
  g_free (entry);
}

/* The reference list holds functions ("GV"), categories ("GV.OC") and
 * subcategories ("GV.OC-01"), told apart by the shape of their ids. */
static gboolean
is_function (const char *id)
{
  return strchr (id, '.') == NULL && strchr (id, '-') == NULL;
}

static gboolean
is_category (const char *id)
{
  return strchr (id, '.') != NULL && strchr (id, '-') == NULL;
}

/* The CSF ids a practice cites itself, or NULL: a capability's references
 * gather its practices', so only practices place a practice under a category. */
static const char * const *
csf_ids (const MizanPractice *practice)
{
  for (guint i = 0; i < practice->n_references; i++)
    if (g_str_equal (practice->references[i].scheme, CSF_SCHEME))
      return (const char * const *) practice->references[i].ids;
  return NULL;
}

static const MizanReferenceScheme *
coverage_scheme (MizanReport *self)
{
  const MizanReferenceScheme *scheme = mizan_references_lookup_scheme (CSF_SCHEME);

  if (scheme == NULL)
    return NULL;
  for (guint i = 0; i < mizan_framework_get_n_practices (self->framework); i++)
    {
      const char * const *ids = csf_ids (mizan_framework_get_practice (self->framework, i));

      if (ids != NULL && ids[0] != NULL)
        return scheme;
    }
  return NULL;
}

char *
mizan_report_coverage_title (MizanReport *self)
{
  const MizanReferenceScheme *scheme = coverage_scheme (self);

  if (scheme == NULL)
    return NULL;
  /* Translators: the heading of the report's appendix, e.g. "Appendix: NIST CSF 2.0 coverage" */
  return g_strdup_printf (tr (N_("Appendix: %s coverage")), mizan_reference_scheme_get_title (scheme));
}

/* Every function and category of the list, keyed by id, with the practices
 * that cite it: a subcategory counts for its category, a category id for
 * itself, a function id for the function alone. */
static GHashTable *
collect_coverage (MizanReport                *self,
                  const MizanReferenceScheme *scheme)
{
  GHashTable *entries = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, coverage_entry_free);

  for (const char * const *ids = mizan_reference_scheme_get_ids (scheme); *ids != NULL; ids++)
    if (is_function (*ids) || is_category (*ids))
      {
        CoverageEntry *entry = g_new0 (CoverageEntry, 1);

        entry->id = *ids;
        entry->practices = g_ptr_array_new ();
        entry->subcategories = g_hash_table_new (g_str_hash, g_str_equal);
        g_hash_table_insert (entries, (gpointer) entry->id, entry);
      }

  for (guint i = 0; i < mizan_framework_get_n_practices (self->framework); i++)
    {
      MizanPractice *practice = mizan_framework_get_practice (self->framework, i);
      const char * const *ids = csf_ids (practice);

      for (guint j = 0; ids != NULL && ids[j] != NULL; j++)
        {
          g_autofree char *owner = g_strndup (ids[j], strcspn (ids[j], "-"));
          CoverageEntry *entry = g_hash_table_lookup (entries, owner);
          GPtrArray *list;

          if (entry == NULL)
            continue;
          list = entry->practices;
          /* Practices come in file order, so one citing two subcategories of a category is its last one. */
          if (list->len == 0 || g_ptr_array_index (list, list->len - 1) != practice)
            g_ptr_array_add (list, practice);
          if (!g_str_equal (owner, ids[j]))
            g_hash_table_add (entry->subcategories, (gpointer) ids[j]);
        }
    }
  return entries;
}

/* "4 of 5": the category's subcategories that at least one practice cites. */
static char *
subcategories_cell (MizanReport                *self,
                    const MizanReferenceScheme *scheme,
                    const CoverageEntry        *entry)
{
  g_autofree char *prefix = g_strconcat (entry->id, "-", NULL);
  guint n = 0;

  for (const char * const *ids = mizan_reference_scheme_get_ids (scheme); *ids != NULL; ids++)
    n += g_str_has_prefix (*ids, prefix);
  /* Translators: subcategories of a NIST CSF category that the model's practices cite, e.g. "4 of 5" */
  return g_strdup_printf (tr (N_("%u of %u")), g_hash_table_size (entry->subcategories), n);
}

/* One line per answer: "Fully implemented: GOV.1.1, GOV.2.1". */
static char *
practices_cell (MizanReport         *self,
                const CoverageEntry *entry)
{
  g_autoptr(GString) cell = g_string_new (NULL);

  if (entry->practices->len == 0)
    return g_strdup (tr (N_("No practice maps here")));

  for (guint s = 0; s < G_N_ELEMENTS (status_order); s++)
    {
      g_autoptr(GString) ids = g_string_new (NULL);

      for (guint i = 0; i < entry->practices->len; i++)
        {
          const MizanPractice *practice = g_ptr_array_index (entry->practices, i);

          if (self->statuses[practice->index] != status_order[s])
            continue;
          if (ids->len > 0)
            g_string_append (ids, ", ");
          g_string_append (ids, practice->id);
        }
      if (ids->len == 0)
        continue;
      if (cell->len > 0)
        g_string_append_c (cell, '\n');
      /* Translators: an answer and the practices given it, e.g. "Not implemented: GOV.1.2, RSK.3.1" */
      g_string_append_printf (cell, tr (N_("%s: %s")), mizan_report_status_label (self, status_order[s]), ids->str);
    }
  return g_string_free (g_steal_pointer (&cell), FALSE);
}

static char *
entry_title (const MizanReferenceScheme *scheme,
             const char                 *id)
{
  /* The standard's own short titles, as NIST words them: the reference list ships in English only. */
  return g_strdup_printf ("%s · %s", id, mizan_reference_scheme_lookup (scheme, id));
}

void
mizan_report_add_coverage (MizanReport *self)
{
  const MizanReferenceScheme *scheme = coverage_scheme (self);
  g_autoptr(GHashTable) entries = NULL;
  static const double widths[] = { 0.34, 0.14, 0.52 };
  static const MizanCellAlign align[] = { MIZAN_CELL_START, MIZAN_CELL_CENTER, MIZAN_CELL_START };
  const char *headers[] = { tr (N_("Category")), tr (N_("Subcategories cited")), tr (N_("Practices by answer")) };
  gboolean started = FALSE;
  guint table = 0;

  if (scheme == NULL)
    return;
  entries = collect_coverage (self, scheme);

  mizan_report_add_text (self, tr (N_("Each category of the standard, function by function, with the practices of "
                                      "this model that cite it or one of its subcategories, grouped by their answer "
                                      "in this assessment; a practice may serve several categories. Categories that "
                                      "no practice cites are listed too, as they are where the model leaves the "
                                      "standard uncovered.")),
                         MIZAN_REPORT_BODY_SIZE, FALSE, FALSE, 0, 0);

  for (const char * const *ids = mizan_reference_scheme_get_ids (scheme); *ids != NULL; ids++)
    {
      const CoverageEntry *entry = g_hash_table_lookup (entries, *ids);
      g_autofree char *title = NULL;

      if (entry == NULL || !(started || is_function (entry->id)))
        continue;
      title = entry_title (scheme, entry->id);
      if (is_function (entry->id))
        {
          mizan_report_add_heading (self, 2, title);
          table = mizan_report_add_table (self, 3, widths, align, headers);
          mizan_report_table_lists (self, table);
          started = TRUE;
          /* A practice may cite a function as a whole; only then has the function a row of its own. */
          if (entry->practices->len == 0)
            continue;
        }
      /* A category no practice cites keeps its row ("No practice maps here"):
       * for a CSF reader the gaps in coverage are as telling as what is covered. */
      {
        g_autofree char *subcategories = is_category (entry->id) ? subcategories_cell (self, scheme, entry)
                                                                 : g_strdup ("—");
        g_autofree char *practices = practices_cell (self, entry);
        const char *cells[] = { title, subcategories, practices };

        mizan_report_add_row (self, table, cells);
      }
    }
}
