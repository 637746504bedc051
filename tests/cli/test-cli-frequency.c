/* test-cli-frequency.c: KPIs reported yearly and monthly, imported and
 * listed through the command line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib.h>

#include "pm-test-common.h"

typedef PmTestFolder Fixture;

#define KPI(title, frequency, progress) \
  "{ \"title\": \"" title "\", \"unit\": \"count\", \"direction\": \"increase\"," \
  frequency \
  "  \"baseline\": { \"state\": \"value\", \"value\": 30, \"date\": \"2020-03-31\" }," \
  "  \"targets\": [ { \"value\": 60, \"date\": \"2022-03-31\" } ]," \
  "  \"progress\": [ " progress " ] }"

#define MONTH(m, v) "{ \"period\": \"FY2020-M" m "\", \"value\": " v " }"

static const char programme[] =
  "{ \"format\": \"pilot-monitor-programme\", \"version\": 1,"
  "  \"programme\": { \"name\": \"Frequencies\", \"districts\": [ {"
  "    \"name\": \"Cannock Chase\", \"pilots\": [ { \"title\": \"Family hub\", \"kpis\": ["
  KPI ("Outturn", "\"frequency\": \"yearly\",", "{ \"period\": \"2020/21\", \"value\": 41 }") ","
  KPI ("Visits", "\"frequency\": \"monthly\",",
       MONTH ("01", "31") "," MONTH ("02", "32") "," MONTH ("03", "33") "," MONTH ("04", "34") ","
       MONTH ("05", "35") "," MONTH ("06", "36") "," MONTH ("07", "37") "," MONTH ("08", "38") ","
       MONTH ("09", "39") "," MONTH ("10", "40") "," MONTH ("11", "41") "," MONTH ("12", "42")) ","
  KPI ("Referrals", "", "{ \"period\": \"FY2020-Q1\", \"value\": 35 }")
  "  ] } ] } ] } }";

#define ROW(kpi, period, value) "Cannock Chase,Family hub," kpi "," period "," value ",\r\n"

static char *
write_file (Fixture    *fixture,
            const char *name,
            const char *contents)
{
  char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return path;
}

static void
import_programme (Fixture *fixture)
{
  g_autofree char *file = write_file (fixture, "frequencies.json", programme);
  g_auto(PmTestRun) run = pm_test_cli_run (fixture->dir, "--database", fixture->path, "--import", file, NULL);

  g_test_message ("%s", run.err);
  g_assert_cmpint (run.status, ==, 0);
}

/* A yearly KPI and a monthly one with twelve values import and list with
 * their own periods; the quarterly one is as it always was. */
static void
test_import_and_list (Fixture       *fixture,
                      gconstpointer  data G_GNUC_UNUSED)
{
  g_auto(PmTestRun) list = { 0, };

  import_programme (fixture);
  list = pm_test_cli_run (fixture->dir, "--database", fixture->path, "--list", NULL);
  g_test_message ("%s", list.out);
  g_assert_cmpint (list.status, ==, 0);
  g_assert_nonnull (strstr (list.out, "Outturn\tcount\tincrease\t30 (31 March 2020)\t60\t31 March 2022\tFY2020\t41\n"));
  /* --list gives each KPI's latest value. */
  g_assert_nonnull (strstr (list.out, "Visits\tcount\tincrease\t30 (31 March 2020)\t60\t31 March 2022\tFY2020-M12\t42\n"));
  g_assert_nonnull (strstr (list.out, "Referrals\tcount\tincrease\t30 (31 March 2020)\t60\t31 March 2022\tFY2020-Q1\t35\n"));
}

/* --import-csv reads a period in any form people write, if it is of the
 * KPI's frequency, and refuses one of another frequency naming both. */
static void
test_import_csv (Fixture       *fixture,
                 gconstpointer  data G_GNUC_UNUSED)
{
  g_autofree char *good = write_file (fixture, "good.csv",
                                      "district,pilot,kpi,period,value,note\r\n"
                                      ROW ("Outturn", "2021-22", "52")
                                      ROW ("Referrals", "Q3 2020/21", "36")
                                      ROW ("Referrals", "fy2020-q4", "37")
                                      ROW ("Visits", "Apr 2021", "43")
                                      ROW ("Visits", "May 2021", "44"));
  g_autofree char *bad = write_file (fixture, "bad.csv",
                                     "district,pilot,kpi,period,value,note\r\n"
                                     ROW ("Outturn", "FY2020-M07", "3")
                                     ROW ("Visits", "Q3 2020/21", "3")
                                     ROW ("Referrals", "2020/21", "3"));
  g_auto(PmTestRun) accepted = { 0, };
  g_auto(PmTestRun) refused = { 0, };
  g_auto(PmTestRun) list = { 0, };

  import_programme (fixture);
  accepted = pm_test_cli_run (fixture->dir, "--database", fixture->path, "--import-csv", good, NULL);
  g_test_message ("%s%s", accepted.out, accepted.err);
  g_assert_cmpint (accepted.status, ==, 0);
  g_assert_nonnull (strstr (accepted.out, "Saved 5 values (5 new, 0 changed)"));

  refused = pm_test_cli_run (fixture->dir, "--database", fixture->path, "--import-csv", bad, NULL);
  g_test_message ("%s", refused.err);
  g_assert_cmpint (refused.status, ==, 1);
  g_assert_nonnull (strstr (refused.err, "Line 2: “Outturn” is reported yearly; “FY2020-M07” is a monthly period."));
  g_assert_nonnull (strstr (refused.err, "Line 3: “Visits” is reported monthly; “FY2020-Q3” is a quarterly period."));
  g_assert_nonnull (strstr (refused.err, "Line 4: “Referrals” is reported quarterly; “FY2020” is a yearly period."));

  list = pm_test_cli_run (fixture->dir, "--database", fixture->path, "--list", NULL);
  g_assert_nonnull (strstr (list.out, "\tOutturn\t"));
  g_assert_nonnull (strstr (list.out, "\tFY2021\t52\n"));
  g_assert_nonnull (strstr (list.out, "\tFY2020-Q4\t37\n"));
  g_assert_nonnull (strstr (list.out, "\tFY2021-M02\t44\n"));
  g_assert_null (strstr (list.out, "\t3\n"));
}

/* The text of the PDF at @path, as poppler's pdftotext reads it. */
static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", path, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *text = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &text, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return text;
}

/* Printed at Q3 2021/22, the yearly KPI shows its latest outturn by
 * then, 2020/21's (2021/22's is not over), labelled with its year; the
 * monthly one its latest month (March 2021), labelled with it. Neither
 * says "No value". */
static void
test_print_at_quarter (Fixture       *fixture,
                       gconstpointer  data G_GNUC_UNUSED)
{
  g_autofree char *csv = write_file (fixture, "outturn.csv",
                                     "district,pilot,kpi,period,value,note\r\n"
                                     ROW ("Outturn", "FY2021", "52")
                                     ROW ("Referrals", "FY2021-Q3", "50"));
  g_autofree char *summary = g_build_filename (fixture->dir, "summary.pdf", NULL);
  g_autofree char *appendix = g_build_filename (fixture->dir, "appendix.pdf", NULL);
  g_auto(PmTestRun) values = { 0, };
  g_auto(PmTestRun) summary_run = { 0, };
  g_auto(PmTestRun) appendix_run = { 0, };
  g_autofree char *summary_text = NULL;
  g_autofree char *appendix_text = NULL;

  import_programme (fixture);
  values = pm_test_cli_run (fixture->dir, "--database", fixture->path, "--import-csv", csv, NULL);
  g_assert_cmpint (values.status, ==, 0);
  summary_run = pm_test_cli_run (fixture->dir, "--database", fixture->path, "--export-summary", "all",
                                 "--period", "FY2021-Q3", "--output", summary, NULL);
  g_assert_cmpint (summary_run.status, ==, 0);
  g_assert_cmpstr (summary_run.err, ==, "");
  appendix_run = pm_test_cli_run (fixture->dir, "--database", fixture->path, "--export-appendix",
                                  "--period", "FY2021-Q3", "--output", appendix, NULL);
  g_assert_cmpint (appendix_run.status, ==, 0);
  g_assert_cmpstr (appendix_run.err, ==, "");

  summary_text = pdf_text (summary);
  appendix_text = pdf_text (appendix);
  g_test_message ("%s", summary_text);
  for (const char *const *text = (const char *const[]) { summary_text, appendix_text, NULL }; *text; text++)
    {
      g_assert_nonnull (strstr (*text, "41 (2020/21)"));
      g_assert_nonnull (strstr (*text, "42 (March"));  /* the cell may wrap */
      g_assert_null (strstr (*text, "52"));
      g_assert_null (strstr (*text, "No value"));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, "pilots.db", pm_test_folder_set_up, func, pm_test_folder_tear_down)
  ADD ("/cli/frequency/import-and-list", test_import_and_list);
  ADD ("/cli/frequency/import-csv", test_import_csv);
  ADD ("/cli/frequency/print-at-quarter", test_print_at_quarter);
#undef ADD

  return g_test_run ();
}
