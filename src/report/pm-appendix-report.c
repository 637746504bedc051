/* pm-appendix-report.c: the programme appendix, the committee's table
 *
 * Each pilot is one row. Its first three cells (District, Summary, Key
 * Outcomes) span the row; the last three are split into sub-rows, one per
 * KPI, so that a KPI, its baseline and its progress start on the same
 * line however much each of them wraps. A row taller than what is left of
 * a page is split between sub-rows, the district named again as
 * "continued" on the next page under the repeated column headers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pm-appendix-report.h"
#include "pm-report-private.h"

#include "model/pm-date.h"

#define PAD        PM_REPORT_CELL_PADDING
#define N_LEFT     3
#define N_RIGHT    3
#define N_COLUMNS  (N_LEFT + N_RIGHT)
#define GRID_WIDTH 0.5
#define SECONDARY_SPAN "<span foreground=\"#3d3846\">"

struct _PmAppendixReport
{
  PmReport parent_instance;
};

G_DEFINE_FINAL_TYPE (PmAppendixReport, pm_appendix_report, PM_TYPE_REPORT)

/* They add up to the width between the margins of an A4 landscape page. */
static const double widths[N_COLUMNS] = { 92, 168, 118, 150, 112, 129.8898 };

typedef struct
{
  PangoLayout *cells[N_RIGHT];
  double       from[N_RIGHT];  /* how much of each cell is already placed */
  gboolean     span;           /* cells[0] spans the three columns */
} SubRow;

typedef struct
{
  PmReportFlow  *flow;
  PmReportTable *table;
  double         x[N_COLUMNS];
  PangoLayout   *left[N_LEFT];
  double         left_from[N_LEFT];
  PangoLayout   *continued;
  GArray        *subs;  /* SubRow */
  guint          next;  /* the first sub-row not wholly placed */
} Row;

static void
sub_row_clear (gpointer data)
{
  SubRow *sub = data;

  for (guint i = 0; i < N_RIGHT; i++)
    g_clear_object (&sub->cells[i]);
}

static double
rest_of (PangoLayout *layout,
         double       from)
{
  return layout != NULL ? MAX (0, _pm_report_layout_height (layout) - from) : 0;
}

static double
sub_row_rest (const SubRow *sub)
{
  double height = 0;

  for (guint i = 0; i < N_RIGHT; i++)
    height = MAX (height, rest_of (sub->cells[i], sub->from[i]));

  return height + 2 * PAD;
}

static PangoLayout *
cell_new (PangoContext *context,
          guint         column,
          const char   *markup)
{
  return _pm_report_layout_new (context, PM_REPORT_FONT_TABLE, markup, widths[column] - 2 * PAD);
}

static char *
baseline_markup (PmKpi *kpi)
{
  g_autofree char *baseline = pm_wording_kpi_baseline (kpi);
  g_autofree char *target = pm_wording_kpi_target (kpi);

  if (target == NULL)
    return g_markup_escape_text (baseline, -1);

  /* Translators: under a baseline in the appendix: "Target 13" */
  return g_markup_printf_escaped ("%s\n" SECONDARY_SPAN "%s %s</span>", baseline, _("Target"), target);
}

static char *
progress_markup (PmKpi    *kpi,
                 PmPeriod *period)
{
  PmProgressEntry *entry = pm_kpi_get_entry (kpi, period);
  g_autofree char *value = pm_wording_kpi_value (kpi, period);
  const char *note = entry != NULL ? pm_progress_entry_get_note (entry) : NULL;

  if (value != NULL && note != NULL)
    return g_markup_printf_escaped ("<b>%s</b>\n%s", value, note);
  if (value != NULL)
    return g_markup_printf_escaped ("<b>%s</b>", value);
  if (note != NULL)
    return g_markup_escape_text (note, -1);

  return NULL;
}

static void
row_init (Row          *row,
          PmReportFlow *flow,
          PmPeriod     *period,
          PmDistrict   *district,
          PmPilot      *pilot)
{
  PangoContext *context = _pm_report_flow_get_context (flow);
  GListModel *kpis = pm_pilot_get_kpis (pilot);
  const char * const *outcomes = pm_pilot_get_key_outcomes (pilot);
  PmNarrative *narrative = pm_pilot_get_narrative (pilot, period);
  g_autofree char *district_markup = NULL;
  g_autofree char *continued = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *pilot_notes = _pm_report_data_notes_markup (pm_pilot_get_data_notes (pilot));

  row->subs = g_array_new (FALSE, TRUE, sizeof (SubRow));
  g_array_set_clear_func (row->subs, sub_row_clear);

  district_markup = g_markup_printf_escaped ("<b>%s</b>\n" SECONDARY_SPAN "%s</span>",
                                             pm_district_get_name (district),
                                             pm_pilot_get_title (pilot));
  row->left[0] = cell_new (context, 0, district_markup);

  summary = g_markup_escape_text (pm_pilot_get_summary (pilot) != NULL ? pm_pilot_get_summary (pilot) : "", -1);
  row->left[1] = cell_new (context, 1, summary);

  if (outcomes != NULL && outcomes[0] != NULL)
    row->left[2] = _pm_report_bullets_new (context, PM_REPORT_FONT_TABLE, outcomes, widths[2] - 2 * PAD);

  /* Translators: the district column of the appendix on a page the row runs on to */
  continued = g_markup_printf_escaped (_("<b>%s</b> (continued)"), pm_district_get_name (district));
  row->continued = cell_new (context, 0, continued);

  for (guint i = 0; i < g_list_model_get_n_items (kpis); i++)
    {
      g_autoptr(PmKpi) kpi = g_list_model_get_item (kpis, i);
      g_autofree char *escaped = g_markup_escape_text (pm_kpi_get_title (kpi), -1);
      g_autofree char *notes = _pm_report_data_notes_markup (pm_kpi_get_data_notes (kpi));
      g_autofree char *title = notes != NULL ? g_strdup_printf ("%s\n%s", escaped, notes) : g_strdup (escaped);
      g_autofree char *baseline = baseline_markup (kpi);
      g_autofree char *progress = progress_markup (kpi, period);
      SubRow sub = { { NULL, }, };

      sub.cells[0] = cell_new (context, 3, title);
      sub.cells[1] = cell_new (context, 4, baseline);
      if (progress != NULL)
        sub.cells[2] = cell_new (context, 5, progress);
      g_array_append_val (row->subs, sub);
    }

  if (row->subs->len == 0)
    {
      g_autofree char *none = g_markup_printf_escaped (SECONDARY_SPAN "%s</span>",
                                                       _("No headline KPI is recorded for this pilot."));
      SubRow sub = { { NULL, }, };

      sub.cells[0] = cell_new (context, 3, none);
      g_array_append_val (row->subs, sub);
    }

  /* The period's narrative closes the row, under the KPIs and across
   * their three columns: in the progress column alone it would make the
   * row several times taller. */
  if (narrative != NULL && pm_narrative_get_progress (narrative) != NULL &&
      pm_narrative_get_progress (narrative)[0] != '\0')
    {
      g_autofree char *label = pm_period_get_label (period);
      g_autofree char *heading = g_strdup_printf (_("Progress in %s:"), label);
      g_autofree char *text = g_markup_printf_escaped ("<b>%s</b> %s", heading,
                                                       pm_narrative_get_progress (narrative));
      SubRow sub = { { NULL, }, };

      sub.cells[0] = _pm_report_layout_new (context, PM_REPORT_FONT_TABLE, text,
                                            widths[3] + widths[4] + widths[5] - 2 * PAD);
      sub.span = TRUE;
      g_array_append_val (row->subs, sub);
    }

  /* The notes on the pilot's data close it, across the same columns. */
  if (pilot_notes != NULL)
    {
      SubRow sub = { { NULL, }, };

      sub.cells[0] = _pm_report_layout_new (context, PM_REPORT_FONT_TABLE, pilot_notes,
                                            widths[3] + widths[4] + widths[5] - 2 * PAD);
      sub.span = TRUE;
      g_array_append_val (row->subs, sub);
    }
}

static void
row_clear (Row *row)
{
  for (guint i = 0; i < N_LEFT; i++)
    g_clear_object (&row->left[i]);
  g_clear_object (&row->continued);
  g_clear_pointer (&row->subs, g_array_unref);
}

static gboolean
row_done (const Row *row)
{
  for (guint i = 0; i < N_LEFT; i++)
    if (rest_of (row->left[i], row->left_from[i]) > 0.01)
      return FALSE;

  return row->next >= row->subs->len;
}

static double
row_rest (const Row *row)
{
  double left = 0, right = 0;

  for (guint i = 0; i < N_LEFT; i++)
    left = MAX (left, rest_of (row->left[i], row->left_from[i]));
  for (guint i = row->next; i < row->subs->len; i++)
    right += sub_row_rest (&g_array_index (row->subs, SubRow, i));

  return MAX (left + 2 * PAD, right);
}

/* The right-hand sub-rows that fit in @room below @top: whole ones
 * first; one taller than a page is split at a line. Returns the height
 * used; @placed counts those begun, @last_span says whether the last
 * spans the columns. */
static double
place_sub_rows (Row      *row,
                double    top,
                double    room,
                gboolean  fresh,
                guint    *placed,
                gboolean *last_span)
{
  PmReportPage *page = _pm_report_flow_get_page (row->flow);
  double right_x = row->x[N_LEFT];
  double right_end = row->x[N_COLUMNS - 1] + widths[N_COLUMNS - 1];
  double used = 0;

  while (row->next < row->subs->len)
    {
      SubRow *sub = &g_array_index (row->subs, SubRow, row->next);
      double rest = sub_row_rest (sub);
      double sub_take[N_RIGHT] = { 0, };
      double content = 0;
      gboolean whole = rest <= room - used + 0.01;

      if (!whole && (*placed > 0 || !fresh))
        break;

      for (guint c = 0; c < N_RIGHT; c++)
        {
          double cell_rest = rest_of (sub->cells[c], sub->from[c]);

          if (whole || cell_rest <= room - used - 2 * PAD + 0.01)
            sub_take[c] = cell_rest;
          else
            sub_take[c] = _pm_report_layout_cut (sub->cells[c], sub->from[c], room - used - 2 * PAD) - sub->from[c];
          content = MAX (content, sub_take[c]);
        }

      if (content <= 0 && !whole)
        break;

      for (guint c = 0; c < N_RIGHT; c++)
        {
          if (sub->cells[c] != NULL && sub_take[c] > 0)
            _pm_report_page_add_text (page, sub->cells[c], row->x[N_LEFT + c] + PAD, top + used + PAD,
                                      sub->from[c], sub->from[c] + sub_take[c], NULL);
          sub->from[c] += sub_take[c];
        }

      /* The rules between the KPI, baseline and progress columns. */
      if (!sub->span)
        for (guint c = 1; c < N_RIGHT; c++)
          _pm_report_page_add_line (page, row->x[N_LEFT + c], top + used,
                                    row->x[N_LEFT + c], top + used + content + 2 * PAD,
                                    GRID_WIDTH, &pm_report_rule);

      *last_span = sub->span;
      used += content + 2 * PAD;
      (*placed)++;

      if (!whole)
        break;

      row->next++;
      if (row->next < row->subs->len)
        _pm_report_page_add_line (page, right_x, top + used, right_end, top + used,
                                  GRID_WIDTH / 2, &pm_report_rule);
    }

  return used;
}

/* The spanning cells on the left, cut at a line boundary if they run on;
 * a continued row repeats the district first. Returns the height used. */
static double
place_spanning_cells (Row      *row,
                      double    top,
                      double    room,
                      gboolean  first)
{
  PmReportPage *page = _pm_report_flow_get_page (row->flow);
  double left_used = 0;

  for (guint i = 0; i < N_LEFT; i++)
    {
      double rest = rest_of (row->left[i], row->left_from[i]);
      double offset = 0;
      double take;

      if (i == 0 && !first)
        {
          /* The district again, so a reader knows whose row this is. */
          offset = _pm_report_layout_height (row->continued);
          _pm_report_page_add_text (page, row->continued, row->x[0] + PAD, top + PAD, 0, -1, NULL);
        }

      if (rest <= 0.01)
        {
          left_used = MAX (left_used, offset);
          continue;
        }

      if (rest + offset + 2 * PAD <= room + 0.01)
        take = rest;
      else
        take = _pm_report_layout_cut (row->left[i], row->left_from[i], room - offset - 2 * PAD)
               - row->left_from[i];

      if (take > 0)
        _pm_report_page_add_text (page, row->left[i], row->x[i] + PAD, top + PAD + offset,
                                  row->left_from[i], row->left_from[i] + take, NULL);
      row->left_from[i] += take;
      left_used = MAX (left_used, take + offset);
    }

  return left_used;
}

/* The grid of a segment @height high: column rules and the rule under
 * it; the right-hand rules run on below the sub-rows, @used high, unless
 * the last of them spans. */
static void
draw_segment_grid (Row      *row,
                   double    top,
                   double    height,
                   double    used,
                   gboolean  last_span)
{
  PmReportPage *page = _pm_report_flow_get_page (row->flow);
  double left_x = row->x[0];
  double right_end = row->x[N_COLUMNS - 1] + widths[N_COLUMNS - 1];

  for (guint i = 1; i <= N_LEFT; i++)
    _pm_report_page_add_line (page, row->x[i], top, row->x[i], top + height, GRID_WIDTH, &pm_report_rule);
  if (!last_span && used < height)
    for (guint c = 1; c < N_RIGHT; c++)
      _pm_report_page_add_line (page, row->x[N_LEFT + c], top + used, row->x[N_LEFT + c], top + height,
                                GRID_WIDTH, &pm_report_rule);
  _pm_report_page_add_line (page, left_x, top, left_x, top + height, GRID_WIDTH, &pm_report_rule);
  _pm_report_page_add_line (page, right_end, top, right_end, top + height, GRID_WIDTH, &pm_report_rule);
  _pm_report_page_add_line (page, left_x, top + height, right_end, top + height, GRID_WIDTH,
                            &pm_report_rule);
}

/* Places as much of the row as fits below the flow's y; returns FALSE when
 * nothing could be placed there. */
static gboolean
row_place_segment (Row      *row,
                   gboolean  first)
{
  PmReportFlow *flow = row->flow;
  gboolean fresh = _pm_report_flow_is_page_empty (flow);
  double top = _pm_report_flow_get_y (flow);
  double room = _pm_report_flow_get_remaining (flow);
  double used, left_used, height;
  gboolean last_span = FALSE;
  guint placed = 0;

  used = place_sub_rows (row, top, room, fresh, &placed, &last_span);
  left_used = place_spanning_cells (row, top, room, first);

  if (placed == 0 && left_used <= 0)
    return FALSE;

  height = MAX (used, left_used + 2 * PAD);
  draw_segment_grid (row, top, height, used, last_span);
  _pm_report_flow_set_y (flow, top + height);

  return TRUE;
}

static void
add_row (PmReportFlow  *flow,
         PmReportTable *table,
         PmPeriod      *period,
         PmDistrict    *district,
         PmPilot       *pilot)
{
  Row row = { flow, table, };
  double fresh_room;
  gboolean first = TRUE;

  for (guint i = 0; i < N_COLUMNS; i++)
    row.x[i] = _pm_report_table_get_column_x (table, i);

  row_init (&row, flow, period, district, pilot);

  /* A row that fits on a page is moved to the next one rather than split,
   * unless that would leave more than half of this page empty. */
  fresh_room = _pm_report_flow_get_body_height (flow);
  if (row_rest (&row) > _pm_report_flow_get_remaining (flow) &&
      (row_rest (&row) <= fresh_room * 0.85 ||
       _pm_report_flow_get_remaining (flow) < fresh_room * 0.5 ||
       _pm_report_flow_get_remaining (flow) < _pm_report_layout_height (row.left[0]) + 4 * PAD))
    _pm_report_flow_new_page (flow);

  while (!row_done (&row))
    {
      if (!row_place_segment (&row, first))
        {
          /* Not even a line fitted: carry on over the page. */
          _pm_report_flow_new_page (flow);
          if (!row_place_segment (&row, first))
            break;  /* cannot happen: a fresh page takes at least a line */
        }
      first = FALSE;

      if (!row_done (&row))
        _pm_report_flow_new_page (flow);
    }

  row_clear (&row);
}

/* The programme's report title, or the one committee papers give it. */
static char *
appendix_title (PmReport *report)
{
  const char *title = pm_programme_get_report_title (pm_report_get_programme (report));

  if (title != NULL)
    return g_strdup (title);

  return g_strdup (_("Appendix A: District Pilots Progress"));
}

static void
pm_appendix_report_layout (PmReport     *report,
                           PmReportFlow *flow)
{
  PmProgramme *programme = pm_report_get_programme (report);
  PmPeriod *period = pm_report_get_period (report);
  PangoContext *context = _pm_report_flow_get_context (flow);
  GListModel *districts = pm_programme_get_districts (programme);
  g_autofree char *label = pm_period_get_label (period);
  g_autofree char *progress = NULL;
  g_autofree char *title = NULL;
  g_autofree char *committee = _pm_report_committee_text (report);
  g_autofree char *meta = NULL;
  g_autoptr(PangoLayout) title_layout = NULL;
  g_autoptr(PangoLayout) meta_layout = NULL;
  PmReportTable *table;
  const char *headers[N_COLUMNS];

  /* Translators: the last column of the appendix: "Progress (Q3 2016/17)" */
  progress = g_strdup_printf (_("Progress (%s)"), label);
  headers[0] = _("District");
  headers[1] = _("Summary");
  headers[2] = _("Key Outcomes");
  headers[3] = _("Headline KPIs");
  headers[4] = _("Baseline");
  headers[5] = progress;

  _pm_report_set_section (report, pm_programme_get_name (programme));
  _pm_report_flow_new_page (flow);

  /* The paper's own title, then the quarter and the meeting it is for;
   * the date it was produced is in the footer. */
  title = appendix_title (report);
  title_layout = _pm_report_layout_new_text (context, PM_REPORT_FONT_HEADING, title,
                                             _pm_report_flow_get_width (flow));
  _pm_report_flow_add_text (flow, title_layout, 0, NULL, 1);

  if (committee != NULL)
    /* Translators: under the appendix title: "Q3 2016/17 · Report to Cabinet, 14 January 2027" */
    meta = g_strdup_printf (_("%s · %s"), label, committee);
  else
    meta = g_strdup (label);
  meta_layout = _pm_report_layout_new_text (context, PM_REPORT_FONT_BODY, meta,
                                            _pm_report_flow_get_width (flow));
  _pm_report_flow_add_text (flow, meta_layout, 0, NULL, 6);

  table = _pm_report_table_new (flow, N_COLUMNS, widths, headers, NULL);
  _pm_report_table_begin (table);

  for (guint d = 0; d < g_list_model_get_n_items (districts); d++)
    {
      g_autoptr(PmDistrict) district = g_list_model_get_item (districts, d);
      GListModel *pilots = pm_district_get_pilots (district);

      for (guint p = 0; p < g_list_model_get_n_items (pilots); p++)
        {
          g_autoptr(PmPilot) pilot = g_list_model_get_item (pilots, p);

          add_row (flow, table, period, district, pilot);
        }
    }

  _pm_report_table_end (table, 0);
  _pm_report_table_free (table);
}

static char *
pm_appendix_report_get_title (PmReport *report)
{
  g_autofree char *label = pm_period_get_label (pm_report_get_period (report));
  g_autofree char *title = appendix_title (report);

  /* Translators: the title of the printed appendix: "Appendix A: District Pilots Progress, Q3 2016/17" */
  return g_strdup_printf (_("%s, %s"), title, label);
}

static void
pm_appendix_report_class_init (PmAppendixReportClass *klass)
{
  PmReportClass *report_class = PM_REPORT_CLASS (klass);

  report_class->layout = pm_appendix_report_layout;
  report_class->get_title = pm_appendix_report_get_title;
}

static void
pm_appendix_report_init (PmAppendixReport *self)
{
}

PmReport *
pm_appendix_report_new (PmProgramme *programme,
                        PmPeriod    *period)
{
  g_return_val_if_fail (PM_IS_PROGRAMME (programme), NULL);
  g_return_val_if_fail (PM_IS_PERIOD (period), NULL);

  return g_object_new (PM_TYPE_APPENDIX_REPORT,
                       "programme", programme,
                       "period", period,
                       "landscape", TRUE,
                       NULL);
}
