/* pm-appendix-report.c: the programme appendix, the committee's table
 *
 * Each pilot is one row. Its first three cells (District, Summary, Key
 * Outcomes) span the row; the last three are split into sub-rows, one per
 * KPI, so that a KPI, its baseline and its progress (value and note)
 * start on the same line however much each of them wraps. Adjacent KPIs
 * with the same baseline share one cell. The pilot's narrative for the
 * period follows the row across the whole table. A row taller than what
 * is left of a page is split between sub-rows, the district named again
 * as "continued" on the next page under the repeated column headers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pm-appendix-report.h"
#include "pm-report-private.h"

#include "model/pm-date.h"

#define PAD_X      2.0  /* less than elsewhere: the table is long */
#define PAD_Y      1.5
/* 9 pt type on 10 pt lines (Cantarell's own are 10.8 pt), the setting
 * of a dense council table: the appendix fits a page fewer. */
#define LEADING    10.0
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

/* They add up to the width between the margins of an A4 landscape page;
 * measured so the sample's rows are shortest: the Summary column sets
 * most rows' height, the Baseline one most KPIs'. */
static const double widths[N_COLUMNS] = { 80, 178, 117, 180, 126, 100.8898 };

typedef struct
{
  PangoLayout *cells[N_RIGHT];
  double       from[N_RIGHT];  /* how much of each cell is already placed */
  PangoLayout *shared;         /* the baseline of this and the next group - 1 KPIs */
  guint        group;          /* how many KPIs share it (1 at the first alone) */
  gboolean     merged;         /* the baseline is the one above */
  double       extra;          /* height added for the shared baseline */
} SubRow;

typedef struct
{
  PmReportFlow  *flow;
  PmReportTable *table;
  double         x[N_COLUMNS];
  PangoLayout   *left[N_LEFT];
  double         left_from[N_LEFT];
  PangoLayout   *continued;
  PangoLayout   *narrative;  /* across the table, under the row; or NULL */
  GArray        *subs;  /* SubRow */
  guint          next;  /* the first sub-row not wholly placed */
} Row;

static void
sub_row_clear (gpointer data)
{
  SubRow *sub = data;

  for (guint i = 0; i < N_RIGHT; i++)
    g_clear_object (&sub->cells[i]);
  g_clear_object (&sub->shared);
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

  return height + 2 * PAD_Y + sub->extra;
}

/* Sets @layout's lines LEADING apart, before it is first measured. A
 * negative spacing rather than a line-spacing factor: with a factor
 * under 1 Pango's line ranges overlap, and a cell cut between pages
 * would lose the line either side of the cut claims. */
static PangoLayout *
with_leading (PangoLayout *layout)
{
  PangoFontMetrics *metrics = pango_context_get_metrics (pango_layout_get_context (layout),
                                                         pango_layout_get_font_description (layout),
                                                         NULL);
  int height = pango_font_metrics_get_height (metrics);

  pango_font_metrics_unref (metrics);
  if (height > LEADING * PANGO_SCALE)
    pango_layout_set_spacing (layout, (int) (LEADING * PANGO_SCALE) - height);

  return layout;
}

static PangoLayout *
cell_new (PangoContext *context,
          guint         column,
          const char   *markup)
{
  return with_leading (_pm_report_layout_new (context, PM_REPORT_FONT_TABLE, markup,
                                              widths[column] - 2 * PAD_X));
}

/* The summary's paragraphs parted by half a line, not a whole one. */
static char *
paragraphs_markup (const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text != NULL ? text : "", -1);
  g_auto(GStrv) paragraphs = g_strsplit (escaped, "\n\n", -1);

  /* The empty line between them set in small type. */
  return g_strjoinv ("\n<span size=\"4.5pt\">\n</span>", paragraphs);
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
  PmProgressEntry *entry = pm_kpi_get_entry_at (kpi, period);
  g_autofree char *value = pm_wording_kpi_value_printed (kpi, period);
  const char *note = entry != NULL ? pm_progress_entry_get_note (entry) : NULL;

  if (value != NULL && note != NULL)
    return g_markup_printf_escaped ("<b>%s</b>\n%s", value, note);
  if (value != NULL)
    return g_markup_printf_escaped ("<b>%s</b>", value);
  if (note != NULL)
    return g_markup_escape_text (note, -1);

  return g_markup_printf_escaped (SECONDARY_SPAN "%s</span>", _("No value"));
}

/* A baseline shared by several KPIs is placed once, beside the first of
 * them; the last is made taller when the KPIs beside it are shorter than
 * the baseline. A KPI alone keeps its baseline as its own cell. */
static void
share_baselines (Row *row)
{
  for (guint i = 0; i < row->subs->len; i++)
    {
      SubRow *sub = &g_array_index (row->subs, SubRow, i);
      double height = 0;

      if (sub->merged)
        continue;
      /* Alone (again, after a split gave it its own copy): its cell
       * is the baseline; one placed before is kept, not dropped. */
      if (sub->group == 1)
        {
          if (sub->shared != NULL)
            {
              g_clear_object (&sub->cells[1]);
              sub->cells[1] = g_steal_pointer (&sub->shared);
            }
          continue;
        }

      for (guint k = i; k < i + sub->group; k++)
        height += sub_row_rest (&g_array_index (row->subs, SubRow, k));
      if (_pm_report_layout_height (sub->shared) + 2 * PAD_Y > height)
        g_array_index (row->subs, SubRow, i + sub->group - 1).extra =
          _pm_report_layout_height (sub->shared) + 2 * PAD_Y - height;
    }
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
  g_autofree char *narrative_markup = NULL;
  g_autoptr(GString) kpi_notes = g_string_new (NULL);
  g_autofree char *baseline = NULL;
  g_autofree char *previous = NULL;

  row->subs = g_array_new (FALSE, TRUE, sizeof (SubRow));
  g_array_set_clear_func (row->subs, sub_row_clear);

  district_markup = g_markup_printf_escaped ("<b>%s</b>\n" SECONDARY_SPAN "%s</span>",
                                             pm_district_get_name (district),
                                             pm_pilot_get_title (pilot));
  row->left[0] = cell_new (context, 0, district_markup);

  summary = paragraphs_markup (pm_pilot_get_summary (pilot));
  row->left[1] = cell_new (context, 1, summary);

  if (outcomes != NULL && outcomes[0] != NULL)
    row->left[2] = with_leading (_pm_report_bullets_new (context, PM_REPORT_FONT_TABLE, outcomes,
                                                         widths[2] - 2 * PAD_X));

  /* Translators: the district column of the appendix on a page the row runs on to */
  continued = g_markup_printf_escaped (_("<b>%s</b> (continued)"), pm_district_get_name (district));
  row->continued = cell_new (context, 0, continued);

  for (guint i = 0, first = 0; i < g_list_model_get_n_items (kpis); i++)
    {
      g_autoptr(PmKpi) kpi = g_list_model_get_item (kpis, i);
      g_autofree char *title = g_markup_escape_text (pm_kpi_get_title (kpi), -1);
      g_autofree char *notes = _pm_report_data_notes_markup (pm_kpi_get_data_notes (kpi));
      g_autofree char *progress = progress_markup (kpi, period);
      SubRow sub = { { NULL, }, };

      sub.cells[0] = cell_new (context, 3, title);
      sub.cells[2] = cell_new (context, 5, progress);
      g_free (baseline);
      baseline = baseline_markup (kpi);

      /* The same baseline as the KPI above: one cell for both. */
      if (i > 0 && g_strcmp0 (baseline, previous) == 0)
        {
          sub.merged = TRUE;
          g_array_index (row->subs, SubRow, first).group++;
        }
      else
        {
          first = row->subs->len;
          sub.shared = cell_new (context, 4, baseline);
          sub.group = 1;
        }
      g_array_append_val (row->subs, sub);
      g_free (previous);
      previous = g_strdup (baseline);

      /* A KPI's notes go under the row, across the table, named by the
       * KPI: in its narrow column they would make the row far taller. */
      if (notes != NULL)
        g_string_append_printf (kpi_notes, "\n<b>%s</b> %s", title, notes);
    }
  share_baselines (row);

  if (row->subs->len == 0)
    {
      g_autofree char *none = g_markup_printf_escaped (SECONDARY_SPAN "%s</span>",
                                                       _("No headline KPI is recorded for this pilot."));
      SubRow sub = { { NULL, }, };

      sub.cells[0] = cell_new (context, 3, none);
      g_array_append_val (row->subs, sub);
    }

  /* The period's narrative follows the row across the whole table (in
   * the progress column it would make the row several times taller), and
   * the notes on the pilot's data close it. */
  if (narrative != NULL && pm_narrative_get_progress (narrative) != NULL &&
      pm_narrative_get_progress (narrative)[0] != '\0')
    {
      g_autofree char *label = pm_period_get_label (period);
      g_autofree char *heading = g_strdup_printf (_("Progress in %s:"), label);

      narrative_markup = g_markup_printf_escaped ("<b>%s</b> %s", heading,
                                                  pm_narrative_get_progress (narrative));
    }
  if (pilot_notes != NULL)
    {
      g_autofree char *text = narrative_markup;

      narrative_markup = text != NULL ? g_strdup_printf ("%s\n%s", text, pilot_notes)
                                      : g_strdup (pilot_notes);
    }
  if (kpi_notes->len > 0)
    {
      g_autofree char *text = narrative_markup;

      /* The first line break only parts them from what comes before. */
      narrative_markup = text != NULL ? g_strconcat (text, kpi_notes->str, NULL)
                                      : g_strdup (kpi_notes->str + 1);
    }
  if (narrative_markup != NULL)
    {
      double width = 0;

      for (guint i = 0; i < N_COLUMNS; i++)
        width += widths[i];
      row->narrative = with_leading (_pm_report_layout_new (context, PM_REPORT_FONT_TABLE,
                                                            narrative_markup, width - 2 * PAD_X));
    }
}

static void
row_clear (Row *row)
{
  for (guint i = 0; i < N_LEFT; i++)
    g_clear_object (&row->left[i]);
  g_clear_object (&row->continued);
  g_clear_object (&row->narrative);
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

  return MAX (left + 2 * PAD_Y, right);
}

/* The height the sub-rows from @i on take while they share a baseline
 * (only @i's own when it shares none). */
static double
group_rest (const Row *row,
            guint      i)
{
  const SubRow *sub = &g_array_index (row->subs, SubRow, i);
  double height = 0;

  if (sub->shared == NULL)
    return sub_row_rest (sub);

  for (guint k = i; k < i + sub->group && k < row->subs->len; k++)
    height += sub_row_rest (&g_array_index (row->subs, SubRow, k));

  return height;
}

/* Splits the group of KPIs sharing a baseline at @first so that its first
 * part fits in @room; FALSE when not even the baseline beside one KPI does
 * (then each KPI of the group takes its own copy, if on a fresh page). */
static gboolean
split_group (Row    *row,
             guint   first,
             double  room)
{
  SubRow *sub = &g_array_index (row->subs, SubRow, first);
  double baseline = _pm_report_layout_height (sub->shared) + 2 * PAD_Y;
  double height = 0;
  guint keep = 0;
  guint group = sub->group;

  for (guint k = first; k < first + group; k++)
    g_array_index (row->subs, SubRow, k).extra = 0;

  while (keep < group && height + sub_row_rest (&g_array_index (row->subs, SubRow, first + keep)) <= room + 0.01)
    height += sub_row_rest (&g_array_index (row->subs, SubRow, first + keep++));

  if (keep == 0 || baseline > room + 0.01)
    {
      /* Each its own: the only way when one KPI and the baseline do not fit. */
      for (guint k = first + 1; k < first + group; k++)
        {
          SubRow *member = &g_array_index (row->subs, SubRow, k);

          member->merged = FALSE;
          member->cells[1] = g_object_ref (sub->shared);
        }
      sub->cells[1] = g_steal_pointer (&sub->shared);
      sub->group = 1;
      return FALSE;
    }

  if (keep < group)
    {
      SubRow *rest = &g_array_index (row->subs, SubRow, first + keep);

      rest->merged = FALSE;
      rest->shared = g_object_ref (sub->shared);
      rest->group = group - keep;
      sub->group = keep;
    }
  share_baselines (row);

  return TRUE;
}

static void
add_cell_text (PmReportPage *page,
               PangoLayout  *layout,
               double        x,
               double        y,
               double        from,
               double        take)
{
  _pm_report_page_begin_tag (page, "TD", NULL, NULL);
  if (layout != NULL && take > 0)
    _pm_report_page_add_text (page, layout, x, y, from, from + take, NULL);
  _pm_report_page_end_tag (page, "TD");
}

/* The right-hand sub-rows that fit in @room below @top: whole ones
 * first, and KPIs that share a baseline together; one taller than a page
 * is split at a line. Returns the height used; @placed counts those
 * begun. */
static double
place_sub_rows (Row      *row,
                double    top,
                double    room,
                gboolean  fresh,
                guint    *placed)
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

      /* KPIs sharing a baseline that do not all fit: those that do stay
       * with it, the rest share a copy of it on the next page. */
      if (sub->shared != NULL && group_rest (row, row->next) > room - used + 0.01)
        {
          if (!split_group (row, row->next, room - used) && (*placed > 0 || !fresh))
            break;
          sub = &g_array_index (row->subs, SubRow, row->next);
          rest = sub_row_rest (sub);
          whole = rest <= room - used + 0.01;
        }

      if (sub->shared != NULL)
        add_cell_text (page, sub->shared, row->x[N_LEFT + 1] + PAD_X, top + used + PAD_Y, 0,
                       _pm_report_layout_height (sub->shared));

      for (guint c = 0; c < N_RIGHT; c++)
        {
          double cell_rest = rest_of (sub->cells[c], sub->from[c]);

          if (whole || cell_rest <= room - used - 2 * PAD_Y + 0.01)
            sub_take[c] = cell_rest;
          else
            sub_take[c] = _pm_report_layout_cut (sub->cells[c], sub->from[c], room - used - 2 * PAD_Y) - sub->from[c];
          content = MAX (content, sub_take[c]);
        }
      if (whole)
        content += sub->extra;

      if (content <= 0 && !whole)
        break;

      for (guint c = 0; c < N_RIGHT; c++)
        {
          if (c != 1 || !sub->merged)
            add_cell_text (page, sub->cells[c], row->x[N_LEFT + c] + PAD_X, top + used + PAD_Y,
                           sub->from[c], sub_take[c]);
          sub->from[c] += sub_take[c];
        }

      /* The rules between the KPI, baseline and progress columns. */
      for (guint c = 1; c < N_RIGHT; c++)
        _pm_report_page_add_line (page, row->x[N_LEFT + c], top + used,
                                  row->x[N_LEFT + c], top + used + content + 2 * PAD_Y,
                                  GRID_WIDTH, &pm_report_rule);

      used += content + 2 * PAD_Y;
      (*placed)++;

      if (!whole)
        break;

      row->next++;
      if (row->next < row->subs->len)
        {
          /* No rule across a baseline that runs on beside the next KPI. */
          gboolean shared = g_array_index (row->subs, SubRow, row->next).merged;

          _pm_report_page_add_line (page, right_x, top + used, shared ? row->x[N_LEFT + 1] : right_end,
                                    top + used, GRID_WIDTH / 2, &pm_report_rule);
          if (shared)
            _pm_report_page_add_line (page, row->x[N_LEFT + 2], top + used, right_end, top + used,
                                      GRID_WIDTH / 2, &pm_report_rule);
        }
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
          _pm_report_page_add_text (page, row->continued, row->x[0] + PAD_X, top + PAD_Y, 0, -1, NULL);
        }

      if (rest <= 0.01)
        {
          add_cell_text (page, NULL, 0, 0, 0, 0);
          left_used = MAX (left_used, offset);
          continue;
        }

      if (rest + offset + 2 * PAD_Y <= room + 0.01)
        take = rest;
      else
        take = _pm_report_layout_cut (row->left[i], row->left_from[i], room - offset - 2 * PAD_Y)
               - row->left_from[i];

      add_cell_text (page, row->left[i], row->x[i] + PAD_X, top + PAD_Y + offset, row->left_from[i], take);
      row->left_from[i] += take;
      left_used = MAX (left_used, take + offset);
    }

  return left_used;
}

/* The grid of a segment @height high: column rules and the rule under
 * it; the right-hand rules run on below the sub-rows, @used high. */
static void
draw_segment_grid (Row      *row,
                   double    top,
                   double    height,
                   double    used)
{
  PmReportPage *page = _pm_report_flow_get_page (row->flow);
  double left_x = row->x[0];
  double right_end = row->x[N_COLUMNS - 1] + widths[N_COLUMNS - 1];

  for (guint i = 1; i <= N_LEFT; i++)
    _pm_report_page_add_line (page, row->x[i], top, row->x[i], top + height, GRID_WIDTH, &pm_report_rule);
  if (used < height)
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
  guint placed = 0;

  /* One table row for each segment: its cells in reading order. */
  _pm_report_flow_begin_tag (flow, "TR");
  left_used = place_spanning_cells (row, top, room, first);
  used = place_sub_rows (row, top, room, fresh, &placed);
  _pm_report_flow_end_tag (flow);

  if (placed == 0 && left_used <= 0)
    return FALSE;

  height = MAX (used, left_used + 2 * PAD_Y);
  draw_segment_grid (row, top, height, used);
  _pm_report_flow_set_y (flow, top + height);

  return TRUE;
}

/* What must fit for a row to start on this page: the district's cell
 * and the first two KPIs (with the baseline they share). */
static double
first_part (const Row *row)
{
  double right = 0;

  for (guint i = 0; i < MIN (2, row->subs->len); i++)
    right += sub_row_rest (&g_array_index (row->subs, SubRow, i));
  if (row->subs->len > 0 && g_array_index (row->subs, SubRow, 0).shared != NULL)
    right = MAX (right, _pm_report_layout_height (g_array_index (row->subs, SubRow, 0).shared) + 2 * PAD_Y);

  return MAX (_pm_report_layout_height (row->left[0]) + 4 * PAD_Y, right);
}

/* The narrative under its row, across the table: split at lines over
 * pages, with at least two lines under the row. */
static void
place_narrative (Row *row)
{
  PmReportFlow *flow = row->flow;
  double height = _pm_report_layout_height (row->narrative);
  double left = row->x[0];
  double right = row->x[N_COLUMNS - 1] + widths[N_COLUMNS - 1];
  double from = 0;

  if (_pm_report_flow_get_remaining (flow) < _pm_report_layout_lines_height (row->narrative, 2) + 2 * PAD_Y)
    _pm_report_flow_new_page (flow);

  while (from < height - 0.01)
    {
      PmReportPage *page = _pm_report_flow_get_page (flow);
      double top = _pm_report_flow_get_y (flow);
      double room = _pm_report_flow_get_remaining (flow) - 2 * PAD_Y;
      double cut = height - from <= room + 0.01 ? height : _pm_report_layout_cut (row->narrative, from, room);
      double bottom;

      if (cut <= from && !_pm_report_flow_is_page_empty (flow))
        {
          _pm_report_flow_new_page (flow);
          continue;
        }
      if (cut <= from)
        cut = height;  /* a line taller than a page: let the page clip it */

      _pm_report_flow_begin_tag (flow, "TR");
      add_cell_text (page, row->narrative, left + PAD_X, top + PAD_Y, from, cut - from);
      _pm_report_flow_end_tag (flow);

      bottom = top + cut - from + 2 * PAD_Y;
      _pm_report_page_add_line (page, left, top, left, bottom, GRID_WIDTH, &pm_report_rule);
      _pm_report_page_add_line (page, right, top, right, bottom, GRID_WIDTH, &pm_report_rule);
      _pm_report_page_add_line (page, left, bottom, right, bottom, GRID_WIDTH, &pm_report_rule);
      _pm_report_flow_set_y (flow, bottom);

      from = cut;
      if (from < height - 0.01)
        _pm_report_flow_new_page (flow);
    }
}

static void
add_row (PmReportFlow  *flow,
         PmReportTable *table,
         PmPeriod      *period,
         PmDistrict    *district,
         PmPilot       *pilot,
         gboolean       first_of_district)
{
  Row row = { flow, table, };
  double fresh_room;
  gboolean first = TRUE;

  for (guint i = 0; i < N_COLUMNS; i++)
    row.x[i] = _pm_report_table_get_column_x (table, i);

  row_init (&row, flow, period, district, pilot);

  /* A row is split between its KPIs rather than leave a gap, when the
   * district and its first KPIs fit here; a short row is kept whole. */
  fresh_room = _pm_report_flow_get_body_height (flow);
  if (row_rest (&row) > _pm_report_flow_get_remaining (flow) &&
      (row_rest (&row) <= fresh_room * 0.3 ||
       _pm_report_flow_get_remaining (flow) < first_part (&row)))
    _pm_report_flow_new_page (flow);

  if (first_of_district)
    _pm_report_flow_add_outline (flow, pm_district_get_name (district));

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

  if (row.narrative != NULL)
    place_narrative (&row);

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
  _pm_report_flow_add_heading_full (flow, title_layout, 1, NULL, NULL, 0, 0, 1);

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
  _pm_report_table_place_header (table, 30);

  for (guint d = 0; d < g_list_model_get_n_items (districts); d++)
    {
      g_autoptr(PmDistrict) district = g_list_model_get_item (districts, d);
      GListModel *pilots = pm_district_get_pilots (district);

      for (guint p = 0; p < g_list_model_get_n_items (pilots); p++)
        {
          g_autoptr(PmPilot) pilot = g_list_model_get_item (pilots, p);

          add_row (flow, table, period, district, pilot, p == 0);
        }
    }

  _pm_report_table_end (table, 0);
  _pm_report_table_free (table);
  _pm_report_add_indicator_totals (flow, programme, period);
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
