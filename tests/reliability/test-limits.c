/* test-limits.c: very long text, very many KPIs and extreme values either
 * work or are refused with a message; none crashes or takes for ever
 *
 * PM_TEST_SLOW (set by the sanitizer and valgrind runs) drops the
 * wall-clock limits and makes the large programmes smaller (250 and 1,000
 * KPIs), not the checks: there every allocation is tracked, and they are
 * run for memory errors, not for speed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <float.h>
#include <math.h>

#include <glib/gstdio.h>

#include "pm-programme-file.h"
#include "pm-store.h"
#include "store-test-util.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = store_test_make_dir ();
  fixture->path = g_build_filename (fixture->dir, "limits.db", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  store_test_remove_dir (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
  g_clear_pointer (&fixture->path, g_free);
}

static PmKpi *
make_kpi (const char *title,
          PmUnit      unit,
          double      baseline_value,
          double      target_value)
{
  g_autoptr(PmKpi) kpi = pm_kpi_new (title, unit, PM_DIRECTION_INCREASE);
  g_autoptr(PmBaseline) baseline = pm_baseline_new_value (baseline_value, "2016-10", NULL);
  g_autoptr(PmTarget) target = pm_target_new (target_value, "2018-03-31");
  g_autoptr(GError) error = NULL;

  g_assert_true (pm_kpi_set_baseline (kpi, baseline, &error));
  g_assert_no_error (error);
  g_assert_true (pm_kpi_add_target (kpi, target, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&kpi);
}

static void
add_value (PmKpi  *kpi,
           int     year,
           int     quarter,
           double  value)
{
  g_autoptr(PmPeriod) period = pm_period_new (year, quarter);
  g_autoptr(PmProgressEntry) entry = pm_progress_entry_new (period);
  g_autoptr(GError) error = NULL;

  pm_progress_entry_set_value (entry, value);
  g_assert_true (pm_kpi_set_entry (kpi, entry, &error));
  g_assert_no_error (error);
}

/* One district with one pilot holding @n_kpis KPIs, each with a baseline,
 * a target and two values. */
static PmProgramme *
make_programme (guint       n_kpis,
                const char *title)
{
  g_autoptr(PmProgramme) programme = pm_programme_new ("Limits");
  g_autoptr(PmDistrict) district = pm_district_new ("Stafford");
  g_autoptr(PmPilot) pilot = pm_pilot_new ("Many KPIs");
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n_kpis; i++)
    {
      g_autofree char *numbered = g_strdup_printf ("KPI %u", i);
      g_autoptr(PmKpi) kpi = make_kpi (title != NULL ? title : numbered,
                                       i % 2 ? PM_UNIT_PERCENTAGE : PM_UNIT_COUNT, 40, 60);

      add_value (kpi, 2016, 3, 45);
      add_value (kpi, 2016, 4, 50 + i % 10);
      pm_pilot_add_kpi (pilot, kpi);
    }

  pm_district_add_pilot (district, pilot);
  g_assert_true (pm_programme_add_district (programme, district, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&programme);
}

static PmKpi *
first_kpi (PmProgramme *programme)
{
  g_autoptr(GListModel) kpis = pm_programme_list_kpis (programme);

  return store_test_item (kpis, 0);
}

static PmProgramme *
reload (const char *path)
{
  g_autoptr(PmStore) store = NULL;
  g_autoptr(GError) error = NULL;
  PmProgramme *loaded;

  store = pm_store_open (path, PM_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  loaded = pm_store_load (store, &error);
  g_assert_no_error (error);

  return loaded;
}

/* Written as a programme file and read back. */
static PmProgramme *
through_file (PmProgramme *programme)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  PmProgramme *again;
  gsize length = 0;

  data = pm_programme_file_to_data (programme, &length);
  again = pm_programme_file_parse (data, (gssize) length, &error);
  g_assert_no_error (error);

  return again;
}

/* Words, not one repeated letter, so that nothing can take a shortcut. */
static char *
make_text (gsize n_bytes)
{
  static const char * const words[] = { "families ", "referrals ", "quarter ", "Tamworth ",
                                        "outcome ", "baseline ", "school ", "support " };
  GString *text = g_string_sized_new (n_bytes + 16);

  for (guint i = 0; text->len < n_bytes; i++)
    g_string_append (text, words[(i * 7 + i / 8) % G_N_ELEMENTS (words)]);
  g_string_truncate (text, n_bytes);

  return g_string_free (text, FALSE);
}

static void
test_note_1mb (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(PmProgramme) programme = make_programme (1, NULL);
  g_autoptr(PmProgramme) loaded = NULL;
  g_autoptr(PmProgramme) again = NULL;
  g_autoptr(PmPeriod) period = pm_period_new (2017, 1);
  g_autoptr(PmProgressEntry) entry = pm_progress_entry_new (period);
  g_autoptr(PmStore) store = NULL;
  g_autoptr(GError) error = NULL;
  /* 1 MiB, the programme file's limit for one text, reached exactly. */
  g_autofree char *note = make_text (1024 * 1024);
  PmKpi *kpi;

  store_test_make_store (fixture->path, programme);
  g_clear_object (&programme);
  programme = reload (fixture->path);
  store = pm_store_open (fixture->path, PM_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  pm_progress_entry_set_value (entry, 7);
  pm_progress_entry_set_note (entry, note);
  g_assert_true (pm_store_save_entry (store, first_kpi (programme), entry, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  loaded = reload (fixture->path);
  kpi = first_kpi (loaded);
  g_assert_cmpstr (pm_progress_entry_get_note (pm_kpi_get_entry (kpi, period)), ==, note);

  again = through_file (loaded);
  kpi = first_kpi (again);
  g_assert_cmpstr (pm_progress_entry_get_note (pm_kpi_get_entry (kpi, period)), ==, note);
}

/* One byte more than a programme file takes: the store keeps it, and a
 * file holding it is refused on reading with a message naming where. */
static void
test_note_over_file_limit (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(PmProgramme) programme = make_programme (1, NULL);
  g_autoptr(PmPeriod) period = pm_period_new (2017, 1);
  g_autoptr(PmProgressEntry) entry = pm_progress_entry_new (period);
  g_autoptr(PmProgramme) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *note = make_text (1024 * 1024 + 1);
  g_autofree char *text = NULL;

  pm_progress_entry_set_note (entry, note);
  g_assert_true (pm_kpi_set_entry (first_kpi (programme), entry, &error));
  text = pm_programme_file_to_data (programme, NULL);

  again = pm_programme_file_parse (text, -1, &error);
  g_assert_null (again);
  g_assert_error (error, PM_FILE_ERROR, PM_FILE_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message,
                                   "programme.districts[0].pilots[0].kpis[0].progress[2].note"));
  g_test_message ("a note over 1 MiB in a programme file: %s", error->message);
}

static void
test_long_title (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GString) title = g_string_new (NULL);
  g_autoptr(PmProgramme) programme = NULL;
  g_autoptr(PmProgramme) loaded = NULL;
  g_autoptr(PmProgramme) again = NULL;

  /* 10,000 characters, some of them two bytes long. */
  while (g_utf8_strlen (title->str, -1) < 10000)
    g_string_append (title, "Łódź referrals ");
  g_string_truncate (title, (gsize) (g_utf8_offset_to_pointer (title->str, 10000) - title->str));
  g_assert_cmpint (g_utf8_strlen (title->str, -1), ==, 10000);

  programme = make_programme (1, title->str);
  store_test_make_store (fixture->path, programme);
  loaded = reload (fixture->path);
  g_assert_cmpstr (pm_kpi_get_title (first_kpi (loaded)), ==, title->str);
  store_test_assert_programmes_equal (programme, loaded, FALSE);

  again = through_file (loaded);
  g_assert_cmpstr (pm_kpi_get_title (first_kpi (again)), ==, title->str);
  store_test_assert_programmes_equal (loaded, again, FALSE);
}

/* Seconds taken to import @programme into a new store, and to load it
 * back (the window's start-up): the best of @rounds tries, so that a busy
 * machine does not pass for slow code. */
static void
time_import_and_load (const char  *dir,
                      PmProgramme *programme,
                      guint        rounds,
                      double      *import_s,
                      double      *load_s)
{
  g_autoptr(GListModel) kpis = pm_programme_list_kpis (programme);

  *import_s = *load_s = G_MAXDOUBLE;

  for (guint round = 0; round < rounds; round++)
    {
      g_autofree char *name = g_strdup_printf ("%u-kpis-%u.db", g_list_model_get_n_items (kpis), round);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(PmStore) store = NULL;
      g_autoptr(PmProgramme) loaded = NULL;
      g_autoptr(GListModel) loaded_kpis = NULL;
      g_autoptr(GError) error = NULL;
      gint64 start;

      start = g_get_monotonic_time ();
      store = pm_store_open (path, PM_STORE_OPEN_CREATE, &error);
      g_assert_no_error (error);
      g_assert_true (pm_store_import (store, programme, &error));
      g_assert_no_error (error);
      *import_s = MIN (*import_s, (g_get_monotonic_time () - start) / 1e6);
      g_clear_object (&store);

      start = g_get_monotonic_time ();
      loaded = reload (path);
      *load_s = MIN (*load_s, (g_get_monotonic_time () - start) / 1e6);

      loaded_kpis = pm_programme_list_kpis (loaded);
      g_assert_cmpuint (g_list_model_get_n_items (loaded_kpis), ==, g_list_model_get_n_items (kpis));
      if (round == 0)
        store_test_assert_programmes_equal (programme, loaded, FALSE);
    }
}

static void
test_many_kpis (Fixture       *fixture,
                gconstpointer  data)
{
  gboolean slow = g_getenv ("PM_TEST_SLOW") != NULL;
  guint rounds = 1;
  guint n_small = slow ? 250 : 2500;
  guint n_large = 4 * n_small;
  g_autoptr(PmProgramme) small = make_programme (n_small, NULL);
  g_autoptr(PmProgramme) large = make_programme (n_large, NULL);
  g_autoptr(PmProgramme) again = NULL;
  double small_import, small_load, large_import, large_load, file_s;
  gint64 start;

  time_import_and_load (fixture->dir, small, rounds, &small_import, &small_load);
  time_import_and_load (fixture->dir, large, rounds, &large_import, &large_load);

  start = g_get_monotonic_time ();
  again = through_file (large);
  file_s = (g_get_monotonic_time () - start) / 1e6;
  g_assert_cmpuint (g_list_model_get_n_items (pm_pilot_get_kpis (pm_kpi_get_pilot (first_kpi (again)))),
                    ==, n_large);

  g_test_message ("%u KPIs: import %.2f s, load %.2f s; %u KPIs: import %.2f s, "
                  "load %.2f s, programme file written and read %.2f s",
                  n_small, small_import, small_load, n_large, large_import, large_load, file_s);

  /* Timings are reported, not asserted: a timed test fails on a busy
   * machine or under sanitizers. Scale is measured by benchmarks; here it
   * is enough that every KPI survives the store and the file. */
  g_assert_cmpuint (g_list_model_get_n_items (pm_pilot_get_kpis (pm_kpi_get_pilot (first_kpi (large)))),
                    ==, n_large);
}

static void
assert_refused (PmUnit      unit,
                double      value,
                int         code,
                const char *what)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (pm_unit_validate_value (unit, value, &error));
  g_assert_error (error, PM_MODEL_ERROR, code);
  g_test_message ("%s: %s", what, error->message);
}

static void
test_extreme_values (Fixture       *fixture,
                     gconstpointer  data)
{
  const PmUnit units[] = {
    PM_UNIT_COUNT, PM_UNIT_PERCENTAGE, PM_UNIT_DAYS, PM_UNIT_RATE, PM_UNIT_MONEY
  };
  g_autoptr(GError) error = NULL;
  double value = 0;

  /* A percentage is refused for being one; every other unit for size. */
  assert_refused (PM_UNIT_PERCENTAGE, 1e308, PM_MODEL_ERROR_OUT_OF_RANGE, "1e308 as a percentage");
  assert_refused (PM_UNIT_COUNT, 1e308, PM_MODEL_ERROR_OUT_OF_RANGE, "1e308 as a count");
  assert_refused (PM_UNIT_COUNT, 1e15, PM_MODEL_ERROR_OUT_OF_RANGE, "1e15 as a count");
  assert_refused (PM_UNIT_MONEY, 1e308, PM_MODEL_ERROR_OUT_OF_RANGE, "1e308 as money");
  assert_refused (PM_UNIT_DAYS, DBL_MAX, PM_MODEL_ERROR_OUT_OF_RANGE, "the largest double as days");
  assert_refused (PM_UNIT_RATE, 1e300, PM_MODEL_ERROR_OUT_OF_RANGE, "1e300 as a rate");
  assert_refused (PM_UNIT_COUNT, NAN, PM_MODEL_ERROR_NOT_A_NUMBER, "NaN");
  assert_refused (PM_UNIT_COUNT, INFINITY, PM_MODEL_ERROR_NOT_A_NUMBER, "infinity");
  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    {
      assert_refused (units[i], NAN, PM_MODEL_ERROR_NOT_A_NUMBER, "NaN");
      assert_refused (units[i], INFINITY, PM_MODEL_ERROR_NOT_A_NUMBER, "infinity");
      assert_refused (units[i], -INFINITY, PM_MODEL_ERROR_NOT_A_NUMBER, "minus infinity");
    }

  /* The largest 15-digit figure is still a count. */
  g_assert_true (pm_unit_validate_value (PM_UNIT_COUNT, 999999999999999.0, &error));
  g_assert_no_error (error);

  /* Typed in, the same. */
  g_assert_false (pm_unit_parse_value (PM_UNIT_COUNT, "1e308", &value, &error));
  g_assert_nonnull (error);
  g_test_message ("“1e308” typed as a count: %s", error->message);
  g_clear_error (&error);
  g_assert_false (pm_unit_parse_value (PM_UNIT_COUNT, "nan", &value, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
}

/* Through the store, every way a value gets in is refused before anything
 * is written, and the model is left as it was. */
static void
test_extreme_values_store (Fixture       *fixture,
                           gconstpointer  data)
{
  const double bad[] = { NAN, INFINITY, -INFINITY, 1e308, DBL_MAX };
  g_autoptr(PmProgramme) programme = make_programme (1, NULL);
  g_autoptr(PmProgramme) loaded = NULL;
  g_autoptr(PmStore) store = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PmPeriod) period = pm_period_new (2017, 1);
  PmKpi *kpi;

  store_test_make_store (fixture->path, programme);
  before = store_test_read_file (fixture->path);
  store = pm_store_open (fixture->path, PM_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  loaded = pm_store_load (store, &error);
  g_assert_no_error (error);
  kpi = first_kpi (loaded);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(PmProgressEntry) entry = pm_progress_entry_new (period);
      g_autoptr(PmBaseline) baseline = pm_baseline_new_value (bad[i], "2016-10", NULL);
      g_autoptr(PmTarget) target = pm_target_new (bad[i], "2019-03-31");

      pm_progress_entry_set_value (entry, bad[i]);
      g_assert_false (pm_store_save_entry (store, kpi, entry, &error));
      g_assert_error (error, PM_MODEL_ERROR, isfinite (bad[i]) ? PM_MODEL_ERROR_OUT_OF_RANGE
                                                               : PM_MODEL_ERROR_NOT_A_NUMBER);
      g_test_message ("saving %g: %s", bad[i], error->message);
      g_clear_error (&error);
      g_assert_null (pm_kpi_get_entry (kpi, period));

      g_assert_false (pm_store_set_baseline (store, kpi, baseline, &error));
      g_assert_error (error, PM_MODEL_ERROR, isfinite (bad[i]) ? PM_MODEL_ERROR_OUT_OF_RANGE
                                                               : PM_MODEL_ERROR_NOT_A_NUMBER);
      g_clear_error (&error);
      g_assert_cmpfloat (pm_baseline_get_value (pm_kpi_get_baseline (kpi)), ==, 40);

      g_assert_false (pm_store_add_target (store, kpi, target, &error));
      g_assert_error (error, PM_MODEL_ERROR, isfinite (bad[i]) ? PM_MODEL_ERROR_OUT_OF_RANGE
                                                               : PM_MODEL_ERROR_NOT_A_NUMBER);
      g_clear_error (&error);
      g_assert_cmpuint (g_list_model_get_n_items (pm_kpi_get_targets (kpi)), ==, 1);
    }

  pm_store_close (store);
  store_test_assert_file_unchanged (fixture->path, before);
}

/* In a programme file, such values are refused with where they are. */
static void
test_extreme_values_file (Fixture       *fixture,
                          gconstpointer  data)
{
  const char *values[] = { "1e308", "1E400", "-1e308", "1000000000000000.0", "123456789012345678" };
  g_autoptr(PmProgramme) programme = make_programme (1, NULL);
  g_autofree char *text = pm_programme_file_to_data (programme, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autoptr(GString) broken = g_string_new (text);
      g_autoptr(PmProgramme) parsed = NULL;
      g_autoptr(GError) error = NULL;

      g_autofree char *with = g_strconcat ("\"value\": ", values[i], NULL);

      /* The value of FY2016-Q3, 45, in the only KPI (a count). */
      g_assert_cmpuint (g_string_replace (broken, "\"value\": 45", with, 1), ==, 1);

      parsed = pm_programme_file_parse (broken->str, (gssize) broken->len, &error);
      g_assert_null (parsed);
      g_assert_nonnull (error);
      g_assert_true (error->domain == PM_FILE_ERROR);
      g_assert_nonnull (strstr (error->message, "kpis[0].progress[0].value"));
      g_test_message ("%s in a programme file: %s", values[i], error->message);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/reliability/limits/note-1mb", test_note_1mb);
  ADD ("/reliability/limits/note-over-file-limit", test_note_over_file_limit);
  ADD ("/reliability/limits/long-title", test_long_title);
  ADD ("/reliability/limits/many-kpis", test_many_kpis);
  ADD ("/reliability/limits/extreme-values", test_extreme_values);
  ADD ("/reliability/limits/extreme-values-store", test_extreme_values_store);
  ADD ("/reliability/limits/extreme-values-file", test_extreme_values_file);

#undef ADD

  return g_test_run ();
}
