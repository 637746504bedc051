/* pm-test-files.h: temporary folders and the files in them
 *
 * Each test makes its own folder under the temporary folder and removes
 * it, whatever is left in it, when it is done.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A new empty folder named "@prefix-XXXXXX" in the temporary folder. */
char     *pm_test_dir_new               (const char  *prefix);
/* Removes @path and, for a folder, all that is in it, however deep,
 * read-only folders included; a symbolic link is removed, never
 * followed. Nothing there is no failure. */
void      pm_test_remove_tree           (const char  *path);

/* A fixture: a folder of the test's own, and the path of a file in it
 * (not made). For g_test_add() the data is the file's name (NULL: no
 * path). */
typedef struct
{
  char *dir;
  char *path;
} PmTestFolder;

void      pm_test_folder_set_up         (PmTestFolder  *folder,
                                         gconstpointer  name);
void      pm_test_folder_tear_down      (PmTestFolder  *folder,
                                         gconstpointer  name);
/* For a tear-down: removes the folder *@dir, if any, as above, frees its
 * name and sets it to NULL. */
void      pm_test_clear_dir             (char         **dir);

/* Replaces @path with @length bytes of @data (-1: @data is text). */
void      pm_test_write_file            (const char  *path,
                                         const void  *data,
                                         gssize       length);
/* Writes @text to a file @name in @dir; returns its path. */
char     *pm_test_write_file_in         (const char  *dir,
                                         const char  *name,
                                         const char  *text);
/* The whole of @path, as bytes or as text. */
GBytes   *pm_test_read_file             (const char  *path);
char     *pm_test_read_text             (const char  *path);
/* @path holds exactly @before. */
void      pm_test_assert_file_unchanged (const char  *path,
                                         GBytes      *before);

/* How many names in @folder start with a dot (the temporary files of a
 * write); each is named in the test's log. */
guint     pm_test_count_hidden          (const char  *folder);
/* A Unix socket at @path, closed: a file no write may go through. */
void      pm_test_make_socket           (const char  *path);

G_END_DECLS
