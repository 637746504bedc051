/* pm-database.h: a thin connection to a database engine, every failure a
 * GError
 *
 * Internal to the store: nothing outside src/store (and its tests) includes
 * this. In the spirit of Epiphany's EphySQLiteConnection: open, prepare,
 * bind, step, and explicit transactions. Values only ever reach SQL through
 * bound parameters.
 *
 * Two engines stand behind it: a sqlite file (PmSqliteDatabase) and a
 * PostgreSQL server (PmPgDatabase). The store writes its SQL once, in the
 * part of the language both share: parameters as ?1, ?2..., upserts with
 * ON CONFLICT, IS DISTINCT FROM, coalesce (), times bound from here. Only
 * the schema (pm-schema-sqlite.c, pm-schema-postgresql.c) and what a connection is differ.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pm-store.h"
#include "pm-store-error.h"

G_BEGIN_DECLS

/* 'PMON' in PRAGMA application_id marks a Pilot Monitor database. */
#define PM_DATABASE_APPLICATION_ID 0x504D4F4E

#define PM_DATABASE_DEFAULT_BUSY_TIMEOUT_MS 2000

#define PM_TYPE_DATABASE (pm_database_get_type ())
G_DECLARE_DERIVABLE_TYPE (PmDatabase, pm_database, PM, DATABASE, GObject)

typedef struct _PmStatement PmStatement;

/* TRUE when @location names a PostgreSQL server (a postgresql:// or
 * postgres:// URI, or a libpq "key=value" connection string) rather than
 * a file. */
gboolean     pm_database_location_is_server  (const char        *location);

/* Opens @location: a file, as below, or a server (see
 * pm_database_location_is_server()), whose schema is checked the same way
 * (ours, not newer) and which PM_STORE_OPEN_CREATE lets be empty.
 *
 * For a file: checks an existing file read-only (not empty, a sqlite header, our
 * application id, a schema no newer than this build, quick_check) before
 * anything can write to it, then opens it read-write in WAL mode unless
 * @flags has PM_STORE_OPEN_READ_ONLY. With PM_STORE_OPEN_CREATE a missing
 * file is created with mode 0600. Does not migrate: see
 * pm_database_migrate_to(). */
PmDatabase  *pm_database_open                (const char        *location,
                                              PmStoreOpenFlags   flags,
                                              GError           **error);
/* Makes a new database at @path with the schema at @version, whole or not
 * at all: it is built under a temporary name beside @path and renamed into
 * place, so that a crash never leaves a half-made file at @path (which
 * would then be refused as empty or foreign). An existing @path is
 * PM_STORE_ERROR_INVALID. Opens it as pm_database_open() does. */
PmDatabase  *pm_database_create              (const char        *path,
                                              int                version,
                                              GError           **error);
/* TRUE when pm_database_open() or pm_database_create() created the file. */
gboolean     pm_database_get_created         (PmDatabase        *self);
/* The file's path, or the server's connection string as given. */
const char  *pm_database_get_path            (PmDatabase        *self);
/* For messages: the file's name, or "dbname on host". */
const char  *pm_database_get_display_name    (PmDatabase        *self);
gboolean     pm_database_is_server           (PmDatabase        *self);
gboolean     pm_database_is_read_only        (PmDatabase        *self);
void         pm_database_set_busy_timeout    (PmDatabase        *self,
                                              guint              milliseconds);
/* Finalizes what is left and closes; later calls fail with
 * PM_STORE_ERROR_IO. */
void         pm_database_close               (PmDatabase        *self);

/* The schema version (sqlite's PRAGMA user_version, pm_meta on a server). */
gboolean     pm_database_get_schema_version  (PmDatabase        *self,
                                              int               *version,
                                              GError           **error);
/* Runs the migrations from the current version up to @version (at most
 * PM_STORE_SCHEMA_VERSION) in one transaction, stamping the application
 * id. Tests use it to make databases of an older schema. */
gboolean     pm_database_migrate_to          (PmDatabase        *self,
                                              int                version,
                                              GError           **error);
/* The same inside the caller's open transaction, so that a new schema
 * and what is written into it next stand or fall together (a copy). */
gboolean     pm_database_migrate_in_transaction (PmDatabase     *self,
                                                 int             version,
                                                 GError        **error);
/* After rows were written with the ids they had elsewhere (a copy): the
 * ids the engine gives from then on follow the highest of them. */
gboolean     pm_database_reset_ids           (PmDatabase        *self,
                                              GError           **error);
/* Inside a transaction: whether the schema's triggers (the audit trail,
 * the guard on accepted quarters) fire. Off while rows are copied as
 * they are; foreign keys and checks hold either way. */
gboolean     pm_database_set_triggers_enabled (PmDatabase       *self,
                                               gboolean          enabled,
                                               GError          **error);

/* Transactions are not nested. On a file, begin takes the write lock at
 * once (BEGIN IMMEDIATE), so a lock held elsewhere shows before any
 * change; a server locks row by row. */
gboolean     pm_database_begin               (PmDatabase        *self,
                                              GError           **error);
/* A transaction that only reads, and sees the whole database as it was
 * at its first read whatever is written meanwhile (to copy it); end it
 * with pm_database_rollback(). */
gboolean     pm_database_begin_read          (PmDatabase        *self,
                                              GError           **error);
gboolean     pm_database_in_transaction      (PmDatabase        *self);
gboolean     pm_database_commit              (PmDatabase        *self,
                                              GError           **error);
/* Rolls back if a transaction is open; a failure here is logged, since
 * the caller is already reporting the error that led to it. */
void         pm_database_rollback            (PmDatabase        *self);

/* Runs constant SQL (one or more statements) with no parameters. */
gboolean     pm_database_execute             (PmDatabase        *self,
                                              const char        *sql,
                                              GError           **error);
/* Who and where from ("typed", "csv", "return", "import"), for the audit
 * trail of the changes in the open transaction. */
gboolean     pm_database_set_change_context  (PmDatabase        *self,
                                              const char        *author,
                                              const char        *source,
                                              GError           **error);
/* The fingerprint of the key that signed the return being merged in the
 * open transaction (NULL: none), which the audit trail records with each
 * change whose source is "return". Set after the change context. */
gboolean     pm_database_set_change_key      (PmDatabase        *self,
                                              const char        *fingerprint,
                                              GError           **error);
/* TRUE when another program has committed a change to the database
 * since the last call (or the open): a window refreshes then. */
gboolean     pm_database_poll_changes        (PmDatabase        *self,
                                              GError           **error);
/* Watches for other connections' changes on the thread-default main
 * context, emitting PmDatabase::changed-elsewhere as they arrive (a
 * server's notifications, read as its socket has them). FALSE when the
 * engine cannot (a file): poll it with pm_database_poll_changes(). */
gboolean     pm_database_watch_changes       (PmDatabase        *self);
/* Inside a write transaction: tells the others watching that @what
 * ("progress KPI_ID PERIOD") is what it changes, so that they read that
 * row alone. Nothing for a file. */
gboolean     pm_database_announce_change     (PmDatabase        *self,
                                              const char        *what,
                                              GError           **error);
/* pm_database_poll_changes(), with what changed: *@rows (free with
 * g_strfreev()) the rows announced when they are all that changed, or
 * NULL when anything may have. */
gboolean     pm_database_poll_changed_rows   (PmDatabase        *self,
                                              GStrv             *rows,
                                              GError           **error);
/* FALSE once a server's connection has been lost (a file is always
 * connected). */
gboolean     pm_database_is_connected        (PmDatabase        *self);
/* Connects to the server again, as the database was opened; any
 * transaction was lost with the old connection. PM_STORE_ERROR_DISCONNECTED
 * while the server still cannot be reached. TRUE at once for a file. */
gboolean     pm_database_reconnect           (PmDatabase        *self,
                                              GError           **error);
/* Rows changed by the last INSERT, UPDATE or DELETE. */
int          pm_database_get_changes         (PmDatabase        *self);

/* Copies the whole database to @path, a new file created with mode 0600;
 * an existing @path is PM_STORE_ERROR_INVALID. Files only: a server is
 * copied with pm_store_copy_to(). */
gboolean     pm_database_backup_to           (PmDatabase        *self,
                                              const char        *path,
                                              GError           **error);

PmStatement *pm_database_prepare             (PmDatabase        *self,
                                              const char        *sql,
                                              GError           **error);
void         pm_statement_free               (PmStatement       *self);

/* Parameters count from 1. A failure to bind is kept and reported by the
 * next step, so a run of binds needs no checks of its own. */
void         pm_statement_bind_int64         (PmStatement       *self,
                                              int                index,
                                              gint64             value);
void         pm_statement_bind_double        (PmStatement       *self,
                                              int                index,
                                              double             value);
/* NULL binds SQL NULL. */
void         pm_statement_bind_text          (PmStatement       *self,
                                              int                index,
                                              const char        *value);
void         pm_statement_bind_null          (PmStatement       *self,
                                              int                index);
/* The time now, UTC, as ISO 8601 text ("2026-11-30T09:15:00Z"): bound
 * rather than asked of the engine, whose clocks and functions differ. */
void         pm_statement_bind_now           (PmStatement       *self,
                                              int                index);

/* TRUE when a row is ready; FALSE when done or on error (then @error is
 * set, so pass one to tell them apart). */
gboolean     pm_statement_step               (PmStatement       *self,
                                              GError           **error);
/* Runs an INSERT ... RETURNING id and gives the new row's id, or 0 with
 * @error. */
gint64       pm_statement_insert             (PmStatement       *self,
                                              GError           **error);
/* Steps to the end, ignoring rows. */
gboolean     pm_statement_execute            (PmStatement       *self,
                                              GError           **error);
/* Ready to step again; the bindings are cleared too. */
void         pm_statement_reset              (PmStatement       *self);

/* Columns count from 0. */
gboolean     pm_statement_is_null            (PmStatement       *self,
                                              int                column);
gint64       pm_statement_get_int64          (PmStatement       *self,
                                              int                column);
double       pm_statement_get_double         (PmStatement       *self,
                                              int                column);
/* NULL for SQL NULL; valid until the next step or reset. */
const char  *pm_statement_get_text           (PmStatement       *self,
                                              int                column);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PmStatement, pm_statement_free)

G_END_DECLS
