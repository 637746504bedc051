/* pm-progress-import-private.h: the checks of a CSV's header and of a row's parts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "model/pm-programme.h"

G_BEGIN_DECLS

/* The columns of a CSV of values, in their usual order; those from the
 * note on may be left out. */
enum { PM_IMPORT_COL_DISTRICT, PM_IMPORT_COL_PILOT, PM_IMPORT_COL_KPI, PM_IMPORT_COL_PERIOD,
       PM_IMPORT_COL_VALUE, PM_IMPORT_COL_NOTE, PM_IMPORT_COL_NUMERATOR,
       PM_IMPORT_COL_DENOMINATOR, PM_IMPORT_COL_VALUE_SITES, PM_IMPORT_N_COLUMNS };

/* Finds each column in the first line, @header: @columns[c] is its index
 * or -1. Refused with @error when a column is named twice or one that may
 * not be left out is missing. */
gboolean _pm_progress_import_find_columns    (GStrv             header,
                                              int               columns[PM_IMPORT_N_COLUMNS],
                                              GError          **error);

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
