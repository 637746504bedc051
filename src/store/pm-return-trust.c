/* pm-return-trust.c: the keys the office trusts, and the returns it has
 * merged
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pm-return-private.h"

gint64
_pm_return_time_usec (GDateTime *time)
{
  return g_date_time_to_unix (time) * G_USEC_PER_SEC + g_date_time_get_microsecond (time);
}

gboolean
_pm_return_get_trusted_key (PmDatabase  *db,
                            gint64       district_id,
                            char       **public_key,
                            char       **fingerprint,
                            GError     **error)
{
  g_autoptr(PmStatement) stmt = NULL;
  GError *local_error = NULL;

  *public_key = NULL;
  *fingerprint = NULL;

  stmt = pm_database_prepare (db,
                              "SELECT public_key, fingerprint FROM return_key "
                              "WHERE district_id = ?1 ORDER BY id DESC LIMIT 1",
                              error);
  if (stmt == NULL)
    return FALSE;
  pm_statement_bind_int64 (stmt, 1, district_id);
  if (pm_statement_step (stmt, &local_error))
    {
      *public_key = g_strdup (pm_statement_get_text (stmt, 0));
      *fingerprint = g_strdup (pm_statement_get_text (stmt, 1));
      return TRUE;
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  return TRUE;
}

gboolean
_pm_return_trust_key (PmDatabase  *db,
                      gint64       district_id,
                      PmReturn    *ret,
                      const char  *trusted_by,
                      GError     **error)
{
  g_autoptr(PmStatement) stmt = NULL;

  stmt = pm_database_prepare (db,
                              "INSERT INTO return_key (district_id, public_key, fingerprint, "
                              "                        trusted_by, trusted_at) "
                              "VALUES (?1, ?2, ?3, ?4, ?5)",
                              error);
  if (stmt == NULL)
    return FALSE;
  pm_statement_bind_int64 (stmt, 1, district_id);
  pm_statement_bind_text (stmt, 2, pm_return_get_public_key_text (ret));
  pm_statement_bind_text (stmt, 3, pm_return_get_fingerprint (ret));
  pm_statement_bind_text (stmt, 4, trusted_by);
  pm_statement_bind_now (stmt, 5);
  return pm_statement_execute (stmt, error);
}

gboolean
_pm_return_get_newest_merged (PmDatabase  *db,
                              gint64       district_id,
                              PmPeriod    *period,
                              char       **created,
                              gint64      *created_usec,
                              GError     **error)
{
  g_autoptr(PmStatement) stmt = NULL;
  g_autofree char *code = pm_period_to_code (period);
  GError *local_error = NULL;

  *created = NULL;
  *created_usec = 0;

  stmt = pm_database_prepare (db,
                              "SELECT created, created_usec FROM merged_return "
                              "WHERE district_id = ?1 AND period = ?2",
                              error);
  if (stmt == NULL)
    return FALSE;
  pm_statement_bind_int64 (stmt, 1, district_id);
  pm_statement_bind_text (stmt, 2, code);
  if (pm_statement_step (stmt, &local_error))
    {
      *created = g_strdup (pm_statement_get_text (stmt, 0));
      *created_usec = pm_statement_get_int64 (stmt, 1);
      return TRUE;
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  return TRUE;
}

gboolean
_pm_return_record_merged (PmDatabase  *db,
                          gint64       district_id,
                          PmReturn    *ret,
                          gboolean    *newer,
                          GError     **error)
{
  g_autoptr(PmStatement) stmt = NULL;
  g_autofree char *code = pm_period_to_code (pm_return_get_period (ret));

  /* One statement decides: on a server it locks the quarter's row, so
   * that of two offices merging at once the second sees the first's. */
  stmt = pm_database_prepare (db,
                              "INSERT INTO merged_return (district_id, period, created, created_usec, "
                              "                           fingerprint, author, merged_at) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) "
                              "ON CONFLICT (district_id, period) DO UPDATE "
                              "SET created = excluded.created, created_usec = excluded.created_usec, "
                              "    fingerprint = excluded.fingerprint, author = excluded.author, "
                              "    merged_at = excluded.merged_at "
                              "WHERE merged_return.created_usec <= excluded.created_usec",
                              error);
  if (stmt == NULL)
    return FALSE;
  pm_statement_bind_int64 (stmt, 1, district_id);
  pm_statement_bind_text (stmt, 2, code);
  pm_statement_bind_text (stmt, 3, pm_return_get_created (ret));
  pm_statement_bind_int64 (stmt, 4, _pm_return_time_usec (pm_return_get_created_time (ret)));
  pm_statement_bind_text (stmt, 5, pm_return_get_fingerprint (ret));
  pm_statement_bind_text (stmt, 6, pm_return_get_author (ret));
  pm_statement_bind_now (stmt, 7);
  if (!pm_statement_execute (stmt, error))
    return FALSE;

  *newer = pm_database_get_changes (db) == 0;
  return TRUE;
}
