/* test-report-cli.c: printing from the command line, with no display
 *
 * Runs the real pilot-monitor as a user would, on a database made with
 * --sample, and reads the PDFs back with poppler's tools.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "pm-appendix-report.h"
#include "pm-summary-report.h"
#include "store/pm-store.h"

#include "pm-test-common.h"
#include "report-checks.h"

typedef struct
{
  char *dir;
  char *db;
  char *out;
} Fixture;

static GPtrArray *reference;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = pm_test_dir_new ("pm-report-cli");
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

/* The files in the fixture's folder other than the database's own. */
static char *
list_outputs (Fixture *fixture)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    if (!g_str_has_prefix (name, "pilots.db"))
      g_ptr_array_add (names, g_strdup (name));

  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  g_ptr_array_add (names, NULL);

  return g_strjoinv (",", (char **) names->pdata);
}

/* How many pages the library lays the same document out on. */
static guint
library_n_pages (Fixture    *fixture,
                 const char *district,
                 gboolean    appendix)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PmStore) store = pm_store_open (fixture->db, PM_STORE_OPEN_READ_ONLY, &error);
  g_autoptr(PmProgramme) programme = NULL;
  g_autoptr(PmPeriod) period = pm_period_new (2016, 3);
  g_autoptr(PmReport) report = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "library.pdf", NULL);

  g_assert_no_error (error);
  programme = pm_store_load (store, &error);
  g_assert_no_error (error);

  if (appendix)
    report = pm_appendix_report_new (programme, period);
  else
    report = pm_summary_report_new (programme, period,
                                    district != NULL ? pm_programme_find_district (programme, district) : NULL);

  g_assert_true (pm_report_export_pdf (report, path, &error));
  g_assert_no_error (error);
  g_remove (path);

  return pm_report_get_n_pages (report);
}

static void
assert_written (Fixture *fixture)
{
  struct stat info;
  g_autofree char *outputs = list_outputs (fixture);

  /* Only the PDF: no temporary file left beside it. */
  g_assert_cmpstr (outputs, ==, "out.pdf");
  g_assert_cmpint (g_stat (fixture->out, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);
}

static void
assert_nothing_written (Fixture *fixture)
{
  g_autofree char *outputs = list_outputs (fixture);

  g_assert_cmpstr (outputs, ==, "");
}

static void
test_summary_all (Fixture       *fixture,
                  gconstpointer  data)
{
  g_auto(PmTestRun) run = pm_test_cli_run (fixture->dir, "--database", fixture->db, "--export-summary", "all",
                                           "--period", "FY2016-Q3", "--output", fixture->out, NULL);

  g_assert_cmpint (run.status, ==, 0);
  g_assert_null (strstr (run.err, "pilot-monitor:"));  /* no complaint */
  assert_written (fixture);

  g_assert_cmpuint (pdf_info_n_pages (fixture->out), ==, library_n_pages (fixture, NULL, FALSE));
  check_summary_pdf (fixture->out, reference, NULL);
}

/* A pilot that counts children prints children, with thousands grouped:
 * Cannock Chase's WCFC given 1,285 children and CESS 2. */
static void
test_reach_unit (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *sample = pm_test_read_text (g_getenv ("PM_SAMPLE_PROGRAMME"));
  g_autofree char *json = g_build_filename (fixture->dir, "children.json", NULL);
  g_autofree char *db = g_build_filename (fixture->dir, "children.db", NULL);
  g_autoptr(GString) edited = g_string_new (sample);
  g_autoptr(GError) error = NULL;
  g_autoptr(PdfText) text = NULL;
  g_autoptr(GPtrArray) words = NULL;
  g_autofree char *joined = NULL;
  g_auto(PmTestRun) create = { 0 };
  g_auto(PmTestRun) run = { 0 };

  g_assert_cmpuint (g_string_replace (edited, "\"funding\": \"District pilot fund (two key workers",
                                      "\"reach_unit\": \"children\", \"funding\": \"District pilot fund (two key workers",
                                      1), ==, 1);
  g_assert_cmpuint (g_string_replace (edited, "\"families\": 5\n", "\"families\": 1285\n", 1), ==, 1);
  g_assert_true (g_file_set_contents (json, edited->str, -1, NULL));
  create = pm_test_cli_run (fixture->dir, "--database", db, "--import", json, NULL);
  g_assert_cmpint (create.status, ==, 0);

  run = pm_test_cli_run (fixture->dir, "--database", db, "--export-summary", "Cannock Chase",
                         "--period", "FY2016-Q3", "--output", fixture->out, NULL);
  g_assert_cmpint (run.status, ==, 0);

  text = pdf_text_load (fixture->out, &error);
  g_assert_no_error (error);
  words = pdf_text_select (text, G_MAXUINT, 0, G_MAXDOUBLE, 0, G_MAXDOUBLE);
  joined = pdf_words_join (words, NULL);
  g_assert_nonnull (strstr (joined, "Children reached against the target"));
  g_assert_nonnull (strstr (joined, "1,287 of 125 children (1030%) by the end of Q3 2016/17."));
  g_assert_nonnull (strstr (joined, "WCFC: 1,285 of 75 children"));
  g_assert_null (strstr (joined, "Families reached"));
  g_assert_null (strstr (joined, "1287"));
}

static void
test_summary_district (Fixture       *fixture,
                       gconstpointer  data)
{
  /* Named as a person might type it. */
  g_auto(PmTestRun) run = pm_test_cli_run (fixture->dir, "--database", fixture->db, "--export-summary", "newcastle-UNDER-lyme",
                                           "--period", "FY2016-Q3", "--output", fixture->out, NULL);

  g_assert_cmpint (run.status, ==, 0);
  assert_written (fixture);

  g_assert_cmpuint (pdf_info_n_pages (fixture->out), ==,
                    library_n_pages (fixture, "Newcastle-under-Lyme", FALSE));
  check_summary_pdf (fixture->out, reference, "Newcastle-under-Lyme");
}

/* The districts follow one another; each starts a page only when asked. */
static void
test_district_per_page (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *apart = g_build_filename (fixture->dir, "apart.pdf", NULL);
  g_auto(PmTestRun) run = pm_test_cli_run (fixture->dir, "--database", fixture->db, "--export-summary", "all",
                                           "--period", "FY2016-Q3", "--output", fixture->out, NULL);
  g_auto(PmTestRun) run_apart = pm_test_cli_run (fixture->dir, "--database", fixture->db, "--export-summary", "all",
                                                 "--district-per-page", "--period", "FY2016-Q3",
                                                 "--output", apart, NULL);
  g_autoptr(PdfText) flowing = NULL;
  g_autoptr(PdfText) separate = NULL;
  g_autoptr(GPtrArray) flowing_headings = NULL;
  g_autoptr(GPtrArray) separate_headings = NULL;
  gboolean shared = FALSE;

  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpint (run_apart.status, ==, 0);
  flowing = pdf_text_load (fixture->out, NULL);
  separate = pdf_text_load (apart, NULL);
  flowing_headings = summary_headings (flowing);
  separate_headings = summary_headings (separate);
  g_assert_cmpuint (flowing_headings->len, ==, 8);
  g_assert_cmpuint (separate_headings->len, ==, 8);

  /* Apart: each district's heading at the top of a page of its own. */
  for (guint i = 0; i < separate_headings->len; i++)
    {
      SummaryHeading *heading = g_ptr_array_index (separate_headings, i);

      g_assert_cmpfloat (heading->y, <, 100);
      if (i > 0)
        g_assert_cmpuint (heading->page, >, ((SummaryHeading *) g_ptr_array_index (separate_headings, i - 1))->page);
    }

  /* Together: some page holds the end of one and the start of the next. */
  for (guint i = 0; i < flowing_headings->len; i++)
    if (((SummaryHeading *) g_ptr_array_index (flowing_headings, i))->y > 100)
      shared = TRUE;
  g_assert_true (shared);
  g_assert_cmpuint (flowing->n_pages, <, separate->n_pages);
  check_summary_pdf (apart, reference, NULL);
}

static void
test_appendix (Fixture       *fixture,
               gconstpointer  data)
{
  g_auto(PmTestRun) run = pm_test_cli_run (fixture->dir, "--database", fixture->db, "--export-appendix",
                                           "--period", "FY2016-Q3", "--output", fixture->out, NULL);

  g_assert_cmpint (run.status, ==, 0);
  assert_written (fixture);

  g_assert_cmpuint (pdf_info_n_pages (fixture->out), ==, library_n_pages (fixture, NULL, TRUE));
  check_appendix_pdf (fixture->out, reference);
}

static void
test_unknown_district (Fixture       *fixture,
                       gconstpointer  data)
{
  g_auto(PmTestRun) run = pm_test_cli_run (fixture->dir, "--database", fixture->db, "--export-summary", "Atlantis",
                                           "--period", "FY2016-Q3", "--output", fixture->out, NULL);

  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "“Atlantis”"));
  g_assert_nonnull (strstr (run.err, "Tamworth"));  /* the districts there are */
  assert_nothing_written (fixture);
}

static void
test_bad_period (Fixture       *fixture,
                 gconstpointer  data)
{
  g_auto(PmTestRun) run = pm_test_cli_run (fixture->dir, "--database", fixture->db, "--export-appendix",
                                           "--period", "FY2016-Q5", "--output", fixture->out, NULL);

  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "FY2016-Q5"));
  assert_nothing_written (fixture);
}

static void
test_missing_database (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (fixture->dir, "nowhere.db", NULL);
  g_auto(PmTestRun) run = pm_test_cli_run (fixture->dir, "--database", missing, "--export-summary", "all",
                                           "--period", "FY2016-Q3", "--output", fixture->out, NULL);

  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "nowhere.db"));
  assert_nothing_written (fixture);
}

/* Each a usage error (status 2) that writes nothing. */
static void
test_usage (Fixture       *fixture,
            gconstpointer  data)
{
  const char *db = fixture->db;
  const char *out = fixture->out;
  struct {
    const char *args[10];
    const char *says;
  } cases[] = {
    { { "--database", db, "--export-summary", "all", "--output", out, NULL }, "--period" },
    { { "--database", db, "--export-summary", "all", "--period", "FY2016-Q3", NULL }, "--output" },
    { { "--database", db, "--export-appendix", "--export-summary", "all", "--period", "FY2016-Q3",
        "--output", out, NULL }, "only one" },
    { { "--database", db, "--period", "FY2016-Q3", "--output", out, NULL }, "--export-summary" },
    { { "--database", db, "--export-summary", "", "--period", "FY2016-Q3", "--output", out, NULL },
      "district" },
    { { "--database", db, "--export-appendix", "--district-per-page", "--period", "FY2016-Q3",
        "--output", out, NULL }, "--district-per-page goes with --export-summary" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(PmTestRun) run = pm_test_cli_runv (fixture->dir, NULL, cases[i].args);

      g_test_message ("case %u: %s", i, run.err);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_nonnull (strstr (run.err, cases[i].says));
      assert_nothing_written (fixture);
    }
}

/* A failed export leaves a file already there exactly as it was. */
static void
test_keeps_existing (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *contents = NULL;
  g_auto(PmTestRun) run = { 0, };

  pm_test_write_file (fixture->out, "the last committee's copy", -1);

  run = pm_test_cli_run (fixture->dir, "--database", fixture->db, "--export-summary", "Atlantis",
                         "--period", "FY2016-Q3", "--output", fixture->out, NULL);
  g_assert_cmpint (run.status, ==, 1);

  contents = pm_test_read_text (fixture->out);
  g_assert_cmpstr (contents, ==, "the last committee's copy");
}

static void
test_unwritable (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *nowhere = g_build_filename (fixture->dir, "no-such-folder", "out.pdf", NULL);
  g_auto(PmTestRun) run = pm_test_cli_run (fixture->dir, "--database", fixture->db, "--export-appendix",
                                           "--period", "FY2016-Q3", "--output", nowhere, NULL);

  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "no-such-folder"));
  assert_nothing_written (fixture);
}

/* The text of each section of a summary PDF, keyed by its running header
 * (the district, or "Programme summary"). */
static GHashTable *
section_texts (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdfText) text = pdf_text_load (path, &error);

  g_assert_no_error (error);

  return summary_texts (text);
}

/* The office prints the pack and freezes the round; a later change to a
 * frozen quarter is listed in the next pack, in its district only. */
static void
test_committee_round (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *csv = g_build_filename (fixture->dir, "late.csv", NULL);
  g_autofree char *next = g_build_filename (fixture->dir, "next.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) texts = NULL;
  g_autoptr(PmStore) store = NULL;
  g_autofree char *reported_on = NULL;
  g_autoptr(PmPeriod) frozen = NULL;
  g_autofree char *code = NULL;
  const char *cannock;
  g_auto(PmTestRun) first = { 0, };
  g_auto(PmTestRun) import = { 0, };
  g_auto(PmTestRun) second = { 0, };

  first = pm_test_cli_run (fixture->dir, "--database", fixture->db, "--export-summary", "all", "--period", "FY2016-Q3",
                           "--output", fixture->out, "--freeze-round", "2017-01-12", "--author", "Programme Office",
                           NULL);
  g_assert_cmpint (first.status, ==, 0);
  g_assert_nonnull (strstr (first.out, "12 January 2017"));
  assert_written (fixture);
  texts = section_texts (fixture->out);
  g_assert_null (strstr (g_hash_table_lookup (texts, "Cannock Chase"), "Restated"));
  g_clear_pointer (&texts, g_hash_table_unref);

  store = pm_store_open (fixture->db, PM_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (pm_store_get_latest_round (store, &reported_on, &frozen, &error));
  g_assert_cmpstr (reported_on, ==, "2017-01-12");
  code = pm_period_to_code (frozen);
  g_assert_cmpstr (code, ==, "FY2016-Q3");
  pm_store_close (store);

  /* Cannock Chase's WCFC families, reported as 5. */
  g_file_set_contents (csv,
                       "district,pilot,kpi,period,value,note\n"
                       "Cannock Chase,Chadsmoor & Western Springs Community Family Intervention Service,"
                       "\"WCFC to work with 75 families not supported by any other agency, within 12 months\","
                       "FY2016-Q3,6,One December referral was counted late\n",
                       -1, &error);
  g_assert_no_error (error);
  import = pm_test_cli_run (fixture->dir, "--database", fixture->db, "--import-csv", csv, NULL);
  g_assert_cmpint (import.status, ==, 0);

  second = pm_test_cli_run (fixture->dir, "--database", fixture->db, "--export-summary", "all", "--period", "FY2016-Q3",
                            "--output", next, NULL);
  g_assert_cmpint (second.status, ==, 0);
  texts = section_texts (next);
  cannock = g_hash_table_lookup (texts, "Cannock Chase");
  g_assert_nonnull (cannock);
  g_test_message ("%s", cannock);
  g_assert_nonnull (strstr (cannock, "Restated since the committee’s report of 12 January 2017"));
  g_assert_nonnull (strstr (cannock, "Q3 2016/17 5 6 One December referral was"));
  g_assert_nonnull (strstr (cannock, "counted late"));
  g_assert_nonnull (strstr (g_hash_table_lookup (texts, "Programme summary"),
                            "1 value has been restated since the committee’s report of 12 January 2017"));
  g_assert_null (strstr (g_hash_table_lookup (texts, "Tamworth"), "Restated"));
  g_assert_null (strstr (g_hash_table_lookup (texts, "Stafford"), "Restated"));
}

/* A pack that was not written freezes nothing; bad dates and misplaced
 * options are refused. */
static void
test_committee_round_errors (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *nowhere = g_build_filename (fixture->dir, "no-such-folder", "out.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PmStore) store = NULL;
  g_auto(PmTestRun) unwritten = { 0, };
  g_auto(PmTestRun) bad_date = { 0, };
  g_auto(PmTestRun) no_period = { 0, };
  g_auto(PmTestRun) with_csv = { 0, };

  unwritten = pm_test_cli_run (fixture->dir, "--database", fixture->db, "--export-summary", "all", "--period", "FY2016-Q3",
                               "--output", nowhere, "--freeze-round", "2017-01-12", NULL);
  g_assert_cmpint (unwritten.status, ==, 1);

  bad_date = pm_test_cli_run (fixture->dir, "--database", fixture->db, "--period", "FY2016-Q3", "--freeze-round", "12/01/2017", NULL);
  g_assert_cmpint (bad_date.status, ==, 1);
  g_assert_nonnull (strstr (bad_date.err, "YYYY-MM-DD"));

  no_period = pm_test_cli_run (fixture->dir, "--database", fixture->db, "--freeze-round", "2017-01-12", NULL);
  g_assert_cmpint (no_period.status, ==, 2);
  g_assert_nonnull (strstr (no_period.err, "--period"));

  with_csv = pm_test_cli_run (fixture->dir, "--database", fixture->db, "--export-csv", "--period", "FY2016-Q3",
                              "--output", fixture->out, "--freeze-round", "2017-01-12", NULL);
  g_assert_cmpint (with_csv.status, ==, 2);
  g_assert_nonnull (strstr (with_csv.err, "--freeze-round"));
  assert_nothing_written (fixture);

  store = pm_store_open (fixture->db, PM_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_false (pm_store_get_latest_round (store, NULL, NULL, &error));
  g_assert_no_error (error);
  pm_store_close (store);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  reference = reference_load ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/report-cli/summary/all", test_summary_all);
  ADD ("/report-cli/summary/district", test_summary_district);
  ADD ("/report-cli/summary/district-per-page", test_district_per_page);
  ADD ("/report-cli/appendix", test_appendix);
  ADD ("/report-cli/error/unknown-district", test_unknown_district);
  ADD ("/report-cli/error/bad-period", test_bad_period);
  ADD ("/report-cli/error/missing-database", test_missing_database);
  ADD ("/report-cli/error/usage", test_usage);
  ADD ("/report-cli/error/keeps-existing-file", test_keeps_existing);
  ADD ("/report-cli/error/unwritable-folder", test_unwritable);
  ADD ("/report-cli/committee-round", test_committee_round);
  ADD ("/report-cli/reach-unit", test_reach_unit);
  ADD ("/report-cli/error/committee-round", test_committee_round_errors);

#undef ADD

  status = g_test_run ();
  g_ptr_array_unref (reference);

  return status;
}
