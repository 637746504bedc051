/* pm-narrative.h: a pilot's words for one period
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "pm-period.h"

G_BEGIN_DECLS

#define PM_TYPE_NARRATIVE (pm_narrative_get_type ())
G_DECLARE_FINAL_TYPE (PmNarrative, pm_narrative, PM, NARRATIVE, GObject)

/* Properties: "period" (construct-only), "progress", "learning",
 * "case-study" (strings or NULL). */
PmNarrative *pm_narrative_new            (PmPeriod    *period);
PmPeriod    *pm_narrative_get_period     (PmNarrative *self);
const char  *pm_narrative_get_progress   (PmNarrative *self);
void         pm_narrative_set_progress   (PmNarrative *self,
                                          const char  *progress);
const char  *pm_narrative_get_learning   (PmNarrative *self);
void         pm_narrative_set_learning   (PmNarrative *self,
                                          const char  *learning);
const char  *pm_narrative_get_case_study (PmNarrative *self);
void         pm_narrative_set_case_study (PmNarrative *self,
                                          const char  *case_study);
/* TRUE when all three texts are empty. */
gboolean     pm_narrative_is_empty       (PmNarrative *self);

G_END_DECLS
