/* pm-overview-tables.c: the overview page's two tables
 *
 * The districts with the programme's total, and the pilots: grids of
 * cells bound to PmSummaryRow objects, fitted to the page's width.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pm-cells.h"
#include "pm-overview-tables.h"
#include "pm-summary-row.h"

/* The tables are grids, not list views: they are short, and a grid gives
 * every wrapped row the height it needs. */
typedef struct
{
  const char  *title;
  PmCellKind   kind;
  const char  *property;
  PmCellFlags  flags;
  gboolean     link;
  guint        drop_below;   /* the page's width under which it is hidden */
} TableColumn;

/* Narrow, a table keeps its names and KPIs by status; a little wider,
 * families and spend too. Narrower still, it scrolls sideways. */
#define NARROW_WIDTH 700
#define MEDIUM_WIDTH 1000

static const TableColumn totals_columns[] = {
  { N_("Name"), PM_CELL_KIND_LABEL, "name", PM_CELL_WRAP | PM_CELL_HEADING | PM_CELL_WIDE, TRUE, 0 },
  { N_("Pilots"), PM_CELL_KIND_LABEL, "pilots-text", PM_CELL_NUMERIC, FALSE, NARROW_WIDTH },
  { N_("Reached"), PM_CELL_KIND_LABEL, "reach-text", PM_CELL_WRAP, FALSE, NARROW_WIDTH },
  { N_("Spend"), PM_CELL_KIND_LABEL, "spend-text", PM_CELL_WRAP, FALSE, NARROW_WIDTH },
  { N_("KPIs by Status"), PM_CELL_KIND_RAG_COUNTS, NULL, PM_CELL_PLAIN, FALSE, 0 },
};

static const TableColumn pilots_columns[] = {
  { N_("Pilot"), PM_CELL_KIND_LABEL, "name", PM_CELL_WRAP | PM_CELL_WIDE, TRUE, 0 },
  { N_("District"), PM_CELL_KIND_LABEL, "district-name", PM_CELL_WRAP, FALSE, MEDIUM_WIDTH },
  { N_("Status"), PM_CELL_KIND_STATUS, NULL, PM_CELL_PLAIN, FALSE, MEDIUM_WIDTH },
  { N_("Reached"), PM_CELL_KIND_LABEL, "reach-text", PM_CELL_WRAP, FALSE, NARROW_WIDTH },
  { N_("Spend"), PM_CELL_KIND_LABEL, "spend-text", PM_CELL_WRAP, FALSE, NARROW_WIDTH },
  { N_("KPIs by Status"), PM_CELL_KIND_RAG_COUNTS, NULL, PM_CELL_PLAIN, FALSE, 0 },
};

/* A pilot's or a district's name, as a button to its page; the
 * programme's total row is not a link (its page is this one). */
static GtkWidget *
make_link (PmSummaryRow      *row,
           const TableColumn *column)
{
  GObject *item = pm_summary_row_get_item (row);
  GtkWidget *label = pm_cell_new (column->kind, column->property, column->flags, G_OBJECT (row));
  GtkWidget *button;

  if (!PM_IS_PILOT (item) && !PM_IS_DISTRICT (item))
    return label;

  button = gtk_button_new ();
  gtk_button_set_child (GTK_BUTTON (button), label);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "pm-link");
  gtk_widget_set_halign (button, GTK_ALIGN_FILL);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  if (PM_IS_PILOT (item))
    {
      gtk_widget_set_tooltip_text (button, _("Show the pilot’s KPIs"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.show-pilot");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", pm_pilot_get_id (PM_PILOT (item)));
    }
  else
    {
      gtk_widget_set_tooltip_text (button, _("Show the district’s pilots"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.show-district");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", pm_district_get_id (PM_DISTRICT (item)));
    }

  return button;
}

static void
fill_table (GtkGrid           *grid,
            GListModel        *rows,
            const TableColumn *columns,
            guint              n_columns)
{
  GtkWidget *child;
  guint n_rows = rows != NULL ? g_list_model_get_n_items (rows) : 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);

  for (guint c = 0; c < n_columns; c++)
    {
      GtkWidget *header = gtk_label_new (_(columns[c].title));

      gtk_label_set_xalign (GTK_LABEL (header), (columns[c].flags & PM_CELL_NUMERIC) ? 1.0f : 0.0f);
      gtk_widget_add_css_class (header, "pm-table-header");
      gtk_widget_add_css_class (header, "dim-label");
      gtk_widget_add_css_class (header, "caption-heading");
      gtk_grid_attach (grid, header, c, 0, 1, 1);
    }

  for (guint r = 0; r < n_rows; r++)
    {
      g_autoptr(PmSummaryRow) row = g_list_model_get_item (rows, r);
      GtkWidget *separator = gtk_separator_new (GTK_ORIENTATION_HORIZONTAL);

      gtk_grid_attach (grid, separator, 0, 2 * r + 1, n_columns, 1);

      for (guint c = 0; c < n_columns; c++)
        {
          GtkWidget *cell;

          if (columns[c].link)
            cell = make_link (row, &columns[c]);
          else
            cell = pm_cell_new (columns[c].kind, columns[c].property, columns[c].flags, G_OBJECT (row));

          gtk_widget_add_css_class (cell, "pm-table-cell");
          gtk_widget_set_hexpand (cell, (columns[c].flags & PM_CELL_WIDE) != 0);

          gtk_grid_attach (grid, cell, c, 2 * r + 2, 1, 1);
        }
    }
}


/* Shows the columns of @grid that @width has room for. */
static void
fit_table (GtkGrid           *grid,
           const TableColumn *columns,
           guint              n_columns,
           int                width)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (grid));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int column, row, span;
      gboolean visible;

      gtk_grid_query_child (grid, child, &column, &row, &span, NULL);
      if (span != 1 || column < 0 || (guint) column >= n_columns)
        continue;

      visible = width >= (int) columns[column].drop_below;
      if (gtk_widget_get_visible (child) != visible)
        gtk_widget_set_visible (child, visible);

      /* On a phone the names wrap sooner, to leave room for the KPIs by
       * status; otherwise they are as wide as pm-cells makes them. */
      if (row > 0 && (columns[column].flags & PM_CELL_WIDE))
        {
          GtkWidget *label = GTK_IS_BUTTON (child) ? gtk_button_get_child (GTK_BUTTON (child)) : child;
          int chars = width < PM_OVERVIEW_PHONE_WIDTH ? 10 : 20;

          if (GTK_IS_LABEL (label) && gtk_label_get_width_chars (GTK_LABEL (label)) != chars)
            gtk_label_set_width_chars (GTK_LABEL (label), chars);
        }
    }
}

void
_pm_overview_table_fill (GtkGrid         *grid,
                         PmOverviewTable  table,
                         GListModel      *rows)
{
  if (table == PM_OVERVIEW_TABLE_TOTALS)
    fill_table (grid, rows, totals_columns, G_N_ELEMENTS (totals_columns));
  else
    fill_table (grid, rows, pilots_columns, G_N_ELEMENTS (pilots_columns));
}

void
_pm_overview_table_fit (GtkGrid         *grid,
                        PmOverviewTable  table,
                        int              width)
{
  if (table == PM_OVERVIEW_TABLE_TOTALS)
    fit_table (grid, totals_columns, G_N_ELEMENTS (totals_columns), width);
  else
    fit_table (grid, pilots_columns, G_N_ELEMENTS (pilots_columns), width);
}
