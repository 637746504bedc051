/* pm-report-flow.c: placing blocks down the pages
 *
 * Everything is measured before it is placed: a block that does not fit in
 * what is left of the page moves to the next one, and only a block taller
 * than a whole page is split, at a line boundary.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pm-report-private.h"

#define HEADER_TEXT_Y     28.0
#define FOOTER_RULE_SPACE 30.0  /* from the foot of the page to the footer rule */
#define FOOTNOTE_GAP      10.0
#define RULE_WIDTH        0.5

struct _PmReportFlow
{
  PangoContext     *context;
  double            page_width;
  double            page_height;
  double            margin_x;
  double            body_top;
  double            body_bottom;

  GPtrArray        *pages;
  PmReportPage     *page;  /* the last of pages */
  double            y;
  gboolean          page_empty;

  PmReportPageFunc  page_func;
  gpointer          page_data;
  PmReportTable    *table;  /* the table running on, whose header repeats */
};

struct _PmReportTable
{
  PmReportFlow  *flow;
  guint          n_columns;
  double        *x;
  double        *widths;
  double         total_width;
  PangoLayout  **headers;
  double         header_height;
  PangoLayout   *caption;
  PangoLayout   *continued;
  guint          n_rows;
};

double
_pm_report_body_bottom (double       page_height,
                        PangoLayout *footnote)
{
  double bottom = page_height - FOOTER_RULE_SPACE - 8;

  if (footnote != NULL)
    bottom -= _pm_report_layout_height (footnote) + FOOTNOTE_GAP + 4;

  return bottom;
}

PmReportFlow *
_pm_report_flow_new (PangoContext *context,
                     double        page_width,
                     double        page_height,
                     double        margin_x,
                     double        body_top,
                     double        body_bottom)
{
  PmReportFlow *flow = g_new0 (PmReportFlow, 1);

  g_assert (PANGO_IS_CONTEXT (context));
  g_assert (body_bottom > body_top);

  flow->context = g_object_ref (context);
  flow->page_width = page_width;
  flow->page_height = page_height;
  flow->margin_x = margin_x;
  flow->body_top = body_top;
  flow->body_bottom = body_bottom;
  flow->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) _pm_report_page_free);

  return flow;
}

void
_pm_report_flow_free (PmReportFlow *flow)
{
  if (flow == NULL)
    return;

  g_clear_object (&flow->context);
  g_clear_pointer (&flow->pages, g_ptr_array_unref);
  g_free (flow);
}

GPtrArray *
_pm_report_flow_finish (PmReportFlow *flow)
{
  GPtrArray *pages = g_steal_pointer (&flow->pages);

  _pm_report_flow_free (flow);

  return pages;
}

PangoContext *
_pm_report_flow_get_context (PmReportFlow *flow)
{
  return flow->context;
}

PmReportPage *
_pm_report_flow_get_page (PmReportFlow *flow)
{
  if (flow->page == NULL)
    _pm_report_flow_new_page (flow);

  return flow->page;
}

guint
_pm_report_flow_get_n_pages (PmReportFlow *flow)
{
  return flow->pages->len;
}

double
_pm_report_flow_get_left (PmReportFlow *flow)
{
  return flow->margin_x;
}

double
_pm_report_flow_get_width (PmReportFlow *flow)
{
  return flow->page_width - 2 * flow->margin_x;
}

double
_pm_report_flow_get_y (PmReportFlow *flow)
{
  return flow->y;
}

void
_pm_report_flow_set_y (PmReportFlow *flow,
                       double        y)
{
  if (y > flow->y + 0.001)
    flow->page_empty = FALSE;
  flow->y = y;
}

double
_pm_report_flow_get_remaining (PmReportFlow *flow)
{
  if (flow->page == NULL)
    _pm_report_flow_new_page (flow);

  return flow->body_bottom - flow->y;
}

double
_pm_report_flow_get_body_height (PmReportFlow *flow)
{
  return flow->body_bottom - flow->body_top;
}

gboolean
_pm_report_flow_is_page_empty (PmReportFlow *flow)
{
  return flow->page == NULL || flow->page_empty;
}

void
_pm_report_flow_set_page_func (PmReportFlow     *flow,
                               PmReportPageFunc  func,
                               gpointer          user_data)
{
  flow->page_func = func;
  flow->page_data = user_data;
}

static void table_place_header (PmReportTable *table,
                                gboolean       continued);

void
_pm_report_flow_new_page (PmReportFlow *flow)
{
  flow->page = _pm_report_page_new ();
  g_ptr_array_add (flow->pages, flow->page);
  flow->y = flow->body_top;

  if (flow->page_func != NULL)
    flow->page_func (flow, flow->page_data);

  if (flow->table != NULL)
    table_place_header (flow->table, TRUE);

  flow->page_empty = TRUE;
}

void
_pm_report_flow_ensure (PmReportFlow *flow,
                        double        height)
{
  if (flow->page == NULL)
    _pm_report_flow_new_page (flow);
  else if (flow->body_bottom - flow->y < height - 0.01 && !flow->page_empty)
    _pm_report_flow_new_page (flow);
}

void
_pm_report_flow_skip (PmReportFlow *flow,
                      double        height)
{
  if (flow->page == NULL)
    _pm_report_flow_new_page (flow);

  /* Space at the top of a page helps nobody. */
  if (flow->page_empty)
    return;

  flow->y = MIN (flow->y + height, flow->body_bottom);
}

void
_pm_report_flow_add_text (PmReportFlow         *flow,
                          PangoLayout          *layout,
                          double                indent,
                          const PmReportColour *colour,
                          double                space_after)
{
  double height = _pm_report_layout_height (layout);
  double x = flow->margin_x + indent;
  double from = 0;

  _pm_report_flow_ensure (flow, MIN (height, _pm_report_layout_lines_height (layout, 2)));

  while (from < height - 0.01)
    {
      double remaining = flow->body_bottom - flow->y;
      double cut;

      if (height - from <= remaining + 0.01)
        {
          _pm_report_page_add_text (flow->page, layout, x, flow->y, from, from > 0 ? height : -1, colour);
          flow->y += height - from;
          flow->page_empty = FALSE;
          break;
        }

      cut = _pm_report_layout_cut (layout, from, remaining);

      /* Not even a line fits: on a fresh page that line is taller than the
       * page, so take it anyway rather than loop for ever. */
      if (cut <= from && flow->page_empty)
        cut = height;

      if (cut > from)
        {
          _pm_report_page_add_text (flow->page, layout, x, flow->y, from, cut, colour);
          flow->y += cut - from;
          flow->page_empty = FALSE;
          from = cut;
        }

      if (from < height - 0.01)
        _pm_report_flow_new_page (flow);
    }

  flow->y = MIN (flow->y + space_after, flow->body_bottom);
}

void
_pm_report_flow_add_heading (PmReportFlow *flow,
                             PangoLayout  *layout,
                             double        space_before,
                             double        keep,
                             double        space_after)
{
  double height = _pm_report_layout_height (layout);

  _pm_report_flow_skip (flow, space_before);
  _pm_report_flow_ensure (flow, height + space_after + keep);

  _pm_report_page_add_text (flow->page, layout, flow->margin_x, flow->y, 0, -1, NULL);
  flow->y += height + space_after;
  flow->page_empty = FALSE;
}

/* ------------------------------------------------------------------ */
/* Tables */

PmReportTable *
_pm_report_table_new (PmReportFlow       *flow,
                      guint               n_columns,
                      const double       *widths,
                      const char * const *headers,
                      const char         *continued_caption)
{
  PmReportTable *table = g_new0 (PmReportTable, 1);
  double x;

  g_assert (n_columns > 0);

  table->flow = flow;
  table->n_columns = n_columns;
  table->x = g_new0 (double, n_columns);
  table->widths = g_new0 (double, n_columns);
  table->headers = g_new0 (PangoLayout *, n_columns);

  x = flow->margin_x;
  for (guint i = 0; i < n_columns; i++)
    {
      double height;

      table->x[i] = x;
      table->widths[i] = widths[i];
      x += widths[i];

      table->headers[i] = _pm_report_layout_new_text (flow->context, PM_REPORT_FONT_TABLE_BOLD,
                                                      headers[i],
                                                      widths[i] - 2 * PM_REPORT_CELL_PADDING);
      height = _pm_report_layout_height (table->headers[i]) + 2 * PM_REPORT_CELL_PADDING;
      table->header_height = MAX (table->header_height, height);
    }
  table->total_width = x - flow->margin_x;

  if (continued_caption != NULL)
    table->caption = _pm_report_layout_new_text (flow->context, PM_REPORT_FONT_SMALL,
                                                 continued_caption, table->total_width);
  table->continued = _pm_report_layout_new_text (flow->context, PM_REPORT_FONT_SMALL,
                                                 _("(continued)"), -1);

  return table;
}

void
_pm_report_table_free (PmReportTable *table)
{
  if (table == NULL)
    return;

  if (table->flow->table == table)
    table->flow->table = NULL;

  for (guint i = 0; i < table->n_columns; i++)
    g_clear_object (&table->headers[i]);
  g_free (table->headers);
  g_free (table->x);
  g_free (table->widths);
  g_clear_object (&table->caption);
  g_clear_object (&table->continued);
  g_free (table);
}

double
_pm_report_table_get_column_x (PmReportTable *table,
                               guint          column)
{
  g_assert (column < table->n_columns);

  return table->x[column];
}

static void
table_place_header (PmReportTable *table,
                    gboolean       continued)
{
  PmReportFlow *flow = table->flow;

  if (continued && table->caption != NULL)
    {
      _pm_report_page_add_text (flow->page, table->caption, flow->margin_x, flow->y, 0, -1,
                                &pm_report_secondary);
      flow->y += _pm_report_layout_height (table->caption) + 2;
    }

  _pm_report_page_add_rect (flow->page, flow->margin_x, flow->y,
                            table->total_width, table->header_height, 0,
                            &pm_report_header_fill);

  for (guint i = 0; i < table->n_columns; i++)
    _pm_report_page_add_text (flow->page, table->headers[i],
                              table->x[i] + PM_REPORT_CELL_PADDING,
                              flow->y + PM_REPORT_CELL_PADDING, 0, -1, NULL);

  flow->y += table->header_height;
}

void
_pm_report_table_begin (PmReportTable *table)
{
  PmReportFlow *flow = table->flow;

  /* The header with no row under it would be a stray. */
  _pm_report_flow_ensure (flow, table->header_height + 30);
  table_place_header (table, FALSE);
  flow->page_empty = FALSE;
  flow->table = table;
}

void
_pm_report_table_end (PmReportTable *table,
                      double         space_after)
{
  PmReportFlow *flow = table->flow;

  if (flow->table == table)
    flow->table = NULL;

  flow->y = MIN (flow->y + space_after, flow->body_bottom);
}

static void
add_badge (PmReportPage *page,
           PangoLayout  *letter,
           PmRag         rag,
           double        x,
           double        y,
           double        width)
{
  PmReportColour fill, colour;
  double text_width = _pm_report_layout_width (letter);
  double text_height = _pm_report_layout_height (letter);
  double badge_width = MAX (text_width + 8, 16);
  double badge_x = x + (width - badge_width) / 2;

  _pm_report_rag_colours (rag, &fill, &colour);
  _pm_report_page_add_rect (page, badge_x, y, badge_width, text_height + 2, 3, &fill);
  _pm_report_page_add_text (page, letter, badge_x + (badge_width - text_width) / 2, y + 1,
                            0, -1, &colour);
}

/* Draws the part [from[i], from[i] + take[i]) of each cell at the flow's y;
 * returns the height used. */
static double
table_place_segment (PmReportTable  *table,
                     PangoLayout   **cells,
                     const PmRag    *rags,
                     const double   *from,
                     const double   *take,
                     gboolean        continued,
                     gboolean        emphasis)
{
  PmReportFlow *flow = table->flow;
  double top = flow->y;
  double offset = 0;
  double content = 0;
  double height;

  if (continued)
    offset = _pm_report_layout_height (table->continued);

  for (guint i = 0; i < table->n_columns; i++)
    content = MAX (content, take[i]);
  height = content + offset + 2 * PM_REPORT_CELL_PADDING;

  if (table->n_rows % 2 == 1)
    _pm_report_page_add_rect (flow->page, flow->margin_x, top, table->total_width, height, 0,
                              &pm_report_stripe_fill);

  if (emphasis)
    _pm_report_page_add_line (flow->page, flow->margin_x, top, flow->margin_x + table->total_width,
                              top, 1.0, &pm_report_black);

  if (continued)
    _pm_report_page_add_text (flow->page, table->continued,
                              table->x[0] + PM_REPORT_CELL_PADDING,
                              top + PM_REPORT_CELL_PADDING, 0, -1, &pm_report_secondary);

  for (guint i = 0; i < table->n_columns; i++)
    {
      double x = table->x[i] + PM_REPORT_CELL_PADDING;
      double y = top + PM_REPORT_CELL_PADDING + offset;

      if (cells[i] == NULL || take[i] <= 0)
        continue;

      if (rags != NULL && rags[i] != PM_REPORT_NO_BADGE)
        add_badge (flow->page, cells[i], rags[i], table->x[i], y,
                   table->widths[i]);
      else
        _pm_report_page_add_text (flow->page, cells[i], x, y, from[i], from[i] + take[i], NULL);
    }

  _pm_report_page_add_line (flow->page, flow->margin_x, top + height,
                            flow->margin_x + table->total_width, top + height,
                            RULE_WIDTH, &pm_report_rule);

  flow->y = top + height;
  flow->page_empty = FALSE;

  return height;
}

static double
cell_height (PangoLayout *cell,
             PmRag        rag)
{
  if (cell == NULL)
    return 0;

  /* A badge is its letter plus a point above and below. */
  return _pm_report_layout_height (cell) + (rag != PM_REPORT_NO_BADGE ? 2 : 0);
}

void
_pm_report_table_add_row (PmReportTable  *table,
                          PangoLayout   **cells,
                          const PmRag    *rags,
                          gboolean        emphasis)
{
  PmReportFlow *flow = table->flow;
  g_autofree double *heights = g_new0 (double, table->n_columns);
  g_autofree double *from = g_new0 (double, table->n_columns);
  g_autofree double *take = g_new0 (double, table->n_columns);
  double row_height = 0;
  double fresh;
  gboolean continued = FALSE;

  for (guint i = 0; i < table->n_columns; i++)
    {
      heights[i] = cell_height (cells[i], rags != NULL ? rags[i] : PM_REPORT_NO_BADGE);
      row_height = MAX (row_height, heights[i]);
    }
  row_height += 2 * PM_REPORT_CELL_PADDING;

  /* What a fresh page offers the row, under the repeated header. */
  fresh = flow->body_bottom - flow->body_top - table->header_height;
  if (table->caption != NULL)
    fresh -= _pm_report_layout_height (table->caption) + 2;

  if (row_height > flow->body_bottom - flow->y + 0.01 && row_height <= fresh + 0.01)
    _pm_report_flow_new_page (flow);

  if (row_height <= flow->body_bottom - flow->y + 0.01)
    {
      for (guint i = 0; i < table->n_columns; i++)
        take[i] = heights[i];
      table_place_segment (table, cells, rags, from, take, FALSE, emphasis);
      table->n_rows++;
      return;
    }

  /* Taller than a page: split every cell at a line boundary, and mark
   * the rest as continued. Badges are one line and go with the first part. */
  for (;;)
    {
      double room = flow->body_bottom - flow->y - 2 * PM_REPORT_CELL_PADDING;
      gboolean done = TRUE;
      gboolean any = FALSE;

      if (continued)
        room -= _pm_report_layout_height (table->continued);

      for (guint i = 0; i < table->n_columns; i++)
        {
          double rest = heights[i] - from[i];

          take[i] = 0;
          if (cells[i] == NULL || rest <= 0.01)
            continue;

          if (rest <= room + 0.01 || (rags != NULL && rags[i] != PM_REPORT_NO_BADGE))
            take[i] = rest;
          else
            take[i] = _pm_report_layout_cut (cells[i], from[i], room) - from[i];

          if (take[i] > 0)
            any = TRUE;
        }

      if (!any && !flow->page_empty)
        {
          _pm_report_flow_new_page (flow);
          continued = TRUE;
          continue;
        }

      /* A single line taller than a page: nothing sensible fits, so put the
       * rest here and let the page clip it rather than loop for ever. */
      if (!any)
        for (guint i = 0; i < table->n_columns; i++)
          take[i] = cells[i] != NULL ? heights[i] - from[i] : 0;

      table_place_segment (table, cells, rags, from, take, continued, emphasis);

      for (guint i = 0; i < table->n_columns; i++)
        {
          from[i] += take[i];
          if (cells[i] != NULL && heights[i] - from[i] > 0.01)
            done = FALSE;
        }

      if (done)
        break;

      _pm_report_flow_new_page (flow);
      continued = TRUE;
    }

  table->n_rows++;
}

/* ------------------------------------------------------------------ */
/* Running header, footnote and footer */

void
_pm_report_add_page_furniture (GPtrArray          *pages,
                               PangoContext       *context,
                               double              page_width,
                               double              page_height,
                               double              margin_x,
                               const char         *left_header,
                               const char * const *right_headers,
                               const char         *footer_left,
                               PangoLayout        *footnote)
{
  double width = page_width - 2 * margin_x;
  double footer_rule = page_height - FOOTER_RULE_SPACE;
  g_autoptr(PangoLayout) left = NULL;
  g_autoptr(PangoLayout) footer = NULL;

  left = _pm_report_layout_new_text (context, PM_REPORT_FONT_SMALL, left_header, width * 0.6);
  footer = _pm_report_layout_new_text (context, PM_REPORT_FONT_SMALL, footer_left, width * 0.7);

  for (guint i = 0; i < pages->len; i++)
    {
      PmReportPage *page = g_ptr_array_index (pages, i);
      g_autoptr(PangoLayout) number = NULL;
      g_autofree char *text = NULL;
      double header_bottom;

      /* Running header: what the document is, and whose page this is. */
      _pm_report_page_add_text (page, left, margin_x, HEADER_TEXT_Y, 0, -1, &pm_report_secondary);
      header_bottom = HEADER_TEXT_Y + _pm_report_layout_height (left);

      if (right_headers != NULL && right_headers[i] != NULL)
        {
          g_autoptr(PangoLayout) right = NULL;

          right = _pm_report_layout_new_text (context, PM_REPORT_FONT_SMALL_BOLD,
                                              right_headers[i], -1);
          _pm_report_page_add_text (page, right, page_width - margin_x - _pm_report_layout_width (right),
                                    HEADER_TEXT_Y, 0, -1, NULL);
        }

      _pm_report_page_add_line (page, margin_x, header_bottom + 3, page_width - margin_x,
                                header_bottom + 3, RULE_WIDTH, &pm_report_rule);

      if (footnote != NULL)
        {
          double top = footer_rule - 6 - _pm_report_layout_height (footnote);

          _pm_report_page_add_line (page, margin_x, top - 4, margin_x + 72, top - 4,
                                    RULE_WIDTH, &pm_report_rule);
          _pm_report_page_add_text (page, footnote, margin_x, top, 0, -1, &pm_report_secondary);
        }

      _pm_report_page_add_line (page, margin_x, footer_rule, page_width - margin_x, footer_rule,
                                RULE_WIDTH, &pm_report_rule);
      _pm_report_page_add_text (page, footer, margin_x, footer_rule + 4, 0, -1, &pm_report_secondary);

      /* Translators: the page number in the footer of printed reports */
      text = g_strdup_printf (_("Page %u of %u"), i + 1, pages->len);
      number = _pm_report_layout_new_text (context, PM_REPORT_FONT_SMALL, text, -1);
      _pm_report_page_add_text (page, number, page_width - margin_x - _pm_report_layout_width (number),
                                footer_rule + 4, 0, -1, &pm_report_secondary);
    }
}
