/* pm-trend-chart.h: a KPI's values against its baseline and target
 *
 * A PmTrendPlot gathers what the chart shows of one KPI up to a period
 * (the points with their status, the baseline, the target) and draws it on
 * any cairo context: the window, a PNG, a PDF page. After a draw it knows
 * where each point landed, which the window uses for tooltips and focus,
 * and where its lines and labels went.
 *
 * Time runs along the bottom as dates: a period's value is drawn at the
 * end of the period, the day the RAG rule judges it on, so the point and
 * the trajectory (the profiled target, from the baseline at its date to
 * the target at its date) meet on the same clock.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "model/pm-kpi.h"
#include "model/pm-period.h"
#include "pm-chart-layout.h"
#include "pm-chart-palette.h"

G_BEGIN_DECLS

typedef struct _PmTrendPlot PmTrendPlot;

PmTrendPlot *pm_trend_plot_new                (PmKpi                *kpi,
                                               PmPeriod             *upto);
void         pm_trend_plot_free               (PmTrendPlot          *self);
/* The size of the labels, in the units of the context drawn on (points on
 * paper, pixels on screen). */
void         pm_trend_plot_set_font_size      (PmTrendPlot          *self,
                                               double                size);
/* Shows a key to the status marks under the chart. */
void         pm_trend_plot_set_show_legend    (PmTrendPlot          *self,
                                               gboolean              show);
void         pm_trend_plot_draw               (PmTrendPlot          *self,
                                               cairo_t              *cr,
                                               const PmChartPalette *palette,
                                               double                x,
                                               double                y,
                                               double                width,
                                               double                height,
                                               int                   focus);

guint        pm_trend_plot_get_n_points       (PmTrendPlot          *self);
int          pm_trend_plot_get_point_period   (PmTrendPlot          *self,
                                               guint                 i);
double       pm_trend_plot_get_point_value    (PmTrendPlot          *self,
                                               guint                 i);
const char  *pm_trend_plot_get_point_note     (PmTrendPlot          *self,
                                               guint                 i);
PmRag        pm_trend_plot_get_point_rag      (PmTrendPlot          *self,
                                               guint                 i);
/* Where point @i was drawn; FALSE before the first draw. */
gboolean     pm_trend_plot_get_point_position (PmTrendPlot          *self,
                                               guint                 i,
                                               double               *x,
                                               double               *y);
/* What the last draw put where: its lines (the values, the trajectory,
 * the baseline), marks and labels. Owned by the plot. */
PmChartLayout *pm_trend_plot_get_layout       (PmTrendPlot          *self);
/* The point drawn within @radius of (@x, @y), or -1. */
int          pm_trend_plot_find_point         (PmTrendPlot          *self,
                                               double                x,
                                               double                y,
                                               double                radius);
/* "Q3 16/17: 63% (on track). Note" */
char        *pm_trend_plot_describe_point     (PmTrendPlot          *self,
                                               guint                 i);
/* A sentence for screen readers and tests: the KPI, how many values, the
 * latest, the target and its status. */
char        *pm_trend_plot_describe           (PmTrendPlot          *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PmTrendPlot, pm_trend_plot_free)

/* TRUE when @kpi has at least one value up to the end of @upto. */
gboolean pm_trend_chart_has_data (PmKpi    *kpi,
                                  PmPeriod *upto);
/* Draws the chart of @kpi up to @upto inside the rectangle, for print:
 * light colours, small labels, nothing drawn outside the rectangle. */
void     pm_trend_chart_draw     (cairo_t  *cr,
                                  PmKpi    *kpi,
                                  PmPeriod *upto,
                                  double    x,
                                  double    y,
                                  double    width,
                                  double    height);

G_END_DECLS
