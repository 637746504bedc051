/* pm-chart-layout.h: what a chart drew where, and room for its labels
 *
 * A chart records each line, mark and label it draws. A label is placed
 * by measuring it and trying the places it may go, in order, until one
 * touches nothing drawn so far; when none does the label is left out
 * rather than written over a line, a mark or another label. The record
 * is plain data, so tests can check the drawing without reading pixels.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  PM_CHART_PART_OTHER,
  PM_CHART_PART_VALUES,      /* the line joining the values */
  PM_CHART_PART_TRAJECTORY,  /* the profiled target */
  PM_CHART_PART_BASELINE,
  PM_CHART_PART_TARGET,
  PM_CHART_PART_POINT,       /* a value's status mark */
  PM_CHART_PART_TICK,
  PM_CHART_PART_BAR,
} PmChartPart;

typedef struct
{
  double      x0, y0, x1, y1;
  PmChartPart part;
} PmChartSegment;

typedef struct
{
  double      x, y, width, height;
  PmChartPart part;
  char       *text;  /* labels only */
} PmChartBox;

typedef struct _PmChartLayout PmChartLayout;

PmChartLayout *pm_chart_layout_new          (void);
void           pm_chart_layout_free         (PmChartLayout    *self);
void           pm_chart_layout_clear        (PmChartLayout    *self);

void           pm_chart_layout_add_segment  (PmChartLayout    *self,
                                             PmChartPart       part,
                                             double            x0,
                                             double            y0,
                                             double            x1,
                                             double            y1);
/* A mark drawn in the rectangle (a point's status, the target diamond). */
void           pm_chart_layout_add_mark     (PmChartLayout    *self,
                                             PmChartPart       part,
                                             double            x,
                                             double            y,
                                             double            width,
                                             double            height);
/* TRUE when a label at @box would touch no line, mark or label recorded
 * and lie inside @bounds (x, y, width, height; NULL: anywhere). */
gboolean       pm_chart_layout_is_free      (PmChartLayout    *self,
                                             const PmChartBox *box,
                                             const double     *bounds);
/* Records a label written at @box with @text. */
void           pm_chart_layout_add_label    (PmChartLayout    *self,
                                             const PmChartBox *box,
                                             const char       *text);
/* The first of @candidates that is free inside @bounds, recorded as a
 * label with @text; its index, or -1 when none is (nothing recorded). */
int            pm_chart_layout_place        (PmChartLayout    *self,
                                             const PmChartBox *candidates,
                                             guint             n_candidates,
                                             const double     *bounds,
                                             const char       *text);

const PmChartSegment *pm_chart_layout_get_segments (PmChartLayout *self,
                                                    guint         *n);
const PmChartBox     *pm_chart_layout_get_marks    (PmChartLayout *self,
                                                    guint         *n);
const PmChartBox     *pm_chart_layout_get_labels   (PmChartLayout *self,
                                                    guint         *n);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PmChartLayout, pm_chart_layout_free)

G_END_DECLS
