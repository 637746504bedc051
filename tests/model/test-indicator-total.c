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
static PmPilot *
pilot_new (const char *title,
           const char *key,
           PmUnit      unit,
           double      target,
           double      value,
           double      numerator,
           double      denominator)
{
  PmPilot *pilot = pm_pilot_new (title);
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

  return pilot;
}

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
  g_autoptr(PmPilot) pilot = pilot_new ("Pilot", key, unit, target, value, numerator, denominator);
  g_autoptr(GError) error = NULL;

  pm_district_add_pilot (district, pilot);
  g_assert_true (pm_programme_add_district (programme, district, &error));
  g_assert_no_error (error);
}

/* A second pilot, @title, in the district @name added before, with a
 * KPI as add_district() makes. */
static void
add_pilot (PmProgramme *programme,
           const char  *name,
           const char  *title,
           const char  *key,
           PmUnit       unit,
           double       target,
           double       value,
           double       numerator,
           double       denominator)
{
  GListModel *districts = pm_programme_get_districts (programme);
  g_autoptr(PmPilot) pilot = pilot_new (title, key, unit, target, value, numerator, denominator);

  for (guint i = 0; i < g_list_model_get_n_items (districts); i++)
    {
      g_autoptr(PmDistrict) district = g_list_model_get_item (districts, i);

      if (g_str_equal (pm_district_get_name (district), name))
        {
          pm_district_add_pilot (district, pilot);
          return;
        }
    }
  g_assert_not_reached ();
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

/* Two children's centres in Alpha are one district of the total: 30 +
 * 12 there, 77 in Bravo, 119 in all. Charlie counts only once both its
 * centres have reported: its 5 is not in the total, and the text says
 * which centre is missing. */
static void
test_two_pilots_sum (void)
{
  g_autoptr(PmProgramme) programme = pm_programme_new ("P");
  g_autoptr(PmIndicatorTotal) total = NULL;
  g_autofree char *reported = NULL;
  PmIndicatorShare *alpha;
  PmIndicatorShare *charlie;

  add_district (programme, "Alpha", "seen", PM_UNIT_COUNT, 20, 30, 0, 0);
  add_pilot (programme, "Alpha", "Centre B", "seen", PM_UNIT_COUNT, 10, 12, 0, 0);
  add_district (programme, "Bravo", "seen", PM_UNIT_COUNT, 50, 77, 0, 0);
  add_district (programme, "Charlie", "seen", PM_UNIT_COUNT, 50, 5, 0, 0);
  add_pilot (programme, "Charlie", "Centre B", "seen", PM_UNIT_COUNT, 50, -1, 0, 0);
  total = total_of (programme, "seen", PM_UNIT_COUNT, PM_AGGREGATION_SUM);

  g_assert_cmpint (total->gap, ==, PM_TOTAL_GAP_NONE);
  g_assert_cmpuint (total->shares->len, ==, 3);
  g_assert_cmpuint (total->n_reported, ==, 2);
  g_assert_cmpfloat (total->total, ==, 119);
  g_assert_true (total->has_target);
  g_assert_cmpfloat (total->target, ==, 80);
  g_assert_cmpuint (total->not_reported->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (total->not_reported, 0), ==, "Charlie");

  alpha = &g_array_index (total->shares, PmIndicatorShare, 0);
  g_assert_cmpstr (alpha->district, ==, "Alpha");
  g_assert_cmpuint (alpha->n_kpis, ==, 2);
  g_assert_true (alpha->has_value);
  g_assert_cmpfloat (alpha->value, ==, 42);
  charlie = &g_array_index (total->shares, PmIndicatorShare, 2);
  g_assert_false (charlie->has_value);
  g_assert_cmpstr (charlie->missing, ==, "Centre B");

  reported = pm_wording_total_reported (total);
  g_assert_cmpstr (reported, ==, "2 of 3 districts reported; not reported: Charlie (Centre B missing)");
}

/* Within a district, too, a percentage comes from its summed parts:
 * Alpha's centres make 100 of 400 = 25%, its target (10×100 + 30×300) /
 * 400 = 25; with Bravo, 101 of 500. */
static void
test_two_pilots_ratio (void)
{
  g_autoptr(PmProgramme) programme = pm_programme_new ("P");
  g_autoptr(PmIndicatorTotal) total = NULL;
  g_autofree char *reported = NULL;
  PmIndicatorShare *alpha;

  add_district (programme, "Alpha", "work", PM_UNIT_PERCENTAGE, 10, -1, 10, 100);
  add_pilot (programme, "Alpha", "Centre B", "work", PM_UNIT_PERCENTAGE, 30, -1, 90, 300);
  add_district (programme, "Bravo", "work", PM_UNIT_PERCENTAGE, 10, -1, 1, 100);
  total = total_of (programme, "work", PM_UNIT_PERCENTAGE, PM_AGGREGATION_RATIO);

  g_assert_cmpint (total->gap, ==, PM_TOTAL_GAP_NONE);
  g_assert_cmpuint (total->shares->len, ==, 2);
  g_assert_cmpuint (total->n_reported, ==, 2);
  g_assert_cmpfloat_with_epsilon (total->total, 20.2, 1e-9);
  g_assert_cmpfloat_with_epsilon (total->target, 22, 1e-9);

  alpha = &g_array_index (total->shares, PmIndicatorShare, 0);
  g_assert_true (alpha->has_fraction);
  g_assert_cmpfloat (alpha->numerator, ==, 100);
  g_assert_cmpfloat (alpha->denominator, ==, 400);
  g_assert_cmpfloat_with_epsilon (alpha->value, 25, 1e-9);
  g_assert_cmpfloat_with_epsilon (alpha->target, 25, 1e-9);

  reported = pm_wording_total_reported (total);
  g_assert_cmpstr (reported, ==, "2 of 2 districts reported");
}

/* Printed for December 2016 or for the year 2016/17, the districts' KPIs
 * show their latest quarter; the total beside them adds the quarter that
 * ends with the chosen period (Q3 ends with December), and never calls a
 * district that the table shows a value for "not reported". A quarter
 * that ends before the chosen period (Q3 for the year) is not its value. */
static void
test_other_frequency (void)
{
  g_autoptr(PmProgramme) programme = pm_programme_new ("P");
  g_autoptr(PmIndicator) indicator = pm_indicator_new ("seen", "seen", PM_UNIT_COUNT,
                                                       PM_DIRECTION_INCREASE,
                                                       PM_AGGREGATION_SUM);
  g_autoptr(PmPeriod) december = pm_period_new_month (2016, 9);
  g_autoptr(PmPeriod) november = pm_period_new_month (2016, 8);
  g_autoptr(PmPeriod) year = pm_period_new_year (2016);
  g_autoptr(PmIndicatorTotal) at_december = NULL;
  g_autoptr(PmIndicatorTotal) at_november = NULL;
  g_autoptr(PmIndicatorTotal) at_year = NULL;

  add_district (programme, "Alpha", "seen", PM_UNIT_COUNT, 100, 1130, 0, 0);
  add_district (programme, "Bravo", "seen", PM_UNIT_COUNT, 50, 77, 0, 0);
  add_district (programme, "Delta", "seen", PM_UNIT_COUNT, 400, -1, 0, 0);
  g_assert_true (pm_programme_add_indicator (programme, indicator, NULL));

  at_december = pm_indicator_total_compute (programme, indicator, december);
  g_assert_cmpint (at_december->gap, ==, PM_TOTAL_GAP_NONE);
  g_assert_cmpfloat (at_december->total, ==, 1207);
  g_assert_cmpuint (at_december->n_reported, ==, 2);
  g_assert_cmpuint (at_december->not_reported->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (at_december->not_reported, 0), ==, "Delta");
  g_assert_true (at_december->has_target);
  g_assert_cmpfloat (at_december->target, ==, 150);

  at_november = pm_indicator_total_compute (programme, indicator, november);
  g_assert_cmpuint (at_november->n_reported, ==, 0);
  at_year = pm_indicator_total_compute (programme, indicator, year);
  g_assert_cmpuint (at_year->n_reported, ==, 0);
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
  g_test_add_func ("/model/indicator-total/two-pilots-sum", test_two_pilots_sum);
  g_test_add_func ("/model/indicator-total/two-pilots-ratio", test_two_pilots_ratio);
  g_test_add_func ("/model/indicator-total/other-frequency", test_other_frequency);

  return g_test_run ();
}
