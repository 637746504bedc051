/* test-cli-totals.c: programme indicators totalled across districts
 *
 * A programme file of four districts sharing a count indicator and a
 * percentage indicator, with numbers whose totals are known by hand, is
 * imported through the binary; `--list --totals` and the printed
 * appendix and summaries must give the sum, the percentage from the
 * summed parts (not the average of the percentages), and name the
 * district that has not reported rather than count it as zero.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib.h>

#include "pm-test-common.h"

typedef PmTestFolder Fixture;

typedef struct
{
  const char *name;
  int         children;     /* -1: not reported */
  int         numerator;    /* -1: not reported */
  int         denominator;
} District;

/* Children seen: 130 + 77 + 5 = 212 (Delta has not reported); their mean
 * would be 70.7. Parents in work: (10 + 90 + 1) / (100 + 300 + 100) =
 * 101 / 500 = 20.2%, where the mean of 10%, 30% and 1% is 13.7%. */
static const District districts[] = {
  { "Alpha", 130, 10, 100 },
  { "Bravo", 77, 90, 300 },
  { "Charlie", 5, 1, 100 },
  { "Delta", -1, -1, 0 },
};

static void
append_kpi (GString    *out,
            const char *title,
            const char *unit,
            const char *indicator,
            int         baseline,
            int         target,
            const char *progress)
{
  g_string_append_printf (out,
                          "{\"title\": \"%s\", \"unit\": \"%s\", \"direction\": \"increase\", "
                          "\"indicator\": \"%s\", "
                          "\"baseline\": {\"state\": \"value\", \"value\": %d, \"date\": \"2016-03-31\"}, "
                          "\"targets\": [{\"value\": %d, \"date\": \"2017-03-31\"}], "
                          "\"progress\": [%s]}",
                          title, unit, indicator, baseline, target, progress);
}

/* The programme file; @charlie_percentage_only gives Charlie's
 * percentage as a bare value, without its parts. */
static char *
programme_json (gboolean charlie_percentage_only)
{
  GString *out = g_string_new (NULL);

  g_string_append (out,
                   "{\"format\": \"pilot-monitor-programme\", \"version\": 1, \"programme\": {"
                   "\"name\": \"Totals\", \"indicators\": ["
                   "{\"key\": \"children-seen\", \"name\": \"Children seen\", \"unit\": \"count\", "
                   "\"direction\": \"increase\"}, "
                   "{\"key\": \"parents-working\", \"name\": \"Parents in work\", \"unit\": \"percentage\", "
                   "\"direction\": \"increase\", \"aggregation\": \"ratio\"}], "
                   "\"districts\": [");
  for (guint i = 0; i < G_N_ELEMENTS (districts); i++)
    {
      const District *d = &districts[i];
      g_autofree char *children = NULL;
      g_autofree char *parents = NULL;

      children = d->children < 0 ? g_strdup ("")
                 : g_strdup_printf ("{\"period\": \"FY2016-Q3\", \"value\": %d}", d->children);
      if (d->numerator < 0)
        parents = g_strdup ("");
      else if (charlie_percentage_only && g_str_equal (d->name, "Charlie"))
        parents = g_strdup ("{\"period\": \"FY2016-Q3\", \"value\": 1}");
      else
        parents = g_strdup_printf ("{\"period\": \"FY2016-Q3\", \"numerator\": %d, \"denominator\": %d}",
                                   d->numerator, d->denominator);

      g_string_append_printf (out, "%s{\"name\": \"%s\", \"pilots\": [{\"title\": \"%s pilot\", \"kpis\": [",
                              i > 0 ? ", " : "", d->name, d->name);
      append_kpi (out, "Children seen", "count", "children-seen", 10, 200, children);
      g_string_append (out, ", ");
      append_kpi (out, "Parents in work", "percentage", "parents-working", 10, 20, parents);
      g_string_append (out, "]}]}");
    }
  g_string_append (out, "]}}\n");

  return g_string_free (out, FALSE);
}

static void
import_text (Fixture    *fixture,
             const char *text)
{
  g_autofree char *file = pm_test_write_file_in (fixture->dir, "programme.json", text);
  g_auto(PmTestRun) run = pm_test_cli_run (fixture->dir, "--database", fixture->path,
                                           "--import", file, NULL);

  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
}

/* The line of @out for @indicator, asserted to be there once. */
static char *
line_for (const char *out,
          const char *indicator)
{
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);
  char *found = NULL;

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], indicator) && lines[i][strlen (indicator)] == '\t')
      {
        g_assert_null (found);
        found = g_strdup (lines[i]);
      }
  g_assert_nonnull (found);
  return found;
}

static void
test_list_totals (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *json = programme_json (FALSE);
  g_autofree char *children = NULL;
  g_autofree char *parents = NULL;
  g_auto(GStrv) fields = NULL;

  import_text (fixture, json);

  {
    g_auto(PmTestRun) run = pm_test_cli_run (fixture->dir, "--database", fixture->path,
                                             "--list", "--totals", "--period", "FY2016-Q3", NULL);

    g_assert_cmpstr (run.err, ==, "");
    g_assert_cmpint (run.status, ==, 0);
    children = line_for (run.out, "Children seen");
    parents = line_for (run.out, "Parents in work");
  }

  fields = g_strsplit (children, "\t", -1);
  g_assert_cmpuint (g_strv_length (fields), ==, 8);
  g_assert_cmpstr (fields[1], ==, "count");
  g_assert_cmpstr (fields[2], ==, "FY2016-Q3");
  g_assert_cmpstr (fields[3], ==, "212");
  g_assert_cmpstr (fields[6], ==, "3 of 4 districts reported; not reported: Delta");
  g_assert_nonnull (strstr (fields[7], "Alpha 130"));
  g_assert_nonnull (strstr (fields[7], "Delta not reported"));

  g_clear_pointer (&fields, g_strfreev);
  fields = g_strsplit (parents, "\t", -1);
  g_assert_cmpuint (g_strv_length (fields), ==, 8);
  g_assert_cmpstr (fields[3], ==, "20.2% (101 of 500)");
  g_assert_null (strstr (parents, "13.7%"));
  g_assert_cmpstr (fields[6], ==, "3 of 4 districts reported; not reported: Delta");
}

/* Two children's centres in one district (two pilots sharing the
 * indicator) are one district of the total: Alpha's 30 + 12, Bravo's
 * 77; Charlie's Centre B has not reported, so Charlie is not counted
 * and its Centre A's 5 is not in the total: 119, 2 of 3 districts. */
static void
test_list_totals_two_pilots (Fixture       *fixture,
                             gconstpointer  data)
{
  static const struct {
    const char *district;
    const char *pilot;
    int         children;  /* -1: not reported */
  } pilots[] = {
    { "Alpha", "Centre A", 30 },
    { "Alpha", "Centre B", 12 },
    { "Bravo", "Centre A", 77 },
    { "Charlie", "Centre A", 5 },
    { "Charlie", "Centre B", -1 },
  };
  g_autoptr(GString) json = g_string_new (NULL);
  g_autofree char *children = NULL;
  g_auto(GStrv) fields = NULL;
  const char *alpha;

  g_string_append (json,
                   "{\"format\": \"pilot-monitor-programme\", \"version\": 1, \"programme\": {"
                   "\"name\": \"Totals\", \"indicators\": ["
                   "{\"key\": \"children-seen\", \"name\": \"Children seen\", \"unit\": \"count\", "
                   "\"direction\": \"increase\"}], \"districts\": [");
  for (guint i = 0; i < G_N_ELEMENTS (pilots); i++)
    {
      gboolean first = i == 0 || !g_str_equal (pilots[i - 1].district, pilots[i].district);
      gboolean last = i + 1 == G_N_ELEMENTS (pilots) || !g_str_equal (pilots[i + 1].district, pilots[i].district);
      g_autofree char *progress = pilots[i].children < 0 ? g_strdup ("")
        : g_strdup_printf ("{\"period\": \"FY2016-Q3\", \"value\": %d}", pilots[i].children);

      if (first)
        g_string_append_printf (json, "%s{\"name\": \"%s\", \"pilots\": [", i > 0 ? ", " : "",
                                pilots[i].district);
      else
        g_string_append (json, ", ");
      g_string_append_printf (json, "{\"title\": \"%s\", \"kpis\": [", pilots[i].pilot);
      append_kpi (json, "Children seen", "count", "children-seen", 10, 200, progress);
      g_string_append (json, "]}");
      if (last)
        g_string_append (json, "]}");
    }
  g_string_append (json, "]}}\n");
  import_text (fixture, json->str);

  {
    g_auto(PmTestRun) run = pm_test_cli_run (fixture->dir, "--database", fixture->path,
                                             "--list", "--totals", "--period", "FY2016-Q3", NULL);

    g_assert_cmpstr (run.err, ==, "");
    g_assert_cmpint (run.status, ==, 0);
    children = line_for (run.out, "Children seen");
  }

  fields = g_strsplit (children, "\t", -1);
  g_assert_cmpuint (g_strv_length (fields), ==, 8);
  g_assert_cmpstr (fields[3], ==, "119");
  g_assert_cmpstr (fields[6], ==, "2 of 3 districts reported; not reported: Charlie (Centre B missing)");
  /* One entry per district, Alpha's centres added up. */
  alpha = strstr (fields[7], "Alpha 42");
  g_assert_nonnull (alpha);
  g_assert_null (strstr (alpha + 1, "Alpha"));
  g_assert_null (strstr (fields[7], "Alpha 30"));
  g_assert_nonnull (strstr (fields[7], "Charlie not reported (Centre B missing)"));
  g_assert_null (strstr (fields[7], "Charlie 5"));
}

/* Without --period, a line per indicator and period reported. */
static void
test_list_totals_every_period (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autofree char *json = programme_json (FALSE);
  g_autofree char *line = NULL;

  import_text (fixture, json);
  {
    g_auto(PmTestRun) run = pm_test_cli_run (fixture->dir, "--database", fixture->path,
                                             "--list", "--totals", NULL);

    g_assert_cmpint (run.status, ==, 0);
    line = line_for (run.out, "Children seen");
    g_assert_nonnull (strstr (line, "\tFY2016-Q3\t212\t"));
  }
  {
    /* A period nobody reported: no total, never 0. */
    g_auto(PmTestRun) run = pm_test_cli_run (fixture->dir, "--database", fixture->path,
                                             "--list", "--totals", "--period", "FY2016-Q2", NULL);

    g_assert_cmpint (run.status, ==, 0);
    g_clear_pointer (&line, g_free);
    line = line_for (run.out, "Children seen");
    g_assert_nonnull (strstr (line, "No total: no district has reported"));
    g_assert_nonnull (strstr (line, "0 of 4 districts reported"));
  }
  {
    g_auto(PmTestRun) run = pm_test_cli_run (fixture->dir, "--database", fixture->path,
                                             "--totals", NULL);

    g_assert_cmpint (run.status, !=, 0);
    g_assert_nonnull (strstr (run.err, "--totals goes with --list"));
  }
}

/* A percentage without its parts cannot be totalled: it is said, and the
 * percentages are not averaged. */
static void
test_percentage_without_parts (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autofree char *json = programme_json (TRUE);
  g_autofree char *line = NULL;
  g_auto(PmTestRun) run = { 0, };

  import_text (fixture, json);
  run = pm_test_cli_run (fixture->dir, "--database", fixture->path,
                         "--list", "--totals", "--period", "FY2016-Q3", NULL);
  g_assert_cmpint (run.status, ==, 0);
  line = line_for (run.out, "Parents in work");
  g_assert_nonnull (strstr (line, "No total: Charlie gave a percentage without its numerator and denominator"));
  g_assert_null (strstr (line, "13.7%"));
}

static void
assert_refused (Fixture    *fixture,
                const char *text,
                const char *message)
{
  g_autofree char *file = pm_test_write_file_in (fixture->dir, "bad.json", text);
  g_auto(PmTestRun) run = pm_test_cli_run (fixture->dir, "--database", fixture->path,
                                           "--import", file, NULL);

  g_assert_cmpint (run.status, !=, 0);
  if (strstr (run.err, message) == NULL)
    g_error ("expected “%s” in: %s", message, run.err);
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
}

static void
test_import_refusals (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *json = programme_json (FALSE);
  g_autoptr(GString) unknown = g_string_new (json);
  g_autoptr(GString) unit = g_string_new (json);

  /* A KPI naming an indicator nobody defined. */
  g_string_replace (unknown, "\"indicator\": \"children-seen\"", "\"indicator\": \"children-sen\"", 1);
  assert_refused (fixture, unknown->str, "there is no indicator “children-sen”");

  /* A count indicator's KPI in percentages. */
  g_string_replace (unit, "\"unit\": \"percentage\", \"direction\": \"increase\", \"indicator\": \"parents-working\"",
                    "\"unit\": \"percentage\", \"direction\": \"increase\", \"indicator\": \"children-seen\"", 1);
  assert_refused (fixture, unit->str,
                  "the indicator “children-seen” is measured in count but this KPI in percentage");
}

/* The export writes the indicators back, and they read in again. */
static void
test_export_round_trip (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *json = programme_json (FALSE);
  g_autofree char *exported = g_build_filename (fixture->dir, "exported.json", NULL);
  g_autofree char *again = g_build_filename (fixture->dir, "again.db", NULL);
  g_autofree char *text = NULL;
  g_auto(PmTestRun) run = { 0, };

  import_text (fixture, json);
  g_assert_cmpint (pm_test_cli_status (fixture->dir, "--database", fixture->path,
                                       "--export", exported, NULL), ==, 0);
  text = pm_test_read_text (exported);
  g_assert_nonnull (strstr (text, "\"indicators\""));
  g_assert_nonnull (strstr (text, "\"aggregation\": \"ratio\""));
  g_assert_nonnull (strstr (text, "\"indicator\": \"children-seen\""));

  g_assert_cmpint (pm_test_cli_status (fixture->dir, "--database", again, "--import", exported, NULL), ==, 0);
  run = pm_test_cli_run (fixture->dir, "--database", again, "--list", "--totals", "--period", "FY2016-Q3", NULL);
  g_assert_nonnull (strstr (run.out, "\t212\t"));
  g_assert_nonnull (strstr (run.out, "20.2% (101 of 500)"));
}

/* A copy of the database carries the indicators and the KPIs' references. */
static void
test_copy (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *json = programme_json (FALSE);
  g_autofree char *copy = g_build_filename (fixture->dir, "copy.db", NULL);
  g_auto(PmTestRun) run = { 0, };

  import_text (fixture, json);
  g_assert_cmpint (pm_test_cli_status (fixture->dir, "--database", fixture->path, "--copy-to", copy, NULL), ==, 0);
  run = pm_test_cli_run (fixture->dir, "--database", copy, "--list", "--totals", "--period", "FY2016-Q3", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Children seen\tcount\tFY2016-Q3\t212\t"));
  g_assert_nonnull (strstr (run.out, "20.2% (101 of 500)"));
}

static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-layout", path, "-", NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRegex) spaces = g_regex_new ("\\s+", 0, 0, NULL);
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_regex_replace_literal (spaces, out, -1, 0, " ", 0, NULL);
}

static void
check_printed (Fixture  *fixture,
               gboolean  appendix)
{
  g_autofree char *pdf = g_build_filename (fixture->dir, "printed.pdf", NULL);
  g_autofree char *text = NULL;
  g_auto(PmTestRun) run = { 0, };

  if (appendix)
    run = pm_test_cli_run (fixture->dir, "--database", fixture->path, "--export-appendix",
                           "--period", "FY2016-Q3", "--output", pdf, NULL);
  else
    run = pm_test_cli_run (fixture->dir, "--database", fixture->path, "--export-summary", "all",
                           "--period", "FY2016-Q3", "--output", pdf, NULL);

  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  text = pdf_text (pdf);
  g_assert_nonnull (strstr (text, "Programme totals, Q3 2016/17"));
  g_assert_nonnull (strstr (text, "212"));
  g_assert_nonnull (strstr (text, "20.2% (101 of 500)"));
  g_assert_nonnull (strstr (text, "3 of 4 districts reported"));
  g_assert_nonnull (strstr (text, "Delta not reported"));
}

static void
test_printed (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *json = programme_json (FALSE);
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");

  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext is not installed");
      return;
    }

  import_text (fixture, json);
  check_printed (fixture, TRUE);
  check_printed (fixture, FALSE);
}

/* A one-district summary gives each indicator the district has beside
 * the programme's total, so that the district is read against it. */
static void
test_printed_one_district (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *json = programme_json (FALSE);
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *pdf = g_build_filename (fixture->dir, "bravo.pdf", NULL);
  g_autofree char *text = NULL;

  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext is not installed");
      return;
    }

  import_text (fixture, json);
  {
    g_auto(PmTestRun) run = pm_test_cli_run (fixture->dir, "--database", fixture->path,
                                             "--export-summary", "Bravo", "--period", "FY2016-Q3",
                                             "--output", pdf, NULL);

    g_assert_cmpstr (run.err, ==, "");
    g_assert_cmpint (run.status, ==, 0);
  }
  text = pdf_text (pdf);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "Children seen: Bravo 77. Programme total: 212, 3 of 4 districts reported"));
  g_assert_nonnull (strstr (text, "Parents in work: Bravo 30% (90 of 300). "
                                  "Programme total: 20.2% (101 of 500), 3 of 4 districts reported"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, "programme.db", pm_test_folder_set_up, func, pm_test_folder_tear_down)

  ADD ("/cli/totals/list", test_list_totals);
  ADD ("/cli/totals/every-period", test_list_totals_every_period);
  ADD ("/cli/totals/two-pilots", test_list_totals_two_pilots);
  ADD ("/cli/totals/percentage-without-parts", test_percentage_without_parts);
  ADD ("/cli/totals/import-refusals", test_import_refusals);
  ADD ("/cli/totals/export-round-trip", test_export_round_trip);
  ADD ("/cli/totals/copy", test_copy);
  ADD ("/cli/totals/printed", test_printed);
  ADD ("/cli/totals/printed-one-district", test_printed_one_district);

#undef ADD

  return g_test_run ();
}
