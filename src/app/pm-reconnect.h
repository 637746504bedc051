/* pm-reconnect.h: trying a lost connection again, less and less often
 *
 * When a server's connection is lost, the window tries it again after 1
 * second, then 2, 4, 8, 16 and every 30 seconds after that, counting the
 * seconds down for the banner that says so; "Retry now" tries at once.
 * What a try does is the "retry" signal's: its handler connects again
 * (and saves what was waiting) and returns TRUE when it could. GTK-free.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define PM_RECONNECT_MAX_DELAY 30

#define PM_TYPE_RECONNECT (pm_reconnect_get_type ())
G_DECLARE_FINAL_TYPE (PmReconnect, pm_reconnect, PM, RECONNECT, GObject)

/* Properties (read-only): "waiting" (TRUE from the loss until a try
 * succeeds), "seconds-left" (until the next try), "delay" (the seconds
 * between the last try and the next).
 *
 * Signal: gboolean "retry" (): try now; TRUE when connected again. */
PmReconnect *pm_reconnect_new              (void);

/* The connection was lost: waits one second, then tries. Nothing more
 * when already waiting. */
void         pm_reconnect_start            (PmReconnect *self);
/* Tries at once; on failure waits twice as long as last time (at most
 * PM_RECONNECT_MAX_DELAY). */
void         pm_reconnect_retry_now        (PmReconnect *self);
/* Stops waiting (another database was opened). */
void         pm_reconnect_stop             (PmReconnect *self);

gboolean     pm_reconnect_get_waiting      (PmReconnect *self);
guint        pm_reconnect_get_seconds_left (PmReconnect *self);
guint        pm_reconnect_get_delay        (PmReconnect *self);

/* The wait after one of @delay seconds failed: 1, 2, 4 … 30. */
guint        pm_reconnect_next_delay       (guint        delay);

G_END_DECLS
