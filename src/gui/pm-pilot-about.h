/* pm-pilot-about.h: what a pilot is, who leads it and who delivers it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "model/pm-programme.h"

G_BEGIN_DECLS

#define PM_TYPE_PILOT_ABOUT (pm_pilot_about_get_type ())
G_DECLARE_FINAL_TYPE (PmPilotAbout, pm_pilot_about, PM, PILOT_ABOUT, AdwBin)

/* Properties: "pilot"; what is shown follows its changes. */
void     pm_pilot_about_set_pilot (PmPilotAbout *self,
                                   PmPilot      *pilot);
PmPilot *pm_pilot_about_get_pilot (PmPilotAbout *self);

G_END_DECLS
