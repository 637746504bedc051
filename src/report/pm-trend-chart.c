/* pm-trend-chart.c: what a KPI's trend shows, and its words
 *
 * The points with their status, gathered once, and the span of time and
 * values a drawing covers; pm-trend-chart-draw.c draws them.
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
#include "model/pm-pilot.h"
#include "model/pm-schedule.h"

#define MAX_TARGET_LEAD 8  /* quarters past the period a target may stretch the chart */

#define PRINT_FONT_SIZE 6.0

static void
point_clear (gpointer data)
{
  PmTrendPoint *point = data;

  g_clear_pointer (&point->note, g_free);
}

/* The index of the last period of @frequency that has ended by the end
 * of @upto: a yearly KPI charted at Q3 2021/22 runs to 2020/21. */
static int
own_period_index (PmFrequency  frequency,
                  PmPeriod    *upto)
{
  g_autoptr(PmPeriod) own = NULL;
  GDate end, own_end;

  if (pm_period_get_frequency (upto) == frequency)
    return pm_period_get_index (upto);

  /* By the end date alone, as pm_kpi_get_entry_at(): a calendar year
   * is over at the third quarter it ends with. */
  pm_period_get_end_date (upto, &end);
  own = pm_period_new_for_date_full (&end, frequency);
  pm_period_get_end_date (own, &own_end);
  if (g_date_compare (&own_end, &end) > 0)
    return pm_period_get_index (own) - 1;
  return pm_period_get_index (own);
}

PmTrendPlot *
pm_trend_plot_new (PmKpi    *kpi,
                   PmPeriod *upto)
{
  g_autoptr(GPtrArray) shown = NULL;
  g_autofree PmRag *rags = NULL;
  PmTrendPlot *self;
  GListModel *entries;

  g_return_val_if_fail (PM_IS_KPI (kpi), NULL);
  g_return_val_if_fail (PM_IS_PERIOD (upto), NULL);

  self = g_new0 (PmTrendPlot, 1);
  self->kpi = g_object_ref (kpi);
  self->frequency = pm_kpi_get_frequency (kpi);
  self->upto = own_period_index (self->frequency, upto);
  self->points = g_array_new (FALSE, TRUE, sizeof (PmTrendPoint));
  g_array_set_clear_func (self->points, point_clear);
  self->font_size = PRINT_FONT_SIZE;
  self->layout = pm_chart_layout_new ();

  /* The values shown, then their statuses rated together: one reading
   * of the KPI's schedule, not an assessment each. */
  entries = pm_kpi_get_entries (kpi);
  shown = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(PmProgressEntry) entry = g_list_model_get_item (entries, i);

      if (pm_period_get_index (pm_progress_entry_get_period (entry)) <= self->upto &&
          pm_progress_entry_has_value (entry))
        g_ptr_array_add (shown, g_steal_pointer (&entry));
    }
  rags = g_new (PmRag, MAX (shown->len, 1));
  pm_assessment_rate_entries (kpi, (PmProgressEntry **) shown->pdata, shown->len, rags);

  for (guint i = 0; i < shown->len; i++)
    {
      PmProgressEntry *entry = shown->pdata[i];
      PmTrendPoint point = { 0, };

      point.index = pm_period_get_index (pm_progress_entry_get_period (entry));
      point.value = pm_progress_entry_get_value (entry);
      point.note = g_strdup (pm_progress_entry_get_note (entry));
      point.rag = rags[i];
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
  g_clear_pointer (&self->layout, pm_chart_layout_free);
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

static const PmTrendPoint *
get_point (PmTrendPlot *self,
           guint        i)
{
  return &g_array_index (self->points, PmTrendPoint, i);
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

PmChartLayout *
pm_trend_plot_get_layout (PmTrendPlot *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->layout;
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
  const PmTrendPoint *point;
  g_autofree char *period = NULL;
  g_autofree char *value = NULL;

  g_return_val_if_fail (self != NULL && i < self->points->len, NULL);

  point = get_point (self, i);
  period = pm_chart_period_label (self->frequency, point->index);
  value = pm_unit_format_value (pm_kpi_get_unit (self->kpi), point->value);

  if (point->note != NULL && point->note[0] != '\0')
    /* Translators: period, value, status words, then the lead's note */
    return g_strdup_printf (_("%s: %s (%s). %s"), period, value,
                            pm_chart_rag_words (point->rag), point->note);

  /* Translators: period, value and status words */
  return g_strdup_printf (_("%s: %s (%s)"), period, value, pm_chart_rag_words (point->rag));
}

static char *
milestone_text (PmKpi    *kpi,
                PmTarget *target)
{
  g_autofree char *value = pm_unit_format_value (pm_kpi_get_unit (kpi), pm_target_get_value (target));
  g_autofree char *date = pm_date_format (pm_target_get_date (target));

  /* Translators: one milestone of a schedule of targets: "40 by March 2021" */
  return g_strdup_printf (_("%s by %s"), value, date);
}

char *
_pm_trend_plot_target_text (PmKpi    *kpi,
                            PmTarget *target)
{
  g_autoptr(GPtrArray) milestones = pm_kpi_get_milestones (kpi);
  g_autofree char *value = NULL;
  g_autofree char *date = NULL;

  if (milestones->len > 1)
    {
      g_autoptr(GString) list = g_string_new (NULL);

      /* Every milestone is dated (pm-schedule.c). */
      for (guint i = 0; i < milestones->len; i++)
        {
          g_autofree char *one = milestone_text (kpi, g_ptr_array_index (milestones, i));

          if (i > 0)
            g_string_append (list, "; ");
          g_string_append (list, one);
        }
      /* Translators: "Targets 40 by March 2021; 60 by March 2022" */
      return g_strdup_printf (_("Targets %s"), list->str);
    }

  value = pm_unit_format_value (pm_kpi_get_unit (kpi), pm_target_get_value (target));
  date = pm_date_format (pm_target_get_date (target));
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
      g_autofree char *target_words = _pm_trend_plot_target_text (self->kpi, target);

      g_string_append_printf (text, "; %s", target_words);
    }
  g_string_append_c (text, '.');

  return g_string_free (text, FALSE);
}

gboolean
pm_trend_chart_has_data (PmKpi    *kpi,
                         PmPeriod *upto)
{
  PmProgressEntry *shown;

  g_return_val_if_fail (PM_IS_KPI (kpi), FALSE);
  g_return_val_if_fail (PM_IS_PERIOD (upto), FALSE);

  if (pm_kpi_get_latest_entry (kpi, upto) != NULL)
    return TRUE;

  /* A year's or a month's value ending with @upto sorts after it, but
   * is shown with it (see pm_kpi_get_entry_at()), so it is drawn too. */
  shown = pm_kpi_get_entry_at (kpi, upto);
  return shown != NULL && pm_progress_entry_has_value (shown);
}

/* The period a date falls in, as an index; -1 for no date. */
static int
date_index (PmFrequency  frequency,
            const char  *iso)
{
  GDate date;
  g_autoptr(PmPeriod) period = NULL;

  if (iso == NULL || !pm_date_to_gdate (iso, &date))
    return -1;

  period = pm_period_new_for_date_full (&date, frequency);
  return pm_period_get_index (period);
}

/* The day period @index starts on, or (@end) ends on, as a Julian day. */
guint32
_pm_trend_period_day (PmFrequency frequency,
                      int         index,
                      gboolean    end)
{
  g_autoptr(PmPeriod) period = pm_period_new_from_index_full (frequency, index);
  GDate date;

  if (end)
    pm_period_get_end_date (period, &date);
  else
    pm_period_get_start_date (period, &date);

  return g_date_get_julian (&date);
}

/* The first period the pilot ran in, or -1 when it has no start. */
static int
pilot_start_index (PmKpi *kpi)
{
  PmPilot *pilot = pm_kpi_get_pilot (kpi);

  return pilot != NULL ? date_index (pm_kpi_get_frequency (kpi), pm_pilot_get_start_date (pilot)) : -1;
}

/* Quarters shown: from the baseline's or the first value's, whichever is
 * earlier, but not before the pilot started (unless a value was reported
 * before that: a value is never left off), to the period, stretched to a
 * target date that is not too far off. */
static void
compute_span (PmTrendPlot   *self,
              PmTrendExtent *e,
              int          baseline_index,
              int          target_index)
{
  int start = pilot_start_index (self->kpi);
  int first_value = self->points->len > 0 ? get_point (self, 0)->index : self->upto;

  e->last = self->upto;
  e->first = first_value;
  if (baseline_index >= 0 && baseline_index < e->first)
    e->first = baseline_index;
  if (start >= 0 && e->first < start)
    e->first = MIN (MIN (start, first_value), e->last);
  if (target_index > e->last && target_index - self->upto <= MAX_TARGET_LEAD)
    e->last = target_index;

  e->frequency = self->frequency;
  e->start_day = _pm_trend_period_day (self->frequency, e->first, FALSE);
  e->end_day = _pm_trend_period_day (self->frequency, e->last, TRUE);
}

void
_pm_trend_plot_compute_extent (PmTrendPlot   *self,
                               PmTrendExtent *e)
{
  PmBaseline *baseline = pm_kpi_get_baseline (self->kpi);
  double lo = G_MAXDOUBLE, hi = -G_MAXDOUBLE;

  for (guint i = 0; i < self->points->len; i++)
    {
      lo = MIN (lo, get_point (self, i)->value);
      hi = MAX (hi, get_point (self, i)->value);
    }

  e->has_baseline = pm_baseline_has_value (baseline);
  e->baseline_day = 0;
  if (e->has_baseline)
    {
      e->baseline = pm_baseline_get_value (baseline);
      e->baseline_day = pm_date_to_julian (pm_baseline_get_date (baseline));
      lo = MIN (lo, e->baseline);
      hi = MAX (hi, e->baseline);
    }

  e->kpi = self->kpi;
  e->target = pm_kpi_get_current_target (self->kpi);
  e->target_day = 0;
  if (e->target != NULL)
    {
      g_autoptr(GPtrArray) milestones = pm_kpi_get_milestones (self->kpi);

      e->target_value = pm_target_get_value (e->target);
      e->target_day = pm_date_to_julian (pm_target_get_date (e->target));
      for (guint i = 0; i < milestones->len; i++)
        {
          lo = MIN (lo, pm_target_get_value (g_ptr_array_index (milestones, i)));
          hi = MAX (hi, pm_target_get_value (g_ptr_array_index (milestones, i)));
        }
    }

  compute_span (self, e,
                e->has_baseline ? date_index (self->frequency, pm_baseline_get_date (baseline)) : -1,
                e->target != NULL ? date_index (self->frequency, pm_target_get_date (e->target)) : -1);

  /* The same condition as pm_rag_profiled_target() has for a line. */
  e->has_trajectory = e->has_baseline && e->target != NULL && e->baseline_day > 0
                      && e->target_day > e->baseline_day;

  if (lo > hi)
    lo = hi = 0;
  /* Figures that are not negative read best from zero, unless they sit in
   * a narrow band far from it (a rate around 93%). Counts and money
   * always start at zero (pm_chart_ticks_compute_for_unit()). */
  if (lo >= 0 && lo <= 0.6 * hi)
    lo = 0;
  e->lo = lo;
  e->hi = hi;
}
