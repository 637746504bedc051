/* test-pg-server.c: the PostgreSQL test server, and the helpers for it
 *
 * build-aux/run-tests.sh starts a throwaway server for the whole run
 * (build-aux/pg-test-server.sh) and sets PM_TEST_PG_URI; without it this
 * program skips. These checks make sure the store tests that use the
 * server get what they expect: PostgreSQL 15 or later, on loopback only,
 * passwords required over TCP, not run by root, and scratch databases
 * that come and go.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pg-test-util.h"

static PGconn *
connect_ok (const char *uri)
{
  PGconn *conn = PQconnectdb (uri);

  g_assert_nonnull (conn);
  if (PQstatus (conn) != CONNECTION_OK)
    g_error ("could not connect: %s", PQerrorMessage (conn));
  return conn;
}

/* The value of a one-row, one-column query. */
static char *
query_value (PGconn     *conn,
             const char *sql)
{
  g_autoptr(PGresult) result = PQexec (conn, sql);

  if (PQresultStatus (result) != PGRES_TUPLES_OK)
    g_error ("%s: %s", sql, PQresultErrorMessage (result));
  g_assert_cmpint (PQntuples (result), ==, 1);
  g_assert_cmpint (PQnfields (result), ==, 1);
  g_assert_false (PQgetisnull (result, 0, 0));
  return g_strdup (PQgetvalue (result, 0, 0));
}

static void
test_version (void)
{
  g_autoptr(PGconn) conn = connect_ok (g_getenv ("PM_TEST_PG_URI"));
  g_autofree char *version = query_value (conn, "SHOW server_version_num");

  g_assert_cmpint (g_ascii_strtoll (version, NULL, 10), >=, 150000);
  g_assert_cmpint (PQserverVersion (conn), >=, 150000);
}

static void
test_loopback_and_password (void)
{
  const char *uri = g_getenv ("PM_TEST_PG_URI");
  g_autoptr(PGconn) conn = connect_ok (uri);
  g_autoptr(PGconn) wrong = NULL;
  g_autoptr(PGconn) none = NULL;
  g_autofree char *listen = query_value (conn, "SHOW listen_addresses");
  g_autofree char *address = query_value (conn, "SELECT host (inet_server_addr ())");
  g_autofree char *wrong_uri = NULL;
  g_autofree char *no_password_uri = NULL;
  const char *keywords[] = { "dbname", "passfile", NULL };
  const char *values[] = { NULL, "/nonexistent/pgpass", NULL };

  /* Only loopback, and this connection came over TCP to it. */
  g_assert_cmpstr (listen, ==, "127.0.0.1");
  g_assert_cmpstr (address, ==, "127.0.0.1");
  g_assert_cmpstr (PQhost (conn), ==, "127.0.0.1");
  g_assert_cmpstr (PQport (conn), ==, g_getenv ("PM_TEST_PG_PORT"));

  /* A wrong password is refused by the server... */
  wrong_uri = pg_test_uri_for_user (uri, "pm_admin", "not-the-password");
  wrong = PQconnectdb (wrong_uri);
  g_assert_cmpint (PQstatus (wrong), ==, CONNECTION_BAD);
  g_assert_nonnull (strstr (PQerrorMessage (wrong),
                            "password authentication failed for user \"pm_admin\""));

  /* ...and none at all is not enough (PGPASSWORD is unset in main and
   * no password file is read). */
  no_password_uri = pg_test_uri_for_user (uri, "pm_admin", NULL);
  g_assert_null (strstr (no_password_uri, g_getenv ("PM_TEST_PG_PASSWORD")));
  values[0] = no_password_uri;
  none = PQconnectdbParams (keywords, values, 1);
  g_assert_cmpint (PQstatus (none), ==, CONNECTION_BAD);
  g_assert_nonnull (strstr (PQerrorMessage (none), "no password supplied"));
}

static void
test_scratch_database (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *dbname = NULL;
  g_autofree char *expected_prefix = NULL;
  const char *insert_values[2] = { "7", "O'Brien; DROP TABLE kpi; -- \xe2\x80\x93 \xc3\xbc" };
  const char *select_values[1] = { "7" };
  g_autoptr(PGconn) admin = NULL;
  g_autoptr(PGconn) gone = NULL;

  uri = pg_test_create_database ("pm_test_server", &error);
  g_assert_no_error (error);
  g_assert_nonnull (uri);

  {
    g_autoptr(PGconn) conn = connect_ok (uri);
    g_autoptr(PGresult) created = NULL;
    g_autoptr(PGresult) inserted = NULL;
    g_autoptr(PGresult) selected = NULL;
    g_autoptr(PGresult) count = NULL;

    dbname = g_strdup (PQdb (conn));
    expected_prefix = g_strdup_printf ("pm_test_server_%ld_", (long) getpid ());
    g_assert_true (g_str_has_prefix (dbname, expected_prefix));
    g_assert_cmpstr (PQuser (conn), ==, "pm_admin");

    created = PQexec (conn, "CREATE TABLE kpi (id integer PRIMARY KEY, name text NOT NULL)");
    g_assert_cmpint (PQresultStatus (created), ==, PGRES_COMMAND_OK);

    inserted = PQexecParams (conn, "INSERT INTO kpi (id, name) VALUES ($1, $2)",
                             2, NULL, insert_values, NULL, NULL, 0);
    if (PQresultStatus (inserted) != PGRES_COMMAND_OK)
      g_error ("insert: %s", PQresultErrorMessage (inserted));
    g_assert_cmpstr (PQcmdTuples (inserted), ==, "1");

    selected = PQexecParams (conn, "SELECT id, name FROM kpi WHERE id = $1",
                             1, NULL, select_values, NULL, NULL, 0);
    g_assert_cmpint (PQresultStatus (selected), ==, PGRES_TUPLES_OK);
    g_assert_cmpint (PQntuples (selected), ==, 1);
    g_assert_cmpstr (PQgetvalue (selected, 0, 0), ==, "7");
    g_assert_cmpstr (PQgetvalue (selected, 0, 1), ==, insert_values[1]);

    /* The parameter was data, not SQL: the table is still there. */
    count = PQexec (conn, "SELECT count(*) FROM kpi");
    g_assert_cmpint (PQresultStatus (count), ==, PGRES_TUPLES_OK);
    g_assert_cmpstr (PQgetvalue (count, 0, 0), ==, "1");
    /* The connection stays open: WITH (FORCE) closes it. */

    g_assert_true (pg_test_drop_database (uri, &error));
    g_assert_no_error (error);
  }

  gone = PQconnectdb (uri);
  g_assert_cmpint (PQstatus (gone), ==, CONNECTION_BAD);
  g_assert_nonnull (strstr (PQerrorMessage (gone), "does not exist"));

  admin = connect_ok (g_getenv ("PM_TEST_PG_URI"));
  {
    const char *values[1] = { dbname };
    g_autoptr(PGresult) result =
      PQexecParams (admin, "SELECT count(*) FROM pg_database WHERE datname = $1",
                    1, NULL, values, NULL, NULL, 0);

    g_assert_cmpint (PQresultStatus (result), ==, PGRES_TUPLES_OK);
    g_assert_cmpstr (PQgetvalue (result, 0, 0), ==, "0");
  }

  /* Two databases from one process have different names. */
  {
    g_autofree char *first = pg_test_create_database ("pm_test_server", &error);
    g_autofree char *second = NULL;

    g_assert_no_error (error);
    second = pg_test_create_database ("pm_test_server", &error);
    g_assert_no_error (error);
    g_assert_cmpstr (first, !=, second);
    g_assert_true (pg_test_drop_database (first, &error));
    g_assert_no_error (error);
    g_assert_true (pg_test_drop_database (second, &error));
    g_assert_no_error (error);
  }
}

static void
test_helper_refusals (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;

  /* Names that are not plain identifiers are refused before any SQL. */
  uri = pg_test_create_database ("Bad\"Name", &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_null (uri);
  g_clear_error (&error);

  /* The server's own databases are never dropped. */
  g_assert_false (pg_test_drop_database (g_getenv ("PM_TEST_PG_URI"), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  /* A database that is not there: libpq's message comes through. */
  uri = g_strdup_printf ("postgresql://pm_admin:%s@127.0.0.1:%s/pm_test_nothing_here",
                         g_getenv ("PM_TEST_PG_PASSWORD"), g_getenv ("PM_TEST_PG_PORT"));
  g_assert_false (pg_test_drop_database (uri, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "does not exist"));
}

static void
test_uri_for_user (void)
{
  g_autofree char *plain = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *options = NULL;
  g_autofree char *socket = NULL;

  plain = pg_test_uri_for_user ("postgresql://pm_admin:secret@127.0.0.1:54320/pm_x_1_0",
                                "pm_lead", "lead-pw");
  g_assert_cmpstr (plain, ==, "postgresql://pm_lead:lead-pw@127.0.0.1:54320/pm_x_1_0");

  /* Characters that mean something in a URI are escaped. */
  escaped = pg_test_uri_for_user ("postgresql://a@[::1]:5432/db?sslmode=disable",
                                  "b@c", "p:/?#&");
  g_assert_cmpstr (escaped, ==,
                   "postgresql://b%40c:p%3A%2F%3F%23%26@[::1]:5432/db?sslmode=disable");

  /* No password: none in the result, even if the original had one. */
  options = pg_test_uri_for_user ("postgresql://a:pw@localhost/db?password=pw2&connect_timeout=5",
                                  "b", NULL);
  g_assert_cmpstr (options, ==, "postgresql://b@localhost/db?connect_timeout=5");

  /* A socket directory stays a query option. */
  socket = pg_test_uri_for_user ("postgresql:///db?host=/tmp/pm%20pg&port=54321",
                                 "b", "x");
  g_assert_cmpstr (socket, ==, "postgresql://b:x@/db?host=%2Ftmp%2Fpm%20pg&port=54321");
}

static void
test_not_root (void)
{
  g_autoptr(PGconn) conn = connect_ok (g_getenv ("PM_TEST_PG_URI"));
  g_autofree char *data_directory = query_value (conn, "SHOW data_directory");
  GStatBuf info;

  /* The server refuses to run as root, but its data directory says who
   * runs it: the user that made it with initdb. */
  if (g_stat (data_directory, &info) != 0)
    {
      g_test_skip ("the data directory is not on this machine");
      return;
    }
  g_assert_cmpuint (info.st_uid, !=, 0);
  g_assert_cmpuint (info.st_mode & 0077, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");

  if (!pg_test_available ())
    {
      printf ("1..0 # SKIP no PostgreSQL test server\n");
      return EXIT_SUCCESS;
    }

  /* Only what the tests pass explicitly is used. */
  g_unsetenv ("PGPASSWORD");
  g_unsetenv ("PGPASSFILE");
  g_unsetenv ("PGSERVICE");

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pg-server/version", test_version);
  g_test_add_func ("/pg-server/loopback-and-password", test_loopback_and_password);
  g_test_add_func ("/pg-server/scratch-database", test_scratch_database);
  g_test_add_func ("/pg-server/helper-refusals", test_helper_refusals);
  g_test_add_func ("/pg-server/uri-for-user", test_uri_for_user);
  g_test_add_func ("/pg-server/not-root", test_not_root);

  return g_test_run ();
}
