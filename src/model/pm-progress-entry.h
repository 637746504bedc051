/* pm-progress-entry.h: a KPI's value (and note) for one period
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pm-period.h"

G_BEGIN_DECLS

#define PM_TYPE_PROGRESS_ENTRY (pm_progress_entry_get_type ())
G_DECLARE_FINAL_TYPE (PmProgressEntry, pm_progress_entry, PM, PROGRESS_ENTRY, GObject)

/* Properties: "period" (PmPeriod, construct-only), "has-value" (read-only),
 * "value" (double), "has-fraction" (read-only), "numerator",
 * "denominator", "note" (string or NULL). */
PmProgressEntry *pm_progress_entry_new              (PmPeriod         *period);
PmPeriod        *pm_progress_entry_get_period       (PmProgressEntry  *self);
gboolean         pm_progress_entry_has_value        (PmProgressEntry  *self);
double           pm_progress_entry_get_value        (PmProgressEntry  *self);
void             pm_progress_entry_set_value        (PmProgressEntry  *self,
                                                     double            value);
void             pm_progress_entry_clear_value      (PmProgressEntry  *self);
gboolean         pm_progress_entry_has_fraction     (PmProgressEntry  *self);
double           pm_progress_entry_get_numerator    (PmProgressEntry  *self);
double           pm_progress_entry_get_denominator  (PmProgressEntry  *self);
/* For percentages: value = 100 * numerator / denominator. A denominator of
 * zero or less, a negative numerator or numerator > denominator is an
 * error and changes nothing. */
gboolean         pm_progress_entry_set_fraction     (PmProgressEntry  *self,
                                                     double            numerator,
                                                     double            denominator,
                                                     GError          **error);
const char      *pm_progress_entry_get_note         (PmProgressEntry  *self);
void             pm_progress_entry_set_note         (PmProgressEntry  *self,
                                                     const char       *note);
PmProgressEntry *pm_progress_entry_copy             (PmProgressEntry  *self);
/* The row version the store read or wrote this value as (0: never
 * stored). A save is refused if the stored row has moved on since, so
 * that nobody overwrites a change they have not seen. Not compared by
 * pm_progress_entry_equal(). */
gint64           pm_progress_entry_get_revision     (PmProgressEntry  *self);
void             pm_progress_entry_set_revision     (PmProgressEntry  *self,
                                                     gint64            revision);
/* The same value (or both none) and the same note; the period is not
 * compared. */
gboolean         pm_progress_entry_equal            (PmProgressEntry  *a,
                                                     PmProgressEntry  *b);

G_END_DECLS
