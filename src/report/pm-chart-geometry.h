/* pm-chart-geometry.h: scales, tick values and label placement for charts
 *
 * Plain arithmetic with no drawing, so that it can be tested without a
 * display and shared by the window, the PNG renderings and the PDF pages.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "model/pm-enums.h"

G_BEGIN_DECLS

/* A linear map from a domain (values) to a range (device units). A range
 * may run backwards, as the y axis does. */
typedef struct
{
  double domain_lo;
  double domain_hi;
  double range_lo;
  double range_hi;
} PmChartScale;

void     pm_chart_scale_init     (PmChartScale       *scale,
                                  double              domain_lo,
                                  double              domain_hi,
                                  double              range_lo,
                                  double              range_hi);
double   pm_chart_scale_map      (const PmChartScale *scale,
                                  double              value);
double   pm_chart_scale_invert   (const PmChartScale *scale,
                                  double              position);

/* Tick values 1, 2 or 5 times a power of ten apart, covering the data. */
typedef struct
{
  double step;
  gint64 first;    /* the lowest tick is first * step */
  guint  n_ticks;
} PmChartTicks;

/* Round values covering [@lo, @hi] with at most @max_ticks ticks (at least
 * 2). A single value is shown against zero; an empty range (lo > hi, or
 * values that are not finite) gives the ticks of 0 to 1. */
void     pm_chart_ticks_compute  (PmChartTicks       *ticks,
                                  double              lo,
                                  double              hi,
                                  guint               max_ticks);
/* The same for figures in @unit: counts and days tick on whole numbers,
 * money on whole pounds, and counts and money start at zero. */
void     pm_chart_ticks_compute_for_unit (PmChartTicks *ticks,
                                          PmUnit        unit,
                                          double        lo,
                                          double        hi,
                                          guint         max_ticks);
double   pm_chart_ticks_get      (const PmChartTicks *ticks,
                                  guint               i);
double   pm_chart_ticks_get_lo   (const PmChartTicks *ticks);
double   pm_chart_ticks_get_hi   (const PmChartTicks *ticks);

/* The text of a tick: "20%", "£5,000", "1,200", "0.25", with as many
 * decimals as @step needs and no more. */
char    *pm_chart_tick_label     (PmUnit              unit,
                                  double              value,
                                  double              step);
/* The name of the value axis for @unit: "Per cent", "Days", "£"... */
const char *pm_chart_unit_title  (PmUnit              unit);
/* "Q3 16/17" for the period with index @period_index. */
char    *pm_chart_quarter_label  (int                 period_index);
/* The same for a period of @frequency: "Oct 2016", "16/17". */
char    *pm_chart_period_label   (PmFrequency         frequency,
                                  int                 period_index);

/* Labels centred at @centres (ascending) with @widths: marks in @shown
 * those that can be written without overlapping their neighbours by less
 * than @gap, always keeping the first and the last. Returns how many are
 * shown. */
guint    pm_chart_place_labels   (const double       *centres,
                                  const double       *widths,
                                  guint               n,
                                  double              gap,
                                  gboolean           *shown);

/* The index of the point nearest (@x, @y) within @radius, or -1. */
int      pm_chart_nearest_point  (const double       *xs,
                                  const double       *ys,
                                  guint               n,
                                  double              x,
                                  double              y,
                                  double              radius);

G_END_DECLS
