/* pm-report-flow-private.h: the flow and its tables, inside
 *
 * Shared by pm-report-flow.c and pm-report-table.c only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pm-report-private.h"

G_BEGIN_DECLS

#define RULE_WIDTH 0.5

struct _PmReportFlow
{
  PangoContext     *context;
  double            page_width;
  double            page_height;
  double            margin_x;
  double            body_top;
  double            body_bottom;  /* of this page: less on the footnote's */
  double            full_bottom;  /* of a page without the footnote */

  GPtrArray        *pages;
  PmReportPage     *page;  /* the last of pages */
  double            y;
  gboolean          page_empty;

  PmReportPageFunc  page_func;
  gpointer          page_data;
  PmReportDoneFunc  done_func;
  gpointer          done_data;
  guint             n_done;  /* pages handed to done_func, and freed */
  PmReportTable    *table;  /* the table running on, whose header repeats */

  GPtrArray        *tags;     /* the structure tags open, outermost first */
  GArray           *outline;  /* PmReportOutlineEntry */
  double            footnote_space;
  int               footnote_page;  /* -1 until a page holds the footnote */

  /* The heading placed last, to take it along to a new page */
  PmReportPage     *heading_page;
  guint             heading_n_items;  /* the page's items before it */
  double            heading_bottom;   /* the flow's y after it */
  PangoLayout      *heading_layout;
  guint             heading_level;
  char             *heading_outline;
  char             *heading_dest;
  double            heading_space_after;
};

typedef struct
{
  guint         n_cells;
  PangoLayout **cells;
  PmRag        *rags;
  gboolean      emphasis;
  guint         link_column;
  char         *link;  /* a destination name, or NULL */
  gboolean      merged;     /* its cell in the merge column is the one above */
  gboolean      continues;  /* the row below shares its merged cell */
  double        extra;      /* height added for a merged cell taller than its rows */
} TableRow;

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
  PangoAlignment *alignments;
  guint          n_rows;
  GArray        *queued;  /* TableRow, placed by _pm_report_table_end() */
  int            merge_column;  /* identical adjacent cells share one; -1 */
  gboolean       header_placed;
};

/* Places @table's header again at the top of a page it runs on to. */
void _pm_report_table_place_continued_header (PmReportTable *table);

G_END_DECLS
