/* test-outputs.c: what an export or a copy refuses to write over, and the
 * temporary files an interrupted one leaves (none), with the real binary
 *
 * Every command that writes a file is pointed, with a fresh sample
 * database open, at: the database itself, its -wal and -shm, a -journal
 * it does not have yet, a hard link to it, another path to it, another
 * sqlite database, a device, a named pipe, a socket, a folder and a
 * symbolic link. Each must be refused with a message naming the file and
 * a non-zero status, leaving the target as it was and nothing behind.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "bench-generate.h"
#include "pm-programme-file.h"
#include "store-test-util.h"

#define PERIOD "FY2016-Q3"

typedef struct
{
  char    *dir;
  char    *db;
  sqlite3 *reader;   /* keeps the -wal and -shm there */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  int rc;

  fixture->dir = pm_test_dir_new ("pm-outputs");
  fixture->db = pm_test_cli_make_sample (fixture->dir, "pilots.db");

  /* Another user of the database, as the window would be: while it is
   * open the database has its -wal and -shm beside it. */
  rc = sqlite3_open_v2 (fixture->db, &fixture->reader, SQLITE_OPEN_READWRITE, NULL);
  g_assert_cmpint (rc, ==, SQLITE_OK);
  rc = sqlite3_exec (fixture->reader, "SELECT count (*) FROM kpi", NULL, NULL, NULL);
  g_assert_cmpint (rc, ==, SQLITE_OK);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  sqlite3_close (fixture->reader);
  pm_test_clear_dir (&fixture->dir);
  g_free (fixture->db);
}

/* ------------------------------------------------------------------ */
/* The refusals */

typedef enum
{
  COMMAND_EXPORT,
  COMMAND_CSV,
  COMMAND_XLSX,
  COMMAND_SUMMARY,
  COMMAND_APPENDIX,
  COMMAND_RETURN,
  COMMAND_COPY,
  N_COMMANDS
} Command;

static const char *const command_names[N_COMMANDS] = {
  "--export", "--export-csv", "--export-xlsx", "--export-summary", "--export-appendix",
  "--export-return", "--copy-to",
};

static PmTestRun
run_command (Fixture    *fixture,
             Command     command,
             const char *output)
{
  const char *db = fixture->db;

  switch (command)
    {
    case COMMAND_EXPORT:
      return pm_test_cli_run (fixture->dir, "--database", db, "--export", output, NULL);
    case COMMAND_CSV:
      return pm_test_cli_run (fixture->dir, "--database", db, "--export-csv", "--period", PERIOD,
                              "--output", output, NULL);
    case COMMAND_XLSX:
      return pm_test_cli_run (fixture->dir, "--database", db, "--export-xlsx", "--period", PERIOD,
                              "--output", output, NULL);
    case COMMAND_SUMMARY:
      return pm_test_cli_run (fixture->dir, "--database", db, "--export-summary", "all", "--period", PERIOD,
                              "--output", output, NULL);
    case COMMAND_APPENDIX:
      return pm_test_cli_run (fixture->dir, "--database", db, "--export-appendix", "--period", PERIOD,
                              "--output", output, NULL);
    case COMMAND_RETURN:
      return pm_test_cli_run (fixture->dir, "--database", db, "--export-return", "Tamworth", "--period", PERIOD,
                              "--output", output, NULL);
    case COMMAND_COPY:
    case N_COMMANDS:
    default:
      return pm_test_cli_run (fixture->dir, "--database", db, "--copy-to", output, NULL);
    }
}

/* What a target was before a command, to compare with after. */
typedef struct
{
  gboolean  exists;
  GStatBuf  st;
  GBytes   *bytes;   /* a regular file's, but the -shm (the readers' index) */
} Snapshot;

static void
snapshot_take (Snapshot   *snapshot,
               const char *path,
               gboolean    compare_bytes)
{
  snapshot->exists = g_lstat (path, &snapshot->st) == 0;
  snapshot->bytes = NULL;
  if (snapshot->exists && compare_bytes && S_ISREG (snapshot->st.st_mode))
    snapshot->bytes = pm_test_read_file (path);
}

static void
snapshot_assert_same (Snapshot   *snapshot,
                      const char *path)
{
  GStatBuf st;

  if (!snapshot->exists)
    {
      g_assert_cmpint (g_lstat (path, &st), !=, 0);
      return;
    }

  /* Not replaced (a rename would make a new inode), nor changed in kind. */
  g_assert_cmpint (g_lstat (path, &st), ==, 0);
  g_assert_cmpuint (st.st_dev, ==, snapshot->st.st_dev);
  g_assert_cmpuint (st.st_ino, ==, snapshot->st.st_ino);
  g_assert_cmpuint (st.st_mode, ==, snapshot->st.st_mode);
  if (S_ISCHR (snapshot->st.st_mode))
    g_assert_cmpuint (st.st_rdev, ==, snapshot->st.st_rdev);
  if (snapshot->bytes != NULL)
    pm_test_assert_file_unchanged (path, snapshot->bytes);
}

static void
snapshot_clear (Snapshot *snapshot)
{
  g_clear_pointer (&snapshot->bytes, g_bytes_unref);
}

static void
assert_refused (Fixture    *fixture,
                const char *output,
                const char *words,
                const char *copy_words,
                gboolean    compare_bytes)
{
  g_autofree char *base = g_path_get_basename (output);
  g_autofree char *folder = g_path_get_dirname (output);

  for (Command command = 0; command < N_COMMANDS; command++)
    {
      g_auto(PmTestRun) run = { 0, };
      Snapshot before;
      const char *expected = command == COMMAND_COPY ? copy_words : words;

      snapshot_take (&before, output, compare_bytes);
      run = run_command (fixture, command, output);
      g_test_message ("%s %s: %d: %s", command_names[command], output, run.status,
                      g_strchomp (run.err));

      if (run.status == 0)
        g_error ("%s --output %s succeeded", command_names[command], output);
      g_assert_cmpint (run.status, ==, 1);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_true (g_str_has_prefix (run.err, "pilot-monitor: "));
      g_assert_nonnull (strstr (run.err, base));
      if (strstr (run.err, expected) == NULL)
        g_error ("%s --output %s said “%s”, not “%s”", command_names[command], output,
                 run.err, expected);

      snapshot_assert_same (&before, output);
      snapshot_clear (&before);
      g_assert_cmpuint (pm_test_count_hidden (fixture->dir), ==, 0);
      if (g_file_test (folder, G_FILE_TEST_IS_DIR) && !g_str_equal (folder, "/dev"))
        g_assert_cmpuint (pm_test_count_hidden (folder), ==, 0);
    }
}

static char *
list_programme (Fixture *fixture)
{
  g_auto(PmTestRun) run = pm_test_cli_run (fixture->dir, "--database", fixture->db, "--list", NULL);

  g_assert_cmpint (run.status, ==, 0);
  return g_steal_pointer (&run.out);
}

static void
test_open_database (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *wal = g_strconcat (fixture->db, "-wal", NULL);
  g_autofree char *shm = g_strconcat (fixture->db, "-shm", NULL);
  g_autofree char *journal = g_strconcat (fixture->db, "-journal", NULL);
  g_autofree char *hard_link = g_build_filename (fixture->dir, "summaries.pdf", NULL);
  g_autofree char *sub = g_build_filename (fixture->dir, "sub", NULL);
  g_autofree char *roundabout = g_build_filename (fixture->dir, "sub", "..", "pilots.db", NULL);
  g_autofree char *listed_before = list_programme (fixture);
  g_autofree char *listed_after = NULL;

  g_assert_true (g_file_test (wal, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (shm, G_FILE_TEST_IS_REGULAR));
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
  g_assert_cmpint (link (fixture->db, hard_link), ==, 0);
  g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);

  assert_refused (fixture, fixture->db, "is the open database", "is the open database", TRUE);
  assert_refused (fixture, wal, "belongs to the open database", "belongs to the open database", TRUE);
  assert_refused (fixture, shm, "belongs to the open database", "belongs to the open database", FALSE);
  assert_refused (fixture, journal, "belongs to the open database", "belongs to the open database", TRUE);
  assert_refused (fixture, hard_link, "is the open database “pilots.db” under another name",
                  "is the open database “pilots.db” under another name", TRUE);
  assert_refused (fixture, roundabout, "is the open database", "is the open database", TRUE);

  /* Nothing lost. */
  listed_after = list_programme (fixture);
  g_assert_cmpstr (listed_after, ==, listed_before);
}

static void
test_other_database (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *other = g_build_filename (fixture->dir, "other.db", NULL);
  g_auto(PmTestRun) create = pm_test_cli_run (fixture->dir, "--database", other, "--sample", NULL);
  g_autofree char *listed_before = NULL;
  g_autofree char *listed_after = NULL;
  g_auto(PmTestRun) list = { 0, };

  g_assert_cmpint (create.status, ==, 0);
  list = pm_test_cli_run (fixture->dir, "--database", other, "--list", NULL);
  listed_before = g_steal_pointer (&list.out);

  assert_refused (fixture, other, "is a database", "already exists", TRUE);

  pm_test_run_clear (&list);
  list = pm_test_cli_run (fixture->dir, "--database", other, "--list", NULL);
  listed_after = g_steal_pointer (&list.out);
  g_assert_cmpstr (listed_after, ==, listed_before);
}

static void
test_not_regular_files (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *device = g_build_filename (fixture->dir, "null", NULL);
  g_autofree char *fifo = g_build_filename (fixture->dir, "pipe.csv", NULL);
  g_autofree char *sock = g_build_filename (fixture->dir, "socket.pdf", NULL);
  g_autofree char *folder = g_build_filename (fixture->dir, "folder.xlsx", NULL);
  g_autofree char *target = g_build_filename (fixture->dir, "minutes.txt", NULL);
  g_autofree char *link = g_build_filename (fixture->dir, "link.json", NULL);
  g_autoptr(GBytes) target_before = NULL;
  GStatBuf st;

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  pm_test_make_socket (sock);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  pm_test_write_file (target, "Minutes of the board\n", 21);
  target_before = pm_test_read_file (target);
  g_assert_cmpint (symlink (target, link), ==, 0);

  /* Never opened for writing: that would block until a reader came. */
  assert_refused (fixture, fifo, "is a named pipe", "already exists", FALSE);
  assert_refused (fixture, sock, "is a socket", "already exists", FALSE);
  assert_refused (fixture, folder, "is a folder", "already exists", FALSE);
  assert_refused (fixture, link, "is a symbolic link", "already exists", FALSE);
  pm_test_assert_file_unchanged (target, target_before);

  /* A device. Root could replace /dev/null, so a copy of it is tried
   * first where one can be made, and /dev/null itself only as a user,
   * who cannot, or once the copy was refused. */
  if (mknod (device, S_IFCHR | 0666, makedev (1, 3)) == 0)
    assert_refused (fixture, device, "is a device", "already exists", FALSE);
  else
    g_test_message ("no device node could be made here: %s", g_strerror (errno));
  assert_refused (fixture, "/dev/null", "is a device", "already exists", FALSE);
  g_assert_cmpint (g_lstat ("/dev/null", &st), ==, 0);
  g_assert_true (S_ISCHR (st.st_mode));
}

/* ------------------------------------------------------------------ */
/* Interrupted exports */

/* A programme large enough that its summaries take a while to lay out:
 * the temporary file is there for long enough to be caught. */
static char *
make_large_database (Fixture *fixture)
{
  BenchShape shape = { 40, 4, 12, 2, 7 };
  g_autoptr(PmProgramme) programme = NULL;
  g_autofree char *json = g_build_filename (fixture->dir, "large.json", NULL);
  g_autoptr(GError) error = NULL;
  g_auto(PmTestRun) import = { 0, };
  char *db = g_build_filename (fixture->dir, "large.db", NULL);

  if (g_getenv ("PM_TEST_SLOW") != NULL)
    shape.districts = 20;
  programme = bench_generate_programme (&shape);
  g_assert_true (pm_programme_file_save (programme, json, &error));
  g_assert_no_error (error);
  import = pm_test_cli_run (fixture->dir, "--database", db, "--import", json, NULL);
  g_assert_cmpint (import.status, ==, 0);
  g_remove (json);

  return db;
}

static char *
find_temporary_file (const char *folder,
                     const char *base)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autofree char *prefix = g_strdup_printf (".%s.", base);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, prefix))
      return g_strdup (name);

  return NULL;
}

/* Starts the large export and returns once its temporary file is there. */
static GSubprocess *
start_large_export (Fixture    *fixture,
                    const char *db,
                    const char *pdf)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *base = g_path_get_basename (pdf);
  gint64 deadline = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;

  launcher = pm_test_cli_launcher_new (fixture->dir, NULL, G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                                           G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  process = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("PM_BINARY"),
                                         "--database", db, "--export-summary", "all",
                                         "--period", "FY2014-Q2", "--output", pdf, NULL);
  g_assert_no_error (error);

  /* Until it is written to (it has mode 0 for a moment before that). */
  for (;;)
    {
      g_autofree char *temp = find_temporary_file (fixture->dir, base);
      g_autofree char *temp_path = temp != NULL ? g_build_filename (fixture->dir, temp, NULL) : NULL;
      GStatBuf st;

      if (temp_path != NULL && g_stat (temp_path, &st) == 0 && (st.st_mode & 0777) == 0600)
        break;
      if (g_subprocess_get_identifier (process) == NULL)
        g_error ("the export of %s ended before it wrote anything", base);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (G_USEC_PER_SEC / 200);
    }

  return g_steal_pointer (&process);
}

static void
test_interrupted (Fixture       *fixture,
                  gconstpointer  data)
{
  static const int signals[] = { SIGTERM, SIGINT, SIGHUP };
  g_autofree char *db = make_large_database (fixture);
  g_autofree char *pdf = g_build_filename (fixture->dir, "summaries.pdf", NULL);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (signals); i++)
    {
      g_autoptr(GSubprocess) process = start_large_export (fixture, db, pdf);
      g_autofree char *left = NULL;

      g_subprocess_send_signal (process, signals[i]);
      g_assert_true (g_subprocess_wait (process, NULL, &error));
      g_assert_no_error (error);

      /* It died of the signal, as it should, having tidied up. */
      g_assert_true (g_subprocess_get_if_signaled (process));
      g_assert_cmpint (g_subprocess_get_term_sig (process), ==, signals[i]);
      left = find_temporary_file (fixture->dir, "summaries.pdf");
      if (left != NULL)
        g_error ("“%s” was left by an export ended with %s", left, g_strsignal (signals[i]));
      g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
    }
}

static void
test_stale_removed (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *db = make_large_database (fixture);
  g_autofree char *pdf = g_build_filename (fixture->dir, "summaries.pdf", NULL);
  g_autofree char *left = g_build_filename (fixture->dir, ".summaries.pdf.q7Rx2A", NULL);
  g_autofree char *other = g_build_filename (fixture->dir, ".summaries.pdf.keep", NULL);
  g_autofree char *killed = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(PmTestRun) run = { 0, };

  /* SIGKILL: nothing can tidy up after that one. */
  process = start_large_export (fixture, db, pdf);
  killed = find_temporary_file (fixture->dir, "summaries.pdf");
  g_subprocess_force_exit (process);
  g_assert_true (g_subprocess_wait (process, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (killed);
  {
    g_autofree char *killed_path = g_build_filename (fixture->dir, killed, NULL);

    g_assert_true (g_file_test (killed_path, G_FILE_TEST_IS_REGULAR));
  }

  /* One from an earlier crash, and a file that only looks like one. */
  pm_test_write_file (left, "%PDF-1.5\n", 9);
  g_assert_cmpint (g_chmod (left, 0600), ==, 0);
  pm_test_write_file (other, "mine", 4);
  g_assert_cmpint (g_chmod (other, 0600), ==, 0);

  /* The next export to the same file takes them away. */
  run = pm_test_cli_run (fixture->dir, "--database", db, "--export-summary", "District 001",
                         "--period", "FY2014-Q2", "--output", pdf, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));

  {
    g_autofree char *killed_path = g_build_filename (fixture->dir, killed, NULL);

    g_assert_false (g_file_test (killed_path, G_FILE_TEST_EXISTS));
  }
  g_assert_false (g_file_test (left, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (other, G_FILE_TEST_IS_REGULAR));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/reliability/outputs/open-database", test_open_database);
  ADD ("/reliability/outputs/other-database", test_other_database);
  ADD ("/reliability/outputs/not-regular-files", test_not_regular_files);
  ADD ("/reliability/outputs/interrupted", test_interrupted);
  ADD ("/reliability/outputs/stale-removed", test_stale_removed);

#undef ADD

  return g_test_run ();
}
