/* pm-pg-statement.c: the PostgreSQL engine's prepared statements
 *
 * The store's statements on a server: each is prepared once per
 * connection (again after a reconnection), run with its parameters as
 * text, and read row by row from the result.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>

#include "pm-pg-database-private.h"

typedef struct
{
  PmStatement  parent;
  Self        *database;
  PgPrepared  *prepared;   /* owned by the database's table */
  int          n_params;
  char       **values;     /* n_params, NULL for SQL NULL */
  PGresult    *result;
  int          row;        /* the current row, -1 before the first step */
  gboolean     done;
} PgStatement;

#define STMT(statement) ((PgStatement *) (statement))

static void
clear_values (PgStatement *self)
{
  for (int i = 0; i < self->n_params; i++)
    g_clear_pointer (&self->values[i], g_free);
}

static void
statement_reset (PmStatement *statement)
{
  PgStatement *self = STMT (statement);

  g_clear_pointer (&self->result, PQclear);
  clear_values (self);
  self->row = -1;
  self->done = FALSE;
}

static void
statement_free (PmStatement *statement)
{
  PgStatement *self = STMT (statement);

  statement_reset (statement);
  g_free (self->values);
  g_clear_object (&self->database);
  g_free (self);
}

static void
set_value (PgStatement *self,
           int          index,
           char        *text)
{
  if (index < 1 || index > self->n_params)
    {
      g_free (text);
      g_critical ("Parameter %d of a statement with %d", index, self->n_params);
      return;
    }

  g_free (self->values[index - 1]);
  self->values[index - 1] = text;
}

static void
statement_bind_int64 (PmStatement *statement,
                      int          index,
                      gint64       value)
{
  set_value (STMT (statement), index, g_strdup_printf ("%" G_GINT64_FORMAT, value));
}

static void
statement_bind_double (PmStatement *statement,
                       int          index,
                       double       value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  /* Shortest text that reads back as the same double. */
  set_value (STMT (statement), index, g_strdup (g_ascii_dtostr (buffer, sizeof buffer, value)));
}

static void
statement_bind_text (PmStatement *statement,
                     int          index,
                     const char  *value)
{
  set_value (STMT (statement), index, g_strdup (value));
}

/* Prepares @prepared on the current connection, unless it already is. */
gboolean
_pm_pg_database_prepare_on_connection (Self        *self,
                                       PgPrepared  *prepared,
                                       GError     **error)
{
  PGresult *result;
  gboolean ok;

  if (prepared->generation == self->generation)
    return TRUE;

  result = PQprepare (self->conn, prepared->name, prepared->translated, 0, NULL);
  ok = PQresultStatus (result) == PGRES_COMMAND_OK;
  if (ok)
    prepared->generation = self->generation;
  else
    {
      g_debug ("Could not prepare: %s", prepared->translated);
      _pm_pg_database_set_error (self, result, error);
    }
  PQclear (result);
  return ok;
}

static gboolean
statement_step (PmStatement  *statement,
                GError      **error)
{
  PgStatement *self = STMT (statement);
  Self *database = self->database;

  if (self->done)
    return FALSE;

  if (!_pm_database_check_open (PM_DATABASE (database), error))
    return FALSE;

  if (self->result == NULL)
    {
      ExecStatusType status;

      if (!_pm_pg_database_prepare_on_connection (database, self->prepared, error))
        {
          self->done = TRUE;
          return FALSE;
        }

      self->result = PQexecPrepared (database->conn, self->prepared->name, self->n_params,
                                     (const char * const *) self->values, NULL, NULL, 0);
      status = PQresultStatus (self->result);
      _pm_pg_database_take_notifies (database);
      if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK)
        {
          _pm_pg_database_set_error (database, self->result, error);
          self->done = TRUE;
          return FALSE;
        }
      database->changes = atoi (PQcmdTuples (self->result));
    }

  self->row++;
  if (self->row < PQntuples (self->result))
    return TRUE;

  self->done = TRUE;
  return FALSE;
}

static gboolean
statement_is_null (PmStatement *statement,
                   int          column)
{
  PgStatement *self = STMT (statement);

  return self->result == NULL || self->row < 0 || self->row >= PQntuples (self->result) ||
         PQgetisnull (self->result, self->row, column);
}

static const char *
statement_get_text (PmStatement *statement,
                    int          column)
{
  PgStatement *self = STMT (statement);

  if (statement_is_null (statement, column))
    return NULL;

  return PQgetvalue (self->result, self->row, column);
}

static gint64
statement_get_int64 (PmStatement *statement,
                     int          column)
{
  const char *text = statement_get_text (statement, column);

  if (text == NULL)
    return 0;
  /* A boolean reads as 1 or 0, as sqlite gives it. */
  if (text[0] == 't' && text[1] == '\0')
    return 1;
  return g_ascii_strtoll (text, NULL, 10);
}

static double
statement_get_double (PmStatement *statement,
                      int          column)
{
  const char *text = statement_get_text (statement, column);

  return text != NULL ? g_ascii_strtod (text, NULL) : 0.0;
}

static const PmStatementOps statement_ops = {
  statement_free,
  statement_bind_int64,
  statement_bind_double,
  statement_bind_text,
  statement_step,
  statement_reset,
  statement_is_null,
  statement_get_int64,
  statement_get_double,
  statement_get_text,
};

PmStatement *
_pm_pg_statement_new (PmPgDatabase *database,
                      PgPrepared   *prepared)
{
  PgStatement *statement = g_new0 (PgStatement, 1);

  statement->parent.ops = &statement_ops;
  statement->database = g_object_ref (database);
  statement->prepared = prepared;
  statement->n_params = prepared->n_params;
  statement->values = g_new0 (char *, MAX (prepared->n_params, 1));
  statement->row = -1;

  return &statement->parent;
}
