/* pm-database.c: what every database engine shares
 *
 * The location, read-only or not, the open transaction, argument checks,
 * and the migrations; everything else is the engine's (sqlite:
 * pm-sqlite-database.c, PostgreSQL: pm-pg-database.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "pm-database-private.h"
#include "pm-pg-database.h"
#include "pm-sqlite-database.h"

typedef struct
{
  char     *path;
  char     *display_name;
  gboolean  read_only;
  gboolean  created;
  gboolean  check_pending;
  gboolean  in_transaction;
  int       version;   /* as last read outside a transaction; -1 unknown */
  /* A server's connection, for one thread at a time (_pm_database_lock()). */
  GRecMutex conn_lock;
  gboolean  locking;
} PmDatabasePrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (PmDatabase, pm_database, G_TYPE_OBJECT)

G_DEFINE_QUARK (pm-store-error-quark, pm_store_error)
G_DEFINE_QUARK (pm-file-error-quark, pm_file_error)

#define GET_PRIVATE(self) ((PmDatabasePrivate *) pm_database_get_instance_private (self))
#define ENGINE(self) PM_DATABASE_GET_CLASS (self)

enum {
  CHANGED_ELSEWHERE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
pm_database_dispose (GObject *object)
{
  pm_database_close (PM_DATABASE (object));

  G_OBJECT_CLASS (pm_database_parent_class)->dispose (object);
}

static void
pm_database_finalize (GObject *object)
{
  PmDatabasePrivate *priv = GET_PRIVATE (PM_DATABASE (object));

  g_clear_pointer (&priv->path, g_free);
  g_clear_pointer (&priv->display_name, g_free);
  g_rec_mutex_clear (&priv->conn_lock);

  G_OBJECT_CLASS (pm_database_parent_class)->finalize (object);
}

static void
pm_database_class_init (PmDatabaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pm_database_dispose;
  object_class->finalize = pm_database_finalize;

  /**
   * PmDatabase::changed-elsewhere:
   *
   * Emitted, once pm_database_watch_changes() has started watching, on
   * the main loop when another connection's change has arrived (the next
   * pm_database_poll_changes() returns TRUE) or when the connection has
   * been lost (pm_database_is_connected() returns FALSE).
   */
  signals[CHANGED_ELSEWHERE] =
    g_signal_new ("changed-elsewhere", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
pm_database_init (PmDatabase *self)
{
  GET_PRIVATE (self)->version = -1;
  g_rec_mutex_init (&GET_PRIVATE (self)->conn_lock);
}

void
_pm_database_lock (PmDatabase *self)
{
  PmDatabasePrivate *priv = GET_PRIVATE (self);

  if (priv->locking)
    g_rec_mutex_lock (&priv->conn_lock);
}

gboolean
_pm_database_trylock (PmDatabase *self)
{
  PmDatabasePrivate *priv = GET_PRIVATE (self);

  return !priv->locking || g_rec_mutex_trylock (&priv->conn_lock);
}

void
_pm_database_unlock (PmDatabase *self)
{
  PmDatabasePrivate *priv = GET_PRIVATE (self);

  if (priv->locking)
    g_rec_mutex_unlock (&priv->conn_lock);
}

void
_pm_database_set_location (PmDatabase *self,
                           const char *path,
                           const char *display_name,
                           gboolean    read_only)
{
  PmDatabasePrivate *priv = GET_PRIVATE (self);

  g_free (priv->path);
  priv->path = g_strdup (path);
  g_free (priv->display_name);
  priv->display_name = g_strdup (display_name);
  priv->read_only = read_only;
  priv->locking = ENGINE (self)->reconnect != NULL;
}

void
_pm_database_set_created (PmDatabase *self,
                          gboolean    created)
{
  GET_PRIVATE (self)->created = created;
}

gboolean
_pm_database_check_open (PmDatabase  *self,
                         GError     **error)
{
  if (ENGINE (self)->is_open (self))
    return TRUE;

  g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_IO,
               _("“%s” has been closed."), GET_PRIVATE (self)->display_name);
  return FALSE;
}

gboolean
_pm_database_set_guard_error (const char  *detail,
                              GError     **error)
{
  if (strstr (detail, "pm-quarter-accepted") != NULL)
    {
      /* The store names the quarter where it knows which one it was. */
      g_set_error_literal (error, PM_STORE_ERROR, PM_STORE_ERROR_READ_ONLY,
                           _("This quarter has been accepted by the programme office and "
                             "is read-only. Reopen it to change it."));
      return TRUE;
    }

  if (strstr (detail, "pm-signoff-kept") != NULL)
    {
      g_set_error_literal (error, PM_STORE_ERROR, PM_STORE_ERROR_INVALID,
                           _("A quarter’s sign-off history is kept as it was written: a quarter "
                             "moves on by a new step, such as reopening it, never by changing "
                             "or deleting an old one."));
      return TRUE;
    }

  return FALSE;
}

gboolean
pm_database_location_is_server (const char *location)
{
  g_return_val_if_fail (location != NULL, FALSE);

  /* libpq's two forms; a file name with "=" and a space in it would be a
   * strange one, and can always be given as ./name. */
  return g_str_has_prefix (location, "postgresql://") ||
         g_str_has_prefix (location, "postgres://") ||
         (strstr (location, "dbname=") != NULL && location[0] != '/' && location[0] != '.');
}

PmDatabase *
pm_database_open (const char        *location,
                  PmStoreOpenFlags   flags,
                  GError           **error)
{
  g_return_val_if_fail (location != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (pm_database_location_is_server (location))
    return pm_pg_database_open (location, flags, error);

  return pm_sqlite_database_open (location, flags, error);
}

PmDatabase *
pm_database_create (const char  *path,
                    int          version,
                    GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (version >= 1 && version <= PM_STORE_SCHEMA_VERSION, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (pm_database_location_is_server (path))
    {
      g_autoptr(PmDatabase) self = pm_pg_database_open (path, PM_STORE_OPEN_CREATE, error);

      if (self == NULL || !pm_database_migrate_to (self, version, error))
        return NULL;
      return g_steal_pointer (&self);
    }

  return pm_sqlite_database_create (path, version, error);
}

void
_pm_database_set_check_pending (PmDatabase *self,
                                gboolean    pending)
{
  GET_PRIVATE (self)->check_pending = pending;
}

gboolean
_pm_database_get_check_pending (PmDatabase *self)
{
  return GET_PRIVATE (self)->check_pending;
}

/* Reads only what is fixed at open (the path), so it may run in a worker
 * thread while the connection serves the main one. */
gboolean
_pm_database_check_integrity (PmDatabase  *self,
                              GError     **error)
{
  if (ENGINE (self)->check_integrity == NULL)
    return TRUE;

  return ENGINE (self)->check_integrity (self, error);
}

gboolean
pm_database_get_created (PmDatabase *self)
{
  g_return_val_if_fail (PM_IS_DATABASE (self), FALSE);

  return GET_PRIVATE (self)->created;
}

const char *
pm_database_get_path (PmDatabase *self)
{
  g_return_val_if_fail (PM_IS_DATABASE (self), NULL);

  return GET_PRIVATE (self)->path;
}

const char *
pm_database_get_display_name (PmDatabase *self)
{
  g_return_val_if_fail (PM_IS_DATABASE (self), NULL);

  return GET_PRIVATE (self)->display_name;
}

gboolean
pm_database_is_server (PmDatabase *self)
{
  g_return_val_if_fail (PM_IS_DATABASE (self), FALSE);

  return PM_IS_PG_DATABASE (self);
}

gboolean
pm_database_is_read_only (PmDatabase *self)
{
  g_return_val_if_fail (PM_IS_DATABASE (self), FALSE);

  return GET_PRIVATE (self)->read_only;
}

void
pm_database_set_busy_timeout (PmDatabase *self,
                              guint       milliseconds)
{
  g_return_if_fail (PM_IS_DATABASE (self));
  g_return_if_fail (milliseconds <= G_MAXINT);

  if (ENGINE (self)->is_open (self))
    ENGINE (self)->set_busy_timeout (self, milliseconds);
}

void
pm_database_close (PmDatabase *self)
{
  g_return_if_fail (PM_IS_DATABASE (self));

  if (!ENGINE (self)->is_open (self))
    return;

  _pm_database_lock (self);
  if (GET_PRIVATE (self)->in_transaction)
    pm_database_rollback (self);

  ENGINE (self)->close (self);
  _pm_database_unlock (self);
}

gboolean
pm_database_get_schema_version (PmDatabase  *self,
                                int         *version,
                                GError     **error)
{
  PmDatabasePrivate *priv;

  g_return_val_if_fail (PM_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (version != NULL, FALSE);

  if (!_pm_database_check_open (self, error))
    return FALSE;

  /* Asked once per KPI by the loader; inside a transaction (a migration)
   * it is read again, under the lock. */
  priv = GET_PRIVATE (self);
  if (priv->version >= 0 && !priv->in_transaction)
    {
      *version = priv->version;
      return TRUE;
    }

  if (!ENGINE (self)->get_schema_version (self, version, error))
    return FALSE;
  if (!priv->in_transaction)
    priv->version = *version;
  return TRUE;
}

gboolean
pm_database_migrate_to (PmDatabase  *self,
                        int          version,
                        GError     **error)
{
  PmDatabasePrivate *priv;
  int current = 0;

  g_return_val_if_fail (PM_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (version >= 1 && version <= PM_STORE_SCHEMA_VERSION, FALSE);

  priv = GET_PRIVATE (self);
  if (!pm_database_get_schema_version (self, &current, error))
    return FALSE;
  if (current >= version)
    return TRUE;

  if (priv->read_only)
    {
      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_READ_ONLY,
                   _("“%s” needs updating for this version of Pilot Monitor, which "
                     "cannot be done while it is open read-only."),
                   priv->display_name);
      return FALSE;
    }

  if (!pm_database_begin (self, error))
    return FALSE;

  /* Read again under the lock: another instance may have migrated. */
  if (!pm_database_get_schema_version (self, &current, error))
    goto failed;

  for (int v = current + 1; v <= version; v++)
    {
      if (!pm_database_execute (self, ENGINE (self)->migrations[v - 1], error))
        goto failed;
    }

  if (!ENGINE (self)->stamp_schema (self, error) ||
      !pm_database_commit (self, error))
    goto failed;

  priv->version = version;
  return TRUE;

failed:
  pm_database_rollback (self);
  return FALSE;
}

gboolean
pm_database_migrate_in_transaction (PmDatabase  *self,
                                    int          version,
                                    GError     **error)
{
  int current = 0;

  g_return_val_if_fail (PM_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (version >= 1 && version <= PM_STORE_SCHEMA_VERSION, FALSE);
  g_return_val_if_fail (GET_PRIVATE (self)->in_transaction, FALSE);

  /* Read under the transaction's lock, as pm_database_migrate_to() does. */
  if (!pm_database_get_schema_version (self, &current, error))
    return FALSE;

  for (int v = current + 1; v <= version; v++)
    {
      if (!pm_database_execute (self, ENGINE (self)->migrations[v - 1], error))
        return FALSE;
    }

  return ENGINE (self)->stamp_schema (self, error);
}

gboolean
pm_database_reset_ids (PmDatabase  *self,
                       GError     **error)
{
  g_return_val_if_fail (PM_IS_DATABASE (self), FALSE);

  if (!_pm_database_check_open (self, error))
    return FALSE;

  if (ENGINE (self)->reset_ids == NULL)
    return TRUE;

  return ENGINE (self)->reset_ids (self, error);
}

gboolean
pm_database_set_triggers_enabled (PmDatabase  *self,
                                  gboolean     enabled,
                                  GError     **error)
{
  g_return_val_if_fail (PM_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (GET_PRIVATE (self)->in_transaction, FALSE);

  if (!_pm_database_check_open (self, error))
    return FALSE;

  return ENGINE (self)->set_triggers_enabled (self, enabled, error);
}

gboolean
pm_database_begin (PmDatabase  *self,
                   GError     **error)
{
  g_return_val_if_fail (PM_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (!GET_PRIVATE (self)->in_transaction, FALSE);

  /* Held until the commit or rollback. */
  _pm_database_lock (self);
  if (!_pm_database_check_open (self, error) ||
      !ENGINE (self)->begin (self, error))
    {
      _pm_database_unlock (self);
      return FALSE;
    }

  GET_PRIVATE (self)->in_transaction = TRUE;
  return TRUE;
}

gboolean
pm_database_begin_read (PmDatabase  *self,
                        GError     **error)
{
  g_return_val_if_fail (PM_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (!GET_PRIVATE (self)->in_transaction, FALSE);

  _pm_database_lock (self);
  if (!_pm_database_check_open (self, error) ||
      !ENGINE (self)->begin_read (self, error))
    {
      _pm_database_unlock (self);
      return FALSE;
    }

  GET_PRIVATE (self)->in_transaction = TRUE;
  return TRUE;
}

gboolean
pm_database_in_transaction (PmDatabase *self)
{
  g_return_val_if_fail (PM_IS_DATABASE (self), FALSE);

  return GET_PRIVATE (self)->in_transaction;
}

gboolean
pm_database_commit (PmDatabase  *self,
                    GError     **error)
{
  g_return_val_if_fail (PM_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (GET_PRIVATE (self)->in_transaction, FALSE);

  /* On failure the transaction stays open for the caller to roll back. */
  if (!_pm_database_check_open (self, error) ||
      !ENGINE (self)->commit (self, error))
    return FALSE;

  GET_PRIVATE (self)->in_transaction = FALSE;
  _pm_database_unlock (self);
  return TRUE;
}

void
pm_database_rollback (PmDatabase *self)
{
  g_return_if_fail (PM_IS_DATABASE (self));

  if (!GET_PRIVATE (self)->in_transaction)
    return;

  GET_PRIVATE (self)->in_transaction = FALSE;
  if (ENGINE (self)->is_open (self))
    ENGINE (self)->rollback (self);
  _pm_database_unlock (self);
}

gboolean
pm_database_execute (PmDatabase  *self,
                     const char  *sql,
                     GError     **error)
{
  g_return_val_if_fail (PM_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (sql != NULL, FALSE);

  if (!_pm_database_check_open (self, error))
    return FALSE;

  gboolean ret;

  _pm_database_lock (self);
  ret = ENGINE (self)->execute (self, sql, error);
  _pm_database_unlock (self);
  return ret;
}

gboolean
pm_database_set_change_context (PmDatabase  *self,
                                const char  *author,
                                const char  *source,
                                GError     **error)
{
  g_return_val_if_fail (PM_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (source != NULL, FALSE);
  g_return_val_if_fail (GET_PRIVATE (self)->in_transaction, FALSE);

  if (!_pm_database_check_open (self, error))
    return FALSE;

  return ENGINE (self)->set_change_context (self, author, source, error);
}

gboolean
pm_database_set_change_key (PmDatabase  *self,
                            const char  *fingerprint,
                            GError     **error)
{
  g_return_val_if_fail (PM_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (GET_PRIVATE (self)->in_transaction, FALSE);

  if (!_pm_database_check_open (self, error))
    return FALSE;

  return ENGINE (self)->set_change_key (self, fingerprint, error);
}

gboolean
pm_database_poll_changes (PmDatabase  *self,
                          GError     **error)
{
  g_return_val_if_fail (PM_IS_DATABASE (self), FALSE);

  if (!_pm_database_check_open (self, error))
    return FALSE;

  gboolean ret;

  _pm_database_lock (self);
  ret = ENGINE (self)->poll_changes (self, error);
  _pm_database_unlock (self);
  return ret;
}

gboolean
pm_database_watch_changes (PmDatabase *self)
{
  g_return_val_if_fail (PM_IS_DATABASE (self), FALSE);

  if (ENGINE (self)->watch_changes == NULL || !ENGINE (self)->is_open (self))
    return FALSE;

  return ENGINE (self)->watch_changes (self);
}

gboolean
pm_database_announce_change (PmDatabase  *self,
                             const char  *what,
                             GError     **error)
{
  g_return_val_if_fail (PM_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (what != NULL, FALSE);

  if (ENGINE (self)->announce_change == NULL)
    return TRUE;

  return ENGINE (self)->announce_change (self, what, error);
}

gboolean
pm_database_poll_changed_rows (PmDatabase  *self,
                               GStrv       *rows,
                               GError     **error)
{
  g_return_val_if_fail (PM_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (rows != NULL, FALSE);

  *rows = NULL;
  if (ENGINE (self)->poll_changed_rows == NULL)
    return pm_database_poll_changes (self, error);
  if (!_pm_database_check_open (self, error))
    return FALSE;

  gboolean ret;

  _pm_database_lock (self);
  ret = ENGINE (self)->poll_changed_rows (self, rows, error);
  _pm_database_unlock (self);
  return ret;
}

void
_pm_database_emit_changed_elsewhere (PmDatabase *self)
{
  g_signal_emit (self, signals[CHANGED_ELSEWHERE], 0);
}

gboolean
pm_database_is_connected (PmDatabase *self)
{
  g_return_val_if_fail (PM_IS_DATABASE (self), FALSE);

  if (ENGINE (self)->is_connected == NULL)
    return ENGINE (self)->is_open (self);

  return ENGINE (self)->is_connected (self);
}

gboolean
pm_database_reconnect (PmDatabase  *self,
                       GError     **error)
{
  gboolean ok;

  g_return_val_if_fail (PM_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_pm_database_check_open (self, error))
    return FALSE;

  if (ENGINE (self)->reconnect == NULL)
    return TRUE;

  _pm_database_lock (self);
  /* The server rolled back whatever was open when the connection went
   * (and this thread held the lock for it). */
  if (GET_PRIVATE (self)->in_transaction)
    _pm_database_unlock (self);
  GET_PRIVATE (self)->in_transaction = FALSE;
  GET_PRIVATE (self)->version = -1;

  ok = ENGINE (self)->reconnect (self, error);
  _pm_database_unlock (self);
  return ok;
}

int
pm_database_get_changes (PmDatabase *self)
{
  g_return_val_if_fail (PM_IS_DATABASE (self), 0);
  g_return_val_if_fail (ENGINE (self)->is_open (self), 0);

  return ENGINE (self)->get_changes (self);
}

gboolean
pm_database_backup_to (PmDatabase  *self,
                       const char  *path,
                       GError     **error)
{
  g_return_val_if_fail (PM_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!_pm_database_check_open (self, error))
    return FALSE;

  return ENGINE (self)->backup_to (self, path, error);
}

PmStatement *
pm_database_prepare (PmDatabase  *self,
                     const char  *sql,
                     GError     **error)
{
  g_return_val_if_fail (PM_IS_DATABASE (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  if (!_pm_database_check_open (self, error))
    return NULL;

  PmStatement * ret;

  _pm_database_lock (self);
  ret = ENGINE (self)->prepare (self, sql, error);
  _pm_database_unlock (self);
  if (ret != NULL && GET_PRIVATE (self)->locking)
    ret->lock = &GET_PRIVATE (self)->conn_lock;
  return ret;
}

/* Statements */

void
pm_statement_free (PmStatement *self)
{
  if (self != NULL)
    self->ops->free (self);
}

void
pm_statement_bind_int64 (PmStatement *self,
                         int          index,
                         gint64       value)
{
  g_return_if_fail (self != NULL);

  self->ops->bind_int64 (self, index, value);
}

void
pm_statement_bind_double (PmStatement *self,
                          int          index,
                          double       value)
{
  g_return_if_fail (self != NULL);

  self->ops->bind_double (self, index, value);
}

void
pm_statement_bind_text (PmStatement *self,
                        int          index,
                        const char  *value)
{
  g_return_if_fail (self != NULL);

  self->ops->bind_text (self, index, value);
}

void
pm_statement_bind_null (PmStatement *self,
                        int          index)
{
  g_return_if_fail (self != NULL);

  self->ops->bind_text (self, index, NULL);
}

void
pm_statement_bind_now (PmStatement *self,
                       int          index)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *text = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");

  pm_statement_bind_text (self, index, text);
}

gboolean
pm_statement_step (PmStatement  *self,
                   GError      **error)
{
  gboolean ret;

  g_return_val_if_fail (self != NULL, FALSE);

  if (self->lock == NULL)
    return self->ops->step (self, error);

  g_rec_mutex_lock (self->lock);
  ret = self->ops->step (self, error);
  g_rec_mutex_unlock (self->lock);
  return ret;
}

gint64
pm_statement_insert (PmStatement  *self,
                     GError      **error)
{
  GError *local_error = NULL;
  gint64 id;

  g_return_val_if_fail (self != NULL, 0);

  if (!pm_statement_step (self, &local_error))
    {
      if (local_error == NULL)
        g_set_error_literal (&local_error, PM_STORE_ERROR, PM_STORE_ERROR_IO,
                             "INSERT gave no id: the statement lacks RETURNING id");
      g_propagate_error (error, local_error);
      return 0;
    }

  id = pm_statement_get_int64 (self, 0);
  /* To the end, so that the engine has finished the statement. */
  if (!pm_statement_execute (self, error))
    return 0;
  return id;
}

gboolean
pm_statement_execute (PmStatement  *self,
                      GError      **error)
{
  GError *local_error = NULL;

  g_return_val_if_fail (self != NULL, FALSE);

  while (pm_statement_step (self, &local_error))
    ;

  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  return TRUE;
}

void
pm_statement_reset (PmStatement *self)
{
  g_return_if_fail (self != NULL);

  self->ops->reset (self);
}

gboolean
pm_statement_is_null (PmStatement *self,
                      int          column)
{
  g_return_val_if_fail (self != NULL, TRUE);

  return self->ops->is_null (self, column);
}

gint64
pm_statement_get_int64 (PmStatement *self,
                        int          column)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->ops->get_int64 (self, column);
}

double
pm_statement_get_double (PmStatement *self,
                         int          column)
{
  g_return_val_if_fail (self != NULL, 0.0);

  return self->ops->get_double (self, column);
}

const char *
pm_statement_get_text (PmStatement *self,
                       int          column)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->ops->get_text (self, column);
}
