/* pm-report-table.c: tables placed down the pages
 *
 * A row never splits across pages unless it is taller than a whole page;
 * the header row is repeated on every page the table runs on to, and is
 * tagged (Table, TR, TH, TD) for a tagged PDF.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pm-report-flow-private.h"

static void table_row_clear (gpointer data);

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
  table->alignments = g_new0 (PangoAlignment, n_columns);
  table->queued = g_array_new (FALSE, TRUE, sizeof (TableRow));
  table->merge_column = -1;
  g_array_set_clear_func (table->queued, table_row_clear);

  x = flow->margin_x;
  for (guint i = 0; i < n_columns; i++)
    {
      double height;

      table->x[i] = x;
      table->widths[i] = widths[i];
      table->alignments[i] = PANGO_ALIGN_LEFT;
      x += widths[i];

      table->headers[i] = _pm_report_layout_new_text (flow->context, PM_REPORT_FONT_TABLE_BOLD,
                                                      headers[i],
                                                      widths[i] - 2 * PM_REPORT_CELL_PADDING);
      /* A heading wraps between words only: "Committe" over "d" read as two. */
      pango_layout_set_wrap (table->headers[i], PANGO_WRAP_WORD);
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
  g_free (table->alignments);
  g_clear_pointer (&table->queued, g_array_unref);
  g_clear_object (&table->caption);
  g_clear_object (&table->continued);
  g_free (table);
}

void
_pm_report_table_set_alignment (PmReportTable  *table,
                                guint           column,
                                PangoAlignment  alignment)
{
  g_assert (column < table->n_columns);

  table->alignments[column] = alignment;
  pango_layout_set_alignment (table->headers[column], alignment);
}

void
_pm_report_table_set_merge_column (PmReportTable *table,
                                   guint          column)
{
  g_assert (column < table->n_columns);

  table->merge_column = (int) column;
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

  _pm_report_page_begin_tag (flow->page, "TR", NULL, NULL);
  for (guint i = 0; i < table->n_columns; i++)
    {
      _pm_report_page_begin_tag (flow->page, "TH", NULL, NULL);
      _pm_report_page_add_text (flow->page, table->headers[i],
                                table->x[i] + PM_REPORT_CELL_PADDING,
                                flow->y + PM_REPORT_CELL_PADDING, 0, -1, NULL);
      _pm_report_page_end_tag (flow->page, "TH");
    }
  _pm_report_page_end_tag (flow->page, "TR");

  flow->y += table->header_height;
}

void
_pm_report_table_place_continued_header (PmReportTable *table)
{
  table_place_header (table, TRUE);
}

void
_pm_report_table_begin (PmReportTable *table)
{
  g_assert (!table->header_placed);
}

void
_pm_report_table_place_header (PmReportTable *table,
                               double         keep)
{
  PmReportFlow *flow = table->flow;

  g_assert (!table->header_placed);

  /* The header with no row under it would be a stray, and so would the
   * heading above it. */
  if (flow->page == NULL)
    _pm_report_flow_new_page (flow);
  else if (flow->body_bottom - flow->y < table->header_height + keep - 0.01 && !flow->page_empty)
    _pm_report_flow_new_page_with_heading (flow);
  _pm_report_flow_begin_tag (flow, "Table");
  table_place_header (table, FALSE);
  flow->page_empty = FALSE;
  flow->table = table;
  table->header_placed = TRUE;
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
                     const TableRow *row,
                     const double   *from,
                     const double   *take,
                     gboolean        continued)
{
  PmReportFlow *flow = table->flow;
  PmReportPage *page = flow->page;
  double top = flow->y;
  double offset = 0;
  double content = 0;
  double height;

  if (continued)
    offset = _pm_report_layout_height (table->continued);

  for (guint i = 0; i < table->n_columns; i++)
    if (!((row->merged || row->continues) && (int) i == table->merge_column))
      content = MAX (content, take[i]);
  height = content + offset + 2 * PM_REPORT_CELL_PADDING + row->extra;

  if (table->n_rows % 2 == 1 && row->merged)
    {
      /* Not over the cell that runs down from the row above. */
      double gap = table->x[table->merge_column];
      double gap_end = gap + table->widths[table->merge_column];

      _pm_report_page_add_rect (page, flow->margin_x, top, gap - flow->margin_x, height, 0,
                                &pm_report_stripe_fill);
      _pm_report_page_add_rect (page, gap_end, top, flow->margin_x + table->total_width - gap_end, height, 0,
                                &pm_report_stripe_fill);
    }
  else if (table->n_rows % 2 == 1)
    _pm_report_page_add_rect (page, flow->margin_x, top, table->total_width, height, 0,
                              &pm_report_stripe_fill);

  if (row->emphasis)
    _pm_report_page_add_line (page, flow->margin_x, top, flow->margin_x + table->total_width,
                              top, 1.0, &pm_report_black);

  if (continued)
    _pm_report_page_add_text (page, table->continued,
                              table->x[0] + PM_REPORT_CELL_PADDING,
                              top + PM_REPORT_CELL_PADDING, 0, -1, &pm_report_secondary);

  _pm_report_page_begin_tag (page, "TR", NULL, NULL);
  for (guint i = 0; i < table->n_columns; i++)
    {
      double x = table->x[i] + PM_REPORT_CELL_PADDING;
      double y = top + PM_REPORT_CELL_PADDING + offset;
      gboolean link = row->link != NULL && row->link_column == i;

      _pm_report_page_begin_tag (page, "TD", NULL, NULL);
      if (link)
        {
          g_autofree char *attributes = g_strdup_printf ("dest='%s'", row->link);

          _pm_report_page_begin_tag (page, CAIRO_TAG_LINK, attributes, NULL);
        }

      if (row->cells[i] == NULL || take[i] <= 0 || (row->merged && (int) i == table->merge_column))
        ;
      else if (row->rags != NULL && row->rags[i] != PM_REPORT_NO_BADGE)
        add_badge (page, row->cells[i], row->rags[i], table->x[i], y, table->widths[i]);
      else
        _pm_report_page_add_text (page, row->cells[i], x, y, from[i], from[i] + take[i], NULL);

      if (link)
        _pm_report_page_end_tag (page, CAIRO_TAG_LINK);
      _pm_report_page_end_tag (page, "TD");
    }
  _pm_report_page_end_tag (page, "TR");

  if (row->continues)
    {
      /* No rule across the cell that runs on beside the next row. */
      double gap = table->x[table->merge_column];

      _pm_report_page_add_line (page, flow->margin_x, top + height, gap, top + height,
                                RULE_WIDTH, &pm_report_rule);
      _pm_report_page_add_line (page, gap + table->widths[table->merge_column], top + height,
                                flow->margin_x + table->total_width, top + height,
                                RULE_WIDTH, &pm_report_rule);
    }
  else
    _pm_report_page_add_line (page, flow->margin_x, top + height,
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

static void
table_row_clear (gpointer data)
{
  TableRow *row = data;

  if (row->cells == NULL)
    return;

  for (guint i = 0; i < row->n_cells; i++)
    g_clear_object (&row->cells[i]);
  g_clear_pointer (&row->cells, g_free);
  g_clear_pointer (&row->rags, g_free);
  g_clear_pointer (&row->link, g_free);
}

void
_pm_report_table_add_row (PmReportTable  *table,
                          PangoLayout   **cells,
                          const PmRag    *rags,
                          gboolean        emphasis)
{
  TableRow row = { 0, };

  /* Kept until the table ends, so that its last row is never left alone
   * on a page under the repeated header. */
  row.n_cells = table->n_columns;
  row.cells = g_new0 (PangoLayout *, table->n_columns);
  for (guint i = 0; i < table->n_columns; i++)
    {
      row.cells[i] = cells[i] != NULL ? g_object_ref (cells[i]) : NULL;
      if (row.cells[i] != NULL)
        pango_layout_set_alignment (row.cells[i], table->alignments[i]);
    }
  if (rags != NULL)
    row.rags = g_memdup2 (rags, sizeof (PmRag) * table->n_columns);
  row.emphasis = emphasis;
  g_array_append_val (table->queued, row);
}

void
_pm_report_table_link_last_row (PmReportTable *table,
                                guint          column,
                                const char    *dest)
{
  TableRow *row;

  g_assert (table->queued->len > 0);
  g_assert (column < table->n_columns);

  row = &g_array_index (table->queued, TableRow, table->queued->len - 1);
  row->link_column = column;
  g_free (row->link);
  row->link = g_strdup (dest);
}

static double
row_height (PmReportTable  *table,
            const TableRow *row,
            double         *heights)
{
  double height = 0;

  for (guint i = 0; i < table->n_columns; i++)
    {
      double cell = cell_height (row->cells[i], row->rags != NULL ? row->rags[i] : PM_REPORT_NO_BADGE);

      if (heights != NULL)
        heights[i] = cell;
      /* A merged cell is measured against its rows together. */
      if ((row->merged || row->continues) && (int) i == table->merge_column)
        continue;
      height = MAX (height, cell);
    }

  return height + 2 * PM_REPORT_CELL_PADDING + row->extra;
}

static void
table_place_row (PmReportTable  *table,
                 const TableRow *row)
{
  PmReportFlow *flow = table->flow;
  g_autofree double *heights = g_new0 (double, table->n_columns);
  g_autofree double *from = g_new0 (double, table->n_columns);
  g_autofree double *take = g_new0 (double, table->n_columns);
  double height = row_height (table, row, heights);
  gboolean continued = FALSE;

  if (height <= flow->body_bottom - flow->y + 0.01)
    {
      table_place_segment (table, row, from, heights, FALSE);
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
          if (row->cells[i] == NULL || rest <= 0.01)
            continue;

          if (rest <= room + 0.01 || (row->rags != NULL && row->rags[i] != PM_REPORT_NO_BADGE))
            take[i] = rest;
          else
            take[i] = _pm_report_layout_cut (row->cells[i], from[i], room) - from[i];

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
          take[i] = row->cells[i] != NULL ? heights[i] - from[i] : 0;

      table_place_segment (table, row, from, take, continued);

      for (guint i = 0; i < table->n_columns; i++)
        {
          from[i] += take[i];
          if (row->cells[i] != NULL && heights[i] - from[i] > 0.01)
            done = FALSE;
        }

      if (done)
        break;

      _pm_report_flow_new_page (flow);
      continued = TRUE;
    }

  table->n_rows++;
}

static const char *
merge_text (PmReportTable  *table,
            const TableRow *row)
{
  PangoLayout *cell = row->cells[table->merge_column];

  return cell != NULL ? pango_layout_get_text (cell) : "";
}

/* The rows from @first that share its merged cell, and their height. */
static guint
merge_group (PmReportTable *table,
             guint          first,
             double        *height)
{
  guint last = first;

  *height = row_height (table, &g_array_index (table->queued, TableRow, first), NULL);
  while (g_array_index (table->queued, TableRow, last).continues)
    *height += row_height (table, &g_array_index (table->queued, TableRow, ++last), NULL);

  return last - first + 1;
}

static void
find_merges (PmReportTable *table)
{
  guint n = table->queued->len;

  if (table->merge_column < 0)
    return;

  for (guint i = 1; i < n; i++)
    {
      TableRow *above = &g_array_index (table->queued, TableRow, i - 1);
      TableRow *row = &g_array_index (table->queued, TableRow, i);
      const char *text = merge_text (table, row);

      if (text[0] != '\0' && g_str_equal (text, merge_text (table, above)))
        {
          row->merged = TRUE;
          above->continues = TRUE;
        }
    }

  /* The last row of a group grows when the cell is taller than its rows. */
  for (guint i = 0; i < n; i++)
    {
      TableRow *row = &g_array_index (table->queued, TableRow, i);
      double height, cell;
      guint size;

      if (row->merged || !row->continues)
        continue;
      size = merge_group (table, i, &height);
      cell = cell_height (row->cells[table->merge_column], PM_REPORT_NO_BADGE) + 2 * PM_REPORT_CELL_PADDING;
      if (cell > height)
        g_array_index (table->queued, TableRow, i + size - 1).extra = cell - height;
    }
}

/* Places the rows kept so far, breaking pages between them: a row moves
 * to the next page when it does not fit (unless it is taller than a whole
 * page), and the last row takes the one before it along rather than be
 * left alone under the repeated header. */
static void
table_place_queued (PmReportTable *table)
{
  PmReportFlow *flow = table->flow;
  guint n = table->queued->len;
  double fresh, first = 0;
  guint on_page = 0;

  if (n == 0)
    return;

  for (guint i = 0; i < n; i++)
    {
      const TableRow *row = &g_array_index (table->queued, TableRow, i);

      if (row->rags != NULL)
        for (guint c = 0; c < table->n_columns; c++)
          if (row->rags[c] != PM_REPORT_NO_BADGE)
            _pm_report_flow_reserve_footnote (flow);
    }

  find_merges (table);

  /* What a fresh page offers a row, under the repeated header. */
  fresh = flow->full_bottom - flow->body_top - table->header_height;
  if (table->caption != NULL)
    fresh -= _pm_report_layout_height (table->caption) + 2;

  /* The header with at least its first two rows, when they fit a page. */
  if (g_array_index (table->queued, TableRow, 0).continues)
    merge_group (table, 0, &first);
  else
    for (guint i = 0; i < MIN (n, 2); i++)
      first += row_height (table, &g_array_index (table->queued, TableRow, i), NULL);
  if (!table->header_placed)
    _pm_report_table_place_header (table, MIN (first, fresh));

  for (guint i = 0; i < n; i++)
    {
      TableRow *row = &g_array_index (table->queued, TableRow, i);
      double height = row_height (table, row, NULL);
      double room = flow->body_bottom - flow->y + 0.01;
      guint pages = flow->pages->len;

      /* Rows that share a cell go over together, or apart if too tall. */
      if (row->continues && !row->merged)
        {
          double group_height;
          guint size = merge_group (table, i, &group_height);

          if (group_height > room && group_height <= fresh + 0.01)
            {
              _pm_report_flow_new_page (flow);
              on_page = 0;
              room = flow->body_bottom - flow->y + 0.01;
            }
          else if (group_height > room)
            for (guint k = i; k < i + size; k++)
              {
                TableRow *member = &g_array_index (table->queued, TableRow, k);

                member->merged = member->continues = FALSE;
                member->extra = 0;
              }
          height = row_height (table, row, NULL);
        }

      if (height > room && height <= fresh + 0.01)
        {
          _pm_report_flow_new_page (flow);
          on_page = 0;
        }
      else if (i + 2 == n && on_page > 0 && height <= room)
        {
          double last = row_height (table, &g_array_index (table->queued, TableRow, n - 1), NULL);

          /* This row fits, the last does not: both go over. */
          if (height + last > room && height + last <= fresh + 0.01)
            {
              _pm_report_flow_new_page (flow);
              on_page = 0;
            }
        }

      table_place_row (table, row);
      on_page = flow->pages->len == pages ? on_page + 1 : 1;
    }

  g_array_set_size (table->queued, 0);
}

void
_pm_report_table_end (PmReportTable *table,
                      double         space_after)
{
  PmReportFlow *flow = table->flow;

  table_place_queued (table);

  if (flow->table == table)
    flow->table = NULL;
  if (table->header_placed)
    _pm_report_flow_end_tag (flow);

  flow->y = MIN (flow->y + space_after, flow->body_bottom);
}

