/* pm-trend-chart.h: a small trend chart of one KPI, drawn with cairo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "model/pm-kpi.h"
#include "model/pm-period.h"

G_BEGIN_DECLS

/* TRUE when @kpi has at least one value up to the end of @upto, which is
 * what a trend chart needs. */
gboolean pm_trend_chart_has_data (PmKpi    *kpi,
                                  PmPeriod *upto);
/* Draws the values of @kpi up to @upto inside the rectangle (points, the
 * user space of @cr): the values joined by a line, the baseline as a dashed
 * level, the current target as a marker at its date (or at the right edge
 * when it is later than the chart), with the axes labelled. Nothing is
 * drawn outside the rectangle. */
void     pm_trend_chart_draw     (cairo_t  *cr,
                                  PmKpi    *kpi,
                                  PmPeriod *upto,
                                  double    x,
                                  double    y,
                                  double    width,
                                  double    height);

G_END_DECLS
