/* test-entry.c: the first minutes with a database, and the quarter's entry
 * (needs a display)
 *
 * Where the window opens (the quarter that is due, or the one last picked
 * on that database), finding a quarter in the period drop-down, and the
 * states of the entry panel: editing, saved, invalid.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "gui-test-util.h"
#include "pm-cells.h"
#include "pm-kpi-table.h"
#include "pm-pilot-page.h"
#include "pm-period-selector.h"
#include "pm-window-private.h"

#define CANNOCK "Cannock Chase"
#define WCFC "WCFC to work with 75"

static PmApplication *app;

typedef GuiTestWindow Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  gui_test_window_open (fixture, app, "pm-test-entry", 0, 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gui_test_window_close (fixture);
}

static char *
session_period_code (PmWindow *window)
{
  return pm_period_to_code (pm_session_get_period (pm_window_get_session (window)));
}

static PmWindow *
open_window (const char *path)
{
  PmWindow *window = g_object_ref_sink (pm_window_new (app));

  g_assert_true (pm_window_open_database (window, path));
  gui_test_wait_until (gui_test_is_checked, window);
  gtk_window_present (GTK_WINDOW (window));
  gui_test_wait_until (gui_test_is_mapped, window);

  return window;
}

static void
close_window (PmWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
  gui_test_drain ();
}

/* It opened on today's quarter, where nothing is entered: the sample's
 * values are for Q3 2016/17. */
static void
test_opens_on_due_period (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *code = session_period_code (fixture->window);
  PmPeriodSelector *selector = gui_test_window_child (fixture, "period_selector");
  g_autofree char *shown = pm_period_to_code (pm_period_selector_get_period (selector));

  g_assert_cmpstr (code, ==, "FY2016-Q3");
  g_assert_cmpstr (shown, ==, "FY2016-Q3");
}

/* The window's period set to a year (as --period FY2021 or a yearly KPI
 * may give it) shows the year itself, offered in the list, not a period
 * built from the year's number read as a quarter's index. */
static void
test_yearly_period_shown_as_itself (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(PmPeriod) year = pm_period_new_year (2021);
  PmPeriodSelector *selector = gui_test_window_child (fixture, "period_selector");
  g_autofree char *shown = NULL;

  pm_session_set_period (pm_window_get_session (fixture->window), year);
  gui_test_drain ();
  shown = pm_period_to_code (pm_period_selector_get_period (selector));
  g_assert_cmpstr (shown, ==, "FY2021");
  g_assert_true (pm_period_equal (pm_session_get_period (pm_window_get_session (fixture->window)), year));
}

/* With a value in a later quarter, that quarter is the one being worked on. */
static void
test_opens_on_latest_values (void)
{
  g_autofree char *path = NULL;
  g_autofree char *dir = gui_test_make_sample_database ("pm-test-entry", &path);
  g_autoptr(PmProgramme) programme = NULL;
  g_autoptr(PmPeriod) later = pm_period_new (2017, 1);
  g_autofree char *code = NULL;
  PmStore *store = pm_test_store_open (path, PM_STORE_OPEN_DEFAULT);
  PmWindow *window;

  programme = pm_test_store_load (store);
  pm_test_set_value (store, pm_test_find_kpi (programme, CANNOCK, WCFC), later, 9, NULL);
  pm_test_store_clear (&store);

  window = open_window (path);
  code = session_period_code (window);
  g_assert_cmpstr (code, ==, "FY2017-Q1");

  close_window (window);
  pm_test_clear_dir (&dir);
}

/* The quarter picked on a database is where it opens next time; another
 * database still opens on its own due quarter. */
static void
test_period_remembered_per_database (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autofree char *other_path = NULL;
  g_autofree char *other_dir = gui_test_make_sample_database ("pm-test-entry", &other_path);
  g_autofree char *again_code = NULL;
  g_autofree char *other_code = NULL;
  PmWindow *window;

  gui_test_select_period (fixture, 2016, 4);

  window = open_window (fixture->path);
  again_code = session_period_code (window);
  g_assert_cmpstr (again_code, ==, "FY2016-Q4");
  close_window (window);

  window = open_window (other_path);
  other_code = session_period_code (window);
  g_assert_cmpstr (other_code, ==, "FY2016-Q3");
  close_window (window);

  pm_test_clear_dir (&other_dir);
}

static GtkDropDown *
period_drop_down (Fixture *fixture)
{
  return GTK_DROP_DOWN (gui_test_template_child (gui_test_window_child (fixture, "period_selector"),
                                                 PM_TYPE_PERIOD_SELECTOR, "drop_down"));
}

/* The list the drop-down's search leaves, as its popup shows it. */
static GListModel *
search_results (Fixture *fixture)
{
  GtkWidget *list = gui_test_find_descendant (GTK_WIDGET (period_drop_down (fixture)), GTK_TYPE_LIST_VIEW, NULL);

  g_assert_nonnull (list);
  return G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list)));
}

/* The list marks the quarters that have values, and a first value for a
 * quarter marks it at once. */
static void
test_period_marks (Fixture       *fixture,
                   gconstpointer  data)
{
  PmPeriodSelector *selector = gui_test_window_child (fixture, "period_selector");
  g_autoptr(PmPeriod) q3 = pm_period_new (2016, 3);
  g_autoptr(PmPeriod) q4 = pm_period_new (2016, 4);

  g_assert_true (pm_period_selector_has_values (selector, q3));
  g_assert_false (pm_period_selector_has_values (selector, q4));

  gui_test_select_pilot (fixture, CANNOCK);
  gui_test_select_period (fixture, 2016, 4);
  gui_test_select_kpi (fixture, WCFC);
  gui_test_type_value (fixture, "8");
  g_assert_true (pm_period_selector_has_values (selector, q4));

  gui_test_activate_undo (fixture);
  g_assert_false (pm_period_selector_has_values (selector, q4));
}

/* "2016" found nothing (the search matched from the start only), and
 * Enter did not take the one match. */
static void
test_period_search (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkWidget *search = gui_test_find_descendant (GTK_WIDGET (period_drop_down (fixture)),
                                                GTK_TYPE_SEARCH_ENTRY, NULL);
  GListModel *results = search_results (fixture);
  g_autoptr(PmPeriod) first = NULL;
  g_autofree char *code = NULL;

  g_assert_nonnull (search);
  gtk_editable_set_text (GTK_EDITABLE (search), "2016");
  g_signal_emit_by_name (search, "search-changed");
  gui_test_drain ();

  /* Q1 to Q4 2016/17, and Q4 2015/16 does not say "2016". */
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 4);
  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(PmPeriod) period = g_list_model_get_item (results, i);
      g_autofree char *label = pm_period_get_label (period);

      g_assert_nonnull (strstr (label, "2016"));
    }

  gtk_editable_set_text (GTK_EDITABLE (search), "q2 2016");
  g_signal_emit_by_name (search, "search-changed");
  gui_test_drain ();
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 1);

  /* Enter takes the first (here the only) match. */
  first = g_list_model_get_item (results, 0);
  g_signal_emit_by_name (search, "activate");
  gui_test_drain ();
  code = session_period_code (fixture->window);
  g_assert_cmpstr (code, ==, "FY2016-Q2");
  g_assert_true (pm_period_equal (first, pm_session_get_period (pm_window_get_session (fixture->window))));
}

static GtkWidget *
table_child (Fixture    *fixture,
             const char *name)
{
  return gui_test_template_child (gui_test_kpi_table (fixture), PM_TYPE_KPI_TABLE, name);
}

/* The ✓ stayed after a save, and appeared on an untouched field when
 * another KPI was chosen: it shows only while a field differs from what
 * is stored, and a save says "Saved" instead. */
static void
test_apply_only_while_editing (Fixture       *fixture,
                               gconstpointer  data)
{
  GtkWidget *value_row = table_child (fixture, "value_row");
  GtkWidget *apply = table_child (fixture, "value_apply");
  GtkWidget *note_apply = table_child (fixture, "note_apply");
  GtkWidget *saved = table_child (fixture, "saved_label");

  gui_test_select_pilot (fixture, CANNOCK);
  gui_test_select_kpi (fixture, WCFC);
  g_assert_false (gtk_widget_get_visible (apply));
  g_assert_false (gtk_widget_get_visible (note_apply));
  g_assert_false (gtk_widget_get_visible (saved));

  /* Editing. */
  gtk_widget_grab_focus (value_row);
  gtk_editable_set_text (GTK_EDITABLE (value_row), "6");
  gui_test_drain ();
  g_assert_true (gtk_widget_get_visible (apply));
  g_assert_true (gtk_widget_get_sensitive (apply));

  /* Saved: no ✓ left behind, a quiet word instead. */
  gui_test_type_value (fixture, "6");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (value_row)), ==, "6");
  g_assert_false (gtk_widget_get_visible (apply));
  g_assert_true (gtk_widget_get_visible (saved));
  g_assert_false (gtk_widget_has_css_class (saved, "faded"));

  /* Another KPI, with no value: an empty field, no ✓, no "Saved". */
  gui_test_select_kpi (fixture, "% of families reporting");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (value_row)), ==, "");
  g_assert_false (gtk_widget_get_visible (apply));
  g_assert_false (gtk_widget_get_visible (note_apply));
  g_assert_false (gtk_widget_get_visible (saved));
}

static int
editor_height (Fixture *fixture)
{
  GtkWidget *editor = gtk_widget_get_parent (gtk_widget_get_parent (table_child (fixture, "value_error")));
  int width = gtk_widget_get_width (editor);
  int height = 0;

  gui_test_drain ();
  gtk_widget_measure (editor, GTK_ORIENTATION_VERTICAL, width, NULL, &height, NULL, NULL);
  return height;
}

/* The ✓ was red but could be pressed, and the panel jumped when the
 * message appeared. */
static void
test_invalid_value (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkWidget *value_row = table_child (fixture, "value_row");
  GtkWidget *apply = table_child (fixture, "value_apply");
  GtkWidget *error = table_child (fixture, "value_error");
  GtkWidget *section = gtk_widget_get_parent (gtk_widget_get_parent (error));
  int before, during, after;

  gui_test_select_pilot (fixture, CANNOCK);
  gui_test_select_kpi (fixture, WCFC);
  gtk_widget_grab_focus (value_row);
  before = editor_height (fixture);
  g_assert_cmpint (before, >, 0);
  g_assert_true (GTK_IS_BOX (section));

  gtk_editable_set_text (GTK_EDITABLE (value_row), "abc");
  gui_test_drain ();
  g_assert_true (gtk_widget_get_visible (error));
  g_assert_true (gtk_widget_get_visible (apply));
  g_assert_false (gtk_widget_get_sensitive (apply));
  during = editor_height (fixture);
  g_assert_cmpint (during, ==, before);

  /* Enter does not save it either. */
  gui_test_type_value (fixture, "abc");
  g_assert_null (_pm_window_get_toast (fixture->window));
  g_assert_false (gtk_widget_get_visible (table_child (fixture, "saved_label")));

  gtk_editable_set_text (GTK_EDITABLE (value_row), "7");
  gui_test_drain ();
  g_assert_false (gtk_widget_get_visible (error));
  g_assert_true (gtk_widget_get_sensitive (apply));
  after = editor_height (fixture);
  g_assert_cmpint (after, ==, before);
}

/* Beside the field, what a new value is weighed against. */
static void
test_context_beside_value (Fixture       *fixture,
                           gconstpointer  data)
{
  GtkLabel *context = GTK_LABEL (table_child (fixture, "context_label"));

  gui_test_select_pilot (fixture, CANNOCK);
  gui_test_select_kpi (fixture, WCFC);
  g_assert_nonnull (strstr (gtk_label_get_label (context), "No earlier value"));
  g_assert_nonnull (strstr (gtk_label_get_label (context), "on track needs ≥"));

  gui_test_select_period (fixture, 2016, 4);
  g_assert_nonnull (strstr (gtk_label_get_label (context), "Last quarter 5"));
}

static void
collect_travel_cells (GtkWidget *widget,
                      GPtrArray *found)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "travel-word"))
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_travel_cells (child, found);
}

/* ↑ for referrals that went from 17 to 16: the Travel column says
 * "Improving", and why, for a KPI that should go down. */
static void
test_travel_words_in_table (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();
  guint improving = 0;

  gui_test_select_pilot (fixture, "Stafford");
  gui_test_select_kpi (fixture, "Reduction in the referrals into the LST");
  gui_test_type_value (fixture, "16");

  collect_travel_cells (table_child (fixture, "kpi_view"), cells);
  g_assert_cmpuint (cells->len, >, 0);
  for (guint i = 0; i < cells->len; i++)
    {
      GtkLabel *cell = g_ptr_array_index (cells, i);
      const char *text = gtk_label_get_label (cell);

      g_assert_null (strstr (text, "↑"));
      g_assert_null (strstr (text, "↓"));
      if (g_str_equal (text, "Improving"))
        {
          const char *tooltip = pm_cell_get_tip (GTK_WIDGET (cell));
          g_autoptr(GtkTooltip) shown = g_object_new (GTK_TYPE_TOOLTIP, NULL);
          gboolean has_tip = FALSE;

          /* What GTK asks when the pointer rests on the cell. */
          g_assert_true (gtk_widget_get_has_tooltip (GTK_WIDGET (cell)));
          g_signal_emit_by_name (cell, "query-tooltip", 1, 1, FALSE, shown, &has_tip);
          g_assert_true (has_tip);

          g_assert_cmpstr (tooltip, ==, "Improving: down from a baseline of 17 to 16, and this KPI should go down");
          improving++;
        }
    }
  g_assert_cmpuint (improving, ==, 1);
}

static gboolean
scrolled_down (gpointer data)
{
  GtkAdjustment *adjustment = data;

  return gtk_adjustment_get_value (adjustment) > 0;
}

/* A KPI chosen from the overview's To Chase list (win.show-kpi) was
 * selected but left out of sight at the bottom of the table. */
static void
test_chosen_kpi_scrolled_into_view (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(PmProgramme) programme = pm_test_store_read (fixture->path, PM_STORE_OPEN_READ_ONLY);
  PmPilot *pilot = pm_test_first_pilot (programme, "Stafford");
  GListModel *kpis = pm_pilot_get_kpis (pilot);
  PmKpi *last = pm_test_item (kpis, g_list_model_get_n_items (kpis) - 1);
  GtkWidget *view = table_child (fixture, "kpi_view");
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  PmPilotPage *page = gui_test_window_child (fixture, "pilot_page");

  g_assert_cmpuint (g_list_model_get_n_items (kpis), >=, 8);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-kpi", "x",
                                             pm_kpi_get_id (last)));
  gui_test_drain ();
  g_assert_cmpstr (pm_kpi_get_title (pm_pilot_page_get_selected_kpi (page)), ==, pm_kpi_get_title (last));

  /* The table is shorter than its ten rows: the last is only in view
   * when the table has scrolled down to it. */
  g_assert_nonnull (adjustment);
  gui_test_wait_until (scrolled_down, adjustment);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment),
                     >=, gtk_adjustment_get_upper (adjustment) - 1);
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

  ADD ("/gui/entry/opens-on-due-period", test_opens_on_due_period);
  g_test_add_func ("/gui/entry/opens-on-latest-values", test_opens_on_latest_values);
  ADD ("/gui/entry/period-remembered-per-database", test_period_remembered_per_database);
  ADD ("/gui/entry/period-search", test_period_search);
  ADD ("/gui/entry/period-marks", test_period_marks);
  ADD ("/gui/entry/apply-only-while-editing", test_apply_only_while_editing);
  ADD ("/gui/entry/invalid-value", test_invalid_value);
  ADD ("/gui/entry/context-beside-value", test_context_beside_value);
  ADD ("/gui/entry/chosen-kpi-scrolled-into-view", test_chosen_kpi_scrolled_into_view);
  ADD ("/gui/entry/travel-words-in-table", test_travel_words_in_table);
  ADD ("/gui/entry/yearly-period-shown-as-itself", test_yearly_period_shown_as_itself);

  status = g_test_run ();
  g_clear_object (&app);

  return status;
}
