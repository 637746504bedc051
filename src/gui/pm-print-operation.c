/* pm-print-operation.c: printing the district summaries and the appendix
 *
 * The report is laid out for A4 in begin_print, measured on the print
 * context's own cairo context, and each page is drawn from that layout in
 * draw_page (scaled to the paper if the printer's is not A4). Orientation
 * is set per page through request_page_setup: the appendix is landscape.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pm-print-operation.h"

#include "report/pm-appendix-report.h"
#include "report/pm-summary-report.h"
#include "pm-report-signoffs.h"

#define MAX_PERIODS 40

struct _PmPrintOperation
{
  GtkPrintOperation  parent_instance;

  /* Owned references */
  PmProgramme       *programme;
  PmPeriod          *period;
  PmDistrict        *district;
  PmReport          *report;    /* between begin_print and end_print */
  GListModel        *restatements;
  PmStore           *store;       /* the sign-offs' source; NULL for none */
  GError            *error;       /* why begin_print cancelled */

  PmPrintDocument    document;

  /* The Report tab's fields, read back by custom_widget_apply (which may
   * be called more than once) until the next tab or dispose */
  GtkCheckButton    *summaries_button;
  GtkDropDown       *district_dropdown;
  GtkDropDown       *period_dropdown;
  GPtrArray         *periods;     /* PmPeriod, as the drop-down lists them */
};

G_DEFINE_FINAL_TYPE (PmPrintOperation, pm_print_operation, GTK_TYPE_PRINT_OPERATION)

enum {
  PROP_0,
  PROP_PROGRAMME,
  PROP_PERIOD,
  PROP_DISTRICT,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Remembered for the session, so the printer and copies chosen last time
 * are offered again. */
static GtkPrintSettings *last_settings;

/* ------------------------------------------------------------------ */
/* The Report tab of the print dialog */

static void
widen_range (PmPeriod  *period,
             int       *first,
             int       *last)
{
  int index;

  if (period == NULL)
    return;

  /* A year or a month counts as the quarter it ends in. */
  index = pm_period_get_quarter_index (period);
  *first = MIN (*first, index);
  *last = MAX (*last, index);
}

/* The quarters worth offering: from the first one with anything recorded
 * to the later of the last one and the period shown in the window. */
static GPtrArray *
collect_periods (PmProgramme *programme,
                 PmPeriod    *period)
{
  GPtrArray *periods = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GListModel) kpis = pm_programme_list_kpis (programme);
  GListModel *districts = pm_programme_get_districts (programme);
  int first = pm_period_get_quarter_index (period);
  int last = first;

  for (guint k = 0; k < g_list_model_get_n_items (kpis); k++)
    {
      g_autoptr(PmKpi) kpi = g_list_model_get_item (kpis, k);
      GListModel *entries = pm_kpi_get_entries (kpi);

      for (guint e = 0; e < g_list_model_get_n_items (entries); e++)
        {
          g_autoptr(PmProgressEntry) entry = g_list_model_get_item (entries, e);

          widen_range (pm_progress_entry_get_period (entry), &first, &last);
        }
    }

  for (guint d = 0; d < g_list_model_get_n_items (districts); d++)
    {
      g_autoptr(PmDistrict) district = g_list_model_get_item (districts, d);
      GListModel *pilots = pm_district_get_pilots (district);

      for (guint p = 0; p < g_list_model_get_n_items (pilots); p++)
        {
          g_autoptr(PmPilot) pilot = g_list_model_get_item (pilots, p);
          GListModel *narratives = pm_pilot_get_narratives (pilot);
          GListModel *reach = pm_pilot_get_reach (pilot);

          for (guint n = 0; n < g_list_model_get_n_items (narratives); n++)
            {
              g_autoptr(PmNarrative) narrative = g_list_model_get_item (narratives, n);

              widen_range (pm_narrative_get_period (narrative), &first, &last);
            }

          for (guint r = 0; r < g_list_model_get_n_items (reach); r++)
            {
              g_autoptr(PmReachEntry) entry = g_list_model_get_item (reach, r);

              widen_range (pm_reach_entry_get_period (entry), &first, &last);
            }
        }
    }

  /* Most recent first, as the committee asks for the latest round. */
  first = MAX (first, last - MAX_PERIODS + 1);
  for (int index = last; index >= first; index--)
    g_ptr_array_add (periods, pm_period_new_from_index (index));

  return periods;
}

static GtkWidget *
labelled_row (GtkGrid    *grid,
              int         row,
              const char *mnemonic,
              GtkWidget  *widget)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (mnemonic);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), widget);
  gtk_grid_attach (grid, label, 0, row, 1, 1);
  gtk_grid_attach (grid, widget, 1, row, 1, 1);
  gtk_widget_set_hexpand (widget, TRUE);

  return label;
}

static void
forget_report_tab (PmPrintOperation *self)
{
  g_clear_object (&self->summaries_button);
  g_clear_object (&self->district_dropdown);
  g_clear_object (&self->period_dropdown);
  g_clear_pointer (&self->periods, g_ptr_array_unref);
}

static GtkWidget *
pm_print_operation_create_custom_widget (GtkPrintOperation *operation)
{
  PmPrintOperation *self = PM_PRINT_OPERATION (operation);
  GListModel *districts = pm_programme_get_districts (self->programme);
  g_autoptr(GPtrArray) periods = collect_periods (self->programme, self->period);
  g_autoptr(GtkStringList) district_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) period_names = gtk_string_list_new (NULL);
  GtkWidget *box, *title, *summaries, *appendix, *grid, *district, *period;
  guint selected_district = 0, selected_period = 0;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  g_object_set (box, "margin-top", 18, "margin-bottom", 18, "margin-start", 18, "margin-end", 18, NULL);

  title = gtk_label_new (_("Document"));
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (box), title);

  summaries = gtk_check_button_new_with_mnemonic (_("_District summaries (A4 portrait)"));
  appendix = gtk_check_button_new_with_mnemonic (_("Programme _appendix, the committee’s table (A4 landscape)"));
  gtk_check_button_set_group (GTK_CHECK_BUTTON (appendix), GTK_CHECK_BUTTON (summaries));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (self->document == PM_PRINT_PROGRAMME_APPENDIX
                                                 ? appendix : summaries), TRUE);
  gtk_box_append (GTK_BOX (box), summaries);
  gtk_box_append (GTK_BOX (box), appendix);

  gtk_string_list_append (district_names, _("All districts"));
  for (guint i = 0; i < g_list_model_get_n_items (districts); i++)
    {
      g_autoptr(PmDistrict) item = g_list_model_get_item (districts, i);

      gtk_string_list_append (district_names, pm_district_get_name (item));
      if (item == self->district)
        selected_district = i + 1;
    }

  for (guint i = 0; i < periods->len; i++)
    {
      PmPeriod *item = g_ptr_array_index (periods, i);
      g_autofree char *label = pm_period_get_label (item);

      gtk_string_list_append (period_names, label);
      /* The report is of a quarter: a year or a month shown in the window
       * is reported at the quarter it ends in. */
      if (pm_period_get_index (item) == pm_period_get_quarter_index (self->period))
        selected_period = i;
    }

  grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_widget_set_margin_top (grid, 6);

  district = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&district_names)), NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (district), selected_district);
  labelled_row (GTK_GRID (grid), 0, _("Dis_trict"), district);
  g_object_bind_property (summaries, "active", district, "sensitive", G_BINDING_SYNC_CREATE);

  period = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&period_names)), NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (period), selected_period);
  labelled_row (GTK_GRID (grid), 1, _("_Period"), period);

  gtk_box_append (GTK_BOX (box), grid);

  /* Read back in custom_widget_apply. */
  forget_report_tab (self);
  self->summaries_button = g_object_ref (GTK_CHECK_BUTTON (summaries));
  self->district_dropdown = g_object_ref (GTK_DROP_DOWN (district));
  self->period_dropdown = g_object_ref (GTK_DROP_DOWN (period));
  self->periods = g_steal_pointer (&periods);

  return box;
}

static void
pm_print_operation_custom_widget_apply (GtkPrintOperation *operation,
                                        GtkWidget         *widget)
{
  PmPrintOperation *self = PM_PRINT_OPERATION (operation);
  GtkCheckButton *summaries = self->summaries_button;
  GtkDropDown *district = self->district_dropdown;
  GtkDropDown *period = self->period_dropdown;
  GPtrArray *periods = self->periods;
  guint selected;

  if (periods == NULL)
    return;

  pm_print_operation_set_document (self, gtk_check_button_get_active (summaries)
                                         ? PM_PRINT_DISTRICT_SUMMARIES
                                         : PM_PRINT_PROGRAMME_APPENDIX);

  selected = gtk_drop_down_get_selected (district);
  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    {
      pm_print_operation_set_district (self, NULL);
    }
  else
    {
      g_autoptr(PmDistrict) chosen = g_list_model_get_item (pm_programme_get_districts (self->programme),
                                                            selected - 1);

      pm_print_operation_set_district (self, chosen);
    }

  selected = gtk_drop_down_get_selected (period);
  if (selected < periods->len)
    pm_print_operation_set_period (self, g_ptr_array_index (periods, selected));
}

/* ------------------------------------------------------------------ */
/* Printing */

static void
pm_print_operation_begin_print (GtkPrintOperation *operation,
                                GtkPrintContext   *context)
{
  PmPrintOperation *self = PM_PRINT_OPERATION (operation);
  double width, height;

  g_clear_object (&self->report);

  if (self->document == PM_PRINT_PROGRAMME_APPENDIX)
    self->report = pm_appendix_report_new (self->programme, self->period);
  else
    {
      self->report = pm_summary_report_new (self->programme, self->period, self->district);
      pm_summary_report_set_restatements (PM_SUMMARY_REPORT (self->report), self->restatements);
    }

  /* A summary that left its sign-off out would pass for an open
   * quarter: printing stops rather than print it without. */
  g_clear_error (&self->error);
  if (self->store != NULL &&
      !pm_report_set_signoffs (self->report, self->store, self->programme, self->period, &self->error))
    {
      gtk_print_operation_cancel (operation);
      return;
    }

  /* Laid out for A4 whatever the paper, so the columns stay as designed;
   * draw_page scales to the paper. */
  pm_report_get_paper_size (self->report, &width, &height);
  pm_report_paginate (self->report, gtk_print_context_get_cairo_context (context), width, height);

  gtk_print_operation_set_n_pages (operation, MAX (1, pm_report_get_n_pages (self->report)));
}

static void
pm_print_operation_request_page_setup (GtkPrintOperation *operation,
                                       GtkPrintContext   *context,
                                       int                page_nr,
                                       GtkPageSetup      *setup)
{
  PmPrintOperation *self = PM_PRINT_OPERATION (operation);

  gtk_page_setup_set_orientation (setup, self->document == PM_PRINT_PROGRAMME_APPENDIX
                                         ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                         : GTK_PAGE_ORIENTATION_PORTRAIT);
}

static void
pm_print_operation_draw_page (GtkPrintOperation *operation,
                              GtkPrintContext   *context,
                              int                page_nr)
{
  PmPrintOperation *self = PM_PRINT_OPERATION (operation);
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width, height, scale;

  if (self->report == NULL || page_nr < 0 || (guint) page_nr >= pm_report_get_n_pages (self->report))
    return;

  pm_report_get_paper_size (self->report, &width, &height);
  scale = MIN (gtk_print_context_get_width (context) / width,
               gtk_print_context_get_height (context) / height);

  cairo_save (cr);
  if (scale > 0 && ABS (scale - 1.0) > 0.001)
    cairo_scale (cr, scale, scale);
  pm_report_draw_page (self->report, cr, page_nr);
  cairo_restore (cr);
}

static void
pm_print_operation_end_print (GtkPrintOperation *operation,
                              GtkPrintContext   *context)
{
  PmPrintOperation *self = PM_PRINT_OPERATION (operation);

  g_clear_object (&self->report);
}

/* ------------------------------------------------------------------ */

static void
pm_print_operation_dispose (GObject *object)
{
  PmPrintOperation *self = PM_PRINT_OPERATION (object);

  forget_report_tab (self);
  g_clear_object (&self->report);
  g_clear_object (&self->restatements);
  g_clear_object (&self->store);
  g_clear_error (&self->error);
  g_clear_object (&self->programme);
  g_clear_object (&self->period);
  g_clear_object (&self->district);

  G_OBJECT_CLASS (pm_print_operation_parent_class)->dispose (object);
}

static void
pm_print_operation_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  PmPrintOperation *self = PM_PRINT_OPERATION (object);

  switch (prop_id)
    {
    case PROP_PROGRAMME:
      g_value_set_object (value, self->programme);
      break;
    case PROP_PERIOD:
      g_value_set_object (value, self->period);
      break;
    case PROP_DISTRICT:
      g_value_set_object (value, self->district);
      break;
    case PROP_DOCUMENT:
      g_value_set_int (value, self->document);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pm_print_operation_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  PmPrintOperation *self = PM_PRINT_OPERATION (object);

  switch (prop_id)
    {
    case PROP_PROGRAMME:
      self->programme = g_value_dup_object (value);
      break;
    case PROP_PERIOD:
      pm_print_operation_set_period (self, g_value_get_object (value));
      break;
    case PROP_DISTRICT:
      pm_print_operation_set_district (self, g_value_get_object (value));
      break;
    case PROP_DOCUMENT:
      pm_print_operation_set_document (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pm_print_operation_class_init (PmPrintOperationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *operation_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->dispose = pm_print_operation_dispose;
  object_class->get_property = pm_print_operation_get_property;
  object_class->set_property = pm_print_operation_set_property;

  operation_class->create_custom_widget = pm_print_operation_create_custom_widget;
  operation_class->custom_widget_apply = pm_print_operation_custom_widget_apply;
  operation_class->begin_print = pm_print_operation_begin_print;
  operation_class->request_page_setup = pm_print_operation_request_page_setup;
  operation_class->draw_page = pm_print_operation_draw_page;
  operation_class->end_print = pm_print_operation_end_print;

  properties[PROP_PROGRAMME] =
    g_param_spec_object ("programme", NULL, NULL, PM_TYPE_PROGRAMME,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PERIOD] =
    g_param_spec_object ("period", NULL, NULL, PM_TYPE_PERIOD,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DISTRICT] =
    g_param_spec_object ("district", NULL, NULL, PM_TYPE_DISTRICT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DOCUMENT] =
    g_param_spec_int ("document", NULL, NULL,
                      PM_PRINT_DISTRICT_SUMMARIES, PM_PRINT_PROGRAMME_APPENDIX,
                      PM_PRINT_DISTRICT_SUMMARIES,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pm_print_operation_init (PmPrintOperation *self)
{
  GtkPrintOperation *operation = GTK_PRINT_OPERATION (self);
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_print_operation_set_default_page_setup (operation, setup);

  /* The report draws its own margins, in points from the paper's edge. */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_custom_tab_label (operation, _("Report"));
}

PmPrintOperation *
pm_print_operation_new (PmProgramme *programme,
                        PmPeriod    *period)
{
  g_return_val_if_fail (PM_IS_PROGRAMME (programme), NULL);
  g_return_val_if_fail (PM_IS_PERIOD (period), NULL);

  return g_object_new (PM_TYPE_PRINT_OPERATION,
                       "programme", programme,
                       "period", period,
                       NULL);
}

PmPeriod *
pm_print_operation_get_period (PmPrintOperation *self)
{
  g_return_val_if_fail (PM_IS_PRINT_OPERATION (self), NULL);

  return self->period;
}

void
pm_print_operation_set_period (PmPrintOperation *self,
                               PmPeriod         *period)
{
  g_return_if_fail (PM_IS_PRINT_OPERATION (self));
  g_return_if_fail (PM_IS_PERIOD (period));

  if (self->period != NULL && pm_period_equal (self->period, period))
    return;

  g_set_object (&self->period, period);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERIOD]);
}

PmDistrict *
pm_print_operation_get_district (PmPrintOperation *self)
{
  g_return_val_if_fail (PM_IS_PRINT_OPERATION (self), NULL);

  return self->district;
}

void
pm_print_operation_set_district (PmPrintOperation *self,
                                 PmDistrict       *district)
{
  g_return_if_fail (PM_IS_PRINT_OPERATION (self));
  g_return_if_fail (district == NULL || PM_IS_DISTRICT (district));

  if (g_set_object (&self->district, district))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISTRICT]);
}

void
pm_print_operation_set_restatements (PmPrintOperation *self,
                                     GListModel       *restatements)
{
  g_return_if_fail (PM_IS_PRINT_OPERATION (self));
  g_return_if_fail (restatements == NULL || G_IS_LIST_MODEL (restatements));

  g_set_object (&self->restatements, restatements);
}

PmPrintDocument
pm_print_operation_get_document (PmPrintOperation *self)
{
  g_return_val_if_fail (PM_IS_PRINT_OPERATION (self), PM_PRINT_DISTRICT_SUMMARIES);

  return self->document;
}

void
pm_print_operation_set_document (PmPrintOperation *self,
                                 PmPrintDocument   document)
{
  g_return_if_fail (PM_IS_PRINT_OPERATION (self));
  g_return_if_fail (document == PM_PRINT_DISTRICT_SUMMARIES || document == PM_PRINT_PROGRAMME_APPENDIX);

  if (self->document == document)
    return;

  self->document = document;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

void
pm_print_operation_set_store (PmPrintOperation *self,
                              PmStore          *store)
{
  g_return_if_fail (PM_IS_PRINT_OPERATION (self));
  g_return_if_fail (store == NULL || PM_IS_STORE (store));

  g_set_object (&self->store, store);
}

gboolean
pm_print_operation_run (GtkWindow    *parent,
                        PmStore      *store,
                        PmProgramme  *programme,
                        PmPeriod     *period,
                        GListModel   *restatements,
                        GError      **error)
{
  g_autoptr(PmPrintOperation) self = NULL;
  GtkPrintOperationResult result;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), FALSE);
  g_return_val_if_fail (PM_IS_PROGRAMME (programme), FALSE);
  g_return_val_if_fail (PM_IS_PERIOD (period), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  self = pm_print_operation_new (programme, period);
  pm_print_operation_set_restatements (self, restatements);
  pm_print_operation_set_store (self, store);
  gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (self), pm_programme_get_name (programme));
  if (last_settings != NULL)
    gtk_print_operation_set_print_settings (GTK_PRINT_OPERATION (self), last_settings);

  result = gtk_print_operation_run (GTK_PRINT_OPERATION (self), GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    parent, error);

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    return FALSE;

  if (self->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&self->error));
      return FALSE;
    }

  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    g_set_object (&last_settings, gtk_print_operation_get_print_settings (GTK_PRINT_OPERATION (self)));

  return TRUE;
}

PmReport *
pm_print_operation_make_report (PmProgramme  *programme,
                                PmPeriod     *period,
                                const char   *district_or_null,
                                gboolean      appendix,
                                GListModel   *restatements,
                                GError      **error)
{
  PmReport *report;
  PmDistrict *district = NULL;

  g_return_val_if_fail (PM_IS_PROGRAMME (programme), NULL);
  g_return_val_if_fail (PM_IS_PERIOD (period), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (appendix)
    return pm_appendix_report_new (programme, period);

  if (district_or_null != NULL)
    {
      district = pm_programme_find_district (programme, district_or_null);
      if (district == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                       _("There is no district “%s” in the programme."), district_or_null);
          return NULL;
        }
    }

  report = pm_summary_report_new (programme, period, district);
  pm_summary_report_set_restatements (PM_SUMMARY_REPORT (report), restatements);
  return report;
}

gboolean
pm_print_operation_export_pdf (PmProgramme  *programme,
                               PmPeriod     *period,
                               const char   *district_or_null,
                               gboolean      appendix,
                               GListModel   *restatements,
                               const char   *path,
                               GError      **error)
{
  g_autoptr(PmReport) report = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  report = pm_print_operation_make_report (programme, period, district_or_null, appendix,
                                           restatements, error);
  if (report == NULL)
    return FALSE;

  return pm_report_export_pdf (report, path, error);
}
