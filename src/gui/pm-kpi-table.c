/* pm-kpi-table.c
 *
 * The table shows, for the quarter, each KPI's value, change since
 * baseline, direction of travel and RAG status. Below it, the selected
 * KPI's value and note for the quarter are typed and saved on Enter or
 * the ✓ button, which shows only while the field differs from what is
 * stored. The line under the value says "✓ Saved" after a save, fading,
 * or why what is typed cannot be read as a value of the KPI's unit (and
 * then nothing can be saved); the line keeps its height either way. An
 * accepted quarter is read-only, and one the committee has seen says that
 * a change to it is a restatement.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "model/pm-date.h"
#include "pm-bin-measure.h"
#include "pm-cells.h"
#include "pm-chart.h"
#include "pm-dialogs.h"
#include "pm-format.h"
#include "pm-history-dialog.h"
#include "pm-kpi-card.h"
#include "pm-kpi-columns.h"
#include "pm-kpi-row.h"
#include "pm-kpi-table.h"
#include "pm-mirror.h"

struct _PmKpiTable
{
  AdwBin               parent_instance;

  /* Template widgets */
  GtkStack            *kpi_stack;
  GtkPaned            *split;
  GtkStack            *view_stack;
  GtkColumnView       *kpi_view;
  GtkListView         *card_view;
  GtkStack            *editor_stack;
  GtkLabel            *editor_title;
  GtkLabel            *editor_subtitle;
  AdwEntryRow         *value_row;
  GtkWidget           *value_apply;
  GtkLabel            *value_error;
  GtkWidget           *saved_label;
  GtkWidget           *status_placeholder;
  GtkLabel            *context_label;
  GtkLabel            *reported_label;
  GtkLabel            *access_label;
  AdwEntryRow         *note_row;
  GtkWidget           *note_apply;
  PmChart             *trend_chart;

  /* Owned references */
  PmSession           *session;
  GSignalGroup        *session_signals;
  PmPilot             *pilot;
  PmPeriod            *period;
  GListModel          *kpi_rows;        /* PmKpiRow, one per KPI */
  GSignalGroup        *rows_signals;
  GtkSingleSelection  *kpi_selection;
  GSignalGroup        *selection_signals;
  PmKpiRow            *selected_row;
  GSignalGroup        *selected_row_signals;

  guint                fade_id;         /* fades "Saved" */
  guint                scroll_id;       /* tick callback: brings the selected row into view */
};

G_DEFINE_FINAL_TYPE (PmKpiTable, pm_kpi_table, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_PILOT,
  PROP_PERIOD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static PmStore *
get_store (PmKpiTable *self)
{
  return self->session != NULL ? pm_session_get_store (self->session) : NULL;
}

/* The window the table's dialogs belong to. */
static GtkWindow *
get_parent (PmKpiTable *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* The quarter's standing */

/* Under the value: whether the committee has seen this quarter, so that
 * whoever changes it knows the change will be printed as a restatement. */
static void
update_reported (PmKpiTable *self)
{
  PmStore *store = get_store (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(PmPeriod) frozen = NULL;
  g_autofree char *reported_on = NULL;
  g_autofree char *when = NULL;
  g_autofree char *label = NULL;
  g_autofree char *text = NULL;

  if (store != NULL &&
      !pm_store_get_latest_round (store, &reported_on, &frozen, &error) && error != NULL)
    pm_session_report_read_failure (self->session, _("Could not read the committee rounds"), error);

  if (frozen == NULL || pm_period_compare (self->period, frozen) > 0)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->reported_label), FALSE);
      return;
    }

  when = pm_date_format (reported_on);
  label = pm_period_get_label (self->period);
  /* Translators: under a quarter's value: "Q3 2016/17 was reported to the committee on 12 January 2017. …" */
  text = g_strdup_printf (_("%s was reported to the committee on %s. A change now is a restatement: "
                            "the next district summaries list it beside the reported value, "
                            "with the note as its reason."),
                          label, when);
  gtk_label_set_label (self->reported_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->reported_label), TRUE);
}

/* An accepted quarter is read-only, and so is another district's for a
 * lead and every one for a viewer: say so where values are typed. */
static void
update_signoff (PmKpiTable *self)
{
  PmSignoffState state = PM_SIGNOFF_OPEN;
  g_autofree char *read_only = NULL;

  if (self->session != NULL && self->pilot != NULL)
    {
      state = pm_session_get_signoff (self->session, pm_pilot_get_district (self->pilot));
      read_only = pm_session_explain_read_only (self->session, pm_pilot_get_district (self->pilot));
    }

  gtk_widget_set_sensitive (GTK_WIDGET (self->value_row), state != PM_SIGNOFF_ACCEPTED && read_only == NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->note_row), state != PM_SIGNOFF_ACCEPTED && read_only == NULL);
  gtk_label_set_label (self->access_label, read_only != NULL ? read_only : "");
  gtk_widget_set_visible (GTK_WIDGET (self->access_label), read_only != NULL);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->value_row),
                               read_only != NULL ? read_only
                               : state == PM_SIGNOFF_ACCEPTED
                               ? _("This quarter has been accepted and is read-only. Reopen it to change it.")
                               : NULL);
  update_reported (self);
}

/* The editor */

/* One line under the value, always there: the error, "Saved", or a
 * blank that holds its place. */
static void
update_status_line (PmKpiTable *self)
{
  gtk_widget_set_visible (self->status_placeholder,
                          !gtk_widget_get_visible (GTK_WIDGET (self->value_error))
                          && !gtk_widget_get_visible (self->saved_label));
}

static void
hide_saved (PmKpiTable *self)
{
  g_clear_handle_id (&self->fade_id, g_source_remove);
  gtk_widget_set_visible (self->saved_label, FALSE);
  update_status_line (self);
}

static gboolean
fade_saved_cb (gpointer data)
{
  PmKpiTable *self = data;

  self->fade_id = 0;
  gtk_widget_add_css_class (self->saved_label, "faded");

  return G_SOURCE_REMOVE;
}

/* "✓ Saved", fading after a moment; or "Saving…" until it is. */
static void
show_saved_label (PmKpiTable *self,
                  const char *label,
                  gboolean    fade)
{
  g_clear_handle_id (&self->fade_id, g_source_remove);
  gtk_label_set_label (GTK_LABEL (self->saved_label), label);
  gtk_widget_remove_css_class (self->saved_label, "faded");
  gtk_widget_set_visible (self->saved_label, TRUE);
  update_status_line (self);
  if (fade)
    self->fade_id = g_timeout_add_seconds (3, fade_saved_cb, self);
}

static void
show_value_error (PmKpiTable *self,
                  const char *message)
{
  gtk_label_set_label (self->value_error, message != NULL ? message : "");
  /* One line, so that nothing moves: the whole of a long one is here. */
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->value_error), message);
  gtk_widget_set_visible (GTK_WIDGET (self->value_error), message != NULL);

  if (message != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->value_row), "error");
      gtk_widget_set_visible (self->saved_label, FALSE);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->value_row), "error");
    }
  update_status_line (self);
}

/* Editing, saved or invalid: ✓ shows only while a field differs from what
 * is stored, and cannot be pressed while the value cannot be read. */
static void
update_apply (PmKpiTable *self)
{
  PmKpi *kpi;
  PmProgressEntry *entry;
  g_autofree char *value = NULL;
  const char *note;
  gboolean value_changed, note_changed;
  gboolean valid = !gtk_widget_get_visible (GTK_WIDGET (self->value_error));

  if (self->selected_row == NULL)
    return;

  kpi = pm_kpi_row_get_kpi (self->selected_row);
  entry = pm_kpi_get_entry (kpi, self->period);
  value = pm_wording_kpi_value (kpi, self->period);
  note = entry != NULL ? pm_progress_entry_get_note (entry) : NULL;

  value_changed = g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->value_row)),
                             value != NULL ? value : "") != 0;
  note_changed = g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->note_row)),
                            note != NULL ? note : "") != 0;

  gtk_widget_set_visible (self->value_apply, value_changed);
  gtk_widget_set_visible (self->note_apply, note_changed);
  gtk_widget_set_sensitive (self->value_apply, valid);
  gtk_widget_set_sensitive (self->note_apply, valid);
  if (value_changed || note_changed)
    hide_saved (self);
}

static void
update_editor_fields (PmKpiTable *self)
{
  PmKpi *kpi;
  PmProgressEntry *entry;
  g_autofree char *value = NULL;

  if (self->selected_row == NULL)
    return;

  kpi = pm_kpi_row_get_kpi (self->selected_row);
  entry = pm_kpi_get_entry (kpi, self->period);
  value = pm_wording_kpi_value (kpi, self->period);

  gtk_editable_set_text (GTK_EDITABLE (self->value_row), value != NULL ? value : "");
  gtk_editable_set_text (GTK_EDITABLE (self->note_row),
                         entry != NULL && pm_progress_entry_get_note (entry) != NULL
                           ? pm_progress_entry_get_note (entry) : "");
  show_value_error (self, NULL);
  update_apply (self);
}

static void
update_editor (PmKpiTable *self)
{
  g_autofree char *period = pm_period_get_label (self->period);
  g_autofree char *value_title = NULL;
  g_autofree char *note_title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *context = NULL;
  gboolean has_kpi = self->selected_row != NULL;
  /* Baselines, targets and the KPI itself are the office's. */
  gboolean structure = has_kpi && (self->session == NULL || pm_session_may_edit_structure (self->session));
  PmKpi *kpi;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "kpi.edit-baseline", structure);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "kpi.add-target", structure);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "kpi.edit", structure);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "kpi.delete", structure);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "kpi.history", has_kpi);

  gtk_stack_set_visible_child_name (self->editor_stack, has_kpi ? "editor" : "none");
  if (!has_kpi)
    {
      pm_chart_set_kpi (self->trend_chart, NULL);
      return;
    }

  kpi = pm_kpi_row_get_kpi (self->selected_row);
  pm_chart_set_period (self->trend_chart, self->period);
  pm_chart_set_kpi (self->trend_chart, kpi);
  /* A save or an undo changed the values under the same KPI. */
  pm_chart_refresh (self->trend_chart);
  gtk_label_set_label (self->editor_title, pm_kpi_get_title (kpi));
  /* Translators: unit, direction, baseline and target of the KPI being edited */
  subtitle = g_strdup_printf (_("%s, %s · Baseline: %s · Target: %s"),
                              pm_unit_get_label (pm_kpi_get_unit (kpi)),
                              pm_direction_get_label (pm_kpi_get_direction (kpi)),
                              pm_kpi_row_get_baseline_text (self->selected_row),
                              pm_kpi_row_get_target_text (self->selected_row));
  gtk_label_set_label (self->editor_subtitle, subtitle);
  context = pm_wording_entry_context (kpi, self->period);
  gtk_label_set_label (self->context_label, context);

  /* Translators: "Value for Q3 2016/17" */
  value_title = g_strdup_printf (_("Value for %s"), period);
  /* Translators: "Note for Q3 2016/17" */
  note_title = g_strdup_printf (_("Note for %s"), period);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->value_row), value_title);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->note_row), note_title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->value_row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, pm_kpi_get_title (kpi), -1);

  update_editor_fields (self);
}

static void
selection_changed_cb (PmKpiTable *self)
{
  PmKpiRow *row = self->kpi_selection != NULL ? gtk_single_selection_get_selected_item (self->kpi_selection) : NULL;

  if (!g_set_object (&self->selected_row, row))
    return;

  g_signal_group_set_target (self->selected_row_signals, row);
  hide_saved (self);
  update_editor (self);
}

/* Validated as typed; saved only on Enter or the apply button. */
static void
value_changed_cb (PmKpiTable *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->value_row));
  g_autoptr(GError) error = NULL;
  double value;

  if (self->selected_row == NULL)
    return;

  if (text[0] == '\0'
      || pm_unit_parse_value (pm_kpi_get_unit (pm_kpi_row_get_kpi (self->selected_row)),
                              text, &value, &error))
    show_value_error (self, NULL);
  else
    show_value_error (self, error->message);
  update_apply (self);
}

static void
entry_apply_cb (PmKpiTable *self)
{
  PmStore *store = get_store (self);

  if (store == NULL || self->selected_row == NULL)
    return;

  /* Invalid: the line under the field already says why; nothing to save. */
  value_changed_cb (self);
  if (gtk_widget_get_visible (GTK_WIDGET (self->value_error)))
    return;

  /* A server's is saved in a worker: "Saving…" until it has committed. */
  if (pm_store_is_server (store))
    show_saved_label (self, _("Saving…"), FALSE);
  pm_session_save_entry (self->session, pm_kpi_row_get_kpi (self->selected_row), self->period,
                         gtk_editable_get_text (GTK_EDITABLE (self->value_row)),
                         gtk_editable_get_text (GTK_EDITABLE (self->note_row)));
}

/* The value saved (or not): said here if it is still the one edited. */
static void
entry_saved_cb (PmKpiTable   *self,
                PmKpi        *kpi,
                PmPeriod     *period,
                gboolean      changed,
                const GError *error)
{
  gboolean conflict = g_error_matches (error, PM_STORE_ERROR, PM_STORE_ERROR_CONFLICT);

  if (self->selected_row == NULL || pm_kpi_row_get_kpi (self->selected_row) != kpi ||
      !pm_period_equal (period, self->period))
    return;

  /* Lost with the connection, what was typed stays to be saved later. */
  if (g_error_matches (error, PM_STORE_ERROR, PM_STORE_ERROR_DISCONNECTED))
    hide_saved (self);
  else if (error != NULL && !conflict)
    show_value_error (self, error->message);
  else
    update_editor_fields (self);

  if (error == NULL && changed)
    show_saved_label (self, _("✓ Saved"), TRUE);
  else if (error == NULL || conflict)
    hide_saved (self);
}

/* The table */

static void
update_kpi_stack (PmKpiTable *self)
{
  gboolean empty = self->kpi_rows == NULL || g_list_model_get_n_items (self->kpi_rows) == 0;

  gtk_stack_set_visible_child_name (self->kpi_stack, empty ? "empty" : "table");
}

static void
update_value_column (PmKpiTable *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->kpi_view);
  g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, PM_KPI_COLUMN_VALUE);
  g_autofree char *label = pm_period_get_label (self->period);

  gtk_column_view_column_set_title (column, label);
}

static gpointer
kpi_row_new_cb (gpointer item,
                gpointer user_data)
{
  PmKpiTable *self = user_data;

  return pm_kpi_row_new (PM_KPI (item), self->period);
}

static void
set_rows_period (PmKpiTable *self)
{
  for (guint i = 0; self->kpi_rows != NULL && i < g_list_model_get_n_items (self->kpi_rows); i++)
    {
      g_autoptr(PmKpiRow) row = g_list_model_get_item (self->kpi_rows, i);
      pm_kpi_row_set_period (row, self->period);
    }
}

static void
rebuild (PmKpiTable *self)
{
  GtkSortListModel *sorted;

  g_signal_group_set_target (self->selection_signals, NULL);
  g_signal_group_set_target (self->rows_signals, NULL);
  gtk_column_view_set_model (self->kpi_view, NULL);
  gtk_list_view_set_model (self->card_view, NULL);
  g_clear_object (&self->kpi_selection);
  g_clear_object (&self->kpi_rows);
  selection_changed_cb (self);

  if (self->pilot != NULL)
    {
      self->kpi_rows = pm_mirror_new (pm_pilot_get_kpis (self->pilot), PM_TYPE_KPI_ROW, kpi_row_new_cb, self);
      sorted = gtk_sort_list_model_new (g_object_ref (self->kpi_rows),
                                        g_object_ref (gtk_column_view_get_sorter (self->kpi_view)));
      self->kpi_selection = gtk_single_selection_new (G_LIST_MODEL (sorted));
      gtk_single_selection_set_autoselect (self->kpi_selection, TRUE);
      g_signal_group_set_target (self->selection_signals, self->kpi_selection);
      g_signal_group_set_target (self->rows_signals, self->kpi_rows);
      gtk_column_view_set_model (self->kpi_view, GTK_SELECTION_MODEL (self->kpi_selection));
      gtk_list_view_set_model (self->card_view, GTK_SELECTION_MODEL (self->kpi_selection));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->kpi_view),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, pm_pilot_get_title (self->pilot),
                                      -1);
    }

  selection_changed_cb (self);
  update_kpi_stack (self);
  update_signoff (self);
}

/* Actions: the selected KPI's */

static void
edit_baseline_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  PmKpiTable *self = PM_KPI_TABLE (widget);
  PmKpi *kpi = pm_kpi_table_get_selected_kpi (self);

  if (kpi != NULL && self->session != NULL)
    pm_dialogs_edit_baseline (get_parent (self), self->session, kpi);
}

static void
add_target_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  PmKpiTable *self = PM_KPI_TABLE (widget);
  PmKpi *kpi = pm_kpi_table_get_selected_kpi (self);

  if (kpi != NULL && self->session != NULL)
    pm_dialogs_add_target (get_parent (self), self->session, kpi);
}

static void
edit_kpi_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  PmKpiTable *self = PM_KPI_TABLE (widget);
  PmKpi *kpi = pm_kpi_table_get_selected_kpi (self);

  if (kpi != NULL && self->session != NULL)
    pm_dialogs_edit_kpi (get_parent (self), self->session, self->pilot, kpi);
}

static void
delete_kpi_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  PmKpiTable *self = PM_KPI_TABLE (widget);
  PmKpi *kpi = pm_kpi_table_get_selected_kpi (self);

  if (kpi != NULL && self->session != NULL)
    pm_dialogs_confirm_delete (get_parent (self), self->session, G_OBJECT (kpi));
}

static void
history_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PmKpiTable *self = PM_KPI_TABLE (widget);
  PmKpi *kpi = pm_kpi_table_get_selected_kpi (self);
  PmStore *store = get_store (self);
  g_autoptr(GListModel) changes = NULL;
  g_autoptr(GError) error = NULL;

  if (kpi == NULL || store == NULL)
    return;

  changes = pm_store_list_changes (store, kpi, &error);
  if (changes == NULL)
    {
      pm_session_report_failure (self->session, _("Could Not Read the History"), error);
      return;
    }

  gtk_window_present (GTK_WINDOW (pm_history_dialog_new (get_parent (self), kpi, changes)));
}

/* GObject */

/* libadwaita 1.2 has no breakpoints: the columns are fitted to the width
 * here, before the child is given it. (The table allocates its child
 * itself, see pm-bin-measure.h.) */
static void
pm_kpi_table_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  PmKpiTable *self = PM_KPI_TABLE (widget);
  gboolean cards = width < PM_KPI_CARDS_WIDTH;

  /* Too narrow for columns that say enough: a card per KPI. */
  if (cards != g_str_equal (gtk_stack_get_visible_child_name (self->view_stack), "cards"))
    gtk_stack_set_visible_child_name (self->view_stack, cards ? "cards" : "columns");
  pm_kpi_columns_fit (self->kpi_view, width);
  if (adw_bin_get_child (ADW_BIN (widget)) != NULL)
    gtk_widget_allocate (adw_bin_get_child (ADW_BIN (widget)), width, height, baseline, NULL);
}

static void
pm_kpi_table_dispose (GObject *object)
{
  PmKpiTable *self = PM_KPI_TABLE (object);

  g_signal_group_set_target (self->session_signals, NULL);
  g_signal_group_set_target (self->rows_signals, NULL);
  g_signal_group_set_target (self->selection_signals, NULL);
  g_signal_group_set_target (self->selected_row_signals, NULL);
  g_clear_handle_id (&self->fade_id, g_source_remove);
  if (self->scroll_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->scroll_id);
  self->scroll_id = 0;

  /* AdwBin would unparent its child a second time after the template
   * has: let it go first. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PM_TYPE_KPI_TABLE);
  g_clear_object (&self->selected_row);
  g_clear_object (&self->kpi_selection);
  g_clear_object (&self->kpi_rows);
  g_clear_object (&self->session_signals);
  g_clear_object (&self->rows_signals);
  g_clear_object (&self->selection_signals);
  g_clear_object (&self->selected_row_signals);
  g_clear_object (&self->session);
  g_clear_object (&self->pilot);
  g_clear_object (&self->period);

  G_OBJECT_CLASS (pm_kpi_table_parent_class)->dispose (object);
}

static void
pm_kpi_table_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  PmKpiTable *self = PM_KPI_TABLE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_PILOT:
      g_value_set_object (value, self->pilot);
      break;

    case PROP_PERIOD:
      g_value_set_object (value, self->period);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pm_kpi_table_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  PmKpiTable *self = PM_KPI_TABLE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      pm_kpi_table_set_session (self, g_value_get_object (value));
      break;

    case PROP_PILOT:
      pm_kpi_table_set_pilot (self, g_value_get_object (value));
      break;

    case PROP_PERIOD:
      pm_kpi_table_set_period (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pm_kpi_table_class_init (PmKpiTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pm_kpi_table_dispose;
  object_class->get_property = pm_kpi_table_get_property;
  object_class->set_property = pm_kpi_table_set_property;
  widget_class->measure = pm_bin_measure_child;
  widget_class->size_allocate = pm_kpi_table_size_allocate;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, PM_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PILOT] =
    g_param_spec_object ("pilot", NULL, NULL, PM_TYPE_PILOT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PERIOD] =
    g_param_spec_object ("period", NULL, NULL, PM_TYPE_PERIOD,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PM_TYPE_CHART);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pilotmonitor/PilotMonitor/pm-kpi-table.ui");
  gtk_widget_class_bind_template_child (widget_class, PmKpiTable, kpi_stack);
  gtk_widget_class_bind_template_child (widget_class, PmKpiTable, split);
  gtk_widget_class_bind_template_child (widget_class, PmKpiTable, view_stack);
  gtk_widget_class_bind_template_child (widget_class, PmKpiTable, kpi_view);
  gtk_widget_class_bind_template_child (widget_class, PmKpiTable, card_view);
  gtk_widget_class_bind_template_child (widget_class, PmKpiTable, editor_stack);
  gtk_widget_class_bind_template_child (widget_class, PmKpiTable, editor_title);
  gtk_widget_class_bind_template_child (widget_class, PmKpiTable, editor_subtitle);
  gtk_widget_class_bind_template_child (widget_class, PmKpiTable, value_row);
  gtk_widget_class_bind_template_child (widget_class, PmKpiTable, value_apply);
  gtk_widget_class_bind_template_child (widget_class, PmKpiTable, value_error);
  gtk_widget_class_bind_template_child (widget_class, PmKpiTable, saved_label);
  gtk_widget_class_bind_template_child (widget_class, PmKpiTable, status_placeholder);
  gtk_widget_class_bind_template_child (widget_class, PmKpiTable, context_label);
  gtk_widget_class_bind_template_child (widget_class, PmKpiTable, note_apply);
  gtk_widget_class_bind_template_child (widget_class, PmKpiTable, note_row);
  gtk_widget_class_bind_template_child (widget_class, PmKpiTable, reported_label);
  gtk_widget_class_bind_template_child (widget_class, PmKpiTable, access_label);
  gtk_widget_class_bind_template_child (widget_class, PmKpiTable, trend_chart);
  gtk_widget_class_bind_template_callback (widget_class, value_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_apply_cb);

  gtk_widget_class_install_action (widget_class, "kpi.edit-baseline", NULL, edit_baseline_action);
  gtk_widget_class_install_action (widget_class, "kpi.add-target", NULL, add_target_action);
  gtk_widget_class_install_action (widget_class, "kpi.edit", NULL, edit_kpi_action);
  gtk_widget_class_install_action (widget_class, "kpi.delete", NULL, delete_kpi_action);
  gtk_widget_class_install_action (widget_class, "kpi.history", NULL, history_action);
}

static void
pm_kpi_table_init (PmKpiTable *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;

  gtk_widget_set_layout_manager (GTK_WIDGET (self), NULL);
  gtk_widget_init_template (GTK_WIDGET (self));

  /* A sign-off or a committee round that moved changes what may be typed. */
  self->session_signals = g_signal_group_new (PM_TYPE_SESSION);
  g_signal_group_connect_swapped (self->session_signals, "signoff-changed", G_CALLBACK (update_signoff), self);
  g_signal_group_connect_swapped (self->session_signals, "entry-saved", G_CALLBACK (entry_saved_cb), self);

  /* The model changed under the selected row (a save, an undo). */
  self->selected_row_signals = g_signal_group_new (PM_TYPE_KPI_ROW);
  g_signal_group_connect_swapped (self->selected_row_signals, "notify::value-text", G_CALLBACK (update_editor), self);
  g_signal_group_connect_swapped (self->selected_row_signals, "notify::note", G_CALLBACK (update_editor), self);
  g_signal_group_connect_swapped (self->selected_row_signals, "notify::baseline-text", G_CALLBACK (update_editor), self);
  g_signal_group_connect_swapped (self->selected_row_signals, "notify::target-text", G_CALLBACK (update_editor), self);
  g_signal_group_connect_swapped (self->selected_row_signals, "notify::title", G_CALLBACK (update_editor), self);
  self->selection_signals = g_signal_group_new (GTK_TYPE_SINGLE_SELECTION);
  g_signal_group_connect_swapped (self->selection_signals, "notify::selected-item",
                                  G_CALLBACK (selection_changed_cb), self);
  self->rows_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_swapped (self->rows_signals, "items-changed", G_CALLBACK (update_kpi_stack), self);

  self->period = pm_period_new_current ();
  pm_kpi_columns_append (self->kpi_view);
  factory = pm_kpi_card_factory_new ();
  gtk_list_view_set_factory (self->card_view, factory);
  update_value_column (self);
  rebuild (self);
}

/* Public API */

void
pm_kpi_table_set_session (PmKpiTable *self,
                          PmSession  *session)
{
  g_return_if_fail (PM_IS_KPI_TABLE (self));
  g_return_if_fail (session == NULL || PM_IS_SESSION (session));

  if (!g_set_object (&self->session, session))
    return;

  g_signal_group_set_target (self->session_signals, session);
  /* Where the table ends and the editor begins, as last dragged. */
  if (session != NULL && pm_session_get_settings (session) != NULL)
    g_settings_bind (pm_session_get_settings (session), "kpi-table-height",
                     self->split, "position", G_SETTINGS_BIND_DEFAULT);
  update_signoff (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

void
pm_kpi_table_set_pilot (PmKpiTable *self,
                        PmPilot    *pilot)
{
  g_return_if_fail (PM_IS_KPI_TABLE (self));
  g_return_if_fail (pilot == NULL || PM_IS_PILOT (pilot));

  if (!g_set_object (&self->pilot, pilot))
    return;

  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PILOT]);
}

void
pm_kpi_table_set_period (PmKpiTable *self,
                         PmPeriod   *period)
{
  g_return_if_fail (PM_IS_KPI_TABLE (self));
  g_return_if_fail (PM_IS_PERIOD (period));

  if (pm_period_equal (self->period, period))
    return;

  g_set_object (&self->period, period);
  hide_saved (self);
  set_rows_period (self);
  update_value_column (self);
  update_editor (self);
  update_signoff (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERIOD]);
}

/* In whichever of the columns or the cards shows; FALSE while it is not
 * laid out yet. */
static gboolean
scroll_to (PmKpiTable *self,
           guint       position)
{
  if (g_str_equal (gtk_stack_get_visible_child_name (self->view_stack), "cards"))
    return pm_kpi_card_scroll_to (self->card_view, position);

  return pm_kpi_columns_scroll_to (self->kpi_view, position);
}

static gboolean
scroll_to_selected_cb (GtkWidget     *widget,
                       GdkFrameClock *clock,
                       gpointer       data)
{
  PmKpiTable *self = data;
  guint position = self->kpi_selection != NULL ? gtk_single_selection_get_selected (self->kpi_selection)
                                               : GTK_INVALID_LIST_POSITION;

  /* Not laid out yet: the next frame. */
  if (!scroll_to (self, position))
    return G_SOURCE_CONTINUE;

  self->scroll_id = 0;
  return G_SOURCE_REMOVE;
}

void
pm_kpi_table_select_kpi (PmKpiTable *self,
                         PmKpi      *kpi)
{
  GListModel *model;

  g_return_if_fail (PM_IS_KPI_TABLE (self));
  g_return_if_fail (PM_IS_KPI (kpi));

  if (self->kpi_selection == NULL)
    return;

  model = G_LIST_MODEL (self->kpi_selection);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(PmKpiRow) row = g_list_model_get_item (model, i);

      if (pm_kpi_row_get_kpi (row) != kpi)
        continue;

      gtk_single_selection_set_selected (self->kpi_selection, i);
      scroll_to (self, i);
      /* Chosen from another page (To Chase), the table is only now being
       * laid out, and a scroll before that is lost: again once it is. */
      if (self->scroll_id == 0)
        self->scroll_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), scroll_to_selected_cb, self, NULL);
      gtk_widget_grab_focus (GTK_WIDGET (self->value_row));
      return;
    }
}

PmKpi *
pm_kpi_table_get_selected_kpi (PmKpiTable *self)
{
  g_return_val_if_fail (PM_IS_KPI_TABLE (self), NULL);

  return self->selected_row != NULL ? pm_kpi_row_get_kpi (self->selected_row) : NULL;
}
