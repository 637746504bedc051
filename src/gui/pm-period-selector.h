/* pm-period-selector.h: the reporting period, chosen in the header bar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "model/pm-programme.h"

G_BEGIN_DECLS

#define PM_TYPE_PERIOD_SELECTOR (pm_period_selector_get_type ())
G_DECLARE_FINAL_TYPE (PmPeriodSelector, pm_period_selector, PM, PERIOD_SELECTOR, AdwBin)

/* Properties: "programme" (the periods offered, of its KPIs' frequencies
 * (pm-period-list.h), run from a year before
 * its earliest data to four after the current quarter), "period" (the
 * selected period, a quarter, year or month, never NULL; the current
 * quarter at first). */
GtkWidget *pm_period_selector_new           (void);
void       pm_period_selector_set_programme (PmPeriodSelector *self,
                                             PmProgramme      *programme);
PmPeriod  *pm_period_selector_get_period    (PmPeriodSelector *self);
void       pm_period_selector_set_period    (PmPeriodSelector *self,
                                             PmPeriod         *period);
/* Whether the list marks @period as having values. */
gboolean   pm_period_selector_has_values    (PmPeriodSelector *self,
                                             PmPeriod         *period);
/* Looks again at which quarters have values (after a save or an undo). */
void       pm_period_selector_refresh       (PmPeriodSelector *self);

G_END_DECLS
