/* pm-connect-dialog.h: asks for a server's address and password
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pm-session.h"

G_BEGIN_DECLS

#define PM_TYPE_CONNECT_DIALOG (pm_connect_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PmConnectDialog, pm_connect_dialog, PM, CONNECT_DIALOG, AdwMessageDialog)

/* Asks over @parent for a PostgreSQL server's address (prefilled with
 * @location, which may be NULL; a password in it is never shown) and
 * password, and opens it in @session on Connect; @problem (may be NULL)
 * says why it asks. A refused password asks again, saying so; any other
 * failure is reported through the session. The password is wiped from
 * the field and from memory once answered.
 *
 * Properties: "session" (construct-only). */
PmConnectDialog *pm_connect_dialog_new (GtkWindow  *parent,
                                        PmSession  *session,
                                        const char *location,
                                        const char *problem);
/* Presents a new dialog, the first empty field focused. */
void             pm_connect_dialog_ask (GtkWindow  *parent,
                                        PmSession  *session,
                                        const char *location,
                                        const char *problem);

G_END_DECLS
