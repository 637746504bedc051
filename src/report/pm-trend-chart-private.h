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
  int            upto;
  GArray        *points;
  double         font_size;
  gboolean       show_legend;
  gboolean       drawn;
  PmChartLayout *layout;
};

/* "Target 75% by March 2017", or "Target 75% (no date)" */
char *_pm_trend_plot_target_text (PmKpi    *kpi,
                                  PmTarget *target);

G_END_DECLS
