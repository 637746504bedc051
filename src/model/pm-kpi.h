/* pm-kpi.h: a headline KPI with its baseline, targets and quarterly values
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pm-baseline.h"
#include "pm-enums.h"
#include "pm-period.h"
#include "pm-progress-entry.h"
#include "pm-target.h"

G_BEGIN_DECLS

#define PM_TYPE_KPI (pm_kpi_get_type ())
G_DECLARE_FINAL_TYPE (PmKpi, pm_kpi, PM, KPI, GObject)

typedef struct _PmPilot PmPilot;

#define PM_KPI_DEFAULT_TOLERANCE 0.1

/* Properties: "id" (gint64, the store's row id, 0 when unsaved), "title",
 * "unit" (PmUnit), "direction" (PmDirection), "measure" (PmMeasure),
 * "frequency" (PmFrequency: how often it is reported, default quarterly;
 * its entries are all of periods of that frequency),
 * "tolerance" (double, fraction of the baseline-to-target distance,
 * default 0.1), "data-source" (string or NULL), "data-notes" (notes on
 * the data, string or NULL), "baseline" (PmBaseline,
 * never NULL), "targets" (GListModel of PmTarget, oldest first, read-only),
 * "entries" (GListModel of PmProgressEntry sorted by period, read-only),
 * "pilot" (PmPilot, weak, read-only). */
PmKpi           *pm_kpi_new                  (const char        *title,
                                              PmUnit             unit,
                                              PmDirection        direction);

gint64           pm_kpi_get_id               (PmKpi             *self);
void             pm_kpi_set_id               (PmKpi             *self,
                                              gint64             id);
const char      *pm_kpi_get_title            (PmKpi             *self);
void             pm_kpi_set_title            (PmKpi             *self,
                                              const char        *title);
PmUnit           pm_kpi_get_unit             (PmKpi             *self);
void             pm_kpi_set_unit             (PmKpi             *self,
                                              PmUnit             unit);
PmDirection      pm_kpi_get_direction        (PmKpi             *self);
void             pm_kpi_set_direction        (PmKpi             *self,
                                              PmDirection        direction);
PmMeasure        pm_kpi_get_measure          (PmKpi             *self);
void             pm_kpi_set_measure          (PmKpi             *self,
                                              PmMeasure          measure);
PmFrequency      pm_kpi_get_frequency        (PmKpi             *self);
/* Set it before any entry: entries of another frequency are refused. */
void             pm_kpi_set_frequency        (PmKpi             *self,
                                              PmFrequency        frequency);
/* TRUE if @period is of the KPI's frequency; otherwise
 * PM_MODEL_ERROR_INVALID_PERIOD naming the KPI and both frequencies. */
gboolean         pm_kpi_check_period         (PmKpi             *self,
                                              PmPeriod          *period,
                                              GError           **error);
double           pm_kpi_get_tolerance        (PmKpi             *self);
void             pm_kpi_set_tolerance        (PmKpi             *self,
                                              double             tolerance);
const char      *pm_kpi_get_data_source      (PmKpi             *self);
void             pm_kpi_set_data_source      (PmKpi             *self,
                                              const char        *data_source);
/* The key of the programme indicator this KPI is an instance of
 * (pm_programme_find_indicator()), or NULL. */
const char      *pm_kpi_get_indicator        (PmKpi             *self);
void             pm_kpi_set_indicator        (PmKpi             *self,
                                              const char        *key);
const char      *pm_kpi_get_data_notes       (PmKpi             *self);
void             pm_kpi_set_data_notes       (PmKpi             *self,
                                              const char        *notes);
PmBaseline      *pm_kpi_get_baseline         (PmKpi             *self);
/* Validates @baseline against the unit and the targets' dates first. */
gboolean         pm_kpi_set_baseline         (PmKpi             *self,
                                              PmBaseline        *baseline,
                                              GError           **error);
PmPilot         *pm_kpi_get_pilot            (PmKpi             *self);

/* Targets: revisions append, nothing is overwritten. The current target
 * is the final milestone of the schedule (pm-schedule.h), as last revised. */
GListModel      *pm_kpi_get_targets          (PmKpi             *self);
PmTarget        *pm_kpi_get_current_target   (PmKpi             *self);
/* Refuses a value out of the unit's range and a date before the baseline's
 * date (PM_MODEL_ERROR_DATE_ORDER). */
gboolean         pm_kpi_add_target           (PmKpi             *self,
                                              PmTarget          *target,
                                              GError           **error);

/* Quarterly values. */
GListModel      *pm_kpi_get_entries          (PmKpi             *self);
/* Adds those of @entries (of PmProgressEntry, sorted by period) whose
 * period the KPI has no entry for, checked as pm_kpi_set_entry() checks
 * them, in one change of the entries (pm-kpi-history.c). */
gboolean         pm_kpi_merge_entries        (PmKpi             *self,
                                              GListModel        *entries,
                                              GError           **error);
PmProgressEntry *pm_kpi_get_entry            (PmKpi             *self,
                                              PmPeriod          *period);
/* The latest entry with a value strictly before @period, or NULL. */
/* The entry a report at @period shows: the KPI's own entry for @period
 * when it is of the KPI's frequency, otherwise the latest entry with a
 * value of a period ending by the end of @period (a yearly KPI printed at
 * Q3 2021/22 shows its 2020/21 outturn); NULL if none. Borrowed. */
PmProgressEntry *pm_kpi_get_entry_at         (PmKpi             *self,
                                              PmPeriod          *period);
PmProgressEntry *pm_kpi_get_previous_entry   (PmKpi             *self,
                                              PmPeriod          *period);
/* The latest entry with a value at or before @period (any period if NULL). */
PmProgressEntry *pm_kpi_get_latest_entry     (PmKpi             *self,
                                              PmPeriod          *period);
/* Validates the entry's value against the unit, then inserts it in period
 * order, replacing any entry for the same period. */
gboolean         pm_kpi_set_entry            (PmKpi             *self,
                                              PmProgressEntry   *entry,
                                              GError           **error);
/* As pm_kpi_set_entry() on each of @entries in turn (a later entry for
 * the same period replaces an earlier one; on an error those before the
 * refused one are added), but entries in period order after the KPI's
 * last are appended at once, with one items-changed. */
gboolean         pm_kpi_add_entries          (PmKpi             *self,
                                              PmProgressEntry  **entries,
                                              guint              n_entries,
                                              GError           **error);
gboolean         pm_kpi_remove_entry         (PmKpi             *self,
                                              PmPeriod          *period);

/* The largest magnitude a value may have: 15 digits, as the programme
 * file's integers. */
#define PM_UNIT_MAX_MAGNITUDE 999999999999999.0

/* Values against the unit: a percentage is 0 to 100, counts and days are
 * whole and not negative, money is whole pence and not negative, a rate is
 * not negative; NaN, infinities and magnitudes over PM_UNIT_MAX_MAGNITUDE
 * are refused. Messages are for people. */
gboolean         pm_unit_validate_value      (PmUnit             unit,
                                              double             value,
                                              GError           **error);
/* Parses what a person typed, allowing the unit's own decoration:
 * "44.8", "44.8%", "41 days", "£4,900" or "4900.00" (money gives pence),
 * "1,250". Anything else is PM_MODEL_ERROR_NOT_A_NUMBER; out of range as
 * pm_unit_validate_value(). */
gboolean         pm_unit_parse_value         (PmUnit             unit,
                                              const char        *text,
                                              double            *value,
                                              GError           **error);
/* "44.8%", "41 days", "1 day", "£4,900", "£4,900.50", "1,250", "3.5". */
/* TRUE for the units whose parts add up to a whole (counts and money):
 * figures given by site are totalled for these only. */
gboolean         pm_unit_is_additive         (PmUnit             unit);
char            *pm_unit_format_value        (PmUnit             unit,
                                              double             value);
/* A change: "+2.1 pts" for percentages, "−6 days", "+£1,000", "−12". */
char            *pm_unit_format_change       (PmUnit             unit,
                                              double             change);

G_END_DECLS
