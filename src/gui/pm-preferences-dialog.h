/* pm-preferences-dialog.h: the application's settings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pm-session.h"

G_BEGIN_DECLS

#define PM_TYPE_PREFERENCES_DIALOG (pm_preferences_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PmPreferencesDialog, pm_preferences_dialog, PM, PREFERENCES_DIALOG, AdwPreferencesWindow)

/* Each field is bound to the session's settings: what is typed is kept
 * as it is typed. @session must have settings.
 *
 * Properties: "session" (construct-only). */
PmPreferencesDialog *pm_preferences_dialog_new (GtkWindow *parent,
                                                PmSession *session);

/* Opens on the name, saying why it is asked: the account gives only a
 * login. */
void                 pm_preferences_dialog_ask_name (PmPreferencesDialog *self);

G_END_DECLS
