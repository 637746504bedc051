/* pm-spend-item.h: money spent or committed by a pilot
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "pm-enums.h"
#include "pm-period.h"

G_BEGIN_DECLS

#define PM_TYPE_SPEND_ITEM (pm_spend_item_get_type ())
G_DECLARE_FINAL_TYPE (PmSpendItem, pm_spend_item, PM, SPEND_ITEM, GObject)

/* Properties: "description", "amount-pence" (gint64, >= 0), "period"
 * (PmPeriod or NULL), "status" (PmSpendStatus). */
PmSpendItem   *pm_spend_item_new              (const char    *description,
                                               gint64         amount_pence);
const char    *pm_spend_item_get_description  (PmSpendItem   *self);
void           pm_spend_item_set_description  (PmSpendItem   *self,
                                               const char    *description);
gint64         pm_spend_item_get_amount_pence (PmSpendItem   *self);
void           pm_spend_item_set_amount_pence (PmSpendItem   *self,
                                               gint64         amount_pence);
PmPeriod      *pm_spend_item_get_period       (PmSpendItem   *self);
void           pm_spend_item_set_period       (PmSpendItem   *self,
                                               PmPeriod      *period);
PmSpendStatus  pm_spend_item_get_status       (PmSpendItem   *self);
void           pm_spend_item_set_status       (PmSpendItem   *self,
                                               PmSpendStatus  status);

G_END_DECLS
