/* pm-safe-file.h: writing a file whole, and never over what must be kept
 *
 * Every file Pilot Monitor writes (programme files, returns, PDFs, CSV,
 * workbooks, copies of the database) is written here: under a hidden
 * name beside its place (".NAME.XXXXXX"), mode 0600 whatever the umask,
 * synced, then renamed over @path in one step, so that a failure at any
 * point leaves @path as it was and no temporary file behind.
 *
 * Before anything is written, and again just before the rename, @path is
 * refused (G_IO_ERROR, with a message naming it) when it is a symbolic
 * link, the open database or one of its side files (by device and inode,
 * see pm_safe_file_protect()), any other sqlite database or its log, a
 * folder, or anything else that is not a regular file (a device, a named
 * pipe, a socket): nothing is opened there, so a named pipe never blocks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  PM_SAFE_FILE_DEFAULT  = 0,
  /* Only a new file: an existing @path is refused, also one that appears
   * while the file is written (G_IO_ERROR_EXISTS). */
  PM_SAFE_FILE_NEW      = 1 << 0,
  /* sqlite writes the temporary file by its name, with its journal and
   * log beside it: those go with it when it is abandoned. */
  PM_SAFE_FILE_DATABASE = 1 << 1,
} PmSafeFileFlags;

typedef struct _PmSafeFile           PmSafeFile;
typedef struct _PmSafeFileProtection PmSafeFileProtection;

/* The refusals, alone: TRUE when @path may be written. */
gboolean     pm_safe_file_check_target       (const char       *path,
                                              PmSafeFileFlags   flags,
                                              GError          **error);
/* Only the refusal of a protected file (the open database and its side
 * files), for callers that word the other refusals themselves. */
gboolean     pm_safe_file_check_unprotected  (const char       *path,
                                              GError          **error);

/* Checks @path, removes temporary files a killed writer left for it, and
 * creates the new temporary file, empty. Write to its descriptor, or by
 * its name (libraries that open files themselves); then commit or abort.
 * Freeing an uncommitted file aborts it. */
PmSafeFile  *pm_safe_file_begin              (const char       *path,
                                              PmSafeFileFlags   flags,
                                              GError          **error);
const char  *pm_safe_file_get_path           (PmSafeFile       *self);
const char  *pm_safe_file_get_temp_path      (PmSafeFile       *self);
int          pm_safe_file_get_fd             (PmSafeFile       *self);
/* Writes all of @data. With @error NULL (a library's write callback),
 * the failure is kept, and told by pm_safe_file_get_write_error() and
 * pm_safe_file_commit(). */
gboolean     pm_safe_file_write              (PmSafeFile       *self,
                                              const void       *data,
                                              gsize             length,
                                              GError          **error);
/* FALSE, with the error, when a write has failed. */
gboolean     pm_safe_file_get_write_error    (PmSafeFile       *self,
                                              GError          **error);
/* The temporary file was replaced under its name by what made it whole
 * there (sqlite making a database): take that one instead. */
gboolean     pm_safe_file_reopen             (PmSafeFile       *self,
                                              GError          **error);
/* Syncs the temporary file, checks @path again and renames the file over
 * it; on failure the temporary file is removed and @path left alone. */
gboolean     pm_safe_file_commit             (PmSafeFile       *self,
                                              GError          **error);
/* Removes the temporary file (and a database's side files). */
void         pm_safe_file_abort              (PmSafeFile       *self);
void         pm_safe_file_free               (PmSafeFile       *self);

/* @data as the whole of @path, written as above. */
gboolean     pm_safe_file_replace_contents   (const char       *path,
                                              const void       *data,
                                              gsize             length,
                                              GError          **error);

/* Until the returned protection is freed, no file is written over the
 * file at @path, nor over its "-wal", "-shm" and "-journal" (compared by
 * device and inode; by folder and name while they do not exist). For the
 * open database; safe to call from any thread. */
PmSafeFileProtection *pm_safe_file_protect            (const char           *path);
void                  pm_safe_file_protection_free    (PmSafeFileProtection *protection);

/* For a command-line process: on SIGINT, SIGTERM or SIGHUP, remove the
 * temporary files being written, then die of the signal as before. A
 * signal that is ignored stays ignored. */
void         pm_safe_file_clean_up_on_signals (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PmSafeFile, pm_safe_file_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PmSafeFileProtection, pm_safe_file_protection_free)

G_END_DECLS
