/* test-baseline-target.c: where a KPI starts and where it is to get to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "pm-baseline.h"
#include "pm-kpi.h"
#include "pm-site-value.h"
#include "pm-target.h"

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
assert_format (PmBaseline *baseline,
               PmUnit      unit,
               const char *expected)
{
  g_autofree char *text = pm_baseline_format (baseline, unit);

  g_assert_cmpstr (text, ==, expected);
}

/* Formats */

static void
test_baseline_value_format (void)
{
  g_autoptr(PmBaseline) total = pm_baseline_new_value (212, "2016-11", "in total");
  g_autoptr(PmBaseline) rate = pm_baseline_new_value (44.8, "2016-10", NULL);
  g_autoptr(PmBaseline) plain = pm_baseline_new_value (17, NULL, NULL);
  g_autoptr(PmBaseline) day = pm_baseline_new_value (41, "2017-11-30", NULL);

  g_assert_true (pm_baseline_has_value (total));
  g_assert_cmpint (pm_baseline_get_state (total), ==, PM_BASELINE_VALUE);
  g_assert_cmpfloat (pm_baseline_get_value (total), ==, 212);

  assert_format (total, PM_UNIT_COUNT, "212 in total (November 2016)");
  assert_format (rate, PM_UNIT_PERCENTAGE, "44.8% (October 2016)");
  assert_format (plain, PM_UNIT_COUNT, "17");
  assert_format (day, PM_UNIT_DAYS, "41 days (30 November 2017)");
}

static void
test_baseline_sites_format (void)
{
  g_autoptr(PmBaseline) two = pm_baseline_new_sites ("2015-07", NULL);
  g_autoptr(PmBaseline) three = pm_baseline_new_sites (NULL, "of pupils");
  g_autoptr(PmSiteValue) first = NULL;

  pm_baseline_add_site (two, "Rawlett", 4.6);
  pm_baseline_add_site (two, "TEC", 4.1);

  g_assert_cmpint (pm_baseline_get_state (two), ==, PM_BASELINE_VALUE);
  g_assert_false (pm_baseline_has_value (two));
  g_assert_cmpuint (g_list_model_get_n_items (pm_baseline_get_sites (two)), ==, 2);
  first = g_list_model_get_item (pm_baseline_get_sites (two), 0);
  g_assert_cmpstr (pm_site_value_get_site (first), ==, "Rawlett");
  g_assert_cmpfloat (pm_site_value_get_value (first), ==, 4.6);
  g_assert_true (pm_baseline_validate (two, PM_UNIT_PERCENTAGE, NULL));

  assert_format (two, PM_UNIT_PERCENTAGE, "4.6% Rawlett and 4.1% TEC (July 2015)");

  pm_baseline_add_site (three, "Rawlett", 10);
  pm_baseline_add_site (three, "TEC", 20);
  pm_baseline_add_site (three, "Landau Forte", 30);
  assert_format (three, PM_UNIT_COUNT, "10 Rawlett, 20 TEC and 30 Landau Forte of pupils");
}

static void
test_baseline_states_format (void)
{
  g_autoptr(PmBaseline) confirm = pm_baseline_new_state (PM_BASELINE_TO_BE_CONFIRMED);
  g_autoptr(PmBaseline) report = pm_baseline_new_state (PM_BASELINE_TO_BE_REPORTED);
  g_autoptr(PmBaseline) report_unknown = pm_baseline_new_state (PM_BASELINE_TO_BE_REPORTED);
  g_autoptr(PmBaseline) none = pm_baseline_new_state (PM_BASELINE_NONE);
  g_autoptr(PmBaseline) none_why = pm_baseline_new_state (PM_BASELINE_NONE);
  g_autoptr(PmBaseline) none_same = pm_baseline_new_state (PM_BASELINE_NONE);
  g_autoptr(PmBaseline) awaiting = pm_baseline_new_state (PM_BASELINE_AWAITING_DATA);
  g_autoptr(PmPeriod) q4 = pm_period_new (2016, 4);

  pm_baseline_set_period (report, q4);
  pm_baseline_set_note (confirm, "Data for Burntwood area");
  pm_baseline_set_note (none_why, "Schools not provided information to date");
  pm_baseline_set_note (none_same, "No baseline");
  pm_baseline_set_source (awaiting, "Police and BC");

  /* Only the none state shows its note. */
  assert_format (confirm, PM_UNIT_COUNT, "To be confirmed");
  assert_format (report, PM_UNIT_COUNT, "To be reported at Q4 2016/17");
  assert_format (report_unknown, PM_UNIT_COUNT, "To be reported");
  assert_format (none, PM_UNIT_COUNT, "No baseline");
  assert_format (none_why, PM_UNIT_COUNT, "No baseline (Schools not provided information to date)");
  assert_format (none_same, PM_UNIT_COUNT, "No baseline");
  assert_format (awaiting, PM_UNIT_COUNT, "Awaiting data from Police and BC");

  for (PmBaselineState state = PM_BASELINE_TO_BE_CONFIRMED; state <= PM_BASELINE_AWAITING_DATA; state++)
    {
      g_autoptr(PmBaseline) baseline = pm_baseline_new_state (state);

      g_assert_cmpint (pm_baseline_get_state (baseline), ==, state);
      g_assert_false (pm_baseline_has_value (baseline));
    }
}

/* States and values */

static void
test_baseline_state_drops_value (void)
{
  g_autoptr(PmBaseline) baseline = pm_baseline_new_value (5, "2016-10", NULL);

  pm_baseline_add_site (baseline, "Rawlett", 2);
  pm_baseline_set_state (baseline, PM_BASELINE_NONE);

  /* A state is never a zero, and never a stale number. */
  g_assert_false (pm_baseline_has_value (baseline));
  g_assert_cmpfloat (pm_baseline_get_value (baseline), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (pm_baseline_get_sites (baseline)), ==, 0);

  pm_baseline_set_value (baseline, 7);
  g_assert_cmpint (pm_baseline_get_state (baseline), ==, PM_BASELINE_VALUE);
  g_assert_true (pm_baseline_has_value (baseline));

  pm_baseline_clear_value (baseline);
  g_assert_cmpint (pm_baseline_get_state (baseline), ==, PM_BASELINE_VALUE);
  g_assert_false (pm_baseline_has_value (baseline));
}

static void
test_baseline_new_state_guard (void)
{
  PmBaseline *baseline;

  g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_CRITICAL, "*state != PM_BASELINE_VALUE*");
  baseline = pm_baseline_new_state (PM_BASELINE_VALUE);
  g_test_assert_expected_messages ();
  g_assert_null (baseline);
}

static void
test_baseline_fraction (void)
{
  g_autoptr(PmBaseline) baseline = pm_baseline_new_state (PM_BASELINE_TO_BE_CONFIRMED);
  g_autoptr(GError) error = NULL;

  g_assert_true (pm_baseline_set_fraction (baseline, 45, 60, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pm_baseline_get_state (baseline), ==, PM_BASELINE_VALUE);
  g_assert_true (pm_baseline_has_fraction (baseline));
  g_assert_cmpfloat (pm_baseline_get_value (baseline), ==, 75);
  g_assert_cmpfloat (pm_baseline_get_numerator (baseline), ==, 45);
  g_assert_cmpfloat (pm_baseline_get_denominator (baseline), ==, 60);
  /* Printed with its parts, as a value given so is. */
  assert_format (baseline, PM_UNIT_PERCENTAGE, "75% (45 of 60)");

  g_assert_false (pm_baseline_set_fraction (baseline, 1, 0, &error));
  g_assert_error (error, PM_MODEL_ERROR, PM_MODEL_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);
  g_assert_false (pm_baseline_set_fraction (baseline, 11, 10, &error));
  g_assert_error (error, PM_MODEL_ERROR, PM_MODEL_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);
  g_assert_false (pm_baseline_set_fraction (baseline, -1, 10, &error));
  g_assert_error (error, PM_MODEL_ERROR, PM_MODEL_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);

  /* Refusals change nothing. */
  g_assert_cmpfloat (pm_baseline_get_value (baseline), ==, 75);
  g_assert_cmpfloat (pm_baseline_get_denominator (baseline), ==, 60);

  /* A value typed directly no longer comes from the fraction. */
  pm_baseline_set_value (baseline, 80);
  g_assert_false (pm_baseline_has_fraction (baseline));
}

static void
test_baseline_notify_on_change_only (void)
{
  g_autoptr(PmBaseline) baseline = pm_baseline_new_value (10, NULL, NULL);
  guint note_count = 0;
  guint value_count = 0;
  guint state_count = 0;

  g_signal_connect (baseline, "notify::note", G_CALLBACK (count_notify_cb), &note_count);
  g_signal_connect (baseline, "notify::value", G_CALLBACK (count_notify_cb), &value_count);
  g_signal_connect (baseline, "notify::state", G_CALLBACK (count_notify_cb), &state_count);

  pm_baseline_set_note (baseline, "in total");
  pm_baseline_set_note (baseline, "in total");
  g_assert_cmpuint (note_count, ==, 1);

  pm_baseline_set_value (baseline, 10);
  g_assert_cmpuint (value_count, ==, 0);
  pm_baseline_set_value (baseline, 11);
  g_assert_cmpuint (value_count, ==, 1);
  g_assert_cmpuint (state_count, ==, 0);

  pm_baseline_set_state (baseline, PM_BASELINE_NONE);
  pm_baseline_set_state (baseline, PM_BASELINE_NONE);
  g_assert_cmpuint (state_count, ==, 1);
}

static void
test_site_value_notify (void)
{
  g_autoptr(PmSiteValue) site = pm_site_value_new ("Rawlett", 4.6);
  guint value_count = 0;
  guint site_count = 0;

  g_signal_connect (site, "notify::value", G_CALLBACK (count_notify_cb), &value_count);
  g_signal_connect (site, "notify::site", G_CALLBACK (count_notify_cb), &site_count);

  pm_site_value_set_value (site, 4.6);
  pm_site_value_set_site (site, "Rawlett");
  g_assert_cmpuint (value_count + site_count, ==, 0);

  pm_site_value_set_value (site, 4.7);
  pm_site_value_set_site (site, "TEC");
  g_assert_cmpuint (value_count, ==, 1);
  g_assert_cmpuint (site_count, ==, 1);
}

static void
test_baseline_copy (void)
{
  g_autoptr(PmBaseline) original = pm_baseline_new_sites ("2015-07", "from two schools");
  g_autoptr(PmBaseline) copy = NULL;
  g_autofree char *original_text = NULL;
  g_autofree char *copy_text = NULL;

  pm_baseline_add_site (original, "Rawlett", 4.6);
  copy = pm_baseline_copy (original);
  original_text = pm_baseline_format (original, PM_UNIT_PERCENTAGE);
  copy_text = pm_baseline_format (copy, PM_UNIT_PERCENTAGE);
  g_assert_cmpstr (copy_text, ==, original_text);

  /* Deep: the copy's sites are its own. */
  pm_baseline_add_site (copy, "TEC", 4.1);
  g_assert_cmpuint (g_list_model_get_n_items (pm_baseline_get_sites (original)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (pm_baseline_get_sites (copy)), ==, 2);
  g_assert_true (pm_baseline_get_sites (original) != pm_baseline_get_sites (copy));
}

/* Validation */

static void
assert_validate_error (PmBaseline *baseline,
                       PmUnit      unit,
                       int         code)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (pm_baseline_validate (baseline, unit, &error));
  g_assert_error (error, PM_MODEL_ERROR, code);
}

static void
test_baseline_validate (void)
{
  g_autoptr(PmBaseline) report = pm_baseline_new_state (PM_BASELINE_TO_BE_REPORTED);
  g_autoptr(PmBaseline) awaiting = pm_baseline_new_state (PM_BASELINE_AWAITING_DATA);
  g_autoptr(PmBaseline) over = pm_baseline_new_value (140, NULL, NULL);
  g_autoptr(PmBaseline) bad_date = pm_baseline_new_value (40, "2016-13", NULL);
  g_autoptr(PmBaseline) empty = pm_baseline_new_sites (NULL, NULL);
  g_autoptr(PmBaseline) bad_site = pm_baseline_new_sites (NULL, NULL);
  g_autoptr(PmPeriod) q4 = pm_period_new (2016, 4);
  g_autoptr(GError) error = NULL;

  /* To be reported: when? */
  assert_validate_error (report, PM_UNIT_COUNT, PM_MODEL_ERROR_MISSING);
  pm_baseline_set_period (report, q4);
  g_assert_true (pm_baseline_validate (report, PM_UNIT_COUNT, NULL));

  /* Awaiting data: from whom? */
  assert_validate_error (awaiting, PM_UNIT_COUNT, PM_MODEL_ERROR_MISSING);
  pm_baseline_set_source (awaiting, "  ");
  assert_validate_error (awaiting, PM_UNIT_COUNT, PM_MODEL_ERROR_MISSING);
  pm_baseline_set_source (awaiting, "Schools");
  g_assert_true (pm_baseline_validate (awaiting, PM_UNIT_COUNT, NULL));

  /* The value against the unit */
  assert_validate_error (over, PM_UNIT_PERCENTAGE, PM_MODEL_ERROR_OUT_OF_RANGE);
  g_assert_true (pm_baseline_validate (over, PM_UNIT_COUNT, NULL));

  assert_validate_error (bad_date, PM_UNIT_PERCENTAGE, PM_MODEL_ERROR_INVALID_DATE);

  /* A value state with neither value nor sites says nothing. */
  assert_validate_error (empty, PM_UNIT_PERCENTAGE, PM_MODEL_ERROR_MISSING);

  pm_baseline_add_site (bad_site, "Rawlett", 4.6);
  pm_baseline_add_site (bad_site, "TEC", 104.1);
  g_assert_false (pm_baseline_validate (bad_site, PM_UNIT_PERCENTAGE, &error));
  g_assert_error (error, PM_MODEL_ERROR, PM_MODEL_ERROR_OUT_OF_RANGE);
  g_assert_true (g_str_has_prefix (error->message, "TEC: "));

  /* States need nothing more. */
  for (PmBaselineState state = PM_BASELINE_TO_BE_CONFIRMED; state <= PM_BASELINE_NONE; state++)
    {
      g_autoptr(PmBaseline) baseline = pm_baseline_new_state (state);

      if (state == PM_BASELINE_TO_BE_REPORTED)
        continue;
      g_assert_true (pm_baseline_validate (baseline, PM_UNIT_PERCENTAGE, NULL));
    }
}

/* Targets on a KPI */

static PmKpi *
kpi_with_baseline (PmUnit      unit,
                   double      value,
                   const char *date)
{
  PmKpi *kpi = pm_kpi_new ("Reduce the number of referrals to LST", unit, PM_DIRECTION_REDUCE);
  g_autoptr(PmBaseline) baseline = pm_baseline_new_value (value, date, NULL);

  g_assert_true (pm_kpi_set_baseline (kpi, baseline, NULL));

  return kpi;
}

static void
test_kpi_defaults (void)
{
  g_autoptr(PmKpi) kpi = pm_kpi_new ("Families supported", PM_UNIT_COUNT, PM_DIRECTION_INCREASE);

  g_assert_cmpstr (pm_kpi_get_title (kpi), ==, "Families supported");
  g_assert_cmpfloat (pm_kpi_get_tolerance (kpi), ==, PM_KPI_DEFAULT_TOLERANCE);
  g_assert_cmpfloat (PM_KPI_DEFAULT_TOLERANCE, ==, 0.1);
  g_assert_cmpint (pm_kpi_get_measure (kpi), ==, PM_MEASURE_LEVEL);
  g_assert_nonnull (pm_kpi_get_baseline (kpi));
  g_assert_false (pm_baseline_has_value (pm_kpi_get_baseline (kpi)));
  g_assert_null (pm_kpi_get_current_target (kpi));
  g_assert_null (pm_kpi_get_pilot (kpi));
  g_assert_cmpint (pm_kpi_get_id (kpi), ==, 0);
}

static void
test_target_before_baseline (void)
{
  g_autoptr(PmKpi) kpi = kpi_with_baseline (PM_UNIT_COUNT, 17, "2016-11");
  g_autoptr(PmTarget) early = pm_target_new (13, "2016-10");
  g_autoptr(GError) error = NULL;

  g_assert_false (pm_kpi_add_target (kpi, early, &error));
  g_assert_error (error, PM_MODEL_ERROR, PM_MODEL_ERROR_DATE_ORDER);
  g_assert_cmpstr (error->message, ==,
                   "The target date (October 2016) is before the baseline date (November 2016).");
  g_assert_cmpuint (g_list_model_get_n_items (pm_kpi_get_targets (kpi)), ==, 0);
  g_assert_null (pm_kpi_get_current_target (kpi));
}

static void
test_target_date_order_allowed (void)
{
  g_autoptr(PmKpi) kpi = kpi_with_baseline (PM_UNIT_COUNT, 17, "2016-11");
  g_autoptr(PmKpi) undated_baseline = kpi_with_baseline (PM_UNIT_COUNT, 17, NULL);
  g_autoptr(PmTarget) same_month = pm_target_new (13, "2016-11-01");
  g_autoptr(PmTarget) undated = pm_target_new (12, NULL);
  g_autoptr(PmTarget) dated = pm_target_new (12, "2015-01");
  g_autoptr(GError) error = NULL;

  /* "2016-11" means 1 November: the same day is not before it. */
  g_assert_true (pm_kpi_add_target (kpi, same_month, &error));
  g_assert_no_error (error);
  g_assert_true (pm_kpi_add_target (kpi, undated, &error));
  g_assert_no_error (error);
  g_assert_true (pm_kpi_add_target (undated_baseline, dated, &error));
  g_assert_no_error (error);
}

static void
test_target_value_and_date_checked (void)
{
  g_autoptr(PmKpi) kpi = kpi_with_baseline (PM_UNIT_PERCENTAGE, 93.9, NULL);
  g_autoptr(PmTarget) over = pm_target_new (140, NULL);
  g_autoptr(PmTarget) bad_date = pm_target_new (95, "2017-02-30");
  g_autoptr(PmTarget) bad_set_on = pm_target_new (95, "2017-03");
  g_autoptr(GError) error = NULL;

  g_assert_false (pm_kpi_add_target (kpi, over, &error));
  g_assert_error (error, PM_MODEL_ERROR, PM_MODEL_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);

  g_assert_false (pm_kpi_add_target (kpi, bad_date, &error));
  g_assert_error (error, PM_MODEL_ERROR, PM_MODEL_ERROR_INVALID_DATE);
  g_clear_error (&error);

  pm_target_set_set_on (bad_set_on, "yesterday");
  g_assert_false (pm_kpi_add_target (kpi, bad_set_on, &error));
  g_assert_error (error, PM_MODEL_ERROR, PM_MODEL_ERROR_INVALID_DATE);

  g_assert_cmpuint (g_list_model_get_n_items (pm_kpi_get_targets (kpi)), ==, 0);
}

static void
test_target_revisions_append (void)
{
  g_autoptr(PmKpi) kpi = kpi_with_baseline (PM_UNIT_COUNT, 17, "2016-11");
  g_autoptr(PmTarget) first = pm_target_new (13, "2017-11-30");
  g_autoptr(PmTarget) revised = pm_target_new (12, "2017-11-30");
  g_autoptr(PmTarget) kept = NULL;

  pm_target_set_reason (revised, "Revised after Q3 review");
  pm_target_set_set_on (revised, "2017-01-16");

  g_assert_true (pm_kpi_add_target (kpi, first, NULL));
  g_assert_true (pm_kpi_get_current_target (kpi) == first);
  g_assert_true (pm_kpi_add_target (kpi, revised, NULL));

  /* The revision is current; the first target is kept. */
  g_assert_cmpuint (g_list_model_get_n_items (pm_kpi_get_targets (kpi)), ==, 2);
  g_assert_true (pm_kpi_get_current_target (kpi) == revised);
  kept = g_list_model_get_item (pm_kpi_get_targets (kpi), 0);
  g_assert_true (kept == first);
  g_assert_cmpfloat (pm_target_get_value (kept), ==, 13);
  g_assert_cmpstr (pm_target_get_reason (revised), ==, "Revised after Q3 review");
}

static void
test_baseline_after_target (void)
{
  g_autoptr(PmKpi) kpi = kpi_with_baseline (PM_UNIT_COUNT, 17, "2016-10");
  g_autoptr(PmTarget) target = pm_target_new (13, "2016-11");
  g_autoptr(PmBaseline) late = pm_baseline_new_value (18, "2016-12", NULL);
  g_autoptr(PmBaseline) fine = pm_baseline_new_value (18, "2016-11", NULL);
  PmBaseline *before = NULL;
  g_autoptr(GError) error = NULL;
  guint notified = 0;

  g_assert_true (pm_kpi_add_target (kpi, target, NULL));
  before = pm_kpi_get_baseline (kpi);
  g_signal_connect (kpi, "notify::baseline", G_CALLBACK (count_notify_cb), &notified);

  g_assert_false (pm_kpi_set_baseline (kpi, late, &error));
  g_assert_error (error, PM_MODEL_ERROR, PM_MODEL_ERROR_DATE_ORDER);
  g_assert_cmpstr (error->message, ==,
                   "The baseline date (December 2016) is after the target date (November 2016).");
  g_assert_true (pm_kpi_get_baseline (kpi) == before);
  g_assert_cmpuint (notified, ==, 0);

  g_assert_true (pm_kpi_set_baseline (kpi, fine, NULL));
  g_assert_true (pm_kpi_get_baseline (kpi) == fine);
  g_assert_cmpuint (notified, ==, 1);

  /* Setting the same baseline again is no change. */
  g_assert_true (pm_kpi_set_baseline (kpi, fine, NULL));
  g_assert_cmpuint (notified, ==, 1);
}

static void
test_baseline_invalid_refused_by_kpi (void)
{
  g_autoptr(PmKpi) kpi = kpi_with_baseline (PM_UNIT_PERCENTAGE, 44.8, "2016-10");
  g_autoptr(PmBaseline) report = pm_baseline_new_state (PM_BASELINE_TO_BE_REPORTED);
  g_autoptr(PmBaseline) over = pm_baseline_new_value (140, NULL, NULL);
  PmBaseline *before = pm_kpi_get_baseline (kpi);
  g_autoptr(GError) error = NULL;

  g_assert_false (pm_kpi_set_baseline (kpi, report, &error));
  g_assert_error (error, PM_MODEL_ERROR, PM_MODEL_ERROR_MISSING);
  g_clear_error (&error);

  g_assert_false (pm_kpi_set_baseline (kpi, over, &error));
  g_assert_error (error, PM_MODEL_ERROR, PM_MODEL_ERROR_OUT_OF_RANGE);

  g_assert_true (pm_kpi_get_baseline (kpi) == before);
}

static void
test_kpi_notify_on_change_only (void)
{
  g_autoptr(PmKpi) kpi = pm_kpi_new ("Referrals", PM_UNIT_COUNT, PM_DIRECTION_REDUCE);
  guint title = 0, tolerance = 0, unit = 0;

  g_signal_connect (kpi, "notify::title", G_CALLBACK (count_notify_cb), &title);
  g_signal_connect (kpi, "notify::tolerance", G_CALLBACK (count_notify_cb), &tolerance);
  g_signal_connect (kpi, "notify::unit", G_CALLBACK (count_notify_cb), &unit);

  pm_kpi_set_title (kpi, "Referrals");
  pm_kpi_set_tolerance (kpi, 0.1);
  pm_kpi_set_unit (kpi, PM_UNIT_COUNT);
  g_assert_cmpuint (title + tolerance + unit, ==, 0);

  pm_kpi_set_title (kpi, "Referrals to LST");
  pm_kpi_set_tolerance (kpi, 0.2);
  pm_kpi_set_unit (kpi, PM_UNIT_RATE);
  g_assert_cmpuint (title, ==, 1);
  g_assert_cmpuint (tolerance, ==, 1);
  g_assert_cmpuint (unit, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/baseline/format/value", test_baseline_value_format);
  g_test_add_func ("/baseline/format/sites", test_baseline_sites_format);
  g_test_add_func ("/baseline/format/states", test_baseline_states_format);
  g_test_add_func ("/baseline/state-drops-value", test_baseline_state_drops_value);
  g_test_add_func ("/baseline/new-state-guard", test_baseline_new_state_guard);
  g_test_add_func ("/baseline/fraction", test_baseline_fraction);
  g_test_add_func ("/baseline/notify", test_baseline_notify_on_change_only);
  g_test_add_func ("/baseline/copy", test_baseline_copy);
  g_test_add_func ("/baseline/site-value-notify", test_site_value_notify);
  g_test_add_func ("/baseline/validate", test_baseline_validate);
  g_test_add_func ("/kpi/defaults", test_kpi_defaults);
  g_test_add_func ("/kpi/notify", test_kpi_notify_on_change_only);
  g_test_add_func ("/target/before-baseline", test_target_before_baseline);
  g_test_add_func ("/target/date-order-allowed", test_target_date_order_allowed);
  g_test_add_func ("/target/value-and-date-checked", test_target_value_and_date_checked);
  g_test_add_func ("/target/revisions-append", test_target_revisions_append);
  g_test_add_func ("/baseline/after-target", test_baseline_after_target);
  g_test_add_func ("/baseline/invalid-refused-by-kpi", test_baseline_invalid_refused_by_kpi);

  return g_test_run ();
}
