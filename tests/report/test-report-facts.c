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

/* ------------------------------------------------------------------ */
/* The notes on the data, found on the page */

/* One run of text of one font on one line, as `pdftohtml -xml` gives it,
 * in its coordinates (points scaled by the page's zoom). */
typedef struct
{
  guint    page;  /* from 0 */
  double   top;
  double   left;
  double   width;
  double   height;
  char    *font;
  GString *text;
} XmlLine;

typedef struct
{
  GPtrArray *lines;
  GArray    *page_heights;  /* double, in the same coordinates */
  XmlLine   *line;          /* being read */
} XmlParser;

static void
xml_line_free (gpointer data)
{
  XmlLine *line = data;

  g_free (line->font);
  g_string_free (line->text, TRUE);
  g_free (line);
}

static const char *
xml_attribute (const char **names,
               const char **values,
               const char  *name)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_equal (names[i], name))
      return values[i];

  return "0";
}

static void
xml_start (GMarkupParseContext  *context,
           const char           *element,
           const char          **names,
           const char          **values,
           gpointer              user_data,
           GError              **error)
{
  XmlParser *parser = user_data;

  if (g_str_equal (element, "page"))
    {
      double height = g_ascii_strtod (xml_attribute (names, values, "height"), NULL);

      g_array_append_val (parser->page_heights, height);
    }
  else if (g_str_equal (element, "text"))
    {
      parser->line = g_new0 (XmlLine, 1);
      parser->line->page = parser->page_heights->len - 1;
      parser->line->top = g_ascii_strtod (xml_attribute (names, values, "top"), NULL);
      parser->line->left = g_ascii_strtod (xml_attribute (names, values, "left"), NULL);
      parser->line->width = g_ascii_strtod (xml_attribute (names, values, "width"), NULL);
      parser->line->height = g_ascii_strtod (xml_attribute (names, values, "height"), NULL);
      parser->line->font = g_strdup (xml_attribute (names, values, "font"));
      parser->line->text = g_string_new (NULL);
    }
}

static void
xml_end (GMarkupParseContext  *context,
         const char           *element,
         gpointer              user_data,
         GError              **error)
{
  XmlParser *parser = user_data;

  if (g_str_equal (element, "text") && parser->line != NULL)
    g_ptr_array_add (parser->lines, g_steal_pointer (&parser->line));
}

static void
xml_text (GMarkupParseContext  *context,
          const char           *text,
          gsize                 length,
          gpointer              user_data,
          GError              **error)
{
  XmlParser *parser = user_data;

  /* Bold and italic runs are elements inside the line. */
  if (parser->line != NULL)
    g_string_append_len (parser->line->text, text, length);
}

static const char NOTES_LABEL[] = "Notes on the data:";

/* Where the notes on the data are printed in @path: boxes of (page,
 * x0, y0, x1, y1) in points, one per line of a note. A note is the line
 * that opens with the label the report prints before it, and the lines
 * under it in the same type that follow it line by line (the report sets
 * each note as one paragraph, in its own colour). */
static GArray *
note_boxes (const char *path,
            PdfText    *text)
{
  const char *argv[] = { "pdftohtml", "-xml", "-stdout", "-i", "-q", path, NULL };
  static const GMarkupParser callbacks = { xml_start, xml_end, xml_text, NULL, NULL };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (xml_line_free);
  g_autoptr(GArray) heights = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree gboolean *in_note = NULL;
  XmlParser parser = { lines, heights, NULL };
  GArray *boxes = g_array_new (FALSE, FALSE, sizeof (double) * 5);
  guint n_notes = 0;

  g_assert_cmpint (run_command (argv, NULL, &out, NULL), ==, 0);
  context = g_markup_parse_context_new (&callbacks, 0, &parser, NULL);
  g_markup_parse_context_parse (context, out, -1, &error);
  g_assert_no_error (error);
  g_markup_parse_context_end_parse (context, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (heights->len, ==, text->n_pages);

  in_note = g_new0 (gboolean, lines->len);
  for (guint i = 0; i < lines->len; i++)
    {
      XmlLine *first = g_ptr_array_index (lines, i);
      XmlLine *previous = first;
      g_autofree char *start = normalise_space (first->text->str);

      if (!g_str_has_prefix (start, NOTES_LABEL))
        continue;

      n_notes++;
      in_note[i] = TRUE;
      for (guint j = i + 1; j < lines->len; j++)
        {
          XmlLine *line = g_ptr_array_index (lines, j);
          double step = line->top - previous->top;

          if (line->page != first->page || !g_str_equal (line->font, first->font)
              || step < previous->height / 2 || step > previous->height * 1.6)
            break;
          in_note[j] = TRUE;
          previous = line;
        }
    }

  for (guint i = 0; i < lines->len; i++)
    if (in_note[i])
      {
        XmlLine *line = g_ptr_array_index (lines, i);
        double scale = g_array_index (heights, double, line->page)
                       / g_array_index (text->page_heights, double, line->page);
        double box[5] = { line->page, line->left / scale - 1, line->top / scale - 1,
                          (line->left + line->width) / scale + 1, (line->top + line->height) / scale + 1 };

        g_array_append_vals (boxes, box, 1);
      }

  /* Every note the page labels is one found here. */
  {
    g_autofree char *all = pdf_words_join (text->words, NULL);
    guint labelled = 0;

    for (const char *at = strstr (all, NOTES_LABEL); at != NULL; at = strstr (at + 1, NOTES_LABEL))
      labelled++;
    g_assert_cmpuint (n_notes, ==, labelled);
    g_assert_cmpuint (n_notes, >, 0);
  }

  return boxes;
}

/* The words of the PDF at @path, without those of its notes on the data. */
static PdfText *
text_without_notes (const char *path)
{
  g_autoptr(GError) error = NULL;
  PdfText *text = pdf_text_load (path, &error);
  g_autoptr(GArray) boxes = NULL;

  g_assert_no_error (error);
  boxes = note_boxes (path, text);

  for (guint w = text->words->len; w-- > 0;)
    {
      PdfWord *word = g_ptr_array_index (text->words, w);
      double x = (word->x0 + word->x1) / 2, y = (word->y0 + word->y1) / 2;

      for (guint b = 0; b < boxes->len; b++)
        {
          const double *box = &g_array_index (boxes, double, b * 5);

          if (box[0] == word->page && x >= box[1] && x <= box[3] && y >= box[2] && y <= box[4])
            {
              g_ptr_array_remove_index (text->words, w);
              break;
            }
        }
    }

  return text;
}

/* Where @phrase stands in @text (both folded) as a word of its own at
 * its end: "the report" is not "the reporting period". */
static const char *
find_phrase (const char *text,
             const char *phrase)
{
  g_autofree char *folded_phrase = folded (phrase);
  gsize length = strlen (folded_phrase);

  for (const char *at = strstr (text, folded_phrase); at != NULL; at = strstr (at + 1, folded_phrase))
    if (!g_ascii_isalpha (at[length]))
      return at;

  return NULL;
}

/* Nothing printed outside the notes on the data talks about the source:
 * not the summaries, narratives, value notes, baselines or status lines.
 * The appendix's own title ("Appendix A: District Pilots Progress") is the
 * paper's name, not a comment. */
static void
assert_pages_without_commentary (const char *path)
{
  g_autoptr(PdfText) text = text_without_notes (path);
  g_autofree char *joined = pdf_words_join (text->words, NULL);
  g_autofree char *folded_text = folded (joined);
  g_autofree char *title = g_utf8_casefold ("Appendix A: District Pilots Progress", -1);
  g_auto(GStrv) parts = g_strsplit (folded_text, title, -1);
  g_autofree char *joined_parts = g_strjoinv (" ", parts);
  g_autofree char *untitled = folded (joined_parts);
  static const char * const phrases[] = {
    "Appendix A", "report body", "the report", "the source", "transcri", NOTES_LABEL, NULL,
  };

  for (guint i = 0; phrases[i] != NULL; i++)
    {
      const char *at = find_phrase (untitled, phrases[i]);
      gsize from;

      if (at == NULL)
        continue;
      from = at - untitled > 160 ? (gsize) (at - untitled) - 160 : 0;
      g_error ("%s: “%s” printed outside the notes on the data: …%.320s…",
               path, phrases[i], untitled + from);
    }
}

static void
assert_field_without_commentary (const char *where,
                                 const char *field)
{
  g_autofree char *text = NULL;

  if (field == NULL)
    return;

  text = folded (field);
  for (guint i = 0; commentary[i] != NULL; i++)
    if (!g_str_equal (commentary[i], "appendix") && find_phrase (text, commentary[i]) != NULL)
      g_error ("%s comments on the source (“%s”): %s", where, commentary[i], field);
}

/* Every text field of the sample but its notes on the data, printed or
 * not (a target's reason shows in the window). */
static void
assert_programme_without_commentary (PmProgramme *programme)
{
  GListModel *districts = pm_programme_get_districts (programme);

  for (guint d = 0; d < g_list_model_get_n_items (districts); d++)
    {
      GListModel *pilots = pm_district_get_pilots (pm_test_item (districts, d));

      for (guint p = 0; p < g_list_model_get_n_items (pilots); p++)
        {
          PmPilot *pilot = pm_test_item (pilots, p);
          GListModel *narratives = pm_pilot_get_narratives (pilot);
          GListModel *kpis = pm_pilot_get_kpis (pilot);
          const char *title = pm_pilot_get_title (pilot);

          assert_field_without_commentary (title, pm_pilot_get_status_note (pilot));
          assert_field_without_commentary (title, pm_pilot_get_funding (pilot));
          assert_field_without_commentary (title, pm_pilot_get_focus_area (pilot));
          for (guint n = 0; n < g_list_model_get_n_items (narratives); n++)
            {
              PmNarrative *narrative = pm_test_item (narratives, n);

              assert_field_without_commentary (title, pm_narrative_get_progress (narrative));
              assert_field_without_commentary (title, pm_narrative_get_learning (narrative));
              assert_field_without_commentary (title, pm_narrative_get_case_study (narrative));
              assert_field_without_commentary (title, pm_narrative_get_risks (narrative));
              assert_field_without_commentary (title, pm_narrative_get_milestones (narrative));
            }
          for (guint k = 0; k < g_list_model_get_n_items (kpis); k++)
            {
              PmKpi *kpi = pm_test_item (kpis, k);
              GListModel *targets = pm_kpi_get_targets (kpi);
              GListModel *entries = pm_kpi_get_entries (kpi);
              const char *kpi_title = pm_kpi_get_title (kpi);

              assert_field_without_commentary (kpi_title, pm_baseline_get_note (pm_kpi_get_baseline (kpi)));
              for (guint t = 0; t < g_list_model_get_n_items (targets); t++)
                assert_field_without_commentary (kpi_title, pm_target_get_reason (pm_test_item (targets, t)));
              for (guint e = 0; e < g_list_model_get_n_items (entries); e++)
                assert_field_without_commentary (kpi_title,
                                                 pm_progress_entry_get_note (pm_test_item (entries, e)));
            }
        }
    }
}

/* Only the notes on the data talk about the source, in both documents
 * and in the programme itself. */
static void
test_no_commentary (void)
{
  g_autoptr(PmProgramme) programme = pm_test_sample_file_load ();
  g_autoptr(PmPeriod) period = pm_period_new (2016, 3);
  g_autoptr(PmReport) summary = pm_summary_report_new (programme, period, NULL);
  g_autofree char *appendix_path = export_appendix (programme);
  g_autofree char *summary_path = export (summary, "summary.pdf");

  assert_pages_without_commentary (summary_path);
  assert_pages_without_commentary (appendix_path);
  assert_programme_without_commentary (programme);
}

/* Every fact of each district's Appendix A Progress column, listed by hand
 * in tests/reference/appendix-a-progress-facts.tsv, is printed in that
 * district's summary, in its KPI table or narrative (after its key
 * outcomes, so not merely in its summary), and in the appendix; neither
 * counts a note on the data. */
static void
test_progress_facts (void)
{
  g_autoptr(PmProgramme) programme = pm_test_sample_file_load ();
  g_autoptr(PmPeriod) period = pm_period_new (2016, 3);
  g_autoptr(PmReport) summary = pm_summary_report_new (programme, period, NULL);
  g_autofree char *appendix_path = export_appendix (programme);
  g_autofree char *summary_path = export (summary, "summary.pdf");
  g_autoptr(PdfText) summary_text = text_without_notes (summary_path);
  g_autoptr(PdfText) appendix_text = text_without_notes (appendix_path);
  g_autoptr(GHashTable) sections = summary_texts (summary_text);
  g_autofree char *appendix = pdf_words_join (appendix_text->words, NULL);
  g_autoptr(GPtrArray) reference = reference_load ();
  g_autoptr(GPtrArray) districts = reference_districts (reference);
  g_autofree char *facts_path = g_build_filename (g_getenv ("PM_REFERENCE_DIR"),
                                                  "appendix-a-progress-facts.tsv", NULL);
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
      const char *section, *progress;
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

      section = g_hash_table_lookup (sections, fields[0]);
      g_assert_nonnull (section);
      progress = strstr (section, "Key outcomes");
      g_assert_nonnull (progress);

      if (!holds (progress, fields[1]))
        g_error ("%s: Appendix A's progress says “%s”, the district's summary does not "
                 "(outside the notes on the data):\n%s", fields[0], fields[1], progress);
      if (!holds (appendix, fields[1]))
        g_error ("%s: Appendix A's progress says “%s”, the printed appendix does not "
                 "(outside the notes on the data)", fields[0], fields[1]);
      counts[d]++;
    }

  for (guint d = 0; d < districts->len; d++)
    g_assert_cmpuint (counts[d], >=, 1);
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
  g_test_add_func ("/report/sample/no-commentary", test_no_commentary);
  g_test_add_func ("/report/sample/progress-facts", test_progress_facts);

  status = g_test_run ();

  pm_test_clear_dir (&tmp_dir);

  return status;
}
