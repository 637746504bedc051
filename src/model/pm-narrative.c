/* pm-narrative.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "pm-model-private.h"
#include "pm-narrative.h"

struct _PmNarrative
{
  GObject   parent_instance;

  PmPeriod *period;
  char     *progress;
  char     *learning;
  char     *case_study;
  char     *risks;
  char     *milestones;
};

G_DEFINE_FINAL_TYPE (PmNarrative, pm_narrative, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PERIOD,
  PROP_PROGRESS,
  PROP_LEARNING,
  PROP_CASE_STUDY,
  PROP_RISKS,
  PROP_MILESTONES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pm_narrative_dispose (GObject *object)
{
  PmNarrative *self = PM_NARRATIVE (object);

  g_clear_object (&self->period);

  G_OBJECT_CLASS (pm_narrative_parent_class)->dispose (object);
}

static void
pm_narrative_finalize (GObject *object)
{
  PmNarrative *self = PM_NARRATIVE (object);

  g_clear_pointer (&self->progress, g_free);
  g_clear_pointer (&self->learning, g_free);
  g_clear_pointer (&self->case_study, g_free);
  g_clear_pointer (&self->risks, g_free);
  g_clear_pointer (&self->milestones, g_free);

  G_OBJECT_CLASS (pm_narrative_parent_class)->finalize (object);
}

static void
pm_narrative_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  PmNarrative *self = PM_NARRATIVE (object);

  switch (prop_id)
    {
    case PROP_PERIOD:
      g_value_set_object (value, self->period);
      break;

    case PROP_PROGRESS:
      g_value_set_string (value, self->progress);
      break;

    case PROP_LEARNING:
      g_value_set_string (value, self->learning);
      break;

    case PROP_CASE_STUDY:
      g_value_set_string (value, self->case_study);
      break;

    case PROP_RISKS:
      g_value_set_string (value, self->risks);
      break;

    case PROP_MILESTONES:
      g_value_set_string (value, self->milestones);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pm_narrative_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  PmNarrative *self = PM_NARRATIVE (object);

  switch (prop_id)
    {
    case PROP_PERIOD:
      self->period = g_value_dup_object (value);
      break;

    case PROP_PROGRESS:
      pm_narrative_set_progress (self, g_value_get_string (value));
      break;

    case PROP_LEARNING:
      pm_narrative_set_learning (self, g_value_get_string (value));
      break;

    case PROP_CASE_STUDY:
      pm_narrative_set_case_study (self, g_value_get_string (value));
      break;

    case PROP_RISKS:
      pm_narrative_set_risks (self, g_value_get_string (value));
      break;

    case PROP_MILESTONES:
      pm_narrative_set_milestones (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pm_narrative_class_init (PmNarrativeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pm_narrative_dispose;
  object_class->finalize = pm_narrative_finalize;
  object_class->get_property = pm_narrative_get_property;
  object_class->set_property = pm_narrative_set_property;

  properties[PROP_PERIOD] =
    g_param_spec_object ("period", NULL, NULL,
                         PM_TYPE_PERIOD,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_PROGRESS] =
    g_param_spec_string ("progress", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_LEARNING] =
    g_param_spec_string ("learning", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_CASE_STUDY] =
    g_param_spec_string ("case-study", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_RISKS] =
    g_param_spec_string ("risks", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_MILESTONES] =
    g_param_spec_string ("milestones", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pm_narrative_init (PmNarrative *self)
{
}

PmNarrative *
pm_narrative_new (PmPeriod *period)
{
  g_return_val_if_fail (PM_IS_PERIOD (period), NULL);

  return g_object_new (PM_TYPE_NARRATIVE,
                       "period", period,
                       NULL);
}

PmPeriod *
pm_narrative_get_period (PmNarrative *self)
{
  g_return_val_if_fail (PM_IS_NARRATIVE (self), NULL);

  return self->period;
}

const char *
pm_narrative_get_progress (PmNarrative *self)
{
  g_return_val_if_fail (PM_IS_NARRATIVE (self), NULL);

  return self->progress;
}

void
pm_narrative_set_progress (PmNarrative *self,
                           const char  *progress)
{
  g_return_if_fail (PM_IS_NARRATIVE (self));

  if (_pm_set_str (&self->progress, progress))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
}

const char *
pm_narrative_get_learning (PmNarrative *self)
{
  g_return_val_if_fail (PM_IS_NARRATIVE (self), NULL);

  return self->learning;
}

void
pm_narrative_set_learning (PmNarrative *self,
                           const char  *learning)
{
  g_return_if_fail (PM_IS_NARRATIVE (self));

  if (_pm_set_str (&self->learning, learning))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEARNING]);
}

const char *
pm_narrative_get_case_study (PmNarrative *self)
{
  g_return_val_if_fail (PM_IS_NARRATIVE (self), NULL);

  return self->case_study;
}

void
pm_narrative_set_case_study (PmNarrative *self,
                             const char  *case_study)
{
  g_return_if_fail (PM_IS_NARRATIVE (self));

  if (_pm_set_str (&self->case_study, case_study))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CASE_STUDY]);
}

const char *
pm_narrative_get_risks (PmNarrative *self)
{
  g_return_val_if_fail (PM_IS_NARRATIVE (self), NULL);

  return self->risks;
}

void
pm_narrative_set_risks (PmNarrative *self,
                        const char  *risks)
{
  g_return_if_fail (PM_IS_NARRATIVE (self));

  if (_pm_set_str (&self->risks, risks))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RISKS]);
}

const char *
pm_narrative_get_milestones (PmNarrative *self)
{
  g_return_val_if_fail (PM_IS_NARRATIVE (self), NULL);

  return self->milestones;
}

void
pm_narrative_set_milestones (PmNarrative *self,
                             const char  *milestones)
{
  g_return_if_fail (PM_IS_NARRATIVE (self));

  if (_pm_set_str (&self->milestones, milestones))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MILESTONES]);
}

PmNarrative *
pm_narrative_copy (PmNarrative *self)
{
  g_return_val_if_fail (PM_IS_NARRATIVE (self), NULL);

  return g_object_new (PM_TYPE_NARRATIVE,
                       "period", self->period,
                       "progress", self->progress,
                       "learning", self->learning,
                       "case-study", self->case_study,
                       "risks", self->risks,
                       "milestones", self->milestones,
                       NULL);
}

gboolean
pm_narrative_same_texts (PmNarrative *a,
                         PmNarrative *b)
{
  g_return_val_if_fail (PM_IS_NARRATIVE (a), FALSE);
  g_return_val_if_fail (PM_IS_NARRATIVE (b), FALSE);

  return g_strcmp0 (a->progress, b->progress) == 0 &&
         g_strcmp0 (a->learning, b->learning) == 0 &&
         g_strcmp0 (a->case_study, b->case_study) == 0 &&
         g_strcmp0 (a->risks, b->risks) == 0 &&
         g_strcmp0 (a->milestones, b->milestones) == 0;
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;

  return TRUE;
}

gboolean
pm_narrative_is_empty (PmNarrative *self)
{
  g_return_val_if_fail (PM_IS_NARRATIVE (self), TRUE);

  return is_blank (self->progress) &&
         is_blank (self->learning) &&
         is_blank (self->case_study) &&
         is_blank (self->risks) &&
         is_blank (self->milestones);
}
