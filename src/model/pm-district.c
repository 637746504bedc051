/* pm-district.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "pm-district.h"
#include "pm-model-private.h"
#include "pm-programme.h"

struct _PmDistrict
{
  GObject      parent_instance;

  /* Borrowed references */
  PmProgramme *programme;

  /* Owned references */
  GListStore  *pilots;

  gint64       id;
  char        *name;
};

G_DEFINE_FINAL_TYPE (PmDistrict, pm_district, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_PILOTS,
  PROP_PROGRAMME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pm_district_dispose (GObject *object)
{
  PmDistrict *self = PM_DISTRICT (object);

  g_clear_weak_pointer (&self->programme);
  g_clear_object (&self->pilots);

  G_OBJECT_CLASS (pm_district_parent_class)->dispose (object);
}

static void
pm_district_finalize (GObject *object)
{
  PmDistrict *self = PM_DISTRICT (object);

  g_clear_pointer (&self->name, g_free);

  G_OBJECT_CLASS (pm_district_parent_class)->finalize (object);
}

static void
pm_district_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  PmDistrict *self = PM_DISTRICT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_PILOTS:
      g_value_set_object (value, self->pilots);
      break;

    case PROP_PROGRAMME:
      g_value_set_object (value, self->programme);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pm_district_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  PmDistrict *self = PM_DISTRICT (object);

  switch (prop_id)
    {
    case PROP_ID:
      pm_district_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_NAME:
      pm_district_set_name (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pm_district_class_init (PmDistrictClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pm_district_dispose;
  object_class->finalize = pm_district_finalize;
  object_class->get_property = pm_district_get_property;
  object_class->set_property = pm_district_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_PILOTS] =
    g_param_spec_object ("pilots", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  properties[PROP_PROGRAMME] =
    g_param_spec_object ("programme", NULL, NULL,
                         PM_TYPE_PROGRAMME,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pm_district_init (PmDistrict *self)
{
  self->pilots = g_list_store_new (PM_TYPE_PILOT);
}

void
_pm_district_set_programme (PmDistrict  *self,
                            PmProgramme *programme)
{
  g_assert (PM_IS_DISTRICT (self));

  if (g_set_weak_pointer (&self->programme, programme))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRAMME]);
}

PmDistrict *
pm_district_new (const char *name)
{
  return g_object_new (PM_TYPE_DISTRICT,
                       "name", name,
                       NULL);
}

gint64
pm_district_get_id (PmDistrict *self)
{
  g_return_val_if_fail (PM_IS_DISTRICT (self), 0);

  return self->id;
}

void
pm_district_set_id (PmDistrict *self,
                    gint64      id)
{
  g_return_if_fail (PM_IS_DISTRICT (self));
  g_return_if_fail (id >= 0);

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
pm_district_get_name (PmDistrict *self)
{
  g_return_val_if_fail (PM_IS_DISTRICT (self), NULL);

  return self->name;
}

void
pm_district_set_name (PmDistrict *self,
                      const char *name)
{
  g_return_if_fail (PM_IS_DISTRICT (self));

  if (!_pm_set_str (&self->name, name))
    return;

  if (self->programme != NULL)
    _pm_programme_forget_names (self->programme);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

PmProgramme *
pm_district_get_programme (PmDistrict *self)
{
  g_return_val_if_fail (PM_IS_DISTRICT (self), NULL);

  return self->programme;
}

GListModel *
pm_district_get_pilots (PmDistrict *self)
{
  g_return_val_if_fail (PM_IS_DISTRICT (self), NULL);

  return G_LIST_MODEL (self->pilots);
}

void
pm_district_add_pilot (PmDistrict *self,
                       PmPilot    *pilot)
{
  g_return_if_fail (PM_IS_DISTRICT (self));
  g_return_if_fail (PM_IS_PILOT (pilot));
  /* A pilot belongs to one district: remove it from the other first. */
  g_return_if_fail (pm_pilot_get_district (pilot) == NULL);

  g_list_store_append (self->pilots, pilot);
  _pm_pilot_set_district (pilot, self);
}

void
pm_district_remove_pilot (PmDistrict *self,
                          PmPilot    *pilot)
{
  guint position;

  g_return_if_fail (PM_IS_DISTRICT (self));
  g_return_if_fail (PM_IS_PILOT (pilot));

  if (!g_list_store_find (self->pilots, pilot, &position))
    return;

  /* Keep the pilot alive until its back-pointer is cleared. */
  g_object_ref (pilot);
  g_list_store_remove (self->pilots, position);
  _pm_pilot_set_district (pilot, NULL);
  g_object_unref (pilot);
}

void
pm_district_count_rag (PmDistrict *self,
                       PmPeriod   *period,
                       guint      *counts)
{
  guint n_pilots;

  g_return_if_fail (PM_IS_DISTRICT (self));
  g_return_if_fail (PM_IS_PERIOD (period));
  g_return_if_fail (counts != NULL);

  for (guint i = 0; i < PM_N_RAG; i++)
    counts[i] = 0;

  n_pilots = g_list_model_get_n_items (G_LIST_MODEL (self->pilots));
  for (guint i = 0; i < n_pilots; i++)
    {
      g_autoptr(PmPilot) pilot = g_list_model_get_item (G_LIST_MODEL (self->pilots), i);
      guint pilot_counts[PM_N_RAG];

      pm_pilot_count_rag (pilot, period, pilot_counts);
      for (guint j = 0; j < PM_N_RAG; j++)
        counts[j] += pilot_counts[j];
    }
}
