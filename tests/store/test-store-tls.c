/* test-store-tls.c: a server reached over TLS, its certificate checked
 *
 * A council's server proves who it is with a certificate signed by the
 * council's own certificate authority; the store, told of that authority
 * (sslrootcert in the connection string, or PGSSLROOTCERT), connects with
 * sslmode=verify-full, and refuses a server whose certificate some other
 * authority signed, or one made out for another host, saying why.
 *
 * This test makes its own authorities and server certificate with the
 * openssl command and runs a throwaway server of its own with them
 * (build-aux/pg-test-server.sh start DIR TLS_DIR, on the next free port),
 * not the shared test server. That server accepts only TLS over TCP. It
 * skips where the PostgreSQL server or openssl is not installed.
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
#include "pm-sample.h"
#include "store-test-util.h"

#define SCRIPT_VARIABLE "PM_PG_TEST_SERVER_SCRIPT"
#define DBNAME "pm_tls"

static struct
{
  char *cert_dir;     /* the authorities and the server's certificate */
  char *server_dir;   /* the server's, made and removed by the script */
  char *ca;           /* the council's authority, which signed the server's */
  char *other_ca;     /* an authority that signed nothing of the server's */
  char *port;
  char *password;     /* of pm_admin, the server's superuser */
} tls;

static gboolean
postgresql_installed (void)
{
  g_autoptr(GDir) dir = g_dir_open ("/usr/lib/postgresql", 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *initdb = g_build_filename ("/usr/lib/postgresql", name, "bin", "initdb", NULL);
      g_autofree char *postgres = g_build_filename ("/usr/lib/postgresql", name, "bin", "postgres", NULL);

      if (g_file_test (initdb, G_FILE_TEST_IS_EXECUTABLE) &&
          g_file_test (postgres, G_FILE_TEST_IS_EXECUTABLE))
        return TRUE;
    }
  return FALSE;
}

/* Runs @argv, which must succeed; its output is kept for the log. */
static void
run (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *command = g_strjoinv (" ", (char **) argv);
  int status = 0;

  g_spawn_sync (tls.cert_dir, (char **) argv, NULL, G_SPAWN_SEARCH_PATH,
                NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("%s: %s\n%s%s", command, error->message, out, err);
}

/* A self-signed authority, @name.crt and @name.key in the folder. */
static char *
make_authority (const char *name,
                const char *common_name)
{
  g_autofree char *crt = g_strconcat (name, ".crt", NULL);
  g_autofree char *key = g_strconcat (name, ".key", NULL);
  g_autofree char *subject = g_strconcat ("/CN=", common_name, NULL);
  const char *argv[] = { "openssl", "req", "-x509", "-newkey", "ec",
                         "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                         "-keyout", key, "-out", crt, "-days", "2",
                         "-subj", subject,
                         "-addext", "basicConstraints=critical,CA:TRUE",
                         "-addext", "keyUsage=critical,keyCertSign,cRLSign", NULL };

  run (argv);
  return g_build_filename (tls.cert_dir, crt, NULL);
}

/* server.crt and server.key: for 127.0.0.1 and localhost, signed by ca. */
static void
make_server_certificate (void)
{
  const char *request[] = { "openssl", "req", "-newkey", "ec",
                            "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                            "-keyout", "server.key", "-out", "server.csr",
                            "-subj", "/CN=localhost", NULL };
  const char *sign[] = { "openssl", "x509", "-req", "-in", "server.csr",
                         "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial",
                         "-out", "server.crt", "-days", "2",
                         "-extfile", "server.ext", NULL };
  g_autofree char *ext = g_build_filename (tls.cert_dir, "server.ext", NULL);

  run (request);
  pm_test_write_file (ext, "subjectAltName = IP:127.0.0.1, DNS:localhost\n"
                           "extendedKeyUsage = serverAuth\n", -1);
  run (sign);
}

static char *
env_value (const char *env,
           const char *name)
{
  g_auto(GStrv) lines = g_strsplit (env, "\n", -1);
  g_autofree char *prefix = g_strconcat (name, "=", NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], prefix))
        return g_strdup (lines[i] + strlen (prefix));
    }
  g_error ("no %s in the server's env", name);
  return NULL;
}

static void
server (const char *action)
{
  const char *script = g_getenv (SCRIPT_VARIABLE);
  const char *argv[] = { "sh", script, action, tls.server_dir,
                         g_str_equal (action, "start") ? tls.cert_dir : NULL, NULL };

  g_assert_nonnull (script);
  run (argv);
}

/* Should the test abort, a watcher stops the server and removes the
 * folders once this process is gone; after a normal end it finds them
 * gone already. */
static void
watch_over_server (void)
{
  g_autofree char *pid = g_strdup_printf ("%ld", (long) getpid ());
  const char *argv[] = { "sh", "-c",
                         "while kill -0 \"$1\" 2>/dev/null; do sleep 1; done; "
                         "sh \"$2\" stop \"$3\"; rm -rf \"$4\"",
                         "watch", pid, g_getenv (SCRIPT_VARIABLE), tls.server_dir,
                         tls.cert_dir, NULL };
  g_autoptr(GError) error = NULL;

  g_spawn_async ("/", (char **) argv, NULL,
                 G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                 NULL, NULL, NULL, &error);
  g_assert_no_error (error);
}

static void
start_server (void)
{
  g_autofree char *env_path = NULL;
  g_autofree char *env = NULL;
  g_autofree char *admin = NULL;
  g_autoptr(PGconn) conn = NULL;
  g_autoptr(PGresult) result = NULL;

  tls.cert_dir = pm_test_dir_new ("pm-tls");
  /* Its own folder in /tmp: run as root, the server's user must reach it. */
  tls.server_dir = pm_test_dir_new ("pm-tls-pg");
  tls.ca = make_authority ("ca", "Staffordshire Council Test CA");
  tls.other_ca = make_authority ("other-ca", "Someone Else's CA");
  make_server_certificate ();
  watch_over_server ();
  server ("start");

  env_path = g_build_filename (tls.server_dir, "env", NULL);
  env = pm_test_read_text (env_path);
  tls.port = env_value (env, "PM_TEST_PG_PORT");
  tls.password = env_value (env, "PM_TEST_PG_PASSWORD");

  admin = g_strdup_printf ("host=127.0.0.1 port=%s user=pm_admin dbname=postgres "
                           "password=%s sslmode=verify-full sslrootcert=%s",
                           tls.port, tls.password, tls.ca);
  conn = PQconnectdb (admin);
  if (PQstatus (conn) != CONNECTION_OK)
    g_error ("%s", PQerrorMessage (conn));
  result = PQexec (conn, "CREATE DATABASE " DBNAME);
  g_assert_cmpint (PQresultStatus (result), ==, PGRES_COMMAND_OK);
}

static void
stop_server (void)
{
  server ("stop");
  pm_test_clear_dir (&tls.cert_dir);
  g_free (tls.server_dir);
  g_free (tls.ca);
  g_free (tls.other_ca);
  g_free (tls.port);
  g_free (tls.password);
}

/* The location as a person gives it: no password in it. */
static char *
location (const char *host,
          const char *sslmode,
          const char *root_cert)
{
  g_autofree char *root = root_cert != NULL ? g_strdup_printf (" sslrootcert=%s", root_cert)
                                            : g_strdup ("");

  return g_strdup_printf ("host=%s hostaddr=127.0.0.1 port=%s dbname=" DBNAME
                          " user=pm_admin sslmode=%s%s",
                          host, tls.port, sslmode, root);
}

static PmStore *
open_store (const char  *where,
            GError     **error)
{
  return pm_store_open_with_password (where, tls.password, PM_STORE_OPEN_CREATE, error);
}

static void
test_verified (void)
{
  g_autofree char *where = location ("127.0.0.1", "verify-full", tls.ca);
  g_autofree char *kept = pm_store_location_to_keep (where);
  g_autoptr(PmProgramme) sample = pm_sample_programme_load (NULL);
  g_autoptr(PmProgramme) loaded = NULL;
  g_autoptr(PmStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = open_store (where, &error);
  g_assert_no_error (error);
  g_assert_true (pm_store_is_server (store));
  if (pm_store_is_empty (store))
    {
      g_assert_true (pm_store_import (store, sample, &error));
      g_assert_no_error (error);
    }
  loaded = pm_store_load (store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pm_programme_get_name (loaded), ==, pm_programme_get_name (sample));
  pm_store_close (store);

  /* Remembered with its authority, so that it is checked next time too. */
  g_assert_nonnull (strstr (kept, "sslmode='verify-full'"));
  g_assert_nonnull (strstr (kept, tls.ca));
  g_assert_null (strstr (kept, tls.password));
}

/* The server takes nothing else: the connection above was TLS. */
static void
test_tls_required (void)
{
  g_autofree char *where = location ("127.0.0.1", "disable", NULL);
  g_autoptr(PmStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = open_store (where, &error);
  g_assert_null (store);
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_IO);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "no encryption"));
}

/* PGSSLROOTCERT names the authority for every connection string. */
static void
test_root_cert_from_environment (void)
{
  g_autofree char *where = location ("localhost", "verify-full", NULL);
  g_autoptr(PmStore) store = NULL;
  g_autoptr(GError) error = NULL;

  g_setenv ("PGSSLROOTCERT", tls.ca, TRUE);
  store = open_store (where, &error);
  g_unsetenv ("PGSSLROOTCERT");
  g_assert_no_error (error);
  g_assert_nonnull (store);
  pm_store_close (store);
}

static void
test_other_authority (void)
{
  g_autofree char *where = location ("127.0.0.1", "verify-full", tls.other_ca);
  g_autoptr(PmStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = open_store (where, &error);
  g_assert_null (store);
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_IO);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message,
                                   "The server for “" DBNAME "” could not prove who it is: its "
                                   "certificate is not signed by a certificate authority you trust"));
  g_assert_nonnull (strstr (error->message, "sslrootcert"));
  g_assert_null (strstr (error->message, tls.password));
}

/* The right authority, but the certificate is for other names. */
static void
test_other_host (void)
{
  g_autofree char *where = location ("127.0.0.2", "verify-full", tls.ca);
  g_autoptr(PmStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = open_store (where, &error);
  g_assert_null (store);
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_IO);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message,
                                   "The server for “" DBNAME "” could not prove who it is: its "
                                   "certificate is for another host than “127.0.0.2”"));
}

/* verify-full without any authority to check against. */
static void
test_no_authority (void)
{
  g_autofree char *missing = g_build_filename (tls.cert_dir, "missing.crt", NULL);
  g_autofree char *where = location ("127.0.0.1", "verify-full", missing);
  g_autoptr(PmStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = open_store (where, &error);
  g_assert_null (store);
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_IO);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message,
                                   "No certificate authority to check the server for “" DBNAME
                                   "” against"));
  g_assert_nonnull (strstr (error->message, missing));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *openssl = NULL;
  int status;

  setlocale (LC_ALL, "");

  openssl = g_find_program_in_path ("openssl");
  if (!postgresql_installed () || openssl == NULL)
    {
      printf ("1..0 # SKIP %s is not installed\n",
              openssl == NULL ? "openssl" : "the PostgreSQL server (initdb, postgres)");
      return EXIT_SUCCESS;
    }

  /* Only what the tests give is used. */
  g_unsetenv ("PGPASSWORD");
  g_unsetenv ("PGPASSFILE");
  g_unsetenv ("PGSERVICE");
  g_unsetenv ("PGSSLROOTCERT");
  g_unsetenv ("PGSSLMODE");

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/tls/verified", test_verified);
  g_test_add_func ("/store/tls/required", test_tls_required);
  g_test_add_func ("/store/tls/root-cert-from-environment", test_root_cert_from_environment);
  g_test_add_func ("/store/tls/other-authority", test_other_authority);
  g_test_add_func ("/store/tls/other-host", test_other_host);
  g_test_add_func ("/store/tls/no-authority", test_no_authority);

  start_server ();
  status = g_test_run ();
  stop_server ();
  return status;
}
