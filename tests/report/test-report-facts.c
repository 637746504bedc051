/* test-report-facts.c: the sample's printed appendix says what Appendix A
 * says, and only that, in each field
 *
 * The facts of each district's Appendix A Summary are listed by hand in
 * tests/reference/appendix-a-summary-facts.tsv (short key phrases: names,
 * numbers, services), from the source, not from the code. Each must be in
 * that district's Summary column of the printed appendix. What the report
 * body adds, or where the source disagrees with itself, belongs in the
 * notes on the data, never in a summary.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "pm-appendix-report.h"
#include "pm-summary-report.h"

#include "pm-test-sample.h"
#include "report-checks.h"

static char *tmp_dir;

static char *
export (PmReport   *report,
        const char *name)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (tmp_dir, name, NULL);

  pm_report_set_printed_date (report, "2017-01-05");
  g_assert_true (pm_report_export_pdf (report, path, &error));
  g_assert_no_error (error);

  return path;
}

static char *
export_appendix (PmProgramme *programme)
{
  g_autoptr(PmPeriod) period = pm_period_new (2016, 3);
  g_autoptr(PmReport) report = pm_appendix_report_new (programme, period);

  return export (report, "appendix.pdf");
}

/* All the words, in poppler's reading order (a cell's lines together). */
static char *
whole_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdfText) text = pdf_text_load (path, &error);

  g_assert_no_error (error);

  return pdf_words_join (text->words, NULL);
}

/* Case and white space aside; a line broken after a slash ("mild/
 * moderate") joined again, as pdf_words_join () does for hyphens. */
static char *
folded (const char *text)
{
  g_autofree char *spaced = normalise_space (text);
  g_auto(GStrv) parts = g_strsplit (spaced, "/ ", -1);
  g_autofree char *joined = g_strjoinv ("/", parts);

  return g_utf8_casefold (joined, -1);
}

static gboolean
holds (const char *text,
       const char *phrase)
{
  g_autofree char *text_folded = folded (text);
  g_autofree char *phrase_folded = folded (phrase);

  return strstr (text_folded, phrase_folded) != NULL;
}

/* The text of @district's row of the appendix at @path, in the columns
 * from @from_column up to @to_column. */
static char *
row_text (const char *path,
          const char *district,
          guint       from_column,
          guint       to_column)
{
  g_autoptr(GPtrArray) reference = reference_load ();
  g_autoptr(GPtrArray) districts = reference_districts (reference);
  g_autoptr(GPtrArray) texts = appendix_column_texts (path, districts, from_column, to_column);

  for (guint d = 0; d < districts->len; d++)
    if (g_str_equal (g_ptr_array_index (districts, d), district))
      return g_strdup (g_ptr_array_index (texts, d));

  g_assert_not_reached ();
}

static const char * const commentary[] = {
  "Appendix A", "appendix", "report body", "the source", "the report", "transcri", NULL,
};

static void
assert_no_commentary (const char *where,
                      const char *text)
{
  for (guint i = 0; commentary[i] != NULL; i++)
    if (holds (text, commentary[i]))
      g_error ("%s: the summary comments on the source (“%s”):\n%s", where, commentary[i], text);
}

static void
test_summary_facts (void)
{
  g_autoptr(PmProgramme) programme = pm_test_sample_file_load ();
  g_autofree char *path = export_appendix (programme);
  g_autoptr(GPtrArray) reference = reference_load ();
  g_autoptr(GPtrArray) districts = reference_districts (reference);
  g_autoptr(GPtrArray) summaries = appendix_column_texts (path, districts, 1, 2);
  g_autofree char *facts_path = g_build_filename (g_getenv ("PM_REFERENCE_DIR"),
                                                  "appendix-a-summary-facts.tsv", NULL);
  g_autofree char *contents = NULL;
  g_autofree guint *counts = g_new0 (guint, districts->len);
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (facts_path, &contents, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\n", -1);
  g_assert_cmpstr (lines[0], ==, "district\tfact");

  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      guint d;

      if (lines[i][0] == '\0')
        continue;
      fields = g_strsplit (lines[i], "\t", -1);
      g_assert_cmpuint (g_strv_length (fields), ==, 2);

      for (d = 0; d < districts->len; d++)
        if (g_str_equal (g_ptr_array_index (districts, d), fields[0]))
          break;
      if (d == districts->len)
        g_error ("line %u: no district “%s” in Appendix A", i + 1, fields[0]);

      if (!holds (g_ptr_array_index (summaries, d), fields[1]))
        g_error ("%s: Appendix A's summary says “%s”, the printed summary does not:\n%s",
                 fields[0], fields[1], (char *) g_ptr_array_index (summaries, d));
      counts[d]++;
    }

  /* Every district's summary is checked, and none comments on the source,
   * in print or in the programme. */
  for (guint d = 0; d < districts->len; d++)
    {
      g_autoptr(PmPilot) pilot = NULL;
      PmDistrict *district = NULL;
      GListModel *list = pm_programme_get_districts (programme);

      g_assert_cmpuint (counts[d], >=, 5);
      assert_no_commentary (g_ptr_array_index (districts, d), g_ptr_array_index (summaries, d));

      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        if (g_str_equal (pm_district_get_name (pm_test_item (list, i)), g_ptr_array_index (districts, d)))
          district = pm_test_item (list, i);
      g_assert_nonnull (district);
      for (guint i = 0; i < g_list_model_get_n_items (pm_district_get_pilots (district)); i++)
        assert_no_commentary (pm_district_get_name (district),
                              pm_pilot_get_summary (pm_test_item (pm_district_get_pilots (district), i)));
    }
}

/* East Staffordshire's targets as the source states them, under KPIs whose
 * direction is the one their words say; Tamworth's exclusions per school,
 * with no total the source never gives; no baseline's date said twice. */
static void
test_targets_as_stated (void)
{
  g_autoptr(PmProgramme) programme = pm_test_sample_file_load ();
  g_autofree char *path = export_appendix (programme);
  g_autofree char *text = whole_text (path);
  g_autofree char *baselines = NULL;
  PmKpi *think2, *work, *permanent, *fixed;

  think2 = pm_test_find_kpi_titled (programme, "East Staffordshire", NULL,
                                    "An increase in the uptake of Think2 places and Children Centre attendance");
  work = pm_test_find_kpi_titled (programme, "East Staffordshire", NULL,
                                  "An increase in the number of people in paid or voluntary work, "
                                  "focussing on twelve families identified through BRFC in this ward");
  g_assert_cmpint (pm_kpi_get_direction (think2), ==, PM_DIRECTION_INCREASE);
  g_assert_cmpint (pm_kpi_get_direction (work), ==, PM_DIRECTION_INCREASE);

  /* "target a further 12 by 30/11/17", "4 of these into paid employment
   * by 30/11/17", and the baselines' 31 and 12 families. */
  baselines = row_text (path, "East Staffordshire", 4, 5);
  g_assert_nonnull (strstr (baselines, "0 of 31 families who had not applied for Think2 (April 2016) "
                                       "Target 12 by 30 November 2017"));
  g_assert_nonnull (strstr (baselines, "0 of 12 BRFC families in Shobnall with a household member out of work "
                                       "(November 2016) Target 4 by 30 November 2017"));
  g_assert_null (strstr (text, "Target 19"));
  g_assert_cmpint (find_token (text, "Target 8", 0), ==, -1);

  permanent = pm_test_find_kpi_titled (programme, "Tamworth", NULL, "Permanent exclusion rates for Rawlett & TEC - reduction");
  fixed = pm_test_find_kpi_titled (programme, "Tamworth", NULL, "Fixed exclusion rates for Rawlett & TEC - reduction");
  /* Counts given by school and no total: the total is their sum, printed
   * with the schools beside it. */
  g_assert_true (pm_baseline_has_value (pm_kpi_get_baseline (permanent)));
  g_assert_cmpfloat (pm_baseline_get_value (pm_kpi_get_baseline (permanent)), ==, 10);
  g_assert_true (pm_baseline_has_value (pm_kpi_get_baseline (fixed)));
  g_assert_cmpfloat (pm_baseline_get_value (pm_kpi_get_baseline (fixed)), ==, 139);
  g_clear_pointer (&baselines, g_free);
  baselines = row_text (path, "Tamworth", 4, 5);
  g_assert_nonnull (strstr (baselines, "10 (0 Rawlett and 10 TEC) school data 2014-15"));
  g_assert_nonnull (strstr (baselines, "139 (29 Rawlett and 110 TEC) school data 2014-15"));
  /* 2014-15 data has no month: no date the source does not give. */
  g_assert_null (strstr (baselines, "July 2015"));

  /* South Staffordshire's note is a note, not part of its first baseline. */
  g_clear_pointer (&baselines, g_free);
  baselines = row_text (path, "South Staffordshire", 4, 5);
  g_assert_true (g_str_has_prefix (baselines, "78 (November 2016) 93.6% (November 2016)"));
}

/* What the summary leaves out is printed as notes on the data, under the
 * pilot and under the KPI, in both documents. */
static void
test_notes_printed (void)
{
  g_autoptr(PmProgramme) programme = pm_test_sample_file_load ();
  g_autoptr(PmPeriod) period = pm_period_new (2016, 3);
  g_autoptr(PmReport) summary = pm_summary_report_new (programme, period, NULL);
  g_autofree char *appendix_path = export_appendix (programme);
  g_autofree char *summary_path = export (summary, "summary.pdf");
  /* The pilot's notes run across the table under its row, after the
   * columns row_text () reads. */
  g_autofree char *notes = whole_text (appendix_path);
  g_autofree char *summary_text = whole_text (summary_path);
  const char *kpi_title, *kpi_notes;

  /* Cannock's reach: 150 in Appendix A, 125 in the report body; under
   * the pilot in both documents. */
  g_assert_nonnull (strstr (notes, "Notes on the data: Reach: Appendix A's summary gives 150 families"));
  g_assert_nonnull (strstr (summary_text, "Notes on the data: Reach: Appendix A's summary gives 150 families"));
  g_assert_nonnull (strstr (summary_text, "the report body gives 125 within twelve months"));
  /* Moorlands' first cohort. */
  g_assert_nonnull (strstr (summary_text, "14 referrals, 1 of them deemed unsuitable"));

  /* A KPI's own notes, under its title. */
  kpi_title = strstr (notes, "Fixed exclusion rates for Rawlett & TEC");
  kpi_notes = strstr (kpi_title != NULL ? kpi_title : notes, "Notes on the data: Appendix A gives the figures per school (29 Rawlett, 110 TEC) "
                            "and no total.");
  g_assert_nonnull (kpi_title);
  g_assert_nonnull (kpi_notes);
  g_assert_true (kpi_notes > kpi_title);
  g_assert_nonnull (strstr (summary_text, "(29 Rawlett, 110 TEC)"));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  tmp_dir = pm_test_dir_new ("pm-report-facts");

  g_test_add_func ("/report/sample/summary-facts", test_summary_facts);
  g_test_add_func ("/report/sample/targets-as-stated", test_targets_as_stated);
  g_test_add_func ("/report/sample/notes-printed", test_notes_printed);

  status = g_test_run ();

  pm_test_clear_dir (&tmp_dir);

  return status;
}
