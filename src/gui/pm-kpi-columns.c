/* pm-kpi-columns.c: the KPI table's columns
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "pm-cells.h"
#include "pm-kpi-columns.h"
#include "pm-kpi-row.h"

void
pm_kpi_columns_append (GtkColumnView *view)
{
  struct {
    const char         *title;
    GtkListItemFactory *factory;
    const char         *sort_property;
    GType               sort_type;
    int                 fixed_width;
    gboolean            expand;
  } columns[] = {
    { N_("KPI"), pm_cell_label_factory_new ("title", PM_CELL_WRAP | PM_CELL_WIDE), "title", G_TYPE_STRING, -1, TRUE },
    { N_("Unit"), pm_cell_label_factory_new ("unit-label", PM_CELL_PLAIN), "unit-label", G_TYPE_STRING, 90, FALSE },
    { N_("Direction"), pm_cell_label_factory_new ("direction-label", PM_CELL_PLAIN), "direction-label", G_TYPE_STRING, 86, FALSE },
    { N_("Baseline"), pm_cell_label_factory_new ("baseline-text", PM_CELL_WRAP), "baseline-text", G_TYPE_STRING, 130, FALSE },
    { N_("Target"), pm_cell_label_factory_new ("target-text", PM_CELL_WRAP), "target-text", G_TYPE_STRING, 110, FALSE },
    { N_("Value"), pm_cell_label_factory_new ("value-text", PM_CELL_NUMERIC | PM_CELL_WRAP), "sort-value", G_TYPE_DOUBLE, 100, FALSE },
    { N_("Change"), pm_cell_label_factory_new ("change-text", PM_CELL_NUMERIC), "sort-change", G_TYPE_DOUBLE, 80, FALSE },
    { N_("Travel"), pm_cell_travel_factory_new (), "travel-label", G_TYPE_STRING, 92, FALSE },
    { N_("RAG"), pm_cell_rag_factory_new (), "sort-rag", G_TYPE_INT, 54, FALSE },
    { N_("Trend"), pm_cell_sparkline_factory_new (), "sort-rag", G_TYPE_INT, 84, FALSE },
  };

  /* The period's column, titled by the table. */
  g_assert (g_str_equal (columns[PM_KPI_COLUMN_VALUE].title, N_("Value")));

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column =
        gtk_column_view_column_new (_(columns[i].title), columns[i].factory);
      GtkExpression *expression = gtk_property_expression_new (PM_TYPE_KPI_ROW, NULL,
                                                               columns[i].sort_property);
      g_autoptr(GtkSorter) sorter = NULL;

      if (columns[i].sort_type == G_TYPE_STRING)
        sorter = GTK_SORTER (gtk_string_sorter_new (expression));
      else
        sorter = GTK_SORTER (gtk_numeric_sorter_new (expression));

      gtk_column_view_column_set_sorter (column, sorter);
      gtk_column_view_column_set_expand (column, columns[i].expand);
      gtk_column_view_column_set_resizable (column, TRUE);
      if (columns[i].fixed_width > 0)
        gtk_column_view_column_set_fixed_width (column, columns[i].fixed_width);
      gtk_column_view_append_column (view, column);
    }
}

/* Narrower than the table, the columns that matter least go first: the
 * KPI, its value and RAG always show; then, as room allows, its target,
 * travel, trend, baseline, change, direction and unit. */
#define KPI_COLUMN_LEAST 180

void
pm_kpi_columns_fit (GtkColumnView *view,
                    int            width)
{
  static const struct {
    guint column;
    int   width;
  } by_importance[] = {
    { PM_KPI_COLUMN_VALUE, 100 }, { 8, 54 }, { 4, 110 }, { 7, 92 }, { 9, 84 },
    { 3, 130 }, { 6, 80 }, { 2, 86 }, { 1, 90 },
  };
  GListModel *columns = gtk_column_view_get_columns (view);
  int room = width - KPI_COLUMN_LEAST;

  for (guint i = 0; i < G_N_ELEMENTS (by_importance); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, by_importance[i].column);
      gboolean fits = i < 2 || room >= by_importance[i].width;

      if (fits)
        room -= by_importance[i].width;
      if (gtk_column_view_column_get_visible (column) != fits)
        gtk_column_view_column_set_visible (column, fits);
    }
}

static GtkWidget *
find_list_view (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      return child;

  return NULL;
}

gboolean
pm_kpi_columns_scroll_to (GtkColumnView *view,
                          guint          position)
{
  GtkWidget *list_view = find_list_view (GTK_WIDGET (view));

  if (list_view == NULL || gtk_widget_get_height (list_view) == 0)
    return FALSE;

  if (position != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (list_view, "list.scroll-to-item", "u", position);
  return TRUE;
}
