/* pm-trend-chart.c: a KPI's values against its baseline and target
 *
 * Quarters run along the bottom, one step each; values up the side on
 * round tick values. The trajectory is the profiled target the RAG rule
 * judges against (pm-assessment.c): a straight line from the baseline to
 * the target, flat after the target date. The side of it where a value
 * would be off track is tinted, so a reader sees at once which way is bad.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "pm-chart-geometry.h"
#include "pm-report-private.h"
#include "pm-trend-chart.h"

#include "model/pm-assessment.h"
#include "model/pm-date.h"

#define MAX_TARGET_LEAD 8  /* quarters past the period a target may stretch the chart */
#define PRINT_FONT_SIZE 6.0

typedef struct
{
  int    index;  /* period index */
  double value;
  char  *note;
  PmRag  rag;
  double x;
  double y;
} Point;

struct _PmTrendPlot
{
  PmKpi   *kpi;
  int      upto;
  GArray  *points;
  double   font_size;
  gboolean show_legend;
  gboolean drawn;
};

static void
point_clear (gpointer data)
{
  Point *point = data;

  g_clear_pointer (&point->note, g_free);
}

PmTrendPlot *
pm_trend_plot_new (PmKpi    *kpi,
                   PmPeriod *upto)
{
  PmTrendPlot *self;
  GListModel *entries;

  g_return_val_if_fail (PM_IS_KPI (kpi), NULL);
  g_return_val_if_fail (PM_IS_PERIOD (upto), NULL);

  self = g_new0 (PmTrendPlot, 1);
  self->kpi = g_object_ref (kpi);
  self->upto = pm_period_get_index (upto);
  self->points = g_array_new (FALSE, TRUE, sizeof (Point));
  g_array_set_clear_func (self->points, point_clear);
  self->font_size = PRINT_FONT_SIZE;

  entries = pm_kpi_get_entries (kpi);
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(PmProgressEntry) entry = g_list_model_get_item (entries, i);
      PmPeriod *period = pm_progress_entry_get_period (entry);
      g_autoptr(PmAssessment) assessment = NULL;
      Point point = { 0, };

      point.index = pm_period_get_index (period);
      if (point.index > self->upto || !pm_progress_entry_has_value (entry))
        continue;

      assessment = pm_assessment_new (kpi, period);
      point.value = pm_progress_entry_get_value (entry);
      point.note = g_strdup (pm_progress_entry_get_note (entry));
      point.rag = pm_assessment_get_rag (assessment);
      g_array_append_val (self->points, point);
    }

  return self;
}

void
pm_trend_plot_free (PmTrendPlot *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->kpi);
  g_clear_pointer (&self->points, g_array_unref);
  g_free (self);
}

void
pm_trend_plot_set_font_size (PmTrendPlot *self,
                             double       size)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (size > 0);

  self->font_size = size;
}

void
pm_trend_plot_set_show_legend (PmTrendPlot *self,
                               gboolean     show)
{
  g_return_if_fail (self != NULL);

  self->show_legend = !!show;
}

guint
pm_trend_plot_get_n_points (PmTrendPlot *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->points->len;
}

static const Point *
get_point (PmTrendPlot *self,
           guint        i)
{
  return &g_array_index (self->points, Point, i);
}

int
pm_trend_plot_get_point_period (PmTrendPlot *self,
                                guint        i)
{
  g_return_val_if_fail (self != NULL && i < self->points->len, -1);

  return get_point (self, i)->index;
}

double
pm_trend_plot_get_point_value (PmTrendPlot *self,
                               guint        i)
{
  g_return_val_if_fail (self != NULL && i < self->points->len, NAN);

  return get_point (self, i)->value;
}

const char *
pm_trend_plot_get_point_note (PmTrendPlot *self,
                              guint        i)
{
  g_return_val_if_fail (self != NULL && i < self->points->len, NULL);

  return get_point (self, i)->note;
}

PmRag
pm_trend_plot_get_point_rag (PmTrendPlot *self,
                             guint        i)
{
  g_return_val_if_fail (self != NULL && i < self->points->len, PM_RAG_GREY);

  return get_point (self, i)->rag;
}

gboolean
pm_trend_plot_get_point_position (PmTrendPlot *self,
                                  guint        i,
                                  double      *x,
                                  double      *y)
{
  g_return_val_if_fail (self != NULL && i < self->points->len, FALSE);

  if (!self->drawn)
    return FALSE;

  *x = get_point (self, i)->x;
  *y = get_point (self, i)->y;
  return TRUE;
}

int
pm_trend_plot_find_point (PmTrendPlot *self,
                          double       x,
                          double       y,
                          double       radius)
{
  g_autofree double *xs = NULL;
  g_autofree double *ys = NULL;

  g_return_val_if_fail (self != NULL, -1);

  if (!self->drawn || self->points->len == 0)
    return -1;

  xs = g_new (double, self->points->len);
  ys = g_new (double, self->points->len);
  for (guint i = 0; i < self->points->len; i++)
    {
      xs[i] = get_point (self, i)->x;
      ys[i] = get_point (self, i)->y;
    }

  return pm_chart_nearest_point (xs, ys, self->points->len, x, y, radius);
}

char *
pm_trend_plot_describe_point (PmTrendPlot *self,
                              guint        i)
{
  const Point *point;
  g_autofree char *period = NULL;
  g_autofree char *value = NULL;

  g_return_val_if_fail (self != NULL && i < self->points->len, NULL);

  point = get_point (self, i);
  period = pm_chart_quarter_label (point->index);
  value = pm_unit_format_value (pm_kpi_get_unit (self->kpi), point->value);

  if (point->note != NULL && point->note[0] != '\0')
    /* Translators: period, value, status words, then the lead's note */
    return g_strdup_printf (_("%s: %s (%s). %s"), period, value,
                            pm_chart_rag_words (point->rag), point->note);

  /* Translators: period, value and status words */
  return g_strdup_printf (_("%s: %s (%s)"), period, value, pm_chart_rag_words (point->rag));
}

static char *
target_text (PmKpi    *kpi,
             PmTarget *target)
{
  g_autofree char *value = pm_unit_format_value (pm_kpi_get_unit (kpi), pm_target_get_value (target));
  g_autofree char *date = pm_date_format (pm_target_get_date (target));

  if (date != NULL)
    /* Translators: "Target 75% by March 2017" */
    return g_strdup_printf (_("Target %s by %s"), value, date);

  return g_strdup_printf (_("Target %s (no date)"), value);
}

char *
pm_trend_plot_describe (PmTrendPlot *self)
{
  GString *text;
  PmTarget *target;
  guint n;

  g_return_val_if_fail (self != NULL, NULL);

  text = g_string_new (NULL);
  n = self->points->len;
  target = pm_kpi_get_current_target (self->kpi);

  g_string_append_printf (text, _("Trend of “%s”: "), pm_kpi_get_title (self->kpi));
  if (n == 0)
    g_string_append (text, _("no values yet"));
  else
    {
      g_autofree char *latest = pm_trend_plot_describe_point (self, n - 1);

      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u value, latest %s",
                                                 "%u values, latest %s", n),
                              n, latest);
    }

  if (target != NULL)
    {
      g_autofree char *target_words = target_text (self->kpi, target);

      g_string_append_printf (text, "; %s", target_words);
    }
  g_string_append_c (text, '.');

  return g_string_free (text, FALSE);
}

/* The period a date falls in, as an index; -1 for no date. */
static int
date_index (const char *iso)
{
  GDate date;
  g_autoptr(PmPeriod) period = NULL;

  if (iso == NULL || !pm_date_to_gdate (iso, &date))
    return -1;

  period = pm_period_new_for_date (&date);
  return pm_period_get_index (period);
}

static PangoLayout *
label_new (cairo_t    *cr,
           double      size,
           const char *text)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *description = pango_font_description_from_string ("Cantarell, DejaVu Sans");

  pango_font_description_set_absolute_size (description, size * PANGO_SCALE);
  _pm_report_context_setup (pango_layout_get_context (layout));
  pango_layout_context_changed (layout);
  pango_layout_set_font_description (layout, description);
  pango_layout_set_text (layout, text, -1);
  pango_font_description_free (description);

  return layout;
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

/* Writes @layout beside the mark at (@x, @y): above and to the right when
 * there is room inside the plot, else to the left or below. */
static void
place_label (cairo_t             *cr,
             PangoLayout         *layout,
             double               x,
             double               y,
             double               gap,
             const double         plot[4],
             const PmChartColour *colour)
{
  double w = _pm_report_layout_width (layout);
  double h = _pm_report_layout_height (layout);
  double lx = x + gap;
  double ly = y - h - gap / 2;

  if (lx + w > plot[0] + plot[2])
    lx = x - gap - w;
  if (ly < plot[1])
    ly = y + gap / 2;

  show_label (cr, layout, MAX (lx, plot[0] + 2), MIN (ly, plot[1] + plot[3] - h), colour);
}

typedef struct
{
  int      first;
  int      last;
  gboolean has_baseline;
  int      baseline_index;
  double   baseline;
  PmTarget *target;
  int      target_index;
  gboolean target_dated;
  double   lo;
  double   hi;
} Extent;

static void
compute_extent (PmTrendPlot *self,
                Extent      *extent)
{
  PmBaseline *baseline = pm_kpi_get_baseline (self->kpi);
  double lo = G_MAXDOUBLE, hi = -G_MAXDOUBLE;

  for (guint i = 0; i < self->points->len; i++)
    {
      lo = MIN (lo, get_point (self, i)->value);
      hi = MAX (hi, get_point (self, i)->value);
    }

  /* Quarters shown: from the baseline (or the first value) to the period,
   * at least a year, stretched to a target date that is not too far off. */
  extent->last = self->upto;
  extent->first = self->points->len > 0 ? get_point (self, 0)->index : self->upto;

  extent->has_baseline = pm_baseline_has_value (baseline);
  extent->baseline_index = -1;
  if (extent->has_baseline)
    {
      extent->baseline = pm_baseline_get_value (baseline);
      extent->baseline_index = date_index (pm_baseline_get_date (baseline));
      if (extent->baseline_index >= 0 && extent->baseline_index < extent->first)
        extent->first = extent->baseline_index;
      lo = MIN (lo, extent->baseline);
      hi = MAX (hi, extent->baseline);
    }

  extent->target = pm_kpi_get_current_target (self->kpi);
  extent->target_index = -1;
  if (extent->target != NULL)
    {
      double value = pm_target_get_value (extent->target);

      extent->target_index = date_index (pm_target_get_date (extent->target));
      if (extent->target_index > extent->last && extent->target_index - self->upto <= MAX_TARGET_LEAD)
        extent->last = extent->target_index;
      lo = MIN (lo, value);
      hi = MAX (hi, value);
    }

  if (extent->last - extent->first < 3)
    extent->first = extent->last - 3;
  extent->target_dated = extent->target_index >= 0 && extent->target_index <= extent->last;
  if (!extent->target_dated)
    extent->target_index = extent->last;  /* undated or far off: at the right edge */
  extent->target_index = MAX (extent->target_index, extent->first);

  if (lo > hi)
    lo = hi = 0;
  /* Figures that are not negative read best from zero, unless they sit in
   * a narrow band far from it (a rate around 93%). */
  if (lo >= 0 && lo <= 0.6 * hi)
    lo = 0;
  extent->lo = lo;
  extent->hi = hi;
}

static void
draw_legend (cairo_t              *cr,
             const PmChartPalette *palette,
             double                size,
             double                x,
             double                y)
{
  static const PmRag order[] = { PM_RAG_GREEN, PM_RAG_AMBER, PM_RAG_RED, PM_RAG_GREY };

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      g_autoptr(PangoLayout) words = label_new (cr, size, pm_chart_rag_words (order[i]));
      double h = _pm_report_layout_height (words);

      pm_chart_draw_rag_mark (cr, palette, order[i], x + size * 0.4, y + h / 2, size * 0.4);
      show_label (cr, words, x + size, y, &palette->secondary);
      x += size * 2 + _pm_report_layout_width (words);
    }
}

/* What every section of the drawing shares: where the chart and its plot
 * are, the scales, and the sizes derived from the font's. */
typedef struct
{
  cairo_t              *cr;
  const PmChartPalette *palette;
  PmUnit                unit;
  double                size;      /* of the labels' font */
  double                gap;
  double                mark;      /* a value's mark, across its centre */
  double                label_h;
  double                x, y, width, height;
  double                plot[4];   /* x, y, width, height of the plotted area */
  PmChartTicks          ticks;
  PmChartScale          xs;        /* quarter index to x */
  PmChartScale          ys;        /* value to y */
} Frame;

#define X_OF(f, index) pm_chart_scale_map (&(f)->xs, (index))
#define Y_OF(f, value) pm_chart_scale_map (&(f)->ys, (value))

/* Measures the labels and leaves room for them around the plot: value
 * ticks as many as fit at twice a label's height apart, their widest
 * label on the left. */
static void
frame_lay_out (Frame        *f,
               const Extent *e,
               gboolean      show_legend)
{
  g_autoptr(PangoLayout) probe = label_new (f->cr, f->size, "Q0");
  double top, bottom, left = 0;
  guint max_ticks;

  f->label_h = _pm_report_layout_height (probe);
  top = f->label_h + f->gap;
  bottom = f->label_h + f->gap + (show_legend ? f->label_h + f->gap : 0);

  max_ticks = (guint) CLAMP ((f->height - top - bottom) / (f->label_h * 2.2), 2, 6);
  pm_chart_ticks_compute (&f->ticks, e->lo, e->hi, max_ticks);

  for (guint i = 0; i < f->ticks.n_ticks; i++)
    {
      g_autofree char *text = pm_chart_tick_label (f->unit, pm_chart_ticks_get (&f->ticks, i), f->ticks.step);
      g_autoptr(PangoLayout) layout = label_new (f->cr, f->size, text);

      left = MAX (left, _pm_report_layout_width (layout));
    }

  f->plot[0] = f->x + left + f->gap;
  f->plot[1] = f->y + top;
  f->plot[2] = f->x + f->width - f->plot[0] - f->size * 1.5;
  f->plot[3] = f->y + f->height - bottom - f->plot[1];
}

/* What the values are, above the axis; a baseline that is still a state
 * gets a note instead of a line. */
static void
draw_heading (const Frame  *f,
              const Extent *e,
              PmBaseline   *baseline)
{
  g_autoptr(PangoLayout) title = label_new (f->cr, f->size, pm_chart_unit_title (f->unit));

  show_label (f->cr, title, f->x, f->y, &f->palette->secondary);
  if (!e->has_baseline)
    {
      g_autofree char *state = pm_baseline_format (baseline, f->unit);
      g_autofree char *text = g_strdup_printf (_("Baseline: %s, so no reference line"), state);
      g_autoptr(PangoLayout) note = label_new (f->cr, f->size, text);

      show_label (f->cr, note, f->plot[0] + f->gap, f->plot[1] + 1, &f->palette->secondary);
    }
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
      g_autoptr(PangoLayout) layout = label_new (cr, f->size, text);
      double ty = round (Y_OF (f, value)) + 0.5;

      pm_chart_set_source (cr, &f->palette->grid, 1);
      cairo_move_to (cr, f->plot[0], ty);
      cairo_line_to (cr, f->plot[0] + f->plot[2], ty);
      cairo_stroke (cr);
      show_label (cr, layout, f->plot[0] - f->gap - _pm_report_layout_width (layout), ty - f->label_h / 2,
                  &f->palette->secondary);
    }
}

/* A tick for each quarter along the bottom, and its label where labels
 * fit without touching. */
static void
draw_quarter_axis (const Frame  *f,
                   const Extent *e)
{
  cairo_t *cr = f->cr;
  guint n_quarters = (guint) (e->last - e->first + 1);
  double bottom = f->plot[1] + f->plot[3];
  g_autofree double *centres = g_new (double, n_quarters);
  g_autofree double *widths = g_new (double, n_quarters);
  g_autofree gboolean *shown = g_new (gboolean, n_quarters);
  g_autoptr(GPtrArray) layouts = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n_quarters; i++)
    {
      g_autofree char *text = pm_chart_quarter_label (e->first + (int) i);
      PangoLayout *layout = label_new (cr, f->size, text);

      centres[i] = X_OF (f, e->first + (int) i);
      widths[i] = _pm_report_layout_width (layout);
      g_ptr_array_add (layouts, layout);
    }

  pm_chart_place_labels (centres, widths, n_quarters, f->gap, shown);
  pm_chart_set_source (cr, &f->palette->secondary, 1);
  for (guint i = 0; i < n_quarters; i++)
    {
      cairo_move_to (cr, centres[i], bottom);
      cairo_line_to (cr, centres[i], bottom + (shown[i] ? f->gap : f->gap / 2));
    }
  cairo_stroke (cr);
  for (guint i = 0; i < n_quarters; i++)
    if (shown[i])
      show_label (cr, g_ptr_array_index (layouts, i),
                  CLAMP (centres[i] - widths[i] / 2, f->x, f->x + f->width - widths[i]),
                  bottom + f->gap, &f->palette->secondary);
}

/* The trajectory from the baseline to the target, flat after it, and the
 * tint on its wrong side. */
static void
draw_trajectory (const Frame  *f,
                 const Extent *e,
                 PmDirection   direction)
{
  static const double dash[] = { 4.0, 3.0 };
  cairo_t *cr = f->cr;
  double bx = X_OF (f, e->baseline_index >= 0 ? MAX (e->baseline_index, e->first) : e->first);
  double by = Y_OF (f, e->baseline);
  double tx = X_OF (f, e->target_index);
  double ty = Y_OF (f, pm_target_get_value (e->target));
  double right = f->plot[0] + f->plot[2];

  if (direction != PM_DIRECTION_MAINTAIN)
    {
      double edge = direction == PM_DIRECTION_INCREASE ? f->plot[1] + f->plot[3] : f->plot[1];

      cairo_move_to (cr, bx, by);
      cairo_line_to (cr, tx, ty);
      cairo_line_to (cr, right, ty);
      cairo_line_to (cr, right, edge);
      cairo_line_to (cr, bx, edge);
      cairo_close_path (cr);
      pm_chart_set_source (cr, &f->palette->wrong_side, 0.08);
      cairo_fill (cr);
    }

  cairo_save (cr);
  cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
  cairo_scale (cr, 1, 1);
  cairo_set_line_width (cr, MAX (0.75, f->size / 8));
  pm_chart_set_source (cr, &f->palette->target, 1);
  cairo_move_to (cr, bx, by);
  cairo_line_to (cr, tx, ty);
  cairo_line_to (cr, right, ty);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* The baseline as a level across the plot, labelled with its date. */
static void
draw_baseline (const Frame  *f,
               const Extent *e,
               PmBaseline   *baseline)
{
  cairo_t *cr = f->cr;
  double level = Y_OF (f, e->baseline);
  g_autofree char *value = pm_unit_format_value (f->unit, e->baseline);
  g_autofree char *date = pm_date_format (pm_baseline_get_date (baseline));
  g_autofree char *text = date != NULL ? g_strdup_printf (_("Baseline %s (%s)"), value, date)
                                       : g_strdup_printf (_("Baseline %s"), value);
  g_autoptr(PangoLayout) layout = label_new (cr, f->size, text);

  pm_chart_set_source (cr, &f->palette->baseline, 1);
  cairo_set_line_width (cr, MAX (0.75, f->size / 8));
  cairo_move_to (cr, f->plot[0], level);
  cairo_line_to (cr, f->plot[0] + f->plot[2], level);
  cairo_stroke (cr);
  show_label (cr, layout, f->plot[0] + f->gap,
              level - f->label_h - 1 < f->plot[1] ? level + 1 : level - f->label_h - 1,
              &f->palette->baseline);
}

/* The target as a diamond at its date; its words go in the heading,
 * after a smaller diamond, where they cannot cover a value. */
static void
draw_target (PmTrendPlot  *self,
             const Frame  *f,
             const Extent *e)
{
  cairo_t *cr = f->cr;
  double tx = X_OF (f, e->target_index);
  double ty = Y_OF (f, pm_target_get_value (e->target));
  double r = f->mark * 1.5;
  g_autofree char *text = target_text (self->kpi, e->target);
  g_autoptr(PangoLayout) layout = label_new (cr, f->size, text);
  double w = _pm_report_layout_width (layout);
  double hx = f->plot[0] + f->plot[2] - w;
  double hy = f->y + _pm_report_layout_height (layout) / 2;

  cairo_move_to (cr, tx, ty - r);
  cairo_line_to (cr, tx + r, ty);
  cairo_line_to (cr, tx, ty + r);
  cairo_line_to (cr, tx - r, ty);
  cairo_close_path (cr);
  pm_chart_set_source (cr, &f->palette->target, 1);
  cairo_fill_preserve (cr);
  cairo_set_line_width (cr, MAX (0.5, f->size / 12));
  pm_chart_set_source (cr, &f->palette->text, 0.8);
  cairo_stroke (cr);

  show_label (cr, layout, hx, f->y, &f->palette->target);
  cairo_move_to (cr, hx - 2 * r - 1, hy);
  cairo_line_to (cr, hx - r - 1, hy - r);
  cairo_line_to (cr, hx - 1, hy);
  cairo_line_to (cr, hx - r - 1, hy + r);
  cairo_close_path (cr);
  pm_chart_set_source (cr, &f->palette->target, 1);
  cairo_fill (cr);
}

/* The values, joined, each marked by its status, the focused one ringed;
 * the points keep where they were drawn, for hovering and the keyboard. */
static void
draw_values (PmTrendPlot *self,
             const Frame *f,
             int          focus)
{
  cairo_t *cr = f->cr;

  pm_chart_set_source (cr, &f->palette->line, 1);
  cairo_set_line_width (cr, MAX (1.0, f->size / 5));
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint i = 0; i < self->points->len; i++)
    {
      Point *point = &g_array_index (self->points, Point, i);

      point->x = X_OF (f, point->index);
      point->y = Y_OF (f, point->value);
      if (i == 0)
        cairo_move_to (cr, point->x, point->y);
      else
        cairo_line_to (cr, point->x, point->y);
    }
  cairo_stroke (cr);

  for (guint i = 0; i < self->points->len; i++)
    {
      const Point *point = get_point (self, i);

      pm_chart_draw_rag_mark (cr, f->palette, point->rag, point->x, point->y, f->mark);
      if ((int) i == focus)
        {
          cairo_new_path (cr);
          cairo_arc (cr, point->x, point->y, f->mark * 2.2, 0, 2 * G_PI);
          cairo_set_line_width (cr, 2);
          pm_chart_set_source (cr, &f->palette->focus, 1);
          cairo_stroke (cr);
        }
    }
}

/* The latest value's figure beside its mark, or a word where there is
 * none yet. */
static void
draw_latest (PmTrendPlot *self,
             const Frame *f)
{
  if (self->points->len > 0)
    {
      const Point *point = get_point (self, self->points->len - 1);
      g_autofree char *text = pm_unit_format_value (f->unit, point->value);
      g_autoptr(PangoLayout) layout = label_new (f->cr, f->size, text);

      place_label (f->cr, layout, point->x, point->y, f->mark + 2, f->plot, &f->palette->text);
    }
  else
    {
      g_autoptr(PangoLayout) layout = label_new (f->cr, f->size * 1.2, _("No values reported yet"));

      show_label (f->cr, layout, f->plot[0] + (f->plot[2] - _pm_report_layout_width (layout)) / 2,
                  f->plot[1] + (f->plot[3] - _pm_report_layout_height (layout)) / 2, &f->palette->secondary);
    }
}

#undef X_OF
#undef Y_OF

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
  PmBaseline *baseline;
  Extent e;
  Frame f = { 0, };

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (palette != NULL);

  self->drawn = FALSE;
  baseline = pm_kpi_get_baseline (self->kpi);
  f.cr = cr;
  f.palette = palette;
  f.unit = pm_kpi_get_unit (self->kpi);
  f.size = self->font_size;
  f.gap = f.size * 0.5;
  f.mark = MAX (f.size * 0.38, 1.8);
  f.x = x;
  f.y = y;
  f.width = width;
  f.height = height;

  compute_extent (self, &e);
  frame_lay_out (&f, &e, self->show_legend);

  cairo_save (cr);
  cairo_rectangle (cr, x, y, width, height);
  cairo_clip (cr);

  if (f.plot[2] < 10 || f.plot[3] < 10)
    {
      cairo_restore (cr);
      return;
    }

  pm_chart_scale_init (&f.xs, e.first, e.last, f.plot[0], f.plot[0] + f.plot[2]);
  pm_chart_scale_init (&f.ys, pm_chart_ticks_get_lo (&f.ticks), pm_chart_ticks_get_hi (&f.ticks),
                       f.plot[1] + f.plot[3], f.plot[1]);

  draw_heading (&f, &e, baseline);
  draw_value_axis (&f);
  draw_quarter_axis (&f, &e);
  if (e.has_baseline && e.target != NULL)
    draw_trajectory (&f, &e, pm_kpi_get_direction (self->kpi));
  if (e.has_baseline)
    draw_baseline (&f, &e, baseline);
  if (e.target != NULL)
    draw_target (self, &f, &e);
  draw_values (self, &f, focus);
  draw_latest (self, &f);
  if (self->show_legend)
    draw_legend (cr, palette, f.size, f.plot[0], y + height - f.label_h);

  self->drawn = TRUE;
  cairo_restore (cr);
}

gboolean
pm_trend_chart_has_data (PmKpi    *kpi,
                         PmPeriod *upto)
{
  g_return_val_if_fail (PM_IS_KPI (kpi), FALSE);
  g_return_val_if_fail (PM_IS_PERIOD (upto), FALSE);

  return pm_kpi_get_latest_entry (kpi, upto) != NULL;
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
