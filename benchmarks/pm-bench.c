/* pm-bench.c: how fast Pilot Monitor is, on the sample and at scale
 *
 *   pm-bench [--districts 150 --pilots-per-district 4 --kpis-per-pilot 25
 *             --quarters 40] [--seed 1] [--workdir DIR] [--saves 1000]
 *            [--many-districts 10000] [--copies 19] [--soffice PATH | --no-soffice]
 *
 * Each figure is measured in a process of its own (this program run again
 * with --measure, or pilot-monitor itself), so that its peak memory (the
 * child's ru_maxrss) is its own. Where one makes sense a floor is
 * measured beside it in the same run: plain sqlite doing the same reads
 * or writes with nothing above it. The first-frame figure needs a display
 * (run under xvfb-run); without one it is left out. The appendix of the
 * sample, and of the sample many times over, is set beside LibreOffice
 * setting the same table from HTML. Prints one table.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <locale.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "bench-appendix.h"
#include "bench-generate.h"
#include "pg-test-util.h"
#include "util/pm-csv-cell.h"
#include "store/pm-programme-file.h"
#include "store/pm-progress-import.h"
#include "store/pm-progress-writer.h"
#include "store/pm-sample.h"
#include "store/pm-store.h"

/* The first frame and one district's summary, each a fraction of a
 * second, are the median of this many runs. */
#define N_REPEATS 5

/* ---- measurements, each run in a child ---------------------------------- */

static double
now (void)
{
  return g_get_monotonic_time () / 1e6;
}

static PmStore *
open_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  PmStore *store = pm_store_open (path, PM_STORE_OPEN_DEFAULT, &error);

  if (store == NULL)
    g_error ("%s: %s", path, error->message);
  return store;
}

static PmProgramme *
load (PmStore *store)
{
  g_autoptr(GError) error = NULL;
  PmProgramme *programme = pm_store_load (store, &error);

  if (programme == NULL)
    g_error ("load: %s", error->message);
  return programme;
}

/* What the window needs before its first frame: the file opened, checked
 * and migrated, and the whole programme in models. */
static void
measure_open (const char *db)
{
  double t0 = now ();
  g_autoptr(PmStore) store = open_store (db);
  g_autoptr(PmProgramme) programme = load (store);

  printf ("%.6f\n", now () - t0);
}

static void
rest_loaded_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!pm_store_load_rest_finish (PM_STORE (source), result, &error))
    g_error ("%s", error->message);
  *(gboolean *) user_data = TRUE;
}

/* The window's two reads: the period it opens on (the latest quarter),
 * then the rest from a worker; prints the seconds until each is in. */
static void
measure_load_shown (const char *db)
{
  double t0 = now ();
  g_autoptr(PmStore) store = open_store (db);
  g_autoptr(PmPeriod) latest = NULL;
  g_autoptr(PmProgramme) programme = NULL;
  g_autoptr(GError) error = NULL;
  gboolean done = FALSE;
  double t1;

  latest = pm_store_read_latest_quarter (store, &error);
  if (latest == NULL)
    g_error ("%s: no latest quarter", db);
  programme = pm_store_load_shown (store, latest, &error);
  if (programme == NULL)
    g_error ("%s: %s", db, error->message);
  t1 = now ();

  pm_store_load_rest_async (store, programme, NULL, rest_loaded_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  printf ("%.6f %.6f\n", t1 - t0, now () - t0);
}

static sqlite3 *
open_sqlite (const char *db,
             int         flags)
{
  sqlite3 *handle = NULL;

  if (sqlite3_open_v2 (db, &handle, flags, NULL) != SQLITE_OK)
    g_error ("sqlite: %s", sqlite3_errmsg (handle));
  return handle;
}

/* The floor under measure_open: the same rows read by sqlite alone. */
static void
measure_sqlite_select (const char *db)
{
  static const char *const queries[] = {
    "SELECT kpi_id, period, value, numerator, denominator, note FROM progress ORDER BY kpi_id, period",
    "SELECT pilot_id, period, progress, learning, case_study FROM narrative ORDER BY pilot_id, period",
    "SELECT id, pilot_id, title, unit, direction FROM kpi ORDER BY pilot_id, position",
  };
  double t0 = now ();
  sqlite3 *handle = open_sqlite (db, SQLITE_OPEN_READONLY);
  gint64 rows = 0;

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      sqlite3_stmt *stmt = NULL;

      sqlite3_prepare_v2 (handle, queries[i], -1, &stmt, NULL);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          /* Touch the text as a loader would. */
          rows += sqlite3_column_bytes (stmt, 1) >= 0;
        }
      sqlite3_finalize (stmt);
    }
  sqlite3_close (handle);
  printf ("%.6f\n", now () - t0);
  g_assert_cmpint (rows, >, 0);
}

/* The programme on the server named by PM_BENCH_SERVER (set by the parent,
 * so that the password is not on a command line), opened and loaded as a
 * window connecting to it does. */
static void
measure_server_open (void)
{
  const char *location = g_getenv ("PM_BENCH_SERVER");
  double t0 = now ();
  g_autoptr(PmStore) store = NULL;
  g_autoptr(PmProgramme) programme = NULL;

  if (location == NULL)
    g_error ("PM_BENCH_SERVER is not set");
  store = open_store (location);
  programme = load (store);
  printf ("%.6f\n", now () - t0);
}

/* The floor under measure_server_open: the same rows as
 * measure_sqlite_select fetched by libpq alone, one result each. */
static void
measure_pg_select (void)
{
  static const char *const queries[] = {
    "SELECT kpi_id, period, value, numerator, denominator, note FROM progress ORDER BY kpi_id, period",
    "SELECT pilot_id, period, progress, learning, case_study FROM narrative ORDER BY pilot_id, period",
    "SELECT id, pilot_id, title, unit, direction FROM kpi ORDER BY pilot_id, position",
  };
  const char *location = g_getenv ("PM_BENCH_SERVER");
  double t0 = now ();
  g_autoptr(PGconn) conn = NULL;
  gint64 rows = 0;

  if (location == NULL)
    g_error ("PM_BENCH_SERVER is not set");
  conn = PQconnectdb (location);
  if (PQstatus (conn) != CONNECTION_OK)
    g_error ("libpq: %s", PQerrorMessage (conn));
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(PGresult) result = PQexecParams (conn, queries[i], 0, NULL, NULL, NULL, NULL, 0);

      if (PQresultStatus (result) != PGRES_TUPLES_OK)
        g_error ("libpq: %s", PQerrorMessage (conn));
      /* Touch each row's text as a loader would. */
      for (int r = 0; r < PQntuples (result); r++)
        rows += PQgetlength (result, r, 1) >= 0;
    }
  printf ("%.6f\n", now () - t0);
  g_assert_cmpint (rows, >, 0);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
print_percentiles (GArray *times)
{
  g_array_sort (times, compare_doubles);
  printf ("%.6f %.6f\n",
          g_array_index (times, double, times->len / 2),
          g_array_index (times, double, MIN (times->len - 1, (times->len * 99) / 100)));
}

/* One value saved as the window saves it: checked, written in its own
 * transaction (WAL, synchronous=FULL), then put in the model. */
static void
measure_saves (const char *db,
               guint       n)
{
  g_autoptr(PmStore) store = open_store (db);
  g_autoptr(PmProgramme) programme = load (store);
  g_autoptr(GListModel) kpis = pm_programme_list_kpis (programme);
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  guint n_kpis = g_list_model_get_n_items (kpis);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PmKpi) kpi = g_list_model_get_item (kpis, (i * 7919) % n_kpis);
      g_autoptr(PmPeriod) period = pm_period_new (2030 + (i % 4), 1 + i % 4);
      g_autoptr(PmProgressEntry) entry = pm_progress_entry_new (period);
      g_autoptr(GError) error = NULL;
      double t0;

      pm_progress_entry_set_value (entry, 1 + i % 50);
      t0 = now ();
      if (!pm_store_save_entry (store, kpi, entry, &error))
        g_error ("save: %s", error->message);
      t0 = now () - t0;
      g_array_append_val (times, t0);
    }
  print_percentiles (times);
}

/* The floor under measure_saves: the same upsert, one transaction each,
 * with sqlite alone (same journal mode and sync). */
static void
measure_sqlite_saves (const char *db,
                      guint       n)
{
  sqlite3 *handle = open_sqlite (db, SQLITE_OPEN_READWRITE);
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  sqlite3_stmt *stmt = NULL;
  gint64 max_id = 1;

  sqlite3_exec (handle, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;",
                NULL, NULL, NULL);
  sqlite3_prepare_v2 (handle, "SELECT max (id) FROM kpi", -1, &stmt, NULL);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    max_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  sqlite3_prepare_v2 (handle,
                      "INSERT INTO progress (kpi_id, period, value, updated_at) VALUES (?1, ?2, ?3, 'x') "
                      "ON CONFLICT (kpi_id, period) DO UPDATE SET value = excluded.value, "
                      "revision = revision + 1", -1, &stmt, NULL);
  for (guint i = 0; i < n; i++)
    {
      char period[16];
      double t0 = now ();

      g_snprintf (period, sizeof period, "FY%d-Q%u", 2030 + (int) (i % 4), 1 + i % 4);
      sqlite3_exec (handle, "BEGIN IMMEDIATE", NULL, NULL, NULL);
      sqlite3_bind_int64 (stmt, 1, 1 + (i * 7919) % max_id);
      sqlite3_bind_text (stmt, 2, period, -1, SQLITE_TRANSIENT);
      sqlite3_bind_double (stmt, 3, 1 + i % 50);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        g_error ("sqlite save: %s", sqlite3_errmsg (handle));
      sqlite3_reset (stmt);
      sqlite3_exec (handle, "COMMIT", NULL, NULL, NULL);
      t0 = now () - t0;
      g_array_append_val (times, t0);
    }
  sqlite3_finalize (stmt);
  sqlite3_close (handle);
  print_percentiles (times);
}

/* A CSV of quarterly values read, checked against the programme and
 * written in one transaction: "check write copy compare" seconds, where
 * the check is its three steps together and copy and compare are the
 * two the window runs on its main thread (the read runs in a worker). */
static void
measure_csv_import (const char *db,
                    const char *csv)
{
  g_autoptr(PmStore) store = open_store (db);
  g_autoptr(PmProgramme) programme = load (store);
  g_autoptr(GFile) file = g_file_new_for_path (csv);
  g_autoptr(PmProgressImport) import = NULL;
  g_autoptr(PmProgressWriter) writer = NULL;
  g_autoptr(GError) error = NULL;
  double t0 = now (), t_copied, t_read, t1;

  import = pm_progress_import_new (programme);
  t_copied = now ();
  if (!pm_progress_import_read_file (import, file, NULL, &error))
    g_error ("csv: %s", error->message);
  t_read = now ();
  pm_progress_import_compare (import);
  if (pm_progress_import_get_n_rejected (import) > 0)
    g_error ("csv: %s", pm_progress_import_get_rejection (import, 0, NULL));
  t1 = now ();
  writer = pm_progress_writer_new (store, import);
  if (!pm_progress_writer_run (writer, NULL, &error))
    g_error ("csv write: %s", error->message);
  printf ("%.6f %.6f %.6f %.6f\n", t1 - t0, now () - t1, t_copied - t0, t1 - t_read);
}

/* The floor under measure_csv_import: as many upserts in one
 * transaction, with sqlite alone and nothing to read or check. */
static void
measure_sqlite_bulk (const char *db,
                     guint       n_rows,
                     guint       n_quarters)
{
  sqlite3 *handle = open_sqlite (db, SQLITE_OPEN_READWRITE);
  sqlite3_stmt *stmt = NULL;
  gint64 max_id = 1;
  double t0 = now ();

  sqlite3_exec (handle, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA temp_store=MEMORY;",
                NULL, NULL, NULL);
  sqlite3_prepare_v2 (handle, "SELECT max (id) FROM kpi", -1, &stmt, NULL);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    max_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  sqlite3_exec (handle, "BEGIN IMMEDIATE", NULL, NULL, NULL);
  sqlite3_prepare_v2 (handle,
                      "INSERT INTO progress (kpi_id, period, value, updated_at) VALUES (?1, ?2, ?3, 'x') "
                      "ON CONFLICT (kpi_id, period) DO UPDATE SET value = excluded.value, "
                      "revision = revision + 1", -1, &stmt, NULL);
  for (guint i = 0; i < n_rows; i++)
    {
      char period[16];
      guint q = i % n_quarters;

      /* KPI by KPI, its quarters in order: as the CSV file lists them. */
      g_snprintf (period, sizeof period, "FY%u-Q%u", 2014 + q / 4, 1 + q % 4);
      sqlite3_bind_int64 (stmt, 1, 1 + (i / n_quarters) % max_id);
      sqlite3_bind_text (stmt, 2, period, -1, SQLITE_TRANSIENT);
      sqlite3_bind_double (stmt, 3, i % 500);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        g_error ("sqlite bulk: %s", sqlite3_errmsg (handle));
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);
  sqlite3_exec (handle, "COMMIT", NULL, NULL, NULL);
  sqlite3_close (handle);
  printf ("%.6f\n", now () - t0);
}

/* Freezing a committee round copies every value up to the period; the
 * restatements are then what differs from that copy. Changes @n_changes
 * values of the frozen period first, so the list has something to find:
 * "freeze list" seconds. */
static void
measure_round (const char *db,
               const char *period_code,
               guint       n_changes)
{
  g_autoptr(PmStore) store = open_store (db);
  g_autoptr(PmProgramme) programme = load (store);
  g_autoptr(GListModel) kpis = pm_programme_list_kpis (programme);
  g_autoptr(PmPeriod) period = pm_period_parse (period_code, NULL);
  g_autoptr(GListModel) restatements = NULL;
  g_autoptr(GError) error = NULL;
  guint n_kpis = g_list_model_get_n_items (kpis);
  double t0, freeze;

  t0 = now ();
  if (!pm_store_freeze_round (store, "2040-01-01", period, &error))
    g_error ("freeze: %s", error->message);
  freeze = now () - t0;

  for (guint i = 0; i < n_changes; i++)
    {
      g_autoptr(PmKpi) kpi = g_list_model_get_item (kpis, (i * 7919) % n_kpis);
      g_autoptr(PmProgressEntry) entry = pm_progress_entry_new (period);

      /* A value every unit takes: a percentage is at most 100. */
      pm_progress_entry_set_value (entry, pm_kpi_get_unit (kpi) == PM_UNIT_PERCENTAGE ? 99.5 - i % 10
                                                                                : 1000 + i);
      pm_progress_entry_set_note (entry, "restated");
      if (!pm_store_save_entry (store, kpi, entry, &error))
        g_error ("save: %s", error->message);
    }

  t0 = now ();
  restatements = pm_store_list_restatements (store, programme, period, &error);
  if (restatements == NULL)
    g_error ("restatements: %s", error->message);
  printf ("%.6f %.6f %u\n", freeze, now () - t0, g_list_model_get_n_items (restatements));
}

/* The floor under the freeze: the same rows copied into a new table with
 * sqlite alone, one transaction. */
static void
measure_sqlite_copy (const char *db,
                     const char *period_code)
{
  sqlite3 *handle = open_sqlite (db, SQLITE_OPEN_READWRITE);
  sqlite3_stmt *stmt = NULL;
  double t0 = now ();

  sqlite3_exec (handle, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;", NULL, NULL, NULL);
  sqlite3_exec (handle, "BEGIN IMMEDIATE", NULL, NULL, NULL);
  sqlite3_exec (handle, "CREATE TABLE bench_copy (kpi_id INTEGER, period TEXT, value REAL, note TEXT, "
                        "PRIMARY KEY (kpi_id, period)) WITHOUT ROWID", NULL, NULL, NULL);
  sqlite3_prepare_v2 (handle, "INSERT INTO bench_copy SELECT kpi_id, period, value, note FROM progress "
                              "WHERE period <= ?1 AND value IS NOT NULL", -1, &stmt, NULL);
  sqlite3_bind_text (stmt, 1, period_code, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    g_error ("sqlite copy: %s", sqlite3_errmsg (handle));
  sqlite3_finalize (stmt);
  sqlite3_exec (handle, "COMMIT", NULL, NULL, NULL);
  sqlite3_close (handle);
  printf ("%.6f\n", now () - t0);
}

/* `--import PROGRAMME.json`: the file read and checked, then written
 * into a new database in one transaction: "read write" seconds. */
static void
measure_programme_import (const char *json,
                          const char *db)
{
  g_autoptr(PmProgramme) programme = NULL;
  g_autoptr(PmStore) store = NULL;
  g_autoptr(GError) error = NULL;
  double t0 = now (), t1;

  programme = pm_programme_file_load (json, &error);
  if (programme == NULL)
    g_error ("%s: %s", json, error->message);
  t1 = now ();
  g_unlink (db);
  store = pm_store_open (db, PM_STORE_OPEN_CREATE, &error);
  if (store == NULL || !pm_store_import (store, programme, &error))
    g_error ("%s: %s", db, error->message);
  printf ("%.6f %.6f\n", t1 - t0, now () - t1);
}

static void make_store (const char  *path,
                        PmProgramme *programme);

/* The floor under measure_programme_import: the rows that import wrote
 * into @imported, inserted one by one by sqlite alone into a new empty
 * store's tables (its indexes and triggers, which write the audit rows,
 * as they are) in one transaction. */
static void
measure_sqlite_rewrite (const char *imported,
                        const char *db)
{
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3 *handle;
  sqlite3_stmt *stmt = NULL;
  double t0;

  make_store (db, NULL);
  handle = open_sqlite (db, SQLITE_OPEN_READWRITE);
  /* As the store opens a file. */
  sqlite3_exec (handle, "PRAGMA foreign_keys = ON; PRAGMA temp_store = MEMORY; "
                "PRAGMA recursive_triggers = ON; PRAGMA synchronous = FULL;", NULL, NULL, NULL);
  sqlite3_prepare_v2 (handle, "ATTACH ?1 AS src", -1, &stmt, NULL);
  sqlite3_bind_text (stmt, 1, imported, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    g_error ("sqlite attach: %s", sqlite3_errmsg (handle));
  sqlite3_finalize (stmt);
  /* In the order they were created, parents first; the audit trail is
   * the triggers' to write, and the tables a new store fills are kept. */
  sqlite3_prepare_v2 (handle,
                      "SELECT name FROM src.sqlite_master WHERE type = 'table' "
                      "AND name NOT LIKE 'sqlite%' AND name <> 'audit' ORDER BY rowid",
                      -1, &stmt, NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);

  t0 = now ();
  sqlite3_exec (handle, "BEGIN", NULL, NULL, NULL);
  for (guint i = 0; i < tables->len; i++)
    {
      const char *table = g_ptr_array_index (tables, i);
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM src.\"%s\" WHERE NOT EXISTS "
                                              "(SELECT 1 FROM main.\"%s\")", table, table);
      g_autoptr(GString) insert = g_string_new (NULL);
      sqlite3_stmt *select = NULL, *write = NULL;
      int n;

      if (sqlite3_prepare_v2 (handle, sql, -1, &select, NULL) != SQLITE_OK)
        g_error ("sqlite select: %s", sqlite3_errmsg (handle));
      n = sqlite3_column_count (select);
      g_string_append_printf (insert, "INSERT INTO main.\"%s\" VALUES (?", table);
      for (int c = 1; c < n; c++)
        g_string_append (insert, ", ?");
      g_string_append_c (insert, ')');
      if (sqlite3_prepare_v2 (handle, insert->str, -1, &write, NULL) != SQLITE_OK)
        g_error ("sqlite insert: %s", sqlite3_errmsg (handle));
      while (sqlite3_step (select) == SQLITE_ROW)
        {
          for (int c = 0; c < n; c++)
            sqlite3_bind_value (write, c + 1, sqlite3_column_value (select, c));
          if (sqlite3_step (write) != SQLITE_DONE)
            g_error ("sqlite insert into %s: %s", table, sqlite3_errmsg (handle));
          sqlite3_reset (write);
        }
      sqlite3_finalize (select);
      sqlite3_finalize (write);
    }
  if (sqlite3_exec (handle, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
    g_error ("sqlite commit: %s", sqlite3_errmsg (handle));
  printf ("%.6f\n", now () - t0);
  sqlite3_close (handle);
}

/* A programme file of @n_districts districts, each running one pilot
 * with one KPI and one quarter: what grows is the number of districts. */
static void
generate_districts (const char *json,
                    guint       n_districts)
{
  BenchShape shape = { n_districts, 1, 1, 1, 1 };
  g_autoptr(PmProgramme) programme = bench_generate_programme (&shape);
  g_autoptr(GError) error = NULL;

  if (!pm_programme_file_save (programme, json, &error))
    g_error ("%s: %s", json, error->message);
}

/* The sample @n_copies times over, in a new store at @db. */
static void
generate_copies (const char *db,
                 guint       n_copies)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PmProgramme) programme = bench_appendix_copies (n_copies, &error);

  if (programme == NULL)
    g_error ("copies: %s", error->message);
  make_store (db, programme);
}

/* The appendix's table for @period_code, from the store at @db, as HTML:
 * all of it ("table") or its KPIs' rows ("kpis"). */
static void
write_appendix_html (const char *db,
                     const char *period_code,
                     const char *what,
                     const char *html)
{
  g_autoptr(PmStore) store = open_store (db);
  g_autoptr(PmProgramme) programme = load (store);
  g_autoptr(PmPeriod) period = pm_period_parse (period_code, NULL);
  g_autoptr(GError) error = NULL;

  if (!bench_appendix_write_html (programme, period, g_str_equal (what, "kpis"), html, &error))
    g_error ("%s: %s", html, error->message);
}

static int
run_measure (int    argc,
             char **argv)
{
  const char *what = argv[2];

  if (g_str_equal (what, "open") && argc == 4)
    measure_open (argv[3]);
  else if (g_str_equal (what, "load-shown") && argc == 4)
    measure_load_shown (argv[3]);
  else if (g_str_equal (what, "sqlite-select") && argc == 4)
    measure_sqlite_select (argv[3]);
  else if (g_str_equal (what, "server-open") && argc == 3)
    measure_server_open ();
  else if (g_str_equal (what, "pg-select") && argc == 3)
    measure_pg_select ();
  else if (g_str_equal (what, "saves") && argc == 5)
    measure_saves (argv[3], atoi (argv[4]));
  else if (g_str_equal (what, "sqlite-saves") && argc == 5)
    measure_sqlite_saves (argv[3], atoi (argv[4]));
  else if (g_str_equal (what, "csv-import") && argc == 5)
    measure_csv_import (argv[3], argv[4]);
  else if (g_str_equal (what, "sqlite-bulk") && argc == 6)
    measure_sqlite_bulk (argv[3], atoi (argv[4]), atoi (argv[5]));
  else if (g_str_equal (what, "round") && argc == 6)
    measure_round (argv[3], argv[4], atoi (argv[5]));
  else if (g_str_equal (what, "sqlite-copy") && argc == 5)
    measure_sqlite_copy (argv[3], argv[4]);
  else if (g_str_equal (what, "programme-import") && argc == 5)
    measure_programme_import (argv[3], argv[4]);
  else if (g_str_equal (what, "sqlite-rewrite") && argc == 5)
    measure_sqlite_rewrite (argv[3], argv[4]);
  else if (g_str_equal (what, "generate-copies") && argc == 5)
    generate_copies (argv[3], atoi (argv[4]));
  else if (g_str_equal (what, "appendix-html") && argc == 7)
    write_appendix_html (argv[3], argv[4], argv[5], argv[6]);
  else if (g_str_equal (what, "generate-districts") && argc == 5)
    generate_districts (argv[3], atoi (argv[4]));
  else if (g_str_equal (what, "generate") && argc == 10)
    {
      BenchShape shape = { atoi (argv[5]), atoi (argv[6]), atoi (argv[7]), atoi (argv[8]), atoi (argv[9]) };
      g_autoptr(PmProgramme) large = bench_generate_programme (&shape);
      g_autoptr(GError) error = NULL;

      make_store (argv[3], large);
      if (!bench_generate_csv (&shape, argv[4], &error))
        g_error ("csv: %s", error->message);
    }
  else
    {
      fprintf (stderr, "pm-bench: unknown measurement\n");
      return 2;
    }
  return 0;
}

/* ---- the parent: children, their output and their peak memory ---------- */

typedef struct
{
  char   *output;
  double  wall;       /* seconds, fork to exit */
  double  cpu;        /* seconds of user and system time */
  double  max_rss_mb;
} Child;

static void
child_clear (Child *child)
{
  g_clear_pointer (&child->output, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Child, child_clear)

/* Runs @argv (with @envp added to the environment) and waits for it. */
static void
run_child (char  **argv,
           char  **envp,
           Child  *child)
{
  g_autoptr(GString) out = g_string_new (NULL);
  struct rusage usage;
  int pipe_fds[2];
  int status = 0;
  double t0 = now ();
  pid_t pid;
  char buffer[4096];
  ssize_t n;

  if (pipe (pipe_fds) != 0)
    g_error ("pipe: %s", g_strerror (errno));

  pid = fork ();
  if (pid == 0)
    {
      dup2 (pipe_fds[1], STDOUT_FILENO);
      close (pipe_fds[0]);
      close (pipe_fds[1]);
      for (guint i = 0; envp != NULL && envp[i] != NULL; i++)
        putenv (envp[i]);
      execv (argv[0], argv);
      _exit (127);
    }
  close (pipe_fds[1]);
  while ((n = read (pipe_fds[0], buffer, sizeof buffer)) > 0)
    g_string_append_len (out, buffer, n);
  close (pipe_fds[0]);

  if (wait4 (pid, &status, 0, &usage) < 0)
    g_error ("wait4: %s", g_strerror (errno));
  child->wall = now () - t0;
  child->cpu = usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 +
               usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
  child->max_rss_mb = usage.ru_maxrss / 1024.0;
  child->output = g_string_free (g_steal_pointer (&out), FALSE);

  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    g_error ("%s %s failed (status %d): %s", argv[0], argv[1], status, child->output);
}

/* The first frame's own figure, from the window's output. */
static double
first_frame_of (const Child *child)
{
  const char *line = strstr (child->output, "first-frame: ");

  return line != NULL ? g_ascii_strtod (line + strlen ("first-frame: "), NULL) : -1;
}

static double
wall_of (const Child *child)
{
  return child->wall;
}

/* Runs @argv @n times and keeps the run whose @key is the median: a run
 * of a fraction of a second is as much the machine's noise as the
 * program's. */
static void
run_child_median (char   **argv,
                  char   **envp,
                  guint    n,
                  double (*key) (const Child *),
                  Child   *child)
{
  g_autofree Child *runs = g_new0 (Child, n);
  guint median = 0;

  for (guint i = 0; i < n; i++)
    run_child (argv, envp, &runs[i]);
  /* The median: the run with as many keys below it as above. */
  for (guint i = 0; i < n; i++)
    {
      guint below = 0, same = 0;

      for (guint j = 0; j < n; j++)
        {
          if (key (&runs[j]) < key (&runs[i]))
            below++;
          else if (j != i && key (&runs[j]) == key (&runs[i]))
            same++;
        }
      if (below <= n / 2 && below + same >= n / 2)
        median = i;
    }
  for (guint i = 0; i < n; i++)
    if (i != median)
      child_clear (&runs[i]);
  *child = runs[median];
}

static const char *self_path;
static const char *app_path;
static const char *window_bench_path;

static void
measure (Child *child,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, (char *) self_path);
  g_ptr_array_add (argv, "--measure");
  va_start (args, child);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  run_child ((char **) argv->pdata, NULL, child);
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autoptr(GFile) source = g_file_new_for_path (from);
  g_autoptr(GFile) dest = g_file_new_for_path (to);
  g_autoptr(GError) error = NULL;
  g_autofree char *wal = g_strconcat (to, "-wal", NULL);
  g_autofree char *shm = g_strconcat (to, "-shm", NULL);

  g_unlink (wal);
  g_unlink (shm);
  if (!g_file_copy (source, dest, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error))
    g_error ("copy %s: %s", from, error->message);
}

typedef struct
{
  const char *name;
  char       *db;
  char       *csv;
  char       *period;
  char       *district;
  guint       n_rows;
  guint       n_quarters;
} Scale;

static void
print_row (const char *what,
           const char *scale,
           const char *figure,
           const char *floor,
           double      rss_mb,
           const char *goal)
{
  printf ("| %-34s | %-6s | %-22s | %-22s | %7.0f | %-9s |\n",
          what, scale, figure, floor, rss_mb, goal);
}

/* The programme copied into a new database on the PostgreSQL server of
 * PM_TEST_PG_URI (the test server), then opened and loaded from it as a
 * window does, beside libpq alone fetching the same rows. Without a server
 * the row says so. */
static void
bench_server_load (Scale    *scale,
                   gboolean  large)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *location = NULL;
  g_autoptr(PmStore) store = NULL;
  g_auto(Child) open = { 0, }, select = { 0, };
  char figure[64], floor[64];
  double t0;

  if (!pg_test_available ())
    {
      print_row ("open + load from the server", scale->name, "no server", "", 0, large ? "< 1 s" : "");
      return;
    }

  location = pg_test_create_database ("pm_bench_load", &error);
  store = location != NULL ? pm_store_open (scale->db, PM_STORE_OPEN_READ_ONLY, &error) : NULL;
  t0 = now ();
  if (store == NULL || !pm_store_copy_to (store, location, &error))
    g_error ("copy to the server: %s", error->message);
  printf ("(%s programme copied to the server in %.1f s)\n", scale->name, now () - t0);
  pm_store_close (store);

  g_setenv ("PM_BENCH_SERVER", location, TRUE);
  measure (&open, "server-open", NULL);
  measure (&select, "pg-select", NULL);
  g_unsetenv ("PM_BENCH_SERVER");
  g_snprintf (figure, sizeof figure, "%.3f s", g_ascii_strtod (open.output, NULL));
  g_snprintf (floor, sizeof floor, "libpq %.3f s", g_ascii_strtod (select.output, NULL));
  print_row ("open + load from the server", scale->name, figure, floor, open.max_rss_mb,
             large ? "< 1 s" : "");

  if (!pg_test_drop_database (location, &error))
    g_error ("drop: %s", error->message);
}

/* The window on a copy of the programme: the overview scrolled a page at
 * a time and pilots opened from it, each from the request to the end of
 * the frame that shows it (pm-bench-window). */
static void
bench_window (Scale      *scale,
              const char *scratch,
              gboolean    large)
{
  /* Fewer steps for the sample: it runs in every test run. */
  char *argv[] = { (char *) window_bench_path, (char *) scratch, large ? "20" : "5", NULL };
  char *envp[] = { "GSETTINGS_BACKEND=memory", NULL };
  g_auto(Child) child = { 0, };
  char figure[64];
  double p50, p99, max;
  const char *line;

  if (window_bench_path == NULL)
    return;
  copy_file (scale->db, scratch);
  run_child (argv, envp, &child);

  line = strstr (child.output, "scroll ");
  if (line != NULL && sscanf (line, "scroll %lf %lf %lf", &p50, &p99, &max) == 3)
    g_snprintf (figure, sizeof figure, "p50 %.0f p99 %.0f ms", p50, p99);
  else
    g_snprintf (figure, sizeof figure, "nothing to scroll");
  print_row ("  scroll the overview a page", scale->name, figure, "", child.max_rss_mb,
             large ? "< 100 ms" : "");

  line = strstr (child.output, "pilot ");
  if (line == NULL || sscanf (line, "pilot %lf %lf %lf", &p50, &p99, &max) != 3)
    g_error ("pm-bench-window printed no pilot times: %s", child.output);
  g_snprintf (figure, sizeof figure, "p50 %.0f p99 %.0f ms", p50, p99);
  print_row ("  open a pilot", scale->name, figure, "", child.max_rss_mb, large ? "< 100 ms" : "");
}

static void
bench_scale (Scale *scale,
             const char *workdir,
             guint       n_saves,
             gboolean    large)
{
  g_autofree char *scratch = g_build_filename (workdir, "scratch.db", NULL);
  g_autofree char *pdf = g_build_filename (workdir, "out.pdf", NULL);
  g_autofree char *n_saves_text = g_strdup_printf ("%u", n_saves);
  g_autofree char *n_rows_text = g_strdup_printf ("%u", scale->n_rows);
  g_autofree char *n_quarters_text = g_strdup_printf ("%u", scale->n_quarters);
  g_auto(Child) open = { 0, }, select = { 0, }, saves = { 0, }, sqlite_saves = { 0, };
  g_auto(Child) csv = { 0, }, bulk = { 0, }, frame = { 0, };
  g_auto(Child) all_pdf = { 0, }, one_pdf = { 0, }, appendix = { 0, };
  g_auto(Child) round = { 0, }, copy = { 0, };
  char figure[64], floor[64];
  double p50, p99, f50, f99, check, write, copy_names, compare, freeze, listing;
  guint n_restated = 0;

  measure (&open, "open", scale->db, NULL);
  measure (&select, "sqlite-select", scale->db, NULL);
  g_snprintf (figure, sizeof figure, "%.3f s", g_ascii_strtod (open.output, NULL));
  g_snprintf (floor, sizeof floor, "sqlite %.3f s", g_ascii_strtod (select.output, NULL));
  print_row ("open + load the programme", scale->name, figure, floor, open.max_rss_mb, "");
  bench_server_load (scale, large);

  if (g_getenv ("DISPLAY") != NULL)
    {
      char *argv[] = { (char *) app_path, "--database", scale->db, NULL };
      char *envp[] = { "PM_EXIT_AFTER_FIRST_FRAME=1", "GSETTINGS_BACKEND=memory", NULL };
      run_child_median (argv, envp, N_REPEATS, first_frame_of, &frame);
      g_snprintf (figure, sizeof figure, "%.3f s", first_frame_of (&frame));
      g_snprintf (floor, sizeof floor, "process %.3f s", frame.wall);
      print_row ("first frame of the window", scale->name, figure, floor, frame.max_rss_mb,
                 large ? "< 0.5 s" : "");
      bench_window (scale, scratch, large);
    }
  else
    print_row ("first frame of the window", scale->name, "no display", "", 0, large ? "< 0.5 s" : "");

  copy_file (scale->db, scratch);
  measure (&saves, "saves", scratch, n_saves_text, NULL);
  copy_file (scale->db, scratch);
  measure (&sqlite_saves, "sqlite-saves", scratch, n_saves_text, NULL);
  sscanf (saves.output, "%lf %lf", &p50, &p99);
  sscanf (sqlite_saves.output, "%lf %lf", &f50, &f99);
  g_snprintf (figure, sizeof figure, "p50 %.2f p99 %.2f ms", p50 * 1e3, p99 * 1e3);
  g_snprintf (floor, sizeof floor, "p50 %.2f p99 %.2f ms", f50 * 1e3, f99 * 1e3);
  {
    g_autofree char *what = g_strdup_printf ("save one value (%u saves)", n_saves);

    print_row (what, scale->name, figure, floor, saves.max_rss_mb,
               large ? "p99 <= 1.2x floor" : "");
  }

  {
    char *argv_all[] = { (char *) app_path, "--database", scale->db, "--export-summary", "all",
                         "--period", scale->period, "--output", pdf, NULL };
    char *argv_one[] = { (char *) app_path, "--database", scale->db, "--export-summary", scale->district,
                         "--period", scale->period, "--output", pdf, NULL };
    char *argv_appendix[] = { (char *) app_path, "--database", scale->db, "--export-appendix",
                              "--period", scale->period, "--output", pdf, NULL };

    run_child (argv_all, NULL, &all_pdf);
    g_snprintf (figure, sizeof figure, "%.3f s", all_pdf.wall);
    print_row ("all district summaries to PDF", scale->name, figure, "", all_pdf.max_rss_mb,
               large ? "< 10 s" : "");
    run_child_median (argv_one, NULL, N_REPEATS, wall_of, &one_pdf);
    g_snprintf (figure, sizeof figure, "%.3f s", one_pdf.wall);
    print_row ("one district summary to PDF", scale->name, figure, "", one_pdf.max_rss_mb,
               large ? "< 0.2 s" : "");
    run_child (argv_appendix, NULL, &appendix);
    g_snprintf (figure, sizeof figure, "%.3f s", appendix.wall);
    print_row ("programme appendix to PDF", scale->name, figure, "", appendix.max_rss_mb, "");
  }

  copy_file (scale->db, scratch);
  measure (&csv, "csv-import", scratch, scale->csv, NULL);
  copy_file (scale->db, scratch);
  measure (&bulk, "sqlite-bulk", scratch, n_rows_text, n_quarters_text, NULL);
  sscanf (csv.output, "%lf %lf %lf %lf", &check, &write, &copy_names, &compare);
  g_snprintf (figure, sizeof figure, "%.2f s (%.2f + %.2f)", check + write, check, write);
  g_snprintf (floor, sizeof floor, "sqlite %.2f s", g_ascii_strtod (bulk.output, NULL));
  {
    g_autofree char *what = g_strdup_printf ("import CSV of %u rows", scale->n_rows);

    print_row (what, scale->name, figure, floor, csv.max_rss_mb, large ? "< 5 s" : "");
  }
  /* The window checks in a worker thread; these two steps it cannot. */
  g_snprintf (figure, sizeof figure, "%.3f s (%.3f+%.3f)", copy_names + compare, copy_names, compare);
  print_row ("  check on the main thread", scale->name, figure, "", csv.max_rss_mb, "");

  copy_file (scale->db, scratch);
  measure (&round, "round", scratch, scale->period, "100", NULL);
  copy_file (scale->db, scratch);
  measure (&copy, "sqlite-copy", scratch, scale->period, NULL);
  sscanf (round.output, "%lf %lf %u", &freeze, &listing, &n_restated);
  g_snprintf (figure, sizeof figure, "%.3f s", freeze);
  g_snprintf (floor, sizeof floor, "sqlite %.3f s", g_ascii_strtod (copy.output, NULL));
  print_row ("freeze a committee round", scale->name, figure, floor, round.max_rss_mb, "");
  g_snprintf (figure, sizeof figure, "%.3f s (%u found)", listing, n_restated);
  print_row ("list restatements", scale->name, figure, "", round.max_rss_mb, "");

  g_unlink (scratch);
  g_unlink (pdf);
}

/* Importing a programme file of many districts: each new district's name
 * is checked against the others, which must not make it quadratic. The
 * floor is plain sqlite inserting the rows the import wrote, and beside
 * the processor time the same import of a tenth as many districts, in the
 * same run: ten times it is what a linear import takes. */
static void
bench_districts (const char *workdir,
                 guint       n_districts)
{
  g_autofree char *scratch = g_build_filename (workdir, "districts.db", NULL);
  g_autofree char *rewritten = g_build_filename (workdir, "districts-sqlite.db", NULL);
  g_auto(Child) large = { 0, }, small = { 0, }, rewrite = { 0, };
  char *json[2];
  guint sizes[2] = { n_districts / 10, n_districts };
  Child *children[2] = { &small, &large };
  double read_s[2], write_s[2];
  char figure[64], floor[64], scale[16];

  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *count = g_strdup_printf ("%u", sizes[i]);

      json[i] = g_strdup_printf ("%s/districts-%u.json", workdir, sizes[i]);
      /* Kept between runs, as the large programme is. */
      if (!g_file_test (json[i], G_FILE_TEST_EXISTS))
        {
          g_auto(Child) generate = { 0, };

          measure (&generate, "generate-districts", json[i], count, NULL);
        }
      measure (children[i], "programme-import", json[i], scratch, NULL);
      sscanf (children[i]->output, "%lf %lf", &read_s[i], &write_s[i]);
    }

  /* The database the larger import wrote is still there. */
  measure (&rewrite, "sqlite-rewrite", scratch, rewritten, NULL);

  g_snprintf (figure, sizeof figure, "%.2f s (%.2f + %.2f)", read_s[1] + write_s[1], read_s[1], write_s[1]);
  g_snprintf (floor, sizeof floor, "sqlite %.2f s", g_ascii_strtod (rewrite.output, NULL));
  g_snprintf (scale, sizeof scale, n_districts >= 1000 ? "%uk" : "%u",
              n_districts >= 1000 ? n_districts / 1000 : n_districts);
  print_row ("import programme of many districts", scale, figure, floor, large.max_rss_mb, "< 2 s");
  g_snprintf (figure, sizeof figure, "%.2f s", large.cpu);
  g_snprintf (floor, sizeof floor, "%u: %.2f s, x10 %.2f s", sizes[0], small.cpu, 10 * small.cpu);
  print_row ("  the same, processor time", scale, figure, floor, large.max_rss_mb, "");

  g_unlink (scratch);
  g_unlink (rewritten);
  for (guint i = 0; i < 2; i++)
    g_free (json[i]);
}

/* Runs @argv twice and keeps the second run: the first warms the page
 * cache and, for LibreOffice, makes its profile. */
static void
run_warm (char  **argv,
          Child  *child)
{
  g_auto(Child) first = { 0, };

  run_child (argv, NULL, &first);
  run_child (argv, NULL, child);
}

/* LibreOffice converting the appendix of @db written as HTML (@what:
 * "table" or "kpis"; writing it is not timed) to PDF: seconds, or -1
 * when it made no PDF (no Writer installed, say). */
static double
time_soffice (const char *workdir,
              const char *soffice,
              const char *db,
              const char *period,
              const char *what)
{
  g_autofree char *html = g_strdup_printf ("%s/appendix-%s.html", workdir, what);
  g_autofree char *converted = g_build_filename (workdir, "appendix-soffice", NULL);
  g_autofree char *name = g_strdup_printf ("appendix-%s.pdf", what);
  g_autofree char *converted_pdf = g_build_filename (converted, name, NULL);
  g_autofree char *profile = g_build_filename (workdir, "soffice-profile", NULL);
  g_autofree char *profile_uri = g_filename_to_uri (profile, NULL, NULL);
  g_autofree char *profile_arg = g_strconcat ("-env:UserInstallation=", profile_uri, NULL);
  char *argv[] = { (char *) soffice, profile_arg, "--headless", "--convert-to", "pdf",
                   "--outdir", converted, html, NULL };
  g_auto(Child) written = { 0, }, theirs = { 0, };

  measure (&written, "appendix-html", db, period, what, html, NULL);
  g_mkdir_with_parents (converted, 0700);
  g_unlink (converted_pdf);
  run_warm (argv, &theirs);
  if (!g_file_test (converted_pdf, G_FILE_TEST_IS_REGULAR))
    {
      fprintf (stderr, "pm-bench: %s made no PDF of %s: %s\n", soffice, html, theirs.output);
      return -1;
    }
  g_unlink (converted_pdf);
  return theirs.wall;
}

/* The appendix of @db for @period to PDF by pilot-monitor, against the
 * same table converted by LibreOffice, and against its KPIs' rows alone
 * (LibreOffice's easier job): whole processes, each the second of two
 * runs in a row, so neither pays for a cold start. */
static void
bench_appendix_pair (const char *workdir,
                     const char *db,
                     const char *period,
                     const char *scale,
                     const char *soffice)
{
  static const char *const whats[] = { "table", "kpis" };
  static const char *const labels[] = { "appendix to PDF vs LibreOffice", "  vs LibreOffice, KPI rows only" };
  g_autofree char *pdf = g_build_filename (workdir, "appendix.pdf", NULL);
  char *argv_app[] = { (char *) app_path, "--database", (char *) db, "--export-appendix",
                       "--period", (char *) period, "--output", pdf, NULL };
  g_auto(Child) ours = { 0, };
  char figure[64], floor[64];

  run_warm (argv_app, &ours);
  g_unlink (pdf);
  g_snprintf (figure, sizeof figure, "%.3f s", ours.wall);
  for (guint i = 0; i < G_N_ELEMENTS (whats); i++)
    {
      double theirs = soffice != NULL ? time_soffice (workdir, soffice, db, period, whats[i]) : -1;

      if (theirs < 0)
        g_snprintf (floor, sizeof floor, "soffice skipped");
      else
        g_snprintf (floor, sizeof floor, "soffice %.2f s, %.1fx", theirs, theirs / ours.wall);
      print_row (labels[i], scale, figure, floor, ours.max_rss_mb,
                 g_str_equal (scale, "sample") ? "" : ">= 10x");
      if (soffice == NULL)
        {
          g_autofree char *html = g_build_filename (workdir, "appendix-table.html", NULL);
          g_auto(Child) written = { 0, };

          /* Written all the same, so that the small run checks it. */
          measure (&written, "appendix-html", db, period, "table", html, NULL);
          break;
        }
    }
}

/* The sample's appendix, and that of the sample @n_copies times over
 * (1,159 KPIs at 19), against LibreOffice. */
static void
bench_appendix (const char *workdir,
                const char *sample_db,
                guint       n_copies,
                const char *soffice)
{
  g_autofree char *db = g_strdup_printf ("%s/sample-x%u.db", workdir, n_copies);
  g_autofree char *count = g_strdup_printf ("%u", n_copies);
  g_autofree char *scale = g_strdup_printf ("x%u", n_copies);

  /* Kept between runs, as the large programme is. */
  if (!g_file_test (db, G_FILE_TEST_EXISTS))
    {
      g_auto(Child) generate = { 0, };

      measure (&generate, "generate-copies", db, count, NULL);
    }
  bench_appendix_pair (workdir, sample_db, "FY2016-Q3", "sample", soffice);
  bench_appendix_pair (workdir, db, "FY2016-Q3", scale, soffice);
}

/* A sample CSV: a new value for every KPI of the sample, next quarter. */
static guint
write_sample_csv (PmProgramme *programme,
                  const char  *path)
{
  g_autoptr(GListModel) kpis = pm_programme_list_kpis (programme);
  g_autoptr(GString) out = g_string_new ("district,pilot,kpi,period,value,note\r\n");
  guint n = g_list_model_get_n_items (kpis);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PmKpi) kpi = g_list_model_get_item (kpis, i);
      PmPilot *pilot = pm_kpi_get_pilot (kpi);

      pm_csv_append_field (out, pm_district_get_name (pm_pilot_get_district (pilot)));
      g_string_append_c (out, ',');
      pm_csv_append_field (out, pm_pilot_get_title (pilot));
      g_string_append_c (out, ',');
      pm_csv_append_field (out, pm_kpi_get_title (kpi));
      g_string_append (out, ",FY2016-Q4,7,\r\n");
    }
  g_file_set_contents (path, out->str, out->len, NULL);
  return n;
}

static void
make_store (const char  *path,
            PmProgramme *programme)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PmStore) store = NULL;

  g_unlink (path);
  store = pm_store_open (path, PM_STORE_OPEN_CREATE, &error);
  if (store == NULL || (programme != NULL && !pm_store_import (store, programme, &error)))
    g_error ("%s: %s", path, error->message);
  pm_store_close (store);
}

int
main (int   argc,
      char *argv[])
{
  BenchShape shape = { 150, 4, 25, 40, 1 };
  g_autofree char *workdir = NULL;
  g_autofree char *app = NULL;
  g_autofree char *window_bench = NULL;
  g_autofree char *large_db = NULL;
  g_autofree char *large_csv = NULL;
  g_autofree char *sample_db = NULL;
  g_autofree char *sample_csv = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PmProgramme) sample = NULL;
  int saves = 1000;
  int many_districts = 10000;
  int copies = 19;
  gboolean no_soffice = FALSE;
  g_autofree char *soffice = NULL;
  int districts = 150, pilots = 4, kpis = 25, quarters = 40, seed = 1;
  GOptionEntry entries[] = {
    { "districts", 0, 0, G_OPTION_ARG_INT, &districts, "Districts in the large programme", "N" },
    { "pilots-per-district", 0, 0, G_OPTION_ARG_INT, &pilots, "Pilots per district", "N" },
    { "kpis-per-pilot", 0, 0, G_OPTION_ARG_INT, &kpis, "KPIs per pilot", "N" },
    { "quarters", 0, 0, G_OPTION_ARG_INT, &quarters, "Quarters of history (at most 40)", "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, "Seed of the generator", "N" },
    { "saves", 0, 0, G_OPTION_ARG_INT, &saves, "Saves to time", "N" },
    { "many-districts", 0, 0, G_OPTION_ARG_INT, &many_districts,
      "Districts in the programme file to import (and a tenth as many)", "N" },
    { "copies", 0, 0, G_OPTION_ARG_INT, &copies,
      "Copies of the sample whose appendix is set against LibreOffice's", "N" },
    { "soffice", 0, 0, G_OPTION_ARG_FILENAME, &soffice, "LibreOffice's soffice (found in PATH)", "PATH" },
    { "no-soffice", 0, 0, G_OPTION_ARG_NONE, &no_soffice, "Leave out the LibreOffice comparison", NULL },
    { "workdir", 0, 0, G_OPTION_ARG_FILENAME, &workdir, "Where to keep the generated files", "DIR" },
    { "app", 0, 0, G_OPTION_ARG_FILENAME, &app, "The pilot-monitor binary", "PATH" },
    { "window-bench", 0, 0, G_OPTION_ARG_FILENAME, &window_bench,
      "pm-bench-window, to time scrolling and opening pilots (left out without it)", "PATH" },
    { NULL }
  };
  double t0;

  setlocale (LC_ALL, "");
  if (argc >= 3 && g_str_equal (argv[1], "--measure"))
    return run_measure (argc, argv);

  context = g_option_context_new ("— time Pilot Monitor on the sample and a large programme");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "pm-bench: %s\n", error->message);
      return 2;
    }
  if (districts < 1 || pilots < 1 || kpis < 1 || quarters < 1 || quarters > 40 || saves < 10 ||
      many_districts < 10 || copies < 1)
    {
      fprintf (stderr, "pm-bench: sizes must be positive, quarters at most 40, saves and "
                       "many-districts at least 10, copies at least 1\n");
      return 2;
    }
  shape = (BenchShape) { districts, pilots, kpis, quarters, seed };

  self_path = g_file_test ("/proc/self/exe", G_FILE_TEST_EXISTS)
              ? g_file_read_link ("/proc/self/exe", NULL) : argv[0];
  if (app == NULL)
    app = g_strdup (g_getenv ("PM_BINARY"));
  if (app == NULL)
    {
      fprintf (stderr, "pm-bench: give --app PATH (or PM_BINARY) for pilot-monitor\n");
      return 2;
    }
  app_path = app;
  window_bench_path = window_bench;
  if (workdir == NULL)
    workdir = g_build_filename (g_get_tmp_dir (), "pm-bench", NULL);
  g_mkdir_with_parents (workdir, 0700);

  /* The generated programme is kept between runs: named by its shape. */
  large_db = g_strdup_printf ("%s/large-%ux%ux%ux%u-%u.db", workdir, shape.districts,
                              shape.pilots_per_district, shape.kpis_per_pilot, shape.quarters, shape.seed);
  large_csv = g_strdup_printf ("%s/large-%ux%ux%ux%u-%u.csv", workdir, shape.districts,
                               shape.pilots_per_district, shape.kpis_per_pilot, shape.quarters, shape.seed);
  sample_db = g_build_filename (workdir, "sample.db", NULL);
  sample_csv = g_build_filename (workdir, "sample.csv", NULL);

  sample = pm_sample_programme_load (&error);
  if (sample == NULL)
    g_error ("sample: %s", error->message);
  make_store (sample_db, sample);

  if (!g_file_test (large_db, G_FILE_TEST_EXISTS) || !g_file_test (large_csv, G_FILE_TEST_EXISTS))
    {
      g_autofree char *partial = g_strconcat (large_db, ".part", NULL);
      char *numbers[5];
      g_auto(Child) generate = { 0, };

      /* In a child, so that this process stays small: a child's peak
       * memory counts what it inherited at fork. */
      numbers[0] = g_strdup_printf ("%u", shape.districts);
      numbers[1] = g_strdup_printf ("%u", shape.pilots_per_district);
      numbers[2] = g_strdup_printf ("%u", shape.kpis_per_pilot);
      numbers[3] = g_strdup_printf ("%u", shape.quarters);
      numbers[4] = g_strdup_printf ("%u", shape.seed);
      t0 = now ();
      measure (&generate, "generate", partial, large_csv, numbers[0], numbers[1], numbers[2],
               numbers[3], numbers[4], NULL);
      if (g_rename (partial, large_db) != 0)
        g_error ("rename: %s", g_strerror (errno));
      printf ("Generated %s in %.1f s\n", large_db, now () - t0);
      for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
        g_free (numbers[i]);
    }

  {
    g_autofree char *host = NULL;
    g_autofree char *cpu = NULL;
    g_autofree char *cpuinfo = NULL;
    guint n_entries = shape.districts * shape.pilots_per_district * shape.kpis_per_pilot * shape.quarters;
    char *model;

    if (g_file_get_contents ("/proc/cpuinfo", &cpuinfo, NULL, NULL) &&
        (model = strstr (cpuinfo, "model name")) != NULL)
      {
        char *colon = strchr (model, ':');
        char *end = strchr (model, '\n');

        if (colon != NULL && end != NULL)
          cpu = g_strstrip (g_strndup (colon + 1, end - colon - 1));
      }
    printf ("\nPilot Monitor %s, sqlite %s, %u cores, %s\n", PACKAGE_VERSION, sqlite3_libversion (),
            g_get_num_processors (), cpu != NULL ? cpu : "unknown CPU");
    printf ("sample: the bundled programme (8 districts, 61 KPIs)\n");
    printf ("large: %u districts x %u pilots x %u KPIs x %u quarters = %u values, %u narratives\n\n",
            shape.districts, shape.pilots_per_district, shape.kpis_per_pilot, shape.quarters, n_entries,
            shape.districts * shape.pilots_per_district * shape.quarters);
  }

  printf ("| %-34s | %-6s | %-22s | %-22s | %7s | %-9s |\n",
          "measurement", "scale", "figure", "floor (same run)", "RSS MB", "goal");
  printf ("|%s|%s|%s|%s|%s|%s|\n", "------------------------------------",
          "--------", "------------------------", "------------------------", "---------", "-----------");

  {
    Scale small = { "sample", sample_db, sample_csv, "FY2016-Q3", "Tamworth", 0, 1 };
    g_autofree char *last_period = NULL;
    g_autoptr(PmPeriod) last = pm_period_new_from_index (2014 * 4 + shape.quarters - 1);
    Scale large = { "large", large_db, large_csv, NULL, "District 001",
                    shape.districts * shape.pilots_per_district * shape.kpis_per_pilot * shape.quarters,
                    shape.quarters };

    small.n_rows = write_sample_csv (sample, sample_csv);
    bench_scale (&small, workdir, saves, FALSE);
    last_period = pm_period_to_code (last);
    large.period = last_period;
    bench_scale (&large, workdir, saves, TRUE);
  }

  bench_districts (workdir, many_districts);

  if (soffice == NULL && !no_soffice)
    soffice = g_find_program_in_path ("soffice");
  if (no_soffice)
    g_clear_pointer (&soffice, g_free);
  bench_appendix (workdir, sample_db, copies, soffice);
  if (soffice == NULL)
    printf ("\nThe comparison with LibreOffice was skipped: %s.\n",
            no_soffice ? "--no-soffice" : "soffice is not installed");
  else
    printf ("\nLibreOffice: %s converting the appendix's table written as HTML (writing it not "
            "timed); both sides the second of two runs in a row.\n", soffice);

  return 0;
}
