/* pm-freeze-round-dialog.h: freezes the values shown to the committee
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pm-session.h"

G_BEGIN_DECLS

#define PM_TYPE_FREEZE_ROUND_DIALOG (pm_freeze_round_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PmFreezeRoundDialog, pm_freeze_round_dialog, PM, FREEZE_ROUND_DIALOG, AdwMessageDialog)

/* Asks over @parent for the date of the committee meeting (today at
 * first; Freeze waits for a whole, valid day) and freezes every value up
 * to @session's quarter as reported on it. The outcome is reported
 * through the session.
 *
 * Properties: "session" (construct-only). */
PmFreezeRoundDialog *pm_freeze_round_dialog_new (GtkWindow *parent,
                                                 PmSession *session);

G_END_DECLS
