/* pm-baseline.h: where a KPI started
 *
 * A baseline is either a value (with its date and a note on its scope) or a
 * state that stands instead of a value: to be confirmed, to be reported at a
 * named period, no baseline, or awaiting data from a named source. A state is
 * never a zero.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pm-enums.h"
#include "pm-period.h"

G_BEGIN_DECLS

#define PM_TYPE_BASELINE (pm_baseline_get_type ())
G_DECLARE_FINAL_TYPE (PmBaseline, pm_baseline, PM, BASELINE, GObject)

/* Properties: "state" (PmBaselineState), "has-value" (read-only boolean),
 * "value" (double), "has-fraction" (read-only), "numerator", "denominator"
 * (double), "date" (ISO string or NULL), "note" (string or NULL),
 * "period" (PmPeriod, for to-be-reported), "source" (string, for
 * awaiting-data), "sites" (GListModel of PmSiteValue, read-only). */

PmBaseline      *pm_baseline_new_value        (double            value,
                                               const char       *date,
                                               const char       *note);
/* A baseline of the given state with no value (state must not be VALUE). */
PmBaseline      *pm_baseline_new_state        (PmBaselineState   state);
/* A value baseline split by site and with no overall value yet
 * (percentages; counts get theirs from pm_baseline_total_sites()). */
PmBaseline      *pm_baseline_new_sites        (const char       *date,
                                               const char       *note);

PmBaselineState  pm_baseline_get_state        (PmBaseline       *self);
void             pm_baseline_set_state        (PmBaseline       *self,
                                               PmBaselineState   state);
/* TRUE when the state is VALUE and an overall value is known. */
gboolean         pm_baseline_has_value        (PmBaseline       *self);
double           pm_baseline_get_value        (PmBaseline       *self);
/* Sets the value and the state to VALUE. */
void             pm_baseline_set_value        (PmBaseline       *self,
                                               double            value);
/* Drops the overall value (keeping state VALUE, for site splits). */
void             pm_baseline_clear_value      (PmBaseline       *self);
gboolean         pm_baseline_has_fraction     (PmBaseline       *self);
double           pm_baseline_get_numerator    (PmBaseline       *self);
double           pm_baseline_get_denominator  (PmBaseline       *self);
/* Sets value = 100 * numerator / denominator; denominator must be > 0. */
gboolean         pm_baseline_set_fraction     (PmBaseline       *self,
                                               double            numerator,
                                               double            denominator,
                                               GError          **error);
const char      *pm_baseline_get_date         (PmBaseline       *self);
void             pm_baseline_set_date         (PmBaseline       *self,
                                               const char       *date);
const char      *pm_baseline_get_note         (PmBaseline       *self);
void             pm_baseline_set_note         (PmBaseline       *self,
                                               const char       *note);
PmPeriod        *pm_baseline_get_period       (PmBaseline       *self);
void             pm_baseline_set_period       (PmBaseline       *self,
                                               PmPeriod         *period);
const char      *pm_baseline_get_source       (PmBaseline       *self);
void             pm_baseline_set_source       (PmBaseline       *self,
                                               const char       *source);
GListModel      *pm_baseline_get_sites        (PmBaseline       *self);
void             pm_baseline_add_site         (PmBaseline       *self,
                                               const char       *site,
                                               double            value);
/* The sum of the sites' values, or FALSE when there are none. */
gboolean         pm_baseline_get_site_sum     (PmBaseline       *self,
                                               double           *sum);
/* For an additive unit (pm_unit_is_additive()), a baseline given by site
 * gets their sum as its value; a value given with the sites must equal
 * their sum, else PM_MODEL_ERROR_INCONSISTENT naming both ("total 4,593
 * differs from the sum of its sites, 4,592") and nothing changes. Other
 * units are left as they are: percentages are not averaged. */
gboolean         pm_baseline_total_sites      (PmBaseline       *self,
                                               PmUnit            unit,
                                               GError          **error);

/* Checks the baseline against the KPI's unit: a value in range, a valid
 * date, a period for to-be-reported, a source for awaiting-data. A total
 * that differs from its sites is checked where figures come in
 * (pm_baseline_total_sites()), not here: a database stored before that
 * check still opens, and prints both. */
gboolean         pm_baseline_validate         (PmBaseline       *self,
                                               PmUnit            unit,
                                               GError          **error);
/* As a person reads it: "212 in total (November 2016)", "44.8% (October
 * 2016)", "4.6% Rawlett and 4.1% TEC (July 2015)", "To be confirmed",
 * "To be reported at Q4 2016/17", "No baseline", "Awaiting data from
 * Schools". */
char            *pm_baseline_format           (PmBaseline       *self,
                                               PmUnit            unit);
/* Deep copy (used by undo and by imports). */
PmBaseline      *pm_baseline_copy             (PmBaseline       *self);

G_END_DECLS
