/* pm-window.c
 *
 * The window holds the open database (a PmStore) and its programme, and
 * shows one page at a time for what the sidebar selects. Every change goes
 * through the store; the pages are bound to the model objects, which the
 * store updates once a change has been written.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pm-format.h"
#include "pm-window-private.h"

G_DEFINE_FINAL_TYPE (PmWindow, pm_window, ADW_TYPE_APPLICATION_WINDOW)

static GSettings *
settings_new_if_installed (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  /* Run from a build tree without the compiled schema, the window still
   * works; it just remembers nothing. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema == NULL)
    return NULL;

  return g_settings_new (APPLICATION_ID);
}

static void
update_title (PmWindow *self)
{
  g_autofree char *basename = NULL;

  if (self->store != NULL && pm_store_is_server (self->store))
    basename = pm_store_describe_location (pm_store_get_path (self->store));
  else if (self->store != NULL)
    basename = g_path_get_basename (pm_store_get_path (self->store));

  adw_window_title_set_title (self->window_title,
                              self->programme != NULL ? pm_programme_get_name (self->programme)
                                                      : _("Pilot Monitor"));
  adw_window_title_set_subtitle (self->window_title, basename != NULL ? basename : "");
}

static void
programme_name_changed_cb (PmWindow *self)
{
  update_title (self);
}

static void
show_selected (PmWindow *self)
{
  GObject *item = pm_sidebar_get_selected_item (self->sidebar);

  if (self->programme == NULL || item == NULL)
    return;

  if (PM_IS_PILOT (item))
    {
      PmKpi *match = NULL;
      const char *key = pm_sidebar_get_search_key (self->sidebar);

      pm_pilot_page_set_pilot (self->pilot_page, PM_PILOT (item));
      gtk_stack_set_visible_child (self->stack, GTK_WIDGET (self->pilot_page));

      /* Found by a KPI's name: show that KPI. */
      if (key != NULL)
        match = pm_search_find_kpi (PM_PILOT (item), key);
      if (match != NULL)
        pm_pilot_page_select_kpi (self->pilot_page, match);
    }
  else
    {
      pm_overview_page_set_district (self->overview_page,
                                     PM_IS_DISTRICT (item) ? PM_DISTRICT (item) : NULL);
      gtk_stack_set_visible_child (self->stack, GTK_WIDGET (self->overview_page));
    }

  _pm_window_update_actions (self);
}

static void
sidebar_selected_cb (PmWindow *self)
{
  show_selected (self);

  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
back_clicked_cb (PmWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
period_changed_cb (PmWindow *self)
{
  g_autofree char *code = pm_period_to_code (pm_period_selector_get_period (self->period_selector));

  if (self->settings != NULL)
    g_settings_set_string (self->settings, "last-period", code);
}

static void
remember_database (PmWindow   *self,
                   const char *path)
{
  g_auto(GStrv) recent = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) updated = NULL;
  g_autofree char *safe = NULL;
  guint kept = 1;

  if (self->settings == NULL)
    return;

  /* A server's password is never written down. */
  safe = pm_store_location_to_keep (path);
  if (safe == NULL)
    return;
  path = safe;

  g_settings_set_string (self->settings, "last-database", path);

  /* Most recent first, no duplicates, ten at most. */
  g_strv_builder_add (builder, path);
  recent = g_settings_get_strv (self->settings, "recent-databases");
  for (guint i = 0; recent[i] != NULL && kept < 10; i++)
    {
      if (g_strcmp0 (recent[i], path) == 0)
        continue;
      g_strv_builder_add (builder, recent[i]);
      kept++;
    }
  updated = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-databases", (const char * const *) updated);
}

/* Makes @store (and @programme, NULL for an empty database) the window's
 * document. */
static void
set_document (PmWindow    *self,
              PmStore     *store,
              PmProgramme *programme)
{
  if (self->programme != NULL)
    g_signal_handlers_disconnect_by_data (self->programme, self);

  g_clear_pointer (&self->undo, pm_undo_free);
  if (self->toast != NULL)
    adw_toast_dismiss (self->toast);

  g_set_object (&self->store, store);
  g_set_object (&self->programme, programme);

  pm_period_selector_set_programme (self->period_selector, programme);
  pm_sidebar_set_programme (self->sidebar, programme);
  pm_overview_page_set_programme (self->overview_page, programme);
  pm_pilot_page_set_pilot (self->pilot_page, NULL);

  if (programme != NULL)
    {
      g_signal_connect_swapped (programme, "notify::name", G_CALLBACK (programme_name_changed_cb), self);
      show_selected (self);
      gtk_stack_set_visible_child (self->stack, GTK_WIDGET (self->overview_page));
    }
  else
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }

  update_title (self);
  _pm_window_update_actions (self);
}

static void
show_error_page (PmWindow     *self,
                 const char   *path,
                 const GError *error)
{
  g_autofree char *basename = pm_store_location_is_server (path) ? pm_store_describe_location (path)
                                                                   : g_path_get_basename (path);
  g_autofree char *title = g_strdup_printf (_("Could Not Open “%s”"), basename);

  set_document (self, NULL, NULL);
  adw_status_page_set_title (self->error_page, title);
  adw_status_page_set_description (self->error_page, error->message);
  gtk_stack_set_visible_child_name (self->stack, "error");
}

/* The name the audit trail and returns carry: as typed in preferences,
 * else the account's real name. */
char *
_pm_window_get_author (PmWindow *self)
{
  g_autofree char *typed = NULL;
  const char *real_name = g_get_real_name ();

  if (self->settings != NULL)
    typed = g_settings_get_string (self->settings, "author-name");
  if (typed != NULL && *g_strstrip (typed) != '\0')
    return g_steal_pointer (&typed);
  if (real_name != NULL && g_strcmp0 (real_name, "Unknown") != 0 && real_name[0] != '\0')
    return g_strdup (real_name);

  return NULL;
}

static void
author_changed_cb (PmWindow *self)
{
  g_autofree char *author = _pm_window_get_author (self);

  if (self->store != NULL)
    pm_store_set_author (self->store, author);
}

gboolean
_pm_window_open (PmWindow          *self,
                 const char        *path,
                 PmStoreOpenFlags   flags,
                 GError           **error)
{
  return _pm_window_open_with_password (self, path, NULL, flags, error);
}

gboolean
_pm_window_open_with_password (PmWindow          *self,
                               const char        *path,
                               const char        *password,
                               PmStoreOpenFlags   flags,
                               GError           **error)
{
  g_autoptr(PmStore) store = NULL;
  g_autoptr(PmProgramme) programme = NULL;

  g_return_val_if_fail (PM_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  store = pm_store_open_with_password (path, password, flags, error);
  if (store == NULL)
    return FALSE;

  {
    g_autofree char *author = _pm_window_get_author (self);

    pm_store_set_author (store, author);
  }

  if (!pm_store_is_empty (store))
    {
      programme = pm_store_load (store, error);
      if (programme == NULL)
        return FALSE;
    }

  set_document (self, store, programme);
  remember_database (self, path);

  return TRUE;
}

/* Toasts and undo */

static void
toast_dismissed_cb (AdwToast *toast,
                    PmWindow *self)
{
  if (toast != self->toast)
    return;

  g_clear_object (&self->toast);
  g_clear_pointer (&self->undo, pm_undo_free);
}

void
_pm_window_report_saved (PmWindow   *self,
                         const char *message,
                         PmUndo     *undo)
{
  AdwToast *toast;

  g_return_if_fail (PM_IS_WINDOW (self));
  g_return_if_fail (message != NULL);

  /* Only the latest change can be undone: its toast replaces the last. */
  if (self->toast != NULL)
    {
      g_autoptr(AdwToast) old = g_steal_pointer (&self->toast);
      adw_toast_dismiss (old);
    }
  g_clear_pointer (&self->undo, pm_undo_free);

  toast = adw_toast_new (message);
  if (undo != NULL)
    {
      self->undo = undo;
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.undo");
    }
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (toast_dismissed_cb), self, 0);
  self->toast = g_object_ref (toast);
  adw_toast_overlay_add_toast (self->toasts, toast);
}

void
_pm_window_report_error (PmWindow     *self,
                         const char   *heading,
                         const GError *error)
{
  GtkWidget *dialog;

  g_return_if_fail (PM_IS_WINDOW (self));
  g_return_if_fail (error != NULL);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_pm_window_undo (PmWindow *self)
{
  g_autoptr(PmUndo) undo = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (PM_IS_WINDOW (self));

  undo = g_steal_pointer (&self->undo);
  if (undo == NULL || self->store == NULL)
    return;

  if (!pm_undo_run (undo, self->store, &error))
    {
      _pm_window_report_error (self, _("Could Not Undo"), error);
      return;
    }

  _pm_window_report_saved (self, _("Change undone"), NULL);
}

AdwToast *
_pm_window_get_toast (PmWindow *self)
{
  g_return_val_if_fail (PM_IS_WINDOW (self), NULL);

  return self->toast;
}

/* Navigation */

PmPeriod *
_pm_window_get_period (PmWindow *self)
{
  g_return_val_if_fail (PM_IS_WINDOW (self), NULL);

  return pm_period_selector_get_period (self->period_selector);
}

void
_pm_window_show_item (PmWindow *self,
                      GObject  *item)
{
  g_return_if_fail (PM_IS_WINDOW (self));
  g_return_if_fail (G_IS_OBJECT (item));

  pm_sidebar_select (self->sidebar, item);
}

void
_pm_window_show_kpi (PmWindow *self,
                     PmKpi    *kpi)
{
  PmPilot *pilot;

  g_return_if_fail (PM_IS_WINDOW (self));
  g_return_if_fail (PM_IS_KPI (kpi));

  pilot = pm_kpi_get_pilot (kpi);
  if (pilot == NULL || !pm_sidebar_select (self->sidebar, G_OBJECT (pilot)))
    return;

  pm_pilot_page_select_kpi (self->pilot_page, kpi);
}

PmPilot *
_pm_window_get_current_pilot (PmWindow *self)
{
  GObject *item;

  g_return_val_if_fail (PM_IS_WINDOW (self), NULL);

  item = pm_sidebar_get_selected_item (self->sidebar);
  return PM_IS_PILOT (item) ? PM_PILOT (item) : NULL;
}

PmDistrict *
_pm_window_get_current_district (PmWindow *self)
{
  GObject *item;

  g_return_val_if_fail (PM_IS_WINDOW (self), NULL);

  item = pm_sidebar_get_selected_item (self->sidebar);
  if (PM_IS_DISTRICT (item))
    return PM_DISTRICT (item);
  if (PM_IS_PILOT (item))
    return pm_pilot_get_district (PM_PILOT (item));

  return NULL;
}

/* GObject */

static gboolean
pm_window_close_request (GtkWindow *window)
{
  PmWindow *self = PM_WINDOW (window);
  int width = 0, height = 0;

  /* A narrative being typed is saved before the window goes. */
  pm_pilot_page_flush (self->pilot_page);

  if (self->settings != NULL)
    {
      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
      g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
    }

  return GTK_WINDOW_CLASS (pm_window_parent_class)->close_request (window);
}

/* Other people's changes */

/* Loads the programme again, keeping what is shown: the pilot or district
 * and the KPI, found again by their ids, and the period. */
void
_pm_window_reload (PmWindow *self)
{
  g_autoptr(PmProgramme) programme = NULL;
  g_autoptr(PmStore) store = NULL;
  g_autoptr(PmPeriod) period = NULL;
  g_autoptr(GError) error = NULL;
  GObject *item;
  PmKpi *kpi;
  gint64 item_id = 0, kpi_id = 0;
  gboolean item_is_pilot = FALSE;

  g_return_if_fail (PM_IS_WINDOW (self));

  if (self->store == NULL || self->programme == NULL)
    return;

  programme = pm_store_load (self->store, &error);
  if (programme == NULL)
    {
      _pm_window_report_error (self, _("Could Not Read Other People’s Changes"), error);
      return;
    }

  item = pm_sidebar_get_selected_item (self->sidebar);
  if (PM_IS_PILOT (item))
    {
      item_is_pilot = TRUE;
      item_id = pm_pilot_get_id (PM_PILOT (item));
    }
  else if (PM_IS_DISTRICT (item))
    item_id = pm_district_get_id (PM_DISTRICT (item));
  kpi = pm_pilot_page_get_selected_kpi (self->pilot_page);
  if (kpi != NULL)
    kpi_id = pm_kpi_get_id (kpi);
  period = g_object_ref (_pm_window_get_period (self));

  store = g_object_ref (self->store);
  set_document (self, store, programme);
  pm_period_selector_set_period (self->period_selector, period);

  if (item_id != 0)
    {
      GListModel *districts = pm_programme_get_districts (programme);

      for (guint d = 0; d < g_list_model_get_n_items (districts); d++)
        {
          g_autoptr(PmDistrict) district = g_list_model_get_item (districts, d);
          GListModel *pilots = pm_district_get_pilots (district);

          if (!item_is_pilot && pm_district_get_id (district) == item_id)
            _pm_window_show_item (self, G_OBJECT (district));

          for (guint p = 0; item_is_pilot && p < g_list_model_get_n_items (pilots); p++)
            {
              g_autoptr(PmPilot) pilot = g_list_model_get_item (pilots, p);
              GListModel *kpis = pm_pilot_get_kpis (pilot);

              if (pm_pilot_get_id (pilot) != item_id)
                continue;

              _pm_window_show_item (self, G_OBJECT (pilot));
              for (guint k = 0; k < g_list_model_get_n_items (kpis); k++)
                {
                  g_autoptr(PmKpi) each = g_list_model_get_item (kpis, k);

                  if (pm_kpi_get_id (each) == kpi_id)
                    _pm_window_show_kpi (self, each);
                }
            }
        }
    }

  _pm_window_report_saved (self, _("Updated with changes made elsewhere"), NULL);
}

/* Asked when the window comes to the front, and every few seconds while it
 * is there: cheap on both engines (a pragma, or notifications already
 * received). */
static void
check_for_changes (PmWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (self->store == NULL || self->programme == NULL)
    return;

  /* Not under an open dialog that holds objects of this programme. */
  if (!gtk_window_is_active (GTK_WINDOW (self)))
    return;

  if (pm_store_poll_changes (self->store, &error))
    _pm_window_reload (self);
  else if (error != NULL)
    g_warning ("Could not check for other people’s changes: %s", error->message);
}

static gboolean
poll_cb (gpointer data)
{
  check_for_changes (PM_WINDOW (data));
  return G_SOURCE_CONTINUE;
}

static void
is_active_changed_cb (PmWindow *self)
{
  check_for_changes (self);
}

static void
pm_window_dispose (GObject *object)
{
  PmWindow *self = PM_WINDOW (object);

  g_clear_handle_id (&self->poll_id, g_source_remove);

  if (self->programme != NULL)
    g_signal_handlers_disconnect_by_data (self->programme, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), PM_TYPE_WINDOW);
  g_clear_pointer (&self->undo, pm_undo_free);
  g_clear_object (&self->toast);
  g_clear_object (&self->programme);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (pm_window_parent_class)->dispose (object);
}

static void
pm_window_class_init (PmWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = pm_window_dispose;
  window_class->close_request = pm_window_close_request;

  g_type_ensure (PM_TYPE_SIDEBAR);
  g_type_ensure (PM_TYPE_PERIOD_SELECTOR);
  g_type_ensure (PM_TYPE_OVERVIEW_PAGE);
  g_type_ensure (PM_TYPE_PILOT_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pilotmonitor/PilotMonitor/pm-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PmWindow, toasts);
  gtk_widget_class_bind_template_child (widget_class, PmWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, PmWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, PmWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, PmWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, PmWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, PmWindow, period_selector);
  gtk_widget_class_bind_template_child (widget_class, PmWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, PmWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, PmWindow, overview_page);
  gtk_widget_class_bind_template_child (widget_class, PmWindow, pilot_page);
  gtk_widget_class_bind_template_child (widget_class, PmWindow, recent_menu);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, period_changed_cb);
}

static void
restore_state (PmWindow *self)
{
  g_autofree char *code = NULL;
  g_autoptr(PmPeriod) period = NULL;

  if (self->settings == NULL)
    return;

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  /* An unreadable remembered period is no reason to complain: use today's. */
  code = g_settings_get_string (self->settings, "last-period");
  if (code[0] != '\0')
    period = pm_period_parse (code, NULL);
  if (period != NULL)
    pm_period_selector_set_period (self->period_selector, period);
}

static void
pm_window_init (PmWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = settings_new_if_installed ();
  if (self->settings != NULL)
    g_signal_connect_object (self->settings, "changed::author-name",
                             G_CALLBACK (author_changed_cb), self, G_CONNECT_SWAPPED);

  g_object_bind_property (self->period_selector, "period", self->overview_page, "period", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->period_selector, "period", self->pilot_page, "period", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->search_button, "active", self->sidebar, "search-mode",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  pm_sidebar_set_key_capture_widget (self->sidebar, GTK_WIDGET (self->sidebar));

  restore_state (self);
  _pm_window_install_actions (self);
  update_title (self);

  g_signal_connect (self, "notify::is-active", G_CALLBACK (is_active_changed_cb), NULL);
  self->poll_id = g_timeout_add_seconds (5, poll_cb, self);
}

/* Public API */

PmWindow *
pm_window_new (PmApplication *application)
{
  return g_object_new (PM_TYPE_WINDOW, "application", application, NULL);
}

gboolean
pm_window_open_database (PmWindow   *self,
                         const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *heading = NULL;

  g_return_val_if_fail (PM_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (_pm_window_open (self, path, PM_STORE_OPEN_CREATE, &error))
    return TRUE;

  /* A server remembered without its password: ask for it. */
  if (g_error_matches (error, PM_STORE_ERROR, PM_STORE_ERROR_AUTHENTICATION))
    {
      if (self->store == NULL)
        show_error_page (self, path, error);
      _pm_window_connect (self, path, error->message);
      return FALSE;
    }

  if (self->store == NULL)
    {
      show_error_page (self, path, error);
      return FALSE;
    }

  basename = pm_store_location_is_server (path) ? pm_store_describe_location (path)
                                                : g_path_get_basename (path);
  heading = g_strdup_printf (_("Could Not Open “%s”"), basename);
  _pm_window_report_error (self, heading, error);

  return FALSE;
}

PmStore *
pm_window_get_store (PmWindow *self)
{
  g_return_val_if_fail (PM_IS_WINDOW (self), NULL);

  return self->store;
}

PmProgramme *
pm_window_get_programme (PmWindow *self)
{
  g_return_val_if_fail (PM_IS_WINDOW (self), NULL);

  return self->programme;
}
