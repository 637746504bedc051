/* pm-store-copy.c: the whole database, copied to a new one on either engine
 *
 * A file to a server, a server to a file, or either to its own kind: every
 * table row for row, with the ids it has, so that the audit trail, the
 * sign-offs and the committee rounds still point at what they described.
 * The source is read on one snapshot; the destination is written in one
 * transaction, and is never seen half made: a new file is filled under a
 * hidden name and renamed when whole, and on a server the schema and the
 * rows are written in the same transaction.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "util/pm-safe-file.h"
#include "pm-database-private.h"
#include "pm-store-private.h"

/* Rows are read this many at a time, in the order of each table's key, so
 * that a large programme on a server (whose engine fetches a statement's
 * whole result at once) is never all in memory. */
#define BATCH_ROWS 5000
#define BATCH_LIMIT " LIMIT " G_STRINGIFY (BATCH_ROWS)

/* Rows are written this many to a statement: on a server each statement
 * is a round trip, which one row at a time would make most of the time a
 * copy takes. The placeholders are plain ?, which both engines number in
 * order. */
#define ROWS_PER_INSERT 64
#define REPEAT_2(row) row ", " row
#define REPEAT_8(row) REPEAT_2 (REPEAT_2 (REPEAT_2 (row)))
#define REPEAT_64(row) REPEAT_8 (REPEAT_8 (row))
#define INSERTS(table, columns, row) \
  "INSERT INTO " table " (" columns ") VALUES " row, \
  "INSERT INTO " table " (" columns ") VALUES " REPEAT_64 (row)

/* The widest table (audit), and the longest key (reported_value). */
#define MAX_COLUMNS 15
#define MAX_KEY_COLUMNS 3

typedef struct
{
  /* Reads the next batch after the key bound as ?1...: the key's columns
   * come first, in the order the rows are read. */
  const char *select_sql;
  /* Write one row, and ROWS_PER_INSERT rows, bound in the order read. */
  const char *insert_one_sql;
  const char *insert_many_sql;
  /* A letter for each column: 'i' integer, 'r' real, 't' text. */
  const char *types;
  guint       n_key_columns;
} CopyTable;

/* Every table of the schema, parents before children, the audit trail
 * with the rest: the triggers are off while rows are copied (see
 * copy_rows ()). Not copied: change_context (a file's scratch row for the
 * audit triggers, made by the migrations) and pm_meta (a server's version
 * stamp, likewise). */
G_STATIC_ASSERT (PM_STORE_SCHEMA_VERSION == 19);  /* a new schema version adds itself here */

#define PROGRAMME_COLUMNS \
  "id, name, description, committee, meeting_date, report_title, contact_officer"
#define CRITERION_COLUMNS "id, programme_id, position, text"
#define DISTRICT_COLUMNS "id, programme_id, position, name"
#define LEAD_COLUMNS "role_name, district_id"
#define PILOT_COLUMNS \
  "id, district_id, position, title, summary, focus_area, start_date, lead, delivery_status, " \
  "status_note, budget_pence, funding, data_notes, delivery_stated, reach_unit"
#define OUTCOME_COLUMNS "id, pilot_id, position, text"
#define PROVIDER_COLUMNS "id, pilot_id, position, name, full_name, reach_target"
#define REACH_COLUMNS "id, pilot_id, position, period, provider, families"
#define SPEND_COLUMNS "id, pilot_id, position, description, amount_pence, period, status"
#define NARRATIVE_COLUMNS \
  "pilot_id, period, progress, learning, case_study, updated_at, risks, milestones"
#define INDICATOR_COLUMNS "id, programme_id, position, key, name, unit, direction, aggregation"
#define KPI_COLUMNS \
  "id, pilot_id, position, title, unit, direction, measure, tolerance, data_source, data_notes, " \
  "indicator_id, frequency"
#define BASELINE_COLUMNS "kpi_id, state, value, numerator, denominator, date, note, period, source"
#define SITE_COLUMNS "id, kpi_id, position, site, value"
#define TARGET_COLUMNS "id, kpi_id, value, date, set_on, reason, milestone"
#define PROGRESS_COLUMNS \
  "kpi_id, period, value, numerator, denominator, note, updated_at, revision"
#define PROGRESS_SITE_COLUMNS "kpi_id, period, position, site, value"
#define AUDIT_COLUMNS \
  "id, at, author, source, kind, kpi_id, pilot_id, period, old_value, new_value, old_text, new_text, " \
  "key_fingerprint"
#define SIGNOFF_COLUMNS "id, district_id, period, state, comment, author, at"
#define ROUND_COLUMNS "id, reported_on, period, author, at"
#define REPORTED_COLUMNS "round_id, kpi_id, period, value, note"
#define RETURN_KEY_COLUMNS "id, district_id, public_key, fingerprint, trusted_by, trusted_at"
#define MERGED_RETURN_COLUMNS \
  "district_id, period, created, created_usec, fingerprint, author, merged_at"

#define ROW_2 "(?, ?)"
#define ROW_4 "(?, ?, ?, ?)"
#define ROW_5 "(?, ?, ?, ?, ?)"
#define ROW_6 "(?, ?, ?, ?, ?, ?)"
#define ROW_7 "(?, ?, ?, ?, ?, ?, ?)"
#define ROW_8 "(?, ?, ?, ?, ?, ?, ?, ?)"
#define ROW_9 "(?, ?, ?, ?, ?, ?, ?, ?, ?)"
#define ROW_12 "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
#define ROW_13 "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
#define ROW_14 "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
#define ROW_15 "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"

#define BY_ID(table, columns) \
  "SELECT " columns " FROM " table " WHERE id > ?1 ORDER BY id" BATCH_LIMIT

static const CopyTable copy_tables[] = {
  { BY_ID ("programme", PROGRAMME_COLUMNS),
    INSERTS ("programme", PROGRAMME_COLUMNS, ROW_7),
    "itttttt", 1 },
  { BY_ID ("design_criterion", CRITERION_COLUMNS),
    INSERTS ("design_criterion", CRITERION_COLUMNS, ROW_4),
    "iiit", 1 },
  { BY_ID ("district", DISTRICT_COLUMNS),
    INSERTS ("district", DISTRICT_COLUMNS, ROW_4),
    "iiit", 1 },
  { "SELECT " LEAD_COLUMNS " FROM lead_district WHERE (role_name, district_id) > (?1, ?2) "
    "ORDER BY role_name, district_id" BATCH_LIMIT,
    INSERTS ("lead_district", LEAD_COLUMNS, ROW_2),
    "ti", 2 },
  { BY_ID ("pilot", PILOT_COLUMNS),
    INSERTS ("pilot", PILOT_COLUMNS, ROW_15),
    "iiitttttttittit", 1 },
  { BY_ID ("key_outcome", OUTCOME_COLUMNS),
    INSERTS ("key_outcome", OUTCOME_COLUMNS, ROW_4),
    "iiit", 1 },
  { BY_ID ("provider", PROVIDER_COLUMNS),
    INSERTS ("provider", PROVIDER_COLUMNS, ROW_6),
    "iiitti", 1 },
  { BY_ID ("reach_entry", REACH_COLUMNS),
    INSERTS ("reach_entry", REACH_COLUMNS, ROW_6),
    "iiitti", 1 },
  { BY_ID ("spend_item", SPEND_COLUMNS),
    INSERTS ("spend_item", SPEND_COLUMNS, ROW_7),
    "iiititt", 1 },
  { "SELECT " NARRATIVE_COLUMNS " FROM narrative WHERE (pilot_id, period) > (?1, ?2) "
    "ORDER BY pilot_id, period" BATCH_LIMIT,
    INSERTS ("narrative", NARRATIVE_COLUMNS, ROW_8),
    "ittttttt", 2 },
  { BY_ID ("indicator", INDICATOR_COLUMNS),
    INSERTS ("indicator", INDICATOR_COLUMNS, ROW_8),
    "iiittttt", 1 },
  { BY_ID ("kpi", KPI_COLUMNS),
    INSERTS ("kpi", KPI_COLUMNS, ROW_12),
    "iiittttrttit", 1 },
  { "SELECT " BASELINE_COLUMNS " FROM baseline WHERE kpi_id > ?1 ORDER BY kpi_id" BATCH_LIMIT,
    INSERTS ("baseline", BASELINE_COLUMNS, ROW_9),
    "itrrrtttt", 1 },
  { BY_ID ("baseline_site", SITE_COLUMNS),
    INSERTS ("baseline_site", SITE_COLUMNS, ROW_5),
    "iiitr", 1 },
  { BY_ID ("target", TARGET_COLUMNS),
    INSERTS ("target", TARGET_COLUMNS, ROW_7),
    "iirttti", 1 },
  { "SELECT " PROGRESS_COLUMNS " FROM progress WHERE (kpi_id, period) > (?1, ?2) "
    "ORDER BY kpi_id, period" BATCH_LIMIT,
    INSERTS ("progress", PROGRESS_COLUMNS, ROW_8),
    "itrrrtti", 2 },
  { "SELECT " PROGRESS_SITE_COLUMNS " FROM progress_site "
    "WHERE (kpi_id, period, position) > (?1, ?2, ?3) "
    "ORDER BY kpi_id, period, position" BATCH_LIMIT,
    INSERTS ("progress_site", PROGRESS_SITE_COLUMNS, ROW_5),
    "ititr", 3 },
  { BY_ID ("audit", AUDIT_COLUMNS),
    INSERTS ("audit", AUDIT_COLUMNS, ROW_13),
    "ittttiitrrttt", 1 },
  { BY_ID ("signoff", SIGNOFF_COLUMNS),
    INSERTS ("signoff", SIGNOFF_COLUMNS, ROW_7),
    "iittttt", 1 },
  { BY_ID ("committee_round", ROUND_COLUMNS),
    INSERTS ("committee_round", ROUND_COLUMNS, ROW_5),
    "itttt", 1 },
  { "SELECT " REPORTED_COLUMNS " FROM reported_value "
    "WHERE (round_id, kpi_id, period) > (?1, ?2, ?3) "
    "ORDER BY round_id, kpi_id, period" BATCH_LIMIT,
    INSERTS ("reported_value", REPORTED_COLUMNS, ROW_5),
    "iitrt", 3 },
  { BY_ID ("return_key", RETURN_KEY_COLUMNS),
    INSERTS ("return_key", RETURN_KEY_COLUMNS, ROW_6),
    "iitttt", 1 },
  { "SELECT " MERGED_RETURN_COLUMNS " FROM merged_return WHERE (district_id, period) > (?1, ?2) "
    "ORDER BY district_id, period" BATCH_LIMIT,
    INSERTS ("merged_return", MERGED_RETURN_COLUMNS, ROW_7),
    "ittittt", 2 },
};

/* Where the last batch ended: the key of its last row. */
typedef struct
{
  gint64  number[MAX_KEY_COLUMNS];
  char   *text[MAX_KEY_COLUMNS];
} Key;

static void
key_clear (Key *key)
{
  for (guint i = 0; i < MAX_KEY_COLUMNS; i++)
    g_clear_pointer (&key->text[i], g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Key, key_clear)

/* Binds @key as ?1... of @select. Before the first batch it is below
 * every row: the smallest integer, and "" (no text key may be empty). */
static void
key_bind (const Key       *key,
          const CopyTable *table,
          PmStatement     *select)
{
  for (guint i = 0; i < table->n_key_columns; i++)
    {
      if (table->types[i] == 'i')
        pm_statement_bind_int64 (select, i + 1, key->number[i]);
      else
        pm_statement_bind_text (select, i + 1, key->text[i] != NULL ? key->text[i] : "");
    }
}

static void
key_remember (Key             *key,
              const CopyTable *table,
              PmStatement     *select)
{
  for (guint i = 0; i < table->n_key_columns; i++)
    {
      if (table->types[i] == 'i')
        {
          key->number[i] = pm_statement_get_int64 (select, i);
        }
      else
        {
          g_free (key->text[i]);
          key->text[i] = g_strdup (pm_statement_get_text (select, i));
        }
    }
}

/* One value read, kept until its row is written. */
typedef struct
{
  char    type;   /* the column's, or 'n' for NULL */
  gint64  number;
  double  real;
  char   *text;
} Value;

/* Rows read and not yet written. */
typedef struct
{
  Value values[ROWS_PER_INSERT * MAX_COLUMNS];
  guint n_rows;
} Rows;

static void
rows_free (Rows *rows)
{
  for (guint i = 0; i < G_N_ELEMENTS (rows->values); i++)
    g_free (rows->values[i].text);
  g_free (rows);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Rows, rows_free)

/* The value in @column of the row @select is on, as the type the column
 * has; NULL stays NULL. */
static void
value_read (Value       *value,
            PmStatement *select,
            int          column,
            char         type)
{
  value->type = pm_statement_is_null (select, column) ? 'n' : type;
  if (value->type == 'i')
    value->number = pm_statement_get_int64 (select, column);
  else if (value->type == 'r')
    value->real = pm_statement_get_double (select, column);
  else if (value->type == 't')
    value->text = g_strdup (pm_statement_get_text (select, column));
}

/* Binds @values in order as ?1... of @insert, runs it, and lets go of
 * them. */
static gboolean
insert_values (PmStatement  *insert,
               Value        *values,
               guint         n_values,
               GError      **error)
{
  gboolean ok;

  for (guint i = 0; i < n_values; i++)
    {
      Value *value = &values[i];

      if (value->type == 'i')
        pm_statement_bind_int64 (insert, i + 1, value->number);
      else if (value->type == 'r')
        pm_statement_bind_double (insert, i + 1, value->real);
      else
        pm_statement_bind_text (insert, i + 1, value->text);
    }

  ok = pm_statement_execute (insert, error);
  pm_statement_reset (insert);

  for (guint i = 0; i < n_values; i++)
    g_clear_pointer (&values[i].text, g_free);
  return ok;
}

static gboolean
copy_table (PmDatabase       *source,
            PmDatabase       *destination,
            const CopyTable  *table,
            GError          **error)
{
  g_autoptr(PmStatement) select = NULL;
  g_autoptr(PmStatement) insert_one = NULL;
  g_autoptr(PmStatement) insert_many = NULL;
  g_autoptr(Rows) rows = g_new0 (Rows, 1);
  g_auto(Key) key = { { G_MININT64, G_MININT64, G_MININT64 }, { NULL, } };
  guint n_columns = strlen (table->types);
  guint n_read;

  g_return_val_if_fail (n_columns <= MAX_COLUMNS, FALSE);
  g_return_val_if_fail (table->n_key_columns <= MAX_KEY_COLUMNS, FALSE);

  select = pm_database_prepare (source, table->select_sql, error);
  if (select == NULL)
    return FALSE;
  insert_one = pm_database_prepare (destination, table->insert_one_sql, error);
  if (insert_one == NULL)
    return FALSE;
  insert_many = pm_database_prepare (destination, table->insert_many_sql, error);
  if (insert_many == NULL)
    return FALSE;

  do
    {
      GError *local_error = NULL;

      n_read = 0;
      key_bind (&key, table, select);
      while (pm_statement_step (select, &local_error))
        {
          Value *row = &rows->values[rows->n_rows * n_columns];

          for (guint column = 0; column < n_columns; column++)
            value_read (&row[column], select, column, table->types[column]);
          rows->n_rows++;
          key_remember (&key, table, select);
          n_read++;

          if (rows->n_rows == ROWS_PER_INSERT)
            {
              if (!insert_values (insert_many, rows->values, ROWS_PER_INSERT * n_columns, error))
                return FALSE;
              rows->n_rows = 0;
            }
        }
      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return FALSE;
        }
      pm_statement_reset (select);
    }
  while (n_read == BATCH_ROWS);

  /* What is left, fewer than a statement's worth: one at a time. */
  for (guint i = 0; i < rows->n_rows; i++)
    {
      if (!insert_values (insert_one, &rows->values[i * n_columns], n_columns, error))
        return FALSE;
    }

  return TRUE;
}

/* Every row of @source into @destination, inside the transaction open on
 * @destination. */
static gboolean
copy_rows (PmDatabase  *source,
           PmDatabase  *destination,
           GError     **error)
{
  gboolean ok;

  if (!pm_database_begin_read (source, error))
    return FALSE;

  /* The triggers are for changes, and a copy makes none: they would
   * write every value, baseline, target and narrative into the audit
   * trail again as new, and refuse the values of an accepted quarter
   * copied before its sign-off. Off, the trail comes over as it was,
   * ids and all, and nothing else; foreign keys and checks still hold.
   * Both engines can, inside the transaction on the new database (a
   * server lets the owner of the tables, which the copy has just made). */
  ok = pm_database_set_triggers_enabled (destination, FALSE, error);

  for (guint i = 0; ok && i < G_N_ELEMENTS (copy_tables); i++)
    ok = copy_table (source, destination, &copy_tables[i], error);

  /* Rows came with their ids: later ones must not take the same. */
  ok = ok && pm_database_reset_ids (destination, error);

  /* On again whatever happened: a file's connection keeps the setting
   * past a rollback. After a failure on a server, whose transaction
   * then refuses everything until the rollback undoes it anyway, this
   * fails too, and the first error is the one to tell. */
  if (ok)
    ok = pm_database_set_triggers_enabled (destination, TRUE, error);
  else
    pm_database_set_triggers_enabled (destination, TRUE, NULL);

  /* Nothing was written to the source: ending its snapshot either way
   * is the same. */
  pm_database_rollback (source);
  return ok;
}

static gboolean
copy_to_file (PmDatabase  *source,
              const char  *path,
              GError     **error)
{
  g_autoptr(PmDatabase) destination = NULL;
  g_autoptr(PmSafeFile) file = NULL;
  g_autofree char *display_name = g_filename_display_basename (path);
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *temp_wal = NULL;
  GError *file_error = NULL;
  const char *temp;
  gboolean ok;

  /* The open database, or one of its side files even before sqlite makes
   * it, is told as such rather than as a file that is there. */
  if (!pm_safe_file_check_unprotected (path, &file_error))
    {
      _pm_file_propagate_error (error, file_error);
      return FALSE;
    }

  if (g_file_test (path, G_FILE_TEST_EXISTS) || g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_NOT_EMPTY,
                   _("“%s” already exists. Copy to a new file, or to an empty database on a "
                     "server."),
                   display_name);
      return FALSE;
    }

  /* Said here, naming the folder, rather than by the engine, which would
   * name the hidden file below. A missing folder is told below. */
  if (g_file_test (folder, G_FILE_TEST_IS_DIR) && !_pm_file_is_writable (folder))
    {
      g_autofree char *folder_name = g_filename_display_name (folder);

      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_READ_ONLY,
                   _("The folder “%s” is read-only: “%s” cannot be written there."),
                   folder_name, display_name);
      return FALSE;
    }

  /* Filled under a hidden name and renamed once whole, so that neither a
   * failure nor a crash leaves a file at @path that is a database but not
   * the copy. The name is taken by making a file, and freed again for
   * pm_database_create(), which makes the schema and renames it onto that
   * name without replacing anything that took it meanwhile; then the new
   * file is taken in its place. */
  file = pm_safe_file_begin (path, PM_SAFE_FILE_NEW | PM_SAFE_FILE_DATABASE, &file_error);
  if (file == NULL)
    {
      _pm_file_propagate_error (error, file_error);
      return FALSE;
    }
  temp = pm_safe_file_get_temp_path (file);
  g_unlink (temp);

  destination = pm_database_create (temp, PM_STORE_SCHEMA_VERSION, error);
  if (destination == NULL)
    return FALSE;
  /* Messages name the file the person asked for. */
  _pm_database_set_location (destination, temp, display_name, FALSE);

  ok = pm_safe_file_reopen (file, &file_error);
  if (!ok)
    _pm_file_propagate_error (error, file_error);

  ok = ok && pm_database_begin (destination, error);
  if (ok && !(copy_rows (source, destination, error) && pm_database_commit (destination, error)))
    {
      pm_database_rollback (destination);
      ok = FALSE;
    }

  /* Closing the last connection folds the write-ahead log into the file,
   * which alone then holds the copy. */
  pm_database_close (destination);
  temp_wal = g_strconcat (temp, "-wal", NULL);
  if (ok && g_file_test (temp_wal, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_IO,
                   _("The copy in “%s” could not be finished: its last changes are still in a "
                     "separate log. Nothing was copied."),
                   display_name);
      ok = FALSE;
    }

  if (ok && !pm_safe_file_commit (file, &file_error))
    {
      _pm_file_propagate_error (error, file_error);
      ok = FALSE;
    }

  return ok;
}

static gboolean
copy_to_server (PmDatabase  *source,
                const char  *location,
                GError     **error)
{
  g_autoptr(PmDatabase) destination = NULL;
  g_autoptr(GError) local_error = NULL;
  int version = 0;

  destination = pm_database_open (location, PM_STORE_OPEN_CREATE, &local_error);
  if (destination == NULL &&
      !g_error_matches (local_error, PM_STORE_ERROR, PM_STORE_ERROR_FOREIGN))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  /* Another application's tables, or a Pilot Monitor database already. */
  if (destination == NULL || !pm_database_get_created (destination))
    goto not_empty;

  /* The schema and the rows in one transaction: a failure anywhere leaves
   * the database as empty as it was. The version is read again under the
   * lock the migrations take, in case another copy got there first. */
  if (!pm_database_begin (destination, error))
    return FALSE;
  if (!pm_database_get_schema_version (destination, &version, error))
    goto failed;
  if (version != 0)
    {
      pm_database_rollback (destination);
      goto not_empty;
    }

  if (!pm_database_migrate_in_transaction (destination, PM_STORE_SCHEMA_VERSION, error) ||
      !copy_rows (source, destination, error) ||
      !pm_database_commit (destination, error))
    goto failed;

  return TRUE;

failed:
  pm_database_rollback (destination);
  return FALSE;

not_empty:
  {
    g_autofree char *display_name = pm_store_describe_location (location);

    g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_NOT_EMPTY,
                 _("“%s” is not empty. Copy to an empty database on the server (one just "
                   "made with CREATE DATABASE), or to a new file."),
                 display_name);
    return FALSE;
  }
}

gboolean
pm_store_copy_to (PmStore     *self,
                  const char  *destination,
                  GError     **error)
{
  PmDatabase *source;
  int version = 0;

  g_return_val_if_fail (PM_IS_STORE (self), FALSE);
  g_return_val_if_fail (destination != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  source = _pm_store_get_database (self);

  /* A bulk import holds its transaction open between slices. */
  if (pm_database_in_transaction (source))
    {
      g_set_error_literal (error, PM_STORE_ERROR, PM_STORE_ERROR_LOCKED,
                           _("An import is still being written. Try again when it has finished."));
      return FALSE;
    }

  /* Opened read-only, an older database is read as it is, without the
   * tables and columns the copy reads. */
  if (!pm_database_get_schema_version (source, &version, error))
    return FALSE;
  if (version != PM_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_READ_ONLY,
                   _("“%s” was written by an older version of Pilot Monitor and has not been "
                     "updated yet. Open it once to make changes, then copy it."),
                   pm_database_get_display_name (source));
      return FALSE;
    }

  if (pm_database_location_is_server (destination))
    return copy_to_server (source, destination, error);

  return copy_to_file (source, destination, error);
}
