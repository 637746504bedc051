/* pm-pilot.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "pm-district.h"
#include "pm-model-private.h"
#include "pm-pilot.h"

struct _PmPilot
{
  GObject           parent_instance;

  /* Borrowed references */
  PmDistrict       *district;

  /* Owned references */
  GListStore       *providers;
  GListStore       *reach;
  GListStore       *spend;
  GListStore       *narratives;
  GListStore       *kpis;

  gint64            id;
  gint64            budget_pence;
  char             *title;
  char             *summary;
  char             *focus_area;
  char             *start_date;
  char             *lead;
  char             *status_note;
  char             *funding;
  char             *reach_unit;
  char             *data_notes;
  char            **key_outcomes;
  PmDeliveryStatus  delivery_status;
};

G_DEFINE_FINAL_TYPE (PmPilot, pm_pilot, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_SUMMARY,
  PROP_FOCUS_AREA,
  PROP_START_DATE,
  PROP_LEAD,
  PROP_DELIVERY_STATUS,
  PROP_STATUS_NOTE,
  PROP_BUDGET_PENCE,
  PROP_FUNDING,
  PROP_REACH_UNIT,
  PROP_KEY_OUTCOMES,
  PROP_DATA_NOTES,
  PROP_DISTRICT,
  PROP_PROVIDERS,
  PROP_REACH,
  PROP_SPEND,
  PROP_NARRATIVES,
  PROP_KPIS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_string_property (PmPilot     *self,
                     char       **field,
                     const char  *value,
                     guint        prop_id)
{
  if (_pm_set_str (field, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
pm_pilot_dispose (GObject *object)
{
  PmPilot *self = PM_PILOT (object);

  g_clear_weak_pointer (&self->district);
  g_clear_object (&self->providers);
  g_clear_object (&self->reach);
  g_clear_object (&self->spend);
  g_clear_object (&self->narratives);
  g_clear_object (&self->kpis);

  G_OBJECT_CLASS (pm_pilot_parent_class)->dispose (object);
}

static void
pm_pilot_finalize (GObject *object)
{
  PmPilot *self = PM_PILOT (object);

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->focus_area, g_free);
  g_clear_pointer (&self->start_date, g_free);
  g_clear_pointer (&self->lead, g_free);
  g_clear_pointer (&self->status_note, g_free);
  g_clear_pointer (&self->funding, g_free);
  g_clear_pointer (&self->reach_unit, g_free);
  g_clear_pointer (&self->data_notes, g_free);
  g_clear_pointer (&self->key_outcomes, g_strfreev);

  G_OBJECT_CLASS (pm_pilot_parent_class)->finalize (object);
}

static void
pm_pilot_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  PmPilot *self = PM_PILOT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;

    case PROP_FOCUS_AREA:
      g_value_set_string (value, self->focus_area);
      break;

    case PROP_START_DATE:
      g_value_set_string (value, self->start_date);
      break;

    case PROP_LEAD:
      g_value_set_string (value, self->lead);
      break;

    case PROP_DELIVERY_STATUS:
      g_value_set_enum (value, self->delivery_status);
      break;

    case PROP_STATUS_NOTE:
      g_value_set_string (value, self->status_note);
      break;

    case PROP_BUDGET_PENCE:
      g_value_set_int64 (value, self->budget_pence);
      break;

    case PROP_FUNDING:
      g_value_set_string (value, self->funding);
      break;

    case PROP_REACH_UNIT:
      g_value_set_string (value, self->reach_unit);
      break;

    case PROP_KEY_OUTCOMES:
      g_value_set_boxed (value, self->key_outcomes);
      break;

    case PROP_DATA_NOTES:
      g_value_set_string (value, self->data_notes);
      break;

    case PROP_DISTRICT:
      g_value_set_object (value, self->district);
      break;

    case PROP_PROVIDERS:
      g_value_set_object (value, self->providers);
      break;

    case PROP_REACH:
      g_value_set_object (value, self->reach);
      break;

    case PROP_SPEND:
      g_value_set_object (value, self->spend);
      break;

    case PROP_NARRATIVES:
      g_value_set_object (value, self->narratives);
      break;

    case PROP_KPIS:
      g_value_set_object (value, self->kpis);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pm_pilot_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  PmPilot *self = PM_PILOT (object);

  switch (prop_id)
    {
    case PROP_ID:
      pm_pilot_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_TITLE:
      pm_pilot_set_title (self, g_value_get_string (value));
      break;

    case PROP_SUMMARY:
      pm_pilot_set_summary (self, g_value_get_string (value));
      break;

    case PROP_FOCUS_AREA:
      pm_pilot_set_focus_area (self, g_value_get_string (value));
      break;

    case PROP_START_DATE:
      pm_pilot_set_start_date (self, g_value_get_string (value));
      break;

    case PROP_LEAD:
      pm_pilot_set_lead (self, g_value_get_string (value));
      break;

    case PROP_DELIVERY_STATUS:
      pm_pilot_set_delivery_status (self, g_value_get_enum (value));
      break;

    case PROP_STATUS_NOTE:
      pm_pilot_set_status_note (self, g_value_get_string (value));
      break;

    case PROP_BUDGET_PENCE:
      pm_pilot_set_budget_pence (self, g_value_get_int64 (value));
      break;

    case PROP_FUNDING:
      pm_pilot_set_funding (self, g_value_get_string (value));
      break;

    case PROP_REACH_UNIT:
      pm_pilot_set_reach_unit (self, g_value_get_string (value));
      break;

    case PROP_KEY_OUTCOMES:
      pm_pilot_set_key_outcomes (self, g_value_get_boxed (value));
      break;

    case PROP_DATA_NOTES:
      pm_pilot_set_data_notes (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
string_pspec (const char *name)
{
  return g_param_spec_string (name, NULL, NULL,
                              NULL,
                              G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

static GParamSpec *
list_pspec (const char *name)
{
  return g_param_spec_object (name, NULL, NULL,
                              G_TYPE_LIST_MODEL,
                              G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
}

static void
pm_pilot_class_init (PmPilotClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pm_pilot_dispose;
  object_class->finalize = pm_pilot_finalize;
  object_class->get_property = pm_pilot_get_property;
  object_class->set_property = pm_pilot_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_TITLE] = string_pspec ("title");
  properties[PROP_SUMMARY] = string_pspec ("summary");
  properties[PROP_FOCUS_AREA] = string_pspec ("focus-area");
  properties[PROP_START_DATE] = string_pspec ("start-date");
  properties[PROP_LEAD] = string_pspec ("lead");

  properties[PROP_DELIVERY_STATUS] =
    g_param_spec_enum ("delivery-status", NULL, NULL,
                       PM_TYPE_DELIVERY_STATUS, PM_DELIVERY_NOT_STATED,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_STATUS_NOTE] = string_pspec ("status-note");

  /* -1: the budget is not known, which is not the same as nil. */
  properties[PROP_BUDGET_PENCE] =
    g_param_spec_int64 ("budget-pence", NULL, NULL,
                        -1, G_MAXINT64, -1,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_FUNDING] = string_pspec ("funding");
  properties[PROP_REACH_UNIT] = string_pspec ("reach-unit");
  properties[PROP_DATA_NOTES] = string_pspec ("data-notes");

  properties[PROP_KEY_OUTCOMES] =
    g_param_spec_boxed ("key-outcomes", NULL, NULL,
                        G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_DISTRICT] =
    g_param_spec_object ("district", NULL, NULL,
                         PM_TYPE_DISTRICT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  properties[PROP_PROVIDERS] = list_pspec ("providers");
  properties[PROP_REACH] = list_pspec ("reach");
  properties[PROP_SPEND] = list_pspec ("spend");
  properties[PROP_NARRATIVES] = list_pspec ("narratives");
  properties[PROP_KPIS] = list_pspec ("kpis");

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pm_pilot_init (PmPilot *self)
{
  self->budget_pence = -1;
  self->delivery_status = PM_DELIVERY_NOT_STATED;
  self->providers = g_list_store_new (PM_TYPE_PROVIDER);
  self->reach = g_list_store_new (PM_TYPE_REACH_ENTRY);
  self->spend = g_list_store_new (PM_TYPE_SPEND_ITEM);
  self->narratives = g_list_store_new (PM_TYPE_NARRATIVE);
  self->kpis = g_list_store_new (PM_TYPE_KPI);
}

void
_pm_pilot_set_district (PmPilot    *self,
                        PmDistrict *district)
{
  g_assert (PM_IS_PILOT (self));

  if (g_set_weak_pointer (&self->district, district))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISTRICT]);
}

PmPilot *
pm_pilot_new (const char *title)
{
  return g_object_new (PM_TYPE_PILOT,
                       "title", title,
                       NULL);
}

gint64
pm_pilot_get_id (PmPilot *self)
{
  g_return_val_if_fail (PM_IS_PILOT (self), 0);

  return self->id;
}

void
pm_pilot_set_id (PmPilot *self,
                 gint64   id)
{
  g_return_if_fail (PM_IS_PILOT (self));
  g_return_if_fail (id >= 0);

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
pm_pilot_get_title (PmPilot *self)
{
  g_return_val_if_fail (PM_IS_PILOT (self), NULL);

  return self->title;
}

void
pm_pilot_set_title (PmPilot    *self,
                    const char *title)
{
  g_return_if_fail (PM_IS_PILOT (self));

  set_string_property (self, &self->title, title, PROP_TITLE);
}

const char *
pm_pilot_get_summary (PmPilot *self)
{
  g_return_val_if_fail (PM_IS_PILOT (self), NULL);

  return self->summary;
}

void
pm_pilot_set_summary (PmPilot    *self,
                      const char *summary)
{
  g_return_if_fail (PM_IS_PILOT (self));

  set_string_property (self, &self->summary, summary, PROP_SUMMARY);
}

const char *
pm_pilot_get_focus_area (PmPilot *self)
{
  g_return_val_if_fail (PM_IS_PILOT (self), NULL);

  return self->focus_area;
}

void
pm_pilot_set_focus_area (PmPilot    *self,
                         const char *focus_area)
{
  g_return_if_fail (PM_IS_PILOT (self));

  set_string_property (self, &self->focus_area, focus_area, PROP_FOCUS_AREA);
}

const char *
pm_pilot_get_start_date (PmPilot *self)
{
  g_return_val_if_fail (PM_IS_PILOT (self), NULL);

  return self->start_date;
}

void
pm_pilot_set_start_date (PmPilot    *self,
                         const char *start_date)
{
  g_return_if_fail (PM_IS_PILOT (self));

  set_string_property (self, &self->start_date, start_date, PROP_START_DATE);
}

const char *
pm_pilot_get_lead (PmPilot *self)
{
  g_return_val_if_fail (PM_IS_PILOT (self), NULL);

  return self->lead;
}

void
pm_pilot_set_lead (PmPilot    *self,
                   const char *lead)
{
  g_return_if_fail (PM_IS_PILOT (self));

  set_string_property (self, &self->lead, lead, PROP_LEAD);
}

PmDeliveryStatus
pm_pilot_get_delivery_status (PmPilot *self)
{
  g_return_val_if_fail (PM_IS_PILOT (self), PM_DELIVERY_NOT_STATED);

  return self->delivery_status;
}

void
pm_pilot_set_delivery_status (PmPilot          *self,
                              PmDeliveryStatus  status)
{
  g_return_if_fail (PM_IS_PILOT (self));

  if (self->delivery_status == status)
    return;

  self->delivery_status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DELIVERY_STATUS]);
}

const char *
pm_pilot_get_status_note (PmPilot *self)
{
  g_return_val_if_fail (PM_IS_PILOT (self), NULL);

  return self->status_note;
}

void
pm_pilot_set_status_note (PmPilot    *self,
                          const char *note)
{
  g_return_if_fail (PM_IS_PILOT (self));

  set_string_property (self, &self->status_note, note, PROP_STATUS_NOTE);
}

gint64
pm_pilot_get_budget_pence (PmPilot *self)
{
  g_return_val_if_fail (PM_IS_PILOT (self), -1);

  return self->budget_pence;
}

void
pm_pilot_set_budget_pence (PmPilot *self,
                           gint64   budget_pence)
{
  g_return_if_fail (PM_IS_PILOT (self));
  g_return_if_fail (budget_pence >= -1);

  if (self->budget_pence == budget_pence)
    return;

  self->budget_pence = budget_pence;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUDGET_PENCE]);
}

const char *
pm_pilot_get_funding (PmPilot *self)
{
  g_return_val_if_fail (PM_IS_PILOT (self), NULL);

  return self->funding;
}

void
pm_pilot_set_funding (PmPilot    *self,
                      const char *funding)
{
  g_return_if_fail (PM_IS_PILOT (self));

  set_string_property (self, &self->funding, funding, PROP_FUNDING);
}

const char *
pm_pilot_get_reach_unit (PmPilot *self)
{
  g_return_val_if_fail (PM_IS_PILOT (self), NULL);

  return self->reach_unit;
}

void
pm_pilot_set_reach_unit (PmPilot    *self,
                         const char *reach_unit)
{
  g_return_if_fail (PM_IS_PILOT (self));

  /* "families" is the default: kept as no unit, so that it reads as the
   * default wherever it is stored. */
  if (reach_unit != NULL && (reach_unit[0] == '\0' || g_str_equal (reach_unit, "families")))
    reach_unit = NULL;
  set_string_property (self, &self->reach_unit, reach_unit, PROP_REACH_UNIT);
}

const char *
pm_pilot_get_data_notes (PmPilot *self)
{
  g_return_val_if_fail (PM_IS_PILOT (self), NULL);

  return self->data_notes;
}

void
pm_pilot_set_data_notes (PmPilot    *self,
                         const char *notes)
{
  g_return_if_fail (PM_IS_PILOT (self));

  set_string_property (self, &self->data_notes, notes, PROP_DATA_NOTES);
}

const char * const *
pm_pilot_get_key_outcomes (PmPilot *self)
{
  g_return_val_if_fail (PM_IS_PILOT (self), NULL);

  return (const char * const *) self->key_outcomes;
}

void
pm_pilot_set_key_outcomes (PmPilot            *self,
                           const char * const *outcomes)
{
  g_return_if_fail (PM_IS_PILOT (self));

  if (self->key_outcomes == NULL && outcomes == NULL)
    return;

  if (self->key_outcomes != NULL && outcomes != NULL &&
      g_strv_equal ((const char * const *) self->key_outcomes, outcomes))
    return;

  g_strfreev (self->key_outcomes);
  self->key_outcomes = g_strdupv ((char **) outcomes);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KEY_OUTCOMES]);
}

PmDistrict *
pm_pilot_get_district (PmPilot *self)
{
  g_return_val_if_fail (PM_IS_PILOT (self), NULL);

  return self->district;
}

/* Borrowed: the store keeps its own reference. */
static gpointer
borrow_item (GListStore *store,
             guint       position)
{
  gpointer item = g_list_model_get_item (G_LIST_MODEL (store), position);

  g_object_unref (item);

  return item;
}

GListModel *
pm_pilot_get_providers (PmPilot *self)
{
  g_return_val_if_fail (PM_IS_PILOT (self), NULL);

  return G_LIST_MODEL (self->providers);
}

void
pm_pilot_add_provider (PmPilot    *self,
                       PmProvider *provider)
{
  g_return_if_fail (PM_IS_PILOT (self));
  g_return_if_fail (PM_IS_PROVIDER (provider));

  g_list_store_append (self->providers, provider);
}

PmProvider *
pm_pilot_find_provider (PmPilot    *self,
                        const char *name)
{
  guint n_providers;

  g_return_val_if_fail (PM_IS_PILOT (self), NULL);

  if (name == NULL)
    return NULL;

  n_providers = g_list_model_get_n_items (G_LIST_MODEL (self->providers));
  for (guint i = 0; i < n_providers; i++)
    {
      PmProvider *provider = borrow_item (self->providers, i);

      if (g_strcmp0 (pm_provider_get_name (provider), name) == 0)
        return provider;
    }

  return NULL;
}

GListModel *
pm_pilot_get_reach (PmPilot *self)
{
  g_return_val_if_fail (PM_IS_PILOT (self), NULL);

  return G_LIST_MODEL (self->reach);
}

static gboolean
find_reach (PmPilot    *self,
            PmPeriod   *period,
            const char *provider,
            guint      *position)
{
  guint n_entries = g_list_model_get_n_items (G_LIST_MODEL (self->reach));

  for (guint i = 0; i < n_entries; i++)
    {
      PmReachEntry *entry = borrow_item (self->reach, i);

      if (pm_period_equal (pm_reach_entry_get_period (entry), period) &&
          g_strcmp0 (pm_reach_entry_get_provider (entry), provider) == 0)
        {
          *position = i;
          return TRUE;
        }
    }

  return FALSE;
}

PmReachEntry *
pm_pilot_get_reach_entry (PmPilot    *self,
                          PmPeriod   *period,
                          const char *provider)
{
  guint position;

  g_return_val_if_fail (PM_IS_PILOT (self), NULL);
  g_return_val_if_fail (PM_IS_PERIOD (period), NULL);

  if (!find_reach (self, period, provider, &position))
    return NULL;

  return borrow_item (self->reach, position);
}

void
pm_pilot_set_reach (PmPilot      *self,
                    PmReachEntry *entry)
{
  guint position;

  g_return_if_fail (PM_IS_PILOT (self));
  g_return_if_fail (PM_IS_REACH_ENTRY (entry));

  if (find_reach (self, pm_reach_entry_get_period (entry),
                  pm_reach_entry_get_provider (entry), &position))
    g_list_store_splice (self->reach, position, 1, (gpointer *) &entry, 1);
  else
    g_list_store_append (self->reach, entry);
}

GListModel *
pm_pilot_get_spend (PmPilot *self)
{
  g_return_val_if_fail (PM_IS_PILOT (self), NULL);

  return G_LIST_MODEL (self->spend);
}

void
pm_pilot_add_spend (PmPilot     *self,
                    PmSpendItem *item)
{
  g_return_if_fail (PM_IS_PILOT (self));
  g_return_if_fail (PM_IS_SPEND_ITEM (item));

  g_list_store_append (self->spend, item);
}

GListModel *
pm_pilot_get_narratives (PmPilot *self)
{
  g_return_val_if_fail (PM_IS_PILOT (self), NULL);

  return G_LIST_MODEL (self->narratives);
}

PmNarrative *
pm_pilot_get_narrative (PmPilot  *self,
                        PmPeriod *period)
{
  guint n_narratives;

  g_return_val_if_fail (PM_IS_PILOT (self), NULL);
  g_return_val_if_fail (PM_IS_PERIOD (period), NULL);

  n_narratives = g_list_model_get_n_items (G_LIST_MODEL (self->narratives));
  for (guint i = 0; i < n_narratives; i++)
    {
      PmNarrative *narrative = borrow_item (self->narratives, i);

      if (pm_period_equal (pm_narrative_get_period (narrative), period))
        return narrative;
    }

  return NULL;
}

void
pm_pilot_set_narrative (PmPilot     *self,
                        PmNarrative *narrative)
{
  PmPeriod *period;
  guint n_narratives;
  guint position;

  g_return_if_fail (PM_IS_PILOT (self));
  g_return_if_fail (PM_IS_NARRATIVE (narrative));

  period = pm_narrative_get_period (narrative);
  n_narratives = g_list_model_get_n_items (G_LIST_MODEL (self->narratives));

  for (position = 0; position < n_narratives; position++)
    {
      PmNarrative *other = borrow_item (self->narratives, position);
      int cmp = pm_period_compare (pm_narrative_get_period (other), period);

      if (cmp == 0)
        {
          g_list_store_splice (self->narratives, position, 1, (gpointer *) &narrative, 1);
          return;
        }

      if (cmp > 0)
        break;
    }

  g_list_store_insert (self->narratives, position, narrative);
}

GListModel *
pm_pilot_get_kpis (PmPilot *self)
{
  g_return_val_if_fail (PM_IS_PILOT (self), NULL);

  return G_LIST_MODEL (self->kpis);
}

void
pm_pilot_add_kpi (PmPilot *self,
                  PmKpi   *kpi)
{
  g_return_if_fail (PM_IS_PILOT (self));
  g_return_if_fail (PM_IS_KPI (kpi));
  /* A KPI belongs to one pilot: remove it from the other first. */
  g_return_if_fail (pm_kpi_get_pilot (kpi) == NULL);

  g_list_store_append (self->kpis, kpi);
  _pm_kpi_set_pilot (kpi, self);
}

void
pm_pilot_remove_kpi (PmPilot *self,
                     PmKpi   *kpi)
{
  guint position;

  g_return_if_fail (PM_IS_PILOT (self));
  g_return_if_fail (PM_IS_KPI (kpi));

  if (!g_list_store_find (self->kpis, kpi, &position))
    return;

  /* Keep the KPI alive until its back-pointer is cleared. */
  g_object_ref (kpi);
  g_list_store_remove (self->kpis, position);
  _pm_kpi_set_pilot (kpi, NULL);
  g_object_unref (kpi);
}
