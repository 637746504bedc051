/* pm-report-signoffs.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pm-report-signoffs.h"
#include "report/pm-summary-report.h"

gboolean
pm_report_set_signoffs (PmReport     *report,
                        PmStore      *store,
                        PmProgramme  *programme,
                        PmPeriod     *period,
                        GError      **error)
{
  GListModel *districts;

  g_return_val_if_fail (PM_IS_REPORT (report), FALSE);
  g_return_val_if_fail (PM_IS_STORE (store), FALSE);
  g_return_val_if_fail (PM_IS_PROGRAMME (programme), FALSE);
  g_return_val_if_fail (PM_IS_PERIOD (period), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!PM_IS_SUMMARY_REPORT (report))
    return TRUE;

  districts = pm_programme_get_districts (programme);
  for (guint i = 0; i < g_list_model_get_n_items (districts); i++)
    {
      g_autoptr(PmDistrict) district = g_list_model_get_item (districts, i);
      g_autoptr(GError) local_error = NULL;
      PmSignoffState state = pm_store_get_signoff (store, district, period, NULL, &local_error);

      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      pm_summary_report_set_signoff (PM_SUMMARY_REPORT (report), district,
                                     pm_signoff_state_to_words (state));
    }

  return TRUE;
}
