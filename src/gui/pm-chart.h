/* pm-chart.h: a KPI's trend against its baseline and target, in the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "model/pm-kpi.h"
#include "model/pm-period.h"

G_BEGIN_DECLS

#define PM_TYPE_CHART (pm_chart_get_type ())
G_DECLARE_FINAL_TYPE (PmChart, pm_chart, PM, CHART, GtkWidget)

GtkWidget  *pm_chart_new                (void);
PmKpi      *pm_chart_get_kpi            (PmChart  *self);
void        pm_chart_set_kpi            (PmChart  *self,
                                         PmKpi    *kpi);
PmPeriod   *pm_chart_get_period         (PmChart  *self);
void        pm_chart_set_period         (PmChart  *self,
                                         PmPeriod *period);
/* Reads the KPI's values again (after a save or an undo). */
void        pm_chart_refresh            (PmChart  *self);

/* What the chart shows, for screen readers and tests. */
guint       pm_chart_get_n_points       (PmChart  *self);
double      pm_chart_get_point_value    (PmChart  *self,
                                         guint     i);
int         pm_chart_get_point_period   (PmChart  *self,
                                         guint     i);
/* The point keyboard focus is on, or -1. */
int         pm_chart_get_focus_point    (PmChart  *self);
void        pm_chart_set_focus_point    (PmChart  *self,
                                         int       i);
/* The accessible description: the trend in words, and the focused point. */
const char *pm_chart_get_description    (PmChart  *self);

G_END_DECLS
