/* pm-window-private.h: what the window's parts share
 *
 * The pages, dialogs and the actions file reach the window through these;
 * tests use them to find the widgets a person would use.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pm-edits.h"
#include "pm-overview-page.h"
#include "pm-period-selector.h"
#include "pm-pilot-page.h"
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
  GSettings            *settings;       /* NULL when the schema is not installed */
  PmStore              *store;
  PmProgramme          *programme;
  AdwToast             *toast;          /* the latest, while it shows */
  PmUndo               *undo;           /* what its Undo button puts back */
  guint                 poll_id;        /* for other people's changes */
};

/* Shows "message" in a toast, with an Undo button when @undo is not NULL
 * (the window takes it). */
void       _pm_window_report_saved    (PmWindow      *self,
                                       const char    *message,
                                       PmUndo        *undo);
/* Explains @error in a dialog headed @heading. */
void       _pm_window_report_error    (PmWindow      *self,
                                       const char    *heading,
                                       const GError  *error);
PmPeriod  *_pm_window_get_period      (PmWindow      *self);
/* Loads the programme again from the store (someone else changed it),
 * keeping the page, KPI and period shown. */
void       _pm_window_reload          (PmWindow      *self);
/* Shows the page for a PmProgramme, PmDistrict or PmPilot, selecting it
 * in the sidebar. */
void       _pm_window_show_item       (PmWindow      *self,
                                       GObject       *item);
/* Shows @kpi's pilot with @kpi selected, ready for its value. */
void       _pm_window_show_kpi        (PmWindow      *self,
                                       PmKpi         *kpi);
/* The pilot or district the person is looking at, if any. */
PmPilot   *_pm_window_get_current_pilot    (PmWindow *self);
PmDistrict *_pm_window_get_current_district (PmWindow *self);
AdwToast  *_pm_window_get_toast       (PmWindow      *self);
/* Runs the undo of the latest toast (the "win.undo" action). */
void       _pm_window_undo            (PmWindow      *self);

/* The name changes are recorded under (NULL when not known). */
char      *_pm_window_get_author      (PmWindow      *self);

/* pm-window-actions.c */
/* Moves @district's current quarter to @state (asking for a comment when
 * it is returned), then shows it; an error is explained in a dialog. */
void       _pm_window_set_signoff     (PmWindow       *self,
                                       PmDistrict     *district,
                                       PmSignoffState  state);
/* Writes the district summaries (of the district being looked at, or of
 * all) or the appendix to @file as PDF in a worker thread, with a
 * progress window and Cancel; the outcome is a toast or a dialog. */
void       _pm_window_export_pdf      (PmWindow       *self,
                                       GFile          *file,
                                       gboolean        appendix);
/* Asks where to save @district's return for the current period. */
void       _pm_window_send_return     (PmWindow      *self,
                                       PmDistrict    *district);
void       _pm_window_install_actions (PmWindow      *self);
void       _pm_window_update_actions  (PmWindow      *self);
void       _pm_window_update_recent   (PmWindow      *self);
/* Opens @path instead of the current database. On failure, with a
 * database open, the error is shown in a dialog and nothing changes;
 * with none, on the error page. */
gboolean   _pm_window_open            (PmWindow      *self,
                                       const char    *path,
                                       PmStoreOpenFlags flags,
                                       GError       **error);
/* The same with a server's password, asked of the user and kept nowhere. */
gboolean   _pm_window_open_with_password (PmWindow        *self,
                                          const char      *path,
                                          const char      *password,
                                          PmStoreOpenFlags flags,
                                          GError         **error);
/* Asks for a server's address (prefilled with @location, may be NULL)
 * and password, and opens it; @problem (may be NULL) says why it asks. */
void       _pm_window_connect         (PmWindow      *self,
                                       const char    *location,
                                       const char    *problem);

G_END_DECLS
