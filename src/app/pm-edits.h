/* pm-edits.h: the changes a person makes, each with its undo
 *
 * Every function here turns what was typed into one pm_store_* call (the
 * store validates, writes in a transaction, then updates the model) and,
 * when the change can be taken back, returns a PmUndo that restores the
 * previous state through the store again. Nothing here touches a widget,
 * so all of it is tested without a display.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "store/pm-store.h"

G_BEGIN_DECLS

typedef struct _PmUndo PmUndo;

/* Puts back what the change replaced. */
gboolean  pm_undo_run                  (PmUndo       *undo,
                                        PmStore      *store,
                                        GError      **error);
/* The same, and sets *@redo to what makes the undone change again
 * (itself a PmUndo, run the same way, whose redo undoes it once more),
 * or to NULL when the change cannot be made again. */
gboolean  pm_undo_run_with_redo        (PmUndo       *undo,
                                        PmStore      *store,
                                        PmUndo      **redo,
                                        GError      **error);
void      pm_undo_free                 (PmUndo       *undo);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PmUndo, pm_undo_free)

/* A KPI's value and note for @period, as typed: @value_text is parsed
 * against the KPI's unit (an error names what is wrong and nothing is
 * saved); both empty removes the entry. *@undo is NULL when nothing
 * changed. */
gboolean  pm_edit_set_entry            (PmStore      *store,
                                        PmKpi        *kpi,
                                        PmPeriod     *period,
                                        const char   *value_text,
                                        const char   *note,
                                        PmUndo      **undo,
                                        GError      **error);
/* The same, saved without waiting on a server (pm_store_save_entry_async():
 * saves are made one at a time, in the order asked); a value that does not
 * parse is an error from the main loop. The model changes only once the
 * save has committed. */
void      pm_edit_set_entry_async      (PmStore             *store,
                                        PmKpi               *kpi,
                                        PmPeriod            *period,
                                        const char          *value_text,
                                        const char          *note_text,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
gboolean  pm_edit_set_entry_finish     (PmStore      *store,
                                        GAsyncResult *result,
                                        PmUndo      **undo,
                                        GError      **error);
gboolean  pm_edit_set_narrative        (PmStore      *store,
                                        PmPilot      *pilot,
                                        PmPeriod     *period,
                                        const char   *progress,
                                        const char   *learning,
                                        const char   *case_study,
                                        const char   *risks,
                                        const char   *milestones,
                                        PmUndo      **undo,
                                        GError      **error);
/* Families supported so far by @provider (NULL: the pilot as a whole).
 * Undo is offered when there was an earlier figure to go back to. */
gboolean  pm_edit_set_reach            (PmStore      *store,
                                        PmPilot      *pilot,
                                        PmPeriod     *period,
                                        const char   *provider,
                                        const char   *families_text,
                                        PmUndo      **undo,
                                        GError      **error);
/* No undo: the store has no way to remove a spend item. */
gboolean  pm_edit_add_spend            (PmStore      *store,
                                        PmPilot      *pilot,
                                        PmPeriod     *period,
                                        const char   *description,
                                        const char   *amount_text,
                                        PmSpendStatus status,
                                        GError      **error);
gboolean  pm_edit_set_baseline         (PmStore      *store,
                                        PmKpi        *kpi,
                                        PmBaseline   *baseline,
                                        PmUndo      **undo,
                                        GError      **error);
/* Targets are revised, never overwritten, so there is no undo. */
gboolean  pm_edit_add_target           (PmStore      *store,
                                        PmKpi        *kpi,
                                        PmTarget     *target,
                                        GError      **error);

/* Sets the named properties of a programme, district, pilot or KPI
 * already in the store and writes them; on failure they are put back.
 * *@undo is NULL when no value changed. */
gboolean  pm_edit_update               (PmStore      *store,
                                        GObject      *object,
                                        guint         n_properties,
                                        const char  **names,
                                        const GValue *values,
                                        PmUndo      **undo,
                                        GError      **error);

/* Adding structure; the undo deletes what was added, and its redo adds
 * it again with all it held (under new ids). */
gboolean  pm_edit_add_district         (PmStore      *store,
                                        PmProgramme  *programme,
                                        PmDistrict   *district,
                                        PmUndo      **undo,
                                        GError      **error);
gboolean  pm_edit_add_pilot            (PmStore      *store,
                                        PmDistrict   *district,
                                        PmPilot      *pilot,
                                        PmUndo      **undo,
                                        GError      **error);
gboolean  pm_edit_add_kpi              (PmStore      *store,
                                        PmPilot      *pilot,
                                        PmKpi        *kpi,
                                        PmUndo      **undo,
                                        GError      **error);

G_END_DECLS
