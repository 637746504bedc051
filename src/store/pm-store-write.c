/* pm-store-write.c: the SQL that writes model objects
 *
 * Each function here runs inside a transaction opened by its caller, and
 * touches no model object but to read it: the model changes only once the
 * write has committed (see pm-store.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "model/pm-site-value.h"

#include "pm-store-private.h"

struct _PmIdList
{
  GPtrArray *objects;
  GArray    *ids;
};

PmIdList *
_pm_id_list_new (void)
{
  PmIdList *list = g_new0 (PmIdList, 1);

  list->objects = g_ptr_array_new_with_free_func (g_object_unref);
  list->ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  return list;
}

void
_pm_id_list_free (PmIdList *list)
{
  if (list == NULL)
    return;

  g_clear_pointer (&list->objects, g_ptr_array_unref);
  g_clear_pointer (&list->ids, g_array_unref);
  g_free (list);
}

static void
id_list_add (PmIdList *list,
             gpointer  object,
             gint64    id)
{
  g_ptr_array_add (list->objects, g_object_ref (object));
  g_array_append_val (list->ids, id);
}

void
_pm_id_list_apply (PmIdList *list)
{
  for (guint i = 0; i < list->objects->len; i++)
    {
      gpointer object = g_ptr_array_index (list->objects, i);
      gint64 id = g_array_index (list->ids, gint64, i);

      if (PM_IS_PROGRAMME (object))
        pm_programme_set_id (object, id);
      else if (PM_IS_DISTRICT (object))
        pm_district_set_id (object, id);
      else if (PM_IS_PILOT (object))
        pm_pilot_set_id (object, id);
      else if (PM_IS_KPI (object))
        pm_kpi_set_id (object, id);
      else
        g_assert_not_reached ();
    }
}

void
_pm_store_bind_period (PmStatement *stmt,
                       int          index,
                       PmPeriod    *period)
{
  g_autofree char *code = NULL;

  if (period == NULL)
    {
      pm_statement_bind_null (stmt, index);
      return;
    }

  code = pm_period_to_code (period);
  pm_statement_bind_text (stmt, index, code);
}

static void
bind_enum (PmStatement *stmt,
           int          index,
           GType        enum_type,
           int          value)
{
  pm_statement_bind_text (stmt, index, pm_enum_to_name (enum_type, value));
}

/* Runs @sql with ?1 bound to @id. */
static gboolean
execute_with_id (PmDatabase  *db,
                 const char  *sql,
                 gint64       id,
                 GError     **error)
{
  g_autoptr(PmStatement) stmt = NULL;

  stmt = pm_database_prepare (db, sql, error);
  if (stmt == NULL)
    return FALSE;

  pm_statement_bind_int64 (stmt, 1, id);
  return pm_statement_execute (stmt, error);
}

/* Writes @strings as the rows of a (parent, position, text) list after
 * clearing the old ones. */
static gboolean
write_string_list (PmDatabase          *db,
                   const char          *delete_sql,
                   const char          *insert_sql,
                   gint64               parent_id,
                   const char * const  *strings,
                   GError             **error)
{
  g_autoptr(PmStatement) stmt = NULL;

  if (!execute_with_id (db, delete_sql, parent_id, error))
    return FALSE;

  if (strings == NULL || strings[0] == NULL)
    return TRUE;

  stmt = pm_database_prepare (db, insert_sql, error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; strings[i] != NULL; i++)
    {
      pm_statement_reset (stmt);
      pm_statement_bind_int64 (stmt, 1, parent_id);
      pm_statement_bind_int64 (stmt, 2, i);
      pm_statement_bind_text (stmt, 3, strings[i]);
      if (!pm_statement_execute (stmt, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
_pm_store_write_criteria (PmDatabase   *db,
                          gint64        programme_id,
                          PmProgramme  *programme,
                          GError      **error)
{
  return write_string_list (db,
                            "DELETE FROM design_criterion WHERE programme_id = ?1",
                            "INSERT INTO design_criterion (programme_id, position, text) "
                            "VALUES (?1, ?2, ?3)",
                            programme_id,
                            pm_programme_get_design_criteria (programme),
                            error);
}

gboolean
_pm_store_write_outcomes (PmDatabase  *db,
                          gint64       pilot_id,
                          PmPilot     *pilot,
                          GError     **error)
{
  return write_string_list (db,
                            "DELETE FROM key_outcome WHERE pilot_id = ?1",
                            "INSERT INTO key_outcome (pilot_id, position, text) "
                            "VALUES (?1, ?2, ?3)",
                            pilot_id,
                            pm_pilot_get_key_outcomes (pilot),
                            error);
}

static gboolean insert_district_at (PmDatabase  *db,
                                    gint64       programme_id,
                                    gint64       position,
                                    PmDistrict  *district,
                                    PmIdList    *ids,
                                    GError     **error);

gboolean
_pm_store_insert_programme (PmDatabase   *db,
                            PmProgramme  *programme,
                            PmIdList     *ids,
                            GError      **error)
{
  g_autoptr(PmStatement) stmt = NULL;
  GListModel *districts = pm_programme_get_districts (programme);
  gint64 id;

  if (!pm_limits_check_programme (programme, FALSE, error) ||
      !pm_limits_check_count (PM_LIST_DISTRICTS, g_list_model_get_n_items (districts), error))
    return FALSE;

  stmt = pm_database_prepare (db,
                              "INSERT INTO programme (name, description, committee, meeting_date, "
                              "                       report_title, contact_officer) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6) RETURNING id",
                              error);
  if (stmt == NULL)
    return FALSE;

  pm_statement_bind_text (stmt, 1, pm_programme_get_name (programme));
  pm_statement_bind_text (stmt, 2, pm_programme_get_description (programme));
  _pm_store_bind_settings (stmt, 3, programme);
  id = pm_statement_insert (stmt, error);
  if (id == 0)
    return FALSE;
  id_list_add (ids, programme, id);

  if (!_pm_store_write_criteria (db, id, programme, error) ||
      !_pm_store_write_indicators (db, id, programme, error))
    return FALSE;

  /* Positions given, not looked up: districts have no index by position,
   * and looking up the last one for each would make this quadratic. */
  for (guint i = 0; i < g_list_model_get_n_items (districts); i++)
    {
      g_autoptr(PmDistrict) district = g_list_model_get_item (districts, i);

      if (!insert_district_at (db, id, i, district, ids, error))
        return FALSE;
    }

  return TRUE;
}

/* At @position, or after the last district when it is -1. */
static gboolean
insert_district_at (PmDatabase  *db,
                    gint64       programme_id,
                    gint64       position,
                    PmDistrict  *district,
                    PmIdList    *ids,
                    GError     **error)
{
  g_autoptr(PmStatement) stmt = NULL;
  GListModel *pilots = pm_district_get_pilots (district);
  gint64 id;

  if (!pm_limits_check_district (district, FALSE, error) ||
      !pm_limits_check_count (PM_LIST_PILOTS, g_list_model_get_n_items (pilots), error))
    return FALSE;

  if (position >= 0)
    stmt = pm_database_prepare (db,
                                "INSERT INTO district (programme_id, position, name) "
                                "VALUES (?1, ?3, ?2) RETURNING id",
                                error);
  else
    stmt = pm_database_prepare (db,
                                "INSERT INTO district (programme_id, position, name) "
                                "VALUES (?1, (SELECT coalesce (max (position) + 1, 0) FROM district "
                                "             WHERE programme_id = ?1), ?2) RETURNING id",
                                error);
  if (stmt == NULL)
    return FALSE;

  pm_statement_bind_int64 (stmt, 1, programme_id);
  pm_statement_bind_text (stmt, 2, pm_district_get_name (district));
  if (position >= 0)
    pm_statement_bind_int64 (stmt, 3, position);
  id = pm_statement_insert (stmt, error);
  if (id == 0)
    return FALSE;
  id_list_add (ids, district, id);

  for (guint i = 0; i < g_list_model_get_n_items (pilots); i++)
    {
      g_autoptr(PmPilot) pilot = g_list_model_get_item (pilots, i);

      if (!_pm_store_insert_pilot (db, id, pilot, ids, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
_pm_store_insert_district (PmDatabase  *db,
                           gint64       programme_id,
                           PmDistrict  *district,
                           PmIdList    *ids,
                           GError     **error)
{
  return insert_district_at (db, programme_id, -1, district, ids, error);
}

static gboolean
insert_provider (PmDatabase  *db,
                 gint64       pilot_id,
                 PmProvider  *provider,
                 GError     **error)
{
  g_autoptr(PmStatement) stmt = NULL;

  if (!pm_limits_check_provider (provider, error))
    return FALSE;

  stmt = pm_database_prepare (db,
                              "INSERT INTO provider (pilot_id, position, name, full_name, reach_target) "
                              "VALUES (?1, (SELECT coalesce (max (position) + 1, 0) FROM provider "
                              "             WHERE pilot_id = ?1), ?2, ?3, ?4)",
                              error);
  if (stmt == NULL)
    return FALSE;

  pm_statement_bind_int64 (stmt, 1, pilot_id);
  pm_statement_bind_text (stmt, 2, pm_provider_get_name (provider));
  pm_statement_bind_text (stmt, 3, pm_provider_get_full_name (provider));
  pm_statement_bind_int64 (stmt, 4, pm_provider_get_reach_target (provider));

  return pm_statement_execute (stmt, error);
}

/* Calls @write on every item of @list. */
static gboolean
write_each (PmDatabase  *db,
            gint64       parent_id,
            GListModel  *list,
            gboolean   (*write) (PmDatabase *, gint64, gpointer, GError **),
            GError     **error)
{
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, i);

      if (!write (db, parent_id, item, error))
        return FALSE;
    }

  return TRUE;
}

/* Adapters with the signature write_each() wants. */
static gboolean
write_provider_cb (PmDatabase  *db,
                   gint64       id,
                   gpointer     item,
                   GError     **error)
{
  return insert_provider (db, id, item, error);
}

static gboolean
write_reach_cb (PmDatabase  *db,
                gint64       id,
                gpointer     item,
                GError     **error)
{
  return _pm_store_write_reach (db, id, item, error);
}

static gboolean
write_spend_cb (PmDatabase  *db,
                gint64       id,
                gpointer     item,
                GError     **error)
{
  return _pm_store_insert_spend (db, id, item, error);
}

static gboolean
write_narrative_cb (PmDatabase  *db,
                    gint64       id,
                    gpointer     item,
                    GError     **error)
{
  return _pm_store_write_narrative (db, id, item, error);
}

static gboolean
write_target_cb (PmDatabase  *db,
                 gint64       id,
                 gpointer     item,
                 GError     **error)
{
  return _pm_store_insert_target (db, id, item, error);
}

static gboolean
write_entry_cb (PmDatabase  *db,
                gint64       id,
                gpointer     item,
                GError     **error)
{
  return _pm_store_write_entry (db, id, item, error) && _pm_store_write_entry_sites (db, id, item, error);
}

gboolean
_pm_store_insert_pilot (PmDatabase  *db,
                        gint64       district_id,
                        PmPilot     *pilot,
                        PmIdList    *ids,
                        GError     **error)
{
  g_autoptr(PmStatement) stmt = NULL;
  GListModel *kpis = pm_pilot_get_kpis (pilot);
  gint64 budget;
  gint64 id;

  if (!pm_limits_check_pilot (pilot, FALSE, error) ||
      !pm_limits_check_count (PM_LIST_PROVIDERS, g_list_model_get_n_items (pm_pilot_get_providers (pilot)),
                              error) ||
      !pm_limits_check_count (PM_LIST_REACH, g_list_model_get_n_items (pm_pilot_get_reach (pilot)), error) ||
      !pm_limits_check_count (PM_LIST_SPEND, g_list_model_get_n_items (pm_pilot_get_spend (pilot)), error) ||
      !pm_limits_check_count (PM_LIST_NARRATIVES, g_list_model_get_n_items (pm_pilot_get_narratives (pilot)),
                              error) ||
      !pm_limits_check_count (PM_LIST_KPIS, g_list_model_get_n_items (kpis), error))
    return FALSE;

  stmt = pm_database_prepare (db,
                              "INSERT INTO pilot (district_id, position, title, summary, focus_area, "
                              "                   start_date, lead, delivery_status, status_note, "
                              "                   budget_pence, funding, data_notes, delivery_stated, reach_unit) "
                              "VALUES (?1, (SELECT coalesce (max (position) + 1, 0) FROM pilot "
                              "             WHERE district_id = ?1), "
                              "        ?2, ?3, ?4, ?5, ?6, " PM_STORE_DELIVERY_STATUS ("?7") ", ?8, ?9, ?10, ?11, "
                              "        " PM_STORE_DELIVERY_STATED ("?7") ", ?12) RETURNING id",
                              error);
  if (stmt == NULL)
    return FALSE;

  budget = pm_pilot_get_budget_pence (pilot);

  pm_statement_bind_int64 (stmt, 1, district_id);
  pm_statement_bind_text (stmt, 2, pm_pilot_get_title (pilot));
  pm_statement_bind_text (stmt, 3, pm_pilot_get_summary (pilot));
  pm_statement_bind_text (stmt, 4, pm_pilot_get_focus_area (pilot));
  pm_statement_bind_text (stmt, 5, pm_pilot_get_start_date (pilot));
  pm_statement_bind_text (stmt, 6, pm_pilot_get_lead (pilot));
  bind_enum (stmt, 7, PM_TYPE_DELIVERY_STATUS, pm_pilot_get_delivery_status (pilot));
  pm_statement_bind_text (stmt, 8, pm_pilot_get_status_note (pilot));
  /* -1 in the model is "not known", NULL here. */
  if (budget >= 0)
    pm_statement_bind_int64 (stmt, 9, budget);
  else
    pm_statement_bind_null (stmt, 9);
  pm_statement_bind_text (stmt, 10, pm_pilot_get_funding (pilot));
  pm_statement_bind_text (stmt, 11, pm_pilot_get_data_notes (pilot));
  pm_statement_bind_text (stmt, 12, pm_pilot_get_reach_unit (pilot));
  id = pm_statement_insert (stmt, error);
  if (id == 0)
    return FALSE;
  id_list_add (ids, pilot, id);

  /* Providers before reach: a reach entry names its provider. */
  if (!_pm_store_write_outcomes (db, id, pilot, error) ||
      !write_each (db, id, pm_pilot_get_providers (pilot), write_provider_cb, error) ||
      !write_each (db, id, pm_pilot_get_reach (pilot), write_reach_cb, error) ||
      !write_each (db, id, pm_pilot_get_spend (pilot), write_spend_cb, error) ||
      !write_each (db, id, pm_pilot_get_narratives (pilot), write_narrative_cb, error))
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (kpis); i++)
    {
      g_autoptr(PmKpi) kpi = g_list_model_get_item (kpis, i);

      if (!_pm_store_insert_kpi (db, id, kpi, ids, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
_pm_store_insert_kpi (PmDatabase  *db,
                      gint64       pilot_id,
                      PmKpi       *kpi,
                      PmIdList    *ids,
                      GError     **error)
{
  g_autoptr(PmStatement) stmt = NULL;
  gint64 id;

  if (!pm_limits_check_kpi (kpi, FALSE, error) ||
      !pm_limits_check_count (PM_LIST_TARGETS, g_list_model_get_n_items (pm_kpi_get_targets (kpi)), error) ||
      !pm_limits_check_count (PM_LIST_VALUES, g_list_model_get_n_items (pm_kpi_get_entries (kpi)), error))
    return FALSE;

  stmt = pm_database_prepare (db,
                              "INSERT INTO kpi (pilot_id, position, title, unit, direction, measure, "
                              "                 tolerance, data_source, data_notes, frequency) "
                              "VALUES (?1, (SELECT coalesce (max (position) + 1, 0) FROM kpi "
                              "             WHERE pilot_id = ?1), "
                              "        ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) RETURNING id",
                              error);
  if (stmt == NULL)
    return FALSE;

  pm_statement_bind_int64 (stmt, 1, pilot_id);
  pm_statement_bind_text (stmt, 2, pm_kpi_get_title (kpi));
  bind_enum (stmt, 3, PM_TYPE_UNIT, pm_kpi_get_unit (kpi));
  bind_enum (stmt, 4, PM_TYPE_DIRECTION, pm_kpi_get_direction (kpi));
  bind_enum (stmt, 5, PM_TYPE_MEASURE, pm_kpi_get_measure (kpi));
  pm_statement_bind_double (stmt, 6, pm_kpi_get_tolerance (kpi));
  pm_statement_bind_text (stmt, 7, pm_kpi_get_data_source (kpi));
  pm_statement_bind_text (stmt, 8, pm_kpi_get_data_notes (kpi));
  bind_enum (stmt, 9, PM_TYPE_FREQUENCY, pm_kpi_get_frequency (kpi));
  id = pm_statement_insert (stmt, error);
  if (id == 0)
    return FALSE;
  id_list_add (ids, kpi, id);

  return _pm_store_write_kpi_indicator (db, id, kpi, error) &&
         _pm_store_write_baseline (db, id, pm_kpi_get_baseline (kpi), error) &&
         write_each (db, id, pm_kpi_get_targets (kpi), write_target_cb, error) &&
         write_each (db, id, pm_kpi_get_entries (kpi), write_entry_cb, error);
}

gboolean
_pm_store_write_baseline (PmDatabase  *db,
                          gint64       kpi_id,
                          PmBaseline  *baseline,
                          GError     **error)
{
  g_autoptr(PmStatement) stmt = NULL;
  gboolean is_value;
  GListModel *sites;

  if (!pm_limits_check_baseline (baseline, error))
    return FALSE;

  if (!execute_with_id (db, "DELETE FROM baseline_site WHERE kpi_id = ?1", kpi_id, error))
    return FALSE;

  stmt = pm_database_prepare (db,
                              "INSERT INTO baseline (kpi_id, state, value, numerator, denominator, "
                              "                      date, note, period, source) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) "
                              "ON CONFLICT (kpi_id) DO UPDATE SET "
                              "  state = excluded.state, value = excluded.value, "
                              "  numerator = excluded.numerator, denominator = excluded.denominator, "
                              "  date = excluded.date, note = excluded.note, "
                              "  period = excluded.period, source = excluded.source",
                              error);
  if (stmt == NULL)
    return FALSE;

  is_value = pm_baseline_get_state (baseline) == PM_BASELINE_VALUE;

  pm_statement_bind_int64 (stmt, 1, kpi_id);
  bind_enum (stmt, 2, PM_TYPE_BASELINE_STATE, pm_baseline_get_state (baseline));
  if (is_value && pm_baseline_has_value (baseline))
    pm_statement_bind_double (stmt, 3, pm_baseline_get_value (baseline));
  else
    pm_statement_bind_null (stmt, 3);
  if (is_value && pm_baseline_has_fraction (baseline))
    {
      pm_statement_bind_double (stmt, 4, pm_baseline_get_numerator (baseline));
      pm_statement_bind_double (stmt, 5, pm_baseline_get_denominator (baseline));
    }
  else
    {
      pm_statement_bind_null (stmt, 4);
      pm_statement_bind_null (stmt, 5);
    }
  pm_statement_bind_text (stmt, 6, pm_baseline_get_date (baseline));
  pm_statement_bind_text (stmt, 7, pm_baseline_get_note (baseline));
  _pm_store_bind_period (stmt, 8, pm_baseline_get_period (baseline));
  pm_statement_bind_text (stmt, 9, pm_baseline_get_source (baseline));
  if (!pm_statement_execute (stmt, error))
    return FALSE;

  g_clear_pointer (&stmt, pm_statement_free);

  sites = pm_baseline_get_sites (baseline);
  if (g_list_model_get_n_items (sites) == 0)
    return TRUE;

  stmt = pm_database_prepare (db,
                              "INSERT INTO baseline_site (kpi_id, position, site, value) "
                              "VALUES (?1, ?2, ?3, ?4)",
                              error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (sites); i++)
    {
      g_autoptr(PmSiteValue) site = g_list_model_get_item (sites, i);

      pm_statement_reset (stmt);
      pm_statement_bind_int64 (stmt, 1, kpi_id);
      pm_statement_bind_int64 (stmt, 2, i);
      pm_statement_bind_text (stmt, 3, pm_site_value_get_site (site));
      pm_statement_bind_double (stmt, 4, pm_site_value_get_value (site));
      if (!pm_statement_execute (stmt, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
_pm_store_insert_target (PmDatabase  *db,
                         gint64       kpi_id,
                         PmTarget    *target,
                         GError     **error)
{
  g_autoptr(PmStatement) stmt = NULL;

  if (!pm_limits_check_target (target, error))
    return FALSE;

  stmt = pm_database_prepare (db,
                              "INSERT INTO target (kpi_id, value, date, set_on, reason, milestone) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                              error);
  if (stmt == NULL)
    return FALSE;

  pm_statement_bind_int64 (stmt, 1, kpi_id);
  pm_statement_bind_double (stmt, 2, pm_target_get_value (target));
  pm_statement_bind_text (stmt, 3, pm_target_get_date (target));
  pm_statement_bind_text (stmt, 4, pm_target_get_set_on (target));
  pm_statement_bind_text (stmt, 5, pm_target_get_reason (target));
  pm_statement_bind_int64 (stmt, 6, pm_target_get_milestone (target));

  return pm_statement_execute (stmt, error);
}

#define ENTRY_UPSERT \
  "INSERT INTO progress (kpi_id, period, value, numerator, denominator, " \
  "                      note, updated_at) " \
  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) " \
  "ON CONFLICT (kpi_id, period) DO UPDATE SET " \
  "  value = excluded.value, numerator = excluded.numerator, " \
  "  denominator = excluded.denominator, note = excluded.note, " \
  "  updated_at = excluded.updated_at, revision = progress.revision + 1 "

PmStatement *
_pm_store_prepare_entry_write (PmDatabase  *db,
                               GError     **error)
{
  return pm_database_prepare (db, ENTRY_UPSERT "RETURNING revision", error);
}

static void
bind_entry (PmStatement     *stmt,
            gint64           kpi_id,
            PmProgressEntry *entry)
{
  pm_statement_reset (stmt);
  pm_statement_bind_int64 (stmt, 1, kpi_id);
  _pm_store_bind_period (stmt, 2, pm_progress_entry_get_period (entry));
  if (pm_progress_entry_has_value (entry))
    pm_statement_bind_double (stmt, 3, pm_progress_entry_get_value (entry));
  else
    pm_statement_bind_null (stmt, 3);
  if (pm_progress_entry_has_value (entry) && pm_progress_entry_has_fraction (entry))
    {
      pm_statement_bind_double (stmt, 4, pm_progress_entry_get_numerator (entry));
      pm_statement_bind_double (stmt, 5, pm_progress_entry_get_denominator (entry));
    }
  else
    {
      pm_statement_bind_null (stmt, 4);
      pm_statement_bind_null (stmt, 5);
    }
  pm_statement_bind_text (stmt, 6, pm_progress_entry_get_note (entry));
  pm_statement_bind_now (stmt, 7);
}

/* Steps a write that returns the row's new revision; FALSE without an
 * error when it returned none (a conditional write that did not match). */
static gboolean
take_revision (PmStatement      *stmt,
               PmProgressEntry  *entry,
               GError          **error)
{
  GError *local_error = NULL;
  gint64 revision;

  if (!pm_statement_step (stmt, &local_error))
    {
      if (local_error != NULL)
        g_propagate_error (error, local_error);
      return FALSE;
    }

  revision = pm_statement_get_int64 (stmt, 0);
  if (!pm_statement_execute (stmt, error))
    return FALSE;
  pm_progress_entry_set_revision (entry, revision);
  return TRUE;
}

gboolean
_pm_store_run_entry_write (PmStatement      *stmt,
                           gint64            kpi_id,
                           PmProgressEntry  *entry,
                           GError          **error)
{
  GError *local_error = NULL;

  if (!pm_limits_check_entry (entry, error))
    return FALSE;

  bind_entry (stmt, kpi_id, entry);
  if (take_revision (stmt, entry, &local_error))
    return TRUE;

  if (local_error == NULL)
    g_set_error_literal (&local_error, PM_STORE_ERROR, PM_STORE_ERROR_IO,
                         "The value was written but its row version was not returned");
  g_propagate_error (error, local_error);
  return FALSE;
}

gboolean
_pm_store_write_entry (PmDatabase       *db,
                       gint64            kpi_id,
                       PmProgressEntry  *entry,
                       GError          **error)
{
  g_autoptr(PmStatement) stmt = _pm_store_prepare_entry_write (db, error);

  return stmt != NULL && _pm_store_run_entry_write (stmt, kpi_id, entry, error);
}

gboolean
_pm_store_write_entry_if_unchanged (PmDatabase       *db,
                                    gint64            kpi_id,
                                    PmProgressEntry  *entry,
                                    gint64            expected,
                                    gboolean         *written,
                                    GError          **error)
{
  g_autoptr(PmStatement) stmt = NULL;
  GError *local_error = NULL;

  if (!pm_limits_check_entry (entry, error))
    return FALSE;

  /* The update only happens if the row is still at the revision the
   * caller read; a row that exists when the caller saw none (expected
   * 0) never matches, since revisions start at 1. */
  stmt = pm_database_prepare (db,
                              ENTRY_UPSERT "WHERE progress.revision = ?8 RETURNING revision",
                              error);
  if (stmt == NULL)
    return FALSE;

  bind_entry (stmt, kpi_id, entry);
  pm_statement_bind_int64 (stmt, 8, expected);
  *written = take_revision (stmt, entry, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  return TRUE;
}

void
_pm_store_bind_entry (PmStatement     *stmt,
                      gint64           kpi_id,
                      PmProgressEntry *entry)
{
  bind_entry (stmt, kpi_id, entry);
}
