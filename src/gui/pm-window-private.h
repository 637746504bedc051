/* pm-window-private.h: what the window's own files share
 *
 * Only the window's files include this. Pages and dialogs are given the
 * window's PmSession and reach the window through its actions (win.*);
 * tests read the toast through _pm_window_get_toast().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pm-overview-page.h"
#include "pm-period-selector.h"
#include "pm-pilot-page.h"
#include "pm-session.h"
#include "pm-sidebar.h"
#include "pm-window.h"

G_BEGIN_DECLS

struct _PmWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toasts;
  AdwLeaflet           *leaflet;
  PmSidebar            *sidebar;
  GtkToggleButton      *search_button;
  GtkMenuButton        *primary_menu_button;
  AdwWindowTitle       *window_title;
  PmPeriodSelector     *period_selector;
  GtkStack             *stack;
  AdwStatusPage        *error_page;
  PmOverviewPage       *overview_page;
  PmPilotPage          *pilot_page;
  GMenu                *recent_menu;

  /* Owned references */
  PmSession            *session;
  GSignalGroup         *programme_signals;
  AdwToast             *toast;          /* the latest, while it shows */
  guint                 poll_id;        /* for other people's changes */
};

/* The latest toast, while it shows (for tests). */
AdwToast  *_pm_window_get_toast       (PmWindow      *self);
/* Loads the programme again from the store (someone else changed it),
 * keeping the page, KPI and period shown. */
void       _pm_window_reload          (PmWindow      *self);
/* The district the person is looking at (itself, or a pilot's), if any. */
PmDistrict *_pm_window_get_current_district (PmWindow *self);
/* Shows @location's failure to open: on the error page with no programme
 * open, in a dialog otherwise. */
void       _pm_window_report_open_failure (PmWindow     *self,
                                           const char   *location,
                                           const GError *error);

/* pm-window-actions.c */
/* Writes the district summaries (of the district being looked at, or of
 * all) or the appendix to @file as PDF in a worker thread, with a
 * progress window and Cancel; the outcome is a toast or a dialog. */
void       _pm_window_export_pdf      (PmWindow       *self,
                                       GFile          *file,
                                       gboolean        appendix);
/* Installs the win.* actions of the menus, on the class, and keeps their
 * state: which may be used now, what Open Recent offers. */
void       _pm_window_class_actions_init (GtkWidgetClass *widget_class);
void       _pm_window_actions_init    (PmWindow      *self);
void       _pm_window_update_actions  (PmWindow      *self);
void       _pm_window_update_recent   (PmWindow      *self);

G_END_DECLS
