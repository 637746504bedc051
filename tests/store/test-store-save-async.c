/* test-store-save-async.c: a value saved to a server without blocking
 *
 * pm_store_save_entry_async() saves in a worker. A second connection
 * holds a lock on the progress table (an open transaction with LOCK
 * TABLE … IN ACCESS EXCLUSIVE MODE), so the save waits on the server for
 * as long as the test wants: the main loop must keep ticking meanwhile
 * (the longest gap between ticks of a 10 ms timeout stays short), the
 * model keeps the value the database holds until the save has
 * committed, and the save completes once the lock goes. Saves queued one
 * after another are made in order; a conflict and a connection dropped
 * during the save give their error and leave the model as the database
 * is. A file's save is made at once. Against the PostgreSQL test server;
 * the server's cases skip without it (PM_TEST_PG_URI).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pg-test-util.h"
#include "store-test-util.h"

typedef struct
{
  char        *uri;
  PGconn      *locker;     /* holds the lock, on the same database */
  PmStore     *store;
  PmProgramme *programme;
  PmKpi       *kpi;        /* "Attendance", 50 in FY2016-Q3 */
  PmPeriod    *q3;
  guint        done;       /* saves finished */
  GPtrArray   *errors;     /* theirs, in the order they finished (NULL: saved) */
  GPtrArray   *replaced;   /* each save's replaced entry, in order */
  guint        changed_elsewhere;
} Fixture;

static void
changed_elsewhere_cb (PmStore *store,
                      Fixture *fixture)
{
  fixture->changed_elsewhere++;
}

static void
object_unref_or_null (gpointer data)
{
  if (data != NULL)
    g_object_unref (data);
}

static void
error_free (gpointer data)
{
  if (data != NULL)
    g_error_free (data);
}

static void
open_store (Fixture    *fixture,
            const char *location)
{
  g_autoptr(GError) error = NULL;
  PmDistrict *district;
  PmPilot *pilot;

  fixture->store = pm_store_open (location, PM_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  pm_store_set_author (fixture->store, "Alex Lead");
  fixture->programme = pm_store_load (fixture->store, &error);
  g_assert_no_error (error);
  district = pm_test_item (pm_programme_get_districts (fixture->programme), 0);
  pilot = pm_test_item (pm_district_get_pilots (district), 0);
  fixture->kpi = pm_test_item (pm_pilot_get_kpis (pilot), 0);
  g_assert_cmpstr (pm_kpi_get_title (fixture->kpi), ==, "Attendance");
  fixture->q3 = pm_period_new (2016, 3);
  fixture->errors = g_ptr_array_new_with_free_func (error_free);
  fixture->replaced = g_ptr_array_new_with_free_func (object_unref_or_null);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PmProgramme) programme = NULL;

  if (!pg_test_available ())
    return;

  fixture->uri = pg_test_create_database ("pm_save_async", &error);
  g_assert_no_error (error);
  programme = store_test_build_small_programme ();
  pm_test_store_create (fixture->uri, programme);
  open_store (fixture, fixture->uri);
  /* As the window does: the socket is watched on the main loop. */
  g_assert_true (pm_store_watch_changes (fixture->store));
  g_signal_connect (fixture->store, "changed-elsewhere", G_CALLBACK (changed_elsewhere_cb), fixture);

  fixture->locker = PQconnectdb (fixture->uri);
  g_assert_cmpint (PQstatus (fixture->locker), ==, CONNECTION_OK);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&fixture->errors, g_ptr_array_unref);
  g_clear_pointer (&fixture->replaced, g_ptr_array_unref);
  g_clear_object (&fixture->q3);
  g_clear_object (&fixture->programme);
  if (fixture->store != NULL)
    pm_store_close (fixture->store);
  g_clear_object (&fixture->store);
  g_clear_pointer (&fixture->locker, PQfinish);
  if (fixture->uri != NULL)
    {
      g_assert_true (pg_test_drop_database (fixture->uri, &error));
      g_assert_no_error (error);
    }
  g_clear_pointer (&fixture->uri, g_free);
}

/* What the server holds for Attendance in FY2016-Q3 (another session's
 * view, outside the locker's transaction when there is none). */
static double
stored_value (Fixture *fixture)
{
  g_autoptr(PGconn) conn = PQconnectdb (fixture->uri);
  g_autoptr(PGresult) result = NULL;
  g_autofree char *sql = g_strdup_printf ("SELECT value FROM progress WHERE kpi_id = %" G_GINT64_FORMAT
                                          " AND period = 'FY2016-Q3'", pm_kpi_get_id (fixture->kpi));

  result = PQexec (conn, sql);
  g_assert_cmpint (PQresultStatus (result), ==, PGRES_TUPLES_OK);
  g_assert_cmpint (PQntuples (result), ==, 1);
  return g_ascii_strtod (PQgetvalue (result, 0, 0), NULL);
}

static double
value_held (Fixture *fixture)
{
  return pm_progress_entry_get_value (pm_kpi_get_entry (fixture->kpi, fixture->q3));
}

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  Fixture *fixture = user_data;
  g_autoptr(PmProgressEntry) replaced = NULL;
  GError *error = NULL;

  g_assert_true (source == G_OBJECT (fixture->store));
  if (pm_store_save_entry_finish (PM_STORE (source), result, &replaced, &error))
    {
      g_assert_no_error (error);
      g_ptr_array_add (fixture->replaced, replaced != NULL ? g_object_ref (replaced) : NULL);
    }
  else
    g_assert_nonnull (error);
  g_ptr_array_add (fixture->errors, error);
  fixture->done++;
}

static void
save_async (Fixture *fixture,
            PmKpi   *kpi,
            double   value)
{
  g_autoptr(PmProgressEntry) entry = pm_progress_entry_new (fixture->q3);

  pm_progress_entry_set_value (entry, value);
  pm_store_save_entry_async (fixture->store, kpi, entry, saved_cb, fixture);
}

static void
wait_done (Fixture *fixture,
           guint    n)
{
  while (fixture->done < n)
    g_main_context_iteration (NULL, TRUE);
}

/* Runs the main loop until the save waits for the lock. */
static void
wait_blocked (Fixture *fixture)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (pg_test_count_lock_waiters (fixture->locker) == 0)
    {
      g_assert_cmpuint (fixture->done, ==, 0);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (5000);
    }
}

static void
test_held_by_lock (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(PGconn) other = NULL;
  PgTestGaps gaps = { 0, 0, 0 };
  guint gap_id;

  if (pg_test_skip_without_server ())
    return;

  g_assert_cmpfloat (value_held (fixture), ==, 50);
  pg_test_run (fixture->locker, "BEGIN; LOCK TABLE progress IN ACCESS EXCLUSIVE MODE;");
  gap_id = g_timeout_add (10, pg_test_gaps_tick, &gaps);
  save_async (fixture, fixture->kpi, 61);
  g_assert_true (pm_store_is_saving (fixture->store));

  /* The save waits on the server; the main loop does not, and the model
   * still holds what the database does. Another connection's change
   * wakes the socket's watch meanwhile, which stands aside. */
  wait_blocked (fixture);
  other = PQconnectdb (fixture->uri);
  pg_test_run (other, "NOTIFY pm_changes, ''");
  gaps.last = 0;
  gaps.ticks = 0;
  gaps.longest = 0;
  /* A third of a second, and a few ticks (a slow run's may be longer). */
  for (gint64 until = g_get_monotonic_time () + 300000;
       g_get_monotonic_time () < until || gaps.ticks < 3;)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (fixture->done, ==, 0);
  g_assert_cmpfloat (value_held (fixture), ==, 50);
  g_test_message ("main loop held up at most %.0f ms while the save waited", gaps.longest / 1e3);
  /* Under the sanitizers and valgrind (PM_TEST_SLOW) a frame alone is
   * slow: there only that it goes on ticking while the save waits. */
  g_assert_cmpint (gaps.longest, <, (g_getenv ("PM_TEST_SLOW") != NULL ? 2000 : 150) * 1000);

  pg_test_run (fixture->locker, "COMMIT;");
  wait_done (fixture, 1);
  g_source_remove (gap_id);
  g_assert_no_error (g_ptr_array_index (fixture->errors, 0));
  g_assert_false (pm_store_is_saving (fixture->store));
  g_assert_cmpfloat (value_held (fixture), ==, 61);
  g_assert_cmpfloat (stored_value (fixture), ==, 61);

  /* The notification that arrived during the save is told once the
   * socket is watched again. */
  for (gint64 until = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
       fixture->changed_elsewhere == 0 && g_get_monotonic_time () < until;)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (fixture->changed_elsewhere, >, 0);
}

static void
test_in_order (Fixture       *fixture,
               gconstpointer  data)
{
  gint64 revision;

  if (pg_test_skip_without_server ())
    return;

  revision = pm_progress_entry_get_revision (pm_kpi_get_entry (fixture->kpi, fixture->q3));
  /* Quick edits one after another, before the first has been made: each
   * saves over the one before it, not over what was there at first. */
  pg_test_run (fixture->locker, "BEGIN; LOCK TABLE progress IN ACCESS EXCLUSIVE MODE;");
  save_async (fixture, fixture->kpi, 51);
  save_async (fixture, fixture->kpi, 52);
  save_async (fixture, fixture->kpi, 53);
  wait_blocked (fixture);
  pg_test_run (fixture->locker, "COMMIT;");
  wait_done (fixture, 3);

  for (guint i = 0; i < 3; i++)
    g_assert_no_error (g_ptr_array_index (fixture->errors, i));
  g_assert_cmpfloat (value_held (fixture), ==, 53);
  g_assert_cmpint (pm_progress_entry_get_revision (pm_kpi_get_entry (fixture->kpi, fixture->q3)), ==, revision + 3);
  g_assert_cmpfloat (stored_value (fixture), ==, 53);
  /* Each replaced the one before it (what an undo puts back). */
  g_assert_cmpuint (fixture->replaced->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpfloat (pm_progress_entry_get_value (g_ptr_array_index (fixture->replaced, i)), ==, 50 + i);

  /* Each was written, in turn: the audit trail has all three, each over
   * the one before. */
  g_assert_cmpint (pg_test_query_int (fixture->locker,
                              "SELECT count (*) FROM audit WHERE kind = 'value' AND "
                              "((old_value = 50 AND new_value = 51) OR (old_value = 51 AND new_value = 52) "
                              "OR (old_value = 52 AND new_value = 53))"), ==, 3);
  g_assert_cmpint (pg_test_query_int (fixture->locker,
                              "SELECT count (*) FROM (SELECT new_value, lag (new_value) OVER (ORDER BY id) AS before "
                              "FROM audit WHERE kind = 'value' AND new_value IN (51, 52, 53)) AS a "
                              "WHERE before IS NOT NULL AND before > new_value"), ==, 0);
}

static void
test_conflict (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PmStore) sam = NULL;
  g_autoptr(PmProgramme) programme = NULL;
  g_autoptr(PmProgressEntry) entry = pm_progress_entry_new (fixture->q3);
  PmKpi *kpi;
  GError *failed;

  if (pg_test_skip_without_server ())
    return;

  /* Sam saves first, from another connection. */
  sam = pm_store_open (fixture->uri, PM_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  pm_store_set_author (sam, "Sam Office");
  programme = pm_store_load (sam, &error);
  g_assert_no_error (error);
  kpi = pm_test_item (pm_pilot_get_kpis (pm_test_item (pm_district_get_pilots (pm_test_item (pm_programme_get_districts (programme), 0)), 0)), 0);
  pm_progress_entry_set_value (entry, 70);
  g_assert_true (pm_store_save_entry (sam, kpi, entry, &error));
  g_assert_no_error (error);

  save_async (fixture, fixture->kpi, 61);
  wait_done (fixture, 1);
  failed = g_ptr_array_index (fixture->errors, 0);
  g_assert_error (failed, PM_STORE_ERROR, PM_STORE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (failed->message, "Sam Office"));
  /* The model holds what the database does: Sam's. */
  g_assert_cmpfloat (value_held (fixture), ==, 70);
  g_assert_cmpfloat (stored_value (fixture), ==, 70);

  /* And the next save is over Sam's, not refused again. */
  save_async (fixture, fixture->kpi, 62);
  wait_done (fixture, 2);
  g_assert_no_error (g_ptr_array_index (fixture->errors, 1));
  g_assert_cmpfloat (stored_value (fixture), ==, 62);
}

static void
test_connection_dropped (Fixture       *fixture,
                         gconstpointer  data)
{
  GError *failed;

  if (pg_test_skip_without_server ())
    return;

  pg_test_run (fixture->locker, "BEGIN; LOCK TABLE progress IN ACCESS EXCLUSIVE MODE;");
  save_async (fixture, fixture->kpi, 61);
  save_async (fixture, fixture->kpi, 62);
  wait_blocked (fixture);

  /* The save's connection is ended while it waits. */
  g_assert_cmpint (pg_test_query_int (fixture->locker,
                              "SELECT count (pg_terminate_backend (pid)) FROM pg_stat_activity "
                              "WHERE datname = current_database () AND pid <> pg_backend_pid () "
                              "AND wait_event_type = 'Lock'"), ==, 1);
  wait_done (fixture, 2);
  pg_test_run (fixture->locker, "COMMIT;");

  failed = g_ptr_array_index (fixture->errors, 0);
  g_assert_error (failed, PM_STORE_ERROR, PM_STORE_ERROR_DISCONNECTED);
  /* The one queued after it finds no connection either. */
  g_assert_nonnull (g_ptr_array_index (fixture->errors, 1));
  g_assert_false (pm_store_is_connected (fixture->store));
  g_assert_false (pm_store_is_saving (fixture->store));
  g_assert_cmpfloat (value_held (fixture), ==, 50);
  g_assert_cmpfloat (stored_value (fixture), ==, 50);

  /* Back, the same value saves (nothing was written before). */
  g_assert_true (pm_store_reconnect (fixture->store, NULL));
  save_async (fixture, fixture->kpi, 61);
  wait_done (fixture, 3);
  g_assert_no_error (g_ptr_array_index (fixture->errors, 2));
  g_assert_cmpfloat (value_held (fixture), ==, 61);
  g_assert_cmpfloat (stored_value (fixture), ==, 61);
}

static void
test_file (void)
{
  g_autofree char *dir = pm_test_dir_new ("pm-save-async");
  g_autofree char *path = g_build_filename (dir, "file.db", NULL);
  g_autoptr(PmProgramme) small = store_test_build_small_programme ();
  g_autofree char *sql = NULL;
  Fixture fixture = { 0 };

  pm_test_store_create (path, small);
  open_store (&fixture, path);
  g_assert_false (pm_store_is_server (fixture.store));

  save_async (&fixture, fixture.kpi, 61);
  /* Made at once; told from the main loop. */
  g_assert_cmpfloat (value_held (&fixture), ==, 61);
  g_assert_cmpuint (fixture.done, ==, 0);
  wait_done (&fixture, 1);
  g_assert_no_error (g_ptr_array_index (fixture.errors, 0));
  sql = g_strdup_printf ("SELECT value FROM progress WHERE period = 'FY2016-Q3' AND kpi_id = %" G_GINT64_FORMAT,
                         pm_kpi_get_id (fixture.kpi));
  g_assert_cmpint (store_test_query_int (path, sql), ==, 61);

  g_clear_pointer (&fixture.errors, g_ptr_array_unref);
  g_clear_pointer (&fixture.replaced, g_ptr_array_unref);
  g_clear_object (&fixture.q3);
  g_clear_object (&fixture.programme);
  pm_store_close (fixture.store);
  g_clear_object (&fixture.store);
  store_test_clear_dir (&dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/store/save-async/held-by-lock", test_held_by_lock);
  ADD ("/store/save-async/in-order", test_in_order);
  ADD ("/store/save-async/conflict", test_conflict);
  ADD ("/store/save-async/connection-dropped", test_connection_dropped);
#undef ADD
  g_test_add_func ("/store/save-async/file", test_file);

  return g_test_run ();
}
