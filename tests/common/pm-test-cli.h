/* pm-test-cli.h: the real pilot-monitor, run as a user would run it
 *
 * The binary is $PM_BINARY (the suites' meson.build sets it). It runs
 * with no display, so it cannot fall back on the window, and with a data
 * folder of its own in the test's folder, so that nothing touches the
 * user's database or signing key. It does not stop half-way unless a
 * test asks (PM_TEST_PAUSE_AFTER_REVIEW is unset).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <stdarg.h>

#include <gio/gio.h>

G_BEGIN_DECLS

/* What one run of the binary did. */
typedef struct
{
  int   status;   /* its exit status */
  char *out;      /* what it printed: "" for nothing, never NULL */
  char *err;
} PmTestRun;

void       pm_test_run_clear          (PmTestRun   *run);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PmTestRun, pm_test_run_clear)

/* Runs pilot-monitor with the arguments from @first, NULL-terminated.
 * @dir is the test's folder: the data folder is "xdg-data" in it (NULL:
 * the test's own XDG_DATA_HOME). Signing keys are in @key_dir
 * (PM_KEY_DIR; NULL: unset, so a key is made in the data folder). A run
 * that has not ended within a minute (five under PM_TEST_SLOW) is killed
 * and fails the test, as does one that does not exit. */
PmTestRun  pm_test_cli_run_with_keys  (const char  *dir,
                                       const char  *key_dir,
                                       const char  *first,
                                       ...) G_GNUC_NULL_TERMINATED;
/* The same with PM_KEY_DIR unset: pm_test_cli_run (dir, first, ...). */
#define pm_test_cli_run(dir, ...) \
  pm_test_cli_run_with_keys ((dir), NULL, __VA_ARGS__)
/* pm_test_cli_run_with_keys() with the arguments in @args, NULL-terminated. */
PmTestRun  pm_test_cli_runv           (const char         *dir,
                                       const char         *key_dir,
                                       const char * const *args);
/* The exit status of @run, whose output it frees: for a run whose output
 * does not matter, pm_test_cli_status (dir, first, ...). */
int        pm_test_run_status         (PmTestRun    run);
#define pm_test_cli_status(dir, ...) \
  pm_test_run_status (pm_test_cli_run ((dir), __VA_ARGS__))

/* Makes @name in @dir a database of the sample programme with
 * "--sample"; returns its path. */
char      *pm_test_cli_make_sample    (const char  *dir,
                                       const char  *name);
/* The fingerprint of the key @run says it signed a return with
 * ("signed with your key XXXX-XXXX-XXXX-XXXX"), asserted to be there. */
char      *pm_test_run_fingerprint    (const PmTestRun *run);

/* For a test that starts the binary itself (to stop it half-way): the
 * launcher with the environment above and @flags, and the argv, the
 * binary first, of the arguments from @first. */
GSubprocessLauncher *pm_test_cli_launcher_new (const char       *dir,
                                               const char       *key_dir,
                                               GSubprocessFlags  flags);
GPtrArray *pm_test_cli_argv_va        (const char  *first,
                                       va_list      args);

G_END_DECLS
