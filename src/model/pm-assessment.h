/* pm-assessment.h: how a KPI stands in a period
 *
 * Everything here is computed, never stored: the change since baseline, the
 * direction of travel, the profiled target and the RAG status. The rule is
 * written once, in pm-assessment.c, and described in the README.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "pm-enums.h"
#include "pm-kpi.h"
#include "pm-period.h"

G_BEGIN_DECLS

#define PM_TYPE_ASSESSMENT (pm_assessment_get_type ())
G_DECLARE_FINAL_TYPE (PmAssessment, pm_assessment, PM, ASSESSMENT, GObject)

/* Why a status is grey (or NONE when it is not). */
typedef enum
{
  PM_GREY_NONE,
  PM_GREY_NO_VALUE,
  PM_GREY_NO_BASELINE,
  PM_GREY_NO_TARGET,
} PmGreyReason;

GType pm_grey_reason_get_type (void) G_GNUC_CONST;
#define PM_TYPE_GREY_REASON (pm_grey_reason_get_type ())

/* Read-only properties: "kpi", "period", "has-value", "value",
 * "has-change", "change", "has-profiled-target", "profiled-target",
 * "rag" (PmRag), "grey-reason", "travel-since-previous" (PmTravel),
 * "travel-since-baseline" (PmTravel). Snapshot at construction. */
PmAssessment *pm_assessment_new                       (PmKpi        *kpi,
                                                       PmPeriod     *period);
PmKpi        *pm_assessment_get_kpi                   (PmAssessment *self);
PmPeriod     *pm_assessment_get_period                (PmAssessment *self);
gboolean      pm_assessment_has_value                 (PmAssessment *self);
double        pm_assessment_get_value                 (PmAssessment *self);
gboolean      pm_assessment_has_change                (PmAssessment *self);
double        pm_assessment_get_change                (PmAssessment *self);
gboolean      pm_assessment_has_profiled_target       (PmAssessment *self);
double        pm_assessment_get_profiled_target       (PmAssessment *self);
PmRag         pm_assessment_get_rag                   (PmAssessment *self);
PmGreyReason  pm_assessment_get_grey_reason           (PmAssessment *self);
PmTravel      pm_assessment_get_travel_since_previous (PmAssessment *self);
PmTravel      pm_assessment_get_travel_since_baseline (PmAssessment *self);

/* The status of each of @kpi's @entries at its own period, into @rags:
 * what pm_assessment_new() at that period would rate it, the KPI's
 * schedule read once for all (a chart's points). */
void          pm_assessment_rate_entries              (PmKpi             *kpi,
                                                       PmProgressEntry  **entries,
                                                       guint              n_entries,
                                                       PmRag             *rags);

/* The rule itself, on plain numbers, so it can be tested alone.
 *
 * Profiled target at time @t (julian days): a straight line from
 * (@baseline_day, @baseline) to (@target_day, @target), flat at the target
 * after its date. An undated target (@target_day == 0) or an undated
 * baseline gives the target itself. */
double        pm_rag_profiled_target  (double       baseline,
                                       guint32      baseline_day,
                                       double       target,
                                       guint32      target_day,
                                       guint32      t);
/* The same over a schedule of @n milestones (@values at @days, earliest
 * first): from the baseline to the first milestone, from each milestone to
 * the next, flat at the last after its date. @heading (may be NULL) gets
 * the milestone the line heads for at @t, the last one after its date. */
double        pm_rag_profiled_schedule (double         baseline,
                                        guint32        baseline_day,
                                        const double  *values,
                                        const guint32 *days,
                                        guint          n,
                                        guint32        t,
                                        double        *heading);
/* Green when @value is on or better than @profiled (better honours
 * @direction); amber when worse by no more than @tolerance times
 * |target - baseline|, @target being the milestone the profile heads for;
 * red beyond. For MAINTAIN there is no better side
 * and the baseline-to-target distance is nil, so the band is @tolerance
 * times |profiled|: green when |value - profiled| is within one band,
 * amber within two, red beyond. */
PmRag         pm_rag_evaluate         (PmDirection  direction,
                                       double       baseline,
                                       double       target,
                                       double       profiled,
                                       double       value,
                                       double       tolerance);
/* Improving, steady or worsening going from @from to @to. For MAINTAIN,
 * getting closer to @level is improving. */
PmTravel      pm_travel_evaluate      (PmDirection  direction,
                                       double       from,
                                       double       to,
                                       double       level);

G_END_DECLS
