/* pm-dialogs.h: editing the programme's structure and its fixed figures
 *
 * Each function opens a dialog over @parent for @session's programme;
 * accepting it goes through the store (see pm-edits.h) and reports through
 * the session (a toast), or shows what is wrong next to the field and
 * keeps the dialog open. What was added or is left after a delete is shown
 * through @parent's win.show-* actions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pm-session.h"

G_BEGIN_DECLS

void pm_dialogs_edit_baseline  (GtkWindow  *parent,
                                PmSession  *session,
                                PmKpi      *kpi);
/* Adds a milestone to @kpi's schedule of targets, or revises one (the
 * final one is offered first); a revision is appended and the earlier
 * targets stay. */
void pm_dialogs_add_target     (GtkWindow  *parent,
                                PmSession  *session,
                                PmKpi      *kpi);
/* @kpi NULL adds a new KPI to @pilot. */
void pm_dialogs_edit_kpi       (GtkWindow  *parent,
                                PmSession  *session,
                                PmPilot    *pilot,
                                PmKpi      *kpi);
/* @pilot NULL adds a new pilot (to @district, which may then be chosen). */
void pm_dialogs_edit_pilot     (GtkWindow  *parent,
                                PmSession  *session,
                                PmDistrict *district,
                                PmPilot    *pilot);
/* @district NULL adds a new district. */
void pm_dialogs_edit_district  (GtkWindow  *parent,
                                PmSession  *session,
                                PmDistrict *district);
void pm_dialogs_edit_programme (GtkWindow  *parent,
                                PmSession  *session);
void pm_dialogs_add_spend      (GtkWindow  *parent,
                                PmSession  *session,
                                PmPilot    *pilot);
/* Asks first, then deletes a PmDistrict, PmPilot or PmKpi with all that
 * hangs below it. */
void pm_dialogs_confirm_delete (GtkWindow  *parent,
                                PmSession  *session,
                                GObject    *item);

G_END_DECLS
