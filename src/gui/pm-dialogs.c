/* pm-dialogs.c: the figures' dialogs (baseline, spend) and deleting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "model/pm-date.h"
#include "pm-dialogs-private.h"
#include "pm-period-list.h"

PmDialogContext *
_pm_dialog_context_new (GtkWindow  *parent,
                        PmSession  *session,
                        PmDistrict *district,
                        PmPilot    *pilot,
                        PmKpi      *kpi)
{
  PmDialogContext *context = g_new0 (PmDialogContext, 1);

  context->parent = parent != NULL ? g_object_ref (parent) : NULL;
  context->session = g_object_ref (session);
  context->district = district != NULL ? g_object_ref (district) : NULL;
  context->pilot = pilot != NULL ? g_object_ref (pilot) : NULL;
  context->kpi = kpi != NULL ? g_object_ref (kpi) : NULL;

  return context;
}

void
_pm_dialog_context_free (gpointer data)
{
  PmDialogContext *context = data;

  g_clear_object (&context->parent);
  g_clear_object (&context->session);
  g_clear_object (&context->district);
  g_clear_object (&context->pilot);
  g_clear_object (&context->kpi);
  g_free (context);
}

static void
context_closure_free (gpointer  data,
                      GClosure *closure)
{
  _pm_dialog_context_free (data);
}

PmEditDialog *
_pm_dialog_new (PmDialogContext  *context,
                const char       *title,
                const char       *accept_label,
                PmEditDialogFunc  func)
{
  return pm_edit_dialog_new (context->parent, title, accept_label, func, context, _pm_dialog_context_free);
}

void
_pm_dialog_show (PmDialogContext *context,
                 GObject         *item)
{
  GtkWidget *parent = GTK_WIDGET (context->parent);

  if (parent == NULL)
    return;

  if (PM_IS_KPI (item))
    gtk_widget_activate_action (parent, "win.show-kpi", "x", pm_kpi_get_id (PM_KPI (item)));
  else if (PM_IS_PILOT (item))
    gtk_widget_activate_action (parent, "win.show-pilot", "x", pm_pilot_get_id (PM_PILOT (item)));
  else if (PM_IS_DISTRICT (item))
    gtk_widget_activate_action (parent, "win.show-district", "x", pm_district_get_id (PM_DISTRICT (item)));
  else
    gtk_widget_activate_action (parent, "win.show-overview", NULL);
}

void
_pm_dialog_report_failure (PmEditDialog    *dialog,
                           PmDialogContext *context,
                           const char      *key,
                           const GError    *error)
{
  if (error->domain == PM_MODEL_ERROR
      || g_error_matches (error, PM_STORE_ERROR, PM_STORE_ERROR_INVALID))
    pm_edit_dialog_set_error (dialog, key, error->message);
  else
    pm_session_report_failure (context->session, _("Could Not Save"), error);
}

gboolean
_pm_dialog_update_from (PmEditDialog     *dialog,
                        PmDialogContext  *context,
                        GObject          *object,
                        GObject          *draft,
                        guint             n_names,
                        const char      **names,
                        const char       *error_key,
                        const char       *saved_message)
{
  g_autoptr(PmUndo) undo = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree GValue *values = g_new0 (GValue, n_names);
  gboolean ok;

  g_object_getv (draft, n_names, names, values);
  ok = pm_edit_update (pm_session_get_store (context->session), object, n_names, names, values, &undo, &error);
  for (guint i = 0; i < n_names; i++)
    g_value_unset (&values[i]);

  if (!ok)
    {
      _pm_dialog_report_failure (dialog, context, error_key, error);
      return FALSE;
    }

  if (undo != NULL)
    pm_session_report_saved (context->session, saved_message, g_steal_pointer (&undo));
  return TRUE;
}

const char *
_pm_dialog_empty_to_null (const char *text)
{
  return text != NULL && text[0] != '\0' ? text : NULL;
}

/* Baseline */

static const char *
baseline_error_key (const GError *error)
{
  if (error->domain != PM_MODEL_ERROR)
    return "value";

  switch (error->code)
    {
    case PM_MODEL_ERROR_INVALID_DATE:
    case PM_MODEL_ERROR_DATE_ORDER:
      return "date";
    case PM_MODEL_ERROR_INVALID_PERIOD:
      return "period";
    default:
      return "value";
    }
}

static void
baseline_state_changed_cb (AdwComboRow  *row,
                           GParamSpec   *pspec,
                           PmEditDialog *dialog)
{
  PmBaselineState state = adw_combo_row_get_selected (row);

  pm_edit_dialog_set_field_visible (dialog, "value", state == PM_BASELINE_VALUE);
  pm_edit_dialog_set_field_visible (dialog, "date", state == PM_BASELINE_VALUE);
  pm_edit_dialog_set_field_visible (dialog, "period", state == PM_BASELINE_TO_BE_REPORTED);
  pm_edit_dialog_set_field_visible (dialog, "source", state == PM_BASELINE_AWAITING_DATA);
}

static gboolean
baseline_accept_cb (PmEditDialog *dialog,
                    gpointer      user_data)
{
  PmDialogContext *context = user_data;
  PmKpi *kpi = context->kpi;
  PmBaselineState state = pm_edit_dialog_get_selected (dialog, "state");
  g_autofree char *value_text = pm_edit_dialog_get_text (dialog, "value");
  g_autofree char *date_text = pm_edit_dialog_get_text (dialog, "date");
  g_autofree char *note = pm_edit_dialog_get_text (dialog, "note");
  g_autofree char *period_text = pm_edit_dialog_get_text (dialog, "period");
  g_autofree char *source = pm_edit_dialog_get_text (dialog, "source");
  g_autofree char *date = NULL;
  g_autoptr(PmBaseline) baseline = NULL;
  g_autoptr(PmUndo) undo = NULL;
  g_autoptr(GError) error = NULL;
  double value = 0;

  if (state == PM_BASELINE_VALUE)
    {
      PmBaseline *current = pm_kpi_get_baseline (kpi);

      if (!pm_format_parse_date (date_text, &date, &error))
        {
          pm_edit_dialog_set_error (dialog, "date", error->message);
          return FALSE;
        }

      if (value_text[0] == '\0' && g_list_model_get_n_items (pm_baseline_get_sites (current)) > 0)
        {
          /* A figure split by site, with no overall value, keeps its sites. */
          baseline = pm_baseline_copy (current);
          pm_baseline_set_date (baseline, date);
          pm_baseline_set_note (baseline, _pm_dialog_empty_to_null (note));
        }
      else if (value_text[0] == '\0')
        {
          pm_edit_dialog_set_error (dialog, "value", _("Enter the baseline value, or choose what stands instead of one"));
          return FALSE;
        }
      else if (!pm_unit_parse_value (pm_kpi_get_unit (kpi), value_text, &value, &error))
        {
          pm_edit_dialog_set_error (dialog, "value", error->message);
          return FALSE;
        }
      else if (g_list_model_get_n_items (pm_baseline_get_sites (current)) > 0)
        {
          /* The sites stay with their total, which must still be their sum. */
          baseline = pm_baseline_copy (current);
          pm_baseline_set_date (baseline, date);
          pm_baseline_set_note (baseline, _pm_dialog_empty_to_null (note));
          if (!pm_baseline_has_value (current) || pm_baseline_get_value (current) != value)
            pm_baseline_set_value (baseline, value);
          if (!pm_baseline_total_sites (baseline, pm_kpi_get_unit (kpi), &error))
            {
              pm_edit_dialog_set_error (dialog, "value", error->message);
              return FALSE;
            }
        }
      else
        {
          baseline = pm_baseline_new_value (value, date, _pm_dialog_empty_to_null (note));
        }
    }
  else
    {
      baseline = pm_baseline_new_state (state);
      pm_baseline_set_note (baseline, _pm_dialog_empty_to_null (note));

      if (state == PM_BASELINE_TO_BE_REPORTED)
        {
          g_autoptr(PmPeriod) period = pm_format_parse_period (period_text, &error);

          if (period == NULL)
            {
              pm_edit_dialog_set_error (dialog, "period", error->message);
              return FALSE;
            }
          pm_baseline_set_period (baseline, period);
        }
      else if (state == PM_BASELINE_AWAITING_DATA)
        {
          if (source[0] == '\0')
            {
              pm_edit_dialog_set_error (dialog, "source", _("Say who is to provide the data"));
              return FALSE;
            }
          pm_baseline_set_source (baseline, source);
        }
    }

  if (!pm_baseline_validate (baseline, pm_kpi_get_unit (kpi), &error)
      || !pm_edit_set_baseline (pm_session_get_store (context->session), kpi, baseline, &undo, &error))
    {
      _pm_dialog_report_failure (dialog, context, baseline_error_key (error), error);
      return FALSE;
    }

  pm_session_report_saved (context->session, _("Baseline saved"), g_steal_pointer (&undo));
  return TRUE;
}

void
pm_dialogs_edit_baseline (GtkWindow *parent,
                          PmSession *session,
                          PmKpi     *kpi)
{
  const char *states[] = {
    _("A value"), _("To be confirmed"), _("To be reported at a later quarter"),
    _("No baseline"), _("Awaiting data"), NULL,
  };
  PmBaseline *baseline;
  PmEditDialog *dialog;
  GtkWidget *combo;
  g_autofree char *value = NULL;
  g_autofree char *period = NULL;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (PM_IS_SESSION (session));
  g_return_if_fail (PM_IS_KPI (kpi));

  baseline = pm_kpi_get_baseline (kpi);
  if (pm_baseline_has_value (baseline))
    value = pm_unit_format_value (pm_kpi_get_unit (kpi), pm_baseline_get_value (baseline));
  if (pm_baseline_get_period (baseline) != NULL)
    period = pm_period_get_label (pm_baseline_get_period (baseline));

  dialog = _pm_dialog_new (_pm_dialog_context_new (parent, session, NULL, NULL, kpi),
                           _("Edit Baseline"), _("_Save"), baseline_accept_cb);
  pm_edit_dialog_set_subject (dialog, pm_kpi_get_title (kpi));
  pm_edit_dialog_add_group (dialog, NULL,
                            _("Where the KPI started: a value with its date, or what stands instead of one."));
  combo = pm_edit_dialog_add_combo (dialog, "state", _("Baseline"), states, pm_baseline_get_state (baseline));
  pm_edit_dialog_add_entry (dialog, "value", _("Value"), value);
  pm_edit_dialog_add_entry (dialog, "date", _("Date, as 2016-10 or 2016-10-31"), pm_baseline_get_date (baseline));
  pm_edit_dialog_add_entry (dialog, "period", _("Quarter it will be reported at, as Q4 2016/17"), period);
  pm_edit_dialog_add_entry (dialog, "source", _("Who is to provide the data"), pm_baseline_get_source (baseline));
  pm_edit_dialog_add_entry (dialog, "note", _("Note on its scope"), pm_baseline_get_note (baseline));

  g_signal_connect_object (combo, "notify::selected", G_CALLBACK (baseline_state_changed_cb), dialog, 0);
  baseline_state_changed_cb (ADW_COMBO_ROW (combo), NULL, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Spend */

static gboolean
spend_accept_cb (PmEditDialog *dialog,
                 gpointer      user_data)
{
  PmDialogContext *context = user_data;
  g_autofree char *description = pm_edit_dialog_get_text (dialog, "description");
  g_autofree char *amount = pm_edit_dialog_get_text (dialog, "amount");
  PmSpendStatus status = pm_edit_dialog_get_selected (dialog, "status");
  g_autoptr(PmPeriod) quarter = pm_period_list_quarter_of (pm_session_get_period (context->session));
  g_autoptr(GError) error = NULL;

  /* Spend is recorded by quarter: a year's or a month's goes to its quarter. */
  if (!pm_edit_add_spend (pm_session_get_store (context->session), context->pilot, quarter,
                          description, amount, status, &error))
    {
      _pm_dialog_report_failure (dialog, context,
                      g_error_matches (error, PM_MODEL_ERROR, PM_MODEL_ERROR_MISSING) ? "description" : "amount",
                      error);
      return FALSE;
    }

  /* The store cannot remove a spend item, so no Undo is offered. */
  pm_session_report_saved (context->session, _("Spend added"), NULL);
  return TRUE;
}

void
pm_dialogs_add_spend (GtkWindow *parent,
                      PmSession *session,
                      PmPilot   *pilot)
{
  const char *statuses[] = {
    pm_spend_status_get_label (PM_SPEND_SPENT), pm_spend_status_get_label (PM_SPEND_COMMITTED), NULL,
  };
  g_autoptr(PmPeriod) quarter = NULL;
  g_autofree char *period = NULL;
  g_autofree char *description = NULL;
  PmEditDialog *dialog;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (PM_IS_SESSION (session));
  g_return_if_fail (PM_IS_PILOT (pilot));

  quarter = pm_period_list_quarter_of (pm_session_get_period (session));
  period = pm_period_get_label (quarter);
  /* Translators: "Recorded against Q3 2016/17." */
  description = g_strdup_printf (_("Recorded against %s. A spend item cannot be removed once added."), period);

  dialog = _pm_dialog_new (_pm_dialog_context_new (parent, session, NULL, pilot, NULL),
                           _("Add Spend"), _("_Add"), spend_accept_cb);
  pm_edit_dialog_set_subject (dialog, pm_pilot_get_title (pilot));
  pm_edit_dialog_add_group (dialog, NULL, description);
  pm_edit_dialog_add_entry (dialog, "description", _("What it is for"), NULL);
  pm_edit_dialog_add_entry (dialog, "amount", _("Amount, as £4,900"), NULL);
  pm_edit_dialog_add_combo (dialog, "status", _("Spent or committed"), statuses, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Deleting */

static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    gpointer          user_data)
{
  PmDialogContext *context = user_data;
  PmStore *store = pm_session_get_store (context->session);
  PmProgramme *programme = pm_session_get_programme (context->session);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (!g_str_equal (response, "delete") || store == NULL || programme == NULL)
    return;

  if (context->kpi != NULL)
    ok = pm_store_delete_kpi (store, context->pilot, context->kpi, &error);
  else if (context->pilot != NULL)
    ok = pm_store_delete_pilot (store, context->district, context->pilot, &error);
  else
    ok = pm_store_delete_district (store, programme, context->district, &error);

  if (!ok)
    {
      pm_session_report_failure (context->session, _("Could Not Delete"), error);
      return;
    }

  /* Nothing deleted stays on screen. */
  if (context->kpi == NULL)
    _pm_dialog_show (context, context->pilot != NULL && context->district != NULL
                                ? G_OBJECT (context->district) : G_OBJECT (programme));
  pm_session_report_saved (context->session, _("Deleted"), NULL);
}

void
pm_dialogs_confirm_delete (GtkWindow *parent,
                           PmSession *session,
                           GObject   *item)
{
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  PmDialogContext *context;
  GtkWidget *dialog;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (PM_IS_SESSION (session));
  g_return_if_fail (PM_IS_DISTRICT (item) || PM_IS_PILOT (item) || PM_IS_KPI (item));

  if (PM_IS_KPI (item))
    {
      PmKpi *kpi = PM_KPI (item);

      context = _pm_dialog_context_new (parent, session, NULL, pm_kpi_get_pilot (kpi), kpi);
      heading = g_strdup (_("Delete KPI?"));
      body = g_strdup_printf (_("“%s”, its baseline, targets and every quarter’s value will be deleted. This cannot be undone."),
                              pm_kpi_get_title (kpi));
    }
  else if (PM_IS_PILOT (item))
    {
      PmPilot *pilot = PM_PILOT (item);

      context = _pm_dialog_context_new (parent, session, pm_pilot_get_district (pilot), pilot, NULL);
      heading = g_strdup (_("Delete Pilot?"));
      body = g_strdup_printf (_("“%s”, its KPIs, narratives, families supported and spend will be deleted. This cannot be undone."),
                              pm_pilot_get_title (pilot));
    }
  else
    {
      PmDistrict *district = PM_DISTRICT (item);

      context = _pm_dialog_context_new (parent, session, district, NULL, NULL);
      heading = g_strdup (_("Delete District?"));
      body = g_strdup_printf (_("%s and all its pilots, with everything recorded for them, will be deleted. This cannot be undone."),
                              pm_district_get_name (district));
    }

  dialog = adw_message_dialog_new (parent, heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (delete_response_cb), context,
                         context_closure_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
