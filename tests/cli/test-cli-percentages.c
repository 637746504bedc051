/* test-cli-percentages.c: a percentage's parts through --import-csv,
 * --export-csv and the summary; --list judging a period
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include <glib.h>

#include "pm-test-common.h"

#define EARLY_YEARS_ROW "Lichfield,Community managed family centres in Burntwood," \
                        "Increase Early Years reach (by Wards) quarterly,"
#define HEADER "district,pilot,kpi,period,value,note,numerator,denominator\r\n"

typedef PmTestFolder Fixture;

/* What a reader of @pdf sees, with every run of white space one space,
 * so that a cell's words read on across the lines they were laid out in. */
static char *
pdf_words (const char *pdf)
{
  const char *argv[] = { "pdftotext", pdf, "-", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) words = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  words = g_strsplit_set (out, " \t\r\n\f", -1);
  for (guint i = 0, j = 0; ; i++)
    {
      if (words[i] != NULL && words[i][0] == '\0')
        {
          g_free (words[i]);
          continue;
        }
      words[j++] = words[i];
      if (words[i] == NULL)
        break;
    }

  return g_strjoinv (" ", words);
}

/* The line of @list for the KPI whose title starts @prefix in @district,
 * split into its fields. */
static GStrv
find_line (const char *list,
           const char *district,
           const char *prefix)
{
  g_auto(GStrv) lines = g_strsplit (list, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", -1);

      if (fields[0] != NULL && g_str_equal (fields[0], district) &&
          fields[1] != NULL && fields[2] != NULL && g_str_has_prefix (fields[2], prefix))
        return g_steal_pointer (&fields);
    }

  g_error ("no line for %s / %s in:\n%s", district, prefix, list);
  return NULL;
}

/* 212 of 879, imported with the value 24.1, is stored with its parts:
 * the CSV export gives them back and the summary prints them. */
static void
test_parts_import_export_print (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autofree char *csv = pm_test_write_file_in (fixture->dir, "parts.csv",
                                                HEADER EARLY_YEARS_ROW "FY2016-Q3,24.1,,212,879\r\n"
                                                EARLY_YEARS_ROW "FY2016-Q2,,,30,60\r\n");
  g_autofree char *exported = g_build_filename (fixture->dir, "kpis.csv", NULL);
  g_autofree char *pdf = g_build_filename (fixture->dir, "summary.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *words = NULL;
  g_auto(PmTestRun) create = pm_test_cli_run (fixture->dir, "--database", fixture->path, "--sample", NULL);
  g_auto(PmTestRun) import = { 0, };
  g_auto(PmTestRun) export = { 0, };
  g_auto(PmTestRun) print = { 0, };
  g_auto(PmTestRun) appendix = { 0, };
  g_auto(PmTestRun) list = { 0, };
  g_auto(GStrv) fields = NULL;
  g_auto(GStrv) columns = NULL;
  char *row;

  g_assert_cmpint (create.status, ==, 0);
  import = pm_test_cli_run (fixture->dir, "--database", fixture->path, "--import-csv", csv, NULL);
  g_assert_cmpstr (import.err, ==, "");
  g_assert_cmpint (import.status, ==, 0);
  g_assert_nonnull (strstr (import.out, "Saved 2 values (2 new, 0 changed)"));

  /* Parts without a value give the value: 30 of 60 is 50%. */
  list = pm_test_cli_run (fixture->dir, "--database", fixture->path, "--list", "--period", "FY2016-Q2", NULL);
  g_assert_cmpint (list.status, ==, 0);
  fields = find_line (list.out, "Lichfield", "Increase Early Years reach");
  g_assert_cmpuint (g_strv_length (fields), ==, 13);
  g_assert_cmpstr (fields[12], ==, "50%");

  export = pm_test_cli_run (fixture->dir, "--database", fixture->path, "--export-csv", "--period", "FY2016-Q3",
                            "--output", exported, NULL);
  g_assert_cmpint (export.status, ==, 0);
  text = pm_test_read_text (exported);
  g_assert_nonnull (strstr (text, "period,value,numerator,denominator,note,status,milestones,baseline_sites,value_sites\r\n"));
  row = strstr (text, "\r\nLichfield,Community managed family centres in Burntwood,"
                      "Increase Early Years reach (by Wards) quarterly,");
  g_assert_nonnull (row);
  *strstr (row + 2, "\r\n") = '\0';
  columns = g_strsplit (row + 2, ",", -1);
  g_assert_cmpuint (g_strv_length (columns), ==, 18);
  g_assert_cmpstr (columns[9], ==, "FY2016-Q3");
  /* The value worked out from the parts, in full. */
  g_assert_cmpfloat_with_epsilon (g_ascii_strtod (columns[10], NULL), 100.0 * 212 / 879, 1e-9);
  g_assert_cmpstr (columns[11], ==, "212");
  g_assert_cmpstr (columns[12], ==, "879");

  print = pm_test_cli_run (fixture->dir, "--database", fixture->path, "--export-summary", "Lichfield",
                           "--period", "FY2016-Q3", "--output", pdf, NULL);
  g_assert_cmpint (print.status, ==, 0);
  words = pdf_words (pdf);
  g_assert_nonnull (strstr (words, "24.1% (212 of 879)"));
  g_clear_pointer (&words, g_free);

  appendix = pm_test_cli_run (fixture->dir, "--database", fixture->path, "--export-appendix",
                              "--period", "FY2016-Q3", "--output", pdf, NULL);
  g_assert_cmpint (appendix.status, ==, 0);
  words = pdf_words (pdf);
  g_assert_nonnull (strstr (words, "24.1% (212 of 879)"));
}

/* Parts that disagree with the value refuse the row, with the numbers,
 * and nothing is saved. */
static void
test_parts_disagree (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *csv = pm_test_write_file_in (fixture->dir, "wrong.csv",
                                                HEADER EARLY_YEARS_ROW "FY2016-Q3,25,,212,879\r\n");
  g_autofree char *one_part = pm_test_write_file_in (fixture->dir, "one-part.csv",
                                                     HEADER EARLY_YEARS_ROW "FY2016-Q3,,,212,\r\n");
  g_auto(PmTestRun) create = pm_test_cli_run (fixture->dir, "--database", fixture->path, "--sample", NULL);
  g_auto(PmTestRun) before = pm_test_cli_run (fixture->dir, "--database", fixture->path, "--list", NULL);
  g_auto(PmTestRun) refused = { 0, };
  g_auto(PmTestRun) half = { 0, };
  g_auto(PmTestRun) after = { 0, };

  g_assert_cmpint (create.status, ==, 0);
  refused = pm_test_cli_run (fixture->dir, "--database", fixture->path, "--import-csv", csv, "--accept-valid", NULL);
  g_assert_cmpint (refused.status, ==, 1);
  g_assert_nonnull (strstr (refused.err, "Line 2: "));
  g_assert_nonnull (strstr (refused.err, "the value 25% does not match its parts: 212 of 879 is 24.1%"));

  half = pm_test_cli_run (fixture->dir, "--database", fixture->path, "--import-csv", one_part, NULL);
  g_assert_cmpint (half.status, ==, 1);
  g_assert_nonnull (strstr (half.err, "give both a numerator and a denominator"));

  after = pm_test_cli_run (fixture->dir, "--database", fixture->path, "--list", NULL);
  g_assert_cmpstr (after.out, ==, before.out);
}

/* 0.62 for a KPI whose baseline is 44.8% is saved as given, with a
 * warning. */
static void
test_fraction_warned (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *csv = pm_test_write_file_in (fixture->dir, "fraction.csv",
                                                HEADER EARLY_YEARS_ROW "FY2016-Q3,0.62,,,\r\n");
  g_auto(PmTestRun) create = pm_test_cli_run (fixture->dir, "--database", fixture->path, "--sample", NULL);
  g_auto(PmTestRun) import = { 0, };
  g_auto(PmTestRun) list = { 0, };
  g_auto(GStrv) fields = NULL;

  g_assert_cmpint (create.status, ==, 0);
  import = pm_test_cli_run (fixture->dir, "--database", fixture->path, "--import-csv", csv, NULL);
  g_assert_cmpint (import.status, ==, 0);
  g_assert_nonnull (strstr (import.err, "Line 2: Increase Early Years reach (by Wards) quarterly: "));
  g_assert_nonnull (strstr (import.err, "did you mean 62%?"));
  g_assert_nonnull (strstr (import.out, "Saved 1 value (1 new, 0 changed)"));

  list = pm_test_cli_run (fixture->dir, "--database", fixture->path, "--list", "--period", "FY2016-Q3", NULL);
  fields = find_line (list.out, "Lichfield", "Increase Early Years reach");
  /* Kept as entered: 0.62%, printed to one decimal place. */
  g_assert_cmpstr (fields[12], ==, "0.6%");
}

/* --list --period judges each KPI as the rule in the README says,
 * worked here by hand from the reference transcription: Cannock Chase's
 * WCFC KPI has a baseline of 0 in October 2016 (from its first day), a
 * target of 75 on 31 October 2017, and 5 families in Q3 2016/17, which
 * ends on 31 December 2016. */
static void
test_list_period (Fixture       *fixture,
                  gconstpointer  data)
{
  g_auto(PmTestRun) create = pm_test_cli_run (fixture->dir, "--database", fixture->path, "--sample", NULL);
  g_auto(PmTestRun) list = { 0, };
  g_auto(PmTestRun) plain = { 0, };
  g_auto(PmTestRun) bad = { 0, };
  g_auto(GStrv) wcfc = NULL;
  g_auto(GStrv) community = NULL;
  g_auto(GStrv) wcfc_plain = NULL;
  g_autoptr(GDate) baseline_day = g_date_new_dmy (1, G_DATE_OCTOBER, 2016);
  g_autoptr(GDate) target_day = g_date_new_dmy (31, G_DATE_OCTOBER, 2017);
  g_autoptr(GDate) period_end = g_date_new_dmy (31, G_DATE_DECEMBER, 2016);
  double profiled;
  g_autofree char *profiled_text = NULL;

  /* 91 days of 395: 17.28; 5 is 12.28 short, beyond a tenth of the
   * 75 between baseline and target, so red. */
  profiled = 75.0 * g_date_days_between (baseline_day, period_end) / g_date_days_between (baseline_day, target_day);
  profiled_text = g_strdup_printf ("%.2f", profiled);
  g_assert_cmpstr (profiled_text, ==, "17.28");
  g_assert_cmpfloat (profiled - 5, >, 0.1 * 75);

  g_assert_cmpint (create.status, ==, 0);
  list = pm_test_cli_run (fixture->dir, "--database", fixture->path, "--list", "--period", "FY2016-Q3", NULL);
  g_assert_cmpint (list.status, ==, 0);
  wcfc = find_line (list.out, "Cannock Chase", "WCFC to work with 75 families");
  g_assert_cmpuint (g_strv_length (wcfc), ==, 13);
  g_assert_cmpstr (wcfc[10], ==, "R");
  g_assert_cmpstr (wcfc[11], ==, profiled_text);
  g_assert_cmpstr (wcfc[12], ==, "5");

  /* A baseline "To be confirmed" cannot be judged: a value, no target. */
  community = find_line (list.out, "Cannock Chase", "Increase the number of families accessing");
  g_assert_cmpstr (community[10], ==, "–");
  g_assert_cmpstr (community[11], ==, "");
  g_assert_cmpstr (community[12], ==, "7");

  /* Without --period, the ten fields as before. */
  plain = pm_test_cli_run (fixture->dir, "--database", fixture->path, "--list", NULL);
  wcfc_plain = find_line (plain.out, "Cannock Chase", "WCFC to work with 75 families");
  g_assert_cmpuint (g_strv_length (wcfc_plain), ==, 10);

  bad = pm_test_cli_run (fixture->dir, "--database", fixture->path, "--list", "--period", "Q9 2016", NULL);
  g_assert_cmpint (bad.status, !=, 0);
  g_assert_cmpstr (bad.out, ==, "");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, "pilots.db", pm_test_folder_set_up, func, pm_test_folder_tear_down)

  ADD ("/cli/percentage/parts", test_parts_import_export_print);
  ADD ("/cli/percentage/parts-disagree", test_parts_disagree);
  ADD ("/cli/percentage/fraction-warned", test_fraction_warned);
  ADD ("/cli/list/period", test_list_period);

  return g_test_run ();
}
