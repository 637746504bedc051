/* pm-kpi-row.h: one line of the KPI table, for one KPI in one period
 *
 * Wraps a PmKpi with the figures the table shows for the selected period
 * (value, change since baseline, direction of travel, RAG), as properties
 * that the cells bind to. It follows the KPI: when the store saves a new
 * value, the row recomputes and notifies.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "model/pm-kpi.h"

G_BEGIN_DECLS

#define PM_TYPE_KPI_ROW (pm_kpi_row_get_type ())
G_DECLARE_FINAL_TYPE (PmKpiRow, pm_kpi_row, PM, KPI_ROW, GObject)

/* Properties: "kpi" (construct-only), "period", and the read-only
 * strings "title", "unit-label", "direction-label", "baseline-text",
 * "target-text", "value-text", "change-text", "travel-reason",
 * "travel-label", "rag-letter", "rag-label", "note", with "rag" (PmRag)
 * and the sort keys "sort-value", "sort-change" (doubles, -G_MAXDOUBLE
 * when there is none) and "sort-rag" (int, worst first). */
PmKpiRow   *pm_kpi_row_new                 (PmKpi    *kpi,
                                            PmPeriod *period);
PmKpi      *pm_kpi_row_get_kpi             (PmKpiRow *self);
PmPeriod   *pm_kpi_row_get_period          (PmKpiRow *self);
void        pm_kpi_row_set_period          (PmKpiRow *self,
                                            PmPeriod *period);
const char *pm_kpi_row_get_title           (PmKpiRow *self);
const char *pm_kpi_row_get_baseline_text   (PmKpiRow *self);
const char *pm_kpi_row_get_target_text     (PmKpiRow *self);
const char *pm_kpi_row_get_value_text      (PmKpiRow *self);
const char *pm_kpi_row_get_change_text     (PmKpiRow *self);
const char *pm_kpi_row_get_travel_label    (PmKpiRow *self);
PmRag       pm_kpi_row_get_rag             (PmKpiRow *self);

G_END_DECLS
