/* mizan-window.h — a Mizan window: the start page, or one open assessment
 * Imports .mizan files, opens assessments and shows toasts and error dialogs. */
#pragma once

#include <adwaita.h>

#include "mizan-application.h"
#include "mizan-assessment-view.h"
#include "mizan-new-assessment-dialog.h"
#include "mizan-start-page.h"

G_BEGIN_DECLS

#define MIZAN_TYPE_WINDOW (mizan_window_get_type ())
G_DECLARE_FINAL_TYPE (MizanWindow, mizan_window, MIZAN, WINDOW, AdwApplicationWindow)

/* A window of @application, sharing its catalog, database and preferences.
 * (Tests build one without an application: g_object_new (MIZAN_TYPE_WINDOW,
 * "store", …, "catalog", …, "preferences", …, NULL).) */
MizanWindow               *mizan_window_new                (MizanApplication *application);

MizanStore                *mizan_window_get_store          (MizanWindow      *self);
MizanCatalog              *mizan_window_get_catalog        (MizanWindow      *self);
MizanStartPage            *mizan_window_get_start_page     (MizanWindow      *self);
MizanAssessmentView       *mizan_window_get_assessment_view(MizanWindow      *self);

/* Reads the file (all or nothing), stores it, asking first when an
 * assessment with its id is already stored, and opens it. Errors are shown
 * in a dialog. */
void                       mizan_window_import_file        (MizanWindow      *self,
                                                            GFile            *file);
gboolean                   mizan_window_open_assessment    (MizanWindow      *self,
                                                            const char       *id,
                                                            GError          **error);
void                       mizan_window_show_start         (MizanWindow      *self);
/* Shows the New Assessment dialog; the window opens what it creates. */
MizanNewAssessmentDialog  *mizan_window_new_assessment     (MizanWindow      *self);
void                       mizan_window_add_toast          (MizanWindow      *self,
                                                            AdwToast         *toast);
void                       mizan_window_show_error         (MizanWindow      *self,
                                                            const char       *heading,
                                                            const char       *body);

G_END_DECLS
