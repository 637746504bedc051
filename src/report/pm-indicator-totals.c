/* pm-indicator-totals.c: the programme indicators' totals, listed and printed
 *
 * The total itself is the model's (pm-indicator-total.c); this only lays
 * it out: a line per indicator and period for the command line, and a
 * compact "Programme totals" table that the appendix and the all-district
 * summaries place after their own tables.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "model/pm-indicator-total.h"
#include "pm-indicator-totals.h"
#include "pm-report-private.h"

#define N_COLUMNS 5

/* Shares of the body's width: indicator, districts, total, target, status. */
static const double shares[N_COLUMNS] = { 0.22, 0.40, 0.18, 0.12, 0.08 };

static char *
shares_text (PmIndicatorTotal *total,
             const char       *separator)
{
  PmUnit unit = pm_indicator_get_unit (total->indicator);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < total->shares->len; i++)
    {
      g_autofree char *text = pm_wording_indicator_share (&g_array_index (total->shares, PmIndicatorShare, i), unit);

      if (i > 0)
        g_string_append (out, separator);
      g_string_append (out, text);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
target_text (PmIndicatorTotal *total)
{
  if (!total->has_target)
    return g_strdup ("–");
  return pm_unit_format_value (pm_indicator_get_unit (total->indicator), total->target);
}

static void
write_line (GString          *out,
            PmIndicatorTotal *total)
{
  g_autofree char *code = pm_period_to_code (total->period);
  g_autofree char *value = pm_wording_total_value (total);
  g_autofree char *target = target_text (total);
  g_autofree char *reported = pm_wording_total_reported (total);
  g_autofree char *districts = shares_text (total, "; ");

  g_string_append_printf (out, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n",
                          pm_indicator_get_name (total->indicator),
                          pm_enum_to_name (PM_TYPE_UNIT, pm_indicator_get_unit (total->indicator)),
                          code, value, target, pm_rag_get_letter (total->rag), reported, districts);
}

void
pm_indicator_totals_write_listing (PmProgramme *programme,
                                   PmPeriod    *period,
                                   GString     *out)
{
  GListModel *indicators;

  g_return_if_fail (PM_IS_PROGRAMME (programme));
  g_return_if_fail (period == NULL || PM_IS_PERIOD (period));
  g_return_if_fail (out != NULL);

  indicators = pm_programme_get_indicators (programme);
  for (guint i = 0; i < g_list_model_get_n_items (indicators); i++)
    {
      g_autoptr(PmIndicator) indicator = g_list_model_get_item (indicators, i);
      g_autoptr(GPtrArray) periods = NULL;

      if (period != NULL)
        {
          g_autoptr(PmIndicatorTotal) total = pm_indicator_total_compute (programme, indicator, period);

          write_line (out, total);
          continue;
        }

      periods = pm_indicator_list_periods (programme, indicator);
      for (guint j = 0; j < periods->len; j++)
        {
          g_autoptr(PmIndicatorTotal) total =
            pm_indicator_total_compute (programme, indicator, g_ptr_array_index (periods, j));

          write_line (out, total);
        }
    }
}

static void
add_total_row (PmReportTable    *table,
               PangoContext     *context,
               const double     *widths,
               PmIndicatorTotal *total)
{
  g_autofree char *districts = shares_text (total, "\n");
  g_autofree char *reported = pm_wording_total_reported (total);
  g_autofree char *value = pm_wording_total_value (total);
  g_autofree char *target = target_text (total);
  g_autofree char *district_markup = NULL;
  g_autofree char *value_markup = NULL;
  PangoLayout *cells[N_COLUMNS];
  PmRag rags[N_COLUMNS];

  /* Who reported goes under the districts' values, where it is read
   * together with them; the total stands out in bold. */
  district_markup = g_markup_printf_escaped ("%s\n<i>%s</i>", districts, reported);
  value_markup = g_markup_printf_escaped ("<b>%s</b>", value);

#define CELL(i, markup) \
  _pm_report_layout_new (context, PM_REPORT_FONT_TABLE, (markup), widths[i] - 2 * PM_REPORT_CELL_PADDING)

  cells[0] = _pm_report_layout_new_text (context, PM_REPORT_FONT_TABLE_BOLD,
                                         pm_indicator_get_name (total->indicator),
                                         widths[0] - 2 * PM_REPORT_CELL_PADDING);
  cells[1] = CELL (1, district_markup);
  cells[2] = CELL (2, value_markup);
  cells[3] = _pm_report_layout_new_text (context, PM_REPORT_FONT_TABLE, target,
                                         widths[3] - 2 * PM_REPORT_CELL_PADDING);
  cells[4] = _pm_report_layout_new_text (context, PM_REPORT_FONT_BADGE,
                                         pm_rag_get_letter (total->rag), -1);

#undef CELL

  for (guint i = 0; i < N_COLUMNS; i++)
    rags[i] = PM_REPORT_NO_BADGE;
  rags[4] = total->rag;

  _pm_report_table_add_row (table, cells, rags, FALSE);

  for (guint i = 0; i < N_COLUMNS; i++)
    g_object_unref (cells[i]);
}

void
_pm_report_add_indicator_totals (PmReportFlow *flow,
                                 PmProgramme  *programme,
                                 PmPeriod     *period)
{
  GListModel *indicators = pm_programme_get_indicators (programme);
  guint n = g_list_model_get_n_items (indicators);
  PangoContext *context = _pm_report_flow_get_context (flow);
  double width = _pm_report_flow_get_width (flow);
  g_autofree char *label = pm_period_get_label (period);
  g_autofree char *title = NULL;
  g_autoptr(PangoLayout) heading = NULL;
  double widths[N_COLUMNS];
  const char *headers[N_COLUMNS];
  PmReportTable *table;

  if (n == 0)
    return;

  for (guint i = 0; i < N_COLUMNS; i++)
    widths[i] = shares[i] * width;
  headers[0] = _("Indicator");
  headers[1] = _("Districts");
  headers[2] = _("Programme total");
  headers[3] = _("Target");
  headers[4] = _("Status");

  /* Translators: a heading: "Programme totals, Q3 2016/17" */
  title = g_strdup_printf (_("Programme totals, %s"), label);
  heading = _pm_report_layout_new_text (context, PM_REPORT_FONT_HEADING, title, width);
  _pm_report_flow_add_heading_full (flow, heading, 2, title, NULL, 14, 60, 6);

  table = _pm_report_table_new (flow, N_COLUMNS, widths, headers, _("Programme totals (continued)"));
  _pm_report_table_set_alignment (table, 2, PANGO_ALIGN_RIGHT);
  _pm_report_table_set_alignment (table, 3, PANGO_ALIGN_RIGHT);
  _pm_report_flow_reserve_footnote (flow);
  _pm_report_table_begin (table);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PmIndicator) indicator = g_list_model_get_item (indicators, i);
      g_autoptr(PmIndicatorTotal) total = pm_indicator_total_compute (programme, indicator, period);

      add_total_row (table, context, widths, total);
    }

  _pm_report_table_end (table, 10);
  _pm_report_table_free (table);
}

/* @district's share of @total, or NULL when it has no KPI of it. */
static PmIndicatorShare *
find_district_share (PmIndicatorTotal *total,
                     PmDistrict       *district)
{
  for (guint i = 0; i < total->shares->len; i++)
    {
      PmIndicatorShare *share = &g_array_index (total->shares, PmIndicatorShare, i);
      PmPilot *pilot = pm_kpi_get_pilot (share->kpi);

      if (pilot != NULL && pm_pilot_get_district (pilot) == district)
        return share;
    }

  return NULL;
}

void
_pm_report_add_district_indicator_totals (PmReportFlow *flow,
                                          PmProgramme  *programme,
                                          PmDistrict   *district,
                                          PmPeriod     *period)
{
  GListModel *indicators = pm_programme_get_indicators (programme);
  PangoContext *context = _pm_report_flow_get_context (flow);
  double width = _pm_report_flow_get_width (flow);
  g_autofree char *label = pm_period_get_label (period);
  gboolean headed = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (indicators); i++)
    {
      g_autoptr(PmIndicator) indicator = g_list_model_get_item (indicators, i);
      g_autoptr(PmIndicatorTotal) total = pm_indicator_total_compute (programme, indicator, period);
      PmIndicatorShare *share = find_district_share (total, district);
      g_autofree char *here = NULL;
      g_autofree char *value = NULL;
      g_autofree char *reported = NULL;
      g_autofree char *programme_text = NULL;
      g_autofree char *markup = NULL;
      g_autoptr(PangoLayout) line = NULL;

      if (share == NULL)
        continue;

      if (!headed)
        {
          /* Translators: a heading in a one-district summary: "Programme totals, Q3 2016/17" */
          g_autofree char *title = g_strdup_printf (_("Programme totals, %s"), label);
          g_autoptr(PangoLayout) heading = _pm_report_layout_new_text (context, PM_REPORT_FONT_HEADING,
                                                                       title, width);

          _pm_report_flow_add_heading_full (flow, heading, 2, title, NULL, 14, 40, 6);
          headed = TRUE;
        }

      here = pm_wording_indicator_share (share, pm_indicator_get_unit (indicator));
      value = pm_wording_total_value (total);
      reported = pm_wording_total_reported (total);
      /* Translators: beside a district's value in its own summary: "Programme
       * total: 212, 3 of 4 districts reported" */
      programme_text = g_strdup_printf (_("Programme total: %s, %s"), value, reported);
      markup = g_markup_printf_escaped ("<b>%s</b>: %s. %s", pm_indicator_get_name (indicator),
                                        here, programme_text);
      line = _pm_report_layout_new (context, PM_REPORT_FONT_BODY, markup, width);
      _pm_report_flow_add_text (flow, line, 0, NULL, 4);
    }
}
