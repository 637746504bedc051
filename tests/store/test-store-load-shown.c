/* test-store-load-shown.c: the window's programme in two reads
 *
 * pm_store_load_shown() reads the values the first screen shows and
 * judges by; pm_store_load_rest_async() adds the rest from a worker.
 * Together they must give exactly what pm_store_load() gives, and no
 * write may happen in between, nor after the rest failed to arrive.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "store-test-util.h"

static const char *const quarters[] = {
  "FY2015-Q1", "FY2015-Q2", "FY2015-Q3", "FY2015-Q4",
  "FY2016-Q1", "FY2016-Q2", "FY2016-Q3", "FY2016-Q4",
};

static void
set_entry (PmKpi           *kpi,
           PmProgressEntry *entry)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pm_kpi_set_entry (kpi, entry, &error));
  g_assert_no_error (error);
}

/* District @name: a quarterly count with a value every quarter but
 * FY2016-Q2, which has a note only (so Q3's travel is judged from Q1),
 * Q3's value given by two sites; a percentage given as fractions up to
 * FY2015-Q4 only; a yearly count; with @linked the count is linked to
 * the programme's indicator. */
static void
add_district (PmProgramme *programme,
              const char  *name,
              gboolean     linked)
{
  g_autoptr(PmDistrict) district = pm_district_new (name);
  g_autoptr(PmPilot) pilot = pm_pilot_new (name);
  g_autoptr(PmKpi) count = pm_kpi_new ("Visits", PM_UNIT_COUNT, PM_DIRECTION_INCREASE);
  g_autoptr(PmKpi) share = pm_kpi_new ("Share", PM_UNIT_PERCENTAGE, PM_DIRECTION_INCREASE);
  g_autoptr(PmKpi) yearly = pm_kpi_new ("Survey", PM_UNIT_COUNT, PM_DIRECTION_INCREASE);
  g_autoptr(GError) error = NULL;

  if (linked)
    pm_kpi_set_indicator (count, "visits");
  for (guint i = 0; i < G_N_ELEMENTS (quarters); i++)
    {
      g_autoptr(PmPeriod) period = pm_test_period (quarters[i]);
      g_autoptr(PmProgressEntry) entry = pm_progress_entry_new (period);
      g_autoptr(PmNarrative) narrative = pm_narrative_new (period);

      if (i == 5)
        pm_progress_entry_set_note (entry, "Not returned");
      else if (i == 6)
        {
          pm_progress_entry_add_site (entry, "North", 30);
          pm_progress_entry_add_site (entry, "South", 12);
          g_assert_true (pm_progress_entry_total_sites (entry, PM_UNIT_COUNT, &error));
        }
      else
        pm_progress_entry_set_value (entry, 20 + i);
      set_entry (count, entry);

      if (i < 4)
        {
          g_autoptr(PmProgressEntry) fraction = pm_progress_entry_new (period);

          g_assert_true (pm_progress_entry_set_fraction (fraction, 10 + i, 40, &error));
          set_entry (share, fraction);
        }

      pm_narrative_set_progress (narrative, quarters[i]);
      pm_pilot_set_narrative (pilot, narrative);
    }

  pm_kpi_set_frequency (yearly, PM_FREQUENCY_YEARLY);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(PmPeriod) year = pm_test_period (i == 0 ? "FY2015" : "FY2016");
      g_autoptr(PmProgressEntry) entry = pm_progress_entry_new (year);

      pm_progress_entry_set_value (entry, 5 + i);
      set_entry (yearly, entry);
    }

  pm_pilot_add_kpi (pilot, count);
  pm_pilot_add_kpi (pilot, share);
  pm_pilot_add_kpi (pilot, yearly);
  pm_district_add_pilot (district, pilot);
  g_assert_true (pm_programme_add_district (programme, district, &error));
  g_assert_no_error (error);
}

typedef struct
{
  char        *dir;
  char        *path;
  PmStore     *store;
  PmProgramme *shown;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(PmProgramme) programme = pm_programme_new ("Two reads");
  g_autoptr(PmIndicator) indicator = pm_indicator_new ("visits", "Visits", PM_UNIT_COUNT,
                                                       PM_DIRECTION_INCREASE, PM_AGGREGATION_SUM);
  g_autoptr(PmPeriod) q3 = pm_test_period ("FY2016-Q3");
  g_autoptr(GError) error = NULL;

  g_assert_true (pm_programme_add_indicator (programme, indicator, &error));
  add_district (programme, "Alpha", FALSE);
  add_district (programme, "Bravo", TRUE);

  fixture->dir = pm_test_dir_new ("pm-store");
  fixture->path = g_build_filename (fixture->dir, "programme.pmdb", NULL);
  pm_test_store_create (fixture->path, programme);

  fixture->store = pm_store_open (fixture->path, PM_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_false (pm_store_rest_pending (fixture->store));
  fixture->shown = pm_store_load_shown (fixture->store, q3, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->shown);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->shown);
  g_clear_object (&fixture->store);
  store_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static PmKpi *
kpi_of (PmProgramme *programme,
        guint        district,
        guint        kpi)
{
  PmDistrict *d = pm_test_item (pm_programme_get_districts (programme), district);
  PmPilot *pilot = pm_test_item (pm_district_get_pilots (d), 0);

  return pm_test_item (pm_pilot_get_kpis (pilot), kpi);
}

/* The codes of @kpi's entries, joined with spaces. */
static char *
codes_of (PmKpi *kpi)
{
  GListModel *entries = pm_kpi_get_entries (kpi);
  g_autoptr(GString) codes = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      PmProgressEntry *entry = pm_test_item (entries, i);
      g_autofree char *code = pm_period_to_code (pm_progress_entry_get_period (entry));

      g_string_append_printf (codes, "%s%s", i > 0 ? " " : "", code);
    }
  return g_string_free (g_steal_pointer (&codes), FALSE);
}

static void
rest_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* Runs the rest's worker to its end; its finish's result. */
static gboolean
load_rest (Fixture  *fixture,
           GError  **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  pm_store_load_rest_async (fixture->store, fixture->shown, NULL, rest_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return pm_store_load_rest_finish (fixture->store, result, error);
}

static gint64
count_values (const char *path)
{
  return store_test_query_int (path, "SELECT count(*) FROM progress");
}

/* The first read at FY2016-Q3 has every district and KPI but no
 * narrative (none shows in the first frame); of
 * an unlinked quarterly KPI the value at Q3 (with its sites) and the
 * latest value before it (Q1: Q2 has a note only), nothing else; of a
 * linked or yearly KPI every value. */
static void
test_shown_values (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(PmPeriod) q3 = pm_test_period ("FY2016-Q3");
  struct { guint district, kpi; const char *codes; } expected[] = {
    { 0, 0, "FY2016-Q1 FY2016-Q3" },
    { 0, 1, "FY2015-Q4" },
    { 0, 2, "FY2015 FY2016" },
    { 1, 0, "FY2015-Q1 FY2015-Q2 FY2015-Q3 FY2015-Q4 FY2016-Q1 FY2016-Q2 FY2016-Q3 FY2016-Q4" },
    { 1, 1, "FY2015-Q4" },
    { 1, 2, "FY2015 FY2016" },
  };
  PmProgressEntry *entry;

  g_assert_true (pm_store_rest_pending (fixture->store));
  g_assert_cmpuint (g_list_model_get_n_items (pm_programme_get_districts (fixture->shown)), ==, 2);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *codes = codes_of (kpi_of (fixture->shown, expected[i].district, expected[i].kpi));

      g_assert_cmpstr (codes, ==, expected[i].codes);
    }

  entry = pm_kpi_get_entry (kpi_of (fixture->shown, 0, 0), q3);
  g_assert_cmpfloat (pm_progress_entry_get_value (entry), ==, 42);
  g_assert_cmpuint (g_list_model_get_n_items (pm_progress_entry_get_sites (entry)), ==, 2);
  g_assert_cmpfloat (pm_progress_entry_get_numerator (pm_test_item (pm_kpi_get_entries (kpi_of (fixture->shown, 0, 1)), 0)),
                     ==, 13);
  g_assert_cmpuint (g_list_model_get_n_items (pm_pilot_get_narratives (pm_test_first_pilot (fixture->shown, "Alpha"))),
                    ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (pm_pilot_get_narratives (pm_test_first_pilot (fixture->shown, "Bravo"))),
                    ==, 0);
}

/* The narratives arrive with the rest, each pilot's own, in period order. */
static void
test_rest_brings_narratives (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *names[] = { "Alpha", "Bravo" };

  g_assert_true (load_rest (fixture, &error));
  g_assert_no_error (error);
  for (guint d = 0; d < G_N_ELEMENTS (names); d++)
    {
      PmPilot *pilot = pm_test_first_pilot (fixture->shown, names[d]);
      GListModel *narratives = pm_pilot_get_narratives (pilot);

      g_assert_cmpuint (g_list_model_get_n_items (narratives), ==, G_N_ELEMENTS (quarters));
      for (guint i = 0; i < G_N_ELEMENTS (quarters); i++)
        {
          PmNarrative *narrative = pm_test_item (narratives, i);
          g_autofree char *code = pm_period_to_code (pm_narrative_get_period (narrative));

          g_assert_cmpstr (code, ==, quarters[i]);
          g_assert_cmpstr (pm_narrative_get_progress (narrative), ==, quarters[i]);
        }
    }
}

/* Before the rest has arrived a narrative's save is refused, and the
 * file keeps the narrative, which then arrives as it was written. A
 * narrative the model holds already (here one put there without a
 * store) is kept rather than the file's. */
static void
test_narrative_refused_while_loading (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autoptr(PmPeriod) q3 = pm_test_period ("FY2016-Q3");
  g_autoptr(PmPeriod) q4 = pm_test_period ("FY2016-Q4");
  g_autoptr(PmNarrative) edited = pm_narrative_new (q3);
  g_autoptr(PmNarrative) kept = pm_narrative_new (q4);
  g_autoptr(GError) error = NULL;
  PmPilot *alpha = pm_test_first_pilot (fixture->shown, "Alpha");

  pm_narrative_set_progress (edited, "Rewritten");
  g_assert_false (pm_store_save_narrative (fixture->store, alpha, edited, &error));
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_LOCKED);
  g_assert_nonnull (strstr (error->message, "still being loaded"));
  g_clear_error (&error);
  g_assert_cmpint (store_test_query_int (fixture->path,
                                         "SELECT count(*) FROM narrative WHERE progress = 'Rewritten'"), ==, 0);
  g_assert_null (pm_pilot_get_narrative (alpha, q3));

  pm_narrative_set_progress (kept, "Held");
  pm_pilot_set_narrative (alpha, kept);
  g_assert_true (load_rest (fixture, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (pm_narrative_get_progress (pm_pilot_get_narrative (alpha, q3)), ==, "FY2016-Q3");
  g_assert_cmpstr (pm_narrative_get_progress (pm_pilot_get_narrative (alpha, q4)), ==, "Held");
  g_assert_cmpuint (g_list_model_get_n_items (pm_pilot_get_narratives (alpha)), ==, G_N_ELEMENTS (quarters));

  /* Once it has arrived the save is written. */
  g_assert_true (pm_store_save_narrative (fixture->store, alpha, edited, &error));
  g_assert_no_error (error);
  g_assert_cmpint (store_test_query_int (fixture->path,
                                         "SELECT count(*) FROM narrative WHERE progress = 'Rewritten'"), ==, 1);
}

/* Once the rest has arrived the programme is the whole one, entry for
 * entry, and it is written again. */
static void
test_rest_equals_full (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(PmProgramme) full = NULL;
  g_autoptr(PmPeriod) q4 = pm_test_period ("FY2016-Q4");
  g_autoptr(PmProgressEntry) entry = pm_progress_entry_new (q4);
  g_autoptr(GError) error = NULL;

  g_assert_true (load_rest (fixture, &error));
  g_assert_no_error (error);
  g_assert_false (pm_store_rest_pending (fixture->store));
  g_assert_true (pm_store_check_loaded (fixture->store, &error));
  g_assert_no_error (error);

  full = pm_store_load (fixture->store, &error);
  g_assert_no_error (error);
  store_test_assert_programmes_equal (full, fixture->shown, TRUE);
  for (guint d = 0; d < 2; d++)
    for (guint k = 0; k < 3; k++)
      {
        g_autofree char *mine = codes_of (kpi_of (fixture->shown, d, k));
        g_autofree char *theirs = codes_of (kpi_of (full, d, k));

        g_assert_cmpstr (mine, ==, theirs);
      }

  pm_progress_entry_set_value (entry, 99);
  g_assert_true (pm_store_save_entry (fixture->store, kpi_of (fixture->shown, 0, 0), entry, &error));
  g_assert_no_error (error);
  g_assert_cmpint (store_test_query_int (fixture->path,
                                         "SELECT value FROM progress WHERE period = 'FY2016-Q4' "
                                         "AND kpi_id = (SELECT min (id) FROM kpi)"), ==, 99);
}

/* Before the rest has arrived a save is refused, saying why, and
 * changes neither the file nor the model. */
static void
test_write_refused_while_loading (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(PmPeriod) q4 = pm_test_period ("FY2016-Q4");
  g_autoptr(PmProgressEntry) entry = pm_progress_entry_new (q4);
  g_autoptr(GError) error = NULL;
  PmKpi *kpi = kpi_of (fixture->shown, 0, 0);
  gint64 before = count_values (fixture->path);

  pm_progress_entry_set_value (entry, 99);
  g_assert_false (pm_store_save_entry (fixture->store, kpi, entry, &error));
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_LOCKED);
  g_assert_nonnull (strstr (error->message, "still being loaded"));
  g_clear_error (&error);
  g_assert_false (pm_store_check_loaded (fixture->store, &error));
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_LOCKED);
  g_assert_cmpint (count_values (fixture->path), ==, before);
  g_assert_null (pm_kpi_get_entry (kpi, q4));
  g_clear_error (&error);

  g_assert_true (load_rest (fixture, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_values (fixture->path), ==, before);
}

/* The file gone from under the worker: the rest fails, the failure is
 * told, and nothing is written after it, though the store's own
 * connection could. */
static void
test_rest_fails (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *moved = g_strconcat (fixture->path, ".moved", NULL);
  g_autoptr(PmPeriod) q4 = pm_test_period ("FY2016-Q4");
  g_autoptr(PmProgressEntry) entry = pm_progress_entry_new (q4);
  g_autoptr(GError) error = NULL;
  g_autofree char *codes = NULL;
  gint64 before = count_values (fixture->path);

  g_assert_cmpint (g_rename (fixture->path, moved), ==, 0);
  g_assert_false (load_rest (fixture, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "Not all of the programme could be read"));
  g_clear_error (&error);
  g_assert_cmpint (g_rename (moved, fixture->path), ==, 0);

  /* The model keeps what it had. */
  codes = codes_of (kpi_of (fixture->shown, 0, 0));
  g_assert_cmpstr (codes, ==, "FY2016-Q1 FY2016-Q3");
  g_assert_false (pm_store_rest_pending (fixture->store));

  pm_progress_entry_set_value (entry, 99);
  g_assert_false (pm_store_save_entry (fixture->store, kpi_of (fixture->shown, 0, 0), entry, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "Not all of the programme could be read"));
  g_assert_cmpint (count_values (fixture->path), ==, before);
  g_clear_error (&error);

  /* Nor is it taken for the whole programme, to print from. */
  g_assert_false (pm_store_check_loaded (fixture->store, &error));
  g_assert_nonnull (strstr (error->message, "Not all of the programme could be read"));
}

/* The quarter the window opens from, read without the values. */
static void
test_latest_quarter (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(PmPeriod) latest = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *code = NULL;

  latest = pm_store_read_latest_quarter (fixture->store, &error);
  g_assert_no_error (error);
  code = pm_period_to_code (latest);
  g_assert_cmpstr (code, ==, "FY2016-Q4");

  /* A yearly value ends in its fourth quarter; with the quarters gone it
   * is the latest. */
  store_test_exec (fixture->path, "DELETE FROM progress WHERE length (period) > 6");
  g_clear_object (&latest);
  g_clear_pointer (&code, g_free);
  latest = pm_store_read_latest_quarter (fixture->store, &error);
  g_assert_no_error (error);
  code = pm_period_to_code (latest);
  g_assert_cmpstr (code, ==, "FY2016-Q4");

  store_test_exec (fixture->path, "DELETE FROM progress WHERE period = 'FY2016'");
  g_clear_object (&latest);
  g_clear_pointer (&code, g_free);
  latest = pm_store_read_latest_quarter (fixture->store, &error);
  g_assert_no_error (error);
  code = pm_period_to_code (latest);
  g_assert_cmpstr (code, ==, "FY2015-Q4");

  store_test_exec (fixture->path, "DELETE FROM progress");
  g_clear_object (&latest);
  latest = pm_store_read_latest_quarter (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_null (latest);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/store/load-shown/values", test_shown_values);
  ADD ("/store/load-shown/rest-equals-full", test_rest_equals_full);
  ADD ("/store/load-shown/write-refused-while-loading", test_write_refused_while_loading);
  ADD ("/store/load-shown/rest-brings-narratives", test_rest_brings_narratives);
  ADD ("/store/load-shown/narrative-refused-while-loading", test_narrative_refused_while_loading);
  ADD ("/store/load-shown/rest-fails", test_rest_fails);
  ADD ("/store/load-shown/latest-quarter", test_latest_quarter);
#undef ADD

  return g_test_run ();
}
