/* pm-table-export-xlsx.c: the programme appendix as an Excel workbook
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include <xlsxwriter.h>

#include "pm-table-export.h"
#include "pm-table-export-private.h"
#include "pm-report-private.h"

#include "model/pm-date.h"
#include "model/pm-limits.h"
#include "model/pm-site-value.h"
#include "util/pm-safe-file.h"

/* Excel's limits: characters in a cell, and in a sheet name (UTF-16 units). */
#define CELL_TEXT_MAX  32767
#define SHEET_NAME_MAX 31
#define N_UNITS        (PM_UNIT_MONEY + 1)
#define PAPER_A4       9
/* Excel's default row: 11 pt Calibri on 15 pt lines. */
#define LINE_HEIGHT    15.0

typedef struct
{
  const char *title;
  double      width;   /* in characters, as Excel measures columns */
  gboolean    number;  /* its header goes right, over the numbers */
} Column;

typedef struct
{
  lxw_workbook *workbook;
  lxw_format   *header;
  lxw_format   *number_header;
  lxw_format   *text;
  lxw_format   *numbers[N_UNITS][2];  /* [unit][has a fraction] */
  lxw_format   *day_date;
  lxw_format   *month_date;
  lxw_format   *status[PM_N_RAG];
  GHashTable   *sheet_names;          /* case-folded names in use */
  const Column *columns;              /* the current sheet's */
  guint         n_columns;
  guint         row_lines;            /* the current row's tallest cell */
  lxw_error     failed;               /* the first failure, or LXW_NO_ERROR */
} Book;

static lxw_color_t
colour_to_rgb (const PmReportColour *colour)
{
  return ((lxw_color_t) lround (colour->red * 255) << 16) |
         ((lxw_color_t) lround (colour->green * 255) << 8) |
         (lxw_color_t) lround (colour->blue * 255);
}

static lxw_format *
cell_format_new (Book *book)
{
  lxw_format *format = workbook_add_format (book->workbook);

  /* Wrapped text makes rows grow: keep every cell of a row at its top. */
  format_set_align (format, LXW_ALIGN_VERTICAL_TOP);
  return format;
}

/* Text starts a little in from its column's edge, so that it does not
 * run on from a number set against the right of the column before. */
static lxw_format *
left_format_new (Book *book)
{
  lxw_format *format = cell_format_new (book);

  format_set_align (format, LXW_ALIGN_LEFT);
  format_set_indent (format, 1);
  return format;
}

static void
set_header_style (Book       *book,
                  lxw_format *format)
{
  format_set_bold (format);
  format_set_text_wrap (format);
  format_set_pattern (format, LXW_PATTERN_SOLID);
  format_set_bg_color (format, colour_to_rgb (&pm_report_header_fill));
  format_set_bottom (format, LXW_BORDER_THIN);
}

static void
book_add_formats (Book *book)
{
  /* Whole values, then values with a fraction: 44.8% and £4,900.50
   * keep what the window shows. */
  static const char * const number_formats[N_UNITS][2] = {
    [PM_UNIT_COUNT]      = { "#,##0", "#,##0.0#" },
    [PM_UNIT_PERCENTAGE] = { "0%", "0.0%" },
    [PM_UNIT_DAYS]       = { "0", "0.0" },
    [PM_UNIT_RATE]       = { "#,##0", "#,##0.0#" },
    [PM_UNIT_MONEY]      = { "\"£\"#,##0", "\"£\"#,##0.00" },
  };

  book->header = left_format_new (book);
  set_header_style (book, book->header);
  book->number_header = cell_format_new (book);
  format_set_align (book->number_header, LXW_ALIGN_RIGHT);
  set_header_style (book, book->number_header);

  book->text = left_format_new (book);
  format_set_text_wrap (book->text);

  for (guint unit = 0; unit < N_UNITS; unit++)
    for (guint fraction = 0; fraction < 2; fraction++)
      {
        book->numbers[unit][fraction] = cell_format_new (book);
        format_set_num_format (book->numbers[unit][fraction], number_formats[unit][fraction]);
      }

  book->day_date = left_format_new (book);
  format_set_num_format (book->day_date, "d mmmm yyyy");
  book->month_date = left_format_new (book);
  format_set_num_format (book->month_date, "mmmm yyyy");

  /* The badges' colours, so the workbook reads like the printed table. */
  for (guint rag = 0; rag < PM_N_RAG; rag++)
    {
      PmReportColour fill, letter;

      _pm_report_rag_colours (rag, &fill, &letter);
      book->status[rag] = left_format_new (book);
      format_set_pattern (book->status[rag], LXW_PATTERN_SOLID);
      format_set_bg_color (book->status[rag], colour_to_rgb (&fill));
      format_set_font_color (book->status[rag], colour_to_rgb (&letter));
    }
}

static void
book_note (Book      *book,
           lxw_error  result)
{
  if (book->failed == LXW_NO_ERROR)
    book->failed = result;
}

/* How many lines @text takes wrapped at word boundaries in a column
 * @width characters wide. A column's width is counted in "0"s, wider than
 * most letters, so this errs on the tall side: a little room to spare
 * rather than lines hidden under the next row. */
static guint
wrapped_lines (const char *text,
               double      width)
{
  /* Less the indent, and a character of margin. */
  guint per_line = MAX (4, (guint) floor (width) - 3);
  g_auto(GStrv) paragraphs = g_strsplit (text, "\n", -1);
  guint lines = 0;

  for (guint p = 0; paragraphs[p] != NULL; p++)
    {
      g_auto(GStrv) words = g_strsplit (paragraphs[p], " ", -1);
      guint used = 0;

      lines++;
      for (guint w = 0; words[w] != NULL; w++)
        {
          guint length = g_utf8_strlen (words[w], -1);

          if (used > 0 && used + 1 + length > per_line)
            {
              lines++;
              used = 0;
            }
          if (used > 0)
            used++;
          /* A word longer than the line is broken wherever it reaches the edge. */
          while (length > per_line)
            {
              lines++;
              length -= per_line;
            }
          used += length;
        }
    }

  return MAX (1, lines);
}

/* Neither Excel nor LibreOffice makes a row tall enough for its wrapped
 * text when opening a file, so each row is given the height it needs. */
static void
finish_row (Book          *book,
            lxw_worksheet *sheet,
            lxw_row_t      row)
{
  if (book->row_lines > 1)
    book_note (book, worksheet_set_row (sheet, row, book->row_lines * LINE_HEIGHT, NULL));
  book->row_lines = 1;
}

static void
put_text (Book          *book,
          lxw_worksheet *sheet,
          lxw_row_t      row,
          lxw_col_t      col,
          const char    *text,
          lxw_format    *format)
{
  g_autofree char *cut = NULL;

  if (text == NULL || text[0] == '\0')
    {
      book_note (book, worksheet_write_blank (sheet, row, col, format));
      return;
    }

  /* Longer than a cell holds: keep what fits rather than lose the file. */
  if (g_utf8_strlen (text, -1) > CELL_TEXT_MAX)
    {
      g_autofree char *head = g_utf8_substring (text, 0, CELL_TEXT_MAX - 1);

      cut = g_strconcat (head, "…", NULL);
    }

  if ((format == book->text || format == book->header || format == book->number_header) &&
      col < book->n_columns)
    book->row_lines = MAX (book->row_lines,
                           wrapped_lines (cut != NULL ? cut : text, book->columns[col].width));

  book_note (book, worksheet_write_string (sheet, row, col, cut != NULL ? cut : text, format));
}

/* A value in @unit as the number a spreadsheet calculates with. */
static void
put_number (Book          *book,
            lxw_worksheet *sheet,
            lxw_row_t      row,
            lxw_col_t      col,
            PmUnit         unit,
            double         value)
{
  gboolean fraction;
  double number;

  g_return_if_fail ((guint) unit < N_UNITS);

  switch (unit)
    {
    case PM_UNIT_MONEY:
      fraction = fmod (round (value), 100.0) != 0.0;
      number = round (value) / 100.0;
      break;

    case PM_UNIT_PERCENTAGE:
      fraction = value != floor (value);
      number = value / 100.0;
      break;

    case PM_UNIT_COUNT:
    case PM_UNIT_DAYS:
    case PM_UNIT_RATE:
    default:
      fraction = value != floor (value);
      number = value;
      break;
    }

  book_note (book, worksheet_write_number (sheet, row, col, number, book->numbers[unit][fraction]));
}

/* An ISO date as a date: "2016-10" shows as "October 2016", a day as
 * "31 October 2017". */
static void
put_date (Book          *book,
          lxw_worksheet *sheet,
          lxw_row_t      row,
          lxw_col_t      col,
          const char    *iso)
{
  GDate date;
  lxw_datetime datetime = { 0, };

  if (iso == NULL || !pm_date_to_gdate (iso, &date) || g_date_get_year (&date) < 1900)
    {
      put_text (book, sheet, row, col, iso, book->text);
      return;
    }

  datetime.year = g_date_get_year (&date);
  datetime.month = g_date_get_month (&date);
  datetime.day = g_date_get_day (&date);

  book_note (book, worksheet_write_datetime (sheet, row, col, &datetime,
                                             pm_date_has_day (iso) ? book->day_date : book->month_date));
}

static void
put_status (Book          *book,
            lxw_worksheet *sheet,
            lxw_row_t      row,
            lxw_col_t      col,
            PmRag          rag)
{
  put_text (book, sheet, row, col, pm_rag_get_label (rag), book->status[rag]);
}

/* Excel measures a sheet name in UTF-16 units. */
static char *
cut_to_units (const char *text,
              guint       max_units)
{
  const char *p = text;
  guint units = 0;

  for (; *p != '\0'; p = g_utf8_next_char (p))
    {
      guint width = g_utf8_get_char (p) > 0xFFFF ? 2 : 1;

      if (units + width > max_units)
        break;
      units += width;
    }

  return g_strndup (text, p - text);
}

/* Spaces and apostrophes cannot start or end a sheet name in Excel (an
 * apostrophe quotes the name in formulas). */
static void
trim_sheet_name (GString *name)
{
  while (name->len > 0 && (name->str[0] == ' ' || name->str[0] == '\''))
    g_string_erase (name, 0, 1);
  while (name->len > 0 && (name->str[name->len - 1] == ' ' || name->str[name->len - 1] == '\''))
    g_string_truncate (name, name->len - 1);
}

static gboolean
sheet_name_is_used (Book       *book,
                    const char *name)
{
  g_autofree char *key = g_utf8_casefold (name, -1);

  return g_hash_table_contains (book->sheet_names, key);
}

static void
sheet_name_take (Book       *book,
                 const char *name)
{
  g_hash_table_add (book->sheet_names, g_utf8_casefold (name, -1));
}

/* @wanted as Excel allows a sheet name: without []:*?/\ or control
 * characters, at most 31 long, and unlike any name already taken (case
 * does not count), "Cannock Chase (2)" after "Cannock Chase". */
static char *
sheet_name_for (Book       *book,
                const char *wanted)
{
  g_autoptr(GString) clean = g_string_new (NULL);
  g_autofree char *base = NULL;
  char *name;

  for (const char *p = wanted; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x80 && strchr ("[]:*?/\\", (int) c) != NULL)
        continue;
      if (g_unichar_iscntrl (c))
        continue;
      g_string_append_unichar (clean, c);
    }

  trim_sheet_name (clean);
  if (clean->len == 0)
    g_string_assign (clean, _("District"));

  base = cut_to_units (clean->str, SHEET_NAME_MAX);
  g_string_assign (clean, base);
  trim_sheet_name (clean);
  g_free (base);
  base = g_strdup (clean->str);

  name = g_strdup (base);
  for (guint n = 2; sheet_name_is_used (book, name); n++)
    {
      g_autofree char *suffix = g_strdup_printf (" (%u)", n);
      g_autofree char *head = cut_to_units (base, SHEET_NAME_MAX - strlen (suffix));

      g_free (name);
      name = g_strconcat (g_strchomp (head), suffix, NULL);
    }

  sheet_name_take (book, name);
  return name;
}

/* A sheet with its header row, frozen and filtered, set to print on A4
 * landscape one page wide with the header repeated on every page. */
static lxw_worksheet *
book_add_sheet (Book         *book,
                const char   *name,
                const Column *columns,
                guint         n_columns,
                guint         n_rows)
{
  lxw_worksheet *sheet = workbook_add_worksheet (book->workbook, name);
  g_autofree char *footer = NULL;

  if (sheet == NULL)
    {
      book_note (book, LXW_ERROR_MEMORY_MALLOC_FAILED);
      return NULL;
    }

  book->columns = columns;
  book->n_columns = n_columns;
  book->row_lines = 1;

  for (guint c = 0; c < n_columns; c++)
    {
      book_note (book, worksheet_set_column (sheet, c, c, columns[c].width, NULL));
      put_text (book, sheet, 0, c, columns[c].title,
                columns[c].number ? book->number_header : book->header);
    }
  finish_row (book, sheet, 0);

  worksheet_freeze_panes (sheet, 1, 0);
  book_note (book, worksheet_autofilter (sheet, 0, 0, n_rows, n_columns - 1));

  worksheet_set_landscape (sheet);
  worksheet_set_paper (sheet, PAPER_A4);
  worksheet_fit_to_pages (sheet, 1, 0);
  book_note (book, worksheet_repeat_rows (sheet, 0, 0));
  /* Translators: the page number in a printed sheet; keep &P (this page)
   * and &N (the number of pages) as they are */
  footer = g_strconcat ("&L&A&R", _("Page &P of &N"), NULL);
  book_note (book, worksheet_set_footer (sheet, footer));

  return sheet;
}

static void
put_baseline (Book          *book,
              lxw_worksheet *sheet,
              lxw_row_t      r,
              lxw_col_t      c,
              PmKpi         *kpi,
              char        *(*words) (PmKpi *kpi))
{
  PmBaseline *baseline = pm_kpi_get_baseline (kpi);

  if (pm_baseline_has_value (baseline))
    {
      put_number (book, sheet, r, c, pm_kpi_get_unit (kpi), pm_baseline_get_value (baseline));
    }
  else
    {
      g_autofree char *text = words (kpi);

      put_text (book, sheet, r, c, text, book->text);
    }
}

static char *
baseline_words (PmKpi *kpi)
{
  return pm_baseline_format (pm_kpi_get_baseline (kpi), pm_kpi_get_unit (kpi));
}

static void
put_target (Book          *book,
            lxw_worksheet *sheet,
            lxw_row_t      r,
            lxw_col_t      c,
            PmKpi         *kpi)
{
  PmTarget *target = pm_kpi_get_current_target (kpi);

  if (target != NULL)
    put_number (book, sheet, r, c, pm_kpi_get_unit (kpi), pm_target_get_value (target));
  else
    put_text (book, sheet, r, c, NULL, book->text);
}

/* The period the row's value is for, as the prints name it: a yearly
 * KPI's outturn in a quarter's workbook is "2015/16", not the quarter.
 * Without a value, the workbook's period, as the CSV writes it. */
static void
put_period (Book          *book,
            lxw_worksheet *sheet,
            lxw_row_t      r,
            lxw_col_t      c,
            const KpiRow  *row,
            PmPeriod      *period)
{
  PmPeriod *own = row->entry != NULL ? pm_progress_entry_get_period (row->entry) : period;
  g_autofree char *label = pm_period_get_label (own);

  put_text (book, sheet, r, c, label, book->text);
}

static void
put_value (Book          *book,
           lxw_worksheet *sheet,
           lxw_row_t      r,
           lxw_col_t      c,
           const KpiRow  *row)
{
  if (_pm_table_export_entry_has_value (row))
    put_number (book, sheet, r, c, pm_kpi_get_unit (row->kpi),
                pm_progress_entry_get_value (row->entry));
  else
    put_text (book, sheet, r, c, NULL, book->text);
}

/* A percentage's numerator and denominator, as counts, in @c and the
 * column after; blank when it was given without them. */
static void
put_parts (Book          *book,
           lxw_worksheet *sheet,
           lxw_row_t      r,
           lxw_col_t      c,
           const KpiRow  *row)
{
  if (_pm_table_export_entry_has_value (row) && pm_progress_entry_has_fraction (row->entry))
    {
      put_number (book, sheet, r, c, PM_UNIT_COUNT, pm_progress_entry_get_numerator (row->entry));
      put_number (book, sheet, r, c + 1, PM_UNIT_COUNT, pm_progress_entry_get_denominator (row->entry));
    }
  else
    {
      put_text (book, sheet, r, c, NULL, book->text);
      put_text (book, sheet, r, c + 1, NULL, book->text);
    }
}

static void
add_appendix_sheet (Book     *book,
                    GArray   *rows,
                    PmPeriod *period)
{
  const Column columns[] = {
    { _("District"), 18 },
    { _("Pilot"), 28 },
    { _("Headline KPI"), 50 },
    { _("Baseline"), 24, TRUE },
    { _("Target"), 10, TRUE },
    { _("Period"), 14 },
    { _("Value"), 12, TRUE },
    { _("Status"), 9 },
  };
  g_autofree char *name = sheet_name_for (book, _("Appendix"));
  lxw_worksheet *sheet = book_add_sheet (book, name, columns, G_N_ELEMENTS (columns), rows->len);

  if (sheet == NULL)
    return;

  for (guint i = 0; i < rows->len; i++)
    {
      const KpiRow *row = &g_array_index (rows, KpiRow, i);
      lxw_row_t r = i + 1;

      put_text (book, sheet, r, 0, pm_district_get_name (row->district), book->text);
      put_text (book, sheet, r, 1, pm_pilot_get_title (row->pilot), book->text);
      put_text (book, sheet, r, 2, pm_kpi_get_title (row->kpi), book->text);
      /* The words the printed appendix gives, with the reason for a state. */
      put_baseline (book, sheet, r, 3, row->kpi, pm_wording_kpi_baseline);
      put_target (book, sheet, r, 4, row->kpi);
      put_period (book, sheet, r, 5, row, period);
      put_value (book, sheet, r, 6, row);
      put_status (book, sheet, r, 7, row->rag);
      finish_row (book, sheet, r);
    }
}

static void
add_district_sheet (Book       *book,
                    GArray     *rows,
                    PmDistrict *district,
                    PmPeriod   *period)
{
  const Column columns[] = {
    { _("Pilot"), 22 },
    { _("Headline KPI"), 40 },
    { _("Unit"), 11 },
    { _("Direction"), 11 },
    { _("Baseline"), 18, TRUE },
    { _("Baseline date"), 16 },
    { _("Baseline note"), 24 },
    { _("Target"), 9, TRUE },
    { _("Target date"), 16 },
    { _("Period"), 14 },
    { _("Value"), 12, TRUE },
    { _("Numerator"), 11, TRUE },
    { _("Denominator"), 12, TRUE },
    { _("Note"), 30 },
    { _("Status"), 9 },
    { _("Milestones"), 30 },
  };
  g_autofree char *name = sheet_name_for (book, pm_district_get_name (district));
  lxw_worksheet *sheet;
  guint n_rows = 0;
  lxw_row_t r = 0;

  for (guint i = 0; i < rows->len; i++)
    if (g_array_index (rows, KpiRow, i).district == district)
      n_rows++;

  sheet = book_add_sheet (book, name, columns, G_N_ELEMENTS (columns), n_rows);
  if (sheet == NULL)
    return;

  for (guint i = 0; i < rows->len; i++)
    {
      const KpiRow *row = &g_array_index (rows, KpiRow, i);
      PmKpi *kpi = row->kpi;
      PmBaseline *baseline = pm_kpi_get_baseline (kpi);
      PmTarget *target = pm_kpi_get_current_target (kpi);
      const char *baseline_note = pm_baseline_get_note (baseline);
      g_autofree char *words = NULL;
      g_autofree char *milestones = NULL;

      if (row->district != district)
        continue;
      r++;

      /* A state's words may already say the note ("No baseline (…)"). */
      if (!pm_baseline_has_value (baseline))
        words = baseline_words (kpi);
      if (baseline_note != NULL && words != NULL && strstr (words, baseline_note) != NULL)
        baseline_note = NULL;

      put_text (book, sheet, r, 0, pm_pilot_get_title (row->pilot), book->text);
      put_text (book, sheet, r, 1, pm_kpi_get_title (kpi), book->text);
      put_text (book, sheet, r, 2, pm_unit_get_label (pm_kpi_get_unit (kpi)), book->text);
      put_text (book, sheet, r, 3, pm_direction_get_label (pm_kpi_get_direction (kpi)), book->text);
      put_baseline (book, sheet, r, 4, kpi, baseline_words);
      put_date (book, sheet, r, 5, pm_baseline_get_date (baseline));
      put_text (book, sheet, r, 6, baseline_note, book->text);
      put_target (book, sheet, r, 7, kpi);
      put_date (book, sheet, r, 8, target != NULL ? pm_target_get_date (target) : NULL);
      put_period (book, sheet, r, 9, row, period);
      put_value (book, sheet, r, 10, row);
      put_parts (book, sheet, r, 11, row);
      put_text (book, sheet, r, 13, _pm_table_export_entry_note (row), book->text);
      put_status (book, sheet, r, 14, row->rag);
      milestones = pm_wording_kpi_target (kpi);
      put_text (book, sheet, r, 15, milestones, book->text);
      finish_row (book, sheet, r);
    }
}

/* One row of the Sites sheet: a site's part of a baseline or a value. */
static void
put_site_row (Book           *book,
              lxw_worksheet  *sheet,
              lxw_row_t       r,
              const KpiRow   *row,
              PmSiteValue    *site,
              const char     *figure)
{
  put_text (book, sheet, r, 0, pm_district_get_name (row->district), book->text);
  put_text (book, sheet, r, 1, pm_pilot_get_title (row->pilot), book->text);
  put_text (book, sheet, r, 2, pm_kpi_get_title (row->kpi), book->text);
  put_text (book, sheet, r, 3, pm_site_value_get_site (site), book->text);
  put_number (book, sheet, r, 4, pm_kpi_get_unit (row->kpi), pm_site_value_get_value (site));
  put_text (book, sheet, r, 5, figure, book->text);
  finish_row (book, sheet, r);
}

static GListModel *
value_sites (const KpiRow *row)
{
  return row->entry != NULL ? pm_progress_entry_get_sites (row->entry) : NULL;
}

/* The sites a baseline or the period's value was given by, one row each,
 * as numbers, the last column saying which figure they make up: the
 * other sheets carry the total. Only when some KPI has sites. */
static void
add_sites_sheet (Book   *book,
                 GArray *rows)
{
  const Column columns[] = {
    { _("District"), 18 },
    { _("Pilot"), 28 },
    { _("Headline KPI"), 50 },
    { _("Site"), 24 },
    { _("Value"), 12, TRUE },
    { _("Part of"), 18 },
  };
  g_autofree char *name = NULL;
  lxw_worksheet *sheet;
  guint n_rows = 0;
  lxw_row_t r = 0;

  for (guint i = 0; i < rows->len; i++)
    {
      const KpiRow *row = &g_array_index (rows, KpiRow, i);

      n_rows += g_list_model_get_n_items (pm_baseline_get_sites (pm_kpi_get_baseline (row->kpi)));
      if (value_sites (row) != NULL)
        n_rows += g_list_model_get_n_items (value_sites (row));
    }
  if (n_rows == 0)
    return;

  name = sheet_name_for (book, _("Sites"));
  sheet = book_add_sheet (book, name, columns, G_N_ELEMENTS (columns), n_rows);
  if (sheet == NULL)
    return;

  for (guint i = 0; i < rows->len; i++)
    {
      const KpiRow *row = &g_array_index (rows, KpiRow, i);
      GListModel *sites = pm_baseline_get_sites (pm_kpi_get_baseline (row->kpi));
      g_autofree char *period = NULL;

      for (guint s = 0; s < g_list_model_get_n_items (sites); s++)
        {
          g_autoptr(PmSiteValue) site = g_list_model_get_item (sites, s);

          put_site_row (book, sheet, ++r, row, site, _("Baseline"));
        }

      sites = value_sites (row);
      if (sites == NULL || g_list_model_get_n_items (sites) == 0)
        continue;
      period = pm_period_get_label (pm_progress_entry_get_period (row->entry));
      for (guint s = 0; s < g_list_model_get_n_items (sites); s++)
        {
          g_autoptr(PmSiteValue) site = g_list_model_get_item (sites, s);

          put_site_row (book, sheet, ++r, row, site, period);
        }
    }
}

static void
write_book (Book        *book,
            PmProgramme *programme,
            PmPeriod    *period)
{
  GListModel *districts = pm_programme_get_districts (programme);
  g_autoptr(GArray) rows = _pm_table_export_collect_rows (programme, period);
  g_autofree char *label = pm_period_get_label (period);
  g_autofree char *title = NULL;
  lxw_doc_properties properties = { 0, };

  /* Translators: the appendix title: "District pilots progress, Q3 2016/17" */
  title = g_strdup_printf (_("District pilots progress, %s"), label);
  properties.title = title;
  properties.subject = (char *) pm_programme_get_name (programme);
  book_note (book, workbook_set_properties (book->workbook, &properties));

  /* Excel keeps "History" for itself. */
  sheet_name_take (book, "History");

  add_appendix_sheet (book, rows, period);

  for (guint d = 0; d < g_list_model_get_n_items (districts); d++)
    {
      g_autoptr(PmDistrict) district = g_list_model_get_item (districts, d);

      add_district_sheet (book, rows, district, period);
    }

  add_sites_sheet (book, rows);
}

gboolean
pm_table_export_xlsx (PmProgramme  *programme,
                      PmPeriod     *period,
                      const char   *path,
                      GError      **error)
{
  g_autoptr(PmSafeFile) file = NULL;
  g_autofree char *name = NULL;
  Book book = { NULL, };
  lxw_error result;

  g_return_val_if_fail (PM_IS_PROGRAMME (programme), FALSE);
  g_return_val_if_fail (PM_IS_PERIOD (period), FALSE);
  g_return_val_if_fail (path != NULL && path[0] != '\0', FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  file = pm_safe_file_begin (path, PM_SAFE_FILE_DEFAULT, error);
  if (file == NULL)
    return FALSE;

  /* libxlsxwriter opens the file by name when the workbook is closed and
   * truncates it, which keeps the temporary file's mode; @file's own
   * descriptor stays open to sync it afterwards. */
  name = g_filename_display_basename (path);
  book.workbook = workbook_new (pm_safe_file_get_temp_path (file));
  if (book.workbook == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not save “%s”: %s."), name, lxw_strerror (LXW_ERROR_MEMORY_MALLOC_FAILED));
      return FALSE;
    }

  book.sheet_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  book_add_formats (&book);
  write_book (&book, programme, period);
  g_clear_pointer (&book.sheet_names, g_hash_table_unref);

  /* Closing writes the file and frees the workbook, whatever happened. */
  result = workbook_close (book.workbook);
  if (book.failed == LXW_NO_ERROR)
    book.failed = result;

  if (book.failed != LXW_NO_ERROR)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not save “%s”: %s."), name, lxw_strerror (book.failed));
      return FALSE;
    }

  return pm_safe_file_commit (file, error);
}
