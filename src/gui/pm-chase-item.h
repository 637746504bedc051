/* pm-chase-item.h: one thing the programme office has to chase
 *
 * A baseline still to be confirmed (or awaiting data, or due to be
 * reported by now), or a KPI with no value for the selected quarter.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "model/pm-programme.h"

G_BEGIN_DECLS

typedef enum
{
  PM_CHASE_BASELINE,
  PM_CHASE_NO_VALUE,
} PmChaseKind;

#define PM_TYPE_CHASE_ITEM (pm_chase_item_get_type ())
G_DECLARE_FINAL_TYPE (PmChaseItem, pm_chase_item, PM, CHASE_ITEM, GObject)

PmChaseItem *pm_chase_item_new          (PmKpi       *kpi,
                                         PmChaseKind  kind,
                                         PmPeriod    *period);
PmKpi       *pm_chase_item_get_kpi      (PmChaseItem *self);
PmChaseKind  pm_chase_item_get_kind     (PmChaseItem *self);
/* "Baseline to be confirmed", "No value for Q3 2016/17". */
char        *pm_chase_item_get_reason   (PmChaseItem *self);
/* "Cannock Chase · Chadsmoor & Western Springs…" */
char        *pm_chase_item_get_place    (PmChaseItem *self);

/* Fills @store with what to chase for @period: first the baselines, then
 * the missing values, each in programme order. Only @district's pilots
 * when it is not NULL. */
void         pm_chase_list_fill         (GListStore  *store,
                                         PmProgramme *programme,
                                         PmDistrict  *district,
                                         PmPeriod    *period);

G_END_DECLS
