/* gui-test-util.h: what the widget tests share
 *
 * Folders, files and databases of the sample are tests/common's
 * (pm-test-sample.h, included here).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pm-application.h"
#include "pm-test-sample.h"
#include "pm-window.h"

G_BEGIN_DECLS

/* Runs the main loop until @done says so; fails after 20 seconds, or
 * 180 under PM_TEST_SLOW (sanitizers and valgrind). */
void      gui_test_wait_until            (gboolean  (*done) (gpointer),
                                          gpointer    data);
/* For gui_test_wait_until(): TRUE once the widget @data is mapped. */
gboolean  gui_test_is_mapped             (gpointer    data);
/* For gui_test_wait_until(): TRUE once the PmWindow @data is opening no
 * server, its store (if any) has passed or failed the integrity check it
 * opened with, and the values left from its first read have arrived (or
 * failed to). */
gboolean  gui_test_is_checked            (gpointer    data);
/* Runs every main loop source that is ready. */
void      gui_test_drain                 (void);
/* The first toplevel window of @type, or NULL. */
gpointer  gui_test_find_toplevel         (GType       type);
/* A new folder holding "sample.db", a database of the sample programme;
 * returns the folder (to remove with pm_test_remove_tree()), and the
 * database's path in @db_path. */
char     *gui_test_make_sample_database  (const char *prefix,
                                          char      **db_path);
/* For main(): TRUE, with GTK and the test framework set up and @app
 * registered; FALSE, having said "1..0 # SKIP", when there is no display
 * (main() then returns 0). Not G_TEST_OPTION_ISOLATE_DIRS: it hides
 * XDG_DATA_DIRS, and with it the MIME database GTK needs to load its SVG
 * icons; settings stay in memory (GSETTINGS_BACKEND=memory). */
gboolean  gui_test_init                  (int            *argc,
                                          char         ***argv,
                                          PmApplication **app);

/* The real window on a fresh copy of the sample programme, driven as a
 * person would: the fixture of the widget tests. */
typedef struct
{
  char     *dir;
  char     *path;      /* the database */
  PmWindow *window;
} GuiTestWindow;

/* Opens the window for @app (at @width x @height, or its own size for 0)
 * on a new copy of the sample in a folder named from @prefix, and waits
 * until it is shown. */
void       gui_test_window_open      (GuiTestWindow *fixture,
                                      PmApplication *app,
                                      const char    *prefix,
                                      int            width,
                                      int            height);
void       gui_test_window_close     (GuiTestWindow *fixture);
/* A template child of @widget's @type, asserted to be there. */
GtkWidget *gui_test_template_child   (gpointer       widget,
                                      GType          type,
                                      const char    *name);
/* One of the window's own widgets: "sidebar", "stack", "pilot_page"… */
gpointer   gui_test_window_child     (GuiTestWindow *fixture,
                                      const char    *name);
/* The pilot page's headline KPIs, with the value being typed. */
GtkWidget *gui_test_kpi_table        (GuiTestWindow *fixture);
/* The first widget under @widget (itself included) that is a @type and,
 * for an actionable one, bound to @action_name (NULL: any). */
GtkWidget *gui_test_find_descendant  (GtkWidget     *widget,
                                      GType          type,
                                      const char    *action_name);
/* Picks @district_name's first pilot in the sidebar's selection model,
 * as a click would. */
void       gui_test_select_pilot     (GuiTestWindow *fixture,
                                      const char    *district_name);
/* Picks the quarter in the header bar's drop-down. */
void       gui_test_select_period    (GuiTestWindow *fixture,
                                      int            year,
                                      int            quarter);
/* Picks the KPI whose title starts with @title_start in the table's own
 * selection. */
void       gui_test_select_kpi       (GuiTestWindow *fixture,
                                      const char    *title_start);
/* Types @text into the value field and presses Enter in it. */
void       gui_test_type_value       (GuiTestWindow *fixture,
                                      const char    *text);
/* Presses the latest toast's Undo, checking it offers one. */
void       gui_test_activate_undo    (GuiTestWindow *fixture);

G_END_DECLS
