/* pm-assessment.c: the RAG rule and the direction of travel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>

#include "pm-assessment.h"
#include "pm-date.h"
#include "pm-model-private.h"
#include "pm-schedule.h"

struct _PmAssessment
{
  GObject       parent_instance;

  /* Owned references */
  PmKpi        *kpi;
  PmPeriod     *period;

  double        value;
  double        change;
  double        profiled_target;
  PmRag         rag;
  PmGreyReason  grey_reason;
  PmTravel      travel_since_previous;
  PmTravel      travel_since_baseline;
  guint         has_value : 1;
  guint         has_change : 1;
  guint         has_profiled_target : 1;
};

G_DEFINE_FINAL_TYPE (PmAssessment, pm_assessment, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KPI,
  PROP_PERIOD,
  PROP_HAS_VALUE,
  PROP_VALUE,
  PROP_HAS_CHANGE,
  PROP_CHANGE,
  PROP_HAS_PROFILED_TARGET,
  PROP_PROFILED_TARGET,
  PROP_RAG,
  PROP_GREY_REASON,
  PROP_TRAVEL_SINCE_PREVIOUS,
  PROP_TRAVEL_SINCE_BASELINE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Declared with the assessment, the only thing that gives a reason. */
G_DEFINE_ENUM_TYPE (PmGreyReason, pm_grey_reason,
  G_DEFINE_ENUM_VALUE (PM_GREY_NONE, "none"),
  G_DEFINE_ENUM_VALUE (PM_GREY_NO_VALUE, "no-value"),
  G_DEFINE_ENUM_VALUE (PM_GREY_NO_BASELINE, "no-baseline"),
  G_DEFINE_ENUM_VALUE (PM_GREY_NO_TARGET, "no-target"))

double
pm_rag_profiled_target (double  baseline,
                        guint32 baseline_day,
                        double  target,
                        guint32 target_day,
                        guint32 t)
{
  /* Without both dates there is no line to draw: the target stands. */
  if (baseline_day == 0 || target_day == 0 || target_day <= baseline_day)
    return target;

  if (t <= baseline_day)
    return baseline;

  if (t >= target_day)
    return target;

  return baseline + (target - baseline) * (double) (t - baseline_day)
                                        / (double) (target_day - baseline_day);
}

double
pm_rag_profiled_schedule (double         baseline,
                          guint32        baseline_day,
                          const double  *values,
                          const guint32 *days,
                          guint          n,
                          guint32        t,
                          double        *heading)
{
  guint i = 0;

  g_return_val_if_fail (n > 0 && values != NULL && days != NULL, 0.0);

  /* The segment @t falls in: the first milestone not yet passed. */
  while (i + 1 < n && days[i] != 0 && t > days[i])
    i++;

  if (heading != NULL)
    *heading = values[i];

  if (i == 0)
    return pm_rag_profiled_target (baseline, baseline_day, values[0], days[0], t);

  return pm_rag_profiled_target (values[i - 1], days[i - 1], values[i], days[i], t);
}

PmRag
pm_rag_evaluate (PmDirection direction,
                 double      baseline,
                 double      target,
                 double      profiled,
                 double      value,
                 double      tolerance)
{
  double shortfall;
  double band;

  if (direction == PM_DIRECTION_MAINTAIN)
    {
      double deviation = fabs (value - profiled);

      band = tolerance * fabs (profiled);

      if (deviation <= band + _PM_EPSILON)
        return PM_RAG_GREEN;
      if (deviation <= 2 * band + _PM_EPSILON)
        return PM_RAG_AMBER;
      return PM_RAG_RED;
    }

  band = tolerance * fabs (target - baseline);

  if (direction == PM_DIRECTION_INCREASE)
    shortfall = profiled - value;
  else
    shortfall = value - profiled;

  if (shortfall <= _PM_EPSILON)
    return PM_RAG_GREEN;
  if (shortfall <= band + _PM_EPSILON)
    return PM_RAG_AMBER;
  return PM_RAG_RED;
}

PmTravel
pm_travel_evaluate (PmDirection direction,
                    double      from,
                    double      to,
                    double      level)
{
  double delta = to - from;

  if (fabs (delta) <= _PM_EPSILON)
    return PM_TRAVEL_STEADY;

  switch (direction)
    {
    case PM_DIRECTION_INCREASE:
      return delta > 0 ? PM_TRAVEL_IMPROVING : PM_TRAVEL_WORSENING;

    case PM_DIRECTION_REDUCE:
      return delta < 0 ? PM_TRAVEL_IMPROVING : PM_TRAVEL_WORSENING;

    case PM_DIRECTION_MAINTAIN:
      {
        double closer = fabs (from - level) - fabs (to - level);

        if (fabs (closer) <= _PM_EPSILON)
          return PM_TRAVEL_STEADY;
        return closer > 0 ? PM_TRAVEL_IMPROVING : PM_TRAVEL_WORSENING;
      }

    default:
      g_return_val_if_reached (PM_TRAVEL_UNKNOWN);
    }
}

/* The rule on what was found for a value of @kpi. Grey, in this order:
 * nothing to judge, nothing to judge it from, nothing to judge it
 * against. */
static PmRag
rate (PmKpi        *kpi,
      gboolean      has_value,
      double        value,
      gboolean      has_baseline,
      double        baseline_value,
      gboolean      has_profiled_target,
      double        profiled_target,
      double        heading,
      PmGreyReason *grey_reason)
{
  if (!has_value)
    *grey_reason = PM_GREY_NO_VALUE;
  else if (!has_baseline)
    *grey_reason = PM_GREY_NO_BASELINE;
  else if (!has_profiled_target)
    *grey_reason = PM_GREY_NO_TARGET;
  else
    *grey_reason = PM_GREY_NONE;

  if (*grey_reason != PM_GREY_NONE)
    return PM_RAG_GREY;

  return pm_rag_evaluate (pm_kpi_get_direction (kpi), baseline_value, heading, profiled_target,
                          value, pm_kpi_get_tolerance (kpi));
}

/* Takes the snapshot: everything is computed once, here. */
static void
assess (PmAssessment *self)
{
  PmBaseline *baseline = pm_kpi_get_baseline (self->kpi);
  PmDirection direction = pm_kpi_get_direction (self->kpi);
  /* A KPI of another frequency is judged on its latest value by then,
   * at the end of that value's own period. */
  PmProgressEntry *entry = pm_kpi_get_entry_at (self->kpi, self->period);
  PmPeriod *judged = entry != NULL ? pm_progress_entry_get_period (entry) : self->period;
  PmProgressEntry *previous;
  gboolean has_baseline = pm_baseline_has_value (baseline);
  double baseline_value = has_baseline ? pm_baseline_get_value (baseline) : 0.0;
  double heading = 0.0;
  double level;
  GDate end;

  self->has_value = entry != NULL && pm_progress_entry_has_value (entry);
  self->value = self->has_value ? pm_progress_entry_get_value (entry) : 0.0;

  self->has_change = self->has_value && has_baseline;
  self->change = self->has_change ? self->value - baseline_value : 0.0;

  /* Judged against the milestone the end of the value's own period is
   * heading for. */
  pm_period_get_end_date (judged, &end);
  self->has_profiled_target =
    pm_kpi_get_profiled_target (self->kpi, g_date_get_julian (&end),
                                &self->profiled_target, &heading);

  self->rag = rate (self->kpi, self->has_value, self->value, has_baseline, baseline_value,
                    self->has_profiled_target, self->profiled_target, heading, &self->grey_reason);

  if (self->has_profiled_target)
    level = heading;
  else if (has_baseline)
    level = baseline_value;
  else
    level = NAN;

  self->travel_since_previous = PM_TRAVEL_UNKNOWN;
  self->travel_since_baseline = PM_TRAVEL_UNKNOWN;

  if (!self->has_value)
    return;

  previous = pm_kpi_get_previous_entry (self->kpi, judged);
  if (previous != NULL)
    {
      double from = pm_progress_entry_get_value (previous);

      /* With no level to hold, keeping the last value is the aim. */
      self->travel_since_previous =
        pm_travel_evaluate (direction, from, self->value, isnan (level) ? from : level);
    }

  if (has_baseline)
    self->travel_since_baseline =
      pm_travel_evaluate (direction, baseline_value, self->value, level);
}

void
pm_assessment_rate_entries (PmKpi            *kpi,
                            PmProgressEntry **entries,
                            guint             n_entries,
                            PmRag            *rags)
{
  g_autofree guint32 *days = NULL;
  g_autofree double *profiled = NULL;
  g_autofree double *heading = NULL;
  PmBaseline *baseline;
  gboolean has_baseline, has_target;
  double baseline_value;

  g_return_if_fail (PM_IS_KPI (kpi));
  g_return_if_fail (entries != NULL || n_entries == 0);
  g_return_if_fail (rags != NULL || n_entries == 0);

  baseline = pm_kpi_get_baseline (kpi);
  has_baseline = pm_baseline_has_value (baseline);
  baseline_value = has_baseline ? pm_baseline_get_value (baseline) : 0.0;

  /* Each judged at the end of its own period, as assess() judges it. */
  days = g_new (guint32, MAX (n_entries, 1));
  profiled = g_new0 (double, MAX (n_entries, 1));
  heading = g_new0 (double, MAX (n_entries, 1));
  for (guint i = 0; i < n_entries; i++)
    {
      GDate end;

      g_return_if_fail (PM_IS_PROGRESS_ENTRY (entries[i]));
      pm_period_get_end_date (pm_progress_entry_get_period (entries[i]), &end);
      days[i] = g_date_get_julian (&end);
    }
  has_target = pm_kpi_get_profiled_targets (kpi, days, n_entries, profiled, heading);

  for (guint i = 0; i < n_entries; i++)
    {
      gboolean has_value = pm_progress_entry_has_value (entries[i]);
      PmGreyReason reason;

      rags[i] = rate (kpi, has_value, has_value ? pm_progress_entry_get_value (entries[i]) : 0.0,
                      has_baseline, baseline_value, has_target, profiled[i], heading[i], &reason);
    }
}

static void
pm_assessment_constructed (GObject *object)
{
  PmAssessment *self = PM_ASSESSMENT (object);

  G_OBJECT_CLASS (pm_assessment_parent_class)->constructed (object);

  g_return_if_fail (PM_IS_KPI (self->kpi));
  g_return_if_fail (PM_IS_PERIOD (self->period));

  assess (self);
}

static void
pm_assessment_dispose (GObject *object)
{
  PmAssessment *self = PM_ASSESSMENT (object);

  g_clear_object (&self->kpi);
  g_clear_object (&self->period);

  G_OBJECT_CLASS (pm_assessment_parent_class)->dispose (object);
}

static void
pm_assessment_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  PmAssessment *self = PM_ASSESSMENT (object);

  switch (prop_id)
    {
    case PROP_KPI:
      g_value_set_object (value, self->kpi);
      break;

    case PROP_PERIOD:
      g_value_set_object (value, self->period);
      break;

    case PROP_HAS_VALUE:
      g_value_set_boolean (value, self->has_value);
      break;

    case PROP_VALUE:
      g_value_set_double (value, self->value);
      break;

    case PROP_HAS_CHANGE:
      g_value_set_boolean (value, self->has_change);
      break;

    case PROP_CHANGE:
      g_value_set_double (value, self->change);
      break;

    case PROP_HAS_PROFILED_TARGET:
      g_value_set_boolean (value, self->has_profiled_target);
      break;

    case PROP_PROFILED_TARGET:
      g_value_set_double (value, self->profiled_target);
      break;

    case PROP_RAG:
      g_value_set_enum (value, self->rag);
      break;

    case PROP_GREY_REASON:
      g_value_set_enum (value, self->grey_reason);
      break;

    case PROP_TRAVEL_SINCE_PREVIOUS:
      g_value_set_enum (value, self->travel_since_previous);
      break;

    case PROP_TRAVEL_SINCE_BASELINE:
      g_value_set_enum (value, self->travel_since_baseline);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pm_assessment_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  PmAssessment *self = PM_ASSESSMENT (object);

  switch (prop_id)
    {
    case PROP_KPI:
      self->kpi = g_value_dup_object (value);
      break;

    case PROP_PERIOD:
      self->period = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pm_assessment_class_init (PmAssessmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags read_only = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->constructed = pm_assessment_constructed;
  object_class->dispose = pm_assessment_dispose;
  object_class->get_property = pm_assessment_get_property;
  object_class->set_property = pm_assessment_set_property;

  properties[PROP_KPI] =
    g_param_spec_object ("kpi", NULL, NULL,
                         PM_TYPE_KPI,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_PERIOD] =
    g_param_spec_object ("period", NULL, NULL,
                         PM_TYPE_PERIOD,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_HAS_VALUE] =
    g_param_spec_boolean ("has-value", NULL, NULL, FALSE, read_only);

  properties[PROP_VALUE] =
    g_param_spec_double ("value", NULL, NULL,
                         -G_MAXDOUBLE, G_MAXDOUBLE, 0.0, read_only);

  properties[PROP_HAS_CHANGE] =
    g_param_spec_boolean ("has-change", NULL, NULL, FALSE, read_only);

  properties[PROP_CHANGE] =
    g_param_spec_double ("change", NULL, NULL,
                         -G_MAXDOUBLE, G_MAXDOUBLE, 0.0, read_only);

  properties[PROP_HAS_PROFILED_TARGET] =
    g_param_spec_boolean ("has-profiled-target", NULL, NULL, FALSE, read_only);

  properties[PROP_PROFILED_TARGET] =
    g_param_spec_double ("profiled-target", NULL, NULL,
                         -G_MAXDOUBLE, G_MAXDOUBLE, 0.0, read_only);

  properties[PROP_RAG] =
    g_param_spec_enum ("rag", NULL, NULL,
                       PM_TYPE_RAG, PM_RAG_GREY, read_only);

  properties[PROP_GREY_REASON] =
    g_param_spec_enum ("grey-reason", NULL, NULL,
                       PM_TYPE_GREY_REASON, PM_GREY_NO_VALUE, read_only);

  properties[PROP_TRAVEL_SINCE_PREVIOUS] =
    g_param_spec_enum ("travel-since-previous", NULL, NULL,
                       PM_TYPE_TRAVEL, PM_TRAVEL_UNKNOWN, read_only);

  properties[PROP_TRAVEL_SINCE_BASELINE] =
    g_param_spec_enum ("travel-since-baseline", NULL, NULL,
                       PM_TYPE_TRAVEL, PM_TRAVEL_UNKNOWN, read_only);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pm_assessment_init (PmAssessment *self)
{
  self->rag = PM_RAG_GREY;
  self->grey_reason = PM_GREY_NO_VALUE;
}

PmAssessment *
pm_assessment_new (PmKpi    *kpi,
                   PmPeriod *period)
{
  g_return_val_if_fail (PM_IS_KPI (kpi), NULL);
  g_return_val_if_fail (PM_IS_PERIOD (period), NULL);

  return g_object_new (PM_TYPE_ASSESSMENT,
                       "kpi", kpi,
                       "period", period,
                       NULL);
}

PmKpi *
pm_assessment_get_kpi (PmAssessment *self)
{
  g_return_val_if_fail (PM_IS_ASSESSMENT (self), NULL);

  return self->kpi;
}

PmPeriod *
pm_assessment_get_period (PmAssessment *self)
{
  g_return_val_if_fail (PM_IS_ASSESSMENT (self), NULL);

  return self->period;
}

gboolean
pm_assessment_has_value (PmAssessment *self)
{
  g_return_val_if_fail (PM_IS_ASSESSMENT (self), FALSE);

  return self->has_value;
}

double
pm_assessment_get_value (PmAssessment *self)
{
  g_return_val_if_fail (PM_IS_ASSESSMENT (self), 0.0);

  return self->value;
}

gboolean
pm_assessment_has_change (PmAssessment *self)
{
  g_return_val_if_fail (PM_IS_ASSESSMENT (self), FALSE);

  return self->has_change;
}

double
pm_assessment_get_change (PmAssessment *self)
{
  g_return_val_if_fail (PM_IS_ASSESSMENT (self), 0.0);

  return self->change;
}

gboolean
pm_assessment_has_profiled_target (PmAssessment *self)
{
  g_return_val_if_fail (PM_IS_ASSESSMENT (self), FALSE);

  return self->has_profiled_target;
}

double
pm_assessment_get_profiled_target (PmAssessment *self)
{
  g_return_val_if_fail (PM_IS_ASSESSMENT (self), 0.0);

  return self->profiled_target;
}

PmRag
pm_assessment_get_rag (PmAssessment *self)
{
  g_return_val_if_fail (PM_IS_ASSESSMENT (self), PM_RAG_GREY);

  return self->rag;
}

PmGreyReason
pm_assessment_get_grey_reason (PmAssessment *self)
{
  g_return_val_if_fail (PM_IS_ASSESSMENT (self), PM_GREY_NO_VALUE);

  return self->grey_reason;
}

PmTravel
pm_assessment_get_travel_since_previous (PmAssessment *self)
{
  g_return_val_if_fail (PM_IS_ASSESSMENT (self), PM_TRAVEL_UNKNOWN);

  return self->travel_since_previous;
}

PmTravel
pm_assessment_get_travel_since_baseline (PmAssessment *self)
{
  g_return_val_if_fail (PM_IS_ASSESSMENT (self), PM_TRAVEL_UNKNOWN);

  return self->travel_since_baseline;
}
