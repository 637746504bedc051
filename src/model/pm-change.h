/* pm-change.h: one entry of the audit trail
 *
 * Who changed what, when, from where, and the old and new value and
 * words. Changes are read from the store and never edited.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "pm-period.h"

G_BEGIN_DECLS

typedef enum
{
  PM_CHANGE_VALUE,       /* a quarterly value and its note */
  PM_CHANGE_BASELINE,
  PM_CHANGE_TARGET,
  PM_CHANGE_NARRATIVE,
} PmChangeKind;

typedef enum
{
  PM_CHANGE_TYPED,       /* entered in the window */
  PM_CHANGE_CSV,         /* from a CSV file of values */
  PM_CHANGE_RETURN,      /* from a lead's quarterly return */
  PM_CHANGE_IMPORT,      /* from a programme file, when the database was made */
} PmChangeSource;

#define PM_TYPE_CHANGE (pm_change_get_type ())
G_DECLARE_FINAL_TYPE (PmChange, pm_change, PM, CHANGE, GObject)

/* @at is ISO 8601 UTC ("2026-11-30T09:15:00Z"); @period may be NULL; an
 * old or new value that is not known is NAN. */
PmChange       *pm_change_new            (const char     *at,
                                          const char     *author,
                                          PmChangeSource  source,
                                          PmChangeKind    kind,
                                          PmPeriod       *period,
                                          double          old_value,
                                          double          new_value,
                                          const char     *old_text,
                                          const char     *new_text);

const char     *pm_change_get_at         (PmChange *self);
const char     *pm_change_get_author     (PmChange *self);
PmChangeSource  pm_change_get_source     (PmChange *self);
PmChangeKind    pm_change_get_kind       (PmChange *self);
PmPeriod       *pm_change_get_period     (PmChange *self);
gboolean        pm_change_has_old_value  (PmChange *self);
double          pm_change_get_old_value  (PmChange *self);
gboolean        pm_change_has_new_value  (PmChange *self);
double          pm_change_get_new_value  (PmChange *self);
const char     *pm_change_get_old_text   (PmChange *self);
const char     *pm_change_get_new_text   (PmChange *self);

/* TRUE for a quarterly value whose note alone changed: the value (or
 * its absence) is the same before and after, the words are not. */
gboolean        pm_change_is_note_only   (PmChange *self);

/* "typed", "CSV file", "return", "programme file": for people. */
const char     *pm_change_source_to_words (PmChangeSource source);

G_END_DECLS
