/* pm-test-sample.c: the sample programme, and databases of it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "pm-test-sample.h"

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
pm_test_find_kpi (PmProgramme *programme,
                  const char  *district_name,
                  const char  *title_start)
{
  PmDistrict *district = pm_programme_find_district (programme, district_name);
  GListModel *pilots;

  g_assert_nonnull (district);
  pilots = pm_district_get_pilots (district);
  for (guint p = 0; p < g_list_model_get_n_items (pilots); p++)
    {
      g_autoptr(PmPilot) pilot = g_list_model_get_item (pilots, p);
      GListModel *kpis = pm_pilot_get_kpis (pilot);

      for (guint k = 0; k < g_list_model_get_n_items (kpis); k++)
        {
          g_autoptr(PmKpi) kpi = g_list_model_get_item (kpis, k);

          if (g_str_has_prefix (pm_kpi_get_title (kpi), title_start))
            return kpi;
        }
    }

  g_error ("no KPI “%s…” in %s", title_start, district_name);
}
