/* pm-progress-entry.h: a KPI's value (and note) for one period
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pm-enums.h"
#include "pm-period.h"

G_BEGIN_DECLS

#define PM_TYPE_PROGRESS_ENTRY (pm_progress_entry_get_type ())
G_DECLARE_FINAL_TYPE (PmProgressEntry, pm_progress_entry, PM, PROGRESS_ENTRY, GObject)

/* Properties: "period" (PmPeriod, construct-only), "has-value" (read-only),
 * "value" (double), "has-fraction" (read-only), "numerator",
 * "denominator", "note" (string or NULL); the sites (a GListModel of
 * PmSiteValue) the value was given by, if any. */
PmProgressEntry *pm_progress_entry_new              (PmPeriod         *period);
/* An entry with its value known at once, as a load reads it: with
 * @has_fraction, value = 100 * numerator / denominator, refused as
 * pm_progress_entry_set_fraction() refuses it (NULL and @error); else
 * @value when @has_value, else none. No notifications are emitted. */
PmProgressEntry *pm_progress_entry_new_full         (PmPeriod         *period,
                                                     gboolean          has_value,
                                                     double            value,
                                                     gboolean          has_fraction,
                                                     double            numerator,
                                                     double            denominator,
                                                     const char       *note,
                                                     gint64            revision,
                                                     GError          **error);
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
/* The sites a value was given by, in the order given ("Rawlett", "TEC"). */
GListModel      *pm_progress_entry_get_sites        (PmProgressEntry  *self);
void             pm_progress_entry_add_site         (PmProgressEntry  *self,
                                                     const char       *site,
                                                     double            value);
void             pm_progress_entry_clear_sites      (PmProgressEntry  *self);
/* The sum of the sites' values, or FALSE when there are none. */
gboolean         pm_progress_entry_get_site_sum     (PmProgressEntry  *self,
                                                     double           *sum);
/* Each site's value valid for @unit and, for an additive unit
 * (pm_unit_is_additive()), a value given with the sites equal to their
 * sum: else PM_MODEL_ERROR_INCONSISTENT naming both ("value 4,593 differs
 * from the sum of its sites, 4,592"). Percentages, rates and days by site
 * are not averaged: any value given beside them is kept as given. */
gboolean         pm_progress_entry_check_sites      (PmProgressEntry  *self,
                                                     PmUnit            unit,
                                                     GError          **error);
/* As pm_progress_entry_check_sites(), then an additive value given only
 * by site gets their sum as its value. Nothing changes on an error. */
gboolean         pm_progress_entry_total_sites      (PmProgressEntry  *self,
                                                     PmUnit            unit,
                                                     GError          **error);
/* The same value (or both none), the same sites and the same note; the
 * period is not compared. */
gboolean         pm_progress_entry_equal            (PmProgressEntry  *a,
                                                     PmProgressEntry  *b);

G_END_DECLS
