/* pm-kpi-listing.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pm-kpi-listing.h"

#include "model/pm-assessment.h"
#include "model/pm-date.h"
#include "model/pm-schedule.h"

static void
append_field (GString    *out,
              const char *text,
              gboolean    last)
{
  for (const char *p = text ? text : ""; *p; p++)
    g_string_append_c (out, (*p == '\t' || *p == '\n' || *p == '\r') ? ' ' : *p);
  g_string_append_c (out, last ? '\n' : '\t');
}

/* How @kpi stands in @period, as pm_assessment judges it for the
 * window and the prints: status letter, profiled target, value. */
static void
write_judgement (GString  *out,
                 PmKpi    *kpi,
                 PmPeriod *period)
{
  g_autoptr(PmAssessment) assessment = pm_assessment_new (kpi, period);
  PmUnit unit = pm_kpi_get_unit (kpi);
  g_autofree char *profiled = NULL;
  g_autofree char *value = NULL;

  if (pm_assessment_has_profiled_target (assessment))
    profiled = pm_unit_format_value (unit, pm_assessment_get_profiled_target (assessment));
  if (pm_assessment_has_value (assessment))
    value = pm_unit_format_value (unit, pm_assessment_get_value (assessment));

  append_field (out, pm_rag_get_letter (pm_assessment_get_rag (assessment)), FALSE);
  append_field (out, profiled, FALSE);
  append_field (out, value, TRUE);
}

static void
write_kpi (GString    *out,
           PmDistrict *district,
           PmPilot    *pilot,
           PmKpi      *kpi,
           PmPeriod   *period)
{
  PmUnit unit = pm_kpi_get_unit (kpi);
  g_autoptr(GPtrArray) milestones = pm_kpi_get_milestones (kpi);
  PmProgressEntry *latest = pm_kpi_get_latest_entry (kpi, NULL);
  g_autofree char *baseline = pm_baseline_format (pm_kpi_get_baseline (kpi), unit);
  g_autoptr(GString) target_value = g_string_new (NULL);
  g_autoptr(GString) target_date = g_string_new (NULL);
  g_autofree char *latest_period = NULL;
  g_autofree char *latest_value = NULL;

  /* A schedule lists each milestone, in the same order in both fields. */
  for (guint i = 0; i < milestones->len; i++)
    {
      PmTarget *target = g_ptr_array_index (milestones, i);
      g_autofree char *value = pm_unit_format_value (unit, pm_target_get_value (target));
      g_autofree char *date = pm_date_format (pm_target_get_date (target));

      g_string_append_printf (target_value, "%s%s", i > 0 ? "; " : "", value);
      g_string_append_printf (target_date, "%s%s", i > 0 ? "; " : "", date != NULL ? date : "");
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
  append_field (out, target_value->str, FALSE);
  append_field (out, target_date->str, FALSE);
  append_field (out, latest_period, FALSE);
  append_field (out, latest_value, period == NULL);
  if (period != NULL)
    write_judgement (out, kpi, period);
}

void
pm_kpi_listing_write (PmProgramme *programme,
                      GString     *out)
{
  pm_kpi_listing_write_period (programme, NULL, out);
}

void
pm_kpi_listing_write_period (PmProgramme *programme,
                             PmPeriod    *period,
                             GString     *out)
{
  g_autoptr(GListModel) kpis = NULL;

  g_return_if_fail (PM_IS_PROGRAMME (programme));
  g_return_if_fail (period == NULL || PM_IS_PERIOD (period));
  g_return_if_fail (out != NULL);

  kpis = pm_programme_list_kpis (programme);
  for (guint k = 0; k < g_list_model_get_n_items (kpis); k++)
    {
      g_autoptr(PmKpi) kpi = g_list_model_get_item (kpis, k);
      PmPilot *pilot = pm_kpi_get_pilot (kpi);

      write_kpi (out, pm_pilot_get_district (pilot), pilot, kpi, period);
    }
}
