/* pm-store.c: the programme's data on disk
 *
 * Every edit follows one pattern: check it with the model's own rules on a
 * scratch object, write it in one transaction, and only once that has
 * committed apply it to the real model objects. A failure at any step
 * leaves both the file and the model as they were.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "util/pm-safe-file.h"
#include "pm-store-private.h"
#include "pm-database-private.h"
#include "pm-pg-database.h"

struct _PmStore
{
  GObject     parent_instance;

  /* Owned references */
  PmDatabase           *database;
  char                 *path;
  char                 *author;      /* for the audit trail; NULL when not known */
  PmSafeFileProtection *protection;  /* a file's: no export is written over it */
  PmStoreIdentity       identity;
  gboolean              commit_unknown;
  /* A value saved as the connection went during its COMMIT. */
  PmProgressEntry      *unknown_entry;
  gint64                unknown_kpi_id;
  gint64                unknown_expected;
  gboolean              watching;
  /* The integrity check left for later failed: never written. */
  GError               *check_error;
  /* pm_store_load_shown() read part of the programme: nothing is written
   * until the rest has joined it, nor ever if reading the rest failed. */
  gboolean              rest_pending;
  GError               *rest_error;
};

G_DEFINE_FINAL_TYPE (PmStore, pm_store, G_TYPE_OBJECT)

enum {
  CHANGED_ELSEWHERE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

gboolean
_pm_store_not_saved (GError **error)
{
  g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_NOT_FOUND,
               _("This item has not been saved in the programme database yet."));
  return FALSE;
}

gboolean
_pm_store_already_saved (GError **error)
{
  g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_INVALID,
               _("This item is already in the programme database."));
  return FALSE;
}

gboolean
_pm_store_gone (GError **error)
{
  g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_NOT_FOUND,
               _("This item is no longer in the programme database: it may have been "
                 "deleted. Reopen the programme to see what it holds now."));
  return FALSE;
}

/* Opens a write transaction, refusing early on a read-only store, and
 * tells the audit trail's triggers who is writing and from where. */
gboolean
_pm_store_begin_write_from (PmStore     *self,
                            const char  *source,
                            GError     **error)
{
  return _pm_store_begin_write_as (self, source, self->author, error);
}

static gboolean
begin_write_as (PmStore     *self,
                const char  *source,
                const char  *author,
                GError     **error)
{
  if (pm_database_is_read_only (self->database))
    {
      g_autofree char *display_name = g_filename_display_basename (self->path);

      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_READ_ONLY,
                   _("“%s” is open read-only: changes cannot be saved."),
                   display_name);
      return FALSE;
    }

  /* A file whose integrity check has not passed is not written: a
   * damaged one would only be damaged further. */
  if (self->check_error != NULL)
    {
      g_propagate_error (error, g_error_copy (self->check_error));
      return FALSE;
    }
  if (_pm_database_get_check_pending (self->database))
    {
      g_autofree char *display_name = g_filename_display_basename (self->path);

      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_LOCKED,
                   _("“%s” is still being checked for damage, and nothing is saved until "
                     "that is done. Try again in a moment."),
                   display_name);
      return FALSE;
    }
  if (!_pm_store_check_rest (self, error))
    return FALSE;

  /* A bulk import holds its transaction open between slices. */
  if (pm_database_in_transaction (self->database))
    {
      g_set_error_literal (error, PM_STORE_ERROR, PM_STORE_ERROR_LOCKED,
                           _("An import is still being written. Try again when it has finished."));
      return FALSE;
    }

  if (!pm_database_begin (self->database, error))
    return FALSE;

  if (!pm_database_set_change_context (self->database, author, source, error))
    return _pm_store_end_write (self, FALSE, error);

  return TRUE;
}

gboolean
_pm_store_begin_write_as (PmStore     *self,
                          const char  *source,
                          const char  *author,
                          GError     **error)
{
  gboolean ok;

  /* A save's worker in its transaction is waited for, not taken for an
   * import's. */
  _pm_database_lock (self->database);
  ok = begin_write_as (self, source, author, error);
  _pm_database_unlock (self->database);
  return ok;
}

gboolean
_pm_store_begin_write (PmStore  *self,
                       GError  **error)
{
  return _pm_store_begin_write_from (self, "typed", error);
}

/* Commits, or rolls back when @ok is FALSE or the commit fails. */
gboolean
_pm_store_end_write (PmStore  *self,
           gboolean  ok,
           GError  **error)
{
  GError *local_error = NULL;

  self->commit_unknown = FALSE;
  if (!ok)
    {
      pm_database_rollback (self->database);
      return FALSE;
    }

  if (pm_database_commit (self->database, &local_error))
    return TRUE;

  /* The COMMIT went, and the connection with it: it may have been
   * written. Every other failure of a COMMIT is a rollback. */
  self->commit_unknown = g_error_matches (local_error, PM_STORE_ERROR, PM_STORE_ERROR_DISCONNECTED);
  g_propagate_error (error, local_error);
  pm_database_rollback (self->database);
  return FALSE;
}

gboolean
_pm_store_take_commit_unknown (PmStore *self)
{
  gboolean unknown = self->commit_unknown;

  self->commit_unknown = FALSE;
  return unknown;
}

void
_pm_store_set_unknown_save (PmStore         *self,
                            gint64           kpi_id,
                            PmProgressEntry *entry,
                            gint64           expected)
{
  g_set_object (&self->unknown_entry, entry);
  self->unknown_kpi_id = kpi_id;
  self->unknown_expected = expected;
}

PmProgressEntry *
_pm_store_get_unknown_save (PmStore  *self,
                            gint64    kpi_id,
                            PmPeriod *period,
                            gint64   *expected)
{
  if (self->unknown_entry == NULL || self->unknown_kpi_id != kpi_id ||
      !pm_period_equal (pm_progress_entry_get_period (self->unknown_entry), period))
    return NULL;

  *expected = self->unknown_expected;
  return self->unknown_entry;
}

void
_pm_store_clear_unknown_save (PmStore *self)
{
  g_clear_object (&self->unknown_entry);
}

/* Inside a transaction: FALSE with NOT_FOUND when the row is gone. */
gboolean
_pm_store_row_exists (PmStore     *self,
            const char  *sql,
            gint64       id,
            GError     **error)
{
  g_autoptr(PmStatement) stmt = NULL;
  GError *local_error = NULL;

  stmt = pm_database_prepare (self->database, sql, error);
  if (stmt == NULL)
    return FALSE;

  pm_statement_bind_int64 (stmt, 1, id);
  if (pm_statement_step (stmt, &local_error))
    return TRUE;

  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  return _pm_store_gone (error);
}

gboolean
_pm_store_check_room (PmStore     *self,
                      const char  *count_sql,
                      gint64       parent_id,
                      PmList       list,
                      GError     **error)
{
  g_autoptr(PmStatement) stmt = NULL;
  GError *local_error = NULL;
  gint64 count = 0;

  stmt = pm_database_prepare (self->database, count_sql, error);
  if (stmt == NULL)
    return FALSE;

  pm_statement_bind_int64 (stmt, 1, parent_id);
  if (pm_statement_step (stmt, &local_error))
    count = pm_statement_get_int64 (stmt, 0);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  return pm_limits_check_count (list, (guint) MIN (count + 1, G_MAXUINT), error);
}

/* Runs @sql with ?1 = @id (and ?2 = @parent_id when not 0); NOT_FOUND when
 * it changed no row. */
gboolean
_pm_store_change_row (PmStore     *self,
            const char  *sql,
            gint64       id,
            gint64       parent_id,
            GError     **error)
{
  g_autoptr(PmStatement) stmt = NULL;

  stmt = pm_database_prepare (self->database, sql, error);
  if (stmt == NULL)
    return FALSE;

  pm_statement_bind_int64 (stmt, 1, id);
  if (parent_id != 0)
    pm_statement_bind_int64 (stmt, 2, parent_id);
  if (!pm_statement_execute (stmt, error))
    return FALSE;

  return pm_database_get_changes (self->database) > 0 || _pm_store_gone (error);
}

static void
pm_store_dispose (GObject *object)
{
  PmStore *self = (PmStore *) object;

  if (self->database != NULL)
    pm_database_close (self->database);
  g_clear_object (&self->database);
  g_clear_object (&self->unknown_entry);

  G_OBJECT_CLASS (pm_store_parent_class)->dispose (object);
}

static void
pm_store_finalize (GObject *object)
{
  PmStore *self = (PmStore *) object;

  g_clear_pointer (&self->protection, pm_safe_file_protection_free);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->author, g_free);
  g_clear_error (&self->check_error);
  g_clear_error (&self->rest_error);
  _pm_store_identity_clear (&self->identity);

  G_OBJECT_CLASS (pm_store_parent_class)->finalize (object);
}

static void
pm_store_class_init (PmStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pm_store_dispose;
  object_class->finalize = pm_store_finalize;

  /**
   * PmStore::changed-elsewhere:
   *
   * Emitted on the main loop, once pm_store_watch_changes() has begun,
   * when someone else's change has arrived (pm_store_poll_changes()
   * then returns TRUE) or the server's connection has been lost
   * (pm_store_is_connected() then returns FALSE).
   */
  signals[CHANGED_ELSEWHERE] =
    g_signal_new ("changed-elsewhere", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
pm_store_init (PmStore *self)
{
}

PmDatabase *
_pm_store_get_database (PmStore *self)
{
  g_return_val_if_fail (PM_IS_STORE (self), NULL);

  return self->database;
}

PmStoreIdentity *
_pm_store_get_identity (PmStore *self)
{
  g_assert (PM_IS_STORE (self));

  return &self->identity;
}

PmStore *
pm_store_open (const char        *path,
               PmStoreOpenFlags   flags,
               GError           **error)
{
  return pm_store_open_with_password (path, NULL, flags, error);
}

PmStore *
pm_store_open_with_password (const char        *path,
                             const char        *password,
                             PmStoreOpenFlags   flags,
                             GError           **error)
{
  g_autoptr(PmDatabase) database = NULL;
  PmStore *self;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* A server makes its schema inside the migrations' transaction. */
  if (pm_database_location_is_server (path))
    {
      database = pm_pg_database_open_with_password (path, password, flags, error);
      if (database == NULL)
        return NULL;
    }
  /* A new file is made whole under another name first (see
   * pm_database_create()); if one appeared meanwhile, it is opened. */
  else if ((flags & PM_STORE_OPEN_CREATE) != 0 && (flags & PM_STORE_OPEN_READ_ONLY) == 0 &&
           !g_file_test (path, G_FILE_TEST_EXISTS | G_FILE_TEST_IS_SYMLINK))
    {
      GError *local_error = NULL;

      database = pm_database_create (path, PM_STORE_SCHEMA_VERSION, &local_error);
      if (database == NULL &&
          !g_error_matches (local_error, PM_STORE_ERROR, PM_STORE_ERROR_INVALID))
        {
          g_propagate_error (error, local_error);
          return NULL;
        }
      g_clear_error (&local_error);
    }

  if (database == NULL)
    database = pm_database_open (path, flags, error);
  if (database == NULL)
    return NULL;

  if (!pm_database_is_read_only (database) &&
      !pm_database_migrate_to (database, PM_STORE_SCHEMA_VERSION, error))
    {
      /* A file we have just made and could not set up is no use to anyone,
       * and would be refused as empty next time. */
      if (pm_database_get_created (database) && !pm_database_is_server (database))
        {
          g_autofree char *wal = g_strconcat (path, "-wal", NULL);
          g_autofree char *shm = g_strconcat (path, "-shm", NULL);

          pm_database_close (database);
          g_unlink (wal);
          g_unlink (shm);
          g_unlink (path);
        }
      return NULL;
    }

  self = g_object_new (PM_TYPE_STORE, NULL);
  self->database = g_steal_pointer (&database);
  self->path = g_strdup (path);
  /* For as long as it is open, nothing Pilot Monitor writes replaces the
   * file or its side files (see pm_safe_file_protect()). */
  if (!pm_database_is_server (self->database))
    self->protection = pm_safe_file_protect (path);

  if (!_pm_store_read_identity (self, error))
    {
      g_object_unref (self);
      return NULL;
    }

  return self;
}

char *
pm_store_describe_location (const char *location)
{
  g_return_val_if_fail (location != NULL, NULL);

  if (pm_database_location_is_server (location))
    return pm_pg_conninfo_describe (location);

  return g_strdup (location);
}

char *
pm_store_location_to_keep (const char *location)
{
  g_return_val_if_fail (location != NULL, NULL);

  if (pm_database_location_is_server (location))
    return pm_pg_conninfo_strip_password (location);

  return g_strdup (location);
}

gboolean
pm_store_poll_changes (PmStore  *self,
                       GError  **error)
{
  g_return_val_if_fail (PM_IS_STORE (self), FALSE);

  return pm_database_poll_changes (self->database, error);
}

static void
changed_elsewhere_cb (PmStore *self)
{
  g_signal_emit (self, signals[CHANGED_ELSEWHERE], 0);
}

gboolean
pm_store_watch_changes (PmStore *self)
{
  g_return_val_if_fail (PM_IS_STORE (self), FALSE);

  if (!pm_database_watch_changes (self->database))
    return FALSE;

  if (!self->watching)
    g_signal_connect_object (self->database, "changed-elsewhere",
                             G_CALLBACK (changed_elsewhere_cb), self, G_CONNECT_SWAPPED);
  self->watching = TRUE;
  return TRUE;
}

gboolean
pm_store_is_connected (PmStore *self)
{
  g_return_val_if_fail (PM_IS_STORE (self), FALSE);

  return pm_database_is_connected (self->database);
}

gboolean
pm_store_reconnect (PmStore  *self,
                    GError  **error)
{
  g_return_val_if_fail (PM_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return pm_database_reconnect (self->database, error);
}

gboolean
pm_store_location_is_server (const char *location)
{
  g_return_val_if_fail (location != NULL, FALSE);

  return pm_database_location_is_server (location);
}

char *
pm_store_server_location (const char *location,
                          const char *server,
                          const char *database,
                          const char *user)
{
  g_return_val_if_fail (server != NULL, NULL);
  g_return_val_if_fail (database != NULL, NULL);
  g_return_val_if_fail (user != NULL, NULL);

  if (database[0] == '\0')
    return NULL;

  return pm_pg_conninfo_with_server (location, server, database, user);
}

gboolean
pm_store_server_location_parts (const char  *location,
                                char       **server,
                                char       **database,
                                char       **user)
{
  g_return_val_if_fail (location != NULL, FALSE);
  g_return_val_if_fail (server != NULL && database != NULL && user != NULL, FALSE);

  return pm_pg_conninfo_get_server (location, server, database, user);
}

gboolean
pm_store_is_server (PmStore *self)
{
  g_return_val_if_fail (PM_IS_STORE (self), FALSE);

  return pm_database_is_server (self->database);
}

const char *
pm_store_get_path (PmStore *self)
{
  g_return_val_if_fail (PM_IS_STORE (self), NULL);

  return self->path;
}

gboolean
pm_store_is_empty (PmStore *self)
{
  g_autoptr(PmStatement) stmt = NULL;
  g_autoptr(GError) error = NULL;
  gboolean has_row;

  g_return_val_if_fail (PM_IS_STORE (self), TRUE);

  stmt = pm_database_prepare (self->database, "SELECT 1 FROM programme LIMIT 1", &error);
  if (stmt == NULL)
    {
      g_warning ("Could not tell whether “%s” is empty: %s", self->path, error->message);
      return TRUE;
    }

  has_row = pm_statement_step (stmt, &error);
  if (error != NULL)
    g_warning ("Could not tell whether “%s” is empty: %s", self->path, error->message);

  return !has_row;
}

void
pm_store_close (PmStore *self)
{
  g_return_if_fail (PM_IS_STORE (self));

  pm_database_close (self->database);
}

PmProgramme *
pm_store_load (PmStore  *self,
               GError  **error)
{
  g_return_val_if_fail (PM_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _pm_store_read_programme (self->database, NULL, NULL, error);
}

PmProgramme *
pm_store_load_district (PmStore     *self,
                        const char  *district,
                        PmPeriod    *period,
                        GError     **error)
{
  g_return_val_if_fail (PM_IS_STORE (self), NULL);
  g_return_val_if_fail (district != NULL, NULL);
  g_return_val_if_fail (PM_IS_PERIOD (period), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _pm_store_read_programme (self->database, district, period, error);
}

/* The rows the audit triggers on insert (pm-schema-sqlite.c) write for a
 * programme imported into an empty sqlite file, written at once: in the
 * order the triggers would have written them (a pilot's narratives, then
 * KPI by KPI its baseline, targets and values, as the import inserts
 * them), each target beside the one it replaced of its milestone. With
 * no programme before it, every such row is the import's. */
#define IMPORT_AUDIT_SQL \
  "INSERT INTO audit (at, author, source, kind, kpi_id, pilot_id, period, " \
  "                   old_value, new_value, old_text, new_text) " \
  "SELECT strftime ('%Y-%m-%dT%H:%M:%SZ', 'now'), c.author, c.source, r.kind, r.kpi_id, " \
  "       r.pilot_id, r.period, r.old_value, r.new_value, r.old_text, r.new_text " \
  "FROM change_context c, (" \
  "  SELECT n.pilot_id AS pilot, 0 AS kpi, 0 AS step, n.rowid AS seq, 'narrative' AS kind, " \
  "         NULL AS kpi_id, n.pilot_id, n.period, NULL AS old_value, NULL AS new_value, " \
  "         NULL AS old_text, n.progress AS new_text FROM narrative n " \
  "  UNION ALL " \
  "  SELECT k.pilot_id, b.kpi_id, 1, b.rowid, 'baseline', b.kpi_id, NULL, NULL, NULL, b.value, " \
  "         NULL, b.state || ifnull (' ' || b.date, '') || ifnull (': ' || b.note, '') " \
  "  FROM baseline b JOIN kpi k ON k.id = b.kpi_id " \
  "  UNION ALL " \
  "  SELECT k.pilot_id, t.kpi_id, 2, t.id, 'target', t.kpi_id, NULL, NULL, " \
  "         lag (t.value) OVER w, t.value, lag (t.date) OVER w, t.date " \
  "  FROM target t JOIN kpi k ON k.id = t.kpi_id " \
  "  WINDOW w AS (PARTITION BY t.kpi_id, t.milestone ORDER BY t.id) " \
  "  UNION ALL " \
  "  SELECT k.pilot_id, p.kpi_id, 3, p.rowid, 'value', p.kpi_id, NULL, p.period, NULL, p.value, " \
  "         NULL, p.note " \
  "  FROM progress p JOIN kpi k ON k.id = p.kpi_id" \
  ") r WHERE c.id = 1 ORDER BY r.pilot, r.kpi, r.step, r.seq"

/* Inserts @programme with the triggers off, on sqlite, then writes the
 * audit rows they would have written at once: for a large programme the
 * triggers cost a third of the import. The server keeps its triggers:
 * turning them off there needs the tables' owner. */
static gboolean
insert_programme (PmStore      *self,
                  PmProgramme  *programme,
                  PmIdList     *ids,
                  GError      **error)
{
  g_autoptr(PmStatement) stmt = NULL;
  gboolean ok;

  if (pm_database_is_server (self->database))
    return _pm_store_insert_programme (self->database, programme, ids, error);

  if (!pm_database_set_triggers_enabled (self->database, FALSE, error))
    return FALSE;
  ok = _pm_store_insert_programme (self->database, programme, ids, error);
  if (!pm_database_set_triggers_enabled (self->database, TRUE, ok ? error : NULL))
    ok = FALSE;
  if (!ok)
    return FALSE;

  stmt = pm_database_prepare (self->database, IMPORT_AUDIT_SQL, error);
  return stmt != NULL && pm_statement_execute (stmt, error);
}

gboolean
pm_store_import (PmStore      *self,
                 PmProgramme  *programme,
                 GError      **error)
{
  g_autoptr(PmIdList) ids = NULL;
  g_autoptr(PmStatement) stmt = NULL;
  GError *local_error = NULL;
  gboolean ok;

  g_return_val_if_fail (PM_IS_STORE (self), FALSE);
  g_return_val_if_fail (PM_IS_PROGRAMME (programme), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_pm_store_begin_write_from (self, "import", error))
    return FALSE;

  /* Checked under the write lock, so two imports cannot both succeed. */
  stmt = pm_database_prepare (self->database, "SELECT 1 FROM programme LIMIT 1", error);
  if (stmt == NULL)
    return _pm_store_end_write (self, FALSE, error);

  if (pm_statement_step (stmt, &local_error))
    {
      g_autofree char *display_name = g_filename_display_basename (self->path);

      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_NOT_EMPTY,
                   _("“%s” already holds a programme. Import into a new file instead."),
                   display_name);
      return _pm_store_end_write (self, FALSE, error);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return _pm_store_end_write (self, FALSE, error);
    }
  g_clear_pointer (&stmt, pm_statement_free);

  ids = _pm_id_list_new ();
  ok = insert_programme (self, programme, ids, error);
  if (!_pm_store_end_write (self, ok, error))
    return FALSE;

  _pm_id_list_apply (ids);
  return TRUE;
}

gboolean
pm_store_backup_to (PmStore     *self,
                    const char  *path,
                    GError     **error)
{
  g_return_val_if_fail (PM_IS_STORE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return pm_database_backup_to (self->database, path, error);
}

void
pm_store_set_author (PmStore    *self,
                     const char *author)
{
  g_return_if_fail (PM_IS_STORE (self));

  g_free (self->author);
  self->author = author != NULL && author[0] != '\0' ? g_strdup (author) : NULL;
}

const char *
pm_store_get_author (PmStore *self)
{
  g_return_val_if_fail (PM_IS_STORE (self), NULL);

  return self->author;
}

void
_pm_store_set_rest (PmStore      *self,
                    gboolean      pending,
                    const GError *error)
{
  self->rest_pending = pending;
  if (error != NULL && self->rest_error == NULL)
    self->rest_error = g_error_copy (error);
}

gboolean
_pm_store_check_rest (PmStore  *self,
                      GError  **error)
{
  g_autofree char *display_name = NULL;

  if (self->rest_error != NULL)
    {
      g_propagate_error (error, g_error_copy (self->rest_error));
      return FALSE;
    }
  if (!self->rest_pending)
    return TRUE;

  display_name = g_filename_display_basename (self->path);
  g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_LOCKED,
               _("“%s” is still being loaded, and nothing is saved until it is. "
                 "Try again in a moment."),
               display_name);
  return FALSE;
}

gboolean
pm_store_rest_pending (PmStore *self)
{
  g_return_val_if_fail (PM_IS_STORE (self), FALSE);

  return self->rest_pending;
}

gboolean
pm_store_check_pending (PmStore *self)
{
  g_return_val_if_fail (PM_IS_STORE (self), FALSE);

  return _pm_database_get_check_pending (self->database);
}

/* In the worker: touches only the database's path, fixed at open, on a
 * connection of its own. */
static void
check_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  GError *error = NULL;

  if (_pm_database_check_integrity (PM_DATABASE (task_data), &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
pm_store_check_async (PmStore             *self,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (PM_IS_STORE (self));

  task = g_task_new (self, cancellable, callback, user_data);

  if (self->check_error != NULL)
    {
      g_task_return_error (task, g_error_copy (self->check_error));
      return;
    }
  if (!_pm_database_get_check_pending (self->database))
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  g_task_set_task_data (task, g_object_ref (self->database), g_object_unref);
  g_task_run_in_thread (task, check_thread);
}

gboolean
pm_store_check_finish (PmStore       *self,
                       GAsyncResult  *result,
                       GError       **error)
{
  GError *local_error = NULL;

  g_return_val_if_fail (PM_IS_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (g_task_propagate_boolean (G_TASK (result), &local_error))
    {
      _pm_database_set_check_pending (self->database, FALSE);
      return TRUE;
    }

  /* A check that could not run (the file gone, say) is not a pass
   * either: nothing is written until one does. */
  if (self->check_error == NULL)
    self->check_error = g_error_copy (local_error);
  _pm_database_set_check_pending (self->database, FALSE);
  g_propagate_error (error, local_error);
  return FALSE;
}
