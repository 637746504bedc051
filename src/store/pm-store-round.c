/* pm-store-round.c: committee rounds and the restatements since them
 *
 * Freezing a round keeps a copy of every value up to the round's period
 * as the committee saw it: a month's or a year's when it ends by the
 * end of that quarter. Nothing is locked: a later
 * change is allowed, and is found again by comparing the values now with
 * that copy.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "pm-store-private.h"

#include "model/pm-date.h"

gboolean
pm_store_get_latest_round (PmStore    *self,
                           char      **reported_on,
                           PmPeriod  **period,
                           GError    **error)
{
  g_autoptr(PmStatement) stmt = NULL;

  g_return_val_if_fail (PM_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (reported_on != NULL)
    *reported_on = NULL;
  if (period != NULL)
    *period = NULL;

  stmt = pm_database_prepare (_pm_store_get_database (self),
                              "SELECT reported_on, period FROM committee_round ORDER BY id DESC LIMIT 1",
                              error);
  if (stmt == NULL || !pm_statement_step (stmt, error))
    return FALSE;

  if (reported_on != NULL)
    *reported_on = g_strdup (pm_statement_get_text (stmt, 0));
  if (period != NULL)
    *period = pm_period_parse (pm_statement_get_text (stmt, 1), NULL);
  return TRUE;
}

gboolean
pm_store_freeze_round (PmStore     *self,
                       const char  *reported_on,
                       PmPeriod    *period,
                       GError     **error)
{
  g_autoptr(PmStatement) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *latest = NULL;
  g_autofree char *code = NULL;
  gint64 round_id;

  g_return_val_if_fail (PM_IS_STORE (self), FALSE);
  g_return_val_if_fail (PM_IS_PERIOD (period), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (reported_on == NULL || !pm_date_has_day (reported_on) || !pm_date_validate (reported_on, NULL))
    {
      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_INVALID,
                   _("“%s” is not a date: give the committee’s date as YYYY-MM-DD, for example 2017-01-12."),
                   reported_on != NULL ? reported_on : "");
      return FALSE;
    }

  if (!pm_store_get_latest_round (self, &latest, NULL, &local_error) && local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (latest != NULL && pm_date_compare (reported_on, latest) < 0)
    {
      g_autofree char *when = pm_date_format (latest);

      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_INVALID,
                   _("The committee was last reported to on %s: a new round cannot be dated before it."),
                   when);
      return FALSE;
    }

  if (!_pm_store_begin_write (self, error))
    return FALSE;

  code = pm_period_to_code (period);
  stmt = pm_database_prepare (_pm_store_get_database (self),
                              "INSERT INTO committee_round (reported_on, period, author, at) "
                              "VALUES (?1, ?2, ?3, ?4) RETURNING id",
                              error);
  if (stmt == NULL)
    return _pm_store_end_write (self, FALSE, error);
  pm_statement_bind_text (stmt, 1, reported_on);
  pm_statement_bind_text (stmt, 2, code);
  pm_statement_bind_text (stmt, 3, pm_store_get_author (self));
  pm_statement_bind_now (stmt, 4);
  round_id = pm_statement_insert (stmt, error);
  if (round_id == 0)
    return _pm_store_end_write (self, FALSE, error);
  g_clear_pointer (&stmt, pm_statement_free);

  /* The codes of quarters sort as the quarters do. */
  stmt = pm_database_prepare (_pm_store_get_database (self),
                              "INSERT INTO reported_value (round_id, kpi_id, period, value, note) "
                              "SELECT ?1, kpi_id, period, value, note FROM progress "
                              "WHERE " PM_STORE_SQL_END_QUARTER ("period") " <= ?2 AND value IS NOT NULL",
                              error);
  if (stmt == NULL)
    return _pm_store_end_write (self, FALSE, error);
  pm_statement_bind_int64 (stmt, 1, round_id);
  pm_statement_bind_text (stmt, 2, code);

  return _pm_store_end_write (self, pm_statement_execute (stmt, error), error);
}

static void
collect_kpis (PmProgramme *programme,
              GHashTable  *kpis)
{
  GListModel *districts = pm_programme_get_districts (programme);

  for (guint d = 0; d < g_list_model_get_n_items (districts); d++)
    {
      g_autoptr(PmDistrict) district = g_list_model_get_item (districts, d);
      GListModel *pilots = pm_district_get_pilots (district);

      for (guint p = 0; p < g_list_model_get_n_items (pilots); p++)
        {
          g_autoptr(PmPilot) pilot = g_list_model_get_item (pilots, p);
          GListModel *list = pm_pilot_get_kpis (pilot);

          for (guint k = 0; k < g_list_model_get_n_items (list); k++)
            {
              g_autoptr(PmKpi) kpi = g_list_model_get_item (list, k);

              g_hash_table_insert (kpis, GSIZE_TO_POINTER ((gsize) pm_kpi_get_id (kpi)), kpi);
            }
        }
    }
}

static double
optional_double (PmStatement *stmt,
                 int          column)
{
  return pm_statement_is_null (stmt, column) ? NAN : pm_statement_get_double (stmt, column);
}

GListModel *
pm_store_list_restatements (PmStore      *self,
                            PmProgramme  *programme,
                            PmPeriod     *up_to,
                            GError      **error)
{
  g_autoptr(PmStatement) stmt = NULL;
  g_autoptr(GListStore) restatements = NULL;
  g_autoptr(GHashTable) kpis = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *code = NULL;

  g_return_val_if_fail (PM_IS_STORE (self), NULL);
  g_return_val_if_fail (PM_IS_PROGRAMME (programme), NULL);
  g_return_val_if_fail (up_to == NULL || PM_IS_PERIOD (up_to), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Against the latest round: a value reported and since changed or
   * removed, then one added to a period the round had frozen. The reason
   * is the value's note when it differs from the note reported. */
  stmt = pm_database_prepare (_pm_store_get_database (self),
                              "WITH latest AS (SELECT id, reported_on, period FROM committee_round "
                              "                ORDER BY id DESC LIMIT 1) "
                              "SELECT rv.kpi_id, rv.period, l.reported_on, rv.value, p.value, "
                              "       CASE WHEN p.note IS DISTINCT FROM rv.note THEN p.note END "
                              "FROM latest l JOIN reported_value rv ON rv.round_id = l.id "
                              "LEFT JOIN progress p ON p.kpi_id = rv.kpi_id AND p.period = rv.period "
                              "WHERE " PM_STORE_SQL_END_QUARTER ("rv.period") " <= ?1 "
                              "  AND p.value IS DISTINCT FROM rv.value "
                              "UNION ALL "
                              "SELECT p.kpi_id, p.period, l.reported_on, NULL, p.value, p.note "
                              "FROM latest l JOIN progress p "
                              "  ON " PM_STORE_SQL_END_QUARTER ("p.period") " <= l.period "
                              "WHERE " PM_STORE_SQL_END_QUARTER ("p.period") " <= ?1 "
                              "  AND p.value IS NOT NULL AND NOT EXISTS "
                              "  (SELECT 1 FROM reported_value rv WHERE rv.round_id = l.id "
                              "   AND rv.kpi_id = p.kpi_id AND rv.period = p.period) "
                              "ORDER BY 1, 2",
                              error);
  if (stmt == NULL)
    return NULL;
  if (up_to != NULL)
    {
      g_autoptr(PmPeriod) quarter = pm_period_new_from_index (pm_period_get_quarter_index (up_to));

      code = pm_period_to_code (quarter);
    }
  else
    code = g_strdup ("FY9999-Q4");
  pm_statement_bind_text (stmt, 1, code);

  kpis = g_hash_table_new (NULL, NULL);
  collect_kpis (programme, kpis);

  restatements = g_list_store_new (PM_TYPE_RESTATEMENT);
  while (pm_statement_step (stmt, &local_error))
    {
      PmKpi *kpi = g_hash_table_lookup (kpis, GSIZE_TO_POINTER ((gsize) pm_statement_get_int64 (stmt, 0)));
      g_autoptr(PmPeriod) period = pm_period_parse (pm_statement_get_text (stmt, 1), NULL);
      g_autoptr(PmRestatement) restatement = NULL;

      /* A KPI of another programme object than @programme knows is not
       * printable; the schema checks every period when it is written. */
      if (kpi == NULL || period == NULL)
        continue;

      restatement = pm_restatement_new (kpi, period,
                                        pm_statement_get_text (stmt, 2),
                                        optional_double (stmt, 3),
                                        optional_double (stmt, 4),
                                        pm_statement_get_text (stmt, 5));
      g_list_store_append (restatements, restatement);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return G_LIST_MODEL (g_steal_pointer (&restatements));
}
