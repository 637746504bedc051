/* pm-screenshot.c: renders the main window on the sample programme to PNG
 *
 * Used by build-aux/screenshot.sh under Xvfb. The window is the real one,
 * on a fresh database made from the sample programme, showing the Cannock
 * Chase pilot for Q3 2016/17 (the sample's reporting round).
 *
 * Usage: pm-screenshot OUTPUT.png [WIDTH HEIGHT] [VIEW]
 * (WIDTH x HEIGHT is the window's content: the PNG's size)
 * where VIEW is pilot (the default), report, about, overview, baseline,
 * history, csv, returns, round, freeze, connect, preferences or
 * disconnected (the banner of a lost server connection)
 * (the Edit Baseline dialog over the pilot page, drawn on its own), or
 * lead: the window of jo, Cannock Chase's lead, on the sample on the
 * PostgreSQL test server (PM_TEST_PG_URI), showing Tamworth's pilot, or
 * schedule: the database PM_SCREENSHOT_DATABASE names (build-aux/screenshot.sh
 * imports docs/schedule-example.json into it), Northfield's pilot at 2021/22, or
 * milestones (the Targets and Milestones dialog adding a second milestone),
 * milestone-saved (the pilot page once it is saved), periods (the period
 * selector's list, drawn on its own, with a yearly and a monthly KPI) or
 * year (the window at 2016/17 with those KPIs).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>


#include "pm-application.h"
#include "pm-connect-dialog.h"
#include "pm-edit-dialog.h"
#include "pm-history-dialog.h"
#include "pm-import-dialog.h"
#include "pm-returns-dialog.h"
#include "store/pm-return.h"
#include "pm-kpi-table.h"
#include "pm-period-selector.h"
#include "pm-pilot-page.h"
#include "pm-window.h"
#include "store/pm-sample.h"
#include "pm-test-sample.h"
#include "pg-test-util.h"
#include "store/pm-store-people.h"

static const char *output;
static int width = 1280;
static int height = 800;
static const char *view = "pilot";
static char *tmpdir;
static int status = EXIT_FAILURE;
static char *server_uri;   /* the lead view's database, as its owner */

#define LEAD "jo"
#define LEAD_PASSWORD "jo-screenshot"

static gboolean
run_sql (PGconn     *conn,
         const char *sql)
{
  g_autoptr(PGresult) result = PQexec (conn, sql);

  if (PQresultStatus (result) == PGRES_COMMAND_OK || PQresultStatus (result) == PGRES_TUPLES_OK)
    return TRUE;
  g_printerr ("pm-screenshot: %s: %s", sql, PQresultErrorMessage (result));
  return FALSE;
}

/* The sample on a new database of the test server, with jo as Cannock
 * Chase's lead, set up by the owner; the location to open as jo, or NULL. */
static char *
make_lead_location (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PmProgramme) sample = pm_test_sample_load ();
  g_autoptr(PmStore) store = NULL;
  g_autoptr(PGconn) conn = NULL;
  const char *cannock[] = { "Cannock Chase", NULL };

  server_uri = pg_test_create_database ("pm_screenshot", &error);
  if (server_uri == NULL)
    {
      g_printerr ("pm-screenshot: the lead view needs the PostgreSQL test server: %s\n", error->message);
      return NULL;
    }
  /* A jo left by an earlier run that failed would be a name taken. */
  conn = PQconnectdb (server_uri);
  if (!run_sql (conn, "DROP ROLE IF EXISTS " LEAD))
    return NULL;

  store = pm_store_open (server_uri, PM_STORE_OPEN_CREATE, &error);
  if (store == NULL || !pm_store_import (store, sample, &error) ||
      !pm_store_add_person (store, LEAD, PM_ACCESS_LEAD, cannock, LEAD_PASSWORD, &error))
    {
      g_printerr ("pm-screenshot: %s\n", error->message);
      return NULL;
    }
  pm_store_close (store);

  return pg_test_uri_for_user (server_uri, LEAD, LEAD_PASSWORD);
}

static void
drop_lead_database (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PGconn) conn = NULL;

  if (server_uri == NULL)
    return;
  if (!pg_test_drop_database (server_uri, &error))
    g_printerr ("pm-screenshot: %s\n", error->message);
  conn = PQconnectdb (g_getenv ("PM_TEST_PG_URI"));
  run_sql (conn, "DROP ROLE IF EXISTS " LEAD);
  g_clear_pointer (&server_uri, g_free);
}

static PmPilot *
find_pilot (PmProgramme *programme,
            const char  *district_name)
{
  PmDistrict *district = pm_programme_find_district (programme, district_name);
  g_autoptr(PmPilot) pilot = NULL;

  if (district == NULL)
    return NULL;

  pilot = g_list_model_get_item (pm_district_get_pilots (district), 0);
  return pilot;
}

static gboolean
save_png (GtkWidget *window)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  int w = gtk_widget_get_width (window);
  int h = gtk_widget_get_height (window);

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), w, h);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    {
      g_printerr ("pm-screenshot: the window drew nothing\n");
      return FALSE;
    }

  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, w, h));
  if (!gdk_texture_save_to_png (texture, output))
    {
      g_printerr ("pm-screenshot: could not write %s\n", output);
      return FALSE;
    }

  g_print ("pm-screenshot: wrote %s (%d×%d)\n", output, w, h);
  return TRUE;
}

static GtkWindow *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) each = g_list_model_get_item (toplevels, i);

      if (PM_IS_EDIT_DIALOG (each) || PM_IS_HISTORY_DIALOG (each) ||
          PM_IS_IMPORT_DIALOG (each) || PM_IS_RETURNS_DIALOG (each) || ADW_IS_MESSAGE_DIALOG (each) ||
          ADW_IS_PREFERENCES_WINDOW (each) || ADW_IS_ABOUT_WINDOW (each))
        return each;
    }

  return NULL;
}

/* The first widget of @type under @widget (itself included), or NULL. */
static GtkWidget *
find_under (GtkWidget *widget,
            GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_under (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The period selector's list (a surface of its own). */
static GtkWidget *
find_popover (PmWindow *window)
{
  return find_under (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), PM_TYPE_WINDOW,
                                                                "period_selector")),
                     GTK_TYPE_POPOVER);
}

static gboolean
take_cb (gpointer user_data)
{
  PmWindow *window = user_data;
  GtkWidget *shown = GTK_WIDGET (window);

  if (find_dialog () != NULL)
    shown = GTK_WIDGET (find_dialog ());
  if (g_str_equal (view, "periods") && find_popover (window) != NULL)
    shown = find_popover (window);

  if (save_png (shown))
    status = EXIT_SUCCESS;
  gtk_window_destroy (GTK_WINDOW (window));

  return G_SOURCE_REMOVE;
}

/* The window's content at exactly the size asked for (under X without a
 * compositor the window is larger by its resize borders, which a desktop
 * draws outside it), and, when only one pane fits, the page rather than
 * the list. */
static gboolean
settle_cb (gpointer user_data)
{
  PmWindow *window = user_data;
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  AdwLeaflet *leaflet = ADW_LEAFLET (gtk_widget_get_template_child (GTK_WIDGET (window), PM_TYPE_WINDOW, "leaflet"));

  gtk_window_set_default_size (GTK_WINDOW (window),
                               width + gdk_surface_get_width (surface) - gtk_widget_get_width (GTK_WIDGET (window)),
                               height + gdk_surface_get_height (surface) - gtk_widget_get_height (GTK_WIDGET (window)));
  if (adw_leaflet_get_folded (leaflet))
    adw_leaflet_set_visible_child_name (leaflet, "content");

  return G_SOURCE_REMOVE;
}

static GtkWidget *
pilot_page (PmWindow *window)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), PM_TYPE_WINDOW, "pilot_page"));
}

static GtkWidget *
kpi_table (PmWindow *window)
{
  return GTK_WIDGET (gtk_widget_get_template_child (pilot_page (window), PM_TYPE_PILOT_PAGE, "kpi_table"));
}

/* The first KPI's value typed and saved, as a lead would: the panel
 * says "Saved" and the toast offers Undo. */
static gboolean
save_value_cb (gpointer user_data)
{
  PmWindow *window = user_data;
  GtkWidget *table = kpi_table (window);
  g_autoptr(GListModel) kpis = pm_programme_list_kpis (pm_window_get_programme (window));
  g_autoptr(PmKpi) kpi = g_list_model_get_item (kpis, 0);
  GtkWidget *value_row;

  pm_kpi_table_select_kpi (PM_KPI_TABLE (table), kpi);
  value_row = GTK_WIDGET (gtk_widget_get_template_child (table, PM_TYPE_KPI_TABLE, "value_row"));
  gtk_editable_set_text (GTK_EDITABLE (value_row), "6");
  g_signal_emit_by_name (value_row, "entry-activated");

  return G_SOURCE_REMOVE;
}

static gboolean
still_away_cb (PmReconnect *reconnect)
{
  return FALSE;
}

/* The server gone while a value was being typed: the value in its field,
 * the banner over the page. The file under the picture is always there,
 * so the tries are made to fail as a stopped server's would
 * (tests/gui/test-disconnect.c stops a real one). */
static void
show_disconnected (PmWindow *window)
{
  PmSession *session = pm_window_get_session (window);
  PmReconnect *reconnect = pm_session_get_reconnect (session);
  GtkWidget *table = kpi_table (window);
  g_autoptr(GListModel) kpis = pm_programme_list_kpis (pm_window_get_programme (window));
  g_autoptr(PmKpi) kpi = g_list_model_get_item (kpis, 0);
  GtkWidget *value_row;

  pm_kpi_table_select_kpi (PM_KPI_TABLE (table), kpi);
  value_row = GTK_WIDGET (gtk_widget_get_template_child (table, PM_TYPE_KPI_TABLE, "value_row"));
  gtk_editable_set_text (GTK_EDITABLE (value_row), "6");
  /* Named as a server is, as the window names one. */
  adw_window_title_set_subtitle (ADW_WINDOW_TITLE (gtk_widget_get_template_child (GTK_WIDGET (window), PM_TYPE_WINDOW,
                                                                                  "window_title")),
                                 "pilots on db.example.org");
  g_signal_handlers_block_matched (reconnect, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, session);
  g_signal_connect (reconnect, "retry", G_CALLBACK (still_away_cb), NULL);
  pm_session_connection_lost (session);
}

/* A value typed twice in the office, then the KPI's history. */
static void
show_history (PmWindow *window)
{
  g_autoptr(GListModel) kpis = pm_programme_list_kpis (pm_window_get_programme (window));
  g_autoptr(PmKpi) kpi = g_list_model_get_item (kpis, 0);
  g_autoptr(PmPeriod) q3 = pm_period_new (2016, 3);

  for (int value = 6; value <= 7; value++)
    {
      g_autoptr(PmProgressEntry) entry = pm_progress_entry_new (q3);

      pm_progress_entry_set_value (entry, value);
      pm_store_save_entry (pm_window_get_store (window), kpi, entry, NULL);
    }
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-kpi", "x", pm_kpi_get_id (kpi));
  gtk_widget_activate_action (kpi_table (window), "kpi.history", NULL);
}

static void
show_csv_review (PmWindow *window)
{
  g_autofree char *path = g_build_filename (tmpdir, "q4-values.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  static const char csv[] =
    "district,pilot,kpi,period,value,note\r\n"
    "Cannock Chase,Chadsmoor & Western Springs Community Family Intervention Service,"
    "\"WCFC to work with 75 families not supported by any other agency, within 12 months\",FY2016-Q3,9,\r\n"
    "Cannock Chase,Chadsmoor & Western Springs Community Family Intervention Service,"
    "\"CESS to work with 50 families not supported by any other agency, within 12 months\",FY2016-Q4,4,\r\n"
    "Lichfield,Community managed family centres in Burntwood,"
    "Increase Early Years reach (by Wards) quarterly,FY2016-Q4,140,\r\n"
    "Tamworth,Tamworth pilot,Families supported,FY2016-Q5,3,\r\n";

  g_file_set_contents (path, csv, -1, NULL);
  gtk_window_present (GTK_WINDOW (pm_import_dialog_new (GTK_WINDOW (window), pm_window_get_store (window),
                                                        pm_window_get_programme (window), file)));
}

/* A Cannock Chase return where the office typed its own Q3 figure. */
static void
show_returns (PmWindow *window)
{
  g_autofree char *path = g_build_filename (tmpdir, "cannock-FY2016-Q3-return.json", NULL);
  g_autoptr(PmProgramme) lead = pm_sample_programme_load (NULL);
  g_autoptr(GListModel) lead_kpis = pm_programme_list_kpis (lead);
  g_autoptr(GListModel) office_kpis = pm_programme_list_kpis (pm_window_get_programme (window));
  g_autoptr(PmKpi) lead_first = g_list_model_get_item (lead_kpis, 0);
  g_autoptr(PmKpi) lead_second = g_list_model_get_item (lead_kpis, 1);
  g_autoptr(PmKpi) office_first = g_list_model_get_item (office_kpis, 0);
  g_autoptr(PmPeriod) q3 = pm_period_new (2016, 3);
  g_autoptr(PmProgressEntry) theirs = pm_progress_entry_new (q3);
  g_autoptr(PmProgressEntry) second = pm_progress_entry_new (q3);
  g_autoptr(PmProgressEntry) ours = pm_progress_entry_new (q3);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(PmReturn) ret = NULL;
  g_autoptr(PmSigningKey) key = NULL;
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  pm_progress_entry_set_value (theirs, 9);
  pm_kpi_set_entry (lead_first, theirs, NULL);
  pm_progress_entry_set_value (second, 3);
  pm_kpi_set_entry (lead_second, second, NULL);
  key = pm_signing_key_load_or_create (tmpdir, NULL);
  ret = pm_return_new (lead, pm_programme_find_district (lead, "Cannock Chase"), NULL, q3,
                       "Alex Lead", now, key);
  pm_return_save (ret, path, NULL);

  pm_progress_entry_set_value (ours, 8);
  pm_store_save_entry (pm_window_get_store (window), office_first, ours, NULL);

  g_list_store_append (files, file);
  gtk_window_present (GTK_WINDOW (pm_returns_dialog_new (GTK_WINDOW (window), pm_window_get_store (window),
                                                         pm_window_get_programme (window), G_LIST_MODEL (files))));
}

/* Add District with a name the programme already has: refused, saying
 * why under the field. */
/* The Targets and Milestones dialog adding a second milestone to the
 * pilot's first KPI; with @save, saved, the chart showing it. */
static void
show_milestone_editor (PmWindow *window,
                       gboolean  save)
{
  PmEditDialog *dialog;
  AdwComboRow *milestone;

  gtk_widget_activate_action (kpi_table (window), "kpi.add-target", NULL);
  dialog = PM_EDIT_DIALOG (find_dialog ());
  if (dialog == NULL)
    return;
  milestone = ADW_COMBO_ROW (pm_edit_dialog_get_field (dialog, "milestone"));
  adw_combo_row_set_selected (milestone, g_list_model_get_n_items (adw_combo_row_get_model (milestone)) - 1);
  gtk_editable_set_text (GTK_EDITABLE (pm_edit_dialog_get_field (dialog, "value")), "120");
  gtk_editable_set_text (GTK_EDITABLE (pm_edit_dialog_get_field (dialog, "date")), "2018-10-31");
  gtk_editable_set_text (GTK_EDITABLE (pm_edit_dialog_get_field (dialog, "reason")),
                         "A second year agreed by the board");
  if (save)
    gtk_widget_activate (gtk_window_get_default_widget (GTK_WINDOW (dialog)));
}

/* GTK 4.8's drop-down opens its list at the top: scrolled to show the
 * selected period, a few rows down. */
static gboolean
scroll_periods_cb (gpointer user_data)
{
  PmWindow *window = user_data;
  GtkWidget *popover = find_popover (window);
  GtkWidget *selector = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), PM_TYPE_WINDOW,
                                                                   "period_selector"));
  GtkDropDown *drop_down = GTK_DROP_DOWN (gtk_widget_get_template_child (selector, PM_TYPE_PERIOD_SELECTOR,
                                                                         "drop_down"));
  GtkWidget *scrolled;
  GtkAdjustment *adjustment;
  guint n = g_list_model_get_n_items (gtk_drop_down_get_model (drop_down));
  double row;

  scrolled = popover != NULL ? find_under (popover, GTK_TYPE_SCROLLED_WINDOW) : NULL;
  if (scrolled == NULL || n == 0)
    return G_SOURCE_REMOVE;

  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  row = gtk_adjustment_get_upper (adjustment) / n;
  gtk_adjustment_set_value (adjustment, row * MAX ((int) gtk_drop_down_get_selected (drop_down) - 8, 0));

  return G_SOURCE_REMOVE;
}

/* The sample with Cannock's two KPIs that have no values yet made yearly
 * and monthly (saved, as the KPI dialog would), at 2016/17; with @open,
 * the list open. */
static void
show_periods (PmWindow *window,
              gboolean  open)
{
  GtkWidget *selector = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), PM_TYPE_WINDOW,
                                                                   "period_selector"));
  g_autoptr(GListModel) kpis = pm_programme_list_kpis (pm_window_get_programme (window));
  g_autoptr(PmKpi) yearly = g_list_model_get_item (kpis, 3);
  g_autoptr(PmKpi) monthly = g_list_model_get_item (kpis, 4);
  g_autoptr(GError) error = NULL;
  g_autoptr(PmPeriod) year = pm_period_new_year (2016);
  GtkWidget *popover;

  pm_kpi_set_frequency (yearly, PM_FREQUENCY_YEARLY);
  pm_kpi_set_frequency (monthly, PM_FREQUENCY_MONTHLY);
  if (!pm_store_update_kpi (pm_window_get_store (window), yearly, &error) ||
      !pm_store_update_kpi (pm_window_get_store (window), monthly, &error))
    {
      g_printerr ("pm-screenshot: %s\n", error->message);
      return;
    }
  pm_period_selector_refresh (PM_PERIOD_SELECTOR (selector));
  pm_session_set_period (pm_window_get_session (window), year);
  popover = find_popover (window);
  if (open && popover != NULL)
    {
      gtk_popover_popup (GTK_POPOVER (popover));
      g_timeout_add (1000, scroll_periods_cb, window);
    }
}

static void
show_add_district_refused (PmWindow *window)
{
  PmEditDialog *dialog;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.add-district", NULL);
  dialog = PM_EDIT_DIALOG (find_dialog ());
  if (dialog == NULL)
    return;
  gtk_editable_set_text (GTK_EDITABLE (pm_edit_dialog_get_field (dialog, "name")), "Cannock Chase");
  gtk_widget_activate (gtk_window_get_default_widget (GTK_WINDOW (dialog)));
}

static void
activate_cb (GApplication *app)
{
  g_autofree char *path = NULL;
  g_autoptr(PmPeriod) period = pm_period_new (2016, 3);
  PmWindow *window;
  PmPilot *pilot;

  tmpdir = pm_test_dir_new ("pm-screenshot");
  if (g_str_equal (view, "lead"))
    path = make_lead_location ();
  else if (g_str_equal (view, "schedule"))
    {
      /* The database build-aux/screenshot.sh imported
       * docs/schedule-example.json into: a yearly KPI at 2021/22. */
      path = g_strdup (g_getenv ("PM_SCREENSHOT_DATABASE"));
      g_clear_object (&period);
      period = pm_period_new_year (2021);
    }
  else
    path = pm_test_sample_database (tmpdir, "sample.db");
  if (path == NULL)
    return;

  /* GNOME's own interface font and title buttons, as a GNOME desktop
   * would set them; Xvfb has no settings daemon to say so. */
  g_object_set (gtk_settings_get_default (), "gtk-font-name", "Cantarell 11",
                "gtk-decoration-layout", "appmenu:close", NULL);

  /* A lead who has given a name: the first save does not ask for one. */
  if (g_str_equal (view, "saved"))
    {
      g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);

      g_settings_set_string (settings, "author-name", "Alex Lead");
    }

  window = pm_window_new (PM_APPLICATION (app));
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  if (!pm_window_open_database (window, path))
    return;
  /* The views that save need the file's integrity check done, and the
   * whole programme read (a server's in its worker first). */
  while (pm_session_get_opening (pm_window_get_session (window)) != NULL)
    g_main_context_iteration (NULL, TRUE);
  while (pm_window_get_store (window) != NULL &&
         (pm_store_check_pending (pm_window_get_store (window)) ||
          pm_store_rest_pending (pm_window_get_store (window))))
    g_main_context_iteration (NULL, TRUE);

  pm_session_set_period (pm_window_get_session (window), period);
  if (g_str_equal (view, "round"))
    pm_store_freeze_round (pm_window_get_store (window), "2017-01-12", period, NULL);
  pilot = find_pilot (pm_window_get_programme (window),
                      g_str_equal (view, "lead") ? "Tamworth" :
                      g_str_equal (view, "schedule") ? "Northfield" : "Cannock Chase");
  if (!g_str_equal (view, "overview") && pilot != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-pilot", "x", pm_pilot_get_id (pilot));
  if (g_str_equal (view, "report") || g_str_equal (view, "about"))
    adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (gtk_widget_get_template_child (pilot_page (window),
                                                                                         PM_TYPE_PILOT_PAGE,
                                                                                         "view_stack")),
                                           view);

  /* One KPI: room for its chart, milestones and all, below the table. */
  if (g_str_equal (view, "schedule") || g_str_equal (view, "milestone-saved"))
    gtk_paned_set_position (GTK_PANED (gtk_widget_get_template_child (kpi_table (window), PM_TYPE_KPI_TABLE, "split")),
                            150);

  gtk_window_present (GTK_WINDOW (window));

  if (g_str_equal (view, "baseline"))
    gtk_widget_activate_action (kpi_table (window), "kpi.edit-baseline", NULL);
  else if (g_str_equal (view, "history"))
    show_history (window);
  else if (g_str_equal (view, "saved"))
    g_timeout_add (800, save_value_cb, window);
  else if (g_str_equal (view, "csv"))
    show_csv_review (window);
  else if (g_str_equal (view, "returns"))
    show_returns (window);
  else if (g_str_equal (view, "freeze"))
    gtk_widget_activate_action (GTK_WIDGET (window), "win.freeze-round", NULL);
  else if (g_str_equal (view, "add-district"))
    show_add_district_refused (window);
  else if (g_str_equal (view, "milestones") || g_str_equal (view, "milestone-saved"))
    show_milestone_editor (window, g_str_equal (view, "milestone-saved"));
  else if (g_str_equal (view, "periods") || g_str_equal (view, "year"))
    show_periods (window, g_str_equal (view, "periods"));
  else if (g_str_equal (view, "about-app"))
    g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  else if (g_str_equal (view, "export"))
    gtk_widget_activate_action (GTK_WIDGET (window), "win.export-document", NULL);
  else if (g_str_equal (view, "export-return"))
    gtk_widget_activate_action (GTK_WIDGET (window), "win.send-return", "x",
                                pm_district_get_id (pm_pilot_get_district (pilot)));
  else if (g_str_equal (view, "preferences"))
    gtk_widget_activate_action (GTK_WIDGET (window), "win.preferences", NULL);
  else if (g_str_equal (view, "disconnected"))
    show_disconnected (window);
  else if (g_str_equal (view, "connect"))
    pm_connect_dialog_ask (GTK_WINDOW (window), pm_window_get_session (window),
                           "postgresql://jo@db.example.org/pilots?sslmode=require",
                           "The server asks for a password for “pilots”.");

  /* Long enough for layout, the idle chase list and a few frames. */
  g_timeout_add (500, settle_cb, window);
  g_timeout_add (2000, take_cb, window);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(PmApplication) app = NULL;

  if (argc < 2)
    {
      g_printerr ("Usage: pm-screenshot OUTPUT.png [WIDTH HEIGHT] [pilot|saved|report|about|overview|baseline|history|csv|returns|round|freeze|connect|export|export-return|add-district|about-app|preferences|lead|disconnected|schedule|milestones|milestone-saved|periods|year]\n");
      return EXIT_FAILURE;
    }

  output = argv[1];
  if (argc >= 4)
    {
      width = atoi (argv[2]);
      height = atoi (argv[3]);
    }
  if (argc >= 5)
    view = argv[4];

  app = pm_application_new ();
  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);
  /* Only argv[0]: the rest are ours, not the application's options. */
  g_application_run (G_APPLICATION (app), 1, argv);

  pm_test_clear_dir (&tmpdir);
  drop_lead_database ();

  return status;
}
