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
 * "case-study", "risks" (risks and issues), "milestones" (next
 * milestones) (strings or NULL). */
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
const char  *pm_narrative_get_risks      (PmNarrative *self);
void         pm_narrative_set_risks      (PmNarrative *self,
                                          const char  *risks);
const char  *pm_narrative_get_milestones (PmNarrative *self);
void         pm_narrative_set_milestones (PmNarrative *self,
                                          const char  *milestones);
/* A new narrative for the same period with the same texts. */
PmNarrative *pm_narrative_copy           (PmNarrative *self);
/* TRUE when @a and @b say the same (whatever their periods). */
gboolean     pm_narrative_same_texts     (PmNarrative *a,
                                          PmNarrative *b);
/* TRUE when all the texts are empty. */
gboolean     pm_narrative_is_empty       (PmNarrative *self);

G_END_DECLS
