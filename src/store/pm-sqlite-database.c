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

struct _PmSqliteDatabase
{
  PmDatabase  parent_instance;

  /* PRAGMA data_version when last polled: it moves when another
   * connection commits. */
  int         data_version;

  /* Owned references */
  sqlite3    *db;
  /* Prepared statements not in use, by their SQL: the loader runs the
   * same few queries once per KPI, and parsing them is most of its time. */
  GHashTable *statements;
};

G_DEFINE_FINAL_TYPE (PmSqliteDatabase, pm_sqlite_database, PM_TYPE_DATABASE)

typedef PmSqliteDatabase Self;

#define DISPLAY_NAME(self) pm_database_get_display_name (PM_DATABASE (self))
#define PATH(self) pm_database_get_path (PM_DATABASE (self))

/* The schema itself, one migration per version, is in pm-schema-sqlite.c.
 * PRAGMA takes no bound parameters, so the id is spelt out once here. */
#define SET_APPLICATION_ID_SQL "PRAGMA application_id = 1347243854;"
G_STATIC_ASSERT (PM_DATABASE_APPLICATION_ID == 1347243854);

#define DAMAGED_MESSAGE \
  _("“%s” is damaged and cannot be used safely: part of the file has been " \
    "overwritten or lost. Open a backup copy instead.")

static void
set_error_from_code (GError     **error,
                     int          rc,
                     const char  *display_name,
                     const char  *raw_detail)
{
  /* sqlite quotes the file's own bytes in some messages ("near "\x9f":
   * syntax error" for a damaged schema): a message must stay UTF-8. */
  g_autofree char *detail = g_utf8_make_valid (raw_detail != NULL ? raw_detail : "", -1);

  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_LOCKED,
                   _("“%s” is in use by another program. Try again when it has finished."),
                   display_name);
      break;

    case SQLITE_FULL:
      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_FULL,
                   _("There is no room left to save “%s”: the disk is full."),
                   display_name);
      break;

    case SQLITE_READONLY:
    case SQLITE_PERM:
      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_READ_ONLY,
                   _("“%s” cannot be changed: it is read-only."),
                   display_name);
      break;

    case SQLITE_NOTADB:
      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a Pilot Monitor database."),
                   display_name);
      break;

    case SQLITE_CORRUPT:
      g_debug ("“%s” is damaged: %s", display_name, detail);
      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_CORRUPT, DAMAGED_MESSAGE, display_name);
      break;

    case SQLITE_CONSTRAINT:
      /* Raised by the sign-off triggers (schema 4 and 8). */
      if (_pm_database_set_guard_error (detail, error))
        break;
      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_INVALID,
                   _("The change was refused because it breaks a rule of the programme data (%s)."),
                   detail);
      break;

    case SQLITE_IOERR:
      /* A full disk caught part way through a write, a quota or a size
       * limit: sqlite says only that the write failed. */
      if (rc == SQLITE_IOERR_WRITE || rc == SQLITE_IOERR_FSYNC || rc == SQLITE_IOERR_TRUNCATE ||
          rc == SQLITE_IOERR_SHMSIZE || rc == SQLITE_IOERR_DIR_FSYNC)
        {
          g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_IO,
                       _("Could not write to “%s”: the disk may be full, or the file may "
                         "have reached a size limit. Nothing was saved; free some space "
                         "and try again."),
                       display_name);
          break;
        }
      G_GNUC_FALLTHROUGH;

    default:
      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_IO,
                   _("Could not read or write “%s” (%s)."),
                   display_name, detail);
      break;
    }
}

static void
set_error_from_db (Self        *self,
                   int          rc,
                   GError     **error)
{
  set_error_from_code (error, rc, DISPLAY_NAME (self), sqlite3_errmsg (self->db));
}

/* Runs every statement in @sql on @db, ignoring rows. */
static int
execute_on (sqlite3    *db,
            const char *sql)
{
  const char *tail = sql;

  while (tail != NULL && *tail != '\0')
    {
      sqlite3_stmt *stmt = NULL;
      int rc;

      rc = sqlite3_prepare_v2 (db, tail, -1, &stmt, &tail);
      if (rc != SQLITE_OK)
        return rc;
      if (stmt == NULL)
        continue;

      do
        rc = sqlite3_step (stmt);
      while (rc == SQLITE_ROW);

      sqlite3_finalize (stmt);
      if (rc != SQLITE_DONE)
        return rc;
    }

  return SQLITE_OK;
}

/* The first column of the first row of constant @sql, as an int or (when
 * @text is given) as a new string. */
static int
query_on (sqlite3     *db,
          const char  *sql,
          int         *value,
          char       **text)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return rc;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      if (value != NULL)
        *value = sqlite3_column_int (stmt, 0);
      if (text != NULL)
        *text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      rc = SQLITE_OK;
    }
  else if (rc == SQLITE_DONE)
    {
      rc = SQLITE_OK;
    }

  sqlite3_finalize (stmt);
  return rc;
}

static gboolean
check_folder_writable (Self        *self,
                       GError     **error)
{
  g_autofree char *folder = g_path_get_dirname (PATH (self));
  g_autofree char *folder_name = NULL;

  if (_pm_file_is_writable (folder))
    return TRUE;

  folder_name = g_filename_display_name (folder);
  g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_READ_ONLY,
               _("The folder “%s” is read-only, and Pilot Monitor needs to keep working "
                 "files beside “%s” while it is open. Open it read-only, or move it to "
                 "a folder you can change."),
               folder_name, DISPLAY_NAME (self));
  return FALSE;
}

/* Everything that can refuse a file, on a read-only connection so that a
 * file that is not ours is never written to. */
static gboolean
check_database (Self        *self,
                GError     **error)
{
  const char *path = PATH (self);
  const char *display_name = DISPLAY_NAME (self);
  g_autofree char *check = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  sqlite3 *db = NULL;
  int application_id = 0;
  int version = 0;
  int rc;

  /* Even a read-only connection leaves -wal and -shm files behind in a WAL
   * database. When there is no -wal or journal, the file alone is the whole
   * database and nobody is writing it, so it can be read as immutable and
   * nothing at all is created beside it. */
  if (!g_file_test (wal, G_FILE_TEST_EXISTS) &&
      !g_file_test (journal, G_FILE_TEST_EXISTS))
    {
      g_autofree char *absolute = g_canonicalize_filename (path, NULL);
      g_autofree char *file_uri = g_filename_to_uri (absolute, NULL, NULL);

      if (file_uri != NULL)
        uri = g_strconcat (file_uri, "?immutable=1", NULL);
    }

  if (uri != NULL)
    rc = sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
  else
    rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL);
  if (rc == SQLITE_OK)
    rc = query_on (db, "PRAGMA application_id", &application_id, NULL);
  if (rc != SQLITE_OK)
    goto failed;

  if ((guint32) application_id != PM_DATABASE_APPLICATION_ID)
    {
      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_FOREIGN,
                   _("“%s” was made by another application: it is not a Pilot Monitor database."),
                   display_name);
      sqlite3_close (db);
      return FALSE;
    }

  rc = query_on (db, "PRAGMA user_version", &version, NULL);
  if (rc != SQLITE_OK)
    goto failed;

  if (version > PM_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_TOO_NEW,
                   _("“%s” was written by a newer version of Pilot Monitor (schema %d; this "
                     "version reads up to %d). Please update Pilot Monitor to open it."),
                   display_name, version, PM_STORE_SCHEMA_VERSION);
      sqlite3_close (db);
      return FALSE;
    }

  rc = query_on (db, "PRAGMA quick_check", NULL, &check);
  if (rc != SQLITE_OK)
    goto failed;

  if (g_strcmp0 (check, "ok") != 0)
    {
      /* sqlite's report names pages and b-trees: for a bug report, not
       * for the person who wanted their programme. */
      g_autofree char *report = g_utf8_make_valid (check ? check : "no result", -1);

      g_debug ("“%s” failed quick_check: %s", path, report);
      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_CORRUPT, DAMAGED_MESSAGE,
                   display_name);
      sqlite3_close (db);
      return FALSE;
    }

  sqlite3_close (db);
  return TRUE;

failed:
  set_error_from_code (error, rc, display_name,
                       db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
  sqlite3_close (db);
  return FALSE;
}

static gboolean
open_connection (Self        *self,
                 GError     **error)
{
  g_autofree char *journal_mode = NULL;
  gboolean read_only = pm_database_is_read_only (PM_DATABASE (self));
  int flags = read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
  sqlite3 *db = NULL;
  int rc;

  rc = sqlite3_open_v2 (PATH (self), &db, flags, NULL);
  if (rc != SQLITE_OK)
    goto failed;

  sqlite3_extended_result_codes (db, 1);
  sqlite3_busy_timeout (db, PM_DATABASE_DEFAULT_BUSY_TIMEOUT_MS);

  /* Statement journals (each write that fires the audit triggers inside
   * a longer transaction has one) kept in memory, not in temporary
   * files: a bulk import is four times faster. Recursive triggers so
   * that a row deleted by REPLACE meets the delete triggers too (the
   * guard on accepted quarters), as any other deleted row does. */
  rc = execute_on (db, "PRAGMA foreign_keys = ON; PRAGMA temp_store = MEMORY; "
                       "PRAGMA recursive_triggers = ON;");
  if (rc != SQLITE_OK)
    goto failed;

  if (read_only)
    {
      rc = execute_on (db, "PRAGMA query_only = ON;");
      if (rc != SQLITE_OK)
        goto failed;
    }
  else
    {
      /* WAL with a full sync: a commit is on disk when it returns, and
       * readers never see half a write. */
      rc = query_on (db, "PRAGMA journal_mode = WAL", NULL, &journal_mode);
      if (rc != SQLITE_OK)
        goto failed;
      if (g_strcmp0 (journal_mode, "wal") != 0)
        g_warning ("“%s” cannot use write-ahead logging here (journal mode %s); "
                   "continuing with a rollback journal",
                   PATH (self), journal_mode);

      rc = execute_on (db, "PRAGMA synchronous = FULL;");
      if (rc != SQLITE_OK)
        goto failed;
    }

  self->db = db;
  return TRUE;

failed:
  set_error_from_code (error, rc, DISPLAY_NAME (self),
                       db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
  sqlite3_close (db);
  return FALSE;
}

static PmStatement *sqlite_prepare (PmDatabase  *database,
                                     const char  *sql,
                                     GError     **error);

PmDatabase *
pm_sqlite_database_open (const char        *path,
                         PmStoreOpenFlags   flags,
                         GError           **error)
{
  g_autoptr(PmSqliteDatabase) self = NULL;
  g_autofree char *display_name = NULL;
  gboolean read_only = (flags & PM_STORE_OPEN_READ_ONLY) != 0;
  gboolean created = FALSE;
  struct stat st;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (PM_TYPE_SQLITE_DATABASE, NULL);
  display_name = g_filename_display_basename (path);
  _pm_database_set_location (PM_DATABASE (self), path, display_name, read_only);

  if (g_stat (path, &st) != 0)
    {
      int saved_errno = errno;

      if (saved_errno != ENOENT || (flags & PM_STORE_OPEN_CREATE) == 0 || read_only)
        {
          _pm_file_set_error_from_errno (saved_errno, path, error);
          return NULL;
        }

      if (!check_folder_writable (self, error) ||
          !_pm_file_create_private (path, error))
        return NULL;

      created = TRUE;
    }
  else
    {
      if (!_pm_file_check_header (path, &st, error) ||
          !check_database (self, error))
        return NULL;

      if (!read_only)
        {
          if (!_pm_file_is_writable (path))
            {
              g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_READ_ONLY,
                           _("“%s” is read-only, so changes could not be saved. Open it "
                             "read-only, or save a copy you can change."),
                           display_name);
              return NULL;
            }

          if (!check_folder_writable (self, error))
            return NULL;
        }
    }

  if (!open_connection (self, error))
    {
      if (created)
        g_unlink (path);
      return NULL;
    }

  _pm_database_set_created (PM_DATABASE (self), created);
  return PM_DATABASE (g_steal_pointer (&self));
}

PmDatabase *
pm_sqlite_database_create (const char  *path,
                           int          version,
                           GError     **error)
{
  g_autoptr(PmSqliteDatabase) self = NULL;
  g_autoptr(PmSafeFile) file = NULL;
  g_autofree char *display_name = NULL;
  GError *file_error = NULL;
  sqlite3 *db = NULL;
  gboolean ok;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (version >= 1 && version <= PM_STORE_SCHEMA_VERSION, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (PM_TYPE_SQLITE_DATABASE, NULL);
  display_name = g_filename_display_basename (path);
  _pm_database_set_location (PM_DATABASE (self), path, display_name, FALSE);

  if (!check_folder_writable (self, error))
    return NULL;

  /* Made under a hidden name, and given @path only if no file took it
   * meanwhile: a crash before then leaves nothing at @path, never a file
   * that is not yet a Pilot Monitor database. */
  file = pm_safe_file_begin (path, PM_SAFE_FILE_NEW | PM_SAFE_FILE_DATABASE, &file_error);
  if (file == NULL)
    {
      _pm_file_propagate_error (error, file_error);
      return NULL;
    }

  /* The schema is written with a rollback journal, so that once the
   * connection is closed the file alone holds all of it, ready to be
   * renamed. */
  rc = sqlite3_open_v2 (pm_safe_file_get_temp_path (file), &db, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_extended_result_codes (db, 1);
      rc = execute_on (db, "PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL;");
    }
  if (rc != SQLITE_OK)
    {
      set_error_from_code (error, rc, display_name,
                           db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
      sqlite3_close (db);
      return NULL;
    }

  self->db = db;
  ok = pm_database_migrate_to (PM_DATABASE (self), version, error);

  /* Switched to WAL here, not once it has its name: the switch itself
   * writes with a rollback journal, and a crash in it would leave a hot
   * journal that the read-only checks at open cannot roll back. Closing
   * the last connection folds the WAL back into the file. */
  if (ok && (rc = execute_on (db, "PRAGMA journal_mode = WAL;")) != SQLITE_OK)
    {
      set_error_from_code (error, rc, display_name, sqlite3_errmsg (db));
      ok = FALSE;
    }
  pm_database_close (PM_DATABASE (self));

  if (!ok)
    return NULL;
  if (!pm_safe_file_commit (file, &file_error))
    {
      _pm_file_propagate_error (error, file_error);
      return NULL;
    }

  _pm_database_set_created (PM_DATABASE (self), TRUE);
  if (!open_connection (self, error))
    return NULL;

  return PM_DATABASE (g_steal_pointer (&self));
}

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

  rc = query_on (self->db, "PRAGMA user_version", version, NULL);
  if (rc != SQLITE_OK)
    {
      set_error_from_db (self, rc, error);
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

  rc = execute_on (self->db, sql);
  if (rc != SQLITE_OK)
    {
      set_error_from_db (self, rc, error);
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
      set_error_from_db (self, rc, error);
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

  if (execute_on (self->db, "ROLLBACK;") != SQLITE_OK)
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

    set_error_from_code (error, rc, name,
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

  rc = query_on (self->db, "PRAGMA data_version", &version, NULL);
  if (rc != SQLITE_OK)
    {
      set_error_from_db (self, rc, error);
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
      set_error_from_code (error, self->bind_rc, DISPLAY_NAME (self->database),
                           sqlite3_errstr (self->bind_rc));
      return FALSE;
    }

  rc = sqlite3_step (self->stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc != SQLITE_DONE)
    set_error_from_db (self->database, rc, error);

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
      set_error_from_db (self, rc, error);
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
