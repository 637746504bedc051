/* pm-store-write-reports.c: the SQL that writes a pilot's reports
 *
 * Its quarter's narrative, the families it reached and its spending: the
 * rows a lead adds to a pilot each quarter beside its values. As in
 * pm-store-write.c, each runs inside its caller's transaction.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pm-store-private.h"

gboolean
_pm_store_write_narrative (PmDatabase   *db,
                           gint64        pilot_id,
                           PmNarrative  *narrative,
                           GError      **error)
{
  g_autoptr(PmStatement) stmt = NULL;

  if (!pm_limits_check_narrative (narrative, error))
    return FALSE;

  stmt = pm_database_prepare (db,
                              "INSERT INTO narrative (pilot_id, period, progress, learning, "
                              "                       case_study, updated_at, risks, milestones) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) "
                              "ON CONFLICT (pilot_id, period) DO UPDATE SET "
                              "  progress = excluded.progress, learning = excluded.learning, "
                              "  case_study = excluded.case_study, updated_at = excluded.updated_at, "
                              "  risks = excluded.risks, milestones = excluded.milestones",
                              error);
  if (stmt == NULL)
    return FALSE;

  pm_statement_bind_int64 (stmt, 1, pilot_id);
  _pm_store_bind_period (stmt, 2, pm_narrative_get_period (narrative));
  pm_statement_bind_text (stmt, 3, pm_narrative_get_progress (narrative));
  pm_statement_bind_text (stmt, 4, pm_narrative_get_learning (narrative));
  pm_statement_bind_text (stmt, 5, pm_narrative_get_case_study (narrative));
  pm_statement_bind_now (stmt, 6);
  pm_statement_bind_text (stmt, 7, pm_narrative_get_risks (narrative));
  pm_statement_bind_text (stmt, 8, pm_narrative_get_milestones (narrative));

  return pm_statement_execute (stmt, error);
}

gboolean
_pm_store_write_reach (PmDatabase    *db,
                       gint64         pilot_id,
                       PmReachEntry  *entry,
                       GError       **error)
{
  g_autoptr(PmStatement) update = NULL;
  g_autoptr(PmStatement) insert = NULL;

  /* The key holds a NULL provider (the pilot as a whole), which an upsert
   * cannot match, hence an update and, when nothing was there, an insert. */
  update = pm_database_prepare (db,
                                "UPDATE reach_entry SET families = ?4 "
                                "WHERE pilot_id = ?1 AND period = ?2 AND provider IS NOT DISTINCT FROM ?3",
                                error);
  if (update == NULL)
    return FALSE;

  pm_statement_bind_int64 (update, 1, pilot_id);
  _pm_store_bind_period (update, 2, pm_reach_entry_get_period (entry));
  pm_statement_bind_text (update, 3, pm_reach_entry_get_provider (entry));
  pm_statement_bind_int64 (update, 4, pm_reach_entry_get_families (entry));
  if (!pm_statement_execute (update, error))
    return FALSE;

  if (pm_database_get_changes (db) > 0)
    return TRUE;

  /* A new entry: one more than the pilot had. */
  {
    g_autoptr(PmStatement) count = NULL;
    GError *local_error = NULL;
    gint64 n = 0;

    count = pm_database_prepare (db, "SELECT count(*) FROM reach_entry WHERE pilot_id = ?1", error);
    if (count == NULL)
      return FALSE;
    pm_statement_bind_int64 (count, 1, pilot_id);
    if (pm_statement_step (count, &local_error))
      n = pm_statement_get_int64 (count, 0);
    if (local_error != NULL)
      {
        g_propagate_error (error, local_error);
        return FALSE;
      }
    if (!pm_limits_check_count (PM_LIST_REACH, (guint) MIN (n + 1, G_MAXUINT), error))
      return FALSE;
  }

  insert = pm_database_prepare (db,
                                "INSERT INTO reach_entry (pilot_id, position, period, provider, families) "
                                "VALUES (?1, (SELECT coalesce (max (position) + 1, 0) FROM reach_entry "
                                "             WHERE pilot_id = ?1), ?2, ?3, ?4)",
                                error);
  if (insert == NULL)
    return FALSE;

  pm_statement_bind_int64 (insert, 1, pilot_id);
  _pm_store_bind_period (insert, 2, pm_reach_entry_get_period (entry));
  pm_statement_bind_text (insert, 3, pm_reach_entry_get_provider (entry));
  pm_statement_bind_int64 (insert, 4, pm_reach_entry_get_families (entry));

  return pm_statement_execute (insert, error);
}

gboolean
_pm_store_insert_spend (PmDatabase   *db,
                        gint64        pilot_id,
                        PmSpendItem  *item,
                        GError      **error)
{
  g_autoptr(PmStatement) stmt = NULL;

  if (!pm_limits_check_spend (item, error))
    return FALSE;

  stmt = pm_database_prepare (db,
                              "INSERT INTO spend_item (pilot_id, position, description, amount_pence, "
                              "                        period, status) "
                              "VALUES (?1, (SELECT coalesce (max (position) + 1, 0) FROM spend_item "
                              "             WHERE pilot_id = ?1), ?2, ?3, ?4, ?5)",
                              error);
  if (stmt == NULL)
    return FALSE;

  pm_statement_bind_int64 (stmt, 1, pilot_id);
  pm_statement_bind_text (stmt, 2, pm_spend_item_get_description (item));
  pm_statement_bind_int64 (stmt, 3, pm_spend_item_get_amount_pence (item));
  _pm_store_bind_period (stmt, 4, pm_spend_item_get_period (item));
  pm_statement_bind_text (stmt, 5, pm_enum_to_name (PM_TYPE_SPEND_STATUS, pm_spend_item_get_status (item)));

  return pm_statement_execute (stmt, error);
}
