/* test-chart-geometry.c: scales, ticks and label placement, no display
 *
 * The expected values are worked out by hand: ticks 1, 2 or 5 times a
 * power of ten, at most max_ticks of them, covering the data.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "report/pm-chart-geometry.h"
#include "model/pm-period.h"

static void
assert_ticks (double lo,
              double hi,
              guint  max_ticks,
              double step,
              double first,
              double last,
              guint  n)
{
  PmChartTicks ticks;

  pm_chart_ticks_compute (&ticks, lo, hi, max_ticks);
  g_assert_cmpfloat_with_epsilon (ticks.step, step, 1e-12);
  g_assert_cmpuint (ticks.n_ticks, ==, n);
  g_assert_cmpfloat_with_epsilon (pm_chart_ticks_get_lo (&ticks), first, 1e-9);
  g_assert_cmpfloat_with_epsilon (pm_chart_ticks_get_hi (&ticks), last, 1e-9);
  /* The ticks cover the data. */
  if (lo <= hi && isfinite (lo) && isfinite (hi))
    {
      g_assert_cmpfloat (pm_chart_ticks_get_lo (&ticks), <=, lo + 1e-9);
      g_assert_cmpfloat (pm_chart_ticks_get_hi (&ticks), >=, hi - 1e-9);
    }
}

static void
test_ticks_unit_range (void)
{
  assert_ticks (0, 1, 6, 0.2, 0, 1, 6);
}

static void
test_ticks_percentage (void)
{
  g_autofree char *label = NULL;
  PmChartTicks ticks;

  assert_ticks (0, 100, 6, 20, 0, 100, 6);
  pm_chart_ticks_compute (&ticks, 0, 100, 6);
  label = pm_chart_tick_label (PM_UNIT_PERCENTAGE, pm_chart_ticks_get (&ticks, 2), ticks.step);
  g_assert_cmpstr (label, ==, "40%");
}

static void
test_ticks_counts (void)
{
  g_autofree char *label = NULL;

  /* 212 / 5 = 42.4, so steps of 50 up to 250. */
  assert_ticks (0, 212, 6, 50, 0, 250, 6);
  label = pm_chart_tick_label (PM_UNIT_COUNT, 250, 50);
  g_assert_cmpstr (label, ==, "250");
}

/* Nine or ten families tick on whole families from none, not on 9.0,
 * 9.5, 10.0; money on whole pounds from £0; percentages keep their
 * narrow band. */
static void
test_ticks_for_unit (void)
{
  PmChartTicks ticks;

  pm_chart_ticks_compute_for_unit (&ticks, PM_UNIT_COUNT, 9, 10, 6);
  g_assert_cmpfloat (pm_chart_ticks_get_lo (&ticks), ==, 0);
  g_assert_cmpfloat (pm_chart_ticks_get_hi (&ticks), >=, 10);
  g_assert_cmpfloat (ticks.step, ==, floor (ticks.step));
  g_assert_cmpuint (ticks.n_ticks, <=, 6);

  pm_chart_ticks_compute_for_unit (&ticks, PM_UNIT_COUNT, 0, 2, 6);
  g_assert_cmpfloat (ticks.step, ==, 1);
  g_assert_cmpuint (ticks.n_ticks, ==, 3);

  pm_chart_ticks_compute_for_unit (&ticks, PM_UNIT_DAYS, 3, 4, 6);
  g_assert_cmpfloat (ticks.step, ==, 1);
  g_assert_cmpfloat (pm_chart_ticks_get_lo (&ticks), ==, 3);

  /* £50.00 to £51.00, in pence. */
  pm_chart_ticks_compute_for_unit (&ticks, PM_UNIT_MONEY, 5000, 5100, 6);
  g_assert_cmpfloat (pm_chart_ticks_get_lo (&ticks), ==, 0);
  g_assert_cmpfloat (fmod (ticks.step, 100), ==, 0);

  pm_chart_ticks_compute_for_unit (&ticks, PM_UNIT_PERCENTAGE, 92, 94, 6);
  g_assert_cmpfloat (pm_chart_ticks_get_lo (&ticks), >=, 90);
  g_assert_cmpfloat (ticks.step, <, 1);
}

static void
test_ticks_negative (void)
{
  g_autofree char *label = NULL;

  /* A change from -12 to 7: 19 / 5 = 3.8, steps of 5 from -15 to 10. */
  assert_ticks (-12, 7, 6, 5, -15, 10, 6);
  label = pm_chart_tick_label (PM_UNIT_COUNT, -15, 5);
  g_assert_cmpstr (label, ==, "\u221215");
  /* All below zero: read against zero from below. */
  assert_ticks (-3, -3, 6, 1, -3, 0, 4);
}

static void
test_ticks_single_value (void)
{
  /* 42 alone is read against zero: 0 to 50 in tens. */
  assert_ticks (42, 42, 6, 10, 0, 50, 6);
  /* Zero alone gives 0 to 1. */
  assert_ticks (0, 0, 6, 0.2, 0, 1, 6);
}

static void
test_ticks_empty (void)
{
  assert_ticks (1, 0, 6, 0.2, 0, 1, 6);
  assert_ticks (NAN, 5, 6, 0.2, 0, 1, 6);
  assert_ticks (0, INFINITY, 6, 0.2, 0, 1, 6);
}

static void
test_ticks_limit (void)
{
  PmChartTicks ticks;

  /* 11 / 5 = 2.2 rounds up to a step of 5: 0, 5, 10, 15. */
  assert_ticks (0, 11, 6, 5, 0, 15, 4);
  /* Two ticks at most: the whole range in one step. */
  assert_ticks (0, 90, 2, 100, 0, 100, 2);
  for (guint max = 2; max <= 10; max++)
    {
      pm_chart_ticks_compute (&ticks, 3.7, 1234.5, max);
      g_assert_cmpuint (ticks.n_ticks, <=, max);
      g_assert_cmpuint (ticks.n_ticks, >=, 2);
    }
}

static void
test_tick_labels (void)
{
  g_autofree char *decimal = pm_chart_tick_label (PM_UNIT_RATE, 0.4, 0.2);
  g_autofree char *small = pm_chart_tick_label (PM_UNIT_RATE, 0.05, 0.05);
  g_autofree char *money = pm_chart_tick_label (PM_UNIT_MONEY, 490000, 100000);
  g_autofree char *large = pm_chart_tick_label (PM_UNIT_COUNT, 1234567, 1);
  g_autofree char *days = pm_chart_tick_label (PM_UNIT_DAYS, 30, 10);

  g_assert_cmpstr (decimal, ==, "0.4");
  g_assert_cmpstr (small, ==, "0.05");
  /* Money is kept in pence and labelled in pounds. */
  g_assert_cmpstr (money, ==, "£4,900");
  g_assert_cmpstr (large, ==, "1,234,567");
  g_assert_cmpstr (days, ==, "30");
  g_assert_cmpstr (pm_chart_unit_title (PM_UNIT_PERCENTAGE), ==, "Per cent");
}

static void
test_quarter_label (void)
{
  g_autoptr(PmPeriod) period = pm_period_new (2016, 3);
  g_autofree char *label = pm_chart_quarter_label (pm_period_get_index (period));

  g_assert_cmpstr (label, ==, "Q3 16/17");
}

static void
test_scale (void)
{
  PmChartScale scale;

  /* A y axis: 0 at the bottom (200), 100 at the top (0). */
  pm_chart_scale_init (&scale, 0, 100, 200, 0);
  g_assert_cmpfloat_with_epsilon (pm_chart_scale_map (&scale, 25), 150, 1e-9);
  g_assert_cmpfloat_with_epsilon (pm_chart_scale_map (&scale, 140), -80, 1e-9);
  g_assert_cmpfloat_with_epsilon (pm_chart_scale_invert (&scale, 150), 25, 1e-9);

  /* One value maps to the middle instead of dividing by zero. */
  pm_chart_scale_init (&scale, 5, 5, 0, 100);
  g_assert_cmpfloat_with_epsilon (pm_chart_scale_map (&scale, 5), 50, 1e-9);
}

static void
test_place_labels (void)
{
  const double centres[] = { 0, 10, 20, 30, 40 };
  const double widths[] = { 15, 15, 15, 15, 15 };
  gboolean shown[5];

  /* Every other label fits. */
  g_assert_cmpuint (pm_chart_place_labels (centres, widths, 5, 0, shown), ==, 3);
  g_assert_true (shown[0] && !shown[1] && shown[2] && !shown[3] && shown[4]);

  /* With four, the last would be lost: it is kept and its neighbour goes. */
  g_assert_cmpuint (pm_chart_place_labels (centres, widths, 4, 0, shown), ==, 2);
  g_assert_true (shown[0] && !shown[1] && !shown[2] && shown[3]);

  /* Narrow labels all fit; a gap can push them apart. */
  {
    const double narrow[] = { 4, 4, 4, 4, 4 };

    g_assert_cmpuint (pm_chart_place_labels (centres, narrow, 5, 0, shown), ==, 5);
    g_assert_cmpuint (pm_chart_place_labels (centres, narrow, 5, 7, shown), ==, 3);
  }

  g_assert_cmpuint (pm_chart_place_labels (centres, widths, 1, 0, shown), ==, 1);
  g_assert_true (shown[0]);
  g_assert_cmpuint (pm_chart_place_labels (centres, widths, 0, 0, shown), ==, 0);
}

static void
test_nearest_point (void)
{
  const double xs[] = { 0, 10, 20 };
  const double ys[] = { 0, 0, 5 };

  g_assert_cmpint (pm_chart_nearest_point (xs, ys, 3, 9, 1, 3), ==, 1);
  g_assert_cmpint (pm_chart_nearest_point (xs, ys, 3, 19, 4, 3), ==, 2);
  g_assert_cmpint (pm_chart_nearest_point (xs, ys, 3, 5, 5, 3), ==, -1);
  g_assert_cmpint (pm_chart_nearest_point (xs, ys, 0, 0, 0, 3), ==, -1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart/geometry/ticks/unit-range", test_ticks_unit_range);
  g_test_add_func ("/chart/geometry/ticks/percentage", test_ticks_percentage);
  g_test_add_func ("/chart/geometry/ticks/counts", test_ticks_counts);
  g_test_add_func ("/chart/geometry/ticks/for-unit", test_ticks_for_unit);
  g_test_add_func ("/chart/geometry/ticks/negative", test_ticks_negative);
  g_test_add_func ("/chart/geometry/ticks/single-value", test_ticks_single_value);
  g_test_add_func ("/chart/geometry/ticks/empty", test_ticks_empty);
  g_test_add_func ("/chart/geometry/ticks/limit", test_ticks_limit);
  g_test_add_func ("/chart/geometry/tick-labels", test_tick_labels);
  g_test_add_func ("/chart/geometry/quarter-label", test_quarter_label);
  g_test_add_func ("/chart/geometry/scale", test_scale);
  g_test_add_func ("/chart/geometry/place-labels", test_place_labels);
  g_test_add_func ("/chart/geometry/nearest-point", test_nearest_point);

  return g_test_run ();
}
