/* pm-kpi-listing.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pm-kpi-listing.h"

#include "model/pm-date.h"

static void
append_field (GString    *out,
              const char *text,
              gboolean    last)
{
  for (const char *p = text ? text : ""; *p; p++)
    g_string_append_c (out, (*p == '\t' || *p == '\n' || *p == '\r') ? ' ' : *p);
  g_string_append_c (out, last ? '\n' : '\t');
}

static void
write_kpi (GString    *out,
           PmDistrict *district,
           PmPilot    *pilot,
           PmKpi      *kpi)
{
  PmUnit unit = pm_kpi_get_unit (kpi);
  PmTarget *target = pm_kpi_get_current_target (kpi);
  PmProgressEntry *latest = pm_kpi_get_latest_entry (kpi, NULL);
  g_autofree char *baseline = pm_baseline_format (pm_kpi_get_baseline (kpi), unit);
  g_autofree char *target_value = NULL;
  g_autofree char *target_date = NULL;
  g_autofree char *latest_period = NULL;
  g_autofree char *latest_value = NULL;

  if (target != NULL)
    {
      target_value = pm_unit_format_value (unit, pm_target_get_value (target));
      target_date = pm_date_format (pm_target_get_date (target));
    }

  if (latest != NULL)
    {
      latest_period = pm_period_to_code (pm_progress_entry_get_period (latest));
      latest_value = pm_unit_format_value (unit, pm_progress_entry_get_value (latest));
    }

  append_field (out, pm_district_get_name (district), FALSE);
  append_field (out, pm_pilot_get_title (pilot), FALSE);
  append_field (out, pm_kpi_get_title (kpi), FALSE);
  append_field (out, pm_enum_to_name (PM_TYPE_UNIT, unit), FALSE);
  append_field (out, pm_enum_to_name (PM_TYPE_DIRECTION, pm_kpi_get_direction (kpi)), FALSE);
  append_field (out, baseline, FALSE);
  append_field (out, target_value, FALSE);
  append_field (out, target_date, FALSE);
  append_field (out, latest_period, FALSE);
  append_field (out, latest_value, TRUE);
}

void
pm_kpi_listing_write (PmProgramme *programme,
                      GString     *out)
{
  g_autoptr(GListModel) kpis = NULL;

  g_return_if_fail (PM_IS_PROGRAMME (programme));
  g_return_if_fail (out != NULL);

  kpis = pm_programme_list_kpis (programme);
  for (guint k = 0; k < g_list_model_get_n_items (kpis); k++)
    {
      g_autoptr(PmKpi) kpi = g_list_model_get_item (kpis, k);
      PmPilot *pilot = pm_kpi_get_pilot (kpi);

      write_kpi (out, pm_pilot_get_district (pilot), pilot, kpi);
    }
}
