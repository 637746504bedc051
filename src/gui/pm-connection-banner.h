/* pm-connection-banner.h: the banner while a server's connection is lost
 *
 * "Connection to the server lost. Retrying in N s…", with Retry Now,
 * shown while the session's PmReconnect is waiting and hidden once the
 * connection is back. A value typed meanwhile stays in its field and is
 * saved then (pm_session_keep_pending_entry()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pm-session.h"

G_BEGIN_DECLS

#define PM_TYPE_CONNECTION_BANNER (pm_connection_banner_get_type ())
G_DECLARE_FINAL_TYPE (PmConnectionBanner, pm_connection_banner, PM, CONNECTION_BANNER, AdwBin)

void        pm_connection_banner_set_session (PmConnectionBanner *self,
                                              PmSession          *session);
/* TRUE while it shows; and what it says (for tests). */
gboolean    pm_connection_banner_is_shown    (PmConnectionBanner *self);
const char *pm_connection_banner_get_text    (PmConnectionBanner *self);

G_END_DECLS
