/* pm-pilot-about.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "model/pm-date.h"
#include "model/pm-wording.h"
#include "pm-pilot-about.h"

struct _PmPilotAbout
{
  AdwBin        parent_instance;

  /* Template widgets */
  GtkLabel     *summary_label;
  GtkLabel     *outcomes_label;
  AdwActionRow *focus_row;
  AdwActionRow *start_row;
  AdwActionRow *lead_row;
  AdwActionRow *status_row;
  AdwActionRow *budget_row;
  AdwActionRow *funding_row;
  AdwActionRow *notes_row;
  GtkListBox   *providers_list;

  /* Owned references */
  PmPilot      *pilot;
  GSignalGroup *pilot_signals;
};

G_DEFINE_FINAL_TYPE (PmPilotAbout, pm_pilot_about, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_PILOT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_row_text (AdwActionRow *row,
              const char   *text)
{
  adw_action_row_set_subtitle (row, text != NULL && text[0] != '\0' ? text : _("Not recorded"));
}

static void
update (PmPilotAbout *self)
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
  set_row_text (self->notes_row, pm_pilot_get_data_notes (self->pilot));
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
      PmPilotAbout *self = user_data;
      g_autofree char *count = pm_wording_reach (target, 0, pm_pilot_get_reach_unit (self->pilot));
      /* Translators: a provider's reach target, "To support 75 families" */
      g_autofree char *text = g_strdup_printf (_("To support %s"), count);
      GtkWidget *label = gtk_label_new (text);

      gtk_widget_add_css_class (label, "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }

  return row;
}

/* GObject */

static void
pm_pilot_about_dispose (GObject *object)
{
  PmPilotAbout *self = PM_PILOT_ABOUT (object);

  g_signal_group_set_target (self->pilot_signals, NULL);

  /* AdwBin would unparent its child a second time after the template
   * has: let it go first. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PM_TYPE_PILOT_ABOUT);
  g_clear_object (&self->pilot_signals);
  g_clear_object (&self->pilot);

  G_OBJECT_CLASS (pm_pilot_about_parent_class)->dispose (object);
}

static void
pm_pilot_about_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  PmPilotAbout *self = PM_PILOT_ABOUT (object);

  switch (prop_id)
    {
    case PROP_PILOT:
      g_value_set_object (value, self->pilot);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pm_pilot_about_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  PmPilotAbout *self = PM_PILOT_ABOUT (object);

  switch (prop_id)
    {
    case PROP_PILOT:
      pm_pilot_about_set_pilot (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pm_pilot_about_class_init (PmPilotAboutClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pm_pilot_about_dispose;
  object_class->get_property = pm_pilot_about_get_property;
  object_class->set_property = pm_pilot_about_set_property;

  properties[PROP_PILOT] =
    g_param_spec_object ("pilot", NULL, NULL, PM_TYPE_PILOT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pilotmonitor/PilotMonitor/pm-pilot-about.ui");
  gtk_widget_class_bind_template_child (widget_class, PmPilotAbout, summary_label);
  gtk_widget_class_bind_template_child (widget_class, PmPilotAbout, outcomes_label);
  gtk_widget_class_bind_template_child (widget_class, PmPilotAbout, focus_row);
  gtk_widget_class_bind_template_child (widget_class, PmPilotAbout, start_row);
  gtk_widget_class_bind_template_child (widget_class, PmPilotAbout, lead_row);
  gtk_widget_class_bind_template_child (widget_class, PmPilotAbout, status_row);
  gtk_widget_class_bind_template_child (widget_class, PmPilotAbout, budget_row);
  gtk_widget_class_bind_template_child (widget_class, PmPilotAbout, funding_row);
  gtk_widget_class_bind_template_child (widget_class, PmPilotAbout, notes_row);
  gtk_widget_class_bind_template_child (widget_class, PmPilotAbout, providers_list);
}

static void
pm_pilot_about_init (PmPilotAbout *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Any of the pilot's facts may change (Edit Pilot, an undo). */
  self->pilot_signals = g_signal_group_new (PM_TYPE_PILOT);
  g_signal_group_connect_swapped (self->pilot_signals, "notify", G_CALLBACK (update), self);
}

/* Public API */

void
pm_pilot_about_set_pilot (PmPilotAbout *self,
                          PmPilot      *pilot)
{
  g_return_if_fail (PM_IS_PILOT_ABOUT (self));
  g_return_if_fail (pilot == NULL || PM_IS_PILOT (pilot));

  if (!g_set_object (&self->pilot, pilot))
    return;

  g_signal_group_set_target (self->pilot_signals, pilot);
  if (pilot != NULL)
    gtk_list_box_bind_model (self->providers_list, pm_pilot_get_providers (pilot),
                             create_provider_row_cb, self, NULL);
  else
    gtk_list_box_bind_model (self->providers_list, NULL, NULL, NULL, NULL);
  update (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PILOT]);
}

PmPilot *
pm_pilot_about_get_pilot (PmPilotAbout *self)
{
  g_return_val_if_fail (PM_IS_PILOT_ABOUT (self), NULL);

  return self->pilot;
}
