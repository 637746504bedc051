/* pm-session-load.c: the window's first read of a file
 *
 * The window opens a file on the values it shows first (the period last
 * picked there, else the latest quarter with a value, from which
 * pm_period_due() chooses), and the store reads the rest in a worker.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pm-format.h"
#include "pm-session-private.h"

/* The period last picked on @location, as remembered in @settings. */
static char *
remembered_period (GSettings  *settings,
                   const char *location)
{
  g_autofree char *kept = pm_store_location_to_keep (location);
  g_autoptr(GVariant) periods = NULL;
  char *code = NULL;

  if (settings == NULL || kept == NULL)
    return NULL;

  periods = g_settings_get_value (settings, "database-periods");
  if (!g_variant_lookup (periods, kept, "s", &code))
    return NULL;

  return code;
}

/* The period the session will open on, as far as it can be told before
 * the values are read: the one @remembered names, else the latest
 * quarter with a value in @store. */
static PmPeriod *
first_period (const char  *remembered,
              PmStore     *store,
              GError     **error)
{
  GError *local_error = NULL;
  PmPeriod *period = NULL;

  /* An unreadable remembered period is no reason to complain. */
  if (remembered != NULL)
    period = pm_period_parse (remembered, NULL);
  if (period == NULL)
    period = pm_store_read_latest_quarter (store, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  if (period == NULL)
    {
      g_autoptr(PmPeriod) current = pm_period_new_current ();

      period = pm_period_previous (current);
    }

  return period;
}

PmProgramme *
pm_session_load_shown (PmSession   *self,
                       PmStore     *store,
                       const char  *location,
                       GError     **error)
{
  g_autoptr(PmPeriod) period = NULL;
  g_autofree char *remembered = NULL;

  g_return_val_if_fail (PM_IS_SESSION (self), NULL);
  g_return_val_if_fail (PM_IS_STORE (store), NULL);

  if (pm_store_is_server (store))
    return pm_store_load (store, error);

  remembered = remembered_period (pm_session_get_settings (self), location);
  period = first_period (remembered, store, error);
  if (period == NULL)
    return NULL;

  return pm_store_load_shown (store, period, error);
}

struct _PmSessionPrefetch
{
  char             *location;
  char             *remembered;
  PmStoreOpenFlags  flags;
  GThread          *thread;
  /* The worker's until it is joined, then the caller's. */
  PmStore          *store;
  PmProgramme      *programme;
  PmPeriod         *opening;    /* the period due, when none is remembered */
  GError           *error;
};

/* In the worker: what pm_session_open() reads, on a store no one else
 * has yet. */
static gpointer
prefetch_thread (gpointer data)
{
  PmSessionPrefetch *prefetch = data;
  g_autoptr(PmPeriod) period = NULL;

  prefetch->store = pm_store_open_with_password (prefetch->location, NULL, prefetch->flags,
                                                 &prefetch->error);
  if (prefetch->store == NULL || pm_store_is_empty (prefetch->store))
    return NULL;

  period = first_period (prefetch->remembered, prefetch->store, &prefetch->error);
  if (period != NULL)
    prefetch->programme = pm_store_load_shown (prefetch->store, period, &prefetch->error);
  if (prefetch->programme == NULL)
    {
      g_clear_object (&prefetch->store);
      return NULL;
    }

  /* The period it opens on, as pm_session_open() would choose it. */
  g_clear_object (&period);
  if (prefetch->remembered != NULL)
    period = pm_period_parse (prefetch->remembered, NULL);
  if (period == NULL)
    {
      g_autoptr(PmPeriod) current = pm_period_new_current ();

      prefetch->opening = pm_period_due (prefetch->programme, current);
    }

  return NULL;
}

PmSessionPrefetch *
pm_session_prefetch_new (GSettings        *settings,
                         const char       *location,
                         PmStoreOpenFlags  flags)
{
  PmSessionPrefetch *prefetch;

  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (location != NULL, NULL);
  g_return_val_if_fail ((flags & PM_STORE_OPEN_CHECK_LATER) != 0, NULL);

  /* A server's whole programme is read with the window live instead. */
  if (pm_store_location_is_server (location))
    return NULL;

  prefetch = g_new0 (PmSessionPrefetch, 1);
  prefetch->location = g_strdup (location);
  prefetch->remembered = remembered_period (settings, location);
  prefetch->flags = flags;
  prefetch->thread = g_thread_new ("pm-first-read", prefetch_thread, prefetch);

  return prefetch;
}

static void
prefetch_join (PmSessionPrefetch *prefetch)
{
  if (prefetch->thread != NULL)
    g_thread_join (g_steal_pointer (&prefetch->thread));
}

const char *
pm_session_prefetch_get_location (PmSessionPrefetch *prefetch)
{
  g_return_val_if_fail (prefetch != NULL, NULL);

  return prefetch->location;
}

void
pm_session_prefetch_free (PmSessionPrefetch *prefetch)
{
  if (prefetch == NULL)
    return;

  prefetch_join (prefetch);
  g_clear_object (&prefetch->opening);
  g_clear_object (&prefetch->programme);
  g_clear_object (&prefetch->store);
  g_clear_error (&prefetch->error);
  g_free (prefetch->remembered);
  g_free (prefetch->location);
  g_free (prefetch);
}

gboolean
pm_session_open_prefetched (PmSession          *self,
                            PmSessionPrefetch  *prefetch,
                            GError            **error)
{
  g_autoptr(PmStore) store = NULL;
  g_autoptr(PmProgramme) programme = NULL;

  g_return_val_if_fail (PM_IS_SESSION (self), FALSE);
  g_return_val_if_fail (prefetch != NULL, FALSE);

  prefetch_join (prefetch);
  /* Each prefetch is made the document once. */
  g_return_val_if_fail (prefetch->store != NULL || prefetch->error != NULL, FALSE);
  if (!_pm_session_check_not_saving (self, error))
    return FALSE;

  pm_session_cancel_opening (self);
  store = g_steal_pointer (&prefetch->store);
  programme = g_steal_pointer (&prefetch->programme);
  if (store == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&prefetch->error));
      return FALSE;
    }

  _pm_session_open_read (self, prefetch->location, store, programme, prefetch->opening);
  return TRUE;
}
