/* pm-window.c
 *
 * The window makes the session (the open database, its programme, the
 * quarter shown) that its pages and dialogs work on, and shows one page
 * at a time for what the sidebar selects. Every change goes through the
 * store; the pages are bound to the model objects, which the store
 * updates once a change has been written. What the session reports, the
 * window shows: a toast for a change saved (with Undo when it can be
 * taken back, Redo when it was an undo that can be made again), a
 * dialog for a failure.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pm-connect-dialog.h"
#include "pm-connection-banner.h"
#include "pm-format.h"
#include "pm-watch.h"
#include "pm-window-private.h"

G_DEFINE_FINAL_TYPE (PmWindow, pm_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_title (PmWindow *self)
{
  PmStore *store = pm_session_get_store (self->session);
  PmProgramme *programme = pm_session_get_programme (self->session);
  g_autofree char *basename = NULL;
  g_autofree char *person = pm_session_describe_person (self->session);

  if (store != NULL && pm_store_is_server (store))
    basename = pm_store_describe_location (pm_store_get_path (store));
  else if (store != NULL)
    basename = g_path_get_basename (pm_store_get_path (store));

  /* On a server, who you are and as what comes first, where a narrow
   * window keeps it. */
  if (person != NULL && basename != NULL)
    {
      /* Translators: the window's subtitle: "jo, lead of Cannock Chase · pilots on db.example.org" */
      g_autofree char *subtitle = g_strdup_printf (_("%s · %s"), person, basename);

      g_free (basename);
      basename = g_steal_pointer (&subtitle);
    }

  adw_window_title_set_title (self->window_title,
                              programme != NULL ? pm_programme_get_name (programme) : _("Pilot Monitor"));
  adw_window_title_set_subtitle (self->window_title, basename != NULL ? basename : "");
}

static void
show_selected (PmWindow *self)
{
  GObject *item = pm_sidebar_get_selected_item (self->sidebar);

  if (pm_session_get_programme (self->session) == NULL || item == NULL)
    return;

  if (PM_IS_KPI (item))
    {
      /* A KPI found by a search, listed under its pilot. */
      pm_pilot_page_set_pilot (self->pilot_page, pm_kpi_get_pilot (PM_KPI (item)));
      gtk_stack_set_visible_child (self->stack, GTK_WIDGET (self->pilot_page));
      pm_pilot_page_select_kpi (self->pilot_page, PM_KPI (item));
    }
  else if (PM_IS_PILOT (item))
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

/* The selected row chosen again (a click or Enter on it): its page, even
 * when the sidebar alone is showing. */
static void
sidebar_activated_cb (PmWindow *self)
{
  sidebar_selected_cb (self);
}

static void
back_clicked_cb (PmWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static gboolean poll_cb (gpointer data);

/* A server tells of other people's changes as they are made; a file is
 * asked every few seconds. */
static void
watch_changes (PmWindow *self)
{
  PmStore *store = pm_session_get_store (self->session);
  gboolean watched = store != NULL && pm_store_watch_changes (store);

  g_signal_group_set_target (self->store_signals, watched ? store : NULL);
  if (watched)
    g_clear_handle_id (&self->poll_id, g_source_remove);
  else if (self->poll_id == 0)
    self->poll_id = g_timeout_add_seconds (5, poll_cb, self);
}

/* The session has a new document (or the same, loaded again). */
static void
document_changed_cb (PmWindow *self)
{
  PmProgramme *programme = pm_session_get_programme (self->session);

  watch_changes (self);

  if (self->toast != NULL)
    adw_toast_dismiss (self->toast);

  g_signal_group_set_target (self->programme_signals, programme);
  pm_period_selector_set_programme (self->period_selector, programme);
  pm_sidebar_set_programme (self->sidebar, programme);
  pm_pilot_page_set_pilot (self->pilot_page, NULL);

  if (programme != NULL)
    {
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

void
_pm_window_report_open_failure (PmWindow     *self,
                                const char   *location,
                                const GError *error)
{
  g_autofree char *basename = pm_store_location_is_server (location) ? pm_store_describe_location (location)
                                                                       : g_path_get_basename (location);
  g_autofree char *title = g_strdup_printf (_("Could Not Open “%s”"), basename);

  if (pm_session_get_store (self->session) != NULL)
    {
      pm_session_report_failure (self->session, title, error);
      return;
    }

  pm_session_set_document (self->session, NULL, NULL);
  adw_status_page_set_title (self->error_page, title);
  adw_status_page_set_description (self->error_page, error->message);
  gtk_stack_set_visible_child_name (self->stack, "error");
}

/* Toasts and dialogs */

static void
toast_dismissed_cb (AdwToast *toast,
                    PmWindow *self)
{
  if (toast != self->toast)
    return;

  g_clear_object (&self->toast);
  pm_session_forget_undo (self->session);
}

void
_pm_window_show_toast (PmWindow *self,
                       AdwToast *toast)
{
  /* Only the latest change can be undone: its toast replaces the last. */
  if (self->toast != NULL)
    {
      g_autoptr(AdwToast) old = g_steal_pointer (&self->toast);
      adw_toast_dismiss (old);
    }

  g_signal_connect_object (toast, "dismissed", G_CALLBACK (toast_dismissed_cb), self, 0);
  self->toast = g_object_ref (toast);
  adw_toast_overlay_add_toast (self->toasts, toast);
}

static void
session_saved_cb (PmWindow   *self,
                  const char *message,
                  PmUndo     *undo)
{
  AdwToast *toast = adw_toast_new (message);

  if (undo != NULL)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.undo");
    }
  else if (pm_session_can_redo (self->session))
    {
      /* A change just undone can be made again. */
      adw_toast_set_button_label (toast, _("_Redo"));
      adw_toast_set_action_name (toast, "win.redo");
    }
  _pm_window_show_toast (self, toast);

  /* A change saved under a login only: whose is it? (Once.) */
  if (undo != NULL && pm_session_should_ask_author (self->session))
    _pm_window_ask_author (self);
}

static void
session_failed_cb (PmWindow     *self,
                   const char   *heading,
                   const GError *error)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

AdwToast *
_pm_window_get_toast (PmWindow *self)
{
  g_return_val_if_fail (PM_IS_WINDOW (self), NULL);

  return self->toast;
}

/* Navigation: the actions pages and dialogs move by */

PmDistrict *
_pm_window_get_current_district (PmWindow *self)
{
  GObject *item;

  g_return_val_if_fail (PM_IS_WINDOW (self), NULL);

  item = pm_sidebar_get_selected_item (self->sidebar);
  if (PM_IS_KPI (item))
    item = G_OBJECT (pm_kpi_get_pilot (PM_KPI (item)));
  if (PM_IS_DISTRICT (item))
    return PM_DISTRICT (item);
  if (PM_IS_PILOT (item))
    return pm_pilot_get_district (PM_PILOT (item));

  return NULL;
}

static void
show_overview_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  PmWindow *self = PM_WINDOW (widget);
  PmProgramme *programme = pm_session_get_programme (self->session);

  if (programme != NULL)
    pm_sidebar_select (self->sidebar, G_OBJECT (programme));
}

/* The office's page of people on a server, read afresh. */
static void
show_people_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PmWindow *self = PM_WINDOW (widget);

  pm_people_page_reload (self->people_page);
  gtk_stack_set_visible_child (self->stack, GTK_WIDGET (self->people_page));
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
show_district_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  PmWindow *self = PM_WINDOW (widget);
  PmDistrict *district = pm_session_find_district (self->session, g_variant_get_int64 (parameter));

  if (district != NULL)
    pm_sidebar_select (self->sidebar, G_OBJECT (district));
}

static void
show_pilot_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  PmWindow *self = PM_WINDOW (widget);
  PmPilot *pilot = pm_session_find_pilot (self->session, g_variant_get_int64 (parameter));

  if (pilot != NULL)
    pm_sidebar_select (self->sidebar, G_OBJECT (pilot));
}

/* @kpi's pilot, with @kpi selected and its value field focused. */
static void
show_kpi_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  PmWindow *self = PM_WINDOW (widget);
  PmKpi *kpi = pm_session_find_kpi (self->session, g_variant_get_int64 (parameter));
  PmPilot *pilot = kpi != NULL ? pm_kpi_get_pilot (kpi) : NULL;

  if (pilot == NULL || !pm_sidebar_select (self->sidebar, G_OBJECT (pilot)))
    return;

  pm_pilot_page_select_kpi (self->pilot_page, kpi);
}

/* Other people's changes */

/* Loads the programme again, keeping what is shown: the pilot or district
 * and the KPI, found again by their ids, and the period. */
void
_pm_window_reload (PmWindow *self)
{
  g_autoptr(PmPeriod) period = NULL;
  g_autoptr(GError) error = NULL;
  GObject *item;
  PmKpi *kpi;
  gint64 district_id = 0, pilot_id = 0, kpi_id = 0;

  g_return_if_fail (PM_IS_WINDOW (self));

  if (pm_session_get_store (self->session) == NULL || pm_session_get_programme (self->session) == NULL)
    return;

  item = pm_sidebar_get_selected_item (self->sidebar);
  if (PM_IS_KPI (item))
    item = G_OBJECT (pm_kpi_get_pilot (PM_KPI (item)));
  if (PM_IS_PILOT (item))
    pilot_id = pm_pilot_get_id (PM_PILOT (item));
  else if (PM_IS_DISTRICT (item))
    district_id = pm_district_get_id (PM_DISTRICT (item));
  kpi = pm_pilot_page_get_selected_kpi (self->pilot_page);
  if (kpi != NULL)
    kpi_id = pm_kpi_get_id (kpi);
  period = g_object_ref (pm_session_get_period (self->session));

  if (!pm_session_reload (self->session, &error))
    {
      pm_session_report_failure (self->session, _("Could Not Read Other People’s Changes"), error);
      return;
    }
  pm_period_selector_set_period (self->period_selector, period);

  if (district_id != 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-district", "x", district_id);
  if (pilot_id != 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-pilot", "x", pilot_id);
  if (pilot_id != 0 && kpi_id != 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-kpi", "x", kpi_id);

  pm_session_report_saved (self->session, _("Updated with changes made elsewhere"), NULL);
}

static gboolean has_open_dialog (PmWindow *self);

/* Asked when the window comes to the front, when a server has told of a
 * change, and every few seconds for a file: cheap on both engines (a
 * pragma, or notifications already received). A window behind another
 * application's is brought up to date too, so a lead who comes back to it
 * sees others' values without having to click into it first. */
void
_pm_window_check_for_changes (PmWindow *self)
{
  PmStore *store = pm_session_get_store (self->session);
  g_autoptr(GError) error = NULL;

  if (store == NULL || pm_session_get_programme (self->session) == NULL)
    return;

  /* Not under an open dialog that holds objects of this programme (the
   * change stays pending until it closes), nor while the connection is
   * lost (the banner's retries find it). */
  if (has_open_dialog (self) || !pm_store_is_connected (store))
    return;
  /* A save's worker has the connection: asked again once it is done. */
  if (pm_store_is_saving (store))
    return;

  if (pm_store_poll_changes (store, &error))
    _pm_window_reload (self);
  else if (g_error_matches (error, PM_STORE_ERROR, PM_STORE_ERROR_DISCONNECTED))
    pm_session_connection_lost (self->session);
  else if (error != NULL)
    pm_session_report_read_failure (self->session, _("Could not check for other people’s changes"), error);
}

static gboolean
poll_cb (gpointer data)
{
  _pm_window_check_for_changes (PM_WINDOW (data));
  return G_SOURCE_CONTINUE;
}

/* Whether a dialog of this window is open: it may hold objects of the
 * programme a reload would replace. */
static gboolean
has_open_dialog (PmWindow *self)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (gtk_window_get_transient_for (window) == GTK_WINDOW (self) &&
          gtk_widget_get_visible (GTK_WIDGET (window)))
        return TRUE;
    }
  return FALSE;
}

/* Someone else's change has arrived, or the connection went. A value
 * saved elsewhere is read into the programme shown, and anything else
 * reloads it, as a file's check does. */
static void
store_changed_elsewhere_cb (PmWindow *self)
{
  PmStore *store = pm_session_get_store (self->session);
  PmProgramme *programme = pm_session_get_programme (self->session);
  g_autoptr(GError) error = NULL;
  gboolean reload = FALSE;

  if (store == NULL || programme == NULL)
    return;
  if (!pm_store_is_connected (store))
    {
      pm_session_connection_lost (self->session);
      return;
    }
  /* Shown at once even in a window behind another application's, but not
   * under one of its own dialogs: then at the next check after it closes,
   * as _pm_window_check_for_changes() does. */
  if (has_open_dialog (self) || pm_store_is_saving (store))
    return;

  if (!pm_store_update_changes (store, programme, &reload, &error))
    {
      if (g_error_matches (error, PM_STORE_ERROR, PM_STORE_ERROR_DISCONNECTED))
        pm_session_connection_lost (self->session);
      else
        pm_session_report_read_failure (self->session, _("Could not read other people’s changes"), error);
    }
  else if (reload)
    _pm_window_reload (self);
}

static void
is_active_changed_cb (PmWindow *self)
{
  _pm_window_check_for_changes (self);
}

/* GObject */

/* Both panes from WIDE_WIDTH up, as long as their least widths fit; below
 * it one pane at a time, with a back button. libadwaita 1.2 has no
 * breakpoints: the width is read here, before the leaflet is given it. */
#define WIDE_WIDTH 720
/* Below it, Print (in the main menu too) leaves the header bar's room to
 * the title and the quarter. */
#define NARROW_WIDTH 480

static void
pm_window_size_allocate (GtkWidget *widget,
                         int        width,
                         int        height,
                         int        baseline)
{
  PmWindow *self = PM_WINDOW (widget);
  gboolean wide = width >= WIDE_WIDTH;
  gboolean narrow = width < NARROW_WIDTH;

  if (adw_leaflet_get_can_unfold (self->leaflet) != wide)
    adw_leaflet_set_can_unfold (self->leaflet, wide);
  if (gtk_widget_get_visible (self->print_button) == narrow)
    gtk_widget_set_visible (self->print_button, !narrow);

  GTK_WIDGET_CLASS (pm_window_parent_class)->size_allocate (widget, width, height, baseline);
}

static gboolean
pm_window_close_request (GtkWindow *window)
{
  PmWindow *self = PM_WINDOW (window);
  GSettings *settings = pm_session_get_settings (self->session);
  int width = 0, height = 0;

  /* A narrative being typed is saved before the window goes. */
  pm_pilot_page_flush (self->pilot_page);

  if (settings != NULL)
    {
      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_int (settings, "window-width", width);
      g_settings_set_int (settings, "window-height", height);
      g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (window));
    }

  return GTK_WINDOW_CLASS (pm_window_parent_class)->close_request (window);
}

static void
pm_window_dispose (GObject *object)
{
  PmWindow *self = PM_WINDOW (object);

  g_clear_handle_id (&self->poll_id, g_source_remove);
  /* A server still loading is not wanted any more. */
  if (self->session != NULL)
    pm_session_cancel_opening (self->session);
  if (self->programme_signals != NULL)
    g_signal_group_set_target (self->programme_signals, NULL);
  if (self->store_signals != NULL)
    g_signal_group_set_target (self->store_signals, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), PM_TYPE_WINDOW);
  g_clear_object (&self->toast);
  g_clear_object (&self->read_toast);
  g_clear_pointer (&self->read_heading, g_free);
  g_clear_error (&self->read_error);
  g_clear_object (&self->programme_signals);
  g_clear_object (&self->store_signals);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (pm_window_parent_class)->dispose (object);
}

static void
pm_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  PmWindow *self = PM_WINDOW (object);

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
pm_window_class_init (PmWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = pm_window_dispose;
  object_class->get_property = pm_window_get_property;
  widget_class->size_allocate = pm_window_size_allocate;
  window_class->close_request = pm_window_close_request;

  /* Read by the pages, which the template binds to it. */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, PM_TYPE_SESSION,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PM_TYPE_CONNECTION_BANNER);
  g_type_ensure (PM_TYPE_SIDEBAR);
  g_type_ensure (PM_TYPE_PERIOD_SELECTOR);
  g_type_ensure (PM_TYPE_OVERVIEW_PAGE);
  g_type_ensure (PM_TYPE_PILOT_PAGE);
  g_type_ensure (PM_TYPE_PEOPLE_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pilotmonitor/PilotMonitor/pm-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PmWindow, toasts);
  gtk_widget_class_bind_template_child (widget_class, PmWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, PmWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, PmWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, PmWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, PmWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, PmWindow, period_selector);
  gtk_widget_class_bind_template_child (widget_class, PmWindow, print_button);
  gtk_widget_class_bind_template_child (widget_class, PmWindow, people_button);
  gtk_widget_class_bind_template_child (widget_class, PmWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, PmWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, PmWindow, overview_page);
  gtk_widget_class_bind_template_child (widget_class, PmWindow, people_page);
  gtk_widget_class_bind_template_child (widget_class, PmWindow, pilot_page);
  gtk_widget_class_bind_template_child (widget_class, PmWindow, recent_menu);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);

  _pm_window_class_actions_init (widget_class);
  _pm_window_class_init_server (widget_class);
  gtk_widget_class_install_action (widget_class, "win.show-overview", NULL, show_overview_action);
  gtk_widget_class_install_action (widget_class, "win.show-people", NULL, show_people_action);
  gtk_widget_class_install_action (widget_class, "win.show-district", "x", show_district_action);
  gtk_widget_class_install_action (widget_class, "win.show-pilot", "x", show_pilot_action);
  gtk_widget_class_install_action (widget_class, "win.show-kpi", "x", show_kpi_action);
}

static void
restore_state (PmWindow *self)
{
  GSettings *settings = pm_session_get_settings (self->session);

  if (settings == NULL)
    return;

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (settings, "window-width"),
                               g_settings_get_int (settings, "window-height"));
  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
pm_window_init (PmWindow *self)
{
  /* Before the template: its pages bind to it. */
  self->session = pm_session_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->programme_signals = g_signal_group_new (PM_TYPE_PROGRAMME);
  g_signal_group_connect_object (self->programme_signals, "notify::name",
                                 G_CALLBACK (update_title), self, G_CONNECT_SWAPPED);
  self->store_signals = g_signal_group_new (PM_TYPE_STORE);
  g_signal_group_connect_object (self->store_signals, "changed-elsewhere",
                                 G_CALLBACK (store_changed_elsewhere_cb), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self->session, "notify::programme",
                           G_CALLBACK (document_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "saved",
                           G_CALLBACK (session_saved_cb), self, G_CONNECT_SWAPPED);
  /* A first value for a quarter marks it in the period list. */
  g_signal_connect_object (self->session, "saved",
                           G_CALLBACK (pm_period_selector_refresh), self->period_selector, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "failed",
                           G_CALLBACK (session_failed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "read-failed",
                           G_CALLBACK (_pm_window_show_read_failure), self, G_CONNECT_SWAPPED);

  g_object_bind_property (self->period_selector, "period", self->session, "period",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  g_object_bind_property (self->search_button, "active", self->sidebar, "search-mode",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  pm_sidebar_set_key_capture_widget (self->sidebar, GTK_WIDGET (self->sidebar));

  restore_state (self);
  _pm_window_server_init (self);
  _pm_window_actions_init (self);
  update_title (self);

  g_signal_connect (self, "notify::is-active", G_CALLBACK (is_active_changed_cb), NULL);
  watch_changes (self);
}

/* Public API */

PmWindow *
pm_window_new (PmApplication *application)
{
  return g_object_new (PM_TYPE_WINDOW, "application", application, NULL);
}

/* The integrity check left from opening has finished: a damaged file is
 * closed and refused as it would have been at open (it was never
 * written: the store refuses writes until the check has passed). */
static void
store_checked_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(PmWindow) self = user_data;
  PmStore *store = PM_STORE (source);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (pm_store_check_finish (store, result, &error))
    return;

  g_debug ("Integrity check of “%s” failed: %s", pm_store_get_path (store), error->message);
  /* Another file opened meanwhile is not this one. */
  if (pm_session_get_store (self->session) != store)
    return;

  path = g_strdup (pm_store_get_path (store));
  pm_session_set_document (self->session, NULL, NULL);
  _pm_window_report_open_failure (self, path, error);
}

/* The values pm_session_open() left for later have joined the model:
 * periods may now have values in the list. A failure is shown; the store
 * then refuses every write, the model not being the file. */
static void
store_rest_loaded_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(PmWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  /* Thousands of KPIs change at once: each view redraws once. */
  pm_watch_freeze_all ();
  ok = pm_store_load_rest_finish (PM_STORE (source), result, &error);
  pm_watch_thaw_all ();
  if (ok)
    {
      g_debug ("The rest of “%s” has been read", pm_store_get_path (PM_STORE (source)));
      pm_period_selector_refresh (self->period_selector);
      return;
    }
  if (pm_session_get_store (self->session) == PM_STORE (source))
    pm_session_report_failure (self->session, _("Could not read the whole programme"), error);
}

static gboolean
load_rest_cb (gpointer user_data)
{
  PmWindow *self = user_data;
  PmStore *store = pm_session_get_store (self->session);

  /* Another file opened meanwhile has started its own, or needs none. */
  if (store != NULL && pm_store_rest_pending (store))
    pm_store_load_rest_async (store, pm_session_get_programme (self->session), NULL,
                              store_rest_loaded_cb, g_object_ref (self));
  return G_SOURCE_REMOVE;
}

/* Once the file is open: its check, and the rest of its values. */
static void
read_rest (PmWindow *self)
{
  PmStore *store = pm_session_get_store (self->session);

  if (pm_store_check_pending (store))
    pm_store_check_async (store, NULL, store_checked_cb, g_object_ref (self));
  /* The rest of the values once the first frame is drawn: on two
   * cores the worker would otherwise compete with it. */
  if (pm_store_rest_pending (store))
    g_idle_add_full (G_PRIORITY_LOW, load_rest_cb, g_object_ref (self), g_object_unref);
}

static void
report_open_failure (PmWindow   *self,
                     const char *path,
                     GError     *error)
{
  /* A server remembered without its password: ask for it. */
  if (g_error_matches (error, PM_STORE_ERROR, PM_STORE_ERROR_AUTHENTICATION))
    {
      if (pm_session_get_store (self->session) == NULL)
        _pm_window_report_open_failure (self, path, error);
      pm_connect_dialog_ask (GTK_WINDOW (self), self->session, path, error->message);
      return;
    }

  _pm_window_report_open_failure (self, path, error);
}

gboolean
pm_window_open_database (PmWindow   *self,
                         const char *path)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (PM_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* A server is reached, and its programme loaded, with the window live. */
  if (pm_store_location_is_server (path))
    {
      _pm_window_open_server (self, path, NULL, PM_STORE_OPEN_CREATE);
      return TRUE;
    }

  /* The file is checked for damage while the first frame is drawn. */
  if (pm_session_open (self->session, path, NULL, PM_WINDOW_OPEN_FLAGS, &error))
    {
      read_rest (self);
      return TRUE;
    }

  report_open_failure (self, path, error);
  return FALSE;
}

gboolean
pm_window_open_prefetched (PmWindow          *self,
                           PmSessionPrefetch *prefetch)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (PM_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (prefetch != NULL, FALSE);

  if (pm_session_open_prefetched (self->session, prefetch, &error))
    {
      read_rest (self);
      return TRUE;
    }

  report_open_failure (self, pm_session_prefetch_get_location (prefetch), error);
  return FALSE;
}

PmSession *
pm_window_get_session (PmWindow *self)
{
  g_return_val_if_fail (PM_IS_WINDOW (self), NULL);

  return self->session;
}

PmStore *
pm_window_get_store (PmWindow *self)
{
  g_return_val_if_fail (PM_IS_WINDOW (self), NULL);

  return pm_session_get_store (self->session);
}

PmProgramme *
pm_window_get_programme (PmWindow *self)
{
  g_return_val_if_fail (PM_IS_WINDOW (self), NULL);

  return pm_session_get_programme (self->session);
}
