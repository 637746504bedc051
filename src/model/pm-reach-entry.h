/* pm-reach-entry.h: families supported so far, by period (and provider)
 *
 * Counts only: nothing about any family is kept but how many.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "pm-period.h"

G_BEGIN_DECLS

#define PM_TYPE_REACH_ENTRY (pm_reach_entry_get_type ())
G_DECLARE_FINAL_TYPE (PmReachEntry, pm_reach_entry, PM, REACH_ENTRY, GObject)

/* Properties: "period" (PmPeriod), "provider" (provider name or NULL for
 * the pilot as a whole), "families" (int, cumulative). */
PmReachEntry *pm_reach_entry_new          (PmPeriod     *period,
                                           const char   *provider,
                                           int           families);
PmPeriod     *pm_reach_entry_get_period   (PmReachEntry *self);
const char   *pm_reach_entry_get_provider (PmReachEntry *self);
int           pm_reach_entry_get_families (PmReachEntry *self);
void          pm_reach_entry_set_families (PmReachEntry *self,
                                           int           families);

G_END_DECLS
