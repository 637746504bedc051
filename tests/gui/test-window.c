/* test-window.c: the real window, driven as a person would (needs a display)
 *
 * Run under Xvfb (`xvfb-run -a meson test ...`). Each test builds the
 * window on a fresh copy of the sample programme, picks the pilot in the
 * sidebar's own selection model, the quarter in the period drop-down and
 * the KPI in the table's selection, types into the real entry and
 * activates it. What is asserted is read back from the database file by a
 * fresh PmStore. With no display the test says it is skipped.
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
#include "pm-connect-dialog.h"
#include "pm-edit-dialog.h"
#include "pm-format.h"
#include "pm-history-dialog.h"
#include "pm-kpi-row.h"
#include "pm-kpi-table.h"
#include "pm-pilot-about.h"
#include "pm-preferences-dialog.h"
#include "pm-quarter-report.h"
#include "pm-window-private.h"
#include "store/pm-sample.h"
#include "pg-test-util.h"

#define CANNOCK "Cannock Chase"
#define WCFC "WCFC to work with 75"
#define OUTCOMES "% of families reporting improved outcomes"

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
  fixture->dir = gui_test_make_sample_database ("pm-test-window", &fixture->path);
  fixture->window = g_object_ref_sink (pm_window_new (app));
  g_assert_true (pm_window_open_database (fixture->window, fixture->path));
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

/* The first widget under @widget (itself included) that is a @type and,
 * for an actionable one, bound to @action_name. */
static GtkWidget *
find_descendant (GtkWidget  *widget,
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
      GtkWidget *found = find_descendant (child, type, action_name);

      if (found != NULL)
        return found;
    }

  return NULL;
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

static GtkLabel *
value_error (Fixture *fixture)
{
  return GTK_LABEL (template_child (kpi_table (fixture), PM_TYPE_KPI_TABLE, "value_error"));
}

/* The entry for a KPI and quarter as the file holds it, read by a fresh
 * store: TRUE and its value, or FALSE when there is none. */
static gboolean
read_back (Fixture    *fixture,
           const char *title_start,
           int         year,
           int         quarter,
           double     *value)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PmStore) fresh = pm_store_open (fixture->path, PM_STORE_OPEN_READ_ONLY, &error);
  g_autoptr(PmProgramme) programme = NULL;
  g_autoptr(PmPeriod) period = pm_period_new (year, quarter);
  g_autoptr(PmPilot) pilot = NULL;
  GListModel *kpis;

  g_assert_no_error (error);
  programme = pm_store_load (fresh, &error);
  g_assert_no_error (error);
  pm_store_close (fresh);

  pilot = g_list_model_get_item (pm_district_get_pilots (pm_programme_find_district (programme, CANNOCK)), 0);
  kpis = pm_pilot_get_kpis (pilot);
  for (guint i = 0; i < g_list_model_get_n_items (kpis); i++)
    {
      g_autoptr(PmKpi) kpi = g_list_model_get_item (kpis, i);
      PmProgressEntry *entry;

      if (!g_str_has_prefix (pm_kpi_get_title (kpi), title_start))
        continue;

      entry = pm_kpi_get_entry (kpi, period);
      if (entry == NULL || !pm_progress_entry_has_value (entry))
        return FALSE;
      *value = pm_progress_entry_get_value (entry);
      return TRUE;
    }

  g_assert_not_reached ();
}

static void
activate_undo (Fixture *fixture)
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

static void
test_enter_value_and_undo (Fixture       *fixture,
                           gconstpointer  data)
{
  double value = 0;

  select_pilot_in_sidebar (fixture, CANNOCK);
  g_assert_true (gtk_stack_get_visible_child (window_child (fixture, "stack")) == GTK_WIDGET (window_child (fixture, "pilot_page")));
  g_assert_cmpstr (pm_district_get_name (pm_pilot_get_district (pm_pilot_page_get_pilot (window_child (fixture, "pilot_page")))),
                   ==, CANNOCK);

  select_period (fixture, 2016, 3);
  select_kpi_in_table (fixture, WCFC);

  g_assert_true (read_back (fixture, WCFC, 2016, 3, &value));
  g_assert_cmpfloat (value, ==, 5);

  type_value (fixture, "9");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (value_error (fixture))));
  g_assert_true (read_back (fixture, WCFC, 2016, 3, &value));
  g_assert_cmpfloat (value, ==, 9);

  activate_undo (fixture);
  g_assert_true (read_back (fixture, WCFC, 2016, 3, &value));
  g_assert_cmpfloat (value, ==, 5);
  /* and the field shows the restored value */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (template_child (kpi_table (fixture), PM_TYPE_KPI_TABLE, "value_row"))),
                   ==, "5");
}

static void
test_first_value_undone (Fixture       *fixture,
                         gconstpointer  data)
{
  double value = 0;

  select_pilot_in_sidebar (fixture, CANNOCK);
  select_period (fixture, 2016, 4);
  select_kpi_in_table (fixture, WCFC);
  g_assert_false (read_back (fixture, WCFC, 2016, 4, &value));

  type_value (fixture, "12");
  g_assert_true (read_back (fixture, WCFC, 2016, 4, &value));
  g_assert_cmpfloat (value, ==, 12);

  activate_undo (fixture);
  g_assert_false (read_back (fixture, WCFC, 2016, 4, &value));
}

static void
test_bad_values_refused (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkLabel *error_label;
  GtkWidget *row;
  double value = 0;

  select_pilot_in_sidebar (fixture, CANNOCK);
  select_period (fixture, 2016, 3);
  select_kpi_in_table (fixture, WCFC);
  error_label = value_error (fixture);
  row = template_child (kpi_table (fixture), PM_TYPE_KPI_TABLE, "value_row");

  /* Letters: explained beside the field as typed, and not saved on Enter. */
  type_value (fixture, "abc");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  g_assert_cmpstr (gtk_label_get_label (error_label), !=, "");
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  g_assert_null (_pm_window_get_toast (fixture->window));
  g_assert_true (read_back (fixture, WCFC, 2016, 3, &value));
  g_assert_cmpfloat (value, ==, 5);

  /* A good value clears the message. */
  gtk_editable_set_text (GTK_EDITABLE (row), "6");
  gui_test_drain ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  g_assert_false (gtk_widget_has_css_class (row, "error"));

  /* 140 for a percentage is out of range, and nothing is saved. */
  select_kpi_in_table (fixture, OUTCOMES);
  g_assert_false (read_back (fixture, OUTCOMES, 2016, 3, &value));
  type_value (fixture, "140");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  g_assert_nonnull (strstr (gtk_label_get_label (error_label), "100"));
  g_assert_false (read_back (fixture, OUTCOMES, 2016, 3, &value));
  g_assert_null (_pm_window_get_toast (fixture->window));
}

static void
test_unreadable_file_keeps_document (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autofree char *junk = g_build_filename (fixture->dir, "notes.db", NULL);
  g_autoptr(GError) error = NULL;
  PmProgramme *programme = pm_window_get_programme (fixture->window);
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n_windows = g_list_model_get_n_items (toplevels);

  g_assert_true (g_file_set_contents (junk, "These are not the figures you are looking for.\n", -1, &error));
  g_assert_no_error (error);

  g_assert_false (pm_window_open_database (fixture->window, junk));
  gui_test_drain ();

  /* Still the sample programme, and a dialog saying why. */
  g_assert_true (pm_window_get_programme (fixture->window) == programme);
  g_assert_cmpstr (pm_store_get_path (pm_window_get_store (fixture->window)), ==, fixture->path);
  g_assert_cmpuint (g_list_model_get_n_items (toplevels), ==, n_windows + 1);

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) each = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (each))
        gtk_window_destroy (each);
    }
}

/* The name typed in preferences goes with each change, and the KPI's
 * history shows the old and the new value. */
static void
test_history_shows_change (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.pilotmonitor.PilotMonitor");
  PmHistoryDialog *dialog;
  GtkListBox *list;
  AdwActionRow *row;

  g_settings_set_string (settings, "author-name", "Alex Lead");
  select_pilot_in_sidebar (fixture, CANNOCK);
  select_period (fixture, 2016, 3);
  select_kpi_in_table (fixture, WCFC);
  type_value (fixture, "9");

  g_assert_true (gtk_widget_activate_action (kpi_table (fixture), "kpi.history", NULL));
  dialog = gui_test_find_toplevel (PM_TYPE_HISTORY_DIALOG);
  g_assert_nonnull (dialog);
  list = GTK_LIST_BOX (gtk_widget_get_template_child (GTK_WIDGET (dialog), PM_TYPE_HISTORY_DIALOG, "list"));
  row = ADW_ACTION_ROW (gtk_list_box_get_row_at_index (list, 0));
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Q3 2016/17: 5 → 9");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (row), "Alex Lead · typed"));
  /* Below it, the value as the programme file gave it. */
  row = ADW_ACTION_ROW (gtk_list_box_get_row_at_index (list, 1));
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (row), "from a programme file"));

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_settings_reset (settings, "author-name");
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
  row = template_child (dialog, PM_TYPE_PREFERENCES_DIALOG, "author_row");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "Sam Office");

  gtk_editable_set_text (GTK_EDITABLE (row), "Alex Lead");
  kept = g_settings_get_string (settings, "author-name");
  g_assert_cmpstr (kept, ==, "Alex Lead");
  g_assert_cmpstr (pm_session_get_author (session), ==, "Alex Lead");
  g_assert_cmpstr (pm_store_get_author (pm_window_get_store (fixture->window)), ==, "Alex Lead");

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_settings_reset (settings, "author-name");
}

static gboolean
no_message_dialog (gpointer data)
{
  return gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) == NULL;
}

static PmSignoffState
signoff_on_disk (Fixture *fixture,
                 char   **comment)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PmStore) store = pm_store_open (fixture->path, PM_STORE_OPEN_READ_ONLY, &error);
  g_autoptr(PmProgramme) programme = NULL;
  g_autoptr(PmPeriod) q3 = pm_period_new (2016, 3);
  PmSignoffState state;

  g_assert_no_error (error);
  programme = pm_store_load (store, &error);
  g_assert_no_error (error);
  state = pm_store_get_signoff (store, pm_programme_find_district (programme, CANNOCK), q3, comment, &error);
  g_assert_no_error (error);
  pm_store_close (store);
  return state;
}

/* Submitted, returned with a comment, submitted again, accepted (and the
 * value field is then read-only), reopened. */
static void
test_signoff_from_pilot_menu (Fixture       *fixture,
                              gconstpointer  data)
{
  GtkWidget *page = GTK_WIDGET (window_child (fixture, "pilot_page"));
  GtkWidget *value_row = template_child (kpi_table (fixture), PM_TYPE_KPI_TABLE, "value_row");
  GtkWidget *facts = template_child (page, PM_TYPE_PILOT_PAGE, "facts_label");
  g_autofree char *comment = NULL;
  AdwMessageDialog *dialog;

  select_pilot_in_sidebar (fixture, CANNOCK);
  select_period (fixture, 2016, 3);
  select_kpi_in_table (fixture, WCFC);
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (facts)), "Q3 2016/17: Open"));

  g_assert_true (gtk_widget_activate_action (page, "pilot.submit-quarter", NULL));
  g_assert_cmpint (signoff_on_disk (fixture, NULL), ==, PM_SIGNOFF_SUBMITTED);

  g_assert_true (gtk_widget_activate_action (page, "pilot.return-quarter", NULL));
  dialog = gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)), "Check WCFC");
  /* Held while it closes: libadwaita animates the closing, and a second
   * destroy during that animation wrote to freed memory (valgrind). */
  g_object_ref (dialog);
  adw_message_dialog_response (dialog, "return");
  g_assert_cmpint (signoff_on_disk (fixture, &comment), ==, PM_SIGNOFF_RETURNED);
  g_assert_cmpstr (comment, ==, "Check WCFC");
  gtk_window_close (GTK_WINDOW (dialog));
  gui_test_wait_until (no_message_dialog, NULL);
  g_object_unref (dialog);

  g_assert_true (gtk_widget_activate_action (page, "pilot.submit-quarter", NULL));
  g_assert_true (gtk_widget_activate_action (page, "pilot.accept-quarter", NULL));
  g_assert_cmpint (signoff_on_disk (fixture, NULL), ==, PM_SIGNOFF_ACCEPTED);
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (facts)), "Q3 2016/17: Accepted"));
  g_assert_false (gtk_widget_get_sensitive (value_row));

  g_assert_true (gtk_widget_activate_action (page, "pilot.reopen-quarter", NULL));
  g_assert_cmpint (signoff_on_disk (fixture, NULL), ==, PM_SIGNOFF_OPEN);
  g_assert_true (gtk_widget_get_sensitive (value_row));
}

static char *
round_on_disk (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PmStore) store = pm_store_open (fixture->path, PM_STORE_OPEN_READ_ONLY, &error);
  char *reported_on = NULL;

  g_assert_no_error (error);
  pm_store_get_latest_round (store, &reported_on, NULL, &error);
  g_assert_no_error (error);
  pm_store_close (store);
  return reported_on;
}

static AdwMessageDialog *
find_message_dialog (const char *heading)
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

static gboolean
freeze_dialog_gone (gpointer data)
{
  return find_message_dialog ("Freeze the Committee Round?") == NULL;
}

/* The office freezes the round from the main menu: the date is checked as
 * it is typed, the round is written, and the pilot page then says that a
 * change to the quarter is a restatement. A round dated before the last
 * one is refused with a message. */
static void
test_freeze_round_from_menu (Fixture       *fixture,
                             gconstpointer  data)
{
  GtkWidget *reported = template_child (kpi_table (fixture), PM_TYPE_KPI_TABLE, "reported_label");
  g_autofree char *on_disk = NULL;
  AdwMessageDialog *dialog;
  AdwMessageDialog *refusal;
  GtkEditable *date;

  select_pilot_in_sidebar (fixture, CANNOCK);
  select_period (fixture, 2016, 3);
  select_kpi_in_table (fixture, WCFC);
  g_assert_false (gtk_widget_get_visible (reported));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.freeze-round", NULL));
  dialog = find_message_dialog ("Freeze the Committee Round?");
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Q3 2016/17"));
  date = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));

  gtk_editable_set_text (date, "12/01/2017");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "freeze"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (date), "error"));
  gtk_editable_set_text (date, "2017-01-12");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "freeze"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (date), "error"));

  g_object_ref (dialog);
  adw_message_dialog_response (dialog, "freeze");
  on_disk = round_on_disk (fixture);
  g_assert_cmpstr (on_disk, ==, "2017-01-12");
  gtk_window_close (GTK_WINDOW (dialog));
  gui_test_wait_until (freeze_dialog_gone, NULL);
  g_object_unref (dialog);

  g_assert_cmpstr (adw_toast_get_title (_pm_window_get_toast (fixture->window)), ==,
                   "Values up to Q3 2016/17 frozen as reported on 12 January 2017");
  g_assert_true (gtk_widget_get_visible (reported));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (reported)),
                            "Q3 2016/17 was reported to the committee on 12 January 2017"));

  /* The next quarter has not been reported. */
  select_period (fixture, 2016, 4);
  g_assert_false (gtk_widget_get_visible (reported));

  /* A round before the last is refused, and nothing changes. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.freeze-round", NULL));
  dialog = find_message_dialog ("Freeze the Committee Round?");
  g_assert_nonnull (dialog);
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)), "2016-12-01");
  g_object_ref (dialog);
  adw_message_dialog_response (dialog, "freeze");
  gtk_window_close (GTK_WINDOW (dialog));
  gui_test_wait_until (freeze_dialog_gone, NULL);
  g_object_unref (dialog);
  refusal = find_message_dialog ("Could Not Freeze the Committee Round");
  g_assert_nonnull (refusal);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (refusal), "12 January 2017"));
  g_clear_pointer (&on_disk, g_free);
  on_disk = round_on_disk (fixture);
  g_assert_cmpstr (on_disk, ==, "2017-01-12");
  gtk_window_close (GTK_WINDOW (refusal));
  gui_test_wait_until (no_message_dialog, NULL);
}

/* Another window (another connection to the same database) saves
 * Cannock's WCFC value for Q3 2016/17 as @value, as someone else would. */
static void
save_elsewhere (Fixture *fixture,
                double   value)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PmStore) other = pm_store_open (fixture->path, PM_STORE_OPEN_DEFAULT, &error);
  g_autoptr(PmProgramme) programme = NULL;
  g_autoptr(PmPilot) pilot = NULL;
  g_autoptr(PmKpi) kpi = NULL;
  g_autoptr(PmPeriod) q3 = pm_period_new (2016, 3);
  g_autoptr(PmProgressEntry) entry = pm_progress_entry_new (q3);

  g_assert_no_error (error);
  pm_store_set_author (other, "Sam Office");
  programme = pm_store_load (other, &error);
  g_assert_no_error (error);
  pilot = g_list_model_get_item (pm_district_get_pilots (pm_programme_find_district (programme, CANNOCK)), 0);
  kpi = g_list_model_get_item (pm_pilot_get_kpis (pilot), 0);
  g_assert_true (g_str_has_prefix (pm_kpi_get_title (kpi), WCFC));
  pm_progress_entry_set_value (entry, value);
  g_assert_true (pm_store_save_entry (other, kpi, entry, &error));
  g_assert_no_error (error);
  pm_store_close (other);
}

/* A dialog headed @heading other than @except (one still closing). */
static AdwMessageDialog *
find_dialog_headed_except (const char *heading,
                           gpointer    except)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) each = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (each) && (gpointer) each != except &&
          g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (each)), heading) == 0)
        return ADW_MESSAGE_DIALOG (each);
    }

  return NULL;
}

static gboolean
toplevel_gone (gpointer window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) each = g_list_model_get_item (toplevels, i);

      if ((gpointer) each == window)
        return FALSE;
    }

  return TRUE;
}

static AdwMessageDialog *
find_dialog_headed (const char *heading)
{
  return find_dialog_headed_except (heading, NULL);
}

/* Someone else saved the value while it was being typed here: the save
 * is refused with their name and value, the field shows their value, and
 * the database keeps it. */
static void
test_conflict_shown (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWidget *value_row = template_child (kpi_table (fixture), PM_TYPE_KPI_TABLE, "value_row");
  AdwMessageDialog *dialog;
  double value = 0;

  select_pilot_in_sidebar (fixture, CANNOCK);
  select_period (fixture, 2016, 3);
  select_kpi_in_table (fixture, WCFC);

  save_elsewhere (fixture, 7);
  type_value (fixture, "9");

  dialog = find_dialog_headed ("Someone Else Saved This Value First");
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Sam Office"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "to 7"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (value_row)), ==, "7");
  g_assert_true (read_back (fixture, WCFC, 2016, 3, &value));
  g_assert_cmpfloat (value, ==, 7);
  gtk_window_close (GTK_WINDOW (dialog));
  gui_test_wait_until (no_message_dialog, NULL);

  /* Seen, it can be replaced. */
  type_value (fixture, "9");
  g_assert_true (read_back (fixture, WCFC, 2016, 3, &value));
  g_assert_cmpfloat (value, ==, 9);
}

/* A change made elsewhere appears when the window looks again (it does
 * when it comes to the front, and every few seconds), on the same page. */
static void
test_refreshes_with_changes_elsewhere (Fixture       *fixture,
                                       gconstpointer  data)
{
  GtkWidget *value_row = template_child (kpi_table (fixture), PM_TYPE_KPI_TABLE, "value_row");
  PmKpi *kpi;

  select_pilot_in_sidebar (fixture, CANNOCK);
  select_period (fixture, 2016, 3);
  select_kpi_in_table (fixture, WCFC);
  g_assert_false (pm_store_poll_changes (pm_window_get_store (fixture->window), NULL));

  save_elsewhere (fixture, 11);
  g_assert_true (pm_store_poll_changes (pm_window_get_store (fixture->window), NULL));
  _pm_window_reload (fixture->window);

  kpi = pm_pilot_page_get_selected_kpi (window_child (fixture, "pilot_page"));
  g_assert_nonnull (kpi);
  g_assert_true (g_str_has_prefix (pm_kpi_get_title (kpi), WCFC));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (value_row)), ==, "11");
  g_assert_cmpstr (adw_toast_get_title (_pm_window_get_toast (fixture->window)), ==,
                   "Updated with changes made elsewhere");
}

/* Connect to Server: the address and password typed, the programme on the
 * server opened; a wrong password asks again; what is remembered has no
 * password in it. */
static void
test_connect_to_server (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PmProgramme) sample = NULL;
  g_autoptr(PmStore) store = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *last = NULL;
  const char *password = g_getenv ("PM_TEST_PG_PASSWORD");
  AdwMessageDialog *dialog;
  AdwMessageDialog *first;

  if (!pg_test_available () || password == NULL)
    {
      g_test_skip ("no PostgreSQL test server (build-aux/run-tests.sh starts one)");
      return;
    }

  uri = pg_test_create_database ("pm_gui", &error);
  g_assert_no_error (error);
  sample = pm_sample_programme_load (&error);
  g_assert_no_error (error);
  store = pm_store_open (uri, PM_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (pm_store_import (store, sample, &error));
  g_assert_no_error (error);
  pm_store_close (store);

  kept = pm_store_location_to_keep (uri);
  g_assert_null (strstr (kept, password));

  /* A wrong password: asked again, saying so. */
  pm_connect_dialog_ask (GTK_WINDOW (fixture->window), pm_window_get_session (fixture->window), kept, NULL);
  dialog = find_dialog_headed ("Connect to Server");
  g_assert_nonnull (dialog);
  gtk_editable_set_text (GTK_EDITABLE (template_child (dialog, PM_TYPE_CONNECT_DIALOG, "password_entry")), "wrong");
  /* As its button would: the response, then the dialog goes (at once:
   * its entry rows do not survive a second dispose). */
  adw_message_dialog_response (dialog, "connect");
  first = dialog;
  gtk_window_destroy (GTK_WINDOW (first));
  g_assert_true (toplevel_gone (first));
  dialog = find_dialog_headed ("Connect to Server");
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "refused the password"));
  g_assert_false (pm_store_is_server (pm_window_get_store (fixture->window)));

  gtk_editable_set_text (GTK_EDITABLE (template_child (dialog, PM_TYPE_CONNECT_DIALOG, "password_entry")), password);
  adw_message_dialog_response (dialog, "connect");
  gtk_window_destroy (GTK_WINDOW (dialog));
  gui_test_wait_until (no_message_dialog, NULL);

  g_assert_true (pm_store_is_server (pm_window_get_store (fixture->window)));
  g_assert_cmpstr (pm_programme_get_name (pm_window_get_programme (fixture->window)), ==,
                   pm_programme_get_name (sample));
  g_assert_true (g_str_has_suffix (adw_window_title_get_subtitle (window_child (fixture, "window_title")),
                                   "on 127.0.0.1"));

  settings = g_settings_new ("io.github.pilotmonitor.PilotMonitor");
  last = g_settings_get_string (settings, "last-database");
  g_assert_null (strstr (last, password));
  g_assert_nonnull (strstr (last, "dbname='pm_gui_"));

  /* Back to a file, so the server database can go. */
  g_assert_true (pm_window_open_database (fixture->window, fixture->path));
  g_assert_true (pg_test_drop_database (uri, &error));
  g_assert_no_error (error);
}

static double
read_baseline (Fixture    *fixture,
               const char *title_start)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PmStore) fresh = pm_store_open (fixture->path, PM_STORE_OPEN_READ_ONLY, &error);
  g_autoptr(PmProgramme) programme = NULL;
  g_autoptr(PmPilot) pilot = NULL;
  GListModel *kpis;

  g_assert_no_error (error);
  programme = pm_store_load (fresh, &error);
  g_assert_no_error (error);
  pm_store_close (fresh);

  pilot = g_list_model_get_item (pm_district_get_pilots (pm_programme_find_district (programme, CANNOCK)), 0);
  kpis = pm_pilot_get_kpis (pilot);
  for (guint i = 0; i < g_list_model_get_n_items (kpis); i++)
    {
      g_autoptr(PmKpi) kpi = g_list_model_get_item (kpis, i);

      if (g_str_has_prefix (pm_kpi_get_title (kpi), title_start))
        return pm_baseline_get_value (pm_kpi_get_baseline (kpi));
    }

  g_assert_not_reached ();
}

#define REFERRALS "Reduce the number of referrals"

static void
test_baseline_dialog (Fixture       *fixture,
                      gconstpointer  data)
{
  PmEditDialog *dialog;
  GtkWidget *value;

  select_pilot_in_sidebar (fixture, CANNOCK);
  select_kpi_in_table (fixture, REFERRALS);
  g_assert_cmpfloat (read_baseline (fixture, REFERRALS), ==, 212);

  /* The KPI menu's "Edit Baseline…" */
  g_assert_true (gtk_widget_activate_action (kpi_table (fixture), "kpi.edit-baseline", NULL));
  gui_test_drain ();
  dialog = gui_test_find_toplevel (PM_TYPE_EDIT_DIALOG);
  g_assert_nonnull (dialog);
  value = pm_edit_dialog_get_field (dialog, "value");

  /* Letters: the dialog stays, says why beside the field, saves nothing.
   * (Save is the dialog's default button; a click is what it gets.) */
  gtk_editable_set_text (GTK_EDITABLE (value), "about two hundred");
  g_signal_emit_by_name (gtk_window_get_default_widget (GTK_WINDOW (dialog)), "clicked");
  gui_test_drain ();
  g_assert_true (gui_test_find_toplevel (PM_TYPE_EDIT_DIALOG) == dialog);
  g_assert_true (gtk_widget_has_css_class (value, "error"));
  g_assert_cmpfloat (read_baseline (fixture, REFERRALS), ==, 212);

  gtk_editable_set_text (GTK_EDITABLE (value), "190");
  g_signal_emit_by_name (gtk_window_get_default_widget (GTK_WINDOW (dialog)), "clicked");
  gui_test_drain ();
  g_assert_null (gui_test_find_toplevel (PM_TYPE_EDIT_DIALOG));
  g_assert_cmpfloat (read_baseline (fixture, REFERRALS), ==, 190);

  activate_undo (fixture);
  g_assert_cmpfloat (read_baseline (fixture, REFERRALS), ==, 212);
}

static void
test_empty_database (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "new.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PmStore) fresh = NULL;
  g_autoptr(PmProgramme) programme = NULL;
  GtkWidget *add_district;
  PmEditDialog *dialog;

  /* A new, empty file: the window says so and offers to start. */
  g_assert_true (pm_window_open_database (fixture->window, path));
  g_assert_null (pm_window_get_programme (fixture->window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window_child (fixture, "stack")), ==, "empty");
  /* The overview's own Add District button follows the action. */
  add_district = find_descendant (window_child (fixture, "overview_page"), GTK_TYPE_BUTTON, "win.add-district");
  g_assert_nonnull (add_district);
  g_assert_false (gtk_widget_get_sensitive (add_district));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.add-district", NULL);
  gui_test_drain ();
  g_assert_null (gui_test_find_toplevel (PM_TYPE_EDIT_DIALOG));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.create-programme", NULL));
  gui_test_drain ();
  g_assert_nonnull (pm_window_get_programme (fixture->window));
  g_assert_true (gtk_stack_get_visible_child (window_child (fixture, "stack")) == GTK_WIDGET (window_child (fixture, "overview_page")));

  /* Its first district, through the dialog; an empty name is refused. */
  g_assert_true (gtk_widget_get_sensitive (add_district));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.add-district", NULL));
  gui_test_drain ();
  dialog = gui_test_find_toplevel (PM_TYPE_EDIT_DIALOG);
  g_assert_nonnull (dialog);
  g_signal_emit_by_name (gtk_window_get_default_widget (GTK_WINDOW (dialog)), "clicked");
  gui_test_drain ();
  g_assert_true (gui_test_find_toplevel (PM_TYPE_EDIT_DIALOG) == dialog);
  g_assert_true (gtk_widget_has_css_class (pm_edit_dialog_get_field (dialog, "name"), "error"));

  gtk_editable_set_text (GTK_EDITABLE (pm_edit_dialog_get_field (dialog, "name")), "Tamworth");
  g_signal_emit_by_name (gtk_window_get_default_widget (GTK_WINDOW (dialog)), "clicked");
  gui_test_drain ();
  g_assert_null (gui_test_find_toplevel (PM_TYPE_EDIT_DIALOG));

  fresh = pm_store_open (path, PM_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  programme = pm_store_load (fresh, &error);
  g_assert_no_error (error);
  g_assert_nonnull (pm_programme_find_district (programme, "Tamworth"));
  pm_store_close (fresh);
}

static gboolean
search_settled (gpointer data)
{
  Fixture *fixture = data;
  GtkEditable *entry = GTK_EDITABLE (template_child (window_child (fixture, "sidebar"), PM_TYPE_SIDEBAR, "search_entry"));
  g_autofree char *key = pm_search_prepare (gtk_editable_get_text (entry));

  /* The search entry waits a moment after typing before it searches. */
  return g_strcmp0 (key, pm_sidebar_get_search_key (window_child (fixture, "sidebar"))) == 0;
}

static void
test_search_finds_kpis (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkEditable *entry = GTK_EDITABLE (template_child (window_child (fixture, "sidebar"), PM_TYPE_SIDEBAR, "search_entry"));
  GtkStack *stack = GTK_STACK (template_child (window_child (fixture, "sidebar"), PM_TYPE_SIDEBAR, "stack"));
  GtkListView *list = GTK_LIST_VIEW (template_child (window_child (fixture, "sidebar"), PM_TYPE_SIDEBAR, "list_view"));
  GListModel *rows = G_LIST_MODEL (gtk_list_view_get_model (list));

  /* Ctrl+F, listed in the shortcuts window (Ctrl+?) with the others. */
  {
    g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.search");

    g_assert_true (g_strv_contains ((const char * const *) accels, "<Control>f"));
    g_assert_nonnull (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (fixture->window)));
  }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.search", NULL));
  gui_test_drain ();
  g_assert_true (pm_sidebar_get_search_mode (window_child (fixture, "sidebar")));

  /* A KPI's words find its pilot (and district), nothing else. */
  gtk_editable_set_text (entry, "outcome star");
  gui_test_wait_until (search_settled, fixture);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 2);

  gtk_editable_set_text (entry, "no such words anywhere");
  gui_test_wait_until (search_settled, fixture);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "no-results");
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
  GtkWidget *page = window_child (fixture, "pilot_page");
  GtkWidget *overview = window_child (fixture, "overview_page");
  GtkWidget *title = template_child (overview, PM_TYPE_OVERVIEW_PAGE, "title_label");

  g_assert_true (gtk_stack_get_visible_child (window_child (fixture, "stack")) == overview);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-kpi", "x",
                                             pm_kpi_get_id (kpi)));
  gui_test_drain ();
  g_assert_true (gtk_stack_get_visible_child (window_child (fixture, "stack")) == page);
  g_assert_true (pm_pilot_page_get_pilot (PM_PILOT_PAGE (page)) == pilot);
  g_assert_true (pm_pilot_page_get_selected_kpi (PM_PILOT_PAGE (page)) == kpi);
  g_assert_true (pm_sidebar_get_selected_item (window_child (fixture, "sidebar")) == G_OBJECT (pilot));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-district", "x",
                                             pm_district_get_id (tamworth)));
  gui_test_drain ();
  g_assert_true (gtk_stack_get_visible_child (window_child (fixture, "stack")) == overview);
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
  GtkWidget *overview = window_child (fixture, "overview_page");
  GtkWidget *page = window_child (fixture, "pilot_page");
  GtkWidget *pilots = template_child (overview, PM_TYPE_OVERVIEW_PAGE, "pilots_grid");
  GtkListBox *chase = GTK_LIST_BOX (template_child (overview, PM_TYPE_OVERVIEW_PAGE, "chase_list"));
  GtkWidget *link = find_descendant (pilots, GTK_TYPE_BUTTON, "win.show-pilot");
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
  g_assert_true (gtk_stack_get_visible_child (window_child (fixture, "stack")) == page);
  g_assert_true (pm_pilot_page_get_pilot (PM_PILOT_PAGE (page)) == pilot);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-overview", NULL));
  gui_test_drain ();
  group = ADW_EXPANDER_ROW (gtk_list_box_get_row_at_index (chase, 0));
  g_assert_nonnull (group);
  adw_expander_row_set_expanded (group, TRUE);
  row = find_descendant (GTK_WIDGET (group), ADW_TYPE_ACTION_ROW, "win.show-kpi");
  g_assert_nonnull (row);
  target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (row));
  kpi = pm_session_find_kpi (pm_window_get_session (fixture->window), g_variant_get_int64 (target));
  g_assert_nonnull (kpi);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, pm_kpi_get_title (kpi));

  /* As Enter or a click on the row does. */
  g_signal_emit_by_name (row, "activate");
  gui_test_drain ();
  g_assert_true (gtk_stack_get_visible_child (window_child (fixture, "stack")) == page);
  g_assert_true (pm_pilot_page_get_selected_kpi (PM_PILOT_PAGE (page)) == kpi);
}

/* The programme as the file holds it, read by a fresh store. */
static PmProgramme *
load_back_programme (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PmStore) fresh = pm_store_open (fixture->path, PM_STORE_OPEN_READ_ONLY, &error);
  PmProgramme *programme;

  g_assert_no_error (error);
  programme = pm_store_load (fresh, &error);
  g_assert_no_error (error);
  pm_store_close (fresh);

  return programme;
}

/* Cannock's pilot as the file holds it, read by a fresh store. */
static PmProgramme *
load_back (Fixture  *fixture,
           PmPilot **pilot)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PmStore) fresh = pm_store_open (fixture->path, PM_STORE_OPEN_READ_ONLY, &error);
  PmProgramme *programme;

  g_assert_no_error (error);
  programme = pm_store_load (fresh, &error);
  g_assert_no_error (error);
  pm_store_close (fresh);
  *pilot = g_list_model_get_item (pm_district_get_pilots (pm_programme_find_district (programme, CANNOCK)), 0);
  g_object_unref (*pilot);   /* the programme holds it */

  return programme;
}

static GtkWidget *
quarter_report (Fixture *fixture)
{
  return template_child (window_child (fixture, "pilot_page"), PM_TYPE_PILOT_PAGE, "quarter_report");
}

static void
show_view (Fixture    *fixture,
           const char *name)
{
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (template_child (window_child (fixture, "pilot_page"),
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

/* The quarter's narrative: Save writes it, with Undo; what is typed is
 * kept when the person moves to another quarter. */
static void
test_narrative_saved (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkWidget *report = quarter_report (fixture);
  GtkTextView *progress = GTK_TEXT_VIEW (template_child (report, PM_TYPE_QUARTER_REPORT, "progress_view"));
  GtkWidget *group = template_child (report, PM_TYPE_QUARTER_REPORT, "narrative_group");
  GtkWidget *save = adw_preferences_group_get_header_suffix (ADW_PREFERENCES_GROUP (group));
  g_autofree char *original = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *q4 = NULL;

  select_pilot_in_sidebar (fixture, CANNOCK);
  select_period (fixture, 2016, 3);
  show_view (fixture, "report");
  original = progress_on_disk (fixture, 2016, 3);
  g_assert_nonnull (original);
  g_assert_cmpstr (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (group)), ==, "Narrative for Q3 2016/17");

  type_into (progress, "Nine families now.");
  g_signal_emit_by_name (save, "clicked");
  gui_test_drain ();
  saved = progress_on_disk (fixture, 2016, 3);
  g_assert_cmpstr (saved, ==, "Nine families now.");
  g_assert_cmpstr (adw_toast_get_title (_pm_window_get_toast (fixture->window)), ==, "Narrative saved");

  activate_undo (fixture);
  g_clear_pointer (&saved, g_free);
  saved = progress_on_disk (fixture, 2016, 3);
  g_assert_cmpstr (saved, ==, original);

  /* Typed for Q4, then another quarter chosen before leaving the field. */
  select_period (fixture, 2016, 4);
  g_assert_null (progress_on_disk (fixture, 2016, 4));
  type_into (progress, "Started the second cohort.");
  select_period (fixture, 2017, 1);
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
  GtkListBox *list = GTK_LIST_BOX (template_child (report, PM_TYPE_QUARTER_REPORT, "reach_list"));
  GtkWidget *error_label = template_child (report, PM_TYPE_QUARTER_REPORT, "reach_error");
  g_autoptr(PmPeriod) q3 = pm_period_new (2016, 3);
  GtkWidget *row;
  PmPilot *pilot;

  select_pilot_in_sidebar (fixture, CANNOCK);
  select_period (fixture, 2016, 3);
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

/* About the pilot and the spend follow a change made through the pilot's
 * menu, as soon as it is saved. */
static void
test_about_and_spend_follow_edits (Fixture       *fixture,
                                   gconstpointer  data)
{
  GtkWidget *page = window_child (fixture, "pilot_page");
  GtkWidget *about = template_child (page, PM_TYPE_PILOT_PAGE, "pilot_about");
  GtkWidget *lead = template_child (about, PM_TYPE_PILOT_ABOUT, "lead_row");
  GtkWidget *spend = template_child (quarter_report (fixture), PM_TYPE_QUARTER_REPORT, "spend_group");
  GtkWidget *spend_label = template_child (page, PM_TYPE_PILOT_PAGE, "spend_label");
  PmEditDialog *dialog;

  select_pilot_in_sidebar (fixture, CANNOCK);
  select_period (fixture, 2016, 3);
  g_assert_cmpstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (spend)), ==,
                   "By the end of Q3 2016/17: £4,900 spent");

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

/* Editing what is there already, through each form: the KPI (undone
 * after), the district and the programme, whose name is the window's
 * title. What is asserted is read back from the file. */
static void
test_edit_forms_update (Fixture       *fixture,
                        gconstpointer  data)
{
  PmProgramme *programme = pm_window_get_programme (fixture->window);
  PmDistrict *cannock = pm_programme_find_district (programme, CANNOCK);
  AdwWindowTitle *title = window_child (fixture, "window_title");
  g_autoptr(PmProgramme) saved = NULL;
  g_autoptr(PmKpi) kpi = NULL;
  PmPilot *pilot;

  select_pilot_in_sidebar (fixture, CANNOCK);
  select_kpi_in_table (fixture, WCFC);
  g_assert_true (gtk_widget_activate_action (kpi_table (fixture), "kpi.edit", NULL));
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

  activate_undo (fixture);
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

  /* Not G_TEST_OPTION_ISOLATE_DIRS: it hides XDG_DATA_DIRS, and with it the
   * MIME database GTK needs to load its SVG icons. The only files written
   * are the databases, in a directory of their own under the temporary
   * folder, and settings stay in memory (GSETTINGS_BACKEND=memory). */
  g_test_init (&argc, &argv, NULL);

  app = pm_application_new ();
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    g_error ("Could not register the application: %s", error->message);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/gui/window/enter-value-and-undo", test_enter_value_and_undo);
  ADD ("/gui/window/first-value-undone", test_first_value_undone);
  ADD ("/gui/window/bad-values-refused", test_bad_values_refused);
  ADD ("/gui/window/unreadable-file-keeps-document", test_unreadable_file_keeps_document);
  ADD ("/gui/window/search-finds-kpis", test_search_finds_kpis);
  ADD ("/gui/window/baseline-dialog", test_baseline_dialog);
  ADD ("/gui/window/history-shows-change", test_history_shows_change);
  ADD ("/gui/window/signoff-from-pilot-menu", test_signoff_from_pilot_menu);
  ADD ("/gui/window/freeze-round-from-menu", test_freeze_round_from_menu);
  ADD ("/gui/window/conflict-shown", test_conflict_shown);
  ADD ("/gui/window/refreshes-with-changes-elsewhere", test_refreshes_with_changes_elsewhere);
  ADD ("/gui/window/connect-to-server", test_connect_to_server);
  ADD ("/gui/window/empty-database", test_empty_database);
  ADD ("/gui/window/show-actions", test_show_actions);
  ADD ("/gui/window/preferences-name", test_preferences_name);
  ADD ("/gui/window/narrative-saved", test_narrative_saved);
  ADD ("/gui/window/reach-saved", test_reach_saved);
  ADD ("/gui/window/about-and-spend-follow-edits", test_about_and_spend_follow_edits);
  ADD ("/gui/window/edit-forms-update", test_edit_forms_update);
  ADD ("/gui/window/overview-links", test_overview_links);

  status = g_test_run ();
  g_clear_object (&app);

  return status;
}
