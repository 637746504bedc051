/* test-store-people.c: who the store is connected as, and the people of
 * a programme on a server
 *
 * On a file the one who opens it is its owner and there are no people.
 * On the server the identity comes from the login and its roles: the
 * owner, the office, a lead with their districts, a viewer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <unistd.h>

#include "pg-test-util.h"
#include "pm-sample.h"
#include "pm-store-people.h"
#include "store-test-util.h"

#define CANNOCK  "Cannock Chase"
#define TAMWORTH "Tamworth"

typedef struct
{
  char *dir;
  char *location;    /* as its owner */
  char *lead;        /* login role names, unique to this run */
  char *office;
  char *viewer;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(PmProgramme) sample = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *office_role = NULL;
  g_autofree char *lead_role = NULL;
  g_autofree char *viewer_role = NULL;

  fixture->dir = pm_test_dir_new ("pm-people");
  fixture->location = store_test_location (fixture->dir, "people");
  sample = pm_sample_programme_load (&error);
  g_assert_no_error (error);
  pm_test_store_create (fixture->location, sample);

  if (!store_test_engine_is_server ())
    return;

  fixture->lead = g_strdup_printf ("pm_test_people_lead_%d", getpid ());
  fixture->office = g_strdup_printf ("pm_test_people_office_%d", getpid ());
  fixture->viewer = g_strdup_printf ("pm_test_people_viewer_%d", getpid ());
  office_role = store_test_group_role (fixture->location, "office");
  lead_role = store_test_group_role (fixture->location, "lead");
  viewer_role = store_test_group_role (fixture->location, "viewer");

  /* Names made here, of letters, digits and underscores only. */
  sql = g_strdup_printf ("CREATE ROLE %s LOGIN PASSWORD 'lead' IN ROLE %s;"
                         "CREATE ROLE %s LOGIN PASSWORD 'office' IN ROLE %s;"
                         "CREATE ROLE %s LOGIN PASSWORD 'viewer' IN ROLE %s;"
                         "INSERT INTO lead_district (role_name, district_id) "
                         "  SELECT '%s', id FROM district WHERE name = '" CANNOCK "';",
                         fixture->lead, lead_role, fixture->office, office_role,
                         fixture->viewer, viewer_role, fixture->lead);
  store_test_exec (fixture->location, sql);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  store_test_remove_dir (fixture->dir);
  if (fixture->lead != NULL)
    {
      g_autofree char *sql = NULL;
      const char *admin = g_getenv ("PM_TEST_PG_URI");

      sql = g_strdup_printf ("DROP ROLE IF EXISTS %s; DROP ROLE IF EXISTS %s; DROP ROLE IF EXISTS %s;",
                             fixture->lead, fixture->office, fixture->viewer);
      store_test_exec (admin, sql);
    }
  g_free (fixture->dir);
  g_free (fixture->location);
  g_free (fixture->lead);
  g_free (fixture->office);
  g_free (fixture->viewer);
}

static gboolean
skip_on_file (void)
{
  if (store_test_engine_is_server ())
    return FALSE;

  g_test_skip ("people are the server's");
  return TRUE;
}

static PmStore *
open_as (Fixture      *fixture,
         const char   *role,
         const char   *password,
         PmProgramme **programme)
{
  g_autofree char *uri = NULL;
  g_autoptr(GError) error = NULL;
  PmStore *store;

  uri = role != NULL ? pg_test_uri_for_user (fixture->location, role, password)
                     : g_strdup (fixture->location);
  store = pm_store_open (uri, PM_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  *programme = pm_store_load (store, &error);
  g_assert_no_error (error);
  return store;
}

/* Whoever opens a file owns it; it has no people to list or add. */
static void
test_owner (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(PmProgramme) programme = NULL;
  g_autoptr(PmStore) store = NULL;
  g_autoptr(GListModel) people = NULL;
  g_autoptr(GError) error = NULL;
  const char *none[] = { NULL };

  store = open_as (fixture, NULL, NULL, &programme);
  g_assert_cmpint (pm_store_get_access (store), ==, PM_ACCESS_OWNER);
  g_assert_true (pm_store_may_edit_district (store, pm_programme_find_district (programme, CANNOCK)));
  g_assert_true (pm_store_may_edit_district (store, pm_programme_find_district (programme, TAMWORTH)));
  g_assert_true (pm_store_may_edit_structure (store));

  if (store_test_engine_is_server ())
    {
      /* The test server's superuser, who made the database. */
      g_assert_cmpstr (pm_store_get_person_name (store), ==, g_getenv ("PM_TEST_PG_USER"));
      g_assert_true (pm_store_may_manage_people (store));
      return;
    }

  g_assert_null (pm_store_get_person_name (store));
  g_assert_false (pm_store_may_manage_people (store));
  people = pm_store_list_people (store, &error);
  g_assert_null (people);
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "A programme kept in a file has no people; people are set up on a server.");
  g_clear_error (&error);
  g_assert_false (pm_store_add_person (store, "jo", PM_ACCESS_VIEWER, none, NULL, &error));
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (pm_store_remove_person (store, "jo", &error));
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (pm_store_set_password (store, "jo", "secret", &error));
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_INVALID);
}

/* Each login is what its roles make it, and a lead leads their own. */
static void
test_identity (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(PmProgramme) lead_programme = NULL;
  g_autoptr(PmProgramme) office_programme = NULL;
  g_autoptr(PmProgramme) viewer_programme = NULL;
  g_autoptr(PmStore) lead = NULL;
  g_autoptr(PmStore) office = NULL;
  g_autoptr(PmStore) viewer = NULL;

  if (skip_on_file ())
    return;

  lead = open_as (fixture, fixture->lead, "lead", &lead_programme);
  g_assert_cmpint (pm_store_get_access (lead), ==, PM_ACCESS_LEAD);
  g_assert_cmpstr (pm_store_get_person_name (lead), ==, fixture->lead);
  g_assert_true (pm_store_may_edit_district (lead, pm_programme_find_district (lead_programme, CANNOCK)));
  g_assert_false (pm_store_may_edit_district (lead, pm_programme_find_district (lead_programme, TAMWORTH)));
  g_assert_false (pm_store_may_edit_structure (lead));
  g_assert_false (pm_store_may_manage_people (lead));

  office = open_as (fixture, fixture->office, "office", &office_programme);
  g_assert_cmpint (pm_store_get_access (office), ==, PM_ACCESS_OFFICE);
  g_assert_cmpstr (pm_store_get_person_name (office), ==, fixture->office);
  g_assert_true (pm_store_may_edit_district (office, pm_programme_find_district (office_programme, TAMWORTH)));
  g_assert_true (pm_store_may_edit_structure (office));
  g_assert_true (pm_store_may_manage_people (office));

  viewer = open_as (fixture, fixture->viewer, "viewer", &viewer_programme);
  g_assert_cmpint (pm_store_get_access (viewer), ==, PM_ACCESS_VIEWER);
  g_assert_false (pm_store_may_edit_district (viewer, pm_programme_find_district (viewer_programme, CANNOCK)));
  g_assert_false (pm_store_may_edit_structure (viewer));
  g_assert_false (pm_store_may_manage_people (viewer));
}

/* The office, which may not create roles itself, sets people up
 * through the programme's functions; a lead may not; a person set up
 * logs in with the password given, then with one set later. */
static void
test_manage (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(PmProgramme) office_programme = NULL;
  g_autoptr(PmProgramme) lead_programme = NULL;
  g_autoptr(PmProgramme) new_programme = NULL;
  g_autoptr(PmStore) office = NULL;
  g_autoptr(PmStore) lead = NULL;
  g_autoptr(PmStore) as_new = NULL;
  g_autoptr(GListModel) people = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("pm_test_people_new_%d", getpid ());
  g_autofree char *two = g_strdup_printf ("pm_test_people_two_%d", getpid ());
  g_autofree char *viewer_role = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *uri = NULL;
  const char *districts[] = { "tamworth", "Cannock Chase", NULL };
  const char *expected[] = { CANNOCK, TAMWORTH, NULL };
  PmPerson *found = NULL;

  if (skip_on_file ())
    return;

  office = open_as (fixture, fixture->office, "office", &office_programme);
  g_assert_true (pm_store_add_person (office, name, PM_ACCESS_LEAD, districts, "first", &error));
  g_assert_no_error (error);

  people = pm_store_list_people (office, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(PmPerson) person = g_list_model_get_item (people, i);

      if (g_str_equal (pm_person_get_name (person), name))
        found = person;
      if (g_str_equal (pm_person_get_name (person), fixture->viewer))
        g_assert_cmpint (pm_person_get_access (person), ==, PM_ACCESS_VIEWER);
    }
  g_assert_nonnull (found);
  g_assert_cmpint (pm_person_get_access (found), ==, PM_ACCESS_LEAD);
  g_assert_cmpstrv (pm_person_get_districts (found), expected);

  uri = pg_test_uri_for_user (fixture->location, name, "first");
  as_new = pm_store_open (uri, PM_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pm_store_get_access (as_new), ==, PM_ACCESS_LEAD);
  new_programme = pm_store_load (as_new, &error);
  g_assert_no_error (error);
  g_assert_true (pm_store_may_edit_district (as_new, pm_programme_find_district (new_programme, TAMWORTH)));
  g_clear_object (&as_new);

  g_assert_true (pm_store_set_password (office, name, "second", &error));
  g_assert_no_error (error);
  as_new = pm_store_open (uri, PM_STORE_OPEN_DEFAULT, &error);
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_AUTHENTICATION);
  g_clear_error (&error);
  g_free (uri);
  uri = pg_test_uri_for_user (fixture->location, name, "second");
  as_new = pm_store_open (uri, PM_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_clear_object (&as_new);

  /* Someone who is also more than this programme's: their password is
   * not this office's to set, and removing them leaves their login. */
  viewer_role = store_test_group_role (fixture->location, "viewer");
  sql = g_strdup_printf ("CREATE ROLE %s LOGIN PASSWORD 'two' IN ROLE %s, pm_office",
                         two, viewer_role);
  store_test_exec (fixture->location, sql);
  g_assert_false (pm_store_set_password (office, two, "taken over", &error));
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_true (pm_store_remove_person (office, two, &error));
  g_assert_no_error (error);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT count (*) FROM pg_roles WHERE rolname = '%s'", two);
  g_assert_cmpint (store_test_query_int (fixture->location, sql), ==, 1);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("DROP ROLE %s", two);
  store_test_exec (fixture->location, sql);

  lead = open_as (fixture, fixture->lead, "lead", &lead_programme);
  g_assert_false (pm_store_remove_person (lead, name, &error));
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_false (pm_store_add_person (lead, "pm_test_people_never", PM_ACCESS_VIEWER, NULL, NULL, &error));
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_DENIED);
  g_clear_error (&error);

  g_assert_true (pm_store_remove_person (office, name, &error));
  g_assert_no_error (error);
  g_assert_false (pm_store_remove_person (office, fixture->office, &error));
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_INVALID);
  g_clear_error (&error);
  as_new = pm_store_open (uri, PM_STORE_OPEN_DEFAULT, &error);
  g_assert_null (as_new);
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_AUTHENTICATION);
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
  ADD ("/store/people/owner", test_owner);
  ADD ("/store/people/identity", test_identity);
  ADD ("/store/people/manage", test_manage);
#undef ADD

  return g_test_run ();
}
