/* pm-period.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib/gi18n.h>

#include "pm-enums.h"
#include "pm-period.h"

struct _PmPeriod
{
  GObject parent_instance;

  int     year;
  int     quarter;
};

G_DEFINE_FINAL_TYPE (PmPeriod, pm_period, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_YEAR,
  PROP_QUARTER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pm_period_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  PmPeriod *self = PM_PERIOD (object);

  switch (prop_id)
    {
    case PROP_YEAR:
      g_value_set_int (value, self->year);
      break;

    case PROP_QUARTER:
      g_value_set_int (value, self->quarter);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pm_period_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  PmPeriod *self = PM_PERIOD (object);

  switch (prop_id)
    {
    case PROP_YEAR:
      self->year = g_value_get_int (value);
      break;

    case PROP_QUARTER:
      self->quarter = g_value_get_int (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pm_period_class_init (PmPeriodClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = pm_period_get_property;
  object_class->set_property = pm_period_set_property;

  properties[PROP_YEAR] =
    g_param_spec_int ("year", NULL, NULL,
                      PM_PERIOD_MIN_YEAR, PM_PERIOD_MAX_YEAR, PM_PERIOD_MIN_YEAR,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_QUARTER] =
    g_param_spec_int ("quarter", NULL, NULL,
                      1, 4, 1,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pm_period_init (PmPeriod *self)
{
  self->year = PM_PERIOD_MIN_YEAR;
  self->quarter = 1;
}

PmPeriod *
pm_period_new (int year,
               int quarter)
{
  /* Periods are immutable, so each quarter is made once and shared: a
   * programme of ten years holds hundreds of thousands of values but
   * only forty periods. The table lives as long as the process. */
  static PmPeriod *interned[(PM_PERIOD_MAX_YEAR - PM_PERIOD_MIN_YEAR + 1) * 4];
  G_LOCK_DEFINE_STATIC (interned);
  PmPeriod **slot;
  PmPeriod *period;

  g_return_val_if_fail (year >= PM_PERIOD_MIN_YEAR && year <= PM_PERIOD_MAX_YEAR, NULL);
  g_return_val_if_fail (quarter >= 1 && quarter <= 4, NULL);

  slot = &interned[(year - PM_PERIOD_MIN_YEAR) * 4 + quarter - 1];

  G_LOCK (interned);
  if (*slot == NULL)
    *slot = g_object_new (PM_TYPE_PERIOD,
                          "year", year,
                          "quarter", quarter,
                          NULL);
  period = g_object_ref (*slot);
  G_UNLOCK (interned);

  return period;
}

PmPeriod *
pm_period_parse (const char  *code,
                 GError     **error)
{
  int year = 0;

  g_return_val_if_fail (code != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Strictly "FY" + four digits + "-Q" + 1..4: a lenient parser would
   * silently turn a typo into the wrong quarter. */
  if (strlen (code) != 9 ||
      code[0] != 'F' || code[1] != 'Y' ||
      !g_ascii_isdigit (code[2]) || !g_ascii_isdigit (code[3]) ||
      !g_ascii_isdigit (code[4]) || !g_ascii_isdigit (code[5]) ||
      code[6] != '-' || code[7] != 'Q' ||
      code[8] < '1' || code[8] > '4')
    goto invalid;

  for (int i = 2; i < 6; i++)
    year = year * 10 + g_ascii_digit_value (code[i]);

  if (year < PM_PERIOD_MIN_YEAR || year > PM_PERIOD_MAX_YEAR)
    goto invalid;

  return pm_period_new (year, code[8] - '0');

invalid:
  {
    /* The text may come from a damaged file: messages stay UTF-8. */
    g_autofree char *shown = g_utf8_make_valid (code, -1);

    g_set_error (error, PM_MODEL_ERROR, PM_MODEL_ERROR_INVALID_PERIOD,
                 _("“%s” is not a reporting period; write it as FY2016-Q3 "
                   "(the financial year starting in April 2016, third quarter)."),
                 shown);
  }
  return NULL;
}

PmPeriod *
pm_period_new_for_date (const GDate *date)
{
  int year, month;

  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  year = g_date_get_year (date);
  month = g_date_get_month (date);

  /* January to March belong to the financial year that began the April
   * before. */
  if (month >= 4)
    return pm_period_new (year, (month - 4) / 3 + 1);
  else
    return pm_period_new (year - 1, 4);
}

PmPeriod *
pm_period_new_current (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date,
                  g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now),
                  g_date_time_get_year (now));

  return pm_period_new_for_date (&date);
}

PmPeriod *
pm_period_new_from_index (int index)
{
  g_return_val_if_fail (index >= 0, NULL);

  return pm_period_new (index / 4, index % 4 + 1);
}

int
pm_period_get_year (PmPeriod *self)
{
  g_return_val_if_fail (PM_IS_PERIOD (self), 0);

  return self->year;
}

int
pm_period_get_quarter (PmPeriod *self)
{
  g_return_val_if_fail (PM_IS_PERIOD (self), 0);

  return self->quarter;
}

int
pm_period_get_index (PmPeriod *self)
{
  g_return_val_if_fail (PM_IS_PERIOD (self), 0);

  return self->year * 4 + (self->quarter - 1);
}

PmPeriod *
pm_period_next (PmPeriod *self)
{
  g_return_val_if_fail (PM_IS_PERIOD (self), NULL);

  return pm_period_new_from_index (pm_period_get_index (self) + 1);
}

PmPeriod *
pm_period_previous (PmPeriod *self)
{
  g_return_val_if_fail (PM_IS_PERIOD (self), NULL);

  return pm_period_new_from_index (pm_period_get_index (self) - 1);
}

char *
pm_period_to_code (PmPeriod *self)
{
  g_return_val_if_fail (PM_IS_PERIOD (self), NULL);

  return g_strdup_printf ("FY%04d-Q%d", self->year, self->quarter);
}

char *
pm_period_get_label (PmPeriod *self)
{
  g_return_val_if_fail (PM_IS_PERIOD (self), NULL);

  /* Translators: a financial-year quarter, "Q3 2016/17" */
  return g_strdup_printf (_("Q%d %d/%02d"),
                          self->quarter, self->year, (self->year + 1) % 100);
}

char *
pm_period_get_short_label (PmPeriod *self)
{
  g_return_val_if_fail (PM_IS_PERIOD (self), NULL);

  /* Translators: a financial-year quarter in little room, "Q3 16/17" */
  return g_strdup_printf (_("Q%d %02d/%02d"),
                          self->quarter, self->year % 100, (self->year + 1) % 100);
}

void
pm_period_get_start_date (PmPeriod *self,
                          GDate    *date)
{
  int month;
  int year;

  g_return_if_fail (PM_IS_PERIOD (self));
  g_return_if_fail (date != NULL);

  month = 4 + 3 * (self->quarter - 1);
  year = self->year;
  if (month > 12)
    {
      month -= 12;
      year += 1;
    }

  g_date_clear (date, 1);
  g_date_set_dmy (date, 1, month, year);
}

void
pm_period_get_end_date (PmPeriod *self,
                        GDate    *date)
{
  g_return_if_fail (PM_IS_PERIOD (self));
  g_return_if_fail (date != NULL);

  pm_period_get_start_date (self, date);
  g_date_add_months (date, 3);
  g_date_subtract_days (date, 1);
}

int
pm_period_compare (PmPeriod *a,
                   PmPeriod *b)
{
  int ia, ib;

  g_return_val_if_fail (PM_IS_PERIOD (a), 0);
  g_return_val_if_fail (PM_IS_PERIOD (b), 0);

  ia = pm_period_get_index (a);
  ib = pm_period_get_index (b);

  return (ia > ib) - (ia < ib);
}

gboolean
pm_period_equal (PmPeriod *a,
                 PmPeriod *b)
{
  g_return_val_if_fail (PM_IS_PERIOD (a), FALSE);
  g_return_val_if_fail (PM_IS_PERIOD (b), FALSE);

  return a->year == b->year && a->quarter == b->quarter;
}
