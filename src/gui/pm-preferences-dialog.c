/* pm-preferences-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pm-preferences-dialog.h"

struct _PmPreferencesDialog
{
  AdwPreferencesWindow  parent_instance;

  /* Template widgets */
  AdwPreferencesGroup  *you_group;
  AdwEntryRow          *author_row;

  /* Owned references */
  PmSession            *session;
};

G_DEFINE_FINAL_TYPE (PmPreferencesDialog, pm_preferences_dialog, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pm_preferences_dialog_constructed (GObject *object)
{
  PmPreferencesDialog *self = PM_PREFERENCES_DIALOG (object);
  GSettings *settings = self->session != NULL ? pm_session_get_settings (self->session) : NULL;

  G_OBJECT_CLASS (pm_preferences_dialog_parent_class)->constructed (object);

  /* The name written into the audit trail and the returns. */
  if (settings != NULL)
    g_settings_bind (settings, "author-name", self->author_row, "text", G_SETTINGS_BIND_DEFAULT);
}

static void
pm_preferences_dialog_dispose (GObject *object)
{
  PmPreferencesDialog *self = PM_PREFERENCES_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PM_TYPE_PREFERENCES_DIALOG);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (pm_preferences_dialog_parent_class)->dispose (object);
}

static void
pm_preferences_dialog_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  PmPreferencesDialog *self = PM_PREFERENCES_DIALOG (object);

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
pm_preferences_dialog_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  PmPreferencesDialog *self = PM_PREFERENCES_DIALOG (object);

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
pm_preferences_dialog_class_init (PmPreferencesDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = pm_preferences_dialog_constructed;
  object_class->dispose = pm_preferences_dialog_dispose;
  object_class->get_property = pm_preferences_dialog_get_property;
  object_class->set_property = pm_preferences_dialog_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, PM_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/pilotmonitor/PilotMonitor/pm-preferences-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PmPreferencesDialog, you_group);
  gtk_widget_class_bind_template_child (widget_class, PmPreferencesDialog, author_row);
}

static void
pm_preferences_dialog_init (PmPreferencesDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

PmPreferencesDialog *
pm_preferences_dialog_new (GtkWindow *parent,
                           PmSession *session)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (PM_IS_SESSION (session), NULL);

  return g_object_new (PM_TYPE_PREFERENCES_DIALOG,
                       "transient-for", parent,
                       "session", session,
                       NULL);
}

void
pm_preferences_dialog_ask_name (PmPreferencesDialog *self)
{
  g_autofree char *description = NULL;
  const char *login;

  g_return_if_fail (PM_IS_PREFERENCES_DIALOG (self));

  login = self->session != NULL ? pm_session_get_author (self->session) : NULL;
  /* Translators: %s is the account's login, such as “jsmith” */
  description = g_strdup_printf (_("Your changes are being recorded as “%s”, the name of your account. "
                                   "Give your name as colleagues know it: it is recorded with every change "
                                   "you make and written into the quarterly returns you send."),
                                 login != NULL ? login : "");
  adw_preferences_group_set_description (self->you_group, description);
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->author_row));
}
