/* pm-store-people.c: who the store is connected as, and the people of a
 * programme on a server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "pm-pg-database.h"
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

/* The people functions need the programme's own roles (schema 9): a
 * server not yet brought up to date (opened read-only) has none. */
static gboolean
check_people_schema (PmStore  *store,
                     GError  **error)
{
  int version = 0;

  if (!check_server (store, error))
    return FALSE;
  if (!pm_database_get_schema_version (_pm_store_get_database (store), &version, error))
    return FALSE;
  if (version >= 9)
    return TRUE;

  g_set_error_literal (error, PM_STORE_ERROR, PM_STORE_ERROR_READ_ONLY,
                       _("This programme’s database is from an older Pilot Monitor: its owner "
                         "must open it once to bring it up to date before people can be set up."));
  return FALSE;
}

static gboolean
check_may_manage (PmStore  *store,
                  GError  **error)
{
  if (!check_people_schema (store, error))
    return FALSE;
  if (pm_store_may_manage_people (store))
    return TRUE;

  g_set_error_literal (error, PM_STORE_ERROR, PM_STORE_ERROR_DENIED,
                       _("Only the programme office may set people up."));
  return FALSE;
}

/* A login name the server will take as it is (quoted, any text is a
 * name; these are the ones that would surprise). */
static gboolean
check_name (const char  *name,
            GError     **error)
{
  if (name[0] == '\0' || !g_utf8_validate (name, -1, NULL))
    {
      g_set_error_literal (error, PM_STORE_ERROR, PM_STORE_ERROR_INVALID,
                           _("A person needs a name to log in with."));
      return FALSE;
    }
  if (strlen (name) > 63)
    {
      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_INVALID,
                   _("“%s” is too long for a name on the server (at most 63 bytes)."), name);
      return FALSE;
    }
  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_iscntrl (g_utf8_get_char (p)) || g_unichar_isspace (g_utf8_get_char (p)))
      {
        g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_INVALID,
                     _("“%s” cannot be a name on the server: it holds a space or a control "
                       "character."), name);
        return FALSE;
      }
  if (g_str_has_prefix (name, "pg_"))
    {
      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_INVALID,
                   _("“%s” cannot be a name on the server: names beginning “pg_” are the "
                     "server’s own."), name);
      return FALSE;
    }

  return TRUE;
}

/* Runs @sql (one row expected) with up to four text parameters; with
 * @value, the first column of the row (NULL for SQL NULL). */
static gboolean
query_text (PmStore     *store,
            const char  *sql,
            const char  *params[4],
            char       **value,
            GError     **error)
{
  g_autoptr(PmStatement) stmt = NULL;
  GError *local_error = NULL;

  stmt = pm_database_prepare (_pm_store_get_database (store), sql, error);
  if (stmt == NULL)
    return FALSE;
  for (int i = 0; i < 4 && params[i] != NULL; i++)
    pm_statement_bind_text (stmt, i + 1, params[i]);

  if (pm_statement_step (stmt, &local_error))
    {
      if (value != NULL)
        *value = g_strdup (pm_statement_get_text (stmt, 0));
      return TRUE;
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (value != NULL)
    *value = NULL;
  return TRUE;
}

/* The programme's access of @name ("office", "lead", "viewer"), or NULL
 * (with no error) when they are none of its people. */
static gboolean
person_access (PmStore     *store,
               const char  *name,
               char       **access,
               GError     **error)
{
  const char *params[4] = { name, NULL, };

  return query_text (store, "SELECT pm_person_access (?1::text)", params, access, error);
}

/* What the server keeps of @password: encrypted here. */
static char *
encrypt_password (PmStore     *store,
                  const char  *name,
                  const char  *password,
                  GError     **error)
{
  PmDatabase *database = _pm_store_get_database (store);

  if (password[0] == '\0')
    {
      g_set_error_literal (error, PM_STORE_ERROR, PM_STORE_ERROR_INVALID,
                           _("A password cannot be empty."));
      return NULL;
    }

  return _pm_pg_database_encrypt_password (PM_PG_DATABASE (database), name, password, error);
}

/* @districts as a PostgreSQL array literal, each element quoted. */
static char *
array_literal (const char * const *districts)
{
  GString *out = g_string_new ("{");

  for (guint i = 0; districts != NULL && districts[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, '"');
      for (const char *p = districts[i]; *p != '\0'; p++)
        {
          if (*p == '"' || *p == '\\')
            g_string_append_c (out, '\\');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  g_string_append_c (out, '}');

  return g_string_free (out, FALSE);
}

/* Inside the transaction: what add_person refuses, with its reason. */
static gboolean
check_new_person (PmStore             *store,
                  const char          *name,
                  PmAccess             access,
                  const char * const  *districts,
                  GError             **error)
{
  guint n_districts = districts != NULL ? g_strv_length ((char **) districts) : 0;
  const char *params[4] = { name, NULL, };
  g_autofree char *taken = NULL;

  if (access == PM_ACCESS_OWNER)
    {
      g_set_error_literal (error, PM_STORE_ERROR, PM_STORE_ERROR_INVALID,
                           _("A person is of the office, a lead or a viewer; the owner is the "
                             "database’s own."));
      return FALSE;
    }
  if (access == PM_ACCESS_LEAD && n_districts == 0)
    {
      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_INVALID,
                   _("A lead leads at least one district: name the districts %s is to lead."),
                   name);
      return FALSE;
    }
  if (access != PM_ACCESS_LEAD && n_districts > 0)
    {
      g_set_error_literal (error, PM_STORE_ERROR, PM_STORE_ERROR_INVALID,
                           _("Only a lead has districts of their own: the office and viewers see "
                             "every district."));
      return FALSE;
    }

  for (guint i = 0; i < n_districts; i++)
    {
      const char *district_params[4] = { districts[i], NULL, };
      g_autofree char *found = NULL;

      if (!query_text (store, "SELECT name FROM district WHERE lower (name) = lower (?1::text)",
                       district_params, &found, error))
        return FALSE;
      if (found == NULL)
        {
          g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_INVALID,
                       _("There is no district “%s” in the programme."), districts[i]);
          return FALSE;
        }
    }

  if (!query_text (store, "SELECT rolname::text FROM pg_catalog.pg_roles WHERE rolname = ?1::text",
                   params, &taken, error))
    return FALSE;
  if (taken != NULL)
    {
      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_INVALID,
                   _("“%s” is already a name on the server: choose another."), name);
      return FALSE;
    }

  return TRUE;
}

/* After a change to the people: who we are may have changed with it. */
static gboolean
end_people_write (PmStore  *store,
                  gboolean  ok,
                  GError  **error)
{
  if (!_pm_store_end_write (store, ok, error))
    return FALSE;

  return _pm_store_read_identity (store, error);
}

GListModel *
pm_store_list_people (PmStore  *store,
                      GError  **error)
{
  g_autoptr(GListStore) people = NULL;
  g_autoptr(GHashTable) districts = NULL;
  g_autoptr(PmStatement) stmt = NULL;
  PmDatabase *database;
  GError *local_error = NULL;

  g_return_val_if_fail (PM_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_people_schema (store, error))
    return NULL;
  database = _pm_store_get_database (store);

  /* Each lead's districts, in the programme's order. */
  districts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  stmt = pm_database_prepare (database,
                              "SELECT l.role_name, d.name FROM lead_district l"
                              " JOIN district d ON d.id = l.district_id"
                              " ORDER BY l.role_name, d.position, d.id",
                              error);
  if (stmt == NULL)
    return NULL;
  while (pm_statement_step (stmt, &local_error))
    {
      const char *role = pm_statement_get_text (stmt, 0);
      GPtrArray *names = g_hash_table_lookup (districts, role);

      if (names == NULL)
        {
          names = g_ptr_array_new_with_free_func (g_free);
          g_hash_table_insert (districts, g_strdup (role), names);
        }
      g_ptr_array_add (names, g_strdup (pm_statement_get_text (stmt, 1)));
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  g_clear_pointer (&stmt, pm_statement_free);

  people = g_list_store_new (PM_TYPE_PERSON);
  stmt = pm_database_prepare (database,
                              "SELECT r.rolname::text,"
                              "       CASE WHEN bool_or (g.rolname = m.office_role) THEN 'office'"
                              "            WHEN bool_or (g.rolname = m.lead_role) THEN 'lead'"
                              "            ELSE 'viewer' END"
                              "  FROM pg_catalog.pg_auth_members a"
                              "  JOIN pg_catalog.pg_roles g ON g.oid = a.roleid"
                              "  JOIN pg_catalog.pg_roles r ON r.oid = a.member"
                              "  CROSS JOIN pm_meta m"
                              " WHERE g.rolname IN (m.office_role, m.lead_role, m.viewer_role)"
                              " GROUP BY r.rolname ORDER BY r.rolname",
                              error);
  if (stmt == NULL)
    return NULL;
  while (pm_statement_step (stmt, &local_error))
    {
      const char *name = pm_statement_get_text (stmt, 0);
      int access = PM_ACCESS_VIEWER;
      GPtrArray *names = g_hash_table_lookup (districts, name);
      g_autoptr(PmPerson) person = NULL;

      pm_enum_from_name (PM_TYPE_ACCESS, pm_statement_get_text (stmt, 1), &access);
      if (names != NULL && access == PM_ACCESS_LEAD)
        g_ptr_array_add (names, NULL);
      person = pm_person_new (name, access,
                              names != NULL && access == PM_ACCESS_LEAD
                              ? (const char * const *) names->pdata : NULL);
      g_list_store_append (people, person);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }

  return G_LIST_MODEL (g_steal_pointer (&people));
}

gboolean
pm_store_add_person (PmStore            *store,
                     const char         *name,
                     PmAccess            access,
                     const char * const *districts,
                     const char         *password,
                     GError            **error)
{
  g_autofree char *encrypted = NULL;
  g_autofree char *array = NULL;
  const char *params[4] = { NULL, };
  gboolean ok;

  g_return_val_if_fail (PM_IS_STORE (store), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_may_manage (store, error) || !check_name (name, error))
    return FALSE;
  if (password != NULL && (encrypted = encrypt_password (store, name, password, error)) == NULL)
    return FALSE;

  if (!_pm_store_begin_write (store, error))
    return FALSE;

  array = array_literal (districts);
  params[0] = name;
  params[1] = pm_enum_to_name (PM_TYPE_ACCESS, access);
  params[2] = array;
  params[3] = encrypted;
  ok = check_new_person (store, name, access, districts, error) &&
       query_text (store, "SELECT pm_add_person (?1::text, ?2::text, ?3::text[], ?4::text)",
                   params, NULL, error);

  return end_people_write (store, ok, error);
}

gboolean
pm_store_remove_person (PmStore     *store,
                        const char  *name,
                        GError     **error)
{
  g_autofree char *access = NULL;
  const char *params[4] = { name, NULL, };
  gboolean ok;

  g_return_val_if_fail (PM_IS_STORE (store), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_may_manage (store, error))
    return FALSE;
  if (g_strcmp0 (name, pm_store_get_person_name (store)) == 0)
    {
      g_set_error_literal (error, PM_STORE_ERROR, PM_STORE_ERROR_INVALID,
                           _("You cannot remove yourself: someone else of the office must."));
      return FALSE;
    }

  if (!_pm_store_begin_write (store, error))
    return FALSE;

  ok = person_access (store, name, &access, error);
  if (ok && access == NULL)
    {
      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_NOT_FOUND,
                   _("“%s” is not one of the people of this programme."), name);
      ok = FALSE;
    }
  ok = ok && query_text (store, "SELECT pm_remove_person (?1::text)", params, NULL, error);

  return end_people_write (store, ok, error);
}

gboolean
pm_store_set_password (PmStore     *store,
                       const char  *name,
                       const char  *password,
                       GError     **error)
{
  g_autofree char *encrypted = NULL;
  g_autofree char *access = NULL;
  const char *params[4] = { name, NULL, };
  gboolean self;
  gboolean ok;

  g_return_val_if_fail (PM_IS_STORE (store), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (password != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  self = g_strcmp0 (name, pm_store_get_person_name (store)) == 0;
  if (!(self ? check_people_schema (store, error) : check_may_manage (store, error)))
    return FALSE;
  if ((encrypted = encrypt_password (store, name, password, error)) == NULL)
    return FALSE;

  if (!_pm_store_begin_write (store, error))
    return FALSE;

  ok = self || person_access (store, name, &access, error);
  if (ok && !self && access == NULL)
    {
      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_NOT_FOUND,
                   _("“%s” is not one of the people of this programme."), name);
      ok = FALSE;
    }
  params[1] = encrypted;
  ok = ok && query_text (store, "SELECT pm_set_password (?1::text, ?2::text)", params, NULL, error);

  return end_people_write (store, ok, error);
}
