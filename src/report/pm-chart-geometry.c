/* pm-chart-geometry.c: scales, tick values and label placement
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "pm-chart-geometry.h"
#include "model/pm-period.h"

void
pm_chart_scale_init (PmChartScale *scale,
                     double        domain_lo,
                     double        domain_hi,
                     double        range_lo,
                     double        range_hi)
{
  g_return_if_fail (scale != NULL);

  scale->domain_lo = domain_lo;
  scale->domain_hi = domain_hi;
  scale->range_lo = range_lo;
  scale->range_hi = range_hi;
}

double
pm_chart_scale_map (const PmChartScale *scale,
                    double              value)
{
  double span = scale->domain_hi - scale->domain_lo;

  /* A domain of one value maps to the middle of the range. */
  if (fabs (span) < 1e-12)
    return (scale->range_lo + scale->range_hi) / 2;

  return scale->range_lo + (value - scale->domain_lo) / span * (scale->range_hi - scale->range_lo);
}

double
pm_chart_scale_invert (const PmChartScale *scale,
                       double              position)
{
  double span = scale->range_hi - scale->range_lo;

  if (fabs (span) < 1e-12)
    return scale->domain_lo;

  return scale->domain_lo + (position - scale->range_lo) / span * (scale->domain_hi - scale->domain_lo);
}

/* The smallest of 1, 2, 5 or 10 times a power of ten that is at least
 * @x. */
static double
nice_step_at_least (double x)
{
  double exponent = floor (log10 (x));
  double power = pow (10, exponent);
  double fraction = x / power;

  if (fraction <= 1 + 1e-9)
    return power;
  if (fraction <= 2 + 1e-9)
    return 2 * power;
  if (fraction <= 5 + 1e-9)
    return 5 * power;
  return 10 * power;
}

static guint
count_ticks (double  lo,
             double  hi,
             double  step,
             gint64 *first)
{
  gint64 lo_i = (gint64) floor (lo / step + 1e-9);
  gint64 hi_i = (gint64) ceil (hi / step - 1e-9);

  if (hi_i <= lo_i)
    hi_i = lo_i + 1;
  *first = lo_i;

  return (guint) (hi_i - lo_i + 1);
}

void
pm_chart_ticks_compute (PmChartTicks *ticks,
                        double        lo,
                        double        hi,
                        guint         max_ticks)
{
  double step;

  g_return_if_fail (ticks != NULL);

  max_ticks = MAX (max_ticks, 2);

  if (!isfinite (lo) || !isfinite (hi) || lo > hi)
    lo = 0, hi = 1;

  /* One value: read it against zero. */
  if (hi - lo < 1e-12 * MAX (1.0, fabs (hi)))
    {
      if (hi > 0)
        lo = 0;
      else if (hi < 0)
        hi = 0;
      else
        hi = 1;
    }

  step = nice_step_at_least ((hi - lo) / (max_ticks - 1));
  ticks->n_ticks = count_ticks (lo, hi, step, &ticks->first);

  /* Rounding out at both ends can add a tick too many. */
  while (ticks->n_ticks > max_ticks)
    {
      step = nice_step_at_least (step * 1.000001);
      ticks->n_ticks = count_ticks (lo, hi, step, &ticks->first);
    }

  ticks->step = step;
}

/* The smallest step a unit's figures are read in: counts and days are
 * whole, money whole pounds (it is kept in pence). */
static double
unit_min_step (PmUnit unit)
{
  switch (unit)
    {
    case PM_UNIT_COUNT:
    case PM_UNIT_DAYS:
      return 1;
    case PM_UNIT_MONEY:
      return 100;
    case PM_UNIT_PERCENTAGE:
    case PM_UNIT_RATE:
    default:
      return 0;
    }
}

void
pm_chart_ticks_compute_for_unit (PmChartTicks *ticks,
                                 PmUnit        unit,
                                 double        lo,
                                 double        hi,
                                 guint         max_ticks)
{
  double min_step = unit_min_step (unit);

  g_return_if_fail (ticks != NULL);

  /* Counts and money read from nothing. */
  if ((unit == PM_UNIT_COUNT || unit == PM_UNIT_MONEY) && isfinite (lo) && lo > 0)
    lo = 0;

  pm_chart_ticks_compute (ticks, lo, hi, max_ticks);
  if (ticks->step < min_step)
    {
      if (!isfinite (lo) || !isfinite (hi) || lo > hi)
        lo = 0, hi = 1;
      ticks->step = min_step;
      ticks->n_ticks = count_ticks (lo, MAX (hi, lo + min_step), min_step, &ticks->first);
    }
}

double
pm_chart_ticks_get (const PmChartTicks *ticks,
                    guint               i)
{
  double value = (double) (ticks->first + (gint64) i) * ticks->step;

  /* -0 would print as "-0". */
  return value == 0 ? 0 : value;
}

double
pm_chart_ticks_get_lo (const PmChartTicks *ticks)
{
  return pm_chart_ticks_get (ticks, 0);
}

double
pm_chart_ticks_get_hi (const PmChartTicks *ticks)
{
  return pm_chart_ticks_get (ticks, ticks->n_ticks - 1);
}

/* @value with @decimals decimals and commas between thousands. */
static char *
format_grouped (double value,
                int    decimals)
{
  g_autofree char *plain = g_strdup_printf ("%.*f", decimals, fabs (value));
  const char *point = strchr (plain, '.');
  gsize int_len = point != NULL ? (gsize) (point - plain) : strlen (plain);
  GString *out = g_string_new (NULL);
  gboolean negative = value < 0 && g_strtod (plain, NULL) != 0;

  if (negative)
    g_string_append (out, "\u2212");
  for (gsize i = 0; i < int_len; i++)
    {
      if (i > 0 && (int_len - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, plain[i]);
    }
  if (point != NULL)
    g_string_append (out, point);

  return g_string_free (out, FALSE);
}

char *
pm_chart_tick_label (PmUnit unit,
                     double value,
                     double step)
{
  int decimals = 0;
  g_autofree char *number = NULL;

  /* Money is kept in whole pence and read in pounds. */
  if (unit == PM_UNIT_MONEY)
    {
      value /= 100;
      step /= 100;
    }

  if (step > 0 && step < 1)
    decimals = (int) ceil (-log10 (step) - 1e-9);
  decimals = CLAMP (decimals, 0, 6);

  if (unit == PM_UNIT_MONEY)
    {
      number = format_grouped (fabs (value), decimals);
      return g_strdup_printf ("%s£%s", value < 0 ? "\u2212" : "", number);
    }

  number = format_grouped (value, decimals);
  if (unit == PM_UNIT_PERCENTAGE)
    return g_strdup_printf ("%s%%", number);

  return g_steal_pointer (&number);
}

const char *
pm_chart_unit_title (PmUnit unit)
{
  switch (unit)
    {
    case PM_UNIT_PERCENTAGE:
      return _("Per cent");
    case PM_UNIT_DAYS:
      return _("Days");
    case PM_UNIT_RATE:
      return _("Rate");
    case PM_UNIT_MONEY:
      return _("Pounds");
    case PM_UNIT_COUNT:
    default:
      return _("Number");
    }
}

char *
pm_chart_quarter_label (int period_index)
{
  g_autoptr(PmPeriod) period = pm_period_new_from_index (period_index);

  return pm_period_get_short_label (period);
}

char *
pm_chart_period_label (PmFrequency frequency,
                       int         period_index)
{
  g_autoptr(PmPeriod) period = pm_period_new_from_index_full (frequency, period_index);

  return pm_period_get_short_label (period);
}

guint
pm_chart_place_labels (const double *centres,
                       const double *widths,
                       guint         n,
                       double        gap,
                       gboolean     *shown)
{
  guint count = 0;
  double right = -G_MAXDOUBLE;
  int last_shown = -1;

  if (n == 0)
    return 0;

  for (guint i = 0; i < n; i++)
    {
      double left = centres[i] - widths[i] / 2;

      shown[i] = i == 0 || left >= right + gap;
      if (shown[i])
        {
          right = centres[i] + widths[i] / 2;
          last_shown = (int) i;
          count++;
        }
    }

  /* The last label says where the chart ends: make room for it by taking
   * away the shown labels it would touch. */
  if (!shown[n - 1])
    {
      double left = centres[n - 1] - widths[n - 1] / 2;

      for (int i = last_shown; i > 0; i--)
        {
          if (shown[i] && centres[i] + widths[i] / 2 + gap > left)
            {
              shown[i] = FALSE;
              count--;
            }
        }
      if (n > 1 && centres[0] + widths[0] / 2 + gap <= left)
        {
          shown[n - 1] = TRUE;
          count++;
        }
    }

  return count;
}

int
pm_chart_nearest_point (const double *xs,
                        const double *ys,
                        guint         n,
                        double        x,
                        double        y,
                        double        radius)
{
  int best = -1;
  double best_d2 = radius * radius;

  for (guint i = 0; i < n; i++)
    {
      double dx = xs[i] - x, dy = ys[i] - y;
      double d2 = dx * dx + dy * dy;

      if (d2 <= best_d2)
        {
          best = (int) i;
          best_d2 = d2;
        }
    }

  return best;
}
