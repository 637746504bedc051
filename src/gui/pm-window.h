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
/* The window's session (see pm-session.h), and its document. */
PmSession   *pm_window_get_session   (PmWindow      *self);
PmStore     *pm_window_get_store     (PmWindow      *self);
PmProgramme *pm_window_get_programme (PmWindow      *self);

G_END_DECLS
