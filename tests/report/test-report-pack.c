/* test-report-pack.c: what the committee pack says, through the real binary
 *
 * Only what was entered is printed, and what was not is said to be
 * missing; the pack names its committee, meeting, title and contact
 * officer; each district says how its quarter's sign-off stands; each
 * pilot's risks and next milestones are printed. Read back with
 * pdftotext, as a reader of the PDF would see it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib/gstdio.h>

#include "store/pm-store.h"

#include "pm-test-common.h"
#include "pdf-text.h"

typedef struct
{
  char *dir;
  char *db;
  char *out;
} Fixture;

/* A programme in which nobody entered anything but KPIs and values:
 * no delivery status, budget, spend, reach or narrative. */
static const char kpis_only[] =
  "{\n"
  "  \"format\": \"pilot-monitor-programme\",\n"
  "  \"version\": 1,\n"
  "  \"programme\": {\n"
  "    \"name\": \"Bare programme\",\n"
  "    \"districts\": [\n"
  "      { \"name\": \"Northfield\", \"pilots\": [\n"
  "        { \"title\": \"Northfield family hub\",\n"
  "          \"kpis\": [\n"
  "            { \"title\": \"Families supported by the hub\", \"unit\": \"count\",\n"
  "              \"direction\": \"increase\", \"measure\": \"cumulative\",\n"
  "              \"baseline\": { \"state\": \"value\", \"value\": 0, \"date\": \"2016-10\" },\n"
  "              \"targets\": [ { \"value\": 40, \"date\": \"2017-09-30\" } ],\n"
  "              \"progress\": [ { \"period\": \"FY2016-Q3\", \"value\": 4 } ] } ] } ] },\n"
  "      { \"name\": \"Southfield\", \"pilots\": [\n"
  "        { \"title\": \"Southfield school cluster\",\n"
  "          \"kpis\": [\n"
  "            { \"title\": \"Pupils attending\", \"unit\": \"percentage\",\n"
  "              \"direction\": \"increase\", \"baseline\": { \"state\": \"none\" } } ] } ] }\n"
  "    ]\n"
  "  }\n"
  "}\n";

/* The same with the period's words, risks and milestones among them. */
static const char with_narrative[] =
  "{\n"
  "  \"format\": \"pilot-monitor-programme\",\n"
  "  \"version\": 1,\n"
  "  \"programme\": {\n"
  "    \"name\": \"Worded programme\",\n"
  "    \"districts\": [\n"
  "      { \"name\": \"Northfield\", \"pilots\": [\n"
  "        { \"title\": \"Northfield family hub\",\n"
  "          \"narratives\": [\n"
  "            { \"period\": \"FY2016-Q3\", \"progress\": \"Hub opened in November.\",\n"
  "              \"risks\": \"Lease renewal undecided beyond March.\",\n"
  "              \"milestones\": \"Second cohort of families from February.\" } ] } ] }\n"
  "    ]\n"
  "  }\n"
  "}\n";

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = pm_test_dir_new ("pm-report-pack");
  fixture->db = pm_test_cli_make_sample (fixture->dir, "pilots.db");
  fixture->out = g_build_filename (fixture->dir, "out.pdf", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  pm_test_clear_dir (&fixture->dir);
  g_free (fixture->db);
  g_free (fixture->out);
}

/* A database made from @json, in the fixture's folder. */
static char *
import_programme (Fixture    *fixture,
                  const char *json,
                  const char *name)
{
  g_autofree char *file = g_strdup_printf ("%s.json", name);
  g_autofree char *json_path = g_build_filename (fixture->dir, file, NULL);
  char *db = g_build_filename (fixture->dir, name, NULL);

  pm_test_write_file (json_path, json, -1);
  g_assert_cmpint (pm_test_cli_status (fixture->dir, "--database", db, "--import", json_path, NULL), ==, 0);

  return db;
}

/* Page @page's words (G_MAXUINT: every page), joined. */
static char *
pdf_page_text (const char *path,
               guint       page)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdfText) text = pdf_text_load (path, &error);
  g_autoptr(GPtrArray) words = NULL;

  g_assert_no_error (error);
  words = pdf_text_select (text, page, 0, 10000, 0, 10000);

  return pdf_words_join (words, NULL);
}

static char *
export_text (Fixture    *fixture,
             const char *db,
             const char *what)
{
  g_auto(PmTestRun) run = { 0, };

  if (g_str_equal (what, "appendix"))
    run = pm_test_cli_run (fixture->dir, "--database", db, "--export-appendix",
                           "--period", "FY2016-Q3", "--output", fixture->out, NULL);
  else
    run = pm_test_cli_run (fixture->dir, "--database", db, "--export-summary", what,
                           "--period", "FY2016-Q3", "--output", fixture->out, NULL);
  g_test_message ("%s", run.err);
  g_assert_cmpint (run.status, ==, 0);

  return pdf_page_text (fixture->out, G_MAXUINT);
}

/* @text with every run of white space one space: a narrow cell breaks
 * its text over lines wherever its width says. */
static char *
squash (const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \n\t", -1);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0')
      g_string_append_printf (out, out->len > 0 ? " %s" : "%s", words[i]);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
assert_says_nothing_invented (const char *text)
{
  g_assert_null (strstr (text, "On track"));
  g_assert_null (strstr (text, "view: on track"));
  g_assert_null (strstr (text, "£0"));
  g_assert_null (strstr (text, "No budget"));
  g_assert_nonnull (strstr (text, "not stated"));
  g_assert_nonnull (strstr (text, "not reported"));
}

static void
test_nothing_entered (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *db = import_programme (fixture, kpis_only, "bare.db");
  g_autofree char *all = export_text (fixture, db, "all");
  g_autofree char *one = export_text (fixture, db, "Northfield");

  assert_says_nothing_invented (all);
  assert_says_nothing_invented (one);
  /* No summary entered: the heading says so rather than stand alone. */
  g_assert_nonnull (strstr (one, "Summary Not stated. Headline KPIs"));
  g_assert_nonnull (strstr (all, "Lead’s view: not stated · KPIs this quarter: 0 G, 0 A, 1 R, 0 not judged"));
  g_assert_nonnull (strstr (all, "Lead’s view: not stated · KPIs this quarter: 0 G, 0 A, 0 R, 1 not judged"));

  /* A one-district summary names the programme's row for what it is
   * ("Whole programme (2 districts), for comparison", over several lines
   * of its narrow cell). */
  g_assert_nonnull (strstr (one, "Whole"));
  g_assert_nonnull (strstr (one, "programme (2"));
  g_assert_nonnull (strstr (one, "comparison"));
  g_assert_null (strstr (one, "Programme total"));
  g_assert_nonnull (strstr (all, "Programme total"));
}

static void
test_sample_says_what_is_missing (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autofree char *text = export_text (fixture, fixture->db, "all");
  g_autofree char *squashed = squash (text);

  /* The lead's view and the KPIs' marks side by side, labelled. */
  g_assert_nonnull (strstr (text, "Lead’s view: on track · KPIs this quarter: 0 G, 0 A, 2 R, 3 not judged"));
  /* No pilot of the sample states a budget; Cannock states no commitment. */
  g_assert_nonnull (strstr (text, "budget not stated"));
  g_assert_nonnull (strstr (text, "committed not reported"));
  g_assert_null (strstr (text, "No budget"));
  g_assert_null (strstr (text, "Committed £0"));
  /* A total of reach says how many pilots its target covers ("201
   * families; target 125 for 1 of 8 pilots that set one", over the lines
   * of its cell). */
  g_assert_nonnull (strstr (squashed, "201 families;"));
  g_assert_nonnull (strstr (squashed, "target 125 for"));
  g_assert_nonnull (strstr (squashed, "1 of 8 pilots"));
  g_assert_nonnull (strstr (squashed, "that set one"));
  g_assert_null (strstr (text, "where set"));
}

static void
assert_pack_settings (const char *path,
                      const char *title)
{
  g_autofree char *first = pdf_page_text (path, 0);
  g_autofree char *all = pdf_page_text (path, G_MAXUINT);
  guint n_pages = pdf_info_n_pages (path);

  g_assert_nonnull (strstr (first, title));
  g_assert_nonnull (strstr (first, "Report to Corporate Review Committee, 19 January 2017 · "
                                   "Contact officer: Jane Smith"));
  g_assert_null (strstr (all, "Printed"));
  for (guint p = 0; p < n_pages; p++)
    {
      g_autofree char *page = pdf_page_text (path, p);

      g_assert_nonnull (strstr (page, "· Corporate Review Committee, 19 January 2017"));
      g_assert_nonnull (strstr (page, "· Produced"));
    }
}

static void
test_settings (Fixture       *fixture,
               gconstpointer  data)
{
  g_auto(PmTestRun) run = { 0, };
  g_autofree char *again = NULL;

  /* For one export only. */
  run = pm_test_cli_run (fixture->dir, "--database", fixture->db, "--export-appendix",
                         "--period", "FY2016-Q3", "--output", fixture->out,
                         "--committee", "Corporate Review Committee", "--meeting-date", "2017-01-19",
                         "--contact-officer", "Jane Smith", NULL);
  g_assert_cmpint (run.status, ==, 0);
  assert_pack_settings (fixture->out, "Appendix A: District Pilots Progress");
  again = export_text (fixture, fixture->db, "appendix");
  g_assert_null (strstr (again, "Corporate Review Committee"));
  pm_test_run_clear (&run);

  /* Kept with the programme for the next pack. */
  run = pm_test_cli_run (fixture->dir, "--database", fixture->db, "--export-summary", "all",
                         "--period", "FY2016-Q3", "--output", fixture->out,
                         "--committee", "Corporate Review Committee", "--meeting-date", "2017-01-19",
                         "--contact-officer", "Jane Smith", "--report-title", "District pilots: Q3 report",
                         "--save-settings", NULL);
  g_assert_cmpint (run.status, ==, 0);
  assert_pack_settings (fixture->out, "District pilots: Q3 report");

  g_clear_pointer (&again, g_free);
  again = export_text (fixture, fixture->db, "appendix");
  assert_pack_settings (fixture->out, "District pilots: Q3 report");
}

static void
test_bad_meeting_date (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GBytes) before = pm_test_read_file (fixture->db);
  g_autofree char *outputs = NULL;
  g_auto(PmTestRun) run = pm_test_cli_run (fixture->dir, "--database", fixture->db, "--export-summary", "all",
                                           "--period", "FY2016-Q3", "--output", fixture->out,
                                           "--committee", "Cabinet", "--meeting-date", "next Tuesday",
                                           "--save-settings", NULL);

  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "--meeting-date"));
  g_assert_nonnull (strstr (run.err, "“next Tuesday” is not a date"));
  g_assert_false (g_file_test (fixture->out, G_FILE_TEST_EXISTS));
  pm_test_assert_file_unchanged (fixture->db, before);
  pm_test_run_clear (&run);

  /* A month is not a meeting's day either; settings need an export. */
  run = pm_test_cli_run (fixture->dir, "--database", fixture->db, "--export-appendix",
                         "--period", "FY2016-Q3", "--output", fixture->out, "--meeting-date", "2017-01", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "“2017-01” is not a date"));
  pm_test_run_clear (&run);

  run = pm_test_cli_run (fixture->dir, "--database", fixture->db, "--list", "--committee", "Cabinet", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "--export-summary or --export-appendix"));
  g_assert_false (g_file_test (fixture->out, G_FILE_TEST_EXISTS));
  pm_test_assert_file_unchanged (fixture->db, before);
}

static void
test_signoff (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PmStore) store = pm_store_open (fixture->db, PM_STORE_OPEN_DEFAULT, &error);
  g_autoptr(PmProgramme) programme = NULL;
  g_autoptr(PmPeriod) q3 = pm_period_new (2016, 3);
  g_autofree char *tamworth = NULL;
  g_autofree char *cannock = NULL;

  g_assert_no_error (error);
  programme = pm_store_load (store, &error);
  g_assert_no_error (error);
  g_assert_true (pm_store_set_signoff (store, pm_programme_find_district (programme, "Tamworth"), q3,
                                       PM_SIGNOFF_SUBMITTED, NULL, &error));
  g_assert_no_error (error);
  pm_store_close (store);

  tamworth = export_text (fixture, fixture->db, "Tamworth");
  g_assert_nonnull (strstr (tamworth, "Tamworth Sign-off of Q3 2016/17: Submitted"));
  cannock = export_text (fixture, fixture->db, "Cannock Chase");
  g_assert_nonnull (strstr (cannock, "Cannock Chase Sign-off of Q3 2016/17: Open"));
}

static void
test_risks_and_milestones (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *db = import_programme (fixture, with_narrative, "worded.db");
  g_autofree char *text = export_text (fixture, db, "all");
  g_autofree char *exported = g_build_filename (fixture->dir, "again.json", NULL);
  g_autofree char *return_path = g_build_filename (fixture->dir, "return.json", NULL);
  g_autofree char *json = NULL;
  g_autofree char *returned = NULL;

  g_assert_nonnull (strstr (text, "Risks and issues Lease renewal undecided beyond March."));
  g_assert_nonnull (strstr (text, "Next milestones Second cohort of families from February."));

  /* Out through the programme file and a return, as entered. */
  g_assert_cmpint (pm_test_cli_status (fixture->dir, "--database", db, "--export", exported, NULL), ==, 0);
  g_assert_true (g_file_get_contents (exported, &json, NULL, NULL));
  g_assert_nonnull (strstr (json, "\"risks\": \"Lease renewal undecided beyond March.\""));
  g_assert_nonnull (strstr (json, "\"milestones\": \"Second cohort of families from February.\""));
  /* Nobody stated the pilot's delivery: the file does not invent it. */
  g_assert_null (strstr (json, "delivery_status"));

  g_assert_cmpint (pm_test_cli_status (fixture->dir, "--database", db, "--export-return", "Northfield",
                                       "--period", "FY2016-Q3", "--output", return_path, NULL), ==, 0);
  g_assert_true (g_file_get_contents (return_path, &returned, NULL, NULL));
  g_assert_nonnull (strstr (returned, "Lease renewal undecided beyond March."));
  g_assert_nonnull (strstr (returned, "Second cohort of families from February."));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/report-pack/nothing-entered", test_nothing_entered);
  ADD ("/report-pack/sample-says-what-is-missing", test_sample_says_what_is_missing);
  ADD ("/report-pack/settings", test_settings);
  ADD ("/report-pack/error/bad-meeting-date", test_bad_meeting_date);
  ADD ("/report-pack/signoff", test_signoff);
  ADD ("/report-pack/risks-and-milestones", test_risks_and_milestones);

#undef ADD

  return g_test_run ();
}
