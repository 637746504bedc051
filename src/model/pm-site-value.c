/* pm-site-value.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "pm-model-private.h"
#include "pm-site-value.h"

struct _PmSiteValue
{
  GObject  parent_instance;

  char    *site;
  double   value;
};

G_DEFINE_FINAL_TYPE (PmSiteValue, pm_site_value, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SITE,
  PROP_VALUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pm_site_value_finalize (GObject *object)
{
  PmSiteValue *self = PM_SITE_VALUE (object);

  g_clear_pointer (&self->site, g_free);

  G_OBJECT_CLASS (pm_site_value_parent_class)->finalize (object);
}

static void
pm_site_value_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  PmSiteValue *self = PM_SITE_VALUE (object);

  switch (prop_id)
    {
    case PROP_SITE:
      g_value_set_string (value, self->site);
      break;

    case PROP_VALUE:
      g_value_set_double (value, self->value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pm_site_value_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  PmSiteValue *self = PM_SITE_VALUE (object);

  switch (prop_id)
    {
    case PROP_SITE:
      pm_site_value_set_site (self, g_value_get_string (value));
      break;

    case PROP_VALUE:
      pm_site_value_set_value (self, g_value_get_double (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pm_site_value_class_init (PmSiteValueClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pm_site_value_finalize;
  object_class->get_property = pm_site_value_get_property;
  object_class->set_property = pm_site_value_set_property;

  properties[PROP_SITE] =
    g_param_spec_string ("site", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_VALUE] =
    g_param_spec_double ("value", NULL, NULL,
                         -G_MAXDOUBLE, G_MAXDOUBLE, 0.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pm_site_value_init (PmSiteValue *self)
{
}

PmSiteValue *
pm_site_value_new (const char *site,
                   double      value)
{
  return g_object_new (PM_TYPE_SITE_VALUE,
                       "site", site,
                       "value", value,
                       NULL);
}

const char *
pm_site_value_get_site (PmSiteValue *self)
{
  g_return_val_if_fail (PM_IS_SITE_VALUE (self), NULL);

  return self->site;
}

void
pm_site_value_set_site (PmSiteValue *self,
                        const char  *site)
{
  g_return_if_fail (PM_IS_SITE_VALUE (self));

  if (_pm_set_str (&self->site, site))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SITE]);
}

double
pm_site_value_get_value (PmSiteValue *self)
{
  g_return_val_if_fail (PM_IS_SITE_VALUE (self), 0.0);

  return self->value;
}

void
pm_site_value_set_value (PmSiteValue *self,
                         double       value)
{
  g_return_if_fail (PM_IS_SITE_VALUE (self));

  if (self->value == value)
    return;

  self->value = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
}
