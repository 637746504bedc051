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
void pm_kpi_listing_write (PmProgramme *programme,
                           GString     *out);

G_END_DECLS
