/* report-checks.c: checks shared by the report tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "report-checks.h"

static void
ref_kpi_free (gpointer data)
{
  RefKpi *kpi = data;

  g_free (kpi->district);
  g_free (kpi->title);
  g_free (kpi->baseline);
  g_strfreev (kpi->keys);
  g_free (kpi);
}

/* What of a baseline as the committee wrote it must appear in print: the
 * figures it opens with ("44.8%", "4.6%" and "4.1%", "41 days"), or else
 * the words it opens with ("To be confirmed", "Police and BC to provide").
 * A target in brackets is the target's business, not the baseline's. */
static void
ref_kpi_make_keys (RefKpi       *kpi,
                   const RefKpi *previous)
{
  g_autoptr(GRegex) prefix = g_regex_new ("^In [A-Z][a-z]+ [0-9]{4} - ", 0, 0, NULL);
  g_autoptr(GRegex) figure = g_regex_new ("(?<![\\w.*-])\\d+(?:\\.\\d+)?(?:%| days)?(?![\\w.-])", 0, 0, NULL);
  g_autoptr(GRegex) quarter = g_regex_new ("quarter ([1-4])", 0, 0, NULL);
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *work = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  char *cut;

  if (g_str_equal (kpi->baseline, "(as above)"))
    {
      g_assert_nonnull (previous);
      kpi->repeat = TRUE;
      kpi->numeric = previous->numeric;
      kpi->keys = g_strdupv (previous->keys);
      return;
    }

  if (g_str_equal (kpi->baseline, "(none given)"))
    {
      g_ptr_array_add (keys, g_strdup ("No baseline"));
      g_ptr_array_add (keys, NULL);
      kpi->keys = (GStrv) g_ptr_array_free (g_steal_pointer (&keys), FALSE);
      return;
    }

  work = g_strdup (kpi->baseline);
  if ((cut = strstr (work, "(target")) != NULL)
    *cut = '\0';
  g_strstrip (work);

  {
    char *stripped = g_regex_replace (prefix, work, -1, 0, "", 0, NULL);

    g_free (work);
    work = stripped;
  }

  if (g_ascii_isdigit (work[0]))
    {
      kpi->numeric = TRUE;
      g_regex_match (figure, work, 0, &match);
      while (g_match_info_matches (match))
        {
          char *token = g_match_info_fetch (match, 0);
          gboolean year = strlen (token) == 4 && (g_str_has_prefix (token, "19") ||
                                                  g_str_has_prefix (token, "20"));

          if (year)
            g_free (token);
          else
            g_ptr_array_add (keys, token);
          g_match_info_next (match, NULL);
        }
    }
  else
    {
      char *end = work + strcspn (work, "(;");
      char *phrase;

      *end = '\0';
      g_strstrip (work);
      phrase = g_regex_replace (quarter, work, -1, 0, "Q\\1", 0, NULL);
      g_ptr_array_add (keys, phrase);
    }

  g_assert_cmpuint (keys->len, >, 0);
  g_ptr_array_add (keys, NULL);
  kpi->keys = (GStrv) g_ptr_array_free (g_steal_pointer (&keys), FALSE);
}

GPtrArray *
reference_load (void)
{
  const char *dir = g_getenv ("PM_REFERENCE_DIR");
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *reference = g_ptr_array_new_with_free_func (ref_kpi_free);

  g_assert_nonnull (dir);
  path = g_build_filename (dir, "appendix-a-kpis.tsv", NULL);
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 1; lines[i] != NULL; i++)  /* the first line names the columns */
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", -1);
      RefKpi *kpi;

      if (lines[i][0] == '\0')
        continue;

      g_assert_cmpuint (g_strv_length (fields), ==, 5);
      kpi = g_new0 (RefKpi, 1);
      kpi->district = g_strdup (fields[0]);
      kpi->title = normalise_space (fields[3]);
      kpi->baseline = g_strdup (fields[4]);
      ref_kpi_make_keys (kpi, reference->len > 0 ? g_ptr_array_index (reference, reference->len - 1) : NULL);
      g_ptr_array_add (reference, kpi);
    }

  g_assert_cmpuint (reference->len, ==, 61);

  return reference;
}

GPtrArray *
reference_districts (GPtrArray *reference)
{
  GPtrArray *districts = g_ptr_array_new ();

  for (guint i = 0; i < reference->len; i++)
    {
      RefKpi *kpi = g_ptr_array_index (reference, i);

      if (districts->len == 0 ||
          !g_str_equal (g_ptr_array_index (districts, districts->len - 1), kpi->district))
        g_ptr_array_add (districts, kpi->district);
    }

  return districts;
}

GPtrArray *
summary_sections (PdfText *text)
{
  GPtrArray *sections = g_ptr_array_new_with_free_func (g_free);

  for (guint p = 0; p < text->n_pages; p++)
    {
      double width = g_array_index (text->page_widths, double, p);
      g_autoptr(GPtrArray) words = pdf_text_select (text, p, width / 2, width, 0, 45);

      g_ptr_array_add (sections, pdf_words_join (words, NULL));
    }

  return sections;
}

static gboolean
level_with (GPtrArray  *title_words,
            GArray     *title_offsets,
            gssize      title_at,
            GPtrArray  *baseline_words,
            GArray     *baseline_offsets,
            gssize      at)
{
  PdfWord *title_word = g_ptr_array_index (title_words, g_array_index (title_offsets, guint, title_at));
  PdfWord *key_word = g_ptr_array_index (baseline_words, g_array_index (baseline_offsets, guint, at));

  return title_word->page == key_word->page && ABS (title_word->y0 - key_word->y0) <= 1.0;
}

static void
summary_heading_free (gpointer data)
{
  SummaryHeading *heading = data;

  g_free (heading->name);
  g_free (heading);
}

GPtrArray *
summary_headings (PdfText *text)
{
  GPtrArray *headings = g_ptr_array_new_with_free_func (summary_heading_free);
  g_autoptr(GString) line = g_string_new (NULL);
  gboolean title_seen = FALSE;
  PdfWord *start = NULL;
  guint last_page = 0;
  double last_y = -100;

  /* A trailing sentinel closes the last line. */
  for (guint i = 0; i <= text->words->len; i++)
    {
      PdfWord *word = i < text->words->len ? g_ptr_array_index (text->words, i) : NULL;
      gboolean big = word != NULL && word->y1 - word->y0 > 22;

      if (start != NULL && (!big || word->page != start->page || ABS (word->y0 - start->y0) > 1))
        {
          /* The first is the programme's own title; a line right under
           * another is the same heading wrapped. */
          if (start->page == last_page && start->y0 - last_y < 30)
            {
              SummaryHeading *heading = headings->len > 0 ? g_ptr_array_index (headings, headings->len - 1) : NULL;

              if (heading != NULL && title_seen && heading->page == start->page)
                {
                  g_autofree char *name = heading->name;

                  heading->name = g_strdup_printf ("%s %s", name, line->str);
                }
            }
          else if (title_seen)
            {
              SummaryHeading *heading = g_new0 (SummaryHeading, 1);

              heading->page = start->page;
              heading->y = start->y0;
              heading->name = g_strdup (line->str);
              g_ptr_array_add (headings, heading);
            }
          title_seen = TRUE;
          last_page = start->page;
          last_y = start->y0;
          start = NULL;
          g_string_truncate (line, 0);
        }

      if (!big)
        continue;
      if (start == NULL)
        start = word;
      else
        g_string_append_c (line, ' ');
      g_string_append (line, word->text);
    }

  return headings;
}

GHashTable *
summary_texts (PdfText *text)
{
  g_autoptr(GPtrArray) headings = summary_headings (text);
  GHashTable *texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint h = 0; h <= headings->len; h++)
    {
      SummaryHeading *from = h > 0 ? g_ptr_array_index (headings, h - 1) : NULL;
      SummaryHeading *to = h < headings->len ? g_ptr_array_index (headings, h) : NULL;
      guint first = from != NULL ? from->page : 0;
      guint last = to != NULL ? to->page : text->n_pages - 1;
      g_autoptr(GString) joined = g_string_new (NULL);

      for (guint p = first; p <= last; p++)
        {
          g_autoptr(GPtrArray) words = NULL;
          g_autofree char *page_text = NULL;

          words = pdf_text_select (text, p, 0, G_MAXDOUBLE,
                                   from != NULL && p == from->page ? from->y - 1 : 0,
                                   to != NULL && p == to->page ? to->y - 1 : G_MAXDOUBLE);
          page_text = pdf_words_join (words, NULL);
          g_string_append_printf (joined, " %s", page_text);
        }

      g_hash_table_insert (texts, g_strdup (from != NULL ? from->name : "Programme summary"),
                           g_strdup (joined->str));
    }

  return texts;
}

/* The first word @first on @page with its top in [@y_from, @y_to),
 * followed on its line by @second. */
static PdfWord *
find_pair (PdfText    *text,
           guint       page,
           double      y_from,
           double      y_to,
           const char *first,
           const char *second)
{
  PdfWord *found = NULL;

  for (guint i = 0; i < text->words->len; i++)
    {
      PdfWord *word = g_ptr_array_index (text->words, i);
      g_autoptr(GPtrArray) line = NULL;

      if (word->page != page || word->y0 < y_from || word->y0 >= y_to || !g_str_equal (word->text, first) ||
          (found != NULL && found->y0 <= word->y0))
        continue;

      /* The words are in the order they were drawn: find the next on the line. */
      line = pdf_text_select (text, page, word->x0 + 0.1, G_MAXDOUBLE, word->y0 - 1, word->y0 + 1);
      if (line->len > 0 && g_str_equal (((PdfWord *) g_ptr_array_index (line, 0))->text, second))
        found = word;
    }

  return found;
}

/* Checks that @kpis' titles appear in order in @titles and their baselines'
 * keys in order in @baselines; with @title_words and @baseline_words, also
 * that a baseline opening with a figure starts level with its KPI. */
static void
check_kpis_in_columns (GPtrArray  *kpis,
                       const char *titles,
                       GArray     *title_offsets,
                       GPtrArray  *title_words,
                       const char *baselines,
                       GArray     *baseline_offsets,
                       GPtrArray  *baseline_words)
{
  gsize title_cursor = 0;
  gsize baseline_cursor = 0;

  for (guint i = 0; i < kpis->len; i++)
    {
      RefKpi *kpi = g_ptr_array_index (kpis, i);
      RefKpi *above = i > 0 ? g_ptr_array_index (kpis, i - 1) : NULL;
      /* The same baseline as the KPI above may be one cell for both. */
      gboolean repeat = kpi->repeat || (above != NULL && g_str_equal (above->baseline, kpi->baseline));
      const char *found = strstr (titles + title_cursor, kpi->title);
      gssize title_at, first_key_at = -1;

      if (found == NULL)
        g_error ("%s: KPI “%s” is not in its district's KPI column (in order) of:\n%s",
                 kpi->district, kpi->title, titles);
      title_at = found - titles;
      title_cursor = title_at + strlen (kpi->title);

      for (guint k = 0; kpi->keys[k] != NULL; k++)
        {
          gssize at = find_token (baselines, kpi->keys[k], repeat ? 0 : baseline_cursor);

          /* The same figure may stand earlier in the column, in the
           * previous KPI's target ("Target 12"): the baseline's own is
           * the one level with its KPI. */
          if (k == 0 && title_words != NULL && kpi->numeric && !kpi->repeat)
            while (at >= 0 && !level_with (title_words, title_offsets, title_at,
                                           baseline_words, baseline_offsets, at))
              at = find_token (baselines, kpi->keys[k], at + 1);

          if (at < 0)
            g_error ("%s: the baseline “%s” (%s) of “%s” is not in its district's baseline column of:\n%s",
                     kpi->district, kpi->keys[k], kpi->baseline, kpi->title, baselines);
          if (!repeat)
            baseline_cursor = at + strlen (kpi->keys[k]);
          if (k == 0)
            first_key_at = at;
        }

      if (title_words != NULL && kpi->numeric && !repeat)
        {
          PdfWord *title_word = g_ptr_array_index (title_words, g_array_index (title_offsets, guint, title_at));
          PdfWord *key_word = g_ptr_array_index (baseline_words,
                                                 g_array_index (baseline_offsets, guint, first_key_at));

          g_assert_cmpuint (title_word->page, ==, key_word->page);
          if (ABS (title_word->y0 - key_word->y0) > 1.0)
            g_error ("%s: the baseline “%s” starts at y %.1f, its KPI “%s” at %.1f: not level",
                     kpi->district, kpi->keys[0], key_word->y0, kpi->title, title_word->y0);
        }
    }
}

static GPtrArray *
reference_of (GPtrArray  *reference,
              const char *district)
{
  GPtrArray *kpis = g_ptr_array_new ();

  for (guint i = 0; i < reference->len; i++)
    {
      RefKpi *kpi = g_ptr_array_index (reference, i);

      if (g_str_equal (kpi->district, district))
        g_ptr_array_add (kpis, kpi);
    }

  return kpis;
}

void
check_summary_pdf (const char *path,
                   GPtrArray  *reference,
                   const char *only)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdfText) text = pdf_text_load (path, &error);
  g_autoptr(GPtrArray) sections = NULL;
  g_autoptr(GPtrArray) districts = reference_districts (reference);
  g_autoptr(GPtrArray) expected = g_ptr_array_new ();
  g_autoptr(GPtrArray) headings = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (text->n_pages, >, 1);

  for (guint p = 0; p < text->n_pages; p++)
    {
      g_assert_cmpfloat_with_epsilon (g_array_index (text->page_widths, double, p), 595.276, 0.5);
      g_assert_cmpfloat_with_epsilon (g_array_index (text->page_heights, double, p), 841.89, 0.5);
    }

  for (guint i = 0; i < districts->len; i++)
    if (only == NULL || g_str_equal (only, g_ptr_array_index (districts, i)))
      g_ptr_array_add (expected, g_ptr_array_index (districts, i));
  g_assert_cmpuint (expected->len, >, 0);

  /* The programme's page first, then each district's section in turn,
   * headed by its name: on a page of its own or following the last. */
  sections = summary_sections (text);
  g_assert_cmpstr (g_ptr_array_index (sections, 0), ==, "Programme summary");
  headings = summary_headings (text);
  g_assert_cmpuint (headings->len, ==, expected->len);

  for (guint d = 0; d < expected->len; d++)
    {
      const char *district = g_ptr_array_index (expected, d);
      SummaryHeading *heading = g_ptr_array_index (headings, d);
      SummaryHeading *next = d + 1 < headings->len ? g_ptr_array_index (headings, d + 1) : NULL;
      guint last = next != NULL ? next->page : text->n_pages - 1;
      g_autoptr(GPtrArray) kpis = reference_of (reference, district);
      g_autoptr(GPtrArray) title_words = g_ptr_array_new ();
      g_autoptr(GPtrArray) baseline_words = g_ptr_array_new ();
      g_autofree char *titles = NULL;
      g_autofree char *baselines = NULL;

      g_assert_cmpstr (heading->name, ==, district);

      for (guint p = heading->page; p <= last; p++)
        {
          double from = p == heading->page ? heading->y : 0;
          double to = next != NULL && p == next->page ? next->y : G_MAXDOUBLE;
          PdfWord *kpi;

          /* Each KPI table of the section on this page. */
          while ((kpi = find_pair (text, p, from, to, "KPI", "Baseline")) != NULL)
            {
              PdfWord *baseline, *target, *end;
              double bottom = to;
              g_autoptr(GPtrArray) column = NULL;
              g_autoptr(GPtrArray) line = NULL;

              line = pdf_text_select (text, p, kpi->x0, G_MAXDOUBLE, kpi->y0 - 1, kpi->y0 + 1);
              baseline = g_ptr_array_index (line, 1);
              target = g_ptr_array_index (line, 2);

              /* The table ends at the next heading or at the footnote. */
              if ((end = find_pair (text, p, kpi->y1, to, "Families", "reached")) != NULL)
                bottom = MIN (bottom, end->y0);
              if ((end = find_pair (text, p, kpi->y1, to, "RAG", "status")) != NULL)
                bottom = MIN (bottom, end->y0);

              column = pdf_text_select (text, p, kpi->x0 - 1, baseline->x0 - 1, kpi->y1, bottom);
              g_ptr_array_extend (title_words, column, NULL, NULL);
              g_clear_pointer (&column, g_ptr_array_unref);
              column = pdf_text_select (text, p, baseline->x0 - 1, target->x0 - 1, kpi->y1, bottom);
              g_ptr_array_extend (baseline_words, column, NULL, NULL);
              from = kpi->y1;
            }
        }

      titles = pdf_words_join (title_words, NULL);
      baselines = pdf_words_join (baseline_words, NULL);
      check_kpis_in_columns (kpis, titles, NULL, NULL, baselines, NULL, NULL);
    }
}

/* The column headers of each page of an appendix (its first word,
 * "District"), checked in order on every page; and the word each of
 * @districts starts its row with, in order, in the District column. */
static void
find_appendix_rows (PdfText     *text,
                    const char  *path,
                    GPtrArray   *districts,
                    PdfWord   ***headers_out,
                    PdfWord   ***starts_out)
{
  g_autoptr(GPtrArray) district_words = g_ptr_array_new ();
  g_autoptr(GArray) district_offsets = NULL;
  g_autofree char *district_text = NULL;
  PdfWord **headers = g_new0 (PdfWord *, text->n_pages);
  PdfWord **starts = g_new0 (PdfWord *, districts->len);
  gsize cursor = 0;

  /* The column headers, in order, on every page. */
  for (guint p = 0; p < text->n_pages; p++)
    {
      g_autoptr(GPtrArray) line = NULL;
      g_autoptr(GPtrArray) column = NULL;

      g_assert_cmpfloat_with_epsilon (g_array_index (text->page_widths, double, p), 841.89, 0.5);
      g_assert_cmpfloat_with_epsilon (g_array_index (text->page_heights, double, p), 595.276, 0.5);

      headers[p] = pdf_text_find_phrase (text, p, "District", "Summary", "Key", "Outcomes",
                                         "Headline", "KPIs", "Baseline", "Progress", NULL);
      if (headers[p] == NULL)
        g_error ("page %u of %s has no column headers", p + 1, path);

      line = pdf_text_select (text, p, headers[p]->x0, G_MAXDOUBLE, headers[p]->y0 - 1, headers[p]->y0 + 1);
      g_assert_cmpuint (line->len, >=, 9);

      column = pdf_text_select (text, p, headers[p]->x0 - 1,
                                ((PdfWord *) g_ptr_array_index (line, 1))->x0 - 1,
                                headers[p]->y1, G_MAXDOUBLE);
      g_ptr_array_extend (district_words, column, NULL, NULL);
    }

  /* Each district starts a row, in order, in the District column. */
  district_text = pdf_words_join (district_words, &district_offsets);
  for (guint d = 0; d < districts->len; d++)
    {
      const char *name = g_ptr_array_index (districts, d);
      const char *found = strstr (district_text + cursor, name);

      if (found == NULL)
        g_error ("district “%s” has no row (in order) in:\n%s", name, district_text);
      starts[d] = g_ptr_array_index (district_words,
                                     g_array_index (district_offsets, guint, found - district_text));
      cursor = found - district_text + strlen (name);
    }

  *headers_out = headers;
  *starts_out = starts;
}

/* The top of the first line in [@top, @bottom) of @page that starts at
 * @x with "Progress in" or "Notes on": the narrative and the notes on the
 * data run under a district's row across the whole table, so they end
 * its columns. G_MAXDOUBLE when there is none. */
static double
spanning_top (PdfText *text,
              guint    page,
              double   x,
              double   top,
              double   bottom)
{
  static const char * const openings[][2] = { { "Progress", "in" }, { "Notes", "on" } };
  double found = G_MAXDOUBLE;

  for (guint i = 0; i < G_N_ELEMENTS (openings); i++)
    {
      PdfWord *word = find_pair (text, page, top, bottom, openings[i][0], openings[i][1]);

      if (word != NULL && ABS (word->x0 - x) < 3)
        found = MIN (found, word->y0 - 1);
    }

  return found;
}

GPtrArray *
appendix_column_texts (const char *path,
                       GPtrArray  *districts,
                       guint       from_column,
                       guint       to_column)
{
  /* Which word of the header line starts each column ("Key Outcomes" and
   * "Headline KPIs" are two words each). */
  static const guint header_word[] = { 0, 1, 2, 4, 6, 7 };
  g_autoptr(GError) error = NULL;
  g_autoptr(PdfText) text = pdf_text_load (path, &error);
  g_autofree PdfWord **headers = NULL;
  g_autofree PdfWord **starts = NULL;
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);

  g_assert_no_error (error);
  g_assert_cmpuint (from_column, <, to_column);
  g_assert_cmpuint (to_column, <=, G_N_ELEMENTS (header_word));
  find_appendix_rows (text, path, districts, &headers, &starts);

  for (guint d = 0; d < districts->len; d++)
    {
      g_autoptr(GPtrArray) words = g_ptr_array_new ();
      PdfWord *start = starts[d];
      PdfWord *next = d + 1 < districts->len ? starts[d + 1] : NULL;
      guint last_page = next != NULL ? next->page : text->n_pages - 1;

      for (guint p = start->page; p <= last_page; p++)
        {
          g_autoptr(GPtrArray) line = pdf_text_select (text, p, headers[p]->x0, G_MAXDOUBLE,
                                                       headers[p]->y0 - 1, headers[p]->y0 + 1);
          double from_x = ((PdfWord *) g_ptr_array_index (line, header_word[from_column]))->x0 - 1;
          double to_x = to_column < G_N_ELEMENTS (header_word)
                        ? ((PdfWord *) g_ptr_array_index (line, header_word[to_column]))->x0 - 1
                        : G_MAXDOUBLE;
          double top = p == start->page ? start->y0 - 1 : headers[p]->y1;
          /* Above the running footer. */
          double bottom = next != NULL && p == next->page
                          ? next->y0 - 1 : g_array_index (text->page_heights, double, p) - 40;
          double spanning = spanning_top (text, p, headers[p]->x0, top, bottom);
          g_autoptr(GPtrArray) column = pdf_text_select (text, p, from_x, to_x, top, MIN (bottom, spanning));

          g_ptr_array_extend (words, column, NULL, NULL);
          if (spanning < bottom)
            break;
        }

      g_ptr_array_add (texts, pdf_words_join (words, NULL));
    }

  return texts;
}

void
check_appendix_pdf (const char *path,
                    GPtrArray  *reference)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdfText) text = pdf_text_load (path, &error);
  g_autoptr(GPtrArray) districts = reference_districts (reference);
  g_autofree PdfWord **headers = NULL;
  g_autofree PdfWord **starts = NULL;

  g_assert_no_error (error);
  find_appendix_rows (text, path, districts, &headers, &starts);

  for (guint d = 0; d < districts->len; d++)
    {
      const char *district = g_ptr_array_index (districts, d);
      g_autoptr(GPtrArray) kpis = reference_of (reference, district);
      g_autoptr(GPtrArray) title_words = g_ptr_array_new ();
      g_autoptr(GPtrArray) baseline_words = g_ptr_array_new ();
      g_autoptr(GArray) title_offsets = NULL;
      g_autoptr(GArray) baseline_offsets = NULL;
      g_autofree char *titles = NULL;
      g_autofree char *baselines = NULL;
      PdfWord *start = starts[d];
      PdfWord *next = d + 1 < districts->len ? starts[d + 1] : NULL;
      guint last_page = next != NULL ? next->page : text->n_pages - 1;
      gboolean narrative = FALSE;

      for (guint p = start->page; p <= last_page && !narrative; p++)
        {
          g_autoptr(GPtrArray) line = pdf_text_select (text, p, headers[p]->x0, G_MAXDOUBLE,
                                                       headers[p]->y0 - 1, headers[p]->y0 + 1);
          double kpi_x = ((PdfWord *) g_ptr_array_index (line, 4))->x0 - 1;
          double baseline_x = ((PdfWord *) g_ptr_array_index (line, 6))->x0 - 1;
          double progress_x = ((PdfWord *) g_ptr_array_index (line, 7))->x0 - 1;
          double top = p == start->page ? start->y0 - 1 : headers[p]->y1;
          double bottom = next != NULL && p == next->page ? next->y0 - 1 : G_MAXDOUBLE;
          g_autoptr(GPtrArray) column = NULL;

          /* The row's narrative runs across the KPI columns below them. */
          column = pdf_text_select (text, p, kpi_x, kpi_x + 4, top, bottom);
          for (guint w = 0; w < column->len; w++)
            {
              PdfWord *word = g_ptr_array_index (column, w);

              if (g_str_equal (word->text, "Progress") && w + 1 < column->len &&
                  g_str_equal (((PdfWord *) g_ptr_array_index (column, w + 1))->text, "in"))
                {
                  bottom = word->y0 - 1;
                  narrative = TRUE;
                  break;
                }
            }
          g_clear_pointer (&column, g_ptr_array_unref);

          column = pdf_text_select (text, p, kpi_x, baseline_x, top, bottom);
          g_ptr_array_extend (title_words, column, NULL, NULL);
          g_clear_pointer (&column, g_ptr_array_unref);
          column = pdf_text_select (text, p, baseline_x, progress_x, top, bottom);
          g_ptr_array_extend (baseline_words, column, NULL, NULL);
        }

      titles = pdf_words_join (title_words, &title_offsets);
      baselines = pdf_words_join (baseline_words, &baseline_offsets);
      check_kpis_in_columns (kpis, titles, title_offsets, title_words,
                             baselines, baseline_offsets, baseline_words);
    }
}

void
check_no_overlap (const char *path,
                  double      margin)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdfText) text = pdf_text_load (path, &error);

  g_assert_no_error (error);

  for (guint p = 0; p < text->n_pages; p++)
    {
      double width = g_array_index (text->page_widths, double, p);
      double height = g_array_index (text->page_heights, double, p);
      g_autoptr(GPtrArray) words = pdf_text_select (text, p, -G_MAXDOUBLE, G_MAXDOUBLE,
                                                    -G_MAXDOUBLE, G_MAXDOUBLE);

      for (guint i = 0; i < words->len; i++)
        {
          PdfWord *a = g_ptr_array_index (words, i);

          if (a->x0 < margin - 0.5 || a->x1 > width - margin + 0.5 || a->y0 < 0 || a->y1 > height)
            g_error ("page %u: “%s” at (%.1f, %.1f)-(%.1f, %.1f) is outside the margins",
                     p + 1, a->text, a->x0, a->y0, a->x1, a->y1);

          for (guint j = i + 1; j < words->len; j++)
            {
              PdfWord *b = g_ptr_array_index (words, j);
              double across = MIN (a->x1, b->x1) - MAX (a->x0, b->x0);
              double down = MIN (a->y1, b->y1) - MAX (a->y0, b->y0);
              double lowest = MIN (a->y1 - a->y0, b->y1 - b->y0);

              /* Line boxes of a paragraph may touch; words must not cover each other. */
              if (across > 0.5 && down > lowest * 0.5)
                g_error ("page %u: “%s” and “%s” overlap", p + 1, a->text, b->text);
            }
        }
    }
}
