/* test-wording.c: how figures are worded, the same in the window, the
 * prints and the command line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <locale.h>

#include "pm-wording.h"

static void
test_reach (void)
{
  g_autofree char *some = pm_wording_reach (7, 125, NULL);
  g_autofree char *none = pm_wording_reach (-1, 125, NULL);
  g_autofree char *untargeted = pm_wording_reach (3, 0, NULL);
  g_autofree char *nothing = pm_wording_reach (-1, 0, NULL);
  g_autofree char *all = pm_wording_reach (125, 125, NULL);

  g_assert_cmpstr (some, ==, "7 of 125 families (6%)");
  g_assert_cmpstr (none, ==, "Not reported (target 125 families)");
  g_assert_cmpstr (untargeted, ==, "3 families");
  g_assert_cmpstr (nothing, ==, "Not reported");
  g_assert_cmpstr (all, ==, "125 of 125 families (100%)");
}

/* What the reach counts is the pilot's own noun, and numbers are grouped
 * in thousands. */
static void
test_reach_unit (void)
{
  g_autofree char *children = pm_wording_reach (1287, 4592, "children");
  g_autofree char *one_child = pm_wording_reach (1, 0, "children");
  g_autofree char *people = pm_wording_reach (-1, 2500, "people");
  g_autofree char *visits = pm_wording_reach (12, 0, "visits");
  g_autofree char *places = pm_wording_reach (1, 1, "places");
  g_autofree char *own = pm_wording_reach (40, 50, "volunteers");
  g_autofree char *families = pm_wording_reach (1287, 4592, NULL);
  g_autofree char *total = pm_wording_reach_total (12870, 1287, 4592, "children");
  g_autofree char *cover = pm_wording_reach_cover (12870, 4592, 1, 8, "people");
  g_autofree char *mixed = pm_wording_reach_cover (12870, 0, 0, 3, "");
  g_autofree char *title = pm_wording_reach_title ("children");
  g_autofree char *own_title = pm_wording_reach_title ("volunteers");
  g_autofree char *default_title = pm_wording_reach_title (NULL);

  g_assert_cmpstr (children, ==, "1,287 of 4,592 children (28%)");
  g_assert_cmpstr (one_child, ==, "1 child");
  g_assert_cmpstr (people, ==, "Not reported (target 2,500 people)");
  g_assert_cmpstr (visits, ==, "12 visits");
  g_assert_cmpstr (places, ==, "1 of 1 place (100%)");
  g_assert_cmpstr (own, ==, "40 of 50 volunteers (80%)");
  g_assert_cmpstr (families, ==, "1,287 of 4,592 families (28%)");
  g_assert_cmpstr (total, ==, "12,870 children; against targets, 1,287 of 4,592 children (28%)");
  g_assert_cmpstr (cover, ==, "12,870 people; target 4,592 for 1 of 8 pilots that set one");
  g_assert_cmpstr (mixed, ==, "12,870; no pilot set a target");
  g_assert_cmpstr (title, ==, "Children");
  g_assert_cmpstr (own_title, ==, "Volunteers");
  g_assert_cmpstr (default_title, ==, "Families");
}

static void
test_reach_total (void)
{
  g_autofree char *mixed = pm_wording_reach_total (201, 7, 125, NULL);
  g_autofree char *targeted = pm_wording_reach_total (7, 7, 125, NULL);
  g_autofree char *none = pm_wording_reach_total (-1, 0, 125, NULL);

  /* Families reached without a target are not set against others' targets. */
  g_assert_cmpstr (mixed, ==, "201 families; against targets, 7 of 125 families (6%)");
  g_assert_cmpstr (targeted, ==, "7 of 125 families (6%)");
  g_assert_cmpstr (none, ==, "Not reported (target 125 families)");
}

/* Nothing entered is said to be so, never printed as £0 or a default. */
static void
test_not_entered (void)
{
  g_autofree char *money = pm_wording_money_reported (-1);
  g_autofree char *zero = pm_wording_money_reported (0);
  g_autofree char *budget_only = pm_wording_spend (-1, -1, 5000000);
  g_autofree char *some = pm_wording_reach_cover (201, 125, 1, 8, NULL);
  g_autofree char *all = pm_wording_reach_cover (7, 125, 1, 1, NULL);
  g_autofree char *none = pm_wording_reach_cover (24, 0, 0, 2, NULL);
  g_autofree char *nothing = pm_wording_reach_cover (-1, 0, 0, 2, NULL);
  guint counts[PM_N_RAG] = { 0, };
  g_autofree char *lead = NULL;
  g_autofree char *unstated = NULL;

  g_assert_cmpstr (money, ==, "not reported");
  g_assert_cmpstr (zero, ==, "£0");
  g_assert_cmpstr (budget_only, ==, "Not reported, budget £50,000");
  g_assert_cmpstr (some, ==, "201 families; target 125 for 1 of 8 pilots that set one");
  g_assert_cmpstr (all, ==, "7 of 125 families (6%)");
  g_assert_cmpstr (none, ==, "24 families; no pilot set a target");
  g_assert_cmpstr (nothing, ==, "Not reported");

  counts[PM_RAG_RED] = 2;
  counts[PM_RAG_GREY] = 3;
  lead = pm_wording_lead_and_kpis (PM_DELIVERY_ON_TRACK, counts);
  g_assert_cmpstr (lead, ==, "Lead’s view: on track · KPIs this quarter: 0 G, 0 A, 2 R, 3 not judged");
  unstated = pm_wording_lead_and_kpis (PM_DELIVERY_NOT_STATED, counts);
  g_assert_true (g_str_has_prefix (unstated, "Lead’s view: not stated · "));
}

static void
test_spend (void)
{
  g_autofree char *spent = pm_wording_spend (490000, 0, -1);
  g_autofree char *both = pm_wording_spend (490000, 3000000, -1);
  g_autofree char *budgeted = pm_wording_spend (490000, 0, 5000000);
  g_autofree char *none = pm_wording_spend (0, 0, -1);
  g_autofree char *committed = pm_wording_spend (0, 3000000, -1);

  g_assert_cmpstr (spent, ==, "£4,900 spent");
  g_assert_cmpstr (both, ==, "£4,900 spent, £30,000 committed");
  g_assert_cmpstr (budgeted, ==, "£4,900 of £50,000 (10%)");
  g_assert_cmpstr (none, ==, "None recorded");
  g_assert_cmpstr (committed, ==, "£30,000 committed");
}

static void
test_target (void)
{
  g_autoptr(PmTarget) dated = pm_target_new (13, "2017-11-30");
  g_autoptr(PmTarget) undated = pm_target_new (95, NULL);
  g_autofree char *a = pm_wording_target (dated, PM_UNIT_COUNT);
  g_autofree char *b = pm_wording_target (undated, PM_UNIT_PERCENTAGE);

  g_assert_cmpstr (a, ==, "13 by 30 November 2017");
  g_assert_cmpstr (b, ==, "95%");
}

static void
test_rag_words (void)
{
  guint counts[PM_N_RAG] = { 0, };
  g_autofree char *text = NULL;

  counts[PM_RAG_GREEN] = 3;
  counts[PM_RAG_AMBER] = 1;
  counts[PM_RAG_GREY] = 2;
  text = pm_wording_rag_counts (counts);

  g_assert_cmpstr (text, ==, "3 green, 1 amber, 0 red, 2 not judged");
}

static void
test_kpi_texts (void)
{
  g_autoptr(PmKpi) kpi = pm_kpi_new ("Attendance", PM_UNIT_PERCENTAGE, PM_DIRECTION_INCREASE);
  g_autoptr(PmPeriod) q3 = pm_period_new (2016, 3);
  g_autoptr(PmPeriod) q4 = pm_period_new (2016, 4);
  g_autoptr(PmProgressEntry) entry = pm_progress_entry_new (q3);
  g_autoptr(PmTarget) target = pm_target_new (95, NULL);
  g_autofree char *no_target = pm_wording_kpi_target (kpi);
  g_autofree char *no_value = pm_wording_kpi_value (kpi, q4);
  g_autofree char *value = NULL;
  g_autofree char *with_target = NULL;

  g_assert_null (no_target);
  g_assert_null (no_value);

  pm_progress_entry_set_value (entry, 44.8);
  g_assert_true (pm_kpi_set_entry (kpi, entry, NULL));
  g_assert_true (pm_kpi_add_target (kpi, target, NULL));
  value = pm_wording_kpi_value (kpi, q3);
  with_target = pm_wording_kpi_target (kpi);
  g_assert_cmpstr (value, ==, "44.8%");
  g_assert_cmpstr (with_target, ==, "95%");
}

/* ↑ for a value that fell from 17 to 16 read as "up": the words say
 * which way it moved and whether that is the right way. */
static void
test_travel_reduce (void)
{
  g_autoptr(PmKpi) kpi = pm_kpi_new ("Waiting weeks", PM_UNIT_COUNT, PM_DIRECTION_REDUCE);
  g_autoptr(PmBaseline) baseline = pm_baseline_new_value (20, "2016-04-01", NULL);
  g_autoptr(PmPeriod) q2 = pm_period_new (2016, 2);
  g_autoptr(PmPeriod) q3 = pm_period_new (2016, 3);
  g_autoptr(PmPeriod) q4 = pm_period_new (2016, 4);
  g_autoptr(PmProgressEntry) before = pm_progress_entry_new (q2);
  g_autoptr(PmProgressEntry) now = pm_progress_entry_new (q3);
  g_autoptr(PmProgressEntry) later = pm_progress_entry_new (q4);
  g_autofree char *first = NULL;
  g_autofree char *move = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *worse = NULL;
  g_autofree char *same = NULL;
  PmTravel travel = PM_TRAVEL_UNKNOWN;

  g_assert_true (pm_kpi_set_baseline (kpi, baseline, NULL));
  pm_progress_entry_set_value (before, 17);
  g_assert_true (pm_kpi_set_entry (kpi, before, NULL));

  /* The first value is set against the baseline. */
  first = pm_wording_travel_reason (kpi, q2);
  g_assert_cmpstr (first, ==, "Improving: down from a baseline of 20 to 17, and this KPI should go down");

  pm_progress_entry_set_value (now, 16);
  g_assert_true (pm_kpi_set_entry (kpi, now, NULL));
  move = pm_wording_travel_move (kpi, q3, &travel);
  reason = pm_wording_travel_reason (kpi, q3);
  g_assert_cmpint (travel, ==, PM_TRAVEL_IMPROVING);
  g_assert_cmpstr (move, ==, "down from 17 to 16");
  g_assert_cmpstr (reason, ==, "Improving: down from 17 to 16, and this KPI should go down");

  pm_progress_entry_set_value (later, 18);
  g_assert_true (pm_kpi_set_entry (kpi, later, NULL));
  worse = pm_wording_travel_reason (kpi, q4);
  g_assert_cmpstr (worse, ==, "Worsening: up from 16 to 18, and this KPI should go down");

  pm_progress_entry_set_value (later, 16);
  g_assert_true (pm_kpi_set_entry (kpi, later, NULL));
  same = pm_wording_travel_reason (kpi, q4);
  g_assert_cmpstr (same, ==, "Steady: unchanged at 16, and this KPI should go down");
}

/* A monthly or yearly KPI in a quarter's print moves from the value
 * before the one shown, not from the one shown itself: December's 114
 * after November's 117 is "down from 117 to 114", never "unchanged". */
static void
test_travel_other_frequency (void)
{
  g_autoptr(PmKpi) monthly = pm_kpi_new ("Referrals", PM_UNIT_COUNT, PM_DIRECTION_REDUCE);
  g_autoptr(PmKpi) yearly = pm_kpi_new ("Outturn", PM_UNIT_COUNT, PM_DIRECTION_INCREASE);
  g_autoptr(PmBaseline) baseline = pm_baseline_new_value (140, "2020-03-31", NULL);
  g_autoptr(PmBaseline) base_year = pm_baseline_new_value (30, "2019-03-31", NULL);
  g_autoptr(PmPeriod) nov = pm_period_new_month (2020, 8);
  g_autoptr(PmPeriod) dec = pm_period_new_month (2020, 9);
  g_autoptr(PmPeriod) fy2019 = pm_period_new_year (2019);
  g_autoptr(PmPeriod) fy2020 = pm_period_new_year (2020);
  g_autoptr(PmPeriod) q3 = pm_period_new (2020, 3);
  g_autoptr(PmPeriod) q3_next = pm_period_new (2021, 3);
  g_autoptr(PmProgressEntry) e_nov = pm_progress_entry_new (nov);
  g_autoptr(PmProgressEntry) e_dec = pm_progress_entry_new (dec);
  g_autoptr(PmProgressEntry) e_2019 = pm_progress_entry_new (fy2019);
  g_autoptr(PmProgressEntry) e_2020 = pm_progress_entry_new (fy2020);
  g_autofree char *month_move = NULL;
  g_autofree char *year_move = NULL;
  PmTravel travel = PM_TRAVEL_UNKNOWN;

  pm_kpi_set_frequency (monthly, PM_FREQUENCY_MONTHLY);
  g_assert_true (pm_kpi_set_baseline (monthly, baseline, NULL));
  pm_progress_entry_set_value (e_nov, 117);
  pm_progress_entry_set_value (e_dec, 114);
  g_assert_true (pm_kpi_set_entry (monthly, e_nov, NULL));
  g_assert_true (pm_kpi_set_entry (monthly, e_dec, NULL));
  month_move = pm_wording_travel_move (monthly, q3, &travel);
  g_assert_cmpint (travel, ==, PM_TRAVEL_IMPROVING);
  g_assert_cmpstr (month_move, ==, "down from 117 to 114");

  pm_kpi_set_frequency (yearly, PM_FREQUENCY_YEARLY);
  g_assert_true (pm_kpi_set_baseline (yearly, base_year, NULL));
  pm_progress_entry_set_value (e_2019, 35);
  pm_progress_entry_set_value (e_2020, 41);
  g_assert_true (pm_kpi_set_entry (yearly, e_2019, NULL));
  g_assert_true (pm_kpi_set_entry (yearly, e_2020, NULL));
  /* At Q3 2021/22 the latest year is 2020/21's 41, after 2019/20's 35. */
  year_move = pm_wording_travel_move (yearly, q3_next, &travel);
  g_assert_cmpint (travel, ==, PM_TRAVEL_IMPROVING);
  g_assert_cmpstr (year_move, ==, "up from 35 to 41");
}

static void
test_travel_unknown (void)
{
  g_autoptr(PmKpi) kpi = pm_kpi_new ("Attendance", PM_UNIT_PERCENTAGE, PM_DIRECTION_INCREASE);
  g_autoptr(PmPeriod) q3 = pm_period_new (2016, 3);
  g_autofree char *move = NULL;
  g_autofree char *reason = pm_wording_travel_reason (kpi, q3);
  PmTravel travel = PM_TRAVEL_IMPROVING;

  move = pm_wording_travel_move (kpi, q3, &travel);
  g_assert_null (move);
  g_assert_cmpint (travel, ==, PM_TRAVEL_UNKNOWN);
  g_assert_cmpstr (reason, ==, "Not known");
}

/* Beside the field: the value before and what on track needs now. */
static void
test_entry_context (void)
{
  g_autoptr(PmKpi) kpi = pm_kpi_new ("Families", PM_UNIT_COUNT, PM_DIRECTION_INCREASE);
  g_autoptr(PmKpi) fewer = pm_kpi_new ("Referrals", PM_UNIT_COUNT, PM_DIRECTION_REDUCE);
  g_autoptr(PmBaseline) baseline = pm_baseline_new_value (0, "2016-03-31", NULL);
  g_autoptr(PmBaseline) high = pm_baseline_new_value (20, "2016-03-31", NULL);
  /* A year from the baseline: at the end of Q2 (183 of 365 days) the
   * line stands at 25.07, and at the target by the end of Q4. */
  g_autoptr(PmTarget) target = pm_target_new (50, "2017-03-31");
  g_autoptr(PmTarget) lower = pm_target_new (12, NULL);
  g_autoptr(PmPeriod) q1 = pm_period_new (2016, 1);
  g_autoptr(PmPeriod) q2 = pm_period_new (2016, 2);
  g_autoptr(PmPeriod) q4 = pm_period_new (2016, 4);
  g_autoptr(PmProgressEntry) entry = pm_progress_entry_new (q1);
  g_autofree char *nothing = pm_wording_entry_context (kpi, q2);
  g_autofree char *next = NULL;
  g_autofree char *later = NULL;
  g_autofree char *reduce = NULL;

  g_assert_cmpstr (nothing, ==, "No earlier value · no target to judge by");

  g_assert_true (pm_kpi_set_baseline (kpi, baseline, NULL));
  g_assert_true (pm_kpi_add_target (kpi, target, NULL));
  pm_progress_entry_set_value (entry, 5);
  g_assert_true (pm_kpi_set_entry (kpi, entry, NULL));
  next = pm_wording_entry_context (kpi, q2);
  later = pm_wording_entry_context (kpi, q4);
  g_assert_cmpstr (next, ==, "Last quarter 5 · on track needs ≥ 25.07");
  g_assert_cmpstr (later, ==, "Q1 2016/17: 5 · on track needs ≥ 50");

  g_assert_true (pm_kpi_set_baseline (fewer, high, NULL));
  g_assert_true (pm_kpi_add_target (fewer, lower, NULL));
  reduce = pm_wording_entry_context (fewer, q2);
  g_assert_cmpstr (reduce, ==, "No earlier value · on track needs ≤ 12");
}

/* A yearly KPI's earlier value is last year's, not last quarter's. */
static void
test_entry_context_yearly (void)
{
  g_autoptr(PmKpi) kpi = pm_kpi_new ("Outturn", PM_UNIT_COUNT, PM_DIRECTION_INCREASE);
  g_autoptr(PmBaseline) baseline = pm_baseline_new_value (30, "2020-03-31", NULL);
  g_autoptr(PmTarget) target = pm_target_new (40, "2021-03-31");
  g_autoptr(PmPeriod) fy2020 = pm_period_new_year (2020);
  g_autoptr(PmPeriod) fy2021 = pm_period_new_year (2021);
  g_autoptr(PmProgressEntry) entry = pm_progress_entry_new (fy2020);
  g_autofree char *next = NULL;

  pm_kpi_set_frequency (kpi, PM_FREQUENCY_YEARLY);
  g_assert_true (pm_kpi_set_baseline (kpi, baseline, NULL));
  g_assert_true (pm_kpi_add_target (kpi, target, NULL));
  pm_progress_entry_set_value (entry, 41);
  g_assert_true (pm_kpi_set_entry (kpi, entry, NULL));
  next = pm_wording_entry_context (kpi, fy2021);
  g_assert_cmpstr (next, ==, "Last year 41 · on track needs ≥ 40");
}

/* So is a calendar-yearly KPI's: 2020's value is last year's at 2021. */
static void
test_entry_context_calendar_yearly (void)
{
  g_autoptr(PmKpi) kpi = pm_kpi_new ("Outturn", PM_UNIT_COUNT, PM_DIRECTION_INCREASE);
  g_autoptr(PmBaseline) baseline = pm_baseline_new_value (30, "2019-12-31", NULL);
  g_autoptr(PmTarget) target = pm_target_new (40, "2020-12-31");
  g_autoptr(PmPeriod) cy2020 = pm_period_new_calendar_year (2020);
  g_autoptr(PmPeriod) cy2021 = pm_period_new_calendar_year (2021);
  g_autoptr(PmProgressEntry) entry = pm_progress_entry_new (cy2020);
  g_autofree char *next = NULL;

  pm_kpi_set_frequency (kpi, PM_FREQUENCY_CALENDAR_YEARLY);
  g_assert_true (pm_kpi_set_baseline (kpi, baseline, NULL));
  g_assert_true (pm_kpi_add_target (kpi, target, NULL));
  pm_progress_entry_set_value (entry, 41);
  g_assert_true (pm_kpi_set_entry (kpi, entry, NULL));
  next = pm_wording_entry_context (kpi, cy2021);
  g_assert_cmpstr (next, ==, "Last year 41 · on track needs ≥ 40");
}

static void
test_money (void)
{
  g_autofree char *pounds = pm_wording_money (490050);

  g_assert_cmpstr (pounds, ==, "£4,900.50");
}


/* A chart's alternative text says what the chart shows. */
static void
test_chart_summary (void)
{
  g_autoptr(PmKpi) kpi = pm_kpi_new ("Families supported", PM_UNIT_COUNT, PM_DIRECTION_INCREASE);
  g_autoptr(PmBaseline) baseline = pm_baseline_new_value (0, "2016-10-01", NULL);
  g_autoptr(PmPeriod) q3 = pm_period_new (2016, 3);
  g_autoptr(PmPeriod) q4 = pm_period_new (2016, 4);
  g_autoptr(PmProgressEntry) entry = pm_progress_entry_new (q3);
  g_autoptr(PmTarget) target = pm_target_new (20, NULL);
  g_autofree char *untargeted = NULL;
  g_autofree char *judged = NULL;
  g_autofree char *empty = NULL;

  g_assert_true (pm_kpi_set_baseline (kpi, baseline, NULL));
  pm_progress_entry_set_value (entry, 5);
  g_assert_true (pm_kpi_set_entry (kpi, entry, NULL));
  untargeted = pm_wording_chart_summary (kpi, q3);
  g_assert_cmpstr (untargeted, ==, "Families supported: 5 in Q3 2016/17, with no target to judge by; not judged");

  /* An undated target is the profiled target itself: 5 is far short of 20. */
  g_assert_true (pm_kpi_add_target (kpi, target, NULL));
  judged = pm_wording_chart_summary (kpi, q3);
  g_assert_cmpstr (judged, ==, "Families supported: 5 in Q3 2016/17 against a profiled target of 20; off track");

  empty = pm_wording_chart_summary (kpi, q4);
  g_assert_cmpstr (empty, ==, "Families supported: no value for Q4 2016/17; not judged");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/wording/reach", test_reach);
  g_test_add_func ("/model/wording/reach-unit", test_reach_unit);
  g_test_add_func ("/model/wording/reach-total", test_reach_total);
  g_test_add_func ("/model/wording/spend", test_spend);
  g_test_add_func ("/model/wording/not-entered", test_not_entered);
  g_test_add_func ("/model/wording/money", test_money);
  g_test_add_func ("/model/wording/target", test_target);
  g_test_add_func ("/model/wording/kpi-texts", test_kpi_texts);
  g_test_add_func ("/model/wording/rag-counts", test_rag_words);
  g_test_add_func ("/model/wording/travel-reduce", test_travel_reduce);
  g_test_add_func ("/model/wording/travel-unknown", test_travel_unknown);
  g_test_add_func ("/model/wording/travel-other-frequency", test_travel_other_frequency);
  g_test_add_func ("/model/wording/entry-context", test_entry_context);
  g_test_add_func ("/model/wording/entry-context-yearly", test_entry_context_yearly);
  g_test_add_func ("/model/wording/entry-context-calendar-yearly", test_entry_context_calendar_yearly);
  g_test_add_func ("/model/wording/chart-summary", test_chart_summary);

  return g_test_run ();
}
