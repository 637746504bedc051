/* pm-pilot-totals.c: what a pilot's lists add up to by a period
 *
 * Split from pm-pilot.c by concern: these read the pilot only through its
 * public lists.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "pm-assessment.h"
#include "pm-pilot.h"

/* Borrowed: the list keeps its own reference. */
static gpointer
borrow_item (GListModel *list,
             guint       position)
{
  gpointer item = g_list_model_get_item (list, position);

  g_object_unref (item);

  return item;
}

int
pm_pilot_get_reach_target (PmPilot *self)
{
  GListModel *providers;
  guint n_providers;
  int total = 0;

  g_return_val_if_fail (PM_IS_PILOT (self), 0);

  providers = pm_pilot_get_providers (self);
  n_providers = g_list_model_get_n_items (providers);
  for (guint i = 0; i < n_providers; i++)
    total += pm_provider_get_reach_target (borrow_item (providers, i));

  return total;
}

int
pm_pilot_get_reach_at (PmPilot  *self,
                       PmPeriod *period)
{
  g_autoptr(GHashTable) latest = NULL;
  PmReachEntry *whole_pilot = NULL;
  GListModel *reach;
  GHashTableIter iter;
  gpointer value;
  guint n_entries;
  gboolean found = FALSE;
  int total = 0;

  g_return_val_if_fail (PM_IS_PILOT (self), -1);
  g_return_val_if_fail (PM_IS_PERIOD (period), -1);

  /* Figures are cumulative per provider: take each provider's latest one
   * by then (the pilot as a whole, a NULL provider, is one more) and add
   * them up. */
  latest = g_hash_table_new (g_str_hash, g_str_equal);

  reach = pm_pilot_get_reach (self);
  n_entries = g_list_model_get_n_items (reach);
  for (guint i = 0; i < n_entries; i++)
    {
      PmReachEntry *entry = borrow_item (reach, i);
      PmPeriod *entry_period = pm_reach_entry_get_period (entry);
      const char *provider = pm_reach_entry_get_provider (entry);
      PmReachEntry *current;

      if (pm_period_compare (entry_period, period) > 0)
        continue;

      if (provider != NULL)
        current = g_hash_table_lookup (latest, provider);
      else
        current = whole_pilot;

      if (current != NULL &&
          pm_period_compare (pm_reach_entry_get_period (current), entry_period) > 0)
        continue;

      if (provider != NULL)
        g_hash_table_insert (latest, (gpointer) provider, entry);
      else
        whole_pilot = entry;
    }

  if (whole_pilot != NULL)
    {
      total += pm_reach_entry_get_families (whole_pilot);
      found = TRUE;
    }

  g_hash_table_iter_init (&iter, latest);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      total += pm_reach_entry_get_families (value);
      found = TRUE;
    }

  return found ? total : -1;
}

gint64
pm_pilot_get_spend_at (PmPilot       *self,
                       PmPeriod      *period,
                       PmSpendStatus  status)
{
  GListModel *spend;
  guint n_items;
  gint64 total = 0;

  g_return_val_if_fail (PM_IS_PILOT (self), 0);
  g_return_val_if_fail (PM_IS_PERIOD (period), 0);

  spend = pm_pilot_get_spend (self);
  n_items = g_list_model_get_n_items (spend);
  for (guint i = 0; i < n_items; i++)
    {
      PmSpendItem *item = borrow_item (spend, i);
      PmPeriod *item_period = pm_spend_item_get_period (item);

      if (pm_spend_item_get_status (item) != status)
        continue;

      /* An undated item has happened by any period we are asked about. */
      if (item_period != NULL && pm_period_compare (item_period, period) > 0)
        continue;

      total += pm_spend_item_get_amount_pence (item);
    }

  return total;
}

gint64
pm_pilot_get_spend_reported (PmPilot       *self,
                             PmPeriod      *period,
                             PmSpendStatus  status)
{
  GListModel *spend;
  guint n_items;

  g_return_val_if_fail (PM_IS_PILOT (self), -1);
  g_return_val_if_fail (PM_IS_PERIOD (period), -1);

  spend = pm_pilot_get_spend (self);
  n_items = g_list_model_get_n_items (spend);
  for (guint i = 0; i < n_items; i++)
    {
      PmSpendItem *item = borrow_item (spend, i);
      PmPeriod *item_period = pm_spend_item_get_period (item);

      if (pm_spend_item_get_status (item) == status &&
          (item_period == NULL || pm_period_compare (item_period, period) <= 0))
        return pm_pilot_get_spend_at (self, period, status);
    }

  return -1;
}

void
pm_pilot_count_rag (PmPilot  *self,
                    PmPeriod *period,
                    guint    *counts)
{
  GListModel *kpis;
  guint n_kpis;

  g_return_if_fail (PM_IS_PILOT (self));
  g_return_if_fail (PM_IS_PERIOD (period));
  g_return_if_fail (counts != NULL);

  for (guint i = 0; i < PM_N_RAG; i++)
    counts[i] = 0;

  kpis = pm_pilot_get_kpis (self);
  n_kpis = g_list_model_get_n_items (kpis);
  for (guint i = 0; i < n_kpis; i++)
    {
      g_autoptr(PmAssessment) assessment = pm_assessment_new (borrow_item (kpis, i), period);

      counts[pm_assessment_get_rag (assessment)]++;
    }
}
