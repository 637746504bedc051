/* pm-kpi-table.h: a pilot's headline KPIs for a quarter, and their values
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pm-session.h"

G_BEGIN_DECLS

#define PM_TYPE_KPI_TABLE (pm_kpi_table_get_type ())
G_DECLARE_FINAL_TYPE (PmKpiTable, pm_kpi_table, PM, KPI_TABLE, AdwBin)

/* Properties: "session", "pilot", "period".
 *
 * Actions (the KPI menu's, on the selected KPI): kpi.edit-baseline,
 * kpi.add-target, kpi.edit, kpi.delete, kpi.history. */
void     pm_kpi_table_set_session      (PmKpiTable *self,
                                        PmSession  *session);
void     pm_kpi_table_set_pilot        (PmKpiTable *self,
                                        PmPilot    *pilot);
void     pm_kpi_table_set_period       (PmKpiTable *self,
                                        PmPeriod   *period);
/* Selects @kpi and focuses its value field. */
void     pm_kpi_table_select_kpi       (PmKpiTable *self,
                                        PmKpi      *kpi);
PmKpi   *pm_kpi_table_get_selected_kpi (PmKpiTable *self);

G_END_DECLS
