/* schema-facts.c: what a database's schema holds, as its engine tells it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "pg-test-util.h"

#include "schema-facts.h"

void
schema_facts_free (SchemaFacts *schema)
{
  g_clear_pointer (&schema->facts, g_hash_table_unref);
  g_clear_pointer (&schema->definitions, g_hash_table_unref);
  g_free (schema);
}

static SchemaFacts *
schema_facts_new (void)
{
  SchemaFacts *schema = g_new0 (SchemaFacts, 1);

  schema->facts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  schema->definitions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return schema;
}

static void add_line (GHashTable *set,
                      const char *format,
                      ...) G_GNUC_PRINTF (2, 3);

static void
add_line (GHashTable *set,
          const char *format,
          ...)
{
  va_list args;

  va_start (args, format);
  g_hash_table_add (set, g_strdup_vprintf (format, args));
  va_end (args);
}

/* sqlite */

static sqlite3 *
sqlite_open_file (const char *path)
{
  sqlite3 *db = NULL;

  /* Read-write but never written: a read-only connection to a WAL file
   * would want its -shm beside it. */
  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    g_error ("%s: %s", path, sqlite3_errmsg (db));
  return db;
}

/* @sql with @table (if not NULL) bound to ?1. */
static sqlite3_stmt *
sqlite_prepare (sqlite3    *db,
                const char *sql,
                const char *table)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  if (table != NULL)
    g_assert_cmpint (sqlite3_bind_text (stmt, 1, table, -1, SQLITE_TRANSIENT), ==, SQLITE_OK);
  return stmt;
}

static gboolean
sqlite_next (sqlite3_stmt *stmt)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    g_error ("%s: %s", sqlite3_sql (stmt), sqlite3_errmsg (sqlite3_db_handle (stmt)));
  return rc == SQLITE_ROW;
}

static const char *
sqlite_text (sqlite3_stmt *stmt,
             int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text != NULL ? text : "NULL";
}

/* A STRICT table's declared type (INT, INTEGER, REAL, TEXT, BLOB, ANY)
 * in the shared vocabulary; anything else as itself, so that it differs. */
static char *
sqlite_type_class (const char *declared)
{
  static const struct { const char *type; const char *class; } classes[] = {
    { "INTEGER", "integer" },
    { "INT", "integer" },
    { "REAL", "real" },
    { "TEXT", "text" },
    { "BLOB", "blob" },
    { "ANY", "any" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    {
      if (g_ascii_strcasecmp (declared, classes[i].type) == 0)
        return g_strdup (classes[i].class);
    }
  return g_strdup_printf ("sqlite type %s", declared);
}

/* "a, b": the primary key's columns in key order. */
static char *
sqlite_primary_key (sqlite3    *db,
                    const char *table,
                    guint      *n_columns,
                    char      **last_type)
{
  sqlite3_stmt *stmt = sqlite_prepare (db,
    "SELECT name, type FROM pragma_table_info (?1) WHERE pk > 0 ORDER BY pk", table);
  g_autoptr(GString) columns = g_string_new (NULL);
  guint n = 0;

  while (sqlite_next (stmt))
    {
      if (n++ > 0)
        g_string_append (columns, ", ");
      g_string_append (columns, sqlite_text (stmt, 0));
      if (last_type != NULL)
        {
          g_free (*last_type);
          *last_type = g_strdup (sqlite_text (stmt, 1));
        }
    }
  sqlite3_finalize (stmt);

  if (n_columns != NULL)
    *n_columns = n;
  return g_string_free (g_steal_pointer (&columns), FALSE);
}

static void
read_sqlite_columns (sqlite3    *db,
                     const char *table,
                     GHashTable *facts)
{
  sqlite3_stmt *stmt;
  g_autofree char *key = NULL;
  g_autofree char *key_type = NULL;
  gboolean strict = FALSE;
  gboolean without_rowid = FALSE;
  guint n_key = 0;

  stmt = sqlite_prepare (db, "SELECT strict, wr FROM pragma_table_list (?1)", table);
  g_assert_true (sqlite_next (stmt));
  strict = sqlite3_column_int (stmt, 0) != 0;
  without_rowid = sqlite3_column_int (stmt, 1) != 0;
  sqlite3_finalize (stmt);

  add_line (facts, "%s: table", table);
  /* A server refuses a value of the wrong type; sqlite only in a STRICT
   * table. */
  if (strict)
    add_line (facts, "%s: types enforced", table);

  stmt = sqlite_prepare (db,
    "SELECT cid, name, type, \"notnull\", dflt_value, pk FROM pragma_table_info (?1) ORDER BY cid",
    table);
  while (sqlite_next (stmt))
    {
      const char *name = sqlite_text (stmt, 1);
      g_autofree char *class = sqlite_type_class (sqlite_text (stmt, 2));

      add_line (facts, "%s: column %d %s %s", table, sqlite3_column_int (stmt, 0), name, class);
      /* Key columns cannot be NULL in a STRICT table (nor a rowid at
       * all), though the PRAGMA says notnull only when it was written. */
      if (sqlite3_column_int (stmt, 3) != 0 || sqlite3_column_int (stmt, 5) > 0)
        add_line (facts, "%s: not null %s", table, name);
      if (sqlite3_column_type (stmt, 4) != SQLITE_NULL)
        add_line (facts, "%s: default %s %s", table, name, sqlite_text (stmt, 4));
    }
  sqlite3_finalize (stmt);

  key = sqlite_primary_key (db, table, &n_key, &key_type);
  if (n_key > 0)
    add_line (facts, "%s: primary key (%s)", table, key);
  /* The rowid, which numbers a row inserted without one: the server's
   * identity column. */
  if (n_key == 1 && !without_rowid && g_ascii_strcasecmp (key_type, "INTEGER") == 0)
    add_line (facts, "%s: automatic %s", table, key);
}

/* Indexes other than the primary key's (which the key's fact says). */
static void
read_sqlite_indexes (sqlite3    *db,
                     const char *table,
                     GHashTable *facts)
{
  sqlite3_stmt *indexes = sqlite_prepare (db,
    "SELECT name, \"unique\", partial FROM pragma_index_list (?1) WHERE origin <> 'pk'", table);

  while (sqlite_next (indexes))
    {
      sqlite3_stmt *columns = sqlite_prepare (db,
        "SELECT cid, name, \"desc\", coll FROM pragma_index_xinfo (?1) WHERE key ORDER BY seqno",
        sqlite_text (indexes, 0));
      g_autoptr(GString) list = g_string_new (NULL);

      while (sqlite_next (columns))
        {
          int cid = sqlite3_column_int (columns, 0);

          if (list->len > 0)
            g_string_append (list, ", ");
          g_string_append (list, cid == -2 ? "expression" : cid == -1 ? "rowid" : sqlite_text (columns, 1));
          if (g_ascii_strcasecmp (sqlite_text (columns, 3), "BINARY") != 0)
            {
              g_autofree char *collation = g_ascii_strdown (sqlite_text (columns, 3), -1);

              g_string_append_printf (list, " collate %s", collation);
            }
          if (sqlite3_column_int (columns, 2) != 0)
            g_string_append (list, " desc");
        }
      sqlite3_finalize (columns);

      add_line (facts, "%s: %sindex (%s)%s", table,
                sqlite3_column_int (indexes, 1) != 0 ? "unique " : "", list->str,
                sqlite3_column_int (indexes, 2) != 0 ? " partial" : "");
    }
  sqlite3_finalize (indexes);
}

static void
add_sqlite_foreign_key (sqlite3    *db,
                        const char *table,
                        const char *parent,
                        GString    *from,
                        GString    *to,
                        const char *on_update,
                        const char *on_delete,
                        GHashTable *facts)
{
  g_autofree char *update = g_ascii_strdown (on_update, -1);
  g_autofree char *delete = g_ascii_strdown (on_delete, -1);
  g_autofree char *parent_key = NULL;

  /* REFERENCES parent without columns means its primary key. */
  if (to->len == 0)
    parent_key = sqlite_primary_key (db, parent, NULL, NULL);

  add_line (facts, "%s: foreign key (%s) references %s (%s) on update %s on delete %s",
            table, from->str, parent, parent_key != NULL ? parent_key : to->str, update, delete);
}

static void
read_sqlite_foreign_keys (sqlite3    *db,
                          const char *table,
                          GHashTable *facts)
{
  sqlite3_stmt *stmt = sqlite_prepare (db,
    "SELECT id, \"table\", \"from\", \"to\", on_update, on_delete "
    "FROM pragma_foreign_key_list (?1) ORDER BY id, seq", table);
  g_autoptr(GString) from = g_string_new (NULL);
  g_autoptr(GString) to = g_string_new (NULL);
  g_autofree char *parent = NULL;
  g_autofree char *on_update = NULL;
  g_autofree char *on_delete = NULL;
  int id = -1;

  while (sqlite_next (stmt))
    {
      if (sqlite3_column_int (stmt, 0) != id)
        {
          if (id != -1)
            add_sqlite_foreign_key (db, table, parent, from, to, on_update, on_delete, facts);
          id = sqlite3_column_int (stmt, 0);
          g_string_truncate (from, 0);
          g_string_truncate (to, 0);
          g_free (parent);
          parent = g_strdup (sqlite_text (stmt, 1));
          g_free (on_update);
          on_update = g_strdup (sqlite_text (stmt, 4));
          g_free (on_delete);
          on_delete = g_strdup (sqlite_text (stmt, 5));
        }
      if (from->len > 0)
        g_string_append (from, ", ");
      g_string_append (from, sqlite_text (stmt, 2));
      if (sqlite3_column_type (stmt, 3) != SQLITE_NULL)
        {
          if (to->len > 0)
            g_string_append (to, ", ");
          g_string_append (to, sqlite_text (stmt, 3));
        }
    }
  if (id != -1)
    add_sqlite_foreign_key (db, table, parent, from, to, on_update, on_delete, facts);
  sqlite3_finalize (stmt);
}

/* sqlite keeps a trigger only as its SQL: when and on what it fires is
 * read from there. A trigger named after the event it fires on
 * ("audit_progress_insert") is the server's trigger of that name without
 * the event ("audit_progress"), which fires on several. */
static void
read_sqlite_triggers (sqlite3    *db,
                      GHashTable *facts)
{
  g_autoptr(GRegex) regex = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;

  regex = g_regex_new ("^\\s*CREATE\\s+(?:TEMP(?:ORARY)?\\s+)?TRIGGER\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?"
                       "\\S+\\s+(BEFORE\\s+|AFTER\\s+|INSTEAD\\s+OF\\s+)?(INSERT|DELETE|UPDATE)"
                       "(?:\\s+OF\\s+(.+?))?\\s+ON\\s",
                       G_REGEX_CASELESS | G_REGEX_DOTALL, 0, &error);
  g_assert_no_error (error);

  stmt = sqlite_prepare (db, "SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'trigger'", NULL);
  while (sqlite_next (stmt))
    {
      const char *name = sqlite_text (stmt, 0);
      g_autoptr(GMatchInfo) match = NULL;
      g_autofree char *when = NULL;
      g_autofree char *what = NULL;
      g_autofree char *timing = NULL;
      g_autofree char *event = NULL;
      g_autofree char *of = NULL;
      g_autofree char *suffix = NULL;
      g_autofree char *server_name = NULL;
      g_autoptr(GString) columns = g_string_new (NULL);

      if (!g_regex_match (regex, sqlite_text (stmt, 2), 0, &match))
        g_error ("cannot read when trigger %s fires: %s", name, sqlite_text (stmt, 2));

      when = g_strstrip (g_match_info_fetch (match, 1));
      if (when[0] == '\0')
        timing = g_strdup ("before");
      else if (g_ascii_toupper (when[0]) == 'I')
        timing = g_strdup ("instead of");
      else
        timing = g_ascii_strdown (when, -1);
      what = g_match_info_fetch (match, 2);
      event = g_ascii_strdown (what, -1);
      of = g_match_info_fetch (match, 3);
      if (of != NULL && of[0] != '\0')
        {
          g_auto(GStrv) names = g_strsplit (of, ",", -1);

          for (guint i = 0; names[i] != NULL; i++)
            g_string_append_printf (columns, "%s%s", i > 0 ? ", " : " of ", g_strstrip (names[i]));
        }

      suffix = g_strconcat ("_", event, NULL);
      server_name = g_strdup (name);
      if (g_str_has_suffix (server_name, suffix))
        server_name[strlen (server_name) - strlen (suffix)] = '\0';

      add_line (facts, "%s: trigger %s %s %s%s",
                sqlite_text (stmt, 1), server_name, timing, event, columns->str);
    }
  sqlite3_finalize (stmt);
}

static void
read_sqlite_definitions (sqlite3    *db,
                         GHashTable *definitions)
{
  sqlite3_stmt *stmt;

  stmt = sqlite_prepare (db,
    "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE sql IS NOT NULL", NULL);
  while (sqlite_next (stmt))
    add_line (definitions, "%s %s on %s: %s", sqlite_text (stmt, 0), sqlite_text (stmt, 1),
              sqlite_text (stmt, 2), sqlite_text (stmt, 3));
  sqlite3_finalize (stmt);

  /* What the file's header and settings say. */
  stmt = sqlite_prepare (db,
    "SELECT (SELECT user_version FROM pragma_user_version),"
    "       (SELECT application_id FROM pragma_application_id),"
    "       (SELECT journal_mode FROM pragma_journal_mode),"
    "       (SELECT auto_vacuum FROM pragma_auto_vacuum),"
    "       (SELECT encoding FROM pragma_encoding),"
    "       (SELECT page_size FROM pragma_page_size)", NULL);
  g_assert_true (sqlite_next (stmt));
  add_line (definitions,
            "file: user_version %s, application_id %s, journal_mode %s, auto_vacuum %s, "
            "encoding %s, page_size %s",
            sqlite_text (stmt, 0), sqlite_text (stmt, 1), sqlite_text (stmt, 2),
            sqlite_text (stmt, 3), sqlite_text (stmt, 4), sqlite_text (stmt, 5));
  sqlite3_finalize (stmt);
}

SchemaFacts *
schema_facts_read_sqlite (const char *path)
{
  SchemaFacts *schema = schema_facts_new ();
  sqlite3 *db = sqlite_open_file (path);
  sqlite3_stmt *tables;

  /* Names starting "sqlite_" are the engine's own (sqlite_sequence for
   * AUTOINCREMENT, sqlite_stat1 for ANALYZE); no table of ours may have
   * one. */
  tables = sqlite_prepare (db,
    "SELECT name, type FROM sqlite_master "
    "WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite!_%' ESCAPE '!'", NULL);
  while (sqlite_next (tables))
    {
      const char *table = sqlite_text (tables, 0);

      if (g_str_equal (sqlite_text (tables, 1), "view"))
        {
          add_line (schema->facts, "%s: view", table);
          continue;
        }
      read_sqlite_columns (db, table, schema->facts);
      read_sqlite_indexes (db, table, schema->facts);
      read_sqlite_foreign_keys (db, table, schema->facts);
    }
  sqlite3_finalize (tables);

  read_sqlite_triggers (db, schema->facts);
  read_sqlite_definitions (db, schema->definitions);

  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  return schema;
}

/* PostgreSQL */

/* Every row of @sql, which takes no parameters. */
static PGresult *
pg_rows (PGconn     *conn,
         const char *sql)
{
  PGresult *rows = PQexecParams (conn, sql, 0, NULL, NULL, NULL, NULL, 0);

  if (PQresultStatus (rows) != PGRES_TUPLES_OK)
    g_error ("%s: %s", sql, PQresultErrorMessage (rows));
  return rows;
}

static const char *
pg_text (PGresult *rows,
         int       row,
         int       column)
{
  return PQgetisnull (rows, row, column) ? "NULL" : PQgetvalue (rows, row, column);
}

/* information_schema's data_type in the shared vocabulary; anything else
 * as itself, so that it differs. The integer class holds both widths:
 * sqlite's INTEGER is always 64 bits, and the server's 32-bit columns
 * (positions, counts of families, revisions) hold what the model keeps
 * in an int. */
static char *
pg_type_class (const char *data_type)
{
  static const struct { const char *type; const char *class; } classes[] = {
    { "bigint", "integer" },
    { "integer", "integer" },
    { "smallint", "integer" },
    { "double precision", "real" },
    { "real", "real" },
    { "text", "text" },
    { "character varying", "text" },
    { "bytea", "blob" },
    { "boolean", "boolean" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    {
      if (g_str_equal (data_type, classes[i].type))
        return g_strdup (classes[i].class);
    }
  return g_strdup_printf ("postgresql type %s", data_type);
}

/* The schema's own relations: "JOIN pg_namespace n ON n.oid = c.relnamespace"
 * and this. */
#define IN_SCHEMA " n.nspname = current_schema () "
/* The names of the columns numbered in the int2 array @attnums of
 * relation @relid, in array order. */
#define COLUMN_NAMES(attnums, relid) \
  "(SELECT string_agg (a.attname::text, ', ' ORDER BY k.ord)" \
  "   FROM unnest (" attnums ") WITH ORDINALITY AS k (attnum, ord)" \
  "   JOIN pg_attribute a ON a.attrelid = " relid " AND a.attnum = k.attnum)"

static void
read_pg_columns (PGconn     *conn,
                 GHashTable *facts)
{
  g_autoptr(PGresult) rows = NULL;

  rows = pg_rows (conn,
    "SELECT table_name, table_type FROM information_schema.tables "
    "WHERE table_schema = current_schema ()");
  for (int i = 0; i < PQntuples (rows); i++)
    {
      if (g_str_equal (pg_text (rows, i, 1), "VIEW"))
        {
          add_line (facts, "%s: view", pg_text (rows, i, 0));
          continue;
        }
      add_line (facts, "%s: table", pg_text (rows, i, 0));
      add_line (facts, "%s: types enforced", pg_text (rows, i, 0));
    }
  g_clear_pointer (&rows, PQclear);

  /* Positions counted from 0 as sqlite's cid, over the columns there
   * are (ordinal_position keeps the gap of a dropped one). */
  rows = pg_rows (conn,
    "SELECT c.table_name,"
    "       row_number () OVER (PARTITION BY c.table_name ORDER BY c.ordinal_position) - 1,"
    "       c.column_name, c.data_type, c.is_nullable, c.column_default, c.is_identity "
    "FROM information_schema.columns c "
    "JOIN information_schema.tables t USING (table_catalog, table_schema, table_name) "
    "WHERE c.table_schema = current_schema () AND t.table_type = 'BASE TABLE'");
  for (int i = 0; i < PQntuples (rows); i++)
    {
      const char *table = pg_text (rows, i, 0);
      const char *name = pg_text (rows, i, 2);
      g_autofree char *class = pg_type_class (pg_text (rows, i, 3));

      add_line (facts, "%s: column %s %s %s", table, pg_text (rows, i, 1), name, class);
      if (g_str_equal (pg_text (rows, i, 4), "NO"))
        add_line (facts, "%s: not null %s", table, name);
      if (g_str_equal (pg_text (rows, i, 6), "YES") ||
          g_str_has_prefix (pg_text (rows, i, 5), "nextval("))
        {
          add_line (facts, "%s: automatic %s", table, name);
        }
      else if (!PQgetisnull (rows, i, 5))
        {
          /* 'on-track'::text is sqlite's 'on-track'. */
          g_autofree char *value = g_strdup (pg_text (rows, i, 5));
          char *cast = strstr (value, "::");

          if (cast != NULL)
            *cast = '\0';
          add_line (facts, "%s: default %s %s", table, name, value);
        }
    }
}

static void
read_pg_keys (PGconn     *conn,
              GHashTable *facts)
{
  static const struct { char code; const char *action; } actions[] = {
    { 'a', "no action" },
    { 'r', "restrict" },
    { 'c', "cascade" },
    { 'n', "set null" },
    { 'd', "set default" },
  };
  g_autoptr(PGresult) rows = NULL;

  rows = pg_rows (conn,
    "SELECT c.relname, con.contype, " COLUMN_NAMES ("con.conkey", "con.conrelid") ","
    "       f.relname, " COLUMN_NAMES ("con.confkey", "con.confrelid") ","
    "       con.confupdtype, con.confdeltype "
    "FROM pg_constraint con "
    "JOIN pg_class c ON c.oid = con.conrelid "
    "JOIN pg_namespace n ON n.oid = c.relnamespace "
    "LEFT JOIN pg_class f ON f.oid = con.confrelid "
    "WHERE con.contype IN ('p', 'f') AND" IN_SCHEMA);
  for (int i = 0; i < PQntuples (rows); i++)
    {
      const char *on_update = NULL;
      const char *on_delete = NULL;

      if (pg_text (rows, i, 1)[0] == 'p')
        {
          add_line (facts, "%s: primary key (%s)", pg_text (rows, i, 0), pg_text (rows, i, 2));
          continue;
        }
      for (guint a = 0; a < G_N_ELEMENTS (actions); a++)
        {
          if (pg_text (rows, i, 5)[0] == actions[a].code)
            on_update = actions[a].action;
          if (pg_text (rows, i, 6)[0] == actions[a].code)
            on_delete = actions[a].action;
        }
      g_assert_nonnull (on_update);
      g_assert_nonnull (on_delete);
      add_line (facts, "%s: foreign key (%s) references %s (%s) on update %s on delete %s",
                pg_text (rows, i, 0), pg_text (rows, i, 2), pg_text (rows, i, 3),
                pg_text (rows, i, 4), on_update, on_delete);
    }
}

/* Indexes other than the primary key's. A key column that is an
 * expression (indkey 0) is "expression", as sqlite cannot say which. */
static void
read_pg_indexes (PGconn     *conn,
                 GHashTable *facts)
{
  g_autoptr(PGresult) rows = NULL;

  rows = pg_rows (conn,
    "SELECT c.relname, i.indisunique, i.indpred IS NOT NULL,"
    "       (SELECT string_agg (CASE WHEN i.indkey[k - 1] = 0 THEN 'expression'"
    "                                ELSE (SELECT a.attname::text FROM pg_attribute a"
    "                                      WHERE a.attrelid = i.indrelid AND a.attnum = i.indkey[k - 1]) END"
    "                           || CASE WHEN i.indoption[k - 1] & 1 = 1 THEN ' desc' ELSE '' END,"
    "                           ', ' ORDER BY k)"
    "          FROM generate_series (1, i.indnkeyatts) AS k) "
    "FROM pg_index i "
    "JOIN pg_class c ON c.oid = i.indrelid "
    "JOIN pg_namespace n ON n.oid = c.relnamespace "
    "WHERE NOT i.indisprimary AND" IN_SCHEMA);
  for (int i = 0; i < PQntuples (rows); i++)
    add_line (facts, "%s: %sindex (%s)%s", pg_text (rows, i, 0),
              g_str_equal (pg_text (rows, i, 1), "t") ? "unique " : "", pg_text (rows, i, 3),
              g_str_equal (pg_text (rows, i, 2), "t") ? " partial" : "");
}

/* A fact per event a trigger fires on (pg_trigger.tgtype's bits, as
 * include/catalog/pg_trigger.h defines them). */
static void
read_pg_triggers (PGconn     *conn,
                  GHashTable *facts)
{
  enum
  {
    TYPE_ROW = 1 << 0,
    TYPE_BEFORE = 1 << 1,
    TYPE_INSERT = 1 << 2,
    TYPE_DELETE = 1 << 3,
    TYPE_UPDATE = 1 << 4,
    TYPE_TRUNCATE = 1 << 5,
    TYPE_INSTEAD = 1 << 6,
  };
  static const struct { int bit; const char *event; } events[] = {
    { TYPE_INSERT, "insert" },
    { TYPE_DELETE, "delete" },
    { TYPE_UPDATE, "update" },
    { TYPE_TRUNCATE, "truncate" },
  };
  g_autoptr(PGresult) rows = NULL;

  rows = pg_rows (conn,
    "SELECT c.relname, t.tgname, t.tgtype, " COLUMN_NAMES ("t.tgattr::int2[]", "t.tgrelid") " "
    "FROM pg_trigger t "
    "JOIN pg_class c ON c.oid = t.tgrelid "
    "JOIN pg_namespace n ON n.oid = c.relnamespace "
    "WHERE NOT t.tgisinternal AND" IN_SCHEMA);
  for (int i = 0; i < PQntuples (rows); i++)
    {
      int type = atoi (pg_text (rows, i, 2));
      const char *timing = (type & TYPE_INSTEAD) ? "instead of"
                           : (type & TYPE_BEFORE) ? "before" : "after";

      for (guint e = 0; e < G_N_ELEMENTS (events); e++)
        {
          g_autofree char *columns = NULL;

          if (!(type & events[e].bit))
            continue;
          if (events[e].bit == TYPE_UPDATE && !PQgetisnull (rows, i, 3))
            columns = g_strconcat (" of ", pg_text (rows, i, 3), NULL);
          add_line (facts, "%s: trigger %s %s %s%s%s", pg_text (rows, i, 0), pg_text (rows, i, 1),
                    timing, events[e].event, columns != NULL ? columns : "",
                    (type & TYPE_ROW) ? "" : " for each statement");
        }
    }
}

/* Everything the server can say of each object, as it would recreate it. */
static void
read_pg_definitions (PGconn     *conn,
                     GHashTable *definitions)
{
  static const char * const queries[] = {
    "SELECT 'constraint ' || con.conname || ' on ' || c.relname || ': '"
    "       || pg_get_constraintdef (con.oid) "
    "FROM pg_constraint con "
    "JOIN pg_class c ON c.oid = con.conrelid "
    "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE" IN_SCHEMA,

    "SELECT 'index: ' || indexdef FROM pg_indexes WHERE schemaname = current_schema ()",

    "SELECT 'trigger: ' || pg_get_triggerdef (t.oid) "
    "FROM pg_trigger t "
    "JOIN pg_class c ON c.oid = t.tgrelid "
    "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE NOT t.tgisinternal AND" IN_SCHEMA,

    "SELECT 'function: ' || pg_get_functiondef (p.oid) || ' granted ' || coalesce (p.proacl::text, 'default') "
    "FROM pg_proc p "
    "JOIN pg_namespace n ON n.oid = p.pronamespace WHERE" IN_SCHEMA,

    "SELECT format ('policy %s on %s: %s %s to %s using %s with check %s',"
    "               policyname, tablename, permissive, cmd, roles, qual, with_check) "
    "FROM pg_policies WHERE schemaname = current_schema ()",

    "SELECT format ('relation %s (%s): row security %s, forced %s, granted %s',"
    "               c.relname, c.relkind, c.relrowsecurity, c.relforcerowsecurity, c.relacl) "
    "FROM pg_class c "
    "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE" IN_SCHEMA,

    "SELECT format ('pm_meta: application_id %s, schema_version %s', application_id, schema_version) "
    "FROM pm_meta",
  };

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      g_autoptr(PGresult) rows = pg_rows (conn, queries[q]);

      for (int i = 0; i < PQntuples (rows); i++)
        add_line (definitions, "%s", pg_text (rows, i, 0));
    }
}

#undef IN_SCHEMA
#undef COLUMN_NAMES

/* Each programme has its own group roles (schema 9), named from its
 * database: in what is granted to them, they are named by what they
 * are, so that two databases compare. */
static void
name_programme_roles (PGconn     *conn,
                      GHashTable *definitions)
{
  g_autoptr(PGresult) rows = NULL;
  g_autoptr(GHashTable) renamed = NULL;
  static const char * const generic[] = { "pm_PROGRAMME_office", "pm_PROGRAMME_lead", "pm_PROGRAMME_viewer" };
  GHashTableIter iter;
  const char *line;

  rows = pg_rows (conn,
                  "SELECT count (*) FROM information_schema.columns "
                  "WHERE table_schema = current_schema () AND table_name = 'pm_meta' "
                  "AND column_name = 'office_role'");
  if (g_str_equal (pg_text (rows, 0, 0), "0"))
    return;
  g_clear_pointer (&rows, PQclear);
  rows = pg_rows (conn, "SELECT office_role, lead_role, viewer_role FROM pm_meta");

  renamed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_iter_init (&iter, definitions);
  while (g_hash_table_iter_next (&iter, (gpointer *) &line, NULL))
    {
      g_autoptr(GString) text = g_string_new (line);

      for (int i = 0; i < 3; i++)
        g_string_replace (text, pg_text (rows, 0, i), generic[i], 0);
      g_hash_table_add (renamed, g_string_free (g_steal_pointer (&text), FALSE));
    }

  g_hash_table_remove_all (definitions);
  g_hash_table_iter_init (&iter, renamed);
  while (g_hash_table_iter_next (&iter, (gpointer *) &line, NULL))
    {
      g_hash_table_add (definitions, (gpointer) line);
      g_hash_table_iter_steal (&iter);
    }
}

SchemaFacts *
schema_facts_read_postgresql (const char *uri)
{
  SchemaFacts *schema = schema_facts_new ();
  g_autoptr(PGconn) conn = PQconnectdb (uri);

  if (PQstatus (conn) != CONNECTION_OK)
    g_error ("connect: %s", PQerrorMessage (conn));

  read_pg_columns (conn, schema->facts);
  read_pg_keys (conn, schema->facts);
  read_pg_indexes (conn, schema->facts);
  read_pg_triggers (conn, schema->facts);
  read_pg_definitions (conn, schema->definitions);
  name_programme_roles (conn, schema->definitions);
  return schema;
}

/* Comparing */

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The lines of @a not in @b, sorted, each as "only on @name: line\n". */
static void
append_missing (GString    *out,
                GHashTable *a,
                GHashTable *b,
                const char *name)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer line;

  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &line, NULL))
    {
      if (!g_hash_table_contains (b, line))
        g_ptr_array_add (lines, line);
    }
  g_ptr_array_sort (lines, compare_strings);
  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (out, "only on %s: %s\n", name, (const char *) g_ptr_array_index (lines, i));
}

char *
schema_facts_describe_differences (GHashTable *a,
                                   const char *a_name,
                                   GHashTable *b,
                                   const char *b_name)
{
  GString *out = g_string_new (NULL);

  append_missing (out, a, b, a_name);
  append_missing (out, b, a, b_name);
  return g_string_free (out, FALSE);
}
