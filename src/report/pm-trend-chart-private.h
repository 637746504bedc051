/* pm-trend-chart-private.h: what the trend chart's two files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pm-chart-layout.h"
#include "pm-trend-chart.h"

G_BEGIN_DECLS

typedef struct
{
  int    index;  /* period index */
  double value;
  char  *note;
  PmRag  rag;
  double x;      /* where it was drawn */
  double y;
} PmTrendPoint;

struct _PmTrendPlot
{
  PmKpi         *kpi;
  PmFrequency    frequency;    /* the KPI's: the periods of the axis */
  int            upto;
  GArray        *points;
  double         font_size;
  gboolean       show_legend;
  gboolean       drawn;
  PmChartLayout *layout;
};

/* What the chart spans: its quarters and days, the baseline and target
 * with their dates, and the values' range. */
typedef struct
{
  PmFrequency frequency;   /* of the periods on the axis */
  int      first;          /* periods on the axis */
  int      last;
  guint32  start_day;      /* the first period's first day */
  guint32  end_day;        /* the last period's last day */
  gboolean has_baseline;
  double   baseline;
  guint32  baseline_day;   /* 0: no date */
  PmTarget *target;
  double   target_value;
  guint32  target_day;     /* 0: no date */
  PmKpi   *kpi;            /* borrowed: its schedule of milestones */
  gboolean has_trajectory;
  double   lo;
  double   hi;
} PmTrendExtent;

/* The day period @index starts on, or (@end) ends on, as a Julian day. */
guint32 _pm_trend_period_day          (PmFrequency    frequency,
                                       int            index,
                                       gboolean       end);
void    _pm_trend_plot_compute_extent (PmTrendPlot   *self,
                                       PmTrendExtent *extent);

/* "Target 75% by March 2017", or "Target 75% (no date)"; a schedule of
 * milestones: "Targets 40 by March 2021; 60 by March 2022". */
char *_pm_trend_plot_target_text (PmKpi    *kpi,
                                  PmTarget *target);

G_END_DECLS
