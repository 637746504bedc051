/* pm-period-list.h: the periods the window offers to report at
 *
 * A programme whose KPIs are reported quarterly offers quarters; one with
 * a yearly KPI offers its years too, one with a monthly KPI its months.
 * They make one list in the order a person reads a year: each quarter,
 * the quarter's months under it, and after the fourth quarter the year as
 * a whole. GTK-free, for the period selector.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "model/pm-programme.h"

G_BEGIN_DECLS

/* The frequencies @programme's KPIs are reported at, as a mask of
 * 1 << PmFrequency: quarterly alone for NULL or a programme with no KPI. */
guint       pm_period_list_frequencies    (PmProgramme *programme);
/* The periods of @frequencies (a mask as above) in the financial years
 * holding the quarters @first_quarter to @last_quarter (indices as
 * pm_period_new_from_index()), in reading order: a quarter, its months,
 * and after a fourth quarter its year. A GPtrArray of PmPeriod. */
GPtrArray  *pm_period_list_build          (guint        frequencies,
                                           int          first_quarter,
                                           int          last_quarter);
/* What the list shows for @period: a year is "2020/21 (whole year)",
 * the rest as pm_period_get_label(). */
char       *pm_period_list_get_label      (PmPeriod    *period);
/* The quarter that stands for @period where the store keeps things by
 * quarter (narratives, reach, spend, sign-offs, committee rounds): a
 * quarter itself, or the quarter a year or a month ends in. A new
 * reference. */
PmPeriod   *pm_period_list_quarter_of     (PmPeriod    *period);
/* The codes ("FY2020-Q3") of the periods some KPI of @programme has a
 * value for: a set for pm_period_list_has_values(). */
GHashTable *pm_period_list_with_values    (PmProgramme *programme);
/* Whether a value in @with_values falls in @period: its own, or for a
 * quarter its months', for a year its quarters' and months'. */
gboolean    pm_period_list_has_values     (GHashTable  *with_values,
                                           PmPeriod    *period);

G_END_DECLS
