/* pm-programme-file-indicators.c: programme indicators in the programme file
 *
 * The programme's "indicators" come before its districts, so that each
 * KPI's "indicator" is checked as it is read: a key nobody defined, or a
 * KPI in another unit than its indicator, is refused with its path.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "pm-programme-file-private.h"

static gboolean
read_indicator (PmFileReader *r,
                gpointer      owner,
                JsonObject   *object,
                GError      **error)
{
  static const char * const fields[] = {
    "key", "name", "unit", "direction", "aggregation", NULL
  };
  PmProgramme *programme = owner;
  g_autoptr(PmIndicator) indicator = NULL;
  GError *local_error = NULL;
  const char *key, *name;
  int unit, direction, aggregation;
  gboolean has_aggregation;

  if (!_pm_file_check_members (r, object, fields, error)
      || !_pm_file_get_text (r, object, "key", TRUE, PM_FIELD_KPI_TITLE, &key, error)
      || !_pm_file_get_text (r, object, "name", TRUE, PM_FIELD_KPI_TITLE, &name, error)
      || !_pm_file_get_enum (r, object, "unit", TRUE, PM_TYPE_UNIT, _("unit"), &unit, error)
      || !_pm_file_get_enum (r, object, "direction", TRUE, PM_TYPE_DIRECTION, _("direction"),
                             &direction, error))
    return FALSE;

  has_aggregation = json_object_has_member (object, "aggregation");
  aggregation = pm_aggregation_default_for_unit (unit);
  if (has_aggregation
      && !_pm_file_get_enum (r, object, "aggregation", TRUE, PM_TYPE_AGGREGATION,
                             _("aggregation rule"), &aggregation, error))
    return FALSE;
  if (key[0] == '\0')
    return _pm_file_error (r, error, PM_FILE_ERROR_INVALID, "key",
                           _("an indicator needs a key for its KPIs to name it by"));
  if (!pm_aggregation_validate (aggregation, unit, &local_error))
    return _pm_file_model_error (r, error, "aggregation", local_error);

  indicator = pm_indicator_new (key, name, unit, direction, aggregation);
  if (!pm_programme_add_indicator (programme, indicator, &local_error))
    return _pm_file_model_error (r, error, "key", local_error);

  return TRUE;
}

gboolean
_pm_file_read_indicators (PmFileReader  *r,
                          JsonObject    *object,
                          PmProgramme   *programme,
                          GError       **error)
{
  r->programme = programme;
  return _pm_file_read_each (r, object, "indicators", FALSE, PM_LIST_KPIS, read_indicator,
                             programme, error);
}

gboolean
_pm_file_read_kpi_indicator (PmFileReader  *r,
                             JsonObject    *object,
                             PmKpi         *kpi,
                             GError       **error)
{
  const char *key;
  PmIndicator *indicator;
  PmUnit unit;

  if (!_pm_file_get_string (r, object, "indicator", FALSE, &key, error))
    return FALSE;
  if (key == NULL)
    return TRUE;

  indicator = r->programme != NULL ? pm_programme_find_indicator (r->programme, key) : NULL;
  if (indicator == NULL)
    return _pm_file_error (r, error, PM_FILE_ERROR_INVALID, "indicator",
                           _("there is no indicator “%s”: define it in the programme’s "
                             "“indicators” first"), key);

  unit = pm_indicator_get_unit (indicator);
  if (unit != pm_kpi_get_unit (kpi))
    return _pm_file_error (r, error, PM_FILE_ERROR_INVALID, "indicator",
                           /* Translators: the indicator's key, then two units, "percentage", "count" */
                           _("the indicator “%s” is measured in %s but this KPI in %s: "
                             "a total needs them alike"),
                           key, pm_enum_to_name (PM_TYPE_UNIT, unit),
                           pm_enum_to_name (PM_TYPE_UNIT, pm_kpi_get_unit (kpi)));

  pm_kpi_set_indicator (kpi, key);
  return TRUE;
}

void
_pm_file_write_indicators (JsonBuilder *b,
                           PmProgramme *programme)
{
  GListModel *indicators = pm_programme_get_indicators (programme);
  guint n = g_list_model_get_n_items (indicators);

  if (n == 0)
    return;

  json_builder_set_member_name (b, "indicators");
  json_builder_begin_array (b);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PmIndicator) indicator = g_list_model_get_item (indicators, i);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "key");
      json_builder_add_string_value (b, pm_indicator_get_key (indicator));
      json_builder_set_member_name (b, "name");
      json_builder_add_string_value (b, pm_indicator_get_name (indicator));
      json_builder_set_member_name (b, "unit");
      json_builder_add_string_value (b, pm_enum_to_name (PM_TYPE_UNIT, pm_indicator_get_unit (indicator)));
      json_builder_set_member_name (b, "direction");
      json_builder_add_string_value (b, pm_enum_to_name (PM_TYPE_DIRECTION,
                                                          pm_indicator_get_direction (indicator)));
      json_builder_set_member_name (b, "aggregation");
      json_builder_add_string_value (b, pm_enum_to_name (PM_TYPE_AGGREGATION,
                                                          pm_indicator_get_aggregation (indicator)));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}
