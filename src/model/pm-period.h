/* pm-period.h: a UK financial-year quarter
 *
 * The financial year starts in April: FY2016-Q1 is April to June 2016 and
 * FY2016-Q3 is October to December 2016, shown as "Q3 2016/17".
 * Periods are immutable; compare them with pm_period_compare().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define PM_TYPE_PERIOD (pm_period_get_type ())
G_DECLARE_FINAL_TYPE (PmPeriod, pm_period, PM, PERIOD, GObject)

#define PM_PERIOD_MIN_YEAR 1990
#define PM_PERIOD_MAX_YEAR 2200

/* @year is the calendar year the financial year starts in; @quarter 1..4. */
PmPeriod *pm_period_new               (int          year,
                                       int          quarter);
/* Parses "FY2016-Q3"; PM_MODEL_ERROR_INVALID_PERIOD otherwise. */
PmPeriod *pm_period_parse             (const char  *code,
                                       GError     **error);
PmPeriod *pm_period_new_for_date      (const GDate *date);
PmPeriod *pm_period_new_current       (void);
/* index = year * 4 + (quarter - 1): consecutive quarters are consecutive ints. */
PmPeriod *pm_period_new_from_index    (int          index);

int       pm_period_get_year          (PmPeriod    *self);
int       pm_period_get_quarter       (PmPeriod    *self);
int       pm_period_get_index         (PmPeriod    *self);
PmPeriod *pm_period_next              (PmPeriod    *self);
PmPeriod *pm_period_previous          (PmPeriod    *self);

char     *pm_period_to_code           (PmPeriod    *self);  /* "FY2016-Q3" */
char     *pm_period_get_label         (PmPeriod    *self);  /* "Q3 2016/17" */
char     *pm_period_get_short_label   (PmPeriod    *self);  /* "Q3 16/17" */
void      pm_period_get_start_date    (PmPeriod    *self,
                                       GDate       *date);  /* 1 Oct 2016 */
void      pm_period_get_end_date      (PmPeriod    *self,
                                       GDate       *date);  /* 31 Dec 2016 */

int       pm_period_compare           (PmPeriod    *a,
                                       PmPeriod    *b);
gboolean  pm_period_equal             (PmPeriod    *a,
                                       PmPeriod    *b);

G_END_DECLS
