/* test-server-save.c: a value typed in the window on a server is saved
 * without freezing it (needs a display and PostgreSQL)
 *
 * A second connection holds a lock on the progress table (an open
 * transaction with LOCK TABLE … IN ACCESS EXCLUSIVE MODE), so that the
 * save waits on the server for as long as the test wants. Meanwhile the
 * window keeps drawing (the longest gap between ticks of a 10 ms timeout
 * stays short), says "Saving…" and shows the value as saved nowhere:
 * not in the model, no toast. Once the lock goes it is saved, "✓ Saved",
 * with its toast. A value someone else saved first is refused with the
 * dialog, and the field shows theirs. A save under way when the window
 * is closed is still made. Skips without PM_TEST_PG_URI.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gui-test-util.h"
#include "pg-test-util.h"
#include "pm-kpi-table.h"
#include "pm-window-private.h"

#define CANNOCK "Cannock Chase"
#define WCFC "WCFC to work with 75"

static PmApplication *app;

typedef struct
{
  GuiTestWindow  ui;
  char          *uri;
  PGconn        *locker;
  char          *failed_heading;
  GPtrArray     *saved_messages;
} Fixture;

static void
saved_cb (Fixture    *fixture,
          const char *message,
          gpointer    undo)
{
  g_ptr_array_add (fixture->saved_messages, g_strdup (message));
}

static void
failed_cb (Fixture      *fixture,
           const char   *heading,
           const GError *error)
{
  g_free (fixture->failed_heading);
  fixture->failed_heading = g_strdup (heading);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PmProgramme) sample = NULL;

  if (!pg_test_available ())
    return;

  fixture->uri = pg_test_create_database ("pm_gui_save", &error);
  g_assert_no_error (error);
  sample = pm_test_sample_load ();
  pm_test_store_create (fixture->uri, sample);
  fixture->locker = PQconnectdb (fixture->uri);
  g_assert_cmpint (PQstatus (fixture->locker), ==, CONNECTION_OK);
  fixture->saved_messages = g_ptr_array_new_with_free_func (g_free);

  fixture->ui.window = g_object_ref_sink (pm_window_new (app));
  g_assert_true (pm_window_open_database (fixture->ui.window, fixture->uri));
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
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GtkWindow *dialog;

  while ((dialog = gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG)) != NULL)
    gtk_window_destroy (dialog);
  if (fixture->ui.window != NULL)
    {
      gtk_window_destroy (GTK_WINDOW (fixture->ui.window));
      g_clear_object (&fixture->ui.window);
      gui_test_drain ();
    }
  g_clear_pointer (&fixture->locker, PQfinish);
  if (fixture->uri != NULL)
    {
      g_assert_true (pg_test_drop_database (fixture->uri, &error));
      g_assert_no_error (error);
    }
  g_clear_pointer (&fixture->uri, g_free);
  g_clear_pointer (&fixture->failed_heading, g_free);
  g_clear_pointer (&fixture->saved_messages, g_ptr_array_unref);
}

/* What the server holds for WCFC in 2016 Q4, -1 for nothing. */
static double
stored_value (Fixture *fixture)
{
  g_autoptr(PGconn) conn = PQconnectdb (fixture->uri);
  g_autoptr(PGresult) result = PQexec (conn,
                                       "SELECT p.value FROM progress p JOIN kpi k ON k.id = p.kpi_id "
                                       "WHERE k.title LIKE 'WCFC to work with 75%' AND p.period = 'FY2016-Q4' "
                                       "AND k.pilot_id IN (SELECT p2.id FROM pilot p2 JOIN district d "
                                       "ON d.id = p2.district_id WHERE d.name = 'Cannock Chase')");

  g_assert_cmpint (PQresultStatus (result), ==, PGRES_TUPLES_OK);
  if (PQntuples (result) == 0 || PQgetisnull (result, 0, 0))
    return -1;
  return g_ascii_strtod (PQgetvalue (result, 0, 0), NULL);
}

static GtkWidget *
table_child (Fixture    *fixture,
             const char *name)
{
  return gui_test_template_child (gui_test_kpi_table (&fixture->ui), PM_TYPE_KPI_TABLE, name);
}

static double
value_held (PmKpi *kpi)
{
  g_autoptr(PmPeriod) q4 = pm_period_new (2016, 4);
  PmProgressEntry *entry = pm_kpi_get_entry (kpi, q4);

  return entry != NULL && pm_progress_entry_has_value (entry) ? pm_progress_entry_get_value (entry) : -1;
}

static gboolean
save_waits (gpointer data)
{
  return pg_test_count_lock_waiters (((Fixture *) data)->locker) > 0;
}

static gboolean
was_saved (gpointer data)
{
  Fixture *fixture = data;

  return fixture->saved_messages->len > 0;
}

static gboolean
has_failed (gpointer data)
{
  Fixture *fixture = data;

  return fixture->failed_heading != NULL;
}

static void
test_held_by_lock (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWidget *saved_label;
  PmKpi *kpi;
  double before;
  PgTestGaps gaps = { 0, 0, 0 };
  guint gap_id;

  if (pg_test_skip_without_server ())
    return;

  kpi = pm_kpi_table_get_selected_kpi (PM_KPI_TABLE (gui_test_kpi_table (&fixture->ui)));
  saved_label = table_child (fixture, "saved_label");
  before = value_held (kpi);
  g_assert_cmpfloat (before, !=, 12);

  pg_test_run (fixture->locker, "BEGIN; LOCK TABLE progress IN ACCESS EXCLUSIVE MODE;");
  gui_test_type_value (&fixture->ui, "12");
  gui_test_wait_until (save_waits, fixture);

  /* The window goes on while the server holds the save. */
  gap_id = g_timeout_add (10, pg_test_gaps_tick, &gaps);
  /* A third of a second, and a few ticks (a slow run's may be longer). */
  for (gint64 until = g_get_monotonic_time () + 300000;
       g_get_monotonic_time () < until || gaps.ticks < 3;)
    g_main_context_iteration (NULL, FALSE);
  g_source_remove (gap_id);
  g_test_message ("window held up at most %.0f ms while the save waited", gaps.longest / 1e3);
  /* Under the sanitizers and valgrind (PM_TEST_SLOW) a frame alone is
   * slow: there only that it goes on ticking while the save waits. */
  g_assert_cmpint (gaps.longest, <, (g_getenv ("PM_TEST_SLOW") != NULL ? 2000 : 150) * 1000);

  /* Said to be saving, and saved nowhere yet. */
  g_assert_true (gtk_widget_get_visible (saved_label));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (saved_label)), ==, "Saving…");
  g_assert_cmpfloat (value_held (kpi), ==, before);
  g_assert_cmpuint (fixture->saved_messages->len, ==, 0);
  g_assert_null (_pm_window_get_toast (fixture->ui.window));

  pg_test_run (fixture->locker, "COMMIT;");
  gui_test_wait_until (was_saved, fixture);
  g_assert_cmpstr (g_ptr_array_index (fixture->saved_messages, 0), ==, "Saved for Q4 2016/17");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (saved_label)), ==, "✓ Saved");
  g_assert_true (gtk_widget_get_visible (saved_label));
  g_assert_cmpfloat (value_held (kpi), ==, 12);
  g_assert_cmpfloat (stored_value (fixture), ==, 12);
  g_assert_null (fixture->failed_heading);
}

static void
test_someone_else_first (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PmStore) other = NULL;
  g_autoptr(PmProgramme) programme = NULL;
  g_autoptr(PmProgressEntry) entry = NULL;
  g_autoptr(PmPeriod) q4 = pm_period_new (2016, 4);
  PmKpi *kpi;
  PmKpi *theirs = NULL;
  GListModel *districts;

  if (pg_test_skip_without_server ())
    return;

  /* Sam saves 4 from another connection first. */
  other = pm_store_open (fixture->uri, PM_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  pm_store_set_author (other, "Sam Office");
  programme = pm_store_load (other, &error);
  g_assert_no_error (error);
  districts = pm_programme_get_districts (programme);
  for (guint d = 0; d < g_list_model_get_n_items (districts) && theirs == NULL; d++)
    {
      PmDistrict *district = pm_test_item (districts, d);

      if (g_strcmp0 (pm_district_get_name (district), CANNOCK) != 0)
        continue;
      for (guint k = 0; k < g_list_model_get_n_items (pm_pilot_get_kpis (pm_test_item (pm_district_get_pilots (district), 0))); k++)
        {
          PmKpi *candidate = pm_test_item (pm_pilot_get_kpis (pm_test_item (pm_district_get_pilots (district), 0)), k);

          if (g_str_has_prefix (pm_kpi_get_title (candidate), WCFC))
            theirs = candidate;
        }
    }
  g_assert_nonnull (theirs);
  entry = pm_progress_entry_new (q4);
  pm_progress_entry_set_value (entry, 4);
  g_assert_true (pm_store_save_entry (other, theirs, entry, &error));
  g_assert_no_error (error);

  kpi = pm_kpi_table_get_selected_kpi (PM_KPI_TABLE (gui_test_kpi_table (&fixture->ui)));
  /* Not told yet: the window's look comes later. */
  g_assert_cmpfloat (value_held (kpi), !=, 4);
  gui_test_type_value (&fixture->ui, "9");
  gui_test_wait_until (has_failed, fixture);

  g_assert_cmpstr (fixture->failed_heading, ==, "Someone Else Saved This Value First");
  g_assert_cmpuint (fixture->saved_messages->len, ==, 0);
  g_assert_cmpfloat (value_held (kpi), ==, 4);
  g_assert_cmpfloat (stored_value (fixture), ==, 4);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (table_child (fixture, "value_row"))), ==, "4");
  g_assert_false (gtk_widget_get_visible (table_child (fixture, "saved_label")));
}

static gboolean
is_stored_12 (gpointer data)
{
  return stored_value (data) == 12;
}

static gboolean
is_done_saving (gpointer data)
{
  return !pm_store_is_saving (data);
}

static void
test_closed_while_saving (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(PmSession) session = NULL;
  g_autoptr(PmStore) store = NULL;

  if (pg_test_skip_without_server ())
    return;

  g_assert_cmpfloat (stored_value (fixture), !=, 12);
  pg_test_run (fixture->locker, "BEGIN; LOCK TABLE progress IN ACCESS EXCLUSIVE MODE;");
  gui_test_type_value (&fixture->ui, "12");
  gui_test_wait_until (save_waits, fixture);

  /* The window goes; the save it started does not. */
  session = g_object_ref (pm_window_get_session (fixture->ui.window));
  store = g_object_ref (pm_session_get_store (session));
  gtk_window_destroy (GTK_WINDOW (fixture->ui.window));
  g_clear_object (&fixture->ui.window);
  gui_test_drain ();
  pg_test_run (fixture->locker, "COMMIT;");
  gui_test_wait_until (is_stored_12, fixture);
  /* No window is left to say so. */
  g_assert_null (fixture->failed_heading);

  /* The session hears of its save after the value is stored: not in the
   * next test, to this one's fixture. */
  gui_test_wait_until (is_done_saving, store);
  gui_test_drain ();
  g_signal_handlers_disconnect_by_data (session, fixture);
}

static void
open_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  GError **error = user_data;

  g_assert_false (pm_session_open_finish (PM_SESSION (source), result, error));
  g_assert_nonnull (*error);
}

static gboolean
has_error (gpointer data)
{
  return *(GError **) data != NULL;
}

/* While a value is still being saved, another programme does not replace
 * the one it is saved to (closing its store would drop the save), by
 * either way of opening; the save then completes. */
static void
test_open_while_saving (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) async_error = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *folder = NULL;
  PmSession *session;
  PmStore *store;

  if (pg_test_skip_without_server ())
    return;

  session = pm_window_get_session (fixture->ui.window);

  folder = gui_test_make_sample_database ("pm-test-server-save", &db_path);
  store = pm_session_get_store (session);
  pg_test_run (fixture->locker, "BEGIN; LOCK TABLE progress IN ACCESS EXCLUSIVE MODE;");
  gui_test_type_value (&fixture->ui, "12");
  gui_test_wait_until (save_waits, fixture);

  g_assert_false (pm_session_open (session, db_path, NULL, PM_STORE_OPEN_DEFAULT, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_BUSY);
  g_assert_nonnull (strstr (error->message, "still being saved"));
  pm_session_open_async (session, db_path, NULL, PM_STORE_OPEN_DEFAULT, open_done_cb, &async_error);
  gui_test_wait_until (has_error, &async_error);
  g_assert_error (async_error, G_IO_ERROR, G_IO_ERROR_BUSY);
  g_assert_true (pm_session_get_store (session) == store);

  pg_test_run (fixture->locker, "COMMIT;");
  gui_test_wait_until (was_saved, fixture);
  g_assert_cmpfloat (stored_value (fixture), ==, 12);
  g_assert_true (pm_session_get_store (session) == store);
  g_assert_null (fixture->failed_heading);

  /* Saved, the other programme opens. */
  g_clear_error (&error);
  g_assert_true (pm_session_open (session, db_path, NULL, PM_STORE_OPEN_DEFAULT, &error));
  g_assert_no_error (error);
  g_assert_true (pm_session_get_store (session) != store);
  pm_test_remove_tree (folder);
}

static gboolean
saved_twice (gpointer data)
{
  Fixture *fixture = data;

  return fixture->saved_messages->len > 1;
}

/* Undo clicked while a newer value is still on its way would race it,
 * and one of the two would come back as someone else's change: it is
 * refused with a reason, and works once the value is saved. */
static void
test_undo_while_saving (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkWidget *window;
  GtkWindow *dialog;

  if (pg_test_skip_without_server ())
    return;

  window = GTK_WIDGET (fixture->ui.window);
  gui_test_type_value (&fixture->ui, "12");
  gui_test_wait_until (was_saved, fixture);
  g_assert_cmpfloat (stored_value (fixture), ==, 12);

  pg_test_run (fixture->locker, "BEGIN; LOCK TABLE progress IN ACCESS EXCLUSIVE MODE;");
  gui_test_type_value (&fixture->ui, "13");
  gui_test_wait_until (save_waits, fixture);

  g_assert_true (gtk_widget_activate_action (window, "win.undo", NULL));
  g_assert_cmpstr (fixture->failed_heading, ==, "Could Not Undo");
  dialog = gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "still being saved"));
  gtk_window_destroy (dialog);
  g_clear_pointer (&fixture->failed_heading, g_free);

  pg_test_run (fixture->locker, "COMMIT;");
  gui_test_wait_until (saved_twice, fixture);
  g_assert_cmpfloat (stored_value (fixture), ==, 13);
  /* Our own save is not taken for someone else's. */
  g_assert_null (fixture->failed_heading);

  /* Saved, Undo takes the latest change back. */
  g_assert_true (gtk_widget_activate_action (window, "win.undo", NULL));
  gui_test_drain ();
  g_assert_null (fixture->failed_heading);
  g_assert_cmpfloat (stored_value (fixture), ==, 12);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  if (!gui_test_init (&argc, &argv, &app))
    return 0;

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/gui/server-save/held-by-lock", test_held_by_lock);
  ADD ("/gui/server-save/someone-else-first", test_someone_else_first);
  ADD ("/gui/server-save/closed-while-saving", test_closed_while_saving);
  ADD ("/gui/server-save/open-while-saving", test_open_while_saving);
  ADD ("/gui/server-save/undo-while-saving", test_undo_while_saving);
#undef ADD

  status = g_test_run ();
  g_clear_object (&app);

  return status;
}
