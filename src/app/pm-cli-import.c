/* pm-cli-import.c: the commands that write into the database: creating
 * it, saving a CSV of values and merging leads' returns
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pm-cli-private.h"
#include "store/pm-programme-file.h"
#include "store/pm-progress-import.h"
#include "store/pm-progress-writer.h"
#include "store/pm-sample.h"
#include "store/pm-signing-key.h"

/* --sample or --import: creating comes first, so that one call can
 * create, export and list. */
int
_pm_cli_create (const PmCliRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PmProgramme) programme = NULL;

  if (request->sample)
    programme = pm_sample_programme_load (&error);
  else
    programme = pm_programme_file_load (request->import_path, &error);

  if (programme == NULL)
    {
      _pm_cli_print_error (request->import_path, error);
      return PM_CLI_EXIT_FAILED;
    }

  if (!_pm_cli_create_with (request->database, programme, &error))
    {
      _pm_cli_print_error (request->database, error);
      return PM_CLI_EXIT_FAILED;
    }

  return PM_CLI_EXIT_OK;
}

/* What a refusal of --import-return says to do on the command line. */
static void
print_merge_hint (PmReturnMerge *merge,
                  const GError  *error)
{
  PmReturn *ret = pm_return_merge_get_return (merge);

  if (g_error_matches (error, PM_FILE_ERROR, PM_FILE_ERROR_UNTRUSTED))
    {
      if (pm_return_merge_get_key_state (merge) == PM_RETURN_KEY_NEW)
        /* Translators: the district, then the fingerprint */
        g_printerr (_("pilot-monitor: once checked, trust it for %s with --trust-key %s\n"),
                    pm_return_get_district_name (ret), pm_return_get_fingerprint (ret));
      else
        /* Translators: the district, then the fingerprint */
        g_printerr (_("pilot-monitor: once checked, trust the new key for %s instead with "
                      "--trust-key %s\n"),
                    pm_return_get_district_name (ret), pm_return_get_fingerprint (ret));
    }
  else if (g_error_matches (error, PM_FILE_ERROR, PM_FILE_ERROR_STALE))
    g_printerr ("pilot-monitor: %s\n",
                _("to merge it anyway, give --on-conflict replace: the values it puts back are listed"));
}

static char *
entry_text (PmKpi           *kpi,
            PmProgressEntry *entry)
{
  if (entry == NULL || !pm_progress_entry_has_value (entry))
    return g_strdup (_("none"));
  return pm_unit_format_value (pm_kpi_get_unit (kpi), pm_progress_entry_get_value (entry));
}

/* After a return was merged: its figures, its key, and what went back
 * when it was older than one merged before. */
static void
print_merged (const char    *display,
              PmReturnMerge *merge)
{
  PmReturn *ret = pm_return_merge_get_return (merge);
  g_autofree char *period = pm_period_get_label (pm_return_get_period (ret));
  const char *district = pm_return_get_district_name (ret);
  const char *fingerprint = pm_return_get_fingerprint (ret);

  /* Translators: after --import-return: “tamworth.json: Tamworth, Q3 2016/17 from Alex Lead:
   * 3 new, 1 changed, 1 conflict; 4 saved.” */
  g_print (_("%s: %s, %s from %s: %u new, %u changed, %u in conflict; %u saved.\n"),
           display, district, period,
           pm_return_get_author (ret) != NULL ? pm_return_get_author (ret) : _("an unnamed sender"),
           pm_return_merge_count (merge, PM_MERGE_NEW),
           pm_return_merge_count (merge, PM_MERGE_CHANGED),
           pm_return_merge_count (merge, PM_MERGE_CONFLICT),
           pm_return_merge_get_n_written (merge));

  if (!pm_return_merge_get_trust_key (merge))
    /* Translators: the fingerprint, then the district */
    g_print (_("  Signed with the key %s, which the office trusts for %s.\n"), fingerprint, district);
  else if (pm_return_merge_get_key_state (merge) == PM_RETURN_KEY_NEW)
    /* Translators: the fingerprint, then the district */
    g_print (_("  Signed with the key %s, now trusted for %s.\n"), fingerprint, district);
  else
    /* Translators: the fingerprint, the district, then the fingerprint trusted before */
    g_print (_("  Signed with the key %s, now trusted for %s instead of %s.\n"), fingerprint, district,
             pm_return_merge_get_trusted_fingerprint (merge));

  if (!pm_return_merge_is_stale (merge))
    return;

  g_print ("  %s\n", _("Older than the return already merged for the quarter: these went back "
                        "to its figures:"));
  for (guint i = 0; i < pm_return_merge_get_n_items (merge); i++)
    {
      PmKpi *kpi = pm_return_merge_get_kpi (merge, i);

      if (!pm_return_merge_get_written (merge, i))
        continue;
      if (kpi != NULL)
        {
          g_autofree char *old = entry_text (kpi, pm_return_merge_get_office_entry (merge, i));
          g_autofree char *new = entry_text (kpi, pm_return_merge_get_return_entry (merge, i));

          /* Translators: a value put back: “    “Families supported”: 20 → 10” */
          g_print (_("    “%s”: %s → %s\n"), pm_kpi_get_title (kpi), old, new);
        }
      else
        {
          /* Translators: a narrative put back: “    the narrative of “Pilot”” */
          g_print (_("    the narrative of “%s”\n"),
                   pm_pilot_get_title (pm_return_merge_get_pilot (merge, i)));
        }
    }
}

/* Reads and checks every return before anything is written, then merges
 * them all in one transaction: all of them are merged, or none. */
static int
import_returns (const char         *database,
                const char * const *paths,
                PmMergeConflicts    conflicts,
                const char * const *trust)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PmStore) store = _pm_cli_open_existing (database, FALSE, &error);
  g_autoptr(PmProgramme) programme = NULL;
  g_autoptr(GPtrArray) merges = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_paths = g_strv_length ((char **) paths);
  guint n_trust = trust != NULL ? g_strv_length ((char **) trust) : 0;
  g_autofree gboolean *trust_used = g_new0 (gboolean, n_trust + 1);
  guint failed = 0;

  if (store == NULL || (programme = pm_store_load (store, &error)) == NULL)
    {
      _pm_cli_print_error (database, error);
      return PM_CLI_EXIT_FAILED;
    }

  for (guint i = 0; i < n_paths; i++)
    {
      g_autofree char *display = g_filename_display_name (paths[i]);
      g_autoptr(PmReturn) ret = pm_return_load (paths[i], &error);
      g_autoptr(PmReturnMerge) merge = NULL;

      if (ret != NULL)
        merge = pm_return_merge_new (store, programme, ret, &error);
      if (merge != NULL && pm_return_merge_get_key_state (merge) != PM_RETURN_KEY_TRUSTED)
        {
          for (guint j = 0; j < n_trust; j++)
            if (pm_signing_fingerprint_matches (pm_return_get_fingerprint (ret), trust[j]))
              {
                pm_return_merge_set_trust_key (merge, TRUE);
                trust_used[j] = TRUE;
              }
        }
      if (merge == NULL || !pm_return_merge_check (merge, conflicts, &error))
        {
          _pm_cli_print_error (display, error);
          if (merge != NULL)
            print_merge_hint (merge, error);
          failed = i;
          goto nothing_merged;
        }
      g_ptr_array_add (merges, g_steal_pointer (&merge));
    }

  /* A fingerprint typed wrong must not pass unnoticed. */
  for (guint j = 0; j < n_trust; j++)
    if (!trust_used[j])
      {
        g_autofree char *message = g_strdup_printf (_("--trust-key %s is not the key of any of the "
                                                      "returns that needed one: nothing was merged"),
                                                    trust[j]);

        _pm_cli_print_usage_error (message);
        return PM_CLI_EXIT_USAGE;
      }

  if (!pm_return_merge_apply_all ((PmReturnMerge **) merges->pdata, merges->len, conflicts,
                                  &failed, &error))
    {
      g_autofree char *display = g_filename_display_name (paths[failed]);

      _pm_cli_print_error (display, error);
      goto nothing_merged;
    }

  for (guint i = 0; i < n_paths; i++)
    {
      g_autofree char *display = g_filename_display_name (paths[i]);

      print_merged (display, g_ptr_array_index (merges, i));
    }
  return PM_CLI_EXIT_OK;

nothing_merged:
  if (n_paths > 1)
    g_printerr (g_dngettext (GETTEXT_PACKAGE,
                             "pilot-monitor: none of the %u return was merged: returns given "
                             "together are merged all together or not at all.\n",
                             "pilot-monitor: none of the %u returns was merged: returns given "
                             "together are merged all together or not at all.\n",
                             n_paths),
                n_paths);
  return PM_CLI_EXIT_FAILED;
}

/* Checks every row of a CSV of quarterly values, reports the refused ones
 * on stderr, and saves the rest in one transaction only when none was
 * refused or the user said --accept-valid. */
static int
import_csv (const char *database,
            const char *csv_path,
            gboolean    accept_valid)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PmStore) store = _pm_cli_open_existing (database, FALSE, &error);
  g_autoptr(PmProgramme) programme = NULL;
  g_autoptr(PmProgressImport) import = NULL;
  g_autoptr(PmProgressWriter) writer = NULL;
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (csv_path);
  g_autofree char *display = g_filename_display_name (csv_path);
  guint n_rejected, n_new, n_changed, n_same;

  if (store == NULL || (programme = pm_store_load (store, &error)) == NULL)
    {
      _pm_cli_print_error (database, error);
      return PM_CLI_EXIT_FAILED;
    }

  import = pm_progress_import_new_for_file (programme, file, NULL, &error);
  if (import == NULL)
    {
      _pm_cli_print_error (display, error);
      return PM_CLI_EXIT_FAILED;
    }

  n_rejected = pm_progress_import_get_n_rejected (import);
  n_new = pm_progress_import_count_change (import, PM_IMPORT_CHANGE_NEW);
  n_changed = pm_progress_import_count_change (import, PM_IMPORT_CHANGE_CHANGED);
  n_same = pm_progress_import_count_change (import, PM_IMPORT_CHANGE_UNCHANGED);
  for (guint i = 0; i < n_rejected; i++)
    g_printerr ("pilot-monitor: %s: %s\n", display, pm_progress_import_get_rejection (import, i, NULL));
  for (guint i = 0; i < pm_progress_import_get_n_rows (import); i++)
    {
      const char *warning = pm_progress_import_get_warning (import, i);
      PmKpi *kpi;
      guint line;

      if (warning == NULL)
        continue;
      line = pm_progress_import_get_row (import, i, &kpi, NULL, NULL);
      /* Translators: a row saved as given that may not be what was meant:
       * “Line 3: Hospital admissions: 0.62 is kept as 0.62%, but …” */
      g_printerr (_("pilot-monitor: %s: Line %u: %s: %s\n"), display, line,
                  pm_kpi_get_title (kpi), warning);
    }

  /* Every row refused leaves nothing valid to save: a failure, with
   * --accept-valid or without. */
  if (n_rejected > 0 && pm_progress_import_get_n_rows (import) == 0)
    {
      g_printerr ("pilot-monitor: %s: ", display);
      g_printerr (g_dngettext (GETTEXT_PACKAGE,
                               "%u row refused and no valid row: nothing was saved.\n",
                               "%u rows refused and no valid row: nothing was saved.\n",
                               n_rejected),
                  n_rejected);
      return PM_CLI_EXIT_FAILED;
    }

  if (n_rejected > 0 && !accept_valid)
    {
      g_printerr ("pilot-monitor: %s: ", display);
      g_printerr (g_dngettext (GETTEXT_PACKAGE,
                               "%u row refused: nothing was saved. Correct it, or give --accept-valid to save the %u valid rows.\n",
                               "%u rows refused: nothing was saved. Correct them, or give --accept-valid to save the %u valid rows.\n",
                               n_rejected),
                  n_rejected, n_new + n_changed);
      return PM_CLI_EXIT_FAILED;
    }

  writer = pm_progress_writer_new (store, import);
  if (!pm_progress_writer_run (writer, NULL, &error))
    {
      _pm_cli_print_error (database, error);
      return PM_CLI_EXIT_FAILED;
    }

  /* Translators: after --import-csv: “Saved 9 values (7 new, 2 changed); 52 unchanged, 1 refused.” */
  g_print (g_dngettext (GETTEXT_PACKAGE,
                        "Saved %u value (%u new, %u changed); %u unchanged, %u refused.\n",
                        "Saved %u values (%u new, %u changed); %u unchanged, %u refused.\n",
                        n_new + n_changed),
           n_new + n_changed, n_new, n_changed, n_same, n_rejected);
  return PM_CLI_EXIT_OK;
}

int
_pm_cli_import_returns (const PmCliRequest *request)
{
  return import_returns (request->database, request->return_paths, request->conflicts,
                         request->trust_keys);
}

int
_pm_cli_import_csv (const PmCliRequest *request)
{
  return import_csv (request->database, request->csv_path, request->accept_valid);
}
