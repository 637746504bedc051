/* test-store-roundtrip.c: what is imported is what a fresh store loads
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sys/stat.h>

#include <glib/gstdio.h>

#include "store-test-util.h"

static void
assert_all_ids_set (PmProgramme *programme)
{
  GListModel *districts = pm_programme_get_districts (programme);
  guint n_kpis = 0;

  g_assert_cmpint (pm_programme_get_id (programme), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (districts); i++)
    {
      PmDistrict *district = pm_test_item (districts, i);
      GListModel *pilots = pm_district_get_pilots (district);

      g_assert_cmpint (pm_district_get_id (district), >, 0);
      for (guint j = 0; j < g_list_model_get_n_items (pilots); j++)
        {
          PmPilot *pilot = pm_test_item (pilots, j);
          GListModel *kpis = pm_pilot_get_kpis (pilot);

          g_assert_cmpint (pm_pilot_get_id (pilot), >, 0);
          for (guint k = 0; k < g_list_model_get_n_items (kpis); k++, n_kpis++)
            g_assert_cmpint (pm_kpi_get_id (PM_KPI (pm_test_item (kpis, k))), >, 0);
        }
    }

  g_assert_cmpuint (n_kpis, >, 0);
}

static void
assert_no_ids_set (PmProgramme *programme)
{
  GListModel *districts = pm_programme_get_districts (programme);

  g_assert_cmpint (pm_programme_get_id (programme), ==, 0);
  for (guint i = 0; i < g_list_model_get_n_items (districts); i++)
    {
      PmDistrict *district = pm_test_item (districts, i);
      GListModel *pilots = pm_district_get_pilots (district);

      g_assert_cmpint (pm_district_get_id (district), ==, 0);
      for (guint j = 0; j < g_list_model_get_n_items (pilots); j++)
        {
          PmPilot *pilot = pm_test_item (pilots, j);
          GListModel *kpis = pm_pilot_get_kpis (pilot);

          g_assert_cmpint (pm_pilot_get_id (pilot), ==, 0);
          for (guint k = 0; k < g_list_model_get_n_items (kpis); k++)
            g_assert_cmpint (pm_kpi_get_id (PM_KPI (pm_test_item (kpis, k))), ==, 0);
        }
    }
}

static void
test_every_field (void)
{
  g_autofree char *dir = pm_test_dir_new ("pm-store");
  g_autofree char *path = store_test_location (dir, "programme.pmdb");
  g_autoptr(PmProgramme) programme = store_test_build_full_programme ();
  g_autoptr(PmProgramme) loaded = NULL;
  g_autoptr(PmStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = pm_store_open (path, PM_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (pm_store_is_empty (store));
  g_assert_true (pm_store_import (store, programme, &error));
  g_assert_no_error (error);
  g_assert_false (pm_store_is_empty (store));
  assert_all_ids_set (programme);
  g_clear_object (&store);

  /* A fresh connection, so nothing can come from a cache. */
  store = pm_store_open (path, PM_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  loaded = pm_store_load (store, &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);

  store_test_assert_programmes_equal (programme, loaded, TRUE);
  assert_all_ids_set (loaded);

  /* Periods and enumerations are stored as their codes and nicks. */
  g_assert_cmpint (store_test_query_int (path, "SELECT count(*) FROM progress "
                                               "WHERE period = 'FY2016-Q3'"), ==, 3);
  g_assert_cmpint (store_test_query_int (path, "SELECT count(*) FROM kpi "
                                               "WHERE unit = 'percentage'"), ==, 2);
  g_assert_cmpint (store_test_query_int (path, "SELECT count(*) FROM baseline "
                                               "WHERE state = 'to-be-reported' "
                                               "AND period = 'FY2016-Q4'"), ==, 1);
  g_assert_cmpint (store_test_query_int (path, "SELECT amount_pence FROM spend_item "
                                               "WHERE status = 'committed'"), ==, 490000);
  /* An unknown budget is NULL, not -1. */
  g_assert_cmpint (store_test_query_int (path, "SELECT count(*) FROM pilot "
                                               "WHERE budget_pence IS NULL"), ==, 5);
  /* A delivery status nobody stated is marked so, not stored as a default. */
  g_assert_cmpint (store_test_query_int (path, "SELECT count(*) FROM pilot "
                                               "WHERE delivery_stated = 0"), ==, 1);
  /* What a pilot's reach counts; NULL for the default, families. */
  g_assert_cmpint (store_test_query_int (path, "SELECT count(*) FROM pilot "
                                               "WHERE reach_unit = 'children'"), ==, 1);
  g_assert_cmpint (store_test_query_int (path, "SELECT count(*) FROM pilot "
                                               "WHERE reach_unit IS NULL"), ==, 5);

  g_clear_object (&store);
  store_test_remove_dir (dir);
}

static PmKpi *
add_kpi_of_frequency (PmPilot     *pilot,
                      const char  *title,
                      PmFrequency  frequency,
                      const char  *first_code)
{
  g_autoptr(PmKpi) kpi = pm_kpi_new (title, PM_UNIT_COUNT, PM_DIRECTION_INCREASE);
  g_autoptr(PmPeriod) period = pm_period_parse (first_code, NULL);
  g_autoptr(GError) error = NULL;

  pm_kpi_set_frequency (kpi, frequency);
  for (int i = 0; i < 3; i++)
    {
      g_autoptr(PmProgressEntry) entry = pm_progress_entry_new (period);
      PmPeriod *next = pm_period_next (period);

      pm_progress_entry_set_value (entry, 10 + i);
      g_assert_true (pm_kpi_set_entry (kpi, entry, &error));
      g_assert_no_error (error);
      g_object_unref (period);
      period = next;
    }
  pm_pilot_add_kpi (pilot, kpi);
  return kpi;
}

/* A yearly and a monthly KPI keep their frequency and their periods. */
static void
test_frequencies (void)
{
  g_autofree char *dir = pm_test_dir_new ("pm-store");
  g_autofree char *path = store_test_location (dir, "programme.pmdb");
  g_autoptr(PmProgramme) programme = store_test_build_full_programme ();
  g_autoptr(GListModel) kpis = pm_programme_list_kpis (programme);
  PmDistrict *district = pm_test_item (pm_programme_get_districts (programme), 0);
  PmPilot *pilot = pm_test_item (pm_district_get_pilots (district), 0);
  const char *name = pm_district_get_name (district);
  g_autoptr(PmProgramme) loaded = NULL;
  g_autoptr(PmStore) store = NULL;
  g_autoptr(GError) error = NULL;
  PmKpi *yearly, *monthly;
  g_autofree char *month_code = NULL;

  add_kpi_of_frequency (pilot, "Outturn", PM_FREQUENCY_YEARLY, "FY2020");
  add_kpi_of_frequency (pilot, "Visits", PM_FREQUENCY_MONTHLY, "FY2020-M11");

  store = pm_store_open (path, PM_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (pm_store_import (store, programme, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  store = pm_store_open (path, PM_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  loaded = pm_store_load (store, &error);
  g_assert_no_error (error);
  store_test_assert_programmes_equal (programme, loaded, TRUE);

  yearly = pm_test_find_kpi (loaded, name, "Outturn");
  monthly = pm_test_find_kpi (loaded, name, "Visits");
  g_assert_cmpint (pm_kpi_get_frequency (yearly), ==, PM_FREQUENCY_YEARLY);
  g_assert_cmpint (pm_kpi_get_frequency (monthly), ==, PM_FREQUENCY_MONTHLY);
  month_code = pm_period_to_code (pm_progress_entry_get_period (pm_test_item (pm_kpi_get_entries (monthly), 2)));
  g_assert_cmpstr (month_code, ==, "FY2021-M01");
  g_assert_cmpint (store_test_query_int (path, "SELECT count (*) FROM progress WHERE period = 'FY2022'"), ==, 1);
  g_assert_cmpint (store_test_query_int (path, "SELECT count (*) FROM kpi WHERE frequency = 'quarterly'"),
                   ==, g_list_model_get_n_items (kpis));
}

static void
test_load_empty (void)
{
  g_autofree char *dir = pm_test_dir_new ("pm-store");
  g_autofree char *path = store_test_location (dir, "empty.pmdb");
  g_autoptr(PmProgramme) loaded = NULL;
  g_autoptr(PmStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = pm_store_open (path, PM_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (pm_store_is_empty (store));

  loaded = pm_store_load (store, &error);
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_EMPTY);
  g_assert_null (loaded);

  g_clear_object (&store);
  store_test_remove_dir (dir);
}

static void
test_import_not_empty (void)
{
  g_autofree char *dir = pm_test_dir_new ("pm-store");
  g_autofree char *path = store_test_location (dir, "programme.pmdb");
  g_autoptr(PmProgramme) first = store_test_build_small_programme ();
  g_autoptr(PmProgramme) second = store_test_build_full_programme ();
  g_autoptr(PmStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = pm_store_open (path, PM_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (pm_store_import (store, first, &error));
  g_assert_no_error (error);

  g_assert_false (pm_store_import (store, second, &error));
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_NOT_EMPTY);
  assert_no_ids_set (second);

  g_clear_object (&store);
  g_assert_cmpint (store_test_query_int (path, "SELECT count(*) FROM programme"), ==, 1);
  g_assert_cmpint (store_test_query_int (path, "SELECT count(*) FROM district"), ==, 1);
  store_test_remove_dir (dir);
}

/* A failure part-way through an import leaves no trace: no rows, no ids. */
static void
test_import_rolls_back (void)
{
  g_autofree char *dir = pm_test_dir_new ("pm-store");
  g_autofree char *path = store_test_location (dir, "programme.pmdb");
  g_autoptr(PmProgramme) programme = store_test_build_full_programme ();
  g_autoptr(PmReachEntry) stray = NULL;
  g_autoptr(PmPeriod) period = pm_period_new (2016, 3);
  g_autoptr(PmStore) store = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *districts = pm_programme_get_districts (programme);
  PmDistrict *last = pm_test_item (districts, g_list_model_get_n_items (districts) - 1);
  PmPilot *pilot = pm_test_item (pm_district_get_pilots (last), 0);

  /* The model lets a reach entry name any provider; the database's foreign
   * key refuses one the pilot does not have, after much has been written. */
  stray = pm_reach_entry_new (period, "Nobody", 3);
  pm_pilot_set_reach (pilot, stray);

  store = pm_store_open (path, PM_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_false (pm_store_import (store, programme, &error));
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_INVALID);
  assert_no_ids_set (programme);
  g_assert_true (pm_store_is_empty (store));

  g_clear_object (&store);
  g_assert_cmpint (store_test_query_int (path, "SELECT count(*) FROM district"), ==, 0);
  g_assert_cmpint (store_test_query_int (path, "SELECT count(*) FROM kpi"), ==, 0);
  store_test_remove_dir (dir);
}

static void
test_backup (void)
{
  g_autofree char *dir = pm_test_dir_new ("pm-store");
  g_autofree char *path = store_test_location (dir, "programme.pmdb");
  g_autofree char *copy_path = g_build_filename (dir, "copy.pmdb", NULL);
  g_autoptr(PmProgramme) programme = store_test_build_full_programme ();
  g_autoptr(PmProgramme) original = NULL;
  g_autoptr(PmProgramme) copied = NULL;
  g_autoptr(PmStore) store = NULL;
  g_autoptr(PmStore) copy = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GError) error = NULL;
  struct stat st;
  mode_t old_umask;

  if (store_test_skip_unless_file ())
    return;

  pm_test_store_create (path, programme);
  store = pm_store_open (path, PM_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  old_umask = umask (0);
  g_assert_true (pm_store_backup_to (store, copy_path, &error));
  umask (old_umask);
  g_assert_no_error (error);

  g_assert_cmpint (g_stat (copy_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  copy = pm_store_open (copy_path, PM_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  original = pm_store_load (store, &error);
  g_assert_no_error (error);
  copied = pm_store_load (copy, &error);
  g_assert_no_error (error);
  store_test_assert_programmes_equal (original, copied, TRUE);
  g_clear_object (&copy);

  /* Overwriting is for the window to ask about, not for the store to do. */
  before = pm_test_read_file (copy_path);
  g_assert_false (pm_store_backup_to (store, copy_path, &error));
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_INVALID);
  pm_test_assert_file_unchanged (copy_path, before);

  g_clear_object (&store);
  store_test_remove_dir (dir);
}

/* Scans of the progress table (by index or whole) the server has counted,
 * once the count has settled, and differs from @before: a connection
 * reports its counts as it closes, a moment after the store let go. */
static gint64
settled_progress_scans (const char *path,
                        gint64      before)
{
  gint64 last = -1;

  for (guint i = 0; i < 100; i++)
    {
      gint64 scans = store_test_query_int (path,
                                           "SELECT coalesce (sum (coalesce (seq_scan, 0) + "
                                           "coalesce (idx_scan, 0)), 0) "
                                           "FROM pg_stat_user_tables WHERE relname = 'progress'");

      if (scans == last && scans != before)
        return scans;
      last = scans;
      g_usleep (G_USEC_PER_SEC / 5);
    }
  return last;
}

/* Loading from a server reads each table in one query, whatever the
 * number of KPIs: one query per KPI is a round trip each, which made the
 * large programme take seconds. Counted by the server, not timed. */
static void
test_load_few_queries (void)
{
  g_autofree char *dir = pm_test_dir_new ("pm-store");
  g_autofree char *path = store_test_location (dir, "programme.pmdb");
  g_autoptr(PmProgramme) programme = store_test_build_full_programme ();
  g_autoptr(PmProgramme) loaded = NULL;
  g_autoptr(PmStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gint64 before;

  if (!store_test_engine_is_server ())
    {
      g_test_skip ("the server counts its queries; a file has no round trips");
      return;
    }

  pm_test_store_create (path, programme);
  g_assert_cmpint (store_test_query_int (path, "SELECT count(*) FROM kpi"), >, 2);
  before = settled_progress_scans (path, -1);

  store = pm_store_open (path, PM_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  loaded = pm_store_load (store, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  store_test_assert_programmes_equal (programme, loaded, TRUE);

  g_assert_cmpint (settled_progress_scans (path, before) - before, ==, 1);
  store_test_remove_dir (dir);
}

/* A district of the scoped load's programme: one pilot with narratives
 * for Q2 and Q3, and a quarterly count KPI with a value each quarter of
 * 2016/17, Q3's given by two sites; with @yearly a yearly KPI with two
 * years' values too; with @linked the quarterly KPI is linked to the
 * programme's indicator. */
static void
add_scoped_district (PmProgramme *programme,
                     const char  *name,
                     gboolean     yearly,
                     gboolean     linked)
{
  static const char *const quarters[] = { "FY2016-Q1", "FY2016-Q2", "FY2016-Q3", "FY2016-Q4" };
  g_autoptr(PmDistrict) district = pm_district_new (name);
  g_autoptr(PmPilot) pilot = pm_pilot_new (name);
  g_autoptr(PmKpi) visits = pm_kpi_new ("Visits", PM_UNIT_COUNT, PM_DIRECTION_INCREASE);
  g_autoptr(PmBaseline) baseline = pm_baseline_new_value (10, "2016-03-31", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (pm_kpi_set_baseline (visits, baseline, &error));
  store_test_add_target (visits, 200, "2017-03-31", NULL, NULL);
  if (linked)
    pm_kpi_set_indicator (visits, "visits");
  for (guint i = 0; i < G_N_ELEMENTS (quarters); i++)
    {
      g_autoptr(PmPeriod) period = pm_test_period (quarters[i]);
      g_autoptr(PmProgressEntry) entry = pm_progress_entry_new (period);

      if (i == 2)
        {
          pm_progress_entry_add_site (entry, "North", 30);
          pm_progress_entry_add_site (entry, "South", 12);
          g_assert_true (pm_progress_entry_total_sites (entry, PM_UNIT_COUNT, &error));
        }
      else
        pm_progress_entry_set_value (entry, 20 + i);
      g_assert_true (pm_kpi_set_entry (visits, entry, &error));
      g_assert_no_error (error);
    }
  pm_pilot_add_kpi (pilot, visits);

  if (yearly)
    {
      g_autoptr(PmKpi) survey = pm_kpi_new ("Survey", PM_UNIT_COUNT, PM_DIRECTION_INCREASE);

      pm_kpi_set_frequency (survey, PM_FREQUENCY_YEARLY);
      for (guint i = 0; i < 2; i++)
        {
          g_autoptr(PmPeriod) year = pm_period_parse (i == 0 ? "FY2015" : "FY2016", &error);
          g_autoptr(PmProgressEntry) entry = NULL;

          g_assert_no_error (error);
          entry = pm_progress_entry_new (year);
          pm_progress_entry_set_value (entry, 5 + i);
          g_assert_true (pm_kpi_set_entry (survey, entry, &error));
          g_assert_no_error (error);
        }
      pm_pilot_add_kpi (pilot, survey);
    }

  for (guint i = 1; i < 3; i++)
    {
      g_autoptr(PmPeriod) period = pm_test_period (quarters[i]);
      g_autoptr(PmNarrative) narrative = pm_narrative_new (period);

      pm_narrative_set_progress (narrative, name);
      pm_pilot_set_narrative (pilot, narrative);
    }

  pm_district_add_pilot (district, pilot);
  g_assert_true (pm_programme_add_district (programme, district, &error));
  g_assert_no_error (error);
}

static PmKpi *
scoped_kpi (PmProgramme *programme,
            guint        district,
            guint        kpi)
{
  PmDistrict *d = pm_test_item (pm_programme_get_districts (programme), district);
  PmPilot *pilot = pm_test_item (pm_district_get_pilots (d), 0);

  return pm_test_item (pm_pilot_get_kpis (pilot), kpi);
}

static guint
n_narratives (PmProgramme *programme,
              guint        district)
{
  PmDistrict *d = pm_test_item (pm_programme_get_districts (programme), district);
  PmPilot *pilot = pm_test_item (pm_district_get_pilots (d), 0);

  return g_list_model_get_n_items (pm_pilot_get_narratives (pilot));
}

static guint
n_entries (PmKpi *kpi)
{
  return g_list_model_get_n_items (pm_kpi_get_entries (kpi));
}

static guint
n_kpis (PmProgramme *programme,
        guint        district)
{
  PmDistrict *d = pm_test_item (pm_programme_get_districts (programme), district);
  PmPilot *pilot = pm_test_item (pm_district_get_pilots (d), 0);

  return g_list_model_get_n_items (pm_pilot_get_kpis (pilot));
}

/* A one-district load for FY2016-Q3 has every district and pilot; the
 * named district whole (values with their sites, narratives); of the
 * others only the KPIs linked to an indicator, with every value, and no
 * narratives. The programme's ratings at the period are counted by the
 * store as the whole programme's load counts them. */
static void
test_load_district (void)
{
  g_autofree char *dir = pm_test_dir_new ("pm-store");
  g_autofree char *path = store_test_location (dir, "programme.pmdb");
  g_autoptr(PmProgramme) programme = pm_programme_new ("Scoped");
  g_autoptr(PmIndicator) indicator = pm_indicator_new ("visits", "Visits", PM_UNIT_COUNT,
                                                       PM_DIRECTION_INCREASE, PM_AGGREGATION_SUM);
  g_autoptr(PmPeriod) q3 = pm_test_period ("FY2016-Q3");
  g_autoptr(PmProgramme) loaded = NULL;
  g_autoptr(PmProgramme) whole = NULL;
  g_autoptr(PmStore) store = NULL;
  g_autoptr(GError) error = NULL;
  guint counts[PM_N_RAG], expected[PM_N_RAG];

  g_assert_true (pm_programme_add_indicator (programme, indicator, &error));
  add_scoped_district (programme, "Alpha", FALSE, FALSE);
  add_scoped_district (programme, "Bravo", TRUE, FALSE);
  add_scoped_district (programme, "Charlie", FALSE, TRUE);
  pm_test_store_create (path, programme);

  store = pm_store_open (path, PM_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  /* Named as pm_programme_find_district() finds it. */
  loaded = pm_store_load_district (store, "bravo", q3, &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);

  g_assert_cmpuint (g_list_model_get_n_items (pm_programme_get_districts (loaded)), ==, 3);
  /* Bravo whole, its values' sites too. */
  g_assert_cmpuint (n_kpis (loaded, 1), ==, 2);
  g_assert_cmpuint (n_entries (scoped_kpi (loaded, 1, 0)), ==, 4);
  g_assert_cmpuint (n_entries (scoped_kpi (loaded, 1, 1)), ==, 2);
  g_assert_cmpuint (n_narratives (loaded, 1), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (pm_progress_entry_get_sites (
                      pm_kpi_get_entry (scoped_kpi (loaded, 1, 0), q3))), ==, 2);
  g_assert_cmpfloat (pm_baseline_get_value (pm_kpi_get_baseline (scoped_kpi (loaded, 1, 0))), ==, 10);
  g_assert_cmpuint (g_list_model_get_n_items (pm_kpi_get_targets (scoped_kpi (loaded, 1, 0))), ==, 1);
  /* Alpha: its pilot, none of its KPIs; Charlie's KPI is linked, so all of it. */
  g_assert_cmpuint (n_kpis (loaded, 0), ==, 0);
  g_assert_cmpuint (n_narratives (loaded, 0), ==, 0);
  g_assert_cmpuint (n_kpis (loaded, 2), ==, 1);
  g_assert_cmpuint (n_entries (scoped_kpi (loaded, 2, 0)), ==, 4);
  g_assert_cmpuint (n_narratives (loaded, 2), ==, 0);

  /* The ratings of KPIs not loaded, counted by the store. */
  whole = pm_store_load (store, &error);
  g_assert_no_error (error);
  pm_programme_count_rag (whole, q3, expected);
  g_assert_true (pm_store_count_programme_rag (store, q3, counts, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < PM_N_RAG; i++)
    g_assert_cmpuint (counts[i], ==, expected[i]);

  /* A name the programme does not have: every district, no district's
   * own KPIs. */
  g_clear_object (&loaded);
  loaded = pm_store_load_district (store, "Zulu", q3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (pm_programme_get_districts (loaded)), ==, 3);
  g_assert_cmpuint (n_kpis (loaded, 1), ==, 0);
  g_assert_cmpuint (n_narratives (loaded, 1), ==, 0);
  g_assert_cmpuint (n_kpis (loaded, 2), ==, 1);

  g_clear_object (&store);
  store_test_remove_dir (dir);
}

/* A value the KPI's unit refuses, written past the model, fails the load
 * with the model's message, on either engine; with two, the first in
 * period order is told, even when a bad fraction follows it. */
static void
test_load_refuses_value (void)
{
  g_autofree char *dir = pm_test_dir_new ("pm-store");
  g_autofree char *path = store_test_location (dir, "programme.pmdb");
  g_autoptr(PmProgramme) programme = store_test_build_small_programme ();
  g_autoptr(PmProgramme) loaded = NULL;
  g_autoptr(PmStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = pm_store_open (path, PM_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (pm_store_import (store, programme, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  store_test_exec (path,
                   "INSERT INTO progress (kpi_id, period, value) "
                   "SELECT id, 'FY2016-Q1', 140 FROM kpi WHERE title = 'Attendance'");
  store_test_exec (path,
                   "INSERT INTO progress (kpi_id, period, value, numerator, denominator) "
                   "SELECT id, 'FY2016-Q2', 50, 8, 7 FROM kpi WHERE title = 'Attendance'");

  store = pm_store_open (path, PM_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  loaded = pm_store_load (store, &error);
  g_assert_null (loaded);
  g_assert_error (error, PM_MODEL_ERROR, PM_MODEL_ERROR_OUT_OF_RANGE);
  g_assert_cmpstr (error->message, ==, "140% is not a percentage: it must be between 0 and 100.");
  g_clear_error (&error);
  g_clear_object (&store);

  /* The bad fraction alone: refused as the model refuses it. */
  store_test_exec (path, "DELETE FROM progress WHERE period = 'FY2016-Q1'");
  store = pm_store_open (path, PM_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  loaded = pm_store_load (store, &error);
  g_assert_null (loaded);
  g_assert_error (error, PM_MODEL_ERROR, PM_MODEL_ERROR_OUT_OF_RANGE);
  g_assert_nonnull (strstr (error->message, "8 out of 7"));
  g_clear_error (&error);
  g_clear_object (&store);

  /* Put right, the programme loads with its values in period order. */
  store_test_exec (path, "UPDATE progress SET numerator = 6 WHERE period = 'FY2016-Q2'");
  store = pm_store_open (path, PM_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  loaded = pm_store_load (store, &error);
  g_assert_no_error (error);
  {
    PmDistrict *district = pm_test_item (pm_programme_get_districts (loaded), 0);
    PmPilot *pilot = pm_test_item (pm_district_get_pilots (district), 0);
    PmKpi *kpi = pm_test_item (pm_pilot_get_kpis (pilot), 0);
    GListModel *entries = pm_kpi_get_entries (kpi);

    g_assert_cmpstr (pm_kpi_get_title (kpi), ==, "Attendance");
    g_assert_cmpuint (g_list_model_get_n_items (entries), ==, 2);
    g_assert_cmpint (pm_period_get_quarter (pm_progress_entry_get_period (pm_test_item (entries, 0))), ==, 2);
    g_assert_cmpfloat_with_epsilon (pm_progress_entry_get_value (pm_test_item (entries, 0)), 600.0 / 7, 1e-9);
    g_assert_cmpfloat (pm_progress_entry_get_value (pm_test_item (entries, 1)), ==, 50);
  }

  g_clear_object (&store);
  store_test_remove_dir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  if (store_test_no_server_to_test ())
    return 0;

  g_test_add_func ("/store/roundtrip/every-field", test_every_field);
  g_test_add_func ("/store/roundtrip/load-empty", test_load_empty);
  g_test_add_func ("/store/roundtrip/frequencies", test_frequencies);
  g_test_add_func ("/store/roundtrip/import-not-empty", test_import_not_empty);
  g_test_add_func ("/store/roundtrip/import-rolls-back", test_import_rolls_back);
  g_test_add_func ("/store/roundtrip/backup", test_backup);
  g_test_add_func ("/store/roundtrip/load-few-queries", test_load_few_queries);
  g_test_add_func ("/store/roundtrip/load-district", test_load_district);
  g_test_add_func ("/store/roundtrip/load-refuses-value", test_load_refuses_value);

  return g_test_run ();
}
