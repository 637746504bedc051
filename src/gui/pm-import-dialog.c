/* pm-import-dialog.c: quarterly values from a CSV file, reviewed then saved
 *
 * The file is read and checked in a worker thread against a copy of the
 * programme's names and units taken when the dialog opens, so the thread
 * reads no object the window may change meanwhile; back on the main
 * thread each row is compared with the value its KPI holds now (see
 * store/pm-progress-import.h). Writing happens on the main thread in
 * slices from an idle source, so the window keeps drawing and Cancel
 * answers between slices.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pm-import-dialog.h"
#include "pm-watch.h"
#include "model/pm-wording.h"
#include "store/pm-progress-import.h"
#include "store/pm-progress-writer.h"

/* What the review lists at most: beyond it, a line says how many more. */
#define MAX_LISTED 200
#define DEFAULT_SLICE 2000

struct _PmImportDialog
{
  AdwWindow         parent_instance;

  /* Template widgets */
  GtkStack         *stack;
  GtkButton        *import_button;
  GtkButton        *cancel_button;
  GtkLabel         *summary_label;
  GtkLabel         *detail_label;
  GtkWidget        *rejected_heading;
  GtkListBox       *rejected_list;
  GtkWidget        *changes_heading;
  GtkListBox       *changes_list;
  GtkProgressBar   *progress_bar;
  AdwStatusPage    *checking_page;
  GtkSpinner       *checking_spinner;

  /* Owned references */
  PmStore          *store;
  GFile            *file;
  GCancellable     *cancellable;
  PmProgressImport *import;
  PmProgressWriter *writer;

  guint             slice;
  guint             write_idle;
  gboolean          finished;
};

G_DEFINE_FINAL_TYPE (PmImportDialog, pm_import_dialog, ADW_TYPE_WINDOW)

enum {
  FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
finish (PmImportDialog *self,
        guint           n_written,
        const GError   *error)
{
  if (self->finished)
    return;
  self->finished = TRUE;

  g_signal_emit (self, signals[FINISHED], 0, n_written, error);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
finish_cancelled (PmImportDialog *self)
{
  g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                                 _("The import was cancelled: nothing was saved."));

  finish (self, 0, error);
}

static GtkWidget *
make_row (const char *title,
          const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  /* Titles and notes come from a file: show them, never parse markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);

  return row;
}

static void
add_more_row (GtkListBox *list,
              guint       n_more)
{
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "and %u more",
                                                        "and %u more", n_more), n_more);

  gtk_list_box_append (list, make_row (text, NULL));
}

static char *
describe_change (PmKpi           *kpi,
                 PmProgressEntry *entry,
                 PmProgressEntry *held)
{
  PmUnit unit = pm_kpi_get_unit (kpi);
  g_autofree char *period = pm_period_get_label (pm_progress_entry_get_period (entry));
  g_autofree char *value = pm_progress_entry_has_value (entry)
                           ? pm_wording_entry_value (entry, unit)
                           : g_strdup (_("no value"));

  if (held != NULL && pm_progress_entry_has_value (held))
    {
      g_autofree char *old = pm_wording_entry_value (held, unit);

      /* Translators: “Q4 2016/17: 5 → 9” (old value, then new) */
      return g_strdup_printf (_("%s: %s → %s"), period, old, value);
    }

  /* Translators: “Q4 2016/17: 9 (new)” */
  return g_strdup_printf (_("%s: %s (new)"), period, value);
}

static void
show_review (PmImportDialog *self)
{
  PmProgressImport *import = self->import;
  guint n_new = pm_progress_import_count_change (import, PM_IMPORT_CHANGE_NEW);
  guint n_changed = pm_progress_import_count_change (import, PM_IMPORT_CHANGE_CHANGED);
  guint n_same = pm_progress_import_count_change (import, PM_IMPORT_CHANGE_UNCHANGED);
  guint n_rejected = pm_progress_import_get_n_rejected (import);
  guint n_to_write = n_new + n_changed;
  guint n_rows = pm_progress_import_get_n_rows (import);
  guint n_warnings = pm_progress_import_get_n_warnings (import);
  g_autofree char *basename = g_file_get_basename (self->file);
  g_autofree char *summary = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *button = NULL;
  guint listed = 0;

  if (n_to_write > 0)
    /* Translators: “9 values from “q4.csv” can be saved.” */
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%u value from “%s” can be saved.",
                                            "%u values from “%s” can be saved.", n_to_write),
                               n_to_write, basename);
  else
    summary = g_strdup_printf (_("“%s” holds nothing new to save."), basename);
  gtk_label_set_label (self->summary_label, summary);

  /* Translators: the parts of the import review, e.g. “3 new, 2 changed,
   * 1 the same as now. 2 rows are refused and will not be saved.” */
  detail = g_strdup_printf (_("%u new, %u changed, %u the same as now. %s"),
                            n_new, n_changed, n_same,
                            n_rejected == 0
                            ? _("Every row could be read.")
                            : g_dngettext (GETTEXT_PACKAGE,
                                           "1 row is refused and will not be saved: fix it in the file and import again.",
                                           "Some rows are refused and will not be saved: fix them in the file and import again.",
                                           n_rejected));
  if (n_warnings > 0)
    {
      /* Translators: after the review's detail, when some values look
       * like fractions (0.62 for 62%) */
      g_autofree char *warned = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                              "%u value below needs a look before saving.",
                                                              "%u values below need a look before saving.",
                                                              n_warnings), n_warnings);
      g_autofree char *joined = g_strconcat (detail, " ", warned, NULL);

      g_free (detail);
      detail = g_steal_pointer (&joined);
    }
  gtk_label_set_label (self->detail_label, detail);

  gtk_widget_set_visible (self->rejected_heading, n_rejected > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->rejected_list), n_rejected > 0);
  for (guint i = 0; i < MIN (n_rejected, MAX_LISTED); i++)
    gtk_list_box_append (self->rejected_list,
                         make_row (pm_progress_import_get_rejection (import, i, NULL), NULL));
  if (n_rejected > MAX_LISTED)
    add_more_row (self->rejected_list, n_rejected - MAX_LISTED);

  gtk_widget_set_visible (self->changes_heading, n_to_write > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->changes_list), n_to_write > 0);
  for (guint i = 0; i < n_rows && listed < MAX_LISTED; i++)
    {
      PmProgressEntry *entry, *held;
      g_autofree char *title = NULL;
      g_autofree char *change = NULL;
      PmKpi *kpi;

      if (pm_progress_import_get_change (import, i) == PM_IMPORT_CHANGE_UNCHANGED)
        continue;

      pm_progress_import_get_row (import, i, &kpi, &entry, &held);
      title = g_strdup_printf ("%s · %s", pm_district_get_name (pm_pilot_get_district (pm_kpi_get_pilot (kpi))),
                               pm_kpi_get_title (kpi));
      change = describe_change (kpi, entry, held);
      if (pm_progress_import_get_warning (import, i) != NULL)
        {
          /* Translators: a change in the import review, then its warning */
          g_autofree char *warned = g_strdup_printf (_("%s. Warning: %s"), change,
                                                     pm_progress_import_get_warning (import, i));

          g_free (change);
          change = g_steal_pointer (&warned);
        }
      gtk_list_box_append (self->changes_list, make_row (title, change));
      listed++;
    }
  if (n_to_write > listed)
    add_more_row (self->changes_list, n_to_write - listed);

  button = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "_Import %u Value", "_Import %u Values",
                                         n_to_write), n_to_write);
  gtk_button_set_label (self->import_button, button);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.accept", n_to_write > 0);
  gtk_stack_set_visible_child_name (self->stack, "review");
}

/* What the worker thread reads and makes: nothing the window shares. */
typedef struct
{
  PmProgressImport *import;
  GFile            *file;
} CheckJob;

static void
check_job_free (CheckJob *job)
{
  g_clear_object (&job->import);
  g_clear_object (&job->file);
  g_free (job);
}

static void
check_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  CheckJob *job = task_data;
  GError *error = NULL;

  if (pm_progress_import_read_file (job->import, job->file, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
check_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  PmImportDialog *self = PM_IMPORT_DIALOG (object);
  CheckJob *job = g_task_get_task_data (G_TASK (result));
  /* Taken here, so that the import (which holds the programme's KPIs)
   * is never let go of in the worker thread. */
  g_autoptr(PmProgressImport) import = g_steal_pointer (&job->import);
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        finish (self, 0, error);
      return;
    }

  pm_progress_import_compare (import);
  self->import = g_steal_pointer (&import);
  show_review (self);
}

static void
update_progress (PmImportDialog *self)
{
  guint position = pm_progress_writer_get_position (self->writer);
  guint n_rows = MAX (pm_progress_writer_get_n_rows (self->writer), 1);
  g_autofree char *done_text = pm_unit_format_value (PM_UNIT_COUNT, position);
  g_autofree char *all_text = pm_unit_format_value (PM_UNIT_COUNT, n_rows);
  g_autofree char *text = NULL;

  /* Translators: on the progress bar: “12,000 of 600,000 rows” */
  text = g_strdup_printf (_("%s of %s rows"), done_text, all_text);
  gtk_progress_bar_set_fraction (self->progress_bar, (double) position / n_rows);
  gtk_progress_bar_set_text (self->progress_bar, text);
}

static gboolean
write_slice_cb (gpointer user_data)
{
  PmImportDialog *self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean done;
  gboolean ok;

  done = pm_progress_writer_step (self->writer, self->slice, &error);
  if (error != NULL)
    {
      self->write_idle = 0;
      finish (self, 0, error);
      return G_SOURCE_REMOVE;
    }

  update_progress (self);
  if (!done)
    return G_SOURCE_CONTINUE;

  self->write_idle = 0;
  /* Thousands of values reach the model at once: let the rows that
   * watch it recompute once, not once per value. */
  pm_watch_freeze_all ();
  ok = pm_progress_writer_finish (self->writer, &error);
  pm_watch_thaw_all ();

  if (!ok)
    finish (self, 0, error);
  else
    finish (self, pm_progress_writer_get_n_written (self->writer), NULL);

  return G_SOURCE_REMOVE;
}

static void
accept_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PmImportDialog *self = PM_IMPORT_DIALOG (widget);
  g_autoptr(GError) error = NULL;

  if (self->import == NULL || self->writer != NULL)
    return;

  self->writer = pm_progress_writer_new (self->store, self->import);
  if (!pm_progress_writer_begin (self->writer, &error))
    {
      finish (self, 0, error);
      return;
    }

  gtk_widget_action_set_enabled (widget, "import.accept", FALSE);
  gtk_stack_set_visible_child_name (self->stack, "writing");
  update_progress (self);
  /* Below redraw priority, so the bar is drawn between slices. */
  self->write_idle = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, write_slice_cb, self, NULL);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PmImportDialog *self = PM_IMPORT_DIALOG (widget);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->write_idle, g_source_remove);
  if (self->writer != NULL)
    pm_progress_writer_cancel (self->writer);

  finish_cancelled (self);
}

static gboolean
pm_import_dialog_close_request (GtkWindow *window)
{
  /* Closing is cancelling: nothing is half-written. */
  gtk_widget_activate_action (GTK_WIDGET (window), "import.cancel", NULL);
  return GDK_EVENT_STOP;
}

static void
pm_import_dialog_dispose (GObject *object)
{
  PmImportDialog *self = PM_IMPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->write_idle, g_source_remove);
  if (self->writer != NULL)
    pm_progress_writer_cancel (self->writer);

  g_clear_object (&self->writer);
  g_clear_object (&self->import);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->file);
  g_clear_object (&self->store);

  gtk_widget_dispose_template (GTK_WIDGET (self), PM_TYPE_IMPORT_DIALOG);

  G_OBJECT_CLASS (pm_import_dialog_parent_class)->dispose (object);
}

/* The spinner spins only while its page shows: a spinning spinner on a
 * hidden page still ticks the frame clock, redrawing the dialog every
 * frame for as long as it stays open. */
static void
stack_page_changed_cb (PmImportDialog *self)
{
  gtk_spinner_set_spinning (self->checking_spinner,
                            g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "checking") == 0);
}

static void
pm_import_dialog_class_init (PmImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = pm_import_dialog_dispose;
  window_class->close_request = pm_import_dialog_close_request;

  signals[FINISHED] = g_signal_new ("finished",
                                    G_TYPE_FROM_CLASS (klass),
                                    G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL,
                                    G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_ERROR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/pilotmonitor/PilotMonitor/pm-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PmImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, PmImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, PmImportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, PmImportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, PmImportDialog, detail_label);
  gtk_widget_class_bind_template_child (widget_class, PmImportDialog, rejected_heading);
  gtk_widget_class_bind_template_child (widget_class, PmImportDialog, rejected_list);
  gtk_widget_class_bind_template_child (widget_class, PmImportDialog, changes_heading);
  gtk_widget_class_bind_template_child (widget_class, PmImportDialog, changes_list);
  gtk_widget_class_bind_template_child (widget_class, PmImportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, PmImportDialog, checking_page);
  gtk_widget_class_bind_template_child (widget_class, PmImportDialog, checking_spinner);
  gtk_widget_class_bind_template_callback (widget_class, stack_page_changed_cb);

  gtk_widget_class_install_action (widget_class, "import.accept", NULL, accept_action);
  gtk_widget_class_install_action (widget_class, "import.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "import.cancel", NULL);
}

static void
pm_import_dialog_init (PmImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->slice = DEFAULT_SLICE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.accept", FALSE);
}

PmImportDialog *
pm_import_dialog_new (GtkWindow   *parent,
                      PmStore     *store,
                      PmProgramme *programme,
                      GFile       *file)
{
  PmImportDialog *self;
  g_autoptr(GTask) task = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *description = NULL;
  CheckJob *job;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (PM_IS_STORE (store), NULL);
  g_return_val_if_fail (PM_IS_PROGRAMME (programme), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (PM_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->file = g_object_ref (file);

  basename = g_file_get_basename (file);
  /* Translators: while a CSV file is read: “Reading “q4.csv”…” */
  description = g_strdup_printf (_("Reading “%s”…"), basename);
  adw_status_page_set_description (self->checking_page, description);

  job = g_new0 (CheckJob, 1);
  job->import = pm_progress_import_new (programme);
  job->file = g_object_ref (file);
  task = g_task_new (self, self->cancellable, check_done_cb, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) check_job_free);
  g_task_run_in_thread (task, check_thread);

  return self;
}

void
pm_import_dialog_set_slice (PmImportDialog *self,
                            guint           n_rows)
{
  g_return_if_fail (PM_IS_IMPORT_DIALOG (self));
  g_return_if_fail (n_rows > 0);

  self->slice = n_rows;
}

const char *
pm_import_dialog_get_stage (PmImportDialog *self)
{
  g_return_val_if_fail (PM_IS_IMPORT_DIALOG (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

double
pm_import_dialog_get_fraction (PmImportDialog *self)
{
  g_return_val_if_fail (PM_IS_IMPORT_DIALOG (self), 0);

  return gtk_progress_bar_get_fraction (self->progress_bar);
}
