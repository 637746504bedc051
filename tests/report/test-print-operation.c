/* test-print-operation.c: printing from the window's code
 *
 * "Export PDF…" needs no display and always runs. The GtkPrintOperation
 * itself is run with GTK's export action, which draws through the print
 * context exactly as printing does, when there is a display (Xvfb);
 * without one that test is skipped.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>


#include "pm-print-operation.h"
#include "pm-report-signoffs.h"
#include "report/pm-appendix-report.h"
#include "report/pm-summary-report.h"
#include "store/pm-programme-file.h"

#include "pm-test-sample.h"
#include "report-checks.h"

static char *tmp_dir;
static GPtrArray *reference;
static gboolean have_display;

static void
test_export_summary (void)
{
  g_autoptr(PmProgramme) programme = pm_test_sample_file_load ();
  g_autoptr(PmPeriod) period = pm_period_new (2016, 3);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (tmp_dir, "stafford.pdf", NULL);

  g_assert_true (pm_print_operation_export_pdf (programme, period, "STAFFORD", FALSE, NULL, path, &error));
  g_assert_no_error (error);
  check_summary_pdf (path, reference, "Stafford");
}

static void
test_export_appendix (void)
{
  g_autoptr(PmProgramme) programme = pm_test_sample_file_load ();
  g_autoptr(PmPeriod) period = pm_period_new (2016, 3);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (tmp_dir, "appendix.pdf", NULL);

  /* The district is for summaries only: the appendix has every one. */
  g_assert_true (pm_print_operation_export_pdf (programme, period, "Stafford", TRUE, NULL, path, &error));
  g_assert_no_error (error);
  check_appendix_pdf (path, reference);
}

static void
test_export_unknown_district (void)
{
  g_autoptr(PmProgramme) programme = pm_test_sample_file_load ();
  g_autoptr(PmPeriod) period = pm_period_new (2016, 3);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (tmp_dir, "atlantis.pdf", NULL);

  g_assert_false (pm_print_operation_export_pdf (programme, period, "Atlantis", FALSE, NULL, path, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "Atlantis"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* Runs the print operation with GTK's export action into @path. */
static void
run_operation (PmPrintOperation *operation,
               const char       *path)
{
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), path);
  result = gtk_print_operation_run (GTK_PRINT_OPERATION (operation), GTK_PRINT_OPERATION_ACTION_EXPORT,
                                    NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
}

static guint
library_n_pages (PmReport *report)
{
  g_autofree char *path = g_build_filename (tmp_dir, "library.pdf", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (pm_report_export_pdf (report, path, &error));
  g_assert_no_error (error);

  return pm_report_get_n_pages (report);
}

static void
test_operation (void)
{
  g_autoptr(PmProgramme) programme = NULL;
  g_autoptr(PmPeriod) period = pm_period_new (2016, 3);
  g_autoptr(PmPrintOperation) appendix = NULL;
  g_autoptr(PmPrintOperation) summaries = NULL;
  g_autoptr(PmReport) appendix_report = NULL;
  g_autoptr(PmReport) summary_report = NULL;
  g_autofree char *appendix_path = g_build_filename (tmp_dir, "op-appendix.pdf", NULL);
  g_autofree char *summary_path = g_build_filename (tmp_dir, "op-lichfield.pdf", NULL);
  PmDistrict *lichfield;

  if (!have_display)
    {
      g_test_skip ("no display: GtkPrintOperation needs GTK initialised");
      return;
    }

  programme = pm_test_sample_file_load ();
  lichfield = pm_programme_find_district (programme, "Lichfield");

  /* The appendix, landscape, through begin_print, request_page_setup and
   * draw_page: the same pages as the library's own PDF. */
  appendix = pm_print_operation_new (programme, period);
  pm_print_operation_set_document (appendix, PM_PRINT_PROGRAMME_APPENDIX);
  run_operation (appendix, appendix_path);
  check_appendix_pdf (appendix_path, reference);
  appendix_report = pm_appendix_report_new (programme, period);
  g_assert_cmpuint (pdf_info_n_pages (appendix_path), ==, library_n_pages (appendix_report));

  summaries = pm_print_operation_new (programme, period);
  pm_print_operation_set_district (summaries, lichfield);
  run_operation (summaries, summary_path);
  check_summary_pdf (summary_path, reference, "Lichfield");
  summary_report = pm_summary_report_new (programme, period, lichfield);
  g_assert_cmpuint (pdf_info_n_pages (summary_path), ==, library_n_pages (summary_report));
}

/* Printing from the window says how each district's quarter stands, as
 * the exports do; a store that cannot say stops the print. */
static void
test_operation_signoffs (void)
{
  g_autofree char *db = g_build_filename (tmp_dir, "signoffs.db", NULL);
  g_autofree char *path = g_build_filename (tmp_dir, "op-signoffs.pdf", NULL);
  g_autoptr(PmProgramme) programme = NULL;
  g_autoptr(PmPeriod) period = pm_period_new (2016, 3);
  g_autoptr(PmPrintOperation) operation = NULL;
  g_autoptr(PmReport) report = NULL;
  g_autoptr(PmStore) store = NULL;
  g_autoptr(PdfText) text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) words = NULL;
  g_autofree char *joined = NULL;
  PmDistrict *lichfield;

  if (!have_display)
    {
      g_test_skip ("no display: GtkPrintOperation needs GTK initialised");
      return;
    }

  store = pm_test_sample_store_new (db, &programme);
  lichfield = pm_programme_find_district (programme, "Lichfield");
  g_assert_true (pm_store_set_signoff (store, lichfield, period, PM_SIGNOFF_SUBMITTED, NULL, &error));
  g_assert_no_error (error);

  operation = pm_print_operation_new (programme, period);
  pm_print_operation_set_store (operation, store);
  run_operation (operation, path);
  text = pdf_text_load (path, &error);
  g_assert_no_error (error);
  words = pdf_text_select (text, G_MAXUINT, 0, G_MAXDOUBLE, 0, G_MAXDOUBLE);
  joined = pdf_words_join (words, NULL);
  g_assert_nonnull (strstr (joined, "Lichfield Sign-off of Q3 2016/17: Submitted"));
  g_assert_nonnull (strstr (joined, "Tamworth Sign-off of Q3 2016/17: Open"));

  /* A closed store cannot say: the helper the print dialog uses fails
   * with the store's error rather than print an open quarter. */
  pm_store_close (store);
  report = pm_summary_report_new (programme, period, NULL);
  g_assert_false (pm_report_set_signoffs (report, store, programme, period, &error));
  g_assert_nonnull (error);
}

static void
find_widgets (GtkWidget *widget,
              GType      type,
              GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    find_widgets (child, type, found);
}

/* The Report tab of the print dialog: what is chosen there is printed. */
static void
test_report_tab (void)
{
  g_autoptr(PmProgramme) programme = NULL;
  g_autoptr(PmPeriod) period = pm_period_new (2017, 1);
  g_autoptr(PmPrintOperation) operation = NULL;
  g_autoptr(GPtrArray) checks = g_ptr_array_new ();
  g_autoptr(GPtrArray) drop_downs = g_ptr_array_new ();
  GtkPrintOperationClass *klass;
  GtkWidget *tab;
  GListModel *periods;

  if (!have_display)
    {
      g_test_skip ("no display: the Report tab is a widget");
      return;
    }

  programme = pm_test_sample_file_load ();
  operation = pm_print_operation_new (programme, period);
  klass = GTK_PRINT_OPERATION_GET_CLASS (operation);

  tab = g_object_ref_sink (klass->create_custom_widget (GTK_PRINT_OPERATION (operation)));
  find_widgets (tab, GTK_TYPE_CHECK_BUTTON, checks);
  find_widgets (tab, GTK_TYPE_DROP_DOWN, drop_downs);
  g_assert_cmpuint (checks->len, ==, 2);
  g_assert_cmpuint (drop_downs->len, ==, 2);

  /* Summaries of all districts for the window's period, to begin with. */
  g_assert_true (gtk_check_button_get_active (g_ptr_array_index (checks, 0)));
  g_assert_cmpuint (gtk_drop_down_get_selected (g_ptr_array_index (drop_downs, 0)), ==, 0);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (gtk_drop_down_get_model (g_ptr_array_index (drop_downs, 0))), 0),
                   ==, "All districts");

  /* Quarters from the data's first (Q3 2016/17) to the window's, latest first. */
  periods = gtk_drop_down_get_model (g_ptr_array_index (drop_downs, 1));
  g_assert_cmpuint (g_list_model_get_n_items (periods), ==, 3);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (periods), 2), ==, "Q3 2016/17");

  /* East Staffordshire's summaries for Q3 2016/17. */
  gtk_drop_down_set_selected (g_ptr_array_index (drop_downs, 0), 2);
  gtk_drop_down_set_selected (g_ptr_array_index (drop_downs, 1), 2);
  klass->custom_widget_apply (GTK_PRINT_OPERATION (operation), tab);
  g_assert_cmpint (pm_print_operation_get_document (operation), ==, PM_PRINT_DISTRICT_SUMMARIES);
  g_assert_nonnull (pm_print_operation_get_district (operation));
  g_assert_cmpstr (pm_district_get_name (pm_print_operation_get_district (operation)), ==, "East Staffordshire");
  g_assert_cmpint (pm_period_get_index (pm_print_operation_get_period (operation)), ==,
                   2016 * 4 + 2);

  /* The appendix has no district to choose. */
  gtk_check_button_set_active (g_ptr_array_index (checks, 1), TRUE);
  g_assert_false (gtk_widget_get_sensitive (g_ptr_array_index (drop_downs, 0)));
  klass->custom_widget_apply (GTK_PRINT_OPERATION (operation), tab);
  g_assert_cmpint (pm_print_operation_get_document (operation), ==, PM_PRINT_PROGRAMME_APPENDIX);

  g_object_unref (tab);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  have_display = gtk_init_check ();

  tmp_dir = pm_test_dir_new ("pm-print");
  reference = reference_load ();

  g_test_add_func ("/print/export-pdf/summary", test_export_summary);
  g_test_add_func ("/print/export-pdf/appendix", test_export_appendix);
  g_test_add_func ("/print/export-pdf/unknown-district", test_export_unknown_district);
  g_test_add_func ("/print/operation/export", test_operation);
  g_test_add_func ("/print/operation/report-tab", test_report_tab);
  g_test_add_func ("/print/operation/signoffs", test_operation_signoffs);

  status = g_test_run ();

  pm_test_clear_dir (&tmp_dir);
  g_ptr_array_unref (reference);

  return status;
}
