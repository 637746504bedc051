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
#include "pm-freeze-round-dialog.h"
#include "pm-history-dialog.h"
#include "pm-kpi-table.h"
#include "pm-window-private.h"
#include "store/pm-sample.h"
#include "pg-test-util.h"

#define CANNOCK "Cannock Chase"
#define WCFC "WCFC to work with 75"
#define OUTCOMES "% of families reporting improved outcomes"

static PmApplication *app;

typedef GuiTestWindow Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  gui_test_window_open (fixture, app, "pm-test-window", 0, 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gui_test_window_close (fixture);
}

static GtkLabel *
value_error (Fixture *fixture)
{
  return GTK_LABEL (gui_test_template_child (gui_test_kpi_table (fixture), PM_TYPE_KPI_TABLE, "value_error"));
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
  g_autoptr(PmProgramme) programme = pm_test_store_read (fixture->path, PM_STORE_OPEN_READ_ONLY);
  g_autoptr(PmPeriod) period = pm_period_new (year, quarter);
  PmProgressEntry *entry = pm_kpi_get_entry (pm_test_find_kpi (programme, CANNOCK, title_start), period);

  if (entry == NULL || !pm_progress_entry_has_value (entry))
    return FALSE;
  *value = pm_progress_entry_get_value (entry);
  return TRUE;
}

static void
test_enter_value_and_undo (Fixture       *fixture,
                           gconstpointer  data)
{
  double value = 0;

  gui_test_select_pilot (fixture, CANNOCK);
  g_assert_true (gtk_stack_get_visible_child (gui_test_window_child (fixture, "stack")) == GTK_WIDGET (gui_test_window_child (fixture, "pilot_page")));
  g_assert_cmpstr (pm_district_get_name (pm_pilot_get_district (pm_pilot_page_get_pilot (gui_test_window_child (fixture, "pilot_page")))),
                   ==, CANNOCK);

  gui_test_select_period (fixture, 2016, 3);
  gui_test_select_kpi (fixture, WCFC);

  g_assert_true (read_back (fixture, WCFC, 2016, 3, &value));
  g_assert_cmpfloat (value, ==, 5);

  gui_test_type_value (fixture, "9");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (value_error (fixture))));
  g_assert_true (read_back (fixture, WCFC, 2016, 3, &value));
  g_assert_cmpfloat (value, ==, 9);

  gui_test_activate_undo (fixture);
  g_assert_true (read_back (fixture, WCFC, 2016, 3, &value));
  g_assert_cmpfloat (value, ==, 5);
  /* and the field shows the restored value */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (gui_test_template_child (gui_test_kpi_table (fixture), PM_TYPE_KPI_TABLE, "value_row"))),
                   ==, "5");
}

static void
test_first_value_undone (Fixture       *fixture,
                         gconstpointer  data)
{
  double value = 0;

  gui_test_select_pilot (fixture, CANNOCK);
  gui_test_select_period (fixture, 2016, 4);
  gui_test_select_kpi (fixture, WCFC);
  g_assert_false (read_back (fixture, WCFC, 2016, 4, &value));

  gui_test_type_value (fixture, "12");
  g_assert_true (read_back (fixture, WCFC, 2016, 4, &value));
  g_assert_cmpfloat (value, ==, 12);

  gui_test_activate_undo (fixture);
  g_assert_false (read_back (fixture, WCFC, 2016, 4, &value));
}

/* Ctrl+Shift+Z after an undo: the toast of the undo offers Redo, and
 * win.redo writes the value again and shows it. */
static void
test_undo_then_redo (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWidget *value_row;
  AdwToast *toast;
  double value = 0;

  gui_test_select_pilot (fixture, CANNOCK);
  gui_test_select_period (fixture, 2016, 3);
  gui_test_select_kpi (fixture, WCFC);
  value_row = gui_test_template_child (gui_test_kpi_table (fixture), PM_TYPE_KPI_TABLE, "value_row");

  gui_test_type_value (fixture, "9");
  gui_test_activate_undo (fixture);
  g_assert_true (read_back (fixture, WCFC, 2016, 3, &value));
  g_assert_cmpfloat (value, ==, 5);

  toast = _pm_window_get_toast (fixture->window);
  g_assert_nonnull (toast);
  g_assert_cmpstr (adw_toast_get_button_label (toast), ==, "_Redo");
  g_assert_cmpstr (adw_toast_get_action_name (toast), ==, "win.redo");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.redo", NULL));
  gui_test_drain ();
  g_assert_true (read_back (fixture, WCFC, 2016, 3, &value));
  g_assert_cmpfloat (value, ==, 9);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (value_row)), ==, "9");

  /* The redone change can be undone again, from its own toast. */
  gui_test_activate_undo (fixture);
  g_assert_true (read_back (fixture, WCFC, 2016, 3, &value));
  g_assert_cmpfloat (value, ==, 5);
}

static void
test_bad_values_refused (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkLabel *error_label;
  GtkWidget *row;
  double value = 0;

  gui_test_select_pilot (fixture, CANNOCK);
  gui_test_select_period (fixture, 2016, 3);
  gui_test_select_kpi (fixture, WCFC);
  error_label = value_error (fixture);
  row = gui_test_template_child (gui_test_kpi_table (fixture), PM_TYPE_KPI_TABLE, "value_row");

  /* Letters: explained beside the field as typed, and not saved on Enter. */
  gui_test_type_value (fixture, "abc");
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
  gui_test_select_kpi (fixture, OUTCOMES);
  g_assert_false (read_back (fixture, OUTCOMES, 2016, 3, &value));
  gui_test_type_value (fixture, "140");
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
  gui_test_select_pilot (fixture, CANNOCK);
  gui_test_select_period (fixture, 2016, 3);
  gui_test_select_kpi (fixture, WCFC);
  gui_test_type_value (fixture, "9");

  g_assert_true (gtk_widget_activate_action (gui_test_kpi_table (fixture), "kpi.history", NULL));
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
  GtkWidget *page = GTK_WIDGET (gui_test_window_child (fixture, "pilot_page"));
  GtkWidget *value_row = gui_test_template_child (gui_test_kpi_table (fixture), PM_TYPE_KPI_TABLE, "value_row");
  GtkWidget *facts = gui_test_template_child (page, PM_TYPE_PILOT_PAGE, "facts_label");
  g_autofree char *comment = NULL;
  AdwMessageDialog *dialog;

  gui_test_select_pilot (fixture, CANNOCK);
  gui_test_select_period (fixture, 2016, 3);
  gui_test_select_kpi (fixture, WCFC);
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
/* Picks a day in the freeze dialog's calendar, as a click would. */
static void
pick_date (AdwMessageDialog *dialog,
           int               year,
           int               month,
           int               day)
{
  GtkCalendar *calendar = GTK_CALENDAR (gui_test_template_child (dialog, PM_TYPE_FREEZE_ROUND_DIALOG, "calendar"));
  g_autoptr(GDateTime) date = g_date_time_new_local (year, month, day, 12, 0, 0);

  gtk_calendar_select_day (calendar, date);
}

static void
test_freeze_round_from_menu (Fixture       *fixture,
                             gconstpointer  data)
{
  GtkWidget *reported = gui_test_template_child (gui_test_kpi_table (fixture), PM_TYPE_KPI_TABLE, "reported_label");
  g_autofree char *on_disk = NULL;
  AdwMessageDialog *dialog;
  AdwMessageDialog *refusal;

  gui_test_select_pilot (fixture, CANNOCK);
  gui_test_select_period (fixture, 2016, 3);
  gui_test_select_kpi (fixture, WCFC);
  g_assert_false (gtk_widget_get_visible (reported));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.freeze-round", NULL));
  dialog = find_message_dialog ("Freeze the Committee Round?");
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Q3 2016/17"));

  /* The date is picked in the calendar, and the button says it. */
  pick_date (dialog, 2017, 1, 12);
  g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (adw_message_dialog_get_extra_child (dialog))), ==,
                   "12 January 2017");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "freeze"));

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
  gui_test_select_period (fixture, 2016, 4);
  g_assert_false (gtk_widget_get_visible (reported));

  /* A round before the last is refused, and nothing changes. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.freeze-round", NULL));
  dialog = find_message_dialog ("Freeze the Committee Round?");
  g_assert_nonnull (dialog);
  pick_date (dialog, 2016, 12, 1);
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

static gboolean
message_dialog_shown (gpointer data)
{
  return find_message_dialog (data) != NULL;
}

/* Export PDF with the open database chosen as the file (a slip in the
 * file chooser): the writer refuses it, the window says why, and the
 * programme is still there. */
static void
test_export_over_database_refused (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(GFile) file = g_file_new_for_path (fixture->path);
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *heading = g_strdup_printf ("Could Not Export “%s”", basename);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PmStore) store = NULL;
  g_autoptr(PmProgramme) programme = NULL;
  AdwMessageDialog *dialog;
  GStatBuf before, after;
  gsize length;

  g_assert_cmpint (g_stat (fixture->path, &before), ==, 0);

  _pm_window_export_pdf (fixture->window, file, TRUE, NULL,
                         pm_session_get_period (pm_window_get_session (fixture->window)));
  gui_test_wait_until (message_dialog_shown, heading);
  dialog = find_message_dialog (heading);
  g_test_message ("%s: %s", heading, adw_message_dialog_get_body (dialog));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "is the open database"));
  gtk_window_close (GTK_WINDOW (dialog));
  gui_test_wait_until (no_message_dialog, NULL);

  g_assert_cmpint (g_stat (fixture->path, &after), ==, 0);
  g_assert_cmpuint (after.st_ino, ==, before.st_ino);
  g_assert_true (g_file_get_contents (fixture->path, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (contents, "SQLite format 3"));
  store = pm_store_open (fixture->path, PM_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  programme = pm_store_load (store, &error);
  g_assert_no_error (error);
  g_assert_nonnull (pm_programme_find_district (programme, CANNOCK));
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
  GtkWidget *value_row = gui_test_template_child (gui_test_kpi_table (fixture), PM_TYPE_KPI_TABLE, "value_row");
  AdwMessageDialog *dialog;
  double value = 0;

  gui_test_select_pilot (fixture, CANNOCK);
  gui_test_select_period (fixture, 2016, 3);
  gui_test_select_kpi (fixture, WCFC);

  save_elsewhere (fixture, 7);
  gui_test_type_value (fixture, "9");

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
  gui_test_type_value (fixture, "9");
  g_assert_true (read_back (fixture, WCFC, 2016, 3, &value));
  g_assert_cmpfloat (value, ==, 9);
}

/* Picks @district_name itself in the sidebar's selection model. */
static void
select_district_in_sidebar (Fixture    *fixture,
                            const char *district_name)
{
  GtkListView *list = GTK_LIST_VIEW (gui_test_template_child (gui_test_window_child (fixture, "sidebar"), PM_TYPE_SIDEBAR, "list_view"));
  GtkSelectionModel *selection = gtk_list_view_get_model (list);
  GListModel *rows = G_LIST_MODEL (selection);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, i);
      g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);

      if (PM_IS_DISTRICT (item) && g_str_equal (pm_district_get_name (PM_DISTRICT (item)), district_name))
        {
          g_assert_true (gtk_selection_model_select_item (selection, i, TRUE));
          gui_test_drain ();
          return;
        }
    }

  g_assert_not_reached ();
}

/* Activates @action on @widget, confirms the "@heading" dialog it opens,
 * and returns what the refusal that follows says. */
static char *
delete_refused (GtkWidget  *widget,
                const char *action,
                const char *heading)
{
  AdwMessageDialog *confirm;
  AdwMessageDialog *refusal;
  char *body;

  g_assert_true (gtk_widget_activate_action (widget, action, NULL));
  confirm = find_dialog_headed (heading);
  g_assert_nonnull (confirm);
  /* Each held while it closes (see test_signoff_from_pilot_menu); a
   * response given by hand leaves the closing to us, as a click would. */
  g_object_ref (confirm);
  adw_message_dialog_response (confirm, "delete");
  gtk_window_close (GTK_WINDOW (confirm));
  gui_test_drain ();

  refusal = find_dialog_headed_except ("Could Not Delete", confirm);
  g_assert_nonnull (refusal);
  g_object_ref (refusal);
  body = g_strdup (adw_message_dialog_get_body (refusal));
  gtk_window_close (GTK_WINDOW (refusal));
  gui_test_wait_until (no_message_dialog, NULL);
  g_object_unref (refusal);
  g_object_unref (confirm);

  return body;
}

/* Delete KPI, Delete Pilot and Delete District on an accepted quarter:
 * each refused, saying which quarter of which district, and the file
 * keeps everything. */
static void
test_delete_in_accepted_quarter (Fixture       *fixture,
                                 gconstpointer  data)
{
  GtkWidget *page = GTK_WIDGET (gui_test_window_child (fixture, "pilot_page"));
  const char *named = "Q3 2016/17 of Cannock Chase has been accepted; reopen it to change it.";
  g_autofree char *kpi_refused = NULL;
  g_autofree char *pilot_refused = NULL;
  g_autofree char *district_refused = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PmStore) fresh = NULL;
  g_autoptr(PmProgramme) programme = NULL;
  double value = 0;

  gui_test_select_pilot (fixture, CANNOCK);
  gui_test_select_period (fixture, 2016, 3);
  gui_test_select_kpi (fixture, WCFC);
  /* Each toast shown before the next replaces it: libadwaita 1.2 frees a
   * toast replaced before its animation ran, then touches it (valgrind). */
  g_assert_true (gtk_widget_activate_action (page, "pilot.submit-quarter", NULL));
  gui_test_drain ();
  g_assert_true (gtk_widget_activate_action (page, "pilot.accept-quarter", NULL));
  gui_test_drain ();
  g_assert_cmpint (signoff_on_disk (fixture, NULL), ==, PM_SIGNOFF_ACCEPTED);

  kpi_refused = delete_refused (gui_test_kpi_table (fixture), "kpi.delete", "Delete KPI?");
  g_assert_cmpstr (kpi_refused, ==, named);
  pilot_refused = delete_refused (page, "pilot.delete", "Delete Pilot?");
  g_assert_cmpstr (pilot_refused, ==, named);
  select_district_in_sidebar (fixture, CANNOCK);
  district_refused = delete_refused (GTK_WIDGET (fixture->window), "win.delete-district", "Delete District?");
  g_assert_cmpstr (district_refused, ==, named);

  g_assert_true (read_back (fixture, WCFC, 2016, 3, &value));
  g_assert_cmpfloat (value, ==, 5);
  fresh = pm_store_open (fixture->path, PM_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  programme = pm_store_load (fresh, &error);
  g_assert_no_error (error);
  g_assert_nonnull (pm_programme_find_district (programme, CANNOCK));
  pm_store_close (fresh);
}

/* Something that could not be read, from a redraw or the poll, shows as
 * a toast that does not take the place of Undo's; said again while it
 * shows, it is not repeated; Details gives the reason. */
static void
test_read_failure_toast (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = g_error_new_literal (PM_STORE_ERROR, PM_STORE_ERROR_CORRUPT, "no such table: signoff");
  g_autoptr(GError) other = g_error_new_literal (PM_STORE_ERROR, PM_STORE_ERROR_CORRUPT, "disk I/O error");
  PmSession *session = fixture->window->session;
  AdwMessageDialog *dialog;
  AdwToast *first;

  gui_test_select_pilot (fixture, CANNOCK);
  gui_test_select_period (fixture, 2016, 3);
  gui_test_select_kpi (fixture, WCFC);
  gui_test_type_value (fixture, "9");
  g_assert_nonnull (_pm_window_get_toast (fixture->window));

  pm_session_report_read_failure (session, "Could not read the quarter’s sign-off & round", error);
  gui_test_drain ();
  first = fixture->window->read_toast;
  g_assert_nonnull (first);
  /* Markup: the ampersand is escaped, not an error. */
  g_assert_cmpstr (adw_toast_get_title (first), ==, "Could not read the quarter’s sign-off &amp; round");
  g_assert_cmpstr (adw_toast_get_action_name (first), ==, "win.read-failure-details");
  /* Undo's toast is still the latest change's. */
  g_assert_cmpstr (adw_toast_get_action_name (_pm_window_get_toast (fixture->window)), ==, "win.undo");

  pm_session_report_read_failure (session, "Could not read the quarter’s sign-off & round", error);
  gui_test_drain ();
  g_assert_true (fixture->window->read_toast == first);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.read-failure-details", NULL));
  dialog = gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could not read the quarter’s sign-off & round");
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==, "no such table: signoff");
  g_object_ref (dialog);
  adw_message_dialog_response (dialog, "close");
  gtk_window_close (GTK_WINDOW (dialog));
  gui_test_wait_until (no_message_dialog, NULL);
  g_object_unref (dialog);

  /* Another failure is said too, with its own reason. */
  pm_session_report_read_failure (session, "Could not check for other people’s changes", other);
  gui_test_drain ();
  g_assert_true (fixture->window->read_toast != first);
  g_assert_cmpstr (fixture->window->read_error->message, ==, "disk I/O error");
}

/* A change made elsewhere appears when the window looks again (it does
 * when it comes to the front, and every few seconds), on the same page. */
static void
test_refreshes_with_changes_elsewhere (Fixture       *fixture,
                                       gconstpointer  data)
{
  GtkWidget *value_row = gui_test_template_child (gui_test_kpi_table (fixture), PM_TYPE_KPI_TABLE, "value_row");
  PmKpi *kpi;

  gui_test_select_pilot (fixture, CANNOCK);
  gui_test_select_period (fixture, 2016, 3);
  gui_test_select_kpi (fixture, WCFC);
  g_assert_false (pm_store_poll_changes (pm_window_get_store (fixture->window), NULL));

  save_elsewhere (fixture, 11);
  g_assert_true (pm_store_poll_changes (pm_window_get_store (fixture->window), NULL));
  _pm_window_reload (fixture->window);

  kpi = pm_pilot_page_get_selected_kpi (gui_test_window_child (fixture, "pilot_page"));
  g_assert_nonnull (kpi);
  g_assert_true (g_str_has_prefix (pm_kpi_get_title (kpi), WCFC));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (value_row)), ==, "11");
  g_assert_cmpstr (adw_toast_get_title (_pm_window_get_toast (fixture->window)), ==,
                   "Updated with changes made elsewhere");
}

static gboolean
window_is_inactive (gpointer data)
{
  return !gtk_window_is_active (GTK_WINDOW (data));
}

static const char *
shown_value (Fixture *fixture)
{
  GtkWidget *value_row = gui_test_template_child (gui_test_kpi_table (fixture), PM_TYPE_KPI_TABLE, "value_row");

  return gtk_editable_get_text (GTK_EDITABLE (value_row));
}

/* A window behind another application's window is brought up to date by
 * its check too: a lead coming back to it sees the value someone else
 * saved without first clicking into it. */
static void
test_changes_elsewhere_in_background (Fixture       *fixture,
                                      gconstpointer  data)
{
  GtkWidget *other = gtk_window_new ();

  gui_test_select_pilot (fixture, CANNOCK);
  gui_test_select_period (fixture, 2016, 3);
  gui_test_select_kpi (fixture, WCFC);
  g_assert_cmpstr (shown_value (fixture), !=, "12");

  /* Another toplevel, not one of the window's dialogs, takes the focus. */
  gtk_window_present (GTK_WINDOW (other));
  gui_test_wait_until (gui_test_is_mapped, other);
  gui_test_wait_until (window_is_inactive, fixture->window);

  save_elsewhere (fixture, 12);
  _pm_window_check_for_changes (fixture->window);
  g_assert_cmpstr (shown_value (fixture), ==, "12");
  g_assert_false (gtk_window_is_active (GTK_WINDOW (fixture->window)));

  gtk_window_destroy (GTK_WINDOW (other));
  gui_test_drain ();
}

/* Under one of the window's own dialogs (which may hold objects of the
 * programme shown) the change waits, and is shown at the first check
 * after the dialog has closed: it is not lost. */
static void
test_changes_elsewhere_wait_for_dialog (Fixture       *fixture,
                                        gconstpointer  data)
{
  GtkWidget *dialog = gtk_window_new ();
  g_autofree char *before = NULL;

  gui_test_select_pilot (fixture, CANNOCK);
  gui_test_select_period (fixture, 2016, 3);
  gui_test_select_kpi (fixture, WCFC);
  before = g_strdup (shown_value (fixture));
  g_assert_cmpstr (before, !=, "13");

  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (fixture->window));
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_present (GTK_WINDOW (dialog));
  gui_test_wait_until (gui_test_is_mapped, dialog);

  save_elsewhere (fixture, 13);
  _pm_window_check_for_changes (fixture->window);
  g_assert_cmpstr (shown_value (fixture), ==, before);

  gtk_window_destroy (GTK_WINDOW (dialog));
  gui_test_drain ();
  _pm_window_check_for_changes (fixture->window);
  g_assert_cmpstr (shown_value (fixture), ==, "13");
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
  gtk_editable_set_text (GTK_EDITABLE (gui_test_template_child (dialog, PM_TYPE_CONNECT_DIALOG, "password_entry")), "wrong");
  /* As its button would: the response, then the dialog goes (at once:
   * its entry rows do not survive a second dispose). */
  adw_message_dialog_response (dialog, "connect");
  first = dialog;
  gtk_window_destroy (GTK_WINDOW (first));
  g_assert_true (toplevel_gone (first));
  /* The server answers while the window stays live. */
  gui_test_wait_until (gui_test_is_checked, fixture->window);
  dialog = find_dialog_headed ("Connect to Server");
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "refused the password"));
  g_assert_false (pm_store_is_server (pm_window_get_store (fixture->window)));

  gtk_editable_set_text (GTK_EDITABLE (gui_test_template_child (dialog, PM_TYPE_CONNECT_DIALOG, "password_entry")), password);
  adw_message_dialog_response (dialog, "connect");
  gtk_window_destroy (GTK_WINDOW (dialog));
  gui_test_wait_until (gui_test_is_checked, fixture->window);
  gui_test_wait_until (no_message_dialog, NULL);

  g_assert_true (pm_store_is_server (pm_window_get_store (fixture->window)));
  g_assert_cmpstr (pm_programme_get_name (pm_window_get_programme (fixture->window)), ==,
                   pm_programme_get_name (sample));
  g_assert_true (g_str_has_suffix (adw_window_title_get_subtitle (gui_test_window_child (fixture, "window_title")),
                                   "on 127.0.0.1"));

  settings = g_settings_new ("io.github.pilotmonitor.PilotMonitor");
  last = g_settings_get_string (settings, "last-database");
  g_assert_null (strstr (last, password));
  g_assert_nonnull (strstr (last, "dbname='pm_gui_"));

  /* Back to a file, so the server database can go. */
  g_assert_true (pm_window_open_database (fixture->window, fixture->path));
  gui_test_wait_until (gui_test_is_checked, fixture->window);
  g_assert_true (pg_test_drop_database (uri, &error));
  g_assert_no_error (error);
}

static double
read_baseline (Fixture    *fixture,
               const char *title_start)
{
  g_autoptr(PmProgramme) programme = pm_test_store_read (fixture->path, PM_STORE_OPEN_READ_ONLY);

  return pm_baseline_get_value (pm_kpi_get_baseline (pm_test_find_kpi (programme, CANNOCK, title_start)));
}

#define REFERRALS "Reduce the number of referrals"

static void
test_baseline_dialog (Fixture       *fixture,
                      gconstpointer  data)
{
  PmEditDialog *dialog;
  GtkWidget *value;

  gui_test_select_pilot (fixture, CANNOCK);
  gui_test_select_kpi (fixture, REFERRALS);
  g_assert_cmpfloat (read_baseline (fixture, REFERRALS), ==, 212);

  /* The KPI menu's "Edit Baseline…" */
  g_assert_true (gtk_widget_activate_action (gui_test_kpi_table (fixture), "kpi.edit-baseline", NULL));
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

  gui_test_activate_undo (fixture);
  g_assert_cmpfloat (read_baseline (fixture, REFERRALS), ==, 212);
}

#define FIXED "Fixed exclusion rates for Rawlett"

/* Whether a visible label under @widget says @text. */
static gboolean
shows_label (GtkWidget  *widget,
             const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_is_visible (widget) &&
      strstr (gtk_label_get_label (GTK_LABEL (widget)), text) != NULL)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_label (child, text))
      return TRUE;

  return FALSE;
}

/* A baseline given by school keeps its schools when its note is edited,
 * and a total that is not their sum is refused beside the value, naming
 * both, with nothing saved. */
static void
test_baseline_sites_dialog (Fixture       *fixture,
                            gconstpointer  data)
{
  PmEditDialog *dialog;
  GtkWidget *value;
  GtkWidget *note;
  g_autoptr(PmProgramme) programme = NULL;
  PmBaseline *baseline;

  gui_test_select_pilot (fixture, "Tamworth");
  gui_test_select_kpi (fixture, FIXED);
  g_assert_true (gtk_widget_activate_action (gui_test_kpi_table (fixture), "kpi.edit-baseline", NULL));
  gui_test_drain ();
  dialog = gui_test_find_toplevel (PM_TYPE_EDIT_DIALOG);
  g_assert_nonnull (dialog);
  value = pm_edit_dialog_get_field (dialog, "value");
  note = pm_edit_dialog_get_field (dialog, "note");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (value)), ==, "139");

  gtk_editable_set_text (GTK_EDITABLE (value), "140");
  g_signal_emit_by_name (gtk_window_get_default_widget (GTK_WINDOW (dialog)), "clicked");
  gui_test_drain ();
  g_assert_true (gui_test_find_toplevel (PM_TYPE_EDIT_DIALOG) == dialog);
  g_assert_true (gtk_widget_has_css_class (value, "error"));
  g_assert_true (shows_label (GTK_WIDGET (dialog), "total 140 differs from the sum of its sites, 139"));

  gtk_editable_set_text (GTK_EDITABLE (value), "139");
  gtk_editable_set_text (GTK_EDITABLE (note), "school data 2015-16");
  g_signal_emit_by_name (gtk_window_get_default_widget (GTK_WINDOW (dialog)), "clicked");
  gui_test_drain ();
  g_assert_null (gui_test_find_toplevel (PM_TYPE_EDIT_DIALOG));

  programme = pm_test_store_read (fixture->path, PM_STORE_OPEN_READ_ONLY);
  baseline = pm_kpi_get_baseline (pm_test_find_kpi (programme, "Tamworth", FIXED));
  g_assert_cmpfloat (pm_baseline_get_value (baseline), ==, 139);
  g_assert_cmpstr (pm_baseline_get_note (baseline), ==, "school data 2015-16");
  g_assert_cmpuint (g_list_model_get_n_items (pm_baseline_get_sites (baseline)), ==, 2);
}

/* A damaged file is drawn at once while its integrity check runs in the
 * background, but it is never written: a save before the check is done
 * is refused, and once the check fails the window closes the file and
 * says it is damaged, as it does for a file refused at open. */
static void
test_damaged_file_not_written (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autofree char *path = pm_test_sample_database (fixture->dir, "damaged.db");
  g_autoptr(PmDistrict) district = pm_district_new ("Lichfield North");
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  AdwStatusPage *error_page;

  pm_test_damage_unread_index (path);
  before = pm_test_read_file (path);

  g_assert_true (pm_window_open_database (fixture->window, path));
  g_assert_nonnull (pm_window_get_programme (fixture->window));
  g_assert_true (pm_store_check_pending (pm_window_get_store (fixture->window)));
  g_assert_false (pm_store_add_district (pm_window_get_store (fixture->window),
                                         pm_window_get_programme (fixture->window), district, &error));
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_LOCKED);

  gui_test_wait_until (gui_test_is_checked, fixture->window);
  gui_test_drain ();
  g_assert_null (pm_window_get_store (fixture->window));
  g_assert_null (pm_window_get_programme (fixture->window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (gui_test_window_child (fixture, "stack")), ==, "error");
  error_page = ADW_STATUS_PAGE (gui_test_window_child (fixture, "error_page"));
  g_assert_cmpstr (adw_status_page_get_title (error_page), ==, "Could Not Open “damaged.db”");
  g_assert_nonnull (strstr (adw_status_page_get_description (error_page), "is damaged"));

  after = pm_test_read_file (path);
  g_assert_true (g_bytes_equal (before, after));
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
  gui_test_wait_until (gui_test_is_checked, fixture->window);
  g_assert_null (pm_window_get_programme (fixture->window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (gui_test_window_child (fixture, "stack")), ==, "empty");
  /* The overview's own Add District button follows the action. */
  add_district = gui_test_find_descendant (gui_test_window_child (fixture, "overview_page"), GTK_TYPE_BUTTON, "win.add-district");
  g_assert_nonnull (add_district);
  g_assert_false (gtk_widget_get_sensitive (add_district));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.add-district", NULL);
  gui_test_drain ();
  g_assert_null (gui_test_find_toplevel (PM_TYPE_EDIT_DIALOG));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.create-programme", NULL));
  gui_test_drain ();
  g_assert_nonnull (pm_window_get_programme (fixture->window));
  g_assert_true (gtk_stack_get_visible_child (gui_test_window_child (fixture, "stack")) == GTK_WIDGET (gui_test_window_child (fixture, "overview_page")));

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
  GtkEditable *entry = GTK_EDITABLE (gui_test_template_child (gui_test_window_child (fixture, "sidebar"), PM_TYPE_SIDEBAR, "search_entry"));
  g_autofree char *key = pm_search_prepare (gtk_editable_get_text (entry));

  /* The search entry waits a moment after typing before it searches. */
  return g_strcmp0 (key, pm_sidebar_get_search_key (gui_test_window_child (fixture, "sidebar"))) == 0;
}

static void
test_search_finds_kpis (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkEditable *entry = GTK_EDITABLE (gui_test_template_child (gui_test_window_child (fixture, "sidebar"), PM_TYPE_SIDEBAR, "search_entry"));
  GtkStack *stack = GTK_STACK (gui_test_template_child (gui_test_window_child (fixture, "sidebar"), PM_TYPE_SIDEBAR, "stack"));
  GtkListView *list = GTK_LIST_VIEW (gui_test_template_child (gui_test_window_child (fixture, "sidebar"), PM_TYPE_SIDEBAR, "list_view"));
  GListModel *rows = G_LIST_MODEL (gtk_list_view_get_model (list));

  /* Ctrl+F, listed in the shortcuts window (Ctrl+?) with the others. */
  {
    g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.search");

    g_assert_true (g_strv_contains ((const char * const *) accels, "<Control>f"));
    g_assert_nonnull (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (fixture->window)));
  }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.search", NULL));
  gui_test_drain ();
  g_assert_true (pm_sidebar_get_search_mode (gui_test_window_child (fixture, "sidebar")));

  /* A KPI's words find it, under its pilot (and district), nothing else. */
  gtk_editable_set_text (entry, "outcome star");
  gui_test_wait_until (search_settled, fixture);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 3);

  gtk_editable_set_text (entry, "no such words anywhere");
  gui_test_wait_until (search_settled, fixture);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "no-results");
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

  ADD ("/gui/window/enter-value-and-undo", test_enter_value_and_undo);
  ADD ("/gui/window/first-value-undone", test_first_value_undone);
  ADD ("/gui/window/undo-then-redo", test_undo_then_redo);
  ADD ("/gui/window/bad-values-refused", test_bad_values_refused);
  ADD ("/gui/window/unreadable-file-keeps-document", test_unreadable_file_keeps_document);
  ADD ("/gui/window/search-finds-kpis", test_search_finds_kpis);
  ADD ("/gui/window/baseline-dialog", test_baseline_dialog);
  ADD ("/gui/window/baseline-sites-dialog", test_baseline_sites_dialog);
  ADD ("/gui/window/history-shows-change", test_history_shows_change);
  ADD ("/gui/window/signoff-from-pilot-menu", test_signoff_from_pilot_menu);
  ADD ("/gui/window/freeze-round-from-menu", test_freeze_round_from_menu);
  ADD ("/gui/window/conflict-shown", test_conflict_shown);
  ADD ("/gui/window/export-over-database-refused", test_export_over_database_refused);
  ADD ("/gui/window/delete-in-accepted-quarter", test_delete_in_accepted_quarter);
  ADD ("/gui/window/read-failure-toast", test_read_failure_toast);
  ADD ("/gui/window/refreshes-with-changes-elsewhere", test_refreshes_with_changes_elsewhere);
  ADD ("/gui/window/changes-elsewhere-in-background", test_changes_elsewhere_in_background);
  ADD ("/gui/window/changes-elsewhere-wait-for-dialog", test_changes_elsewhere_wait_for_dialog);
  ADD ("/gui/window/connect-to-server", test_connect_to_server);
  ADD ("/gui/window/empty-database", test_empty_database);
  ADD ("/gui/window/damaged-file-not-written", test_damaged_file_not_written);

  status = g_test_run ();
  g_clear_object (&app);

  return status;
}
