/* test-layout.c: the window at the sizes people use it at (needs a display)
 *
 * Run under Xvfb. Each test opens the real window on a fresh copy of the
 * sample programme at a given size and reads what is shown: both panes
 * on a laptop's screen, one pane with a back button on a phone's, the
 * KPI table's value and RAG inside the window however narrow it is; and
 * how the sidebar is navigated: a row chosen again, a district, a KPI
 * found by a search.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "gui-test-util.h"
#include "pm-format.h"
#include "pm-kpi-row.h"
#include "pm-kpi-table.h"
#include "pm-window-private.h"

#define CANNOCK "Cannock Chase"

static PmApplication *app;

typedef GuiTestWindow Fixture;

typedef struct
{
  Fixture *fixture;
  int      width;
  int      height;
} SizeWait;

static gboolean
has_size (gpointer data)
{
  SizeWait *wait = data;
  GtkWidget *window = GTK_WIDGET (wait->fixture->window);

  return gtk_widget_get_width (window) == wait->width && gtk_widget_get_height (window) == wait->height;
}

/* The window given @width x @height for its content, once it has it (a
 * window whose content cannot be that narrow stays wider, and fails).
 * Under X without a compositor the window is larger by the borders it is
 * resized by, which a desktop draws outside it. */
static void
resize_to (Fixture *fixture,
           int      width,
           int      height)
{
  SizeWait wait = { fixture, width, height };
  GtkWidget *window = GTK_WIDGET (fixture->window);
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  gint64 deadline;

  gtk_window_set_default_size (GTK_WINDOW (window),
                               width + gdk_surface_get_width (surface) - gtk_widget_get_width (window),
                               height + gdk_surface_get_height (surface) - gtk_widget_get_height (window));

  /* Not gui_test_wait_until(): a window that stays wider is the failure
   * to report, below. */
  deadline = g_get_monotonic_time () + (g_getenv ("PM_TEST_SLOW") != NULL ? 30 : 5) * G_USEC_PER_SEC;
  while (!has_size (&wait) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  gui_test_drain ();
  g_assert_cmpint (gtk_widget_get_width (window), ==, width);
  g_assert_cmpint (gtk_widget_get_height (window), ==, height);
}

/* The window, opened with @width x @height for its content. */
static void
open_at (Fixture *fixture,
         int      width,
         int      height)
{
  gui_test_window_open (fixture, app, "pm-test-layout", width, height);
  gui_test_drain ();
  resize_to (fixture, width, height);
}

static gboolean
count_frame_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       data)
{
  int *frames = data;

  (*frames)++;
  return G_SOURCE_CONTINUE;
}

static gboolean
three_frames (gpointer data)
{
  return *(int *) data >= 3;
}

/* Until @widget has been laid out and drawn again. */
static void
wait_for_frames (GtkWidget *widget)
{
  int frames = 0;
  guint id = gtk_widget_add_tick_callback (widget, count_frame_cb, &frames, NULL);

  gui_test_wait_until (three_frames, &frames);
  gtk_widget_remove_tick_callback (widget, id);
}

static gboolean
leaflet_settled (gpointer data)
{
  return !adw_leaflet_get_child_transition_running (data);
}

/* Until the leaflet has slid to the pane it shows, and drawn it. */
static void
wait_for_slide (Fixture *fixture)
{
  wait_for_frames (GTK_WIDGET (fixture->window));
  gui_test_wait_until (leaflet_settled, gui_test_window_child (fixture, "leaflet"));
  wait_for_frames (GTK_WIDGET (fixture->window));
}

/* Whether @widget is drawn and wholly inside the window. */
static gboolean
shown_in_window (Fixture   *fixture,
                 GtkWidget *widget)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  graphene_rect_t bounds;

  if (!gtk_widget_is_drawable (widget)
      || !gtk_widget_compute_bounds (widget, window, &bounds))
    return FALSE;

  return bounds.origin.x >= 0 && bounds.origin.y >= 0
         && bounds.size.width > 0 && bounds.size.height > 0
         && bounds.origin.x + bounds.size.width <= gtk_widget_get_width (window)
         && bounds.origin.y + bounds.size.height <= gtk_widget_get_height (window);
}

typedef gboolean (*WidgetTest) (GtkWidget *widget,
                                gpointer   data);

/* The first drawn descendant of @widget that @test accepts. */
static GtkWidget *
find_drawn (GtkWidget  *widget,
            WidgetTest  test,
            gpointer    data)
{
  if (!gtk_widget_is_drawable (widget))
    return NULL;
  if (test (widget, data))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_drawn (child, test, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
is_label_with_text (GtkWidget *widget,
                    gpointer   data)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), data) == 0;
}

static gboolean
is_label_starting (GtkWidget *widget,
                   gpointer   data)
{
  return GTK_IS_LABEL (widget) && g_str_has_prefix (gtk_label_get_label (GTK_LABEL (widget)), data);
}

static gboolean
is_label_with_class (GtkWidget *widget,
                     gpointer   data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, data);
}

static AdwLeaflet *
leaflet (Fixture *fixture)
{
  return gui_test_window_child (fixture, "leaflet");
}

static GtkListView *
sidebar_list (Fixture *fixture)
{
  return GTK_LIST_VIEW (gui_test_template_child (gui_test_window_child (fixture, "sidebar"),
                                                 PM_TYPE_SIDEBAR, "list_view"));
}

static void
assert_both_panes_on_overview (Fixture *fixture)
{
  GtkStack *stack = gui_test_window_child (fixture, "stack");

  g_assert_false (adw_leaflet_get_folded (leaflet (fixture)));
  g_assert_true (shown_in_window (fixture, GTK_WIDGET (gui_test_window_child (fixture, "sidebar"))));
  g_assert_true (gtk_stack_get_visible_child (stack) == gui_test_window_child (fixture, "overview_page"));
  g_assert_true (shown_in_window (fixture, GTK_WIDGET (gui_test_window_child (fixture, "window_title"))));
  g_assert_true (gtk_widget_is_drawable (gui_test_window_child (fixture, "overview_page")));
}

/* A laptop's window, as it opens, and a small laptop's screen: both panes. */
static void
test_both_panes_wide (Fixture       *fixture,
                      gconstpointer  data)
{
  open_at (fixture, 1100, 720);
  assert_both_panes_on_overview (fixture);
}

static void
test_both_panes_small_laptop (Fixture       *fixture,
                              gconstpointer  data)
{
  open_at (fixture, 1024, 600);
  assert_both_panes_on_overview (fixture);
}

static GtkWidget *
kpi_table_child (Fixture    *fixture,
                 const char *name)
{
  return gui_test_template_child (gui_test_kpi_table (fixture), PM_TYPE_KPI_TABLE, name);
}

/* The card, drawn, that shows the KPI titled @title. */
static GtkWidget *
find_card (Fixture    *fixture,
           const char *title)
{
  GtkWidget *label = find_drawn (kpi_table_child (fixture, "card_view"), is_label_with_text, (gpointer) title);

  for (GtkWidget *widget = label; widget != NULL; widget = gtk_widget_get_parent (widget))
    if (gtk_widget_has_css_class (widget, "card"))
      return widget;

  return NULL;
}

/* A phone's screen: one pane, and the pilot's KPIs as cards, each with
 * its value and RAG in the window; a card chosen is the KPI whose value
 * is typed below. Wider again, the table's columns come back. */
static void
test_narrow_pilot_page (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkWidget *card_view, *kpi_view, *card;
  GtkSelectionModel *rows;
  g_autoptr(PmKpiRow) row = NULL;
  g_autoptr(PmKpiRow) other = NULL;
  g_autofree char *value = NULL;
  PmRag rag = PM_RAG_GREY;
  GtkWidget *value_cell, *rag_cell;

  open_at (fixture, 360, 640);
  g_assert_true (adw_leaflet_get_folded (leaflet (fixture)));

  gui_test_select_period (fixture, 2016, 3);
  gui_test_select_pilot (fixture, CANNOCK);
  wait_for_slide (fixture);
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet (fixture)), ==, "content");
  g_assert_false (gtk_widget_is_drawable (GTK_WIDGET (gui_test_window_child (fixture, "sidebar"))));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->window)), ==, 360);

  card_view = kpi_table_child (fixture, "card_view");
  kpi_view = kpi_table_child (fixture, "kpi_view");
  g_assert_true (gtk_widget_is_drawable (card_view));
  g_assert_false (gtk_widget_is_drawable (kpi_view));

  rows = gtk_column_view_get_model (GTK_COLUMN_VIEW (kpi_view));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rows)), >=, 2);
  row = g_list_model_get_item (G_LIST_MODEL (rows), 0);
  g_object_get (row, "value-text", &value, "rag", &rag, NULL);
  g_assert_nonnull (value);
  g_assert_cmpstr (value, !=, "");

  card = find_card (fixture, pm_kpi_row_get_title (row));
  g_assert_nonnull (card);
  value_cell = find_drawn (card, is_label_with_text, value);
  rag_cell = find_drawn (card, is_label_with_class, (gpointer) pm_format_rag_css_class (rag));
  g_assert_nonnull (value_cell);
  g_assert_nonnull (rag_cell);
  g_assert_true (shown_in_window (fixture, card));
  g_assert_true (shown_in_window (fixture, value_cell));
  g_assert_true (shown_in_window (fixture, rag_cell));

  /* Another card chosen, as a tap chooses it: its KPI is the one edited. */
  other = g_list_model_get_item (G_LIST_MODEL (rows), 1);
  card = find_card (fixture, pm_kpi_row_get_title (other));
  g_assert_nonnull (card);
  g_assert_true (gtk_widget_activate_action (card, "listitem.select", "(bb)", FALSE, FALSE));
  gui_test_drain ();
  g_assert_true (pm_pilot_page_get_selected_kpi (gui_test_window_child (fixture, "pilot_page"))
                 == pm_kpi_row_get_kpi (other));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (kpi_table_child (fixture, "editor_title"))), ==,
                   pm_kpi_row_get_title (other));
  g_assert_true (gtk_widget_is_drawable (kpi_table_child (fixture, "value_row")));

  /* A laptop's width: the columns, the same KPI still chosen. */
  resize_to (fixture, 1100, 720);
  wait_for_frames (GTK_WIDGET (fixture->window));
  g_assert_true (gtk_widget_is_drawable (kpi_view));
  g_assert_false (gtk_widget_is_drawable (card_view));
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (rows)), ==, 1);
  g_assert_true (shown_in_window (fixture, find_drawn (kpi_view, is_label_with_text, (gpointer) "RAG")));
}

/* A click's release on the contents of the sidebar's row titled @title
 * (the list's own gesture, which selects, is not asked). */
static void
click_row (Fixture    *fixture,
           const char *title)
{
  GtkWidget *label = find_drawn (GTK_WIDGET (sidebar_list (fixture)), is_label_with_text, (gpointer) title);

  g_assert_nonnull (label);
  for (GtkWidget *widget = label;
       !g_str_equal (G_OBJECT_TYPE_NAME (widget), "GtkListItemWidget");
       widget = gtk_widget_get_parent (widget))
    {
      g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

      for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
        {
          g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

          if (GTK_IS_GESTURE_CLICK (controller))
            {
              g_signal_emit_by_name (controller, "released", 1, 1.0, 1.0);
              return;
            }
        }
    }

  g_assert_not_reached ();
}

/* Narrow, the window opens on the list; choosing the row already
 * selected (Enter on it) opens its page. */
static void
test_reselect_opens_page (Fixture       *fixture,
                          gconstpointer  data)
{
  GtkStack *stack;

  open_at (fixture, 360, 640);
  stack = gui_test_window_child (fixture, "stack");
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet (fixture)), ==, "sidebar");
  g_assert_true (G_IS_OBJECT (pm_sidebar_get_selected_item (gui_test_window_child (fixture, "sidebar"))));
  g_assert_true (PM_IS_PROGRAMME (pm_sidebar_get_selected_item (gui_test_window_child (fixture, "sidebar"))));

  g_signal_emit_by_name (sidebar_list (fixture), "activate", 0);
  wait_for_slide (fixture);
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet (fixture)), ==, "content");
  g_assert_true (gtk_stack_get_visible_child (stack) == gui_test_window_child (fixture, "overview_page"));
  g_assert_true (gtk_widget_is_drawable (gui_test_window_child (fixture, "overview_page")));

  /* Back to the list, and a click on the selected row: its page again. */
  adw_leaflet_navigate (leaflet (fixture), ADW_NAVIGATION_DIRECTION_BACK);
  wait_for_slide (fixture);
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet (fixture)), ==, "sidebar");
  click_row (fixture, "Programme Overview");
  wait_for_slide (fixture);
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet (fixture)), ==, "content");
  g_assert_true (gtk_stack_get_visible_child (stack) == gui_test_window_child (fixture, "overview_page"));

  /* Its tables keep the names and the KPIs by status in the window. */
  g_assert_true (shown_in_window (fixture, find_drawn (gui_test_window_child (fixture, "overview_page"),
                                                       is_label_with_text, (gpointer) "KPIs by Status")));
  g_assert_true (shown_in_window (fixture, find_drawn (gui_test_window_child (fixture, "overview_page"),
                                                       is_label_with_text, (gpointer) "Cannock Chase")));
}

/* A district in the sidebar is a row like a pilot's, and the overview's
 * district rows open the district; the sidebar's status is the lead's. */
static void
test_districts_are_rows (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkWidget *overview;
  GtkWidget *link;
  GtkWidget *district_row;
  GObject *selected;

  open_at (fixture, 1100, 720);

  district_row = find_drawn (GTK_WIDGET (sidebar_list (fixture)), is_label_with_text, (gpointer) CANNOCK);
  g_assert_nonnull (district_row);
  g_assert_false (gtk_widget_has_css_class (district_row, "heading"));
  g_assert_nonnull (find_drawn (GTK_WIDGET (sidebar_list (fixture)), is_label_starting, (gpointer) "Lead: "));

  overview = gui_test_window_child (fixture, "overview_page");
  link = gui_test_find_descendant (overview, GTK_TYPE_BUTTON, "win.show-district");
  g_assert_nonnull (link);
  g_signal_emit_by_name (link, "clicked");
  gui_test_drain ();

  selected = pm_sidebar_get_selected_item (gui_test_window_child (fixture, "sidebar"));
  g_assert_true (PM_IS_DISTRICT (selected));
  g_assert_true (gtk_stack_get_visible_child (GTK_STACK (gui_test_window_child (fixture, "stack"))) == overview);
}

static gboolean
search_settled (gpointer data)
{
  Fixture *fixture = data;
  PmSidebar *sidebar = gui_test_window_child (fixture, "sidebar");
  GtkEditable *entry = GTK_EDITABLE (gui_test_template_child (sidebar, PM_TYPE_SIDEBAR, "search_entry"));
  g_autofree char *key = pm_search_prepare (gtk_editable_get_text (entry));

  return g_strcmp0 (key, pm_sidebar_get_search_key (sidebar)) == 0;
}

/* A search lists the KPI it matched under its pilot, and opens that KPI:
 * chosen itself, or by choosing its pilot. */
static void
test_search_opens_kpi (Fixture       *fixture,
                       gconstpointer  data)
{
  PmSidebar *sidebar;
  GtkEditable *entry;
  GListModel *rows;
  PmPilotPage *pilot_page;
  PmKpi *found = NULL;
  guint kpi_position = 0, pilot_position = 0;

  open_at (fixture, 1100, 720);
  sidebar = gui_test_window_child (fixture, "sidebar");
  entry = GTK_EDITABLE (gui_test_template_child (sidebar, PM_TYPE_SIDEBAR, "search_entry"));
  rows = G_LIST_MODEL (gtk_list_view_get_model (sidebar_list (fixture)));
  pilot_page = gui_test_window_child (fixture, "pilot_page");

  pm_sidebar_set_search_mode (sidebar, TRUE);
  gtk_editable_set_text (entry, "outcome star");
  gui_test_wait_until (search_settled, fixture);

  /* The district, the pilot, and the KPI that matched. */
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 3);
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, i);
      g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);

      if (PM_IS_KPI (item))
        {
          found = PM_KPI (item);
          kpi_position = i;
        }
      else if (PM_IS_PILOT (item))
        pilot_position = i;
    }
  g_assert_nonnull (found);
  g_assert_true (pm_search_text_matches (pm_kpi_get_title (found), pm_sidebar_get_search_key (sidebar)));
  g_assert_cmpuint (kpi_position, ==, pilot_position + 1);
  g_assert_nonnull (find_drawn (GTK_WIDGET (sidebar_list (fixture)), is_label_with_text,
                                (gpointer) pm_kpi_get_title (found)));

  /* Its pilot, chosen, opens on it. */
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (rows), pilot_position, TRUE);
  gui_test_drain ();
  g_assert_true (pm_pilot_page_get_pilot (pilot_page) == pm_kpi_get_pilot (found));
  g_assert_true (pm_pilot_page_get_selected_kpi (pilot_page) == found);

  /* Another KPI picked, then the one found chosen itself. */
  gui_test_select_kpi (fixture, "WCFC");
  g_assert_true (pm_pilot_page_get_selected_kpi (pilot_page) != found);
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (rows), kpi_position, TRUE);
  gui_test_drain ();
  g_assert_true (gtk_stack_get_visible_child (GTK_STACK (gui_test_window_child (fixture, "stack")))
                 == GTK_WIDGET (pilot_page));
  g_assert_true (pm_pilot_page_get_selected_kpi (pilot_page) == found);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gui_test_window_close (fixture);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  if (!gui_test_init (&argc, &argv, &app))
    return 0;

  /* The title buttons GNOME (and a GNOME phone) shows: Xvfb has no
   * settings daemon to say so, and GTK's own default adds two more. */
  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", "appmenu:close", NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, NULL, func, fixture_tear_down)

  ADD ("/gui/layout/both-panes-wide", test_both_panes_wide);
  ADD ("/gui/layout/both-panes-small-laptop", test_both_panes_small_laptop);
  ADD ("/gui/layout/narrow-pilot-page", test_narrow_pilot_page);
  ADD ("/gui/layout/reselect-opens-page", test_reselect_opens_page);
  ADD ("/gui/layout/districts-are-rows", test_districts_are_rows);
  ADD ("/gui/layout/search-opens-kpi", test_search_opens_kpi);

  status = g_test_run ();
  g_clear_object (&app);

  return status;
}
