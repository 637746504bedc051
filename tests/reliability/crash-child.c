/* crash-child.c: writes to a programme database through the real store
 * API until test-crash kills it
 *
 *   crash-child entries DATABASE SEED
 *     opens DATABASE (which holds a programme), prints "ready", then saves
 *     progress entries for varying KPIs, periods and values, forever. Before
 *     each save it prints "saving KPI-ID PERIOD VALUE", and once
 *     pm_store_save_entry() has returned TRUE "committed KPI-ID PERIOD
 *     VALUE".
 *   crash-child import DATABASE PROGRAMME.json
 *     creates DATABASE, imports the programme file into it and prints
 *     "imported" once pm_store_import() has returned TRUE.
 *
 * Every line is flushed at once: a line the parent reads is a promise the
 * store has kept. Any failure is printed on stderr with exit status 1, so
 * the parent can tell a refusal from its own kill.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "pm-programme-file.h"
#include "pm-store.h"

static void
say (const char *format,
     ...) G_GNUC_PRINTF (1, 2);

static void
say (const char *format,
     ...)
{
  va_list ap;

  va_start (ap, format);
  vprintf (format, ap);
  va_end (ap);
  putchar ('\n');
  fflush (stdout);
}

static int
fail (GError *error)
{
  fprintf (stderr, "crash-child: %s\n", error->message);
  return EXIT_FAILURE;
}

static int
write_entries (const char *path,
               guint32     seed)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PmStore) store = NULL;
  g_autoptr(PmProgramme) programme = NULL;
  g_autoptr(GListModel) kpis = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  guint n_kpis;

  store = pm_store_open (path, PM_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    return fail (error);
  programme = pm_store_load (store, &error);
  if (programme == NULL)
    return fail (error);

  kpis = pm_programme_list_kpis (programme);
  n_kpis = g_list_model_get_n_items (kpis);
  if (n_kpis == 0)
    {
      fprintf (stderr, "crash-child: the programme has no KPIs\n");
      return EXIT_FAILURE;
    }

  say ("ready");

  for (;;)
    {
      guint position = (guint) g_rand_int_range (rand, 0, (gint32) n_kpis);
      g_autoptr(PmKpi) kpi = g_list_model_get_item (kpis, position);
      /* Twenty periods over five years, so that periods are written both
       * for the first time and again. */
      g_autoptr(PmPeriod) period = pm_period_new (g_rand_int_range (rand, 2015, 2020),
                                                  g_rand_int_range (rand, 1, 5));
      g_autoptr(PmProgressEntry) entry = pm_progress_entry_new (period);
      g_autofree char *code = pm_period_to_code (period);
      /* A whole number up to 100 suits every unit, percentages included. */
      int value = g_rand_int_range (rand, 0, 101);

      pm_progress_entry_set_value (entry, value);

      say ("saving %" G_GINT64_FORMAT " %s %d", pm_kpi_get_id (kpi), code, value);
      if (!pm_store_save_entry (store, kpi, entry, &error))
        return fail (error);
      say ("committed %" G_GINT64_FORMAT " %s %d", pm_kpi_get_id (kpi), code, value);
    }
}

static int
import (const char *path,
        const char *programme_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PmStore) store = NULL;
  g_autoptr(PmProgramme) programme = NULL;

  programme = pm_programme_file_load (programme_path, &error);
  if (programme == NULL)
    return fail (error);

  store = pm_store_open (path, PM_STORE_OPEN_CREATE, &error);
  if (store == NULL)
    return fail (error);
  if (!pm_store_import (store, programme, &error))
    return fail (error);

  say ("imported");
  pm_store_close (store);
  return EXIT_SUCCESS;
}

int
main (int    argc,
      char **argv)
{
  if (argc == 4 && g_str_equal (argv[1], "entries"))
    return write_entries (argv[2], (guint32) g_ascii_strtoull (argv[3], NULL, 10));
  if (argc == 4 && g_str_equal (argv[1], "import"))
    return import (argv[2], argv[3]);

  fprintf (stderr, "usage: crash-child entries DATABASE SEED\n"
                   "       crash-child import DATABASE PROGRAMME.json\n");
  return 2;
}
