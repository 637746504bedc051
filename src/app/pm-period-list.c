/* pm-period-list.c: the periods the window offers to report at
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pm-period-list.h"

#define HAS(mask, frequency) (((mask) & (1u << (frequency))) != 0)

guint
pm_period_list_frequencies (PmProgramme *programme)
{
  g_autoptr(GListModel) kpis = NULL;
  guint mask = 0;

  g_return_val_if_fail (programme == NULL || PM_IS_PROGRAMME (programme), 1u << PM_FREQUENCY_QUARTERLY);

  if (programme != NULL)
    {
      kpis = pm_programme_list_kpis (programme);
      for (guint i = 0; i < g_list_model_get_n_items (kpis); i++)
        {
          g_autoptr(PmKpi) kpi = g_list_model_get_item (kpis, i);

          mask |= 1u << pm_kpi_get_frequency (kpi);
        }
    }

  return mask != 0 ? mask : 1u << PM_FREQUENCY_QUARTERLY;
}

GPtrArray *
pm_period_list_build (guint frequencies,
                      int   first_quarter,
                      int   last_quarter)
{
  GPtrArray *periods = g_ptr_array_new_with_free_func (g_object_unref);
  int first_year = first_quarter / 4;
  int last_year = last_quarter / 4;

  g_return_val_if_fail (first_quarter <= last_quarter, periods);

  if (frequencies == 0)
    frequencies = 1u << PM_FREQUENCY_QUARTERLY;

  for (int year = first_year; year <= last_year; year++)
    {
      for (int quarter = 1; quarter <= 4; quarter++)
        {
          int index = year * 4 + quarter - 1;

          /* Quarters keep to the range asked for; months and years come
           * with their quarters. */
          if (index < first_quarter || index > last_quarter)
            continue;
          if (HAS (frequencies, PM_FREQUENCY_QUARTERLY))
            g_ptr_array_add (periods, pm_period_new (year, quarter));
          if (HAS (frequencies, PM_FREQUENCY_MONTHLY))
            for (int month = (quarter - 1) * 3 + 1; month <= quarter * 3; month++)
              g_ptr_array_add (periods, pm_period_new_month (year, month));
          /* A calendar year ends with the third quarter of the
           * financial year it starts in. */
          if (quarter == 3 && HAS (frequencies, PM_FREQUENCY_CALENDAR_YEARLY))
            g_ptr_array_add (periods, pm_period_new_calendar_year (year));
          if (quarter == 4 && HAS (frequencies, PM_FREQUENCY_YEARLY))
            g_ptr_array_add (periods, pm_period_new_year (year));
        }
    }

  return periods;
}

char *
pm_period_list_get_label (PmPeriod *period)
{
  g_autofree char *label = NULL;

  g_return_val_if_fail (PM_IS_PERIOD (period), NULL);

  label = pm_period_get_label (period);
  if (pm_period_get_frequency (period) == PM_FREQUENCY_CALENDAR_YEARLY)
    /* Translators: a calendar year in the list of periods, after the
     * quarter it ends with: "2020 (calendar year)" */
    return g_strdup_printf (_("%s (calendar year)"), label);
  if (pm_period_get_frequency (period) != PM_FREQUENCY_YEARLY)
    return g_steal_pointer (&label);

  /* Translators: a financial year in the list of periods, after its
   * quarters: "2020/21 (whole year)" */
  return g_strdup_printf (_("%s (whole year)"), label);
}

PmPeriod *
pm_period_list_quarter_of (PmPeriod *period)
{
  g_return_val_if_fail (PM_IS_PERIOD (period), NULL);

  if (pm_period_get_frequency (period) == PM_FREQUENCY_QUARTERLY)
    return g_object_ref (period);

  return pm_period_new_from_index (pm_period_get_quarter_index (period));
}

GHashTable *
pm_period_list_with_values (PmProgramme *programme)
{
  GHashTable *codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GListModel) kpis = NULL;

  g_return_val_if_fail (programme == NULL || PM_IS_PROGRAMME (programme), codes);

  if (programme == NULL)
    return codes;

  kpis = pm_programme_list_kpis (programme);
  for (guint i = 0; i < g_list_model_get_n_items (kpis); i++)
    {
      g_autoptr(PmKpi) kpi = g_list_model_get_item (kpis, i);
      GListModel *entries = pm_kpi_get_entries (kpi);

      for (guint j = 0; j < g_list_model_get_n_items (entries); j++)
        {
          g_autoptr(PmProgressEntry) entry = g_list_model_get_item (entries, j);

          if (pm_progress_entry_has_value (entry))
            g_hash_table_add (codes, pm_period_to_code (pm_progress_entry_get_period (entry)));
        }
    }

  return codes;
}

static gboolean
has_code (GHashTable *with_values,
          PmPeriod   *period)
{
  g_autofree char *code = pm_period_to_code (period);

  return g_hash_table_contains (with_values, code);
}

gboolean
pm_period_list_has_values (GHashTable *with_values,
                           PmPeriod   *period)
{
  int year, first_month, last_month;

  g_return_val_if_fail (with_values != NULL, FALSE);
  g_return_val_if_fail (PM_IS_PERIOD (period), FALSE);

  if (has_code (with_values, period))
    return TRUE;

  year = pm_period_get_year (period);
  switch (pm_period_get_frequency (period))
    {
    case PM_FREQUENCY_MONTHLY:
    case PM_FREQUENCY_CALENDAR_YEARLY:
      return FALSE;

    case PM_FREQUENCY_QUARTERLY:
      first_month = (pm_period_get_quarter (period) - 1) * 3 + 1;
      last_month = first_month + 2;
      break;

    case PM_FREQUENCY_YEARLY:
    default:
      for (int quarter = 1; quarter <= 4; quarter++)
        {
          g_autoptr(PmPeriod) each = pm_period_new (year, quarter);

          if (has_code (with_values, each))
            return TRUE;
        }
      first_month = 1;
      last_month = 12;
      break;
    }

  for (int month = first_month; month <= last_month; month++)
    {
      g_autoptr(PmPeriod) each = pm_period_new_month (year, month);

      if (has_code (with_values, each))
        return TRUE;
    }

  return FALSE;
}
