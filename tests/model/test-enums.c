/* test-enums.c: the names in files and the words for people
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "pm-enums.h"
#include "pm-person.h"

typedef struct
{
  int         value;
  const char *name;
} NameCase;

static void
check_names (GType           type,
             const NameCase *cases,
             gsize           n_cases)
{
  for (gsize i = 0; i < n_cases; i++)
    {
      int value = -1;

      g_assert_cmpstr (pm_enum_to_name (type, cases[i].value), ==, cases[i].name);
      g_assert_true (pm_enum_from_name (type, cases[i].name, &value));
      g_assert_cmpint (value, ==, cases[i].value);
    }
}

static void
test_enums_names (void)
{
  static const NameCase units[] = {
    { PM_UNIT_COUNT, "count" }, { PM_UNIT_PERCENTAGE, "percentage" },
    { PM_UNIT_DAYS, "days" }, { PM_UNIT_RATE, "rate" }, { PM_UNIT_MONEY, "money" },
  };
  static const NameCase directions[] = {
    { PM_DIRECTION_INCREASE, "increase" }, { PM_DIRECTION_REDUCE, "reduce" },
    { PM_DIRECTION_MAINTAIN, "maintain" },
  };
  static const NameCase measures[] = {
    { PM_MEASURE_PER_PERIOD, "per-period" }, { PM_MEASURE_CUMULATIVE, "cumulative" },
    { PM_MEASURE_LEVEL, "level" },
  };
  static const NameCase frequencies[] = {
    { PM_FREQUENCY_MONTHLY, "monthly" }, { PM_FREQUENCY_QUARTERLY, "quarterly" },
    { PM_FREQUENCY_YEARLY, "yearly" },
    { PM_FREQUENCY_CALENDAR_YEARLY, "calendar-yearly" },
  };
  static const NameCase states[] = {
    { PM_BASELINE_VALUE, "value" }, { PM_BASELINE_TO_BE_CONFIRMED, "to-be-confirmed" },
    { PM_BASELINE_TO_BE_REPORTED, "to-be-reported" }, { PM_BASELINE_NONE, "none" },
    { PM_BASELINE_AWAITING_DATA, "awaiting-data" },
  };
  static const NameCase deliveries[] = {
    { PM_DELIVERY_NOT_STARTED, "not-started" }, { PM_DELIVERY_ON_TRACK, "on-track" },
    { PM_DELIVERY_DELAYED, "delayed" }, { PM_DELIVERY_AT_RISK, "at-risk" },
    { PM_DELIVERY_COMPLETED, "completed" }, { PM_DELIVERY_NOT_STATED, "not-stated" },
  };
  static const NameCase spends[] = {
    { PM_SPEND_SPENT, "spent" }, { PM_SPEND_COMMITTED, "committed" },
  };
  static const NameCase rags[] = {
    { PM_RAG_GREY, "grey" }, { PM_RAG_RED, "red" }, { PM_RAG_AMBER, "amber" },
    { PM_RAG_GREEN, "green" },
  };
  static const NameCase travels[] = {
    { PM_TRAVEL_UNKNOWN, "unknown" }, { PM_TRAVEL_WORSENING, "worsening" },
    { PM_TRAVEL_STEADY, "steady" }, { PM_TRAVEL_IMPROVING, "improving" },
  };

  check_names (PM_TYPE_UNIT, units, G_N_ELEMENTS (units));
  check_names (PM_TYPE_DIRECTION, directions, G_N_ELEMENTS (directions));
  check_names (PM_TYPE_MEASURE, measures, G_N_ELEMENTS (measures));
  check_names (PM_TYPE_FREQUENCY, frequencies, G_N_ELEMENTS (frequencies));
  check_names (PM_TYPE_BASELINE_STATE, states, G_N_ELEMENTS (states));
  check_names (PM_TYPE_DELIVERY_STATUS, deliveries, G_N_ELEMENTS (deliveries));
  check_names (PM_TYPE_SPEND_STATUS, spends, G_N_ELEMENTS (spends));
  check_names (PM_TYPE_RAG, rags, G_N_ELEMENTS (rags));
  check_names (PM_TYPE_TRAVEL, travels, G_N_ELEMENTS (travels));
}

static void
test_enums_unknown_name (void)
{
  int value = 42;

  /* Names are exact: a file's typo must be caught, not guessed at. */
  g_assert_false (pm_enum_from_name (PM_TYPE_UNIT, "percent", &value));
  g_assert_false (pm_enum_from_name (PM_TYPE_UNIT, "Percentage", &value));
  g_assert_false (pm_enum_from_name (PM_TYPE_DIRECTION, "", &value));
  g_assert_false (pm_enum_from_name (PM_TYPE_DIRECTION, NULL, &value));
  g_assert_false (pm_enum_from_name (PM_TYPE_BASELINE_STATE, "PM_BASELINE_NONE", &value));
  g_assert_cmpint (value, ==, 42);

  g_assert_null (pm_enum_to_name (PM_TYPE_UNIT, 99));
}

static void
test_enums_labels (void)
{
  g_assert_cmpstr (pm_unit_get_label (PM_UNIT_PERCENTAGE), ==, "Percentage");
  g_assert_cmpstr (pm_direction_get_label (PM_DIRECTION_REDUCE), ==, "Reduce");
  g_assert_cmpstr (pm_measure_get_label (PM_MEASURE_CUMULATIVE), ==, "Cumulative");
  g_assert_cmpstr (pm_delivery_status_get_label (PM_DELIVERY_DELAYED), ==, "Delayed");
  g_assert_cmpstr (pm_delivery_status_get_label (PM_DELIVERY_AT_RISK), ==, "At risk");
  g_assert_cmpstr (pm_spend_status_get_label (PM_SPEND_COMMITTED), ==, "Committed");
  g_assert_cmpstr (pm_rag_get_label (PM_RAG_GREEN), ==, "Green");
  g_assert_cmpstr (pm_rag_get_label (PM_RAG_AMBER), ==, "Amber");
  g_assert_cmpstr (pm_travel_get_label (PM_TRAVEL_IMPROVING), ==, "Improving");

  g_assert_cmpstr (pm_rag_get_letter (PM_RAG_GREEN), ==, "G");
  g_assert_cmpstr (pm_rag_get_letter (PM_RAG_AMBER), ==, "A");
  g_assert_cmpstr (pm_rag_get_letter (PM_RAG_RED), ==, "R");
  g_assert_cmpstr (pm_rag_get_letter (PM_RAG_GREY), ==, "–");
}

/* The names the command line takes (--role), and a person as read. */
static void
test_enums_person (void)
{
  static const NameCase access[] = {
    { PM_ACCESS_OWNER, "owner" }, { PM_ACCESS_OFFICE, "office" },
    { PM_ACCESS_LEAD, "lead" }, { PM_ACCESS_VIEWER, "viewer" },
  };
  const char *districts[] = { "Cannock Chase", "Tamworth", NULL };
  g_autoptr(PmPerson) lead = pm_person_new ("jo", PM_ACCESS_LEAD, districts);
  g_autoptr(PmPerson) viewer = pm_person_new ("sam", PM_ACCESS_VIEWER, NULL);
  g_auto(GStrv) property = NULL;
  PmAccess value = PM_ACCESS_OWNER;

  check_names (PM_TYPE_ACCESS, access, G_N_ELEMENTS (access));
  g_assert_cmpstr (pm_access_get_label (PM_ACCESS_OFFICE), ==, "Programme office");
  g_assert_cmpstr (pm_access_get_label (PM_ACCESS_LEAD), ==, "District lead");

  g_assert_cmpstr (pm_person_get_name (lead), ==, "jo");
  g_assert_cmpint (pm_person_get_access (lead), ==, PM_ACCESS_LEAD);
  g_assert_cmpstrv (pm_person_get_districts (lead), districts);
  g_object_get (lead, "districts", &property, "access", &value, NULL);
  g_assert_cmpstrv (property, districts);
  g_assert_cmpint (value, ==, PM_ACCESS_LEAD);

  g_assert_cmpint (pm_person_get_access (viewer), ==, PM_ACCESS_VIEWER);
  g_assert_nonnull (pm_person_get_districts (viewer));
  g_assert_null (pm_person_get_districts (viewer)[0]);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/enums/names", test_enums_names);
  g_test_add_func ("/enums/unknown-name", test_enums_unknown_name);
  g_test_add_func ("/enums/labels", test_enums_labels);
  g_test_add_func ("/enums/person", test_enums_person);

  return g_test_run ();
}
