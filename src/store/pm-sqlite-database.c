/* pm-database.c: a thin sqlite connection, every failure a GError
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "pm-database-private.h"

struct _PmDatabase
{
  GObject   parent_instance;

  /* Owned references */
  sqlite3  *db;
  char     *path;
  char     *display_name;
  /* Prepared statements not in use, by their SQL: the loader runs the
   * same few queries once per KPI, and parsing them is most of its time. */
  GHashTable *statements;

  guint     read_only : 1;
  guint     created : 1;
  guint     in_transaction : 1;
};

G_DEFINE_TYPE (PmDatabase, pm_database, G_TYPE_OBJECT)

G_DEFINE_QUARK (pm-store-error-quark, pm_store_error)
G_DEFINE_QUARK (pm-file-error-quark, pm_file_error)

/* The schema itself, one migration per version, is in pm-schema.c.
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
      /* Raised by the sign-off triggers (schema 4). */
      if (strstr (detail, "pm-quarter-accepted") != NULL)
        {
          g_set_error_literal (error, PM_STORE_ERROR, PM_STORE_ERROR_READ_ONLY,
                               _("This quarter has been accepted by the programme office and "
                                 "is read-only. Reopen it to change it."));
          break;
        }
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
set_error_from_db (PmDatabase  *self,
                   sqlite3     *db,
                   int          rc,
                   GError     **error)
{
  set_error_from_code (error, rc, self->display_name, sqlite3_errmsg (db));
}

static gboolean
check_open (PmDatabase  *self,
            GError     **error)
{
  if (self->db != NULL)
    return TRUE;

  g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_IO,
               _("“%s” has been closed."), self->display_name);
  return FALSE;
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
check_folder_writable (PmDatabase  *self,
                       GError     **error)
{
  g_autofree char *folder = g_path_get_dirname (self->path);
  g_autofree char *folder_name = NULL;

  if (_pm_file_is_writable (folder))
    return TRUE;

  folder_name = g_filename_display_name (folder);
  g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_READ_ONLY,
               _("The folder “%s” is read-only, and Pilot Monitor needs to keep working "
                 "files beside “%s” while it is open. Open it read-only, or move it to "
                 "a folder you can change."),
               folder_name, self->display_name);
  return FALSE;
}

/* Everything that can refuse a file, on a read-only connection so that a
 * file that is not ours is never written to. */
static gboolean
check_database (PmDatabase  *self,
                GError     **error)
{
  g_autofree char *check = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *wal = g_strconcat (self->path, "-wal", NULL);
  g_autofree char *journal = g_strconcat (self->path, "-journal", NULL);
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
      g_autofree char *absolute = g_canonicalize_filename (self->path, NULL);
      g_autofree char *file_uri = g_filename_to_uri (absolute, NULL, NULL);

      if (file_uri != NULL)
        uri = g_strconcat (file_uri, "?immutable=1", NULL);
    }

  if (uri != NULL)
    rc = sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
  else
    rc = sqlite3_open_v2 (self->path, &db, SQLITE_OPEN_READONLY, NULL);
  if (rc == SQLITE_OK)
    rc = query_on (db, "PRAGMA application_id", &application_id, NULL);
  if (rc != SQLITE_OK)
    goto failed;

  if ((guint32) application_id != PM_DATABASE_APPLICATION_ID)
    {
      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_FOREIGN,
                   _("“%s” was made by another application: it is not a Pilot Monitor database."),
                   self->display_name);
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
                   self->display_name, version, PM_STORE_SCHEMA_VERSION);
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

      g_debug ("“%s” failed quick_check: %s", self->path, report);
      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_CORRUPT, DAMAGED_MESSAGE,
                   self->display_name);
      sqlite3_close (db);
      return FALSE;
    }

  sqlite3_close (db);
  return TRUE;

failed:
  set_error_from_code (error, rc, self->display_name,
                       db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
  sqlite3_close (db);
  return FALSE;
}

static gboolean
open_connection (PmDatabase  *self,
                 GError     **error)
{
  g_autofree char *journal_mode = NULL;
  int flags = self->read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
  sqlite3 *db = NULL;
  int rc;

  rc = sqlite3_open_v2 (self->path, &db, flags, NULL);
  if (rc != SQLITE_OK)
    goto failed;

  sqlite3_extended_result_codes (db, 1);
  sqlite3_busy_timeout (db, PM_DATABASE_DEFAULT_BUSY_TIMEOUT_MS);

  /* Statement journals (each write that fires the audit triggers inside
   * a longer transaction has one) kept in memory, not in temporary
   * files: a bulk import is four times faster. */
  rc = execute_on (db, "PRAGMA foreign_keys = ON; PRAGMA temp_store = MEMORY;");
  if (rc != SQLITE_OK)
    goto failed;

  if (self->read_only)
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
                   self->path, journal_mode);

      rc = execute_on (db, "PRAGMA synchronous = FULL;");
      if (rc != SQLITE_OK)
        goto failed;
    }

  self->db = db;
  return TRUE;

failed:
  set_error_from_code (error, rc, self->display_name,
                       db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
  sqlite3_close (db);
  return FALSE;
}

static void
pm_database_dispose (GObject *object)
{
  PmDatabase *self = (PmDatabase *) object;

  pm_database_close (self);

  G_OBJECT_CLASS (pm_database_parent_class)->dispose (object);
}

static void
pm_database_finalize (GObject *object)
{
  PmDatabase *self = (PmDatabase *) object;

  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->display_name, g_free);
  g_clear_pointer (&self->statements, g_hash_table_unref);

  G_OBJECT_CLASS (pm_database_parent_class)->finalize (object);
}

static void
pm_database_class_init (PmDatabaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pm_database_dispose;
  object_class->finalize = pm_database_finalize;
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
pm_database_init (PmDatabase *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
}

sqlite3_stmt *
_pm_database_take_statement (PmDatabase *self,
                             const char *sql)
{
  gpointer key, stmt;

  if (!g_hash_table_steal_extended (self->statements, sql, &key, &stmt))
    return NULL;

  g_free (key);
  return stmt;
}

gboolean
_pm_database_give_back_statement (PmDatabase   *self,
                                  sqlite3_stmt *stmt)
{
  const char *sql = sqlite3_sql (stmt);

  /* One idle copy of each is enough; a closed connection keeps none. */
  if (self->db == NULL || sql == NULL || g_hash_table_contains (self->statements, sql))
    return FALSE;

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return TRUE;
}

PmDatabase *
pm_database_open (const char        *path,
                  PmStoreOpenFlags   flags,
                  GError           **error)
{
  g_autoptr(PmDatabase) self = NULL;
  struct stat st;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (PM_TYPE_DATABASE, NULL);
  self->path = g_strdup (path);
  self->display_name = g_filename_display_basename (path);
  self->read_only = (flags & PM_STORE_OPEN_READ_ONLY) != 0;

  if (g_stat (path, &st) != 0)
    {
      int saved_errno = errno;

      if (saved_errno != ENOENT || (flags & PM_STORE_OPEN_CREATE) == 0 || self->read_only)
        {
          _pm_file_set_error_from_errno (saved_errno, path, error);
          return NULL;
        }

      if (!check_folder_writable (self, error) ||
          !_pm_file_create_private (path, error))
        return NULL;

      self->created = TRUE;
    }
  else
    {
      if (!_pm_file_check_header (path, &st, error) ||
          !check_database (self, error))
        return NULL;

      if (!self->read_only)
        {
          if (!_pm_file_is_writable (path))
            {
              g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_READ_ONLY,
                           _("“%s” is read-only, so changes could not be saved. Open it "
                             "read-only, or save a copy you can change."),
                           self->display_name);
              return NULL;
            }

          if (!check_folder_writable (self, error))
            return NULL;
        }
    }

  if (!open_connection (self, error))
    {
      if (self->created)
        g_unlink (path);
      return NULL;
    }

  return g_steal_pointer (&self);
}

PmDatabase *
pm_database_create (const char  *path,
                    int          version,
                    GError     **error)
{
  g_autoptr(PmDatabase) self = NULL;
  g_autofree char *temp = NULL;
  sqlite3 *db = NULL;
  gboolean ok;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (version >= 1 && version <= PM_STORE_SCHEMA_VERSION, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (PM_TYPE_DATABASE, NULL);
  self->path = g_strdup (path);
  self->display_name = g_filename_display_basename (path);

  if (!check_folder_writable (self, error))
    return NULL;

  temp = _pm_file_create_private_temp (path, error);
  if (temp == NULL)
    return NULL;

  /* The schema is written with a rollback journal, so that once the
   * connection is closed the file alone holds all of it, ready to be
   * renamed: a crash before then leaves nothing at @path, never a file
   * that is not yet a Pilot Monitor database. */
  rc = sqlite3_open_v2 (temp, &db, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_extended_result_codes (db, 1);
      rc = execute_on (db, "PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL;");
    }
  if (rc != SQLITE_OK)
    {
      set_error_from_code (error, rc, self->display_name,
                           db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
      sqlite3_close (db);
      g_unlink (temp);
      return NULL;
    }

  self->db = db;
  ok = pm_database_migrate_to (self, version, error);

  /* Switched to WAL here, not once it has its name: the switch itself
   * writes with a rollback journal, and a crash in it would leave a hot
   * journal that the read-only checks at open cannot roll back. Closing
   * the last connection folds the WAL back into the file. */
  if (ok && (rc = execute_on (db, "PRAGMA journal_mode = WAL;")) != SQLITE_OK)
    {
      set_error_from_code (error, rc, self->display_name, sqlite3_errmsg (db));
      ok = FALSE;
    }
  pm_database_close (self);

  if (!ok || !_pm_file_publish (temp, path, error))
    {
      g_autofree char *journal = g_strconcat (temp, "-journal", NULL);
      g_autofree char *wal = g_strconcat (temp, "-wal", NULL);
      g_autofree char *shm = g_strconcat (temp, "-shm", NULL);

      g_unlink (journal);
      g_unlink (wal);
      g_unlink (shm);
      g_unlink (temp);
      return NULL;
    }

  self->created = TRUE;
  if (!open_connection (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

gboolean
pm_database_get_created (PmDatabase *self)
{
  g_return_val_if_fail (PM_IS_DATABASE (self), FALSE);

  return self->created;
}

const char *
pm_database_get_path (PmDatabase *self)
{
  g_return_val_if_fail (PM_IS_DATABASE (self), NULL);

  return self->path;
}

gboolean
pm_database_is_read_only (PmDatabase *self)
{
  g_return_val_if_fail (PM_IS_DATABASE (self), FALSE);

  return self->read_only;
}

void
pm_database_set_busy_timeout (PmDatabase *self,
                              guint       milliseconds)
{
  g_return_if_fail (PM_IS_DATABASE (self));
  g_return_if_fail (milliseconds <= G_MAXINT);

  if (self->db != NULL)
    sqlite3_busy_timeout (self->db, (int) milliseconds);
}

void
pm_database_close (PmDatabase *self)
{
  g_return_if_fail (PM_IS_DATABASE (self));

  if (self->db == NULL)
    return;

  if (self->in_transaction)
    pm_database_rollback (self);

  g_hash_table_remove_all (self->statements);

  /* close_v2 waits for any statement still alive to be finalized. */
  if (sqlite3_close_v2 (self->db) != SQLITE_OK)
    g_warning ("Closing “%s”: %s", self->path, sqlite3_errmsg (self->db));
  self->db = NULL;
}

gboolean
pm_database_get_schema_version (PmDatabase  *self,
                                int         *version,
                                GError     **error)
{
  int rc;

  g_return_val_if_fail (PM_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (version != NULL, FALSE);

  if (!check_open (self, error))
    return FALSE;

  rc = query_on (self->db, "PRAGMA user_version", version, NULL);
  if (rc != SQLITE_OK)
    {
      set_error_from_db (self, self->db, rc, error);
      return FALSE;
    }

  return TRUE;
}

gboolean
pm_database_migrate_to (PmDatabase  *self,
                        int          version,
                        GError     **error)
{
  int current = 0;

  g_return_val_if_fail (PM_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (version >= 1 && version <= PM_STORE_SCHEMA_VERSION, FALSE);

  if (!pm_database_get_schema_version (self, &current, error))
    return FALSE;
  if (current >= version)
    return TRUE;

  if (self->read_only)
    {
      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_READ_ONLY,
                   _("“%s” needs updating for this version of Pilot Monitor, which "
                     "cannot be done while it is open read-only."),
                   self->display_name);
      return FALSE;
    }

  if (!pm_database_begin (self, error))
    return FALSE;

  /* Read again under the write lock: another instance may have migrated. */
  if (!pm_database_get_schema_version (self, &current, error))
    goto failed;

  for (int v = current + 1; v <= version; v++)
    {
      if (!pm_database_execute (self, _pm_schema_migrations[v - 1], error))
        goto failed;
    }

  if (!pm_database_execute (self, SET_APPLICATION_ID_SQL, error) ||
      !pm_database_commit (self, error))
    goto failed;

  return TRUE;

failed:
  pm_database_rollback (self);
  return FALSE;
}

gboolean
pm_database_begin (PmDatabase  *self,
                   GError     **error)
{
  g_return_val_if_fail (PM_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (!self->in_transaction, FALSE);

  if (!pm_database_execute (self, "BEGIN IMMEDIATE;", error))
    return FALSE;

  self->in_transaction = TRUE;
  return TRUE;
}

gboolean
pm_database_in_transaction (PmDatabase *self)
{
  g_return_val_if_fail (PM_IS_DATABASE (self), FALSE);

  return self->in_transaction;
}

gboolean
pm_database_commit (PmDatabase  *self,
                    GError     **error)
{
  g_return_val_if_fail (PM_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (self->in_transaction, FALSE);

  /* On failure the transaction stays open for the caller to roll back. */
  if (!pm_database_execute (self, "COMMIT;", error))
    return FALSE;

  self->in_transaction = FALSE;
  return TRUE;
}

void
pm_database_rollback (PmDatabase *self)
{
  g_return_if_fail (PM_IS_DATABASE (self));

  if (!self->in_transaction)
    return;

  self->in_transaction = FALSE;

  /* sqlite may already have rolled back by itself (on SQLITE_FULL, say). */
  if (self->db == NULL || sqlite3_get_autocommit (self->db))
    return;

  if (execute_on (self->db, "ROLLBACK;") != SQLITE_OK)
    g_warning ("Could not roll back a change to “%s”: %s",
               self->path, sqlite3_errmsg (self->db));
}

gboolean
pm_database_execute (PmDatabase  *self,
                     const char  *sql,
                     GError     **error)
{
  int rc;

  g_return_val_if_fail (PM_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (sql != NULL, FALSE);

  if (!check_open (self, error))
    return FALSE;

  rc = execute_on (self->db, sql);
  if (rc != SQLITE_OK)
    {
      set_error_from_db (self, self->db, rc, error);
      return FALSE;
    }

  return TRUE;
}

gint64
pm_database_get_last_insert_id (PmDatabase *self)
{
  g_return_val_if_fail (PM_IS_DATABASE (self), 0);
  g_return_val_if_fail (self->db != NULL, 0);

  return sqlite3_last_insert_rowid (self->db);
}

int
pm_database_get_changes (PmDatabase *self)
{
  g_return_val_if_fail (PM_IS_DATABASE (self), 0);
  g_return_val_if_fail (self->db != NULL, 0);

  return sqlite3_changes (self->db);
}

gboolean
pm_database_backup_to (PmDatabase  *self,
                       const char  *path,
                       GError     **error)
{
  sqlite3_backup *backup;
  sqlite3 *dest = NULL;
  int rc;

  g_return_val_if_fail (PM_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!check_open (self, error) ||
      !_pm_file_create_private (path, error))
    return FALSE;

  rc = sqlite3_open_v2 (path, &dest, SQLITE_OPEN_READWRITE, NULL);
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

  return TRUE;

failed:
  {
    g_autofree char *name = g_filename_display_basename (path);

    set_error_from_code (error, rc, name,
                         dest != NULL ? sqlite3_errmsg (dest) : sqlite3_errstr (rc));
    sqlite3_close (dest);
    g_unlink (path);
    return FALSE;
  }
}

sqlite3 *
_pm_database_get_handle (PmDatabase  *self,
                         GError     **error)
{
  g_return_val_if_fail (PM_IS_DATABASE (self), NULL);

  if (!check_open (self, error))
    return NULL;

  return self->db;
}

void
_pm_database_set_error (PmDatabase  *self,
                        int          rc,
                        const char  *detail,
                        GError     **error)
{
  g_return_if_fail (PM_IS_DATABASE (self));

  set_error_from_code (error, rc, self->display_name, detail);
}
