/* pm-baseline.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>

#include <glib/gi18n.h>

#include "pm-baseline.h"
#include "pm-date.h"
#include "pm-kpi.h"
#include "pm-model-private.h"
#include "pm-site-value.h"
#include "pm-wording.h"

struct _PmBaseline
{
  GObject          parent_instance;

  /* Owned references */
  PmPeriod        *period;
  GListStore      *sites;

  char            *date;
  char            *note;
  char            *source;
  double           value;
  double           numerator;
  double           denominator;
  PmBaselineState  state;
  guint            has_value : 1;
  guint            has_fraction : 1;
};

G_DEFINE_FINAL_TYPE (PmBaseline, pm_baseline, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STATE,
  PROP_HAS_VALUE,
  PROP_VALUE,
  PROP_HAS_FRACTION,
  PROP_NUMERATOR,
  PROP_DENOMINATOR,
  PROP_DATE,
  PROP_NOTE,
  PROP_PERIOD,
  PROP_SOURCE,
  PROP_SITES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pm_baseline_dispose (GObject *object)
{
  PmBaseline *self = PM_BASELINE (object);

  g_clear_object (&self->period);
  g_clear_object (&self->sites);

  G_OBJECT_CLASS (pm_baseline_parent_class)->dispose (object);
}

static void
pm_baseline_finalize (GObject *object)
{
  PmBaseline *self = PM_BASELINE (object);

  g_clear_pointer (&self->date, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->source, g_free);

  G_OBJECT_CLASS (pm_baseline_parent_class)->finalize (object);
}

static void
pm_baseline_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  PmBaseline *self = PM_BASELINE (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    case PROP_HAS_VALUE:
      g_value_set_boolean (value, self->has_value);
      break;

    case PROP_VALUE:
      g_value_set_double (value, self->value);
      break;

    case PROP_HAS_FRACTION:
      g_value_set_boolean (value, self->has_fraction);
      break;

    case PROP_NUMERATOR:
      g_value_set_double (value, self->numerator);
      break;

    case PROP_DENOMINATOR:
      g_value_set_double (value, self->denominator);
      break;

    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;

    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;

    case PROP_PERIOD:
      g_value_set_object (value, self->period);
      break;

    case PROP_SOURCE:
      g_value_set_string (value, self->source);
      break;

    case PROP_SITES:
      g_value_set_object (value, self->sites);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pm_baseline_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  PmBaseline *self = PM_BASELINE (object);

  switch (prop_id)
    {
    case PROP_STATE:
      pm_baseline_set_state (self, g_value_get_enum (value));
      break;

    case PROP_VALUE:
      pm_baseline_set_value (self, g_value_get_double (value));
      break;

    case PROP_DATE:
      pm_baseline_set_date (self, g_value_get_string (value));
      break;

    case PROP_NOTE:
      pm_baseline_set_note (self, g_value_get_string (value));
      break;

    case PROP_PERIOD:
      pm_baseline_set_period (self, g_value_get_object (value));
      break;

    case PROP_SOURCE:
      pm_baseline_set_source (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pm_baseline_class_init (PmBaselineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pm_baseline_dispose;
  object_class->finalize = pm_baseline_finalize;
  object_class->get_property = pm_baseline_get_property;
  object_class->set_property = pm_baseline_set_property;

  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL,
                       PM_TYPE_BASELINE_STATE, PM_BASELINE_TO_BE_CONFIRMED,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

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

  /* Read-only: set both at once with pm_baseline_set_fraction(). */
  properties[PROP_NUMERATOR] =
    g_param_spec_double ("numerator", NULL, NULL,
                         0.0, G_MAXDOUBLE, 0.0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  properties[PROP_DENOMINATOR] =
    g_param_spec_double ("denominator", NULL, NULL,
                         0.0, G_MAXDOUBLE, 0.0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  properties[PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_PERIOD] =
    g_param_spec_object ("period", NULL, NULL,
                         PM_TYPE_PERIOD,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_SOURCE] =
    g_param_spec_string ("source", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_SITES] =
    g_param_spec_object ("sites", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pm_baseline_init (PmBaseline *self)
{
  self->state = PM_BASELINE_TO_BE_CONFIRMED;
  self->sites = g_list_store_new (PM_TYPE_SITE_VALUE);
}

/* Changes the value and the fraction together, notifying only what
 * really changed. */
static void
update_value (PmBaseline *self,
              gboolean    has_value,
              double      value,
              gboolean    has_fraction,
              double      numerator,
              double      denominator)
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

  if (self->has_fraction != has_fraction)
    {
      self->has_fraction = has_fraction;
      g_object_notify_by_pspec (object, properties[PROP_HAS_FRACTION]);
    }

  if (self->numerator != numerator)
    {
      self->numerator = numerator;
      g_object_notify_by_pspec (object, properties[PROP_NUMERATOR]);
    }

  if (self->denominator != denominator)
    {
      self->denominator = denominator;
      g_object_notify_by_pspec (object, properties[PROP_DENOMINATOR]);
    }

  g_object_thaw_notify (object);
}

static void
update_state (PmBaseline      *self,
              PmBaselineState  state)
{
  if (self->state == state)
    return;

  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

PmBaseline *
pm_baseline_new_value (double      value,
                       const char *date,
                       const char *note)
{
  PmBaseline *self;

  self = g_object_new (PM_TYPE_BASELINE,
                       "date", date,
                       "note", note,
                       NULL);
  pm_baseline_set_value (self, value);

  return self;
}

PmBaseline *
pm_baseline_new_state (PmBaselineState state)
{
  g_return_val_if_fail (state != PM_BASELINE_VALUE, NULL);

  return g_object_new (PM_TYPE_BASELINE,
                       "state", state,
                       NULL);
}

PmBaseline *
pm_baseline_new_sites (const char *date,
                       const char *note)
{
  return g_object_new (PM_TYPE_BASELINE,
                       "state", PM_BASELINE_VALUE,
                       "date", date,
                       "note", note,
                       NULL);
}

PmBaselineState
pm_baseline_get_state (PmBaseline *self)
{
  g_return_val_if_fail (PM_IS_BASELINE (self), PM_BASELINE_NONE);

  return self->state;
}

void
pm_baseline_set_state (PmBaseline      *self,
                       PmBaselineState  state)
{
  g_return_if_fail (PM_IS_BASELINE (self));

  if (self->state == state)
    return;

  g_object_freeze_notify (G_OBJECT (self));

  /* A state stands instead of a value: leaving VALUE drops the figures so
   * that no stale number can be mistaken for a baseline. */
  if (state != PM_BASELINE_VALUE)
    {
      update_value (self, FALSE, 0.0, FALSE, 0.0, 0.0);
      g_list_store_remove_all (self->sites);
    }

  update_state (self, state);

  g_object_thaw_notify (G_OBJECT (self));
}

gboolean
pm_baseline_has_value (PmBaseline *self)
{
  g_return_val_if_fail (PM_IS_BASELINE (self), FALSE);

  return self->state == PM_BASELINE_VALUE && self->has_value;
}

double
pm_baseline_get_value (PmBaseline *self)
{
  g_return_val_if_fail (PM_IS_BASELINE (self), 0.0);

  return self->value;
}

void
pm_baseline_set_value (PmBaseline *self,
                       double      value)
{
  g_return_if_fail (PM_IS_BASELINE (self));

  g_object_freeze_notify (G_OBJECT (self));
  update_value (self, TRUE, value, FALSE, 0.0, 0.0);
  update_state (self, PM_BASELINE_VALUE);
  g_object_thaw_notify (G_OBJECT (self));
}

void
pm_baseline_clear_value (PmBaseline *self)
{
  g_return_if_fail (PM_IS_BASELINE (self));

  update_value (self, FALSE, 0.0, FALSE, 0.0, 0.0);
}

gboolean
pm_baseline_has_fraction (PmBaseline *self)
{
  g_return_val_if_fail (PM_IS_BASELINE (self), FALSE);

  return self->has_fraction;
}

double
pm_baseline_get_numerator (PmBaseline *self)
{
  g_return_val_if_fail (PM_IS_BASELINE (self), 0.0);

  return self->numerator;
}

double
pm_baseline_get_denominator (PmBaseline *self)
{
  g_return_val_if_fail (PM_IS_BASELINE (self), 0.0);

  return self->denominator;
}

gboolean
pm_baseline_set_fraction (PmBaseline  *self,
                          double       numerator,
                          double       denominator,
                          GError     **error)
{
  g_return_val_if_fail (PM_IS_BASELINE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_pm_check_fraction (numerator, denominator, error))
    return FALSE;

  g_object_freeze_notify (G_OBJECT (self));
  update_value (self, TRUE, 100.0 * numerator / denominator,
                TRUE, numerator, denominator);
  update_state (self, PM_BASELINE_VALUE);
  g_object_thaw_notify (G_OBJECT (self));

  return TRUE;
}

const char *
pm_baseline_get_date (PmBaseline *self)
{
  g_return_val_if_fail (PM_IS_BASELINE (self), NULL);

  return self->date;
}

void
pm_baseline_set_date (PmBaseline *self,
                      const char *date)
{
  g_return_if_fail (PM_IS_BASELINE (self));

  if (_pm_set_str (&self->date, date))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

const char *
pm_baseline_get_note (PmBaseline *self)
{
  g_return_val_if_fail (PM_IS_BASELINE (self), NULL);

  return self->note;
}

void
pm_baseline_set_note (PmBaseline *self,
                      const char *note)
{
  g_return_if_fail (PM_IS_BASELINE (self));

  if (_pm_set_str (&self->note, note))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
}

PmPeriod *
pm_baseline_get_period (PmBaseline *self)
{
  g_return_val_if_fail (PM_IS_BASELINE (self), NULL);

  return self->period;
}

void
pm_baseline_set_period (PmBaseline *self,
                        PmPeriod   *period)
{
  g_return_if_fail (PM_IS_BASELINE (self));
  g_return_if_fail (period == NULL || PM_IS_PERIOD (period));

  if (self->period == period ||
      (self->period != NULL && period != NULL && pm_period_equal (self->period, period)))
    return;

  g_set_object (&self->period, period);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERIOD]);
}

const char *
pm_baseline_get_source (PmBaseline *self)
{
  g_return_val_if_fail (PM_IS_BASELINE (self), NULL);

  return self->source;
}

void
pm_baseline_set_source (PmBaseline *self,
                        const char *source)
{
  g_return_if_fail (PM_IS_BASELINE (self));

  if (_pm_set_str (&self->source, source))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCE]);
}

GListModel *
pm_baseline_get_sites (PmBaseline *self)
{
  g_return_val_if_fail (PM_IS_BASELINE (self), NULL);

  return G_LIST_MODEL (self->sites);
}

void
pm_baseline_add_site (PmBaseline *self,
                      const char *site,
                      double      value)
{
  g_autoptr(PmSiteValue) site_value = NULL;

  g_return_if_fail (PM_IS_BASELINE (self));
  g_return_if_fail (site != NULL);

  site_value = pm_site_value_new (site, value);
  update_state (self, PM_BASELINE_VALUE);
  g_list_store_append (self->sites, site_value);
}

gboolean
pm_baseline_get_site_sum (PmBaseline *self,
                          double     *sum)
{
  GListModel *sites;
  guint n_sites;
  double total = 0.0;

  g_return_val_if_fail (PM_IS_BASELINE (self), FALSE);

  sites = G_LIST_MODEL (self->sites);
  n_sites = g_list_model_get_n_items (sites);
  for (guint i = 0; i < n_sites; i++)
    {
      g_autoptr(PmSiteValue) site = g_list_model_get_item (sites, i);

      total += pm_site_value_get_value (site);
    }

  if (sum != NULL)
    *sum = total;

  return n_sites > 0;
}

/* Sums of decimals are not exact in binary: a total that matches its
 * sites to a millionth is theirs. */
static gboolean
same_total (double a,
            double b)
{
  return fabs (a - b) <= 1e-6 * MAX (1.0, MAX (fabs (a), fabs (b)));
}

static gboolean
check_site_total (PmBaseline  *self,
                  PmUnit       unit,
                  double       sum,
                  GError     **error)
{
  g_autofree char *total_text = NULL;
  g_autofree char *sum_text = NULL;

  if (!self->has_value || same_total (self->value, sum))
    return TRUE;

  total_text = pm_unit_format_value (unit, self->value);
  sum_text = pm_unit_format_value (unit, sum);
  g_set_error (error, PM_MODEL_ERROR, PM_MODEL_ERROR_INCONSISTENT,
               /* Translators: a baseline's total, then what its sites add
                * up to: "total 4,593 differs from the sum of its sites, 4,592" */
               _("total %s differs from the sum of its sites, %s"),
               total_text, sum_text);
  return FALSE;
}

gboolean
pm_baseline_total_sites (PmBaseline  *self,
                         PmUnit       unit,
                         GError     **error)
{
  double sum;

  g_return_val_if_fail (PM_IS_BASELINE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->state != PM_BASELINE_VALUE || !pm_unit_is_additive (unit) ||
      !pm_baseline_get_site_sum (self, &sum))
    return TRUE;

  if (!check_site_total (self, unit, sum, error))
    return FALSE;

  if (!self->has_value)
    update_value (self, TRUE, sum, FALSE, 0.0, 0.0);

  return TRUE;
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
pm_baseline_validate (PmBaseline  *self,
                      PmUnit       unit,
                      GError     **error)
{
  guint n_sites;

  g_return_val_if_fail (PM_IS_BASELINE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  n_sites = g_list_model_get_n_items (G_LIST_MODEL (self->sites));

  if (self->date != NULL && !pm_date_validate (self->date, error))
    return FALSE;

  switch (self->state)
    {
    case PM_BASELINE_VALUE:
      if (!self->has_value && n_sites == 0)
        {
          g_set_error_literal (error, PM_MODEL_ERROR, PM_MODEL_ERROR_MISSING,
                               _("The baseline has no value: enter one, or say why there is none (for example “To be confirmed”)."));
          return FALSE;
        }

      if (self->has_value && !pm_unit_validate_value (unit, self->value, error))
        return FALSE;

      for (guint i = 0; i < n_sites; i++)
        {
          g_autoptr(PmSiteValue) site = g_list_model_get_item (G_LIST_MODEL (self->sites), i);

          if (!pm_unit_validate_value (unit, pm_site_value_get_value (site), error))
            {
              /* Translators: the site's name, then the reason its value is wrong */
              g_prefix_error (error, _("%s: "), pm_site_value_get_site (site));
              return FALSE;
            }
        }
      break;

    case PM_BASELINE_TO_BE_REPORTED:
      if (self->period == NULL)
        {
          g_set_error_literal (error, PM_MODEL_ERROR, PM_MODEL_ERROR_MISSING,
                               _("Say in which quarter the baseline will be reported."));
          return FALSE;
        }
      break;

    case PM_BASELINE_AWAITING_DATA:
      if (is_blank (self->source))
        {
          g_set_error_literal (error, PM_MODEL_ERROR, PM_MODEL_ERROR_MISSING,
                               _("Say who is to provide the baseline data."));
          return FALSE;
        }
      break;

    case PM_BASELINE_TO_BE_CONFIRMED:
    case PM_BASELINE_NONE:
    default:
      break;
    }

  return TRUE;
}

/* "4.6% Rawlett and 4.1% TEC": commas between all but the last pair. */
static void
append_sites (PmBaseline *self,
              PmUnit      unit,
              GString    *str)
{
  g_autofree char *sites = pm_wording_sites (G_LIST_MODEL (self->sites), unit);

  if (sites != NULL)
    g_string_append (str, sites);
}

char *
pm_baseline_format (PmBaseline *self,
                    PmUnit      unit)
{
  GString *str;
  guint n_sites;

  g_return_val_if_fail (PM_IS_BASELINE (self), NULL);

  switch (self->state)
    {
    case PM_BASELINE_TO_BE_CONFIRMED:
      return g_strdup (_("To be confirmed"));

    case PM_BASELINE_TO_BE_REPORTED:
      if (self->period != NULL)
        {
          g_autofree char *label = pm_period_get_label (self->period);

          return g_strdup_printf (_("To be reported at %s"), label);
        }
      return g_strdup (_("To be reported"));

    case PM_BASELINE_NONE:
      /* The note often repeats the state ("No baseline"): say it once. */
      if (!is_blank (self->note) &&
          g_ascii_strcasecmp (self->note, _("No baseline")) != 0)
        return g_strdup_printf (_("No baseline (%s)"), self->note);
      return g_strdup (_("No baseline"));

    case PM_BASELINE_AWAITING_DATA:
      if (!is_blank (self->source))
        return g_strdup_printf (_("Awaiting data from %s"), self->source);
      return g_strdup (_("Awaiting data"));

    case PM_BASELINE_VALUE:
    default:
      break;
    }

  str = g_string_new (NULL);

  /* A total is printed first with its sites beside it ("4,592 (1,000
   * Rawlett and 3,592 TEC)"); sites without a total (percentages,
   * which are not averaged) are printed alone. */
  n_sites = g_list_model_get_n_items (G_LIST_MODEL (self->sites));
  if (self->has_value)
    {
      g_autofree char *value = pm_unit_format_value (unit, self->value);

      g_string_append (str, value);
      if (unit == PM_UNIT_PERCENTAGE && self->has_fraction)
        {
          g_autofree char *numerator = pm_unit_format_value (PM_UNIT_COUNT, self->numerator);
          g_autofree char *denominator = pm_unit_format_value (PM_UNIT_COUNT, self->denominator);

          g_string_truncate (str, 0);
          /* Translators: a percentage with the counts it was worked out
           * from, "24.1% (212 of 879)" */
          g_string_append_printf (str, _("%s (%s of %s)"), value, numerator, denominator);
        }
      if (n_sites > 0)
        {
          g_string_append (str, " (");
          append_sites (self, unit, str);
          g_string_append_c (str, ')');
        }
      if (!is_blank (self->note))
        g_string_append_printf (str, " %s", self->note);
    }
  else if (n_sites > 0)
    {
      append_sites (self, unit, str);
      if (!is_blank (self->note))
        g_string_append_printf (str, " %s", self->note);
    }
  else
    {
      g_string_append (str, _("No value entered"));
      if (!is_blank (self->note))
        g_string_append_printf (str, " %s", self->note);
    }

  if (self->date != NULL)
    {
      g_autofree char *date = pm_date_format (self->date);

      g_string_append_printf (str, " (%s)", date);
    }

  return g_string_free (str, FALSE);
}

PmBaseline *
pm_baseline_copy (PmBaseline *self)
{
  PmBaseline *copy;
  guint n_sites;

  g_return_val_if_fail (PM_IS_BASELINE (self), NULL);

  copy = g_object_new (PM_TYPE_BASELINE, NULL);
  copy->state = self->state;
  copy->has_value = self->has_value;
  copy->value = self->value;
  copy->has_fraction = self->has_fraction;
  copy->numerator = self->numerator;
  copy->denominator = self->denominator;
  copy->date = g_strdup (self->date);
  copy->note = g_strdup (self->note);
  copy->source = g_strdup (self->source);
  g_set_object (&copy->period, self->period);

  n_sites = g_list_model_get_n_items (G_LIST_MODEL (self->sites));
  for (guint i = 0; i < n_sites; i++)
    {
      g_autoptr(PmSiteValue) site = g_list_model_get_item (G_LIST_MODEL (self->sites), i);
      g_autoptr(PmSiteValue) site_copy = pm_site_value_new (pm_site_value_get_site (site),
                                                            pm_site_value_get_value (site));

      g_list_store_append (copy->sites, site_copy);
    }

  return copy;
}
