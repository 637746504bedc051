/* pm-test-files.c: temporary folders and the files in them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "pm-test-files.h"

#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <glib/gstdio.h>

char *
pm_test_dir_new (const char *prefix)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *template = g_strconcat (prefix, "-XXXXXX", NULL);
  char *dir = g_dir_make_tmp (template, &error);

  g_assert_no_error (error);
  return dir;
}

void
pm_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;
  GStatBuf st;

  if (g_lstat (path, &st) != 0)
    return;

  if (!S_ISDIR (st.st_mode))
    {
      g_unlink (path);
      return;
    }

  /* A test may have left it read-only. */
  g_chmod (path, 0700);
  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      pm_test_remove_tree (child);
    }
  g_rmdir (path);
}

void
pm_test_clear_dir (char **dir)
{
  if (*dir != NULL)
    pm_test_remove_tree (*dir);
  g_clear_pointer (dir, g_free);
}

void
pm_test_folder_set_up (PmTestFolder  *folder,
                       gconstpointer  name)
{
  g_autofree char *prefix = g_path_get_basename (g_get_prgname ());

  folder->dir = pm_test_dir_new (prefix);
  folder->path = name != NULL ? g_build_filename (folder->dir, name, NULL) : NULL;
}

void
pm_test_folder_tear_down (PmTestFolder  *folder,
                          gconstpointer  name)
{
  pm_test_clear_dir (&folder->dir);
  g_clear_pointer (&folder->path, g_free);
}

void
pm_test_write_file (const char *path,
                    const void *data,
                    gssize      length)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, data, length, &error));
  g_assert_no_error (error);
}

char *
pm_test_write_file_in (const char *dir,
                       const char *name,
                       const char *text)
{
  char *path = g_build_filename (dir, name, NULL);

  pm_test_write_file (path, text, -1);
  return path;
}

GBytes *
pm_test_read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

char *
pm_test_read_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  return contents;
}

void
pm_test_assert_file_unchanged (const char *path,
                               GBytes     *before)
{
  g_autoptr(GBytes) after = pm_test_read_file (path);

  g_assert_cmpuint (g_bytes_get_size (after), ==, g_bytes_get_size (before));
  g_assert_true (g_bytes_equal (after, before));
}

guint
pm_test_count_hidden (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (name[0] == '.')
        {
          g_test_message ("“%s” was left in %s", name, folder);
          n++;
        }
    }

  return n;
}

void
pm_test_make_socket (const char *path)
{
  struct sockaddr_un address = { .sun_family = AF_UNIX };
  int fd = socket (AF_UNIX, SOCK_STREAM, 0);

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpuint (strlen (path), <, sizeof address.sun_path);
  strcpy (address.sun_path, path);
  g_assert_cmpint (bind (fd, (struct sockaddr *) &address, sizeof address), ==, 0);
  close (fd);
}
