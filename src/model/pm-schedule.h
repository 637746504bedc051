/* pm-schedule.h: a KPI's targets as a schedule of milestones
 *
 * A KPI may have a target for each year: 40 by March 2021, then 60 by
 * March 2022. Each is a milestone (PmTarget's "milestone" number); a later
 * target with the same number revises it, keeping the old one with its
 * date and reason. The profiled target runs in a straight line from the
 * baseline to the first milestone, from each milestone to the next, and is
 * the last milestone after its date (pm_rag_profiled_schedule()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pm-kpi.h"

G_BEGIN_DECLS

/* The current form of each milestone (its latest revision), by date,
 * earliest first. Empty when the KPI has no target. */
GPtrArray *pm_kpi_get_milestones     (PmKpi    *kpi);
/* The number a new milestone of @kpi takes: one past the highest. */
guint      pm_kpi_next_milestone     (PmKpi    *kpi);
/* The profiled target on Julian day @day and, in @heading, the milestone
 * the line is heading for on that day (the last one after its date).
 * FALSE when the KPI has no target. */
gboolean   pm_kpi_get_profiled_target (PmKpi   *kpi,
                                       guint32  day,
                                       double  *profiled,
                                       double  *heading);
/* The same on each of @n_days days, the milestones read once: into
 * @profiled and @heading (either may be NULL), @n_days each. */
gboolean   pm_kpi_get_profiled_targets (PmKpi         *kpi,
                                        const guint32 *days,
                                        guint          n_days,
                                        double        *profiled,
                                        double        *heading);

G_END_DECLS
