/* pm-schema.c: the database design, as a list of migrations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pm-database-private.h"

/* The schema, one entry per version: entry N - 1 takes a database from
 * version N - 1 to N. Released entries never change; a new release appends.
 * Enumerations are stored as the model's nicks (pm_enum_to_name), periods as
 * "FY2016-Q3", dates as ISO text, money as whole pence. Lists keep their
 * display order in `position`; targets keep their order of revision in `id`;
 * narratives and progress are ordered by period. */
const char * const _pm_schema_migrations[] = {
  /* 1: the base schema */
  "CREATE TABLE programme ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL,"
  "  description TEXT"
  ") STRICT;"

  "CREATE TABLE design_criterion ("
  "  id INTEGER PRIMARY KEY,"
  "  programme_id INTEGER NOT NULL REFERENCES programme (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  text TEXT NOT NULL"
  ") STRICT;"
  "CREATE INDEX design_criterion_programme ON design_criterion (programme_id, position);"

  "CREATE TABLE district ("
  "  id INTEGER PRIMARY KEY,"
  "  programme_id INTEGER NOT NULL REFERENCES programme (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  name TEXT NOT NULL CHECK (name <> ''),"
  "  UNIQUE (programme_id, name COLLATE NOCASE)"
  ") STRICT;"

  "CREATE TABLE pilot ("
  "  id INTEGER PRIMARY KEY,"
  "  district_id INTEGER NOT NULL REFERENCES district (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  title TEXT NOT NULL,"
  "  summary TEXT,"
  "  focus_area TEXT,"
  "  start_date TEXT CHECK (start_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'"
  "                      OR start_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),"
  "  lead TEXT,"
  "  delivery_status TEXT NOT NULL DEFAULT 'on-track'"
  "    CHECK (delivery_status IN ('not-started', 'on-track', 'delayed', 'at-risk', 'completed')),"
  "  status_note TEXT,"
  "  budget_pence INTEGER CHECK (budget_pence >= 0),"
  "  funding TEXT"
  ") STRICT;"
  "CREATE INDEX pilot_district ON pilot (district_id, position);"

  "CREATE TABLE key_outcome ("
  "  id INTEGER PRIMARY KEY,"
  "  pilot_id INTEGER NOT NULL REFERENCES pilot (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  text TEXT NOT NULL"
  ") STRICT;"
  "CREATE INDEX key_outcome_pilot ON key_outcome (pilot_id, position);"

  "CREATE TABLE provider ("
  "  id INTEGER PRIMARY KEY,"
  "  pilot_id INTEGER NOT NULL REFERENCES pilot (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  name TEXT NOT NULL CHECK (name <> ''),"
  "  full_name TEXT,"
  "  reach_target INTEGER NOT NULL DEFAULT 0 CHECK (reach_target >= 0),"
  "  UNIQUE (pilot_id, name)"
  ") STRICT;"

  /* Counts only: nothing about any family but how many. A NULL provider is
   * the pilot as a whole. */
  "CREATE TABLE reach_entry ("
  "  id INTEGER PRIMARY KEY,"
  "  pilot_id INTEGER NOT NULL REFERENCES pilot (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  period TEXT NOT NULL CHECK (period GLOB 'FY[0-9][0-9][0-9][0-9]-Q[1-4]'),"
  "  provider TEXT,"
  "  families INTEGER NOT NULL CHECK (families >= 0),"
  "  FOREIGN KEY (pilot_id, provider) REFERENCES provider (pilot_id, name)"
  "    ON DELETE CASCADE ON UPDATE CASCADE"
  ") STRICT;"
  "CREATE UNIQUE INDEX reach_entry_key ON reach_entry (pilot_id, period, ifnull (provider, ''));"

  "CREATE TABLE spend_item ("
  "  id INTEGER PRIMARY KEY,"
  "  pilot_id INTEGER NOT NULL REFERENCES pilot (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  description TEXT NOT NULL,"
  "  amount_pence INTEGER NOT NULL CHECK (amount_pence >= 0),"
  "  period TEXT CHECK (period GLOB 'FY[0-9][0-9][0-9][0-9]-Q[1-4]'),"
  "  status TEXT NOT NULL DEFAULT 'spent' CHECK (status IN ('spent', 'committed'))"
  ") STRICT;"
  "CREATE INDEX spend_item_pilot ON spend_item (pilot_id, position);"

  "CREATE TABLE narrative ("
  "  pilot_id INTEGER NOT NULL REFERENCES pilot (id) ON DELETE CASCADE,"
  "  period TEXT NOT NULL CHECK (period GLOB 'FY[0-9][0-9][0-9][0-9]-Q[1-4]'),"
  "  progress TEXT,"
  "  learning TEXT,"
  "  case_study TEXT,"
  "  PRIMARY KEY (pilot_id, period)"
  ") STRICT;"

  "CREATE TABLE kpi ("
  "  id INTEGER PRIMARY KEY,"
  "  pilot_id INTEGER NOT NULL REFERENCES pilot (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  title TEXT NOT NULL,"
  "  unit TEXT NOT NULL CHECK (unit IN ('count', 'percentage', 'days', 'rate', 'money')),"
  "  direction TEXT NOT NULL CHECK (direction IN ('increase', 'reduce', 'maintain')),"
  "  measure TEXT NOT NULL DEFAULT 'level'"
  "    CHECK (measure IN ('per-period', 'cumulative', 'level')),"
  "  tolerance REAL NOT NULL DEFAULT 0.1 CHECK (tolerance >= 0 AND tolerance < 1e308),"
  "  data_source TEXT"
  ") STRICT;"
  "CREATE INDEX kpi_pilot ON kpi (pilot_id, position);"

  /* A state is never a zero: only a baseline in state 'value' has numbers. */
  "CREATE TABLE baseline ("
  "  kpi_id INTEGER PRIMARY KEY REFERENCES kpi (id) ON DELETE CASCADE,"
  "  state TEXT NOT NULL"
  "    CHECK (state IN ('value', 'to-be-confirmed', 'to-be-reported', 'none', 'awaiting-data')),"
  "  value REAL CHECK (abs (value) < 1e308),"
  "  numerator REAL CHECK (abs (numerator) < 1e308),"
  "  denominator REAL CHECK (denominator > 0 AND denominator < 1e308),"
  "  date TEXT,"
  "  note TEXT,"
  "  period TEXT CHECK (period GLOB 'FY[0-9][0-9][0-9][0-9]-Q[1-4]'),"
  "  source TEXT,"
  "  CHECK (state = 'value' OR (value IS NULL AND numerator IS NULL)),"
  "  CHECK (state <> 'to-be-reported' OR period IS NOT NULL),"
  "  CHECK (state <> 'awaiting-data' OR source IS NOT NULL)"
  ") STRICT;"

  "CREATE TABLE baseline_site ("
  "  id INTEGER PRIMARY KEY,"
  "  kpi_id INTEGER NOT NULL REFERENCES baseline (kpi_id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  site TEXT NOT NULL,"
  "  value REAL NOT NULL CHECK (abs (value) < 1e308)"
  ") STRICT;"
  "CREATE INDEX baseline_site_kpi ON baseline_site (kpi_id, position);"

  /* Revisions append: the highest id is the current target. */
  "CREATE TABLE target ("
  "  id INTEGER PRIMARY KEY,"
  "  kpi_id INTEGER NOT NULL REFERENCES kpi (id) ON DELETE CASCADE,"
  "  value REAL NOT NULL CHECK (abs (value) < 1e308),"
  "  date TEXT,"
  "  set_on TEXT,"
  "  reason TEXT"
  ") STRICT;"
  "CREATE INDEX target_kpi ON target (kpi_id, id);"

  "CREATE TABLE progress ("
  "  kpi_id INTEGER NOT NULL REFERENCES kpi (id) ON DELETE CASCADE,"
  "  period TEXT NOT NULL CHECK (period GLOB 'FY[0-9][0-9][0-9][0-9]-Q[1-4]'),"
  "  value REAL CHECK (abs (value) < 1e308),"
  "  numerator REAL CHECK (numerator >= 0 AND numerator < 1e308),"
  "  denominator REAL CHECK (denominator > 0 AND denominator < 1e308),"
  "  note TEXT,"
  "  PRIMARY KEY (kpi_id, period)"
  ") STRICT;"

  "PRAGMA user_version = 1;",

  /* 2: when each value and narrative last changed, and a row version on
   * progress so that a later engine can detect concurrent edits. */
  "ALTER TABLE progress ADD COLUMN updated_at TEXT;"
  "ALTER TABLE progress ADD COLUMN revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1);"
  "ALTER TABLE narrative ADD COLUMN updated_at TEXT;"
  "PRAGMA user_version = 2;",
};

G_STATIC_ASSERT (G_N_ELEMENTS (_pm_schema_migrations) == PM_STORE_SCHEMA_VERSION);
