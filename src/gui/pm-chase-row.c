/* pm-chase-row.c: a pilot's row of the overview's chase list
 *
 * An expander row per pilot, saying how many baselines and values are to
 * chase; its rows, one per KPI, are made only when it is first opened.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pm-chase-item.h"
#include "pm-chase-row.h"

/* Activating the row goes to the KPI, through the window's action. */
static GtkWidget *
create_chase_item_row (PmChaseItem *chase)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");
  g_autofree char *reason = pm_chase_item_get_reason (chase);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), pm_kpi_get_title (pm_chase_item_get_kpi (chase)));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), reason);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_set_icon_name (ADW_ACTION_ROW (row),
                                pm_chase_item_get_kind (chase) == PM_CHASE_BASELINE
                                  ? "dialog-warning-symbolic" : "document-edit-symbolic");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-kpi");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "x", pm_kpi_get_id (pm_chase_item_get_kpi (chase)));

  return row;
}

/* A pilot's group of the chase list, filled when first opened. */
typedef struct
{
  GListModel *items;   /* PmChaseItem */
  gboolean    filled;
} ChaseGroup;

static void
chase_group_free (gpointer  data,
                  GClosure *closure)
{
  ChaseGroup *group = data;

  g_clear_object (&group->items);
  g_free (group);
}

static void
chase_group_expanded_cb (AdwExpanderRow *row,
                         GParamSpec     *pspec,
                         ChaseGroup     *group)
{
  if (!adw_expander_row_get_expanded (row) || group->filled)
    return;

  for (guint i = 0; i < g_list_model_get_n_items (group->items); i++)
    {
      g_autoptr(PmChaseItem) item = g_list_model_get_item (group->items, i);
      adw_expander_row_add_row (row, create_chase_item_row (item));
    }
  group->filled = TRUE;
}

GtkWidget *
pm_chase_row_new (GListModel *items)
{
  ChaseGroup *group = g_new0 (ChaseGroup, 1);
  g_autoptr(PmChaseItem) first = g_list_model_get_item (items, 0);
  PmPilot *pilot = pm_kpi_get_pilot (pm_chase_item_get_kpi (first));
  g_autofree char *place = pm_chase_item_get_place (first);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *counts = NULL;
  GtkWidget *row = adw_expander_row_new ();
  guint baselines = 0, values = 0;

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(PmChaseItem) each = g_list_model_get_item (items, i);

      if (pm_chase_item_get_kind (each) == PM_CHASE_BASELINE)
        baselines++;
      else
        values++;
    }

  if (baselines > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u baseline to settle", "%u baselines to settle", baselines),
                                             baselines));
  if (values > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u KPI with no value", "%u KPIs with no value", values),
                                             values));
  g_ptr_array_add (parts, NULL);
  counts = g_strjoinv (", ", (char **) parts->pdata);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), pilot != NULL ? place : "");
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), counts);
  group->items = g_object_ref (items);
  g_signal_connect_data (row, "notify::expanded", G_CALLBACK (chase_group_expanded_cb), group,
                         chase_group_free, 0);

  return row;
}
