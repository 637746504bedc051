/* test-load-shown.c: the window on a file, drawn before all its values
 * are read
 *
 * The window reads the values of the period it opens on first and the
 * rest in a worker: it must show the period's values at once, refuse
 * saves until the rest has arrived, and then have every period and
 * narrative, as a whole read would, and save again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "gui-test-util.h"
#include "pm-period-selector.h"
#include "pm-pilot-page.h"
#include "pm-quarter-report.h"
#include "pm-session.h"
#include "pm-window.h"

static PmApplication *app;

/* The KPI at @position in the whole programme. */
static PmKpi *
nth_kpi (PmProgramme *programme,
         guint        position)
{
  g_autoptr(GListModel) kpis = pm_programme_list_kpis (programme);

  return pm_test_item (kpis, position);
}

static void
failed_cb (PmSession    *session,
           const char   *heading,
           const GError *error,
           char        **told)
{
  g_free (*told);
  *told = g_strdup_printf ("%s: %s", heading, error->message);
}

/* What the pilot page's narrative shows as the progress made. */
static char *
progress_shown (PmWindow *window)
{
  GtkWidget *page = gui_test_template_child (window, PM_TYPE_WINDOW, "pilot_page");
  GtkWidget *report = gui_test_template_child (page, PM_TYPE_PILOT_PAGE, "quarter_report");
  GtkWidget *view = gui_test_template_child (report, PM_TYPE_QUARTER_REPORT, "progress_view");
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static guint
n_kpis_of (PmProgramme *programme)
{
  g_autoptr(GListModel) kpis = pm_programme_list_kpis (programme);

  return g_list_model_get_n_items (kpis);
}

static guint
n_entries (PmKpi *kpi)
{
  return g_list_model_get_n_items (pm_kpi_get_entries (kpi));
}

/* The sample with values for the first KPI in two quarters of 2015/16
 * too, before the quarter the window opens on. */
static void
test_shown_then_rest (void)
{
  g_autofree char *path = NULL;
  g_autofree char *dir = gui_test_make_sample_database ("pm-load-shown", &path);
  g_autoptr(PmPeriod) early = pm_test_period ("FY2015-Q1");
  g_autoptr(PmPeriod) later = pm_test_period ("FY2015-Q2");
  g_autoptr(PmProgramme) whole = NULL;
  g_autoptr(PmProgressEntry) entry = NULL;
  g_autoptr(PmWindow) window = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *told = NULL;
  g_autofree char *progress = NULL;
  PmNarrative *narrative;
  PmPilot *pilot;
  gulong failed_id;
  PmPeriodSelector *selector;
  PmProgramme *programme;
  PmPeriod *period;
  PmStore *store;
  guint n_kpis;

  {
    g_autoptr(PmStore) writer = pm_test_store_open (path, PM_STORE_OPEN_DEFAULT);
    g_autoptr(PmProgramme) loaded = pm_test_store_load (writer);

    pm_test_set_value (writer, nth_kpi (loaded, 0), early, 11, NULL);
    pm_test_set_value (writer, nth_kpi (loaded, 0), later, 12, "restated");
  }
  whole = pm_test_store_read (path, PM_STORE_OPEN_READ_ONLY);

  window = g_object_ref_sink (pm_window_new (app));
  g_assert_true (pm_window_open_database (window, path));
  store = pm_window_get_store (window);
  programme = pm_window_get_programme (window);
  period = pm_session_get_period (pm_window_get_session (window));
  selector = PM_PERIOD_SELECTOR (gui_test_template_child (window, PM_TYPE_WINDOW, "period_selector"));

  /* At once: every KPI with its value at the period shown, as a whole
   * read has it; the earlier quarters not yet, and no save. */
  g_assert_true (pm_store_rest_pending (store));
  n_kpis = n_kpis_of (whole);
  g_assert_cmpuint (n_kpis_of (programme), ==, n_kpis);
  for (guint i = 0; i < n_kpis; i++)
    {
      PmProgressEntry *mine = pm_kpi_get_entry_at (nth_kpi (programme, i), period);
      PmProgressEntry *theirs = pm_kpi_get_entry_at (nth_kpi (whole, i), period);

      g_assert_true ((mine == NULL) == (theirs == NULL));
      if (mine != NULL && pm_progress_entry_has_value (theirs))
        g_assert_cmpfloat (pm_progress_entry_get_value (mine), ==, pm_progress_entry_get_value (theirs));
    }
  g_assert_null (pm_kpi_get_entry (nth_kpi (programme, 0), early));
  g_assert_false (pm_period_selector_has_values (selector, early));

  /* The narratives come with the rest: the first pilot's page shows
   * none yet, though the file has one for the period. */
  narrative = pm_pilot_get_narrative (pm_kpi_get_pilot (nth_kpi (whole, 0)), period);
  g_assert_nonnull (narrative);
  g_assert_cmpstr (pm_narrative_get_progress (narrative), !=, "");
  pilot = pm_kpi_get_pilot (nth_kpi (programme, 0));
  g_assert_null (pm_pilot_get_narrative (pilot, period));
  pm_pilot_page_set_pilot (PM_PILOT_PAGE (gui_test_template_child (window, PM_TYPE_WINDOW, "pilot_page")), pilot);
  progress = progress_shown (window);
  g_assert_cmpstr (progress, ==, "");
  g_clear_pointer (&progress, g_free);

  entry = pm_progress_entry_new (later);
  pm_progress_entry_set_value (entry, 13);
  g_assert_false (pm_store_save_entry (store, nth_kpi (programme, 0), entry, &error));
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_LOCKED);
  g_clear_error (&error);

  /* Printing would print a history with holes: refused, saying why. */
  failed_id = g_signal_connect (pm_window_get_session (window), "failed", G_CALLBACK (failed_cb), &told);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.print", NULL));
  g_assert_cmpstr (told, ==, "Could Not Print: “sample.db” is still being loaded. Try again in a moment.");

  gtk_window_present (GTK_WINDOW (window));
  gui_test_wait_until (gui_test_is_mapped, window);

  /* Once the rest is in: every value of every KPI, the earlier quarters
   * in the period list, and saves again. */
  gui_test_wait_until (gui_test_is_checked, window);
  g_assert_true (pm_window_get_programme (window) == programme);
  for (guint i = 0; i < n_kpis; i++)
    g_assert_cmpuint (n_entries (nth_kpi (programme, i)), ==, n_entries (nth_kpi (whole, i)));
  g_assert_cmpfloat (pm_progress_entry_get_value (pm_kpi_get_entry (nth_kpi (programme, 0), early)), ==, 11);
  g_assert_true (pm_period_selector_has_values (selector, early));
  g_assert_true (pm_period_selector_has_values (selector, later));
  progress = progress_shown (window);
  g_assert_cmpstr (progress, ==, pm_narrative_get_progress (narrative));

  g_assert_true (pm_store_save_entry (store, nth_kpi (programme, 0), entry, &error));
  g_assert_no_error (error);
  g_clear_object (&whole);
  whole = pm_test_store_read (path, PM_STORE_OPEN_READ_ONLY);
  g_assert_cmpfloat (pm_progress_entry_get_value (pm_kpi_get_entry (nth_kpi (whole, 0), later)), ==, 13);

  g_clear_signal_handler (&failed_id, pm_window_get_session (window));
  gtk_window_destroy (GTK_WINDOW (window));
  gui_test_drain ();
  pm_test_clear_dir (&dir);
}

/* The file opened and read in a thread of its own while the window is
 * built (as the application does at start-up): the window then shows
 * what pm_window_open_database() would, at the period last picked on
 * the file, and reads the rest as it would. */
static void
test_prefetched (void)
{
  g_autofree char *path = NULL;
  g_autofree char *dir = gui_test_make_sample_database ("pm-load-prefetched", &path);
  g_autofree char *kept = pm_store_location_to_keep (path);
  g_autoptr(PmPeriod) later = pm_test_period ("FY2015-Q2");
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(PmProgramme) whole = NULL;
  g_autoptr(PmWindow) window = NULL;
  g_autoptr(PmWindow) plain = NULL;
  g_autoptr(PmSessionPrefetch) prefetch = NULL;
  PmProgramme *programme;
  guint n_kpis;

  {
    g_autoptr(PmStore) writer = pm_test_store_open (path, PM_STORE_OPEN_DEFAULT);
    g_autoptr(PmProgramme) loaded = pm_test_store_load (writer);

    pm_test_set_value (writer, nth_kpi (loaded, 0), later, 12, "restated");
  }
  whole = pm_test_store_read (path, PM_STORE_OPEN_READ_ONLY);
  g_settings_set_value (settings, "database-periods", g_variant_new_parsed ("{%s: 'FY2015-Q2'}", kept));

  prefetch = pm_session_prefetch_new (settings, path, PM_WINDOW_OPEN_FLAGS);
  g_assert_nonnull (prefetch);
  g_assert_cmpstr (pm_session_prefetch_get_location (prefetch), ==, path);
  window = g_object_ref_sink (pm_window_new (app));
  g_assert_true (pm_window_open_prefetched (window, prefetch));
  programme = pm_window_get_programme (window);

  /* The period remembered, its values read first, the rest to come. */
  g_assert_true (pm_period_equal (pm_session_get_period (pm_window_get_session (window)), later));
  g_assert_true (pm_store_rest_pending (pm_window_get_store (window)));
  g_assert_cmpfloat (pm_progress_entry_get_value (pm_kpi_get_entry (nth_kpi (programme, 0), later)), ==, 12);
  g_assert_cmpstr (pm_store_get_path (pm_window_get_store (window)), ==, path);

  /* As the window opening it itself has it. */
  plain = g_object_ref_sink (pm_window_new (app));
  g_assert_true (pm_window_open_database (plain, path));
  g_assert_true (pm_period_equal (pm_session_get_period (pm_window_get_session (plain)),
                                  pm_session_get_period (pm_window_get_session (window))));
  n_kpis = n_kpis_of (whole);
  g_assert_cmpuint (n_kpis_of (programme), ==, n_kpis);
  g_assert_cmpuint (n_kpis_of (pm_window_get_programme (plain)), ==, n_kpis);

  /* Then the rest, as a whole read has it. */
  gui_test_wait_until (gui_test_is_checked, window);
  gui_test_wait_until (gui_test_is_checked, plain);
  g_assert_true (pm_window_get_programme (window) == programme);
  for (guint i = 0; i < n_kpis; i++)
    g_assert_cmpuint (n_entries (nth_kpi (programme, i)), ==, n_entries (nth_kpi (whole, i)));

  gtk_window_destroy (GTK_WINDOW (window));
  gtk_window_destroy (GTK_WINDOW (plain));
  gui_test_drain ();
  g_settings_reset (settings, "database-periods");
  pm_test_clear_dir (&dir);
}

/* A file that is not a database fails as it does opened by the window,
 * the window keeping nothing; a prefetch not used is let go; a server
 * is not read ahead. */
static void
test_prefetched_failures (void)
{
  g_autofree char *dir = pm_test_dir_new ("pm-load-prefetched-bad");
  g_autofree char *bad = g_build_filename (dir, "notes.db", NULL);
  g_autofree char *path = pm_test_sample_database (dir, "sample.db");
  g_autoptr(PmSessionPrefetch) prefetch = NULL;
  g_autoptr(PmWindow) window = NULL;
  g_autoptr(PmWindow) plain = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (bad, "Minutes of the committee, not a database. "
                                     "Minutes of the committee, not a database.\n", -1, &error));
  g_assert_no_error (error);

  prefetch = pm_session_prefetch_new (NULL, bad, PM_WINDOW_OPEN_FLAGS);
  g_assert_nonnull (prefetch);
  window = g_object_ref_sink (pm_window_new (app));
  g_assert_false (pm_window_open_prefetched (window, prefetch));
  g_assert_null (pm_window_get_store (window));
  g_assert_null (pm_window_get_programme (window));
  plain = g_object_ref_sink (pm_window_new (app));
  g_assert_false (pm_window_open_database (plain, bad));
  g_assert_null (pm_window_get_store (plain));
  g_clear_pointer (&prefetch, pm_session_prefetch_free);

  /* Let go unused (the window was asked for another file): the file is
   * closed, and opens as ever. */
  prefetch = pm_session_prefetch_new (NULL, path, PM_WINDOW_OPEN_FLAGS);
  g_clear_pointer (&prefetch, pm_session_prefetch_free);
  g_assert_true (pm_window_open_database (plain, path));
  gui_test_wait_until (gui_test_is_checked, plain);
  g_assert_nonnull (pm_window_get_programme (plain));

  /* With no period remembered, the one due, as the window finds it. */
  prefetch = pm_session_prefetch_new (NULL, path, PM_WINDOW_OPEN_FLAGS);
  g_assert_true (pm_window_open_prefetched (window, prefetch));
  g_assert_true (pm_period_equal (pm_session_get_period (pm_window_get_session (window)),
                                  pm_session_get_period (pm_window_get_session (plain))));
  gui_test_wait_until (gui_test_is_checked, window);

  g_assert_null (pm_session_prefetch_new (NULL, "postgresql://localhost/pilot_monitor", PM_WINDOW_OPEN_FLAGS));

  gtk_window_destroy (GTK_WINDOW (window));
  gtk_window_destroy (GTK_WINDOW (plain));
  gui_test_drain ();
  pm_test_clear_dir (&dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(PmApplication) application = NULL;

  if (!gui_test_init (&argc, &argv, &application))
    return 0;
  app = application;

  g_test_add_func ("/gui/load-shown/shown-then-rest", test_shown_then_rest);
  g_test_add_func ("/gui/load-shown/prefetched", test_prefetched);
  g_test_add_func ("/gui/load-shown/prefetched-failures", test_prefetched_failures);

  return g_test_run ();
}
