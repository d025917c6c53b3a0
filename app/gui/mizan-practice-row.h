/* mizan-practice-row.h — one practice of a capability page, answerable in place
 * Status toggles, note and evidence entries, and the guidance on demand. */
#pragma once

#include <gtk/gtk.h>

#include "mizan-session.h"

G_BEGIN_DECLS

#define MIZAN_TYPE_PRACTICE_ROW (mizan_practice_row_get_type ())
G_DECLARE_FINAL_TYPE (MizanPracticeRow, mizan_practice_row, MIZAN, PRACTICE_ROW, GtkWidget)

GtkWidget       *mizan_practice_row_new               (MizanSession     *session,
                                                       MizanPractice    *practice);
void             mizan_practice_row_bind              (MizanPracticeRow *self,
                                                       MizanSession     *session,
                                                       MizanPractice    *practice);
MizanPractice   *mizan_practice_row_get_practice      (MizanPracticeRow *self);
/* The toggle of @status (not NONE); the "Clear" button stands for NONE. */
GtkToggleButton *mizan_practice_row_get_status_button (MizanPracticeRow *self,
                                                       MizanStatus       status);
GtkButton       *mizan_practice_row_get_clear_button  (MizanPracticeRow *self);
GtkTextBuffer   *mizan_practice_row_get_note_buffer     (MizanPracticeRow *self);
GtkTextBuffer   *mizan_practice_row_get_evidence_buffer (MizanPracticeRow *self);
/* Writes a note or evidence still waiting for the typing to pause. */
void             mizan_practice_row_flush             (MizanPracticeRow *self);
/* Follows the organization's profile: a practice out of scope (its own or
 * its capability's applies_if answered no) cannot be answered, and each of
 * its controls says so to assistive technology. */
void             mizan_practice_row_update_scope      (MizanPracticeRow *self);
/* Focuses the status choice (which scrolls the row into view). */
void             mizan_practice_row_focus             (MizanPracticeRow *self);
/* The keyboard on the practice's status choice (its chosen status, else the
 * first), without the highlight a search or a jump adds. */
void             mizan_practice_row_focus_status      (MizanPracticeRow *self);

G_END_DECLS
