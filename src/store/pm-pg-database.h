/* pm-pg-database.h: the PostgreSQL engine, one programme on a server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libpq-fe.h>

#include "pm-database-private.h"

G_BEGIN_DECLS

#define PM_TYPE_PG_DATABASE (pm_pg_database_get_type ())
G_DECLARE_FINAL_TYPE (PmPgDatabase, pm_pg_database, PM, PG_DATABASE, PmDatabase)

/* Connects with libpq to @conninfo (a postgresql:// URI or "key=value"
 * words; .pgpass, service files, PGPASSWORD and sslmode work as libpq
 * makes them). @password, when not NULL, is given to the server and kept
 * nowhere. A database that holds no tables is accepted only with
 * PM_STORE_OPEN_CREATE; one with tables but not ours is
 * PM_STORE_ERROR_FOREIGN; a password wanted or refused is
 * PM_STORE_ERROR_AUTHENTICATION. */
PmDatabase *pm_pg_database_open               (const char        *conninfo,
                                               PmStoreOpenFlags   flags,
                                               GError           **error);
PmDatabase *pm_pg_database_open_with_password (const char        *conninfo,
                                               const char        *password,
                                               PmStoreOpenFlags   flags,
                                               GError           **error);

/* @password as the server keeps it (SCRAM or md5, as the server's
 * password_encryption says) for the role @user, worked out here so that
 * what is typed never travels or reaches a log. Free it with g_free(). */
char       *_pm_pg_database_encrypt_password  (PmPgDatabase      *self,
                                               const char        *user,
                                               const char        *password,
                                               GError           **error);

/* "pilots on db.example.org", never the password. */
char       *pm_pg_conninfo_describe           (const char        *conninfo);
/* @conninfo as "key='value'" words without any password, to remember;
 * NULL when it does not parse. */
char       *pm_pg_conninfo_strip_password     (const char        *conninfo);
/* See pm_store_server_location() and pm_store_server_location_parts(). */
char       *pm_pg_conninfo_with_server        (const char        *conninfo,
                                               const char        *server,
                                               const char        *dbname,
                                               const char        *user);
gboolean    pm_pg_conninfo_get_server         (const char        *conninfo,
                                               char             **server,
                                               char             **dbname,
                                               char             **user);

/* Why @conn (which failed) did not connect, in words for the person
 * connecting: a password wanted or refused (PM_STORE_ERROR_AUTHENTICATION),
 * a server certificate that could not be checked (PM_STORE_ERROR_IO, saying
 * where to give the certificate authority), anything else as libpq says. */
void        pm_pg_conninfo_set_connect_error  (PGconn            *conn,
                                               const char        *conninfo,
                                               GError           **error);

G_END_DECLS
