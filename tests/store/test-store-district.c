/* test-store-district.c: a one-district summary read scoped, against the
 * whole programme read
 *
 * pm_store_load_district() reads one district and of the others only the
 * KPIs linked to an indicator; the programme's ratings come from
 * pm_store_count_programme_rag(). A summary printed from that must say
 * word for word what one printed from pm_store_load() says, and the
 * counts must be the whole programme's at every period, on each engine:
 * the sample, a programme with every field the model has, and one made
 * here with yearly KPIs, percentages, schedules of milestones, KPIs to
 * be maintained and an indicator shared by the districts, one of whose
 * values is split by site. On a file the count reads each KPI's value
 * at the period from the covering index of schema 19 (progress_value);
 * a file of schema 18, read-only and so not migrated, has none and is
 * still counted.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <sqlite3.h>

#include "pm-database.h"
#include "pm-store-private.h"
#include "report/pm-summary-report.h"
#include "store-test-util.h"

static const char *const quarters[] = {
  "FY2015-Q3", "FY2015-Q4", "FY2016-Q1", "FY2016-Q2", "FY2016-Q3", "FY2016-Q4", "FY2017-Q1",
};

/* The text of @report's PDF, as pdftotext lays it out, but for the line
 * that says when it was produced. */
static char *
report_text (PmReport   *report,
             const char *dir,
             const char *name)
{
  g_autofree char *pdf = g_build_filename (dir, name, NULL);
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  GString *text = g_string_new (NULL);
  int status = 0;
  const char *argv[] = { "pdftotext", "-layout", pdf, "-", NULL };

  g_assert_true (pm_report_export_pdf (report, pdf, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (strstr (lines[i], "Produced") == NULL)
      g_string_append_printf (text, "%s\n", lines[i]);
  g_assert_cmpuint (text->len, >, 200);
  return g_string_free (text, FALSE);
}

static PmReport *
summary_of (PmProgramme *programme,
            const char  *district,
            PmPeriod    *period)
{
  PmDistrict *found = pm_programme_find_district (programme, district);

  g_assert_nonnull (found);
  return pm_summary_report_new (programme, period, found);
}

/* What sqlite's EXPLAIN QUERY PLAN says of the count's query of the
 * KPIs on the file at @path, at schema @version, a line a step. */
static char *
kpis_plan (PmStore    *store,
           const char *path,
           int         version)
{
  const char *sql = _pm_store_totals_kpis_sql (_pm_store_get_database (store), version);
  g_autofree char *explain = g_strconcat ("EXPLAIN QUERY PLAN ", sql, NULL);
  GString *plan = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db = NULL;
  int rc;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  rc = sqlite3_prepare_v2 (db, explain, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    g_error ("%s: %s", explain, sqlite3_errmsg (db));
  sqlite3_bind_text (stmt, 1, "FY2016-Q3", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, "quarterly", -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_string_append_printf (plan, "%s\n", (const char *) sqlite3_column_text (stmt, 3));
  g_assert_cmpint (rc, ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return g_string_free (plan, FALSE);
}

/* The store's counts at each of quarters[] are @whole's; @all, when
 * given, keeps them, quarter after quarter. */
static void
assert_counts (PmStore     *store,
               PmProgramme *whole,
               guint       *all)
{
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (quarters); i++)
    {
      g_autoptr(PmPeriod) quarter = pm_test_period (quarters[i]);
      guint expected[PM_N_RAG], counts[PM_N_RAG];

      pm_programme_count_rag (whole, quarter, expected);
      g_assert_true (pm_store_count_programme_rag (store, quarter, counts, &error));
      g_assert_no_error (error);
      for (guint r = 0; r < PM_N_RAG; r++)
        g_assert_cmpuint (counts[r], ==, expected[r]);
      if (all != NULL)
        memcpy (all + i * PM_N_RAG, counts, sizeof counts);
    }
}

/* Every district's summary at @period, scoped and whole, and the
 * programme's counts at each of quarters[]; on a file, through the
 * covering index. */
static void
compare_with_whole (const char  *dir,
                    const char  *location,
                    const char  *period_code)
{
  g_autoptr(PmStore) store = NULL;
  g_autoptr(PmProgramme) whole = NULL;
  g_autoptr(PmPeriod) period = pm_test_period (period_code);
  g_autoptr(GError) error = NULL;
  GListModel *districts;

  store = pm_store_open (location, PM_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  whole = pm_store_load (store, &error);
  g_assert_no_error (error);

  assert_counts (store, whole, NULL);
  if (!store_test_engine_is_server ())
    {
      g_autofree char *plan = kpis_plan (store, location, PM_STORE_SCHEMA_VERSION);

      g_assert_nonnull (strstr (plan, "USING COVERING INDEX progress_value (kpi_id=? AND period=?)"));
    }

  districts = pm_programme_get_districts (whole);
  for (guint i = 0; i < g_list_model_get_n_items (districts); i++)
    {
      const char *name = pm_district_get_name (pm_test_item (districts, i));
      g_autoptr(PmProgramme) scoped = pm_store_load_district (store, name, period, &error);
      g_autoptr(PmReport) from_whole = summary_of (whole, name, period);
      g_autoptr(PmReport) from_scoped = NULL;
      g_autofree char *whole_text = NULL;
      g_autofree char *scoped_text = NULL;
      guint counts[PM_N_RAG];

      g_assert_no_error (error);
      from_scoped = summary_of (scoped, name, period);
      g_assert_true (pm_store_count_programme_rag (store, period, counts, &error));
      pm_summary_report_set_programme_rag (PM_SUMMARY_REPORT (from_scoped), counts);

      whole_text = report_text (from_whole, dir, "whole.pdf");
      scoped_text = report_text (from_scoped, dir, "scoped.pdf");
      g_assert_cmpstr (scoped_text, ==, whole_text);
      g_assert_nonnull (strstr (scoped_text, name));
    }
}

static void
test_sample (void)
{
  g_autofree char *dir = pm_test_dir_new ("pm-district");
  g_autofree char *location = store_test_location (dir, "sample.pmdb");
  g_autoptr(PmProgramme) sample = pm_test_sample_load ();

  pm_test_store_create (location, sample);
  compare_with_whole (dir, location, "FY2016-Q3");
  store_test_remove_dir (dir);
}

static void
test_full (void)
{
  g_autofree char *dir = pm_test_dir_new ("pm-district");
  g_autofree char *location = store_test_location (dir, "full.pmdb");
  g_autoptr(PmProgramme) full = store_test_build_full_programme ();

  pm_test_store_create (location, full);
  compare_with_whole (dir, location, "FY2016-Q3");
  store_test_remove_dir (dir);
}

static void
add_value (PmKpi      *kpi,
           const char *code,
           double      value,
           double      denominator)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PmPeriod) period = pm_period_parse (code, &error);
  g_autoptr(PmProgressEntry) entry = NULL;

  g_assert_no_error (error);
  entry = pm_progress_entry_new (period);
  if (denominator > 0)
    g_assert_true (pm_progress_entry_set_fraction (entry, value, denominator, &error));
  else
    pm_progress_entry_set_value (entry, value);
  g_assert_no_error (error);
  pm_kpi_set_entry (kpi, entry, &error);
  g_assert_no_error (error);
}

static PmKpi *
new_kpi (PmPilot     *pilot,
         const char  *title,
         PmUnit       unit,
         PmDirection  direction,
         double       baseline,
         double       target)
{
  g_autoptr(PmKpi) kpi = pm_kpi_new (title, unit, direction);
  g_autoptr(PmBaseline) start = pm_baseline_new_value (baseline, "2015-03-31", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (pm_kpi_set_baseline (kpi, start, &error));
  g_assert_no_error (error);
  store_test_add_target (kpi, target, "2017-03-31", NULL, NULL);
  pm_pilot_add_kpi (pilot, kpi);
  return kpi;
}

/* District @d of the made programme: values that spread over the RAG
 * ratings as @d changes, and gaps. */
static PmDistrict *
made_district (guint d)
{
  g_autofree char *name = g_strdup_printf ("District %c", 'A' + d);
  PmDistrict *district = pm_district_new (name);
  g_autoptr(PmPilot) pilot = pm_pilot_new ("Family hub");
  g_autoptr(PmPilot) second = pm_pilot_new ("Outreach");
  g_autoptr(GError) error = NULL;
  PmKpi *kpi;

  /* Children seen, linked, in both pilots; one value split by site. */
  kpi = new_kpi (pilot, "Children seen", PM_UNIT_COUNT, PM_DIRECTION_INCREASE, 10, 200);
  pm_kpi_set_indicator (kpi, "children-seen");
  for (guint q = 0; q < G_N_ELEMENTS (quarters); q++)
    if ((q + d) % 4 != 0)
      add_value (kpi, quarters[q], 20.0 + 25.0 * q + 9.0 * d, 0);
  if (d == 1)
    {
      g_autoptr(PmPeriod) q3 = pm_test_period ("FY2016-Q3");
      g_autoptr(PmProgressEntry) entry = pm_progress_entry_new (q3);

      pm_progress_entry_add_site (entry, "North", 90);
      pm_progress_entry_add_site (entry, "South", 45);
      g_assert_true (pm_progress_entry_total_sites (entry, PM_UNIT_COUNT, &error));
      g_assert_true (pm_kpi_set_entry (kpi, entry, &error));
      g_assert_no_error (error);
    }
  kpi = new_kpi (second, "Children seen", PM_UNIT_COUNT, PM_DIRECTION_INCREASE, 5, 50);
  pm_kpi_set_indicator (kpi, "children-seen");
  for (guint q = d % 2; q < G_N_ELEMENTS (quarters); q += 2)
    add_value (kpi, quarters[q], 4.0 + 6.0 * q, 0);

  /* A percentage from its parts, reducing. */
  kpi = new_kpi (pilot, "Repeat referrals", PM_UNIT_PERCENTAGE, PM_DIRECTION_REDUCE, 40, 20);
  for (guint q = 0; q < G_N_ELEMENTS (quarters); q++)
    add_value (kpi, quarters[q], 30.0 - q - 3.0 * d, 80);

  /* Yearly: judged on the latest year ended by the period. */
  kpi = new_kpi (pilot, "Annual survey", PM_UNIT_COUNT, PM_DIRECTION_INCREASE, 10, 200);
  pm_kpi_set_frequency (kpi, PM_FREQUENCY_YEARLY);
  add_value (kpi, "FY2015", 40.0 + 60.0 * d, 0);
  if (d != 2)
    add_value (kpi, "FY2016", 180.0 - 50.0 * d, 0);

  /* Maintained within a tolerance of its own. */
  kpi = new_kpi (second, "Staff in post", PM_UNIT_COUNT, PM_DIRECTION_MAINTAIN, 30, 30);
  pm_kpi_set_tolerance (kpi, 0.05);
  for (guint q = 0; q < G_N_ELEMENTS (quarters); q++)
    add_value (kpi, quarters[q], 30.0 + (q + d) % 3, 0);

  /* A schedule of two milestones, the first revised. */
  kpi = new_kpi (second, "Homes visited", PM_UNIT_COUNT, PM_DIRECTION_INCREASE, 0, 50);
  {
    g_autoptr(PmTarget) revised = pm_target_new (60, "2017-03-31");
    g_autoptr(PmTarget) later = pm_target_new (120, "2018-03-31");

    pm_target_set_milestone (revised, 1);
    pm_target_set_milestone (later, 2);
    g_assert_true (pm_kpi_add_target (kpi, revised, &error));
    g_assert_true (pm_kpi_add_target (kpi, later, &error));
    g_assert_no_error (error);
  }
  for (guint q = 0; q < G_N_ELEMENTS (quarters); q++)
    add_value (kpi, quarters[q], 8.0 * q + 4.0 * d, 0);

  /* No baseline value: grey whatever it reports. */
  {
    g_autoptr(PmKpi) unknown = pm_kpi_new ("Waiting list", PM_UNIT_COUNT, PM_DIRECTION_REDUCE);

    store_test_add_target (unknown, 5, "2017-03-31", NULL, NULL);
    add_value (unknown, "FY2016-Q3", 12, 0);
    pm_pilot_add_kpi (second, unknown);
  }

  pm_district_add_pilot (district, pilot);
  pm_district_add_pilot (district, second);
  return district;
}

static PmProgramme *
made_programme (void)
{
  g_autoptr(PmProgramme) programme = pm_programme_new ("Made");
  g_autoptr(PmIndicator) indicator = pm_indicator_new ("children-seen", "Children seen", PM_UNIT_COUNT,
                                                       PM_DIRECTION_INCREASE, PM_AGGREGATION_SUM);
  g_autoptr(GError) error = NULL;

  g_assert_true (pm_programme_add_indicator (programme, indicator, &error));
  for (guint d = 0; d < 4; d++)
    {
      g_autoptr(PmDistrict) district = made_district (d);

      g_assert_true (pm_programme_add_district (programme, district, &error));
      g_assert_no_error (error);
    }
  return g_steal_pointer (&programme);
}

static void
test_made (void)
{
  g_autofree char *dir = pm_test_dir_new ("pm-district");
  g_autofree char *location = store_test_location (dir, "made.pmdb");
  g_autoptr(PmProgramme) programme = made_programme ();

  pm_test_store_create (location, programme);

  compare_with_whole (dir, location, "FY2016-Q3");
  compare_with_whole (dir, location, "FY2017-Q1");
  store_test_remove_dir (dir);
}

/* 1 if the database at @location has the covering index of schema 19. */
static gint64
n_value_indexes (const char *location)
{
  if (store_test_engine_is_server ())
    return store_test_query_int (location,
                                 "SELECT count (*) FROM pg_indexes "
                                 "WHERE indexname = 'progress_value' AND schemaname = current_schema ()");
  return store_test_query_int (location,
                               "SELECT count (*) FROM sqlite_master "
                               "WHERE type = 'index' AND name = 'progress_value'");
}

/* A database as schema 18 left it (no covering index). A file opened
 * read-only is not migrated: it is counted without the index. Opened to
 * write, it is migrated to 19, has the index and counts the same. */
static void
test_from_schema_18 (void)
{
  g_autofree char *dir = pm_test_dir_new ("pm-district");
  g_autofree char *location = store_test_location (dir, "made.pmdb");
  g_autoptr(PmProgramme) programme = made_programme ();
  g_autoptr(PmProgramme) whole = NULL;
  g_autoptr(PmStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gboolean server = store_test_engine_is_server ();
  guint before[G_N_ELEMENTS (quarters) * PM_N_RAG], after[G_N_ELEMENTS (quarters) * PM_N_RAG];
  int version = 0;

  pm_test_store_create (location, programme);
  g_assert_cmpint (n_value_indexes (location), ==, 1);
  store_test_exec (location, server ? "DROP INDEX progress_value; UPDATE pm_meta SET schema_version = 18;"
                                    : "DROP INDEX progress_value; PRAGMA user_version = 18;");
  g_assert_cmpint (n_value_indexes (location), ==, 0);

  if (!server)
    {
      store = pm_store_open (location, PM_STORE_OPEN_READ_ONLY, &error);
      g_assert_no_error (error);
      whole = pm_store_load (store, &error);
      g_assert_no_error (error);
      assert_counts (store, whole, before);
      g_clear_object (&store);
      g_clear_object (&whole);
      g_assert_cmpint (store_test_schema_version (location), ==, 18);
      g_assert_cmpint (n_value_indexes (location), ==, 0);
    }

  store = pm_store_open (location, PM_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (pm_database_get_schema_version (_pm_store_get_database (store), &version, &error));
  g_assert_cmpint (version, ==, 19);
  g_assert_cmpint (store_test_schema_version (location), ==, 19);
  g_assert_cmpint (n_value_indexes (location), ==, 1);
  whole = pm_store_load (store, &error);
  g_assert_no_error (error);
  assert_counts (store, whole, after);

  if (!server)
    {
      g_autofree char *plan = kpis_plan (store, location, version);

      g_assert_cmpmem (after, sizeof after, before, sizeof before);
      g_assert_nonnull (strstr (plan, "USING COVERING INDEX progress_value"));
    }

  g_clear_object (&store);
  store_test_remove_dir (dir);
}

/* A file of schema 19 whose covering index is gone (edited by hand) is
 * not what the schema says: the count fails with sqlite's word for it,
 * rather than guess. */
static void
test_index_missing (void)
{
  g_autofree char *dir = pm_test_dir_new ("pm-district");
  g_autofree char *location = store_test_location (dir, "made.pmdb");
  g_autoptr(PmProgramme) programme = made_programme ();
  g_autoptr(PmPeriod) period = pm_test_period ("FY2016-Q3");
  g_autoptr(PmStore) store = NULL;
  g_autoptr(GError) error = NULL;
  guint counts[PM_N_RAG];

  if (store_test_skip_unless_file ())
    return;

  pm_test_store_create (location, programme);
  store_test_exec (location, "DROP INDEX progress_value;");
  store = pm_store_open (location, PM_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);

  g_assert_false (pm_store_count_programme_rag (store, period, counts, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "progress_value"));

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

  g_test_add_func ("/store/district/sample", test_sample);
  g_test_add_func ("/store/district/full", test_full);
  g_test_add_func ("/store/district/made", test_made);
  g_test_add_func ("/store/district/from-schema-18", test_from_schema_18);
  g_test_add_func ("/store/district/index-missing", test_index_missing);

  return g_test_run ();
}
