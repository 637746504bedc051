/* pm-pg-changes.c: other connections' changes, as the server tells them
 *
 * The connection listens on pm_changes (schema 6): every change sends
 * "", and an entry's save also its row. Read as the socket has them, on
 * the main loop, once watched (pm_database_watch_changes()); otherwise
 * when polled.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib-unix.h>
#include <libpq-fe.h>

#include "pm-database-private.h"
#include "pm-pg-database-private.h"

static gboolean
idle_cb (gpointer data)
{
  Self *self = data;

  g_clear_pointer (&self->idle_source, g_source_unref);
  _pm_database_emit_changed_elsewhere (PM_DATABASE (self));
  return G_SOURCE_REMOVE;
}

/* When watching, PmDatabase::changed-elsewhere from the main loop. */
void
_pm_pg_database_schedule_idle (Self *self)
{
  /* Not from a save's worker: the main thread's resume asks again. */
  if (self->watch_context == NULL || self->idle_source != NULL ||
      self->watch_thread != g_thread_self ())
    return;

  self->idle_source = g_idle_source_new ();
  g_source_set_callback (self->idle_source, idle_cb, self, NULL);
  g_source_set_static_name (self->idle_source, "[pm] pg notifications");
  g_source_attach (self->idle_source, self->watch_context);
}

/* Every change on the server notifies pm_changes (schema 6); our own
 * are not news. libpq reads them with whatever else comes in, during our
 * own statements too, when the socket has nothing left to wake the
 * watch: those are announced from an idle. */
void
_pm_pg_database_take_notifies (Self *self)
{
  gboolean changed = FALSE;
  PGnotify *notify;

  while ((notify = PQnotifies (self->conn)) != NULL)
    {
      if (notify->be_pid != PQbackendPID (self->conn))
        {
          gpointer pid = GINT_TO_POINTER (notify->be_pid);
          guint blanks = GPOINTER_TO_UINT (g_hash_table_lookup (self->blanks_by_pid, pid));
          const char *extra = notify->extra != NULL ? notify->extra : "";

          changed = TRUE;
          if (extra[0] == '\0')
            g_hash_table_insert (self->blanks_by_pid, pid, GUINT_TO_POINTER (blanks + 1));
          else if (g_str_has_prefix (extra, "progress ") && blanks > 0)
            {
              if (blanks > 1)
                g_hash_table_insert (self->blanks_by_pid, pid, GUINT_TO_POINTER (blanks - 1));
              else
                g_hash_table_remove (self->blanks_by_pid, pid);
              g_ptr_array_add (self->changed_rows, g_strdup (extra));
            }
          else
            self->changed_anything = TRUE;
        }
      PQfreemem (notify);
    }
  if (!changed)
    return;

  self->pending_changes = TRUE;
  _pm_pg_database_schedule_idle (self);
}

static void
remove_source (GSource **source)
{
  if (*source == NULL)
    return;
  g_source_destroy (*source);
  g_clear_pointer (source, g_source_unref);
}

/* What the socket has, read with the connection held: FALSE when the
 * connection went. */
static gboolean
read_socket (Self         *self,
             GIOCondition  condition)
{
  /* The server hung up: the watch goes with the socket (a closed socket
   * is always ready), and the window's reconnection takes over. */
  if ((condition & (G_IO_HUP | G_IO_ERR | G_IO_NVAL)) != 0 ||
      !PQconsumeInput (self->conn) || PQstatus (self->conn) != CONNECTION_OK)
    {
      g_debug ("The connection to “%s” went: %s", pm_database_get_display_name (PM_DATABASE (self)), PQerrorMessage (self->conn));
      self->lost = TRUE;
      return FALSE;
    }

  _pm_pg_database_take_notifies (self);
  return TRUE;
}

static gboolean
socket_cb (int          fd,
           GIOCondition condition,
           gpointer     data)
{
  Self *self = data;
  gboolean connected;

  /* A save's worker has the connection (and reads this socket): the
   * watch waits off, until _pm_pg_database_resume_watch(). */
  if (!_pm_database_trylock (PM_DATABASE (self)))
    {
      self->watch_paused = TRUE;
      g_clear_pointer (&self->watch_source, g_source_unref);
      return G_SOURCE_REMOVE;
    }
  connected = read_socket (self, condition);
  _pm_database_unlock (PM_DATABASE (self));

  if (!connected)
    {
      g_clear_pointer (&self->watch_source, g_source_unref);
      remove_source (&self->idle_source);
      _pm_database_emit_changed_elsewhere (PM_DATABASE (self));
      return G_SOURCE_REMOVE;
    }

  if (self->pending_changes)
    {
      remove_source (&self->idle_source);
      _pm_database_emit_changed_elsewhere (PM_DATABASE (self));
    }
  return G_SOURCE_CONTINUE;
}

void
_pm_pg_database_remove_socket_watch (Self *self)
{
  remove_source (&self->watch_source);
}

/* On the current connection's socket, which a reconnection changes. */
void
_pm_pg_database_add_socket_watch (Self *self)
{
  int fd = PQsocket (self->conn);

  remove_source (&self->watch_source);
  if (self->watch_context == NULL || fd < 0)
    return;

  self->watch_source = g_unix_fd_source_new (fd, G_IO_IN | G_IO_HUP | G_IO_ERR);
  g_source_set_callback (self->watch_source, G_SOURCE_FUNC (socket_cb), self, NULL);
  g_source_set_static_name (self->watch_source, "[pm] pg socket");
  g_source_attach (self->watch_source, self->watch_context);
}

gboolean
_pm_pg_database_watch_changes (PmDatabase *database)
{
  Self *self = PM_PG_DATABASE (database);

  if (self->watch_context == NULL)
    self->watch_context = g_main_context_ref_thread_default ();
  self->watch_thread = g_thread_self ();
  if (self->watch_source == NULL && !self->lost)
    _pm_pg_database_add_socket_watch (self);
  /* Read before the watch began. */
  _pm_database_lock (database);
  _pm_pg_database_take_notifies (self);
  _pm_database_unlock (database);
  if (self->pending_changes || self->missed_changes)
    _pm_pg_database_schedule_idle (self);
  return TRUE;
}

/* On the watching thread, once a worker has let go of the connection:
 * the watch back on, and what the worker's statements read announced. */
void
_pm_pg_database_resume_watch (Self *self)
{
  if (self->watch_context == NULL || g_thread_self () != self->watch_thread)
    return;

  if (self->watch_paused && self->watch_source == NULL && !self->lost)
    _pm_pg_database_add_socket_watch (self);
  self->watch_paused = FALSE;
  if (self->pending_changes || self->lost)
    _pm_pg_database_schedule_idle (self);
}

void
_pm_pg_database_stop_watching (Self *self)
{
  remove_source (&self->watch_source);
  remove_source (&self->idle_source);
  g_clear_pointer (&self->watch_context, g_main_context_unref);
}

gboolean
_pm_pg_database_poll_changed_rows (PmDatabase  *database,
                      GStrv       *rows,
                      GError     **error)
{
  Self *self = PM_PG_DATABASE (database);
  gboolean changed, anything;

  if (!PQconsumeInput (self->conn) || PQstatus (self->conn) != CONNECTION_OK)
    {
      _pm_pg_database_set_error (self, NULL, error);
      return FALSE;
    }

  _pm_pg_database_take_notifies (self);
  /* Whatever changed while we were away sent no notification to us. */
  changed = self->pending_changes || self->missed_changes;
  anything = self->changed_anything || self->missed_changes ||
             g_hash_table_size (self->blanks_by_pid) > 0;
  if (changed && !anything)
    {
      g_ptr_array_add (self->changed_rows, NULL);
      *rows = g_strdupv ((char **) self->changed_rows->pdata);
    }

  g_hash_table_remove_all (self->blanks_by_pid);
  g_ptr_array_set_size (self->changed_rows, 0);
  self->changed_anything = FALSE;
  self->pending_changes = FALSE;
  self->missed_changes = FALSE;
  remove_source (&self->idle_source);

  return changed;
}

gboolean
_pm_pg_database_poll_changes (PmDatabase  *database,
                 GError     **error)
{
  g_auto(GStrv) rows = NULL;

  return _pm_pg_database_poll_changed_rows (database, &rows, error);
}

/* Sent with the schema's own "" at the commit, and after it. */
gboolean
_pm_pg_database_announce_change (PmDatabase  *database,
                    const char  *what,
                    GError     **error)
{
  g_autoptr(PmStatement) stmt = NULL;

  stmt = pm_database_prepare (database, "SELECT pg_notify ('pm_changes', ?1::text)", error);
  if (stmt == NULL)
    return FALSE;
  pm_statement_bind_text (stmt, 1, what);
  return pm_statement_execute (stmt, error);
}

