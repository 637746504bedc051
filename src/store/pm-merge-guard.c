/* pm-merge-guard.c: a merge writes only what its review saw
 *
 * Each guarded write is one statement whose WHERE clause is the check
 * (the row version for a value, the words for a narrative; ON CONFLICT DO
 * NOTHING where there was no row), so the check and the write cannot be
 * split: a file's write lock (BEGIN IMMEDIATE) or a server's row lock
 * keeps anyone else out between them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pm-merge-guard.h"
#include "pm-store-private.h"

struct _PmMergeGuard
{
  PmDatabase  *db;
  PmStatement *insert_entry;
  PmStatement *update_entry;
  PmStatement *entry_revision;
};

#define ENTRY_INSERT \
  "INSERT INTO progress (kpi_id, period, value, numerator, denominator, note, updated_at) " \
  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) " \
  "ON CONFLICT (kpi_id, period) DO NOTHING RETURNING revision"

/* A row that is gone matches nothing either: a value deleted since the
 * review is not put back. */
#define ENTRY_UPDATE \
  "UPDATE progress SET value = ?3, numerator = ?4, denominator = ?5, note = ?6, " \
  "  updated_at = ?7, revision = revision + 1 " \
  "WHERE kpi_id = ?1 AND period = ?2 AND revision = ?8 RETURNING revision"

#define ENTRY_REVISION \
  "SELECT revision FROM progress WHERE kpi_id = ?1 AND period = ?2"

#define NARRATIVE_INSERT \
  "INSERT INTO narrative (pilot_id, period, progress, learning, case_study, updated_at, " \
  "                       risks, milestones) " \
  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT (pilot_id, period) DO NOTHING"

#define NARRATIVE_UPDATE \
  "UPDATE narrative SET progress = ?3, learning = ?4, case_study = ?5, updated_at = ?6, " \
  "  risks = ?7, milestones = ?8 " \
  "WHERE pilot_id = ?1 AND period = ?2 AND progress IS NOT DISTINCT FROM ?9 " \
  "  AND learning IS NOT DISTINCT FROM ?10 AND case_study IS NOT DISTINCT FROM ?11 " \
  "  AND risks IS NOT DISTINCT FROM ?12 AND milestones IS NOT DISTINCT FROM ?13"

PmMergeGuard *
_pm_merge_guard_new (PmDatabase  *db,
                     GError     **error)
{
  g_autoptr(PmMergeGuard) self = g_new0 (PmMergeGuard, 1);

  g_assert (PM_IS_DATABASE (db));

  self->db = g_object_ref (db);
  self->insert_entry = pm_database_prepare (db, ENTRY_INSERT, error);
  if (self->insert_entry == NULL)
    return NULL;
  self->update_entry = pm_database_prepare (db, ENTRY_UPDATE, error);
  if (self->update_entry == NULL)
    return NULL;
  self->entry_revision = pm_database_prepare (db, ENTRY_REVISION, error);
  if (self->entry_revision == NULL)
    return NULL;

  return g_steal_pointer (&self);
}

void
_pm_merge_guard_free (PmMergeGuard *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->insert_entry, pm_statement_free);
  g_clear_pointer (&self->update_entry, pm_statement_free);
  g_clear_pointer (&self->entry_revision, pm_statement_free);
  g_clear_object (&self->db);
  g_free (self);
}

static const char *
district_name_of_pilot (PmPilot *pilot)
{
  PmDistrict *district = pilot != NULL ? pm_pilot_get_district (pilot) : NULL;

  return district != NULL ? pm_district_get_name (district) : "";
}

gboolean
_pm_merge_guard_entry_changed (PmKpi     *kpi,
                               PmPeriod  *period,
                               GError   **error)
{
  g_autofree char *label = pm_period_get_label (period);

  /* Translators: a merge (a CSV file, a return) refused because a value
   * it was about to write had changed since its review: KPI, district,
   * quarter. */
  g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_CONFLICT,
               _("The value of “%s” (%s) for %s was changed by someone else since you "
                 "reviewed it; review again. Nothing was saved."),
               pm_kpi_get_title (kpi), district_name_of_pilot (pm_kpi_get_pilot (kpi)), label);
  return FALSE;
}

static gboolean
narrative_changed (PmPilot   *pilot,
                   PmPeriod  *period,
                   GError   **error)
{
  g_autofree char *label = pm_period_get_label (period);

  /* Translators: as above, for a pilot's narrative: pilot, district,
   * quarter. */
  g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_CONFLICT,
               _("The narrative of “%s” (%s) for %s was changed by someone else since you "
                 "reviewed it; review again. Nothing was saved."),
               pm_pilot_get_title (pilot), district_name_of_pilot (pilot), label);
  return FALSE;
}

/* Runs a guarded write that returns the row's new version: FALSE with no
 * error when the guard held it back. */
static gboolean
run_returning_revision (PmStatement      *stmt,
                        PmProgressEntry  *entry,
                        GError          **error)
{
  GError *local_error = NULL;
  gint64 revision;

  if (!pm_statement_step (stmt, &local_error))
    {
      if (local_error != NULL)
        g_propagate_error (error, local_error);
      return FALSE;
    }

  revision = pm_statement_get_int64 (stmt, 0);
  if (!pm_statement_execute (stmt, error))
    return FALSE;

  pm_progress_entry_set_revision (entry, revision);
  return TRUE;
}

gboolean
_pm_merge_guard_write_entry (PmMergeGuard     *self,
                             PmKpi            *kpi,
                             PmProgressEntry  *entry,
                             PmProgressEntry  *held,
                             GError          **error)
{
  GError *local_error = NULL;
  PmStatement *stmt;

  g_assert (self != NULL);
  g_assert (PM_IS_KPI (kpi));
  g_assert (PM_IS_PROGRESS_ENTRY (entry));

  if (pm_kpi_get_id (kpi) == 0)
    return _pm_store_not_saved (error);
  /* The limits every write keeps (model/pm-limits.h). */
  if (!pm_limits_check_entry (entry, error))
    return FALSE;

  stmt = held != NULL ? self->update_entry : self->insert_entry;
  _pm_store_bind_entry (stmt, pm_kpi_get_id (kpi), entry);
  if (held != NULL)
    pm_statement_bind_int64 (stmt, 8, pm_progress_entry_get_revision (held));

  if (run_returning_revision (stmt, entry, &local_error))
    return _pm_store_write_entry_sites (self->db, pm_kpi_get_id (kpi), entry, error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  return _pm_merge_guard_entry_changed (kpi, pm_progress_entry_get_period (entry), error);
}

gboolean
_pm_merge_guard_check_entry (PmMergeGuard     *self,
                             PmKpi            *kpi,
                             PmProgressEntry  *held,
                             GError          **error)
{
  PmStatement *stmt = self->entry_revision;
  g_autofree char *code = NULL;
  GError *local_error = NULL;
  gboolean same;

  g_assert (self != NULL);
  g_assert (PM_IS_KPI (kpi));
  g_assert (PM_IS_PROGRESS_ENTRY (held));

  code = pm_period_to_code (pm_progress_entry_get_period (held));
  pm_statement_reset (stmt);
  pm_statement_bind_int64 (stmt, 1, pm_kpi_get_id (kpi));
  pm_statement_bind_text (stmt, 2, code);
  if (pm_statement_step (stmt, &local_error))
    {
      same = pm_statement_get_int64 (stmt, 0) == pm_progress_entry_get_revision (held);
      if (!pm_statement_execute (stmt, error))
        return FALSE;
    }
  else if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  else
    same = FALSE;

  return same || _pm_merge_guard_entry_changed (kpi, pm_progress_entry_get_period (held), error);
}

static void
bind_narrative (PmStatement *stmt,
                PmPilot     *pilot,
                PmNarrative *narrative)
{
  g_autofree char *code = pm_period_to_code (pm_narrative_get_period (narrative));

  pm_statement_bind_int64 (stmt, 1, pm_pilot_get_id (pilot));
  pm_statement_bind_text (stmt, 2, code);
  pm_statement_bind_text (stmt, 3, pm_narrative_get_progress (narrative));
  pm_statement_bind_text (stmt, 4, pm_narrative_get_learning (narrative));
  pm_statement_bind_text (stmt, 5, pm_narrative_get_case_study (narrative));
  pm_statement_bind_now (stmt, 6);
  pm_statement_bind_text (stmt, 7, pm_narrative_get_risks (narrative));
  pm_statement_bind_text (stmt, 8, pm_narrative_get_milestones (narrative));
}

gboolean
_pm_merge_guard_write_narrative (PmMergeGuard  *self,
                                 PmPilot       *pilot,
                                 PmNarrative   *narrative,
                                 PmNarrative   *held,
                                 GError       **error)
{
  g_autoptr(PmStatement) stmt = NULL;

  g_assert (self != NULL);
  g_assert (PM_IS_PILOT (pilot));
  g_assert (PM_IS_NARRATIVE (narrative));

  if (pm_pilot_get_id (pilot) == 0)
    return _pm_store_not_saved (error);
  if (!pm_limits_check_narrative (narrative, error))
    return FALSE;

  if (held != NULL)
    {
      stmt = pm_database_prepare (self->db, NARRATIVE_UPDATE, error);
      if (stmt == NULL)
        return FALSE;
      bind_narrative (stmt, pilot, narrative);
      pm_statement_bind_text (stmt, 9, pm_narrative_get_progress (held));
      pm_statement_bind_text (stmt, 10, pm_narrative_get_learning (held));
      pm_statement_bind_text (stmt, 11, pm_narrative_get_case_study (held));
      pm_statement_bind_text (stmt, 12, pm_narrative_get_risks (held));
      pm_statement_bind_text (stmt, 13, pm_narrative_get_milestones (held));
      if (!pm_statement_execute (stmt, error))
        return FALSE;
      if (pm_database_get_changes (self->db) > 0)
        return TRUE;
      g_clear_pointer (&stmt, pm_statement_free);

      /* An empty narrative the review saw may be one never saved. */
      if (!pm_narrative_is_empty (held))
        return narrative_changed (pilot, pm_narrative_get_period (narrative), error);
    }

  stmt = pm_database_prepare (self->db, NARRATIVE_INSERT, error);
  if (stmt == NULL)
    return FALSE;
  bind_narrative (stmt, pilot, narrative);
  if (!pm_statement_execute (stmt, error))
    return FALSE;
  if (pm_database_get_changes (self->db) > 0)
    return TRUE;

  return narrative_changed (pilot, pm_narrative_get_period (narrative), error);
}

void
_pm_merge_guard_pause_for_tests (void)
{
  const char *marker = g_getenv ("PM_TEST_PAUSE_AFTER_REVIEW");
  g_autoptr(GError) error = NULL;

  if (marker == NULL || marker[0] == '\0')
    return;

  if (!g_file_set_contents (marker, "", 0, &error))
    {
      g_warning ("PM_TEST_PAUSE_AFTER_REVIEW: %s", error->message);
      return;
    }

  /* Five minutes at most (sanitizers and valgrind are slow): a test that
   * died must not leave this waiting for ever. */
  for (guint i = 0; i < 30000 && g_file_test (marker, G_FILE_TEST_EXISTS); i++)
    g_usleep (10 * G_TIME_SPAN_MILLISECOND);
}
