/* test-cli-schedule-yearly.c: a yearly KPI with a schedule of two
 * milestones, through the real binary
 *
 * Issue 16's first "Done when": baseline 30 at 31 March 2020, milestones
 * 40 at 31 March 2021 and 60 at 31 March 2022, outturns 41 for 2020/21
 * and 52 for 2021/22. Worked out by hand from README's "How a KPI is
 * judged": at FY2020 the profiled target is the first milestone, 40, and
 * 41 beats it (G); at FY2021 it is the second, 60, and 52 is 8 short,
 * beyond the amber band of 10% of (60 - 30) = 3, so R.
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
  "  \"programme\": { \"name\": \"Yearly schedule\", \"districts\": [ {\n"
  "    \"name\": \"Northfield\", \"pilots\": [ { \"title\": \"Family hub\", \"kpis\": [\n"
  "      { \"title\": \"Children ready for school\", \"unit\": \"count\", \"direction\": \"increase\",\n"
  "        \"frequency\": \"yearly\",\n"
  "        \"baseline\": { \"state\": \"value\", \"value\": 30, \"date\": \"2020-03-31\" },\n"
  "        \"targets\": [ { \"value\": 40, \"date\": \"2021-03-31\", \"milestone\": 1 },\n"
  "                       { \"value\": 60, \"date\": \"2022-03-31\", \"milestone\": 2 } ],\n"
  "        \"progress\": [ { \"period\": \"FY2020\", \"value\": 41 },\n"
  "                        { \"period\": \"FY2021\", \"value\": 52 } ] } ] } ] } ] } }\n";

#define MILESTONES "40 by 31 March 2021; 60 by 31 March 2022"

static void
import_programme (Fixture *fixture)
{
  g_autofree char *file = g_build_filename (fixture->dir, "yearly.json", NULL);
  g_auto(PmTestRun) run = { 0, };

  pm_test_write_file (file, programme, -1);
  run = pm_test_cli_run (fixture->dir, "--database", fixture->path, "--import", file, NULL);
  g_test_message ("%s", run.err);
  g_assert_cmpint (run.status, ==, 0);
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

/* The CSV export's line for the KPI at @period. */
static char *
csv_row (Fixture    *fixture,
         const char *period)
{
  g_autofree char *out = g_build_filename (fixture->dir, "kpis.csv", NULL);
  g_auto(PmTestRun) run = pm_test_cli_run (fixture->dir, "--database", fixture->path, "--export-csv",
                                           "--period", period, "--output", out, NULL);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;

  g_test_message ("%s", run.err);
  g_assert_cmpint (run.status, ==, 0);
  text = pm_test_read_text (out);
  g_test_message ("%s", text);
  lines = g_strsplit (text, "\r\n", -1);
  g_assert_true (g_str_has_suffix (lines[0], ",period,value,numerator,denominator,note,status,milestones,baseline_sites,value_sites"));
  g_assert_cmpuint (g_strv_length (lines), ==, 3);  /* header, row, "" */

  return g_strdup (lines[1]);
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

/* The worksheet and shared strings of the xlsx written at @period. */
static char *
xlsx_text (Fixture    *fixture,
           const char *period)
{
  g_autofree char *out = g_build_filename (fixture->dir, "appendix.xlsx", NULL);
  const char *sheet[] = { "unzip", "-p", out, "xl/worksheets/sheet1.xml", NULL };
  const char *strings[] = { "unzip", "-p", out, "xl/sharedStrings.xml", NULL };
  g_auto(PmTestRun) run = pm_test_cli_run (fixture->dir, "--database", fixture->path, "--export-xlsx",
                                           "--period", period, "--output", out, NULL);
  g_autofree char *sheet_xml = NULL;
  g_autofree char *strings_xml = NULL;

  g_test_message ("%s", run.err);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpint (run_command (sheet, NULL, &sheet_xml, NULL), ==, 0);
  g_assert_cmpint (run_command (strings, NULL, &strings_xml, NULL), ==, 0);

  return g_strconcat (sheet_xml, strings_xml, NULL);
}

static void
test_listed (Fixture       *fixture,
             gconstpointer  data G_GNUC_UNUSED)
{
  g_auto(GStrv) plain = NULL;
  g_auto(GStrv) fy2020 = NULL;
  g_auto(GStrv) fy2021 = NULL;

  import_programme (fixture);
  plain = list_fields (fixture, NULL);
  g_assert_cmpuint (g_strv_length (plain), ==, 10);
  g_assert_cmpstr (plain[2], ==, "Children ready for school");
  g_assert_cmpstr (plain[6], ==, "40; 60");
  g_assert_cmpstr (plain[7], ==, "31 March 2021; 31 March 2022");
  g_assert_cmpstr (plain[8], ==, "FY2021");
  g_assert_cmpstr (plain[9], ==, "52");

  fy2020 = list_fields (fixture, "FY2020");
  g_assert_cmpuint (g_strv_length (fy2020), ==, 13);
  g_assert_cmpstr (fy2020[10], ==, "G");
  g_assert_cmpstr (fy2020[11], ==, "40");
  g_assert_cmpstr (fy2020[12], ==, "41");

  /* 8 short of 60, beyond the amber band of 3: red. */
  fy2021 = list_fields (fixture, "FY2021");
  g_assert_cmpuint (g_strv_length (fy2021), ==, 13);
  g_assert_cmpstr (fy2021[10], ==, "R");
  g_assert_cmpstr (fy2021[11], ==, "60");
  g_assert_cmpstr (fy2021[12], ==, "52");
}

/* Both milestones in the appendix and the summary, at the year and at
 * its last quarter, beside the year's outturn. */
static void
test_printed (Fixture       *fixture,
              gconstpointer  data G_GNUC_UNUSED)
{
  import_programme (fixture);
  for (const char *const *period = (const char *const[]) { "FY2021", "FY2021-Q4", NULL }; *period; period++)
    for (const char *const *option = (const char *const[]) { "--export-summary", "--export-appendix", NULL };
         *option; option++)
      {
        g_autofree char *text = pdf_text (fixture, *option, *period);

        g_test_message ("%s %s: %s", *option, *period, text);
        g_assert_nonnull (strstr (text, MILESTONES));
        g_assert_nonnull (strstr (text, "52"));
        g_assert_null (strstr (text, "No value"));
      }
}

/* A yearly reporting period works for the PDFs too, and shows that
 * year's outturn, not the next. */
static void
test_printed_fy2020 (Fixture       *fixture,
                     gconstpointer  data G_GNUC_UNUSED)
{
  import_programme (fixture);
  for (const char *const *option = (const char *const[]) { "--export-summary", "--export-appendix", NULL };
       *option; option++)
    {
      g_autofree char *text = pdf_text (fixture, *option, "FY2020");

      g_test_message ("%s FY2020: %s", *option, text);
      g_assert_nonnull (strstr (text, MILESTONES));
      g_assert_nonnull (strstr (text, "41"));
      g_assert_null (strstr (text, "52"));
      g_assert_null (strstr (text, "No value"));
    }
}

/* CSV at the year, and at a quarter: the yearly KPI's latest outturn by
 * then, with its own period, judged as the summaries judge it. */
static void
test_csv (Fixture       *fixture,
          gconstpointer  data G_GNUC_UNUSED)
{
  struct { const char *period; const char *expected; } cases[] = {
    { "FY2020", ",FY2020,41,,,,Green," },
    { "FY2021", ",FY2021,52,,,,Red," },
    { "FY2021-Q4", ",FY2021,52,,,,Red," },
    /* 2021/22 is not over at its third quarter: 2020/21's outturn. */
    { "FY2021-Q3", ",FY2020,41,,,,Green," },
  };

  import_programme (fixture);
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *row = csv_row (fixture, cases[i].period);

      g_test_message ("%s: %s", cases[i].period, row);
      g_assert_true (g_str_has_prefix (row, "Northfield,Family hub,Children ready for school,"));
      g_assert_nonnull (strstr (row, cases[i].expected));
      g_assert_true (g_str_has_suffix (row, ",2021-03-31: 40; 2022-03-31: 60,,"));
    }
}

static void
test_xlsx (Fixture       *fixture,
           gconstpointer  data G_GNUC_UNUSED)
{
  import_programme (fixture);
  for (const char *const *period = (const char *const[]) { "FY2021", "FY2021-Q4", NULL }; *period; period++)
    {
      g_autofree char *xml = xlsx_text (fixture, *period);

      g_test_message ("%s: %s", *period, xml);
      g_assert_nonnull (strstr (xml, MILESTONES));
      g_assert_nonnull (strstr (xml, "<v>52</v>"));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, "pilots.db", pm_test_folder_set_up, func, pm_test_folder_tear_down)
  ADD ("/cli/schedule-yearly/listed", test_listed);
  ADD ("/cli/schedule-yearly/printed", test_printed);
  ADD ("/cli/schedule-yearly/printed-fy2020", test_printed_fy2020);
  ADD ("/cli/schedule-yearly/csv", test_csv);
  ADD ("/cli/schedule-yearly/xlsx", test_xlsx);
#undef ADD

  return g_test_run ();
}
