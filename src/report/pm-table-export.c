/* pm-table-export.c: the KPI table as CSV, and the rows both exports share
 *
 * Both walk the programme in display order (district, pilot, KPI), as the
 * printed appendix and --list do, and write one row per KPI. The CSV is for
 * programs (a CSV import reads district, pilot, kpi, period, value and note
 * back), so its numbers are plain and in the units pm_unit_parse_value()
 * reads; the workbook is for people, so its numbers carry Excel formats and
 * a percentage is stored as the fraction a spreadsheet calculates with.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "pm-table-export.h"
#include "pm-table-export-private.h"
#include "pm-report-private.h"

#include "model/pm-assessment.h"
#include "model/pm-date.h"
#include "model/pm-schedule.h"
#include "model/pm-limits.h"
#include "model/pm-site-value.h"
#include "util/pm-csv-cell.h"
#include "util/pm-safe-file.h"

static void
kpi_row_clear (gpointer data)
{
  KpiRow *row = data;

  g_clear_object (&row->district);
  g_clear_object (&row->pilot);
  g_clear_object (&row->kpi);
  g_clear_object (&row->entry);
}

GArray *
_pm_table_export_collect_rows (PmProgramme *programme,
                               PmPeriod    *period)
{
  g_autoptr(GListModel) kpis = pm_programme_list_kpis (programme);
  GArray *rows = g_array_new (FALSE, TRUE, sizeof (KpiRow));

  g_array_set_clear_func (rows, kpi_row_clear);

  for (guint k = 0; k < g_list_model_get_n_items (kpis); k++)
    {
      g_autoptr(PmKpi) kpi = g_list_model_get_item (kpis, k);
      g_autoptr(PmAssessment) assessment = pm_assessment_new (kpi, period);
      PmPilot *pilot = pm_kpi_get_pilot (kpi);
      /* As the summaries show it: a yearly KPI exported at a quarter
       * gives its latest outturn by then, judged as the assessment does. */
      PmProgressEntry *entry = pm_kpi_get_entry_at (kpi, period);
      KpiRow row = {
        g_object_ref (pm_pilot_get_district (pilot)),
        g_object_ref (pilot),
        g_object_ref (kpi),
        entry != NULL ? g_object_ref (entry) : NULL,
        pm_assessment_get_rag (assessment),
      };

      g_array_append_val (rows, row);
    }

  return rows;
}

gboolean
_pm_table_export_entry_has_value (const KpiRow *row)
{
  return row->entry != NULL && pm_progress_entry_has_value (row->entry);
}

const char *
_pm_table_export_entry_note (const KpiRow *row)
{
  return row->entry != NULL ? pm_progress_entry_get_note (row->entry) : NULL;
}

gboolean
_pm_table_export_check_note (const KpiRow  *row,
                             GError       **error)
{
  if (pm_limits_check_text (PM_FIELD_VALUE_NOTE, _pm_table_export_entry_note (row), error))
    return TRUE;

  g_prefix_error (error, "“%s”, “%s”: ", pm_district_get_name (row->district), pm_kpi_get_title (row->kpi));
  return FALSE;
}

/* ------------------------------------------------------------------ */
/* CSV */

/* The shortest text that reads back as @value, '.' for the decimal point
 * whatever the locale, never an exponent nor a thousands separator. */
static char *
plain_number (double value)
{
  static const char * const formats[] = { "%.15g", "%.16g", "%.17g" };
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  /* Also -0, which is no different to a reader. */
  if (value == 0)
    return g_strdup ("0");

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_ascii_formatd (buffer, sizeof buffer, formats[i], value);
      if (g_ascii_strtod (buffer, NULL) == value)
        break;
    }

  /* %g turns to an exponent below 1e-4 (values are below 1e15, see
   * PM_UNIT_MAX_MAGNITUDE): write such a value out in full. */
  if (strchr (buffer, 'e') != NULL)
    {
      char *end;

      g_ascii_formatd (buffer, sizeof buffer, "%.24f", value);
      end = buffer + strlen (buffer) - 1;
      while (*end == '0')
        *end-- = '\0';
      if (*end == '.')
        *end = '\0';
    }

  return g_strdup (buffer);
}

/* Money is kept in whole pence and read back in pounds: 490050 is
 * "4900.5", exactly, with no binary fraction on the way. */
static char *
pounds_text (double pence)
{
  gint64 whole = (gint64) llround (pence);
  gint64 magnitude = whole < 0 ? -whole : whole;
  const char *sign = whole < 0 ? "-" : "";
  int rest = (int) (magnitude % 100);

  if (rest == 0)
    return g_strdup_printf ("%s%" G_GINT64_FORMAT, sign, magnitude / 100);
  if (rest % 10 == 0)
    return g_strdup_printf ("%s%" G_GINT64_FORMAT ".%d", sign, magnitude / 100, rest / 10);

  return g_strdup_printf ("%s%" G_GINT64_FORMAT ".%02d", sign, magnitude / 100, rest);
}

static char *
csv_number (PmUnit unit,
            double value)
{
  if (unit == PM_UNIT_MONEY)
    return pounds_text (value);

  return plain_number (value);
}

/* Notes and names come from users: none may reach a spreadsheet as a
 * formula (see pm_csv_append_cell()). */
static void
csv_append_field (GString    *out,
                  const char *text,
                  gboolean    last)
{
  pm_csv_append_cell (out, text);
  g_string_append (out, last ? "\r\n" : ",");
}

/* Every milestone of the KPI's schedule, earliest first, as
 * "2021-03-31: 40; 2022-03-31: 60" (a value alone when undated). */
static void
csv_append_milestones (GString *out,
                       PmKpi   *kpi)
{
  g_autoptr(GPtrArray) milestones = pm_kpi_get_milestones (kpi);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < milestones->len; i++)
    {
      PmTarget *target = g_ptr_array_index (milestones, i);
      g_autofree char *value = csv_number (pm_kpi_get_unit (kpi), pm_target_get_value (target));
      const char *date = pm_target_get_date (target);

      if (i > 0)
        g_string_append (text, "; ");
      if (date != NULL)
        g_string_append_printf (text, "%s: ", date);
      g_string_append (text, value);
    }

  csv_append_field (out, text->str, FALSE);
}

/* The sites in a cell of their own, as machine-readable as the other
 * numbers: "Rawlett=0; TEC=10" (NULL when there are none). */
static char *
csv_sites (PmUnit      unit,
           GListModel *sites)
{
  guint n_sites = g_list_model_get_n_items (sites);
  GString *str;

  if (n_sites == 0)
    return NULL;

  str = g_string_new (NULL);
  for (guint i = 0; i < n_sites; i++)
    {
      g_autoptr(PmSiteValue) site = g_list_model_get_item (sites, i);
      g_autofree char *number = csv_number (unit, pm_site_value_get_value (site));

      g_string_append_printf (str, "%s%s=%s", i > 0 ? "; " : "",
                              pm_site_value_get_site (site), number);
    }

  return g_string_free (str, FALSE);
}

static void
csv_append_row (GString      *out,
                const KpiRow *row,
                const char   *period_code)
{
  PmKpi *kpi = row->kpi;
  PmUnit unit = pm_kpi_get_unit (kpi);
  PmBaseline *baseline = pm_kpi_get_baseline (kpi);
  PmTarget *target = pm_kpi_get_current_target (kpi);
  g_autofree char *baseline_text = NULL;
  g_autofree char *target_text = NULL;
  g_autofree char *value_text = NULL;
  g_autofree char *numerator_text = NULL;
  g_autofree char *denominator_text = NULL;
  g_autofree char *sites_text = csv_sites (unit, pm_baseline_get_sites (baseline));
  g_autofree char *value_sites_text = NULL;
  g_autofree char *entry_period_code = NULL;

  if (pm_baseline_has_value (baseline))
    baseline_text = csv_number (unit, pm_baseline_get_value (baseline));
  else
    baseline_text = pm_baseline_format (baseline, unit);

  if (target != NULL)
    target_text = csv_number (unit, pm_target_get_value (target));

  if (row->entry != NULL)
    entry_period_code = pm_period_to_code (pm_progress_entry_get_period (row->entry));
  if (_pm_table_export_entry_has_value (row))
    value_text = csv_number (unit, pm_progress_entry_get_value (row->entry));
  if (row->entry != NULL)
    value_sites_text = csv_sites (unit, pm_progress_entry_get_sites (row->entry));
  if (_pm_table_export_entry_has_value (row) && pm_progress_entry_has_fraction (row->entry))
    {
      numerator_text = plain_number (pm_progress_entry_get_numerator (row->entry));
      denominator_text = plain_number (pm_progress_entry_get_denominator (row->entry));
    }

  csv_append_field (out, pm_district_get_name (row->district), FALSE);
  csv_append_field (out, pm_pilot_get_title (row->pilot), FALSE);
  csv_append_field (out, pm_kpi_get_title (kpi), FALSE);
  csv_append_field (out, pm_enum_to_name (PM_TYPE_UNIT, unit), FALSE);
  csv_append_field (out, pm_enum_to_name (PM_TYPE_DIRECTION, pm_kpi_get_direction (kpi)), FALSE);
  csv_append_field (out, baseline_text, FALSE);
  csv_append_field (out, pm_baseline_get_date (baseline), FALSE);
  csv_append_field (out, target_text, FALSE);
  csv_append_field (out, target != NULL ? pm_target_get_date (target) : NULL, FALSE);
  /* The value's own period, so that an import puts it back there. */
  csv_append_field (out, entry_period_code != NULL ? entry_period_code : period_code, FALSE);
  csv_append_field (out, value_text, FALSE);
  csv_append_field (out, numerator_text, FALSE);
  csv_append_field (out, denominator_text, FALSE);
  csv_append_field (out, _pm_table_export_entry_note (row), FALSE);
  csv_append_field (out, pm_rag_get_label (row->rag), FALSE);
  csv_append_milestones (out, kpi);
  csv_append_field (out, sites_text, FALSE);
  csv_append_field (out, value_sites_text, TRUE);
}

gboolean
pm_table_export_csv (PmProgramme  *programme,
                     PmPeriod     *period,
                     const char   *path,
                     GError      **error)
{
  /* The names a CSV import looks the columns up by: never translated. */
  static const char header[] =
    "district,pilot,kpi,unit,direction,baseline,baseline_date,target,target_date,"
    "period,value,numerator,denominator,note,status,milestones,baseline_sites,value_sites\r\n";
  g_autoptr(GArray) rows = NULL;
  g_autoptr(GString) out = NULL;
  g_autofree char *period_code = NULL;
  g_autoptr(PmSafeFile) file = NULL;

  g_return_val_if_fail (PM_IS_PROGRAMME (programme), FALSE);
  g_return_val_if_fail (PM_IS_PERIOD (period), FALSE);
  g_return_val_if_fail (path != NULL && path[0] != '\0', FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  rows = _pm_table_export_collect_rows (programme, period);
  period_code = pm_period_to_code (period);

  out = g_string_new (header);
  for (guint i = 0; i < rows->len; i++)
    {
      const KpiRow *row = &g_array_index (rows, KpiRow, i);

      /* Nothing a CSV import would refuse (model/pm-limits.h), such as a
       * note stored before there were limits. */
      if (!_pm_table_export_check_note (row, error))
        return FALSE;
      csv_append_row (out, row, period_code);
    }
  if (!pm_limits_check_file_size (out->len, error))
    return FALSE;

  file = pm_safe_file_begin (path, PM_SAFE_FILE_DEFAULT, error);

  return file != NULL &&
         pm_safe_file_write (file, out->str, out->len, error) &&
         pm_safe_file_commit (file, error);
}
