/* pm-kpi-columns.h: the KPI table's columns
 *
 * Built once for a GtkColumnView of PmKpiRow items, fitted to the width
 * the table is given (libadwaita 1.2 has no breakpoints), and scrolled to
 * a row.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The value column, titled with the period by the table. */
#define PM_KPI_COLUMN_VALUE 5

/* Appends the KPI, unit, direction, baseline, target, value, change,
 * travel, RAG and trend columns, each sortable. */
void     pm_kpi_columns_append    (GtkColumnView *view);
/* Shows the columns that fit @width, the least important dropped first;
 * the KPI, its value and RAG always show. */
void     pm_kpi_columns_fit       (GtkColumnView *view,
                                   int            width);
/* Scrolls @position into view (GTK_INVALID_LIST_POSITION: nothing);
 * FALSE, doing nothing, while the view is not laid out yet. */
gboolean pm_kpi_columns_scroll_to (GtkColumnView *view,
                                   guint          position);

G_END_DECLS
