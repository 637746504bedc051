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
  char          *added;       /* by the People page */
} Fixture;

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
  fixture->added = g_strdup_printf ("pm_gui_added_%ld", (long) getpid ());

  /* The owner sets the programme and its people up, as the People page
   * would. */
  sample = pm_test_sample_load ();
  store = pm_store_open (fixture->admin_uri, PM_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (pm_store_import (store, sample, &error));
  g_assert_no_error (error);
  g_assert_true (pm_store_add_person (store, fixture->lead, PM_ACCESS_LEAD, cannock, PASSWORD, &error));
  g_assert_no_error (error);
  g_assert_true (pm_store_add_person (store, fixture->viewer, PM_ACCESS_VIEWER, NULL, PASSWORD, &error));
  g_assert_no_error (error);
  g_assert_true (pm_store_add_person (store, fixture->office, PM_ACCESS_OFFICE, NULL, PASSWORD, &error));
  g_assert_no_error (error);
  pm_store_close (store);
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
      const char *names[] = { fixture->lead, fixture->viewer, fixture->office, fixture->added };

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
  g_clear_pointer (&fixture->added, g_free);
}

/* The window on the programme, logged in as @name. */
static void
open_as (Fixture    *fixture,
         const char *name)
{
  fixture->window.path = pg_test_uri_for_user (fixture->admin_uri, name, PASSWORD);
  fixture->window.window = g_object_ref_sink (pm_window_new (app));
  g_assert_true (pm_window_open_database (fixture->window.window, fixture->window.path));
  gui_test_wait_until (gui_test_is_checked, fixture->window.window);
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

  if (pg_test_skip_without_server ())
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

  if (pg_test_skip_without_server ())
    return;

  open_as (fixture, fixture->viewer);
  who = g_strdup_printf ("%s, viewer: read only · ", fixture->viewer);
  g_assert_true (g_str_has_prefix (subtitle (fixture), who));

  show_district (fixture, CANNOCK);
  g_assert_false (value_editable (fixture));
  g_assert_true (g_str_has_prefix (access_note (fixture), "You are a viewer of this programme"));
  g_assert_false (narrative_editable (fixture));
  g_assert_false (add_spend_enabled (fixture));
  g_assert_false (kpi_menu_enabled (fixture, "Targets and Milestones…"));

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

  if (pg_test_skip_without_server ())
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

static AdwMessageDialog *
find_dialog_headed (const char *heading)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) each = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (each) &&
          g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (each)), heading) == 0)
        return ADW_MESSAGE_DIALOG (each);
    }
  return NULL;
}

/* Answers @dialog with @response, as its button would, and closes it. */
static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  gui_test_drain ();
}

static gboolean
lists_person (GListModel *people,
              const char *name,
              guint      *position)
{
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(PmPerson) person = g_list_model_get_item (people, i);

      if (g_str_equal (pm_person_get_name (person), name))
        {
          if (position != NULL)
            *position = i;
          return TRUE;
        }
    }
  return FALSE;
}

/* The office adds someone with the page's form, is told when the name is
 * taken, and removes them again. */
static void
test_people_page (Fixture       *fixture,
                  gconstpointer  data)
{
  PmPeoplePage *page;
  GListModel *people;
  AdwMessageDialog *dialog;
  GtkWidget *form;
  g_autofree char *remove_heading = NULL;
  guint position = 0;

  if (pg_test_skip_without_server ())
    return;

  open_as (fixture, fixture->office);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window.window), "win.show-people", NULL);
  gui_test_drain ();
  page = gui_test_window_child (&fixture->window, "people_page");
  people = pm_people_page_get_people (page);
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, 3);
  g_assert_true (lists_person (people, fixture->lead, NULL));
  g_assert_true (lists_person (people, fixture->viewer, NULL));
  g_assert_true (lists_person (people, fixture->office, NULL));

  for (guint round = 0; round < 2; round++)
    {
      gtk_widget_activate_action (GTK_WIDGET (page), "people.add", NULL);
      gui_test_drain ();
      dialog = find_dialog_headed ("Add a Person");
      g_assert_nonnull (dialog);
      form = adw_message_dialog_get_extra_child (dialog);
      gtk_editable_set_text (GTK_EDITABLE (gui_test_find_descendant (form, ADW_TYPE_ENTRY_ROW, NULL)),
                             fixture->added);
      adw_combo_row_set_selected (ADW_COMBO_ROW (gui_test_find_descendant (form, ADW_TYPE_COMBO_ROW, NULL)), 2);
      respond (dialog, "add");
      g_assert_true (lists_person (people, fixture->added, NULL));
    }
  /* The second time the name was taken: said on the page. */
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, 4);
  g_assert_nonnull (pm_people_page_get_toast (page));
  g_test_message ("%s", adw_toast_get_title (pm_people_page_get_toast (page)));

  g_assert_true (lists_person (people, fixture->added, &position));
  gtk_selection_model_select_item (gtk_column_view_get_model (GTK_COLUMN_VIEW (
                                     gui_test_template_child (page, PM_TYPE_PEOPLE_PAGE, "people_view"))),
                                   position, TRUE);
  gui_test_drain ();
  gtk_widget_activate_action (GTK_WIDGET (page), "people.remove", NULL);
  gui_test_drain ();
  remove_heading = g_strdup_printf ("Remove %s?", fixture->added);
  dialog = find_dialog_headed (remove_heading);
  g_assert_nonnull (dialog);
  respond (dialog, "remove");
  g_assert_false (lists_person (people, fixture->added, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, 3);
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
  ADD ("/gui/roles/people-page", test_people_page);
#undef ADD

  return g_test_run ();
}
