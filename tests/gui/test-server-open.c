/* test-server-open.c: the window stays live while a server's programme
 * loads (needs the PostgreSQL test server and a display; skips without)
 *
 * A second connection holds a lock on a table the load reads, so the
 * load waits on the server for as long as the test wants: the window
 * shows what it is opening, with a spinner and a Cancel, and keeps
 * drawing frames; once the lock goes it shows the programme. Cancelled,
 * it goes back to what it showed, with its connection closed; a file
 * opened meanwhile wins. A refused password asks for the password.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "gui-test-util.h"
#include "pg-test-util.h"
#include "pm-connect-dialog.h"
#include "pm-window-private.h"

static PmApplication *app;

typedef struct
{
  GuiTestWindow  ui;      /* on a file of the sample, for the cancel */
  char          *uri;     /* the sample on the server */
  PGconn        *locker;
  guint          frames;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PmProgramme) sample = NULL;

  if (!pg_test_available ())
    return;

  fixture->uri = pg_test_create_database ("pm_gui_open", &error);
  g_assert_no_error (error);
  sample = pm_test_sample_load ();
  pm_test_store_create (fixture->uri, sample);
  fixture->locker = PQconnectdb (fixture->uri);
  g_assert_cmpint (PQstatus (fixture->locker), ==, CONNECTION_OK);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  if (fixture->ui.window != NULL)
    gui_test_window_close (&fixture->ui);
  g_clear_pointer (&fixture->locker, PQfinish);
  if (fixture->uri != NULL)
    {
      g_assert_true (pg_test_drop_database (fixture->uri, &error));
      g_assert_no_error (error);
    }
  g_clear_pointer (&fixture->uri, g_free);
}

static gboolean
load_waits (gpointer data)
{
  g_usleep (5000);
  return pg_test_count_lock_waiters (((Fixture *) data)->locker) > 0;
}

static gboolean
no_connection (gpointer data)
{
  g_usleep (5000);
  return pg_test_count_others (((Fixture *) data)->locker, "") == 0;
}

static gboolean
frame_cb (GtkWidget     *widget,
          GdkFrameClock *clock,
          gpointer       data)
{
  Fixture *fixture = data;

  fixture->frames++;
  return G_SOURCE_CONTINUE;
}

static const char *
visible_page (Fixture *fixture)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (gui_test_window_child (&fixture->ui, "stack")));
}

/* Opens @uri while the lock holds the load on the server, and checks
 * what the window shows meanwhile. */
static void
open_while_locked (Fixture    *fixture,
                   const char *uri)
{
  g_autofree char *described = pm_store_describe_location (uri);
  PmSession *session = pm_window_get_session (fixture->ui.window);
  AdwStatusPage *page;
  guint frames;

  pg_test_run (fixture->locker, "BEGIN; LOCK TABLE baseline IN ACCESS EXCLUSIVE MODE;");
  g_assert_true (pm_window_open_database (fixture->ui.window, uri));
  g_assert_cmpstr (pm_session_get_opening (session), ==, described);
  gui_test_wait_until (load_waits, fixture);

  /* What is being opened, with a spinner and a Cancel; frames drawn. */
  g_assert_cmpstr (visible_page (fixture), ==, "opening");
  page = ADW_STATUS_PAGE (gui_test_window_child (&fixture->ui, "opening_page"));
  g_assert_cmpstr (adw_status_page_get_title (page), ==, described);
  gui_test_wait_until (gui_test_is_mapped, gui_test_find_descendant (GTK_WIDGET (page), GTK_TYPE_SPINNER, NULL));
  gui_test_wait_until (gui_test_is_mapped, gui_test_find_descendant (GTK_WIDGET (page), GTK_TYPE_BUTTON,
                                                                     "win.cancel-opening"));
  gtk_widget_add_tick_callback (GTK_WIDGET (fixture->ui.window), frame_cb, fixture, NULL);
  frames = fixture->frames;
  for (gint64 until = g_get_monotonic_time () + 300000; g_get_monotonic_time () < until;)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (fixture->frames, >, frames);
  g_assert_nonnull (pm_session_get_opening (session));
}

static void
test_loading_then_programme (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(PmProgramme) sample = NULL;
  PmStore *store;

  if (pg_test_skip_without_server ())
    return;

  fixture->ui.window = g_object_ref_sink (pm_window_new (app));
  gtk_window_set_default_size (GTK_WINDOW (fixture->ui.window), 1200, 800);
  gtk_window_present (GTK_WINDOW (fixture->ui.window));
  gui_test_wait_until (gui_test_is_mapped, fixture->ui.window);
  g_assert_null (pm_window_get_store (fixture->ui.window));

  open_while_locked (fixture, fixture->uri);
  /* Nothing half-loaded is shown. */
  g_assert_null (pm_window_get_programme (fixture->ui.window));

  pg_test_run (fixture->locker, "COMMIT;");
  gui_test_wait_until (gui_test_is_checked, fixture->ui.window);
  store = pm_window_get_store (fixture->ui.window);
  g_assert_nonnull (store);
  g_assert_true (pm_store_is_server (store));
  sample = pm_test_sample_load ();
  g_assert_cmpstr (pm_programme_get_name (pm_window_get_programme (fixture->ui.window)), ==,
                   pm_programme_get_name (sample));
  g_assert_cmpstr (visible_page (fixture), ==, "overview");
  g_assert_null (pm_session_get_opening (pm_window_get_session (fixture->ui.window)));
}

static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  PmStore *store;

  if (pg_test_skip_without_server ())
    return;

  gui_test_window_open (&fixture->ui, app, "pm-server-open", 1200, 800);
  store = pm_window_get_store (fixture->ui.window);
  g_assert_false (pm_store_is_server (store));
  g_assert_cmpstr (visible_page (fixture), ==, "overview");

  open_while_locked (fixture, fixture->uri);

  /* Cancel, as its button would: back at once to the file's programme,
   * the load stopped on the server while the lock still holds. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->ui.window), "win.cancel-opening", NULL);
  g_assert_null (pm_session_get_opening (pm_window_get_session (fixture->ui.window)));
  g_assert_cmpstr (visible_page (fixture), ==, "overview");
  g_assert_true (pm_window_get_store (fixture->ui.window) == store);
  gui_test_wait_until (no_connection, fixture);
  pg_test_run (fixture->locker, "COMMIT;");

  gui_test_drain ();
  g_assert_true (pm_window_get_store (fixture->ui.window) == store);
  g_assert_null (gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
}

static void
test_file_opened_meanwhile (Fixture       *fixture,
                            gconstpointer  data)
{
  if (pg_test_skip_without_server ())
    return;

  gui_test_window_open (&fixture->ui, app, "pm-server-open", 1200, 800);
  open_while_locked (fixture, fixture->uri);

  /* A file opened while the server loads wins: the load is cancelled. */
  g_assert_true (pm_window_open_database (fixture->ui.window, fixture->ui.path));
  g_assert_null (pm_session_get_opening (pm_window_get_session (fixture->ui.window)));
  gui_test_wait_until (gui_test_is_checked, fixture->ui.window);
  gui_test_wait_until (no_connection, fixture);
  pg_test_run (fixture->locker, "COMMIT;");
  gui_test_drain ();
  g_assert_false (pm_store_is_server (pm_window_get_store (fixture->ui.window)));
  g_assert_cmpstr (visible_page (fixture), ==, "overview");
}

static void
test_wrong_password (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *wrong = NULL;
  const char *user = g_getenv ("PM_TEST_PG_USER");
  AdwMessageDialog *dialog;

  if (pg_test_skip_without_server ())
    return;

  fixture->ui.window = g_object_ref_sink (pm_window_new (app));
  gtk_window_set_default_size (GTK_WINDOW (fixture->ui.window), 1200, 800);
  gtk_window_present (GTK_WINDOW (fixture->ui.window));
  gui_test_wait_until (gui_test_is_mapped, fixture->ui.window);

  /* Refused: asked again, saying so, and nothing is open. */
  wrong = pg_test_uri_for_user (fixture->uri, user != NULL ? user : "pm_admin", "not-the-password");
  g_assert_true (pm_window_open_database (fixture->ui.window, wrong));
  gui_test_wait_until (gui_test_is_checked, fixture->ui.window);
  dialog = gui_test_find_toplevel (PM_TYPE_CONNECT_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "password"));
  g_assert_null (pm_window_get_store (fixture->ui.window));
  /* As its Cancel would (the response lets go of the password field). */
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

int
main (int   argc,
      char *argv[])
{
  if (!gui_test_init (&argc, &argv, &app))
    return 0;

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/gui/server-open/loading-then-programme", test_loading_then_programme);
  ADD ("/gui/server-open/cancel", test_cancel);
  ADD ("/gui/server-open/file-opened-meanwhile", test_file_opened_meanwhile);
  ADD ("/gui/server-open/wrong-password", test_wrong_password);
#undef ADD

  return g_test_run ();
}
