/* pm-test-cli.c: the real pilot-monitor, run as a user would run it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "pm-test-cli.h"

#include <string.h>

#define SIGNED_WITH "signed with your key "
#define FINGERPRINT_LENGTH 19   /* XXXX-XXXX-XXXX-XXXX */

void
pm_test_run_clear (PmTestRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

GSubprocessLauncher *
pm_test_cli_launcher_new (const char       *dir,
                          const char       *key_dir,
                          GSubprocessFlags  flags)
{
  GSubprocessLauncher *launcher = g_subprocess_launcher_new (flags);

  if (dir != NULL)
    {
      g_autofree char *data_home = g_build_filename (dir, "xdg-data", NULL);

      g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", data_home, TRUE);
    }
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "PM_TEST_PAUSE_AFTER_REVIEW");
  if (key_dir != NULL)
    g_subprocess_launcher_setenv (launcher, "PM_KEY_DIR", key_dir, TRUE);
  else
    g_subprocess_launcher_unsetenv (launcher, "PM_KEY_DIR");

  return launcher;
}

GPtrArray *
pm_test_cli_argv_va (const char *first,
                     va_list     args)
{
  const char *binary = g_getenv ("PM_BINARY");
  GPtrArray *argv = g_ptr_array_new ();

  g_assert_nonnull (binary);
  g_ptr_array_add (argv, (gpointer) binary);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  g_ptr_array_add (argv, NULL);

  return argv;
}

typedef struct
{
  gboolean  done;
  gboolean  timed_out;
  GBytes   *out;
  GBytes   *err;
  GError   *error;
} Communication;

static void
communicated_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Communication *communication = user_data;

  g_subprocess_communicate_finish (G_SUBPROCESS (object), result, &communication->out,
                                   &communication->err, &communication->error);
  communication->done = TRUE;
}

static gboolean
timed_out_cb (gpointer user_data)
{
  Communication *communication = user_data;

  communication->timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

static char *
bytes_to_text (GBytes *bytes)
{
  gsize length = 0;
  const char *data = bytes != NULL ? g_bytes_get_data (bytes, &length) : NULL;

  return g_strndup (data != NULL ? data : "", length);
}

/* Runs @argv to its end on a main context of its own, so that nothing the
 * test has on its own context runs meanwhile. */
static PmTestRun
run_argv (const char         *dir,
          const char         *key_dir,
          const char * const *argv)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(GSource) timeout = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *command = NULL;
  g_autofree char *said = NULL;
  Communication communication = { FALSE, FALSE, NULL, NULL, NULL };
  PmTestRun run = { 0, NULL, NULL };
  gboolean finished;

  g_assert_nonnull (argv[0]);   /* PM_BINARY */
  command = g_strjoinv (" ", (char **) argv + 1);
  launcher = pm_test_cli_launcher_new (dir, key_dir,
                                       G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);

  g_main_context_push_thread_default (context);
  /* A named pipe opened for writing, say, would block for ever. */
  timeout = g_timeout_source_new_seconds (g_getenv ("PM_TEST_SLOW") != NULL ? 300 : 60);
  g_source_set_callback (timeout, timed_out_cb, &communication, NULL);
  g_source_attach (timeout, context);
  g_subprocess_communicate_async (process, NULL, NULL, communicated_cb, &communication);
  while (!communication.done && !communication.timed_out)
    g_main_context_iteration (context, TRUE);
  finished = communication.done;
  if (!finished)
    {
      g_subprocess_force_exit (process);
      while (!communication.done)
        g_main_context_iteration (context, TRUE);
    }
  g_source_destroy (timeout);
  g_main_context_pop_thread_default (context);

  if (!finished)
    g_error ("pilot-monitor %s did not finish: blocked?", command);
  g_assert_no_error (communication.error);
  g_assert_true (g_subprocess_get_if_exited (process));

  run.status = g_subprocess_get_exit_status (process);
  run.out = bytes_to_text (communication.out);
  run.err = bytes_to_text (communication.err);
  g_clear_pointer (&communication.out, g_bytes_unref);
  g_clear_pointer (&communication.err, g_bytes_unref);
  said = g_strchomp (g_strconcat (strlen (run.out) < 400 ? run.out : "", run.err, NULL));
  g_test_message ("pilot-monitor %s: exit %d%s%s", command, run.status, said[0] != '\0' ? "\n" : "", said);

  return run;
}

PmTestRun
pm_test_cli_runv (const char         *dir,
                  const char         *key_dir,
                  const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();

  g_ptr_array_add (argv, (gpointer) g_getenv ("PM_BINARY"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  return run_argv (dir, key_dir, (const char * const *) argv->pdata);
}

PmTestRun
pm_test_cli_run_with_keys (const char *dir,
                           const char *key_dir,
                           const char *first,
                           ...)
{
  g_autoptr(GPtrArray) argv = NULL;
  va_list args;

  va_start (args, first);
  argv = pm_test_cli_argv_va (first, args);
  va_end (args);
  return run_argv (dir, key_dir, (const char * const *) argv->pdata);
}

int
pm_test_run_status (PmTestRun run)
{
  pm_test_run_clear (&run);
  return run.status;
}

char *
pm_test_cli_make_sample (const char *dir,
                         const char *name)
{
  char *path = g_build_filename (dir, name, NULL);
  g_auto(PmTestRun) run = pm_test_cli_run (dir, "--database", path, "--sample", NULL);

  g_assert_cmpint (run.status, ==, 0);
  return path;
}

char *
pm_test_run_fingerprint (const PmTestRun *run)
{
  const char *at = strstr (run->out, SIGNED_WITH);

  g_assert_nonnull (at);
  at += strlen (SIGNED_WITH);
  g_assert_cmpuint (strlen (at), >=, FINGERPRINT_LENGTH);
  return g_strndup (at, FINGERPRINT_LENGTH);
}
