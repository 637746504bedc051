/* pm-quarter-report.h: a pilot's report for a quarter
 *
 * The narrative (progress, emerging learning, a case study), the families
 * supported so far by each provider, and the spend.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pm-session.h"

G_BEGIN_DECLS

#define PM_TYPE_QUARTER_REPORT (pm_quarter_report_get_type ())
G_DECLARE_FINAL_TYPE (PmQuarterReport, pm_quarter_report, PM, QUARTER_REPORT, AdwBin)

/* Properties: "session", "pilot", "period". A narrative being typed is
 * saved before the pilot or the period changes. */
void pm_quarter_report_set_session (PmQuarterReport *self,
                                    PmSession       *session);
void pm_quarter_report_set_pilot   (PmQuarterReport *self,
                                    PmPilot         *pilot);
void pm_quarter_report_set_period  (PmQuarterReport *self,
                                    PmPeriod        *period);
/* Saves a narrative still being typed. */
void pm_quarter_report_flush       (PmQuarterReport *self);

G_END_DECLS
