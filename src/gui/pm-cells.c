/* pm-cells.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include <adwaita.h>

#include "model/pm-enums.h"
#include "pm-cells.h"
#include "pm-format.h"
#include "pm-kpi-row.h"
#include "report/pm-sparkline.h"
#include "report/pm-trend-chart.h"

typedef struct
{
  PmCellKind   kind;
  char        *property;
  PmCellFlags  flags;
} CellSpec;

static const PmRag rag_order[] = { PM_RAG_GREEN, PM_RAG_AMBER, PM_RAG_RED, PM_RAG_GREY };
static const char *rag_classes[] = { "rag-green", "rag-amber", "rag-red", "rag-grey", "status-on-track",
                                     "status-delayed", "status-at-risk", "status-completed",
                                     "status-not-started" };

static void
cell_spec_free (gpointer data)
{
  CellSpec *spec = data;

  g_free (spec->property);
  g_free (spec);
}

static GtkWidget *
new_pill (void)
{
  GtkWidget *pill = gtk_label_new (NULL);

  gtk_widget_add_css_class (pill, "pill-label");
  gtk_widget_set_halign (pill, GTK_ALIGN_START);
  gtk_widget_set_valign (pill, GTK_ALIGN_CENTER);

  return pill;
}

static void
set_pill_class (GtkWidget  *pill,
                const char *css_class)
{
  for (guint i = 0; i < G_N_ELEMENTS (rag_classes); i++)
    gtk_widget_remove_css_class (pill, rag_classes[i]);
  gtk_widget_add_css_class (pill, css_class);
}

static void
draw_sparkline (GtkDrawingArea *area,
                cairo_t        *cr,
                int             width,
                int             height,
                gpointer        user_data)
{
  PmKpiRow *row = g_object_get_data (G_OBJECT (area), "pm-row");
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());

  if (row == NULL)
    return;

  pm_sparkline_draw (cr, pm_chart_palette_get (dark), pm_kpi_row_get_kpi (row),
                     pm_kpi_row_get_period (row), 0, 2, width, height - 4);
}

/* A cell's tooltip is given when GTK asks for it: setting one with
 * gtk_widget_set_tooltip_text() asks the display where the pointer is (a
 * round trip to the X server), for every cell of every row each time a
 * pilot opens. */
static gboolean
query_tip_cb (GtkWidget  *widget,
              int         x,
              int         y,
              gboolean    keyboard,
              GtkTooltip *tooltip,
              gpointer    user_data)
{
  const char *tip = pm_cell_get_tip (widget);

  if (tip == NULL || tip[0] == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, tip);
  return TRUE;
}

static void
set_tip (GtkWidget  *child,
         const char *text)
{
  g_object_set_data_full (G_OBJECT (child), "pm-tip", g_strdup (text), g_free);
}

static void
add_tip (GtkWidget *child)
{
  gtk_widget_set_has_tooltip (child, TRUE);
  g_signal_connect (child, "query-tooltip", G_CALLBACK (query_tip_cb), NULL);
}

static GtkWidget *
create_cell (const CellSpec *spec)
{
  GtkWidget *child = NULL;

  switch (spec->kind)
    {
    case PM_CELL_KIND_LABEL:
      child = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (child), (spec->flags & PM_CELL_NUMERIC) ? 1.0f : 0.0f);
      if (spec->flags & PM_CELL_WRAP)
        {
          gtk_label_set_wrap (GTK_LABEL (child), TRUE);
          gtk_label_set_wrap_mode (GTK_LABEL (child), PANGO_WRAP_WORD_CHAR);
          gtk_label_set_width_chars (GTK_LABEL (child), (spec->flags & PM_CELL_WIDE) ? 20 : 10);
          gtk_label_set_max_width_chars (GTK_LABEL (child), (spec->flags & PM_CELL_WIDE) ? 40 : 24);
          gtk_label_set_natural_wrap_mode (GTK_LABEL (child), GTK_NATURAL_WRAP_WORD);
        }
      if (spec->flags & PM_CELL_NUMERIC)
        gtk_widget_add_css_class (child, "numeric");
      if (spec->flags & PM_CELL_DIM)
        gtk_widget_add_css_class (child, "dim-label");
      if (spec->flags & PM_CELL_HEADING)
        gtk_widget_add_css_class (child, "heading");
      gtk_label_set_selectable (GTK_LABEL (child), FALSE);
      break;

    case PM_CELL_KIND_RAG:
    case PM_CELL_KIND_STATUS:
      child = new_pill ();
      break;

    case PM_CELL_KIND_TRAVEL:
      child = gtk_label_new (NULL);
      gtk_widget_add_css_class (child, "travel-word");
      gtk_widget_set_halign (child, GTK_ALIGN_CENTER);
      break;

    case PM_CELL_KIND_RAG_COUNTS:
      child = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
      for (guint i = 0; i < G_N_ELEMENTS (rag_order); i++)
        {
          GtkWidget *pill = new_pill ();

          gtk_widget_add_css_class (pill, pm_format_rag_css_class (rag_order[i]));
          gtk_widget_add_css_class (pill, "numeric");
          gtk_box_append (GTK_BOX (child), pill);
        }
      break;

    case PM_CELL_KIND_SPARKLINE:
      child = gtk_drawing_area_new ();
      gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (child), 72);
      gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (child), 24);
      gtk_widget_set_valign (child, GTK_ALIGN_CENTER);
      gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (child), draw_sparkline, NULL, NULL);
      break;

    default:
      g_assert_not_reached ();
    }

  if (spec->kind != PM_CELL_KIND_LABEL && spec->kind != PM_CELL_KIND_STATUS)
    add_tip (child);

  return child;
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          CellSpec                 *spec)
{
  gtk_list_item_set_child (item, create_cell (spec));
}

static char *
get_string (GObject    *object,
            const char *property)
{
  char *value = NULL;

  g_object_get (object, property, &value, NULL);
  return value;
}

static void
update_cell (GtkWidget      *child,
             GObject        *row,
             const CellSpec *spec)
{
  if (row == NULL || child == NULL)
    return;

  switch (spec->kind)
    {
    case PM_CELL_KIND_LABEL:
      {
        g_autofree char *text = get_string (row, spec->property);
        gtk_label_set_label (GTK_LABEL (child), text != NULL ? text : "");
      }
      break;

    case PM_CELL_KIND_RAG:
      {
        g_autofree char *letter = get_string (row, "rag-letter");
        g_autofree char *label = get_string (row, "rag-label");
        PmRag rag = PM_RAG_GREY;

        g_object_get (row, "rag", &rag, NULL);
        gtk_label_set_label (GTK_LABEL (child), letter);
        set_tip (child, label);
        set_pill_class (child, pm_format_rag_css_class (rag));
        gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      }
      break;

    case PM_CELL_KIND_TRAVEL:
      {
        g_autofree char *label = get_string (row, "travel-label");
        g_autofree char *reason = get_string (row, "travel-reason");
        gboolean known = g_strcmp0 (label, reason) != 0;

        /* Words, not arrows: ↑ for a count that fell read as "up". */
        gtk_label_set_label (GTK_LABEL (child), known ? label : "–");
        set_tip (child, reason);
        gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, reason, -1);
      }
      break;

    case PM_CELL_KIND_STATUS:
      {
        g_autofree char *label = get_string (row, "status-label");
        int status = -1;

        g_object_get (row, "sort-status", &status, NULL);
        gtk_label_set_label (GTK_LABEL (child), label);
        gtk_widget_set_visible (child, status >= 0);
        if (status >= 0)
          set_pill_class (child, pm_format_status_css_class (status));
      }
      break;

    case PM_CELL_KIND_RAG_COUNTS:
      {
        static const char *names[] = { "green", "amber", "red", "grey" };
        g_autofree char *text = get_string (row, "rag-text");
        GtkWidget *pill = gtk_widget_get_first_child (child);

        for (guint i = 0; pill != NULL && i < G_N_ELEMENTS (names); i++, pill = gtk_widget_get_next_sibling (pill))
          {
            g_autofree char *label = NULL;
            guint count = 0;

            g_object_get (row, names[i], &count, NULL);
            label = g_strdup_printf ("%u %s", count, pm_rag_get_letter (rag_order[i]));
            gtk_label_set_label (GTK_LABEL (pill), label);
            gtk_widget_set_opacity (pill, count > 0 ? 1.0 : 0.45);
          }

        set_tip (child, text);
        gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
      }
      break;

    case PM_CELL_KIND_SPARKLINE:
      {
        g_autoptr(PmTrendPlot) plot = pm_trend_plot_new (pm_kpi_row_get_kpi (PM_KPI_ROW (row)),
                                                         pm_kpi_row_get_period (PM_KPI_ROW (row)));
        g_autofree char *words = pm_trend_plot_describe (plot);

        g_object_set_data_full (G_OBJECT (child), "pm-row", g_object_ref (row), g_object_unref);
        set_tip (child, words);
        gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, words, -1);
        gtk_widget_queue_draw (child);
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
row_notify_cb (GObject     *row,
               GParamSpec  *pspec,
               GtkListItem *item)
{
  CellSpec *spec = g_object_get_data (G_OBJECT (item), "pm-cell-spec");

  if (spec->kind == PM_CELL_KIND_LABEL && g_strcmp0 (pspec->name, spec->property) != 0)
    return;

  update_cell (gtk_list_item_get_child (item), row, spec);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         CellSpec                 *spec)
{
  GObject *row = gtk_list_item_get_item (item);

  g_object_set_data (G_OBJECT (item), "pm-cell-spec", spec);
  g_signal_connect_object (row, "notify", G_CALLBACK (row_notify_cb), item, 0);
  update_cell (gtk_list_item_get_child (item), row, spec);
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           CellSpec                 *spec)
{
  GObject *row = gtk_list_item_get_item (item);

  if (row != NULL)
    g_signal_handlers_disconnect_by_data (row, item);
}

static GtkListItemFactory *
cell_factory_new (PmCellKind   kind,
                  const char  *property,
                  PmCellFlags  flags)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  CellSpec *spec = g_new0 (CellSpec, 1);

  spec->kind = kind;
  spec->property = g_strdup (property);
  spec->flags = flags;

  g_object_set_data_full (G_OBJECT (factory), "pm-cell-spec", spec, cell_spec_free);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), spec);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), spec);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), spec);

  return factory;
}

GtkListItemFactory *
pm_cell_label_factory_new (const char  *property,
                           PmCellFlags  flags)
{
  g_return_val_if_fail (property != NULL, NULL);

  return cell_factory_new (PM_CELL_KIND_LABEL, property, flags);
}

GtkListItemFactory *
pm_cell_rag_factory_new (void)
{
  return cell_factory_new (PM_CELL_KIND_RAG, NULL, PM_CELL_PLAIN);
}

GtkListItemFactory *
pm_cell_sparkline_factory_new (void)
{
  return cell_factory_new (PM_CELL_KIND_SPARKLINE, NULL, PM_CELL_PLAIN);
}

GtkListItemFactory *
pm_cell_travel_factory_new (void)
{
  return cell_factory_new (PM_CELL_KIND_TRAVEL, NULL, PM_CELL_PLAIN);
}

GtkListItemFactory *
pm_cell_status_factory_new (void)
{
  return cell_factory_new (PM_CELL_KIND_STATUS, NULL, PM_CELL_PLAIN);
}

GtkListItemFactory *
pm_cell_rag_counts_factory_new (void)
{
  return cell_factory_new (PM_CELL_KIND_RAG_COUNTS, NULL, PM_CELL_PLAIN);
}

static void
widget_row_notify_cb (GObject    *row,
                      GParamSpec *pspec,
                      GtkWidget  *child)
{
  CellSpec *spec = g_object_get_data (G_OBJECT (child), "pm-cell-spec");

  if (spec->kind == PM_CELL_KIND_LABEL && g_strcmp0 (pspec->name, spec->property) != 0)
    return;

  update_cell (child, row, spec);
}

GtkWidget *
pm_cell_new (PmCellKind   kind,
             const char  *property,
             PmCellFlags  flags,
             GObject     *row)
{
  CellSpec *spec;
  GtkWidget *child;

  g_return_val_if_fail (G_IS_OBJECT (row), NULL);
  g_return_val_if_fail (kind != PM_CELL_KIND_LABEL || property != NULL, NULL);

  spec = g_new0 (CellSpec, 1);
  spec->kind = kind;
  spec->property = g_strdup (property);
  spec->flags = flags;

  child = create_cell (spec);
  g_object_set_data_full (G_OBJECT (child), "pm-cell-spec", spec, cell_spec_free);
  /* Disconnected when the cell goes. */
  g_signal_connect_object (row, "notify", G_CALLBACK (widget_row_notify_cb), child, 0);
  update_cell (child, row, spec);

  return child;
}

const char *
pm_cell_get_tip (GtkWidget *cell)
{
  g_return_val_if_fail (GTK_IS_WIDGET (cell), NULL);

  return g_object_get_data (G_OBJECT (cell), "pm-tip");
}
