/* test-edits.c: each change goes through the store, and its undo puts the
 * database back (no display)
 *
 * Every check reads the database file again with a fresh PmStore, so what
 * is asserted is what is on disk, not what the model objects say.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>


#include "model/pm-limits.h"
#include "pm-edits.h"
#include "pm-test-sample.h"

/* The office's database of the sample: tests/common's fixture. */
typedef PmTestOffice Fixture;

/* The programme as the file holds it now. */
static PmProgramme *
reload (Fixture *fixture)
{
  return pm_test_store_read (fixture->path, PM_STORE_OPEN_READ_ONLY);
}

#define CANNOCK "Cannock Chase"
#define WCFC "WCFC to work with 75"
#define OUTCOMES "% of families reporting improved outcomes"

static void
test_entry_replace_and_undo (Fixture       *fixture,
                             gconstpointer  data)
{
  PmKpi *kpi = pm_test_find_kpi (fixture->programme, CANNOCK, WCFC);
  g_autoptr(PmPeriod) q3 = pm_period_new (2016, 3);
  g_autoptr(PmUndo) undo = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PmProgramme) after = NULL;
  g_autoptr(PmProgramme) undone = NULL;
  g_autofree char *old_note = NULL;
  PmProgressEntry *entry;

  entry = pm_kpi_get_entry (kpi, q3);
  g_assert_nonnull (entry);
  g_assert_cmpfloat (pm_progress_entry_get_value (entry), ==, 5);
  old_note = g_strdup (pm_progress_entry_get_note (entry));

  g_assert_true (pm_edit_set_entry (fixture->store, kpi, q3, "9", "Nine by December", &undo, &error));
  g_assert_no_error (error);
  g_assert_nonnull (undo);

  after = reload (fixture);
  entry = pm_kpi_get_entry (pm_test_find_kpi (after, CANNOCK, WCFC), q3);
  g_assert_cmpfloat (pm_progress_entry_get_value (entry), ==, 9);
  g_assert_cmpstr (pm_progress_entry_get_note (entry), ==, "Nine by December");

  g_assert_true (pm_undo_run (undo, fixture->store, &error));
  g_assert_no_error (error);

  undone = reload (fixture);
  entry = pm_kpi_get_entry (pm_test_find_kpi (undone, CANNOCK, WCFC), q3);
  g_assert_cmpfloat (pm_progress_entry_get_value (entry), ==, 5);
  g_assert_cmpstr (pm_progress_entry_get_note (entry), ==, old_note);
  /* The window's model follows the store too. */
  g_assert_cmpfloat (pm_progress_entry_get_value (pm_kpi_get_entry (kpi, q3)), ==, 5);
}

static void
test_entry_new_and_undo (Fixture       *fixture,
                         gconstpointer  data)
{
  PmKpi *kpi = pm_test_find_kpi (fixture->programme, CANNOCK, WCFC);
  g_autoptr(PmPeriod) q4 = pm_period_new (2016, 4);
  g_autoptr(PmUndo) undo = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PmProgramme) after = NULL;
  g_autoptr(PmProgramme) undone = NULL;

  g_assert_null (pm_kpi_get_entry (kpi, q4));

  g_assert_true (pm_edit_set_entry (fixture->store, kpi, q4, " 12 ", "", &undo, &error));
  g_assert_no_error (error);

  after = reload (fixture);
  g_assert_cmpfloat (pm_progress_entry_get_value (pm_kpi_get_entry (pm_test_find_kpi (after, CANNOCK, WCFC), q4)), ==, 12);
  g_assert_null (pm_progress_entry_get_note (pm_kpi_get_entry (pm_test_find_kpi (after, CANNOCK, WCFC), q4)));

  /* Undoing a first value takes the entry away again. */
  g_assert_true (pm_undo_run (undo, fixture->store, &error));
  g_assert_no_error (error);
  undone = reload (fixture);
  g_assert_null (pm_kpi_get_entry (pm_test_find_kpi (undone, CANNOCK, WCFC), q4));
}

/* A value given by site keeps its sites when its total is typed again
 * with a new note; a different value typed replaces them, and Undo puts
 * them back. */
static void
test_entry_sites (Fixture       *fixture,
                  gconstpointer  data)
{
  PmKpi *kpi = pm_test_find_kpi (fixture->programme, CANNOCK, WCFC);
  g_autoptr(PmPeriod) q4 = pm_period_new (2016, 4);
  g_autoptr(PmProgressEntry) by_site = pm_progress_entry_new (q4);
  g_autoptr(PmUndo) same = NULL;
  g_autoptr(PmUndo) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PmProgramme) kept = NULL;
  g_autoptr(PmProgramme) replaced = NULL;
  g_autoptr(PmProgramme) undone = NULL;
  PmProgressEntry *entry;

  pm_progress_entry_add_site (by_site, "West Chadsmoor", 4);
  pm_progress_entry_add_site (by_site, "Hednesford", 6);
  g_assert_true (pm_store_save_entry (fixture->store, kpi, by_site, &error));
  g_assert_no_error (error);

  g_assert_true (pm_edit_set_entry (fixture->store, kpi, q4, "10", "Ten by March", &same, &error));
  g_assert_no_error (error);
  kept = reload (fixture);
  entry = pm_kpi_get_entry (pm_test_find_kpi (kept, CANNOCK, WCFC), q4);
  g_assert_cmpstr (pm_progress_entry_get_note (entry), ==, "Ten by March");
  g_assert_cmpuint (g_list_model_get_n_items (pm_progress_entry_get_sites (entry)), ==, 2);

  g_assert_true (pm_edit_set_entry (fixture->store, kpi, q4, "11", "Ten by March", &other, &error));
  g_assert_no_error (error);
  replaced = reload (fixture);
  entry = pm_kpi_get_entry (pm_test_find_kpi (replaced, CANNOCK, WCFC), q4);
  g_assert_cmpfloat (pm_progress_entry_get_value (entry), ==, 11);
  g_assert_cmpuint (g_list_model_get_n_items (pm_progress_entry_get_sites (entry)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (pm_progress_entry_get_sites (pm_kpi_get_entry (kpi, q4))), ==, 0);

  g_assert_true (pm_undo_run (other, fixture->store, &error));
  g_assert_no_error (error);
  undone = reload (fixture);
  entry = pm_kpi_get_entry (pm_test_find_kpi (undone, CANNOCK, WCFC), q4);
  g_assert_cmpfloat (pm_progress_entry_get_value (entry), ==, 10);
  g_assert_cmpuint (g_list_model_get_n_items (pm_progress_entry_get_sites (entry)), ==, 2);
}

static void
test_entry_refused (Fixture       *fixture,
                    gconstpointer  data)
{
  PmKpi *count = pm_test_find_kpi (fixture->programme, CANNOCK, WCFC);
  PmKpi *percentage = pm_test_find_kpi (fixture->programme, CANNOCK, OUTCOMES);
  g_autoptr(PmPeriod) q3 = pm_period_new (2016, 3);
  g_autoptr(PmUndo) undo = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PmProgramme) after = NULL;

  g_assert_false (pm_edit_set_entry (fixture->store, count, q3, "abc", NULL, &undo, &error));
  g_assert_error (error, PM_MODEL_ERROR, PM_MODEL_ERROR_NOT_A_NUMBER);
  g_assert_null (undo);
  g_clear_error (&error);

  g_assert_false (pm_edit_set_entry (fixture->store, percentage, q3, "140", NULL, &undo, &error));
  g_assert_error (error, PM_MODEL_ERROR, PM_MODEL_ERROR_OUT_OF_RANGE);
  g_assert_null (undo);

  after = reload (fixture);
  g_assert_cmpfloat (pm_progress_entry_get_value (pm_kpi_get_entry (pm_test_find_kpi (after, CANNOCK, WCFC), q3)), ==, 5);
  g_assert_null (pm_kpi_get_entry (pm_test_find_kpi (after, CANNOCK, OUTCOMES), q3));
}

/* A note one character past the limit every way in shares is refused as
 * the store refuses it; one at the limit is saved. */
static void
test_entry_note_limit (Fixture       *fixture,
                       gconstpointer  data)
{
  PmKpi *kpi = pm_test_find_kpi (fixture->programme, CANNOCK, WCFC);
  g_autoptr(PmPeriod) q3 = pm_period_new (2016, 3);
  g_autoptr(PmUndo) undo = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PmProgramme) after = NULL;
  g_autoptr(GString) note = g_string_new (NULL);

  for (guint i = 0; i < PM_LIMIT_NOTE_CHARS; i++)
    g_string_append (note, i % 2 ? "é" : "n");
  g_string_append_c (note, 'x');

  g_assert_false (pm_edit_set_entry (fixture->store, kpi, q3, "6", note->str, &undo, &error));
  g_assert_error (error, PM_MODEL_ERROR, PM_MODEL_ERROR_TOO_LONG);
  g_assert_cmpstr (error->message, ==,
                   "A value’s note may be at most 2,000 characters long; this one has 2,001.");
  g_assert_null (undo);
  g_clear_error (&error);
  after = reload (fixture);
  g_assert_cmpfloat (pm_progress_entry_get_value (pm_kpi_get_entry (pm_test_find_kpi (after, CANNOCK, WCFC), q3)), ==, 5);
  g_clear_object (&after);

  g_string_truncate (note, note->len - 1);
  g_assert_true (pm_edit_set_entry (fixture->store, kpi, q3, "6", note->str, &undo, &error));
  g_assert_no_error (error);
  after = reload (fixture);
  g_assert_cmpstr (pm_progress_entry_get_note (pm_kpi_get_entry (pm_test_find_kpi (after, CANNOCK, WCFC), q3)),
                   ==, note->str);
}

/* What the entry field takes: thousands only grouped properly, a count a
 * few units in the last place from a whole number, and a real fraction
 * refused as typed. */
static void
test_entry_numbers (Fixture       *fixture,
                    gconstpointer  data)
{
  PmKpi *kpi = pm_test_find_kpi (fixture->programme, CANNOCK, WCFC);
  g_autoptr(PmPeriod) q3 = pm_period_new (2016, 3);
  g_autoptr(PmUndo) undo = NULL;
  g_autoptr(PmUndo) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PmProgramme) after = NULL;

  g_assert_false (pm_edit_set_entry (fixture->store, kpi, q3, "0,500", NULL, &undo, &error));
  g_assert_error (error, PM_MODEL_ERROR, PM_MODEL_ERROR_NOT_A_NUMBER);
  g_assert_true (g_str_has_prefix (error->message, "“0,500” is ambiguous"));
  g_clear_error (&error);
  g_assert_false (pm_edit_set_entry (fixture->store, kpi, q3, "7.25", NULL, &undo, &error));
  g_assert_error (error, PM_MODEL_ERROR, PM_MODEL_ERROR_NOT_WHOLE);
  g_assert_cmpstr (error->message, ==, "A count must be a whole number, not 7.25.");
  g_clear_error (&error);
  g_assert_null (undo);

  g_assert_true (pm_edit_set_entry (fixture->store, kpi, q3, "7.000000000000001", NULL, &undo, &error));
  g_assert_no_error (error);
  g_assert_true (pm_edit_set_entry (fixture->store, kpi, q3, "1,500", NULL, &second, &error));
  g_assert_no_error (error);
  after = reload (fixture);
  g_assert_cmpfloat (pm_progress_entry_get_value (pm_kpi_get_entry (pm_test_find_kpi (after, CANNOCK, WCFC), q3)), ==, 1500);
}

static void
test_entry_unchanged_and_cleared (Fixture       *fixture,
                                  gconstpointer  data)
{
  PmKpi *kpi = pm_test_find_kpi (fixture->programme, CANNOCK, WCFC);
  g_autoptr(PmPeriod) q3 = pm_period_new (2016, 3);
  g_autoptr(PmUndo) undo = NULL;
  g_autoptr(PmUndo) clear_undo = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PmProgramme) cleared = NULL;
  g_autoptr(PmProgramme) restored = NULL;
  const char *note = pm_progress_entry_get_note (pm_kpi_get_entry (kpi, q3));

  /* The same value and note again is no change, and nothing to undo. */
  g_assert_true (pm_edit_set_entry (fixture->store, kpi, q3, "5", note, &undo, &error));
  g_assert_no_error (error);
  g_assert_null (undo);

  /* Emptying both fields removes the entry; undo brings it back. */
  g_assert_true (pm_edit_set_entry (fixture->store, kpi, q3, "", " ", &clear_undo, &error));
  g_assert_no_error (error);
  g_assert_nonnull (clear_undo);
  cleared = reload (fixture);
  g_assert_null (pm_kpi_get_entry (pm_test_find_kpi (cleared, CANNOCK, WCFC), q3));

  g_assert_true (pm_undo_run (clear_undo, fixture->store, &error));
  g_assert_no_error (error);
  restored = reload (fixture);
  g_assert_cmpfloat (pm_progress_entry_get_value (pm_kpi_get_entry (pm_test_find_kpi (restored, CANNOCK, WCFC), q3)), ==, 5);
}

static void
test_narrative (Fixture       *fixture,
                gconstpointer  data)
{
  PmPilot *pilot = pm_test_first_pilot (fixture->programme, CANNOCK);
  g_autoptr(PmPeriod) q4 = pm_period_new (2016, 4);
  g_autoptr(PmUndo) undo = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PmProgramme) after = NULL;
  g_autoptr(PmProgramme) undone = NULL;
  PmNarrative *narrative;

  g_assert_true (pm_edit_set_narrative (fixture->store, pilot, q4, "Twelve families now", "",
                                        NULL, NULL, NULL, &undo, &error));
  g_assert_no_error (error);
  g_assert_nonnull (undo);

  after = reload (fixture);
  narrative = pm_pilot_get_narrative (pm_test_first_pilot (after, CANNOCK), q4);
  g_assert_nonnull (narrative);
  g_assert_cmpstr (pm_narrative_get_progress (narrative), ==, "Twelve families now");
  g_assert_null (pm_narrative_get_learning (narrative));

  g_assert_true (pm_undo_run (undo, fixture->store, &error));
  g_assert_no_error (error);
  undone = reload (fixture);
  narrative = pm_pilot_get_narrative (pm_test_first_pilot (undone, CANNOCK), q4);
  g_assert_true (narrative == NULL || pm_narrative_is_empty (narrative));
}

static int
reach_of (PmPilot    *pilot,
          PmPeriod   *period,
          const char *provider)
{
  PmReachEntry *entry = pm_pilot_get_reach_entry (pilot, period, provider);

  return entry != NULL ? pm_reach_entry_get_families (entry) : -1;
}

static void
test_reach (Fixture       *fixture,
            gconstpointer  data)
{
  PmPilot *pilot = pm_test_first_pilot (fixture->programme, CANNOCK);
  g_autoptr(PmPeriod) q3 = pm_period_new (2016, 3);
  g_autoptr(PmUndo) undo = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PmProgramme) after = NULL;
  g_autoptr(PmProgramme) undone = NULL;
  int before = reach_of (pilot, q3, "WCFC");

  g_assert_cmpint (before, >=, 0);

  g_assert_false (pm_edit_set_reach (fixture->store, pilot, q3, "WCFC", "a dozen", &undo, &error));
  g_assert_error (error, PM_MODEL_ERROR, PM_MODEL_ERROR_NOT_A_NUMBER);
  g_assert_null (undo);
  g_clear_error (&error);

  g_assert_true (pm_edit_set_reach (fixture->store, pilot, q3, "WCFC", "12", &undo, &error));
  g_assert_no_error (error);
  after = reload (fixture);
  g_assert_cmpint (reach_of (pm_test_first_pilot (after, CANNOCK), q3, "WCFC"), ==, 12);

  g_assert_nonnull (undo);
  g_assert_true (pm_undo_run (undo, fixture->store, &error));
  g_assert_no_error (error);
  undone = reload (fixture);
  g_assert_cmpint (reach_of (pm_test_first_pilot (undone, CANNOCK), q3, "WCFC"), ==, before);
}

static void
test_baseline (Fixture       *fixture,
               gconstpointer  data)
{
  PmKpi *kpi = pm_test_find_kpi (fixture->programme, CANNOCK, "Reduce the number of referrals");
  g_autoptr(PmBaseline) baseline = pm_baseline_new_value (200, "2016-11", NULL);
  g_autoptr(PmUndo) undo = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PmProgramme) after = NULL;
  g_autoptr(PmProgramme) undone = NULL;

  g_assert_cmpfloat (pm_baseline_get_value (pm_kpi_get_baseline (kpi)), ==, 212);

  g_assert_true (pm_edit_set_baseline (fixture->store, kpi, baseline, &undo, &error));
  g_assert_no_error (error);
  after = reload (fixture);
  g_assert_cmpfloat (pm_baseline_get_value (pm_kpi_get_baseline (pm_test_find_kpi (after, CANNOCK, "Reduce the number of referrals"))),
                     ==, 200);

  g_assert_true (pm_undo_run (undo, fixture->store, &error));
  g_assert_no_error (error);
  undone = reload (fixture);
  g_assert_cmpfloat (pm_baseline_get_value (pm_kpi_get_baseline (pm_test_find_kpi (undone, CANNOCK, "Reduce the number of referrals"))),
                     ==, 212);
}

static void
test_update_and_undo (Fixture       *fixture,
                      gconstpointer  data)
{
  PmDistrict *district = pm_programme_find_district (fixture->programme, CANNOCK);
  const char *names[] = { "name" };
  GValue value = G_VALUE_INIT;
  g_autoptr(PmUndo) undo = NULL;
  g_autoptr(PmUndo) nothing = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PmProgramme) after = NULL;
  g_autoptr(PmProgramme) undone = NULL;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, "Cannock");
  g_assert_true (pm_edit_update (fixture->store, G_OBJECT (district), 1, names, &value, &undo, &error));
  g_assert_no_error (error);
  g_assert_nonnull (undo);
  g_assert_cmpstr (pm_district_get_name (district), ==, "Cannock");

  after = reload (fixture);
  g_assert_nonnull (pm_programme_find_district (after, "Cannock"));
  g_assert_null (pm_programme_find_district (after, CANNOCK));

  /* Setting what is already there is no change. */
  g_assert_true (pm_edit_update (fixture->store, G_OBJECT (district), 1, names, &value, &nothing, &error));
  g_assert_null (nothing);
  g_value_unset (&value);

  g_assert_true (pm_undo_run (undo, fixture->store, &error));
  g_assert_no_error (error);
  undone = reload (fixture);
  g_assert_nonnull (pm_programme_find_district (undone, CANNOCK));
  g_assert_cmpstr (pm_district_get_name (district), ==, CANNOCK);
}

static void
test_update_refused_puts_back (Fixture       *fixture,
                               gconstpointer  data)
{
  PmKpi *kpi = pm_test_find_kpi (fixture->programme, CANNOCK, WCFC);
  const char *names[] = { "title" };
  GValue value = G_VALUE_INIT;
  g_autoptr(PmUndo) undo = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PmProgramme) after = NULL;
  g_autofree char *title = g_strdup (pm_kpi_get_title (kpi));

  /* A store that can no longer write refuses: the model keeps its value. */
  pm_store_close (fixture->store);

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, "Renamed while closed");
  g_assert_false (pm_edit_update (fixture->store, G_OBJECT (kpi), 1, names, &value, &undo, &error));
  g_value_unset (&value);
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_IO);
  g_assert_null (undo);
  g_assert_cmpstr (pm_kpi_get_title (kpi), ==, title);

  after = reload (fixture);
  g_assert_cmpstr (pm_kpi_get_title (pm_test_find_kpi (after, CANNOCK, WCFC)), ==, title);
}

static void
test_add_kpi_and_undo (Fixture       *fixture,
                       gconstpointer  data)
{
  PmPilot *pilot = pm_test_first_pilot (fixture->programme, CANNOCK);
  g_autoptr(PmKpi) kpi = pm_kpi_new ("School attendance of the children supported",
                                     PM_UNIT_PERCENTAGE, PM_DIRECTION_INCREASE);
  g_autoptr(PmUndo) undo = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PmProgramme) after = NULL;
  g_autoptr(PmProgramme) undone = NULL;
  guint n = g_list_model_get_n_items (pm_pilot_get_kpis (pilot));

  g_assert_true (pm_edit_add_kpi (fixture->store, pilot, kpi, &undo, &error));
  g_assert_no_error (error);
  after = reload (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (pm_pilot_get_kpis (pm_test_first_pilot (after, CANNOCK))), ==, n + 1);

  g_assert_true (pm_undo_run (undo, fixture->store, &error));
  g_assert_no_error (error);
  undone = reload (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (pm_pilot_get_kpis (pm_test_first_pilot (undone, CANNOCK))), ==, n);
}

/* WCFC's value for @period in the file now, -1 when it has none. */
static double
wcfc_on_disk (Fixture  *fixture,
              PmPeriod *period)
{
  g_autoptr(PmProgramme) programme = reload (fixture);
  PmProgressEntry *entry = pm_kpi_get_entry (pm_test_find_kpi (programme, CANNOCK, WCFC), period);

  return entry != NULL ? pm_progress_entry_get_value (entry) : -1;
}

/* Undo yields the redo that writes the edited value and note again, and
 * the redo yields the undo that takes them back once more. */
static void
test_entry_undo_then_redo (Fixture       *fixture,
                           gconstpointer  data)
{
  PmKpi *kpi = pm_test_find_kpi (fixture->programme, CANNOCK, WCFC);
  g_autoptr(PmPeriod) q3 = pm_period_new (2016, 3);
  g_autoptr(PmUndo) undo = NULL;
  g_autoptr(PmUndo) redo = NULL;
  g_autoptr(PmUndo) again = NULL;
  g_autoptr(PmUndo) redo_again = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PmProgramme) redone = NULL;

  g_assert_true (pm_edit_set_entry (fixture->store, kpi, q3, "9", "Nine by December", &undo, &error));
  g_assert_no_error (error);
  g_assert_true (pm_undo_run_with_redo (undo, fixture->store, &redo, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (wcfc_on_disk (fixture, q3), ==, 5);
  g_assert_nonnull (redo);

  g_assert_true (pm_undo_run_with_redo (redo, fixture->store, &again, &error));
  g_assert_no_error (error);
  redone = reload (fixture);
  g_assert_cmpfloat (pm_progress_entry_get_value (pm_kpi_get_entry (pm_test_find_kpi (redone, CANNOCK, WCFC), q3)),
                     ==, 9);
  g_assert_cmpstr (pm_progress_entry_get_note (pm_kpi_get_entry (pm_test_find_kpi (redone, CANNOCK, WCFC), q3)),
                   ==, "Nine by December");
  g_assert_cmpfloat (pm_progress_entry_get_value (pm_kpi_get_entry (kpi, q3)), ==, 9);

  g_assert_nonnull (again);
  g_assert_true (pm_undo_run_with_redo (again, fixture->store, &redo_again, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (wcfc_on_disk (fixture, q3), ==, 5);
  g_assert_nonnull (redo_again);
}

/* A first value undone (the entry removed) is redone by writing it again;
 * a redo the store refuses leaves the file as it was. */
static void
test_entry_first_value_redo (Fixture       *fixture,
                             gconstpointer  data)
{
  PmKpi *kpi = pm_test_find_kpi (fixture->programme, CANNOCK, WCFC);
  g_autoptr(PmPeriod) q4 = pm_period_new (2016, 4);
  g_autoptr(PmUndo) undo = NULL;
  g_autoptr(PmUndo) redo = NULL;
  g_autoptr(PmUndo) again = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (pm_edit_set_entry (fixture->store, kpi, q4, "12", NULL, &undo, &error));
  g_assert_true (pm_undo_run_with_redo (undo, fixture->store, &redo, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (wcfc_on_disk (fixture, q4), ==, -1);

  g_assert_true (pm_undo_run_with_redo (redo, fixture->store, &again, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (wcfc_on_disk (fixture, q4), ==, 12);

  g_clear_pointer (&redo, pm_undo_free);
  g_assert_true (pm_undo_run_with_redo (again, fixture->store, &redo, &error));
  g_assert_no_error (error);
  g_clear_pointer (&again, pm_undo_free);
  pm_store_close (fixture->store);
  g_assert_false (pm_undo_run_with_redo (redo, fixture->store, &again, &error));
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_IO);
  g_assert_null (again);
  g_assert_cmpfloat (wcfc_on_disk (fixture, q4), ==, -1);
}

/* Narrative, families supported, baseline and a renamed district: each
 * undone edit comes back on redo. */
static void
test_redo_each_kind (Fixture       *fixture,
                     gconstpointer  data)
{
  PmPilot *pilot = pm_test_first_pilot (fixture->programme, CANNOCK);
  PmKpi *referrals = pm_test_find_kpi (fixture->programme, CANNOCK, "Reduce the number of referrals");
  PmDistrict *district = pm_programme_find_district (fixture->programme, CANNOCK);
  g_autoptr(PmPeriod) q3 = pm_period_new (2016, 3);
  g_autoptr(PmPeriod) q4 = pm_period_new (2016, 4);
  g_autoptr(PmBaseline) baseline = pm_baseline_new_value (200, "2016-11", NULL);
  const char *names[] = { "name" };
  GValue value = G_VALUE_INIT;
  PmUndo *undos[4] = { NULL, };
  g_autoptr(GError) error = NULL;
  g_autoptr(PmProgramme) undone = NULL;
  g_autoptr(PmProgramme) redone = NULL;
  PmNarrative *narrative;

  g_assert_true (pm_edit_set_narrative (fixture->store, pilot, q4, "Twelve families now", NULL, NULL,
                                        NULL, NULL, &undos[0], &error));
  g_assert_true (pm_edit_set_reach (fixture->store, pilot, q3, "WCFC", "12", &undos[1], &error));
  g_assert_true (pm_edit_set_baseline (fixture->store, referrals, baseline, &undos[2], &error));
  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, "Cannock");
  g_assert_true (pm_edit_update (fixture->store, G_OBJECT (district), 1, names, &value, &undos[3], &error));
  g_value_unset (&value);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (undos); i++)
    {
      g_autoptr(PmUndo) redo = NULL;

      g_test_message ("edit %u", i);
      g_assert_nonnull (undos[i]);
      g_assert_true (pm_undo_run_with_redo (undos[i], fixture->store, &redo, &error));
      g_assert_no_error (error);
      g_assert_nonnull (redo);
      g_clear_pointer (&undos[i], pm_undo_free);
      /* Keep each redo to run after all the undos. */
      undos[i] = g_steal_pointer (&redo);
    }

  undone = reload (fixture);
  g_assert_nonnull (pm_programme_find_district (undone, CANNOCK));
  g_assert_cmpfloat (pm_baseline_get_value (pm_kpi_get_baseline (pm_test_find_kpi (undone, CANNOCK, "Reduce the number of referrals"))),
                     ==, 212);
  g_assert_cmpint (reach_of (pm_test_first_pilot (undone, CANNOCK), q3, "WCFC"), !=, 12);

  for (guint i = 0; i < G_N_ELEMENTS (undos); i++)
    {
      g_autoptr(PmUndo) again = NULL;

      g_assert_true (pm_undo_run_with_redo (undos[i], fixture->store, &again, &error));
      g_assert_no_error (error);
      g_assert_nonnull (again);
      g_clear_pointer (&undos[i], pm_undo_free);
    }

  redone = reload (fixture);
  g_assert_nonnull (pm_programme_find_district (redone, "Cannock"));
  g_assert_null (pm_programme_find_district (redone, CANNOCK));
  g_assert_cmpstr (pm_district_get_name (district), ==, "Cannock");
  narrative = pm_pilot_get_narrative (pm_test_first_pilot (redone, "Cannock"), q4);
  g_assert_nonnull (narrative);
  g_assert_cmpstr (pm_narrative_get_progress (narrative), ==, "Twelve families now");
  g_assert_cmpint (reach_of (pm_test_first_pilot (redone, "Cannock"), q3, "WCFC"), ==, 12);
  g_assert_cmpfloat (pm_baseline_get_value (pm_kpi_get_baseline (pm_test_find_kpi (redone, "Cannock", "Reduce the number of referrals"))),
                     ==, 200);
}

/* An added KPI undone (deleted) is added again by its redo, with the
 * value it was given meanwhile; and the redo's undo deletes it again. */
static void
test_add_kpi_redo (Fixture       *fixture,
                   gconstpointer  data)
{
  PmPilot *pilot = pm_test_first_pilot (fixture->programme, CANNOCK);
  g_autoptr(PmKpi) kpi = pm_kpi_new ("School attendance of the children supported",
                                     PM_UNIT_PERCENTAGE, PM_DIRECTION_INCREASE);
  g_autoptr(PmPeriod) q3 = pm_period_new (2016, 3);
  g_autoptr(PmUndo) undo = NULL;
  g_autoptr(PmUndo) value_undo = NULL;
  g_autoptr(PmUndo) redo = NULL;
  g_autoptr(PmUndo) again = NULL;
  g_autoptr(PmUndo) redo_again = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PmProgramme) redone = NULL;
  g_autoptr(PmProgramme) undone = NULL;
  guint n = g_list_model_get_n_items (pm_pilot_get_kpis (pilot));
  PmKpi *found;

  g_assert_true (pm_edit_add_kpi (fixture->store, pilot, kpi, &undo, &error));
  g_assert_true (pm_edit_set_entry (fixture->store, kpi, q3, "80", NULL, &value_undo, &error));
  g_assert_no_error (error);
  g_assert_true (pm_undo_run_with_redo (undo, fixture->store, &redo, &error));
  g_assert_no_error (error);
  g_assert_nonnull (redo);
  g_assert_cmpint (pm_kpi_get_id (kpi), ==, 0);

  g_assert_true (pm_undo_run_with_redo (redo, fixture->store, &again, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pm_kpi_get_id (kpi), >, 0);
  redone = reload (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (pm_pilot_get_kpis (pm_test_first_pilot (redone, CANNOCK))), ==, n + 1);
  found = pm_test_find_kpi (redone, CANNOCK, "School attendance");
  g_assert_nonnull (found);
  g_assert_cmpfloat (pm_progress_entry_get_value (pm_kpi_get_entry (found, q3)), ==, 80);

  g_assert_nonnull (again);
  g_assert_true (pm_undo_run_with_redo (again, fixture->store, &redo_again, &error));
  g_assert_no_error (error);
  undone = reload (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (pm_pilot_get_kpis (pm_test_first_pilot (undone, CANNOCK))), ==, n);
}

static void
test_spend_needs_a_description (Fixture       *fixture,
                                gconstpointer  data)
{
  PmPilot *pilot = pm_test_first_pilot (fixture->programme, CANNOCK);
  g_autoptr(PmPeriod) q4 = pm_period_new (2016, 4);
  g_autoptr(GError) error = NULL;
  g_autoptr(PmProgramme) after = NULL;
  guint n = g_list_model_get_n_items (pm_pilot_get_spend (pilot));

  g_assert_false (pm_edit_add_spend (fixture->store, pilot, q4, "  ", "£100", PM_SPEND_SPENT, &error));
  g_assert_error (error, PM_MODEL_ERROR, PM_MODEL_ERROR_MISSING);
  g_clear_error (&error);

  g_assert_false (pm_edit_add_spend (fixture->store, pilot, q4, "Room hire", "lots", PM_SPEND_SPENT, &error));
  g_assert_error (error, PM_MODEL_ERROR, PM_MODEL_ERROR_NOT_A_NUMBER);
  g_clear_error (&error);

  g_assert_true (pm_edit_add_spend (fixture->store, pilot, q4, "Room hire", "£250", PM_SPEND_COMMITTED, &error));
  g_assert_no_error (error);

  after = reload (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (pm_pilot_get_spend (pm_test_first_pilot (after, CANNOCK))), ==, n + 1);
  g_assert_cmpint (pm_pilot_get_spend_at (pm_test_first_pilot (after, CANNOCK), q4, PM_SPEND_COMMITTED), >=, 25000);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, pm_test_office_set_up, func, pm_test_office_tear_down)

  ADD ("/gui/edits/entry/replace-and-undo", test_entry_replace_and_undo);
  ADD ("/gui/edits/entry/new-and-undo", test_entry_new_and_undo);
  ADD ("/gui/edits/entry/sites", test_entry_sites);
  ADD ("/gui/edits/entry/refused", test_entry_refused);
  ADD ("/gui/edits/entry/note-limit", test_entry_note_limit);
  ADD ("/gui/edits/entry/numbers", test_entry_numbers);
  ADD ("/gui/edits/entry/unchanged-and-cleared", test_entry_unchanged_and_cleared);
  ADD ("/gui/edits/narrative", test_narrative);
  ADD ("/gui/edits/reach", test_reach);
  ADD ("/gui/edits/baseline", test_baseline);
  ADD ("/gui/edits/update-and-undo", test_update_and_undo);
  ADD ("/gui/edits/update-refused-puts-back", test_update_refused_puts_back);
  ADD ("/gui/edits/add-kpi-and-undo", test_add_kpi_and_undo);
  ADD ("/gui/edits/spend", test_spend_needs_a_description);
  ADD ("/gui/edits/redo/entry", test_entry_undo_then_redo);
  ADD ("/gui/edits/redo/first-value", test_entry_first_value_redo);
  ADD ("/gui/edits/redo/each-kind", test_redo_each_kind);
  ADD ("/gui/edits/redo/add-kpi", test_add_kpi_redo);

  return g_test_run ();
}
