/* test-chart-widget.c: the trend chart and the district comparison in the
 * real window (needs a display; run under Xvfb)
 *
 * The KPI is picked in the table's own selection as a click would; the
 * chart's points and its description for screen readers must then be the
 * KPI's values. A value typed into the real entry appears in the chart;
 * the arrow keys move the chart's focus from point to point.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include <glib/gstdio.h>

#include "gui-test-util.h"
#include "pm-application.h"
#include "pm-chart.h"
#include "pm-district-chart.h"
#include "pm-kpi-row.h"
#include "pm-kpi-table.h"
#include "pm-overview-page.h"
#include "pm-period-selector.h"
#include "pm-pilot-page.h"
#include "pm-sidebar.h"
#include "pm-window.h"
#include "store/pm-sample.h"

#define CANNOCK "Cannock Chase"
#define WCFC "WCFC to work with 75"

static PmApplication *app;

typedef struct
{
  char     *dir;
  char     *path;
  PmWindow *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = gui_test_make_sample_database ("pm-test-chart", &fixture->path);
  fixture->window = g_object_ref_sink (pm_window_new (app));
  g_assert_true (pm_window_open_database (fixture->window, fixture->path));
  /* Wide enough that the sidebar and the page sit side by side. */
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1280, 900);
  gtk_window_present (GTK_WINDOW (fixture->window));
  gui_test_wait_until (gui_test_is_mapped, fixture->window);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->window);
  gui_test_drain ();

  gui_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static GtkWidget *
template_child (gpointer    widget,
                GType       type,
                const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (child);
  return GTK_WIDGET (child);
}

/* One of the window's own widgets: "sidebar", "stack", "pilot_page"… */
static gpointer
window_child (Fixture    *fixture,
              const char *name)
{
  return template_child (fixture->window, PM_TYPE_WINDOW, name);
}

/* The pilot page's headline KPIs, with the value being typed. */
static GtkWidget *
kpi_table (Fixture *fixture)
{
  return template_child (window_child (fixture, "pilot_page"), PM_TYPE_PILOT_PAGE, "kpi_table");
}

/* Picks @district_name's first pilot in the sidebar's selection model, as
 * a click would. */
static void
select_pilot_in_sidebar (Fixture    *fixture,
                         const char *district_name)
{
  GtkListView *list = GTK_LIST_VIEW (template_child (window_child (fixture, "sidebar"), PM_TYPE_SIDEBAR, "list_view"));
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

/* Picks the quarter in the header bar's drop-down. */
static void
select_period (Fixture *fixture,
               int      year,
               int      quarter)
{
  GtkDropDown *drop_down = GTK_DROP_DOWN (template_child (window_child (fixture, "period_selector"),
                                                          PM_TYPE_PERIOD_SELECTOR, "drop_down"));
  GListModel *periods = gtk_drop_down_get_model (drop_down);

  for (guint i = 0; i < g_list_model_get_n_items (periods); i++)
    {
      g_autoptr(PmPeriod) period = g_list_model_get_item (periods, i);

      if (pm_period_get_year (period) == year && pm_period_get_quarter (period) == quarter)
        {
          gtk_drop_down_set_selected (drop_down, i);
          gui_test_drain ();
          g_assert_cmpint (pm_period_get_index (pm_session_get_period (pm_window_get_session (fixture->window))), ==, year * 4 + quarter - 1);
          return;
        }
    }

  g_assert_not_reached ();
}

/* Picks the KPI in the table's own selection. */
static void
select_kpi_in_table (Fixture    *fixture,
                     const char *title_start)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (template_child (kpi_table (fixture), PM_TYPE_KPI_TABLE, "kpi_view"));
  GtkSelectionModel *selection = gtk_column_view_get_model (view);
  GListModel *rows = G_LIST_MODEL (selection);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(PmKpiRow) row = g_list_model_get_item (rows, i);

      if (g_str_has_prefix (pm_kpi_row_get_title (row), title_start))
        {
          g_assert_true (gtk_selection_model_select_item (selection, i, TRUE));
          gui_test_drain ();
          g_assert_true (g_str_has_prefix (pm_kpi_get_title (pm_pilot_page_get_selected_kpi (window_child (fixture, "pilot_page"))),
                                           title_start));
          return;
        }
    }

  g_assert_not_reached ();
}

/* Types @text into the value field and presses Enter in it. */
static void
type_value (Fixture    *fixture,
            const char *text)
{
  GtkWidget *row = template_child (kpi_table (fixture), PM_TYPE_KPI_TABLE, "value_row");
  GtkEditable *delegate = gtk_editable_get_delegate (GTK_EDITABLE (row));

  gtk_widget_grab_focus (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  /* What GtkText's Enter key binding does. */
  g_signal_emit_by_name (delegate, "activate");
  gui_test_drain ();
}

static PmChart *
trend_chart (Fixture *fixture)
{
  return PM_CHART (template_child (kpi_table (fixture), PM_TYPE_KPI_TABLE, "trend_chart"));
}

/* Presses @keyval on the chart's own key controller, as the keyboard would. */
static void
press_key (GtkWidget *widget,
           guint      keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, 0, &handled);
    }

  g_assert_true (handled);
  gui_test_drain ();
}

static void
test_trend_shows_selected_kpi (Fixture       *fixture,
                               gconstpointer  data)
{
  PmChart *chart;
  const char *description;

  select_pilot_in_sidebar (fixture, CANNOCK);
  select_period (fixture, 2016, 3);
  select_kpi_in_table (fixture, WCFC);

  chart = trend_chart (fixture);
  gui_test_wait_until (gui_test_is_mapped, chart);
  g_assert_true (g_str_has_prefix (pm_kpi_get_title (pm_chart_get_kpi (chart)), WCFC));

  /* The sample holds one value for this KPI: 5 families in Q3 16/17. */
  g_assert_cmpuint (pm_chart_get_n_points (chart), ==, 1);
  g_assert_cmpfloat (pm_chart_get_point_value (chart, 0), ==, 5);
  g_assert_cmpint (pm_chart_get_point_period (chart, 0), ==, 2016 * 4 + 2);
  description = pm_chart_get_description (chart);
  g_assert_nonnull (strstr (description, WCFC));
  g_assert_nonnull (strstr (description, "1 value, latest Q3 16/17: 5"));
  g_assert_nonnull (strstr (description, "Target 75 by 31 October 2017"));
}

static void
test_trend_follows_typed_value (Fixture       *fixture,
                                gconstpointer  data)
{
  PmChart *chart;

  select_pilot_in_sidebar (fixture, CANNOCK);
  select_period (fixture, 2016, 4);
  select_kpi_in_table (fixture, WCFC);
  chart = trend_chart (fixture);
  g_assert_cmpuint (pm_chart_get_n_points (chart), ==, 1);

  type_value (fixture, "12");

  /* Saved, and drawn: two points now, the new one last. */
  g_assert_cmpuint (pm_chart_get_n_points (chart), ==, 2);
  g_assert_cmpfloat (pm_chart_get_point_value (chart, 1), ==, 12);
  g_assert_cmpint (pm_chart_get_point_period (chart, 1), ==, 2016 * 4 + 3);
  g_assert_nonnull (strstr (pm_chart_get_description (chart), "2 values, latest Q4 16/17: 12"));

  /* A letter is refused beside the field and the chart keeps its points. */
  type_value (fixture, "twelve");
  g_assert_cmpuint (pm_chart_get_n_points (chart), ==, 2);
  g_assert_cmpfloat (pm_chart_get_point_value (chart, 1), ==, 12);
}

static void
test_trend_keyboard (Fixture       *fixture,
                     gconstpointer  data)
{
  PmChart *chart;

  select_pilot_in_sidebar (fixture, CANNOCK);
  select_period (fixture, 2016, 4);
  select_kpi_in_table (fixture, WCFC);
  type_value (fixture, "12");

  chart = trend_chart (fixture);
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (chart)));
  gtk_widget_grab_focus (GTK_WIDGET (chart));
  g_assert_cmpint (pm_chart_get_focus_point (chart), ==, -1);

  /* Left starts at the latest value and walks back; it stops at the first. */
  press_key (GTK_WIDGET (chart), GDK_KEY_Left);
  g_assert_cmpint (pm_chart_get_focus_point (chart), ==, 1);
  g_assert_nonnull (strstr (pm_chart_get_description (chart), "Selected: Q4 16/17: 12"));
  press_key (GTK_WIDGET (chart), GDK_KEY_Left);
  press_key (GTK_WIDGET (chart), GDK_KEY_Left);
  g_assert_cmpint (pm_chart_get_focus_point (chart), ==, 0);
  g_assert_nonnull (strstr (pm_chart_get_description (chart),
                            "Selected: Q3 16/17: 5 (off track). West Chadsmoor Family Centre"));
  press_key (GTK_WIDGET (chart), GDK_KEY_End);
  g_assert_cmpint (pm_chart_get_focus_point (chart), ==, 1);
}

static void
test_district_comparison (Fixture       *fixture,
                          gconstpointer  data)
{
  PmDistrictChart *chart = PM_DISTRICT_CHART (template_child (window_child (fixture, "overview_page"),
                                                              PM_TYPE_OVERVIEW_PAGE, "district_chart"));
  GtkDropDown *measure = GTK_DROP_DOWN (template_child (window_child (fixture, "overview_page"),
                                                        PM_TYPE_OVERVIEW_PAGE, "measure_dropdown"));

  select_period (fixture, 2016, 3);
  /* On the programme's overview, which the window opens on. */
  g_assert_true (gtk_stack_get_visible_child (window_child (fixture, "stack")) == GTK_WIDGET (window_child (fixture, "overview_page")));
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_ancestor (GTK_WIDGET (chart), ADW_TYPE_PREFERENCES_GROUP)));
  gui_test_wait_until (gui_test_is_mapped, chart);
  g_assert_cmpuint (pm_district_chart_get_n_bars (chart), ==, 8);

  /* Families reached first: Lichfield's 170 leads; Cannock has its target. */
  g_assert_cmpint (pm_district_chart_get_measure (chart), ==, PM_COMPARISON_REACH);
  g_assert_nonnull (strstr (pm_district_chart_get_description (chart), ": Lichfield 170;"));
  g_assert_nonnull (strstr (pm_district_chart_get_description (chart), "Cannock Chase 7 of 125 (6%)"));

  /* The drop-down picks the measure. */
  gtk_drop_down_set_selected (measure, PM_COMPARISON_SPEND);
  gui_test_drain ();
  g_assert_cmpint (pm_district_chart_get_measure (chart), ==, PM_COMPARISON_SPEND);
  g_assert_nonnull (strstr (pm_district_chart_get_description (chart), "Spent against the budget"));
  g_assert_nonnull (strstr (pm_district_chart_get_description (chart), "£4,900"));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  setlocale (LC_ALL, "");

  /* Widget tests need a display; without one, say so the TAP way. */
  if ((g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL) || !gtk_init_check ())
    {
      printf ("1..0 # SKIP no display\n");
      return 0;
    }

  g_test_init (&argc, &argv, NULL);

  app = pm_application_new ();
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    g_error ("Could not register the application: %s", error->message);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/chart/widget/trend-shows-selected-kpi", test_trend_shows_selected_kpi);
  ADD ("/chart/widget/trend-follows-typed-value", test_trend_follows_typed_value);
  ADD ("/chart/widget/trend-keyboard", test_trend_keyboard);
  ADD ("/chart/widget/district-comparison", test_district_comparison);

  status = g_test_run ();
  g_clear_object (&app);

  return status;
}
