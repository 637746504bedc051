/* pm-session-lookup.c: the district, pilot or KPI of the session's
 * programme with a store id
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pm-session.h"

typedef gboolean (*Visit) (GObject *item,
                           gint64   id);

static gboolean
district_has_id (GObject *item,
                 gint64   id)
{
  return PM_IS_DISTRICT (item) && pm_district_get_id (PM_DISTRICT (item)) == id;
}

static gboolean
pilot_has_id (GObject *item,
              gint64   id)
{
  return PM_IS_PILOT (item) && pm_pilot_get_id (PM_PILOT (item)) == id;
}

static gboolean
kpi_has_id (GObject *item,
            gint64   id)
{
  return PM_IS_KPI (item) && pm_kpi_get_id (PM_KPI (item)) == id;
}

/* Walks districts, their pilots and the pilots' KPIs in programme order;
 * ids are the store's, so the programme has at most one of each. */
static gpointer
find_item (PmSession *self,
           Visit      matches,
           gint64     id)
{
  GListModel *districts;

  if (pm_session_get_programme (self) == NULL || id <= 0)
    return NULL;

  districts = pm_programme_get_districts (pm_session_get_programme (self));
  for (guint d = 0; d < g_list_model_get_n_items (districts); d++)
    {
      g_autoptr(PmDistrict) district = g_list_model_get_item (districts, d);
      GListModel *pilots = pm_district_get_pilots (district);

      if (matches (G_OBJECT (district), id))
        return district;

      for (guint p = 0; p < g_list_model_get_n_items (pilots); p++)
        {
          g_autoptr(PmPilot) pilot = g_list_model_get_item (pilots, p);
          GListModel *kpis = pm_pilot_get_kpis (pilot);

          if (matches (G_OBJECT (pilot), id))
            return pilot;

          for (guint k = 0; k < g_list_model_get_n_items (kpis); k++)
            {
              g_autoptr(PmKpi) kpi = g_list_model_get_item (kpis, k);

              if (matches (G_OBJECT (kpi), id))
                return kpi;
            }
        }
    }

  return NULL;
}

PmDistrict *
pm_session_find_district (PmSession *self,
                          gint64     id)
{
  g_return_val_if_fail (PM_IS_SESSION (self), NULL);

  return find_item (self, district_has_id, id);
}

PmPilot *
pm_session_find_pilot (PmSession *self,
                       gint64     id)
{
  g_return_val_if_fail (PM_IS_SESSION (self), NULL);

  return find_item (self, pilot_has_id, id);
}

PmKpi *
pm_session_find_kpi (PmSession *self,
                     gint64     id)
{
  g_return_val_if_fail (PM_IS_SESSION (self), NULL);

  return find_item (self, kpi_has_id, id);
}
