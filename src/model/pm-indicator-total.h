/* pm-indicator-total.h: a programme indicator totalled across districts
 *
 * For one period: each district's value of its KPI that is an instance
 * of the indicator, the programme total by the indicator's rule, the
 * total's RAG against the districts' summed profiled targets, and the
 * districts that have not reported. A district that has not reported is
 * named, never counted as zero. Computed, never stored.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pm-enums.h"
#include "pm-indicator.h"
#include "pm-kpi.h"
#include "pm-period.h"
#include "pm-programme.h"

G_BEGIN_DECLS

/* Why there is no total (or NONE when there is one). */
typedef enum
{
  PM_TOTAL_GAP_NONE,
  PM_TOTAL_GAP_NO_RULE,        /* the indicator's rule is "none": levels, rates */
  PM_TOTAL_GAP_NONE_REPORTED,  /* no district has a value for the period */
  PM_TOTAL_GAP_NO_PARTS,       /* a percentage without numerator and denominator */
} PmTotalGap;

/* One district's share: the district's name and its first KPI of the
 * indicator (borrowed from the programme, which must outlive the total).
 * A district with several such KPIs (two pilots, say) is one share: it
 * has a value only when every one of them has, the values summed and a
 * percentage's parts summed; missing names the pilot of a KPI without a
 * value when another of the district's has one. combined is FALSE when
 * its values cannot be put together (a level or rate, or a percentage
 * without its parts), and value is then meaningless. */
typedef struct
{
  const char *district;
  PmKpi      *kpi;
  guint       n_kpis;
  guint       n_kpis_reported;
  const char *missing;
  gboolean    combined;
  gboolean    has_value;
  double      value;
  gboolean    has_fraction;
  double      numerator;
  double      denominator;
  gboolean    has_target;  /* the profiled target at the period's end */
  double      target;
  PmRag       rag;
} PmIndicatorShare;

typedef struct
{
  PmIndicator *indicator;     /* owned */
  PmPeriod    *period;        /* owned */
  GArray      *shares;        /* PmIndicatorShare, in district order */
  guint        n_reported;
  GPtrArray   *not_reported;  /* district names, borrowed */
  GPtrArray   *without_parts; /* district names, borrowed: percentages with no parts */
  PmTotalGap   gap;
  double       total;         /* when gap is NONE */
  double       numerator;     /* ratio: the summed parts */
  double       denominator;
  gboolean     has_target;    /* the summed profiled targets of those reported */
  double       target;
  PmRag        rag;
} PmIndicatorTotal;

/* The total of @indicator for @period over every KPI of @programme that
 * names it, each district counted once. Sum: the sum of the values reported. Ratio: 100 times the
 * summed numerators over the summed denominators; if any value reported
 * lacks its parts the total is not formed (gap NO_PARTS, the districts
 * listed in without_parts) rather than averaging percentages. The target
 * is the sum of the profiled targets of the districts that reported (for
 * a ratio, each weighted by its denominator), and the RAG is
 * pm_rag_evaluate() on the summed baselines and targets with the
 * strictest tolerance of those KPIs; grey when any of them lacks a
 * baseline value or target. */
PmIndicatorTotal *pm_indicator_total_compute  (PmProgramme      *programme,
                                               PmIndicator      *indicator,
                                               PmPeriod         *period);
void              pm_indicator_total_free     (PmIndicatorTotal *self);
/* The periods, oldest first, in which any instance of @indicator has a
 * value (a new array of PmPeriod). */
GPtrArray        *pm_indicator_list_periods   (PmProgramme      *programme,
                                               PmIndicator      *indicator);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PmIndicatorTotal, pm_indicator_total_free)

G_END_DECLS
