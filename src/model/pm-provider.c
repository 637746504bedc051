/* pm-provider.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "pm-model-private.h"
#include "pm-provider.h"

struct _PmProvider
{
  GObject  parent_instance;

  char    *name;
  char    *full_name;
  int      reach_target;
};

G_DEFINE_FINAL_TYPE (PmProvider, pm_provider, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_FULL_NAME,
  PROP_REACH_TARGET,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pm_provider_finalize (GObject *object)
{
  PmProvider *self = PM_PROVIDER (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->full_name, g_free);

  G_OBJECT_CLASS (pm_provider_parent_class)->finalize (object);
}

static void
pm_provider_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  PmProvider *self = PM_PROVIDER (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_FULL_NAME:
      g_value_set_string (value, self->full_name);
      break;

    case PROP_REACH_TARGET:
      g_value_set_int (value, self->reach_target);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pm_provider_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  PmProvider *self = PM_PROVIDER (object);

  switch (prop_id)
    {
    case PROP_NAME:
      pm_provider_set_name (self, g_value_get_string (value));
      break;

    case PROP_FULL_NAME:
      pm_provider_set_full_name (self, g_value_get_string (value));
      break;

    case PROP_REACH_TARGET:
      pm_provider_set_reach_target (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pm_provider_class_init (PmProviderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pm_provider_finalize;
  object_class->get_property = pm_provider_get_property;
  object_class->set_property = pm_provider_set_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_FULL_NAME] =
    g_param_spec_string ("full-name", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_REACH_TARGET] =
    g_param_spec_int ("reach-target", NULL, NULL,
                      0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pm_provider_init (PmProvider *self)
{
}

PmProvider *
pm_provider_new (const char *name)
{
  return g_object_new (PM_TYPE_PROVIDER,
                       "name", name,
                       NULL);
}

const char *
pm_provider_get_name (PmProvider *self)
{
  g_return_val_if_fail (PM_IS_PROVIDER (self), NULL);

  return self->name;
}

void
pm_provider_set_name (PmProvider *self,
                      const char *name)
{
  g_return_if_fail (PM_IS_PROVIDER (self));

  if (_pm_set_str (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
pm_provider_get_full_name (PmProvider *self)
{
  g_return_val_if_fail (PM_IS_PROVIDER (self), NULL);

  return self->full_name;
}

void
pm_provider_set_full_name (PmProvider *self,
                           const char *full_name)
{
  g_return_if_fail (PM_IS_PROVIDER (self));

  if (_pm_set_str (&self->full_name, full_name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FULL_NAME]);
}

int
pm_provider_get_reach_target (PmProvider *self)
{
  g_return_val_if_fail (PM_IS_PROVIDER (self), 0);

  return self->reach_target;
}

void
pm_provider_set_reach_target (PmProvider *self,
                              int         reach_target)
{
  g_return_if_fail (PM_IS_PROVIDER (self));
  g_return_if_fail (reach_target >= 0);

  if (self->reach_target == reach_target)
    return;

  self->reach_target = reach_target;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REACH_TARGET]);
}
