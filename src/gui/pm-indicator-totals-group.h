/* pm-indicator-totals-group.h: the programme indicators' totals on the overview
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "model/pm-programme.h"

G_BEGIN_DECLS

#define PM_TYPE_INDICATOR_TOTALS_GROUP (pm_indicator_totals_group_get_type ())
G_DECLARE_FINAL_TYPE (PmIndicatorTotalsGroup, pm_indicator_totals_group, PM, INDICATOR_TOTALS_GROUP, AdwBin)

/* A row per programme indicator: its district values, the programme
 * total with its target and status, and who has not reported. Hidden
 * when @programme is NULL or has no indicators. Computed afresh on each
 * call: the page calls it when anything in the programme changes. */
void pm_indicator_totals_group_update (PmIndicatorTotalsGroup *self,
                                       PmProgramme            *programme,
                                       PmPeriod               *period);

G_END_DECLS
