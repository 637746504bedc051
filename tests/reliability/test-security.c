/* test-security.c: files the application writes are private, a symbolic
 * link is never written through, and odd file names work everywhere
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "pm-programme-file.h"
#include "pm-report.h"
#include "pm-store.h"
#include "pm-summary-report.h"
#include "store-test-util.h"

/* Spaces, both kinds of quote, a dash and letters outside ASCII. */
#define ODD_NAME "Pilot's “data” — Łódź"

typedef struct
{
  char        *dir;
  PmProgramme *sample;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = pm_test_dir_new ("pm-security");
  fixture->sample = pm_test_sample_file_load ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  pm_test_clear_dir (&fixture->dir);
  g_clear_object (&fixture->sample);
}

static void
assert_mode_0600 (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_lstat (path, &st), ==, 0);
  g_assert_true (S_ISREG (st.st_mode));
  if ((st.st_mode & 0777) != 0600)
    g_error ("“%s” has mode %03o, not 0600", path, (guint) (st.st_mode & 0777));
}

static gboolean
export_pdf (PmProgramme  *programme,
            const char   *path,
            GError      **error)
{
  g_autoptr(PmPeriod) period = pm_period_new (2016, 3);
  g_autoptr(PmReport) report = pm_summary_report_new (programme, period, NULL);

  pm_report_set_printed_date (report, "2017-01-16");
  return pm_report_export_pdf (report, path, error);
}

/* With umask 0 nothing would stop a file being made world-readable: every
 * file the application makes must set its own mode. */
static void
test_private_modes (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *db = g_build_filename (fixture->dir, "programme.db", NULL);
  g_autofree char *wal = g_strconcat (db, "-wal", NULL);
  g_autofree char *shm = g_strconcat (db, "-shm", NULL);
  g_autofree char *json = g_build_filename (fixture->dir, "programme.json", NULL);
  g_autofree char *pdf = g_build_filename (fixture->dir, "summaries.pdf", NULL);
  g_autofree char *backup = g_build_filename (fixture->dir, "backup.db", NULL);
  g_autoptr(PmStore) store = NULL;
  g_autoptr(GError) error = NULL;
  mode_t old_umask = umask (0);

  store = pm_store_open (db, PM_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (pm_store_import (store, fixture->sample, &error));
  g_assert_no_error (error);
  assert_mode_0600 (db);
  /* sqlite gives its working files the database's own mode. */
  assert_mode_0600 (wal);
  assert_mode_0600 (shm);

  g_assert_true (pm_store_backup_to (store, backup, &error));
  g_assert_no_error (error);
  assert_mode_0600 (backup);

  /* An export over an older, readable file replaces its mode too. */
  pm_test_write_file (json, "{}\n", 3);
  g_assert_cmpint (g_chmod (json, 0644), ==, 0);
  g_assert_true (pm_programme_file_save (fixture->sample, json, &error));
  g_assert_no_error (error);
  assert_mode_0600 (json);

  g_assert_true (export_pdf (fixture->sample, pdf, &error));
  g_assert_no_error (error);
  assert_mode_0600 (pdf);

  umask (old_umask);
}

/* A link at the export's path, to a file that must not change. */
static char *
make_link (Fixture    *fixture,
           const char *link_name,
           const char *target_name,
           GBytes    **target_before)
{
  g_autofree char *target = g_build_filename (fixture->dir, target_name, NULL);
  char *link = g_build_filename (fixture->dir, link_name, NULL);

  if (target_before != NULL)
    {
      pm_test_write_file (target, "precious\n", 9);
      *target_before = pm_test_read_file (target);
    }
  g_assert_cmpint (symlink (target, link), ==, 0);

  return link;
}

static void
assert_still_link (const char *link)
{
  GStatBuf st;

  g_assert_cmpint (g_lstat (link, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
}

static void
test_symlink_exports (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *target = g_build_filename (fixture->dir, "target.txt", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.txt", NULL);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json_link = make_link (fixture, "export.json", "target.txt", &before);
  g_autofree char *pdf_link = make_link (fixture, "export.pdf", "target.txt", NULL);
  g_autofree char *dangling = make_link (fixture, "dangling.json", "missing.txt", NULL);
  g_autofree char *backup_link = make_link (fixture, "backup.db", "missing.txt", NULL);
  g_autofree char *db = g_build_filename (fixture->dir, "programme.db", NULL);
  g_autoptr(PmStore) store = NULL;

  /* The programme file. */
  g_assert_false (pm_programme_file_save (fixture->sample, json_link, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "is a symbolic link; not overwriting it"));
  g_test_message ("programme file over a symbolic link: %s", error->message);
  g_clear_error (&error);
  assert_still_link (json_link);
  pm_test_assert_file_unchanged (target, before);

  /* A link to nothing yet would create its target: refused the same. */
  g_assert_false (pm_programme_file_save (fixture->sample, dangling, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  /* The PDF. */
  g_assert_false (export_pdf (fixture->sample, pdf_link, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "is a symbolic link; not overwriting it"));
  g_test_message ("PDF over a symbolic link: %s", error->message);
  g_clear_error (&error);
  assert_still_link (pdf_link);
  pm_test_assert_file_unchanged (target, before);

  /* A backup (Save As) and a new database never follow a link either. */
  store = pm_store_open (db, PM_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_false (pm_store_backup_to (store, backup_link, &error));
  g_assert_nonnull (error);
  g_test_message ("backup over a symbolic link: %s", error->message);
  g_clear_error (&error);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_clear_object (&store);

  store = pm_store_open (dangling, PM_STORE_OPEN_CREATE, &error);
  g_assert_null (store);
  g_assert_nonnull (error);
  g_test_message ("new database at a dangling symbolic link: %s", error->message);
  g_clear_error (&error);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  /* Nothing was left in the folder beyond what the test made. */
  {
    g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
    const char *name;
    guint n = 0;

    while ((name = g_dir_read_name (dir)) != NULL)
      if (!g_str_has_prefix (name, "programme.db"))
        n++;
    g_assert_cmpuint (n, ==, 5);
  }
}

static void
test_odd_names_api (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (fixture->dir, ODD_NAME " folder", NULL);
  g_autofree char *db = g_build_filename (folder, ODD_NAME ".db", NULL);
  g_autofree char *json = g_build_filename (folder, ODD_NAME ".json", NULL);
  g_autofree char *pdf = g_build_filename (folder, ODD_NAME ".pdf", NULL);
  g_autofree char *backup = g_build_filename (folder, ODD_NAME " backup.db", NULL);
  g_autoptr(PmStore) store = NULL;
  g_autoptr(PmStore) again = NULL;
  g_autoptr(PmProgramme) loaded = NULL;
  g_autoptr(PmProgramme) imported = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);

  store = pm_store_open (db, PM_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pm_store_get_path (store), ==, db);
  g_assert_true (pm_store_import (store, fixture->sample, &error));
  g_assert_no_error (error);
  g_assert_true (pm_store_backup_to (store, backup, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  again = pm_store_open (backup, PM_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  loaded = pm_store_load (again, &error);
  g_assert_no_error (error);
  store_test_assert_programmes_equal (fixture->sample, loaded, FALSE);

  g_assert_true (pm_programme_file_save (loaded, json, &error));
  g_assert_no_error (error);
  imported = pm_programme_file_load (json, &error);
  g_assert_no_error (error);
  store_test_assert_programmes_equal (fixture->sample, imported, FALSE);

  g_assert_true (export_pdf (loaded, pdf, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));

  /* And a message about such a file shows its name as it is. */
  g_clear_object (&again);
  pm_test_write_file (db, "not a database", 14);
  again = pm_store_open (db, PM_STORE_OPEN_DEFAULT, &error);
  g_assert_null (again);
  g_assert_nonnull (strstr (error->message, "“" ODD_NAME ".db”"));
}

static void
test_odd_names_cli (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (fixture->dir, ODD_NAME " folder", NULL);
  g_autofree char *input = g_build_filename (folder, ODD_NAME " in.json", NULL);
  g_autofree char *db = g_build_filename (folder, ODD_NAME ".db", NULL);
  g_autofree char *json = g_build_filename (folder, ODD_NAME " out.json", NULL);
  g_autofree char *pdf = g_build_filename (folder, ODD_NAME ".pdf", NULL);
  g_autofree char *link = g_build_filename (folder, ODD_NAME " link.json", NULL);
  g_autoptr(PmProgramme) exported = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) input_bytes = NULL;
  g_auto(PmTestRun) imported = { 0, };
  g_auto(PmTestRun) printed = { 0, };
  g_auto(PmTestRun) over_link = { 0, };
  mode_t old_umask;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_true (pm_programme_file_save (fixture->sample, input, &error));
  g_assert_no_error (error);

  /* umask 0 is inherited by the child. */
  old_umask = umask (0);
  imported = pm_test_cli_run (fixture->dir, "--database", db, "--import", input, "--export", json, "--list", NULL);
  g_assert_cmpint (imported.status, ==, 0);
  g_assert_cmpstr (imported.err, ==, "");
  g_assert_nonnull (strstr (imported.out, "Stafford"));
  printed = pm_test_cli_run (fixture->dir, "--database", db, "--export-summary", "all",
                             "--period", "FY2016-Q3", "--output", pdf, NULL);
  g_assert_cmpint (printed.status, ==, 0);
  g_assert_cmpstr (printed.err, ==, "");
  umask (old_umask);

  assert_mode_0600 (db);
  assert_mode_0600 (json);
  assert_mode_0600 (pdf);
  exported = pm_programme_file_load (json, &error);
  g_assert_no_error (error);
  store_test_assert_programmes_equal (fixture->sample, exported, FALSE);

  /* Exporting over a link fails with the message, and a status of 1. */
  input_bytes = pm_test_read_file (input);
  g_assert_cmpint (symlink (input, link), ==, 0);
  over_link = pm_test_cli_run (fixture->dir, "--database", db, "--export", link, NULL);
  g_assert_cmpint (over_link.status, ==, 1);
  g_assert_nonnull (strstr (over_link.err, "is a symbolic link; not overwriting it"));
  pm_test_assert_file_unchanged (input, input_bytes);
  assert_still_link (link);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/reliability/security/private-modes", test_private_modes);
  ADD ("/reliability/security/symlink-exports", test_symlink_exports);
  ADD ("/reliability/security/odd-names-api", test_odd_names_api);
  ADD ("/reliability/security/odd-names-cli", test_odd_names_cli);

#undef ADD

  return g_test_run ();
}
