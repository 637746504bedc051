/* pm-target.h: a target value, with an optional date by which to reach it
 *
 * Targets are never overwritten: a revision is a new PmTarget appended to the
 * KPI's list, keeping when it was set and why. A KPI's targets may form a
 * schedule of milestones (a target for each year): "milestone" numbers
 * them from 1, and a later target with the same number revises that
 * milestone. A KPI whose targets all say 1 has one target, revised.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define PM_TYPE_TARGET (pm_target_get_type ())
G_DECLARE_FINAL_TYPE (PmTarget, pm_target, PM, TARGET, GObject)

/* Properties: "value" (double), "date" (ISO or NULL: undated),
 * "set-on" (ISO or NULL), "reason" (string or NULL), "milestone" (guint,
 * from 1, default 1). */
PmTarget   *pm_target_new          (double      value,
                                    const char *date);
double      pm_target_get_value    (PmTarget   *self);
void        pm_target_set_value    (PmTarget   *self,
                                    double      value);
const char *pm_target_get_date     (PmTarget   *self);
void        pm_target_set_date     (PmTarget   *self,
                                    const char *date);
const char *pm_target_get_set_on   (PmTarget   *self);
void        pm_target_set_set_on   (PmTarget   *self,
                                    const char *set_on);
const char *pm_target_get_reason   (PmTarget   *self);
void        pm_target_set_reason   (PmTarget   *self,
                                    const char *reason);

guint       pm_target_get_milestone (PmTarget   *self);
void        pm_target_set_milestone (PmTarget   *self,
                                     guint       milestone);

G_END_DECLS
