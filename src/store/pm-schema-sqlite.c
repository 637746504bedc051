/* pm-schema-sqlite.c: the database design, as a list of migrations
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
/* For migration 8, which sqlite has no functions to say once. Whether
 * the latest sign-off of @district's quarter @period is "accepted"; the
 * quarters of @district whose latest sign-off is; and whether a KPI, a
 * pilot or a district holds a value (or a narrative) in one of them. */
#define V8_ACCEPTED(district, period) \
  "(SELECT s.state FROM signoff s WHERE s.district_id = " district " AND s.period = " period \
  " ORDER BY s.id DESC LIMIT 1) = 'accepted'"
#define V8_ACCEPTED_QUARTERS(district) \
  "(SELECT s.period FROM signoff s WHERE s.district_id = " district " AND s.state = 'accepted'" \
  "   AND s.id = (SELECT max (l.id) FROM signoff l" \
  "               WHERE l.district_id = s.district_id AND l.period = s.period))"
#define V8_KPI_HOLDS(kpi, district) \
  "EXISTS (SELECT 1 FROM progress pr" \
  "        WHERE pr.kpi_id = " kpi " AND pr.period IN " V8_ACCEPTED_QUARTERS (district) ")"
#define V8_PILOT_HOLDS(pilot, district) \
  "(EXISTS (SELECT 1 FROM kpi k JOIN progress pr ON pr.kpi_id = k.id" \
  "         WHERE k.pilot_id = " pilot " AND pr.period IN " V8_ACCEPTED_QUARTERS (district) ")" \
  " OR EXISTS (SELECT 1 FROM narrative n" \
  "            WHERE n.pilot_id = " pilot " AND n.period IN " V8_ACCEPTED_QUARTERS (district) "))"
#define V8_DISTRICT_HOLDS(district) \
  "EXISTS (SELECT 1 FROM pilot p" \
  "        WHERE p.district_id = " district " AND " V8_PILOT_HOLDS ("p.id", district) ")"

/* For migration 16: the quarter a value's period ends in, which is what
 * an accepted quarter locks: FY2016 is FY2016-Q4, FY2016-M07 FY2016-Q3,
 * a quarter itself. */
#define V17_END_QUARTER(period) \
  "(CASE WHEN substr (" period ", 1, 2) = 'CY' THEN 'FY' || substr (" period ", 3, 4) || '-Q3'" \
  " WHEN length (" period ") = 6 THEN " period " || '-Q4'" \
  " WHEN substr (" period ", 8, 1) = 'M'" \
  " THEN substr (" period ", 1, 7) || 'Q' || CAST ((CAST (substr (" period ", 9, 2) AS INTEGER) + 2) / 3 AS TEXT)" \
  " ELSE " period " END)"
#define V17_ACCEPTED_VALUE(kpi, period) \
  "(SELECT s.state FROM signoff s JOIN pilot p ON p.district_id = s.district_id" \
  "  WHERE p.id = (SELECT pilot_id FROM kpi WHERE id = " kpi ")" \
  "    AND s.period = " V17_END_QUARTER (period) \
  "  ORDER BY s.id DESC LIMIT 1) = 'accepted'"
#define V17_KPI_HOLDS(kpi, district) \
  "EXISTS (SELECT 1 FROM progress pr" \
  "        WHERE pr.kpi_id = " kpi " AND " V17_END_QUARTER ("pr.period") \
  "              IN " V8_ACCEPTED_QUARTERS (district) ")"
#define V17_PILOT_HOLDS(pilot, district) \
  "(EXISTS (SELECT 1 FROM kpi k JOIN progress pr ON pr.kpi_id = k.id" \
  "         WHERE k.pilot_id = " pilot " AND " V17_END_QUARTER ("pr.period") \
  "               IN " V8_ACCEPTED_QUARTERS (district) ")" \
  " OR EXISTS (SELECT 1 FROM narrative n" \
  "            WHERE n.pilot_id = " pilot " AND n.period IN " V8_ACCEPTED_QUARTERS (district) "))"
#define V17_DISTRICT_HOLDS(district) \
  "EXISTS (SELECT 1 FROM pilot p" \
  "        WHERE p.district_id = " district " AND " V17_PILOT_HOLDS ("p.id", district) ")"

/* The triggers on progress as versions 3, 4 and 8 made them: 15 and 16
 * rebuild the table and make them again. */
#define V15_PROGRESS_TRIGGERS \
  "CREATE TRIGGER audit_progress_insert AFTER INSERT ON progress" \
  " BEGIN" \
  "  INSERT INTO audit (at, author, source, kind, kpi_id, period, new_value, new_text)" \
  "  SELECT strftime ('%Y-%m-%dT%H:%M:%SZ', 'now'), author, source, 'value', NEW.kpi_id, NEW.period, NEW.value, NEW.note" \
  "  FROM change_context WHERE id = 1;" \
  " END;" \
  "CREATE TRIGGER audit_progress_update AFTER UPDATE ON progress" \
  "  WHEN OLD.value IS NOT NEW.value OR OLD.note IS NOT NEW.note" \
  " BEGIN" \
  "  INSERT INTO audit (at, author, source, kind, kpi_id, period, old_value, new_value, old_text, new_text)" \
  "  SELECT strftime ('%Y-%m-%dT%H:%M:%SZ', 'now'), author, source, 'value', NEW.kpi_id, NEW.period, OLD.value, NEW.value, OLD.note, NEW.note" \
  "  FROM change_context WHERE id = 1;" \
  " END;" \
  "CREATE TRIGGER audit_progress_delete AFTER DELETE ON progress" \
  " BEGIN" \
  "  INSERT INTO audit (at, author, source, kind, kpi_id, period, old_value, old_text)" \
  "  SELECT strftime ('%Y-%m-%dT%H:%M:%SZ', 'now'), author, source, 'value', OLD.kpi_id, OLD.period, OLD.value, OLD.note" \
  "  FROM change_context WHERE id = 1;" \
  " END;" \
  "CREATE TRIGGER accepted_progress_insert BEFORE INSERT ON progress" \
  "  WHEN (SELECT s.state FROM signoff s JOIN pilot p ON p.district_id = s.district_id" \
  "        WHERE p.id = (SELECT pilot_id FROM kpi WHERE id = NEW.kpi_id) AND s.period = NEW.period" \
  "        ORDER BY s.id DESC LIMIT 1) = 'accepted'" \
  " BEGIN SELECT RAISE (ABORT, 'pm-quarter-accepted'); END;" \
  "CREATE TRIGGER accepted_progress_update BEFORE UPDATE ON progress" \
  "  WHEN (SELECT s.state FROM signoff s JOIN pilot p ON p.district_id = s.district_id" \
  "        WHERE p.id = (SELECT pilot_id FROM kpi WHERE id = NEW.kpi_id) AND s.period = NEW.period" \
  "        ORDER BY s.id DESC LIMIT 1) = 'accepted'" \
  " BEGIN SELECT RAISE (ABORT, 'pm-quarter-accepted'); END;" \
  "CREATE TRIGGER accepted_progress_delete BEFORE DELETE ON progress" \
  "  WHEN (SELECT s.state FROM signoff s JOIN pilot p ON p.district_id = s.district_id" \
  "        WHERE p.id = (SELECT pilot_id FROM kpi WHERE id = OLD.kpi_id) AND s.period = OLD.period" \
  "        ORDER BY s.id DESC LIMIT 1) = 'accepted'" \
  " BEGIN SELECT RAISE (ABORT, 'pm-quarter-accepted'); END;" \
  "CREATE TRIGGER accepted_progress_move BEFORE UPDATE OF kpi_id, period ON progress" \
  "  WHEN " V8_ACCEPTED ("(SELECT p.district_id FROM kpi k JOIN pilot p ON p.id = k.pilot_id" \
  "                        WHERE k.id = OLD.kpi_id)", "OLD.period") \
  " BEGIN SELECT RAISE (ABORT, 'pm-quarter-accepted'); END;"

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

  /* 3: the audit trail. Every change to a value, baseline, target or
   * narrative is recorded by a trigger, so no path that writes can forget
   * it: who (the author set in change_context by the store before each
   * write), when, where from, and the old and new value and words. The
   * trail has no foreign keys, so it outlives what it describes. */
  "CREATE TABLE change_context ("
  "  id INTEGER PRIMARY KEY CHECK (id = 1),"
  "  author TEXT,"
  "  source TEXT NOT NULL DEFAULT 'typed'"
  "    CHECK (source IN ('typed', 'csv', 'return', 'import'))"
  ") STRICT;"
  "INSERT INTO change_context (id) VALUES (1);"

  "CREATE TABLE audit ("
  "  id INTEGER PRIMARY KEY,"
  "  at TEXT NOT NULL,"
  "  author TEXT,"
  "  source TEXT NOT NULL,"
  "  kind TEXT NOT NULL CHECK (kind IN ('value', 'baseline', 'target', 'narrative')),"
  "  kpi_id INTEGER,"
  "  pilot_id INTEGER,"
  "  period TEXT,"
  "  old_value REAL,"
  "  new_value REAL,"
  "  old_text TEXT,"
  "  new_text TEXT"
  ") STRICT;"
  "CREATE INDEX audit_kpi ON audit (kpi_id, id);"
  "CREATE INDEX audit_pilot ON audit (pilot_id, id);"

  "CREATE TRIGGER audit_progress_insert AFTER INSERT ON progress"
  " BEGIN"
  "  INSERT INTO audit (at, author, source, kind, kpi_id, period, new_value, new_text)"
  "  SELECT strftime ('%Y-%m-%dT%H:%M:%SZ', 'now'), author, source, 'value', NEW.kpi_id, NEW.period, NEW.value, NEW.note"
  "  FROM change_context WHERE id = 1;"
  " END;"
  "CREATE TRIGGER audit_progress_update AFTER UPDATE ON progress"
  "  WHEN OLD.value IS NOT NEW.value OR OLD.note IS NOT NEW.note"
  " BEGIN"
  "  INSERT INTO audit (at, author, source, kind, kpi_id, period, old_value, new_value, old_text, new_text)"
  "  SELECT strftime ('%Y-%m-%dT%H:%M:%SZ', 'now'), author, source, 'value', NEW.kpi_id, NEW.period, OLD.value, NEW.value, OLD.note, NEW.note"
  "  FROM change_context WHERE id = 1;"
  " END;"
  "CREATE TRIGGER audit_progress_delete AFTER DELETE ON progress"
  " BEGIN"
  "  INSERT INTO audit (at, author, source, kind, kpi_id, period, old_value, old_text)"
  "  SELECT strftime ('%Y-%m-%dT%H:%M:%SZ', 'now'), author, source, 'value', OLD.kpi_id, OLD.period, OLD.value, OLD.note"
  "  FROM change_context WHERE id = 1;"
  " END;"
  "CREATE TRIGGER audit_baseline_insert AFTER INSERT ON baseline"
  " BEGIN"
  "  INSERT INTO audit (at, author, source, kind, kpi_id, new_value, new_text)"
  "  SELECT strftime ('%Y-%m-%dT%H:%M:%SZ', 'now'), author, source, 'baseline', NEW.kpi_id, NEW.value, NEW.state || ifnull (' ' || NEW.date, '') || ifnull (': ' || NEW.note, '')"
  "  FROM change_context WHERE id = 1;"
  " END;"
  "CREATE TRIGGER audit_baseline_update AFTER UPDATE ON baseline"
  "  WHEN OLD.state IS NOT NEW.state OR OLD.value IS NOT NEW.value OR OLD.date IS NOT NEW.date OR OLD.note IS NOT NEW.note"
  " BEGIN"
  "  INSERT INTO audit (at, author, source, kind, kpi_id, old_value, new_value, old_text, new_text)"
  "  SELECT strftime ('%Y-%m-%dT%H:%M:%SZ', 'now'), author, source, 'baseline', NEW.kpi_id, OLD.value, NEW.value, OLD.state || ifnull (' ' || OLD.date, '') || ifnull (': ' || OLD.note, ''), NEW.state || ifnull (' ' || NEW.date, '') || ifnull (': ' || NEW.note, '')"
  "  FROM change_context WHERE id = 1;"
  " END;"
  "CREATE TRIGGER audit_target_insert AFTER INSERT ON target"
  " BEGIN"
  "  INSERT INTO audit (at, author, source, kind, kpi_id, old_value, new_value, old_text, new_text)"
  "  SELECT strftime ('%Y-%m-%dT%H:%M:%SZ', 'now'), author, source, 'target', NEW.kpi_id, (SELECT value FROM target WHERE kpi_id = NEW.kpi_id AND id < NEW.id ORDER BY id DESC LIMIT 1), NEW.value, (SELECT date FROM target WHERE kpi_id = NEW.kpi_id AND id < NEW.id ORDER BY id DESC LIMIT 1), NEW.date"
  "  FROM change_context WHERE id = 1;"
  " END;"
  "CREATE TRIGGER audit_narrative_insert AFTER INSERT ON narrative"
  " BEGIN"
  "  INSERT INTO audit (at, author, source, kind, pilot_id, period, new_text)"
  "  SELECT strftime ('%Y-%m-%dT%H:%M:%SZ', 'now'), author, source, 'narrative', NEW.pilot_id, NEW.period, NEW.progress"
  "  FROM change_context WHERE id = 1;"
  " END;"
  "CREATE TRIGGER audit_narrative_update AFTER UPDATE ON narrative"
  "  WHEN OLD.progress IS NOT NEW.progress OR OLD.learning IS NOT NEW.learning OR OLD.case_study IS NOT NEW.case_study"
  " BEGIN"
  "  INSERT INTO audit (at, author, source, kind, pilot_id, period, old_text, new_text)"
  "  SELECT strftime ('%Y-%m-%dT%H:%M:%SZ', 'now'), author, source, 'narrative', NEW.pilot_id, NEW.period, OLD.progress, NEW.progress"
  "  FROM change_context WHERE id = 1;"
  " END;"
  "PRAGMA user_version = 3;",

  /* 4: sign-off. A lead marks a district's quarter submitted; the
   * programme office accepts it or returns it for revision with a
   * comment, and may reopen an accepted one. Rows append, so the table is
   * its own history; the latest row for a district and quarter is its
   * state. While that is "accepted", triggers refuse any change to the
   * quarter's values and narratives, however it is written. */
  "CREATE TABLE signoff ("
  "  id INTEGER PRIMARY KEY,"
  "  district_id INTEGER NOT NULL REFERENCES district (id) ON DELETE CASCADE,"
  "  period TEXT NOT NULL CHECK (period GLOB 'FY[0-9][0-9][0-9][0-9]-Q[1-4]'),"
  "  state TEXT NOT NULL CHECK (state IN ('submitted', 'accepted', 'returned', 'reopened')),"
  "  comment TEXT,"
  "  author TEXT,"
  "  at TEXT NOT NULL"
  ") STRICT;"
  "CREATE INDEX signoff_district ON signoff (district_id, period, id);"
  "CREATE TRIGGER accepted_progress_insert BEFORE INSERT ON progress"
  "  WHEN (SELECT s.state FROM signoff s JOIN pilot p ON p.district_id = s.district_id"
  "        WHERE p.id = (SELECT pilot_id FROM kpi WHERE id = NEW.kpi_id) AND s.period = NEW.period"
  "        ORDER BY s.id DESC LIMIT 1) = 'accepted'"
  " BEGIN SELECT RAISE (ABORT, 'pm-quarter-accepted'); END;"
  "CREATE TRIGGER accepted_progress_update BEFORE UPDATE ON progress"
  "  WHEN (SELECT s.state FROM signoff s JOIN pilot p ON p.district_id = s.district_id"
  "        WHERE p.id = (SELECT pilot_id FROM kpi WHERE id = NEW.kpi_id) AND s.period = NEW.period"
  "        ORDER BY s.id DESC LIMIT 1) = 'accepted'"
  " BEGIN SELECT RAISE (ABORT, 'pm-quarter-accepted'); END;"
  "CREATE TRIGGER accepted_progress_delete BEFORE DELETE ON progress"
  "  WHEN (SELECT s.state FROM signoff s JOIN pilot p ON p.district_id = s.district_id"
  "        WHERE p.id = (SELECT pilot_id FROM kpi WHERE id = OLD.kpi_id) AND s.period = OLD.period"
  "        ORDER BY s.id DESC LIMIT 1) = 'accepted'"
  " BEGIN SELECT RAISE (ABORT, 'pm-quarter-accepted'); END;"
  "CREATE TRIGGER accepted_narrative_insert BEFORE INSERT ON narrative"
  "  WHEN (SELECT s.state FROM signoff s JOIN pilot p ON p.district_id = s.district_id"
  "        WHERE p.id = (NEW.pilot_id) AND s.period = NEW.period"
  "        ORDER BY s.id DESC LIMIT 1) = 'accepted'"
  " BEGIN SELECT RAISE (ABORT, 'pm-quarter-accepted'); END;"
  "CREATE TRIGGER accepted_narrative_update BEFORE UPDATE ON narrative"
  "  WHEN (SELECT s.state FROM signoff s JOIN pilot p ON p.district_id = s.district_id"
  "        WHERE p.id = (NEW.pilot_id) AND s.period = NEW.period"
  "        ORDER BY s.id DESC LIMIT 1) = 'accepted'"
  " BEGIN SELECT RAISE (ABORT, 'pm-quarter-accepted'); END;"
  "PRAGMA user_version = 4;",

  /* 5: committee rounds. When the office prints the pack for a meeting it
   * may freeze the round: each value up to the round's period is copied as
   * reported, so that a later change (a restatement) can be shown beside
   * what the committee saw. */
  "CREATE TABLE committee_round ("
  "  id INTEGER PRIMARY KEY,"
  "  reported_on TEXT NOT NULL CHECK (reported_on GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),"
  "  period TEXT NOT NULL CHECK (period GLOB 'FY[0-9][0-9][0-9][0-9]-Q[1-4]'),"
  "  author TEXT,"
  "  at TEXT NOT NULL"
  ") STRICT;"
  "CREATE TABLE reported_value ("
  "  round_id INTEGER NOT NULL REFERENCES committee_round (id) ON DELETE CASCADE,"
  "  kpi_id INTEGER NOT NULL REFERENCES kpi (id) ON DELETE CASCADE,"
  "  period TEXT NOT NULL,"
  "  value REAL,"
  "  note TEXT,"
  "  PRIMARY KEY (round_id, kpi_id, period)"
  ") STRICT, WITHOUT ROWID;"
  "CREATE INDEX reported_value_kpi ON reported_value (kpi_id);"
  "PRAGMA user_version = 5;",

  /* 6: which district each lead may change. On a file it is only kept,
   * so that a programme copied to a server keeps it; a server enforces
   * it (see the PostgreSQL dialect of this migration). */
  "CREATE TABLE lead_district ("
  "  role_name TEXT NOT NULL CHECK (role_name <> ''),"
  "  district_id INTEGER NOT NULL REFERENCES district (id) ON DELETE CASCADE,"
  "  PRIMARY KEY (role_name, district_id)"
  ") STRICT;"
  "PRAGMA user_version = 6;",

  /* 7: signed returns. The public key the office trusts for each
   * district's returns (rows append: the latest is the one trusted, the
   * rest its history), and for each district and quarter the newest
   * return merged, so that an older one is refused as stale. The audit
   * trail records the fingerprint of the key that signed a return's
   * changes: the store sets it in change_context beside the author, and
   * a trigger on audit copies it, whichever trigger wrote the row. */
  "CREATE TABLE return_key ("
  "  id INTEGER PRIMARY KEY,"
  "  district_id INTEGER NOT NULL REFERENCES district (id) ON DELETE CASCADE,"
  "  public_key TEXT NOT NULL CHECK (public_key GLOB 'ed25519:*'),"
  "  fingerprint TEXT NOT NULL CHECK (fingerprint <> ''),"
  "  trusted_by TEXT,"
  "  trusted_at TEXT NOT NULL"
  ") STRICT;"
  "CREATE INDEX return_key_district ON return_key (district_id, id);"
  "CREATE TABLE merged_return ("
  "  district_id INTEGER NOT NULL REFERENCES district (id) ON DELETE CASCADE,"
  "  period TEXT NOT NULL CHECK (period GLOB 'FY[0-9][0-9][0-9][0-9]-Q[1-4]'),"
  "  created TEXT NOT NULL,"
  "  created_usec INTEGER NOT NULL,"
  "  fingerprint TEXT NOT NULL,"
  "  author TEXT,"
  "  merged_at TEXT NOT NULL,"
  "  PRIMARY KEY (district_id, period)"
  ") STRICT;"
  "ALTER TABLE change_context ADD COLUMN key_fingerprint TEXT;"
  "ALTER TABLE audit ADD COLUMN key_fingerprint TEXT;"
  "CREATE TRIGGER audit_key_fingerprint AFTER INSERT ON audit"
  "  WHEN NEW.source = 'return'"
  " BEGIN"
  "  UPDATE audit SET key_fingerprint = (SELECT key_fingerprint FROM change_context WHERE id = 1)"
  "  WHERE id = NEW.id;"
  " END;"
  "PRAGMA user_version = 7;",

  /* 8: an accepted quarter is closed to every path, not only to edits of
   * its values. The guards of version 4 find a row's district through its
   * KPI and pilot, which a cascade has deleted first, and look only at
   * where a row goes, not where it came from. So a programme, district,
   * pilot or KPI holding values or narratives of an accepted quarter
   * cannot be deleted (refused before any cascade starts) or moved
   * elsewhere; a value or narrative cannot move out of an accepted
   * quarter, nor a narrative be deleted; and the sign-off history only
   * grows, its rows going only with their district. The store names the
   * quarter in its message (sqlite's RAISE takes no expression). */
  "CREATE TRIGGER accepted_progress_move BEFORE UPDATE OF kpi_id, period ON progress"
  "  WHEN " V8_ACCEPTED ("(SELECT p.district_id FROM kpi k JOIN pilot p ON p.id = k.pilot_id"
  "                        WHERE k.id = OLD.kpi_id)", "OLD.period")
  " BEGIN SELECT RAISE (ABORT, 'pm-quarter-accepted'); END;"
  "CREATE TRIGGER accepted_narrative_move BEFORE UPDATE OF pilot_id, period ON narrative"
  "  WHEN " V8_ACCEPTED ("(SELECT district_id FROM pilot WHERE id = OLD.pilot_id)", "OLD.period")
  " BEGIN SELECT RAISE (ABORT, 'pm-quarter-accepted'); END;"
  "CREATE TRIGGER accepted_narrative_delete BEFORE DELETE ON narrative"
  "  WHEN " V8_ACCEPTED ("(SELECT district_id FROM pilot WHERE id = OLD.pilot_id)", "OLD.period")
  " BEGIN SELECT RAISE (ABORT, 'pm-quarter-accepted'); END;"

  "CREATE TRIGGER accepted_kpi_delete BEFORE DELETE ON kpi"
  "  WHEN " V8_KPI_HOLDS ("OLD.id", "(SELECT district_id FROM pilot WHERE id = OLD.pilot_id)")
  " BEGIN SELECT RAISE (ABORT, 'pm-quarter-accepted'); END;"
  "CREATE TRIGGER accepted_kpi_move BEFORE UPDATE OF pilot_id ON kpi"
  "  WHEN OLD.pilot_id IS NOT NEW.pilot_id"
  "   AND (" V8_KPI_HOLDS ("OLD.id", "(SELECT district_id FROM pilot WHERE id = OLD.pilot_id)")
  "        OR " V8_KPI_HOLDS ("OLD.id", "(SELECT district_id FROM pilot WHERE id = NEW.pilot_id)") ")"
  " BEGIN SELECT RAISE (ABORT, 'pm-quarter-accepted'); END;"
  "CREATE TRIGGER accepted_pilot_delete BEFORE DELETE ON pilot"
  "  WHEN " V8_PILOT_HOLDS ("OLD.id", "OLD.district_id")
  " BEGIN SELECT RAISE (ABORT, 'pm-quarter-accepted'); END;"
  "CREATE TRIGGER accepted_pilot_move BEFORE UPDATE OF district_id ON pilot"
  "  WHEN OLD.district_id IS NOT NEW.district_id"
  "   AND (" V8_PILOT_HOLDS ("OLD.id", "OLD.district_id")
  "        OR " V8_PILOT_HOLDS ("OLD.id", "NEW.district_id") ")"
  " BEGIN SELECT RAISE (ABORT, 'pm-quarter-accepted'); END;"
  "CREATE TRIGGER accepted_district_delete BEFORE DELETE ON district"
  "  WHEN " V8_DISTRICT_HOLDS ("OLD.id")
  " BEGIN SELECT RAISE (ABORT, 'pm-quarter-accepted'); END;"
  "CREATE TRIGGER accepted_programme_delete BEFORE DELETE ON programme"
  "  WHEN EXISTS (SELECT 1 FROM district d"
  "               WHERE d.programme_id = OLD.id AND " V8_DISTRICT_HOLDS ("d.id") ")"
  " BEGIN SELECT RAISE (ABORT, 'pm-quarter-accepted'); END;"

  "CREATE TRIGGER signoff_kept_update BEFORE UPDATE ON signoff"
  " BEGIN SELECT RAISE (ABORT, 'pm-signoff-kept'); END;"
  "CREATE TRIGGER signoff_kept_delete BEFORE DELETE ON signoff"
  "  WHEN EXISTS (SELECT 1 FROM district WHERE id = OLD.district_id)"
  " BEGIN SELECT RAISE (ABORT, 'pm-signoff-kept'); END;"
  "PRAGMA user_version = 8;",

  /* 9: roles per programme. A file has no roles: this keeps the
   * versions in step with the server's migration 9. */
  "PRAGMA user_version = 9;",

  /* 10: notes on the data, for a pilot and for a KPI: where the figures
   * come from and where the sources disagree, kept apart from the
   * summary and the baseline's scope note. */
  "ALTER TABLE pilot ADD COLUMN data_notes TEXT;"
  "ALTER TABLE kpi ADD COLUMN data_notes TEXT;"
  "PRAGMA user_version = 10;",

  /* 11: what the committee pack says. The committee, meeting, title and
   * contact officer printed on the pack; whether a pilot's delivery
   * status was ever entered (one that was not is printed "not stated",
   * never as the old default: rows from before this version are taken as
   * entered, since nothing tells the two apart); and each pilot's risks
   * and issues and next milestones for a period, audited like the rest
   * of the narrative. */
  "ALTER TABLE programme ADD COLUMN committee TEXT;"
  "ALTER TABLE programme ADD COLUMN meeting_date TEXT"
  "  CHECK (meeting_date GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]');"
  "ALTER TABLE programme ADD COLUMN report_title TEXT;"
  "ALTER TABLE programme ADD COLUMN contact_officer TEXT;"
  "ALTER TABLE pilot ADD COLUMN delivery_stated INTEGER NOT NULL DEFAULT 0"
  "  CHECK (delivery_stated IN (0, 1));"
  "UPDATE pilot SET delivery_stated = 1;"
  "ALTER TABLE narrative ADD COLUMN risks TEXT;"
  "ALTER TABLE narrative ADD COLUMN milestones TEXT;"
  /* A change to the risks or milestones alone goes in the audit trail. */
  "DROP TRIGGER audit_narrative_update;"
  "CREATE TRIGGER audit_narrative_update AFTER UPDATE ON narrative"
  "  WHEN OLD.progress IS NOT NEW.progress OR OLD.learning IS NOT NEW.learning OR OLD.case_study IS NOT NEW.case_study"
  "    OR OLD.risks IS NOT NEW.risks OR OLD.milestones IS NOT NEW.milestones"
  " BEGIN"
  "  INSERT INTO audit (at, author, source, kind, pilot_id, period, old_text, new_text)"
  "  SELECT strftime ('%Y-%m-%dT%H:%M:%SZ', 'now'), author, source, 'narrative', NEW.pilot_id, NEW.period, OLD.progress, NEW.progress"
  "  FROM change_context WHERE id = 1;"
  " END;"
  "PRAGMA user_version = 11;",

  /* 12: programme indicators. A KPI may be an instance of an indicator
   * every district measures alike, so that the programme total is formed
   * by the indicator's rule; the KPI keeps its own unit, which the
   * programme file checks against the indicator's. */
  "CREATE TABLE indicator ("
  "  id INTEGER PRIMARY KEY,"
  "  programme_id INTEGER NOT NULL REFERENCES programme (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  key TEXT NOT NULL,"
  "  name TEXT NOT NULL,"
  "  unit TEXT NOT NULL CHECK (unit IN ('count', 'percentage', 'days', 'rate', 'money')),"
  "  direction TEXT NOT NULL CHECK (direction IN ('increase', 'reduce', 'maintain')),"
  "  aggregation TEXT NOT NULL CHECK (aggregation IN ('sum', 'ratio', 'none')),"
  "  UNIQUE (programme_id, key)"
  ") STRICT;"
  "ALTER TABLE kpi ADD COLUMN indicator_id INTEGER REFERENCES indicator (id) ON DELETE SET NULL;"
  "CREATE INDEX kpi_indicator ON kpi (indicator_id);"
  "PRAGMA user_version = 12;",

  /* 13: targets as a schedule. Each target names the milestone it sets
   * or revises; rows from before are all milestone 1, one target revised,
   * as they meant. A revision's audit row shows the milestone's previous
   * value, not another milestone's. */
  "ALTER TABLE target ADD COLUMN milestone INTEGER NOT NULL DEFAULT 1"
  "  CHECK (milestone >= 1);"
  "DROP TRIGGER audit_target_insert;"
  "CREATE TRIGGER audit_target_insert AFTER INSERT ON target"
  " BEGIN"
  "  INSERT INTO audit (at, author, source, kind, kpi_id, old_value, new_value, old_text, new_text)"
  "  SELECT strftime ('%Y-%m-%dT%H:%M:%SZ', 'now'), author, source, 'target', NEW.kpi_id,"
  "   (SELECT value FROM target WHERE kpi_id = NEW.kpi_id AND milestone = NEW.milestone AND id < NEW.id ORDER BY id DESC LIMIT 1), NEW.value,"
  "   (SELECT date FROM target WHERE kpi_id = NEW.kpi_id AND milestone = NEW.milestone AND id < NEW.id ORDER BY id DESC LIMIT 1), NEW.date"
  "  FROM change_context WHERE id = 1;"
  " END;"
  "PRAGMA user_version = 13;",

  /* 14: what a pilot's reach counts (children, people, visits, places or
   * a noun of its own); NULL is families, as every pilot before. */
  "ALTER TABLE pilot ADD COLUMN reach_unit TEXT;"
  "PRAGMA user_version = 14;",

  /* 15: how often each KPI is reported. Existing KPIs are quarterly. A
   * value's period may now be a year (FY2020), a quarter (FY2020-Q3) or a
   * month (FY2020-M07); sqlite cannot change a CHECK, so progress is
   * rebuilt with its rows and triggers as they were. legacy_alter_table
   * keeps the rename from checking the other tables' triggers, which name
   * progress and find the new table under that name. */
  "ALTER TABLE kpi ADD COLUMN frequency TEXT NOT NULL DEFAULT 'quarterly'"
  "  CHECK (frequency IN ('monthly', 'quarterly', 'yearly'));"
  "PRAGMA legacy_alter_table = ON;"
  "CREATE TABLE progress_v15 ("
  "  kpi_id INTEGER NOT NULL REFERENCES kpi (id) ON DELETE CASCADE,"
  "  period TEXT NOT NULL CHECK (period GLOB 'FY[0-9][0-9][0-9][0-9]'"
  "                              OR period GLOB 'FY[0-9][0-9][0-9][0-9]-Q[1-4]'"
  "                              OR period GLOB 'FY[0-9][0-9][0-9][0-9]-M0[1-9]'"
  "                              OR period GLOB 'FY[0-9][0-9][0-9][0-9]-M1[0-2]'),"
  "  value REAL CHECK (abs (value) < 1e308),"
  "  numerator REAL CHECK (numerator >= 0 AND numerator < 1e308),"
  "  denominator REAL CHECK (denominator > 0 AND denominator < 1e308),"
  "  note TEXT,"
  "  updated_at TEXT,"
  "  revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),"
  "  PRIMARY KEY (kpi_id, period)"
  ") STRICT;"
  "INSERT INTO progress_v15 (kpi_id, period, value, numerator, denominator, note, updated_at, revision)"
  "  SELECT kpi_id, period, value, numerator, denominator, note, updated_at, revision FROM progress;"
  "DROP TABLE progress;"
  "ALTER TABLE progress_v15 RENAME TO progress;"
  "PRAGMA legacy_alter_table = OFF;"
  /* The triggers of versions 3, 4 and 8, unchanged. */
  V15_PROGRESS_TRIGGERS
  "PRAGMA user_version = 15;",

  /* 16: calendar years, for a programme that chooses them: a KPI may be
   * reported calendar-yearly, with values for CY2020 (January to
   * December 2020). The frequency column is replaced by one with the
   * wider CHECK (kpi cannot be rebuilt: dropping it would cascade to
   * every table naming it), and progress is rebuilt as in 15. */
  "ALTER TABLE kpi ADD COLUMN frequency_v16 TEXT NOT NULL DEFAULT 'quarterly'"
  "  CHECK (frequency_v16 IN ('monthly', 'quarterly', 'yearly', 'calendar-yearly'));"
  "UPDATE kpi SET frequency_v16 = frequency;"
  "ALTER TABLE kpi DROP COLUMN frequency;"
  "ALTER TABLE kpi RENAME COLUMN frequency_v16 TO frequency;"
  "PRAGMA legacy_alter_table = ON;"
  "CREATE TABLE progress_v16 ("
  "  kpi_id INTEGER NOT NULL REFERENCES kpi (id) ON DELETE CASCADE,"
  "  period TEXT NOT NULL CHECK (period GLOB 'FY[0-9][0-9][0-9][0-9]'"
  "                              OR period GLOB 'FY[0-9][0-9][0-9][0-9]-Q[1-4]'"
  "                              OR period GLOB 'FY[0-9][0-9][0-9][0-9]-M0[1-9]'"
  "                              OR period GLOB 'FY[0-9][0-9][0-9][0-9]-M1[0-2]'"
  "                              OR period GLOB 'CY[0-9][0-9][0-9][0-9]'),"
  "  value REAL CHECK (abs (value) < 1e308),"
  "  numerator REAL CHECK (numerator >= 0 AND numerator < 1e308),"
  "  denominator REAL CHECK (denominator > 0 AND denominator < 1e308),"
  "  note TEXT,"
  "  updated_at TEXT,"
  "  revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),"
  "  PRIMARY KEY (kpi_id, period)"
  ") STRICT;"
  "INSERT INTO progress_v16 (kpi_id, period, value, numerator, denominator, note, updated_at, revision)"
  "  SELECT kpi_id, period, value, numerator, denominator, note, updated_at, revision FROM progress;"
  "DROP TABLE progress;"
  "ALTER TABLE progress_v16 RENAME TO progress;"
  "PRAGMA legacy_alter_table = OFF;"
  /* The triggers of 15, unchanged. */
  V15_PROGRESS_TRIGGERS
  "PRAGMA user_version = 16;",

  /* 17: a yearly or monthly value is locked by the quarter it ends in: a
   * year by its fourth quarter, a month by its own quarter. The guards of
   * versions 4 and 8 compared the value's period with the quarter's code
   * and so never matched one. */
  "DROP TRIGGER accepted_progress_insert;"
  "DROP TRIGGER accepted_progress_update;"
  "DROP TRIGGER accepted_progress_delete;"
  "DROP TRIGGER accepted_progress_move;"
  "DROP TRIGGER accepted_kpi_delete;"
  "DROP TRIGGER accepted_kpi_move;"
  "DROP TRIGGER accepted_pilot_delete;"
  "DROP TRIGGER accepted_pilot_move;"
  "DROP TRIGGER accepted_district_delete;"
  "DROP TRIGGER accepted_programme_delete;"
  "CREATE TRIGGER accepted_progress_insert BEFORE INSERT ON progress"
  "  WHEN " V17_ACCEPTED_VALUE ("NEW.kpi_id", "NEW.period")
  " BEGIN SELECT RAISE (ABORT, 'pm-quarter-accepted'); END;"
  "CREATE TRIGGER accepted_progress_update BEFORE UPDATE ON progress"
  "  WHEN " V17_ACCEPTED_VALUE ("NEW.kpi_id", "NEW.period")
  " BEGIN SELECT RAISE (ABORT, 'pm-quarter-accepted'); END;"
  "CREATE TRIGGER accepted_progress_delete BEFORE DELETE ON progress"
  "  WHEN " V17_ACCEPTED_VALUE ("OLD.kpi_id", "OLD.period")
  " BEGIN SELECT RAISE (ABORT, 'pm-quarter-accepted'); END;"
  "CREATE TRIGGER accepted_progress_move BEFORE UPDATE OF kpi_id, period ON progress"
  "  WHEN " V17_ACCEPTED_VALUE ("OLD.kpi_id", "OLD.period")
  " BEGIN SELECT RAISE (ABORT, 'pm-quarter-accepted'); END;"
  "CREATE TRIGGER accepted_kpi_delete BEFORE DELETE ON kpi"
  "  WHEN " V17_KPI_HOLDS ("OLD.id", "(SELECT district_id FROM pilot WHERE id = OLD.pilot_id)")
  " BEGIN SELECT RAISE (ABORT, 'pm-quarter-accepted'); END;"
  "CREATE TRIGGER accepted_kpi_move BEFORE UPDATE OF pilot_id ON kpi"
  "  WHEN OLD.pilot_id IS NOT NEW.pilot_id"
  "   AND (" V17_KPI_HOLDS ("OLD.id", "(SELECT district_id FROM pilot WHERE id = OLD.pilot_id)")
  "        OR " V17_KPI_HOLDS ("OLD.id", "(SELECT district_id FROM pilot WHERE id = NEW.pilot_id)") ")"
  " BEGIN SELECT RAISE (ABORT, 'pm-quarter-accepted'); END;"
  "CREATE TRIGGER accepted_pilot_delete BEFORE DELETE ON pilot"
  "  WHEN " V17_PILOT_HOLDS ("OLD.id", "OLD.district_id")
  " BEGIN SELECT RAISE (ABORT, 'pm-quarter-accepted'); END;"
  "CREATE TRIGGER accepted_pilot_move BEFORE UPDATE OF district_id ON pilot"
  "  WHEN OLD.district_id IS NOT NEW.district_id"
  "   AND (" V17_PILOT_HOLDS ("OLD.id", "OLD.district_id")
  "        OR " V17_PILOT_HOLDS ("OLD.id", "NEW.district_id") ")"
  " BEGIN SELECT RAISE (ABORT, 'pm-quarter-accepted'); END;"
  "CREATE TRIGGER accepted_district_delete BEFORE DELETE ON district"
  "  WHEN " V17_DISTRICT_HOLDS ("OLD.id")
  " BEGIN SELECT RAISE (ABORT, 'pm-quarter-accepted'); END;"
  "CREATE TRIGGER accepted_programme_delete BEFORE DELETE ON programme"
  "  WHEN EXISTS (SELECT 1 FROM district d"
  "               WHERE d.programme_id = OLD.id AND " V17_DISTRICT_HOLDS ("d.id") ")"
  " BEGIN SELECT RAISE (ABORT, 'pm-quarter-accepted'); END;"
  "PRAGMA user_version = 17;",

  /* 18: a value given by site keeps its sites, in the order given; they
   * go with their value row. The value row carries the audit trail: the
   * sites are written in the same transaction as it. */
  "CREATE TABLE progress_site ("
  "  kpi_id INTEGER NOT NULL,"
  "  period TEXT NOT NULL,"
  "  position INTEGER NOT NULL,"
  "  site TEXT NOT NULL,"
  "  value REAL NOT NULL CHECK (abs (value) < 1e308),"
  "  PRIMARY KEY (kpi_id, period, position),"
  "  FOREIGN KEY (kpi_id, period) REFERENCES progress (kpi_id, period)"
  "    ON DELETE CASCADE ON UPDATE CASCADE"
  ") STRICT;"
  "PRAGMA user_version = 18;",

  /* 19: the programme's ratings (pm_store_count_programme_rag()) read
   * each KPI's value at one period; with the value in the index they do
   * not touch the table's rows, whose values of one period lie far
   * apart. The count names it (INDEXED BY): the planner prefers the
   * key's own index. */
  "CREATE INDEX progress_value ON progress (kpi_id, period, value, numerator, denominator);"
  "PRAGMA user_version = 19;",
};

G_STATIC_ASSERT (G_N_ELEMENTS (_pm_schema_migrations) == PM_STORE_SCHEMA_VERSION);

#undef V15_PROGRESS_TRIGGERS
#undef V8_ACCEPTED
#undef V8_ACCEPTED_QUARTERS
#undef V8_KPI_HOLDS
#undef V8_PILOT_HOLDS
#undef V8_DISTRICT_HOLDS
#undef V17_END_QUARTER
#undef V17_ACCEPTED_VALUE
#undef V17_KPI_HOLDS
#undef V17_PILOT_HOLDS
#undef V17_DISTRICT_HOLDS
