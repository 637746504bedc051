/* pm-kpi-entries.c: a KPI's values, kept in period order
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "pm-kpi.h"

static GListStore *
entries_of (PmKpi *self)
{
  return G_LIST_STORE (pm_kpi_get_entries (self));
}

/* Entries are few (a handful of quarters), so a walk is cheap. The
 * returned entry is borrowed from the store. */
static PmProgressEntry *
borrow_entry (PmKpi *self,
              guint  position)
{
  PmProgressEntry *entry = g_list_model_get_item (pm_kpi_get_entries (self), position);

  g_object_unref (entry);

  return entry;
}

/* Binary search of the entries (kept in period order): TRUE with the
 * position of @period's entry, or FALSE with where it would go. */
static gboolean
find_position (PmKpi    *self,
               PmPeriod *period,
               guint    *position)
{
  guint low = 0;
  guint high = g_list_model_get_n_items (pm_kpi_get_entries (self));

  /* Entries loaded or entered in period order go at the end: one look. */
  if (high > 0 &&
      pm_period_compare (pm_progress_entry_get_period (borrow_entry (self, high - 1)), period) < 0)
    {
      *position = high;
      return FALSE;
    }

  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      int cmp = pm_period_compare (pm_progress_entry_get_period (borrow_entry (self, middle)), period);

      if (cmp == 0)
        {
          *position = middle;
          return TRUE;
        }
      if (cmp < 0)
        low = middle + 1;
      else
        high = middle;
    }

  *position = low;
  return FALSE;
}

PmProgressEntry *
pm_kpi_get_entry (PmKpi    *self,
                  PmPeriod *period)
{
  guint position;

  g_return_val_if_fail (PM_IS_KPI (self), NULL);
  g_return_val_if_fail (PM_IS_PERIOD (period), NULL);

  if (!find_position (self, period, &position))
    return NULL;

  return borrow_entry (self, position);
}

PmProgressEntry *
pm_kpi_get_entry_at (PmKpi    *self,
                     PmPeriod *period)
{
  GDate end;
  guint n_entries;

  g_return_val_if_fail (PM_IS_KPI (self), NULL);
  g_return_val_if_fail (PM_IS_PERIOD (period), NULL);

  if (pm_period_get_frequency (period) == pm_kpi_get_frequency (self))
    return pm_kpi_get_entry (self, period);

  /* By the end date alone: a year ends with its fourth quarter and its
   * twelfth month, and is over by then, though it sorts after them. */
  pm_period_get_end_date (period, &end);
  n_entries = g_list_model_get_n_items (pm_kpi_get_entries (self));
  for (guint i = n_entries; i > 0; i--)
    {
      PmProgressEntry *entry = borrow_entry (self, i - 1);
      GDate entry_end;

      if (!pm_progress_entry_has_value (entry))
        continue;
      pm_period_get_end_date (pm_progress_entry_get_period (entry), &entry_end);
      if (g_date_compare (&entry_end, &end) <= 0)
        return entry;
    }

  return NULL;
}

/* The latest entry with a value before @period (or at it, if @inclusive).
 * The walk back starts at @period's place, found by a binary search: a
 * trend chart asks this of each of its points, and a walk from the last
 * entry made that quadratic in the KPI's history. */
static PmProgressEntry *
find_latest_with_value (PmKpi    *self,
                        PmPeriod *period,
                        gboolean  inclusive)
{
  guint i = g_list_model_get_n_items (pm_kpi_get_entries (self));

  if (period != NULL)
    {
      guint position;

      if (find_position (self, period, &position) && inclusive)
        position++;
      i = position;
    }

  for (; i > 0; i--)
    {
      PmProgressEntry *entry = borrow_entry (self, i - 1);

      if (pm_progress_entry_has_value (entry))
        return entry;
    }

  return NULL;
}

PmProgressEntry *
pm_kpi_get_previous_entry (PmKpi    *self,
                           PmPeriod *period)
{
  g_return_val_if_fail (PM_IS_KPI (self), NULL);
  g_return_val_if_fail (PM_IS_PERIOD (period), NULL);

  return find_latest_with_value (self, period, FALSE);
}

PmProgressEntry *
pm_kpi_get_latest_entry (PmKpi    *self,
                         PmPeriod *period)
{
  g_return_val_if_fail (PM_IS_KPI (self), NULL);
  g_return_val_if_fail (period == NULL || PM_IS_PERIOD (period), NULL);

  return find_latest_with_value (self, period, TRUE);
}

/* What pm_kpi_set_entry() refuses: a value or a site's value the unit
 * refuses, sites that contradict the value, a period of another
 * frequency. */
static gboolean
check_entry (PmKpi            *self,
             PmProgressEntry  *entry,
             GError          **error)
{
  if (pm_progress_entry_has_value (entry) &&
      !pm_unit_validate_value (pm_kpi_get_unit (self), pm_progress_entry_get_value (entry), error))
    return FALSE;
  if (!pm_progress_entry_check_sites (entry, pm_kpi_get_unit (self), error))
    return FALSE;

  return pm_kpi_check_period (self, pm_progress_entry_get_period (entry), error);
}

/* Puts a checked entry in its place in period order. */
static void
insert_entry (PmKpi           *self,
              PmProgressEntry *entry)
{
  guint position;

  if (find_position (self, pm_progress_entry_get_period (entry), &position))
    {
      /* One items-changed (position, 1 removed, 1 added), so views
       * update the row rather than seeing a remove then an insert. */
      g_list_store_splice (entries_of (self), position, 1, (gpointer *) &entry, 1);
      return;
    }

  g_list_store_insert (entries_of (self), position, entry);
}

gboolean
pm_kpi_set_entry (PmKpi            *self,
                  PmProgressEntry  *entry,
                  GError          **error)
{
  g_return_val_if_fail (PM_IS_KPI (self), FALSE);
  g_return_val_if_fail (PM_IS_PROGRESS_ENTRY (entry), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_entry (self, entry, error))
    return FALSE;

  insert_entry (self, entry);
  return TRUE;
}

gboolean
pm_kpi_add_entries (PmKpi             *self,
                    PmProgressEntry  **entries,
                    guint              n_entries,
                    GError           **error)
{
  guint n_items, n_valid, n_ordered;
  PmPeriod *last = NULL;

  g_return_val_if_fail (PM_IS_KPI (self), FALSE);
  g_return_val_if_fail (entries != NULL || n_entries == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Each is checked on its own, so the first refused is the one
   * pm_kpi_set_entry() called in turn would have refused, and those
   * before it are added as they would have been. */
  for (n_valid = 0; n_valid < n_entries; n_valid++)
    {
      g_return_val_if_fail (PM_IS_PROGRESS_ENTRY (entries[n_valid]), FALSE);
      if (!check_entry (self, entries[n_valid], error))
        break;
    }

  /* Entries read in period order go after the last one: one splice, one
   * items-changed, rather than a search and a signal each. */
  n_items = g_list_model_get_n_items (pm_kpi_get_entries (self));
  if (n_items > 0)
    last = pm_progress_entry_get_period (borrow_entry (self, n_items - 1));
  for (n_ordered = 0; n_ordered < n_valid; n_ordered++)
    {
      PmPeriod *period = pm_progress_entry_get_period (entries[n_ordered]);

      if (last != NULL && pm_period_compare (last, period) >= 0)
        break;
      last = period;
    }
  if (n_ordered > 0)
    g_list_store_splice (entries_of (self), n_items, 0, (gpointer *) entries, n_ordered);

  /* The rest, out of order or for a period already there, one by one. */
  for (guint i = n_ordered; i < n_valid; i++)
    insert_entry (self, entries[i]);

  return n_valid == n_entries;
}

gboolean
pm_kpi_remove_entry (PmKpi    *self,
                     PmPeriod *period)
{
  guint n_entries;

  g_return_val_if_fail (PM_IS_KPI (self), FALSE);
  g_return_val_if_fail (PM_IS_PERIOD (period), FALSE);

  n_entries = g_list_model_get_n_items (pm_kpi_get_entries (self));
  for (guint i = 0; i < n_entries; i++)
    {
      PmProgressEntry *entry = borrow_entry (self, i);

      if (pm_period_equal (pm_progress_entry_get_period (entry), period))
        {
          g_list_store_remove (entries_of (self), i);
          return TRUE;
        }
    }

  return FALSE;
}
