/* pm-statement.c: a prepared statement of a PmDatabase
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pm-database-private.h"

struct _PmStatement
{
  PmDatabase   *database;
  sqlite3_stmt *stmt;
  /* The first failed bind, reported by the next step. */
  int           bind_rc;
};

PmStatement *
pm_database_prepare (PmDatabase  *self,
                     const char  *sql,
                     GError     **error)
{
  PmStatement *statement;
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (PM_IS_DATABASE (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  db = _pm_database_get_handle (self, error);
  if (db == NULL)
    return NULL;

  stmt = _pm_database_take_statement (self, sql);
  rc = stmt != NULL ? SQLITE_OK : sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _pm_database_set_error (self, rc, sqlite3_errmsg (db), error);
      return NULL;
    }

  statement = g_new0 (PmStatement, 1);
  statement->database = g_object_ref (self);
  statement->stmt = stmt;
  statement->bind_rc = SQLITE_OK;

  return statement;
}

void
pm_statement_free (PmStatement *self)
{
  if (self == NULL)
    return;

  if (!_pm_database_give_back_statement (self->database, self->stmt))
    sqlite3_finalize (self->stmt);
  g_clear_object (&self->database);
  g_free (self);
}

static void
keep_bind_result (PmStatement *self,
                  int          rc)
{
  if (self->bind_rc == SQLITE_OK && rc != SQLITE_OK)
    self->bind_rc = rc;
}

void
pm_statement_bind_int64 (PmStatement *self,
                         int          index,
                         gint64       value)
{
  g_return_if_fail (self != NULL);

  keep_bind_result (self, sqlite3_bind_int64 (self->stmt, index, value));
}

void
pm_statement_bind_double (PmStatement *self,
                          int          index,
                          double       value)
{
  g_return_if_fail (self != NULL);

  keep_bind_result (self, sqlite3_bind_double (self->stmt, index, value));
}

void
pm_statement_bind_text (PmStatement *self,
                        int          index,
                        const char  *value)
{
  g_return_if_fail (self != NULL);

  if (value == NULL)
    keep_bind_result (self, sqlite3_bind_null (self->stmt, index));
  else
    keep_bind_result (self, sqlite3_bind_text (self->stmt, index, value, -1,
                                               SQLITE_TRANSIENT));
}

void
pm_statement_bind_null (PmStatement *self,
                        int          index)
{
  g_return_if_fail (self != NULL);

  keep_bind_result (self, sqlite3_bind_null (self->stmt, index));
}

gboolean
pm_statement_step (PmStatement  *self,
                   GError      **error)
{
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (self != NULL, FALSE);

  db = _pm_database_get_handle (self->database, error);
  if (db == NULL)
    return FALSE;

  if (self->bind_rc != SQLITE_OK)
    {
      _pm_database_set_error (self->database, self->bind_rc,
                              sqlite3_errstr (self->bind_rc), error);
      return FALSE;
    }

  rc = sqlite3_step (self->stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc != SQLITE_DONE)
    _pm_database_set_error (self->database, rc, sqlite3_errmsg (db), error);

  return FALSE;
}

gboolean
pm_statement_execute (PmStatement  *self,
                      GError      **error)
{
  GError *local_error = NULL;

  g_return_val_if_fail (self != NULL, FALSE);

  while (pm_statement_step (self, &local_error))
    ;

  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  return TRUE;
}

void
pm_statement_reset (PmStatement *self)
{
  g_return_if_fail (self != NULL);

  sqlite3_reset (self->stmt);
  sqlite3_clear_bindings (self->stmt);
  self->bind_rc = SQLITE_OK;
}

gboolean
pm_statement_is_null (PmStatement *self,
                      int          column)
{
  g_return_val_if_fail (self != NULL, TRUE);

  return sqlite3_column_type (self->stmt, column) == SQLITE_NULL;
}

gint64
pm_statement_get_int64 (PmStatement *self,
                        int          column)
{
  g_return_val_if_fail (self != NULL, 0);

  return sqlite3_column_int64 (self->stmt, column);
}

double
pm_statement_get_double (PmStatement *self,
                         int          column)
{
  g_return_val_if_fail (self != NULL, 0.0);

  return sqlite3_column_double (self->stmt, column);
}

const char *
pm_statement_get_text (PmStatement *self,
                       int          column)
{
  g_return_val_if_fail (self != NULL, NULL);

  return (const char *) sqlite3_column_text (self->stmt, column);
}
