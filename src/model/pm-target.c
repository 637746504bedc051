/* pm-target.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "pm-model-private.h"
#include "pm-target.h"

struct _PmTarget
{
  GObject  parent_instance;

  double   value;
  char    *date;
  char    *set_on;
  char    *reason;
  guint    milestone;
};

G_DEFINE_FINAL_TYPE (PmTarget, pm_target, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_VALUE,
  PROP_DATE,
  PROP_SET_ON,
  PROP_REASON,
  PROP_MILESTONE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pm_target_finalize (GObject *object)
{
  PmTarget *self = PM_TARGET (object);

  g_clear_pointer (&self->date, g_free);
  g_clear_pointer (&self->set_on, g_free);
  g_clear_pointer (&self->reason, g_free);

  G_OBJECT_CLASS (pm_target_parent_class)->finalize (object);
}

static void
pm_target_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  PmTarget *self = PM_TARGET (object);

  switch (prop_id)
    {
    case PROP_VALUE:
      g_value_set_double (value, self->value);
      break;

    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;

    case PROP_SET_ON:
      g_value_set_string (value, self->set_on);
      break;

    case PROP_REASON:
      g_value_set_string (value, self->reason);
      break;

    case PROP_MILESTONE:
      g_value_set_uint (value, self->milestone);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pm_target_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  PmTarget *self = PM_TARGET (object);

  switch (prop_id)
    {
    case PROP_VALUE:
      pm_target_set_value (self, g_value_get_double (value));
      break;

    case PROP_DATE:
      pm_target_set_date (self, g_value_get_string (value));
      break;

    case PROP_SET_ON:
      pm_target_set_set_on (self, g_value_get_string (value));
      break;

    case PROP_REASON:
      pm_target_set_reason (self, g_value_get_string (value));
      break;

    case PROP_MILESTONE:
      pm_target_set_milestone (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pm_target_class_init (PmTargetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pm_target_finalize;
  object_class->get_property = pm_target_get_property;
  object_class->set_property = pm_target_set_property;

  properties[PROP_VALUE] =
    g_param_spec_double ("value", NULL, NULL,
                         -G_MAXDOUBLE, G_MAXDOUBLE, 0.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_SET_ON] =
    g_param_spec_string ("set-on", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_REASON] =
    g_param_spec_string ("reason", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_MILESTONE] =
    g_param_spec_uint ("milestone", NULL, NULL,
                       1, G_MAXUINT, 1,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pm_target_init (PmTarget *self)
{
  self->milestone = 1;
}

PmTarget *
pm_target_new (double      value,
               const char *date)
{
  PmTarget *self = g_object_new (PM_TYPE_TARGET, "date", date, NULL);

  /* Not a construct property: GObject would replace a NaN or infinite
   * value by 0 with a warning, and pm_kpi_add_target() could not refuse
   * it. */
  pm_target_set_value (self, value);

  return self;
}

double
pm_target_get_value (PmTarget *self)
{
  g_return_val_if_fail (PM_IS_TARGET (self), 0.0);

  return self->value;
}

void
pm_target_set_value (PmTarget *self,
                     double    value)
{
  g_return_if_fail (PM_IS_TARGET (self));

  if (self->value == value)
    return;

  self->value = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
}

const char *
pm_target_get_date (PmTarget *self)
{
  g_return_val_if_fail (PM_IS_TARGET (self), NULL);

  return self->date;
}

void
pm_target_set_date (PmTarget   *self,
                    const char *date)
{
  g_return_if_fail (PM_IS_TARGET (self));

  if (_pm_set_str (&self->date, date))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

const char *
pm_target_get_set_on (PmTarget *self)
{
  g_return_val_if_fail (PM_IS_TARGET (self), NULL);

  return self->set_on;
}

void
pm_target_set_set_on (PmTarget   *self,
                      const char *set_on)
{
  g_return_if_fail (PM_IS_TARGET (self));

  if (_pm_set_str (&self->set_on, set_on))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SET_ON]);
}

const char *
pm_target_get_reason (PmTarget *self)
{
  g_return_val_if_fail (PM_IS_TARGET (self), NULL);

  return self->reason;
}

void
pm_target_set_reason (PmTarget   *self,
                      const char *reason)
{
  g_return_if_fail (PM_IS_TARGET (self));

  if (_pm_set_str (&self->reason, reason))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REASON]);
}

guint
pm_target_get_milestone (PmTarget *self)
{
  g_return_val_if_fail (PM_IS_TARGET (self), 1);

  return self->milestone;
}

void
pm_target_set_milestone (PmTarget *self,
                         guint     milestone)
{
  g_return_if_fail (PM_IS_TARGET (self));
  g_return_if_fail (milestone >= 1);

  if (self->milestone == milestone)
    return;

  self->milestone = milestone;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MILESTONE]);
}
