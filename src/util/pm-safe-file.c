/* pm-safe-file.c: writing a file whole, and never over what must be kept
 *
 * A temporary file is found again, and removed, three ways: by the writer
 * on every failure (pm_safe_file_abort(), also when the file is freed);
 * by a signal handler a command-line process installs, from a table of
 * the names being written; and, after a crash or SIGKILL, by the next
 * writer to the same @path, which removes each ".NAME.XXXXXX" of mode
 * 0600, owned by the user, that no writer holds a lock on. A writer
 * takes that lock (flock) before giving its new file mode 0600, so a
 * file still being written is never taken for a stale one. What may not
 * be written over is in pm-safe-file-check.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* renameat2() and RENAME_NOREPLACE */
#define _GNU_SOURCE

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "pm-safe-file-private.h"

struct _PmSafeFile
{
  char            *path;
  char            *temp;
  PmSafeFileFlags  flags;
  int              fd;           /* written through, closed at commit */
  int              lock_fd;      /* holds the lock until the end */
  int              write_errno;  /* the first failed write's */
  int              slots[PM_SAFE_FILE_N_SIDE_FILES];  /* in the signal handler's table */
  gboolean         finished;
};

/* ------------------------------------------------------------------ */
/* The files being written, for the signal handler */

enum
{
  SLOT_FREE,
  SLOT_BUSY,
  SLOT_LIVE,
};

typedef struct
{
  int  state;
  char path[PATH_MAX];
} Slot;

/* A fixed table the handler can read without locks or allocation. A file
 * that finds no room is still removed on every failure, only not on a
 * signal. */
static Slot slots[32];

static int
track (const char *path)
{
  if (strlen (path) >= PATH_MAX)
    return -1;

  for (guint i = 0; i < G_N_ELEMENTS (slots); i++)
    if (g_atomic_int_compare_and_exchange (&slots[i].state, SLOT_FREE, SLOT_BUSY))
      {
        strcpy (slots[i].path, path);
        g_atomic_int_set (&slots[i].state, SLOT_LIVE);
        return (int) i;
      }

  return -1;
}

static void
untrack (int *slot)
{
  if (*slot >= 0)
    g_atomic_int_set (&slots[*slot].state, SLOT_FREE);
  *slot = -1;
}

/* Async-signal-safe: unlink() and raise() only. */
static void
clean_up_and_die (int signo)
{
  int saved_errno = errno;

  for (guint i = 0; i < G_N_ELEMENTS (slots); i++)
    if (g_atomic_int_get (&slots[i].state) == SLOT_LIVE)
      unlink (slots[i].path);

  errno = saved_errno;
  /* SA_RESETHAND restored the default action: die of @signo, as the
   * process that sent it expects. */
  raise (signo);
}

void
pm_safe_file_clean_up_on_signals (void)
{
  static const int signals[] = { SIGINT, SIGTERM, SIGHUP };
  static gsize installed = 0;

  if (!g_once_init_enter (&installed))
    return;

  for (guint i = 0; i < G_N_ELEMENTS (signals); i++)
    {
      struct sigaction old;
      struct sigaction action;

      if (sigaction (signals[i], NULL, &old) != 0 || old.sa_handler == SIG_IGN)
        continue;

      memset (&action, 0, sizeof action);
      action.sa_handler = clean_up_and_die;
      sigemptyset (&action.sa_mask);
      action.sa_flags = SA_RESETHAND;
      sigaction (signals[i], &action, NULL);
    }

  g_once_init_leave (&installed, 1);
}

/* ------------------------------------------------------------------ */
/* Temporary files left behind */

/* ".BASE.XXXXXX", as g_mkstemp() fills the six X's. */
static gboolean
is_temp_name_for (const char *name,
                  const char *base)
{
  gsize length = strlen (base);

  if (name[0] != '.' || strncmp (name + 1, base, length) != 0 || name[1 + length] != '.')
    return FALSE;

  name += length + 2;
  for (guint i = 0; i < 6; i++)
    if (!g_ascii_isalnum (name[i]))
      return FALSE;

  return name[6] == '\0';
}

static void
remove_side_files (const char *temp)
{
  for (guint i = 1; i < PM_SAFE_FILE_N_SIDE_FILES; i++)
    {
      g_autofree char *side = g_strconcat (temp, _pm_safe_file_side_suffixes[i], NULL);
      GStatBuf st;

      if (g_lstat (side, &st) == 0 && S_ISREG (st.st_mode) && st.st_uid == geteuid ())
        g_unlink (side);
    }
}

/* A writer makes its file with mode 0 and locks it before it gives it
 * mode 0600: one of mode 0 is being set up, or was killed in that
 * moment, which is surely so once it is this old (in seconds). */
#define SET_UP_TIME 60

/* A temporary file is ours and abandoned when it is a regular file of
 * mode 0600, owned by us, that no writer holds the lock on. */
static void
remove_if_abandoned (const char *temp)
{
  GStatBuf st;
  GStatBuf opened;
  int fd;

  if (g_lstat (temp, &st) != 0 || !S_ISREG (st.st_mode) || st.st_uid != geteuid ())
    return;

  if ((st.st_mode & 07777) == 0 &&
      g_get_real_time () / G_USEC_PER_SEC - (gint64) st.st_mtime > SET_UP_TIME)
    {
      g_debug ("Removing “%s”, left by an export killed as it began", temp);
      remove_side_files (temp);
      g_unlink (temp);
      return;
    }

  if ((st.st_mode & 07777) != 0600)
    return;

  fd = g_open (temp, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0);
  if (fd < 0)
    return;

  /* Removed with the lock held, so no writer can take it meanwhile. */
  if (fstat (fd, &opened) == 0 && _pm_safe_file_same (&opened, &st) &&
      flock (fd, LOCK_EX | LOCK_NB) == 0)
    {
      g_debug ("Removing “%s”, left by an interrupted export", temp);
      remove_side_files (temp);
      g_unlink (temp);
    }

  close (fd);
}

static void
remove_abandoned_temps (const char *folder,
                        const char *base)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;

  while ((name = g_dir_read_name (dir)) != NULL)
    if (is_temp_name_for (name, base))
      {
        g_autofree char *temp = g_build_filename (folder, name, NULL);

        remove_if_abandoned (temp);
      }
}

/* ------------------------------------------------------------------ */
/* Writing */

static gboolean
take_lock (PmSafeFile  *self,
           int          fd,
           GError     **error)
{
  int lock_fd;

  if (flock (fd, LOCK_EX | LOCK_NB) != 0 || (lock_fd = fcntl (fd, F_DUPFD_CLOEXEC, 0)) < 0)
    {
      int saved_errno = errno;

      close (fd);
      return _pm_safe_file_set_error_from_errno (error, self->path, saved_errno);
    }

  if (self->fd >= 0)
    close (self->fd);
  if (self->lock_fd >= 0)
    close (self->lock_fd);
  self->fd = fd;
  self->lock_fd = lock_fd;
  return TRUE;
}

/* A new empty file ".BASE.XXXXXX" in @folder, hidden so that a file
 * manager does not show it meanwhile, as g_mkstemp() would make it but
 * named in the signal handler's table before it exists, so that no
 * moment passes when a signal would leave it behind. Mode 0 until it is
 * locked (see remove_if_abandoned()). */
static int
create_temp (PmSafeFile  *self,
             const char  *folder,
             const char  *base,
             GError     **error)
{
  static const char letters[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  guint n_tracked = (self->flags & PM_SAFE_FILE_DATABASE) != 0 ? PM_SAFE_FILE_N_SIDE_FILES : 1;
  int saved_errno = EEXIST;

  for (guint attempt = 0; attempt < 100 && saved_errno == EEXIST; attempt++)
    {
      g_autofree char *name = NULL;
      g_autofree char *temp = NULL;
      char random[7];
      int fd;

      for (guint i = 0; i < 6; i++)
        random[i] = letters[g_random_int_range (0, sizeof letters - 1)];
      random[6] = '\0';
      name = g_strdup_printf (".%s.%s", base, random);
      temp = g_build_filename (folder, name, NULL);

      for (guint i = 0; i < n_tracked; i++)
        {
          g_autofree char *tracked = g_strconcat (temp, _pm_safe_file_side_suffixes[i], NULL);

          self->slots[i] = track (tracked);
        }

      fd = g_open (temp, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_NOCTTY | O_CLOEXEC, 0);
      if (fd >= 0)
        {
          self->temp = g_steal_pointer (&temp);
          return fd;
        }

      saved_errno = errno;
      for (guint i = 0; i < PM_SAFE_FILE_N_SIDE_FILES; i++)
        untrack (&self->slots[i]);
    }

  if (saved_errno == ENOSPC || saved_errno == EDQUOT || saved_errno == EFBIG)
    _pm_safe_file_set_error_from_errno (error, self->path, saved_errno);
  else
    {
      g_autofree char *folder_name = g_filename_display_name (folder);

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not write a file in the folder “%s”: %s."),
                   folder_name, g_strerror (saved_errno));
    }

  return -1;
}

PmSafeFile *
pm_safe_file_begin (const char       *path,
                    PmSafeFileFlags   flags,
                    GError          **error)
{
  g_autoptr(PmSafeFile) self = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *base = NULL;
  int fd;

  g_return_val_if_fail (path != NULL && path[0] != '\0', NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!pm_safe_file_check_target (path, flags, error))
    return NULL;

  folder = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  remove_abandoned_temps (folder, base);

  self = g_new0 (PmSafeFile, 1);
  self->path = g_strdup (path);
  self->flags = flags;
  self->fd = -1;
  self->lock_fd = -1;
  for (guint i = 0; i < PM_SAFE_FILE_N_SIDE_FILES; i++)
    self->slots[i] = -1;

  fd = create_temp (self, folder, base, error);
  if (fd < 0)
    return NULL;

  if (!take_lock (self, fd, error))
    return NULL;

  /* The umask may have taken bits away but never adds any: make sure. */
  if (fchmod (self->fd, 0600) != 0)
    {
      _pm_safe_file_set_error_from_errno (error, path, errno);
      return NULL;
    }

  return g_steal_pointer (&self);
}

const char *
pm_safe_file_get_path (PmSafeFile *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->path;
}

const char *
pm_safe_file_get_temp_path (PmSafeFile *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->temp;
}

int
pm_safe_file_get_fd (PmSafeFile *self)
{
  g_return_val_if_fail (self != NULL, -1);

  return self->fd;
}

gboolean
pm_safe_file_get_write_error (PmSafeFile  *self,
                              GError     **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (self->write_errno == 0)
    return TRUE;

  return _pm_safe_file_set_error_from_errno (error, self->path, self->write_errno);
}

gboolean
pm_safe_file_write (PmSafeFile  *self,
                    const void  *data,
                    gsize        length,
                    GError     **error)
{
  const char *next = data;

  g_return_val_if_fail (self != NULL && !self->finished, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  if (self->write_errno != 0)
    return pm_safe_file_get_write_error (self, error);

  while (length > 0)
    {
      gssize written = write (self->fd, next, length);

      if (written < 0 && errno == EINTR)
        continue;
      if (written <= 0)
        {
          self->write_errno = written < 0 ? errno : ENOSPC;
          return pm_safe_file_get_write_error (self, error);
        }

      next += written;
      length -= (gsize) written;
    }

  return TRUE;
}

gboolean
pm_safe_file_reopen (PmSafeFile  *self,
                     GError     **error)
{
  GStatBuf st;
  int fd;

  g_return_val_if_fail (self != NULL && !self->finished, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  fd = g_open (self->temp, O_RDWR | O_NOFOLLOW | O_NOCTTY | O_CLOEXEC, 0);
  if (fd < 0)
    return _pm_safe_file_set_error_from_errno (error, self->path, errno);

  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      close (fd);
      return _pm_safe_file_set_error_from_errno (error, self->path, EINVAL);
    }

  return take_lock (self, fd, error);
}

static gboolean
publish (PmSafeFile  *self,
         GError     **error)
{
  int rc;

  if ((self->flags & PM_SAFE_FILE_NEW) == 0)
    rc = g_rename (self->temp, self->path);
  else
    {
      rc = renameat2 (AT_FDCWD, self->temp, AT_FDCWD, self->path, RENAME_NOREPLACE);
      if (rc != 0 && (errno == EINVAL || errno == ENOSYS))
        {
          /* A file system without RENAME_NOREPLACE: link() refuses an
           * existing name too. */
          rc = link (self->temp, self->path);
          if (rc == 0)
            g_unlink (self->temp);
        }
    }

  if (rc == 0)
    return TRUE;

  if (errno == EEXIST && (self->flags & PM_SAFE_FILE_NEW) != 0)
    {
      g_autofree char *name = g_filename_display_basename (self->path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS, _("“%s” already exists."), name);
      return FALSE;
    }

  return _pm_safe_file_set_error_from_errno (error, self->path, errno);
}

static void
sync_folder (const char *path)
{
  g_autofree char *folder = g_path_get_dirname (path);
  int fd = g_open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  /* Best effort: some file systems cannot sync a folder. */
  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

gboolean
pm_safe_file_commit (PmSafeFile  *self,
                     GError     **error)
{
  int saved_errno = 0;

  g_return_val_if_fail (self != NULL && !self->finished, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!pm_safe_file_get_write_error (self, error))
    goto failed;

  if (fsync (self->fd) != 0)
    saved_errno = errno;
  if (close (self->fd) != 0 && saved_errno == 0)
    saved_errno = errno;
  self->fd = -1;
  if (saved_errno != 0)
    {
      _pm_safe_file_set_error_from_errno (error, self->path, saved_errno);
      goto failed;
    }

  /* Whatever took the name meanwhile is refused the same. */
  if (!pm_safe_file_check_target (self->path, self->flags, error) ||
      !publish (self, error))
    goto failed;

  sync_folder (self->path);

  self->finished = TRUE;
  for (guint i = 0; i < PM_SAFE_FILE_N_SIDE_FILES; i++)
    untrack (&self->slots[i]);
  close (self->lock_fd);
  self->lock_fd = -1;
  return TRUE;

failed:
  pm_safe_file_abort (self);
  return FALSE;
}

void
pm_safe_file_abort (PmSafeFile *self)
{
  g_return_if_fail (self != NULL);

  if (self->finished)
    return;
  self->finished = TRUE;

  /* Removed before the lock goes, so no one else removes a new file of
   * the same name. */
  if (self->temp != NULL)
    {
      if ((self->flags & PM_SAFE_FILE_DATABASE) != 0)
        remove_side_files (self->temp);
      g_unlink (self->temp);
    }

  for (guint i = 0; i < PM_SAFE_FILE_N_SIDE_FILES; i++)
    untrack (&self->slots[i]);
  if (self->fd >= 0)
    close (self->fd);
  if (self->lock_fd >= 0)
    close (self->lock_fd);
  self->fd = -1;
  self->lock_fd = -1;
}

void
pm_safe_file_free (PmSafeFile *self)
{
  if (self == NULL)
    return;

  pm_safe_file_abort (self);
  g_free (self->path);
  g_free (self->temp);
  g_free (self);
}

gboolean
pm_safe_file_replace_contents (const char  *path,
                               const void  *data,
                               gsize        length,
                               GError     **error)
{
  g_autoptr(PmSafeFile) file = NULL;

  g_return_val_if_fail (path != NULL && path[0] != '\0', FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  file = pm_safe_file_begin (path, PM_SAFE_FILE_DEFAULT, error);
  if (file == NULL)
    return FALSE;

  return pm_safe_file_write (file, data, length, error) && pm_safe_file_commit (file, error);
}
