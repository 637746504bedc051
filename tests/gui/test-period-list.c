/* test-period-list.c: the periods the selector offers, by the
 * programme's frequencies (no display)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "pm-period-list.h"

#define MASK(f) (1u << (f))

/* The periods' codes, joined by spaces. */
static char *
codes (GPtrArray *periods)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < periods->len; i++)
    {
      g_autofree char *code = pm_period_to_code (g_ptr_array_index (periods, i));

      g_string_append_printf (text, "%s%s", i > 0 ? " " : "", code);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
add_kpi (PmPilot     *pilot,
         const char  *title,
         PmFrequency  frequency)
{
  g_autoptr(PmKpi) kpi = pm_kpi_new (title, PM_UNIT_COUNT, PM_DIRECTION_INCREASE);

  pm_kpi_set_frequency (kpi, frequency);
  pm_pilot_add_kpi (pilot, kpi);
}

static void
test_frequencies (void)
{
  g_autoptr(PmProgramme) programme = pm_programme_new ("Programme");
  g_autoptr(PmDistrict) district = pm_district_new ("District");
  g_autoptr(PmPilot) pilot = pm_pilot_new ("Pilot");
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (pm_period_list_frequencies (NULL), ==, MASK (PM_FREQUENCY_QUARTERLY));
  pm_district_add_pilot (district, pilot);
  g_assert_true (pm_programme_add_district (programme, district, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pm_period_list_frequencies (programme), ==, MASK (PM_FREQUENCY_QUARTERLY));

  add_kpi (pilot, "Yearly", PM_FREQUENCY_YEARLY);
  g_assert_cmpuint (pm_period_list_frequencies (programme), ==, MASK (PM_FREQUENCY_YEARLY));
  add_kpi (pilot, "Monthly", PM_FREQUENCY_MONTHLY);
  add_kpi (pilot, "Quarterly", PM_FREQUENCY_QUARTERLY);
  g_assert_cmpuint (pm_period_list_frequencies (programme), ==,
                    MASK (PM_FREQUENCY_YEARLY) | MASK (PM_FREQUENCY_MONTHLY) | MASK (PM_FREQUENCY_QUARTERLY));
}

/* A year after its fourth quarter; months under their quarter. */
static void
test_build_order (void)
{
  int q1 = 2020 * 4, q4 = 2020 * 4 + 3;
  g_autoptr(GPtrArray) quarters = pm_period_list_build (MASK (PM_FREQUENCY_QUARTERLY), q1, q4);
  g_autoptr(GPtrArray) with_years = pm_period_list_build (MASK (PM_FREQUENCY_QUARTERLY) | MASK (PM_FREQUENCY_YEARLY),
                                                          q1 - 1, q4);
  g_autoptr(GPtrArray) years = pm_period_list_build (MASK (PM_FREQUENCY_YEARLY), q1, q4 + 4);
  g_autoptr(GPtrArray) all = pm_period_list_build (MASK (PM_FREQUENCY_QUARTERLY) | MASK (PM_FREQUENCY_YEARLY)
                                                   | MASK (PM_FREQUENCY_MONTHLY), q4 - 1, q4);
  g_autoptr(GPtrArray) months = pm_period_list_build (MASK (PM_FREQUENCY_MONTHLY), q1 + 2, q1 + 2);
  g_autofree char *quarters_text = codes (quarters);
  g_autofree char *with_years_text = codes (with_years);
  g_autofree char *years_text = codes (years);
  g_autofree char *all_text = codes (all);
  g_autofree char *months_text = codes (months);

  g_assert_cmpstr (quarters_text, ==, "FY2020-Q1 FY2020-Q2 FY2020-Q3 FY2020-Q4");
  g_assert_cmpstr (with_years_text, ==, "FY2019-Q4 FY2019 FY2020-Q1 FY2020-Q2 FY2020-Q3 FY2020-Q4 FY2020");
  g_assert_cmpstr (years_text, ==, "FY2020 FY2021");
  g_assert_cmpstr (all_text, ==,
                   "FY2020-Q3 FY2020-M07 FY2020-M08 FY2020-M09 FY2020-Q4 FY2020-M10 FY2020-M11 FY2020-M12 FY2020");
  g_assert_cmpstr (months_text, ==, "FY2020-M07 FY2020-M08 FY2020-M09");
}

/* A calendar year after the quarter it ends with, October to December. */
static void
test_build_calendar_years (void)
{
  g_autoptr(GPtrArray) periods = pm_period_list_build (MASK (PM_FREQUENCY_QUARTERLY)
                                                       | MASK (PM_FREQUENCY_CALENDAR_YEARLY),
                                                       2020 * 4 + 1, 2021 * 4);
  g_autoptr(GPtrArray) alone = pm_period_list_build (MASK (PM_FREQUENCY_CALENDAR_YEARLY),
                                                     2020 * 4, 2021 * 4 + 3);
  g_autoptr(PmPeriod) year = pm_period_new_calendar_year (2020);
  g_autofree char *periods_text = codes (periods);
  g_autofree char *alone_text = codes (alone);
  g_autofree char *label = pm_period_list_get_label (year);

  g_assert_cmpstr (periods_text, ==, "FY2020-Q2 FY2020-Q3 CY2020 FY2020-Q4 FY2021-Q1");
  g_assert_cmpstr (alone_text, ==, "CY2020 CY2021");
  g_assert_cmpstr (label, ==, "2020 (calendar year)");
}

static void
test_labels (void)
{
  g_autoptr(PmPeriod) year = pm_period_new_year (2020);
  g_autoptr(PmPeriod) quarter = pm_period_new (2020, 3);
  g_autoptr(PmPeriod) month = pm_period_new_month (2020, 7);
  g_autofree char *year_label = pm_period_list_get_label (year);
  g_autofree char *quarter_label = pm_period_list_get_label (quarter);
  g_autofree char *month_label = pm_period_list_get_label (month);

  g_assert_cmpstr (year_label, ==, "2020/21 (whole year)");
  g_assert_cmpstr (quarter_label, ==, "Q3 2020/21");
  g_assert_cmpstr (month_label, ==, "October 2020");
}

/* A month's value marks its month, its quarter and its year. */
static void
test_has_values (void)
{
  g_autoptr(GHashTable) with_values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(PmPeriod) august = pm_period_new_month (2020, 5);
  g_autoptr(PmPeriod) july = pm_period_new_month (2020, 4);
  g_autoptr(PmPeriod) q2 = pm_period_new (2020, 2);
  g_autoptr(PmPeriod) q3 = pm_period_new (2020, 3);
  g_autoptr(PmPeriod) year = pm_period_new_year (2020);
  g_autoptr(PmPeriod) next_year = pm_period_new_year (2021);

  g_hash_table_add (with_values, g_strdup ("FY2020-M05"));
  g_assert_true (pm_period_list_has_values (with_values, august));
  g_assert_false (pm_period_list_has_values (with_values, july));
  g_assert_true (pm_period_list_has_values (with_values, q2));
  g_assert_false (pm_period_list_has_values (with_values, q3));
  g_assert_true (pm_period_list_has_values (with_values, year));
  g_assert_false (pm_period_list_has_values (with_values, next_year));

  g_hash_table_remove_all (with_values);
  g_hash_table_add (with_values, g_strdup ("FY2020-Q3"));
  g_assert_true (pm_period_list_has_values (with_values, year));
  g_assert_false (pm_period_list_has_values (with_values, august));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gui/period-list/frequencies", test_frequencies);
  g_test_add_func ("/gui/period-list/build-order", test_build_order);
  g_test_add_func ("/gui/period-list/build-calendar-years", test_build_calendar_years);
  g_test_add_func ("/gui/period-list/labels", test_labels);
  g_test_add_func ("/gui/period-list/has-values", test_has_values);

  return g_test_run ();
}
