/* pm-window.h: the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pm-application.h"
#include "pm-session.h"

G_BEGIN_DECLS

#define PM_TYPE_WINDOW (pm_window_get_type ())
G_DECLARE_FINAL_TYPE (PmWindow, pm_window, PM, WINDOW, AdwApplicationWindow)

PmWindow    *pm_window_new           (PmApplication *application);
/* Opens @path (creating it when missing) and shows its programme; a file
 * that cannot be opened is reported in the window and nothing changes. */
gboolean     pm_window_open_database (PmWindow      *self,
                                      const char    *path);
/* The flags pm_window_open_database() opens a file with, for
 * pm_session_prefetch_new(). */
#define PM_WINDOW_OPEN_FLAGS (PM_STORE_OPEN_CREATE | PM_STORE_OPEN_CHECK_LATER)
/* The same, with what @prefetch has opened and read meanwhile (see
 * pm_session_prefetch_new()); @prefetch is used up. */
gboolean     pm_window_open_prefetched (PmWindow          *self,
                                        PmSessionPrefetch *prefetch);
/* The window's session (see pm-session.h), and its document. */
PmSession   *pm_window_get_session   (PmWindow      *self);
PmStore     *pm_window_get_store     (PmWindow      *self);
PmProgramme *pm_window_get_programme (PmWindow      *self);

G_END_DECLS
