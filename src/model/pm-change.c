/* pm-change.c: one entry of the audit trail
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "pm-change.h"

struct _PmChange
{
  GObject         parent_instance;

  char           *at;
  char           *author;
  PmChangeSource  source;
  PmChangeKind    kind;
  PmPeriod       *period;
  double          old_value;
  double          new_value;
  char           *old_text;
  char           *new_text;
};

G_DEFINE_FINAL_TYPE (PmChange, pm_change, G_TYPE_OBJECT)

static void
pm_change_finalize (GObject *object)
{
  PmChange *self = PM_CHANGE (object);

  g_clear_pointer (&self->at, g_free);
  g_clear_pointer (&self->author, g_free);
  g_clear_object (&self->period);
  g_clear_pointer (&self->old_text, g_free);
  g_clear_pointer (&self->new_text, g_free);

  G_OBJECT_CLASS (pm_change_parent_class)->finalize (object);
}

static void
pm_change_class_init (PmChangeClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pm_change_finalize;
}

static void
pm_change_init (PmChange *self)
{
  self->old_value = NAN;
  self->new_value = NAN;
}

PmChange *
pm_change_new (const char     *at,
               const char     *author,
               PmChangeSource  source,
               PmChangeKind    kind,
               PmPeriod       *period,
               double          old_value,
               double          new_value,
               const char     *old_text,
               const char     *new_text)
{
  PmChange *self;

  g_return_val_if_fail (at != NULL, NULL);
  g_return_val_if_fail (period == NULL || PM_IS_PERIOD (period), NULL);

  self = g_object_new (PM_TYPE_CHANGE, NULL);
  self->at = g_strdup (at);
  self->author = g_strdup (author);
  self->source = source;
  self->kind = kind;
  self->period = period != NULL ? g_object_ref (period) : NULL;
  self->old_value = old_value;
  self->new_value = new_value;
  self->old_text = g_strdup (old_text);
  self->new_text = g_strdup (new_text);

  return self;
}

const char *
pm_change_get_at (PmChange *self)
{
  g_return_val_if_fail (PM_IS_CHANGE (self), NULL);
  return self->at;
}

const char *
pm_change_get_author (PmChange *self)
{
  g_return_val_if_fail (PM_IS_CHANGE (self), NULL);
  return self->author;
}

PmChangeSource
pm_change_get_source (PmChange *self)
{
  g_return_val_if_fail (PM_IS_CHANGE (self), PM_CHANGE_TYPED);
  return self->source;
}

PmChangeKind
pm_change_get_kind (PmChange *self)
{
  g_return_val_if_fail (PM_IS_CHANGE (self), PM_CHANGE_VALUE);
  return self->kind;
}

PmPeriod *
pm_change_get_period (PmChange *self)
{
  g_return_val_if_fail (PM_IS_CHANGE (self), NULL);
  return self->period;
}

gboolean
pm_change_has_old_value (PmChange *self)
{
  g_return_val_if_fail (PM_IS_CHANGE (self), FALSE);
  return !isnan (self->old_value);
}

double
pm_change_get_old_value (PmChange *self)
{
  g_return_val_if_fail (PM_IS_CHANGE (self), NAN);
  return self->old_value;
}

gboolean
pm_change_has_new_value (PmChange *self)
{
  g_return_val_if_fail (PM_IS_CHANGE (self), FALSE);
  return !isnan (self->new_value);
}

double
pm_change_get_new_value (PmChange *self)
{
  g_return_val_if_fail (PM_IS_CHANGE (self), NAN);
  return self->new_value;
}

const char *
pm_change_get_old_text (PmChange *self)
{
  g_return_val_if_fail (PM_IS_CHANGE (self), NULL);
  return self->old_text;
}

const char *
pm_change_get_new_text (PmChange *self)
{
  g_return_val_if_fail (PM_IS_CHANGE (self), NULL);
  return self->new_text;
}

gboolean
pm_change_is_note_only (PmChange *self)
{
  g_return_val_if_fail (PM_IS_CHANGE (self), FALSE);

  if (self->kind != PM_CHANGE_VALUE)
    return FALSE;
  if (pm_change_has_old_value (self) != pm_change_has_new_value (self))
    return FALSE;
  if (pm_change_has_old_value (self) && self->old_value != self->new_value)
    return FALSE;

  return g_strcmp0 (self->old_text != NULL ? self->old_text : "",
                    self->new_text != NULL ? self->new_text : "") != 0;
}

const char *
pm_change_source_to_words (PmChangeSource source)
{
  switch (source)
    {
    case PM_CHANGE_CSV:
      return _("from a CSV file");
    case PM_CHANGE_RETURN:
      return _("from a return");
    case PM_CHANGE_IMPORT:
      return _("from a programme file");
    case PM_CHANGE_TYPED:
    default:
      return _("typed");
    }
}
