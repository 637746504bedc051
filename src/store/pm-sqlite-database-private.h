/* pm-sqlite-database-private.h: shared by the sqlite engine's files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "pm-sqlite-database.h"

G_BEGIN_DECLS

typedef PmSqliteDatabase Self;

struct _PmSqliteDatabase
{
  PmDatabase  parent_instance;

  /* PRAGMA data_version when last polled: it moves when another
   * connection commits. */
  int         data_version;

  /* Owned references */
  sqlite3    *db;
  /* Prepared statements not in use, by their SQL: the loader runs the
   * same few queries once per KPI, and parsing them is most of its time. */
  GHashTable *statements;
};

#define DISPLAY_NAME(self) pm_database_get_display_name (PM_DATABASE (self))
#define PATH(self) pm_database_get_path (PM_DATABASE (self))

/* The schema itself, one migration per version, is in pm-schema-sqlite.c.
 * PRAGMA takes no bound parameters, so the id is spelt out once here. */
#define SET_APPLICATION_ID_SQL "PRAGMA application_id = 1347243854;"

/* sqlite's quick_check of the file at @path on a connection of its own,
 * read-only: safe in a worker thread. */
gboolean _pm_sqlite_quick_check (const char  *path,
                                 GError     **error);
/* @rc as a PM_STORE_ERROR about the file shown as @display_name, with
 * sqlite's own words as @raw_detail. */
void _pm_sqlite_set_error_from_code (GError           **error,
                                     int                rc,
                                     const char        *display_name,
                                     const char        *raw_detail);
void _pm_sqlite_set_error_from_db   (PmSqliteDatabase  *self,
                                     int                rc,
                                     GError           **error);
/* Runs every statement of @sql; an sqlite result code. */
int  _pm_sqlite_execute_on          (sqlite3           *db,
                                     const char        *sql);
/* The first column of the first row of @sql as a number or as text
 * (either may be NULL); an sqlite result code. */
int  _pm_sqlite_query_on            (sqlite3           *db,
                                     const char        *sql,
                                     int               *value,
                                     char             **text);

G_END_DECLS
