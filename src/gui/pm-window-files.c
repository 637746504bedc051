/* pm-window-files.c: the window's programme files and databases
 *
 * New, Open, Open Recent, Connect to Server, Save As, and a programme
 * file imported or exported; with the file chooser the other actions
 * share. A file that cannot be opened or read is explained in a dialog
 * and the programme that was open stays open; nothing is written over a
 * file that is already there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "pm-connect-dialog.h"
#include "pm-window-private.h"
#include "store/pm-programme-file.h"

/* Choosing a file */

typedef struct
{
  PmWindow       *window;
  ChosenFunc      func;
  gpointer        data;
  GDestroyNotify  destroy;
} Choice;

static void
choice_response_cb (GtkNativeDialog *native,
                    int              response,
                    Choice          *choice)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      if (file != NULL)
        choice->func (choice->window, file, choice->data);
    }

  if (choice->destroy != NULL)
    choice->destroy (choice->data);
  g_object_unref (choice->window);
  g_free (choice);
  g_object_unref (native);
}

void
_pm_window_add_filter (GtkFileChooser *chooser,
                       const char     *name,
                       const char     *pattern,
                       const char     *mime_type)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  if (pattern != NULL)
    gtk_file_filter_add_pattern (filter, pattern);
  if (mime_type != NULL)
    gtk_file_filter_add_mime_type (filter, mime_type);
  gtk_file_chooser_add_filter (chooser, filter);
}

void
_pm_window_choose_file (PmWindow             *self,
                        const char           *title,
                        GtkFileChooserAction  action,
                        const char           *accept_label,
                        const char           *suggested_name,
                        FileKind              kind,
                        ChosenFunc            func,
                        gpointer              data,
                        GDestroyNotify        destroy)
{
  PmStore *store = pm_session_get_store (self->session);
  GtkFileChooserNative *native;
  GtkFileChooser *chooser;
  Choice *choice = g_new0 (Choice, 1);

  choice->window = g_object_ref (self);
  choice->func = func;
  choice->data = data;
  choice->destroy = destroy;

  native = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action, accept_label, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  chooser = GTK_FILE_CHOOSER (native);

  switch (kind)
    {
    case FILE_KIND_PROGRAMME:
      _pm_window_add_filter (chooser, _("Programme files"), "*.json", "application/json");
      break;
    case FILE_KIND_PDF:
      _pm_window_add_filter (chooser, _("PDF documents"), "*.pdf", "application/pdf");
      break;
    case FILE_KIND_CSV:
      _pm_window_add_filter (chooser, _("CSV files"), "*.csv", "text/csv");
      _pm_window_add_filter (chooser, _("All files"), "*", NULL);
      break;
    case FILE_KIND_XLSX:
      _pm_window_add_filter (chooser, _("Excel workbooks"), "*.xlsx",
                             "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
      break;
    case FILE_KIND_DATABASE:
    default:
      _pm_window_add_filter (chooser, _("Programme databases"), "*.db", NULL);
      _pm_window_add_filter (chooser, _("All files"), "*", NULL);
      break;
    }

  if (store != NULL)
    {
      g_autoptr(GFile) current = g_file_new_for_path (pm_store_get_path (store));
      g_autoptr(GFile) folder = g_file_get_parent (current);

      /* Only a starting point: the chooser opens elsewhere if it cannot. */
      if (folder != NULL)
        gtk_file_chooser_set_current_folder (chooser, folder, NULL);
    }
  if (suggested_name != NULL)
    gtk_file_chooser_set_current_name (chooser, suggested_name);

  g_signal_connect (native, "response", G_CALLBACK (choice_response_cb), choice);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* Pilot Monitor never writes over a file it was not asked to open. */
static gboolean
check_new_file (PmWindow *self,
                GFile    *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *basename = NULL;

  if (!g_file_query_exists (file, NULL))
    return TRUE;

  basename = g_file_get_basename (file);
  g_set_error (&error, G_IO_ERROR, G_IO_ERROR_EXISTS,
               _("A file called “%s” is already there. Choose a new name: Pilot Monitor does not replace files."),
               basename);
  _pm_window_report_file_error (self, _("Could Not Create “%s”"), file, error);
  return FALSE;
}

/* Creates @file as a new database holding @programme, then opens it. */
static gboolean
create_database (PmWindow    *self,
                 GFile       *file,
                 PmProgramme *programme)
{
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(PmStore) store = NULL;
  g_autoptr(GError) error = NULL;

  if (!check_new_file (self, file))
    return FALSE;

  store = pm_store_open (path, PM_STORE_OPEN_CREATE, &error);
  if (store == NULL || !pm_store_import (store, programme, &error))
    {
      _pm_window_report_file_error (self, _("Could Not Create “%s”"), file, error);
      return FALSE;
    }
  pm_store_close (store);

  if (!pm_session_open (self->session, path, NULL, PM_STORE_OPEN_DEFAULT, &error))
    {
      _pm_window_report_file_error (self, _("Could Not Open “%s”"), file, error);
      return FALSE;
    }

  return TRUE;
}

/* New */

static void
new_chosen_cb (PmWindow *self,
               GFile    *file,
               gpointer  data)
{
  g_autoptr(PmProgramme) programme = pm_programme_new (_("New Programme"));

  create_database (self, file, programme);
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  _pm_window_choose_file (PM_WINDOW (widget), _("New Programme"), GTK_FILE_CHOOSER_ACTION_SAVE, _("C_reate"),
                          _("Programme.db"), FILE_KIND_DATABASE, new_chosen_cb, NULL, NULL);
}

static void
create_programme_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  PmWindow *self = PM_WINDOW (widget);
  PmStore *store = pm_session_get_store (self->session);
  g_autoptr(PmProgramme) programme = pm_programme_new (_("New Programme"));
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (store == NULL || pm_session_get_programme (self->session) != NULL)
    return;

  /* Opened again: the session then loads the programme it now holds. */
  path = g_strdup (pm_store_get_path (store));
  if (!pm_store_import (store, programme, &error)
      || !pm_session_open (self->session, path, NULL, PM_STORE_OPEN_DEFAULT, &error))
    pm_session_report_failure (self->session, _("Could Not Start the Programme"), error);
}

/* Open */

static void
open_path (PmWindow   *self,
           const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;

  /* A server remembered without its password: asked for, not refused. */
  if (pm_store_location_is_server (path))
    {
      _pm_window_open_server (self, path, NULL, PM_STORE_OPEN_DEFAULT);
      return;
    }

  file = g_file_new_for_path (path);
  if (!pm_session_open (self->session, path, NULL, PM_STORE_OPEN_DEFAULT, &error))
    _pm_window_report_file_error (self, _("Could Not Open “%s”"), file, error);
}

static void
open_chosen_cb (PmWindow *self,
                GFile    *file,
                gpointer  data)
{
  g_autofree char *path = g_file_get_path (file);

  open_path (self, path);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  _pm_window_choose_file (PM_WINDOW (widget), _("Open Programme"), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"),
                          NULL, FILE_KIND_DATABASE, open_chosen_cb, NULL, NULL);
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  open_path (PM_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

/* Save As */

static void
save_as_chosen_cb (PmWindow *self,
                   GFile    *file,
                   gpointer  data)
{
  PmStore *store = pm_session_get_store (self->session);
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;

  if (store == NULL || !check_new_file (self, file))
    return;

  /* A server's programme is copied to the file, audit trail and all. */
  if (pm_store_is_server (store) ? !pm_store_copy_to (store, path, &error)
                                 : !pm_store_backup_to (store, path, &error))
    {
      _pm_window_report_file_error (self, _("Could Not Save “%s”"), file, error);
      return;
    }

  /* As with any Save As, work carries on in the new copy. */
  if (!pm_session_open (self->session, path, NULL, PM_STORE_OPEN_DEFAULT, &error))
    {
      _pm_window_report_file_error (self, _("Could Not Open “%s”"), file, error);
      return;
    }

  /* Translators: toast after Save As: "Saved as “Copy.db”" */
  message = g_strdup_printf (_("Saved as “%s”"), basename);
  pm_session_report_saved (self->session, message, NULL);
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PmWindow *self = PM_WINDOW (widget);
  PmStore *store = pm_session_get_store (self->session);
  g_autofree char *basename = NULL;
  g_autofree char *suggested = NULL;
  char *dot;

  if (store == NULL)
    return;

  basename = g_path_get_basename (pm_store_get_path (store));
  dot = strrchr (basename, '.');
  if (dot != NULL)
    *dot = '\0';
  /* Translators: the name first offered for a copy: "programme copy.db" */
  suggested = g_strdup_printf (_("%s copy.db"), basename);

  _pm_window_choose_file (self, _("Save Programme As"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"),
                          suggested, FILE_KIND_DATABASE, save_as_chosen_cb, NULL, NULL);
}

/* Import */

static void
import_target_chosen_cb (PmWindow *self,
                         GFile    *file,
                         gpointer  data)
{
  create_database (self, file, PM_PROGRAMME (data));
}

static void
import_chosen_cb (PmWindow *self,
                  GFile    *file,
                  gpointer  data)
{
  PmStore *store = pm_session_get_store (self->session);
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *suggested = NULL;
  g_autoptr(PmProgramme) programme = NULL;
  g_autoptr(GError) error = NULL;
  char *dot;

  programme = pm_programme_file_load (path, &error);
  if (programme == NULL)
    {
      _pm_window_report_file_error (self, _("Could Not Import “%s”"), file, error);
      return;
    }

  /* An empty database takes the programme; otherwise it gets a new one. */
  if (store != NULL && pm_session_get_programme (self->session) == NULL)
    {
      g_autofree char *current = g_strdup (pm_store_get_path (store));

      if (!pm_store_import (store, programme, &error)
          || !pm_session_open (self->session, current, NULL, PM_STORE_OPEN_DEFAULT, &error))
        _pm_window_report_file_error (self, _("Could Not Import “%s”"), file, error);
      return;
    }

  dot = strrchr (basename, '.');
  if (dot != NULL)
    *dot = '\0';
  suggested = g_strconcat (basename, ".db", NULL);
  _pm_window_choose_file (self, _("Save Imported Programme As"), GTK_FILE_CHOOSER_ACTION_SAVE, _("C_reate"),
                          suggested, FILE_KIND_DATABASE, import_target_chosen_cb, g_steal_pointer (&programme), g_object_unref);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  _pm_window_choose_file (PM_WINDOW (widget), _("Import Programme File"), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"),
                          NULL, FILE_KIND_PROGRAMME, import_chosen_cb, NULL, NULL);
}

/* Export */

void
_pm_window_export_programme_file (PmWindow *self,
                                  GFile    *file)
{
  PmProgramme *programme = pm_session_get_programme (self->session);
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GError) error = NULL;

  if (programme == NULL)
    return;

  if (!pm_programme_file_save (programme, path, &error))
    {
      _pm_window_report_file_error (self, _("Could Not Export “%s”"), file, error);
      return;
    }

  _pm_window_report_exported (self, file, NULL);
}

static void
export_chosen_cb (PmWindow *self,
                  GFile    *file,
                  gpointer  data)
{
  _pm_window_export_programme_file (self, file);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  _pm_window_choose_file (PM_WINDOW (widget), _("Export Programme File"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                          _("programme.json"), FILE_KIND_PROGRAMME, export_chosen_cb, NULL, NULL);
}

/* Connect to a server */

static void
connect_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PmWindow *self = PM_WINDOW (widget);

  pm_connect_dialog_ask (GTK_WINDOW (self), self->session, NULL, NULL);
}

void
_pm_window_class_init_files (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "win.create-programme", NULL, create_programme_action);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.connect", NULL, connect_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
}
