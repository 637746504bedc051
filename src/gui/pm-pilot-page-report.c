/* pm-pilot-page-report.c: the pilot's report for the period, and about it
 *
 * The narrative is saved when a field loses focus (or on Save); families
 * supported are saved on Enter. Each save is one store call with a toast.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "model/pm-date.h"
#include "pm-edits.h"
#include "pm-format.h"
#include "pm-pilot-page-private.h"

static PmStore *
get_store (PmPilotPage *self)
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
narrative_modified (PmPilotPage *self)
{
  return gtk_text_buffer_get_modified (gtk_text_view_get_buffer (self->progress_view))
         || gtk_text_buffer_get_modified (gtk_text_view_get_buffer (self->learning_view))
         || gtk_text_buffer_get_modified (gtk_text_view_get_buffer (self->case_study_view));
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
load_narrative (PmPilotPage *self)
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
  self->loading_narrative = FALSE;

  /* Translators: "Narrative for Q3 2016/17" */
  title = g_strdup_printf (_("Narrative for %s"), period);
  adw_preferences_group_set_title (self->narrative_group, title);
}

void
_pm_pilot_page_save_narrative (PmPilotPage *self)
{
  PmStore *store = get_store (self);
  g_autofree char *progress = NULL;
  g_autofree char *learning = NULL;
  g_autofree char *case_study = NULL;
  g_autoptr(PmUndo) undo = NULL;
  g_autoptr(GError) error = NULL;

  if (self->loading_narrative || self->pilot == NULL || !narrative_modified (self) || store == NULL)
    return;

  progress = buffer_text (self->progress_view);
  learning = buffer_text (self->learning_view);
  case_study = buffer_text (self->case_study_view);

  if (!pm_edit_set_narrative (store, self->pilot, self->period,
                              progress, learning, case_study, &undo, &error))
    {
      /* The text stays in the fields, marked as not yet saved. */
      pm_session_report_failure (self->session, _("Could Not Save the Narrative"), error);
      return;
    }

  gtk_text_buffer_set_modified (gtk_text_view_get_buffer (self->progress_view), FALSE);
  gtk_text_buffer_set_modified (gtk_text_view_get_buffer (self->learning_view), FALSE);
  gtk_text_buffer_set_modified (gtk_text_view_get_buffer (self->case_study_view), FALSE);

  if (undo != NULL)
    pm_session_report_saved (self->session, _("Narrative saved"), g_steal_pointer (&undo));
}

static void
narrative_focus_left_cb (PmPilotPage *self)
{
  _pm_pilot_page_save_narrative (self);
}

/* An undo puts back the old narrative: show it, unless typing is under way. */
static void
narratives_changed_cb (PmPilotPage *self)
{
  if (!narrative_modified (self))
    load_narrative (self);
}

/* Families supported */

static void
show_reach_error (PmPilotPage *self,
                  GtkWidget   *row,
                  const char  *message)
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
  PmPilotPage *page;       /* unowned: the page owns the row */
  char        *provider;   /* NULL for the pilot as a whole */
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
  PmPilotPage *self = field->page;
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

static int
reach_for (PmPilot    *pilot,
           PmPeriod   *period,
           const char *provider)
{
  GListModel *reach = pm_pilot_get_reach (pilot);

  for (guint i = 0; i < g_list_model_get_n_items (reach); i++)
    {
      g_autoptr(PmReachEntry) entry = g_list_model_get_item (reach, i);

      if (pm_period_equal (pm_reach_entry_get_period (entry), period)
          && g_strcmp0 (pm_reach_entry_get_provider (entry), provider) == 0)
        return pm_reach_entry_get_families (entry);
    }

  return -1;
}

static GtkWidget *
create_reach_row_cb (gpointer item,
                     gpointer user_data)
{
  PmPilotPage *self = user_data;
  const char *name = gtk_string_object_get_string (GTK_STRING_OBJECT (item));
  const char *provider = name[0] != '\0' ? name : NULL;
  PmProvider *found = provider != NULL ? pm_pilot_find_provider (self->pilot, provider) : NULL;
  GtkWidget *row = adw_entry_row_new ();
  ReachField *field = g_new0 (ReachField, 1);
  g_autofree char *title = NULL;
  g_autofree char *text = NULL;
  int families = reach_for (self->pilot, self->period, provider);

  if (found != NULL && pm_provider_get_reach_target (found) > 0)
    /* Translators: "WCFC (target 75)" */
    title = g_strdup_printf (_("%s (target %d)"), provider, pm_provider_get_reach_target (found));
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

  field->page = self;
  field->provider = g_strdup (provider);
  g_signal_connect (row, "apply", G_CALLBACK (reach_apply_cb), field);
  g_signal_connect_data (row, "entry-activated", G_CALLBACK (reach_apply_cb), field, reach_field_free, 0);

  return row;
}

/* One field per provider with a target or a figure, and one for the pilot
 * as a whole when no provider has a target or figures were given so. */
static void
reload_reach (PmPilotPage *self)
{
  g_autoptr(GPtrArray) slots = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *period = pm_period_get_label (self->period);
  g_autofree char *title = NULL;
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

  /* Translators: "Families Supported by the End of Q3 2016/17" */
  title = g_strdup_printf (_("Families Supported by the End of %s"), period);
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

static void
update_spend_summary (PmPilotPage *self)
{
  g_autofree char *spend = NULL;
  g_autofree char *period = pm_period_get_label (self->period);
  g_autofree char *description = NULL;

  if (self->pilot == NULL)
    return;

  spend = pm_format_spend (pm_pilot_get_spend_at (self->pilot, self->period, PM_SPEND_SPENT),
                           pm_pilot_get_spend_at (self->pilot, self->period, PM_SPEND_COMMITTED),
                           pm_pilot_get_budget_pence (self->pilot));
  /* Translators: "By the end of Q3 2016/17: £4,900 spent" */
  description = g_strdup_printf (_("By the end of %s: %s"), period, spend);
  adw_preferences_group_set_description (self->spend_group, description);
}

/* About */

static void
set_row_text (AdwActionRow *row,
              const char   *text)
{
  adw_action_row_set_subtitle (row, text != NULL && text[0] != '\0' ? text : _("Not recorded"));
}

static void
update_about (PmPilotPage *self)
{
  const char * const *outcomes;
  g_autoptr(GString) bullets = g_string_new (NULL);
  g_autofree char *started = NULL;
  g_autofree char *budget = NULL;
  g_autofree char *status = NULL;
  const char *summary;
  const char *note;

  if (self->pilot == NULL)
    return;

  summary = pm_pilot_get_summary (self->pilot);
  gtk_label_set_label (self->summary_label, summary != NULL ? summary : _("No summary yet."));

  outcomes = pm_pilot_get_key_outcomes (self->pilot);
  for (guint i = 0; outcomes != NULL && outcomes[i] != NULL; i++)
    g_string_append_printf (bullets, "%s• %s", i > 0 ? "\n" : "", outcomes[i]);
  gtk_label_set_label (self->outcomes_label, bullets->len > 0 ? bullets->str : _("No key outcomes recorded."));

  started = pm_date_format (pm_pilot_get_start_date (self->pilot));
  if (pm_pilot_get_budget_pence (self->pilot) >= 0)
    budget = pm_unit_format_value (PM_UNIT_MONEY, (double) pm_pilot_get_budget_pence (self->pilot));
  note = pm_pilot_get_status_note (self->pilot);
  status = note != NULL
    ? g_strdup_printf ("%s: %s", pm_delivery_status_get_label (pm_pilot_get_delivery_status (self->pilot)), note)
    : g_strdup (pm_delivery_status_get_label (pm_pilot_get_delivery_status (self->pilot)));

  set_row_text (self->focus_row, pm_pilot_get_focus_area (self->pilot));
  set_row_text (self->start_row, started);
  set_row_text (self->lead_row, pm_pilot_get_lead (self->pilot));
  set_row_text (self->status_row, status);
  set_row_text (self->budget_row, budget);
  set_row_text (self->funding_row, pm_pilot_get_funding (self->pilot));
}

static GtkWidget *
create_provider_row_cb (gpointer item,
                        gpointer user_data)
{
  PmProvider *provider = item;
  GtkWidget *row = adw_action_row_new ();
  int target = pm_provider_get_reach_target (provider);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), pm_provider_get_name (provider));
  if (pm_provider_get_full_name (provider) != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), pm_provider_get_full_name (provider));

  if (target > 0)
    {
      g_autofree char *text = g_strdup_printf (ngettext ("To support %d family", "To support %d families", target),
                                               target);
      GtkWidget *label = gtk_label_new (text);

      gtk_widget_add_css_class (label, "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }

  return row;
}

/* Called by the pilot page */

void
_pm_pilot_page_report_init (PmPilotPage *self)
{
  GtkTextView *views[] = { self->progress_view, self->learning_view, self->case_study_view };

  self->reach_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_swapped (self->reach_signals, "items-changed", G_CALLBACK (reload_reach), self);
  self->providers_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_swapped (self->providers_signals, "items-changed", G_CALLBACK (reload_reach), self);
  self->narratives_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_swapped (self->narratives_signals, "items-changed",
                                  G_CALLBACK (narratives_changed_cb), self);

  self->reach_slots = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  gtk_list_box_bind_model (self->reach_list, G_LIST_MODEL (self->reach_slots),
                           create_reach_row_cb, self, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      GtkEventController *focus = gtk_event_controller_focus_new ();

      g_signal_connect_swapped (focus, "leave", G_CALLBACK (narrative_focus_left_cb), self);
      gtk_widget_add_controller (GTK_WIDGET (views[i]), focus);
    }
}

void
_pm_pilot_page_report_reload (PmPilotPage *self)
{
  g_signal_group_set_target (self->reach_signals, self->pilot != NULL ? pm_pilot_get_reach (self->pilot) : NULL);
  g_signal_group_set_target (self->providers_signals,
                             self->pilot != NULL ? pm_pilot_get_providers (self->pilot) : NULL);
  g_signal_group_set_target (self->narratives_signals,
                             self->pilot != NULL ? pm_pilot_get_narratives (self->pilot) : NULL);

  if (self->pilot != NULL)
    {
      gtk_list_box_bind_model (self->spend_list, pm_pilot_get_spend (self->pilot),
                               create_spend_row_cb, self, NULL);
      gtk_list_box_bind_model (self->providers_list, pm_pilot_get_providers (self->pilot),
                               create_provider_row_cb, self, NULL);
    }
  else
    {
      gtk_list_box_bind_model (self->spend_list, NULL, NULL, NULL, NULL);
      gtk_list_box_bind_model (self->providers_list, NULL, NULL, NULL, NULL);
    }

  load_narrative (self);
  reload_reach (self);
  _pm_pilot_page_report_refresh (self);
}

void
_pm_pilot_page_report_refresh (PmPilotPage *self)
{
  update_spend_summary (self);
  update_about (self);
}
