/* test-reconnect.c: trying a lost connection again (no display needed)
 *
 * The waits between tries double from one second up to thirty; a try
 * that fails waits longer, one that succeeds stops the waiting, and
 * nothing is tried while not waiting.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pm-reconnect.h"

static void
test_back_off (void)
{
  const guint expected[] = { 1, 2, 4, 8, 16, 30, 30 };
  guint delay = 0;

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      delay = pm_reconnect_next_delay (delay);
      g_assert_cmpuint (delay, ==, expected[i]);
    }
}

static gboolean
retry_cb (PmReconnect *reconnect,
          gpointer     data)
{
  guint *tries = data;

  (*tries)++;
  /* Back at the third try. */
  return *tries >= 3;
}

static void
test_retries (void)
{
  g_autoptr(PmReconnect) reconnect = pm_reconnect_new ();
  guint tries = 0;

  g_signal_connect (reconnect, "retry", G_CALLBACK (retry_cb), &tries);

  /* Not waiting: nothing to try. */
  pm_reconnect_retry_now (reconnect);
  g_assert_cmpuint (tries, ==, 0);

  pm_reconnect_start (reconnect);
  g_assert_true (pm_reconnect_get_waiting (reconnect));
  g_assert_cmpuint (pm_reconnect_get_seconds_left (reconnect), ==, 1);

  /* Lost again: started once, not restarted. */
  pm_reconnect_start (reconnect);
  g_assert_cmpuint (pm_reconnect_get_delay (reconnect), ==, 1);

  pm_reconnect_retry_now (reconnect);
  g_assert_cmpuint (tries, ==, 1);
  g_assert_true (pm_reconnect_get_waiting (reconnect));
  g_assert_cmpuint (pm_reconnect_get_delay (reconnect), ==, 2);
  g_assert_cmpuint (pm_reconnect_get_seconds_left (reconnect), ==, 2);

  pm_reconnect_retry_now (reconnect);
  g_assert_cmpuint (pm_reconnect_get_delay (reconnect), ==, 4);

  pm_reconnect_retry_now (reconnect);
  g_assert_cmpuint (tries, ==, 3);
  g_assert_false (pm_reconnect_get_waiting (reconnect));
  g_assert_cmpuint (pm_reconnect_get_seconds_left (reconnect), ==, 0);
}

/* The countdown runs on the main loop and tries when it reaches 0. */
static void
test_countdown (void)
{
  g_autoptr(PmReconnect) reconnect = pm_reconnect_new ();
  guint tries = 2;  /* the next try succeeds */
  gint64 give_up = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  g_signal_connect (reconnect, "retry", G_CALLBACK (retry_cb), &tries);
  pm_reconnect_start (reconnect);
  while (pm_reconnect_get_waiting (reconnect))
    {
      g_main_context_iteration (NULL, TRUE);
      g_assert_cmpint (g_get_monotonic_time (), <, give_up);
    }
  g_assert_cmpuint (tries, ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gui/reconnect/back-off", test_back_off);
  g_test_add_func ("/gui/reconnect/retries", test_retries);
  g_test_add_func ("/gui/reconnect/countdown", test_countdown);

  return g_test_run ();
}
