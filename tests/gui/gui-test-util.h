/* gui-test-util.h: what the widget tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Runs the main loop until @done says so; fails after 20 seconds, or
 * 180 under PM_TEST_SLOW (sanitizers and valgrind). */
void      gui_test_wait_until            (gboolean  (*done) (gpointer),
                                          gpointer    data);
/* For gui_test_wait_until(): TRUE once the widget @data is mapped. */
gboolean  gui_test_is_mapped             (gpointer    data);
/* Runs every main loop source that is ready. */
void      gui_test_drain                 (void);
/* The first toplevel window of @type, or NULL. */
gpointer  gui_test_find_toplevel         (GType       type);
/* A new folder holding "sample.db", a database of the sample programme;
 * returns the folder, and the database's path in @db_path. */
char     *gui_test_make_sample_database  (const char *prefix,
                                          char      **db_path);
/* Removes @dir and the files in it (one level). */
void      gui_test_remove_dir            (const char *dir);

G_END_DECLS
