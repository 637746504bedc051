/* test-bad-files.c: damaged pages, a full disk and a lock held by another
 * process each give a clear error, no crash, and leave the file as it was
 *
 * tests/store/test-store-open.c covers empty, random, truncated, foreign,
 * too new, read-only and the in-process lock; this adds what needs another
 * process or a whole sample database. Each case prints what the user is
 * told as a TAP comment.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "pm-database.h"
#include "pm-programme-file.h"
#include "pm-store-private.h"
#include "store-test-util.h"

typedef struct
{
  char        *dir;
  char        *path;
  PmProgramme *sample;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = pm_test_dir_new ("pm-bad-files");
  fixture->path = g_build_filename (fixture->dir, "programme.db", NULL);
  fixture->sample = pm_test_sample_file_load ();
  pm_test_store_create (fixture->path, fixture->sample);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  pm_test_clear_dir (&fixture->dir);
  g_clear_pointer (&fixture->path, g_free);
  g_clear_object (&fixture->sample);
}

/* PRAGMA integrity_check on a read-only connection: "ok" or the problems. */
static char *
integrity_check (const char *path)
{
  GString *result = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db = NULL;
  int rc;

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL);
  while (rc == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (result, "%s%s", result->len > 0 ? "; " : "",
                            (const char *) sqlite3_column_text (stmt, 0));
  if (rc != SQLITE_OK)
    g_string_append (result, sqlite3_errmsg (db));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return g_string_free (result, FALSE);
}

/* The store reopened afresh holds exactly the sample, and sqlite finds
 * nothing wrong with the file. */
static void
assert_sample_intact (Fixture *fixture)
{
  g_autoptr(PmProgramme) loaded = pm_test_store_read (fixture->path, PM_STORE_OPEN_DEFAULT);
  g_autofree char *check = NULL;

  store_test_assert_programmes_equal (fixture->sample, loaded, FALSE);

  check = integrity_check (fixture->path);
  g_assert_cmpstr (check, ==, "ok");
}

/* Every page but the header's, one at a time, overwritten with random
 * bytes: the store refuses the file as damaged when it opens it (its
 * quick_check walks every page), and never writes to it. */
static void
test_damaged_page (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GBytes) whole = pm_test_read_file (fixture->path);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20170116);
  const guint8 *bytes = g_bytes_get_data (whole, NULL);
  gsize size = g_bytes_get_size (whole);
  guint page_size = (guint) ((bytes[16] << 8) | bytes[17]);
  guint n_pages = (guint) (size / page_size);
  g_autofree char *first_message = NULL;
  guint n_refused = 0;

  g_assert_cmpuint (page_size, >=, 512);
  g_assert_cmpuint (n_pages, >=, 10);

  for (guint page = 1; page < n_pages; page++)
    {
      g_autofree guint8 *damaged = g_memdup2 (bytes, size);
      g_autoptr(GBytes) before = NULL;
      g_autoptr(PmStore) store = NULL;
      g_autoptr(GError) error = NULL;

      for (guint i = 0; i < page_size; i++)
        damaged[page * page_size + i] = (guint8) g_rand_int_range (rand, 0, 256);
      pm_test_write_file (fixture->path, damaged, size);
      before = pm_test_read_file (fixture->path);

      store = pm_store_open (fixture->path, PM_STORE_OPEN_DEFAULT, &error);
      if (store == NULL)
        {
          g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_CORRUPT);
          pm_test_assert_file_unchanged (fixture->path, before);
          if (first_message == NULL)
            first_message = g_strdup (error->message);
          n_refused++;
        }
      else
        {
          g_autofree char *check = NULL;
          g_autoptr(PmProgramme) loaded = NULL;

          /* Not expected; if sqlite's quick_check ever lets a page
           * through, loading must still fail cleanly or work, and the
           * full check must see it. */
          loaded = pm_store_load (store, &error);
          g_clear_error (&error);
          pm_store_close (store);
          check = integrity_check (fixture->path);
          g_test_message ("page %u of %u overwritten: opened; integrity_check: %s",
                          page + 1, n_pages, check);
          g_assert_cmpstr (check, !=, "ok");
        }
    }

  g_test_message ("damaged page: %u of %u pages overwritten with random bytes were "
                  "refused on opening; the user sees: %s",
                  n_refused, n_pages - 1, first_message);
  g_assert_cmpuint (n_refused, ==, n_pages - 1);
}

/* A few bytes changed inside a record, where only the values move: sqlite
 * cannot always tell, and the store must at least not crash or write. */
static void
test_damaged_bytes (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GBytes) whole = pm_test_read_file (fixture->path);
  g_autoptr(GRand) rand = g_rand_new_with_seed (1347243854);
  gsize size = g_bytes_get_size (whole);
  guint n_refused = 0, n_opened = 0, n_loaded = 0;

  for (guint round = 0; round < 64; round++)
    {
      g_autofree guint8 *damaged = g_memdup2 (g_bytes_get_data (whole, NULL), size);
      g_autoptr(GBytes) before = NULL;
      g_autoptr(PmStore) store = NULL;
      g_autoptr(PmProgramme) loaded = NULL;
      g_autoptr(GError) error = NULL;
      /* Somewhere in the middle half of the file, past the header page. */
      gsize offset = size / 4 + (gsize) g_rand_int_range (rand, 0, (gint32) (size / 2 - 16));

      for (guint i = 0; i < 16; i++)
        damaged[offset + i] = (guint8) g_rand_int_range (rand, 0, 256);
      pm_test_write_file (fixture->path, damaged, size);
      before = pm_test_read_file (fixture->path);

      store = pm_store_open (fixture->path, PM_STORE_OPEN_READ_ONLY, &error);
      if (store == NULL)
        {
          g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_CORRUPT);
          g_assert_true (g_utf8_validate (error->message, -1, NULL));
          n_refused++;
        }
      else
        {
          n_opened++;
          loaded = pm_store_load (store, &error);
          if (loaded != NULL)
            n_loaded++;
          else
            g_assert_true ((error->domain == PM_STORE_ERROR || error->domain == PM_MODEL_ERROR) &&
                           g_utf8_validate (error->message, -1, NULL));
          pm_store_close (store);
        }
      pm_test_assert_file_unchanged (fixture->path, before);
    }

  g_test_message ("16 random bytes inside a page, 64 times: %u refused on opening, "
                  "%u opened (%u of them loaded: damage confined to values that "
                  "still obey every rule cannot be seen)",
                  n_refused, n_opened, n_loaded);
}

/* Runs @func in a forked child and returns what it wrote to the pipe.
 * The child calls limit_file_size() once it is ready to be short of room. */
typedef void (*ChildFunc) (Fixture *fixture,
                           int      out_fd);

static rlim_t file_size_limit;

/* From here on no file may grow past file_size_limit bytes, as on a full
 * disk. Without ignoring SIGXFSZ the first write past it would kill the
 * process; ignored, the write fails with EFBIG. */
static void
limit_file_size (void)
{
  struct rlimit rl = { file_size_limit, file_size_limit };

  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &rl), ==, 0);
}

static char *
run_with_file_size_limit (Fixture   *fixture,
                          rlim_t     limit,
                          ChildFunc  func)
{
  GString *out = g_string_new (NULL);
  int fds[2];
  int status = 0;
  pid_t pid;
  char chunk[1024];
  gssize n;

  g_assert_cmpint (pipe (fds), ==, 0);
  file_size_limit = limit;
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);

  if (pid == 0)
    {
      close (fds[0]);
      func (fixture, fds[1]);
      close (fds[1]);
      _exit (0);
    }

  close (fds[1]);
  while ((n = read (fds[0], chunk, sizeof chunk)) > 0 || (n < 0 && errno == EINTR))
    if (n > 0)
      g_string_append_len (out, chunk, n);
  close (fds[0]);

  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);

  return g_string_free (out, FALSE);
}

static void
report (int         fd,
        GError     *error,
        const char *extra)
{
  g_autofree char *line = NULL;

  if (error == NULL)
    line = g_strdup_printf ("saved\n%s\n", extra);
  else
    line = g_strdup_printf ("%s %d\n%s\n%s\n", g_quark_to_string (error->domain),
                            error->code, extra, error->message);
  g_assert_cmpint (write (fd, line, strlen (line)), ==, (gssize) strlen (line));
}

static void
save_entry_child (Fixture *fixture,
                  int      out_fd)
{
  g_autoptr(PmStore) store = NULL;
  g_autoptr(PmProgramme) loaded = NULL;
  g_autoptr(PmPeriod) period = pm_period_new (2019, 2);
  g_autoptr(PmProgressEntry) entry = pm_progress_entry_new (period);
  g_autoptr(GError) error = NULL;
  PmKpi *kpi;

  store = pm_store_open (fixture->path, PM_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  loaded = pm_store_load (store, &error);
  g_assert_no_error (error);
  kpi = pm_test_nth_kpi (loaded, 0);

  pm_progress_entry_set_value (entry, 12);
  pm_progress_entry_set_note (entry, "Written when the disk was full");
  limit_file_size ();
  pm_store_save_entry (store, kpi, entry, &error);
  report (out_fd, error, pm_kpi_get_entry (kpi, period) == NULL ? "model unchanged" : "model changed");
}

static void
create_child (Fixture *fixture,
              int      out_fd)
{
  g_autofree char *path = g_build_filename (fixture->dir, "new.db", NULL);
  g_autoptr(PmStore) store = NULL;
  g_autoptr(GError) error = NULL;

  limit_file_size ();
  store = pm_store_open (path, PM_STORE_OPEN_CREATE, &error);
  if (store != NULL)
    pm_store_import (store, fixture->sample, &error);
  report (out_fd, error, "");
}

static void
export_child (Fixture *fixture,
              int      out_fd)
{
  g_autofree char *path = g_build_filename (fixture->dir, "export.json", NULL);
  g_autoptr(GError) error = NULL;

  limit_file_size ();
  pm_programme_file_save (fixture->sample, path, &error);
  report (out_fd, error, "");
}

static void
assert_full_error (const char  *result,
                   const char  *what)
{
  g_auto(GStrv) lines = g_strsplit (result, "\n", 4);

  g_assert_cmpuint (g_strv_length (lines), >=, 3);
  g_test_message ("full disk, %s: the user sees: %s", what, lines[2]);
  g_assert_true (g_str_equal (lines[0], "pm-store-error-quark 6") ||   /* FULL */
                 g_str_equal (lines[0], "pm-store-error-quark 7"));    /* IO */
  g_assert_true (strstr (lines[2], "room") != NULL || strstr (lines[2], "full") != NULL);
}

static void
test_full_disk (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *new_path = g_build_filename (fixture->dir, "new.db", NULL);
  g_autofree char *export_path = g_build_filename (fixture->dir, "export.json", NULL);
  g_autoptr(GBytes) before = pm_test_read_file (fixture->path);
  g_autoptr(GBytes) export_before = NULL;
  g_autofree char *result = NULL;
  g_auto(GStrv) lines = NULL;

  /* Room for the WAL's header but not one page of changes. */
  result = run_with_file_size_limit (fixture, 1024, save_entry_child);
  assert_full_error (result, "saving a value");
  lines = g_strsplit (result, "\n", 4);
  g_assert_cmpstr (lines[1], ==, "model unchanged");

  /* The database proper was not touched, and reopened holds all it held. */
  pm_test_assert_file_unchanged (fixture->path, before);
  assert_sample_intact (fixture);

  /* A new database that cannot be finished is not left half made. */
  g_clear_pointer (&result, g_free);
  result = run_with_file_size_limit (fixture, 16384, create_child);
  assert_full_error (result, "creating a database");
  g_assert_false (g_file_test (new_path, G_FILE_TEST_EXISTS));

  /* An export over an older one keeps the older one whole. */
  pm_test_write_file (export_path, "{}\n", 3);
  export_before = pm_test_read_file (export_path);
  g_clear_pointer (&result, g_free);
  result = run_with_file_size_limit (fixture, 4096, export_child);
  g_clear_pointer (&lines, g_strfreev);
  lines = g_strsplit (result, "\n", 4);
  g_test_message ("full disk, exporting a programme file: the user sees: %s", lines[2]);
  g_assert_cmpstr (lines[0], ==, "g-io-error-quark 12");  /* NO_SPACE, for EFBIG too */
  g_assert_nonnull (strstr (lines[2], "no room"));
  pm_test_assert_file_unchanged (export_path, export_before);

  /* Nothing was left behind in the folder by the three failures (the
   * read-only integrity check itself may leave -wal and -shm). */
  {
    g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (dir)) != NULL)
      if (!g_str_has_prefix (name, "programme.db") && !g_str_equal (name, "export.json"))
        g_error ("“%s” was left behind", name);
  }
}

/* A lock held by another process, as sqlite3 or a second copy of the
 * application would hold it. */
typedef struct
{
  pid_t pid;
  int   to_child;
} Holder;

static Holder
hold_lock (const char *path,
           const char *sql)
{
  Holder holder = { 0, -1 };
  int ready[2], done[2];
  char c = 0;

  g_assert_cmpint (pipe (ready), ==, 0);
  g_assert_cmpint (pipe (done), ==, 0);
  holder.pid = fork ();
  g_assert_cmpint (holder.pid, >=, 0);

  if (holder.pid == 0)
    {
      sqlite3 *db = NULL;
      int rc;

      close (ready[0]);
      close (done[1]);
      rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL);
      if (rc == SQLITE_OK)
        rc = sqlite3_exec (db, sql, NULL, NULL, NULL);
      c = rc == SQLITE_OK ? 'L' : 'E';
      if (write (ready[1], &c, 1) != 1)
        _exit (2);
      /* Holds the lock until the parent closes its end. */
      while (read (done[0], &c, 1) > 0)
        ;
      sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
      sqlite3_close (db);
      _exit (rc == SQLITE_OK ? 0 : 1);
    }

  close (ready[1]);
  close (done[0]);
  g_assert_cmpint (read (ready[0], &c, 1), ==, 1);
  g_assert_cmpint (c, ==, 'L');
  close (ready[0]);
  holder.to_child = done[1];

  return holder;
}

static void
release_lock (Holder *holder)
{
  int status = 0;

  close (holder->to_child);
  g_assert_cmpint (waitpid (holder->pid, &status, 0), ==, holder->pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
}

static void
test_locked_by_other_process (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autoptr(PmPeriod) period = pm_period_new (2019, 2);
  g_autoptr(PmProgressEntry) entry = pm_progress_entry_new (period);
  g_autoptr(PmStore) store = NULL;
  g_autoptr(PmProgramme) loaded = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) wal_before = NULL;
  g_autoptr(GError) error = NULL;
  Holder holder;
  PmKpi *kpi;

  /* A write under way in the other process: its change is not yet
   * committed, and it holds the write lock. */
  holder = hold_lock (fixture->path,
                      "BEGIN IMMEDIATE; UPDATE programme SET name = 'Changed elsewhere';");
  before = pm_test_read_file (fixture->path);
  wal_before = pm_test_read_file (wal);

  /* Reading is not blocked (WAL): the window opens on the last commit. */
  store = pm_store_open (fixture->path, PM_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  pm_database_set_busy_timeout (_pm_store_get_database (store), 100);
  loaded = pm_store_load (store, &error);
  g_assert_no_error (error);
  store_test_assert_programmes_equal (fixture->sample, loaded, FALSE);

  /* Writing is refused, after the busy timeout, with a clear message. */
  kpi = pm_test_nth_kpi (loaded, 0);
  pm_progress_entry_set_value (entry, 12);
  g_assert_false (pm_store_save_entry (store, kpi, entry, &error));
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_LOCKED);
  g_test_message ("locked by another process (a write under way): saving; the user sees: %s",
                  error->message);
  g_assert_nonnull (strstr (error->message, "another program"));
  g_clear_error (&error);
  g_assert_null (pm_kpi_get_entry (kpi, period));

  pm_test_assert_file_unchanged (fixture->path, before);
  pm_test_assert_file_unchanged (wal, wal_before);
  release_lock (&holder);

  /* Once the other process has let go, the same save goes through. */
  g_assert_true (pm_store_save_entry (store, kpi, entry, &error));
  g_assert_no_error (error);
  g_assert_nonnull (pm_kpi_get_entry (kpi, period));
}

static void
test_exclusive_by_other_process (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(PmStore) store = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GError) error = NULL;
  Holder holder;

  /* sqlite3's exclusive locking mode keeps even readers out. */
  holder = hold_lock (fixture->path,
                      "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; "
                      "UPDATE programme SET name = 'Changed elsewhere';");
  before = pm_test_read_file (fixture->path);

  store = pm_store_open (fixture->path, PM_STORE_OPEN_DEFAULT, &error);
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_LOCKED);
  g_assert_null (store);
  g_test_message ("locked by another process (exclusive): opening; the user sees: %s",
                  error->message);
  g_clear_error (&error);
  pm_test_assert_file_unchanged (fixture->path, before);

  release_lock (&holder);
  assert_sample_intact (fixture);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/reliability/bad-files/damaged-page", test_damaged_page);
  ADD ("/reliability/bad-files/damaged-bytes", test_damaged_bytes);
  ADD ("/reliability/bad-files/full-disk", test_full_disk);
  ADD ("/reliability/bad-files/locked-by-other-process", test_locked_by_other_process);
  ADD ("/reliability/bad-files/exclusive-by-other-process", test_exclusive_by_other_process);

#undef ADD

  return g_test_run ();
}
