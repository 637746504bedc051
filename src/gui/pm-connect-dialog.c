/* pm-connect-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "pm-connect-dialog.h"

struct _PmConnectDialog
{
  AdwMessageDialog  parent_instance;

  /* Template widgets */
  GtkEditable      *server_entry;
  GtkEditable      *database_entry;
  GtkEditable      *user_entry;
  GtkEditable      *password_entry;
  AdwExpanderRow   *advanced_row;
  GtkEditable      *address_entry;   /* the connection string, in Advanced */

  /* Owned references */
  PmSession        *session;

  gboolean          syncing;         /* the fields and the string, in step */
};

G_DEFINE_FINAL_TYPE (PmConnectDialog, pm_connect_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The fields make the connection string, keeping its other settings. */
static void
field_changed_cb (PmConnectDialog *self)
{
  g_autofree char *location = NULL;

  if (self->syncing)
    return;

  location = pm_store_server_location (gtk_editable_get_text (self->address_entry),
                                       gtk_editable_get_text (self->server_entry),
                                       gtk_editable_get_text (self->database_entry),
                                       gtk_editable_get_text (self->user_entry));
  self->syncing = TRUE;
  gtk_editable_set_text (self->address_entry, location != NULL ? location : "");
  self->syncing = FALSE;
}

/* A connection string typed (or given) fills the fields it names. */
static void
address_changed_cb (PmConnectDialog *self)
{
  const char *location = gtk_editable_get_text (self->address_entry);
  g_autofree char *server = NULL;
  g_autofree char *database = NULL;
  g_autofree char *user = NULL;

  if (self->syncing || !pm_store_location_is_server (location) ||
      !pm_store_server_location_parts (location, &server, &database, &user))
    return;

  self->syncing = TRUE;
  gtk_editable_set_text (self->server_entry, server);
  gtk_editable_set_text (self->database_entry, database);
  gtk_editable_set_text (self->user_entry, user);
  self->syncing = FALSE;
}

/* What is needed once the server has answered: the dialog has gone. */
typedef struct
{
  GtkWindow *parent;
  char      *location;
} Connecting;

static void
connecting_free (Connecting *connecting)
{
  g_clear_object (&connecting->parent);
  g_free (connecting->location);
  g_free (connecting);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Connecting, connecting_free)

static void
connected_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(Connecting) connecting = user_data;
  PmSession *session = PM_SESSION (source);
  g_autoptr(GError) error = NULL;

  if (pm_session_open_finish (session, result, &error) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (g_error_matches (error, PM_STORE_ERROR, PM_STORE_ERROR_AUTHENTICATION))
    pm_connect_dialog_ask (connecting->parent, session, connecting->location, error->message);
  else
    pm_session_report_failure (session, _("Could Not Connect"), error);
}

/* The window stays live while the server is reached and the programme
 * loaded (pm_session_open_async()), and shows it. */
static void
connect_to (PmConnectDialog *self,
            const char      *location,
            const char      *password)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  Connecting *connecting;

  if (!pm_store_location_is_server (location))
    {
      pm_connect_dialog_ask (parent, self->session, location,
                             _("Give the server and the name of the database on it."));
      return;
    }

  connecting = g_new0 (Connecting, 1);
  connecting->parent = parent != NULL ? g_object_ref (parent) : NULL;
  connecting->location = g_strdup (location);
  pm_session_open_async (self->session, location, password[0] != '\0' ? password : NULL,
                         PM_STORE_OPEN_CREATE, connected_cb, connecting);
}

static void
pm_connect_dialog_response (AdwMessageDialog *dialog,
                            const char       *response)
{
  PmConnectDialog *self = PM_CONNECT_DIALOG (dialog);
  g_autofree char *location = g_strstrip (g_strdup (gtk_editable_get_text (self->address_entry)));
  g_autofree char *secret = g_strdup (gtk_editable_get_text (self->password_entry));

  /* The password leaves the field whatever happens next. GTK 4.8's
   * password entry stays connected to the keyboard's caps lock while it
   * has focus, and would be called after the dialog has gone. */
  gtk_editable_set_text (self->password_entry, "");
  gtk_window_set_focus (GTK_WINDOW (dialog), NULL);

  if (g_str_equal (response, "connect") && self->session != NULL)
    connect_to (self, location, secret);

  /* Not left in freed memory either. */
  memset (secret, 0, strlen (secret));

  if (ADW_MESSAGE_DIALOG_CLASS (pm_connect_dialog_parent_class)->response != NULL)
    ADW_MESSAGE_DIALOG_CLASS (pm_connect_dialog_parent_class)->response (dialog, response);
}

static void
pm_connect_dialog_dispose (GObject *object)
{
  PmConnectDialog *self = PM_CONNECT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PM_TYPE_CONNECT_DIALOG);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (pm_connect_dialog_parent_class)->dispose (object);
}

static void
pm_connect_dialog_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  PmConnectDialog *self = PM_CONNECT_DIALOG (object);

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
pm_connect_dialog_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  PmConnectDialog *self = PM_CONNECT_DIALOG (object);

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
pm_connect_dialog_class_init (PmConnectDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AdwMessageDialogClass *dialog_class = ADW_MESSAGE_DIALOG_CLASS (klass);

  object_class->dispose = pm_connect_dialog_dispose;
  object_class->get_property = pm_connect_dialog_get_property;
  object_class->set_property = pm_connect_dialog_set_property;
  dialog_class->response = pm_connect_dialog_response;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, PM_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/pilotmonitor/PilotMonitor/pm-connect-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PmConnectDialog, server_entry);
  gtk_widget_class_bind_template_child (widget_class, PmConnectDialog, database_entry);
  gtk_widget_class_bind_template_child (widget_class, PmConnectDialog, user_entry);
  gtk_widget_class_bind_template_child (widget_class, PmConnectDialog, password_entry);
  gtk_widget_class_bind_template_child (widget_class, PmConnectDialog, advanced_row);
  gtk_widget_class_bind_template_child (widget_class, PmConnectDialog, address_entry);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, address_changed_cb);
}

static void
pm_connect_dialog_init (PmConnectDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

PmConnectDialog *
pm_connect_dialog_new (GtkWindow  *parent,
                       PmSession  *session,
                       const char *location,
                       const char *problem)
{
  g_autofree char *kept = location != NULL ? pm_store_location_to_keep (location) : NULL;
  g_autofree char *body = NULL;
  PmConnectDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (PM_IS_SESSION (session), NULL);

  body = g_strdup_printf ("%s%s%s",
                          problem != NULL ? problem : "",
                          problem != NULL ? "\n\n" : "",
                          _("A programme shared by a team lives in a database on a server. "
                            "Give the server, the database and your user name there, and your "
                            "password: it goes to the server only and is never saved."));
  self = g_object_new (PM_TYPE_CONNECT_DIALOG,
                       "transient-for", parent,
                       "session", session,
                       "body", body,
                       NULL);
  if (kept != NULL)
    {
      const char *server, *database, *user;
      g_autofree char *plain = NULL;
      g_autofree char *full = NULL;

      gtk_editable_set_text (self->address_entry, kept);
      /* Settings beyond the fields' are shown, not hidden. */
      server = gtk_editable_get_text (self->server_entry);
      database = gtk_editable_get_text (self->database_entry);
      user = gtk_editable_get_text (self->user_entry);
      plain = pm_store_server_location (NULL, server, database, user);
      full = pm_store_server_location (kept, server, database, user);
      adw_expander_row_set_expanded (self->advanced_row, g_strcmp0 (plain, full) != 0);
    }

  return self;
}

void
pm_connect_dialog_ask (GtkWindow  *parent,
                       PmSession  *session,
                       const char *location,
                       const char *problem)
{
  PmConnectDialog *self = pm_connect_dialog_new (parent, session, location, problem);

  gtk_window_present (GTK_WINDOW (self));
  gtk_widget_grab_focus (gtk_editable_get_text (self->database_entry)[0] != '\0'
                         ? GTK_WIDGET (self->password_entry)
                         : GTK_WIDGET (self->server_entry));
}
