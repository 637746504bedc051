/* pm-session-server.c: opening a server's programme without freezing the
 * window
 *
 * The store is opened and the programme loaded in a worker thread
 * (pm_store_open_async()); only when both are done is the document set,
 * on the main thread, so nothing half-loaded is ever shown. Meanwhile
 * the session's "opening" names what is being opened, for the window to
 * show, with a Cancel that closes the connection.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pm-session-private.h"

static void
store_opened_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PmSession *self = g_task_get_source_object (task);
  const char *location = g_task_get_task_data (task);
  g_autoptr(PmStore) store = NULL;
  g_autoptr(PmProgramme) programme = NULL;
  GError *error = NULL;

  store = pm_store_open_finish (result, &programme, &error);

  /* Cancelled or overtaken by another opening, the session has already
   * moved on. */
  if (_pm_session_get_opening_cancellable (self) == g_task_get_cancellable (task))
    _pm_session_set_opening (self, NULL, NULL);

  if (store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    return;
  /* A value typed meanwhile is still being saved to the programme shown:
   * that one stays, and the new connection is closed unused. */
  if (!_pm_session_check_not_saving (self, &error))
    {
      pm_store_close (store);
      g_task_return_error (task, error);
      return;
    }

  _pm_session_adopt (self, location, store, programme);
  g_task_return_boolean (task, TRUE);
}

void
pm_session_open_async (PmSession           *self,
                       const char          *location,
                       const char          *password,
                       PmStoreOpenFlags     flags,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GCancellable) cancellable = NULL;
  g_autofree char *name = NULL;
  GError *error = NULL;
  GTask *task;

  g_return_if_fail (PM_IS_SESSION (self));
  g_return_if_fail (location != NULL);

  /* One opening at a time: the latest asked for. */
  pm_session_cancel_opening (self);

  cancellable = g_cancellable_new ();
  task = g_task_new (self, cancellable, callback, user_data);
  if (!_pm_session_check_not_saving (self, &error))
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  g_task_set_task_data (task, g_strdup (location), g_free);

  name = pm_store_describe_location (location);
  _pm_session_set_opening (self, cancellable, name);
  pm_store_open_async (location, password, flags, cancellable, store_opened_cb, task);
}

gboolean
pm_session_open_finish (PmSession     *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (PM_IS_SESSION (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
pm_session_cancel_opening (PmSession *self)
{
  GCancellable *opening;

  g_return_if_fail (PM_IS_SESSION (self));

  opening = _pm_session_get_opening_cancellable (self);
  if (opening == NULL)
    return;

  g_cancellable_cancel (opening);
  _pm_session_set_opening (self, NULL, NULL);
}
