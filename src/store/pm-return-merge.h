/* pm-return-merge.h: what a lead's return would change, and merging it
 *
 * Matched against the office's programme by names, a return becomes a
 * list of items: each KPI value and each narrative it gives for its
 * period that differs from what the office holds. An item is new (the
 * office has nothing), changed (the office's value came from the
 * programme file or an earlier return) or a conflict (the office entered
 * a different value itself). Conflicts are resolved one by one, or all
 * the same way, before anything is written; the merge is one
 * transaction, recorded in the audit trail as from the return, under its
 * author's name.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pm-return.h"
#include "pm-store.h"

G_BEGIN_DECLS

typedef enum
{
  PM_MERGE_NEW,
  PM_MERGE_CHANGED,
  PM_MERGE_CONFLICT,
} PmMergeChange;

typedef enum
{
  PM_MERGE_UNDECIDED,     /* a conflict no one has resolved yet */
  PM_MERGE_TAKE_RETURN,
  PM_MERGE_KEEP_OFFICE,
} PmMergeChoice;

/* What to do with conflicts left undecided. */
typedef enum
{
  PM_MERGE_CONFLICTS_FAIL,
  PM_MERGE_CONFLICTS_KEEP,
  PM_MERGE_CONFLICTS_REPLACE,
} PmMergeConflicts;

#define PM_TYPE_RETURN_MERGE (pm_return_merge_get_type ())
G_DECLARE_FINAL_TYPE (PmReturnMerge, pm_return_merge, PM, RETURN_MERGE, GObject)

/* Refuses (PM_FILE_ERROR_INVALID, nothing changed) a return for another
 * programme, for a district or pilot the office does not have, or giving
 * a value for a KPI that no longer exists, each with its reason. */
PmReturnMerge  *pm_return_merge_new          (PmStore          *store,
                                              PmProgramme      *office,
                                              PmReturn         *ret,
                                              GError          **error);
PmReturn       *pm_return_merge_get_return   (PmReturnMerge    *self);

guint           pm_return_merge_get_n_items  (PmReturnMerge    *self);
guint           pm_return_merge_count        (PmReturnMerge    *self,
                                              PmMergeChange     change);
PmMergeChange   pm_return_merge_get_change   (PmReturnMerge    *self,
                                              guint             index);
PmPilot        *pm_return_merge_get_pilot    (PmReturnMerge    *self,
                                              guint             index);
/* NULL for a narrative. */
PmKpi          *pm_return_merge_get_kpi      (PmReturnMerge    *self,
                                              guint             index);
/* For a value: the office's entry (NULL when new) and the return's. */
PmProgressEntry *pm_return_merge_get_office_entry (PmReturnMerge *self,
                                                   guint          index);
PmProgressEntry *pm_return_merge_get_return_entry (PmReturnMerge *self,
                                                   guint          index);
/* For a narrative: the office's (NULL when new) and the return's. */
PmNarrative    *pm_return_merge_get_office_narrative (PmReturnMerge *self,
                                                      guint          index);
PmNarrative    *pm_return_merge_get_return_narrative (PmReturnMerge *self,
                                                      guint          index);
PmMergeChoice   pm_return_merge_get_choice   (PmReturnMerge    *self,
                                              guint             index);
void            pm_return_merge_set_choice   (PmReturnMerge    *self,
                                              guint             index,
                                              PmMergeChoice     choice);

/* Writes every item taken from the return in one transaction, then
 * updates the office's model; conflicts still undecided go as
 * @conflicts says (FAIL: PM_STORE_ERROR_INVALID naming them, nothing
 * written). A value or narrative saved by someone else since the review
 * is PM_STORE_ERROR_CONFLICT naming it, nothing written. @n_written may
 * be NULL. */
gboolean        pm_return_merge_apply        (PmReturnMerge    *self,
                                              PmMergeConflicts  conflicts,
                                              guint            *n_written,
                                              GError          **error);

G_END_DECLS
