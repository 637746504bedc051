/* pm-store-structure.c: adding, renaming and deleting districts, pilots
 * and KPIs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "model/pm-kpi-rules.h"
#include "pm-store-private.h"

/* The KPI's values as stored, each of the frequency it is set to: a
 * value saved by someone else since the model was read counts too. */
static gboolean
check_stored_frequency (PmDatabase  *db,
                        PmKpi       *kpi,
                        GError     **error)
{
  g_autoptr(PmStatement) stmt = NULL;
  GError *local_error = NULL;

  stmt = pm_database_prepare (db, "SELECT period FROM progress WHERE kpi_id = ?1 ORDER BY period", error);
  if (stmt == NULL)
    return FALSE;
  pm_statement_bind_int64 (stmt, 1, pm_kpi_get_id (kpi));

  while (pm_statement_step (stmt, &local_error))
    {
      g_autoptr(PmPeriod) period = pm_period_parse (pm_statement_get_text (stmt, 0), NULL);

      if (period != NULL && !pm_kpi_check_frequency_change (kpi, pm_kpi_get_frequency (kpi), period, error))
        return FALSE;
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  return TRUE;
}

/* An instance of an indicator keeps the indicator's unit and direction,
 * as stored. */
static gboolean
check_stored_indicator (PmDatabase  *db,
                        PmKpi       *kpi,
                        GError     **error)
{
  g_autoptr(PmStatement) stmt = NULL;
  g_autoptr(PmIndicator) indicator = NULL;
  GError *local_error = NULL;
  int unit, direction;

  stmt = pm_database_prepare (db,
                              "SELECT i.key, i.name, i.unit, i.direction FROM indicator i, kpi k "
                              "WHERE k.id = ?1 AND i.id = k.indicator_id",
                              error);
  if (stmt == NULL)
    return FALSE;
  pm_statement_bind_int64 (stmt, 1, pm_kpi_get_id (kpi));

  if (!pm_statement_step (stmt, &local_error))
    {
      if (local_error == NULL)
        return TRUE;
      g_propagate_error (error, local_error);
      return FALSE;
    }

  /* The schema's CHECKs keep both names known. */
  if (!pm_enum_from_name (PM_TYPE_UNIT, pm_statement_get_text (stmt, 2), &unit)
      || !pm_enum_from_name (PM_TYPE_DIRECTION, pm_statement_get_text (stmt, 3), &direction))
    return TRUE;

  indicator = pm_indicator_new (pm_statement_get_text (stmt, 0), pm_statement_get_text (stmt, 1),
                                unit, direction, PM_AGGREGATION_NONE);
  return pm_kpi_check_indicator (kpi, indicator, error);
}

gboolean
pm_store_update_kpi (PmStore  *self,
                     PmKpi    *kpi,
                     GError  **error)
{
  g_autoptr(PmStatement) stmt = NULL;
  gboolean ok;

  g_return_val_if_fail (PM_IS_STORE (self), FALSE);
  g_return_val_if_fail (PM_IS_KPI (kpi), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (pm_kpi_get_id (kpi) == 0)
    return _pm_store_not_saved (error);

  if (!pm_limits_check_kpi (kpi, FALSE, error) ||
      !pm_kpi_check_frequency_change (kpi, pm_kpi_get_frequency (kpi), NULL, error))
    return FALSE;

  if (!_pm_store_begin_write (self, error))
    return FALSE;

  ok = check_stored_frequency (_pm_store_get_database (self), kpi, error) &&
       check_stored_indicator (_pm_store_get_database (self), kpi, error);
  if (ok)
    stmt = pm_database_prepare (_pm_store_get_database (self),
                                "UPDATE kpi SET title = ?2, unit = ?3, direction = ?4, "
                                "  measure = ?5, tolerance = ?6, data_source = ?7, data_notes = ?8, "
                                "  frequency = ?9 "
                                "WHERE id = ?1",
                                error);
  ok = ok && stmt != NULL;
  if (ok)
    {
      pm_statement_bind_int64 (stmt, 1, pm_kpi_get_id (kpi));
      pm_statement_bind_text (stmt, 2, pm_kpi_get_title (kpi));
      pm_statement_bind_text (stmt, 3, pm_enum_to_name (PM_TYPE_UNIT, pm_kpi_get_unit (kpi)));
      pm_statement_bind_text (stmt, 4, pm_enum_to_name (PM_TYPE_DIRECTION,
                                                        pm_kpi_get_direction (kpi)));
      pm_statement_bind_text (stmt, 5, pm_enum_to_name (PM_TYPE_MEASURE,
                                                        pm_kpi_get_measure (kpi)));
      pm_statement_bind_double (stmt, 6, pm_kpi_get_tolerance (kpi));
      pm_statement_bind_text (stmt, 7, pm_kpi_get_data_source (kpi));
      pm_statement_bind_text (stmt, 8, pm_kpi_get_data_notes (kpi));
      pm_statement_bind_text (stmt, 9, pm_enum_to_name (PM_TYPE_FREQUENCY, pm_kpi_get_frequency (kpi)));
      ok = pm_statement_execute (stmt, error) &&
           (pm_database_get_changes (_pm_store_get_database (self)) > 0 || _pm_store_gone (error));
    }

  return _pm_store_end_write (self, ok, error);
}

gboolean
pm_store_update_pilot (PmStore  *self,
                       PmPilot  *pilot,
                       GError  **error)
{
  g_autoptr(PmStatement) stmt = NULL;
  gint64 budget;
  gboolean ok;

  g_return_val_if_fail (PM_IS_STORE (self), FALSE);
  g_return_val_if_fail (PM_IS_PILOT (pilot), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (pm_pilot_get_id (pilot) == 0)
    return _pm_store_not_saved (error);

  if (!pm_limits_check_pilot (pilot, FALSE, error))
    return FALSE;

  if (!_pm_store_begin_write (self, error))
    return FALSE;

  stmt = pm_database_prepare (_pm_store_get_database (self),
                              "UPDATE pilot SET title = ?2, summary = ?3, focus_area = ?4, "
                              "  start_date = ?5, lead = ?6, delivery_status = " PM_STORE_DELIVERY_STATUS ("?7") ", "
                              "  status_note = ?8, budget_pence = ?9, funding = ?10, data_notes = ?11, "
                              "  delivery_stated = " PM_STORE_DELIVERY_STATED ("?7") ", reach_unit = ?12 "
                              "WHERE id = ?1",
                              error);
  ok = stmt != NULL;
  if (ok)
    {
      budget = pm_pilot_get_budget_pence (pilot);

      pm_statement_bind_int64 (stmt, 1, pm_pilot_get_id (pilot));
      pm_statement_bind_text (stmt, 2, pm_pilot_get_title (pilot));
      pm_statement_bind_text (stmt, 3, pm_pilot_get_summary (pilot));
      pm_statement_bind_text (stmt, 4, pm_pilot_get_focus_area (pilot));
      pm_statement_bind_text (stmt, 5, pm_pilot_get_start_date (pilot));
      pm_statement_bind_text (stmt, 6, pm_pilot_get_lead (pilot));
      pm_statement_bind_text (stmt, 7, pm_enum_to_name (PM_TYPE_DELIVERY_STATUS,
                                                        pm_pilot_get_delivery_status (pilot)));
      pm_statement_bind_text (stmt, 8, pm_pilot_get_status_note (pilot));
      if (budget >= 0)
        pm_statement_bind_int64 (stmt, 9, budget);
      else
        pm_statement_bind_null (stmt, 9);
      pm_statement_bind_text (stmt, 10, pm_pilot_get_funding (pilot));
      pm_statement_bind_text (stmt, 11, pm_pilot_get_data_notes (pilot));
      pm_statement_bind_text (stmt, 12, pm_pilot_get_reach_unit (pilot));
      ok = pm_statement_execute (stmt, error) &&
           (pm_database_get_changes (_pm_store_get_database (self)) > 0 || _pm_store_gone (error)) &&
           _pm_store_write_outcomes (_pm_store_get_database (self), pm_pilot_get_id (pilot), pilot, error);
    }

  return _pm_store_end_write (self, ok, error);
}

gboolean
pm_store_update_district (PmStore     *self,
                          PmDistrict  *district,
                          GError     **error)
{
  g_autoptr(PmStatement) stmt = NULL;
  gboolean ok;

  g_return_val_if_fail (PM_IS_STORE (self), FALSE);
  g_return_val_if_fail (PM_IS_DISTRICT (district), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (pm_district_get_id (district) == 0)
    return _pm_store_not_saved (error);

  if (!pm_limits_check_district (district, FALSE, error))
    return FALSE;

  if (!_pm_store_begin_write (self, error))
    return FALSE;

  stmt = pm_database_prepare (_pm_store_get_database (self),
                              "UPDATE district SET name = ?2 WHERE id = ?1", error);
  ok = stmt != NULL;
  if (ok)
    {
      pm_statement_bind_int64 (stmt, 1, pm_district_get_id (district));
      pm_statement_bind_text (stmt, 2, pm_district_get_name (district));
      ok = pm_statement_execute (stmt, error) &&
           (pm_database_get_changes (_pm_store_get_database (self)) > 0 || _pm_store_gone (error));
    }

  return _pm_store_end_write (self, ok, error);
}

void
_pm_store_bind_settings (PmStatement *stmt,
                         int          first,
                         PmProgramme *programme)
{
  pm_statement_bind_text (stmt, first, pm_programme_get_committee (programme));
  pm_statement_bind_text (stmt, first + 1, pm_programme_get_meeting_date (programme));
  pm_statement_bind_text (stmt, first + 2, pm_programme_get_report_title (programme));
  pm_statement_bind_text (stmt, first + 3, pm_programme_get_contact_officer (programme));
}

gboolean
pm_store_update_programme (PmStore      *self,
                           PmProgramme  *programme,
                           GError      **error)
{
  g_autoptr(PmStatement) stmt = NULL;
  gboolean ok;

  g_return_val_if_fail (PM_IS_STORE (self), FALSE);
  g_return_val_if_fail (PM_IS_PROGRAMME (programme), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (pm_programme_get_id (programme) == 0)
    return _pm_store_not_saved (error);

  if (!pm_limits_check_programme (programme, FALSE, error))
    return FALSE;

  if (!_pm_store_begin_write (self, error))
    return FALSE;

  stmt = pm_database_prepare (_pm_store_get_database (self),
                              "UPDATE programme SET name = ?2, description = ?3, committee = ?4, "
                              "  meeting_date = ?5, report_title = ?6, contact_officer = ?7 WHERE id = ?1",
                              error);
  ok = stmt != NULL;
  if (ok)
    {
      pm_statement_bind_int64 (stmt, 1, pm_programme_get_id (programme));
      pm_statement_bind_text (stmt, 2, pm_programme_get_name (programme));
      pm_statement_bind_text (stmt, 3, pm_programme_get_description (programme));
      _pm_store_bind_settings (stmt, 4, programme);
      ok = pm_statement_execute (stmt, error) &&
           (pm_database_get_changes (_pm_store_get_database (self)) > 0 || _pm_store_gone (error)) &&
           _pm_store_write_criteria (_pm_store_get_database (self), pm_programme_get_id (programme),
                                     programme, error);
    }

  return _pm_store_end_write (self, ok, error);
}

gboolean
pm_store_add_district (PmStore      *self,
                       PmProgramme  *programme,
                       PmDistrict   *district,
                       GError      **error)
{
  g_autoptr(PmIdList) ids = NULL;
  const char *name;
  gint64 programme_id;

  g_return_val_if_fail (PM_IS_STORE (self), FALSE);
  g_return_val_if_fail (PM_IS_PROGRAMME (programme), FALSE);
  g_return_val_if_fail (PM_IS_DISTRICT (district), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  programme_id = pm_programme_get_id (programme);
  if (programme_id == 0)
    return _pm_store_not_saved (error);
  if (pm_district_get_id (district) != 0)
    return _pm_store_already_saved (error);

  name = pm_district_get_name (district);
  if (pm_programme_find_district (programme, name) != NULL)
    {
      g_set_error (error, PM_MODEL_ERROR, PM_MODEL_ERROR_DUPLICATE,
                   _("There is already a district called “%s”."), name);
      return FALSE;
    }

  if (!_pm_store_begin_write (self, error))
    return FALSE;

  ids = _pm_id_list_new ();
  if (!_pm_store_end_write (self,
                  _pm_store_row_exists (self, PM_STORE_PROGRAMME_EXISTS, programme_id, error) &&
                  _pm_store_check_room (self, "SELECT count(*) FROM district WHERE programme_id = ?1",
                                        programme_id, PM_LIST_DISTRICTS, error) &&
                  _pm_store_insert_district (_pm_store_get_database (self), programme_id, district, ids, error),
                  error))
    return FALSE;

  if (!pm_programme_add_district (programme, district, error))
    return FALSE;

  _pm_id_list_apply (ids);
  return TRUE;
}

gboolean
pm_store_delete_district (PmStore      *self,
                          PmProgramme  *programme,
                          PmDistrict   *district,
                          GError      **error)
{
  g_return_val_if_fail (PM_IS_STORE (self), FALSE);
  g_return_val_if_fail (PM_IS_PROGRAMME (programme), FALSE);
  g_return_val_if_fail (PM_IS_DISTRICT (district), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (pm_programme_get_id (programme) == 0 || pm_district_get_id (district) == 0)
    return _pm_store_not_saved (error);

  if (!_pm_store_begin_write (self, error))
    return FALSE;

  /* The foreign keys take its pilots, KPIs and values with it. */
  if (!_pm_store_end_write (self,
                  _pm_store_change_row (self, "DELETE FROM district WHERE id = ?1 AND programme_id = ?2",
                              pm_district_get_id (district), pm_programme_get_id (programme),
                              error),
                  error))
    return _pm_store_name_accepted_quarter (self, PM_STORE_SCOPE_DISTRICT,
                                            pm_district_get_id (district), NULL, error);

  /* The list may hold the last reference: keep the object alive to
   * clear its id, for the caller that still points at it. */
  g_object_ref (district);
  pm_programme_remove_district (programme, district);
  pm_district_set_id (district, 0);
  g_object_unref (district);
  return TRUE;
}

gboolean
pm_store_add_pilot (PmStore     *self,
                    PmDistrict  *district,
                    PmPilot     *pilot,
                    GError     **error)
{
  g_autoptr(PmIdList) ids = NULL;
  gint64 district_id;

  g_return_val_if_fail (PM_IS_STORE (self), FALSE);
  g_return_val_if_fail (PM_IS_DISTRICT (district), FALSE);
  g_return_val_if_fail (PM_IS_PILOT (pilot), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  district_id = pm_district_get_id (district);
  if (district_id == 0)
    return _pm_store_not_saved (error);
  if (pm_pilot_get_id (pilot) != 0)
    return _pm_store_already_saved (error);

  if (!_pm_store_begin_write (self, error))
    return FALSE;

  ids = _pm_id_list_new ();
  if (!_pm_store_end_write (self,
                  _pm_store_row_exists (self, PM_STORE_DISTRICT_EXISTS, district_id, error) &&
                  _pm_store_check_room (self, "SELECT count(*) FROM pilot WHERE district_id = ?1",
                                        district_id, PM_LIST_PILOTS, error) &&
                  _pm_store_insert_pilot (_pm_store_get_database (self), district_id, pilot, ids, error),
                  error))
    return FALSE;

  _pm_id_list_apply (ids);
  pm_district_add_pilot (district, pilot);
  return TRUE;
}

gboolean
pm_store_delete_pilot (PmStore     *self,
                       PmDistrict  *district,
                       PmPilot     *pilot,
                       GError     **error)
{
  g_return_val_if_fail (PM_IS_STORE (self), FALSE);
  g_return_val_if_fail (PM_IS_DISTRICT (district), FALSE);
  g_return_val_if_fail (PM_IS_PILOT (pilot), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (pm_district_get_id (district) == 0 || pm_pilot_get_id (pilot) == 0)
    return _pm_store_not_saved (error);

  if (!_pm_store_begin_write (self, error))
    return FALSE;

  if (!_pm_store_end_write (self,
                  _pm_store_change_row (self, "DELETE FROM pilot WHERE id = ?1 AND district_id = ?2",
                              pm_pilot_get_id (pilot), pm_district_get_id (district), error),
                  error))
    return _pm_store_name_accepted_quarter (self, PM_STORE_SCOPE_PILOT,
                                            pm_pilot_get_id (pilot), NULL, error);

  /* The list may hold the last reference: keep the object alive to
   * clear its id, for the caller that still points at it. */
  g_object_ref (pilot);
  pm_district_remove_pilot (district, pilot);
  pm_pilot_set_id (pilot, 0);
  g_object_unref (pilot);
  return TRUE;
}

gboolean
pm_store_add_kpi (PmStore  *self,
                  PmPilot  *pilot,
                  PmKpi    *kpi,
                  GError  **error)
{
  g_autoptr(PmIdList) ids = NULL;
  gint64 pilot_id;

  g_return_val_if_fail (PM_IS_STORE (self), FALSE);
  g_return_val_if_fail (PM_IS_PILOT (pilot), FALSE);
  g_return_val_if_fail (PM_IS_KPI (kpi), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  pilot_id = pm_pilot_get_id (pilot);
  if (pilot_id == 0)
    return _pm_store_not_saved (error);
  if (pm_kpi_get_id (kpi) != 0)
    return _pm_store_already_saved (error);

  if (!pm_baseline_validate (pm_kpi_get_baseline (kpi), pm_kpi_get_unit (kpi), error))
    return FALSE;

  if (!_pm_store_begin_write (self, error))
    return FALSE;

  ids = _pm_id_list_new ();
  if (!_pm_store_end_write (self,
                  _pm_store_row_exists (self, PM_STORE_PILOT_EXISTS, pilot_id, error) &&
                  _pm_store_check_room (self, "SELECT count(*) FROM kpi WHERE pilot_id = ?1",
                                        pilot_id, PM_LIST_KPIS, error) &&
                  _pm_store_insert_kpi (_pm_store_get_database (self), pilot_id, kpi, ids, error),
                  error))
    return FALSE;

  _pm_id_list_apply (ids);
  pm_pilot_add_kpi (pilot, kpi);
  return TRUE;
}

gboolean
pm_store_delete_kpi (PmStore  *self,
                     PmPilot  *pilot,
                     PmKpi    *kpi,
                     GError  **error)
{
  g_return_val_if_fail (PM_IS_STORE (self), FALSE);
  g_return_val_if_fail (PM_IS_PILOT (pilot), FALSE);
  g_return_val_if_fail (PM_IS_KPI (kpi), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (pm_pilot_get_id (pilot) == 0 || pm_kpi_get_id (kpi) == 0)
    return _pm_store_not_saved (error);

  if (!_pm_store_begin_write (self, error))
    return FALSE;

  if (!_pm_store_end_write (self,
                  _pm_store_change_row (self, "DELETE FROM kpi WHERE id = ?1 AND pilot_id = ?2",
                              pm_kpi_get_id (kpi), pm_pilot_get_id (pilot), error),
                  error))
    return _pm_store_name_accepted_quarter (self, PM_STORE_SCOPE_KPI,
                                            pm_kpi_get_id (kpi), NULL, error);

  /* The list may hold the last reference: keep the object alive to
   * clear its id, for the caller that still points at it. */
  g_object_ref (kpi);
  pm_pilot_remove_kpi (pilot, kpi);
  pm_kpi_set_id (kpi, 0);
  g_object_unref (kpi);
  return TRUE;
}
