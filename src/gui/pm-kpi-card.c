/* pm-kpi-card.c: the KPI table's rows as cards
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pm-cells.h"
#include "pm-kpi-card.h"
#include "pm-kpi-row.h"

/* The value's caption names the period, as the table's column does. */
static void
update_period_caption (PmKpiRow   *row,
                       GParamSpec *pspec,
                       GtkLabel   *caption)
{
  g_autofree char *label = pm_period_get_label (pm_kpi_row_get_period (row));

  gtk_label_set_label (caption, label);
}

static GtkWidget *
new_caption (const char *text)
{
  GtkWidget *caption = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (caption), 0.0f);
  gtk_widget_add_css_class (caption, "caption");
  gtk_widget_add_css_class (caption, "dim-label");

  return caption;
}

/* A caption over a cell: "Q3 2016/17" over the value, "Target" over the target. */
static GtkWidget *
new_field (GtkWidget *caption,
           GtkWidget *cell)
{
  GtkWidget *field = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  gtk_label_set_xalign (GTK_LABEL (cell), 0.0f);
  gtk_box_append (GTK_BOX (field), caption);
  gtk_box_append (GTK_BOX (field), cell);

  return field;
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "kpi-card");
  gtk_widget_set_margin_top (card, 6);
  gtk_widget_set_margin_bottom (card, 6);
  gtk_widget_set_margin_start (card, 12);
  gtk_widget_set_margin_end (card, 12);
  gtk_list_item_set_child (item, card);
}

/* The cells are bound to one row for as long as they live: a card given
 * another row is filled anew. */
static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item)
{
  GtkWidget *card = gtk_list_item_get_child (item);
  GObject *row = gtk_list_item_get_item (item);
  GtkWidget *title, *line, *caption, *value, *target, *travel, *rag;

  title = pm_cell_new (PM_CELL_KIND_LABEL, "title", PM_CELL_WRAP | PM_CELL_HEADING, row);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_box_append (GTK_BOX (card), title);

  line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  caption = new_caption (NULL);
  g_signal_connect_object (row, "notify::period", G_CALLBACK (update_period_caption), caption, 0);
  update_period_caption (PM_KPI_ROW (row), NULL, GTK_LABEL (caption));
  value = pm_cell_new (PM_CELL_KIND_LABEL, "value-text", PM_CELL_NUMERIC, row);
  gtk_widget_add_css_class (value, "heading");
  gtk_box_append (GTK_BOX (line), new_field (caption, value));

  /* Wrapped only when the line is too short for the whole of it. */
  target = pm_cell_new (PM_CELL_KIND_LABEL, "target-text", PM_CELL_PLAIN, row);
  gtk_label_set_wrap (GTK_LABEL (target), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (target), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_width_chars (GTK_LABEL (target), 6);
  gtk_widget_set_hexpand (target, TRUE);
  /* Translators: over a KPI's target, on its card at a phone's width */
  gtk_box_append (GTK_BOX (line), new_field (new_caption (_("Target")), target));

  travel = pm_cell_new (PM_CELL_KIND_TRAVEL, NULL, PM_CELL_PLAIN, row);
  gtk_widget_set_valign (travel, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (line), travel);
  rag = pm_cell_new (PM_CELL_KIND_RAG, NULL, PM_CELL_PLAIN, row);
  gtk_widget_set_valign (rag, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (line), rag);
  gtk_box_append (GTK_BOX (card), line);
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *item)
{
  GtkWidget *card = gtk_list_item_get_child (item);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (card)) != NULL)
    gtk_box_remove (GTK_BOX (card), child);
}

GtkListItemFactory *
pm_kpi_card_factory_new (void)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), NULL);

  return factory;
}

gboolean
pm_kpi_card_scroll_to (GtkListView *view,
                       guint        position)
{
  g_return_val_if_fail (GTK_IS_LIST_VIEW (view), FALSE);

  if (gtk_widget_get_height (GTK_WIDGET (view)) == 0)
    return FALSE;

  if (position != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (view), "list.scroll-to-item", "u", position);
  return TRUE;
}
