/* pm-progress-window.h: a long task's progress, with Cancel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PM_TYPE_PROGRESS_WINDOW (pm_progress_window_get_type ())
G_DECLARE_FINAL_TYPE (PmProgressWindow, pm_progress_window, PM, PROGRESS_WINDOW, AdwWindow)

/* A modal window over @parent saying @title, with a progress bar and
 * Cancel, which cancels pm_progress_window_get_cancellable(). Closing it
 * cancels too. */
PmProgressWindow *pm_progress_window_new             (GtkWindow        *parent,
                                                      const char       *title);
GCancellable     *pm_progress_window_get_cancellable (PmProgressWindow *self);
/* @text on the bar, e.g. "Page 12 of 2,724". */
void              pm_progress_window_set_progress    (PmProgressWindow *self,
                                                      double            fraction,
                                                      const char       *text);
double            pm_progress_window_get_fraction    (PmProgressWindow *self);

G_END_DECLS
