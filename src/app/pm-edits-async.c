/* pm-edits-async.c: a value typed, saved without waiting for the server
 *
 * pm_edit_set_entry() with the store's pm_store_save_entry_async(): what
 * was typed is parsed here and now, the save runs in the store's worker
 * (a file's is made at once), and the undo comes with the result.
 * Removing a value is still made at once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pm-edits-private.h"

static const char set_entry_tag[] = "pm_edit_set_entry_async";

typedef struct
{
  PmKpi    *kpi;
  PmPeriod *period;
} EntryEdit;

static void
entry_edit_free (EntryEdit *edit)
{
  g_clear_object (&edit->kpi);
  g_clear_object (&edit->period);
  g_free (edit);
}

static void
entry_saved_cb (GObject      *source_object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  EntryEdit *edit = g_task_get_task_data (task);
  g_autoptr(PmProgressEntry) replaced = NULL;
  GError *error = NULL;

  /* The undo puts back what the save replaced, which a save queued
   * before it may have written since this one was asked for. */
  if (!pm_store_save_entry_finish (PM_STORE (source_object), result, &replaced, &error))
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, _pm_edit_entry_undo_new (edit->kpi, edit->period, replaced),
                           (GDestroyNotify) pm_undo_free);
}

void
pm_edit_set_entry_async (PmStore             *store,
                         PmKpi               *kpi,
                         PmPeriod            *period,
                         const char          *value_text,
                         const char          *note_text,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(PmProgressEntry) entry = NULL;
  g_autoptr(PmProgressEntry) old = NULL;
  GError *error = NULL;
  EntryEdit *edit;

  g_return_if_fail (PM_IS_STORE (store));
  g_return_if_fail (PM_IS_KPI (kpi));
  g_return_if_fail (PM_IS_PERIOD (period));

  task = g_task_new (store, NULL, callback, user_data);
  g_task_set_source_tag (task, (gpointer) set_entry_tag);

  if (!_pm_edit_entry_to_save (kpi, period, value_text, note_text, &entry, &old, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  /* Nothing changed: no undo. */
  if (entry == NULL && old == NULL)
    {
      g_task_return_pointer (task, NULL, NULL);
      return;
    }
  if (entry == NULL)
    {
      if (!pm_store_delete_entry (store, kpi, period, &error))
        g_task_return_error (task, error);
      else
        g_task_return_pointer (task, _pm_edit_entry_undo_new (kpi, period, old),
                               (GDestroyNotify) pm_undo_free);
      return;
    }

  edit = g_new0 (EntryEdit, 1);
  edit->kpi = g_object_ref (kpi);
  edit->period = g_object_ref (period);
  g_task_set_task_data (task, edit, (GDestroyNotify) entry_edit_free);
  pm_store_save_entry_async (store, kpi, entry, entry_saved_cb, g_steal_pointer (&task));
}

gboolean
pm_edit_set_entry_finish (PmStore       *store,
                          GAsyncResult  *result,
                          PmUndo       **undo,
                          GError       **error)
{
  GError *local_error = NULL;
  PmUndo *taken;

  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == set_entry_tag, FALSE);
  g_return_val_if_fail (undo != NULL && *undo == NULL, FALSE);

  taken = g_task_propagate_pointer (G_TASK (result), &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  *undo = taken;
  return TRUE;
}
