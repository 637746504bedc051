/* pm-progress-entry.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>

#include <glib/gi18n.h>

#include "pm-enums.h"
#include "pm-kpi.h"
#include "pm-model-private.h"
#include "pm-progress-entry.h"
#include "pm-site-value.h"

typedef struct
{
  double numerator;
  double denominator;
} Fraction;

struct _PmProgressEntry
{
  GObject   parent_instance;

  PmPeriod *period;
  char     *note;
  /* PmSiteValue: the figures by site the value was given as, if any;
   * made when first asked for, as most values have none and a
   * programme holds hundreds of thousands of values. */
  GListStore *sites;
  /* The number and total a percentage was given as, or NULL: kept
   * apart, as few values have one and every byte here counts 600,000
   * times in a large programme. */
  Fraction *fraction;
  double    value;
  /* The row version this value was read or written as; 0 if unknown. */
  gint64    revision;
  guint     has_value : 1;
};

G_DEFINE_FINAL_TYPE (PmProgressEntry, pm_progress_entry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PERIOD,
  PROP_HAS_VALUE,
  PROP_VALUE,
  PROP_HAS_FRACTION,
  PROP_NUMERATOR,
  PROP_DENOMINATOR,
  PROP_NOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

gboolean
_pm_check_fraction (double   numerator,
                    double   denominator,
                    GError **error)
{
  if (!isfinite (numerator) || !isfinite (denominator))
    {
      g_set_error_literal (error, PM_MODEL_ERROR, PM_MODEL_ERROR_NOT_A_NUMBER,
                           _("Both the number and the total must be numbers."));
      return FALSE;
    }

  if (denominator <= 0)
    {
      g_set_error_literal (error, PM_MODEL_ERROR, PM_MODEL_ERROR_OUT_OF_RANGE,
                           _("The total must be more than zero."));
      return FALSE;
    }

  if (numerator < 0)
    {
      g_set_error_literal (error, PM_MODEL_ERROR, PM_MODEL_ERROR_OUT_OF_RANGE,
                           _("The number cannot be negative."));
      return FALSE;
    }

  if (numerator > denominator)
    {
      g_set_error (error, PM_MODEL_ERROR, PM_MODEL_ERROR_OUT_OF_RANGE,
                   _("%g out of %g is more than all of them: the number cannot be larger than the total."),
                   numerator, denominator);
      return FALSE;
    }

  return TRUE;
}

static void
pm_progress_entry_dispose (GObject *object)
{
  PmProgressEntry *self = PM_PROGRESS_ENTRY (object);

  g_clear_object (&self->period);
  g_clear_object (&self->sites);

  G_OBJECT_CLASS (pm_progress_entry_parent_class)->dispose (object);
}

static void
pm_progress_entry_finalize (GObject *object)
{
  PmProgressEntry *self = PM_PROGRESS_ENTRY (object);

  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->fraction, g_free);

  G_OBJECT_CLASS (pm_progress_entry_parent_class)->finalize (object);
}

static void
pm_progress_entry_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  PmProgressEntry *self = PM_PROGRESS_ENTRY (object);

  switch (prop_id)
    {
    case PROP_PERIOD:
      g_value_set_object (value, self->period);
      break;

    case PROP_HAS_VALUE:
      g_value_set_boolean (value, self->has_value);
      break;

    case PROP_VALUE:
      g_value_set_double (value, self->value);
      break;

    case PROP_HAS_FRACTION:
      g_value_set_boolean (value, self->fraction != NULL);
      break;

    case PROP_NUMERATOR:
      g_value_set_double (value, pm_progress_entry_get_numerator (self));
      break;

    case PROP_DENOMINATOR:
      g_value_set_double (value, pm_progress_entry_get_denominator (self));
      break;

    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pm_progress_entry_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  PmProgressEntry *self = PM_PROGRESS_ENTRY (object);

  switch (prop_id)
    {
    case PROP_PERIOD:
      self->period = g_value_dup_object (value);
      break;

    case PROP_VALUE:
      pm_progress_entry_set_value (self, g_value_get_double (value));
      break;

    case PROP_NOTE:
      pm_progress_entry_set_note (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pm_progress_entry_class_init (PmProgressEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pm_progress_entry_dispose;
  object_class->finalize = pm_progress_entry_finalize;
  object_class->get_property = pm_progress_entry_get_property;
  object_class->set_property = pm_progress_entry_set_property;

  properties[PROP_PERIOD] =
    g_param_spec_object ("period", NULL, NULL,
                         PM_TYPE_PERIOD,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_HAS_VALUE] =
    g_param_spec_boolean ("has-value", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  properties[PROP_VALUE] =
    g_param_spec_double ("value", NULL, NULL,
                         -G_MAXDOUBLE, G_MAXDOUBLE, 0.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_HAS_FRACTION] =
    g_param_spec_boolean ("has-fraction", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /* Read-only: a numerator alone would contradict the value; set both
   * with pm_progress_entry_set_fraction(). */
  properties[PROP_NUMERATOR] =
    g_param_spec_double ("numerator", NULL, NULL,
                         0.0, G_MAXDOUBLE, 0.0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  properties[PROP_DENOMINATOR] =
    g_param_spec_double ("denominator", NULL, NULL,
                         0.0, G_MAXDOUBLE, 0.0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pm_progress_entry_init (PmProgressEntry *self)
{
}

static GListStore *
ensure_sites (PmProgressEntry *self)
{
  if (self->sites == NULL)
    self->sites = g_list_store_new (PM_TYPE_SITE_VALUE);

  return self->sites;
}

static guint
n_sites (PmProgressEntry *self)
{
  return self->sites != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->sites)) : 0;
}

/* The site at @position, borrowed. */
static PmSiteValue *
borrow_site (PmProgressEntry *self,
             guint            position)
{
  PmSiteValue *site = g_list_model_get_item (G_LIST_MODEL (self->sites), position);

  g_object_unref (site);

  return site;
}

PmProgressEntry *
pm_progress_entry_new (PmPeriod *period)
{
  g_return_val_if_fail (PM_IS_PERIOD (period), NULL);

  return g_object_new (PM_TYPE_PROGRESS_ENTRY,
                       "period", period,
                       NULL);
}

PmProgressEntry *
pm_progress_entry_new_full (PmPeriod    *period,
                            gboolean     has_value,
                            double       value,
                            gboolean     has_fraction,
                            double       numerator,
                            double       denominator,
                            const char  *note,
                            gint64       revision,
                            GError     **error)
{
  PmProgressEntry *self;

  g_return_val_if_fail (PM_IS_PERIOD (period), NULL);
  g_return_val_if_fail (revision >= 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (has_fraction && !_pm_check_fraction (numerator, denominator, error))
    return NULL;

  /* The fields directly: nobody can listen to an object not yet
   * returned, and a load makes one of these per value. */
  self = g_object_new (PM_TYPE_PROGRESS_ENTRY, NULL);
  self->period = g_object_ref (period);
  if (has_fraction)
    {
      self->has_value = TRUE;
      self->value = 100.0 * numerator / denominator;
      self->fraction = g_new (Fraction, 1);
      self->fraction->numerator = numerator;
      self->fraction->denominator = denominator;
    }
  else if (has_value)
    {
      self->has_value = TRUE;
      self->value = value;
    }
  self->note = g_strdup (note);
  self->revision = revision;

  return self;
}

PmPeriod *
pm_progress_entry_get_period (PmProgressEntry *self)
{
  g_return_val_if_fail (PM_IS_PROGRESS_ENTRY (self), NULL);

  return self->period;
}

gboolean
pm_progress_entry_has_value (PmProgressEntry *self)
{
  g_return_val_if_fail (PM_IS_PROGRESS_ENTRY (self), FALSE);

  return self->has_value;
}

double
pm_progress_entry_get_value (PmProgressEntry *self)
{
  g_return_val_if_fail (PM_IS_PROGRESS_ENTRY (self), 0.0);

  return self->value;
}

/* Changes value, has-value and the fraction together, notifying each
 * property that really changed. */
static void
update_value (PmProgressEntry *self,
              gboolean         has_value,
              double           value,
              gboolean         has_fraction,
              double           numerator,
              double           denominator)
{
  GObject *object = G_OBJECT (self);

  g_object_freeze_notify (object);

  if (self->has_value != has_value)
    {
      self->has_value = has_value;
      g_object_notify_by_pspec (object, properties[PROP_HAS_VALUE]);
    }

  if (self->value != value)
    {
      self->value = value;
      g_object_notify_by_pspec (object, properties[PROP_VALUE]);
    }

  if (has_fraction != (self->fraction != NULL))
    g_object_notify_by_pspec (object, properties[PROP_HAS_FRACTION]);
  if (pm_progress_entry_get_numerator (self) != numerator)
    g_object_notify_by_pspec (object, properties[PROP_NUMERATOR]);
  if (pm_progress_entry_get_denominator (self) != denominator)
    g_object_notify_by_pspec (object, properties[PROP_DENOMINATOR]);

  if (has_fraction)
    {
      if (self->fraction == NULL)
        self->fraction = g_new (Fraction, 1);
      self->fraction->numerator = numerator;
      self->fraction->denominator = denominator;
    }
  else
    {
      g_clear_pointer (&self->fraction, g_free);
    }

  g_object_thaw_notify (object);
}

void
pm_progress_entry_set_value (PmProgressEntry *self,
                             double           value)
{
  g_return_if_fail (PM_IS_PROGRESS_ENTRY (self));

  /* A value typed directly no longer comes from the old fraction. */
  update_value (self, TRUE, value, FALSE, 0.0, 0.0);
}

void
pm_progress_entry_clear_value (PmProgressEntry *self)
{
  g_return_if_fail (PM_IS_PROGRESS_ENTRY (self));

  update_value (self, FALSE, 0.0, FALSE, 0.0, 0.0);
}

gboolean
pm_progress_entry_has_fraction (PmProgressEntry *self)
{
  g_return_val_if_fail (PM_IS_PROGRESS_ENTRY (self), FALSE);

  return self->fraction != NULL;
}

double
pm_progress_entry_get_numerator (PmProgressEntry *self)
{
  g_return_val_if_fail (PM_IS_PROGRESS_ENTRY (self), 0.0);

  return self->fraction != NULL ? self->fraction->numerator : 0.0;
}

double
pm_progress_entry_get_denominator (PmProgressEntry *self)
{
  g_return_val_if_fail (PM_IS_PROGRESS_ENTRY (self), 0.0);

  return self->fraction != NULL ? self->fraction->denominator : 0.0;
}

gboolean
pm_progress_entry_set_fraction (PmProgressEntry  *self,
                                double            numerator,
                                double            denominator,
                                GError          **error)
{
  g_return_val_if_fail (PM_IS_PROGRESS_ENTRY (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_pm_check_fraction (numerator, denominator, error))
    return FALSE;

  update_value (self, TRUE, 100.0 * numerator / denominator,
                TRUE, numerator, denominator);

  return TRUE;
}

const char *
pm_progress_entry_get_note (PmProgressEntry *self)
{
  g_return_val_if_fail (PM_IS_PROGRESS_ENTRY (self), NULL);

  return self->note;
}

void
pm_progress_entry_set_note (PmProgressEntry *self,
                            const char      *note)
{
  g_return_if_fail (PM_IS_PROGRESS_ENTRY (self));

  if (_pm_set_str (&self->note, note))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
}

PmProgressEntry *
pm_progress_entry_copy (PmProgressEntry *self)
{
  PmProgressEntry *copy;

  g_return_val_if_fail (PM_IS_PROGRESS_ENTRY (self), NULL);

  copy = pm_progress_entry_new (self->period);
  copy->has_value = self->has_value;
  copy->value = self->value;
  if (self->fraction != NULL)
    copy->fraction = g_memdup2 (self->fraction, sizeof *self->fraction);
  copy->note = g_strdup (self->note);
  copy->revision = self->revision;
  for (guint i = 0; i < n_sites (self); i++)
    {
      PmSiteValue *site = borrow_site (self, i);

      pm_progress_entry_add_site (copy, pm_site_value_get_site (site),
                                  pm_site_value_get_value (site));
    }

  return copy;
}

gint64
pm_progress_entry_get_revision (PmProgressEntry *self)
{
  g_return_val_if_fail (PM_IS_PROGRESS_ENTRY (self), 0);

  return self->revision;
}

void
pm_progress_entry_set_revision (PmProgressEntry *self,
                                gint64           revision)
{
  g_return_if_fail (PM_IS_PROGRESS_ENTRY (self));
  g_return_if_fail (revision >= 0);

  self->revision = revision;
}

static gboolean
same_sites (PmProgressEntry *a,
            PmProgressEntry *b)
{
  guint n = n_sites (a);

  if (n != n_sites (b))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      PmSiteValue *x = borrow_site (a, i);
      PmSiteValue *y = borrow_site (b, i);

      if (g_strcmp0 (pm_site_value_get_site (x), pm_site_value_get_site (y)) != 0 ||
          pm_site_value_get_value (x) != pm_site_value_get_value (y))
        return FALSE;
    }

  return TRUE;
}

gboolean
pm_progress_entry_equal (PmProgressEntry *a,
                         PmProgressEntry *b)
{
  g_return_val_if_fail (PM_IS_PROGRESS_ENTRY (a), FALSE);
  g_return_val_if_fail (PM_IS_PROGRESS_ENTRY (b), FALSE);

  if (a->has_value != b->has_value)
    return FALSE;
  if (a->has_value && a->value != b->value)
    return FALSE;
  if (!same_sites (a, b))
    return FALSE;
  return g_strcmp0 (a->note, b->note) == 0;
}

GListModel *
pm_progress_entry_get_sites (PmProgressEntry *self)
{
  g_return_val_if_fail (PM_IS_PROGRESS_ENTRY (self), NULL);

  return G_LIST_MODEL (ensure_sites (self));
}

void
pm_progress_entry_add_site (PmProgressEntry *self,
                            const char      *site,
                            double           value)
{
  g_autoptr(PmSiteValue) site_value = NULL;

  g_return_if_fail (PM_IS_PROGRESS_ENTRY (self));
  g_return_if_fail (site != NULL);

  site_value = pm_site_value_new (site, value);
  g_list_store_append (ensure_sites (self), site_value);
}

void
pm_progress_entry_clear_sites (PmProgressEntry *self)
{
  g_return_if_fail (PM_IS_PROGRESS_ENTRY (self));

  if (self->sites != NULL)
    g_list_store_remove_all (self->sites);
}

gboolean
pm_progress_entry_get_site_sum (PmProgressEntry *self,
                                double          *sum)
{
  guint n;
  double total = 0.0;

  g_return_val_if_fail (PM_IS_PROGRESS_ENTRY (self), FALSE);

  n = n_sites (self);
  for (guint i = 0; i < n; i++)
    total += pm_site_value_get_value (borrow_site (self, i));

  if (sum != NULL)
    *sum = total;

  return n > 0;
}

gboolean
pm_progress_entry_check_sites (PmProgressEntry  *self,
                               PmUnit            unit,
                               GError          **error)
{
  g_autofree char *value_text = NULL;
  g_autofree char *sum_text = NULL;
  guint n;
  double sum;

  g_return_val_if_fail (PM_IS_PROGRESS_ENTRY (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  n = n_sites (self);
  for (guint i = 0; i < n; i++)
    {
      PmSiteValue *site = borrow_site (self, i);

      if (!pm_unit_validate_value (unit, pm_site_value_get_value (site), error))
        {
          /* Translators: the site's name, then the reason its value is wrong */
          g_prefix_error (error, _("%s: "), pm_site_value_get_site (site));
          return FALSE;
        }
    }

  if (!pm_unit_is_additive (unit) || !self->has_value ||
      !pm_progress_entry_get_site_sum (self, &sum) || _pm_same_total (self->value, sum))
    return TRUE;

  value_text = pm_unit_format_value (unit, self->value);
  sum_text = pm_unit_format_value (unit, sum);
  g_set_error (error, PM_MODEL_ERROR, PM_MODEL_ERROR_INCONSISTENT,
               /* Translators: a value's total, then what its sites add up
                * to: "value 4,593 differs from the sum of its sites, 4,592" */
               _("value %s differs from the sum of its sites, %s"),
               value_text, sum_text);
  return FALSE;
}

gboolean
pm_progress_entry_total_sites (PmProgressEntry  *self,
                               PmUnit            unit,
                               GError          **error)
{
  double sum;

  g_return_val_if_fail (PM_IS_PROGRESS_ENTRY (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!pm_progress_entry_check_sites (self, unit, error))
    return FALSE;

  if (!self->has_value && pm_unit_is_additive (unit) &&
      pm_progress_entry_get_site_sum (self, &sum))
    update_value (self, TRUE, sum, FALSE, 0.0, 0.0);

  return TRUE;
}
