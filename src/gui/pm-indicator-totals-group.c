/* pm-indicator-totals-group.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "app/pm-format.h"
#include "model/pm-indicator-total.h"
#include "model/pm-wording.h"
#include "pm-indicator-totals-group.h"

struct _PmIndicatorTotalsGroup
{
  AdwBin      parent_instance;

  /* Template widgets */
  GtkListBox *list;
};

G_DEFINE_FINAL_TYPE (PmIndicatorTotalsGroup, pm_indicator_totals_group, ADW_TYPE_BIN)

/* "Cannock Chase 130 · Lichfield 77 · Tamworth not reported". */
static char *
shares_text (PmIndicatorTotal *total)
{
  PmUnit unit = pm_indicator_get_unit (total->indicator);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < total->shares->len; i++)
    {
      PmIndicatorShare *share = &g_array_index (total->shares, PmIndicatorShare, i);
      g_autofree char *text = pm_wording_indicator_share (share, unit);

      if (i > 0)
        g_string_append (out, " · ");
      g_string_append (out, text);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static GtkWidget *
row_new (PmIndicatorTotal *total)
{
  g_autofree char *shares = shares_text (total);
  g_autofree char *reported = pm_wording_total_reported (total);
  g_autofree char *value = pm_wording_total_value (total);
  g_autofree char *subtitle = g_strdup_printf ("%s\n%s", shares, reported);
  g_autofree char *suffix = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label;
  GtkWidget *pill;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), pm_indicator_get_name (total->indicator));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);

  if (total->has_target)
    {
      g_autofree char *target = pm_unit_format_value (pm_indicator_get_unit (total->indicator),
                                                      total->target);

      /* Translators: a programme total beside its target: "212 · target 298" */
      suffix = g_strdup_printf (_("%s · target %s"), value, target);
    }
  else
    suffix = g_strdup (value);

  label = gtk_label_new (suffix);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 1.0);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
  gtk_widget_add_css_class (label, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);

  pill = gtk_label_new (pm_rag_get_letter (total->rag));
  gtk_widget_add_css_class (pill, "pill-label");
  gtk_widget_add_css_class (pill, pm_format_rag_css_class (total->rag));
  gtk_widget_set_valign (pill, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (pill), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  pm_rag_get_label (total->rag), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), pill);

  return row;
}

static void
pm_indicator_totals_group_class_init (PmIndicatorTotalsGroupClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/pilotmonitor/PilotMonitor/pm-indicator-totals-group.ui");
  gtk_widget_class_bind_template_child (widget_class, PmIndicatorTotalsGroup, list);
}

static void
pm_indicator_totals_group_init (PmIndicatorTotalsGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

void
pm_indicator_totals_group_update (PmIndicatorTotalsGroup *self,
                                  PmProgramme            *programme,
                                  PmPeriod               *period)
{
  GListModel *indicators;
  GtkWidget *child;
  guint n;

  g_return_if_fail (PM_IS_INDICATOR_TOTALS_GROUP (self));
  g_return_if_fail (programme == NULL || PM_IS_PROGRAMME (programme));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  indicators = programme != NULL && period != NULL ? pm_programme_get_indicators (programme) : NULL;
  n = indicators != NULL ? g_list_model_get_n_items (indicators) : 0;
  gtk_widget_set_visible (GTK_WIDGET (self), n > 0);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PmIndicator) indicator = g_list_model_get_item (indicators, i);
      g_autoptr(PmIndicatorTotal) total = pm_indicator_total_compute (programme, indicator, period);

      gtk_list_box_append (self->list, row_new (total));
    }
}
