/* pm-test-sample.c: the sample programme, and databases of it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "pm-test-sample.h"

#include <sqlite3.h>
#include <string.h>

#include "store/pm-programme-file.h"
#include "store/pm-sample.h"

PmProgramme *
pm_test_sample_load (void)
{
  g_autoptr(GError) error = NULL;
  PmProgramme *sample = pm_sample_programme_load (&error);

  g_assert_no_error (error);
  g_assert_nonnull (sample);
  return sample;
}

PmProgramme *
pm_test_sample_file_load (void)
{
  g_autoptr(GError) error = NULL;
  const char *path = g_getenv ("PM_SAMPLE_PROGRAMME");
  PmProgramme *sample;

  g_assert_nonnull (path);
  sample = pm_programme_file_load (path, &error);
  g_assert_no_error (error);
  g_assert_true (PM_IS_PROGRAMME (sample));
  return sample;
}

char *
pm_test_sample_file_contents (gsize *length)
{
  g_autoptr(GError) error = NULL;
  const char *path = g_getenv ("PM_SAMPLE_PROGRAMME");
  char *contents = NULL;

  g_assert_nonnull (path);
  g_assert_true (g_file_get_contents (path, &contents, length, &error));
  g_assert_no_error (error);
  return contents;
}

void
pm_test_store_create (const char  *location,
                      PmProgramme *programme)
{
  g_autoptr(PmStore) store = pm_test_store_open (location, PM_STORE_OPEN_CREATE);
  g_autoptr(GError) error = NULL;

  g_assert_true (pm_store_import (store, programme, &error));
  g_assert_no_error (error);
  pm_store_close (store);
}

char *
pm_test_sample_database (const char *dir,
                         const char *name)
{
  g_autoptr(PmProgramme) sample = pm_test_sample_load ();
  char *path = g_build_filename (dir, name, NULL);

  pm_test_store_create (path, sample);
  return path;
}

PmStore *
pm_test_sample_store_new (const char   *location,
                          PmProgramme **programme)
{
  g_autoptr(PmProgramme) sample = pm_test_sample_load ();
  PmStore *store;

  pm_test_store_create (location, sample);
  store = pm_test_store_open (location, PM_STORE_OPEN_DEFAULT);
  *programme = pm_test_store_load (store);
  return store;
}

PmStore *
pm_test_store_open (const char       *location,
                    PmStoreOpenFlags  flags)
{
  g_autoptr(GError) error = NULL;
  PmStore *store = pm_store_open (location, flags, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

PmProgramme *
pm_test_store_load (PmStore *store)
{
  g_autoptr(GError) error = NULL;
  PmProgramme *programme = pm_store_load (store, &error);

  g_assert_no_error (error);
  g_assert_nonnull (programme);
  return programme;
}

PmProgramme *
pm_test_store_read (const char       *location,
                    PmStoreOpenFlags  flags)
{
  g_autoptr(PmStore) store = pm_test_store_open (location, flags);
  PmProgramme *programme = pm_test_store_load (store);

  pm_store_close (store);
  return programme;
}

void
pm_test_store_clear (PmStore **store)
{
  if (*store != NULL)
    pm_store_close (*store);
  g_clear_object (store);
}

gpointer
pm_test_item (GListModel *list,
              guint       position)
{
  gpointer item = g_list_model_get_item (list, position);

  g_assert_nonnull (item);
  g_object_unref (item);
  return item;
}

PmPilot *
pm_test_first_pilot (PmProgramme *programme,
                     const char  *district_name)
{
  PmDistrict *district = pm_programme_find_district (programme, district_name);
  g_autoptr(PmPilot) pilot = NULL;

  g_assert_nonnull (district);
  pilot = g_list_model_get_item (pm_district_get_pilots (district), 0);
  g_assert_nonnull (pilot);
  return pilot;
}

PmKpi *
pm_test_nth_kpi (PmProgramme *programme,
                 guint        position)
{
  g_autoptr(GListModel) kpis = pm_programme_list_kpis (programme);

  return pm_test_item (kpis, position);
}

/* The first KPI of @district_name (of its pilot @pilot_title, or of any)
 * whose title is @title, or with @prefix starts with it. */
static PmKpi *
find_kpi (PmProgramme *programme,
          const char  *district_name,
          const char  *pilot_title,
          const char  *title,
          gboolean     prefix)
{
  PmDistrict *district = pm_programme_find_district (programme, district_name);
  GListModel *pilots;

  g_assert_nonnull (district);
  pilots = pm_district_get_pilots (district);
  for (guint p = 0; p < g_list_model_get_n_items (pilots); p++)
    {
      g_autoptr(PmPilot) pilot = g_list_model_get_item (pilots, p);
      GListModel *kpis = pm_pilot_get_kpis (pilot);

      if (pilot_title != NULL && g_strcmp0 (pm_pilot_get_title (pilot), pilot_title) != 0)
        continue;
      for (guint k = 0; k < g_list_model_get_n_items (kpis); k++)
        {
          g_autoptr(PmKpi) kpi = g_list_model_get_item (kpis, k);
          const char *each = pm_kpi_get_title (kpi);

          if (prefix ? g_str_has_prefix (each, title) : g_str_equal (each, title))
            return kpi;
        }
    }

  g_error ("no KPI “%s%s” in %s", title, prefix ? "…" : "", district_name);
}

PmKpi *
pm_test_find_kpi (PmProgramme *programme,
                  const char  *district_name,
                  const char  *title_start)
{
  return find_kpi (programme, district_name, NULL, title_start, TRUE);
}

PmKpi *
pm_test_find_kpi_titled (PmProgramme *programme,
                         const char  *district_name,
                         const char  *pilot_title,
                         const char  *title)
{
  return find_kpi (programme, district_name, pilot_title, title, FALSE);
}

PmPeriod *
pm_test_period (const char *code)
{
  g_autoptr(GError) error = NULL;
  PmPeriod *period = pm_period_parse (code, &error);

  g_assert_no_error (error);
  g_assert_nonnull (period);
  return period;
}

void
pm_test_set_value (PmStore    *store,
                   PmKpi      *kpi,
                   PmPeriod   *period,
                   double      value,
                   const char *note)
{
  g_autoptr(PmProgressEntry) entry = pm_progress_entry_new (period);
  g_autoptr(GError) error = NULL;

  pm_progress_entry_set_value (entry, value);
  pm_progress_entry_set_note (entry, note);
  if (store != NULL)
    g_assert_true (pm_store_save_entry (store, kpi, entry, &error));
  else
    g_assert_true (pm_kpi_set_entry (kpi, entry, &error));
  g_assert_no_error (error);
}

void
pm_test_office_set_up (PmTestOffice  *office,
                       gconstpointer  author)
{
  g_autofree char *prefix = g_path_get_basename (g_get_prgname ());

  office->dir = pm_test_dir_new (prefix);
  office->path = g_build_filename (office->dir, "office.db", NULL);
  office->store = pm_test_sample_store_new (office->path, &office->programme);
  if (author != NULL)
    pm_store_set_author (office->store, author);
  office->cannock = pm_programme_find_district (office->programme, "Cannock Chase");
  office->wcfc = g_list_model_get_item (pm_pilot_get_kpis (pm_test_first_pilot (office->programme, "Cannock Chase")), 0);
  g_object_unref (office->wcfc);   /* the pilot keeps it */
  g_assert_true (g_str_has_prefix (pm_kpi_get_title (office->wcfc), "WCFC"));
  office->q3 = pm_period_new (2016, 3);
  office->q4 = pm_period_new (2016, 4);
}

void
pm_test_office_tear_down (PmTestOffice  *office,
                          gconstpointer  author)
{
  g_clear_object (&office->q3);
  g_clear_object (&office->q4);
  g_clear_object (&office->programme);
  pm_test_store_clear (&office->store);
  pm_test_clear_dir (&office->dir);
  g_clear_pointer (&office->path, g_free);
}

static gint64
query_int (sqlite3    *db,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

void
pm_test_damage_unread_index (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *absolute = g_canonicalize_filename (path, NULL);
  g_autofree char *file_uri = g_filename_to_uri (absolute, NULL, NULL);
  /* Immutable: no -wal or -shm is left beside it. */
  g_autofree char *uri = g_strconcat (file_uri, "?immutable=1", NULL);
  sqlite3 *db = NULL;
  gint64 page_size, root;
  gsize length;

  g_assert_cmpint (sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL), ==, SQLITE_OK);
  page_size = query_int (db, "PRAGMA page_size");
  root = query_int (db, "SELECT rootpage FROM sqlite_master WHERE name = 'audit_kpi'");
  sqlite3_close (db);

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpint ((root - 1) * page_size + 16, <=, (gint64) length);
  /* Not a page type sqlite knows, and a header to match. */
  memset (contents + (root - 1) * page_size, 0x7f, 16);
  g_assert_true (g_file_set_contents (path, contents, length, &error));
  g_assert_no_error (error);
}
