/* pm-reach-entry.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "pm-model-private.h"
#include "pm-reach-entry.h"

struct _PmReachEntry
{
  GObject   parent_instance;

  PmPeriod *period;
  char     *provider;
  int       families;
};

G_DEFINE_FINAL_TYPE (PmReachEntry, pm_reach_entry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PERIOD,
  PROP_PROVIDER,
  PROP_FAMILIES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pm_reach_entry_dispose (GObject *object)
{
  PmReachEntry *self = PM_REACH_ENTRY (object);

  g_clear_object (&self->period);

  G_OBJECT_CLASS (pm_reach_entry_parent_class)->dispose (object);
}

static void
pm_reach_entry_finalize (GObject *object)
{
  PmReachEntry *self = PM_REACH_ENTRY (object);

  g_clear_pointer (&self->provider, g_free);

  G_OBJECT_CLASS (pm_reach_entry_parent_class)->finalize (object);
}

static void
pm_reach_entry_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  PmReachEntry *self = PM_REACH_ENTRY (object);

  switch (prop_id)
    {
    case PROP_PERIOD:
      g_value_set_object (value, self->period);
      break;

    case PROP_PROVIDER:
      g_value_set_string (value, self->provider);
      break;

    case PROP_FAMILIES:
      g_value_set_int (value, self->families);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pm_reach_entry_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  PmReachEntry *self = PM_REACH_ENTRY (object);

  switch (prop_id)
    {
    case PROP_PERIOD:
      self->period = g_value_dup_object (value);
      break;

    case PROP_PROVIDER:
      self->provider = g_value_dup_string (value);
      break;

    case PROP_FAMILIES:
      pm_reach_entry_set_families (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pm_reach_entry_class_init (PmReachEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pm_reach_entry_dispose;
  object_class->finalize = pm_reach_entry_finalize;
  object_class->get_property = pm_reach_entry_get_property;
  object_class->set_property = pm_reach_entry_set_property;

  /* Period and provider identify the entry in its pilot's list, so they
   * are fixed: a correction is a new entry replacing this one. */
  properties[PROP_PERIOD] =
    g_param_spec_object ("period", NULL, NULL,
                         PM_TYPE_PERIOD,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_PROVIDER] =
    g_param_spec_string ("provider", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_FAMILIES] =
    g_param_spec_int ("families", NULL, NULL,
                      0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pm_reach_entry_init (PmReachEntry *self)
{
}

PmReachEntry *
pm_reach_entry_new (PmPeriod   *period,
                    const char *provider,
                    int         families)
{
  g_return_val_if_fail (PM_IS_PERIOD (period), NULL);
  g_return_val_if_fail (families >= 0, NULL);

  return g_object_new (PM_TYPE_REACH_ENTRY,
                       "period", period,
                       "provider", provider,
                       "families", families,
                       NULL);
}

PmPeriod *
pm_reach_entry_get_period (PmReachEntry *self)
{
  g_return_val_if_fail (PM_IS_REACH_ENTRY (self), NULL);

  return self->period;
}

const char *
pm_reach_entry_get_provider (PmReachEntry *self)
{
  g_return_val_if_fail (PM_IS_REACH_ENTRY (self), NULL);

  return self->provider;
}

int
pm_reach_entry_get_families (PmReachEntry *self)
{
  g_return_val_if_fail (PM_IS_REACH_ENTRY (self), 0);

  return self->families;
}

void
pm_reach_entry_set_families (PmReachEntry *self,
                             int           families)
{
  g_return_if_fail (PM_IS_REACH_ENTRY (self));
  g_return_if_fail (families >= 0);

  if (self->families == families)
    return;

  self->families = families;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FAMILIES]);
}
