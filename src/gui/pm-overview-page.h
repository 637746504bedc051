/* pm-overview-page.h: the programme (or one district) at a glance
 *
 * Every pilot with its district, delivery status, reach, spend and KPIs
 * by RAG status for the selected period; the districts' totals beside the
 * programme's; and the chase list of baselines to confirm and KPIs with
 * no value, each a link to the place to fix it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pm-session.h"

G_BEGIN_DECLS

#define PM_TYPE_OVERVIEW_PAGE (pm_overview_page_get_type ())
G_DECLARE_FINAL_TYPE (PmOverviewPage, pm_overview_page, PM, OVERVIEW_PAGE, AdwBin)

/* Properties: "session" (the programme and the period follow it),
 * "programme", "district" (NULL: the whole programme), "period". */
void pm_overview_page_set_session   (PmOverviewPage *self,
                                     PmSession      *session);
void pm_overview_page_set_programme (PmOverviewPage *self,
                                     PmProgramme    *programme);
void pm_overview_page_set_district  (PmOverviewPage *self,
                                     PmDistrict     *district);
void pm_overview_page_set_period    (PmOverviewPage *self,
                                     PmPeriod       *period);

G_END_DECLS
