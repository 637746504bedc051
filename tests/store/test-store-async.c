/* test-store-async.c: a server's programme opened without blocking
 *
 * pm_store_open_async() opens the store and loads the programme in a
 * worker: the same programme as pm_store_load() gives, while the
 * caller's main loop keeps running. A second connection holds a lock on
 * a table the load reads (an open transaction with LOCK TABLE … IN
 * ACCESS EXCLUSIVE MODE), so the load waits on the server for as long as
 * the test wants: the main loop must tick meanwhile, and a cancel must
 * end the load while the lock is still held, leaving no store and no
 * connection behind. A wrong password is an error, as with the
 * synchronous open. Against the PostgreSQL test server; skips without
 * it (PM_TEST_PG_URI).
 *
 * With PM_MEASURE_OPEN_LOCATION set to a server location, "measure"
 * reports the longest the main loop was held up (the largest gap between
 * ticks of a 10 ms timeout) while opening it, synchronously and in the
 * worker.
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
  gboolean     done;
  PmStore     *store;
  PmProgramme *programme;
  GError      *error;
  guint        ticks;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PmProgramme) programme = NULL;

  if (!pg_test_available ())
    return;

  fixture->uri = pg_test_create_database ("pm_async", &error);
  g_assert_no_error (error);
  programme = store_test_build_full_programme ();
  pm_test_store_create (fixture->uri, programme);

  fixture->locker = PQconnectdb (fixture->uri);
  g_assert_cmpint (PQstatus (fixture->locker), ==, CONNECTION_OK);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&fixture->programme);
  g_clear_object (&fixture->store);
  g_clear_error (&fixture->error);
  g_clear_pointer (&fixture->locker, PQfinish);
  if (fixture->uri != NULL)
    {
      g_assert_true (pg_test_drop_database (fixture->uri, &error));
      g_assert_no_error (error);
    }
  g_clear_pointer (&fixture->uri, g_free);
}

static void
opened_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Fixture *fixture = user_data;

  g_assert_null (source);
  fixture->store = pm_store_open_finish (result, &fixture->programme, &fixture->error);
  fixture->done = TRUE;
}

static gboolean
tick_cb (gpointer user_data)
{
  Fixture *fixture = user_data;

  fixture->ticks++;
  return G_SOURCE_CONTINUE;
}

static void
wait_done (Fixture *fixture)
{
  while (!fixture->done)
    g_main_context_iteration (NULL, TRUE);
}

/* Runs the main loop until the store's load waits for the lock. */
static void
wait_blocked (Fixture *fixture)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (pg_test_count_lock_waiters (fixture->locker) == 0)
    {
      g_assert_false (fixture->done);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (5000);
    }
}

/* The connection closed, the server ends its backend a moment later. */
static void
wait_no_connection (Fixture *fixture)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (pg_test_count_others (fixture->locker, "") > 0)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (10000);
    }
}

static void
test_same_programme (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PmStore) store = NULL;
  g_autoptr(PmProgramme) loaded = NULL;

  if (pg_test_skip_without_server ())
    return;

  store = pm_store_open (fixture->uri, PM_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  loaded = pm_store_load (store, &error);
  g_assert_no_error (error);

  pm_store_open_async (fixture->uri, NULL, PM_STORE_OPEN_DEFAULT, NULL, opened_cb, fixture);
  wait_done (fixture);
  g_assert_no_error (fixture->error);
  g_assert_nonnull (fixture->store);
  g_assert_true (pm_store_is_server (fixture->store));
  g_assert_nonnull (fixture->programme);
  store_test_assert_programmes_equal (loaded, fixture->programme, TRUE);

  /* The store is the caller's now: it saves on this thread. */
  pm_store_set_author (fixture->store, "Alex Lead");
  pm_programme_set_name (fixture->programme, "Renamed");
  g_assert_true (pm_store_update_programme (fixture->store, fixture->programme, &error));
  g_assert_no_error (error);
  g_clear_object (&loaded);
  loaded = pm_store_load (store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pm_programme_get_name (loaded), ==, "Renamed");
}

static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *empty = NULL;

  if (pg_test_skip_without_server ())
    return;

  /* A new database on the server: set up, with no programme yet. */
  empty = pg_test_create_database ("pm_async_empty", &error);
  g_assert_no_error (error);
  pm_store_open_async (empty, NULL, PM_STORE_OPEN_CREATE, NULL, opened_cb, fixture);
  wait_done (fixture);
  g_assert_no_error (fixture->error);
  g_assert_nonnull (fixture->store);
  g_assert_null (fixture->programme);
  g_assert_true (pm_store_is_empty (fixture->store));
  g_clear_object (&fixture->store);
  g_assert_true (pg_test_drop_database (empty, &error));
  g_assert_no_error (error);
}

static void
test_main_loop_runs (Fixture       *fixture,
                     gconstpointer  data)
{
  guint ticks_blocked;
  guint tick_id;

  if (pg_test_skip_without_server ())
    return;

  pg_test_run (fixture->locker, "BEGIN; LOCK TABLE baseline IN ACCESS EXCLUSIVE MODE;");
  tick_id = g_timeout_add (10, tick_cb, fixture);
  pm_store_open_async (fixture->uri, NULL, PM_STORE_OPEN_DEFAULT, NULL, opened_cb, fixture);

  /* The load waits on the server; the main loop does not. */
  wait_blocked (fixture);
  ticks_blocked = fixture->ticks;
  for (gint64 until = g_get_monotonic_time () + 200000; g_get_monotonic_time () < until;)
    g_main_context_iteration (NULL, FALSE);
  g_assert_false (fixture->done);
  g_assert_cmpuint (fixture->ticks, >, ticks_blocked);

  pg_test_run (fixture->locker, "COMMIT;");
  wait_done (fixture);
  g_source_remove (tick_id);
  g_assert_no_error (fixture->error);
  g_assert_nonnull (fixture->programme);
  g_assert_cmpuint (g_list_model_get_n_items (pm_programme_get_districts (fixture->programme)), >, 0);
}

static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();

  if (pg_test_skip_without_server ())
    return;

  pg_test_run (fixture->locker, "BEGIN; LOCK TABLE baseline IN ACCESS EXCLUSIVE MODE;");
  pm_store_open_async (fixture->uri, NULL, PM_STORE_OPEN_DEFAULT, cancellable, opened_cb, fixture);
  wait_blocked (fixture);
  g_assert_cmpint (pg_test_count_others (fixture->locker, ""), ==, 1);

  /* Cancelled while the lock is still held: the server stops the query,
   * and the caller hears once the connection is closed. */
  g_cancellable_cancel (cancellable);
  wait_done (fixture);
  g_assert_error (fixture->error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (fixture->store);
  g_assert_null (fixture->programme);
  g_assert_cmpint (pg_test_count_lock_waiters (fixture->locker), ==, 0);

  wait_no_connection (fixture);

  pg_test_run (fixture->locker, "COMMIT;");
}

static void
test_cancel_before (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();

  if (pg_test_skip_without_server ())
    return;

  /* Cancelled before it has connected: nothing is kept. */
  g_cancellable_cancel (cancellable);
  pm_store_open_async (fixture->uri, NULL, PM_STORE_OPEN_DEFAULT, cancellable, opened_cb, fixture);
  wait_done (fixture);
  g_assert_error (fixture->error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (fixture->store);
  g_assert_null (fixture->programme);
  wait_no_connection (fixture);
}

static void
test_wrong_password (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *wrong = NULL;
  const char *user = g_getenv ("PM_TEST_PG_USER");

  if (pg_test_skip_without_server ())
    return;

  wrong = pg_test_uri_for_user (fixture->uri, user != NULL ? user : "pm_admin", "not-the-password");
  pm_store_open_async (wrong, NULL, PM_STORE_OPEN_DEFAULT, NULL, opened_cb, fixture);
  wait_done (fixture);
  g_assert_error (fixture->error, PM_STORE_ERROR, PM_STORE_ERROR_AUTHENTICATION);
  g_assert_null (fixture->store);
  g_assert_null (fixture->programme);
}

/* The measurement */

static gboolean
open_sync_cb (gpointer user_data)
{
  Fixture *fixture = user_data;

  fixture->store = pm_store_open (g_getenv ("PM_MEASURE_OPEN_LOCATION"), PM_STORE_OPEN_DEFAULT, &fixture->error);
  if (fixture->store != NULL)
    fixture->programme = pm_store_load (fixture->store, &fixture->error);
  fixture->done = TRUE;
  return G_SOURCE_REMOVE;
}

static void
measure_once (Fixture  *fixture,
              gboolean  in_worker)
{
  PgTestGaps gaps = { 0, 0, 0 };
  gint64 start = g_get_monotonic_time ();
  guint id = g_timeout_add (10, pg_test_gaps_tick, &gaps);

  fixture->done = FALSE;
  if (in_worker)
    pm_store_open_async (g_getenv ("PM_MEASURE_OPEN_LOCATION"), NULL, PM_STORE_OPEN_DEFAULT, NULL, opened_cb, fixture);
  else
    g_timeout_add (20, open_sync_cb, fixture);
  wait_done (fixture);
  /* The tick after the open ends its gap. */
  for (guint ticks = 0, until = 2; ticks < until; ticks++)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (id);
  g_assert_no_error (fixture->error);
  g_assert_nonnull (fixture->programme);
  g_test_message ("%s: open + load %.2f s, main loop held up at most %.0f ms",
                  in_worker ? "pm_store_open_async" : "pm_store_open + pm_store_load",
                  (g_get_monotonic_time () - start) / 1e6, gaps.longest / 1e3);
  g_clear_object (&fixture->programme);
  g_clear_object (&fixture->store);
}

static void
test_measure (Fixture       *fixture,
              gconstpointer  data)
{
  if (g_getenv ("PM_MEASURE_OPEN_LOCATION") == NULL)
    {
      g_test_skip ("set PM_MEASURE_OPEN_LOCATION to a server's programme to measure");
      return;
    }

  measure_once (fixture, FALSE);
  measure_once (fixture, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/store/async/same-programme", test_same_programme);
  ADD ("/store/async/empty", test_empty);
  ADD ("/store/async/main-loop-runs", test_main_loop_runs);
  ADD ("/store/async/cancel", test_cancel);
  ADD ("/store/async/cancel-before", test_cancel_before);
  ADD ("/store/async/wrong-password", test_wrong_password);
#undef ADD
  g_test_add ("/store/async/measure", Fixture, NULL, NULL, test_measure, NULL);

  return g_test_run ();
}
