/* pm-summary-report-private.h: the parts of PmSummaryReport's layout
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pm-summary-report.h"
#include "pm-report-private.h"

#include "model/pm-restatement.h"

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

/* What pm_summary_report_set_signoff () said of @district, or NULL. */
const char *_pm_summary_report_get_signoff   (PmReport   *report,
                                              PmDistrict *district);

/* The name of the destination at @district's heading, for links. */
char *_pm_summary_report_district_dest     (PmReport     *report,
                                            PmDistrict   *district);

/* The restatements since the committee's last round, or NULL. */
GListModel *_pm_summary_report_get_restatements (PmReport  *report);
/* How many of them belong to @district (all of them for NULL). */
guint  _pm_summary_report_count_restatements (PmReport     *report,
                                              PmDistrict   *district);
/* The table of @district's restatements, when it has any. */
void   _pm_summary_report_add_restatements  (PmReport     *report,
                                              PmReportFlow *flow,
                                              PmDistrict   *district);

G_END_DECLS
