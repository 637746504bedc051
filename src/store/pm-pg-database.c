/* pm-pg-database.c: the PostgreSQL engine, one programme on a server
 *
 * libpq, synchronous, one connection per store. The store's SQL numbers
 * its parameters ?1, ?2... as sqlite does; they become $1, $2... here, and
 * each statement is prepared once per connection. Values travel as text,
 * and the server infers their types from where they are used.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>
#include <libpq-fe.h>

#include "pm-database-private.h"
#include "pm-pg-database-private.h"

static void
pg_prepared_free (gpointer data)
{
  PgPrepared *prepared = data;

  g_free (prepared->name);
  g_free (prepared->translated);
  g_free (prepared);
}

G_DEFINE_FINAL_TYPE (PmPgDatabase, pm_pg_database, PM_TYPE_DATABASE)


#define DISPLAY_NAME(self) pm_database_get_display_name (PM_DATABASE (self))

/* Errors */

static gboolean
sqlstate_is (const char *state,
             const char *prefix)
{
  return state != NULL && g_str_has_prefix (state, prefix);
}

/* The server went away, or is going: class 08 (connection exception),
 * 57P01 (administrator shutdown), 57P02 (crash shutdown), 57P03 (cannot
 * connect now), or libpq has given the connection up. */
static gboolean
connection_lost (Self       *self,
                 const char *state)
{
  return sqlstate_is (state, "08") || sqlstate_is (state, "57P0") ||
         PQstatus (self->conn) == CONNECTION_BAD;
}

void
_pm_pg_database_set_error (Self      *self,
                           PGresult  *result,
                           GError   **error)
{
  const char *state = result != NULL ? PQresultErrorField (result, PG_DIAG_SQLSTATE) : NULL;
  const char *primary = result != NULL ? PQresultErrorField (result, PG_DIAG_MESSAGE_PRIMARY) : NULL;
  g_autofree char *detail = g_utf8_make_valid (primary != NULL ? primary : PQerrorMessage (self->conn), -1);

  g_strstrip (detail);

  if (connection_lost (self, state))
    {
      self->lost = TRUE;
      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_DISCONNECTED,
                   _("The connection to the server holding “%s” was lost (%s)."),
                   DISPLAY_NAME (self), detail);
      return;
    }

  /* Raised by the sign-off triggers (schema 4 and 8). */
  if (_pm_database_set_guard_error (detail, error))
    return;

  if (sqlstate_is (state, "25006"))
    g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_READ_ONLY,
                 _("“%s” is open read-only, so changes could not be saved."),
                 DISPLAY_NAME (self));
  else if (sqlstate_is (state, "42501"))
    g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_DENIED,
                 _("You may not make this change on “%s”: your role on the server does not "
                   "allow it (%s)."),
                 DISPLAY_NAME (self), detail);
  else if (sqlstate_is (state, "23"))
    g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_INVALID,
                 _("The change was refused because it breaks a rule of the programme data (%s)."),
                 detail);
  else if (sqlstate_is (state, "40") || sqlstate_is (state, "55P03") || sqlstate_is (state, "57014"))
    g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_LOCKED,
                 _("“%s” is busy with someone else’s change. Try again in a moment."),
                 DISPLAY_NAME (self));
  else if (sqlstate_is (state, "53"))
    g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_FULL,
                 _("The server holding “%s” has no room left (%s)."),
                 DISPLAY_NAME (self), detail);
  else
    g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_IO,
                 _("The server could not read or write “%s” (%s)."),
                 DISPLAY_NAME (self), detail);
}

/* Runs @sql (any number of statements, no parameters). */
static gboolean
run (Self        *self,
     const char  *sql,
     GError     **error)
{
  PGresult *result = PQexec (self->conn, sql);
  ExecStatusType status = PQresultStatus (result);
  gboolean ok = status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;

  _pm_pg_database_take_notifies (self);
  if (!ok)
    _pm_pg_database_set_error (self, result, error);
  else
    self->changes = atoi (PQcmdTuples (result));
  PQclear (result);
  return ok;
}

/* The first column of the first row of @sql as an integer (0 if none). */
static gboolean
query_int (Self        *self,
           const char  *sql,
           gint64      *value,
           GError     **error)
{
  PGresult *result = PQexec (self->conn, sql);
  gboolean ok = PQresultStatus (result) == PGRES_TUPLES_OK;

  if (!ok)
    _pm_pg_database_set_error (self, result, error);
  else
    *value = PQntuples (result) > 0 && !PQgetisnull (result, 0, 0)
             ? g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10) : 0;
  PQclear (result);
  return ok;
}

/* ?N becomes $N outside quotes and comments; the highest N is the number
 * of parameters. */
static char *
translate_parameters (const char *sql,
                      int        *n_params)
{
  GString *out = g_string_sized_new (strlen (sql) + 16);
  int highest = 0;
  int next = 1;

  for (const char *p = sql; *p != '\0'; p++)
    {
      if (*p == '\'' || *p == '"')
        {
          char quote = *p;

          g_string_append_c (out, *p);
          for (p++; *p != '\0'; p++)
            {
              g_string_append_c (out, *p);
              if (*p == quote)
                break;
            }
          if (*p == '\0')
            break;
        }
      else if (*p == '-' && p[1] == '-')
        {
          for (; *p != '\0' && *p != '\n'; p++)
            g_string_append_c (out, *p);
          if (*p == '\0')
            break;
          g_string_append_c (out, *p);
        }
      else if (*p == '?')
        {
          int n;

          if (g_ascii_isdigit (p[1]))
            {
              n = (int) strtol (p + 1, (char **) &p, 10);
              p--;
            }
          else
            n = next;
          next = n + 1;
          highest = MAX (highest, n);
          g_string_append_printf (out, "$%d", n);
        }
      else
        g_string_append_c (out, *p);
    }

  *n_params = highest;
  return g_string_free (out, FALSE);
}

static void
notice_cb (void       *data,
           const char *message)
{
  g_debug ("PostgreSQL: %s", message);
}

/* Opening */

static gboolean
check_schema (Self              *self,
              PmStoreOpenFlags   flags,
              GError           **error)
{
  gint64 has_meta = 0, n_tables = 0, application_id = 0, version = 0;

  if (!query_int (self, "SELECT to_regclass ('pm_meta') IS NOT NULL::int", &has_meta, error) ||
      !query_int (self, "SELECT count (*) FROM pg_catalog.pg_tables WHERE schemaname = current_schema ()",
                  &n_tables, error))
    return FALSE;

  if (!has_meta)
    {
      if (n_tables > 0)
        {
          g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_FOREIGN,
                       _("“%s” holds the tables of another application: it is not a Pilot "
                         "Monitor database."),
                       DISPLAY_NAME (self));
          return FALSE;
        }
      if ((flags & PM_STORE_OPEN_CREATE) == 0 || (flags & PM_STORE_OPEN_READ_ONLY) != 0)
        {
          g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_NOT_A_DATABASE,
                       _("“%s” is empty: it holds no Pilot Monitor programme yet. Copy one "
                         "there with --copy-to."),
                       DISPLAY_NAME (self));
          return FALSE;
        }
      _pm_database_set_created (PM_DATABASE (self), TRUE);
      return TRUE;
    }

  if (!query_int (self, "SELECT application_id FROM pm_meta", &application_id, error) ||
      !query_int (self, "SELECT schema_version FROM pm_meta", &version, error))
    return FALSE;

  if (application_id != PM_DATABASE_APPLICATION_ID)
    {
      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_FOREIGN,
                   _("“%s” was made by another application: it is not a Pilot Monitor database."),
                   DISPLAY_NAME (self));
      return FALSE;
    }

  if (version > PM_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_TOO_NEW,
                   _("“%s” was written by a newer version of Pilot Monitor (schema %d; this "
                     "version reads up to %d). Please update Pilot Monitor to open it."),
                   DISPLAY_NAME (self), (int) version, PM_STORE_SCHEMA_VERSION);
      return FALSE;
    }

  return TRUE;
}

/* What each connection is told, the first and after a reconnection. */
static gboolean
set_up_connection (Self    *self,
                   GError **error)
{
  g_autofree char *lock_timeout = NULL;

  if (!run (self, "SET client_encoding = 'UTF8'; SET client_min_messages = warning;", error))
    return FALSE;
  if (pm_database_is_read_only (PM_DATABASE (self)) &&
      !run (self, "SET default_transaction_read_only = on;", error))
    return FALSE;
  if (self->lock_timeout >= 0)
    {
      lock_timeout = g_strdup_printf ("SET lock_timeout = %d;", self->lock_timeout);
      if (!run (self, lock_timeout, error))
        return FALSE;
    }

  /* Told of other people's changes (schema 6 sends them). */
  return run (self, "LISTEN pm_changes;", error);
}

PmDatabase *
pm_pg_database_open_with_password (const char        *conninfo,
                                   const char        *password,
                                   PmStoreOpenFlags   flags,
                                   GError           **error)
{
  const char *keywords[] = { "dbname", "password", "fallback_application_name", "connect_timeout", NULL };
  const char *values[] = { conninfo, password, "pilot-monitor", "10", NULL };
  g_autoptr(PmPgDatabase) self = NULL;
  g_autofree char *display_name = NULL;
  gboolean read_only = (flags & PM_STORE_OPEN_READ_ONLY) != 0;
  PGconn *conn;

  g_return_val_if_fail (conninfo != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Without a password the key is left out, so that libpq still looks in
   * PGPASSWORD and .pgpass. */
  if (password == NULL)
    {
      keywords[1] = "fallback_application_name";
      values[1] = "pilot-monitor";
    }

  conn = PQconnectdbParams (keywords, values, 1);
  if (conn == NULL)
    {
      g_set_error_literal (error, PM_STORE_ERROR, PM_STORE_ERROR_IO, _("Out of memory."));
      return NULL;
    }

  if (PQstatus (conn) != CONNECTION_OK)
    {
      pm_pg_conninfo_set_connect_error (conn, conninfo, error);
      PQfinish (conn);
      return NULL;
    }

  self = g_object_new (PM_TYPE_PG_DATABASE, NULL);
  self->conn = conn;
  PQsetNoticeProcessor (conn, notice_cb, NULL);
  /* Translators: how a server database is named: “pilots on db.example.org” */
  display_name = g_strdup_printf (_("%s on %s"), PQdb (conn),
                                  PQhost (conn) != NULL && PQhost (conn)[0] != '/' ? PQhost (conn) : "localhost");
  _pm_database_set_location (PM_DATABASE (self), conninfo, display_name, read_only);

  if (!set_up_connection (self, error) || !check_schema (self, flags, error))
    return NULL;

  return PM_DATABASE (g_steal_pointer (&self));
}

PmDatabase *
pm_pg_database_open (const char        *conninfo,
                     PmStoreOpenFlags   flags,
                     GError           **error)
{
  return pm_pg_database_open_with_password (conninfo, NULL, flags, error);
}

char *
_pm_pg_database_encrypt_password (PmPgDatabase  *self,
                                  const char    *user,
                                  const char    *password,
                                  GError       **error)
{
  char *encrypted;
  char *copy;

  g_return_val_if_fail (PM_IS_PG_DATABASE (self), NULL);
  g_return_val_if_fail (user != NULL && password != NULL, NULL);

  if (!_pm_database_check_open (PM_DATABASE (self), error))
    return NULL;

  encrypted = PQencryptPasswordConn (self->conn, password, user, NULL);
  if (encrypted == NULL)
    {
      g_autofree char *message = g_utf8_make_valid (PQerrorMessage (self->conn), -1);

      g_strstrip (message);
      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_IO,
                   _("The password could not be prepared for “%s” (%s)."),
                   DISPLAY_NAME (self), message);
      return NULL;
    }

  copy = g_strdup (encrypted);
  PQfreemem (encrypted);
  return copy;
}

/* The engine */

static gboolean
pg_is_open (PmDatabase *database)
{
  return PM_PG_DATABASE (database)->conn != NULL;
}

static void
pg_close (PmDatabase *database)
{
  Self *self = PM_PG_DATABASE (database);

  _pm_pg_database_stop_watching (self);
  g_hash_table_remove_all (self->prepared);
  g_clear_pointer (&self->conn, PQfinish);
}

static void
pg_set_busy_timeout (PmDatabase *database,
                     guint       milliseconds)
{
  g_autofree char *sql = g_strdup_printf ("SET lock_timeout = %u;", milliseconds);

  PM_PG_DATABASE (database)->lock_timeout = (int) MIN (milliseconds, G_MAXINT);
  if (!run (PM_PG_DATABASE (database), sql, NULL))
    g_warning ("Could not set the lock timeout of “%s”", DISPLAY_NAME (database));
}

static gboolean
pg_get_schema_version (PmDatabase  *database,
                       int         *version,
                       GError     **error)
{
  Self *self = PM_PG_DATABASE (database);
  gint64 has_meta = 0, value = 0;

  /* Two people opening a new database at once: the second waits here for
   * the first one's migrations, then sees them. */
  if (pm_database_in_transaction (database) &&
      !run (self, "SELECT pg_advisory_xact_lock (1347243854);", error))
    return FALSE;

  if (!query_int (self, "SELECT to_regclass ('pm_meta') IS NOT NULL::int", &has_meta, error))
    return FALSE;
  if (has_meta && !query_int (self, "SELECT schema_version FROM pm_meta", &value, error))
    return FALSE;

  *version = (int) value;
  return TRUE;
}

/* The version is in pm_meta, written by each migration. */
static gboolean
pg_stamp_schema (PmDatabase  *database,
                 GError     **error)
{
  return TRUE;
}

static gboolean
pg_execute (PmDatabase  *database,
            const char  *sql,
            GError     **error)
{
  return run (PM_PG_DATABASE (database), sql, error);
}

static gboolean
pg_begin (PmDatabase  *database,
          GError     **error)
{
  return run (PM_PG_DATABASE (database), "BEGIN;", error);
}

/* One snapshot for every statement until it ends: a copy reads each
 * table as it was when the first was read. */
static gboolean
pg_begin_read (PmDatabase  *database,
               GError     **error)
{
  return run (PM_PG_DATABASE (database), "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY;", error);
}

static gboolean
pg_commit (PmDatabase  *database,
           GError     **error)
{
  return run (PM_PG_DATABASE (database), "COMMIT;", error);
}

static void
pg_rollback (PmDatabase *database)
{
  g_autoptr(GError) error = NULL;

  /* Gone with the connection: the server has rolled it back. */
  if (PQstatus (PM_PG_DATABASE (database)->conn) != CONNECTION_OK)
    return;

  if (!run (PM_PG_DATABASE (database), "ROLLBACK;", &error))
    g_warning ("Could not roll back a change to “%s”: %s", DISPLAY_NAME (database), error->message);
}

/* The audit triggers read these settings, which last until the end of
 * the transaction. */
static gboolean
pg_set_change_context (PmDatabase  *database,
                       const char  *author,
                       const char  *source,
                       GError     **error)
{
  g_autoptr(PmStatement) stmt = NULL;

  stmt = pm_database_prepare (database,
                              "SELECT set_config ('pm.author', coalesce (?1::text, ''), true), "
                              "       set_config ('pm.source', ?2::text, true)",
                              error);
  if (stmt == NULL)
    return FALSE;
  pm_statement_bind_text (stmt, 1, author);
  pm_statement_bind_text (stmt, 2, source);
  return pm_statement_execute (stmt, error);
}

/* Read, like the settings above, by the trigger on audit (schema 7). */
static gboolean
pg_set_change_key (PmDatabase  *database,
                   const char  *fingerprint,
                   GError     **error)
{
  g_autoptr(PmStatement) stmt = NULL;

  stmt = pm_database_prepare (database,
                              "SELECT set_config ('pm.key_fingerprint', coalesce (?1::text, ''), true)",
                              error);
  if (stmt == NULL)
    return FALSE;
  pm_statement_bind_text (stmt, 1, fingerprint);
  return pm_statement_execute (stmt, error);
}

static gboolean
pg_is_connected (PmDatabase *database)
{
  Self *self = PM_PG_DATABASE (database);

  return self->conn != NULL && !self->lost && PQstatus (self->conn) == CONNECTION_OK;
}

/* The same server, database and role again (libpq keeps the connection's
 * settings, the password included); statements are prepared again as
 * they are next used. */
static gboolean
pg_reconnect (PmDatabase  *database,
              GError     **error)
{
  Self *self = PM_PG_DATABASE (database);

  /* The old socket is closed by the reset, and the new one may have its
   * number or another. */
  _pm_pg_database_remove_socket_watch (self);
  PQreset (self->conn);
  self->generation++;
  if (PQstatus (self->conn) != CONNECTION_OK)
    {
      _pm_pg_database_set_error (self, NULL, error);
      return FALSE;
    }

  self->lost = FALSE;
  self->missed_changes = TRUE;
  if (!set_up_connection (self, error))
    return FALSE;
  _pm_pg_database_add_socket_watch (self);
  /* Whatever changed while the connection was gone. */
  _pm_pg_database_schedule_idle (self);
  return TRUE;
}

static int
pg_get_changes (PmDatabase *database)
{
  return PM_PG_DATABASE (database)->changes;
}

static gboolean
pg_backup_to (PmDatabase  *database,
              const char  *path,
              GError     **error)
{
  g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_INVALID,
               _("“%s” is on a server: copy it to a file with --copy-to."),
               DISPLAY_NAME (database));
  return FALSE;
}

/* A row inserted with its own id leaves the identity's sequence behind:
 * each is set past the highest id, or the next insert would take an id
 * that is already there. Every table with an identity column is here. */
static gboolean
pg_reset_ids (PmDatabase  *database,
              GError     **error)
{
  return run (PM_PG_DATABASE (database),
              "SELECT setval (pg_get_serial_sequence ('programme', 'id'), coalesce (max (id), 0) + 1, false) FROM programme;"
              "SELECT setval (pg_get_serial_sequence ('design_criterion', 'id'), coalesce (max (id), 0) + 1, false) FROM design_criterion;"
              "SELECT setval (pg_get_serial_sequence ('district', 'id'), coalesce (max (id), 0) + 1, false) FROM district;"
              "SELECT setval (pg_get_serial_sequence ('pilot', 'id'), coalesce (max (id), 0) + 1, false) FROM pilot;"
              "SELECT setval (pg_get_serial_sequence ('key_outcome', 'id'), coalesce (max (id), 0) + 1, false) FROM key_outcome;"
              "SELECT setval (pg_get_serial_sequence ('provider', 'id'), coalesce (max (id), 0) + 1, false) FROM provider;"
              "SELECT setval (pg_get_serial_sequence ('reach_entry', 'id'), coalesce (max (id), 0) + 1, false) FROM reach_entry;"
              "SELECT setval (pg_get_serial_sequence ('spend_item', 'id'), coalesce (max (id), 0) + 1, false) FROM spend_item;"
              "SELECT setval (pg_get_serial_sequence ('kpi', 'id'), coalesce (max (id), 0) + 1, false) FROM kpi;"
              "SELECT setval (pg_get_serial_sequence ('baseline_site', 'id'), coalesce (max (id), 0) + 1, false) FROM baseline_site;"
              "SELECT setval (pg_get_serial_sequence ('target', 'id'), coalesce (max (id), 0) + 1, false) FROM target;"
              "SELECT setval (pg_get_serial_sequence ('audit', 'id'), coalesce (max (id), 0) + 1, false) FROM audit;"
              "SELECT setval (pg_get_serial_sequence ('signoff', 'id'), coalesce (max (id), 0) + 1, false) FROM signoff;"
              "SELECT setval (pg_get_serial_sequence ('committee_round', 'id'), coalesce (max (id), 0) + 1, false) FROM committee_round;"
              "SELECT setval (pg_get_serial_sequence ('return_key', 'id'), coalesce (max (id), 0) + 1, false) FROM return_key;",
              error);
}

/* Every trigger a migration made, on every table, found in the
 * catalogue: ALTER TABLE needs the tables' owner, which whoever has just
 * made them in this transaction is. The foreign keys' own triggers are
 * not user triggers and stay on. Undone by a rollback. */
static gboolean
pg_set_triggers_enabled (PmDatabase  *database,
                         gboolean     enabled,
                         GError     **error)
{
  return run (PM_PG_DATABASE (database),
              enabled
              ? "DO $$ DECLARE t regclass; BEGIN"
                "  FOR t IN SELECT oid FROM pg_catalog.pg_class"
                "           WHERE relnamespace = current_schema ()::regnamespace AND relkind = 'r' LOOP"
                "    EXECUTE format ('ALTER TABLE %s ENABLE TRIGGER USER', t);"
                "  END LOOP;"
                " END $$;"
              : "DO $$ DECLARE t regclass; BEGIN"
                "  FOR t IN SELECT oid FROM pg_catalog.pg_class"
                "           WHERE relnamespace = current_schema ()::regnamespace AND relkind = 'r' LOOP"
                "    EXECUTE format ('ALTER TABLE %s DISABLE TRIGGER USER', t);"
                "  END LOOP;"
                " END $$;",
              error);
}

static PmStatement *
pg_prepare (PmDatabase  *database,
            const char  *sql,
            GError     **error)
{
  Self *self = PM_PG_DATABASE (database);
  PgPrepared *prepared;

  prepared = g_hash_table_lookup (self->prepared, sql);
  if (prepared == NULL)
    {
      prepared = g_new0 (PgPrepared, 1);
      prepared->name = g_strdup_printf ("pm_%u", ++self->n_prepared);
      prepared->translated = translate_parameters (sql, &prepared->n_params);
      prepared->generation = G_MAXUINT;
      g_hash_table_insert (self->prepared, g_strdup (sql), prepared);
    }

  if (!_pm_pg_database_prepare_on_connection (self, prepared, error))
    return NULL;

  return _pm_pg_statement_new (self, prepared);
}

/* The class */

static void
pm_pg_database_finalize (GObject *object)
{
  Self *self = PM_PG_DATABASE (object);

  _pm_pg_database_stop_watching (self);
  g_clear_pointer (&self->prepared, g_hash_table_unref);
  g_clear_pointer (&self->blanks_by_pid, g_hash_table_unref);
  g_clear_pointer (&self->changed_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (pm_pg_database_parent_class)->finalize (object);
}

static void
pm_pg_database_class_init (PmPgDatabaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  PmDatabaseClass *database_class = PM_DATABASE_CLASS (klass);

  object_class->finalize = pm_pg_database_finalize;

  database_class->migrations = _pm_schema_migrations_postgresql;
  database_class->close = pg_close;
  database_class->is_open = pg_is_open;
  database_class->get_schema_version = pg_get_schema_version;
  database_class->stamp_schema = pg_stamp_schema;
  database_class->execute = pg_execute;
  database_class->begin = pg_begin;
  database_class->begin_read = pg_begin_read;
  database_class->commit = pg_commit;
  database_class->rollback = pg_rollback;
  database_class->set_change_context = pg_set_change_context;
  database_class->set_change_key = pg_set_change_key;
  database_class->get_changes = pg_get_changes;
  database_class->backup_to = pg_backup_to;
  database_class->set_busy_timeout = pg_set_busy_timeout;
  database_class->prepare = pg_prepare;
  database_class->poll_changes = _pm_pg_database_poll_changes;
  database_class->is_connected = pg_is_connected;
  database_class->reconnect = pg_reconnect;
  database_class->watch_changes = _pm_pg_database_watch_changes;
  database_class->announce_change = _pm_pg_database_announce_change;
  database_class->poll_changed_rows = _pm_pg_database_poll_changed_rows;
  database_class->reset_ids = pg_reset_ids;
  database_class->set_triggers_enabled = pg_set_triggers_enabled;
}

static void
pm_pg_database_init (Self *self)
{
  self->prepared = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, pg_prepared_free);
  self->lock_timeout = -1;
  self->blanks_by_pid = g_hash_table_new (NULL, NULL);
  self->changed_rows = g_ptr_array_new_with_free_func (g_free);
}
