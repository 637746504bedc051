/* test-rounds.c: committee rounds and the restatements since them
 *
 * The office freezes a round when it prints the committee's pack; values
 * stay editable, and whatever differs afterwards from what was reported
 * (changed, added, removed) is listed for the next report, with the
 * reported value, the value now and the reason.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "pm-test-sample.h"
#include "pm-store.h"

#define CANNOCK "Cannock Chase"

/* The office's database of the sample: tests/common's fixture. */
typedef PmTestOffice Fixture;

static void
freeze (Fixture    *fixture,
        const char *reported_on,
        PmPeriod   *period)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pm_store_freeze_round (fixture->store, reported_on, period, &error));
  g_assert_no_error (error);
}

static GListModel *
restatements (Fixture  *fixture,
              PmPeriod *up_to)
{
  g_autoptr(GError) error = NULL;
  GListModel *list = pm_store_list_restatements (fixture->store, fixture->programme, up_to, &error);

  g_assert_no_error (error);
  g_assert_nonnull (list);
  return list;
}

/* A KPI of the sample with no value for @period. */
static PmKpi *
find_kpi_without_value (PmProgramme *programme,
                        PmPeriod    *period)
{
  g_autoptr(GListModel) kpis = pm_programme_list_kpis (programme);

  for (guint k = 0; k < g_list_model_get_n_items (kpis); k++)
    {
      PmKpi *kpi = pm_test_item (kpis, k);
      PmProgressEntry *entry = pm_kpi_get_entry (kpi, period);

      if (entry == NULL || !pm_progress_entry_has_value (entry))
        return kpi;   /* the programme keeps it */
    }

  g_assert_not_reached ();
  return NULL;
}

static void
test_no_round (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *reported_on = NULL;
  g_autoptr(PmPeriod) period = NULL;

  g_assert_false (pm_store_get_latest_round (fixture->store, &reported_on, &period, &error));
  g_assert_no_error (error);
  g_assert_null (reported_on);
  g_assert_null (period);

  /* Without a round a change is just a change. */
  pm_test_set_value (fixture->store, fixture->wcfc, fixture->q3, 6, "Late referral");
  list = restatements (fixture, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
}

static void
test_changed_value (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GListModel) none = NULL;
  g_autoptr(PmRestatement) restatement = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *reported_on = NULL;
  g_autoptr(PmPeriod) period = NULL;

  g_assert_cmpfloat (pm_progress_entry_get_value (pm_kpi_get_entry (fixture->wcfc, fixture->q3)), ==, 5);

  freeze (fixture, "2017-01-12", fixture->q3);
  g_assert_true (pm_store_get_latest_round (fixture->store, &reported_on, &period, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (reported_on, ==, "2017-01-12");
  g_assert_true (pm_period_equal (period, fixture->q3));

  none = restatements (fixture, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (none), ==, 0);

  pm_test_set_value (fixture->store, fixture->wcfc, fixture->q3, 6, "One December referral was counted late");
  list = restatements (fixture, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  restatement = g_list_model_get_item (list, 0);
  g_assert_true (pm_restatement_get_kpi (restatement) == fixture->wcfc);
  g_assert_true (pm_period_equal (pm_restatement_get_period (restatement), fixture->q3));
  g_assert_cmpstr (pm_restatement_get_reported_on (restatement), ==, "2017-01-12");
  g_assert_cmpfloat (pm_restatement_get_reported_value (restatement), ==, 5);
  g_assert_cmpfloat (pm_restatement_get_restated_value (restatement), ==, 6);
  g_assert_cmpstr (pm_restatement_get_reason (restatement), ==, "One December referral was counted late");

  /* Put back as reported, it is no longer a restatement. */
  g_clear_object (&list);
  pm_test_set_value (fixture->store, fixture->wcfc, fixture->q3, 5, "Counted again: five after all");
  list = restatements (fixture, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
}

/* A value changed without a new note has no reason to print. */
static void
test_no_reason (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GListModel) list = NULL;
  g_autoptr(PmRestatement) restatement = NULL;
  g_autofree char *note = g_strdup (pm_progress_entry_get_note (pm_kpi_get_entry (fixture->wcfc, fixture->q3)));

  freeze (fixture, "2017-01-12", fixture->q3);
  pm_test_set_value (fixture->store, fixture->wcfc, fixture->q3, 7, note);
  list = restatements (fixture, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  restatement = g_list_model_get_item (list, 0);
  g_assert_cmpfloat (pm_restatement_get_restated_value (restatement), ==, 7);
  g_assert_null (pm_restatement_get_reason (restatement));
}

static void
test_added_and_removed (Fixture       *fixture,
                        gconstpointer  data)
{
  PmKpi *empty = find_kpi_without_value (fixture->programme, fixture->q3);
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;
  gboolean saw_added = FALSE, saw_removed = FALSE;

  freeze (fixture, "2017-01-12", fixture->q3);
  pm_test_set_value (fixture->store, empty, fixture->q3, 3, "Figures arrived after the meeting");
  g_assert_true (pm_store_delete_entry (fixture->store, fixture->wcfc, fixture->q3, &error));
  g_assert_no_error (error);

  list = restatements (fixture, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(PmRestatement) restatement = g_list_model_get_item (list, i);

      if (pm_restatement_get_kpi (restatement) == empty)
        {
          saw_added = TRUE;
          g_assert_true (isnan (pm_restatement_get_reported_value (restatement)));
          g_assert_cmpfloat (pm_restatement_get_restated_value (restatement), ==, 3);
          g_assert_cmpstr (pm_restatement_get_reason (restatement), ==, "Figures arrived after the meeting");
        }
      else
        {
          saw_removed = TRUE;
          g_assert_true (pm_restatement_get_kpi (restatement) == fixture->wcfc);
          g_assert_cmpfloat (pm_restatement_get_reported_value (restatement), ==, 5);
          g_assert_true (isnan (pm_restatement_get_restated_value (restatement)));
        }
    }
  g_assert_true (saw_added && saw_removed);
}

static PmKpi *
add_kpi_of (Fixture     *fixture,
            const char  *title,
            PmFrequency  frequency)
{
  g_autoptr(PmKpi) kpi = pm_kpi_new (title, PM_UNIT_COUNT, PM_DIRECTION_INCREASE);
  g_autoptr(GError) error = NULL;

  pm_kpi_set_frequency (kpi, frequency);
  g_assert_true (pm_store_add_kpi (fixture->store, pm_kpi_get_pilot (fixture->wcfc), kpi, &error));
  g_assert_no_error (error);
  return kpi;   /* the pilot keeps it */
}

/* A round of Q3 2016/17 freezes December 2016 and the year 2015/16,
 * which end by then, and not January 2017 nor 2016/17, which end after:
 * changing those later is no restatement. */
static void
test_years_and_months (Fixture       *fixture,
                       gconstpointer  data)
{
  PmKpi *monthly = add_kpi_of (fixture, "Contacts in the month", PM_FREQUENCY_MONTHLY);
  PmKpi *yearly = add_kpi_of (fixture, "Outturn for the year", PM_FREQUENCY_YEARLY);
  g_autoptr(PmPeriod) december = pm_period_new_month (2016, 9);
  g_autoptr(PmPeriod) january = pm_period_new_month (2016, 10);
  g_autoptr(PmPeriod) fy2015 = pm_period_new_year (2015);
  g_autoptr(PmPeriod) fy2016 = pm_period_new_year (2016);
  g_autoptr(GListModel) later = NULL;
  g_autoptr(GListModel) before = NULL;
  g_autoptr(GListModel) up_to_year = NULL;

  pm_test_set_value (fixture->store, monthly, december, 4, NULL);
  pm_test_set_value (fixture->store, monthly, january, 5, NULL);
  pm_test_set_value (fixture->store, yearly, fy2015, 100, NULL);
  pm_test_set_value (fixture->store, yearly, fy2016, 200, NULL);
  freeze (fixture, "2017-01-12", fixture->q3);

  pm_test_set_value (fixture->store, monthly, january, 6, "February's count");
  pm_test_set_value (fixture->store, yearly, fy2016, 210, "Outturn revised");
  later = restatements (fixture, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (later), ==, 0);

  pm_test_set_value (fixture->store, monthly, december, 7, "Late contacts");
  pm_test_set_value (fixture->store, yearly, fy2015, 110, "Audited");
  before = restatements (fixture, fixture->q3);
  g_assert_cmpuint (g_list_model_get_n_items (before), ==, 2);
  /* A report of a year reaches its fourth quarter. */
  up_to_year = restatements (fixture, fy2015);
  g_assert_cmpuint (g_list_model_get_n_items (up_to_year), ==, 1);
}

/* Only the periods the round froze, and only up to the report's period. */
static void
test_periods (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(PmPeriod) q2 = pm_period_new (2016, 2);
  g_autoptr(GListModel) later = NULL;
  g_autoptr(GListModel) before = NULL;
  g_autoptr(GListModel) upto = NULL;

  freeze (fixture, "2017-01-12", fixture->q3);
  pm_test_set_value (fixture->store, fixture->wcfc, fixture->q4, 9, "January figures");
  later = restatements (fixture, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (later), ==, 0);

  pm_test_set_value (fixture->store, fixture->wcfc, fixture->q3, 6, "Late referral");
  before = restatements (fixture, q2);
  g_assert_cmpuint (g_list_model_get_n_items (before), ==, 0);
  upto = restatements (fixture, fixture->q3);
  g_assert_cmpuint (g_list_model_get_n_items (upto), ==, 1);
}

static void
test_bad_dates (Fixture       *fixture,
                gconstpointer  data)
{
  const char *bad[] = { "12/01/2017", "2017-02-30", "2017-01", "", "2017-01-12; DROP TABLE progress" };
  g_autofree char *reported_on = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_assert_false (pm_store_freeze_round (fixture->store, bad[i], fixture->q3, &error));
      g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "YYYY-MM-DD"));
      g_clear_error (&error);
    }
  g_assert_false (pm_store_get_latest_round (fixture->store, NULL, NULL, &error));
  g_assert_no_error (error);

  freeze (fixture, "2017-01-12", fixture->q3);

  /* A round cannot be dated before the one the committee already had. */
  g_assert_false (pm_store_freeze_round (fixture->store, "2016-12-01", fixture->q3, &error));
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "12 January 2017"));
  g_clear_error (&error);
  g_assert_true (pm_store_get_latest_round (fixture->store, &reported_on, NULL, &error));
  g_assert_cmpstr (reported_on, ==, "2017-01-12");
}

/* The next round takes the values as they are then: what was restated
 * before it has been reported. */
static void
test_next_round (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GListModel) first = NULL;
  g_autoptr(GListModel) second = NULL;
  g_autoptr(GListModel) third = NULL;
  g_autoptr(PmRestatement) restatement = NULL;

  freeze (fixture, "2017-01-12", fixture->q3);
  pm_test_set_value (fixture->store, fixture->wcfc, fixture->q3, 6, "Late referral");
  first = restatements (fixture, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (first), ==, 1);

  freeze (fixture, "2017-04-20", fixture->q4);
  second = restatements (fixture, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (second), ==, 0);

  pm_test_set_value (fixture->store, fixture->wcfc, fixture->q3, 8, "Audited");
  third = restatements (fixture, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (third), ==, 1);
  restatement = g_list_model_get_item (third, 0);
  g_assert_cmpstr (pm_restatement_get_reported_on (restatement), ==, "2017-04-20");
  g_assert_cmpfloat (pm_restatement_get_reported_value (restatement), ==, 6);
  g_assert_cmpfloat (pm_restatement_get_restated_value (restatement), ==, 8);
}

/* The round is on disk: a reopened database still knows what was
 * reported; a read-only one cannot freeze. */
static void
test_reopen_and_read_only (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PmStore) reader = NULL;
  g_autoptr(PmProgramme) programme = NULL;

  freeze (fixture, "2017-01-12", fixture->q3);
  pm_test_set_value (fixture->store, fixture->wcfc, fixture->q3, 6, "Late referral");
  pm_store_close (fixture->store);
  g_clear_object (&fixture->store);

  reader = pm_store_open (fixture->path, PM_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  programme = pm_store_load (reader, &error);
  g_assert_no_error (error);
  list = pm_store_list_restatements (reader, programme, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);

  g_assert_false (pm_store_freeze_round (reader, "2017-04-20", fixture->q4, &error));
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_READ_ONLY);
  pm_store_close (reader);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, "Programme Office", pm_test_office_set_up, func, pm_test_office_tear_down)
  ADD ("/rounds/no-round", test_no_round);
  ADD ("/rounds/changed-value", test_changed_value);
  ADD ("/rounds/no-reason", test_no_reason);
  ADD ("/rounds/added-and-removed", test_added_and_removed);
  ADD ("/rounds/periods", test_periods);
  ADD ("/rounds/years-and-months", test_years_and_months);
  ADD ("/rounds/bad-dates", test_bad_dates);
  ADD ("/rounds/next-round", test_next_round);
  ADD ("/rounds/reopen-and-read-only", test_reopen_and_read_only);
#undef ADD

  return g_test_run ();
}
