/* pm-report-signoffs.h: each district's sign-off, for the summaries
 *
 * The summaries say how each district's quarter stands ("Sign-off of
 * Q3 2016/17: Submitted"). The report layer knows nothing of the store,
 * so whatever prints or exports summaries (the command line, the
 * window's export and its print dialog) reads the states here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "report/pm-report.h"
#include "store/pm-store.h"

G_BEGIN_DECLS

/* Sets the sign-off of @period for every district of @programme on
 * @report, read from @store. Nothing to do (TRUE) when @report is not a
 * district summary. */
gboolean pm_report_set_signoffs (PmReport     *report,
                                 PmStore      *store,
                                 PmProgramme  *programme,
                                 PmPeriod     *period,
                                 GError      **error);

G_END_DECLS
