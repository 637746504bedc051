/* pm-indicator.h: a programme-wide indicator that districts' KPIs measure
 *
 * When every district measures the same thing (children seen at each
 * children's centre, families supported), each district's KPI names the
 * indicator by its key, and the programme total is formed by the
 * indicator's aggregation rule (pm-indicator-total.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "pm-enums.h"

G_BEGIN_DECLS

/* How the districts' values make a programme total. */
typedef enum
{
  PM_AGGREGATION_SUM,    /* counts and money: the sum */
  PM_AGGREGATION_RATIO,  /* percentages: summed numerators over summed denominators */
  PM_AGGREGATION_NONE,   /* levels and rates: no total */
} PmAggregation;

GType pm_aggregation_get_type (void) G_GNUC_CONST;
#define PM_TYPE_AGGREGATION (pm_aggregation_get_type ())

#define PM_TYPE_INDICATOR (pm_indicator_get_type ())
G_DECLARE_FINAL_TYPE (PmIndicator, pm_indicator, PM, INDICATOR, GObject)

/* Properties (construct-only): "key" (the name KPIs refer to it by, as in
 * the programme file), "name", "unit" (PmUnit), "direction"
 * (PmDirection), "aggregation" (PmAggregation). */
PmIndicator   *pm_indicator_new                 (const char    *key,
                                                 const char    *name,
                                                 PmUnit         unit,
                                                 PmDirection    direction,
                                                 PmAggregation  aggregation);
const char    *pm_indicator_get_key             (PmIndicator   *self);
const char    *pm_indicator_get_name            (PmIndicator   *self);
PmUnit         pm_indicator_get_unit            (PmIndicator   *self);
PmDirection    pm_indicator_get_direction       (PmIndicator   *self);
PmAggregation  pm_indicator_get_aggregation     (PmIndicator   *self);
/* The rule a unit takes unless told: sum for counts and money, ratio for
 * percentages, none for days and rates. */
PmAggregation  pm_aggregation_default_for_unit  (PmUnit         unit);
/* Whether @aggregation can total values of @unit: a sum of counts or
 * money, a ratio of percentages, or no total (always). Otherwise a
 * PM_MODEL_ERROR_OUT_OF_RANGE saying why. */
gboolean       pm_aggregation_validate          (PmAggregation  aggregation,
                                                 PmUnit         unit,
                                                 GError       **error);

G_END_DECLS
