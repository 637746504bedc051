/* pm-returns-dialog.h: leads' returns, reviewed and merged by the office
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "store/pm-return-merge.h"

G_BEGIN_DECLS

#define PM_TYPE_RETURNS_DIALOG (pm_returns_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PmReturnsDialog, pm_returns_dialog, PM, RETURNS_DIALOG, AdwWindow)

/* Reads each of @files (a GListModel of GFile) and shows, per return,
 * what it would change and its conflicts (each with a choice), or why it
 * is refused. Merge writes each accepted return in its own transaction
 * and emits "merged" (guint n_returns, guint n_values, GError *error:
 * the first failure, the returns before it stay merged). */
PmReturnsDialog *pm_returns_dialog_new          (GtkWindow       *parent,
                                                 PmStore         *store,
                                                 PmProgramme     *programme,
                                                 GListModel      *files);
/* The merge of the @index-th file, NULL when it was refused. */
PmReturnMerge   *pm_returns_dialog_get_merge    (PmReturnsDialog *self,
                                                 guint            index);

G_END_DECLS
