/* pm-freeze-round-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "model/pm-date.h"
#include "pm-freeze-round-dialog.h"
#include "pm-period-list.h"

struct _PmFreezeRoundDialog
{
  AdwMessageDialog  parent_instance;

  /* Template widgets */
  GtkMenuButton    *date_button;
  GtkPopover       *date_popover;
  GtkCalendar      *calendar;

  /* Owned references */
  PmSession        *session;
};

G_DEFINE_FINAL_TYPE (PmFreezeRoundDialog, pm_freeze_round_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A meeting date is a whole day: Freeze waits for one. */
/* The meeting's date, as the store takes it: "2017-01-12". */
static char *
get_date (PmFreezeRoundDialog *self)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (self->calendar);

  return g_date_time_format (date, "%Y-%m-%d");
}

/* The button says the day chosen, as people write it. */
static void
day_selected_cb (PmFreezeRoundDialog *self)
{
  g_autofree char *date = get_date (self);
  g_autofree char *label = pm_date_format (date);

  gtk_menu_button_set_label (self->date_button, label);
  gtk_popover_popdown (self->date_popover);
}

static void
freeze (PmFreezeRoundDialog *self)
{
  g_autofree char *reported_on = get_date (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(PmPeriod) quarter = NULL;
  g_autofree char *period = NULL;
  g_autofree char *when = NULL;
  g_autofree char *message = NULL;

  if (pm_session_get_store (self->session) == NULL)
    return;

  if (!pm_session_freeze_round (self->session, reported_on, &error))
    {
      pm_session_report_failure (self->session, _("Could Not Freeze the Committee Round"), error);
      return;
    }

  quarter = pm_period_list_quarter_of (pm_session_get_period (self->session));
  period = pm_period_get_label (quarter);
  when = pm_date_format (reported_on);
  /* Translators: toast: “Values up to Q3 2016/17 frozen as reported on 12 January 2017” */
  message = g_strdup_printf (_("Values up to %s frozen as reported on %s"), period, when);
  pm_session_report_saved (self->session, message, NULL);
}

static void
pm_freeze_round_dialog_response (AdwMessageDialog *dialog,
                                 const char       *response)
{
  PmFreezeRoundDialog *self = PM_FREEZE_ROUND_DIALOG (dialog);

  if (g_str_equal (response, "freeze") && self->session != NULL)
    freeze (self);

  if (ADW_MESSAGE_DIALOG_CLASS (pm_freeze_round_dialog_parent_class)->response != NULL)
    ADW_MESSAGE_DIALOG_CLASS (pm_freeze_round_dialog_parent_class)->response (dialog, response);
}

static void
pm_freeze_round_dialog_constructed (GObject *object)
{
  PmFreezeRoundDialog *self = PM_FREEZE_ROUND_DIALOG (object);
  g_autoptr(PmPeriod) quarter = NULL;
  g_autofree char *period = NULL;
  g_autofree char *body = NULL;

  G_OBJECT_CLASS (pm_freeze_round_dialog_parent_class)->constructed (object);

  if (self->session == NULL)
    return;

  /* Rounds are frozen by quarter: a year's or a month's is its quarter's. */
  quarter = pm_period_list_quarter_of (pm_session_get_period (self->session));
  period = pm_period_get_label (quarter);
  body = g_strdup_printf (_("Every value up to %s is kept as the committee is shown it. "
                            "Values can still be changed, and each change is then listed, beside "
                            "the reported value, in the next district summaries. "
                            "Choose the date of the committee meeting."),
                          period);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body);
}

static void
pm_freeze_round_dialog_dispose (GObject *object)
{
  PmFreezeRoundDialog *self = PM_FREEZE_ROUND_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PM_TYPE_FREEZE_ROUND_DIALOG);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (pm_freeze_round_dialog_parent_class)->dispose (object);
}

static void
pm_freeze_round_dialog_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  PmFreezeRoundDialog *self = PM_FREEZE_ROUND_DIALOG (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pm_freeze_round_dialog_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  PmFreezeRoundDialog *self = PM_FREEZE_ROUND_DIALOG (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pm_freeze_round_dialog_class_init (PmFreezeRoundDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AdwMessageDialogClass *dialog_class = ADW_MESSAGE_DIALOG_CLASS (klass);

  object_class->constructed = pm_freeze_round_dialog_constructed;
  object_class->dispose = pm_freeze_round_dialog_dispose;
  object_class->get_property = pm_freeze_round_dialog_get_property;
  object_class->set_property = pm_freeze_round_dialog_set_property;
  dialog_class->response = pm_freeze_round_dialog_response;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, PM_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/pilotmonitor/PilotMonitor/pm-freeze-round-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PmFreezeRoundDialog, date_button);
  gtk_widget_class_bind_template_child (widget_class, PmFreezeRoundDialog, date_popover);
  gtk_widget_class_bind_template_child (widget_class, PmFreezeRoundDialog, calendar);
  gtk_widget_class_bind_template_callback (widget_class, day_selected_cb);
}

static void
pm_freeze_round_dialog_init (PmFreezeRoundDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Today at first. */
  day_selected_cb (self);
}

PmFreezeRoundDialog *
pm_freeze_round_dialog_new (GtkWindow *parent,
                            PmSession *session)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (PM_IS_SESSION (session), NULL);

  return g_object_new (PM_TYPE_FREEZE_ROUND_DIALOG,
                       "transient-for", parent,
                       "session", session,
                       NULL);
}
