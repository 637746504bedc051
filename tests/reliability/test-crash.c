/* test-crash.c: nothing the store said it saved is lost when the program
 * is killed, and a killed import leaves all of the programme or none
 *
 * Starts crash-child (PM_CRASH_CHILD) again and again, kills it with
 * SIGKILL at a random moment, then reopens the database as the
 * application would and checks it against what the child had reported.
 * `--seed` replays a run.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "pm-programme-file.h"
#include "pm-store.h"
#include "store-test-util.h"

/* PM_TEST_SLOW (the sanitizer and valgrind runs) kills fewer times: the
 * test runs there for memory errors and leaks; the plain build's run does
 * all the kills. */
#define N_KILLS (g_getenv ("PM_TEST_SLOW") != NULL ? 40u : 200u)
/* The sample programme's headline KPIs (tests/reference). */
#define N_SAMPLE_KPIS 61

typedef struct
{
  char *dir;
  char *path;
} Fixture;

/* One run of the child, killed or finished. */
typedef struct
{
  GPid      pid;
  int       out_fd;
  int       err_fd;
  GString  *out;
  GString  *err;
  int       wait_status;
} Child;

/* A SIGKILL stops the process, not the machine: whatever it had written
 * is in the page cache and stays, on a disk or in memory alike. So the
 * test runs in memory (/dev/shm) where it can, where a commit does not wait
 * for the disk and a kill lands among many more of them.
 * PM_CRASH_DIR chooses another folder, to run it on a real disk. */
static char *
make_crash_dir (void)
{
  const char *parent = g_getenv ("PM_CRASH_DIR");
  g_autofree char *template = NULL;

  if (parent == NULL)
    parent = g_file_test ("/dev/shm", G_FILE_TEST_IS_DIR) && access ("/dev/shm", W_OK) == 0
             ? "/dev/shm" : g_get_tmp_dir ();

  template = g_build_filename (parent, "pm-crash-XXXXXX", NULL);
  g_assert_nonnull (g_mkdtemp (template));
  return g_steal_pointer (&template);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = make_crash_dir ();
  fixture->path = g_build_filename (fixture->dir, "Pilot's “data” — Łódź.db", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  pm_test_clear_dir (&fixture->dir);
  g_clear_pointer (&fixture->path, g_free);
}

static void
remove_database (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);

  g_unlink (wal);
  g_unlink (shm);
  g_unlink (journal);
  g_unlink (path);
}

static void
child_start (Child      *child,
             const char *mode,
             const char *path,
             const char *arg)
{
  const char *binary = g_getenv ("PM_CRASH_CHILD");
  const char *argv[] = { binary, mode, path, arg, NULL };
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (binary);
  memset (child, 0, sizeof *child);
  child->out = g_string_new (NULL);
  child->err = g_string_new (NULL);

  g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                            NULL, NULL, &child->pid, NULL, &child->out_fd,
                            &child->err_fd, &error);
  g_assert_no_error (error);
}

/* Appends what @fd has to @buffer; FALSE at end of file. */
static gboolean
read_some (int      fd,
           GString *buffer)
{
  char chunk[4096];
  gssize n;

  do
    n = read (fd, chunk, sizeof chunk);
  while (n < 0 && errno == EINTR);

  g_assert_cmpint (n, >=, 0);
  g_string_append_len (buffer, chunk, n);
  return n > 0;
}

/* Reads stdout until the child says "ready" (or gives up). */
static void
child_wait_ready (Child *child)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_TIME_SPAN_SECOND;

  while (strstr (child->out->str, "ready\n") == NULL)
    {
      struct pollfd pfd = { child->out_fd, POLLIN, 0 };
      int timeout = (int) ((deadline - g_get_monotonic_time ()) / 1000);

      g_assert_cmpint (timeout, >, 0);
      if (poll (&pfd, 1, timeout) > 0 && !read_some (child->out_fd, child->out))
        break;
    }
}

/* Kills the child (if it has not finished already) and reads all it said. */
static void
child_kill (Child *child)
{
  kill (child->pid, SIGKILL);
  g_assert_cmpint (waitpid (child->pid, &child->wait_status, 0), ==, child->pid);
  g_spawn_close_pid (child->pid);

  while (read_some (child->out_fd, child->out))
    ;
  while (read_some (child->err_fd, child->err))
    ;
  close (child->out_fd);
  close (child->err_fd);
}

static void
child_clear (Child *child)
{
  g_string_free (child->out, TRUE);
  g_string_free (child->err, TRUE);
}

static gboolean
child_was_killed (Child *child)
{
  return WIFSIGNALED (child->wait_status) && WTERMSIG (child->wait_status) == SIGKILL;
}

/* PRAGMA integrity_check on a read-only connection of our own: one row,
 * "ok", or a row per problem. */
static void
assert_integrity (const char *path)
{
  g_autoptr(GString) result = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (result, "%s%s", result->len > 0 ? "; " : "",
                            (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  g_assert_cmpstr (result->str, ==, "ok");
}

/* What the folder holds, for a failure message. */
static char *
describe_folder (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  GString *text = g_string_new (NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      GStatBuf st;

      if (g_stat (path, &st) == 0)
        g_string_append_printf (text, " %s (%" G_GINT64_FORMAT " bytes)", name, (gint64) st.st_size);
    }

  return g_string_free (text, FALSE);
}

/* Opens @path as the application would, failing with what is on disk. */
static PmStore *
reopen (const char       *dir,
        const char       *path,
        PmStoreOpenFlags  flags,
        Child            *child)
{
  g_autoptr(GError) error = NULL;
  PmStore *store = pm_store_open (path, flags, &error);

  if (store == NULL)
    {
      g_autofree char *files = describe_folder (dir);

      g_error ("after a kill, the database could not be opened: %s\nfolder:%s\nchild said:\n%s",
               error->message, files, child->out->str);
    }

  return store;
}

static void
sleep_random_ms (int low,
                 int high)
{
  g_usleep ((gulong) g_test_rand_int_range (low, high + 1) * 1000);
}

/* The value the progress table holds for @kpi_id and @period, or -1. */
static int
stored_value (sqlite3    *db,
              gint64      kpi_id,
              const char *period)
{
  sqlite3_stmt *stmt = NULL;
  int value = -1;
  int rc;

  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT value FROM progress WHERE kpi_id = ?1 AND period = ?2",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, kpi_id);
  sqlite3_bind_text (stmt, 2, period, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    value = (int) sqlite3_column_double (stmt, 0);
  else
    g_assert_cmpint (rc, ==, SQLITE_DONE);
  sqlite3_finalize (stmt);

  return value;
}

/* Splits "committed 12 FY2016-Q3 45" into a key "12 FY2016-Q3" and 45. */
static char *
parse_line (const char  *line,
            const char  *verb,
            int         *value)
{
  g_auto(GStrv) words = g_strsplit (line, " ", -1);

  if (g_strv_length (words) != 4 || !g_str_equal (words[0], verb))
    return NULL;
  *value = atoi (words[3]);
  return g_strconcat (words[1], " ", words[2], NULL);
}

/* Every entry reported committed, in this run or an earlier one, must be
 * there with the last value reported for it. The save the child was in
 * the middle of may or may not have committed: both are right. */
static void
check_entries (const char *path,
               GHashTable *expected,
               Child      *child,
               guint      *n_committed,
               guint      *n_in_flight_landed)
{
  g_auto(GStrv) lines = g_strsplit (child->out->str, "\n", -1);
  g_autofree char *in_flight = NULL;
  int in_flight_value = -1;
  sqlite3 *db = NULL;
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      int v;
      char *k;

      if ((k = parse_line (lines[i], "saving", &v)) != NULL)
        {
          g_free (in_flight);
          in_flight = k;
          in_flight_value = v;
        }
      else if ((k = parse_line (lines[i], "committed", &v)) != NULL)
        {
          g_assert_cmpstr (k, ==, in_flight);
          g_assert_cmpint (v, ==, in_flight_value);
          g_hash_table_insert (expected, k, GINT_TO_POINTER (v));
          g_clear_pointer (&in_flight, g_free);
          (*n_committed)++;
        }
      else
        {
          /* Only the last line may be cut short by the kill. */
          g_assert_true (lines[i + 1] == NULL || lines[i][0] == '\0' ||
                         g_str_equal (lines[i], "ready"));
        }
    }

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);

  g_hash_table_iter_init (&iter, expected);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_auto(GStrv) parts = g_strsplit (key, " ", 2);
      int found = stored_value (db, g_ascii_strtoll (parts[0], NULL, 10), parts[1]);

      if (in_flight != NULL && g_str_equal (key, in_flight) && found == in_flight_value)
        continue;
      if (found != GPOINTER_TO_INT (value))
        g_error ("after kill: %s holds %d, but %d was reported committed",
                 (char *) key, found, GPOINTER_TO_INT (value));
    }

  /* A save cut short that did reach the disk is now what is expected. */
  if (in_flight != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (in_flight, " ", 2);
      int found = stored_value (db, g_ascii_strtoll (parts[0], NULL, 10), parts[1]);

      if (found == in_flight_value)
        {
          g_hash_table_insert (expected, g_steal_pointer (&in_flight), GINT_TO_POINTER (found));
          (*n_in_flight_landed)++;
        }
    }

  sqlite3_close (db);
}

static void
test_kill_entries (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GHashTable) expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(PmProgramme) sample = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  guint n_committed = 0, n_landed = 0, n_during_open = 0, n_with_commits = 0;

  sample = pm_programme_file_load (g_getenv ("PM_SAMPLE_PROGRAMME"), &error);
  g_assert_no_error (error);
  pm_test_store_create (fixture->path, sample);

  for (guint kill_no = 0; kill_no < N_KILLS; kill_no++)
    {
      g_autofree char *seed = g_strdup_printf ("%u", g_test_rand_int ());
      g_autoptr(PmStore) store = NULL;
      g_autoptr(PmProgramme) loaded = NULL;
      guint before = n_committed;
      Child child;

      child_start (&child, "entries", fixture->path, seed);
      /* Most kills land among the writes; one in four may land while the
       * child is still opening the database (and recovering it). */
      if (kill_no % 4 != 0)
        child_wait_ready (&child);
      sleep_random_ms (1, 40);
      child_kill (&child);

      if (!child_was_killed (&child))
        g_error ("crash-child stopped by itself (status %d): %s",
                 child.wait_status, child.err->str);
      if (strstr (child.out->str, "ready\n") == NULL)
        n_during_open++;

      /* Reopening as the application does must work... */
      store = reopen (fixture->dir, fixture->path, PM_STORE_OPEN_DEFAULT, &child);
      loaded = pm_store_load (store, &error);
      g_assert_no_error (error);

      /* ...and find the file whole, with every reported entry. */
      assert_integrity (fixture->path);
      check_entries (fixture->path, expected, &child, &n_committed, &n_landed);
      if (n_committed > before)
        n_with_commits++;

      pm_store_close (store);
      child_clear (&child);
    }

  g_test_message ("entries: %u kills survived in %.1f s (%u during open, %u after "
                  "commits); %u entries reported committed, all present; %u saves "
                  "cut short had reached the disk",
                  N_KILLS, (g_get_monotonic_time () - start) / 1e6, n_during_open,
                  n_with_commits, n_committed, n_landed);
  /* The test means little if the kills never landed among the writes,
   * and on many different values. How many a child commits before its
   * kill depends on the machine's speed (fewer under the sanitizers on a
   * loaded machine), so the bar is a share of the kills, not a count. */
  g_assert_cmpuint (n_with_commits, >=, N_KILLS / 4);
  g_assert_cmpuint (g_hash_table_size (expected), >=, N_KILLS / 4);
}

static void
test_kill_import (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(PmProgramme) sample = NULL;
  g_autoptr(GError) error = NULL;
  const char *sample_path = g_getenv ("PM_SAMPLE_PROGRAMME");
  gint64 start = g_get_monotonic_time ();
  guint n_empty = 0, n_complete = 0, n_reported = 0, n_finished = 0;
  int window_ms = 1;

  sample = pm_programme_file_load (sample_path, &error);
  g_assert_no_error (error);

  /* How long a whole import takes here decides when to kill: at any moment
   * from the start to a little after the end. */
  for (guint i = 0; i < 3; i++)
    {
      gint64 began = g_get_monotonic_time ();
      Child child;

      remove_database (fixture->path);
      child_start (&child, "import", fixture->path, sample_path);
      while (read_some (child.out_fd, child.out))
        ;
      window_ms = MAX (window_ms, (int) ((g_get_monotonic_time () - began) / 1000) * 6 / 5);
      child_kill (&child);
      g_assert_true (WIFEXITED (child.wait_status) && WEXITSTATUS (child.wait_status) == 0);
      child_clear (&child);
    }

  for (guint kill_no = 0; kill_no < N_KILLS; kill_no++)
    {
      g_autoptr(PmStore) store = NULL;
      gboolean reported;
      Child child;

      remove_database (fixture->path);
      child_start (&child, "import", fixture->path, sample_path);
      sleep_random_ms (1, window_ms);
      child_kill (&child);

      reported = strstr (child.out->str, "imported\n") != NULL;
      if (!child_was_killed (&child))
        {
          if (!WIFEXITED (child.wait_status) || WEXITSTATUS (child.wait_status) != 0)
            g_error ("crash-child failed (status %d): %s", child.wait_status, child.err->str);
          g_assert_true (reported);
          n_finished++;
        }

      /* Whatever the moment, the application can open the file. */
      store = reopen (fixture->dir, fixture->path, PM_STORE_OPEN_CREATE, &child);
      assert_integrity (fixture->path);

      if (pm_store_is_empty (store))
        {
          g_assert_false (reported);
          n_empty++;
        }
      else
        {
          g_autoptr(PmProgramme) loaded = pm_store_load (store, &error);
          g_autoptr(GListModel) kpis = NULL;

          g_assert_no_error (error);
          kpis = pm_programme_list_kpis (loaded);
          g_assert_cmpuint (g_list_model_get_n_items (kpis), ==, N_SAMPLE_KPIS);
          store_test_assert_programmes_equal (sample, loaded, FALSE);
          n_complete++;
        }

      if (reported)
        n_reported++;
      pm_store_close (store);
      child_clear (&child);
    }

  g_test_message ("import: %u kills at 1-%d ms survived in %.1f s: %u left no programme, "
                  "%u the whole programme (%u reported imported, %u finished before the "
                  "kill), none half",
                  N_KILLS, window_ms, (g_get_monotonic_time () - start) / 1e6, n_empty,
                  n_complete, n_reported, n_finished);
  g_assert_cmpuint (n_empty + n_complete, ==, N_KILLS);
  /* Both outcomes must have been seen for the test to mean anything. */
  g_assert_cmpuint (n_empty, >, 0);
  g_assert_cmpuint (n_complete, >, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/reliability/crash/kill-entries", Fixture, NULL,
              fixture_set_up, test_kill_entries, fixture_tear_down);
  g_test_add ("/reliability/crash/kill-import", Fixture, NULL,
              fixture_set_up, test_kill_import, fixture_tear_down);

  return g_test_run ();
}
