/* pm-cli-private.h: the parts of the command line, shared by its files
 *
 * pm-cli.c reads the options into a PmCliRequest, checks that they go
 * together, and runs each command asked for in a fixed order (create,
 * import, then export or list); the commands live in pm-cli-import.c and
 * pm-cli-export.c, and what they share in pm-cli-common.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "model/pm-period.h"
#include "model/pm-programme.h"
#include "store/pm-return-merge.h"
#include "store/pm-store.h"

G_BEGIN_DECLS

enum {
  PM_CLI_EXIT_OK = 0,
  PM_CLI_EXIT_FAILED = 1,
  PM_CLI_EXIT_USAGE = 2,
};

/* What the command line asks for: the options as given, then what is
 * worked out from them once they are known to go together. */
typedef struct
{
  gboolean          sample;
  gboolean          list;
  gboolean          totals;     /* with --list: programme indicators' totals */
  gboolean          version;
  gboolean          accept_valid;
  gboolean          export_appendix;
  gboolean          export_csv;
  gboolean          export_xlsx;
  gboolean          district_per_page;
  const char       *import_path;
  const char       *export_path;
  const char       *copy_to;
  const char       *csv_path;
  const char       *export_return;
  const char       *export_summary;
  const char       *author;
  const char       *on_conflict;
  const char       *period_code;
  const char       *freeze_on;
  const char       *output;
  const char       *committee;
  const char       *meeting_date;
  const char       *report_title;
  const char       *contact_officer;
  gboolean          save_settings;
  const char      **return_paths;
  const char      **trust_keys;
  const char       *add_person;
  const char       *role;
  const char      **districts;
  gboolean          password_stdin;
  gboolean          list_people;
  const char       *remove_person;

  char             *database;
  PmPeriod         *period;
  PmMergeConflicts  conflicts;
  gboolean          table;      /* --export-csv or --export-xlsx */
  gboolean          exporting;  /* any command that writes --output */
} PmCliRequest;

void         _pm_cli_print_error         (const char          *what,
                                          const GError        *error);
void         _pm_cli_print_usage_error   (const char          *message);
PmStore     *_pm_cli_open_existing       (const char          *path,
                                          gboolean             read_only,
                                          GError             **error);
PmStore     *_pm_cli_open_for_export     (const char          *path,
                                          GError             **error);
PmProgramme *_pm_cli_load_programme      (const char          *path,
                                          GError             **error);
PmDistrict  *_pm_cli_find_district       (PmProgramme         *programme,
                                          const char          *name,
                                          GError             **error);
const char  *_pm_cli_author              (const char          *author);
gboolean     _pm_cli_create_with         (const char          *path,
                                          PmProgramme         *programme,
                                          GError             **error);

/* The commands, each returning the exit status. */
int          _pm_cli_create              (const PmCliRequest  *request);
int          _pm_cli_import_csv          (const PmCliRequest  *request);
int          _pm_cli_import_returns      (const PmCliRequest  *request);
int          _pm_cli_export_programme    (const PmCliRequest  *request);
int          _pm_cli_list                (const PmCliRequest  *request);
int          _pm_cli_list_totals         (const PmCliRequest  *request);
int          _pm_cli_export_return       (const PmCliRequest  *request);
int          _pm_cli_export_table        (const PmCliRequest  *request);
int          _pm_cli_export_report       (const PmCliRequest  *request);
int          _pm_cli_freeze_round        (const PmCliRequest  *request);
int          _pm_cli_copy                (const PmCliRequest  *request);
int          _pm_cli_add_person          (const PmCliRequest  *request);
int          _pm_cli_list_people         (const PmCliRequest  *request);
int          _pm_cli_remove_person       (const PmCliRequest  *request);

G_END_DECLS
