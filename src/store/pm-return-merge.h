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
 * author's name and the fingerprint of the key that signed it.
 *
 * A return is merged only when signed by the key the office trusts for
 * its district: the first time, the office trusts the key explicitly
 * (pm_return_merge_set_trust_key()), having compared its fingerprint with
 * the lead's; after that a return signed by any other key is refused. A
 * return written before one already merged for the same district and
 * quarter is stale, and refused unless conflicts are to be replaced.
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

/* What to do with conflicts left undecided; REPLACE also merges a stale
 * return. */
typedef enum
{
  PM_MERGE_CONFLICTS_FAIL,
  PM_MERGE_CONFLICTS_KEEP,
  PM_MERGE_CONFLICTS_REPLACE,
} PmMergeConflicts;

/* The return's key, against the one the office trusts for its district. */
typedef enum
{
  PM_RETURN_KEY_TRUSTED,  /* the one the office trusts */
  PM_RETURN_KEY_NEW,      /* the office trusts none for the district yet */
  PM_RETURN_KEY_OTHER,    /* the office trusts another key for the district */
} PmReturnKeyState;

#define PM_TYPE_RETURN_MERGE (pm_return_merge_get_type ())
G_DECLARE_FINAL_TYPE (PmReturnMerge, pm_return_merge, PM, RETURN_MERGE, GObject)

/* Refuses (PM_FILE_ERROR_INVALID, nothing changed) a return for another
 * programme, for a district or pilot the office does not have, written
 * more than a day after the office's clock says it is now, or giving a
 * value for a KPI that no longer exists, each with its reason. Whether
 * its key is trusted and whether it is stale it only notes: see
 * pm_return_merge_check(). */
PmReturnMerge  *pm_return_merge_new          (PmStore          *store,
                                              PmProgramme      *office,
                                              PmReturn         *ret,
                                              GError          **error);
PmReturn       *pm_return_merge_get_return   (PmReturnMerge    *self);

PmReturnKeyState pm_return_merge_get_key_state (PmReturnMerge   *self);
/* The fingerprint of the key the office trusts for the district, NULL
 * when none. */
const char     *pm_return_merge_get_trusted_fingerprint (PmReturnMerge *self);
/* Whether merging it also trusts its key for its district, from then on
 * (replacing the one trusted before, if any). FALSE to begin with. */
void            pm_return_merge_set_trust_key (PmReturnMerge   *self,
                                               gboolean         trust);
gboolean        pm_return_merge_get_trust_key (PmReturnMerge   *self);
/* TRUE when a return written later has been merged for the same
 * district and quarter; then the time that one was written. */
gboolean        pm_return_merge_is_stale     (PmReturnMerge    *self);
const char     *pm_return_merge_get_newer_created (PmReturnMerge *self);
/* Whether it may be merged as it stands: FALSE with the reason when its
 * key is another than the district's (PM_FILE_ERROR_UNTRUSTED), when it
 * is stale and @conflicts is not REPLACE (PM_FILE_ERROR_STALE), or when
 * the district has no key yet and this one is not to be trusted
 * (PM_FILE_ERROR_UNTRUSTED), in that order. */
gboolean        pm_return_merge_check        (PmReturnMerge    *self,
                                              PmMergeConflicts  conflicts,
                                              GError          **error);

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
 * written). Refused, writing nothing, as pm_return_merge_check() says,
 * checked again inside the transaction. A value or narrative saved by
 * someone else since the review is PM_STORE_ERROR_CONFLICT naming it,
 * nothing written. @n_written may be NULL. */
gboolean        pm_return_merge_apply        (PmReturnMerge    *self,
                                              PmMergeConflicts  conflicts,
                                              guint            *n_written,
                                              GError          **error);
/* The same for several returns into one store, all in one transaction:
 * all are merged or none is. Two returns for the same district and
 * quarter are refused. On failure *@failed (may be NULL) is the index of
 * the return that was refused. */
gboolean        pm_return_merge_apply_all    (PmReturnMerge   **merges,
                                              guint             n_merges,
                                              PmMergeConflicts  conflicts,
                                              guint            *failed,
                                              GError          **error);
/* After a merge: how many items were written, and whether the item at
 * @index was (the return's value or narrative taken). */
guint           pm_return_merge_get_n_written (PmReturnMerge   *self);
gboolean        pm_return_merge_get_written  (PmReturnMerge    *self,
                                              guint             index);

G_END_DECLS
