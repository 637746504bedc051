/* pm-store-save-async.c: a value saved to a server off the main loop
 *
 * A save waits on the network, and on any row another connection has
 * locked: on the main loop it froze the window. Here a worker thread does
 * the database's part (_pm_store_write_entry_job()), holding the
 * connection's lock for the whole transaction, so that nothing on the
 * main thread uses the connection meanwhile (its statements wait for the
 * lock; the socket's watch stands aside until the save is done). Model
 * objects are touched only on the caller's thread, once the worker has
 * finished.
 *
 * Saves queue: one runs at a time, in the order asked, and each reads the
 * revision it saves over only when it starts, after the one before it has
 * been applied to the model (two quick edits of one value are both ours).
 *
 * A file's save takes a fraction of a millisecond and is made at once, as
 * is the rare server save that first has to find out whether a save lost
 * with its connection was written after all (pm_store_save_entry()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pm-store-private.h"
#include "pm-database-private.h"
#include "pm-pg-database-private.h"

/* Tags the tasks (a function's address is not a pointer in ISO C). */
static const char save_tag[] = "pm_store_save_entry_async";

typedef struct
{
  PmKpi           *kpi;
  PmProgressEntry *entry;    /* the caller's: in the model once written */
  PmProgressEntry *copy;     /* as asked, for a COMMIT whose fate is unknown */
  char            *author_now; /* pm_store_set_author() may change it meanwhile */
  gint64           kpi_id;
  gint64           expected;
  /* What the worker found. */
  gboolean         conflict;
  gboolean         commit_unknown;
  PmProgressEntry *theirs;
  char            *author;
  PmProgressEntry *replaced;  /* what the model held before it, once saved */
} SaveJob;

/* The store's saves: the one in the worker, and those waiting. */
typedef struct
{
  GTask  *running;
  GQueue  waiting;
} SaveQueue;

static void start_next (PmStore *self);

static void
save_job_free (SaveJob *job)
{
  g_clear_object (&job->kpi);
  g_clear_object (&job->entry);
  g_clear_object (&job->copy);
  g_clear_object (&job->theirs);
  g_clear_object (&job->replaced);
  g_free (job->author);
  g_free (job->author_now);
  g_free (job);
}

static void
save_queue_free (SaveQueue *queue)
{
  /* Every task holds the store: none is left when it goes. */
  g_assert (queue->running == NULL && g_queue_is_empty (&queue->waiting));
  g_free (queue);
}

static SaveQueue *
get_queue (PmStore *self)
{
  static GQuark quark;
  SaveQueue *queue;

  if (quark == 0)
    quark = g_quark_from_static_string ("pm-store-save-queue");

  queue = g_object_get_qdata (G_OBJECT (self), quark);
  if (queue == NULL)
    {
      queue = g_new0 (SaveQueue, 1);
      g_queue_init (&queue->waiting);
      g_object_set_qdata_full (G_OBJECT (self), quark, queue, (GDestroyNotify) save_queue_free);
    }
  return queue;
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  PmStore *self = source_object;
  SaveJob *job = task_data;
  PmDatabase *database = _pm_store_get_database (self);
  GError *error = NULL;
  gboolean ok;

  _pm_database_lock (database);
  ok = _pm_store_write_entry_job (self, job->author_now, job->kpi_id, job->entry, job->expected,
                                  &job->conflict, &job->theirs, &job->author, &job->commit_unknown,
                                  &error);
  _pm_database_unlock (database);

  if (!ok)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/* On the caller's thread: what the worker did, into the model. */
static gboolean
apply_job (PmStore       *self,
           SaveJob       *job,
           GAsyncResult  *result,
           GError       **error)
{
  PmProgressEntry *held;

  if (!g_task_propagate_boolean (G_TASK (result), error))
    {
      if (job->commit_unknown)
        _pm_store_set_unknown_save (self, job->kpi_id, job->copy, job->expected);
      return FALSE;
    }
  if (job->conflict)
    return _pm_store_conflict_error (job->kpi, job->entry, job->theirs, job->author, error);

  held = pm_kpi_get_entry (job->kpi, pm_progress_entry_get_period (job->entry));
  g_set_object (&job->replaced, held);
  return pm_kpi_set_entry (job->kpi, job->entry, error);
}

static void
worker_done_cb (GObject      *source_object,
                GAsyncResult *result,
                gpointer      user_data)
{
  PmStore *self = PM_STORE (source_object);
  g_autoptr(GTask) task = user_data;
  PmDatabase *database = _pm_store_get_database (self);
  SaveQueue *queue = get_queue (self);
  GError *error = NULL;
  gboolean ok;

  ok = apply_job (self, g_task_get_task_data (task), result, &error);

  /* What the worker's statements read, and the socket, watched again;
   * done before the caller hears, who may look or save again. */
  if (PM_IS_PG_DATABASE (database))
    _pm_pg_database_resume_watch (PM_PG_DATABASE (database));
  g_clear_object (&queue->running);

  if (!ok)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
  start_next (self);
}

/* The model's part before the worker's: what pm_store_save_entry()
 * checks first. FALSE when it is refused, TRUE with *@at_once when it is
 * to be saved here and now. */
static gboolean
prepare_job (PmStore   *self,
             SaveJob   *job,
             gboolean  *at_once,
             GError   **error)
{
  PmPeriod *period = pm_progress_entry_get_period (job->entry);
  g_autoptr(PmKpi) scratch = NULL;
  PmProgressEntry *held;
  gint64 unknown_expected = 0;

  *at_once = !pm_store_is_server (self) ||
             _pm_store_get_unknown_save (self, job->kpi_id, period, &unknown_expected) != NULL;
  if (*at_once)
    return TRUE;

  if (job->kpi_id == 0)
    return _pm_store_not_saved (error);
  if (!pm_progress_entry_total_sites (job->entry, pm_kpi_get_unit (job->kpi), error))
    return FALSE;

  scratch = pm_kpi_new (pm_kpi_get_title (job->kpi), pm_kpi_get_unit (job->kpi),
                        pm_kpi_get_direction (job->kpi));
  pm_kpi_set_frequency (scratch, pm_kpi_get_frequency (job->kpi));
  job->copy = pm_progress_entry_copy (job->entry);
  if (!pm_kpi_set_entry (scratch, job->copy, error))
    return FALSE;

  /* Read now, after the saves before it are in the model. */
  held = pm_kpi_get_entry (job->kpi, period);
  job->expected = held != NULL ? pm_progress_entry_get_revision (held) : 0;
  job->author_now = g_strdup (pm_store_get_author (self));
  return TRUE;
}

static gboolean
save_at_once (PmStore  *self,
              SaveJob  *job,
              GError  **error)
{
  PmProgressEntry *held = pm_kpi_get_entry (job->kpi, pm_progress_entry_get_period (job->entry));
  g_autoptr(PmProgressEntry) before = held != NULL ? g_object_ref (held) : NULL;

  if (!pm_store_save_entry (self, job->kpi, job->entry, error))
    return FALSE;

  g_set_object (&job->replaced, before);
  return TRUE;
}

static void
start_next (PmStore *self)
{
  SaveQueue *queue = get_queue (self);
  GTask *task;

  while (queue->running == NULL && (task = g_queue_pop_head (&queue->waiting)) != NULL)
    {
      SaveJob *job = g_task_get_task_data (task);
      g_autoptr(GTask) worker = NULL;
      GError *error = NULL;
      gboolean at_once = FALSE;

      if (!prepare_job (self, job, &at_once, &error))
        g_task_return_error (task, error);
      else if (at_once && !save_at_once (self, job, &error))
        g_task_return_error (task, error);
      else if (at_once)
        g_task_return_boolean (task, TRUE);

      if (error != NULL || at_once)
        {
          g_object_unref (task);
          continue;
        }

      queue->running = g_object_ref (task);
      worker = g_task_new (self, NULL, worker_done_cb, task);
      g_task_set_name (worker, "[pm-store] save");
      g_task_set_task_data (worker, job, NULL);
      g_task_run_in_thread (worker, save_thread);
    }
}

void
pm_store_save_entry_async (PmStore             *self,
                           PmKpi               *kpi,
                           PmProgressEntry     *entry,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  GTask *task;
  SaveJob *job;

  g_return_if_fail (PM_IS_STORE (self));
  g_return_if_fail (PM_IS_KPI (kpi));
  g_return_if_fail (PM_IS_PROGRESS_ENTRY (entry));

  task = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (task, (gpointer) save_tag);
  g_task_set_name (task, "[pm-store] save entry");

  job = g_new0 (SaveJob, 1);
  job->kpi = g_object_ref (kpi);
  job->entry = g_object_ref (entry);
  job->kpi_id = pm_kpi_get_id (kpi);
  g_task_set_task_data (task, job, (GDestroyNotify) save_job_free);

  g_queue_push_tail (&get_queue (self)->waiting, task);
  start_next (self);
}

gboolean
pm_store_save_entry_finish (PmStore           *self,
                            GAsyncResult      *result,
                            PmProgressEntry  **replaced,
                            GError           **error)
{
  SaveJob *job;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == save_tag, FALSE);
  g_return_val_if_fail (replaced == NULL || *replaced == NULL, FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  job = g_task_get_task_data (G_TASK (result));
  if (replaced != NULL && job->replaced != NULL)
    *replaced = g_object_ref (job->replaced);
  return TRUE;
}

gboolean
pm_store_is_saving (PmStore *self)
{
  SaveQueue *queue;

  g_return_val_if_fail (PM_IS_STORE (self), FALSE);

  queue = get_queue (self);
  return queue->running != NULL || !g_queue_is_empty (&queue->waiting);
}
