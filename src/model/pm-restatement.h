/* pm-restatement.h: a value changed since the committee saw it
 *
 * When the programme office freezes a committee round, every quarterly
 * value up to the round's period is kept as it was reported. A value of a
 * frozen period that differs now (changed, added or removed) is a
 * restatement, and the next report lists it beside what was reported.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "pm-kpi.h"
#include "pm-period.h"

G_BEGIN_DECLS

#define PM_TYPE_RESTATEMENT (pm_restatement_get_type ())
G_DECLARE_FINAL_TYPE (PmRestatement, pm_restatement, PM, RESTATEMENT, GObject)

/* @reported_on: the committee's date, ISO 8601; a value that was not
 * reported, or is no longer held, is NAN; @reason may be NULL. */
PmRestatement *pm_restatement_new                (PmKpi         *kpi,
                                                  PmPeriod      *period,
                                                  const char    *reported_on,
                                                  double         reported_value,
                                                  double         restated_value,
                                                  const char    *reason);

PmKpi         *pm_restatement_get_kpi            (PmRestatement *self);
PmPeriod      *pm_restatement_get_period         (PmRestatement *self);
const char    *pm_restatement_get_reported_on    (PmRestatement *self);
double         pm_restatement_get_reported_value (PmRestatement *self);
double         pm_restatement_get_restated_value (PmRestatement *self);
const char    *pm_restatement_get_reason         (PmRestatement *self);

G_END_DECLS
