/* pm-cli.h: the headless command line (works with no display)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Adds every command-line option to @application, with its help text. */
void      pm_cli_add_options             (GApplication  *application);
/* Runs the headless commands named in @options (--sample, --import,
 * --export, --list...). Returns TRUE when a command ran, with the process
 * exit status in @exit_status (errors are printed to stderr); FALSE when
 * the window should open instead. */
gboolean  pm_cli_run                     (GVariantDict  *options,
                                          int           *exit_status);
/* The database the window should open: --database, or the default one in
 * the user data dir (created with the sample programme on first run). */
char     *pm_cli_get_database_path       (GVariantDict  *options);
char     *pm_cli_get_default_database    (void);
/* Creates the default database with the sample programme if it does not
 * exist yet. */
gboolean  pm_cli_ensure_default_database (GError       **error);

G_END_DECLS
