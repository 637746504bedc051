/* pm-comparison-chart.c: the districts side by side on one measure
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "pm-chart-geometry.h"
#include "pm-comparison-chart.h"
#include "pm-report-private.h"

#include "model/pm-district.h"
#include "model/pm-pilot.h"

typedef struct
{
  char    *label;
  gboolean has_value;
  double   value;
  gboolean has_target;
  double   target;
  guint    judged;  /* on-track measure: KPIs judged, and on track */
  guint    green;
} Bar;

struct _PmComparison
{
  PmComparisonMeasure measure;
  char               *period_label;
  GArray             *bars;
  double              font_size;
  PmChartLayout      *layout;
};

const char *
pm_comparison_measure_title (PmComparisonMeasure measure)
{
  switch (measure)
    {
    case PM_COMPARISON_REACH:
      return _("Reach against the reach target");
    case PM_COMPARISON_SPEND:
      return _("Spent against the budget");
    case PM_COMPARISON_ON_TRACK:
    default:
      return _("KPIs on track");
    }
}

static void
bar_clear (gpointer data)
{
  Bar *bar = data;

  g_clear_pointer (&bar->label, g_free);
}

static int
compare_bars (gconstpointer a,
              gconstpointer b)
{
  const Bar *x = a, *y = b;

  if (x->has_value != y->has_value)
    return x->has_value ? -1 : 1;
  if (x->has_value && x->value != y->value)
    return x->value > y->value ? -1 : 1;
  return g_utf8_collate (x->label, y->label);
}

static void
measure_district (PmDistrict          *district,
                  PmComparisonMeasure  measure,
                  PmPeriod            *period,
                  Bar                 *bar)
{
  GListModel *pilots = pm_district_get_pilots (district);
  guint n = g_list_model_get_n_items (pilots);

  if (measure == PM_COMPARISON_ON_TRACK)
    {
      guint counts[PM_N_RAG] = { 0, };

      pm_district_count_rag (district, period, counts);
      bar->green = counts[PM_RAG_GREEN];
      bar->judged = counts[PM_RAG_GREEN] + counts[PM_RAG_AMBER] + counts[PM_RAG_RED];
      bar->has_value = bar->judged > 0;
      bar->value = bar->has_value ? 100.0 * bar->green / bar->judged : 0;
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PmPilot) pilot = g_list_model_get_item (pilots, i);

      if (measure == PM_COMPARISON_REACH)
        {
          int reached = pm_pilot_get_reach_at (pilot, period);
          int target = pm_pilot_get_reach_target (pilot);

          if (reached >= 0)
            {
              bar->has_value = TRUE;
              bar->value += reached;
            }
          if (target > 0)
            {
              bar->has_target = TRUE;
              bar->target += target;
            }
        }
      else
        {
          gint64 spent = pm_pilot_get_spend_at (pilot, period, PM_SPEND_SPENT);
          gint64 budget = pm_pilot_get_budget_pence (pilot);

          if (spent > 0)
            {
              bar->has_value = TRUE;
              bar->value += (double) spent;
            }
          if (budget > 0)
            {
              bar->has_target = TRUE;
              bar->target += (double) budget;
            }
        }
    }
}

PmComparison *
pm_comparison_new (PmProgramme         *programme,
                   PmComparisonMeasure  measure,
                   PmPeriod            *period)
{
  PmComparison *self;
  GListModel *districts;

  g_return_val_if_fail (PM_IS_PROGRAMME (programme), NULL);
  g_return_val_if_fail (PM_IS_PERIOD (period), NULL);
  g_return_val_if_fail (measure < PM_N_COMPARISONS, NULL);

  self = g_new0 (PmComparison, 1);
  self->measure = measure;
  self->period_label = pm_period_get_label (period);
  self->font_size = 7;
  self->bars = g_array_new (FALSE, TRUE, sizeof (Bar));
  g_array_set_clear_func (self->bars, bar_clear);
  self->layout = pm_chart_layout_new ();

  districts = pm_programme_get_districts (programme);
  for (guint i = 0; i < g_list_model_get_n_items (districts); i++)
    {
      g_autoptr(PmDistrict) district = g_list_model_get_item (districts, i);
      Bar bar = { 0, };

      bar.label = g_strdup (pm_district_get_name (district));
      measure_district (district, measure, period, &bar);
      g_array_append_val (self->bars, bar);
    }

  g_array_sort (self->bars, compare_bars);

  return self;
}

void
pm_comparison_free (PmComparison *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->bars, g_array_unref);
  g_clear_pointer (&self->period_label, g_free);
  g_clear_pointer (&self->layout, pm_chart_layout_free);
  g_free (self);
}

void
pm_comparison_set_font_size (PmComparison *self,
                             double        size)
{
  g_return_if_fail (self != NULL && size > 0);

  self->font_size = size;
}

static const Bar *
get_bar (PmComparison *self,
         guint         i)
{
  return &g_array_index (self->bars, Bar, i);
}

guint
pm_comparison_get_n_bars (PmComparison *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->bars->len;
}

const char *
pm_comparison_get_label (PmComparison *self,
                         guint         i)
{
  g_return_val_if_fail (self != NULL && i < self->bars->len, NULL);

  return get_bar (self, i)->label;
}

gboolean
pm_comparison_has_value (PmComparison *self,
                         guint         i)
{
  g_return_val_if_fail (self != NULL && i < self->bars->len, FALSE);

  return get_bar (self, i)->has_value;
}

double
pm_comparison_get_value (PmComparison *self,
                         guint         i)
{
  g_return_val_if_fail (self != NULL && i < self->bars->len, NAN);

  return get_bar (self, i)->value;
}

gboolean
pm_comparison_has_target (PmComparison *self,
                          guint         i)
{
  g_return_val_if_fail (self != NULL && i < self->bars->len, FALSE);

  return get_bar (self, i)->has_target;
}

double
pm_comparison_get_target (PmComparison *self,
                          guint         i)
{
  g_return_val_if_fail (self != NULL && i < self->bars->len, NAN);

  return get_bar (self, i)->target;
}

static PmUnit
measure_unit (PmComparisonMeasure measure)
{
  switch (measure)
    {
    case PM_COMPARISON_SPEND:
      return PM_UNIT_MONEY;
    case PM_COMPARISON_ON_TRACK:
      return PM_UNIT_PERCENTAGE;
    case PM_COMPARISON_REACH:
    default:
      return PM_UNIT_COUNT;
    }
}

char *
pm_comparison_describe_bar (PmComparison *self,
                            guint         i)
{
  const Bar *bar;
  PmUnit unit;
  g_autofree char *value = NULL;
  g_autofree char *target = NULL;

  g_return_val_if_fail (self != NULL && i < self->bars->len, NULL);

  bar = get_bar (self, i);
  unit = measure_unit (self->measure);

  if (self->measure == PM_COMPARISON_ON_TRACK)
    {
      if (!bar->has_value)
        return g_strdup (_("no KPI judged yet"));
      /* Translators: "5 of 8 KPIs on track (63%)" */
      return g_strdup_printf (_("%u of %u KPIs on track (%.0f%%)"), bar->green, bar->judged, bar->value);
    }

  value = bar->has_value ? pm_unit_format_value (unit, bar->value) : g_strdup (_("none reported"));
  if (!bar->has_target)
    return g_steal_pointer (&value);

  target = pm_unit_format_value (unit, bar->target);
  if (!bar->has_value)
    /* Translators: "none reported (target 150)" */
    return g_strdup_printf (_("%s (target %s)"), value, target);

  /* Translators: "120 of 150 (80%)" */
  return g_strdup_printf (_("%s of %s (%.0f%%)"), value, target, 100 * bar->value / bar->target);
}

char *
pm_comparison_describe (PmComparison *self)
{
  GString *text;

  g_return_val_if_fail (self != NULL, NULL);

  text = g_string_new (NULL);
  g_string_append_printf (text, "%s, %s: ", pm_comparison_measure_title (self->measure),
                          self->period_label);
  for (guint i = 0; i < self->bars->len; i++)
    {
      g_autofree char *words = pm_comparison_describe_bar (self, i);

      g_string_append_printf (text, "%s%s %s", i > 0 ? "; " : "", get_bar (self, i)->label, words);
    }
  g_string_append_c (text, '.');

  return g_string_free (text, FALSE);
}

static PangoLayout *
label_new (cairo_t    *cr,
           double      size,
           gboolean    bold,
           const char *text)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *description = pango_font_description_from_string ("Cantarell, DejaVu Sans");

  pango_font_description_set_absolute_size (description, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (description, PANGO_WEIGHT_BOLD);
  _pm_report_context_setup (pango_layout_get_context (layout));
  pango_layout_context_changed (layout);
  pango_layout_set_font_description (layout, description);
  pango_layout_set_text (layout, text, -1);
  pango_font_description_free (description);

  return layout;
}

static void
show (cairo_t             *cr,
      PangoLayout         *layout,
      double               x,
      double               y,
      const PmChartColour *colour)
{
  pm_chart_set_source (cr, colour, 1);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  cairo_new_path (cr);
}

/* Writes @layout at (@x, @y) when it touches nothing drawn so far, and
 * records it; FALSE when it was left out. */
static gboolean
place (PmComparison        *self,
       cairo_t             *cr,
       PangoLayout         *layout,
       double               x,
       double               y,
       const PmChartColour *colour)
{
  PmChartBox box = { x, y, _pm_report_layout_width (layout), _pm_report_layout_height (layout),
                     PM_CHART_PART_OTHER, NULL };

  if (pm_chart_layout_place (self->layout, &box, 1, NULL, pango_layout_get_text (layout)) < 0)
    return FALSE;

  show (cr, layout, x, y, colour);
  return TRUE;
}

/* The widest name and description, and the largest value or target. */
static void
measure_columns (PmComparison *self,
                 cairo_t      *cr,
                 double        size,
                 double       *label_w,
                 double       *words_w,
                 double       *max_value)
{
  *label_w = *words_w = *max_value = 0;
  for (guint i = 0; i < self->bars->len; i++)
    {
      const Bar *bar = get_bar (self, i);
      g_autoptr(PangoLayout) name = label_new (cr, size, FALSE, bar->label);
      g_autofree char *text = pm_comparison_describe_bar (self, i);
      g_autoptr(PangoLayout) words = label_new (cr, size, FALSE, text);

      *label_w = MAX (*label_w, _pm_report_layout_width (name));
      *words_w = MAX (*words_w, _pm_report_layout_width (words));
      *max_value = MAX (*max_value, bar->has_value ? bar->value : 0);
      *max_value = MAX (*max_value, bar->has_target ? bar->target : 0);
    }

  if (self->measure == PM_COMPARISON_ON_TRACK)
    *max_value = 100;
}

/* As many ticks as fit across @plot_w with their labels apart: at most 5. */
static guint
axis_max_ticks (PmComparison *self,
                cairo_t      *cr,
                double        max_value,
                double        plot_w)
{
  PmChartTicks ticks;
  guint n = 5;

  /* The widest label is that of the largest tick; fewer ticks only make
   * it wider by rounding further out. */
  for (; n > 2; n--)
    {
      PmUnit unit = measure_unit (self->measure);
      g_autofree char *text = NULL;
      g_autoptr(PangoLayout) layout = NULL;

      pm_chart_ticks_compute_for_unit (&ticks, unit, 0, max_value, n);
      text = pm_chart_tick_label (unit, pm_chart_ticks_get_hi (&ticks), ticks.step);
      layout = label_new (cr, self->font_size * 0.9, FALSE, text);
      if ((_pm_report_layout_width (layout) + self->font_size) * (ticks.n_ticks - 1) <= plot_w)
        break;
    }

  return n;
}

/* The tick labels along the top at @top, each with a rule down through
 * every row. */
static void
draw_axis (PmComparison         *self,
           cairo_t              *cr,
           const PmChartPalette *palette,
           const PmChartTicks   *ticks,
           const PmChartScale   *xs,
           double                top,
           double                axis_h,
           double                row_h)
{
  PmUnit unit = measure_unit (self->measure);
  double size = self->font_size;
  double gap = size * 0.6;

  for (guint i = 0; i < ticks->n_ticks; i++)
    {
      double value = pm_chart_ticks_get (ticks, i);
      double tx = round (pm_chart_scale_map (xs, value)) + 0.5;
      g_autofree char *text = pm_chart_tick_label (unit, value, ticks->step);
      g_autoptr(PangoLayout) layout = label_new (cr, size * 0.9, FALSE, text);

      place (self, cr, layout, tx - _pm_report_layout_width (layout) / 2, top, &palette->secondary);
      pm_chart_set_source (cr, &palette->grid, 1);
      cairo_set_line_width (cr, MAX (0.5, size / 12));
      cairo_move_to (cr, tx, top + axis_h + gap / 2);
      cairo_line_to (cr, tx, top + axis_h + gap / 2 + row_h * self->bars->len);
      cairo_stroke (cr);
    }
}

/* The target: a bar-high rule with a diamond on top. Returns where the
 * diamond ends on the right. */
static double
draw_target (PmChartLayout        *record,
             cairo_t              *cr,
             const PmChartPalette *palette,
             double                tx,
             double                bar_y,
             double                bar_h,
             double                size)
{
  double r = bar_h * 0.28;

  pm_chart_set_source (cr, &palette->target, 1);
  cairo_set_line_width (cr, MAX (1.0, size / 6));
  cairo_move_to (cr, tx, bar_y - r);
  cairo_line_to (cr, tx, bar_y + bar_h + r / 2);
  cairo_stroke (cr);
  cairo_move_to (cr, tx, bar_y - 2 * r);
  cairo_line_to (cr, tx + r, bar_y - r);
  cairo_line_to (cr, tx, bar_y);
  cairo_line_to (cr, tx - r, bar_y - r);
  cairo_close_path (cr);
  cairo_fill (cr);
  pm_chart_layout_add_segment (record, PM_CHART_PART_TARGET, tx, bar_y - r, tx, bar_y + bar_h + r / 2);
  pm_chart_layout_add_mark (record, PM_CHART_PART_TARGET, tx - r, bar_y - 2 * r, 2 * r, 2 * r);

  return tx + r;
}

/* Bar @i in its row at @row_y: the name to the left of @plot_x, the bar,
 * the target, and the description after whichever ends later. */
static void
draw_bar (PmComparison         *self,
          cairo_t              *cr,
          const PmChartPalette *palette,
          const PmChartScale   *xs,
          guint                 i,
          double                plot_x,
          double                row_y,
          double                row_h,
          double                bar_h)
{
  const Bar *bar = get_bar (self, i);
  double size = self->font_size;
  double gap = size * 0.6;
  double bar_y = row_y + (row_h - bar_h) / 2;
  double end = plot_x;
  g_autoptr(PangoLayout) name = label_new (cr, size, FALSE, bar->label);
  g_autofree char *text = pm_comparison_describe_bar (self, i);
  g_autoptr(PangoLayout) words = label_new (cr, size, FALSE, text);
  double text_y = row_y + (row_h - _pm_report_layout_height (name)) / 2;
  gboolean met = bar->has_value && bar->has_target && bar->value >= bar->target;

  place (self, cr, name, plot_x - gap - _pm_report_layout_width (name), text_y, &palette->text);

  if (bar->has_value)
    {
      end = pm_chart_scale_map (xs, bar->value);
      cairo_rectangle (cr, plot_x, bar_y, MAX (end - plot_x, 1), bar_h);
      pm_chart_layout_add_mark (self->layout, PM_CHART_PART_BAR, plot_x, bar_y, MAX (end - plot_x, 1), bar_h);
      pm_chart_set_source (cr, met ? &palette->rag[PM_RAG_GREEN] : &palette->line, 0.85);
      cairo_fill (cr);
    }

  if (bar->has_target)
    {
      double target_end = draw_target (self->layout, cr, palette, pm_chart_scale_map (xs, bar->target),
                                       bar_y, bar_h, size);

      end = MAX (end, target_end);
    }

  place (self, cr, words, end + gap, text_y, bar->has_value ? &palette->text : &palette->secondary);
}

void
pm_comparison_draw (PmComparison         *self,
                    cairo_t              *cr,
                    const PmChartPalette *palette,
                    double                x,
                    double                y,
                    double                width,
                    double                height)
{
  PmChartTicks ticks;
  PmChartScale xs;
  g_autoptr(PangoLayout) title = NULL;
  g_autoptr(PangoLayout) probe = NULL;
  g_autofree char *title_text = NULL;
  double size, gap, label_w, words_w, max_value, top, row_h, bar_h, axis_h;
  double plot_x, plot_w;

  g_return_if_fail (self != NULL && cr != NULL && palette != NULL);

  size = self->font_size;
  gap = size * 0.6;
  pm_chart_layout_clear (self->layout);

  cairo_save (cr);
  cairo_rectangle (cr, x, y, width, height);
  cairo_clip (cr);

  title_text = g_strdup_printf ("%s, %s", pm_comparison_measure_title (self->measure), self->period_label);
  title = label_new (cr, size * 1.1, TRUE, title_text);
  /* In a narrow window the title wraps rather than run off the chart. */
  pango_layout_set_width (title, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (title, PANGO_WRAP_WORD_CHAR);
  place (self, cr, title, x, y, &palette->text);
  top = y + _pm_report_layout_height (title) + gap;

  measure_columns (self, cr, size, &label_w, &words_w, &max_value);
  plot_x = x + label_w + gap;
  plot_w = width - label_w - words_w - 3 * gap;
  pm_chart_ticks_compute_for_unit (&ticks, measure_unit (self->measure), 0, max_value,
                                   axis_max_ticks (self, cr, max_value, plot_w));

  /* The axis labels sit above the bars. */
  probe = label_new (cr, size, FALSE, "0");
  axis_h = _pm_report_layout_height (probe);
  row_h = self->bars->len > 0 ? (y + height - top - axis_h - gap) / self->bars->len : 0;
  row_h = MIN (row_h, size * 3.2);
  bar_h = row_h * 0.62;

  if (plot_w >= 20 && row_h >= size)
    {
      pm_chart_scale_init (&xs, 0, pm_chart_ticks_get_hi (&ticks), plot_x, plot_x + plot_w);
      draw_axis (self, cr, palette, &ticks, &xs, top, axis_h, row_h);
      top += axis_h + gap / 2;

      for (guint i = 0; i < self->bars->len; i++)
        draw_bar (self, cr, palette, &xs, i, plot_x, top + i * row_h, row_h, bar_h);
    }

  cairo_restore (cr);
}

PmChartLayout *
pm_comparison_get_layout (PmComparison *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->layout;
}
