/* schema-facts.h: what a database's schema holds, as its engine tells it
 *
 * Reads a database's schema from the engine itself, not from our SQL:
 * sqlite's PRAGMAs and sqlite_master, PostgreSQL's catalogues. What both
 * engines can say is put in one vocabulary of facts, one a line, so that
 * a file and a server can be compared:
 *
 *   progress: table
 *   progress: types enforced             (a STRICT table on sqlite)
 *   progress: column 2 value real        (from 0; integer, real, text, blob, boolean)
 *   progress: not null kpi_id            (key columns included)
 *   progress: default revision 1         (the literal, without a cast)
 *   progress: automatic id               (sqlite's rowid; an identity on a server)
 *   progress: primary key (kpi_id, period)
 *   progress: unique index (pilot_id, period, expression)
 *   progress: foreign key (kpi_id) references kpi (id) on update no action on delete cascade
 *   progress: trigger accepted_progress before insert
 *
 * A trigger gives a fact per event it fires on. A sqlite trigger named
 * after its event ("audit_progress_insert" on INSERT) is written as the
 * server's trigger of the same name without it ("audit_progress"), which
 * fires on several events at once; the other triggers keep their names.
 * The primary key's own index is not listed; an index column that is an
 * expression is "expression" (sqlite cannot say which).
 *
 * Everything else each engine can say (sqlite's SQL text, file settings;
 * the server's constraints with their CHECKs, functions, policies,
 * grants) goes into the definitions, which only compare with the same
 * engine.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  /* In the shared vocabulary: set of char *. */
  GHashTable *facts;
  /* In the engine's own terms: set of char *. */
  GHashTable *definitions;
} SchemaFacts;

/* Of the sqlite file at @path, which must not be open elsewhere for
 * writing. */
SchemaFacts *schema_facts_read_sqlite          (const char  *path);
/* Of the current schema of the PostgreSQL database @uri. */
SchemaFacts *schema_facts_read_postgresql      (const char  *uri);
void         schema_facts_free                 (SchemaFacts *schema);

/* Every line of @a that @b lacks, sorted, as "only on @a_name: line\n",
 * then every line of @b that @a lacks; "" when they hold the same. */
char        *schema_facts_describe_differences (GHashTable  *a,
                                                const char  *a_name,
                                                GHashTable  *b,
                                                const char  *b_name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SchemaFacts, schema_facts_free)

G_END_DECLS
