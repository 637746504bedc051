/* test-programme-file.c: the sample programme, and writing files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "pm-programme-file.h"
#include "pm-test-sample.h"

/* ------------------------------------------------------------------ */

static void
test_sample_districts (void)
{
  static const char * const names[] = {
    "Cannock Chase", "East Staffordshire", "Lichfield", "Staffordshire Moorlands",
    "Newcastle-under-Lyme", "Stafford", "South Staffordshire", "Tamworth",
  };
  g_autoptr(PmProgramme) programme = pm_test_sample_file_load ();
  GListModel *districts = pm_programme_get_districts (programme);

  g_assert_cmpstr (pm_programme_get_name (programme), ==,
                   "Children and Families System Transformation Programme");
  g_assert_cmpuint (g_list_model_get_n_items (districts), ==, G_N_ELEMENTS (names));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_assert_cmpstr (pm_district_get_name (pm_test_item (pm_programme_get_districts (programme), i)), ==, names[i]);
  g_assert_cmpuint (g_strv_length ((GStrv) pm_programme_get_design_criteria (programme)), ==, 12);
}

/* The KPIs, in order, are Appendix A's as transcribed independently. */
static void
test_sample_kpis (void)
{
  g_autoptr(PmProgramme) programme = pm_test_sample_file_load ();
  g_autoptr(GListModel) kpis = pm_programme_list_kpis (programme);
  g_autofree char *tsv_path = g_build_filename (g_getenv ("PM_REFERENCE_DIR"), "appendix-a-kpis.tsv", NULL);
  g_autofree char *tsv = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  guint n_rows = 0;
  guint n_unconfirmed = 0;

  g_file_get_contents (tsv_path, &tsv, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (tsv, "\n", -1);
  g_assert_true (g_str_has_prefix (lines[0], "district\tpilot\tn\theadline_kpi\t"));

  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      g_autoptr(PmKpi) kpi = NULL;
      PmBaseline *baseline;
      PmPilot *pilot;

      if (*lines[i] == '\0')
        continue;
      fields = g_strsplit (lines[i], "\t", -1);
      g_assert_cmpuint (g_strv_length (fields), ==, 5);
      g_assert_cmpuint (n_rows, <, g_list_model_get_n_items (kpis));

      kpi = g_list_model_get_item (kpis, n_rows++);
      g_assert_cmpstr (pm_kpi_get_title (kpi), ==, fields[3]);
      pilot = pm_kpi_get_pilot (kpi);
      g_assert_nonnull (pilot);
      g_assert_cmpstr (pm_district_get_name (pm_pilot_get_district (pilot)), ==, fields[0]);

      baseline = pm_kpi_get_baseline (kpi);
      if (g_str_equal (fields[4], "To be confirmed"))
        {
          g_assert_cmpint (pm_baseline_get_state (baseline), ==, PM_BASELINE_TO_BE_CONFIRMED);
          g_assert_false (pm_baseline_has_value (baseline));
          n_unconfirmed++;
        }
    }

  g_assert_cmpuint (n_rows, ==, 61);
  g_assert_cmpuint (g_list_model_get_n_items (kpis), ==, 61);
  g_assert_cmpuint (n_unconfirmed, ==, 8);
}

static void
test_sample_facts (void)
{
  g_autoptr(PmProgramme) programme = pm_test_sample_file_load ();
  g_autoptr(PmPilot) cannock = NULL;
  g_autoptr(PmPilot) lichfield = NULL;
  g_autoptr(PmKpi) first = NULL;
  PmKpi *kpi;
  PmBaseline *baseline;
  PmTarget *target;

  kpi = pm_test_find_kpi_titled (programme, "Cannock Chase", NULL, "Reduce the number of referrals to LST in the two areas");
  baseline = pm_kpi_get_baseline (kpi);
  g_assert_cmpint (pm_kpi_get_unit (kpi), ==, PM_UNIT_COUNT);
  g_assert_cmpint (pm_kpi_get_direction (kpi), ==, PM_DIRECTION_REDUCE);
  g_assert_true (pm_baseline_has_value (baseline));
  g_assert_cmpfloat (pm_baseline_get_value (baseline), ==, 212);
  g_assert_cmpstr (pm_baseline_get_date (baseline), ==, "2016-11");

  lichfield = g_list_model_get_item (pm_district_get_pilots (pm_programme_find_district (programme, "Lichfield")), 0);
  first = g_list_model_get_item (pm_pilot_get_kpis (lichfield), 0);
  baseline = pm_kpi_get_baseline (first);
  g_assert_cmpint (pm_kpi_get_unit (first), ==, PM_UNIT_PERCENTAGE);
  g_assert_true (pm_baseline_has_value (baseline));
  g_assert_cmpfloat (pm_baseline_get_value (baseline), ==, 44.8);
  g_assert_cmpstr (pm_baseline_get_date (baseline), ==, "2016-10");

  kpi = pm_test_find_kpi_titled (programme, "Stafford", NULL, "Reduce the number of fixed term exclusions");
  baseline = pm_kpi_get_baseline (kpi);
  g_assert_cmpint (pm_kpi_get_unit (kpi), ==, PM_UNIT_DAYS);
  g_assert_cmpfloat (pm_baseline_get_value (baseline), ==, 41);
  target = pm_kpi_get_current_target (kpi);
  g_assert_nonnull (target);
  g_assert_cmpfloat (pm_target_get_value (target), ==, 35);
  g_assert_null (pm_target_get_date (target));

  cannock = g_list_model_get_item (pm_district_get_pilots (pm_programme_find_district (programme, "Cannock Chase")), 0);
  g_assert_cmpint (pm_pilot_get_reach_target (cannock), ==, 125);
  g_assert_cmpuint (g_list_model_get_n_items (pm_pilot_get_providers (cannock)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (pm_pilot_get_reach (cannock)), ==, 2);
  g_assert_cmpint (pm_pilot_get_delivery_status (cannock), ==, PM_DELIVERY_ON_TRACK);
  g_assert_cmpint (pm_pilot_get_budget_pence (cannock), ==, -1);
}

static void
test_sample_round_trip (void)
{
  g_autoptr(PmProgramme) programme = pm_test_sample_file_load ();
  g_autofree char *original = NULL;
  g_autofree char *written = NULL;
  gsize original_length, written_length;

  original = pm_test_sample_file_contents (&original_length);
  written = pm_programme_file_to_data (programme, &written_length);
  g_assert_cmpstr (written, ==, original);
  g_assert_cmpuint (written_length, ==, original_length);
  g_assert_cmpuint (written_length, ==, strlen (written));
}

/* What the sample does not hold: fractions, tolerance, budget, escapes,
 * awkward doubles, all the baseline states; written and read back. */
static void
test_write_read_back (void)
{
  g_autoptr(PmProgramme) programme = pm_programme_new ("Programme \"quoted\"\tand\\ back");
  g_autoptr(PmDistrict) district = pm_district_new ("Stafford");
  g_autoptr(PmPilot) pilot = pm_pilot_new ("Pilot £ – ünïcode\nline\x01");
  g_autoptr(PmKpi) rate = pm_kpi_new ("Rate", PM_UNIT_RATE, PM_DIRECTION_MAINTAIN);
  g_autoptr(PmKpi) share = pm_kpi_new ("Share", PM_UNIT_PERCENTAGE, PM_DIRECTION_INCREASE);
  g_autoptr(PmKpi) waiting = pm_kpi_new ("Waiting", PM_UNIT_MONEY, PM_DIRECTION_REDUCE);
  g_autoptr(PmBaseline) baseline = pm_baseline_new_value (0.1 + 0.2, "2016-10-01", NULL);
  g_autoptr(PmBaseline) awaiting = pm_baseline_new_state (PM_BASELINE_AWAITING_DATA);
  g_autoptr(PmPeriod) q3 = pm_period_new (2016, 3);
  g_autoptr(PmProgressEntry) entry = pm_progress_entry_new (q3);
  g_autoptr(PmProgramme) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *data_again = NULL;
  gsize length;

  g_assert_true (pm_programme_add_district (programme, district, &error));
  g_assert_no_error (error);
  pm_district_add_pilot (district, pilot);
  pm_pilot_set_budget_pence (pilot, 3000000);
  pm_pilot_set_delivery_status (pilot, PM_DELIVERY_DELAYED);

  pm_kpi_set_tolerance (rate, 0.25);
  g_assert_true (pm_kpi_set_baseline (rate, baseline, &error));
  g_assert_no_error (error);
  pm_pilot_add_kpi (pilot, rate);

  g_assert_true (pm_progress_entry_set_fraction (entry, 1, 3, &error));
  g_assert_no_error (error);
  g_assert_true (pm_kpi_set_entry (share, entry, &error));
  g_assert_no_error (error);
  pm_pilot_add_kpi (pilot, share);

  pm_baseline_set_source (awaiting, "Schools");
  g_assert_true (pm_kpi_set_baseline (waiting, awaiting, &error));
  g_assert_no_error (error);
  pm_pilot_add_kpi (pilot, waiting);

  data = pm_programme_file_to_data (programme, &length);
  g_assert_cmpuint (length, ==, strlen (data));
  g_assert_true (g_str_has_suffix (data, "}\n"));
  g_assert_nonnull (strstr (data, "\"name\": \"Programme \\\"quoted\\\"\\tand\\\\ back\""));
  g_assert_nonnull (strstr (data, "\"title\": \"Pilot £ – ünïcode\\nline\\u0001\""));
  g_assert_nonnull (strstr (data, "\"value\": 0.30000000000000004"));
  g_assert_nonnull (strstr (data, "\"tolerance\": 0.25,"));
  g_assert_nonnull (strstr (data, "\"budget_pence\": 3000000,"));
  g_assert_nonnull (strstr (data, "\"delivery_status\": \"delayed\","));
  g_assert_nonnull (strstr (data, "\"numerator\": 1,"));
  g_assert_nonnull (strstr (data, "\"denominator\": 3\n"));
  g_assert_nonnull (strstr (data, "\"state\": \"awaiting-data\",\n"));
  g_assert_nonnull (strstr (data, "\"source\": \"Schools\"\n"));
  /* The default tolerance is left out, as the sample does. */
  g_assert_null (strstr (strstr (data, "\"title\": \"Share\""), "tolerance"));

  again = pm_programme_file_parse (data, (gssize) length, &error);
  g_assert_no_error (error);
  data_again = pm_programme_file_to_data (again, NULL);
  g_assert_cmpstr (data_again, ==, data);

  /* A required field left empty is written, and refused on reading. */
  pm_kpi_set_title (share, "");
  g_free (data);
  data = pm_programme_file_to_data (programme, NULL);
  g_assert_nonnull (strstr (data, "\"title\": \"\",\n"));
  g_clear_object (&again);
  again = pm_programme_file_parse (data, -1, &error);
  g_assert_null (again);
  g_assert_error (error, PM_FILE_ERROR, PM_FILE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "programme.districts[0].pilots[0].kpis[1].title: must not be empty");
}

static void
test_save_load (void)
{
  g_autoptr(PmProgramme) programme = pm_test_sample_file_load ();
  g_autoptr(PmProgramme) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = pm_test_dir_new ("pm-file");
  g_autofree char *path = NULL;
  g_autofree char *missing = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *original = NULL;
  GStatBuf st;

  path = g_build_filename (dir, "programme.json", NULL);
  g_assert_true (pm_programme_file_save (programme, path, &error));
  g_assert_no_error (error);

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_file_get_contents (path, &saved, NULL, &error);
  g_assert_no_error (error);
  original = pm_test_sample_file_contents (NULL);
  g_assert_cmpstr (saved, ==, original);

  loaded = pm_programme_file_load (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (pm_programme_get_districts (loaded)), ==, 8);

  /* Failures are reported, not swallowed. */
  missing = g_build_filename (dir, "no-such-folder", "programme.json", NULL);
  g_assert_false (pm_programme_file_save (programme, missing, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "no-such-folder"));
  g_clear_error (&error);
  g_assert_null (pm_programme_file_load (missing, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_clear_error (&error);

  /* A device could be read for ever. */
  g_assert_null (pm_programme_file_load ("/dev/zero", &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL);
  g_clear_error (&error);

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/file/sample/districts", test_sample_districts);
  g_test_add_func ("/file/sample/kpis", test_sample_kpis);
  g_test_add_func ("/file/sample/facts", test_sample_facts);
  g_test_add_func ("/file/sample/round-trip", test_sample_round_trip);
  g_test_add_func ("/file/write/read-back", test_write_read_back);
  g_test_add_func ("/file/write/save-load", test_save_load);

  return g_test_run ();
}
