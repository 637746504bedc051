/* pm-window-private.h: what the window's own files share
 *
 * Only the window's files include this (pm-window.c and the
 * pm-window-*.c it is split into). Pages and dialogs are given the
 * window's PmSession and reach the window through its actions (win.*).
 * The widget tests use it too: to read the toast, to reload as the poll
 * would, and to export a PDF without the file chooser.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pm-overview-page.h"
#include "pm-people-page.h"
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
  GtkWidget            *print_button;
  GtkWidget            *people_button;   /* the office's, on a server */
  GtkStack             *stack;
  AdwStatusPage        *error_page;
  PmOverviewPage       *overview_page;
  PmPilotPage          *pilot_page;
  PmPeoplePage         *people_page;
  GMenu                *recent_menu;

  /* Owned references */
  PmSession            *session;
  GSignalGroup         *programme_signals;
  GSignalGroup         *store_signals;  /* a server's changed-elsewhere */
  AdwToast             *toast;          /* the latest, while it shows */
  /* pm-window-actions.c: what could not be read, while its toast shows */
  AdwToast             *read_toast;
  char                 *read_heading;
  GError               *read_error;
  guint                 poll_id;        /* a file's: for other people's changes */
  /* pm-window-server.c: the page a server's opening covers (interned). */
  AdwStatusPage        *opening_page;
  GtkSpinner           *opening_spinner;
  const char           *page_before_opening;
};

/* The latest toast, while it shows (for tests). */
AdwToast  *_pm_window_get_toast       (PmWindow      *self);
/* Shows @toast (floating: taken), in place of the last. */
void       _pm_window_show_toast      (PmWindow      *self,
                                       AdwToast      *toast);
/* Loads the programme again from the store (someone else changed it),
 * keeping the page, KPI and period shown. */
void       _pm_window_reload          (PmWindow      *self);
/* Reloads if the store has others' changes, unless one of the window's
 * dialogs is open (what the file's poll and coming to the front do). */
void       _pm_window_check_for_changes (PmWindow    *self);
/* The district the person is looking at (itself, or a pilot's), if any. */
PmDistrict *_pm_window_get_current_district (PmWindow *self);
/* Shows @location's failure to open: on the error page with no programme
 * open, in a dialog otherwise. */
void       _pm_window_report_open_failure (PmWindow     *self,
                                           const char   *location,
                                           const GError *error);

/* pm-window-actions.c: installs every win.* action (with each file's
 * below), and keeps their state: which may be used now, what Open Recent
 * offers. */
void       _pm_window_class_actions_init   (GtkWidgetClass *widget_class);
void       _pm_window_actions_init         (PmWindow       *self);
void       _pm_window_update_actions       (PmWindow       *self);
/* The session's "read-failed": a toast naming what could not be read,
 * with Details; the same heading again is not repeated while it shows. */
void       _pm_window_show_read_failure    (PmWindow       *self,
                                            const char     *heading,
                                            const GError   *error);
void       _pm_window_update_recent        (PmWindow       *self);
/* Asks the person's name for the changes they save (into preferences). */
void       _pm_window_ask_author           (PmWindow       *self);

/* pm-window-files.c */
void       _pm_window_class_init_files     (GtkWidgetClass *widget_class);
/* Writes the programme to @file as a programme file. */
void       _pm_window_export_programme_file (PmWindow      *self,
                                             GFile         *file);

typedef enum
{
  FILE_KIND_DATABASE,
  FILE_KIND_PROGRAMME,
  FILE_KIND_PDF,
  FILE_KIND_CSV,
  FILE_KIND_XLSX,
} FileKind;

typedef void (*ChosenFunc) (PmWindow *self,
                            GFile    *file,
                            gpointer  data);

/* Asks for a file with a native chooser, starting beside the open
 * database; @func runs only if one is chosen, then @destroy frees @data. */
void       _pm_window_choose_file          (PmWindow             *self,
                                            const char           *title,
                                            GtkFileChooserAction  action,
                                            const char           *accept_label,
                                            const char           *suggested_name,
                                            FileKind              kind,
                                            ChosenFunc            func,
                                            gpointer              data,
                                            GDestroyNotify        destroy);
void       _pm_window_add_filter           (GtkFileChooser       *chooser,
                                            const char           *name,
                                            const char           *pattern,
                                            const char           *mime_type);

/* Explains @error in a dialog headed @format with @file's name for its
 * %s. A macro, so that each heading stays a literal the compiler can
 * check. */
#define _pm_window_report_file_error(self, format, file, error)            \
  G_STMT_START {                                                          \
    g_autofree char *basename_ = g_file_get_basename (file);              \
    g_autofree char *heading_ = g_strdup_printf (format, basename_);      \
    pm_session_report_failure ((self)->session, heading_, (error));       \
  } G_STMT_END

/* pm-window-server.c: opens the server at @location (with @password,
 * which may be NULL) in a worker, showing it on the "opening" page with
 * a Cancel (win.cancel-opening); a password wanted or refused asks for
 * it (pm-connect-dialog.h), any other failure is reported as an open's. */
void       _pm_window_class_init_server    (GtkWidgetClass   *widget_class);
void       _pm_window_server_init          (PmWindow         *self);
void       _pm_window_open_server          (PmWindow         *self,
                                            const char       *location,
                                            const char       *password,
                                            PmStoreOpenFlags  flags);

/* pm-window-returns.c */
void       _pm_window_class_init_returns   (GtkWidgetClass *widget_class);
/* Writes @district's return for @period to @file, signed with the
 * person's key; TRUE, and the key's fingerprint in @fingerprint, or
 * FALSE with @error. */
gboolean   _pm_window_save_return          (PmWindow       *self,
                                            PmDistrict     *district,
                                            PmPeriod       *period,
                                            GFile          *file,
                                            char          **fingerprint,
                                            GError        **error);

/* pm-window-export.c */
void       _pm_window_class_init_export    (GtkWidgetClass *widget_class);
/* Writes the district summaries (of @district, or of all for NULL) or
 * the appendix for @period to @file as PDF in a worker thread, with a
 * progress window and Cancel; the outcome is a toast (with Open) or a
 * dialog. */
void       _pm_window_export_pdf           (PmWindow       *self,
                                            GFile          *file,
                                            gboolean        appendix,
                                            PmDistrict     *district,
                                            PmPeriod       *period);
/* Says @file was written in a toast with "Open". */
void       _pm_window_report_exported      (PmWindow       *self,
                                            GFile          *file,
                                            const char     *message);

/* pm-window-structure.c */
void       _pm_window_class_init_structure (GtkWidgetClass *widget_class);

G_END_DECLS
