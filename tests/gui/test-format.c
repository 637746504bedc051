/* test-format.c: what the window's cells and fields say (no display)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "pm-chase-item.h"
#include "pm-format.h"
#include "pm-kpi-row.h"
#include "pm-summary-row.h"

static void
test_css_classes (void)
{
  g_assert_cmpstr (pm_format_rag_css_class (PM_RAG_RED), ==, "rag-red");
  g_assert_cmpstr (pm_format_rag_css_class (PM_RAG_GREY), ==, "rag-grey");
  g_assert_cmpstr (pm_format_status_css_class (PM_DELIVERY_DELAYED), ==, "status-delayed");
  g_assert_cmpstr (pm_format_status_css_class (PM_DELIVERY_NOT_STATED), ==, "status-not-stated");
}

/* The pilot page's pill for a pilot nobody has said anything of: no
 * invented "on track". */
static void
test_lead_status_not_stated (void)
{
  g_autoptr(PmPilot) pilot = pm_pilot_new ("New pilot");

  g_assert_cmpstr (pm_format_lead_status (pm_pilot_get_delivery_status (pilot)), ==, "Lead: not stated");
  g_assert_cmpstr (pm_format_lead_status (PM_DELIVERY_ON_TRACK), ==, "Lead: on track");
}

static void
test_kpi_target (void)
{
  g_autoptr(PmKpi) kpi = pm_kpi_new ("Families supported", PM_UNIT_COUNT, PM_DIRECTION_INCREASE);
  g_autoptr(PmTarget) target = pm_target_new (13, "2017-11-30");
  g_autofree char *none = pm_format_kpi_target (kpi);
  g_autofree char *set = NULL;

  g_assert_cmpstr (none, ==, "None set");
  g_assert_true (pm_kpi_add_target (kpi, target, NULL));
  set = pm_format_kpi_target (kpi);
  g_assert_cmpstr (set, ==, "13 by 30 November 2017");
}

/* The pilot page's KPI table: every milestone of a schedule, and the
 * status against the milestone the period heads for (issue 16). */
static void
test_kpi_row_schedule (void)
{
  g_autoptr(PmKpi) kpi = pm_kpi_new ("Children ready for school", PM_UNIT_COUNT, PM_DIRECTION_INCREASE);
  g_autoptr(PmBaseline) baseline = pm_baseline_new_value (30, "2020-03-31", NULL);
  g_autoptr(PmTarget) first = pm_target_new (40, "2021-03-31");
  g_autoptr(PmTarget) second = pm_target_new (60, "2022-03-31");
  g_autoptr(PmPeriod) q4 = pm_period_new (2020, 4);
  g_autoptr(PmProgressEntry) entry = pm_progress_entry_new (q4);
  g_autoptr(PmKpiRow) row = NULL;

  g_assert_true (pm_kpi_set_baseline (kpi, baseline, NULL));
  g_assert_true (pm_kpi_add_target (kpi, first, NULL));
  pm_target_set_milestone (second, 2);
  g_assert_true (pm_kpi_add_target (kpi, second, NULL));
  pm_progress_entry_set_value (entry, 41);
  g_assert_true (pm_kpi_set_entry (kpi, entry, NULL));

  row = pm_kpi_row_new (kpi, q4);
  g_assert_cmpstr (pm_kpi_row_get_target_text (row), ==, "40 by 31 March 2021; 60 by 31 March 2022");
  g_assert_cmpint (pm_kpi_row_get_rag (row), ==, PM_RAG_GREEN);
}

static void
test_parse_count (void)
{
  g_autoptr(GError) error = NULL;
  int count = -1;

  g_assert_true (pm_format_parse_count ("1,250", &count, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count, ==, 1250);

  count = 42;
  g_assert_false (pm_format_parse_count ("seven", &count, &error));
  g_assert_error (error, PM_MODEL_ERROR, PM_MODEL_ERROR_NOT_A_NUMBER);
  g_assert_cmpint (count, ==, 42);
  g_clear_error (&error);

  g_assert_false (pm_format_parse_count ("2.5", &count, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  g_assert_false (pm_format_parse_count ("-3", &count, &error));
  g_assert_nonnull (error);
  g_assert_cmpint (count, ==, 42);
}

static void
test_parse_period (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PmPeriod) label = pm_format_parse_period ("Q4 2016/17", &error);
  g_autoptr(PmPeriod) code = NULL;
  g_autoptr(PmPeriod) wrong_years = NULL;
  g_autoptr(PmPeriod) nonsense = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (label);
  g_assert_cmpint (pm_period_get_year (label), ==, 2016);
  g_assert_cmpint (pm_period_get_quarter (label), ==, 4);

  code = pm_format_parse_period (" FY2017-Q1 ", &error);
  g_assert_no_error (error);
  g_assert_cmpint (pm_period_get_index (code), ==, 2017 * 4);

  wrong_years = pm_format_parse_period ("Q4 2016/18", &error);
  g_assert_null (wrong_years);
  g_assert_error (error, PM_MODEL_ERROR, PM_MODEL_ERROR_INVALID_PERIOD);
  g_clear_error (&error);

  nonsense = pm_format_parse_period ("Q5 2016/17", &error);
  g_assert_null (nonsense);
  g_assert_error (error, PM_MODEL_ERROR, PM_MODEL_ERROR_INVALID_PERIOD);
}

/* A baseline is to be reported in a quarter: a year or a month is refused
 * here, though the period parser knows them. */
static void
test_parse_period_quarter_only (void)
{
  static const char * const refused[] = { "FY2020", "2020/21", "Oct 2020", "FY2020-M07" };
  g_autoptr(GError) error = NULL;
  g_autoptr(PmPeriod) typed = pm_format_parse_period ("q3 2020-21", &error);

  g_assert_no_error (error);
  g_assert_cmpint (pm_period_get_index (typed), ==, 2020 * 4 + 2);

  for (gsize i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(PmPeriod) period = pm_format_parse_period (refused[i], &error);

      g_assert_null (period);
      g_assert_error (error, PM_MODEL_ERROR, PM_MODEL_ERROR_INVALID_PERIOD);
      g_assert_nonnull (strstr (error->message, "is not a quarter"));
      g_clear_error (&error);
    }
}

static void
test_parse_date (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *date = NULL;

  g_assert_true (pm_format_parse_date ("  ", &date, &error));
  g_assert_null (date);
  g_assert_true (pm_format_parse_date (" 2016-10 ", &date, &error));
  g_assert_cmpstr (date, ==, "2016-10");
  g_clear_pointer (&date, g_free);

  g_assert_false (pm_format_parse_date ("2016-13-01", &date, &error));
  g_assert_error (error, PM_MODEL_ERROR, PM_MODEL_ERROR_INVALID_DATE);
  g_assert_null (date);
}

/* A small programme: Cannock with one pilot, two KPIs. */
static PmProgramme *
make_programme (PmKpi **out_count,
                PmKpi **out_percentage)
{
  PmProgramme *programme = pm_programme_new ("Test programme");
  g_autoptr(PmDistrict) district = pm_district_new ("Cannock Chase");
  g_autoptr(PmPilot) pilot = pm_pilot_new ("Community Family Intervention Service");
  g_autoptr(PmKpi) count = pm_kpi_new ("Referrals to LST", PM_UNIT_COUNT, PM_DIRECTION_REDUCE);
  g_autoptr(PmKpi) percentage = pm_kpi_new ("Families reporting improved outcomes",
                                            PM_UNIT_PERCENTAGE, PM_DIRECTION_INCREASE);
  g_autoptr(PmBaseline) baseline = pm_baseline_new_value (212, "2016-10", NULL);
  g_autoptr(PmBaseline) tbc = pm_baseline_new_state (PM_BASELINE_TO_BE_CONFIRMED);
  g_autoptr(PmProgressEntry) entry = NULL;
  g_autoptr(PmPeriod) q3 = pm_period_new (2016, 3);
  g_autoptr(PmProvider) provider = pm_provider_new ("WCFC");
  g_autoptr(PmReachEntry) reach = pm_reach_entry_new (q3, "WCFC", 7);

  g_assert_true (pm_kpi_set_baseline (count, baseline, NULL));
  g_assert_true (pm_kpi_set_baseline (percentage, tbc, NULL));
  entry = pm_progress_entry_new (q3);
  pm_progress_entry_set_value (entry, 200);
  g_assert_true (pm_kpi_set_entry (count, entry, NULL));

  pm_provider_set_reach_target (provider, 125);
  pm_pilot_add_provider (pilot, provider);
  pm_pilot_set_reach (pilot, reach);
  pm_pilot_add_kpi (pilot, count);
  pm_pilot_add_kpi (pilot, percentage);
  pm_district_add_pilot (district, pilot);
  g_assert_true (pm_programme_add_district (programme, district, NULL));

  *out_count = count;
  *out_percentage = percentage;
  return programme;
}

static void
test_period_range (void)
{
  PmKpi *count, *percentage;
  g_autoptr(PmProgramme) programme = make_programme (&count, &percentage);
  g_autoptr(PmPeriod) current = pm_period_new (2025, 2);
  int first, last;

  pm_period_range (programme, current, &first, &last);
  /* A year before Q3 2016/17, four quarters after the current one. */
  g_assert_cmpint (first, ==, 2016 * 4 + 2 - 4);
  g_assert_cmpint (last, ==, 2025 * 4 + 1 + 4);

  pm_period_range (NULL, current, &first, &last);
  g_assert_cmpint (first, ==, 2025 * 4 + 1 - 4);
  g_assert_cmpint (last, ==, 2025 * 4 + 1 + 4);
}

/* A monthly KPI's months and a yearly one's years widen the selector to
 * the quarters they end in, not to indexes of another frequency. */
static void
test_period_range_frequencies (void)
{
  PmKpi *count, *percentage;
  g_autoptr(PmProgramme) programme = make_programme (&count, &percentage);
  g_autoptr(PmPeriod) current = pm_period_new (2016, 3);
  g_autoptr(PmPeriod) march = pm_period_new_month (2017, 12);
  g_autoptr(PmPeriod) year = pm_period_new_year (2015);
  g_autoptr(PmProgressEntry) monthly = pm_progress_entry_new (march);
  g_autoptr(PmProgressEntry) yearly = pm_progress_entry_new (year);
  g_autoptr(PmPeriod) q3 = pm_period_new (2016, 3);
  g_autoptr(GHashTable) indexes = NULL;
  int first, last;

  /* Its quarterly value goes before the KPI becomes monthly. */
  g_assert_true (pm_kpi_remove_entry (count, q3));
  pm_kpi_set_frequency (count, PM_FREQUENCY_MONTHLY);
  pm_kpi_set_frequency (percentage, PM_FREQUENCY_YEARLY);
  pm_progress_entry_set_value (monthly, 5);
  pm_progress_entry_set_value (yearly, 6);
  g_assert_true (pm_kpi_set_entry (count, monthly, NULL));
  g_assert_true (pm_kpi_set_entry (percentage, yearly, NULL));

  pm_period_range (programme, current, &first, &last);
  /* March 2018 ends Q4 2017/18; 2015/16 ends with Q4 2015/16. */
  g_assert_cmpint (first, ==, 2015 * 4 + 3 - 4);
  g_assert_cmpint (last, ==, 2017 * 4 + 3 + 4);

  indexes = pm_period_indexes_with_values (programme);
  g_assert_cmpuint (g_hash_table_size (indexes), ==, 2);
  g_assert_true (g_hash_table_contains (indexes, GINT_TO_POINTER (2017 * 4 + 3)));
  g_assert_true (g_hash_table_contains (indexes, GINT_TO_POINTER (2015 * 4 + 3)));
}

static void
test_search (void)
{
  PmKpi *count, *percentage;
  g_autoptr(PmProgramme) programme = make_programme (&count, &percentage);
  PmPilot *pilot = pm_kpi_get_pilot (count);
  PmDistrict *district = pm_pilot_get_district (pilot);
  g_autofree char *by_kpi = pm_search_prepare ("  OUTCOMES ");
  g_autofree char *by_district = pm_search_prepare ("cannock");
  g_autofree char *by_provider = pm_search_prepare ("wcfc");
  g_autofree char *nowhere = pm_search_prepare ("Tamworth");

  g_assert_null (pm_search_prepare ("   "));
  g_assert_true (pm_search_pilot_matches (pilot, by_kpi));
  g_assert_true (pm_search_find_kpi (pilot, by_kpi) == percentage);
  g_assert_true (pm_search_pilot_matches (pilot, by_district));
  g_assert_true (pm_search_pilot_matches (pilot, by_provider));
  g_assert_false (pm_search_pilot_matches (pilot, nowhere));
  g_assert_false (pm_search_district_matches (district, nowhere));
  g_assert_true (pm_search_district_matches (district, by_kpi));
  g_assert_null (pm_search_find_kpi (pilot, nowhere));
}

static void
test_chase_list (void)
{
  PmKpi *count, *percentage;
  g_autoptr(PmProgramme) programme = make_programme (&count, &percentage);
  g_autoptr(GListStore) store = g_list_store_new (PM_TYPE_CHASE_ITEM);
  g_autoptr(PmPeriod) q3 = pm_period_new (2016, 3);
  g_autoptr(PmPeriod) q4 = pm_period_new (2016, 4);
  g_autoptr(PmChaseItem) first = NULL;
  g_autoptr(PmChaseItem) second = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *place = NULL;

  /* Q3: the percentage's baseline is to be confirmed and it has no value;
   * the count has its value. */
  pm_chase_list_fill (store, programme, NULL, q3);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 2);
  first = g_list_model_get_item (G_LIST_MODEL (store), 0);
  second = g_list_model_get_item (G_LIST_MODEL (store), 1);
  g_assert_true (pm_chase_item_get_kpi (first) == percentage);
  g_assert_cmpint (pm_chase_item_get_kind (first), ==, PM_CHASE_BASELINE);
  g_assert_true (pm_chase_item_get_kpi (second) == percentage);
  g_assert_cmpint (pm_chase_item_get_kind (second), ==, PM_CHASE_NO_VALUE);

  reason = pm_chase_item_get_reason (second);
  g_assert_cmpstr (reason, ==, "No value for Q3 2016/17");
  place = pm_chase_item_get_place (second);
  g_assert_cmpstr (place, ==, "Cannock Chase · Community Family Intervention Service");

  /* Q4: neither has a value, so both are chased, and the list is replaced. */
  pm_chase_list_fill (store, programme, NULL, q4);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 3);
}

/* The window opened on today's quarter, where nothing is entered: it
 * opens where the work is. */
static void
test_period_due (void)
{
  PmKpi *count, *percentage;
  g_autoptr(PmProgramme) programme = make_programme (&count, &percentage);
  g_autoptr(PmPeriod) today = pm_period_new (2026, 3);
  g_autoptr(PmPeriod) within = pm_period_new (2016, 4);
  g_autoptr(PmPeriod) q3 = pm_period_new (2016, 3);
  g_autoptr(PmProgressEntry) entry = pm_progress_entry_new (q3);
  g_autoptr(PmPeriod) partial = pm_period_due (programme, today);
  g_autoptr(PmPeriod) nothing = pm_period_due (NULL, today);
  g_autoptr(PmPeriod) complete = NULL;
  g_autoptr(PmPeriod) not_ended = NULL;
  g_autoptr(GHashTable) indexes = pm_period_indexes_with_values (programme);

  /* Q3 2016/17 has one KPI's value of two: still the one due. */
  g_assert_true (pm_period_equal (partial, q3));
  g_assert_cmpuint (g_hash_table_size (indexes), ==, 1);
  g_assert_true (g_hash_table_contains (indexes, GINT_TO_POINTER (pm_period_get_index (q3))));
  /* Nothing entered anywhere: the quarter that ended last. */
  g_assert_cmpint (pm_period_get_year (nothing), ==, 2026);
  g_assert_cmpint (pm_period_get_quarter (nothing), ==, 2);

  /* Every KPI has its value: the next quarter, once it has ended. */
  pm_progress_entry_set_value (entry, 40);
  g_assert_true (pm_kpi_set_entry (percentage, entry, NULL));
  complete = pm_period_due (programme, today);
  not_ended = pm_period_due (programme, within);
  g_assert_true (pm_period_equal (complete, within));
  g_assert_true (pm_period_equal (not_ended, q3));
}

static void
test_kpi_row (void)
{
  PmKpi *count, *percentage;
  g_autoptr(PmProgramme) programme = make_programme (&count, &percentage);
  g_autoptr(PmPeriod) q3 = pm_period_new (2016, 3);
  g_autoptr(PmPeriod) q4 = pm_period_new (2016, 4);
  g_autoptr(PmKpiRow) row = pm_kpi_row_new (count, q3);
  g_autoptr(PmProgressEntry) entry = pm_progress_entry_new (q4);
  /* A pointer, as g_nullify_pointer() writes one: a guint here let it
   * overwrite the neighbouring variable (valgrind saw the entry leak). */
  gpointer notified = NULL;

  g_assert_cmpstr (pm_kpi_row_get_title (row), ==, "Referrals to LST");
  g_assert_cmpstr (pm_kpi_row_get_value_text (row), ==, "200");
  g_assert_cmpstr (pm_kpi_row_get_change_text (row), ==, "−12");
  g_assert_cmpstr (pm_kpi_row_get_target_text (row), ==, "None set");

  pm_kpi_row_set_period (row, q4);
  g_assert_cmpstr (pm_kpi_row_get_value_text (row), ==, "Not entered");
  g_assert_cmpstr (pm_kpi_row_get_change_text (row), ==, "");

  /* The row follows the model: a value saved for Q4 shows at once. */
  g_signal_connect_swapped (row, "notify::value-text", G_CALLBACK (g_nullify_pointer), &notified);
  notified = &notified;
  pm_progress_entry_set_value (entry, 190);
  g_assert_true (pm_kpi_set_entry (count, entry, NULL));
  g_assert_null (notified);
  g_assert_cmpstr (pm_kpi_row_get_value_text (row), ==, "190");
  g_assert_cmpstr (pm_kpi_row_get_change_text (row), ==, "−22");
}

/* The Travel column showed ↑ for referrals that went down: it says the
 * word, and why, for a KPI that should go down. */
static void
test_kpi_row_travel (void)
{
  PmKpi *count, *percentage;
  g_autoptr(PmProgramme) programme = make_programme (&count, &percentage);
  g_autoptr(PmPeriod) q3 = pm_period_new (2016, 3);
  g_autoptr(PmPeriod) q4 = pm_period_new (2016, 4);
  g_autoptr(PmKpiRow) row = pm_kpi_row_new (count, q4);
  g_autoptr(PmKpiRow) first = pm_kpi_row_new (count, q3);
  g_autoptr(PmProgressEntry) entry = pm_progress_entry_new (q4);
  g_autofree char *reason = NULL;
  g_autofree char *first_reason = NULL;

  pm_progress_entry_set_value (entry, 201);
  g_assert_true (pm_kpi_set_entry (count, entry, NULL));

  g_object_get (row, "travel-reason", &reason, NULL);
  g_assert_cmpstr (pm_kpi_row_get_travel_label (row), ==, "Worsening");
  g_assert_cmpstr (reason, ==, "Worsening: up from 200 to 201, and this KPI should go down");

  g_object_get (first, "travel-reason", &first_reason, NULL);
  g_assert_cmpstr (pm_kpi_row_get_travel_label (first), ==, "Improving");
  g_assert_cmpstr (first_reason, ==, "Improving: down from a baseline of 212 to 200, and this KPI should go down");
}

static void
test_summary_row (void)
{
  PmKpi *count, *percentage;
  g_autoptr(PmProgramme) programme = make_programme (&count, &percentage);
  g_autoptr(PmPeriod) q3 = pm_period_new (2016, 3);
  PmPilot *pilot = pm_kpi_get_pilot (count);
  g_autoptr(PmSummaryRow) pilot_row = pm_summary_row_new (G_OBJECT (pilot), q3);
  g_autoptr(PmSummaryRow) total_row = pm_summary_row_new (G_OBJECT (programme), q3);
  g_autoptr(PmReachEntry) more = pm_reach_entry_new (q3, "WCFC", 25);
  guint counts[PM_N_RAG];
  guint total_counts[PM_N_RAG];

  g_assert_cmpstr (pm_summary_row_get_reach_text (pilot_row), ==, "7 of 125 families (6%)");
  g_assert_cmpstr (pm_summary_row_get_name (total_row), ==, "Programme total");
  g_assert_cmpstr (pm_summary_row_get_reach_text (total_row), ==, "7 of 125 families (6%)");

  pm_summary_row_get_rag_counts (pilot_row, counts);
  pm_summary_row_get_rag_counts (total_row, total_counts);
  g_assert_cmpuint (counts[PM_RAG_GREEN] + counts[PM_RAG_AMBER] + counts[PM_RAG_RED] + counts[PM_RAG_GREY], ==, 2);
  g_assert_cmpmem (counts, sizeof counts, total_counts, sizeof total_counts);

  /* Both follow a new reach figure. */
  pm_pilot_set_reach (pilot, more);
  g_assert_cmpstr (pm_summary_row_get_reach_text (pilot_row), ==, "25 of 125 families (20%)");
  g_assert_cmpstr (pm_summary_row_get_reach_text (total_row), ==, "25 of 125 families (20%)");
}

/* Who a window on a server is connected as, and why a page is read-only. */
static void
test_person_role (void)
{
  const char *one[] = { "Cannock Chase", NULL };
  const char *three[] = { "Cannock Chase", "Lichfield", "Tamworth", NULL };
  const char *none[] = { NULL };
  g_autofree char *lead = pm_format_person_role ("jo", PM_ACCESS_LEAD, one);
  g_autofree char *leads = pm_format_person_role ("jo", PM_ACCESS_LEAD, three);
  g_autofree char *unplaced = pm_format_person_role ("jo", PM_ACCESS_LEAD, none);
  g_autofree char *office = pm_format_person_role ("sam", PM_ACCESS_OFFICE, NULL);
  g_autofree char *viewer = pm_format_person_role ("committee", PM_ACCESS_VIEWER, NULL);
  g_autofree char *owner = pm_format_person_role ("pm_admin", PM_ACCESS_OWNER, NULL);
  g_autofree char *two = pm_format_name_list ((const char *[]) { "A", "B", NULL });
  g_autofree char *empty = pm_format_name_list (NULL);
  g_autofree char *other = pm_format_read_only_reason (PM_ACCESS_LEAD, "Tamworth", FALSE);
  g_autofree char *read = pm_format_read_only_reason (PM_ACCESS_VIEWER, "Tamworth", FALSE);

  g_assert_cmpstr (lead, ==, "jo, lead of Cannock Chase");
  g_assert_cmpstr (leads, ==, "jo, lead of Cannock Chase, Lichfield and Tamworth");
  g_assert_cmpstr (unplaced, ==, "jo, lead of no district yet");
  g_assert_cmpstr (office, ==, "sam, programme office");
  g_assert_cmpstr (viewer, ==, "committee, viewer: read only");
  g_assert_cmpstr (owner, ==, "pm_admin, owner");
  g_assert_cmpstr (two, ==, "A and B");
  g_assert_cmpstr (empty, ==, "");
  g_assert_cmpstr (other, ==, "Only Tamworth’s lead and the programme office can change these values.");
  g_assert_true (g_str_has_prefix (read, "You are a viewer of this programme"));
  g_assert_null (pm_format_read_only_reason (PM_ACCESS_LEAD, "Cannock Chase", TRUE));
  g_assert_cmpstr (pm_format_access (PM_ACCESS_LEAD), ==, "District lead");
}

/* A budget with no spending entered against it is not "£0 of" it. */
static void
test_summary_row_spend_not_reported (void)
{
  PmKpi *count, *percentage;
  g_autoptr(PmProgramme) programme = make_programme (&count, &percentage);
  g_autoptr(PmPeriod) q3 = pm_period_new (2016, 3);
  g_autoptr(PmSummaryRow) total_row = NULL;

  pm_pilot_set_budget_pence (pm_kpi_get_pilot (count), 5000000);
  total_row = pm_summary_row_new (G_OBJECT (programme), q3);
  g_assert_cmpstr (pm_summary_row_get_spend_text (total_row), ==, "Not reported, budget £50,000");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gui/format/css-classes", test_css_classes);
  g_test_add_func ("/gui/format/summary-row-spend-not-reported", test_summary_row_spend_not_reported);
  g_test_add_func ("/gui/format/lead-status-not-stated", test_lead_status_not_stated);
  g_test_add_func ("/gui/format/kpi-target", test_kpi_target);
  g_test_add_func ("/gui/format/kpi-row-schedule", test_kpi_row_schedule);
  g_test_add_func ("/gui/format/parse-count", test_parse_count);
  g_test_add_func ("/gui/format/parse-period", test_parse_period);
  g_test_add_func ("/gui/format/parse-period-quarter-only", test_parse_period_quarter_only);
  g_test_add_func ("/gui/format/period-range-frequencies", test_period_range_frequencies);
  g_test_add_func ("/gui/format/parse-date", test_parse_date);
  g_test_add_func ("/gui/format/period-range", test_period_range);
  g_test_add_func ("/gui/format/search", test_search);
  g_test_add_func ("/gui/format/chase-list", test_chase_list);
  g_test_add_func ("/gui/format/kpi-row", test_kpi_row);
  g_test_add_func ("/gui/format/period-due", test_period_due);
  g_test_add_func ("/gui/format/kpi-row-travel", test_kpi_row_travel);
  g_test_add_func ("/gui/format/summary-row", test_summary_row);
  g_test_add_func ("/gui/format/person-role", test_person_role);

  return g_test_run ();
}
