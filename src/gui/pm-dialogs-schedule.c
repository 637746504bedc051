/* pm-dialogs-schedule.c: a KPI's targets as a schedule of milestones
 *
 * One form adds a milestone (a target by a date, after or between the
 * others) or revises any one of them. Either way a target is appended
 * through the store: a revision keeps the earlier value with its date and
 * reason (pm-schedule.h), and the KPI's row, its subtitle and its chart
 * follow the model at once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "model/pm-date.h"
#include "model/pm-schedule.h"
#include "pm-dialogs-private.h"

#define MILESTONES_KEY "pm-milestones"
#define KPI_KEY        "pm-kpi"

/* The milestone the combo picks, or NULL for a new one. */
static PmTarget *
chosen_milestone (PmEditDialog *dialog)
{
  GPtrArray *milestones = g_object_get_data (G_OBJECT (dialog), MILESTONES_KEY);
  guint selected = pm_edit_dialog_get_selected (dialog, "milestone");

  return selected < milestones->len ? g_ptr_array_index (milestones, selected) : NULL;
}

/* A revision starts from the milestone as it stands. */
static void
milestone_chosen_cb (AdwComboRow  *row,
                     GParamSpec   *pspec,
                     PmEditDialog *dialog)
{
  PmKpi *kpi = g_object_get_data (G_OBJECT (dialog), KPI_KEY);
  PmTarget *milestone = chosen_milestone (dialog);
  g_autofree char *value = NULL;

  if (milestone != NULL)
    value = pm_unit_format_value (pm_kpi_get_unit (kpi), pm_target_get_value (milestone));

  pm_edit_dialog_clear_errors (dialog);
  gtk_editable_set_text (GTK_EDITABLE (pm_edit_dialog_get_field (dialog, "value")), value != NULL ? value : "");
  gtk_editable_set_text (GTK_EDITABLE (pm_edit_dialog_get_field (dialog, "date")),
                         milestone != NULL && pm_target_get_date (milestone) != NULL
                         ? pm_target_get_date (milestone) : "");
  gtk_editable_set_text (GTK_EDITABLE (pm_edit_dialog_get_field (dialog, "reason")), "");
}

static gboolean
target_accept_cb (PmEditDialog *dialog,
                  gpointer      user_data)
{
  PmDialogContext *context = user_data;
  PmTarget *milestone = chosen_milestone (dialog);
  g_autofree char *value_text = pm_edit_dialog_get_text (dialog, "value");
  g_autofree char *date_text = pm_edit_dialog_get_text (dialog, "date");
  g_autofree char *reason = pm_edit_dialog_get_text (dialog, "reason");
  g_autofree char *date = NULL;
  g_autofree char *today = pm_date_today ();
  g_autoptr(PmTarget) target = NULL;
  g_autoptr(GError) error = NULL;
  double value = 0;

  if (!pm_unit_parse_value (pm_kpi_get_unit (context->kpi), value_text, &value, &error))
    {
      pm_edit_dialog_set_error (dialog, "value", error->message);
      return FALSE;
    }

  if (!pm_format_parse_date (date_text, &date, &error))
    {
      pm_edit_dialog_set_error (dialog, "date", error->message);
      return FALSE;
    }

  target = pm_target_new (value, date);
  pm_target_set_milestone (target, milestone != NULL
                                   ? pm_target_get_milestone (milestone)
                                   : pm_kpi_next_milestone (context->kpi));
  pm_target_set_set_on (target, today);
  pm_target_set_reason (target, _pm_dialog_empty_to_null (reason));

  /* The store checks the date against the baseline and the rest of the
   * schedule, as the model would. */
  if (!pm_edit_add_target (pm_session_get_store (context->session), context->kpi, target, &error))
    {
      _pm_dialog_report_failure (dialog, context,
                      g_error_matches (error, PM_MODEL_ERROR, PM_MODEL_ERROR_DATE_ORDER) ? "date" : "value",
                      error);
      return FALSE;
    }

  /* Targets are revised, never overwritten: there is nothing to undo to. */
  pm_session_report_saved (context->session, milestone != NULL ? _("Target revised") : _("Milestone added"), NULL);
  return TRUE;
}

void
pm_dialogs_add_target (GtkWindow *parent,
                       PmSession *session,
                       PmKpi     *kpi)
{
  g_autoptr(GPtrArray) milestones = NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *current = NULL;
  g_autofree char *description = NULL;
  PmEditDialog *dialog;
  GtkWidget *combo;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (PM_IS_SESSION (session));
  g_return_if_fail (PM_IS_KPI (kpi));

  milestones = pm_kpi_get_milestones (kpi);
  for (guint i = 0; i < milestones->len; i++)
    g_ptr_array_add (labels, pm_format_milestone (kpi, g_ptr_array_index (milestones, i)));
  g_ptr_array_add (labels, g_strdup (_("A new milestone")));
  g_ptr_array_add (labels, NULL);

  current = pm_format_kpi_target (kpi);
  description = g_strdup_printf (_("Current schedule: %s. Add a milestone, or revise one: a revision is kept "
                                   "beside the earlier target, with its reason."),
                                 current);

  dialog = _pm_dialog_new (_pm_dialog_context_new (parent, session, NULL, NULL, kpi), _("Targets and Milestones"), _("_Save"), target_accept_cb);
  g_object_set_data_full (G_OBJECT (dialog), MILESTONES_KEY, g_ptr_array_ref (milestones),
                          (GDestroyNotify) g_ptr_array_unref);
  g_object_set_data_full (G_OBJECT (dialog), KPI_KEY, g_object_ref (kpi), g_object_unref);
  pm_edit_dialog_set_subject (dialog, pm_kpi_get_title (kpi));
  pm_edit_dialog_add_group (dialog, NULL, description);
  /* The final milestone first, as revising the target always did. */
  combo = pm_edit_dialog_add_combo (dialog, "milestone", _("Milestone"), (const char * const *) labels->pdata,
                                    milestones->len > 0 ? milestones->len - 1 : 0);
  pm_edit_dialog_add_entry (dialog, "value", _("Target value"), NULL);
  pm_edit_dialog_add_entry (dialog, "date", _("To be met by, as 2017-11-30 (optional)"), NULL);
  pm_edit_dialog_add_entry (dialog, "reason", _("Why it was set or revised"), NULL);

  g_signal_connect_object (combo, "notify::selected", G_CALLBACK (milestone_chosen_cb), dialog, 0);
  milestone_chosen_cb (ADW_COMBO_ROW (combo), NULL, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}
