/* pm-chart-layout.c: what a chart drew where, and room for its labels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pm-chart-layout.h"

/* Labels may touch a line or each other at an edge, not overlap. */
#define SLACK 0.01

struct _PmChartLayout
{
  GArray *segments;
  GArray *marks;
  GArray *labels;
};

static void
box_clear (gpointer data)
{
  PmChartBox *box = data;

  g_clear_pointer (&box->text, g_free);
}

PmChartLayout *
pm_chart_layout_new (void)
{
  PmChartLayout *self = g_new0 (PmChartLayout, 1);

  self->segments = g_array_new (FALSE, TRUE, sizeof (PmChartSegment));
  self->marks = g_array_new (FALSE, TRUE, sizeof (PmChartBox));
  self->labels = g_array_new (FALSE, TRUE, sizeof (PmChartBox));
  g_array_set_clear_func (self->labels, box_clear);

  return self;
}

void
pm_chart_layout_free (PmChartLayout *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->segments, g_array_unref);
  g_clear_pointer (&self->marks, g_array_unref);
  g_clear_pointer (&self->labels, g_array_unref);
  g_free (self);
}

void
pm_chart_layout_clear (PmChartLayout *self)
{
  g_return_if_fail (self != NULL);

  g_array_set_size (self->segments, 0);
  g_array_set_size (self->marks, 0);
  g_array_set_size (self->labels, 0);
}

void
pm_chart_layout_add_segment (PmChartLayout *self,
                             PmChartPart    part,
                             double         x0,
                             double         y0,
                             double         x1,
                             double         y1)
{
  PmChartSegment segment = { x0, y0, x1, y1, part };

  g_return_if_fail (self != NULL);

  g_array_append_val (self->segments, segment);
}

void
pm_chart_layout_add_mark (PmChartLayout *self,
                          PmChartPart    part,
                          double         x,
                          double         y,
                          double         width,
                          double         height)
{
  PmChartBox box = { x, y, width, height, part, NULL };

  g_return_if_fail (self != NULL);

  g_array_append_val (self->marks, box);
}

static gboolean
boxes_overlap (const PmChartBox *a,
               const PmChartBox *b)
{
  return a->x + a->width > b->x + SLACK && b->x + b->width > a->x + SLACK
         && a->y + a->height > b->y + SLACK && b->y + b->height > a->y + SLACK;
}

/* Clips the segment to the box's inside (Liang-Barsky): TRUE when some
 * of it is left. */
static gboolean
segment_crosses (const PmChartSegment *s,
                 const PmChartBox     *box)
{
  double dx = s->x1 - s->x0, dy = s->y1 - s->y0;
  double p[4] = { -dx, dx, -dy, dy };
  double q[4] = { s->x0 - (box->x + SLACK), box->x + box->width - SLACK - s->x0,
                  s->y0 - (box->y + SLACK), box->y + box->height - SLACK - s->y0 };
  double t0 = 0, t1 = 1;

  for (guint i = 0; i < 4; i++)
    {
      if (p[i] == 0)
        {
          if (q[i] < 0)
            return FALSE;
          continue;
        }

      if (p[i] < 0)
        t0 = MAX (t0, q[i] / p[i]);
      else
        t1 = MIN (t1, q[i] / p[i]);
    }

  return t0 < t1;
}

gboolean
pm_chart_layout_is_free (PmChartLayout    *self,
                         const PmChartBox *box,
                         const double     *bounds)
{
  g_return_val_if_fail (self != NULL && box != NULL, FALSE);

  if (bounds != NULL
      && (box->x < bounds[0] - SLACK || box->y < bounds[1] - SLACK
          || box->x + box->width > bounds[0] + bounds[2] + SLACK
          || box->y + box->height > bounds[1] + bounds[3] + SLACK))
    return FALSE;

  for (guint i = 0; i < self->segments->len; i++)
    if (segment_crosses (&g_array_index (self->segments, PmChartSegment, i), box))
      return FALSE;
  for (guint i = 0; i < self->marks->len; i++)
    if (boxes_overlap (&g_array_index (self->marks, PmChartBox, i), box))
      return FALSE;
  for (guint i = 0; i < self->labels->len; i++)
    if (boxes_overlap (&g_array_index (self->labels, PmChartBox, i), box))
      return FALSE;

  return TRUE;
}

void
pm_chart_layout_add_label (PmChartLayout    *self,
                           const PmChartBox *box,
                           const char       *text)
{
  PmChartBox label;

  g_return_if_fail (self != NULL && box != NULL);

  label = *box;
  label.text = g_strdup (text);
  g_array_append_val (self->labels, label);
}

int
pm_chart_layout_place (PmChartLayout    *self,
                       const PmChartBox *candidates,
                       guint             n_candidates,
                       const double     *bounds,
                       const char       *text)
{
  g_return_val_if_fail (self != NULL, -1);

  for (guint i = 0; i < n_candidates; i++)
    if (pm_chart_layout_is_free (self, &candidates[i], bounds))
      {
        pm_chart_layout_add_label (self, &candidates[i], text);
        return (int) i;
      }

  return -1;
}

const PmChartSegment *
pm_chart_layout_get_segments (PmChartLayout *self,
                              guint         *n)
{
  g_return_val_if_fail (self != NULL && n != NULL, NULL);

  *n = self->segments->len;
  return (const PmChartSegment *) (gpointer) self->segments->data;
}

const PmChartBox *
pm_chart_layout_get_marks (PmChartLayout *self,
                           guint         *n)
{
  g_return_val_if_fail (self != NULL && n != NULL, NULL);

  *n = self->marks->len;
  return (const PmChartBox *) (gpointer) self->marks->data;
}

const PmChartBox *
pm_chart_layout_get_labels (PmChartLayout *self,
                            guint         *n)
{
  g_return_val_if_fail (self != NULL && n != NULL, NULL);

  *n = self->labels->len;
  return (const PmChartBox *) (gpointer) self->labels->data;
}
