/* gui-test-util.c: what the widget tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>

#include "gui-test-util.h"
#include "pm-kpi-row.h"
#include "pm-kpi-table.h"
#include "pm-window-private.h"
#include "pm-test-sample.h"

void
gui_test_wait_until (gboolean (*done) (gpointer),
                     gpointer   data)
{
  gint64 deadline = g_get_monotonic_time () +
                    (g_getenv ("PM_TEST_SLOW") != NULL ? 180 : 20) * G_USEC_PER_SEC;

  while (!done (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
    }
}

gboolean
gui_test_is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

void
gui_test_drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

gpointer
gui_test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) each = g_list_model_get_item (toplevels, i);

      /* GTK keeps the list's windows alive while they are shown. */
      if (G_TYPE_CHECK_INSTANCE_TYPE (each, type))
        return each;
    }

  return NULL;
}

char *
gui_test_make_sample_database (const char  *prefix,
                               char       **db_path)
{
  char *dir = pm_test_dir_new (prefix);

  *db_path = pm_test_sample_database (dir, "sample.db");
  return dir;
}

gboolean
gui_test_init (int             *argc,
               char          ***argv,
               PmApplication  **app)
{
  g_autoptr(GError) error = NULL;

  setlocale (LC_ALL, "");

  /* Widget tests need a display; without one, say so the TAP way. */
  if ((g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL) || !gtk_init_check ())
    {
      printf ("1..0 # SKIP no display\n");
      return FALSE;
    }

  g_test_init (argc, argv, NULL);

  *app = pm_application_new ();
  if (!g_application_register (G_APPLICATION (*app), NULL, &error))
    g_error ("Could not register the application: %s", error->message);

  return TRUE;
}

/* The window */

gboolean
gui_test_is_checked (gpointer data)
{
  PmStore *store = pm_window_get_store (PM_WINDOW (data));

  /* A server is opened in a worker: done when it no longer shows. */
  if (pm_session_get_opening (pm_window_get_session (PM_WINDOW (data))) != NULL)
    return FALSE;

  return store == NULL || (!pm_store_check_pending (store) && !pm_store_rest_pending (store));
}

void
gui_test_window_open (GuiTestWindow *fixture,
                      PmApplication *app,
                      const char    *prefix,
                      int            width,
                      int            height)
{
  fixture->dir = gui_test_make_sample_database (prefix, &fixture->path);
  fixture->window = g_object_ref_sink (pm_window_new (app));
  g_assert_true (pm_window_open_database (fixture->window, fixture->path));
  gui_test_wait_until (gui_test_is_checked, fixture->window);
  if (width > 0 && height > 0)
    gtk_window_set_default_size (GTK_WINDOW (fixture->window), width, height);
  gtk_window_present (GTK_WINDOW (fixture->window));
  gui_test_wait_until (gui_test_is_mapped, fixture->window);
}

void
gui_test_window_close (GuiTestWindow *fixture)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->window);
  gui_test_drain ();

  pm_test_clear_dir (&fixture->dir);
  g_clear_pointer (&fixture->path, g_free);
}

GtkWidget *
gui_test_template_child (gpointer    widget,
                         GType       type,
                         const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (child);
  return GTK_WIDGET (child);
}

gpointer
gui_test_window_child (GuiTestWindow *fixture,
                       const char    *name)
{
  return gui_test_template_child (fixture->window, PM_TYPE_WINDOW, name);
}

GtkWidget *
gui_test_kpi_table (GuiTestWindow *fixture)
{
  return gui_test_template_child (gui_test_window_child (fixture, "pilot_page"), PM_TYPE_PILOT_PAGE, "kpi_table");
}

GtkWidget *
gui_test_find_descendant (GtkWidget  *widget,
                          GType       type,
                          const char *action_name)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) &&
      (action_name == NULL ||
       (GTK_IS_ACTIONABLE (widget) &&
        g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0)))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = gui_test_find_descendant (child, type, action_name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

void
gui_test_select_pilot (GuiTestWindow *fixture,
                       const char    *district_name)
{
  GtkListView *list = GTK_LIST_VIEW (gui_test_template_child (gui_test_window_child (fixture, "sidebar"),
                                                              PM_TYPE_SIDEBAR, "list_view"));
  GtkSelectionModel *selection = gtk_list_view_get_model (list);
  GListModel *rows = G_LIST_MODEL (selection);
  gboolean in_district = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, i);
      g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);

      if (PM_IS_DISTRICT (item))
        in_district = g_str_equal (pm_district_get_name (PM_DISTRICT (item)), district_name);
      else if (in_district && PM_IS_PILOT (item))
        {
          g_assert_true (gtk_selection_model_select_item (selection, i, TRUE));
          gui_test_drain ();
          return;
        }
    }

  g_assert_not_reached ();
}

void
gui_test_select_period (GuiTestWindow *fixture,
                        int            year,
                        int            quarter)
{
  GtkDropDown *drop_down = GTK_DROP_DOWN (gui_test_template_child (gui_test_window_child (fixture, "period_selector"),
                                                                   PM_TYPE_PERIOD_SELECTOR, "drop_down"));
  GListModel *periods = gtk_drop_down_get_model (drop_down);
  PmSession *session = pm_window_get_session (fixture->window);

  for (guint i = 0; i < g_list_model_get_n_items (periods); i++)
    {
      g_autoptr(PmPeriod) period = g_list_model_get_item (periods, i);

      if (pm_period_get_frequency (period) == PM_FREQUENCY_QUARTERLY
          && pm_period_get_year (period) == year && pm_period_get_quarter (period) == quarter)
        {
          gtk_drop_down_set_selected (drop_down, i);
          gui_test_drain ();
          g_assert_cmpint (pm_period_get_index (pm_session_get_period (session)), ==, year * 4 + quarter - 1);
          return;
        }
    }

  g_assert_not_reached ();
}

void
gui_test_select_kpi (GuiTestWindow *fixture,
                     const char    *title_start)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (gui_test_template_child (gui_test_kpi_table (fixture),
                                                                  PM_TYPE_KPI_TABLE, "kpi_view"));
  GtkSelectionModel *selection = gtk_column_view_get_model (view);
  GListModel *rows = G_LIST_MODEL (selection);
  PmPilotPage *page = gui_test_window_child (fixture, "pilot_page");

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(PmKpiRow) row = g_list_model_get_item (rows, i);

      if (g_str_has_prefix (pm_kpi_row_get_title (row), title_start))
        {
          g_assert_true (gtk_selection_model_select_item (selection, i, TRUE));
          gui_test_drain ();
          g_assert_true (g_str_has_prefix (pm_kpi_get_title (pm_pilot_page_get_selected_kpi (page)), title_start));
          return;
        }
    }

  g_assert_not_reached ();
}

void
gui_test_type_value (GuiTestWindow *fixture,
                     const char    *text)
{
  GtkWidget *row = gui_test_template_child (gui_test_kpi_table (fixture), PM_TYPE_KPI_TABLE, "value_row");
  GtkEditable *delegate = gtk_editable_get_delegate (GTK_EDITABLE (row));

  gtk_widget_grab_focus (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  /* What GtkText's Enter key binding does. */
  g_signal_emit_by_name (delegate, "activate");
  gui_test_drain ();
}

void
gui_test_activate_undo (GuiTestWindow *fixture)
{
  AdwToast *toast = _pm_window_get_toast (fixture->window);
  GVariant *target;

  /* The toast's own button: its action and target, activated on the window. */
  g_assert_nonnull (toast);
  g_assert_cmpstr (adw_toast_get_action_name (toast), ==, "win.undo");
  g_assert_cmpstr (adw_toast_get_button_label (toast), ==, "_Undo");
  target = adw_toast_get_action_target_value (toast);
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (fixture->window), "win.undo", target));
  gui_test_drain ();
}
