/* pm-pilot-page.c
 *
 * The page's header says what the pilot is and how its quarter stands
 * (delivery status, families supported, spend, the quarter's sign-off);
 * below it, three views: the headline KPIs with their values
 * (PmKpiTable), the quarter's report (PmQuarterReport) and about the
 * pilot (PmPilotAbout). The page's session, pilot and period go down to
 * them through bindings in its template. The pilot menu's actions, and
 * the sign-off of the quarter, are the page's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "model/pm-date.h"
#include "pm-bin-measure.h"
#include "pm-dialogs.h"
#include "pm-format.h"
#include "pm-kpi-table.h"
#include "pm-period-list.h"
#include "pm-pilot-about.h"
#include "pm-pilot-page.h"
#include "pm-quarter-report.h"
#include "pm-watch.h"

struct _PmPilotPage
{
  AdwBin               parent_instance;

  /* Template widgets */
  GtkLabel            *title_label;
  GtkLabel            *facts_label;
  GtkBox              *status_box;
  GtkLabel            *status_label;
  GtkLabel            *reach_label;
  GtkLabel            *spend_label;
  AdwViewStack        *view_stack;
  PmKpiTable          *kpi_table;
  PmQuarterReport     *quarter_report;
  PmPilotAbout        *pilot_about;

  /* Owned references */
  PmSession           *session;
  GBindingGroup       *session_bindings;
  GSignalGroup        *session_signals;
  PmPilot             *pilot;
  PmPeriod            *period;
  PmWatch             *watch;           /* the figures in the header */
};

G_DEFINE_FINAL_TYPE (PmPilotPage, pm_pilot_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_PILOT,
  PROP_PERIOD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static PmStore *
get_store (PmPilotPage *self)
{
  return self->session != NULL ? pm_session_get_store (self->session) : NULL;
}

/* The window the page's dialogs belong to. */
static GtkWindow *
get_parent (PmPilotPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* Header */

/* The sign-off of the pilot's district for the page's quarter. */
static PmSignoffState
get_signoff (PmPilotPage *self)
{
  if (self->session == NULL || self->pilot == NULL)
    return PM_SIGNOFF_OPEN;

  return pm_session_get_signoff (self->session, pm_pilot_get_district (self->pilot));
}

static void
update_header (PmPilotPage *self)
{
  g_autoptr(GPtrArray) facts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *facts_text = NULL;
  g_autofree char *reach = NULL;
  g_autofree char *reach_text = NULL;
  g_autofree char *reach_title = NULL;
  g_autofree char *spend = NULL;
  g_autofree char *spend_text = NULL;
  g_autofree char *started = NULL;
  PmDistrict *district;
  PmDeliveryStatus status;

  if (self->pilot == NULL)
    return;

  district = pm_pilot_get_district (self->pilot);
  if (district != NULL)
    g_ptr_array_add (facts, g_strdup (pm_district_get_name (district)));
  if (pm_pilot_get_focus_area (self->pilot) != NULL)
    g_ptr_array_add (facts, g_strdup (pm_pilot_get_focus_area (self->pilot)));
  started = pm_date_format (pm_pilot_get_start_date (self->pilot));
  if (started != NULL)
    /* Translators: when the pilot mobilised: "Started October 2016" */
    g_ptr_array_add (facts, g_strdup_printf (_("Started %s"), started));
  {
    PmSignoffState state = get_signoff (self);
    g_autoptr(PmPeriod) quarter = pm_period_list_quarter_of (self->period);
    g_autofree char *period = pm_period_get_label (quarter);

    /* Translators: the sign-off of the quarter: "Q3 2016/17: Accepted" */
    g_ptr_array_add (facts, g_strdup_printf (_("%s: %s"), period, pm_signoff_state_to_words (state)));
    /* On a server, what the role allows: a lead submits their own
     * districts' quarters, the office does the rest. */
    gboolean own = self->session == NULL || pm_session_may_edit_district (self->session, district);
    gboolean office = self->session == NULL || pm_session_may_edit_structure (self->session);

    gtk_widget_action_set_enabled (GTK_WIDGET (self), "pilot.submit-quarter",
                                   own && (state == PM_SIGNOFF_OPEN || state == PM_SIGNOFF_RETURNED));
    gtk_widget_action_set_enabled (GTK_WIDGET (self), "pilot.accept-quarter", office && state == PM_SIGNOFF_SUBMITTED);
    gtk_widget_action_set_enabled (GTK_WIDGET (self), "pilot.return-quarter", office && state == PM_SIGNOFF_SUBMITTED);
    gtk_widget_action_set_enabled (GTK_WIDGET (self), "pilot.reopen-quarter", office && state == PM_SIGNOFF_ACCEPTED);
    gtk_widget_action_set_enabled (GTK_WIDGET (self), "pilot.edit", office);
    gtk_widget_action_set_enabled (GTK_WIDGET (self), "pilot.delete", office);
    gtk_widget_action_set_enabled (GTK_WIDGET (self), "pilot.add-kpi", office);
    gtk_widget_action_set_enabled (GTK_WIDGET (self), "pilot.add-spend", own);
  }
  g_ptr_array_add (facts, NULL);
  facts_text = g_strjoinv (" · ", (char **) facts->pdata);

  gtk_label_set_label (self->title_label, pm_pilot_get_title (self->pilot));
  gtk_label_set_label (self->facts_label, facts_text);

  status = pm_pilot_get_delivery_status (self->pilot);
  /* The lead's own view of delivery, said as such: the KPIs' RAG marks
   * beside it may disagree. */
  gtk_label_set_label (self->status_label, pm_format_lead_status (status));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->status_label),
                               _("Delivery as the pilot’s lead sees it; the KPIs’ own status is their RAG mark"));
  for (int i = PM_DELIVERY_NOT_STARTED; i <= PM_DELIVERY_NOT_STATED; i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), pm_format_status_css_class (i));
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), pm_format_status_css_class (status));

  reach = pm_wording_reach (pm_pilot_get_reach_at (self->pilot, self->period),
                            pm_pilot_get_reach_target (self->pilot),
                            pm_pilot_get_reach_unit (self->pilot));
  reach_title = pm_wording_reach_title (pm_pilot_get_reach_unit (self->pilot));
  /* Translators: "Families supported: 7 of 125 families (6%)" */
  reach_text = g_strdup_printf (_("%s supported: %s"), reach_title, reach);
  gtk_label_set_label (self->reach_label, reach_text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->reach_label), reach_text);

  spend = pm_wording_spend (pm_pilot_get_spend_reported (self->pilot, self->period, PM_SPEND_SPENT),
                            pm_pilot_get_spend_reported (self->pilot, self->period, PM_SPEND_COMMITTED),
                            pm_pilot_get_budget_pence (self->pilot));
  /* Translators: "Spend: £4,900 spent" */
  spend_text = g_strdup_printf (_("Spend: %s"), spend);
  gtk_label_set_label (self->spend_label, spend_text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->spend_label), spend_text);
}

static void
pilot_changed_cb (gpointer user_data)
{
  update_header (user_data);
}

/* Actions: the pilot's */

static void
edit_pilot_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  PmPilotPage *self = PM_PILOT_PAGE (widget);

  if (self->pilot != NULL && self->session != NULL)
    pm_dialogs_edit_pilot (get_parent (self), self->session, pm_pilot_get_district (self->pilot), self->pilot);
}

static void
delete_pilot_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  PmPilotPage *self = PM_PILOT_PAGE (widget);

  if (self->pilot != NULL && self->session != NULL)
    pm_dialogs_confirm_delete (get_parent (self), self->session, G_OBJECT (self->pilot));
}

static void
add_kpi_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PmPilotPage *self = PM_PILOT_PAGE (widget);

  if (self->pilot != NULL && self->session != NULL)
    pm_dialogs_edit_kpi (get_parent (self), self->session, self->pilot, NULL);
}

static void
add_spend_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  PmPilotPage *self = PM_PILOT_PAGE (widget);

  if (self->pilot != NULL && self->session != NULL)
    pm_dialogs_add_spend (get_parent (self), self->session, self->pilot);
}

/* Choosing the file is the window's job. */
static void
send_return_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PmPilotPage *self = PM_PILOT_PAGE (widget);

  if (self->pilot != NULL)
    gtk_widget_activate_action (widget, "win.send-return", "x",
                                pm_district_get_id (pm_pilot_get_district (self->pilot)));
}

/* Actions: the quarter's sign-off */

static void
apply_signoff (PmPilotPage    *self,
               PmDistrict     *district,
               PmSignoffState  state,
               const char     *comment)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *period = NULL;
  g_autofree char *message = NULL;

  if (get_store (self) == NULL)
    return;

  /* The session says "signoff-changed", and the header follows. */
  if (!pm_session_set_signoff (self->session, district, state, comment, &error))
    {
      pm_session_report_failure (self->session, _("Could Not Change the Quarter’s Sign-off"), error);
      return;
    }

  period = pm_period_get_label (pm_session_get_period (self->session));
  /* Translators: toast: “Tamworth, Q3 2016/17: Accepted” */
  message = g_strdup_printf (_("%s, %s: %s"), pm_district_get_name (district), period,
                             pm_signoff_state_to_words (state));
  pm_session_report_saved (self->session, message, NULL);
}

static void
set_signoff (PmPilotPage    *self,
             PmSignoffState  state)
{
  if (self->pilot != NULL)
    apply_signoff (self, pm_pilot_get_district (self->pilot), state, NULL);
}

static void
submit_quarter_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  set_signoff (PM_PILOT_PAGE (widget), PM_SIGNOFF_SUBMITTED);
}

static void
accept_quarter_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  set_signoff (PM_PILOT_PAGE (widget), PM_SIGNOFF_ACCEPTED);
}

static void
reopen_quarter_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  set_signoff (PM_PILOT_PAGE (widget), PM_SIGNOFF_OPEN);
}

/* What the "Return the Quarter" dialog returns. */
typedef struct
{
  PmPilotPage *page;
  PmDistrict  *district;
} ReturnRequest;

static void
return_request_free (gpointer  data,
                     GClosure *closure)
{
  ReturnRequest *request = data;

  g_clear_object (&request->page);
  g_clear_object (&request->district);
  g_free (request);
}

static void
return_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    ReturnRequest    *request)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));

  if (g_str_equal (response, "return"))
    apply_signoff (request->page, request->district, PM_SIGNOFF_RETURNED, gtk_editable_get_text (entry));
}

/* Returning needs the reason, for the lead. */
static void
return_quarter_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  PmPilotPage *self = PM_PILOT_PAGE (widget);
  ReturnRequest *request;
  GtkWidget *dialog;
  GtkWidget *entry;

  if (self->pilot == NULL)
    return;

  dialog = adw_message_dialog_new (get_parent (self), _("Return the Quarter for Revision?"),
                                   _("Say what the lead should revise. The quarter stays open for changes."));
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("What to revise"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "return", _("_Return"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "return",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "return");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  request = g_new0 (ReturnRequest, 1);
  request->page = g_object_ref (self);
  request->district = g_object_ref (pm_pilot_get_district (self->pilot));
  g_signal_connect_data (dialog, "response", G_CALLBACK (return_response_cb), request,
                         return_request_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* GObject */

static void
pm_pilot_page_dispose (GObject *object)
{
  PmPilotPage *self = PM_PILOT_PAGE (object);

  g_clear_pointer (&self->watch, pm_watch_free);
  g_binding_group_set_source (self->session_bindings, NULL);
  g_signal_group_set_target (self->session_signals, NULL);

  /* AdwBin would unparent its child a second time after the template
   * has: let it go first. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PM_TYPE_PILOT_PAGE);
  g_clear_object (&self->session_bindings);
  g_clear_object (&self->session_signals);
  g_clear_object (&self->session);
  g_clear_object (&self->pilot);
  g_clear_object (&self->period);

  G_OBJECT_CLASS (pm_pilot_page_parent_class)->dispose (object);
}

static void
pm_pilot_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  PmPilotPage *self = PM_PILOT_PAGE (object);

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
pm_pilot_page_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  PmPilotPage *self = PM_PILOT_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      pm_pilot_page_set_session (self, g_value_get_object (value));
      break;

    case PROP_PILOT:
      pm_pilot_page_set_pilot (self, g_value_get_object (value));
      break;

    case PROP_PERIOD:
      pm_pilot_page_set_period (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* libadwaita 1.2 has no breakpoints: narrower than NARROW_WIDTH, the
 * status, families and spend go one under the other, so that they are
 * read rather than cut short. (The page allocates its child
 * itself, see pm-bin-measure.h.) */
#define NARROW_WIDTH 560

static void
pm_pilot_page_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  PmPilotPage *self = PM_PILOT_PAGE (widget);
  GtkOrientation orientation = width < NARROW_WIDTH ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL;

  if (gtk_orientable_get_orientation (GTK_ORIENTABLE (self->status_box)) != orientation)
    {
      gtk_orientable_set_orientation (GTK_ORIENTABLE (self->status_box), orientation);
      gtk_box_set_spacing (self->status_box, orientation == GTK_ORIENTATION_VERTICAL ? 6 : 18);
    }

  if (adw_bin_get_child (ADW_BIN (widget)) != NULL)
    gtk_widget_allocate (adw_bin_get_child (ADW_BIN (widget)), width, height, baseline, NULL);
}

static void
pm_pilot_page_class_init (PmPilotPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pm_pilot_page_dispose;
  object_class->get_property = pm_pilot_page_get_property;
  object_class->set_property = pm_pilot_page_set_property;
  widget_class->measure = pm_bin_measure_child;
  widget_class->size_allocate = pm_pilot_page_size_allocate;

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

  g_type_ensure (PM_TYPE_KPI_TABLE);
  g_type_ensure (PM_TYPE_QUARTER_REPORT);
  g_type_ensure (PM_TYPE_PILOT_ABOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pilotmonitor/PilotMonitor/pm-pilot-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PmPilotPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, PmPilotPage, facts_label);
  gtk_widget_class_bind_template_child (widget_class, PmPilotPage, status_box);
  gtk_widget_class_bind_template_child (widget_class, PmPilotPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, PmPilotPage, reach_label);
  gtk_widget_class_bind_template_child (widget_class, PmPilotPage, spend_label);
  gtk_widget_class_bind_template_child (widget_class, PmPilotPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, PmPilotPage, kpi_table);
  gtk_widget_class_bind_template_child (widget_class, PmPilotPage, quarter_report);
  gtk_widget_class_bind_template_child (widget_class, PmPilotPage, pilot_about);

  gtk_widget_class_install_action (widget_class, "pilot.edit", NULL, edit_pilot_action);
  gtk_widget_class_install_action (widget_class, "pilot.delete", NULL, delete_pilot_action);
  gtk_widget_class_install_action (widget_class, "pilot.add-kpi", NULL, add_kpi_action);
  gtk_widget_class_install_action (widget_class, "pilot.add-spend", NULL, add_spend_action);
  gtk_widget_class_install_action (widget_class, "pilot.send-return", NULL, send_return_action);
  gtk_widget_class_install_action (widget_class, "pilot.submit-quarter", NULL, submit_quarter_action);
  gtk_widget_class_install_action (widget_class, "pilot.accept-quarter", NULL, accept_quarter_action);
  gtk_widget_class_install_action (widget_class, "pilot.return-quarter", NULL, return_quarter_action);
  gtk_widget_class_install_action (widget_class, "pilot.reopen-quarter", NULL, reopen_quarter_action);
}

static void
pm_pilot_page_init (PmPilotPage *self)
{
  self->period = pm_period_new_current ();

  gtk_widget_set_layout_manager (GTK_WIDGET (self), NULL);
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The quarter is the session's; a changed sign-off changes the header
   * and the sign-off actions. */
  self->session_bindings = g_binding_group_new ();
  g_binding_group_bind (self->session_bindings, "period", self, "period", G_BINDING_SYNC_CREATE);
  self->session_signals = g_signal_group_new (PM_TYPE_SESSION);
  g_signal_group_connect_swapped (self->session_signals, "signoff-changed", G_CALLBACK (update_header), self);
}

/* Public API */

void
pm_pilot_page_set_session (PmPilotPage *self,
                           PmSession   *session)
{
  g_return_if_fail (PM_IS_PILOT_PAGE (self));
  g_return_if_fail (session == NULL || PM_IS_SESSION (session));

  if (!g_set_object (&self->session, session))
    return;

  g_binding_group_set_source (self->session_bindings, session);
  g_signal_group_set_target (self->session_signals, session);
  update_header (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

void
pm_pilot_page_set_pilot (PmPilotPage *self,
                         PmPilot     *pilot)
{
  g_return_if_fail (PM_IS_PILOT_PAGE (self));
  g_return_if_fail (pilot == NULL || PM_IS_PILOT (pilot));

  if (!g_set_object (&self->pilot, pilot))
    return;

  g_clear_pointer (&self->watch, pm_watch_free);
  if (pilot != NULL)
    self->watch = pm_watch_new (G_OBJECT (pilot), pilot_changed_cb, self);
  update_header (self);
  adw_view_stack_set_visible_child_name (self->view_stack, "kpis");

  /* The views follow (what was typed for the last pilot is kept). */
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PILOT]);
}

PmPilot *
pm_pilot_page_get_pilot (PmPilotPage *self)
{
  g_return_val_if_fail (PM_IS_PILOT_PAGE (self), NULL);

  return self->pilot;
}

void
pm_pilot_page_set_period (PmPilotPage *self,
                          PmPeriod    *period)
{
  g_return_if_fail (PM_IS_PILOT_PAGE (self));
  g_return_if_fail (PM_IS_PERIOD (period));

  if (pm_period_equal (self->period, period))
    return;

  g_set_object (&self->period, period);
  update_header (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERIOD]);
}

void
pm_pilot_page_select_kpi (PmPilotPage *self,
                          PmKpi       *kpi)
{
  g_return_if_fail (PM_IS_PILOT_PAGE (self));
  g_return_if_fail (PM_IS_KPI (kpi));

  adw_view_stack_set_visible_child_name (self->view_stack, "kpis");
  pm_kpi_table_select_kpi (self->kpi_table, kpi);
}

PmKpi *
pm_pilot_page_get_selected_kpi (PmPilotPage *self)
{
  g_return_val_if_fail (PM_IS_PILOT_PAGE (self), NULL);

  return pm_kpi_table_get_selected_kpi (self->kpi_table);
}

void
pm_pilot_page_flush (PmPilotPage *self)
{
  g_return_if_fail (PM_IS_PILOT_PAGE (self));

  pm_quarter_report_flush (self->quarter_report);
}
