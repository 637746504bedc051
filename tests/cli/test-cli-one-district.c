/* test-cli-one-district.c: one district's summary, read without the rest
 * of the programme's values
 *
 * --export-summary of one district reads only that district's values
 * and narratives, and of the others what the programme-wide figures of
 * its first page rest on. A programme of three districts whose figures
 * are known by hand: the "Whole programme" row's ratings (a yearly KPI
 * judged on its value of the year before, a quarterly one on the
 * period's value alone) and an indicator's total over the districts must
 * come out as with every value read. A damaged file still fails cleanly.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib.h>

#include "pm-test-common.h"

typedef PmTestFolder Fixture;

/* Increasing from 10 (31 March 2015 or 2016) to 200 (31 March 2017): by
 * the end of FY2016-Q3 the profile is above 100, so 300 and 400 are
 * green and 0 is red whatever the tolerance. */
#define KPI(title, extra, baseline_date, progress) \
  "{ \"title\": \"" title "\", \"unit\": \"count\", \"direction\": \"increase\", " extra \
  "  \"baseline\": { \"state\": \"value\", \"value\": 10, \"date\": \"" baseline_date "\" }," \
  "  \"targets\": [ { \"value\": 200, \"date\": \"2017-03-31\" } ]," \
  "  \"progress\": [ " progress " ] }"

#define VALUE(period, value) "{ \"period\": \"" period "\", \"value\": " value " }"

#define CHILDREN "\"indicator\": \"children-seen\","

/* Ratings at FY2016-Q3:
 *   Alpha:   Children seen 300 green; Visits 0 red.
 *   Bravo:   Children seen 400 green; Visits none this quarter (500 the
 *            one before) grey; Annual survey 0 for 2015/16, the latest
 *            year ended by then, red.
 *   Charlie: Children seen not reported, grey; Visits 500 green.
 * Whole programme: 3 green, 0 amber, 2 red, 2 grey. Children seen:
 * 300 + 400 = 700, 2 of 3 districts reported (not Charlie). */
static const char programme[] =
  "{ \"format\": \"pilot-monitor-programme\", \"version\": 1, \"programme\": {"
  "  \"name\": \"Three districts\", \"indicators\": ["
  "    { \"key\": \"children-seen\", \"name\": \"Children seen\", \"unit\": \"count\","
  "      \"direction\": \"increase\" } ],"
  "  \"districts\": ["
  "  { \"name\": \"Alpha\", \"pilots\": [ { \"title\": \"Alpha hub\","
  "    \"narratives\": [ { \"period\": \"FY2016-Q3\", \"progress\": \"Alpha opened its second room.\" } ],"
  "    \"kpis\": ["
  KPI ("Children seen", CHILDREN, "2016-03-31",
       VALUE ("FY2016-Q2", "150") "," VALUE ("FY2016-Q3", "300")) ","
  KPI ("Visits", "", "2016-03-31", VALUE ("FY2016-Q3", "0"))
  "  ] } ] },"
  "  { \"name\": \"Bravo\", \"pilots\": [ { \"title\": \"Bravo hub\","
  "    \"narratives\": [ { \"period\": \"FY2016-Q3\", \"progress\": \"Bravo moved building.\" } ],"
  "    \"kpis\": ["
  KPI ("Children seen", CHILDREN, "2016-03-31", VALUE ("FY2016-Q3", "400")) ","
  KPI ("Visits", "", "2016-03-31", VALUE ("FY2016-Q1", "0") "," VALUE ("FY2016-Q2", "500")) ","
  KPI ("Annual survey", "\"frequency\": \"yearly\",", "2015-03-31", VALUE ("2015/16", "0"))
  "  ] } ] },"
  "  { \"name\": \"Charlie\", \"pilots\": [ { \"title\": \"Charlie hub\", \"kpis\": ["
  KPI ("Children seen", CHILDREN, "2016-03-31", "") ","
  KPI ("Visits", "", "2016-03-31", VALUE ("FY2016-Q2", "0") "," VALUE ("FY2016-Q3", "500"))
  "  ] } ] } ] } }";

static void
import_programme (Fixture *fixture)
{
  g_autofree char *file = pm_test_write_file_in (fixture->dir, "programme.json", programme);
  g_auto(PmTestRun) run = pm_test_cli_run (fixture->dir, "--database", fixture->path,
                                           "--import", file, NULL);

  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
}

/* The PDF's text in reading order, every run of white space one space. */
static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", path, "-", NULL };
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
assert_has (const char *text,
            const char *wanted)
{
  if (strstr (text, wanted) == NULL)
    g_error ("expected “%s” in: %s", wanted, text);
}

static void
test_programme_figures (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *pdf = g_build_filename (fixture->dir, "alpha.pdf", NULL);
  g_autofree char *text = NULL;

  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext is not installed");
      return;
    }

  import_programme (fixture);
  {
    /* Named as a person might type it. */
    g_auto(PmTestRun) run = pm_test_cli_run (fixture->dir, "--database", fixture->path,
                                             "--export-summary", "alpha", "--period", "FY2016-Q3",
                                             "--output", pdf, NULL);

    g_assert_cmpstr (run.err, ==, "");
    g_assert_cmpint (run.status, ==, 0);
  }

  text = pdf_text (pdf);
  g_test_message ("%s", text);
  /* Alpha's row, then the programme's: green, amber, red, grey (the
   * label of the programme's row is read after its figures). */
  assert_has (text, "Alpha Not stated 1 0 1 0 ");
  assert_has (text, " not stated 3 0 2 2 ");
  assert_has (text, "Whole programme (3 districts), for comparison");
  assert_has (text, "Children seen: Alpha 300. Programme total: 700, 2 of 3 districts reported");
  /* Alpha's own section, values and narrative. */
  assert_has (text, "Alpha opened its second room.");
  g_assert_null (strstr (text, "Bravo moved building."));
  g_assert_null (strstr (text, "Annual survey"));
}

/* A file damaged where the summary reads is refused with the same words
 * as at any open, no PDF is written, and the file is left alone. */
static void
test_damaged (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (fixture->dir, "alpha.pdf", NULL);
  g_autoptr(GBytes) whole = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autofree guint8 *damaged = NULL;
  gsize size;
  g_auto(PmTestRun) run = { 0, };

  import_programme (fixture);
  whole = pm_test_read_file (fixture->path);
  size = g_bytes_get_size (whole);
  damaged = g_memdup2 (g_bytes_get_data (whole, NULL), size);
  /* Scribble over the b-tree header of the second page (the first table). */
  memset (damaged + 4096, 0x7f, 16);
  pm_test_write_file (fixture->path, damaged, size);
  before = pm_test_read_file (fixture->path);

  run = pm_test_cli_run (fixture->dir, "--database", fixture->path,
                         "--export-summary", "Alpha", "--period", "FY2016-Q3",
                         "--output", pdf, NULL);
  g_assert_cmpint (run.status, !=, 0);
  assert_has (run.err, "is damaged and cannot be used safely");
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  pm_test_assert_file_unchanged (fixture->path, before);
}

/* A district the programme does not have is named as before, with the
 * districts it has. */
static void
test_unknown_district (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (fixture->dir, "zulu.pdf", NULL);
  g_auto(PmTestRun) run = { 0, };

  import_programme (fixture);
  run = pm_test_cli_run (fixture->dir, "--database", fixture->path,
                         "--export-summary", "Zulu", "--period", "FY2016-Q3",
                         "--output", pdf, NULL);
  g_assert_cmpint (run.status, !=, 0);
  assert_has (run.err, "There is no district “Zulu” in the programme. Give one of: Alpha, Bravo, Charlie");
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, "programme.db", pm_test_folder_set_up, func, pm_test_folder_tear_down)

  ADD ("/cli/one-district/programme-figures", test_programme_figures);
  ADD ("/cli/one-district/damaged", test_damaged);
  ADD ("/cli/one-district/unknown-district", test_unknown_district);

#undef ADD

  return g_test_run ();
}
