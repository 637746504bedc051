/* test-store-limits.c: the store refuses every text and list past its
 * limit (model/pm-limits.h), whichever write asks, and takes one at it
 *
 * A refused write leaves the database as it was: each test compares a
 * fresh load with the one made before it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "model/pm-limits.h"
#include "pm-return.h"
#include "pm-return-merge.h"
#include "store-test-util.h"

typedef StoreTestSmall Fixture;

/* Exactly @n_chars characters, of one, two, three and four bytes, quotes,
 * a backslash, a line break and a control character among them: what a
 * writer might get wrong. Starts and ends with a letter. */
static char *
text_of (guint n_chars)
{
  static const char * const pieces[] = {
    "a", "é", "“", "\"", "\\", "\n", "\t", "\x01", "𝄞", "Ł", "z", " ",
  };
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n_chars; i++)
    g_string_append (text, i == 0 || i + 1 == n_chars ? "a" : pieces[i % G_N_ELEMENTS (pieces)]);
  g_assert_cmpint (g_utf8_strlen (text->str, -1), ==, n_chars);

  return g_string_free (text, FALSE);
}

static char *
text_for (PmField field,
          gint    past_limit)
{
  return text_of (pm_limits_get_max_chars (field) + past_limit);
}

/* The database still holds what it held before the test. */
static void
assert_unchanged (Fixture *fixture)
{
  g_autoptr(PmProgramme) now = pm_test_store_read (fixture->path, PM_STORE_OPEN_DEFAULT);

  store_test_assert_programmes_equal (fixture->before, now, TRUE);
}

/* Refused as too long, with the field's own words and both numbers. */
static void
assert_too_long (gboolean    ok,
                 GError    **error,
                 const char *field_words)
{
  g_assert_false (ok);
  g_assert_error (*error, PM_MODEL_ERROR, PM_MODEL_ERROR_TOO_LONG);
  g_test_message ("%s", (*error)->message);
  g_assert_nonnull (strstr ((*error)->message, field_words));
  g_assert_nonnull (strstr ((*error)->message, " characters long; this one has "));
  g_clear_error (error);
}

static void
test_entry_note (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(PmPeriod) q4 = pm_period_new (2016, 4);
  g_autoptr(PmProgressEntry) over = pm_progress_entry_new (q4);
  g_autoptr(PmProgressEntry) at = pm_progress_entry_new (q4);
  g_autoptr(PmProgramme) reloaded = NULL;
  g_autofree char *over_note = text_for (PM_FIELD_VALUE_NOTE, 1);
  g_autofree char *at_note = text_for (PM_FIELD_VALUE_NOTE, 0);
  g_autoptr(GError) error = NULL;
  PmKpi *kpi;

  pm_progress_entry_set_value (over, 51);
  pm_progress_entry_set_note (over, over_note);
  g_assert_false (pm_store_save_entry (fixture->store, fixture->percentage, over, &error));
  g_assert_error (error, PM_MODEL_ERROR, PM_MODEL_ERROR_TOO_LONG);
  g_assert_cmpstr (error->message, ==,
                   "A value’s note may be at most 2,000 characters long; this one has 2,001.");
  g_clear_error (&error);
  g_assert_null (pm_kpi_get_entry (fixture->percentage, q4));
  assert_unchanged (fixture);

  pm_progress_entry_set_value (at, 51);
  pm_progress_entry_set_note (at, at_note);
  g_assert_true (pm_store_save_entry (fixture->store, fixture->percentage, at, &error));
  g_assert_no_error (error);
  reloaded = pm_test_store_read (fixture->path, PM_STORE_OPEN_DEFAULT);
  kpi = pm_test_item (pm_pilot_get_kpis (pm_test_item (pm_district_get_pilots (
          pm_test_item (pm_programme_get_districts (reloaded), 0)), 0)), 0);
  g_assert_cmpstr (pm_progress_entry_get_note (pm_kpi_get_entry (kpi, q4)), ==, at_note);
}

static void
test_narrative (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(PmPeriod) q3 = pm_period_new (2016, 3);
  g_autofree char *over = text_for (PM_FIELD_NARRATIVE_PROGRESS, 1);
  g_autofree char *at = text_for (PM_FIELD_NARRATIVE_PROGRESS, 0);
  g_autoptr(GError) error = NULL;
  void (*setters[]) (PmNarrative *, const char *) = {
    pm_narrative_set_progress, pm_narrative_set_learning, pm_narrative_set_case_study,
  };
  const char *words[] = { "A narrative’s progress", "A narrative’s learning", "A case study" };

  for (guint i = 0; i < G_N_ELEMENTS (setters); i++)
    {
      g_autoptr(PmNarrative) narrative = pm_narrative_new (q3);

      setters[i] (narrative, over);
      assert_too_long (pm_store_save_narrative (fixture->store, fixture->pilot, narrative, &error),
                       &error, words[i]);
      g_assert_null (pm_pilot_get_narrative (fixture->pilot, q3));
    }
  assert_unchanged (fixture);

  {
    g_autoptr(PmNarrative) narrative = pm_narrative_new (q3);
    g_autoptr(PmProgramme) reloaded = NULL;

    for (guint i = 0; i < G_N_ELEMENTS (setters); i++)
      setters[i] (narrative, at);
    g_assert_true (pm_store_save_narrative (fixture->store, fixture->pilot, narrative, &error));
    g_assert_no_error (error);
    reloaded = pm_test_store_read (fixture->path, PM_STORE_OPEN_DEFAULT);
    store_test_assert_programmes_equal (fixture->programme, reloaded, TRUE);
  }
}

static void
test_baseline (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *note_over = text_for (PM_FIELD_BASELINE_NOTE, 1);
  g_autofree char *source_over = text_for (PM_FIELD_BASELINE_SOURCE, 1);
  g_autofree char *site_over = text_for (PM_FIELD_SITE, 1);
  g_autoptr(PmBaseline) with_note = pm_baseline_new_value (40, "2016-10", note_over);
  g_autoptr(PmBaseline) with_source = pm_baseline_new_state (PM_BASELINE_AWAITING_DATA);
  g_autoptr(PmBaseline) with_site = pm_baseline_new_sites ("2016-10", NULL);
  g_autoptr(PmBaseline) many_sites = pm_baseline_new_sites ("2016-10", NULL);
  g_autoptr(PmBaseline) at_limits = NULL;
  g_autoptr(PmProgramme) reloaded = NULL;
  g_autoptr(GError) error = NULL;

  pm_baseline_set_source (with_source, source_over);
  pm_baseline_add_site (with_site, site_over, 40);
  for (guint i = 0; i < PM_LIMIT_SITES + 1; i++)
    {
      g_autofree char *site = g_strdup_printf ("Site %u", i);

      pm_baseline_add_site (many_sites, site, 40);
    }

  assert_too_long (pm_store_set_baseline (fixture->store, fixture->percentage, with_note, &error),
                   &error, "A baseline’s note");
  assert_too_long (pm_store_set_baseline (fixture->store, fixture->percentage, with_source, &error),
                   &error, "A baseline’s source");
  assert_too_long (pm_store_set_baseline (fixture->store, fixture->percentage, with_site, &error),
                   &error, "A site’s name");
  g_assert_false (pm_store_set_baseline (fixture->store, fixture->percentage, many_sites, &error));
  g_assert_error (error, PM_MODEL_ERROR, PM_MODEL_ERROR_TOO_MANY);
  g_assert_cmpstr (error->message, ==, "A baseline or value may be split into at most 100 sites, not 101.");
  g_clear_error (&error);
  assert_unchanged (fixture);

  /* At every limit: a hundred sites with the longest names, the longest
   * note. */
  {
    g_autofree char *note = text_for (PM_FIELD_BASELINE_NOTE, 0);

    at_limits = pm_baseline_new_sites ("2016-10", note);
    for (guint i = 0; i < PM_LIMIT_SITES; i++)
      {
        g_autofree char *rest = text_for (PM_FIELD_SITE, -8);
        g_autofree char *site = g_strdup_printf ("Site %03u%s", i, rest);

        pm_baseline_add_site (at_limits, site, 40);
      }
  }
  pm_store_set_baseline (fixture->store, fixture->percentage, at_limits, &error);
  g_assert_no_error (error);
  reloaded = pm_test_store_read (fixture->path, PM_STORE_OPEN_DEFAULT);
  store_test_assert_programmes_equal (fixture->programme, reloaded, TRUE);
}

static void
test_targets (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *over = text_for (PM_FIELD_TARGET_REASON, 1);
  g_autofree char *at = text_for (PM_FIELD_TARGET_REASON, 0);
  g_autoptr(PmTarget) long_reason = pm_target_new (70, "2018-03-31");
  g_autoptr(PmTarget) one_more = pm_target_new (70, NULL);
  g_autoptr(PmProgramme) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  guint n_targets;

  pm_target_set_reason (long_reason, over);
  assert_too_long (pm_store_add_target (fixture->store, fixture->percentage, long_reason, &error),
                   &error, "A target’s reason");
  assert_unchanged (fixture);

  /* Up to the limit, revisions included; then no more. */
  n_targets = g_list_model_get_n_items (pm_kpi_get_targets (fixture->percentage));
  for (guint i = n_targets; i < PM_LIMIT_TARGETS; i++)
    {
      g_autoptr(PmTarget) target = pm_target_new (60 + i % 40, NULL);

      pm_target_set_reason (target, at);
      g_assert_true (pm_store_add_target (fixture->store, fixture->percentage, target, &error));
      g_assert_no_error (error);
    }
  g_assert_false (pm_store_add_target (fixture->store, fixture->percentage, one_more, &error));
  g_assert_error (error, PM_MODEL_ERROR, PM_MODEL_ERROR_TOO_MANY);
  g_assert_cmpstr (error->message, ==, "A KPI may have at most 100 targets, revisions included, not 101.");
  g_assert_cmpuint (g_list_model_get_n_items (pm_kpi_get_targets (fixture->percentage)), ==, PM_LIMIT_TARGETS);

  reloaded = pm_test_store_read (fixture->path, PM_STORE_OPEN_DEFAULT);
  store_test_assert_programmes_equal (fixture->programme, reloaded, TRUE);
}

static void
test_spend_and_reach (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *over = text_for (PM_FIELD_SPEND_DESCRIPTION, 1);
  g_autoptr(PmSpendItem) long_item = pm_spend_item_new (over, 100);
  g_autoptr(PmSpendItem) one_more = pm_spend_item_new ("Room hire", 100);
  g_autoptr(PmPeriod) period = pm_period_new (2150, 1);
  g_autoptr(PmReachEntry) new_reach = pm_reach_entry_new (period, NULL, 3);
  g_autoptr(GError) error = NULL;

  assert_too_long (pm_store_add_spend (fixture->store, fixture->pilot, long_item, &error),
                   &error, "A spending item’s description");
  assert_unchanged (fixture);

  /* A pilot holding as many items and reach figures as it may, put there
   * behind the store's back; one more of either is refused. */
  store_test_exec (fixture->path,
                   "WITH RECURSIVE n (i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 999) "
                   "INSERT INTO spend_item (pilot_id, position, description, amount_pence, status) "
                   "SELECT (SELECT min (id) FROM pilot), i, 'Item', 100, 'spent' FROM n");
  store_test_exec (fixture->path,
                   "WITH RECURSIVE n (i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 999) "
                   "INSERT INTO reach_entry (pilot_id, position, period, provider, families) "
                   "SELECT (SELECT min (id) FROM pilot), i, "
                   "       'FY' || (2000 + (i % 500) / 4) || '-Q' || (1 + i % 4), "
                   "       CASE WHEN i < 500 THEN NULL ELSE 'SPARK' END, 1 FROM n");
  g_assert_false (pm_store_add_spend (fixture->store, fixture->pilot, one_more, &error));
  g_assert_error (error, PM_MODEL_ERROR, PM_MODEL_ERROR_TOO_MANY);
  g_assert_cmpstr (error->message, ==, "A pilot may have at most 1,000 items of spending, not 1,001.");
  g_clear_error (&error);
  g_assert_false (pm_store_save_reach (fixture->store, fixture->pilot, new_reach, &error));
  g_assert_error (error, PM_MODEL_ERROR, PM_MODEL_ERROR_TOO_MANY);
  g_clear_error (&error);
  g_assert_cmpint (store_test_query_int (fixture->path, "SELECT count (*) FROM spend_item"), ==, 1000);
  g_assert_cmpint (store_test_query_int (fixture->path, "SELECT count (*) FROM reach_entry"), ==, 1000);
  g_assert_cmpuint (g_list_model_get_n_items (pm_pilot_get_spend (fixture->pilot)), ==, 0);
}

/* Renaming and rewording: every text of the programme, its districts,
 * pilots and KPIs, each one character too long, then all at their
 * limits. */
static void
test_structure_updates (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(PmProgramme) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GStrvBuilder) many = g_strv_builder_new ();
  g_auto(GStrv) too_many = NULL;
  g_autofree char *name_over = text_of (PM_LIMIT_NAME_CHARS + 1);
  g_autofree char *note_over = text_of (PM_LIMIT_NOTE_CHARS + 1);
  g_autofree char *long_over = text_of (PM_LIMIT_NARRATIVE_CHARS + 1);
  g_autofree char *name_at = text_of (PM_LIMIT_NAME_CHARS);
  g_autofree char *note_at = text_of (PM_LIMIT_NOTE_CHARS);
  g_autofree char *long_at = text_of (PM_LIMIT_NARRATIVE_CHARS);
  const char *one_over[] = { note_over, NULL };
  g_auto(GStrv) at_limit = NULL;

/* Set, refused, and set back to what the database holds. */
#define REFUSED(setter, object, value, kept, update, words)                  \
  G_STMT_START {                                                             \
    setter (object, value);                                                  \
    assert_too_long (update (fixture->store, object, &error), &error, words); \
    setter (object, kept);                                                   \
  } G_STMT_END

  REFUSED (pm_kpi_set_title, fixture->count, name_over, "Referrals", pm_store_update_kpi,
           "A KPI’s title");
  REFUSED (pm_kpi_set_data_source, fixture->count, name_over, NULL, pm_store_update_kpi,
           "A KPI’s data source");
  REFUSED (pm_pilot_set_title, fixture->pilot, name_over, "Tamworth pilot", pm_store_update_pilot,
           "A pilot’s title");
  REFUSED (pm_pilot_set_summary, fixture->pilot, long_over, NULL, pm_store_update_pilot,
           "A pilot’s summary");
  REFUSED (pm_pilot_set_focus_area, fixture->pilot, name_over, NULL, pm_store_update_pilot,
           "A pilot’s focus area");
  REFUSED (pm_pilot_set_lead, fixture->pilot, name_over, NULL, pm_store_update_pilot,
           "A pilot’s lead");
  REFUSED (pm_pilot_set_status_note, fixture->pilot, note_over, NULL, pm_store_update_pilot,
           "A pilot’s status note");
  REFUSED (pm_pilot_set_funding, fixture->pilot, note_over, NULL, pm_store_update_pilot,
           "A pilot’s funding");
  REFUSED (pm_district_set_name, fixture->district, name_over, "Tamworth", pm_store_update_district,
           "A district’s name");
  REFUSED (pm_programme_set_name, fixture->programme, name_over, "Small programme",
           pm_store_update_programme, "A programme’s name");
  REFUSED (pm_programme_set_description, fixture->programme, long_over, NULL, pm_store_update_programme,
           "A programme’s description");
#undef REFUSED

  pm_pilot_set_key_outcomes (fixture->pilot, one_over);
  assert_too_long (pm_store_update_pilot (fixture->store, fixture->pilot, &error), &error,
                   "A key outcome");
  pm_programme_set_design_criteria (fixture->programme, one_over);
  assert_too_long (pm_store_update_programme (fixture->store, fixture->programme, &error), &error,
                   "A design criterion");
  for (guint i = 0; i < PM_LIMIT_KEY_OUTCOMES + 1; i++)
    g_strv_builder_add (many, "Families say they were heard");
  too_many = g_strv_builder_end (many);
  pm_pilot_set_key_outcomes (fixture->pilot, (const char * const *) too_many);
  g_assert_false (pm_store_update_pilot (fixture->store, fixture->pilot, &error));
  g_assert_error (error, PM_MODEL_ERROR, PM_MODEL_ERROR_TOO_MANY);
  g_assert_cmpstr (error->message, ==, "A pilot may have at most 100 key outcomes, not 101.");
  g_clear_error (&error);
  assert_unchanged (fixture);

  /* Every one of them at its limit is kept as it is. */
  {
    g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

    for (guint i = 0; i < PM_LIMIT_KEY_OUTCOMES; i++)
      g_strv_builder_add (builder, note_at);
    at_limit = g_strv_builder_end (builder);
  }
  pm_kpi_set_title (fixture->count, name_at);
  pm_kpi_set_data_source (fixture->count, name_at);
  pm_pilot_set_title (fixture->pilot, name_at);
  pm_pilot_set_summary (fixture->pilot, long_at);
  pm_pilot_set_focus_area (fixture->pilot, name_at);
  pm_pilot_set_lead (fixture->pilot, name_at);
  pm_pilot_set_status_note (fixture->pilot, note_at);
  pm_pilot_set_funding (fixture->pilot, note_at);
  pm_pilot_set_key_outcomes (fixture->pilot, (const char * const *) at_limit);
  pm_district_set_name (fixture->district, name_at);
  pm_programme_set_name (fixture->programme, name_at);
  pm_programme_set_description (fixture->programme, long_at);
  pm_programme_set_design_criteria (fixture->programme, (const char * const *) at_limit);
  g_assert_true (pm_store_update_kpi (fixture->store, fixture->count, &error));
  g_assert_true (pm_store_update_pilot (fixture->store, fixture->pilot, &error));
  g_assert_true (pm_store_update_district (fixture->store, fixture->district, &error));
  g_assert_true (pm_store_update_programme (fixture->store, fixture->programme, &error));
  g_assert_no_error (error);
  reloaded = pm_test_store_read (fixture->path, PM_STORE_OPEN_DEFAULT);
  store_test_assert_programmes_equal (fixture->programme, reloaded, TRUE);
}

/* A district, pilot or KPI is added with everything below it: a text too
 * long anywhere in it refuses the whole; and a parent full up refuses
 * one more. */
static void
test_structure_adds (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *note_over = text_for (PM_FIELD_VALUE_NOTE, 1);
  g_autofree char *name_over = text_for (PM_FIELD_KPI_TITLE, 1);
  g_autoptr(PmDistrict) district = pm_district_new ("Lichfield");
  g_autoptr(PmPilot) pilot = pm_pilot_new ("Lichfield pilot");
  g_autoptr(PmKpi) kpi = pm_kpi_new ("Visits", PM_UNIT_COUNT, PM_DIRECTION_INCREASE);
  g_autoptr(PmKpi) long_title = pm_kpi_new (name_over, PM_UNIT_COUNT, PM_DIRECTION_INCREASE);
  g_autoptr(PmPeriod) q3 = pm_period_new (2016, 3);
  g_autoptr(PmProgressEntry) entry = pm_progress_entry_new (q3);
  g_autoptr(GError) error = NULL;
  guint n_kpis;

  pm_progress_entry_set_value (entry, 3);
  pm_progress_entry_set_note (entry, note_over);
  g_assert_true (pm_kpi_set_entry (kpi, entry, &error));
  pm_pilot_add_kpi (pilot, kpi);
  pm_district_add_pilot (district, pilot);

  assert_too_long (pm_store_add_kpi (fixture->store, fixture->pilot, long_title, &error), &error,
                   "A KPI’s title");
  g_assert_cmpint (pm_kpi_get_id (long_title), ==, 0);
  assert_too_long (pm_store_add_district (fixture->store, fixture->programme, district, &error), &error,
                   "A value’s note");
  g_assert_cmpint (pm_district_get_id (district), ==, 0);
  g_assert_cmpint (pm_pilot_get_id (pilot), ==, 0);
  g_assert_null (pm_programme_find_district (fixture->programme, "Lichfield"));
  assert_unchanged (fixture);

  /* A pilot may hold as many KPIs as the limit, and no more. */
  n_kpis = g_list_model_get_n_items (pm_pilot_get_kpis (fixture->pilot));
  for (guint i = n_kpis; i < PM_LIMIT_KPIS + 1; i++)
    {
      g_autofree char *title = g_strdup_printf ("KPI %u", i);
      g_autoptr(PmKpi) more = pm_kpi_new (title, PM_UNIT_COUNT, PM_DIRECTION_INCREASE);
      gboolean ok = pm_store_add_kpi (fixture->store, fixture->pilot, more, &error);

      if (i < PM_LIMIT_KPIS)
        {
          g_assert_no_error (error);
          g_assert_true (ok);
        }
      else
        {
          g_assert_false (ok);
          g_assert_error (error, PM_MODEL_ERROR, PM_MODEL_ERROR_TOO_MANY);
          g_assert_cmpstr (error->message, ==, "A pilot may have at most 100 KPIs, not 101.");
          g_clear_error (&error);
        }
    }
  g_assert_cmpint (store_test_query_int (fixture->path, "SELECT count (*) FROM kpi"), ==, PM_LIMIT_KPIS);

  /* The same for a district's pilots and a programme's districts, the
   * rows put there behind the store's back. */
  store_test_exec (fixture->path,
                   "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 99) "
                   "INSERT INTO pilot (district_id, position, title) "
                   "SELECT (SELECT min (id) FROM district), i, 'Pilot ' || i FROM n");
  {
    g_autoptr(PmPilot) more = pm_pilot_new ("One pilot too many");

    g_assert_false (pm_store_add_pilot (fixture->store, fixture->district, more, &error));
    g_assert_error (error, PM_MODEL_ERROR, PM_MODEL_ERROR_TOO_MANY);
    g_assert_cmpstr (error->message, ==, "A district may have at most 100 pilots, not 101.");
    g_clear_error (&error);
  }
  store_test_exec (fixture->path,
                   "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 9999) "
                   "INSERT INTO district (programme_id, position, name) "
                   "SELECT (SELECT min (id) FROM programme), i, 'District ' || i FROM n");
  {
    g_autoptr(PmDistrict) more = pm_district_new ("One district too many");

    g_assert_false (pm_store_add_district (fixture->store, fixture->programme, more, &error));
    g_assert_error (error, PM_MODEL_ERROR, PM_MODEL_ERROR_TOO_MANY);
    g_assert_cmpstr (error->message, ==, "A programme may have at most 10,000 districts, not 10,001.");
    g_clear_error (&error);
  }
  g_assert_cmpint (store_test_query_int (fixture->path, "SELECT count (*) FROM district"), ==, 10000);
  g_assert_cmpint (store_test_query_int (fixture->path, "SELECT count (*) FROM pilot"), ==, 100);
}

/* A whole programme into an empty database: a text too long deep down,
 * or one KPI too many, and nothing is written. */
static void
test_import (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *path = store_test_location (fixture->dir, "import.pmdb");
  g_autofree char *note_over = text_for (PM_FIELD_VALUE_NOTE, 1);
  g_autoptr(PmStore) store = NULL;
  g_autoptr(PmProgramme) long_note = store_test_build_full_programme ();
  g_autoptr(PmProgramme) many_kpis = store_test_build_small_programme ();
  g_autoptr(GListModel) kpis = pm_programme_list_kpis (long_note);
  g_autoptr(GError) error = NULL;
  PmKpi *kpi = pm_test_item (kpis, g_list_model_get_n_items (kpis) - 1);
  g_autoptr(PmPeriod) q2 = pm_period_new (2017, 2);
  g_autoptr(PmProgressEntry) entry = pm_progress_entry_new (q2);
  PmPilot *pilot;

  store = pm_store_open (path, PM_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);

  pm_progress_entry_set_note (entry, note_over);
  g_assert_true (pm_kpi_set_entry (kpi, entry, &error));
  g_assert_false (pm_store_import (store, long_note, &error));
  g_assert_error (error, PM_MODEL_ERROR, PM_MODEL_ERROR_TOO_LONG);
  g_clear_error (&error);
  g_assert_true (pm_store_is_empty (store));
  g_assert_cmpint (pm_programme_get_id (long_note), ==, 0);

  pilot = pm_test_item (pm_district_get_pilots (pm_test_item (pm_programme_get_districts (many_kpis), 0)), 0);
  for (guint i = g_list_model_get_n_items (pm_pilot_get_kpis (pilot)); i < PM_LIMIT_KPIS + 1; i++)
    {
      g_autofree char *title = g_strdup_printf ("KPI %u", i);
      g_autoptr(PmKpi) more = pm_kpi_new (title, PM_UNIT_COUNT, PM_DIRECTION_INCREASE);

      pm_pilot_add_kpi (pilot, more);
    }
  g_assert_false (pm_store_import (store, many_kpis, &error));
  g_assert_error (error, PM_MODEL_ERROR, PM_MODEL_ERROR_TOO_MANY);
  g_assert_cmpstr (error->message, ==, "A pilot may have at most 100 KPIs, not 101.");
  g_clear_error (&error);
  g_assert_true (pm_store_is_empty (store));

  /* One fewer fits. */
  pm_pilot_remove_kpi (pilot, pm_test_item (pm_pilot_get_kpis (pilot), PM_LIMIT_KPIS));
  g_assert_true (pm_store_import (store, many_kpis, &error));
  g_assert_no_error (error);
}

static void
test_signoff_comment (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(PmPeriod) q3 = pm_period_new (2016, 3);
  g_autofree char *over = text_for (PM_FIELD_SIGNOFF_COMMENT, 1);
  g_autofree char *at = text_for (PM_FIELD_SIGNOFF_COMMENT, 0);
  g_autofree char *comment = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (pm_store_set_signoff (fixture->store, fixture->district, q3, PM_SIGNOFF_SUBMITTED,
                                       NULL, &error));
  g_assert_no_error (error);
  assert_too_long (pm_store_set_signoff (fixture->store, fixture->district, q3, PM_SIGNOFF_RETURNED,
                                         over, &error), &error, "A sign-off comment");
  g_assert_cmpint (pm_store_get_signoff (fixture->store, fixture->district, q3, NULL, &error),
                   ==, PM_SIGNOFF_SUBMITTED);
  g_assert_true (pm_store_set_signoff (fixture->store, fixture->district, q3, PM_SIGNOFF_RETURNED,
                                       at, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pm_store_get_signoff (fixture->store, fixture->district, q3, &comment, &error),
                   ==, PM_SIGNOFF_RETURNED);
  g_assert_cmpstr (comment, ==, at);
}

/* A return made in memory from a lead's copy holding a note too long:
 * the store refuses to merge it, and writes nothing. */
static void
test_return_merge (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(PmProgramme) lead = pm_test_store_read (fixture->path, PM_STORE_OPEN_DEFAULT);
  g_autoptr(PmPeriod) q4 = pm_period_new (2016, 4);
  g_autoptr(PmProgressEntry) entry = pm_progress_entry_new (q4);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(PmReturn) ret = NULL;
  g_autoptr(PmReturnMerge) merge = NULL;
  g_autofree char *over = text_for (PM_FIELD_VALUE_NOTE, 1);
  g_autofree char *key_dir = NULL;
  g_autoptr(PmSigningKey) key = NULL;
  g_autoptr(GError) error = NULL;
  PmDistrict *district = pm_test_item (pm_programme_get_districts (lead), 0);
  PmKpi *kpi = pm_test_item (pm_pilot_get_kpis (pm_test_item (pm_district_get_pilots (district), 0)), 1);

  pm_progress_entry_set_value (entry, 12);
  pm_progress_entry_set_note (entry, over);
  g_assert_true (pm_kpi_set_entry (kpi, entry, &error));
  key_dir = g_build_filename (fixture->dir, "keys", NULL);
  key = pm_signing_key_load_or_create (key_dir, &error);
  g_assert_no_error (error);
  ret = pm_return_new (lead, district, NULL, q4, "Lead", now, key);

  merge = pm_return_merge_new (fixture->store, fixture->programme, ret, &error);
  g_assert_no_error (error);
  pm_return_merge_set_trust_key (merge, TRUE);
  g_assert_cmpuint (pm_return_merge_get_n_items (merge), ==, 1);
  assert_too_long (pm_return_merge_apply (merge, PM_MERGE_CONFLICTS_REPLACE, NULL, &error), &error,
                   "A value’s note");
  g_assert_null (pm_kpi_get_entry (fixture->count, q4));
  assert_unchanged (fixture);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  if (store_test_no_server_to_test ())
    return 0;

#define ADD(path, func) \
  g_test_add (path, Fixture, "limits.pmdb", store_test_small_set_up, func, store_test_small_tear_down)

  ADD ("/store/limits/entry-note", test_entry_note);
  ADD ("/store/limits/narrative", test_narrative);
  ADD ("/store/limits/baseline", test_baseline);
  ADD ("/store/limits/targets", test_targets);
  ADD ("/store/limits/spend-and-reach", test_spend_and_reach);
  ADD ("/store/limits/structure-updates", test_structure_updates);
  ADD ("/store/limits/structure-adds", test_structure_adds);
  ADD ("/store/limits/import", test_import);
  ADD ("/store/limits/signoff-comment", test_signoff_comment);
  ADD ("/store/limits/return-merge", test_return_merge);

#undef ADD

  return g_test_run ();
}
