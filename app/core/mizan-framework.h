/* mizan-framework.h — a maturity framework loaded from a mizan-framework file
 * Immutable once loaded: levels, domains, capabilities and practices, with lookups by id. */
#pragma once

#include <glib-object.h>
#include "mizan-status.h"
#include "mizan-text.h"

G_BEGIN_DECLS

#define MIZAN_FRAMEWORK_MAX_FILE_SIZE (16 * 1024 * 1024)
#define MIZAN_FRAMEWORK_MAX_LEVELS 9

#define MIZAN_FRAMEWORK_ERROR (mizan_framework_error_quark ())
typedef enum {
  MIZAN_FRAMEWORK_ERROR_TOO_LARGE,   /* file over 16 MiB */
  MIZAN_FRAMEWORK_ERROR_SYNTAX,      /* not JSON: lines "FILE:LINE:COL: message" */
  MIZAN_FRAMEWORK_ERROR_INVALID,     /* JSON but breaks a rule: lines "FILE: PATH: message" */
} MizanFrameworkError;
GQuark mizan_framework_error_quark (void);

typedef struct _MizanDomain     MizanDomain;
typedef struct _MizanCapability MizanCapability;
typedef struct _MizanPractice   MizanPractice;

typedef struct {
  guint      level;        /* 1..L */
  MizanText *name;
  MizanText *description;  /* nullable */
} MizanLevel;

typedef struct {
  char  *scheme;           /* e.g. "nist-csf-2.0" */
  GStrv  ids;
} MizanReference;

/* A yes/no question about the organization; "no" makes every item whose
 * applies_if names it not applicable, exactly like an answer of na. */
typedef struct {
  char      *id;           /* e.g. "runs_cert" */
  MizanText *text;
} MizanProfileQuestion;

struct _MizanPractice {
  char            *id;
  guint            index;     /* position among all practices, file order */
  guint            level;     /* 1..L */
  double           weight;    /* > 0, default 1 */
  MizanText       *text;
  MizanText       *guidance;  /* nullable */
  MizanText       *evidence;  /* nullable */
  MizanText       *fully_when;     /* nullable: when "fully" is earned, where not obvious */
  MizanText       *weight_reason;  /* nullable */
  char            *applies_if;     /* nullable: a profile question id */
  MizanReference  *references;     /* the practice's own */
  guint            n_references;
  MizanCapability *capability;
};

struct _MizanCapability {
  char            *id;
  guint            index;     /* position among all capabilities, file order */
  double           weight;
  MizanText       *title;
  MizanText       *description;  /* nullable */
  MizanText       *weight_reason;  /* nullable */
  char            *applies_if;     /* nullable: a profile question id */
  /* The capability's own references united with its practices', each
   * scheme once, ids in first-seen order. */
  MizanReference  *references;
  guint            n_references;
  MizanPractice  **practices;    /* file order */
  guint            n_practices;
  MizanDomain     *domain;
};

struct _MizanDomain {
  char             *id;
  guint             index;
  double            weight;
  MizanText        *title;
  MizanText        *description;  /* nullable */
  MizanText        *weight_reason;  /* nullable */
  MizanCapability **capabilities;
  guint             n_capabilities;
};

#define MIZAN_TYPE_FRAMEWORK (mizan_framework_get_type ())
G_DECLARE_FINAL_TYPE (MizanFramework, mizan_framework, MIZAN, FRAMEWORK, GObject)

/* On failure the error's message holds every problem found, one per line,
 * each starting with @path (or @display_name); nothing is half-loaded. */
MizanFramework   *mizan_framework_new_from_file        (const char     *path,
                                                        GError        **error);
MizanFramework   *mizan_framework_new_from_data        (const char     *data,
                                                        gssize          length,
                                                        const char     *display_name,
                                                        GError        **error);

const char       *mizan_framework_get_id               (MizanFramework *self);
const char       *mizan_framework_get_version          (MizanFramework *self);
/* The file it was loaded from, or NULL. */
const char       *mizan_framework_get_path             (MizanFramework *self);
const MizanText  *mizan_framework_get_title            (MizanFramework *self);
const MizanText  *mizan_framework_get_description      (MizanFramework *self);  /* nullable */
const MizanText  *mizan_framework_get_publisher        (MizanFramework *self);  /* nullable */
guint             mizan_framework_get_n_levels         (MizanFramework *self);
/* @level is 1..n_levels */
const MizanLevel *mizan_framework_get_level            (MizanFramework *self,
                                                        guint           level);
guint             mizan_framework_get_default_target   (MizanFramework *self);
/* What the model is and who validated it; nullable. */
const MizanText  *mizan_framework_get_status           (MizanFramework *self);
/* The meaning of an answer of @status (not NONE) in this model; nullable. */
const MizanText  *mizan_framework_get_rubric           (MizanFramework *self,
                                                        MizanStatus     status);

guint             mizan_framework_get_n_profile_questions (MizanFramework *self);
const MizanProfileQuestion *
                  mizan_framework_get_profile_question (MizanFramework *self,
                                                        guint           index);
const MizanProfileQuestion *
                  mizan_framework_lookup_profile_question (MizanFramework *self,
                                                           const char     *id);

/* The version this one supersedes, or NULL. */
const char       *mizan_framework_get_supersedes_version (MizanFramework *self);
/* The successors of @old_id, a practice of the superseded version: a
 * NULL-terminated list, empty when it has none; NULL when the map does not
 * name @old_id (or there is no map). Transfer none. */
const char * const *
                  mizan_framework_get_successors       (MizanFramework *self,
                                                        const char     *old_id);
/* The practice ids of the superseded version the map names, in file order. */
const char * const *
                  mizan_framework_get_superseded_ids   (MizanFramework *self);

guint             mizan_framework_get_n_domains        (MizanFramework *self);
MizanDomain      *mizan_framework_get_domain           (MizanFramework *self,
                                                        guint           index);
guint             mizan_framework_get_n_capabilities   (MizanFramework *self);
MizanCapability  *mizan_framework_get_capability       (MizanFramework *self,
                                                        guint           index);
guint             mizan_framework_get_n_practices      (MizanFramework *self);
MizanPractice    *mizan_framework_get_practice         (MizanFramework *self,
                                                        guint           index);

MizanDomain      *mizan_framework_lookup_domain        (MizanFramework *self,
                                                        const char     *id);
MizanCapability  *mizan_framework_lookup_capability    (MizanFramework *self,
                                                        const char     *id);
MizanPractice    *mizan_framework_lookup_practice      (MizanFramework *self,
                                                        const char     *id);

G_END_DECLS
