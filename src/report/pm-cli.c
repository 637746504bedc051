/* pm-cli.c
 *
 * Every command opens the database, does one thing in one transaction (or
 * reads), and reports failure on stderr with a non-zero exit status. None of
 * it touches GTK, so it runs on a machine with no display.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <errno.h>
#include <stdio.h>

#include <glib/gstdio.h>

#include "pm-appendix-report.h"
#include "pm-cli.h"
#include "pm-kpi-listing.h"
#include "pm-summary-report.h"
#include "pm-table-export.h"
#include "model/pm-date.h"
#include "store/pm-programme-file.h"
#include "store/pm-progress-import.h"
#include "store/pm-progress-writer.h"
#include "store/pm-return-merge.h"
#include "store/pm-sample.h"
#include "store/pm-signing-key.h"
#include "store/pm-store.h"
#include "util/pm-safe-file.h"

enum {
  EXIT_OK = 0,
  EXIT_FAILED = 1,
  EXIT_USAGE = 2,
};

void
pm_cli_add_options (GApplication *application)
{
  const GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, NULL,
      N_("The programme database to open or create (default: the one in your data folder)"), N_("FILE") },
    { "sample", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Create the database holding the sample programme"), NULL },
    { "import", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Create the database from a programme file (JSON)"), N_("PROGRAMME.json") },
    { "export", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Write the database’s programme to a programme file (JSON)"), N_("PROGRAMME.json") },
    { "copy-to", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Copy the whole database, audit trail included, to DEST: a new file or an empty database on a PostgreSQL server (postgresql://user@host/db)"), N_("DEST") },
    { "list", 'l', 0, G_OPTION_ARG_NONE, NULL,
      N_("Print one tab-separated line per KPI: district, pilot, KPI, unit, direction, baseline, target, target date, latest period, latest value"), NULL },
    { "import-csv", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Save quarterly values from a CSV file (columns district, pilot, kpi, period, value, note); nothing is saved if any row is refused"), N_("VALUES.csv") },
    { "accept-valid", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("With --import-csv: save the rows that are valid even if others are refused"), NULL },
    { "export-return", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Write a district’s quarterly return (its values and narratives for --period) to --output"), N_("DISTRICT") },
    { "author", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("With --export-return or --freeze-round: the name recorded (default: your account’s name)"), N_("NAME") },
    { "import-return", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL,
      N_("Merge a lead’s quarterly return into the database (may be given more than once)"), N_("RETURN.json") },
    { "on-conflict", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("With --import-return: when the office entered a different value itself, keep it, replace it, or fail (the default: nothing is merged); replace also merges a return older than one already merged"), N_("keep|replace|fail") },
    { "trust-key", 0, 0, G_OPTION_ARG_STRING_ARRAY, NULL,
      N_("With --import-return: trust the key with this fingerprint for the district of the return it signed, having checked it with the lead (may be given more than once)"), N_("FINGERPRINT") },
    { "export-summary", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Write the district summaries as PDF: all districts, or the one named"), N_("all|DISTRICT") },
    { "export-appendix", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Write the programme appendix (the committee’s table) as PDF"), NULL },
    { "export-csv", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Write the period’s KPI table as CSV (UTF-8, one row per KPI)"), NULL },
    { "export-xlsx", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Write the programme appendix as an Excel workbook (.xlsx): the appendix, then a sheet per district"), NULL },
    { "freeze-round", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("With --period (and --export-summary or --export-appendix, once written): record the values up to the period as reported to the committee on DATE; later changes are listed as restatements"), N_("YYYY-MM-DD") },
    { "period", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("The reporting period to export, like FY2016-Q3 (October to December 2016)"), N_("PERIOD") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, NULL,
      N_("The file to write: PDF, CSV or .xlsx, as the command says"), N_("FILE") },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Print the version and exit"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (application, entries);
  g_application_set_option_context_summary (application,
    _("Monitor a programme of district pilot projects: KPIs, baselines, targets and quarterly progress."));
  g_application_set_option_context_description (application,
    _("Without a command, the window opens on the database.\n"
      "\n"
      "Examples:\n"
      "  pilot-monitor --database pilots.db --sample\n"
      "  pilot-monitor --database pilots.db --list\n"
      "  pilot-monitor --database copy.db --import programme.json\n"
      "  pilot-monitor --database pilots.db --export programme.json\n"
      "  pilot-monitor --database pilots.db --copy-to postgresql://office@db.example.org/pilots\n"
      "  pilot-monitor --database pilots.db --import-csv q4-values.csv\n"
      "  pilot-monitor --database lead.db --export-return Tamworth --period FY2016-Q3 --output tamworth-q3.json\n"
      "  pilot-monitor --database office.db --import-return tamworth-q3.json --trust-key 3F2A-9C01-77BE-D402\n"
      "  pilot-monitor --database office.db --import-return tamworth-q3.json --on-conflict keep\n"
      "  pilot-monitor --database pilots.db --export-summary all --period FY2016-Q3 --output summaries.pdf\n"
      "  pilot-monitor --database pilots.db --export-appendix --period FY2016-Q3 --output appendix.pdf\n"
      "  pilot-monitor --database pilots.db --export-csv --period FY2016-Q3 --output kpis.csv\n"
      "  pilot-monitor --database pilots.db --export-xlsx --period FY2016-Q3 --output appendix.xlsx"));
}

static void
print_error (const char   *what,
             const GError *error)
{
  if (what != NULL)
    {
      /* A server's connection string may hold a password. */
      g_autofree char *shown = pm_store_describe_location (what);

      g_printerr ("pilot-monitor: %s: %s\n", shown, error->message);
    }
  else
    g_printerr ("pilot-monitor: %s\n", error->message);
}

char *
pm_cli_get_default_database (void)
{
  return g_build_filename (g_get_user_data_dir (), "pilot-monitor", "programme.db", NULL);
}

char *
pm_cli_get_database_path (GVariantDict *options)
{
  const char *path = NULL;

  if (g_variant_dict_lookup (options, "database", "^&ay", &path) && path[0] != '\0')
    return g_strdup (path);

  return pm_cli_get_default_database ();
}

static gboolean
create_with (const char   *path,
             PmProgramme  *programme,
             GError      **error)
{
  g_autoptr(PmStore) store = NULL;

  store = pm_store_open (path, PM_STORE_OPEN_CREATE, error);
  if (store == NULL)
    return FALSE;

  return pm_store_import (store, programme, error);
}

gboolean
pm_cli_ensure_default_database (GError **error)
{
  g_autofree char *path = pm_cli_get_default_database ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(PmProgramme) sample = NULL;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not create the folder %s: %s"), dir, g_strerror (saved));
      return FALSE;
    }

  sample = pm_sample_programme_load (error);
  if (sample == NULL)
    return FALSE;

  return create_with (path, sample, error);
}

/* Opens an existing database; a missing file is an error here rather than
 * a new empty database, since a typo in --database should not create one. */
static PmStore *
open_existing (const char  *path,
               gboolean     read_only,
               GError     **error)
{
  g_autoptr(PmStore) store = NULL;

  if (!pm_store_location_is_server (path) && !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("%s does not exist (create it with --sample or --import)"), path);
      return NULL;
    }

  store = pm_store_open (path, read_only ? PM_STORE_OPEN_READ_ONLY : PM_STORE_OPEN_DEFAULT, error);
  return g_steal_pointer (&store);
}

static PmProgramme *
load_programme (const char  *path,
                GError     **error)
{
  g_autoptr(PmStore) store = open_existing (path, TRUE, error);

  if (store == NULL)
    return NULL;

  return pm_store_load (store, error);
}

static void
print_usage_error (const char *message)
{
  g_printerr ("pilot-monitor: %s\n", message);
}

/* The district named on the command line, or NULL (with @error) when the
 * programme has none of that name; NULL without error for "all". */
static PmDistrict *
find_district (PmProgramme  *programme,
               const char   *name,
               GError      **error)
{
  GListModel *districts = pm_programme_get_districts (programme);
  g_autoptr(GString) names = NULL;
  PmDistrict *district;

  if (g_ascii_strcasecmp (name, "all") == 0)
    return NULL;

  district = pm_programme_find_district (programme, name);
  if (district != NULL)
    return district;

  names = g_string_new (NULL);
  for (guint i = 0; i < g_list_model_get_n_items (districts); i++)
    {
      g_autoptr(PmDistrict) item = g_list_model_get_item (districts, i);

      if (i > 0)
        g_string_append (names, ", ");
      g_string_append (names, pm_district_get_name (item));
    }

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
               _("There is no district “%s” in the programme. Give one of: %s; or “all”."),
               name, names->str);
  return NULL;
}

/* The name recorded for a change made from the command line: --author,
 * else the account's real name when it has one. */
static const char *
cli_author (const char *author)
{
  if (author != NULL)
    return author;

  author = g_get_real_name ();
  return g_strcmp0 (author, "Unknown") != 0 ? author : NULL;
}

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

  pm_store_set_author (store, cli_author (author));
  if (!pm_store_freeze_round (store, reported_on, period, &error))
    {
      print_error (NULL, error);
      return EXIT_FAILED;
    }

  when = pm_date_format (reported_on);
  /* Translators: %s are a quarter ("Q3 2016/17") and a date */
  g_print (_("Values up to %s frozen as reported to the committee on %s.\n"), label, when);
  return EXIT_OK;
}

static int
export_report (const char *database,
               const char *summary,
               PmPeriod   *period,
               const char *output,
               const char *freeze_on,
               const char *author)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PmStore) store = open_existing (database, freeze_on == NULL, &error);
  g_autoptr(PmProgramme) programme = NULL;
  g_autoptr(PmReport) report = NULL;

  if (store != NULL)
    programme = pm_store_load (store, &error);
  if (programme == NULL)
    {
      print_error (database, error);
      return EXIT_FAILED;
    }

  if (summary != NULL)
    {
      PmDistrict *district = find_district (programme, summary, &error);
      g_autoptr(GListModel) restatements = NULL;

      if (error != NULL)
        {
          print_error (NULL, error);
          return EXIT_FAILED;
        }

      report = pm_summary_report_new (programme, period, district);
      restatements = pm_store_list_restatements (store, programme, period, &error);
      if (restatements == NULL)
        {
          print_error (database, error);
          return EXIT_FAILED;
        }
      pm_summary_report_set_restatements (PM_SUMMARY_REPORT (report), restatements);
    }
  else
    {
      report = pm_appendix_report_new (programme, period);
    }

  if (!pm_report_export_pdf (report, output, &error))
    {
      print_error (NULL, error);
      return EXIT_FAILED;
    }

  if (freeze_on != NULL)
    return freeze_round (store, freeze_on, period, author);

  return EXIT_OK;
}

static int
export_table (const char *database,
              gboolean    xlsx,
              PmPeriod   *period,
              const char *output)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PmProgramme) programme = load_programme (database, &error);
  gboolean written;

  if (programme == NULL)
    {
      print_error (database, error);
      return EXIT_FAILED;
    }

  if (xlsx)
    written = pm_table_export_xlsx (programme, period, output, &error);
  else
    written = pm_table_export_csv (programme, period, output, &error);

  if (!written)
    {
      print_error (NULL, error);
      return EXIT_FAILED;
    }

  return EXIT_OK;
}

static int
export_return (const char *database,
               const char *district_name,
               PmPeriod   *period,
               const char *author,
               const char *output_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PmProgramme) programme = load_programme (database, &error);
  g_autoptr(PmReturn) ret = NULL;
  g_autoptr(PmSigningKey) key = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *display = NULL;
  PmDistrict *district;

  if (programme == NULL)
    {
      print_error (database, error);
      return EXIT_FAILED;
    }

  district = find_district (programme, district_name, &error);
  if (district == NULL && error == NULL)
    {
      print_usage_error (_("a return is for one district: give its name, not “all”"));
      return EXIT_USAGE;
    }
  if (district == NULL)
    {
      print_error (NULL, error);
      return EXIT_FAILED;
    }

  author = cli_author (author);

  key = pm_signing_key_load_or_create (NULL, &error);
  if (key == NULL)
    {
      print_error (NULL, error);
      return EXIT_FAILED;
    }

  ret = pm_return_new (programme, district, NULL, period, author, now, key);
  if (!pm_return_save (ret, output_path, &error))
    {
      print_error (output_path, error);
      return EXIT_FAILED;
    }

  display = g_filename_display_name (output_path);
  /* Translators: after --export-return: the file, then the key's fingerprint */
  g_print (_("%s: signed with your key %s. The office checks this fingerprint with you the "
             "first time: tell it by phone or in person, not with the return.\n"),
           display, pm_signing_key_get_fingerprint (key));
  return EXIT_OK;
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
  GListModel *districts;

  /* An empty database copies as it is. */
  if (g_error_matches (local_error, PM_STORE_ERROR, PM_STORE_ERROR_EMPTY))
    return TRUE;
  if (programme == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  districts = pm_programme_get_districts (programme);
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
              g_autoptr(GListModel) changes = pm_store_list_changes (store, kpi, error);

              if (changes == NULL)
                return FALSE;
              *n_kpis += 1;
              *n_values += g_list_model_get_n_items (pm_kpi_get_entries (kpi));
              *n_changes += g_list_model_get_n_items (changes);
            }
        }
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
  g_autoptr(PmStore) store = open_existing (database, TRUE, &error);
  g_autoptr(PmStore) copy = NULL;
  g_autofree char *shown = NULL;
  guint n_kpis = 0, n_values = 0, n_changes = 0;

  if (store == NULL)
    {
      print_error (database, error);
      return EXIT_FAILED;
    }

  if (!pm_store_copy_to (store, destination, &error))
    {
      print_error (destination, error);
      return EXIT_FAILED;
    }
  pm_store_close (store);

  /* Read-write, though only read: closing then tidies a file's log away. */
  copy = pm_store_open (destination, PM_STORE_OPEN_DEFAULT, &error);
  if (copy == NULL || !count_copied (copy, &n_kpis, &n_values, &n_changes, &error))
    {
      print_error (destination, error);
      return EXIT_FAILED;
    }

  /* A server's connection string may hold a password. */
  shown = pm_store_describe_location (destination);
  /* Translators: after --copy-to: “Copied to pilots on db.example.org: 61 KPIs, 342 quarterly
   * values and 410 changes to them in the audit trail.” */
  g_print (_("Copied to %s: %u KPIs, %u quarterly values and %u changes to them in the audit trail.\n"),
           shown, n_kpis, n_values, n_changes);
  return EXIT_OK;
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
  g_autoptr(PmStore) store = open_existing (database, FALSE, &error);
  g_autoptr(PmProgramme) programme = NULL;
  g_autoptr(GPtrArray) merges = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_paths = g_strv_length ((char **) paths);
  guint n_trust = trust != NULL ? g_strv_length ((char **) trust) : 0;
  g_autofree gboolean *trust_used = g_new0 (gboolean, n_trust + 1);
  guint failed = 0;

  if (store == NULL || (programme = pm_store_load (store, &error)) == NULL)
    {
      print_error (database, error);
      return EXIT_FAILED;
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
          print_error (display, error);
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

        print_usage_error (message);
        return EXIT_USAGE;
      }

  if (!pm_return_merge_apply_all ((PmReturnMerge **) merges->pdata, merges->len, conflicts,
                                  &failed, &error))
    {
      g_autofree char *display = g_filename_display_name (paths[failed]);

      print_error (display, error);
      goto nothing_merged;
    }

  for (guint i = 0; i < n_paths; i++)
    {
      g_autofree char *display = g_filename_display_name (paths[i]);

      print_merged (display, g_ptr_array_index (merges, i));
    }
  return EXIT_OK;

nothing_merged:
  if (n_paths > 1)
    g_printerr (g_dngettext (GETTEXT_PACKAGE,
                             "pilot-monitor: none of the %u return was merged: returns given "
                             "together are merged all together or not at all.\n",
                             "pilot-monitor: none of the %u returns was merged: returns given "
                             "together are merged all together or not at all.\n",
                             n_paths),
                n_paths);
  return EXIT_FAILED;
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
  g_autoptr(PmStore) store = open_existing (database, FALSE, &error);
  g_autoptr(PmProgramme) programme = NULL;
  g_autoptr(PmProgressImport) import = NULL;
  g_autoptr(PmProgressWriter) writer = NULL;
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (csv_path);
  g_autofree char *display = g_filename_display_name (csv_path);
  guint n_rejected, n_new, n_changed, n_same;

  if (store == NULL || (programme = pm_store_load (store, &error)) == NULL)
    {
      print_error (database, error);
      return EXIT_FAILED;
    }

  import = pm_progress_import_new_for_file (programme, file, NULL, &error);
  if (import == NULL)
    {
      print_error (display, error);
      return EXIT_FAILED;
    }

  n_rejected = pm_progress_import_get_n_rejected (import);
  n_new = pm_progress_import_count_change (import, PM_IMPORT_CHANGE_NEW);
  n_changed = pm_progress_import_count_change (import, PM_IMPORT_CHANGE_CHANGED);
  n_same = pm_progress_import_count_change (import, PM_IMPORT_CHANGE_UNCHANGED);
  for (guint i = 0; i < n_rejected; i++)
    g_printerr ("pilot-monitor: %s: %s\n", display, pm_progress_import_get_rejection (import, i, NULL));

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
      return EXIT_FAILED;
    }

  if (n_rejected > 0 && !accept_valid)
    {
      g_printerr ("pilot-monitor: %s: ", display);
      g_printerr (g_dngettext (GETTEXT_PACKAGE,
                               "%u row refused: nothing was saved. Correct it, or give --accept-valid to save the %u valid rows.\n",
                               "%u rows refused: nothing was saved. Correct them, or give --accept-valid to save the %u valid rows.\n",
                               n_rejected),
                  n_rejected, n_new + n_changed);
      return EXIT_FAILED;
    }

  writer = pm_progress_writer_new (store, import);
  if (!pm_progress_writer_run (writer, NULL, &error))
    {
      print_error (database, error);
      return EXIT_FAILED;
    }

  /* Translators: after --import-csv: “Saved 9 values (7 new, 2 changed); 52 unchanged, 1 refused.” */
  g_print (g_dngettext (GETTEXT_PACKAGE,
                        "Saved %u value (%u new, %u changed); %u unchanged, %u refused.\n",
                        "Saved %u values (%u new, %u changed); %u unchanged, %u refused.\n",
                        n_new + n_changed),
           n_new + n_changed, n_new, n_changed, n_same, n_rejected);
  return EXIT_OK;
}

/* Whatever a command writes, it never replaces the database it works on
 * (even once the store is closed), and a command ended by a signal leaves
 * no temporary file behind. */
static PmSafeFileProtection *
prepare_to_write (const char *database)
{
  pm_safe_file_clean_up_on_signals ();

  if (pm_store_location_is_server (database))
    return NULL;

  return pm_safe_file_protect (database);
}

gboolean
pm_cli_run (GVariantDict *options,
            int          *exit_status)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  const char *import_path = NULL;
  const char *export_path = NULL;
  const char *copy_to = NULL;
  const char *csv_path = NULL;
  gboolean accept_valid = FALSE;
  const char *export_return_district = NULL;
  const char *author = NULL;
  g_autofree const char **return_paths = NULL;
  const char *on_conflict = NULL;
  g_autofree const char **trust_keys = NULL;
  PmMergeConflicts conflicts = PM_MERGE_CONFLICTS_FAIL;
  gboolean sample = FALSE;
  gboolean list = FALSE;
  gboolean version = FALSE;
  const char *export_summary = NULL;
  gboolean export_appendix = FALSE;
  gboolean export_csv = FALSE;
  gboolean export_xlsx = FALSE;
  const char *period_code = NULL;
  const char *freeze_on = NULL;
  const char *output_path = NULL;
  g_autoptr(PmPeriod) period = NULL;
  g_autoptr(PmSafeFileProtection) protection = NULL;
  gboolean exporting;
  gboolean table;

  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (exit_status != NULL, FALSE);

  g_variant_dict_lookup (options, "sample", "b", &sample);
  g_variant_dict_lookup (options, "list", "b", &list);
  g_variant_dict_lookup (options, "version", "b", &version);
  g_variant_dict_lookup (options, "import", "^&ay", &import_path);
  g_variant_dict_lookup (options, "export", "^&ay", &export_path);
  g_variant_dict_lookup (options, "copy-to", "^&ay", &copy_to);
  g_variant_dict_lookup (options, "import-csv", "^&ay", &csv_path);
  g_variant_dict_lookup (options, "accept-valid", "b", &accept_valid);
  g_variant_dict_lookup (options, "export-return", "&s", &export_return_district);
  g_variant_dict_lookup (options, "author", "&s", &author);
  g_variant_dict_lookup (options, "import-return", "^a&ay", &return_paths);
  g_variant_dict_lookup (options, "on-conflict", "&s", &on_conflict);
  g_variant_dict_lookup (options, "trust-key", "^a&s", &trust_keys);
  g_variant_dict_lookup (options, "export-summary", "&s", &export_summary);
  g_variant_dict_lookup (options, "export-appendix", "b", &export_appendix);
  g_variant_dict_lookup (options, "export-csv", "b", &export_csv);
  g_variant_dict_lookup (options, "export-xlsx", "b", &export_xlsx);
  g_variant_dict_lookup (options, "period", "&s", &period_code);
  g_variant_dict_lookup (options, "freeze-round", "&s", &freeze_on);
  g_variant_dict_lookup (options, "output", "^&ay", &output_path);
  table = export_csv || export_xlsx;
  exporting = export_summary != NULL || export_appendix || table || export_return_district != NULL;

  if (version)
    {
      g_print ("pilot-monitor %s\n", PACKAGE_VERSION);
      *exit_status = EXIT_OK;
      return TRUE;
    }

  /* A copy is the whole database as it is: nothing is made, saved or
   * exported on the way. */
  if (copy_to != NULL)
    {
      g_autofree char *source = NULL;

      if (sample || list || import_path != NULL || export_path != NULL || csv_path != NULL ||
          return_paths != NULL || exporting || freeze_on != NULL || period_code != NULL ||
          output_path != NULL || author != NULL || on_conflict != NULL || trust_keys != NULL ||
          accept_valid)
        {
          print_usage_error (_("--copy-to is a command of its own: give it with --database only"));
          *exit_status = EXIT_USAGE;
          return TRUE;
        }
      if (copy_to[0] == '\0')
        {
          print_usage_error (_("--copy-to needs a new file, or an empty database on a server"));
          *exit_status = EXIT_USAGE;
          return TRUE;
        }

      source = pm_cli_get_database_path (options);
      protection = prepare_to_write (source);
      *exit_status = copy_database (source, copy_to);
      return TRUE;
    }

  if (freeze_on != NULL && (table || export_return_district != NULL))
    {
      print_usage_error (_("--freeze-round goes with --export-summary or --export-appendix, "
                           "or alone with --period"));
      *exit_status = EXIT_USAGE;
      return TRUE;
    }

  if (freeze_on != NULL && period_code == NULL)
    {
      print_usage_error (_("--freeze-round needs --period: the last quarter the committee is shown, like FY2016-Q3"));
      *exit_status = EXIT_USAGE;
      return TRUE;
    }

  if (!exporting && freeze_on == NULL && (period_code != NULL || output_path != NULL))
    {
      print_usage_error (_("--period and --output go with --export-summary, --export-appendix, "
                           "--export-csv or --export-xlsx"));
      *exit_status = EXIT_USAGE;
      return TRUE;
    }

  if (on_conflict != NULL)
    {
      if (return_paths == NULL)
        {
          print_usage_error (_("--on-conflict goes with --import-return"));
          *exit_status = EXIT_USAGE;
          return TRUE;
        }
      if (g_str_equal (on_conflict, "keep"))
        conflicts = PM_MERGE_CONFLICTS_KEEP;
      else if (g_str_equal (on_conflict, "replace"))
        conflicts = PM_MERGE_CONFLICTS_REPLACE;
      else if (!g_str_equal (on_conflict, "fail"))
        {
          print_usage_error (_("--on-conflict takes keep, replace or fail"));
          *exit_status = EXIT_USAGE;
          return TRUE;
        }
    }

  if (trust_keys != NULL && return_paths == NULL)
    {
      print_usage_error (_("--trust-key goes with --import-return"));
      *exit_status = EXIT_USAGE;
      return TRUE;
    }

  if (author != NULL && export_return_district == NULL && freeze_on == NULL)
    {
      print_usage_error (_("--author goes with --export-return or --freeze-round"));
      *exit_status = EXIT_USAGE;
      return TRUE;
    }

  if (accept_valid && csv_path == NULL)
    {
      print_usage_error (_("--accept-valid goes with --import-csv"));
      *exit_status = EXIT_USAGE;
      return TRUE;
    }

  if (!sample && !list && import_path == NULL && export_path == NULL && csv_path == NULL &&
      return_paths == NULL && !exporting && freeze_on == NULL)
    return FALSE;

  if (!exporting && output_path != NULL)
    {
      print_usage_error (_("--output goes with --export-summary, --export-appendix, "
                           "--export-csv or --export-xlsx"));
      *exit_status = EXIT_USAGE;
      return TRUE;
    }

  if (!exporting && freeze_on != NULL)
    {
      period = pm_period_parse (period_code, &error);
      if (period == NULL)
        {
          print_error (NULL, error);
          *exit_status = EXIT_FAILED;
          return TRUE;
        }
    }

  /* Check an export's arguments before anything is created or written. */
  if (exporting)
    {
      if ((export_summary != NULL) + export_appendix + export_csv + export_xlsx +
          (export_return_district != NULL) > 1)
        {
          print_usage_error (_("--export-summary, --export-appendix, --export-csv and --export-xlsx "
                               "write one file each: give only one"));
          *exit_status = EXIT_USAGE;
          return TRUE;
        }

      if (export_summary != NULL && export_summary[0] == '\0')
        {
          print_usage_error (_("--export-summary needs “all” or the name of a district"));
          *exit_status = EXIT_USAGE;
          return TRUE;
        }

      if (period_code == NULL)
        {
          if (table || export_return_district != NULL)
            print_usage_error (_("--period is needed to export: the reporting period, like FY2016-Q3"));
          else
            print_usage_error (_("--period is needed to print: the reporting period, like FY2016-Q3"));
          *exit_status = EXIT_USAGE;
          return TRUE;
        }

      if (output_path == NULL || output_path[0] == '\0')
        {
          if (export_return_district != NULL)
            print_usage_error (_("--output is needed to export: the return (.json) to write"));
          else if (export_csv)
            print_usage_error (_("--output is needed to export: the CSV file to write"));
          else if (export_xlsx)
            print_usage_error (_("--output is needed to export: the workbook (.xlsx) to write"));
          else
            print_usage_error (_("--output is needed to print: the PDF file to write"));
          *exit_status = EXIT_USAGE;
          return TRUE;
        }

      period = pm_period_parse (period_code, &error);
      if (period == NULL)
        {
          print_error (NULL, error);
          *exit_status = EXIT_FAILED;
          return TRUE;
        }
    }

  path = pm_cli_get_database_path (options);
  protection = prepare_to_write (path);
  *exit_status = EXIT_OK;

  if (sample && import_path != NULL)
    {
      g_printerr ("pilot-monitor: %s\n", _("--sample and --import both create the database: give only one"));
      *exit_status = EXIT_USAGE;
      return TRUE;
    }

  /* Creating comes first, so one call can create, export and list. */
  if (sample || import_path != NULL)
    {
      g_autoptr(PmProgramme) programme = NULL;

      if (sample)
        programme = pm_sample_programme_load (&error);
      else
        programme = pm_programme_file_load (import_path, &error);

      if (programme == NULL)
        {
          print_error (import_path, error);
          *exit_status = EXIT_FAILED;
          return TRUE;
        }

      if (!create_with (path, programme, &error))
        {
          print_error (path, error);
          *exit_status = EXIT_FAILED;
          return TRUE;
        }
    }

  /* Values are saved before anything is exported or listed. */
  if (csv_path != NULL)
    {
      *exit_status = import_csv (path, csv_path, accept_valid);
      if (*exit_status != EXIT_OK)
        return TRUE;
    }

  if (return_paths != NULL)
    {
      *exit_status = import_returns (path, return_paths, conflicts, trust_keys);
      if (*exit_status != EXIT_OK)
        return TRUE;
    }

  if (export_path != NULL)
    {
      g_autoptr(PmProgramme) programme = load_programme (path, &error);

      if (programme == NULL)
        {
          print_error (path, error);
          *exit_status = EXIT_FAILED;
          return TRUE;
        }

      if (!pm_programme_file_save (programme, export_path, &error))
        {
          print_error (export_path, error);
          *exit_status = EXIT_FAILED;
          return TRUE;
        }
    }

  if (list)
    {
      g_autoptr(PmProgramme) programme = load_programme (path, &error);
      g_autoptr(GString) out = NULL;

      if (programme == NULL)
        {
          print_error (path, error);
          *exit_status = EXIT_FAILED;
          return TRUE;
        }

      out = g_string_new (NULL);
      pm_kpi_listing_write (programme, out);
      fwrite (out->str, 1, out->len, stdout);
      fflush (stdout);
    }

  if (export_return_district != NULL)
    *exit_status = export_return (path, export_return_district, period, author, output_path);
  else if (table)
    *exit_status = export_table (path, export_xlsx, period, output_path);
  else if (exporting)
    *exit_status = export_report (path, export_summary, period, output_path, freeze_on, author);
  else if (freeze_on != NULL)
    {
      g_autoptr(PmStore) store = open_existing (path, FALSE, &error);

      if (store == NULL)
        {
          print_error (path, error);
          *exit_status = EXIT_FAILED;
          return TRUE;
        }
      *exit_status = freeze_round (store, freeze_on, period, author);
    }

  return TRUE;
}
