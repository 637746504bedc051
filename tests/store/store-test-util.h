/* store-test-util.h: programmes and engines for the store tests
 *
 * Folders, files and stores of a programme are tests/common's
 * (pm-test-sample.h, included here).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pm-store.h"
#include "pm-test-sample.h"

G_BEGIN_DECLS

/* A programme that sets every field the model has, with every value of
 * every enumeration somewhere in it: site splits, fractions, revised
 * targets, narratives, reach per provider and for the whole pilot, spend. */
PmProgramme *store_test_build_full_programme   (void);
/* One district, one pilot, one percentage KPI (baseline 44.8 in
 * "2016-10", a target of 60 by "2017-03-31", a value of 50 in FY2016-Q3)
 * and one count KPI with no values. */
PmProgramme *store_test_build_small_programme  (void);

/* Adds a target of @value by @date to @kpi, set on @set_on for @reason
 * (either may be NULL). */
void         store_test_add_target             (PmKpi       *kpi,
                                                double       value,
                                                const char  *date,
                                                const char  *set_on,
                                                const char  *reason);

/* Asserts that @a and @b hold the same things, property by property.
 * With @same_ids the ids must match too (a reload of the same file). */
void         store_test_assert_programmes_equal (PmProgramme *a,
                                                 PmProgramme *b,
                                                 gboolean     same_ids);

/* Removes @dir (made with pm_test_dir_new()) and what is in it, and
 * drops the server databases made for it by store_test_location(). */
void         store_test_remove_dir             (const char  *dir);
/* The same for a tear-down: also frees *@dir and sets it to NULL. */
void         store_test_clear_dir              (char       **dir);

/* The store tests run against each engine: a file, or with
 * PM_TEST_ENGINE=postgresql a database on the throwaway server that
 * build-aux/run-tests.sh starts (PM_TEST_PG_URI). */
gboolean     store_test_engine_is_server       (void);
/* TRUE (having said "1..0 # SKIP") when the tests are to run on the
 * server but none was started: main() then returns 0. */
gboolean     store_test_no_server_to_test      (void);
/* Where a test keeps the database it calls @name: a file in @dir, or a
 * new empty database on the server, made for it. */
char        *store_test_location               (const char  *dir,
                                                const char  *name);
/* For a test of files themselves (damaged, read-only, locked): skips it
 * on the server and returns TRUE. */
gboolean     store_test_skip_unless_file       (void);

/* Raw SQL on the database at @path (a file or a server location),
 * bypassing the store: constant SQL only. */
void         store_test_exec                   (const char  *path,
                                                const char  *sql);
gint64       store_test_query_int              (const char  *path,
                                                const char  *sql);
/* NULL for SQL NULL or no row. */
char        *store_test_query_text             (const char  *path,
                                                const char  *sql);

/* The group role of the programme on the server at @location that
 * gives @access ("office", "lead" or "viewer"): each programme has its
 * own (schema 9). */
char        *store_test_group_role             (const char  *location,
                                                const char  *access);

/* The schema version on disk, and whether @table has @column, asked of
 * the engine itself. */
int          store_test_schema_version         (const char  *path);
gboolean     store_test_has_column             (const char  *path,
                                                const char  *table,
                                                const char  *column);

/* A fixture: the small programme in a store of its own on the engine
 * under test, open, loaded to be edited and loaded again to compare with.
 * For g_test_add() the data is the database's name. */
typedef struct
{
  char        *dir;
  char        *path;
  PmStore     *store;
  PmProgramme *programme;   /* as loaded, and edited by the tests */
  PmProgramme *before;      /* as loaded, never touched */
  PmDistrict  *district;    /* borrowed from programme */
  PmPilot     *pilot;
  PmKpi       *percentage;
  PmKpi       *count;
} StoreTestSmall;

void         store_test_small_set_up           (StoreTestSmall *fixture,
                                                gconstpointer   name);
void         store_test_small_tear_down        (StoreTestSmall *fixture,
                                                gconstpointer   name);

G_END_DECLS
