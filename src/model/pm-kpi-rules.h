/* pm-kpi-rules.h: what a KPI's settings must agree with
 *
 * A KPI's frequency must be that of every value it holds, and a KPI that
 * is an instance of a programme indicator is measured as the indicator
 * is. The store refuses an update that breaks either; the window checks
 * the same before it asks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pm-indicator.h"
#include "pm-kpi.h"

G_BEGIN_DECLS

/* TRUE if @kpi may be reported at @frequency: each of its entries, and
 * @held (a period a value is stored for, or NULL), is of @frequency.
 * Otherwise PM_MODEL_ERROR_INVALID_PERIOD naming the KPI, the values in
 * the way and what to do. */
gboolean pm_kpi_check_frequency_change (PmKpi        *kpi,
                                        PmFrequency   frequency,
                                        PmPeriod     *held,
                                        GError      **error);
/* TRUE if @kpi has @indicator's unit and direction; otherwise
 * PM_MODEL_ERROR_INCONSISTENT naming the indicator and what it takes. */
gboolean pm_kpi_check_indicator        (PmKpi        *kpi,
                                        PmIndicator  *indicator,
                                        GError      **error);

G_END_DECLS
