/* test-indicator-total.c: a programme indicator totalled across districts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>

#include "pm-indicator-total.h"
#include "pm-pilot.h"
#include "pm-wording.h"

/* A district with one KPI naming @key: baseline 0, an undated target
 * (so the profiled target is the target itself), and for FY2016-Q3
 * @value (< 0: none) or, when @denominator > 0, @numerator of
 * @denominator. */
static void
add_district (PmProgramme *programme,
              const char  *name,
              const char  *key,
              PmUnit       unit,
              double       target,
              double       value,
              double       numerator,
              double       denominator)
{
  g_autoptr(PmDistrict) district = pm_district_new (name);
  g_autoptr(PmPilot) pilot = pm_pilot_new ("Pilot");
  g_autoptr(PmKpi) kpi = pm_kpi_new ("KPI", unit, PM_DIRECTION_INCREASE);
  g_autoptr(PmBaseline) baseline = pm_baseline_new_value (0, "2016-03-31", NULL);
  g_autoptr(PmTarget) goal = pm_target_new (target, NULL);
  g_autoptr(PmPeriod) period = pm_period_new (2016, 3);
  g_autoptr(GError) error = NULL;

  g_assert_true (pm_kpi_set_baseline (kpi, baseline, &error));
  g_assert_true (pm_kpi_add_target (kpi, goal, &error));
  g_assert_no_error (error);
  pm_kpi_set_indicator (kpi, key);
  if (value >= 0 || denominator > 0)
    {
      g_autoptr(PmProgressEntry) entry = pm_progress_entry_new (period);

      if (denominator > 0)
        g_assert_true (pm_progress_entry_set_fraction (entry, numerator, denominator, &error));
      else
        pm_progress_entry_set_value (entry, value);
      g_assert_true (pm_kpi_set_entry (kpi, entry, &error));
      g_assert_no_error (error);
    }
  pm_pilot_add_kpi (pilot, kpi);
  pm_district_add_pilot (district, pilot);
  g_assert_true (pm_programme_add_district (programme, district, &error));
  g_assert_no_error (error);
}

static PmIndicatorTotal *
total_of (PmProgramme   *programme,
          const char    *key,
          PmUnit         unit,
          PmAggregation  rule)
{
  g_autoptr(PmIndicator) indicator = pm_indicator_new (key, key, unit, PM_DIRECTION_INCREASE, rule);
  g_autoptr(PmPeriod) period = pm_period_new (2016, 3);

  g_assert_true (pm_programme_add_indicator (programme, indicator, NULL));
  return pm_indicator_total_compute (programme, indicator, period);
}

/* 130 + 77 + 5 = 212; Delta has not reported and is named, not counted
 * as zero; the total is judged against the targets of those reported
 * (100 + 50 + 50 = 200), so it is green. */
static void
test_sum (void)
{
  g_autoptr(PmProgramme) programme = pm_programme_new ("P");
  g_autoptr(PmIndicatorTotal) total = NULL;
  g_autofree char *reported = NULL;
  g_autofree char *value = NULL;

  add_district (programme, "Alpha", "seen", PM_UNIT_COUNT, 100, 130, 0, 0);
  add_district (programme, "Bravo", "seen", PM_UNIT_COUNT, 50, 77, 0, 0);
  add_district (programme, "Charlie", "seen", PM_UNIT_COUNT, 50, 5, 0, 0);
  add_district (programme, "Delta", "seen", PM_UNIT_COUNT, 400, -1, 0, 0);
  add_district (programme, "Echo", "other", PM_UNIT_COUNT, 10, 1000, 0, 0);
  total = total_of (programme, "seen", PM_UNIT_COUNT, PM_AGGREGATION_SUM);

  g_assert_cmpint (total->gap, ==, PM_TOTAL_GAP_NONE);
  g_assert_cmpfloat (total->total, ==, 212);
  g_assert_cmpuint (total->shares->len, ==, 4);
  g_assert_cmpuint (total->n_reported, ==, 3);
  g_assert_cmpuint (total->not_reported->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (total->not_reported, 0), ==, "Delta");
  g_assert_true (total->has_target);
  g_assert_cmpfloat (total->target, ==, 200);
  g_assert_cmpint (total->rag, ==, PM_RAG_GREEN);

  reported = pm_wording_total_reported (total);
  g_assert_cmpstr (reported, ==, "3 of 4 districts reported; not reported: Delta");
  value = pm_wording_total_value (total);
  g_assert_cmpstr (value, ==, "212");
}

/* (10 + 90 + 1) / (100 + 300 + 100) = 20.2%, not the mean 13.7%; the
 * target is weighted by the denominators: (10×100 + 30×300 + 10×100) /
 * 500 = 22, which 20.2 misses (the unweighted mean of the targets, 16.7,
 * would call it green). */
static void
test_ratio (void)
{
  g_autoptr(PmProgramme) programme = pm_programme_new ("P");
  g_autoptr(PmIndicatorTotal) total = NULL;
  g_autofree char *value = NULL;

  add_district (programme, "Alpha", "work", PM_UNIT_PERCENTAGE, 10, -1, 10, 100);
  add_district (programme, "Bravo", "work", PM_UNIT_PERCENTAGE, 30, -1, 90, 300);
  add_district (programme, "Charlie", "work", PM_UNIT_PERCENTAGE, 10, -1, 1, 100);
  total = total_of (programme, "work", PM_UNIT_PERCENTAGE, PM_AGGREGATION_RATIO);

  g_assert_cmpint (total->gap, ==, PM_TOTAL_GAP_NONE);
  g_assert_cmpfloat_with_epsilon (total->total, 20.2, 1e-9);
  g_assert_cmpfloat (total->numerator, ==, 101);
  g_assert_cmpfloat (total->denominator, ==, 500);
  g_assert_cmpfloat_with_epsilon (total->target, 22, 1e-9);
  g_assert_cmpint (total->rag, !=, PM_RAG_GREEN);
  g_assert_cmpint (total->rag, !=, PM_RAG_GREY);
  value = pm_wording_total_value (total);
  g_assert_cmpstr (value, ==, "20.2% (101 of 500)");
}

/* A percentage without its parts stops the total: no average. */
static void
test_ratio_without_parts (void)
{
  g_autoptr(PmProgramme) programme = pm_programme_new ("P");
  g_autoptr(PmIndicatorTotal) total = NULL;
  g_autofree char *value = NULL;

  add_district (programme, "Alpha", "work", PM_UNIT_PERCENTAGE, 10, -1, 10, 100);
  add_district (programme, "Charlie", "work", PM_UNIT_PERCENTAGE, 10, 1, 0, 0);
  total = total_of (programme, "work", PM_UNIT_PERCENTAGE, PM_AGGREGATION_RATIO);

  g_assert_cmpint (total->gap, ==, PM_TOTAL_GAP_NO_PARTS);
  g_assert_cmpuint (total->without_parts->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (total->without_parts, 0), ==, "Charlie");
  g_assert_cmpint (total->rag, ==, PM_RAG_GREY);
  value = pm_wording_total_value (total);
  g_assert_cmpstr (value, ==, "No total: Charlie gave a percentage without its numerator and denominator");
}

/* Rates are not added up; nobody reporting is not a zero. */
static void
test_no_total (void)
{
  g_autoptr(PmProgramme) programme = pm_programme_new ("P");
  g_autoptr(PmIndicatorTotal) rates = NULL;
  g_autoptr(PmIndicatorTotal) nobody = NULL;
  g_autoptr(GError) error = NULL;

  add_district (programme, "Alpha", "rate", PM_UNIT_RATE, 10, 4.5, 0, 0);
  add_district (programme, "Bravo", "rate", PM_UNIT_RATE, 10, 3.5, 0, 0);
  add_district (programme, "Charlie", "none", PM_UNIT_COUNT, 10, -1, 0, 0);
  rates = total_of (programme, "rate", PM_UNIT_RATE, PM_AGGREGATION_NONE);
  g_assert_cmpint (rates->gap, ==, PM_TOTAL_GAP_NO_RULE);
  g_assert_cmpuint (rates->n_reported, ==, 2);
  nobody = total_of (programme, "none", PM_UNIT_COUNT, PM_AGGREGATION_SUM);
  g_assert_cmpint (nobody->gap, ==, PM_TOTAL_GAP_NONE_REPORTED);
  g_assert_cmpint (nobody->rag, ==, PM_RAG_GREY);

  g_assert_false (pm_aggregation_validate (PM_AGGREGATION_SUM, PM_UNIT_PERCENTAGE, &error));
  g_assert_error (error, PM_MODEL_ERROR, PM_MODEL_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);
  g_assert_false (pm_aggregation_validate (PM_AGGREGATION_RATIO, PM_UNIT_COUNT, &error));
  g_assert_error (error, PM_MODEL_ERROR, PM_MODEL_ERROR_OUT_OF_RANGE);
  g_assert_true (pm_aggregation_validate (PM_AGGREGATION_NONE, PM_UNIT_RATE, NULL));
  g_assert_cmpint (pm_aggregation_default_for_unit (PM_UNIT_MONEY), ==, PM_AGGREGATION_SUM);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/indicator-total/sum", test_sum);
  g_test_add_func ("/model/indicator-total/ratio", test_ratio);
  g_test_add_func ("/model/indicator-total/ratio-without-parts", test_ratio_without_parts);
  g_test_add_func ("/model/indicator-total/no-total", test_no_total);

  return g_test_run ();
}
