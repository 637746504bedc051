/* pm-dialogs-structure.c: adding and editing KPIs, pilots, districts and
 * the programme
 *
 * Each form builds a new object from what was typed, checked field by
 * field: added to the programme as it is, or, when editing, its
 * properties written onto the one being edited in one change.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "model/pm-kpi-rules.h"
#include "pm-dialogs-private.h"

/* KPI */

static gboolean
kpi_accept_cb (PmEditDialog *dialog,
               gpointer      user_data)
{
  static const char *names[] = { "title", "unit", "direction", "measure", "frequency", "tolerance",
                                 "data-source", "data-notes" };
  PmDialogContext *context = user_data;
  g_autofree char *title = pm_edit_dialog_get_text (dialog, "title");
  g_autofree char *tolerance_text = pm_edit_dialog_get_text (dialog, "tolerance");
  g_autofree char *source = pm_edit_dialog_get_text (dialog, "source");
  g_autofree char *notes = pm_edit_dialog_get_text (dialog, "notes");
  g_autoptr(PmKpi) kpi = NULL;
  g_autoptr(PmUndo) undo = NULL;
  g_autoptr(GError) error = NULL;
  PmFrequency frequency = pm_edit_dialog_get_selected (dialog, "frequency");
  double tolerance = PM_KPI_DEFAULT_TOLERANCE * 100;

  if (title[0] == '\0')
    {
      pm_edit_dialog_set_error (dialog, "title", _("Give the KPI a title"));
      return FALSE;
    }

  /* The store refuses it too; said here, it goes beside its field. */
  if (context->kpi != NULL && !pm_kpi_check_frequency_change (context->kpi, frequency, NULL, &error))
    {
      pm_edit_dialog_set_error (dialog, "frequency", error->message);
      return FALSE;
    }

  if (tolerance_text[0] != '\0'
      && !pm_unit_parse_value (PM_UNIT_PERCENTAGE, tolerance_text, &tolerance, &error))
    {
      pm_edit_dialog_set_error (dialog, "tolerance", error->message);
      return FALSE;
    }

  kpi = pm_kpi_new (title,
                    pm_edit_dialog_get_selected (dialog, "unit"),
                    pm_edit_dialog_get_selected (dialog, "direction"));
  pm_kpi_set_measure (kpi, pm_edit_dialog_get_selected (dialog, "measure"));
  pm_kpi_set_frequency (kpi, frequency);
  pm_kpi_set_tolerance (kpi, tolerance / 100);
  pm_kpi_set_data_source (kpi, _pm_dialog_empty_to_null (source));
  pm_kpi_set_data_notes (kpi, _pm_dialog_empty_to_null (notes));

  if (context->kpi != NULL)
    return _pm_dialog_update_from (dialog, context, G_OBJECT (context->kpi), G_OBJECT (kpi),
                                   G_N_ELEMENTS (names), names, "title", _("KPI saved"));

  if (!pm_edit_add_kpi (pm_session_get_store (context->session), context->pilot, kpi, &undo, &error))
    {
      _pm_dialog_report_failure (dialog, context, "title", error);
      return FALSE;
    }

  pm_session_report_saved (context->session, _("KPI added"), g_steal_pointer (&undo));
  _pm_dialog_show (context, G_OBJECT (kpi));
  return TRUE;
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

static const char *
frequency_label (int frequency)
{
  return pm_frequency_get_label (frequency);
}

/* An instance of an indicator is measured as the indicator is: its unit
 * and direction are shown, not offered. */
static void
fix_to_indicator (PmEditDialog *dialog,
                  PmSession    *session,
                  PmKpi        *kpi)
{
  PmProgramme *programme = pm_session_get_programme (session);
  PmIndicator *indicator = NULL;
  g_autofree char *subtitle = NULL;

  if (kpi != NULL && pm_kpi_get_indicator (kpi) != NULL && programme != NULL)
    indicator = pm_programme_find_indicator (programme, pm_kpi_get_indicator (kpi));
  if (indicator == NULL)
    return;

  /* Translators: under a KPI's unit and direction, which it takes from
   * the programme indicator it is an instance of */
  subtitle = g_strdup_printf (_("Set by the indicator “%s”"), pm_indicator_get_name (indicator));
  for (guint i = 0; i < 2; i++)
    {
      GtkWidget *row = pm_edit_dialog_get_field (dialog, i == 0 ? "unit" : "direction");

      gtk_widget_set_sensitive (row, FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
    }
}

void
pm_dialogs_edit_kpi (GtkWindow *parent,
                     PmSession *session,
                     PmPilot   *pilot,
                     PmKpi     *kpi)
{
  g_autofree const char **units = enum_labels (PM_TYPE_UNIT, unit_label);
  g_autofree const char **directions = enum_labels (PM_TYPE_DIRECTION, direction_label);
  g_autofree const char **measures = enum_labels (PM_TYPE_MEASURE, measure_label);
  g_autofree const char **frequencies = enum_labels (PM_TYPE_FREQUENCY, frequency_label);
  g_autofree char *tolerance = NULL;
  PmEditDialog *dialog;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (PM_IS_SESSION (session));
  g_return_if_fail (PM_IS_PILOT (pilot));
  g_return_if_fail (kpi == NULL || PM_IS_KPI (kpi));

  tolerance = g_strdup_printf ("%g", 100 * (kpi != NULL ? pm_kpi_get_tolerance (kpi) : PM_KPI_DEFAULT_TOLERANCE));

  dialog = _pm_dialog_new (_pm_dialog_context_new (parent, session, NULL, pilot, kpi),
                           kpi != NULL ? _("Edit KPI") : _("Add KPI"),
                           kpi != NULL ? _("_Save") : _("_Add"), kpi_accept_cb);
  pm_edit_dialog_set_subject (dialog, pm_pilot_get_title (pilot));
  pm_edit_dialog_add_group (dialog, NULL,
                            kpi == NULL ? _("A new KPI starts with its baseline to be confirmed; edit the baseline and add a target afterwards.") : NULL);
  pm_edit_dialog_add_entry (dialog, "title", _("Title"), kpi != NULL ? pm_kpi_get_title (kpi) : NULL);
  pm_edit_dialog_add_combo (dialog, "unit", _("Unit"), units, kpi != NULL ? pm_kpi_get_unit (kpi) : PM_UNIT_COUNT);
  pm_edit_dialog_add_combo (dialog, "direction", _("Better when it"), directions,
                            kpi != NULL ? pm_kpi_get_direction (kpi) : PM_DIRECTION_INCREASE);
  fix_to_indicator (dialog, session, kpi);
  pm_edit_dialog_add_combo (dialog, "frequency", _("Reported"), frequencies,
                            kpi != NULL ? pm_kpi_get_frequency (kpi) : PM_FREQUENCY_QUARTERLY);
  pm_edit_dialog_add_combo (dialog, "measure", _("Each period’s value is"), measures,
                            kpi != NULL ? pm_kpi_get_measure (kpi) : PM_MEASURE_LEVEL);
  pm_edit_dialog_add_entry (dialog, "tolerance", _("Amber band, % of the way from baseline to target"), tolerance);
  pm_edit_dialog_add_entry (dialog, "source", _("Data source"), kpi != NULL ? pm_kpi_get_data_source (kpi) : NULL);
  pm_edit_dialog_add_text (dialog, "notes", _("Notes on the data"), kpi != NULL ? pm_kpi_get_data_notes (kpi) : NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Pilot */

/* The pilot the form describes, as a new object; NULL with the problem
 * shown beside its field. */
static PmPilot *
pilot_from_form (PmEditDialog *dialog)
{
  g_autofree char *title = pm_edit_dialog_get_text (dialog, "title");
  g_autofree char *focus = pm_edit_dialog_get_text (dialog, "focus");
  g_autofree char *start_text = pm_edit_dialog_get_text (dialog, "start");
  g_autofree char *lead = pm_edit_dialog_get_text (dialog, "lead");
  g_autofree char *note = pm_edit_dialog_get_text (dialog, "note");
  g_autofree char *budget_text = pm_edit_dialog_get_text (dialog, "budget");
  g_autofree char *funding = pm_edit_dialog_get_text (dialog, "funding");
  g_autofree char *reach_unit = pm_edit_dialog_get_text (dialog, "reach-unit");
  g_autofree char *summary = pm_edit_dialog_get_text (dialog, "summary");
  g_autofree char *outcomes_text = pm_edit_dialog_get_text (dialog, "outcomes");
  g_autofree char *notes = pm_edit_dialog_get_text (dialog, "notes");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) outcomes = NULL;
  g_autofree char *start = NULL;
  g_autoptr(GError) error = NULL;
  PmPilot *pilot;
  double budget = -1;

  if (title[0] == '\0')
    {
      pm_edit_dialog_set_error (dialog, "title", _("Give the pilot a title"));
      return NULL;
    }
  if (!pm_format_parse_date (start_text, &start, &error))
    {
      pm_edit_dialog_set_error (dialog, "start", error->message);
      return NULL;
    }
  if (budget_text[0] != '\0' && !pm_unit_parse_value (PM_UNIT_MONEY, budget_text, &budget, &error))
    {
      pm_edit_dialog_set_error (dialog, "budget", error->message);
      return NULL;
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

  pilot = pm_pilot_new (title);
  pm_pilot_set_focus_area (pilot, _pm_dialog_empty_to_null (focus));
  pm_pilot_set_start_date (pilot, start);
  pm_pilot_set_lead (pilot, _pm_dialog_empty_to_null (lead));
  pm_pilot_set_delivery_status (pilot, pm_edit_dialog_get_selected (dialog, "status"));
  pm_pilot_set_status_note (pilot, _pm_dialog_empty_to_null (note));
  pm_pilot_set_budget_pence (pilot, (gint64) budget);
  pm_pilot_set_funding (pilot, _pm_dialog_empty_to_null (funding));
  pm_pilot_set_reach_unit (pilot, _pm_dialog_empty_to_null (g_strstrip (reach_unit)));
  pm_pilot_set_summary (pilot, _pm_dialog_empty_to_null (summary));
  pm_pilot_set_key_outcomes (pilot, (const char * const *) outcomes);
  pm_pilot_set_data_notes (pilot, _pm_dialog_empty_to_null (notes));

  return pilot;
}

static gboolean
pilot_accept_cb (PmEditDialog *dialog,
                 gpointer      user_data)
{
  static const char *names[] = { "title", "focus-area", "start-date", "lead", "delivery-status",
                                 "status-note", "budget-pence", "funding", "reach-unit", "summary",
                                 "key-outcomes", "data-notes" };
  PmDialogContext *context = user_data;
  g_autoptr(PmPilot) pilot = pilot_from_form (dialog);
  g_autoptr(PmDistrict) district = NULL;
  g_autoptr(PmUndo) undo = NULL;
  g_autoptr(GError) error = NULL;

  if (pilot == NULL)
    return FALSE;

  if (context->pilot != NULL)
    return _pm_dialog_update_from (dialog, context, G_OBJECT (context->pilot), G_OBJECT (pilot),
                                   G_N_ELEMENTS (names), names, "title", _("Pilot saved"));

  district = g_list_model_get_item (pm_programme_get_districts (pm_session_get_programme (context->session)),
                                    pm_edit_dialog_get_selected (dialog, "district"));
  if (district == NULL)
    {
      pm_edit_dialog_set_error (dialog, "district", _("Add a district first"));
      return FALSE;
    }

  if (!pm_edit_add_pilot (pm_session_get_store (context->session), district, pilot, &undo, &error))
    {
      _pm_dialog_report_failure (dialog, context, "title", error);
      return FALSE;
    }

  pm_session_report_saved (context->session, _("Pilot added"), g_steal_pointer (&undo));
  _pm_dialog_show (context, G_OBJECT (pilot));
  return TRUE;
}
static const char *
delivery_label (int status)
{
  return pm_delivery_status_get_label (status);
}

void
pm_dialogs_edit_pilot (GtkWindow  *parent,
                       PmSession  *session,
                       PmDistrict *district,
                       PmPilot    *pilot)
{
  g_autofree const char **statuses = enum_labels (PM_TYPE_DELIVERY_STATUS, delivery_label);
  g_autofree char *budget = NULL;
  g_autofree char *outcomes = NULL;
  PmEditDialog *dialog;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (PM_IS_SESSION (session));
  g_return_if_fail (pilot == NULL || PM_IS_PILOT (pilot));

  if (pm_session_get_programme (session) == NULL)
    return;

  if (pilot != NULL && pm_pilot_get_budget_pence (pilot) >= 0)
    budget = pm_unit_format_value (PM_UNIT_MONEY, (double) pm_pilot_get_budget_pence (pilot));
  if (pilot != NULL && pm_pilot_get_key_outcomes (pilot) != NULL)
    outcomes = g_strjoinv ("\n", (char **) pm_pilot_get_key_outcomes (pilot));

  dialog = _pm_dialog_new (_pm_dialog_context_new (parent, session, district, pilot, NULL),
                           pilot != NULL ? _("Edit Pilot") : _("Add Pilot"),
                           pilot != NULL ? _("_Save") : _("_Add"), pilot_accept_cb);

  pm_edit_dialog_add_group (dialog, NULL, NULL);
  if (pilot == NULL)
    {
      GListModel *districts = pm_programme_get_districts (pm_session_get_programme (session));
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
                            pilot != NULL ? pm_pilot_get_delivery_status (pilot) : PM_DELIVERY_NOT_STATED);
  pm_edit_dialog_add_entry (dialog, "note", _("Why"), pilot != NULL ? pm_pilot_get_status_note (pilot) : NULL);
  pm_edit_dialog_add_entry (dialog, "budget", _("Budget (optional)"), budget);
  pm_edit_dialog_add_entry (dialog, "funding", _("Funding sources"), pilot != NULL ? pm_pilot_get_funding (pilot) : NULL);
  /* Translators: what the reach and its targets count; the words in
   * brackets are the usual ones, in the plural */
  pm_edit_dialog_add_entry (dialog, "reach-unit", _("Reach counts (families, children, people, visits, places)"),
                            pilot != NULL && pm_pilot_get_reach_unit (pilot) != NULL
                            ? pm_pilot_get_reach_unit (pilot) : "families");

  pm_edit_dialog_add_group (dialog, _("Description"), NULL);
  pm_edit_dialog_add_text (dialog, "summary", _("Summary"), pilot != NULL ? pm_pilot_get_summary (pilot) : NULL);
  pm_edit_dialog_add_text (dialog, "outcomes", _("Key outcomes, one a line"), outcomes);
  pm_edit_dialog_add_text (dialog, "notes", _("Notes on the data"), pilot != NULL ? pm_pilot_get_data_notes (pilot) : NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* District and programme */

static gboolean
district_accept_cb (PmEditDialog *dialog,
                    gpointer      user_data)
{
  static const char *names[] = { "name" };
  PmDialogContext *context = user_data;
  g_autofree char *name = pm_edit_dialog_get_text (dialog, "name");
  g_autoptr(PmDistrict) district = NULL;
  g_autoptr(PmUndo) undo = NULL;
  g_autoptr(GError) error = NULL;

  if (name[0] == '\0')
    {
      pm_edit_dialog_set_error (dialog, "name", _("Give the district a name"));
      return FALSE;
    }

  district = pm_district_new (name);
  if (context->district != NULL)
    return _pm_dialog_update_from (dialog, context, G_OBJECT (context->district), G_OBJECT (district),
                                   G_N_ELEMENTS (names), names, "name", _("District renamed"));

  if (!pm_edit_add_district (pm_session_get_store (context->session), pm_session_get_programme (context->session),
                             district, &undo, &error))
    {
      _pm_dialog_report_failure (dialog, context, "name", error);
      return FALSE;
    }

  pm_session_report_saved (context->session, _("District added"), g_steal_pointer (&undo));
  _pm_dialog_show (context, G_OBJECT (district));
  return TRUE;
}
void
pm_dialogs_edit_district (GtkWindow  *parent,
                          PmSession  *session,
                          PmDistrict *district)
{
  PmEditDialog *dialog;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (PM_IS_SESSION (session));
  g_return_if_fail (district == NULL || PM_IS_DISTRICT (district));

  if (pm_session_get_programme (session) == NULL)
    return;

  dialog = _pm_dialog_new (_pm_dialog_context_new (parent, session, district, NULL, NULL),
                           district != NULL ? _("Rename District") : _("Add District"),
                           district != NULL ? _("_Rename") : _("_Add"), district_accept_cb);
  pm_edit_dialog_add_group (dialog, NULL, NULL);
  pm_edit_dialog_add_entry (dialog, "name", _("Name"), district != NULL ? pm_district_get_name (district) : NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
programme_accept_cb (PmEditDialog *dialog,
                     gpointer      user_data)
{
  static const char *names[] = { "name", "description" };
  PmDialogContext *context = user_data;
  g_autofree char *name = pm_edit_dialog_get_text (dialog, "name");
  g_autofree char *description = pm_edit_dialog_get_text (dialog, "description");
  g_autoptr(PmProgramme) programme = NULL;

  if (name[0] == '\0')
    {
      pm_edit_dialog_set_error (dialog, "name", _("Give the programme a name"));
      return FALSE;
    }

  programme = pm_programme_new (name);
  pm_programme_set_description (programme, _pm_dialog_empty_to_null (description));

  return _pm_dialog_update_from (dialog, context, G_OBJECT (pm_session_get_programme (context->session)),
                                 G_OBJECT (programme), G_N_ELEMENTS (names), names, "name", _("Programme saved"));
}
void
pm_dialogs_edit_programme (GtkWindow *parent,
                           PmSession *session)
{
  PmProgramme *programme;
  PmEditDialog *dialog;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (PM_IS_SESSION (session));

  programme = pm_session_get_programme (session);
  if (programme == NULL)
    return;

  dialog = _pm_dialog_new (_pm_dialog_context_new (parent, session, NULL, NULL, NULL),
                           _("Edit Programme"), _("_Save"), programme_accept_cb);
  pm_edit_dialog_add_group (dialog, NULL, NULL);
  pm_edit_dialog_add_entry (dialog, "name", _("Name"), pm_programme_get_name (programme));
  pm_edit_dialog_add_text (dialog, "description", _("Description"), pm_programme_get_description (programme));
  gtk_window_present (GTK_WINDOW (dialog));
}

