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
#include "store/pm-programme-file.h"
#include "store/pm-sample.h"
#include "store/pm-store.h"

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
    { "list", 'l', 0, G_OPTION_ARG_NONE, NULL,
      N_("Print one tab-separated line per KPI: district, pilot, KPI, unit, direction, baseline, target, target date, latest period, latest value"), NULL },
    { "export-summary", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Write the district summaries as PDF: all districts, or the one named"), N_("all|DISTRICT") },
    { "export-appendix", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Write the programme appendix (the committee’s table) as PDF"), NULL },
    { "period", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("The reporting period to print, like FY2016-Q3 (October to December 2016)"), N_("PERIOD") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, NULL,
      N_("The PDF file to write"), N_("OUT.pdf") },
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
      "  pilot-monitor --database pilots.db --export-summary all --period FY2016-Q3 --output summaries.pdf\n"
      "  pilot-monitor --database pilots.db --export-appendix --period FY2016-Q3 --output appendix.pdf"));
}

static void
print_error (const char   *what,
             const GError *error)
{
  if (what != NULL)
    g_printerr ("pilot-monitor: %s: %s\n", what, error->message);
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

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
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

static int
export_report (const char *database,
               const char *summary,
               PmPeriod   *period,
               const char *output)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PmProgramme) programme = load_programme (database, &error);
  g_autoptr(PmReport) report = NULL;

  if (programme == NULL)
    {
      print_error (database, error);
      return EXIT_FAILED;
    }

  if (summary != NULL)
    {
      PmDistrict *district = find_district (programme, summary, &error);

      if (error != NULL)
        {
          print_error (NULL, error);
          return EXIT_FAILED;
        }

      report = pm_summary_report_new (programme, period, district);
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

  return EXIT_OK;
}

gboolean
pm_cli_run (GVariantDict *options,
            int          *exit_status)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  const char *import_path = NULL;
  const char *export_path = NULL;
  gboolean sample = FALSE;
  gboolean list = FALSE;
  gboolean version = FALSE;
  const char *export_summary = NULL;
  gboolean export_appendix = FALSE;
  const char *period_code = NULL;
  const char *output_path = NULL;
  g_autoptr(PmPeriod) period = NULL;
  gboolean exporting;

  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (exit_status != NULL, FALSE);

  g_variant_dict_lookup (options, "sample", "b", &sample);
  g_variant_dict_lookup (options, "list", "b", &list);
  g_variant_dict_lookup (options, "version", "b", &version);
  g_variant_dict_lookup (options, "import", "^&ay", &import_path);
  g_variant_dict_lookup (options, "export", "^&ay", &export_path);
  g_variant_dict_lookup (options, "export-summary", "&s", &export_summary);
  g_variant_dict_lookup (options, "export-appendix", "b", &export_appendix);
  g_variant_dict_lookup (options, "period", "&s", &period_code);
  g_variant_dict_lookup (options, "output", "^&ay", &output_path);
  exporting = export_summary != NULL || export_appendix;

  if (version)
    {
      g_print ("pilot-monitor %s\n", PACKAGE_VERSION);
      *exit_status = EXIT_OK;
      return TRUE;
    }

  if (!exporting && (period_code != NULL || output_path != NULL))
    {
      print_usage_error (_("--period and --output go with --export-summary or --export-appendix"));
      *exit_status = EXIT_USAGE;
      return TRUE;
    }

  if (!sample && !list && import_path == NULL && export_path == NULL && !exporting)
    return FALSE;

  /* Check a PDF export's arguments before anything is created or written. */
  if (exporting)
    {
      if (export_summary != NULL && export_appendix)
        {
          print_usage_error (_("--export-summary and --export-appendix write one document each: give only one"));
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
          print_usage_error (_("--period is needed to print: the reporting period, like FY2016-Q3"));
          *exit_status = EXIT_USAGE;
          return TRUE;
        }

      if (output_path == NULL || output_path[0] == '\0')
        {
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

  if (exporting)
    *exit_status = export_report (path, export_summary, period, output_path);

  return TRUE;
}
