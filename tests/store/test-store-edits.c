/* test-store-edits.c: each edit reaches the file, and a refused one
 * changes neither the file nor the model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>

#include "pm-database.h"
#include "pm-store-private.h"
#include "store-test-util.h"
#include "model/pm-site-value.h"

/* A store holding the small programme, and that programme as loaded. */
typedef StoreTestSmall Fixture;

/* The programme as a fresh store reads it from the file. */
static PmProgramme *
reload (Fixture *fixture)
{
  return pm_test_store_read (fixture->path, PM_STORE_OPEN_DEFAULT);
}

static PmKpi *
first_kpi (PmProgramme *programme,
           guint        position)
{
  PmDistrict *district = pm_test_item (pm_programme_get_districts (programme), 0);
  PmPilot *pilot = pm_test_item (pm_district_get_pilots (district), 0);

  return pm_test_item (pm_pilot_get_kpis (pilot), position);
}

static PmProgressEntry *
make_entry (int    year,
            int    quarter,
            double value)
{
  g_autoptr(PmPeriod) period = pm_period_new (year, quarter);
  PmProgressEntry *entry = pm_progress_entry_new (period);

  pm_progress_entry_set_value (entry, value);
  return entry;
}

static gint64
count_rows (Fixture    *fixture,
            const char *sql)
{
  return store_test_query_int (fixture->path, sql);
}

static void
test_save_entry (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(PmProgressEntry) entry = make_entry (2016, 4, 55);
  g_autoptr(PmProgressEntry) again = make_entry (2016, 4, 56.5);
  g_autoptr(PmProgramme) reloaded = NULL;
  g_autoptr(PmPeriod) q4 = pm_period_new (2016, 4);
  g_autoptr(GError) error = NULL;
  PmProgressEntry *saved;

  g_assert_true (pm_store_save_entry (fixture->store, fixture->percentage, entry, &error));
  g_assert_no_error (error);
  g_assert_true (pm_kpi_get_entry (fixture->percentage, q4) == entry);
  g_assert_cmpint (count_rows (fixture, "SELECT revision FROM progress "
                                        "WHERE period = 'FY2016-Q4'"), ==, 1);

  reloaded = reload (fixture);
  saved = pm_kpi_get_entry (first_kpi (reloaded, 0), q4);
  g_assert_nonnull (saved);
  g_assert_cmpfloat (pm_progress_entry_get_value (saved), ==, 55);

  /* Replacing counts the row's revision up. */
  g_assert_true (pm_store_save_entry (fixture->store, fixture->percentage, again, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (fixture, "SELECT revision FROM progress "
                                        "WHERE period = 'FY2016-Q4'"), ==, 2);
  g_assert_cmpint (count_rows (fixture, "SELECT value * 10 FROM progress "
                                        "WHERE period = 'FY2016-Q4'"), ==, 565);
  g_assert_cmpuint (g_list_model_get_n_items (pm_kpi_get_entries (fixture->percentage)), ==, 2);
}

static void
test_save_entry_refused (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(PmProgressEntry) too_big = make_entry (2016, 3, 140);
  g_autoptr(PmProgressEntry) negative = make_entry (2016, 3, -1);
  g_autoptr(PmPeriod) q3 = pm_period_new (2016, 3);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GError) error = NULL;
  PmProgressEntry *existing = pm_kpi_get_entry (fixture->percentage, q3);

  g_assert_nonnull (existing);

  /* 140 is no percentage: the row for the period and the model's entry
   * stay as they were. */
  g_assert_false (pm_store_save_entry (fixture->store, fixture->percentage, too_big, &error));
  g_assert_error (error, PM_MODEL_ERROR, PM_MODEL_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);
  g_assert_cmpint (count_rows (fixture, "SELECT value FROM progress "
                                        "WHERE period = 'FY2016-Q3'"), ==, 50);
  g_assert_cmpint (count_rows (fixture, "SELECT revision FROM progress "
                                        "WHERE period = 'FY2016-Q3'"), ==, 1);
  g_assert_true (pm_kpi_get_entry (fixture->percentage, q3) == existing);
  g_assert_cmpfloat (pm_progress_entry_get_value (existing), ==, 50);

  /* A count cannot be negative. */
  g_assert_false (pm_store_save_entry (fixture->store, fixture->count, negative, &error));
  g_assert_true (error != NULL && error->domain == PM_MODEL_ERROR);
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM progress"), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (pm_kpi_get_entries (fixture->count)), ==, 0);
}

/* A count given by site is stored with its sites and their sum, with the
 * value's audit row; a total that is not their sum is refused with both
 * numbers and changes nothing; a plain value saved over it drops them. */
static void
test_save_entry_sites (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(PmPeriod) q4 = pm_period_new (2016, 4);
  g_autoptr(PmProgressEntry) by_site = pm_progress_entry_new (q4);
  g_autoptr(PmProgressEntry) wrong = pm_progress_entry_new (q4);
  g_autoptr(PmProgressEntry) plain = make_entry (2016, 4, 12);
  g_autoptr(PmProgramme) reloaded = NULL;
  g_autoptr(PmProgramme) cleared = NULL;
  g_autoptr(GError) error = NULL;
  PmProgressEntry *saved;

  pm_progress_entry_add_site (by_site, "Rawlett", 1000);
  pm_progress_entry_add_site (by_site, "TEC", 3592);
  g_assert_true (pm_store_save_entry (fixture->store, fixture->count, by_site, &error));
  g_assert_no_error (error);
  saved = pm_kpi_get_entry (fixture->count, q4);
  g_assert_true (saved == by_site);
  g_assert_true (pm_progress_entry_has_value (saved));
  g_assert_cmpfloat (pm_progress_entry_get_value (saved), ==, 4592);
  g_assert_cmpint (count_rows (fixture, "SELECT value FROM progress WHERE period = 'FY2016-Q4'"), ==, 4592);
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM progress_site WHERE period = 'FY2016-Q4'"), ==, 2);
  g_assert_cmpint (count_rows (fixture, "SELECT sum (value) FROM progress_site"), ==, 4592);
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM audit WHERE kind = 'value' "
                                        "AND period = 'FY2016-Q4' AND new_value = 4592"), ==, 1);

  reloaded = reload (fixture);
  saved = pm_kpi_get_entry (first_kpi (reloaded, 1), q4);
  g_assert_nonnull (saved);
  g_assert_cmpfloat (pm_progress_entry_get_value (saved), ==, 4592);
  g_assert_cmpuint (g_list_model_get_n_items (pm_progress_entry_get_sites (saved)), ==, 2);
  g_assert_cmpstr (pm_site_value_get_site (pm_test_item (pm_progress_entry_get_sites (saved), 0)), ==, "Rawlett");
  g_assert_cmpfloat (pm_site_value_get_value (pm_test_item (pm_progress_entry_get_sites (saved), 1)), ==, 3592);

  /* A total that is not the sum: both numbers said, nothing changed. */
  pm_progress_entry_set_value (wrong, 4593);
  pm_progress_entry_add_site (wrong, "Rawlett", 1000);
  pm_progress_entry_add_site (wrong, "TEC", 3592);
  g_assert_false (pm_store_save_entry (fixture->store, fixture->count, wrong, &error));
  g_assert_error (error, PM_MODEL_ERROR, PM_MODEL_ERROR_INCONSISTENT);
  g_assert_nonnull (strstr (error->message, "4,593"));
  g_assert_nonnull (strstr (error->message, "4,592"));
  g_clear_error (&error);
  g_assert_true (pm_kpi_get_entry (fixture->count, q4) == by_site);
  g_assert_cmpint (count_rows (fixture, "SELECT value FROM progress WHERE period = 'FY2016-Q4'"), ==, 4592);
  g_assert_cmpint (count_rows (fixture, "SELECT revision FROM progress WHERE period = 'FY2016-Q4'"), ==, 1);
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM progress_site"), ==, 2);
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM audit WHERE kind = 'value' "
                                        "AND new_value = 4593"), ==, 0);

  /* A plain value over it: the sites go, in the file and in the model. */
  g_assert_true (pm_store_save_entry (fixture->store, fixture->count, plain, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM progress_site"), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (pm_progress_entry_get_sites (pm_kpi_get_entry (fixture->count, q4))), ==, 0);
  cleared = reload (fixture);
  saved = pm_kpi_get_entry (first_kpi (cleared, 1), q4);
  g_assert_cmpfloat (pm_progress_entry_get_value (saved), ==, 12);
  g_assert_cmpuint (g_list_model_get_n_items (pm_progress_entry_get_sites (saved)), ==, 0);
}

static void
test_save_entry_not_in_store (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(PmKpi) unsaved = pm_kpi_new ("Unsaved", PM_UNIT_COUNT, PM_DIRECTION_REDUCE);
  g_autoptr(PmProgressEntry) entry = make_entry (2016, 4, 3);
  g_autoptr(PmProgressEntry) other = make_entry (2016, 4, 3);
  g_autoptr(GError) error = NULL;

  g_assert_false (pm_store_save_entry (fixture->store, unsaved, entry, &error));
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_NOT_FOUND);
  g_assert_cmpuint (g_list_model_get_n_items (pm_kpi_get_entries (unsaved)), ==, 0);
  g_clear_error (&error);

  /* Deleted behind our back, by another program. */
  store_test_exec (fixture->path, "DELETE FROM kpi WHERE title = 'Referrals'");
  g_assert_false (pm_store_save_entry (fixture->store, fixture->count, other, &error));
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_NOT_FOUND);
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM progress "
                                        "WHERE period = 'FY2016-Q4'"), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (pm_kpi_get_entries (fixture->count)), ==, 0);
}

static void
test_delete_entry (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(PmPeriod) q3 = pm_period_new (2016, 3);
  g_autoptr(GError) error = NULL;

  g_assert_true (pm_store_delete_entry (fixture->store, fixture->percentage, q3, &error));
  g_assert_no_error (error);
  g_assert_null (pm_kpi_get_entry (fixture->percentage, q3));
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM progress"), ==, 0);
}

static void
test_add_target (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(PmTarget) early = pm_target_new (70, "2016-01-31");
  g_autoptr(PmTarget) revised = pm_target_new (65, "2017-09-30");
  g_autoptr(PmProgramme) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *targets = pm_kpi_get_targets (fixture->percentage);

  /* The baseline is from October 2016: a target due before it is refused. */
  g_assert_false (pm_store_add_target (fixture->store, fixture->percentage, early, &error));
  g_assert_error (error, PM_MODEL_ERROR, PM_MODEL_ERROR_DATE_ORDER);
  g_clear_error (&error);
  g_assert_cmpuint (g_list_model_get_n_items (targets), ==, 1);
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM target"), ==, 1);

  pm_target_set_set_on (revised, "2017-01-16");
  pm_target_set_reason (revised, "Revised by the Select Committee");
  g_assert_true (pm_store_add_target (fixture->store, fixture->percentage, revised, &error));
  g_assert_no_error (error);
  g_assert_true (pm_kpi_get_current_target (fixture->percentage) == revised);

  reloaded = reload (fixture);
  targets = pm_kpi_get_targets (first_kpi (reloaded, 0));
  g_assert_cmpuint (g_list_model_get_n_items (targets), ==, 2);
  g_assert_cmpfloat (pm_target_get_value (pm_test_item (targets, 0)), ==, 60);
  g_assert_cmpfloat (pm_target_get_value (pm_test_item (targets, 1)), ==, 65);
  g_assert_cmpstr (pm_target_get_reason (pm_test_item (targets, 1)), ==,
                   "Revised by the Select Committee");
}

static void
test_set_baseline (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(PmBaseline) after_target = pm_baseline_new_value (40, "2017-06", NULL);
  g_autoptr(PmBaseline) too_big = pm_baseline_new_value (140, "2016-10", NULL);
  g_autoptr(PmBaseline) sites = pm_baseline_new_sites ("2016-09", "Two schools");
  g_autoptr(PmBaseline) state = pm_baseline_new_state (PM_BASELINE_TO_BE_CONFIRMED);
  g_autoptr(PmProgramme) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  PmBaseline *original = pm_kpi_get_baseline (fixture->percentage);
  PmBaseline *loaded;

  /* Dated after the target (March 2017): refused, nothing changes. */
  g_assert_false (pm_store_set_baseline (fixture->store, fixture->percentage, after_target, &error));
  g_assert_error (error, PM_MODEL_ERROR, PM_MODEL_ERROR_DATE_ORDER);
  g_clear_error (&error);
  g_assert_true (pm_kpi_get_baseline (fixture->percentage) == original);
  g_assert_cmpint (count_rows (fixture, "SELECT value * 10 FROM baseline b JOIN kpi k "
                                        "ON k.id = b.kpi_id WHERE k.title = 'Attendance'"), ==, 448);

  g_assert_false (pm_store_set_baseline (fixture->store, fixture->percentage, too_big, &error));
  g_assert_error (error, PM_MODEL_ERROR, PM_MODEL_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);
  g_assert_true (pm_kpi_get_baseline (fixture->percentage) == original);

  pm_baseline_add_site (sites, "Rawlett", 4.6);
  pm_baseline_add_site (sites, "TEC", 4.1);
  g_assert_true (pm_store_set_baseline (fixture->store, fixture->percentage, sites, &error));
  g_assert_no_error (error);
  g_assert_true (pm_kpi_get_baseline (fixture->percentage) == sites);

  reloaded = reload (fixture);
  loaded = pm_kpi_get_baseline (first_kpi (reloaded, 0));
  g_assert_false (pm_baseline_has_value (loaded));
  g_assert_cmpuint (g_list_model_get_n_items (pm_baseline_get_sites (loaded)), ==, 2);
  g_assert_cmpstr (pm_baseline_get_note (loaded), ==, "Two schools");

  /* A state replaces the sites too. */
  g_assert_true (pm_store_set_baseline (fixture->store, fixture->percentage, state, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM baseline_site"), ==, 0);
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM baseline b JOIN kpi k "
                                        "ON k.id = b.kpi_id WHERE k.title = 'Attendance' "
                                        "AND state = 'to-be-confirmed' AND value IS NULL"), ==, 1);
}

static void
test_narrative (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(PmPeriod) q3 = pm_period_new (2016, 3);
  g_autoptr(PmNarrative) first = pm_narrative_new (q3);
  g_autoptr(PmNarrative) second = pm_narrative_new (q3);
  g_autoptr(PmProgramme) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *updated_at = NULL;
  PmDistrict *district;
  PmNarrative *loaded;

  pm_narrative_set_progress (first, "Three engagement events held");
  g_assert_true (pm_store_save_narrative (fixture->store, fixture->pilot, first, &error));
  g_assert_no_error (error);

  pm_narrative_set_progress (second, "Four engagement events held");
  pm_narrative_set_learning (second, "Evenings work better");
  g_assert_true (pm_store_save_narrative (fixture->store, fixture->pilot, second, &error));
  g_assert_no_error (error);
  g_assert_true (pm_pilot_get_narrative (fixture->pilot, q3) == second);
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM narrative"), ==, 1);
  updated_at = store_test_query_text (fixture->path, "SELECT updated_at FROM narrative");
  g_assert_nonnull (updated_at);

  reloaded = reload (fixture);
  district = pm_test_item (pm_programme_get_districts (reloaded), 0);
  loaded = pm_pilot_get_narrative (pm_test_item (pm_district_get_pilots (district), 0), q3);
  g_assert_cmpstr (pm_narrative_get_progress (loaded), ==, "Four engagement events held");
  g_assert_cmpstr (pm_narrative_get_learning (loaded), ==, "Evenings work better");
  g_assert_null (pm_narrative_get_case_study (loaded));
}

static void
test_reach (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(PmPeriod) q3 = pm_period_new (2016, 3);
  g_autoptr(PmReachEntry) spark = pm_reach_entry_new (q3, "SPARK", 3);
  g_autoptr(PmReachEntry) spark_again = pm_reach_entry_new (q3, "SPARK", 5);
  g_autoptr(PmReachEntry) whole = pm_reach_entry_new (q3, NULL, 4);
  g_autoptr(PmReachEntry) whole_again = pm_reach_entry_new (q3, NULL, 6);
  g_autoptr(PmReachEntry) stranger = pm_reach_entry_new (q3, "Nobody", 1);
  g_autoptr(GError) error = NULL;

  g_assert_true (pm_store_save_reach (fixture->store, fixture->pilot, spark, &error));
  g_assert_true (pm_store_save_reach (fixture->store, fixture->pilot, spark_again, &error));
  g_assert_true (pm_store_save_reach (fixture->store, fixture->pilot, whole, &error));
  g_assert_true (pm_store_save_reach (fixture->store, fixture->pilot, whole_again, &error));
  g_assert_no_error (error);

  /* One row per period and provider, the pilot as a whole being one. */
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM reach_entry"), ==, 2);
  g_assert_cmpint (count_rows (fixture, "SELECT families FROM reach_entry "
                                        "WHERE provider = 'SPARK'"), ==, 5);
  g_assert_cmpint (count_rows (fixture, "SELECT families FROM reach_entry "
                                        "WHERE provider IS NULL"), ==, 6);
  g_assert_cmpint (pm_pilot_get_reach_at (fixture->pilot, q3), ==, 11);

  g_assert_false (pm_store_save_reach (fixture->store, fixture->pilot, stranger, &error));
  g_assert_error (error, PM_MODEL_ERROR, PM_MODEL_ERROR_MISSING);
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM reach_entry"), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (pm_pilot_get_reach (fixture->pilot)), ==, 2);
}

static void
test_spend (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(PmSpendItem) item = pm_spend_item_new ("Family support service", 3000000);
  g_autoptr(PmSpendItem) unnamed = pm_spend_item_new ("", 100);
  g_autoptr(PmPeriod) q3 = pm_period_new (2016, 3);
  g_autoptr(GError) error = NULL;

  pm_spend_item_set_status (item, PM_SPEND_COMMITTED);
  pm_spend_item_set_period (item, q3);
  g_assert_true (pm_store_add_spend (fixture->store, fixture->pilot, item, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (fixture, "SELECT amount_pence FROM spend_item "
                                        "WHERE status = 'committed' AND period = 'FY2016-Q3'"),
                   ==, 3000000);
  g_assert_cmpint (pm_pilot_get_spend_at (fixture->pilot, q3, PM_SPEND_COMMITTED), ==, 3000000);

  g_assert_false (pm_store_add_spend (fixture->store, fixture->pilot, unnamed, &error));
  g_assert_error (error, PM_MODEL_ERROR, PM_MODEL_ERROR_MISSING);
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM spend_item"), ==, 1);
}

/* The schema's own guards, for writes that do not come through the model. */
static void
test_schema_checks (Fixture       *fixture,
                    gconstpointer  data)
{
  static const char * const refused[] = {
    "INSERT INTO reach_entry (pilot_id, position, period, families) "
    "  SELECT id, 9, 'FY2016-Q3', -1 FROM pilot",
    "INSERT INTO spend_item (pilot_id, position, description, amount_pence) "
    "  SELECT id, 9, 'Refund', -100 FROM pilot",
    "INSERT INTO narrative (pilot_id, period) SELECT id, 'FY16-Q5' FROM pilot",
    "INSERT INTO narrative (pilot_id, period) SELECT id, '2016-10' FROM pilot",
    "UPDATE kpi SET unit = 'percent'",
    "UPDATE pilot SET delivery_status = 'late'",
    "UPDATE baseline SET state = 'unknown'",
    "INSERT INTO kpi (pilot_id, position, title, unit, direction) "
    "  VALUES (999, 0, 'Orphan', 'count', 'reduce')",
    "INSERT INTO reach_entry (pilot_id, position, period, provider, families) "
    "  SELECT id, 9, 'FY2016-Q3', 'Nobody', 1 FROM pilot",
  };
  PmDatabase *db = _pm_store_get_database (fixture->store);

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", refused[i]);
      g_assert_false (pm_database_execute (db, refused[i], &error));
      g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_INVALID);
    }

  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM kpi"), ==, 2);
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM reach_entry"), ==, 0);
}

static void
test_delete_cascades (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(PmPeriod) q3 = pm_period_new (2016, 3);
  g_autoptr(PmNarrative) narrative = pm_narrative_new (q3);
  g_autoptr(PmReachEntry) reach = pm_reach_entry_new (q3, "SPARK", 3);
  g_autoptr(PmProgramme) reloaded = NULL;
  g_autoptr(PmDistrict) district = g_object_ref (fixture->district);
  g_autoptr(PmKpi) percentage = g_object_ref (fixture->percentage);
  g_autoptr(GError) error = NULL;

  pm_narrative_set_progress (narrative, "Started");
  g_assert_true (pm_store_save_narrative (fixture->store, fixture->pilot, narrative, &error));
  g_assert_true (pm_store_save_reach (fixture->store, fixture->pilot, reach, &error));
  g_assert_no_error (error);

  /* A KPI takes its baseline, targets and values with it. */
  g_assert_true (pm_store_delete_kpi (fixture->store, fixture->pilot, percentage, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pm_kpi_get_id (percentage), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (pm_pilot_get_kpis (fixture->pilot)), ==, 1);
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM kpi"), ==, 1);
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM progress"), ==, 0);
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM target"), ==, 0);
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM baseline"), ==, 1);

  /* Deleting it again finds nothing to delete. */
  g_assert_false (pm_store_delete_kpi (fixture->store, fixture->pilot, percentage, &error));
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A district takes everything below it. */
  g_assert_true (pm_store_delete_district (fixture->store, fixture->programme, district, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (pm_programme_get_districts (fixture->programme)), ==, 0);
  for (guint i = 0; i < 8; i++)
    {
      static const char * const tables[] = {
        "SELECT count(*) FROM district", "SELECT count(*) FROM pilot",
        "SELECT count(*) FROM kpi", "SELECT count(*) FROM baseline",
        "SELECT count(*) FROM provider", "SELECT count(*) FROM reach_entry",
        "SELECT count(*) FROM narrative", "SELECT count(*) FROM key_outcome",
      };

      g_test_message ("%s", tables[i]);
      g_assert_cmpint (count_rows (fixture, tables[i]), ==, 0);
    }
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM programme"), ==, 1);

  reloaded = reload (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (pm_programme_get_districts (reloaded)), ==, 0);
}

static void
test_structure (Fixture       *fixture,
                gconstpointer  data)
{
  static const char * const outcomes[] = { "Fewer referrals", NULL };
  static const char * const criteria[] = { "Reduce demand", "Family focus", NULL };
  g_autoptr(PmDistrict) lichfield = pm_district_new ("Lichfield");
  g_autoptr(PmDistrict) duplicate = pm_district_new ("TAMWORTH");
  g_autoptr(PmPilot) pilot = pm_pilot_new ("Burntwood pilot");
  g_autoptr(PmKpi) kpi = pm_kpi_new ("Days to assessment", PM_UNIT_DAYS, PM_DIRECTION_REDUCE);
  g_autoptr(PmKpi) second = pm_kpi_new ("Attendance at groups", PM_UNIT_COUNT, PM_DIRECTION_INCREASE);
  g_autoptr(PmProgramme) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  PmDistrict *loaded_district;
  PmPilot *loaded_pilot;

  pm_pilot_add_kpi (pilot, kpi);
  pm_district_add_pilot (lichfield, pilot);
  g_assert_true (pm_store_add_district (fixture->store, fixture->programme, lichfield, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pm_district_get_id (lichfield), >, 0);
  g_assert_cmpint (pm_pilot_get_id (pilot), >, 0);
  g_assert_cmpint (pm_kpi_get_id (kpi), >, 0);

  g_assert_false (pm_store_add_district (fixture->store, fixture->programme, duplicate, &error));
  g_assert_error (error, PM_MODEL_ERROR, PM_MODEL_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM district"), ==, 2);

  g_assert_true (pm_store_add_kpi (fixture->store, pilot, second, &error));
  g_assert_no_error (error);
  g_assert_false (pm_store_add_kpi (fixture->store, pilot, second, &error));
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_INVALID);
  g_clear_error (&error);

  pm_kpi_set_title (kpi, "Days from referral to assessment");
  pm_kpi_set_measure (kpi, PM_MEASURE_CUMULATIVE);
  pm_kpi_set_tolerance (kpi, 0.05);
  pm_kpi_set_data_source (kpi, "Police");
  g_assert_true (pm_store_update_kpi (fixture->store, kpi, &error));
  pm_pilot_set_delivery_status (pilot, PM_DELIVERY_AT_RISK);
  pm_pilot_set_budget_pence (pilot, 450000);
  pm_pilot_set_key_outcomes (pilot, outcomes);
  g_assert_true (pm_store_update_pilot (fixture->store, pilot, &error));
  pm_district_set_name (lichfield, "Lichfield District");
  g_assert_true (pm_store_update_district (fixture->store, lichfield, &error));
  pm_programme_set_name (fixture->programme, "Renamed programme");
  pm_programme_set_design_criteria (fixture->programme, criteria);
  g_assert_true (pm_store_update_programme (fixture->store, fixture->programme, &error));
  g_assert_no_error (error);

  reloaded = reload (fixture);
  store_test_assert_programmes_equal (fixture->programme, reloaded, TRUE);
  loaded_district = pm_test_item (pm_programme_get_districts (reloaded), 1);
  g_assert_cmpstr (pm_district_get_name (loaded_district), ==, "Lichfield District");
  loaded_pilot = pm_test_item (pm_district_get_pilots (loaded_district), 0);
  g_assert_cmpuint (g_list_model_get_n_items (pm_pilot_get_kpis (loaded_pilot)), ==, 2);

  /* Deleting a pilot; updating it afterwards finds no row. */
  g_assert_true (pm_store_delete_pilot (fixture->store, lichfield, pilot, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM kpi"), ==, 2);
  g_assert_false (pm_store_update_pilot (fixture->store, pilot, &error));
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_NOT_FOUND);
}

static void
test_locked (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(PmProgressEntry) entry = make_entry (2016, 4, 58);
  g_autoptr(PmPeriod) q4 = pm_period_new (2016, 4);
  g_autoptr(GError) error = NULL;
  sqlite3 *other = NULL;
  gint64 start, elapsed;

  if (store_test_skip_unless_file ())
    return;

  pm_database_set_busy_timeout (_pm_store_get_database (fixture->store), 50);

  g_assert_cmpint (sqlite3_open (fixture->path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);

  start = g_get_monotonic_time ();
  g_assert_false (pm_store_save_entry (fixture->store, fixture->percentage, entry, &error));
  elapsed = g_get_monotonic_time () - start;
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_cmpint (elapsed, <, G_USEC_PER_SEC);
  g_assert_null (pm_kpi_get_entry (fixture->percentage, q4));

  g_assert_cmpint (sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (other);
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM progress"), ==, 1);

  /* Once the other program lets go, the same edit goes through. */
  g_assert_true (pm_store_save_entry (fixture->store, fixture->percentage, entry, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM progress"), ==, 2);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  if (store_test_no_server_to_test ())
    return 0;

#define ADD(path, func) \
  g_test_add (path, Fixture, "programme.pmdb", store_test_small_set_up, func, store_test_small_tear_down)

  ADD ("/store/edits/save-entry", test_save_entry);
  ADD ("/store/edits/save-entry-refused", test_save_entry_refused);
  ADD ("/store/edits/save-entry-sites", test_save_entry_sites);
  ADD ("/store/edits/save-entry-not-in-store", test_save_entry_not_in_store);
  ADD ("/store/edits/delete-entry", test_delete_entry);
  ADD ("/store/edits/add-target", test_add_target);
  ADD ("/store/edits/set-baseline", test_set_baseline);
  ADD ("/store/edits/narrative", test_narrative);
  ADD ("/store/edits/reach", test_reach);
  ADD ("/store/edits/spend", test_spend);
  ADD ("/store/edits/schema-checks", test_schema_checks);
  ADD ("/store/edits/delete-cascades", test_delete_cascades);
  ADD ("/store/edits/structure", test_structure);
  ADD ("/store/edits/locked", test_locked);

#undef ADD

  return g_test_run ();
}
