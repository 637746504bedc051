/* pm-kpi-history.c: a KPI's history arriving after its first values
 *
 * The window first reads the values of the period it shows, then the
 * rest in a worker (pm_store_load_rest_async()). The rest joins each KPI
 * in one change of its entries, so a view of them updates once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pm-kpi.h"

gboolean
pm_kpi_merge_entries (PmKpi       *self,
                      GListModel  *entries,
                      GError     **error)
{
  GListModel *own;
  g_autoptr(GPtrArray) merged = NULL;
  guint n_own, n_new, i = 0, j = 0;

  g_return_val_if_fail (PM_IS_KPI (self), FALSE);
  g_return_val_if_fail (G_IS_LIST_MODEL (entries), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  own = pm_kpi_get_entries (self);
  n_own = g_list_model_get_n_items (own);
  n_new = g_list_model_get_n_items (entries);

  /* The same rules as pm_kpi_set_entry(), before anything changes. */
  for (guint k = 0; k < n_new; k++)
    {
      g_autoptr(PmProgressEntry) entry = g_list_model_get_item (entries, k);

      if (pm_progress_entry_has_value (entry) &&
          !pm_unit_validate_value (pm_kpi_get_unit (self), pm_progress_entry_get_value (entry), error))
        return FALSE;
      if (!pm_progress_entry_check_sites (entry, pm_kpi_get_unit (self), error) ||
          !pm_kpi_check_period (self, pm_progress_entry_get_period (entry), error))
        return FALSE;
    }

  /* Both sorted by period; an entry the KPI holds already is newer (read
   * first, or saved since) and is kept. */
  merged = g_ptr_array_new_full (n_own + n_new, g_object_unref);
  while (i < n_own || j < n_new)
    {
      g_autoptr(PmProgressEntry) mine = i < n_own ? g_list_model_get_item (own, i) : NULL;
      g_autoptr(PmProgressEntry) theirs = j < n_new ? g_list_model_get_item (entries, j) : NULL;
      int cmp = mine == NULL ? 1 : theirs == NULL ? -1
                : pm_period_compare (pm_progress_entry_get_period (mine),
                                     pm_progress_entry_get_period (theirs));

      if (cmp <= 0)
        {
          g_ptr_array_add (merged, g_steal_pointer (&mine));
          i++;
          j += cmp == 0;
        }
      else
        {
          g_ptr_array_add (merged, g_steal_pointer (&theirs));
          j++;
        }
    }

  if (merged->len > n_own)
    g_list_store_splice (G_LIST_STORE (own), 0, n_own, merged->pdata, merged->len);
  return TRUE;
}
