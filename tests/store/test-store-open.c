/* test-store-open.c: which files the store opens, and that it leaves the
 * others exactly as they were
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "pm-database.h"
#include "pm-store-private.h"
#include "store-test-util.h"
#include "pg-test-util.h"
#include "model/pm-schedule.h"
#include "model/pm-site-value.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = pm_test_dir_new ("pm-store");
  fixture->path = store_test_location (fixture->dir, "programme.pmdb");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  store_test_clear_dir (&fixture->dir);
  g_clear_pointer (&fixture->path, g_free);
}

/* What a server database holds, to tell whether an open changed it: its
 * tables, and the schema version if it has one. */
static char *
server_fingerprint (const char *path)
{
  g_autofree char *tables = store_test_query_text (path,
    "SELECT string_agg (table_name, ',' ORDER BY table_name) "
    "FROM information_schema.tables WHERE table_schema = current_schema ()");

  if (tables != NULL && strstr (tables, "pm_meta") != NULL)
    return g_strdup_printf ("%s:%d", tables, store_test_schema_version (path));

  return g_strdup (tables != NULL ? tables : "");
}

/* Opens @path, expects @code, and checks that the file is byte for byte
 * what it was and that nothing was created beside it (on a server: that
 * no table was made or changed version). */
static void
assert_refused (const char       *path,
                PmStoreOpenFlags  flags,
                int               code)
{
  g_autoptr(GBytes) before = NULL;
  g_autofree char *fingerprint = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autoptr(PmStore) store = NULL;
  g_autoptr(GError) error = NULL;

  if (store_test_engine_is_server ())
    fingerprint = server_fingerprint (path);
  else
    before = pm_test_read_file (path);

  store = pm_store_open (path, flags, &error);
  g_assert_error (error, PM_STORE_ERROR, code);
  g_assert_null (store);
  g_assert_nonnull (error->message);

  if (store_test_engine_is_server ())
    {
      g_autofree char *after = server_fingerprint (path);

      g_assert_cmpstr (after, ==, fingerprint);
      return;
    }

  pm_test_assert_file_unchanged (path, before);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));
}

static void
test_empty_file (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(PmStore) store = NULL;
  g_autoptr(GError) error = NULL;

  if (store_test_skip_unless_file ())
    return;

  pm_test_write_file (fixture->path, "", 0);
  assert_refused (fixture->path, PM_STORE_OPEN_DEFAULT, PM_STORE_ERROR_NOT_A_DATABASE);
  /* Not even CREATE makes an existing empty file ours. */
  assert_refused (fixture->path, PM_STORE_OPEN_CREATE, PM_STORE_ERROR_NOT_A_DATABASE);

  store = pm_store_open (fixture->path, PM_STORE_OPEN_CREATE, &error);
  g_assert_nonnull (strstr (error->message, "empty"));
}

static void
test_random_bytes (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (4096);
  guint8 bytes[4096];

  if (store_test_skip_unless_file ())
    return;

  for (guint i = 0; i < sizeof bytes; i++)
    bytes[i] = g_rand_int_range (rand, 0, 256);
  pm_test_write_file (fixture->path, bytes, sizeof bytes);

  assert_refused (fixture->path, PM_STORE_OPEN_CREATE, PM_STORE_ERROR_NOT_A_DATABASE);
  assert_refused (fixture->path, PM_STORE_OPEN_READ_ONLY, PM_STORE_ERROR_NOT_A_DATABASE);
}

static void
test_truncated (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *whole = g_build_filename (fixture->dir, "whole.pmdb", NULL);
  g_autoptr(PmProgramme) programme = store_test_build_full_programme ();
  g_autoptr(GBytes) bytes = NULL;

  if (store_test_skip_unless_file ())
    return;

  pm_test_store_create (whole, programme);
  bytes = pm_test_read_file (whole);
  g_assert_cmpuint (g_bytes_get_size (bytes), >, 8192);

  pm_test_write_file (fixture->path, g_bytes_get_data (bytes, NULL), 1000);
  assert_refused (fixture->path, PM_STORE_OPEN_DEFAULT, PM_STORE_ERROR_NOT_A_DATABASE);

  /* Cut at a page boundary the header still looks whole; sqlite finds the
   * missing pages. */
  pm_test_write_file (fixture->path, g_bytes_get_data (bytes, NULL), 8192);
  assert_refused (fixture->path, PM_STORE_OPEN_DEFAULT, PM_STORE_ERROR_CORRUPT);
}

static void
test_foreign (Fixture       *fixture,
              gconstpointer  data)
{
  store_test_exec (fixture->path,
                   "CREATE TABLE contacts (name TEXT, phone TEXT);"
                   "INSERT INTO contacts VALUES ('A', '1');");
  if (!store_test_engine_is_server ())
    g_assert_cmpint (store_test_query_int (fixture->path, "PRAGMA application_id"), ==, 0);

  assert_refused (fixture->path, PM_STORE_OPEN_DEFAULT, PM_STORE_ERROR_FOREIGN);
  assert_refused (fixture->path, PM_STORE_OPEN_READ_ONLY, PM_STORE_ERROR_FOREIGN);
  assert_refused (fixture->path, PM_STORE_OPEN_READ_ONLY | PM_STORE_OPEN_SKIP_PAGE_CHECK,
                  PM_STORE_ERROR_FOREIGN);
}

static void
test_too_new (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(PmProgramme) programme = store_test_build_small_programme ();
  g_autoptr(PmStore) store = NULL;
  g_autoptr(GError) error = NULL;

  /* One past this build's schema, whatever it is. */
  int newer = PM_STORE_SCHEMA_VERSION + 1;
  g_autofree char *sql = NULL;
  g_autofree char *words = g_strdup_printf ("schema %d", newer);

  pm_test_store_create (fixture->path, programme);
  if (store_test_engine_is_server ())
    sql = g_strdup_printf ("UPDATE pm_meta SET schema_version = %d;", newer);
  else
    sql = g_strdup_printf ("PRAGMA user_version = %d;", newer);
  store_test_exec (fixture->path, sql);

  assert_refused (fixture->path, PM_STORE_OPEN_DEFAULT, PM_STORE_ERROR_TOO_NEW);
  assert_refused (fixture->path, PM_STORE_OPEN_READ_ONLY, PM_STORE_ERROR_TOO_NEW);
  assert_refused (fixture->path, PM_STORE_OPEN_READ_ONLY | PM_STORE_OPEN_SKIP_PAGE_CHECK,
                  PM_STORE_ERROR_TOO_NEW);

  store = pm_store_open (fixture->path, PM_STORE_OPEN_DEFAULT, &error);
  g_assert_nonnull (strstr (error->message, words));
}

static void
test_corrupt (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(PmProgramme) programme = store_test_build_full_programme ();
  g_autoptr(GBytes) bytes = NULL;
  g_autofree guint8 *damaged = NULL;
  gsize size;

  if (store_test_skip_unless_file ())
    return;

  pm_test_store_create (fixture->path, programme);
  bytes = pm_test_read_file (fixture->path);
  size = g_bytes_get_size (bytes);
  damaged = g_memdup2 (g_bytes_get_data (bytes, NULL), size);

  /* Scribble over the b-tree header of the second page (the first table). */
  memset (damaged + 4096, 0x7f, 16);
  pm_test_write_file (fixture->path, damaged, size);

  assert_refused (fixture->path, PM_STORE_OPEN_DEFAULT, PM_STORE_ERROR_CORRUPT);
  assert_refused (fixture->path, PM_STORE_OPEN_READ_ONLY, PM_STORE_ERROR_CORRUPT);
  /* Skipping the check of every page is for read-only opens alone. */
  assert_refused (fixture->path, PM_STORE_OPEN_SKIP_PAGE_CHECK, PM_STORE_ERROR_CORRUPT);
}

/* An export's open, which does not check every page, still finds the
 * damage when it reads it, and writes nothing. */
static void
test_corrupt_unchecked (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(PmProgramme) programme = store_test_build_full_programme ();
  g_autoptr(PmPeriod) period = pm_test_period ("FY2016-Q3");
  g_autoptr(PmProgramme) loaded = NULL;
  g_autoptr(PmStore) store = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree guint8 *damaged = NULL;
  gsize size;

  if (store_test_skip_unless_file ())
    return;

  pm_test_store_create (fixture->path, programme);
  bytes = pm_test_read_file (fixture->path);
  size = g_bytes_get_size (bytes);
  damaged = g_memdup2 (g_bytes_get_data (bytes, NULL), size);
  memset (damaged + 4096, 0x7f, 16);
  pm_test_write_file (fixture->path, damaged, size);
  before = pm_test_read_file (fixture->path);

  store = pm_store_open (fixture->path, PM_STORE_OPEN_READ_ONLY | PM_STORE_OPEN_SKIP_PAGE_CHECK, &error);
  g_assert_no_error (error);
  loaded = pm_store_load (store, &error);
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_CORRUPT);
  g_assert_null (loaded);
  g_clear_error (&error);
  loaded = pm_store_load_district (store, "Cannock Chase", period, &error);
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_CORRUPT);
  g_assert_null (loaded);
  g_clear_object (&store);
  pm_test_assert_file_unchanged (fixture->path, before);
}

static void
check_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* pm_store_check_async() to the end, as the window's main loop runs it. */
static gboolean
run_check (PmStore  *store,
           GError  **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  pm_store_check_async (store, NULL, check_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return pm_store_check_finish (store, result, error);
}

static gboolean
add_district (PmStore     *store,
              PmProgramme *programme,
              GError     **error)
{
  g_autoptr(PmDistrict) district = pm_district_new ("Lichfield North");

  return pm_store_add_district (store, programme, district, error);
}

/* Opened with its check left for later, a sound file is read at once
 * and written only once the check has passed. */
static void
test_check_later (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(PmProgramme) programme = store_test_build_full_programme ();
  g_autoptr(PmProgramme) loaded = NULL;
  g_autoptr(PmStore) store = NULL;
  g_autoptr(GError) error = NULL;

  if (store_test_skip_unless_file ())
    return;

  pm_test_store_create (fixture->path, programme);
  store = pm_store_open (fixture->path, PM_STORE_OPEN_CHECK_LATER, &error);
  g_assert_no_error (error);
  g_assert_true (pm_store_check_pending (store));
  loaded = pm_test_store_load (store);

  g_assert_false (add_district (store, loaded, &error));
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_LOCKED);
  g_assert_nonnull (strstr (error->message, "still being checked"));
  g_clear_error (&error);

  g_assert_true (run_check (store, &error));
  g_assert_no_error (error);
  g_assert_false (pm_store_check_pending (store));
  g_assert_true (add_district (store, loaded, &error));
  g_assert_no_error (error);
}

/* A damaged file opened with its check left for later is never written:
 * not while the check runs, not once it has failed. Opened as before, the
 * same file is refused at once. */
static void
test_check_later_damaged (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(PmProgramme) programme = store_test_build_full_programme ();
  g_autoptr(PmProgramme) loaded = NULL;
  g_autoptr(PmStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;

  if (store_test_skip_unless_file ())
    return;

  pm_test_store_create (fixture->path, programme);
  pm_test_damage_unread_index (fixture->path);
  assert_refused (fixture->path, PM_STORE_OPEN_DEFAULT, PM_STORE_ERROR_CORRUPT);
  before = pm_test_read_file (fixture->path);

  store = pm_store_open (fixture->path, PM_STORE_OPEN_CHECK_LATER, &error);
  g_assert_no_error (error);
  loaded = pm_test_store_load (store);
  g_assert_false (add_district (store, loaded, &error));
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_LOCKED);
  g_clear_error (&error);

  g_assert_false (run_check (store, &error));
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_CORRUPT);
  g_clear_error (&error);
  g_assert_false (add_district (store, loaded, &error));
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_CORRUPT);
  g_clear_error (&error);

  pm_test_store_clear (&store);
  after = pm_test_read_file (fixture->path);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_new_file_private (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(PmStore) store = NULL;
  g_autoptr(GError) error = NULL;
  struct stat st;
  mode_t old_umask;
  int version = 0;

  if (store_test_skip_unless_file ())
    return;

  old_umask = umask (0);
  store = pm_store_open (fixture->path, PM_STORE_OPEN_CREATE, &error);
  umask (old_umask);
  g_assert_no_error (error);

  g_assert_cmpint (g_stat (fixture->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_assert_true (pm_database_get_schema_version (_pm_store_get_database (store), &version, &error));
  g_assert_cmpint (version, ==, PM_STORE_SCHEMA_VERSION);
  g_clear_object (&store);

  g_assert_cmpint (store_test_query_int (fixture->path, "PRAGMA application_id"), ==,
                   PM_DATABASE_APPLICATION_ID);
  g_assert_cmpint (store_test_schema_version (fixture->path), ==,
                   PM_STORE_SCHEMA_VERSION);
}

static void
test_missing_file (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(PmStore) store = NULL;
  g_autoptr(GError) error = NULL;

  if (store_test_skip_unless_file ())
    return;

  store = pm_store_open (fixture->path, PM_STORE_OPEN_DEFAULT, &error);
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_IO);
  g_assert_null (store);
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
}

static void
test_read_only_file (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(PmProgramme) programme = store_test_build_small_programme ();
  g_autoptr(PmProgramme) loaded = NULL;
  g_autoptr(PmStore) store = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GError) error = NULL;

  if (store_test_skip_unless_file ())
    return;

  pm_test_store_create (fixture->path, programme);
  g_assert_cmpint (g_chmod (fixture->path, 0400), ==, 0);

  /* Refused even as root, who could write it: the owner took the write
   * bit away. */
  assert_refused (fixture->path, PM_STORE_OPEN_DEFAULT, PM_STORE_ERROR_READ_ONLY);

  if (!store_test_engine_is_server ())
    before = pm_test_read_file (fixture->path);
  store = pm_store_open (fixture->path, PM_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  loaded = pm_store_load (store, &error);
  g_assert_no_error (error);
  store_test_assert_programmes_equal (programme, loaded, TRUE);

  /* And an edit through a read-only store is refused. */
  pm_programme_set_name (loaded, "Renamed");
  g_assert_false (pm_store_update_programme (store, loaded, &error));
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_READ_ONLY);
  g_clear_object (&store);
  pm_test_assert_file_unchanged (fixture->path, before);
}

static void
test_read_only_folder (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(PmProgramme) programme = store_test_build_small_programme ();
  g_autofree char *new_path = g_build_filename (fixture->dir, "new.pmdb", NULL);
  g_autoptr(PmStore) store = NULL;
  g_autoptr(GError) error = NULL;

  if (store_test_skip_unless_file ())
    return;

  pm_test_store_create (fixture->path, programme);
  g_assert_cmpint (g_chmod (fixture->dir, 0500), ==, 0);

  /* WAL needs its -wal and -shm files beside the database. */
  assert_refused (fixture->path, PM_STORE_OPEN_DEFAULT, PM_STORE_ERROR_READ_ONLY);

  store = pm_store_open (new_path, PM_STORE_OPEN_CREATE, &error);
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_READ_ONLY);
  g_assert_null (store);
  g_assert_false (g_file_test (new_path, G_FILE_TEST_EXISTS));

  g_assert_cmpint (g_chmod (fixture->dir, 0700), ==, 0);
}

/* Rows written by hand into a version 1 database, as a release with the
 * first schema would have left them. */
static void
fill_version_1 (PmDatabase *db)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pm_database_execute (db,
    "INSERT INTO programme (id, name, description) VALUES (1, 'Old programme', 'From release 1');"
    "INSERT INTO design_criterion (programme_id, position, text) VALUES (1, 0, 'Reduce demand');"
    "INSERT INTO district (id, programme_id, position, name) VALUES (1, 1, 0, 'Stafford');"
    "INSERT INTO pilot (id, district_id, position, title, delivery_status, budget_pence) "
    "  VALUES (1, 1, 0, 'Stafford pilot', 'at-risk', 3000000);"
    "INSERT INTO narrative (pilot_id, period, progress) VALUES (1, 'FY2016-Q3', 'Started');"
    "INSERT INTO kpi (id, pilot_id, position, title, unit, direction) "
    "  VALUES (1, 1, 0, 'Attendance', 'percentage', 'increase');"
    "INSERT INTO baseline (kpi_id, state, value, date) VALUES (1, 'value', 93.9, '2016-09');"
    "INSERT INTO target (kpi_id, value, date) VALUES (1, 95, '2017-09-30');"
    "INSERT INTO progress (kpi_id, period, value, note) VALUES (1, 'FY2016-Q3', 94.2, 'Up');",
    &error));
  g_assert_no_error (error);
}

static void
test_migrate_from_1 (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(PmDatabase) db = NULL;
  g_autoptr(PmStore) store = NULL;
  g_autoptr(PmProgramme) loaded = NULL;
  g_autoptr(PmProgressEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *updated_at = NULL;
  PmDistrict *district;
  PmPilot *pilot;
  PmKpi *kpi;
  PmProgressEntry *q3;
  int version = 0;

  db = pm_database_open (fixture->path, PM_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (pm_database_migrate_to (db, 1, &error));
  g_assert_no_error (error);
  g_assert_true (pm_database_get_schema_version (db, &version, &error));
  g_assert_cmpint (version, ==, 1);
  fill_version_1 (db);
  g_clear_object (&db);

  /* Version 1 has no updated_at: the columns of version 2 are not there. */
  g_assert_false (store_test_has_column (fixture->path, "progress", "updated_at"));
  g_assert_false (store_test_has_column (fixture->path, "progress", "revision"));

  store = pm_store_open (fixture->path, PM_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (store_test_schema_version (fixture->path), ==, PM_STORE_SCHEMA_VERSION);
  g_assert_true (store_test_has_column (fixture->path, "progress", "updated_at"));
  g_assert_true (store_test_has_column (fixture->path, "progress", "revision"));
  g_assert_cmpint (store_test_query_int (fixture->path,
                                         "SELECT revision FROM progress"), ==, 1);

  loaded = pm_store_load (store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pm_programme_get_name (loaded), ==, "Old programme");
  g_assert_cmpstr (pm_programme_get_design_criteria (loaded)[0], ==, "Reduce demand");
  district = pm_test_item (pm_programme_get_districts (loaded), 0);
  g_assert_cmpstr (pm_district_get_name (district), ==, "Stafford");
  pilot = pm_test_item (pm_district_get_pilots (district), 0);
  g_assert_cmpint (pm_pilot_get_delivery_status (pilot), ==, PM_DELIVERY_AT_RISK);
  g_assert_cmpint (pm_pilot_get_budget_pence (pilot), ==, 3000000);
  g_assert_cmpuint (g_list_model_get_n_items (pm_pilot_get_narratives (pilot)), ==, 1);
  kpi = pm_test_item (pm_pilot_get_kpis (pilot), 0);
  g_assert_cmpfloat (pm_baseline_get_value (pm_kpi_get_baseline (kpi)), ==, 93.9);
  g_assert_cmpfloat (pm_target_get_value (pm_kpi_get_current_target (kpi)), ==, 95);
  q3 = pm_test_item (pm_kpi_get_entries (kpi), 0);
  g_assert_cmpfloat (pm_progress_entry_get_value (q3), ==, 94.2);
  g_assert_cmpstr (pm_progress_entry_get_note (q3), ==, "Up");

  /* The new columns work: a second write of the same period counts up. */
  entry = pm_progress_entry_new (pm_progress_entry_get_period (q3));
  pm_progress_entry_set_value (entry, 94.8);
  g_assert_true (pm_store_save_entry (store, kpi, entry, &error));
  g_assert_no_error (error);
  g_assert_cmpint (store_test_query_int (fixture->path, "SELECT revision FROM progress"), ==, 2);
  updated_at = store_test_query_text (fixture->path, "SELECT updated_at FROM progress");
  g_assert_nonnull (updated_at);
  g_assert_true (g_str_has_suffix (updated_at, "Z"));

  /* Opening again migrates nothing. */
  g_clear_object (&store);
  store = pm_store_open (fixture->path, PM_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (store_test_schema_version (fixture->path), ==, PM_STORE_SCHEMA_VERSION);
}

/* Schema 12 adds programme indicators: a database of 11 keeps its
 * programme with no indicator and its KPIs naming none, and the new
 * table and column then hold an indicator the store reads back. */
static void
test_migrate_from_11 (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(PmDatabase) db = NULL;
  g_autoptr(PmStore) store = NULL;
  g_autoptr(PmProgramme) loaded = NULL;
  g_autoptr(GError) error = NULL;
  PmIndicator *indicator;
  PmKpi *kpi;

  db = pm_database_open (fixture->path, PM_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (pm_database_migrate_to (db, 11, &error));
  g_assert_no_error (error);
  fill_version_1 (db);
  g_clear_object (&db);
  g_assert_false (store_test_has_column (fixture->path, "kpi", "indicator_id"));

  store = pm_store_open (fixture->path, PM_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (store_test_schema_version (fixture->path), ==, PM_STORE_SCHEMA_VERSION);
  g_assert_true (store_test_has_column (fixture->path, "kpi", "indicator_id"));
  g_assert_true (store_test_has_column (fixture->path, "indicator", "aggregation"));

  loaded = pm_store_load (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (pm_programme_get_indicators (loaded)), ==, 0);
  kpi = pm_test_find_kpi (loaded, "Stafford", "Attendance");
  g_assert_null (pm_kpi_get_indicator (kpi));
  g_clear_object (&loaded);
  g_clear_object (&store);

  store_test_exec (fixture->path,
                   "INSERT INTO indicator (programme_id, position, key, name, unit, direction, aggregation) "
                   "  VALUES (1, 0, 'attendance', 'School attendance', 'percentage', 'increase', 'ratio');"
                   "UPDATE kpi SET indicator_id = (SELECT id FROM indicator WHERE key = 'attendance');");

  store = pm_store_open (fixture->path, PM_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  loaded = pm_store_load (store, &error);
  g_assert_no_error (error);
  indicator = pm_programme_find_indicator (loaded, "attendance");
  g_assert_nonnull (indicator);
  g_assert_cmpstr (pm_indicator_get_name (indicator), ==, "School attendance");
  g_assert_cmpint (pm_indicator_get_unit (indicator), ==, PM_UNIT_PERCENTAGE);
  g_assert_cmpint (pm_indicator_get_aggregation (indicator), ==, PM_AGGREGATION_RATIO);
  kpi = pm_test_find_kpi (loaded, "Stafford", "Attendance");
  g_assert_cmpstr (pm_kpi_get_indicator (kpi), ==, "attendance");
}

/* Version 16 keeps the sites a value was given by, in a table of their
 * own. A database of version 15 gains it with its values untouched; a
 * value saved by site afterwards reads back with its sites, and they go
 * when their value is deleted. */
static void
test_migrate_from_15 (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(PmDatabase) db = NULL;
  g_autoptr(PmStore) store = NULL;
  g_autoptr(PmProgramme) loaded = NULL;
  g_autoptr(PmProgramme) again = NULL;
  g_autoptr(PmPeriod) q4 = pm_period_new (2016, 4);
  g_autoptr(PmProgressEntry) entry = pm_progress_entry_new (q4);
  g_autoptr(GError) error = NULL;
  PmProgressEntry *saved;
  PmKpi *kpi;

  db = pm_database_open (fixture->path, PM_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (pm_database_migrate_to (db, 15, &error));
  g_assert_no_error (error);
  fill_version_1 (db);
  g_clear_object (&db);
  g_assert_false (store_test_has_column (fixture->path, "progress_site", "site"));

  store = pm_store_open (fixture->path, PM_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (store_test_schema_version (fixture->path), ==, PM_STORE_SCHEMA_VERSION);
  g_assert_true (store_test_has_column (fixture->path, "progress_site", "site"));

  loaded = pm_store_load (store, &error);
  g_assert_no_error (error);
  kpi = pm_test_find_kpi (loaded, "Stafford", "Attendance");
  g_assert_cmpuint (g_list_model_get_n_items (pm_kpi_get_entries (kpi)), ==, 1);
  saved = pm_test_item (pm_kpi_get_entries (kpi), 0);
  g_assert_cmpfloat (pm_progress_entry_get_value (saved), ==, 94.2);
  g_assert_cmpuint (g_list_model_get_n_items (pm_progress_entry_get_sites (saved)), ==, 0);

  /* A percentage by site: kept as given beside its overall value. */
  pm_progress_entry_set_value (entry, 95);
  pm_progress_entry_add_site (entry, "Rawlett", 96.5);
  pm_progress_entry_add_site (entry, "TEC", 91);
  g_assert_true (pm_store_save_entry (store, kpi, entry, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  store = pm_store_open (fixture->path, PM_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  again = pm_store_load (store, &error);
  g_assert_no_error (error);
  saved = pm_kpi_get_entry (pm_test_find_kpi (again, "Stafford", "Attendance"), q4);
  g_assert_nonnull (saved);
  g_assert_cmpfloat (pm_progress_entry_get_value (saved), ==, 95);
  g_assert_cmpuint (g_list_model_get_n_items (pm_progress_entry_get_sites (saved)), ==, 2);
  g_assert_cmpstr (pm_site_value_get_site (pm_test_item (pm_progress_entry_get_sites (saved), 1)), ==, "TEC");

  g_assert_true (pm_store_delete_entry (store, pm_test_find_kpi (again, "Stafford", "Attendance"), q4, &error));
  g_assert_no_error (error);
  g_assert_cmpint (store_test_query_int (fixture->path, "SELECT count (*) FROM progress_site"), ==, 0);
}

/* Version 13 numbers the milestones of a schedule of targets. A KPI of
 * version 11 with a target revised keeps that meaning: both rows are
 * milestone 1, the later one the current target. A milestone added after
 * the migration is stored as one, and its audit row has no old value
 * (it revises nothing). */
static void
test_migrate_targets_from_11 (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(PmDatabase) db = NULL;
  g_autoptr(PmStore) store = NULL;
  g_autoptr(PmProgramme) loaded = NULL;
  g_autoptr(PmProgramme) again = NULL;
  g_autoptr(PmTarget) milestone = pm_target_new (99, "2018-09-30");
  g_autoptr(GError) error = NULL;
  PmKpi *kpi;

  db = pm_database_open (fixture->path, PM_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (pm_database_migrate_to (db, 11, &error));
  g_assert_no_error (error);
  fill_version_1 (db);
  g_assert_true (pm_database_execute (db,
    "INSERT INTO target (kpi_id, value, date, set_on, reason) "
    "  VALUES (1, 97, '2018-03-31', '2017-01-10', 'Raised');",
    &error));
  g_assert_no_error (error);
  g_clear_object (&db);
  g_assert_false (store_test_has_column (fixture->path, "target", "milestone"));

  store = pm_store_open (fixture->path, PM_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (store_test_has_column (fixture->path, "target", "milestone"));
  g_assert_cmpint (store_test_query_int (fixture->path,
                                         "SELECT COUNT(*) FROM target WHERE milestone = 1"), ==, 2);

  loaded = pm_store_load (store, &error);
  g_assert_no_error (error);
  kpi = pm_test_find_kpi (loaded, "Stafford", "Attendance");
  g_assert_cmpuint (g_list_model_get_n_items (pm_kpi_get_targets (kpi)), ==, 2);
  g_assert_cmpfloat (pm_target_get_value (pm_kpi_get_current_target (kpi)), ==, 97);
  g_assert_cmpuint (pm_kpi_next_milestone (kpi), ==, 2);

  pm_target_set_milestone (milestone, 2);
  pm_store_add_target (store, kpi, milestone, &error);
  g_assert_no_error (error);
  g_assert_cmpint (store_test_query_int (fixture->path,
                                         "SELECT COUNT(*) FROM audit WHERE kind = 'target' "
                                         "AND new_value = 99 AND old_value IS NULL"), ==, 1);

  g_clear_object (&store);
  store = pm_store_open (fixture->path, PM_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  again = pm_store_load (store, &error);
  g_assert_no_error (error);
  kpi = pm_test_find_kpi (again, "Stafford", "Attendance");
  g_assert_cmpuint (pm_kpi_next_milestone (kpi), ==, 3);
  g_assert_cmpfloat (pm_target_get_value (pm_kpi_get_current_target (kpi)), ==, 99);
}

static void
test_read_only_does_not_migrate (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(PmDatabase) db = NULL;
  g_autoptr(PmStore) store = NULL;
  g_autoptr(PmProgramme) loaded = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GError) error = NULL;

  db = pm_database_open (fixture->path, PM_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (pm_database_migrate_to (db, 1, &error));
  fill_version_1 (db);
  g_clear_object (&db);

  if (!store_test_engine_is_server ())
    before = pm_test_read_file (fixture->path);
  store = pm_store_open (fixture->path, PM_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  loaded = pm_store_load (store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pm_programme_get_name (loaded), ==, "Old programme");
  g_clear_object (&store);

  if (before != NULL)
    pm_test_assert_file_unchanged (fixture->path, before);
  g_assert_cmpint (store_test_schema_version (fixture->path), ==, 1);
}

static void
test_closed (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(PmProgramme) programme = store_test_build_small_programme ();
  g_autoptr(PmProgramme) loaded = NULL;
  g_autoptr(PmStore) store = NULL;
  g_autoptr(GError) error = NULL;

  pm_test_store_create (fixture->path, programme);
  store = pm_store_open (fixture->path, PM_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  pm_store_close (store);
  pm_store_close (store);

  loaded = pm_store_load (store, &error);
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_IO);
  g_assert_null (loaded);
  g_clear_error (&error);

  g_assert_false (pm_store_update_programme (store, programme, &error));
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_IO);
}

/* A server's own refusals: a wrong password, an empty database opened
 * without asking to create, a server that is not there. The password is
 * never in a message, nor in what is kept of the location. */
static void
test_server_refusals (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *wrong = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *kept = NULL;
  g_autoptr(PmStore) store = NULL;
  g_autoptr(GError) error = NULL;
  const char *password = g_getenv ("PM_TEST_PG_PASSWORD");

  if (!store_test_engine_is_server ())
    {
      g_test_skip ("a test of the server");
      return;
    }
  g_assert_nonnull (password);

  wrong = pg_test_uri_for_user (fixture->path, g_getenv ("PM_TEST_PG_USER"), "not-the-password");
  store = pm_store_open (wrong, PM_STORE_OPEN_DEFAULT, &error);
  g_assert_null (store);
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_AUTHENTICATION);
  g_assert_null (strstr (error->message, "not-the-password"));
  g_clear_error (&error);

  assert_refused (fixture->path, PM_STORE_OPEN_DEFAULT, PM_STORE_ERROR_NOT_A_DATABASE);
  assert_refused (fixture->path, PM_STORE_OPEN_READ_ONLY, PM_STORE_ERROR_NOT_A_DATABASE);

  store = pm_store_open ("postgresql://pm_admin@127.0.0.1:1/nowhere?connect_timeout=2",
                         PM_STORE_OPEN_DEFAULT, &error);
  g_assert_null (store);
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_IO);
  g_clear_error (&error);

  shown = pm_store_describe_location (fixture->path);
  g_assert_null (strstr (shown, password));
  g_assert_true (g_str_has_suffix (shown, "on 127.0.0.1"));
  kept = pm_store_location_to_keep (fixture->path);
  g_assert_null (strstr (kept, password));
  g_assert_nonnull (strstr (kept, "dbname='pm_store_"));
}

/* Connect to Server's fields make the location, quoted as libpq reads
 * it; the other settings of the one before are kept, its password never;
 * and the fields are read back from it. */
static void
test_server_location_from_fields (void)
{
  g_autofree char *built = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *server = NULL;
  g_autofree char *database = NULL;
  g_autofree char *user = NULL;

  built = pm_store_server_location (NULL, "db.example.org:5433", "pilots", "jo o'brien");
  g_assert_cmpstr (built, ==, "host='db.example.org' port='5433' dbname='pilots' user='jo o\\'brien'");
  g_assert_true (pm_store_location_is_server (built));
  g_assert_true (pm_store_server_location_parts (built, &server, &database, &user));
  g_assert_cmpstr (server, ==, "db.example.org:5433");
  g_assert_cmpstr (database, ==, "pilots");
  g_assert_cmpstr (user, ==, "jo o'brien");
  g_clear_pointer (&server, g_free);
  g_clear_pointer (&database, g_free);
  g_clear_pointer (&user, g_free);

  kept = pm_store_server_location ("postgresql://sam:secret@old.example.org/old?sslmode=require",
                                   "db.example.org", "pilots", "");
  g_assert_cmpstr (kept, ==, "host='db.example.org' dbname='pilots' sslmode='require'");
  g_assert_null (strstr (kept, "secret"));

  /* No database, no location. */
  g_assert_null (pm_store_server_location (NULL, "db.example.org", "", "jo"));

  g_assert_true (pm_store_server_location_parts ("postgresql://jo@db.example.org/pilots", &server, &database, &user));
  g_assert_cmpstr (server, ==, "db.example.org");
  g_assert_cmpstr (database, ==, "pilots");
  g_assert_cmpstr (user, ==, "jo");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  if (store_test_no_server_to_test ())
    return 0;

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/store/open/empty-file", test_empty_file);
  ADD ("/store/open/random-bytes", test_random_bytes);
  ADD ("/store/open/truncated", test_truncated);
  ADD ("/store/open/foreign", test_foreign);
  ADD ("/store/open/too-new", test_too_new);
  ADD ("/store/open/corrupt", test_corrupt);
  ADD ("/store/open/corrupt-unchecked", test_corrupt_unchecked);
  ADD ("/store/open/check-later", test_check_later);
  ADD ("/store/open/check-later-damaged", test_check_later_damaged);
  ADD ("/store/open/new-file-private", test_new_file_private);
  ADD ("/store/open/missing-file", test_missing_file);
  ADD ("/store/open/read-only-file", test_read_only_file);
  ADD ("/store/open/read-only-folder", test_read_only_folder);
  ADD ("/store/open/migrate-from-1", test_migrate_from_1);
  ADD ("/store/open/migrate-from-11", test_migrate_from_11);
  ADD ("/store/open/migrate-targets-from-11", test_migrate_targets_from_11);
  ADD ("/store/open/migrate-from-15", test_migrate_from_15);
  ADD ("/store/open/read-only-does-not-migrate", test_read_only_does_not_migrate);
  ADD ("/store/open/closed", test_closed);
  ADD ("/store/open/server-refusals", test_server_refusals);
  g_test_add_func ("/store/open/server-location-from-fields", test_server_location_from_fields);

#undef ADD

  return g_test_run ();
}
