/* mizan-assessment-item.c — one stored assessment as the start page lists it
 * A plain value object: the start page rebuilds its list from the store when it changes. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mizan-assessment-item.h"

struct _MizanAssessmentItem
{
  GObject   parent_instance;

  char     *id;
  char     *title;
  char     *organization;
  char     *framework_title;
  gboolean  has_framework;
  double    completion;
  gint64    updated;
};

G_DEFINE_FINAL_TYPE (MizanAssessmentItem, mizan_assessment_item, G_TYPE_OBJECT)

static void
mizan_assessment_item_finalize (GObject *object)
{
  MizanAssessmentItem *self = MIZAN_ASSESSMENT_ITEM (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->organization, g_free);
  g_clear_pointer (&self->framework_title, g_free);

  G_OBJECT_CLASS (mizan_assessment_item_parent_class)->finalize (object);
}

static void
mizan_assessment_item_class_init (MizanAssessmentItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mizan_assessment_item_finalize;
}

static void
mizan_assessment_item_init (MizanAssessmentItem *self)
{
}

MizanAssessmentItem *
mizan_assessment_item_new (const MizanAssessmentSummary *summary,
                           MizanCatalog                 *catalog)
{
  MizanAssessmentItem *self;
  MizanFramework *framework;

  g_return_val_if_fail (summary != NULL, NULL);
  g_return_val_if_fail (MIZAN_IS_CATALOG (catalog), NULL);

  self = g_object_new (MIZAN_TYPE_ASSESSMENT_ITEM, NULL);
  self->id = g_strdup (summary->id);
  self->title = g_strdup (summary->title != NULL && summary->title[0] != '\0'
                          ? summary->title : _("Untitled assessment"));
  self->organization = g_strdup (summary->org_name != NULL ? summary->org_name : "");
  self->updated = summary->updated;

  framework = mizan_catalog_lookup (catalog, summary->framework_id, summary->framework_version);
  if (framework != NULL)
    {
      guint total = mizan_framework_get_n_practices (framework);

      self->has_framework = TRUE;
      /* Translators: a framework's title and its version, e.g. "OIC CCMM 1.0.0" */
      self->framework_title = g_strdup_printf (_("%s %s"),
                                               mizan_text_localized (mizan_framework_get_title (framework)),
                                               mizan_framework_get_version (framework));
      self->completion = total > 0 ? MIN (1.0, (double) summary->answered / total) : 0.0;
    }
  else
    {
      self->framework_title = g_strdup_printf (_("%s %s (not installed)"),
                                               summary->framework_id, summary->framework_version);
      self->completion = -1;
    }

  return self;
}

const char *
mizan_assessment_item_get_id (MizanAssessmentItem *self)
{
  g_return_val_if_fail (MIZAN_IS_ASSESSMENT_ITEM (self), NULL);
  return self->id;
}

const char *
mizan_assessment_item_get_title (MizanAssessmentItem *self)
{
  g_return_val_if_fail (MIZAN_IS_ASSESSMENT_ITEM (self), NULL);
  return self->title;
}

const char *
mizan_assessment_item_get_organization (MizanAssessmentItem *self)
{
  g_return_val_if_fail (MIZAN_IS_ASSESSMENT_ITEM (self), NULL);
  return self->organization;
}

const char *
mizan_assessment_item_get_framework_title (MizanAssessmentItem *self)
{
  g_return_val_if_fail (MIZAN_IS_ASSESSMENT_ITEM (self), NULL);
  return self->framework_title;
}

gboolean
mizan_assessment_item_has_framework (MizanAssessmentItem *self)
{
  g_return_val_if_fail (MIZAN_IS_ASSESSMENT_ITEM (self), FALSE);
  return self->has_framework;
}

double
mizan_assessment_item_get_completion (MizanAssessmentItem *self)
{
  g_return_val_if_fail (MIZAN_IS_ASSESSMENT_ITEM (self), -1);
  return self->completion;
}

gint64
mizan_assessment_item_get_updated (MizanAssessmentItem *self)
{
  g_return_val_if_fail (MIZAN_IS_ASSESSMENT_ITEM (self), 0);
  return self->updated;
}
