/* pm-appendix-report.h: the programme appendix, the committee's table
 *
 * A4 landscape, as Appendix A of the committee reports: one row per pilot
 * with the columns District | Summary | Key Outcomes | Headline KPIs |
 * Baseline | Progress (period), each KPI level with its baseline.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pm-report.h"

G_BEGIN_DECLS

#define PM_TYPE_APPENDIX_REPORT (pm_appendix_report_get_type ())
G_DECLARE_FINAL_TYPE (PmAppendixReport, pm_appendix_report, PM, APPENDIX_REPORT, PmReport)

PmReport *pm_appendix_report_new (PmProgramme *programme,
                                  PmPeriod    *period);

G_END_DECLS
