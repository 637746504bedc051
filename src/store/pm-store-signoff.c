/* pm-store-signoff.c: a district's quarter, submitted, accepted,
 * returned or reopened
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pm-store-private.h"

static const char * const signoff_names[] = {
  [PM_SIGNOFF_OPEN] = "reopened",
  [PM_SIGNOFF_SUBMITTED] = "submitted",
  [PM_SIGNOFF_ACCEPTED] = "accepted",
  [PM_SIGNOFF_RETURNED] = "returned",
};

const char *
pm_signoff_state_to_words (PmSignoffState state)
{
  switch (state)
    {
    case PM_SIGNOFF_SUBMITTED:
      return _("Submitted");
    case PM_SIGNOFF_ACCEPTED:
      return _("Accepted");
    case PM_SIGNOFF_RETURNED:
      return _("Returned for revision");
    case PM_SIGNOFF_OPEN:
    default:
      return _("Open");
    }
}

static PmSignoffState
signoff_from_name (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (signoff_names); i++)
    if (g_strcmp0 (name, signoff_names[i]) == 0)
      return (PmSignoffState) i;
  return PM_SIGNOFF_OPEN;
}

PmSignoffState
pm_store_get_signoff (PmStore     *self,
                      PmDistrict  *district,
                      PmPeriod    *period,
                      char       **comment,
                      GError     **error)
{
  g_autoptr(PmStatement) stmt = NULL;
  g_autofree char *code = NULL;
  PmSignoffState state;

  g_return_val_if_fail (PM_IS_STORE (self), PM_SIGNOFF_OPEN);
  g_return_val_if_fail (PM_IS_DISTRICT (district), PM_SIGNOFF_OPEN);
  g_return_val_if_fail (PM_IS_PERIOD (period), PM_SIGNOFF_OPEN);

  if (comment != NULL)
    *comment = NULL;

  stmt = pm_database_prepare (_pm_store_get_database (self),
                              "SELECT state, comment FROM signoff WHERE district_id = ?1 AND period = ?2 "
                              "ORDER BY id DESC LIMIT 1",
                              error);
  if (stmt == NULL)
    return PM_SIGNOFF_OPEN;
  code = pm_period_to_code (period);
  pm_statement_bind_int64 (stmt, 1, pm_district_get_id (district));
  pm_statement_bind_text (stmt, 2, code);
  if (!pm_statement_step (stmt, error))
    return PM_SIGNOFF_OPEN;

  state = signoff_from_name (pm_statement_get_text (stmt, 0));
  if (comment != NULL)
    *comment = g_strdup (pm_statement_get_text (stmt, 1));
  return state;
}

gboolean
pm_store_set_signoff (PmStore         *self,
                      PmDistrict      *district,
                      PmPeriod        *period,
                      PmSignoffState   state,
                      const char      *comment,
                      GError         **error)
{
  g_autoptr(PmStatement) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *code = NULL;
  PmSignoffState now;
  gboolean allowed;

  g_return_val_if_fail (PM_IS_STORE (self), FALSE);
  g_return_val_if_fail (PM_IS_DISTRICT (district), FALSE);
  g_return_val_if_fail (PM_IS_PERIOD (period), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (pm_district_get_id (district) == 0)
    return _pm_store_not_saved (error);

  now = pm_store_get_signoff (self, district, period, NULL, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  switch (state)
    {
    case PM_SIGNOFF_SUBMITTED:
      allowed = now == PM_SIGNOFF_OPEN || now == PM_SIGNOFF_RETURNED;
      break;
    case PM_SIGNOFF_ACCEPTED:
    case PM_SIGNOFF_RETURNED:
      allowed = now == PM_SIGNOFF_SUBMITTED;
      break;
    case PM_SIGNOFF_OPEN:
    default:
      allowed = now == PM_SIGNOFF_ACCEPTED;
      break;
    }
  if (!allowed)
    {
      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_INVALID,
                   _("The quarter is “%s”: it cannot become “%s” from there."),
                   pm_signoff_state_to_words (now), pm_signoff_state_to_words (state));
      return FALSE;
    }
  if (state == PM_SIGNOFF_RETURNED && (comment == NULL || *comment == '\0'))
    {
      g_set_error_literal (error, PM_STORE_ERROR, PM_STORE_ERROR_INVALID,
                           _("Say why the quarter is returned: the lead needs to know what to revise."));
      return FALSE;
    }
  if (!pm_limits_check_text (PM_FIELD_SIGNOFF_COMMENT, comment, error))
    return FALSE;

  if (!_pm_store_begin_write (self, error))
    return FALSE;

  code = pm_period_to_code (period);
  stmt = pm_database_prepare (_pm_store_get_database (self),
                              "INSERT INTO signoff (district_id, period, state, comment, author, at) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                              error);
  if (stmt == NULL)
    return _pm_store_end_write (self, FALSE, error);
  pm_statement_bind_int64 (stmt, 1, pm_district_get_id (district));
  pm_statement_bind_text (stmt, 2, code);
  pm_statement_bind_text (stmt, 3, signoff_names[state]);
  pm_statement_bind_text (stmt, 4, comment != NULL && *comment != '\0' ? comment : NULL);
  pm_statement_bind_text (stmt, 5, pm_store_get_author (self));
  pm_statement_bind_now (stmt, 6);

  return _pm_store_end_write (self, pm_statement_execute (stmt, error), error);
}
