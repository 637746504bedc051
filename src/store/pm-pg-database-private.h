/* pm-pg-database-private.h: the PostgreSQL engine's connection, shared
 * by pm-pg-database.c (connecting, transactions, errors) and
 * pm-pg-statement.c (prepared statements)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libpq-fe.h>

#include "pm-pg-database.h"

G_BEGIN_DECLS

struct _PmPgDatabase
{
  PmDatabase  parent_instance;

  PGconn     *conn;
  /* Statements prepared so far: SQL → PgPrepared. A statement is
   * prepared again on a new connection (one of a later generation). */
  GHashTable *prepared;
  guint       n_prepared;
  guint       generation;     /* counts reconnections */
  int         changes;
  int         lock_timeout;   /* milliseconds; -1 when never set */
  gboolean    lost;           /* the connection went: until reconnected */
  gboolean    missed_changes; /* reconnected: notifications may be lost */
  gboolean    pending_changes; /* another connection's notification, read */
  /* What the notifications read said: each change sends "" (the
   * schema's triggers), and an entry's save follows it with its row
   * (pm_database_announce_change()). A "" not followed so, or anything
   * else, may be any change. */
  GHashTable *blanks_by_pid;   /* pid → "" not yet followed by a row */
  GPtrArray  *changed_rows;
  gboolean    changed_anything;
  /* Watching for changes (pm_database_watch_changes()): the socket's
   * source (NULL while there is no connection), and an idle source for
   * notifications read while running a statement. */
  GMainContext *watch_context;
  GSource      *watch_source;
  GSource      *idle_source;
  GThread      *watch_thread;  /* the watch's; a save's worker is not it */
  gboolean      watch_paused;  /* while a worker had the connection */
};

/* A statement prepared on a connection, kept for the next one. */
typedef struct
{
  char  *name;
  char  *translated;
  int    n_params;
  guint  generation;  /* of the connection it was last prepared on */
} PgPrepared;

typedef PmPgDatabase Self;

/* @result's error (NULL: the connection's) as a PM_STORE_ERROR. */
void         _pm_pg_database_set_error              (PmPgDatabase  *self,
                                                     PGresult      *result,
                                                     GError       **error);

/* Takes the notifications libpq has read: another connection's make the
 * next poll return TRUE, and are announced when watching. */
void         _pm_pg_database_take_notifies          (PmPgDatabase  *self);

/* pm-pg-changes.c: the engine's watch_changes, poll_changes,
 * poll_changed_rows and announce_change; and the socket's watch, taken
 * off before a reconnection and put on the new socket after. */
gboolean     _pm_pg_database_watch_changes          (PmDatabase    *database);
gboolean     _pm_pg_database_poll_changes           (PmDatabase    *database,
                                                     GError       **error);
gboolean     _pm_pg_database_poll_changed_rows      (PmDatabase    *database,
                                                     GStrv         *rows,
                                                     GError       **error);
gboolean     _pm_pg_database_announce_change        (PmDatabase    *database,
                                                     const char    *what,
                                                     GError       **error);
void         _pm_pg_database_add_socket_watch       (PmPgDatabase  *self);
void         _pm_pg_database_remove_socket_watch    (PmPgDatabase  *self);
/* PmDatabase::changed-elsewhere from the main loop, when watching. */
void         _pm_pg_database_schedule_idle          (PmPgDatabase  *self);
void         _pm_pg_database_stop_watching          (PmPgDatabase  *self);
/* After a worker used the connection: the watch again, on this thread. */
void         _pm_pg_database_resume_watch           (PmPgDatabase  *self);

/* pm-pg-statement.c */
/* Prepares @prepared on the current connection, unless it already is. */
gboolean     _pm_pg_database_prepare_on_connection  (PmPgDatabase  *self,
                                                     PgPrepared    *prepared,
                                                     GError       **error);
PmStatement *_pm_pg_statement_new                   (PmPgDatabase  *database,
                                                     PgPrepared    *prepared);

G_END_DECLS
