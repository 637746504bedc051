/* test-period.c: financial-year years, quarters and months
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "pm-enums.h"
#include "pm-period.h"

static void
assert_date (const GDate *date,
             int          day,
             int          month,
             int          year)
{
  g_assert_true (g_date_valid (date));
  g_assert_cmpint (g_date_get_day (date), ==, day);
  g_assert_cmpint (g_date_get_month (date), ==, month);
  g_assert_cmpint (g_date_get_year (date), ==, year);
}

static void
test_period_parse_q3 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PmPeriod) period = NULL;
  g_autofree char *code = NULL;
  g_autofree char *label = NULL;
  g_autofree char *short_label = NULL;
  GDate date;

  period = pm_period_parse ("FY2016-Q3", &error);
  g_assert_no_error (error);
  g_assert_cmpint (pm_period_get_year (period), ==, 2016);
  g_assert_cmpint (pm_period_get_quarter (period), ==, 3);

  code = pm_period_to_code (period);
  label = pm_period_get_label (period);
  short_label = pm_period_get_short_label (period);
  g_assert_cmpstr (code, ==, "FY2016-Q3");
  g_assert_cmpstr (label, ==, "Q3 2016/17");
  g_assert_cmpstr (short_label, ==, "Q3 16/17");

  /* October to December 2016 */
  pm_period_get_start_date (period, &date);
  assert_date (&date, 1, 10, 2016);
  pm_period_get_end_date (period, &date);
  assert_date (&date, 31, 12, 2016);
}

static void
test_period_q4_is_next_calendar_year (void)
{
  g_autoptr(PmPeriod) period = pm_period_new (2016, 4);
  g_autofree char *label = pm_period_get_label (period);
  g_autofree char *code = pm_period_to_code (period);
  GDate date;

  g_assert_cmpstr (label, ==, "Q4 2016/17");
  g_assert_cmpstr (code, ==, "FY2016-Q4");

  /* January to March 2017 */
  pm_period_get_start_date (period, &date);
  assert_date (&date, 1, 1, 2017);
  pm_period_get_end_date (period, &date);
  assert_date (&date, 31, 3, 2017);
}

static void
test_period_q1_q2 (void)
{
  g_autoptr(PmPeriod) q1 = pm_period_new (2016, 1);
  g_autoptr(PmPeriod) q2 = pm_period_new (2016, 2);
  g_autoptr(PmPeriod) century = pm_period_new (1999, 4);
  g_autofree char *century_label = pm_period_get_label (century);
  g_autofree char *century_short = pm_period_get_short_label (century);
  GDate date;

  pm_period_get_start_date (q1, &date);
  assert_date (&date, 1, 4, 2016);
  pm_period_get_end_date (q1, &date);
  assert_date (&date, 30, 6, 2016);

  pm_period_get_start_date (q2, &date);
  assert_date (&date, 1, 7, 2016);
  pm_period_get_end_date (q2, &date);
  assert_date (&date, 30, 9, 2016);

  g_assert_cmpstr (century_label, ==, "Q4 1999/00");
  g_assert_cmpstr (century_short, ==, "Q4 99/00");
}

static void
test_period_parse_invalid (void)
{
  static const char * const bad[] = {
    "FY2016-Q5", "FY2016-Q0", "FY16-Q3", "FY2016Q3",
    "", "2016-Q3", "FY20a6-Q3", "FY2016-Q", "FY2016-Q34",
    "FY1989-Q4", "FY2201-Q1",
    /* years, months and labels that are not quite one */
    "FY2016-M13", "FY2016-M00", "FY2016-M", "FY2016-M007", "FY2016-Y", "FY2016-",
    "FY1989", "FY2201", "2016/18", "2016-2018", "2016/", "/17", "16/18",
    "Q5 2016/17", "Q0 2016/17", "Q3 2016", "Q3 2016/18", "Q3", "Q3  2016/17 x",
    "Oct", "Octo 2016", "Oct 16", "Oct 2016/17", "Smarch 2016", "October 1989",
    /* calendar years that are not quite one */
    "CY20", "CY20201", "CY2020-Q1", "CY1989", "1989", "2201", "20200", "calendar", "calendar2020",
    "calendar 2020/21", "calendar year 2020", "cy 2020", "2020 calendar",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PmPeriod) period = pm_period_parse (bad[i], &error);

      g_test_message ("parsing “%s”", bad[i]);
      g_assert_null (period);
      g_assert_error (error, PM_MODEL_ERROR, PM_MODEL_ERROR_INVALID_PERIOD);
      g_assert_nonnull (strstr (error->message, bad[i]));
    }
}

static void
test_period_parse_message (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PmPeriod) period = pm_period_parse ("FY2016-Q5", &error);

  g_assert_null (period);
  g_assert_cmpstr (error->message, ==,
                   "“FY2016-Q5” is not a reporting period; write it as FY2016-Q3 "
                   "(the financial year starting in April 2016, third quarter), "
                   "FY2016 (the year 2016/17), FY2016-M07 (October 2016) "
                   "or CY2016 (the calendar year 2016).");
}

static void
test_period_year_limits (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PmPeriod) first = pm_period_parse ("FY1990-Q1", &error);
  g_autoptr(PmPeriod) last = NULL;

  g_assert_no_error (error);
  last = pm_period_parse ("FY2200-Q4", &error);
  g_assert_no_error (error);
  g_assert_cmpint (pm_period_get_year (first), ==, PM_PERIOD_MIN_YEAR);
  g_assert_cmpint (pm_period_get_year (last), ==, PM_PERIOD_MAX_YEAR);
}

typedef struct
{
  int day, month, year;
  const char *code;
} DateCase;

static void
test_period_for_date (void)
{
  static const DateCase cases[] = {
    { 15, 1, 2017, "FY2016-Q4" },
    { 31, 3, 2017, "FY2016-Q4" },
    { 1, 4, 2017, "FY2017-Q1" },
    { 31, 3, 2016, "FY2015-Q4" },
    { 1, 4, 2016, "FY2016-Q1" },
    { 30, 6, 2016, "FY2016-Q1" },
    { 1, 7, 2016, "FY2016-Q2" },
    { 30, 9, 2016, "FY2016-Q2" },
    { 1, 10, 2016, "FY2016-Q3" },
    { 31, 12, 2016, "FY2016-Q3" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(PmPeriod) period = NULL;
      g_autofree char *code = NULL;
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_dmy (&date, cases[i].day, cases[i].month, cases[i].year);
      period = pm_period_new_for_date (&date);
      code = pm_period_to_code (period);
      g_assert_cmpstr (code, ==, cases[i].code);
    }
}

static void
test_period_current (void)
{
  g_autoptr(PmPeriod) period = pm_period_new_current ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate today, start, end;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today,
                  g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now),
                  g_date_time_get_year (now));
  pm_period_get_start_date (period, &start);
  pm_period_get_end_date (period, &end);

  g_assert_cmpint (g_date_compare (&start, &today), <=, 0);
  g_assert_cmpint (g_date_compare (&today, &end), <=, 0);
}

static void
test_period_index (void)
{
  g_autoptr(PmPeriod) q4 = pm_period_new (2016, 4);
  g_autoptr(PmPeriod) next = pm_period_next (q4);
  g_autoptr(PmPeriod) back = pm_period_previous (next);
  g_autoptr(PmPeriod) q1 = pm_period_new (2016, 1);
  g_autoptr(PmPeriod) before = pm_period_previous (q1);
  g_autoptr(PmPeriod) from_index = pm_period_new_from_index (pm_period_get_index (q4));

  g_assert_cmpint (pm_period_get_index (q4), ==, 2016 * 4 + 3);
  g_assert_cmpint (pm_period_get_index (next), ==, pm_period_get_index (q4) + 1);
  g_assert_cmpint (pm_period_get_year (next), ==, 2017);
  g_assert_cmpint (pm_period_get_quarter (next), ==, 1);
  g_assert_true (pm_period_equal (back, q4));
  g_assert_cmpint (pm_period_get_year (before), ==, 2015);
  g_assert_cmpint (pm_period_get_quarter (before), ==, 4);
  g_assert_true (pm_period_equal (from_index, q4));
}

static void
test_period_compare (void)
{
  g_autoptr(PmPeriod) a = pm_period_new (2016, 3);
  g_autoptr(PmPeriod) b = pm_period_new (2016, 4);
  g_autoptr(PmPeriod) c = pm_period_new (2017, 1);
  g_autoptr(PmPeriod) a2 = pm_period_new (2016, 3);
  g_autoptr(PmPeriod) q1 = pm_period_new_from_index (2016 * 4);

  g_assert_cmpint (pm_period_compare (a, b), <, 0);
  g_assert_cmpint (pm_period_compare (c, b), >, 0);
  g_assert_cmpint (pm_period_compare (a, a2), ==, 0);
  g_assert_true (pm_period_equal (a, a2));
  g_assert_false (pm_period_equal (a, b));
  /* Same quarter number, different year */
  g_assert_cmpint (pm_period_get_quarter (q1), ==, pm_period_get_quarter (c));
  g_assert_false (pm_period_equal (c, q1));
}

static void
test_period_new_guards (void)
{
  PmPeriod *period;

  g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_CRITICAL, "*quarter*");
  period = pm_period_new (2016, 5);
  g_test_assert_expected_messages ();
  g_assert_null (period);

  g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_CRITICAL, "*year*");
  period = pm_period_new (1989, 1);
  g_test_assert_expected_messages ();
  g_assert_null (period);
}

/* Found by damaging a database: a period of stray bytes must still give
 * a message that is text. */
static void
test_period_parse_not_utf8 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PmPeriod) period = pm_period_parse ("\x8c\x97\xd9\xe5_\xa8-Q1", &error);

  g_assert_null (period);
  g_assert_error (error, PM_MODEL_ERROR, PM_MODEL_ERROR_INVALID_PERIOD);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
}

typedef struct
{
  const char *text;
  const char *code;
} ParseCase;

/* The codes, what the app prints and what people type, in any case. */
static void
test_period_parse_forms (void)
{
  static const ParseCase cases[] = {
    { "FY2016-Q3", "FY2016-Q3" }, { "fy2016-q3", "FY2016-Q3" }, { " FY2016-Q3 ", "FY2016-Q3" },
    { "Q3 2016/17", "FY2016-Q3" }, { "q3 2016/17", "FY2016-Q3" }, { "Q3 2016-17", "FY2016-Q3" },
    { "Q3 16/17", "FY2016-Q3" }, { "Q4 99/00", "FY1999-Q4" }, { "Q3 2016/2017", "FY2016-Q3" },
    { "FY2020", "FY2020" }, { "fy2020", "FY2020" }, { "2020/21", "FY2020" },
    { "2020-21", "FY2020" }, { "2020/2021", "FY2020" }, { "20/21", "FY2020" },
    { "1999/00", "FY1999" }, { "FY2020-M07", "FY2020-M07" }, { "fy2020-m7", "FY2020-M07" },
    { "FY2020-M12", "FY2020-M12" }, { "Oct 2020", "FY2020-M07" }, { "October 2020", "FY2020-M07" },
    { "OCTOBER 2020", "FY2020-M07" }, { "oct  2020", "FY2020-M07" }, { "April 2020", "FY2020-M01" },
    { "Jan 2021", "FY2020-M10" }, { "March 2021", "FY2020-M12" }, { "Sept 2020", "FY2020-M06" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PmPeriod) period = pm_period_parse (cases[i].text, &error);
      g_autofree char *code = NULL;

      g_test_message ("parsing “%s”", cases[i].text);
      g_assert_no_error (error);
      code = pm_period_to_code (period);
      g_assert_cmpstr (code, ==, cases[i].code);
    }
}

static void
test_period_year (void)
{
  g_autoptr(PmPeriod) year = pm_period_new_year (2020);
  g_autoptr(PmPeriod) next = pm_period_next (year);
  g_autoptr(PmPeriod) q4 = pm_period_new (2020, 4);
  g_autoptr(PmPeriod) q1 = pm_period_new (2021, 1);
  g_autoptr(PmPeriod) q3 = pm_period_new (2020, 3);
  g_autofree char *code = pm_period_to_code (year);
  g_autofree char *label = pm_period_get_label (year);
  g_autofree char *short_label = pm_period_get_short_label (year);
  GDate date;

  g_assert_cmpint (pm_period_get_frequency (year), ==, PM_FREQUENCY_YEARLY);
  g_assert_cmpstr (code, ==, "FY2020");
  g_assert_cmpstr (label, ==, "2020/21");
  g_assert_cmpstr (short_label, ==, "20/21");
  g_assert_cmpint (pm_period_get_quarter (year), ==, 0);
  g_assert_cmpint (pm_period_get_year (next), ==, 2021);
  g_assert_cmpint (pm_period_get_frequency (next), ==, PM_FREQUENCY_YEARLY);

  pm_period_get_start_date (year, &date);
  assert_date (&date, 1, 4, 2020);
  pm_period_get_end_date (year, &date);
  assert_date (&date, 31, 3, 2021);

  /* A year ends with its fourth quarter and after its third; the same
   * year and its fourth quarter are not equal. */
  g_assert_cmpint (pm_period_compare (q3, year), <, 0);
  g_assert_cmpint (pm_period_compare (q4, year), <, 0);
  g_assert_cmpint (pm_period_compare (year, q1), <, 0);
  g_assert_false (pm_period_equal (year, q4));
}

static void
test_period_month (void)
{
  g_autoptr(PmPeriod) october = pm_period_new_month (2020, 7);
  g_autoptr(PmPeriod) march = pm_period_new_month (2020, 12);
  g_autoptr(PmPeriod) april = pm_period_next (march);
  g_autoptr(PmPeriod) back = pm_period_previous (april);
  g_autoptr(PmPeriod) q3 = pm_period_new (2020, 3);
  g_autoptr(PmPeriod) december = pm_period_new_month (2020, 9);
  g_autoptr(PmPeriod) leap_february = pm_period_new_month (2023, 11);
  g_autofree char *code = pm_period_to_code (october);
  g_autofree char *label = pm_period_get_label (october);
  g_autofree char *short_label = pm_period_get_short_label (october);
  g_autofree char *march_label = pm_period_get_label (march);
  g_autofree char *april_code = pm_period_to_code (april);
  GDate date;

  g_assert_cmpint (pm_period_get_frequency (october), ==, PM_FREQUENCY_MONTHLY);
  g_assert_cmpstr (code, ==, "FY2020-M07");
  g_assert_cmpstr (label, ==, "October 2020");
  g_assert_cmpstr (short_label, ==, "Oct 2020");
  g_assert_cmpstr (march_label, ==, "March 2021");
  g_assert_cmpstr (april_code, ==, "FY2021-M01");
  g_assert_true (back == march);
  g_assert_cmpint (pm_period_get_month (october), ==, 7);
  g_assert_cmpint (pm_period_get_quarter (october), ==, 3);

  pm_period_get_start_date (october, &date);
  assert_date (&date, 1, 10, 2020);
  pm_period_get_end_date (october, &date);
  assert_date (&date, 31, 10, 2020);
  pm_period_get_end_date (march, &date);
  assert_date (&date, 31, 3, 2021);
  pm_period_get_end_date (leap_february, &date);
  assert_date (&date, 29, 2, 2024);

  g_assert_cmpint (pm_period_compare (october, q3), <, 0);
  g_assert_cmpint (pm_period_compare (december, q3), <, 0);
  g_assert_cmpint (pm_period_compare (q3, march), <, 0);
  g_assert_false (pm_period_equal (december, q3));
}

/* A programme's calendar years: CY2020 is January to December 2020. */
static void
test_period_calendar_year (void)
{
  const char * const forms[] = { "CY2020", "cy2020", "2020", " 2020 ", "calendar 2020", "Calendar  2020",
                                 "CALENDAR 2020" };
  g_autoptr(PmPeriod) year = pm_period_new_calendar_year (2020);
  g_autoptr(PmPeriod) next = pm_period_next (year);
  g_autoptr(PmPeriod) previous = pm_period_previous (year);
  g_autoptr(PmPeriod) q3 = pm_period_new (2020, 3);
  g_autoptr(PmPeriod) q4 = pm_period_new (2020, 4);
  g_autoptr(PmPeriod) december = pm_period_new_month (2020, 9);
  g_autoptr(PmPeriod) january = pm_period_new_month (2020, 10);
  g_autoptr(PmPeriod) financial = pm_period_new_year (2020);
  g_autoptr(PmPeriod) earlier_financial = pm_period_new_year (2019);
  g_autoptr(PmPeriod) from_index = pm_period_new_from_index_full (PM_FREQUENCY_CALENDAR_YEARLY, 2020);
  g_autofree char *code = pm_period_to_code (year);
  g_autofree char *label = pm_period_get_label (year);
  g_autofree char *short_label = pm_period_get_short_label (year);
  g_autofree char *next_code = pm_period_to_code (next);
  g_autofree char *previous_code = pm_period_to_code (previous);
  GDate date;

  g_assert_cmpint (pm_period_get_frequency (year), ==, PM_FREQUENCY_CALENDAR_YEARLY);
  g_assert_cmpstr (code, ==, "CY2020");
  g_assert_cmpstr (label, ==, "2020");
  g_assert_cmpstr (short_label, ==, "2020");
  g_assert_cmpstr (next_code, ==, "CY2021");
  g_assert_cmpstr (previous_code, ==, "CY2019");
  g_assert_cmpint (pm_period_get_year (year), ==, 2020);
  g_assert_cmpint (pm_period_get_index (year), ==, 2020);
  g_assert_true (from_index == year);
  g_assert_cmpint (pm_period_get_quarter (year), ==, 0);
  g_assert_cmpint (pm_period_get_month (year), ==, 0);
  /* It ends in Q3 2020/21. */
  g_assert_cmpint (pm_period_get_quarter_index (year), ==, pm_period_get_index (q3));

  for (gsize i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PmPeriod) parsed = pm_period_parse (forms[i], &error);

      g_test_message ("parsing “%s”", forms[i]);
      g_assert_no_error (error);
      g_assert_true (parsed == year);
    }

  pm_period_get_start_date (year, &date);
  assert_date (&date, 1, 1, 2020);
  pm_period_get_end_date (year, &date);
  assert_date (&date, 31, 12, 2020);

  /* By end date: it ends with December 2020 and Q3 2020/21, after both
   * (the shorter first), before January 2021 and Q4; after 2019/20 and
   * before 2020/21. */
  g_assert_cmpint (pm_period_compare (december, year), <, 0);
  g_assert_cmpint (pm_period_compare (year, december), >, 0);
  g_assert_cmpint (pm_period_compare (q3, year), <, 0);
  g_assert_cmpint (pm_period_compare (year, january), <, 0);
  g_assert_cmpint (pm_period_compare (year, q4), <, 0);
  g_assert_cmpint (pm_period_compare (earlier_financial, year), <, 0);
  g_assert_cmpint (pm_period_compare (year, financial), <, 0);
  g_assert_cmpint (pm_period_compare (year, year), ==, 0);
  g_assert_false (pm_period_equal (year, financial));
  g_assert_false (pm_period_equal (year, q3));
}

/* A KPI reported each calendar year takes only calendar years, and says
 * so; a yearly KPI (financial years) refuses one. */
static void
test_period_calendar_year_frequency (void)
{
  g_autoptr(PmPeriod) year = pm_period_new_calendar_year (2020);
  g_autoptr(PmPeriod) q3 = pm_period_new (2020, 3);
  g_autoptr(GError) error = NULL;

  g_assert_true (pm_period_check_frequency (year, PM_FREQUENCY_CALENDAR_YEARLY, "Outturn", &error));
  g_assert_no_error (error);
  g_assert_false (pm_period_check_frequency (q3, PM_FREQUENCY_CALENDAR_YEARLY, "Outturn", &error));
  g_assert_error (error, PM_MODEL_ERROR, PM_MODEL_ERROR_INVALID_PERIOD);
  g_assert_cmpstr (error->message, ==,
                   "“Outturn” is reported each calendar year; “FY2020-Q3” is a quarterly period.");
  g_clear_error (&error);
  g_assert_false (pm_period_check_frequency (year, PM_FREQUENCY_YEARLY, "Outturn", &error));
  g_assert_cmpstr (error->message, ==, "“Outturn” is reported yearly; “CY2020” is a calendar year.");
}

static void
test_period_for_date_full (void)
{
  g_autoptr(PmPeriod) month = NULL;
  g_autoptr(PmPeriod) year = NULL;
  g_autoptr(PmPeriod) quarter = NULL;
  g_autofree char *month_code = NULL;
  g_autofree char *year_code = NULL;
  g_autofree char *quarter_code = NULL;
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 15, 2, 2021);
  month = pm_period_new_for_date_full (&date, PM_FREQUENCY_MONTHLY);
  year = pm_period_new_for_date_full (&date, PM_FREQUENCY_YEARLY);
  quarter = pm_period_new_for_date_full (&date, PM_FREQUENCY_QUARTERLY);
  month_code = pm_period_to_code (month);
  year_code = pm_period_to_code (year);
  quarter_code = pm_period_to_code (quarter);
  g_assert_cmpstr (month_code, ==, "FY2020-M11");
  g_assert_cmpstr (year_code, ==, "FY2020");
  g_assert_cmpstr (quarter_code, ==, "FY2020-Q4");

  /* February 2021 is in the calendar year 2021, not 2020 as its
   * financial year is. */
  {
    g_autoptr(PmPeriod) calendar = pm_period_new_for_date_full (&date, PM_FREQUENCY_CALENDAR_YEARLY);
    g_autofree char *calendar_code = pm_period_to_code (calendar);

    g_assert_cmpstr (calendar_code, ==, "CY2021");
    g_date_set_dmy (&date, 31, 12, 2020);
    g_clear_object (&calendar);
    calendar = pm_period_new_for_date_full (&date, PM_FREQUENCY_CALENDAR_YEARLY);
    g_assert_cmpint (pm_period_get_index (calendar), ==, 2020);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/period/parse/q3", test_period_parse_q3);
  g_test_add_func ("/period/parse/invalid", test_period_parse_invalid);
  g_test_add_func ("/period/parse/message", test_period_parse_message);
  g_test_add_func ("/period/parse/forms", test_period_parse_forms);
  g_test_add_func ("/period/year", test_period_year);
  g_test_add_func ("/period/month", test_period_month);
  g_test_add_func ("/period/for-date-full", test_period_for_date_full);
  g_test_add_func ("/period/calendar-year", test_period_calendar_year);
  g_test_add_func ("/period/calendar-year-frequency", test_period_calendar_year_frequency);
  g_test_add_func ("/period/parse/not-utf8", test_period_parse_not_utf8);
  g_test_add_func ("/period/parse/year-limits", test_period_year_limits);
  g_test_add_func ("/period/q4-next-calendar-year", test_period_q4_is_next_calendar_year);
  g_test_add_func ("/period/q1-q2", test_period_q1_q2);
  g_test_add_func ("/period/for-date", test_period_for_date);
  g_test_add_func ("/period/current", test_period_current);
  g_test_add_func ("/period/index", test_period_index);
  g_test_add_func ("/period/compare", test_period_compare);
  g_test_add_func ("/period/new-guards", test_period_new_guards);

  return g_test_run ();
}
