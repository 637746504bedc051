/* pm-merge-guard.h: a merge writes only what its review saw
 *
 * A CSV import and a lead's return are reviewed first (what would be new,
 * changed, the same) and written later, by the user's leave. Meanwhile
 * someone else may save the same values. Inside the merge's write
 * transaction each write goes through a guard that writes a value only
 * if its row is still at the row version the review saw (or still
 * absent, for a new value), and a narrative only if it still reads as
 * reviewed; otherwise it fails with PM_STORE_ERROR_CONFLICT naming the
 * first value that moved, and the caller rolls the whole merge back. So
 * neither merge loses the other's update, and the counts a merge
 * reports are what it wrote.
 *
 * Internal to the store.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pm-database.h"

G_BEGIN_DECLS

typedef struct _PmMergeGuard PmMergeGuard;

/* Prepares the guarded writes on @db, inside the caller's transaction. */
PmMergeGuard *_pm_merge_guard_new             (PmDatabase       *db,
                                               GError          **error);
void          _pm_merge_guard_free            (PmMergeGuard     *self);

/* Writes @entry for @kpi where the review saw @held (NULL: no value),
 * and gives @entry the row's new version. */
gboolean      _pm_merge_guard_write_entry     (PmMergeGuard     *self,
                                               PmKpi            *kpi,
                                               PmProgressEntry  *entry,
                                               PmProgressEntry  *held,
                                               GError          **error);
/* Checks without writing that @kpi's value is still @held, the one the
 * review found the same as the merge's. */
gboolean      _pm_merge_guard_check_entry     (PmMergeGuard     *self,
                                               PmKpi            *kpi,
                                               PmProgressEntry  *held,
                                               GError          **error);
/* The refusal of a value changed since its review (always FALSE). */
gboolean      _pm_merge_guard_entry_changed   (PmKpi            *kpi,
                                               PmPeriod         *period,
                                               GError          **error);
/* Writes @narrative for @pilot where the review saw @held (NULL: none). */
gboolean      _pm_merge_guard_write_narrative (PmMergeGuard     *self,
                                               PmPilot          *pilot,
                                               PmNarrative      *narrative,
                                               PmNarrative      *held,
                                               GError          **error);

/* For the tests of two merges at once: when PM_TEST_PAUSE_AFTER_REVIEW
 * names a file, creates it and waits until it is removed, so that a test
 * can have another process write between this one's review and its write
 * transaction. Does nothing otherwise. */
void          _pm_merge_guard_pause_for_tests (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PmMergeGuard, _pm_merge_guard_free)

G_END_DECLS
