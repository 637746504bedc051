/* pm-cells.h: the cells of the KPI and summary tables
 *
 * Each factory makes one column's cells and keeps them bound to a
 * property of the row object (PmKpiRow or PmSummaryRow): when the row
 * recomputes, the cell follows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum
{
  PM_CELL_PLAIN   = 0,
  PM_CELL_WRAP    = 1 << 0,  /* long text wraps instead of widening the column */
  PM_CELL_NUMERIC = 1 << 1,  /* right-aligned, tabular figures */
  PM_CELL_DIM     = 1 << 2,
  PM_CELL_HEADING = 1 << 3,
  PM_CELL_WIDE    = 1 << 4,  /* the column that takes the room left: wide enough to read */
} PmCellFlags;

typedef enum
{
  PM_CELL_KIND_LABEL,       /* the string property named */
  PM_CELL_KIND_RAG,         /* PmKpiRow: "rag", "rag-letter", "rag-label" */
  PM_CELL_KIND_TRAVEL,      /* PmKpiRow: "travel-arrow", "travel-label" */
  PM_CELL_KIND_STATUS,      /* PmSummaryRow: "status-label", "sort-status" */
  PM_CELL_KIND_RAG_COUNTS,  /* PmSummaryRow: "green", "amber", "red", "grey" */
  PM_CELL_KIND_SPARKLINE,   /* PmKpiRow: its KPI's values up to its period */
} PmCellKind;

/* One cell outside a list (a table laid out in a grid), kept bound to
 * @row for as long as the cell lives. */
GtkWidget          *pm_cell_new                    (PmCellKind   kind,
                                                    const char  *property,
                                                    PmCellFlags  flags,
                                                    GObject     *row);

/* A label showing the string property @property of the row. */
GtkListItemFactory *pm_cell_label_factory_new      (const char  *property,
                                                    PmCellFlags  flags);
/* PmKpiRow: the RAG status as a letter in a coloured pill (the letter
 * makes it readable without colour; screen readers hear the word). */
GtkListItemFactory *pm_cell_rag_factory_new        (void);
/* A tiny trend of the row's KPI, coloured and marked by status. */
GtkListItemFactory *pm_cell_sparkline_factory_new  (void);
/* PmKpiRow: the direction of travel arrow, read out as a word. */
GtkListItemFactory *pm_cell_travel_factory_new     (void);
/* PmSummaryRow: the delivery status in a pill. */
GtkListItemFactory *pm_cell_status_factory_new     (void);
/* PmSummaryRow: four pills counting the KPIs green, amber, red, grey. */
GtkListItemFactory *pm_cell_rag_counts_factory_new (void);

/* The tooltip a cell shows (its words for a RAG, travel, counts or trend
 * cell), or NULL. */
const char         *pm_cell_get_tip                (GtkWidget   *cell);

G_END_DECLS
