/* pm-district-chart.h: the districts side by side on one measure
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "model/pm-period.h"
#include "model/pm-programme.h"
#include "report/pm-comparison-chart.h"

G_BEGIN_DECLS

#define PM_TYPE_DISTRICT_CHART (pm_district_chart_get_type ())
G_DECLARE_FINAL_TYPE (PmDistrictChart, pm_district_chart, PM, DISTRICT_CHART, GtkWidget)

GtkWidget           *pm_district_chart_new             (void);
void                 pm_district_chart_set_programme   (PmDistrictChart     *self,
                                                        PmProgramme         *programme);
void                 pm_district_chart_set_period      (PmDistrictChart     *self,
                                                        PmPeriod            *period);
PmComparisonMeasure  pm_district_chart_get_measure     (PmDistrictChart     *self);
void                 pm_district_chart_set_measure     (PmDistrictChart     *self,
                                                        PmComparisonMeasure  measure);
/* Measures the districts again (after a save or an import). */
void                 pm_district_chart_refresh         (PmDistrictChart     *self);
/* The bars in words, for screen readers and tests. */
const char          *pm_district_chart_get_description (PmDistrictChart     *self);
guint                pm_district_chart_get_n_bars      (PmDistrictChart     *self);

G_END_DECLS
