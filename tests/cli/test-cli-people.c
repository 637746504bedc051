/* test-cli-people.c: setting the people of a programme on a server up
 * from the command line, and what the server then lets each do
 *
 * Skipped without the PostgreSQL test server (PM_TEST_PG_URI).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <unistd.h>

#include <glib.h>

#include "pg-test-util.h"
#include "pm-test-common.h"

typedef PmTestFolder Fixture;

/* pilot-monitor with @input on its standard input. */
static PmTestRun
run_with_input (const char         *dir,
                const char         *input,
                const char * const *args)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  PmTestRun run = { 0, };

  g_ptr_array_add (argv, (gpointer) g_getenv ("PM_BINARY"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  launcher = pm_test_cli_launcher_new (dir, NULL,
                                       G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                       G_SUBPROCESS_FLAGS_STDERR_PIPE);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, input, NULL, &run.out, &run.err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  run.status = g_subprocess_get_exit_status (process);
  g_test_message ("out: %s\nerr: %s", run.out, run.err);
  return run;
}

/* Whether the server has a role called @name. */
static gboolean
role_exists (const char *uri,
             const char *name)
{
  g_autoptr(PGconn) conn = PQconnectdb (uri);
  g_autoptr(PGresult) result = NULL;
  const char *values[] = { name };

  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
  result = PQexecParams (conn, "SELECT 1 FROM pg_roles WHERE rolname = $1", 1, NULL, values,
                         NULL, NULL, 0);
  g_assert_cmpint (PQresultStatus (result), ==, PGRES_TUPLES_OK);
  return PQntuples (result) > 0;
}

static char *
csv_field (const char *text)
{
  g_autoptr(GString) out = g_string_new ("\"");

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* A CSV of one value, 7, for the first KPI of @district in --list's
 * output @list. */
static char *
write_value_csv (const char *dir,
                 const char *list,
                 const char *district)
{
  g_auto(GStrv) lines = g_strsplit (list, "\n", -1);
  g_autofree char *path = g_strdup_printf ("%s/%s.csv", dir, district);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", -1);
      g_autofree char *pilot = NULL;
      g_autofree char *kpi = NULL;
      g_autofree char *contents = NULL;
      g_autofree char *name = NULL;

      if (g_strv_length (fields) < 3 || !g_str_equal (fields[0], district))
        continue;
      name = csv_field (district);
      pilot = csv_field (fields[1]);
      kpi = csv_field (fields[2]);
      contents = g_strdup_printf ("district,pilot,kpi,period,value,note\r\n%s,%s,%s,FY2016-Q4,7,\r\n",
                                  name, pilot, kpi);
      g_file_set_contents (path, contents, -1, &error);
      g_assert_no_error (error);
      return g_steal_pointer (&path);
    }

  g_error ("no KPI of %s in the list", district);
  return NULL;
}

/* A lead added with --add-person enters their own district's values and
 * is refused elsewhere; --list-people shows them; --remove-person takes
 * them off the programme and the server. */
static void
test_add_list_remove (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *uri = NULL;
  g_autofree char *lead_uri = NULL;
  g_autofree char *name = g_strdup_printf ("pm_test_cli_jo_%d", getpid ());
  g_autofree char *added_line = NULL;
  g_autofree char *listed_line = NULL;
  g_autofree char *removed_line = NULL;
  g_autofree char *cannock_csv = NULL;
  g_autofree char *tamworth_csv = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(PmTestRun) sample = { 0, };
  g_auto(PmTestRun) list = { 0, };
  g_auto(PmTestRun) added = { 0, };
  g_auto(PmTestRun) people = { 0, };
  g_auto(PmTestRun) own = { 0, };
  g_auto(PmTestRun) other = { 0, };
  g_auto(PmTestRun) after = { 0, };
  g_auto(PmTestRun) removed = { 0, };
  g_auto(PmTestRun) people_after = { 0, };
  g_auto(PmTestRun) gone = { 0, };

  if (!pg_test_available ())
    {
      g_test_skip ("no PostgreSQL test server (PM_TEST_PG_URI)");
      return;
    }
  uri = pg_test_create_database ("pm_cli_people", &error);
  g_assert_no_error (error);

  sample = pm_test_cli_run (fixture->dir, "--database", uri, "--sample", NULL);
  g_assert_cmpint (sample.status, ==, 0);
  list = pm_test_cli_run (fixture->dir, "--database", uri, "--list", NULL);
  g_assert_cmpint (list.status, ==, 0);

  added = run_with_input (fixture->dir, "jo-secret\n",
                          (const char *[]) { "--database", uri, "--add-person", name, "--role", "lead",
                                             "--district", "Cannock Chase", "--password-stdin", NULL });
  g_assert_cmpint (added.status, ==, 0);
  added_line = g_strdup_printf ("Added %s as lead of Cannock Chase\n", name);
  g_assert_cmpstr (added.out, ==, added_line);
  g_assert_null (strstr (added.err, "jo-secret"));

  people = pm_test_cli_run (fixture->dir, "--database", uri, "--list-people", NULL);
  g_assert_cmpint (people.status, ==, 0);
  listed_line = g_strdup_printf ("%s\tlead\tCannock Chase\n", name);
  g_assert_nonnull (strstr (people.out, listed_line));

  /* Logged in as the lead, with the password given. */
  lead_uri = pg_test_uri_for_user (uri, name, "jo-secret");
  cannock_csv = write_value_csv (fixture->dir, list.out, "Cannock Chase");
  tamworth_csv = write_value_csv (fixture->dir, list.out, "Tamworth");
  own = pm_test_cli_run (fixture->dir, "--database", lead_uri, "--import-csv", cannock_csv, NULL);
  g_assert_cmpint (own.status, ==, 0);
  g_assert_nonnull (strstr (own.out, "Saved 1 value"));
  other = pm_test_cli_run (fixture->dir, "--database", lead_uri, "--import-csv", tamworth_csv, NULL);
  g_assert_cmpint (other.status, ==, 1);
  g_assert_nonnull (strstr (other.err, "your role on the server does not allow it"));
  after = pm_test_cli_run (fixture->dir, "--database", uri, "--list", NULL);
  g_assert_cmpstr (after.out, !=, list.out);

  removed = pm_test_cli_run (fixture->dir, "--database", uri, "--remove-person", name, NULL);
  g_assert_cmpint (removed.status, ==, 0);
  removed_line = g_strdup_printf ("Removed %s from the programme\n", name);
  g_assert_cmpstr (removed.out, ==, removed_line);
  people_after = pm_test_cli_run (fixture->dir, "--database", uri, "--list-people", NULL);
  g_assert_cmpint (people_after.status, ==, 0);
  g_assert_null (strstr (people_after.out, name));
  g_assert_false (role_exists (uri, name));
  gone = pm_test_cli_run (fixture->dir, "--database", lead_uri, "--import-csv", cannock_csv, NULL);
  g_assert_cmpint (gone.status, ==, 1);

  g_assert_true (pg_test_drop_database (uri, &error));
  g_assert_no_error (error);
}

/* Each bad request is refused with its reason, and nobody is added. */
static void
test_refused (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *uri = NULL;
  g_autofree char *name = g_strdup_printf ("pm_test_cli_sam_%d", getpid ());
  g_autofree char *viewer_name = g_strdup_printf ("pm_test_cli_viewer_%d", getpid ());
  g_autofree char *viewer_line = g_strdup_printf ("Added %s as a viewer\n", viewer_name);
  g_autofree char *taken_message = g_strdup_printf ("“%s” is already a name on the server", viewer_name);
  g_autofree char *drop = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(PmTestRun) sample = { 0, };
  g_auto(PmTestRun) before = { 0, };
  g_auto(PmTestRun) viewer = { 0, };
  g_auto(PmTestRun) unknown_district = { 0, };
  g_auto(PmTestRun) unknown_role = { 0, };
  g_auto(PmTestRun) no_district = { 0, };
  g_auto(PmTestRun) office_district = { 0, };
  g_auto(PmTestRun) taken = { 0, };
  g_auto(PmTestRun) yourself = { 0, };
  g_auto(PmTestRun) nobody = { 0, };
  g_auto(PmTestRun) with_other = { 0, };
  g_auto(PmTestRun) after = { 0, };
  g_auto(PmTestRun) on_file = { 0, };

  if (!pg_test_available ())
    {
      g_test_skip ("no PostgreSQL test server (PM_TEST_PG_URI)");
      return;
    }
  uri = pg_test_create_database ("pm_cli_people", &error);
  g_assert_no_error (error);
  sample = pm_test_cli_run (fixture->dir, "--database", uri, "--sample", NULL);
  g_assert_cmpint (sample.status, ==, 0);
  viewer = pm_test_cli_run (fixture->dir, "--database", uri, "--add-person", viewer_name,
                            "--role", "viewer", NULL);
  g_assert_cmpint (viewer.status, ==, 0);
  g_assert_true (g_str_has_prefix (viewer.out, viewer_line));
  g_assert_nonnull (strstr (viewer.out, "has no password yet"));
  before = pm_test_cli_run (fixture->dir, "--database", uri, "--list-people", NULL);
  g_assert_cmpint (before.status, ==, 0);

  unknown_district = pm_test_cli_run (fixture->dir, "--database", uri, "--add-person", name,
                                      "--role", "lead", "--district", "Cannock Chase",
                                      "--district", "Nowhere", NULL);
  g_assert_cmpint (unknown_district.status, ==, 1);
  g_assert_nonnull (strstr (unknown_district.err, "There is no district “Nowhere” in the programme."));

  unknown_role = pm_test_cli_run (fixture->dir, "--database", uri, "--add-person", name,
                                  "--role", "boss", NULL);
  g_assert_cmpint (unknown_role.status, ==, 2);
  g_assert_nonnull (strstr (unknown_role.err, "--role takes office, lead or viewer"));

  no_district = pm_test_cli_run (fixture->dir, "--database", uri, "--add-person", name,
                                 "--role", "lead", NULL);
  g_assert_cmpint (no_district.status, ==, 2);
  g_assert_nonnull (strstr (no_district.err, "A lead needs at least one --district"));

  office_district = pm_test_cli_run (fixture->dir, "--database", uri, "--add-person", name,
                                     "--role", "office", "--district", "Tamworth", NULL);
  g_assert_cmpint (office_district.status, ==, 2);

  taken = pm_test_cli_run (fixture->dir, "--database", uri, "--add-person", viewer_name,
                           "--role", "office", NULL);
  g_assert_cmpint (taken.status, ==, 1);
  g_assert_nonnull (strstr (taken.err, taken_message));

  yourself = pm_test_cli_run (fixture->dir, "--database", uri, "--remove-person",
                              g_getenv ("PM_TEST_PG_USER"), NULL);
  g_assert_cmpint (yourself.status, ==, 1);
  g_assert_nonnull (strstr (yourself.err, "You cannot remove yourself"));

  nobody = pm_test_cli_run (fixture->dir, "--database", uri, "--remove-person", name, NULL);
  g_assert_cmpint (nobody.status, ==, 1);
  g_assert_nonnull (strstr (nobody.err, "is not one of the people of this programme"));

  with_other = pm_test_cli_run (fixture->dir, "--database", uri, "--list-people", "--list", NULL);
  g_assert_cmpint (with_other.status, ==, 2);

  after = pm_test_cli_run (fixture->dir, "--database", uri, "--list-people", NULL);
  g_assert_cmpstr (after.out, ==, before.out);
  g_assert_false (role_exists (uri, name));
  g_assert_true (role_exists (uri, viewer_name));

  on_file = pm_test_cli_run (fixture->dir, "--database", fixture->path, "--sample", NULL);
  g_assert_cmpint (on_file.status, ==, 0);
  pm_test_run_clear (&on_file);
  on_file = pm_test_cli_run (fixture->dir, "--database", fixture->path, "--list-people", NULL);
  g_assert_cmpint (on_file.status, ==, 1);
  g_assert_nonnull (strstr (on_file.err, "A programme kept in a file has no people; people are set up on a server."));

  g_assert_true (pg_test_drop_database (uri, &error));
  g_assert_no_error (error);
  drop = g_strdup_printf ("DROP ROLE IF EXISTS %s", viewer_name);
  {
    g_autoptr(PGconn) conn = PQconnectdb (g_getenv ("PM_TEST_PG_URI"));
    g_autoptr(PGresult) result = PQexec (conn, drop);

    g_assert_cmpint (PQresultStatus (result), ==, PGRES_COMMAND_OK);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, "pilots.db", pm_test_folder_set_up, func, pm_test_folder_tear_down)
  ADD ("/cli/people/add-list-remove", test_add_list_remove);
  ADD ("/cli/people/refused", test_refused);
#undef ADD

  return g_test_run ();
}
