/* pm-bench-window.c: how quickly the window answers on a programme
 *
 *   pm-bench-window DATABASE [STEPS]
 *
 * Opens the real window (1100×720, the default size) on DATABASE under the
 * display it is given (pm-bench runs it under Xvfb), waits for its first
 * frame and for the main loop to go quiet, then times, each from the
 * request to the end of the frame that shows it:
 *   scroll  the overview moved down by a page, STEPS times;
 *   pilot   a pilot opened from the list, STEPS pilots spread over the
 *           programme (then the overview again, not timed).
 * Prints "scroll P50 P99 MAX" and "pilot P50 P99 MAX" in milliseconds.
 * It writes nothing to the database but the window may (settings are in
 * memory: run with GSETTINGS_BACKEND=memory), so give it a copy.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#include "pm-application.h"
#include "pm-window.h"
#include "store/pm-store.h"

static gboolean painted;

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       data)
{
  painted = TRUE;
}

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1e3;
}

/* Runs the main loop until the next frame of @widget's window has been
 * painted (one is asked for, in case the request changed nothing). */
static void
wait_for_frame (GtkWidget *widget)
{
  painted = FALSE;
  gtk_widget_queue_draw (widget);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
}

/* Runs the main loop until nothing has been ready for @quiet_ms. An idle
 * window that never goes quiet is burning the processor (something ticks
 * every frame): that fails the run rather than hanging it. */
static void
wait_until_quiet (double quiet_ms)
{
  double since = now_ms ();
  double give_up = since + 10000;

  while (now_ms () - since < quiet_ms)
    {
      if (now_ms () > give_up)
        g_error ("the window never went quiet: something runs every frame while it is idle");
      if (g_main_context_iteration (NULL, FALSE))
        since = now_ms ();
      else
        g_usleep (1000);
    }
}

/* The scrolled window of the overview with the most to scroll. */
static GtkScrolledWindow *
find_scroller (GtkWidget *widget,
               double    *most)
{
  GtkScrolledWindow *best = NULL;

  if (GTK_IS_SCROLLED_WINDOW (widget))
    {
      GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (widget));
      double range = gtk_adjustment_get_upper (adj) - gtk_adjustment_get_page_size (adj);

      if (range > *most)
        {
          *most = range;
          best = GTK_SCROLLED_WINDOW (widget);
        }
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkScrolledWindow *found = find_scroller (child, most);

      if (found != NULL)
        best = found;
    }
  return best;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
print_times (const char *what,
             GArray     *times)
{
  if (times->len == 0)
    {
      printf ("%s none\n", what);
      return;
    }
  g_array_sort (times, compare_doubles);
  printf ("%s %.3f %.3f %.3f\n", what,
          g_array_index (times, double, times->len / 2),
          g_array_index (times, double, MIN (times->len - 1, (times->len * 99) / 100)),
          g_array_index (times, double, times->len - 1));
}

static void
time_scrolling (PmWindow *window,
                guint     steps)
{
  GtkWidget *overview = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), PM_TYPE_WINDOW,
                                                                    "overview_page"));
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  double most = 0;
  GtkScrolledWindow *scroller = find_scroller (overview, &most);
  GtkAdjustment *adj;

  if (scroller == NULL)
    g_error ("the overview has nothing to scroll");
  adj = gtk_scrolled_window_get_vadjustment (scroller);
  for (guint i = 0; i < steps; i++)
    {
      double value = gtk_adjustment_get_value (adj) + gtk_adjustment_get_page_size (adj);
      double t0;

      if (value > gtk_adjustment_get_upper (adj) - gtk_adjustment_get_page_size (adj))
        value = 0;
      t0 = now_ms ();
      gtk_adjustment_set_value (adj, value);
      wait_for_frame (GTK_WIDGET (window));
      value = now_ms () - t0;
      g_array_append_val (times, value);
    }
  print_times ("scroll", times);
}

/* Every pilot of the programme, district by district. */
static GPtrArray *
list_pilots (PmProgramme *programme)
{
  GListModel *districts = pm_programme_get_districts (programme);
  GPtrArray *pilots = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint d = 0; d < g_list_model_get_n_items (districts); d++)
    {
      g_autoptr(PmDistrict) district = g_list_model_get_item (districts, d);
      GListModel *list = pm_district_get_pilots (district);

      for (guint p = 0; p < g_list_model_get_n_items (list); p++)
        g_ptr_array_add (pilots, g_list_model_get_item (list, p));
    }
  return pilots;
}

/* Pilots spread over the programme, each a different one from the last
 * (a pilot already shown would cost only a frame). */
static void
time_pilots (PmWindow *window,
             guint     steps)
{
  g_autoptr(GPtrArray) pilots = list_pilots (pm_window_get_programme (window));
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  guint stride = MAX (1, pilots->len / MAX (steps, 1));

  for (guint i = 0; i < steps && pilots->len > 1; i++)
    {
      PmPilot *pilot = g_ptr_array_index (pilots, (i * stride + i / pilots->len) % pilots->len);
      double t0 = now_ms (), elapsed;

      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-pilot", "x", pm_pilot_get_id (pilot));
      wait_for_frame (GTK_WIDGET (window));
      elapsed = now_ms () - t0;
      g_array_append_val (times, elapsed);
      wait_until_quiet (50);
    }
  print_times ("pilot", times);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PmApplication) app = NULL;
  PmWindow *window;
  guint steps = argc > 2 ? (guint) atoi (argv[2]) : 20;

  setlocale (LC_ALL, "");
  if (argc < 2 || steps == 0)
    {
      fprintf (stderr, "usage: pm-bench-window DATABASE [STEPS]\n");
      return 2;
    }
  if (!gtk_init_check ())
    {
      fprintf (stderr, "pm-bench-window: no display\n");
      return 2;
    }

  app = pm_application_new ();
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    g_error ("register: %s", error->message);
  window = g_object_ref_sink (pm_window_new (app));
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  if (!pm_window_open_database (window, argv[1]))
    g_error ("could not open %s", argv[1]);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                    G_CALLBACK (after_paint_cb), NULL);
  wait_for_frame (GTK_WIDGET (window));
  wait_until_quiet (500);
  if (pm_window_get_programme (window) == NULL)
    g_error ("no programme shown from %s", argv[1]);

  time_scrolling (window, steps);
  time_pilots (window, steps);

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
  return 0;
}
