/* pm-session-people.c: what the person connected may do, and the people
 * of a programme on a server
 *
 * The server enforces the roles whatever program connects
 * (docs/server.md); the store tells what they allow beforehand
 * (pm-store-people.h), and the pages ask here rather than the store, so
 * that a lead's window offers edits only where the server would take
 * them and a viewer's none.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pm-format.h"
#include "pm-session.h"
#include "store/pm-store-people.h"

PmAccess
pm_session_get_access (PmSession *self)
{
  PmStore *store;

  g_return_val_if_fail (PM_IS_SESSION (self), PM_ACCESS_VIEWER);

  store = pm_session_get_store (self);
  return store != NULL ? pm_store_get_access (store) : PM_ACCESS_OWNER;
}

gboolean
pm_session_may_edit_district (PmSession  *self,
                              PmDistrict *district)
{
  PmStore *store;

  g_return_val_if_fail (PM_IS_SESSION (self), FALSE);
  g_return_val_if_fail (district == NULL || PM_IS_DISTRICT (district), FALSE);

  store = pm_session_get_store (self);
  if (store == NULL)
    return TRUE;
  if (district == NULL)
    return pm_store_may_edit_structure (store);
  return pm_store_may_edit_district (store, district);
}

gboolean
pm_session_may_edit_structure (PmSession *self)
{
  PmStore *store;

  g_return_val_if_fail (PM_IS_SESSION (self), FALSE);

  store = pm_session_get_store (self);
  return store == NULL || pm_store_may_edit_structure (store);
}

gboolean
pm_session_may_manage_people (PmSession *self)
{
  PmStore *store;

  g_return_val_if_fail (PM_IS_SESSION (self), FALSE);

  store = pm_session_get_store (self);
  return store != NULL && pm_store_is_server (store) && pm_store_may_manage_people (store);
}

char *
pm_session_describe_person (PmSession *self)
{
  PmStore *store;
  PmProgramme *programme;
  g_autoptr(GPtrArray) led = g_ptr_array_new ();
  PmAccess access;

  g_return_val_if_fail (PM_IS_SESSION (self), NULL);

  store = pm_session_get_store (self);
  if (store == NULL || !pm_store_is_server (store) || pm_store_get_person_name (store) == NULL)
    return NULL;

  /* A lead's districts: those of the programme the store lets them change. */
  access = pm_store_get_access (store);
  programme = pm_session_get_programme (self);
  if (access == PM_ACCESS_LEAD && programme != NULL)
    {
      GListModel *districts = pm_programme_get_districts (programme);

      for (guint i = 0; i < g_list_model_get_n_items (districts); i++)
        {
          g_autoptr(PmDistrict) district = g_list_model_get_item (districts, i);

          if (pm_store_may_edit_district (store, district))
            g_ptr_array_add (led, (gpointer) pm_district_get_name (district));
        }
    }
  g_ptr_array_add (led, NULL);

  return pm_format_person_role (pm_store_get_person_name (store), access,
                                (const char * const *) led->pdata);
}

char *
pm_session_explain_read_only (PmSession  *self,
                              PmDistrict *district)
{
  g_return_val_if_fail (PM_IS_SESSION (self), NULL);
  g_return_val_if_fail (district == NULL || PM_IS_DISTRICT (district), NULL);

  return pm_format_read_only_reason (pm_session_get_access (self),
                                     district != NULL ? pm_district_get_name (district) : NULL,
                                     pm_session_may_edit_district (self, district));
}

GListModel *
pm_session_list_people (PmSession  *self,
                        GError    **error)
{
  PmStore *store;

  g_return_val_if_fail (PM_IS_SESSION (self), NULL);

  store = pm_session_get_store (self);
  if (store == NULL)
    return G_LIST_MODEL (g_list_store_new (PM_TYPE_PERSON));
  return pm_store_list_people (store, error);
}

gboolean
pm_session_add_person (PmSession          *self,
                       const char         *name,
                       PmAccess            access,
                       const char * const *districts,
                       const char         *password,
                       GError            **error)
{
  PmStore *store;
  g_autofree char *message = NULL;

  g_return_val_if_fail (PM_IS_SESSION (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  store = pm_session_get_store (self);
  g_return_val_if_fail (store != NULL, FALSE);

  if (!pm_store_add_person (store, name, access, districts, password, error))
    return FALSE;

  /* Translators: a toast: "jo added as District lead" */
  message = g_strdup_printf (_("%s added as %s"), name, pm_format_access (access));
  pm_session_report_saved (self, message, NULL);
  return TRUE;
}

gboolean
pm_session_remove_person (PmSession   *self,
                          const char  *name,
                          GError     **error)
{
  PmStore *store;
  g_autofree char *message = NULL;

  g_return_val_if_fail (PM_IS_SESSION (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  store = pm_session_get_store (self);
  g_return_val_if_fail (store != NULL, FALSE);

  if (!pm_store_remove_person (store, name, error))
    return FALSE;

  /* Translators: a toast: "jo removed from the programme" */
  message = g_strdup_printf (_("%s removed from the programme"), name);
  pm_session_report_saved (self, message, NULL);
  return TRUE;
}
