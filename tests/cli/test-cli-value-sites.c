/* test-cli-value-sites.c: a value given by site through --import,
 * --import-csv, --list, --export-csv, --export and the prints
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib.h>

#include "pm-test-common.h"

#define DATA_NOTES "\"data_notes\": \"Appendix A gives the figures per school (29 Rawlett, 110 TEC) and no total.\","
#define TAMWORTH_ROW "Tamworth,MAC Family & School Partnership Programme," \
                     "Fixed exclusion rates for Rawlett & TEC - reduction,"
#define HEADER "district,pilot,kpi,period,value,note,value_sites\r\n"

typedef PmTestFolder Fixture;

/* What a reader of @pdf sees, every run of white space one space. */
static char *
pdf_words (const char *pdf)
{
  const char *argv[] = { "pdftotext", pdf, "-", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GRegex) spaces = g_regex_new ("\\s+", 0, 0, NULL);
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  return g_regex_replace_literal (spaces, out, -1, 0, " ", 0, NULL);
}

/* The line of @list for Tamworth's fixed exclusions, split into fields. */
static GStrv
exclusions_line (const char *list)
{
  g_auto(GStrv) lines = g_strsplit (list, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "Tamworth\t") && strstr (lines[i], "\tFixed exclusion rates") != NULL)
      return g_strsplit (lines[i], "\t", -1);

  g_error ("no line for the fixed exclusions in:\n%s", list);
  return NULL;
}

/* The sample with Tamworth's fixed exclusions given for Q3 2016/17 by
 * school, with @value_member ("" for none) before the sites. */
static char *
sample_with_value_sites (const char *dir,
                         const char *name,
                         const char *value_member)
{
  g_autofree char *sample = pm_test_read_text (g_getenv ("PM_SAMPLE_PROGRAMME"));
  g_autoptr(GString) edited = g_string_new (sample);
  g_autofree char *progress = g_strdup_printf (DATA_NOTES
                                               "\"progress\": [{\"period\": \"FY2016-Q3\", %s"
                                               "\"sites\": [{\"site\": \"Rawlett\", \"value\": 1000},"
                                               " {\"site\": \"TEC\", \"value\": 3592}]}],",
                                               value_member);

  g_assert_cmpuint (g_string_replace (edited, DATA_NOTES, progress, 1), ==, 1);
  return pm_test_write_file_in (dir, name, edited->str);
}

/* Sites without a total: the sum is the value, in --list, the CSV export
 * (with the sites in value_sites, last), the programme file written back
 * and both prints (with the sites beside it). */
static void
test_file_sites_summed (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *json = sample_with_value_sites (fixture->dir, "sites.json", "");
  g_autofree char *csv = g_build_filename (fixture->dir, "kpis.csv", NULL);
  g_autofree char *exported = g_build_filename (fixture->dir, "again.json", NULL);
  g_autofree char *pdf = g_build_filename (fixture->dir, "summary.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *words = NULL;
  g_auto(PmTestRun) import = pm_test_cli_run (fixture->dir, "--database", fixture->path, "--import", json, NULL);
  g_auto(PmTestRun) list = { 0, };
  g_auto(PmTestRun) run = { 0, };
  g_auto(GStrv) fields = NULL;
  char *row;

  g_assert_cmpstr (import.err, ==, "");
  g_assert_cmpint (import.status, ==, 0);

  list = pm_test_cli_run (fixture->dir, "--database", fixture->path, "--list", "--period", "FY2016-Q3", NULL);
  g_assert_cmpint (list.status, ==, 0);
  fields = exclusions_line (list.out);
  g_assert_cmpuint (g_strv_length (fields), ==, 13);
  g_assert_cmpstr (fields[12], ==, "4,592");

  run = pm_test_cli_run (fixture->dir, "--database", fixture->path, "--export-csv", "--period", "FY2016-Q3",
                         "--output", csv, NULL);
  g_assert_cmpint (run.status, ==, 0);
  text = pm_test_read_text (csv);
  g_assert_nonnull (strstr (text, ",baseline_sites,value_sites\r\n"));
  row = strstr (text, "\r\n" TAMWORTH_ROW);
  g_assert_nonnull (row);
  *strstr (row + 2, "\r\n") = '\0';
  g_assert_nonnull (strstr (row, ",FY2016-Q3,4592,"));
  g_assert_true (g_str_has_suffix (row, ",Rawlett=29; TEC=110,Rawlett=1000; TEC=3592"));
  g_clear_pointer (&text, g_free);

  pm_test_run_clear (&run);
  run = pm_test_cli_run (fixture->dir, "--database", fixture->path, "--export", exported, NULL);
  g_assert_cmpint (run.status, ==, 0);
  text = pm_test_read_text (exported);
  g_assert_nonnull (strstr (text, "\"value\": 4592,"));
  g_assert_nonnull (strstr (text, "\"site\": \"TEC\""));
  g_assert_nonnull (strstr (text, "\"value\": 3592"));

  pm_test_run_clear (&run);
  run = pm_test_cli_run (fixture->dir, "--database", fixture->path, "--export-summary", "Tamworth",
                         "--period", "FY2016-Q3", "--output", pdf, NULL);
  g_assert_cmpint (run.status, ==, 0);
  words = pdf_words (pdf);
  g_assert_nonnull (strstr (words, "4,592 (1,000 Rawlett and 3,592 TEC)"));
  g_clear_pointer (&words, g_free);

  pm_test_run_clear (&run);
  run = pm_test_cli_run (fixture->dir, "--database", fixture->path, "--export-appendix",
                         "--period", "FY2016-Q3", "--output", pdf, NULL);
  g_assert_cmpint (run.status, ==, 0);
  words = pdf_words (pdf);
  g_assert_nonnull (strstr (words, "4,592 (1,000 Rawlett and 3,592 TEC)"));
}

/* A total one more than its sites: the file is refused with both
 * numbers, and no database is made. */
static void
test_file_wrong_total (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *json = sample_with_value_sites (fixture->dir, "wrong.json", "\"value\": 4593, ");
  g_auto(PmTestRun) run = pm_test_cli_run (fixture->dir, "--database", fixture->path, "--import", json, NULL);

  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "wrong.json"));
  g_assert_nonnull (strstr (run.err, "value 4,593 differs from the sum of its sites, 4,592"));
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
}

/* value_sites in a CSV import: sites alone give their sum; a value beside
 * them that is not their sum refuses the row with both numbers, and
 * nothing changes. */
static void
test_csv_value_sites (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *good = pm_test_write_file_in (fixture->dir, "good.csv",
                                                 HEADER TAMWORTH_ROW "FY2016-Q4,,,Rawlett=5; TEC=7\r\n");
  g_autofree char *bad = pm_test_write_file_in (fixture->dir, "bad.csv",
                                                HEADER TAMWORTH_ROW "FY2017-Q1,13,,Rawlett=5; TEC=7\r\n");
  g_auto(PmTestRun) create = pm_test_cli_run (fixture->dir, "--database", fixture->path, "--sample", NULL);
  g_auto(PmTestRun) import = { 0, };
  g_auto(PmTestRun) list = { 0, };
  g_auto(PmTestRun) before = { 0, };
  g_auto(PmTestRun) refused = { 0, };
  g_auto(PmTestRun) after = { 0, };
  g_auto(GStrv) fields = NULL;

  g_assert_cmpint (create.status, ==, 0);
  import = pm_test_cli_run (fixture->dir, "--database", fixture->path, "--import-csv", good, NULL);
  g_assert_cmpstr (import.err, ==, "");
  g_assert_cmpint (import.status, ==, 0);
  g_assert_nonnull (strstr (import.out, "Saved 1 value (1 new, 0 changed)"));

  list = pm_test_cli_run (fixture->dir, "--database", fixture->path, "--list", "--period", "FY2016-Q4", NULL);
  fields = exclusions_line (list.out);
  g_assert_cmpstr (fields[12], ==, "12");

  before = pm_test_cli_run (fixture->dir, "--database", fixture->path, "--list", NULL);
  refused = pm_test_cli_run (fixture->dir, "--database", fixture->path, "--import-csv", bad, "--accept-valid", NULL);
  g_assert_cmpint (refused.status, ==, 1);
  g_assert_nonnull (strstr (refused.err, "Line 2: "));
  g_assert_nonnull (strstr (refused.err, "value 13 differs from the sum of its sites, 12"));
  after = pm_test_cli_run (fixture->dir, "--database", fixture->path, "--list", NULL);
  g_assert_cmpstr (after.out, ==, before.out);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, "pilots.db", pm_test_folder_set_up, func, pm_test_folder_tear_down)

  ADD ("/cli/value-sites/file-summed", test_file_sites_summed);
  ADD ("/cli/value-sites/file-wrong-total", test_file_wrong_total);
  ADD ("/cli/value-sites/csv", test_csv_value_sites);

  return g_test_run ();
}
