/* pm-session-load.c: the window's first read of a file
 *
 * The window opens a file on the values it shows first (the period last
 * picked there, else the latest quarter with a value, from which
 * pm_period_due() chooses), and the store reads the rest in a worker.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pm-session.h"

/* The period the session will open @location on, as far as it can be
 * told before the values are read. */
static PmPeriod *
first_period (PmSession   *self,
              PmStore     *store,
              const char  *location,
              GError     **error)
{
  GSettings *settings = pm_session_get_settings (self);
  g_autofree char *kept = pm_store_location_to_keep (location);
  g_autofree char *code = NULL;
  GError *local_error = NULL;
  PmPeriod *period = NULL;

  if (settings != NULL && kept != NULL)
    {
      g_autoptr(GVariant) periods = g_settings_get_value (settings, "database-periods");

      /* An unreadable remembered period is no reason to complain. */
      if (g_variant_lookup (periods, kept, "s", &code))
        period = pm_period_parse (code, NULL);
    }
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

  g_return_val_if_fail (PM_IS_SESSION (self), NULL);
  g_return_val_if_fail (PM_IS_STORE (store), NULL);

  if (pm_store_is_server (store))
    return pm_store_load (store, error);

  period = first_period (self, store, location, error);
  if (period == NULL)
    return NULL;

  return pm_store_load_shown (store, period, error);
}
