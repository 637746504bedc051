/* pm-indicator.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "pm-indicator.h"

/* The nicks are written in programme files and the database. */
G_DEFINE_ENUM_TYPE (PmAggregation, pm_aggregation,
  G_DEFINE_ENUM_VALUE (PM_AGGREGATION_SUM, "sum"),
  G_DEFINE_ENUM_VALUE (PM_AGGREGATION_RATIO, "ratio"),
  G_DEFINE_ENUM_VALUE (PM_AGGREGATION_NONE, "none"))

struct _PmIndicator
{
  GObject        parent_instance;

  char          *key;
  char          *name;
  PmUnit         unit;
  PmDirection    direction;
  PmAggregation  aggregation;
};

G_DEFINE_FINAL_TYPE (PmIndicator, pm_indicator, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KEY,
  PROP_NAME,
  PROP_UNIT,
  PROP_DIRECTION,
  PROP_AGGREGATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pm_indicator_finalize (GObject *object)
{
  PmIndicator *self = PM_INDICATOR (object);

  g_clear_pointer (&self->key, g_free);
  g_clear_pointer (&self->name, g_free);

  G_OBJECT_CLASS (pm_indicator_parent_class)->finalize (object);
}

static void
pm_indicator_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  PmIndicator *self = PM_INDICATOR (object);

  switch (prop_id)
    {
    case PROP_KEY:
      g_value_set_string (value, self->key);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_UNIT:
      g_value_set_enum (value, self->unit);
      break;

    case PROP_DIRECTION:
      g_value_set_enum (value, self->direction);
      break;

    case PROP_AGGREGATION:
      g_value_set_enum (value, self->aggregation);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pm_indicator_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  PmIndicator *self = PM_INDICATOR (object);

  switch (prop_id)
    {
    case PROP_KEY:
      self->key = g_value_dup_string (value);
      break;

    case PROP_NAME:
      self->name = g_value_dup_string (value);
      break;

    case PROP_UNIT:
      self->unit = g_value_get_enum (value);
      break;

    case PROP_DIRECTION:
      self->direction = g_value_get_enum (value);
      break;

    case PROP_AGGREGATION:
      self->aggregation = g_value_get_enum (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pm_indicator_class_init (PmIndicatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pm_indicator_finalize;
  object_class->get_property = pm_indicator_get_property;
  object_class->set_property = pm_indicator_set_property;

  properties[PROP_KEY] =
    g_param_spec_string ("key", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNIT] =
    g_param_spec_enum ("unit", NULL, NULL, PM_TYPE_UNIT, PM_UNIT_COUNT,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DIRECTION] =
    g_param_spec_enum ("direction", NULL, NULL, PM_TYPE_DIRECTION, PM_DIRECTION_INCREASE,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_AGGREGATION] =
    g_param_spec_enum ("aggregation", NULL, NULL, PM_TYPE_AGGREGATION, PM_AGGREGATION_SUM,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pm_indicator_init (PmIndicator *self)
{
}

PmIndicator *
pm_indicator_new (const char    *key,
                  const char    *name,
                  PmUnit         unit,
                  PmDirection    direction,
                  PmAggregation  aggregation)
{
  g_return_val_if_fail (key != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  return g_object_new (PM_TYPE_INDICATOR,
                       "key", key,
                       "name", name,
                       "unit", unit,
                       "direction", direction,
                       "aggregation", aggregation,
                       NULL);
}

const char *
pm_indicator_get_key (PmIndicator *self)
{
  g_return_val_if_fail (PM_IS_INDICATOR (self), NULL);

  return self->key;
}

const char *
pm_indicator_get_name (PmIndicator *self)
{
  g_return_val_if_fail (PM_IS_INDICATOR (self), NULL);

  return self->name;
}

PmUnit
pm_indicator_get_unit (PmIndicator *self)
{
  g_return_val_if_fail (PM_IS_INDICATOR (self), PM_UNIT_COUNT);

  return self->unit;
}

PmDirection
pm_indicator_get_direction (PmIndicator *self)
{
  g_return_val_if_fail (PM_IS_INDICATOR (self), PM_DIRECTION_INCREASE);

  return self->direction;
}

PmAggregation
pm_indicator_get_aggregation (PmIndicator *self)
{
  g_return_val_if_fail (PM_IS_INDICATOR (self), PM_AGGREGATION_NONE);

  return self->aggregation;
}

PmAggregation
pm_aggregation_default_for_unit (PmUnit unit)
{
  switch (unit)
    {
    case PM_UNIT_COUNT:
    case PM_UNIT_MONEY:
      return PM_AGGREGATION_SUM;
    case PM_UNIT_PERCENTAGE:
      return PM_AGGREGATION_RATIO;
    case PM_UNIT_DAYS:
    case PM_UNIT_RATE:
    default:
      return PM_AGGREGATION_NONE;
    }
}

gboolean
pm_aggregation_validate (PmAggregation   aggregation,
                         PmUnit          unit,
                         GError        **error)
{
  if (aggregation == PM_AGGREGATION_NONE)
    return TRUE;
  if (aggregation == PM_AGGREGATION_SUM && (unit == PM_UNIT_COUNT || unit == PM_UNIT_MONEY))
    return TRUE;
  if (aggregation == PM_AGGREGATION_RATIO && unit == PM_UNIT_PERCENTAGE)
    return TRUE;

  if (aggregation == PM_AGGREGATION_SUM)
    g_set_error_literal (error, PM_MODEL_ERROR, PM_MODEL_ERROR_OUT_OF_RANGE,
                         _("only counts and money are totalled by “sum”: percentages take "
                           "“ratio”, and levels and rates have no total (“none”)"));
  else
    g_set_error_literal (error, PM_MODEL_ERROR, PM_MODEL_ERROR_OUT_OF_RANGE,
                         _("only percentages are totalled by “ratio” (summed numerators over "
                           "summed denominators)"));
  return FALSE;
}
