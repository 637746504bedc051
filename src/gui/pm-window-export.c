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

#include "pm-print-operation.h"
#include "pm-progress-window.h"
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

  if (programme == NULL)
    return;

  restatements = list_restatements (self, programme, &error);
  if (restatements == NULL ||
      !pm_print_operation_run (GTK_WINDOW (self), programme, pm_session_get_period (self->session),
                               restatements, &error))
    pm_session_report_failure (self->session, _("Could Not Print"), error);
}

/* Export PDF: the same documents as printing, straight to a file. The
 * district selected in the sidebar, if any, limits the summaries to it. */

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
      g_autofree char *basename = g_file_get_basename (job->file);
      g_autofree char *message = g_strdup_printf (_("Exported “%s”"), basename);

      pm_session_report_saved (self->session, message, NULL);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    pm_session_report_saved (self->session, _("The export was cancelled: no file was written."), NULL);
  else
    _pm_window_report_file_error (self, _("Could Not Export “%s”"), job->file, error);
}

void
_pm_window_export_pdf (PmWindow   *self,
                       GFile      *file,
                       gboolean    appendix)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) restatements = NULL;
  g_autoptr(GTask) task = NULL;
  g_autoptr(PmProgramme) copy = NULL;
  g_autoptr(PmPeriod) period = NULL;
  PmStore *store = pm_session_get_store (self->session);
  PmDistrict *district = NULL;
  ExportJob *job;

  g_return_if_fail (PM_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (store == NULL || pm_session_get_programme (self->session) == NULL)
    return;

  if (!appendix)
    district = _pm_window_get_current_district (self);
  period = pm_period_new_from_index (pm_period_get_index (pm_session_get_period (self->session)));

  job = g_new0 (ExportJob, 1);
  job->window = g_object_ref (self);
  job->file = g_object_ref (file);
  job->path = g_file_get_path (file);
  copy = pm_store_load (store, &error);
  if (copy != NULL)
    restatements = list_restatements (self, copy, &error);
  if (restatements != NULL)
    job->report = pm_print_operation_make_report (copy, period,
                                                  district != NULL ? pm_district_get_name (district) : NULL,
                                                  appendix, restatements, &error);
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

  _pm_window_choose_file (self, appendix ? _("Export Programme Appendix") : _("Export District Summaries"),
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
  PmProgramme *programme = pm_session_get_programme (self->session);
  PmPeriod *period = pm_session_get_period (self->session);
  gboolean ok;

  if (programme == NULL)
    return;

  if (xlsx)
    ok = pm_table_export_xlsx (programme, period, path, &error);
  else
    ok = pm_table_export_csv (programme, period, path, &error);
  if (!ok)
    {
      _pm_window_report_file_error (self, _("Could Not Export “%s”"), file, error);
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

  _pm_window_choose_file (self, xlsx ? _("Export Appendix as Spreadsheet") : _("Export KPI Table as CSV"),
                          GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), suggested,
                          xlsx ? FILE_KIND_XLSX : FILE_KIND_CSV,
                          export_table_chosen_cb, GINT_TO_POINTER (xlsx), NULL);
}

void
_pm_window_class_init_export (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.export-pdf", "s", export_pdf_action);
  gtk_widget_class_install_action (widget_class, "win.export-table", "s", export_table_action);
}
