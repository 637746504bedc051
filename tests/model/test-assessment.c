/* test-assessment.c: the RAG rule and the direction of travel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "pm-assessment.h"
#include "pm-date.h"
#include "pm-kpi.h"

#define EPS 1e-9

/* The rule on plain numbers */

static void
test_profiled_target_line (void)
{
  /* Baseline 100 on day 1000, target 200 on day 2000. */
  g_assert_cmpfloat_with_epsilon (pm_rag_profiled_target (100, 1000, 200, 2000, 1500), 150, EPS);
  g_assert_cmpfloat_with_epsilon (pm_rag_profiled_target (100, 1000, 200, 2000, 1250), 125, EPS);
  /* A falling line works the same way. */
  g_assert_cmpfloat_with_epsilon (pm_rag_profiled_target (40, 1000, 20, 2000, 1500), 30, EPS);
  /* Before the baseline date, the baseline; after the target date, the target. */
  g_assert_cmpfloat_with_epsilon (pm_rag_profiled_target (100, 1000, 200, 2000, 500), 100, EPS);
  g_assert_cmpfloat_with_epsilon (pm_rag_profiled_target (100, 1000, 200, 2000, 1000), 100, EPS);
  g_assert_cmpfloat_with_epsilon (pm_rag_profiled_target (100, 1000, 200, 2000, 2000), 200, EPS);
  g_assert_cmpfloat_with_epsilon (pm_rag_profiled_target (100, 1000, 200, 2000, 2500), 200, EPS);
}

static void
test_profiled_target_undated (void)
{
  /* No line without both dates: the target stands. */
  g_assert_cmpfloat_with_epsilon (pm_rag_profiled_target (100, 1000, 200, 0, 1500), 200, EPS);
  g_assert_cmpfloat_with_epsilon (pm_rag_profiled_target (100, 0, 200, 2000, 1500), 200, EPS);
  g_assert_cmpfloat_with_epsilon (pm_rag_profiled_target (100, 0, 200, 0, 1500), 200, EPS);
  /* A target dated before its baseline cannot make a line either. */
  g_assert_cmpfloat_with_epsilon (pm_rag_profiled_target (100, 2000, 200, 1000, 1500), 200, EPS);
}

static void
test_rag_increase (void)
{
  /* Baseline 10, target 20, tolerance 10%: the amber band is 1. */
  g_assert_cmpint (pm_rag_evaluate (PM_DIRECTION_INCREASE, 10, 20, 15, 15, 0.1), ==, PM_RAG_GREEN);
  g_assert_cmpint (pm_rag_evaluate (PM_DIRECTION_INCREASE, 10, 20, 15, 16, 0.1), ==, PM_RAG_GREEN);
  g_assert_cmpint (pm_rag_evaluate (PM_DIRECTION_INCREASE, 10, 20, 15, 14.5, 0.1), ==, PM_RAG_AMBER);
  g_assert_cmpint (pm_rag_evaluate (PM_DIRECTION_INCREASE, 10, 20, 15, 14, 0.1), ==, PM_RAG_AMBER);
  g_assert_cmpint (pm_rag_evaluate (PM_DIRECTION_INCREASE, 10, 20, 15, 13.99, 0.1), ==, PM_RAG_RED);
  /* Rounding does not tip a value that is on the line. */
  g_assert_cmpint (pm_rag_evaluate (PM_DIRECTION_INCREASE, 0, 1, 0.3, 0.7 - 0.4, 0.1), ==, PM_RAG_GREEN);
  g_assert_cmpint (pm_rag_evaluate (PM_DIRECTION_REDUCE, 1, 0, 0.3, 0.1 + 0.2, 0.1), ==, PM_RAG_GREEN);
}

static void
test_rag_reduce (void)
{
  /* Baseline 20, target 10: lower is better, the band is still 1. */
  g_assert_cmpint (pm_rag_evaluate (PM_DIRECTION_REDUCE, 20, 10, 15, 15, 0.1), ==, PM_RAG_GREEN);
  g_assert_cmpint (pm_rag_evaluate (PM_DIRECTION_REDUCE, 20, 10, 15, 14, 0.1), ==, PM_RAG_GREEN);
  g_assert_cmpint (pm_rag_evaluate (PM_DIRECTION_REDUCE, 20, 10, 15, 15.5, 0.1), ==, PM_RAG_AMBER);
  g_assert_cmpint (pm_rag_evaluate (PM_DIRECTION_REDUCE, 20, 10, 15, 16, 0.1), ==, PM_RAG_AMBER);
  g_assert_cmpint (pm_rag_evaluate (PM_DIRECTION_REDUCE, 20, 10, 15, 16.01, 0.1), ==, PM_RAG_RED);
}

static void
test_rag_maintain (void)
{
  /* Level 50, tolerance 10%: green within 5, amber within 10, either side. */
  g_assert_cmpint (pm_rag_evaluate (PM_DIRECTION_MAINTAIN, 50, 50, 50, 50, 0.1), ==, PM_RAG_GREEN);
  g_assert_cmpint (pm_rag_evaluate (PM_DIRECTION_MAINTAIN, 50, 50, 50, 54, 0.1), ==, PM_RAG_GREEN);
  g_assert_cmpint (pm_rag_evaluate (PM_DIRECTION_MAINTAIN, 50, 50, 50, 55, 0.1), ==, PM_RAG_GREEN);
  g_assert_cmpint (pm_rag_evaluate (PM_DIRECTION_MAINTAIN, 50, 50, 50, 45, 0.1), ==, PM_RAG_GREEN);
  g_assert_cmpint (pm_rag_evaluate (PM_DIRECTION_MAINTAIN, 50, 50, 50, 57, 0.1), ==, PM_RAG_AMBER);
  g_assert_cmpint (pm_rag_evaluate (PM_DIRECTION_MAINTAIN, 50, 50, 50, 60, 0.1), ==, PM_RAG_AMBER);
  g_assert_cmpint (pm_rag_evaluate (PM_DIRECTION_MAINTAIN, 50, 50, 50, 40, 0.1), ==, PM_RAG_AMBER);
  g_assert_cmpint (pm_rag_evaluate (PM_DIRECTION_MAINTAIN, 50, 50, 50, 60.01, 0.1), ==, PM_RAG_RED);
  g_assert_cmpint (pm_rag_evaluate (PM_DIRECTION_MAINTAIN, 50, 50, 50, 39, 0.1), ==, PM_RAG_RED);
  /* Better on either side is not a thing when maintaining. */
  g_assert_cmpint (pm_rag_evaluate (PM_DIRECTION_MAINTAIN, 50, 50, 50, 70, 0.1), ==, PM_RAG_RED);
}

static void
test_travel (void)
{
  g_assert_cmpint (pm_travel_evaluate (PM_DIRECTION_INCREASE, 1, 2, 0), ==, PM_TRAVEL_IMPROVING);
  g_assert_cmpint (pm_travel_evaluate (PM_DIRECTION_INCREASE, 2, 1, 0), ==, PM_TRAVEL_WORSENING);
  g_assert_cmpint (pm_travel_evaluate (PM_DIRECTION_INCREASE, 1, 1, 0), ==, PM_TRAVEL_STEADY);
  g_assert_cmpint (pm_travel_evaluate (PM_DIRECTION_REDUCE, 2, 1, 0), ==, PM_TRAVEL_IMPROVING);
  g_assert_cmpint (pm_travel_evaluate (PM_DIRECTION_REDUCE, 1, 2, 0), ==, PM_TRAVEL_WORSENING);
  g_assert_cmpint (pm_travel_evaluate (PM_DIRECTION_REDUCE, 0.3, 0.1 + 0.2, 0), ==, PM_TRAVEL_STEADY);

  /* Maintaining 10: closer is better, whichever side. */
  g_assert_cmpint (pm_travel_evaluate (PM_DIRECTION_MAINTAIN, 8, 9, 10), ==, PM_TRAVEL_IMPROVING);
  g_assert_cmpint (pm_travel_evaluate (PM_DIRECTION_MAINTAIN, 12, 11, 10), ==, PM_TRAVEL_IMPROVING);
  g_assert_cmpint (pm_travel_evaluate (PM_DIRECTION_MAINTAIN, 9, 8, 10), ==, PM_TRAVEL_WORSENING);
  g_assert_cmpint (pm_travel_evaluate (PM_DIRECTION_MAINTAIN, 10, 11, 10), ==, PM_TRAVEL_WORSENING);
  g_assert_cmpint (pm_travel_evaluate (PM_DIRECTION_MAINTAIN, 9, 11, 10), ==, PM_TRAVEL_STEADY);
  g_assert_cmpint (pm_travel_evaluate (PM_DIRECTION_MAINTAIN, 10, 10, 10), ==, PM_TRAVEL_STEADY);
}

/* Assessments of a KPI */

static PmKpi *
make_kpi (PmUnit       unit,
          PmDirection  direction,
          double       baseline,
          const char  *baseline_date,
          double       target,
          const char  *target_date)
{
  PmKpi *kpi = pm_kpi_new ("A headline KPI", unit, direction);
  g_autoptr(PmBaseline) b = pm_baseline_new_value (baseline, baseline_date, NULL);
  g_autoptr(PmTarget) t = pm_target_new (target, target_date);

  g_assert_true (pm_kpi_set_baseline (kpi, b, NULL));
  g_assert_true (pm_kpi_add_target (kpi, t, NULL));

  return kpi;
}

static void
set_value (PmKpi  *kpi,
           int     year,
           int     quarter,
           double  value)
{
  g_autoptr(PmPeriod) period = pm_period_new (year, quarter);
  g_autoptr(PmProgressEntry) entry = pm_progress_entry_new (period);

  pm_progress_entry_set_value (entry, value);
  g_assert_true (pm_kpi_set_entry (kpi, entry, NULL));
}

static PmAssessment *
assess (PmKpi *kpi,
        int    year,
        int    quarter)
{
  g_autoptr(PmPeriod) period = pm_period_new (year, quarter);

  return pm_assessment_new (kpi, period);
}

/* Baseline 100 on 30 June 2016, target 200 on 30 June 2017 (365 days on);
 * Q3 2016/17 ends on 31 December 2016, 184 days on. */
#define Q3_PROFILED (100.0 + 100.0 * 184 / 365)

static void
test_assessment_profiled (void)
{
  g_autoptr(PmKpi) kpi = make_kpi (PM_UNIT_COUNT, PM_DIRECTION_INCREASE,
                                   100, "2016-06-30", 200, "2017-06-30");
  g_autoptr(PmAssessment) q1 = assess (kpi, 2016, 1);
  g_autoptr(PmAssessment) q3 = assess (kpi, 2016, 3);
  g_autoptr(PmAssessment) q1_next = assess (kpi, 2017, 1);
  g_autoptr(PmAssessment) q3_next = assess (kpi, 2017, 3);

  g_assert_true (pm_assessment_has_profiled_target (q3));
  /* Q1 ends on the baseline date. */
  g_assert_cmpfloat_with_epsilon (pm_assessment_get_profiled_target (q1), 100, EPS);
  g_assert_cmpfloat_with_epsilon (pm_assessment_get_profiled_target (q3), Q3_PROFILED, EPS);
  /* Q1 2017/18 ends on the target date, Q3 after it. */
  g_assert_cmpfloat_with_epsilon (pm_assessment_get_profiled_target (q1_next), 200, EPS);
  g_assert_cmpfloat_with_epsilon (pm_assessment_get_profiled_target (q3_next), 200, EPS);
}

static void
test_assessment_profiled_undated (void)
{
  g_autoptr(PmKpi) undated_target = make_kpi (PM_UNIT_COUNT, PM_DIRECTION_INCREASE,
                                              100, "2016-06-30", 200, NULL);
  g_autoptr(PmKpi) undated_baseline = make_kpi (PM_UNIT_COUNT, PM_DIRECTION_INCREASE,
                                                100, NULL, 200, "2017-06-30");
  g_autoptr(PmAssessment) a = assess (undated_target, 2016, 3);
  g_autoptr(PmAssessment) b = assess (undated_baseline, 2016, 3);

  g_assert_cmpfloat_with_epsilon (pm_assessment_get_profiled_target (a), 200, EPS);
  g_assert_cmpfloat_with_epsilon (pm_assessment_get_profiled_target (b), 200, EPS);
}

typedef struct
{
  double value;
  PmRag  rag;
} RagCase;

static void
test_assessment_rag_increase (void)
{
  /* The band is 10% of 100 = 10 below the Q3 profile of about 150.41. */
  static const RagCase cases[] = {
    { 151, PM_RAG_GREEN },
    { Q3_PROFILED, PM_RAG_GREEN },
    { 150, PM_RAG_AMBER },
    { 141, PM_RAG_AMBER },
    { 140, PM_RAG_RED },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(PmKpi) kpi = make_kpi (PM_UNIT_RATE, PM_DIRECTION_INCREASE,
                                       100, "2016-06-30", 200, "2017-06-30");
      g_autoptr(PmAssessment) assessment = NULL;

      set_value (kpi, 2016, 3, cases[i].value);
      assessment = assess (kpi, 2016, 3);

      g_test_message ("value %g", cases[i].value);
      g_assert_cmpint (pm_assessment_get_grey_reason (assessment), ==, PM_GREY_NONE);
      g_assert_cmpint (pm_assessment_get_rag (assessment), ==, cases[i].rag);
      g_assert_true (pm_assessment_has_value (assessment));
      g_assert_cmpfloat (pm_assessment_get_value (assessment), ==, cases[i].value);
      g_assert_true (pm_assessment_has_change (assessment));
      g_assert_cmpfloat_with_epsilon (pm_assessment_get_change (assessment), cases[i].value - 100, EPS);
    }
}

static void
test_assessment_rag_reduce (void)
{
  /* "41 days (target 35 days)", undated: the band is 0.6 above 35. */
  static const RagCase cases[] = {
    { 34, PM_RAG_GREEN },
    { 35, PM_RAG_GREEN },
    { 35.5, PM_RAG_AMBER },
    { 35.6, PM_RAG_AMBER },
    { 36, PM_RAG_RED },
    { 41, PM_RAG_RED },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(PmKpi) kpi = make_kpi (PM_UNIT_RATE, PM_DIRECTION_REDUCE, 41, "2016-10", 35, NULL);
      g_autoptr(PmAssessment) assessment = NULL;

      set_value (kpi, 2016, 3, cases[i].value);
      assessment = assess (kpi, 2016, 3);

      g_test_message ("value %g", cases[i].value);
      g_assert_cmpint (pm_assessment_get_rag (assessment), ==, cases[i].rag);
    }
}

static void
test_assessment_rag_maintain (void)
{
  /* "93.9% (target 95%)" to be held: green within 9.5, amber within 19. */
  static const RagCase cases[] = {
    { 95, PM_RAG_GREEN },
    { 86, PM_RAG_GREEN },
    { 85, PM_RAG_AMBER },
    { 76, PM_RAG_AMBER },
    { 75, PM_RAG_RED },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(PmKpi) kpi = make_kpi (PM_UNIT_PERCENTAGE, PM_DIRECTION_MAINTAIN, 93.9, NULL, 95, NULL);
      g_autoptr(PmAssessment) assessment = NULL;

      set_value (kpi, 2016, 3, cases[i].value);
      assessment = assess (kpi, 2016, 3);

      g_test_message ("value %g", cases[i].value);
      g_assert_cmpint (pm_assessment_get_rag (assessment), ==, cases[i].rag);
    }
}

static void
test_assessment_tolerance (void)
{
  g_autoptr(PmKpi) kpi = make_kpi (PM_UNIT_RATE, PM_DIRECTION_INCREASE,
                                   100, "2016-06-30", 200, "2017-06-30");
  g_autoptr(PmAssessment) by_default = NULL;
  g_autoptr(PmAssessment) wider = NULL;
  g_autoptr(PmAssessment) none = NULL;

  /* About 10.4 short of the profile: beyond the default band of 10... */
  set_value (kpi, 2016, 3, 140);
  by_default = assess (kpi, 2016, 3);
  g_assert_cmpint (pm_assessment_get_rag (by_default), ==, PM_RAG_RED);

  /* ...within this KPI's own band of 20... */
  pm_kpi_set_tolerance (kpi, 0.2);
  wider = assess (kpi, 2016, 3);
  g_assert_cmpint (pm_assessment_get_rag (wider), ==, PM_RAG_AMBER);

  /* ...and with no tolerance any shortfall is red. */
  pm_kpi_set_tolerance (kpi, 0);
  set_value (kpi, 2016, 3, 150.4);
  none = assess (kpi, 2016, 3);
  g_assert_cmpint (pm_assessment_get_rag (none), ==, PM_RAG_RED);
}

static void
assert_grey (PmKpi        *kpi,
             PmGreyReason  reason)
{
  g_autoptr(PmAssessment) assessment = assess (kpi, 2016, 3);

  g_assert_cmpint (pm_assessment_get_rag (assessment), ==, PM_RAG_GREY);
  g_assert_cmpint (pm_assessment_get_grey_reason (assessment), ==, reason);
}

static void
test_assessment_grey_no_value (void)
{
  g_autoptr(PmKpi) kpi = make_kpi (PM_UNIT_COUNT, PM_DIRECTION_INCREASE, 5, NULL, 125, NULL);
  g_autoptr(PmPeriod) q3 = pm_period_new (2016, 3);
  g_autoptr(PmProgressEntry) note_only = pm_progress_entry_new (q3);
  g_autoptr(PmAssessment) assessment = NULL;

  /* No entry for the period... */
  set_value (kpi, 2016, 2, 10);
  assert_grey (kpi, PM_GREY_NO_VALUE);

  /* ...or an entry with only words. */
  pm_progress_entry_set_note (note_only, "Three successful engagement events held");
  g_assert_true (pm_kpi_set_entry (kpi, note_only, NULL));
  assert_grey (kpi, PM_GREY_NO_VALUE);

  assessment = assess (kpi, 2016, 3);
  g_assert_false (pm_assessment_has_value (assessment));
  g_assert_false (pm_assessment_has_change (assessment));
  g_assert_cmpint (pm_assessment_get_travel_since_previous (assessment), ==, PM_TRAVEL_UNKNOWN);
  g_assert_cmpint (pm_assessment_get_travel_since_baseline (assessment), ==, PM_TRAVEL_UNKNOWN);
}

static void
test_assessment_grey_no_baseline (void)
{
  g_autoptr(PmKpi) kpi = pm_kpi_new ("Attendance", PM_UNIT_PERCENTAGE, PM_DIRECTION_INCREASE);
  g_autoptr(PmKpi) sites = pm_kpi_new ("Exclusions", PM_UNIT_PERCENTAGE, PM_DIRECTION_REDUCE);
  g_autoptr(PmBaseline) split = pm_baseline_new_sites ("2015-07", NULL);
  g_autoptr(PmTarget) target = pm_target_new (95, NULL);
  g_autoptr(PmTarget) sites_target = pm_target_new (3, NULL);
  g_autoptr(PmAssessment) assessment = NULL;

  /* To be confirmed, with a value and a target. */
  g_assert_true (pm_kpi_add_target (kpi, target, NULL));
  set_value (kpi, 2016, 3, 93);
  assert_grey (kpi, PM_GREY_NO_BASELINE);
  assessment = assess (kpi, 2016, 3);
  g_assert_true (pm_assessment_has_value (assessment));
  g_assert_false (pm_assessment_has_change (assessment));
  g_assert_cmpint (pm_assessment_get_travel_since_baseline (assessment), ==, PM_TRAVEL_UNKNOWN);

  /* Split by site with no overall figure: nothing to measure from. */
  pm_baseline_add_site (split, "Rawlett", 4.6);
  pm_baseline_add_site (split, "TEC", 4.1);
  g_assert_true (pm_kpi_set_baseline (sites, split, NULL));
  g_assert_true (pm_kpi_add_target (sites, sites_target, NULL));
  set_value (sites, 2016, 3, 4);
  assert_grey (sites, PM_GREY_NO_BASELINE);
}

static void
test_assessment_grey_no_target (void)
{
  g_autoptr(PmKpi) kpi = pm_kpi_new ("Referrals", PM_UNIT_COUNT, PM_DIRECTION_REDUCE);
  g_autoptr(PmBaseline) baseline = pm_baseline_new_value (212, "2016-11", "in total");
  g_autoptr(PmAssessment) assessment = NULL;

  g_assert_true (pm_kpi_set_baseline (kpi, baseline, NULL));
  set_value (kpi, 2016, 3, 200);
  assert_grey (kpi, PM_GREY_NO_TARGET);

  /* Still a change and a direction of travel, just no status. */
  assessment = assess (kpi, 2016, 3);
  g_assert_false (pm_assessment_has_profiled_target (assessment));
  g_assert_true (pm_assessment_has_change (assessment));
  g_assert_cmpfloat (pm_assessment_get_change (assessment), ==, -12);
  g_assert_cmpint (pm_assessment_get_travel_since_baseline (assessment), ==, PM_TRAVEL_IMPROVING);
}

static void
test_assessment_grey_order (void)
{
  g_autoptr(PmKpi) nothing = pm_kpi_new ("Nothing yet", PM_UNIT_COUNT, PM_DIRECTION_INCREASE);
  g_autoptr(PmKpi) value_only = pm_kpi_new ("A value only", PM_UNIT_COUNT, PM_DIRECTION_INCREASE);

  /* No value, no baseline, no target: the value is what is missing first. */
  assert_grey (nothing, PM_GREY_NO_VALUE);

  /* A value, but neither baseline nor target: the baseline comes next. */
  set_value (value_only, 2016, 3, 4);
  assert_grey (value_only, PM_GREY_NO_BASELINE);
}

static void
test_assessment_travel_since_previous (void)
{
  g_autoptr(PmKpi) up = make_kpi (PM_UNIT_COUNT, PM_DIRECTION_INCREASE, 100, NULL, 200, NULL);
  g_autoptr(PmKpi) down = make_kpi (PM_UNIT_COUNT, PM_DIRECTION_REDUCE, 200, NULL, 100, NULL);
  g_autoptr(PmPeriod) q2 = pm_period_new (2016, 2);
  g_autoptr(PmProgressEntry) words = pm_progress_entry_new (q2);
  g_autoptr(PmAssessment) first = NULL;
  g_autoptr(PmAssessment) up_q3 = NULL;
  g_autoptr(PmAssessment) down_q3 = NULL;

  /* Q1 a value, Q2 only words, Q3 a value: Q3 is compared with Q1. */
  set_value (up, 2016, 1, 120);
  pm_progress_entry_set_note (words, "Delayed return from schools");
  g_assert_true (pm_kpi_set_entry (up, words, NULL));
  set_value (up, 2016, 3, 130);

  first = assess (up, 2016, 1);
  g_assert_cmpint (pm_assessment_get_travel_since_previous (first), ==, PM_TRAVEL_UNKNOWN);
  g_assert_cmpint (pm_assessment_get_travel_since_baseline (first), ==, PM_TRAVEL_IMPROVING);

  up_q3 = assess (up, 2016, 3);
  g_assert_cmpint (pm_assessment_get_travel_since_previous (up_q3), ==, PM_TRAVEL_IMPROVING);

  /* The same rise is worse when the aim is to reduce. */
  set_value (down, 2016, 1, 120);
  set_value (down, 2016, 3, 130);
  down_q3 = assess (down, 2016, 3);
  g_assert_cmpint (pm_assessment_get_travel_since_previous (down_q3), ==, PM_TRAVEL_WORSENING);
  g_assert_cmpint (pm_assessment_get_travel_since_baseline (down_q3), ==, PM_TRAVEL_IMPROVING);
}

static void
test_assessment_travel_steady (void)
{
  g_autoptr(PmKpi) kpi = make_kpi (PM_UNIT_COUNT, PM_DIRECTION_INCREASE, 100, NULL, 200, NULL);
  g_autoptr(PmAssessment) assessment = NULL;

  set_value (kpi, 2016, 2, 100);
  set_value (kpi, 2016, 3, 100);
  assessment = assess (kpi, 2016, 3);
  g_assert_cmpint (pm_assessment_get_travel_since_previous (assessment), ==, PM_TRAVEL_STEADY);
  g_assert_cmpint (pm_assessment_get_travel_since_baseline (assessment), ==, PM_TRAVEL_STEADY);
}

static void
test_assessment_travel_maintain_level (void)
{
  g_autoptr(PmKpi) with_target = make_kpi (PM_UNIT_PERCENTAGE, PM_DIRECTION_MAINTAIN, 90, NULL, 95, NULL);
  g_autoptr(PmKpi) without_target = pm_kpi_new ("Held level", PM_UNIT_PERCENTAGE, PM_DIRECTION_MAINTAIN);
  g_autoptr(PmBaseline) baseline = pm_baseline_new_value (90, NULL, NULL);
  g_autoptr(PmAssessment) a = NULL;
  g_autoptr(PmAssessment) b = NULL;

  /* The level is the current target: 90 to 94 comes closer to 95. */
  set_value (with_target, 2016, 2, 92);
  set_value (with_target, 2016, 3, 94);
  a = assess (with_target, 2016, 3);
  g_assert_cmpint (pm_assessment_get_travel_since_previous (a), ==, PM_TRAVEL_IMPROVING);
  g_assert_cmpint (pm_assessment_get_travel_since_baseline (a), ==, PM_TRAVEL_IMPROVING);

  /* Without a target the level is the baseline: moving off 90 is worse. */
  g_assert_true (pm_kpi_set_baseline (without_target, baseline, NULL));
  set_value (without_target, 2016, 2, 92);
  set_value (without_target, 2016, 3, 91);
  b = assess (without_target, 2016, 3);
  g_assert_cmpint (pm_assessment_get_travel_since_previous (b), ==, PM_TRAVEL_IMPROVING);
  g_assert_cmpint (pm_assessment_get_travel_since_baseline (b), ==, PM_TRAVEL_WORSENING);
}

static void
test_assessment_snapshot (void)
{
  g_autoptr(PmKpi) kpi = make_kpi (PM_UNIT_COUNT, PM_DIRECTION_INCREASE, 100, NULL, 200, NULL);
  g_autoptr(PmAssessment) assessment = NULL;
  PmRag rag = PM_RAG_GREY;

  set_value (kpi, 2016, 3, 150);
  assessment = assess (kpi, 2016, 3);
  g_object_get (assessment, "rag", &rag, NULL);
  g_assert_cmpint (rag, ==, PM_RAG_RED);

  /* Later edits do not change an assessment already taken. */
  set_value (kpi, 2016, 3, 200);
  g_assert_cmpfloat (pm_assessment_get_value (assessment), ==, 150);
  g_assert_cmpint (pm_assessment_get_rag (assessment), ==, PM_RAG_RED);
  g_assert_true (pm_assessment_get_kpi (assessment) == kpi);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rag/profiled-target/line", test_profiled_target_line);
  g_test_add_func ("/rag/profiled-target/undated", test_profiled_target_undated);
  g_test_add_func ("/rag/evaluate/increase", test_rag_increase);
  g_test_add_func ("/rag/evaluate/reduce", test_rag_reduce);
  g_test_add_func ("/rag/evaluate/maintain", test_rag_maintain);
  g_test_add_func ("/rag/travel", test_travel);
  g_test_add_func ("/assessment/profiled", test_assessment_profiled);
  g_test_add_func ("/assessment/profiled-undated", test_assessment_profiled_undated);
  g_test_add_func ("/assessment/rag/increase", test_assessment_rag_increase);
  g_test_add_func ("/assessment/rag/reduce", test_assessment_rag_reduce);
  g_test_add_func ("/assessment/rag/maintain", test_assessment_rag_maintain);
  g_test_add_func ("/assessment/tolerance", test_assessment_tolerance);
  g_test_add_func ("/assessment/grey/no-value", test_assessment_grey_no_value);
  g_test_add_func ("/assessment/grey/no-baseline", test_assessment_grey_no_baseline);
  g_test_add_func ("/assessment/grey/no-target", test_assessment_grey_no_target);
  g_test_add_func ("/assessment/grey/order", test_assessment_grey_order);
  g_test_add_func ("/assessment/travel/since-previous", test_assessment_travel_since_previous);
  g_test_add_func ("/assessment/travel/steady", test_assessment_travel_steady);
  g_test_add_func ("/assessment/travel/maintain-level", test_assessment_travel_maintain_level);
  g_test_add_func ("/assessment/snapshot", test_assessment_snapshot);

  return g_test_run ();
}
