/* test-disconnect.c: the server goes away while a value is being typed
 * (needs a display and PostgreSQL)
 *
 * The window on a private throwaway server of this test's own
 * (build-aux/pg-test-server.sh), which it stops and starts again: never
 * the shared test server. The value typed when the server went stays in
 * its field, not marked saved; a banner says the connection is lost and
 * when the next try is, trying less and less often; once the server is
 * back, Retry Now saves the value, or says that someone else saved
 * first. On the server the window is told of others' saves, and of the
 * server going, at once rather than at its next look.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "gui-test-util.h"
#include "pg-test-util.h"
#include "pm-connection-banner.h"
#include "pm-kpi-table.h"
#include "pm-pilot-page.h"
#include "pm-window-private.h"

#define CANNOCK "Cannock Chase"
#define WCFC "WCFC to work with 75"

static PmApplication *app;

typedef struct
{
  PgTestServer  *server;
  GuiTestWindow  ui;
  char          *failed_heading;
  GPtrArray     *saved_messages;   /* every one, oldest first */
} Fixture;

/* What the session said was saved: the window shows it as a toast, which
 * under valgrind may have timed out before the test looks. All are kept:
 * back on line, the window also reloads (it may have missed others'
 * changes) and says so, whenever its next check comes. */
static void
saved_cb (Fixture    *fixture,
          const char *message,
          gpointer    undo)
{
  if (fixture->saved_messages == NULL)
    fixture->saved_messages = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (fixture->saved_messages, g_strdup (message));
}

static gboolean
was_said_saved (Fixture    *fixture,
                const char *message)
{
  return fixture->saved_messages != NULL &&
         g_ptr_array_find_with_equal_func (fixture->saved_messages, message, g_str_equal, NULL);
}

static void
failed_cb (Fixture      *fixture,
           const char   *heading,
           const GError *error)
{
  g_free (fixture->failed_heading);
  fixture->failed_heading = g_strdup (heading);
}

/* FALSE (the test skipped) without PostgreSQL. */
static gboolean
open_on_server (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PmProgramme) sample = NULL;

  fixture->server = pg_test_server_start (&error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      g_test_skip (error->message);
      return FALSE;
    }
  g_assert_no_error (error);

  sample = pm_test_sample_load ();
  pm_test_store_create (pg_test_server_get_uri (fixture->server), sample);

  fixture->ui.window = g_object_ref_sink (pm_window_new (app));
  g_assert_true (pm_window_open_database (fixture->ui.window, pg_test_server_get_uri (fixture->server)));
  gui_test_wait_until (gui_test_is_checked, fixture->ui.window);
  gtk_window_present (GTK_WINDOW (fixture->ui.window));
  gui_test_wait_until (gui_test_is_mapped, fixture->ui.window);
  g_signal_connect_swapped (pm_window_get_session (fixture->ui.window), "failed",
                            G_CALLBACK (failed_cb), fixture);
  g_signal_connect_swapped (pm_window_get_session (fixture->ui.window), "saved",
                            G_CALLBACK (saved_cb), fixture);

  gui_test_select_pilot (&fixture->ui, CANNOCK);
  gui_test_select_period (&fixture->ui, 2016, 4);
  gui_test_select_kpi (&fixture->ui, WCFC);
  return TRUE;
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWindow *dialog;

  while ((dialog = gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG)) != NULL)
    gtk_window_destroy (dialog);
  if (fixture->ui.window != NULL)
    {
      gtk_window_destroy (GTK_WINDOW (fixture->ui.window));
      g_clear_object (&fixture->ui.window);
      gui_test_drain ();
    }
  g_clear_pointer (&fixture->server, pg_test_server_free);
  g_clear_pointer (&fixture->failed_heading, g_free);
  g_clear_pointer (&fixture->saved_messages, g_ptr_array_unref);
}

static GtkWidget *
table_child (Fixture    *fixture,
             const char *name)
{
  return gui_test_template_child (gui_test_kpi_table (&fixture->ui), PM_TYPE_KPI_TABLE, name);
}

/* A server's save is told from the main loop once its worker is done. */
static gboolean
is_pending (gpointer data)
{
  return pm_session_has_pending_entry (PM_SESSION (data));
}

static PmConnectionBanner *
banner (Fixture *fixture)
{
  GtkWidget *found = gui_test_find_descendant (GTK_WIDGET (fixture->ui.window),
                                               PM_TYPE_CONNECTION_BANNER, NULL);

  g_assert_nonnull (found);
  return PM_CONNECTION_BANNER (found);
}

static PmKpi *
selected_kpi (Fixture *fixture)
{
  return pm_kpi_table_get_selected_kpi (PM_KPI_TABLE (gui_test_kpi_table (&fixture->ui)));
}

static double
value_held (Fixture *fixture)
{
  g_autoptr(PmPeriod) q4 = pm_period_new (2016, 4);
  PmProgressEntry *entry = pm_kpi_get_entry (selected_kpi (fixture), q4);

  return entry != NULL && pm_progress_entry_has_value (entry) ? pm_progress_entry_get_value (entry) : -1;
}

typedef struct
{
  PmReconnect *reconnect;
  guint        delay;
} Waiting;

static gboolean
waited_longer (gpointer data)
{
  Waiting *waiting = data;

  return pm_reconnect_get_delay (waiting->reconnect) > waiting->delay;
}

/* "Connection to the server lost. Retrying in N s…" with N no more than
 * the wait between tries. */
static void
assert_banner_counts_down (Fixture *fixture,
                           guint    delay)
{
  const char *text = pm_connection_banner_get_text (banner (fixture));
  const char *start = "Connection to the server lost. Retrying in ";
  guint64 seconds = 0;
  char *end = NULL;

  g_assert_true (pm_connection_banner_is_shown (banner (fixture)));
  g_assert_true (g_str_has_prefix (text, start));
  seconds = g_ascii_strtoull (text + strlen (start), &end, 10);
  g_assert_cmpstr (end, ==, " s…");
  g_assert_cmpuint (seconds, >=, 1);
  g_assert_cmpuint (seconds, <=, delay);
}

static void
retry_now (Fixture *fixture)
{
  GtkWidget *button = gui_test_find_descendant (GTK_WIDGET (banner (fixture)), GTK_TYPE_BUTTON, "banner.retry");

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  gui_test_drain ();
}

/* The server stops under a value being applied: it stays in the field,
 * not saved, under a banner that counts down to the next try and backs
 * off; back, Retry Now saves it and the banner goes. */
static void
test_value_kept_and_saved (Fixture       *fixture,
                           gconstpointer  data)
{
  PmReconnect *reconnect;
  GtkWidget *value_row;
  Waiting waiting;

  if (!open_on_server (fixture))
    return;
  reconnect = pm_session_get_reconnect (pm_window_get_session (fixture->ui.window));
  value_row = table_child (fixture, "value_row");
  g_assert_false (pm_connection_banner_is_shown (banner (fixture)));
  g_assert_cmpfloat (value_held (fixture), !=, 9);

  pg_test_server_pause (fixture->server);
  gui_test_type_value (&fixture->ui, "9");
  gui_test_wait_until (is_pending, pm_window_get_session (fixture->ui.window));

  /* Kept as typed, not shown as saved, no dialog. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (value_row)), ==, "9");
  g_assert_false (gtk_widget_get_visible (table_child (fixture, "saved_label")));
  g_assert_true (gtk_widget_get_visible (table_child (fixture, "value_apply")));
  g_assert_cmpfloat (value_held (fixture), !=, 9);
  g_assert_null (fixture->failed_heading);
  g_assert_null (fixture->saved_messages);
  g_assert_true (pm_session_has_pending_entry (pm_window_get_session (fixture->ui.window)));

  /* The first wait is a second (under a slow build, a try or two may
   * have failed already: then longer). */
  waiting.reconnect = reconnect;
  waiting.delay = pm_reconnect_get_delay (reconnect);
  g_assert_cmpuint (waiting.delay, >=, 1);
  assert_banner_counts_down (fixture, waiting.delay);

  /* A try fails: the next waits twice as long. */
  gui_test_wait_until (waited_longer, &waiting);
  g_assert_cmpuint (pm_reconnect_get_delay (reconnect), ==, waiting.delay * 2);
  assert_banner_counts_down (fixture, waiting.delay * 2);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (value_row)), ==, "9");

  pg_test_server_resume (fixture->server);
  retry_now (fixture);

  g_assert_false (pm_connection_banner_is_shown (banner (fixture)));
  g_assert_false (pm_session_has_pending_entry (pm_window_get_session (fixture->ui.window)));
  g_assert_cmpfloat (value_held (fixture), ==, 9);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (value_row)), ==, "9");
  g_assert_false (gtk_widget_get_visible (table_child (fixture, "value_apply")));
  g_assert_true (was_said_saved (fixture, "Saved for Q4 2016/17"));
  g_assert_null (fixture->failed_heading);

  /* On the server, once. */
  {
    g_autoptr(PmProgramme) stored = pm_test_store_read (pg_test_server_get_uri (fixture->server),
                                                        PM_STORE_OPEN_READ_ONLY);
    PmKpi *kpi = pm_test_find_kpi (stored, CANNOCK, WCFC);
    g_autoptr(PmPeriod) q4 = pm_period_new (2016, 4);

    g_assert_cmpstr (pm_kpi_get_title (kpi), ==, pm_kpi_get_title (selected_kpi (fixture)));
    g_assert_cmpfloat (pm_progress_entry_get_value (pm_kpi_get_entry (kpi, q4)), ==, 9);
    g_assert_cmpint (pm_progress_entry_get_revision (pm_kpi_get_entry (kpi, q4)), ==,
                     pm_progress_entry_get_revision (pm_kpi_get_entry (selected_kpi (fixture), q4)));
  }
}

/* Someone else saves the same value while this window is cut off: back,
 * the window says so, as it does for any such save, and shows theirs. */
static void
test_someone_else_saved_meanwhile (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(PmStore) other = NULL;
  g_autoptr(PmProgramme) theirs = NULL;
  g_autoptr(PmProgressEntry) entry = NULL;
  g_autoptr(PmPeriod) q4 = pm_period_new (2016, 4);
  g_autoptr(GError) error = NULL;
  PmKpi *kpi;

  if (!open_on_server (fixture))
    return;

  pg_test_server_pause (fixture->server);
  gui_test_type_value (&fixture->ui, "9");
  gui_test_wait_until (is_pending, pm_window_get_session (fixture->ui.window));
  g_assert_true (pm_connection_banner_is_shown (banner (fixture)));

  pg_test_server_resume (fixture->server);
  other = pm_test_store_open (pg_test_server_get_uri (fixture->server), PM_STORE_OPEN_DEFAULT);
  pm_store_set_author (other, "Sam Office");
  theirs = pm_test_store_load (other);
  kpi = pm_test_find_kpi (theirs, CANNOCK, WCFC);
  g_assert_cmpstr (pm_kpi_get_title (kpi), ==, pm_kpi_get_title (selected_kpi (fixture)));
  entry = pm_progress_entry_new (q4);
  pm_progress_entry_set_value (entry, 4);
  g_assert_true (pm_store_save_entry (other, kpi, entry, &error));
  g_assert_no_error (error);

  retry_now (fixture);
  g_assert_false (pm_connection_banner_is_shown (banner (fixture)));
  g_assert_cmpstr (fixture->failed_heading, ==, "Someone Else Saved This Value First");
  g_assert_cmpfloat (value_held (fixture), ==, 4);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (table_child (fixture, "value_row"))), ==, "4");
}

/* Runs the main loop until @done, for at most ten seconds: TRUE if done.
 * A window on a server has no timer looking for changes, so only its
 * socket can bring them; the wait is long for a loaded sanitizer run
 * (pm-bench-concurrent times the real delay). */
static gboolean
done_within_ten_seconds (gboolean (*done) (gpointer),
                         gpointer   data)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!done (data))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
    }
  return TRUE;
}

static gboolean
shows_twelve (gpointer data)
{
  Fixture *fixture = data;

  return g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (table_child (fixture, "value_row"))), "12") == 0;
}

static gboolean
banner_shown (gpointer data)
{
  return pm_connection_banner_is_shown (banner (data));
}

/* Someone else saves on the server: the window shows their value at
 * once, told by the server, without waiting to ask; only that value is
 * read, into the objects shown (the programme is not loaded again, so the
 * page, its KPI and anything open on it stay as they were). */
static void
test_told_of_change_elsewhere (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(PmStore) other = NULL;
  g_autoptr(PmProgramme) theirs = NULL;
  g_autoptr(PmProgressEntry) entry = NULL;
  g_autoptr(PmPeriod) q4 = pm_period_new (2016, 4);
  g_autoptr(GError) error = NULL;
  PmProgramme *shown;
  PmKpi *kpi;

  if (!open_on_server (fixture))
    return;
  gui_test_drain ();
  g_assert_false (shows_twelve (fixture));
  shown = pm_window_get_programme (fixture->ui.window);
  kpi = selected_kpi (fixture);
  g_assert_nonnull (shown);
  g_assert_nonnull (kpi);

  other = pm_test_store_open (pg_test_server_get_uri (fixture->server), PM_STORE_OPEN_DEFAULT);
  theirs = pm_test_store_load (other);
  entry = pm_progress_entry_new (q4);
  pm_progress_entry_set_value (entry, 12);
  g_assert_true (pm_store_save_entry (other, pm_test_find_kpi (theirs, CANNOCK, WCFC), entry, &error));
  g_assert_no_error (error);

  g_assert_true (done_within_ten_seconds (shows_twelve, fixture));
  g_assert_cmpfloat (value_held (fixture), ==, 12);
  g_assert_null (fixture->failed_heading);
  g_assert_true (pm_window_get_programme (fixture->ui.window) == shown);
  g_assert_true (selected_kpi (fixture) == kpi);
  g_assert_null (_pm_window_get_toast (fixture->ui.window));
}

/* The server goes while nothing is being typed: the banner says so at
 * once, told by the socket, and the window does not spin on it. */
static void
test_banner_when_server_goes (Fixture       *fixture,
                              gconstpointer  data)
{
  if (!open_on_server (fixture))
    return;
  gui_test_drain ();
  g_assert_false (pm_connection_banner_is_shown (banner (fixture)));

  pg_test_server_pause (fixture->server);
  g_assert_true (done_within_ten_seconds (banner_shown, fixture));
  g_assert_false (pm_store_is_connected (pm_window_get_store (fixture->ui.window)));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  if (!gui_test_init (&argc, &argv, &app))
    return 0;

  g_test_add ("/gui/disconnect/value-kept-and-saved", Fixture, NULL, NULL,
              test_value_kept_and_saved, fixture_tear_down);
  g_test_add ("/gui/disconnect/someone-else-saved-meanwhile", Fixture, NULL, NULL,
              test_someone_else_saved_meanwhile, fixture_tear_down);
  g_test_add ("/gui/disconnect/told-of-change-elsewhere", Fixture, NULL, NULL,
              test_told_of_change_elsewhere, fixture_tear_down);
  g_test_add ("/gui/disconnect/banner-when-server-goes", Fixture, NULL, NULL,
              test_banner_when_server_goes, fixture_tear_down);

  status = g_test_run ();
  g_clear_object (&app);

  return status;
}
