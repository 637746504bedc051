/* pm-kpi-listing.h: one tab-separated line per KPI (pilot-monitor --list)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "model/pm-programme.h"

G_BEGIN_DECLS

/* Appends one line per KPI to @out: district, pilot, KPI, unit, direction,
 * baseline (value or state, as a person reads it), target, target date,
 * latest period, latest value. A schedule of targets gives each milestone,
 * earliest first, separated by "; " in both target fields. Tabs and newlines inside fields become
 * spaces, so every line has exactly ten fields. */
void pm_kpi_listing_write        (PmProgramme *programme,
                                  GString     *out);
/* The same with three more fields when @period is not NULL: how the KPI
 * stands in @period, as the window and the prints judge it (the rule in
 * pm-assessment.c): the status letter (G, A, R, or – when not judged),
 * the profiled target for the period and the period's value (each empty
 * when there is none). Thirteen fields a line. */
void pm_kpi_listing_write_period (PmProgramme *programme,
                                  PmPeriod    *period,
                                  GString     *out);

G_END_DECLS
