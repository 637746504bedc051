/* test-report.c: the printed documents, laid out by the library
 *
 * Each document is written to PDF and read back with poppler's tools:
 * what a committee member would see, not what the code thinks it drew.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include <cairo-pdf.h>

#include <glib/gstdio.h>

#include "pm-appendix-report.h"
#include "pm-summary-report.h"
#include "pm-report-private.h"
#include "store/pm-programme-file.h"

#include "pm-test-sample.h"
#include "report-checks.h"

static char *tmp_dir;
static GPtrArray *reference;

static PmPeriod *
q3 (void)
{
  return pm_period_new (2016, 3);
}

/* Writes @report to a new file in the test folder; returns its path. */
static char *
export (PmReport   *report,
        const char *name)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (tmp_dir, name, NULL);
  struct stat info;

  pm_report_set_printed_date (report, "2017-01-05");
  g_assert_true (pm_report_export_pdf (report, path, &error));
  g_assert_no_error (error);

  g_assert_cmpint (g_stat (path, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);

  /* The page count the layout computed is the page count of the file. */
  g_assert_cmpuint (pm_report_get_n_pages (report), >, 0);
  g_assert_cmpuint (pdf_info_n_pages (path), ==, pm_report_get_n_pages (report));

  return path;
}

/* All the words in poppler's reading order, which keeps a table cell's
 * lines together. */
static char *
whole_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdfText) text = pdf_text_load (path, &error);

  g_assert_no_error (error);

  return pdf_words_join (text->words, NULL);
}

static void
test_summary_all (void)
{
  g_autoptr(PmProgramme) programme = pm_test_sample_file_load ();
  g_autoptr(PmPeriod) period = q3 ();
  g_autoptr(PmReport) report = pm_summary_report_new (programme, period, NULL);
  g_autofree char *path = export (report, "summary-all.pdf");
  g_autofree char *text = whole_text (path);

  /* A first page, then at least a page for each of the eight districts. */
  g_assert_cmpuint (pm_report_get_n_pages (report), >=, 9);
  check_summary_pdf (path, reference, NULL);

  /* Footer on every page, the RAG rule stated. */
  for (guint i = 1; i <= pm_report_get_n_pages (report); i++)
    {
      g_autofree char *footer = g_strdup_printf ("Page %u of %u", i, pm_report_get_n_pages (report));

      g_assert_nonnull (strstr (text, footer));
    }
  g_assert_nonnull (strstr (text, "grey: cannot be judged, because there is no value for the period, "
                                  "no baseline value or no target"));
  /* When it was produced: in the footer now, not under the title. */
  g_assert_nonnull (strstr (text, "Produced 5 January 2017"));
  g_assert_null (strstr (text, "Printed"));
}

static void
test_summary_district (void)
{
  g_autoptr(PmProgramme) programme = pm_test_sample_file_load ();
  g_autoptr(PmPeriod) period = q3 ();
  PmDistrict *tamworth = pm_programme_find_district (programme, "Tamworth");
  g_autoptr(PmReport) all = pm_summary_report_new (programme, period, NULL);
  g_autoptr(PmReport) report = pm_summary_report_new (programme, period, tamworth);
  g_autofree char *all_path = export (all, "summary-all.pdf");
  g_autofree char *path = export (report, "summary-tamworth.pdf");
  g_autofree char *text = whole_text (path);
  g_autoptr(GPtrArray) districts = reference_districts (reference);

  g_assert_nonnull (tamworth);
  check_summary_pdf (path, reference, "Tamworth");
  g_assert_cmpuint (pm_report_get_n_pages (report), <, pm_report_get_n_pages (all));

  /* No other district's KPIs, nor its row in the programme table. */
  for (guint i = 0; i < reference->len; i++)
    {
      RefKpi *kpi = g_ptr_array_index (reference, i);

      if (!g_str_equal (kpi->district, "Tamworth"))
        g_assert_null (strstr (text, kpi->title));
    }
  for (guint i = 0; i < districts->len; i++)
    if (!g_str_equal (g_ptr_array_index (districts, i), "Tamworth"))
      g_assert_cmpint (find_token (text, g_ptr_array_index (districts, i), 0), ==, -1);
}

static void
test_appendix (void)
{
  g_autoptr(PmProgramme) programme = pm_test_sample_file_load ();
  g_autoptr(PmPeriod) period = q3 ();
  g_autoptr(PmReport) report = pm_appendix_report_new (programme, period);
  g_autofree char *path = export (report, "appendix.pdf");
  g_autofree char *text = whole_text (path);

  g_assert_true (pm_report_get_landscape (report));
  check_appendix_pdf (path, reference);

  /* This period's values and narrative are in the progress column. */
  g_assert_nonnull (strstr (text, "5 families currently supported by West Chadsmoor Family Centre"));
  g_assert_nonnull (strstr (text, "Progress in Q3 2016/17: As at November 2016, WCFC"));
}

static void
test_no_overlap (void)
{
  g_autoptr(PmProgramme) programme = pm_test_sample_file_load ();
  g_autoptr(PmPeriod) period = q3 ();
  g_autoptr(PmReport) summary = pm_summary_report_new (programme, period, NULL);
  g_autoptr(PmReport) appendix = pm_appendix_report_new (programme, period);
  g_autofree char *summary_path = export (summary, "summary.pdf");
  g_autofree char *appendix_path = export (appendix, "appendix.pdf");

  check_no_overlap (summary_path, 48);
  check_no_overlap (appendix_path, 30);
}

/* A programme of one district and one pilot with @n_kpis KPIs, the title
 * of each @title_words words long, each word unique ("k03w0007"). */
static PmProgramme *
make_programme (guint n_kpis,
                guint title_words)
{
  g_autoptr(PmProgramme) programme = pm_programme_new ("Test programme");
  g_autoptr(PmDistrict) district = pm_district_new ("Testshire");
  g_autoptr(PmPilot) pilot = pm_pilot_new ("Test pilot");
  g_autoptr(GError) error = NULL;

  pm_pilot_set_summary (pilot, "A pilot made up for the test.");
  pm_programme_add_district (programme, district, &error);
  g_assert_no_error (error);
  pm_district_add_pilot (district, pilot);

  for (guint k = 0; k < n_kpis; k++)
    {
      g_autoptr(GString) title = g_string_new (NULL);
      g_autoptr(PmKpi) kpi = NULL;
      g_autoptr(PmBaseline) baseline = NULL;

      for (guint w = 0; w < title_words; w++)
        g_string_append_printf (title, "%sk%02uw%04u", w > 0 ? " " : "", k, w);

      kpi = pm_kpi_new (title->str, PM_UNIT_COUNT, PM_DIRECTION_INCREASE);
      baseline = pm_baseline_new_value (1000 + k, "2016-10", NULL);
      pm_kpi_set_baseline (kpi, baseline, &error);
      g_assert_no_error (error);
      pm_pilot_add_kpi (pilot, kpi);
    }

  return g_steal_pointer (&programme);
}

/* Every word of every title is printed once and once only, in order. */
static void
assert_titles_whole (const char *text,
                     guint       n_kpis,
                     guint       title_words)
{
  const char *cursor = text;

  for (guint k = 0; k < n_kpis; k++)
    for (guint w = 0; w < title_words; w++)
      {
        g_autofree char *word = g_strdup_printf ("k%02uw%04u", k, w);
        const char *found = strstr (cursor, word);

        if (found == NULL)
          g_error ("“%s” is missing (or out of order)", word);
        g_assert_null (strstr (found + 1, word));
        cursor = found;
      }
}

/* An arrow up for referrals that fell from 17 to 16 read backwards: the
 * print says which way it moved and whether that is good. */
static void
test_summary_travel_words (void)
{
  g_autoptr(PmProgramme) programme = pm_test_sample_file_load ();
  g_autoptr(PmPeriod) period = q3 ();
  PmDistrict *stafford = pm_programme_find_district (programme, "Stafford");
  PmKpi *kpi = pm_test_find_kpi (programme, "Stafford", "Reduction in the referrals into the LST");
  g_autoptr(PmReport) report = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  pm_test_set_value (NULL, kpi, period, 16, NULL);
  report = pm_summary_report_new (programme, period, stafford);
  path = export (report, "summary-travel.pdf");
  text = whole_text (path);

  g_assert_nonnull (strstr (text, "Improving down from a baseline of 17 to 16"));
  g_assert_null (strstr (text, "↑"));
  g_assert_null (strstr (text, "↓"));
}

static void
test_summary_long_row (void)
{
  g_autoptr(PmProgramme) programme = make_programme (1, 1500);
  g_autoptr(PmPeriod) period = q3 ();
  g_autoptr(PmReport) report = pm_summary_report_new (programme, period, NULL);
  g_autofree char *path = export (report, "long-row.pdf");
  g_autofree char *text = whole_text (path);
  g_autoptr(PdfText) pdf = pdf_text_load (path, NULL);
  guint headers = 0;

  /* A row taller than a page is split at line boundaries, marked, and
   * nothing is lost or printed twice. */
  g_assert_cmpuint (pm_report_get_n_pages (report), >=, 4);
  g_assert_nonnull (strstr (text, "(continued)"));
  assert_titles_whole (text, 1, 1500);

  /* The table header is repeated on every page the table runs on to. */
  for (guint p = 0; p < pdf->n_pages; p++)
    if (pdf_text_find_phrase (pdf, p, "KPI", "Baseline", "Target", NULL) != NULL)
      headers++;
  g_assert_cmpuint (headers, >=, 3);

  check_no_overlap (path, 48);
}

static void
test_summary_many_kpis (void)
{
  g_autoptr(PmProgramme) programme = make_programme (60, 12);
  g_autoptr(PmPeriod) period = q3 ();
  g_autoptr(PmReport) report = pm_summary_report_new (programme, period, NULL);
  g_autofree char *path = export (report, "many-kpis.pdf");
  g_autofree char *text = whole_text (path);
  g_autoptr(PdfText) pdf = pdf_text_load (path, NULL);
  guint first_table = G_MAXUINT, last_table = 0;

  assert_titles_whole (text, 60, 12);
  g_assert_nonnull (strstr (text, "Headline KPIs, Testshire (continued)"));

  for (guint p = 0; p < pdf->n_pages; p++)
    if (pdf_text_find_phrase (pdf, p, "KPI", "Baseline", "Target", NULL) != NULL)
      {
        first_table = MIN (first_table, p);
        last_table = MAX (last_table, p);
      }
  g_assert_cmpuint (last_table, >, first_table);

  /* Each page between has the header: rows are never left headless. */
  for (guint p = first_table; p <= last_table; p++)
    g_assert_nonnull (pdf_text_find_phrase (pdf, p, "KPI", "Baseline", "Target", NULL));

  check_no_overlap (path, 48);
}

/* A table carried on to a new page never leaves its last row alone under
 * the repeated header: whatever the number of KPIs, each page it runs on
 * to holds two rows at least. */
static void
test_summary_no_lone_row (void)
{
  for (guint n = 4; n <= 24; n++)
    {
      g_autoptr(PmProgramme) programme = make_programme (n, 12);
      g_autoptr(PmPeriod) period = q3 ();
      g_autoptr(PmReport) report = pm_summary_report_new (programme, period, NULL);
      g_autofree char *name = g_strdup_printf ("lone-row-%u.pdf", n);
      g_autofree char *path = export (report, name);
      g_autoptr(PdfText) pdf = pdf_text_load (path, NULL);

      for (guint p = 0; p < pdf->n_pages; p++)
        {
          PdfWord *caption = pdf_text_find_phrase (pdf, p, "Headline", "KPIs,", "Testshire", "(continued)", NULL);
          guint rows = 0;

          if (caption == NULL)
            continue;

          for (guint k = 0; k < n; k++)
            {
              g_autofree char *first = g_strdup_printf ("k%02uw0000", k);

              if (pdf_text_find_phrase (pdf, p, first, NULL) != NULL)
                rows++;
            }
          if (rows < 2)
            g_error ("%u KPIs: page %u holds %u row under the repeated header", n, p + 1, rows);
        }
    }
}

static void
test_appendix_continued (void)
{
  g_autoptr(PmProgramme) programme = make_programme (70, 10);
  g_autoptr(PmPeriod) period = q3 ();
  g_autoptr(PmReport) report = pm_appendix_report_new (programme, period);
  g_autofree char *path = export (report, "appendix-long.pdf");
  g_autofree char *text = whole_text (path);
  g_autoptr(PdfText) pdf = pdf_text_load (path, NULL);

  /* One row over several pages: split between KPIs, each page with the
   * column headers and the district named again. */
  g_assert_cmpuint (pm_report_get_n_pages (report), >=, 3);
  assert_titles_whole (text, 70, 10);

  for (guint p = 0; p < pdf->n_pages; p++)
    {
      g_assert_nonnull (pdf_text_find_phrase (pdf, p, "District", "Summary", "Key", "Outcomes", NULL));
      if (p > 0)
        {
          /* "(continued)" may wrap under the name in the narrow column. */
          g_autoptr(GPtrArray) words = pdf_text_select (pdf, p, 0, 100, 0, G_MAXDOUBLE);
          g_autofree char *page_text = pdf_words_join (words, NULL);

          g_assert_nonnull (strstr (page_text, "Testshire (continued)"));
        }
    }

  /* Each KPI starts level with its baseline (1000 + its number). */
  for (guint k = 0; k < 70; k++)
    {
      g_autofree char *first = g_strdup_printf ("k%02uw0000", k);
      g_autofree char *value = g_strdup_printf ("1,%03u", k);
      PdfWord *kpi_word = NULL, *baseline_word = NULL;

      for (guint w = 0; w < pdf->words->len; w++)
        {
          PdfWord *word = g_ptr_array_index (pdf->words, w);

          if (g_str_equal (word->text, first))
            kpi_word = word;
          else if (g_str_equal (word->text, value) && baseline_word == NULL)
            baseline_word = word;
        }

      g_assert_nonnull (kpi_word);
      g_assert_nonnull (baseline_word);
      g_assert_cmpuint (kpi_word->page, ==, baseline_word->page);
      g_assert_cmpfloat_with_epsilon (kpi_word->y0, baseline_word->y0, 1.0);
    }

  check_no_overlap (path, 30);
}

static void
test_export_failure (void)
{
  g_autoptr(PmProgramme) programme = pm_test_sample_file_load ();
  g_autoptr(PmPeriod) period = q3 ();
  g_autoptr(PmReport) report = pm_appendix_report_new (programme, period);
  g_autoptr(GError) error = NULL;
  g_autofree char *missing = g_build_filename (tmp_dir, "no-such-folder", "out.pdf", NULL);
  g_autofree char *folder = g_build_filename (tmp_dir, "a-folder", NULL);
  g_autoptr(GDir) dir = NULL;
  const char *name;

  /* A folder that is not there: nothing written, a message naming it. */
  g_assert_false (pm_report_export_pdf (report, missing, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "no-such-folder"));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* The name of a folder: written under a temporary name, then the
   * rename fails, and the temporary file is gone again. */
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_false (pm_report_export_pdf (report, folder, &error));
  g_assert_nonnull (error);
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));

  dir = g_dir_open (tmp_dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_false (g_str_has_prefix (name, "."));
}

/* The pages laid out whole and drawn one after another, as printing
 * does, into a plain cairo PDF: what an export must match. */
static char *
draw_held (PmReport   *report,
           const char *name)
{
  char *path = g_build_filename (tmp_dir, name, NULL);
  cairo_surface_t *surface;
  cairo_t *cr;
  double width, height;

  pm_report_get_paper_size (report, &width, &height);
  surface = cairo_pdf_surface_create (path, width, height);
  cr = cairo_create (surface);
  pm_report_paginate (report, cr, width, height);
  for (guint i = 0; i < pm_report_get_n_pages (report); i++)
    {
      pm_report_draw_page (report, cr, i);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  return path;
}

/* An export lays the pages out twice and draws each as soon as it is
 * complete, never holding them all: the file must be the same document,
 * page numbers in the programme table and footers included. */
static void
test_export_streamed (void)
{
  g_autoptr(PmProgramme) programme = pm_test_sample_file_load ();
  g_autoptr(PmPeriod) period = q3 ();

  for (guint per_page = 0; per_page < 2; per_page++)
    {
      g_autoptr(PmReport) streamed = pm_summary_report_new (programme, period, NULL);
      g_autoptr(PmReport) held = pm_summary_report_new (programme, period, NULL);
      g_autofree char *streamed_path = NULL;
      g_autofree char *held_path = NULL;
      g_autofree char *streamed_text = NULL;
      g_autofree char *held_text = NULL;

      /* Seventeen pages or more: streamed past the second, on one
       * surface, or in two parts side by side. */
      _pm_report_set_kept_pages (streamed, 2);
      _pm_report_set_processes (streamed, per_page + 1);
      pm_summary_report_set_district_per_page (PM_SUMMARY_REPORT (streamed), per_page);
      pm_summary_report_set_district_per_page (PM_SUMMARY_REPORT (held), per_page);
      pm_report_set_printed_date (held, "2017-01-05");
      streamed_path = export (streamed, per_page ? "streamed-per-page.pdf" : "streamed.pdf");
      held_path = draw_held (held, per_page ? "held-per-page.pdf" : "held.pdf");

      g_assert_cmpuint (pm_report_get_n_pages (streamed), ==, pm_report_get_n_pages (held));
      g_assert_cmpuint (pdf_info_n_pages (held_path), ==, pdf_info_n_pages (streamed_path));
      streamed_text = whole_text (streamed_path);
      held_text = whole_text (held_path);
      g_assert_cmpstr (streamed_text, ==, held_text);
    }
}

/* The disk fills part-way through a long export: an error naming the
 * file, and neither the file nor its temporary copy is left. */
static void
test_export_disk_full (gconstpointer data)
{
  guint part_pages = GPOINTER_TO_UINT (data);
  g_autofree char *path = g_build_filename (tmp_dir, "too-big.pdf", NULL);

  if (g_test_subprocess ())
    {
      g_autoptr(PmProgramme) programme = pm_test_sample_file_load ();
      g_autoptr(PmPeriod) period = q3 ();
      g_autoptr(PmReport) report = pm_summary_report_new (programme, period, NULL);
      g_autoptr(GError) error = NULL;
      struct rlimit limit = { 64 * 1024, 64 * 1024 };
      g_autoptr(GDir) dir = NULL;
      const char *name;

      _pm_report_set_kept_pages (report, 2);
      /* In parts, the disk fills while a part is written, by this
       * process or (G_MAXUINT) by a child drawing one. */
      _pm_report_set_processes (report, part_pages == G_MAXUINT ? 2 : 1);
      _pm_report_set_part_pages (report, part_pages == G_MAXUINT ? 0 : part_pages);
      /* Writes past 64 KiB fail with EFBIG, as on a full disk. */
      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

      g_assert_false (pm_report_export_pdf (report, path, &error));
      g_assert_nonnull (error);
      /* The file chosen, not a part of it ("too-big.pdf.part2"). */
      g_assert_nonnull (strstr (error->message, "“too-big.pdf”"));
      g_assert_null (strstr (error->message, ".part"));
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
      dir = g_dir_open (tmp_dir, 0, NULL);
      while ((name = g_dir_read_name (dir)) != NULL)
        g_assert_false (g_str_has_prefix (name, ".too-big.pdf"));
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

typedef struct
{
  GCancellable *cancellable;
  guint         calls;
  guint         last_done;
  guint         n_pages;
} Progress;

/* Cancels once the second page is written, as a person pressing Cancel
 * part-way through a long export would. */
static void
progress_cb (guint    done,
             guint    n_pages,
             gpointer user_data)
{
  Progress *progress = user_data;

  g_assert_cmpuint (done, ==, progress->last_done + 1);
  progress->calls++;
  progress->last_done = done;
  progress->n_pages = n_pages;
  if (done == 2)
    g_cancellable_cancel (progress->cancellable);
}

static void
test_export_progress_and_cancel (gconstpointer data)
{
  g_autoptr(PmProgramme) programme = pm_test_sample_file_load ();
  g_autoptr(PmPeriod) period = q3 ();
  g_autoptr(PmReport) report = pm_summary_report_new (programme, period, NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (tmp_dir, "cancelled.pdf", NULL);
  g_autofree char *whole = g_build_filename (tmp_dir, "whole.pdf", NULL);
  Progress progress = { cancellable, 0, 0, 0 };
  Progress all = { NULL, 0, 0, 0 };
  g_autoptr(GDir) dir = NULL;
  const char *name;

  /* In parts of one page, cancelled after the second part began; or
   * (G_MAXUINT) long, in parts drawn side by side by processes, cancelled
   * while the children draw. */
  if (GPOINTER_TO_UINT (data) == G_MAXUINT)
    {
      g_assert_true (_pm_report_can_fork ());
      _pm_report_set_kept_pages (report, 2);
      _pm_report_set_processes (report, 2);
    }
  else
    {
      _pm_report_set_processes (report, 1);
      _pm_report_set_part_pages (report, GPOINTER_TO_UINT (data));
    }
  g_assert_false (pm_report_export_pdf_full (report, path, cancellable, progress_cb, &progress, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (progress.calls, ==, 2);
  g_assert_cmpuint (progress.n_pages, >, 2);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  dir = g_dir_open (tmp_dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_false (g_str_has_prefix (name, ".cancelled.pdf"));

  /* Not cancelled: told of every page, and the file is there. */
  g_clear_error (&error);
  g_assert_true (pm_report_export_pdf_full (report, whole, NULL, progress_cb, &all, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (all.calls, ==, all.n_pages);
  g_assert_true (g_file_test (whole, G_FILE_TEST_IS_REGULAR));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  tmp_dir = pm_test_dir_new ("pm-report");
  reference = reference_load ();

  g_test_add_func ("/report/summary/all-districts", test_summary_all);
  g_test_add_func ("/report/summary/one-district", test_summary_district);
  g_test_add_func ("/report/summary/row-taller-than-a-page", test_summary_long_row);
  g_test_add_func ("/report/summary/travel-in-words", test_summary_travel_words);
  g_test_add_func ("/report/summary/table-over-pages", test_summary_many_kpis);
  g_test_add_func ("/report/summary/no-lone-row", test_summary_no_lone_row);
  g_test_add_func ("/report/appendix/sample", test_appendix);
  g_test_add_func ("/report/appendix/row-over-pages", test_appendix_continued);
  g_test_add_func ("/report/layout/no-overlap", test_no_overlap);
  g_test_add_data_func ("/report/export/progress-and-cancel", GUINT_TO_POINTER (0),
                        test_export_progress_and_cancel);
  g_test_add_data_func ("/report/export/progress-and-cancel-in-parts", GUINT_TO_POINTER (1),
                        test_export_progress_and_cancel);
  g_test_add_data_func ("/report/export/progress-and-cancel-side-by-side", GUINT_TO_POINTER (G_MAXUINT),
                        test_export_progress_and_cancel);
  g_test_add_func ("/report/export/failure", test_export_failure);
  g_test_add_func ("/report/export/streamed-as-held", test_export_streamed);
  g_test_add_data_func ("/report/export/disk-full", GUINT_TO_POINTER (0), test_export_disk_full);
  g_test_add_data_func ("/report/export/disk-full-in-parts", GUINT_TO_POINTER (3), test_export_disk_full);
  g_test_add_data_func ("/report/export/disk-full-side-by-side", GUINT_TO_POINTER (G_MAXUINT),
                        test_export_disk_full);

  status = g_test_run ();

  pm_test_clear_dir (&tmp_dir);
  g_ptr_array_unref (reference);

  return status;
}
