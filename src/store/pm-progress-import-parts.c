/* pm-progress-import-parts.c: a CSV of values' header, and a row's
 * percentage (given as its parts or as a number that may be a fraction)
 * and sites
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "model/pm-enums.h"
#include "model/pm-limits.h"
#include "pm-csv.h"
#include "pm-programme-names.h"
#include "pm-progress-import-private.h"
#include "pm-store-error.h"

/* Half a unit of the last decimal @text was written with, but never
 * less than the programme file's 0.05: "24" agrees with 24.12, "24.1"
 * with 24.118, "24.2" does not. */
static double
rounding_of (const char *text)
{
  const char *point = strchr (text, '.');
  guint n_decimals = 0;

  if (point != NULL)
    for (const char *p = point + 1; g_ascii_isdigit (*p); p++)
      n_decimals++;

  return MAX (0.05, 0.5 * pow (10, -(double) n_decimals));
}

gboolean
_pm_progress_import_read_parts (PmProgressEntry  *entry,
                                PmUnit            unit,
                                const char       *value_text,
                                const char       *numerator_text,
                                const char       *denominator_text,
                                GError          **error)
{
  gboolean has_value = pm_progress_entry_has_value (entry);
  double value = has_value ? pm_progress_entry_get_value (entry) : 0;
  double numerator, denominator, computed;
  g_autofree char *given = NULL;
  g_autofree char *worked_out = NULL;
  g_autofree char *numerator_words = NULL;
  g_autofree char *denominator_words = NULL;

  if (*numerator_text == '\0' && *denominator_text == '\0')
    return TRUE;
  if (*numerator_text == '\0' || *denominator_text == '\0')
    {
      g_set_error_literal (error, PM_FILE_ERROR, PM_FILE_ERROR_INVALID,
                           _("give both a numerator and a denominator, or neither."));
      return FALSE;
    }
  if (unit != PM_UNIT_PERCENTAGE)
    {
      g_set_error_literal (error, PM_FILE_ERROR, PM_FILE_ERROR_INVALID,
                           _("a numerator and denominator are only for percentages."));
      return FALSE;
    }

  if (!pm_unit_parse_value (PM_UNIT_COUNT, numerator_text, &numerator, error))
    {
      g_prefix_error (error, _("numerator: "));
      return FALSE;
    }
  if (!pm_unit_parse_value (PM_UNIT_COUNT, denominator_text, &denominator, error))
    {
      g_prefix_error (error, _("denominator: "));
      return FALSE;
    }
  if (!pm_progress_entry_set_fraction (entry, numerator, denominator, error))
    return FALSE;

  computed = pm_progress_entry_get_value (entry);
  if (!has_value || fabs (value - computed) <= rounding_of (value_text) + 1e-9)
    return TRUE;

  given = pm_unit_format_value (unit, value);
  worked_out = pm_unit_format_value (unit, computed);
  numerator_words = pm_unit_format_value (PM_UNIT_COUNT, numerator);
  denominator_words = pm_unit_format_value (PM_UNIT_COUNT, denominator);
  /* Translators: “the value 25% does not match its parts: 212 of 879 is
   * 24.1%.” */
  g_set_error (error, PM_FILE_ERROR, PM_FILE_ERROR_INVALID,
               _("the value %s does not match its parts: %s of %s is %s."),
               given, numerator_words, denominator_words, worked_out);
  return FALSE;
}

gboolean
_pm_progress_import_read_sites (PmProgressEntry  *entry,
                                PmUnit            unit,
                                const char       *sites_text,
                                GError          **error)
{
  g_auto(GStrv) parts = NULL;

  if (*sites_text == '\0')
    return TRUE;

  parts = g_strsplit (sites_text, ";", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *part = g_strstrip (parts[i]);
      char *equals = strrchr (part, '=');
      double value;

      if (*part == '\0')
        continue;
      if (equals == NULL || equals == part)
        {
          /* Translators: what was given, then the form expected. */
          g_set_error (error, PM_FILE_ERROR, PM_FILE_ERROR_INVALID,
                       _("value_sites: “%s” is not a site and its value (“%s”)."),
                       part, "Rawlett=29; TEC=110");
          return FALSE;
        }
      *equals = '\0';
      if (!pm_unit_parse_value (unit, g_strstrip (equals + 1), &value, error))
        {
          /* Translators: a site's name, then why its value was refused */
          g_prefix_error (error, _("%s: "), g_strstrip (part));
          return FALSE;
        }
      pm_progress_entry_add_site (entry, g_strstrip (part), value);
    }

  /* Counts and money by site are totalled; a value given beside them
   * must be their sum. */
  return pm_limits_check_entry (entry, error) &&
         pm_progress_entry_total_sites (entry, unit, error);
}

gboolean
_pm_progress_import_same_parts (PmProgressEntry *a,
                                PmProgressEntry *b)
{
  if (pm_progress_entry_has_fraction (a) != pm_progress_entry_has_fraction (b))
    return FALSE;

  return !pm_progress_entry_has_fraction (a) ||
         (pm_progress_entry_get_numerator (a) == pm_progress_entry_get_numerator (b) &&
          pm_progress_entry_get_denominator (a) == pm_progress_entry_get_denominator (b));
}

static gboolean
held_above_one (PmKpi           *kpi,
                PmProgressEntry *entry)
{
  PmBaseline *baseline = pm_kpi_get_baseline (kpi);
  GListModel *entries = pm_kpi_get_entries (kpi);
  PmPeriod *period = pm_progress_entry_get_period (entry);

  if (pm_baseline_has_value (baseline) && pm_baseline_get_value (baseline) > 1)
    return TRUE;

  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(PmProgressEntry) other = g_list_model_get_item (entries, i);

      if (pm_period_compare (pm_progress_entry_get_period (other), period) != 0 &&
          pm_progress_entry_has_value (other) && pm_progress_entry_get_value (other) > 1)
        return TRUE;
    }

  return FALSE;
}

char *
_pm_progress_import_check_fraction (PmKpi           *kpi,
                                    PmProgressEntry *entry,
                                    double           max_in_file)
{
  double value;
  char given[G_ASCII_DTOSTR_BUF_SIZE];
  char meant[G_ASCII_DTOSTR_BUF_SIZE];

  if (pm_kpi_get_unit (kpi) != PM_UNIT_PERCENTAGE || !pm_progress_entry_has_value (entry) ||
      pm_progress_entry_has_fraction (entry))
    return NULL;

  value = pm_progress_entry_get_value (entry);
  if (value <= 0 || value > 1 || (max_in_file <= 1 && !held_above_one (kpi, entry)))
    return NULL;

  /* As typed, not rounded as a percentage prints (0.62 is not "0.6%"). */
  g_ascii_formatd (given, sizeof given, "%.6g", value);
  g_ascii_formatd (meant, sizeof meant, "%.6g", value * 100);
  /* Translators: a warning, not a refusal: “0.62 is kept as 0.62%, but
   * this KPI’s other values are above 1%: did you mean 62%?” */
  return g_strdup_printf (_("%s is kept as %s%%, but this KPI’s other values are above 1%%: "
                            "did you mean %s%%?"), given, given, meant);
}

static const char * const column_names[PM_IMPORT_N_COLUMNS] = {
  "district", "pilot", "kpi", "period", "value", "note", "numerator", "denominator", "value_sites",
};

gboolean
_pm_progress_import_find_columns (GStrv    header,
                                  int      columns[PM_IMPORT_N_COLUMNS],
                                  GError **error)
{
  for (guint c = 0; c < PM_IMPORT_N_COLUMNS; c++)
    columns[c] = -1;

  for (int i = 0; header[i] != NULL; i++)
    {
      g_autofree char *name = _pm_programme_names_fold (header[i]);

      for (guint c = 0; c < PM_IMPORT_N_COLUMNS; c++)
        if (g_strcmp0 (name, column_names[c]) == 0)
          {
            if (columns[c] >= 0)
              {
                g_set_error (error, PM_FILE_ERROR, PM_FILE_ERROR_WRONG_FORMAT,
                             _("The first line names the column “%s” twice."),
                             column_names[c]);
                return FALSE;
              }
            columns[c] = i;
          }
    }

  /* The note and a percentage's parts may be left out. */
  for (guint c = 0; c < PM_IMPORT_COL_NOTE; c++)
    if (columns[c] < 0)
      {
        g_set_error (error, PM_FILE_ERROR, PM_FILE_ERROR_WRONG_FORMAT,
                     _("The first line must name the columns district, pilot, kpi, period "
                       "and value (and may name note, numerator, denominator and value_sites); "
                       "there is no column “%s”."),
                     column_names[c]);
        return FALSE;
      }

  return TRUE;
}
