/* pm-store-people.c: who the store is connected as, and the people of a
 * programme on a server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pm-store-private.h"

/* The server-wide group roles of schema 6 to 8, by access; from 9 on,
 * each programme has its own (pm_meta names them). */
static const char *
old_group_role (PmAccess access)
{
  switch (access)
    {
    case PM_ACCESS_OFFICE:
      return "pm_office";
    case PM_ACCESS_LEAD:
      return "pm_lead";
    case PM_ACCESS_VIEWER:
    case PM_ACCESS_OWNER:
    default:
      return "pm_viewer";
    }
}

/* The owner is a superuser, or a member of the role that owns the
 * database or the schema's tables (who ran the migrations). Membership
 * is looked up through pg_roles, so that a group role missing from the
 * server is no member rather than an error. */
#define IDENTITY_NAME_AND_OWNER \
  "SELECT current_user::text," \
  "       (SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = current_user)" \
  "       OR pg_has_role (current_user, (SELECT datdba FROM pg_catalog.pg_database" \
  "                                      WHERE datname = current_database ()), 'MEMBER')" \
  "       OR pg_has_role (current_user, (SELECT relowner FROM pg_catalog.pg_class" \
  "                                      WHERE oid = 'pm_meta'::regclass), 'MEMBER'),"

/* Then whether it is of the office, and a lead: ?1 and ?2 name the roles. */
#define IDENTITY_SQL \
  IDENTITY_NAME_AND_OWNER \
  "       EXISTS (SELECT 1 FROM pg_catalog.pg_roles r" \
  "               WHERE r.rolname = ?1 AND pg_has_role (current_user, r.oid, 'MEMBER'))," \
  "       EXISTS (SELECT 1 FROM pg_catalog.pg_roles r" \
  "               WHERE r.rolname = ?2 AND pg_has_role (current_user, r.oid, 'MEMBER'))"

#define IDENTITY_SQL_9 \
  IDENTITY_NAME_AND_OWNER \
  "       EXISTS (SELECT 1 FROM pg_catalog.pg_roles r JOIN pm_meta m ON r.rolname = m.office_role" \
  "               WHERE pg_has_role (current_user, r.oid, 'MEMBER'))," \
  "       EXISTS (SELECT 1 FROM pg_catalog.pg_roles r JOIN pm_meta m ON r.rolname = m.lead_role" \
  "               WHERE pg_has_role (current_user, r.oid, 'MEMBER'))"

#define LEAD_DISTRICTS_SQL \
  "SELECT l.district_id FROM lead_district l" \
  " WHERE EXISTS (SELECT 1 FROM pg_catalog.pg_roles r" \
  "               WHERE r.rolname = l.role_name AND pg_has_role (current_user, r.oid, 'MEMBER'))" \
  " ORDER BY l.district_id"

void
_pm_store_identity_clear (PmStoreIdentity *identity)
{
  g_clear_pointer (&identity->name, g_free);
  g_clear_pointer (&identity->lead_districts, g_array_unref);
  identity->access = PM_ACCESS_OWNER;
}

static gboolean
read_lead_districts (PmDatabase  *database,
                     GArray      *ids,
                     GError     **error)
{
  g_autoptr(PmStatement) stmt = NULL;
  GError *local_error = NULL;

  stmt = pm_database_prepare (database, LEAD_DISTRICTS_SQL, error);
  if (stmt == NULL)
    return FALSE;

  while (pm_statement_step (stmt, &local_error))
    {
      gint64 id = pm_statement_get_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  return TRUE;
}

gboolean
_pm_store_read_identity (PmStore  *self,
                         GError  **error)
{
  PmStoreIdentity *identity = _pm_store_get_identity (self);
  PmDatabase *database = _pm_store_get_database (self);
  g_autoptr(PmStatement) stmt = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *name = NULL;
  GError *local_error = NULL;
  PmAccess access;
  int version = 0;

  if (!pm_database_is_server (database))
    {
      _pm_store_identity_clear (identity);
      return TRUE;
    }

  if (!pm_database_get_schema_version (database, &version, error))
    return FALSE;
  stmt = pm_database_prepare (database, version >= 9 ? IDENTITY_SQL_9 : IDENTITY_SQL, error);
  if (stmt == NULL)
    return FALSE;
  if (version < 9)
    {
      pm_statement_bind_text (stmt, 1, old_group_role (PM_ACCESS_OFFICE));
      pm_statement_bind_text (stmt, 2, old_group_role (PM_ACCESS_LEAD));
    }
  if (!pm_statement_step (stmt, &local_error))
    {
      if (local_error == NULL)
        g_set_error_literal (&local_error, PM_STORE_ERROR, PM_STORE_ERROR_IO,
                             _("The server did not say who you are connected as."));
      g_propagate_error (error, local_error);
      return FALSE;
    }

  name = g_strdup (pm_statement_get_text (stmt, 0));
  if (pm_statement_get_int64 (stmt, 1))
    access = PM_ACCESS_OWNER;
  else if (pm_statement_get_int64 (stmt, 2))
    access = PM_ACCESS_OFFICE;
  else if (pm_statement_get_int64 (stmt, 3))
    access = PM_ACCESS_LEAD;
  else
    access = PM_ACCESS_VIEWER;
  g_clear_pointer (&stmt, pm_statement_free);

  if (access == PM_ACCESS_LEAD && !read_lead_districts (database, ids, error))
    return FALSE;

  _pm_store_identity_clear (identity);
  identity->access = access;
  identity->name = g_steal_pointer (&name);
  identity->lead_districts = g_steal_pointer (&ids);
  return TRUE;
}

PmAccess
pm_store_get_access (PmStore *store)
{
  g_return_val_if_fail (PM_IS_STORE (store), PM_ACCESS_VIEWER);

  return _pm_store_get_identity (store)->access;
}

const char *
pm_store_get_person_name (PmStore *store)
{
  g_return_val_if_fail (PM_IS_STORE (store), NULL);

  return _pm_store_get_identity (store)->name;
}

gboolean
pm_store_may_edit_district (PmStore    *store,
                            PmDistrict *district)
{
  PmStoreIdentity *identity;
  gint64 id;

  g_return_val_if_fail (PM_IS_STORE (store), FALSE);
  g_return_val_if_fail (PM_IS_DISTRICT (district), FALSE);

  identity = _pm_store_get_identity (store);
  switch (identity->access)
    {
    case PM_ACCESS_OWNER:
    case PM_ACCESS_OFFICE:
      return TRUE;
    case PM_ACCESS_LEAD:
      id = pm_district_get_id (district);
      for (guint i = 0; id != 0 && identity->lead_districts != NULL && i < identity->lead_districts->len; i++)
        if (g_array_index (identity->lead_districts, gint64, i) == id)
          return TRUE;
      return FALSE;
    case PM_ACCESS_VIEWER:
    default:
      return FALSE;
    }
}

gboolean
pm_store_may_edit_structure (PmStore *store)
{
  PmAccess access;

  g_return_val_if_fail (PM_IS_STORE (store), FALSE);

  access = _pm_store_get_identity (store)->access;
  return access == PM_ACCESS_OWNER || access == PM_ACCESS_OFFICE;
}

gboolean
pm_store_may_manage_people (PmStore *store)
{
  g_return_val_if_fail (PM_IS_STORE (store), FALSE);

  return pm_store_is_server (store) && pm_store_may_edit_structure (store);
}

/* People */

static gboolean
check_server (PmStore  *store,
              GError  **error)
{
  if (pm_store_is_server (store))
    return TRUE;

  g_set_error_literal (error, PM_STORE_ERROR, PM_STORE_ERROR_INVALID,
                       _("A programme kept in a file has no people; people are set up on a server."));
  return FALSE;
}

static gboolean
not_yet (GError **error)
{
  g_set_error_literal (error, PM_STORE_ERROR, PM_STORE_ERROR_INVALID,
                       _("Setting people up from Pilot Monitor is not available yet."));
  return FALSE;
}

GListModel *
pm_store_list_people (PmStore  *store,
                      GError  **error)
{
  g_return_val_if_fail (PM_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_server (store, error))
    return NULL;
  not_yet (error);
  return NULL;
}

gboolean
pm_store_add_person (PmStore            *store,
                     const char         *name,
                     PmAccess            access,
                     const char * const *districts,
                     const char         *password,
                     GError            **error)
{
  g_return_val_if_fail (PM_IS_STORE (store), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return check_server (store, error) && not_yet (error);
}

gboolean
pm_store_remove_person (PmStore     *store,
                        const char  *name,
                        GError     **error)
{
  g_return_val_if_fail (PM_IS_STORE (store), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return check_server (store, error) && not_yet (error);
}

gboolean
pm_store_set_password (PmStore     *store,
                       const char  *name,
                       const char  *password,
                       GError     **error)
{
  g_return_val_if_fail (PM_IS_STORE (store), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (password != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return check_server (store, error) && not_yet (error);
}
