/* pm-store-value-sites.c: the sites a value was given by
 *
 * A value's sites are rows of progress_site beside its progress row. They
 * are written right after the value, in the same transaction, so the
 * value's row carries the audit trail and an accepted quarter's refusal;
 * a value written without sites drops any it had.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "model/pm-site-value.h"
#include "pm-store-private.h"

gboolean
_pm_store_write_entry_sites (PmDatabase       *db,
                             gint64            kpi_id,
                             PmProgressEntry  *entry,
                             GError          **error)
{
  g_autoptr(PmStatement) stmt = NULL;
  g_autofree char *code = pm_period_to_code (pm_progress_entry_get_period (entry));
  GListModel *sites = pm_progress_entry_get_sites (entry);
  guint n_sites = g_list_model_get_n_items (sites);

  stmt = pm_database_prepare (db, "DELETE FROM progress_site WHERE kpi_id = ?1 AND period = ?2", error);
  if (stmt == NULL)
    return FALSE;
  pm_statement_bind_int64 (stmt, 1, kpi_id);
  pm_statement_bind_text (stmt, 2, code);
  if (!pm_statement_execute (stmt, error))
    return FALSE;
  if (n_sites == 0)
    return TRUE;

  g_clear_pointer (&stmt, pm_statement_free);
  stmt = pm_database_prepare (db,
                              "INSERT INTO progress_site (kpi_id, period, position, site, value) "
                              "VALUES (?1, ?2, ?3, ?4, ?5)",
                              error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < n_sites; i++)
    {
      g_autoptr(PmSiteValue) site = g_list_model_get_item (sites, i);

      pm_statement_reset (stmt);
      pm_statement_bind_int64 (stmt, 1, kpi_id);
      pm_statement_bind_text (stmt, 2, code);
      pm_statement_bind_int64 (stmt, 3, i);
      pm_statement_bind_text (stmt, 4, pm_site_value_get_site (site));
      pm_statement_bind_double (stmt, 5, pm_site_value_get_value (site));
      if (!pm_statement_execute (stmt, error))
        return FALSE;
    }

  return TRUE;
}

static char *
sites_key (gint64      kpi_id,
           const char *code)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT " %s", kpi_id, code);
}

/* The sites of the rows of @stmt: kpi_id, period, site, value, in order. */
static GHashTable *
read_sites (PmStatement  *stmt,
            GError      **error)
{
  g_autoptr(GHashTable) by_value = NULL;
  GError *local_error = NULL;

  by_value = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                    (GDestroyNotify) g_ptr_array_unref);
  while (pm_statement_step (stmt, &local_error))
    {
      g_autofree char *key = sites_key (pm_statement_get_int64 (stmt, 0),
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

GHashTable *
_pm_store_read_value_sites (PmDatabase  *db,
                            GError     **error)
{
  g_autoptr(PmStatement) stmt = NULL;
  int version = 0;

  /* Older files, opened read-only and not migrated, have no sites. */
  if (!pm_database_get_schema_version (db, &version, error))
    return NULL;
  if (version < 18)
    return g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                  (GDestroyNotify) g_ptr_array_unref);

  /* One read for the whole database, as the rest of a load. */
  stmt = pm_database_prepare (db,
                              "SELECT kpi_id, period, site, value FROM progress_site "
                              "ORDER BY kpi_id, period, position",
                              error);
  if (stmt == NULL)
    return NULL;

  return read_sites (stmt, error);
}

GHashTable *
_pm_store_read_scoped_value_sites (PmDatabase  *db,
                                   gint64       district_id,
                                   GError     **error)
{
  g_autoptr(PmStatement) stmt = NULL;

  /* The same values as the scoped read of progress (pm-store-read.c),
   * which is only made from schema 18. */
  stmt = pm_database_prepare (db,
                              "SELECT kpi_id, period, site, value, position FROM progress_site "
                              "WHERE kpi_id IN " PM_STORE_SQL_SCOPE_KPI_IDS " "
                              "ORDER BY 1, 2, 5",
                              error);
  if (stmt == NULL)
    return NULL;
  pm_statement_bind_int64 (stmt, 1, district_id);

  return read_sites (stmt, error);
}

void
_pm_store_add_read_sites (PmProgressEntry *entry,
                          gint64           kpi_id,
                          GHashTable      *by_value)
{
  g_autofree char *code = NULL;
  g_autofree char *key = NULL;
  GPtrArray *sites;

  if (g_hash_table_size (by_value) == 0)
    return;

  code = pm_period_to_code (pm_progress_entry_get_period (entry));
  key = sites_key (kpi_id, code);
  sites = g_hash_table_lookup (by_value, key);
  for (guint i = 0; sites != NULL && i < sites->len; i++)
    pm_progress_entry_add_site (entry, pm_site_value_get_site (sites->pdata[i]),
                                pm_site_value_get_value (sites->pdata[i]));
}
