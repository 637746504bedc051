/* pm-restatement.c: a value changed since the committee saw it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "pm-restatement.h"

struct _PmRestatement
{
  GObject   parent_instance;

  PmKpi    *kpi;
  PmPeriod *period;
  char     *reported_on;
  double    reported_value;
  double    restated_value;
  char     *reason;
};

G_DEFINE_FINAL_TYPE (PmRestatement, pm_restatement, G_TYPE_OBJECT)

static void
pm_restatement_finalize (GObject *object)
{
  PmRestatement *self = PM_RESTATEMENT (object);

  g_clear_object (&self->kpi);
  g_clear_object (&self->period);
  g_clear_pointer (&self->reported_on, g_free);
  g_clear_pointer (&self->reason, g_free);

  G_OBJECT_CLASS (pm_restatement_parent_class)->finalize (object);
}

static void
pm_restatement_class_init (PmRestatementClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pm_restatement_finalize;
}

static void
pm_restatement_init (PmRestatement *self)
{
  self->reported_value = NAN;
  self->restated_value = NAN;
}

PmRestatement *
pm_restatement_new (PmKpi      *kpi,
                    PmPeriod   *period,
                    const char *reported_on,
                    double      reported_value,
                    double      restated_value,
                    const char *reason)
{
  PmRestatement *self;

  g_return_val_if_fail (PM_IS_KPI (kpi), NULL);
  g_return_val_if_fail (PM_IS_PERIOD (period), NULL);
  g_return_val_if_fail (reported_on != NULL, NULL);

  self = g_object_new (PM_TYPE_RESTATEMENT, NULL);
  self->kpi = g_object_ref (kpi);
  self->period = g_object_ref (period);
  self->reported_on = g_strdup (reported_on);
  self->reported_value = reported_value;
  self->restated_value = restated_value;
  self->reason = reason != NULL && reason[0] != '\0' ? g_strdup (reason) : NULL;

  return self;
}

PmKpi *
pm_restatement_get_kpi (PmRestatement *self)
{
  g_return_val_if_fail (PM_IS_RESTATEMENT (self), NULL);

  return self->kpi;
}

PmPeriod *
pm_restatement_get_period (PmRestatement *self)
{
  g_return_val_if_fail (PM_IS_RESTATEMENT (self), NULL);

  return self->period;
}

const char *
pm_restatement_get_reported_on (PmRestatement *self)
{
  g_return_val_if_fail (PM_IS_RESTATEMENT (self), NULL);

  return self->reported_on;
}

double
pm_restatement_get_reported_value (PmRestatement *self)
{
  g_return_val_if_fail (PM_IS_RESTATEMENT (self), NAN);

  return self->reported_value;
}

double
pm_restatement_get_restated_value (PmRestatement *self)
{
  g_return_val_if_fail (PM_IS_RESTATEMENT (self), NAN);

  return self->restated_value;
}

const char *
pm_restatement_get_reason (PmRestatement *self)
{
  g_return_val_if_fail (PM_IS_RESTATEMENT (self), NULL);

  return self->reason;
}
