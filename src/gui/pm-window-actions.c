/* pm-window-actions.c: the window's actions, most of them about files
 *
 * New, Open, Open Recent, Save As, Import, Export and Print. A file that
 * cannot be opened or read is explained in a dialog and the programme
 * that was open stays open.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "pm-connect-dialog.h"
#include "pm-dialogs.h"
#include "pm-freeze-round-dialog.h"
#include "pm-import-dialog.h"
#include "pm-preferences-dialog.h"
#include "pm-returns-dialog.h"
#include "store/pm-return.h"
#include "pm-print-operation.h"
#include "pm-progress-window.h"
#include "pm-table-export.h"
#include "pm-window-private.h"
#include "store/pm-programme-file.h"

#define MAX_RECENT 10

typedef void (*ChosenFunc) (PmWindow *self,
                            GFile    *file,
                            gpointer  data);

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

typedef enum
{
  FILE_KIND_DATABASE,
  FILE_KIND_PROGRAMME,
  FILE_KIND_PDF,
  FILE_KIND_CSV,
  FILE_KIND_XLSX,
} FileKind;

static void
add_filter (GtkFileChooser *chooser,
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

/* Asks for a file; @func runs only if one is chosen. */
static void
choose_file (PmWindow             *self,
             const char           *title,
             GtkFileChooserAction  action,
             const char           *accept_label,
             const char           *suggested_name,
             FileKind              kind,
             ChosenFunc            func,
             gpointer              data,
             GDestroyNotify        destroy)
{
  GtkFileChooserNative *native;
  Choice *choice = g_new0 (Choice, 1);

  choice->window = g_object_ref (self);
  choice->func = func;
  choice->data = data;
  choice->destroy = destroy;

  native = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action, accept_label, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);

  switch (kind)
    {
    case FILE_KIND_PROGRAMME:
      add_filter (GTK_FILE_CHOOSER (native), _("Programme files"), "*.json", "application/json");
      break;
    case FILE_KIND_PDF:
      add_filter (GTK_FILE_CHOOSER (native), _("PDF documents"), "*.pdf", "application/pdf");
      break;
    case FILE_KIND_CSV:
      add_filter (GTK_FILE_CHOOSER (native), _("CSV files"), "*.csv", "text/csv");
      add_filter (GTK_FILE_CHOOSER (native), _("All files"), "*", NULL);
      break;
    case FILE_KIND_XLSX:
      add_filter (GTK_FILE_CHOOSER (native), _("Excel workbooks"), "*.xlsx",
                  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
      break;
    case FILE_KIND_DATABASE:
    default:
      add_filter (GTK_FILE_CHOOSER (native), _("Programme databases"), "*.db", NULL);
      add_filter (GTK_FILE_CHOOSER (native), _("All files"), "*", NULL);
      break;
    }

  if (pm_session_get_store (self->session) != NULL)
    {
      g_autoptr(GFile) current = g_file_new_for_path (pm_store_get_path (pm_session_get_store (self->session)));
      g_autoptr(GFile) folder = g_file_get_parent (current);

      /* Only a starting point: the chooser opens elsewhere if it cannot. */
      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), folder, NULL);
    }
  if (suggested_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), suggested_name);

  g_signal_connect (native, "response", G_CALLBACK (choice_response_cb), choice);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* A macro, so that each message stays a literal the compiler can check. */
#define report_file_error(self, format, file, error)                      \
  G_STMT_START {                                                          \
    g_autofree char *basename_ = g_file_get_basename (file);              \
    g_autofree char *heading_ = g_strdup_printf (format, basename_);      \
    pm_session_report_failure ((self)->session, heading_, (error));                  \
  } G_STMT_END

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
  report_file_error (self, _("Could Not Create “%s”"), file, error);
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
      report_file_error (self, _("Could Not Create “%s”"), file, error);
      return FALSE;
    }
  pm_store_close (store);

  if (!pm_session_open (self->session, path, NULL, PM_STORE_OPEN_DEFAULT, &error))
    {
      report_file_error (self, _("Could Not Open “%s”"), file, error);
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
  choose_file (PM_WINDOW (widget), _("New Programme"), GTK_FILE_CHOOSER_ACTION_SAVE, _("C_reate"),
               _("Programme.db"), FILE_KIND_DATABASE, new_chosen_cb, NULL, NULL);
}

static void
create_programme_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  PmWindow *self = PM_WINDOW (widget);
  g_autoptr(PmProgramme) programme = pm_programme_new (_("New Programme"));
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (pm_session_get_store (self->session) == NULL || pm_session_get_programme (self->session) != NULL)
    return;

  path = g_strdup (pm_store_get_path (pm_session_get_store (self->session)));
  if (!pm_store_import (pm_session_get_store (self->session), programme, &error)
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
      if (!pm_session_open (self->session, path, NULL, PM_STORE_OPEN_DEFAULT, &error))
        pm_connect_dialog_ask (GTK_WINDOW (self), self->session, path, error->message);
      return;
    }

  file = g_file_new_for_path (path);
  if (!pm_session_open (self->session, path, NULL, PM_STORE_OPEN_DEFAULT, &error))
    report_file_error (self, _("Could Not Open “%s”"), file, error);
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
  choose_file (PM_WINDOW (widget), _("Open Programme"), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"),
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
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;

  if (pm_session_get_store (self->session) == NULL || !check_new_file (self, file))
    return;

  /* A server's programme is copied to the file, audit trail and all. */
  if (pm_store_is_server (pm_session_get_store (self->session)) ? !pm_store_copy_to (pm_session_get_store (self->session), path, &error)
                                       : !pm_store_backup_to (pm_session_get_store (self->session), path, &error))
    {
      report_file_error (self, _("Could Not Save “%s”"), file, error);
      return;
    }

  /* As with any Save As, work carries on in the new copy. */
  if (!pm_session_open (self->session, path, NULL, PM_STORE_OPEN_DEFAULT, &error))
    {
      report_file_error (self, _("Could Not Open “%s”"), file, error);
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
  g_autofree char *basename = NULL;
  g_autofree char *suggested = NULL;
  char *dot;

  if (pm_session_get_store (self->session) == NULL)
    return;

  basename = g_path_get_basename (pm_store_get_path (pm_session_get_store (self->session)));
  dot = strrchr (basename, '.');
  if (dot != NULL)
    *dot = '\0';
  /* Translators: the name first offered for a copy: "programme copy.db" */
  suggested = g_strdup_printf (_("%s copy.db"), basename);

  choose_file (self, _("Save Programme As"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"),
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
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *suggested = NULL;
  g_autoptr(PmProgramme) programme = NULL;
  g_autoptr(GError) error = NULL;
  char *dot;

  programme = pm_programme_file_load (path, &error);
  if (programme == NULL)
    {
      report_file_error (self, _("Could Not Import “%s”"), file, error);
      return;
    }

  /* An empty database takes the programme; otherwise it gets a new one. */
  if (pm_session_get_store (self->session) != NULL && pm_session_get_programme (self->session) == NULL)
    {
      g_autofree char *current = g_strdup (pm_store_get_path (pm_session_get_store (self->session)));

      if (!pm_store_import (pm_session_get_store (self->session), programme, &error)
          || !pm_session_open (self->session, current, NULL, PM_STORE_OPEN_DEFAULT, &error))
        report_file_error (self, _("Could Not Import “%s”"), file, error);
      return;
    }

  dot = strrchr (basename, '.');
  if (dot != NULL)
    *dot = '\0';
  suggested = g_strconcat (basename, ".db", NULL);
  choose_file (self, _("Save Imported Programme As"), GTK_FILE_CHOOSER_ACTION_SAVE, _("C_reate"),
               suggested, FILE_KIND_DATABASE, import_target_chosen_cb, g_steal_pointer (&programme), g_object_unref);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  choose_file (PM_WINDOW (widget), _("Import Programme File"), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"),
               NULL, FILE_KIND_PROGRAMME, import_chosen_cb, NULL, NULL);
}

/* Import quarterly values (CSV) */

static void
import_values_finished_cb (PmImportDialog *dialog,
                           guint           n_written,
                           const GError   *error,
                           PmWindow       *self)
{
  g_autofree char *message = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      pm_session_report_saved (self->session, error->message, NULL);
      return;
    }
  if (error != NULL)
    {
      pm_session_report_failure (self->session, _("Could Not Import the Values"), error);
      return;
    }

  /* Translators: toast after a CSV import */
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Saved %u value", "Saved %u values",
                                          n_written), n_written);
  pm_session_report_saved (self->session, message, NULL);
}

static void
import_values_chosen_cb (PmWindow *self,
                         GFile    *file,
                         gpointer  data)
{
  PmImportDialog *dialog;

  if (pm_session_get_store (self->session) == NULL || pm_session_get_programme (self->session) == NULL)
    return;

  dialog = pm_import_dialog_new (GTK_WINDOW (self), pm_session_get_store (self->session), pm_session_get_programme (self->session), file);
  g_signal_connect_object (dialog, "finished", G_CALLBACK (import_values_finished_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_values_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  choose_file (PM_WINDOW (widget), _("Import Quarterly Values"), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"),
               NULL, FILE_KIND_CSV, import_values_chosen_cb, NULL, NULL);
}

/* Quarterly returns */

static void
returns_merged_cb (PmReturnsDialog *dialog,
                   guint            n_returns,
                   guint            n_values,
                   const GError    *error,
                   PmWindow        *self)
{
  g_autofree char *message = NULL;

  if (error != NULL)
    {
      pm_session_report_failure (self->session, _("Could Not Merge a Return"), error);
      return;
    }

  /* Translators: toast after merging returns: “Merged 2 returns: 7 values saved” */
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Merged %u return: %u saved",
                                          "Merged %u returns: %u saved", n_returns),
                             n_returns, n_values);
  pm_session_report_saved (self->session, message, NULL);
}

static void
import_returns_response_cb (GtkNativeDialog *native,
                            int              response,
                            PmWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT && pm_session_get_store (self->session) != NULL && pm_session_get_programme (self->session) != NULL)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (native));
      PmReturnsDialog *dialog = pm_returns_dialog_new (GTK_WINDOW (self), pm_session_get_store (self->session),
                                                       pm_session_get_programme (self->session), files);

      g_signal_connect_object (dialog, "merged", G_CALLBACK (returns_merged_cb), self, 0);
      gtk_window_present (GTK_WINDOW (dialog));
    }

  g_object_unref (native);
  g_object_unref (self);
}

static void
import_returns_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  PmWindow *self = PM_WINDOW (widget);
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (_("Import Returns"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (native), TRUE);
  add_filter (GTK_FILE_CHOOSER (native), _("Returns"), "*.json", "application/json");
  add_filter (GTK_FILE_CHOOSER (native), _("All files"), "*", NULL);
  g_signal_connect (native, "response", G_CALLBACK (import_returns_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
send_return_chosen_cb (PmWindow *self,
                       GFile    *file,
                       gpointer  data)
{
  PmDistrict *district = data;
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *basename = g_file_get_basename (file);
  const char *author = pm_session_get_author (self->session);
  g_autofree char *message = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(PmReturn) ret = NULL;
  g_autoptr(GError) error = NULL;

  if (pm_session_get_programme (self->session) == NULL || path == NULL)
    return;

  ret = pm_return_new (pm_session_get_programme (self->session), district, NULL, pm_session_get_period (self->session), author, now);
  if (!pm_return_save (ret, path, &error))
    {
      report_file_error (self, _("Could Not Save “%s”"), file, error);
      return;
    }

  /* Translators: toast after saving a return: “Return saved as “tamworth-FY2016-Q3.json”” */
  message = g_strdup_printf (_("Return saved as “%s”"), basename);
  pm_session_report_saved (self->session, message, NULL);
}

/* Asks where to save the district's return (its id the parameter) for
 * the quarter shown. */
static void
send_return_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PmWindow *self = PM_WINDOW (widget);
  PmDistrict *district = pm_session_find_district (self->session, g_variant_get_int64 (parameter));
  g_autofree char *code = NULL;
  g_autofree char *suggested = NULL;
  g_autofree char *lower = NULL;

  if (district == NULL)
    return;

  code = pm_period_to_code (pm_session_get_period (self->session));
  lower = g_utf8_strdown (pm_district_get_name (district), -1);
  g_strdelimit (lower, " /\\", '-');
  /* Translators: the suggested name of a return: district, then quarter */
  suggested = g_strdup_printf (_("%s-%s-return.json"), lower, code);
  choose_file (self, _("Send Quarterly Return"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"),
               suggested, FILE_KIND_PROGRAMME, send_return_chosen_cb,
               g_object_ref (district), g_object_unref);
}

/* Export */

static void
export_chosen_cb (PmWindow *self,
                  GFile    *file,
                  gpointer  data)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;

  if (pm_session_get_programme (self->session) == NULL)
    return;

  if (!pm_programme_file_save (pm_session_get_programme (self->session), path, &error))
    {
      report_file_error (self, _("Could Not Export “%s”"), file, error);
      return;
    }

  /* Translators: toast after exporting: "Exported “programme.json”" */
  message = g_strdup_printf (_("Exported “%s”"), basename);
  pm_session_report_saved (self->session, message, NULL);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  choose_file (PM_WINDOW (widget), _("Export Programme File"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
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

/* Committee rounds */

/* What has changed since the committee's latest round, for the district
 * summaries; NULL with @error when it cannot be read, since a pack that
 * silently left restatements out would mislead the committee. */
static GListModel *
list_restatements (PmWindow  *self,
                   GError   **error)
{
  if (pm_session_get_store (self->session) == NULL)
    return G_LIST_MODEL (g_list_store_new (PM_TYPE_RESTATEMENT));

  return pm_store_list_restatements (pm_session_get_store (self->session), pm_session_get_programme (self->session), NULL, error);
}

static void
freeze_round_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  PmWindow *self = PM_WINDOW (widget);

  if (pm_session_get_store (self->session) == NULL || pm_session_get_programme (self->session) == NULL)
    return;

  gtk_window_present (GTK_WINDOW (pm_freeze_round_dialog_new (GTK_WINDOW (self), self->session)));
}

/* Print */

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  PmWindow *self = PM_WINDOW (widget);
  g_autoptr(GListModel) restatements = NULL;
  g_autoptr(GError) error = NULL;

  if (pm_session_get_programme (self->session) == NULL)
    return;

  restatements = list_restatements (self, &error);
  if (restatements == NULL ||
      !pm_print_operation_run (GTK_WINDOW (self), pm_session_get_programme (self->session), pm_session_get_period (self->session),
                               restatements, &error))
    pm_session_report_failure (self->session, _("Could Not Print"), error);
}

/* Export PDF: the same documents as printing, straight to a file. The
 * district selected in the sidebar, if any, limits the summaries to it. */

/* A PDF export runs in a worker thread: a programme of 150 districts is
 * thousands of pages. The progress window is modal, so nothing changes
 * the programme while the thread reads it. */
typedef struct
{
  PmWindow         *window;
  PmReport         *report;
  PmProgressWindow *progress;
  GFile            *file;
  char             *path;
  guint             done;      /* pages written: atomic, from the thread */
  guint             n_pages;
  guint             poll_id;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_clear_handle_id (&job->poll_id, g_source_remove);
  g_clear_object (&job->window);
  g_clear_object (&job->report);
  g_clear_object (&job->progress);
  g_clear_object (&job->file);
  g_free (job->path);
  g_free (job);
}

static void
export_progress_cb (guint    done,
                    guint    n_pages,
                    gpointer user_data)
{
  ExportJob *job = user_data;

  g_atomic_int_set (&job->n_pages, n_pages);
  g_atomic_int_set (&job->done, done);
}

static gboolean
export_poll_cb (gpointer user_data)
{
  ExportJob *job = user_data;
  guint done = g_atomic_int_get (&job->done);
  guint n_pages = g_atomic_int_get (&job->n_pages);
  g_autofree char *done_text = NULL;
  g_autofree char *all_text = NULL;
  g_autofree char *text = NULL;

  if (n_pages == 0)
    {
      pm_progress_window_set_progress (job->progress, 0, _("Laying out the pages…"));
      return G_SOURCE_CONTINUE;
    }

  done_text = pm_unit_format_value (PM_UNIT_COUNT, done);
  all_text = pm_unit_format_value (PM_UNIT_COUNT, n_pages);
  /* Translators: on the progress bar: “Page 12 of 2,724” */
  text = g_strdup_printf (_("Page %s of %s"), done_text, all_text);
  pm_progress_window_set_progress (job->progress, (double) done / n_pages, text);
  return G_SOURCE_CONTINUE;
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  GError *error = NULL;

  if (pm_report_export_pdf_full (job->report, job->path, cancellable, export_progress_cb, job, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
export_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  PmWindow *self = job->window;
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&job->poll_id, g_source_remove);
  gtk_window_destroy (GTK_WINDOW (job->progress));

  if (g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_autofree char *basename = g_file_get_basename (job->file);
      g_autofree char *message = g_strdup_printf (_("Exported “%s”"), basename);

      pm_session_report_saved (self->session, message, NULL);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    pm_session_report_saved (self->session, _("The export was cancelled: no file was written."), NULL);
  else
    report_file_error (self, _("Could Not Export “%s”"), job->file, error);
}

void
_pm_window_export_pdf (PmWindow   *self,
                       GFile      *file,
                       gboolean    appendix)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) restatements = NULL;
  g_autoptr(GTask) task = NULL;
  PmDistrict *district = NULL;
  ExportJob *job;

  g_return_if_fail (PM_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (pm_session_get_programme (self->session) == NULL)
    return;

  if (!appendix)
    district = _pm_window_get_current_district (self);

  job = g_new0 (ExportJob, 1);
  job->window = g_object_ref (self);
  job->file = g_object_ref (file);
  job->path = g_file_get_path (file);
  restatements = list_restatements (self, &error);
  if (restatements != NULL)
    job->report = pm_print_operation_make_report (pm_session_get_programme (self->session), pm_session_get_period (self->session),
                                                  district != NULL ? pm_district_get_name (district) : NULL,
                                                  appendix, restatements, &error);
  if (job->report == NULL || job->path == NULL)
    {
      if (error == NULL)
        g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("Only local files can be written."));
      report_file_error (self, _("Could Not Export “%s”"), file, error);
      export_job_free (job);
      return;
    }

  job->progress = g_object_ref_sink (pm_progress_window_new (GTK_WINDOW (self),
                                                             appendix ? _("Exporting the Programme Appendix")
                                                                      : _("Exporting the District Summaries")));
  gtk_window_present (GTK_WINDOW (job->progress));
  export_poll_cb (job);
  job->poll_id = g_timeout_add (100, export_poll_cb, job);

  task = g_task_new (NULL, pm_progress_window_get_cancellable (job->progress), export_done_cb, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  g_task_run_in_thread (task, export_thread);
}

static void
export_pdf_chosen_cb (PmWindow *self,
                      GFile    *file,
                      gpointer  data)
{
  _pm_window_export_pdf (self, file, GPOINTER_TO_INT (data));
}

static void
export_pdf_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  PmWindow *self = PM_WINDOW (widget);
  gboolean appendix = g_str_equal (g_variant_get_string (parameter, NULL), "appendix");
  g_autoptr(PmPeriod) period = NULL;
  g_autofree char *code = NULL;
  g_autofree char *suggested = NULL;

  if (pm_session_get_programme (self->session) == NULL)
    return;

  period = g_object_ref (pm_session_get_period (self->session));
  code = pm_period_to_code (period);
  /* Translators: suggested file names; %s is a quarter like FY2016-Q3 */
  suggested = g_strdup_printf (appendix ? _("programme-appendix-%s.pdf") : _("district-summaries-%s.pdf"), code);

  choose_file (self, appendix ? _("Export Programme Appendix") : _("Export District Summaries"),
               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), suggested, FILE_KIND_PDF,
               export_pdf_chosen_cb, GINT_TO_POINTER (appendix), NULL);
}

/* Spreadsheets: the KPI table as CSV, the appendix as a workbook */

static void
export_table_chosen_cb (PmWindow *self,
                        GFile    *file,
                        gpointer  data)
{
  gboolean xlsx = GPOINTER_TO_INT (data);
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (pm_session_get_programme (self->session) == NULL)
    return;

  if (xlsx)
    ok = pm_table_export_xlsx (pm_session_get_programme (self->session), pm_session_get_period (self->session), path, &error);
  else
    ok = pm_table_export_csv (pm_session_get_programme (self->session), pm_session_get_period (self->session), path, &error);
  if (!ok)
    {
      report_file_error (self, _("Could Not Export “%s”"), file, error);
      return;
    }

  message = g_strdup_printf (_("Exported “%s”"), basename);
  pm_session_report_saved (self->session, message, NULL);
}

static void
export_table_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  PmWindow *self = PM_WINDOW (widget);
  gboolean xlsx = g_str_equal (g_variant_get_string (parameter, NULL), "xlsx");
  g_autofree char *code = NULL;
  g_autofree char *suggested = NULL;

  if (pm_session_get_programme (self->session) == NULL)
    return;

  code = pm_period_to_code (pm_session_get_period (self->session));
  /* Translators: suggested file names; %s is a quarter like FY2016-Q3 */
  suggested = g_strdup_printf (xlsx ? _("programme-appendix-%s.xlsx") : _("kpi-table-%s.csv"), code);

  choose_file (self, xlsx ? _("Export Appendix as Spreadsheet") : _("Export KPI Table as CSV"),
               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), suggested,
               xlsx ? FILE_KIND_XLSX : FILE_KIND_CSV,
               export_table_chosen_cb, GINT_TO_POINTER (xlsx), NULL);
}

/* Preferences */

static void
preferences_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PmWindow *self = PM_WINDOW (widget);

  if (pm_session_get_settings (self->session) == NULL)
    return;

  gtk_window_present (GTK_WINDOW (pm_preferences_dialog_new (GTK_WINDOW (self), self->session)));
}

/* Editing */

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PmWindow *self = PM_WINDOW (widget);

  pm_session_undo (self->session);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PmWindow *self = PM_WINDOW (widget);

  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  pm_sidebar_set_search_mode (self->sidebar, TRUE);
}

static void
add_district_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  PmWindow *self = PM_WINDOW (widget);

  pm_dialogs_edit_district (GTK_WINDOW (self), self->session, NULL);
}

static void
add_pilot_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  PmWindow *self = PM_WINDOW (widget);

  pm_dialogs_edit_pilot (GTK_WINDOW (self), self->session, _pm_window_get_current_district (self), NULL);
}

static void
edit_programme_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  PmWindow *self = PM_WINDOW (widget);

  pm_dialogs_edit_programme (GTK_WINDOW (self), self->session);
}

static void
edit_district_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  PmWindow *self = PM_WINDOW (widget);
  PmDistrict *district = _pm_window_get_current_district (self);

  if (district != NULL)
    pm_dialogs_edit_district (GTK_WINDOW (self), self->session, district);
}

static void
delete_district_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  PmWindow *self = PM_WINDOW (widget);
  PmDistrict *district = _pm_window_get_current_district (self);

  if (district != NULL)
    pm_dialogs_confirm_delete (GTK_WINDOW (self), self->session, G_OBJECT (district));
}


void
_pm_window_update_actions (PmWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  PmStore *store = pm_session_get_store (self->session);
  PmProgramme *programme = pm_session_get_programme (self->session);
  gboolean open = programme != NULL;
  gboolean has_districts = open && g_list_model_get_n_items (pm_programme_get_districts (programme)) > 0;
  gboolean on_district = open && PM_IS_DISTRICT (pm_sidebar_get_selected_item (self->sidebar));

  gtk_widget_action_set_enabled (widget, "win.create-programme", store != NULL && !open);
  gtk_widget_action_set_enabled (widget, "win.save-as", store != NULL);
  gtk_widget_action_set_enabled (widget, "win.export", open);
  gtk_widget_action_set_enabled (widget, "win.import-values", open);
  gtk_widget_action_set_enabled (widget, "win.import-returns", open);
  gtk_widget_action_set_enabled (widget, "win.print", open);
  gtk_widget_action_set_enabled (widget, "win.freeze-round", open && store != NULL);
  gtk_widget_action_set_enabled (widget, "win.export-pdf", open);
  gtk_widget_action_set_enabled (widget, "win.export-table", open);
  gtk_widget_action_set_enabled (widget, "win.send-return", open);
  gtk_widget_action_set_enabled (widget, "win.search", open);
  gtk_widget_action_set_enabled (widget, "win.add-district", open);
  gtk_widget_action_set_enabled (widget, "win.add-pilot", has_districts);
  gtk_widget_action_set_enabled (widget, "win.edit-programme", open);
  gtk_widget_action_set_enabled (widget, "win.edit-district", on_district);
  gtk_widget_action_set_enabled (widget, "win.delete-district", on_district);
}

void
_pm_window_update_recent (PmWindow *self)
{
  g_auto(GStrv) recent = NULL;

  g_menu_remove_all (self->recent_menu);
  if (pm_session_get_settings (self->session) == NULL)
    return;

  recent = g_settings_get_strv (pm_session_get_settings (self->session), "recent-databases");
  for (guint i = 0; recent[i] != NULL && i < MAX_RECENT; i++)
    {
      g_autofree char *basename = NULL;
      g_autoptr(GMenuItem) item = NULL;

      /* A file moved away since is not offered; a server is. */
      if (pm_store_location_is_server (recent[i]))
        basename = pm_store_describe_location (recent[i]);
      else if (g_file_test (recent[i], G_FILE_TEST_EXISTS))
        basename = g_path_get_basename (recent[i]);
      else
        continue;

      item = g_menu_item_new (basename, NULL);
      g_menu_item_set_action_and_target_value (item, "win.open-recent", g_variant_new_string (recent[i]));
      g_menu_append_item (self->recent_menu, item);
    }
}

void
_pm_window_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "win.create-programme", NULL, create_programme_action);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.connect", NULL, connect_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.import-values", NULL, import_values_action);
  gtk_widget_class_install_action (widget_class, "win.import-returns", NULL, import_returns_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.freeze-round", NULL, freeze_round_action);
  gtk_widget_class_install_action (widget_class, "win.export-pdf", "s", export_pdf_action);
  gtk_widget_class_install_action (widget_class, "win.export-table", "s", export_table_action);
  gtk_widget_class_install_action (widget_class, "win.send-return", "x", send_return_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.preferences", NULL, preferences_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.add-district", NULL, add_district_action);
  gtk_widget_class_install_action (widget_class, "win.add-pilot", NULL, add_pilot_action);
  gtk_widget_class_install_action (widget_class, "win.edit-programme", NULL, edit_programme_action);
  gtk_widget_class_install_action (widget_class, "win.edit-district", NULL, edit_district_action);
  gtk_widget_class_install_action (widget_class, "win.delete-district", NULL, delete_district_action);
}

void
_pm_window_actions_init (PmWindow *self)
{
  if (pm_session_get_settings (self->session) != NULL)
    g_signal_connect_object (pm_session_get_settings (self->session), "changed::recent-databases",
                             G_CALLBACK (_pm_window_update_recent), self, G_CONNECT_SWAPPED);

  _pm_window_update_recent (self);
  _pm_window_update_actions (self);
}
