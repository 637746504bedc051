/* store-test-util.c: programmes and engines for the store tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <sqlite3.h>

#include "pg-test-util.h"

#include "model/pm-site-value.h"

#include "store-test-util.h"

void
store_test_add_target (PmKpi      *kpi,
                       double      value,
                       const char *date,
                       const char *set_on,
                       const char *reason)
{
  g_autoptr(PmTarget) target = pm_target_new (value, date);
  g_autoptr(GError) error = NULL;

  pm_target_set_set_on (target, set_on);
  pm_target_set_reason (target, reason);
  g_assert_true (pm_kpi_add_target (kpi, target, &error));
  g_assert_no_error (error);
}

static void
add_entry (PmKpi      *kpi,
           const char *code,
           gboolean    has_value,
           double      value,
           const char *note)
{
  g_autoptr(PmPeriod) p = pm_test_period (code);
  g_autoptr(PmProgressEntry) entry = pm_progress_entry_new (p);
  g_autoptr(GError) error = NULL;

  if (has_value)
    pm_progress_entry_set_value (entry, value);
  pm_progress_entry_set_note (entry, note);
  g_assert_true (pm_kpi_set_entry (kpi, entry, &error));
  g_assert_no_error (error);
}

static void
add_fraction_entry (PmKpi      *kpi,
                    const char *code,
                    double      numerator,
                    double      denominator)
{
  g_autoptr(PmPeriod) p = pm_test_period (code);
  g_autoptr(PmProgressEntry) entry = pm_progress_entry_new (p);
  g_autoptr(GError) error = NULL;

  g_assert_true (pm_progress_entry_set_fraction (entry, numerator, denominator, &error));
  g_assert_true (pm_kpi_set_entry (kpi, entry, &error));
  g_assert_no_error (error);
}

/* A count given by two sites, totalled as the store totals it. */
static void
add_site_entry (PmKpi      *kpi,
                const char *code,
                const char *site_a,
                double      value_a,
                const char *site_b,
                double      value_b)
{
  g_autoptr(PmPeriod) p = pm_test_period (code);
  g_autoptr(PmProgressEntry) entry = pm_progress_entry_new (p);
  g_autoptr(GError) error = NULL;

  pm_progress_entry_add_site (entry, site_a, value_a);
  pm_progress_entry_add_site (entry, site_b, value_b);
  g_assert_true (pm_progress_entry_total_sites (entry, pm_kpi_get_unit (kpi), &error));
  g_assert_no_error (error);
  g_assert_true (pm_kpi_set_entry (kpi, entry, &error));
  g_assert_no_error (error);
}

static void
set_baseline (PmKpi      *kpi,
              PmBaseline *baseline)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pm_kpi_set_baseline (kpi, baseline, &error));
  g_assert_no_error (error);
}

static void
add_narrative (PmPilot    *pilot,
               const char *code,
               const char *progress,
               const char *learning,
               const char *case_study)
{
  g_autoptr(PmPeriod) p = pm_test_period (code);
  g_autoptr(PmNarrative) narrative = pm_narrative_new (p);

  pm_narrative_set_progress (narrative, progress);
  pm_narrative_set_learning (narrative, learning);
  pm_narrative_set_case_study (narrative, case_study);
  /* The risks and milestones follow the progress, so every narrative
   * with progress carries them through each round trip. */
  if (progress != NULL)
    {
      g_autofree char *risks = g_strdup_printf ("Risks for %s: staff turnover", code);
      g_autofree char *milestones = g_strdup_printf ("Next after %s: second cohort", code);

      pm_narrative_set_risks (narrative, risks);
      pm_narrative_set_milestones (narrative, milestones);
    }
  pm_pilot_set_narrative (pilot, narrative);
}

static void
add_district (PmProgramme *programme,
              PmDistrict  *district)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pm_programme_add_district (programme, district, &error));
  g_assert_no_error (error);
}

/* Pilot with every field set and every list filled. */
static PmPilot *
build_full_pilot (void)
{
  static const char * const outcomes[] = {
    "Demand on statutory services is reduced",
    "Families are supported earlier",
    NULL
  };
  PmPilot *pilot = pm_pilot_new ("Chadsmoor & Western Springs Community Family Intervention Service");
  g_autoptr(PmProvider) wcfc = pm_provider_new ("WCFC");
  g_autoptr(PmProvider) cess = pm_provider_new ("CESS");
  g_autoptr(PmSpendItem) upshot = pm_spend_item_new ("UPSHOT software licence", 490000);
  g_autoptr(PmSpendItem) marketing = pm_spend_item_new ("Marketing and engagement", 400000);
  g_autoptr(PmPeriod) q3 = pm_test_period ("FY2016-Q3");
  g_autoptr(PmPeriod) q4 = pm_test_period ("FY2016-Q4");
  g_autoptr(PmReachEntry) reach_wcfc = pm_reach_entry_new (q3, "WCFC", 5);
  g_autoptr(PmReachEntry) reach_cess = pm_reach_entry_new (q3, "CESS", 2);
  g_autoptr(PmReachEntry) reach_all = pm_reach_entry_new (q4, NULL, 19);
  g_autoptr(PmKpi) referrals = NULL;
  g_autoptr(PmKpi) attendance = NULL;
  g_autoptr(PmKpi) absence = NULL;
  g_autoptr(PmKpi) duration = NULL;
  g_autoptr(PmKpi) rate = NULL;
  g_autoptr(PmKpi) savings = NULL;
  g_autoptr(PmKpi) contacts = NULL;
  g_autoptr(PmBaseline) baseline = NULL;
  g_autoptr(GError) error = NULL;

  pm_pilot_set_summary (pilot, "A community family intervention service.\n\nRun with two providers.");
  pm_pilot_set_focus_area (pilot, "Chadsmoor and Western Springs wards");
  pm_pilot_set_start_date (pilot, "2016-10");
  pm_pilot_set_lead (pilot, "District Commissioning Lead, Cannock Chase");
  pm_pilot_set_delivery_status (pilot, PM_DELIVERY_DELAYED);
  pm_pilot_set_status_note (pilot, "Implementation delays reported December 2016");
  pm_pilot_set_budget_pence (pilot, 12500000);
  pm_pilot_set_funding (pilot, "Pilot fund; BRFC payment by results");
  pm_pilot_set_reach_unit (pilot, "children");
  pm_pilot_set_data_notes (pilot, "The report body gives 125 families, the appendix 150.\n\nBoth are kept.");
  pm_pilot_set_key_outcomes (pilot, outcomes);

  pm_provider_set_full_name (wcfc, "West Chadsmoor Family Centre");
  pm_provider_set_reach_target (wcfc, 75);
  pm_provider_set_reach_target (cess, 50);
  pm_pilot_add_provider (pilot, wcfc);
  pm_pilot_add_provider (pilot, cess);

  pm_pilot_set_reach (pilot, reach_wcfc);
  pm_pilot_set_reach (pilot, reach_cess);
  pm_pilot_set_reach (pilot, reach_all);

  pm_spend_item_set_period (upshot, q3);
  pm_spend_item_set_status (upshot, PM_SPEND_COMMITTED);
  pm_pilot_add_spend (pilot, upshot);
  pm_pilot_add_spend (pilot, marketing);

  add_narrative (pilot, "FY2016-Q3", "Three successful engagement events held.",
                 "Schools want earlier contact.", "A family of five was supported to stay together.");
  add_narrative (pilot, "FY2016-Q4", "Providers mobilised.", NULL, NULL);

  /* count, reduce, per-period: a value baseline, two target revisions, a
   * value with a note and a note without a value. */
  referrals = pm_kpi_new ("Reduce the number of referrals to LST in the two areas",
                          PM_UNIT_COUNT, PM_DIRECTION_REDUCE);
  pm_kpi_set_measure (referrals, PM_MEASURE_PER_PERIOD);
  pm_kpi_set_tolerance (referrals, 0.25);
  pm_kpi_set_data_source (referrals, "Police and BC to provide");
  pm_kpi_set_data_notes (referrals, "Figures for one school only");
  baseline = pm_baseline_new_value (212, "2016-11", "in total");
  set_baseline (referrals, baseline);
  g_clear_object (&baseline);
  store_test_add_target (referrals, 180, "2017-03-31", "2016-12-01", "Agreed at the December board");
  store_test_add_target (referrals, 170, "2017-11-30", "2017-06-01", "Revised after the first two quarters");
  add_entry (referrals, "FY2016-Q3", TRUE, 200, "Early figures");
  add_entry (referrals, "FY2016-Q4", FALSE, 0, "Figures not yet provided");
  pm_pilot_add_kpi (pilot, referrals);

  /* percentage, increase, level: a baseline from a fraction and a
   * fraction entry. */
  attendance = pm_kpi_new ("School attendance", PM_UNIT_PERCENTAGE, PM_DIRECTION_INCREASE);
  pm_kpi_set_measure (attendance, PM_MEASURE_LEVEL);
  baseline = pm_baseline_new_value (0, "2016-10-15", "Data for Burntwood area");
  g_assert_true (pm_baseline_set_fraction (baseline, 448, 1000, &error));
  g_assert_no_error (error);
  set_baseline (attendance, baseline);
  g_clear_object (&baseline);
  store_test_add_target (attendance, 95, NULL, NULL, NULL);
  add_fraction_entry (attendance, "FY2016-Q3", 457, 1000);
  add_entry (attendance, "FY2016-Q4", TRUE, 46.25, NULL);
  pm_pilot_add_kpi (pilot, attendance);

  /* percentage split by site with no overall figure. */
  absence = pm_kpi_new ("Persistent absence", PM_UNIT_PERCENTAGE, PM_DIRECTION_REDUCE);
  baseline = pm_baseline_new_sites ("2015-07", "from Rawlett and TEC");
  pm_baseline_add_site (baseline, "Rawlett", 4.6);
  pm_baseline_add_site (baseline, "TEC", 4.1);
  set_baseline (absence, baseline);
  g_clear_object (&baseline);
  pm_pilot_add_kpi (pilot, absence);

  /* days, maintain, cumulative: to be reported at a named period. */
  duration = pm_kpi_new ("Days from referral to assessment", PM_UNIT_DAYS, PM_DIRECTION_MAINTAIN);
  pm_kpi_set_measure (duration, PM_MEASURE_CUMULATIVE);
  baseline = pm_baseline_new_state (PM_BASELINE_TO_BE_REPORTED);
  pm_baseline_set_period (baseline, q4);
  pm_baseline_set_note (baseline, "To be reported at quarter 4");
  set_baseline (duration, baseline);
  g_clear_object (&baseline);
  add_entry (duration, "FY2017-Q1", TRUE, 41, NULL);
  pm_pilot_add_kpi (pilot, duration);

  /* rate: awaiting data from a named source. */
  rate = pm_kpi_new ("Re-referral rate per 10,000", PM_UNIT_RATE, PM_DIRECTION_REDUCE);
  baseline = pm_baseline_new_state (PM_BASELINE_AWAITING_DATA);
  pm_baseline_set_source (baseline, "Schools");
  pm_baseline_set_note (baseline, "Schools not provided information to date");
  set_baseline (rate, baseline);
  g_clear_object (&baseline);
  add_entry (rate, "FY2016-Q3", TRUE, 3.75, NULL);
  pm_pilot_add_kpi (pilot, rate);

  /* money: no baseline. */
  savings = pm_kpi_new ("Cost avoided", PM_UNIT_MONEY, PM_DIRECTION_INCREASE);
  baseline = pm_baseline_new_state (PM_BASELINE_NONE);
  pm_baseline_set_note (baseline, "No baseline");
  set_baseline (savings, baseline);
  g_clear_object (&baseline);
  store_test_add_target (savings, 5000000, "2018-03-31", NULL, NULL);
  add_entry (savings, "FY2016-Q4", TRUE, 125050, NULL);
  pm_pilot_add_kpi (pilot, savings);

  /* to be confirmed. */
  contacts = pm_kpi_new ("Contacts with the front door", PM_UNIT_COUNT, PM_DIRECTION_REDUCE);
  baseline = pm_baseline_new_state (PM_BASELINE_TO_BE_CONFIRMED);
  pm_baseline_set_note (baseline, "To be confirmed with the police");
  set_baseline (contacts, baseline);
  g_clear_object (&baseline);
  add_site_entry (contacts, "FY2016-Q4", "Cannock", 120, "Rugeley", 85);
  pm_pilot_add_kpi (pilot, contacts);

  return pilot;
}

PmProgramme *
store_test_build_full_programme (void)
{
  static const char * const criteria[] = {
    "Reduce demand in the system",
    "Adopt a family focused approach",
    NULL
  };
  static const PmDeliveryStatus other_statuses[] = {
    PM_DELIVERY_NOT_STARTED,
    PM_DELIVERY_ON_TRACK,
    PM_DELIVERY_AT_RISK,
    PM_DELIVERY_COMPLETED,
    PM_DELIVERY_NOT_STATED,
  };
  PmProgramme *programme = pm_programme_new ("Children and Families System Transformation Programme");
  g_autoptr(PmDistrict) cannock = pm_district_new ("Cannock Chase");
  g_autoptr(PmDistrict) newcastle = pm_district_new ("Newcastle-under-Lyme");
  g_autoptr(PmPilot) full = build_full_pilot ();

  pm_programme_set_description (programme, "District pilots reporting to the Select Committee.");
  pm_programme_set_design_criteria (programme, criteria);
  pm_programme_set_committee (programme, "Corporate Review Committee");
  pm_programme_set_meeting_date (programme, "2017-01-19");
  pm_programme_set_report_title (programme, "Appendix A: District Pilots Progress");
  pm_programme_set_contact_officer (programme, "Jane Smith, Commissioning Manager");

  pm_district_add_pilot (cannock, full);

  /* The other delivery states, on pilots with nothing else set. */
  for (guint i = 0; i < G_N_ELEMENTS (other_statuses); i++)
    {
      g_autofree char *title = g_strdup_printf ("Newcastle pilot %u", i + 1);
      g_autoptr(PmPilot) pilot = pm_pilot_new (title);

      pm_pilot_set_delivery_status (pilot, other_statuses[i]);
      pm_district_add_pilot (newcastle, pilot);
    }

  add_district (programme, cannock);
  add_district (programme, newcastle);

  return programme;
}

PmProgramme *
store_test_build_small_programme (void)
{
  PmProgramme *programme = pm_programme_new ("Small programme");
  g_autoptr(PmDistrict) district = pm_district_new ("Tamworth");
  g_autoptr(PmPilot) pilot = pm_pilot_new ("Tamworth pilot");
  g_autoptr(PmKpi) percentage = pm_kpi_new ("Attendance", PM_UNIT_PERCENTAGE, PM_DIRECTION_INCREASE);
  g_autoptr(PmKpi) count = pm_kpi_new ("Referrals", PM_UNIT_COUNT, PM_DIRECTION_REDUCE);
  g_autoptr(PmBaseline) baseline = pm_baseline_new_value (44.8, "2016-10", NULL);
  g_autoptr(PmProvider) provider = pm_provider_new ("SPARK");

  set_baseline (percentage, baseline);
  store_test_add_target (percentage, 60, "2017-03-31", NULL, NULL);
  add_entry (percentage, "FY2016-Q3", TRUE, 50, NULL);
  pm_pilot_add_kpi (pilot, percentage);
  pm_pilot_add_kpi (pilot, count);
  pm_pilot_add_provider (pilot, provider);
  pm_district_add_pilot (district, pilot);
  add_district (programme, district);

  return programme;
}

static void
assert_strv_equal (const char * const *a,
                   const char * const *b)
{
  guint n_a = a ? g_strv_length ((char **) a) : 0;
  guint n_b = b ? g_strv_length ((char **) b) : 0;

  g_assert_cmpuint (n_a, ==, n_b);
  for (guint i = 0; i < n_a; i++)
    g_assert_cmpstr (a[i], ==, b[i]);
}

static void
assert_periods_equal (PmPeriod *a,
                      PmPeriod *b)
{
  if (a == NULL || b == NULL)
    {
      g_assert_true (a == b);
      return;
    }

  g_assert_true (pm_period_equal (a, b));
}

static void
assert_sites_equal (GListModel *sites_a,
                    GListModel *sites_b)
{
  g_assert_cmpuint (g_list_model_get_n_items (sites_a), ==, g_list_model_get_n_items (sites_b));
  for (guint i = 0; i < g_list_model_get_n_items (sites_a); i++)
    {
      PmSiteValue *site_a = pm_test_item (sites_a, i);
      PmSiteValue *site_b = pm_test_item (sites_b, i);

      g_assert_cmpstr (pm_site_value_get_site (site_a), ==, pm_site_value_get_site (site_b));
      g_assert_cmpfloat (pm_site_value_get_value (site_a), ==, pm_site_value_get_value (site_b));
    }
}

static void
assert_baselines_equal (PmBaseline *a,
                        PmBaseline *b)
{
  GListModel *sites_a = pm_baseline_get_sites (a);
  GListModel *sites_b = pm_baseline_get_sites (b);

  g_assert_cmpint (pm_baseline_get_state (a), ==, pm_baseline_get_state (b));
  g_assert_cmpint (pm_baseline_has_value (a), ==, pm_baseline_has_value (b));
  if (pm_baseline_has_value (a))
    g_assert_cmpfloat (pm_baseline_get_value (a), ==, pm_baseline_get_value (b));
  g_assert_cmpint (pm_baseline_has_fraction (a), ==, pm_baseline_has_fraction (b));
  if (pm_baseline_has_fraction (a))
    {
      g_assert_cmpfloat (pm_baseline_get_numerator (a), ==, pm_baseline_get_numerator (b));
      g_assert_cmpfloat (pm_baseline_get_denominator (a), ==, pm_baseline_get_denominator (b));
    }
  g_assert_cmpstr (pm_baseline_get_date (a), ==, pm_baseline_get_date (b));
  g_assert_cmpstr (pm_baseline_get_note (a), ==, pm_baseline_get_note (b));
  assert_periods_equal (pm_baseline_get_period (a), pm_baseline_get_period (b));
  g_assert_cmpstr (pm_baseline_get_source (a), ==, pm_baseline_get_source (b));

  assert_sites_equal (sites_a, sites_b);
}

static void
assert_kpis_equal (PmKpi    *a,
                   PmKpi    *b,
                   gboolean  same_ids)
{
  GListModel *targets_a = pm_kpi_get_targets (a);
  GListModel *targets_b = pm_kpi_get_targets (b);
  GListModel *entries_a = pm_kpi_get_entries (a);
  GListModel *entries_b = pm_kpi_get_entries (b);

  if (same_ids)
    g_assert_cmpint (pm_kpi_get_id (a), ==, pm_kpi_get_id (b));
  g_assert_cmpstr (pm_kpi_get_title (a), ==, pm_kpi_get_title (b));
  g_assert_cmpint (pm_kpi_get_unit (a), ==, pm_kpi_get_unit (b));
  g_assert_cmpint (pm_kpi_get_direction (a), ==, pm_kpi_get_direction (b));
  g_assert_cmpint (pm_kpi_get_measure (a), ==, pm_kpi_get_measure (b));
  g_assert_cmpint (pm_kpi_get_frequency (a), ==, pm_kpi_get_frequency (b));
  g_assert_cmpfloat (pm_kpi_get_tolerance (a), ==, pm_kpi_get_tolerance (b));
  g_assert_cmpstr (pm_kpi_get_data_source (a), ==, pm_kpi_get_data_source (b));
  g_assert_cmpstr (pm_kpi_get_data_notes (a), ==, pm_kpi_get_data_notes (b));
  assert_baselines_equal (pm_kpi_get_baseline (a), pm_kpi_get_baseline (b));

  g_assert_cmpuint (g_list_model_get_n_items (targets_a), ==, g_list_model_get_n_items (targets_b));
  for (guint i = 0; i < g_list_model_get_n_items (targets_a); i++)
    {
      PmTarget *ta = pm_test_item (targets_a, i);
      PmTarget *tb = pm_test_item (targets_b, i);

      g_assert_cmpfloat (pm_target_get_value (ta), ==, pm_target_get_value (tb));
      g_assert_cmpstr (pm_target_get_date (ta), ==, pm_target_get_date (tb));
      g_assert_cmpstr (pm_target_get_set_on (ta), ==, pm_target_get_set_on (tb));
      g_assert_cmpstr (pm_target_get_reason (ta), ==, pm_target_get_reason (tb));
    }

  g_assert_cmpuint (g_list_model_get_n_items (entries_a), ==, g_list_model_get_n_items (entries_b));
  for (guint i = 0; i < g_list_model_get_n_items (entries_a); i++)
    {
      PmProgressEntry *ea = pm_test_item (entries_a, i);
      PmProgressEntry *eb = pm_test_item (entries_b, i);

      assert_periods_equal (pm_progress_entry_get_period (ea), pm_progress_entry_get_period (eb));
      g_assert_cmpint (pm_progress_entry_has_value (ea), ==, pm_progress_entry_has_value (eb));
      if (pm_progress_entry_has_value (ea))
        g_assert_cmpfloat (pm_progress_entry_get_value (ea), ==, pm_progress_entry_get_value (eb));
      g_assert_cmpint (pm_progress_entry_has_fraction (ea), ==, pm_progress_entry_has_fraction (eb));
      if (pm_progress_entry_has_fraction (ea))
        {
          g_assert_cmpfloat (pm_progress_entry_get_numerator (ea), ==,
                             pm_progress_entry_get_numerator (eb));
          g_assert_cmpfloat (pm_progress_entry_get_denominator (ea), ==,
                             pm_progress_entry_get_denominator (eb));
        }
      g_assert_cmpstr (pm_progress_entry_get_note (ea), ==, pm_progress_entry_get_note (eb));
      assert_sites_equal (pm_progress_entry_get_sites (ea), pm_progress_entry_get_sites (eb));
    }
}

static void
assert_pilots_equal (PmPilot  *a,
                     PmPilot  *b,
                     gboolean  same_ids)
{
  GListModel *list_a, *list_b;

  if (same_ids)
    g_assert_cmpint (pm_pilot_get_id (a), ==, pm_pilot_get_id (b));
  g_assert_cmpstr (pm_pilot_get_title (a), ==, pm_pilot_get_title (b));
  g_assert_cmpstr (pm_pilot_get_summary (a), ==, pm_pilot_get_summary (b));
  g_assert_cmpstr (pm_pilot_get_focus_area (a), ==, pm_pilot_get_focus_area (b));
  g_assert_cmpstr (pm_pilot_get_start_date (a), ==, pm_pilot_get_start_date (b));
  g_assert_cmpstr (pm_pilot_get_lead (a), ==, pm_pilot_get_lead (b));
  g_assert_cmpint (pm_pilot_get_delivery_status (a), ==, pm_pilot_get_delivery_status (b));
  g_assert_cmpstr (pm_pilot_get_status_note (a), ==, pm_pilot_get_status_note (b));
  g_assert_cmpint (pm_pilot_get_budget_pence (a), ==, pm_pilot_get_budget_pence (b));
  g_assert_cmpstr (pm_pilot_get_funding (a), ==, pm_pilot_get_funding (b));
  g_assert_cmpstr (pm_pilot_get_reach_unit (a), ==, pm_pilot_get_reach_unit (b));
  g_assert_cmpstr (pm_pilot_get_data_notes (a), ==, pm_pilot_get_data_notes (b));
  assert_strv_equal (pm_pilot_get_key_outcomes (a), pm_pilot_get_key_outcomes (b));

  list_a = pm_pilot_get_providers (a);
  list_b = pm_pilot_get_providers (b);
  g_assert_cmpuint (g_list_model_get_n_items (list_a), ==, g_list_model_get_n_items (list_b));
  for (guint i = 0; i < g_list_model_get_n_items (list_a); i++)
    {
      PmProvider *pa = pm_test_item (list_a, i);
      PmProvider *pb = pm_test_item (list_b, i);

      g_assert_cmpstr (pm_provider_get_name (pa), ==, pm_provider_get_name (pb));
      g_assert_cmpstr (pm_provider_get_full_name (pa), ==, pm_provider_get_full_name (pb));
      g_assert_cmpint (pm_provider_get_reach_target (pa), ==, pm_provider_get_reach_target (pb));
    }

  list_a = pm_pilot_get_reach (a);
  list_b = pm_pilot_get_reach (b);
  g_assert_cmpuint (g_list_model_get_n_items (list_a), ==, g_list_model_get_n_items (list_b));
  for (guint i = 0; i < g_list_model_get_n_items (list_a); i++)
    {
      PmReachEntry *ra = pm_test_item (list_a, i);
      PmReachEntry *rb = pm_test_item (list_b, i);

      assert_periods_equal (pm_reach_entry_get_period (ra), pm_reach_entry_get_period (rb));
      g_assert_cmpstr (pm_reach_entry_get_provider (ra), ==, pm_reach_entry_get_provider (rb));
      g_assert_cmpint (pm_reach_entry_get_families (ra), ==, pm_reach_entry_get_families (rb));
    }

  list_a = pm_pilot_get_spend (a);
  list_b = pm_pilot_get_spend (b);
  g_assert_cmpuint (g_list_model_get_n_items (list_a), ==, g_list_model_get_n_items (list_b));
  for (guint i = 0; i < g_list_model_get_n_items (list_a); i++)
    {
      PmSpendItem *sa = pm_test_item (list_a, i);
      PmSpendItem *sb = pm_test_item (list_b, i);

      g_assert_cmpstr (pm_spend_item_get_description (sa), ==, pm_spend_item_get_description (sb));
      g_assert_cmpint (pm_spend_item_get_amount_pence (sa), ==, pm_spend_item_get_amount_pence (sb));
      assert_periods_equal (pm_spend_item_get_period (sa), pm_spend_item_get_period (sb));
      g_assert_cmpint (pm_spend_item_get_status (sa), ==, pm_spend_item_get_status (sb));
    }

  list_a = pm_pilot_get_narratives (a);
  list_b = pm_pilot_get_narratives (b);
  g_assert_cmpuint (g_list_model_get_n_items (list_a), ==, g_list_model_get_n_items (list_b));
  for (guint i = 0; i < g_list_model_get_n_items (list_a); i++)
    {
      PmNarrative *na = pm_test_item (list_a, i);
      PmNarrative *nb = pm_test_item (list_b, i);

      assert_periods_equal (pm_narrative_get_period (na), pm_narrative_get_period (nb));
      g_assert_cmpstr (pm_narrative_get_progress (na), ==, pm_narrative_get_progress (nb));
      g_assert_cmpstr (pm_narrative_get_learning (na), ==, pm_narrative_get_learning (nb));
      g_assert_cmpstr (pm_narrative_get_case_study (na), ==, pm_narrative_get_case_study (nb));
      g_assert_cmpstr (pm_narrative_get_risks (na), ==, pm_narrative_get_risks (nb));
      g_assert_cmpstr (pm_narrative_get_milestones (na), ==, pm_narrative_get_milestones (nb));
    }

  list_a = pm_pilot_get_kpis (a);
  list_b = pm_pilot_get_kpis (b);
  g_assert_cmpuint (g_list_model_get_n_items (list_a), ==, g_list_model_get_n_items (list_b));
  for (guint i = 0; i < g_list_model_get_n_items (list_a); i++)
    assert_kpis_equal (pm_test_item (list_a, i), pm_test_item (list_b, i), same_ids);
}

void
store_test_assert_programmes_equal (PmProgramme *a,
                                    PmProgramme *b,
                                    gboolean     same_ids)
{
  GListModel *districts_a = pm_programme_get_districts (a);
  GListModel *districts_b = pm_programme_get_districts (b);

  if (same_ids)
    g_assert_cmpint (pm_programme_get_id (a), ==, pm_programme_get_id (b));
  g_assert_cmpstr (pm_programme_get_name (a), ==, pm_programme_get_name (b));
  g_assert_cmpstr (pm_programme_get_description (a), ==, pm_programme_get_description (b));
  assert_strv_equal (pm_programme_get_design_criteria (a), pm_programme_get_design_criteria (b));
  g_assert_cmpstr (pm_programme_get_committee (a), ==, pm_programme_get_committee (b));
  g_assert_cmpstr (pm_programme_get_meeting_date (a), ==, pm_programme_get_meeting_date (b));
  g_assert_cmpstr (pm_programme_get_report_title (a), ==, pm_programme_get_report_title (b));
  g_assert_cmpstr (pm_programme_get_contact_officer (a), ==, pm_programme_get_contact_officer (b));

  g_assert_cmpuint (g_list_model_get_n_items (districts_a), ==,
                    g_list_model_get_n_items (districts_b));
  for (guint i = 0; i < g_list_model_get_n_items (districts_a); i++)
    {
      PmDistrict *da = pm_test_item (districts_a, i);
      PmDistrict *db = pm_test_item (districts_b, i);
      GListModel *pilots_a = pm_district_get_pilots (da);
      GListModel *pilots_b = pm_district_get_pilots (db);

      if (same_ids)
        g_assert_cmpint (pm_district_get_id (da), ==, pm_district_get_id (db));
      g_assert_cmpstr (pm_district_get_name (da), ==, pm_district_get_name (db));
      g_assert_cmpuint (g_list_model_get_n_items (pilots_a), ==,
                        g_list_model_get_n_items (pilots_b));
      for (guint j = 0; j < g_list_model_get_n_items (pilots_a); j++)
        assert_pilots_equal (pm_test_item (pilots_a, j), pm_test_item (pilots_b, j),
                             same_ids);
    }
}

static void drop_server_databases (const char *dir);

void
store_test_remove_dir (const char *dir)
{
  drop_server_databases (dir);
  pm_test_remove_tree (dir);
}

void
store_test_clear_dir (char **dir)
{
  if (*dir != NULL)
    store_test_remove_dir (*dir);
  g_clear_pointer (dir, g_free);
}

static sqlite3 *
raw_open (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL),
                   ==, SQLITE_OK);
  return db;
}

/* On the server: one statement, its result, which must be a success. */
static PGresult *
server_run (const char *uri,
            const char *sql)
{
  g_autoptr(PGconn) conn = PQconnectdb (uri);
  PGresult *result;

  if (PQstatus (conn) != CONNECTION_OK)
    g_error ("connect: %s", PQerrorMessage (conn));
  result = PQexec (conn, sql);
  if (PQresultStatus (result) != PGRES_COMMAND_OK && PQresultStatus (result) != PGRES_TUPLES_OK)
    g_error ("%s: %s", sql, PQresultErrorMessage (result));
  return result;
}

void
store_test_exec (const char *path,
                 const char *sql)
{
  sqlite3 *db;
  char *message = NULL;
  int rc;

  if (pm_store_location_is_server (path))
    {
      PQclear (server_run (path, sql));
      return;
    }

  db = raw_open (path);
  rc = sqlite3_exec (db, sql, NULL, NULL, &message);
  if (rc != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

gint64
store_test_query_int (const char *path,
                      const char *sql)
{
  g_autofree char *text = store_test_query_text (path, sql);

  if (text == NULL)
    return -1;
  /* A boolean from the server reads as sqlite's 1 or 0. */
  if (g_str_equal (text, "t") || g_str_equal (text, "f"))
    return text[0] == 't';
  return g_ascii_strtoll (text, NULL, 10);
}

char *
store_test_query_text (const char *path,
                       const char *sql)
{
  sqlite3 *db;
  sqlite3_stmt *stmt = NULL;
  char *result = NULL;

  if (pm_store_location_is_server (path))
    {
      g_autoptr(PGresult) rows = server_run (path, sql);

      if (PQntuples (rows) > 0 && !PQgetisnull (rows, 0, 0))
        result = g_strdup (PQgetvalue (rows, 0, 0));
      return result;
    }

  db = raw_open (path);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return result;
}

int
store_test_schema_version (const char *path)
{
  if (pm_store_location_is_server (path))
    return (int) store_test_query_int (path, "SELECT schema_version FROM pm_meta");

  return (int) store_test_query_int (path, "PRAGMA user_version");
}

gboolean
store_test_has_column (const char *path,
                       const char *table,
                       const char *column)
{
  g_autofree char *sql = NULL;

  /* Names from the tests themselves, never from input. */
  if (pm_store_location_is_server (path))
    sql = g_strdup_printf ("SELECT count (*) FROM information_schema.columns "
                           "WHERE table_name = '%s' AND column_name = '%s'", table, column);
  else
    sql = g_strdup_printf ("SELECT count (*) FROM pragma_table_info ('%s') WHERE name = '%s'",
                           table, column);

  return store_test_query_int (path, sql) == 1;
}

/* Engines */

/* dir → GPtrArray of the URIs of the databases made for it. */
static GHashTable *server_databases;

gboolean
store_test_engine_is_server (void)
{
  return g_strcmp0 (g_getenv ("PM_TEST_ENGINE"), "postgresql") == 0;
}

gboolean
store_test_no_server_to_test (void)
{
  if (!store_test_engine_is_server () || pg_test_available ())
    return FALSE;

  printf ("1..0 # SKIP no PostgreSQL test server (build-aux/run-tests.sh starts one)\n");
  return TRUE;
}

char *
store_test_location (const char *dir,
                     const char *name)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *uris;
  char *uri;

  if (!store_test_engine_is_server ())
    return g_build_filename (dir, name, NULL);

  if (!pg_test_available ())
    g_error ("PM_TEST_ENGINE=postgresql needs the test server: run build-aux/run-tests.sh, "
             "or start one with build-aux/pg-test-server.sh and export PM_TEST_PG_URI");

  uri = pg_test_create_database ("pm_store", &error);
  g_assert_no_error (error);

  if (server_databases == NULL)
    server_databases = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                              (GDestroyNotify) g_ptr_array_unref);
  uris = g_hash_table_lookup (server_databases, dir);
  if (uris == NULL)
    {
      uris = g_ptr_array_new_with_free_func (g_free);
      g_hash_table_insert (server_databases, g_strdup (dir), uris);
    }
  g_ptr_array_add (uris, g_strdup (uri));

  return uri;
}

gboolean
store_test_skip_unless_file (void)
{
  if (!store_test_engine_is_server ())
    return FALSE;

  g_test_skip ("a test of files; the server has its own");
  return TRUE;
}

static void
drop_server_databases (const char *dir)
{
  GPtrArray *uris = server_databases != NULL ? g_hash_table_lookup (server_databases, dir) : NULL;

  for (guint i = 0; uris != NULL && i < uris->len; i++)
    {
      g_autoptr(GError) error = NULL;

      if (!pg_test_drop_database (g_ptr_array_index (uris, i), &error))
        g_warning ("%s", error->message);
    }
  if (uris != NULL)
    g_hash_table_remove (server_databases, dir);
}

void
store_test_small_set_up (StoreTestSmall *fixture,
                         gconstpointer   name)
{
  g_autoptr(PmProgramme) programme = store_test_build_small_programme ();
  GListModel *kpis;

  fixture->dir = pm_test_dir_new ("pm-store");
  fixture->path = store_test_location (fixture->dir, name);
  pm_test_store_create (fixture->path, programme);

  fixture->store = pm_test_store_open (fixture->path, PM_STORE_OPEN_DEFAULT);
  fixture->programme = pm_test_store_load (fixture->store);
  fixture->before = pm_test_store_read (fixture->path, PM_STORE_OPEN_DEFAULT);

  fixture->district = pm_test_item (pm_programme_get_districts (fixture->programme), 0);
  fixture->pilot = pm_test_item (pm_district_get_pilots (fixture->district), 0);
  kpis = pm_pilot_get_kpis (fixture->pilot);
  fixture->percentage = pm_test_item (kpis, 0);
  fixture->count = pm_test_item (kpis, 1);
}

void
store_test_small_tear_down (StoreTestSmall *fixture,
                            gconstpointer   name)
{
  g_clear_object (&fixture->programme);
  g_clear_object (&fixture->before);
  g_clear_object (&fixture->store);
  store_test_clear_dir (&fixture->dir);
  g_clear_pointer (&fixture->path, g_free);
}

char *
store_test_group_role (const char *location,
                       const char *access)
{
  g_autofree char *sql = NULL;
  char *role;

  g_assert_true (g_str_equal (access, "office") || g_str_equal (access, "lead") ||
                 g_str_equal (access, "viewer"));
  sql = g_strdup_printf ("SELECT pm_programme_role ('%s')", access);
  role = store_test_query_text (location, sql);
  g_assert_nonnull (role);
  return role;
}
