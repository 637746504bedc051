/* pm-store-load-shown.c: the window's programme in two reads
 *
 * Building every value of a large programme takes seconds, and the
 * window's first frame needs few of them: those of the period it shows
 * and what their judgement rests on. pm_store_load_shown() reads those
 * with the structure; pm_store_load_rest_async() reads the rest in a
 * worker, on a read-only connection of its own, into objects no one else
 * sees until they join the model on the main thread. Nothing is written
 * meanwhile: the model is the source of truth, and it is not whole yet.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "model/pm-site-value.h"

#include "pm-store-private.h"

GHashTable *
_pm_store_read_shown_value_sites (PmDatabase  *db,
                                  const char  *period,
                                  const char  *frequency,
                                  GError     **error)
{
  g_autoptr(PmStatement) stmt = NULL;
  g_autoptr(GHashTable) by_value = NULL;
  GError *local_error = NULL;

  by_value = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                    (GDestroyNotify) g_ptr_array_unref);
  stmt = pm_database_prepare (db,
                              "SELECT s.kpi_id, s.period, s.site, s.value "
                              "FROM (" PM_STORE_SQL_SHOWN_KEYS ") k "
                              "JOIN progress_site s ON s.kpi_id = k.kpi_id AND s.period = k.period "
                              "ORDER BY s.kpi_id, s.period, s.position",
                              error);
  if (stmt == NULL)
    return NULL;
  pm_statement_bind_int64 (stmt, 1, -1);
  pm_statement_bind_text (stmt, 2, period);
  pm_statement_bind_text (stmt, 3, frequency);

  /* Keyed as _pm_store_read_value_sites() keys them. */
  while (pm_statement_step (stmt, &local_error))
    {
      g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT " %s",
                                              pm_statement_get_int64 (stmt, 0),
                                              pm_statement_get_text (stmt, 1));
      GPtrArray *sites = g_hash_table_lookup (by_value, key);

      if (sites == NULL)
        {
          sites = g_ptr_array_new_with_free_func (g_object_unref);
          g_hash_table_insert (by_value, g_steal_pointer (&key), sites);
        }
      g_ptr_array_add (sites, pm_site_value_new (pm_statement_get_text (stmt, 2),
                                                 pm_statement_get_double (stmt, 3)));
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }

  return g_steal_pointer (&by_value);
}

PmPeriod *
pm_store_read_latest_quarter (PmStore  *self,
                              GError  **error)
{
  g_autoptr(PmStatement) stmt = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (PM_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Each KPI's latest value from the end of its index, then the latest
   * quarter they end in: codes of quarters sort as the quarters do.
   * Materialised, as sqlite would otherwise look each KPI's latest up
   * again for every mention of it in the expression (three times as long
   * on 15,000 KPIs). */
  stmt = pm_database_prepare (_pm_store_get_database (self),
                              "WITH l AS MATERIALIZED "
                              "  (SELECT (SELECT q.period FROM progress q WHERE q.kpi_id = kpi.id "
                              "             AND (q.value IS NOT NULL OR "
                              "                  (q.numerator IS NOT NULL AND q.denominator IS NOT NULL)) "
                              "           ORDER BY q.period DESC LIMIT 1) AS latest FROM kpi) "
                              "SELECT max (" PM_STORE_SQL_END_QUARTER ("latest") ") FROM l "
                              "WHERE latest IS NOT NULL",
                              error);
  if (stmt == NULL)
    return NULL;
  if (!pm_statement_step (stmt, &local_error))
    {
      if (local_error != NULL)
        g_propagate_error (error, local_error);
      return NULL;
    }
  if (pm_statement_is_null (stmt, 0))
    return NULL;

  return pm_period_parse (pm_statement_get_text (stmt, 0), error);
}

PmProgramme *
pm_store_load_shown (PmStore   *self,
                     PmPeriod  *period,
                     GError   **error)
{
  PmDatabase *db;
  PmProgramme *programme;
  int version = 0;

  g_return_val_if_fail (PM_IS_STORE (self), NULL);
  g_return_val_if_fail (PM_IS_PERIOD (period), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* A server is read whole, as is a file too old for the shown read
   * (one opened read-only is not migrated). */
  db = _pm_store_get_database (self);
  if (!pm_database_get_schema_version (db, &version, error))
    return NULL;
  if (pm_database_is_server (db) || version < 18)
    return pm_store_load (self, error);

  programme = _pm_store_read_programme (db, NULL, period, error);
  if (programme != NULL)
    _pm_store_set_rest (self, TRUE, NULL);
  return programme;
}

gboolean
pm_store_check_loaded (PmStore  *self,
                       GError  **error)
{
  g_return_val_if_fail (PM_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _pm_store_check_rest (self, error);
}

typedef struct
{
  char        *path;       /* read in the worker */
  /* The model's: touched on the main thread only, and let go there in
   * pm_store_load_rest_finish(), never by a worker freeing the task. */
  PmProgramme *programme;
} RestLoad;

static void
rest_load_free (gpointer data)
{
  RestLoad *rest = data;

  g_free (rest->path);
  g_clear_object (&rest->programme);
  g_free (rest);
}

/* In the worker: the whole programme, read as pm_store_load() reads it,
 * on a read-only connection of its own that nothing else uses. */
static void
rest_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  RestLoad *rest = task_data;
  g_autoptr(PmDatabase) db = NULL;
  PmProgramme *whole;
  GError *error = NULL;

  db = pm_database_open (rest->path, PM_STORE_OPEN_READ_ONLY | PM_STORE_OPEN_SKIP_PAGE_CHECK, &error);
  whole = db != NULL ? _pm_store_read_programme (db, NULL, NULL, &error) : NULL;
  if (whole == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  pm_database_close (db);
  g_task_return_pointer (task, whole, g_object_unref);
}

void
pm_store_load_rest_async (PmStore             *self,
                          PmProgramme         *programme,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  RestLoad *rest;

  g_return_if_fail (PM_IS_STORE (self));
  g_return_if_fail (PM_IS_PROGRAMME (programme));

  task = g_task_new (self, cancellable, callback, user_data);
  if (!pm_store_rest_pending (self))
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  rest = g_new0 (RestLoad, 1);
  rest->path = g_strdup (pm_store_get_path (self));
  rest->programme = g_object_ref (programme);
  g_task_set_task_data (task, rest, rest_load_free);
  g_task_run_in_thread (task, rest_thread);
}

/* Each pilot of @programme gets the narratives of its namesake by id in
 * @whole (the first read leaves them all), keeping one it has already. */
static void
merge_narratives (PmProgramme *programme,
                  PmProgramme *whole)
{
  GListModel *districts = pm_programme_get_districts (whole);
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                       g_free, g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (districts); i++)
    {
      g_autoptr(PmDistrict) district = g_list_model_get_item (districts, i);
      GListModel *pilots = pm_district_get_pilots (district);

      for (guint j = 0; j < g_list_model_get_n_items (pilots); j++)
        {
          PmPilot *pilot = g_list_model_get_item (pilots, j);
          gint64 id = pm_pilot_get_id (pilot);

          g_hash_table_insert (by_id, g_memdup2 (&id, sizeof id), pilot);
        }
    }

  districts = pm_programme_get_districts (programme);
  for (guint i = 0; i < g_list_model_get_n_items (districts); i++)
    {
      g_autoptr(PmDistrict) district = g_list_model_get_item (districts, i);
      GListModel *pilots = pm_district_get_pilots (district);

      for (guint j = 0; j < g_list_model_get_n_items (pilots); j++)
        {
          g_autoptr(PmPilot) pilot = g_list_model_get_item (pilots, j);
          gint64 id = pm_pilot_get_id (pilot);
          PmPilot *read = g_hash_table_lookup (by_id, &id);
          GListModel *narratives = read != NULL ? pm_pilot_get_narratives (read) : NULL;

          for (guint k = 0; narratives != NULL && k < g_list_model_get_n_items (narratives); k++)
            {
              g_autoptr(PmNarrative) narrative = g_list_model_get_item (narratives, k);

              if (pm_pilot_get_narrative (pilot, pm_narrative_get_period (narrative)) == NULL)
                pm_pilot_set_narrative (pilot, narrative);
            }
        }
    }
}

/* Each KPI of @programme gets the values of its namesake by id in @whole
 * that it lacks, and each pilot its narratives. A KPI deleted meanwhile
 * has none; one added meanwhile is in neither. */
static gboolean
merge_values (PmProgramme  *programme,
              PmProgramme  *whole,
              GError      **error)
{
  g_autoptr(GListModel) kpis = pm_programme_list_kpis (programme);
  g_autoptr(GListModel) whole_kpis = pm_programme_list_kpis (whole);
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                       g_free, g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (whole_kpis); i++)
    {
      PmKpi *kpi = g_list_model_get_item (whole_kpis, i);
      gint64 id = pm_kpi_get_id (kpi);

      g_hash_table_insert (by_id, g_memdup2 (&id, sizeof id), kpi);
    }

  for (guint i = 0; i < g_list_model_get_n_items (kpis); i++)
    {
      g_autoptr(PmKpi) kpi = g_list_model_get_item (kpis, i);
      gint64 id = pm_kpi_get_id (kpi);
      PmKpi *read = g_hash_table_lookup (by_id, &id);

      if (read != NULL && !pm_kpi_merge_entries (kpi, pm_kpi_get_entries (read), error))
        return FALSE;
    }

  merge_narratives (programme, whole);
  return TRUE;
}

gboolean
pm_store_load_rest_finish (PmStore       *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_autoptr(PmProgramme) whole = NULL;
  g_autoptr(GError) local_error = NULL;
  RestLoad *rest;
  gboolean ok;

  g_return_val_if_fail (PM_IS_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  rest = g_task_get_task_data (G_TASK (result));
  if (rest == NULL)
    return g_task_propagate_boolean (G_TASK (result), error);

  whole = g_task_propagate_pointer (G_TASK (result), &local_error);
  ok = whole != NULL && merge_values (rest->programme, whole, &local_error);
  /* The task may be freed last by its worker: it keeps no live object. */
  g_clear_object (&rest->programme);
  if (ok)
    {
      _pm_store_set_rest (self, FALSE, NULL);
      return TRUE;
    }

  /* Without the rest the model is not the file: never written then. */
  g_prefix_error_literal (&local_error, _("Not all of the programme could be read, so nothing "
                                          "will be saved to it. Reopen it to try again. "));
  _pm_store_set_rest (self, FALSE, local_error);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}
