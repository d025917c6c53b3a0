/* mizan-assessment-item.h — one stored assessment as the start page lists it
 * Organization, framework, completion and last change, read from the store's summary. */
#pragma once

#include <glib-object.h>

#include "mizan-catalog.h"
#include "mizan-store.h"

G_BEGIN_DECLS

#define MIZAN_TYPE_ASSESSMENT_ITEM (mizan_assessment_item_get_type ())
G_DECLARE_FINAL_TYPE (MizanAssessmentItem, mizan_assessment_item, MIZAN, ASSESSMENT_ITEM, GObject)

/* @catalog gives the framework's title and practice count; a framework it
 * lacks leaves the completion unknown (-1). */
MizanAssessmentItem *mizan_assessment_item_new                 (const MizanAssessmentSummary *summary,
                                                                MizanCatalog                 *catalog);

const char          *mizan_assessment_item_get_id              (MizanAssessmentItem *self);
const char          *mizan_assessment_item_get_title           (MizanAssessmentItem *self);
const char          *mizan_assessment_item_get_organization    (MizanAssessmentItem *self);
/* The framework's title in the user's language and its version, or its id
 * and version when it is not installed. */
const char          *mizan_assessment_item_get_framework_title (MizanAssessmentItem *self);
gboolean             mizan_assessment_item_has_framework       (MizanAssessmentItem *self);
/* 0..1, or -1 when the framework is not installed */
double               mizan_assessment_item_get_completion      (MizanAssessmentItem *self);
gint64               mizan_assessment_item_get_updated         (MizanAssessmentItem *self);

G_END_DECLS
