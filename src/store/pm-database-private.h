/* pm-database-private.h: shared by pm-database.c, pm-statement.c and
 * pm-schema.c only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sys/stat.h>

#include <sqlite3.h>

#include "pm-database.h"

G_BEGIN_DECLS

/* Entry N - 1 takes a database from schema version N - 1 to N. */
extern const char * const _pm_schema_migrations[];

/* The open connection, or NULL with PM_STORE_ERROR_IO once closed. */
sqlite3 *_pm_database_get_handle (PmDatabase  *self,
                                  GError     **error);
/* Maps a sqlite result code to a PM_STORE_ERROR naming the file; @detail
 * (sqlite's own words) goes in brackets where it helps. */
void     _pm_database_set_error  (PmDatabase  *self,
                                  int          rc,
                                  const char  *detail,
                                  GError     **error);

/* The statement cache behind pm_database_prepare(): take an idle one
 * compiled from @sql (NULL if none), and give one back when its
 * PmStatement is freed (FALSE: not kept, the caller finalizes it). */
sqlite3_stmt *_pm_database_take_statement      (PmDatabase   *self,
                                                const char   *sql);
gboolean      _pm_database_give_back_statement (PmDatabase   *self,
                                                sqlite3_stmt *stmt);

/* pm-database-file.c */
/* A PM_STORE_ERROR for a failed system call on @path. */
void     _pm_file_set_error_from_errno (int           saved_errno,
                                        const char   *path,
                                        GError      **error);
/* FALSE when we may not write @path, and also when it has no write bit at
 * all (root may write anyway, but the owner asked for it to be kept). */
gboolean _pm_file_is_writable          (const char   *path);
/* Refuses, from its size and first bytes, a file that cannot be a sqlite
 * database: not a regular file, empty, another format, cut short. */
gboolean _pm_file_check_header         (const char   *path,
                                        struct stat  *st,
                                        GError      **error);
/* Creates @path with mode 0600 whatever the umask; an existing @path is
 * PM_STORE_ERROR_INVALID. */
gboolean _pm_file_create_private       (const char   *path,
                                        GError      **error);
/* An empty file of mode 0600 under a new hidden name beside @path, where
 * a database can be made whole before it takes the name @path. */
char    *_pm_file_create_private_temp  (const char   *path,
                                        GError      **error);
/* Renames @temp to @path in one step, refusing an existing @path
 * (PM_STORE_ERROR_INVALID), and syncs the folder. */
gboolean _pm_file_publish              (const char   *temp,
                                        const char   *path,
                                        GError      **error);

G_END_DECLS
