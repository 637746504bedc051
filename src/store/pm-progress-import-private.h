/* pm-progress-import-private.h: the checks of a CSV row's percentage
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "model/pm-programme.h"

G_BEGIN_DECLS

/* Sets @entry's value from the row's numerator and denominator, if it
 * gives them (both or neither; only for a percentage), checking that a
 * value given as well (@value_text, already set on @entry) agrees with
 * them to the decimals it was written with. FALSE with @error saying why
 * the row is refused. */
gboolean _pm_progress_import_read_parts      (PmProgressEntry  *entry,
                                              PmUnit            unit,
                                              const char       *value_text,
                                              const char       *numerator_text,
                                              const char       *denominator_text,
                                              GError          **error);

/* Adds the sites a row's value_sites gives ("Rawlett=29; TEC=110",
 * numbers as in the value column) to @entry, whose value (if the row
 * gives one) is set: a count or money gets their sum as its value, and a
 * value given that differs is refused naming both. */
gboolean _pm_progress_import_read_sites      (PmProgressEntry  *entry,
                                              PmUnit            unit,
                                              const char       *sites_text,
                                              GError          **error);

/* Whether @a and @b have the same parts, or neither has any:
 * pm_progress_entry_equal() leaves them out, but a value now given with
 * its parts is a change to save. */
gboolean _pm_progress_import_same_parts      (PmProgressEntry  *a,
                                              PmProgressEntry  *b);

/* A warning when @entry's percentage looks like a fraction (0.62 meant
 * as 62%): a value above 0 and no more than 1, given without its parts,
 * for a KPI whose baseline, other values held, or @max_in_file (the
 * largest value the file gives it; negative for none) are above 1. NULL
 * when it does not. */
char    *_pm_progress_import_check_fraction  (PmKpi            *kpi,
                                              PmProgressEntry  *entry,
                                              double            max_in_file);

G_END_DECLS
