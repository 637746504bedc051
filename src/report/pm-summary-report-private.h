/* pm-summary-report-private.h: the parts of PmSummaryReport's layout
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pm-summary-report.h"
#include "pm-report-private.h"

G_BEGIN_DECLS

/* "Q3 2016/17, 1 October 2016 to 31 December 2016" */
char *_pm_summary_report_period_text       (PmReport     *report);
/* The pilots of @districts with their delivery status and its reason. */
void  _pm_summary_report_add_delivery_list (PmReport     *report,
                                            PmReportFlow *flow,
                                            GPtrArray    *districts);
/* A district's section: heading, then each pilot in full. */
void  _pm_summary_report_add_district      (PmReport     *report,
                                            PmReportFlow *flow,
                                            PmDistrict   *district);

G_END_DECLS
