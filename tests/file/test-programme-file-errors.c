/* test-programme-file-errors.c: what a programme file may not hold
 *
 * Every refusal names where the problem is; each test breaks a small valid
 * file in one place, so that the check it covers is what refuses it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "model/pm-limits.h"
#include "pm-programme-file.h"
#include "pm-test-sample.h"

/* A small valid file; each failure test breaks it in exactly one place. */
static const char minimal[] =
  "{\n"
  "  \"format\": \"pilot-monitor-programme\",\n"
  "  \"version\": 1,\n"
  "  \"programme\": {\n"
  "    \"name\": \"Test programme\",\n"
  "    \"districts\": [\n"
  "      {\n"
  "        \"name\": \"Cannock Chase\",\n"
  "        \"pilots\": [\n"
  "          {\n"
  "            \"title\": \"Pilot\",\n"
  "            \"providers\": [ { \"name\": \"WCFC\", \"reach_target\": 75 } ],\n"
  "            \"reach\": [ { \"period\": \"FY2016-Q3\", \"provider\": \"WCFC\", \"families\": 5 } ],\n"
  "            \"narratives\": [ { \"period\": \"FY2016-Q3\", \"progress\": \"Started\" } ],\n"
  "            \"kpis\": [\n"
  "              {\n"
  "                \"title\": \"Attendance\",\n"
  "                \"unit\": \"percentage\",\n"
  "                \"direction\": \"increase\",\n"
  "                \"baseline\": { \"state\": \"value\", \"value\": 44.8, \"date\": \"2016-10\" },\n"
  "                \"targets\": [ { \"value\": 50, \"date\": \"2017-10-31\" } ],\n"
  "                \"progress\": [ { \"period\": \"FY2016-Q3\", \"value\": 45.1 } ]\n"
  "              },\n"
  "              {\n"
  "                \"title\": \"Referrals\",\n"
  "                \"unit\": \"count\",\n"
  "                \"direction\": \"reduce\",\n"
  "                \"baseline\": { \"state\": \"value\", \"value\": 212 },\n"
  "                \"progress\": [ { \"period\": \"FY2016-Q3\", \"value\": 200 } ]\n"
  "              }\n"
  "            ]\n"
  "          }\n"
  "        ]\n"
  "      }\n"
  "    ]\n"
  "  }\n"
  "}\n";

#define PILOT "programme.districts[0].pilots[0]"
#define KPI0  PILOT ".kpis[0]"
#define KPI1  PILOT ".kpis[1]"

/* @minimal with @from (found exactly once) replaced by @to. */
static char *
minimal_with (const char *from,
              const char *to)
{
  g_autoptr(GString) text = g_string_new (minimal);
  const char *found = strstr (minimal, from);

  g_assert_nonnull (found);
  g_assert_null (strstr (found + 1, from));
  g_string_replace (text, from, to, 1);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Refused with @code and a message starting with @where (a path, or
 * a line and maybe a column) and holding @words. */
static void
assert_refused (const char *data,
                gssize      length,
                PmFileError code,
                const char *where,
                const char *words)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PmProgramme) programme = pm_programme_file_parse (data, length, &error);

  g_assert_null (programme);
  g_assert_error (error, PM_FILE_ERROR, (int) code);
  g_test_message ("%s", error->message);
  if (!g_str_has_prefix (error->message, where)
      || (error->message[strlen (where)] != ':' && error->message[strlen (where)] != ',')
      || (words != NULL && strstr (error->message, words) == NULL))
    g_error ("expected “%s: …%s…”, got “%s”", where, words ? words : "", error->message);
}

static void
assert_edit_refused (const char  *from,
                     const char  *to,
                     PmFileError  code,
                     const char  *where,
                     const char  *words)
{
  g_autofree char *data = minimal_with (from, to);

  assert_refused (data, -1, code, where, words);
}

/* ------------------------------------------------------------------ */

static void
test_minimal (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PmProgramme) programme = pm_programme_file_parse (minimal, -1, &error);
  g_autofree char *bom = g_strconcat ("\xEF\xBB\xBF", minimal, NULL);
  g_autoptr(PmProgramme) with_bom = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (programme);
  with_bom = pm_programme_file_parse (bom, -1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (with_bom);
}

static void
test_not_json (void)
{
  assert_refused ("hello", -1, PM_FILE_ERROR_MALFORMED, "line 1, column 1", NULL);
  assert_edit_refused ("\"version\": 1,", "\"version\": 1", PM_FILE_ERROR_MALFORMED,
                       "line 4, column 3", "expected “,” or “}”");
  /* json-glib alone would take these. */
  assert_edit_refused ("{\n  \"format\"", "/* comment */ {\n  \"format\"", PM_FILE_ERROR_MALFORMED,
                       "line 1, column 1", NULL);
  assert_edit_refused ("\"version\": 1,", "\"version\": 0x1,", PM_FILE_ERROR_MALFORMED,
                       "line 3, column 15", NULL);
  assert_edit_refused ("\"Started\"", "'Started'", PM_FILE_ERROR_MALFORMED, "line 14", NULL);
  assert_edit_refused ("\"Started\"", "\"Sta\nrted\"", PM_FILE_ERROR_MALFORMED, "line 14", NULL);
  assert_edit_refused ("\"Started\"", "\"Sta\\qrted\"", PM_FILE_ERROR_MALFORMED, "line 14", NULL);
  assert_edit_refused ("\"Started\"", "\"Sta\\ud800rted\"", PM_FILE_ERROR_MALFORMED, "line 14", NULL);
  assert_edit_refused ("\"Started\"", "\"Sta\xffrted\"", PM_FILE_ERROR_MALFORMED, "line 14", "UTF-8");
  assert_edit_refused ("\"value\": 212 }", "\"value\": 0212 }", PM_FILE_ERROR_MALFORMED, "line 28", NULL);
  assert_edit_refused ("\"value\": 212 }", "\"value\": 212. }", PM_FILE_ERROR_MALFORMED, "line 28", NULL);
  assert_edit_refused ("}\n}\n", "}\n}\n[]\n", PM_FILE_ERROR_MALFORMED, "line 38, column 1",
                       "more text after the end");
  assert_edit_refused ("\"value\": 50,", "\"value\": 50,,", PM_FILE_ERROR_MALFORMED, "line 21", NULL);
  /* A NUL byte inside the given length. */
  assert_refused ("{\"format\"\0}", 11, PM_FILE_ERROR_MALFORMED, "line 1, column 10", NULL);
}

static void
test_empty (void)
{
  assert_refused ("", -1, PM_FILE_ERROR_MALFORMED, "line 1, column 1", "empty");
  assert_refused (" \n\t ", -1, PM_FILE_ERROR_MALFORMED, "line 2", "empty");
  assert_refused ("{", -1, PM_FILE_ERROR_MALFORMED, "line 1, column 2", "ends too early");
}

static void
test_wrong_format (void)
{
  assert_edit_refused ("\"pilot-monitor-programme\"", "\"pilot-monitor-return\"",
                       PM_FILE_ERROR_WRONG_FORMAT, "format", "not a Pilot Monitor programme file");
  assert_edit_refused ("\"format\": \"pilot-monitor-programme\",", "",
                       PM_FILE_ERROR_WRONG_FORMAT, "format", NULL);
  assert_refused ("[1, 2]", -1, PM_FILE_ERROR_WRONG_FORMAT, "top level", NULL);
  assert_refused ("\"pilot-monitor-programme\"", -1, PM_FILE_ERROR_WRONG_FORMAT, "top level", NULL);
}

static void
test_too_new (void)
{
  assert_edit_refused ("\"version\": 1,", "\"version\": 2, \"novelty\": true,", PM_FILE_ERROR_TOO_NEW, "version",
                       "written by a newer version of Pilot Monitor (format 2; this version reads format 1)");
  assert_edit_refused ("\"version\": 1,", "\"version\": 0,", PM_FILE_ERROR_INVALID, "version", NULL);
  assert_edit_refused ("\"version\": 1,", "\"version\": 1.5,", PM_FILE_ERROR_INVALID, "version",
                       "not a whole number");
  assert_edit_refused ("\"version\": 1,", "", PM_FILE_ERROR_INVALID, "top level", "missing field “version”");
}

static void
test_missing_field (void)
{
  assert_edit_refused ("\"title\": \"Attendance\",", "", PM_FILE_ERROR_INVALID,
                       KPI0, "missing field “title”");
  assert_edit_refused ("\"title\": \"Attendance\",", "\"title\": \"\",", PM_FILE_ERROR_INVALID,
                       KPI0 ".title", "empty");
  assert_edit_refused ("\"state\": \"value\", \"value\": 212", "\"state\": \"value\"",
                       PM_FILE_ERROR_INVALID, KPI1 ".baseline", "missing field “value”");
  assert_edit_refused ("\"state\": \"value\", \"value\": 212", "\"state\": \"to-be-reported\"",
                       PM_FILE_ERROR_INVALID, KPI1 ".baseline", "missing field “period”");
  assert_edit_refused ("\"state\": \"value\", \"value\": 212", "\"state\": \"awaiting-data\"",
                       PM_FILE_ERROR_INVALID, KPI1 ".baseline", "missing field “source”");
  assert_edit_refused ("\"title\": \"Pilot\",", "\"title\": \"Pilot\", \"spend\": [ { \"amount_pence\": 1 } ],",
                       PM_FILE_ERROR_INVALID, PILOT ".spend[0]", "missing field “description”");
}

static void
test_unknown_field (void)
{
  assert_edit_refused ("\"title\": \"Pilot\",", "\"title\": \"Pilot\", \"colour\": \"red\",",
                       PM_FILE_ERROR_INVALID, PILOT, "unknown field “colour”");
  assert_edit_refused ("\"version\": 1,", "\"version\": 1, \"colour\": \"red\",",
                       PM_FILE_ERROR_INVALID, "top level", "unknown field “colour”");
  /* A field of another baseline state. */
  assert_edit_refused ("\"state\": \"value\", \"value\": 212", "\"state\": \"to-be-confirmed\", \"value\": 212",
                       PM_FILE_ERROR_INVALID, KPI1 ".baseline",
                       "“value” does not belong in a baseline whose state is “to-be-confirmed”");
  /* The same field twice would lose one silently. */
  assert_edit_refused ("\"title\": \"Pilot\",", "\"title\": \"Pilot\", \"title\": \"Other\",",
                       PM_FILE_ERROR_INVALID, PILOT, "“title” is given twice");
}

static void
test_wrong_type (void)
{
  assert_edit_refused ("\"families\": 5", "\"families\": \"5\"", PM_FILE_ERROR_INVALID,
                       PILOT ".reach[0].families", "expected a number, found a string");
  assert_edit_refused ("\"title\": \"Pilot\",", "\"title\": null,", PM_FILE_ERROR_INVALID,
                       PILOT ".title", "expected a string, found null");
  assert_edit_refused ("\"title\": \"Pilot\",", "\"title\": \"Pilot\", \"key_outcomes\": [\"a\", 2],",
                       PM_FILE_ERROR_INVALID, PILOT ".key_outcomes[1]", "expected a string, found a number");
  assert_edit_refused ("\"kpis\": [", "\"kpis\": [ true,", PM_FILE_ERROR_INVALID,
                       PILOT ".kpis[0]", "expected an object, found true");
  assert_edit_refused ("\"name\": \"Test programme\",", "\"name\": [\"Test programme\"],", PM_FILE_ERROR_INVALID,
                       "programme.name", "expected a string, found a list");
}

static void
test_unknown_enum (void)
{
  g_autofree char *data = minimal_with ("\"unit\": \"percentage\"", "\"unit\": \"percent\"");
  g_autoptr(GError) error = NULL;
  g_autoptr(PmProgramme) programme = pm_programme_file_parse (data, -1, &error);

  g_assert_null (programme);
  g_assert_error (error, PM_FILE_ERROR, PM_FILE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, KPI0 ".unit: unknown unit “percent” "
                   "(expected count, percentage, days, rate or money)");

  assert_edit_refused ("\"direction\": \"reduce\"", "\"direction\": \"down\"", PM_FILE_ERROR_INVALID,
                       KPI1 ".direction", "unknown direction “down”");
  assert_edit_refused ("\"title\": \"Pilot\",", "\"title\": \"Pilot\", \"delivery_status\": \"late\",",
                       PM_FILE_ERROR_INVALID, PILOT ".delivery_status", "“late”");
}

static void
test_percentage_range (void)
{
  assert_edit_refused ("\"value\": 44.8", "\"value\": 140", PM_FILE_ERROR_INVALID,
                       KPI0 ".baseline.value", "140");
  assert_edit_refused ("\"value\": 50,", "\"value\": 100.5,", PM_FILE_ERROR_INVALID,
                       KPI0 ".targets[0].value", "100.5");
}

static void
test_negative_count (void)
{
  assert_edit_refused ("\"value\": 200", "\"value\": -3", PM_FILE_ERROR_INVALID,
                       KPI1 ".progress[0].value", "negative");
  assert_edit_refused ("\"families\": 5", "\"families\": -5", PM_FILE_ERROR_INVALID,
                       PILOT ".reach[0].families", "negative");
  assert_edit_refused ("\"reach_target\": 75", "\"reach_target\": -75", PM_FILE_ERROR_INVALID,
                       PILOT ".providers[0].reach_target", "negative");
}

static void
test_fractional_count (void)
{
  assert_edit_refused ("\"value\": 212", "\"value\": 212.5", PM_FILE_ERROR_INVALID,
                       KPI1 ".baseline.value", "212.5");
  assert_edit_refused ("\"families\": 5", "\"families\": 5.5", PM_FILE_ERROR_INVALID,
                       PILOT ".reach[0].families", "5.5 is not a whole number");
  assert_edit_refused ("\"title\": \"Pilot\",", "\"title\": \"Pilot\", \"budget_pence\": 100.25,",
                       PM_FILE_ERROR_INVALID, PILOT ".budget_pence", "not a whole number");
}

static void
test_bad_period (void)
{
  assert_edit_refused ("\"narratives\": [ { \"period\": \"FY2016-Q3\"", "\"narratives\": [ { \"period\": \"FY2016-Q5\"",
                       PM_FILE_ERROR_INVALID, PILOT ".narratives[0].period", "FY2016-Q5");
}

/* A KPI's values are of its frequency, in any form people write them;
 * another frequency is refused naming the KPI and both. */
static void
test_frequency (void)
{
  g_autofree char *yearly = minimal_with ("\"progress\": [ { \"period\": \"FY2016-Q3\", \"value\": 200 } ]",
                                          "\"frequency\": \"yearly\",\n"
                                          "\"progress\": [ { \"period\": \"2020/21\", \"value\": 41 },"
                                          " { \"period\": \"fy2021\", \"value\": 52 } ]");
  g_autoptr(GError) error = NULL;
  g_autoptr(PmProgramme) programme = pm_programme_file_parse (yearly, -1, &error);
  g_autoptr(GListModel) kpis = NULL;
  PmKpi *kpi;
  g_autofree char *first = NULL;
  g_autofree char *written = NULL;

  g_assert_no_error (error);
  kpis = pm_programme_list_kpis (programme);
  kpi = pm_test_item (kpis, 1);
  g_assert_cmpint (pm_kpi_get_frequency (kpi), ==, PM_FREQUENCY_YEARLY);
  g_assert_cmpint (pm_kpi_get_frequency (pm_test_item (kpis, 0)), ==, PM_FREQUENCY_QUARTERLY);
  first = pm_period_to_code (pm_progress_entry_get_period (pm_test_item (pm_kpi_get_entries (kpi), 0)));
  g_assert_cmpstr (first, ==, "FY2020");

  /* Written with its codes; a quarterly KPI is written without one. */
  written = pm_programme_file_to_data (programme, NULL);
  g_assert_nonnull (strstr (written, "\"frequency\": \"yearly\""));
  g_assert_nonnull (strstr (written, "\"period\": \"FY2021\""));
  g_assert_null (strstr (written, "\"frequency\": \"quarterly\""));

  assert_edit_refused ("\"progress\": [ { \"period\": \"FY2016-Q3\", \"value\": 200 } ]",
                       "\"frequency\": \"yearly\", \"progress\": [ { \"period\": \"Oct 2020\", \"value\": 200 } ]",
                       PM_FILE_ERROR_INVALID, KPI1 ".progress[0]",
                       "“Referrals” is reported yearly; “FY2020-M07” is a monthly period.");
  assert_edit_refused ("\"progress\": [ { \"period\": \"FY2016-Q3\", \"value\": 200 } ]",
                       "\"progress\": [ { \"period\": \"2016/17\", \"value\": 200 } ]",
                       PM_FILE_ERROR_INVALID, KPI1 ".progress[0]",
                       "“Referrals” is reported quarterly; “FY2016” is a yearly period.");
  assert_edit_refused ("\"narratives\": [ { \"period\": \"FY2016-Q3\"", "\"narratives\": [ { \"period\": \"FY2016\"",
                       PM_FILE_ERROR_INVALID, PILOT ".narratives[0].period", "“FY2016” is not a quarter");
  assert_edit_refused ("\"direction\": \"reduce\",", "\"direction\": \"reduce\", \"frequency\": \"weekly\",",
                       PM_FILE_ERROR_INVALID, KPI1 ".frequency", "weekly");
}

/* A programme of calendar years: its KPI given as "yearly" is reported
 * each calendar year and takes CY2020 or 2020, not 2020/21; one given as
 * "calendar-yearly" is so whatever the programme's years. The written
 * file says "calendar-yearly", and reads back the same. */
static void
test_calendar_years (void)
{
  g_autofree char *calendar = minimal_with ("\"name\": \"Test programme\",",
                                            "\"name\": \"Test programme\", \"years\": \"calendar\",");
  g_autofree char *data = NULL;
  g_autofree char *written = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PmProgramme) programme = NULL;
  g_autoptr(PmProgramme) again = NULL;
  g_autoptr(GListModel) kpis = NULL;
  PmKpi *kpi;
  g_autofree char *first = NULL;

  {
    g_autoptr(GString) text = g_string_new (calendar);

    g_string_replace (text, "\"progress\": [ { \"period\": \"FY2016-Q3\", \"value\": 200 } ]",
                      "\"frequency\": \"yearly\", \"progress\": [ { \"period\": \"2020\", \"value\": 41 },"
                      " { \"period\": \"CY2021\", \"value\": 52 } ]", 1);
    data = g_string_free (g_steal_pointer (&text), FALSE);
  }
  programme = pm_programme_file_parse (data, -1, &error);
  g_assert_no_error (error);
  kpis = pm_programme_list_kpis (programme);
  kpi = pm_test_item (kpis, 1);
  g_assert_cmpint (pm_kpi_get_frequency (kpi), ==, PM_FREQUENCY_CALENDAR_YEARLY);
  g_assert_cmpint (pm_kpi_get_frequency (pm_test_item (kpis, 0)), ==, PM_FREQUENCY_QUARTERLY);
  first = pm_period_to_code (pm_progress_entry_get_period (pm_test_item (pm_kpi_get_entries (kpi), 0)));
  g_assert_cmpstr (first, ==, "CY2020");

  written = pm_programme_file_to_data (programme, NULL);
  g_assert_nonnull (strstr (written, "\"frequency\": \"calendar-yearly\""));
  g_assert_nonnull (strstr (written, "\"period\": \"CY2021\""));
  again = pm_programme_file_parse (written, -1, &error);
  g_assert_no_error (error);
  g_clear_object (&kpis);
  kpis = pm_programme_list_kpis (again);
  g_assert_cmpint (pm_kpi_get_frequency (pm_test_item (kpis, 1)), ==, PM_FREQUENCY_CALENDAR_YEARLY);

  /* Financial years by default, and by name. */
  assert_edit_refused ("\"progress\": [ { \"period\": \"FY2016-Q3\", \"value\": 200 } ]",
                       "\"frequency\": \"yearly\", \"progress\": [ { \"period\": \"CY2020\", \"value\": 200 } ]",
                       PM_FILE_ERROR_INVALID, KPI1 ".progress[0]",
                       "“Referrals” is reported yearly; “CY2020” is a calendar year.");
  assert_edit_refused ("\"progress\": [ { \"period\": \"FY2016-Q3\", \"value\": 200 } ]",
                       "\"frequency\": \"calendar-yearly\", \"progress\": [ { \"period\": \"2020/21\", \"value\": 1 } ]",
                       PM_FILE_ERROR_INVALID, KPI1 ".progress[0]",
                       "“Referrals” is reported each calendar year; “FY2020” is a yearly period.");
  assert_edit_refused ("\"name\": \"Test programme\",", "\"name\": \"Test programme\", \"years\": \"lunar\",",
                       PM_FILE_ERROR_INVALID, "programme.years", "“lunar” is not a kind of year");
}

static void
test_bad_date (void)
{
  assert_edit_refused ("\"date\": \"2016-10\"", "\"date\": \"2016-13\"", PM_FILE_ERROR_INVALID,
                       KPI0 ".baseline.date", "2016-13");
  assert_edit_refused ("\"title\": \"Pilot\",", "\"title\": \"Pilot\", \"start_date\": \"30/11/2017\",",
                       PM_FILE_ERROR_INVALID, PILOT ".start_date", NULL);
}

static void
test_target_before_baseline (void)
{
  assert_edit_refused ("\"date\": \"2017-10-31\"", "\"date\": \"2016-01-31\"", PM_FILE_ERROR_INVALID,
                       KPI0 ".targets[0].date", NULL);
}

/* A schedule's milestones are numbered in turn, dated, on different days. */
static void
test_bad_schedule (void)
{
  const char *target = "{ \"value\": 50, \"date\": \"2017-10-31\" }";

  assert_edit_refused (target,
                       "{ \"value\": 50, \"date\": \"2017-10-31\" }, "
                       "{ \"value\": 60, \"date\": \"2018-10-31\", \"milestone\": 3 }",
                       PM_FILE_ERROR_INVALID, KPI0 ".targets[1].milestone", "Milestone 3");
  assert_edit_refused (target,
                       "{ \"value\": 50, \"date\": \"2017-10-31\" }, "
                       "{ \"value\": 60, \"milestone\": 2 }",
                       PM_FILE_ERROR_INVALID, KPI0 ".targets[1].date", "needs a date");
  assert_edit_refused (target,
                       "{ \"value\": 50, \"date\": \"2017-10-31\" }, "
                       "{ \"value\": 60, \"date\": \"2017-10-31\", \"milestone\": 2 }",
                       PM_FILE_ERROR_INVALID, KPI0 ".targets[1].date", "31 October 2017");
  assert_edit_refused (target,
                       "{ \"value\": 50, \"date\": \"2017-10-31\", \"milestone\": 0 }",
                       PM_FILE_ERROR_INVALID, KPI0 ".targets[0].milestone", NULL);
}

static void
test_duplicates (void)
{
  assert_edit_refused ("\"districts\": [", "\"districts\": [ { \"name\": \"Cannock Chase\", \"pilots\": [] },",
                       PM_FILE_ERROR_INVALID, "programme.districts[1].name", "Cannock Chase");
  assert_edit_refused ("{ \"period\": \"FY2016-Q3\", \"value\": 200 }",
                       "{ \"period\": \"FY2016-Q3\", \"value\": 200 }, { \"period\": \"FY2016-Q3\", \"value\": 190 }",
                       PM_FILE_ERROR_INVALID, KPI1 ".progress[1].period", "FY2016-Q3");
  assert_edit_refused ("{ \"period\": \"FY2016-Q3\", \"progress\": \"Started\" }",
                       "{ \"period\": \"FY2016-Q3\", \"progress\": \"Started\" }, { \"period\": \"FY2016-Q3\" }",
                       PM_FILE_ERROR_INVALID, PILOT ".narratives[1].period", "FY2016-Q3");
  assert_edit_refused ("{ \"name\": \"WCFC\", \"reach_target\": 75 }",
                       "{ \"name\": \"WCFC\", \"reach_target\": 75 }, { \"name\": \"WCFC\" }",
                       PM_FILE_ERROR_INVALID, PILOT ".providers[1].name", "WCFC");
  assert_edit_refused ("\"provider\": \"WCFC\", \"families\": 5 }",
                       "\"provider\": \"WCFC\", \"families\": 5 }, { \"period\": \"FY2016-Q3\", \"provider\": \"WCFC\", \"families\": 6 }",
                       PM_FILE_ERROR_INVALID, PILOT ".reach[1]", "FY2016-Q3");
}

static void
test_unknown_provider (void)
{
  assert_edit_refused ("\"provider\": \"WCFC\"", "\"provider\": \"CESS\"", PM_FILE_ERROR_INVALID,
                       PILOT ".reach[0].provider", "“CESS”");
}

static void
test_huge_numbers (void)
{
  assert_edit_refused ("\"value\": 45.1", "\"value\": 1e400", PM_FILE_ERROR_INVALID,
                       KPI0 ".progress[0].value", "too large");
  assert_edit_refused ("\"value\": 45.1", "\"value\": -1e400", PM_FILE_ERROR_INVALID,
                       KPI0 ".progress[0].value", "too large");
  /* json-glib 1.6 would wrap this round to a small number. */
  assert_edit_refused ("\"families\": 5", "\"families\": 18446744073709551621", PM_FILE_ERROR_INVALID,
                       PILOT ".reach[0].families", "too large");
  assert_edit_refused ("\"families\": 5", "\"families\": 1e10", PM_FILE_ERROR_INVALID,
                       PILOT ".reach[0].families", "too large");
}

static void
test_deep_nesting (void)
{
  g_autoptr(GString) junk = g_string_new ("\"name\": \"Test programme\", \"description\": ");
  g_autoptr(GString) open_only = g_string_new (NULL);
  g_autoptr(GString) where = g_string_new ("programme.description");
  g_autofree char *data = NULL;

  /* Shallow junk is a plain wrong type. */
  assert_edit_refused ("\"name\": \"Test programme\",",
                       "\"name\": \"Test programme\", \"description\": [[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]],",
                       PM_FILE_ERROR_INVALID, "programme.description", "expected a string, found a list");

  /* Deep junk would overflow json-glib's stack. */
  for (guint i = 0; i < 200000; i++)
    g_string_append_c (junk, '[');
  for (guint i = 0; i < 200000; i++)
    g_string_append_c (junk, ']');
  g_string_append_c (junk, ',');
  data = minimal_with ("\"name\": \"Test programme\",", junk->str);
  /* The root object and the programme are two levels of the 64. */
  for (guint i = 0; i < 62; i++)
    g_string_append (where, "[0]");
  assert_refused (data, -1, PM_FILE_ERROR_INVALID, where->str, "nested too deeply");

  for (guint i = 0; i < 1000000; i++)
    g_string_append (open_only, "{\"a\":[");
  g_string_assign (where, "a[0]");
  for (guint i = 1; i < 32; i++)
    g_string_append (where, ".a[0]");
  assert_refused (open_only->str, -1, PM_FILE_ERROR_INVALID, where->str, "nested too deeply");
}

static void
test_limits (void)
{
  g_autoptr(GString) long_text = g_string_new ("\"title\": \"");
  g_autoptr(GString) huge_text = g_string_new ("\"summary\": \"");
  g_autofree char *dir = pm_test_dir_new ("pm-limits");
  g_autofree char *path = g_build_filename (dir, "huge.json", NULL);
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PmProgramme) programme = NULL;
  int fd;

  /* A file over the limit every file shares is refused before it is
   * read (a sparse file: nothing is written but its length). */
  fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (off_t) PM_LIMIT_FILE_SIZE + 1), ==, 0);
  close (fd);
  programme = pm_programme_file_load (path, &error);
  g_assert_null (programme);
  g_assert_error (error, PM_FILE_ERROR, PM_FILE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "256.0\u00a0MiB"));
  g_test_message ("%s", error->message);
  g_unlink (path);
  g_rmdir (dir);

  /* The same text given to the parser, when there is time to fill it. */
  if (g_getenv ("PM_TEST_SLOW") == NULL)
    {
      g_autofree char *big = g_malloc (PM_LIMIT_FILE_SIZE + 2);

      memset (big, ' ', PM_LIMIT_FILE_SIZE + 1);
      big[PM_LIMIT_FILE_SIZE + 1] = '\0';
      assert_refused (big, PM_LIMIT_FILE_SIZE + 1, PM_FILE_ERROR_INVALID, "top level", "256.0\u00a0MiB");
    }

  /* One character over a title's limit, said at the title. */
  for (guint i = 0; i < PM_LIMIT_NAME_CHARS + 1; i++)
    g_string_append (long_text, "é");
  g_string_append (long_text, "\",");
  data = minimal_with ("\"title\": \"Pilot\",", long_text->str);
  assert_refused (data, -1, PM_FILE_ERROR_INVALID, PILOT ".title",
                  "A pilot’s title may be at most 300 characters long; this one has 301.");
  g_clear_pointer (&data, g_free);

  /* Text longer than any field may be is refused before it is parsed. */
  for (guint i = 0; i < PM_LIMIT_JSON_TEXT_BYTES + 1; i++)
    g_string_append_c (huge_text, 'x');
  g_string_append (huge_text, "\",");
  data = minimal_with ("\"title\": \"Pilot\",", huge_text->str);
  assert_refused (data, -1, PM_FILE_ERROR_INVALID, PILOT ".summary", "longer than any text");

  assert_edit_refused ("\"Started\"", "\"Sta\\u0000rted\"", PM_FILE_ERROR_INVALID,
                       PILOT ".narratives[0].progress", "\\u0000");
}

static void
test_fractions (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PmProgramme) programme = NULL;
  g_autofree char *data = minimal_with ("\"value\": 45.1 }",
                                        "\"numerator\": 9, \"denominator\": 20, \"value\": 45 }");
  g_autoptr(PmKpi) kpi = NULL;
  g_autoptr(PmPilot) pilot = NULL;
  PmProgressEntry *entry;

  programme = pm_programme_file_parse (data, -1, &error);
  g_assert_no_error (error);
  pilot = g_list_model_get_item (pm_district_get_pilots (pm_test_item (pm_programme_get_districts (programme), 0)), 0);
  kpi = g_list_model_get_item (pm_pilot_get_kpis (pilot), 0);
  entry = pm_kpi_get_latest_entry (kpi, NULL);
  g_assert_nonnull (entry);
  g_assert_true (pm_progress_entry_has_fraction (entry));
  g_assert_cmpfloat_with_epsilon (pm_progress_entry_get_value (entry), 45, 1e-9);

  assert_edit_refused ("\"value\": 45.1 }", "\"numerator\": 9, \"denominator\": 20, \"value\": 50 }",
                       PM_FILE_ERROR_INVALID, KPI0 ".progress[0].value", "45.0");
  assert_edit_refused ("\"value\": 45.1 }", "\"numerator\": 9 }",
                       PM_FILE_ERROR_INVALID, KPI0 ".progress[0]", "“denominator”");
  assert_edit_refused ("\"value\": 200 }", "\"numerator\": 9, \"denominator\": 20 }",
                       PM_FILE_ERROR_INVALID, KPI1 ".progress[0].numerator", "percentages");
  assert_edit_refused ("\"state\": \"value\", \"value\": 44.8,", "\"state\": \"value\", \"value\": 44.8, \"tolerance\": 0.2,",
                       PM_FILE_ERROR_INVALID, KPI0 ".baseline", "“tolerance”");
  assert_edit_refused ("\"direction\": \"increase\",", "\"direction\": \"increase\", \"tolerance\": 1.5,",
                       PM_FILE_ERROR_INVALID, KPI0 ".tolerance", "1.5");
}

/* Damaged files: each is refused with a located message, or read, and
 * then what is written reads back to the same text. Nothing crashes and
 * nothing is logged (criticals abort the test). */
static gboolean
check_mutant (const char *data,
              gsize       length)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PmProgramme) programme = pm_programme_file_parse (data, (gssize) length, &error);
  g_autoptr(PmProgramme) again = NULL;
  g_autofree char *written = NULL;
  g_autofree char *rewritten = NULL;

  if (programme == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == PM_FILE_ERROR);
      g_assert_true (g_str_has_prefix (error->message, "line ") || strstr (error->message, ": ") != NULL);
      return FALSE;
    }

  g_assert_no_error (error);
  written = pm_programme_file_to_data (programme, NULL);
  again = pm_programme_file_parse (written, -1, &error);
  g_assert_no_error (error);
  rewritten = pm_programme_file_to_data (again, NULL);
  g_assert_cmpstr (rewritten, ==, written);
  return TRUE;
}

static void
mutate (GRand   *rand,
        GString *text)
{
  static const char tokens[] = "{}[]\",:-0123456789.eE\\ntfu ";
  gsize at = g_rand_int_range (rand, 0, (gint32) text->len);
  gsize span = g_rand_int_range (rand, 1, 40);

  span = MIN (span, text->len - at);

  switch (g_rand_int_range (rand, 0, 4))
    {
    case 0:
      g_string_erase (text, (gssize) at, (gssize) span);
      break;
    case 1:
      g_string_insert_len (text, (gssize) at, text->str + at, (gssize) span);
      break;
    case 2:
      g_string_insert_c (text, (gssize) at, tokens[g_rand_int_range (rand, 0, sizeof tokens - 1)]);
      break;
    default:
      text->str[at] = (char) g_rand_int_range (rand, 1, 256);
      break;
    }
}

static void
test_mutations (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20170116);
  g_autofree char *sample = pm_test_sample_file_contents (NULL);
  guint n_read = 0;

  for (guint i = 0; i < 4000; i++)
    {
      const char *original = i % 10 == 0 ? sample : minimal;
      g_autoptr(GString) text = g_string_new (original);
      guint n = g_rand_int_range (rand, 1, 4);

      for (guint j = 0; j < n && text->len > 0; j++)
        mutate (rand, text);
      n_read += check_mutant (text->str, text->len);
    }

  /* Some damage is harmless (a changed letter in a title): the writing
   * side is exercised too. */
  g_test_message ("%u of 4000 damaged files could be read", n_read);
  g_assert_cmpuint (n_read, >, 100);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/file/parse/minimal", test_minimal);
  g_test_add_func ("/file/refuse/not-json", test_not_json);
  g_test_add_func ("/file/refuse/empty", test_empty);
  g_test_add_func ("/file/refuse/wrong-format", test_wrong_format);
  g_test_add_func ("/file/refuse/too-new", test_too_new);
  g_test_add_func ("/file/refuse/missing-field", test_missing_field);
  g_test_add_func ("/file/refuse/unknown-field", test_unknown_field);
  g_test_add_func ("/file/refuse/wrong-type", test_wrong_type);
  g_test_add_func ("/file/refuse/unknown-enum", test_unknown_enum);
  g_test_add_func ("/file/refuse/percentage-range", test_percentage_range);
  g_test_add_func ("/file/refuse/negative-count", test_negative_count);
  g_test_add_func ("/file/refuse/fractional-count", test_fractional_count);
  g_test_add_func ("/file/refuse/bad-period", test_bad_period);
  g_test_add_func ("/file/refuse/frequency", test_frequency);
  g_test_add_func ("/file/refuse/calendar-years", test_calendar_years);
  g_test_add_func ("/file/refuse/bad-date", test_bad_date);
  g_test_add_func ("/file/refuse/target-before-baseline", test_target_before_baseline);
  g_test_add_func ("/file/refuse/bad-schedule", test_bad_schedule);
  g_test_add_func ("/file/refuse/duplicates", test_duplicates);
  g_test_add_func ("/file/refuse/unknown-provider", test_unknown_provider);
  g_test_add_func ("/file/refuse/huge-numbers", test_huge_numbers);
  g_test_add_func ("/file/refuse/deep-nesting", test_deep_nesting);
  g_test_add_func ("/file/refuse/limits", test_limits);
  g_test_add_func ("/file/refuse/fractions", test_fractions);
  g_test_add_func ("/file/refuse/mutations", test_mutations);

  return g_test_run ();
}
