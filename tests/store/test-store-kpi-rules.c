/* test-store-kpi-rules.c: the store refuses a KPI's frequency while it
 * holds values of another, and an indicator's instance measured otherwise
 * than the indicator
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pm-store-private.h"
#include "store-test-util.h"

typedef StoreTestSmall Fixture;

static PmKpi *
reloaded_kpi (PmProgramme *programme,
              guint        position)
{
  PmDistrict *district = pm_test_item (pm_programme_get_districts (programme), 0);
  PmPilot *pilot = pm_test_item (pm_district_get_pilots (district), 0);

  return pm_test_item (pm_pilot_get_kpis (pilot), position);
}

static void
test_frequency (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(PmProgramme) reloaded = NULL;
  g_autoptr(PmStore) other = NULL;
  g_autoptr(PmProgramme) other_programme = NULL;
  g_autoptr(PmPeriod) year = pm_period_new_year (2016);
  g_autoptr(GError) error = NULL;
  PmKpi *other_count;

  /* No values yet: the count KPI may be made yearly, and stays so. */
  pm_kpi_set_frequency (fixture->count, PM_FREQUENCY_YEARLY);
  g_assert_true (pm_store_update_kpi (fixture->store, fixture->count, &error));
  g_assert_no_error (error);
  reloaded = pm_test_store_read (fixture->path, PM_STORE_OPEN_DEFAULT);
  g_assert_cmpint (pm_kpi_get_frequency (reloaded_kpi (reloaded, 1)), ==, PM_FREQUENCY_YEARLY);
  g_clear_object (&reloaded);

  /* The percentage KPI has a value for FY2016-Q3: not yearly, and its
   * title, changed with it, is not written either. */
  pm_kpi_set_frequency (fixture->percentage, PM_FREQUENCY_YEARLY);
  pm_kpi_set_title (fixture->percentage, "Attendance, yearly");
  g_assert_false (pm_store_update_kpi (fixture->store, fixture->percentage, &error));
  g_assert_error (error, PM_MODEL_ERROR, PM_MODEL_ERROR_INVALID_PERIOD);
  g_assert_nonnull (strstr (error->message, "Q3 2016/17"));
  g_assert_nonnull (strstr (error->message, "yearly"));
  g_clear_error (&error);
  reloaded = pm_test_store_read (fixture->path, PM_STORE_OPEN_DEFAULT);
  g_assert_cmpint (pm_kpi_get_frequency (reloaded_kpi (reloaded, 0)), ==, PM_FREQUENCY_QUARTERLY);
  g_assert_cmpstr (pm_kpi_get_title (reloaded_kpi (reloaded, 0)), ==, "Attendance");
  g_clear_object (&reloaded);

  /* A yearly value saved by someone else, which this store's model has
   * not read, keeps the count KPI yearly too. */
  other = pm_test_store_open (fixture->path, PM_STORE_OPEN_DEFAULT);
  other_programme = pm_test_store_load (other);
  other_count = reloaded_kpi (other_programme, 1);
  pm_test_set_value (other, other_count, year, 120, NULL);
  g_assert_null (pm_kpi_get_entry (fixture->count, year));

  pm_kpi_set_frequency (fixture->count, PM_FREQUENCY_QUARTERLY);
  g_assert_false (pm_store_update_kpi (fixture->store, fixture->count, &error));
  g_assert_error (error, PM_MODEL_ERROR, PM_MODEL_ERROR_INVALID_PERIOD);
  g_assert_nonnull (strstr (error->message, "2016/17"));
  g_clear_error (&error);
  reloaded = pm_test_store_read (fixture->path, PM_STORE_OPEN_DEFAULT);
  g_assert_cmpint (pm_kpi_get_frequency (reloaded_kpi (reloaded, 1)), ==, PM_FREQUENCY_YEARLY);
}

static void
test_indicator (void)
{
  g_autoptr(PmProgramme) programme = store_test_build_small_programme ();
  g_autoptr(PmIndicator) indicator = pm_indicator_new ("referrals", "Referrals made", PM_UNIT_COUNT,
                                                       PM_DIRECTION_REDUCE, PM_AGGREGATION_SUM);
  g_autoptr(PmStore) store = NULL;
  g_autoptr(PmProgramme) loaded = NULL;
  g_autoptr(PmProgramme) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = pm_test_dir_new ("pm-store");
  g_autofree char *location = store_test_location (dir, "indicator.pmdb");
  PmKpi *kpi;

  g_assert_true (pm_programme_add_indicator (programme, indicator, &error));
  g_assert_no_error (error);
  pm_kpi_set_indicator (reloaded_kpi (programme, 1), "referrals");
  pm_test_store_create (location, programme);
  store = pm_test_store_open (location, PM_STORE_OPEN_DEFAULT);
  loaded = pm_test_store_load (store);
  kpi = reloaded_kpi (loaded, 1);
  g_assert_cmpstr (pm_kpi_get_indicator (kpi), ==, "referrals");

  pm_kpi_set_unit (kpi, PM_UNIT_PERCENTAGE);
  g_assert_false (pm_store_update_kpi (store, kpi, &error));
  g_assert_error (error, PM_MODEL_ERROR, PM_MODEL_ERROR_INCONSISTENT);
  g_assert_nonnull (strstr (error->message, "Referrals made"));
  g_clear_error (&error);
  pm_kpi_set_unit (kpi, PM_UNIT_COUNT);

  pm_kpi_set_direction (kpi, PM_DIRECTION_INCREASE);
  g_assert_false (pm_store_update_kpi (store, kpi, &error));
  g_assert_error (error, PM_MODEL_ERROR, PM_MODEL_ERROR_INCONSISTENT);
  g_clear_error (&error);
  pm_kpi_set_direction (kpi, PM_DIRECTION_REDUCE);

  reloaded = pm_test_store_read (location, PM_STORE_OPEN_DEFAULT);
  g_assert_cmpint (pm_kpi_get_unit (reloaded_kpi (reloaded, 1)), ==, PM_UNIT_COUNT);
  g_assert_cmpint (pm_kpi_get_direction (reloaded_kpi (reloaded, 1)), ==, PM_DIRECTION_REDUCE);
  g_clear_object (&reloaded);

  /* What the indicator does not fix may change. */
  pm_kpi_set_title (kpi, "Referrals to social care");
  g_assert_true (pm_store_update_kpi (store, kpi, &error));
  g_assert_no_error (error);
  reloaded = pm_test_store_read (location, PM_STORE_OPEN_DEFAULT);
  g_assert_cmpstr (pm_kpi_get_title (reloaded_kpi (reloaded, 1)), ==, "Referrals to social care");

  pm_test_store_clear (&store);
  store_test_remove_dir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  if (store_test_no_server_to_test ())
    return 0;

  g_test_add ("/store/kpi-rules/frequency", Fixture, "programme.pmdb",
              store_test_small_set_up, test_frequency, store_test_small_tear_down);
  g_test_add_func ("/store/kpi-rules/indicator", test_indicator);

  return g_test_run ();
}
