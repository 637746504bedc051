/* pm-sqlite-database.c: the sqlite engine, one programme in one file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include <sqlite3.h>

#include "util/pm-safe-file.h"
#include "pm-database-private.h"
#include "pm-sqlite-database.h"
#include "pm-sqlite-database-private.h"

G_DEFINE_FINAL_TYPE (PmSqliteDatabase, pm_sqlite_database, PM_TYPE_DATABASE)

G_STATIC_ASSERT (PM_DATABASE_APPLICATION_ID == 1347243854);

static PmStatement *sqlite_prepare (PmDatabase  *database,
                                     const char  *sql,
                                     GError     **error);

/* The engine */

static gboolean
sqlite_is_open (PmDatabase *database)
{
  return PM_SQLITE_DATABASE (database)->db != NULL;
}

static void
sqlite_close (PmDatabase *database)
{
  Self *self = PM_SQLITE_DATABASE (database);

  g_hash_table_remove_all (self->statements);

  /* close_v2 waits for any statement still alive to be finalized. */
  if (sqlite3_close_v2 (self->db) != SQLITE_OK)
    g_warning ("Closing “%s”: %s", PATH (self), sqlite3_errmsg (self->db));
  self->db = NULL;
}

static void
sqlite_set_busy_timeout (PmDatabase *database,
                         guint       milliseconds)
{
  sqlite3_busy_timeout (PM_SQLITE_DATABASE (database)->db, (int) milliseconds);
}

static gboolean
sqlite_get_schema_version (PmDatabase  *database,
                           int         *version,
                           GError     **error)
{
  Self *self = PM_SQLITE_DATABASE (database);
  int rc;

  rc = _pm_sqlite_query_on (self->db, "PRAGMA user_version", version, NULL);
  if (rc != SQLITE_OK)
    {
      _pm_sqlite_set_error_from_db (self, rc, error);
      return FALSE;
    }

  return TRUE;
}

static gboolean
sqlite_stamp_schema (PmDatabase  *database,
                     GError     **error)
{
  return pm_database_execute (database, SET_APPLICATION_ID_SQL, error);
}

static gboolean
sqlite_execute (PmDatabase  *database,
                const char  *sql,
                GError     **error)
{
  Self *self = PM_SQLITE_DATABASE (database);
  int rc;

  rc = _pm_sqlite_execute_on (self->db, sql);
  if (rc != SQLITE_OK)
    {
      _pm_sqlite_set_error_from_db (self, rc, error);
      return FALSE;
    }

  return TRUE;
}

static gboolean
sqlite_begin (PmDatabase  *database,
              GError     **error)
{
  return sqlite_execute (database, "BEGIN IMMEDIATE;", error);
}

/* Deferred: the snapshot is taken at the first read, and in WAL mode
 * writers carry on meanwhile. */
static gboolean
sqlite_begin_read (PmDatabase  *database,
                   GError     **error)
{
  return sqlite_execute (database, "BEGIN DEFERRED;", error);
}

/* For this connection only, and not undone by a rollback: the caller
 * turns them on again whatever happens. */
static gboolean
sqlite_set_triggers_enabled (PmDatabase  *database,
                             gboolean     enabled,
                             GError     **error)
{
  Self *self = PM_SQLITE_DATABASE (database);
  int rc;

  rc = sqlite3_db_config (self->db, SQLITE_DBCONFIG_ENABLE_TRIGGER, enabled ? 1 : 0, (int *) NULL);
  if (rc != SQLITE_OK)
    {
      _pm_sqlite_set_error_from_db (self, rc, error);
      return FALSE;
    }

  return TRUE;
}

static gboolean
sqlite_commit (PmDatabase  *database,
               GError     **error)
{
  return sqlite_execute (database, "COMMIT;", error);
}

static void
sqlite_rollback (PmDatabase *database)
{
  Self *self = PM_SQLITE_DATABASE (database);

  /* sqlite may already have rolled back by itself (on SQLITE_FULL, say). */
  if (sqlite3_get_autocommit (self->db))
    return;

  if (_pm_sqlite_execute_on (self->db, "ROLLBACK;") != SQLITE_OK)
    g_warning ("Could not roll back a change to “%s”: %s",
               PATH (self), sqlite3_errmsg (self->db));
}

/* The audit triggers read who and where from out of the one row of
 * change_context, written in the same transaction. */
static gboolean
sqlite_set_change_context (PmDatabase  *database,
                           const char  *author,
                           const char  *source,
                           GError     **error)
{
  g_autoptr(PmStatement) stmt = NULL;

  stmt = sqlite_prepare (database, "UPDATE change_context SET author = ?1, source = ?2 WHERE id = 1",
                         error);
  if (stmt == NULL)
    return FALSE;
  pm_statement_bind_text (stmt, 1, author);
  pm_statement_bind_text (stmt, 2, source);
  return pm_statement_execute (stmt, error);
}

/* Read by the trigger on audit (schema 7) for a change from a return. */
static gboolean
sqlite_set_change_key (PmDatabase  *database,
                       const char  *fingerprint,
                       GError     **error)
{
  g_autoptr(PmStatement) stmt = NULL;

  stmt = sqlite_prepare (database, "UPDATE change_context SET key_fingerprint = ?1 WHERE id = 1",
                         error);
  if (stmt == NULL)
    return FALSE;
  pm_statement_bind_text (stmt, 1, fingerprint);
  return pm_statement_execute (stmt, error);
}

static int
sqlite_get_changes (PmDatabase *database)
{
  return sqlite3_changes (PM_SQLITE_DATABASE (database)->db);
}

static gboolean
sqlite_backup_to (PmDatabase  *database,
                  const char  *path,
                  GError     **error)
{
  Self *self = PM_SQLITE_DATABASE (database);
  g_autoptr(PmSafeFile) file = NULL;
  GError *file_error = NULL;
  sqlite3_backup *backup;
  sqlite3 *dest = NULL;
  int rc;

  /* Never over a file, and whole or not at all. */
  file = pm_safe_file_begin (path, PM_SAFE_FILE_NEW | PM_SAFE_FILE_DATABASE, &file_error);
  if (file == NULL)
    {
      _pm_file_propagate_error (error, file_error);
      return FALSE;
    }

  rc = sqlite3_open_v2 (pm_safe_file_get_temp_path (file), &dest, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK)
    goto failed;

  backup = sqlite3_backup_init (dest, "main", self->db, "main");
  if (backup == NULL)
    {
      rc = sqlite3_extended_errcode (dest);
      goto failed;
    }

  rc = sqlite3_backup_step (backup, -1);
  if (rc == SQLITE_DONE)
    rc = sqlite3_backup_finish (backup);
  else
    sqlite3_backup_finish (backup);
  if (rc != SQLITE_OK)
    goto failed;

  rc = sqlite3_close (dest);
  dest = NULL;
  if (rc != SQLITE_OK)
    goto failed;

  if (!pm_safe_file_commit (file, &file_error))
    {
      _pm_file_propagate_error (error, file_error);
      return FALSE;
    }

  return TRUE;

failed:
  {
    g_autofree char *name = g_filename_display_basename (path);

    _pm_sqlite_set_error_from_code (error, rc, name,
                                    dest != NULL ? sqlite3_errmsg (dest) : sqlite3_errstr (rc));
    sqlite3_close (dest);
    return FALSE;
  }
}

static gboolean
sqlite_poll_changes (PmDatabase  *database,
                     GError     **error)
{
  Self *self = PM_SQLITE_DATABASE (database);
  int version = 0;
  int rc;
  gboolean changed;

  rc = _pm_sqlite_query_on (self->db, "PRAGMA data_version", &version, NULL);
  if (rc != SQLITE_OK)
    {
      _pm_sqlite_set_error_from_db (self, rc, error);
      return FALSE;
    }

  changed = self->data_version != 0 && version != self->data_version;
  self->data_version = version;
  return changed;
}

/* Statements */

typedef struct
{
  PmStatement   parent;
  Self         *database;
  sqlite3_stmt *stmt;
  /* The first failed bind, reported by the next step. */
  int           bind_rc;
} SqliteStatement;

#define STMT(statement) ((SqliteStatement *) (statement))

static void
keep_bind_result (SqliteStatement *self,
                  int              rc)
{
  if (self->bind_rc == SQLITE_OK && rc != SQLITE_OK)
    self->bind_rc = rc;
}

static void
statement_free (PmStatement *statement)
{
  SqliteStatement *self = STMT (statement);
  Self *database = self->database;
  const char *sql = sqlite3_sql (self->stmt);

  /* One idle copy of each is enough; a closed connection keeps none. */
  if (database->db == NULL || sql == NULL || g_hash_table_contains (database->statements, sql))
    {
      sqlite3_finalize (self->stmt);
    }
  else
    {
      sqlite3_reset (self->stmt);
      sqlite3_clear_bindings (self->stmt);
      g_hash_table_insert (database->statements, g_strdup (sql), self->stmt);
    }

  g_clear_object (&self->database);
  g_free (self);
}

static void
statement_bind_int64 (PmStatement *statement,
                      int          index,
                      gint64       value)
{
  keep_bind_result (STMT (statement), sqlite3_bind_int64 (STMT (statement)->stmt, index, value));
}

static void
statement_bind_double (PmStatement *statement,
                       int          index,
                       double       value)
{
  keep_bind_result (STMT (statement), sqlite3_bind_double (STMT (statement)->stmt, index, value));
}

static void
statement_bind_text (PmStatement *statement,
                     int          index,
                     const char  *value)
{
  SqliteStatement *self = STMT (statement);

  if (value == NULL)
    keep_bind_result (self, sqlite3_bind_null (self->stmt, index));
  else
    keep_bind_result (self, sqlite3_bind_text (self->stmt, index, value, -1, SQLITE_TRANSIENT));
}

static gboolean
statement_step (PmStatement  *statement,
                GError      **error)
{
  SqliteStatement *self = STMT (statement);
  int rc;

  if (!_pm_database_check_open (PM_DATABASE (self->database), error))
    return FALSE;

  if (self->bind_rc != SQLITE_OK)
    {
      _pm_sqlite_set_error_from_code (error, self->bind_rc, DISPLAY_NAME (self->database),
                                      sqlite3_errstr (self->bind_rc));
      return FALSE;
    }

  rc = sqlite3_step (self->stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc != SQLITE_DONE)
    _pm_sqlite_set_error_from_db (self->database, rc, error);

  return FALSE;
}

static void
statement_reset (PmStatement *statement)
{
  SqliteStatement *self = STMT (statement);

  sqlite3_reset (self->stmt);
  sqlite3_clear_bindings (self->stmt);
  self->bind_rc = SQLITE_OK;
}

static gboolean
statement_is_null (PmStatement *statement,
                   int          column)
{
  return sqlite3_column_type (STMT (statement)->stmt, column) == SQLITE_NULL;
}

static gint64
statement_get_int64 (PmStatement *statement,
                     int          column)
{
  return sqlite3_column_int64 (STMT (statement)->stmt, column);
}

static double
statement_get_double (PmStatement *statement,
                      int          column)
{
  return sqlite3_column_double (STMT (statement)->stmt, column);
}

static const char *
statement_get_text (PmStatement *statement,
                    int          column)
{
  return (const char *) sqlite3_column_text (STMT (statement)->stmt, column);
}

static const PmStatementOps statement_ops = {
  statement_free,
  statement_bind_int64,
  statement_bind_double,
  statement_bind_text,
  statement_step,
  statement_reset,
  statement_is_null,
  statement_get_int64,
  statement_get_double,
  statement_get_text,
};

static PmStatement *
sqlite_prepare (PmDatabase  *database,
                const char  *sql,
                GError     **error)
{
  Self *self = PM_SQLITE_DATABASE (database);
  SqliteStatement *statement;
  sqlite3_stmt *stmt = NULL;
  gpointer key;
  int rc = SQLITE_OK;

  if (g_hash_table_steal_extended (self->statements, sql, &key, (gpointer *) &stmt))
    g_free (key);
  else
    rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _pm_sqlite_set_error_from_db (self, rc, error);
      return NULL;
    }

  statement = g_new0 (SqliteStatement, 1);
  statement->parent.ops = &statement_ops;
  statement->database = g_object_ref (self);
  statement->stmt = stmt;
  statement->bind_rc = SQLITE_OK;

  return &statement->parent;
}

/* The class */

static void
pm_sqlite_database_finalize (GObject *object)
{
  Self *self = PM_SQLITE_DATABASE (object);

  g_clear_pointer (&self->statements, g_hash_table_unref);

  G_OBJECT_CLASS (pm_sqlite_database_parent_class)->finalize (object);
}

static gboolean
sqlite_check_integrity (PmDatabase  *database,
                        GError     **error)
{
  return _pm_sqlite_quick_check (pm_database_get_path (database), error);
}

static void
pm_sqlite_database_class_init (PmSqliteDatabaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  PmDatabaseClass *database_class = PM_DATABASE_CLASS (klass);

  object_class->finalize = pm_sqlite_database_finalize;

  database_class->migrations = _pm_schema_migrations;
  database_class->close = sqlite_close;
  database_class->is_open = sqlite_is_open;
  database_class->get_schema_version = sqlite_get_schema_version;
  database_class->stamp_schema = sqlite_stamp_schema;
  database_class->execute = sqlite_execute;
  database_class->begin = sqlite_begin;
  database_class->begin_read = sqlite_begin_read;
  database_class->check_integrity = sqlite_check_integrity;
  database_class->set_triggers_enabled = sqlite_set_triggers_enabled;
  database_class->commit = sqlite_commit;
  database_class->rollback = sqlite_rollback;
  database_class->set_change_context = sqlite_set_change_context;
  database_class->set_change_key = sqlite_set_change_key;
  database_class->get_changes = sqlite_get_changes;
  database_class->backup_to = sqlite_backup_to;
  database_class->set_busy_timeout = sqlite_set_busy_timeout;
  database_class->prepare = sqlite_prepare;
  database_class->poll_changes = sqlite_poll_changes;
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
pm_sqlite_database_init (Self *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
}
