/* pm-trend-chart-draw.c: drawing a KPI's values against its baseline and target
 *
 * Time runs along the bottom in days, from the start of the first quarter
 * shown to the end of the last; values go up the side on round tick
 * values. A period's value is drawn at the end of the period, the day the
 * RAG rule judges it on (pm-assessment.c), and the trajectory is the
 * profiled target it is judged against: a straight line from the baseline
 * at its date to the target at its date, flat after it. So a point on the
 * wrong side of the line is the point marked off track. The wrong side is
 * tinted, so a reader sees at once which way is bad.
 *
 * Every line, mark and label is recorded as it is drawn. The axes' labels
 * sit outside the plot; the labels about the data come after every line
 * and mark, each written in the first of its places that touches nothing
 * drawn (or left out).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "pm-chart-geometry.h"
#include "pm-report-private.h"
#include "pm-trend-chart-private.h"

#include "model/pm-assessment.h"
#include "model/pm-date.h"
#include "model/pm-limits.h"
#include "model/pm-schedule.h"

#define N_SLIDES 8         /* places along a line a label may try, less one */

static const PmTrendPoint *
get_point (PmTrendPlot *self,
           guint        i)
{
  return &g_array_index (self->points, PmTrendPoint, i);
}

/* What every section of the drawing shares: where the chart and its plot
 * are, the scales, the sizes derived from the font's, and the record of
 * what is drawn where. */
typedef struct
{
  cairo_t              *cr;
  PangoContext         *context;   /* the labels', made once for the chart */
  PangoFontDescription *font;
  const PmChartPalette *palette;
  PmChartLayout        *layout;
  PmUnit                unit;
  double                size;      /* of the labels' font */
  double                gap;
  double                mark;      /* a value's mark, across its centre */
  double                label_h;
  double                axis_gap;  /* from the plot's bottom to the quarters */
  guint                 legend_rows;
  double                x, y, width, height;
  double                plot[4];   /* x, y, width, height of the plotted area */
  double                labels[4]; /* where labels about the data may go */
  PmChartTicks          ticks;
  PmChartScale          xs;        /* Julian day to x */
  PmChartScale          ys;        /* value to y */
} Frame;

/* A label in the chart's font at @size. The chart's labels share one
 * context, brought up to date with @f->cr as pango_cairo_create_layout()
 * would make a new one: making a context and parsing the font for each
 * of a chart's fifty-odd labels was most of their cost. */
static PangoLayout *
label_new (const Frame *f,
           double       size,
           const char  *text)
{
  PangoLayout *layout;

  pango_cairo_update_context (f->cr, f->context);
  layout = pango_layout_new (f->context);
  pango_font_description_set_absolute_size (f->font, size * PANGO_SCALE);
  pango_layout_set_font_description (layout, f->font);
  pango_layout_set_text (layout, text, -1);

  return layout;
}

static cairo_user_data_key_t label_cache_key;

/* @text laid out as label_new() would, shared: a new reference. The
 * quarters along the bottom of every chart of a document are the same
 * forty-odd labels, each measured to see which fit and most written: the
 * layouts are kept with the cairo context (one per document or window
 * frame, and per thread), by the context's transformation too, which a
 * layout is made for, so each is shaped once a document. */
static PangoLayout *
label_shared (const Frame *f,
              double       size,
              const char  *text)
{
  GHashTable *cache = cairo_get_user_data (f->cr, &label_cache_key);
  g_autofree char *key = NULL;
  PangoLayout *layout;
  cairo_matrix_t m;

  if (cache == NULL)
    {
      cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
      if (cairo_set_user_data (f->cr, &label_cache_key, cache,
                               (cairo_destroy_func_t) g_hash_table_unref) != CAIRO_STATUS_SUCCESS)
        {
          g_hash_table_unref (cache);
          return label_new (f, size, text);
        }
    }

  cairo_get_matrix (f->cr, &m);
  key = g_strdup_printf ("%a %a %a %a %a %s", m.xx, m.yx, m.xy, m.yy, size, text);
  layout = g_hash_table_lookup (cache, key);
  if (layout == NULL)
    {
      layout = label_new (f, size, text);
      g_hash_table_insert (cache, g_steal_pointer (&key), layout);
    }
  else
    /* The shared context may have been set for another transformation. */
    pango_cairo_update_context (f->cr, f->context);
  return g_object_ref (layout);
}

static void
show_label (cairo_t             *cr,
            PangoLayout         *layout,
            double               x,
            double               y,
            const PmChartColour *colour)
{
  cairo_save (cr);
  pm_chart_set_source (cr, colour, 1);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  cairo_new_path (cr);
  cairo_restore (cr);
}

#define X_OF(f, day) pm_chart_scale_map (&(f)->xs, (double) (day))
#define Y_OF(f, value) pm_chart_scale_map (&(f)->ys, (value))

/* Writes @text at the first of @candidates (top-left corners) that is
 * free inside @bounds; FALSE when it was left out. */
static gboolean
place_text (const Frame         *f,
            PangoLayout         *layout,
            const char          *text,
            const double       (*corners)[2],
            guint                n,
            const double        *bounds,
            const PmChartColour *colour)
{
  double w = _pm_report_layout_width (layout);
  double h = _pm_report_layout_height (layout);
  g_autofree PmChartBox *boxes = g_new0 (PmChartBox, n);
  int chosen;

  for (guint i = 0; i < n; i++)
    boxes[i] = (PmChartBox) { corners[i][0], corners[i][1], w, h, PM_CHART_PART_OTHER, NULL };

  chosen = pm_chart_layout_place (f->layout, boxes, n, bounds, text);
  if (chosen < 0)
    return FALSE;

  show_label (f->cr, layout, boxes[chosen].x, boxes[chosen].y, colour);
  return TRUE;
}

/* A label with one place only: written there if that is free. */
static gboolean
place_text_at (const Frame         *f,
               PangoLayout         *layout,
               const char          *text,
               double               x,
               double               y,
               const PmChartColour *colour)
{
  const double corner[1][2] = { { x, y } };

  return place_text (f, layout, text, corner, 1, NULL, colour);
}

#define LEGEND_LIFT(f) ((f)->size * 0.25)

static const PmRag legend_order[] = { PM_RAG_GREEN, PM_RAG_AMBER, PM_RAG_RED, PM_RAG_GREY };

/* The key to the status marks from (@x, @y), in as many rows as it needs
 * to stay inside the chart; draws it when @draw, and returns its rows. */
static guint
lay_out_legend (const Frame *f,
                double       x,
                double       y,
                gboolean     draw)
{
  double size = f->size;
  double left = x;
  guint rows = 1;

  for (guint i = 0; i < G_N_ELEMENTS (legend_order); i++)
    {
      const char *text = pm_chart_rag_words (legend_order[i]);
      g_autoptr(PangoLayout) words = label_new (f, size, text);
      double h = _pm_report_layout_height (words);
      double w = _pm_report_layout_width (words);

      if (x > left && x + size * 1.1 + w > f->x + f->width)
        {
          x = left;
          y += f->label_h;
          rows++;
        }
      if (draw)
        {
          /* The mark stands in from the edge by more than half its outline. */
          pm_chart_draw_rag_mark (f->cr, f->palette, legend_order[i], x + size * 0.5, y + h / 2, size * 0.4);
          pm_chart_layout_add_mark (f->layout, PM_CHART_PART_OTHER, x + size * 0.1, y + h / 2 - size * 0.5,
                                    size * 0.8, size);
          place_text_at (f, words, text, x + size * 1.1, y, &f->palette->secondary);
        }
      x += size * 2 + w;
    }

  return rows;
}

/* Measures the labels and leaves room for them around the plot: value
 * ticks as many as fit at twice a label's height apart, their widest
 * label on the left, the top one below the heading and the bottom one
 * clear of the quarters. */
static void
frame_lay_out (Frame        *f,
               const PmTrendExtent *e,
               gboolean      show_legend)
{
  g_autoptr(PangoLayout) probe = label_new (f, f->size, "Q0");
  double top, bottom, left = 0;
  guint max_ticks;

  f->label_h = _pm_report_layout_height (probe);
  f->axis_gap = MAX (f->gap, f->label_h / 2 + 1);
  top = f->label_h * 1.5 + f->gap / 2;
  f->legend_rows = show_legend ? lay_out_legend (f, f->x, 0, FALSE) : 0;
  /* The key's last row stands a little above the bottom: a descender
   * ("g") reaches below a line's height. */
  bottom = f->axis_gap + f->label_h +
           (show_legend ? f->legend_rows * f->label_h + f->gap + LEGEND_LIFT (f) : 0);

  max_ticks = (guint) CLAMP ((f->height - top - bottom) / (f->label_h * 2.2), 2, 6);
  pm_chart_ticks_compute_for_unit (&f->ticks, f->unit, e->lo, e->hi, max_ticks);

  for (guint i = 0; i < f->ticks.n_ticks; i++)
    {
      g_autofree char *text = pm_chart_tick_label (f->unit, pm_chart_ticks_get (&f->ticks, i), f->ticks.step);
      g_autoptr(PangoLayout) layout = label_new (f, f->size, text);

      left = MAX (left, _pm_report_layout_width (layout));
    }

  f->plot[0] = f->x + left + f->gap;
  f->plot[1] = f->y + top;
  f->plot[2] = f->x + f->width - f->plot[0] - f->size * 1.5;
  f->plot[3] = f->y + f->height - bottom - f->plot[1];

  /* Labels about the data stay in the plot, or in the margins around it
   * clear of the heading and the quarters. */
  f->labels[0] = f->plot[0];
  f->labels[1] = f->y;
  f->labels[2] = f->plot[2] + f->size * 1.5;
  f->labels[3] = f->plot[1] + f->plot[3] + f->axis_gap - f->y;
}

/* What the values are, above the axis. */
static void
draw_heading (const Frame *f)
{
  const char *text = pm_chart_unit_title (f->unit);
  g_autoptr(PangoLayout) title = label_new (f, f->size, text);

  place_text_at (f, title, text, f->x, f->y, &f->palette->secondary);
}

/* Grid lines and value labels up the side. */
static void
draw_value_axis (const Frame *f)
{
  cairo_t *cr = f->cr;

  cairo_set_line_width (cr, MAX (0.5, f->size / 12));
  for (guint i = 0; i < f->ticks.n_ticks; i++)
    {
      double value = pm_chart_ticks_get (&f->ticks, i);
      g_autofree char *text = pm_chart_tick_label (f->unit, value, f->ticks.step);
      g_autoptr(PangoLayout) layout = label_new (f, f->size, text);
      double ty = round (Y_OF (f, value)) + 0.5;

      pm_chart_set_source (cr, &f->palette->grid, 1);
      cairo_move_to (cr, f->plot[0], ty);
      cairo_line_to (cr, f->plot[0] + f->plot[2], ty);
      cairo_stroke (cr);
      place_text_at (f, layout, text, f->plot[0] - f->gap - _pm_report_layout_width (layout),
                     ty - f->label_h / 2, &f->palette->secondary);
    }
}

/* A tick at the end of each quarter along the bottom, where its value is
 * drawn, and its label where labels fit without touching. */
static void
draw_quarter_axis (const Frame  *f,
                   const PmTrendExtent *e)
{
  cairo_t *cr = f->cr;
  guint n_quarters = (guint) (e->last - e->first + 1);
  double bottom = f->plot[1] + f->plot[3];
  g_autofree double *centres = g_new (double, n_quarters);
  g_autofree double *widths = g_new (double, n_quarters);
  g_autofree gboolean *shown = g_new (gboolean, n_quarters);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) layouts = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n_quarters; i++)
    {
      char *text = pm_chart_period_label (e->frequency, e->first + (int) i);

      centres[i] = X_OF (f, _pm_trend_period_day (e->frequency, e->first + (int) i, TRUE));
      g_ptr_array_add (layouts, label_shared (f, f->size, text));
      widths[i] = _pm_report_layout_width (g_ptr_array_index (layouts, i));
      g_ptr_array_add (texts, text);
    }

  pm_chart_place_labels (centres, widths, n_quarters, f->gap, shown);
  pm_chart_set_source (cr, &f->palette->secondary, 1);
  for (guint i = 0; i < n_quarters; i++)
    {
      double length = shown[i] ? f->axis_gap : f->axis_gap / 2;

      cairo_move_to (cr, centres[i], bottom);
      cairo_line_to (cr, centres[i], bottom + length);
      pm_chart_layout_add_segment (f->layout, PM_CHART_PART_TICK, centres[i], bottom,
                                   centres[i], bottom + length);
    }
  cairo_stroke (cr);
  for (guint i = 0; i < n_quarters; i++)
    if (shown[i])
      {
        place_text_at (f, g_ptr_array_index (layouts, i), g_ptr_array_index (texts, i),
                       CLAMP (centres[i] - widths[i] / 2, f->x, f->x + f->width - widths[i]),
                       bottom + f->axis_gap, &f->palette->secondary);
      }
}

/* The profiled target at day @day, as pm-assessment.c works it out. */
static double
trajectory_at (const PmTrendExtent *e,
               guint32       day)
{
  double profiled = e->target_value;

  pm_kpi_get_profiled_target (e->kpi, day, &profiled, NULL);
  return profiled;
}

/* Corners: the baseline's, one per milestone, the right edge. */
#define MAX_CORNERS (PM_LIMIT_TARGETS + 2)

/* The trajectory's corners on the chart: from the baseline's date (or
 * the left edge) through each milestone's date to the right edge.
 * Returns how many there are. */
static guint
trajectory_corners (const Frame  *f,
                    const PmTrendExtent *e,
                    double        xy[MAX_CORNERS][2])
{
  g_autoptr(GPtrArray) milestones = pm_kpi_get_milestones (e->kpi);
  guint32 days[MAX_CORNERS];
  guint n = 0;

  if (e->baseline_day >= e->end_day)
    return 0;

  days[n++] = MAX (e->baseline_day, e->start_day);
  for (guint i = 0; i < milestones->len && n < MAX_CORNERS - 1; i++)
    {
      guint32 day = pm_date_to_julian (pm_target_get_date (g_ptr_array_index (milestones, i)));

      if (day > days[n - 1] && day < e->end_day)
        days[n++] = day;
    }
  days[n++] = e->end_day;

  for (guint i = 0; i < n; i++)
    {
      xy[i][0] = X_OF (f, days[i]);
      xy[i][1] = Y_OF (f, trajectory_at (e, days[i]));
    }

  return n;
}

/* The trajectory, flat after the target, and the tint on its wrong side. */
static void
draw_trajectory (const Frame  *f,
                 const PmTrendExtent *e,
                 PmDirection   direction)
{
  static const double dash[] = { 4.0, 3.0 };
  cairo_t *cr = f->cr;
  double xy[MAX_CORNERS][2];
  guint n = trajectory_corners (f, e, xy);

  if (n < 2)
    return;

  if (direction != PM_DIRECTION_MAINTAIN)
    {
      double edge = direction == PM_DIRECTION_INCREASE ? f->plot[1] + f->plot[3] : f->plot[1];

      for (guint i = 0; i < n; i++)
        cairo_line_to (cr, xy[i][0], xy[i][1]);
      cairo_line_to (cr, xy[n - 1][0], edge);
      cairo_line_to (cr, xy[0][0], edge);
      cairo_close_path (cr);
      pm_chart_set_source (cr, &f->palette->wrong_side, 0.08);
      cairo_fill (cr);
    }

  cairo_save (cr);
  cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
  cairo_set_line_width (cr, MAX (0.75, f->size / 8));
  pm_chart_set_source (cr, &f->palette->target, 1);
  for (guint i = 0; i < n; i++)
    {
      cairo_line_to (cr, xy[i][0], xy[i][1]);
      if (i > 0)
        pm_chart_layout_add_segment (f->layout, PM_CHART_PART_TRAJECTORY,
                                     xy[i - 1][0], xy[i - 1][1], xy[i][0], xy[i][1]);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* The baseline as a level across the plot. */
static void
draw_baseline (const Frame  *f,
               const PmTrendExtent *e)
{
  cairo_t *cr = f->cr;
  double level = Y_OF (f, e->baseline);

  pm_chart_set_source (cr, &f->palette->baseline, 1);
  cairo_set_line_width (cr, MAX (0.75, f->size / 8));
  cairo_move_to (cr, f->plot[0], level);
  cairo_line_to (cr, f->plot[0] + f->plot[2], level);
  cairo_stroke (cr);
  pm_chart_layout_add_segment (f->layout, PM_CHART_PART_BASELINE,
                               f->plot[0], level, f->plot[0] + f->plot[2], level);
}

/* Writes @text just above or below the level at @level: at the left,
 * the right or a place between, wherever nothing else is. */
static gboolean
place_along_level (const Frame *f,
                   const char  *text,
                   double       level)
{
  g_autoptr(PangoLayout) layout = label_new (f, f->size, text);
  double w = _pm_report_layout_width (layout);
  double left = f->plot[0] + f->gap;
  double right = f->plot[0] + f->plot[2] - f->gap - w;
  double above = level - f->label_h - 1, below = level + 1;
  double corners[2 * (N_SLIDES + 1)][2];

  /* Left first, then right, then the places between. */
  for (guint i = 0; i <= N_SLIDES; i++)
    {
      guint k = i == 0 ? 0 : i == 1 ? N_SLIDES : i - 1;
      double x = left + (right - left) * k / N_SLIDES;

      corners[2 * i][0] = corners[2 * i + 1][0] = x;
      corners[2 * i][1] = above;
      corners[2 * i + 1][1] = below;
    }

  return place_text (f, layout, text, (const double (*)[2]) corners, G_N_ELEMENTS (corners), f->plot,
                     &f->palette->baseline);
}

/* The baseline's words by its level; without the date where the whole
 * does not fit. */
static void
label_baseline (const Frame  *f,
                const PmTrendExtent *e,
                PmBaseline   *baseline)
{
  double level = Y_OF (f, e->baseline);
  g_autofree char *value = pm_unit_format_value (f->unit, e->baseline);
  g_autofree char *date = pm_date_format (pm_baseline_get_date (baseline));
  g_autofree char *brief = g_strdup_printf (_("Baseline %s"), value);

  if (date != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Baseline %s (%s)"), value, date);

      if (place_along_level (f, text, level))
        return;
    }

  place_along_level (f, brief, level);
}

/* A diamond, recorded as a mark. */
static void
draw_diamond (const Frame *f,
              double       x,
              double       y,
              double       r,
              gboolean     outline)
{
  cairo_t *cr = f->cr;

  cairo_move_to (cr, x, y - r);
  cairo_line_to (cr, x + r, y);
  cairo_line_to (cr, x, y + r);
  cairo_line_to (cr, x - r, y);
  cairo_close_path (cr);
  pm_chart_set_source (cr, &f->palette->target, 1);
  if (outline)
    {
      cairo_fill_preserve (cr);
      cairo_set_line_width (cr, MAX (0.5, f->size / 12));
      pm_chart_set_source (cr, &f->palette->text, 0.8);
      cairo_stroke (cr);
    }
  else
    cairo_fill (cr);
  pm_chart_layout_add_mark (f->layout, PM_CHART_PART_TARGET, x - r, y - r, 2 * r, 2 * r);
}

/* The target as a diamond at its date when that is on the chart; its
 * words go in the heading, after a smaller diamond, where they cannot
 * cover a value. */
static void
draw_target (PmTrendPlot  *self,
             const Frame  *f,
             const PmTrendExtent *e)
{
  double r = f->mark * 1.5;
  g_autofree char *text = _pm_trend_plot_target_text (self->kpi, e->target);
  g_autoptr(PangoLayout) layout = label_new (f, f->size, text);
  double hx = f->plot[0] + f->plot[2] - _pm_report_layout_width (layout);
  double hy = f->y + _pm_report_layout_height (layout) / 2;
  PmChartBox key = { hx - 2 * r - 1, hy - r, 2 * r, 2 * r, PM_CHART_PART_TARGET, NULL };

  g_autoptr(GPtrArray) milestones = pm_kpi_get_milestones (self->kpi);

  /* A diamond for each milestone on the chart. */
  for (guint i = 0; i < milestones->len; i++)
    {
      PmTarget *milestone = g_ptr_array_index (milestones, i);
      guint32 day = pm_date_to_julian (pm_target_get_date (milestone));

      if (day != 0 && day >= e->start_day && day <= e->end_day)
        draw_diamond (f, X_OF (f, day), Y_OF (f, pm_target_get_value (milestone)), r, TRUE);
    }

  if (pm_chart_layout_is_free (f->layout, &key, NULL)
      && place_text_at (f, layout, text, hx, f->y, &f->palette->target))
    draw_diamond (f, hx - r - 1, hy, r, FALSE);
}

/* The values, joined, each marked by its status at the end of its
 * period, the focused one ringed; the points keep where they were drawn,
 * for hovering and the keyboard. */
static void
draw_values (PmTrendPlot *self,
             const Frame *f,
             int          focus)
{
  cairo_t *cr = f->cr;
  double extent = f->mark * 1.3;  /* the largest mark's reach from its centre */
  g_autofree PmChartMark *marks = NULL;

  pm_chart_set_source (cr, &f->palette->line, 1);
  cairo_set_line_width (cr, MAX (1.0, f->size / 5));
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint i = 0; i < self->points->len; i++)
    {
      PmTrendPoint *point = &g_array_index (self->points, PmTrendPoint, i);

      point->x = X_OF (f, _pm_trend_period_day (self->frequency, point->index, TRUE));
      point->y = Y_OF (f, point->value);
      cairo_line_to (cr, point->x, point->y);
      if (i > 0)
        pm_chart_layout_add_segment (f->layout, PM_CHART_PART_VALUES, get_point (self, i - 1)->x,
                                     get_point (self, i - 1)->y, point->x, point->y);
    }
  cairo_stroke (cr);

  marks = g_new (PmChartMark, MAX (self->points->len, 1));
  for (guint i = 0; i < self->points->len; i++)
    {
      const PmTrendPoint *point = get_point (self, i);

      marks[i] = (PmChartMark) { point->x, point->y, point->rag };
      pm_chart_layout_add_mark (f->layout, PM_CHART_PART_POINT, point->x - extent, point->y - extent,
                                2 * extent, 2 * extent);
    }

  /* The focused point's ring goes over its mark, under the marks after it. */
  if (focus >= 0 && (guint) focus < self->points->len)
    {
      const PmTrendPoint *point = get_point (self, focus);

      pm_chart_draw_rag_marks (cr, f->palette, marks, focus + 1, f->mark);
      cairo_new_path (cr);
      cairo_arc (cr, point->x, point->y, f->mark * 2.2, 0, 2 * G_PI);
      cairo_set_line_width (cr, 2);
      pm_chart_set_source (cr, &f->palette->focus, 1);
      cairo_stroke (cr);
      pm_chart_draw_rag_marks (cr, f->palette, marks + focus + 1, self->points->len - focus - 1, f->mark);
    }
  else
    pm_chart_draw_rag_marks (cr, f->palette, marks, self->points->len, f->mark);
}

/* Writes @text wrapped at @wrap_width, in at most @lines lines, along
 * the top or the bottom of the plot, wherever nothing else is. */
static gboolean
place_note (const Frame *f,
            const char  *text,
            double       wrap_width,
            int          lines)
{
  g_autoptr(PangoLayout) layout = label_new (f, f->size, text);
  double w, h, left, right, top, bottom;
  double corners[2 * (N_SLIDES + 1)][2];

  pango_layout_set_width (layout, (int) (MAX (wrap_width, 1) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  pango_layout_set_height (layout, -lines);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  w = _pm_report_layout_width (layout);
  h = _pm_report_layout_height (layout);
  left = f->plot[0] + f->gap;
  right = f->plot[0] + f->plot[2] - f->gap - w;
  top = f->plot[1] + 1;
  bottom = f->plot[1] + f->plot[3] - h - 1;

  for (guint i = 0; i <= N_SLIDES; i++)
    {
      corners[2 * i][0] = corners[2 * i + 1][0] = left + (right - left) * i / N_SLIDES;
      corners[2 * i][1] = top;
      corners[2 * i + 1][1] = bottom;
    }

  return place_text (f, layout, text, (const double (*)[2]) corners, G_N_ELEMENTS (corners), f->plot,
                     &f->palette->secondary);
}

/* A short note inside the plot: why a line is missing. A long one (a
 * baseline's whole story) wraps, narrower where the full width is taken. */
static void
draw_note (const Frame *f,
           const char  *text)
{
  double width = f->plot[2] - 2 * f->gap;

  if (!place_note (f, text, width, 2))
    place_note (f, text, width / 2, 4);
}

/* The latest value's figure beside its mark, wherever around it there is
 * room (close by first, then further out between lines that pass near),
 * or a word where there is no value yet. */
static void
label_latest (PmTrendPlot *self,
              const Frame *f)
{
  const PmTrendPoint *point;
  g_autofree char *text = NULL;
  g_autoptr(PangoLayout) layout = NULL;
  double w, h, g, x, y;

  if (self->points->len == 0)
    {
      const char *none = _("No values reported yet");

      layout = label_new (f, f->size * 1.2, none);
      if (!place_text_at (f, layout, none, f->plot[0] + (f->plot[2] - _pm_report_layout_width (layout)) / 2,
                          f->plot[1] + (f->plot[3] - _pm_report_layout_height (layout)) / 2,
                          &f->palette->secondary))
        draw_note (f, none);
      return;
    }

  point = get_point (self, self->points->len - 1);
  text = pm_unit_format_value (f->unit, point->value);
  layout = label_new (f, f->size, text);
  w = _pm_report_layout_width (layout);
  h = _pm_report_layout_height (layout);
  g = f->mark * 1.3 + 1;
  x = point->x;
  y = point->y;

  for (guint far = 1; far <= 3; far++, g *= 2)
    {
      const double corners[][2] = {
        { x + g, y - h - g / 2 }, { x - g - w, y - h - g / 2 }, { x + g, y + g / 2 },
        { x - g - w, y + g / 2 }, { x + g, y - h / 2 }, { x - g - w, y - h / 2 },
        { x - w / 2, y - g - h }, { x - w / 2, y + g },
      };

      if (place_text (f, layout, text, corners, G_N_ELEMENTS (corners), f->labels, &f->palette->text))
        return;
    }
}

/* Why there is no reference line, or no trajectory; NULL when both are
 * drawn. */
static char *
missing_line_note (PmTrendPlot  *self,
                   const PmTrendExtent *e)
{
  if (!e->has_baseline)
    {
      g_autofree char *state = pm_baseline_format (pm_kpi_get_baseline (self->kpi), pm_kpi_get_unit (self->kpi));

      return g_strdup_printf (_("Baseline: %s, so no reference line"), state);
    }
  if (e->target == NULL || e->has_trajectory)
    return NULL;
  if (e->baseline_day == 0 || e->target_day == 0)
    return g_strdup (_("No trajectory: the baseline or target has no date"));

  return g_strdup (_("No trajectory: the target is dated before the baseline"));
}

#undef X_OF
#undef Y_OF

static void
frame_init (Frame                *f,
            PmTrendPlot          *self,
            cairo_t              *cr,
            const PmChartPalette *palette)
{
  f->cr = cr;
  f->context = pango_cairo_create_context (cr);
  _pm_report_context_setup (f->context);
  f->font = pango_font_description_from_string ("Cantarell, DejaVu Sans");
  f->palette = palette;
  f->layout = self->layout;
  f->unit = pm_kpi_get_unit (self->kpi);
  f->size = self->font_size;
  f->gap = f->size * 0.5;
  f->mark = MAX (f->size * 0.38, 1.8);
}

/* The lines and marks first, all recorded; then the labels, each where
 * it touches none of them. */
static void
draw_plot (PmTrendPlot *self,
           Frame       *f,
           PmTrendExtent      *e,
           int          focus)
{
  g_autofree char *note = missing_line_note (self, e);

  pm_chart_scale_init (&f->xs, e->start_day, e->end_day, f->plot[0], f->plot[0] + f->plot[2]);
  pm_chart_scale_init (&f->ys, pm_chart_ticks_get_lo (&f->ticks), pm_chart_ticks_get_hi (&f->ticks),
                       f->plot[1] + f->plot[3], f->plot[1]);

  draw_heading (f);
  draw_value_axis (f);
  draw_quarter_axis (f, e);
  if (e->has_trajectory)
    draw_trajectory (f, e, pm_kpi_get_direction (self->kpi));
  if (e->has_baseline)
    draw_baseline (f, e);
  if (e->target != NULL)
    draw_target (self, f, e);
  draw_values (self, f, focus);

  label_latest (self, f);
  if (note != NULL)
    draw_note (f, note);
  if (e->has_baseline)
    label_baseline (f, e, pm_kpi_get_baseline (self->kpi));
  if (self->show_legend)
    lay_out_legend (f, f->x, f->y + f->height - f->legend_rows * f->label_h - LEGEND_LIFT (f), TRUE);
}

void
pm_trend_plot_draw (PmTrendPlot          *self,
                    cairo_t              *cr,
                    const PmChartPalette *palette,
                    double                x,
                    double                y,
                    double                width,
                    double                height,
                    int                   focus)
{
  PmTrendExtent e = { 0, };
  Frame f = { 0, };

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (palette != NULL);

  self->drawn = FALSE;
  pm_chart_layout_clear (self->layout);
  frame_init (&f, self, cr, palette);
  f.x = x;
  f.y = y;
  f.width = width;
  f.height = height;

  _pm_trend_plot_compute_extent (self, &e);
  frame_lay_out (&f, &e, self->show_legend);

  if (f.plot[2] >= 10 && f.plot[3] >= 10)
    {
      /* The clip reaches a label's size past the box: cairo measures a
       * label by its font's bounding box, taller than its letters, and
       * would clip each label along the edge on its own, in a PDF a
       * saved state, a clip and the colours again, label by label. */
      cairo_save (cr);
      cairo_rectangle (cr, x - f.size, y - f.size, width + 2 * f.size, height + 2 * f.size);
      cairo_clip (cr);
      draw_plot (self, &f, &e, focus);
      self->drawn = TRUE;
      cairo_restore (cr);
    }

  g_object_unref (f.context);
  pango_font_description_free (f.font);
}

void
pm_trend_chart_draw (cairo_t  *cr,
                     PmKpi    *kpi,
                     PmPeriod *upto,
                     double    x,
                     double    y,
                     double    width,
                     double    height)
{
  g_autoptr(PmTrendPlot) plot = NULL;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (PM_IS_KPI (kpi));
  g_return_if_fail (PM_IS_PERIOD (upto));

  plot = pm_trend_plot_new (kpi, upto);
  pm_trend_plot_draw (plot, cr, pm_chart_palette_get (FALSE), x, y, width, height, -1);
}
