/* pm-trend-chart.c: a small trend chart of one KPI
 *
 * Quarters run along the bottom, one step each; values up the side. The
 * scale is plain arithmetic on period indexes, so the chart has no state
 * and can be drawn on a PDF page and in the print preview alike.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "pm-trend-chart.h"
#include "pm-report-private.h"

#include "model/pm-date.h"

#define LABEL_FONT "Cantarell, DejaVu Sans 6"
#define MAX_TARGET_LEAD 8  /* quarters past the period a target may stretch the chart */

typedef struct
{
  int    index;  /* period index */
  double value;
} Point;

gboolean
pm_trend_chart_has_data (PmKpi    *kpi,
                         PmPeriod *upto)
{
  g_return_val_if_fail (PM_IS_KPI (kpi), FALSE);
  g_return_val_if_fail (PM_IS_PERIOD (upto), FALSE);

  return pm_kpi_get_latest_entry (kpi, upto) != NULL;
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
           const char *text)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *description = pango_font_description_from_string (LABEL_FONT);

  _pm_report_context_setup (pango_layout_get_context (layout));
  pango_layout_context_changed (layout);
  pango_layout_set_font_description (layout, description);
  pango_layout_set_text (layout, text, -1);
  pango_font_description_free (description);

  return layout;
}

static void
show_label (cairo_t              *cr,
            PangoLayout          *layout,
            double                x,
            double                y,
            const PmReportColour *colour)
{
  cairo_set_source_rgb (cr, colour->red, colour->green, colour->blue);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  cairo_new_path (cr);
}

static double
label_width (PangoLayout *layout)
{
  return _pm_report_layout_width (layout);
}

/* Writes @layout beside the mark at (@x, @y): above and to the right when
 * there is room inside the plot, else to the left or below. */
static void
place_label (cairo_t     *cr,
             PangoLayout *layout,
             double       x,
             double       y,
             double       plot_x,
             double       plot_y,
             double       plot_w,
             double       plot_h)
{
  double w = label_width (layout);
  double h = _pm_report_layout_height (layout);
  double lx = x + 5;
  double ly = y - h - 1;

  if (lx + w > plot_x + plot_w)
    lx = x - 5 - w;
  if (ly < plot_y - h / 2)
    ly = y + 3;

  cairo_save (cr);
  show_label (cr, layout, MAX (lx, plot_x + 2), MIN (ly, plot_y + plot_h - h), &pm_report_black);
  cairo_restore (cr);
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
  PmUnit unit;
  PmBaseline *baseline;
  PmTarget *target;
  GListModel *entries;
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (Point));
  g_autoptr(PangoLayout) top_label = NULL;
  g_autoptr(PangoLayout) bottom_label = NULL;
  g_autoptr(PangoLayout) first_label = NULL;
  g_autoptr(PangoLayout) last_label = NULL;
  g_autofree char *top_text = NULL;
  g_autofree char *bottom_text = NULL;
  g_autofree char *first_text = NULL;
  g_autofree char *last_text = NULL;
  g_autoptr(PmPeriod) first_period = NULL;
  int upto_index, first, last, target_index = -1, baseline_index = -1;
  gboolean target_dated = FALSE;
  double lo = G_MAXDOUBLE, hi = -G_MAXDOUBLE;
  double plot_x, plot_y, plot_w, plot_h, label_h;
  gboolean has_baseline, has_target;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (PM_IS_KPI (kpi));
  g_return_if_fail (PM_IS_PERIOD (upto));

  unit = pm_kpi_get_unit (kpi);
  baseline = pm_kpi_get_baseline (kpi);
  target = pm_kpi_get_current_target (kpi);
  entries = pm_kpi_get_entries (kpi);
  upto_index = pm_period_get_index (upto);

  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(PmProgressEntry) entry = g_list_model_get_item (entries, i);
      Point point;

      point.index = pm_period_get_index (pm_progress_entry_get_period (entry));
      if (point.index > upto_index || !pm_progress_entry_has_value (entry))
        continue;

      point.value = pm_progress_entry_get_value (entry);
      g_array_append_val (points, point);
      lo = MIN (lo, point.value);
      hi = MAX (hi, point.value);
    }

  /* Quarters shown: from the baseline (or the first value) to the period,
   * at least a year, stretched to a target date that is not too far off. */
  last = upto_index;
  first = points->len > 0 ? g_array_index (points, Point, 0).index : upto_index;

  has_baseline = pm_baseline_has_value (baseline);
  if (has_baseline)
    {
      baseline_index = date_index (pm_baseline_get_date (baseline));
      if (baseline_index >= 0 && baseline_index < first)
        first = baseline_index;
      lo = MIN (lo, pm_baseline_get_value (baseline));
      hi = MAX (hi, pm_baseline_get_value (baseline));
    }

  has_target = target != NULL;
  if (has_target)
    {
      target_index = date_index (pm_target_get_date (target));
      if (target_index > last && target_index - upto_index <= MAX_TARGET_LEAD)
        last = target_index;
      lo = MIN (lo, pm_target_get_value (target));
      hi = MAX (hi, pm_target_get_value (target));
    }

  if (last - first < 3)
    first = last - 3;
  target_dated = target_index >= 0 && target_index <= last;
  if (!target_dated)
    target_index = last;  /* undated or far off: mark it at the right edge */
  target_index = MAX (target_index, first);

  if (lo > hi)
    lo = hi = 0;
  /* Figures that are not negative read best from zero, unless they sit in
   * a narrow band far from it (a rate around 93%). */
  if (lo >= 0 && (lo <= 0.6 * hi || hi - lo < 1e-9))
    lo = 0;
  if (hi - lo < 1e-9)
    hi = lo + 1;
  hi += (hi - lo) * 0.1;
  if (unit == PM_UNIT_PERCENTAGE && hi > 100)
    hi = MAX (100, lo + 1);

  /* Labels first: they decide how much room the plot has. */
  top_text = pm_unit_format_value (unit, unit == PM_UNIT_COUNT ? ceil (hi) : hi);
  bottom_text = pm_unit_format_value (unit, lo);
  first_period = pm_period_new_from_index (first);
  first_text = pm_period_get_short_label (first_period);
  {
    g_autoptr(PmPeriod) last_period = pm_period_new_from_index (last);
    last_text = pm_period_get_short_label (last_period);
  }

  top_label = label_new (cr, top_text);
  bottom_label = label_new (cr, bottom_text);
  first_label = label_new (cr, first_text);
  last_label = label_new (cr, last_text);
  label_h = _pm_report_layout_height (first_label);

  if (unit == PM_UNIT_COUNT)
    hi = ceil (hi);

  cairo_save (cr);
  cairo_rectangle (cr, x, y, width, height);
  cairo_clip (cr);

  plot_x = x + MAX (label_width (top_label), label_width (bottom_label)) + 4;
  plot_y = y + label_h / 2 + 1;
  plot_w = x + width - plot_x - label_width (last_label) / 2 - 1;
  plot_h = y + height - label_h - 3 - plot_y;

  if (plot_w < 10 || plot_h < 10)
    {
      cairo_restore (cr);
      return;
    }

#define X_OF(index) (plot_x + plot_w * ((index) - first) / (double) (last - first))
#define Y_OF(value) (plot_y + plot_h * (1.0 - ((value) - lo) / (hi - lo)))

  /* Frame and axis labels. */
  cairo_set_line_width (cr, 0.5);
  cairo_set_source_rgb (cr, pm_report_rule.red, pm_report_rule.green, pm_report_rule.blue);
  cairo_move_to (cr, plot_x, plot_y);
  cairo_line_to (cr, plot_x, plot_y + plot_h);
  cairo_line_to (cr, plot_x + plot_w, plot_y + plot_h);
  cairo_stroke (cr);

  for (int i = first; i <= last; i++)
    {
      cairo_move_to (cr, X_OF (i), plot_y + plot_h);
      cairo_line_to (cr, X_OF (i), plot_y + plot_h + 2);
    }
  cairo_stroke (cr);

  show_label (cr, top_label, plot_x - 3 - label_width (top_label), plot_y - label_h / 2,
              &pm_report_secondary);
  show_label (cr, bottom_label, plot_x - 3 - label_width (bottom_label),
              plot_y + plot_h - label_h / 2, &pm_report_secondary);
  show_label (cr, first_label, MAX (x, plot_x - label_width (first_label) / 2),
              plot_y + plot_h + 3, &pm_report_secondary);
  show_label (cr, last_label, plot_x + plot_w - label_width (last_label) / 2,
              plot_y + plot_h + 3, &pm_report_secondary);

  /* The baseline as a dashed level. */
  if (has_baseline)
    {
      static const double dash[] = { 2.0, 2.0 };
      double level = Y_OF (pm_baseline_get_value (baseline));

      cairo_save (cr);
      cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
      cairo_set_line_width (cr, 0.75);
      cairo_set_source_rgb (cr, pm_report_secondary.red, pm_report_secondary.green,
                            pm_report_secondary.blue);
      cairo_move_to (cr, plot_x, level);
      cairo_line_to (cr, plot_x + plot_w, level);
      cairo_stroke (cr);
      cairo_restore (cr);
    }

  /* The profiled target the RAG status is judged against: a straight line
   * from the baseline to the target, when both have a date. */
  if (has_baseline && has_target && baseline_index >= 0 && target_dated)
    {
      static const double dots[] = { 0.5, 2.0 };

      cairo_save (cr);
      cairo_set_dash (cr, dots, G_N_ELEMENTS (dots), 0);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_set_line_width (cr, 1.0);
      cairo_set_source_rgb (cr, 0.90, 0.65, 0.04);  /* #e5a50a */
      cairo_move_to (cr, X_OF (MAX (baseline_index, first)), Y_OF (pm_baseline_get_value (baseline)));
      cairo_line_to (cr, X_OF (target_index), Y_OF (pm_target_get_value (target)));
      cairo_stroke (cr);
      cairo_restore (cr);
    }

  /* The target as a diamond at its date, with its value. */
  if (has_target)
    {
      double tx = X_OF (target_index);
      double ty = Y_OF (pm_target_get_value (target));
      double r = 3.5;
      g_autofree char *value_text = pm_unit_format_value (unit, pm_target_get_value (target));
      g_autofree char *text = g_strdup_printf (_("Target %s"), value_text);
      g_autoptr(PangoLayout) label = label_new (cr, text);

      place_label (cr, label, tx, ty, plot_x, plot_y, plot_w, plot_h);

      cairo_move_to (cr, tx, ty - r);
      cairo_line_to (cr, tx + r, ty);
      cairo_line_to (cr, tx, ty + r);
      cairo_line_to (cr, tx - r, ty);
      cairo_close_path (cr);
      cairo_set_source_rgb (cr, 0.90, 0.65, 0.04);  /* #e5a50a */
      cairo_fill_preserve (cr);
      cairo_set_line_width (cr, 0.75);
      cairo_set_source_rgb (cr, 0, 0, 0);
      cairo_stroke (cr);
    }

  /* The values, joined. */
  cairo_set_source_rgb (cr, pm_report_accent.red, pm_report_accent.green, pm_report_accent.blue);
  cairo_set_line_width (cr, 1.25);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint i = 0; i < points->len; i++)
    {
      const Point *point = &g_array_index (points, Point, i);

      if (i == 0)
        cairo_move_to (cr, X_OF (point->index), Y_OF (point->value));
      else
        cairo_line_to (cr, X_OF (point->index), Y_OF (point->value));
    }
  cairo_stroke (cr);

  for (guint i = 0; i < points->len; i++)
    {
      const Point *point = &g_array_index (points, Point, i);

      cairo_new_sub_path (cr);
      cairo_arc (cr, X_OF (point->index), Y_OF (point->value), 2.0, 0, 2 * G_PI);
    }
  cairo_fill (cr);

  /* The latest value, written out. */
  if (points->len > 0)
    {
      const Point *point = &g_array_index (points, Point, points->len - 1);
      g_autofree char *text = pm_unit_format_value (unit, point->value);
      g_autoptr(PangoLayout) label = label_new (cr, text);

      place_label (cr, label, X_OF (point->index), Y_OF (point->value), plot_x, plot_y, plot_w, plot_h);
    }

#undef X_OF
#undef Y_OF

  cairo_restore (cr);
}
