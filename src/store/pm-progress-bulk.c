/* pm-progress-bulk.c: a checked CSV import written set by set (a file)
 *
 * One row at a time, a large import spends most of its time in the
 * schema's triggers: the audit row of each value and the guard of
 * accepted quarters, each a statement of its own per row. Here each
 * slice of rows goes into a temporary table with one prepared insert,
 * and a few statements over the whole slice do what the merge guard and
 * the triggers do row by row: refuse the slice if any row was changed
 * since its review or lies in an accepted quarter, write the audit rows
 * the triggers would (same columns, same old and new values, the same
 * change context), then write the values and their sites. Only this
 * connection's triggers stand aside, and only while those statements
 * run (sqlite's SQLITE_DBCONFIG_ENABLE_TRIGGER), inside the import's
 * one write transaction: every other writer, and every other client of
 * the file, keeps the trigger path.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "model/pm-site-value.h"
#include "pm-database-private.h"
#include "pm-merge-guard.h"
#include "pm-progress-bulk.h"
#include "pm-store-private.h"

struct _PmProgressBulk
{
  PmDatabase  *db;
  PmStatement *load;
  PmStatement *check;
  PmStatement *site;
};

#define ROWS_CREATE \
  "DROP TABLE IF EXISTS temp.pm_bulk_rows;" \
  "CREATE TEMP TABLE pm_bulk_rows (" \
  "  pos INTEGER PRIMARY KEY," \
  "  kpi_id INTEGER NOT NULL," \
  "  period TEXT NOT NULL," \
  "  value REAL," \
  "  numerator REAL," \
  "  denominator REAL," \
  "  note TEXT," \
  "  updated_at TEXT," \
  "  held INTEGER," \
  "  changed INTEGER NOT NULL" \
  ");"

/* ?1 to ?7 as _pm_store_bind_entry() binds them; ?8 the revision the
 * review saw (NULL: no value), ?9 whether the row is written, ?10 its
 * position in the import. */
#define ROWS_LOAD \
  "INSERT INTO temp.pm_bulk_rows (kpi_id, period, value, numerator, denominator, note, " \
  "                               updated_at, held, changed, pos) " \
  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"

/* The quarter a value's period ends in, and whether its district's
 * latest sign-off of that quarter is "accepted": the condition of the
 * accepted_progress_insert and _update triggers (schema 17). */
#define END_QUARTER(period) \
  "(CASE WHEN substr (" period ", 1, 2) = 'CY' THEN 'FY' || substr (" period ", 3, 4) || '-Q3'" \
  " WHEN length (" period ") = 6 THEN " period " || '-Q4'" \
  " WHEN substr (" period ", 8, 1) = 'M'" \
  " THEN substr (" period ", 1, 7) || 'Q' || CAST ((CAST (substr (" period ", 9, 2) AS INTEGER) + 2) / 3 AS TEXT)" \
  " ELSE " period " END)"
#define ACCEPTED(kpi, period) \
  "(SELECT s.state FROM signoff s JOIN pilot p ON p.district_id = s.district_id" \
  "  WHERE p.id = (SELECT pilot_id FROM kpi WHERE id = " kpi ")" \
  "    AND s.period = " END_QUARTER (period) \
  "  ORDER BY s.id DESC LIMIT 1) = 'accepted'"

/* Whether the row's value is still the one its review saw: the merge
 * guard's WHERE revision = ?, or ON CONFLICT DO NOTHING for a new one. */
#define STILL_AS_REVIEWED \
  "(CASE WHEN b.held IS NULL THEN cur.kpi_id IS NULL ELSE cur.revision IS b.held END)"

/* The first row the slice may not write, and whether an accepted
 * quarter refuses it (1) or a change since the review (0). One row at a
 * time, an update that matches no row fires no trigger, but an insert
 * fires its guard before ON CONFLICT DO NOTHING. */
#define ROWS_CHECK \
  "SELECT b.pos, " STILL_AS_REVIEWED " OR (b.held IS NULL AND " ACCEPTED ("b.kpi_id", "b.period") ") " \
  "FROM temp.pm_bulk_rows b " \
  "LEFT JOIN progress cur ON cur.kpi_id = b.kpi_id AND cur.period = b.period " \
  "WHERE NOT " STILL_AS_REVIEWED " OR (b.changed AND " ACCEPTED ("b.kpi_id", "b.period") ") " \
  "ORDER BY b.pos LIMIT 1"

/* What audit_progress_insert and audit_progress_update write, in the
 * order the rows would have fired them. */
#define ROWS_AUDIT \
  "INSERT INTO audit (at, author, source, kind, kpi_id, period, old_value, new_value, old_text, new_text) " \
  "SELECT strftime ('%Y-%m-%dT%H:%M:%SZ', 'now'), c.author, c.source, 'value', b.kpi_id, b.period, " \
  "       cur.value, b.value, cur.note, b.note " \
  "FROM temp.pm_bulk_rows b " \
  "JOIN change_context c ON c.id = 1 " \
  "LEFT JOIN progress cur ON cur.kpi_id = b.kpi_id AND cur.period = b.period " \
  "WHERE b.changed AND (cur.kpi_id IS NULL OR cur.value IS NOT b.value OR cur.note IS NOT b.note) " \
  "ORDER BY b.pos"

/* The merge guard's insert and update, at once. */
#define ROWS_UPSERT \
  "INSERT INTO progress (kpi_id, period, value, numerator, denominator, note, updated_at) " \
  "SELECT kpi_id, period, value, numerator, denominator, note, updated_at " \
  "FROM temp.pm_bulk_rows WHERE changed ORDER BY pos " \
  "ON CONFLICT (kpi_id, period) DO UPDATE SET value = excluded.value, " \
  "  numerator = excluded.numerator, denominator = excluded.denominator, note = excluded.note, " \
  "  updated_at = excluded.updated_at, revision = revision + 1"

/* A written value's sites are replaced by its own (none: dropped). */
#define SITES_DELETE \
  "DELETE FROM progress_site WHERE (kpi_id, period) IN " \
  "  (SELECT kpi_id, period FROM temp.pm_bulk_rows WHERE changed)"

#define SITE_INSERT \
  "INSERT INTO progress_site (kpi_id, period, position, site, value) VALUES (?1, ?2, ?3, ?4, ?5)"

PmProgressBulk *
_pm_progress_bulk_new (PmDatabase  *db,
                       GError     **error)
{
  g_autoptr(PmProgressBulk) self = g_new0 (PmProgressBulk, 1);

  g_assert (PM_IS_DATABASE (db));
  g_assert (!pm_database_is_server (db));

  self->db = g_object_ref (db);
  if (!pm_database_execute (db, ROWS_CREATE, error))
    return NULL;
  self->load = pm_database_prepare (db, ROWS_LOAD, error);
  if (self->load == NULL)
    return NULL;
  self->check = pm_database_prepare (db, ROWS_CHECK, error);
  if (self->check == NULL)
    return NULL;
  self->site = pm_database_prepare (db, SITE_INSERT, error);
  if (self->site == NULL)
    return NULL;

  return g_steal_pointer (&self);
}

void
_pm_progress_bulk_free (PmProgressBulk *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->load, pm_statement_free);
  g_clear_pointer (&self->check, pm_statement_free);
  g_clear_pointer (&self->site, pm_statement_free);
  /* Gone with a rollback; after a commit, dropped here. */
  if (pm_database_is_connected (self->db))
    pm_database_execute (self->db, "DROP TABLE IF EXISTS temp.pm_bulk_rows", NULL);
  g_clear_object (&self->db);
  g_free (self);
}

static gboolean
load_rows (PmProgressBulk    *self,
           PmProgressImport  *import,
           guint              start,
           guint              end,
           GError           **error)
{
  if (!pm_database_execute (self->db, "DELETE FROM temp.pm_bulk_rows", error))
    return FALSE;

  for (guint i = start; i < end; i++)
    {
      gboolean changed = pm_progress_import_get_change (import, i) != PM_IMPORT_CHANGE_UNCHANGED;
      PmProgressEntry *entry, *held;
      PmKpi *kpi;

      pm_progress_import_get_row (import, i, &kpi, &entry, &held);
      if (changed && pm_kpi_get_id (kpi) == 0)
        return _pm_store_not_saved (error);
      /* The limits every write keeps (model/pm-limits.h). */
      if (changed && !pm_limits_check_entry (entry, error))
        return FALSE;

      _pm_store_bind_entry (self->load, pm_kpi_get_id (kpi), entry);
      if (held != NULL)
        pm_statement_bind_int64 (self->load, 8, pm_progress_entry_get_revision (held));
      else
        pm_statement_bind_null (self->load, 8);
      pm_statement_bind_int64 (self->load, 9, changed);
      pm_statement_bind_int64 (self->load, 10, i);
      if (!pm_statement_execute (self->load, error))
        return FALSE;
    }

  return TRUE;
}

/* Refuses the slice as the first row the guards would refuse. */
static gboolean
check_rows (PmProgressBulk    *self,
            PmProgressImport  *import,
            guint             *failed,
            GError           **error)
{
  GError *local_error = NULL;
  PmProgressEntry *entry;
  gboolean as_reviewed;
  PmKpi *kpi;
  guint pos;

  pm_statement_reset (self->check);
  if (!pm_statement_step (self->check, &local_error))
    {
      if (local_error == NULL)
        return TRUE;
      g_propagate_error (error, local_error);
      return FALSE;
    }

  pos = pm_statement_get_int64 (self->check, 0);
  as_reviewed = pm_statement_get_int64 (self->check, 1) != 0;
  pm_statement_reset (self->check);

  *failed = pos;
  pm_progress_import_get_row (import, pos, &kpi, &entry, NULL);
  if (as_reviewed)
    return !_pm_database_set_guard_error ("pm-quarter-accepted", error);

  return _pm_merge_guard_entry_changed (kpi, pm_progress_entry_get_period (entry), error);
}

static gboolean
write_sites (PmProgressBulk    *self,
             PmProgressImport  *import,
             guint              start,
             guint              end,
             GError           **error)
{
  if (!pm_database_execute (self->db, SITES_DELETE, error))
    return FALSE;

  for (guint i = start; i < end; i++)
    {
      g_autofree char *code = NULL;
      PmProgressEntry *entry;
      GListModel *sites;
      PmKpi *kpi;

      if (pm_progress_import_get_change (import, i) == PM_IMPORT_CHANGE_UNCHANGED)
        continue;
      pm_progress_import_get_row (import, i, &kpi, &entry, NULL);
      sites = pm_progress_entry_get_sites (entry);
      if (g_list_model_get_n_items (sites) == 0)
        continue;

      code = pm_period_to_code (pm_progress_entry_get_period (entry));
      for (guint j = 0; j < g_list_model_get_n_items (sites); j++)
        {
          g_autoptr(PmSiteValue) site = g_list_model_get_item (sites, j);

          pm_statement_reset (self->site);
          pm_statement_bind_int64 (self->site, 1, pm_kpi_get_id (kpi));
          pm_statement_bind_text (self->site, 2, code);
          pm_statement_bind_int64 (self->site, 3, j);
          pm_statement_bind_text (self->site, 4, pm_site_value_get_site (site));
          pm_statement_bind_double (self->site, 5, pm_site_value_get_value (site));
          if (!pm_statement_execute (self->site, error))
            return FALSE;
        }
    }

  return TRUE;
}

/* The audit rows, then the values and their sites, with this
 * connection's triggers off: the checks were made above. */
static gboolean
write_rows (PmProgressBulk    *self,
            PmProgressImport  *import,
            guint              start,
            guint              end,
            GError           **error)
{
  gboolean ok;

  if (!pm_database_set_triggers_enabled (self->db, FALSE, error))
    return FALSE;

  ok = pm_database_execute (self->db, ROWS_AUDIT, error)
       && pm_database_execute (self->db, ROWS_UPSERT, error)
       && write_sites (self, import, start, end, error);

  if (ok)
    return pm_database_set_triggers_enabled (self->db, TRUE, error);

  pm_database_set_triggers_enabled (self->db, TRUE, NULL);
  return FALSE;
}

gboolean
_pm_progress_bulk_write (PmProgressBulk    *self,
                         PmProgressImport  *import,
                         guint              start,
                         guint              end,
                         guint             *n_written,
                         guint             *failed,
                         GError           **error)
{
  g_assert (self != NULL);
  g_assert (PM_IS_PROGRESS_IMPORT (import));
  g_assert (n_written != NULL);
  g_assert (failed != NULL);

  *failed = G_MAXUINT;
  if (start == end)
    return TRUE;

  if (!load_rows (self, import, start, end, error)
      || !check_rows (self, import, failed, error)
      || !write_rows (self, import, start, end, error))
    return FALSE;

  /* Each written row's new version, as the guard's RETURNING gives it. */
  for (guint i = start; i < end; i++)
    {
      PmProgressEntry *entry, *held;

      if (pm_progress_import_get_change (import, i) == PM_IMPORT_CHANGE_UNCHANGED)
        continue;
      pm_progress_import_get_row (import, i, NULL, &entry, &held);
      pm_progress_entry_set_revision (entry, held != NULL ? pm_progress_entry_get_revision (held) + 1 : 1);
      *n_written += 1;
    }

  return TRUE;
}
