/* pm-schedule.c: a KPI's targets as a schedule of milestones
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "pm-assessment.h"
#include "pm-date.h"
#include "pm-model-private.h"
#include "pm-schedule.h"

static int
compare_by_date (gconstpointer a,
                 gconstpointer b)
{
  PmTarget *ta = *(PmTarget **) a;
  PmTarget *tb = *(PmTarget **) b;
  guint32 da = pm_date_to_julian (pm_target_get_date (ta));
  guint32 db = pm_date_to_julian (pm_target_get_date (tb));

  if (da != db)
    return da < db ? -1 : 1;
  return (int) pm_target_get_milestone (ta) - (int) pm_target_get_milestone (tb);
}

/* The latest revision of each milestone, by number. */
static GPtrArray *
current_by_number (GListModel *targets)
{
  GPtrArray *by_number = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (targets);

  for (guint i = 0; i < n; i++)
    {
      PmTarget *target = g_list_model_get_item (targets, i);
      guint number = pm_target_get_milestone (target);

      if (number > by_number->len)
        g_ptr_array_set_size (by_number, number);
      g_clear_object (&by_number->pdata[number - 1]);
      by_number->pdata[number - 1] = target;
    }

  return by_number;
}

GPtrArray *
pm_kpi_get_milestones (PmKpi *kpi)
{
  g_autoptr(GPtrArray) by_number = NULL;
  GPtrArray *milestones;

  g_return_val_if_fail (PM_IS_KPI (kpi), NULL);

  by_number = current_by_number (pm_kpi_get_targets (kpi));
  milestones = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < by_number->len; i++)
    if (by_number->pdata[i] != NULL)
      g_ptr_array_add (milestones, g_object_ref (by_number->pdata[i]));

  g_ptr_array_sort (milestones, compare_by_date);

  return milestones;
}

guint
pm_kpi_next_milestone (PmKpi *kpi)
{
  g_autoptr(GPtrArray) by_number = NULL;

  g_return_val_if_fail (PM_IS_KPI (kpi), 1);

  by_number = current_by_number (pm_kpi_get_targets (kpi));
  return by_number->len + 1;
}

gboolean
pm_kpi_get_profiled_targets (PmKpi         *kpi,
                             const guint32 *days,
                             guint          n_days,
                             double        *profiled,
                             double        *heading)
{
  g_autoptr(GPtrArray) milestones = NULL;
  g_autofree double *values = NULL;
  g_autofree guint32 *dates = NULL;
  PmBaseline *baseline;
  gboolean has_baseline;
  double baseline_value;
  guint32 baseline_day;

  g_return_val_if_fail (PM_IS_KPI (kpi), FALSE);
  g_return_val_if_fail (days != NULL || n_days == 0, FALSE);

  milestones = pm_kpi_get_milestones (kpi);
  if (milestones->len == 0)
    return FALSE;

  values = g_new (double, milestones->len);
  dates = g_new (guint32, milestones->len);
  for (guint i = 0; i < milestones->len; i++)
    {
      values[i] = pm_target_get_value (milestones->pdata[i]);
      dates[i] = pm_date_to_julian (pm_target_get_date (milestones->pdata[i]));
    }

  baseline = pm_kpi_get_baseline (kpi);
  has_baseline = pm_baseline_has_value (baseline);
  baseline_value = has_baseline ? pm_baseline_get_value (baseline) : 0.0;
  baseline_day = has_baseline ? pm_date_to_julian (pm_baseline_get_date (baseline)) : 0;
  for (guint i = 0; i < n_days; i++)
    {
      double value = pm_rag_profiled_schedule (baseline_value, baseline_day, values, dates,
                                               milestones->len, days[i],
                                               heading != NULL ? &heading[i] : NULL);

      if (profiled != NULL)
        profiled[i] = value;
    }

  return TRUE;
}

gboolean
pm_kpi_get_profiled_target (PmKpi   *kpi,
                            guint32  day,
                            double  *profiled,
                            double  *heading)
{
  return pm_kpi_get_profiled_targets (kpi, &day, 1, profiled, heading);
}

/* A schedule needs every milestone dated, on different dates, and
 * numbered in turn; one target alone (today's KPIs) may be undated. */
gboolean
_pm_schedule_check_add (PmKpi     *kpi,
                        PmTarget  *target,
                        GError   **error)
{
  g_autoptr(GPtrArray) by_number = current_by_number (pm_kpi_get_targets (kpi));
  guint number = pm_target_get_milestone (target);
  const char *date = pm_target_get_date (target);

  if (number > by_number->len + 1)
    {
      g_set_error (error, PM_MODEL_ERROR, PM_MODEL_ERROR_OUT_OF_RANGE,
                   _("Milestone %u is given before milestone %u."),
                   number, by_number->len + 1);
      return FALSE;
    }

  if (MAX (by_number->len, number) < 2)
    return TRUE;

  for (guint i = 0; i < by_number->len; i++)
    {
      PmTarget *other = i + 1 == number ? target : by_number->pdata[i];
      const char *other_date = pm_target_get_date (other);

      if (other_date == NULL || date == NULL)
        {
          g_set_error_literal (error, PM_MODEL_ERROR, PM_MODEL_ERROR_MISSING,
                               _("Each milestone of a schedule of targets needs a date."));
          return FALSE;
        }

      if (i + 1 != number && pm_date_compare (other_date, date) == 0)
        {
          g_autofree char *text = pm_date_format (date);

          g_set_error (error, PM_MODEL_ERROR, PM_MODEL_ERROR_DUPLICATE,
                       _("Two milestones are for the same date (%s)."), text);
          return FALSE;
        }
    }

  return TRUE;
}
