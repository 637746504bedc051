/* test-import.c: importing quarterly values from CSV in the window
 *
 * Drives the real import dialog on the real window (needs a display): the
 * review lists what would change and what is refused, Import saves, and
 * Cancel half-way through a long import (the progress bar showing) leaves
 * the database file exactly as it was. What is asserted about the data is
 * read back from the file by a fresh PmStore.
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
#include "pm-edits.h"
#include "pm-import-dialog.h"
#include "pm-progress-window.h"
#include "pm-returns-dialog.h"
#include "pm-window-private.h"
#include "store/pm-csv.h"
#include "util/pm-csv-cell.h"
#include "store/pm-sample.h"

#define HEADER "district,pilot,kpi,period,value,note\r\n"
#define CANNOCK "Cannock Chase"
#define CANNOCK_PILOT "Chadsmoor & Western Springs Community Family Intervention Service"
#define WCFC_KPI "WCFC to work with 75 families not supported by any other agency, within 12 months"

static PmApplication *app;

typedef struct
{
  char           *dir;
  char           *db;
  char           *csv;
  PmWindow       *window;
  PmImportDialog *dialog;
  gboolean        finished;
  guint           n_written;
  GError         *error;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data G_GNUC_UNUSED)
{
  fixture->dir = gui_test_make_sample_database ("pm-test-import", &fixture->db);
  fixture->csv = g_build_filename (fixture->dir, "values, Q4.csv", NULL);

  fixture->window = g_object_ref_sink (pm_window_new (app));
  g_assert_true (pm_window_open_database (fixture->window, fixture->db));
  gui_test_wait_until (gui_test_is_checked, fixture->window);
  gtk_window_present (GTK_WINDOW (fixture->window));
  gui_test_wait_until (gui_test_is_mapped, fixture->window);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data G_GNUC_UNUSED)
{
  if (fixture->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (fixture->dialog));
  g_clear_object (&fixture->dialog);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->window);
  gui_test_drain ();
  g_clear_error (&fixture->error);

  pm_test_clear_dir (&fixture->dir);
  g_free (fixture->db);
  g_free (fixture->csv);
}

static void
finished_cb (PmImportDialog *dialog,
             guint           n_written,
             const GError   *error,
             Fixture        *fixture)
{
  fixture->finished = TRUE;
  fixture->n_written = n_written;
  fixture->error = error != NULL ? g_error_copy (error) : NULL;
}

static gboolean
is_finished (gpointer data)
{
  return ((Fixture *) data)->finished;
}

static gboolean
is_reviewing (gpointer data)
{
  Fixture *fixture = data;

  return fixture->finished ||
         g_strcmp0 (pm_import_dialog_get_stage (fixture->dialog), "review") == 0;
}

/* Writes @text to the fixture's CSV file and opens the import dialog on
 * it, as the menu item does once a file is chosen. */
static void
open_dialog (Fixture    *fixture,
             const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (fixture->csv);

  g_assert_true (g_file_set_contents (fixture->csv, text, -1, &error));
  g_assert_no_error (error);

  fixture->dialog = g_object_ref (pm_import_dialog_new (GTK_WINDOW (fixture->window),
                                                        pm_window_get_store (fixture->window),
                                                        pm_window_get_programme (fixture->window), file));
  g_signal_connect (fixture->dialog, "finished", G_CALLBACK (finished_cb), fixture);
  gtk_window_present (GTK_WINDOW (fixture->dialog));
  gui_test_wait_until (is_reviewing, fixture);
}

static GtkWidget *
template_child (gpointer    widget,
                const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (widget), PM_TYPE_IMPORT_DIALOG, name);

  g_assert_nonnull (child);
  return GTK_WIDGET (child);
}

static guint
count_rows (GtkWidget *list)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (list); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

static char *
row_title (GtkWidget *list,
           guint      index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), index);

  g_assert_nonnull (row);
  return g_strdup (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
}

static GBytes *
read_db (Fixture *fixture)
{
  return pm_test_read_file (fixture->db);
}

/* Every stored value, as "kpi-id/period=value" lines, read by a new store. */
static char *
dump_values (Fixture *fixture)
{
  g_autoptr(PmProgramme) programme = pm_test_store_read (fixture->db, PM_STORE_OPEN_READ_ONLY);
  g_autoptr(GListModel) kpis = pm_programme_list_kpis (programme);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (kpis); i++)
    {
      g_autoptr(PmKpi) kpi = g_list_model_get_item (kpis, i);
      GListModel *entries = pm_kpi_get_entries (kpi);

      for (guint j = 0; j < g_list_model_get_n_items (entries); j++)
        {
          g_autoptr(PmProgressEntry) entry = g_list_model_get_item (entries, j);
          g_autofree char *code = pm_period_to_code (pm_progress_entry_get_period (entry));

          g_string_append_printf (out, "%" G_GINT64_FORMAT "/%s=%g\n", pm_kpi_get_id (kpi), code,
                                  pm_progress_entry_has_value (entry) ? pm_progress_entry_get_value (entry) : -1);
        }
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* A percentage that looks like a fraction is listed with its warning,
 * and one given as its parts is shown with them. */
static void
test_review_warns_fraction (Fixture       *fixture,
                            gconstpointer  data G_GNUC_UNUSED)
{
  GtkWidget *changes;
  g_autofree char *detail = NULL;
  const char *warned;
  const char *parts;

  open_dialog (fixture, "district,pilot,kpi,period,value,note,numerator,denominator\r\n"
                        "Lichfield,Community managed family centres in Burntwood,"
                        "Increase Early Years reach (by Wards) quarterly,FY2016-Q3,0.62,,,\r\n"
                        "Lichfield,Community managed family centres in Burntwood,"
                        "Increase Early Years reach (by Wards) quarterly,FY2016-Q4,,,212,879\r\n");
  changes = template_child (fixture->dialog, "changes_list");
  g_assert_cmpuint (count_rows (changes), ==, 2);
  warned = adw_action_row_get_subtitle (ADW_ACTION_ROW (gtk_list_box_get_row_at_index (GTK_LIST_BOX (changes), 0)));
  parts = adw_action_row_get_subtitle (ADW_ACTION_ROW (gtk_list_box_get_row_at_index (GTK_LIST_BOX (changes), 1)));
  g_test_message ("%s | %s", warned, parts);
  g_assert_nonnull (strstr (warned, "did you mean 62%?"));
  g_assert_cmpstr (parts, ==, "Q4 2016/17: 24.1% (212 of 879) (new)");
  detail = g_strdup (gtk_label_get_label (GTK_LABEL (template_child (fixture->dialog, "detail_label"))));
  g_assert_nonnull (strstr (detail, "1 value below needs a look before saving."));
}

/* A dialog left open on its review draws nothing until something
 * changes: the checking page's spinner stops with the check, rather than
 * keeping every frame ticking (a spinning spinner does even on a hidden
 * page: 27 frames in half a second of doing nothing). Frames themselves
 * are not counted: the test suite's other windows share its X server,
 * and their focus changes animate this dialog now and then. */
static void
test_review_is_idle (Fixture       *fixture,
                     gconstpointer  data G_GNUC_UNUSED)
{
  GtkWidget *spinner;

  open_dialog (fixture, HEADER
                        CANNOCK "," CANNOCK_PILOT ",\"" WCFC_KPI "\",FY2016-Q4,9,\r\n");
  g_assert_cmpstr (pm_import_dialog_get_stage (fixture->dialog), ==, "review");
  spinner = template_child (fixture->dialog, "checking_spinner");
  g_assert_false (gtk_spinner_get_spinning (GTK_SPINNER (spinner)));
}

static void
test_review_then_import (Fixture       *fixture,
                         gconstpointer  data G_GNUC_UNUSED)
{
  g_autofree char *before = dump_values (fixture);
  g_autofree char *after = NULL;
  g_autofree char *refused = NULL;
  g_autofree char *changed = NULL;
  GtkWidget *import_button;

  open_dialog (fixture, HEADER
                        CANNOCK "," CANNOCK_PILOT ",\"" WCFC_KPI "\",FY2016-Q4,9,\r\n"
                        CANNOCK "," CANNOCK_PILOT ",\"" WCFC_KPI "\",FY2016-Q3,6,\r\n"
                        CANNOCK "," CANNOCK_PILOT ",\"" WCFC_KPI "\",FY2017-Q1,lots,\r\n");
  g_assert_false (fixture->finished);

  /* The review names the refused line and shows old and new values. */
  g_assert_cmpuint (count_rows (template_child (fixture->dialog, "rejected_list")), ==, 1);
  refused = row_title (template_child (fixture->dialog, "rejected_list"), 0);
  g_assert_true (g_str_has_prefix (refused, "Line 4:"));
  g_assert_cmpuint (count_rows (template_child (fixture->dialog, "changes_list")), ==, 2);
  {
    GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (template_child (fixture->dialog, "changes_list")), 1);

    changed = g_strdup (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)));
  }
  g_assert_cmpstr (changed, ==, "Q3 2016/17: 5 → 6");

  /* Nothing is written before Import. */
  after = dump_values (fixture);
  g_assert_cmpstr (after, ==, before);
  g_clear_pointer (&after, g_free);

  import_button = template_child (fixture->dialog, "import_button");
  g_assert_true (gtk_widget_is_sensitive (import_button));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (import_button)), ==, "_Import 2 Values");
  g_signal_emit_by_name (import_button, "clicked");
  gui_test_wait_until (is_finished, fixture);

  g_assert_no_error (fixture->error);
  g_assert_cmpuint (fixture->n_written, ==, 2);
  after = dump_values (fixture);
  g_assert_cmpstr (after, !=, before);
  g_assert_nonnull (strstr (after, "FY2016-Q4=9\n"));
  g_assert_nonnull (strstr (after, "FY2016-Q3=6\n"));
  g_assert_null (strstr (after, "FY2017-Q1"));
}

static gboolean
is_writing_part_way (gpointer data)
{
  Fixture *fixture = data;
  double fraction = pm_import_dialog_get_fraction (fixture->dialog);

  return fixture->finished ||
         (g_strcmp0 (pm_import_dialog_get_stage (fixture->dialog), "writing") == 0 &&
          fraction > 0.1 && fraction < 0.9);
}

static void
test_cancel_midway (Fixture       *fixture,
                    gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GString) csv = g_string_new (HEADER);
  g_autoptr(GListModel) kpis = pm_programme_list_kpis (pm_window_get_programme (fixture->window));
  g_autoptr(GBytes) before = read_db (fixture);
  g_autoptr(GBytes) after = NULL;
  g_autofree char *values_before = dump_values (fixture);
  g_autofree char *values_after = NULL;
  GtkWidget *bar;

  /* Every KPI for 12 quarters: hundreds of rows. */
  for (guint i = 0; i < g_list_model_get_n_items (kpis); i++)
    {
      g_autoptr(PmKpi) kpi = g_list_model_get_item (kpis, i);
      PmPilot *pilot = pm_kpi_get_pilot (kpi);

      for (int q = 0; q < 12; q++)
        {
          g_string_append_printf (csv, "%s,", pm_district_get_name (pm_pilot_get_district (pilot)));
          pm_csv_append_field (csv, pm_pilot_get_title (pilot));
          g_string_append_c (csv, ',');
          pm_csv_append_field (csv, pm_kpi_get_title (kpi));
          g_string_append_printf (csv, ",FY%d-Q%d,1,\r\n", 2017 + q / 4, 1 + q % 4);
        }
    }
  open_dialog (fixture, csv->str);
  g_assert_false (fixture->finished);

  /* Small slices, so that the import is seen part-way. */
  pm_import_dialog_set_slice (fixture->dialog, 10);
  g_signal_emit_by_name (template_child (fixture->dialog, "import_button"), "clicked");
  gui_test_wait_until (is_writing_part_way, fixture);
  g_assert_false (fixture->finished);

  bar = template_child (fixture->dialog, "progress_bar");
  gui_test_wait_until (gui_test_is_mapped, bar);
  g_test_message ("cancelled at %s", gtk_progress_bar_get_text (GTK_PROGRESS_BAR (bar)));
  g_signal_emit_by_name (template_child (fixture->dialog, "cancel_button"), "clicked");
  gui_test_wait_until (is_finished, fixture);

  g_assert_error (fixture->error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (fixture->n_written, ==, 0);

  /* The values are as they were, and so (after the rollback, once the
   * window lets go of the file) are its bytes. */
  values_after = dump_values (fixture);
  g_assert_cmpstr (values_after, ==, values_before);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->window);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  fixture->window = g_object_ref_sink (pm_window_new (app));
  after = read_db (fixture);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_malformed_file (Fixture       *fixture,
                     gconstpointer  data G_GNUC_UNUSED)
{
  g_autofree char *before = dump_values (fixture);
  g_autofree char *after = NULL;

  open_dialog (fixture, "district,pilot,kpi,period,value\r\n\"never closed,x,y,FY2016-Q4,1\r\n");
  gui_test_wait_until (is_finished, fixture);

  g_assert_nonnull (fixture->error);
  g_assert_nonnull (strstr (fixture->error->message, "Line 2"));
  after = dump_values (fixture);
  g_assert_cmpstr (after, ==, before);
}

/* ---- returns ------------------------------------------------------------ */

static void
collect_rows (GtkWidget *widget,
              GPtrArray *rows)
{
  if (ADW_IS_ACTION_ROW (widget))
    g_ptr_array_add (rows, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_rows (child, rows);
}

static GtkSwitch *
find_switch (GtkWidget *widget)
{
  if (GTK_IS_SWITCH (widget))
    return GTK_SWITCH (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkSwitch *found = find_switch (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_action_button (GtkWidget  *widget,
                    const char *action_name)
{
  if (GTK_IS_BUTTON (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_action_button (child, action_name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static PmKpi *
kpi_starting (PmProgramme *programme,
              const char  *start)
{
  g_autoptr(GListModel) kpis = pm_programme_list_kpis (programme);

  for (guint i = 0; i < g_list_model_get_n_items (kpis); i++)
    {
      g_autoptr(PmKpi) kpi = g_list_model_get_item (kpis, i);

      if (g_str_has_prefix (pm_kpi_get_title (kpi), start))
        return kpi;   /* the programme keeps it */
    }
  g_assert_not_reached ();
}

static void
save_value (PmStore     *store,
            PmProgramme *programme,
            const char  *start,
            double       value)
{
  g_autoptr(PmPeriod) q4 = pm_period_new (2016, 4);

  pm_test_set_value (store, kpi_starting (programme, start), q4, value, NULL);
}

typedef struct
{
  gboolean  merged;
  guint     n_returns;
  guint     n_values;
} Merged;

static void
merged_cb (PmReturnsDialog *dialog,
           guint            n_returns,
           guint            n_values,
           const GError    *error,
           Merged          *merged)
{
  g_assert_no_error ((GError *) error);
  merged->merged = TRUE;
  merged->n_returns = n_returns;
  merged->n_values = n_values;
}

static gboolean
is_merged (gpointer data)
{
  return ((Merged *) data)->merged;
}

/* The office typed 8 for WCFC in Q4; the Cannock lead's return gives 9,
 * and 4 for CESS. A second file was edited on the way. The review shows
 * the lead's key, not trusted yet, with a switch to trust it, the
 * conflict with a switch, and refuses the edited file; nothing can be
 * merged until the key is trusted; trusting it, switching the conflict
 * on and merging saves the lead's values. */
static void
test_returns_review_and_merge (Fixture       *fixture,
                               gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PmProgramme) sample = pm_sample_programme_load (&error);
  g_autofree char *lead_db = g_build_filename (fixture->dir, "lead.db", NULL);
  g_autofree char *good = g_build_filename (fixture->dir, "cannock q4.json", NULL);
  g_autofree char *bad = g_build_filename (fixture->dir, "edited.json", NULL);
  g_autofree char *text = NULL;
  g_autofree char *after = NULL;
  g_autoptr(PmStore) lead = NULL;
  g_autoptr(PmProgramme) lead_programme = NULL;
  g_autoptr(PmReturn) ret = NULL;
  g_autoptr(PmPeriod) q4 = pm_period_new (2016, 4);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  g_autoptr(GFile) good_file = g_file_new_for_path (good);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(PmReturnsDialog) dialog = NULL;
  g_autoptr(PmSigningKey) key = NULL;
  Merged merged = { FALSE, 0, 0 };
  GtkSwitch *toggle = NULL;
  GtkSwitch *trust = NULL;
  char *at;

  lead = pm_store_open (lead_db, PM_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (pm_store_import (lead, sample, &error));
  lead_programme = pm_store_load (lead, &error);
  g_assert_no_error (error);
  pm_store_set_author (lead, "Alex Lead");
  save_value (lead, lead_programme, "WCFC", 9);
  save_value (lead, lead_programme, "CESS", 4);
  save_value (pm_window_get_store (fixture->window), pm_window_get_programme (fixture->window), "WCFC", 8);

  key = pm_signing_key_load_or_create (fixture->dir, &error);
  g_assert_no_error (error);
  ret = pm_return_new (lead_programme, pm_programme_find_district (lead_programme, CANNOCK), NULL,
                       q4, "Alex Lead", now, key);
  g_assert_true (pm_return_save (ret, good, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (good, &text, NULL, &error));
  at = strstr (text, "\"value\": 4\n");
  g_assert_nonnull (at);
  at[9] = '5';
  g_assert_true (g_file_set_contents (bad, text, -1, &error));

  g_list_store_append (files, good_file);
  g_list_store_append (files, bad_file);
  dialog = g_object_ref_sink (pm_returns_dialog_new (GTK_WINDOW (fixture->window),
                                                     pm_window_get_store (fixture->window),
                                                     pm_window_get_programme (fixture->window),
                                                     G_LIST_MODEL (files)));
  g_signal_connect (dialog, "merged", G_CALLBACK (merged_cb), &merged);
  gtk_window_present (GTK_WINDOW (dialog));
  gui_test_wait_until (gui_test_is_mapped, dialog);

  g_assert_nonnull (pm_returns_dialog_get_merge (dialog, 0));
  g_assert_null (pm_returns_dialog_get_merge (dialog, 1));

  collect_rows (GTK_WIDGET (dialog), rows);
  g_assert_cmpuint (rows->len, ==, 4);   /* the key, the conflict, the new CESS value, the refusal */
  for (guint i = 0; i < rows->len; i++)
    {
      AdwActionRow *row = g_ptr_array_index (rows, i);
      const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
      const char *subtitle = adw_action_row_get_subtitle (row);

      g_test_message ("%s | %s", title, subtitle != NULL ? subtitle : "");
      if (g_str_has_prefix (title, "WCFC"))
        {
          g_assert_cmpstr (subtitle, ==, "Conflict: the office entered 8, the return gives 9");
          toggle = find_switch (GTK_WIDGET (row));
        }
      else if (g_str_has_prefix (title, "CESS"))
        g_assert_cmpstr (subtitle, ==, "New: 4");
      else if (g_str_equal (title, "Trust this key for " CANNOCK))
        {
          g_assert_nonnull (strstr (subtitle, pm_signing_key_get_fingerprint (key)));
          trust = find_switch (GTK_WIDGET (row));
        }
      else
        g_assert_nonnull (strstr (title, "changed since it was signed"));
    }
  g_assert_nonnull (toggle);
  g_assert_false (gtk_switch_get_active (toggle));
  g_assert_nonnull (trust);
  g_assert_false (gtk_switch_get_active (trust));

  /* Until the office trusts the lead's key, there is nothing to merge. */
  g_assert_false (gtk_widget_is_sensitive (find_action_button (GTK_WIDGET (dialog), "returns.merge")));
  gtk_switch_set_active (trust, TRUE);
  g_assert_true (gtk_widget_is_sensitive (find_action_button (GTK_WIDGET (dialog), "returns.merge")));

  /* Take the lead's value, and merge. */
  gtk_switch_set_active (toggle, TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "returns.merge", NULL));
  gui_test_wait_until (is_merged, &merged);
  g_assert_cmpuint (merged.n_returns, ==, 1);
  g_assert_cmpuint (merged.n_values, ==, 2);

  after = dump_values (fixture);
  g_assert_nonnull (strstr (after, "/FY2016-Q4=9\n"));
  g_assert_nonnull (strstr (after, "/FY2016-Q4=4\n"));
  g_assert_null (strstr (after, "/FY2016-Q4=8\n"));
  pm_store_close (lead);
}

/* ---- changed since the review -------------------------------------------- */

/* The review shows WCFC's Q4 value as new; before Import, someone else
 * saves 7 there. Import saves nothing and says why (the window reads
 * their change when it comes to the front again, for the next review). */
static void
test_import_changed_since_review (Fixture       *fixture,
                                  gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PmStore) other = NULL;
  g_autoptr(PmProgramme) other_programme = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char *csv = HEADER
                    CANNOCK "," CANNOCK_PILOT ",\"" WCFC_KPI "\",FY2016-Q3,6,\r\n"
                    CANNOCK "," CANNOCK_PILOT ",\"" WCFC_KPI "\",FY2016-Q4,9,\r\n";

  open_dialog (fixture, csv);
  g_assert_false (fixture->finished);

  other = pm_store_open (fixture->db, PM_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  other_programme = pm_store_load (other, &error);
  g_assert_no_error (error);
  pm_store_set_author (other, "Another Officer");
  save_value (other, other_programme, "WCFC", 7);
  pm_store_close (other);
  before = dump_values (fixture);

  g_signal_emit_by_name (template_child (fixture->dialog, "import_button"), "clicked");
  gui_test_wait_until (is_finished, fixture);

  g_assert_error (fixture->error, PM_STORE_ERROR, PM_STORE_ERROR_CONFLICT);
  g_test_message ("%s", fixture->error->message);
  g_assert_nonnull (strstr (fixture->error->message,
                            "“" WCFC_KPI "” (Cannock Chase) for Q4 2016/17 was changed by someone "
                            "else since you reviewed it; review again."));
  g_assert_cmpuint (fixture->n_written, ==, 0);
  after = dump_values (fixture);
  g_assert_cmpstr (after, ==, before);
  g_assert_nonnull (strstr (after, "/FY2016-Q4=7\n"));
  g_assert_nonnull (strstr (after, "/FY2016-Q3=5\n"));
}

/* ---- returns: stale and other keys ---------------------------------------- */

/* A Cannock Chase return for Q4 with @value for WCFC, written
 * @seconds_ago, signed with @key. */
static char *
signed_return (Fixture      *fixture,
               PmSigningKey *key,
               double        value,
               int           seconds_ago,
               const char   *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PmProgramme) lead = pm_sample_programme_load (&error);
  g_autoptr(PmPeriod) q4 = pm_period_new (2016, 4);
  g_autoptr(PmProgressEntry) entry = pm_progress_entry_new (q4);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) created = g_date_time_add_seconds (now, -seconds_ago);
  g_autoptr(PmReturn) ret = NULL;
  char *path = g_build_filename (fixture->dir, name, NULL);

  g_assert_no_error (error);
  pm_progress_entry_set_value (entry, value);
  g_assert_true (pm_kpi_set_entry (kpi_starting (lead, "WCFC"), entry, &error));
  ret = pm_return_new (lead, pm_programme_find_district (lead, CANNOCK), NULL, q4, "Alex Lead",
                       created, key);
  g_assert_true (pm_return_save (ret, path, &error));
  g_assert_no_error (error);
  return path;
}

/* The window refuses what the command line refuses: a return older than
 * one already merged, and one signed by another key than the district's. */
static void
test_returns_stale_and_other_key (Fixture       *fixture,
                                  gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *other_dir = pm_test_dir_new ("pm-test-other-key");
  g_autoptr(PmSigningKey) key = NULL;
  g_autoptr(PmSigningKey) other_key = NULL;
  g_autofree char *older = NULL;
  g_autofree char *newer = NULL;
  g_autofree char *forged = NULL;
  g_autoptr(PmReturn) newer_return = NULL;
  g_autoptr(PmReturnMerge) merge = NULL;
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  g_autoptr(GFile) older_file = NULL;
  g_autoptr(GFile) forged_file = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(PmReturnsDialog) dialog = NULL;
  gboolean stale_shown = FALSE, other_shown = FALSE;

  g_assert_no_error (error);
  key = pm_signing_key_load_or_create (fixture->dir, &error);
  g_assert_no_error (error);
  other_key = pm_signing_key_load_or_create (other_dir, &error);
  g_assert_no_error (error);
  older = signed_return (fixture, key, 9, 7200, "older.json");
  newer = signed_return (fixture, key, 10, 3600, "newer.json");
  forged = signed_return (fixture, other_key, 99, 60, "forged.json");

  /* The newer return is merged first, its key trusted. */
  newer_return = pm_return_load (newer, &error);
  g_assert_no_error (error);
  merge = pm_return_merge_new (pm_window_get_store (fixture->window), pm_window_get_programme (fixture->window), newer_return, &error);
  g_assert_no_error (error);
  pm_return_merge_set_trust_key (merge, TRUE);
  g_assert_true (pm_return_merge_apply (merge, PM_MERGE_CONFLICTS_KEEP, NULL, &error));
  g_assert_no_error (error);

  older_file = g_file_new_for_path (older);
  forged_file = g_file_new_for_path (forged);
  g_list_store_append (files, older_file);
  g_list_store_append (files, forged_file);
  dialog = g_object_ref_sink (pm_returns_dialog_new (GTK_WINDOW (fixture->window),
                                                     pm_window_get_store (fixture->window),
                                                     pm_window_get_programme (fixture->window),
                                                     G_LIST_MODEL (files)));
  gtk_window_present (GTK_WINDOW (dialog));
  gui_test_wait_until (gui_test_is_mapped, dialog);

  g_assert_null (pm_returns_dialog_get_merge (dialog, 0));
  g_assert_null (pm_returns_dialog_get_merge (dialog, 1));
  collect_rows (GTK_WIDGET (dialog), rows);
  g_assert_cmpuint (rows->len, ==, 2);
  for (guint i = 0; i < rows->len; i++)
    {
      const char *title = adw_preferences_row_get_title (g_ptr_array_index (rows, i));

      g_test_message ("%s", title);
      stale_shown |= strstr (title, "before the one already merged") != NULL;
      other_shown |= strstr (title, "may not come from the lead") != NULL &&
                     strstr (title, pm_signing_key_get_fingerprint (other_key)) != NULL;
    }
  g_assert_true (stale_shown);
  g_assert_true (other_shown);
  g_assert_false (gtk_widget_is_sensitive (find_action_button (GTK_WIDGET (dialog), "returns.merge")));
  gtk_window_destroy (GTK_WINDOW (dialog));

  pm_test_remove_tree (other_dir);
}

/* ---- export with progress ------------------------------------------------ */

static gboolean
progress_window_gone (gpointer data)
{
  return gui_test_find_toplevel (PM_TYPE_PROGRESS_WINDOW) == NULL;
}

/* The district summaries are written in a worker thread behind a modal
 * progress window, which goes when the file is complete. */
static void
test_export_with_progress (Fixture       *fixture,
                           gconstpointer  data G_GNUC_UNUSED)
{
  g_autofree char *path = g_build_filename (fixture->dir, "district summaries.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  PmProgressWindow *progress;
  AdwToast *toast;
  gsize length = 0;

  _pm_window_export_pdf (fixture->window, file, FALSE, NULL,
                         pm_session_get_period (pm_window_get_session (fixture->window)));
  progress = gui_test_find_toplevel (PM_TYPE_PROGRESS_WINDOW);
  g_assert_nonnull (progress);
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (progress)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (progress)) == GTK_WINDOW (fixture->window));

  gui_test_wait_until (progress_window_gone, NULL);
  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  toast = _pm_window_get_toast (fixture->window);
  g_assert_nonnull (toast);
  g_assert_cmpstr (adw_toast_get_title (toast), ==, "Exported “district summaries.pdf”");
}

/* The text of the PDF at @path, as poppler's pdftotext reads it. */
static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", path, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *text = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &text, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return text;
}

/* The export's worker thread reads a copy of the programme taken when it
 * starts: a change saved in the window while the pages are laid out (the
 * programme renamed, here at once) does not reach the file, and the
 * window shows it as usual. */
static void
test_export_reads_a_copy (Fixture       *fixture,
                          gconstpointer  data G_GNUC_UNUSED)
{
  g_autofree char *path = g_build_filename (fixture->dir, "summaries.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  PmProgramme *programme = pm_window_get_programme (fixture->window);
  g_autofree char *name = g_strdup (pm_programme_get_name (programme));
  const char *names[] = { "name" };
  GValue value = G_VALUE_INIT;
  g_autoptr(PmUndo) undo = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  _pm_window_export_pdf (fixture->window, file, FALSE, NULL,
                         pm_session_get_period (pm_window_get_session (fixture->window)));
  g_assert_nonnull (gui_test_find_toplevel (PM_TYPE_PROGRESS_WINDOW));

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, "Renamed While Exporting");
  g_assert_true (pm_edit_update (pm_window_get_store (fixture->window), G_OBJECT (programme),
                                 1, names, &value, &undo, &error));
  g_assert_no_error (error);
  g_value_unset (&value);

  gui_test_wait_until (progress_window_gone, NULL);
  text = pdf_text (path);
  g_assert_nonnull (strstr (text, name));
  g_assert_null (strstr (text, "Renamed While Exporting"));
  g_assert_cmpstr (pm_programme_get_name (pm_window_get_programme (fixture->window)), ==, "Renamed While Exporting");
}

/* ---- the check reads a copy ----------------------------------------------- */

/* A local file whose reading waits until the test lets it go on, so that
 * the test knows the dialog's worker thread is running, and where, while
 * it changes the programme. */
#define GATED_TYPE_FILE (gated_file_get_type ())
G_DECLARE_FINAL_TYPE (GatedFile, gated_file, GATED, FILE, GObject)

struct _GatedFile
{
  GObject   parent_instance;

  GFile    *real;
  GMutex    lock;
  GCond     cond;
  gboolean  reading;   /* a thread is waiting to read */
  gboolean  open;      /* the test let it go on */
};

static void gated_file_iface_init (GFileIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (GatedFile, gated_file, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_FILE, gated_file_iface_init))

static void
gated_file_finalize (GObject *object)
{
  GatedFile *self = GATED_FILE (object);

  g_clear_object (&self->real);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->cond);

  G_OBJECT_CLASS (gated_file_parent_class)->finalize (object);
}

static void
gated_file_class_init (GatedFileClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gated_file_finalize;
}

static void
gated_file_init (GatedFile *self)
{
  g_mutex_init (&self->lock);
  g_cond_init (&self->cond);
}

static char *
gated_file_get_basename (GFile *file)
{
  return g_file_get_basename (GATED_FILE (file)->real);
}

static char *
gated_file_get_parse_name (GFile *file)
{
  return g_file_get_parse_name (GATED_FILE (file)->real);
}

static GFileInfo *
gated_file_query_info (GFile                *file,
                       const char           *attributes,
                       GFileQueryInfoFlags   flags,
                       GCancellable         *cancellable,
                       GError              **error)
{
  return g_file_query_info (GATED_FILE (file)->real, attributes, flags, cancellable, error);
}

static GFileInputStream *
gated_file_read (GFile         *file,
                 GCancellable  *cancellable,
                 GError       **error)
{
  GatedFile *self = GATED_FILE (file);

  g_mutex_lock (&self->lock);
  self->reading = TRUE;
  g_cond_broadcast (&self->cond);
  while (!self->open)
    g_cond_wait (&self->cond, &self->lock);
  g_mutex_unlock (&self->lock);

  return g_file_read (self->real, cancellable, error);
}

static void
gated_file_iface_init (GFileIface *iface)
{
  iface->get_basename = gated_file_get_basename;
  iface->get_parse_name = gated_file_get_parse_name;
  iface->query_info = gated_file_query_info;
  iface->read_fn = gated_file_read;
}

/* Waits (a minute at most) until a thread is held at the read. */
static void
gated_file_wait_for_reader (GatedFile *self)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_TIME_SPAN_SECOND;

  g_mutex_lock (&self->lock);
  while (!self->reading)
    if (!g_cond_wait_until (&self->cond, &self->lock, deadline))
      break;
  g_assert_true (self->reading);
  g_mutex_unlock (&self->lock);
}

static void
gated_file_open (GatedFile *self)
{
  g_mutex_lock (&self->lock);
  self->open = TRUE;
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->lock);
}

/* The check runs in a worker thread on a copy of the programme's names
 * taken when the dialog opened. While it is reading the file, the office
 * saves 7 for WCFC's Q4 value and renames the KPI. The row naming it as
 * it was called when the dialog opened is not refused; the review shows
 * the KPI as it is now, its value going from 7 to the file's 9; Import
 * saves that value for the same KPI without a conflict, and the window's
 * KPI holds it. (When the thread read the live programme it looked the
 * names up after the rename, and refused the row.) */
static void
test_import_reads_a_copy (Fixture       *fixture,
                          gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) real = g_file_new_for_path (fixture->csv);
  g_autoptr(GatedFile) gated = g_object_new (GATED_TYPE_FILE, NULL);
  g_autoptr(PmPeriod) q4 = pm_period_new (2016, 4);
  PmProgramme *programme = pm_window_get_programme (fixture->window);
  PmKpi *wcfc = kpi_starting (programme, "WCFC");
  const char *names[] = { "title" };
  GValue value = G_VALUE_INIT;
  g_autoptr(PmUndo) undo = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *after = NULL;
  GtkWidget *changes;
  GtkListBoxRow *row;

  g_assert_true (g_file_set_contents (fixture->csv,
                                      HEADER CANNOCK "," CANNOCK_PILOT ",\"" WCFC_KPI "\",FY2016-Q4,9,\r\n",
                                      -1, &error));
  g_assert_no_error (error);
  gated->real = g_object_ref (real);

  fixture->dialog = g_object_ref (pm_import_dialog_new (GTK_WINDOW (fixture->window),
                                                        pm_window_get_store (fixture->window),
                                                        programme, G_FILE (gated)));
  g_signal_connect (fixture->dialog, "finished", G_CALLBACK (finished_cb), fixture);
  gtk_window_present (GTK_WINDOW (fixture->dialog));
  gated_file_wait_for_reader (gated);

  save_value (pm_window_get_store (fixture->window), programme, "WCFC", 7);
  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, "WCFC, renamed while the file was read");
  g_assert_true (pm_edit_update (pm_window_get_store (fixture->window), G_OBJECT (wcfc),
                                 1, names, &value, &undo, &error));
  g_assert_no_error (error);
  g_value_unset (&value);

  gated_file_open (gated);
  gui_test_wait_until (is_reviewing, fixture);
  g_assert_no_error (fixture->error);
  g_assert_false (fixture->finished);

  g_assert_false (gtk_widget_get_visible (template_child (fixture->dialog, "rejected_list")));
  changes = template_child (fixture->dialog, "changes_list");
  g_assert_cmpuint (count_rows (changes), ==, 1);
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (changes), 0);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   CANNOCK " · WCFC, renamed while the file was read");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Q4 2016/17: 7 → 9");

  g_signal_emit_by_name (template_child (fixture->dialog, "import_button"), "clicked");
  gui_test_wait_until (is_finished, fixture);
  g_assert_no_error (fixture->error);
  g_assert_cmpuint (fixture->n_written, ==, 1);

  expected = g_strdup_printf ("%" G_GINT64_FORMAT "/FY2016-Q4=9\n", pm_kpi_get_id (wcfc));
  after = dump_values (fixture);
  g_assert_nonnull (strstr (after, expected));
  g_assert_cmpfloat (pm_progress_entry_get_value (pm_kpi_get_entry (wcfc, q4)), ==, 9);
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
  ADD ("/gui/import/review-then-import", test_review_then_import);
  ADD ("/gui/import/review-warns-fraction", test_review_warns_fraction);
  ADD ("/gui/import/review-is-idle", test_review_is_idle);
  ADD ("/gui/import/cancel-midway", test_cancel_midway);
  ADD ("/gui/import/malformed-file", test_malformed_file);
  ADD ("/gui/import/changed-since-review", test_import_changed_since_review);
  ADD ("/gui/import/reads-a-copy", test_import_reads_a_copy);
  ADD ("/gui/returns/review-and-merge", test_returns_review_and_merge);
  ADD ("/gui/returns/stale-and-other-key", test_returns_stale_and_other_key);
  ADD ("/gui/export/with-progress", test_export_with_progress);
  ADD ("/gui/export/reads-a-copy", test_export_reads_a_copy);
#undef ADD

  status = g_test_run ();
  g_clear_object (&app);

  return status;
}
