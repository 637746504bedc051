/* test-schema-engines.c: one design on a file and on a server
 *
 * The schema is written twice, migration for migration: for sqlite in
 * src/store/pm-schema-sqlite.c and for PostgreSQL in
 * src/store/pm-schema-postgresql.c. These tests make a database on each
 * engine through the store, read what each engine says it holds as facts
 * in one vocabulary (schema-facts.h) and report every fact that only one
 * engine has: a table, a column (its place, type class, NOT NULL,
 * default), a primary or foreign key, an index, a trigger and the events
 * it fires on. What differs by design is listed in intended_differences[]
 * below with its reason; an entry that no longer matches anything fails
 * too, so the list cannot go stale. CHECK constraints are not compared
 * across engines (GLOB patterns against regular expressions), only each
 * with itself below.
 *
 * A database made at each older version and then opened by the store,
 * which migrates it, must be the same as a new one on the same engine,
 * down to the engine's own definitions (sqlite's SQL text and file
 * settings; the server's constraints, functions, row-level security and
 * grants). The older database is made with today's migrations, so this
 * compares the way up with the way a new database is made; it cannot see
 * a released migration edited in place.
 *
 * The tests that need PostgreSQL skip when PM_TEST_PG_URI names no test
 * server (build-aux/run-tests.sh always starts one); the file's own test
 * runs anyway.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "pm-database.h"
#include "pm-store.h"
#include "pg-test-util.h"
#include "schema-facts.h"
#include "store-test-util.h"

typedef enum
{
  ENGINE_SQLITE,
  ENGINE_POSTGRESQL,
} Engine;

static const char * const engine_names[] = { "sqlite", "postgresql" };

/* What differs by design, and why. An entry names a fact on one engine
 * that the other lacks, or all the facts of a table, or of a trigger
 * whatever its table. */
typedef enum
{
  MATCH_FACT,
  MATCH_TABLE,
  MATCH_TRIGGER,
} MatchKind;

typedef struct
{
  Engine      engine;
  MatchKind   kind;
  const char *what;
  const char *why;
} IntendedDifference;

static const IntendedDifference intended_differences[] = {
  /* Bookkeeping */
  { ENGINE_SQLITE, MATCH_TABLE, "change_context",
    "who is writing, and from where, for the audit triggers: a one-row table on a file; on a "
    "server the transaction's settings pm.author, pm.source and pm.key_fingerprint, which "
    "every writer would otherwise have to lock in turn" },
  { ENGINE_POSTGRESQL, MATCH_TABLE, "pm_meta",
    "the schema version and application id: sqlite's PRAGMA user_version and application_id "
    "in a file's header" },

  /* Types and keys */
  { ENGINE_SQLITE, MATCH_FACT, "baseline: automatic kpi_id",
    "sqlite makes any INTEGER PRIMARY KEY the rowid, which would number a row inserted "
    "without one; a baseline always names its KPI (and the foreign key requires it)" },

  /* Indexes */
  { ENGINE_SQLITE, MATCH_FACT, "district: unique index (programme_id, name collate nocase)",
    "a district's name unique whatever its case: sqlite's NOCASE collation, ..." },
  { ENGINE_POSTGRESQL, MATCH_FACT, "district: unique index (programme_id, expression)",
    "... an index on lower (name) on a server, which has no NOCASE. NOCASE folds only ASCII "
    "letters, lower () all; the model refuses names that differ only in case "
    "(g_utf8_casefold) before either engine sees them" },
  { ENGINE_SQLITE, MATCH_FACT, "progress: index (kpi_id, period, value, numerator, denominator)",
    "the covering index of a KPI's value at a period (schema 19): sqlite has no INCLUDE, so "
    "the value's columns are keys after the two it is sought by, ..." },
  { ENGINE_POSTGRESQL, MATCH_FACT, "progress: index (kpi_id, period)",
    "... the server carries them with INCLUDE, which the facts do not list" },

  /* Triggers. sqlite has one trigger per event, named after the server's
   * with the event appended (read_sqlite_triggers() strips it); the
   * server has one for several events. */
  { ENGINE_SQLITE, MATCH_FACT, "audit: trigger audit_key_fingerprint after insert",
    "sqlite cannot change NEW, so it updates the audit row after the insert; ..." },
  { ENGINE_POSTGRESQL, MATCH_FACT, "audit: trigger audit_key_fingerprint before insert",
    "... the server sets NEW.key_fingerprint before it" },
  { ENGINE_SQLITE, MATCH_FACT, "progress: trigger accepted_progress_move before update of kpi_id, period",
    "sqlite's guard on a value leaving an accepted quarter; the server's accepted_progress "
    "fires on every update and compares the old and new key itself" },
  { ENGINE_SQLITE, MATCH_FACT, "narrative: trigger accepted_narrative_move before update of pilot_id, period",
    "as accepted_progress_move, for narratives (the server's accepted_narrative)" },
  { ENGINE_POSTGRESQL, MATCH_TRIGGER, "notify_change",
    "tells the other windows on the server that something changed (LISTEN pm_changes); a "
    "file is polled instead" },
  { ENGINE_POSTGRESQL, MATCH_TRIGGER, "accepted_truncate",
    "TRUNCATE fires no row triggers on a server; sqlite has no TRUNCATE" },
  { ENGINE_POSTGRESQL, MATCH_TRIGGER, "signoff_kept_truncate",
    "as accepted_truncate, for the sign-off history" },
};

static SchemaFacts *
read_schema (Engine      engine,
             const char *location)
{
  if (engine == ENGINE_SQLITE)
    return schema_facts_read_sqlite (location);
  return schema_facts_read_postgresql (location);
}

static gboolean
difference_matches (const IntendedDifference *difference,
                    const char               *fact)
{
  g_autofree char *needle = NULL;

  switch (difference->kind)
    {
    case MATCH_FACT:
      return g_str_equal (fact, difference->what);
    case MATCH_TABLE:
      needle = g_strconcat (difference->what, ": ", NULL);
      return g_str_has_prefix (fact, needle);
    case MATCH_TRIGGER:
      needle = g_strconcat (": trigger ", difference->what, " ", NULL);
      return strstr (fact, needle) != NULL;
    default:
      g_assert_not_reached ();
    }
}

/* Takes out of @facts what @engine has by design; says in @problems of
 * each intended difference that it matched nothing (it is stale). */
static void
remove_intended_differences (GHashTable *facts,
                             Engine      engine,
                             GString    *problems)
{
  for (guint d = 0; d < G_N_ELEMENTS (intended_differences); d++)
    {
      const IntendedDifference *difference = &intended_differences[d];
      GHashTableIter iter;
      gpointer fact;
      guint removed = 0;

      if (difference->engine != engine)
        continue;

      g_hash_table_iter_init (&iter, facts);
      while (g_hash_table_iter_next (&iter, &fact, NULL))
        {
          if (difference_matches (difference, fact))
            {
              g_hash_table_iter_remove (&iter);
              removed++;
            }
        }
      if (removed == 0)
        g_string_append_printf (problems, "intended difference no longer on %s: %s\n",
                                engine_names[engine], difference->what);
    }
}

/* What differs between the two engines' schemas beyond what is meant
 * to; "" when nothing does. */
static char *
compare_engines (SchemaFacts *on_file,
                 SchemaFacts *on_server)
{
  g_autoptr(GString) problems = g_string_new (NULL);
  g_autofree char *differences = NULL;

  remove_intended_differences (on_file->facts, ENGINE_SQLITE, problems);
  remove_intended_differences (on_server->facts, ENGINE_POSTGRESQL, problems);
  differences = schema_facts_describe_differences (on_file->facts, engine_names[ENGINE_SQLITE],
                                                   on_server->facts, engine_names[ENGINE_POSTGRESQL]);
  g_string_append (problems, differences);
  return g_string_free (g_steal_pointer (&problems), FALSE);
}

/* Fixture: where the databases are */

typedef struct
{
  char      *dir;
  /* Of the databases made: file paths and server URIs. */
  GPtrArray *locations;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = pm_test_dir_new ("pm-schema");
  fixture->locations = g_ptr_array_new_with_free_func (g_free);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  for (guint i = 0; i < fixture->locations->len; i++)
    {
      const char *location = g_ptr_array_index (fixture->locations, i);
      g_autoptr(GError) error = NULL;

      if (pm_store_location_is_server (location) && !pg_test_drop_database (location, &error))
        g_warning ("%s", error->message);
    }
  g_clear_pointer (&fixture->locations, g_ptr_array_unref);
  store_test_clear_dir (&fixture->dir);
}

/* A new place for a database on @engine, which the fixture keeps: a file
 * called @name in its folder, or an empty database on the test server. */
static const char *
new_location (Fixture    *fixture,
              Engine      engine,
              const char *name)
{
  g_autoptr(GError) error = NULL;
  char *location;

  if (engine == ENGINE_SQLITE)
    location = g_build_filename (fixture->dir, name, NULL);
  else
    location = pg_test_create_database ("pm_schema", &error);
  g_assert_no_error (error);

  g_ptr_array_add (fixture->locations, location);
  return location;
}

/* A new database at the current version, made as the application makes
 * one: pm_store_open() with PM_STORE_OPEN_CREATE. */
static void
create_store (const char *location)
{
  g_autoptr(PmStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = pm_store_open (location, PM_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  pm_store_close (store);
}

/* A database made at @version, then opened by the store, which migrates
 * it to the current one. */
static void
migrate_store (const char *location,
               int         version)
{
  g_autoptr(PmDatabase) db = NULL;
  g_autoptr(PmStore) store = NULL;
  g_autoptr(GError) error = NULL;
  int on_disk = 0;

  db = pm_database_open (location, PM_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (pm_database_migrate_to (db, version, &error));
  g_assert_no_error (error);
  g_assert_true (pm_database_get_schema_version (db, &on_disk, &error));
  g_assert_cmpint (on_disk, ==, version);
  g_clear_object (&db);

  store = pm_store_open (location, PM_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  pm_store_close (store);
  g_assert_cmpint (store_test_schema_version (location), ==, PM_STORE_SCHEMA_VERSION);
}

/* Tests */

/* A new database on a file and one on a server hold the same tables,
 * columns, keys, indexes and triggers, but for the intended differences. */
static void
test_same_design (Fixture       *fixture,
                  gconstpointer  data)
{
  const char *file;
  const char *server;
  g_autoptr(SchemaFacts) on_file = NULL;
  g_autoptr(SchemaFacts) on_server = NULL;
  g_autofree char *differences = NULL;

  if (pg_test_skip_without_server ())
    return;

  file = new_location (fixture, ENGINE_SQLITE, "fresh.pmdb");
  server = new_location (fixture, ENGINE_POSTGRESQL, NULL);
  create_store (file);
  create_store (server);

  on_file = read_schema (ENGINE_SQLITE, file);
  on_server = read_schema (ENGINE_POSTGRESQL, server);
  /* Something was read: the core tables, on both. */
  g_assert_true (g_hash_table_contains (on_file->facts, "progress: table"));
  g_assert_true (g_hash_table_contains (on_server->facts, "progress: table"));

  differences = compare_engines (on_file, on_server);
  g_assert_cmpstr (differences, ==, "");
}

/* The comparison finds what one engine has and the other lacks (a
 * column, a NOT NULL, a trigger), and an intended difference that is no
 * longer there. */
static void
test_finds_differences (Fixture       *fixture,
                        gconstpointer  data)
{
  const char *file;
  const char *server;
  g_autoptr(SchemaFacts) on_file = NULL;
  g_autoptr(SchemaFacts) on_server = NULL;
  g_autofree char *differences = NULL;

  if (pg_test_skip_without_server ())
    return;

  file = new_location (fixture, ENGINE_SQLITE, "fresh.pmdb");
  server = new_location (fixture, ENGINE_POSTGRESQL, NULL);
  create_store (file);
  create_store (server);
  store_test_exec (file, "ALTER TABLE progress ADD COLUMN checked_by TEXT");
  store_test_exec (server,
                   "ALTER TABLE kpi ALTER COLUMN data_source SET NOT NULL;"
                   "DROP TRIGGER accepted_district ON district;"
                   "DROP TRIGGER signoff_kept_truncate ON signoff");

  on_file = read_schema (ENGINE_SQLITE, file);
  on_server = read_schema (ENGINE_POSTGRESQL, server);
  differences = compare_engines (on_file, on_server);
  g_assert_cmpstr (differences, ==,
                   "intended difference no longer on postgresql: signoff_kept_truncate\n"
                   "only on sqlite: district: trigger accepted_district before delete\n"
                   "only on sqlite: progress: column 8 checked_by text\n"
                   "only on postgresql: kpi: not null data_source\n");
}

/* A database of each older version, once the store has migrated it, is
 * the same as a new one on the same engine, to the last definition. */
static void
test_migrated_as_new (Fixture       *fixture,
                      gconstpointer  data)
{
  Engine engine = GPOINTER_TO_INT (data);
  const char *fresh;
  g_autoptr(SchemaFacts) fresh_schema = NULL;

  if (engine == ENGINE_POSTGRESQL && pg_test_skip_without_server ())
    return;

  fresh = new_location (fixture, engine, "fresh.pmdb");
  create_store (fresh);
  fresh_schema = read_schema (engine, fresh);

  for (int version = 1; version < PM_STORE_SCHEMA_VERSION; version++)
    {
      g_autofree char *name = g_strdup_printf ("from-%d.pmdb", version);
      const char *migrated = new_location (fixture, engine, name);
      g_autoptr(SchemaFacts) migrated_schema = NULL;
      g_autofree char *facts = NULL;
      g_autofree char *definitions = NULL;
      g_autofree char *differences = NULL;

      migrate_store (migrated, version);
      migrated_schema = read_schema (engine, migrated);
      facts = schema_facts_describe_differences (fresh_schema->facts, "new",
                                                 migrated_schema->facts, "migrated");
      definitions = schema_facts_describe_differences (fresh_schema->definitions, "new",
                                                       migrated_schema->definitions, "migrated");
      if (facts[0] != '\0' || definitions[0] != '\0')
        differences = g_strdup_printf ("%s, from version %d:\n%s%s",
                                       engine_names[engine], version, facts, definitions);
      g_assert_cmpstr (differences, ==, NULL);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/schema/engines/same-design", Fixture, NULL,
              fixture_set_up, test_same_design, fixture_tear_down);
  g_test_add ("/schema/engines/finds-differences", Fixture, NULL,
              fixture_set_up, test_finds_differences, fixture_tear_down);
  g_test_add ("/schema/engines/migrated-as-new/sqlite", Fixture, GINT_TO_POINTER (ENGINE_SQLITE),
              fixture_set_up, test_migrated_as_new, fixture_tear_down);
  g_test_add ("/schema/engines/migrated-as-new/postgresql", Fixture, GINT_TO_POINTER (ENGINE_POSTGRESQL),
              fixture_set_up, test_migrated_as_new, fixture_tear_down);

  return g_test_run ();
}
