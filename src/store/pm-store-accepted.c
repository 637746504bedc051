/* pm-store-accepted.c: which accepted quarter refused a write
 *
 * The schema's triggers refuse any change to an accepted quarter, but a
 * sqlite trigger can only raise a fixed word, so the engines report that
 * some quarter was accepted. The store knows what it was writing, and
 * once the write is rolled back it asks which district and quarter that
 * was, to say so: "Q3 2016/17 of Cannock Chase has been accepted; reopen
 * it to change it."
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pm-store-private.h"

/* Each quarter whose latest sign-off is "accepted", with its district's
 * name, and the pilots of that district. */
#define ACCEPTED_PILOTS \
  "SELECT d.name, a.period " \
  "FROM signoff a JOIN district d ON d.id = a.district_id " \
  "     JOIN pilot p ON p.district_id = d.id " \
  "WHERE a.state = 'accepted' " \
  "  AND a.id = (SELECT max (l.id) FROM signoff l " \
  "              WHERE l.district_id = a.district_id AND l.period = a.period) "

/* ...where pilot p has a value of KPI k, or a narrative, in that quarter:
 * a year's value is in its fourth quarter, a month's in its quarter, as
 * the schema's guards (version 16) have it. */
#define HOLDS_VALUE \
  "EXISTS (SELECT 1 FROM kpi k JOIN progress pr ON pr.kpi_id = k.id " \
  "        WHERE k.pilot_id = p.id " \
  "          AND " PM_STORE_SQL_END_QUARTER ("pr.period") " = a.period "
#define HOLDS_NARRATIVE \
  "EXISTS (SELECT 1 FROM narrative n WHERE n.pilot_id = p.id AND n.period = a.period)"

/* By scope: ?1 the object's id, ?2 the quarter being written (that a
 * year or month being written ends in). */
static const char * const quarter_written_sql[] = {
  [PM_STORE_SCOPE_KPI] =
    ACCEPTED_PILOTS "AND a.period = ?2 AND p.id = (SELECT pilot_id FROM kpi WHERE id = ?1)",
  [PM_STORE_SCOPE_PILOT] =
    ACCEPTED_PILOTS "AND a.period = ?2 AND p.id = ?1",
  [PM_STORE_SCOPE_DISTRICT] =
    ACCEPTED_PILOTS "AND a.period = ?2 AND d.id = ?1",
};

/* By scope, for a delete: the first accepted quarter holding what the
 * object holds (?1 its id). */
static const char * const quarter_held_sql[] = {
  [PM_STORE_SCOPE_KPI] =
    ACCEPTED_PILOTS "AND p.id = (SELECT pilot_id FROM kpi WHERE id = ?1) "
    "AND " HOLDS_VALUE "AND k.id = ?1) "
    "ORDER BY a.period LIMIT 1",
  [PM_STORE_SCOPE_PILOT] =
    ACCEPTED_PILOTS "AND p.id = ?1 AND (" HOLDS_VALUE ") OR " HOLDS_NARRATIVE ") "
    "ORDER BY a.period LIMIT 1",
  [PM_STORE_SCOPE_DISTRICT] =
    ACCEPTED_PILOTS "AND d.id = ?1 AND (" HOLDS_VALUE ") OR " HOLDS_NARRATIVE ") "
    "ORDER BY a.period LIMIT 1",
};

/* The district's name and the quarter's code into @name and @code; FALSE
 * when none is accepted (or it could not be read: the caller's error
 * stands then). */
static gboolean
find_accepted (PmStore        *self,
               PmStoreScope    scope,
               gint64          id,
               PmPeriod       *period,
               char          **name,
               char          **code)
{
  g_autoptr(PmStatement) stmt = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *written = NULL;

  stmt = pm_database_prepare (_pm_store_get_database (self),
                              period != NULL ? quarter_written_sql[scope] : quarter_held_sql[scope],
                              &error);
  if (stmt == NULL)
    {
      g_debug ("Could not look up the accepted quarter: %s", error->message);
      return FALSE;
    }

  pm_statement_bind_int64 (stmt, 1, id);
  if (period != NULL)
    {
      g_autoptr(PmPeriod) quarter = pm_period_new_from_index (pm_period_get_quarter_index (period));

      written = pm_period_to_code (quarter);
      pm_statement_bind_text (stmt, 2, written);
    }

  if (!pm_statement_step (stmt, &error))
    {
      if (error != NULL)
        g_debug ("Could not look up the accepted quarter: %s", error->message);
      return FALSE;
    }

  *name = g_strdup (pm_statement_get_text (stmt, 0));
  *code = g_strdup (pm_statement_get_text (stmt, 1));
  return *name != NULL && *code != NULL;
}

gboolean
_pm_store_name_accepted_quarter (PmStore       *self,
                                 PmStoreScope   scope,
                                 gint64         id,
                                 PmPeriod      *period,
                                 GError       **error)
{
  g_autofree char *name = NULL;
  g_autofree char *code = NULL;
  g_autofree char *label = NULL;
  g_autoptr(PmPeriod) quarter = NULL;

  g_return_val_if_fail (PM_IS_STORE (self), FALSE);
  g_return_val_if_fail (scope < G_N_ELEMENTS (quarter_held_sql), FALSE);

  /* The guard's refusal is READ_ONLY; so is a server that is read-only,
   * but then an accepted quarter could not be changed either. */
  if (error == NULL || !g_error_matches (*error, PM_STORE_ERROR, PM_STORE_ERROR_READ_ONLY))
    return FALSE;

  if (!find_accepted (self, scope, id, period, &name, &code))
    return FALSE;

  quarter = pm_period_parse (code, NULL);
  if (quarter == NULL)
    return FALSE;
  label = pm_period_get_label (quarter);

  g_clear_error (error);
  /* Translators: a quarter and a district, as in "Q3 2016/17 of Cannock
   * Chase has been accepted; reopen it to change it." */
  g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_READ_ONLY,
               _("%s of %s has been accepted; reopen it to change it."), label, name);
  return FALSE;
}
