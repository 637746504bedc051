/* pm-edits-private.h: shared by pm-edits.c and pm-edits-async.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pm-edits.h"

G_BEGIN_DECLS

/* What pm_edit_set_entry() saves for what was typed: FALSE when the value
 * does not parse; otherwise *@entry to save (NULL to remove the entry,
 * then *@old is what goes), and *@old what it replaces. Both NULL when
 * nothing changes. */
gboolean  _pm_edit_entry_to_save     (PmKpi             *kpi,
                                      PmPeriod          *period,
                                      const char        *value_text,
                                      const char        *note_text,
                                      PmProgressEntry  **entry,
                                      PmProgressEntry  **old,
                                      GError           **error);
/* Puts @old (NULL: none) back as @kpi's entry for @period. */
PmUndo   *_pm_edit_entry_undo_new    (PmKpi             *kpi,
                                      PmPeriod          *period,
                                      PmProgressEntry   *old);

G_END_DECLS
