/* pm-model-private.h: what the model's classes share among themselves
 *
 * Not for use outside src/model: the back-pointers are set by the container
 * that owns the object, never by anyone else.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <math.h>

#include "pm-district.h"
#include "pm-kpi.h"
#include "pm-pilot.h"
#include "pm-programme.h"

G_BEGIN_DECLS

void     _pm_kpi_set_pilot          (PmKpi        *self,
                                     PmPilot      *pilot);
void     _pm_pilot_set_district     (PmPilot      *self,
                                     PmDistrict   *district);
void     _pm_district_set_programme (PmDistrict   *self,
                                     PmProgramme  *programme);
/* A district's name changed: the programme's index by name is stale. */
void     _pm_programme_forget_names (PmProgramme  *self);

/* The rule shared by baselines and progress entries: a denominator above
 * zero and a numerator from zero to the denominator. */
gboolean _pm_check_fraction         (double        numerator,
                                     double        denominator,
                                     GError      **error);

/* g_set_str() arrives only in GLib 2.76. TRUE when the string changed. */
static inline gboolean
_pm_set_str (char       **str_pointer,
             const char  *new_str)
{
  char *copy;

  if (*str_pointer == new_str || g_strcmp0 (*str_pointer, new_str) == 0)
    return FALSE;

  copy = g_strdup (new_str);
  g_free (*str_pointer);
  *str_pointer = copy;

  return TRUE;
}

/* Refuses a target that would break the KPI's schedule of milestones
 * (pm-schedule.c): one numbered out of turn, an undated milestone in a
 * schedule, two milestones on one date. */
gboolean _pm_schedule_check_add     (PmKpi        *kpi,
                                     PmTarget     *target,
                                     GError      **error);

/* Sums of decimals are not exact in binary: a total that matches its
 * sites to a millionth is theirs. */
static inline gboolean
_pm_same_total (double a,
                double b)
{
  return fabs (a - b) <= 1e-6 * MAX (1.0, MAX (fabs (a), fabs (b)));
}

/* Slack when comparing computed doubles, so 0.1 + 0.2 counts as 0.3. */
#define _PM_EPSILON 1e-9

G_END_DECLS
