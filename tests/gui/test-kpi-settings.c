/* test-kpi-settings.c: a KPI's frequency, its schedule of milestones and
 * its indicator, set in the window; and the period selector offering the
 * programme's years (needs a display)
 *
 * Each test builds the window on a fresh copy of the sample programme;
 * what is asserted about the data is read back from the database by a
 * fresh PmStore.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "gui-test-util.h"
#include "model/pm-schedule.h"
#include "pm-edit-dialog.h"
#include "pm-export-dialog.h"
#include "pm-kpi-table.h"
#include "pm-period-selector.h"
#include "pm-pilot-page.h"
#include "pm-print-operation.h"
#include "pm-quarter-report.h"
#include "pm-window-private.h"

#define CANNOCK "Cannock Chase"
#define WCFC "WCFC to work with 75"
#define YEARLY_TITLE "Families' outcomes over the year"

static PmApplication *app;
/* What the latest save said, the toast's words: the toast itself may have
 * timed out by the time a slow (sanitized) run looks at it. */
static char *last_saved;
static gulong saved_handler;

typedef GuiTestWindow Fixture;

static void
saved_cb (PmSession  *session,
          const char *message,
          gpointer    undo,
          gpointer    user_data)
{
  g_free (last_saved);
  last_saved = g_strdup (message);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  gui_test_window_open (fixture, app, "pm-test-kpi-settings", 0, 0);
  saved_handler = g_signal_connect (pm_window_get_session (fixture->window), "saved", G_CALLBACK (saved_cb), NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_signal_handler (&saved_handler, pm_window_get_session (fixture->window));
  gui_test_window_close (fixture);
  g_clear_pointer (&last_saved, g_free);
}

/* Cannock's KPI whose title starts with @title_start, as the file holds
 * it; *@programme (replaced) keeps it. */
static PmKpi *
saved_kpi (Fixture      *fixture,
           PmProgramme **programme,
           const char   *title_start)
{
  g_clear_object (programme);
  *programme = pm_test_store_read (fixture->path, PM_STORE_OPEN_READ_ONLY);

  return pm_test_find_kpi (*programme, CANNOCK, title_start);
}

static PmEditDialog *
edit_dialog (void)
{
  PmEditDialog *dialog = gui_test_find_toplevel (PM_TYPE_EDIT_DIALOG);

  g_assert_nonnull (dialog);
  return dialog;
}

/* Presses the dialog's default button, as a click does. */
static void
press_save (PmEditDialog *dialog)
{
  g_signal_emit_by_name (gtk_window_get_default_widget (GTK_WINDOW (dialog)), "clicked");
  gui_test_drain ();
}

static void
set_field (PmEditDialog *dialog,
           const char   *key,
           const char   *text)
{
  gtk_editable_set_text (GTK_EDITABLE (pm_edit_dialog_get_field (dialog, key)), text);
}

static void
select_wcfc (Fixture *fixture)
{
  gui_test_select_pilot (fixture, CANNOCK);
  gui_test_select_kpi (fixture, WCFC);
}

/* A new KPI is quarterly unless chosen otherwise; chosen yearly, the
 * store holds it yearly. */
static void
add_yearly_kpi (Fixture *fixture)
{
  GtkWidget *page = gui_test_window_child (fixture, "pilot_page");
  g_autoptr(PmProgramme) saved = NULL;
  PmEditDialog *dialog;
  GtkWidget *frequency;

  gui_test_select_pilot (fixture, CANNOCK);
  g_assert_true (gtk_widget_activate_action (page, "pilot.add-kpi", NULL));
  dialog = edit_dialog ();
  frequency = pm_edit_dialog_get_field (dialog, "frequency");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (frequency)), ==, PM_FREQUENCY_QUARTERLY);
  set_field (dialog, "title", YEARLY_TITLE);
  adw_combo_row_set_selected (ADW_COMBO_ROW (frequency), PM_FREQUENCY_YEARLY);
  press_save (dialog);
  g_assert_null (gui_test_find_toplevel (PM_TYPE_EDIT_DIALOG));
  g_assert_cmpstr (last_saved, ==, "KPI added");

  g_assert_cmpint (pm_kpi_get_frequency (saved_kpi (fixture, &saved, YEARLY_TITLE)), ==, PM_FREQUENCY_YEARLY);
}

static void
test_new_kpi_yearly (Fixture       *fixture,
                     gconstpointer  data)
{
  add_yearly_kpi (fixture);
}

/* WCFC has a value for Q3 2016/17: it cannot become yearly, the dialog
 * says why beside the field and stays open, and nothing is written. */
static void
test_frequency_refused (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(PmProgramme) saved = NULL;
  PmEditDialog *dialog;
  GtkWidget *frequency;

  select_wcfc (fixture);
  g_assert_true (gtk_widget_activate_action (gui_test_kpi_table (fixture), "kpi.edit", NULL));
  dialog = edit_dialog ();
  frequency = pm_edit_dialog_get_field (dialog, "frequency");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (frequency)), ==, PM_FREQUENCY_QUARTERLY);
  set_field (dialog, "title", "WCFC, yearly");
  adw_combo_row_set_selected (ADW_COMBO_ROW (frequency), PM_FREQUENCY_YEARLY);
  press_save (dialog);

  g_assert_true (gui_test_find_toplevel (PM_TYPE_EDIT_DIALOG) == dialog);
  g_assert_true (gtk_widget_has_css_class (frequency, "error"));
  g_assert_cmpint (pm_kpi_get_frequency (saved_kpi (fixture, &saved, WCFC)), ==, PM_FREQUENCY_QUARTERLY);
  g_assert_cmpint (pm_kpi_get_frequency (pm_kpi_table_get_selected_kpi (PM_KPI_TABLE (gui_test_kpi_table (fixture)))),
                   ==, PM_FREQUENCY_QUARTERLY);
  gtk_window_destroy (GTK_WINDOW (dialog));
  gui_test_drain ();
}

/* An instance of an indicator shows the indicator's unit and direction,
 * not to be changed, and says why. */
static void
test_indicator_fixed (Fixture       *fixture,
                      gconstpointer  data)
{
  PmProgramme *programme = pm_window_get_programme (fixture->window);
  g_autoptr(PmIndicator) indicator = pm_indicator_new ("families-supported", "Families supported",
                                                       PM_UNIT_COUNT, PM_DIRECTION_INCREASE,
                                                       PM_AGGREGATION_SUM);
  g_autoptr(GError) error = NULL;
  PmEditDialog *dialog;
  GtkWidget *unit, *direction;

  g_assert_true (pm_programme_add_indicator (programme, indicator, &error));
  g_assert_no_error (error);
  select_wcfc (fixture);
  pm_kpi_set_indicator (pm_kpi_table_get_selected_kpi (PM_KPI_TABLE (gui_test_kpi_table (fixture))),
                        "families-supported");

  g_assert_true (gtk_widget_activate_action (gui_test_kpi_table (fixture), "kpi.edit", NULL));
  dialog = edit_dialog ();
  unit = pm_edit_dialog_get_field (dialog, "unit");
  direction = pm_edit_dialog_get_field (dialog, "direction");
  g_assert_false (gtk_widget_get_sensitive (unit));
  g_assert_false (gtk_widget_get_sensitive (direction));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (unit)), "“Families supported”"));
  g_assert_true (gtk_widget_get_sensitive (pm_edit_dialog_get_field (dialog, "title")));
  g_assert_true (gtk_widget_get_sensitive (pm_edit_dialog_get_field (dialog, "frequency")));
  gtk_window_destroy (GTK_WINDOW (dialog));
  gui_test_drain ();

  /* Another KPI is free to choose. */
  gui_test_select_kpi (fixture, "CESS");
  g_assert_true (gtk_widget_activate_action (gui_test_kpi_table (fixture), "kpi.edit", NULL));
  dialog = edit_dialog ();
  g_assert_true (gtk_widget_get_sensitive (pm_edit_dialog_get_field (dialog, "unit")));
  gtk_window_destroy (GTK_WINDOW (dialog));
  gui_test_drain ();
}

static guint
n_saved_milestones (Fixture *fixture)
{
  g_autoptr(PmProgramme) saved = NULL;
  g_autoptr(GPtrArray) milestones = pm_kpi_get_milestones (saved_kpi (fixture, &saved, WCFC));

  return milestones->len;
}

/* A second milestone is added after the first, shown at once in the
 * KPI's subtitle and saved; then the first is revised, and the schedule
 * keeps both. */
static void
test_milestone_added (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkWidget *subtitle = gui_test_template_child (gui_test_kpi_table (fixture), PM_TYPE_KPI_TABLE, "editor_subtitle");
  g_autoptr(PmProgramme) saved = NULL;
  g_autoptr(GPtrArray) milestones = NULL;
  PmEditDialog *dialog;
  GtkWidget *milestone;

  select_wcfc (fixture);
  g_assert_null (strstr (gtk_label_get_label (GTK_LABEL (subtitle)), "120"));
  g_assert_true (gtk_widget_activate_action (gui_test_kpi_table (fixture), "kpi.add-target", NULL));
  dialog = edit_dialog ();
  milestone = pm_edit_dialog_get_field (dialog, "milestone");
  /* The one milestone there is, offered first to revise, then a new one. */
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (ADW_COMBO_ROW (milestone))), ==, 2);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (milestone)), ==, 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (pm_edit_dialog_get_field (dialog, "value"))), ==, "75");
  adw_combo_row_set_selected (ADW_COMBO_ROW (milestone), 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (pm_edit_dialog_get_field (dialog, "value"))), ==, "");
  set_field (dialog, "value", "120");
  set_field (dialog, "date", "2018-10-31");
  set_field (dialog, "reason", "A second year agreed by the board");
  press_save (dialog);
  g_assert_null (gui_test_find_toplevel (PM_TYPE_EDIT_DIALOG));
  g_assert_cmpstr (last_saved, ==, "Milestone added");
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (subtitle)), "120 by 31 October 2018"));

  milestones = pm_kpi_get_milestones (saved_kpi (fixture, &saved, WCFC));
  g_assert_cmpuint (milestones->len, ==, 2);
  g_assert_cmpfloat (pm_target_get_value (g_ptr_array_index (milestones, 1)), ==, 120);
  g_assert_cmpstr (pm_target_get_date (g_ptr_array_index (milestones, 1)), ==, "2018-10-31");
  g_assert_cmpstr (pm_target_get_reason (g_ptr_array_index (milestones, 1)), ==, "A second year agreed by the board");
  g_clear_pointer (&milestones, g_ptr_array_unref);
  g_clear_object (&saved);

  /* Revising the first, not the last. */
  g_assert_true (gtk_widget_activate_action (gui_test_kpi_table (fixture), "kpi.add-target", NULL));
  dialog = edit_dialog ();
  milestone = pm_edit_dialog_get_field (dialog, "milestone");
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (ADW_COMBO_ROW (milestone))), ==, 3);
  adw_combo_row_set_selected (ADW_COMBO_ROW (milestone), 0);
  set_field (dialog, "value", "70");
  press_save (dialog);
  g_assert_null (gui_test_find_toplevel (PM_TYPE_EDIT_DIALOG));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (subtitle)), "70 by 31 October 2017"));

  milestones = pm_kpi_get_milestones (saved_kpi (fixture, &saved, WCFC));
  g_assert_cmpuint (milestones->len, ==, 2);
  g_assert_cmpfloat (pm_target_get_value (g_ptr_array_index (milestones, 0)), ==, 70);
  g_assert_cmpfloat (pm_target_get_value (g_ptr_array_index (milestones, 1)), ==, 120);
  g_assert_cmpuint (g_list_model_get_n_items (pm_kpi_get_targets (saved_kpi (fixture, &saved, WCFC))), ==, 3);
}

/* WCFC's baseline is of October 2016: a milestone before it is refused
 * beside its date, and nothing is saved. */
static void
test_milestone_before_baseline (Fixture       *fixture,
                                gconstpointer  data)
{
  PmEditDialog *dialog;
  GtkWidget *date;

  select_wcfc (fixture);
  g_assert_cmpuint (n_saved_milestones (fixture), ==, 1);
  g_assert_true (gtk_widget_activate_action (gui_test_kpi_table (fixture), "kpi.add-target", NULL));
  dialog = edit_dialog ();
  adw_combo_row_set_selected (ADW_COMBO_ROW (pm_edit_dialog_get_field (dialog, "milestone")), 1);
  set_field (dialog, "value", "10");
  set_field (dialog, "date", "2015-03-31");
  press_save (dialog);

  date = pm_edit_dialog_get_field (dialog, "date");
  g_assert_true (gui_test_find_toplevel (PM_TYPE_EDIT_DIALOG) == dialog);
  g_assert_true (gtk_widget_has_css_class (date, "error"));
  g_assert_cmpuint (n_saved_milestones (fixture), ==, 1);
  gtk_window_destroy (GTK_WINDOW (dialog));
  gui_test_drain ();
}

/* Whether a label under @widget says exactly @text. */
static gboolean
has_label (GtkWidget  *widget,
           const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_label (child, text))
      return TRUE;

  return FALSE;
}

/* With a yearly KPI the selector lists each year after its fourth
 * quarter; chosen, the year stays itself (in the session, on the button,
 * across a reload), and the pages, the overview and the export dialog
 * cope with it. */
static void
test_selector_offers_year (Fixture       *fixture,
                           gconstpointer  data)
{
  GtkWidget *selector = gui_test_window_child (fixture, "period_selector");
  GtkDropDown *drop_down = GTK_DROP_DOWN (gui_test_template_child (selector, PM_TYPE_PERIOD_SELECTOR, "drop_down"));
  GListModel *periods = gtk_drop_down_get_model (drop_down);
  PmSession *session = pm_window_get_session (fixture->window);
  g_autoptr(PmPeriod) year = pm_period_new_year (2016);
  g_autoptr(PmPeriod) q4 = pm_period_new (2016, 4);
  PmExportDialog *export;
  AdwComboRow *period_row;
  GtkWidget *button;
  int position = -1;

  for (guint i = 0; i < g_list_model_get_n_items (periods); i++)
    {
      g_autoptr(PmPeriod) each = g_list_model_get_item (periods, i);

      g_assert_cmpint (pm_period_get_frequency (each), ==, PM_FREQUENCY_QUARTERLY);
    }

  add_yearly_kpi (fixture);
  for (guint i = 0; i < g_list_model_get_n_items (periods); i++)
    {
      g_autoptr(PmPeriod) each = g_list_model_get_item (periods, i);

      if (pm_period_equal (each, year))
        position = (int) i;
    }
  g_assert_cmpint (position, >, 0);
  {
    g_autoptr(PmPeriod) before = g_list_model_get_item (periods, (guint) position - 1);

    g_assert_true (pm_period_equal (before, q4));
  }

  gtk_drop_down_set_selected (drop_down, (guint) position);
  gui_test_drain ();
  g_assert_true (pm_period_equal (pm_session_get_period (session), year));
  /* The drop-down's button, not its list. */
  button = gui_test_find_descendant (GTK_WIDGET (drop_down), GTK_TYPE_TOGGLE_BUTTON, NULL);
  g_assert_nonnull (button);
  g_assert_true (has_label (button, "2016/17"));
  g_assert_false (has_label (button, "Q4 2016/17"));

  /* As the poll does, reading others' changes. */
  _pm_window_reload (fixture->window);
  gui_test_drain ();
  g_assert_true (pm_period_equal (pm_session_get_period (session), year));
  g_assert_true (pm_period_equal (pm_period_selector_get_period (PM_PERIOD_SELECTOR (selector)), year));

  /* The pages with a year shown. */
  select_wcfc (fixture);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-overview", NULL));
  gui_test_drain ();

  /* The documents are of a quarter: the year's fourth is offered. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.export-document", NULL));
  gui_test_drain ();
  export = gui_test_find_toplevel (PM_TYPE_EXPORT_DIALOG);
  g_assert_nonnull (export);
  period_row = ADW_COMBO_ROW (gui_test_template_child (export, PM_TYPE_EXPORT_DIALOG, "period_row"));
  g_assert_cmpstr (gtk_string_object_get_string (adw_combo_row_get_selected_item (period_row)), ==, "Q4 2016/17");
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (period_row)), <, 200);
  gtk_window_destroy (GTK_WINDOW (export));
  gui_test_drain ();
}

/* With a monthly KPI the months stand after their quarter; a month
 * chosen stays itself, and the pages and the export dialog cope. */
static void
test_selector_offers_month (Fixture       *fixture,
                            gconstpointer  data)
{
  GtkWidget *page = gui_test_window_child (fixture, "pilot_page");
  GtkWidget *selector = gui_test_window_child (fixture, "period_selector");
  GtkDropDown *drop_down = GTK_DROP_DOWN (gui_test_template_child (selector, PM_TYPE_PERIOD_SELECTOR, "drop_down"));
  GListModel *periods = gtk_drop_down_get_model (drop_down);
  PmSession *session = pm_window_get_session (fixture->window);
  g_autoptr(PmPeriod) october = pm_period_new_month (2016, 7);
  g_autoptr(PmPeriod) q3 = pm_period_new (2016, 3);
  g_autoptr(PmProgramme) saved = NULL;
  PmExportDialog *export;
  AdwComboRow *period_row;
  PmEditDialog *dialog;
  GtkWidget *button;
  int position = -1;

  gui_test_select_pilot (fixture, CANNOCK);
  g_assert_true (gtk_widget_activate_action (page, "pilot.add-kpi", NULL));
  dialog = edit_dialog ();
  set_field (dialog, "title", "Families seen each month");
  adw_combo_row_set_selected (ADW_COMBO_ROW (pm_edit_dialog_get_field (dialog, "frequency")), PM_FREQUENCY_MONTHLY);
  press_save (dialog);
  g_assert_cmpint (pm_kpi_get_frequency (saved_kpi (fixture, &saved, "Families seen each month")), ==,
                   PM_FREQUENCY_MONTHLY);

  for (guint i = 0; i < g_list_model_get_n_items (periods); i++)
    {
      g_autoptr(PmPeriod) each = g_list_model_get_item (periods, i);

      if (pm_period_equal (each, october))
        position = (int) i;
    }
  g_assert_cmpint (position, >, 0);
  {
    g_autoptr(PmPeriod) before = g_list_model_get_item (periods, (guint) position - 1);

    g_assert_true (pm_period_equal (before, q3));
  }

  gtk_drop_down_set_selected (drop_down, (guint) position);
  gui_test_drain ();
  g_assert_true (pm_period_equal (pm_session_get_period (session), october));
  button = gui_test_find_descendant (GTK_WIDGET (drop_down), GTK_TYPE_TOGGLE_BUTTON, NULL);
  g_assert_true (has_label (button, "October 2016"));

  select_wcfc (fixture);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-overview", NULL));
  gui_test_drain ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.export-document", NULL));
  gui_test_drain ();
  export = gui_test_find_toplevel (PM_TYPE_EXPORT_DIALOG);
  g_assert_nonnull (export);
  period_row = ADW_COMBO_ROW (gui_test_template_child (export, PM_TYPE_EXPORT_DIALOG, "period_row"));
  g_assert_cmpstr (gtk_string_object_get_string (adw_combo_row_get_selected_item (period_row)), ==, "Q3 2016/17");
  gtk_window_destroy (GTK_WINDOW (export));
  gui_test_drain ();
}

/* The print dialog's Report tab, for a year shown: the report is of the
 * year's fourth quarter, offered first and printed. */
static void
test_print_year (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(PmPeriod) year = pm_period_new_year (2016);
  g_autoptr(PmPeriod) q4 = pm_period_new (2016, 4);
  g_autoptr(PmPrintOperation) operation = pm_print_operation_new (pm_window_get_programme (fixture->window), year);
  GtkWidget *tab = NULL;
  GtkWidget *period = NULL;

  g_signal_emit_by_name (operation, "create-custom-widget", &tab);
  g_assert_nonnull (tab);
  g_object_ref_sink (tab);
  /* The district's drop-down, then the period's. */
  for (GtkWidget *each = gui_test_find_descendant (tab, GTK_TYPE_DROP_DOWN, NULL); each != NULL;
       each = gtk_widget_get_next_sibling (each))
    if (GTK_IS_DROP_DOWN (each))
      period = each;
  g_assert_nonnull (period);
  g_assert_cmpstr (gtk_string_object_get_string (gtk_drop_down_get_selected_item (GTK_DROP_DOWN (period))), ==,
                   "Q4 2016/17");

  g_signal_emit_by_name (operation, "custom-widget-apply", tab);
  g_assert_true (pm_period_equal (pm_print_operation_get_period (operation), q4));
  g_object_unref (tab);
}

/* Narratives, spend and the sign-off are kept by quarter: with a year
 * shown they are the year's fourth quarter's, and nothing is refused. */
static void
test_year_keeps_quarterly_records (Fixture       *fixture,
                                   gconstpointer  data)
{
  GtkWidget *page = gui_test_window_child (fixture, "pilot_page");
  GtkWidget *report = gui_test_template_child (page, PM_TYPE_PILOT_PAGE, "quarter_report");
  GtkTextView *progress = GTK_TEXT_VIEW (gui_test_template_child (report, PM_TYPE_QUARTER_REPORT, "progress_view"));
  GtkWidget *group = gui_test_template_child (report, PM_TYPE_QUARTER_REPORT, "narrative_group");
  PmSession *session = pm_window_get_session (fixture->window);
  g_autoptr(PmPeriod) year = pm_period_new_year (2016);
  g_autoptr(PmPeriod) q4 = pm_period_new (2016, 4);
  g_autoptr(PmProgramme) saved = NULL;
  PmNarrative *narrative;
  PmEditDialog *dialog;
  PmPilot *pilot;
  GListModel *spend;
  g_autoptr(PmSpendItem) last = NULL;

  gui_test_select_pilot (fixture, CANNOCK);
  pm_session_set_period (session, year);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (gui_test_template_child (page, PM_TYPE_PILOT_PAGE,
                                                                                  "view_stack")),
                                         "report");
  gui_test_drain ();
  g_assert_cmpstr (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (group)), ==, "Narrative for Q4 2016/17");

  gtk_text_buffer_insert_interactive_at_cursor (gtk_text_view_get_buffer (progress), "A year of family work.", -1,
                                                TRUE);
  pm_quarter_report_flush (PM_QUARTER_REPORT (report));
  gui_test_drain ();
  g_assert_cmpstr (last_saved, ==, "Narrative saved");

  g_assert_true (gtk_widget_activate_action (page, "pilot.add-spend", NULL));
  dialog = edit_dialog ();
  set_field (dialog, "description", "Room hire");
  set_field (dialog, "amount", "£100");
  press_save (dialog);
  g_assert_null (gui_test_find_toplevel (PM_TYPE_EDIT_DIALOG));

  g_assert_true (gtk_widget_activate_action (page, "pilot.submit-quarter", NULL));
  gui_test_drain ();

  saved = pm_test_store_read (fixture->path, PM_STORE_OPEN_READ_ONLY);
  pilot = pm_test_first_pilot (saved, CANNOCK);
  narrative = pm_pilot_get_narrative (pilot, q4);
  g_assert_nonnull (narrative);
  g_assert_cmpstr (pm_narrative_get_progress (narrative), ==, "A year of family work.");
  spend = pm_pilot_get_spend (pilot);
  last = g_list_model_get_item (spend, g_list_model_get_n_items (spend) - 1);
  g_assert_cmpstr (pm_spend_item_get_description (last), ==, "Room hire");
  g_assert_true (pm_period_equal (pm_spend_item_get_period (last), q4));

  /* Submitted for the fourth quarter, as it shows there too. */
  g_assert_cmpint (pm_session_get_signoff (session, pm_pilot_get_district (pm_pilot_page_get_pilot (PM_PILOT_PAGE (page)))),
                   ==, PM_SIGNOFF_SUBMITTED);
  pm_session_set_period (session, q4);
  gui_test_drain ();
  g_assert_cmpint (pm_session_get_signoff (session, pm_pilot_get_district (pm_pilot_page_get_pilot (PM_PILOT_PAGE (page)))),
                   ==, PM_SIGNOFF_SUBMITTED);
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

  ADD ("/gui/kpi-settings/new-kpi-yearly", test_new_kpi_yearly);
  ADD ("/gui/kpi-settings/frequency-refused", test_frequency_refused);
  ADD ("/gui/kpi-settings/indicator-fixed", test_indicator_fixed);
  ADD ("/gui/kpi-settings/milestone-added", test_milestone_added);
  ADD ("/gui/kpi-settings/milestone-before-baseline", test_milestone_before_baseline);
  ADD ("/gui/kpi-settings/selector-offers-year", test_selector_offers_year);
  ADD ("/gui/kpi-settings/selector-offers-month", test_selector_offers_month);
  ADD ("/gui/kpi-settings/year-keeps-quarterly-records", test_year_keeps_quarterly_records);
  ADD ("/gui/kpi-settings/print-year", test_print_year);

#undef ADD

  status = g_test_run ();
  g_clear_object (&app);

  return status;
}
