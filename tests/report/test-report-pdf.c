/* test-report-pdf.c: the printed documents as a reader meets them
 *
 * Tagging, outline and metadata for those who use a screen reader, read
 * back with poppler's pdfinfo and pdftohtml; type sizes measured with
 * pdftotext -bbox; the length of the appendix.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib/gstdio.h>

#include "pm-appendix-report.h"
#include "pm-report-private.h"
#include "pm-summary-report.h"

#include "pm-test-sample.h"
#include "report-checks.h"

/* pdftotext measures a Cantarell word 1.2 times its size high. */
#define HEIGHT_OF(points) ((points) * 1.2 - 0.05)

static char *tmp_dir;
static GPtrArray *reference;

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
run (const char *tool,
     const char *option,
     const char *path)
{
  const char *argv[] = { tool, option, path, NULL, NULL, NULL, NULL };
  char *out = NULL;

  if (g_str_equal (tool, "pdftohtml"))
    {
      /* The outline, as XML on standard output. */
      argv[1] = "-xml";
      argv[2] = "-stdout";
      argv[3] = "-i";
      argv[4] = "-q";
      argv[5] = path;
    }
  else if (option == NULL)
    {
      argv[1] = path;
      argv[2] = NULL;
    }

  g_assert_cmpint (run_command (argv, NULL, &out, NULL), ==, 0);
  return out;
}

/* The texts of the structure elements @type in `pdfinfo -struct-text`:
 * the quoted line under each. */
static GPtrArray *
struct_texts (const char *tree,
              const char *type)
{
  g_auto(GStrv) lines = g_strsplit (tree, "\n", -1);
  g_autofree char *element = g_strdup_printf ("%s (block)", type);
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = g_strstrip (g_strdup (lines[i]));

      if (g_str_equal (line, element) || g_str_equal (line, type))
        {
          g_autofree char *next = lines[i + 1] != NULL ? g_strstrip (g_strdup (lines[i + 1])) : g_strdup ("");

          if (next[0] == '"')
            g_ptr_array_add (texts, g_strndup (next + 1, strlen (next) - 2));
          else
            g_ptr_array_add (texts, g_strdup (""));
        }
    }

  return texts;
}

/* The alternative texts in the file, decoded from UTF-16BE hex strings. */
static GPtrArray *
alt_texts (const char *path)
{
  g_autofree char *data = NULL;
  gsize length;
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));

  for (gsize i = 0; i + 11 < length; i++)
    if (memcmp (data + i, "/Alt <FEFF", 10) == 0)
      {
        g_autoptr(GArray) units = g_array_new (FALSE, FALSE, sizeof (gunichar2));
        gsize j = i + 10;

        for (; j + 4 <= length && data[j] != '>'; j += 4)
          {
            char hex[5] = { data[j], data[j + 1], data[j + 2], data[j + 3], 0 };
            gunichar2 unit = (gunichar2) g_ascii_strtoull (hex, NULL, 16);

            g_array_append_val (units, unit);
          }
        g_ptr_array_add (texts, g_utf16_to_utf8 ((gunichar2 *) units->data, units->len, NULL, NULL, NULL));
      }

  return texts;
}

/* Whether the bytes of @path hold @needle (the file holds NULs). */
static gboolean
file_contains (const char *path,
               const char *needle)
{
  g_autofree char *data = NULL;
  gsize length, needle_length = strlen (needle);

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  for (gsize i = 0; i + needle_length <= length; i++)
    if (memcmp (data + i, needle, needle_length) == 0)
      return TRUE;

  return FALSE;
}

static guint
count_lines (const char *text,
             const char *line)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint count = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_equal (g_strstrip (lines[i]), line))
      count++;

  return count;
}

/* The outline's entries: "page title", one per line. */
static GPtrArray *
outline_entries (const char *path)
{
  g_autofree char *xml = run ("pdftohtml", NULL, path);
  const char *cursor = strstr (xml, "<outline>");
  GPtrArray *entries = g_ptr_array_new_with_free_func (g_free);

  g_assert_nonnull (cursor);
  while ((cursor = strstr (cursor, "<item page=\"")) != NULL)
    {
      guint page = (guint) g_ascii_strtoull (cursor + 12, NULL, 10);
      const char *start = strchr (cursor, '>') + 1;
      const char *end = strstr (start, "</item>");

      g_ptr_array_add (entries, g_strdup_printf ("%u %.*s", page, (int) (end - start), start));
      cursor = end;
    }

  return entries;
}

static void
test_summary_tagged (void)
{
  g_autoptr(PmProgramme) programme = pm_test_sample_file_load ();
  g_autoptr(PmPeriod) period = pm_period_new (2016, 3);
  g_autoptr(PmReport) report = pm_summary_report_new (programme, period, NULL);
  g_autofree char *path = export (report, "summary.pdf");
  g_autofree char *info = run ("pdfinfo", NULL, path);
  g_autofree char *tree = run ("pdfinfo", "-struct-text", path);
  g_autoptr(GPtrArray) districts = reference_districts (reference);
  g_autoptr(GPtrArray) h1 = struct_texts (tree, "H1");
  g_autoptr(GPtrArray) h2 = struct_texts (tree, "H2");
  g_autoptr(GPtrArray) alts = alt_texts (path);
  g_autoptr(GPtrArray) outline = outline_entries (path);
  g_autoptr(PdfText) text = pdf_text_load (path, NULL);
  g_autoptr(GPtrArray) headings = summary_headings (text);
  guint n_h2 = 0;

  /* The metadata a screen reader announces. */
  g_assert_nonnull (strstr (info, "Tagged:          yes"));
  g_assert_nonnull (strstr (info, "Title:           District summaries, Q3 2016/17"));
  g_assert_nonnull (strstr (info, "Author:          Children and Families System Transformation Programme"));
  g_assert_true (file_contains (path, "/Lang (en-GB)"));

  /* The structure: the document, its title, a heading per district. */
  g_assert_true (g_str_has_prefix (tree, "Document\n"));
  g_assert_cmpuint (h1->len, ==, 1);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (h1, 0), "Children and Families"));
  for (guint d = 0; d < districts->len; d++)
    {
      guint seen = 0;

      for (guint i = 0; i < h2->len; i++)
        if (g_str_equal (g_ptr_array_index (h2, i), g_ptr_array_index (districts, d)))
          seen++;
      if (seen != 1)
        g_error ("“%s” is %u H2 headings of %u", (char *) g_ptr_array_index (districts, d), seen, h2->len);
      n_h2++;
    }
  g_assert_cmpuint (n_h2, ==, 8);

  /* Tables with their header cells, rows and cells. */
  g_assert_cmpuint (count_lines (tree, "Table (block)"), >=, 8);
  g_assert_cmpuint (count_lines (tree, "TH"), >=, 11);
  g_assert_cmpuint (count_lines (tree, "TD"), >=, 100);
  g_assert_nonnull (strstr (tree, "Link (inline)"));

  /* Every chart a figure, each with words for what it shows. */
  g_assert_cmpuint (count_lines (tree, "Figure"), >, 0);
  g_assert_cmpuint (alts->len, ==, count_lines (tree, "Figure"));
  for (guint i = 0; i < alts->len; i++)
    g_assert_nonnull (strstr (g_ptr_array_index (alts, i), " Q3 2016/17"));
  /* The first chart: Cannock Chase's WCFC families, 5 and red. */
  g_assert_true (g_str_has_prefix (g_ptr_array_index (alts, 0),
                                   "WCFC to work with 75 families not supported by any other agency, within 12 months: "
                                   "5 in Q3 2016/17 against a profiled target of "));
  g_assert_true (g_str_has_suffix (g_ptr_array_index (alts, 0), "; off track"));

  /* The outline: each district, at the page of its heading. */
  g_assert_cmpuint (outline->len, ==, districts->len);
  g_assert_cmpuint (headings->len, ==, districts->len);
  for (guint d = 0; d < districts->len; d++)
    {
      SummaryHeading *heading = g_ptr_array_index (headings, d);
      g_autofree char *expected = g_strdup_printf ("%u %s", heading->page + 1,
                                                   (char *) g_ptr_array_index (districts, d));

      g_assert_cmpstr (g_ptr_array_index (outline, d), ==, expected);
    }
}

static void
test_appendix_tagged (void)
{
  g_autoptr(PmProgramme) programme = pm_test_sample_file_load ();
  g_autoptr(PmPeriod) period = pm_period_new (2016, 3);
  g_autoptr(PmReport) report = pm_appendix_report_new (programme, period);
  g_autofree char *path = export (report, "appendix.pdf");
  g_autofree char *info = run ("pdfinfo", NULL, path);
  g_autofree char *tree = run ("pdfinfo", "-struct-text", path);
  g_autoptr(GPtrArray) districts = reference_districts (reference);
  g_autoptr(GPtrArray) h1 = struct_texts (tree, "H1");
  g_autoptr(GPtrArray) outline = outline_entries (path);

  g_assert_nonnull (strstr (info, "Tagged:          yes"));
  g_assert_nonnull (strstr (info, "Title:           Appendix A: District Pilots Progress, Q3 2016/17"));
  g_assert_cmpuint (h1->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (h1, 0), ==, "Appendix A: District Pilots Progress");
  g_assert_cmpuint (count_lines (tree, "Table (block)"), >=, 1);
  g_assert_cmpuint (count_lines (tree, "TH"), >=, 6);
  g_assert_cmpuint (count_lines (tree, "TD"), >=, 8 * 6);

  g_assert_cmpuint (outline->len, ==, districts->len);
  for (guint d = 0; d < districts->len; d++)
    g_assert_true (g_str_has_suffix (g_ptr_array_index (outline, d), g_ptr_array_index (districts, d)));
}

/* Fails with the first word in the box lower than @height. */
static void
assert_words_at_least (PdfText    *text,
                       guint       page,
                       double      x_from,
                       double      x_to,
                       double      y_from,
                       double      y_to,
                       double      height,
                       const char *what)
{
  g_autoptr(GPtrArray) words = pdf_text_select (text, page, x_from, x_to, y_from, y_to);

  g_assert_cmpuint (words->len, >, 0);
  for (guint i = 0; i < words->len; i++)
    {
      PdfWord *word = g_ptr_array_index (words, i);

      /* Bullets and dashes come from DejaVu Sans, measured otherwise. */
      if (g_utf8_strlen (word->text, -1) == 1 && !g_unichar_isalnum (g_utf8_get_char (word->text)))
        continue;
      if (word->y1 - word->y0 < height)
        g_error ("%s, page %u: “%s” is %.1f points high, under %.1f", what, page + 1, word->text,
                 word->y1 - word->y0, height);
    }
}

static void
test_summary_type_sizes (void)
{
  g_autoptr(PmProgramme) programme = pm_test_sample_file_load ();
  g_autoptr(PmPeriod) period = pm_period_new (2016, 3);
  g_autoptr(PmReport) report = pm_summary_report_new (programme, period, NULL);
  g_autofree char *path = export (report, "summary-sizes.pdf");
  g_autoptr(PdfText) text = pdf_text_load (path, NULL);
  PdfWord *printed = pdf_text_find_phrase (text, 0, "District", "summaries", "for", NULL);
  PdfWord *heading = pdf_text_find_phrase (text, 0, "Districts", "and", "the", NULL);
  PdfWord *total = pdf_text_find_phrase (text, 0, "Programme", "total", NULL);
  guint tables = 0;

  /* The programme's description, at 10 pt; its table at 9 pt. */
  g_assert_nonnull (printed);
  g_assert_nonnull (heading);
  g_assert_nonnull (total);
  assert_words_at_least (text, 0, 0, G_MAXDOUBLE, printed->y1 + 1, heading->y0 - 1, HEIGHT_OF (10),
                         "the programme's description");
  assert_words_at_least (text, 0, 0, G_MAXDOUBLE, heading->y1 + 1, total->y1, HEIGHT_OF (9),
                         "the programme table");

  /* Every KPI table, but for the RAG badges' letters. */
  for (guint p = 0; p < text->n_pages; p++)
    {
      PdfWord *kpi = pdf_text_find_phrase (text, p, "KPI", "Baseline", "Target", NULL);
      PdfWord *rag = pdf_text_find_phrase (text, p, "RAG", NULL);
      PdfWord *end = pdf_text_find_phrase (text, p, "Families", "reached", "against", NULL);

      if (kpi == NULL || rag == NULL)
        continue;
      double foot = g_array_index (text->page_heights, double, p) - 32;

      assert_words_at_least (text, p, 0, rag->x0 - 1, kpi->y0, end != NULL ? end->y0 - 1 : foot,
                             HEIGHT_OF (9), "a KPI table");
      tables++;
    }
  g_assert_cmpuint (tables, >=, 8);
}

static void
test_appendix_type_sizes (void)
{
  g_autoptr(PmProgramme) programme = pm_test_sample_file_load ();
  g_autoptr(PmPeriod) period = pm_period_new (2016, 3);
  g_autoptr(PmReport) report = pm_appendix_report_new (programme, period);
  g_autofree char *path = export (report, "appendix-sizes.pdf");
  g_autoptr(PdfText) text = pdf_text_load (path, NULL);

  /* The whole table, every word of every cell, 9 pt or larger, on fewer
   * pages than the six it took at 7.5 pt. */
  for (guint p = 0; p < text->n_pages; p++)
    {
      PdfWord *header = pdf_text_find_phrase (text, p, "District", "Summary", NULL);
      double height = g_array_index (text->page_heights, double, p);

      g_assert_nonnull (header);
      assert_words_at_least (text, p, 0, G_MAXDOUBLE, header->y0, height - 32, HEIGHT_OF (9),
                             "the appendix");
    }
  /* Six pages at 7.5 pt before; six again at 9 pt once the summaries
   * carried every fact of Appendix A and the notes on the data printed
   * under each row; five with 9 pt set on 10 pt lines and the columns
   * measured to the text. */
  g_assert_cmpuint (text->n_pages, <=, 5);
}

/* A cell cut between pages goes on where it stopped: no line lost at
 * the cut (tighter leading once made Pango's lines overlap, and the line
 * at a page break was drawn on neither page), none printed twice. */
static void
test_appendix_cells_whole (void)
{
  g_autoptr(PmProgramme) programme = pm_test_sample_file_load ();
  g_autoptr(PmPeriod) period = pm_period_new (2016, 3);
  g_autoptr(PmReport) report = pm_appendix_report_new (programme, period);
  g_autofree char *path = export (report, "appendix-whole.pdf");
  g_autoptr(PdfText) text = pdf_text_load (path, NULL);
  g_autoptr(GPtrArray) districts = reference_districts (reference);
  g_autoptr(GPtrArray) summaries = appendix_column_texts (path, districts, 1, 2);
  g_autofree char *all = pdf_words_join (text->words, NULL);
  g_autofree char *all_spaced = normalise_space (all);
  guint split = 0;

  for (guint d = 0; d < districts->len; d++)
    {
      PmDistrict *district = pm_programme_find_district (programme, g_ptr_array_index (districts, d));
      g_autoptr(PmPilot) pilot = g_list_model_get_item (pm_district_get_pilots (district), 0);
      PmNarrative *narrative = pm_pilot_get_narrative (pilot, period);
      g_autofree char *summary = normalise_space (pm_pilot_get_summary (pilot));
      g_autofree char *printed = normalise_space (g_ptr_array_index (summaries, d));
      g_autofree char *progress = NULL;

      if (!g_str_equal (printed, summary))
        g_error ("%s's summary is printed as\n%s\nnot\n%s", pm_district_get_name (district), printed, summary);
      g_assert_nonnull (narrative);
      progress = normalise_space (pm_narrative_get_progress (narrative));
      if (strstr (all_spaced, progress) == NULL)
        g_error ("%s's progress is not printed whole:\n%s", pm_district_get_name (district), progress);
    }

  /* The sample has such cuts: rows run on under "(continued)". */
  for (guint i = 0; i < text->words->len; i++)
    if (g_str_equal (((PdfWord *) g_ptr_array_index (text->words, i))->text, "(continued)"))
      split++;
  g_assert_cmpuint (split, >=, 2);
}


static guint
count_in (const char *haystack,
          const char *needle)
{
  guint count = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    count++;

  return count;
}

static char *
page_text (PdfText *text,
           guint    page)
{
  g_autoptr(GPtrArray) words = pdf_text_select (text, page, 0, G_MAXDOUBLE, 0, G_MAXDOUBLE);

  return pdf_words_join (words, NULL);
}

/* The RAG legend once, at the foot of the first page (its table counts
 * the KPIs by RAG), not on every page. */
static void
test_summary_legend_once (void)
{
  g_autoptr(PmProgramme) programme = pm_test_sample_file_load ();
  g_autoptr(PmPeriod) period = pm_period_new (2016, 3);
  g_autoptr(PmReport) report = pm_summary_report_new (programme, period, NULL);
  g_autofree char *path = export (report, "summary-legend.pdf");
  g_autoptr(PdfText) text = pdf_text_load (path, NULL);

  for (guint p = 0; p < text->n_pages; p++)
    {
      g_autofree char *words = page_text (text, p);

      g_assert_cmpuint (count_in (words, "RAG status compares the value"), ==, p == 0 ? 1 : 0);
    }
}

/* "Worsening" once broke as "Worsenin" and "g" in the Travel column. */
static void
test_summary_travel_whole (void)
{
  g_autoptr(PmProgramme) programme = pm_test_sample_file_load ();
  g_autoptr(PmPeriod) period = pm_period_new (2016, 3);
  PmDistrict *stafford = pm_programme_find_district (programme, "Stafford");
  PmKpi *kpi = pm_test_find_kpi (programme, "Stafford", "Reduction in the referrals into the LST");
  g_autoptr(PmReport) report = NULL;
  g_autofree char *path = NULL;
  g_autoptr(PdfText) text = NULL;
  g_autofree char *all = NULL;

  pm_test_set_value (NULL, kpi, period, 18, NULL);
  report = pm_summary_report_new (programme, period, stafford);
  path = export (report, "summary-worsening.pdf");
  text = pdf_text_load (path, NULL);
  all = pdf_words_join (text->words, NULL);

  g_assert_cmpint (find_token (all, "Worsening", 0), >=, 0);
}

/* Money right-aligned, with thousands separators, in the programme table. */
static void
test_summary_figures_aligned (void)
{
  g_autoptr(PmProgramme) programme = pm_test_sample_file_load ();
  g_autoptr(PmPeriod) period = pm_period_new (2016, 3);
  g_autoptr(PmReport) report = pm_summary_report_new (programme, period, NULL);
  g_autofree char *path = export (report, "summary-aligned.pdf");
  g_autoptr(PdfText) text = pdf_text_load (path, NULL);
  PdfWord *spent = pdf_text_find_phrase (text, 0, "Spent", NULL);
  PdfWord *committed = pdf_text_find_phrase (text, 0, "Committed", NULL);
  PdfWord *total = pdf_text_find_phrase (text, 0, "Programme", "total", NULL);
  g_autoptr(GPtrArray) column = NULL;
  gboolean thousands = FALSE;
  guint n_spent = 0;
  guint n_not = 0;

  /* The headings whole, not "Gree" over "n". */
  g_assert_nonnull (pdf_text_find_phrase (text, 0, "Green", "Amber", "Red", "Grey", NULL));
  g_assert_nonnull (spent);
  g_assert_nonnull (committed);
  g_assert_nonnull (total);
  /* Each district's spend and the total end where the heading ends. */
  column = pdf_text_select (text, 0, 0, G_MAXDOUBLE, spent->y1, total->y1 + 1);
  for (guint i = 0; i < column->len; i++)
    {
      PdfWord *word = g_ptr_array_index (column, i);

      if (word->x0 > committed->x0)
        continue;
      /* A district that entered no spending says so, not "£0", in the
       * same right-aligned column. */
      if (g_ascii_strcasecmp (word->text, "not") == 0 && ABS (word->x1 - spent->x1) < 0.5)
        n_not++;
      if (!g_str_has_prefix (word->text, "£"))
        continue;
      g_assert_cmpfloat_with_epsilon (word->x1, spent->x1, 0.5);
      n_spent++;
      if (strchr (word->text, ',') != NULL)
        thousands = TRUE;
    }
  g_assert_cmpuint (n_spent, >=, 2);
  g_assert_cmpuint (n_spent + n_not, ==, 9);
  g_assert_true (thousands);
}

/* The appendix's progress column holds each KPI's value or says there is
 * none; the narrative runs across the table under its row; a baseline
 * several KPIs share is printed once. */
static void
test_appendix_progress (void)
{
  g_autoptr(PmProgramme) programme = pm_test_sample_file_load ();
  g_autoptr(PmPeriod) period = pm_period_new (2016, 3);
  g_autoptr(PmReport) report = pm_appendix_report_new (programme, period);
  g_autofree char *path = export (report, "appendix-progress.pdf");
  g_autoptr(PdfText) text = pdf_text_load (path, NULL);
  g_autoptr(GPtrArray) progress = NULL;
  g_autofree char *column = NULL;
  g_autofree char *all = pdf_words_join (text->words, NULL);
  PdfWord *header = pdf_text_find_phrase (text, 0, "Progress", "(Q3", NULL);
  PdfWord *district = pdf_text_find_phrase (text, 0, "District", "Summary", NULL);
  guint narratives = 0;

  g_assert_nonnull (header);
  progress = pdf_text_select (text, G_MAXUINT, header->x0 - 1, G_MAXDOUBLE, 0, G_MAXDOUBLE);
  column = pdf_words_join (progress, NULL);
  g_assert_cmpuint (count_in (column, "No value"), >=, 20);

  for (guint i = 0; i < text->words->len; i++)
    {
      PdfWord *word = g_ptr_array_index (text->words, i);

      PdfWord *next = i + 1 < text->words->len ? g_ptr_array_index (text->words, i + 1) : NULL;

      if (g_str_equal (word->text, "Progress") && next != NULL && g_str_equal (next->text, "in"))
        {
          g_assert_cmpfloat_with_epsilon (word->x0, district->x0, 1.5);
          narratives++;
        }
    }
  g_assert_cmpuint (narratives, >=, 6);

  /* Nine KPIs share that baseline ("No baseline (Service yet to be
   * commissioned; begins April 2017)"): once per page their rows run over.
   * One word of it, as the lines of a table cell are read across the row. */
  g_assert_cmpuint (count_in (all, "commissioned;"), >=, 1);
  for (guint p = 0; p < text->n_pages; p++)
    {
      g_autoptr(GPtrArray) page_words = pdf_text_select (text, p, 0, G_MAXDOUBLE, 0, G_MAXDOUBLE);
      g_autofree char *page_text = pdf_words_join (page_words, NULL);

      g_assert_cmpuint (count_in (page_text, "commissioned;"), <=, 1);
    }
}

/* No heading ends a page: "Headline KPIs" was left at the foot of a page
 * with its table on the next. */
static void
test_summary_no_stray_heading (void)
{
  g_autoptr(PmProgramme) programme = pm_test_sample_file_load ();
  g_autoptr(PmPeriod) period = pm_period_new (2016, 3);
  g_autoptr(PmReport) report = pm_summary_report_new (programme, period, NULL);
  g_autofree char *path = export (report, "summary-headings.pdf");
  g_autoptr(PdfText) text = pdf_text_load (path, NULL);

  for (guint p = 0; p < text->n_pages; p++)
    {
      g_autoptr(GPtrArray) words = pdf_text_select (text, p, 0, G_MAXDOUBLE, 50, G_MAXDOUBLE);
      PdfWord *last_heading = NULL;
      gboolean under = FALSE;

      /* Headings are 11 pt or larger; body text and tables 9 to 10 pt. */
      for (guint i = 0; i < words->len; i++)
        {
          PdfWord *word = g_ptr_array_index (words, i);

          if (word->y1 - word->y0 > HEIGHT_OF (11) - 0.1 &&
              (last_heading == NULL || word->y0 > last_heading->y0))
            last_heading = word;
        }
      if (last_heading == NULL)
        continue;

      for (guint i = 0; i < words->len; i++)
        {
          PdfWord *word = g_ptr_array_index (words, i);
          double height = word->y1 - word->y0;

          if (word->y0 > last_heading->y1 && height >= HEIGHT_OF (9) && height < HEIGHT_OF (11) - 0.1)
            under = TRUE;
        }
      if (!under)
        g_error ("page %u ends with the heading “%s”", p + 1, last_heading->text);
    }
}

/* Nine KPIs with the same four-line baseline: printed once, across them
 * (found by one word of it, as a cell's lines are read across the row). */
static void
test_summary_cells_merged (void)
{
  g_autoptr(PmProgramme) programme = pm_test_sample_file_load ();
  g_autoptr(PmPeriod) period = pm_period_new (2016, 3);
  PmDistrict *newcastle = pm_programme_find_district (programme, "Newcastle-under-Lyme");
  g_autoptr(PmReport) report = pm_summary_report_new (programme, period, newcastle);
  g_autofree char *path = export (report, "summary-merged.pdf");
  g_autoptr(PdfText) text = pdf_text_load (path, NULL);
  g_autofree char *all = pdf_words_join (text->words, NULL);

  g_assert_cmpuint (count_in (all, "commissioned;"), ==, 1);
  g_assert_nonnull (strstr (all, "Provider reporting progress towards self-sustaining"));
}

/* `pdfinfo -struct-text` without the object numbers, which joining
 * renumbers. */
static char *
structure_of (const char *path)
{
  g_autofree char *tree = run ("pdfinfo", "-struct-text", path);
  g_auto(GStrv) lines = g_strsplit (tree, "\n", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    if (strstr (lines[i], "Object ") == NULL)
      g_string_append_printf (out, "%s\n", lines[i]);

  return g_string_free (out, FALSE);
}

static char *
text_of (const char *path)
{
  const char *argv[] = { "pdftotext", "-layout", path, "-", NULL };
  char *out = NULL;

  g_assert_cmpint (run_command (argv, NULL, &out, NULL), ==, 0);
  return out;
}

/* Drawn in parts and joined, the summary is the document drawn whole:
 * its text ("Page 4 of N" and the programme table's page numbers across
 * the joins included), metadata, structure tree, figures' words, outline
 * and links. Parts of three pages, drawn one after the other (held or
 * streamed), or two and three parts drawn side by side by processes. */
static void
test_summary_joined (void)
{
  g_autoptr(PmProgramme) programme = pm_test_sample_file_load ();
  g_autoptr(PmPeriod) period = pm_period_new (2016, 3);

  /* Side by side only from a process of one thread. */
  g_assert_true (_pm_report_can_fork ());

  /* In parts of 3 pages; then side by side in 2, 3 and 4 processes, the
   * children taking over where a district begins, part-way down a page
   * (or, the last way, at a district on a page of its own). */
  for (guint way = 0; way < 5; way++)
    {
      g_autoptr(PmReport) whole = pm_summary_report_new (programme, period, NULL);
      g_autoptr(PmReport) parts = pm_summary_report_new (programme, period, NULL);
      g_autofree char *whole_path = NULL;
      g_autofree char *parts_path = NULL;
      g_autofree char *whole_text = NULL;
      g_autofree char *parts_text = NULL;
      g_autofree char *whole_tree = NULL;
      g_autofree char *parts_tree = NULL;
      g_autofree char *parts_info = NULL;
      g_autofree char *whole_dests = NULL;
      g_autofree char *parts_dests = NULL;
      g_autoptr(GPtrArray) whole_outline = NULL;
      g_autoptr(GPtrArray) parts_outline = NULL;
      g_autoptr(GPtrArray) whole_alts = NULL;
      g_autoptr(GPtrArray) parts_alts = NULL;

      pm_summary_report_set_district_per_page (PM_SUMMARY_REPORT (whole), way == 4);
      pm_summary_report_set_district_per_page (PM_SUMMARY_REPORT (parts), way == 4);
      _pm_report_set_processes (whole, 1);
      whole_path = export (whole, "whole.pdf");
      whole_text = text_of (whole_path);
      whole_tree = structure_of (whole_path);
      whole_dests = run ("pdfinfo", "-dests", whole_path);
      whole_outline = outline_entries (whole_path);
      whole_alts = alt_texts (whole_path);

      _pm_report_set_part_pages (parts, way < 2 ? 3 : 0);
      _pm_report_set_processes (parts, way < 2 ? 1 : MIN (way, 4));
      if (way > 0)
        _pm_report_set_kept_pages (parts, 2);
      parts_path = export (parts, "parts.pdf");
      parts_text = text_of (parts_path);
      parts_tree = structure_of (parts_path);
      parts_info = run ("pdfinfo", NULL, parts_path);
      parts_dests = run ("pdfinfo", "-dests", parts_path);
      parts_outline = outline_entries (parts_path);
      parts_alts = alt_texts (parts_path);

      g_assert_cmpuint (pm_report_get_n_pages (parts), >, 6);
      g_assert_nonnull (strstr (parts_text, "Page 4 of "));
      g_assert_cmpstr (parts_text, ==, whole_text);
      g_assert_cmpstr (parts_tree, ==, whole_tree);
      g_assert_cmpstr (parts_dests, ==, whole_dests);
      g_assert_nonnull (strstr (parts_info, "Tagged:          yes"));
      g_assert_nonnull (strstr (parts_info, "Title:           District summaries, Q3 2016/17"));
      g_assert_nonnull (strstr (parts_info, "Author:          Children and Families System Transformation Programme"));
      g_assert_true (file_contains (parts_path, "/Lang (en-GB)"));

      g_assert_cmpuint (parts_outline->len, ==, 8);
      g_assert_cmpuint (parts_outline->len, ==, whole_outline->len);
      for (guint i = 0; i < whole_outline->len; i++)
        g_assert_cmpstr (g_ptr_array_index (parts_outline, i), ==, g_ptr_array_index (whole_outline, i));
      g_assert_cmpuint (parts_alts->len, >, 0);
      g_assert_cmpuint (parts_alts->len, ==, whole_alts->len);
      for (guint i = 0; i < whole_alts->len; i++)
        g_assert_cmpstr (g_ptr_array_index (parts_alts, i), ==, g_ptr_array_index (whole_alts, i));
    }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  tmp_dir = pm_test_dir_new ("pm-report-pdf");
  reference = reference_load ();

  g_test_add_func ("/report-pdf/summary/tagged", test_summary_tagged);
  g_test_add_func ("/report-pdf/appendix/tagged", test_appendix_tagged);
  g_test_add_func ("/report-pdf/summary/joined-parts", test_summary_joined);
  g_test_add_func ("/report-pdf/summary/type-sizes", test_summary_type_sizes);
  g_test_add_func ("/report-pdf/appendix/type-sizes-and-length", test_appendix_type_sizes);
  g_test_add_func ("/report-pdf/appendix/cells-whole-over-pages", test_appendix_cells_whole);
  g_test_add_func ("/report-pdf/summary/legend-once", test_summary_legend_once);
  g_test_add_func ("/report-pdf/summary/identical-cells-merged", test_summary_cells_merged);
  g_test_add_func ("/report-pdf/summary/no-stray-heading", test_summary_no_stray_heading);
  g_test_add_func ("/report-pdf/summary/travel-word-whole", test_summary_travel_whole);
  g_test_add_func ("/report-pdf/summary/figures-right-aligned", test_summary_figures_aligned);
  g_test_add_func ("/report-pdf/appendix/progress-column", test_appendix_progress);

  status = g_test_run ();

  pm_test_clear_dir (&tmp_dir);
  g_ptr_array_unref (reference);

  return status;
}
