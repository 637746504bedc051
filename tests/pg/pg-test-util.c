/* pg-test-util.c: scratch databases on the PostgreSQL test server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pg-test-util.h"

#include <string.h>
#include <unistd.h>

#define ADMIN_URI_VARIABLE "PM_TEST_PG_URI"
#define MAX_IDENTIFIER_LENGTH 63   /* NAMEDATALEN - 1 */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PQconninfoOption, PQconninfoFree)

/* Database names we make, and the only ones we drop: a lower-case letter
 * or underscore, then lower-case letters, digits and underscores. */
static gboolean
is_plain_name (const char *name)
{
  const char *p;

  if (name == NULL || name[0] == '\0' || g_ascii_isdigit (name[0]))
    return FALSE;
  for (p = name; *p != '\0'; p++)
    {
      if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '_')
        return FALSE;
    }
  return strlen (name) <= MAX_IDENTIFIER_LENGTH;
}

static void
set_libpq_error (GError     **error,
                 const char  *what,
                 const char  *message)
{
  g_autofree char *text = g_strdup (message != NULL && message[0] != '\0'
                                    ? message : "unknown error");

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s: %s",
               what, g_strchomp (text));
}

static PQconninfoOption *
parse_uri (const char  *uri,
           GError     **error)
{
  PQconninfoOption *options;
  char *message = NULL;

  options = PQconninfoParse (uri, &message);
  if (options == NULL)
    {
      set_libpq_error (error, "Invalid connection URI",
                       message != NULL ? message : "out of memory");
      PQfreemem (message);
    }
  return options;
}

static const char *
find_option (const PQconninfoOption *options,
             const char             *keyword)
{
  const PQconninfoOption *option;

  for (option = options; option->keyword != NULL; option++)
    {
      if (strcmp (option->keyword, keyword) == 0)
        return option->val;
    }
  return NULL;
}

static void
append_escaped (GString    *uri,
                const char *text)
{
  g_autofree char *escaped = g_uri_escape_string (text, NULL, FALSE);

  g_string_append (uri, escaped);
}

/* The URI of the same server as URI with some of its options replaced:
 * USER when not NULL, the password when SET_PASSWORD (PASSWORD NULL drops
 * it), DBNAME when not NULL. Every other option is kept. */
static char *
rebuild_uri (const char  *uri,
             const char  *user,
             gboolean     set_password,
             const char  *password,
             const char  *dbname,
             GError     **error)
{
  g_autoptr(PQconninfoOption) options = NULL;
  g_autoptr(GString) result = NULL;
  const PQconninfoOption *option;
  const char *host;
  const char *port;
  gboolean host_in_authority;
  gboolean password_in_authority;
  char separator = '?';

  options = parse_uri (uri, error);
  if (options == NULL)
    return NULL;

  if (user == NULL)
    user = find_option (options, "user");
  if (!set_password)
    password = find_option (options, "password");
  if (dbname == NULL)
    dbname = find_option (options, "dbname");
  host = find_option (options, "host");
  port = find_option (options, "port");

  result = g_string_new ("postgresql://");
  password_in_authority = user != NULL && password != NULL;
  if (user != NULL)
    {
      append_escaped (result, user);
      if (password_in_authority)
        {
          g_string_append_c (result, ':');
          append_escaped (result, password);
        }
      g_string_append_c (result, '@');
    }

  /* One host name or address goes in the authority; a socket directory
   * or a list of hosts goes in the query, as libpq allows. */
  host_in_authority = host != NULL && host[0] != '\0' &&
                      strchr (host, '/') == NULL && strchr (host, ',') == NULL &&
                      (port == NULL || strchr (port, ',') == NULL);
  if (host_in_authority)
    {
      if (strchr (host, ':') != NULL)
        g_string_append_printf (result, "[%s]", host);   /* IPv6 address */
      else
        append_escaped (result, host);
      if (port != NULL && port[0] != '\0')
        g_string_append_printf (result, ":%s", port);
    }

  g_string_append_c (result, '/');
  if (dbname != NULL)
    append_escaped (result, dbname);

  for (option = options; option->keyword != NULL; option++)
    {
      const char *keyword = option->keyword;
      const char *value = option->val;

      if (strcmp (keyword, "user") == 0 || strcmp (keyword, "dbname") == 0)
        continue;
      if (strcmp (keyword, "password") == 0)
        {
          if (password_in_authority)
            continue;
          value = password;
        }
      if ((strcmp (keyword, "host") == 0 || strcmp (keyword, "port") == 0) &&
          host_in_authority)
        continue;
      if (value == NULL)
        continue;

      g_string_append_printf (result, "%c%s=", separator, keyword);
      append_escaped (result, value);
      separator = '&';
    }

  return g_string_free (g_steal_pointer (&result), FALSE);
}

static PGconn *
connect_admin (const char **admin_uri,
               GError     **error)
{
  g_autoptr(PGconn) conn = NULL;
  const char *uri = g_getenv (ADMIN_URI_VARIABLE);

  if (uri == NULL || uri[0] == '\0')
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   "%s is not set: no PostgreSQL test server", ADMIN_URI_VARIABLE);
      return NULL;
    }

  conn = PQconnectdb (uri);
  if (conn == NULL)
    {
      set_libpq_error (error, "Could not connect to the test server", "out of memory");
      return NULL;
    }
  if (PQstatus (conn) != CONNECTION_OK)
    {
      set_libpq_error (error, "Could not connect to the test server",
                       PQerrorMessage (conn));
      return NULL;
    }

  if (admin_uri != NULL)
    *admin_uri = uri;
  return g_steal_pointer (&conn);
}

static gboolean
run_command (PGconn      *conn,
             const char  *sql,
             const char  *what,
             GError     **error)
{
  g_autoptr(PGresult) result = PQexec (conn, sql);

  if (PQresultStatus (result) != PGRES_COMMAND_OK)
    {
      set_libpq_error (error, what, result != NULL
                                    ? PQresultErrorMessage (result)
                                    : PQerrorMessage (conn));
      return FALSE;
    }
  return TRUE;
}

/**
 * pg_test_available:
 *
 * Returns: %TRUE when the environment names a PostgreSQL test server
 *   (PM_TEST_PG_URI)
 */
gboolean
pg_test_available (void)
{
  const char *uri = g_getenv (ADMIN_URI_VARIABLE);

  return uri != NULL && uri[0] != '\0';
}

/**
 * pg_test_create_database:
 * @prefix: the start of the name: lower-case letters, digits, underscores
 * @error: return location for a #GError
 *
 * Creates a database with a name unique to this process, PREFIX_PID_N, on
 * the test server, owned by its superuser.
 *
 * Returns: (transfer full): the URI of the new database, with the
 *   superuser's name and password, or %NULL with @error set
 */
char *
pg_test_create_database (const char  *prefix,
                         GError     **error)
{
  static int counter;
  g_autoptr(PGconn) conn = NULL;
  g_autofree char *name = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *sql = NULL;
  const char *admin_uri = NULL;

  g_return_val_if_fail (prefix != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = g_strdup_printf ("%s_%ld_%d", prefix, (long) getpid (),
                          g_atomic_int_add (&counter, 1));
  if (!is_plain_name (name))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "Not a usable database name: \"%s\" (a-z, 0-9 and _, at most %d)",
                   name, MAX_IDENTIFIER_LENGTH);
      return NULL;
    }

  conn = connect_admin (&admin_uri, error);
  if (conn == NULL)
    return NULL;

  /* Before the database exists, so that a bad URI leaves nothing behind. */
  uri = rebuild_uri (admin_uri, NULL, FALSE, NULL, name, error);
  if (uri == NULL)
    return NULL;

  /* A database of this name is a killed test's: process ids come round
   * again, and one left behind would fail this test. The name is plain
   * (checked above): quoting it is enough. */
  sql = g_strdup_printf ("DROP DATABASE IF EXISTS \"%s\" WITH (FORCE)", name);
  if (!run_command (conn, sql, "Could not drop a killed test's database", error))
    return NULL;
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("CREATE DATABASE \"%s\"", name);
  if (!run_command (conn, sql, "Could not create a test database", error))
    return NULL;

  return g_steal_pointer (&uri);
}

/**
 * pg_test_drop_database:
 * @uri: a URI from pg_test_create_database()
 * @error: return location for a #GError
 *
 * Drops the database @uri names, closing any connection still open to it.
 * Only databases with names pg_test_create_database() could have made
 * are dropped, never the server's own.
 *
 * Returns: %TRUE when the database is gone
 */
gboolean
pg_test_drop_database (const char  *uri,
                       GError     **error)
{
  g_autoptr(PQconninfoOption) options = NULL;
  g_autoptr(PQconninfoOption) admin_options = NULL;
  g_autoptr(PGconn) conn = NULL;
  g_autofree char *sql = NULL;
  const char *admin_uri = NULL;
  const char *admin_dbname;
  const char *name;

  g_return_val_if_fail (uri != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  options = parse_uri (uri, error);
  if (options == NULL)
    return FALSE;
  name = find_option (options, "dbname");

  conn = connect_admin (&admin_uri, error);
  if (conn == NULL)
    return FALSE;
  admin_options = parse_uri (admin_uri, error);
  if (admin_options == NULL)
    return FALSE;
  admin_dbname = find_option (admin_options, "dbname");
  if (admin_dbname == NULL)
    admin_dbname = find_option (admin_options, "user");

  if (!is_plain_name (name) ||
      g_strcmp0 (name, admin_dbname) == 0 ||
      g_strcmp0 (name, "postgres") == 0 ||
      g_str_has_prefix (name, "template"))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "Not a test database: \"%s\"", name != NULL ? name : "");
      return FALSE;
    }

  sql = g_strdup_printf ("DROP DATABASE \"%s\" WITH (FORCE)", name);
  if (!run_command (conn, sql, "Could not drop a test database", error))
    return FALSE;
  g_clear_pointer (&sql, g_free);

  /* Its programme's group roles (schema 9) are the server's: named from
   * it, as a short name is. */
  sql = g_strdup_printf ("DROP ROLE IF EXISTS \"pm_%s_office\", \"pm_%s_lead\", \"pm_%s_viewer\"",
                         name, name, name);
  return run_command (conn, sql, "Could not drop a test database's roles", error);
}

/**
 * pg_test_uri_for_user:
 * @uri: a PostgreSQL URI
 * @user: the role to connect as
 * @password: (nullable): its password, or %NULL for none
 *
 * Returns: (transfer full): @uri with @user and @password in place of its
 *   role and password, everything else the same; %NULL (with a critical
 *   warning) if @uri is not a valid connection URI
 */
char *
pg_test_uri_for_user (const char *uri,
                      const char *user,
                      const char *password)
{
  g_autoptr(GError) error = NULL;
  char *result;

  g_return_val_if_fail (uri != NULL, NULL);
  g_return_val_if_fail (user != NULL, NULL);

  result = rebuild_uri (uri, user, TRUE, password, NULL, &error);
  if (result == NULL)
    g_critical ("%s", error->message);
  return result;
}

/* Private servers */

struct _PgTestServer
{
  char *dir;
  char *uri;
};

static gboolean
postgres_installed (void)
{
  g_autoptr(GDir) versions = g_dir_open ("/usr/lib/postgresql", 0, NULL);
  const char *name;

  while (versions != NULL && (name = g_dir_read_name (versions)) != NULL)
    {
      g_autofree char *pg_ctl = g_build_filename ("/usr/lib/postgresql", name, "bin", "pg_ctl", NULL);

      if (g_file_test (pg_ctl, G_FILE_TEST_IS_EXECUTABLE))
        return TRUE;
    }
  return FALSE;
}

static gboolean
run_script (const char  *action,
            const char  *dir,
            GError     **error)
{
  const char *script = g_getenv ("PM_PG_TEST_SERVER_SCRIPT");
  const char *argv[] = { "sh", script, action, dir, NULL };
  g_autofree char *err = NULL;
  int status = 0;

  if (script == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   "PM_PG_TEST_SERVER_SCRIPT is not set (tests/meson.build sets it)");
      return FALSE;
    }

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                     NULL, NULL, NULL, &err, &status, error))
    return FALSE;
  if (!g_spawn_check_wait_status (status, NULL))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   "pg-test-server.sh %s failed: %s", action, err != NULL ? err : "");
      return FALSE;
    }
  return TRUE;
}

PgTestServer *
pg_test_server_start (GError **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *env_path = NULL;
  g_autofree char *env = NULL;
  g_auto(GStrv) lines = NULL;
  PgTestServer *self;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!postgres_installed ())
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   "PostgreSQL is not installed (/usr/lib/postgresql/*/bin/pg_ctl)");
      return NULL;
    }

  dir = g_dir_make_tmp ("pm-pg-private-XXXXXX", error);
  if (dir == NULL)
    return NULL;
  if (!run_script ("start", dir, error))
    {
      run_script ("stop", dir, NULL);
      return NULL;
    }

  env_path = g_build_filename (dir, "env", NULL);
  if (!g_file_get_contents (env_path, &env, NULL, error))
    return NULL;

  self = g_new0 (PgTestServer, 1);
  self->dir = g_steal_pointer (&dir);
  lines = g_strsplit (env, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "PM_TEST_PG_URI="))
      self->uri = g_strdup (lines[i] + strlen ("PM_TEST_PG_URI="));
  g_assert_nonnull (self->uri);

  return self;
}

const char *
pg_test_server_get_uri (PgTestServer *self)
{
  return self->uri;
}

void
pg_test_server_pause (PgTestServer *self)
{
  g_autoptr(GError) error = NULL;

  run_script ("pause", self->dir, &error);
  g_assert_no_error (error);
}

void
pg_test_server_resume (PgTestServer *self)
{
  g_autoptr(GError) error = NULL;

  run_script ("resume", self->dir, &error);
  g_assert_no_error (error);
}

void
pg_test_server_free (PgTestServer *self)
{
  g_autoptr(GError) error = NULL;

  if (self == NULL)
    return;

  if (!run_script ("stop", self->dir, &error))
    g_printerr ("Could not stop the private test server in %s: %s\n", self->dir, error->message);
  g_free (self->dir);
  g_free (self->uri);
  g_free (self);
}

void
pg_test_run (PGconn     *conn,
             const char *sql)
{
  g_autoptr(PGresult) result = PQexec (conn, sql);

  g_assert_cmpint (PQresultStatus (result), ==, PGRES_COMMAND_OK);
}

gint64
pg_test_query_int (PGconn     *conn,
                   const char *sql)
{
  g_autoptr(PGresult) result = PQexec (conn, sql);

  g_assert_cmpint (PQresultStatus (result), ==, PGRES_TUPLES_OK);
  g_assert_cmpint (PQntuples (result), ==, 1);
  return g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10);
}

gboolean
pg_test_skip_without_server (void)
{
  if (pg_test_available ())
    return FALSE;

  g_test_skip ("no PostgreSQL test server (build-aux/run-tests.sh starts one)");
  return TRUE;
}

gint64
pg_test_count_others (PGconn     *conn,
                      const char *condition)
{
  g_autofree char *sql = g_strdup_printf ("SELECT pg_stat_clear_snapshot (); "
                                          "SELECT count (*) FROM pg_stat_activity "
                                          "WHERE datname = current_database () "
                                          "AND pid <> pg_backend_pid () %s",
                                          condition);

  return pg_test_query_int (conn, sql);
}

gint64
pg_test_count_lock_waiters (PGconn *conn)
{
  return pg_test_count_others (conn, "AND wait_event_type = 'Lock'");
}

gboolean
pg_test_gaps_tick (gpointer data)
{
  PgTestGaps *gaps = data;
  gint64 now = g_get_monotonic_time ();

  if (gaps->last != 0)
    gaps->longest = MAX (gaps->longest, now - gaps->last);
  gaps->last = now;
  gaps->ticks++;
  return G_SOURCE_CONTINUE;
}
