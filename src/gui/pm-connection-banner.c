/* pm-connection-banner.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pm-connection-banner.h"

struct _PmConnectionBanner
{
  AdwBin        parent_instance;

  /* Template widgets */
  GtkRevealer  *revealer;
  GtkLabel     *label;

  /* Owned references */
  PmSession    *session;
  GSignalGroup *reconnect_signals;
};

G_DEFINE_FINAL_TYPE (PmConnectionBanner, pm_connection_banner, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static PmReconnect *
get_reconnect (PmConnectionBanner *self)
{
  return self->session != NULL ? pm_session_get_reconnect (self->session) : NULL;
}

static void
update (PmConnectionBanner *self)
{
  PmReconnect *reconnect = get_reconnect (self);
  gboolean waiting = reconnect != NULL && pm_reconnect_get_waiting (reconnect);
  g_autofree char *text = NULL;

  if (waiting)
    {
      guint seconds = pm_reconnect_get_seconds_left (reconnect);

      /* Translators: the banner while the server cannot be reached; %u is seconds */
      text = g_strdup_printf (_("Connection to the server lost. Retrying in %u s…"), seconds);
      gtk_label_set_label (self->label, text);
    }

  gtk_revealer_set_reveal_child (self->revealer, waiting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "banner.retry", waiting);
}

static void
retry_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  PmReconnect *reconnect = get_reconnect (PM_CONNECTION_BANNER (widget));

  if (reconnect != NULL)
    pm_reconnect_retry_now (reconnect);
}

static void
pm_connection_banner_dispose (GObject *object)
{
  PmConnectionBanner *self = PM_CONNECTION_BANNER (object);

  g_signal_group_set_target (self->reconnect_signals, NULL);
  /* AdwBin would unparent its child a second time after the template
   * has: let it go first. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PM_TYPE_CONNECTION_BANNER);
  g_clear_object (&self->reconnect_signals);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (pm_connection_banner_parent_class)->dispose (object);
}

static void
pm_connection_banner_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  PmConnectionBanner *self = PM_CONNECTION_BANNER (object);

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
pm_connection_banner_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  PmConnectionBanner *self = PM_CONNECTION_BANNER (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      pm_connection_banner_set_session (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pm_connection_banner_class_init (PmConnectionBannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pm_connection_banner_dispose;
  object_class->get_property = pm_connection_banner_get_property;
  object_class->set_property = pm_connection_banner_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, PM_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/pilotmonitor/PilotMonitor/pm-connection-banner.ui");
  gtk_widget_class_bind_template_child (widget_class, PmConnectionBanner, revealer);
  gtk_widget_class_bind_template_child (widget_class, PmConnectionBanner, label);

  gtk_widget_class_install_action (widget_class, "banner.retry", NULL, retry_action);
}

static void
pm_connection_banner_init (PmConnectionBanner *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->reconnect_signals = g_signal_group_new (PM_TYPE_RECONNECT);
  g_signal_group_connect_swapped (self->reconnect_signals, "notify::waiting", G_CALLBACK (update), self);
  g_signal_group_connect_swapped (self->reconnect_signals, "notify::seconds-left", G_CALLBACK (update), self);
  update (self);
}

void
pm_connection_banner_set_session (PmConnectionBanner *self,
                                  PmSession          *session)
{
  g_return_if_fail (PM_IS_CONNECTION_BANNER (self));
  g_return_if_fail (session == NULL || PM_IS_SESSION (session));

  if (!g_set_object (&self->session, session))
    return;

  g_signal_group_set_target (self->reconnect_signals, get_reconnect (self));
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

gboolean
pm_connection_banner_is_shown (PmConnectionBanner *self)
{
  g_return_val_if_fail (PM_IS_CONNECTION_BANNER (self), FALSE);

  return gtk_revealer_get_reveal_child (self->revealer);
}

const char *
pm_connection_banner_get_text (PmConnectionBanner *self)
{
  g_return_val_if_fail (PM_IS_CONNECTION_BANNER (self), NULL);

  return gtk_label_get_label (self->label);
}
