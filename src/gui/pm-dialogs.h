/* pm-dialogs.h: editing the programme's structure and its fixed figures
 *
 * Each function opens a dialog for @window; accepting it goes through the
 * store (see pm-edits.h) and reports with a toast, or shows what is wrong
 * next to the field and keeps the dialog open.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pm-window.h"

G_BEGIN_DECLS

void pm_dialogs_edit_baseline  (PmWindow   *window,
                                PmKpi      *kpi);
/* A revision is appended; the earlier targets stay. */
void pm_dialogs_add_target     (PmWindow   *window,
                                PmKpi      *kpi);
/* @kpi NULL adds a new KPI to @pilot. */
void pm_dialogs_edit_kpi       (PmWindow   *window,
                                PmPilot    *pilot,
                                PmKpi      *kpi);
/* @pilot NULL adds a new pilot (to @district, which may then be chosen). */
void pm_dialogs_edit_pilot     (PmWindow   *window,
                                PmDistrict *district,
                                PmPilot    *pilot);
/* @district NULL adds a new district. */
void pm_dialogs_edit_district  (PmWindow   *window,
                                PmDistrict *district);
void pm_dialogs_edit_programme (PmWindow   *window);
void pm_dialogs_add_spend      (PmWindow   *window,
                                PmPilot    *pilot);
/* Asks first, then deletes a PmDistrict, PmPilot or PmKpi with all that
 * hangs below it. */
void pm_dialogs_confirm_delete (PmWindow   *window,
                                GObject    *item);

G_END_DECLS
