/* pm-kpi.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>

#include <glib/gi18n.h>

#include "pm-date.h"
#include "pm-kpi.h"
#include "pm-model-private.h"
#include "pm-pilot.h"
#include "pm-schedule.h"

struct _PmKpi
{
  GObject      parent_instance;

  /* Borrowed references */
  PmPilot     *pilot;

  /* Owned references */
  PmBaseline  *baseline;
  GListStore  *targets;
  GListStore  *entries;

  gint64       id;
  char        *title;
  char        *data_source;
  char        *indicator;
  char        *data_notes;
  double       tolerance;
  PmUnit       unit;
  PmDirection  direction;
  PmMeasure    measure;
  PmFrequency  frequency;
};

G_DEFINE_FINAL_TYPE (PmKpi, pm_kpi, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_UNIT,
  PROP_DIRECTION,
  PROP_MEASURE,
  PROP_FREQUENCY,
  PROP_TOLERANCE,
  PROP_DATA_SOURCE,
  PROP_INDICATOR,
  PROP_DATA_NOTES,
  PROP_BASELINE,
  PROP_TARGETS,
  PROP_ENTRIES,
  PROP_PILOT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pm_kpi_dispose (GObject *object)
{
  PmKpi *self = PM_KPI (object);

  g_clear_weak_pointer (&self->pilot);
  g_clear_object (&self->baseline);
  g_clear_object (&self->targets);
  g_clear_object (&self->entries);

  G_OBJECT_CLASS (pm_kpi_parent_class)->dispose (object);
}

static void
pm_kpi_finalize (GObject *object)
{
  PmKpi *self = PM_KPI (object);

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->data_source, g_free);
  g_clear_pointer (&self->indicator, g_free);
  g_clear_pointer (&self->data_notes, g_free);

  G_OBJECT_CLASS (pm_kpi_parent_class)->finalize (object);
}

static void
pm_kpi_get_property (GObject    *object,
                     guint       prop_id,
                     GValue     *value,
                     GParamSpec *pspec)
{
  PmKpi *self = PM_KPI (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_UNIT:
      g_value_set_enum (value, self->unit);
      break;

    case PROP_DIRECTION:
      g_value_set_enum (value, self->direction);
      break;

    case PROP_MEASURE:
      g_value_set_enum (value, self->measure);
      break;

    case PROP_FREQUENCY:
      g_value_set_enum (value, self->frequency);
      break;

    case PROP_TOLERANCE:
      g_value_set_double (value, self->tolerance);
      break;

    case PROP_DATA_SOURCE:
      g_value_set_string (value, self->data_source);
      break;

    case PROP_INDICATOR:
      g_value_set_string (value, self->indicator);
      break;

    case PROP_DATA_NOTES:
      g_value_set_string (value, self->data_notes);
      break;

    case PROP_BASELINE:
      g_value_set_object (value, self->baseline);
      break;

    case PROP_TARGETS:
      g_value_set_object (value, self->targets);
      break;

    case PROP_ENTRIES:
      g_value_set_object (value, self->entries);
      break;

    case PROP_PILOT:
      g_value_set_object (value, self->pilot);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pm_kpi_set_property (GObject      *object,
                     guint         prop_id,
                     const GValue *value,
                     GParamSpec   *pspec)
{
  PmKpi *self = PM_KPI (object);

  switch (prop_id)
    {
    case PROP_ID:
      pm_kpi_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_TITLE:
      pm_kpi_set_title (self, g_value_get_string (value));
      break;

    case PROP_UNIT:
      pm_kpi_set_unit (self, g_value_get_enum (value));
      break;

    case PROP_DIRECTION:
      pm_kpi_set_direction (self, g_value_get_enum (value));
      break;

    case PROP_MEASURE:
      pm_kpi_set_measure (self, g_value_get_enum (value));
      break;

    case PROP_FREQUENCY:
      pm_kpi_set_frequency (self, g_value_get_enum (value));
      break;

    case PROP_TOLERANCE:
      pm_kpi_set_tolerance (self, g_value_get_double (value));
      break;

    case PROP_DATA_SOURCE:
      pm_kpi_set_data_source (self, g_value_get_string (value));
      break;

    case PROP_INDICATOR:
      pm_kpi_set_indicator (self, g_value_get_string (value));
      break;

    case PROP_DATA_NOTES:
      pm_kpi_set_data_notes (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pm_kpi_class_init (PmKpiClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pm_kpi_dispose;
  object_class->finalize = pm_kpi_finalize;
  object_class->get_property = pm_kpi_get_property;
  object_class->set_property = pm_kpi_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_UNIT] =
    g_param_spec_enum ("unit", NULL, NULL,
                       PM_TYPE_UNIT, PM_UNIT_COUNT,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_DIRECTION] =
    g_param_spec_enum ("direction", NULL, NULL,
                       PM_TYPE_DIRECTION, PM_DIRECTION_INCREASE,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_MEASURE] =
    g_param_spec_enum ("measure", NULL, NULL,
                       PM_TYPE_MEASURE, PM_MEASURE_LEVEL,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_FREQUENCY] =
    g_param_spec_enum ("frequency", NULL, NULL,
                       PM_TYPE_FREQUENCY, PM_FREQUENCY_QUARTERLY,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_TOLERANCE] =
    g_param_spec_double ("tolerance", NULL, NULL,
                         0.0, G_MAXDOUBLE, PM_KPI_DEFAULT_TOLERANCE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_DATA_SOURCE] =
    g_param_spec_string ("data-source", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_INDICATOR] =
    g_param_spec_string ("indicator", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_DATA_NOTES] =
    g_param_spec_string ("data-notes", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Read-only: pm_kpi_set_baseline() validates and can refuse, which a
   * property setter could not report. */
  properties[PROP_BASELINE] =
    g_param_spec_object ("baseline", NULL, NULL,
                         PM_TYPE_BASELINE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  properties[PROP_TARGETS] =
    g_param_spec_object ("targets", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  properties[PROP_ENTRIES] =
    g_param_spec_object ("entries", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  properties[PROP_PILOT] =
    g_param_spec_object ("pilot", NULL, NULL,
                         PM_TYPE_PILOT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pm_kpi_init (PmKpi *self)
{
  self->unit = PM_UNIT_COUNT;
  self->direction = PM_DIRECTION_INCREASE;
  self->measure = PM_MEASURE_LEVEL;
  self->frequency = PM_FREQUENCY_QUARTERLY;
  self->tolerance = PM_KPI_DEFAULT_TOLERANCE;
  /* Until told otherwise the baseline is unknown, which is not "none". */
  self->baseline = pm_baseline_new_state (PM_BASELINE_TO_BE_CONFIRMED);
  self->targets = g_list_store_new (PM_TYPE_TARGET);
  self->entries = g_list_store_new (PM_TYPE_PROGRESS_ENTRY);
}

void
_pm_kpi_set_pilot (PmKpi   *self,
                   PmPilot *pilot)
{
  g_assert (PM_IS_KPI (self));

  if (g_set_weak_pointer (&self->pilot, pilot))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PILOT]);
}

PmKpi *
pm_kpi_new (const char  *title,
            PmUnit       unit,
            PmDirection  direction)
{
  return g_object_new (PM_TYPE_KPI,
                       "title", title,
                       "unit", unit,
                       "direction", direction,
                       NULL);
}

gint64
pm_kpi_get_id (PmKpi *self)
{
  g_return_val_if_fail (PM_IS_KPI (self), 0);

  return self->id;
}

void
pm_kpi_set_id (PmKpi  *self,
               gint64  id)
{
  g_return_if_fail (PM_IS_KPI (self));
  g_return_if_fail (id >= 0);

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
pm_kpi_get_title (PmKpi *self)
{
  g_return_val_if_fail (PM_IS_KPI (self), NULL);

  return self->title;
}

void
pm_kpi_set_title (PmKpi      *self,
                  const char *title)
{
  g_return_if_fail (PM_IS_KPI (self));

  if (_pm_set_str (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

PmUnit
pm_kpi_get_unit (PmKpi *self)
{
  g_return_val_if_fail (PM_IS_KPI (self), PM_UNIT_COUNT);

  return self->unit;
}

void
pm_kpi_set_unit (PmKpi  *self,
                 PmUnit  unit)
{
  g_return_if_fail (PM_IS_KPI (self));

  if (self->unit == unit)
    return;

  self->unit = unit;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNIT]);
}

PmDirection
pm_kpi_get_direction (PmKpi *self)
{
  g_return_val_if_fail (PM_IS_KPI (self), PM_DIRECTION_INCREASE);

  return self->direction;
}

void
pm_kpi_set_direction (PmKpi       *self,
                      PmDirection  direction)
{
  g_return_if_fail (PM_IS_KPI (self));

  if (self->direction == direction)
    return;

  self->direction = direction;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRECTION]);
}

PmMeasure
pm_kpi_get_measure (PmKpi *self)
{
  g_return_val_if_fail (PM_IS_KPI (self), PM_MEASURE_LEVEL);

  return self->measure;
}

void
pm_kpi_set_measure (PmKpi     *self,
                    PmMeasure  measure)
{
  g_return_if_fail (PM_IS_KPI (self));

  if (self->measure == measure)
    return;

  self->measure = measure;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEASURE]);
}

PmFrequency
pm_kpi_get_frequency (PmKpi *self)
{
  g_return_val_if_fail (PM_IS_KPI (self), PM_FREQUENCY_QUARTERLY);

  return self->frequency;
}

void
pm_kpi_set_frequency (PmKpi       *self,
                      PmFrequency  frequency)
{
  g_return_if_fail (PM_IS_KPI (self));

  if (self->frequency == frequency)
    return;

  self->frequency = frequency;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FREQUENCY]);
}

gboolean
pm_kpi_check_period (PmKpi     *self,
                     PmPeriod  *period,
                     GError   **error)
{
  g_return_val_if_fail (PM_IS_KPI (self), FALSE);
  g_return_val_if_fail (PM_IS_PERIOD (period), FALSE);

  return pm_period_check_frequency (period, self->frequency, self->title, error);
}

double
pm_kpi_get_tolerance (PmKpi *self)
{
  g_return_val_if_fail (PM_IS_KPI (self), PM_KPI_DEFAULT_TOLERANCE);

  return self->tolerance;
}

void
pm_kpi_set_tolerance (PmKpi  *self,
                      double  tolerance)
{
  g_return_if_fail (PM_IS_KPI (self));
  g_return_if_fail (isfinite (tolerance) && tolerance >= 0.0);

  if (self->tolerance == tolerance)
    return;

  self->tolerance = tolerance;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOLERANCE]);
}

const char *
pm_kpi_get_indicator (PmKpi *self)
{
  g_return_val_if_fail (PM_IS_KPI (self), NULL);

  return self->indicator;
}

void
pm_kpi_set_indicator (PmKpi      *self,
                      const char *key)
{
  g_return_if_fail (PM_IS_KPI (self));

  if (_pm_set_str (&self->indicator, key))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INDICATOR]);
}

const char *
pm_kpi_get_data_source (PmKpi *self)
{
  g_return_val_if_fail (PM_IS_KPI (self), NULL);

  return self->data_source;
}

void
pm_kpi_set_data_source (PmKpi      *self,
                        const char *data_source)
{
  g_return_if_fail (PM_IS_KPI (self));

  if (_pm_set_str (&self->data_source, data_source))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATA_SOURCE]);
}

const char *
pm_kpi_get_data_notes (PmKpi *self)
{
  g_return_val_if_fail (PM_IS_KPI (self), NULL);

  return self->data_notes;
}

void
pm_kpi_set_data_notes (PmKpi      *self,
                       const char *notes)
{
  g_return_if_fail (PM_IS_KPI (self));

  if (_pm_set_str (&self->data_notes, notes))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATA_NOTES]);
}

PmBaseline *
pm_kpi_get_baseline (PmKpi *self)
{
  g_return_val_if_fail (PM_IS_KPI (self), NULL);

  return self->baseline;
}

static gboolean
check_date_order (const char  *baseline_date,
                  const char  *target_date,
                  gboolean     blame_target,
                  GError     **error)
{
  g_autofree char *baseline_text = NULL;
  g_autofree char *target_text = NULL;

  if (baseline_date == NULL || target_date == NULL ||
      pm_date_compare (target_date, baseline_date) >= 0)
    return TRUE;

  baseline_text = pm_date_format (baseline_date);
  target_text = pm_date_format (target_date);

  /* Name the date the person is changing first. */
  if (blame_target)
    g_set_error (error, PM_MODEL_ERROR, PM_MODEL_ERROR_DATE_ORDER,
                 _("The target date (%s) is before the baseline date (%s)."),
                 target_text, baseline_text);
  else
    g_set_error (error, PM_MODEL_ERROR, PM_MODEL_ERROR_DATE_ORDER,
                 _("The baseline date (%s) is after the target date (%s)."),
                 baseline_text, target_text);

  return FALSE;
}

gboolean
pm_kpi_set_baseline (PmKpi       *self,
                     PmBaseline  *baseline,
                     GError     **error)
{
  guint n_targets;

  g_return_val_if_fail (PM_IS_KPI (self), FALSE);
  g_return_val_if_fail (PM_IS_BASELINE (baseline), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!pm_baseline_validate (baseline, self->unit, error))
    return FALSE;

  n_targets = g_list_model_get_n_items (G_LIST_MODEL (self->targets));
  for (guint i = 0; i < n_targets; i++)
    {
      g_autoptr(PmTarget) target = g_list_model_get_item (G_LIST_MODEL (self->targets), i);

      if (!check_date_order (pm_baseline_get_date (baseline),
                             pm_target_get_date (target),
                             FALSE, error))
        return FALSE;
    }

  if (g_set_object (&self->baseline, baseline))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BASELINE]);

  return TRUE;
}

PmPilot *
pm_kpi_get_pilot (PmKpi *self)
{
  g_return_val_if_fail (PM_IS_KPI (self), NULL);

  return self->pilot;
}

GListModel *
pm_kpi_get_targets (PmKpi *self)
{
  g_return_val_if_fail (PM_IS_KPI (self), NULL);

  return G_LIST_MODEL (self->targets);
}

PmTarget *
pm_kpi_get_current_target (PmKpi *self)
{
  g_autoptr(GPtrArray) milestones = NULL;

  g_return_val_if_fail (PM_IS_KPI (self), NULL);

  milestones = pm_kpi_get_milestones (self);
  if (milestones->len == 0)
    return NULL;

  /* The list store keeps its own reference: hand out a borrowed one. */
  return g_ptr_array_index (milestones, milestones->len - 1);
}

gboolean
pm_kpi_add_target (PmKpi     *self,
                   PmTarget  *target,
                   GError   **error)
{
  const char *date;
  const char *set_on;

  g_return_val_if_fail (PM_IS_KPI (self), FALSE);
  g_return_val_if_fail (PM_IS_TARGET (target), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!pm_unit_validate_value (self->unit, pm_target_get_value (target), error))
    return FALSE;

  date = pm_target_get_date (target);
  if (date != NULL && !pm_date_validate (date, error))
    return FALSE;

  set_on = pm_target_get_set_on (target);
  if (set_on != NULL && !pm_date_validate (set_on, error))
    return FALSE;

  if (!check_date_order (pm_baseline_get_date (self->baseline), date, TRUE, error) ||
      !_pm_schedule_check_add (self, target, error))
    return FALSE;

  g_list_store_append (self->targets, target);

  return TRUE;
}

GListModel *
pm_kpi_get_entries (PmKpi *self)
{
  g_return_val_if_fail (PM_IS_KPI (self), NULL);

  return G_LIST_MODEL (self->entries);
}
