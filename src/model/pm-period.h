/* pm-period.h: a reporting period on the UK financial year
 *
 * The financial year starts in April. A period is a year, a quarter or a
 * month of it: FY2016 is April 2016 to March 2017, shown as "2016/17";
 * FY2016-Q3 is October to December 2016, shown as "Q3 2016/17";
 * FY2016-M07 is October 2016, shown as "October 2016".
 * A programme may choose calendar years instead: CY2016 is January to
 * December 2016, shown as "2016".
 * Periods are immutable; compare them with pm_period_compare().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "pm-enums.h"

G_BEGIN_DECLS

#define PM_TYPE_PERIOD (pm_period_get_type ())
G_DECLARE_FINAL_TYPE (PmPeriod, pm_period, PM, PERIOD, GObject)

#define PM_PERIOD_MIN_YEAR 1990
#define PM_PERIOD_MAX_YEAR 2200

/* @year is the calendar year the financial year starts in; @quarter 1..4. */
PmPeriod *pm_period_new               (int          year,
                                       int          quarter);
/* @month 1..12 counts from April: month 7 is October. */
PmPeriod *pm_period_new_month         (int          year,
                                       int          month);
PmPeriod *pm_period_new_year          (int          year);
/* January to December of @year. */
PmPeriod *pm_period_new_calendar_year (int          year);
/* Parses a code ("FY2016-Q3", "FY2016", "FY2016-M07", "CY2016") or what
 * the app prints and people type ("Q3 2016/17", "Q3 16/17", "2016/17",
 * "2016-17", "Oct 2016", "October 2016", "2016", "calendar 2016"), in
 * any case; PM_MODEL_ERROR_INVALID_PERIOD otherwise. */
PmPeriod *pm_period_parse             (const char  *code,
                                       GError     **error);
/* The quarter holding @date. */
PmPeriod *pm_period_new_for_date      (const GDate *date);
/* The period of @frequency holding @date. */
PmPeriod *pm_period_new_for_date_full (const GDate *date,
                                       PmFrequency  frequency);
PmPeriod *pm_period_new_current       (void);
/* index = year * 4 + (quarter - 1): consecutive quarters are consecutive ints. */
PmPeriod *pm_period_new_from_index    (int          index);

/* The period of @frequency with index @index (as pm_period_get_index()). */
PmPeriod *pm_period_new_from_index_full (PmFrequency frequency,
                                         int         index);

PmFrequency pm_period_get_frequency   (PmPeriod    *self);
/* The calendar year the financial year starts in; for a calendar year,
 * that year itself. */
int       pm_period_get_year          (PmPeriod    *self);
/* The quarter of a quarter or of a month; 0 for a year. */
int       pm_period_get_quarter       (PmPeriod    *self);
/* The month of a month, 1 (April) to 12 (March); 0 otherwise. */
int       pm_period_get_month         (PmPeriod    *self);
/* Consecutive periods of one frequency are consecutive ints: for a
 * quarter as pm_period_new_from_index(), for a month year * 12 +
 * (month - 1), for a year the year. */
int       pm_period_get_index         (PmPeriod    *self);
/* The index (as pm_period_new_from_index()) of the quarter @self ends
 * in: a quarter's own, a year's fourth quarter, a month's quarter. */
int       pm_period_get_quarter_index (PmPeriod    *self);
PmPeriod *pm_period_next              (PmPeriod    *self);
PmPeriod *pm_period_previous          (PmPeriod    *self);

/* "FY2016-Q3", "FY2016", "FY2016-M07", "CY2016" */
char     *pm_period_to_code           (PmPeriod    *self);
/* "Q3 2016/17", "2016/17", "October 2016", "2016" */
char     *pm_period_get_label         (PmPeriod    *self);
/* "Q3 16/17", "16/17", "Oct 2016", "2016" */
char     *pm_period_get_short_label   (PmPeriod    *self);
void      pm_period_get_start_date    (PmPeriod    *self,
                                       GDate       *date);  /* 1 Oct 2016 */
void      pm_period_get_end_date      (PmPeriod    *self,
                                       GDate       *date);  /* 31 Dec 2016 */

/* By end date; of periods ending together the shorter comes first. */
int       pm_period_compare           (PmPeriod    *a,
                                       PmPeriod    *b);
gboolean  pm_period_equal             (PmPeriod    *a,
                                       PmPeriod    *b);

/* TRUE if @self is of @frequency; otherwise PM_MODEL_ERROR_INVALID_PERIOD
 * saying that the KPI @kpi_title is reported at @frequency. */
gboolean  pm_period_check_frequency   (PmPeriod    *self,
                                       PmFrequency  frequency,
                                       const char  *kpi_title,
                                       GError     **error);

G_END_DECLS
