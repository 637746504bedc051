/* pm-sqlite-open.c: opening a programme file, or creating one: what is
 * checked before a file is trusted, and how sqlite's failures are told
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include <sqlite3.h>

#include "util/pm-safe-file.h"
#include "pm-database-private.h"
#include "pm-sqlite-database.h"
#include "pm-sqlite-database-private.h"

#define DAMAGED_MESSAGE \
  _("“%s” is damaged and cannot be used safely: part of the file has been " \
    "overwritten or lost. Open a backup copy instead.")

void
_pm_sqlite_set_error_from_code (GError     **error,
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

void
_pm_sqlite_set_error_from_db (Self        *self,
                              int          rc,
                              GError     **error)
{
  _pm_sqlite_set_error_from_code (error, rc, DISPLAY_NAME (self), sqlite3_errmsg (self->db));
}

/* Runs every statement in @sql on @db, ignoring rows. */
int
_pm_sqlite_execute_on (sqlite3    *db,
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
int
_pm_sqlite_query_on (sqlite3     *db,
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

/* Whether the header of the file at @path says it is in WAL mode (its
 * read and write versions, bytes 18 and 19, are 2). */
static gboolean
is_wal_file (const char *path)
{
  guint8 header[20];
  gboolean wal = FALSE;
  FILE *file = g_fopen (path, "rbe");

  if (file == NULL)
    return FALSE;
  if (fread (header, 1, sizeof header, file) == sizeof header)
    wal = header[18] == 2 && header[19] == 2;
  fclose (file);

  return wal;
}

static gboolean
quick_check_on (sqlite3     *db,
                const char  *path,
                const char  *display_name,
                GError     **error)
{
  g_autofree char *check = NULL;
  int rc;

  rc = _pm_sqlite_query_on (db, "PRAGMA quick_check", NULL, &check);
  if (rc != SQLITE_OK)
    {
      _pm_sqlite_set_error_from_code (error, rc, display_name, sqlite3_errmsg (db));
      return FALSE;
    }

  if (g_strcmp0 (check, "ok") != 0)
    {
      /* sqlite's report names pages and b-trees: for a bug report, not
       * for the person who wanted their programme. */
      g_autofree char *report = g_utf8_make_valid (check ? check : "no result", -1);

      g_debug ("“%s” failed quick_check: %s", path, report);
      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_CORRUPT, DAMAGED_MESSAGE,
                   display_name);
      return FALSE;
    }

  return TRUE;
}

gboolean
_pm_sqlite_quick_check (const char  *path,
                        GError     **error)
{
  g_autofree char *display_name = g_filename_display_basename (path);
  sqlite3 *db = NULL;
  gboolean ok;
  int rc;

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL);
  if (rc != SQLITE_OK)
    {
      _pm_sqlite_set_error_from_code (error, rc, display_name,
                                      db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
      sqlite3_close (db);
      return FALSE;
    }

  sqlite3_busy_timeout (db, PM_DATABASE_DEFAULT_BUSY_TIMEOUT_MS);
  ok = quick_check_on (db, path, display_name, error);
  sqlite3_close (db);
  return ok;
}

/* Everything that can refuse a file, on a read-only connection so that a
 * file that is not ours is never written to. Without @check_pages, for a
 * read-only export, a damaged page is found only if it is read; with
 * @may_defer, the integrity check may be left for later
 * (PM_STORE_OPEN_CHECK_LATER). */
static gboolean
check_database (Self        *self,
                gboolean     check_pages,
                gboolean     may_defer,
                GError     **error)
{
  const char *path = PATH (self);
  const char *display_name = DISPLAY_NAME (self);
  g_autofree char *uri = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  sqlite3 *db = NULL;
  int application_id = 0;
  int version = 0;
  gboolean ok;
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
    rc = _pm_sqlite_query_on (db, "PRAGMA application_id", &application_id, NULL);
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

  rc = _pm_sqlite_query_on (db, "PRAGMA user_version", &version, NULL);
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

  if (!check_pages)
    {
      sqlite3_close (db);
      return TRUE;
    }

  /* Left for later only where opening writes nothing: the file is in WAL
   * already and needs no migration. */
  if (may_defer && version == PM_STORE_SCHEMA_VERSION && is_wal_file (path))
    {
      _pm_database_set_check_pending (PM_DATABASE (self), TRUE);
      sqlite3_close (db);
      return TRUE;
    }

  ok = quick_check_on (db, path, display_name, error);
  sqlite3_close (db);
  return ok;

failed:
  _pm_sqlite_set_error_from_code (error, rc, display_name,
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
  rc = _pm_sqlite_execute_on (db, "PRAGMA foreign_keys = ON; PRAGMA temp_store = MEMORY; "
                              "PRAGMA recursive_triggers = ON;");
  if (rc != SQLITE_OK)
    goto failed;

  if (read_only)
    {
      rc = _pm_sqlite_execute_on (db, "PRAGMA query_only = ON;");
      if (rc != SQLITE_OK)
        goto failed;
    }
  else
    {
      /* WAL with a full sync: a commit is on disk when it returns, and
       * readers never see half a write. */
      rc = _pm_sqlite_query_on (db, "PRAGMA journal_mode = WAL", NULL, &journal_mode);
      if (rc != SQLITE_OK)
        goto failed;
      if (g_strcmp0 (journal_mode, "wal") != 0)
        g_warning ("“%s” cannot use write-ahead logging here (journal mode %s); "
                   "continuing with a rollback journal",
                   PATH (self), journal_mode);

      rc = _pm_sqlite_execute_on (db, "PRAGMA synchronous = FULL;");
      if (rc != SQLITE_OK)
        goto failed;
    }

  self->db = db;
  return TRUE;

failed:
  _pm_sqlite_set_error_from_code (error, rc, DISPLAY_NAME (self),
                                  db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
  sqlite3_close (db);
  return FALSE;
}

PmDatabase *
pm_sqlite_database_open (const char        *path,
                         PmStoreOpenFlags   flags,
                         GError           **error)
{
  g_autoptr(PmSqliteDatabase) self = NULL;
  g_autofree char *display_name = NULL;
  gboolean read_only = (flags & PM_STORE_OPEN_READ_ONLY) != 0;
  gboolean check_pages = !read_only || (flags & PM_STORE_OPEN_SKIP_PAGE_CHECK) == 0;
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
          !check_database (self, check_pages,
                           (flags & PM_STORE_OPEN_CHECK_LATER) != 0 && !read_only, error))
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
      rc = _pm_sqlite_execute_on (db, "PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL;");
    }
  if (rc != SQLITE_OK)
    {
      _pm_sqlite_set_error_from_code (error, rc, display_name,
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
  if (ok && (rc = _pm_sqlite_execute_on (db, "PRAGMA journal_mode = WAL;")) != SQLITE_OK)
    {
      _pm_sqlite_set_error_from_code (error, rc, display_name, sqlite3_errmsg (db));
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

