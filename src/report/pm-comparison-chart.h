/* pm-comparison-chart.h: the districts side by side on one measure
 *
 * For a period: families reached against the reach target, money spent
 * against the budget, or the share of judged KPIs that are on track. One
 * horizontal bar per district, longest first, the target marked on each.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "model/pm-programme.h"
#include "model/pm-period.h"
#include "pm-chart-layout.h"
#include "pm-chart-palette.h"

G_BEGIN_DECLS

typedef enum
{
  PM_COMPARISON_REACH,
  PM_COMPARISON_SPEND,
  PM_COMPARISON_ON_TRACK,
} PmComparisonMeasure;

#define PM_N_COMPARISONS 3

typedef struct _PmComparison PmComparison;

const char   *pm_comparison_measure_title (PmComparisonMeasure   measure);

PmComparison *pm_comparison_new           (PmProgramme          *programme,
                                           PmComparisonMeasure   measure,
                                           PmPeriod             *period);
void          pm_comparison_free          (PmComparison         *self);
void          pm_comparison_set_font_size (PmComparison         *self,
                                           double                size);

/* The bars, sorted by value, largest first; districts with nothing to
 * show come last with no value. */
guint         pm_comparison_get_n_bars    (PmComparison         *self);
const char   *pm_comparison_get_label     (PmComparison         *self,
                                           guint                 i);
gboolean      pm_comparison_has_value     (PmComparison         *self,
                                           guint                 i);
double        pm_comparison_get_value     (PmComparison         *self,
                                           guint                 i);
gboolean      pm_comparison_has_target    (PmComparison         *self,
                                           guint                 i);
double        pm_comparison_get_target    (PmComparison         *self,
                                           guint                 i);
/* "120 of 150 families (80%)" */
char         *pm_comparison_describe_bar  (PmComparison         *self,
                                           guint                 i);
char         *pm_comparison_describe      (PmComparison         *self);

void          pm_comparison_draw          (PmComparison         *self,
                                           cairo_t              *cr,
                                           const PmChartPalette *palette,
                                           double                x,
                                           double                y,
                                           double                width,
                                           double                height);

/* What the last draw put where: its bars, targets and labels. Owned by
 * the comparison. */
PmChartLayout *pm_comparison_get_layout   (PmComparison         *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PmComparison, pm_comparison_free)

G_END_DECLS
