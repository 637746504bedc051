/* test-report-schedule.c: a KPI's targets as a schedule, through the real binary
 *
 * Issue 16: baseline 30 at 31 March 2020, a target of 40 for 31 March 2021
 * and one of 60 for 31 March 2022. Both milestones are listed, exported and
 * printed; 41 in Q4 2020/21 beats its year's target and is green; a file
 * without milestone numbers keeps its old meaning (the later target
 * revises the first).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "pm-test-common.h"
#include "pdf-text.h"

typedef struct
{
  char *dir;
} Fixture;

#define PROGRAMME_HEAD \
  "{ \"format\": \"pilot-monitor-programme\", \"version\": 1,\n" \
  "  \"programme\": { \"name\": \"Schedules\", \"districts\": [\n" \
  "    { \"name\": \"Northfield\", \"pilots\": [\n" \
  "      { \"title\": \"Northfield family hub\", \"kpis\": [\n" \
  "        { \"title\": \"Children ready for school\", \"unit\": \"count\",\n" \
  "          \"direction\": \"increase\",\n" \
  "          \"baseline\": { \"state\": \"value\", \"value\": 30, \"date\": \"2020-03-31\" },\n"
#define PROGRAMME_TAIL \
  "          \"progress\": [ { \"period\": \"FY2020-Q4\", \"value\": 41 },\n" \
  "                          { \"period\": \"FY2021-Q4\", \"value\": 52 } ] } ] } ] } ] } }\n"

static const char schedule[] =
  PROGRAMME_HEAD
  "          \"targets\": [ { \"value\": 40, \"date\": \"2021-03-31\", \"milestone\": 1 },\n"
  "                         { \"value\": 60, \"date\": \"2022-03-31\", \"milestone\": 2 } ],\n"
  PROGRAMME_TAIL;

/* As today's version writes it: the second target revises the first. */
static const char revised[] =
  PROGRAMME_HEAD
  "          \"targets\": [ { \"value\": 40, \"date\": \"2021-03-31\" },\n"
  "                         { \"value\": 60, \"date\": \"2022-03-31\", \"set_on\": \"2020-06-01\",\n"
  "                           \"reason\": \"Raised\" } ],\n"
  PROGRAMME_TAIL;

/* Reported yearly: 2020/21's outturn alone, which the print at Q4 2020/21
 * shows, so its chart is drawn too. */
static const char yearly[] =
  "{ \"format\": \"pilot-monitor-programme\", \"version\": 1,\n"
  "  \"programme\": { \"name\": \"Schedules\", \"districts\": [\n"
  "    { \"name\": \"Northfield\", \"pilots\": [\n"
  "      { \"title\": \"Northfield family hub\", \"kpis\": [\n"
  "        { \"title\": \"Children ready for school\", \"unit\": \"count\",\n"
  "          \"direction\": \"increase\", \"frequency\": \"yearly\",\n"
  "          \"baseline\": { \"state\": \"value\", \"value\": 30, \"date\": \"2020-03-31\" },\n"
  "          \"targets\": [ { \"value\": 40, \"date\": \"2021-03-31\", \"milestone\": 1 },\n"
  "                         { \"value\": 60, \"date\": \"2022-03-31\", \"milestone\": 2 } ],\n"
  "          \"progress\": [ { \"period\": \"FY2020\", \"value\": 41 } ] } ] } ] } ] } }\n";

/* Children counted in millions: the change since baseline is a long
 * number. */
static const char millions[] =
  "{ \"format\": \"pilot-monitor-programme\", \"version\": 1,\n"
  "  \"programme\": { \"name\": \"Schedules\", \"districts\": [\n"
  "    { \"name\": \"Northfield\", \"pilots\": [\n"
  "      { \"title\": \"Northfield family hub\", \"kpis\": [\n"
  "        { \"title\": \"Children seen\", \"unit\": \"count\",\n"
  "          \"direction\": \"increase\",\n"
  "          \"baseline\": { \"state\": \"value\", \"value\": 703705, \"date\": \"2020-03-31\" },\n"
  "          \"targets\": [ { \"value\": 8000000, \"date\": \"2021-03-31\" } ],\n"
  "          \"progress\": [ { \"period\": \"FY2020-Q4\", \"value\": 7037034 } ] } ] } ] } ] } }\n";

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = pm_test_dir_new ("pm-report-schedule");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  pm_test_clear_dir (&fixture->dir);
}

static char *
import_programme (Fixture    *fixture,
                  const char *json,
                  const char *name)
{
  g_autofree char *file = g_strdup_printf ("%s.json", name);
  g_autofree char *json_path = g_build_filename (fixture->dir, file, NULL);
  char *db = g_build_filename (fixture->dir, name, NULL);
  g_auto(PmTestRun) run = { 0, };

  pm_test_write_file (json_path, json, -1);
  run = pm_test_cli_run (fixture->dir, "--database", db, "--import", json_path, NULL);
  g_test_message ("%s", run.err);
  g_assert_cmpint (run.status, ==, 0);

  return db;
}

/* The --list line's fields. */
static GStrv
list_fields (Fixture    *fixture,
             const char *db)
{
  g_auto(PmTestRun) run = pm_test_cli_run (fixture->dir, "--database", db, "--list", NULL);

  g_assert_cmpint (run.status, ==, 0);
  return g_strsplit (g_strchomp (run.out), "\t", -1);
}

/* The CSV export's line for the KPI at @period, split at commas (no
 * field here holds one but the quoted milestones, which come last). */
static char *
csv_row (Fixture    *fixture,
         const char *db,
         const char *period)
{
  g_autofree char *out = g_build_filename (fixture->dir, "kpis.csv", NULL);
  g_auto(PmTestRun) run = pm_test_cli_run (fixture->dir, "--database", db, "--export-csv",
                                           "--period", period, "--output", out, NULL);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_cmpint (run.status, ==, 0);
  text = pm_test_read_text (out);
  lines = g_strsplit (text, "\r\n", -1);
  g_assert_true (g_str_has_suffix (lines[0], ",status,milestones,baseline_sites,value_sites"));

  return g_strdup (lines[1]);
}

/* The exported PDF's text as pdftotext reads it, in the order it was
 * drawn, which keeps a table cell's lines together. */
static char *
pdf_text (Fixture    *fixture,
          const char *db,
          const char *what)
{
  g_autofree char *out = g_build_filename (fixture->dir, "out.pdf", NULL);
  const char *argv[] = { "pdftotext", out, "-", NULL };
  g_auto(PmTestRun) run = { 0, };
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (g_str_equal (what, "appendix"))
    run = pm_test_cli_run (fixture->dir, "--database", db, "--export-appendix",
                           "--period", "FY2020-Q4", "--output", out, NULL);
  else
    run = pm_test_cli_run (fixture->dir, "--database", db, "--export-summary", "all",
                           "--period", "FY2020-Q4", "--output", out, NULL);
  g_test_message ("%s", run.err);
  g_assert_cmpint (run.status, ==, 0);

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &text, NULL, NULL, &error);
  g_assert_no_error (error);

  return normalise_space (text);
}

static void
test_schedule_listed (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *db = import_programme (fixture, schedule, "schedule.db");
  g_auto(GStrv) fields = list_fields (fixture, db);
  g_autofree char *q4 = csv_row (fixture, db, "FY2020-Q4");
  g_autofree char *next_q4 = csv_row (fixture, db, "FY2021-Q4");

  /* Ten fields still, the target ones giving each milestone. */
  g_assert_cmpuint (g_strv_length (fields), ==, 10);
  g_assert_cmpstr (fields[6], ==, "40; 60");
  g_assert_cmpstr (fields[7], ==, "31 March 2021; 31 March 2022");

  /* 41 beats the year's target of 40. */
  g_assert_true (g_str_has_prefix (q4, "Northfield,Northfield family hub,Children ready for school,"));
  g_assert_nonnull (strstr (q4, ",FY2020-Q4,41,,,,Green,"));
  g_assert_true (g_str_has_suffix (q4, ",2021-03-31: 40; 2022-03-31: 60,,"));
  /* 52 is 8 short of 60, beyond the amber band of 10% of 60 - 30 = 3. */
  g_assert_nonnull (strstr (next_q4, ",FY2021-Q4,52,,,,Red,"));
}

/* A file from before schedules: one target, revised. */
static void
test_revision_kept (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *db = import_programme (fixture, revised, "revised.db");
  g_auto(GStrv) fields = list_fields (fixture, db);
  g_autofree char *q4 = csv_row (fixture, db, "FY2020-Q4");

  g_assert_cmpstr (fields[6], ==, "60");
  g_assert_cmpstr (fields[7], ==, "31 March 2022");
  /* Judged on the line from 30 to 60: 45 at the end of Q4 2020/21. */
  g_assert_nonnull (strstr (q4, ",FY2020-Q4,41,,,,Red,"));
  g_assert_true (g_str_has_suffix (q4, ",2022-03-31: 60,,"));
}

static void
test_schedule_printed (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *db = import_programme (fixture, schedule, "schedule.db");
  g_autofree char *summary = pdf_text (fixture, db, "all");
  g_autofree char *appendix = pdf_text (fixture, db, "appendix");

  /* In the KPI table and in the trend chart's heading. */
  g_assert_nonnull (strstr (summary, "30 (31 March 2020) 40 by 31 March 2021; 60 by 31 March 2022"));
  g_assert_nonnull (strstr (summary, "Targets 40 by 31 March 2021; 60 by 31 March 2022"));
  g_assert_nonnull (strstr (appendix, "Target 40 by 31 March 2021; 60 by 31 March 2022"));
}

/* A yearly KPI whose only value is the year ending with the quarter
 * printed: the table shows it, and the trend chart (with its heading of
 * targets) is drawn, not left out as if there were nothing to draw. */
static void
test_yearly_charted (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *db = import_programme (fixture, yearly, "yearly.db");
  g_autofree char *summary = pdf_text (fixture, db, "all");

  g_assert_nonnull (strstr (summary, "41 (2020/21)"));
  g_assert_nonnull (strstr (summary, "Children ready for school Number"));
  g_assert_nonnull (strstr (summary, "Targets 40 by 31 March 2021; 60 by 31 March 2022"));
}

/* The summary's change column holds a seven-digit change on one line,
 * not broken inside the number ("+6,333,32" over "9"). */
static void
test_change_unbroken (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *db = import_programme (fixture, millions, "millions.db");
  g_autofree char *summary = pdf_text (fixture, db, "all");

  g_assert_nonnull (strstr (summary, "+6,333,329"));
}

static void
test_schedule_exported (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *db = import_programme (fixture, schedule, "schedule.db");
  g_autofree char *xlsx = g_build_filename (fixture->dir, "appendix.xlsx", NULL);
  g_autofree char *json = g_build_filename (fixture->dir, "again.json", NULL);
  g_autofree char *again = NULL;
  g_autofree char *strings = NULL;
  g_auto(PmTestRun) run = pm_test_cli_run (fixture->dir, "--database", db, "--export-xlsx",
                                           "--period", "FY2020-Q4", "--output", xlsx, NULL);
  const char *unzip[] = { "unzip", "-p", xlsx, "xl/sharedStrings.xml", NULL };
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) fields = NULL;
  g_autofree char *reimported = NULL;

  g_assert_cmpint (run.status, ==, 0);
  g_spawn_sync (NULL, (char **) unzip, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &strings, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (strings, "40 by 31 March 2021; 60 by 31 March 2022"));

  /* The programme file keeps the milestones apart. */
  pm_test_run_clear (&run);
  run = pm_test_cli_run (fixture->dir, "--database", db, "--export", json, NULL);
  g_assert_cmpint (run.status, ==, 0);
  again = pm_test_read_text (json);
  g_assert_nonnull (strstr (again, "\"milestone\": 2"));
  reimported = g_build_filename (fixture->dir, "again.db", NULL);
  pm_test_run_clear (&run);
  run = pm_test_cli_run (fixture->dir, "--database", reimported, "--import", json, NULL);
  g_assert_cmpint (run.status, ==, 0);
  fields = list_fields (fixture, reimported);
  g_assert_cmpstr (fields[6], ==, "40; 60");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/schedule/listed", Fixture, NULL, fixture_set_up, test_schedule_listed, fixture_tear_down);
  g_test_add ("/schedule/revision-kept", Fixture, NULL, fixture_set_up, test_revision_kept, fixture_tear_down);
  g_test_add ("/schedule/printed", Fixture, NULL, fixture_set_up, test_schedule_printed, fixture_tear_down);
  g_test_add ("/schedule/yearly-charted", Fixture, NULL, fixture_set_up, test_yearly_charted, fixture_tear_down);
  g_test_add ("/schedule/change-unbroken", Fixture, NULL, fixture_set_up, test_change_unbroken, fixture_tear_down);
  g_test_add ("/schedule/exported", Fixture, NULL, fixture_set_up, test_schedule_exported, fixture_tear_down);

  return g_test_run ();
}
