/* pg-test-util.h: scratch databases on the PostgreSQL test server
 *
 * build-aux/run-tests.sh starts a throwaway server
 * (build-aux/pg-test-server.sh) and gives the tests its superuser's URI in
 * PM_TEST_PG_URI. Each test makes its own database there, with a unique
 * name, and drops it when done.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <libpq-fe.h>

G_BEGIN_DECLS

/* g_autoptr(PGconn) and g_autoptr(PGresult). Any other header that defines
 * these must use the same guard, or one file cannot include both. */
#ifndef PM_PG_AUTOPTR_DEFINED
#define PM_PG_AUTOPTR_DEFINED
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGconn, PQfinish)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGresult, PQclear)
#endif

gboolean  pg_test_available       (void);
/* TRUE, with the test marked skipped, when there is no test server. */
gboolean  pg_test_skip_without_server (void);

char     *pg_test_create_database (const char  *prefix,
                                   GError     **error);

gboolean  pg_test_drop_database   (const char  *uri,
                                   GError     **error);

char     *pg_test_uri_for_user    (const char  *uri,
                                   const char  *user,
                                   const char  *password);

/* Runs @sql on @conn, asserting it succeeds (a command, no rows). */
void      pg_test_run             (PGconn      *conn,
                                   const char  *sql);
/* The one integer the query @sql returns, asserting it does. */
gint64    pg_test_query_int       (PGconn      *conn,
                                   const char  *sql);

/* Connections to @conn's database other than @conn (@condition, SQL
 * after "AND", narrows them), as they are now, not as the transaction
 * first saw them. */
gint64    pg_test_count_others    (PGconn      *conn,
                                   const char  *condition);
/* How many other connections to @conn's database wait on a lock now:
 * a statement under test has reached the lock a test holds. */
gint64    pg_test_count_lock_waiters (PGconn    *conn);

/* The main loop's longest pause while a test waits on the server: add
 * pg_test_gaps_tick() as a short timeout with a PgTestGaps. */
typedef struct
{
  gint64 last;
  gint64 longest;   /* microseconds */
  guint  ticks;
} PgTestGaps;

gboolean  pg_test_gaps_tick       (gpointer     gaps);

/* A private throwaway server of one test's own, for tests that stop it
 * under a client: never the shared one of PM_TEST_PG_URI. Made with
 * build-aux/pg-test-server.sh (PM_PG_TEST_SERVER_SCRIPT). */
typedef struct _PgTestServer PgTestServer;

/* NULL with G_IO_ERROR_NOT_FOUND when PostgreSQL is not installed (the
 * test then skips), with another error when it would not start. */
PgTestServer *pg_test_server_start    (GError       **error);
/* Its superuser's URI, for the database "postgres" (empty). */
const char   *pg_test_server_get_uri  (PgTestServer  *self);
/* pg_ctl stop -m fast, keeping its data; and start again, same port. */
void          pg_test_server_pause    (PgTestServer  *self);
void          pg_test_server_resume   (PgTestServer  *self);
/* Stops it and deletes its directory. */
void          pg_test_server_free     (PgTestServer  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PgTestServer, pg_test_server_free)

G_END_DECLS
