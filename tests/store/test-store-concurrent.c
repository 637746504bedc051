/* test-store-concurrent.c: two people entering the same value at once
 *
 * Two clients (two connections, as two windows or two people on one
 * server would have) read the same programme; whoever saves second a KPI
 * and period the other has changed since is refused, told whose value is
 * there now, and shown it. No save overwrites one its author has not
 * seen. Runs on both engines.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "pm-progress-import.h"
#include "pm-progress-writer.h"
#include "pm-return-merge.h"
#include "pm-signing-key.h"
#include "store-test-util.h"

typedef struct
{
  PmStore     *store;
  PmProgramme *programme;
  PmKpi       *kpi;       /* "Attendance", 50 in FY2016-Q3 */
} Client;

typedef struct
{
  char   *dir;
  char   *path;
  Client  alex;
  Client  sam;
} Fixture;

static void
client_open (Client     *client,
             const char *path,
             const char *author)
{
  g_autoptr(GError) error = NULL;
  PmDistrict *district;
  PmPilot *pilot;

  client->store = pm_store_open (path, PM_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  pm_store_set_author (client->store, author);
  client->programme = pm_store_load (client->store, &error);
  g_assert_no_error (error);
  district = pm_test_item (pm_programme_get_districts (client->programme), 0);
  pilot = pm_test_item (pm_district_get_pilots (district), 0);
  client->kpi = pm_test_item (pm_pilot_get_kpis (pilot), 0);
  g_assert_cmpstr (pm_kpi_get_title (client->kpi), ==, "Attendance");
}

/* Loads the programme again, as the window does after someone else's
 * change. */
static void
client_load_again (Client *client)
{
  g_autoptr(GError) error = NULL;
  PmDistrict *district;
  PmPilot *pilot;

  g_clear_object (&client->programme);
  client->programme = pm_store_load (client->store, &error);
  g_assert_no_error (error);
  district = pm_test_item (pm_programme_get_districts (client->programme), 0);
  pilot = pm_test_item (pm_district_get_pilots (district), 0);
  client->kpi = pm_test_item (pm_pilot_get_kpis (pilot), 0);
}

static void
client_close (Client *client)
{
  g_clear_object (&client->programme);
  if (client->store != NULL)
    pm_store_close (client->store);
  g_clear_object (&client->store);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(PmProgramme) small = store_test_build_small_programme ();

  fixture->dir = pm_test_dir_new ("pm-store");
  fixture->path = store_test_location (fixture->dir, "shared.db");
  pm_test_store_create (fixture->path, small);
  client_open (&fixture->alex, fixture->path, "Alex Lead");
  client_open (&fixture->sam, fixture->path, "Sam Office");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  client_close (&fixture->alex);
  client_close (&fixture->sam);
  store_test_clear_dir (&fixture->dir);
  g_free (fixture->path);
}

static gboolean
save (Client      *client,
      double       value,
      const char  *note,
      GError     **error)
{
  g_autoptr(PmPeriod) q3 = pm_period_new (2016, 3);
  g_autoptr(PmProgressEntry) entry = pm_progress_entry_new (q3);

  pm_progress_entry_set_value (entry, value);
  pm_progress_entry_set_note (entry, note);
  return pm_store_save_entry (client->store, client->kpi, entry, error);
}

static double
value_held (Client *client)
{
  g_autoptr(PmPeriod) q3 = pm_period_new (2016, 3);

  return pm_progress_entry_get_value (pm_kpi_get_entry (client->kpi, q3));
}

static void
test_second_save_refused (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (save (&fixture->alex, 52.5, "Alex's figure", &error));
  g_assert_no_error (error);

  /* Sam still sees 50, and would overwrite Alex's 52.5 unseen. */
  g_assert_cmpfloat (value_held (&fixture->sam), ==, 50);
  g_assert_false (save (&fixture->sam, 51, "Sam's figure", &error));
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_CONFLICT);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "Alex Lead"));
  g_assert_nonnull (strstr (error->message, "52.5%"));
  g_assert_nonnull (strstr (error->message, "51%"));
  g_clear_error (&error);

  /* Nothing lost: Alex's value stands, and Sam's window now shows it. */
  g_assert_cmpint (store_test_query_int (fixture->path,
                                         "SELECT count (*) FROM progress WHERE value = 52.5"), ==, 1);
  g_assert_cmpfloat (value_held (&fixture->sam), ==, 52.5);

  /* Having seen it, Sam may replace it, and then Alex is the one told. */
  g_assert_true (save (&fixture->sam, 51, "Sam's figure", &error));
  g_assert_no_error (error);
  g_assert_false (save (&fixture->alex, 53, NULL, &error));
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "Sam Office"));
  g_assert_cmpfloat (value_held (&fixture->alex), ==, 51);
  g_assert_cmpint (store_test_query_int (fixture->path,
                                         "SELECT count (*) FROM progress WHERE value = 51"), ==, 1);
}

/* A first value for a new quarter, entered by both: the second is told. */
static void
test_both_enter_first_value (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(PmPeriod) q4 = pm_period_new (2016, 4);
  g_autoptr(PmProgressEntry) alex = pm_progress_entry_new (q4);
  g_autoptr(PmProgressEntry) sam = pm_progress_entry_new (q4);
  g_autoptr(GError) error = NULL;

  pm_progress_entry_set_value (alex, 55);
  pm_progress_entry_set_value (sam, 56);
  g_assert_true (pm_store_save_entry (fixture->alex.store, fixture->alex.kpi, alex, &error));
  g_assert_no_error (error);
  g_assert_false (pm_store_save_entry (fixture->sam.store, fixture->sam.kpi, sam, &error));
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_CONFLICT);
  g_assert_cmpfloat (pm_progress_entry_get_value (pm_kpi_get_entry (fixture->sam.kpi, q4)), ==, 55);
}

/* Taking a value out that someone has since changed is refused too. */
static void
test_delete_after_change (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(PmPeriod) q3 = pm_period_new (2016, 3);
  g_autoptr(GError) error = NULL;

  g_assert_true (save (&fixture->alex, 52.5, NULL, &error));
  g_assert_false (pm_store_delete_entry (fixture->sam.store, fixture->sam.kpi, q3, &error));
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "Alex Lead"));
  g_clear_error (&error);
  g_assert_cmpint (store_test_query_int (fixture->path,
                                         "SELECT count (*) FROM progress WHERE value = 52.5"), ==, 1);

  /* Seen, it can go. */
  g_assert_true (pm_store_delete_entry (fixture->sam.store, fixture->sam.kpi, q3, &error));
  g_assert_no_error (error);
  g_assert_null (pm_kpi_get_entry (fixture->sam.kpi, q3));
  g_assert_cmpint (store_test_query_int (fixture->path,
                                         "SELECT count (*) FROM progress WHERE period = 'FY2016-Q3'"), ==, 0);
}

/* Both at the same moment, many times over: each round exactly one of
 * the two saves from the same revision wins, and the stored value is
 * always the winner's. */
typedef struct
{
  Client  *client;
  double   value;
  GError  *error;
  gboolean saved;
  GMutex  *lock;
  GCond   *cond;
  int     *ready;
} Racer;

static gpointer
race (gpointer data)
{
  Racer *racer = data;

  g_mutex_lock (racer->lock);
  (*racer->ready)++;
  g_cond_broadcast (racer->cond);
  while (*racer->ready < 2)
    g_cond_wait (racer->cond, racer->lock);
  g_mutex_unlock (racer->lock);

  racer->saved = save (racer->client, racer->value, NULL, &racer->error);
  return NULL;
}

static void
test_simultaneous_saves (Fixture       *fixture,
                         gconstpointer  data)
{
  GMutex lock;
  GCond cond;

  g_mutex_init (&lock);
  g_cond_init (&cond);

  for (int round = 0; round < 20; round++)
    {
      int ready = 0;
      Racer alex = { &fixture->alex, 10 + round, NULL, FALSE, &lock, &cond, &ready };
      Racer sam = { &fixture->sam, 60 + round, NULL, FALSE, &lock, &cond, &ready };
      GThread *a, *b;
      Racer *winner, *loser;
      g_autofree char *sql = NULL;

      /* Both start from what is stored now. */
      client_close (&fixture->alex);
      client_close (&fixture->sam);
      client_open (&fixture->alex, fixture->path, "Alex Lead");
      client_open (&fixture->sam, fixture->path, "Sam Office");

      a = g_thread_new ("alex", race, &alex);
      b = g_thread_new ("sam", race, &sam);
      g_thread_join (a);
      g_thread_join (b);

      /* One wins. The other is refused as a conflict, or, on a file, may
       * find the file locked by the winner: either way it wrote nothing. */
      g_assert_true (alex.saved != sam.saved);
      winner = alex.saved ? &alex : &sam;
      loser = alex.saved ? &sam : &alex;
      g_assert_no_error (winner->error);
      g_assert_nonnull (loser->error);
      g_test_message ("round %d: %s", round, loser->error->message);
      g_assert_true (g_error_matches (loser->error, PM_STORE_ERROR, PM_STORE_ERROR_CONFLICT) ||
                     g_error_matches (loser->error, PM_STORE_ERROR, PM_STORE_ERROR_LOCKED));
      g_clear_error (&loser->error);

      sql = g_strdup_printf ("SELECT count (*) FROM progress WHERE period = 'FY2016-Q3' AND value = %d",
                             (int) winner->value);
      g_assert_cmpint (store_test_query_int (fixture->path, sql), ==, 1);
    }

  g_cond_clear (&cond);
  g_mutex_clear (&lock);
}

/* Alex reviews a CSV file (Attendance 50 to 55, a first Referrals
 * value); Sam deletes the Attendance value meanwhile. Alex's import
 * writes nothing: the value stays deleted, and no half of the file is
 * saved. */
static void
test_csv_review_then_delete (Fixture       *fixture,
                             gconstpointer  data)
{
  static const char csv[] = "district,pilot,kpi,period,value\r\n"
                            "Tamworth,Tamworth pilot,Attendance,FY2016-Q3,55\r\n"
                            "Tamworth,Tamworth pilot,Referrals,FY2016-Q3,4\r\n";
  g_autoptr(PmProgressImport) import = NULL;
  g_autoptr(PmProgressWriter) writer = NULL;
  g_autoptr(PmPeriod) q3 = pm_period_new (2016, 3);
  g_autoptr(GError) error = NULL;

  import = pm_progress_import_new_from_csv (fixture->alex.programme, csv, strlen (csv), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pm_progress_import_count_change (import, PM_IMPORT_CHANGE_CHANGED), ==, 1);
  g_assert_cmpuint (pm_progress_import_count_change (import, PM_IMPORT_CHANGE_NEW), ==, 1);

  g_assert_true (pm_store_delete_entry (fixture->sam.store, fixture->sam.kpi, q3, &error));
  g_assert_no_error (error);

  writer = pm_progress_writer_new (fixture->alex.store, import);
  g_assert_false (pm_progress_writer_run (writer, NULL, &error));
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_CONFLICT);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "The value of “Attendance” (Tamworth) for Q3 2016/17 was "
                                            "changed by someone else since you reviewed it; review again."));
  g_assert_cmpint (store_test_query_int (fixture->path, "SELECT count (*) FROM progress"), ==, 0);
}

/* Sam's copy of the programme sends a return with a narrative for Q3;
 * Alex reviews it (a new narrative), Sam saves another narrative there
 * meanwhile, and Alex's merge writes nothing. */
static void
test_return_review_then_narrative (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(PmPeriod) q3 = pm_period_new (2016, 3);
  g_autoptr(PmNarrative) sent = pm_narrative_new (q3);
  g_autoptr(PmNarrative) saved = pm_narrative_new (q3);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(PmSigningKey) key = NULL;
  g_autoptr(PmReturn) ret = NULL;
  g_autoptr(PmReturnMerge) merge = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *progress = NULL;
  PmPilot *pilot = pm_kpi_get_pilot (fixture->sam.kpi);

  key = pm_signing_key_load_or_create (fixture->dir, &error);
  g_assert_no_error (error);
  pm_narrative_set_progress (sent, "From the return.");
  pm_pilot_set_narrative (pilot, sent);
  ret = pm_return_new (fixture->sam.programme, pm_pilot_get_district (pilot), NULL, q3, "Sam Lead",
                       now, key);
  merge = pm_return_merge_new (fixture->alex.store, fixture->alex.programme, ret, &error);
  g_assert_no_error (error);
  pm_return_merge_set_trust_key (merge, TRUE);
  g_assert_cmpuint (pm_return_merge_get_n_items (merge), ==, 1);
  g_assert_cmpint (pm_return_merge_get_change (merge, 0), ==, PM_MERGE_NEW);

  pm_narrative_set_progress (saved, "Typed by Sam.");
  g_assert_true (pm_store_save_narrative (fixture->sam.store, pilot, saved, &error));
  g_assert_no_error (error);

  g_assert_false (pm_return_merge_apply (merge, PM_MERGE_CONFLICTS_FAIL, NULL, &error));
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "The narrative of “Tamworth pilot” (Tamworth) for Q3 2016/17 "
                                            "was changed by someone else since you reviewed it"));
  progress = store_test_query_text (fixture->path, "SELECT progress FROM narrative");
  g_assert_cmpstr (progress, ==, "Typed by Sam.");
}

/* Watching for other people's changes: a server tells the second client
 * on its main loop, as the window is told, with no polling. */

typedef struct
{
  guint    told;
  gboolean timed_out;
} Watch;

static void
told_cb (PmStore *store,
         Watch   *watch)
{
  watch->told++;
}

static gboolean
time_out_cb (gpointer data)
{
  ((Watch *) data)->timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until the store has told of a change, or for at
 * most @seconds (a bound on the test, not a poll): TRUE if it told. */
static gboolean
wait_until_told (Watch *watch,
                 guint  seconds)
{
  guint told = watch->told;
  guint timeout_id;

  watch->timed_out = FALSE;
  timeout_id = g_timeout_add_seconds (seconds, time_out_cb, watch);
  while (watch->told == told && !watch->timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!watch->timed_out)
    g_source_remove (timeout_id);
  return watch->told > told;
}

/* Runs whatever is ready on the main loop, and what comes in @ms. */
static void
run_main_loop_for (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < end)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (10 * G_TIME_SPAN_MILLISECOND);
    }
}

/* As the window does when told: reads the programme again. */
static void
client_reload (Client *client)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pm_store_poll_changes (client->store, &error));
  g_assert_no_error (error);
  client_load_again (client);
}

static void
test_watch_told_of_other_save (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  Watch watch = { 0 };

  g_assert_cmpint (pm_store_watch_changes (fixture->sam.store), ==, store_test_engine_is_server ());
  if (!store_test_engine_is_server ())
    {
      g_test_skip ("A file is polled for other people’s changes");
      return;
    }
  g_signal_connect (fixture->sam.store, "changed-elsewhere", G_CALLBACK (told_cb), &watch);

  /* Sam's own save is not news to Sam. */
  g_assert_true (save (&fixture->sam, 60, NULL, &error));
  g_assert_no_error (error);
  run_main_loop_for (300);
  g_assert_cmpuint (watch.told, ==, 0);
  g_assert_false (pm_store_poll_changes (fixture->sam.store, &error));
  g_assert_no_error (error);

  /* Alex's is, and arrives without Sam asking. */
  client_reload (&fixture->alex);
  g_assert_true (save (&fixture->alex, 77, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (wait_until_told (&watch, 10));
  client_reload (&fixture->sam);
  g_assert_cmpfloat (value_held (&fixture->sam), ==, 77);

  /* Read by libpq during Sam's own statement (the reload's), it is
   * told all the same, though the socket has nothing more to say. */
  g_assert_true (save (&fixture->alex, 78, NULL, &error));
  g_assert_no_error (error);
  g_usleep (200 * G_TIME_SPAN_MILLISECOND);
  client_load_again (&fixture->sam);
  g_assert_true (wait_until_told (&watch, 10));
  client_reload (&fixture->sam);
  g_assert_cmpfloat (value_held (&fixture->sam), ==, 78);
}

/* The server ends Sam's connection: the watch goes with the socket (no
 * source left ready, so no loop spinning on it), Sam is told it is
 * lost, and after reconnecting watches the new socket. */
static void
test_watch_after_reconnect (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  Watch watch = { 0 };

  if (!store_test_engine_is_server ())
    {
      g_test_skip ("Only a server’s connection is lost");
      return;
    }
  g_assert_true (pm_store_watch_changes (fixture->sam.store));
  g_signal_connect (fixture->sam.store, "changed-elsewhere", G_CALLBACK (told_cb), &watch);

  store_test_exec (fixture->path,
                   "SELECT pg_terminate_backend (pid) FROM pg_stat_activity "
                   "WHERE datname = current_database () AND pid <> pg_backend_pid () "
                   "AND application_name = 'pilot-monitor'");
  g_assert_true (wait_until_told (&watch, 10));
  g_assert_false (pm_store_is_connected (fixture->sam.store));
  g_assert_false (g_main_context_iteration (NULL, FALSE));

  g_assert_true (pm_store_reconnect (fixture->sam.store, &error));
  g_assert_no_error (error);
  g_assert_true (pm_store_reconnect (fixture->alex.store, &error));
  g_assert_no_error (error);
  /* What changed while it was gone: Sam reads it all again. */
  g_assert_true (wait_until_told (&watch, 10));
  client_reload (&fixture->sam);
  client_reload (&fixture->alex);

  g_assert_true (save (&fixture->alex, 88, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (wait_until_told (&watch, 10));
  client_reload (&fixture->sam);
  g_assert_cmpfloat (value_held (&fixture->sam), ==, 88);
}

/* A value saved elsewhere is read into the programme shown, that value
 * alone; anything else asks for the programme to be loaded again. */
static void
test_watch_reads_the_value_alone (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PmPeriod) q3 = pm_period_new (2016, 3);
  PmKpi *shown = fixture->sam.kpi;
  gboolean reload = TRUE;
  Watch watch = { 0 };

  if (!pm_store_watch_changes (fixture->sam.store))
    {
      /* A file says only that something changed (since it was first
       * asked). */
      g_assert_false (pm_store_poll_changes (fixture->sam.store, &error));
      g_assert_true (save (&fixture->alex, 77, NULL, &error));
      g_assert_true (pm_store_update_changes (fixture->sam.store, fixture->sam.programme, &reload, &error));
      g_assert_no_error (error);
      g_assert_true (reload);
      return;
    }
  g_signal_connect (fixture->sam.store, "changed-elsewhere", G_CALLBACK (told_cb), &watch);

  g_assert_true (save (&fixture->alex, 77, "From Alex", &error));
  g_assert_no_error (error);
  g_assert_true (wait_until_told (&watch, 10));
  g_assert_true (pm_store_update_changes (fixture->sam.store, fixture->sam.programme, &reload, &error));
  g_assert_no_error (error);
  g_assert_false (reload);
  g_assert_true (fixture->sam.kpi == shown);
  g_assert_cmpfloat (value_held (&fixture->sam), ==, 77);
  g_assert_cmpstr (pm_progress_entry_get_note (pm_kpi_get_entry (shown, q3)), ==, "From Alex");
  g_assert_cmpint (pm_progress_entry_get_revision (pm_kpi_get_entry (shown, q3)), ==,
                   pm_progress_entry_get_revision (pm_kpi_get_entry (fixture->alex.kpi, q3)));

  /* Sam can save over it: the revision read is the one stored. */
  g_assert_true (save (&fixture->sam, 79, NULL, &error));
  g_assert_no_error (error);

  /* A deleted value goes. */
  client_load_again (&fixture->alex);
  g_assert_true (pm_store_delete_entry (fixture->alex.store, fixture->alex.kpi, q3, &error));
  g_assert_no_error (error);
  g_assert_true (wait_until_told (&watch, 10));
  g_assert_true (pm_store_update_changes (fixture->sam.store, fixture->sam.programme, &reload, &error));
  g_assert_no_error (error);
  g_assert_false (reload);
  g_assert_null (pm_kpi_get_entry (shown, q3));

  /* Anything else: loaded again. */
  store_test_exec (fixture->path, "UPDATE kpi SET title = title");
  g_assert_true (wait_until_told (&watch, 10));
  g_assert_true (pm_store_update_changes (fixture->sam.store, fixture->sam.programme, &reload, &error));
  g_assert_no_error (error);
  g_assert_true (reload);

  /* Nothing new: nothing to do. */
  g_assert_true (pm_store_update_changes (fixture->sam.store, fixture->sam.programme, &reload, &error));
  g_assert_no_error (error);
  g_assert_false (reload);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  if (store_test_no_server_to_test ())
    return 0;

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/store/concurrent/second-save-refused", test_second_save_refused);
  ADD ("/store/concurrent/both-enter-first-value", test_both_enter_first_value);
  ADD ("/store/concurrent/delete-after-change", test_delete_after_change);
  ADD ("/store/concurrent/simultaneous-saves", test_simultaneous_saves);
  ADD ("/store/concurrent/csv-review-then-delete", test_csv_review_then_delete);
  ADD ("/store/concurrent/return-review-then-narrative", test_return_review_then_narrative);
  ADD ("/store/concurrent/watch-told-of-other-save", test_watch_told_of_other_save);
  ADD ("/store/concurrent/watch-after-reconnect", test_watch_after_reconnect);
  ADD ("/store/concurrent/watch-reads-the-value-alone", test_watch_reads_the_value_alone);
#undef ADD

  return g_test_run ();
}
