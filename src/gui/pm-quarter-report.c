/* pm-quarter-report.c
 *
 * The narrative is saved when a field loses focus, its one way (a Save
 * button beside "Saved when you leave a field" made both look unsure); families
 * supported are saved on Enter. Each save is one store call, reported
 * through the session.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "model/pm-wording.h"
#include "pm-format.h"
#include "pm-period-list.h"
#include "pm-quarter-report.h"

struct _PmQuarterReport
{
  AdwBin               parent_instance;

  /* Template widgets */
  AdwPreferencesGroup *narrative_group;
  GtkTextView         *progress_view;
  GtkTextView         *learning_view;
  GtkTextView         *case_study_view;
  GtkTextView         *risks_view;
  GtkTextView         *milestones_view;
  AdwPreferencesGroup *reach_group;
  GtkListBox          *reach_list;
  GtkLabel            *reach_error;
  AdwPreferencesGroup *spend_group;
  GtkListBox          *spend_list;

  /* Owned references */
  PmSession           *session;
  PmPilot             *pilot;
  PmPeriod            *period;
  GSignalGroup        *pilot_signals;
  GSignalGroup        *reach_signals;
  GSignalGroup        *providers_signals;
  GSignalGroup        *narratives_signals;
  GSignalGroup        *spend_signals;
  GListStore          *reach_slots;     /* GtkStringObject: provider, "" for the whole pilot */

  gboolean             loading_narrative;
};

G_DEFINE_FINAL_TYPE (PmQuarterReport, pm_quarter_report, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_PILOT,
  PROP_PERIOD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static PmStore *
get_store (PmQuarterReport *self)
{
  return self->session != NULL ? pm_session_get_store (self->session) : NULL;
}

/* Narrative */

static char *
buffer_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static gboolean
narrative_modified (PmQuarterReport *self)
{
  return gtk_text_buffer_get_modified (gtk_text_view_get_buffer (self->progress_view))
         || gtk_text_buffer_get_modified (gtk_text_view_get_buffer (self->learning_view))
         || gtk_text_buffer_get_modified (gtk_text_view_get_buffer (self->case_study_view))
         || gtk_text_buffer_get_modified (gtk_text_view_get_buffer (self->risks_view))
         || gtk_text_buffer_get_modified (gtk_text_view_get_buffer (self->milestones_view));
}

static void
set_buffer (GtkTextView *view,
            const char  *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);

  gtk_text_buffer_set_text (buffer, text != NULL ? text : "", -1);
  gtk_text_buffer_set_modified (buffer, FALSE);
}

static void
load_narrative (PmQuarterReport *self)
{
  PmNarrative *narrative = NULL;
  g_autofree char *period = pm_period_get_label (self->period);
  g_autofree char *title = NULL;

  if (self->pilot != NULL)
    narrative = pm_pilot_get_narrative (self->pilot, self->period);

  self->loading_narrative = TRUE;
  set_buffer (self->progress_view, narrative != NULL ? pm_narrative_get_progress (narrative) : NULL);
  set_buffer (self->learning_view, narrative != NULL ? pm_narrative_get_learning (narrative) : NULL);
  set_buffer (self->case_study_view, narrative != NULL ? pm_narrative_get_case_study (narrative) : NULL);
  set_buffer (self->risks_view, narrative != NULL ? pm_narrative_get_risks (narrative) : NULL);
  set_buffer (self->milestones_view, narrative != NULL ? pm_narrative_get_milestones (narrative) : NULL);
  self->loading_narrative = FALSE;

  /* Translators: "Narrative for Q3 2016/17" */
  title = g_strdup_printf (_("Narrative for %s"), period);
  adw_preferences_group_set_title (self->narrative_group, title);
}

static void
save_narrative (PmQuarterReport *self)
{
  PmStore *store = get_store (self);
  g_autofree char *progress = NULL;
  g_autofree char *learning = NULL;
  g_autofree char *case_study = NULL;
  g_autofree char *risks = NULL;
  g_autofree char *milestones = NULL;
  g_autoptr(PmUndo) undo = NULL;
  g_autoptr(GError) error = NULL;

  if (self->loading_narrative || self->pilot == NULL || !narrative_modified (self) || store == NULL)
    return;

  progress = buffer_text (self->progress_view);
  learning = buffer_text (self->learning_view);
  case_study = buffer_text (self->case_study_view);
  risks = buffer_text (self->risks_view);
  milestones = buffer_text (self->milestones_view);

  if (!pm_edit_set_narrative (store, self->pilot, self->period,
                              progress, learning, case_study, risks, milestones, &undo, &error))
    {
      /* The text stays in the fields, marked as not yet saved. */
      pm_session_report_failure (self->session, _("Could Not Save the Narrative"), error);
      return;
    }

  gtk_text_buffer_set_modified (gtk_text_view_get_buffer (self->progress_view), FALSE);
  gtk_text_buffer_set_modified (gtk_text_view_get_buffer (self->learning_view), FALSE);
  gtk_text_buffer_set_modified (gtk_text_view_get_buffer (self->case_study_view), FALSE);
  gtk_text_buffer_set_modified (gtk_text_view_get_buffer (self->risks_view), FALSE);
  gtk_text_buffer_set_modified (gtk_text_view_get_buffer (self->milestones_view), FALSE);

  if (undo != NULL)
    pm_session_report_saved (self->session, _("Narrative saved"), g_steal_pointer (&undo));
}

/* An undo puts back the old narrative: show it, unless typing is under way. */
static void
narratives_changed_cb (PmQuarterReport *self)
{
  if (!narrative_modified (self))
    load_narrative (self);
}

/* Families supported */

static void
show_reach_error (PmQuarterReport *self,
                  GtkWidget       *row,
                  const char      *message)
{
  gtk_label_set_label (self->reach_error, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->reach_error), message != NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->reach_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_remove_css_class (child, "error");
  if (row != NULL && message != NULL)
    gtk_widget_add_css_class (row, "error");
}

/* What a field of families supported is for. */
typedef struct
{
  PmQuarterReport *report;     /* unowned: the report owns the row */
  char            *provider;   /* NULL for the pilot as a whole */
} ReachField;

static void
reach_field_free (gpointer  data,
                  GClosure *closure)
{
  ReachField *field = data;

  g_free (field->provider);
  g_free (field);
}

static void
reach_apply_cb (AdwEntryRow *row,
                ReachField  *field)
{
  PmQuarterReport *self = field->report;
  PmStore *store = get_store (self);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  g_autoptr(PmUndo) undo = NULL;
  g_autoptr(GError) error = NULL;

  if (store == NULL || self->pilot == NULL)
    return;

  /* An empty field says nothing: there is no figure to save. */
  if (text[0] == '\0')
    {
      show_reach_error (self, NULL, NULL);
      return;
    }

  if (!pm_edit_set_reach (store, self->pilot, self->period, field->provider, text, &undo, &error))
    {
      show_reach_error (self, GTK_WIDGET (row), error->message);
      if (error->domain != PM_MODEL_ERROR)
        pm_session_report_failure (self->session, _("Could Not Save the Families Supported"), error);
      return;
    }

  show_reach_error (self, NULL, NULL);
  pm_session_report_saved (self->session, _("Families supported saved"), g_steal_pointer (&undo));
}

static GtkWidget *
create_reach_row_cb (gpointer item,
                     gpointer user_data)
{
  PmQuarterReport *self = user_data;
  const char *name = gtk_string_object_get_string (GTK_STRING_OBJECT (item));
  const char *provider = name[0] != '\0' ? name : NULL;
  PmProvider *found = provider != NULL ? pm_pilot_find_provider (self->pilot, provider) : NULL;
  GtkWidget *row = adw_entry_row_new ();
  ReachField *field = g_new0 (ReachField, 1);
  g_autofree char *title = NULL;
  g_autofree char *text = NULL;
  PmReachEntry *entry = pm_pilot_get_reach_entry (self->pilot, self->period, provider);
  int families = entry != NULL ? pm_reach_entry_get_families (entry) : -1;

  if (found != NULL && pm_provider_get_reach_target (found) > 0)
    /* Translators: "WCFC (target 75)" */
    {
      g_autofree char *target = pm_unit_format_value (PM_UNIT_COUNT, pm_provider_get_reach_target (found));

      title = g_strdup_printf (_("%s (target %s)"), provider, target);
    }
  else if (provider != NULL)
    title = g_strdup (provider);
  else
    title = g_strdup (_("The pilot as a whole"));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (row), GTK_INPUT_PURPOSE_DIGITS);
  if (families >= 0)
    {
      text = g_strdup_printf ("%d", families);
      gtk_editable_set_text (GTK_EDITABLE (row), text);
    }

  field->report = self;
  field->provider = g_strdup (provider);
  g_signal_connect (row, "apply", G_CALLBACK (reach_apply_cb), field);
  g_signal_connect_data (row, "entry-activated", G_CALLBACK (reach_apply_cb), field, reach_field_free, 0);

  return row;
}

/* One field per provider with a target or a figure, and one for the pilot
 * as a whole when no provider has a target or figures were given so. */
static void
reload_reach (PmQuarterReport *self)
{
  g_autoptr(GPtrArray) slots = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *period = pm_period_get_label (self->period);
  g_autofree char *title = NULL;
  g_autofree char *reached = NULL;
  gboolean whole = TRUE;

  if (self->pilot != NULL)
    {
      GListModel *providers = pm_pilot_get_providers (self->pilot);
      GListModel *reach = pm_pilot_get_reach (self->pilot);

      for (guint i = 0; i < g_list_model_get_n_items (providers); i++)
        {
          g_autoptr(PmProvider) provider = g_list_model_get_item (providers, i);
          const char *name = pm_provider_get_name (provider);
          gboolean reported = FALSE;

          for (guint j = 0; j < g_list_model_get_n_items (reach) && !reported; j++)
            {
              g_autoptr(PmReachEntry) entry = g_list_model_get_item (reach, j);
              reported = g_strcmp0 (pm_reach_entry_get_provider (entry), name) == 0;
            }

          if (pm_provider_get_reach_target (provider) > 0 || reported)
            {
              g_ptr_array_add (slots, gtk_string_object_new (name));
              whole = FALSE;
            }
        }

      for (guint j = 0; j < g_list_model_get_n_items (reach) && !whole; j++)
        {
          g_autoptr(PmReachEntry) entry = g_list_model_get_item (reach, j);
          whole = pm_reach_entry_get_provider (entry) == NULL;
        }

      if (whole)
        g_ptr_array_add (slots, gtk_string_object_new (""));
    }

  g_list_store_splice (self->reach_slots, 0, g_list_model_get_n_items (G_LIST_MODEL (self->reach_slots)),
                       slots->pdata, slots->len);
  show_reach_error (self, NULL, NULL);

  reached = pm_wording_reach_title (self->pilot != NULL ? pm_pilot_get_reach_unit (self->pilot) : NULL);
  /* Translators: what the pilot's reach counts, then the period:
   * "Families Supported by the End of Q3 2016/17" */
  title = g_strdup_printf (_("%s Supported by the End of %s"), reached, period);
  adw_preferences_group_set_title (self->reach_group, title);
}

/* Spend */

static GtkWidget *
create_spend_row_cb (gpointer item,
                     gpointer user_data)
{
  PmSpendItem *spend = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *amount = gtk_label_new (NULL);
  g_autofree char *money = pm_unit_format_value (PM_UNIT_MONEY, (double) pm_spend_item_get_amount_pence (spend));
  g_autofree char *period = NULL;
  g_autofree char *subtitle = NULL;
  const char *status = pm_spend_status_get_label (pm_spend_item_get_status (spend));

  if (pm_spend_item_get_period (spend) != NULL)
    {
      period = pm_period_get_label (pm_spend_item_get_period (spend));
      /* Translators: "Spent, Q3 2016/17" */
      subtitle = g_strdup_printf (_("%s, %s"), status, period);
    }
  else
    {
      subtitle = g_strdup (status);
    }

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), pm_spend_item_get_description (spend));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
  gtk_label_set_label (GTK_LABEL (amount), money);
  gtk_widget_add_css_class (amount, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), amount);

  return row;
}

/* The spend so far against the budget: it moves with the pilot's spend
 * items and its budget. */
static void
update_spend_summary (PmQuarterReport *self)
{
  g_autofree char *spend = NULL;
  g_autofree char *period = pm_period_get_label (self->period);
  g_autofree char *description = NULL;

  if (self->pilot == NULL)
    return;

  spend = pm_wording_spend (pm_pilot_get_spend_reported (self->pilot, self->period, PM_SPEND_SPENT),
                            pm_pilot_get_spend_reported (self->pilot, self->period, PM_SPEND_COMMITTED),
                            pm_pilot_get_budget_pence (self->pilot));
  /* Translators: "By the end of Q3 2016/17: £4,900 spent" */
  description = g_strdup_printf (_("By the end of %s: %s"), period, spend);
  adw_preferences_group_set_description (self->spend_group, description);
}

/* A lead of another district, or a viewer, reads what is here; the
 * narrative's description says why nothing can be typed. */
static void
update_access (PmQuarterReport *self)
{
  GtkTextView *views[] = { self->progress_view, self->learning_view, self->case_study_view };
  g_autofree char *read_only = NULL;

  if (self->session != NULL && self->pilot != NULL)
    read_only = pm_session_explain_read_only (self->session, pm_pilot_get_district (self->pilot));

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    gtk_text_view_set_editable (views[i], read_only == NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->reach_list), read_only == NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->spend_list), read_only == NULL);
  adw_preferences_group_set_description (self->narrative_group,
                                         read_only != NULL
                                         ? read_only
                                         : _("Saved when you leave a field. Case studies give counts and "
                                             "situations only, never a name."));
}

/* Everything, for a new pilot or period. */
static void
reload (PmQuarterReport *self)
{
  PmPilot *pilot = self->pilot;

  g_signal_group_set_target (self->pilot_signals, pilot);
  g_signal_group_set_target (self->reach_signals, pilot != NULL ? pm_pilot_get_reach (pilot) : NULL);
  g_signal_group_set_target (self->providers_signals, pilot != NULL ? pm_pilot_get_providers (pilot) : NULL);
  g_signal_group_set_target (self->narratives_signals, pilot != NULL ? pm_pilot_get_narratives (pilot) : NULL);
  g_signal_group_set_target (self->spend_signals, pilot != NULL ? pm_pilot_get_spend (pilot) : NULL);

  if (pilot != NULL)
    gtk_list_box_bind_model (self->spend_list, pm_pilot_get_spend (pilot), create_spend_row_cb, self, NULL);
  else
    gtk_list_box_bind_model (self->spend_list, NULL, NULL, NULL, NULL);

  load_narrative (self);
  reload_reach (self);
  update_spend_summary (self);
  update_access (self);
}

/* GObject */

static void
pm_quarter_report_dispose (GObject *object)
{
  PmQuarterReport *self = PM_QUARTER_REPORT (object);

  g_signal_group_set_target (self->pilot_signals, NULL);
  g_signal_group_set_target (self->reach_signals, NULL);
  g_signal_group_set_target (self->providers_signals, NULL);
  g_signal_group_set_target (self->narratives_signals, NULL);
  g_signal_group_set_target (self->spend_signals, NULL);

  /* AdwBin would unparent its child a second time after the template
   * has: let it go first. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PM_TYPE_QUARTER_REPORT);
  g_clear_object (&self->pilot_signals);
  g_clear_object (&self->reach_signals);
  g_clear_object (&self->providers_signals);
  g_clear_object (&self->narratives_signals);
  g_clear_object (&self->spend_signals);
  g_clear_object (&self->reach_slots);
  g_clear_object (&self->session);
  g_clear_object (&self->pilot);
  g_clear_object (&self->period);

  G_OBJECT_CLASS (pm_quarter_report_parent_class)->dispose (object);
}

static void
pm_quarter_report_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  PmQuarterReport *self = PM_QUARTER_REPORT (object);

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
pm_quarter_report_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  PmQuarterReport *self = PM_QUARTER_REPORT (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      pm_quarter_report_set_session (self, g_value_get_object (value));
      break;

    case PROP_PILOT:
      pm_quarter_report_set_pilot (self, g_value_get_object (value));
      break;

    case PROP_PERIOD:
      pm_quarter_report_set_period (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pm_quarter_report_class_init (PmQuarterReportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pm_quarter_report_dispose;
  object_class->get_property = pm_quarter_report_get_property;
  object_class->set_property = pm_quarter_report_set_property;

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

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/pilotmonitor/PilotMonitor/pm-quarter-report.ui");
  gtk_widget_class_bind_template_child (widget_class, PmQuarterReport, narrative_group);
  gtk_widget_class_bind_template_child (widget_class, PmQuarterReport, progress_view);
  gtk_widget_class_bind_template_child (widget_class, PmQuarterReport, learning_view);
  gtk_widget_class_bind_template_child (widget_class, PmQuarterReport, case_study_view);
  gtk_widget_class_bind_template_child (widget_class, PmQuarterReport, risks_view);
  gtk_widget_class_bind_template_child (widget_class, PmQuarterReport, milestones_view);
  gtk_widget_class_bind_template_child (widget_class, PmQuarterReport, reach_group);
  gtk_widget_class_bind_template_child (widget_class, PmQuarterReport, reach_list);
  gtk_widget_class_bind_template_child (widget_class, PmQuarterReport, reach_error);
  gtk_widget_class_bind_template_child (widget_class, PmQuarterReport, spend_group);
  gtk_widget_class_bind_template_child (widget_class, PmQuarterReport, spend_list);
}

static void
pm_quarter_report_init (PmQuarterReport *self)
{
  GtkTextView *views[5];

  gtk_widget_init_template (GTK_WIDGET (self));

  self->pilot_signals = g_signal_group_new (PM_TYPE_PILOT);
  g_signal_group_connect_swapped (self->pilot_signals, "notify::budget-pence",
                                  G_CALLBACK (update_spend_summary), self);
  g_signal_group_connect_swapped (self->pilot_signals, "notify::reach-unit", G_CALLBACK (reload_reach), self);
  self->spend_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_swapped (self->spend_signals, "items-changed", G_CALLBACK (update_spend_summary), self);
  self->reach_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_swapped (self->reach_signals, "items-changed", G_CALLBACK (reload_reach), self);
  self->providers_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_swapped (self->providers_signals, "items-changed", G_CALLBACK (reload_reach), self);
  self->narratives_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_swapped (self->narratives_signals, "items-changed",
                                  G_CALLBACK (narratives_changed_cb), self);

  self->period = pm_period_new_current ();
  self->reach_slots = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  gtk_list_box_bind_model (self->reach_list, G_LIST_MODEL (self->reach_slots),
                           create_reach_row_cb, self, NULL);

  /* Saved when the person leaves a field. */
  views[0] = self->progress_view;
  views[1] = self->learning_view;
  views[2] = self->case_study_view;
  views[3] = self->risks_view;
  views[4] = self->milestones_view;
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      GtkEventController *focus = gtk_event_controller_focus_new ();

      g_signal_connect_swapped (focus, "leave", G_CALLBACK (save_narrative), self);
      gtk_widget_add_controller (GTK_WIDGET (views[i]), focus);
    }

  reload (self);
}

/* Public API */

void
pm_quarter_report_set_session (PmQuarterReport *self,
                               PmSession       *session)
{
  g_return_if_fail (PM_IS_QUARTER_REPORT (self));
  g_return_if_fail (session == NULL || PM_IS_SESSION (session));

  if (g_set_object (&self->session, session))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

void
pm_quarter_report_set_pilot (PmQuarterReport *self,
                             PmPilot         *pilot)
{
  g_return_if_fail (PM_IS_QUARTER_REPORT (self));
  g_return_if_fail (pilot == NULL || PM_IS_PILOT (pilot));

  if (self->pilot == pilot)
    return;

  /* What was being typed for the last pilot is kept. */
  save_narrative (self);
  g_set_object (&self->pilot, pilot);
  reload (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PILOT]);
}

void
pm_quarter_report_set_period (PmQuarterReport *self,
                              PmPeriod        *period)
{
  g_autoptr(PmPeriod) quarter = NULL;

  g_return_if_fail (PM_IS_QUARTER_REPORT (self));
  g_return_if_fail (PM_IS_PERIOD (period));

  /* Narratives and reach are kept by quarter: with a year or a month
   * shown, the report is of the quarter it ends in. */
  quarter = pm_period_list_quarter_of (period);
  if (pm_period_equal (self->period, quarter))
    return;

  /* ... and what was being typed for the last quarter. */
  save_narrative (self);
  g_set_object (&self->period, quarter);
  reload (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERIOD]);
}

void
pm_quarter_report_flush (PmQuarterReport *self)
{
  g_return_if_fail (PM_IS_QUARTER_REPORT (self));

  save_narrative (self);
}
