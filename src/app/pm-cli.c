/* pm-cli.c: the headless command line
 *
 * Every command opens the database, does one thing in one transaction (or
 * reads), and reports failure on stderr with a non-zero exit status. None of
 * it touches GTK, so it runs on a machine with no display.
 *
 * The options are read into a PmCliRequest, checked to go together before
 * anything is opened, and then each command asked for runs in the order of
 * the table below, stopping at the first that fails.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>

#include <glib/gi18n.h>

#include "pm-cli.h"
#include "pm-cli-private.h"
#include "model/pm-date.h"
#include "store/pm-sample.h"
#include "util/pm-safe-file.h"

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
      N_("Print one tab-separated line per KPI: district, pilot, KPI, unit, direction, baseline, target, target date, latest period, latest value; with --period, then its status (G, A, R or –), profiled target and value"), NULL },
    { "totals", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("With --list: print one tab-separated line per programme indicator and period instead: indicator, unit, period, programme total, target, status, districts reported, each district’s value (with --period, that period only)"), NULL },
    { "import-csv", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Save quarterly values from a CSV file (columns district, pilot, kpi, period, value, note, and for a percentage numerator and denominator); nothing is saved if any row is refused"), N_("VALUES.csv") },
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
    { "district-per-page", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("With --export-summary: start each district on a new page (by default they follow one another)"), NULL },
    { "export-appendix", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Write the programme appendix (the committee’s table) as PDF"), NULL },
    { "export-csv", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Write the period’s KPI table as CSV (UTF-8, one row per KPI)"), NULL },
    { "export-xlsx", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Write the programme appendix as an Excel workbook (.xlsx): the appendix, then a sheet per district"), NULL },
    { "freeze-round", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("With --period (and --export-summary or --export-appendix, once written): record the values up to the period as reported to the committee on DATE; later changes are listed as restatements"), N_("YYYY-MM-DD") },
    { "committee", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("With --export-summary or --export-appendix: the committee the pack goes to, printed on its first page and running header"), N_("NAME") },
    { "meeting-date", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("With --export-summary or --export-appendix: the day of the committee’s meeting"), N_("YYYY-MM-DD") },
    { "report-title", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("With --export-summary or --export-appendix: the pack’s title (the appendix’s is “Appendix A: District Pilots Progress” without one)"), N_("TEXT") },
    { "contact-officer", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("With --export-summary or --export-appendix: who to ask about the report, printed on its first page"), N_("TEXT") },
    { "save-settings", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("With --committee, --meeting-date, --report-title or --contact-officer: keep them in the database for later packs (without it they are for this export only)"), NULL },
    { "period", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("The reporting period to export or to judge with --list, like FY2016-Q3 (October to December 2016)"), N_("PERIOD") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, NULL,
      N_("The file to write: PDF, CSV or .xlsx, as the command says"), N_("FILE") },
    { "add-person", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("On a server: give NAME a login with --role on this programme (a lead with one --district or more)"), N_("NAME") },
    { "role", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("With --add-person: what they may do: office (everything), lead (their districts’ values) or viewer (read only)"), N_("office|lead|viewer") },
    { "district", 0, 0, G_OPTION_ARG_STRING_ARRAY, NULL,
      N_("With --add-person --role lead: a district they lead (may be given more than once)"), N_("DISTRICT") },
    { "password-stdin", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("With --add-person: read their password from the first line of standard input (otherwise they have none until one is set)"), NULL },
    { "list-people", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("On a server: print one tab-separated line per person: name, role, districts"), NULL },
    { "remove-person", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("On a server: take NAME off this programme (and off the server if that was all they had)"), N_("NAME") },
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
      "  pilot-monitor --database pilots.db --list --period FY2016-Q3\n"
      "  pilot-monitor --database pilots.db --list --totals --period FY2016-Q3\n"
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
      "  pilot-monitor --database pilots.db --export-xlsx --period FY2016-Q3 --output appendix.xlsx\n"
      "  pilot-monitor --database postgresql://office@db.example.org/pilots --add-person jo --role lead --district \"Cannock Chase\" --password-stdin\n"
      "  pilot-monitor --database postgresql://office@db.example.org/pilots --list-people"));
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

  return _pm_cli_create_with (path, sample, error);
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

static void
request_clear (PmCliRequest *request)
{
  g_clear_pointer (&request->return_paths, g_free);
  g_clear_pointer (&request->trust_keys, g_free);
  g_clear_pointer (&request->districts, g_free);
  g_clear_pointer (&request->database, g_free);
  g_clear_object (&request->period);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PmCliRequest, request_clear)

static void
read_request (GVariantDict *options,
              PmCliRequest *request)
{
  g_variant_dict_lookup (options, "sample", "b", &request->sample);
  g_variant_dict_lookup (options, "list", "b", &request->list);
  g_variant_dict_lookup (options, "totals", "b", &request->totals);
  g_variant_dict_lookup (options, "version", "b", &request->version);
  g_variant_dict_lookup (options, "import", "^&ay", &request->import_path);
  g_variant_dict_lookup (options, "export", "^&ay", &request->export_path);
  g_variant_dict_lookup (options, "copy-to", "^&ay", &request->copy_to);
  g_variant_dict_lookup (options, "import-csv", "^&ay", &request->csv_path);
  g_variant_dict_lookup (options, "accept-valid", "b", &request->accept_valid);
  g_variant_dict_lookup (options, "export-return", "&s", &request->export_return);
  g_variant_dict_lookup (options, "author", "&s", &request->author);
  g_variant_dict_lookup (options, "import-return", "^a&ay", &request->return_paths);
  g_variant_dict_lookup (options, "on-conflict", "&s", &request->on_conflict);
  g_variant_dict_lookup (options, "trust-key", "^a&s", &request->trust_keys);
  g_variant_dict_lookup (options, "export-summary", "&s", &request->export_summary);
  g_variant_dict_lookup (options, "export-appendix", "b", &request->export_appendix);
  g_variant_dict_lookup (options, "district-per-page", "b", &request->district_per_page);
  g_variant_dict_lookup (options, "export-csv", "b", &request->export_csv);
  g_variant_dict_lookup (options, "export-xlsx", "b", &request->export_xlsx);
  g_variant_dict_lookup (options, "period", "&s", &request->period_code);
  g_variant_dict_lookup (options, "freeze-round", "&s", &request->freeze_on);
  g_variant_dict_lookup (options, "output", "^&ay", &request->output);
  g_variant_dict_lookup (options, "add-person", "&s", &request->add_person);
  g_variant_dict_lookup (options, "role", "&s", &request->role);
  g_variant_dict_lookup (options, "district", "^a&s", &request->districts);
  g_variant_dict_lookup (options, "password-stdin", "b", &request->password_stdin);
  g_variant_dict_lookup (options, "list-people", "b", &request->list_people);
  g_variant_dict_lookup (options, "remove-person", "&s", &request->remove_person);
  g_variant_dict_lookup (options, "committee", "&s", &request->committee);
  g_variant_dict_lookup (options, "meeting-date", "&s", &request->meeting_date);
  g_variant_dict_lookup (options, "report-title", "&s", &request->report_title);
  g_variant_dict_lookup (options, "contact-officer", "&s", &request->contact_officer);
  g_variant_dict_lookup (options, "save-settings", "b", &request->save_settings);

  request->database = pm_cli_get_database_path (options);
  request->conflicts = PM_MERGE_CONFLICTS_FAIL;
  request->table = request->export_csv || request->export_xlsx;
  request->exporting = request->export_summary != NULL || request->export_appendix ||
                       request->table || request->export_return != NULL;
}

/* A copy is the whole database as it is: nothing is made, saved or
 * exported on the way. */
static const char *
check_copy (const PmCliRequest *r)
{
  if (r->sample || r->list || r->import_path != NULL || r->export_path != NULL ||
      r->csv_path != NULL || r->return_paths != NULL || r->exporting || r->freeze_on != NULL ||
      r->period_code != NULL || r->output != NULL || r->author != NULL ||
      r->on_conflict != NULL || r->trust_keys != NULL || r->accept_valid || r->committee != NULL ||
      r->meeting_date != NULL || r->report_title != NULL || r->contact_officer != NULL || r->save_settings)
    return _("--copy-to is a command of its own: give it with --database only");
  if (r->copy_to[0] == '\0')
    return _("--copy-to needs a new file, or an empty database on a server");

  return NULL;
}

/* The people commands go alone, one at a time; --role and the rest go
 * with --add-person, and a lead needs a district. */
static const char *
check_people (const PmCliRequest *r)
{
  gboolean people = r->add_person != NULL || r->list_people || r->remove_person != NULL;
  gboolean other = r->sample || r->list || r->import_path != NULL || r->export_path != NULL ||
                   r->csv_path != NULL || r->return_paths != NULL || r->exporting ||
                   r->freeze_on != NULL || r->period_code != NULL || r->output != NULL ||
                   r->author != NULL || r->on_conflict != NULL || r->trust_keys != NULL ||
                   r->accept_valid;

  if (r->add_person == NULL && (r->role != NULL || r->districts != NULL || r->password_stdin))
    return _("--role, --district and --password-stdin go with --add-person");
  if (!people)
    return NULL;
  if (other || (r->add_person != NULL) + r->list_people + (r->remove_person != NULL) > 1)
    return _("--add-person, --list-people and --remove-person are commands of their own: "
             "give one, with --database only");
  if (r->add_person == NULL)
    return NULL;

  if (r->add_person[0] == '\0')
    return _("--add-person needs the name the person logs in with");
  if (r->role == NULL)
    return _("--add-person needs --role: office, lead or viewer");
  if (!g_str_equal (r->role, "office") && !g_str_equal (r->role, "lead") &&
      !g_str_equal (r->role, "viewer"))
    return _("--role takes office, lead or viewer");
  if (g_str_equal (r->role, "lead") && r->districts == NULL)
    return _("A lead needs at least one --district: the districts whose values they enter");
  if (!g_str_equal (r->role, "lead") && r->districts != NULL)
    return _("--district goes with --role lead: the office and viewers see every district");

  return NULL;
}

/* The pack's settings go with a PDF export, and a meeting date must be
 * a day: checked before anything is opened, so nothing changes. */
static char *
check_settings (const PmCliRequest *r)
{
  gboolean any = r->committee != NULL || r->meeting_date != NULL || r->report_title != NULL ||
                 r->contact_officer != NULL;
  g_autoptr(GError) error = NULL;

  if (any && r->export_summary == NULL && !r->export_appendix)
    return g_strdup (_("--committee, --meeting-date, --report-title and --contact-officer go with "
                       "--export-summary or --export-appendix"));
  if (r->save_settings && !any)
    return g_strdup (_("--save-settings goes with --committee, --meeting-date, --report-title "
                       "or --contact-officer"));
  if (r->meeting_date != NULL && r->meeting_date[0] != '\0' &&
      !pm_date_validate_day (r->meeting_date, &error))
    /* Translators: %s says why, like "“next Tuesday” is not a date: write it as 2027-01-14." */
    return g_strdup_printf (_("--meeting-date: %s"), error->message);

  return NULL;
}

/* The options that only mean something beside another; NULL when they
 * go together. Sets @r's conflicts from --on-conflict. */
static const char *
check_companions (PmCliRequest *r)
{
  if (r->freeze_on != NULL && (r->table || r->export_return != NULL))
    return _("--freeze-round goes with --export-summary or --export-appendix, "
             "or alone with --period");
  if (r->freeze_on != NULL && r->period_code == NULL)
    return _("--freeze-round needs --period: the last quarter the committee is shown, like FY2016-Q3");
  if (r->totals && !r->list)
    return _("--totals goes with --list");
  if (!r->exporting && r->freeze_on == NULL &&
      ((r->period_code != NULL && !r->list) || r->output != NULL))
    return _("--period and --output go with --export-summary, --export-appendix, "
             "--export-csv or --export-xlsx (and --period with --list)");

  if (r->on_conflict != NULL)
    {
      if (r->return_paths == NULL)
        return _("--on-conflict goes with --import-return");
      if (g_str_equal (r->on_conflict, "keep"))
        r->conflicts = PM_MERGE_CONFLICTS_KEEP;
      else if (g_str_equal (r->on_conflict, "replace"))
        r->conflicts = PM_MERGE_CONFLICTS_REPLACE;
      else if (!g_str_equal (r->on_conflict, "fail"))
        return _("--on-conflict takes keep, replace or fail");
    }

  if (r->trust_keys != NULL && r->return_paths == NULL)
    return _("--trust-key goes with --import-return");
  if (r->author != NULL && r->export_return == NULL && r->freeze_on == NULL)
    return _("--author goes with --export-return or --freeze-round");
  if (r->accept_valid && r->csv_path == NULL)
    return _("--accept-valid goes with --import-csv");
  if (r->district_per_page && r->export_summary == NULL)
    return _("--district-per-page goes with --export-summary");

  return NULL;
}

/* An export's arguments, checked before anything is created or written. */
static const char *
check_export (const PmCliRequest *r)
{
  if (!r->exporting && r->output != NULL)
    return _("--output goes with --export-summary, --export-appendix, "
             "--export-csv or --export-xlsx");
  if (!r->exporting)
    return NULL;

  if ((r->export_summary != NULL) + r->export_appendix + r->export_csv + r->export_xlsx +
      (r->export_return != NULL) > 1)
    return _("--export-summary, --export-appendix, --export-csv and --export-xlsx "
             "write one file each: give only one");
  if (r->export_summary != NULL && r->export_summary[0] == '\0')
    return _("--export-summary needs “all” or the name of a district");

  if (r->period_code == NULL && (r->table || r->export_return != NULL))
    return _("--period is needed to export: the reporting period, like FY2016-Q3");
  if (r->period_code == NULL)
    return _("--period is needed to print: the reporting period, like FY2016-Q3");

  if (r->output != NULL && r->output[0] != '\0')
    return NULL;
  if (r->export_return != NULL)
    return _("--output is needed to export: the return (.json) to write");
  if (r->export_csv)
    return _("--output is needed to export: the CSV file to write");
  if (r->export_xlsx)
    return _("--output is needed to export: the workbook (.xlsx) to write");
  return _("--output is needed to print: the PDF file to write");
}

static gboolean
wants_create (const PmCliRequest *r)
{
  return r->sample || r->import_path != NULL;
}

static gboolean
wants_import_csv (const PmCliRequest *r)
{
  return r->csv_path != NULL;
}

static gboolean
wants_import_returns (const PmCliRequest *r)
{
  return r->return_paths != NULL;
}

static gboolean
wants_export_programme (const PmCliRequest *r)
{
  return r->export_path != NULL;
}

static gboolean
wants_list (const PmCliRequest *r)
{
  return r->list && !r->totals;
}

static gboolean
wants_list_totals (const PmCliRequest *r)
{
  return r->list && r->totals;
}

static gboolean
wants_export_return (const PmCliRequest *r)
{
  return r->export_return != NULL;
}

static gboolean
wants_export_table (const PmCliRequest *r)
{
  return r->table;
}

static gboolean
wants_export_report (const PmCliRequest *r)
{
  return r->export_summary != NULL || r->export_appendix;
}

static gboolean
wants_freeze_round (const PmCliRequest *r)
{
  return r->freeze_on != NULL && !r->exporting;
}

static gboolean
wants_add_person (const PmCliRequest *r)
{
  return r->add_person != NULL;
}

static gboolean
wants_list_people (const PmCliRequest *r)
{
  return r->list_people;
}

static gboolean
wants_remove_person (const PmCliRequest *r)
{
  return r->remove_person != NULL;
}

/* In this order: what is created is there to import into; values are
 * saved before anything is exported or listed. */
static const struct {
  gboolean (*wanted) (const PmCliRequest *request);
  int      (*run)    (const PmCliRequest *request);
} commands[] = {
  { wants_create,           _pm_cli_create },
  { wants_import_csv,       _pm_cli_import_csv },
  { wants_import_returns,   _pm_cli_import_returns },
  { wants_export_programme, _pm_cli_export_programme },
  { wants_list,             _pm_cli_list },
  { wants_list_totals,      _pm_cli_list_totals },
  { wants_export_return,    _pm_cli_export_return },
  { wants_export_table,     _pm_cli_export_table },
  { wants_export_report,    _pm_cli_export_report },
  { wants_freeze_round,     _pm_cli_freeze_round },
  { wants_add_person,       _pm_cli_add_person },
  { wants_list_people,      _pm_cli_list_people },
  { wants_remove_person,    _pm_cli_remove_person },
};

static gboolean
has_command (const PmCliRequest *request)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (commands[i].wanted (request))
      return TRUE;

  return FALSE;
}

static int
usage_error (const char *message)
{
  _pm_cli_print_usage_error (message);
  return PM_CLI_EXIT_USAGE;
}

/* The period for an export or a round, or an error printed. */
static int
read_period (PmCliRequest *request)
{
  g_autoptr(GError) error = NULL;

  if (request->period_code == NULL ||
      (!request->exporting && request->freeze_on == NULL && !request->list))
    return PM_CLI_EXIT_OK;

  request->period = pm_period_parse (request->period_code, &error);
  if (request->period == NULL)
    {
      _pm_cli_print_error (NULL, error);
      return PM_CLI_EXIT_FAILED;
    }

  return PM_CLI_EXIT_OK;
}

gboolean
pm_cli_run (GVariantDict *options,
            int          *exit_status)
{
  g_auto(PmCliRequest) request = { 0, };
  g_autoptr(PmSafeFileProtection) protection = NULL;
  g_autofree char *settings_usage = NULL;
  const char *usage;

  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (exit_status != NULL, FALSE);

  read_request (options, &request);

  if (request.version)
    {
      g_print ("pilot-monitor %s\n", PACKAGE_VERSION);
      *exit_status = PM_CLI_EXIT_OK;
      return TRUE;
    }

  if (request.copy_to != NULL)
    {
      if ((usage = check_copy (&request)) != NULL)
        {
          *exit_status = usage_error (usage);
          return TRUE;
        }
      protection = prepare_to_write (request.database);
      *exit_status = _pm_cli_copy (&request);
      return TRUE;
    }

  if ((usage = check_people (&request)) != NULL ||
      (usage = check_companions (&request)) != NULL)
    {
      *exit_status = usage_error (usage);
      return TRUE;
    }
  if ((settings_usage = check_settings (&request)) != NULL)
    {
      *exit_status = usage_error (settings_usage);
      return TRUE;
    }

  /* Nothing to do here: the window opens. */
  if (!has_command (&request))
    return FALSE;

  if ((usage = check_export (&request)) != NULL)
    {
      *exit_status = usage_error (usage);
      return TRUE;
    }

  if ((*exit_status = read_period (&request)) != PM_CLI_EXIT_OK)
    return TRUE;

  if (request.sample && request.import_path != NULL)
    {
      *exit_status = usage_error (_("--sample and --import both create the database: give only one"));
      return TRUE;
    }

  protection = prepare_to_write (request.database);
  for (guint i = 0; i < G_N_ELEMENTS (commands) && *exit_status == PM_CLI_EXIT_OK; i++)
    if (commands[i].wanted (&request))
      *exit_status = commands[i].run (&request);

  return TRUE;
}
