/* test-store-audit.c: the audit trail keeps every change
 *
 * Each case makes changes through the store as the window does and reads
 * the trail back through the store: who, when, from where, and the old
 * and new value, for values, baselines, targets and narratives. Nothing
 * is lost by an overwrite or a delete.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <sqlite3.h>

#include "pm-progress-import.h"
#include "pm-progress-writer.h"
#include "store-test-util.h"

typedef struct
{
  char        *dir;
  char        *path;
  PmStore     *store;
  PmProgramme *programme;
  PmPilot     *pilot;
  PmKpi       *kpi;       /* "Attendance": 50 in FY2016-Q3, baseline 44.8, target 60 */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PmProgramme) small = store_test_build_small_programme ();
  PmDistrict *district;

  fixture->dir = pm_test_dir_new ("pm-store");
  fixture->path = store_test_location (fixture->dir, "audit.db");
  pm_test_store_create (fixture->path, small);
  fixture->store = pm_store_open (fixture->path, PM_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  fixture->programme = pm_store_load (fixture->store, &error);
  g_assert_no_error (error);
  district = pm_test_item (pm_programme_get_districts (fixture->programme), 0);
  fixture->pilot = pm_test_item (pm_district_get_pilots (district), 0);
  fixture->kpi = pm_test_item (pm_pilot_get_kpis (fixture->pilot), 0);
  g_assert_cmpstr (pm_kpi_get_title (fixture->kpi), ==, "Attendance");
  pm_store_set_author (fixture->store, "Alex Lead");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->programme);
  pm_store_close (fixture->store);
  g_clear_object (&fixture->store);
  store_test_clear_dir (&fixture->dir);
  g_free (fixture->path);
}

static GListModel *
changes (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  GListModel *list = pm_store_list_changes (fixture->store, fixture->kpi, &error);

  g_assert_no_error (error);
  g_assert_nonnull (list);
  return list;
}

static void
save (Fixture    *fixture,
      int         quarter,
      double      value,
      const char *note)
{
  g_autoptr(PmPeriod) period = pm_period_new (2016, quarter);

  pm_test_set_value (fixture->store, fixture->kpi, period, value, note);
}

static void
test_import_recorded (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GListModel) list = changes (fixture);
  gboolean saw_value = FALSE, saw_baseline = FALSE, saw_target = FALSE;

  /* Making the database from a programme file is itself recorded. */
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 3);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      PmChange *change = pm_test_item (list, i);

      g_assert_cmpint (pm_change_get_source (change), ==, PM_CHANGE_IMPORT);
      g_assert_false (pm_change_has_old_value (change));
      saw_value |= pm_change_get_kind (change) == PM_CHANGE_VALUE &&
                   pm_change_get_new_value (change) == 50;
      saw_baseline |= pm_change_get_kind (change) == PM_CHANGE_BASELINE &&
                      pm_change_get_new_value (change) == 44.8;
      saw_target |= pm_change_get_kind (change) == PM_CHANGE_TARGET &&
                    pm_change_get_new_value (change) == 60;
    }
  g_assert_true (saw_value);
  g_assert_true (saw_baseline);
  g_assert_true (saw_target);
}

static void
test_overwrite_keeps_old (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GListModel) list = NULL;
  g_autoptr(PmPeriod) q3 = pm_period_new (2016, 3);
  PmChange *latest, *before;

  save (fixture, 3, 55, "Checked again");
  save (fixture, 3, 57.5, NULL);

  list = changes (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 5);
  latest = pm_test_item (list, 0);
  before = pm_test_item (list, 1);

  /* Newest first: 55 → 57.5, then 50 → 55, each with who and when. */
  g_assert_cmpint (pm_change_get_kind (latest), ==, PM_CHANGE_VALUE);
  g_assert_cmpint (pm_change_get_source (latest), ==, PM_CHANGE_TYPED);
  g_assert_cmpstr (pm_change_get_author (latest), ==, "Alex Lead");
  g_assert_cmpfloat (pm_change_get_old_value (latest), ==, 55);
  g_assert_cmpfloat (pm_change_get_new_value (latest), ==, 57.5);
  g_assert_cmpstr (pm_change_get_old_text (latest), ==, "Checked again");
  g_assert_null (pm_change_get_new_text (latest));
  g_assert_true (pm_period_equal (pm_change_get_period (latest), q3));
  g_assert_true (g_str_has_suffix (pm_change_get_at (latest), "Z"));

  g_assert_cmpfloat (pm_change_get_old_value (before), ==, 50);
  g_assert_cmpfloat (pm_change_get_new_value (before), ==, 55);
  g_assert_cmpstr (pm_change_get_new_text (before), ==, "Checked again");
}

static void
test_same_value_not_recorded (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GListModel) list = NULL;

  /* Saving what is already there changes nothing, and says so. */
  save (fixture, 3, 50, NULL);
  list = changes (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 3);
}

static void
test_delete_recorded (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GListModel) list = NULL;
  g_autoptr(PmPeriod) q3 = pm_period_new (2016, 3);
  g_autoptr(GError) error = NULL;
  PmChange *latest;

  g_assert_true (pm_store_delete_entry (fixture->store, fixture->kpi, q3, &error));
  g_assert_no_error (error);

  list = changes (fixture);
  latest = pm_test_item (list, 0);
  g_assert_cmpfloat (pm_change_get_old_value (latest), ==, 50);
  g_assert_false (pm_change_has_new_value (latest));
}

static void
test_baseline_and_target_recorded (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(PmBaseline) baseline = pm_baseline_new_value (46.1, "2016-11", "Recounted");
  g_autoptr(PmTarget) target = pm_target_new (65, "2018-03-31");
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;
  PmChange *revision, *rebased;

  g_assert_true (pm_store_set_baseline (fixture->store, fixture->kpi, baseline, &error));
  g_assert_no_error (error);
  g_assert_true (pm_store_add_target (fixture->store, fixture->kpi, target, &error));
  g_assert_no_error (error);

  list = changes (fixture);
  revision = pm_test_item (list, 0);
  rebased = pm_test_item (list, 1);

  g_assert_cmpint (pm_change_get_kind (revision), ==, PM_CHANGE_TARGET);
  g_assert_cmpfloat (pm_change_get_old_value (revision), ==, 60);
  g_assert_cmpfloat (pm_change_get_new_value (revision), ==, 65);
  g_assert_cmpstr (pm_change_get_old_text (revision), ==, "2017-03-31");
  g_assert_cmpstr (pm_change_get_new_text (revision), ==, "2018-03-31");

  g_assert_cmpint (pm_change_get_kind (rebased), ==, PM_CHANGE_BASELINE);
  g_assert_cmpfloat (pm_change_get_old_value (rebased), ==, 44.8);
  g_assert_cmpfloat (pm_change_get_new_value (rebased), ==, 46.1);
  g_assert_nonnull (strstr (pm_change_get_new_text (rebased), "2016-11"));
  g_assert_nonnull (strstr (pm_change_get_new_text (rebased), "Recounted"));
  g_assert_cmpstr (pm_change_get_author (rebased), ==, "Alex Lead");
}

static void
test_narrative_recorded (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(PmPeriod) q3 = pm_period_new (2016, 3);
  g_autoptr(PmNarrative) first = pm_narrative_new (q3);
  g_autoptr(PmNarrative) second = pm_narrative_new (q3);
  g_autoptr(GError) error = NULL;
  g_autofree char *old_text = NULL;
  g_autofree char *new_text = NULL;

  pm_narrative_set_progress (first, "Two centres open.");
  pm_narrative_set_progress (second, "Three centres open.");
  g_assert_true (pm_store_save_narrative (fixture->store, fixture->pilot, first, &error));
  g_assert_true (pm_store_save_narrative (fixture->store, fixture->pilot, second, &error));
  g_assert_no_error (error);

  old_text = store_test_query_text (fixture->path,
                                    "SELECT old_text FROM audit WHERE kind = 'narrative' "
                                    "ORDER BY id DESC LIMIT 1");
  new_text = store_test_query_text (fixture->path,
                                    "SELECT new_text || ' by ' || author FROM audit "
                                    "WHERE kind = 'narrative' ORDER BY id DESC LIMIT 1");
  g_assert_cmpstr (old_text, ==, "Two centres open.");
  g_assert_cmpstr (new_text, ==, "Three centres open. by Alex Lead");
}

/* A change to the risks or the milestones alone is recorded too. */
static void
test_narrative_risks_recorded (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(PmPeriod) q3 = pm_period_new (2016, 3);
  g_autoptr(PmNarrative) first = pm_narrative_new (q3);
  g_autoptr(PmNarrative) risks = NULL;
  g_autoptr(PmNarrative) milestones = NULL;
  g_autoptr(GError) error = NULL;

  pm_narrative_set_progress (first, "Two centres open.");
  g_assert_true (pm_store_save_narrative (fixture->store, fixture->pilot, first, &error));
  g_assert_no_error (error);
  g_assert_cmpint (store_test_query_int (fixture->path, "SELECT count(*) FROM audit WHERE kind = 'narrative'"), ==, 1);

  risks = pm_narrative_copy (first);
  pm_narrative_set_risks (risks, "Lease undecided.");
  g_assert_true (pm_store_save_narrative (fixture->store, fixture->pilot, risks, &error));
  g_assert_no_error (error);
  g_assert_cmpint (store_test_query_int (fixture->path, "SELECT count(*) FROM audit WHERE kind = 'narrative'"), ==, 2);

  milestones = pm_narrative_copy (risks);
  pm_narrative_set_milestones (milestones, "Second cohort in February.");
  g_assert_true (pm_store_save_narrative (fixture->store, fixture->pilot, milestones, &error));
  g_assert_no_error (error);
  g_assert_cmpint (store_test_query_int (fixture->path, "SELECT count(*) FROM audit WHERE kind = 'narrative'"), ==, 3);
}

static void
test_csv_import_recorded (Fixture       *fixture,
                          gconstpointer  data)
{
  static const char csv[] =
    "district,pilot,kpi,period,value,note\r\n"
    "Tamworth,Tamworth pilot,Attendance,FY2016-Q3,52,From the sheet\r\n";
  g_autoptr(PmProgressImport) import = NULL;
  g_autoptr(PmProgressWriter) writer = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;
  PmChange *latest;

  pm_store_set_author (fixture->store, "Programme Office");
  import = pm_progress_import_new_from_csv (fixture->programme, csv, sizeof csv - 1, &error);
  g_assert_no_error (error);
  writer = pm_progress_writer_new (fixture->store, import);
  g_assert_true (pm_progress_writer_run (writer, NULL, &error));
  g_assert_no_error (error);

  list = changes (fixture);
  latest = pm_test_item (list, 0);
  g_assert_cmpint (pm_change_get_source (latest), ==, PM_CHANGE_CSV);
  g_assert_cmpstr (pm_change_get_author (latest), ==, "Programme Office");
  g_assert_cmpfloat (pm_change_get_old_value (latest), ==, 50);
  g_assert_cmpfloat (pm_change_get_new_value (latest), ==, 52);

  /* A typed change afterwards is typed again, not "CSV". */
  save (fixture, 3, 53, NULL);
  g_clear_object (&list);
  list = changes (fixture);
  g_assert_cmpint (pm_change_get_source (pm_test_item (list, 0)), ==, PM_CHANGE_TYPED);
}

static void
test_rolled_back_not_recorded (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(PmPeriod) q4 = pm_period_new (2016, 4);
  g_autoptr(PmProgressEntry) entry = pm_progress_entry_new (q4);
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;

  /* A refused value leaves no trace: the trail is written in the same
   * transaction as the change. */
  pm_progress_entry_set_value (entry, 140);
  g_assert_false (pm_store_save_entry (fixture->store, fixture->kpi, entry, &error));
  g_assert_nonnull (error);
  list = changes (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 3);
}

/* What the trail says of each change, without when or in which order. */
#define AUDIT_ROW "SELECT kind, author, source, kpi_id, pilot_id, period, old_value, new_value, " \
                  "old_text, new_text, key_fingerprint FROM "

static gint64
sql_int (sqlite3    *db,
         const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

/* Copies every row of the file at @from into the new store at @to, table
 * by table, with its triggers on: the trail they write is the one a
 * programme inserted row by row gets. */
static void
rewrite_with_triggers (const char *from,
                       const char *to,
                       sqlite3    *db)
{
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  char *attach = sqlite3_mprintf ("ATTACH %Q AS src", from);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_exec (db, attach, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_free (attach);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA foreign_keys = OFF; "
                                     "UPDATE change_context SET author = NULL, source = 'import'",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM src.sqlite_master WHERE type = 'table' "
                                           "AND name NOT LIKE 'sqlite%' AND name <> 'audit' ORDER BY rowid",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);

  for (guint i = 0; i < tables->len; i++)
    {
      /* A new store's own rows (its change context) are kept; a table
       * is read in the order its rows were written. */
      char *copy = sqlite3_mprintf ("INSERT INTO main.\"%w\" SELECT * FROM src.\"%w\" "
                                    "WHERE NOT EXISTS (SELECT 1 FROM main.\"%w\")",
                                    tables->pdata[i], tables->pdata[i], tables->pdata[i]);

      if (sqlite3_exec (db, copy, NULL, NULL, NULL) != SQLITE_OK)
        g_error ("%s: %s", copy, sqlite3_errmsg (db));
      sqlite3_free (copy);
    }
}

/* An import into a file writes its trail at once, not row by row: it
 * must be the trail the row-by-row triggers write, change for change. */
static void
test_import_as_triggers (void)
{
  g_autofree char *dir = pm_test_dir_new ("pm-store");
  g_autofree char *imported = g_build_filename (dir, "imported.db", NULL);
  g_autofree char *rewritten = g_build_filename (dir, "rewritten.db", NULL);
  g_autoptr(PmProgramme) full = store_test_build_full_programme ();
  g_autoptr(PmStore) empty = NULL;
  sqlite3 *db = NULL;
  gint64 n;

  if (store_test_skip_unless_file ())
    return;

  /* A schedule of two milestones, the first revised after the second was
   * set: each revision replaces its own milestone's target. */
  {
    PmDistrict *district = pm_test_item (pm_programme_get_districts (full), 0);
    PmPilot *pilot = pm_test_item (pm_district_get_pilots (district), 0);
    PmKpi *kpi = pm_test_item (pm_pilot_get_kpis (pilot), 0);
    double values[] = { 70, 65 };
    const char *dates[] = { "2019-03-31", "2018-03-31" };
    guint milestones[] = { 2, 1 };

    for (guint i = 0; i < G_N_ELEMENTS (values); i++)
      {
        g_autoptr(PmTarget) target = pm_target_new (values[i], dates[i]);
        g_autoptr(GError) error = NULL;

        pm_target_set_milestone (target, milestones[i]);
        g_assert_true (pm_kpi_add_target (kpi, target, &error));
        g_assert_no_error (error);
      }
  }

  pm_test_store_create (imported, full);
  empty = pm_test_store_open (rewritten, PM_STORE_OPEN_CREATE);
  pm_store_close (empty);

  g_assert_cmpint (sqlite3_open (rewritten, &db), ==, SQLITE_OK);
  rewrite_with_triggers (imported, rewritten, db);

  n = sql_int (db, "SELECT count(*) FROM audit");
  /* Each kind of change the programme holds, revised targets among them. */
  g_assert_cmpint (sql_int (db, "SELECT count(DISTINCT kind) FROM audit"), ==, 4);
  g_assert_cmpint (sql_int (db, "SELECT count(*) FROM audit WHERE old_value IS NOT NULL"), >, 0);
  g_assert_cmpint (sql_int (db, "SELECT count(*) FROM src.audit"), ==, n);
  g_assert_cmpint (sql_int (db, "SELECT count(*) FROM (" AUDIT_ROW "main.audit EXCEPT "
                                AUDIT_ROW "src.audit)"), ==, 0);
  g_assert_cmpint (sql_int (db, "SELECT count(*) FROM (" AUDIT_ROW "src.audit EXCEPT "
                                AUDIT_ROW "main.audit)"), ==, 0);
  sqlite3_close (db);
  store_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  if (store_test_no_server_to_test ())
    return 0;

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/store/audit/import-recorded", test_import_recorded);
  ADD ("/store/audit/overwrite-keeps-old", test_overwrite_keeps_old);
  ADD ("/store/audit/same-value-not-recorded", test_same_value_not_recorded);
  ADD ("/store/audit/delete-recorded", test_delete_recorded);
  ADD ("/store/audit/baseline-and-target", test_baseline_and_target_recorded);
  ADD ("/store/audit/narrative", test_narrative_recorded);
  ADD ("/store/audit/narrative-risks", test_narrative_risks_recorded);
  ADD ("/store/audit/csv-import", test_csv_import_recorded);
  g_test_add_func ("/store/audit/import-as-triggers", test_import_as_triggers);
  ADD ("/store/audit/rolled-back", test_rolled_back_not_recorded);
#undef ADD

  return g_test_run ();
}
