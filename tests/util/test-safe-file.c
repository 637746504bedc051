/* test-safe-file.c: the one writer of every file, and what it refuses
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <utime.h>
#include <unistd.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "pm-test-common.h"
#include "util/pm-safe-file.h"

static const char sqlite_header[] = "SQLite format 3\0 and the rest of a database page";
static const guint8 wal_header[] = { 0x37, 0x7f, 0x06, 0x82, 0x00, 0x2d, 0xe2, 0x18 };
static const guint8 journal_header[] = { 0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7, 0, 0 };

/* A folder of the test's own: tests/common's fixture. */
typedef PmTestFolder Fixture;

/* ------------------------------------------------------------------ */

static void
test_replace (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "out.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) expected = g_bytes_new_static ("b,2\r\n", 5);
  GStatBuf before, after;
  mode_t old_umask;

  /* New, mode 0600 whatever the umask. */
  old_umask = umask (0);
  g_assert_true (pm_safe_file_replace_contents (path, "a,1\r\n", 5, &error));
  umask (old_umask);
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &before), ==, 0);
  g_assert_cmpint (before.st_mode & 07777, ==, 0600);

  /* Replaced by a new file, in one step. */
  g_assert_true (pm_safe_file_replace_contents (path, "b,2\r\n", 5, &error));
  g_assert_no_error (error);
  pm_test_assert_file_unchanged (path, expected);
  g_assert_cmpint (g_stat (path, &after), ==, 0);
  g_assert_cmpuint (after.st_ino, !=, before.st_ino);
  g_assert_cmpuint (pm_test_count_hidden (fixture->dir), ==, 0);

  /* Empty content is a file too. */
  g_assert_true (pm_safe_file_replace_contents (path, NULL, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &after), ==, 0);
  g_assert_cmpint (after.st_size, ==, 0);
}

/* Each kind of file that is never written over: refused with a message
 * naming it, left as it was, and no temporary file made. */
static void
assert_refused (Fixture    *fixture,
                const char *path,
                GQuark      domain,
                int         code,
                const char *words)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *base = g_path_get_basename (path);
  GStatBuf before, after;
  gboolean existed = g_lstat (path, &before) == 0;

  g_assert_false (pm_safe_file_check_target (path, PM_SAFE_FILE_DEFAULT, &error));
  g_assert_error (error, domain, code);
  g_clear_error (&error);

  g_assert_false (pm_safe_file_replace_contents (path, "text\n", 5, &error));
  g_assert_error (error, domain, code);
  g_test_message ("%s: %s", path, error->message);
  g_assert_nonnull (strstr (error->message, base));
  g_assert_nonnull (strstr (error->message, words));

  if (existed)
    {
      g_assert_cmpint (g_lstat (path, &after), ==, 0);
      g_assert_cmpuint (after.st_ino, ==, before.st_ino);
      g_assert_cmpuint (after.st_mode, ==, before.st_mode);
      g_assert_cmpint (after.st_size, ==, before.st_size);
    }
  else
    g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  g_assert_cmpuint (pm_test_count_hidden (fixture->dir), ==, 0);
}

static void
test_refusals (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *target = g_build_filename (fixture->dir, "target.txt", NULL);
  g_autofree char *link = g_build_filename (fixture->dir, "link.csv", NULL);
  g_autofree char *dangling = g_build_filename (fixture->dir, "dangling.csv", NULL);
  g_autofree char *folder = g_build_filename (fixture->dir, "folder", NULL);
  g_autofree char *fifo = g_build_filename (fixture->dir, "fifo", NULL);
  g_autofree char *sock = g_build_filename (fixture->dir, "sock", NULL);
  g_autofree char *database = g_build_filename (fixture->dir, "other.db", NULL);
  g_autofree char *wal = g_build_filename (fixture->dir, "log-wal", NULL);
  g_autofree char *journal = g_build_filename (fixture->dir, "log-journal", NULL);
  g_autoptr(GBytes) target_before = NULL;
  g_autoptr(GBytes) database_before = NULL;

  pm_test_write_file (target, "precious\n", 9);
  target_before = pm_test_read_file (target);
  g_assert_cmpint (symlink (target, link), ==, 0);
  g_assert_cmpint (symlink ("missing.txt", dangling), ==, 0);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  pm_test_make_socket (sock);
  pm_test_write_file (database, sqlite_header, sizeof sqlite_header);
  database_before = pm_test_read_file (database);
  pm_test_write_file (wal, wal_header, sizeof wal_header);
  pm_test_write_file (journal, journal_header, sizeof journal_header);

  assert_refused (fixture, link, G_IO_ERROR, G_IO_ERROR_EXISTS, "symbolic link");
  pm_test_assert_file_unchanged (target, target_before);
  assert_refused (fixture, dangling, G_IO_ERROR, G_IO_ERROR_EXISTS, "symbolic link");
  assert_refused (fixture, folder, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY, "is a folder");
  /* Never opened: a named pipe would block an open for writing. */
  assert_refused (fixture, fifo, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE, "named pipe");
  assert_refused (fixture, sock, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE, "socket");
  assert_refused (fixture, database, G_IO_ERROR, G_IO_ERROR_EXISTS, "is a database");
  pm_test_assert_file_unchanged (database, database_before);
  assert_refused (fixture, wal, G_IO_ERROR, G_IO_ERROR_EXISTS, "part of a database");
  assert_refused (fixture, journal, G_IO_ERROR, G_IO_ERROR_EXISTS, "part of a database");

  /* A device is judged by what it is, never opened or replaced. */
  {
    g_autoptr(GError) error = NULL;
    GStatBuf st;

    g_assert_false (pm_safe_file_replace_contents ("/dev/null", "text\n", 5, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
    g_assert_nonnull (strstr (error->message, "“/dev/null” is a device"));
    g_assert_cmpint (g_lstat ("/dev/null", &st), ==, 0);
    g_assert_true (S_ISCHR (st.st_mode));
  }

  /* A file of text is replaced, of course. */
  {
    g_autoptr(GError) error = NULL;

    g_assert_true (pm_safe_file_replace_contents (target, "new\n", 4, &error));
    g_assert_no_error (error);
  }
}

static void
test_protected (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *db = g_build_filename (fixture->dir, "programme.db", NULL);
  g_autofree char *db_wal = g_build_filename (fixture->dir, "programme.db-wal", NULL);
  g_autofree char *db_shm = g_build_filename (fixture->dir, "programme.db-shm", NULL);
  g_autofree char *db_journal = g_build_filename (fixture->dir, "programme.db-journal", NULL);
  g_autofree char *hard_link = g_build_filename (fixture->dir, "report.pdf", NULL);
  g_autofree char *sub = g_build_filename (fixture->dir, "sub", NULL);
  g_autofree char *roundabout = g_build_filename (fixture->dir, "sub", "..", "programme.db", NULL);
  g_autofree char *other = g_build_filename (fixture->dir, "other.db", NULL);
  g_autofree char *other_wal = g_build_filename (fixture->dir, "other.db-wal", NULL);
  g_autofree char *cwd = g_get_current_dir ();
  PmSafeFileProtection *protection;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GError) error = NULL;

  /* Not a database by its header: refused for what it is, not what it holds. */
  pm_test_write_file (db, "not yet a database\n", 19);
  pm_test_write_file (db_wal, "", 0);
  pm_test_write_file (db_shm, "shared memory", 13);
  before = pm_test_read_file (db);
  g_assert_cmpint (link (db, hard_link), ==, 0);
  g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);

  /* Given relative to the folder it was opened from. */
  g_assert_cmpint (g_chdir (fixture->dir), ==, 0);
  protection = pm_safe_file_protect ("programme.db");
  g_assert_cmpint (g_chdir (cwd), ==, 0);

  assert_refused (fixture, db, G_IO_ERROR, G_IO_ERROR_EXISTS, "is the open database");
  assert_refused (fixture, roundabout, G_IO_ERROR, G_IO_ERROR_EXISTS, "is the open database");
  assert_refused (fixture, hard_link, G_IO_ERROR, G_IO_ERROR_EXISTS,
                  "is the open database “programme.db” under another name");
  assert_refused (fixture, db_wal, G_IO_ERROR, G_IO_ERROR_EXISTS,
                  "belongs to the open database “programme.db”");
  assert_refused (fixture, db_shm, G_IO_ERROR, G_IO_ERROR_EXISTS,
                  "belongs to the open database “programme.db”");
  /* Not there yet, and sqlite would take it for the database's own. */
  assert_refused (fixture, db_journal, G_IO_ERROR, G_IO_ERROR_EXISTS,
                  "belongs to the open database “programme.db”");
  pm_test_assert_file_unchanged (db, before);

  g_assert_false (pm_safe_file_check_unprotected (db_journal, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&error);

  /* Others' side files are only names. */
  g_assert_true (pm_safe_file_check_unprotected (other_wal, &error));
  g_assert_no_error (error);
  g_assert_true (pm_safe_file_replace_contents (other, "x", 1, &error));
  g_assert_no_error (error);

  /* Once the database is closed, its names are anyone's. */
  pm_safe_file_protection_free (protection);
  g_assert_true (pm_safe_file_replace_contents (db_journal, "x", 1, &error));
  g_assert_no_error (error);
  g_assert_true (pm_safe_file_replace_contents (hard_link, "x", 1, &error));
  g_assert_no_error (error);
  pm_test_assert_file_unchanged (db, before);
}

/* The database itself may be made where it is missing: that is how the
 * store makes a new one (PM_SAFE_FILE_NEW). */
static void
test_protected_missing (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *db = g_build_filename (fixture->dir, "new.db", NULL);
  g_autoptr(PmSafeFileProtection) protection = pm_safe_file_protect (db);
  g_autoptr(GError) error = NULL;

  g_assert_true (pm_safe_file_check_target (db, PM_SAFE_FILE_NEW, &error));
  g_assert_no_error (error);
}

static void
test_new_only (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "copy.db", NULL);
  g_autoptr(PmSafeFile) file = NULL;
  g_autoptr(GBytes) appeared = NULL;
  g_autoptr(GError) error = NULL;

  file = pm_safe_file_begin (path, PM_SAFE_FILE_NEW, &error);
  g_assert_no_error (error);
  g_assert_true (pm_safe_file_write (file, "copy", 4, &error));

  /* Someone else's file takes the name meanwhile: it is kept. */
  pm_test_write_file (path, "theirs", 6);
  appeared = pm_test_read_file (path);
  g_assert_false (pm_safe_file_commit (file, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "already exists"));
  g_clear_error (&error);
  pm_test_assert_file_unchanged (path, appeared);
  g_assert_cmpuint (pm_test_count_hidden (fixture->dir), ==, 0);

  g_assert_false (pm_safe_file_check_target (path, PM_SAFE_FILE_NEW, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
}

static void
test_abandoned (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "out.json", NULL);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GError) error = NULL;
  PmSafeFile *file;
  GStatBuf st;

  pm_test_write_file (path, "{}\n", 3);
  before = pm_test_read_file (path);

  /* Freed without a commit: the temporary file goes, the old stays. */
  file = pm_safe_file_begin (path, PM_SAFE_FILE_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (pm_safe_file_get_temp_path (file), fixture->dir));
  g_assert_cmpint (g_stat (pm_safe_file_get_temp_path (file), &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0600);
  g_assert_true (pm_safe_file_write (file, "{\"half\":", 8, &error));
  g_assert_cmpuint (pm_test_count_hidden (fixture->dir), ==, 1);
  pm_safe_file_free (file);
  g_assert_cmpuint (pm_test_count_hidden (fixture->dir), ==, 0);
  pm_test_assert_file_unchanged (path, before);

  /* A database's journal and log go with it. */
  file = pm_safe_file_begin (path, PM_SAFE_FILE_DATABASE, &error);
  g_assert_no_error (error);
  {
    g_autofree char *journal = g_strconcat (pm_safe_file_get_temp_path (file), "-journal", NULL);
    g_autofree char *wal = g_strconcat (pm_safe_file_get_temp_path (file), "-wal", NULL);

    pm_test_write_file (journal, "j", 1);
    pm_test_write_file (wal, "w", 1);
  }
  g_assert_cmpuint (pm_test_count_hidden (fixture->dir), ==, 3);
  pm_safe_file_abort (file);
  pm_safe_file_abort (file);
  g_assert_cmpuint (pm_test_count_hidden (fixture->dir), ==, 0);
  pm_safe_file_free (file);

  /* What took the name while the file was written is judged again. */
  file = pm_safe_file_begin (path, PM_SAFE_FILE_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (mkfifo (path, 0600), ==, 0);
  g_assert_false (pm_safe_file_commit (file, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_clear_error (&error);
  pm_safe_file_free (file);
  g_assert_cmpint (g_lstat (path, &st), ==, 0);
  g_assert_true (S_ISFIFO (st.st_mode));
  g_assert_cmpuint (pm_test_count_hidden (fixture->dir), ==, 0);
}

/* A file size limit, as a full disk: the child reports what it saw. */
static void
test_write_failure (void)
{
  static char big[65536];
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;

  if (g_test_subprocess ())
    {
      struct rlimit limit = { 4096, 4096 };

      path = g_build_filename (g_getenv ("PM_TEST_DIR"), "big.csv", NULL);
      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
      g_assert_false (pm_safe_file_replace_contents (path, big, sizeof big, &error));
      g_print ("%s %d\n%s\n", g_quark_to_string (error->domain), error->code, error->message);
      return;
    }

  dir = pm_test_dir_new ("pm-safe");
  path = g_build_filename (dir, "big.csv", NULL);
  g_setenv ("PM_TEST_DIR", dir, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("g-io-error-quark 12\n*no room to save ?big.csv?*");
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (pm_test_count_hidden (dir), ==, 0);
  pm_test_remove_tree (dir);
}

static void
make_hidden (const char *dir,
             const char *name,
             int         mode)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  pm_test_write_file (path, "half an export", 14);
  g_assert_cmpint (g_chmod (path, mode), ==, 0);
}

/* Makes the file @name in @dir last changed @seconds ago. */
static void
set_age (const char *dir,
         const char *name,
         int         seconds)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  struct utimbuf times;

  times.actime = times.modtime = time (NULL) - seconds;
  g_assert_cmpint (g_utime (path, &times), ==, 0);
}

static gboolean
exists_in (const char *dir,
           const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  GStatBuf st;

  return g_lstat (path, &st) == 0;
}

static void
test_stale_temps (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "out.pdf", NULL);
  g_autofree char *locked = g_build_filename (fixture->dir, ".out.pdf.Lck123", NULL);
  g_autofree char *folder = g_build_filename (fixture->dir, ".out.pdf.Dir123", NULL);
  g_autofree char *link = g_build_filename (fixture->dir, ".out.pdf.Lnk123", NULL);
  g_autofree char *target = g_build_filename (fixture->dir, "target.txt", NULL);
  g_autoptr(PmSafeFile) live = NULL;
  g_autoptr(GError) error = NULL;
  int lock_fd;

  /* Left by exports that were killed: ours, abandoned. */
  make_hidden (fixture->dir, ".out.pdf.Ab3dEf", 0600);
  make_hidden (fixture->dir, ".out.pdf.Ab3dEf-journal", 0600);
  make_hidden (fixture->dir, ".out.pdf.zzzzz9", 0600);
  /* Killed as it began, a while ago. */
  make_hidden (fixture->dir, ".out.pdf.Begun1", 0);
  set_age (fixture->dir, ".out.pdf.Begun1", 3600);
  /* Not ours, or not abandoned: kept. */
  make_hidden (fixture->dir, ".out.pdf.Ab3dE", 0600);
  make_hidden (fixture->dir, ".out.pdf.Ab3dEfG", 0600);
  make_hidden (fixture->dir, ".out.pdf.Ab3dEf.bak", 0600);
  make_hidden (fixture->dir, ".out.pdf.Ab-dEf", 0600);
  make_hidden (fixture->dir, ".other.pdf.Ab3dEf", 0600);
  make_hidden (fixture->dir, ".out.pdf.Mode44", 0644);
  /* Being set up by another export this moment. */
  make_hidden (fixture->dir, ".out.pdf.Begun2", 0);
  make_hidden (fixture->dir, "out.pdf.Ab3dEf", 0600);
  make_hidden (fixture->dir, ".Lck123", 0600);
  make_hidden (fixture->dir, ".out.pdf.Lck123", 0600);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  pm_test_write_file (target, "kept", 4);
  g_assert_cmpint (g_chmod (target, 0600), ==, 0);
  g_assert_cmpint (symlink (target, link), ==, 0);
  if (geteuid () == 0)
    {
      g_autofree char *theirs = g_build_filename (fixture->dir, ".out.pdf.Other1", NULL);

      make_hidden (fixture->dir, ".out.pdf.Other1", 0600);
      g_assert_cmpint (chown (theirs, 65534, 65534), ==, 0);
    }

  /* Another export to the same file, still writing. */
  lock_fd = g_open (locked, O_RDONLY | O_CLOEXEC, 0);
  g_assert_cmpint (lock_fd, >=, 0);
  g_assert_cmpint (flock (lock_fd, LOCK_EX), ==, 0);
  live = pm_safe_file_begin (path, PM_SAFE_FILE_DEFAULT, &error);
  g_assert_no_error (error);

  g_assert_true (pm_safe_file_replace_contents (path, "%PDF", 4, &error));
  g_assert_no_error (error);

  g_assert_false (exists_in (fixture->dir, ".out.pdf.Ab3dEf"));
  g_assert_false (exists_in (fixture->dir, ".out.pdf.Ab3dEf-journal"));
  g_assert_false (exists_in (fixture->dir, ".out.pdf.zzzzz9"));
  g_assert_false (exists_in (fixture->dir, ".out.pdf.Begun1"));
  g_assert_true (exists_in (fixture->dir, ".out.pdf.Begun2"));

  g_assert_true (exists_in (fixture->dir, ".out.pdf.Ab3dE"));
  g_assert_true (exists_in (fixture->dir, ".out.pdf.Ab3dEfG"));
  g_assert_true (exists_in (fixture->dir, ".out.pdf.Ab3dEf.bak"));
  g_assert_true (exists_in (fixture->dir, ".out.pdf.Ab-dEf"));
  g_assert_true (exists_in (fixture->dir, ".other.pdf.Ab3dEf"));
  g_assert_true (exists_in (fixture->dir, ".out.pdf.Mode44"));
  g_assert_true (exists_in (fixture->dir, "out.pdf.Ab3dEf"));
  g_assert_true (exists_in (fixture->dir, ".Lck123"));
  g_assert_true (exists_in (fixture->dir, ".out.pdf.Lck123"));
  g_assert_true (exists_in (fixture->dir, ".out.pdf.Dir123"));
  g_assert_true (exists_in (fixture->dir, ".out.pdf.Lnk123"));
  g_assert_true (exists_in (fixture->dir, "target.txt"));
  if (geteuid () == 0)
    g_assert_true (exists_in (fixture->dir, ".out.pdf.Other1"));
  g_assert_true (g_file_test (pm_safe_file_get_temp_path (live), G_FILE_TEST_IS_REGULAR));

  /* The live one finishes as if nothing had happened. */
  g_assert_true (pm_safe_file_write (live, "%PDF-1.5", 8, &error));
  g_assert_true (pm_safe_file_commit (live, &error));
  g_assert_no_error (error);
  close (lock_fd);

  /* Once no one holds it, the next export takes it away. */
  g_assert_true (pm_safe_file_replace_contents (path, "%PDF", 4, &error));
  g_assert_false (exists_in (fixture->dir, ".out.pdf.Lck123"));
}

/* A process told to stop (SIGTERM, or Ctrl+C) in the middle of a write
 * removes its temporary files, then dies of the signal. */
static void
test_signal (void)
{
  static const int signals[] = { SIGTERM, SIGINT, SIGHUP };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;

  if (g_test_subprocess ())
    {
      int signo = atoi (g_getenv ("PM_TEST_SIGNAL"));
      g_autoptr(PmSafeFile) file = NULL;
      g_autoptr(PmSafeFile) database = NULL;
      g_autofree char *journal = NULL;

      path = g_build_filename (g_getenv ("PM_TEST_DIR"), "summaries.pdf", NULL);
      if (g_strcmp0 (g_getenv ("PM_TEST_HANDLER"), "1") == 0)
        pm_safe_file_clean_up_on_signals ();
      file = pm_safe_file_begin (path, PM_SAFE_FILE_DEFAULT, &error);
      g_assert_no_error (error);
      g_assert_true (pm_safe_file_write (file, "%PDF-1.5\n", 9, &error));
      database = pm_safe_file_begin (path, PM_SAFE_FILE_NEW | PM_SAFE_FILE_DATABASE, &error);
      g_assert_no_error (error);
      journal = g_strconcat (pm_safe_file_get_temp_path (database), "-journal", NULL);
      pm_test_write_file (journal, "j", 1);

      raise (signo);
      g_print ("still alive\n");
      return;
    }

  dir = pm_test_dir_new ("pm-safe");
  path = g_build_filename (dir, "summaries.pdf", NULL);
  g_setenv ("PM_TEST_DIR", dir, TRUE);

  /* Without the handler, the files are left: what this guards against. */
  g_setenv ("PM_TEST_SIGNAL", "15", TRUE);
  g_setenv ("PM_TEST_HANDLER", "0", TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_assert_cmpuint (pm_test_count_hidden (dir), ==, 3);

  for (guint i = 0; i < G_N_ELEMENTS (signals); i++)
    {
      g_autofree char *number = g_strdup_printf ("%d", signals[i]);

      g_setenv ("PM_TEST_SIGNAL", number, TRUE);
      g_setenv ("PM_TEST_HANDLER", "1", TRUE);
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_failed ();
      g_test_trap_assert_stdout_unmatched ("*still alive*");
      /* Those left before were taken by the next export, and its own
       * by the handler. */
      g_assert_cmpuint (pm_test_count_hidden (dir), ==, 0);
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    }

  pm_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, pm_test_folder_set_up, func, pm_test_folder_tear_down)

  ADD ("/util/safe-file/replace", test_replace);
  ADD ("/util/safe-file/refusals", test_refusals);
  ADD ("/util/safe-file/protected", test_protected);
  ADD ("/util/safe-file/protected-missing", test_protected_missing);
  ADD ("/util/safe-file/new-only", test_new_only);
  ADD ("/util/safe-file/abandoned", test_abandoned);
  ADD ("/util/safe-file/stale-temps", test_stale_temps);
  g_test_add_func ("/util/safe-file/write-failure", test_write_failure);
  g_test_add_func ("/util/safe-file/signal", test_signal);

#undef ADD

  return g_test_run ();
}
