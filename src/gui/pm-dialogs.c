/* pm-dialogs.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "model/pm-date.h"
#include "pm-dialogs.h"
#include "pm-edit-dialog.h"
#include "pm-edits.h"
#include "pm-format.h"
#include "pm-window-private.h"

typedef struct
{
  PmWindow   *window;
  PmDistrict *district;
  PmPilot    *pilot;
  PmKpi      *kpi;
} Context;

static Context *
context_new (PmWindow   *window,
             PmDistrict *district,
             PmPilot    *pilot,
             PmKpi      *kpi)
{
  Context *context = g_new0 (Context, 1);

  context->window = g_object_ref (window);
  context->district = district != NULL ? g_object_ref (district) : NULL;
  context->pilot = pilot != NULL ? g_object_ref (pilot) : NULL;
  context->kpi = kpi != NULL ? g_object_ref (kpi) : NULL;

  return context;
}

static void
context_free (gpointer data)
{
  Context *context = data;

  g_clear_object (&context->window);
  g_clear_object (&context->district);
  g_clear_object (&context->pilot);
  g_clear_object (&context->kpi);
  g_free (context);
}

static void
context_closure_free (gpointer  data,
                      GClosure *closure)
{
  context_free (data);
}

static PmEditDialog *
dialog_new (PmWindow         *window,
            const char       *title,
            const char       *accept_label,
            PmEditDialogFunc  func,
            Context          *context)
{
  return pm_edit_dialog_new (GTK_WINDOW (window), title, accept_label, func, context, context_free);
}

/* A problem with what was typed goes beside @key; anything else (the disk,
 * a lock) in a dialog of its own. Either way the form stays open. */
static void
report_failure (PmEditDialog *dialog,
                Context      *context,
                const char   *key,
                const GError *error)
{
  if (error->domain == PM_MODEL_ERROR
      || g_error_matches (error, PM_STORE_ERROR, PM_STORE_ERROR_INVALID))
    pm_edit_dialog_set_error (dialog, key, error->message);
  else
    _pm_window_report_error (context->window, _("Could Not Save"), error);
}

static const char *
empty_to_null (const char *text)
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
  Context *context = user_data;
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
          pm_baseline_set_note (baseline, empty_to_null (note));
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
      else
        {
          baseline = pm_baseline_new_value (value, date, empty_to_null (note));
        }
    }
  else
    {
      baseline = pm_baseline_new_state (state);
      pm_baseline_set_note (baseline, empty_to_null (note));

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
      || !pm_edit_set_baseline (pm_window_get_store (context->window), kpi, baseline, &undo, &error))
    {
      report_failure (dialog, context, baseline_error_key (error), error);
      return FALSE;
    }

  _pm_window_report_saved (context->window, _("Baseline saved"), g_steal_pointer (&undo));
  return TRUE;
}

void
pm_dialogs_edit_baseline (PmWindow *window,
                          PmKpi    *kpi)
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

  g_return_if_fail (PM_IS_WINDOW (window));
  g_return_if_fail (PM_IS_KPI (kpi));

  baseline = pm_kpi_get_baseline (kpi);
  if (pm_baseline_has_value (baseline))
    value = pm_unit_format_value (pm_kpi_get_unit (kpi), pm_baseline_get_value (baseline));
  if (pm_baseline_get_period (baseline) != NULL)
    period = pm_period_get_label (pm_baseline_get_period (baseline));

  dialog = dialog_new (window, _("Edit Baseline"), _("_Save"), baseline_accept_cb,
                       context_new (window, NULL, NULL, kpi));
  pm_edit_dialog_add_group (dialog, pm_kpi_get_title (kpi),
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

/* Target */

static gboolean
target_accept_cb (PmEditDialog *dialog,
                  gpointer      user_data)
{
  Context *context = user_data;
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
  pm_target_set_set_on (target, today);
  pm_target_set_reason (target, empty_to_null (reason));

  if (!pm_edit_add_target (pm_window_get_store (context->window), context->kpi, target, &error))
    {
      report_failure (dialog, context,
                      g_error_matches (error, PM_MODEL_ERROR, PM_MODEL_ERROR_DATE_ORDER) ? "date" : "value",
                      error);
      return FALSE;
    }

  /* Targets are revised, never overwritten: there is nothing to undo to. */
  _pm_window_report_saved (context->window, _("Target added"), NULL);
  return TRUE;
}

void
pm_dialogs_add_target (PmWindow *window,
                       PmKpi    *kpi)
{
  PmEditDialog *dialog;
  g_autofree char *current = NULL;
  g_autofree char *description = NULL;

  g_return_if_fail (PM_IS_WINDOW (window));
  g_return_if_fail (PM_IS_KPI (kpi));

  current = pm_format_target (pm_kpi_get_current_target (kpi), pm_kpi_get_unit (kpi));
  description = g_strdup_printf (_("Current target: %s. The new target is added as a revision; earlier targets are kept."),
                                 current);

  dialog = dialog_new (window, _("Revise Target"), _("_Add"), target_accept_cb,
                       context_new (window, NULL, NULL, kpi));
  pm_edit_dialog_add_group (dialog, pm_kpi_get_title (kpi), description);
  pm_edit_dialog_add_entry (dialog, "value", _("Target value"), NULL);
  pm_edit_dialog_add_entry (dialog, "date", _("To be met by, as 2017-11-30 (optional)"), NULL);
  pm_edit_dialog_add_entry (dialog, "reason", _("Why it was set or revised"), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* KPI */

static gboolean
kpi_accept_cb (PmEditDialog *dialog,
               gpointer      user_data)
{
  Context *context = user_data;
  g_autofree char *title = pm_edit_dialog_get_text (dialog, "title");
  g_autofree char *tolerance_text = pm_edit_dialog_get_text (dialog, "tolerance");
  g_autofree char *source = pm_edit_dialog_get_text (dialog, "source");
  PmUnit unit = pm_edit_dialog_get_selected (dialog, "unit");
  PmDirection direction = pm_edit_dialog_get_selected (dialog, "direction");
  PmMeasure measure = pm_edit_dialog_get_selected (dialog, "measure");
  g_autoptr(PmUndo) undo = NULL;
  g_autoptr(GError) error = NULL;
  double tolerance = PM_KPI_DEFAULT_TOLERANCE * 100;
  PmStore *store = pm_window_get_store (context->window);

  if (title[0] == '\0')
    {
      pm_edit_dialog_set_error (dialog, "title", _("Give the KPI a title"));
      return FALSE;
    }

  if (tolerance_text[0] != '\0'
      && !pm_unit_parse_value (PM_UNIT_PERCENTAGE, tolerance_text, &tolerance, &error))
    {
      pm_edit_dialog_set_error (dialog, "tolerance", error->message);
      return FALSE;
    }

  if (context->kpi == NULL)
    {
      g_autoptr(PmKpi) kpi = pm_kpi_new (title, unit, direction);

      pm_kpi_set_measure (kpi, measure);
      pm_kpi_set_tolerance (kpi, tolerance / 100);
      pm_kpi_set_data_source (kpi, empty_to_null (source));
      if (!pm_edit_add_kpi (store, context->pilot, kpi, &undo, &error))
        {
          report_failure (dialog, context, "title", error);
          return FALSE;
        }

      _pm_window_report_saved (context->window, _("KPI added"), g_steal_pointer (&undo));
      _pm_window_show_kpi (context->window, kpi);
      return TRUE;
    }
  else
    {
      const char *names[] = { "title", "unit", "direction", "measure", "tolerance", "data-source" };
      GValue values[G_N_ELEMENTS (names)] = { G_VALUE_INIT, };
      gboolean ok;

      g_value_init (&values[0], G_TYPE_STRING);
      g_value_set_string (&values[0], title);
      g_value_init (&values[1], PM_TYPE_UNIT);
      g_value_set_enum (&values[1], unit);
      g_value_init (&values[2], PM_TYPE_DIRECTION);
      g_value_set_enum (&values[2], direction);
      g_value_init (&values[3], PM_TYPE_MEASURE);
      g_value_set_enum (&values[3], measure);
      g_value_init (&values[4], G_TYPE_DOUBLE);
      g_value_set_double (&values[4], tolerance / 100);
      g_value_init (&values[5], G_TYPE_STRING);
      g_value_set_string (&values[5], empty_to_null (source));

      ok = pm_edit_update (store, G_OBJECT (context->kpi), G_N_ELEMENTS (names), names, values, &undo, &error);
      for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        g_value_unset (&values[i]);

      if (!ok)
        {
          report_failure (dialog, context, "title", error);
          return FALSE;
        }

      if (undo != NULL)
        _pm_window_report_saved (context->window, _("KPI saved"), g_steal_pointer (&undo));
      return TRUE;
    }
}

static const char **
enum_labels (GType        type,
             const char *(*label) (int))
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  const char **labels = g_new0 (const char *, klass->n_values + 1);

  for (guint i = 0; i < klass->n_values; i++)
    labels[i] = label (klass->values[i].value);

  return labels;
}

static const char *
unit_label (int unit)
{
  return pm_unit_get_label (unit);
}

static const char *
direction_label (int direction)
{
  return pm_direction_get_label (direction);
}

static const char *
measure_label (int measure)
{
  return pm_measure_get_label (measure);
}

void
pm_dialogs_edit_kpi (PmWindow *window,
                     PmPilot  *pilot,
                     PmKpi    *kpi)
{
  g_autofree const char **units = enum_labels (PM_TYPE_UNIT, unit_label);
  g_autofree const char **directions = enum_labels (PM_TYPE_DIRECTION, direction_label);
  g_autofree const char **measures = enum_labels (PM_TYPE_MEASURE, measure_label);
  g_autofree char *tolerance = NULL;
  PmEditDialog *dialog;

  g_return_if_fail (PM_IS_WINDOW (window));
  g_return_if_fail (PM_IS_PILOT (pilot));
  g_return_if_fail (kpi == NULL || PM_IS_KPI (kpi));

  tolerance = g_strdup_printf ("%g", 100 * (kpi != NULL ? pm_kpi_get_tolerance (kpi) : PM_KPI_DEFAULT_TOLERANCE));

  dialog = dialog_new (window, kpi != NULL ? _("Edit KPI") : _("Add KPI"),
                       kpi != NULL ? _("_Save") : _("_Add"), kpi_accept_cb,
                       context_new (window, NULL, pilot, kpi));
  pm_edit_dialog_add_group (dialog, pm_pilot_get_title (pilot),
                            kpi == NULL ? _("A new KPI starts with its baseline to be confirmed; edit the baseline and add a target afterwards.") : NULL);
  pm_edit_dialog_add_entry (dialog, "title", _("Title"), kpi != NULL ? pm_kpi_get_title (kpi) : NULL);
  pm_edit_dialog_add_combo (dialog, "unit", _("Unit"), units, kpi != NULL ? pm_kpi_get_unit (kpi) : PM_UNIT_COUNT);
  pm_edit_dialog_add_combo (dialog, "direction", _("Better when it"), directions,
                            kpi != NULL ? pm_kpi_get_direction (kpi) : PM_DIRECTION_INCREASE);
  pm_edit_dialog_add_combo (dialog, "measure", _("Each quarter’s value is"), measures,
                            kpi != NULL ? pm_kpi_get_measure (kpi) : PM_MEASURE_LEVEL);
  pm_edit_dialog_add_entry (dialog, "tolerance", _("Amber band, % of the way from baseline to target"), tolerance);
  pm_edit_dialog_add_entry (dialog, "source", _("Data source"), kpi != NULL ? pm_kpi_get_data_source (kpi) : NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Pilot */

static gboolean
pilot_accept_cb (PmEditDialog *dialog,
                 gpointer      user_data)
{
  Context *context = user_data;
  g_autofree char *title = pm_edit_dialog_get_text (dialog, "title");
  g_autofree char *focus = pm_edit_dialog_get_text (dialog, "focus");
  g_autofree char *start_text = pm_edit_dialog_get_text (dialog, "start");
  g_autofree char *lead = pm_edit_dialog_get_text (dialog, "lead");
  g_autofree char *note = pm_edit_dialog_get_text (dialog, "note");
  g_autofree char *budget_text = pm_edit_dialog_get_text (dialog, "budget");
  g_autofree char *funding = pm_edit_dialog_get_text (dialog, "funding");
  g_autofree char *summary = pm_edit_dialog_get_text (dialog, "summary");
  g_autofree char *outcomes_text = pm_edit_dialog_get_text (dialog, "outcomes");
  PmDeliveryStatus status = pm_edit_dialog_get_selected (dialog, "status");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) outcomes = NULL;
  g_autofree char *start = NULL;
  g_autoptr(PmUndo) undo = NULL;
  g_autoptr(GError) error = NULL;
  PmStore *store = pm_window_get_store (context->window);
  double budget = -1;

  if (title[0] == '\0')
    {
      pm_edit_dialog_set_error (dialog, "title", _("Give the pilot a title"));
      return FALSE;
    }
  if (!pm_format_parse_date (start_text, &start, &error))
    {
      pm_edit_dialog_set_error (dialog, "start", error->message);
      return FALSE;
    }
  if (budget_text[0] != '\0' && !pm_unit_parse_value (PM_UNIT_MONEY, budget_text, &budget, &error))
    {
      pm_edit_dialog_set_error (dialog, "budget", error->message);
      return FALSE;
    }

  /* One outcome a line, blank lines dropped. */
  lines = g_strsplit (outcomes_text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);
      if (line[0] != '\0')
        g_strv_builder_add (builder, line);
    }
  outcomes = g_strv_builder_end (builder);

  if (context->pilot == NULL)
    {
      g_autoptr(PmPilot) pilot = pm_pilot_new (title);
      g_autoptr(GListModel) districts = g_object_ref (pm_programme_get_districts (pm_window_get_programme (context->window)));
      g_autoptr(PmDistrict) district = g_list_model_get_item (districts, pm_edit_dialog_get_selected (dialog, "district"));

      if (district == NULL)
        {
          pm_edit_dialog_set_error (dialog, "district", _("Add a district first"));
          return FALSE;
        }

      pm_pilot_set_focus_area (pilot, empty_to_null (focus));
      pm_pilot_set_start_date (pilot, start);
      pm_pilot_set_lead (pilot, empty_to_null (lead));
      pm_pilot_set_delivery_status (pilot, status);
      pm_pilot_set_status_note (pilot, empty_to_null (note));
      pm_pilot_set_budget_pence (pilot, (gint64) budget);
      pm_pilot_set_funding (pilot, empty_to_null (funding));
      pm_pilot_set_summary (pilot, empty_to_null (summary));
      pm_pilot_set_key_outcomes (pilot, (const char * const *) outcomes);

      if (!pm_edit_add_pilot (store, district, pilot, &undo, &error))
        {
          report_failure (dialog, context, "title", error);
          return FALSE;
        }

      _pm_window_report_saved (context->window, _("Pilot added"), g_steal_pointer (&undo));
      _pm_window_show_item (context->window, G_OBJECT (pilot));
      return TRUE;
    }
  else
    {
      const char *names[] = { "title", "focus-area", "start-date", "lead", "delivery-status",
                              "status-note", "budget-pence", "funding", "summary", "key-outcomes" };
      GValue values[G_N_ELEMENTS (names)] = { G_VALUE_INIT, };
      gboolean ok;

      g_value_init (&values[0], G_TYPE_STRING);
      g_value_set_string (&values[0], title);
      g_value_init (&values[1], G_TYPE_STRING);
      g_value_set_string (&values[1], empty_to_null (focus));
      g_value_init (&values[2], G_TYPE_STRING);
      g_value_set_string (&values[2], start);
      g_value_init (&values[3], G_TYPE_STRING);
      g_value_set_string (&values[3], empty_to_null (lead));
      g_value_init (&values[4], PM_TYPE_DELIVERY_STATUS);
      g_value_set_enum (&values[4], status);
      g_value_init (&values[5], G_TYPE_STRING);
      g_value_set_string (&values[5], empty_to_null (note));
      g_value_init (&values[6], G_TYPE_INT64);
      g_value_set_int64 (&values[6], (gint64) budget);
      g_value_init (&values[7], G_TYPE_STRING);
      g_value_set_string (&values[7], empty_to_null (funding));
      g_value_init (&values[8], G_TYPE_STRING);
      g_value_set_string (&values[8], empty_to_null (summary));
      g_value_init (&values[9], G_TYPE_STRV);
      g_value_set_boxed (&values[9], outcomes);

      ok = pm_edit_update (store, G_OBJECT (context->pilot), G_N_ELEMENTS (names), names, values, &undo, &error);
      for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        g_value_unset (&values[i]);

      if (!ok)
        {
          report_failure (dialog, context, "title", error);
          return FALSE;
        }

      if (undo != NULL)
        _pm_window_report_saved (context->window, _("Pilot saved"), g_steal_pointer (&undo));
      return TRUE;
    }
}

static const char *
delivery_label (int status)
{
  return pm_delivery_status_get_label (status);
}

void
pm_dialogs_edit_pilot (PmWindow   *window,
                       PmDistrict *district,
                       PmPilot    *pilot)
{
  g_autofree const char **statuses = enum_labels (PM_TYPE_DELIVERY_STATUS, delivery_label);
  g_autofree char *budget = NULL;
  g_autofree char *outcomes = NULL;
  PmEditDialog *dialog;

  g_return_if_fail (PM_IS_WINDOW (window));
  g_return_if_fail (pilot == NULL || PM_IS_PILOT (pilot));

  if (pm_window_get_programme (window) == NULL)
    return;

  if (pilot != NULL && pm_pilot_get_budget_pence (pilot) >= 0)
    budget = pm_unit_format_value (PM_UNIT_MONEY, (double) pm_pilot_get_budget_pence (pilot));
  if (pilot != NULL && pm_pilot_get_key_outcomes (pilot) != NULL)
    outcomes = g_strjoinv ("\n", (char **) pm_pilot_get_key_outcomes (pilot));

  dialog = dialog_new (window, pilot != NULL ? _("Edit Pilot") : _("Add Pilot"),
                       pilot != NULL ? _("_Save") : _("_Add"), pilot_accept_cb,
                       context_new (window, district, pilot, NULL));

  pm_edit_dialog_add_group (dialog, NULL, NULL);
  if (pilot == NULL)
    {
      GListModel *districts = pm_programme_get_districts (pm_window_get_programme (window));
      g_autoptr(GPtrArray) names = g_ptr_array_new ();
      guint selected = 0;

      for (guint i = 0; i < g_list_model_get_n_items (districts); i++)
        {
          g_autoptr(PmDistrict) each = g_list_model_get_item (districts, i);

          g_ptr_array_add (names, (gpointer) pm_district_get_name (each));
          if (each == district)
            selected = i;
        }
      g_ptr_array_add (names, NULL);
      pm_edit_dialog_add_combo (dialog, "district", _("District"), (const char * const *) names->pdata, selected);
    }
  pm_edit_dialog_add_entry (dialog, "title", _("Title"), pilot != NULL ? pm_pilot_get_title (pilot) : NULL);
  pm_edit_dialog_add_entry (dialog, "focus", _("Focus area (ward, school cluster)"),
                            pilot != NULL ? pm_pilot_get_focus_area (pilot) : NULL);
  pm_edit_dialog_add_entry (dialog, "start", _("Started, as 2016-10"), pilot != NULL ? pm_pilot_get_start_date (pilot) : NULL);
  pm_edit_dialog_add_entry (dialog, "lead", _("Lead"), pilot != NULL ? pm_pilot_get_lead (pilot) : NULL);

  pm_edit_dialog_add_group (dialog, _("Delivery"), NULL);
  pm_edit_dialog_add_combo (dialog, "status", _("Delivery status"), statuses,
                            pilot != NULL ? pm_pilot_get_delivery_status (pilot) : PM_DELIVERY_ON_TRACK);
  pm_edit_dialog_add_entry (dialog, "note", _("Why"), pilot != NULL ? pm_pilot_get_status_note (pilot) : NULL);
  pm_edit_dialog_add_entry (dialog, "budget", _("Budget (optional)"), budget);
  pm_edit_dialog_add_entry (dialog, "funding", _("Funding sources"), pilot != NULL ? pm_pilot_get_funding (pilot) : NULL);

  pm_edit_dialog_add_group (dialog, _("Description"), NULL);
  pm_edit_dialog_add_text (dialog, "summary", _("Summary"), pilot != NULL ? pm_pilot_get_summary (pilot) : NULL);
  pm_edit_dialog_add_text (dialog, "outcomes", _("Key outcomes, one a line"), outcomes);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* District and programme */

static gboolean
district_accept_cb (PmEditDialog *dialog,
                    gpointer      user_data)
{
  Context *context = user_data;
  g_autofree char *name = pm_edit_dialog_get_text (dialog, "name");
  g_autoptr(PmUndo) undo = NULL;
  g_autoptr(GError) error = NULL;
  PmStore *store = pm_window_get_store (context->window);

  if (name[0] == '\0')
    {
      pm_edit_dialog_set_error (dialog, "name", _("Give the district a name"));
      return FALSE;
    }

  if (context->district == NULL)
    {
      g_autoptr(PmDistrict) district = pm_district_new (name);

      if (!pm_edit_add_district (store, pm_window_get_programme (context->window), district, &undo, &error))
        {
          report_failure (dialog, context, "name", error);
          return FALSE;
        }

      _pm_window_report_saved (context->window, _("District added"), g_steal_pointer (&undo));
      _pm_window_show_item (context->window, G_OBJECT (district));
    }
  else
    {
      const char *names[] = { "name" };
      GValue value = G_VALUE_INIT;
      gboolean ok;

      g_value_init (&value, G_TYPE_STRING);
      g_value_set_string (&value, name);
      ok = pm_edit_update (store, G_OBJECT (context->district), 1, names, &value, &undo, &error);
      g_value_unset (&value);

      if (!ok)
        {
          report_failure (dialog, context, "name", error);
          return FALSE;
        }

      if (undo != NULL)
        _pm_window_report_saved (context->window, _("District renamed"), g_steal_pointer (&undo));
    }

  return TRUE;
}

void
pm_dialogs_edit_district (PmWindow   *window,
                          PmDistrict *district)
{
  PmEditDialog *dialog;

  g_return_if_fail (PM_IS_WINDOW (window));
  g_return_if_fail (district == NULL || PM_IS_DISTRICT (district));

  if (pm_window_get_programme (window) == NULL)
    return;

  dialog = dialog_new (window, district != NULL ? _("Rename District") : _("Add District"),
                       district != NULL ? _("_Rename") : _("_Add"), district_accept_cb,
                       context_new (window, district, NULL, NULL));
  pm_edit_dialog_add_group (dialog, NULL, NULL);
  pm_edit_dialog_add_entry (dialog, "name", _("Name"), district != NULL ? pm_district_get_name (district) : NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
programme_accept_cb (PmEditDialog *dialog,
                     gpointer      user_data)
{
  Context *context = user_data;
  g_autofree char *name = pm_edit_dialog_get_text (dialog, "name");
  g_autofree char *description = pm_edit_dialog_get_text (dialog, "description");
  const char *names[] = { "name", "description" };
  GValue values[2] = { G_VALUE_INIT, G_VALUE_INIT };
  g_autoptr(PmUndo) undo = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (name[0] == '\0')
    {
      pm_edit_dialog_set_error (dialog, "name", _("Give the programme a name"));
      return FALSE;
    }

  g_value_init (&values[0], G_TYPE_STRING);
  g_value_set_string (&values[0], name);
  g_value_init (&values[1], G_TYPE_STRING);
  g_value_set_string (&values[1], empty_to_null (description));
  ok = pm_edit_update (pm_window_get_store (context->window), G_OBJECT (pm_window_get_programme (context->window)),
                       2, names, values, &undo, &error);
  g_value_unset (&values[0]);
  g_value_unset (&values[1]);

  if (!ok)
    {
      report_failure (dialog, context, "name", error);
      return FALSE;
    }

  if (undo != NULL)
    _pm_window_report_saved (context->window, _("Programme saved"), g_steal_pointer (&undo));
  return TRUE;
}

void
pm_dialogs_edit_programme (PmWindow *window)
{
  PmProgramme *programme;
  PmEditDialog *dialog;

  g_return_if_fail (PM_IS_WINDOW (window));

  programme = pm_window_get_programme (window);
  if (programme == NULL)
    return;

  dialog = dialog_new (window, _("Edit Programme"), _("_Save"), programme_accept_cb,
                       context_new (window, NULL, NULL, NULL));
  pm_edit_dialog_add_group (dialog, NULL, NULL);
  pm_edit_dialog_add_entry (dialog, "name", _("Name"), pm_programme_get_name (programme));
  pm_edit_dialog_add_text (dialog, "description", _("Description"), pm_programme_get_description (programme));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Spend */

static gboolean
spend_accept_cb (PmEditDialog *dialog,
                 gpointer      user_data)
{
  Context *context = user_data;
  g_autofree char *description = pm_edit_dialog_get_text (dialog, "description");
  g_autofree char *amount = pm_edit_dialog_get_text (dialog, "amount");
  PmSpendStatus status = pm_edit_dialog_get_selected (dialog, "status");
  g_autoptr(GError) error = NULL;

  if (!pm_edit_add_spend (pm_window_get_store (context->window), context->pilot,
                          _pm_window_get_period (context->window),
                          description, amount, status, &error))
    {
      report_failure (dialog, context,
                      g_error_matches (error, PM_MODEL_ERROR, PM_MODEL_ERROR_MISSING) ? "description" : "amount",
                      error);
      return FALSE;
    }

  /* The store cannot remove a spend item, so no Undo is offered. */
  _pm_window_report_saved (context->window, _("Spend added"), NULL);
  return TRUE;
}

void
pm_dialogs_add_spend (PmWindow *window,
                      PmPilot  *pilot)
{
  const char *statuses[] = {
    pm_spend_status_get_label (PM_SPEND_SPENT), pm_spend_status_get_label (PM_SPEND_COMMITTED), NULL,
  };
  g_autofree char *period = NULL;
  g_autofree char *description = NULL;
  PmEditDialog *dialog;

  g_return_if_fail (PM_IS_WINDOW (window));
  g_return_if_fail (PM_IS_PILOT (pilot));

  period = pm_period_get_label (_pm_window_get_period (window));
  /* Translators: "Recorded against Q3 2016/17." */
  description = g_strdup_printf (_("Recorded against %s. A spend item cannot be removed once added."), period);

  dialog = dialog_new (window, _("Add Spend"), _("_Add"), spend_accept_cb,
                       context_new (window, NULL, pilot, NULL));
  pm_edit_dialog_add_group (dialog, pm_pilot_get_title (pilot), description);
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
  Context *context = user_data;
  PmStore *store = pm_window_get_store (context->window);
  PmProgramme *programme = pm_window_get_programme (context->window);
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
      _pm_window_report_error (context->window, _("Could Not Delete"), error);
      return;
    }

  /* Nothing deleted stays on screen. */
  if (context->kpi == NULL)
    _pm_window_show_item (context->window, context->pilot != NULL && context->district != NULL
                                             ? G_OBJECT (context->district) : G_OBJECT (programme));
  _pm_window_report_saved (context->window, _("Deleted"), NULL);
}

void
pm_dialogs_confirm_delete (PmWindow *window,
                           GObject  *item)
{
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  Context *context;
  GtkWidget *dialog;

  g_return_if_fail (PM_IS_WINDOW (window));
  g_return_if_fail (PM_IS_DISTRICT (item) || PM_IS_PILOT (item) || PM_IS_KPI (item));

  if (PM_IS_KPI (item))
    {
      PmKpi *kpi = PM_KPI (item);

      context = context_new (window, NULL, pm_kpi_get_pilot (kpi), kpi);
      heading = g_strdup (_("Delete KPI?"));
      body = g_strdup_printf (_("“%s”, its baseline, targets and every quarter’s value will be deleted. This cannot be undone."),
                              pm_kpi_get_title (kpi));
    }
  else if (PM_IS_PILOT (item))
    {
      PmPilot *pilot = PM_PILOT (item);

      context = context_new (window, pm_pilot_get_district (pilot), pilot, NULL);
      heading = g_strdup (_("Delete Pilot?"));
      body = g_strdup_printf (_("“%s”, its KPIs, narratives, families supported and spend will be deleted. This cannot be undone."),
                              pm_pilot_get_title (pilot));
    }
  else
    {
      PmDistrict *district = PM_DISTRICT (item);

      context = context_new (window, district, NULL, NULL);
      heading = g_strdup (_("Delete District?"));
      body = g_strdup_printf (_("%s and all its pilots, with everything recorded for them, will be deleted. This cannot be undone."),
                              pm_district_get_name (district));
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (window), heading, body);
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
