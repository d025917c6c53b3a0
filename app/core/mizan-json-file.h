/* mizan-json-file.h — reading the JSON files Mizan is given, with limits
 * A size cap, a nesting cap, UTF-8 checked, and syntax errors as "FILE:LINE:COL: message". */
#pragma once

#include <json-glib/json-glib.h>

#include "mizan-json-tree.h"   /* MIZAN_JSON_MAX_DEPTH */

G_BEGIN_DECLS

/* Parses @data as strict JSON (see mizan_json_tree_parse()) into a sealed
 * JsonNode. On a syntax fault sets @error in @domain with @syntax_code and
 * a message "DISPLAY_NAME:LINE:COL: message". */
JsonNode *mizan_json_parse_data (const char  *data,
                                 gssize       length,
                                 const char  *display_name,
                                 GQuark       domain,
                                 int          syntax_code,
                                 GError     **error);

/* Reads and parses @path, refusing files over @max_size (checked before
 * reading) with @too_large_code; I/O errors come as G_IO_ERROR. */
JsonNode *mizan_json_parse_file (const char  *path,
                                 gsize        max_size,
                                 GQuark       domain,
                                 int          too_large_code,
                                 int          syntax_code,
                                 GError     **error);

/* Collects the meaning faults of one file, each a line "NAME: PATH: message",
 * so that a user sees every problem at once, not just the first. */
typedef struct _MizanProblems MizanProblems;

MizanProblems *mizan_problems_new       (const char     *display_name);
void           mizan_problems_free      (MizanProblems  *self);
void           mizan_problems_add       (MizanProblems  *self,
                                         const char     *path,
                                         const char     *format,
                                         ...) G_GNUC_PRINTF (3, 4);
guint          mizan_problems_get_count (MizanProblems  *self);
/* Sets @error to every line collected and returns TRUE, or FALSE when none. */
gboolean       mizan_problems_to_error  (MizanProblems  *self,
                                         GQuark          domain,
                                         int             code,
                                         GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MizanProblems, mizan_problems_free)

G_END_DECLS
