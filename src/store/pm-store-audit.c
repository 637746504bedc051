/* pm-store-audit.c: reading the audit trail back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "pm-store-private.h"

static PmChangeSource
source_from_name (const char *name)
{
  if (g_strcmp0 (name, "csv") == 0)
    return PM_CHANGE_CSV;
  if (g_strcmp0 (name, "return") == 0)
    return PM_CHANGE_RETURN;
  if (g_strcmp0 (name, "import") == 0)
    return PM_CHANGE_IMPORT;
  return PM_CHANGE_TYPED;
}

static PmChangeKind
kind_from_name (const char *name)
{
  if (g_strcmp0 (name, "baseline") == 0)
    return PM_CHANGE_BASELINE;
  if (g_strcmp0 (name, "target") == 0)
    return PM_CHANGE_TARGET;
  if (g_strcmp0 (name, "narrative") == 0)
    return PM_CHANGE_NARRATIVE;
  return PM_CHANGE_VALUE;
}

static double
optional_double (PmStatement *stmt,
                 int          column)
{
  return pm_statement_is_null (stmt, column) ? NAN : pm_statement_get_double (stmt, column);
}

GListModel *
pm_store_list_changes (PmStore  *self,
                       PmKpi    *kpi,
                       GError  **error)
{
  g_autoptr(GListStore) changes = NULL;
  g_autoptr(PmStatement) stmt = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (PM_IS_STORE (self), NULL);
  g_return_val_if_fail (PM_IS_KPI (kpi), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (pm_kpi_get_id (kpi) == 0)
    {
      _pm_store_not_saved (error);
      return NULL;
    }

  stmt = pm_database_prepare (_pm_store_get_database (self),
                              "SELECT at, author, source, kind, period, old_value, new_value, "
                              "       old_text, new_text "
                              "FROM audit WHERE kpi_id = ?1 ORDER BY id DESC",
                              error);
  if (stmt == NULL)
    return NULL;
  pm_statement_bind_int64 (stmt, 1, pm_kpi_get_id (kpi));

  changes = g_list_store_new (PM_TYPE_CHANGE);
  while (pm_statement_step (stmt, &local_error))
    {
      g_autoptr(PmPeriod) period = NULL;
      g_autoptr(PmChange) change = NULL;
      const char *code = pm_statement_get_text (stmt, 4);

      /* The period was checked when it was written; a bad one is left out
       * rather than hiding the rest of the history. */
      if (code != NULL)
        period = pm_period_parse (code, NULL);

      change = pm_change_new (pm_statement_get_text (stmt, 0),
                              pm_statement_get_text (stmt, 1),
                              source_from_name (pm_statement_get_text (stmt, 2)),
                              kind_from_name (pm_statement_get_text (stmt, 3)),
                              period,
                              optional_double (stmt, 5),
                              optional_double (stmt, 6),
                              pm_statement_get_text (stmt, 7),
                              pm_statement_get_text (stmt, 8));
      g_list_store_append (changes, change);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }

  return G_LIST_MODEL (g_steal_pointer (&changes));
}

gboolean
_pm_store_last_value_change (PmStore    *self,
                             gint64      kpi_id,
                             PmPeriod   *period,
                             char      **source,
                             char      **author,
                             GError    **error)
{
  g_autoptr(PmStatement) stmt = NULL;
  g_autofree char *code = pm_period_to_code (period);

  stmt = pm_database_prepare (_pm_store_get_database (self),
                              "SELECT source, author FROM audit "
                              "WHERE kpi_id = ?1 AND period = ?2 AND kind = 'value' "
                              "ORDER BY id DESC LIMIT 1",
                              error);
  if (stmt == NULL)
    return FALSE;
  pm_statement_bind_int64 (stmt, 1, kpi_id);
  pm_statement_bind_text (stmt, 2, code);
  if (!pm_statement_step (stmt, error))
    return FALSE;

  *source = g_strdup (pm_statement_get_text (stmt, 0));
  *author = g_strdup (pm_statement_get_text (stmt, 1));
  return TRUE;
}
