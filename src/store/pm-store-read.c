/* pm-store-read.c: builds the model from the database
 *
 * Objects are filled in through the model's own setters and add functions,
 * so what is loaded passes the same rules as what a person types.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "model/pm-date.h"
#include "model/pm-site-value.h"

#include "pm-store-private.h"

/* Prepares @sql with ?1 bound to @id. */
static PmStatement *
prepare_with_id (PmDatabase  *db,
                 const char  *sql,
                 gint64       id,
                 GError     **error)
{
  PmStatement *stmt = pm_database_prepare (db, sql, error);

  if (stmt != NULL)
    pm_statement_bind_int64 (stmt, 1, id);

  return stmt;
}

static gboolean
read_enum (PmDatabase   *db,
           GType         enum_type,
           const char   *name,
           int          *value,
           GError      **error)
{
  g_autofree char *display_name = NULL;
  g_autofree char *shown = NULL;

  if (name != NULL && pm_enum_from_name (enum_type, name, value))
    return TRUE;

  /* The text may be a damaged file's bytes: messages stay UTF-8. */
  shown = g_utf8_make_valid (name != NULL ? name : "", -1);
  display_name = g_filename_display_basename (pm_database_get_path (db));
  g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_CORRUPT,
               _("“%s” holds “%s”, which this version of Pilot Monitor does not understand."),
               display_name, shown);
  return FALSE;
}

/* A period column, or NULL (without error) when the column is NULL. */
static gboolean
read_period (PmStatement  *stmt,
             int           column,
             PmPeriod    **period,
             GError      **error)
{
  const char *code = pm_statement_get_text (stmt, column);

  *period = NULL;
  if (code == NULL)
    return TRUE;

  *period = pm_period_parse (code, error);
  return *period != NULL;
}

/* Steps @stmt over rows of one text column into a NULL-terminated array. */
static char **
read_strings (PmStatement  *stmt,
              GError      **error)
{
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  GError *local_error = NULL;

  while (pm_statement_step (stmt, &local_error))
    g_ptr_array_add (strings, g_strdup (pm_statement_get_text (stmt, 0)));

  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }

  g_ptr_array_add (strings, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&strings), FALSE);
}

static PmBaseline *
read_baseline (PmDatabase  *db,
               gint64       kpi_id,
               PmUnit       unit,
               GError     **error)
{
  g_autoptr(PmStatement) stmt = NULL;
  g_autoptr(PmBaseline) baseline = NULL;
  g_autoptr(PmPeriod) period = NULL;
  GError *local_error = NULL;
  int state;

  stmt = prepare_with_id (db,
                          "SELECT state, value, numerator, denominator, date, note, period, source "
                          "FROM baseline WHERE kpi_id = ?1",
                          kpi_id, error);
  if (stmt == NULL)
    return NULL;

  if (!pm_statement_step (stmt, &local_error))
    {
      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return NULL;
        }

      /* Every KPI is written with its baseline; keep the model's default
       * rather than refuse the whole programme. */
      return pm_baseline_new_state (PM_BASELINE_TO_BE_CONFIRMED);
    }

  if (!read_enum (db, PM_TYPE_BASELINE_STATE, pm_statement_get_text (stmt, 0), &state, error) ||
      !read_period (stmt, 6, &period, error))
    return NULL;

  if (state != PM_BASELINE_VALUE)
    baseline = pm_baseline_new_state (state);
  else if (pm_statement_is_null (stmt, 1))
    baseline = pm_baseline_new_sites (NULL, NULL);
  else
    baseline = pm_baseline_new_value (pm_statement_get_double (stmt, 1), NULL, NULL);

  if (state == PM_BASELINE_VALUE &&
      !pm_statement_is_null (stmt, 2) && !pm_statement_is_null (stmt, 3) &&
      !pm_baseline_set_fraction (baseline,
                                 pm_statement_get_double (stmt, 2),
                                 pm_statement_get_double (stmt, 3),
                                 error))
    return NULL;

  pm_baseline_set_date (baseline, pm_statement_get_text (stmt, 4));
  pm_baseline_set_note (baseline, pm_statement_get_text (stmt, 5));
  if (period != NULL)
    pm_baseline_set_period (baseline, period);
  pm_baseline_set_source (baseline, pm_statement_get_text (stmt, 7));

  g_clear_pointer (&stmt, pm_statement_free);
  stmt = prepare_with_id (db,
                          "SELECT site, value FROM baseline_site WHERE kpi_id = ?1 "
                          "ORDER BY position, id",
                          kpi_id, error);
  if (stmt == NULL)
    return NULL;

  while (pm_statement_step (stmt, &local_error))
    pm_baseline_add_site (baseline, pm_statement_get_text (stmt, 0),
                          pm_statement_get_double (stmt, 1));

  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }

  /* A count stored by site before totals were kept gets its sum; with no
   * stored total there is nothing it could differ from. */
  if (!pm_baseline_has_value (baseline) && !pm_baseline_total_sites (baseline, unit, error))
    return NULL;

  return g_steal_pointer (&baseline);
}

static gboolean
read_targets (PmDatabase  *db,
              PmKpi       *kpi,
              GError     **error)
{
  g_autoptr(PmStatement) stmt = NULL;
  GError *local_error = NULL;
  int version = 0;

  /* Schema 12 and older (read-only, so not migrated) number no
   * milestones: every target is milestone 1, as it meant then. */
  if (!pm_database_get_schema_version (db, &version, error))
    return FALSE;
  stmt = prepare_with_id (db,
                          version >= 13
                          ? "SELECT value, date, set_on, reason, milestone FROM target "
                            "WHERE kpi_id = ?1 ORDER BY id"
                          : "SELECT value, date, set_on, reason, 1 FROM target "
                            "WHERE kpi_id = ?1 ORDER BY id",
                          pm_kpi_get_id (kpi), error);
  if (stmt == NULL)
    return FALSE;

  while (pm_statement_step (stmt, &local_error))
    {
      g_autoptr(PmTarget) target = NULL;

      target = pm_target_new (pm_statement_get_double (stmt, 0),
                              pm_statement_get_text (stmt, 1));
      pm_target_set_set_on (target, pm_statement_get_text (stmt, 2));
      pm_target_set_reason (target, pm_statement_get_text (stmt, 3));
      pm_target_set_milestone (target, (guint) MAX (pm_statement_get_int64 (stmt, 4), 1));

      if (!pm_kpi_add_target (kpi, target, error))
        return FALSE;
    }

  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  return TRUE;
}

/* Whether the database has the committee pack's columns (schema 11): one
 * opened read-only is not migrated, and reads as it is. */
static gboolean
has_pack_columns (PmDatabase  *db,
                  gboolean    *has,
                  GError     **error)
{
  int version = 0;

  if (!pm_database_get_schema_version (db, &version, error))
    return FALSE;

  *has = version >= 11;
  return TRUE;
}

static gboolean
read_entries (PmDatabase  *db,
              PmKpi       *kpi,
              GError     **error)
{
  g_autoptr(PmStatement) stmt = NULL;
  g_autoptr(GHashTable) sites = NULL;
  GError *local_error = NULL;

  int version = 0;

  /* Schema 1 (read-only, so not migrated) has no row versions. */
  if (!pm_database_get_schema_version (db, &version, error))
    return FALSE;
  sites = _pm_store_read_kpi_sites (db, pm_kpi_get_id (kpi), error);
  if (sites == NULL)
    return FALSE;
  stmt = prepare_with_id (db,
                          version >= 2
                          ? "SELECT period, value, numerator, denominator, note, revision FROM progress "
                            "WHERE kpi_id = ?1 ORDER BY period"
                          : "SELECT period, value, numerator, denominator, note, 0 FROM progress "
                            "WHERE kpi_id = ?1 ORDER BY period",
                          pm_kpi_get_id (kpi), error);
  if (stmt == NULL)
    return FALSE;

  while (pm_statement_step (stmt, &local_error))
    {
      g_autoptr(PmProgressEntry) entry = NULL;
      g_autoptr(PmPeriod) period = NULL;

      if (!read_period (stmt, 0, &period, error))
        return FALSE;

      entry = pm_progress_entry_new (period);
      if (!pm_statement_is_null (stmt, 2) && !pm_statement_is_null (stmt, 3))
        {
          if (!pm_progress_entry_set_fraction (entry,
                                               pm_statement_get_double (stmt, 2),
                                               pm_statement_get_double (stmt, 3),
                                               error))
            return FALSE;
        }
      else if (!pm_statement_is_null (stmt, 1))
        {
          pm_progress_entry_set_value (entry, pm_statement_get_double (stmt, 1));
        }
      pm_progress_entry_set_note (entry, pm_statement_get_text (stmt, 4));
      pm_progress_entry_set_revision (entry, pm_statement_get_int64 (stmt, 5));
      _pm_store_add_read_sites (entry, sites);

      if (!pm_kpi_set_entry (kpi, entry, error))
        return FALSE;
    }

  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_kpis (PmDatabase  *db,
           PmPilot     *pilot,
           GError     **error)
{
  g_autoptr(PmStatement) stmt = NULL;
  GError *local_error = NULL;

  int version = 0;

  /* Schema 9 and older (read-only, so not migrated) have no notes. */
  if (!pm_database_get_schema_version (db, &version, error))
    return FALSE;
  /* Schema 11 and older have no indicators, 14 and older no frequency:
   * every KPI is then quarterly. */
  stmt = prepare_with_id (db,
                          version >= 15
                          ? "SELECT id, title, unit, direction, measure, tolerance, data_source, data_notes, "
                            "  (SELECT key FROM indicator i WHERE i.id = kpi.indicator_id), frequency "
                            "FROM kpi WHERE pilot_id = ?1 ORDER BY position, id"
                          : version >= 12
                          ? "SELECT id, title, unit, direction, measure, tolerance, data_source, data_notes, "
                            "  (SELECT key FROM indicator i WHERE i.id = kpi.indicator_id), 'quarterly' "
                            "FROM kpi WHERE pilot_id = ?1 ORDER BY position, id"
                          : version >= 10
                          ? "SELECT id, title, unit, direction, measure, tolerance, data_source, data_notes, NULL, "
                            "  'quarterly' "
                            "FROM kpi WHERE pilot_id = ?1 ORDER BY position, id"
                          : "SELECT id, title, unit, direction, measure, tolerance, data_source, NULL, NULL, "
                            "  'quarterly' "
                            "FROM kpi WHERE pilot_id = ?1 ORDER BY position, id",
                          pm_pilot_get_id (pilot), error);
  if (stmt == NULL)
    return FALSE;

  while (pm_statement_step (stmt, &local_error))
    {
      g_autoptr(PmKpi) kpi = NULL;
      g_autoptr(PmBaseline) baseline = NULL;
      int unit, direction, measure, frequency;

      if (!read_enum (db, PM_TYPE_UNIT, pm_statement_get_text (stmt, 2), &unit, error) ||
          !read_enum (db, PM_TYPE_DIRECTION, pm_statement_get_text (stmt, 3), &direction, error) ||
          !read_enum (db, PM_TYPE_MEASURE, pm_statement_get_text (stmt, 4), &measure, error) ||
          !read_enum (db, PM_TYPE_FREQUENCY, pm_statement_get_text (stmt, 9), &frequency, error))
        return FALSE;

      kpi = pm_kpi_new (pm_statement_get_text (stmt, 1), unit, direction);
      pm_kpi_set_id (kpi, pm_statement_get_int64 (stmt, 0));
      pm_kpi_set_measure (kpi, measure);
      pm_kpi_set_frequency (kpi, frequency);
      pm_kpi_set_tolerance (kpi, pm_statement_get_double (stmt, 5));
      pm_kpi_set_data_source (kpi, pm_statement_get_text (stmt, 6));
      pm_kpi_set_data_notes (kpi, pm_statement_get_text (stmt, 7));
      pm_kpi_set_indicator (kpi, pm_statement_get_text (stmt, 8));

      /* The baseline before the targets, whose dates are checked against it. */
      baseline = read_baseline (db, pm_kpi_get_id (kpi), unit, error);
      if (baseline == NULL ||
          !pm_kpi_set_baseline (kpi, baseline, error) ||
          !read_targets (db, kpi, error) ||
          !read_entries (db, kpi, error))
        return FALSE;

      pm_pilot_add_kpi (pilot, kpi);
    }

  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_providers (PmDatabase  *db,
                PmPilot     *pilot,
                GError     **error)
{
  g_autoptr(PmStatement) stmt = NULL;
  GError *local_error = NULL;

  stmt = prepare_with_id (db,
                          "SELECT name, full_name, reach_target FROM provider "
                          "WHERE pilot_id = ?1 ORDER BY position, id",
                          pm_pilot_get_id (pilot), error);
  if (stmt == NULL)
    return FALSE;

  while (pm_statement_step (stmt, &local_error))
    {
      g_autoptr(PmProvider) provider = pm_provider_new (pm_statement_get_text (stmt, 0));

      pm_provider_set_full_name (provider, pm_statement_get_text (stmt, 1));
      pm_provider_set_reach_target (provider, (int) pm_statement_get_int64 (stmt, 2));
      pm_pilot_add_provider (pilot, provider);
    }

  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_reach (PmDatabase  *db,
            PmPilot     *pilot,
            GError     **error)
{
  g_autoptr(PmStatement) stmt = NULL;
  GError *local_error = NULL;

  stmt = prepare_with_id (db,
                          "SELECT period, provider, families FROM reach_entry "
                          "WHERE pilot_id = ?1 ORDER BY position, id",
                          pm_pilot_get_id (pilot), error);
  if (stmt == NULL)
    return FALSE;

  while (pm_statement_step (stmt, &local_error))
    {
      g_autoptr(PmReachEntry) entry = NULL;
      g_autoptr(PmPeriod) period = NULL;

      if (!read_period (stmt, 0, &period, error))
        return FALSE;

      entry = pm_reach_entry_new (period, pm_statement_get_text (stmt, 1),
                                  (int) pm_statement_get_int64 (stmt, 2));
      pm_pilot_set_reach (pilot, entry);
    }

  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_spend (PmDatabase  *db,
            PmPilot     *pilot,
            GError     **error)
{
  g_autoptr(PmStatement) stmt = NULL;
  GError *local_error = NULL;

  stmt = prepare_with_id (db,
                          "SELECT description, amount_pence, period, status FROM spend_item "
                          "WHERE pilot_id = ?1 ORDER BY position, id",
                          pm_pilot_get_id (pilot), error);
  if (stmt == NULL)
    return FALSE;

  while (pm_statement_step (stmt, &local_error))
    {
      g_autoptr(PmSpendItem) item = NULL;
      g_autoptr(PmPeriod) period = NULL;
      int status;

      if (!read_period (stmt, 2, &period, error) ||
          !read_enum (db, PM_TYPE_SPEND_STATUS, pm_statement_get_text (stmt, 3), &status, error))
        return FALSE;

      item = pm_spend_item_new (pm_statement_get_text (stmt, 0),
                                pm_statement_get_int64 (stmt, 1));
      pm_spend_item_set_period (item, period);
      pm_spend_item_set_status (item, status);
      pm_pilot_add_spend (pilot, item);
    }

  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_narratives (PmDatabase  *db,
                 PmPilot     *pilot,
                 GError     **error)
{
  g_autoptr(PmStatement) stmt = NULL;
  GError *local_error = NULL;
  gboolean pack = FALSE;

  if (!has_pack_columns (db, &pack, error))
    return FALSE;
  stmt = prepare_with_id (db,
                          pack
                          ? "SELECT period, progress, learning, case_study, risks, milestones FROM narrative "
                            "WHERE pilot_id = ?1 ORDER BY period"
                          : "SELECT period, progress, learning, case_study, NULL, NULL FROM narrative "
                            "WHERE pilot_id = ?1 ORDER BY period",
                          pm_pilot_get_id (pilot), error);
  if (stmt == NULL)
    return FALSE;

  while (pm_statement_step (stmt, &local_error))
    {
      g_autoptr(PmNarrative) narrative = NULL;
      g_autoptr(PmPeriod) period = NULL;

      if (!read_period (stmt, 0, &period, error))
        return FALSE;

      narrative = pm_narrative_new (period);
      pm_narrative_set_progress (narrative, pm_statement_get_text (stmt, 1));
      pm_narrative_set_learning (narrative, pm_statement_get_text (stmt, 2));
      pm_narrative_set_case_study (narrative, pm_statement_get_text (stmt, 3));
      pm_narrative_set_risks (narrative, pm_statement_get_text (stmt, 4));
      pm_narrative_set_milestones (narrative, pm_statement_get_text (stmt, 5));
      pm_pilot_set_narrative (pilot, narrative);
    }

  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_pilots (PmDatabase  *db,
             PmDistrict  *district,
             GError     **error)
{
  g_autoptr(PmStatement) stmt = NULL;
  GError *local_error = NULL;
  gboolean pack = FALSE;

  int version = 0;

  /* Schema 9 and older (read-only, so not migrated) have no notes on the
   * data; 10 and older no committee pack columns. */
  if (!pm_database_get_schema_version (db, &version, error))
    return FALSE;
  pack = version >= 11;
  stmt = prepare_with_id (db,
                          version >= 14
                          ? "SELECT id, title, summary, focus_area, start_date, lead, "
                            "       CASE WHEN delivery_stated = 1 THEN delivery_status ELSE 'not-stated' END, "
                            "       status_note, budget_pence, funding, data_notes, reach_unit "
                            "FROM pilot WHERE district_id = ?1 ORDER BY position, id"
                          : pack
                          ? "SELECT id, title, summary, focus_area, start_date, lead, "
                            "       CASE WHEN delivery_stated = 1 THEN delivery_status ELSE 'not-stated' END, "
                            "       status_note, budget_pence, funding, data_notes, NULL "
                            "FROM pilot WHERE district_id = ?1 ORDER BY position, id"
                          : version >= 10
                          ? "SELECT id, title, summary, focus_area, start_date, lead, "
                            "       delivery_status, status_note, budget_pence, funding, data_notes, NULL "
                            "FROM pilot WHERE district_id = ?1 ORDER BY position, id"
                          : "SELECT id, title, summary, focus_area, start_date, lead, "
                            "       delivery_status, status_note, budget_pence, funding, NULL, NULL "
                            "FROM pilot WHERE district_id = ?1 ORDER BY position, id",
                          pm_district_get_id (district), error);
  if (stmt == NULL)
    return FALSE;

  while (pm_statement_step (stmt, &local_error))
    {
      g_autoptr(PmPilot) pilot = NULL;
      g_autoptr(PmStatement) outcomes = NULL;
      g_auto(GStrv) outcome_list = NULL;
      int status;

      if (!read_enum (db, PM_TYPE_DELIVERY_STATUS, pm_statement_get_text (stmt, 6), &status, error))
        return FALSE;

      pilot = pm_pilot_new (pm_statement_get_text (stmt, 1));
      pm_pilot_set_id (pilot, pm_statement_get_int64 (stmt, 0));
      pm_pilot_set_summary (pilot, pm_statement_get_text (stmt, 2));
      pm_pilot_set_focus_area (pilot, pm_statement_get_text (stmt, 3));
      pm_pilot_set_start_date (pilot, pm_statement_get_text (stmt, 4));
      pm_pilot_set_lead (pilot, pm_statement_get_text (stmt, 5));
      pm_pilot_set_delivery_status (pilot, status);
      pm_pilot_set_status_note (pilot, pm_statement_get_text (stmt, 7));
      pm_pilot_set_budget_pence (pilot, pm_statement_is_null (stmt, 8)
                                        ? -1 : pm_statement_get_int64 (stmt, 8));
      pm_pilot_set_funding (pilot, pm_statement_get_text (stmt, 9));
      pm_pilot_set_data_notes (pilot, pm_statement_get_text (stmt, 10));
      pm_pilot_set_reach_unit (pilot, pm_statement_get_text (stmt, 11));

      outcomes = prepare_with_id (db,
                                  "SELECT text FROM key_outcome WHERE pilot_id = ?1 "
                                  "ORDER BY position, id",
                                  pm_pilot_get_id (pilot), error);
      if (outcomes == NULL)
        return FALSE;
      outcome_list = read_strings (outcomes, error);
      if (outcome_list == NULL)
        return FALSE;
      pm_pilot_set_key_outcomes (pilot, (const char * const *) outcome_list);

      /* Providers before reach, which names them. */
      if (!read_providers (db, pilot, error) ||
          !read_reach (db, pilot, error) ||
          !read_spend (db, pilot, error) ||
          !read_narratives (db, pilot, error) ||
          !read_kpis (db, pilot, error))
        return FALSE;

      pm_district_add_pilot (district, pilot);
    }

  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  return TRUE;
}

PmProgramme *
_pm_store_read_programme (PmDatabase  *db,
                          GError     **error)
{
  g_autoptr(PmStatement) stmt = NULL;
  g_autoptr(PmProgramme) programme = NULL;
  g_auto(GStrv) criteria = NULL;
  GError *local_error = NULL;
  gboolean pack = FALSE;

  if (!has_pack_columns (db, &pack, error))
    return NULL;
  stmt = pm_database_prepare (db,
                              pack
                              ? "SELECT id, name, description, committee, meeting_date, report_title, "
                                "       contact_officer FROM programme ORDER BY id LIMIT 1"
                              : "SELECT id, name, description, NULL, NULL, NULL, NULL "
                                "FROM programme ORDER BY id LIMIT 1",
                              error);
  if (stmt == NULL)
    return NULL;

  if (!pm_statement_step (stmt, &local_error))
    {
      g_autofree char *display_name = NULL;

      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return NULL;
        }

      display_name = g_filename_display_basename (pm_database_get_path (db));
      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_EMPTY,
                   _("“%s” holds no programme yet."), display_name);
      return NULL;
    }

  programme = pm_programme_new (pm_statement_get_text (stmt, 1));
  pm_programme_set_id (programme, pm_statement_get_int64 (stmt, 0));
  pm_programme_set_description (programme, pm_statement_get_text (stmt, 2));
  pm_programme_set_committee (programme, pm_statement_get_text (stmt, 3));
  if (pm_date_validate_day (pm_statement_get_text (stmt, 4), NULL))
    pm_programme_set_meeting_date (programme, pm_statement_get_text (stmt, 4));
  pm_programme_set_report_title (programme, pm_statement_get_text (stmt, 5));
  pm_programme_set_contact_officer (programme, pm_statement_get_text (stmt, 6));

  g_clear_pointer (&stmt, pm_statement_free);
  stmt = prepare_with_id (db,
                          "SELECT text FROM design_criterion WHERE programme_id = ?1 "
                          "ORDER BY position, id",
                          pm_programme_get_id (programme), error);
  if (stmt == NULL)
    return NULL;
  criteria = read_strings (stmt, error);
  if (criteria == NULL)
    return NULL;
  pm_programme_set_design_criteria (programme, (const char * const *) criteria);
  if (!_pm_store_read_indicators (db, programme, error))
    return NULL;

  g_clear_pointer (&stmt, pm_statement_free);
  stmt = prepare_with_id (db,
                          "SELECT id, name FROM district WHERE programme_id = ?1 "
                          "ORDER BY position, id",
                          pm_programme_get_id (programme), error);
  if (stmt == NULL)
    return NULL;

  while (pm_statement_step (stmt, &local_error))
    {
      g_autoptr(PmDistrict) district = pm_district_new (pm_statement_get_text (stmt, 1));

      pm_district_set_id (district, pm_statement_get_int64 (stmt, 0));
      if (!read_pilots (db, district, error) ||
          !pm_programme_add_district (programme, district, error))
        return NULL;
    }

  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }

  return g_steal_pointer (&programme);
}
