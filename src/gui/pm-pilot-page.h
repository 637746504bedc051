/* pm-pilot-page.h: one pilot, its headline KPIs and its quarter's return
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pm-session.h"

G_BEGIN_DECLS

#define PM_TYPE_PILOT_PAGE (pm_pilot_page_get_type ())
G_DECLARE_FINAL_TYPE (PmPilotPage, pm_pilot_page, PM, PILOT_PAGE, AdwBin)

/* Properties: "session" (the period follows it), "pilot", "period". */
void     pm_pilot_page_set_session      (PmPilotPage *self,
                                         PmSession   *session);
void     pm_pilot_page_set_pilot        (PmPilotPage *self,
                                         PmPilot     *pilot);
PmPilot *pm_pilot_page_get_pilot        (PmPilotPage *self);
void     pm_pilot_page_set_period       (PmPilotPage *self,
                                         PmPeriod    *period);
/* Shows the KPI table with @kpi selected and its value field focused. */
void     pm_pilot_page_select_kpi       (PmPilotPage *self,
                                         PmKpi       *kpi);
PmKpi   *pm_pilot_page_get_selected_kpi (PmPilotPage *self);
/* Saves a narrative still being typed. */
void     pm_pilot_page_flush            (PmPilotPage *self);

G_END_DECLS
