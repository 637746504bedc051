/* test-store-bulk.c: a CSV import into a file writes what row by row would
 *
 * On a file the import's rows are written set by set, with the schema's
 * triggers standing aside on the importing connection only. The audit
 * trail, the values, their sites and the refusals must be what the
 * trigger path (one row at a time, as on a server) gives: the same import
 * goes into two copies of one database, one each way, and the two are
 * compared row by row.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "pm-progress-import.h"
#include "pm-progress-writer.h"
#include "store-test-util.h"

#define CANNOCK "Cannock Chase"
#define NAMED   "Q3 2016/17 of Cannock Chase has been accepted; reopen it to change it."

/* Every column of the audit trail but `at`, the clock time of the
 * statement that wrote the row, which two runs cannot share; the ids
 * too, since both ways write the same rows in the same order. */
#define AUDIT_DUMP \
  "SELECT group_concat (r, char (10)) FROM (" \
  "  SELECT id || '|' || quote (author) || '|' || source || '|' || kind" \
  "         || '|' || quote (kpi_id) || '|' || quote (pilot_id) || '|' || quote (period)" \
  "         || '|' || quote (old_value) || '|' || quote (new_value)" \
  "         || '|' || quote (old_text) || '|' || quote (new_text)" \
  "         || '|' || quote (key_fingerprint) AS r" \
  "  FROM audit ORDER BY id)"
/* Every column of the values but updated_at, the time of each write. */
#define PROGRESS_DUMP \
  "SELECT group_concat (r, char (10)) FROM (" \
  "  SELECT kpi_id || '|' || period || '|' || quote (value) || '|' || quote (numerator)" \
  "         || '|' || quote (denominator) || '|' || quote (note) || '|' || revision AS r" \
  "  FROM progress ORDER BY kpi_id, period)"
#define SITES_DUMP \
  "SELECT group_concat (r, char (10)) FROM (" \
  "  SELECT kpi_id || '|' || period || '|' || position || '|' || site || '|' || quote (value) AS r" \
  "  FROM progress_site ORDER BY kpi_id, period, position)"

typedef struct
{
  char *dir;
  char *bulk;         /* written set by set */
  char *row_by_row;   /* a copy, written through the triggers */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(PmProgramme) full = store_test_build_full_programme ();
  g_autoptr(GFile) source = NULL;
  g_autoptr(GFile) copy = NULL;
  g_autoptr(GError) error = NULL;

  fixture->dir = pm_test_dir_new ("pm-store");
  fixture->bulk = g_build_filename (fixture->dir, "bulk.pmdb", NULL);
  fixture->row_by_row = g_build_filename (fixture->dir, "row-by-row.pmdb", NULL);
  pm_test_store_create (fixture->bulk, full);

  source = g_file_new_for_path (fixture->bulk);
  copy = g_file_new_for_path (fixture->row_by_row);
  g_file_copy (source, copy, G_FILE_COPY_NONE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  store_test_clear_dir (&fixture->dir);
  g_clear_pointer (&fixture->bulk, g_free);
  g_clear_pointer (&fixture->row_by_row, g_free);
}

static PmStore *
open_store (const char   *path,
            PmProgramme **programme)
{
  g_autoptr(GError) error = NULL;
  PmStore *store;

  store = pm_store_open (path, PM_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  pm_store_set_author (store, "Programme Office");
  *programme = pm_store_load (store, &error);
  g_assert_no_error (error);
  return store;
}

static void
add_row (GString    *csv,
         PmKpi      *kpi,
         PmPeriod   *period,
         const char *value,
         const char *note,
         const char *sites)
{
  PmPilot *pilot = pm_kpi_get_pilot (kpi);
  g_autofree char *code = pm_period_to_code (period);

  g_string_append_printf (csv, "\"%s\",\"%s\",\"%s\",%s,%s,\"%s\",\"%s\"\r\n",
                          pm_district_get_name (pm_pilot_get_district (pilot)),
                          pm_pilot_get_title (pilot), pm_kpi_get_title (kpi), code,
                          value, note != NULL ? note : "", sites != NULL ? sites : "");
}

static PmPeriod *
first_period (PmFrequency frequency)
{
  switch (frequency)
    {
    case PM_FREQUENCY_MONTHLY:
      return pm_period_new_month (2017, 7);
    case PM_FREQUENCY_YEARLY:
      return pm_period_new_year (2017);
    case PM_FREQUENCY_CALENDAR_YEARLY:
      return pm_period_new_calendar_year (2017);
    case PM_FREQUENCY_QUARTERLY:
    default:
      return pm_period_new (2017, 1);
    }
}

/* For each value held: the same again, a new value, a new note only, or
 * a new value with no note (which keeps the note held); then a value for
 * the period after the last, with sites where the unit has them. */
static char *
build_csv (PmProgramme *programme)
{
  GString *csv = g_string_new ("district,pilot,kpi,period,value,note,value_sites\r\n");
  GListModel *districts = pm_programme_get_districts (programme);

  for (guint d = 0; d < g_list_model_get_n_items (districts); d++)
    {
      GListModel *pilots = pm_district_get_pilots (pm_test_item (districts, d));

      for (guint p = 0; p < g_list_model_get_n_items (pilots); p++)
        {
          GListModel *kpis = pm_pilot_get_kpis (pm_test_item (pilots, p));

          for (guint k = 0; k < g_list_model_get_n_items (kpis); k++)
            {
              PmKpi *kpi = pm_test_item (kpis, k);
              GListModel *entries = pm_kpi_get_entries (kpi);
              guint n_entries = g_list_model_get_n_items (entries);
              g_autoptr(PmPeriod) next = NULL;
              PmUnit unit = pm_kpi_get_unit (kpi);

              for (guint e = 0; e < n_entries; e++)
                {
                  PmProgressEntry *entry = pm_test_item (entries, e);
                  PmPeriod *period = pm_progress_entry_get_period (entry);
                  double value = pm_progress_entry_get_value (entry);
                  char text[G_ASCII_DTOSTR_BUF_SIZE];
                  g_autofree char *changed = g_strdup_printf ("%u", (e * 7 + k) % 40 + 1);

                  g_ascii_dtostr (text, sizeof text, value);
                  if (!pm_progress_entry_has_value (entry))
                    add_row (csv, kpi, period, changed, "Given at last", NULL);
                  else if ((e + k) % 4 == 0 && g_list_model_get_n_items (pm_progress_entry_get_sites (entry)) == 0)
                    add_row (csv, kpi, period, text, pm_progress_entry_get_note (entry), NULL);
                  else if ((e + k) % 4 == 1)
                    add_row (csv, kpi, period, changed, "Corrected in the sheet", NULL);
                  else if ((e + k) % 4 == 2)
                    add_row (csv, kpi, period, text, "A note only", NULL);
                  else
                    add_row (csv, kpi, period, changed, NULL, NULL);
                }

              if (n_entries > 0)
                next = pm_period_next (pm_progress_entry_get_period (pm_test_item (entries, n_entries - 1)));
              else
                next = first_period (pm_kpi_get_frequency (kpi));
              if (unit == PM_UNIT_COUNT)
                add_row (csv, kpi, next, "7", "By site", "North=3; South=4");
              else
                add_row (csv, kpi, next, "12", NULL, NULL);
            }
        }
    }

  return g_string_free (csv, FALSE);
}

/* Each value the model holds has the version the file holds (a later
 * save is checked against it). */
static void
assert_model_revisions (const char  *path,
                        PmProgramme *programme)
{
  GListModel *districts = pm_programme_get_districts (programme);

  for (guint d = 0; d < g_list_model_get_n_items (districts); d++)
    {
      GListModel *pilots = pm_district_get_pilots (pm_test_item (districts, d));

      for (guint p = 0; p < g_list_model_get_n_items (pilots); p++)
        {
          GListModel *kpis = pm_pilot_get_kpis (pm_test_item (pilots, p));

          for (guint k = 0; k < g_list_model_get_n_items (kpis); k++)
            {
              PmKpi *kpi = pm_test_item (kpis, k);
              GListModel *entries = pm_kpi_get_entries (kpi);

              for (guint e = 0; e < g_list_model_get_n_items (entries); e++)
                {
                  PmProgressEntry *entry = pm_test_item (entries, e);
                  g_autofree char *code = pm_period_to_code (pm_progress_entry_get_period (entry));
                  g_autofree char *sql = NULL;

                  sql = g_strdup_printf ("SELECT revision FROM progress WHERE kpi_id = %" G_GINT64_FORMAT
                                         " AND period = '%s'", pm_kpi_get_id (kpi), code);
                  g_assert_cmpint (pm_progress_entry_get_revision (entry), ==, store_test_query_int (path, sql));
                }
            }
        }
    }
}

/* Imports @csv_or_null (NULL: build_csv() of what @path holds) into
 * @path, one way or the other; counts its rows by change into @counts. */
static gboolean
run_import (const char  *path,
            gboolean     row_by_row,
            const char  *csv_or_null,
            guint       *counts,
            GError     **error)
{
  g_autoptr(PmProgramme) programme = NULL;
  g_autoptr(PmStore) store = open_store (path, &programme);
  g_autoptr(PmProgressImport) import = NULL;
  g_autoptr(PmProgressWriter) writer = NULL;
  g_autofree char *csv = csv_or_null != NULL ? g_strdup (csv_or_null) : build_csv (programme);
  g_autoptr(GError) local_error = NULL;
  gboolean ok;

  import = pm_progress_import_new_from_csv (programme, csv, strlen (csv), &local_error);
  g_assert_no_error (local_error);
  g_assert_cmpuint (pm_progress_import_get_n_rejected (import), ==, 0);
  for (guint i = 0; counts != NULL && i < pm_progress_import_get_n_rows (import); i++)
    counts[pm_progress_import_get_change (import, i)]++;

  writer = pm_progress_writer_new (store, import);
  _pm_progress_writer_set_row_by_row (writer, row_by_row);
  ok = pm_progress_writer_run (writer, NULL, error);

  if (ok)
    assert_model_revisions (path, programme);

  pm_store_close (store);
  return ok;
}

static void
assert_same_rows (const char *a,
                  const char *b)
{
  static const char * const dumps[] = { AUDIT_DUMP, PROGRESS_DUMP, SITES_DUMP };

  for (guint i = 0; i < G_N_ELEMENTS (dumps); i++)
    {
      g_autofree char *rows_a = store_test_query_text (a, dumps[i]);
      g_autofree char *rows_b = store_test_query_text (b, dumps[i]);

      g_assert_cmpstr (rows_a, ==, rows_b);
    }
}

static void
test_same_as_row_by_row (Fixture       *fixture,
                         gconstpointer  data)
{
  gint64 n_audit_before = store_test_query_int (fixture->bulk, "SELECT count (*) FROM audit");
  guint counts_bulk[3] = { 0, }, counts_rows[3] = { 0, };
  g_autoptr(GError) error = NULL;

  if (store_test_skip_unless_file ())
    return;

  g_assert_true (run_import (fixture->bulk, FALSE, NULL, counts_bulk, &error));
  g_assert_no_error (error);
  g_assert_true (run_import (fixture->row_by_row, TRUE, NULL, counts_rows, &error));
  g_assert_no_error (error);

  /* New, changed and unchanged rows, and sites, all in the import. */
  g_assert_cmpmem (counts_bulk, sizeof counts_bulk, counts_rows, sizeof counts_rows);
  g_assert_cmpuint (counts_bulk[PM_IMPORT_CHANGE_NEW], >, 0);
  g_assert_cmpuint (counts_bulk[PM_IMPORT_CHANGE_CHANGED], >, 0);
  g_assert_cmpuint (counts_bulk[PM_IMPORT_CHANGE_UNCHANGED], >, 0);
  g_assert_cmpint (store_test_query_int (fixture->bulk, "SELECT count (*) FROM progress_site"), >, 0);
  g_assert_cmpint (store_test_query_int (fixture->bulk, "SELECT count (*) FROM audit"), >,
                   n_audit_before + counts_bulk[PM_IMPORT_CHANGE_NEW]);
  g_assert_cmpint (store_test_query_int (fixture->bulk,
                                         "SELECT count (*) FROM audit WHERE source = 'csv' "
                                         "  AND author = 'Programme Office' AND at GLOB '2*Z'"), ==,
                   store_test_query_int (fixture->bulk, "SELECT count (*) FROM audit") - n_audit_before);

  assert_same_rows (fixture->bulk, fixture->row_by_row);

  /* Imported again: the same rows are unchanged now (nothing written or
   * recorded), and one more period is new. */
  g_assert_true (run_import (fixture->bulk, FALSE, NULL, NULL, &error));
  g_assert_true (run_import (fixture->row_by_row, TRUE, NULL, NULL, &error));
  g_assert_no_error (error);
  assert_same_rows (fixture->bulk, fixture->row_by_row);
}

/* Accepts Cannock's Q3 2016/17 in the database at @path. */
static void
accept_q3 (const char *path)
{
  g_autoptr(PmProgramme) programme = NULL;
  g_autoptr(PmStore) store = open_store (path, &programme);
  g_autoptr(PmPeriod) q3 = pm_period_new (2016, 3);
  PmDistrict *cannock = pm_programme_find_district (programme, CANNOCK);
  g_autoptr(GError) error = NULL;

  g_assert_true (pm_store_set_signoff (store, cannock, q3, PM_SIGNOFF_SUBMITTED, NULL, &error));
  g_assert_true (pm_store_set_signoff (store, cannock, q3, PM_SIGNOFF_ACCEPTED, NULL, &error));
  g_assert_no_error (error);
  pm_store_close (store);
}

/* The whole import is refused when rows of it would change values of an
 * accepted quarter: nothing of it is written or recorded, and the
 * refusal names the quarter as row by row it does. */
static void
test_accepted_quarter_refused (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(PmProgramme) programme = NULL;
  g_autoptr(PmStore) store = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *audit_before = NULL;
  g_autofree char *progress_before = NULL;
  g_autofree char *audit_after = NULL;
  g_autofree char *progress_after = NULL;
  g_autoptr(GError) bulk_error = NULL;
  g_autoptr(GError) row_error = NULL;

  if (store_test_skip_unless_file ())
    return;

  /* The rows of the test above, some of which change values of Q3. */
  store = open_store (fixture->bulk, &programme);
  csv = build_csv (programme);
  pm_store_close (store);

  accept_q3 (fixture->bulk);
  accept_q3 (fixture->row_by_row);
  audit_before = store_test_query_text (fixture->bulk, AUDIT_DUMP);
  progress_before = store_test_query_text (fixture->bulk, PROGRESS_DUMP);

  g_assert_false (run_import (fixture->bulk, FALSE, csv, NULL, &bulk_error));
  g_assert_false (run_import (fixture->row_by_row, TRUE, csv, NULL, &row_error));
  g_assert_error (bulk_error, PM_STORE_ERROR, PM_STORE_ERROR_READ_ONLY);
  g_assert_cmpstr (bulk_error->message, ==, NAMED);
  g_assert_cmpstr (bulk_error->message, ==, row_error->message);

  audit_after = store_test_query_text (fixture->bulk, AUDIT_DUMP);
  progress_after = store_test_query_text (fixture->bulk, PROGRESS_DUMP);
  g_assert_cmpstr (audit_after, ==, audit_before);
  g_assert_cmpstr (progress_after, ==, progress_before);
  assert_same_rows (fixture->bulk, fixture->row_by_row);
}

/* A value changed by someone else between the review and the write
 * refuses the whole import, with the same words either way. */
static void
test_changed_since_review_refused (Fixture       *fixture,
                                   gconstpointer  data)
{
  const char *paths[] = { fixture->bulk, fixture->row_by_row };
  char *messages[2] = { NULL, };

  if (store_test_skip_unless_file ())
    return;

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(PmProgramme) programme = NULL;
      g_autoptr(PmStore) store = open_store (paths[i], &programme);
      g_autoptr(PmProgramme) other_programme = NULL;
      g_autoptr(PmStore) other = open_store (paths[i], &other_programme);
      g_autoptr(PmProgressImport) import = NULL;
      g_autoptr(PmProgressWriter) writer = NULL;
      g_autofree char *csv = build_csv (programme);
      g_autofree char *audit_before = NULL;
      g_autofree char *audit_after = NULL;
      g_autoptr(GError) error = NULL;
      guint last;
      PmProgressEntry *entry;
      PmKpi *kpi, *other_kpi;
      PmPilot *other_pilot;

      import = pm_progress_import_new_from_csv (programme, csv, strlen (csv), &error);
      g_assert_no_error (error);

      /* Someone else changes the value of the last row held. */
      last = pm_progress_import_get_n_rows (import);
      do
        pm_progress_import_get_row (import, --last, &kpi, &entry, NULL);
      while (pm_progress_import_get_change (import, last) != PM_IMPORT_CHANGE_CHANGED);
      other_pilot = pm_test_item (pm_district_get_pilots (pm_programme_find_district (other_programme, CANNOCK)), 0);
      other_kpi = NULL;
      for (guint k = 0; k < g_list_model_get_n_items (pm_pilot_get_kpis (other_pilot)); k++)
        if (g_str_equal (pm_kpi_get_title (pm_test_item (pm_pilot_get_kpis (other_pilot), k)), pm_kpi_get_title (kpi)))
          other_kpi = pm_test_item (pm_pilot_get_kpis (other_pilot), k);
      g_assert_nonnull (other_kpi);
      pm_test_set_value (other, other_kpi, pm_progress_entry_get_period (entry), 99, "Meanwhile");
      pm_store_close (other);

      audit_before = store_test_query_text (paths[i], AUDIT_DUMP);
      writer = pm_progress_writer_new (store, import);
      _pm_progress_writer_set_row_by_row (writer, i == 1);
      g_assert_false (pm_progress_writer_run (writer, NULL, &error));
      g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_CONFLICT);
      messages[i] = g_strdup (error->message);
      audit_after = store_test_query_text (paths[i], AUDIT_DUMP);
      g_assert_cmpstr (audit_after, ==, audit_before);
      pm_store_close (store);
    }

  g_assert_cmpstr (messages[0], ==, messages[1]);
  g_free (messages[0]);
  g_free (messages[1]);
  assert_same_rows (fixture->bulk, fixture->row_by_row);
}

/* A value added by someone else since the review, in a quarter accepted
 * since: the refusal is the accepted quarter's, as row by row, where the
 * guard of an insert fires before its conflict is found. */
static void
test_added_and_accepted_since_review (Fixture       *fixture,
                                      gconstpointer  data)
{
  const char *paths[] = { fixture->bulk, fixture->row_by_row };
  g_autoptr(PmPeriod) q3 = pm_period_new (2016, 3);

  if (store_test_skip_unless_file ())
    return;

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(PmProgramme) programme = NULL;
      g_autoptr(PmStore) store = open_store (paths[i], &programme);
      g_autoptr(PmProgramme) other_programme = NULL;
      g_autoptr(PmStore) other = open_store (paths[i], &other_programme);
      g_autoptr(PmProgressImport) import = NULL;
      g_autoptr(PmProgressWriter) writer = NULL;
      g_autoptr(GError) error = NULL;
      GString *csv = g_string_new ("district,pilot,kpi,period,value,note,value_sites\r\n");
      g_autofree char *text = NULL;
      GListModel *kpis, *other_kpis;
      guint k;

      kpis = pm_pilot_get_kpis (pm_test_item (pm_district_get_pilots (pm_programme_find_district (programme, CANNOCK)), 0));
      for (k = 0; k < g_list_model_get_n_items (kpis); k++)
        if (pm_kpi_get_frequency (pm_test_item (kpis, k)) == PM_FREQUENCY_QUARTERLY
            && pm_kpi_get_entry (pm_test_item (kpis, k), q3) == NULL)
          break;
      g_assert_cmpuint (k, <, g_list_model_get_n_items (kpis));
      add_row (csv, pm_test_item (kpis, k), q3, "5", NULL, NULL);
      text = g_string_free (csv, FALSE);
      import = pm_progress_import_new_from_csv (programme, text, strlen (text), &error);
      g_assert_no_error (error);
      g_assert_cmpint (pm_progress_import_get_change (import, 0), ==, PM_IMPORT_CHANGE_NEW);

      other_kpis = pm_pilot_get_kpis (pm_test_item (pm_district_get_pilots (pm_programme_find_district (other_programme, CANNOCK)), 0));
      pm_test_set_value (other, pm_test_item (other_kpis, k), q3, 9, NULL);
      pm_store_close (other);
      accept_q3 (paths[i]);

      writer = pm_progress_writer_new (store, import);
      _pm_progress_writer_set_row_by_row (writer, i == 1);
      g_assert_false (pm_progress_writer_run (writer, NULL, &error));
      g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_READ_ONLY);
      g_assert_cmpstr (error->message, ==, NAMED);
      pm_store_close (store);
    }

  assert_same_rows (fixture->bulk, fixture->row_by_row);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/store/bulk/same-as-row-by-row", test_same_as_row_by_row);
  ADD ("/store/bulk/accepted-quarter-refused", test_accepted_quarter_refused);
  ADD ("/store/bulk/changed-since-review-refused", test_changed_since_review_refused);
  ADD ("/store/bulk/added-and-accepted-since-review", test_added_and_accepted_since_review);
#undef ADD

  return g_test_run ();
}
