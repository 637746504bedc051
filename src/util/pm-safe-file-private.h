/* pm-safe-file-private.h: what the writer and its checks share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sys/stat.h>

#include <glib/gstdio.h>

#include "pm-safe-file.h"

G_BEGIN_DECLS

/* A file, then the side files sqlite keeps beside a database. */
#define PM_SAFE_FILE_N_SIDE_FILES 4
extern const char * const _pm_safe_file_side_suffixes[PM_SAFE_FILE_N_SIDE_FILES];

/* Sets @error (G_IO_ERROR) for a failure to write @path; returns FALSE. */
gboolean _pm_safe_file_set_error_from_errno (GError         **error,
                                             const char      *path,
                                             int              saved_errno);
/* TRUE when @a and @b are the same file: device and inode. */
gboolean _pm_safe_file_same                 (const GStatBuf  *a,
                                             const GStatBuf  *b);

G_END_DECLS
