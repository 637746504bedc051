/* pm-table-export-private.h: the rows the CSV and the workbook share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "model/pm-assessment.h"
#include "model/pm-programme.h"

G_BEGIN_DECLS

/* One KPI with where it sits and how it stands in the period. */
typedef struct
{
  PmDistrict      *district;
  PmPilot         *pilot;
  PmKpi           *kpi;
  PmProgressEntry *entry;  /* pm_kpi_get_entry_at()'s for the period, or NULL */
  PmRag            rag;
} KpiRow;

/* Every KPI of @programme in order, with its entry and RAG in @period:
 * a GArray of KpiRow. */
GArray      *_pm_table_export_collect_rows    (PmProgramme   *programme,
                                               PmPeriod      *period);
gboolean     _pm_table_export_entry_has_value (const KpiRow  *row);
const char  *_pm_table_export_entry_note      (const KpiRow  *row);
/* The row's note within the limits, or FALSE naming the district and KPI. */
gboolean     _pm_table_export_check_note      (const KpiRow  *row,
                                               GError       **error);

G_END_DECLS
