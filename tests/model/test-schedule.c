/* test-schedule.c: targets as a schedule of milestones
 *
 * The programme of issue 16: baseline 30 at 31 March 2020, a milestone of
 * 40 for 31 March 2021 and one of 60 for 31 March 2022.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>

#include "pm-assessment.h"
#include "pm-date.h"
#include "pm-enums.h"
#include "pm-kpi.h"
#include "pm-schedule.h"

#define EPS 1e-9

static void
add_target (PmKpi      *kpi,
            guint       milestone,
            double      value,
            const char *date)
{
  g_autoptr(PmTarget) target = pm_target_new (value, date);
  g_autoptr(GError) error = NULL;

  pm_target_set_milestone (target, milestone);
  pm_kpi_add_target (kpi, target, &error);
  g_assert_no_error (error);
}

static PmKpi *
make_schedule (void)
{
  PmKpi *kpi = pm_kpi_new ("Children ready for school", PM_UNIT_PERCENTAGE, PM_DIRECTION_INCREASE);
  g_autoptr(PmBaseline) baseline = pm_baseline_new_value (30, "2020-03-31", NULL);

  g_assert_true (pm_kpi_set_baseline (kpi, baseline, NULL));
  add_target (kpi, 1, 40, "2021-03-31");
  add_target (kpi, 2, 60, "2022-03-31");

  return kpi;
}

static double
profiled_at (PmKpi *kpi,
             int    year,
             int    quarter)
{
  g_autoptr(PmPeriod) period = pm_period_new (year, quarter);
  g_autoptr(PmAssessment) a = pm_assessment_new (kpi, period);

  g_assert_true (pm_assessment_has_profiled_target (a));
  return pm_assessment_get_profiled_target (a);
}

static PmRag
rag_of (PmKpi  *kpi,
        int     year,
        int     quarter,
        double  value)
{
  g_autoptr(PmPeriod) period = pm_period_new (year, quarter);
  g_autoptr(PmProgressEntry) entry = pm_progress_entry_new (period);
  g_autoptr(PmAssessment) a = NULL;

  pm_progress_entry_set_value (entry, value);
  g_assert_true (pm_kpi_set_entry (kpi, entry, NULL));
  a = pm_assessment_new (kpi, period);

  return pm_assessment_get_rag (a);
}

static PmRag
schedule_rag (int    year,
              int    quarter,
              double value)
{
  g_autoptr(PmKpi) kpi = make_schedule ();

  return rag_of (kpi, year, quarter, value);
}

static void
test_schedule_numbers (void)
{
  const double values[] = { 40, 60 };
  const guint32 days[] = { 2000, 3000 };
  double heading = 0;

  /* Before the first milestone: from the baseline. */
  g_assert_cmpfloat_with_epsilon (pm_rag_profiled_schedule (30, 1000, values, days, 2, 500, &heading), 30, EPS);
  g_assert_cmpfloat_with_epsilon (heading, 40, EPS);
  g_assert_cmpfloat_with_epsilon (pm_rag_profiled_schedule (30, 1000, values, days, 2, 1500, &heading), 35, EPS);
  g_assert_cmpfloat_with_epsilon (heading, 40, EPS);
  /* Exactly at a milestone. */
  g_assert_cmpfloat_with_epsilon (pm_rag_profiled_schedule (30, 1000, values, days, 2, 2000, &heading), 40, EPS);
  g_assert_cmpfloat_with_epsilon (heading, 40, EPS);
  /* Between milestones: from one to the next. */
  g_assert_cmpfloat_with_epsilon (pm_rag_profiled_schedule (30, 1000, values, days, 2, 2250, &heading), 45, EPS);
  g_assert_cmpfloat_with_epsilon (heading, 60, EPS);
  g_assert_cmpfloat_with_epsilon (pm_rag_profiled_schedule (30, 1000, values, days, 2, 3000, NULL), 60, EPS);
  /* Past the last: the last. */
  g_assert_cmpfloat_with_epsilon (pm_rag_profiled_schedule (30, 1000, values, days, 2, 9000, &heading), 60, EPS);
  g_assert_cmpfloat_with_epsilon (heading, 60, EPS);
  /* One milestone is today's line. */
  g_assert_cmpfloat_with_epsilon (pm_rag_profiled_schedule (30, 1000, values, days, 1, 1500, NULL), 35, EPS);
}

static void
test_schedule_profiled (void)
{
  g_autoptr(PmKpi) kpi = make_schedule ();

  /* Q4 2019/20 ends on the baseline date. */
  g_assert_cmpfloat_with_epsilon (profiled_at (kpi, 2019, 4), 30, EPS);
  /* Q2 2020/21 ends on 30 September 2020, 183 days of 365 towards 40. */
  g_assert_cmpfloat_with_epsilon (profiled_at (kpi, 2020, 2), 30 + 10.0 * 183 / 365, EPS);
  /* Q4 2020/21 ends on the first milestone. */
  g_assert_cmpfloat_with_epsilon (profiled_at (kpi, 2020, 4), 40, EPS);
  /* Q2 2021/22: 183 days of 365 from 40 towards 60. */
  g_assert_cmpfloat_with_epsilon (profiled_at (kpi, 2021, 2), 40 + 20.0 * 183 / 365, EPS);
  g_assert_cmpfloat_with_epsilon (profiled_at (kpi, 2021, 4), 60, EPS);
  /* After the last milestone it stands. */
  g_assert_cmpfloat_with_epsilon (profiled_at (kpi, 2022, 3), 60, EPS);
}

static void
test_schedule_rag (void)
{
    /* 41 beats the year's target of 40. */
  g_assert_cmpint (schedule_rag (2020, 4, 41), ==, PM_RAG_GREEN);
  /* Amber band: 10% of the distance from the baseline to the milestone
   * the period heads for, |40 - 30| = 10, so 1 below 40 ... */
  g_assert_cmpint (schedule_rag (2020, 4, 39.5), ==, PM_RAG_AMBER);
  g_assert_cmpint (schedule_rag (2020, 4, 38.5), ==, PM_RAG_RED);
  /* ... and |60 - 30| = 30, so 3 below 60: 52 is red, 57.5 amber. */
  g_assert_cmpint (schedule_rag (2021, 4, 52), ==, PM_RAG_RED);
  g_assert_cmpint (schedule_rag (2021, 4, 57.5), ==, PM_RAG_AMBER);
  g_assert_cmpint (schedule_rag (2021, 4, 60), ==, PM_RAG_GREEN);
}

static void
test_schedule_milestones (void)
{
  g_autoptr(PmKpi) kpi = make_schedule ();
  g_autoptr(GPtrArray) before = pm_kpi_get_milestones (kpi);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(PmTarget) revision = pm_target_new (45, "2021-03-31");

  g_assert_cmpuint (before->len, ==, 2);
  g_assert_cmpfloat (pm_target_get_value (before->pdata[0]), ==, 40);
  g_assert_cmpfloat (pm_target_get_value (before->pdata[1]), ==, 60);
  g_assert_cmpfloat (pm_target_get_value (pm_kpi_get_current_target (kpi)), ==, 60);
  g_assert_cmpuint (pm_kpi_next_milestone (kpi), ==, 3);

  /* Revising the first milestone keeps the second, and the old 40. */
  pm_target_set_milestone (revision, 1);
  pm_target_set_set_on (revision, "2020-10-01");
  pm_target_set_reason (revision, "New funding");
  g_assert_true (pm_kpi_add_target (kpi, revision, NULL));

  after = pm_kpi_get_milestones (kpi);
  g_assert_cmpuint (after->len, ==, 2);
  g_assert_cmpfloat (pm_target_get_value (after->pdata[0]), ==, 45);
  g_assert_cmpfloat (pm_target_get_value (after->pdata[1]), ==, 60);
  g_assert_cmpuint (g_list_model_get_n_items (pm_kpi_get_targets (kpi)), ==, 3);
  g_assert_cmpfloat_with_epsilon (profiled_at (kpi, 2020, 4), 45, EPS);
}

/* Targets that do not say which milestone they are keep today's meaning:
 * the later one revises the first, and the line runs from 30 to 60. */
static void
test_schedule_revision_kept (void)
{
  g_autoptr(PmKpi) kpi = pm_kpi_new ("Children ready for school", PM_UNIT_PERCENTAGE, PM_DIRECTION_INCREASE);
  g_autoptr(PmBaseline) baseline = pm_baseline_new_value (30, "2020-03-31", NULL);
  g_autoptr(PmTarget) first = pm_target_new (40, "2021-03-31");
  g_autoptr(PmTarget) second = pm_target_new (60, "2022-03-31");
  g_autoptr(GPtrArray) milestones = NULL;

  g_assert_true (pm_kpi_set_baseline (kpi, baseline, NULL));
  g_assert_true (pm_kpi_add_target (kpi, first, NULL));
  pm_target_set_set_on (second, "2020-06-01");
  g_assert_true (pm_kpi_add_target (kpi, second, NULL));

  milestones = pm_kpi_get_milestones (kpi);
  g_assert_cmpuint (milestones->len, ==, 1);
  g_assert_true (milestones->pdata[0] == second);
  /* 365 of 730 days from 30 to 60. */
  g_assert_cmpfloat_with_epsilon (profiled_at (kpi, 2020, 4), 45, EPS);
  g_assert_cmpint (rag_of (kpi, 2020, 4, 41), ==, PM_RAG_RED);
}

static void
test_schedule_refused (void)
{
  g_autoptr(PmKpi) kpi = make_schedule ();
  g_autoptr(PmTarget) gap = pm_target_new (80, "2023-03-31");
  g_autoptr(PmTarget) undated = pm_target_new (80, NULL);
  g_autoptr(PmTarget) same_day = pm_target_new (80, "2022-03-31");
  g_autoptr(GError) error = NULL;

  pm_target_set_milestone (gap, 4);
  g_assert_false (pm_kpi_add_target (kpi, gap, &error));
  g_assert_error (error, PM_MODEL_ERROR, PM_MODEL_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);

  pm_target_set_milestone (undated, 3);
  g_assert_false (pm_kpi_add_target (kpi, undated, &error));
  g_assert_error (error, PM_MODEL_ERROR, PM_MODEL_ERROR_MISSING);
  g_clear_error (&error);

  pm_target_set_milestone (same_day, 3);
  g_assert_false (pm_kpi_add_target (kpi, same_day, &error));
  g_assert_error (error, PM_MODEL_ERROR, PM_MODEL_ERROR_DUPLICATE);
  g_assert_cmpuint (g_list_model_get_n_items (pm_kpi_get_targets (kpi)), ==, 2);
}

/* A chart rates all its points at once: each as an assessment at its own
 * period would, the schedule read once. */
static void
test_schedule_rate_entries (void)
{
  g_autoptr(PmKpi) kpi = make_schedule ();
  g_autoptr(PmKpi) no_target = pm_kpi_new ("No target", PM_UNIT_COUNT, PM_DIRECTION_INCREASE);
  g_autoptr(PmBaseline) baseline = pm_baseline_new_value (30, "2020-03-31", NULL);
  /* FY2020 Q4 at the first milestone; FY2021 Q2 halfway to 60, about 50;
   * FY2021 Q3 with a note and no value; FY2022 Q1 after the last. */
  const struct { int year, quarter; double value; PmRag rag; } cases[] = {
    { 2020, 4, 41, PM_RAG_GREEN }, { 2020, 4, 39.5, PM_RAG_AMBER },
    { 2021, 2, 44, PM_RAG_RED }, { 2021, 2, 51, PM_RAG_GREEN },
    { 2021, 3, NAN, PM_RAG_GREY }, { 2022, 1, 57.5, PM_RAG_AMBER },
  };
  double days_profiled[2], one;
  const guint32 days[] = { pm_date_to_julian ("2020-09-30"), pm_date_to_julian ("2022-06-30") };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(PmPeriod) period = pm_period_new (cases[i].year, cases[i].quarter);
      g_autoptr(PmProgressEntry) entry = pm_progress_entry_new (period);
      g_autoptr(PmAssessment) assessment = NULL;
      PmProgressEntry *entries[1] = { entry };
      PmRag rag = PM_N_RAG;

      if (isnan (cases[i].value))
        pm_progress_entry_set_note (entry, "Figures late from the provider");
      else
        pm_progress_entry_set_value (entry, cases[i].value);
      g_assert_true (pm_kpi_set_entry (kpi, entry, NULL));
      pm_assessment_rate_entries (kpi, entries, 1, &rag);
      assessment = pm_assessment_new (kpi, period);
      g_test_message ("%d Q%d %g", cases[i].year, cases[i].quarter, cases[i].value);
      g_assert_cmpint (rag, ==, cases[i].rag);
      g_assert_cmpint (rag, ==, pm_assessment_get_rag (assessment));
    }

  /* All the KPI's entries at once, as one by one. */
  {
    GListModel *model = pm_kpi_get_entries (kpi);
    guint n = g_list_model_get_n_items (model);
    g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
    g_autofree PmRag *rags = g_new (PmRag, n);

    g_assert_cmpuint (n, ==, 4);
    for (guint i = 0; i < n; i++)
      g_ptr_array_add (entries, g_list_model_get_item (model, i));
    pm_assessment_rate_entries (kpi, (PmProgressEntry **) entries->pdata, n, rags);
    for (guint i = 0; i < n; i++)
      {
        g_autoptr(PmAssessment) assessment =
          pm_assessment_new (kpi, pm_progress_entry_get_period (entries->pdata[i]));

        g_assert_cmpint (rags[i], ==, pm_assessment_get_rag (assessment));
      }
    g_assert_cmpint (rags[0], ==, PM_RAG_AMBER);  /* 39.5 replaced 41 */
    g_assert_cmpint (rags[2], ==, PM_RAG_GREY);
  }

  /* Several days at once, as one at a time. */
  g_assert_true (pm_kpi_get_profiled_targets (kpi, days, 2, days_profiled, NULL));
  g_assert_true (pm_kpi_get_profiled_target (kpi, days[0], &one, NULL));
  g_assert_cmpfloat_with_epsilon (days_profiled[0], one, EPS);
  g_assert_cmpfloat_with_epsilon (days_profiled[0], 30 + 10.0 * 183 / 365, EPS);
  g_assert_cmpfloat_with_epsilon (days_profiled[1], 60, EPS);

  /* Without a target, every value is grey, and no day has a line. */
  g_assert_true (pm_kpi_set_baseline (no_target, baseline, NULL));
  {
    g_autoptr(PmPeriod) period = pm_period_new (2020, 4);
    g_autoptr(PmProgressEntry) entry = pm_progress_entry_new (period);
    PmProgressEntry *entries[1] = { entry };
    PmRag rag = PM_N_RAG;

    pm_progress_entry_set_value (entry, 41);
    g_assert_true (pm_kpi_set_entry (no_target, entry, NULL));
    pm_assessment_rate_entries (no_target, entries, 1, &rag);
    g_assert_cmpint (rag, ==, PM_RAG_GREY);
    g_assert_false (pm_kpi_get_profiled_targets (no_target, days, 2, days_profiled, NULL));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/schedule/numbers", test_schedule_numbers);
  g_test_add_func ("/schedule/profiled", test_schedule_profiled);
  g_test_add_func ("/schedule/rag", test_schedule_rag);
  g_test_add_func ("/schedule/milestones", test_schedule_milestones);
  g_test_add_func ("/schedule/revision-kept", test_schedule_revision_kept);
  g_test_add_func ("/schedule/refused", test_schedule_refused);
  g_test_add_func ("/schedule/rate-entries", test_schedule_rate_entries);

  return g_test_run ();
}
