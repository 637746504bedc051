/* pm-person.h: someone with a role on a programme kept on a server
 *
 * A person is a login on the server: their name, what they may do
 * (PmAccess) and, for a district lead, the districts they lead. Read
 * from the store (pm_store_list_people()) and never edited.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "pm-enums.h"

G_BEGIN_DECLS

#define PM_TYPE_PERSON (pm_person_get_type ())
G_DECLARE_FINAL_TYPE (PmPerson, pm_person, PM, PERSON, GObject)

/* @districts: the names of the districts a lead leads (NULL or empty
 * for anyone else); copied. */
PmPerson            *pm_person_new           (const char          *name,
                                              PmAccess             access,
                                              const char * const  *districts);

const char          *pm_person_get_name      (PmPerson            *self);
PmAccess             pm_person_get_access    (PmPerson            *self);
/* Never NULL: an empty vector when none. */
const char * const  *pm_person_get_districts (PmPerson            *self);

G_END_DECLS
