/* pm-database-file.c: what can be learnt about a database file, and done
 * to it, before sqlite opens it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* renameat2() and RENAME_NOREPLACE */
#define _GNU_SOURCE

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "pm-database-private.h"

static const char sqlite_magic[16] = "SQLite format 3";

void
_pm_file_set_error_from_errno (int          saved_errno,
                               const char  *path,
                               GError     **error)
{
  g_autofree char *name = g_filename_display_basename (path);

  switch (saved_errno)
    {
    case ENOENT:
      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_IO,
                   _("“%s” does not exist."), name);
      break;

    case EACCES:
    case EPERM:
    case EROFS:
      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_READ_ONLY,
                   _("You do not have permission to change “%s” or its folder."), name);
      break;

    case ENOSPC:
    case EDQUOT:
    case EFBIG:
      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_FULL,
                   _("There is no room left to save “%s”: the disk is full."), name);
      break;

    default:
      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_IO,
                   _("Could not open “%s”: %s."), name, g_strerror (saved_errno));
      break;
    }
}

/* A file is read-only to us when we may not write it, and also when it has
 * no write bit at all: root may write anyway, but the owner asked for it to
 * be kept as it is. */
gboolean
_pm_file_is_writable (const char *path)
{
  struct stat st;

  if (g_stat (path, &st) != 0)
    return FALSE;
  if ((st.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) == 0)
    return FALSE;

  return access (path, W_OK) == 0;
}

/* What can be learnt from the first bytes, before sqlite sees the file. */
gboolean
_pm_file_check_header (const char   *path,
                       struct stat  *st,
                       GError      **error)
{
  g_autofree char *display_name = g_filename_display_basename (path);
  guint8 header[100];
  gssize n_read;
  guint page_size;
  int fd;

  if (!S_ISREG (st->st_mode))
    {
      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a Pilot Monitor database."), display_name);
      return FALSE;
    }

  if (st->st_size == 0)
    {
      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is empty: it is not a Pilot Monitor database."),
                   display_name);
      return FALSE;
    }

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      _pm_file_set_error_from_errno (errno, path, error);
      return FALSE;
    }

  do
    n_read = read (fd, header, sizeof header);
  while (n_read < 0 && errno == EINTR);

  if (n_read < 0)
    {
      int saved_errno = errno;

      close (fd);
      _pm_file_set_error_from_errno (saved_errno, path, error);
      return FALSE;
    }
  close (fd);

  if (n_read < (gssize) sizeof sqlite_magic
      || memcmp (header, sqlite_magic, sizeof sqlite_magic) != 0)
    {
      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a Pilot Monitor database."), display_name);
      return FALSE;
    }

  /* sqlite writes whole pages, so a file that is not a whole number of
   * pages has been cut short (a copy that did not finish). */
  page_size = n_read == (gssize) sizeof header ? (guint) ((header[16] << 8) | header[17]) : 0;
  if (page_size == 1)
    page_size = 65536;
  if (page_size < 512 || st->st_size < (goffset) page_size
      || st->st_size % (goffset) page_size != 0)
    {
      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is incomplete: the file has been cut short, perhaps by a copy "
                     "that did not finish."),
                   display_name);
      return FALSE;
    }

  return TRUE;
}

/* Mode 0600 whatever the umask: the file holds a council's programme. */
gboolean
_pm_file_create_private (const char  *path,
                         GError     **error)
{
  int fd;

  fd = g_open (path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;

      if (saved_errno == EEXIST)
        {
          g_autofree char *name = g_filename_display_basename (path);

          g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_INVALID,
                       _("“%s” already exists."), name);
        }
      else
        {
          _pm_file_set_error_from_errno (saved_errno, path, error);
        }
      return FALSE;
    }

  if (fchmod (fd, 0600) != 0)
    {
      int saved_errno = errno;

      close (fd);
      g_unlink (path);
      _pm_file_set_error_from_errno (saved_errno, path, error);
      return FALSE;
    }

  if (close (fd) != 0)
    {
      int saved_errno = errno;

      g_unlink (path);
      _pm_file_set_error_from_errno (saved_errno, path, error);
      return FALSE;
    }

  return TRUE;
}

/* A new empty file beside @path, mode 0600, named ".NAME.XXXXXX" so that a
 * file manager hides it if a crash leaves it behind. */
char *
_pm_file_create_private_temp (const char  *path,
                              GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *name = g_strconcat (".", base, ".XXXXXX", NULL);
  g_autofree char *temp = g_build_filename (dir, name, NULL);
  int fd;

  fd = g_mkstemp_full (temp, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0 || fchmod (fd, 0600) != 0)
    {
      int saved_errno = errno;

      if (fd >= 0)
        {
          close (fd);
          g_unlink (temp);
        }
      _pm_file_set_error_from_errno (saved_errno, path, error);
      return NULL;
    }
  close (fd);

  return g_steal_pointer (&temp);
}

/* Gives the finished @temp the name @path in one step, never replacing a
 * file that appeared there meanwhile, and makes the new name durable. */
gboolean
_pm_file_publish (const char  *temp,
                  const char  *path,
                  GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int rc;
  int dir_fd;

  rc = renameat2 (AT_FDCWD, temp, AT_FDCWD, path, RENAME_NOREPLACE);
  if (rc != 0 && (errno == EINVAL || errno == ENOSYS))
    {
      /* A file system without RENAME_NOREPLACE: link() refuses an
       * existing name too. */
      rc = link (temp, path);
      if (rc == 0)
        g_unlink (temp);
    }

  if (rc != 0)
    {
      int saved_errno = errno;

      if (saved_errno == EEXIST)
        {
          g_autofree char *name = g_filename_display_basename (path);

          g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_INVALID,
                       _("“%s” already exists."), name);
        }
      else
        {
          _pm_file_set_error_from_errno (saved_errno, path, error);
        }
      return FALSE;
    }

  dir_fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
  if (dir_fd >= 0)
    {
      /* Best effort: some file systems cannot sync a folder. */
      fsync (dir_fd);
      close (dir_fd);
    }

  return TRUE;
}
