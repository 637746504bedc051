/* pm-window-export.c: the committee's documents, printed or exported
 *
 * Print, the district summaries or the appendix as PDF (laid out in a
 * worker thread, with a progress window and Cancel), and the KPI table
 * or the appendix as a spreadsheet.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pm-export-dialog.h"
#include "pm-print-operation.h"
#include "pm-report-signoffs.h"
#include "pm-progress-window.h"
#include "pm-summary-report.h"
#include "pm-table-export.h"
#include "pm-window-private.h"

/* What has changed since the committee's latest round, for the district
 * summaries; NULL with @error when it cannot be read, since a pack that
 * silently left restatements out would mislead the committee. */
static GListModel *
list_restatements (PmWindow     *self,
                   PmProgramme  *programme,
                   GError      **error)
{
  PmStore *store = pm_session_get_store (self->session);

  if (store == NULL)
    return G_LIST_MODEL (g_list_store_new (PM_TYPE_RESTATEMENT));

  return pm_store_list_restatements (store, programme, NULL, error);
}

/* Printing and exporting need every value of the programme: while the
 * window is still reading them (pm_store_load_rest_async()), or once
 * that failed, refused with why, rather than print a history with holes. */
static gboolean
programme_read_whole (PmWindow   *self,
                      const char *heading)
{
  PmStore *store = pm_session_get_store (self->session);
  g_autoptr(GError) error = NULL;

  if (store == NULL || pm_store_check_loaded (store, &error))
    return TRUE;

  if (pm_store_rest_pending (store))
    {
      g_autofree char *display_name = g_filename_display_basename (pm_store_get_path (store));

      g_clear_error (&error);
      g_set_error (&error, PM_STORE_ERROR, PM_STORE_ERROR_LOCKED,
                   _("“%s” is still being loaded. Try again in a moment."), display_name);
    }
  pm_session_report_failure (self->session, heading, error);
  return FALSE;
}

/* Print */

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  PmWindow *self = PM_WINDOW (widget);
  PmProgramme *programme = pm_session_get_programme (self->session);
  g_autoptr(GListModel) restatements = NULL;
  g_autoptr(GError) error = NULL;

  if (programme == NULL || !programme_read_whole (self, _("Could Not Print")))
    return;

  restatements = list_restatements (self, programme, &error);
  if (restatements == NULL ||
      !pm_print_operation_run (GTK_WINDOW (self), pm_session_get_store (self->session), programme,
                               pm_session_get_period (self->session), restatements, &error))
    pm_session_report_failure (self->session, _("Could Not Print"), error);
}

/* Export PDF: the same documents as printing, straight to a file. */

/* A PDF export runs in a worker thread: a programme of 150 districts is
 * thousands of pages. The thread reads its own copy of the programme,
 * loaded again from the store for it, so nothing done in the window
 * meanwhile (an edit, a reload with other people's changes) can touch
 * what it reads; the report holds the copy, and the copy's period. */
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
      _pm_window_report_exported (self, job->file, NULL);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    pm_session_report_saved (self->session, _("The export was cancelled: no file was written."), NULL);
  else
    _pm_window_report_file_error (self, _("Could Not Export “%s”"), job->file, error);
}

void
_pm_window_export_pdf (PmWindow   *self,
                       GFile      *file,
                       gboolean    appendix,
                       PmDistrict *district,
                       PmPeriod   *period)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) restatements = NULL;
  g_autoptr(GTask) task = NULL;
  g_autoptr(PmProgramme) copy = NULL;
  g_autoptr(PmPeriod) copy_period = NULL;
  PmStore *store = pm_session_get_store (self->session);
  ExportJob *job;

  g_return_if_fail (PM_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (district == NULL || PM_IS_DISTRICT (district));
  g_return_if_fail (PM_IS_PERIOD (period));

  if (store == NULL || pm_session_get_programme (self->session) == NULL)
    return;

  /* The thread's own. */
  copy_period = pm_period_new_from_index_full (pm_period_get_frequency (period), pm_period_get_index (period));

  job = g_new0 (ExportJob, 1);
  job->window = g_object_ref (self);
  job->file = g_object_ref (file);
  job->path = g_file_get_path (file);
  copy = pm_store_load (store, &error);
  if (copy != NULL)
    restatements = list_restatements (self, copy, &error);
  if (restatements != NULL)
    job->report = pm_print_operation_make_report (copy, copy_period,
                                                  !appendix && district != NULL ? pm_district_get_name (district) : NULL,
                                                  appendix, restatements, &error);
  if (job->report != NULL && !pm_report_set_signoffs (job->report, store, copy, copy_period, &error))
    g_clear_object (&job->report);
  if (job->report == NULL || job->path == NULL)
    {
      if (error == NULL)
        g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("Only local files can be written."));
      _pm_window_report_file_error (self, _("Could Not Export “%s”"), file, error);
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

/* Export: one dialog for every document */

void
_pm_window_report_exported (PmWindow   *self,
                            GFile      *file,
                            const char *message)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *uri = g_file_get_uri (file);
  g_autofree char *title = NULL;
  AdwToast *toast;

  /* Translators: toast after exporting: "Exported “programme.json”" */
  title = message != NULL ? g_strdup (message) : g_strdup_printf (_("Exported “%s”"), basename);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_action_name (toast, "win.open-exported");
  adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
  _pm_window_show_toast (self, toast);
}

/* The document's own app shows it. */
static void
open_exported_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  gtk_show_uri (GTK_WINDOW (widget), g_variant_get_string (parameter, NULL), GDK_CURRENT_TIME);
}

typedef struct
{
  char       *document;
  PmDistrict *district;
  PmPeriod   *period;
} ExportChoice;

static void
export_choice_free (ExportChoice *choice)
{
  g_free (choice->document);
  g_clear_object (&choice->district);
  g_clear_object (&choice->period);
  g_free (choice);
}

static void
export_table (PmWindow *self,
              GFile    *file,
              gboolean  xlsx,
              PmPeriod *period)
{
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GError) error = NULL;
  PmProgramme *programme = pm_session_get_programme (self->session);
  gboolean ok;

  if (programme == NULL)
    return;

  if (path == NULL)
    {
      g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("Only local files can be written."));
      ok = FALSE;
    }
  else if (xlsx)
    ok = pm_table_export_xlsx (programme, period, path, &error);
  else
    ok = pm_table_export_csv (programme, period, path, &error);
  if (!ok)
    {
      _pm_window_report_file_error (self, _("Could Not Export “%s”"), file, error);
      return;
    }

  _pm_window_report_exported (self, file, NULL);
}

static void
export_return (PmWindow   *self,
               GFile      *file,
               PmDistrict *district,
               PmPeriod   *period)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *fingerprint = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;

  if (district == NULL)
    return;

  if (!_pm_window_save_return (self, district, period, file, &fingerprint, &error))
    {
      _pm_window_report_file_error (self, _("Could Not Save “%s”"), file, error);
      return;
    }

  /* Translators: toast after saving a return: “Return saved as “tamworth-FY2016-Q3.json”, signed
   * with your key 3F2A-9C01-77BE-D402” */
  message = g_strdup_printf (_("Return saved as “%s”, signed with your key %s"), basename, fingerprint);
  _pm_window_report_exported (self, file, message);
}

static void
export_chosen_cb (PmWindow *self,
                  GFile    *file,
                  gpointer  data)
{
  ExportChoice *choice = data;

  if (g_str_equal (choice->document, PM_EXPORT_SUMMARIES) || g_str_equal (choice->document, PM_EXPORT_APPENDIX))
    _pm_window_export_pdf (self, file, g_str_equal (choice->document, PM_EXPORT_APPENDIX),
                           choice->district, choice->period);
  else if (g_str_equal (choice->document, PM_EXPORT_CSV) || g_str_equal (choice->document, PM_EXPORT_XLSX))
    export_table (self, file, g_str_equal (choice->document, PM_EXPORT_XLSX), choice->period);
  else if (g_str_equal (choice->document, PM_EXPORT_RETURN))
    export_return (self, file, choice->district, choice->period);
  else if (g_str_equal (choice->document, PM_EXPORT_PROGRAMME))
    _pm_window_export_programme_file (self, file);
}

/* The name the file chooser suggests: the document, the district's name
 * where it is one district's, and the quarter. */
static char *
suggest_name (ExportChoice *choice,
              FileKind     *kind,
              const char  **title)
{
  g_autofree char *code = pm_period_to_code (choice->period);
  g_autofree char *lower = NULL;

  if (choice->district != NULL)
    {
      lower = g_utf8_strdown (pm_district_get_name (choice->district), -1);
      g_strdelimit (lower, " /\\", '-');
    }

  if (g_str_equal (choice->document, PM_EXPORT_RETURN))
    {
      *kind = FILE_KIND_PROGRAMME;
      *title = _("Save the Quarterly Return");
      /* Translators: the suggested name of a return: district, then quarter */
      return g_strdup_printf (_("%s-%s-return.json"), lower, code);
    }
  if (g_str_equal (choice->document, PM_EXPORT_PROGRAMME))
    {
      *kind = FILE_KIND_PROGRAMME;
      *title = _("Export the Programme File");
      return g_strdup (_("programme.json"));
    }
  if (g_str_equal (choice->document, PM_EXPORT_APPENDIX))
    {
      *kind = FILE_KIND_PDF;
      *title = _("Export the Programme Appendix");
      /* Translators: suggested file names; %s is a quarter like FY2016-Q3 */
      return g_strdup_printf (_("programme-appendix-%s.pdf"), code);
    }
  if (g_str_equal (choice->document, PM_EXPORT_CSV))
    {
      *kind = FILE_KIND_CSV;
      *title = _("Export the KPI Table");
      return g_strdup_printf (_("kpi-table-%s.csv"), code);
    }
  if (g_str_equal (choice->document, PM_EXPORT_XLSX))
    {
      *kind = FILE_KIND_XLSX;
      *title = _("Export the Appendix as a Spreadsheet");
      return g_strdup_printf (_("programme-appendix-%s.xlsx"), code);
    }

  *kind = FILE_KIND_PDF;
  *title = _("Export the District Summaries");
  if (lower != NULL)
    /* Translators: the suggested name of one district's summary: district, then quarter */
    return g_strdup_printf (_("%s-summary-%s.pdf"), lower, code);
  return g_strdup_printf (_("district-summaries-%s.pdf"), code);
}

/* From the export dialog: the document, the district's id (0 for none),
 * the quarter's index and the file's URI ("" to ask for it). */
static void
export_to_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  PmWindow *self = PM_WINDOW (widget);
  ExportChoice *choice;
  const char *document;
  const char *uri;
  const char *title;
  g_autofree char *suggested = NULL;
  gint64 district_id;
  FileKind kind;
  int period;

  if (pm_session_get_programme (self->session) == NULL ||
      !programme_read_whole (self, _("Could Not Export")))
    return;

  g_variant_get (parameter, "(&sxi&s)", &document, &district_id, &period, &uri);
  choice = g_new0 (ExportChoice, 1);
  choice->document = g_strdup (document);
  if (district_id != 0)
    {
      PmDistrict *district = pm_session_find_district (self->session, district_id);

      /* Deleted meanwhile (by someone else): nothing to write. */
      if (district == NULL)
        {
          export_choice_free (choice);
          return;
        }
      choice->district = g_object_ref (district);
    }
  choice->period = pm_period_new_from_index (period);

  if (uri[0] != '\0')
    {
      g_autoptr(GFile) file = g_file_new_for_uri (uri);

      export_chosen_cb (self, file, choice);
      export_choice_free (choice);
      return;
    }

  suggested = suggest_name (choice, &kind, &title);
  _pm_window_choose_file (self, title, GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), suggested, kind,
                          export_chosen_cb, choice, (GDestroyNotify) export_choice_free);
}

static void
export_document_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  PmWindow *self = PM_WINDOW (widget);

  if (pm_session_get_programme (self->session) == NULL)
    return;

  gtk_window_present (GTK_WINDOW (pm_export_dialog_new (GTK_WINDOW (self), self->session,
                                                        _pm_window_get_current_district (self), NULL)));
}

void
_pm_window_class_init_export (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.export-document", NULL, export_document_action);
  gtk_widget_class_install_action (widget_class, "win.export-to", "(sxis)", export_to_action);
  gtk_widget_class_install_action (widget_class, "win.open-exported", "s", open_exported_action);
}
