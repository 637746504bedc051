/* pm-store-save.c: what the window saves as it is typed: a value, a
 * narrative, reach and spend, a baseline, a target
 *
 * Each is checked on a scratch copy of the model object, written in one
 * transaction, and applied to the real object only once committed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pm-store-private.h"

static PmTarget *
copy_target (PmTarget *target)
{
  PmTarget *copy = pm_target_new (pm_target_get_value (target), pm_target_get_date (target));

  pm_target_set_set_on (copy, pm_target_get_set_on (target));
  pm_target_set_reason (copy, pm_target_get_reason (target));
  pm_target_set_milestone (copy, pm_target_get_milestone (target));

  return copy;
}

/* A KPI with @kpi's unit and direction but none of its values, on which
 * the model's rules can be tried without touching @kpi. */
static PmKpi *
scratch_kpi (PmKpi *kpi)
{
  PmKpi *scratch = pm_kpi_new (pm_kpi_get_title (kpi), pm_kpi_get_unit (kpi),
                               pm_kpi_get_direction (kpi));

  pm_kpi_set_frequency (scratch, pm_kpi_get_frequency (kpi));
  return scratch;
}

static gboolean
same_entry (PmProgressEntry *a,
            PmProgressEntry *b)
{
  if (pm_progress_entry_has_value (a) != pm_progress_entry_has_value (b) ||
      pm_progress_entry_has_fraction (a) != pm_progress_entry_has_fraction (b) ||
      g_strcmp0 (pm_progress_entry_get_note (a), pm_progress_entry_get_note (b)) != 0)
    return FALSE;
  if (pm_progress_entry_has_value (a) &&
      pm_progress_entry_get_value (a) != pm_progress_entry_get_value (b))
    return FALSE;
  if (pm_progress_entry_has_fraction (a) &&
      (pm_progress_entry_get_numerator (a) != pm_progress_entry_get_numerator (b) ||
       pm_progress_entry_get_denominator (a) != pm_progress_entry_get_denominator (b)))
    return FALSE;

  return TRUE;
}

/* @kpi's row for @period as the server holds it, or NULL (no row). */
static gboolean
read_entry (PmStore           *self,
            gint64             kpi_id,
            PmPeriod          *period,
            PmProgressEntry  **entry,
            GError           **error)
{
  g_autoptr(PmStatement) stmt = NULL;
  g_autofree char *code = pm_period_to_code (period);
  GError *local_error = NULL;

  *entry = NULL;
  stmt = pm_database_prepare (_pm_store_get_database (self),
                              "SELECT value, numerator, denominator, note, revision FROM progress "
                              "WHERE kpi_id = ?1 AND period = ?2",
                              error);
  if (stmt == NULL)
    return FALSE;
  pm_statement_bind_int64 (stmt, 1, kpi_id);
  pm_statement_bind_text (stmt, 2, code);
  if (pm_statement_step (stmt, &local_error))
    {
      *entry = pm_progress_entry_new (period);
      if (!pm_statement_is_null (stmt, 1) && !pm_statement_is_null (stmt, 2))
        pm_progress_entry_set_fraction (*entry, pm_statement_get_double (stmt, 1),
                                        pm_statement_get_double (stmt, 2), NULL);
      else if (!pm_statement_is_null (stmt, 0))
        pm_progress_entry_set_value (*entry, pm_statement_get_double (stmt, 0));
      pm_progress_entry_set_note (*entry, pm_statement_get_text (stmt, 3));
      pm_progress_entry_set_revision (*entry, pm_statement_get_int64 (stmt, 4));
    }
  if (local_error != NULL)
    {
      g_clear_object (entry);
      g_propagate_error (error, local_error);
      return FALSE;
    }

  return TRUE;
}

/* Tells the others watching which value changes (a server's). */
static gboolean
announce_entry (PmStore   *self,
                gint64     kpi_id,
                PmPeriod  *period,
                GError   **error)
{
  g_autofree char *code = pm_period_to_code (period);
  g_autofree char *what = g_strdup_printf ("progress %" G_GINT64_FORMAT " %s", kpi_id, code);

  return pm_database_announce_change (_pm_store_get_database (self), what, error);
}

static PmKpi *
find_kpi (PmProgramme *programme,
          gint64       kpi_id)
{
  GListModel *districts = pm_programme_get_districts (programme);

  for (guint d = 0; d < g_list_model_get_n_items (districts); d++)
    {
      g_autoptr(PmDistrict) district = g_list_model_get_item (districts, d);
      GListModel *pilots = pm_district_get_pilots (district);

      for (guint p = 0; p < g_list_model_get_n_items (pilots); p++)
        {
          g_autoptr(PmPilot) pilot = g_list_model_get_item (pilots, p);
          GListModel *kpis = pm_pilot_get_kpis (pilot);

          for (guint k = 0; k < g_list_model_get_n_items (kpis); k++)
            {
              g_autoptr(PmKpi) kpi = g_list_model_get_item (kpis, k);

              if (pm_kpi_get_id (kpi) == kpi_id)
                return kpi;
            }
        }
    }
  return NULL;
}

/* One announced value ("progress KPI_ID PERIOD") read into @programme:
 * FALSE in *@done when it cannot be alone (no such KPI here, or the value
 * is kept by site, which only a load reads). */
static gboolean
update_entry (PmStore      *self,
              PmProgramme  *programme,
              const char   *what,
              gboolean     *done,
              GError      **error)
{
  g_auto(GStrv) parts = g_strsplit (what, " ", 3);
  g_autoptr(PmPeriod) period = NULL;
  g_autoptr(PmProgressEntry) entry = NULL;
  g_autoptr(PmStatement) stmt = NULL;
  PmProgressEntry *held;
  PmKpi *kpi;
  gint64 kpi_id;
  int version = 0;

  *done = FALSE;
  if (g_strv_length (parts) != 3 ||
      (kpi_id = g_ascii_strtoll (parts[1], NULL, 10)) <= 0 ||
      (period = pm_period_parse (parts[2], NULL)) == NULL ||
      (kpi = find_kpi (programme, kpi_id)) == NULL)
    return TRUE;

  held = pm_kpi_get_entry (kpi, period);
  if (held != NULL && g_list_model_get_n_items (pm_progress_entry_get_sites (held)) > 0)
    return TRUE;
  /* Sites are kept from schema 18 (an older database open read-only). */
  if (!pm_database_get_schema_version (_pm_store_get_database (self), &version, error))
    return FALSE;
  if (version >= 18 &&
      (stmt = pm_database_prepare (_pm_store_get_database (self),
                              "SELECT count (*) FROM progress_site WHERE kpi_id = ?1 AND period = ?2",
                              error)) == NULL)
    return FALSE;
  if (stmt != NULL)
    {
      pm_statement_bind_int64 (stmt, 1, kpi_id);
      pm_statement_bind_text (stmt, 2, parts[2]);
      if (!pm_statement_step (stmt, error))
        return FALSE;
      if (pm_statement_get_int64 (stmt, 0) > 0)
        return TRUE;
    }

  if (!read_entry (self, kpi_id, period, &entry, error))
    return FALSE;
  if (entry != NULL && !pm_kpi_set_entry (kpi, entry, error))
    return FALSE;
  if (entry == NULL)
    pm_kpi_remove_entry (kpi, period);

  *done = TRUE;
  return TRUE;
}

gboolean
pm_store_update_changes (PmStore      *self,
                         PmProgramme  *programme,
                         gboolean     *reload,
                         GError      **error)
{
  g_auto(GStrv) rows = NULL;
  GError *local_error = NULL;
  gboolean done = TRUE;

  g_return_val_if_fail (PM_IS_STORE (self), FALSE);
  g_return_val_if_fail (PM_IS_PROGRAMME (programme), FALSE);
  g_return_val_if_fail (reload != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *reload = FALSE;
  if (!pm_database_poll_changed_rows (_pm_store_get_database (self), &rows, &local_error))
    {
      if (local_error == NULL)
        return TRUE;
      g_propagate_error (error, local_error);
      return FALSE;
    }

  for (guint i = 0; rows != NULL && rows[i] != NULL && done; i++)
    {
      if (!update_entry (self, programme, rows[i], &done, error))
        return FALSE;
    }

  *reload = rows == NULL || !done;
  return TRUE;
}

/* Someone else saved this KPI's value for the period after we read it:
 * whose value is there now (@theirs, NULL for none, by @author) goes in
 * the model, so that the window shows it, and the error says so. Ours
 * was not written. */
gboolean
_pm_store_conflict_error (PmKpi            *kpi,
                          PmProgressEntry  *ours,
                          PmProgressEntry  *theirs,
                          const char       *author,
                          GError          **error)
{
  PmPeriod *period = pm_progress_entry_get_period (ours);
  g_autofree char *label = pm_period_get_label (period);
  g_autofree char *their_text = NULL;
  g_autofree char *our_text = NULL;

  if (theirs != NULL && pm_progress_entry_has_value (theirs))
    their_text = pm_unit_format_value (pm_kpi_get_unit (kpi), pm_progress_entry_get_value (theirs));
  if (pm_progress_entry_has_value (ours))
    our_text = pm_unit_format_value (pm_kpi_get_unit (kpi), pm_progress_entry_get_value (ours));

  if (theirs != NULL)
    pm_kpi_set_entry (kpi, theirs, NULL);
  else
    pm_kpi_remove_entry (kpi, period);

  if (author != NULL && author[0] != '\0')
    /* Translators: a save refused because another person saved first:
     * author, their value, the quarter, our value */
    g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_CONFLICT,
                 _("%s changed the value for %s to %s while you were entering yours (%s), "
                   "which was not saved. Their value is shown now; enter yours again if it "
                   "should replace it."),
                 author, label, their_text != NULL ? their_text : _("no value"),
                 our_text != NULL ? our_text : _("no value"));
  else
    g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_CONFLICT,
                 _("Someone else changed the value for %s to %s while you were entering yours "
                   "(%s), which was not saved. Their value is shown now; enter yours again if it "
                   "should replace it."),
                 label, their_text != NULL ? their_text : _("no value"),
                 our_text != NULL ? our_text : _("no value"));
  return FALSE;
}

/* The row that won, and who saved it (NULL when not known). */
static gboolean
read_winner (PmStore           *self,
             gint64             kpi_id,
             PmPeriod          *period,
             PmProgressEntry  **theirs,
             char             **author,
             GError           **error)
{
  g_autofree char *source = NULL;
  GError *local_error = NULL;

  if (!read_entry (self, kpi_id, period, theirs, error))
    return FALSE;

  if (!_pm_store_last_value_change (self, kpi_id, period, &source, author, &local_error) &&
      local_error != NULL)
    {
      g_clear_object (theirs);
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
report_conflict (PmStore          *self,
                 PmKpi            *kpi,
                 PmProgressEntry  *ours,
                 GError          **error)
{
  g_autoptr(PmProgressEntry) theirs = NULL;
  g_autofree char *author = NULL;

  if (!read_winner (self, pm_kpi_get_id (kpi), pm_progress_entry_get_period (ours), &theirs, &author, error))
    return FALSE;

  return _pm_store_conflict_error (kpi, ours, theirs, author, error);
}

/* A save of @kpi's value for @period lost the connection during its
 * COMMIT: it was written if the row is now one version past the one it
 * was saved over, and holds it. Then the model takes it, so that saving
 * it again writes nothing (and a different value is saved over it). */
static gboolean
resolve_unknown_save (PmStore   *self,
                      PmKpi     *kpi,
                      PmPeriod  *period,
                      gboolean  *was_written,
                      GError   **error)
{
  g_autoptr(PmProgressEntry) stored = NULL;
  PmProgressEntry *unknown;
  PmProgressEntry *held;
  gint64 expected = 0;

  *was_written = FALSE;
  unknown = _pm_store_get_unknown_save (self, pm_kpi_get_id (kpi), period, &expected);
  if (unknown == NULL)
    return TRUE;

  held = pm_kpi_get_entry (kpi, period);
  if ((held != NULL ? pm_progress_entry_get_revision (held) : 0) != expected)
    {
      /* The model has moved on (reloaded): nothing to resolve. */
      _pm_store_clear_unknown_save (self);
      return TRUE;
    }

  if (!read_entry (self, pm_kpi_get_id (kpi), period, &stored, error))
    return FALSE;

  if (stored != NULL && pm_progress_entry_get_revision (stored) == expected + 1 &&
      same_entry (stored, unknown))
    {
      g_autoptr(PmProgressEntry) written = pm_progress_entry_copy (unknown);

      pm_progress_entry_set_revision (written, expected + 1);
      if (!pm_kpi_set_entry (kpi, written, error))
        return FALSE;
      *was_written = TRUE;
    }

  _pm_store_clear_unknown_save (self);
  return TRUE;
}

gboolean
pm_store_save_entry (PmStore          *self,
                     PmKpi            *kpi,
                     PmProgressEntry  *entry,
                     GError          **error)
{
  g_autoptr(PmKpi) scratch = NULL;
  g_autoptr(PmProgressEntry) copy = NULL;
  g_autoptr(PmProgressEntry) theirs = NULL;
  g_autofree char *author = NULL;
  PmProgressEntry *held;
  gboolean was_written = FALSE;
  gboolean conflict = FALSE;
  gboolean commit_unknown = FALSE;
  gint64 expected;
  gint64 kpi_id;

  g_return_val_if_fail (PM_IS_STORE (self), FALSE);
  g_return_val_if_fail (PM_IS_KPI (kpi), FALSE);
  g_return_val_if_fail (PM_IS_PROGRESS_ENTRY (entry), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  kpi_id = pm_kpi_get_id (kpi);
  if (kpi_id == 0)
    return _pm_store_not_saved (error);

  /* A count given by site gets their sum; a value that differs from it
   * is refused here, before anything is written. */
  if (!pm_progress_entry_total_sites (entry, pm_kpi_get_unit (kpi), error))
    return FALSE;

  scratch = scratch_kpi (kpi);
  copy = pm_progress_entry_copy (entry);
  if (!pm_kpi_set_entry (scratch, copy, error))
    return FALSE;

  if (!resolve_unknown_save (self, kpi, pm_progress_entry_get_period (entry), &was_written, error))
    return FALSE;

  held = pm_kpi_get_entry (kpi, pm_progress_entry_get_period (entry));
  expected = held != NULL ? pm_progress_entry_get_revision (held) : 0;

  /* The same save again, and it had been written after all. */
  if (was_written && same_entry (held, entry))
    {
      pm_progress_entry_set_revision (entry, expected);
      return TRUE;
    }

  if (!_pm_store_write_entry_job (self, pm_store_get_author (self), kpi_id, entry, expected, &conflict, &theirs, &author,
                                  &commit_unknown, error))
    {
      if (commit_unknown)
        _pm_store_set_unknown_save (self, kpi_id, copy, expected);
      return FALSE;
    }
  if (conflict)
    return _pm_store_conflict_error (kpi, entry, theirs, author, error);

  return pm_kpi_set_entry (kpi, entry, error);
}

/* The database's part of pm_store_save_entry(), touching no model
 * object (a save's worker runs it, holding the connection): @entry
 * written over revision @expected, taking its new revision; or, when
 * someone else saved first, TRUE with *@conflict and their row in
 * *@theirs; or FALSE, with *@commit_unknown when the connection went
 * during the COMMIT. */
gboolean
_pm_store_write_entry_job (PmStore           *self,
                           const char        *author_now,
                           gint64             kpi_id,
                           PmProgressEntry   *entry,
                           gint64             expected,
                           gboolean          *conflict,
                           PmProgressEntry  **theirs,
                           char             **author,
                           gboolean          *commit_unknown,
                           GError           **error)
{
  PmPeriod *period = pm_progress_entry_get_period (entry);
  gboolean written = FALSE;
  gboolean ok;

  *conflict = FALSE;
  *commit_unknown = FALSE;
  if (!_pm_store_begin_write_as (self, "typed", author_now, error))
    return FALSE;

  ok = _pm_store_row_exists (self, PM_STORE_KPI_EXISTS, kpi_id, error) &&
       _pm_store_write_entry_if_unchanged (_pm_store_get_database (self), kpi_id, entry, expected, &written, error);
  if (ok && written)
    ok = _pm_store_write_entry_sites (_pm_store_get_database (self), kpi_id, entry, error) &&
         announce_entry (self, kpi_id, period, error);
  if (ok && !written)
    {
      _pm_store_end_write (self, FALSE, NULL);
      *conflict = TRUE;
      return read_winner (self, kpi_id, period, theirs, author, error);
    }
  if (!_pm_store_end_write (self, ok, error))
    {
      *commit_unknown = _pm_store_take_commit_unknown (self);
      return _pm_store_name_accepted_quarter (self, PM_STORE_SCOPE_KPI, kpi_id, period, error);
    }
  return TRUE;
}

gboolean
pm_store_delete_entry (PmStore   *self,
                       PmKpi     *kpi,
                       PmPeriod  *period,
                       GError   **error)
{
  g_autoptr(PmStatement) stmt = NULL;
  PmProgressEntry *held;
  g_autofree char *code = NULL;
  gint64 kpi_id;
  gboolean ok;

  g_return_val_if_fail (PM_IS_STORE (self), FALSE);
  g_return_val_if_fail (PM_IS_KPI (kpi), FALSE);
  g_return_val_if_fail (PM_IS_PERIOD (period), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  kpi_id = pm_kpi_get_id (kpi);
  if (kpi_id == 0)
    return _pm_store_not_saved (error);

  if (!_pm_store_begin_write (self, error))
    return FALSE;

  code = pm_period_to_code (period);
  held = pm_kpi_get_entry (kpi, period);
  ok = _pm_store_row_exists (self, PM_STORE_KPI_EXISTS, kpi_id, error) &&
       (stmt = pm_database_prepare (_pm_store_get_database (self),
                                    "DELETE FROM progress WHERE kpi_id = ?1 AND period = ?2 "
                                    "AND revision = ?3",
                                    error)) != NULL;
  if (ok)
    {
      pm_statement_bind_int64 (stmt, 1, kpi_id);
      pm_statement_bind_text (stmt, 2, code);
      pm_statement_bind_int64 (stmt, 3, held != NULL ? pm_progress_entry_get_revision (held) : 0);
      ok = pm_statement_execute (stmt, error);
    }

  /* Nothing deleted, yet a row is there: someone saved it since. */
  if (ok && pm_database_get_changes (_pm_store_get_database (self)) == 0)
    {
      g_autoptr(PmStatement) check = NULL;
      gboolean exists = FALSE;

      check = pm_database_prepare (_pm_store_get_database (self),
                                   "SELECT 1 FROM progress WHERE kpi_id = ?1 AND period = ?2", NULL);
      if (check != NULL)
        {
          pm_statement_bind_int64 (check, 1, kpi_id);
          pm_statement_bind_text (check, 2, code);
          exists = pm_statement_step (check, NULL);
        }
      if (exists)
        {
          g_autoptr(PmProgressEntry) none = pm_progress_entry_new (period);

          _pm_store_end_write (self, FALSE, NULL);
          return report_conflict (self, kpi, none, error);
        }
    }

  ok = ok && announce_entry (self, kpi_id, period, error);
  if (!_pm_store_end_write (self, ok, error))
    return _pm_store_name_accepted_quarter (self, PM_STORE_SCOPE_KPI, kpi_id, period, error);

  /* Deleting a value that was never entered leaves nothing to do. */
  pm_kpi_remove_entry (kpi, period);
  return TRUE;
}

gboolean
pm_store_save_narrative (PmStore      *self,
                         PmPilot      *pilot,
                         PmNarrative  *narrative,
                         GError      **error)
{
  gint64 pilot_id;

  g_return_val_if_fail (PM_IS_STORE (self), FALSE);
  g_return_val_if_fail (PM_IS_PILOT (pilot), FALSE);
  g_return_val_if_fail (PM_IS_NARRATIVE (narrative), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  pilot_id = pm_pilot_get_id (pilot);
  if (pilot_id == 0)
    return _pm_store_not_saved (error);

  if (!_pm_store_begin_write (self, error))
    return FALSE;

  if (!_pm_store_end_write (self,
                  _pm_store_row_exists (self, PM_STORE_PILOT_EXISTS, pilot_id, error) &&
                  _pm_store_write_narrative (_pm_store_get_database (self), pilot_id, narrative, error),
                  error))
    return _pm_store_name_accepted_quarter (self, PM_STORE_SCOPE_PILOT, pilot_id,
                                            pm_narrative_get_period (narrative), error);

  pm_pilot_set_narrative (pilot, narrative);
  return TRUE;
}

gboolean
pm_store_save_reach (PmStore       *self,
                     PmPilot       *pilot,
                     PmReachEntry  *entry,
                     GError       **error)
{
  const char *provider;
  gint64 pilot_id;

  g_return_val_if_fail (PM_IS_STORE (self), FALSE);
  g_return_val_if_fail (PM_IS_PILOT (pilot), FALSE);
  g_return_val_if_fail (PM_IS_REACH_ENTRY (entry), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  pilot_id = pm_pilot_get_id (pilot);
  if (pilot_id == 0)
    return _pm_store_not_saved (error);

  if (pm_reach_entry_get_families (entry) < 0)
    {
      g_set_error (error, PM_MODEL_ERROR, PM_MODEL_ERROR_OUT_OF_RANGE,
                   _("The number of families supported cannot be negative."));
      return FALSE;
    }

  provider = pm_reach_entry_get_provider (entry);
  if (provider != NULL && pm_pilot_find_provider (pilot, provider) == NULL)
    {
      g_set_error (error, PM_MODEL_ERROR, PM_MODEL_ERROR_MISSING,
                   _("This pilot has no provider called “%s”."), provider);
      return FALSE;
    }

  if (!_pm_store_begin_write (self, error))
    return FALSE;

  if (!_pm_store_end_write (self,
                  _pm_store_row_exists (self, PM_STORE_PILOT_EXISTS, pilot_id, error) &&
                  _pm_store_write_reach (_pm_store_get_database (self), pilot_id, entry, error),
                  error))
    return FALSE;

  pm_pilot_set_reach (pilot, entry);
  return TRUE;
}

gboolean
pm_store_add_spend (PmStore      *self,
                    PmPilot      *pilot,
                    PmSpendItem  *item,
                    GError      **error)
{
  const char *description;
  gint64 pilot_id;

  g_return_val_if_fail (PM_IS_STORE (self), FALSE);
  g_return_val_if_fail (PM_IS_PILOT (pilot), FALSE);
  g_return_val_if_fail (PM_IS_SPEND_ITEM (item), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  pilot_id = pm_pilot_get_id (pilot);
  if (pilot_id == 0)
    return _pm_store_not_saved (error);

  description = pm_spend_item_get_description (item);
  if (description == NULL || *description == '\0')
    {
      g_set_error (error, PM_MODEL_ERROR, PM_MODEL_ERROR_MISSING,
                   _("Say what the money was spent on."));
      return FALSE;
    }

  if (pm_spend_item_get_amount_pence (item) < 0)
    {
      g_set_error (error, PM_MODEL_ERROR, PM_MODEL_ERROR_OUT_OF_RANGE,
                   _("An amount spent cannot be negative."));
      return FALSE;
    }

  if (!_pm_store_begin_write (self, error))
    return FALSE;

  if (!_pm_store_end_write (self,
                  _pm_store_row_exists (self, PM_STORE_PILOT_EXISTS, pilot_id, error) &&
                  _pm_store_check_room (self, "SELECT count(*) FROM spend_item WHERE pilot_id = ?1",
                                        pilot_id, PM_LIST_SPEND, error) &&
                  _pm_store_insert_spend (_pm_store_get_database (self), pilot_id, item, error),
                  error))
    return FALSE;

  pm_pilot_add_spend (pilot, item);
  return TRUE;
}

gboolean
pm_store_set_baseline (PmStore     *self,
                       PmKpi       *kpi,
                       PmBaseline  *baseline,
                       GError     **error)
{
  g_autoptr(PmKpi) scratch = NULL;
  g_autoptr(PmBaseline) copy = NULL;
  GListModel *targets;
  gint64 kpi_id;

  g_return_val_if_fail (PM_IS_STORE (self), FALSE);
  g_return_val_if_fail (PM_IS_KPI (kpi), FALSE);
  g_return_val_if_fail (PM_IS_BASELINE (baseline), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  kpi_id = pm_kpi_get_id (kpi);
  if (kpi_id == 0)
    return _pm_store_not_saved (error);

  /* The new baseline must suit the unit and come before the targets'
   * dates: try it on a scratch KPI holding copies of the targets. */
  scratch = scratch_kpi (kpi);
  targets = pm_kpi_get_targets (kpi);
  for (guint i = 0; i < g_list_model_get_n_items (targets); i++)
    {
      g_autoptr(PmTarget) target = g_list_model_get_item (targets, i);
      g_autoptr(PmTarget) target_copy = copy_target (target);

      if (!pm_kpi_add_target (scratch, target_copy, error))
        return FALSE;
    }

  copy = pm_baseline_copy (baseline);
  if (!pm_kpi_set_baseline (scratch, copy, error))
    return FALSE;

  if (!_pm_store_begin_write (self, error))
    return FALSE;

  if (!_pm_store_end_write (self,
                  _pm_store_row_exists (self, PM_STORE_KPI_EXISTS, kpi_id, error) &&
                  _pm_store_write_baseline (_pm_store_get_database (self), kpi_id, baseline, error),
                  error))
    return FALSE;

  return pm_kpi_set_baseline (kpi, baseline, error);
}

gboolean
pm_store_add_target (PmStore   *self,
                     PmKpi     *kpi,
                     PmTarget  *target,
                     GError   **error)
{
  g_autoptr(PmKpi) scratch = NULL;
  g_autoptr(PmBaseline) baseline = NULL;
  g_autoptr(PmTarget) copy = NULL;
  GListModel *targets;
  gint64 kpi_id;

  g_return_val_if_fail (PM_IS_STORE (self), FALSE);
  g_return_val_if_fail (PM_IS_KPI (kpi), FALSE);
  g_return_val_if_fail (PM_IS_TARGET (target), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  kpi_id = pm_kpi_get_id (kpi);
  if (kpi_id == 0)
    return _pm_store_not_saved (error);

  /* Tried after copies of the targets there are: a milestone is checked
   * against the rest of the schedule. */
  scratch = scratch_kpi (kpi);
  baseline = pm_baseline_copy (pm_kpi_get_baseline (kpi));
  if (!pm_kpi_set_baseline (scratch, baseline, error))
    return FALSE;
  targets = pm_kpi_get_targets (kpi);
  for (guint i = 0; i < g_list_model_get_n_items (targets); i++)
    {
      g_autoptr(PmTarget) target_i = g_list_model_get_item (targets, i);
      g_autoptr(PmTarget) target_copy = copy_target (target_i);

      if (!pm_kpi_add_target (scratch, target_copy, error))
        return FALSE;
    }
  copy = copy_target (target);
  if (!pm_kpi_add_target (scratch, copy, error))
    return FALSE;

  if (!_pm_store_begin_write (self, error))
    return FALSE;

  if (!_pm_store_end_write (self,
                  _pm_store_row_exists (self, PM_STORE_KPI_EXISTS, kpi_id, error) &&
                  _pm_store_check_room (self, "SELECT count(*) FROM target WHERE kpi_id = ?1",
                                        kpi_id, PM_LIST_TARGETS, error) &&
                  _pm_store_insert_target (_pm_store_get_database (self), kpi_id, target, error),
                  error))
    return FALSE;

  return pm_kpi_add_target (kpi, target, error);
}
