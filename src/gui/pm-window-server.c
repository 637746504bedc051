/* pm-window-server.c: opening a server's programme, the window live
 *
 * Connecting to a server and loading a large programme take seconds;
 * they run in a worker (pm_session_open_async()) while the window shows
 * what is being opened, with a spinner and a Cancel, and stays live.
 * Cancelled, the window goes back to what it showed before.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pm-connect-dialog.h"
#include "pm-window-private.h"

static void
opening_changed_cb (PmWindow *self)
{
  const char *opening = pm_session_get_opening (self->session);

  /* Spinning only while it shows: a spinning spinner anywhere in the
   * window, even on a page not shown, keeps its styles ticking every
   * frame. */
  gtk_spinner_set_spinning (self->opening_spinner, opening != NULL);
  if (opening != NULL)
    {
      if (self->page_before_opening == NULL)
        self->page_before_opening = g_intern_string (gtk_stack_get_visible_child_name (self->stack));
      adw_status_page_set_title (self->opening_page, opening);
      gtk_stack_set_visible_child_name (self->stack, "opening");
    }
  else if (self->page_before_opening != NULL)
    {
      /* A programme opened shows itself (the session's "programme"
       * notification follows); cancelled, what was there comes back. */
      gtk_stack_set_visible_child_name (self->stack, self->page_before_opening);
      self->page_before_opening = NULL;
    }
}

typedef struct
{
  PmWindow *window;
  char     *location;
} Opening;

static void
opening_free (Opening *opening)
{
  g_object_unref (opening->window);
  g_free (opening->location);
  g_free (opening);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Opening, opening_free)

static void
server_opened_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(Opening) opening = user_data;
  PmWindow *self = opening->window;
  PmSession *session = PM_SESSION (source);
  g_autoptr(GError) error = NULL;

  if (pm_session_open_finish (session, result, &error) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->session == NULL)
    return;

  /* A server remembered without its password: ask for it. */
  if (g_error_matches (error, PM_STORE_ERROR, PM_STORE_ERROR_AUTHENTICATION))
    {
      if (pm_session_get_store (session) == NULL)
        _pm_window_report_open_failure (self, opening->location, error);
      pm_connect_dialog_ask (GTK_WINDOW (self), session, opening->location, error->message);
      return;
    }

  _pm_window_report_open_failure (self, opening->location, error);
}

void
_pm_window_open_server (PmWindow         *self,
                        const char       *location,
                        const char       *password,
                        PmStoreOpenFlags  flags)
{
  Opening *opening;

  g_return_if_fail (PM_IS_WINDOW (self));
  g_return_if_fail (location != NULL);

  opening = g_new0 (Opening, 1);
  opening->window = g_object_ref (self);
  opening->location = g_strdup (location);
  pm_session_open_async (self->session, location, password, flags, server_opened_cb, opening);
}

static void
cancel_opening_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  PmWindow *self = PM_WINDOW (widget);

  pm_session_cancel_opening (self->session);
}

void
_pm_window_class_init_server (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, PmWindow, opening_page);
  gtk_widget_class_bind_template_child (widget_class, PmWindow, opening_spinner);
  gtk_widget_class_install_action (widget_class, "win.cancel-opening", NULL, cancel_opening_action);
}

void
_pm_window_server_init (PmWindow *self)
{
  g_signal_connect_object (self->session, "notify::opening",
                           G_CALLBACK (opening_changed_cb), self, G_CONNECT_SWAPPED);
}
