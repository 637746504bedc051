/* test-menus.c: the primary menu and the dialogs behind it (needs a display)
 *
 * The menu a person scans, the one Export dialog writing each document
 * for the district and quarter chosen in it (read back from the files),
 * and the toast that opens what was written.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "gui-test-util.h"
#include "pdf-text.h"
#include "pm-connect-dialog.h"
#include "pm-edit-dialog.h"
#include "pm-export-dialog.h"
#include "pm-history-dialog.h"
#include "pm-kpi-table.h"
#include "pm-pilot-about.h"
#include "pm-preferences-dialog.h"
#include "pm-pilot-page.h"
#include "pm-progress-window.h"
#include "pm-window-private.h"

#define CANNOCK  "Cannock Chase"
#define TAMWORTH "Tamworth"

static PmApplication *app;
static char *key_dir;

typedef GuiTestWindow Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  gui_test_window_open (fixture, app, "pm-test-menus", 0, 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gui_test_window_close (fixture);
}

/* The menu */

/* Counts @menu's items, its sections' items counted as its own, and
 * adds each action (with its target) and label of it and its submenus
 * to @seen, failing on one seen before. */
static guint
walk_menu (GMenuModel *menu,
           GHashTable *seen)
{
  guint n = 0;

  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);
      g_autoptr(GMenuModel) submenu = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SUBMENU);
      g_autofree char *label = NULL;
      g_autofree char *action = NULL;
      g_autoptr(GVariant) target = NULL;

      if (section != NULL)
        {
          n += walk_menu (section, seen);
          continue;
        }

      n++;
      g_assert_true (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &label));
      g_test_message ("menu item: %s", label);
      g_assert_false (g_hash_table_contains (seen, label));
      g_hash_table_add (seen, g_strdup (label));
      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &action))
        {
          g_autofree char *key = NULL;
          g_autofree char *printed = NULL;

          target = g_menu_model_get_item_attribute_value (menu, i, G_MENU_ATTRIBUTE_TARGET, NULL);
          printed = target != NULL ? g_variant_print (target, TRUE) : g_strdup ("");
          key = g_strdup_printf ("%s %s", action, printed);
          g_assert_false (g_hash_table_contains (seen, key));
          g_hash_table_add (seen, g_steal_pointer (&key));
        }
      if (submenu != NULL)
        walk_menu (submenu, seen);
    }

  return n;
}

/* The primary menu: a dozen entries to scan, none twice, and no Print
 * (the header bar has it). */
static void
test_primary_menu (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkMenuButton *button = gui_test_window_child (fixture, "primary_menu_button");
  GMenuModel *menu = gtk_menu_button_get_menu_model (button);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n;

  g_assert_nonnull (menu);
  n = walk_menu (menu, seen);
  g_test_message ("%u entries", n);
  g_assert_cmpuint (n, <=, 12);
  g_assert_false (g_hash_table_contains (seen, "_Print…"));
  g_assert_false (g_hash_table_contains (seen, "win.print "));
  g_assert_true (g_hash_table_contains (seen, "win.export-document "));
}

/* The Export dialog */

static PmExportDialog *
open_export_dialog (Fixture *fixture)
{
  PmExportDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.export-document", NULL));
  dialog = gui_test_find_toplevel (PM_TYPE_EXPORT_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (fixture->window));
  return dialog;
}

/* Picks the entry of the combo row @name reading @text. */
static void
choose (PmExportDialog *dialog,
        const char     *name,
        const char     *text)
{
  AdwComboRow *row = ADW_COMBO_ROW (gui_test_template_child (dialog, PM_TYPE_EXPORT_DIALOG, name));
  GListModel *model = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (model), i), text))
      {
        adw_combo_row_set_selected (row, i);
        return;
      }

  g_error ("%s offers no “%s”", name, text);
}

static gboolean
progress_window_gone (gpointer data)
{
  return gui_test_find_toplevel (PM_TYPE_PROGRESS_WINDOW) == NULL;
}

static gboolean
toast_shown (gpointer data)
{
  Fixture *fixture = data;

  return _pm_window_get_toast (fixture->window) != NULL;
}

/* Looks at Cannock Chase in Q3 2016/17, so that what the dialog is told
 * differs from what the window shows; opens the dialog and chooses
 * @document, @district (NULL: leave it) and Q2 2016/17, then writes
 * @basename in the fixture's folder. Returns the path written, with the
 * toast shown. */
static char *
export (Fixture    *fixture,
        const char *document,
        const char *district,
        const char *basename)
{
  char *path = g_build_filename (fixture->dir, basename, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);
  PmExportDialog *dialog;
  AdwToast *toast;
  GVariant *target;

  gui_test_select_pilot (fixture, CANNOCK);
  gui_test_select_period (fixture, 2016, 3);

  dialog = open_export_dialog (fixture);
  choose (dialog, "document_row", document);
  if (district != NULL)
    choose (dialog, "district_row", district);
  choose (dialog, "period_row", "Q2 2016/17");
  pm_export_dialog_export_to (dialog, file);
  gui_test_wait_until (progress_window_gone, NULL);
  gui_test_wait_until (toast_shown, fixture);
  g_assert_null (gui_test_find_toplevel (PM_TYPE_EXPORT_DIALOG));

  /* The toast offers to open what was written. */
  toast = _pm_window_get_toast (fixture->window);
  g_test_message ("toast: %s", adw_toast_get_title (toast));
  g_assert_cmpstr (adw_toast_get_button_label (toast), ==, "_Open");
  g_assert_cmpstr (adw_toast_get_action_name (toast), ==, "win.open-exported");
  target = adw_toast_get_action_target_value (toast);
  g_assert_nonnull (target);
  g_assert_cmpstr (g_variant_get_string (target, NULL), ==, uri);
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (fixture->window)));

  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  return path;
}

static char *
read_pdf (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdfText) text = pdf_text_load (path, &error);
  g_autoptr(GPtrArray) words = NULL;

  g_assert_no_error (error);
  words = pdf_text_select (text, G_MAXUINT, -G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, G_MAXDOUBLE);
  return pdf_words_join (words, NULL);
}

/* The summaries of the district and quarter chosen in the dialog, not
 * of those the window shows. */
static void
test_export_summaries (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *path = export (fixture, "District summaries (PDF)", TAMWORTH, "summary.pdf");
  g_autofree char *text = read_pdf (path);

  g_assert_nonnull (strstr (text, TAMWORTH));
  g_assert_null (strstr (text, CANNOCK));
  g_assert_nonnull (strstr (text, "Q2 2016/17"));
  g_assert_null (strstr (text, "Q3 2016/17"));
}

/* The appendix of the quarter chosen, every district in it. */
static void
test_export_appendix (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *path = export (fixture, "Programme appendix (PDF)", NULL, "appendix.pdf");
  g_autofree char *text = read_pdf (path);

  g_assert_nonnull (strstr (text, "Q2 2016/17"));
  g_assert_null (strstr (text, "Q3 2016/17"));
  g_assert_nonnull (strstr (text, TAMWORTH));
  g_assert_nonnull (strstr (text, CANNOCK));
}

/* The committee's details are asked for beside the PDFs, refused while
 * the meeting date is not a day, kept with the programme and printed. */
static void
test_export_pack_settings (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "pack.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(PmStore) store = NULL;
  g_autoptr(PmProgramme) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  PmExportDialog *dialog;
  GtkWidget *committee, *date;

  dialog = open_export_dialog (fixture);
  choose (dialog, "document_row", "Programme appendix (PDF)");
  committee = gui_test_template_child (dialog, PM_TYPE_EXPORT_DIALOG, "committee_row");
  date = gui_test_template_child (dialog, PM_TYPE_EXPORT_DIALOG, "meeting_date_row");
  g_assert_true (gtk_widget_get_visible (committee));

  gtk_editable_set_text (GTK_EDITABLE (committee), "Cabinet");
  gtk_editable_set_text (GTK_EDITABLE (date), "14/01/2027");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "export"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                            "“14/01/2027” is not a date"));
  g_assert_true (gtk_widget_has_css_class (date, "error"));

  /* Not asked of a spreadsheet. */
  choose (dialog, "document_row", "KPI table (CSV)");
  g_assert_false (gtk_widget_get_visible (committee));
  choose (dialog, "document_row", "Programme appendix (PDF)");

  gtk_editable_set_text (GTK_EDITABLE (date), "2027-01-14");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "export"));
  pm_export_dialog_export_to (dialog, file);
  gui_test_wait_until (progress_window_gone, NULL);
  gui_test_wait_until (toast_shown, fixture);

  text = read_pdf (path);
  g_assert_nonnull (strstr (text, "Report to Cabinet, 14 January 2027"));

  store = pm_store_open (fixture->path, PM_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  saved = pm_store_load (store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pm_programme_get_committee (saved), ==, "Cabinet");
  g_assert_cmpstr (pm_programme_get_meeting_date (saved), ==, "2027-01-14");
  g_assert_null (pm_programme_get_contact_officer (saved));
}

/* The KPI table as CSV: every row of the quarter chosen. */
static void
test_export_csv (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = export (fixture, "KPI table (CSV)", NULL, "kpis.csv");
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  guint n_rows = 0;

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\r\n", -1);
  g_assert_true (g_str_has_prefix (lines[0], "district,pilot,kpi,"));
  for (guint i = 1; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      g_assert_nonnull (strstr (lines[i], ",FY2016-Q2,"));
      n_rows++;
    }
  g_assert_cmpuint (n_rows, ==, 61);
  g_assert_null (strstr (contents, "FY2016-Q3"));
}

/* The appendix as a workbook, of the quarter chosen. */
static void
test_export_xlsx (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *path = export (fixture, "Appendix as a spreadsheet (Excel)", NULL, "appendix.xlsx");
  const char *argv[] = { "unzip", "-p", path, NULL };
  g_autofree char *xml = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &xml, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (xml, "Q2 2016/17"));
  g_assert_null (strstr (xml, "Q3 2016/17"));
}

/* A district's return: of the district and quarter chosen, and only
 * once a district is chosen. */
static void
test_export_return (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  PmExportDialog *dialog;

  /* Of all districts, no return can be written. */
  dialog = open_export_dialog (fixture);
  choose (dialog, "document_row", "A district’s quarterly return");
  choose (dialog, "district_row", "All districts");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "export"));
  choose (dialog, "district_row", TAMWORTH);
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "export"));
  gtk_window_destroy (GTK_WINDOW (dialog));

  path = export (fixture, "A district’s quarterly return", TAMWORTH, "return.json");
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (contents, "\"" TAMWORTH "\""));
  g_assert_null (strstr (contents, "\"" CANNOCK "\""));
  g_assert_nonnull (strstr (contents, "FY2016-Q2"));
  g_assert_null (strstr (contents, "FY2016-Q3"));
  g_assert_nonnull (strstr (adw_toast_get_title (_pm_window_get_toast (fixture->window)), "signed with your key"));
}

/* The dialog starts from what the window shows. */
static void
test_export_dialog_starts_from_window (Fixture       *fixture,
                                       gconstpointer  data)
{
  PmExportDialog *dialog;
  AdwComboRow *district;
  AdwComboRow *period;

  gui_test_select_pilot (fixture, CANNOCK);
  gui_test_select_period (fixture, 2016, 3);
  dialog = open_export_dialog (fixture);
  district = ADW_COMBO_ROW (gui_test_template_child (dialog, PM_TYPE_EXPORT_DIALOG, "district_row"));
  period = ADW_COMBO_ROW (gui_test_template_child (dialog, PM_TYPE_EXPORT_DIALOG, "period_row"));
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (adw_combo_row_get_model (district)),
                                               adw_combo_row_get_selected (district)), ==, CANNOCK);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (adw_combo_row_get_model (period)),
                                               adw_combo_row_get_selected (period)), ==, "Q3 2016/17");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Connect to Server */

static void
set_field (gpointer    dialog,
           const char *name,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (gui_test_template_child (dialog, PM_TYPE_CONNECT_DIALOG, name)), text);
}

static const char *
get_field (gpointer    dialog,
           const char *name)
{
  return gtk_editable_get_text (GTK_EDITABLE (gui_test_template_child (dialog, PM_TYPE_CONNECT_DIALOG, name)));
}

static AdwMessageDialog *
find_dialog_except (gpointer except)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) each = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (each) && (gpointer) each != except)
        return ADW_MESSAGE_DIALOG (each);
    }

  return NULL;
}

/* The dialog speaks of a server, a database, a user name and a password,
 * and builds the connection string from them (shown under Advanced);
 * a failure to connect never repeats the password. */
static void
test_connect_fields (Fixture       *fixture,
                     gconstpointer  data)
{
  const char *password = "s3cret-Wörd";
  PmConnectDialog *dialog;
  AdwMessageDialog *failure;
  GtkWidget *focus;
  const char *body;

  pm_connect_dialog_ask (GTK_WINDOW (fixture->window), pm_window_get_session (fixture->window), NULL, NULL);
  dialog = gui_test_find_toplevel (PM_TYPE_CONNECT_DIALOG);
  g_assert_nonnull (dialog);
  body = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog));
  g_assert_null (strstr (body, "libpq"));
  g_assert_null (strstr (body, "sslmode"));
  g_assert_null (strstr (body, "postgresql://"));
  g_assert_false (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (gui_test_template_child (dialog, PM_TYPE_CONNECT_DIALOG,
                                                                                          "advanced_row"))));
  /* The first field has the focus. */
  focus = gtk_window_get_focus (GTK_WINDOW (dialog));
  g_assert_nonnull (focus);
  g_assert_true (focus == gui_test_template_child (dialog, PM_TYPE_CONNECT_DIALOG, "server_entry") ||
                 gtk_widget_is_ancestor (focus, gui_test_template_child (dialog, PM_TYPE_CONNECT_DIALOG, "server_entry")));

  set_field (dialog, "server_entry", "127.0.0.1:1");
  set_field (dialog, "database_entry", "pilots");
  set_field (dialog, "user_entry", "jo");
  set_field (dialog, "password_entry", password);
  g_assert_cmpstr (get_field (dialog, "address_entry"), ==, "host='127.0.0.1' port='1' dbname='pilots' user='jo'");

  /* And a connection string given fills the fields. */
  set_field (dialog, "address_entry", "postgresql://sam@db.example.org:5433/pm");
  g_assert_cmpstr (get_field (dialog, "server_entry"), ==, "db.example.org:5433");
  g_assert_cmpstr (get_field (dialog, "database_entry"), ==, "pm");
  g_assert_cmpstr (get_field (dialog, "user_entry"), ==, "sam");
  set_field (dialog, "server_entry", "127.0.0.1:1");
  g_assert_cmpstr (get_field (dialog, "address_entry"), ==, "host='127.0.0.1' port='1' dbname='pm' user='sam'");

  /* Nothing listens on port 1: the failure says so, without the password. */
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "connect");
  gtk_window_destroy (GTK_WINDOW (dialog));
  /* The window stays live while the server is tried. */
  gui_test_wait_until (gui_test_is_checked, fixture->window);
  failure = find_dialog_except (dialog);
  g_assert_nonnull (failure);
  g_test_message ("%s: %s", adw_message_dialog_get_heading (failure), adw_message_dialog_get_body (failure));
  g_assert_cmpstr (adw_message_dialog_get_heading (failure), ==, "Could Not Connect");
  g_assert_null (strstr (adw_message_dialog_get_body (failure), password));
  g_assert_null (strstr (adw_message_dialog_get_body (failure), "s3cret"));
  gtk_window_destroy (GTK_WINDOW (failure));
}

/* The shortcuts window */

static gboolean
has_accel (const char *action,
           const char *accel)
{
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), action);

  return accels != NULL && g_strv_contains ((const char * const *) accels, accel);
}

/* Every shortcut the window lists has its keys; Close (Ctrl+W), Undo
 * (Ctrl+Z) and Redo (Ctrl+Shift+Z, under Editing) are among them, and
 * Preferences is under General. */
static void
test_shortcuts_window (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GtkBuilder) builder =
    gtk_builder_new_from_resource ("/io/github/pilotmonitor/PilotMonitor/gtk/help-overlay.ui");
  GtkWidget *overlay = GTK_WIDGET (gtk_builder_get_object (builder, "help_overlay"));
  g_autoptr(GHashTable) group_of = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) accels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GSList *objects = gtk_builder_get_objects (builder);
  g_autofree char *redo_keys = NULL;

  g_assert_nonnull (overlay);
  for (GSList *l = objects; l != NULL; l = l->next)
    {
      g_autofree char *title = NULL;
      g_autofree char *action = NULL;
      g_autofree char *accelerator = NULL;
      g_autofree char *group_title = NULL;
      GtkWidget *group;

      if (!GTK_IS_SHORTCUTS_SHORTCUT (l->data))
        continue;

      g_object_get (l->data, "title", &title, "action-name", &action, "accelerator", &accelerator, NULL);
      group = gtk_widget_get_ancestor (l->data, GTK_TYPE_SHORTCUTS_GROUP);
      g_object_get (group, "title", &group_title, NULL);
      g_test_message ("%s: %s (%s%s)", group_title, title, action != NULL ? action : "",
                      accelerator != NULL ? accelerator : "");
      g_hash_table_replace (group_of, g_strdup (title), g_strdup (group_title));

      if (action != NULL)
        {
          g_auto(GStrv) keys = gtk_application_get_accels_for_action (GTK_APPLICATION (app), action);

          /* A shortcut listed with no keys shows an empty line. */
          g_assert_true (keys != NULL && keys[0] != NULL);
          for (guint i = 0; keys[i] != NULL; i++)
            g_hash_table_add (accels, g_strdup (keys[i]));
        }
      else
        {
          g_assert_nonnull (accelerator);
          g_hash_table_add (accels, g_strdup (accelerator));
        }
    }
  g_slist_free (objects);

  g_assert_true (g_hash_table_contains (accels, "<Control>w"));
  g_assert_true (has_accel ("window.close", "<Control>w"));
  g_assert_true (g_hash_table_contains (accels, "<Control>z"));
  g_assert_true (has_accel ("win.undo", "<Control>z"));
  /* GTK spells Ctrl+Shift+Z its own way. */
  redo_keys = gtk_accelerator_name (GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  g_assert_true (g_hash_table_contains (accels, redo_keys));
  g_assert_true (has_accel ("win.redo", redo_keys));
  g_assert_cmpstr (g_hash_table_lookup (group_of, "Redo the last change undone"), ==, "Editing");
  g_assert_cmpstr (g_hash_table_lookup (group_of, "Preferences"), ==, "General");
  gtk_window_destroy (GTK_WINDOW (overlay));
}

/* About shows the application's icon even run from the build tree, where
 * no icon is installed: it comes with the resources. */
static void
test_application_icon (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (fixture->window)));
  g_autoptr(GtkIconPaintable) icon = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *uri = NULL;

  g_assert_true (gtk_icon_theme_has_icon (theme, "io.github.pilotmonitor.PilotMonitor"));
  icon = gtk_icon_theme_lookup_icon (theme, "io.github.pilotmonitor.PilotMonitor", NULL, 128, 1,
                                     GTK_TEXT_DIR_NONE, 0);
  file = gtk_icon_paintable_get_file (icon);
  g_assert_nonnull (file);
  uri = g_file_get_uri (file);
  g_test_message ("icon: %s", uri);
  g_assert_true (g_str_has_suffix (uri, "io.github.pilotmonitor.PilotMonitor.svg"));
}

/* About the Pilot, reached with the focus in the page (here the value
 * field), opens with nothing selected: not the whole summary. */
static void
test_pilot_about_nothing_selected (Fixture       *fixture,
                                   gconstpointer  data)
{
  GtkWidget *page = gui_test_window_child (fixture, "pilot_page");
  AdwViewStack *stack = ADW_VIEW_STACK (gui_test_template_child (page, PM_TYPE_PILOT_PAGE, "view_stack"));
  GtkWidget *about = gui_test_template_child (page, PM_TYPE_PILOT_PAGE, "pilot_about");
  const char *names[] = { "summary_label", "outcomes_label" };

  gui_test_select_pilot (fixture, CANNOCK);
  gui_test_select_period (fixture, 2016, 3);
  gui_test_select_kpi (fixture, "WCFC");
  g_assert_true (gtk_widget_grab_focus (gui_test_template_child (gui_test_kpi_table (fixture), PM_TYPE_KPI_TABLE,
                                                                "value_row")));
  gui_test_drain ();

  adw_view_stack_set_visible_child_name (stack, "about");
  gui_test_wait_until (gui_test_is_mapped, about);
  for (int i = 0; i < 5; i++)
    {
      g_usleep (20000);
      gui_test_drain ();
    }

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      GtkLabel *label = GTK_LABEL (gui_test_template_child (about, PM_TYPE_PILOT_ABOUT, names[i]));
      int start = 0, end = 0;

      g_assert_true (gtk_label_get_selectable (label));
      g_assert_cmpuint (strlen (gtk_label_get_label (label)), >, 0);
      if (gtk_label_get_selection_bounds (label, &start, &end))
        g_test_message ("%s: %d to %d selected", names[i], start, end);
      g_assert_cmpint (start, ==, end);
    }
}

/* History */

/* The titles of the history of the WCFC KPI of Cannock Chase, newest
 * first. */
static GPtrArray *
history_titles (Fixture *fixture)
{
  GPtrArray *titles = g_ptr_array_new_with_free_func (g_free);
  PmHistoryDialog *dialog;
  GtkListBox *list;
  GtkListBoxRow *row;

  g_assert_true (gtk_widget_activate_action (gui_test_kpi_table (fixture), "kpi.history", NULL));
  dialog = gui_test_find_toplevel (PM_TYPE_HISTORY_DIALOG);
  g_assert_nonnull (dialog);
  list = GTK_LIST_BOX (gui_test_template_child (dialog, PM_TYPE_HISTORY_DIALOG, "list"));
  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    {
      g_test_message ("%s | %s", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                      adw_action_row_get_subtitle (ADW_ACTION_ROW (row)));
      g_ptr_array_add (titles, g_strdup_printf ("%s | %s", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                                                adw_action_row_get_subtitle (ADW_ACTION_ROW (row))));
    }
  gtk_window_destroy (GTK_WINDOW (dialog));
  return titles;
}

/* A change of the note alone is listed as one, with the new note: not
 * as "Q3 2016/17: 9 → 9". */
static void
test_history_note_only (Fixture       *fixture,
                        gconstpointer  data)
{
  PmStore *store = pm_window_get_store (fixture->window);
  PmKpi *kpi;
  g_autoptr(PmPeriod) q3 = pm_period_new (2016, 3);
  g_autoptr(GPtrArray) titles = NULL;

  gui_test_select_pilot (fixture, CANNOCK);
  gui_test_select_period (fixture, 2016, 3);
  gui_test_select_kpi (fixture, "WCFC");
  kpi = pm_test_find_kpi (pm_window_get_programme (fixture->window), CANNOCK, "WCFC");
  pm_test_set_value (store, kpi, q3, 9, NULL);
  pm_test_set_value (store, kpi, q3, 9, "Two families moved away");
  pm_test_set_value (store, kpi, q3, 9, "Three families moved away");
  pm_test_set_value (store, kpi, q3, 9, NULL);

  titles = history_titles (fixture);
  g_assert_cmpuint (titles->len, >=, 4);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (titles, 0), "Q3 2016/17: note removed | "));
  g_assert_true (g_str_has_prefix (g_ptr_array_index (titles, 1), "Q3 2016/17: note changed | "));
  g_assert_true (g_str_has_suffix (g_ptr_array_index (titles, 1), "“Three families moved away”"));
  g_assert_true (g_str_has_prefix (g_ptr_array_index (titles, 2), "Q3 2016/17: note added | "));
  g_assert_true (g_str_has_suffix (g_ptr_array_index (titles, 2), "“Two families moved away”"));
  g_assert_true (g_str_has_prefix (g_ptr_array_index (titles, 3), "Q3 2016/17: 5 → 9 | "));
  for (guint i = 0; i < titles->len; i++)
    g_assert_null (strstr (g_ptr_array_index (titles, i), "9 → 9"));
}

/* The author: the account's real name, else its login, and then the
 * person is asked their name on the first change they save, once. */
static void
test_author_asked_once (Fixture       *fixture,
                        gconstpointer  data)
{
  PmSession *session = pm_window_get_session (fixture->window);
  g_autoptr(GSettings) settings = g_settings_new ("io.github.pilotmonitor.PilotMonitor");
  g_autoptr(GPtrArray) titles = NULL;
  g_autofree char *expected = NULL;
  PmPreferencesDialog *dialog;
  GtkWidget *row;
  GtkWidget *focus;
  gboolean known;

  g_settings_reset (settings, "author-name");
  expected = pm_session_choose_author (NULL, g_get_real_name (), g_get_user_name (), &known);
  g_assert_cmpstr (pm_session_get_author (session), ==, expected);
  gui_test_select_pilot (fixture, CANNOCK);
  gui_test_select_period (fixture, 2016, 3);
  gui_test_select_kpi (fixture, "WCFC");
  gui_test_type_value (fixture, "9");
  gui_test_drain ();

  dialog = gui_test_find_toplevel (PM_TYPE_PREFERENCES_DIALOG);
  if (known)
    {
      /* This account has a real name: nothing to ask. */
      g_test_message ("real name %s: not asked", expected);
      g_assert_null (dialog);
      return;
    }

  g_test_message ("only the login, %s: asked", expected);
  g_assert_nonnull (dialog);
  gui_test_wait_until (gui_test_is_mapped, dialog);
  row = gui_test_template_child (dialog, PM_TYPE_PREFERENCES_DIALOG, "author_row");
  focus = gtk_window_get_focus (GTK_WINDOW (dialog));
  g_assert_true (focus == row || gtk_widget_is_ancestor (focus, row));
  gtk_editable_set_text (GTK_EDITABLE (row), "Jo Lead");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpstr (pm_session_get_author (session), ==, "Jo Lead");

  /* The next change is hers, and she is not asked again. */
  gui_test_type_value (fixture, "10");
  gui_test_drain ();
  g_assert_null (gui_test_find_toplevel (PM_TYPE_PREFERENCES_DIALOG));
  g_settings_reset (settings, "author-name");
  gui_test_type_value (fixture, "11");
  gui_test_drain ();
  g_assert_null (gui_test_find_toplevel (PM_TYPE_PREFERENCES_DIALOG));

  titles = history_titles (fixture);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (titles, 0), "Q3 2016/17: 10 → 11 | "));
  g_assert_nonnull (strstr (g_ptr_array_index (titles, 0), expected));
  g_assert_true (g_str_has_prefix (g_ptr_array_index (titles, 1), "Q3 2016/17: 9 → 10 | "));
  g_assert_nonnull (strstr (g_ptr_array_index (titles, 1), " · Jo Lead · typed"));
}

/* Forms */

static gboolean
error_settled (gpointer data)
{
  GtkWidget *label = data;

  return gtk_widget_get_mapped (label) && gtk_widget_get_height (label) > 0 &&
         gtk_label_get_label (GTK_LABEL (label))[0] != '\0';
}

/* Runs the main loop for @ms milliseconds. */
static void
settle (guint ms)
{
  /* Sanitizers and valgrind are many times slower. */
  gint64 until = g_get_monotonic_time () + ms * (g_getenv ("PM_TEST_SLOW") != NULL ? 6 : 1) * 1000;

  while (g_get_monotonic_time () < until)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

/* (A pixel or two of rounding is no cut line.) */
static gboolean
all_in_view (gpointer data)
{
  GtkAdjustment *adjustment = data;

  return gtk_adjustment_get_upper (adjustment) <= gtk_adjustment_get_page_size (adjustment) + 2;
}

/* Add District: the name field has the focus (not Cancel), and a refusal
 * is shown whole, the window grown to hold it rather than cut. */
static void
test_add_district_form (Fixture       *fixture,
                        gconstpointer  data)
{
  PmEditDialog *dialog;
  GtkWidget *name;
  GtkWidget *focus;
  GtkWidget *label;
  GtkWidget *scrolled;
  GtkAdjustment *adjustment;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.add-district", NULL));
  dialog = gui_test_find_toplevel (PM_TYPE_EDIT_DIALOG);
  g_assert_nonnull (dialog);
  gui_test_wait_until (gui_test_is_mapped, dialog);
  name = pm_edit_dialog_get_field (dialog, "name");
  focus = gtk_window_get_focus (GTK_WINDOW (dialog));
  g_assert_nonnull (focus);
  g_assert_true (focus == name || gtk_widget_is_ancestor (focus, name));

  /* A person takes a moment to type: the window has settled by then. */
  settle (500);
  gtk_editable_set_text (GTK_EDITABLE (name), CANNOCK);
  g_assert_true (gtk_widget_activate (gtk_window_get_default_widget (GTK_WINDOW (dialog))));
  /* The row under the field's. */
  label = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (gtk_widget_get_next_sibling (name)));
  g_assert_true (GTK_IS_LABEL (label));
  /* A button's activation clicks it a moment later. */
  gui_test_wait_until (error_settled, label);
  g_test_message ("error: %s", gtk_label_get_label (GTK_LABEL (label)));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (label)), "already"));
  g_assert_true (gtk_label_get_wrap (GTK_LABEL (label)));
  /* Nothing to scroll to: the window grows (a frame or two later) until
   * the whole form, error and all, is in view. */
  scrolled = gtk_widget_get_ancestor (name, GTK_TYPE_SCROLLED_WINDOW);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  gui_test_wait_until (all_in_view, adjustment);
  g_test_message ("shown %g of %g", gtk_adjustment_get_page_size (adjustment), gtk_adjustment_get_upper (adjustment));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* Returns are signed with a key of the test's own. */
  key_dir = pm_test_dir_new ("pm-test-menus-key");
  g_setenv ("PM_KEY_DIR", key_dir, TRUE);
  if (!gui_test_init (&argc, &argv, &app))
    {
      pm_test_clear_dir (&key_dir);
      return 0;
    }

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/gui/menus/primary-menu", test_primary_menu);
  ADD ("/gui/menus/export-dialog-starts-from-window", test_export_dialog_starts_from_window);
  ADD ("/gui/menus/export-summaries", test_export_summaries);
  ADD ("/gui/menus/export-appendix", test_export_appendix);
  ADD ("/gui/menus/export-pack-settings", test_export_pack_settings);
  ADD ("/gui/menus/export-csv", test_export_csv);
  ADD ("/gui/menus/export-xlsx", test_export_xlsx);
  ADD ("/gui/menus/export-return", test_export_return);
  ADD ("/gui/menus/connect-fields", test_connect_fields);
  ADD ("/gui/menus/add-district-form", test_add_district_form);
  ADD ("/gui/menus/shortcuts-window", test_shortcuts_window);
  ADD ("/gui/menus/application-icon", test_application_icon);
  ADD ("/gui/menus/pilot-about-nothing-selected", test_pilot_about_nothing_selected);
  ADD ("/gui/menus/history-note-only", test_history_note_only);
  ADD ("/gui/menus/author-asked-once", test_author_asked_once);

  status = g_test_run ();
  g_clear_object (&app);
  pm_test_clear_dir (&key_dir);

  return status;
}
