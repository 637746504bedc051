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

typedef GuiTestWindow Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  /* Wide enough that the sidebar and the page sit side by side. */
  gui_test_window_open (fixture, app, "pm-test-chart", 1280, 900);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gui_test_window_close (fixture);
}

static PmChart *
trend_chart (Fixture *fixture)
{
  return PM_CHART (gui_test_template_child (gui_test_kpi_table (fixture), PM_TYPE_KPI_TABLE, "trend_chart"));
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

  gui_test_select_pilot (fixture, CANNOCK);
  gui_test_select_period (fixture, 2016, 3);
  gui_test_select_kpi (fixture, WCFC);

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

  gui_test_select_pilot (fixture, CANNOCK);
  gui_test_select_period (fixture, 2016, 4);
  gui_test_select_kpi (fixture, WCFC);
  chart = trend_chart (fixture);
  g_assert_cmpuint (pm_chart_get_n_points (chart), ==, 1);

  gui_test_type_value (fixture, "12");

  /* Saved, and drawn: two points now, the new one last. */
  g_assert_cmpuint (pm_chart_get_n_points (chart), ==, 2);
  g_assert_cmpfloat (pm_chart_get_point_value (chart, 1), ==, 12);
  g_assert_cmpint (pm_chart_get_point_period (chart, 1), ==, 2016 * 4 + 3);
  g_assert_nonnull (strstr (pm_chart_get_description (chart), "2 values, latest Q4 16/17: 12"));

  /* A letter is refused beside the field and the chart keeps its points. */
  gui_test_type_value (fixture, "twelve");
  g_assert_cmpuint (pm_chart_get_n_points (chart), ==, 2);
  g_assert_cmpfloat (pm_chart_get_point_value (chart, 1), ==, 12);
}

static void
test_trend_keyboard (Fixture       *fixture,
                     gconstpointer  data)
{
  PmChart *chart;

  gui_test_select_pilot (fixture, CANNOCK);
  gui_test_select_period (fixture, 2016, 4);
  gui_test_select_kpi (fixture, WCFC);
  gui_test_type_value (fixture, "12");

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
                            "Selected: Q3 16/17: 5 (off track). 5 families currently supported by West Chadsmoor Family Centre"));
  press_key (GTK_WIDGET (chart), GDK_KEY_End);
  g_assert_cmpint (pm_chart_get_focus_point (chart), ==, 1);
}

static void
test_district_comparison (Fixture       *fixture,
                          gconstpointer  data)
{
  PmDistrictChart *chart = PM_DISTRICT_CHART (gui_test_template_child (gui_test_window_child (fixture, "overview_page"),
                                                              PM_TYPE_OVERVIEW_PAGE, "district_chart"));
  GtkDropDown *measure = GTK_DROP_DOWN (gui_test_template_child (gui_test_window_child (fixture, "overview_page"),
                                                        PM_TYPE_OVERVIEW_PAGE, "measure_dropdown"));

  gui_test_select_period (fixture, 2016, 3);
  /* On the programme's overview, which the window opens on. */
  g_assert_true (gtk_stack_get_visible_child (gui_test_window_child (fixture, "stack")) == GTK_WIDGET (gui_test_window_child (fixture, "overview_page")));
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
  int status;

  if (!gui_test_init (&argc, &argv, &app))
    return 0;

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
