/* pm-database-private.h: shared by the database engines (pm-database.c,
 * pm-sqlite-database.c, pm-pg-database.c, pm-schema-sqlite.c, pm-schema-postgresql.c) only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sys/stat.h>

#include "pm-database.h"

G_BEGIN_DECLS

/* Entry N - 1 takes a database from schema version N - 1 to N. */
extern const char * const _pm_schema_migrations[];
/* The same, migration for migration, in PostgreSQL's dialect. */
extern const char * const _pm_schema_migrations_postgresql[];
/* Its entry 9, roles per programme. */
extern const char _pm_schema_postgresql_v9[];

/* What an engine provides. The base class keeps the location, the
 * read-only flag and whether a transaction is open, checks arguments, and
 * runs migrations with these. */
struct _PmDatabaseClass
{
  GObjectClass parent_class;

  /* One per schema version, in this engine's dialect. */
  const char * const *migrations;

  void         (*close)              (PmDatabase   *self);
  gboolean     (*is_open)            (PmDatabase   *self);
  gboolean     (*get_schema_version) (PmDatabase   *self,
                                      int          *version,
                                      GError      **error);
  /* Inside the migrations' transaction, after the last one ran. */
  gboolean     (*stamp_schema)       (PmDatabase   *self,
                                      GError      **error);
  gboolean     (*execute)            (PmDatabase   *self,
                                      const char   *sql,
                                      GError      **error);
  gboolean     (*begin)              (PmDatabase   *self,
                                      GError      **error);
  /* A read-only transaction on one snapshot. */
  gboolean     (*begin_read)         (PmDatabase   *self,
                                      GError      **error);
  gboolean     (*commit)             (PmDatabase   *self,
                                      GError      **error);
  void         (*rollback)           (PmDatabase   *self);
  gboolean     (*set_change_context) (PmDatabase   *self,
                                      const char   *author,
                                      const char   *source,
                                      GError      **error);
  gboolean     (*set_change_key)     (PmDatabase   *self,
                                      const char   *fingerprint,
                                      GError      **error);
  int          (*get_changes)        (PmDatabase   *self);
  gboolean     (*backup_to)          (PmDatabase   *self,
                                      const char   *path,
                                      GError      **error);
  void         (*set_busy_timeout)   (PmDatabase   *self,
                                      guint         milliseconds);
  PmStatement *(*prepare)            (PmDatabase   *self,
                                      const char   *sql,
                                      GError      **error);
  /* After rows were inserted with explicit ids; NULL when the engine
   * needs nothing (sqlite takes max (rowid) + 1 anyway). */
  gboolean     (*reset_ids)          (PmDatabase   *self,
                                      GError      **error);
  /* Inside a transaction: the schema's triggers on or off (a copy). */
  gboolean     (*set_triggers_enabled) (PmDatabase *self,
                                        gboolean    enabled,
                                        GError    **error);
  /* TRUE when another connection has committed a change since the last
   * call (or the open). */
  gboolean     (*poll_changes)       (PmDatabase   *self,
                                      GError      **error);
  /* A server's: FALSE once the connection is lost; and connecting again
   * (NULL for a file, which is always there). */
  gboolean     (*is_connected)       (PmDatabase   *self);
  /* The integrity check left for later (PM_STORE_OPEN_CHECK_LATER), run
   * in a worker thread on a connection of its own; NULL when an engine
   * leaves none. */
  gboolean     (*check_integrity)    (PmDatabase   *self,
                                      GError      **error);
  gboolean     (*reconnect)          (PmDatabase   *self,
                                      GError      **error);
  /* Starts watching for other connections' changes on the thread-default
   * main context (NULL: the engine cannot, and is polled). */
  gboolean     (*watch_changes)      (PmDatabase   *self);
  /* Inside a write: tells the others which row changed (NULL: the
   * engine has no one to tell). */
  gboolean     (*announce_change)    (PmDatabase   *self,
                                      const char   *what,
                                      GError      **error);
  /* As poll_changes, with what changed: *@rows the rows announced, or
   * NULL when anything may have (NULL: always anything). */
  gboolean     (*poll_changed_rows)  (PmDatabase   *self,
                                      GStrv        *rows,
                                      GError      **error);
};

/* For the engines: where the database is, set once when it is opened. */
void     _pm_database_set_location  (PmDatabase  *self,
                                     const char  *path,
                                     const char  *display_name,
                                     gboolean     read_only);
void     _pm_database_set_created   (PmDatabase  *self,
                                     gboolean     created);
/* For an engine that watches: emits PmDatabase::changed-elsewhere. */
void     _pm_database_emit_changed_elsewhere (PmDatabase *self);
/* When @detail, an engine's message, is a refusal by one of the
 * schema's guards (triggers raising "pm-quarter-accepted" or
 * "pm-signoff-kept"): sets @error to say so, and returns TRUE. */
gboolean _pm_database_set_guard_error (const char  *detail,
                                       GError     **error);
/* PM_STORE_ERROR_IO naming the database, once it has been closed. */
void     _pm_database_set_check_pending (PmDatabase *self,
                                        gboolean    pending);
gboolean _pm_database_get_check_pending (PmDatabase *self);
gboolean _pm_database_check_integrity   (PmDatabase  *self,
                                         GError     **error);
gboolean _pm_database_check_open    (PmDatabase  *self,
                                     GError     **error);

/* A prepared statement of an engine: each embeds this first. */
typedef struct
{
  void         (*free)        (PmStatement  *self);
  void         (*bind_int64)  (PmStatement  *self,
                               int           index,
                               gint64        value);
  void         (*bind_double) (PmStatement  *self,
                               int           index,
                               double        value);
  /* NULL binds SQL NULL. */
  void         (*bind_text)   (PmStatement  *self,
                               int           index,
                               const char   *value);
  gboolean     (*step)        (PmStatement  *self,
                               GError      **error);
  void         (*reset)       (PmStatement  *self);
  gboolean     (*is_null)     (PmStatement  *self,
                               int           column);
  gint64       (*get_int64)   (PmStatement  *self,
                               int           column);
  double       (*get_double)  (PmStatement  *self,
                               int           column);
  const char  *(*get_text)    (PmStatement  *self,
                               int           column);
} PmStatementOps;

struct _PmStatement
{
  const PmStatementOps *ops;
  GRecMutex            *lock;  /* the connection's, when it is locked */
};

/* A server's connection, for one thread at a time (a no-op for a file):
 * recursive; pm_database_begin() takes it until the commit or rollback,
 * pm_database_prepare() and pm_statement_step() for their call. */
void     _pm_database_lock             (PmDatabase   *self);
gboolean _pm_database_trylock          (PmDatabase   *self);
void     _pm_database_unlock           (PmDatabase   *self);

/* pm-database-file.c */
/* A PM_STORE_ERROR for a failed system call on @path. */
void     _pm_file_set_error_from_errno (int           saved_errno,
                                        const char   *path,
                                        GError      **error);
/* FALSE when we may not write @path, and also when it has no write bit at
 * all (root may write anyway, but the owner asked for it to be kept). */
gboolean _pm_file_is_writable          (const char   *path);
/* Refuses, from its size and first bytes, a file that cannot be a sqlite
 * database: not a regular file, empty, another format, cut short. */
gboolean _pm_file_check_header         (const char   *path,
                                        struct stat  *st,
                                        GError      **error);
/* Creates @path with mode 0600 whatever the umask; an existing @path is
 * PM_STORE_ERROR_INVALID. */
gboolean _pm_file_create_private       (const char   *path,
                                        GError      **error);
/* Takes @io_error, from the safe-file writer (G_IO_ERROR), into @error as
 * the store's (PM_STORE_ERROR_INVALID for an existing or refused file). */
void     _pm_file_propagate_error      (GError      **error,
                                        GError       *io_error);

G_END_DECLS
