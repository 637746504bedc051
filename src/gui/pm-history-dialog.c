/* pm-history-dialog.c: a KPI's audit trail, newest first
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "model/pm-date.h"
#include "pm-history-dialog.h"

struct _PmHistoryDialog
{
  AdwWindow       parent_instance;

  /* Template widgets */
  AdwWindowTitle *window_title;
  GtkStack       *stack;
  GtkListBox     *list;

  /* Owned references */
  PmKpi          *kpi;
  GListModel     *changes;
};

G_DEFINE_FINAL_TYPE (PmHistoryDialog, pm_history_dialog, ADW_TYPE_WINDOW)

static char *
format_value (PmKpi    *kpi,
              gboolean  has_value,
              double    value)
{
  if (!has_value)
    return g_strdup (_("none"));

  /* Baselines and targets of any unit, values in the KPI's unit. */
  return pm_unit_format_value (pm_kpi_get_unit (kpi), value);
}

static char *
format_when (const char *at)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (at, NULL);
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL)
    return g_strdup (at);

  local = g_date_time_to_local (utc);
  /* Translators: when a change was made, strftime format: "30 Nov 2026, 09:15" */
  return g_date_time_format (local, _("%-d %b %Y, %H:%M"));
}

void
pm_history_describe_change (PmKpi     *kpi,
                            PmChange  *change,
                            char     **title,
                            char     **subtitle)
{
  g_autofree char *old_value = format_value (kpi, pm_change_has_old_value (change),
                                             pm_change_get_old_value (change));
  g_autofree char *new_value = format_value (kpi, pm_change_has_new_value (change),
                                             pm_change_get_new_value (change));
  g_autofree char *when = format_when (pm_change_get_at (change));
  g_autofree char *period = pm_change_get_period (change) != NULL
                            ? pm_period_get_label (pm_change_get_period (change)) : NULL;
  const char *author = pm_change_get_author (change);
  const char *source = pm_change_source_to_words (pm_change_get_source (change));
  const char *words = pm_change_get_new_text (change);
  g_autofree char *detail = NULL;

  switch (pm_change_get_kind (change))
    {
    case PM_CHANGE_BASELINE:
      if (!pm_change_has_old_value (change))
        /* Translators: a first baseline: "Baseline: 44.8%" */
        *title = g_strdup_printf (_("Baseline: %s"), new_value);
      else
        /* Translators: a change of baseline: "Baseline: 44.8% → 46.1%" */
        *title = g_strdup_printf (_("Baseline: %s → %s"), old_value, new_value);
      /* The trail keeps the state's name first ("value 2016-10: note"):
       * people need only the date and note after it. */
      if (words != NULL && strchr (words, ' ') != NULL)
        words = strchr (words, ' ') + 1;
      else
        words = NULL;
      break;
    case PM_CHANGE_TARGET:
      if (!pm_change_has_old_value (change))
        /* Translators: a first target: "Target: 60%" */
        *title = g_strdup_printf (_("Target: %s"), new_value);
      else
        /* Translators: a target revision: "Target: 60% → 65%" */
        *title = g_strdup_printf (_("Target: %s → %s"), old_value, new_value);
      break;
    case PM_CHANGE_NARRATIVE:
      *title = g_strdup_printf (_("Narrative for %s"), period != NULL ? period : "");
      break;
    case PM_CHANGE_VALUE:
    default:
      /* Not "12 → 12": the note is what changed (the new one below). */
      if (pm_change_is_note_only (change) && (words == NULL || words[0] == '\0'))
        /* Translators: only the note of a quarter's value went: "Q3 2016/17: note removed" */
        *title = g_strdup_printf (_("%s: note removed"), period != NULL ? period : "");
      else if (pm_change_is_note_only (change) && (pm_change_get_old_text (change) == NULL ||
                                                   pm_change_get_old_text (change)[0] == '\0'))
        /* Translators: only a note was added to a quarter's value: "Q3 2016/17: note added" */
        *title = g_strdup_printf (_("%s: note added"), period != NULL ? period : "");
      else if (pm_change_is_note_only (change))
        /* Translators: only the note of a quarter's value changed: "Q3 2016/17: note changed" */
        *title = g_strdup_printf (_("%s: note changed"), period != NULL ? period : "");
      else if (!pm_change_has_new_value (change) && pm_change_get_new_text (change) == NULL)
        /* Translators: a value removed: "Q3 2016/17: 50 removed" */
        *title = g_strdup_printf (_("%s: %s removed"), period != NULL ? period : "", old_value);
      else if (!pm_change_has_old_value (change))
        /* Translators: a first value: "Q3 2016/17: 50" */
        *title = g_strdup_printf (_("%s: %s"), period != NULL ? period : "", new_value);
      else
        /* Translators: a changed value: "Q3 2016/17: 50 → 55" */
        *title = g_strdup_printf (_("%s: %s → %s"), period != NULL ? period : "", old_value, new_value);
      break;
    }

  if (words != NULL && words[0] != '\0' && pm_change_get_kind (change) != PM_CHANGE_TARGET)
    /* Translators: when, who, how, then the note or words written */
    detail = g_strdup_printf (_("%s · %s · %s · “%s”"), when,
                              author != NULL ? author : _("unknown author"), source, words);
  else
    detail = g_strdup_printf (_("%s · %s · %s"), when,
                              author != NULL ? author : _("unknown author"), source);

  *subtitle = g_steal_pointer (&detail);
}

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  PmHistoryDialog *self = user_data;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();

  pm_history_describe_change (self->kpi, PM_CHANGE (item), &title, &subtitle);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 4);

  return row;
}

static void
pm_history_dialog_dispose (GObject *object)
{
  PmHistoryDialog *self = PM_HISTORY_DIALOG (object);

  g_clear_object (&self->kpi);
  g_clear_object (&self->changes);
  gtk_widget_dispose_template (GTK_WIDGET (self), PM_TYPE_HISTORY_DIALOG);

  G_OBJECT_CLASS (pm_history_dialog_parent_class)->dispose (object);
}

static void
pm_history_dialog_class_init (PmHistoryDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pm_history_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/pilotmonitor/PilotMonitor/pm-history-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PmHistoryDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, PmHistoryDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, PmHistoryDialog, list);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pm_history_dialog_init (PmHistoryDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

PmHistoryDialog *
pm_history_dialog_new (GtkWindow  *parent,
                       PmKpi      *kpi,
                       GListModel *changes)
{
  PmHistoryDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (PM_IS_KPI (kpi), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (changes), NULL);

  self = g_object_new (PM_TYPE_HISTORY_DIALOG, "transient-for", parent, NULL);
  self->kpi = g_object_ref (kpi);
  self->changes = g_object_ref (changes);

  adw_window_title_set_subtitle (self->window_title, pm_kpi_get_title (kpi));
  gtk_list_box_bind_model (self->list, changes, create_row_cb, self, NULL);
  gtk_stack_set_visible_child_name (self->stack,
                                    g_list_model_get_n_items (changes) > 0 ? "changes" : "empty");

  return self;
}
