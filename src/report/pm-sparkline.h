/* pm-sparkline.h: a word-sized trend of one KPI for tables
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "model/pm-kpi.h"
#include "model/pm-period.h"
#include "pm-chart-palette.h"

G_BEGIN_DECLS

/* Draws the values of @kpi up to @upto as a thin line scaled to the
 * rectangle, coloured by the status of the latest value, which is marked
 * with its status shape. Returns the number of values drawn. */
guint pm_sparkline_draw (cairo_t              *cr,
                         const PmChartPalette *palette,
                         PmKpi                *kpi,
                         PmPeriod             *upto,
                         double                x,
                         double                y,
                         double                width,
                         double                height);

G_END_DECLS
