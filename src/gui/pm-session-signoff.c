/* pm-session-signoff.c: a quarter's standing in a district
 *
 * Sign-offs are kept by quarter, whatever period the window shows: a
 * year's or a month's standing is that of the quarter it falls in.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pm-period-list.h"
#include "pm-session-private.h"

PmSignoffState
pm_session_get_signoff (PmSession  *self,
                        PmDistrict *district)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PmPeriod) quarter = NULL;
  PmSignoffState state;

  g_return_val_if_fail (PM_IS_SESSION (self), PM_SIGNOFF_OPEN);
  g_return_val_if_fail (district == NULL || PM_IS_DISTRICT (district), PM_SIGNOFF_OPEN);

  if (pm_session_get_store (self) == NULL || district == NULL || pm_district_get_id (district) == 0)
    return PM_SIGNOFF_OPEN;

  quarter = pm_period_list_quarter_of (pm_session_get_period (self));
  state = pm_store_get_signoff (pm_session_get_store (self), district, quarter, NULL, &error);
  if (error != NULL)
    pm_session_report_read_failure (self, _("Could not read the quarter’s sign-off"), error);

  return state;
}

gboolean
pm_session_set_signoff (PmSession       *self,
                        PmDistrict      *district,
                        PmSignoffState   state,
                        const char      *comment,
                        GError         **error)
{
  g_autoptr(PmPeriod) quarter = NULL;

  g_return_val_if_fail (PM_IS_SESSION (self), FALSE);
  g_return_val_if_fail (PM_IS_DISTRICT (district), FALSE);
  g_return_val_if_fail (pm_session_get_store (self) != NULL, FALSE);

  /* Sign-offs are by quarter: a year's or a month's is its quarter's. */
  quarter = pm_period_list_quarter_of (pm_session_get_period (self));
  if (!pm_store_set_signoff (pm_session_get_store (self), district, quarter, state, comment, error))
    return FALSE;

  _pm_session_emit_signoff_changed (self);
  return TRUE;
}

gboolean
pm_session_freeze_round (PmSession   *self,
                         const char  *reported_on,
                         GError     **error)
{
  g_autoptr(PmPeriod) quarter = NULL;

  g_return_val_if_fail (PM_IS_SESSION (self), FALSE);
  g_return_val_if_fail (reported_on != NULL, FALSE);
  g_return_val_if_fail (pm_session_get_store (self) != NULL, FALSE);

  quarter = pm_period_list_quarter_of (pm_session_get_period (self));
  if (!pm_store_freeze_round (pm_session_get_store (self), reported_on, quarter, error))
    return FALSE;

  _pm_session_emit_signoff_changed (self);
  return TRUE;
}
