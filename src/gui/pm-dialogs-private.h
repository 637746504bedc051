/* pm-dialogs-private.h: what the dialogs' two files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pm-dialogs.h"
#include "pm-edit-dialog.h"
#include "pm-edits.h"
#include "pm-format.h"

G_BEGIN_DECLS

/* What an open dialog works on; the references are its own. */
typedef struct
{
  GtkWindow  *parent;
  PmSession  *session;
  PmDistrict *district;
  PmPilot    *pilot;
  PmKpi      *kpi;
} PmDialogContext;

PmDialogContext *_pm_dialog_context_new    (GtkWindow        *parent,
                                            PmSession        *session,
                                            PmDistrict       *district,
                                            PmPilot          *pilot,
                                            PmKpi            *kpi);
void             _pm_dialog_context_free   (gpointer          data);
/* A form over the context's parent that frees @context when it goes. */
PmEditDialog    *_pm_dialog_new            (PmDialogContext  *context,
                                            const char       *title,
                                            const char       *accept_label,
                                            PmEditDialogFunc  func);
/* Shows @item (a PmProgramme, PmDistrict, PmPilot or PmKpi) through the
 * parent window's win.show-* actions. */
void             _pm_dialog_show           (PmDialogContext  *context,
                                            GObject          *item);
/* A problem with what was typed goes beside @key; anything else (the
 * disk, a lock) in a dialog of its own. Either way the form stays open. */
void             _pm_dialog_report_failure (PmEditDialog     *dialog,
                                            PmDialogContext  *context,
                                            const char       *key,
                                            const GError     *error);
/* Writes @draft's properties @names onto @object (in the store already)
 * as one change, reported with @saved_message and its undo; a failure is
 * shown as _pm_dialog_report_failure() does, beside @error_key. */
gboolean         _pm_dialog_update_from    (PmEditDialog     *dialog,
                                            PmDialogContext  *context,
                                            GObject          *object,
                                            GObject          *draft,
                                            guint             n_names,
                                            const char      **names,
                                            const char       *error_key,
                                            const char       *saved_message);
/* NULL for "" so that empty fields store no text. */
const char      *_pm_dialog_empty_to_null  (const char       *text);

G_END_DECLS
