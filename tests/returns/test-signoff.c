/* test-signoff.c: a district's quarter is submitted, accepted, reopened
 *
 * The lead submits, the office returns it with a comment or accepts it;
 * an accepted quarter refuses every change to its values and narratives,
 * however they are written (typed, CSV, a return), until it is reopened.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "pm-progress-import.h"
#include "pm-progress-writer.h"
#include "pm-return-merge.h"
#include "pm-test-sample.h"
#include "pm-store.h"

#define CANNOCK "Cannock Chase"

/* The office's database of the sample: tests/common's fixture. */
typedef PmTestOffice Fixture;

static void
set_state (Fixture        *fixture,
           PmSignoffState  state,
           const char     *comment)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pm_store_set_signoff (fixture->store, fixture->cannock, fixture->q3, state, comment, &error));
  g_assert_no_error (error);
}

static gboolean
try_save (Fixture  *fixture,
          PmKpi    *kpi,
          PmPeriod *period,
          double    value,
          GError  **error)
{
  g_autoptr(PmProgressEntry) entry = pm_progress_entry_new (period);

  pm_progress_entry_set_value (entry, value);
  return pm_store_save_entry (fixture->store, kpi, entry, error);
}

static void
test_lifecycle (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *comment = NULL;

  g_assert_cmpint (pm_store_get_signoff (fixture->store, fixture->cannock, fixture->q3, NULL, &error),
                   ==, PM_SIGNOFF_OPEN);
  g_assert_no_error (error);

  /* Nothing to accept before the lead submits. */
  g_assert_false (pm_store_set_signoff (fixture->store, fixture->cannock, fixture->q3,
                                        PM_SIGNOFF_ACCEPTED, NULL, &error));
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_INVALID);
  g_clear_error (&error);

  set_state (fixture, PM_SIGNOFF_SUBMITTED, NULL);

  /* Returning needs a reason. */
  g_assert_false (pm_store_set_signoff (fixture->store, fixture->cannock, fixture->q3,
                                        PM_SIGNOFF_RETURNED, "", &error));
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_INVALID);
  g_clear_error (&error);

  set_state (fixture, PM_SIGNOFF_RETURNED, "WCFC figure does not match UPSHOT");
  g_assert_cmpint (pm_store_get_signoff (fixture->store, fixture->cannock, fixture->q3, &comment, &error),
                   ==, PM_SIGNOFF_RETURNED);
  g_assert_cmpstr (comment, ==, "WCFC figure does not match UPSHOT");

  /* Returned is still open for changes; then submitted again, accepted. */
  g_assert_true (try_save (fixture, fixture->wcfc, fixture->q3, 6, &error));
  g_assert_no_error (error);
  set_state (fixture, PM_SIGNOFF_SUBMITTED, NULL);
  set_state (fixture, PM_SIGNOFF_ACCEPTED, NULL);
  g_assert_cmpint (pm_store_get_signoff (fixture->store, fixture->cannock, fixture->q3, NULL, &error),
                   ==, PM_SIGNOFF_ACCEPTED);
}

static void
test_accepted_is_read_only (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PmPeriod) q4 = pm_period_new (2016, 4);
  g_autoptr(PmNarrative) narrative = pm_narrative_new (fixture->q3);
  g_autoptr(PmProgressImport) import = NULL;
  g_autoptr(PmProgressWriter) writer = NULL;
  g_autofree char *csv = NULL;
  PmDistrict *tamworth = pm_programme_find_district (fixture->programme, "Tamworth");
  g_autoptr(PmPilot) tamworth_pilot = g_list_model_get_item (pm_district_get_pilots (tamworth), 0);
  g_autoptr(PmKpi) tamworth_kpi = g_list_model_get_item (pm_pilot_get_kpis (tamworth_pilot), 0);
  PmProgressEntry *held;

  set_state (fixture, PM_SIGNOFF_SUBMITTED, NULL);
  set_state (fixture, PM_SIGNOFF_ACCEPTED, NULL);

  /* Typed: refused with a message, and the model keeps the old value. */
  g_assert_false (try_save (fixture, fixture->wcfc, fixture->q3, 6, &error));
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "accepted"));
  g_clear_error (&error);
  held = pm_kpi_get_entry (fixture->wcfc, fixture->q3);
  g_assert_cmpfloat (pm_progress_entry_get_value (held), ==, 5);

  /* A delete and a narrative are refused too. */
  g_assert_false (pm_store_delete_entry (fixture->store, fixture->wcfc, fixture->q3, &error));
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  pm_narrative_set_progress (narrative, "Rewritten after acceptance");
  g_assert_false (pm_store_save_narrative (fixture->store, pm_kpi_get_pilot (fixture->wcfc), narrative, &error));
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);

  /* A CSV import touching the quarter is refused as a whole. */
  csv = g_strdup_printf ("district,pilot,kpi,period,value\r\n"
                         "%s,\"%s\",\"%s\",FY2016-Q3,7\r\n",
                         CANNOCK, pm_pilot_get_title (pm_kpi_get_pilot (fixture->wcfc)),
                         pm_kpi_get_title (fixture->wcfc));
  import = pm_progress_import_new_from_csv (fixture->programme, csv, strlen (csv), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pm_progress_import_get_n_rows (import), ==, 1);
  writer = pm_progress_writer_new (fixture->store, import);
  g_assert_false (pm_progress_writer_run (writer, NULL, &error));
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);

  /* Another quarter, and another district's same quarter, are open. */
  g_assert_true (try_save (fixture, fixture->wcfc, q4, 9, &error));
  g_assert_no_error (error);
  g_assert_true (try_save (fixture, tamworth_kpi, fixture->q3, 1, &error));
  g_assert_no_error (error);

  /* Reopened, the quarter takes changes again. */
  set_state (fixture, PM_SIGNOFF_OPEN, NULL);
  g_assert_true (try_save (fixture, fixture->wcfc, fixture->q3, 6, &error));
  g_assert_no_error (error);
}

static void
test_history_kept (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PmStore) reader = NULL;
  g_autoptr(PmProgramme) loaded = NULL;

  set_state (fixture, PM_SIGNOFF_SUBMITTED, NULL);
  set_state (fixture, PM_SIGNOFF_ACCEPTED, NULL);
  set_state (fixture, PM_SIGNOFF_OPEN, NULL);

  /* The state survives closing and opening, from the file. */
  pm_store_close (fixture->store);
  g_clear_object (&fixture->store);
  reader = pm_store_open (fixture->path, PM_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  loaded = pm_store_load (reader, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pm_store_get_signoff (reader, pm_programme_find_district (loaded, CANNOCK),
                                         fixture->q3, NULL, &error), ==, PM_SIGNOFF_OPEN);
  fixture->store = g_steal_pointer (&reader);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, "Programme Office", pm_test_office_set_up, func, pm_test_office_tear_down)
  ADD ("/signoff/lifecycle", test_lifecycle);
  ADD ("/signoff/accepted-is-read-only", test_accepted_is_read_only);
  ADD ("/signoff/history-kept", test_history_kept);
#undef ADD

  return g_test_run ();
}
