/* pm-kpi-card.h: the KPI table's rows as cards, at a phone's width
 *
 * Where the table's columns cannot fit, each KPI is a card: its title,
 * wrapped, then its value for the period, its target, the direction of
 * travel and the RAG pill on one line. The cells are those of the table
 * (pm-cells.h), kept bound to the PmKpiRow the card shows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Below this width the KPI table shows cards rather than columns. */
#define PM_KPI_CARDS_WIDTH 500

/* A factory for a GtkListView of PmKpiRow items. */
GtkListItemFactory *pm_kpi_card_factory_new (void);
/* Scrolls @position into view (GTK_INVALID_LIST_POSITION: nothing);
 * FALSE, doing nothing, while the list is not laid out yet. */
gboolean            pm_kpi_card_scroll_to   (GtkListView *view,
                                             guint        position);

G_END_DECLS
