/* pm-application.c
 *
 * Headless commands are handled in handle-local-options, before GTK is
 * initialised, so `pilot-monitor --list` works with no display at all.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n.h>

#include "pm-application.h"
#include "pm-window.h"
#include "app/pm-cli.h"

struct _PmApplication
{
  AdwApplication  parent_instance;

  char           *database_path;
  gboolean        default_database;
  gint64          started_at;       /* monotonic, for PM_EXIT_AFTER_FIRST_FRAME */
  gulong          after_paint_id;
  PmSessionPrefetch *prefetch;      /* the window's file, read meanwhile */
};

G_DEFINE_FINAL_TYPE (PmApplication, pm_application, ADW_TYPE_APPLICATION)

/* The application's settings; NULL when the schema is not installed. */
static GSettings *
settings_new_if_installed (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source == NULL)
    return NULL;
  schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema == NULL)
    return NULL;

  return g_settings_new (APPLICATION_ID);
}

/* With no --database, the database open last time, if it is still there. */
static char *
choose_database (PmApplication *self)
{
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *last = NULL;

  if (!self->default_database || (settings = settings_new_if_installed ()) == NULL)
    return g_strdup (self->database_path);

  last = g_settings_get_string (settings, "last-database");
  if (last[0] != '\0' && g_file_test (last, G_FILE_TEST_IS_REGULAR))
    return g_steal_pointer (&last);

  return g_strdup (self->database_path);
}

static int
pm_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  PmApplication *self = PM_APPLICATION (app);
  int exit_status = 0;
  const char *given = NULL;
  g_autofree char *path = NULL;

  if (pm_cli_run (options, &exit_status))
    return exit_status;

  self->default_database = !g_variant_dict_lookup (options, "database", "^&ay", &given)
                           || given[0] == '\0';
  g_free (self->database_path);
  self->database_path = pm_cli_get_database_path (options);

  /* The window's file is opened and read while GTK starts and the window
   * is built: a fifth of a second on a large programme. The first run's
   * sample database is made in activate, so only a file already there. */
  g_clear_pointer (&self->prefetch, pm_session_prefetch_free);
  path = choose_database (self);
  if (!self->default_database || g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_autoptr(GSettings) settings = settings_new_if_installed ();

      self->prefetch = pm_session_prefetch_new (settings, path, PM_WINDOW_OPEN_FLAGS);
    }

  /* Carry on to the window. */
  return -1;
}

/* Seconds since the process started, from /proc; -1 where there is none. */
static double
seconds_since_process_start (void)
{
  g_autofree char *stat = NULL;
  g_autofree char *uptime = NULL;
  const char *after_name;
  unsigned long long start_ticks = 0;
  double up = 0;
  long ticks_per_second = sysconf (_SC_CLK_TCK);

  if (!g_file_get_contents ("/proc/self/stat", &stat, NULL, NULL)
      || !g_file_get_contents ("/proc/uptime", &uptime, NULL, NULL)
      || ticks_per_second <= 0)
    return -1;

  /* Field 22 (starttime) counts from the ")" closing the command name. */
  after_name = strrchr (stat, ')');
  if (after_name == NULL
      || sscanf (after_name + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %*u %*u %*d %*d %*d %*d %*d %*d %llu",
                 &start_ticks) != 1
      || sscanf (uptime, "%lf", &up) != 1)
    return -1;

  return up - (double) start_ticks / (double) ticks_per_second;
}

static void
first_frame_painted_cb (GdkFrameClock *clock,
                        PmApplication *self)
{
  double since_start = seconds_since_process_start ();
  double since_init = (g_get_monotonic_time () - self->started_at) / (double) G_USEC_PER_SEC;

  g_clear_signal_handler (&self->after_paint_id, clock);

  /* A measurement asked for on the command line, printed for the person
   * who asked; not a log message. */
  g_print ("first-frame: %.3f s since process start, %.3f s since application init\n",
           since_start, since_init);
  g_application_quit (G_APPLICATION (self));
}

static void
window_mapped_cb (GtkWidget     *window,
                  PmApplication *self)
{
  self->after_paint_id = g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                                           G_CALLBACK (first_frame_painted_cb), self);
}

static void
pm_application_activate (GApplication *app)
{
  PmApplication *self = PM_APPLICATION (app);
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (window == NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *path = NULL;

      /* First run: give a new user something to look at. */
      if (self->default_database && !pm_cli_ensure_default_database (&error))
        g_warning ("Could not create the sample database: %s", error->message);

      path = choose_database (self);
      window = GTK_WINDOW (pm_window_new (self));
      if (self->prefetch != NULL && g_strcmp0 (pm_session_prefetch_get_location (self->prefetch), path) == 0)
        {
          /* Its surface and renderer made (a twentieth of a second with
           * a software renderer) while the file is still being read. */
          gtk_widget_realize (GTK_WIDGET (window));
          pm_window_open_prefetched (PM_WINDOW (window), self->prefetch);
        }
      else
        pm_window_open_database (PM_WINDOW (window), path);
      g_clear_pointer (&self->prefetch, pm_session_prefetch_free);

      if (g_strcmp0 (g_getenv ("PM_EXIT_AFTER_FIRST_FRAME"), "1") == 0)
        g_signal_connect (window, "map", G_CALLBACK (window_mapped_cb), self);
    }

  gtk_window_present (window);
}

static void
pm_application_quit_action (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
pm_application_about_action (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  PmApplication *self = user_data;
  static const char *developers[] = { "The Pilot Monitor developers", NULL };
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  adw_show_about_window (window,
                         "application-name", _("Pilot Monitor"),
                         "application-icon", APPLICATION_ID,
                         "developer-name", _("The Pilot Monitor developers"),
                         "version", PACKAGE_VERSION,
                         "developers", developers,
                         "comments", _("Track district pilot projects against their KPIs, baselines and targets, and print the committee’s summaries."),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static const GActionEntry app_actions[] = {
  { "quit", pm_application_quit_action },
  { "about", pm_application_about_action },
};

static void
pm_application_startup (GApplication *app)
{
  static const struct {
    const char *action;
    const char *accels[2];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "win.new", { "<Control>n", NULL } },
    { "win.open", { "<Control>o", NULL } },
    { "win.save-as", { "<Control><Shift>s", NULL } },
    { "win.export-document", { "<Control>e", NULL } },
    { "win.print", { "<Control>p", NULL } },
    { "win.undo", { "<Control>z", NULL } },
    { "win.redo", { "<Control><Shift>z", NULL } },
    { "win.search", { "<Control>f", NULL } },
    { "win.preferences", { "<Control>comma", NULL } },
    { "window.close", { "<Control>w", NULL } },
  };

  G_APPLICATION_CLASS (pm_application_parent_class)->startup (app);

  /* Light or dark as the desktop says (the default, stated so it stays). */
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), accels[i].action, accels[i].accels);
}

static void
pm_application_finalize (GObject *object)
{
  PmApplication *self = PM_APPLICATION (object);

  g_clear_pointer (&self->prefetch, pm_session_prefetch_free);
  g_clear_pointer (&self->database_path, g_free);

  G_OBJECT_CLASS (pm_application_parent_class)->finalize (object);
}

static void
pm_application_class_init (PmApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = pm_application_finalize;

  app_class->handle_local_options = pm_application_handle_local_options;
  app_class->startup = pm_application_startup;
  app_class->activate = pm_application_activate;
}

static void
pm_application_init (PmApplication *self)
{
  self->started_at = g_get_monotonic_time ();
  pm_cli_add_options (G_APPLICATION (self));
}

PmApplication *
pm_application_new (void)
{
  return g_object_new (PM_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", "/io/github/pilotmonitor/PilotMonitor",
                       NULL);
}

const char *
pm_application_get_database_path (PmApplication *self)
{
  g_return_val_if_fail (PM_IS_APPLICATION (self), NULL);

  return self->database_path;
}
