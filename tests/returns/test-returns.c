/* test-returns.c: leads send returns, the office merges them
 *
 * Three copies of the sample database: two commissioning leads (Cannock
 * Chase and Tamworth) enter their quarter, each sends a return, and the
 * programme office merges both. Then every refusal and conflict the
 * office can meet, each checked to change nothing it should not.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <math.h>

#include "pm-return-merge.h"
#include "pm-store.h"
#include "pm-test-sample.h"

#define CANNOCK "Cannock Chase"
#define CANNOCK_PILOT "Chadsmoor & Western Springs Community Family Intervention Service"
#define WCFC "WCFC to work with 75 families not supported by any other agency, within 12 months"
#define CESS "CESS to work with 50 families not supported by any other agency, within 12 months"
#define TAMWORTH "Tamworth"

typedef struct
{
  char         *dir;
  char         *path;
  PmStore      *store;
  PmProgramme  *programme;
  PmSigningKey *key;       /* the lead's, made on first use */
} Copy;

typedef struct
{
  char *dir;
  Copy  cannock;    /* the Cannock Chase lead */
  Copy  tamworth;   /* the Tamworth lead */
  Copy  office;     /* the programme office */
} Fixture;

static void
copy_open (Copy       *copy,
           const char *dir,
           const char *name,
           const char *author)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *key_dir = NULL;

  copy->path = g_build_filename (dir, name, NULL);
  copy->store = pm_test_sample_store_new (copy->path, &copy->programme);
  pm_store_set_author (copy->store, author);
  key_dir = g_strconcat (copy->path, "-keys", NULL);
  copy->key = pm_signing_key_load_or_create (key_dir, &error);
  g_assert_no_error (error);
}

static void
copy_close (Copy *copy)
{
  g_clear_object (&copy->programme);
  g_clear_object (&copy->key);
  pm_test_store_clear (&copy->store);
  g_clear_pointer (&copy->path, g_free);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = pm_test_dir_new ("pm-returns");
  copy_open (&fixture->cannock, fixture->dir, "cannock.db", "Alex Lead");
  copy_open (&fixture->tamworth, fixture->dir, "tamworth.db", "Sam Lead");
  copy_open (&fixture->office, fixture->dir, "office.db", "Programme Office");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  copy_close (&fixture->cannock);
  copy_close (&fixture->tamworth);
  copy_close (&fixture->office);
  pm_test_clear_dir (&fixture->dir);
}

static void
enter (Copy       *copy,
       const char *district,
       const char *kpi_title,
       int         quarter,
       double      value)
{
  g_autoptr(PmPeriod) period = pm_period_new (2016, quarter);

  pm_test_set_value (copy->store, pm_test_find_kpi (copy->programme, district, kpi_title), period, value, NULL);
}

/* The value as a new store reads it from the file: what is on disk. */
static double
on_disk (Copy       *copy,
         const char *district,
         const char *kpi_title,
         int         quarter)
{
  g_autoptr(PmProgramme) loaded = pm_test_store_read (copy->path, PM_STORE_OPEN_READ_ONLY);
  g_autoptr(PmPeriod) period = pm_period_new (2016, quarter);
  PmProgressEntry *entry = pm_kpi_get_entry (pm_test_find_kpi (loaded, district, kpi_title), period);

  return entry != NULL && pm_progress_entry_has_value (entry) ? pm_progress_entry_get_value (entry) : NAN;
}

/* A return of @district from @lead for Q4 2016/17, written to a file. */
static char *
send_return (Fixture    *fixture,
             Copy       *lead,
             const char *district,
             const char *file_name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PmPeriod) q4 = pm_period_new (2016, 4);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(PmReturn) ret = NULL;
  char *path = g_build_filename (fixture->dir, file_name, NULL);

  ret = pm_return_new (lead->programme, pm_programme_find_district (lead->programme, district), NULL,
                       q4, pm_store_get_author (lead->store), now, lead->key);
  g_assert_true (pm_return_save (ret, path, &error));
  g_assert_no_error (error);
  return path;
}

static PmReturnMerge *
check_return (Fixture    *fixture,
              const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PmReturn) ret = pm_return_load (path, &error);
  PmReturnMerge *merge;

  g_assert_no_error (error);
  merge = pm_return_merge_new (fixture->office.store, fixture->office.programme, ret, &error);
  g_assert_no_error (error);
  /* The office has checked the lead's fingerprint (test-return-signing.c
   * tests what happens otherwise). */
  if (pm_return_merge_get_key_state (merge) == PM_RETURN_KEY_NEW)
    pm_return_merge_set_trust_key (merge, TRUE);
  return merge;
}

static void
test_two_leads_round_trip (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *cannock_file = NULL;
  g_autofree char *tamworth_file = NULL;
  g_autoptr(PmReturnMerge) cannock = NULL;
  g_autoptr(PmReturnMerge) tamworth = NULL;
  g_autoptr(PmPeriod) q4 = pm_period_new (2016, 4);
  g_autoptr(PmNarrative) narrative = pm_narrative_new (q4);
  g_autoptr(GListModel) history = NULL;
  g_autoptr(GError) error = NULL;
  PmKpi *tamworth_kpi;
  PmChange *latest;
  guint written = 0;

  /* Each lead enters their quarter on their own laptop. */
  enter (&fixture->cannock, CANNOCK, "WCFC", 4, 9);
  enter (&fixture->cannock, CANNOCK, "CESS", 4, 4);
  pm_narrative_set_progress (narrative, "Nine families now, four with CESS.");
  g_assert_true (pm_store_save_narrative (fixture->cannock.store,
                                          pm_kpi_get_pilot (pm_test_find_kpi (fixture->cannock.programme, CANNOCK, "WCFC")),
                                          narrative, &error));
  g_assert_no_error (error);
  tamworth_kpi = pm_test_find_kpi (fixture->tamworth.programme, TAMWORTH, "");
  enter (&fixture->tamworth, TAMWORTH, pm_kpi_get_title (tamworth_kpi), 4, 12);

  cannock_file = send_return (fixture, &fixture->cannock, CANNOCK, "cannock-q4.json");
  tamworth_file = send_return (fixture, &fixture->tamworth, TAMWORTH, "tamworth-q4.json");

  /* The office sees what each will change before anything is written. */
  cannock = check_return (fixture, cannock_file);
  g_assert_cmpuint (pm_return_merge_count (cannock, PM_MERGE_NEW), ==, 3);   /* 2 values, 1 narrative */
  g_assert_cmpuint (pm_return_merge_count (cannock, PM_MERGE_CONFLICT), ==, 0);
  g_assert_true (isnan (on_disk (&fixture->office, CANNOCK, "WCFC", 4)));

  g_assert_true (pm_return_merge_apply (cannock, PM_MERGE_CONFLICTS_FAIL, &written, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (written, ==, 3);
  tamworth = check_return (fixture, tamworth_file);
  g_assert_true (pm_return_merge_apply (tamworth, PM_MERGE_CONFLICTS_FAIL, &written, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (written, ==, 1);

  g_assert_cmpfloat (on_disk (&fixture->office, CANNOCK, "WCFC", 4), ==, 9);
  g_assert_cmpfloat (on_disk (&fixture->office, CANNOCK, "CESS", 4), ==, 4);
  g_assert_cmpfloat (on_disk (&fixture->office, TAMWORTH, pm_kpi_get_title (tamworth_kpi), 4), ==, 12);
  g_assert_cmpstr (pm_narrative_get_progress (pm_pilot_get_narrative (
                     pm_kpi_get_pilot (pm_test_find_kpi (fixture->office.programme, CANNOCK, "WCFC")), q4)),
                   ==, "Nine families now, four with CESS.");

  /* The trail says it came from the lead's return, under the lead's name. */
  history = pm_store_list_changes (fixture->office.store,
                                   pm_test_find_kpi (fixture->office.programme, CANNOCK, "WCFC"), &error);
  g_assert_no_error (error);
  latest = g_list_model_get_item (history, 0);
  g_assert_cmpint (pm_change_get_source (latest), ==, PM_CHANGE_RETURN);
  g_assert_cmpstr (pm_change_get_author (latest), ==, "Alex Lead");
  g_assert_cmpfloat (pm_change_get_new_value (latest), ==, 9);
  g_object_unref (latest);

  /* Merging the same return again finds nothing to do. */
  {
    g_autoptr(PmReturnMerge) again = check_return (fixture, cannock_file);

    g_assert_cmpuint (pm_return_merge_get_n_items (again), ==, 0);
  }
}

/* A yearly and a monthly KPI of @title's kind in Cannock Chase's pilot. */
static PmKpi *
add_kpi_of (Copy        *copy,
            const char  *title,
            PmFrequency  frequency)
{
  g_autoptr(PmKpi) kpi = pm_kpi_new (title, PM_UNIT_COUNT, PM_DIRECTION_INCREASE);
  g_autoptr(GError) error = NULL;
  PmPilot *pilot = pm_kpi_get_pilot (pm_test_find_kpi (copy->programme, CANNOCK, "WCFC"));

  pm_kpi_set_frequency (kpi, frequency);
  g_assert_true (pm_store_add_kpi (copy->store, pilot, kpi, &error));
  g_assert_no_error (error);
  return kpi;
}

static double
on_disk_at (Copy       *copy,
            const char *kpi_title,
            PmPeriod   *period)
{
  g_autoptr(PmProgramme) loaded = pm_test_store_read (copy->path, PM_STORE_OPEN_READ_ONLY);
  PmProgressEntry *entry = pm_kpi_get_entry (pm_test_find_kpi (loaded, CANNOCK, kpi_title), period);

  return entry != NULL && pm_progress_entry_has_value (entry) ? pm_progress_entry_get_value (entry) : NAN;
}

/* The Q4 return carries a yearly KPI's 2016/17 and a monthly KPI's
 * January to March, each into its own period; the year before and
 * December belong to other returns. */
static void
test_years_and_months (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(PmPeriod) fy2015 = pm_period_new_year (2015);
  g_autoptr(PmPeriod) fy2016 = pm_period_new_year (2016);
  PmPeriod *months[4];
  g_autoptr(PmReturnMerge) merge = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *file = NULL;
  PmKpi *yearly, *monthly;
  guint written = 0;

  for (guint m = 0; m < 4; m++)
    months[m] = pm_period_new_month (2016, 9 + m);  /* December to March */

  yearly = add_kpi_of (&fixture->cannock, "Outturn", PM_FREQUENCY_YEARLY);
  monthly = add_kpi_of (&fixture->cannock, "Contacts", PM_FREQUENCY_MONTHLY);
  add_kpi_of (&fixture->office, "Outturn", PM_FREQUENCY_YEARLY);
  add_kpi_of (&fixture->office, "Contacts", PM_FREQUENCY_MONTHLY);

  pm_test_set_value (fixture->cannock.store, yearly, fy2015, 300, NULL);
  pm_test_set_value (fixture->cannock.store, yearly, fy2016, 400, NULL);
  for (guint m = 0; m < 4; m++)
    pm_test_set_value (fixture->cannock.store, monthly, months[m], 10 + m, NULL);
  enter (&fixture->cannock, CANNOCK, "WCFC", 4, 9);

  file = send_return (fixture, &fixture->cannock, CANNOCK, "cannock-q4.json");
  merge = check_return (fixture, file);
  /* WCFC's quarter, the year, three months. */
  g_assert_cmpuint (pm_return_merge_count (merge, PM_MERGE_NEW), ==, 5);
  g_assert_true (pm_return_merge_apply (merge, PM_MERGE_CONFLICTS_FAIL, &written, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (written, ==, 5);

  g_assert_cmpfloat (on_disk (&fixture->office, CANNOCK, "WCFC", 4), ==, 9);
  g_assert_cmpfloat (on_disk_at (&fixture->office, "Outturn", fy2016), ==, 400);
  g_assert_true (isnan (on_disk_at (&fixture->office, "Outturn", fy2015)));
  g_assert_true (isnan (on_disk_at (&fixture->office, "Contacts", months[0])));
  for (guint m = 1; m < 4; m++)
    g_assert_cmpfloat (on_disk_at (&fixture->office, "Contacts", months[m]), ==, 10 + m);

  for (guint m = 0; m < 4; m++)
    g_object_unref (months[m]);
}

static void
test_revision_is_a_change (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autoptr(PmReturnMerge) merge = NULL;
  g_autoptr(PmReturnMerge) revised = NULL;
  g_autoptr(GError) error = NULL;

  enter (&fixture->cannock, CANNOCK, "WCFC", 4, 9);
  first = send_return (fixture, &fixture->cannock, CANNOCK, "first.json");
  merge = check_return (fixture, first);
  g_assert_true (pm_return_merge_apply (merge, PM_MERGE_CONFLICTS_FAIL, NULL, &error));
  g_assert_no_error (error);

  /* The lead corrects their own figure: a change, not a conflict. */
  enter (&fixture->cannock, CANNOCK, "WCFC", 4, 10);
  second = send_return (fixture, &fixture->cannock, CANNOCK, "second.json");
  revised = check_return (fixture, second);
  g_assert_cmpuint (pm_return_merge_get_n_items (revised), ==, 1);
  g_assert_cmpint (pm_return_merge_get_change (revised, 0), ==, PM_MERGE_CHANGED);
  g_assert_cmpfloat (pm_progress_entry_get_value (pm_return_merge_get_office_entry (revised, 0)), ==, 9);
  g_assert_cmpfloat (pm_progress_entry_get_value (pm_return_merge_get_return_entry (revised, 0)), ==, 10);
  g_assert_true (pm_return_merge_apply (revised, PM_MERGE_CONFLICTS_FAIL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (on_disk (&fixture->office, CANNOCK, "WCFC", 4), ==, 10);
}

/* The office typed its own Q4 figure for WCFC; the lead's return gives
 * another. The lead's CESS value is not in conflict. */
static char *
make_conflict (Fixture *fixture)
{
  enter (&fixture->office, CANNOCK, "WCFC", 4, 8);
  enter (&fixture->cannock, CANNOCK, "WCFC", 4, 9);
  enter (&fixture->cannock, CANNOCK, "CESS", 4, 4);
  return send_return (fixture, &fixture->cannock, CANNOCK, "conflict.json");
}

static void
test_conflict_fail (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *file = make_conflict (fixture);
  g_autoptr(PmReturnMerge) merge = check_return (fixture, file);
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (pm_return_merge_count (merge, PM_MERGE_CONFLICT), ==, 1);
  g_assert_false (pm_return_merge_apply (merge, PM_MERGE_CONFLICTS_FAIL, NULL, &error));
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "WCFC"));
  /* Nothing at all was merged, not even the value without a conflict. */
  g_assert_cmpfloat (on_disk (&fixture->office, CANNOCK, "WCFC", 4), ==, 8);
  g_assert_true (isnan (on_disk (&fixture->office, CANNOCK, "CESS", 4)));
}

static void
test_conflict_keep_and_replace (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autofree char *file = make_conflict (fixture);
  g_autoptr(PmReturnMerge) keep = check_return (fixture, file);
  g_autoptr(PmReturnMerge) replace = NULL;
  g_autoptr(GError) error = NULL;
  guint written = 0;

  g_assert_true (pm_return_merge_apply (keep, PM_MERGE_CONFLICTS_KEEP, &written, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (written, ==, 1);
  g_assert_cmpfloat (on_disk (&fixture->office, CANNOCK, "WCFC", 4), ==, 8);
  g_assert_cmpfloat (on_disk (&fixture->office, CANNOCK, "CESS", 4), ==, 4);

  replace = check_return (fixture, file);
  g_assert_cmpuint (pm_return_merge_count (replace, PM_MERGE_CONFLICT), ==, 1);
  g_assert_true (pm_return_merge_apply (replace, PM_MERGE_CONFLICTS_REPLACE, &written, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (on_disk (&fixture->office, CANNOCK, "WCFC", 4), ==, 9);
}

static void
test_conflict_chosen_per_item (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autofree char *file = make_conflict (fixture);
  g_autoptr(PmReturnMerge) merge = check_return (fixture, file);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < pm_return_merge_get_n_items (merge); i++)
    if (pm_return_merge_get_change (merge, i) == PM_MERGE_CONFLICT)
      {
        g_assert_cmpint (pm_return_merge_get_choice (merge, i), ==, PM_MERGE_UNDECIDED);
        pm_return_merge_set_choice (merge, i, PM_MERGE_TAKE_RETURN);
      }

  /* Every conflict is decided: FAIL has nothing to refuse. */
  g_assert_true (pm_return_merge_apply (merge, PM_MERGE_CONFLICTS_FAIL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (on_disk (&fixture->office, CANNOCK, "WCFC", 4), ==, 9);
}

static void
assert_refused (Fixture    *fixture,
                const char *path,
                int         code,
                const char *words)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PmReturn) ret = pm_return_load (path, &error);
  g_autoptr(PmReturnMerge) merge = NULL;

  if (ret != NULL)
    merge = pm_return_merge_new (fixture->office.store, fixture->office.programme, ret, &error);
  g_assert_null (merge);
  g_assert_error (error, PM_FILE_ERROR, code);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, words));
}

static void
test_refusals (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *good = NULL;
  g_autofree char *text = NULL;
  g_autofree char *bad = g_build_filename (fixture->dir, "bad.json", NULL);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) parts = NULL;
  char *at;

  enter (&fixture->cannock, CANNOCK, "WCFC", 4, 9);
  good = send_return (fixture, &fixture->cannock, CANNOCK, "good.json");
  g_assert_true (g_file_get_contents (good, &text, NULL, &error));

  /* Malformed JSON. */
  pm_test_write_file (bad, "{\"format\": \"pilot-monitor-return\", ", -1);
  assert_refused (fixture, bad, PM_FILE_ERROR_MALFORMED, "not valid JSON");

  /* A programme file is not a return. */
  pm_test_write_file (bad, "{\"format\": \"pilot-monitor-programme\", \"version\": 1, \"programme\": {}}", -1);
  assert_refused (fixture, bad, PM_FILE_ERROR_WRONG_FORMAT, "not a Pilot Monitor return");

  /* From a newer Pilot Monitor. */
  parts = g_strsplit (text, "\"version\": 2,", 2);
  {
    g_autofree char *newer = g_strjoinv ("\"version\": 9,", parts);

    pm_test_write_file (bad, newer, -1);
    assert_refused (fixture, bad, PM_FILE_ERROR_TOO_NEW, "newer Pilot Monitor");
  }

  /* Tampered: the value 9 changed to 90 on the way. */
  {
    g_autofree char *tampered = g_strdup (text);

    at = strstr (tampered, "\"value\": 9\n");
    g_assert_nonnull (at);
    at[10] = '8';
    pm_test_write_file (bad, tampered, -1);
    assert_refused (fixture, bad, PM_FILE_ERROR_INVALID, "changed since it was signed");
  }

  /* For another programme. */
  {
    g_autoptr(PmProgramme) other = pm_programme_new ("Another programme");
    g_autoptr(PmDistrict) district = pm_district_new (CANNOCK);
    g_autoptr(PmPeriod) q4 = pm_period_new (2016, 4);
    g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
    g_autoptr(PmReturn) ret = NULL;

    pm_programme_add_district (other, district, NULL);
    ret = pm_return_new (other, district, NULL, q4, "Someone", now, fixture->cannock.key);
    g_assert_true (pm_return_save (ret, bad, &error));
    assert_refused (fixture, bad, PM_FILE_ERROR_INVALID, "not “Children and Families");
  }

  /* For a KPI the office has since deleted. */
  g_assert_true (pm_store_delete_kpi (fixture->office.store,
                                      pm_kpi_get_pilot (pm_test_find_kpi (fixture->office.programme, CANNOCK, "WCFC")),
                                      pm_test_find_kpi (fixture->office.programme, CANNOCK, "WCFC"), &error));
  g_assert_no_error (error);
  assert_refused (fixture, good, PM_FILE_ERROR_INVALID, "no longer has that KPI");
}

static void
test_refused_changes_nothing (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *good = NULL;
  g_autofree char *text = NULL;
  g_autofree char *bad = g_build_filename (fixture->dir, "tampered.json", NULL);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  char *at;

  enter (&fixture->cannock, CANNOCK, "WCFC", 4, 9);
  good = send_return (fixture, &fixture->cannock, CANNOCK, "good.json");
  g_assert_true (g_file_get_contents (good, &text, NULL, &error));
  at = strstr (text, "\"value\": 9\n");
  at[10] = '7';
  pm_test_write_file (bad, text, -1);

  /* Byte for byte, the office's file is as it was. */
  pm_store_close (fixture->office.store);
  before = pm_test_read_file (fixture->office.path);
  g_clear_object (&fixture->office.store);
  fixture->office.store = pm_store_open (fixture->office.path, PM_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  assert_refused (fixture, bad, PM_FILE_ERROR_INVALID, "signature");
  pm_store_close (fixture->office.store);
  after = pm_test_read_file (fixture->office.path);
  g_assert_true (g_bytes_equal (before, after));
}

/* The office as another of its people sees it: a second connection to
 * its database, with the programme read from it. */
static void
copy_open_again (Copy       *copy,
                 const char *path,
                 const char *author)
{
  copy->path = g_strdup (path);
  copy->store = pm_test_store_open (path, PM_STORE_OPEN_DEFAULT);
  copy->programme = pm_test_store_load (copy->store);
  pm_store_set_author (copy->store, author);
}

static char *
narrative_on_disk (Copy *copy)
{
  g_autoptr(PmProgramme) loaded = pm_test_store_read (copy->path, PM_STORE_OPEN_READ_ONLY);
  g_autoptr(PmPeriod) q4 = pm_period_new (2016, 4);
  PmNarrative *narrative = pm_pilot_get_narrative (pm_kpi_get_pilot (pm_test_find_kpi (loaded, CANNOCK, "WCFC")), q4);

  return narrative != NULL ? g_strdup (pm_narrative_get_progress (narrative)) : NULL;
}

/* The office reviews the lead's return (a new narrative and a new WCFC
 * value); a colleague saves the pilot's narrative meanwhile. The merge
 * writes nothing, and says what changed. */
static void
test_narrative_changed_since_review (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autoptr(PmPeriod) q4 = pm_period_new (2016, 4);
  g_autoptr(PmNarrative) theirs = pm_narrative_new (q4);
  g_autoptr(PmNarrative) colleague = pm_narrative_new (q4);
  g_autoptr(PmReturnMerge) merge = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *file = NULL;
  g_autofree char *progress = NULL;
  Copy other = { 0, };

  enter (&fixture->cannock, CANNOCK, "WCFC", 4, 9);
  pm_narrative_set_progress (theirs, "Nine families now.");
  g_assert_true (pm_store_save_narrative (fixture->cannock.store,
                                          pm_kpi_get_pilot (pm_test_find_kpi (fixture->cannock.programme, CANNOCK, "WCFC")),
                                          theirs, &error));
  g_assert_no_error (error);
  file = send_return (fixture, &fixture->cannock, CANNOCK, "cannock-q4.json");
  merge = check_return (fixture, file);
  g_assert_cmpuint (pm_return_merge_count (merge, PM_MERGE_NEW), ==, 2);

  copy_open_again (&other, fixture->office.path, "Another Officer");
  pm_narrative_set_progress (colleague, "Eight families, by our count.");
  g_assert_true (pm_store_save_narrative (other.store,
                                          pm_kpi_get_pilot (pm_test_find_kpi (other.programme, CANNOCK, "WCFC")),
                                          colleague, &error));
  g_assert_no_error (error);
  copy_close (&other);

  g_assert_false (pm_return_merge_apply (merge, PM_MERGE_CONFLICTS_FAIL, NULL, &error));
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_CONFLICT);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "The narrative of “" CANNOCK_PILOT "” (Cannock Chase) for "
                                            "Q4 2016/17 was changed by someone else since you reviewed it; "
                                            "review again."));
  progress = narrative_on_disk (&fixture->office);
  g_assert_cmpstr (progress, ==, "Eight families, by our count.");
  g_assert_true (isnan (on_disk (&fixture->office, CANNOCK, "WCFC", 4)));
  g_assert_null (pm_kpi_get_entry (pm_test_find_kpi (fixture->office.programme, CANNOCK, "WCFC"), q4));
}

/* The return revises WCFC's Q4 value, which the office holds from an
 * earlier return; a colleague deletes that value meanwhile. The merge
 * does not put it back. */
static void
test_value_deleted_since_review (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(PmPeriod) q4 = pm_period_new (2016, 4);
  g_autoptr(PmReturnMerge) first = NULL;
  g_autoptr(PmReturnMerge) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first_file = NULL;
  g_autofree char *second_file = NULL;
  Copy other = { 0, };

  enter (&fixture->cannock, CANNOCK, "WCFC", 4, 9);
  first_file = send_return (fixture, &fixture->cannock, CANNOCK, "first.json");
  first = check_return (fixture, first_file);
  g_assert_true (pm_return_merge_apply (first, PM_MERGE_CONFLICTS_FAIL, NULL, &error));
  g_assert_no_error (error);

  enter (&fixture->cannock, CANNOCK, "WCFC", 4, 10);
  second_file = send_return (fixture, &fixture->cannock, CANNOCK, "second.json");
  second = check_return (fixture, second_file);
  g_assert_cmpuint (pm_return_merge_count (second, PM_MERGE_CHANGED), ==, 1);

  copy_open_again (&other, fixture->office.path, "Another Officer");
  g_assert_true (pm_store_delete_entry (other.store, pm_test_find_kpi (other.programme, CANNOCK, "WCFC"), q4, &error));
  g_assert_no_error (error);
  copy_close (&other);

  g_assert_false (pm_return_merge_apply (second, PM_MERGE_CONFLICTS_FAIL, NULL, &error));
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "The value of “" WCFC "” (Cannock Chase) for Q4 2016/17 "
                                            "was changed by someone else since you reviewed it"));
  g_assert_true (isnan (on_disk (&fixture->office, CANNOCK, "WCFC", 4)));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/returns/two-leads-round-trip", test_two_leads_round_trip);
  ADD ("/returns/revision-is-a-change", test_revision_is_a_change);
  ADD ("/returns/years-and-months", test_years_and_months);
  ADD ("/returns/conflict/fail", test_conflict_fail);
  ADD ("/returns/conflict/keep-and-replace", test_conflict_keep_and_replace);
  ADD ("/returns/conflict/chosen-per-item", test_conflict_chosen_per_item);
  ADD ("/returns/refusals", test_refusals);
  ADD ("/returns/refused-changes-nothing", test_refused_changes_nothing);
  ADD ("/returns/changed-since-review/narrative", test_narrative_changed_since_review);
  ADD ("/returns/changed-since-review/value-deleted", test_value_deleted_since_review);
#undef ADD

  return g_test_run ();
}
