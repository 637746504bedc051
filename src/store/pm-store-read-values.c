/* pm-store-read-values.c: a load's values, a KPI at a time
 *
 * A programme holds hundreds of thousands of values, read ordered by KPI
 * and period: each row becomes an entry without notifications, and a
 * KPI's entries join it together, in period order one splice rather than
 * a search and an items-changed each.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pm-store-private.h"

PmProgressEntry *
_pm_store_read_entry (PmStatement  *stmt,
                      PmPeriod     *period,
                      gint64        kpi_id,
                      GHashTable   *value_sites,
                      GError      **error)
{
  PmProgressEntry *entry;

  /* A fraction, when both its parts are there, gives the value. */
  entry = pm_progress_entry_new_full (period,
                                      !pm_statement_is_null (stmt, 1),
                                      pm_statement_get_double (stmt, 1),
                                      !pm_statement_is_null (stmt, 2) &&
                                      !pm_statement_is_null (stmt, 3),
                                      pm_statement_get_double (stmt, 2),
                                      pm_statement_get_double (stmt, 3),
                                      pm_statement_get_text (stmt, 4),
                                      MAX (pm_statement_get_int64 (stmt, 5), 0),
                                      error);
  if (entry != NULL)
    _pm_store_add_read_sites (entry, kpi_id, value_sites);

  return entry;
}

gboolean
_pm_store_add_read_entries (PmKpi      *kpi,
                            GPtrArray  *entries,
                            GError    **error)
{
  gboolean ok = entries->len == 0 ||
                pm_kpi_add_entries (kpi, (PmProgressEntry **) entries->pdata,
                                    entries->len, error);

  g_ptr_array_set_size (entries, 0);
  return ok;
}

/* Steps @stmt over rows of one text column into a NULL-terminated array. */
char **
_pm_store_read_strings (PmStatement  *stmt,
                        GError      **error)
{
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  GError *local_error = NULL;

  while (pm_statement_step (stmt, &local_error))
    g_ptr_array_add (strings, g_strdup (pm_statement_get_text (stmt, 0)));

  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }

  g_ptr_array_add (strings, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&strings), FALSE);
}
