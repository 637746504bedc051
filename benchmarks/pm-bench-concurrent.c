/* pm-bench-concurrent.c: many people entering a quarter at once
 *
 *   pm-bench-concurrent [--clients 20] [--districts 150 --pilots-per-district 4
 *                        --kpis-per-pilot 25 --quarters 4] [--seed 1]
 *                       [--period FY2030-Q1] [--workdir DIR]
 *                       [--no-sqlite] [--no-postgresql] [--no-durable-run]
 *
 * The large programme (150 districts x 4 pilots x 25 KPIs = 15,000 KPIs;
 * 4 quarters of history by default, enough to make the tables real and
 * keep the set-up short) is generated from a seed and written into a new
 * sqlite file and into a new database on a PostgreSQL server. Each run
 * starts from a fresh copy of that database (a file copy; CREATE DATABASE
 * ... TEMPLATE on the server). On each engine, first one client and then
 * N clients (separate processes,
 * this program run again with --client, each with its own pm_store_open)
 * enter a value of one new quarter for every KPI of the programme: client
 * i of N takes the KPIs at positions i, i + N, i + 2N, ... of the
 * programme's KPI list (district by district, pilot by pilot), so that the
 * writers are spread over the whole programme and never touch the same
 * KPI. Every value is one pm_store_save_entry (one transaction, as the
 * window saves it), timed with g_get_monotonic_time. The clients open and
 * load the programme first and wait at a barrier (a pipe), so that the
 * entering phase alone is timed: from the barrier's release to the end of
 * the last client's last save.
 *
 * Beside the latencies: the clients' own CPU time while saving, how busy
 * the machine's CPUs were meanwhile (/proc/stat, everyone's processes),
 * and a floor measured at the start and at the end: a one-row commit by
 * plain sqlite on the same disk, which shows what an fsync costs now.
 *
 * A failed save is counted with its error domain and code, and not
 * retried. After each run the database is loaded again through the store
 * and the quarter's values are counted and compared with what the clients
 * say they saved.
 *
 * The server: the one in PM_TEST_PG_URI when set (a scratch database is
 * made there and dropped), otherwise a throwaway one started with
 * build-aux/pg-test-server.sh in a temporary directory, stopped at the end
 * (also on failure or on SIGINT/SIGTERM). On our own server the runs are
 * repeated with fsync, synchronous_commit and full_page_writes switched
 * back on (ALTER SYSTEM), PostgreSQL's durable defaults, since the test
 * server turns them off. Without PostgreSQL, sqlite's rows are printed and
 * the server's are said to be not measured.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "bench-generate.h"
#include "pg-test-util.h"
#include "store/pm-store.h"

#ifndef PM_PG_TEST_SERVER_SCRIPT
#define PM_PG_TEST_SERVER_SCRIPT "build-aux/pg-test-server.sh"
#endif

#define MAX_CLIENTS 256
#define LOCATION_VARIABLE "PM_BENCH_LOCATION"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PQconninfoOption, PQconninfoFree)

/* The value client and check agree on for a KPI: whole, and in range
 * for every unit (a percentage, a count, days, money). */
static double
value_for_kpi (PmKpi *kpi)
{
  return 1 + pm_kpi_get_id (kpi) % 50;
}

static double
cpu_seconds (const struct rusage *usage)
{
  return usage->ru_utime.tv_sec + usage->ru_utime.tv_usec / 1e6 +
         usage->ru_stime.tv_sec + usage->ru_stime.tv_usec / 1e6;
}

/* The whole machine's busy and total time (/proc/stat, in ticks), every
 * process counted: ours, the server's, anyone else's. */
static gboolean
read_machine_cpu (guint64 *busy,
                  guint64 *total)
{
  g_autofree char *stat = NULL;
  guint64 v[8] = { 0, };

  if (!g_file_get_contents ("/proc/stat", &stat, NULL, NULL) ||
      sscanf (stat, "cpu %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT
                    " %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT
                    " %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT,
              &v[0], &v[1], &v[2], &v[3], &v[4], &v[5], &v[6], &v[7]) != 8)
    return FALSE;
  /* user nice system idle iowait irq softirq steal */
  *total = v[0] + v[1] + v[2] + v[3] + v[4] + v[5] + v[6] + v[7];
  *busy = *total - v[3] - v[4];
  return TRUE;
}

/* ---- a client: its own connection, its share of the KPIs --------------- */

/*   pm-bench-concurrent --client INDEX N PERIOD GO_FD READY_FD RESULT
 *
 * The location comes in the environment (PM_BENCH_LOCATION), so that a
 * server's password is not on a command line. Writes RESULT:
 *   load SECONDS
 *   start MONOTONIC_US
 *   end MONOTONIC_US
 *   cpu SECONDS                   user + system, this process, while saving
 *   ok MICROSECONDS               one line a committed save
 *   fail MICROSECONDS DOMAIN CODE MESSAGE
 */
static int
run_client (int    argc,
            char **argv)
{
  g_autoptr(PmStore) store = NULL;
  g_autoptr(PmProgramme) programme = NULL;
  g_autoptr(GListModel) kpis = NULL;
  g_autoptr(PmPeriod) period = NULL;
  g_autoptr(GPtrArray) mine = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GString) out = NULL;
  g_autoptr(GError) error = NULL;
  const char *location = g_getenv (LOCATION_VARIABLE);
  guint index, n_clients, n_kpis;
  int go_fd, ready_fd;
  gint64 t0, start, end;
  struct rusage usage0, usage1;
  char go = 0;
  ssize_t n;

  if (argc != 8 || location == NULL)
    {
      fprintf (stderr, "pm-bench-concurrent: --client INDEX N PERIOD GO_FD READY_FD RESULT, "
                       "with %s set\n", LOCATION_VARIABLE);
      return 2;
    }
  index = atoi (argv[2]);
  n_clients = atoi (argv[3]);
  period = pm_period_parse (argv[4], &error);
  go_fd = atoi (argv[5]);
  ready_fd = atoi (argv[6]);
  if (period == NULL || n_clients == 0 || index >= n_clients)
    {
      fprintf (stderr, "pm-bench-concurrent: client: bad arguments\n");
      return 2;
    }

  t0 = g_get_monotonic_time ();
  store = pm_store_open (location, PM_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    {
      fprintf (stderr, "pm-bench-concurrent: client %u: open: %s\n", index, error->message);
      return 2;
    }
  programme = pm_store_load (store, &error);
  if (programme == NULL)
    {
      fprintf (stderr, "pm-bench-concurrent: client %u: load: %s\n", index, error->message);
      return 2;
    }

  /* Everything but the saves themselves is made before the barrier. */
  kpis = pm_programme_list_kpis (programme);
  n_kpis = g_list_model_get_n_items (kpis);
  mine = g_ptr_array_new_with_free_func (g_object_unref);
  entries = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint k = index; k < n_kpis; k += n_clients)
    {
      PmKpi *kpi = g_list_model_get_item (kpis, k);
      PmProgressEntry *entry = pm_progress_entry_new (period);

      pm_progress_entry_set_value (entry, value_for_kpi (kpi));
      g_ptr_array_add (mine, kpi);
      g_ptr_array_add (entries, entry);
    }
  out = g_string_sized_new (32 * mine->len + 64);
  g_string_append_printf (out, "load %.6f\n", (g_get_monotonic_time () - t0) / 1e6);

  if (write (ready_fd, "r", 1) != 1)
    {
      fprintf (stderr, "pm-bench-concurrent: client %u: barrier: %s\n", index, g_strerror (errno));
      return 2;
    }
  close (ready_fd);
  do
    n = read (go_fd, &go, 1);
  while (n < 0 && errno == EINTR);
  close (go_fd);
  if (n != 1 || go != 'g')
    return 3;   /* called off: another client could not start */

  start = g_get_monotonic_time ();
  getrusage (RUSAGE_SELF, &usage0);
  for (guint i = 0; i < mine->len; i++)
    {
      g_autoptr(GError) save_error = NULL;
      gint64 s0 = g_get_monotonic_time (), s1;
      gboolean ok;

      ok = pm_store_save_entry (store, g_ptr_array_index (mine, i),
                                g_ptr_array_index (entries, i), &save_error);
      s1 = g_get_monotonic_time ();
      if (ok)
        g_string_append_printf (out, "ok %" G_GINT64_FORMAT "\n", s1 - s0);
      else
        {
          g_autofree char *message = g_strdup (save_error->message);

          g_strdelimit (message, "\r\n", ' ');
          g_string_append_printf (out, "fail %" G_GINT64_FORMAT " %s %d %s\n", s1 - s0,
                                  g_quark_to_string (save_error->domain), save_error->code,
                                  message);
        }
    }
  end = g_get_monotonic_time ();
  getrusage (RUSAGE_SELF, &usage1);
  g_string_append_printf (out, "start %" G_GINT64_FORMAT "\nend %" G_GINT64_FORMAT "\ncpu %.6f\n",
                          start, end, cpu_seconds (&usage1) - cpu_seconds (&usage0));

  if (!g_file_set_contents (argv[7], out->str, out->len, &error))
    {
      fprintf (stderr, "pm-bench-concurrent: client %u: %s\n", index, error->message);
      return 2;
    }
  pm_store_close (store);
  return 0;
}

/* ---- cleaning up on a signal -------------------------------------------- */

/* What the handler needs, ready before it can run: the clients to kill,
 * the server script running now (left to finish: a server it is
 * starting must be stopped after) and the command that stops our own
 * server. */
static volatile pid_t client_pids[MAX_CLIENTS];
static volatile pid_t script_pid;
static char *stop_argv[5];
static char *sqlite_files[7];

static void
on_signal (int signo)
{
  pid_t pid;

  for (guint i = 0; i < MAX_CLIENTS; i++)
    {
      if (client_pids[i] > 0)
        kill (client_pids[i], SIGKILL);
    }
  for (guint i = 0; sqlite_files[i] != NULL; i++)
    unlink (sqlite_files[i]);
  if (script_pid > 0)
    waitpid (script_pid, NULL, 0);
  if (stop_argv[0] != NULL)
    {
      pid = fork ();
      if (pid == 0)
        {
          execv (stop_argv[0], stop_argv);
          _exit (127);
        }
      if (pid > 0)
        waitpid (pid, NULL, 0);
    }
  _exit (128 + signo);
}

static void
install_signal_handlers (void)
{
  static const int signals[] = { SIGINT, SIGTERM, SIGHUP };
  struct sigaction action = { 0, };

  action.sa_handler = on_signal;
  sigemptyset (&action.sa_mask);
  for (guint i = 0; i < G_N_ELEMENTS (signals); i++)
    sigaction (signals[i], &action, NULL);
}

/* ---- one run: N clients on one database --------------------------------- */

typedef struct
{
  char       *engine;
  guint       clients;
  guint       n_ok;
  guint       n_failed;
  double      wall;           /* seconds, barrier released to the last save's end */
  double      load_max;       /* seconds, the slowest client's open + load */
  double      client_cpu;     /* seconds, all clients, user + system, while saving */
  double      machine_busy;   /* the machine's CPUs busy while saving, 0-1; < 0 unknown */
  gint64      p50, p99, max;  /* microseconds, over every attempt */
  gint64      ok_p99;         /* microseconds, committed saves only */
  GHashTable *failures;       /* "DOMAIN CODE" -> count */
  char       *first_failure;  /* the first failure's message */
  guint       found;          /* the quarter's values in the database afterwards */
  guint       wrong;          /* of those, with a value no client wrote */
  guint       n_kpis;
  gboolean    verified;
  char       *error;          /* not measured, and why */
} Run;

static Run *
run_new (const char *engine,
         guint       clients)
{
  Run *run = g_new0 (Run, 1);

  run->engine = g_strdup (engine);
  run->clients = clients;
  run->failures = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return run;
}

static void
run_free (Run *run)
{
  g_free (run->engine);
  g_hash_table_unref (run->failures);
  g_free (run->first_failure);
  g_free (run->error);
  g_free (run);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Run, run_free)

static int
compare_int64 (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/* Nearest rank: the smallest value with at least @percent % at or below. */
static gint64
percentile (GArray *sorted,
            guint   percent)
{
  guint rank;

  if (sorted->len == 0)
    return 0;
  rank = (sorted->len * percent + 99) / 100;
  return g_array_index (sorted, gint64, MAX (rank, 1) - 1);
}

static const char *self_path;

static gboolean
read_client_result (Run         *run,
                    const char  *path,
                    GArray      *all,
                    GArray      *ok,
                    gint64      *end,
                    GError     **error)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;

  if (!g_file_get_contents (path, &text, NULL, error))
    return FALSE;
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      gint64 us;

      if (g_str_has_prefix (line, "ok "))
        {
          us = g_ascii_strtoll (line + 3, NULL, 10);
          g_array_append_val (all, us);
          g_array_append_val (ok, us);
          run->n_ok++;
        }
      else if (g_str_has_prefix (line, "fail "))
        {
          g_auto(GStrv) parts = g_strsplit (line + 5, " ", 4);
          g_autofree char *key = NULL;

          if (g_strv_length (parts) < 3)
            continue;
          us = g_ascii_strtoll (parts[0], NULL, 10);
          g_array_append_val (all, us);
          key = g_strdup_printf ("%s %s", parts[1], parts[2]);
          g_hash_table_insert (run->failures, g_strdup (key),
                               GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (run->failures, key)) + 1));
          if (run->first_failure == NULL)
            run->first_failure = g_strdup (parts[3] != NULL ? parts[3] : "");
          run->n_failed++;
        }
      else if (g_str_has_prefix (line, "load "))
        run->load_max = MAX (run->load_max, g_ascii_strtod (line + 5, NULL));
      else if (g_str_has_prefix (line, "cpu "))
        run->client_cpu += g_ascii_strtod (line + 4, NULL);
      else if (g_str_has_prefix (line, "end "))
        *end = MAX (*end, g_ascii_strtoll (line + 4, NULL, 10));
    }
  return TRUE;
}

/* Loads the database again through the store and counts the quarter's
 * values, each checked against the value its client wrote. */
static gboolean
verify_run (Run         *run,
            const char  *location,
            PmPeriod    *period,
            GError     **error)
{
  g_autoptr(PmStore) store = NULL;
  g_autoptr(PmProgramme) programme = NULL;
  g_autoptr(GListModel) kpis = NULL;

  store = pm_store_open (location, PM_STORE_OPEN_READ_ONLY, error);
  if (store == NULL)
    return FALSE;
  programme = pm_store_load (store, error);
  if (programme == NULL)
    return FALSE;
  kpis = pm_programme_list_kpis (programme);
  run->n_kpis = g_list_model_get_n_items (kpis);
  for (guint k = 0; k < run->n_kpis; k++)
    {
      g_autoptr(PmKpi) kpi = g_list_model_get_item (kpis, k);
      PmProgressEntry *entry = pm_kpi_get_entry (kpi, period);

      if (entry == NULL || !pm_progress_entry_has_value (entry))
        continue;
      run->found++;
      if (pm_progress_entry_get_value (entry) != value_for_kpi (kpi))
        run->wrong++;
    }
  run->verified = run->found == run->n_ok && run->wrong == 0 &&
                  run->n_ok + run->n_failed == run->n_kpis;
  pm_store_close (store);
  return TRUE;
}

/* Starts @run->clients clients on @location, releases them together once
 * all have loaded the programme, waits for them and reads their figures. */
static gboolean
run_clients (Run         *run,
             const char  *location,
             const char  *period_code,
             const char  *workdir,
             GError     **error)
{
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) ok = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GString) failed = g_string_new (NULL);
  g_autofree char *n_text = g_strdup_printf ("%u", run->clients);
  int go[2], ready[2];
  guint n_ready = 0, n_started = 0;
  gint64 t0 = 0, end = 0;
  guint64 busy0 = 0, total0 = 0, busy1 = 0, total1 = 0;
  gboolean have_cpu = FALSE;
  char byte;
  ssize_t n;

  if (pipe (go) != 0 || pipe (ready) != 0)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno), "pipe: %s", g_strerror (errno));
      return FALSE;
    }
  g_setenv (LOCATION_VARIABLE, location, TRUE);
  fflush (stdout);

  for (guint i = 0; i < run->clients; i++)
    {
      g_autofree char *index = g_strdup_printf ("%u", i);
      g_autofree char *go_fd = g_strdup_printf ("%d", go[0]);
      g_autofree char *ready_fd = g_strdup_printf ("%d", ready[1]);
      char *result = g_strdup_printf ("%s/client-%d-%u.txt", workdir, (int) getpid (), i);
      char *argv[] = { (char *) self_path, "--client", index, n_text, (char *) period_code,
                       go_fd, ready_fd, result, NULL };
      pid_t pid;

      g_ptr_array_add (results, result);
      g_unlink (result);
      pid = fork ();
      if (pid == 0)
        {
          close (go[1]);
          close (ready[0]);
          execv (argv[0], argv);
          _exit (127);
        }
      if (pid < 0)
        break;
      client_pids[i] = pid;
      n_started++;
    }
  g_unsetenv (LOCATION_VARIABLE);
  close (go[0]);
  close (ready[1]);

  /* Each client writes a byte when loaded and closes its end: the pipe
   * ends early only if some client gave up. */
  while (n_ready < n_started && ((n = read (ready[0], &byte, 1)) == 1 || (n < 0 && errno == EINTR)))
    n_ready += n == 1;
  close (ready[0]);

  if (n_ready == run->clients)
    {
      g_autofree char *bytes = g_strnfill (run->clients, 'g');

      have_cpu = read_machine_cpu (&busy0, &total0);
      t0 = g_get_monotonic_time ();
      if (write (go[1], bytes, run->clients) != (ssize_t) run->clients)
        g_string_append_printf (failed, "barrier: %s; ", g_strerror (errno));
    }
  /* Closed without a byte for each, the rest are called off. */
  close (go[1]);

  for (guint i = 0; i < n_started; i++)
    {
      int status = 0;

      while (waitpid (client_pids[i], &status, 0) < 0 && errno == EINTR)
        ;
      client_pids[i] = 0;
      if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
        g_string_append_printf (failed, "client %u %s %d; ", i,
                                WIFEXITED (status) ? "exited with" : "killed by signal",
                                WIFEXITED (status) ? WEXITSTATUS (status) : WTERMSIG (status));
    }
  have_cpu = have_cpu && read_machine_cpu (&busy1, &total1) && total1 > total0;
  run->machine_busy = have_cpu ? (double) (busy1 - busy0) / (total1 - total0) : -1;
  if (n_started < run->clients)
    g_string_append_printf (failed, "could only start %u clients; ", n_started);

  if (failed->len > 0)
    {
      for (guint i = 0; i < results->len; i++)
        g_unlink (g_ptr_array_index (results, i));
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%.*s (see the clients' messages above)",
                   (int) failed->len - 2, failed->str);
      return FALSE;
    }

  for (guint i = 0; i < results->len; i++)
    {
      gboolean read_ok = read_client_result (run, g_ptr_array_index (results, i), all, ok, &end, error);

      g_unlink (g_ptr_array_index (results, i));
      if (!read_ok)
        return FALSE;
    }

  run->wall = (end - t0) / 1e6;
  g_array_sort (all, compare_int64);
  g_array_sort (ok, compare_int64);
  run->p50 = percentile (all, 50);
  run->p99 = percentile (all, 99);
  run->max = all->len > 0 ? g_array_index (all, gint64, all->len - 1) : 0;
  run->ok_p99 = percentile (ok, 99);
  return TRUE;
}

/* Runs @run on @location and checks the database afterwards; a run that
 * could not be measured keeps its reason in @run->error. */
static void
measure_run (Run        *run,
             const char *location,
             const char *period_code,
             const char *workdir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PmPeriod) period = pm_period_parse (period_code, NULL);

  printf ("  %s, %u client%s: running…\n", run->engine, run->clients, run->clients == 1 ? "" : "s");
  if (!run_clients (run, location, period_code, workdir, &error) ||
      !verify_run (run, location, period, &error))
    {
      run->error = g_strdup (error->message);
      printf ("  %s, %u client%s: NOT MEASURED: %s\n", run->engine, run->clients,
              run->clients == 1 ? "" : "s", run->error);
      return;
    }
  printf ("  %s, %u client%s: %u saved, %u failed in %.2f s; %u values found for %s\n",
          run->engine, run->clients, run->clients == 1 ? "" : "s", run->n_ok, run->n_failed,
          run->wall, run->found, period_code);
}

/* ---- another client's save, seen by a watching one ------------------------ */

#define NOTIFY_SAVES 50
#define NOTIFY_RELOADS 5

static void
told_cb (PmStore  *store,
         gboolean *told)
{
  *told = TRUE;
}

static gboolean
notify_timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static PmKpi *
first_kpi (PmProgramme *programme)
{
  PmDistrict *district = g_list_model_get_item (pm_programme_get_districts (programme), 0);
  PmPilot *pilot = g_list_model_get_item (pm_district_get_pilots (district), 0);
  PmKpi *kpi = g_list_model_get_item (pm_pilot_get_kpis (pilot), 0);

  g_object_unref (district);
  g_object_unref (pilot);
  g_object_unref (kpi);
  return kpi;
}

static double
value_in (PmKpi    *kpi,
          PmPeriod *period)
{
  PmProgressEntry *entry = pm_kpi_get_entry (kpi, period);

  return entry != NULL && pm_progress_entry_has_value (entry) ? pm_progress_entry_get_value (entry) : -1;
}

/* Client 1 saves a value NOTIFY_SAVES times; client 2, another store in
 * this process watching with pm_store_watch_changes(), runs its main loop
 * until PmStore::changed-elsewhere, then reads the value into its model
 * with pm_store_update_changes(), as the window does. Timed from client
 * 1's save returning to client 2 being told, and to its model holding
 * the value; and, for NOTIFY_RELOADS saves, what loading the whole
 * programme again (what a structural change costs) takes. */
static gboolean
measure_notify (const char  *location,
                const char  *period_code,
                char       **summary,
                GError     **error)
{
  g_autoptr(PmStore) writer = NULL;
  g_autoptr(PmStore) watcher = NULL;
  g_autoptr(PmProgramme) writer_programme = NULL;
  g_autoptr(PmProgramme) watcher_programme = NULL;
  g_autoptr(PmPeriod) period = pm_period_parse (period_code, NULL);
  g_autoptr(GArray) told = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) seen = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) updated = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean was_told = FALSE;
  gboolean reload = FALSE;

  writer = pm_store_open (location, PM_STORE_OPEN_DEFAULT, error);
  watcher = writer != NULL ? pm_store_open (location, PM_STORE_OPEN_DEFAULT, error) : NULL;
  if (watcher == NULL ||
      (writer_programme = pm_store_load (writer, error)) == NULL ||
      (watcher_programme = pm_store_load (watcher, error)) == NULL)
    return FALSE;
  if (!pm_store_watch_changes (watcher))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "the store cannot watch");
      return FALSE;
    }
  g_signal_connect (watcher, "changed-elsewhere", G_CALLBACK (told_cb), &was_told);

  for (guint i = 0; i < NOTIFY_SAVES; i++)
    {
      g_autoptr(PmProgressEntry) entry = pm_progress_entry_new (period);
      gboolean timed_out = FALSE;
      guint timeout_id;
      gint64 saved, t;

      pm_progress_entry_set_value (entry, 1 + i % 40);
      if (!pm_store_save_entry (writer, first_kpi (writer_programme), entry, error))
        return FALSE;
      saved = g_get_monotonic_time ();

      was_told = FALSE;
      timeout_id = g_timeout_add_seconds (10, notify_timeout_cb, &timed_out);
      while (!was_told && !timed_out)
        g_main_context_iteration (NULL, TRUE);
      if (timed_out)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT, "save %u: not told within 10 s", i);
          return FALSE;
        }
      g_source_remove (timeout_id);
      t = g_get_monotonic_time () - saved;
      g_array_append_val (told, t);

      /* The value alone read into the model, as the window does. */
      if (!pm_store_update_changes (watcher, watcher_programme, &reload, error))
        return FALSE;
      t = g_get_monotonic_time () - saved;
      if (reload || value_in (first_kpi (watcher_programme), period) != 1 + i % 40)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "save %u: the value was not read alone", i);
          return FALSE;
        }
      g_array_append_val (updated, t);

      /* What a whole load takes, for comparison. */
      if (i < NOTIFY_RELOADS)
        {
          gint64 start = g_get_monotonic_time ();
          g_autoptr(PmProgramme) loaded = pm_store_load (watcher, error);

          if (loaded == NULL)
            return FALSE;
          t = g_get_monotonic_time () - start;
          g_array_append_val (seen, t);
        }
    }

  g_array_sort (told, compare_int64);
  g_array_sort (updated, compare_int64);
  g_array_sort (seen, compare_int64);
  *summary = g_strdup_printf ("another client's save, %u saves: told (changed-elsewhere) p50 %.2f ms, "
                              "p99 %.2f ms, max %.2f ms; the value in its model (pm_store_update_changes) "
                              "p50 %.2f ms, p99 %.2f ms, max %.2f ms; a whole load instead "
                              "(%u times) p50 %.1f ms, max %.1f ms",
                              told->len, percentile (told, 50) / 1e3, percentile (told, 99) / 1e3,
                              percentile (told, 100) / 1e3, percentile (updated, 50) / 1e3,
                              percentile (updated, 99) / 1e3, percentile (updated, 100) / 1e3, seen->len,
                              percentile (seen, 50) / 1e3, percentile (seen, 100) / 1e3);
  return TRUE;
}

/* ---- the databases ------------------------------------------------------- */

static gboolean
import_programme (const char        *location,
                  const BenchShape  *shape,
                  GError           **error)
{
  g_autoptr(PmProgramme) programme = bench_generate_programme (shape);
  g_autoptr(PmStore) store = pm_store_open (location, PM_STORE_OPEN_CREATE, error);

  if (store == NULL || !pm_store_import (store, programme, error))
    return FALSE;
  pm_store_close (store);
  return TRUE;
}

static gboolean
copy_file (const char  *from,
           const char  *to,
           GError     **error)
{
  g_autoptr(GFile) source = g_file_new_for_path (from);
  g_autoptr(GFile) dest = g_file_new_for_path (to);

  return g_file_copy (source, dest, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, error);
}

static void
remove_sqlite_file (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
}

static void
bench_sqlite (GPtrArray        *runs,
              const BenchShape *shape,
              guint             n_clients,
              const char       *period,
              const char       *workdir)
{
  g_autofree char *template = g_strdup_printf ("%s/concurrent-%d.db", workdir, (int) getpid ());
  g_autofree char *scratch = g_strdup_printf ("%s/concurrent-%d-run.db", workdir, (int) getpid ());
  g_autoptr(GError) error = NULL;
  static const char *const suffixes[] = { "", "-wal", "-shm" };
  guint counts[] = { 1, n_clients };
  gint64 t0 = g_get_monotonic_time ();

  /* For the signal handler: removed if we are stopped. */
  for (guint i = 0; i < 6; i++)
    sqlite_files[i] = g_strconcat (i < 3 ? template : scratch, suffixes[i % 3], NULL);

  printf ("sqlite: writing the programme into %s…\n", template);
  remove_sqlite_file (template);
  if (!import_programme (template, shape, &error))
    {
      Run *run = run_new ("sqlite", n_clients);

      run->error = g_strdup_printf ("could not write the programme: %s", error->message);
      g_ptr_array_add (runs, run);
      remove_sqlite_file (template);
      return;
    }
  printf ("  written in %.1f s\n", (g_get_monotonic_time () - t0) / 1e6);

  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      Run *run = run_new ("sqlite", counts[i]);

      g_ptr_array_add (runs, run);
      remove_sqlite_file (scratch);
      if (!copy_file (template, scratch, &error))
        {
          run->error = g_strdup_printf ("copy: %s", error->message);
          g_clear_error (&error);
          continue;
        }
      measure_run (run, scratch, period, workdir);
    }
  remove_sqlite_file (scratch);
  remove_sqlite_file (template);
  for (guint i = 0; i < 6; i++)
    g_clear_pointer (&sqlite_files[i], g_free);
}

/* A libpq connection string for database @dbname on the server of
 * @uri, everything else (host, port, user, password) as in @uri. */
static char *
location_for_database (const char  *uri,
                       const char  *dbname,
                       GError     **error)
{
  g_autoptr(PQconninfoOption) options = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  char *message = NULL;

  options = PQconninfoParse (uri, &message);
  if (options == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, "not a connection URI: %s",
                   message != NULL ? message : "out of memory");
      PQfreemem (message);
      return NULL;
    }
  /* First, so that the store sees a server at once. */
  g_string_append_printf (out, "dbname=%s", dbname);
  for (PQconninfoOption *option = options; option->keyword != NULL; option++)
    {
      if (option->val == NULL || g_str_equal (option->keyword, "dbname"))
        continue;
      g_string_append_printf (out, " %s='", option->keyword);
      for (const char *c = option->val; *c != '\0'; c++)
        {
          if (*c == '\'' || *c == '\\')
            g_string_append_c (out, '\\');
          g_string_append_c (out, *c);
        }
      g_string_append_c (out, '\'');
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
database_name (const char *location)
{
  g_autoptr(PQconninfoOption) options = PQconninfoParse (location, NULL);

  for (PQconninfoOption *option = options; option != NULL && option->keyword != NULL; option++)
    {
      if (g_str_equal (option->keyword, "dbname"))
        return g_strdup (option->val);
    }
  return NULL;
}

static gboolean
exec_admin (PGconn      *conn,
            const char  *sql,
            GError     **error)
{
  g_autoptr(PGresult) result = PQexec (conn, sql);
  ExecStatusType status = PQresultStatus (result);

  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
    {
      g_autofree char *message = g_strdup (PQerrorMessage (conn));

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s: %s", sql, g_strchomp (message));
      return FALSE;
    }
  return TRUE;
}

static char *
show_setting (const char *admin_uri,
              const char *name)
{
  g_autoptr(PGconn) conn = PQconnectdb (admin_uri);
  g_autofree char *sql = g_strdup_printf ("SHOW %s", name);
  g_autoptr(PGresult) result = NULL;

  if (PQstatus (conn) != CONNECTION_OK)
    return g_strdup ("?");
  result = PQexec (conn, sql);
  if (PQresultStatus (result) != PGRES_TUPLES_OK || PQntuples (result) != 1)
    return g_strdup ("?");
  return g_strdup (PQgetvalue (result, 0, 0));
}

/* "postgresql fsync=off sync_commit=off", as the server says now (from a
 * new connection, so after any reload). */
static char *
describe_server (const char *admin_uri)
{
  g_autofree char *fsync = show_setting (admin_uri, "fsync");
  g_autofree char *sync = show_setting (admin_uri, "synchronous_commit");
  g_autofree char *fpw = show_setting (admin_uri, "full_page_writes");

  return g_strdup_printf ("postgresql fsync=%s sync_commit=%s fpw=%s", fsync, sync, fpw);
}

/* Makes a copy of the template database (CREATE DATABASE ... TEMPLATE)
 * and runs @run on it; drops it after. */
static void
bench_pg_runs (GPtrArray  *runs,
               GPtrArray  *notes,
               const char *admin_uri,
               const char *template_location,
               guint       n_clients,
               const char *period,
               const char *workdir)
{
  g_autofree char *engine = describe_server (admin_uri);
  g_autofree char *template_name = database_name (template_location);
  guint counts[] = { 1, n_clients };
  static guint serial;

  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      g_autoptr(PGconn) conn = PQconnectdb (admin_uri);
      g_autoptr(GError) error = NULL;
      g_autofree char *name = g_strdup_printf ("pm_bench_run_%d_%u", (int) getpid (), serial++);
      g_autofree char *sql = g_strdup_printf ("CREATE DATABASE \"%s\" TEMPLATE \"%s\"", name, template_name);
      g_autofree char *location = NULL;
      Run *run = run_new (engine, counts[i]);

      g_ptr_array_add (runs, run);
      if (PQstatus (conn) != CONNECTION_OK)
        {
          run->error = g_strdup_printf ("could not connect: %s", PQerrorMessage (conn));
          g_strchomp (run->error);
          continue;
        }
      location = location_for_database (admin_uri, name, &error);
      if (location == NULL || !exec_admin (conn, sql, &error))
        {
          run->error = g_strdup (error->message);
          continue;
        }
      /* Start from a clean slate: nothing of the copy left to write. */
      exec_admin (conn, "CHECKPOINT", NULL);
      g_clear_pointer (&conn, PQfinish);

      measure_run (run, location, period, workdir);

      /* On the copy the single client has written: its values are there. */
      if (i == 0)
        {
          g_autofree char *summary = NULL;
          g_autoptr(GError) notify_error = NULL;

          if (measure_notify (location, period, &summary, &notify_error))
            g_ptr_array_add (notes, g_strdup_printf ("%s: %s", engine, summary));
          else
            g_ptr_array_add (notes, g_strdup_printf ("%s: another client's save: NOT MEASURED: %s",
                                                     engine, notify_error->message));
          printf ("  %s\n", (const char *) g_ptr_array_index (notes, notes->len - 1));
        }

      if (!pg_test_drop_database (location, &error))
        printf ("  could not drop %s: %s\n", name, error->message);
    }
}

static gboolean
find_pg_binaries (void)
{
  g_autoptr(GDir) dir = g_dir_open ("/usr/lib/postgresql", 0, NULL);
  const char *version;

  while (dir != NULL && (version = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *initdb = g_build_filename ("/usr/lib/postgresql", version, "bin", "initdb", NULL);

      if (g_file_test (initdb, G_FILE_TEST_IS_EXECUTABLE))
        return TRUE;
    }
  return FALSE;
}

/* Runs build-aux/pg-test-server.sh ACTION DIR, its stderr to ours. */
static gboolean
run_server_script (const char  *action,
                   const char  *dir,
                   GError     **error)
{
  char *argv[] = { "/bin/sh", PM_PG_TEST_SERVER_SCRIPT, (char *) action, (char *) dir, NULL };
  int status = 0;
  pid_t pid;

  fflush (stdout);
  pid = fork ();
  if (pid == 0)
    {
      int null = open ("/dev/null", O_WRONLY);

      if (null >= 0)
        dup2 (null, STDOUT_FILENO);
      execv (argv[0], argv);
      _exit (127);
    }
  if (pid < 0)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno), "fork: %s", g_strerror (errno));
      return FALSE;
    }
  script_pid = pid;
  while (waitpid (pid, &status, 0) < 0 && errno == EINTR)
    ;
  script_pid = 0;
  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "sh %s %s %s failed (status %d; "
                   "its messages are above)", PM_PG_TEST_SERVER_SCRIPT, action, dir, status);
      return FALSE;
    }
  return TRUE;
}

/* Starts our own throwaway server in a new temporary directory; returns
 * its superuser's URI, and the directory in @dir (to stop it). */
static char *
start_own_server (char   **dir,
                  GError **error)
{
  g_autofree char *env_path = NULL;
  g_autofree char *env = NULL;
  g_auto(GStrv) lines = NULL;

  *dir = g_dir_make_tmp ("pm-bench-pg-XXXXXX", error);
  if (*dir == NULL)
    return NULL;

  /* Ready before the server exists, for the signal handler. */
  stop_argv[0] = "/bin/sh";
  stop_argv[1] = PM_PG_TEST_SERVER_SCRIPT;
  stop_argv[2] = "stop";
  stop_argv[3] = *dir;
  stop_argv[4] = NULL;

  if (!run_server_script ("start", *dir, error))
    return NULL;

  env_path = g_build_filename (*dir, "env", NULL);
  if (!g_file_get_contents (env_path, &env, NULL, error))
    return NULL;
  lines = g_strsplit (env, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], "PM_TEST_PG_URI="))
        return g_strdup (lines[i] + strlen ("PM_TEST_PG_URI="));
    }
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "no PM_TEST_PG_URI in %s", env_path);
  return NULL;
}

static void
stop_own_server (const char *dir)
{
  g_autoptr(GError) error = NULL;

  stop_argv[0] = NULL;
  if (!run_server_script ("stop", dir, &error))
    printf ("could not stop the PostgreSQL server in %s: %s\n", dir, error->message);
  else
    printf ("postgresql: stopped our server (%s removed)\n", dir);
}

/* Switches our own server to PostgreSQL's durable defaults and waits
 * until a new connection sees them. */
static gboolean
make_server_durable (const char  *admin_uri,
                     GError     **error)
{
  g_autoptr(PGconn) conn = PQconnectdb (admin_uri);

  if (PQstatus (conn) != CONNECTION_OK)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s", PQerrorMessage (conn));
      return FALSE;
    }
  if (!exec_admin (conn, "ALTER SYSTEM SET fsync = on", error) ||
      !exec_admin (conn, "ALTER SYSTEM SET synchronous_commit = on", error) ||
      !exec_admin (conn, "ALTER SYSTEM SET full_page_writes = on", error) ||
      !exec_admin (conn, "SELECT pg_reload_conf ()", error))
    return FALSE;

  for (guint tries = 0; tries < 50; tries++)
    {
      g_autofree char *fsync = show_setting (admin_uri, "fsync");
      g_autofree char *sync = show_setting (admin_uri, "synchronous_commit");
      g_autofree char *fpw = show_setting (admin_uri, "full_page_writes");

      if (g_str_equal (fsync, "on") && g_str_equal (sync, "on") && g_str_equal (fpw, "on"))
        return exec_admin (conn, "CHECKPOINT", error);
      g_usleep (G_USEC_PER_SEC / 10);
    }
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT, "the server did not take the new settings");
  return FALSE;
}

static char *pg_version;

/* Everything on PostgreSQL. Returns FALSE when the server figures could
 * not be measured for a reason other than there being no PostgreSQL. */
static gboolean
bench_pg (GPtrArray        *runs,
          GPtrArray        *notes,
          const BenchShape *shape,
          guint             n_clients,
          const char       *period,
          const char       *workdir,
          gboolean          durable_run)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *own_dir = NULL;
  g_autofree char *own_uri = NULL;
  g_autofree char *template_location = NULL;
  const char *admin_uri = g_getenv ("PM_TEST_PG_URI");
  gboolean ok = TRUE;
  gint64 t0;

  if (admin_uri == NULL || admin_uri[0] == '\0')
    {
      if (!find_pg_binaries ())
        {
          g_ptr_array_add (notes, g_strdup ("PostgreSQL: NOT MEASURED: PM_TEST_PG_URI is not set and no "
                                            "PostgreSQL server is installed under /usr/lib/postgresql "
                                            "(Debian package postgresql)."));
          return TRUE;
        }
      printf ("postgresql: starting a throwaway server (%s)…\n", PM_PG_TEST_SERVER_SCRIPT);
      own_uri = start_own_server (&own_dir, &error);
      if (own_uri == NULL)
        {
          g_ptr_array_add (notes, g_strdup_printf ("PostgreSQL: NOT MEASURED: the server did not start: %s",
                                                   error->message));
          if (own_dir != NULL)
            stop_own_server (own_dir);
          return FALSE;
        }
      /* For the scratch-database helpers (tests/pg/pg-test-util.c). */
      g_setenv ("PM_TEST_PG_URI", own_uri, TRUE);
      admin_uri = own_uri;
    }
  else
    printf ("postgresql: the server in PM_TEST_PG_URI\n");

  pg_version = show_setting (admin_uri, "server_version");
  template_location = pg_test_create_database ("pm_bench_tpl", &error);
  t0 = g_get_monotonic_time ();
  if (template_location == NULL || !import_programme (template_location, shape, &error))
    {
      g_ptr_array_add (notes, g_strdup_printf ("PostgreSQL: NOT MEASURED: could not write the programme: %s",
                                               error->message));
      ok = FALSE;
    }
  else
    {
      printf ("  programme written in %.1f s\n", (g_get_monotonic_time () - t0) / 1e6);
      bench_pg_runs (runs, notes, admin_uri, template_location, n_clients, period, workdir);

      if (own_dir != NULL && durable_run)
        {
          g_clear_error (&error);
          if (make_server_durable (admin_uri, &error))
            {
              printf ("postgresql: fsync, synchronous_commit, full_page_writes now on\n");
              bench_pg_runs (runs, notes, admin_uri, template_location, n_clients, period, workdir);
            }
          else
            {
              g_ptr_array_add (notes, g_strdup_printf ("PostgreSQL with fsync on: NOT MEASURED: %s",
                                                       error->message));
              ok = FALSE;
            }
        }
    }

  g_clear_error (&error);
  if (template_location != NULL && !pg_test_drop_database (template_location, &error))
    printf ("could not drop the template database: %s\n", error->message);
  if (own_dir != NULL)
    {
      stop_own_server (own_dir);
      g_unsetenv ("PM_TEST_PG_URI");
    }
  return ok;
}

/* ---- the disk's floor ------------------------------------------------------ */

/* What one commit costs on this disk now: a one-row insert in its own
 * transaction, plain sqlite, WAL and synchronous=FULL as the store sets
 * them, @n times into a scratch file. Measured at the start and at the
 * end of the benchmark, so that a disk busy with something else shows. */
static char *
measure_disk_floor (const char *workdir,
                    guint       n)
{
  g_autofree char *path = g_strdup_printf ("%s/floor-%d.db", workdir, (int) getpid ());
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db = NULL;
  char *result = NULL;

  remove_sqlite_file (path);
  if (sqlite3_open (path, &db) != SQLITE_OK ||
      sqlite3_exec (db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; "
                        "CREATE TABLE t (a INTEGER)", NULL, NULL, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db, "INSERT INTO t VALUES (?1)", -1, &stmt, NULL) != SQLITE_OK)
    {
      result = g_strdup_printf ("not measured (%s)", sqlite3_errmsg (db));
      goto out;
    }
  for (guint i = 0; i < n; i++)
    {
      gint64 t0 = g_get_monotonic_time ();

      sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
      sqlite3_bind_int (stmt, 1, i);
      sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
        {
          result = g_strdup_printf ("not measured (%s)", sqlite3_errmsg (db));
          goto out;
        }
      t0 = g_get_monotonic_time () - t0;
      g_array_append_val (times, t0);
    }
  g_array_sort (times, compare_int64);
  result = g_strdup_printf ("p50 %.2f ms, p99 %.2f ms", percentile (times, 50) / 1e3,
                            percentile (times, 99) / 1e3);

out:
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  remove_sqlite_file (path);
  return result;
}

/* ---- the table ------------------------------------------------------------ */

static const char *
error_name (const char *domain,
            int         code)
{
  static const char *const store_errors[] = {
    "NOT_A_DATABASE", "FOREIGN", "TOO_NEW", "CORRUPT", "READ_ONLY", "LOCKED", "FULL", "IO",
    "NOT_EMPTY", "EMPTY", "NOT_FOUND", "INVALID", "AUTHENTICATION", "DENIED", "CONFLICT",
  };

  if (g_str_equal (domain, g_quark_to_string (PM_STORE_ERROR)) &&
      code >= 0 && code < (int) G_N_ELEMENTS (store_errors))
    return store_errors[code];
  return NULL;
}

static void
print_table (GPtrArray *runs,
             GPtrArray *notes)
{
  printf ("\n| %-44s | %7s | %6s | %6s | %7s | %8s | %7s | %8s | %8s | %6s | %9s | %8s | %-24s |\n",
          "engine", "clients", "saves", "failed", "wall s", "saves/s", "p50 ms", "p99 ms",
          "max ms", "load s", "cli CPU s", "CPU busy", "check");
  printf ("|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|\n",
          "----------------------------------------------", "---------", "--------", "--------",
          "---------", "----------", "---------", "----------", "----------", "--------",
          "-----------", "----------", "--------------------------");
  for (guint i = 0; i < runs->len; i++)
    {
      Run *run = g_ptr_array_index (runs, i);
      char check[64], busy[16];

      if (run->error != NULL)
        {
          printf ("| %-44s | %7u | %6s | %6s | %7s | %8s | %7s | %8s | %8s | %6s | %9s | %8s | %-24s |\n",
                  run->engine, run->clients, "-", "-", "-", "-", "-", "-", "-", "-", "-", "-",
                  "NOT MEASURED");
          continue;
        }
      if (run->verified)
        g_snprintf (check, sizeof check, "ok: %u of %u found", run->found, run->n_kpis);
      else
        g_snprintf (check, sizeof check, "WRONG: %u found, %u bad", run->found, run->wrong);
      if (run->machine_busy >= 0)
        g_snprintf (busy, sizeof busy, "%.0f %%", run->machine_busy * 100);
      else
        g_strlcpy (busy, "?", sizeof busy);
      printf ("| %-44s | %7u | %6u | %6u | %7.2f | %8.0f | %7.2f | %8.2f | %8.1f | %6.2f | %9.2f | %8s | %-24s |\n",
              run->engine, run->clients, run->n_ok, run->n_failed, run->wall,
              run->wall > 0 ? run->n_ok / run->wall : 0, run->p50 / 1e3, run->p99 / 1e3,
              run->max / 1e3, run->load_max, run->client_cpu, busy, check);
    }
  printf ("\n");

  for (guint i = 0; i < runs->len; i++)
    {
      Run *run = g_ptr_array_index (runs, i);
      GHashTableIter iter;
      gpointer key, value;

      if (run->error != NULL)
        {
          printf ("%s, %u client%s: NOT MEASURED: %s\n", run->engine, run->clients,
                  run->clients == 1 ? "" : "s", run->error);
          continue;
        }
      if (run->n_failed == 0)
        continue;
      printf ("%s, %u client%s: %u saves failed (not retried); p99 of the committed saves alone "
              "%.2f ms:\n", run->engine, run->clients, run->clients == 1 ? "" : "s", run->n_failed, run->ok_p99 / 1e3);
      g_hash_table_iter_init (&iter, run->failures);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          g_auto(GStrv) parts = g_strsplit (key, " ", 2);
          const char *name = error_name (parts[0], atoi (parts[1]));

          if (name != NULL)
            printf ("  %u × PM_STORE_ERROR_%s (%s %s)\n", GPOINTER_TO_UINT (value), name, parts[0], parts[1]);
          else
            printf ("  %u × %s %s\n", GPOINTER_TO_UINT (value), parts[0], parts[1]);
        }
      printf ("  first message: %s\n", run->first_failure);
    }
  for (guint i = 0; i < notes->len; i++)
    printf ("%s\n", (const char *) g_ptr_array_index (notes, i));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) runs = g_ptr_array_new_with_free_func ((GDestroyNotify) run_free);
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(PmPeriod) period = NULL;
  g_autofree char *workdir = NULL;
  g_autofree char *period_code = NULL;
  g_autofree char *cpu = NULL;
  g_autofree char *cpuinfo = NULL;
  g_autofree char *floor_start = NULL;
  g_autofree char *floor_end = NULL;
  int clients = 20, districts = 150, pilots = 4, kpis = 25, quarters = 4, seed = 1;
  gboolean with_sqlite = TRUE, with_pg = TRUE, durable_run = TRUE, ok = TRUE;
  BenchShape shape;
  GOptionEntry entries[] = {
    { "clients", 0, 0, G_OPTION_ARG_INT, &clients, "Clients writing at once (besides the 1-client run)", "N" },
    { "districts", 0, 0, G_OPTION_ARG_INT, &districts, "Districts in the programme", "N" },
    { "pilots-per-district", 0, 0, G_OPTION_ARG_INT, &pilots, "Pilots per district", "N" },
    { "kpis-per-pilot", 0, 0, G_OPTION_ARG_INT, &kpis, "KPIs per pilot", "N" },
    { "quarters", 0, 0, G_OPTION_ARG_INT, &quarters, "Quarters of history (at most 40)", "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, "Seed of the generator", "N" },
    { "period", 0, 0, G_OPTION_ARG_STRING, &period_code, "The new quarter the clients enter", "FY2030-Q1" },
    { "workdir", 0, 0, G_OPTION_ARG_FILENAME, &workdir, "Where the sqlite files go", "DIR" },
    { "no-sqlite", 0, G_OPTION_FLAG_REVERSE, G_OPTION_ARG_NONE, &with_sqlite, "Measure PostgreSQL only", NULL },
    { "no-postgresql", 0, G_OPTION_FLAG_REVERSE, G_OPTION_ARG_NONE, &with_pg, "Measure sqlite only", NULL },
    { "no-durable-run", 0, G_OPTION_FLAG_REVERSE, G_OPTION_ARG_NONE, &durable_run,
      "On our own server, do not repeat the runs with fsync on", NULL },
    { NULL }
  };
  char *model;

  setlocale (LC_ALL, "");
  if (argc >= 2 && g_str_equal (argv[1], "--client"))
    return run_client (argc, argv);

  /* Progress as it happens, also into a log file. */
  setvbuf (stdout, NULL, _IOLBF, 0);
  context = g_option_context_new ("— N clients entering a quarter at once, sqlite and PostgreSQL");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "pm-bench-concurrent: %s\n", error->message);
      return 2;
    }
  if (clients < 2 || clients > MAX_CLIENTS || districts < 1 || pilots < 1 || kpis < 1 ||
      quarters < 1 || quarters > 40 || seed < 0)
    {
      fprintf (stderr, "pm-bench-concurrent: clients 2 to %d; sizes positive, quarters at most 40\n",
               MAX_CLIENTS);
      return 2;
    }
  if (period_code == NULL)
    period_code = g_strdup ("FY2030-Q1");
  period = pm_period_parse (period_code, &error);
  if (period == NULL)
    {
      fprintf (stderr, "pm-bench-concurrent: --period: %s\n", error->message);
      return 2;
    }
  if (pm_period_get_index (period) < 2014 * 4 + quarters)
    {
      fprintf (stderr, "pm-bench-concurrent: --period must come after the %d quarters of history\n",
               quarters);
      return 2;
    }
  g_free (period_code);
  period_code = pm_period_to_code (period);
  shape = (BenchShape) { districts, pilots, kpis, quarters, seed };

  self_path = g_file_read_link ("/proc/self/exe", NULL);
  if (self_path == NULL)
    self_path = argv[0];
  if (workdir == NULL)
    workdir = g_build_filename (g_get_tmp_dir (), "pm-bench-concurrent", NULL);
  if (g_mkdir_with_parents (workdir, 0700) != 0)
    {
      fprintf (stderr, "pm-bench-concurrent: %s: %s\n", workdir, g_strerror (errno));
      return 1;
    }
  install_signal_handlers ();

  if (g_file_get_contents ("/proc/cpuinfo", &cpuinfo, NULL, NULL) &&
      (model = strstr (cpuinfo, "model name")) != NULL)
    {
      char *colon = strchr (model, ':');
      char *end = strchr (model, '\n');

      if (colon != NULL && end != NULL)
        cpu = g_strstrip (g_strndup (colon + 1, end - colon - 1));
    }
  printf ("Pilot Monitor %s: %d clients entering %s, %u cores, %s\n", PACKAGE_VERSION, clients,
          period_code, g_get_num_processors (), cpu != NULL ? cpu : "unknown CPU");
  printf ("programme: %u districts x %u pilots x %u KPIs = %u KPIs, %u quarters of history\n",
          shape.districts, shape.pilots_per_district, shape.kpis_per_pilot,
          shape.districts * shape.pilots_per_district * shape.kpis_per_pilot, shape.quarters);
  printf ("each KPI gets one value for %s, one pm_store_save_entry (one transaction) each; "
          "client i of N takes KPIs i, i+N, ...\n\n", period_code);

  floor_start = measure_disk_floor (workdir, 500);
  printf ("disk floor (plain sqlite, one-row commit, WAL, synchronous=FULL, 500 times): %s\n\n",
          floor_start);

  if (with_sqlite)
    bench_sqlite (runs, &shape, clients, period_code, workdir);
  else
    g_ptr_array_add (notes, g_strdup ("sqlite: NOT MEASURED (--no-sqlite)."));
  if (with_pg)
    ok = bench_pg (runs, notes, &shape, clients, period_code, workdir, durable_run);
  else
    g_ptr_array_add (notes, g_strdup ("PostgreSQL: NOT MEASURED (--no-postgresql)."));

  floor_end = measure_disk_floor (workdir, 500);

  printf ("\nsqlite %s%s%s; disk floor (one-row sqlite commit) %s at the start, %s at the end;\n"
          "wall s: barrier released to the last client's last save; "
          "saves/s: committed saves / wall s;\n"
          "p50/p99/max: latency of each pm_store_save_entry over all clients, failed ones included; "
          "load s: the slowest client's open + load (not timed in wall s);\n"
          "cli CPU s: the clients' own CPU time while saving, all together; CPU busy: the whole "
          "machine's CPUs while saving (the server and anything else running included);\n"
          "check: the quarter's values counted through pm_store_load afterwards, each as written\n",
          sqlite3_libversion (), pg_version != NULL ? ", PostgreSQL " : "",
          pg_version != NULL ? pg_version : "", floor_start, floor_end);
  print_table (runs, notes);

  for (guint i = 0; i < runs->len; i++)
    {
      Run *run = g_ptr_array_index (runs, i);

      if (run->error != NULL || !run->verified)
        ok = FALSE;
    }
  g_free (pg_version);
  return ok ? 0 : 1;
}
