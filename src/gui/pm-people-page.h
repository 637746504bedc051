/* pm-people-page.h: the people of a programme on a server
 *
 * For the programme office: who may open the programme and as what, with
 * Add (name, role, a lead's districts, an optional password) and Remove.
 * The server makes the logins (pm-store-people.h); a failure is a toast
 * on the page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pm-session.h"

G_BEGIN_DECLS

#define PM_TYPE_PEOPLE_PAGE (pm_people_page_get_type ())
G_DECLARE_FINAL_TYPE (PmPeoplePage, pm_people_page, PM, PEOPLE_PAGE, AdwBin)

/* Property: "session" (construct). Actions: people.add, people.remove
 * (the selected person). */
GtkWidget  *pm_people_page_new     (PmSession    *session);
/* Reads the people again from the server (when the page is shown). */
void        pm_people_page_reload  (PmPeoplePage *self);
/* The latest failure shown, while it shows (for tests). */
AdwToast   *pm_people_page_get_toast  (PmPeoplePage *self);
/* The people listed (PmPerson). */
GListModel *pm_people_page_get_people (PmPeoplePage *self);

G_END_DECLS
