/* pm-spend-item.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "pm-model-private.h"
#include "pm-spend-item.h"

struct _PmSpendItem
{
  GObject        parent_instance;

  char          *description;
  gint64         amount_pence;
  PmPeriod      *period;
  PmSpendStatus  status;
};

G_DEFINE_FINAL_TYPE (PmSpendItem, pm_spend_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DESCRIPTION,
  PROP_AMOUNT_PENCE,
  PROP_PERIOD,
  PROP_STATUS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pm_spend_item_dispose (GObject *object)
{
  PmSpendItem *self = PM_SPEND_ITEM (object);

  g_clear_object (&self->period);

  G_OBJECT_CLASS (pm_spend_item_parent_class)->dispose (object);
}

static void
pm_spend_item_finalize (GObject *object)
{
  PmSpendItem *self = PM_SPEND_ITEM (object);

  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (pm_spend_item_parent_class)->finalize (object);
}

static void
pm_spend_item_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  PmSpendItem *self = PM_SPEND_ITEM (object);

  switch (prop_id)
    {
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    case PROP_AMOUNT_PENCE:
      g_value_set_int64 (value, self->amount_pence);
      break;

    case PROP_PERIOD:
      g_value_set_object (value, self->period);
      break;

    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pm_spend_item_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  PmSpendItem *self = PM_SPEND_ITEM (object);

  switch (prop_id)
    {
    case PROP_DESCRIPTION:
      pm_spend_item_set_description (self, g_value_get_string (value));
      break;

    case PROP_AMOUNT_PENCE:
      pm_spend_item_set_amount_pence (self, g_value_get_int64 (value));
      break;

    case PROP_PERIOD:
      pm_spend_item_set_period (self, g_value_get_object (value));
      break;

    case PROP_STATUS:
      pm_spend_item_set_status (self, g_value_get_enum (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pm_spend_item_class_init (PmSpendItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pm_spend_item_dispose;
  object_class->finalize = pm_spend_item_finalize;
  object_class->get_property = pm_spend_item_get_property;
  object_class->set_property = pm_spend_item_set_property;

  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_AMOUNT_PENCE] =
    g_param_spec_int64 ("amount-pence", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_PERIOD] =
    g_param_spec_object ("period", NULL, NULL,
                         PM_TYPE_PERIOD,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       PM_TYPE_SPEND_STATUS, PM_SPEND_SPENT,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pm_spend_item_init (PmSpendItem *self)
{
  self->status = PM_SPEND_SPENT;
}

PmSpendItem *
pm_spend_item_new (const char *description,
                   gint64      amount_pence)
{
  g_return_val_if_fail (amount_pence >= 0, NULL);

  return g_object_new (PM_TYPE_SPEND_ITEM,
                       "description", description,
                       "amount-pence", amount_pence,
                       NULL);
}

const char *
pm_spend_item_get_description (PmSpendItem *self)
{
  g_return_val_if_fail (PM_IS_SPEND_ITEM (self), NULL);

  return self->description;
}

void
pm_spend_item_set_description (PmSpendItem *self,
                               const char  *description)
{
  g_return_if_fail (PM_IS_SPEND_ITEM (self));

  if (_pm_set_str (&self->description, description))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}

gint64
pm_spend_item_get_amount_pence (PmSpendItem *self)
{
  g_return_val_if_fail (PM_IS_SPEND_ITEM (self), 0);

  return self->amount_pence;
}

void
pm_spend_item_set_amount_pence (PmSpendItem *self,
                                gint64       amount_pence)
{
  g_return_if_fail (PM_IS_SPEND_ITEM (self));
  g_return_if_fail (amount_pence >= 0);

  if (self->amount_pence == amount_pence)
    return;

  self->amount_pence = amount_pence;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AMOUNT_PENCE]);
}

PmPeriod *
pm_spend_item_get_period (PmSpendItem *self)
{
  g_return_val_if_fail (PM_IS_SPEND_ITEM (self), NULL);

  return self->period;
}

void
pm_spend_item_set_period (PmSpendItem *self,
                          PmPeriod    *period)
{
  g_return_if_fail (PM_IS_SPEND_ITEM (self));
  g_return_if_fail (period == NULL || PM_IS_PERIOD (period));

  /* Periods are values: an equal one is no change. */
  if (self->period == period ||
      (self->period != NULL && period != NULL && pm_period_equal (self->period, period)))
    return;

  g_set_object (&self->period, period);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERIOD]);
}

PmSpendStatus
pm_spend_item_get_status (PmSpendItem *self)
{
  g_return_val_if_fail (PM_IS_SPEND_ITEM (self), PM_SPEND_SPENT);

  return self->status;
}

void
pm_spend_item_set_status (PmSpendItem   *self,
                          PmSpendStatus  status)
{
  g_return_if_fail (PM_IS_SPEND_ITEM (self));

  if (self->status == status)
    return;

  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}
