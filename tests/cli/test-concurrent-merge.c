/* test-concurrent-merge.c: two merges at once, in two processes
 *
 * A large --import-csv is started with PM_TEST_PAUSE_AFTER_REVIEW: it
 * reads and checks its file, creates the marker file and waits. While it
 * waits, a second process imports a small CSV file (or the paused one is
 * a return) touching the same KPIs and commits. Then the marker is
 * removed and the first goes on to write. Whichever commits second must
 * not overwrite what the first wrote unseen: it fails, saying the value
 * changed since it was reviewed, and writes nothing; run again, its
 * review sees the other's values and its counts say so. Run on a file and
 * on the PostgreSQL test server, with the real binary.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>
#include <gio/gio.h>

#include "pg-test-util.h"
#include "pm-test-common.h"

#define CANNOCK "Cannock Chase"
#define CANNOCK_PILOT "Chadsmoor & Western Springs Community Family Intervention Service"
#define WCFC_KPI "WCFC to work with 75 families not supported by any other agency, within 12 months"
#define CESS_KPI "CESS to work with 50 families not supported by any other agency, within 12 months"
#define CSV_HEADER "district,pilot,kpi,period,value,note\r\n"
#define WCFC_ROW CANNOCK "," CANNOCK_PILOT ",\"" WCFC_KPI "\","
#define CESS_ROW CANNOCK "," CANNOCK_PILOT ",\"" CESS_KPI "\","

#define CHANGED_SINCE_REVIEW "changed by someone else since you reviewed it; review again"

/* The quarters the large file fills for every KPI. */
#define FIRST_YEAR 2017
#define N_YEARS 10

typedef enum { ENGINE_FILE, ENGINE_SERVER } Engine;

typedef struct
{
  char *dir;
  char *location;   /* the file, or the server database */
  char *uri;        /* the server database, to drop; NULL on a file */
  char *marker;
  guint n_copies;
} Fixture;

/* A process that stops between its review and its write, until
 * finish_paused(). */
typedef struct
{
  GSubprocess *process;
  char        *out_path;
  char        *err_path;
  gboolean     exited;
} Paused;

static void
paused_exited_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      data)
{
  Paused *paused = data;

  g_subprocess_wait_finish (G_SUBPROCESS (object), result, NULL);
  paused->exited = TRUE;
}

static Paused *
start_paused (Fixture    *fixture,
              const char *first,
              ...)
{
  g_autoptr(GSubprocessLauncher) launcher = pm_test_cli_launcher_new (fixture->dir, NULL,
                                                                      G_SUBPROCESS_FLAGS_NONE);
  g_autoptr(GPtrArray) argv = NULL;
  g_autoptr(GError) error = NULL;
  Paused *paused = g_new0 (Paused, 1);
  gint64 deadline;
  va_list ap;

  va_start (ap, first);
  argv = pm_test_cli_argv_va (first, ap);
  va_end (ap);

  paused->out_path = g_build_filename (fixture->dir, "paused.out", NULL);
  paused->err_path = g_build_filename (fixture->dir, "paused.err", NULL);
  g_subprocess_launcher_setenv (launcher, "PM_TEST_PAUSE_AFTER_REVIEW", fixture->marker, TRUE);
  g_subprocess_launcher_set_stdout_file_path (launcher, paused->out_path);
  g_subprocess_launcher_set_stderr_file_path (launcher, paused->err_path);
  paused->process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_wait_async (paused->process, NULL, paused_exited_cb, paused);

  /* Reviewed, and waiting: or it did not stop, and has written already. */
  deadline = g_get_monotonic_time () + 120 * G_TIME_SPAN_SECOND;
  while (!g_file_test (fixture->marker, G_FILE_TEST_EXISTS) && !paused->exited &&
         g_get_monotonic_time () < deadline)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (10 * G_TIME_SPAN_MILLISECOND);
    }
  g_assert_false (paused->exited);
  g_assert_true (g_file_test (fixture->marker, G_FILE_TEST_EXISTS));

  return paused;
}

static PmTestRun
finish_paused (Fixture *fixture,
               Paused  *paused)
{
  PmTestRun run = { 0, NULL, NULL };

  g_assert_cmpint (g_remove (fixture->marker), ==, 0);
  while (!paused->exited)
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (g_subprocess_get_if_exited (paused->process));
  run.status = g_subprocess_get_exit_status (paused->process);
  run.out = pm_test_read_text (paused->out_path);
  run.err = pm_test_read_text (paused->err_path);
  g_test_message ("paused: %d\n%s%s", run.status, run.out, run.err);

  g_object_unref (paused->process);
  g_free (paused->out_path);
  g_free (paused->err_path);
  g_free (paused);
  return run;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sample = NULL;
  g_auto(PmTestRun) copy = { 0, };

  fixture->dir = pm_test_dir_new ("pm-merge");
  fixture->marker = g_build_filename (fixture->dir, "reviewed", NULL);

  if (GPOINTER_TO_INT (data) == ENGINE_FILE)
    {
      fixture->location = pm_test_cli_make_sample (fixture->dir, "sample.db");
      return;
    }

  if (!pg_test_available ())
    return;

  fixture->uri = pg_test_create_database ("pm_cli_merge", &error);
  g_assert_no_error (error);
  sample = pm_test_cli_make_sample (fixture->dir, "sample.db");
  copy = pm_test_cli_run (fixture->dir, "--database", sample, "--copy-to", fixture->uri, NULL);
  g_assert_cmpint (copy.status, ==, 0);
  fixture->location = g_strdup (fixture->uri);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  if (fixture->uri != NULL)
    {
      g_assert_true (pg_test_drop_database (fixture->uri, &error));
      g_assert_no_error (error);
    }
  pm_test_clear_dir (&fixture->dir);
  g_free (fixture->location);
  g_free (fixture->uri);
  g_free (fixture->marker);
}

static gboolean
skip_without_database (Fixture *fixture)
{
  if (fixture->location != NULL)
    return FALSE;

  g_test_skip ("no PostgreSQL test server (PM_TEST_PG_URI)");
  return TRUE;
}

static void
append_csv_field (GString    *out,
                  const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append (out, "\",");
}

/* Every KPI of the programme (as --list gives them) for every quarter of
 * N_YEARS years, each value 1, which every unit of the sample takes; then
 * @extra. */
static char *
write_large_csv (Fixture    *fixture,
                 const char *extra,
                 guint      *n_rows)
{
  g_auto(PmTestRun) list = pm_test_cli_run (fixture->dir, "--database", fixture->location, "--list", NULL);
  g_autoptr(GString) csv = g_string_new (CSV_HEADER);
  g_auto(GStrv) lines = NULL;

  g_assert_cmpint (list.status, ==, 0);
  lines = g_strsplit (list.out, "\n", -1);
  *n_rows = 0;

  g_string_append (csv, extra);
  for (const char *p = extra; *p != '\0'; p++)
    *n_rows += *p == '\n';

  for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", -1);

      g_assert_cmpuint (g_strv_length (fields), ==, 10);
      for (int year = FIRST_YEAR; year < FIRST_YEAR + N_YEARS; year++)
        for (int quarter = 1; quarter <= 4; quarter++)
          {
            append_csv_field (csv, fields[0]);
            append_csv_field (csv, fields[1]);
            append_csv_field (csv, fields[2]);
            g_string_append_printf (csv, "FY%d-Q%d,1,\r\n", year, quarter);
            (*n_rows)++;
          }
    }

  return pm_test_write_file_in (fixture->dir, "large.csv", csv->str);
}

/* The --list line of WCFC: its latest period and value at the end. */
static char *
wcfc_line (Fixture *fixture)
{
  g_auto(PmTestRun) list = pm_test_cli_run (fixture->dir, "--database", fixture->location, "--list", NULL);
  g_auto(GStrv) lines = NULL;

  g_assert_cmpint (list.status, ==, 0);
  lines = g_strsplit (list.out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (strstr (lines[i], "\t" WCFC_KPI "\t") != NULL)
      return g_strdup (lines[i]);

  g_assert_not_reached ();
}

/* How many quarterly values the database holds, counted in a copy. */
static guint
count_values (Fixture *fixture)
{
  g_autofree char *name = g_strdup_printf ("count-%u.db", fixture->n_copies++);
  g_autofree char *copy = g_build_filename (fixture->dir, name, NULL);
  g_auto(PmTestRun) run = pm_test_cli_run (fixture->dir, "--database", fixture->location, "--copy-to", copy, NULL);
  const char *at;

  g_assert_cmpint (run.status, ==, 0);
  at = strstr (run.out, " KPIs, ");
  g_assert_nonnull (at);
  return (guint) g_ascii_strtoull (at + strlen (" KPIs, "), NULL, 10);
}

/* A large import reviews (WCFC has no value for Q4, 5 for Q3); a small
 * one saves 20 for WCFC in Q4 and 6 in Q3 meanwhile. The large one then
 * finds WCFC changed and saves nothing; run again, it counts WCFC's two
 * values as changed, not new, and saves exactly what it says. */
static void
test_csv_then_csv (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *large = NULL;
  g_autofree char *small = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *wcfc_before = NULL;
  g_autofree char *wcfc_after = NULL;
  g_autofree char *wcfc_final = NULL;
  g_auto(PmTestRun) first = { 0, };
  g_auto(PmTestRun) second = { 0, };
  g_auto(PmTestRun) again = { 0, };
  Paused *paused;
  guint n_rows, n_before, n_between, n_after;

  if (skip_without_database (fixture))
    return;

  large = write_large_csv (fixture,
                           WCFC_ROW "FY2016-Q4,10,From the large file\r\n"
                           WCFC_ROW "FY2016-Q3,7,\r\n",
                           &n_rows);
  small = pm_test_write_file_in (fixture->dir, "small.csv",
                                 CSV_HEADER
                                 WCFC_ROW "FY2016-Q4,20,From the small file\r\n"
                                 WCFC_ROW "FY2016-Q3,6,\r\n"
                                 CESS_ROW "FY2016-Q4,4,\r\n");
  g_assert_cmpuint (n_rows, >, 2000);
  n_before = count_values (fixture);

  paused = start_paused (fixture, "--database", fixture->location, "--import-csv", large, NULL);

  second = pm_test_cli_run (fixture->dir, "--database", fixture->location, "--import-csv", small, NULL);
  g_assert_cmpint (second.status, ==, 0);
  g_assert_cmpstr (second.out, ==, "Saved 3 values (2 new, 1 changed); 0 unchanged, 0 refused.\n");
  wcfc_before = wcfc_line (fixture);
  g_assert_true (g_str_has_suffix (wcfc_before, "\tFY2016-Q4\t20"));
  n_between = count_values (fixture);
  g_assert_cmpuint (n_between, ==, n_before + 2);

  /* The large file's review is out of date: it says so and saves nothing. */
  first = finish_paused (fixture, paused);
  g_assert_cmpint (first.status, ==, 1);
  g_assert_cmpstr (first.out, ==, "");
  g_assert_nonnull (strstr (first.err, CHANGED_SINCE_REVIEW));
  g_assert_nonnull (strstr (first.err, "“" WCFC_KPI "” (Cannock Chase) for Q4 2016/17"));
  wcfc_after = wcfc_line (fixture);
  g_assert_cmpstr (wcfc_after, ==, wcfc_before);
  g_assert_cmpuint (count_values (fixture), ==, n_between);

  /* Reviewed again, WCFC's values are the small file's, to be changed. */
  again = pm_test_cli_run (fixture->dir, "--database", fixture->location, "--import-csv", large, NULL);
  g_assert_cmpint (again.status, ==, 0);
  expected = g_strdup_printf ("Saved %u values (%u new, 2 changed); 0 unchanged, 0 refused.\n",
                              n_rows, n_rows - 2);
  g_assert_cmpstr (again.out, ==, expected);
  n_after = count_values (fixture);
  g_assert_cmpuint (n_after, ==, n_between + n_rows - 2);
  wcfc_final = wcfc_line (fixture);
  g_assert_true (g_str_has_suffix (wcfc_final, "\tFY2026-Q4\t1"));
}

/* The small import reviews first and finds a value it would leave as it
 * is (CESS in Q3, 2) and one to change; the large import changes both
 * meanwhile. The small one then fails too: what it called unchanged is
 * not. */
static void
test_unchanged_row_changed (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *large = NULL;
  g_autofree char *small = NULL;
  g_auto(PmTestRun) first = { 0, };
  g_auto(PmTestRun) second = { 0, };
  g_auto(PmTestRun) again = { 0, };
  Paused *paused;
  guint n_rows;

  if (skip_without_database (fixture))
    return;

  large = write_large_csv (fixture, CESS_ROW "FY2016-Q3,3,\r\n", &n_rows);
  small = pm_test_write_file_in (fixture->dir, "small.csv",
                                 CSV_HEADER
                                 CESS_ROW "FY2016-Q3,2,\r\n"
                                 WCFC_ROW "FY2017-Q1,30,\r\n");

  paused = start_paused (fixture, "--database", fixture->location, "--import-csv", small, NULL);

  second = pm_test_cli_run (fixture->dir, "--database", fixture->location, "--import-csv", large, NULL);
  g_assert_cmpint (second.status, ==, 0);

  first = finish_paused (fixture, paused);
  g_assert_cmpint (first.status, ==, 1);
  g_assert_nonnull (strstr (first.err, CHANGED_SINCE_REVIEW));
  g_assert_nonnull (strstr (first.err, "“" CESS_KPI "” (Cannock Chase) for Q3 2016/17"));

  /* The large file's 1 for WCFC in FY2017-Q1 stands. */
  again = pm_test_cli_run (fixture->dir, "--database", fixture->location, "--import-csv", small, NULL);
  g_assert_cmpint (again.status, ==, 0);
  g_assert_cmpstr (again.out, ==, "Saved 2 values (0 new, 2 changed); 0 unchanged, 0 refused.\n");
}

/* The office reviews a lead's return (WCFC in Q4: new) and meanwhile a
 * CSV import saves 8 there: the return fails and 8 stands. Merged again,
 * the value is a conflict with the office's, and kept. */
static void
test_return_then_csv (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *lead = g_build_filename (fixture->dir, "lead.db", NULL);
  g_autofree char *ret = g_build_filename (fixture->dir, "cannock q4.json", NULL);
  g_autofree char *lead_csv = NULL;
  g_autofree char *office_csv = NULL;
  g_autofree char *wcfc_between = NULL;
  g_autofree char *wcfc_after = NULL;
  g_auto(PmTestRun) lead_create = { 0, };
  g_auto(PmTestRun) lead_values = { 0, };
  g_auto(PmTestRun) sent = { 0, };
  g_auto(PmTestRun) typed = { 0, };
  g_auto(PmTestRun) merged = { 0, };
  g_auto(PmTestRun) again = { 0, };
  g_autofree char *fingerprint = NULL;
  Paused *paused;

  if (skip_without_database (fixture))
    return;

  lead_csv = pm_test_write_file_in (fixture->dir, "lead.csv",
                                    CSV_HEADER
                                    WCFC_ROW "FY2016-Q4,9,\r\n"
                                    CESS_ROW "FY2016-Q4,4,\r\n");
  office_csv = pm_test_write_file_in (fixture->dir, "office.csv", CSV_HEADER WCFC_ROW "FY2016-Q4,8,\r\n");
  lead_create = pm_test_cli_run (fixture->dir, "--database", lead, "--sample", NULL);
  g_assert_cmpint (lead_create.status, ==, 0);
  lead_values = pm_test_cli_run (fixture->dir, "--database", lead, "--import-csv", lead_csv, NULL);
  g_assert_cmpint (lead_values.status, ==, 0);
  sent = pm_test_cli_run (fixture->dir, "--database", lead, "--export-return", CANNOCK, "--period", "FY2016-Q4",
                          "--author", "Alex Lead", "--output", ret, NULL);
  g_assert_cmpint (sent.status, ==, 0);
  /* The lead's key, made on first use: the office trusts it each time,
   * since a merge that fails trusts nothing. */
  fingerprint = pm_test_run_fingerprint (&sent);

  paused = start_paused (fixture, "--database", fixture->location, "--import-return", ret,
                         "--on-conflict", "replace", "--trust-key", fingerprint, NULL);

  typed = pm_test_cli_run (fixture->dir, "--database", fixture->location, "--import-csv", office_csv, NULL);
  g_assert_cmpint (typed.status, ==, 0);
  g_assert_cmpstr (typed.out, ==, "Saved 1 value (1 new, 0 changed); 0 unchanged, 0 refused.\n");
  wcfc_between = wcfc_line (fixture);
  g_assert_true (g_str_has_suffix (wcfc_between, "\tFY2016-Q4\t8"));

  merged = finish_paused (fixture, paused);
  g_assert_cmpint (merged.status, ==, 1);
  g_assert_cmpstr (merged.out, ==, "");
  g_assert_nonnull (strstr (merged.err, CHANGED_SINCE_REVIEW));
  g_assert_nonnull (strstr (merged.err, "“" WCFC_KPI "” (Cannock Chase) for Q4 2016/17"));
  wcfc_after = wcfc_line (fixture);
  g_assert_cmpstr (wcfc_after, ==, wcfc_between);

  again = pm_test_cli_run (fixture->dir, "--database", fixture->location, "--import-return", ret,
                           "--on-conflict", "keep", "--trust-key", fingerprint, NULL);
  g_assert_cmpint (again.status, ==, 0);
  g_assert_nonnull (strstr (again.out, "1 new, 0 changed, 1 in conflict; 1 saved."));
  g_clear_pointer (&wcfc_after, g_free);
  wcfc_after = wcfc_line (fixture);
  g_assert_cmpstr (wcfc_after, ==, wcfc_between);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, engine, func) \
  g_test_add (path, Fixture, GINT_TO_POINTER (engine), fixture_set_up, func, fixture_tear_down)

  ADD ("/cli/concurrent/csv-then-csv/file", ENGINE_FILE, test_csv_then_csv);
  ADD ("/cli/concurrent/csv-then-csv/server", ENGINE_SERVER, test_csv_then_csv);
  ADD ("/cli/concurrent/unchanged-row-changed/file", ENGINE_FILE, test_unchanged_row_changed);
  ADD ("/cli/concurrent/unchanged-row-changed/server", ENGINE_SERVER, test_unchanged_row_changed);
  ADD ("/cli/concurrent/return-then-csv/file", ENGINE_FILE, test_return_then_csv);
  ADD ("/cli/concurrent/return-then-csv/server", ENGINE_SERVER, test_return_then_csv);

#undef ADD

  return g_test_run ();
}
