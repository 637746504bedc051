/* pm-session-private.h: what pm-session.c shares with the session's
 * other files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pm-session.h"

G_BEGIN_DECLS

/* Makes the newly opened @store (with @programme, NULL when empty) the
 * document, as pm_session_open() does: remembered among the recent
 * ones, on the period last picked there. */
void          _pm_session_adopt                   (PmSession    *self,
                                                   const char   *location,
                                                   PmStore      *store,
                                                   PmProgramme  *programme);
/* What pm_session_open() does once @store is open and @programme (NULL
 * when empty) read: they become the document, on its opening period
 * (@opening when it has been found already). */
void          _pm_session_open_read               (PmSession    *self,
                                                   const char   *location,
                                                   PmStore      *store,
                                                   PmProgramme  *programme,
                                                   PmPeriod     *opening);
/* The opening under way (pm-session-server.c): its @cancellable and the
 * @name of what is opened (notifies "opening"); NULL when none is. */
void          _pm_session_set_opening             (PmSession    *self,
                                                   GCancellable *cancellable,
                                                   const char   *name);
GCancellable *_pm_session_get_opening_cancellable (PmSession    *self);
/* Emits "entry-saved" (pm-session-save.c). */
void          _pm_session_emit_entry_saved        (PmSession    *self,
                                                   PmKpi        *kpi,
                                                   PmPeriod     *period,
                                                   gboolean      changed,
                                                   const GError *error);
/* FALSE, with a G_IO_ERROR_BUSY saying so, while a value is still being
 * saved to the session's store: another document must not replace it. */
gboolean      _pm_session_check_not_saving        (PmSession    *self,
                                                   GError      **error);
/* FALSE while a value is still being saved to the session's store, and
 * said with @heading (pm-session-save.c): an undo or redo must wait. */
gboolean      _pm_session_check_saved             (PmSession    *self,
                                                   const char   *heading);
/* Emits "signoff-changed" (pm-session-signoff.c). */
void          _pm_session_emit_signoff_changed    (PmSession    *self);

G_END_DECLS
