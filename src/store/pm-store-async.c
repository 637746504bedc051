/* pm-store-async.c: opening a database and loading its programme off the
 * main loop
 *
 * Connecting to a server and reading a large programme take seconds; on
 * the main loop they froze the window. Here a GTask worker thread opens
 * the store and loads the programme. The store, its connection and the
 * model objects are made in that thread and used by nothing else until
 * the task returns them to the caller's thread (libpq allows a connection
 * to move between threads that never use it at the same time).
 *
 * Cancelling asks the server to stop the running query (PQcancel, from a
 * thread of its own: it opens a connection of its own, which may be slow);
 * the worker then closes the connection and returns G_IO_ERROR_CANCELLED.
 * A connection still being made (libpq cannot stop PQconnectdb) is closed
 * as soon as it is made.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "pm-store-private.h"
#include "pm-pg-database-private.h"

/* What the worker and a cancellation share: the handle that cancels the
 * query running on the worker's connection, NULL when there is none. */
/* Tags the tasks (a function's address is not a pointer in ISO C). */
static const char open_tag[] = "pm_store_open_async";
static const char cancel_tag[] = "pm-store cancel";

typedef struct
{
  GMutex    mutex;
  PGcancel *cancel;
  gboolean  cancelled;
} Canceller;

typedef struct
{
  char             *path;
  char             *password;
  PmStoreOpenFlags  flags;
  Canceller        *canceller;  /* g_atomic_rc_box */
  GCancellable     *cancellable;
  gulong            cancelled_id;
} OpenData;

typedef struct
{
  PmStore     *store;
  PmProgramme *programme;
} OpenResult;

static void
canceller_clear (Canceller *canceller)
{
  g_clear_pointer (&canceller->cancel, PQfreeCancel);
  g_mutex_clear (&canceller->mutex);
}

static void
canceller_unref (Canceller *canceller)
{
  g_atomic_rc_box_release_full (canceller, (GDestroyNotify) canceller_clear);
}

static void
open_data_free (OpenData *data)
{
  if (data->password != NULL)
    memset (data->password, 0, strlen (data->password));
  g_free (data->password);
  g_free (data->path);
  /* No later cancellation is this task's. */
  if (data->cancelled_id != 0)
    g_cancellable_disconnect (data->cancellable, data->cancelled_id);
  g_clear_object (&data->cancellable);
  g_clear_pointer (&data->canceller, canceller_unref);
  g_free (data);
}

static void
open_result_free (OpenResult *result)
{
  g_clear_object (&result->programme);
  g_clear_object (&result->store);
  g_free (result);
}

static void
cancel_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Canceller *canceller = task_data;
  char message[256];

  g_mutex_lock (&canceller->mutex);
  canceller->cancelled = TRUE;
  if (canceller->cancel != NULL && !PQcancel (canceller->cancel, message, sizeof message))
    g_debug ("Could not cancel the load: %s", message);
  g_mutex_unlock (&canceller->mutex);

  g_task_return_boolean (task, TRUE);
}

/* On the thread that cancelled: the server is asked from another. */
static void
cancelled_cb (GCancellable *cancellable,
              Canceller    *canceller)
{
  g_autoptr(GTask) task = g_task_new (NULL, NULL, NULL, NULL);

  g_task_set_source_tag (task, (gpointer) cancel_tag);
  g_task_set_task_data (task, g_atomic_rc_box_acquire (canceller), (GDestroyNotify) canceller_unref);
  g_task_run_in_thread (task, cancel_thread);
}

/* From here until canceller_forget(), a cancellation stops the query
 * running on @store's connection. */
static void
canceller_watch (Canceller *canceller,
                 PmStore   *store)
{
  PmDatabase *database = _pm_store_get_database (store);

  if (!PM_IS_PG_DATABASE (database))
    return;

  g_mutex_lock (&canceller->mutex);
  canceller->cancel = PQgetCancel (PM_PG_DATABASE (database)->conn);
  g_mutex_unlock (&canceller->mutex);
}

static void
canceller_forget (Canceller *canceller)
{
  g_mutex_lock (&canceller->mutex);
  g_clear_pointer (&canceller->cancel, PQfreeCancel);
  g_mutex_unlock (&canceller->mutex);
}

/* pm_store_is_empty(), with its failure an error rather than a warning
 * (a cancelled query fails here). */
static gboolean
has_programme (PmStore   *store,
               gboolean  *has,
               GError   **error)
{
  g_autoptr(PmStatement) stmt = NULL;
  GError *local_error = NULL;

  stmt = pm_database_prepare (_pm_store_get_database (store), "SELECT 1 FROM programme LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;

  *has = pm_statement_step (stmt, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  return TRUE;
}

static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  OpenData *data = task_data;
  g_autoptr(PmStore) store = NULL;
  g_autoptr(PmProgramme) programme = NULL;
  g_autoptr(GError) error = NULL;
  gboolean has = FALSE;
  OpenResult *result;

  store = pm_store_open_with_password (data->path, data->password, data->flags, &error);
  if (data->password != NULL)
    memset (data->password, 0, strlen (data->password));

  if (store != NULL)
    {
      canceller_watch (data->canceller, store);
      /* Cancelled while connecting: nothing is asked of the server. */
      if (!g_cancellable_is_cancelled (cancellable) && has_programme (store, &has, &error) && has)
        programme = pm_store_load (store, &error);
      canceller_forget (data->canceller);
    }

  /* What failed because it was cancelled says so, and nothing is kept:
   * the connection is closed here, before the caller hears. */
  if (g_cancellable_is_cancelled (cancellable))
    {
      g_clear_object (&programme);
      g_clear_object (&store);
      g_clear_error (&error);
      g_cancellable_set_error_if_cancelled (cancellable, &error);
    }

  if (error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  result = g_new0 (OpenResult, 1);
  result->store = g_steal_pointer (&store);
  result->programme = g_steal_pointer (&programme);
  g_task_return_pointer (task, result, (GDestroyNotify) open_result_free);
}

void
pm_store_open_async (const char          *path,
                     const char          *password,
                     PmStoreOpenFlags     flags,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  OpenData *data;

  g_return_if_fail (path != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, (gpointer) open_tag);
  g_task_set_name (task, "[pm-store] open");
  /* Cancelled, the worker returns CANCELLED itself, once it has closed
   * the connection. */
  g_task_set_check_cancellable (task, FALSE);

  data = g_new0 (OpenData, 1);
  data->path = g_strdup (path);
  data->password = g_strdup (password);
  data->flags = flags;
  data->canceller = g_atomic_rc_box_new0 (Canceller);
  g_mutex_init (&data->canceller->mutex);
  g_task_set_task_data (task, data, (GDestroyNotify) open_data_free);

  if (cancellable != NULL)
    data->cancellable = g_object_ref (cancellable);
  if (cancellable != NULL)
    data->cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (cancelled_cb),
                                                g_atomic_rc_box_acquire (data->canceller),
                                                (GDestroyNotify) canceller_unref);

  g_task_run_in_thread (task, open_thread);
}

PmStore *
pm_store_open_finish (GAsyncResult  *result,
                      PmProgramme  **programme,
                      GError       **error)
{
  OpenResult *opened;
  PmStore *store;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == open_tag, NULL);
  g_return_val_if_fail (programme != NULL && *programme == NULL, NULL);

  opened = g_task_propagate_pointer (G_TASK (result), error);
  if (opened == NULL)
    return NULL;

  store = g_steal_pointer (&opened->store);
  *programme = g_steal_pointer (&opened->programme);
  open_result_free (opened);

  return store;
}
