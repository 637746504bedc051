/* pm-window-actions.c: the window's actions, and which may be used now
 *
 * _pm_window_class_actions_init() installs every win.* action of the
 * menus, as GNOME Text Editor's editor-window-actions.c does; each
 * concern has its file (pm-window-files.c, -returns.c, -export.c,
 * -structure.c), and the few left here are the window's own: Undo,
 * Redo, Search and Preferences. The window's navigation actions (win.show-*)
 * are in pm-window.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pm-preferences-dialog.h"
#include "pm-window-private.h"

#define MAX_RECENT 10

/* Preferences */

static void
preferences_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PmWindow *self = PM_WINDOW (widget);

  if (pm_session_get_settings (self->session) == NULL)
    return;

  gtk_window_present (GTK_WINDOW (pm_preferences_dialog_new (GTK_WINDOW (self), self->session)));
}

/* The person's name, asked once when the account gives only a login:
 * Preferences, open on the name. */
void
_pm_window_ask_author (PmWindow *self)
{
  PmPreferencesDialog *dialog;

  if (pm_session_get_settings (self->session) == NULL)
    return;

  dialog = pm_preferences_dialog_new (GTK_WINDOW (self), self->session);
  pm_preferences_dialog_ask_name (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Undo, redo and search */

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PmWindow *self = PM_WINDOW (widget);

  pm_session_undo (self->session);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PmWindow *self = PM_WINDOW (widget);

  pm_session_redo (self->session);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PmWindow *self = PM_WINDOW (widget);

  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  pm_sidebar_set_search_mode (self->sidebar, TRUE);
}

/* State */

void
_pm_window_update_actions (PmWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  PmStore *store = pm_session_get_store (self->session);
  PmProgramme *programme = pm_session_get_programme (self->session);
  gboolean open = programme != NULL;
  gboolean has_districts = open && g_list_model_get_n_items (pm_programme_get_districts (programme)) > 0;
  gboolean on_district = open && PM_IS_DISTRICT (pm_sidebar_get_selected_item (self->sidebar));
  /* What the role on a server allows: a viewer changes nothing, a lead
   * only their districts' values (the pages ask for each district). */
  gboolean structure = pm_session_may_edit_structure (self->session);
  gboolean writes = pm_session_get_access (self->session) != PM_ACCESS_VIEWER;

  gtk_widget_action_set_enabled (widget, "win.create-programme", store != NULL && !open && structure);
  gtk_widget_action_set_enabled (widget, "win.save-as", store != NULL);
  gtk_widget_action_set_enabled (widget, "win.import", structure);
  gtk_widget_action_set_enabled (widget, "win.export", open);
  gtk_widget_action_set_enabled (widget, "win.import-values", open && writes);
  gtk_widget_action_set_enabled (widget, "win.import-returns", open && writes);
  gtk_widget_action_set_enabled (widget, "win.print", open);
  gtk_widget_action_set_enabled (widget, "win.freeze-round", open && store != NULL && structure);
  gtk_widget_action_set_enabled (widget, "win.export-document", open);
  gtk_widget_action_set_enabled (widget, "win.export-to", open);
  gtk_widget_action_set_enabled (widget, "win.send-return", open);
  gtk_widget_action_set_enabled (widget, "win.search", open);
  gtk_widget_action_set_enabled (widget, "win.add-district", open && structure);
  gtk_widget_action_set_enabled (widget, "win.add-pilot", has_districts && structure);
  gtk_widget_action_set_enabled (widget, "win.edit-programme", open && structure);
  gtk_widget_action_set_enabled (widget, "win.edit-district", on_district && structure);
  gtk_widget_action_set_enabled (widget, "win.delete-district", on_district && structure);
  gtk_widget_action_set_enabled (widget, "win.show-people", open && pm_session_may_manage_people (self->session));
  gtk_widget_set_visible (self->people_button, open && pm_session_may_manage_people (self->session));
}

void
_pm_window_update_recent (PmWindow *self)
{
  GSettings *settings = pm_session_get_settings (self->session);
  g_auto(GStrv) recent = NULL;

  g_menu_remove_all (self->recent_menu);
  if (settings == NULL)
    return;

  recent = g_settings_get_strv (settings, "recent-databases");
  for (guint i = 0; recent[i] != NULL && i < MAX_RECENT; i++)
    {
      g_autofree char *basename = NULL;
      g_autoptr(GMenuItem) item = NULL;

      /* A file moved away since is not offered; a server is. */
      if (pm_store_location_is_server (recent[i]))
        basename = pm_store_describe_location (recent[i]);
      else if (g_file_test (recent[i], G_FILE_TEST_EXISTS))
        basename = g_path_get_basename (recent[i]);
      else
        continue;

      item = g_menu_item_new (basename, NULL);
      g_menu_item_set_action_and_target_value (item, "win.open-recent", g_variant_new_string (recent[i]));
      g_menu_append_item (self->recent_menu, item);
    }
}

/* What could not be read */

static void
read_toast_dismissed_cb (AdwToast *toast,
                         PmWindow *self)
{
  if (toast == self->read_toast)
    g_clear_object (&self->read_toast);
}

/* A read that fails may fail again at each redraw or poll: one toast
 * says so until it goes, and Details gives the reason. */
void
_pm_window_show_read_failure (PmWindow     *self,
                              const char   *heading,
                              const GError *error)
{
  g_autoptr(AdwToast) toast = NULL;
  g_autofree char *markup = NULL;

  g_return_if_fail (PM_IS_WINDOW (self));

  if (self->read_toast != NULL && g_strcmp0 (self->read_heading, heading) == 0)
    return;

  g_free (self->read_heading);
  self->read_heading = g_strdup (heading);
  g_clear_error (&self->read_error);
  self->read_error = g_error_copy (error);

  /* A toast's title is markup. */
  markup = g_markup_escape_text (heading, -1);
  toast = adw_toast_new (markup);
  adw_toast_set_button_label (toast, _("_Details"));
  adw_toast_set_action_name (toast, "win.read-failure-details");
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (read_toast_dismissed_cb), self, 0);
  g_set_object (&self->read_toast, toast);
  adw_toast_overlay_add_toast (self->toasts, g_steal_pointer (&toast));
}

static void
read_failure_details_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  PmWindow *self = PM_WINDOW (widget);
  GtkWidget *dialog;

  if (self->read_error == NULL)
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), self->read_heading, self->read_error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_pm_window_class_actions_init (GtkWidgetClass *widget_class)
{
  _pm_window_class_init_files (widget_class);
  _pm_window_class_init_returns (widget_class);
  _pm_window_class_init_export (widget_class);
  _pm_window_class_init_structure (widget_class);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.preferences", NULL, preferences_action);
  gtk_widget_class_install_action (widget_class, "win.read-failure-details", NULL,
                                   read_failure_details_action);
}

void
_pm_window_actions_init (PmWindow *self)
{
  GSettings *settings = pm_session_get_settings (self->session);

  if (settings != NULL)
    g_signal_connect_object (settings, "changed::recent-databases",
                             G_CALLBACK (_pm_window_update_recent), self, G_CONNECT_SWAPPED);

  _pm_window_update_recent (self);
  _pm_window_update_actions (self);
}
