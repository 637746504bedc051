/* pm-sqlite-database.h: the sqlite engine, one programme in one file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pm-database-private.h"

G_BEGIN_DECLS

#define PM_TYPE_SQLITE_DATABASE (pm_sqlite_database_get_type ())
G_DECLARE_FINAL_TYPE (PmSqliteDatabase, pm_sqlite_database, PM, SQLITE_DATABASE, PmDatabase)

/* See pm_database_open() and pm_database_create(). */
PmDatabase *pm_sqlite_database_open   (const char        *path,
                                       PmStoreOpenFlags   flags,
                                       GError           **error);
PmDatabase *pm_sqlite_database_create (const char        *path,
                                       int                version,
                                       GError           **error);

G_END_DECLS
