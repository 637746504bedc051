/* test-store-copy.c: a whole database copied to another, either engine
 *
 * The source (a file, or with PM_TEST_ENGINE=postgresql a server
 * database) holds the full programme and a history: typed changes by two
 * people, an accepted and a returned quarter, a committee round and values
 * changed after it. Each copy must hold the same rows with the same ids,
 * the same audit trail and nothing more, still refuse changes to the
 * accepted quarter, and take new rows without an id collision. A copy
 * that is refused or fails leaves nothing at the destination.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gstdio.h>

#include "pg-test-util.h"
#include "pm-store-private.h"
#include "store-test-util.h"

typedef struct
{
  char        *dir;
  char        *path;       /* the source: a file, or a server database */
  PmStore     *store;
  PmProgramme *programme;
  GPtrArray   *databases;  /* made here with pg_test_create_database () */
} Fixture;

/* Every table, in the order of its key, each column as text (numbers as
 * numbers, so that the engines' ways of printing them do not differ). */
static const struct
{
  const char *sql;
  const char *types;   /* i integer, r real, t text */
} tables[] = {
  { "SELECT id, name, description FROM programme ORDER BY id", "itt" },
  { "SELECT id, programme_id, position, text FROM design_criterion ORDER BY id", "iiit" },
  { "SELECT id, programme_id, position, name FROM district ORDER BY id", "iiit" },
  { "SELECT role_name, district_id FROM lead_district ORDER BY role_name, district_id", "ti" },
  { "SELECT id, district_id, position, title, summary, focus_area, start_date, lead, "
    "delivery_status, status_note, budget_pence, funding, data_notes FROM pilot ORDER BY id", "iiitttttttitt" },
  { "SELECT id, pilot_id, position, text FROM key_outcome ORDER BY id", "iiit" },
  { "SELECT id, pilot_id, position, name, full_name, reach_target FROM provider ORDER BY id", "iiitti" },
  { "SELECT id, pilot_id, position, period, provider, families FROM reach_entry ORDER BY id", "iiitti" },
  { "SELECT id, pilot_id, position, description, amount_pence, period, status FROM spend_item "
    "ORDER BY id", "iiititt" },
  { "SELECT pilot_id, period, progress, learning, case_study, updated_at FROM narrative "
    "ORDER BY pilot_id, period", "ittttt" },
  { "SELECT id, pilot_id, position, title, unit, direction, measure, tolerance, data_source, data_notes "
    "FROM kpi ORDER BY id", "iiittttrtt" },
  { "SELECT kpi_id, state, value, numerator, denominator, date, note, period, source "
    "FROM baseline ORDER BY kpi_id", "itrrrtttt" },
  { "SELECT id, kpi_id, position, site, value FROM baseline_site ORDER BY id", "iiitr" },
  { "SELECT id, kpi_id, value, date, set_on, reason FROM target ORDER BY id", "iirttt" },
  { "SELECT kpi_id, period, value, numerator, denominator, note, updated_at, revision "
    "FROM progress ORDER BY kpi_id, period", "itrrrtti" },
  { "SELECT kpi_id, period, position, site, value FROM progress_site "
    "ORDER BY kpi_id, period, position", "ititr" },
  { "SELECT id, at, author, source, kind, kpi_id, pilot_id, period, old_value, new_value, "
    "old_text, new_text FROM audit ORDER BY id", "ittttiitrrtt" },
  { "SELECT id, district_id, period, state, comment, author, at FROM signoff ORDER BY id", "iittttt" },
  { "SELECT id, reported_on, period, author, at FROM committee_round ORDER BY id", "itttt" },
  { "SELECT round_id, kpi_id, period, value, note FROM reported_value "
    "ORDER BY round_id, kpi_id, period", "iitrt" },
};

/* On a server: identity columns whose sequence would give an id that is
 * already taken. Every identity column is found in the catalogue, so a
 * table the copy forgot to set is caught here too. */
#define IDENTITY_COLUMNS \
  "SELECT count (*) FROM information_schema.columns " \
  "WHERE table_schema = current_schema () AND is_identity = 'YES'"
#define LAGGING_IDENTITIES \
  "SELECT count (*) FROM (" \
  "  SELECT (xpath ('/row/v/text()', query_to_xml (format (" \
  "            'SELECT coalesce (max (%I), 0) AS v FROM %I', column_name, table_name)," \
  "            false, true, '')))[1]::text::bigint AS max_id," \
  "         (xpath ('/row/v/text()', query_to_xml (format (" \
  "            'SELECT CASE WHEN is_called THEN last_value + 1 ELSE last_value END AS v FROM %s'," \
  "            pg_get_serial_sequence (table_name::text, column_name::text))," \
  "            false, true, '')))[1]::text::bigint AS next_id" \
  "  FROM information_schema.columns" \
  "  WHERE table_schema = current_schema () AND is_identity = 'YES') ids " \
  "WHERE next_id <= max_id"

/* Borrowed from @programme. */
static PmKpi *
find_kpi (PmProgramme *programme,
          const char  *title)
{
  g_autoptr(GListModel) kpis = pm_programme_list_kpis (programme);

  for (guint k = 0; k < g_list_model_get_n_items (kpis); k++)
    {
      PmKpi *kpi = pm_test_item (kpis, k);

      if (g_str_equal (pm_kpi_get_title (kpi), title))
        return kpi;
    }

  g_error ("no KPI “%s”", title);
  return NULL;
}

static PmKpi *
referrals (PmProgramme *programme)
{
  return find_kpi (programme, "Reduce the number of referrals to LST in the two areas");
}

static PmDistrict *
cannock (PmProgramme *programme)
{
  PmDistrict *district = pm_programme_find_district (programme, "Cannock Chase");

  g_assert_nonnull (district);
  return district;
}

static gboolean
save_value (PmStore     *store,
            PmKpi       *kpi,
            const char  *code,
            double       value,
            const char  *note,
            GError     **error)
{
  g_autoptr(PmPeriod) p = pm_test_period (code);
  g_autoptr(PmProgressEntry) entry = pm_progress_entry_new (p);

  pm_progress_entry_set_value (entry, value);
  pm_progress_entry_set_note (entry, note);
  return pm_store_save_entry (store, kpi, entry, error);
}

static void
set_signoff (PmStore        *store,
             PmProgramme    *programme,
             const char     *code,
             PmSignoffState  state,
             const char     *comment)
{
  g_autoptr(PmPeriod) p = pm_test_period (code);
  g_autoptr(GError) error = NULL;

  g_assert_true (pm_store_set_signoff (store, cannock (programme), p, state, comment, &error));
  g_assert_no_error (error);
}

/* A history: typed changes by two people, a new target, a narrative, an
 * accepted quarter and a returned one, a committee round, and values
 * changed and added after it. */
static void
make_history (PmStore     *store,
              PmProgramme *programme)
{
  PmKpi *attendance = find_kpi (programme, "School attendance");
  PmPilot *pilot = pm_test_item (pm_district_get_pilots (cannock (programme)), 0);
  g_autoptr(PmTarget) target = pm_target_new (160, "2018-03-31");
  g_autoptr(PmPeriod) q1 = pm_test_period ("FY2017-Q1");
  g_autoptr(PmPeriod) q4 = pm_test_period ("FY2016-Q4");
  g_autoptr(PmNarrative) narrative = pm_narrative_new (q1);
  g_autoptr(GError) error = NULL;

  pm_store_set_author (store, "Alex Lead");
  g_assert_true (save_value (store, referrals (programme), "FY2016-Q3", 205, "Corrected", &error));
  g_assert_true (pm_store_add_target (store, referrals (programme), target, &error));
  pm_narrative_set_progress (narrative, "Referrals are falling.");
  g_assert_true (pm_store_save_narrative (store, pilot, narrative, &error));
  g_assert_no_error (error);

  pm_store_set_author (store, "Programme Office");
  set_signoff (store, programme, "FY2016-Q3", PM_SIGNOFF_SUBMITTED, NULL);
  set_signoff (store, programme, "FY2016-Q3", PM_SIGNOFF_ACCEPTED, NULL);
  set_signoff (store, programme, "FY2016-Q4", PM_SIGNOFF_SUBMITTED, NULL);
  set_signoff (store, programme, "FY2016-Q4", PM_SIGNOFF_RETURNED, "Add the WCFC figures");

  g_assert_true (pm_store_freeze_round (store, "2017-01-12", q4, &error));
  g_assert_no_error (error);

  /* Restated after the round: one changed, one added. */
  pm_store_set_author (store, "Alex Lead");
  g_assert_true (save_value (store, attendance, "FY2016-Q4", 47.5, "Late returns", &error));
  g_assert_true (save_value (store, referrals (programme), "FY2016-Q4", 190, NULL, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up_empty (Fixture       *fixture,
                      gconstpointer  data)
{
  fixture->dir = pm_test_dir_new ("pm-store");
  fixture->databases = g_ptr_array_new_with_free_func (g_free);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(PmProgramme) full = store_test_build_full_programme ();
  g_autoptr(GError) error = NULL;
  g_autofree char *leads = NULL;

  fixture_set_up_empty (fixture, data);
  fixture->path = store_test_location (fixture->dir, "source.db");
  pm_test_store_create (fixture->path, full);
  fixture->store = pm_store_open (fixture->path, PM_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  fixture->programme = pm_store_load (fixture->store, &error);
  g_assert_no_error (error);
  make_history (fixture->store, fixture->programme);

  /* Who leads which district: kept on a file, enforced on a server. */
  leads = g_strdup_printf ("INSERT INTO lead_district (role_name, district_id) "
                           "VALUES ('alex_lead', %" G_GINT64_FORMAT "), ('sam_lead', %" G_GINT64_FORMAT ")",
                           pm_district_get_id (cannock (fixture->programme)),
                           pm_district_get_id (cannock (fixture->programme)));
  store_test_exec (fixture->path, leads);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->programme);
  if (fixture->store != NULL)
    pm_store_close (fixture->store);
  g_clear_object (&fixture->store);
  for (guint i = 0; i < fixture->databases->len; i++)
    {
      g_autoptr(GError) error = NULL;

      if (!pg_test_drop_database (g_ptr_array_index (fixture->databases, i), &error))
        g_warning ("%s", error->message);
    }
  g_ptr_array_unref (fixture->databases);
  store_test_clear_dir (&fixture->dir);
  g_free (fixture->path);
}

/* A new empty database on the test server, dropped at the end; NULL (the
 * test skipped) when there is none. */
static char *
new_server_database (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  char *uri;

  if (!pg_test_available ())
    {
      g_test_skip ("no PostgreSQL test server (PM_TEST_PG_URI)");
      return NULL;
    }

  uri = pg_test_create_database ("pm_copy", &error);
  g_assert_no_error (error);
  g_ptr_array_add (fixture->databases, g_strdup (uri));
  return uri;
}

static PmStore *
open_store (const char       *location,
            PmStoreOpenFlags  flags)
{
  g_autoptr(GError) error = NULL;
  PmStore *store = pm_store_open (location, flags, &error);

  g_assert_no_error (error);
  return store;
}

static char *
dump_rows (PmStore    *store,
           const char *sql,
           const char *types)
{
  g_autoptr(PmStatement) stmt = NULL;
  g_autoptr(GError) error = NULL;
  GString *out = g_string_new (NULL);

  stmt = pm_database_prepare (_pm_store_get_database (store), sql, &error);
  g_assert_no_error (error);
  while (pm_statement_step (stmt, &error))
    {
      for (int column = 0; types[column] != '\0'; column++)
        {
          char buffer[G_ASCII_DTOSTR_BUF_SIZE];

          if (column > 0)
            g_string_append_c (out, '|');
          if (pm_statement_is_null (stmt, column))
            g_string_append (out, "NULL");
          else if (types[column] == 'i')
            g_string_append_printf (out, "%" G_GINT64_FORMAT, pm_statement_get_int64 (stmt, column));
          else if (types[column] == 'r')
            g_string_append (out, g_ascii_dtostr (buffer, sizeof buffer,
                                                  pm_statement_get_double (stmt, column)));
          else
            g_string_append (out, pm_statement_get_text (stmt, column));
        }
      g_string_append_c (out, '\n');
    }
  g_assert_no_error (error);

  return g_string_free (out, FALSE);
}

static void
assert_restatements_equal (GListModel *a,
                           GListModel *b)
{
  g_assert_cmpuint (g_list_model_get_n_items (a), ==, g_list_model_get_n_items (b));
  for (guint i = 0; i < g_list_model_get_n_items (a); i++)
    {
      PmRestatement *ra = pm_test_item (a, i);
      PmRestatement *rb = pm_test_item (b, i);
      double reported_a = pm_restatement_get_reported_value (ra);
      double reported_b = pm_restatement_get_reported_value (rb);

      g_assert_cmpint (pm_kpi_get_id (pm_restatement_get_kpi (ra)), ==,
                       pm_kpi_get_id (pm_restatement_get_kpi (rb)));
      g_assert_true (pm_period_equal (pm_restatement_get_period (ra), pm_restatement_get_period (rb)));
      g_assert_cmpstr (pm_restatement_get_reported_on (ra), ==, pm_restatement_get_reported_on (rb));
      g_assert_true ((isnan (reported_a) && isnan (reported_b)) || reported_a == reported_b);
      g_assert_cmpfloat (pm_restatement_get_restated_value (ra), ==,
                         pm_restatement_get_restated_value (rb));
      g_assert_cmpstr (pm_restatement_get_reason (ra), ==, pm_restatement_get_reason (rb));
    }
}

/* @a and @b hold the same: the programme with its ids, every row of every
 * table (the audit trail no longer and no shorter), and the restatements
 * since the committee round. */
static void
assert_same_database (const char *a,
                      const char *b)
{
  g_autoptr(PmStore) store_a = open_store (a, PM_STORE_OPEN_READ_ONLY);
  g_autoptr(PmStore) store_b = open_store (b, PM_STORE_OPEN_READ_ONLY);
  g_autoptr(PmProgramme) programme_a = NULL;
  g_autoptr(PmProgramme) programme_b = NULL;
  g_autoptr(GListModel) restated_a = NULL;
  g_autoptr(GListModel) restated_b = NULL;
  g_autoptr(GError) error = NULL;

  programme_a = pm_store_load (store_a, &error);
  g_assert_no_error (error);
  programme_b = pm_store_load (store_b, &error);
  g_assert_no_error (error);
  store_test_assert_programmes_equal (programme_a, programme_b, TRUE);

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *rows_a = dump_rows (store_a, tables[i].sql, tables[i].types);
      g_autofree char *rows_b = dump_rows (store_b, tables[i].sql, tables[i].types);

      g_assert_cmpstr (rows_a, ==, rows_b);
    }

  restated_a = pm_store_list_restatements (store_a, programme_a, NULL, &error);
  g_assert_no_error (error);
  restated_b = pm_store_list_restatements (store_b, programme_b, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (restated_a), ==, 2);
  assert_restatements_equal (restated_a, restated_b);

  pm_store_close (store_a);
  pm_store_close (store_b);
}

static void
copy (PmStore    *store,
      const char *destination)
{
  g_autoptr(GError) error = NULL;

  gboolean copied = pm_store_copy_to (store, destination, &error);

  g_assert_no_error (error);
  g_assert_true (copied);
}

/* The copy at @location still refuses the accepted quarter, and takes new
 * structure, values, sign-offs and rounds with ids of their own. */
static void
assert_usable (const char *location)
{
  g_autoptr(PmStore) store = open_store (location, PM_STORE_OPEN_DEFAULT);
  g_autoptr(PmProgramme) programme = NULL;
  g_autoptr(PmDistrict) district = pm_district_new ("Tamworth");
  g_autoptr(PmPilot) pilot = pm_pilot_new ("Tamworth pilot");
  g_autoptr(PmKpi) kpi = pm_kpi_new ("Families supported", PM_UNIT_COUNT, PM_DIRECTION_INCREASE);
  g_autoptr(PmPeriod) q1 = pm_test_period ("FY2017-Q1");
  g_autoptr(GError) error = NULL;
  gint64 last_district = store_test_query_int (location, "SELECT max (id) FROM district");
  gint64 last_kpi = store_test_query_int (location, "SELECT max (id) FROM kpi");
  gint64 last_audit = store_test_query_int (location, "SELECT max (id) FROM audit");
  gint64 last_signoff = store_test_query_int (location, "SELECT max (id) FROM signoff");

  if (pm_store_location_is_server (location))
    {
      g_assert_cmpint (store_test_query_int (location, IDENTITY_COLUMNS), ==, 16);  /* schema 12: indicator */
      g_assert_cmpint (store_test_query_int (location, LAGGING_IDENTITIES), ==, 0);
    }

  programme = pm_store_load (store, &error);
  g_assert_no_error (error);
  pm_store_set_author (store, "Sam Office");

  g_assert_false (save_value (store, referrals (programme), "FY2016-Q3", 1, NULL, &error));
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);

  g_assert_true (pm_store_add_district (store, programme, district, &error));
  g_assert_true (pm_store_add_pilot (store, district, pilot, &error));
  g_assert_true (pm_store_add_kpi (store, pilot, kpi, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pm_district_get_id (district), >, last_district);
  g_assert_cmpint (pm_kpi_get_id (kpi), >, last_kpi);

  g_assert_true (save_value (store, kpi, "FY2017-Q1", 12, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (store_test_query_int (location, "SELECT max (id) FROM audit"), >, last_audit);

  g_assert_true (pm_store_set_signoff (store, district, q1, PM_SIGNOFF_SUBMITTED, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (store_test_query_int (location, "SELECT max (id) FROM signoff"), >, last_signoff);
  g_assert_true (pm_store_freeze_round (store, "2017-04-20", q1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (store_test_query_int (location, "SELECT count (*) FROM committee_round"), ==, 2);

  pm_store_close (store);
}

/* Nothing new in @dir but @expected (NULL-terminated): no hidden file
 * left by a copy. */
static void
assert_dir_holds (const char         *dir,
                  const char * const *expected)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (handle);
  while ((name = g_dir_read_name (handle)) != NULL)
    {
      /* The source's own write-ahead log, while it is open. */
      if (g_str_has_prefix (name, "source.db"))
        continue;
      if (!g_strv_contains (expected, name))
        g_error ("unexpected %s in %s", name, dir);
    }
}

static void
test_to_file (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *copied = g_build_filename (fixture->dir, "copy.db", NULL);
  g_autofree char *back = store_test_location (fixture->dir, "back.db");
  g_autoptr(PmStore) copy_store = NULL;
  GStatBuf st;

  copy (fixture->store, copied);
  g_assert_cmpint (g_stat (copied, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  assert_same_database (fixture->path, copied);

  /* The audit trail is as it was: nothing written by the copy itself. */
  g_assert_cmpint (store_test_query_int (copied, "SELECT count (*) FROM audit WHERE author IS NULL "
                                                 "AND source = 'typed'"), ==, 0);

  /* And back to the source's engine. */
  copy_store = open_store (copied, PM_STORE_OPEN_READ_ONLY);
  copy (copy_store, back);
  pm_store_close (copy_store);
  assert_same_database (fixture->path, back);

  assert_usable (copied);
  assert_usable (back);
  assert_dir_holds (fixture->dir, (const char *[]) { "copy.db", "copy.db-wal", "copy.db-shm",
                                                     "back.db", "back.db-wal", "back.db-shm",
                                                     NULL });
}

static void
test_to_server (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *uri = new_server_database (fixture);
  g_autofree char *back = g_build_filename (fixture->dir, "back.db", NULL);
  g_autoptr(PmStore) server_store = NULL;

  if (uri == NULL)
    return;

  copy (fixture->store, uri);
  assert_same_database (fixture->path, uri);

  server_store = open_store (uri, PM_STORE_OPEN_READ_ONLY);
  copy (server_store, back);
  pm_store_close (server_store);
  assert_same_database (fixture->path, back);

  assert_usable (uri);
  assert_usable (back);
}

/* More rows than one batch, in the table with a two-column key: 140 KPIs
 * (two pilots' worth) of 37 quarters, so that the batch ends inside a
 * KPI's values. */
static void
test_large (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(PmProgramme) programme = pm_programme_new ("Large programme");
  g_autoptr(PmDistrict) district = pm_district_new ("Tamworth");
  g_autoptr(PmPilot) pilot = pm_pilot_new ("Tamworth pilot");
  g_autoptr(PmPilot) second = pm_pilot_new ("Tamworth second pilot");
  g_autofree char *copied = g_build_filename (fixture->dir, "copy.db", NULL);
  g_autofree char *uri = NULL;
  g_autoptr(PmStore) store = NULL;
  g_autoptr(GError) error = NULL;

  for (int k = 0; k < 140; k++)
    {
      g_autofree char *title = g_strdup_printf ("KPI %d", k);
      g_autoptr(PmKpi) kpi = pm_kpi_new (title, PM_UNIT_RATE, PM_DIRECTION_INCREASE);

      for (int q = 0; q < 37; q++)
        {
          g_autoptr(PmPeriod) p = pm_period_new (2010 + q / 4, 1 + q % 4);
          g_autoptr(PmProgressEntry) entry = pm_progress_entry_new (p);

          pm_progress_entry_set_value (entry, k * 1000 + q + 0.25);
          g_assert_true (pm_kpi_set_entry (kpi, entry, &error));
          g_assert_no_error (error);
        }
      pm_pilot_add_kpi (k < 70 ? pilot : second, kpi);
    }
  pm_district_add_pilot (district, pilot);
  pm_district_add_pilot (district, second);
  g_assert_true (pm_programme_add_district (programme, district, &error));
  g_assert_no_error (error);

  fixture->path = store_test_location (fixture->dir, "source.db");
  pm_test_store_create (fixture->path, programme);
  store = open_store (fixture->path, PM_STORE_OPEN_READ_ONLY);

  copy (store, copied);
  g_assert_cmpint (store_test_query_int (copied, "SELECT count (*) FROM progress"), ==, 140 * 37);
  g_assert_cmpint (store_test_query_int (copied, "SELECT count (*) FROM audit"), ==,
                   store_test_query_int (fixture->path, "SELECT count (*) FROM audit"));
  {
    g_autoptr(PmStore) a = open_store (fixture->path, PM_STORE_OPEN_READ_ONLY);
    g_autoptr(PmStore) b = open_store (copied, PM_STORE_OPEN_READ_ONLY);

    for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
      {
        g_autofree char *rows_a = dump_rows (a, tables[i].sql, tables[i].types);
        g_autofree char *rows_b = dump_rows (b, tables[i].sql, tables[i].types);

        g_assert_cmpstr (rows_a, ==, rows_b);
      }
  }

  if (!pg_test_available ())
    return;
  uri = new_server_database (fixture);
  copy (store, uri);
  g_assert_cmpint (store_test_query_int (uri, "SELECT count (*) FROM progress"), ==, 140 * 37);
  g_assert_cmpint (store_test_query_int (uri, "SELECT sum (revision) FROM progress"), ==, 140 * 37);
  g_assert_cmpint (store_test_query_int (uri, LAGGING_IDENTITIES), ==, 0);
  pm_store_close (store);
}

static void
test_refuses_existing_file (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *existing = g_build_filename (fixture->dir, "existing.db", NULL);
  g_autoptr(PmProgramme) small = store_test_build_small_programme ();
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GError) error = NULL;

  pm_test_store_create (existing, small);
  before = pm_test_read_file (existing);

  g_assert_false (pm_store_copy_to (fixture->store, existing, &error));
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_NOT_EMPTY);
  g_assert_nonnull (strstr (error->message, "existing.db"));
  pm_test_assert_file_unchanged (existing, before);
  assert_dir_holds (fixture->dir, (const char *[]) { "existing.db", NULL });
}

static void
test_refuses_server_not_empty (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autofree char *foreign = new_server_database (fixture);
  g_autofree char *ours = NULL;
  g_autoptr(PmProgramme) small = store_test_build_small_programme ();
  g_autoptr(GError) error = NULL;
  g_autofree char *note = NULL;

  if (foreign == NULL)
    return;

  /* Another application's table. */
  store_test_exec (foreign, "CREATE TABLE notes (id integer PRIMARY KEY, text text);"
                            "INSERT INTO notes VALUES (1, 'keep me');");
  g_assert_false (pm_store_copy_to (fixture->store, foreign, &error));
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_NOT_EMPTY);
  if (g_getenv ("PM_TEST_PG_PASSWORD") != NULL)
    g_assert_null (strstr (error->message, g_getenv ("PM_TEST_PG_PASSWORD")));
  g_clear_error (&error);
  g_assert_cmpint (store_test_query_int (foreign, "SELECT count (*) FROM pg_catalog.pg_tables "
                                                  "WHERE schemaname = current_schema ()"), ==, 1);
  note = store_test_query_text (foreign, "SELECT text FROM notes WHERE id = 1");
  g_assert_cmpstr (note, ==, "keep me");

  /* A Pilot Monitor database already, with its own programme. */
  ours = new_server_database (fixture);
  pm_test_store_create (ours, small);
  g_assert_false (pm_store_copy_to (fixture->store, ours, &error));
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_NOT_EMPTY);
  g_assert_cmpint (store_test_query_int (ours, "SELECT count (*) FROM district"), ==, 1);
  g_assert_cmpint (store_test_query_int (ours, "SELECT count (*) FROM kpi"), ==, 2);
}

/* A row the destination refuses, found after much has been written: a
 * value of a KPI that is not there, as a file edited by another tool
 * (with foreign keys off) can hold, or a server's superuser can write. */
static void
test_failure_leaves_nothing (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *copied = g_build_filename (fixture->dir, "copy.db", NULL);
  g_autofree char *uri = NULL;
  g_autoptr(GError) error = NULL;

  if (pm_store_location_is_server (fixture->path))
    store_test_exec (fixture->path, "SET session_replication_role = replica;"
                                    "INSERT INTO progress (kpi_id, period, value) "
                                    "VALUES (999999, 'FY2016-Q1', 1);");
  else
    store_test_exec (fixture->path, "INSERT INTO progress (kpi_id, period, value) "
                                    "VALUES (999999, 'FY2016-Q1', 1);");

  g_assert_false (pm_store_copy_to (fixture->store, copied, &error));
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_INVALID);
  g_clear_error (&error);
  assert_dir_holds (fixture->dir, (const char *[]) { NULL });

  /* The store is still usable: its snapshot was ended. */
  g_assert_true (save_value (fixture->store, find_kpi (fixture->programme, "School attendance"),
                             "FY2017-Q2", 48, NULL, &error));
  g_assert_no_error (error);

  uri = new_server_database (fixture);
  if (uri == NULL)
    return;
  g_assert_false (pm_store_copy_to (fixture->store, uri, &error));
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_INVALID);
  g_assert_cmpint (store_test_query_int (uri, "SELECT count (*) FROM pg_catalog.pg_tables "
                                              "WHERE schemaname = current_schema ()"), ==, 0);
}

static void
test_unwritable_destination (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *locked = g_build_filename (fixture->dir, "locked", NULL);
  g_autofree char *in_locked = g_build_filename (locked, "copy.db", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "no-such-folder", "copy.db", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (locked, 0500), ==, 0);
  g_assert_false (pm_store_copy_to (fixture->store, in_locked, &error));
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "locked"));
  g_clear_error (&error);
  g_chmod (locked, 0700);
  assert_dir_holds (locked, (const char *[]) { NULL });

  g_assert_false (pm_store_copy_to (fixture->store, missing, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  assert_dir_holds (fixture->dir, (const char *[]) { "locked", NULL });
}

/* Opened read-only, a database of an older schema is not updated, and
 * lacks what a copy reads: refused, nothing made. A closed store too. */
static void
test_refuses_old_or_closed (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *old = g_build_filename (fixture->dir, "old.db", NULL);
  g_autofree char *copied = g_build_filename (fixture->dir, "copy.db", NULL);
  g_autoptr(PmDatabase) database = NULL;
  g_autoptr(PmStore) store = NULL;
  g_autoptr(GError) error = NULL;

  if (store_test_skip_unless_file ())
    return;

  database = pm_database_create (old, 5, &error);
  g_assert_no_error (error);
  pm_database_close (database);
  store = open_store (old, PM_STORE_OPEN_READ_ONLY);

  g_assert_false (pm_store_copy_to (store, copied, &error));
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (g_file_test (copied, G_FILE_TEST_EXISTS));

  pm_store_close (fixture->store);
  g_assert_false (pm_store_copy_to (fixture->store, copied, &error));
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_IO);
  g_assert_false (g_file_test (copied, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  if (store_test_no_server_to_test ())
    return 0;

#define ADD(path, set_up, func) \
  g_test_add (path, Fixture, NULL, set_up, func, fixture_tear_down)
  ADD ("/store/copy/to-file", fixture_set_up, test_to_file);
  ADD ("/store/copy/to-server", fixture_set_up, test_to_server);
  ADD ("/store/copy/large", fixture_set_up_empty, test_large);
  ADD ("/store/copy/refuses-existing-file", fixture_set_up, test_refuses_existing_file);
  ADD ("/store/copy/refuses-server-not-empty", fixture_set_up, test_refuses_server_not_empty);
  ADD ("/store/copy/failure-leaves-nothing", fixture_set_up, test_failure_leaves_nothing);
  ADD ("/store/copy/unwritable-destination", fixture_set_up, test_unwritable_destination);
  ADD ("/store/copy/refuses-old-or-closed", fixture_set_up, test_refuses_old_or_closed);
#undef ADD

  return g_test_run ();
}
