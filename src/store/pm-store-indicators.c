/* pm-store-indicators.c: the programme's indicators in the database
 *
 * Indicators are written with the programme, before its districts, and a
 * KPI names its indicator by row id; the model names it by key, so the
 * key is looked up within the KPI's own programme as it is written.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pm-store-private.h"

gboolean
_pm_store_write_indicators (PmDatabase   *db,
                            gint64        programme_id,
                            PmProgramme  *programme,
                            GError      **error)
{
  GListModel *indicators = pm_programme_get_indicators (programme);
  guint n = g_list_model_get_n_items (indicators);

  if (!pm_limits_check_count (PM_LIST_KPIS, n, error))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PmIndicator) indicator = g_list_model_get_item (indicators, i);
      g_autoptr(PmStatement) stmt = NULL;

      stmt = pm_database_prepare (db,
                                  "INSERT INTO indicator (programme_id, position, key, name, unit, "
                                  "                       direction, aggregation) "
                                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                                  error);
      if (stmt == NULL)
        return FALSE;
      pm_statement_bind_int64 (stmt, 1, programme_id);
      pm_statement_bind_int64 (stmt, 2, i);
      pm_statement_bind_text (stmt, 3, pm_indicator_get_key (indicator));
      pm_statement_bind_text (stmt, 4, pm_indicator_get_name (indicator));
      pm_statement_bind_text (stmt, 5, pm_enum_to_name (PM_TYPE_UNIT, pm_indicator_get_unit (indicator)));
      pm_statement_bind_text (stmt, 6, pm_enum_to_name (PM_TYPE_DIRECTION,
                                                        pm_indicator_get_direction (indicator)));
      pm_statement_bind_text (stmt, 7, pm_enum_to_name (PM_TYPE_AGGREGATION,
                                                        pm_indicator_get_aggregation (indicator)));
      if (!pm_statement_execute (stmt, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
_pm_store_write_kpi_indicator (PmDatabase  *db,
                               gint64       kpi_id,
                               PmKpi       *kpi,
                               GError     **error)
{
  g_autoptr(PmStatement) stmt = NULL;

  if (pm_kpi_get_indicator (kpi) == NULL)
    return TRUE;

  stmt = pm_database_prepare (db,
                              "UPDATE kpi SET indicator_id = "
                              "  (SELECT i.id FROM indicator i, pilot p, district d "
                              "   WHERE p.id = kpi.pilot_id AND d.id = p.district_id "
                              "     AND i.programme_id = d.programme_id AND i.key = ?2) "
                              "WHERE id = ?1",
                              error);
  if (stmt == NULL)
    return FALSE;
  pm_statement_bind_int64 (stmt, 1, kpi_id);
  pm_statement_bind_text (stmt, 2, pm_kpi_get_indicator (kpi));

  return pm_statement_execute (stmt, error);
}

gboolean
_pm_store_read_indicators (PmDatabase   *db,
                           PmProgramme  *programme,
                           GError      **error)
{
  g_autoptr(PmStatement) stmt = NULL;
  GError *local_error = NULL;
  int version = 0;

  /* Schema 11 and older (read-only, so not migrated) have none. */
  if (!pm_database_get_schema_version (db, &version, error))
    return FALSE;
  if (version < 12)
    return TRUE;

  stmt = pm_database_prepare (db,
                              "SELECT key, name, unit, direction, aggregation FROM indicator "
                              "WHERE programme_id = ?1 ORDER BY position, id",
                              error);
  if (stmt == NULL)
    return FALSE;
  pm_statement_bind_int64 (stmt, 1, pm_programme_get_id (programme));

  while (pm_statement_step (stmt, &local_error))
    {
      g_autoptr(PmIndicator) indicator = NULL;
      int unit, direction, aggregation;

      if (!_pm_store_read_enum (db, PM_TYPE_UNIT, pm_statement_get_text (stmt, 2), &unit, error) ||
          !_pm_store_read_enum (db, PM_TYPE_DIRECTION, pm_statement_get_text (stmt, 3), &direction, error) ||
          !_pm_store_read_enum (db, PM_TYPE_AGGREGATION, pm_statement_get_text (stmt, 4), &aggregation, error))
        return FALSE;

      indicator = pm_indicator_new (pm_statement_get_text (stmt, 0), pm_statement_get_text (stmt, 1),
                                    unit, direction, aggregation);
      if (!pm_programme_add_indicator (programme, indicator, error))
        return FALSE;
    }

  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  return TRUE;
}
