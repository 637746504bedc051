/* test-date-units.c: dates and values as people type and read them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include "pm-date.h"
#include "pm-kpi.h"

/* Dates */

static void
test_date_validate (void)
{
  static const char * const good[] = {
    "2016-10", "2017-11-30", "2016-02-29", "2000-01-01", "2016-12",
  };
  static const char * const bad[] = {
    "2017-02-29", "2016-13", "2016-00", "2016-1", "16-10-01", "2016/10/01",
    "2016-10-1", "2016-10-32", "", "abc", "2016-10-01T00", "2016-04-31",
    "0000-01", "2016-1a", " 2016-10",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (pm_date_validate (good[i], &error));
      g_assert_no_error (error);
    }

  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("validating “%s”", bad[i]);
      g_assert_false (pm_date_validate (bad[i], &error));
      g_assert_error (error, PM_MODEL_ERROR, PM_MODEL_ERROR_INVALID_DATE);
      g_assert_nonnull (strstr (error->message, bad[i]));
    }
}

static void
test_date_julian (void)
{
  GDate date;

  /* A month-only date means its first day. */
  g_assert_cmpuint (pm_date_to_julian ("2016-10"), ==, pm_date_to_julian ("2016-10-01"));
  g_assert_cmpuint (pm_date_to_julian ("2016-10-31") - pm_date_to_julian ("2016-10"), ==, 30);
  g_assert_cmpuint (pm_date_to_julian ("2017-03-31") - pm_date_to_julian ("2016-03-31"), ==, 365);
  g_assert_cmpuint (pm_date_to_julian ("2016-13"), ==, 0);
  g_assert_cmpuint (pm_date_to_julian (NULL), ==, 0);

  g_assert_true (pm_date_to_gdate ("2016-10", &date));
  g_assert_cmpint (g_date_get_day (&date), ==, 1);
  g_assert_cmpint (g_date_get_month (&date), ==, 10);
  g_assert_cmpint (g_date_get_year (&date), ==, 2016);
  g_assert_false (pm_date_to_gdate ("2016-02-30", &date));

  g_assert_true (pm_date_has_day ("2017-11-30"));
  g_assert_false (pm_date_has_day ("2017-11"));
  g_assert_false (pm_date_has_day ("2017-11-31"));
  g_assert_false (pm_date_has_day (NULL));
}

static void
test_date_format (void)
{
  g_autofree char *month = pm_date_format ("2016-10");
  g_autofree char *day = pm_date_format ("2017-11-30");
  g_autofree char *first = pm_date_format ("2000-01-01");
  g_autofree char *bad = pm_date_format ("2016-13");

  g_assert_cmpstr (month, ==, "October 2016");
  g_assert_cmpstr (day, ==, "30 November 2017");
  g_assert_cmpstr (first, ==, "1 January 2000");
  /* What was written, so it can be seen and corrected. */
  g_assert_cmpstr (bad, ==, "2016-13");
  g_assert_null (pm_date_format (NULL));
}

static void
test_date_compare (void)
{
  g_assert_cmpint (pm_date_compare ("2016-10", "2016-10-01"), ==, 0);
  g_assert_cmpint (pm_date_compare ("2016-10", "2016-10-02"), <, 0);
  g_assert_cmpint (pm_date_compare ("2016-11", "2016-10-31"), >, 0);
  g_assert_cmpint (pm_date_compare ("2016-10", "2016-11"), <, 0);
  g_assert_cmpint (pm_date_compare ("2017-01-01", "2016-12-31"), >, 0);
  /* Nothing sorts first. */
  g_assert_cmpint (pm_date_compare (NULL, "2016-10"), <, 0);
  g_assert_cmpint (pm_date_compare (NULL, NULL), ==, 0);
}

static void
test_date_today (void)
{
  g_autofree char *today = pm_date_today ();

  g_assert_true (pm_date_validate (today, NULL));
  g_assert_true (pm_date_has_day (today));
}

/* Validation */

static void
assert_invalid (PmUnit      unit,
                double      value,
                int         code,
                const char *message)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (pm_unit_validate_value (unit, value, &error));
  g_assert_error (error, PM_MODEL_ERROR, code);
  if (message != NULL)
    g_assert_cmpstr (error->message, ==, message);
}

static void
assert_valid (PmUnit unit,
              double value)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pm_unit_validate_value (unit, value, &error));
  g_assert_no_error (error);
}

static void
test_units_validate_not_a_number (void)
{
  for (PmUnit unit = PM_UNIT_COUNT; unit <= PM_UNIT_MONEY; unit++)
    {
      assert_invalid (unit, NAN, PM_MODEL_ERROR_NOT_A_NUMBER, NULL);
      assert_invalid (unit, INFINITY, PM_MODEL_ERROR_NOT_A_NUMBER, NULL);
      assert_invalid (unit, -INFINITY, PM_MODEL_ERROR_NOT_A_NUMBER, NULL);
    }
}

static void
test_units_validate_percentage (void)
{
  assert_valid (PM_UNIT_PERCENTAGE, 0);
  assert_valid (PM_UNIT_PERCENTAGE, 44.8);
  assert_valid (PM_UNIT_PERCENTAGE, 100);
  assert_invalid (PM_UNIT_PERCENTAGE, 140, PM_MODEL_ERROR_OUT_OF_RANGE,
                  "140% is not a percentage: it must be between 0 and 100.");
  assert_invalid (PM_UNIT_PERCENTAGE, 100.5, PM_MODEL_ERROR_OUT_OF_RANGE,
                  "100.5% is not a percentage: it must be between 0 and 100.");
  assert_invalid (PM_UNIT_PERCENTAGE, -1, PM_MODEL_ERROR_OUT_OF_RANGE,
                  "−1% is not a percentage: it must be between 0 and 100.");
}

static void
test_units_validate_whole (void)
{
  assert_valid (PM_UNIT_COUNT, 0);
  assert_valid (PM_UNIT_COUNT, 1250);
  assert_invalid (PM_UNIT_COUNT, -1, PM_MODEL_ERROR_OUT_OF_RANGE, "A count cannot be negative.");
  assert_invalid (PM_UNIT_COUNT, 2.5, PM_MODEL_ERROR_NOT_WHOLE, "A count must be a whole number, not 2.5.");

  assert_valid (PM_UNIT_DAYS, 41);
  assert_invalid (PM_UNIT_DAYS, -3, PM_MODEL_ERROR_OUT_OF_RANGE, "A number of days cannot be negative.");
  assert_invalid (PM_UNIT_DAYS, 1.5, PM_MODEL_ERROR_NOT_WHOLE, NULL);

  assert_valid (PM_UNIT_MONEY, 490000);
  assert_invalid (PM_UNIT_MONEY, -100, PM_MODEL_ERROR_OUT_OF_RANGE, "An amount of money cannot be negative.");
  assert_invalid (PM_UNIT_MONEY, 0.5, PM_MODEL_ERROR_NOT_WHOLE, "An amount of money must be in whole pence.");
}

static void
test_units_validate_rate (void)
{
  assert_valid (PM_UNIT_RATE, 0);
  assert_valid (PM_UNIT_RATE, 3.5);
  assert_valid (PM_UNIT_RATE, 1234.56);
  assert_invalid (PM_UNIT_RATE, -0.1, PM_MODEL_ERROR_OUT_OF_RANGE, "A rate cannot be negative.");
}

/* Parsing */

static void
assert_parses (PmUnit      unit,
               const char *text,
               double      expected)
{
  g_autoptr(GError) error = NULL;
  double value = -12345;

  g_test_message ("parsing “%s”", text);
  g_assert_true (pm_unit_parse_value (unit, text, &value, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (value, expected, 1e-9);
}

static void
assert_refused (PmUnit      unit,
                const char *text,
                int         code)
{
  g_autoptr(GError) error = NULL;
  double value = -12345;

  g_test_message ("parsing “%s”", text);
  g_assert_false (pm_unit_parse_value (unit, text, &value, &error));
  g_assert_error (error, PM_MODEL_ERROR, code);
  /* Nothing is half-written on failure. */
  g_assert_cmpfloat (value, ==, -12345);
}

static void
test_units_parse_not_a_number (void)
{
  static const char * const bad[] = {
    "12abc", "", "   ", "abc", "1e", "--1", "1e5", "inf", "nan", "0x10", "1.",
    ".", "-", "1 2", "1.2.3", "12,50", "1,2500", ",250", "1250,", "1,,250", "1,250.5,0",
    "1234,567", "1,23,456", "1,234,56",
  };

  for (PmUnit unit = PM_UNIT_COUNT; unit <= PM_UNIT_MONEY; unit++)
    for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
      assert_refused (unit, bad[i], PM_MODEL_ERROR_NOT_A_NUMBER);
}

static void
test_units_parse_messages (void)
{
  g_autoptr(GError) error = NULL;
  double value;

  g_assert_false (pm_unit_parse_value (PM_UNIT_COUNT, " 12abc ", &value, &error));
  g_assert_cmpstr (error->message, ==, "“12abc” is not a number.");
  g_clear_error (&error);

  g_assert_false (pm_unit_parse_value (PM_UNIT_PERCENTAGE, "140%", &value, &error));
  g_assert_error (error, PM_MODEL_ERROR, PM_MODEL_ERROR_OUT_OF_RANGE);
  g_assert_cmpstr (error->message, ==, "140% is not a percentage: it must be between 0 and 100.");
  g_clear_error (&error);

  g_assert_false (pm_unit_parse_value (PM_UNIT_COUNT, "", &value, &error));
  g_assert_error (error, PM_MODEL_ERROR, PM_MODEL_ERROR_NOT_A_NUMBER);
  g_assert_cmpstr (error->message, ==, "No number was entered.");
  g_clear_error (&error);

  /* Too large for a double: named as typed, not as "inf". */
  {
    g_autofree char *huge = g_strnfill (400, '9');

    g_assert_false (pm_unit_parse_value (PM_UNIT_RATE, huge, &value, &error));
    g_assert_error (error, PM_MODEL_ERROR, PM_MODEL_ERROR_NOT_A_NUMBER);
    g_assert_true (g_str_has_prefix (error->message, "“999"));
  }
}

static void
test_units_parse_percentage (void)
{
  assert_parses (PM_UNIT_PERCENTAGE, "44.8", 44.8);
  assert_parses (PM_UNIT_PERCENTAGE, "44.8%", 44.8);
  assert_parses (PM_UNIT_PERCENTAGE, " 80 % ", 80);
  assert_parses (PM_UNIT_PERCENTAGE, "0", 0);
  assert_parses (PM_UNIT_PERCENTAGE, "100%", 100);
  assert_parses (PM_UNIT_PERCENTAGE, ".5", 0.5);
  assert_refused (PM_UNIT_PERCENTAGE, "140%", PM_MODEL_ERROR_OUT_OF_RANGE);
  assert_refused (PM_UNIT_PERCENTAGE, "-1", PM_MODEL_ERROR_OUT_OF_RANGE);
  assert_refused (PM_UNIT_PERCENTAGE, "%", PM_MODEL_ERROR_NOT_A_NUMBER);
  assert_refused (PM_UNIT_PERCENTAGE, "44.8%%", PM_MODEL_ERROR_NOT_A_NUMBER);
  /* Other units' decoration is not allowed. */
  assert_refused (PM_UNIT_PERCENTAGE, "£5", PM_MODEL_ERROR_NOT_A_NUMBER);
  assert_refused (PM_UNIT_PERCENTAGE, "5 days", PM_MODEL_ERROR_NOT_A_NUMBER);
}

static void
test_units_parse_count (void)
{
  assert_parses (PM_UNIT_COUNT, "1,250", 1250);
  assert_parses (PM_UNIT_COUNT, "1,250,000", 1250000);
  assert_parses (PM_UNIT_COUNT, "1250", 1250);
  assert_parses (PM_UNIT_COUNT, "+7", 7);
  assert_parses (PM_UNIT_COUNT, "  17 ", 17);
  assert_refused (PM_UNIT_COUNT, "-3", PM_MODEL_ERROR_OUT_OF_RANGE);
  assert_refused (PM_UNIT_COUNT, "2.5", PM_MODEL_ERROR_NOT_WHOLE);
  assert_refused (PM_UNIT_COUNT, "5%", PM_MODEL_ERROR_NOT_A_NUMBER);
  assert_refused (PM_UNIT_COUNT, "£5", PM_MODEL_ERROR_NOT_A_NUMBER);
}

static void
test_units_parse_days (void)
{
  assert_parses (PM_UNIT_DAYS, "41 days", 41);
  assert_parses (PM_UNIT_DAYS, "1 day", 1);
  assert_parses (PM_UNIT_DAYS, "41", 41);
  assert_parses (PM_UNIT_DAYS, "35days", 35);
  assert_refused (PM_UNIT_DAYS, "41 weeks", PM_MODEL_ERROR_NOT_A_NUMBER);
  assert_refused (PM_UNIT_DAYS, "days", PM_MODEL_ERROR_NOT_A_NUMBER);
  assert_refused (PM_UNIT_DAYS, "41%", PM_MODEL_ERROR_NOT_A_NUMBER);
  assert_refused (PM_UNIT_DAYS, "2.5 days", PM_MODEL_ERROR_NOT_WHOLE);
  assert_refused (PM_UNIT_DAYS, "-2 days", PM_MODEL_ERROR_OUT_OF_RANGE);
}

static void
test_units_parse_money (void)
{
  /* Pounds as typed, pence as kept. */
  assert_parses (PM_UNIT_MONEY, "£4,900", 490000);
  assert_parses (PM_UNIT_MONEY, "4900.5", 490050);
  assert_parses (PM_UNIT_MONEY, "4900.00", 490000);
  assert_parses (PM_UNIT_MONEY, "£ 30,000", 3000000);
  assert_parses (PM_UNIT_MONEY, "£0.29", 29);
  assert_parses (PM_UNIT_MONEY, "£1,234,567.89", 123456789);
  assert_refused (PM_UNIT_MONEY, "£4.905", PM_MODEL_ERROR_NOT_WHOLE);
  assert_refused (PM_UNIT_MONEY, "-5", PM_MODEL_ERROR_OUT_OF_RANGE);
  assert_refused (PM_UNIT_MONEY, "£", PM_MODEL_ERROR_NOT_A_NUMBER);
  assert_refused (PM_UNIT_MONEY, "4,900%", PM_MODEL_ERROR_NOT_A_NUMBER);
  assert_refused (PM_UNIT_MONEY, "$4,900", PM_MODEL_ERROR_NOT_A_NUMBER);
}

static void
test_units_parse_rate (void)
{
  assert_parses (PM_UNIT_RATE, "3.5", 3.5);
  assert_parses (PM_UNIT_RATE, "1,234.56", 1234.56);
  assert_refused (PM_UNIT_RATE, "-0.5", PM_MODEL_ERROR_OUT_OF_RANGE);
  assert_refused (PM_UNIT_RATE, "3.5%", PM_MODEL_ERROR_NOT_A_NUMBER);
}

/* Thousands are grouped in threes after a first group of one to three
 * digits that does not start with 0; any other comma could mean more
 * than one number, and is refused, saying why, in every unit. */
static void
test_units_parse_grouping (void)
{
  static const char * const ambiguous[] = {
    "0,500", "0,5", "1,23", "12,3456", "01,234", "1,2345,678", "1.234,5", ",500",
    "1234,567", "12,345,67", "0,000",
  };
  g_autoptr(GError) error = NULL;
  double value = 0;

  assert_parses (PM_UNIT_COUNT, "1,234", 1234);
  assert_parses (PM_UNIT_COUNT, "12,345,678", 12345678);
  assert_parses (PM_UNIT_COUNT, "999,999,999,999,999", 999999999999999.0);
  assert_parses (PM_UNIT_RATE, "100,000.25", 100000.25);
  assert_parses (PM_UNIT_MONEY, "£12,345.60", 1234560);
  assert_parses (PM_UNIT_DAYS, "1,000 days", 1000);
  assert_parses (PM_UNIT_PERCENTAGE, "0.500", 0.5);

  for (PmUnit unit = PM_UNIT_COUNT; unit <= PM_UNIT_MONEY; unit++)
    for (gsize i = 0; i < G_N_ELEMENTS (ambiguous); i++)
      assert_refused (unit, ambiguous[i], PM_MODEL_ERROR_NOT_A_NUMBER);

  g_assert_false (pm_unit_parse_value (PM_UNIT_COUNT, " 0,500 ", &value, &error));
  g_assert_error (error, PM_MODEL_ERROR, PM_MODEL_ERROR_NOT_A_NUMBER);
  g_assert_cmpstr (error->message, ==,
                   "“0,500” is ambiguous: a comma may only separate thousands, as in 1,234 or "
                   "12,345,678. Write a decimal with a point (0.5), or leave the comma out.");
  g_clear_error (&error);
  g_assert_false (pm_unit_parse_value (PM_UNIT_PERCENTAGE, "12,5%", &value, &error));
  g_assert_true (g_str_has_prefix (error->message, "“12,5%” is ambiguous"));
  g_clear_error (&error);

  /* Not a number at all is said as before. */
  g_assert_false (pm_unit_parse_value (PM_UNIT_COUNT, "1,2a", &value, &error));
  g_assert_cmpstr (error->message, ==, "“1,2a” is not a number.");
}

/* A count or days a few units in the last place from a whole number is
 * that number; a real fraction is refused with the value as typed. */
static void
test_units_parse_nearly_whole (void)
{
  g_autoptr(GError) error = NULL;
  double value = 0;

  assert_parses (PM_UNIT_COUNT, "5.000000000000001", 5);
  assert_parses (PM_UNIT_COUNT, "4.999999999999999", 5);
  assert_parses (PM_UNIT_COUNT, "1,234.0000000000002", 1234);
  assert_parses (PM_UNIT_DAYS, "41.00000000000001 days", 41);
  assert_parses (PM_UNIT_COUNT, "0.0000000000000001", 0);
  g_assert_true (pm_unit_parse_value (PM_UNIT_COUNT, "5.000000000000001", &value, &error));
  g_assert_cmpfloat (value, ==, 5);
  g_assert_true (value == floor (value));

  /* Other units keep what was typed. */
  g_assert_true (pm_unit_parse_value (PM_UNIT_RATE, "5.000000000000001", &value, &error));
  g_assert_cmpfloat (value, >, 5);

  g_assert_false (pm_unit_parse_value (PM_UNIT_COUNT, "5.0000001", &value, &error));
  g_assert_error (error, PM_MODEL_ERROR, PM_MODEL_ERROR_NOT_WHOLE);
  g_assert_cmpstr (error->message, ==, "A count must be a whole number, not 5.0000001.");
  g_clear_error (&error);
  g_assert_false (pm_unit_parse_value (PM_UNIT_COUNT, " 1,234.5 ", &value, &error));
  g_assert_cmpstr (error->message, ==, "A count must be a whole number, not 1,234.5.");
  g_clear_error (&error);
  g_assert_false (pm_unit_parse_value (PM_UNIT_DAYS, "2.0000000001 days", &value, &error));
  g_assert_error (error, PM_MODEL_ERROR, PM_MODEL_ERROR_NOT_WHOLE);
  g_assert_cmpstr (error->message, ==, "Days must be a whole number, not 2.0000000001.");
  g_clear_error (&error);
  g_assert_false (pm_unit_parse_value (PM_UNIT_COUNT, "0.5", &value, &error));
  g_assert_cmpstr (error->message, ==, "A count must be a whole number, not 0.5.");
}

/* Formatting */

static void
assert_format (PmUnit      unit,
               double      value,
               const char *expected)
{
  g_autofree char *text = pm_unit_format_value (unit, value);

  g_assert_cmpstr (text, ==, expected);
}

static void
assert_change (PmUnit      unit,
               double      change,
               const char *expected)
{
  g_autofree char *text = pm_unit_format_change (unit, change);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_units_format_value (void)
{
  assert_format (PM_UNIT_COUNT, 1250, "1,250");
  assert_format (PM_UNIT_COUNT, 0, "0");
  assert_format (PM_UNIT_COUNT, 999, "999");
  assert_format (PM_UNIT_COUNT, 1234567, "1,234,567");

  assert_format (PM_UNIT_PERCENTAGE, 44.8, "44.8%");
  assert_format (PM_UNIT_PERCENTAGE, 80, "80%");
  assert_format (PM_UNIT_PERCENTAGE, 100.0 * 1 / 3, "33.3%");
  assert_format (PM_UNIT_PERCENTAGE, 93.96, "94%");

  assert_format (PM_UNIT_DAYS, 41, "41 days");
  assert_format (PM_UNIT_DAYS, 1, "1 day");
  assert_format (PM_UNIT_DAYS, 0, "0 days");

  assert_format (PM_UNIT_MONEY, 490000, "£4,900");
  assert_format (PM_UNIT_MONEY, 490050, "£4,900.50");
  assert_format (PM_UNIT_MONEY, 5, "£0.05");
  assert_format (PM_UNIT_MONEY, 0, "£0");
  assert_format (PM_UNIT_MONEY, 123456789, "£1,234,567.89");

  assert_format (PM_UNIT_RATE, 3.5, "3.5");
  assert_format (PM_UNIT_RATE, 3.456, "3.46");
  assert_format (PM_UNIT_RATE, 1000, "1,000");
}

static void
test_units_format_change (void)
{
  assert_change (PM_UNIT_PERCENTAGE, 2.1, "+2.1 pts");
  assert_change (PM_UNIT_PERCENTAGE, -2.1, "−2.1 pts");
  assert_change (PM_UNIT_PERCENTAGE, 1, "+1 pt");
  assert_change (PM_UNIT_PERCENTAGE, 93.9 - 91.8, "+2.1 pts");

  assert_change (PM_UNIT_DAYS, -6, "−6 days");
  assert_change (PM_UNIT_DAYS, 1, "+1 day");

  assert_change (PM_UNIT_MONEY, 100000, "+£1,000");
  assert_change (PM_UNIT_MONEY, -50, "−£0.50");

  assert_change (PM_UNIT_COUNT, -12, "−12");
  assert_change (PM_UNIT_COUNT, 1250, "+1,250");

  assert_change (PM_UNIT_RATE, 0.5, "+0.5");

  /* No change has no sign. */
  assert_change (PM_UNIT_COUNT, 0, "0");
  assert_change (PM_UNIT_PERCENTAGE, 0.01, "0 pts");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/date/validate", test_date_validate);
  g_test_add_func ("/date/julian", test_date_julian);
  g_test_add_func ("/date/format", test_date_format);
  g_test_add_func ("/date/compare", test_date_compare);
  g_test_add_func ("/date/today", test_date_today);

  g_test_add_func ("/units/validate/not-a-number", test_units_validate_not_a_number);
  g_test_add_func ("/units/validate/percentage", test_units_validate_percentage);
  g_test_add_func ("/units/validate/whole", test_units_validate_whole);
  g_test_add_func ("/units/validate/rate", test_units_validate_rate);
  g_test_add_func ("/units/parse/not-a-number", test_units_parse_not_a_number);
  g_test_add_func ("/units/parse/messages", test_units_parse_messages);
  g_test_add_func ("/units/parse/percentage", test_units_parse_percentage);
  g_test_add_func ("/units/parse/count", test_units_parse_count);
  g_test_add_func ("/units/parse/days", test_units_parse_days);
  g_test_add_func ("/units/parse/money", test_units_parse_money);
  g_test_add_func ("/units/parse/rate", test_units_parse_rate);
  g_test_add_func ("/units/parse/grouping", test_units_parse_grouping);
  g_test_add_func ("/units/parse/nearly-whole", test_units_parse_nearly_whole);
  g_test_add_func ("/units/format/value", test_units_format_value);
  g_test_add_func ("/units/format/change", test_units_format_change);

  return g_test_run ();
}
