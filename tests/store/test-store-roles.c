/* test-store-roles.c: what each role may change on a server
 *
 * The server enforces the roles, not the window: a lead changes only the
 * districts lead_district gives them, even writing SQL by hand; the
 * programme office changes everything; a committee viewer only reads. On
 * a file there are no roles to test, so it skips there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <unistd.h>

#include "pg-test-util.h"
#include "pm-database.h"
#include "pm-sample.h"
#include "pm-store-people.h"
#include "store-test-util.h"

#define CANNOCK  "Cannock Chase"
#define TAMWORTH "Tamworth"

typedef struct
{
  char        *dir;
  char        *admin_uri;   /* the database's owner */
  char        *lead;        /* login role names, unique to this run */
  char        *office;
  char        *viewer;
  gint64       cannock_kpi;
  gint64       tamworth_kpi;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(PmProgramme) sample = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *lead_role = NULL;
  g_autofree char *office_role = NULL;
  g_autofree char *viewer_role = NULL;

  if (!store_test_engine_is_server ())
    return;

  fixture->dir = pm_test_dir_new ("pm-store");
  fixture->admin_uri = store_test_location (fixture->dir, "roles");
  sample = pm_sample_programme_load (&error);
  g_assert_no_error (error);
  pm_test_store_create (fixture->admin_uri, sample);

  fixture->lead = g_strdup_printf ("pm_test_lead_%d", getpid ());
  fixture->office = g_strdup_printf ("pm_test_office_%d", getpid ());
  fixture->viewer = g_strdup_printf ("pm_test_viewer_%d", getpid ());

  lead_role = store_test_group_role (fixture->admin_uri, "lead");
  office_role = store_test_group_role (fixture->admin_uri, "office");
  viewer_role = store_test_group_role (fixture->admin_uri, "viewer");

  /* Names made here, of letters, digits and underscores only. */
  sql = g_strdup_printf ("CREATE ROLE %s LOGIN PASSWORD 'lead' IN ROLE %s;"
                         "CREATE ROLE %s LOGIN PASSWORD 'office' IN ROLE %s;"
                         "CREATE ROLE %s LOGIN PASSWORD 'viewer' IN ROLE %s;"
                         "INSERT INTO lead_district (role_name, district_id) "
                         "  SELECT '%s', id FROM district WHERE name = 'Cannock Chase';",
                         fixture->lead, lead_role, fixture->office, office_role,
                         fixture->viewer, viewer_role, fixture->lead);
  store_test_exec (fixture->admin_uri, sql);

  fixture->cannock_kpi = store_test_query_int (fixture->admin_uri,
    "SELECT min (k.id) FROM kpi k JOIN pilot p ON p.id = k.pilot_id "
    "JOIN district d ON d.id = p.district_id WHERE d.name = 'Cannock Chase'");
  fixture->tamworth_kpi = store_test_query_int (fixture->admin_uri,
    "SELECT min (k.id) FROM kpi k JOIN pilot p ON p.id = k.pilot_id "
    "JOIN district d ON d.id = p.district_id WHERE d.name = 'Tamworth'");
  g_assert_cmpint (fixture->cannock_kpi, >, 0);
  g_assert_cmpint (fixture->tamworth_kpi, >, 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->dir != NULL)
    {
      g_autofree char *sql = NULL;
      g_autofree char *admin = g_strdup (g_getenv ("PM_TEST_PG_URI"));

      store_test_remove_dir (fixture->dir);
      sql = g_strdup_printf ("DROP ROLE IF EXISTS %s; DROP ROLE IF EXISTS %s; DROP ROLE IF EXISTS %s;",
                             fixture->lead, fixture->office, fixture->viewer);
      store_test_exec (admin, sql);
    }
  g_free (fixture->dir);
  g_free (fixture->admin_uri);
  g_free (fixture->lead);
  g_free (fixture->office);
  g_free (fixture->viewer);
}

static gboolean
skip_on_file (void)
{
  if (store_test_engine_is_server ())
    return FALSE;

  g_test_skip ("roles are the server's");
  return TRUE;
}

/* A connection to the fixture's database as @role. */
static PmStore *
open_as (Fixture     *fixture,
         const char  *role,
         const char  *password,
         PmProgramme **programme)
{
  g_autofree char *uri = pg_test_uri_for_user (fixture->admin_uri, role, password);
  g_autoptr(GError) error = NULL;
  PmStore *store;

  store = pm_store_open (uri, PM_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  pm_store_set_author (store, role);
  *programme = pm_store_load (store, &error);
  g_assert_no_error (error);
  return store;
}

static PmKpi *
first_kpi (PmProgramme *programme,
           const char  *district)
{
  PmDistrict *found = pm_programme_find_district (programme, district);
  PmPilot *pilot = pm_test_item (pm_district_get_pilots (found), 0);

  return pm_test_item (pm_pilot_get_kpis (pilot), 0);
}

static gboolean
save (PmStore  *store,
      PmKpi    *kpi,
      double    value,
      GError  **error)
{
  g_autoptr(PmPeriod) q4 = pm_period_new (2016, 4);
  g_autoptr(PmProgressEntry) entry = pm_progress_entry_new (q4);

  pm_progress_entry_set_value (entry, value);
  return pm_store_save_entry (store, kpi, entry, error);
}

static gint64
values_of (Fixture *fixture,
           gint64   kpi_id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM progress WHERE kpi_id = %" G_GINT64_FORMAT,
                                          kpi_id);

  return store_test_query_int (fixture->admin_uri, sql);
}

/* Runs @sql as @role with libpq, as anyone with the password could:
 * the result's status, and the rows it changed. */
static ExecStatusType
run_as (Fixture    *fixture,
        const char *role,
        const char *password,
        const char *sql,
        int        *changed)
{
  g_autofree char *uri = pg_test_uri_for_user (fixture->admin_uri, role, password);
  g_autoptr(PGconn) conn = PQconnectdb (uri);
  g_autoptr(PGresult) result = NULL;

  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
  result = PQexec (conn, sql);
  if (changed != NULL)
    *changed = atoi (PQcmdTuples (result));
  g_test_message ("%s as %s: %s %s", sql, role, PQresStatus (PQresultStatus (result)),
                  PQresultErrorMessage (result));
  return PQresultStatus (result);
}

/* Runs @sql as @role, which must fail: the server's message. */
static char *
refusal_as (Fixture    *fixture,
            const char *role,
            const char *password,
            const char *sql)
{
  g_autofree char *uri = pg_test_uri_for_user (fixture->admin_uri, role, password);
  g_autoptr(PGconn) conn = PQconnectdb (uri);
  g_autoptr(PGresult) result = NULL;

  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
  result = PQexec (conn, sql);
  g_assert_cmpint (PQresultStatus (result), ==, PGRES_FATAL_ERROR);
  g_test_message ("%s as %s: %s", sql, role, PQresultErrorMessage (result));
  return g_strdup (PQresultErrorField (result, PG_DIAG_MESSAGE_PRIMARY));
}

static void
test_lead_own_district_only (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(PmProgramme) programme = NULL;
  g_autoptr(PmStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gint64 tamworth_before;

  if (skip_on_file ())
    return;

  store = open_as (fixture, fixture->lead, "lead", &programme);
  tamworth_before = values_of (fixture, fixture->tamworth_kpi);

  g_assert_true (save (store, first_kpi (programme, CANNOCK), 8, &error));
  g_assert_no_error (error);

  g_assert_false (save (store, first_kpi (programme, TAMWORTH), 8, &error));
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_DENIED);
  g_test_message ("%s", error->message);
  g_assert_cmpint (values_of (fixture, fixture->tamworth_kpi), ==, tamworth_before);
}

/* SQL written by hand, past the program: still refused by the server. */
static void
test_lead_by_hand (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *update = NULL;
  g_autofree char *insert = NULL;
  g_autofree char *remove = NULL;
  g_autofree char *own = NULL;
  g_autofree char *grant = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *audit_before = NULL;
  g_autofree char *audit_after = NULL;
  const char *snapshot = "SELECT string_agg (kpi_id || ':' || period || '=' || coalesce (value::text, '-'), ',' ORDER BY kpi_id, period) "
                         "FROM progress WHERE kpi_id IN (SELECT k.id FROM kpi k JOIN pilot p ON p.id = k.pilot_id "
                         "JOIN district d ON d.id = p.district_id WHERE d.name <> 'Cannock Chase')";
  int changed = -1;

  if (skip_on_file ())
    return;

  /* Tamworth has a value for the lead to try to change. */
  insert = g_strdup_printf ("INSERT INTO progress (kpi_id, period, value) VALUES (%" G_GINT64_FORMAT
                            ", 'FY2016-Q4', 4)", fixture->tamworth_kpi);
  store_test_exec (fixture->admin_uri, insert);
  g_clear_pointer (&insert, g_free);

  before = store_test_query_text (fixture->admin_uri, snapshot);
  audit_before = store_test_query_text (fixture->admin_uri, "SELECT count (*) FROM audit");
  g_assert_nonnull (before);

  update = g_strdup_printf ("UPDATE progress SET value = 99 WHERE kpi_id = %" G_GINT64_FORMAT,
                            fixture->tamworth_kpi);
  g_assert_cmpint (run_as (fixture, fixture->lead, "lead", update, &changed), ==, PGRES_COMMAND_OK);
  g_assert_cmpint (changed, ==, 0);
  g_assert_cmpint (run_as (fixture, fixture->lead, "lead", "UPDATE progress SET value = 99", &changed),
                   ==, PGRES_COMMAND_OK);
  g_assert_cmpint (changed, >, 0);   /* Cannock's own values only */

  insert = g_strdup_printf ("INSERT INTO progress (kpi_id, period, value) VALUES (%" G_GINT64_FORMAT
                            ", 'FY2030-Q1', 1)", fixture->tamworth_kpi);
  g_assert_cmpint (run_as (fixture, fixture->lead, "lead", insert, NULL), ==, PGRES_FATAL_ERROR);

  remove = g_strdup_printf ("DELETE FROM progress WHERE kpi_id = %" G_GINT64_FORMAT, fixture->tamworth_kpi);
  g_assert_cmpint (run_as (fixture, fixture->lead, "lead", remove, &changed), ==, PGRES_COMMAND_OK);
  g_assert_cmpint (changed, ==, 0);

  /* Nor can a lead give themselves another district, rename a KPI, or
   * write the audit trail. */
  grant = g_strdup_printf ("INSERT INTO lead_district SELECT '%s', id FROM district", fixture->lead);
  g_assert_cmpint (run_as (fixture, fixture->lead, "lead", grant, NULL), ==, PGRES_FATAL_ERROR);
  g_assert_cmpint (run_as (fixture, fixture->lead, "lead", "UPDATE kpi SET title = 'x'", NULL),
                   ==, PGRES_FATAL_ERROR);
  g_assert_cmpint (run_as (fixture, fixture->lead, "lead",
                           "INSERT INTO audit (at, source, kind) VALUES ('x', 'typed', 'value')", NULL),
                   ==, PGRES_FATAL_ERROR);
  g_assert_cmpint (run_as (fixture, fixture->lead, "lead", "DELETE FROM audit", NULL),
                   ==, PGRES_FATAL_ERROR);

  after = store_test_query_text (fixture->admin_uri, snapshot);
  g_assert_cmpstr (after, ==, before);

  /* The lead's own update was audited, under their name, by the trigger. */
  audit_after = store_test_query_text (fixture->admin_uri, "SELECT count (*) FROM audit");
  g_assert_cmpint (g_ascii_strtoll (audit_after, NULL, 10), >, g_ascii_strtoll (audit_before, NULL, 10));
  own = store_test_query_text (fixture->admin_uri, "SELECT DISTINCT new_value FROM audit WHERE new_value = 99");
  g_assert_cmpstr (own, ==, "99");
}

static void
test_office_and_viewer (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(PmProgramme) office_programme = NULL;
  g_autoptr(PmProgramme) viewer_programme = NULL;
  g_autoptr(PmStore) office = NULL;
  g_autoptr(PmStore) viewer = NULL;
  g_autoptr(PmDistrict) district = NULL;
  g_autoptr(GError) error = NULL;

  if (skip_on_file ())
    return;

  office = open_as (fixture, fixture->office, "office", &office_programme);
  g_assert_true (save (office, first_kpi (office_programme, TAMWORTH), 3, &error));
  g_assert_no_error (error);
  district = pm_district_new ("Lichfield City");
  g_assert_true (pm_store_add_district (office, office_programme, district, &error));
  g_assert_no_error (error);

  /* The viewer reads everything (the office's change included), and can
   * change nothing, by the program or by hand. */
  viewer = open_as (fixture, fixture->viewer, "viewer", &viewer_programme);
  g_assert_nonnull (pm_programme_find_district (viewer_programme, "Lichfield City"));
  g_assert_false (save (viewer, first_kpi (viewer_programme, CANNOCK), 9, &error));
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_DENIED);
  g_assert_cmpint (run_as (fixture, fixture->viewer, "viewer", "UPDATE progress SET value = 1", NULL),
                   ==, PGRES_FATAL_ERROR);
}

/* A lead marks their quarter submitted; only the office accepts it. */
static void
test_signoff_roles (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(PmProgramme) lead_programme = NULL;
  g_autoptr(PmProgramme) office_programme = NULL;
  g_autoptr(PmStore) lead = NULL;
  g_autoptr(PmStore) office = NULL;
  g_autoptr(PmPeriod) q3 = pm_period_new (2016, 3);
  g_autoptr(GError) error = NULL;

  if (skip_on_file ())
    return;

  lead = open_as (fixture, fixture->lead, "lead", &lead_programme);
  g_assert_false (pm_store_set_signoff (lead, pm_programme_find_district (lead_programme, TAMWORTH), q3,
                                        PM_SIGNOFF_SUBMITTED, NULL, &error));
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_true (pm_store_set_signoff (lead, pm_programme_find_district (lead_programme, CANNOCK), q3,
                                       PM_SIGNOFF_SUBMITTED, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (pm_store_set_signoff (lead, pm_programme_find_district (lead_programme, CANNOCK), q3,
                                        PM_SIGNOFF_ACCEPTED, NULL, &error));
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_DENIED);
  g_clear_error (&error);

  office = open_as (fixture, fixture->office, "office", &office_programme);
  g_assert_true (pm_store_set_signoff (office, pm_programme_find_district (office_programme, CANNOCK), q3,
                                       PM_SIGNOFF_ACCEPTED, NULL, &error));
  g_assert_no_error (error);
}

/* The guards on an accepted quarter hold for every role, under row-level
 * security: the office cannot delete a KPI holding its values, a lead
 * cannot delete its narrative or move its values by hand; and both still
 * write the quarters that are open. */
static void
test_accepted_quarter (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(PmProgramme) lead_programme = NULL;
  g_autoptr(PmProgramme) office_programme = NULL;
  g_autoptr(PmStore) lead = NULL;
  g_autoptr(PmStore) office = NULL;
  g_autoptr(PmPeriod) q3 = pm_period_new (2016, 3);
  g_autoptr(GError) error = NULL;
  PmDistrict *cannock;
  PmKpi *kpi;
  PmPilot *pilot;
  g_autofree char *values = NULL;
  g_autofree char *after = NULL;
  g_autofree char *refusal = NULL;
  const char *snapshot = "SELECT (SELECT string_agg (kpi_id || ':' || period || '=' || coalesce (value::text, '-'), ',' "
                         "                           ORDER BY kpi_id, period) FROM progress) || '|' || "
                         "       (SELECT string_agg (pilot_id || ':' || period, ',' ORDER BY pilot_id, period) "
                         "        FROM narrative)";
  int changed = -1;

  if (skip_on_file ())
    return;

  lead = open_as (fixture, fixture->lead, "lead", &lead_programme);
  office = open_as (fixture, fixture->office, "office", &office_programme);
  cannock = pm_programme_find_district (office_programme, CANNOCK);
  g_assert_true (pm_store_set_signoff (lead, pm_programme_find_district (lead_programme, CANNOCK), q3,
                                       PM_SIGNOFF_SUBMITTED, NULL, &error));
  g_assert_true (pm_store_set_signoff (office, cannock, q3, PM_SIGNOFF_ACCEPTED, NULL, &error));
  g_assert_no_error (error);
  values = store_test_query_text (fixture->admin_uri, snapshot);
  g_assert_nonnull (values);

  kpi = first_kpi (office_programme, CANNOCK);
  pilot = pm_kpi_get_pilot (kpi);
  g_assert_false (pm_store_delete_kpi (office, pilot, kpi, &error));
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_READ_ONLY);
  g_assert_cmpstr (error->message, ==, "Q3 2016/17 of Cannock Chase has been accepted; reopen it to change it.");
  g_clear_error (&error);
  g_assert_false (pm_store_delete_district (office, office_programme, cannock, &error));
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  refusal = refusal_as (fixture, fixture->office, "office", "DELETE FROM signoff");
  g_assert_cmpstr (refusal, ==, "pm-signoff-kept");
  g_clear_pointer (&refusal, g_free);

  /* Refused by the guard, not for want of a privilege. */
  refusal = refusal_as (fixture, fixture->lead, "lead", "DELETE FROM narrative WHERE period = 'FY2016-Q3'");
  g_assert_cmpstr (refusal, ==, "pm-quarter-accepted");
  g_clear_pointer (&refusal, g_free);
  refusal = refusal_as (fixture, fixture->lead, "lead",
                        "UPDATE progress SET period = 'FY2017-Q2' WHERE period = 'FY2016-Q3'");
  g_assert_cmpstr (refusal, ==, "pm-quarter-accepted");
  g_clear_pointer (&refusal, g_free);
  after = store_test_query_text (fixture->admin_uri, snapshot);
  g_assert_cmpstr (after, ==, values);

  /* Q4 is open to both. */
  g_assert_true (save (lead, first_kpi (lead_programme, CANNOCK), 8, &error));
  g_assert_no_error (error);
  g_assert_true (save (office, first_kpi (office_programme, TAMWORTH), 3, &error));
  g_assert_no_error (error);
  g_assert_cmpint (run_as (fixture, fixture->lead, "lead", "DELETE FROM progress WHERE period = 'FY2016-Q4'", &changed),
                   ==, PGRES_COMMAND_OK);
  g_assert_cmpint (changed, ==, 1);
}

/* Each programme on the server has its own roles: the office of one is
 * nobody in another, which it can neither open nor read or change by
 * hand. */
static void
test_other_programme (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(PmProgramme) sample = NULL;
  g_autoptr(PmStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *other = store_test_location (fixture->dir, "other");
  g_autofree char *uri = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(PGconn) conn = NULL;

  if (skip_on_file ())
    return;

  sample = pm_sample_programme_load (&error);
  g_assert_no_error (error);
  pm_test_store_create (other, sample);

  uri = pg_test_uri_for_user (other, fixture->office, "office");
  store = pm_store_open (uri, PM_STORE_OPEN_DEFAULT, &error);
  g_assert_null (store);
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_IO);
  g_test_message ("%s", error->message);
  conn = PQconnectdb (uri);
  g_assert_cmpint (PQstatus (conn), !=, CONNECTION_OK);

  /* Nor could it read or write a table there if it got in. */
  sql = g_strdup_printf ("SELECT has_table_privilege ('%s', 'progress', 'SELECT')::int"
                         "     + has_table_privilege ('%s', 'progress', 'UPDATE')::int"
                         "     + has_table_privilege ('%s', 'kpi', 'UPDATE')::int",
                         fixture->office, fixture->office, fixture->office);
  g_assert_cmpint (store_test_query_int (other, sql), ==, 0);
  g_assert_cmpint (store_test_query_int (fixture->admin_uri, sql), ==, 3);
}

/* A database of schema 8 gave the server-wide pm_office everything:
 * migrated, its members are this programme's office, and the old role
 * keeps nothing here. A new database starts with nobody. */
static void
test_migrated_members (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *location = store_test_location (fixture->dir, "old");
  g_autofree char *new_location = NULL;
  g_autofree char *member = g_strdup_printf ("pm_test_old_office_%d", getpid ());
  g_autofree char *sql = NULL;
  g_autofree char *uri = NULL;
  g_autoptr(PmDatabase) db = NULL;
  g_autoptr(PmStore) store = NULL;
  g_autoptr(PmStore) as_member = NULL;
  g_autoptr(PmProgramme) programme = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PmDistrict) district = pm_district_new ("Lichfield City");

  if (skip_on_file ())
    return;

  db = pm_database_open (location, PM_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (pm_database_migrate_to (db, 8, &error));
  g_assert_no_error (error);
  g_clear_object (&db);
  sql = g_strdup_printf ("CREATE ROLE %s LOGIN PASSWORD 'old' IN ROLE pm_office;"
                         "INSERT INTO programme (name) VALUES ('Staffordshire');", member);
  store_test_exec (location, sql);
  g_clear_pointer (&sql, g_free);

  store = pm_store_open (location, PM_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (store_test_schema_version (location), ==, PM_STORE_SCHEMA_VERSION);

  uri = pg_test_uri_for_user (location, member, "old");
  as_member = pm_store_open (uri, PM_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pm_store_get_access (as_member), ==, PM_ACCESS_OFFICE);
  programme = pm_store_load (as_member, &error);
  g_assert_no_error (error);
  g_assert_true (pm_store_add_district (as_member, programme, district, &error));
  g_assert_no_error (error);

  g_assert_cmpint (store_test_query_int (location,
                                         "SELECT has_table_privilege ('pm_office', 'progress', 'SELECT')::int"
                                         "     + has_table_privilege ('pm_office', 'kpi', 'UPDATE')::int"),
                   ==, 0);

  /* Made now, the same database would have started with nobody. */
  new_location = store_test_location (fixture->dir, "new");
  g_clear_object (&store);
  store = pm_store_open (new_location, PM_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  sql = g_strdup_printf ("SELECT pg_has_role ('%s', pm_programme_role ('office'), 'MEMBER')::int", member);
  g_assert_cmpint (store_test_query_int (new_location, sql), ==, 0);
  g_assert_cmpint (store_test_query_int (location, sql), ==, 1);
  g_clear_pointer (&sql, g_free);

  g_clear_object (&as_member);
  sql = g_strdup_printf ("DROP OWNED BY %s; DROP ROLE %s", member, member);
  store_test_exec (location, sql);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  if (store_test_no_server_to_test ())
    return 0;

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/store/roles/lead-own-district-only", test_lead_own_district_only);
  ADD ("/store/roles/lead-by-hand", test_lead_by_hand);
  ADD ("/store/roles/office-and-viewer", test_office_and_viewer);
  ADD ("/store/roles/signoff", test_signoff_roles);
  ADD ("/store/roles/accepted-quarter", test_accepted_quarter);
  ADD ("/store/roles/other-programme", test_other_programme);
  ADD ("/store/roles/migrated-members", test_migrated_members);
#undef ADD

  return g_test_run ();
}
