/* pm-cli-export.c: the commands that read the programme and write it out:
 * the programme file, the listing, the PDFs, the spreadsheets, a return,
 * a committee round and a copy of the whole database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "pm-cli-private.h"
#include "pm-report-signoffs.h"
#include "model/pm-date.h"
#include "report/pm-appendix-report.h"
#include "report/pm-indicator-totals.h"
#include "report/pm-kpi-listing.h"
#include "report/pm-summary-report.h"
#include "report/pm-table-export.h"
#include "store/pm-programme-file.h"
#include "store/pm-return.h"
#include "store/pm-signing-key.h"

/* Freezes the committee round, after the pack (if any) has been written. */
static int
freeze_round (PmStore    *store,
              const char *reported_on,
              PmPeriod   *period,
              const char *author)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *label = pm_period_get_label (period);
  g_autofree char *when = NULL;

  pm_store_set_author (store, _pm_cli_author (author));
  if (!pm_store_freeze_round (store, reported_on, period, &error))
    {
      _pm_cli_print_error (NULL, error);
      return PM_CLI_EXIT_FAILED;
    }

  when = pm_date_format (reported_on);
  /* Translators: %s are a quarter ("Q3 2016/17") and a date */
  g_print (_("Values up to %s frozen as reported to the committee on %s.\n"), label, when);
  return PM_CLI_EXIT_OK;
}

/* "" clears a setting; NULL leaves it as the programme has it. */
static void
apply_setting (PmProgramme *programme,
               void       (*set) (PmProgramme *, const char *),
               const char  *value)
{
  if (value != NULL)
    set (programme, value[0] != '\0' ? value : NULL);
}

/* The pack's settings from the command line, kept in the database with
 * --save-settings. */
static gboolean
apply_settings (const PmCliRequest  *request,
                PmStore             *store,
                PmProgramme         *programme,
                GError             **error)
{
  apply_setting (programme, pm_programme_set_committee, request->committee);
  apply_setting (programme, pm_programme_set_meeting_date, request->meeting_date);
  apply_setting (programme, pm_programme_set_report_title, request->report_title);
  apply_setting (programme, pm_programme_set_contact_officer, request->contact_officer);

  if (!request->save_settings)
    return TRUE;

  pm_store_set_author (store, _pm_cli_author (request->author));
  return pm_store_update_programme (store, programme, error);
}

/* @scoped: @programme holds only the KPIs of the district printed
 * (pm_store_load_district()), so the programme's ratings are counted by
 * the store. */
static PmReport *
summary_report (PmStore      *store,
                PmProgramme  *programme,
                gboolean      scoped,
                const char   *summary,
                PmPeriod     *period,
                GError      **error)
{
  PmDistrict *district = _pm_cli_find_district (programme, summary, error);
  g_autoptr(GListModel) restatements = NULL;
  g_autoptr(PmReport) report = NULL;
  guint counts[PM_N_RAG];

  if (error != NULL && *error != NULL)
    return NULL;

  report = pm_summary_report_new (programme, period, district);
  if (scoped)
    {
      if (!pm_store_count_programme_rag (store, period, counts, error))
        return NULL;
      pm_summary_report_set_programme_rag (PM_SUMMARY_REPORT (report), counts);
    }
  restatements = pm_store_list_restatements (store, programme, period, error);
  if (restatements == NULL ||
      !pm_report_set_signoffs (report, store, programme, period, error))
    return NULL;
  pm_summary_report_set_restatements (PM_SUMMARY_REPORT (report), restatements);

  return g_steal_pointer (&report);
}

static int
export_report (const PmCliRequest *request)
{
  g_autoptr(GError) error = NULL;
  gboolean read_only = request->freeze_on == NULL && !request->save_settings;
  g_autoptr(PmStore) store = NULL;
  g_autoptr(PmProgramme) programme = NULL;
  g_autoptr(PmReport) report = NULL;
  gboolean scoped;

  /* A pack that writes nothing skips the check of every page at open, and
   * one district's reads only what its summary prints. */
  store = read_only ? _pm_cli_open_for_export (request->database, &error)
                    : _pm_cli_open_existing (request->database, FALSE, &error);
  scoped = store != NULL && read_only && request->export_summary != NULL &&
           g_ascii_strcasecmp (request->export_summary, "all") != 0 && request->period != NULL;
  if (scoped)
    programme = pm_store_load_district (store, request->export_summary, request->period, &error);
  else if (store != NULL)
    programme = pm_store_load (store, &error);
  if (programme == NULL || !apply_settings (request, store, programme, &error))
    {
      _pm_cli_print_error (request->database, error);
      return PM_CLI_EXIT_FAILED;
    }

  if (request->export_summary != NULL)
    {
      report = summary_report (store, programme, scoped, request->export_summary, request->period, &error);
      if (report != NULL)
        pm_summary_report_set_district_per_page (PM_SUMMARY_REPORT (report), request->district_per_page);
    }
  else
    report = pm_appendix_report_new (programme, request->period);

  if (report == NULL || !pm_report_export_pdf (report, request->output, &error))
    {
      _pm_cli_print_error (NULL, error);
      return PM_CLI_EXIT_FAILED;
    }

  if (request->freeze_on != NULL)
    return freeze_round (store, request->freeze_on, request->period, request->author);

  return PM_CLI_EXIT_OK;
}

static int
export_table (const char *database,
              gboolean    xlsx,
              PmPeriod   *period,
              const char *output)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PmProgramme) programme = _pm_cli_load_programme (database, &error);
  gboolean written;

  if (programme == NULL)
    {
      _pm_cli_print_error (database, error);
      return PM_CLI_EXIT_FAILED;
    }

  if (xlsx)
    written = pm_table_export_xlsx (programme, period, output, &error);
  else
    written = pm_table_export_csv (programme, period, output, &error);

  if (!written)
    {
      _pm_cli_print_error (NULL, error);
      return PM_CLI_EXIT_FAILED;
    }

  return PM_CLI_EXIT_OK;
}

static int
export_return (const char *database,
               const char *district_name,
               PmPeriod   *period,
               const char *author,
               const char *output_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PmProgramme) programme = _pm_cli_load_programme (database, &error);
  g_autoptr(PmReturn) ret = NULL;
  g_autoptr(PmSigningKey) key = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *display = NULL;
  PmDistrict *district;

  if (programme == NULL)
    {
      _pm_cli_print_error (database, error);
      return PM_CLI_EXIT_FAILED;
    }

  district = _pm_cli_find_district (programme, district_name, &error);
  if (district == NULL && error == NULL)
    {
      _pm_cli_print_usage_error (_("a return is for one district: give its name, not “all”"));
      return PM_CLI_EXIT_USAGE;
    }
  if (district == NULL)
    {
      _pm_cli_print_error (NULL, error);
      return PM_CLI_EXIT_FAILED;
    }

  author = _pm_cli_author (author);

  key = pm_signing_key_load_or_create (NULL, &error);
  if (key == NULL)
    {
      _pm_cli_print_error (NULL, error);
      return PM_CLI_EXIT_FAILED;
    }

  ret = pm_return_new (programme, district, NULL, period, author, now, key);
  if (!pm_return_save (ret, output_path, &error))
    {
      _pm_cli_print_error (output_path, error);
      return PM_CLI_EXIT_FAILED;
    }

  display = g_filename_display_name (output_path);
  /* Translators: after --export-return: the file, then the key's fingerprint */
  g_print (_("%s: signed with your key %s. The office checks this fingerprint with you the "
             "first time: tell it by phone or in person, not with the return.\n"),
           display, pm_signing_key_get_fingerprint (key));
  return PM_CLI_EXIT_OK;
}

/* The programme's KPIs, their quarterly values and the changes to them
 * in the audit trail, as @store holds them. */
static gboolean
count_copied (PmStore  *store,
              guint    *n_kpis,
              guint    *n_values,
              guint    *n_changes,
              GError  **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(PmProgramme) programme = pm_store_load (store, &local_error);
  g_autoptr(GListModel) kpis = NULL;

  /* An empty database copies as it is. */
  if (g_error_matches (local_error, PM_STORE_ERROR, PM_STORE_ERROR_EMPTY))
    return TRUE;
  if (programme == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  kpis = pm_programme_list_kpis (programme);
  for (guint k = 0; k < g_list_model_get_n_items (kpis); k++)
    {
      g_autoptr(PmKpi) kpi = g_list_model_get_item (kpis, k);
      g_autoptr(GListModel) changes = pm_store_list_changes (store, kpi, error);

      if (changes == NULL)
        return FALSE;
      *n_kpis += 1;
      *n_values += g_list_model_get_n_items (pm_kpi_get_entries (kpi));
      *n_changes += g_list_model_get_n_items (changes);
    }

  return TRUE;
}

/* Copies the whole database, then says what the copy holds, counted from
 * the copy itself. The source is only read. */
static int
copy_database (const char *database,
               const char *destination)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PmStore) store = _pm_cli_open_existing (database, TRUE, &error);
  g_autoptr(PmStore) copy = NULL;
  g_autofree char *shown = NULL;
  guint n_kpis = 0, n_values = 0, n_changes = 0;

  if (store == NULL)
    {
      _pm_cli_print_error (database, error);
      return PM_CLI_EXIT_FAILED;
    }

  if (!pm_store_copy_to (store, destination, &error))
    {
      _pm_cli_print_error (destination, error);
      return PM_CLI_EXIT_FAILED;
    }
  pm_store_close (store);

  /* Read-write, though only read: closing then tidies a file's log away. */
  copy = pm_store_open (destination, PM_STORE_OPEN_DEFAULT, &error);
  if (copy == NULL || !count_copied (copy, &n_kpis, &n_values, &n_changes, &error))
    {
      _pm_cli_print_error (destination, error);
      return PM_CLI_EXIT_FAILED;
    }

  /* A server's connection string may hold a password. */
  shown = pm_store_describe_location (destination);
  /* Translators: after --copy-to: “Copied to pilots on db.example.org: 61 KPIs, 342 quarterly
   * values and 410 changes to them in the audit trail.” */
  g_print (_("Copied to %s: %u KPIs, %u quarterly values and %u changes to them in the audit trail.\n"),
           shown, n_kpis, n_values, n_changes);
  return PM_CLI_EXIT_OK;
}

int
_pm_cli_export_programme (const PmCliRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PmProgramme) programme = _pm_cli_load_programme (request->database, &error);

  if (programme == NULL)
    {
      _pm_cli_print_error (request->database, error);
      return PM_CLI_EXIT_FAILED;
    }

  if (!pm_programme_file_save (programme, request->export_path, &error))
    {
      _pm_cli_print_error (request->export_path, error);
      return PM_CLI_EXIT_FAILED;
    }

  return PM_CLI_EXIT_OK;
}

typedef void (*ListingWriter) (PmProgramme *programme,
                               PmPeriod    *period,
                               GString     *out);

/* Loads the programme and writes one listing of it to standard output. */
static int
write_listing (const PmCliRequest *request,
               ListingWriter       writer)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PmProgramme) programme = _pm_cli_load_programme (request->database, &error);
  g_autoptr(GString) out = NULL;

  if (programme == NULL)
    {
      _pm_cli_print_error (request->database, error);
      return PM_CLI_EXIT_FAILED;
    }

  out = g_string_new (NULL);
  writer (programme, request->period, out);
  fwrite (out->str, 1, out->len, stdout);
  fflush (stdout);
  return PM_CLI_EXIT_OK;
}

int
_pm_cli_list (const PmCliRequest *request)
{
  return write_listing (request, pm_kpi_listing_write_period);
}

/* --list --totals: the programme indicators' totals, one line per
 * indicator and period. */
int
_pm_cli_list_totals (const PmCliRequest *request)
{
  return write_listing (request, pm_indicator_totals_write_listing);
}

int
_pm_cli_export_return (const PmCliRequest *request)
{
  return export_return (request->database, request->export_return, request->period,
                        request->author, request->output);
}

int
_pm_cli_export_table (const PmCliRequest *request)
{
  return export_table (request->database, request->export_xlsx, request->period, request->output);
}

int
_pm_cli_export_report (const PmCliRequest *request)
{
  return export_report (request);
}

/* --freeze-round alone: with an export it follows the PDF instead. */
int
_pm_cli_freeze_round (const PmCliRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PmStore) store = _pm_cli_open_existing (request->database, FALSE, &error);

  if (store == NULL)
    {
      _pm_cli_print_error (request->database, error);
      return PM_CLI_EXIT_FAILED;
    }

  return freeze_round (store, request->freeze_on, request->period, request->author);
}

int
_pm_cli_copy (const PmCliRequest *request)
{
  return copy_database (request->database, request->copy_to);
}
