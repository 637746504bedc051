/* test-cli-calendar-years.c: a programme that chooses calendar years,
 * through the real binary
 *
 * Issue 16: "a programme may also choose calendar years". The programme
 * file says "years": "calendar", so its KPI given as "yearly" is
 * reported each calendar year: baseline 30 at 31 December 2019,
 * milestones 40 at 31 December 2020 and 60 at 31 December 2021. Worked
 * out by hand from README's "How a KPI is judged": at CY2020 (ending 31
 * December 2020) the profiled target is the first milestone, 40, and 41
 * beats it (G); were the year to end in March, it would be 44.9 and 41
 * red.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib.h>

#include "pm-test-common.h"
#include "pdf-text.h"

typedef PmTestFolder Fixture;

static const char programme[] =
  "{ \"format\": \"pilot-monitor-programme\", \"version\": 1,\n"
  "  \"programme\": { \"name\": \"Calendar years\", \"years\": \"calendar\", \"districts\": [ {\n"
  "    \"name\": \"Northfield\", \"pilots\": [ { \"title\": \"Family hub\", \"kpis\": [\n"
  "      { \"title\": \"Children ready for school\", \"unit\": \"count\", \"direction\": \"increase\",\n"
  "        \"frequency\": \"yearly\",\n"
  "        \"baseline\": { \"state\": \"value\", \"value\": 30, \"date\": \"2019-12-31\" },\n"
  "        \"targets\": [ { \"value\": 40, \"date\": \"2020-12-31\", \"milestone\": 1 },\n"
  "                       { \"value\": 60, \"date\": \"2021-12-31\", \"milestone\": 2 } ] } ] } ] } ] } }\n";

#define ROW(period, value) "Northfield,Family hub,Children ready for school," period "," value ",\r\n"
#define HEADER "district,pilot,kpi,period,value,note\r\n"

static void
import_programme (Fixture *fixture)
{
  g_autofree char *file = g_build_filename (fixture->dir, "calendar.json", NULL);
  g_auto(PmTestRun) run = { 0, };

  pm_test_write_file (file, programme, -1);
  run = pm_test_cli_run (fixture->dir, "--database", fixture->path, "--import", file, NULL);
  g_test_message ("%s", run.err);
  g_assert_cmpint (run.status, ==, 0);
}

/* Runs --import-csv on @contents; its exit status. */
static int
import_csv (Fixture    *fixture,
            const char *contents,
            char      **err)
{
  g_autofree char *file = g_build_filename (fixture->dir, "values.csv", NULL);
  g_auto(PmTestRun) run = { 0, };

  pm_test_write_file (file, contents, -1);
  run = pm_test_cli_run (fixture->dir, "--database", fixture->path, "--import-csv", file, NULL);
  g_test_message ("%s%s", run.out, run.err);
  if (err != NULL)
    *err = g_strdup (run.err);
  return run.status;
}

/* The --list line's fields, with --period @period unless NULL. */
static GStrv
list_fields (Fixture    *fixture,
             const char *period)
{
  g_auto(PmTestRun) run = { 0, };

  if (period != NULL)
    run = pm_test_cli_run (fixture->dir, "--database", fixture->path, "--list", "--period", period, NULL);
  else
    run = pm_test_cli_run (fixture->dir, "--database", fixture->path, "--list", NULL);
  g_test_message ("%s%s", run.out, run.err);
  g_assert_cmpint (run.status, ==, 0);
  return g_strsplit (g_strchomp (run.out), "\t", -1);
}

/* The normalised text of the PDF written by @option at @period. */
static char *
pdf_text (Fixture    *fixture,
          const char *option,
          const char *period)
{
  g_autofree char *out = g_build_filename (fixture->dir, "out.pdf", NULL);
  const char *argv[] = { "pdftotext", out, "-", NULL };
  g_auto(PmTestRun) run = { 0, };
  g_autofree char *text = NULL;

  if (g_str_equal (option, "--export-summary"))
    run = pm_test_cli_run (fixture->dir, "--database", fixture->path, option, "all",
                           "--period", period, "--output", out, NULL);
  else
    run = pm_test_cli_run (fixture->dir, "--database", fixture->path, option,
                           "--period", period, "--output", out, NULL);
  g_test_message ("%s", run.err);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run_command (argv, NULL, &text, NULL), ==, 0);

  return normalise_space (text);
}

/* The outturn for CY2020 is taken written as CY2020 and as 2020 (the
 * second replacing the first), and judged at CY2020 against the
 * milestone of 31 December 2020. */
static void
test_import_and_list (Fixture       *fixture,
                      gconstpointer  data G_GNUC_UNUSED)
{
  g_auto(GStrv) plain = NULL;
  g_auto(GStrv) first = NULL;
  g_auto(GStrv) judged = NULL;

  import_programme (fixture);
  plain = list_fields (fixture, NULL);
  g_assert_cmpuint (g_strv_length (plain), ==, 8);
  g_assert_cmpstr (plain[2], ==, "Children ready for school");
  g_assert_cmpstr (plain[5], ==, "30 (31 December 2019)");

  g_assert_cmpint (import_csv (fixture, HEADER ROW ("CY2020", "38"), NULL), ==, 0);
  first = list_fields (fixture, NULL);
  g_assert_cmpuint (g_strv_length (first), ==, 10);
  g_assert_cmpstr (first[8], ==, "CY2020");
  g_assert_cmpstr (first[9], ==, "38");

  g_assert_cmpint (import_csv (fixture, HEADER ROW ("2020", "41"), NULL), ==, 0);
  judged = list_fields (fixture, "CY2020");
  g_assert_cmpuint (g_strv_length (judged), ==, 13);
  g_assert_cmpstr (judged[8], ==, "CY2020");
  g_assert_cmpstr (judged[9], ==, "41");
  g_assert_cmpstr (judged[10], ==, "G");
  g_assert_cmpstr (judged[11], ==, "40");
  g_assert_cmpstr (judged[12], ==, "41");
}

/* A quarter's value, or a financial year's, for the calendar-yearly KPI
 * is refused, naming both; nothing is saved. */
static void
test_other_frequency_refused (Fixture       *fixture,
                              gconstpointer  data G_GNUC_UNUSED)
{
  g_autofree char *err = NULL;
  g_auto(GStrv) fields = NULL;

  import_programme (fixture);
  g_assert_cmpint (import_csv (fixture, HEADER ROW ("FY2020-Q3", "3") ROW ("2020/21", "4"), &err), ==, 1);
  g_assert_nonnull (strstr (err, "Line 2: “Children ready for school” is reported each calendar year; "
                                 "“FY2020-Q3” is a quarterly period."));
  g_assert_nonnull (strstr (err, "Line 3: “Children ready for school” is reported each calendar year; "
                                 "“FY2020” is a yearly period."));
  fields = list_fields (fixture, NULL);
  g_assert_cmpuint (g_strv_length (fields), ==, 8);
}

/* Printed at Q4 2020/21, the summary and the appendix show 2020's
 * outturn labelled with its calendar year. */
static void
test_printed (Fixture       *fixture,
              gconstpointer  data G_GNUC_UNUSED)
{
  import_programme (fixture);
  g_assert_cmpint (import_csv (fixture, HEADER ROW ("CY2020", "41"), NULL), ==, 0);
  for (const char *const *option = (const char *const[]) { "--export-summary", "--export-appendix", NULL };
       *option; option++)
    {
      g_autofree char *text = pdf_text (fixture, *option, "FY2020-Q4");

      g_test_message ("%s: %s", *option, text);
      g_assert_nonnull (strstr (text, "41 (2020)"));
      g_assert_null (strstr (text, "No value"));
    }
}

/* The export says "calendar-yearly" of the KPI, and reads back so. */
static void
test_export_round_trips (Fixture       *fixture,
                         gconstpointer  data G_GNUC_UNUSED)
{
  g_autofree char *out = g_build_filename (fixture->dir, "export.json", NULL);
  g_autofree char *again = g_build_filename (fixture->dir, "again.db", NULL);
  g_autofree char *text = NULL;
  g_auto(PmTestRun) export = { 0, };
  g_auto(PmTestRun) import = { 0, };
  g_auto(PmTestRun) list = { 0, };

  import_programme (fixture);
  g_assert_cmpint (import_csv (fixture, HEADER ROW ("2020", "41"), NULL), ==, 0);
  export = pm_test_cli_run (fixture->dir, "--database", fixture->path, "--export", out, NULL);
  g_test_message ("%s", export.err);
  g_assert_cmpint (export.status, ==, 0);
  text = pm_test_read_text (out);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "\"frequency\": \"calendar-yearly\""));
  g_assert_nonnull (strstr (text, "\"period\": \"CY2020\""));

  import = pm_test_cli_run (fixture->dir, "--database", again, "--import", out, NULL);
  g_test_message ("%s", import.err);
  g_assert_cmpint (import.status, ==, 0);
  list = pm_test_cli_run (fixture->dir, "--database", again, "--list", "--period", "CY2020", NULL);
  g_assert_cmpint (list.status, ==, 0);
  g_assert_true (g_str_has_suffix (list.out, "\tCY2020\t41\tG\t40\t41\n"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, "pilots.db", pm_test_folder_set_up, func, pm_test_folder_tear_down)
  ADD ("/cli/calendar-years/import-and-list", test_import_and_list);
  ADD ("/cli/calendar-years/other-frequency-refused", test_other_frequency_refused);
  ADD ("/cli/calendar-years/printed", test_printed);
  ADD ("/cli/calendar-years/export-round-trips", test_export_round_trips);
#undef ADD

  return g_test_run ();
}
