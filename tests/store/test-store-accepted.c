/* test-store-accepted.c: nothing changes an accepted quarter
 *
 * Once the office accepts a district's quarter, its values and narratives
 * stay as they were, whatever writes: the window's deletes of a KPI, a
 * pilot or a district, a CSV file, a return, or SQL written by hand
 * through the engine. The database itself refuses (triggers, schema 8),
 * on a file and on a server; the store's message names the district and
 * the quarter. Reopened, the quarter takes changes again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "pm-database.h"
#include "pm-progress-import.h"
#include "pm-progress-writer.h"
#include "pm-return-merge.h"
#include "pm-signing-key.h"
#include "pm-store-private.h"
#include "store-test-util.h"

#define CANNOCK   "Cannock Chase"
#define NEWCASTLE "Newcastle-under-Lyme"
#define NAMED     "Q3 2016/17 of Cannock Chase has been accepted; reopen it to change it."

typedef struct
{
  char        *dir;
  char        *path;
  PmStore     *store;
  PmProgramme *programme;
  PmDistrict  *cannock;     /* accepted in FY2016-Q3 */
  PmDistrict  *newcastle;   /* pilots with nothing in them */
  PmPilot     *pilot;       /* Cannock's one pilot: values and narratives */
  PmPeriod    *q3;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(PmProgramme) full = store_test_build_full_programme ();
  g_autoptr(PmKpi) contacts = pm_kpi_new ("Contacts", PM_UNIT_COUNT, PM_DIRECTION_REDUCE);
  g_autoptr(GError) error = NULL;

  fixture->dir = pm_test_dir_new ("pm-store");
  fixture->path = store_test_location (fixture->dir, "accepted.pmdb");
  pm_test_store_create (fixture->path, full);

  fixture->store = pm_store_open (fixture->path, PM_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  pm_store_set_author (fixture->store, "Programme Office");
  fixture->programme = pm_store_load (fixture->store, &error);
  g_assert_no_error (error);
  fixture->cannock = pm_programme_find_district (fixture->programme, CANNOCK);
  fixture->newcastle = pm_programme_find_district (fixture->programme, NEWCASTLE);
  fixture->pilot = pm_test_item (pm_district_get_pilots (fixture->cannock), 0);
  fixture->q3 = pm_period_new (2016, 3);

  /* A KPI in the other district, for a value to be moved to. */
  g_assert_true (pm_store_add_kpi (fixture->store, pm_test_item (pm_district_get_pilots (fixture->newcastle), 0),
                                   contacts, &error));
  g_assert_no_error (error);

  g_assert_true (pm_store_set_signoff (fixture->store, fixture->cannock, fixture->q3,
                                       PM_SIGNOFF_SUBMITTED, NULL, &error));
  g_assert_true (pm_store_set_signoff (fixture->store, fixture->cannock, fixture->q3,
                                       PM_SIGNOFF_ACCEPTED, NULL, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->q3);
  g_clear_object (&fixture->programme);
  pm_store_close (fixture->store);
  g_clear_object (&fixture->store);
  store_test_clear_dir (&fixture->dir);
  g_clear_pointer (&fixture->path, g_free);
}

static PmKpi *
find_kpi (PmPilot    *pilot,
          const char *prefix)
{
  GListModel *kpis = pm_pilot_get_kpis (pilot);

  for (guint i = 0; i < g_list_model_get_n_items (kpis); i++)
    {
      PmKpi *kpi = pm_test_item (kpis, i);

      if (g_str_has_prefix (pm_kpi_get_title (kpi), prefix))
        return kpi;
    }

  g_assert_not_reached ();
}

/* Everything in the database, as a fresh store reads it. */
static PmProgramme *
read_back (Fixture *fixture)
{
  g_autoptr(PmStore) reader = NULL;
  g_autoptr(GError) error = NULL;
  PmProgramme *programme;

  reader = pm_store_open (fixture->path, PM_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  programme = pm_store_load (reader, &error);
  g_assert_no_error (error);
  pm_store_close (reader);
  return programme;
}

static void
assert_named_refusal (const GError *error)
{
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_READ_ONLY);
  g_test_message ("%s", error->message);
  g_assert_cmpstr (error->message, ==, NAMED);
}

/* SQL written by hand, through the store's own connection. */
static void
assert_sql_refused (Fixture    *fixture,
                    const char *sql,
                    int         code)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (pm_database_execute (_pm_store_get_database (fixture->store), sql, &error));
  g_test_message ("%s: %s", sql, error != NULL ? error->message : "(no error)");
  g_assert_error (error, PM_STORE_ERROR, code);
}

static void
assert_sql_runs (Fixture    *fixture,
                 const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pm_database_execute (_pm_store_get_database (fixture->store), sql, &error));
  g_assert_no_error (error);
}

static void
reopen (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pm_store_set_signoff (fixture->store, fixture->cannock, fixture->q3,
                                       PM_SIGNOFF_OPEN, NULL, &error));
  g_assert_no_error (error);
}

static gint64
count (Fixture    *fixture,
       const char *sql)
{
  return store_test_query_int (fixture->path, sql);
}

static PmKpi *
add_kpi_of (Fixture     *fixture,
            const char  *title,
            PmFrequency  frequency)
{
  g_autoptr(PmKpi) kpi = pm_kpi_new (title, PM_UNIT_COUNT, PM_DIRECTION_INCREASE);
  g_autoptr(GError) error = NULL;

  pm_kpi_set_frequency (kpi, frequency);
  g_assert_true (pm_store_add_kpi (fixture->store, fixture->pilot, kpi, &error));
  g_assert_no_error (error);
  return kpi;
}

static gboolean
save_value (Fixture   *fixture,
            PmKpi     *kpi,
            PmPeriod  *period,
            double     value,
            GError   **error)
{
  g_autoptr(PmProgressEntry) entry = pm_progress_entry_new (period);

  pm_progress_entry_set_value (entry, value);
  return pm_store_save_entry (fixture->store, kpi, entry, error);
}

/* A month or a year is locked by the accepted quarter it ends in, and
 * only by that: October 2016 by Q3, January 2017 not; 2016/17 only once
 * Q4 2016/17 is accepted too. The refusal names the quarter. */
static void
test_years_and_months (Fixture       *fixture,
                       gconstpointer  data)
{
  PmKpi *monthly = add_kpi_of (fixture, "Contacts in the month", PM_FREQUENCY_MONTHLY);
  PmKpi *yearly = add_kpi_of (fixture, "Outturn for the year", PM_FREQUENCY_YEARLY);
  g_autoptr(PmPeriod) october = pm_period_new_month (2016, 7);
  g_autoptr(PmPeriod) january = pm_period_new_month (2016, 10);
  g_autoptr(PmPeriod) year = pm_period_new_year (2016);
  g_autoptr(PmPeriod) q4 = pm_period_new (2016, 4);
  g_autoptr(GError) error = NULL;

  /* Reopened, values go in; accepted again, October is locked. */
  reopen (fixture);
  g_assert_true (save_value (fixture, monthly, october, 10, &error));
  g_assert_true (save_value (fixture, monthly, january, 20, &error));
  g_assert_no_error (error);
  g_assert_true (pm_store_set_signoff (fixture->store, fixture->cannock, fixture->q3,
                                       PM_SIGNOFF_SUBMITTED, NULL, &error));
  g_assert_true (pm_store_set_signoff (fixture->store, fixture->cannock, fixture->q3,
                                       PM_SIGNOFF_ACCEPTED, NULL, &error));
  g_assert_no_error (error);

  g_assert_false (save_value (fixture, monthly, october, 11, &error));
  assert_named_refusal (error);
  g_clear_error (&error);
  g_assert_false (pm_store_delete_entry (fixture->store, monthly, october, &error));
  assert_named_refusal (error);
  g_clear_error (&error);
  g_assert_false (pm_store_delete_kpi (fixture->store, fixture->pilot, monthly, &error));
  assert_named_refusal (error);
  g_clear_error (&error);
  g_assert_cmpint (count (fixture, "SELECT count (*) FROM progress WHERE period = 'FY2016-M07' AND value = 10"),
                   ==, 1);

  /* January ends after the accepted quarter, and so does the year. */
  g_assert_true (save_value (fixture, monthly, january, 21, &error));
  g_assert_no_error (error);
  g_assert_true (save_value (fixture, yearly, year, 400, &error));
  g_assert_no_error (error);

  /* With Q4 accepted, the year is locked as well. */
  g_assert_true (pm_store_set_signoff (fixture->store, fixture->cannock, q4, PM_SIGNOFF_SUBMITTED, NULL, &error));
  g_assert_true (pm_store_set_signoff (fixture->store, fixture->cannock, q4, PM_SIGNOFF_ACCEPTED, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (save_value (fixture, yearly, year, 401, &error));
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_READ_ONLY);
  g_assert_cmpstr (error->message, ==, "Q4 2016/17 of Cannock Chase has been accepted; reopen it to change it.");
  g_clear_error (&error);
  g_assert_false (pm_store_delete_kpi (fixture->store, fixture->pilot, yearly, &error));
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_cmpint (count (fixture, "SELECT count (*) FROM progress WHERE period = 'FY2016' AND value = 400"),
                   ==, 1);
}

/* The window's Delete KPI: a KPI with a value in the accepted quarter is
 * refused and keeps its values; one with values only in open quarters,
 * or none, goes. */
static void
test_delete_kpi (Fixture       *fixture,
                 gconstpointer  data)
{
  PmKpi *referrals = find_kpi (fixture->pilot, "Reduce the number of referrals");
  PmKpi *duration = find_kpi (fixture->pilot, "Days from referral");
  g_autoptr(PmProgramme) before = read_back (fixture);
  g_autoptr(PmProgramme) after = NULL;
  g_autoptr(GError) error = NULL;
  guint n_kpis = g_list_model_get_n_items (pm_pilot_get_kpis (fixture->pilot));

  g_assert_false (pm_store_delete_kpi (fixture->store, fixture->pilot, referrals, &error));
  assert_named_refusal (error);
  g_clear_error (&error);

  /* Nothing went, on disk or in the model. */
  after = read_back (fixture);
  store_test_assert_programmes_equal (before, after, TRUE);
  g_assert_cmpint (count (fixture, "SELECT count (*) FROM progress WHERE period = 'FY2016-Q3'"), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (pm_pilot_get_kpis (fixture->pilot)), ==, n_kpis);
  g_assert_cmpint (pm_kpi_get_id (referrals), !=, 0);

  g_assert_true (pm_store_delete_kpi (fixture->store, fixture->pilot, duration, &error));
  g_assert_no_error (error);

  /* Reopened, it may go. */
  reopen (fixture);
  g_assert_true (pm_store_delete_kpi (fixture->store, fixture->pilot, referrals, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (fixture, "SELECT count (*) FROM progress WHERE period = 'FY2016-Q3'"), ==, 2);
}

static void
test_delete_pilot (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(PmProgramme) before = read_back (fixture);
  g_autoptr(PmProgramme) after = NULL;
  g_autoptr(GError) error = NULL;
  PmPilot *empty = pm_test_item (pm_district_get_pilots (fixture->newcastle), 0);

  g_assert_false (pm_store_delete_pilot (fixture->store, fixture->cannock, fixture->pilot, &error));
  assert_named_refusal (error);
  g_clear_error (&error);
  after = read_back (fixture);
  store_test_assert_programmes_equal (before, after, TRUE);
  g_assert_cmpint (pm_pilot_get_id (fixture->pilot), !=, 0);

  g_assert_true (pm_store_delete_pilot (fixture->store, fixture->newcastle, empty, &error));
  g_assert_no_error (error);

  reopen (fixture);
  g_assert_true (pm_store_delete_pilot (fixture->store, fixture->cannock, fixture->pilot, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (fixture, "SELECT count (*) FROM narrative"), ==, 0);
}

static void
test_delete_district (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(PmProgramme) before = read_back (fixture);
  g_autoptr(PmProgramme) after = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (pm_store_delete_district (fixture->store, fixture->programme, fixture->cannock, &error));
  assert_named_refusal (error);
  g_clear_error (&error);
  after = read_back (fixture);
  store_test_assert_programmes_equal (before, after, TRUE);
  /* Its sign-off history stays too. */
  g_assert_cmpint (count (fixture, "SELECT count (*) FROM signoff"), ==, 2);

  g_assert_true (pm_store_delete_district (fixture->store, fixture->programme, fixture->newcastle, &error));
  g_assert_no_error (error);

  /* Reopened, it goes, and its history with it. */
  reopen (fixture);
  g_assert_true (pm_store_delete_district (fixture->store, fixture->programme, fixture->cannock, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (fixture, "SELECT count (*) FROM signoff"), ==, 0);
  g_assert_cmpint (count (fixture, "SELECT count (*) FROM progress"), ==, 0);
}

/* Typed, from a CSV file, from a return: each names the quarter. */
static void
test_writes_name_the_quarter (Fixture       *fixture,
                              gconstpointer  data)
{
  PmKpi *referrals = find_kpi (fixture->pilot, "Reduce the number of referrals");
  g_autoptr(PmProgressEntry) entry = pm_progress_entry_new (fixture->q3);
  g_autoptr(PmNarrative) narrative = pm_narrative_new (fixture->q3);
  g_autoptr(PmProgressImport) import = NULL;
  g_autoptr(PmProgressWriter) writer = NULL;
  g_autoptr(PmProgramme) lead = read_back (fixture);
  g_autoptr(PmProgramme) before = read_back (fixture);
  g_autoptr(PmProgramme) after = NULL;
  g_autoptr(PmProgressEntry) changed = pm_progress_entry_new (fixture->q3);
  g_autoptr(PmReturn) ret = NULL;
  g_autoptr(PmReturnMerge) merge = NULL;
  g_autoptr(PmSigningKey) key = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  PmDistrict *lead_cannock;
  PmPilot *lead_pilot;

  pm_progress_entry_set_value (entry, 1);
  g_assert_false (pm_store_save_entry (fixture->store, referrals, entry, &error));
  assert_named_refusal (error);
  g_clear_error (&error);

  g_assert_false (pm_store_delete_entry (fixture->store, referrals, fixture->q3, &error));
  assert_named_refusal (error);
  g_clear_error (&error);

  pm_narrative_set_progress (narrative, "Rewritten after acceptance");
  g_assert_false (pm_store_save_narrative (fixture->store, fixture->pilot, narrative, &error));
  assert_named_refusal (error);
  g_clear_error (&error);

  csv = g_strdup_printf ("district,pilot,kpi,period,value\r\n"
                         "%s,\"%s\",\"%s\",FY2016-Q3,7\r\n",
                         CANNOCK, pm_pilot_get_title (fixture->pilot), pm_kpi_get_title (referrals));
  import = pm_progress_import_new_from_csv (fixture->programme, csv, strlen (csv), &error);
  g_assert_no_error (error);
  writer = pm_progress_writer_new (fixture->store, import);
  g_assert_false (pm_progress_writer_run (writer, NULL, &error));
  assert_named_refusal (error);
  g_clear_error (&error);

  /* A lead's return with another figure for the quarter. */
  lead_cannock = pm_programme_find_district (lead, CANNOCK);
  lead_pilot = pm_test_item (pm_district_get_pilots (lead_cannock), 0);
  pm_progress_entry_set_value (changed, 150);
  g_assert_true (pm_kpi_set_entry (find_kpi (lead_pilot, "Reduce the number of referrals"), changed, &error));
  /* Signed with a key in this test's own data folder, which the office
   * trusts for the district. */
  key = pm_signing_key_load_or_create (NULL, &error);
  g_assert_no_error (error);
  ret = pm_return_new (lead, lead_cannock, NULL, fixture->q3, "Alex Lead", now, key);
  merge = pm_return_merge_new (fixture->store, fixture->programme, ret, &error);
  g_assert_no_error (error);
  pm_return_merge_set_trust_key (merge, TRUE);
  g_assert_false (pm_return_merge_apply (merge, PM_MERGE_CONFLICTS_REPLACE, NULL, &error));
  assert_named_refusal (error);
  g_clear_error (&error);

  after = read_back (fixture);
  store_test_assert_programmes_equal (before, after, TRUE);
}

/* SQL written by hand through the engine: each way round the guards of
 * schema 4, each run on its own. */
typedef enum
{
  ON_BOTH,
  ON_FILE,
  ON_SERVER,
} Engines;

typedef struct
{
  const char *name;
  const char *sql;
  int         code;            /* the refusal */
  gboolean    when_reopened;   /* runs once the quarter is reopened */
  Engines     engines;
} Hole;

#define A_NEWCASTLE_PILOT \
  "(SELECT min (p.id) FROM pilot p JOIN district d ON d.id = p.district_id " \
  " WHERE d.name = '" NEWCASTLE "')"

static const Hole holes[] = {
  /* Values and narratives moved out of the quarter, or deleted. */
  { "progress-period", "UPDATE progress SET period = 'FY2017-Q2' WHERE period = 'FY2016-Q3'",
    PM_STORE_ERROR_READ_ONLY, TRUE, ON_BOTH },
  { "progress-kpi", "UPDATE progress SET kpi_id = (SELECT id FROM kpi WHERE title = 'Contacts') "
                    "WHERE period = 'FY2016-Q3' AND kpi_id = (SELECT id FROM kpi WHERE title LIKE 'School%')",
    PM_STORE_ERROR_READ_ONLY, TRUE, ON_BOTH },
  { "progress-delete", "DELETE FROM progress WHERE period = 'FY2016-Q3'",
    PM_STORE_ERROR_READ_ONLY, TRUE, ON_BOTH },
  { "narrative-period", "UPDATE narrative SET period = 'FY2017-Q2' WHERE period = 'FY2016-Q3'",
    PM_STORE_ERROR_READ_ONLY, TRUE, ON_BOTH },
  { "narrative-pilot", "UPDATE narrative SET pilot_id = " A_NEWCASTLE_PILOT " WHERE period = 'FY2016-Q3'",
    PM_STORE_ERROR_READ_ONLY, TRUE, ON_BOTH },
  { "narrative-delete", "DELETE FROM narrative WHERE period = 'FY2016-Q3'",
    PM_STORE_ERROR_READ_ONLY, TRUE, ON_BOTH },

  /* What holds them, deleted (the cascade) or moved to another district. */
  { "kpi-delete", "DELETE FROM kpi", PM_STORE_ERROR_READ_ONLY, TRUE, ON_BOTH },
  { "kpi-move", "UPDATE kpi SET pilot_id = " A_NEWCASTLE_PILOT, PM_STORE_ERROR_READ_ONLY, TRUE, ON_BOTH },
  { "pilot-delete", "DELETE FROM pilot", PM_STORE_ERROR_READ_ONLY, TRUE, ON_BOTH },
  { "pilot-move", "UPDATE pilot SET district_id = (SELECT id FROM district WHERE name = '" NEWCASTLE "')",
    PM_STORE_ERROR_READ_ONLY, TRUE, ON_BOTH },
  { "district-delete", "DELETE FROM district", PM_STORE_ERROR_READ_ONLY, TRUE, ON_BOTH },
  { "programme-delete", "DELETE FROM programme", PM_STORE_ERROR_READ_ONLY, TRUE, ON_BOTH },

  /* The acceptance itself, rewritten or removed: never, reopened or not. */
  { "signoff-update", "UPDATE signoff SET state = 'reopened'", PM_STORE_ERROR_INVALID, FALSE, ON_BOTH },
  { "signoff-delete", "DELETE FROM signoff WHERE state = 'accepted'", PM_STORE_ERROR_INVALID, FALSE, ON_BOTH },

  /* A row REPLACE deletes meets the delete triggers too. */
  { "kpi-replace", "INSERT OR REPLACE INTO kpi (id, pilot_id, position, title, unit, direction) "
                   "SELECT id, pilot_id, position, title, unit, direction FROM kpi "
                   "WHERE title LIKE 'Reduce the number of referrals%'",
    PM_STORE_ERROR_READ_ONLY, TRUE, ON_FILE },
  { "district-replace", "UPDATE OR REPLACE district SET name = '" CANNOCK "' WHERE name = '" NEWCASTLE "'",
    PM_STORE_ERROR_READ_ONLY, TRUE, ON_FILE },

  /* TRUNCATE fires no row triggers. Values' sites (schema 16) refer to
   * progress, so it is truncated with them, as kpi is with its rows. */
  { "progress-truncate", "TRUNCATE progress CASCADE", PM_STORE_ERROR_READ_ONLY, TRUE, ON_SERVER },
  { "narrative-truncate", "TRUNCATE narrative", PM_STORE_ERROR_READ_ONLY, TRUE, ON_SERVER },
  { "kpi-truncate", "TRUNCATE kpi CASCADE", PM_STORE_ERROR_READ_ONLY, TRUE, ON_SERVER },
  { "signoff-truncate", "TRUNCATE signoff", PM_STORE_ERROR_INVALID, FALSE, ON_SERVER },
};

/* One database for every hole, each leaving it as it found it: a
 * fixture of its own each would make twenty databases on the server. */
static Fixture *shared;

/* Refused, and nothing changed; reopened (in a transaction then rolled
 * back), allowed where it should be. */
static void
test_hole (gconstpointer data)
{
  const Hole *hole = data;
  g_autoptr(PmProgramme) before = NULL;
  g_autoptr(PmProgramme) after = NULL;
  g_autoptr(PmProgramme) again = NULL;
  g_autoptr(GError) error = NULL;
  PmDatabase *db;

  if (hole->engines == (store_test_engine_is_server () ? ON_FILE : ON_SERVER))
    {
      g_test_skip (store_test_engine_is_server () ? "sqlite's own SQL" : "PostgreSQL's own SQL");
      return;
    }

  if (shared == NULL)
    {
      shared = g_new0 (Fixture, 1);
      fixture_set_up (shared, NULL);
    }

  before = read_back (shared);
  assert_sql_refused (shared, hole->sql, hole->code);
  after = read_back (shared);
  store_test_assert_programmes_equal (before, after, TRUE);
  g_assert_cmpint (count (shared, "SELECT count (*) FROM signoff WHERE state = 'accepted'"), ==, 1);
  g_assert_cmpint (count (shared, "SELECT count (*) FROM signoff"), ==, 2);

  db = _pm_store_get_database (shared->store);
  g_assert_true (pm_database_begin (db, &error));
  g_assert_no_error (error);
  assert_sql_runs (shared,
                   "INSERT INTO signoff (district_id, period, state, author, at) "
                   "SELECT id, 'FY2016-Q3', 'reopened', 'Programme Office', '2017-02-01T10:00:00Z' "
                   "FROM district WHERE name = '" CANNOCK "'");
  if (hole->when_reopened)
    assert_sql_runs (shared, hole->sql);
  else
    assert_sql_refused (shared, hole->sql, hole->code);
  pm_database_rollback (db);

  again = read_back (shared);
  store_test_assert_programmes_equal (before, again, TRUE);
  g_assert_cmpint (count (shared, "SELECT count (*) FROM signoff"), ==, 2);
}

/* Another quarter of the district, and the same quarter of another
 * district, stay open to the same SQL. */
static void
test_others_open (Fixture       *fixture,
                  gconstpointer  data)
{
  assert_sql_runs (fixture, "DELETE FROM narrative WHERE period = 'FY2016-Q4'");
  assert_sql_runs (fixture, "UPDATE progress SET period = 'FY2017-Q4' WHERE period = 'FY2016-Q4'");
  assert_sql_runs (fixture, "UPDATE kpi SET pilot_id = " A_NEWCASTLE_PILOT " WHERE title LIKE 'Days from referral%'");
  assert_sql_runs (fixture, "DELETE FROM pilot WHERE district_id = (SELECT id FROM district WHERE name = '" NEWCASTLE "')");
  assert_sql_runs (fixture, "DELETE FROM district WHERE name = '" NEWCASTLE "'");
  g_assert_cmpint (count (fixture, "SELECT count (*) FROM progress WHERE period = 'FY2017-Q4'"), ==, 4);
  g_assert_cmpint (count (fixture, "SELECT count (*) FROM narrative"), ==, 1);
}

/* A database of an older schema (6, or 7 just before the guards) holding
 * an accepted quarter gets the guards when it is opened. */
static void
test_migrate (Fixture       *fixture,
              gconstpointer  data)
{
  int old_version = GPOINTER_TO_INT (data);
  g_autofree char *old_path = store_test_location (fixture->dir, "older.pmdb");
  g_autoptr(PmDatabase) db = NULL;
  g_autoptr(PmStore) store = NULL;
  g_autoptr(PmProgramme) programme = NULL;
  g_autoptr(GError) error = NULL;
  PmDistrict *district;
  PmPilot *pilot;
  int version = 0;

  db = pm_database_open (old_path, PM_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (pm_database_migrate_to (db, old_version, &error));
  g_assert_no_error (error);
  g_assert_true (pm_database_execute (db,
    "INSERT INTO programme (id, name) VALUES (1, 'Old programme');"
    "INSERT INTO district (id, programme_id, position, name) VALUES (1, 1, 0, 'Cannock Chase');"
    "INSERT INTO pilot (id, district_id, position, title) VALUES (1, 1, 0, 'Family hub');"
    "INSERT INTO kpi (id, pilot_id, position, title, unit, direction) VALUES (1, 1, 0, 'Referrals', 'count', 'reduce');"
    "INSERT INTO baseline (kpi_id, state) VALUES (1, 'none');"
    "INSERT INTO progress (kpi_id, period, value) VALUES (1, 'FY2016-Q3', 12);"
    "INSERT INTO narrative (pilot_id, period, progress) VALUES (1, 'FY2016-Q3', 'Opened');"
    "INSERT INTO signoff (district_id, period, state, at) VALUES (1, 'FY2016-Q3', 'submitted', '2017-01-09T10:00:00Z');"
    "INSERT INTO signoff (district_id, period, state, at) VALUES (1, 'FY2016-Q3', 'accepted', '2017-01-10T10:00:00Z');",
    &error));
  g_assert_no_error (error);
  g_assert_true (pm_database_get_schema_version (db, &version, &error));
  g_assert_cmpint (version, ==, old_version);
  g_clear_object (&db);

  store = pm_store_open (old_path, PM_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (store_test_schema_version (old_path), ==, PM_STORE_SCHEMA_VERSION);
  programme = pm_store_load (store, &error);
  g_assert_no_error (error);
  district = pm_programme_find_district (programme, CANNOCK);
  pilot = pm_test_item (pm_district_get_pilots (district), 0);

  g_assert_false (pm_store_delete_kpi (store, pilot, pm_test_item (pm_pilot_get_kpis (pilot), 0), &error));
  assert_named_refusal (error);
  g_clear_error (&error);
  g_assert_false (pm_database_execute (_pm_store_get_database (store),
                                       "UPDATE progress SET period = 'FY2016-Q4'", &error));
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (pm_database_execute (_pm_store_get_database (store), "DELETE FROM narrative", &error));
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);

  g_assert_cmpint (store_test_query_int (old_path, "SELECT count (*) FROM progress WHERE period = 'FY2016-Q3'"),
                   ==, 1);
  g_assert_cmpint (store_test_query_int (old_path, "SELECT count (*) FROM narrative"), ==, 1);

  /* Version 12: the KPI is quarterly, and a month's value may be written
   * (the audit trail still follows it). */
  g_assert_cmpint (pm_kpi_get_frequency (pm_test_item (pm_pilot_get_kpis (pilot), 0)),
                   ==, PM_FREQUENCY_QUARTERLY);
  g_assert_cmpint (store_test_query_int (old_path, "SELECT count (*) FROM kpi WHERE frequency = 'quarterly'"),
                   ==, 1);
  g_assert_true (pm_database_execute (_pm_store_get_database (store),
                                      "UPDATE kpi SET frequency = 'monthly';"
                                      "INSERT INTO progress (kpi_id, period, value) VALUES (1, 'FY2017-M07', 3)",
                                      &error));
  g_assert_no_error (error);
  g_assert_cmpint (store_test_query_int (old_path, "SELECT count (*) FROM audit WHERE period = 'FY2017-M07'"),
                   ==, 1);
  g_assert_false (pm_database_execute (_pm_store_get_database (store),
                                       "INSERT INTO progress (kpi_id, period, value) VALUES (1, 'FY2017-M13', 3)",
                                       &error));
  g_clear_error (&error);

  /* Version 16: November 2016 ends in the accepted quarter. */
  g_assert_false (pm_database_execute (_pm_store_get_database (store),
                                       "INSERT INTO progress (kpi_id, period, value) VALUES (1, 'FY2016-M08', 3)",
                                       &error));
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  pm_store_close (store);
}

/* Version 16 on a database of 15: each KPI keeps its frequency and each
 * value its period, the guards of an accepted quarter hold, and a KPI
 * may now be calendar-yearly with a value for a calendar year (audited
 * as any other); nothing else is let in. */
static void
test_migrate_calendar_years (Fixture       *fixture,
                             gconstpointer  data G_GNUC_UNUSED)
{
  g_autofree char *old_path = store_test_location (fixture->dir, "older.pmdb");
  g_autoptr(PmDatabase) db = NULL;
  g_autoptr(PmStore) store = NULL;
  g_autoptr(PmProgramme) programme = NULL;
  g_autoptr(GError) error = NULL;
  PmDatabase *database;
  PmPilot *pilot;

  db = pm_database_open (old_path, PM_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (pm_database_migrate_to (db, 15, &error));
  g_assert_no_error (error);
  g_assert_true (pm_database_execute (db,
    "INSERT INTO programme (id, name) VALUES (1, 'Old programme');"
    "INSERT INTO district (id, programme_id, position, name) VALUES (1, 1, 0, 'Cannock Chase');"
    "INSERT INTO pilot (id, district_id, position, title) VALUES (1, 1, 0, 'Family hub');"
    "INSERT INTO kpi (id, pilot_id, position, title, unit, direction, frequency)"
    "  VALUES (1, 1, 0, 'Referrals', 'count', 'reduce', 'quarterly');"
    "INSERT INTO kpi (id, pilot_id, position, title, unit, direction, frequency)"
    "  VALUES (2, 1, 1, 'Outturn', 'count', 'increase', 'yearly');"
    "INSERT INTO baseline (kpi_id, state) VALUES (1, 'none');"
    "INSERT INTO baseline (kpi_id, state) VALUES (2, 'none');"
    "INSERT INTO target (kpi_id, value, date) VALUES (2, 40, '2021-03-31');"
    "INSERT INTO progress (kpi_id, period, value) VALUES (1, 'FY2016-Q3', 12);"
    "INSERT INTO progress (kpi_id, period, value) VALUES (2, 'FY2020', 41);"
    "INSERT INTO signoff (district_id, period, state, at) VALUES (1, 'FY2016-Q3', 'accepted', '2017-01-10T10:00:00Z');",
    &error));
  g_assert_no_error (error);
  /* 15 refuses a calendar year. */
  g_assert_false (pm_database_execute (db, "INSERT INTO progress (kpi_id, period, value) VALUES (2, 'CY2020', 1)",
                                       NULL));
  g_clear_object (&db);

  store = pm_store_open (old_path, PM_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (store_test_schema_version (old_path), ==, PM_STORE_SCHEMA_VERSION);
  programme = pm_store_load (store, &error);
  g_assert_no_error (error);
  pilot = pm_test_item (pm_district_get_pilots (pm_programme_find_district (programme, CANNOCK)), 0);
  g_assert_cmpint (pm_kpi_get_frequency (pm_test_item (pm_pilot_get_kpis (pilot), 0)), ==, PM_FREQUENCY_QUARTERLY);
  g_assert_cmpint (pm_kpi_get_frequency (pm_test_item (pm_pilot_get_kpis (pilot), 1)), ==, PM_FREQUENCY_YEARLY);
  g_assert_cmpint (store_test_query_int (old_path, "SELECT count (*) FROM progress"), ==, 2);
  g_assert_cmpint (store_test_query_int (old_path, "SELECT count (*) FROM target"), ==, 1);
  g_assert_cmpint (store_test_query_int (old_path, "SELECT count (*) FROM baseline"), ==, 2);

  database = _pm_store_get_database (store);
  g_assert_false (pm_database_execute (database, "UPDATE progress SET value = 13 WHERE period = 'FY2016-Q3'",
                                       &error));
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);

  g_assert_true (pm_database_execute (database,
                                      "UPDATE kpi SET frequency = 'calendar-yearly' WHERE id = 2;"
                                      "DELETE FROM progress WHERE kpi_id = 2;"
                                      "INSERT INTO progress (kpi_id, period, value) VALUES (2, 'CY2020', 41)",
                                      &error));
  g_assert_no_error (error);
  g_assert_cmpint (store_test_query_int (old_path, "SELECT count (*) FROM audit WHERE period = 'CY2020'"), ==, 1);
  g_assert_cmpint (store_test_query_int (old_path, "SELECT count (*) FROM kpi WHERE frequency = 'calendar-yearly'"),
                   ==, 1);

  /* A calendar year ends in the third quarter of its financial year:
   * with Q3 2016/17 accepted, Cannock's 2016 is locked, 2017 is not. */
  g_assert_false (pm_database_execute (database,
                                       "INSERT INTO progress (kpi_id, period, value) VALUES (2, 'CY2016', 7)",
                                       &error));
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_true (pm_database_execute (database,
                                      "INSERT INTO progress (kpi_id, period, value) VALUES (2, 'CY2017', 7)",
                                      &error));
  g_assert_no_error (error);

  for (const char *const *sql = (const char *const[]) {
         "INSERT INTO progress (kpi_id, period, value) VALUES (2, 'CY2020-Q1', 1)",
         "INSERT INTO progress (kpi_id, period, value) VALUES (2, 'CY20201', 1)",
         "INSERT INTO progress (kpi_id, period, value) VALUES (2, 'cy2021', 1)",
         "UPDATE kpi SET frequency = 'fortnightly' WHERE id = 1",
         NULL }; *sql; sql++)
    {
      g_test_message ("%s", *sql);
      g_assert_false (pm_database_execute (database, *sql, &error));
      g_clear_error (&error);
    }
  pm_store_close (store);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  if (store_test_no_server_to_test ())
    return 0;

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/store/accepted/delete-kpi", test_delete_kpi);
  ADD ("/store/accepted/delete-pilot", test_delete_pilot);
  ADD ("/store/accepted/delete-district", test_delete_district);
  ADD ("/store/accepted/writes-name-the-quarter", test_writes_name_the_quarter);
  ADD ("/store/accepted/others-open", test_others_open);
  ADD ("/store/accepted/years-and-months", test_years_and_months);
#undef ADD
  g_test_add ("/store/accepted/migrate-from-6", Fixture, GINT_TO_POINTER (6),
              fixture_set_up, test_migrate, fixture_tear_down);
  g_test_add ("/store/accepted/migrate-from-7", Fixture, GINT_TO_POINTER (7),
              fixture_set_up, test_migrate, fixture_tear_down);
  /* Version 12 rebuilds progress on a file: its guards must survive. */
  g_test_add ("/store/accepted/migrate-from-11", Fixture, GINT_TO_POINTER (11),
              fixture_set_up, test_migrate, fixture_tear_down);
  /* Version 17 redefines the guards of a database that has them. */
  g_test_add ("/store/accepted/migrate-from-15", Fixture, GINT_TO_POINTER (15),
              fixture_set_up, test_migrate, fixture_tear_down);
  /* Version 16 rebuilds progress and replaces kpi's frequency column. */
  g_test_add ("/store/accepted/calendar-years-from-15", Fixture, NULL,
              fixture_set_up, test_migrate_calendar_years, fixture_tear_down);

  for (guint i = 0; i < G_N_ELEMENTS (holes); i++)
    {
      g_autofree char *path = g_strdup_printf ("/store/accepted/sql/%s", holes[i].name);

      g_test_add_data_func (path, &holes[i], test_hole);
    }

  status = g_test_run ();

  if (shared != NULL)
    {
      fixture_tear_down (shared, NULL);
      g_free (shared);
    }

  return status;
}
