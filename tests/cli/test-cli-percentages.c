/* test-cli-percentages.c: a percentage's parts through --import-csv,
 * --export-csv and the summary; --list judging a period
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib.h>

#include "pm-test-common.h"


typedef PmTestFolder Fixture;

/* The line of @list for the KPI whose title starts @prefix in @district,
 * split into its fields. */
static GStrv
find_line (const char *list,
           const char *district,
           const char *prefix)
{
  g_auto(GStrv) lines = g_strsplit (list, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", -1);

      if (fields[0] != NULL && g_str_equal (fields[0], district) &&
          fields[1] != NULL && fields[2] != NULL && g_str_has_prefix (fields[2], prefix))
        return g_steal_pointer (&fields);
    }

  g_error ("no line for %s / %s in:\n%s", district, prefix, list);
  return NULL;
}

/* --list --period judges each KPI as the rule in the README says,
 * worked here by hand from the reference transcription: Cannock Chase's
 * WCFC KPI has a baseline of 0 in October 2016 (from its first day), a
 * target of 75 on 31 October 2017, and 5 families in Q3 2016/17, which
 * ends on 31 December 2016. */
static void
test_list_period (Fixture       *fixture,
                  gconstpointer  data)
{
  g_auto(PmTestRun) create = pm_test_cli_run (fixture->dir, "--database", fixture->path, "--sample", NULL);
  g_auto(PmTestRun) list = { 0, };
  g_auto(PmTestRun) plain = { 0, };
  g_auto(PmTestRun) bad = { 0, };
  g_auto(GStrv) wcfc = NULL;
  g_auto(GStrv) community = NULL;
  g_auto(GStrv) wcfc_plain = NULL;
  g_autoptr(GDate) baseline_day = g_date_new_dmy (1, G_DATE_OCTOBER, 2016);
  g_autoptr(GDate) target_day = g_date_new_dmy (31, G_DATE_OCTOBER, 2017);
  g_autoptr(GDate) period_end = g_date_new_dmy (31, G_DATE_DECEMBER, 2016);
  double profiled;
  g_autofree char *profiled_text = NULL;

  /* 91 days of 395: 17.28; 5 is 12.28 short, beyond a tenth of the
   * 75 between baseline and target, so red. */
  profiled = 75.0 * g_date_days_between (baseline_day, period_end) / g_date_days_between (baseline_day, target_day);
  profiled_text = g_strdup_printf ("%.2f", profiled);
  g_assert_cmpstr (profiled_text, ==, "17.28");
  g_assert_cmpfloat (profiled - 5, >, 0.1 * 75);

  g_assert_cmpint (create.status, ==, 0);
  list = pm_test_cli_run (fixture->dir, "--database", fixture->path, "--list", "--period", "FY2016-Q3", NULL);
  g_assert_cmpint (list.status, ==, 0);
  wcfc = find_line (list.out, "Cannock Chase", "WCFC to work with 75 families");
  g_assert_cmpuint (g_strv_length (wcfc), ==, 13);
  g_assert_cmpstr (wcfc[10], ==, "R");
  g_assert_cmpstr (wcfc[11], ==, profiled_text);
  g_assert_cmpstr (wcfc[12], ==, "5");

  /* A baseline "To be confirmed" cannot be judged: a value, no target. */
  community = find_line (list.out, "Cannock Chase", "Increase the number of families accessing");
  g_assert_cmpstr (community[10], ==, "–");
  g_assert_cmpstr (community[11], ==, "");
  g_assert_cmpstr (community[12], ==, "7");

  /* Without --period, the ten fields as before. */
  plain = pm_test_cli_run (fixture->dir, "--database", fixture->path, "--list", NULL);
  wcfc_plain = find_line (plain.out, "Cannock Chase", "WCFC to work with 75 families");
  g_assert_cmpuint (g_strv_length (wcfc_plain), ==, 10);

  bad = pm_test_cli_run (fixture->dir, "--database", fixture->path, "--list", "--period", "Q9 2016", NULL);
  g_assert_cmpint (bad.status, !=, 0);
  g_assert_cmpstr (bad.out, ==, "");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, "pilots.db", pm_test_folder_set_up, func, pm_test_folder_tear_down)

  ADD ("/cli/list/period", test_list_period);

  return g_test_run ();
}
