/* test-roles.c: the window as each role on a server sees it (needs a
 * display and the PostgreSQL test server)
 *
 * The sample programme on a database of the test server, with a lead of
 * Cannock Chase, a committee viewer and someone of the programme office
 * set up by its owner; the window opened as each of them. A lead's window
 * offers edits in their own district only and says why elsewhere; a
 * viewer's offers none but still prints and exports; the office's offers
 * everything, and the People page to the office alone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "gui-test-util.h"
#include "pg-test-util.h"
#include "pm-kpi-table.h"
#include "pm-people-page.h"
#include "pm-pilot-page.h"
#include "pm-quarter-report.h"
#include "pm-window-private.h"
#include "store/pm-store-people.h"

#define CANNOCK  "Cannock Chase"
#define TAMWORTH "Tamworth"
#define PASSWORD "secret-of-the-test"

static PmApplication *app;

typedef struct
{
  GuiTestWindow  window;      /* .path: the URI it was opened on */
  char          *admin_uri;   /* the database's owner */
  char          *lead;        /* login names, unique to this run */
  char          *viewer;
  char          *office;
} Fixture;

/* As docs/server.md has an administrator do it (names made here, of
 * letters, digits and underscores). */
static void
add_person (Fixture    *fixture,
            const char *name,
            const char *group,
            const char *district)
{
  g_autoptr(PGconn) conn = PQconnectdb (fixture->admin_uri);
  g_autofree char *sql = NULL;
  g_autoptr(PGresult) result = NULL;

  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
  {
    /* Each programme has its own group roles (schema 9). */
    g_autofree char *query = g_strdup_printf ("SELECT pm_programme_role ('%s')", group);
    g_autoptr(PGresult) role = PQexec (conn, query);

    g_assert_cmpint (PQresultStatus (role), ==, PGRES_TUPLES_OK);
    sql = g_strdup_printf ("CREATE ROLE %s LOGIN PASSWORD '" PASSWORD "' IN ROLE \"%s\"",
                           name, PQgetvalue (role, 0, 0));
  }
  result = PQexec (conn, sql);
  g_assert_cmpint (PQresultStatus (result), ==, PGRES_COMMAND_OK);
  if (district != NULL)
    {
      const char *values[] = { name, district };
      g_autoptr(PGresult) led =
        PQexecParams (conn, "INSERT INTO lead_district (role_name, district_id) "
                            "SELECT $1, id FROM district WHERE name = $2",
                      2, NULL, values, NULL, NULL, 0);

      g_assert_cmpint (PQresultStatus (led), ==, PGRES_COMMAND_OK);
      g_assert_cmpstr (PQcmdTuples (led), ==, "1");
    }
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PmStore) store = NULL;
  g_autoptr(PmProgramme) sample = NULL;
  const char *cannock[] = { CANNOCK, NULL };

  if (!pg_test_available ())
    return;

  fixture->admin_uri = pg_test_create_database ("pm_gui_roles", &error);
  g_assert_no_error (error);
  fixture->lead = g_strdup_printf ("pm_gui_lead_%ld", (long) getpid ());
  fixture->viewer = g_strdup_printf ("pm_gui_viewer_%ld", (long) getpid ());
  fixture->office = g_strdup_printf ("pm_gui_office_%ld", (long) getpid ());

  /* The owner sets the programme and its people up, as the People page
   * would. */
  sample = pm_test_sample_load ();
  store = pm_store_open (fixture->admin_uri, PM_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (pm_store_import (store, sample, &error));
  g_assert_no_error (error);
  pm_store_close (store);
  add_person (fixture, fixture->lead, "lead", cannock[0]);
  add_person (fixture, fixture->viewer, "viewer", NULL);
  add_person (fixture, fixture->office, "office", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  if (fixture->window.window != NULL)
    {
      gtk_window_destroy (GTK_WINDOW (fixture->window.window));
      g_clear_object (&fixture->window.window);
      gui_test_drain ();
    }

  if (fixture->admin_uri != NULL)
    {
      g_autoptr(PGconn) conn = PQconnectdb (g_getenv ("PM_TEST_PG_URI"));
      const char *names[] = { fixture->lead, fixture->viewer, fixture->office };

      g_assert_true (pg_test_drop_database (fixture->admin_uri, &error));
      g_assert_no_error (error);
      /* Logins are the server's, not the database's. */
      g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
      for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        {
          g_autofree char *sql = g_strdup_printf ("DROP ROLE IF EXISTS %s", names[i]);
          g_autoptr(PGresult) result = PQexec (conn, sql);

          g_assert_cmpint (PQresultStatus (result), ==, PGRES_COMMAND_OK);
        }
    }

  g_clear_pointer (&fixture->window.path, g_free);
  g_clear_pointer (&fixture->admin_uri, g_free);
  g_clear_pointer (&fixture->lead, g_free);
  g_clear_pointer (&fixture->viewer, g_free);
  g_clear_pointer (&fixture->office, g_free);
}

static gboolean
skip_without_server (void)
{
  if (pg_test_available ())
    return FALSE;

  g_test_skip ("no PostgreSQL test server (build-aux/run-tests.sh starts one)");
  return TRUE;
}

/* The window on the programme, logged in as @name. */
static void
open_as (Fixture    *fixture,
         const char *name)
{
  fixture->window.path = pg_test_uri_for_user (fixture->admin_uri, name, PASSWORD);
  fixture->window.window = g_object_ref_sink (pm_window_new (app));
  g_assert_true (pm_window_open_database (fixture->window.window, fixture->window.path));
  gtk_window_present (GTK_WINDOW (fixture->window.window));
  gui_test_wait_until (gui_test_is_mapped, fixture->window.window);
}

static const char *
subtitle (Fixture *fixture)
{
  return adw_window_title_get_subtitle (gui_test_window_child (&fixture->window, "window_title"));
}

/* @district's first pilot and its first KPI, as a click would pick them. */
static void
show_district (Fixture    *fixture,
               const char *district)
{
  GtkColumnView *view;
  GtkSelectionModel *selection;

  gui_test_select_pilot (&fixture->window, district);
  view = GTK_COLUMN_VIEW (gui_test_template_child (gui_test_kpi_table (&fixture->window),
                                                   PM_TYPE_KPI_TABLE, "kpi_view"));
  selection = gtk_column_view_get_model (view);
  g_assert_true (gtk_selection_model_select_item (selection, 0, TRUE));
  gui_test_drain ();
}

static GtkWidget *
kpi_table_child (Fixture    *fixture,
                 const char *name)
{
  return gui_test_template_child (gui_test_kpi_table (&fixture->window), PM_TYPE_KPI_TABLE, name);
}

static gboolean
value_editable (Fixture *fixture)
{
  return gtk_widget_get_sensitive (kpi_table_child (fixture, "value_row")) &&
         gtk_widget_get_sensitive (kpi_table_child (fixture, "note_row"));
}

/* What the entry panel says instead of taking a value, or NULL. */
static const char *
access_note (Fixture *fixture)
{
  GtkWidget *label = kpi_table_child (fixture, "access_label");

  return gtk_widget_get_visible (label) ? gtk_label_get_label (GTK_LABEL (label)) : NULL;
}

/* The item of a menu labelled @label (without its mnemonic's underscore). */
static GtkWidget *
find_menu_item (GtkWidget  *widget,
                const char *label)
{
  if (g_type_is_a (G_OBJECT_TYPE (widget), g_type_from_name ("GtkModelButton")))
    {
      g_autofree char *text = NULL;

      g_object_get (widget, "text", &text, NULL);
      if (g_strcmp0 (text, label) == 0)
        return widget;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_menu_item (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Whether the item @label in @button's menu may be chosen: the menu makes
 * it insensitive while its action is disabled. */
static gboolean
menu_item_enabled (GtkWidget  *button,
                   const char *label)
{
  GtkPopover *popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
  GtkWidget *item;
  gboolean enabled;

  /* Opened, as a click would: the menu's items are made then. */
  g_assert_nonnull (popover);
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  gui_test_wait_until (gui_test_is_mapped, popover);
  item = find_menu_item (GTK_WIDGET (popover), label);
  g_assert_nonnull (item);
  enabled = gtk_widget_get_sensitive (item);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
  gui_test_drain ();
  return enabled;
}

static gboolean
kpi_menu_enabled (Fixture    *fixture,
                  const char *label)
{
  GtkWidget *editor = kpi_table_child (fixture, "editor_stack");

  return menu_item_enabled (gui_test_find_descendant (editor, GTK_TYPE_MENU_BUTTON, NULL), label);
}

static gboolean
window_menu_enabled (Fixture    *fixture,
                     const char *label)
{
  return menu_item_enabled (gui_test_window_child (&fixture->window, "primary_menu_button"), label);
}

/* The quarter report's Add Spend… button. */
static gboolean
add_spend_enabled (Fixture *fixture)
{
  GtkWidget *report = gui_test_template_child (gui_test_window_child (&fixture->window, "pilot_page"),
                                               PM_TYPE_PILOT_PAGE, "quarter_report");
  GtkWidget *button = gui_test_find_descendant (report, GTK_TYPE_BUTTON, "pilot.add-spend");

  g_assert_nonnull (button);
  return gtk_widget_get_sensitive (button);
}

static gboolean
narrative_editable (Fixture *fixture)
{
  GtkWidget *report = gui_test_template_child (gui_test_window_child (&fixture->window, "pilot_page"),
                                               PM_TYPE_PILOT_PAGE, "quarter_report");

  return gtk_text_view_get_editable (GTK_TEXT_VIEW (gui_test_template_child (report, PM_TYPE_QUARTER_REPORT,
                                                                             "progress_view")));
}

static gboolean
people_offered (Fixture *fixture)
{
  return gtk_widget_get_visible (gui_test_window_child (&fixture->window, "people_button")) &&
         gtk_widget_get_sensitive (gui_test_window_child (&fixture->window, "people_button"));
}

static void
test_lead (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *who = NULL;

  if (skip_without_server ())
    return;

  open_as (fixture, fixture->lead);
  who = g_strdup_printf ("%s, lead of " CANNOCK " · ", fixture->lead);
  g_assert_true (g_str_has_prefix (subtitle (fixture), who));

  /* Their own district: values, narratives and spend. */
  show_district (fixture, CANNOCK);
  g_assert_true (value_editable (fixture));
  g_assert_null (access_note (fixture));
  g_assert_true (narrative_editable (fixture));
  g_assert_true (add_spend_enabled (fixture));
  /* Baselines, targets and the KPIs themselves are the office's. */
  g_assert_false (kpi_menu_enabled (fixture, "Edit Baseline…"));
  g_assert_false (kpi_menu_enabled (fixture, "Edit KPI…"));
  g_assert_true (kpi_menu_enabled (fixture, "History"));

  /* Another district: read-only, saying whose it is. */
  show_district (fixture, TAMWORTH);
  g_assert_false (value_editable (fixture));
  g_assert_cmpstr (access_note (fixture), ==,
                   "Only Tamworth’s lead and the programme office can change these values.");
  g_assert_false (narrative_editable (fixture));
  g_assert_false (add_spend_enabled (fixture));

  g_assert_false (window_menu_enabled (fixture, "Edit Programme…"));
  g_assert_true (window_menu_enabled (fixture, "Export…"));
  g_assert_false (people_offered (fixture));
}

static void
test_viewer (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *who = NULL;

  if (skip_without_server ())
    return;

  open_as (fixture, fixture->viewer);
  who = g_strdup_printf ("%s, viewer: read only · ", fixture->viewer);
  g_assert_true (g_str_has_prefix (subtitle (fixture), who));

  show_district (fixture, CANNOCK);
  g_assert_false (value_editable (fixture));
  g_assert_true (g_str_has_prefix (access_note (fixture), "You are a viewer of this programme"));
  g_assert_false (narrative_editable (fixture));
  g_assert_false (add_spend_enabled (fixture));
  g_assert_false (kpi_menu_enabled (fixture, "Revise Target…"));

  /* Reading, printing and exporting stay. */
  g_assert_true (gtk_widget_get_sensitive (gui_test_window_child (&fixture->window, "print_button")));
  g_assert_true (window_menu_enabled (fixture, "Export…"));
  g_assert_false (window_menu_enabled (fixture, "Quarterly Values from CSV…"));
  g_assert_false (window_menu_enabled (fixture, "Freeze Committee Round…"));
  g_assert_false (people_offered (fixture));
}

static void
test_office (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *who = NULL;
  PmPeoplePage *page;
  GListModel *people;

  if (skip_without_server ())
    return;

  open_as (fixture, fixture->office);
  who = g_strdup_printf ("%s, programme office · ", fixture->office);
  g_assert_true (g_str_has_prefix (subtitle (fixture), who));

  show_district (fixture, CANNOCK);
  g_assert_true (value_editable (fixture));
  show_district (fixture, TAMWORTH);
  g_assert_true (value_editable (fixture));
  g_assert_null (access_note (fixture));
  g_assert_true (narrative_editable (fixture));
  g_assert_true (kpi_menu_enabled (fixture, "Edit Baseline…"));
  g_assert_true (window_menu_enabled (fixture, "Edit Programme…"));

  /* The People page, listing the three. */
  g_assert_true (people_offered (fixture));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window.window), "win.show-people", NULL);
  gui_test_drain ();
  page = gui_test_window_child (&fixture->window, "people_page");
  g_assert_true (gtk_stack_get_visible_child (gui_test_window_child (&fixture->window, "stack")) ==
                 GTK_WIDGET (page));
  people = pm_people_page_get_people (page);
  g_assert_nonnull (people);
}

int
main (int   argc,
      char *argv[])
{
  if (!gui_test_init (&argc, &argv, &app))
    return 0;

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/gui/roles/lead", test_lead);
  ADD ("/gui/roles/viewer", test_viewer);
  ADD ("/gui/roles/office", test_office);
#undef ADD

  return g_test_run ();
}
