/* pm-store-error.h: what can go wrong reading or writing programme data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define PM_STORE_ERROR (pm_store_error_quark ())
GQuark pm_store_error_quark (void);

typedef enum
{
  PM_STORE_ERROR_NOT_A_DATABASE,  /* empty, truncated or not sqlite at all */
  PM_STORE_ERROR_FOREIGN,         /* a sqlite database of another application */
  PM_STORE_ERROR_TOO_NEW,         /* written by a newer Pilot Monitor */
  PM_STORE_ERROR_CORRUPT,         /* integrity check failed */
  PM_STORE_ERROR_READ_ONLY,       /* cannot write the file or its folder */
  PM_STORE_ERROR_LOCKED,          /* another program holds a write lock */
  PM_STORE_ERROR_FULL,            /* the disk or a size limit is reached */
  PM_STORE_ERROR_IO,              /* any other sqlite or file failure */
  PM_STORE_ERROR_NOT_EMPTY,       /* the database already holds a programme */
  PM_STORE_ERROR_EMPTY,           /* no programme in the database yet */
  PM_STORE_ERROR_NOT_FOUND,       /* the row an object refers to is gone */
  PM_STORE_ERROR_INVALID,         /* refused by a rule (CHECK, foreign key) */
  PM_STORE_ERROR_AUTHENTICATION,  /* the server wants a password, or refused it */
  PM_STORE_ERROR_DENIED,          /* the server's roles do not allow this change */
  PM_STORE_ERROR_CONFLICT,        /* someone else changed it since it was read */
  PM_STORE_ERROR_DISCONNECTED,    /* the connection to the server was lost */
} PmStoreError;

/* Programme files (JSON). */
#define PM_FILE_ERROR (pm_file_error_quark ())
GQuark pm_file_error_quark (void);

typedef enum
{
  PM_FILE_ERROR_MALFORMED,        /* not JSON */
  PM_FILE_ERROR_WRONG_FORMAT,     /* JSON, but not a programme file */
  PM_FILE_ERROR_TOO_NEW,          /* a newer format version */
  PM_FILE_ERROR_INVALID,          /* a field missing, of the wrong type or value */
  PM_FILE_ERROR_UNSIGNED,         /* a return of the old format, with no signature */
  PM_FILE_ERROR_UNTRUSTED,        /* a return signed by a key not trusted for its district */
  PM_FILE_ERROR_STALE,            /* a return older than one already merged */
} PmFileError;

G_END_DECLS
