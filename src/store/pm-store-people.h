/* pm-store-people.h: who the store is connected as, and the people of a
 * programme on a server
 *
 * A programme in a file belongs to whoever can open the file: they are
 * its owner and may do everything. On a server, each person is a login
 * role: the database's owner (or a superuser) may do everything, and
 * everyone else is a member of one of the programme's three group roles
 * (office, lead, viewer; see docs/server.md). The server enforces these;
 * what is here lets the window and the command line say so beforehand,
 * and lets the office set people up without writing SQL.
 *
 * The identity is read when the store opens and again after each change
 * to the people.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "model/pm-district.h"
#include "model/pm-enums.h"
#include "model/pm-person.h"
#include "pm-store.h"

G_BEGIN_DECLS

/* PM_ACCESS_OWNER for a file. */
PmAccess     pm_store_get_access          (PmStore            *store);
/* The server login name; NULL for a file. */
const char  *pm_store_get_person_name     (PmStore            *store);
/* Whether the role allows changing @district's values, narratives,
 * reach and spend, and submitting its quarters: the owner and the office
 * always, a lead only their own districts, a viewer never. (A store open
 * read-only refuses every change whatever the role.) */
gboolean     pm_store_may_edit_district   (PmStore            *store,
                                           PmDistrict         *district);
/* The programme, districts, pilots, KPIs, baselines and targets: the
 * owner and the office. */
gboolean     pm_store_may_edit_structure  (PmStore            *store);
/* Adding and removing people: the owner and the office on a server;
 * FALSE for a file, which has no people. */
gboolean     pm_store_may_manage_people   (PmStore            *store);

/* The people of the programme, by name: a GListModel of PmPerson (not
 * the owner, who is no member). PM_STORE_ERROR_INVALID for a file. */
GListModel  *pm_store_list_people         (PmStore            *store,
                                           GError            **error);
/* Makes @name a login on the server with @access (office, lead or
 * viewer) on this programme; a lead leads @districts (names, at least
 * one). @password may be NULL: the person then cannot log in with a
 * password until one is set. Refuses a name already taken on the
 * server and unknown districts with PM_STORE_ERROR_INVALID. */
gboolean     pm_store_add_person          (PmStore            *store,
                                           const char         *name,
                                           PmAccess            access,
                                           const char * const *districts,
                                           const char         *password,
                                           GError            **error);
/* Takes @name off the programme (and off the server when they have no
 * other programme there). Not yourself. */
gboolean     pm_store_remove_person       (PmStore            *store,
                                           const char         *name,
                                           GError            **error);
/* Sets the password of @name (a person of the programme, or yourself). */
gboolean     pm_store_set_password        (PmStore            *store,
                                           const char         *name,
                                           const char         *password,
                                           GError            **error);

G_END_DECLS
