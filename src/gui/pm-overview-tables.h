/* pm-overview-tables.h: the overview page's two tables
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A phone's width: narrower margins, and names wrapped sooner. */
#define PM_OVERVIEW_PHONE_WIDTH 500

typedef enum
{
  PM_OVERVIEW_TABLE_TOTALS,   /* districts, then the programme's total */
  PM_OVERVIEW_TABLE_PILOTS,
} PmOverviewTable;

void _pm_overview_table_fill (GtkGrid         *grid,
                              PmOverviewTable  table,
                              GListModel      *rows);
void _pm_overview_table_fit  (GtkGrid         *grid,
                              PmOverviewTable  table,
                              int              width);

G_END_DECLS
