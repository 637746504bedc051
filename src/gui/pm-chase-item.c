/* pm-chase-item.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pm-chase-item.h"

struct _PmChaseItem
{
  GObject      parent_instance;

  PmKpi       *kpi;
  PmPeriod    *period;
  PmChaseKind  kind;
};

G_DEFINE_FINAL_TYPE (PmChaseItem, pm_chase_item, G_TYPE_OBJECT)

static void
pm_chase_item_dispose (GObject *object)
{
  PmChaseItem *self = PM_CHASE_ITEM (object);

  g_clear_object (&self->kpi);
  g_clear_object (&self->period);

  G_OBJECT_CLASS (pm_chase_item_parent_class)->dispose (object);
}

static void
pm_chase_item_class_init (PmChaseItemClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = pm_chase_item_dispose;
}

static void
pm_chase_item_init (PmChaseItem *self)
{
}

PmChaseItem *
pm_chase_item_new (PmKpi       *kpi,
                   PmChaseKind  kind,
                   PmPeriod    *period)
{
  PmChaseItem *self;

  g_return_val_if_fail (PM_IS_KPI (kpi), NULL);
  g_return_val_if_fail (PM_IS_PERIOD (period), NULL);

  self = g_object_new (PM_TYPE_CHASE_ITEM, NULL);
  self->kpi = g_object_ref (kpi);
  self->kind = kind;
  self->period = g_object_ref (period);

  return self;
}

PmKpi *
pm_chase_item_get_kpi (PmChaseItem *self)
{
  g_return_val_if_fail (PM_IS_CHASE_ITEM (self), NULL);

  return self->kpi;
}

PmChaseKind
pm_chase_item_get_kind (PmChaseItem *self)
{
  g_return_val_if_fail (PM_IS_CHASE_ITEM (self), PM_CHASE_NO_VALUE);

  return self->kind;
}

char *
pm_chase_item_get_reason (PmChaseItem *self)
{
  g_autofree char *period = NULL;

  g_return_val_if_fail (PM_IS_CHASE_ITEM (self), NULL);

  if (self->kind == PM_CHASE_NO_VALUE)
    {
      period = pm_period_get_label (self->period);
      /* Translators: "No value for Q3 2016/17" */
      return g_strdup_printf (_("No value for %s"), period);
    }

  /* The baseline's own words: "To be confirmed", "Awaiting data from…" */
  {
    g_autofree char *state = pm_baseline_format (pm_kpi_get_baseline (self->kpi),
                                                 pm_kpi_get_unit (self->kpi));
    /* Translators: "Baseline: To be confirmed" */
    return g_strdup_printf (_("Baseline: %s"), state);
  }
}

char *
pm_chase_item_get_place (PmChaseItem *self)
{
  PmPilot *pilot;
  PmDistrict *district;

  g_return_val_if_fail (PM_IS_CHASE_ITEM (self), NULL);

  pilot = pm_kpi_get_pilot (self->kpi);
  if (pilot == NULL)
    return g_strdup ("");

  district = pm_pilot_get_district (pilot);
  if (district == NULL)
    return g_strdup (pm_pilot_get_title (pilot));

  return g_strdup_printf ("%s · %s", pm_district_get_name (district), pm_pilot_get_title (pilot));
}

static gboolean
baseline_needs_chasing (PmBaseline *baseline,
                        PmPeriod   *period)
{
  PmPeriod *due;

  switch (pm_baseline_get_state (baseline))
    {
    case PM_BASELINE_TO_BE_CONFIRMED:
    case PM_BASELINE_AWAITING_DATA:
      return TRUE;

    case PM_BASELINE_TO_BE_REPORTED:
      /* Only once the quarter it was promised for has come. */
      due = pm_baseline_get_period (baseline);
      return due == NULL || pm_period_compare (due, period) <= 0;

    case PM_BASELINE_VALUE:
    case PM_BASELINE_NONE:
    default:
      return FALSE;
    }
}

static void
collect (GPtrArray   *baselines,
         GPtrArray   *missing,
         PmDistrict  *district,
         PmPeriod    *period)
{
  GListModel *pilots = pm_district_get_pilots (district);

  for (guint i = 0; i < g_list_model_get_n_items (pilots); i++)
    {
      g_autoptr(PmPilot) pilot = g_list_model_get_item (pilots, i);
      GListModel *kpis = pm_pilot_get_kpis (pilot);

      for (guint j = 0; j < g_list_model_get_n_items (kpis); j++)
        {
          g_autoptr(PmKpi) kpi = g_list_model_get_item (kpis, j);
          PmProgressEntry *entry = pm_kpi_get_entry (kpi, period);

          if (baseline_needs_chasing (pm_kpi_get_baseline (kpi), period))
            g_ptr_array_add (baselines, pm_chase_item_new (kpi, PM_CHASE_BASELINE, period));

          if (entry == NULL || !pm_progress_entry_has_value (entry))
            g_ptr_array_add (missing, pm_chase_item_new (kpi, PM_CHASE_NO_VALUE, period));
        }
    }
}

void
pm_chase_list_fill (GListStore  *store,
                    PmProgramme *programme,
                    PmDistrict  *district,
                    PmPeriod    *period)
{
  g_autoptr(GPtrArray) baselines = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) missing = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_if_fail (G_IS_LIST_STORE (store));
  g_return_if_fail (programme == NULL || PM_IS_PROGRAMME (programme));
  g_return_if_fail (district == NULL || PM_IS_DISTRICT (district));
  g_return_if_fail (PM_IS_PERIOD (period));

  if (district != NULL)
    {
      collect (baselines, missing, district, period);
    }
  else if (programme != NULL)
    {
      GListModel *districts = pm_programme_get_districts (programme);

      for (guint i = 0; i < g_list_model_get_n_items (districts); i++)
        {
          g_autoptr(PmDistrict) each = g_list_model_get_item (districts, i);
          collect (baselines, missing, each, period);
        }
    }

  /* One splice, so a bound list rebuilds once. */
  g_ptr_array_extend_and_steal (baselines, g_steal_pointer (&missing));
  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)),
                       baselines->pdata, baselines->len);
}
