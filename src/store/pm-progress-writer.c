/* pm-progress-writer.c: writes a checked CSV import into the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pm-merge-guard.h"
#include "pm-progress-bulk.h"
#include "pm-progress-writer.h"
#include "pm-store-private.h"

/* Rows per slice of pm_progress_writer_run(): a few milliseconds each. */
#define RUN_SLICE 4096

typedef enum { STATE_NEW, STATE_OPEN, STATE_DONE } State;

struct _PmProgressWriter
{
  GObject           parent_instance;

  PmStore          *store;
  PmProgressImport *import;
  PmMergeGuard     *guard;
  PmProgressBulk   *bulk;
  State             state;
  gboolean          row_by_row;
  guint             position;
  guint             n_written;
};

G_DEFINE_FINAL_TYPE (PmProgressWriter, pm_progress_writer, G_TYPE_OBJECT)

static void
pm_progress_writer_dispose (GObject *object)
{
  PmProgressWriter *self = PM_PROGRESS_WRITER (object);

  /* Dropped half-way: nothing of it may reach the file. */
  if (self->state == STATE_OPEN)
    pm_progress_writer_cancel (self);

  g_clear_pointer (&self->guard, _pm_merge_guard_free);
  g_clear_pointer (&self->bulk, _pm_progress_bulk_free);
  g_clear_object (&self->store);
  g_clear_object (&self->import);

  G_OBJECT_CLASS (pm_progress_writer_parent_class)->dispose (object);
}

static void
pm_progress_writer_class_init (PmProgressWriterClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = pm_progress_writer_dispose;
}

static void
pm_progress_writer_init (PmProgressWriter *self)
{
}

PmProgressWriter *
pm_progress_writer_new (PmStore          *store,
                        PmProgressImport *import)
{
  PmProgressWriter *self;

  g_return_val_if_fail (PM_IS_STORE (store), NULL);
  g_return_val_if_fail (PM_IS_PROGRESS_IMPORT (import), NULL);

  self = g_object_new (PM_TYPE_PROGRESS_WRITER, NULL);
  self->store = g_object_ref (store);
  self->import = g_object_ref (import);

  return self;
}

gboolean
pm_progress_writer_begin (PmProgressWriter  *self,
                          GError           **error)
{
  PmDatabase *db;

  g_return_val_if_fail (PM_IS_PROGRESS_WRITER (self), FALSE);
  g_return_val_if_fail (self->state == STATE_NEW, FALSE);

  _pm_merge_guard_pause_for_tests ();

  if (!_pm_store_begin_write_from (self->store, "csv", error))
    return FALSE;

  /* A file takes the rows set by set; a server, one by one (its
   * triggers run on the server and do not stand aside). */
  db = _pm_store_get_database (self->store);
  if (!self->row_by_row && !pm_database_is_server (db))
    self->bulk = _pm_progress_bulk_new (db, error);
  else
    self->guard = _pm_merge_guard_new (db, error);
  if (self->guard == NULL && self->bulk == NULL)
    {
      _pm_store_end_write (self->store, FALSE, NULL);
      return FALSE;
    }

  self->state = STATE_OPEN;
  return TRUE;
}

static gboolean
step_bulk (PmProgressWriter  *self,
           guint              end,
           GError           **error)
{
  PmProgressEntry *entry;
  guint failed;
  PmKpi *kpi;

  if (_pm_progress_bulk_write (self->bulk, self->import, self->position, end,
                               &self->n_written, &failed, error))
    {
      self->position = end;
      return TRUE;
    }

  pm_progress_writer_cancel (self);
  if (failed == G_MAXUINT)
    return FALSE;

  pm_progress_import_get_row (self->import, failed, &kpi, &entry, NULL);
  return _pm_store_name_accepted_quarter (self->store, PM_STORE_SCOPE_KPI, pm_kpi_get_id (kpi),
                                          pm_progress_entry_get_period (entry), error);
}

gboolean
pm_progress_writer_step (PmProgressWriter  *self,
                         guint              max_rows,
                         GError           **error)
{
  guint n_rows;
  guint end;

  g_return_val_if_fail (PM_IS_PROGRESS_WRITER (self), FALSE);
  g_return_val_if_fail (self->state == STATE_OPEN, FALSE);

  n_rows = pm_progress_import_get_n_rows (self->import);
  end = MIN (n_rows, self->position + max_rows);

  if (self->bulk != NULL)
    return step_bulk (self, end, error) && self->position == n_rows;

  /* Each row is written, or checked, only if its value is still the one
   * the review compared it with: counts shown before Import stay true. */
  for (; self->position < end; self->position++)
    {
      PmImportChange change = pm_progress_import_get_change (self->import, self->position);
      PmProgressEntry *entry, *held;
      PmKpi *kpi;
      gboolean ok;

      pm_progress_import_get_row (self->import, self->position, &kpi, &entry, &held);
      if (change == PM_IMPORT_CHANGE_UNCHANGED)
        ok = _pm_merge_guard_check_entry (self->guard, kpi, held, error);
      else
        ok = _pm_merge_guard_write_entry (self->guard, kpi, entry, held, error);

      if (!ok)
        {
          pm_progress_writer_cancel (self);
          return _pm_store_name_accepted_quarter (self->store, PM_STORE_SCOPE_KPI, pm_kpi_get_id (kpi),
                                                  pm_progress_entry_get_period (entry), error);
        }
      self->n_written += change != PM_IMPORT_CHANGE_UNCHANGED;
    }

  return self->position == n_rows;
}

guint
pm_progress_writer_get_position (PmProgressWriter *self)
{
  g_return_val_if_fail (PM_IS_PROGRESS_WRITER (self), 0);

  return self->position;
}

guint
pm_progress_writer_get_n_rows (PmProgressWriter *self)
{
  g_return_val_if_fail (PM_IS_PROGRESS_WRITER (self), 0);

  return pm_progress_import_get_n_rows (self->import);
}

guint
pm_progress_writer_get_n_written (PmProgressWriter *self)
{
  g_return_val_if_fail (PM_IS_PROGRESS_WRITER (self), 0);

  return self->n_written;
}

gboolean
pm_progress_writer_finish (PmProgressWriter  *self,
                           GError           **error)
{
  guint n_rows;

  g_return_val_if_fail (PM_IS_PROGRESS_WRITER (self), FALSE);
  g_return_val_if_fail (self->state == STATE_OPEN, FALSE);

  n_rows = pm_progress_import_get_n_rows (self->import);
  g_return_val_if_fail (self->position == n_rows, FALSE);

  g_clear_pointer (&self->guard, _pm_merge_guard_free);
  g_clear_pointer (&self->bulk, _pm_progress_bulk_free);
  self->state = STATE_DONE;
  if (!_pm_store_end_write (self->store, TRUE, error))
    return FALSE;

  /* Committed: now the window may see it. Each entry was checked against
   * its KPI's unit when the file was read. */
  for (guint i = 0; i < n_rows; i++)
    {
      PmProgressEntry *entry;
      PmKpi *kpi;

      if (pm_progress_import_get_change (self->import, i) == PM_IMPORT_CHANGE_UNCHANGED)
        continue;

      pm_progress_import_get_row (self->import, i, &kpi, &entry, NULL);
      if (!pm_kpi_set_entry (kpi, entry, error))
        return FALSE;
    }

  return TRUE;
}

void
pm_progress_writer_cancel (PmProgressWriter *self)
{
  g_return_if_fail (PM_IS_PROGRESS_WRITER (self));

  if (self->state != STATE_OPEN)
    return;

  g_clear_pointer (&self->guard, _pm_merge_guard_free);
  g_clear_pointer (&self->bulk, _pm_progress_bulk_free);
  _pm_store_end_write (self->store, FALSE, NULL);
  self->state = STATE_DONE;
  self->n_written = 0;
}

void
_pm_progress_writer_set_row_by_row (PmProgressWriter *self,
                                    gboolean          row_by_row)
{
  g_return_if_fail (PM_IS_PROGRESS_WRITER (self));
  g_return_if_fail (self->state == STATE_NEW);

  self->row_by_row = row_by_row;
}

gboolean
pm_progress_writer_run (PmProgressWriter  *self,
                        GCancellable      *cancellable,
                        GError           **error)
{
  GError *local_error = NULL;

  g_return_val_if_fail (PM_IS_PROGRESS_WRITER (self), FALSE);

  if (!pm_progress_writer_begin (self, error))
    return FALSE;

  while (!pm_progress_writer_step (self, RUN_SLICE, &local_error))
    {
      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return FALSE;
        }
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          pm_progress_writer_cancel (self);
          return FALSE;
        }
    }

  return pm_progress_writer_finish (self, error);
}
