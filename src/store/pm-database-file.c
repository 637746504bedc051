/* pm-database-file.c: what can be learnt about a database file, and done
 * to it, before sqlite opens it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <gio/gio.h>
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

/* The safe-file writer's errors in the store's words: an existing or
 * refused file is a rule broken, as an existing name always was here. */
void
_pm_file_propagate_error (GError **error,
                          GError  *io_error)
{
  PmStoreError code = PM_STORE_ERROR_IO;

  if (io_error->domain == G_IO_ERROR)
    {
      switch (io_error->code)
        {
        case G_IO_ERROR_EXISTS:
        case G_IO_ERROR_IS_DIRECTORY:
        case G_IO_ERROR_NOT_REGULAR_FILE:
          code = PM_STORE_ERROR_INVALID;
          break;

        case G_IO_ERROR_NO_SPACE:
          code = PM_STORE_ERROR_FULL;
          break;

        case G_IO_ERROR_PERMISSION_DENIED:
        case G_IO_ERROR_READ_ONLY:
          code = PM_STORE_ERROR_READ_ONLY;
          break;

        default:
          break;
        }
    }

  g_set_error_literal (error, PM_STORE_ERROR, code, io_error->message);
  g_error_free (io_error);
}
