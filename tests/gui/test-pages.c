/* test-pages.c: the window's pages and forms, driven as a person would
 * (needs a display)
 *
 * Moving between pages through the window's actions and the overview's
 * links; the quarter's report (narrative, families supported), about the
 * pilot and the spend following edits; the forms that edit what is there
 * already, and Preferences. Each test builds the window on a fresh copy of
 * the sample programme; what is asserted about the data is read back from
 * the database file by a fresh PmStore. With no display the test says it
 * is skipped.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "gui-test-util.h"
#include "pm-application.h"
#include "pm-edit-dialog.h"
#include "pm-indicator-totals-group.h"
#include "pm-kpi-table.h"
#include "pm-pilot-about.h"
#include "pm-preferences-dialog.h"
#include "pm-quarter-report.h"
#include "pm-window-private.h"

#define CANNOCK "Cannock Chase"
#define WCFC "WCFC to work with 75"

static PmApplication *app;

typedef GuiTestWindow Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  gui_test_window_open (fixture, app, "pm-test-pages", 0, 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gui_test_window_close (fixture);
}

/* The programme as the file holds it, read by a fresh store. */
static PmProgramme *
load_back_programme (Fixture *fixture)
{
  return pm_test_store_read (fixture->path, PM_STORE_OPEN_READ_ONLY);
}

/* Cannock's pilot as the file holds it, read by a fresh store. */
static PmProgramme *
load_back (Fixture  *fixture,
           PmPilot **pilot)
{
  PmProgramme *programme = load_back_programme (fixture);

  *pilot = pm_test_first_pilot (programme, CANNOCK);

  return programme;
}

static GtkWidget *
quarter_report (Fixture *fixture)
{
  return gui_test_template_child (gui_test_window_child (fixture, "pilot_page"), PM_TYPE_PILOT_PAGE, "quarter_report");
}

static void
show_view (Fixture    *fixture,
           const char *name)
{
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (gui_test_template_child (gui_test_window_child (fixture, "pilot_page"),
                                                                         PM_TYPE_PILOT_PAGE, "view_stack")),
                                         name);
  gui_test_drain ();
}

static char *
progress_on_disk (Fixture *fixture,
                  int      year,
                  int      quarter)
{
  g_autoptr(PmPeriod) period = pm_period_new (year, quarter);
  PmPilot *pilot;
  g_autoptr(PmProgramme) programme = load_back (fixture, &pilot);
  PmNarrative *narrative = pm_pilot_get_narrative (pilot, period);

  return narrative != NULL ? g_strdup (pm_narrative_get_progress (narrative)) : NULL;
}

/* Replaces what @view holds, as typing does. */
static void
type_into (GtkTextView *view,
           const char  *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_delete_interactive (buffer, &start, &end, TRUE);
  gtk_text_buffer_insert_interactive_at_cursor (buffer, text, -1, TRUE);
}

/* Presses the edit dialog's default button (Save), as a click does. */
static void
accept_edit_dialog (void)
{
  PmEditDialog *dialog = gui_test_find_toplevel (PM_TYPE_EDIT_DIALOG);

  g_assert_nonnull (dialog);
  g_signal_emit_by_name (gtk_window_get_default_widget (GTK_WINDOW (dialog)), "clicked");
  gui_test_drain ();
  g_assert_null (gui_test_find_toplevel (PM_TYPE_EDIT_DIALOG));
}

static void
set_edit_field (const char *key,
                const char *text)
{
  PmEditDialog *dialog = gui_test_find_toplevel (PM_TYPE_EDIT_DIALOG);

  g_assert_nonnull (dialog);
  gtk_editable_set_text (GTK_EDITABLE (pm_edit_dialog_get_field (dialog, key)), text);
}

/* The window's actions that pages and dialogs move by, each given an id:
 * a KPI's shows its pilot with the KPI selected, ready for its value; a
 * district's its overview; the overview the whole programme. */
static void
test_show_actions (Fixture       *fixture,
                   gconstpointer  data)
{
  PmProgramme *programme = pm_window_get_programme (fixture->window);
  PmDistrict *tamworth = pm_programme_find_district (programme, "Tamworth");
  g_autoptr(PmPilot) pilot = g_list_model_get_item (pm_district_get_pilots (tamworth), 0);
  g_autoptr(PmKpi) kpi = g_list_model_get_item (pm_pilot_get_kpis (pilot), 1);
  GtkWidget *page = gui_test_window_child (fixture, "pilot_page");
  GtkWidget *overview = gui_test_window_child (fixture, "overview_page");
  GtkWidget *title = gui_test_template_child (overview, PM_TYPE_OVERVIEW_PAGE, "title_label");

  g_assert_true (gtk_stack_get_visible_child (gui_test_window_child (fixture, "stack")) == overview);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-kpi", "x",
                                             pm_kpi_get_id (kpi)));
  gui_test_drain ();
  g_assert_true (gtk_stack_get_visible_child (gui_test_window_child (fixture, "stack")) == page);
  g_assert_true (pm_pilot_page_get_pilot (PM_PILOT_PAGE (page)) == pilot);
  g_assert_true (pm_pilot_page_get_selected_kpi (PM_PILOT_PAGE (page)) == kpi);
  g_assert_true (pm_sidebar_get_selected_item (gui_test_window_child (fixture, "sidebar")) == G_OBJECT (pilot));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-district", "x",
                                             pm_district_get_id (tamworth)));
  gui_test_drain ();
  g_assert_true (gtk_stack_get_visible_child (gui_test_window_child (fixture, "stack")) == overview);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (title)), ==, "Tamworth");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-overview", NULL));
  gui_test_drain ();
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (title)), ==, pm_programme_get_name (programme));

  /* An id that names nothing leaves the page as it is. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-kpi", "x",
                                             (gint64) 987654321));
  gui_test_drain ();
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (title)), ==, pm_programme_get_name (programme));
}

/* The overview's links go where they say: a pilot's name to its page, a
 * KPI in the chase list to the KPI, selected for its value. */
static void
test_overview_links (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWidget *overview = gui_test_window_child (fixture, "overview_page");
  GtkWidget *page = gui_test_window_child (fixture, "pilot_page");
  GtkWidget *pilots = gui_test_template_child (overview, PM_TYPE_OVERVIEW_PAGE, "pilots_grid");
  GtkListBox *chase = GTK_LIST_BOX (gui_test_template_child (overview, PM_TYPE_OVERVIEW_PAGE, "chase_list"));
  GtkWidget *link = gui_test_find_descendant (pilots, GTK_TYPE_BUTTON, "win.show-pilot");
  AdwExpanderRow *group;
  GtkWidget *row;
  GVariant *target;
  PmPilot *pilot;
  PmKpi *kpi;

  gui_test_drain ();
  g_assert_nonnull (link);
  target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (link));
  pilot = pm_session_find_pilot (pm_window_get_session (fixture->window), g_variant_get_int64 (target));
  g_assert_nonnull (pilot);
  g_signal_emit_by_name (link, "clicked");
  gui_test_drain ();
  g_assert_true (gtk_stack_get_visible_child (gui_test_window_child (fixture, "stack")) == page);
  g_assert_true (pm_pilot_page_get_pilot (PM_PILOT_PAGE (page)) == pilot);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-overview", NULL));
  gui_test_drain ();
  group = ADW_EXPANDER_ROW (gtk_list_box_get_row_at_index (chase, 0));
  g_assert_nonnull (group);
  adw_expander_row_set_expanded (group, TRUE);
  row = gui_test_find_descendant (GTK_WIDGET (group), ADW_TYPE_ACTION_ROW, "win.show-kpi");
  g_assert_nonnull (row);
  target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (row));
  kpi = pm_session_find_kpi (pm_window_get_session (fixture->window), g_variant_get_int64 (target));
  g_assert_nonnull (kpi);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, pm_kpi_get_title (kpi));

  /* As Enter or a click on the row does. */
  g_signal_emit_by_name (row, "activate");
  gui_test_drain ();
  g_assert_true (gtk_stack_get_visible_child (gui_test_window_child (fixture, "stack")) == page);
  g_assert_true (pm_pilot_page_get_selected_kpi (PM_PILOT_PAGE (page)) == kpi);
}

/* The number of links to @action_name among @grid's cells. */
static guint
count_links (GtkWidget  *grid,
             const char *action_name)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (grid); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += GTK_IS_ACTIONABLE (child) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (child)), action_name) == 0;

  return n;
}

/* Whether one of @grid's cells is a label reading @text. */
static gboolean
has_label (GtkWidget  *grid,
           const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (grid); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LABEL (child) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (child)), text) == 0)
      return TRUE;

  return FALSE;
}

/* A large programme's tables show their first rows and a button for the
 * rest, rather than build a row of widgets for every district and pilot
 * before the window can be drawn; the programme's total stays below. */
static void
test_overview_first_rows (Fixture       *fixture,
                          gconstpointer  data)
{
  GtkWidget *overview = gui_test_window_child (fixture, "overview_page");
  GtkWidget *totals = gui_test_template_child (overview, PM_TYPE_OVERVIEW_PAGE, "totals_grid");
  GtkWidget *pilots = gui_test_template_child (overview, PM_TYPE_OVERVIEW_PAGE, "pilots_grid");
  GtkButton *more_districts = GTK_BUTTON (gui_test_template_child (overview, PM_TYPE_OVERVIEW_PAGE, "more_districts_button"));
  GtkButton *more_pilots = GTK_BUTTON (gui_test_template_child (overview, PM_TYPE_OVERVIEW_PAGE, "more_pilots_button"));
  PmStore *store = pm_window_get_store (fixture->window);
  PmProgramme *programme = pm_window_get_programme (fixture->window);
  GListModel *districts = pm_programme_get_districts (programme);
  g_autofree char *districts_label = NULL;
  g_autofree char *pilots_label = NULL;
  guint n_districts, n_pilots = 0;

  gui_test_drain ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (more_districts)));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (more_pilots)));

  for (guint i = 0; i < 30; i++)
    {
      g_autofree char *name = g_strdup_printf ("New District %u", i + 1);
      g_autoptr(PmDistrict) district = pm_district_new (name);
      g_autoptr(PmPilot) pilot = pm_pilot_new ("A new pilot");
      g_autoptr(GError) error = NULL;

      g_assert_true (pm_store_add_district (store, programme, district, &error));
      g_assert_no_error (error);
      g_assert_true (pm_store_add_pilot (store, district, pilot, &error));
      g_assert_no_error (error);
    }
  gui_test_drain ();

  n_districts = g_list_model_get_n_items (districts);
  for (guint i = 0; i < n_districts; i++)
    {
      g_autoptr(PmDistrict) district = g_list_model_get_item (districts, i);
      n_pilots += g_list_model_get_n_items (pm_district_get_pilots (district));
    }
  g_assert_cmpuint (n_districts, >, 25);
  g_assert_cmpuint (n_pilots, >, 25);

  g_assert_cmpuint (count_links (totals, "win.show-district"), ==, 25);
  g_assert_cmpuint (count_links (pilots, "win.show-pilot"), ==, 25);
  /* The programme's total is a plain label, not a link. */
  g_assert_true (has_label (totals, "Programme total"));
  districts_label = g_strdup_printf ("Show All %u Districts", n_districts);
  pilots_label = g_strdup_printf ("Show All %u Pilots", n_pilots);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (more_districts)));
  g_assert_cmpstr (gtk_button_get_label (more_districts), ==, districts_label);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (more_pilots)));
  g_assert_cmpstr (gtk_button_get_label (more_pilots), ==, pilots_label);

  g_signal_emit_by_name (more_districts, "clicked");
  g_signal_emit_by_name (more_pilots, "clicked");
  gui_test_drain ();
  g_assert_cmpuint (count_links (totals, "win.show-district"), ==, n_districts);
  g_assert_cmpuint (count_links (pilots, "win.show-pilot"), ==, n_pilots);
  g_assert_true (has_label (totals, "Programme total"));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (more_districts)));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (more_pilots)));
}

/* The cell beside @grid's label @text, @columns to its right. */
static GtkWidget *
cell_beside (GtkWidget  *grid,
             const char *text,
             int         columns)
{
  for (GtkWidget *child = gtk_widget_get_first_child (grid); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LABEL (child) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (child)), text) == 0)
      {
        int column, row;

        gtk_grid_query_child (GTK_GRID (grid), child, &column, &row, NULL, NULL);
        return gtk_grid_get_child_at (GTK_GRID (grid), column + columns, row);
      }

  return NULL;
}

/* Whether one of @grid's links reads @text. */
static gboolean
has_link (GtkWidget  *grid,
          const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (grid); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_BUTTON (child) && GTK_IS_LABEL (gtk_button_get_child (GTK_BUTTON (child)))
        && g_strcmp0 (gtk_label_get_label (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (child)))), text) == 0)
      return TRUE;

  return FALSE;
}

static gboolean
shows_programme_total (gpointer grid)
{
  return has_label (grid, "Programme total");
}

static void
add_pilot_to_first_district (PmStore     *store,
                             PmProgramme *programme,
                             const char  *name)
{
  g_autoptr(PmDistrict) district = g_list_model_get_item (pm_programme_get_districts (programme), 0);
  g_autoptr(PmPilot) pilot = pm_pilot_new (name);
  g_autoptr(GError) error = NULL;

  g_assert_true (pm_store_add_pilot (store, district, pilot, &error));
  g_assert_no_error (error);
}

/* A programme with a full table of districts shows them first, and what
 * is below them (the programme's total, the pilots, the chase list) once
 * they are drawn: as the data is then, a change made before included,
 * and following changes from then on. */
static void
test_overview_rest_after_first_frame (void)
{
  GuiTestWindow fixture = { 0, };
  GtkWidget *overview, *totals, *pilots, *chase_list, *pilots_group, *chase_group, *cell;
  PmProgramme *programme;
  PmStore *store;

  fixture.dir = gui_test_make_sample_database ("pm-test-pages-rest", &fixture.path);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(PmStore) setup = pm_store_open (fixture.path, PM_STORE_OPEN_DEFAULT, &error);
    g_autoptr(PmProgramme) whole = NULL;

    g_assert_no_error (error);
    whole = pm_store_load (setup, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < 30; i++)
      {
        g_autofree char *name = g_strdup_printf ("New District %u", i + 1);
        g_autoptr(PmDistrict) district = pm_district_new (name);
        g_autoptr(PmPilot) pilot = pm_pilot_new ("A new pilot");

        g_assert_true (pm_store_add_district (setup, whole, district, &error));
        g_assert_no_error (error);
        g_assert_true (pm_store_add_pilot (setup, district, pilot, &error));
        g_assert_no_error (error);
      }
  }

  fixture.window = g_object_ref_sink (pm_window_new (app));
  g_assert_true (pm_window_open_database (fixture.window, fixture.path));
  gui_test_wait_until (gui_test_is_checked, fixture.window);
  overview = gui_test_window_child (&fixture, "overview_page");
  totals = gui_test_template_child (overview, PM_TYPE_OVERVIEW_PAGE, "totals_grid");
  pilots = gui_test_template_child (overview, PM_TYPE_OVERVIEW_PAGE, "pilots_grid");
  chase_list = gui_test_template_child (overview, PM_TYPE_OVERVIEW_PAGE, "chase_list");
  pilots_group = gui_test_template_child (overview, PM_TYPE_OVERVIEW_PAGE, "pilots_group");
  chase_group = gui_test_template_child (overview, PM_TYPE_OVERVIEW_PAGE, "chase_group");
  store = pm_window_get_store (fixture.window);
  programme = pm_window_get_programme (fixture.window);

  /* Not drawn yet: the districts' first rows, and nothing shown below
   * them, rather than something empty or out of date. */
  g_assert_cmpuint (count_links (totals, "win.show-district"), ==, 25);
  g_assert_false (has_label (totals, "Programme total"));
  g_assert_false (gtk_widget_get_visible (pilots_group));
  g_assert_false (gtk_widget_get_visible (chase_group));
  g_assert_cmpuint (count_links (pilots, "win.show-pilot"), ==, 0);

  /* A change before the rest is built is in it. */
  add_pilot_to_first_district (store, programme, "Arrived Before the Rest");

  gtk_window_present (GTK_WINDOW (fixture.window));
  gui_test_wait_until (shows_programme_total, totals);
  g_assert_true (gtk_widget_get_visible (pilots_group));
  g_assert_true (gtk_widget_get_visible (chase_group));
  g_assert_nonnull (gtk_widget_get_first_child (chase_list));
  g_assert_cmpuint (count_links (pilots, "win.show-pilot"), ==, 25);
  g_assert_true (has_link (pilots, "Arrived Before the Rest"));
  /* The sample's 8 pilots, the 30 added, and the one added since. */
  cell = cell_beside (totals, "Programme total", 1);
  g_assert_true (GTK_IS_LABEL (cell));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (cell)), ==, "39");

  /* From then on the total follows the programme. */
  add_pilot_to_first_district (store, programme, "Arrived After the Rest");
  gui_test_drain ();
  cell = cell_beside (totals, "Programme total", 1);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (cell)), ==, "40");

  gui_test_window_close (&fixture);
}

/* Preferences, from the main menu: the name typed is the one changes are
 * recorded under from then on. */
static void
test_preferences_name (Fixture       *fixture,
                       gconstpointer  data)
{
  PmSession *session = pm_window_get_session (fixture->window);
  GSettings *settings = pm_session_get_settings (session);
  g_autofree char *kept = NULL;
  PmPreferencesDialog *dialog;
  GtkWidget *row;

  g_settings_set_string (settings, "author-name", "Sam Office");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.preferences", NULL));
  dialog = gui_test_find_toplevel (PM_TYPE_PREFERENCES_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  row = gui_test_template_child (dialog, PM_TYPE_PREFERENCES_DIALOG, "author_row");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "Sam Office");

  gtk_editable_set_text (GTK_EDITABLE (row), "Alex Lead");
  kept = g_settings_get_string (settings, "author-name");
  g_assert_cmpstr (kept, ==, "Alex Lead");
  g_assert_cmpstr (pm_session_get_author (session), ==, "Alex Lead");
  g_assert_cmpstr (pm_store_get_author (pm_window_get_store (fixture->window)), ==, "Alex Lead");

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_settings_reset (settings, "author-name");
}

/* What moving the focus out of @view does. */
static void
leave_field (GtkWidget *view)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (view);
  guint left = 0;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_FOCUS (controller))
        {
          g_signal_emit_by_name (controller, "leave");
          left++;
        }
    }
  g_assert_cmpuint (left, >, 0);
  gui_test_drain ();
}

/* The quarter's narrative: leaving a field writes it, with Undo, and that
 * is the one way (no Save button beside "Saved when you leave a field");
 * what is typed is kept when the person moves to another quarter. */
static void
test_narrative_saved (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkWidget *report = quarter_report (fixture);
  GtkTextView *progress = GTK_TEXT_VIEW (gui_test_template_child (report, PM_TYPE_QUARTER_REPORT, "progress_view"));
  GtkWidget *group = gui_test_template_child (report, PM_TYPE_QUARTER_REPORT, "narrative_group");
  g_autofree char *original = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *q4 = NULL;

  gui_test_select_pilot (fixture, CANNOCK);
  gui_test_select_period (fixture, 2016, 3);
  show_view (fixture, "report");
  original = progress_on_disk (fixture, 2016, 3);
  g_assert_nonnull (original);
  g_assert_cmpstr (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (group)), ==, "Narrative for Q3 2016/17");

  g_assert_null (adw_preferences_group_get_header_suffix (ADW_PREFERENCES_GROUP (group)));
  type_into (progress, "Nine families now.");
  leave_field (GTK_WIDGET (progress));
  saved = progress_on_disk (fixture, 2016, 3);
  g_assert_cmpstr (saved, ==, "Nine families now.");
  g_assert_cmpstr (adw_toast_get_title (_pm_window_get_toast (fixture->window)), ==, "Narrative saved");

  gui_test_activate_undo (fixture);
  g_clear_pointer (&saved, g_free);
  saved = progress_on_disk (fixture, 2016, 3);
  g_assert_cmpstr (saved, ==, original);

  /* Typed for Q4, then another quarter chosen before leaving the field. */
  gui_test_select_period (fixture, 2016, 4);
  g_assert_null (progress_on_disk (fixture, 2016, 4));
  type_into (progress, "Started the second cohort.");
  gui_test_select_period (fixture, 2017, 1);
  q4 = progress_on_disk (fixture, 2016, 4);
  g_assert_cmpstr (q4, ==, "Started the second cohort.");
}

/* Families supported: a figure is saved on Enter; letters are explained
 * beside the fields and nothing is saved. */
static void
test_reach_saved (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkWidget *report = quarter_report (fixture);
  GtkListBox *list = GTK_LIST_BOX (gui_test_template_child (report, PM_TYPE_QUARTER_REPORT, "reach_list"));
  GtkWidget *error_label = gui_test_template_child (report, PM_TYPE_QUARTER_REPORT, "reach_error");
  g_autoptr(PmPeriod) q3 = pm_period_new (2016, 3);
  GtkWidget *row;
  PmPilot *pilot;

  gui_test_select_pilot (fixture, CANNOCK);
  gui_test_select_period (fixture, 2016, 3);
  show_view (fixture, "report");
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (list, 0));
  g_assert_true (ADW_IS_ENTRY_ROW (row));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "WCFC (target 75)");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "5");

  gtk_editable_set_text (GTK_EDITABLE (row), "some");
  g_signal_emit_by_name (row, "entry-activated");
  gui_test_drain ();
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  {
    g_autoptr(PmProgramme) programme = load_back (fixture, &pilot);

    g_assert_cmpint (pm_pilot_get_reach_at (pilot, q3), ==, 7);
  }

  /* The rows are made again once the figure is saved. */
  gtk_editable_set_text (GTK_EDITABLE (row), "9");
  g_signal_emit_by_name (row, "entry-activated");
  gui_test_drain ();
  g_assert_false (gtk_widget_get_visible (error_label));
  g_assert_cmpstr (adw_toast_get_title (_pm_window_get_toast (fixture->window)), ==, "Families supported saved");
  {
    g_autoptr(PmProgramme) programme = load_back (fixture, &pilot);

    g_assert_cmpint (pm_pilot_get_reach_at (pilot, q3), ==, 11);
  }
}

/* What a pilot's reach counts is set in the pilot's form (families
 * until then); the page and its quarterly report say it at once, with
 * the figures as the prints word them, and the file keeps it. */
static void
test_reach_unit (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkWidget *page = gui_test_window_child (fixture, "pilot_page");
  GtkWidget *report = quarter_report (fixture);
  GtkLabel *label = GTK_LABEL (gui_test_template_child (page, PM_TYPE_PILOT_PAGE, "reach_label"));
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (gui_test_template_child (report, PM_TYPE_QUARTER_REPORT,
                                                                                "reach_group"));
  g_autoptr(PmProgramme) saved = NULL;
  PmEditDialog *dialog;
  PmPilot *pilot;

  gui_test_select_pilot (fixture, CANNOCK);
  gui_test_select_period (fixture, 2016, 3);
  g_assert_cmpstr (gtk_label_get_label (label), ==, "Families supported: 7 of 125 families (6%)");

  g_assert_true (gtk_widget_activate_action (page, "pilot.edit", NULL));
  dialog = gui_test_find_toplevel (PM_TYPE_EDIT_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (pm_edit_dialog_get_field (dialog, "reach-unit"))), ==,
                   "families");
  set_edit_field ("reach-unit", "children");
  accept_edit_dialog ();

  g_assert_cmpstr (gtk_label_get_label (label), ==, "Children supported: 7 of 125 children (6%)");
  show_view (fixture, "report");
  g_assert_cmpstr (adw_preferences_group_get_title (group), ==, "Children Supported by the End of Q3 2016/17");
  saved = load_back (fixture, &pilot);
  g_assert_cmpstr (pm_pilot_get_reach_unit (pilot), ==, "children");
}

/* About the pilot and the spend follow a change made through the pilot's
 * menu, as soon as it is saved. */
static void
test_about_and_spend_follow_edits (Fixture       *fixture,
                                   gconstpointer  data)
{
  GtkWidget *page = gui_test_window_child (fixture, "pilot_page");
  GtkWidget *about = gui_test_template_child (page, PM_TYPE_PILOT_PAGE, "pilot_about");
  GtkWidget *lead = gui_test_template_child (about, PM_TYPE_PILOT_ABOUT, "lead_row");
  GtkWidget *spend = gui_test_template_child (quarter_report (fixture), PM_TYPE_QUARTER_REPORT, "spend_group");
  GtkWidget *spend_label = gui_test_template_child (page, PM_TYPE_PILOT_PAGE, "spend_label");
  PmEditDialog *dialog;
  GtkLabel *status = GTK_LABEL (gui_test_template_child (page, PM_TYPE_PILOT_PAGE, "status_label"));

  gui_test_select_pilot (fixture, CANNOCK);
  gui_test_select_period (fixture, 2016, 3);
  g_assert_cmpstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (spend)), ==,
                   "By the end of Q3 2016/17: £4,900 spent");
  /* The lead's view of delivery is said to be the lead's, beside KPIs
   * marked R. */
  g_assert_cmpstr (gtk_label_get_label (status), ==, "Lead: on track");

  g_assert_true (gtk_widget_activate_action (page, "pilot.edit", NULL));
  dialog = gui_test_find_toplevel (PM_TYPE_EDIT_DIALOG);
  g_assert_nonnull (dialog);
  gtk_editable_set_text (GTK_EDITABLE (pm_edit_dialog_get_field (dialog, "lead")), "Jo Commissioner");
  g_signal_emit_by_name (gtk_window_get_default_widget (GTK_WINDOW (dialog)), "clicked");
  gui_test_drain ();
  g_assert_null (gui_test_find_toplevel (PM_TYPE_EDIT_DIALOG));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (lead)), ==, "Jo Commissioner");

  g_assert_true (gtk_widget_activate_action (page, "pilot.add-spend", NULL));
  dialog = gui_test_find_toplevel (PM_TYPE_EDIT_DIALOG);
  g_assert_nonnull (dialog);
  gtk_editable_set_text (GTK_EDITABLE (pm_edit_dialog_get_field (dialog, "description")), "Room hire");
  gtk_editable_set_text (GTK_EDITABLE (pm_edit_dialog_get_field (dialog, "amount")), "£100");
  g_signal_emit_by_name (gtk_window_get_default_widget (GTK_WINDOW (dialog)), "clicked");
  gui_test_drain ();
  g_assert_null (gui_test_find_toplevel (PM_TYPE_EDIT_DIALOG));
  g_assert_cmpstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (spend)), ==,
                   "By the end of Q3 2016/17: £5,000 spent");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (spend_label)), ==, "Spend: £5,000 spent");
}

/* Editing what is there already, through each form: the KPI (undone
 * after), the district and the programme, whose name is the window's
 * title. What is asserted is read back from the file. */
static void
test_edit_forms_update (Fixture       *fixture,
                        gconstpointer  data)
{
  PmProgramme *programme = pm_window_get_programme (fixture->window);
  PmDistrict *cannock = pm_programme_find_district (programme, CANNOCK);
  AdwWindowTitle *title = gui_test_window_child (fixture, "window_title");
  g_autoptr(PmProgramme) saved = NULL;
  g_autoptr(PmKpi) kpi = NULL;
  PmPilot *pilot;

  gui_test_select_pilot (fixture, CANNOCK);
  gui_test_select_kpi (fixture, WCFC);
  g_assert_true (gtk_widget_activate_action (gui_test_kpi_table (fixture), "kpi.edit", NULL));
  set_edit_field ("title", "WCFC families supported");
  set_edit_field ("tolerance", "20");
  accept_edit_dialog ();
  g_assert_cmpstr (adw_toast_get_title (_pm_window_get_toast (fixture->window)), ==, "KPI saved");
  saved = load_back (fixture, &pilot);
  kpi = g_list_model_get_item (pm_pilot_get_kpis (pilot), 0);
  g_assert_cmpstr (pm_kpi_get_title (kpi), ==, "WCFC families supported");
  g_assert_cmpfloat_with_epsilon (pm_kpi_get_tolerance (kpi), 0.2, 1e-9);
  g_clear_object (&kpi);
  g_clear_object (&saved);

  gui_test_activate_undo (fixture);
  saved = load_back (fixture, &pilot);
  kpi = g_list_model_get_item (pm_pilot_get_kpis (pilot), 0);
  g_assert_true (g_str_has_prefix (pm_kpi_get_title (kpi), WCFC));
  g_clear_object (&saved);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-district", "x",
                                             pm_district_get_id (cannock)));
  gui_test_drain ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.edit-district", NULL));
  set_edit_field ("name", "Cannock");
  accept_edit_dialog ();
  g_assert_cmpstr (adw_toast_get_title (_pm_window_get_toast (fixture->window)), ==, "District renamed");
  saved = load_back_programme (fixture);
  g_assert_nonnull (pm_programme_find_district (saved, "Cannock"));
  g_clear_object (&saved);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.edit-programme", NULL));
  set_edit_field ("name", "District Pilots 2017");
  accept_edit_dialog ();
  saved = load_back_programme (fixture);
  g_assert_cmpstr (pm_programme_get_name (saved), ==, "District Pilots 2017");
  g_assert_cmpstr (adw_window_title_get_title (title), ==, "District Pilots 2017");
}

/* Notes on the data are written in the KPI and pilot forms, in a field
 * of several lines, and kept in the file. (One form a test: each saves
 * with a toast.) */
static void
test_kpi_notes_edited (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(PmProgramme) saved = NULL;
  g_autoptr(PmKpi) kpi = NULL;
  PmEditDialog *dialog;
  PmPilot *pilot;

  gui_test_select_pilot (fixture, CANNOCK);
  gui_test_select_kpi (fixture, WCFC);
  g_assert_true (gtk_widget_activate_action (gui_test_kpi_table (fixture), "kpi.edit", NULL));
  dialog = gui_test_find_toplevel (PM_TYPE_EDIT_DIALOG);
  g_assert_nonnull (dialog);
  type_into (GTK_TEXT_VIEW (pm_edit_dialog_get_field (dialog, "notes")), "Counted by the provider.\nMonthly.");
  accept_edit_dialog ();
  saved = load_back (fixture, &pilot);
  kpi = g_list_model_get_item (pm_pilot_get_kpis (pilot), 0);
  g_assert_cmpstr (pm_kpi_get_data_notes (kpi), ==, "Counted by the provider.\nMonthly.");
}

/* The pilot's form opens with the notes it has; what is saved is kept
 * and shown on the pilot's About. */
static void
test_pilot_notes_edited (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkWidget *page = gui_test_window_child (fixture, "pilot_page");
  GtkWidget *about = gui_test_template_child (page, PM_TYPE_PILOT_PAGE, "pilot_about");
  GtkWidget *notes_row = gui_test_template_child (about, PM_TYPE_PILOT_ABOUT, "notes_row");
  g_autoptr(PmProgramme) saved = NULL;
  PmEditDialog *dialog;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *shown = NULL;
  PmPilot *pilot;

  gui_test_select_pilot (fixture, CANNOCK);
  g_assert_true (gtk_widget_activate_action (page, "pilot.edit", NULL));
  dialog = gui_test_find_toplevel (PM_TYPE_EDIT_DIALOG);
  g_assert_nonnull (dialog);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (pm_edit_dialog_get_field (dialog, "notes")));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_true (g_str_has_prefix (shown, "Reach: Appendix A's summary gives 150 families"));
  type_into (GTK_TEXT_VIEW (pm_edit_dialog_get_field (dialog, "notes")), "The sources disagree.\n\nSee the body.");
  accept_edit_dialog ();
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (notes_row)), ==,
                   "The sources disagree.\n\nSee the body.");
  saved = load_back (fixture, &pilot);
  g_assert_cmpstr (pm_pilot_get_data_notes (pilot), ==, "The sources disagree.\n\nSee the body.");
}

static void
add_district_kpi (PmProgramme *programme,
                  const char  *name,
                  PmPeriod    *period,
                  double       value)
{
  g_autoptr(PmDistrict) district = pm_district_new (name);
  g_autoptr(PmPilot) pilot = pm_pilot_new ("Children's centre");
  g_autoptr(PmKpi) kpi = pm_kpi_new ("Children seen", PM_UNIT_COUNT, PM_DIRECTION_INCREASE);
  g_autoptr(GError) error = NULL;

  pm_kpi_set_indicator (kpi, "children-seen");
  if (value >= 0)
    {
      g_autoptr(PmProgressEntry) entry = pm_progress_entry_new (period);

      pm_progress_entry_set_value (entry, value);
      g_assert_true (pm_kpi_set_entry (kpi, entry, &error));
      g_assert_no_error (error);
    }
  pm_pilot_add_kpi (pilot, kpi);
  pm_district_add_pilot (district, pilot);
  g_assert_true (pm_programme_add_district (programme, district, &error));
  g_assert_no_error (error);
}

/* A label under @widget whose text starts with @prefix, or NULL. */
static GtkWidget *
find_label (GtkWidget  *widget,
            const char *prefix)
{
  if (GTK_IS_LABEL (widget) && g_str_has_prefix (gtk_label_get_label (GTK_LABEL (widget)), prefix))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, prefix);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The overview's programme totals: the sum of the districts that
 * reported, and the one that has not named beside it. */
static void
test_indicator_totals (void)
{
  g_autoptr(PmProgramme) programme = pm_programme_new ("Programme");
  g_autoptr(PmIndicator) indicator = pm_indicator_new ("children-seen", "Children seen", PM_UNIT_COUNT,
                                                       PM_DIRECTION_INCREASE, PM_AGGREGATION_SUM);
  g_autoptr(PmPeriod) period = pm_period_new (2016, 3);
  g_autoptr(GError) error = NULL;
  PmIndicatorTotalsGroup *group = g_object_ref_sink (g_object_new (PM_TYPE_INDICATOR_TOTALS_GROUP, NULL));
  GtkWidget *list = gui_test_template_child (group, PM_TYPE_INDICATOR_TOTALS_GROUP, "list");
  GtkWidget *row;

  g_assert_true (pm_programme_add_indicator (programme, indicator, &error));
  g_assert_no_error (error);
  add_district_kpi (programme, "Cannock Chase", period, 1200);
  add_district_kpi (programme, "Lichfield", period, 87);
  add_district_kpi (programme, "Tamworth", period, -1);

  pm_indicator_totals_group_update (group, programme, period);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (group)));
  row = gtk_widget_get_first_child (list);
  g_assert_true (ADW_IS_ACTION_ROW (row));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Children seen");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                            "2 of 3 districts reported; not reported: Tamworth"));
  /* The total (1,200 + 87, Tamworth not counted) is a suffix label. */
  g_assert_nonnull (find_label (row, "1,287"));

  /* Without indicators, or on a district's page, there is nothing to show. */
  pm_indicator_totals_group_update (group, NULL, period);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (group)));
  g_assert_null (gtk_widget_get_first_child (list));
  g_object_unref (group);
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

  ADD ("/gui/pages/show-actions", test_show_actions);
  ADD ("/gui/pages/preferences-name", test_preferences_name);
  ADD ("/gui/pages/narrative-saved", test_narrative_saved);
  ADD ("/gui/pages/reach-saved", test_reach_saved);
  ADD ("/gui/pages/reach-unit", test_reach_unit);
  ADD ("/gui/pages/about-and-spend-follow-edits", test_about_and_spend_follow_edits);
  ADD ("/gui/pages/edit-forms-update", test_edit_forms_update);
  ADD ("/gui/pages/overview-links", test_overview_links);
  ADD ("/gui/pages/overview-first-rows", test_overview_first_rows);
  g_test_add_func ("/gui/pages/overview-rest-after-first-frame", test_overview_rest_after_first_frame);
  ADD ("/gui/pages/kpi-notes-edited", test_kpi_notes_edited);
  ADD ("/gui/pages/pilot-notes-edited", test_pilot_notes_edited);
  g_test_add_func ("/gui/pages/indicator-totals", test_indicator_totals);

#undef ADD

  status = g_test_run ();
  g_clear_object (&app);

  return status;
}
