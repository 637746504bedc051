/* pm-safe-file-check.c: what the safe-file writer refuses to write over
 *
 * The open database is protected by device and inode, so that a hard link
 * or another path to it is refused as surely as its own name; its side
 * files also by name while they do not exist, since sqlite would take a
 * file of that name for its own. Any other file is judged by what it is
 * (lstat, never following a link) and, when it is a regular file, by its
 * first bytes, read without blocking.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n.h>

#include "pm-safe-file-private.h"

const char * const _pm_safe_file_side_suffixes[PM_SAFE_FILE_N_SIDE_FILES] = {
  "", "-journal", "-wal", "-shm",
};

/* How a file begins: a sqlite database, its write-ahead log (either byte
 * order of checksums), its rollback journal. */
static const char sqlite_magic[16] = "SQLite format 3";
static const guint8 wal_magic[2][4] = { { 0x37, 0x7f, 0x06, 0x82 }, { 0x37, 0x7f, 0x06, 0x83 } };
static const guint8 journal_magic[8] = { 0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7 };

struct _PmSafeFileProtection
{
  char *path;
};

/* ------------------------------------------------------------------ */
/* Messages */

gboolean
_pm_safe_file_set_error_from_errno (GError     **error,
                                    const char  *path,
                                    int          saved_errno)
{
  g_autofree char *name = g_filename_display_basename (path);

  if (saved_errno == ENOSPC || saved_errno == EDQUOT || saved_errno == EFBIG)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                 _("There is no room to save “%s”: the disk is full, or a size limit "
                   "was reached."),
                 name);
  else
    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                 _("Could not save “%s”: %s."), name, g_strerror (saved_errno));

  return FALSE;
}

static gboolean
refuse_special (GError          **error,
                const char       *path,
                const GStatBuf   *st)
{
  g_autofree char *name = g_filename_display_name (path);

  if (S_ISDIR (st->st_mode))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                 _("“%s” is a folder. Choose a file to write."), name);
  else if (S_ISCHR (st->st_mode) || S_ISBLK (st->st_mode))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                 _("“%s” is a device, not a file. Choose a file to write."), name);
  else if (S_ISFIFO (st->st_mode))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                 _("“%s” is a named pipe, not a file. Choose a file to write."), name);
  else if (S_ISSOCK (st->st_mode))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                 _("“%s” is a socket, not a file. Choose a file to write."), name);
  else
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                 _("“%s” is not a regular file. Choose a file to write."), name);

  return FALSE;
}

/* ------------------------------------------------------------------ */
/* Protected files */

static GMutex protection_lock;
static GPtrArray *protections;  /* of PmSafeFileProtection, not owned */

PmSafeFileProtection *
pm_safe_file_protect (const char *path)
{
  PmSafeFileProtection *protection;

  g_return_val_if_fail (path != NULL && path[0] != '\0', NULL);

  protection = g_new0 (PmSafeFileProtection, 1);
  /* Relative to the folder it was opened from, wherever we are later. */
  protection->path = g_canonicalize_filename (path, NULL);

  g_mutex_lock (&protection_lock);
  if (protections == NULL)
    protections = g_ptr_array_new ();
  g_ptr_array_add (protections, protection);
  g_mutex_unlock (&protection_lock);

  return protection;
}

void
pm_safe_file_protection_free (PmSafeFileProtection *protection)
{
  if (protection == NULL)
    return;

  g_mutex_lock (&protection_lock);
  g_ptr_array_remove_fast (protections, protection);
  if (protections->len == 0)
    g_clear_pointer (&protections, g_ptr_array_unref);
  g_mutex_unlock (&protection_lock);

  g_free (protection->path);
  g_free (protection);
}

gboolean
_pm_safe_file_same (const GStatBuf *a,
                    const GStatBuf *b)
{
  return a->st_dev == b->st_dev && a->st_ino == b->st_ino;
}

/* The protected database that @path is, or is a side file of: compared
 * by device and inode when @st (what is at @path) is given, otherwise by
 * folder and name (side files only). Returns the database's path and, in @suffix, which of
 * its files @path is ("" for the database itself). */
static char *
find_protected (const char      *path,
                const GStatBuf  *st,
                const char     **suffix)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  GStatBuf folder_st;
  char *found = NULL;

  if (st == NULL && g_stat (folder, &folder_st) != 0)
    return NULL;

  g_mutex_lock (&protection_lock);
  for (guint i = 0; protections != NULL && i < protections->len && found == NULL; i++)
    {
      PmSafeFileProtection *protection = g_ptr_array_index (protections, i);
      g_autofree char *protected_folder = g_path_get_dirname (protection->path);
      g_autofree char *protected_base = g_path_get_basename (protection->path);
      GStatBuf protected_st;

      if (st == NULL &&
          (g_stat (protected_folder, &protected_st) != 0 || !_pm_safe_file_same (&protected_st, &folder_st)))
        continue;

      for (guint j = 0; j < PM_SAFE_FILE_N_SIDE_FILES && found == NULL; j++)
        {
          gboolean match;

          if (st != NULL)
            {
              g_autofree char *name = g_strconcat (protection->path, _pm_safe_file_side_suffixes[j], NULL);

              match = g_stat (name, &protected_st) == 0 && _pm_safe_file_same (&protected_st, st);
            }
          else if (j > 0)
            {
              g_autofree char *name = g_strconcat (protected_base, _pm_safe_file_side_suffixes[j], NULL);

              match = g_str_equal (name, base);
            }
          else
            {
              /* The database itself, gone: making it again is for the store. */
              match = FALSE;
            }

          if (match)
            {
              found = g_strdup (protection->path);
              *suffix = _pm_safe_file_side_suffixes[j];
            }
        }
    }
  g_mutex_unlock (&protection_lock);

  return found;
}

static gboolean
check_unprotected (const char      *path,
                   const GStatBuf  *st,
                   GError         **error)
{
  g_autofree char *database = NULL;
  g_autofree char *name = NULL;
  g_autofree char *database_name = NULL;
  const char *suffix = NULL;

  database = find_protected (path, st, &suffix);
  if (database == NULL)
    return TRUE;

  name = g_filename_display_name (path);
  database_name = g_filename_display_basename (database);

  if (suffix[0] != '\0')
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("“%s” belongs to the open database “%s”, which is never written over. "
                     "Choose another file."),
                   name, database_name);
    }
  else
    {
      g_autofree char *base = g_path_get_basename (path);
      g_autofree char *database_base = g_path_get_basename (database);

      if (g_str_equal (base, database_base))
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                     _("“%s” is the open database, which is never written over. "
                       "Choose another file."),
                     name);
      else
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                     _("“%s” is the open database “%s” under another name, which is never "
                       "written over. Choose another file."),
                     name, database_name);
    }

  return FALSE;
}

gboolean
pm_safe_file_check_unprotected (const char  *path,
                                GError     **error)
{
  GStatBuf st;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return check_unprotected (path, g_lstat (path, &st) == 0 ? &st : NULL, error);
}

/* ------------------------------------------------------------------ */
/* The refusals */

/* Reads the first bytes of the regular file at @path, never blocking nor
 * following a link, and refuses a database or a database's log. */
static gboolean
check_header (const char      *path,
              const GStatBuf  *st,
              GError         **error)
{
  g_autofree char *name = g_filename_display_name (path);
  guint8 header[sizeof sqlite_magic];
  GStatBuf opened;
  gssize n_read;
  int saved_errno;
  int fd;

  fd = g_open (path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not check “%s” before replacing it: %s."),
                   name, g_strerror (saved_errno));
      return FALSE;
    }

  /* Replaced since it was looked at: judge what was opened. */
  if (fstat (fd, &opened) != 0)
    {
      saved_errno = errno;
      close (fd);
      return _pm_safe_file_set_error_from_errno (error, path, saved_errno);
    }
  if (!S_ISREG (opened.st_mode))
    {
      close (fd);
      return refuse_special (error, path, &opened);
    }
  if (!_pm_safe_file_same (&opened, st) && !check_unprotected (path, &opened, error))
    {
      close (fd);
      return FALSE;
    }

  do
    n_read = read (fd, header, sizeof header);
  while (n_read < 0 && errno == EINTR);
  saved_errno = errno;
  close (fd);

  if (n_read < 0)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not check “%s” before replacing it: %s."),
                   name, g_strerror (saved_errno));
      return FALSE;
    }

  if (n_read == sizeof sqlite_magic && memcmp (header, sqlite_magic, sizeof sqlite_magic) == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("“%s” is a database, which is never written over. Choose another file."),
                   name);
      return FALSE;
    }

  if ((n_read >= 4 && (memcmp (header, wal_magic[0], 4) == 0 ||
                       memcmp (header, wal_magic[1], 4) == 0)) ||
      (n_read >= (gssize) sizeof journal_magic &&
       memcmp (header, journal_magic, sizeof journal_magic) == 0))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("“%s” is part of a database (its log), which is never written over. "
                     "Choose another file."),
                   name);
      return FALSE;
    }

  return TRUE;
}

gboolean
pm_safe_file_check_target (const char       *path,
                           PmSafeFileFlags   flags,
                           GError          **error)
{
  GStatBuf st;

  g_return_val_if_fail (path != NULL && path[0] != '\0', FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_lstat (path, &st) != 0)
    {
      if (errno != ENOENT)
        return _pm_safe_file_set_error_from_errno (error, path, errno);

      /* A side file the open database does not have yet is its all the same. */
      return check_unprotected (path, NULL, error);
    }

  /* A link could lead anywhere; the user confirmed overwriting a file,
   * not whatever the link points at, nor the link itself. */
  if (S_ISLNK (st.st_mode))
    {
      g_autofree char *name = g_filename_display_basename (path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("“%s” is a symbolic link; not overwriting it."), name);
      return FALSE;
    }

  if (!check_unprotected (path, &st, error))
    return FALSE;

  if (!S_ISREG (st.st_mode))
    return refuse_special (error, path, &st);

  if ((flags & PM_SAFE_FILE_NEW) != 0)
    {
      g_autofree char *name = g_filename_display_basename (path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS, _("“%s” already exists."), name);
      return FALSE;
    }

  return check_header (path, &st, error);
}
