/* pm-window-structure.c: the programme's districts, from the main menu
 *
 * Adding a district or a pilot, editing the programme, and renaming or
 * deleting the district shown; the dialogs are pm-dialogs.h's. A pilot's
 * and a KPI's own actions are the pilot page's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pm-dialogs.h"
#include "pm-window-private.h"

static void
add_district_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  PmWindow *self = PM_WINDOW (widget);

  pm_dialogs_edit_district (GTK_WINDOW (self), self->session, NULL);
}

static void
add_pilot_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  PmWindow *self = PM_WINDOW (widget);

  pm_dialogs_edit_pilot (GTK_WINDOW (self), self->session, _pm_window_get_current_district (self), NULL);
}

static void
edit_programme_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  PmWindow *self = PM_WINDOW (widget);

  pm_dialogs_edit_programme (GTK_WINDOW (self), self->session);
}

static void
edit_district_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  PmWindow *self = PM_WINDOW (widget);
  PmDistrict *district = _pm_window_get_current_district (self);

  if (district != NULL)
    pm_dialogs_edit_district (GTK_WINDOW (self), self->session, district);
}

static void
delete_district_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  PmWindow *self = PM_WINDOW (widget);
  PmDistrict *district = _pm_window_get_current_district (self);

  if (district != NULL)
    pm_dialogs_confirm_delete (GTK_WINDOW (self), self->session, G_OBJECT (district));
}

void
_pm_window_class_init_structure (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.add-district", NULL, add_district_action);
  gtk_widget_class_install_action (widget_class, "win.add-pilot", NULL, add_pilot_action);
  gtk_widget_class_install_action (widget_class, "win.edit-programme", NULL, edit_programme_action);
  gtk_widget_class_install_action (widget_class, "win.edit-district", NULL, edit_district_action);
  gtk_widget_class_install_action (widget_class, "win.delete-district", NULL, delete_district_action);
}
