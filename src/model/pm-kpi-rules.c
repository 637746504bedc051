/* pm-kpi-rules.c: what a KPI's settings must agree with
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "pm-kpi-rules.h"

static gboolean
refuse_frequency (PmKpi        *kpi,
                  PmFrequency   frequency,
                  PmPeriod     *found,
                  GError      **error)
{
  g_autofree char *label = pm_period_get_label (found);

  g_set_error (error, PM_MODEL_ERROR, PM_MODEL_ERROR_INVALID_PERIOD,
               /* Translators: a KPI's title, the frequency its values
                * are of ("quarterly"), the first such period ("Q1
                * 2020/21"), then the frequency asked for ("yearly") */
               _("“%s” already has values reported %s (from %s); remove them before reporting it %s"),
               pm_kpi_get_title (kpi), pm_frequency_get_label (pm_period_get_frequency (found)), label,
               pm_frequency_get_label (frequency));
  return FALSE;
}

gboolean
pm_kpi_check_frequency_change (PmKpi        *kpi,
                               PmFrequency   frequency,
                               PmPeriod     *held,
                               GError      **error)
{
  GListModel *entries;

  g_return_val_if_fail (PM_IS_KPI (kpi), FALSE);
  g_return_val_if_fail (held == NULL || PM_IS_PERIOD (held), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  entries = pm_kpi_get_entries (kpi);
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(PmProgressEntry) entry = g_list_model_get_item (entries, i);
      PmPeriod *period = pm_progress_entry_get_period (entry);

      if (pm_period_get_frequency (period) != frequency)
        return refuse_frequency (kpi, frequency, period, error);
    }

  if (held != NULL && pm_period_get_frequency (held) != frequency)
    return refuse_frequency (kpi, frequency, held, error);

  return TRUE;
}

gboolean
pm_kpi_check_indicator (PmKpi        *kpi,
                        PmIndicator  *indicator,
                        GError      **error)
{
  g_return_val_if_fail (PM_IS_KPI (kpi), FALSE);
  g_return_val_if_fail (PM_IS_INDICATOR (indicator), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (pm_kpi_get_unit (kpi) == pm_indicator_get_unit (indicator)
      && pm_kpi_get_direction (kpi) == pm_indicator_get_direction (indicator))
    return TRUE;

  g_set_error (error, PM_MODEL_ERROR, PM_MODEL_ERROR_INCONSISTENT,
               /* Translators: a KPI's title, an indicator's name, its
                * unit ("Percentage") and direction ("Increase") */
               _("“%s” is an instance of the indicator “%s” (%s, %s): a KPI keeps its indicator’s unit "
                 "and direction"),
               pm_kpi_get_title (kpi), pm_indicator_get_name (indicator),
               pm_unit_get_label (pm_indicator_get_unit (indicator)),
               pm_direction_get_label (pm_indicator_get_direction (indicator)));
  return FALSE;
}
